"""The talk's trace(A X B X); its derivative is (B X A)ᵀ + (A X B)ᵀ. Benchmarked with --wrt X."""

import numpy as np


def trace_axbx(A: "n,n", X: "n,n", B: "n,n"):
    return np.trace(A @ X @ B @ X)
