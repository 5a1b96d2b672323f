"""Softmax cross-entropy of a linear classifier, with the max-shifted log-sum-exp."""

import numpy as np


def softmax_xent(W: "d,k", X: "m,d", Y: "m,k"):
    Z = X @ W
    top = np.max(Z, axis=1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(Z - top), axis=1, keepdims=True))
    return np.mean(np.sum(Y * (lse - Z), axis=1))
