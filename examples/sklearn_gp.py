"""scikit-learn's GaussianProcessRegressor log marginal likelihood, written as sklearn
writes it (sklearn/gaussian_process/_gpr.py, log_marginal_likelihood, at scikit-learn commit
005943ece417924edd357e23f048cf2dc2de74c3): the kernel matrix gets `alpha` added to its
diagonal in place, one lower Cholesky factor, `cho_solve((L, True), y)`, and Algorithm 2.1
of Rasmussen & Williams line 7. The kernel is ConstantKernel * RBF built from the data, with
sklearn's log-scale hyperparameters theta = log([constant_value, length_scale]); sklearn's
RBF uses pdist/squareform, spelled here with the expansion |a - b|² = |a|² + |b|² - 2 a·b.
One output (y a vector), so sklearn's einsum("ik,ik->k", y, alpha) is y @ alpha."""

import numpy as np
from scipy.linalg import cho_solve, cholesky


def gp_log_marginal_likelihood(theta: "2", X: "n,d", y: "n", alpha: float):
    constant_value = np.exp(theta[0])
    length_scale = np.exp(theta[1])
    Xs = X / length_scale
    sq = np.sum(Xs**2, axis=1)
    dists = sq[:, np.newaxis] + sq[np.newaxis, :] - 2.0 * Xs @ Xs.T
    K = constant_value * np.exp(-0.5 * dists)

    # Alg. 2.1, page 19, line 2 -> L = cholesky(K + sigma^2 I)
    K[np.diag_indices_from(K)] += alpha
    L = cholesky(K, lower=True)

    # Alg 2.1, page 19, line 3 -> alpha = L^T \ (L \ y)
    alpha_ = cho_solve((L, True), y)

    # Alg 2.1, page 19, line 7
    # -0.5 . y^T . alpha - sum(log(diag(L))) - n_samples / 2 log(2*pi)
    log_likelihood = -0.5 * y @ alpha_
    log_likelihood -= np.log(np.diag(L)).sum()
    log_likelihood -= K.shape[0] / 2 * np.log(2 * np.pi)
    return log_likelihood
