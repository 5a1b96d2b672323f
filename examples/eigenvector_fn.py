"""A function of an eigenvector: the Rayleigh-type quotient vᵀ B v of the top eigenvector v
of a symmetric A (sign-invariant, as any function of an eigenvector should be). The
generated gradient raises FloatingPointError if A has repeated eigenvalues."""

import numpy as np


def eigenvector_quadratic(A, B: "n,n"):
    w, V = np.linalg.eigh(A)
    v = V[:, -1]
    return v @ B @ v
