"""The talk's iterative log-determinant: compiled with --taylor 4 --hessian --jvp, the
module's taylor_log_det(P, D) gives log det(P + tD) as 1 + 4 Taylor coefficients,
log det P + Σₖ (−1)^(k+1)/k · tr((D P⁻¹)^k) tᵏ, from forward mode applied four times."""

import numpy as np


def log_det(P: "spd(n,n)"):
    return np.linalg.slogdet(P)[1]
