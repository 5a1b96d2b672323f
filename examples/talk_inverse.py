"""The talk's trace(((I + X)⁻¹ Xᵀ) X)."""

import numpy as np


def talk_inverse(X: "n,n"):
    I = np.eye(X.shape[0])
    return np.trace(np.linalg.inv(I + X) @ X.T @ X)
