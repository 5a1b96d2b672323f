"""`make demo`: run the compiled covariance gradient on random data and check it."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generated"))
from grad_covariance import covariance, value_and_grad_covariance

rng = np.random.default_rng(0)
n = 5
A = rng.standard_normal((n, n))
S = A @ A.T / n  # a sample covariance
B = rng.standard_normal((n, n))
Sigma = B @ B.T / n + np.eye(n)  # the model covariance, SPD

value, (g_S, g_Sigma) = value_and_grad_covariance(S, Sigma)

h = 1e-6
fd = np.zeros_like(Sigma)
for i in range(n):
    for j in range(n):
        E = np.zeros_like(Sigma)
        E[i, j] = h
        fd[i, j] = (covariance(S, Sigma + E) - covariance(S, Sigma - E)) / (2 * h)

print(f"f(S, Sigma)                   = {value:.10f}")
print(f"||grad wrt Sigma||_F          = {np.linalg.norm(g_Sigma):.10f}")
print(f"max |grad - finite diff|      = {np.max(np.abs(g_Sigma - fd)):.3e}")
