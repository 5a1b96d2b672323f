"""The NumPy/SciPy vocabulary of real models (issue 9): every spelling against central finite
differences of the model AS NUMPY RUNS IT (the test executes the model source itself; the
compiler never does), and the value against NumPy's."""

from __future__ import annotations

import types

import numpy as np
import pytest
from helpers import central_gradient, load

N, M = 4, 3


def gen(shape):
    return lambda rng: rng.standard_normal(shape)


def pos(shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape)


def unit(shape):
    return lambda rng: rng.uniform(0.1, 0.9, shape)


def scalar(lo=-1.0, hi=1.0):
    return lambda rng: float(rng.uniform(lo, hi))


HEADER = "import numpy as np\nimport scipy.special\nimport scipy.linalg\n\n\n"

# name -> (source of `f`, one input builder per parameter)
CASES = {
    "ufunc-spellings": (
        (
            "def f(A, B):\n    C = np.add(A, np.multiply(B, 2.0))\n"
            "    D = np.subtract(np.true_divide(C, 3.0), np.divide(A, np.negative(2.0)))\n"
            "    return np.sum(np.square(D)) + np.sum(np.power(np.fabs(B) + 1, 1.5))"
            " + np.sum(np.reciprocal(1 + np.square(A)))"
        ),
        [gen((M, N)), gen((M, N))],
    ),
    "trig-hyperbolic": (
        (
            "def f(x):\n    return np.sum(np.tan(0.3 * x) + np.sinh(x) * np.cosh(x) + np.arctan(x)"
            " + np.arcsinh(x))"
        ),
        [gen((N,))],
    ),
    "arc-unit": (
        "def f(x):\n    return np.sum(np.arcsin(x) * np.arccos(x) + np.arctanh(x))",
        [unit((N,))],
    ),
    "arccosh": ("def f(x):\n    return np.sum(np.arccosh(1.5 + x * x))", [gen((N,))]),
    "logs-exps": (
        "def f(x):\n    return np.sum(np.log2(x) + np.log10(x) * np.exp2(x))",
        [pos((N,))],
    ),
    "binary-elementwise": (
        "def f(a, b):\n    return np.sum(np.arctan2(a, b) + np.hypot(a, b) + np.logaddexp2(a, b))",
        [gen((N,)), gen((N,))],
    ),
    "zero-gradient-pieces": (
        (
            "def f(x):\n    return np.sum(x * np.floor(x) + np.ceil(x) * np.round(x) + np.trunc(x)"
            " + np.sign(x) * x)"
        ),
        [gen((N,))],
    ),
    "mod": ("def f(a, b):\n    return np.sum(a % b + np.mod(b, 0.7))", [pos((N,)), pos((N,))]),
    "clip": ("def f(x):\n    return np.sum(np.clip(x, -0.5, 0.5) ** 2)", [gen((2 * N,))]),
}


CASES.update(
    {
        "special-logistic": (
            (
                "def f(x, p):\n    return np.sum(scipy.special.expit(x) * scipy.special.log_expit(x))"
                " + np.sum(scipy.special.logit(p))"
            ),
            [gen((N,)), unit((N,))],
        ),
        "special-erf-ndtr": (
            (
                "def f(x):\n    return np.sum(scipy.special.erf(x) + scipy.special.erfc(x) * x"
                " + scipy.special.ndtr(x) + scipy.special.log_ndtr(x))"
            ),
            [gen((N,))],
        ),
        "special-gamma": (
            (
                "def f(a):\n    return np.sum(scipy.special.gammaln(a) * scipy.special.digamma(a))"
                " + scipy.special.multigammaln(np.sum(a) + 3.0, 3)"
            ),
            [pos((N,))],
        ),
        "special-xlogy": (
            "def f(x, y):\n    return np.sum(scipy.special.xlogy(x, y) + scipy.special.xlog1py(x, y))",
            [gen((N,)), pos((N,))],
        ),
        "special-logsumexp": (
            (
                "def f(X):\n    return scipy.special.logsumexp(X) + np.sum(scipy.special.logsumexp(X, axis=1))"
                " + np.sum(scipy.special.logsumexp(X, axis=0, keepdims=True) * X)"
            ),
            [gen((M, N))],
        ),
        "special-softmax": (
            (
                "def f(X, w):\n    return np.sum(scipy.special.softmax(X, axis=1) @ w)"
                " + np.sum(scipy.special.log_softmax(X) * X)"
            ),
            [gen((M, N)), gen((N,))],
        ),
    }
)


def spd(n=N):
    def draw(rng):
        a = rng.standard_normal((n, n))
        return a @ a.T / n + np.eye(n)

    return draw


CASES.update(
    {
        "scipy-linalg-spellings": (
            (
                "def f(A, S, B):\n    U = scipy.linalg.cholesky(S)\n"
                "    L = scipy.linalg.cholesky(S, lower=True)\n"
                "    X = scipy.linalg.solve(S, B, assume_a='pos') + scipy.linalg.solve(A, B)\n"
                "    w, V = scipy.linalg.eigh(S)\n"
                "    return np.sum(U * B) + np.sum(np.sin(L)) + np.sum(X ** 2)"
                " + np.sum(scipy.linalg.inv(A) * B) + scipy.linalg.det(A) + np.sum(w ** 3)"
            ),
            [lambda rng: rng.standard_normal((N, N)) + 2 * N * np.eye(N), spd(), gen((N, N))],
        ),
        "cho-solve-tuple-and-lu": (
            (
                "def f(K, y):\n    L = np.linalg.cholesky(K)\n"
                "    alpha = scipy.linalg.cho_solve((L, True), y)\n"
                "    lu = scipy.linalg.lu_factor(K)\n"
                "    beta = scipy.linalg.lu_solve(lu, y)\n"
                "    return y @ alpha + np.sum(beta ** 2) + np.sum(np.log(np.diag(L)))"
            ),
            [spd(), gen((N,))],
        ),
        "in-place-diagonal": (
            (
                "def f(K, a: float, v):\n    K = K * 1.0\n    K[np.diag_indices_from(K)] += a\n"
                "    M = K @ K.T\n    M.flat[:: M.shape[0] + 1] += 1.0\n"
                "    np.fill_diagonal(K, v)\n"
                "    return np.linalg.slogdet(M)[1] + np.sum(K ** 3)"
            ),
            [gen((N, N)), scalar(0.5, 1.0), gen((N,))],
        ),
        "in-place-items": (
            (
                "def f(x, W):\n    z = np.zeros((W.shape[0], 3))\n    z[:, 0] = W @ x\n"
                "    z[1, 2] = x[0] * x[1]\n    z[:, 1] += 2.0 * W[:, 1]\n"
                "    o = np.ones(W.shape[1])\n    o[0] = x[2]\n"
                "    return np.sum(np.sin(z)) + np.sum(o * x) + np.sum(np.full((2, 2), x[3]))"
            ),
            [gen((N,)), gen((M, N))],
        ),
    }
)


def _model(src: str) -> types.FunctionType:
    """The model as NumPy runs it: only the test executes it, as an oracle."""
    env: dict = {}
    exec(compile(HEADER + src, "<model>", "exec"), env)  # noqa: S102 -- the test's own oracle
    return env["f"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradient_matches_numpy_finite_differences(name):
    src, builders = CASES[name]
    mod = load(HEADER + src + "\n", "f")
    f = _model(src)
    rng = np.random.default_rng(0)
    args = [b(rng) for b in builders]
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, f(*args), rtol=1e-12, atol=1e-12)
    for k, g in enumerate(grads):
        fd = central_gradient(f, args, k)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-7 * (1 + abs(value)))
