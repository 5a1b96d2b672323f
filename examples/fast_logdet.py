"""A guarded log-determinant, as scikit-learn writes it (sklearn.utils.extmath.fast_logdet):
-inf when the determinant is not positive. The guard stays a run-time branch in the
generated module; the gradient is that of the branch taken (zero on the guarded side)."""

import numpy as np


def fast_logdet(A):
    sign, ld = np.linalg.slogdet(A)
    if not sign > 0:
        return -np.inf
    return ld
