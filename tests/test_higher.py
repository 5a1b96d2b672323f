"""Higher order from the same forms: JVPs (forms applied), Hessian-vector products (forward
mode over the reverse program), full Hessians and Taylor coefficients — each checked against
finite differences, never against itself."""

from __future__ import annotations

import types
from math import factorial

import numpy as np
import pytest
from helpers import central, second_central, spd
from matgradc import autodiff, codegen, frontend, pipeline


def compile_module(body: str, fn: str = "f", **options) -> types.ModuleType:
    source = "import numpy as np\nimport scipy.linalg\n\n\n" + body + "\n"
    model = frontend.build(source, fn)
    wrt = list(range(len(model.params)))
    grad = autodiff.reverse(model.graph, model.out, model.params)
    extras = pipeline.extras(
        model,
        grad,
        wrt,
        options.get("jvp", False),
        options.get("hvp", False),
        options.get("hessian", False),
        options.get("order", 0),
    )
    pipeline.optimized(model, grad, extras)
    text = codegen.render_module(model, grad, wrt, "<model>", "matgradc", "test", extras)
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


N = 4
RNG = np.random.default_rng(0)


def _sym(n):
    a = RNG.standard_normal((n, n))
    return (a + a.T) / 2


MODELS = {
    "covariance": (
        ("def f(S, Sigma):\n    Si = np.linalg.inv(Sigma)\n"
        "    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) - np.sum(Si * Si)"),
        lambda: [spd(RNG, N), spd(RNG, N)],
    ),
    "mlp": (
        "def f(W, b: 'h', X: 'm,d'):\n    H = np.tanh(X @ W + b)\n    return np.sum(H ** 2) / X.shape[0]",
        lambda: [RNG.standard_normal((3, N)), RNG.standard_normal(N), RNG.standard_normal((5, 3))],
    ),
    "cholesky": (
        "def f(S, b: 'n'):\n    L = np.linalg.cholesky(S)\n    return np.sum(np.linalg.solve(L, b) ** 2) + np.sum(np.log(np.diag(L)))",
        lambda: [spd(RNG, N), RNG.standard_normal(N)],
    ),
    "eigh-vectors": (
        "def f(A):\n    w, V = np.linalg.eigh(A)\n    return np.sum(V[:, -1] ** 4) + np.sum(w ** 3)",
        lambda: [_sym(N)],
    ),
    "eig-values": (
        "def f(A):\n    lam = np.linalg.eigvals(A)\n    return np.sum(np.abs(lam) ** 2) + np.sum(lam.real ** 3)",
        lambda: [RNG.standard_normal((N, N))],
    ),
    "indexing-and-reductions": (
        "def f(X):\n    return np.sum(np.logaddexp(X[:, 0], X[:, 1])) + np.sum(np.mean(X ** 2, axis=0) ** 2)",
        lambda: [RNG.standard_normal((N, 3))],
    ),
    "sqrtm": (
        "def f(S, A):\n    return np.trace(scipy.linalg.sqrtm(S) @ A)",
        lambda: [spd(RNG, N), RNG.standard_normal((N, N))],
    ),
}


def _shift(args, directions, t):
    return [a + t * d if np.ndim(a) else float(a + t * d) for a, d in zip(args, directions)]


def _random_like(args, seed):
    rng = np.random.default_rng(seed)
    return [
        rng.standard_normal(np.shape(a)) if np.ndim(a) else float(rng.standard_normal())
        for a in args
    ]


