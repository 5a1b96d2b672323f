"""scipy.linalg beyond expm: a matrix square root, a triangular solve and a Cholesky solve,
with the subgradients of np.maximum and np.abs and a stable np.expm1."""

import numpy as np
import scipy.linalg


def scipy_solves(S: "spd(n,n)", L: "lower(n,n)", b: "n"):
    R = scipy.linalg.sqrtm(S)
    x = scipy.linalg.solve_triangular(L, b, lower=True)
    c = scipy.linalg.cho_factor(S)
    y = scipy.linalg.cho_solve(c, b)
    return np.trace(R) + x @ x + b @ y + np.sum(np.maximum(np.abs(x), 0.1)) + np.sum(np.expm1(0.1 * y))
