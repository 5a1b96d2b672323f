"""scipy.stats' `_PSD` log-density (scipy/stats/_multivariate.py, `_PSD` and
`multivariate_normal_gen._logpdf`, full rank): log det and Mahalanobis distance from one
eigendecomposition, U = V diag(1/√s), at the covariance I + u uᵀ, whose eigenvalue 1 is
repeated n − 1 times. The eigenvectors are not defined there, but the function reads them only
through log det = Σ log sᵢ and U Uᵀ = cov⁻¹: matgradc compiles the Daleckii–Krein
derivative and the gradient is defined (the generated test checks it at this repeated
eigenvalue)."""

import numpy as np


def psd_logpdf(x: "m,n", mu: "n", u: "n"):
    cov = np.eye(mu.shape[0]) + np.outer(u, u)
    s, V = np.linalg.eigh(cov)  # scipy.stats: scipy.linalg.eigh, the same op
    s_pinv = 1 / s
    U = np.multiply(V, np.sqrt(s_pinv))
    log_pdet = np.sum(np.log(s))
    dev = x - mu
    maha = np.sum(np.square(np.dot(dev, U)), axis=-1)
    return np.sum(-0.5 * (mu.shape[0] * np.log(2 * np.pi) + log_pdet + maha))
