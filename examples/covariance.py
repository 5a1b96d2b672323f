"""The covariance objective of the talk: f(Σ) = −log det Σ − tr(S Σ⁻¹) − ‖Σ⁻¹‖²_F.

No annotations: matgradc infers that S and Sigma are square matrices of one size, and the
gradient is the entrywise one (it matches finite differences on every entry).
"""

import numpy as np


def covariance(S, Sigma):
    Si = np.linalg.inv(Sigma)
    return -np.log(np.linalg.det(Sigma)) - np.trace(S @ Si) - np.linalg.norm(Si) ** 2
