"""The talk's trace(A X B X); its derivative is (B X A)ᵀ + (A X B)ᵀ."""

import numpy as np


def trace_axbx(A, X, B):
    return np.trace(A @ X @ B @ X)
