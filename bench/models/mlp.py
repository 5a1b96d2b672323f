"""Squared loss of a two-layer tanh network on m samples (the rows of X).

Benchmarked with --wrt W1,b1,W2,b2 (the data X, Y are not differentiated).
"""

import numpy as np


def mlp_loss(W1: "d,h", b1: "h", W2: "h,k", b2: "k", X: "m,d", Y: "m,k"):
    H = np.tanh(X @ W1 + b1)
    out = H @ W2 + b2
    return 0.5 * np.sum((out - Y) ** 2) / X.shape[0]
