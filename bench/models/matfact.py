"""Matrix factorisation: ‖W − U Vᵀ‖²_F + λ (‖U‖²_F + ‖V‖²_F), U, V of rank r (16).

Benchmarked with --wrt U,V.
"""

import numpy as np


def matfact(W: "n,n", U: "n,r", V: "n,r", lam: "scalar"):
    R = W - U @ V.T
    return np.sum(R * R) + lam * (np.sum(U * U) + np.sum(V * V))
