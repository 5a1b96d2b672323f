"""Kalman filter log-likelihood with a 2-dimensional state and 2-dimensional observations
Y[t] (statsmodels' KalmanFilter.loglike, written out): each step forms the innovation
covariance S (2×2), its inverse for the gain and its log-determinant for the likelihood.
The loop over t stays a loop in the generated module (a tape for the backward sweep); the
step is a helper, inlined by matgradc, that the JAX port runs as the body of lax.scan.
Benchmarked with --wrt F,H,log_q,log_r."""

import numpy as np


def kalman_step(a, P, y, F, H, Q, R):
    """One step: the next state mean and covariance, and the log-density of y given the past."""
    v = y - H @ a
    S = H @ P @ H.T + R
    S_inv = np.linalg.inv(S)
    K = F @ P @ H.T @ S_inv
    a = F @ a + K @ v
    P = F @ P @ F.T + Q - K @ S @ K.T
    return a, P, -0.5 * (2.0 * np.log(2 * np.pi) + np.linalg.slogdet(S)[1] + v @ S_inv @ v)


def kalman_mv(Y: "T,2", F: "2,2", H: "2,2", log_q: "2", log_r: "2"):
    Q = np.diag(np.exp(log_q))
    R = np.diag(np.exp(log_r))
    a = np.zeros(2)
    P = 10.0 * np.eye(2)
    ll = 0.0
    for t in range(Y.shape[0]):
        a, P, ll_t = kalman_step(a, P, Y[t], F, H, Q, R)
        ll = ll + ll_t
    return ll
