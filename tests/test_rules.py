"""Every rule of the table, end to end: the generated gradient against central finite
differences on random inputs (general and structured), and against a random directional
derivative."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import central_gradient, load, spd
from matgradc import frontend
from matgradc.rules import RULES

N, M = 4, 3


def gen(shape):
    return lambda rng: rng.standard_normal(shape)


def pos(shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape)


def inv_ok(n=N):
    return lambda rng: rng.standard_normal((n, n)) + 2 * n * np.eye(n)


def spd_in(n=N):
    return lambda rng: spd(rng, n)


def scalar(lo=-1.0, hi=1.0):
    return lambda rng: float(rng.uniform(lo, hi))


# name -> (source of `f`, one input builder per parameter, parameters declared symmetric)
CASES = {
    "add-sub-broadcast": (
        "def f(A, b, c: 'scalar'):\n    return np.sum((A + b - c) ** 3)",
        [gen((M, N)), gen((N,)), scalar()],
    ),
    "mul-div": ("def f(A, B):\n    return np.sum(A * B / (1 + B * B))", [gen((M, N)), gen((M, N))]),
    "keepdims-broadcast": (
        "def f(A: 'n,m', b: 'n,1'):\n    return np.sum(np.sin(A * b))",
        [gen((N, M)), gen((N, 1))],
    ),
    "pow-constant": ("def f(x):\n    return np.sum(x ** 3) + np.sum(x ** 0.5)", [pos((N,))]),
    "pow-variable-exponent": (
        "def f(x, p: 'scalar'):\n    return np.sum(x ** p)",
        [pos((N,)), scalar(0.5, 2)],
    ),
    "neg": ("def f(X):\n    return np.sum(-X * X)", [gen((N, M))]),
    "exp-log": ("def f(x):\n    return np.sum(np.exp(x) * np.log(x))", [pos((N,))]),
    "log1p-sqrt": ("def f(x):\n    return np.sum(np.log1p(x) + np.sqrt(x))", [pos((N,))]),
    "tanh-sin-cos": (
        "def f(X):\n    return np.sum(np.tanh(X) * np.sin(X) + np.cos(X))",
        [gen((N, M))],
    ),
    "matmul-matrix": ("def f(A, B):\n    return np.sum(np.sin(A @ B))", [gen((M, N)), gen((N, M))]),
    "matmul-matrix-vector": (
        "def f(A, x: 'n'):\n    return np.sum(np.sin(A @ x))",
        [gen((M, N)), gen((N,))],
    ),
    "matmul-vector-matrix": (
        "def f(x: 'm', A: 'm,n'):\n    return np.sum(np.sin(x @ A))",
        [gen((M,)), gen((M, N))],
    ),
    "dot-vectors": (
        "def f(x: 'n', y: 'n'):\n    return np.dot(x, y) * x.dot(y)",
        [gen((N,)), gen((N,))],
    ),
    "transpose": (
        "def f(A, B):\n    return np.sum(np.sin(A.T @ B) * np.transpose(A).T)",
        [gen((N, N)), gen((N, N))],
    ),
    "outer": (
        "def f(x: 'n', y: 'm'):\n    return np.sum(np.sin(np.outer(x, y)))",
        [gen((N,)), gen((M,))],
    ),
    "diag-both-ways": (
        "def f(X, v: 'n'):\n    return np.sum(np.diag(X) ** 2) + np.trace(np.diag(v) @ X)",
        [gen((N, N)), gen((N,))],
    ),
    "sum-trace": ("def f(X):\n    return np.trace(X @ X) + X.sum()", [gen((N, N))]),
    "norm-matrix": ("def f(X):\n    return np.linalg.norm(X @ X)", [gen((N, N))]),
    "norm-vector": ("def f(x: 'n'):\n    return np.linalg.norm(x) ** 3", [gen((N,))]),
    "inv": ("def f(X):\n    return np.sum(np.linalg.inv(X) ** 2)", [inv_ok()]),
    "solve-matrix": (
        "def f(A, B: 'n,m'):\n    return np.sum(np.sin(np.linalg.solve(A, B)))",
        [inv_ok(), gen((N, M))],
    ),
    "solve-vector": (
        "def f(A, b: 'n'):\n    x = np.linalg.solve(A, b)\n    return x @ x",
        [inv_ok(), gen((N,))],
    ),
    "det": ("def f(X):\n    return np.linalg.det(X)", [inv_ok()]),
    "log-det": ("def f(X):\n    return np.log(np.linalg.det(X))", [inv_ok()]),
    "slogdet-index": ("def f(X):\n    return np.linalg.slogdet(X)[1]", [gen((N, N))]),
    "slogdet-unpack": (
        "def f(X):\n    s, ld = np.linalg.slogdet(X)\n    return s * ld",
        [gen((N, N))],
    ),
    "eye-and-sizes": (
        "def f(X):\n    n = X.shape[0]\n    I = np.eye(n)\n    return np.sum(np.linalg.inv(I + X) * X) / len(X) + 0.5 * n * np.log(2 * np.pi)",
        [inv_ok()],
    ),
    "covariance": (
        (
            "def f(S, Sigma):\n    Si = np.linalg.inv(Sigma)\n"
            "    return -np.log(np.linalg.det(Sigma)) - np.trace(S @ Si) - np.sum(Si * Si)"
        ),
        [spd_in(), spd_in()],
    ),
    "spd-parameter": (
        (
            "def f(S: 'sym(n,n)', Sigma: 'spd(n,n)'):\n    Si = np.linalg.inv(Sigma)\n"
            "    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) + np.sum(Sigma.T * S)"
        ),
        [spd_in(), spd_in()],
    ),
    "module-constant": (
        "EPS = 1e-3\n\ndef f(x):\n    return np.sum(np.log(x * x + EPS))",
        [gen((N,))],
    ),
    "chain-and-reuse": (
        "def f(W1, W2, x: 'm'):\n    h = np.tanh(W1 @ x)\n    h = h * h\n    return np.sum((W2 @ h) ** 2) + h @ h",
        [gen((N, M)), gen((M, N)), gen((M,))],
    ),
}


def _source(body: str) -> str:
    return "import numpy as np\n\n\n" + body + "\n"


def _symmetric_params(src: str) -> list[int]:
    model = frontend.build(src, "f")
    return [i for i, p in enumerate(model.params) if p.struct in ("symmetric", "spd")]


def _inputs(name, seed=0):
    rng = np.random.default_rng(seed)
    return [b(rng) for b in CASES[name][1]]


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradient_matches_central_differences(name):
    src = _source(CASES[name][0])
    mod = load(src, "f")
    args = _inputs(name)
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, mod.f(*args))
    sym = _symmetric_params(src)
    for k, g in enumerate(grads):
        g = np.asarray(g)
        assert g.shape == np.shape(args[k])
        if k in sym:
            # the symmetric gradient: check along symmetric directions E_ij + E_ji
            np.testing.assert_allclose(g, g.T, atol=1e-12)
            n = g.shape[0]
            for i in range(n):
                for j in range(i, n):
                    d = np.zeros((n, n))
                    d[i, j] = d[j, i] = 1.0
                    fd = _directional(mod.f, args, k, d)
                    np.testing.assert_allclose(np.sum(g * d), fd, rtol=1e-6, atol=1e-7)
        else:
            fd = central_gradient(mod.f, args, k)
            np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-7 * (1 + abs(value)))


def _directional(f, args, k, d, h=1e-6):
    plus, minus = list(args), list(args)
    plus[k] = args[k] + h * d
    minus[k] = args[k] - h * d
    if np.ndim(args[k]) == 0:
        plus[k], minus[k] = float(plus[k]), float(minus[k])
    return (f(*plus) - f(*minus)) / (2 * h)


@pytest.mark.parametrize("name", sorted(CASES))
def test_directional_derivative(name):
    src = _source(CASES[name][0])
    mod = load(src, "f")
    args = _inputs(name, seed=1)
    rng = np.random.default_rng(2)
    _, grads = mod.value_and_grad_f(*args)
    sym = _symmetric_params(src)
    for k, g in enumerate(grads):
        d = rng.standard_normal(np.shape(args[k]))
        if k in sym:
            d = d + d.T
        np.testing.assert_allclose(
            np.sum(np.asarray(g) * d), _directional(mod.f, args, k, d), rtol=1e-6, atol=1e-7
        )


def test_every_differentiable_rule_is_exercised():
    """The cases above reach every op of the table that has a derivative."""
    from matgradc import autodiff

    seen = set()
    for body, _ in CASES.values():
        model = frontend.build(_source(body), "f")
        grad = autodiff.reverse(model.graph, model.out, model.params)
        seen |= {v.op for v in model.graph.values}
        assert grad.grads
    differentiable = {op for op, rule in RULES.items() if any(d is not None for d in rule.derivs)}
    assert differentiable - seen == set()


def test_gradients_never_alias_the_inputs():
    mod = load(_source("def f(A, B):\n    return np.sum(A * B) + np.trace(A @ B.T)"), "f")
    rng = np.random.default_rng(0)
    A, B = rng.standard_normal((N, M)), rng.standard_normal((N, M))
    gA, gB = mod.grad_f(A, B)
    np.testing.assert_allclose(gA, 2 * B)
    assert not np.shares_memory(gA, B) and not np.shares_memory(gB, A)
    mod = load(_source("def f(A, B):\n    return np.trace(A @ B)"), "f")
    gA, gB = mod.grad_f(A, B.T)
    np.testing.assert_allclose(gA, B)
    assert not np.shares_memory(gA, B) and not np.shares_memory(gB, A)
