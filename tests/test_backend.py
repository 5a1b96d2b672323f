"""--backend scipy: one Cholesky or LU factor per matrix, triangular solves for triangular
factors; the gradients still match finite differences."""

from __future__ import annotations

import types

import numpy as np
import pytest
from helpers import central_gradient, directional, spd
from matgradc.api import Options, compile_model

RNG = np.random.default_rng(0)
N = 5


def load(source: str, fn: str, backend: str):
    text = compile_model(source, fn, options=Options(backend=backend)).module
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return text, module


CASES = {
    "spd-cholesky": (
        (
            "def f(S: 'n,n', Sigma: 'spd(n,n)'):\n    Si = np.linalg.inv(Sigma)\n"
            "    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) - np.sum(Si * Si)"
        ),
        lambda: [RNG.standard_normal((N, N)), spd(RNG, N)],
        "cho_factor",
        [False, True],
    ),
    "general-lu": (
        "def f(A, b: 'n'):\n    x = np.linalg.solve(A, b)\n    return x @ x + np.linalg.slogdet(A)[1]",
        lambda: [RNG.standard_normal((N, N)) + 3 * np.eye(N), RNG.standard_normal(N)],
        "lu_factor",
        [False, False],
    ),
    # K general: cholesky reads its lower triangle, the gradient goes through L
    "triangular-solves": (
        (
            "def f(K: 'n,n', y: 'n'):\n    L = np.linalg.cholesky(K)\n"
            "    a = np.linalg.solve(L.T, np.linalg.solve(L, y))\n    return y @ a + np.sum(np.log(np.diag(L)))"
        ),
        lambda: [spd(RNG, N), RNG.standard_normal(N)],
        "solve_triangular",
        [False, False],
    ),
    # K symmetric: K⁻¹ y and K⁻¹ from L (tests/test_cholesky_inverse.py)
    "cholesky-factor": (
        (
            "def f(K: 'spd(n,n)', y: 'n'):\n    L = np.linalg.cholesky(K)\n"
            "    a = np.linalg.solve(L.T, np.linalg.solve(L, y))\n    return y @ a + np.sum(np.log(np.diag(L)))"
        ),
        lambda: [spd(RNG, N), RNG.standard_normal(N)],
        "cho_solve",
        [True, False],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_scipy_backend_shares_factors_and_keeps_gradients(name):
    body, build, expected_call, symmetric = CASES[name]
    source = "import numpy as np\n\n\n" + body + "\n"
    text, mod = load(source, "f", "scipy")
    assert "import scipy.linalg" in text and f"scipy.linalg.{expected_call}(" in text
    assert text.count("np.linalg.inv(") == 0 and text.count("np.linalg.slogdet(") == 0
    numpy_text, numpy_mod = load(source, "f", "numpy")
    assert "scipy" not in numpy_text
    args = build()
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, numpy_mod.f(*args))
    for k, g in enumerate(grads):
        if not symmetric[k]:
            np.testing.assert_allclose(g, central_gradient(mod.f, args, k), rtol=1e-6, atol=1e-8)
            continue
        for i in range(N):  # a symmetric gradient: along E_ij + E_ji
            for j in range(i, N):
                d = np.zeros((N, N))
                d[i, j] = d[j, i] = 1.0
                fd = directional(mod.f, args, k, d)
                np.testing.assert_allclose(np.sum(g * d), fd, rtol=1e-6, atol=1e-8)
    for g, h in zip(grads, numpy_mod.grad_f(*args)):
        np.testing.assert_allclose(g, h, rtol=1e-8, atol=1e-10)
