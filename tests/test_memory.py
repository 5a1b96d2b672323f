"""No n⁴ array, ever: the covariance objective's gradient at n = 3000 runs in a few n² floats."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
from helpers import load

ROOT = Path(__file__).resolve().parent.parent


def test_covariance_gradient_at_n_3000_stays_within_a_few_n_squared():
    mod = load((ROOT / "examples" / "covariance.py").read_text(), "covariance", wrt=["Sigma"])
    n = 3000
    rng = np.random.default_rng(0)
    S = np.eye(n) + 0.01 * rng.standard_normal((n, n))
    Sigma = 2.0 * np.eye(n) + 0.001 * rng.standard_normal((n, n))
    tracemalloc.start()
    value, (g,) = mod.value_and_grad_covariance(S, Sigma)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert g.shape == (n, n) and np.isfinite(value) and np.all(np.isfinite(g))
    floats = peak / 8
    assert floats <= 6 * n * n, f"peak {floats / n**2:.1f} n² floats"  # an n⁴ array would be 9e6 n²
    # the gradient is right too, against the closed form −Σ⁻ᵀ + Σ⁻ᵀ (Sᵀ + 2 Σ⁻¹) Σ⁻ᵀ
    # (d tr(S Σ⁻¹) = −⟨Σ⁻ᵀ Sᵀ Σ⁻ᵀ, dΣ⟩, d ‖Σ⁻¹‖² = −2 ⟨Σ⁻ᵀ Σ⁻¹ Σ⁻ᵀ, dΣ⟩)
    Si = np.linalg.inv(Sigma)
    np.testing.assert_allclose(g, -Si.T + Si.T @ (S.T + 2 * Si) @ Si.T, rtol=1e-8, atol=1e-10)

