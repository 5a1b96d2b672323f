"""Eigenvalue sensitivity (reference/eigenvalue-sensitivity-thread.txt): the largest
eigenvalue of p pᵀ as a function of p. Its gradient is 2 p (the top eigenvalue is ‖p‖²),
although every other eigenvalue of p pᵀ is a repeated zero: functions of eigenvalues stay
well defined where eigenvectors are not."""

import numpy as np


def top_eigenvalue(p: "n"):
    return np.linalg.eigvalsh(np.outer(p, p))[-1]
