"""The covariance objective of the talk: f(Σ) = −log det Σ − tr(S Σ⁻¹) − ‖Σ⁻¹‖²_F.

S is a sample covariance, Σ the model covariance (SPD). Benchmarked with --wrt Sigma.
log det Σ is written with slogdet, not np.log(np.linalg.det(Σ)): det Σ overflows float64
at n = 1024, so the NumPy forward (and JAX, PyTorch, autograd, which run this same
source) would give inf. matgradc compiles both spellings to slogdet.
"""

import numpy as np


def covariance(S: "n,n", Sigma: "spd(n,n)"):
    Si = np.linalg.inv(Sigma)
    sign, logdet = np.linalg.slogdet(Sigma)
    return -logdet - np.trace(S @ Si) - np.linalg.norm(Si) ** 2
