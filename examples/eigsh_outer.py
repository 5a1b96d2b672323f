"""The eigenvalue-sensitivity thread's own example (reference/eigenvalue-sensitivity-thread.txt):
the largest eigenvalue of p pᵀ computed by a Krylov method (ARPACK's Lanczos, eigsh), as a
function of p. Its gradient is 2 p (the top eigenvalue is ‖p‖²). The generated gradient never
forms dA/dp: the adjoint of the eigenvalue stays factored, V diag(λ̄) Vᵀ, and is pushed back
through np.outer as V (λ̄ ∘ Vᵀ p), O(nk)."""

import numpy as np
import scipy.sparse.linalg


def top_eigenvalue_eigsh(p: "n"):
    A = np.outer(p, p)
    w, V = scipy.sparse.linalg.eigsh(A, k=1, which="LA")
    return w[0]
