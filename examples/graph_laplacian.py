"""A graph Laplacian L (a scipy.sparse constant) plus a diagonal potential p: the sum of the
top-k eigenvalues of L + diag(p) by eigsh, as a function of p. Nothing n×n is formed: the
gradient is p̄ = Σⱼ vⱼ ∘ vⱼ over the k eigenvectors, O(nk) (bench/eigen.py times it at
n = 10⁴ and 10⁵)."""

import numpy as np
import scipy.sparse
import scipy.sparse.linalg


def laplacian_top_k(L: "sparse(n,n)", p: "n"):
    A = L + scipy.sparse.diags(p)
    w, V = scipy.sparse.linalg.eigsh(A, k=2, which="LA")
    return np.sum(w)
