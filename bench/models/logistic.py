"""Logistic regression: the mean of log(1 + exp(−yᵢ xᵢᵀ w)) over the rows of X, y = ±1.

Benchmarked with --wrt w.
"""

import numpy as np


def logistic(w: "d", X: "m,d", y: "m"):
    z = y * (X @ w)
    return np.sum(np.log1p(np.exp(-z))) / len(y)
