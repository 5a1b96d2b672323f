"""Negative log-likelihood of the m rows of X under N(0, Σ). Benchmarked with --wrt Sigma."""

import numpy as np


def gaussian_nll(X: "m,n", Sigma: "spd(n,n)"):
    m = X.shape[0]
    n = X.shape[1]
    sign, logdet = np.linalg.slogdet(Sigma)
    quad = np.trace(np.linalg.solve(Sigma, X.T @ X))
    return 0.5 * m * logdet + 0.5 * quad + 0.5 * m * n * np.log(2 * np.pi)
