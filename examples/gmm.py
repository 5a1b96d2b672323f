"""A Gaussian mixture log-likelihood with full covariances, written as scikit-learn writes it
(sklearn/mixture/_gaussian_mixture.py, `_estimate_log_gaussian_prob` and
`_compute_log_det_cholesky` with covariance_type="full", at scikit-learn commit
01d67769ed142a5cb28129cfe0920c8662532024), then sklearn's `_estimate_weighted_log_prob` and
`score`: the mean over samples of logsumexp(log p(x | k) + log w_k).

Each component k has a (d, d) Cholesky factor of its precision, stacked as one (K, d, d)
array. sklearn loops over k computing y = X @ P[k] - mu @ P[k]; here one np.einsum makes
all K products at once. The log-determinant sums the log of each factor's diagonal, which
sklearn reads as every (d + 1)-th entry of the flattened factor
(`prec_chol.reshape(K, -1)[:, :: d + 1]`, a slice step matgradc does not read yet) and
np.einsum("kii->ki", ...) reads directly."""

import numpy as np
from scipy.special import logsumexp


def gmm_loglik(X: "n,d", means: "K,d", prec_chol: "K,d,d", log_weights: "K"):
    n_samples, n_features = X.shape
    # det(precision_chol) is half of det(precision): log det = sum log diag(P_k)
    log_det = np.sum(np.log(np.einsum("kii->ki", prec_chol)), axis=1)
    # y[i, k] = X[i] @ P[k] - means[k] @ P[k] for every sample and component at once
    y = np.einsum("ij,kjl->ikl", X, prec_chol) - np.einsum("kj,kjl->kl", means, prec_chol)
    log_prob = np.sum(np.square(y), axis=2)
    log_gauss = -0.5 * (n_features * np.log(2 * np.pi) + log_prob) + log_det
    return np.mean(logsumexp(log_gauss + log_weights, axis=1))