def _compiled_at_a_point(name: str, seed: int, **options):
    """MODELS[name] compiled with `options`, a point drawn by its builder, and random
    directions (one per parameter, drawn with `seed`)."""
    body, build = MODELS[name]
    mod = compile_module(body, **options)
    args = build()
    return mod, args, _random_like(args, seed)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_jvp_matches_the_directional_derivative(name):
    mod, args, dirs = _compiled_at_a_point(name, 1, jvp=True)
    value, d = mod.jvp_f(*args, *dirs)
    fd = central(lambda t: mod.f(*_shift(args, dirs, t)), 0.0, 1.0)
    assert np.isclose(value, mod.f(*args))
    np.testing.assert_allclose(d, fd, rtol=1e-6, atol=1e-7)
    _, grads = mod.value_and_grad_f(*args)
    assert np.isclose(d, sum(np.sum(g * v) for g, v in zip(grads, dirs)), rtol=1e-8)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_hvp_matches_finite_differences_of_the_gradient(name):
    mod, args, vs = _compiled_at_a_point(name, 2, hvp=True)
    hv = mod.hvp_f(*args, *vs)
    hv = hv if isinstance(hv, tuple) else (hv,)

    def grads(t):
        g = mod.grad_f(*_shift(args, vs, t))
        return g if isinstance(g, tuple) else (g,)

    for i, got in enumerate(hv):
        fd = central(lambda t, i=i: grads(t)[i], 0.0, 1.0, h=1e-5)
        np.testing.assert_allclose(got, fd, rtol=1e-5, atol=1e-6 * (1 + np.max(np.abs(fd))))


def test_hessian_is_the_jacobian_of_the_gradient_and_symmetric():
    body, build = MODELS["mlp"]
    mod = compile_module(body, hvp=True, hessian=True)
    args = build()
    H = mod.hessian_f(*args)
    sizes = [np.size(a) for a in args]
    assert H.shape == (sum(sizes), sum(sizes))
    np.testing.assert_allclose(H, H.T, atol=1e-9)
    flat = np.concatenate([np.ravel(a) for a in args])

    def gradient(x):
        parts = np.split(x, np.cumsum(sizes)[:-1])
        shaped = [p.reshape(np.shape(a)) for p, a in zip(parts, args)]
        return np.concatenate([np.ravel(g) for g in mod.grad_f(*shaped)])

    for k in range(flat.size):  # column k: d grad / d x_k (vec convention: C order, in turn)
        e = np.zeros_like(flat)
        e[k] = 1.0
        np.testing.assert_allclose(H[:, k], central(gradient, flat, e, h=1e-5), atol=1e-6)


def test_taylor_reproduces_the_log_det_expansion_of_the_talk():
    """log det(P₀ + tΔ) = log det P₀ + Σ_k (−1)^(k+1)/k · tr((Δ P₀⁻¹)^k) t^k."""
    mod = compile_module("def f(P):\n    return np.linalg.slogdet(P)[1]", order=5)
    P0, D = spd(RNG, N) + N * np.eye(N), _sym(N)
    coefficients = mod.taylor_f(P0, D)
    assert len(coefficients) == 6
    M = D @ np.linalg.inv(P0)
    expected = [np.linalg.slogdet(P0)[1]] + [
        (-1) ** (k + 1) / k * np.trace(np.linalg.matrix_power(M, k)) for k in range(1, 6)
    ]
    np.testing.assert_allclose(coefficients, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", ["mlp", "cholesky", "indexing-and-reductions"])
def test_taylor_coefficients_are_scaled_derivatives(name):
    mod, args, dirs = _compiled_at_a_point(name, 3, order=2)
    c = mod.taylor_f(*args, *dirs)

    def f(t):
        return mod.f(*_shift(args, dirs, t))

    assert np.isclose(c[0], f(0.0))
    np.testing.assert_allclose(c[1], central(f, 0.0, 1.0, h=1e-4), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(
        c[2], second_central(f, 0.0, 1.0, h=1e-4) / factorial(2), rtol=1e-4, atol=1e-5
    )


def test_second_derivatives_matgradc_lacks_are_clear_errors():
    from matgradc.diagnostics import CompileError

    with pytest.raises(CompileError, match="second derivative of scipy.linalg.expm"):
        compile_module("def f(A):\n    return np.sum(scipy.linalg.expm(A))", hvp=True)
    mod = compile_module("def f(A):\n    return np.sum(scipy.linalg.expm(A))", jvp=True)
    A, D = 0.3 * RNG.standard_normal((N, N)), RNG.standard_normal((N, N))
    fd = central(mod.f, A, D)
    np.testing.assert_allclose(mod.jvp_f(A, D)[1], fd, rtol=1e-6)
