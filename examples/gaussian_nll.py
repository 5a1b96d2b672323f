"""Negative log-likelihood of m samples (the rows of X) under N(mu, Sigma).

Sigma is declared spd, so its gradient is the symmetric one (the PyTorch/JAX convention).
"""

import numpy as np


def gaussian_nll(X: "m,n", mu: "n", Sigma: "spd(n,n)"):
    m = X.shape[0]
    n = X.shape[1]
    R = X - mu
    sign, logdet = np.linalg.slogdet(Sigma)
    quad = np.trace(np.linalg.solve(Sigma, R.T @ R))
    return 0.5 * m * logdet + 0.5 * quad + 0.5 * m * n * np.log(2 * np.pi)
