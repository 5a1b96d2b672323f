"""Gaussian-process negative log marginal likelihood through one Cholesky factor of K."""

import numpy as np


def gp_nll(K: "spd(n,n)", y: "n"):
    n = y.shape[0]
    L = np.linalg.cholesky(K)
    alpha = np.linalg.solve(L.T, np.linalg.solve(L, y))
    return 0.5 * y @ alpha + np.sum(np.log(np.diag(L))) + 0.5 * n * np.log(2 * np.pi)
