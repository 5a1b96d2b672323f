"""scikit-learn's GaussianProcessRegressor log marginal likelihood (sklearn/gaussian_process/
_gpr.py, log_marginal_likelihood; examples/sklearn_gp.py is the same model with sklearn's
in-place `K[np.diag_indices_from(K)] += alpha`, written here as `+ alpha * I` so that JAX
and PyTorch can run the source too). ConstantKernel * RBF with sklearn's log-scale
hyperparameters theta = log([constant_value, length_scale]); one lower Cholesky factor,
cho_solve, Algorithm 2.1 of Rasmussen & Williams. Benchmarked with --wrt theta."""

import numpy as np
from scipy.linalg import cho_solve, cholesky


def gpr(theta: "2", X: "n,d", y: "n", alpha: float):
    constant_value = np.exp(theta[0])
    length_scale = np.exp(theta[1])
    Xs = X / length_scale
    sq = np.sum(Xs**2, axis=1)
    dists = sq[:, np.newaxis] + sq[np.newaxis, :] - 2.0 * Xs @ Xs.T
    K = constant_value * np.exp(-0.5 * dists) + alpha * np.eye(X.shape[0])
    L = cholesky(K, lower=True)
    alpha_ = cho_solve((L, True), y)
    log_likelihood = -0.5 * y @ alpha_
    log_likelihood -= np.log(np.diag(L)).sum()
    log_likelihood -= K.shape[0] / 2 * np.log(2 * np.pi)
    return log_likelihood
