"""The log-likelihood of a linear Gaussian state-space model by the Kalman filter, in the
style of statsmodels' `KalmanFilter.loglike`: a 2-dimensional state (a local linear trend
when F = [[1, 1], [0, 1]]), scalar observations y[t], T = len(y) taken from the data.

The loop over t stays a loop in the generated module (its trip count is known only at run
time); reverse mode saves each step's state on a tape and replays it backwards."""

import numpy as np

_LOG_2PI = np.log(2 * np.pi)


def kalman_loglik(y: "T", F: "2,2", h: "2", log_q: "2", log_r):
    Q = np.diag(np.exp(log_q))  # state noise covariance
    R = np.exp(log_r)  # observation noise variance
    a = np.zeros(2)  # predicted state
    P = 10.0 * np.eye(2)  # its covariance (a vague prior)
    ll = 0.0
    for t in range(y.shape[0]):
        v = y[t] - h @ a  # innovation
        f = h @ P @ h + R  # its variance
        K = F @ P @ h / f  # Kalman gain
        a = F @ a + K * v
        P = F @ P @ F.T + Q - np.outer(K, K) * f
        ll = ll - 0.5 * (_LOG_2PI + np.log(f) + v * v / f)
    return ll
