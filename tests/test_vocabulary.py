"""The NumPy/SciPy vocabulary of real models (issue 9): every spelling against central finite
differences of the model AS NUMPY RUNS IT (the test executes the model source itself; the
compiler never does), and the value against NumPy's."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    against_numpy_test,
    central_gradient,
    gen,
    load,
    numpy_model,
    pos,
    refused_test,
    scalar,
    spd_in,
    unit,
)
from matgradc.api import compile_model
from matgradc.diagnostics import CompileError

N, M = 4, 3


HEADER = "import numpy as np\nimport scipy.special\nimport scipy.linalg\n\n\n"

# name -> (source of `f`, one input builder per parameter)
CASES = {
    "ufunc-spellings": (
        """
        def f(A, B):
            C = np.add(A, np.multiply(B, 2.0))
            D = np.subtract(np.true_divide(C, 3.0), np.divide(A, np.negative(2.0)))
            return (
                np.sum(np.square(D))
                + np.sum(np.power(np.fabs(B) + 1, 1.5))
                + np.sum(np.reciprocal(1 + np.square(A)))
            )
        """,
        [gen((M, N)), gen((M, N))],
    ),
    "trig-hyperbolic": (
        """
        def f(x):
            return np.sum(np.tan(0.3 * x) + np.sinh(x) * np.cosh(x) + np.arctan(x) + np.arcsinh(x))
        """,
        [gen((N,))],
    ),
    "arc-unit": (
        """
        def f(x):
            return np.sum(np.arcsin(x) * np.arccos(x) + np.arctanh(x))
        """,
        [unit((N,))],
    ),
    "arccosh": (
        """
        def f(x):
            return np.sum(np.arccosh(1.5 + x * x))
        """,
        [gen((N,))],
    ),
    "logs-exps": (
        """
        def f(x):
            return np.sum(np.log2(x) + np.log10(x) * np.exp2(x))
        """,
        [pos((N,))],
    ),
    "binary-elementwise": (
        """
        def f(a, b):
            return np.sum(np.arctan2(a, b) + np.hypot(a, b) + np.logaddexp2(a, b))
        """,
        [gen((N,)), gen((N,))],
    ),
    "zero-gradient-pieces": (
        """
        def f(x):
            return np.sum(x * np.floor(x) + np.ceil(x) * np.round(x) + np.trunc(x) + np.sign(x) * x)
        """,
        [gen((N,))],
    ),
    "mod": (
        """
        def f(a, b):
            return np.sum(a % b + np.mod(b, 0.7))
        """,
        [pos((N,)), pos((N,))],
    ),
    "clip": (
        """
        def f(x):
            return np.sum(np.clip(x, -0.5, 0.5) ** 2)
        """,
        [gen((2 * N,))],
    ),
}


CASES.update(
    {
        "special-logistic": (
            """
            def f(x, p):
                return np.sum(scipy.special.expit(x) * scipy.special.log_expit(x)) + np.sum(
                    scipy.special.logit(p)
                )
            """,
            [gen((N,)), unit((N,))],
        ),
        "special-erf-ndtr": (
            """
            def f(x):
                return np.sum(
                    scipy.special.erf(x)
                    + scipy.special.erfc(x) * x
                    + scipy.special.ndtr(x)
                    + scipy.special.log_ndtr(x)
                )
            """,
            [gen((N,))],
        ),
        "special-gamma": (
            """
            def f(a):
                return np.sum(
                    scipy.special.gammaln(a) * scipy.special.digamma(a)
                ) + scipy.special.multigammaln(np.sum(a) + 3.0, 3)
            """,
            [pos((N,))],
        ),
        "special-xlogy": (
            """
            def f(x, y):
                return np.sum(scipy.special.xlogy(x, y) + scipy.special.xlog1py(x, y))
            """,
            [gen((N,)), pos((N,))],
        ),
        "special-logsumexp": (
            """
            def f(X):
                return (
                    scipy.special.logsumexp(X)
                    + np.sum(scipy.special.logsumexp(X, axis=1))
                    + np.sum(scipy.special.logsumexp(X, axis=0, keepdims=True) * X)
                )
            """,
            [gen((M, N))],
        ),
        "special-softmax": (
            """
            def f(X, w):
                return np.sum(scipy.special.softmax(X, axis=1) @ w) + np.sum(
                    scipy.special.log_softmax(X) * X
                )
            """,
            [gen((M, N)), gen((N,))],
        ),
    }
)


CASES.update(
    {
        "scipy-linalg-spellings": (
            """
            def f(A, S, B):
                U = scipy.linalg.cholesky(S)
                L = scipy.linalg.cholesky(S, lower=True)
                X = scipy.linalg.solve(S, B, assume_a="pos") + scipy.linalg.solve(A, B)
                w, V = scipy.linalg.eigh(S)
                return (
                    np.sum(U * B)
                    + np.sum(np.sin(L))
                    + np.sum(X**2)
                    + np.sum(scipy.linalg.inv(A) * B)
                    + scipy.linalg.det(A)
                    + np.sum(w**3)
                )
            """,
            [lambda rng: rng.standard_normal((N, N)) + 2 * N * np.eye(N), spd_in(N), gen((N, N))],
        ),
        "cho-solve-tuple-and-lu": (
            """
            def f(K, y):
                L = np.linalg.cholesky(K)
                alpha = scipy.linalg.cho_solve((L, True), y)
                lu = scipy.linalg.lu_factor(K)
                beta = scipy.linalg.lu_solve(lu, y)
                return y @ alpha + np.sum(beta**2) + np.sum(np.log(np.diag(L)))
            """,
            [spd_in(N), gen((N,))],
        ),
        "in-place-diagonal": (
            """
            def f(K, a: float, v: "n"):
                K = K * 1.0
                K[np.diag_indices_from(K)] += a
                M = K @ K.T
                M.flat[:: M.shape[0] + 1] += 1.0
                np.fill_diagonal(K, v)
                return np.linalg.slogdet(M)[1] + np.sum(K**3)
            """,
            [gen((N, N)), scalar(0.5, 1.0), gen((N,))],
        ),
        "in-place-items": (
            """
            def f(x, W):
                z = np.zeros((W.shape[0], 3))
                z[:, 0] = W @ x
                z[1, 2] = x[0] * x[1]
                z[:, 1] += 2.0 * W[:, 1]
                o = np.ones(W.shape[1])
                o[0] = x[2]
                return np.sum(np.sin(z)) + np.sum(o * x) + np.sum(np.full((2, 2), x[3]))
            """,
            [gen((N,)), gen((M, N))],
        ),
    }
)


# -- structure: reshaping, joining, reordering, diagonals ------------------------------------
CASES.update(
    {
        "reshape-ravel-flatten": (
            """
            def f(X: "3,4", x: "6"):
                v = np.reshape(X, -1)
                W = X.reshape(X.shape[1], -1)
                Z = np.reshape(X, (2, 6))
                u = X.T.ravel() + np.ravel(X) * X.flatten()
                P = np.reshape(x, (2, -1))
                return (
                    np.sum(np.sin(v) * u)
                    + np.sum(W @ X)
                    + np.sum(Z[0] * Z[1])
                    + np.sum(P @ P.T)
                    + X.size * X.ndim * x[0]
                )
            """,
            [gen((M, N)), gen((2 * M,))],
        ),
        "squeeze-expand-atleast": (
            """
            def f(X, x, c: float):
                y = np.squeeze(X[:, :1]) + X[:, 1:2].squeeze()
                R = np.expand_dims(x, 0) * np.expand_dims(y, axis=1)
                r = np.atleast_2d(x) @ np.atleast_2d(x).T
                return (
                    np.sum(R**2)
                    + np.sum(r)
                    + np.sum(np.atleast_1d(c) * x)
                    + np.sum(np.asarray(x) * np.array(x))
                )
            """,
            [gen((M, N)), gen((N,)), scalar()],
        ),
        "array-of-values": (
            """
            def f(x, c):
                v = np.array([x[0] * c, 1.0, np.sum(x)])
                R = np.array([[c, x[1]], [x[2], c * c]])
                return np.sum(np.exp(v)) + np.linalg.det(R) + np.sum(R @ v[:2])
            """,
            [gen((N,)), scalar()],
        ),
        "stack-concatenate": (
            """
            def f(X: "3,4", a: "4", b: "2"):
                S = np.stack([a, 2 * a, X[0]])
                T = np.stack((a, X[1]), axis=1)
                c = np.concatenate([b, a, b * b])
                V = np.vstack([X, a]) + np.vstack((a, X[0], a, X[2]))
                H = np.hstack([X, X[:, :2]])
                h = np.hstack([a, b])
                C = np.column_stack([X[0], a]) + np.column_stack((X[:2].T,))
                return (
                    np.sum(S**2)
                    + np.sum(T @ T.T)
                    + np.sum(np.sin(c))
                    + np.sum(V * V)
                    + np.sum(np.cos(H))
                    + h @ h
                    + np.sum(C**3)
                    + np.sum(np.concatenate((X, X), axis=1) ** 2)
                )
            """,
            [gen((3, 4)), gen((4,)), gen((2,))],
        ),
        "flip-roll-swap": (
            """
            def f(X, x):
                Y = np.flip(X) + np.flip(X, axis=0) * np.fliplr(X) + np.flipud(X)
                r = np.roll(x, 1) * x + np.roll(x, -2)
                R = np.roll(X, 1, axis=1) + np.roll(X, 2)
                S = (
                    np.swapaxes(X, 0, 1) @ X
                    + np.transpose(X, (1, 0)) @ X
                    + X.transpose(1, 0) @ X.swapaxes(1, 0).T
                )
                return np.sum(Y * X) + np.sum(r**3) + np.sum(R * X**2) + np.sum(np.sin(S))
            """,
            [gen((M, N)), gen((N,))],
        ),
        "diagonals-offsets": (
            """
            def f(X: "3,4", A: "4,4", v: "3"):
                d = np.diagonal(X, 1) * X.diagonal().sum()
                e = np.diag(A, -1) + np.diag(A, 2).sum() + np.diagonal(A)[1:]
                D = np.diag(v, 1) + np.diag(v, -1)
                return (
                    np.sum(d**2)
                    + np.sum(e**3)
                    + np.trace(A, 1)
                    + np.trace(X, offset=-1)
                    + np.sum(D @ np.diag(np.concatenate([v, v[:1]])))
                )
            """,
            [gen((M, N)), gen((N, N)), gen((3,))],
        ),
        "trace-offset-free-sizes": (
            """
            def f(A, X):
                return np.trace(A, 1) * np.trace(X, -1) + np.trace(X @ A, offset=2)
            """,
            [gen((N, N)), gen((M, N))],
        ),
    }
)


# -- reductions: products, moments, averages, scans, norms -----------------------------------
def with_zero(shape, where):
    """Random entries with exact zeros at `where` (np.prod's derivative must stay exact)."""

    def draw(rng):
        x = rng.standard_normal(shape)
        x[where] = 0.0
        return x

    return draw


CASES.update(
    {
        "prod": (
            """
            def f(X, x):
                return (
                    np.prod(x)
                    + np.sum(np.prod(X, axis=0) ** 2)
                    + np.sum(X.prod(axis=1, keepdims=True) * X)
                    + X.prod()
                )
            """,
            [gen((M, N)), gen((N,))],
        ),
        "prod-one-zero": (
            """
            def f(x, X):
                return np.prod(x) + np.sum(np.prod(X, axis=1))
            """,
            [with_zero((N,), 2), with_zero((M, N), (1, 2))],
        ),
        "prod-two-zeros": (
            """
            def f(x):
                return np.prod(x) * 3.0 + np.sum(x)
            """,
            [with_zero((N,), [0, 3])],
        ),
        "var-std-ddof": (
            """
            def f(X, x):
                return (
                    np.var(x)
                    + np.std(x, ddof=1)
                    + np.sum(np.var(X, axis=0))
                    + np.sum(X.std(axis=1, ddof=1, keepdims=True) * X)
                    + X.var(ddof=2)
                    + np.sum(np.var(X, axis=(0, 1), keepdims=True))
                )
            """,
            [gen((M, N)), gen((N,))],
        ),
        "average-weights": (
            """
            def f(X, x, w, u, v):
                return (
                    np.average(x)
                    + np.average(x, weights=w)
                    + np.sum(np.average(X, axis=1, weights=u))
                    + np.sum(np.average(X, axis=0, weights=v) ** 2)
                    + np.average(X, weights=X * X)
                    + np.sum(np.average(X, axis=0))
                )
            """,
            [gen((M, N)), gen((N,)), pos((N,)), pos((N,)), pos((M,))],
        ),
        "cumsum-cumprod": (
            """
            def f(X, x):
                return (
                    np.sum(np.cumsum(x) ** 2)
                    + np.sum(np.sin(np.cumsum(X, axis=0)))
                    + np.sum(X.cumsum(axis=1) ** 3)
                    + np.sum(np.cumsum(X) * X.ravel())
                    + np.sum(np.cumprod(x))
                    + np.sum(np.cumprod(X, axis=1) * X)
                    + np.sum(X.cumprod(0))
                )
            """,
            [pos((M, N)), pos((N,))],
        ),
        "vector-norms": (
            """
            def f(x):
                return (
                    np.linalg.norm(x, 1)
                    + np.linalg.norm(x, np.inf)
                    + np.linalg.norm(x, ord=-np.inf)
                    + np.linalg.norm(x, 3)
                    + np.linalg.norm(x, ord=0.5)
                    + np.linalg.norm(x, -1.5)
                    + np.linalg.norm(x, 2)
                )
            """,
            [gen((N,))],
        ),
        "matrix-norms": (
            """
            def f(A):
                return (
                    np.linalg.norm(A, 1)
                    + np.linalg.norm(A, np.inf)
                    + np.linalg.norm(A, -1)
                    + np.linalg.norm(A, ord=-np.inf)
                    + np.linalg.norm(A, -2)
                )
            """,
            [gen((M, N))],
        ),
    }
)


CASES.update(
    {
        "split-moveaxis": (
            """
            def f(x: "6", X):
                a, b, c = np.split(x, 3)
                u, v = np.split(x, [4])
                P, Q = np.split(X, [1], axis=1)
                return (
                    np.sum(a * b * c)
                    + u @ u
                    + np.sum(v**3)
                    + np.sum(P * P)
                    + np.sum(np.sin(Q))
                    + np.sum(np.moveaxis(X, 0, 1) @ X)
                )
            """,
            [gen((6,)), gen((M, N))],
        ),
    }
)


test_gradient_matches_numpy_finite_differences = against_numpy_test(HEADER, CASES)


# -- what the vocabulary refuses, with a clear compile-time error ------------------------------
REFUSED = {
    "reshape-unchecked": (
        """
        def f(x):
            return np.sum(np.reshape(x, (2, -1)))
        """,
        "cannot name",
    ),
    "reshape-wrong-size": (
        """
        def f(X: "3,4"):
            return np.sum(X.reshape(5, 2))
        """,
        "size",
    ),
    "concatenate-free-sizes": (
        """
        def f(x: "n", y: "m"):
            return np.sum(np.concatenate([x, y]))
        """,
        "known at compile time",
    ),
    "roll-variable-shift": (
        """
        def f(x, s: float):
            return np.sum(np.roll(x, s))
        """,
        "constant",
    ),
    "vector-norm-ord-0": (
        """
        def f(x: "n"):
            return np.linalg.norm(x, 0)
        """,
        "ord=0",
    ),
    "matrix-norm-ord-3": (
        """
        def f(X: "n,m"):
            return np.linalg.norm(X, 3)
        """,
        "not a matrix norm",
    ),
    "diagonal-free-offset": (
        """
        def f(X: "n,n"):
            return np.sum(np.diagonal(X, 1) ** 2)
        """,
        "literal",
    ),
    "average-returned": (
        """
        def f(x):
            return np.average(x, returned=True)
        """,
        "returned",
    ),
}


test_refused_with_a_clear_error = refused_test(HEADER, REFUSED)


def test_cumprod_refuses_a_zero_entry_at_run_time():
    """cumprod's derivative divides by x: a zero raises instead of returning nan."""
    mod = load(HEADER + 'def f(x: "n"):\n    return np.sum(np.cumprod(x) ** 2)\n', "f")
    with pytest.raises(FloatingPointError, match="np.cumprod"):
        mod.grad_f(np.array([1.0, 0.0, 2.0]))
    value, (g,) = mod.value_and_grad_f(np.array([1.0, 0.5, 2.0]))
    f = numpy_model(HEADER + 'def f(x: "n"):\n    return np.sum(np.cumprod(x) ** 2)')
    assert np.isclose(value, f(np.array([1.0, 0.5, 2.0])))
    np.testing.assert_allclose(g, central_gradient(f, [np.array([1.0, 0.5, 2.0])], 0), rtol=1e-7)


SLICES_OF_RUN_TIME_SIZES = """
import numpy as np


def f(X: "n,m", x: "k"):
    a = np.sum(X[-1, ::2] ** 2) + np.sum(np.sin(x[1:][:2])) + np.sum(x[::-2] ** 2)
    return a + np.sum(x[-3::2]) + np.sum(X[1::3, :-1] * 0.5)
"""


@pytest.mark.parametrize("n, m, k", [(2, 3, 1), (5, 4, 6), (7, 2, 9)])
def test_slices_of_sizes_known_only_at_run_time(n, m, k):
    """A slice with a step, a negative start or of a slice, on a size the model does not
    fix: the size is spelled len(range(n)[a:b:c]) in the module (it used to be an internal
    error), and the gradient matches NumPy's model."""

    module = load(SLICES_OF_RUN_TIME_SIZES, "f")
    env = {"f": numpy_model(SLICES_OF_RUN_TIME_SIZES)}
    rng = np.random.default_rng(n * 100 + m * 10 + k)
    args = [rng.standard_normal((n, m)), rng.standard_normal(k)]
    value, grads = module.value_and_grad_f(*args)
    assert np.isclose(value, env["f"](*args), rtol=1e-12)
    for i, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(env["f"], args, i), rtol=1e-6, atol=1e-8)


