"""The Wishart log-density of n samples S_i (d×d, SPD) with df ν and scale Σ, as
scipy.stats.wishart.logpdf computes it for a stack of samples (scipy/stats/_multivariate.py,
wishart_gen._logpdf): per sample

    ½(ν − d − 1) log|S_i| − ½ tr(Σ⁻¹ S_i) − ½ν d log 2 − ½ν log|Σ| − log Γ_d(ν/2),

summed over the samples, without the log Γ_d(ν/2) term (it does not depend on Σ).
Benchmarked with --wrt Sigma."""

import numpy as np


def wishart(S: "n,d,d", Sigma: "spd(d,d)", nu: float):
    n, d = S.shape[0], S.shape[1]
    logdet_S = np.linalg.slogdet(S)[1]
    C = np.linalg.cholesky(Sigma)
    logdet_Sigma = 2.0 * np.sum(np.log(np.diag(C)))
    Sigma_inv = np.linalg.inv(Sigma)
    tr = np.einsum("ij,kji->k", Sigma_inv, S)
    out = 0.5 * (nu - d - 1) * logdet_S - 0.5 * tr
    return np.sum(out) - n * (0.5 * nu * d * np.log(2.0) + 0.5 * nu * logdet_Sigma)
