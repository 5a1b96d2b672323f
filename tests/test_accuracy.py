"""Gradient accuracy on ill-conditioned inputs, against a 50-digit mpmath reference (mpmath
comes with sympy). The error bound is the conditioning's: about cond(X) · eps."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from helpers import load

SOURCE = (
    "import numpy as np\n\n\ndef f(X, b: 'n', c: 'n'):\n"
    "    return np.linalg.slogdet(X)[1] + b @ np.linalg.solve(X, c)\n"
)


def ill_conditioned(n: int, cond: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    U, _ = np.linalg.qr(rng.standard_normal((n, n)))
    V, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return U @ np.diag(np.logspace(0, -np.log10(cond), n)) @ V.T


def reference_gradient(X: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """∇_X [log|det X| + bᵀ X⁻¹ c] = X⁻ᵀ − X⁻ᵀ b cᵀ X⁻ᵀ, in 50-digit arithmetic."""
    mpmath.mp.dps = 50
    Xm = mpmath.matrix(X.tolist())
    Xi_T = (Xm**-1).T
    bm, cm = mpmath.matrix(b.tolist()), mpmath.matrix(c.tolist())
    G = Xi_T - Xi_T * bm * cm.T * Xi_T
    return np.array(G.tolist(), dtype=float)


@pytest.mark.parametrize("cond", [1e4, 1e8])
def test_gradient_error_on_ill_conditioned_inputs(cond):
    n = 6
    X = ill_conditioned(n, cond)
    rng = np.random.default_rng(1)
    b, c = rng.standard_normal(n), rng.standard_normal(n)
    mod = load(SOURCE, "f")
    g = mod.grad_f(X, b, c)[0]
    ref = reference_gradient(X, b, c)
    error = np.linalg.norm(g - ref) / np.linalg.norm(ref)
    print(f"cond {cond:.0e}: relative error of the float64 gradient {error:.1e}")
    assert error < 100 * cond * np.finfo(float).eps