SHARED = {
    "one array, two names": "def f(X):\n    A = np.zeros((3, 3))\n    B = A\n"
    "    B[0, 0] = 5.0\n    return np.sum(A * X[:3, :3])",
    "a view of a parameter": "def f(X):\n    Y = X[0]\n    Y[0] = 5.0\n    return np.sum(X * X)",
    "a transposed view": "def f(X):\n    A = np.ones((3, 3))\n    B = A.T\n"
    "    B += 1.0\n    B[0, 1] = 2.0\n    return np.sum(A * X[:3, :3])",
    "a helper's argument": "def h(K):\n    K[0, 0] = 0.0\n    return np.sum(K)\n\n\n"
    "def f(X):\n    A = X * 2.0\n    s = h(A)\n    return s + np.sum(A)",
    "fill_diagonal of an alias": "def f(X):\n    A = X * 1.0\n    B = A\n"
    "    np.fill_diagonal(B, 0.0)\n    return np.sum(A)",
}


@pytest.mark.parametrize("case", sorted(SHARED))
def test_in_place_updates_of_shared_arrays_are_refused(case):
    """NumPy changes every name that holds the array (or a view of it); the functional
    rewrite would change one: a clear error, never that silent difference."""
    source = "import numpy as np\n\n\n" + SHARED[case] + "\n"
    with pytest.raises(CompileError, match="in place") as e:
        compile_model(source, "f")
    assert "np.array(" in str(e.value)  # the hint: update a copy


NOT_SHARED = """
import numpy as np


def f(x: "n", X: "n,n"):
    a = np.zeros(3)
    b = np.zeros(3)
    b[0] = x[0]
    C = np.array(X)
    C[0, 0] = 5.0
    D = X.T
    D = D * 2.0
    D[1, 1] = 0.0
    return np.sum(a * x[:3]) + np.sum(b * x[:3]) + np.sum(C * X) + np.sum(D * X)
"""


def test_arrays_that_only_look_alike_are_updated_in_place():
    """Two np.zeros(3) are one value in the IR but two arrays in NumPy; np.array(X) and a
    rebound name are copies: each update stays with its own name, as NumPy runs it."""
    module = load(NOT_SHARED, "f")
    env = {"f": numpy_model(NOT_SHARED)}
    rng = np.random.default_rng(5)
    args = [rng.standard_normal(4), rng.standard_normal((4, 4))]
    value, grads = module.value_and_grad_f(*args)
    assert np.isclose(value, env["f"](*args), rtol=1e-12)
    for i, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(env["f"], args, i), rtol=1e-6, atol=1e-8)
