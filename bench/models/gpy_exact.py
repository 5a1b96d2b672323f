"""GPy's exact Gaussian inference (GPy/inference/latent_function_inference/
exact_gaussian_inference.py, ExactGaussianInference.inference) with GPy's RBF kernel
(GPy/kern/src/rbf.py: variance · exp(−r²/2), r = ‖x − x'‖ / lengthscale) and a Gaussian
likelihood: Ky = K + σ² I, LW = jitchol(Ky), α = dpotrs(LW, Y), and

    log marginal = ½ (−N·D·log 2π − D·log det Ky − Σ α ∘ Y)

for D output columns sharing the kernel. GPy's jitchol adds jitter only when the factorization
fails; none is needed here. Benchmarked with --wrt variance,lengthscale,noise."""

import numpy as np


def gpy_exact(X: "n,d", Y: "n,p", variance: float, lengthscale: float, noise: float):
    N, D = Y.shape
    Xl = X / lengthscale
    Xsq = np.sum(Xl**2, axis=1)
    r2 = -2.0 * Xl @ Xl.T + (Xsq[:, None] + Xsq[None, :])
    K = variance * np.exp(-0.5 * np.maximum(r2, 0.0))
    Ky = K + noise * np.eye(N)
    LW = np.linalg.cholesky(Ky)
    W_logdet = 2.0 * np.sum(np.log(np.diag(LW)))
    alpha = np.linalg.solve(LW.T, np.linalg.solve(LW, Y))
    return 0.5 * (-N * D * np.log(2 * np.pi) - D * W_logdet - np.sum(alpha * Y))
