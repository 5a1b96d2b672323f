"""Complex eigenvalues of a general matrix (through np.abs and .real), a Kronecker product and
a matrix power, with a mean."""

import numpy as np


def spectral_mix(A: "n,n", B: "2,2"):
    lam = np.linalg.eigvals(A)
    K = np.kron(B, A)
    return (
        np.sum(np.abs(lam) ** 2)
        + np.sum(lam.real**3)
        + np.trace(np.linalg.matrix_power(A, 3))
        + np.mean(K**2)
    )
