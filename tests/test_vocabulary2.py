"""Issue 9's vocabulary, second part (scalars, vectors and matrices): every new spelling against
central finite differences of the model AS NUMPY RUNS IT (the test executes the model source
itself; the compiler never does), and the value against NumPy's. Cases refused get a test of
their clear compile-time error."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import against_numpy_test, gen, load, numpy_model, refused_test, scalar, spd_in

N, M = 4, 3
HEADER = "import numpy as np\nimport scipy.linalg\n\n\n"


def well_conditioned(shape):
    """A matrix with well separated singular values (SVD/QR/pinv derivatives divide by gaps)."""

    def draw(rng):
        m, n = shape
        u, _ = np.linalg.qr(rng.standard_normal((m, m)))
        v, _ = np.linalg.qr(rng.standard_normal((n, n)))
        s = np.zeros((m, n))
        k = min(m, n)
        s[np.arange(k), np.arange(k)] = 1.0 + 0.7 * np.arange(k)[::-1] + 0.1 * rng.random(k)
        return u @ s @ v.T

    return draw


# name -> (source of `f`, one input builder per parameter)
CASES = {
    # -- more elementwise --------------------------------------------------------------------
    "fmax-fmin": (
        (
            "def f(x: 'm,n', y: 'm,n', c: float):\n    return np.sum(np.sin(np.fmax(x, y)) + np.fmin(x, y) ** 2)"
            " + np.sum(np.fmax(x, c) * np.fmin(c, y))"
        ),
        [gen((M, N)), gen((M, N)), scalar()],
    ),
    "fmax-broadcast": (
        "def f(x: '1', y: '1,n'):\n    return np.sum(np.sin(np.fmax(x, y)))",
        [gen((1,)), gen((1, N))],
    ),
    "sinc": (
        "def f(x):\n    return np.sum(np.sinc(x) ** 2 + np.sinc(2 * x))",
        [gen((N,))],
    ),
    "angles": (
        (
            "def f(x, X):\n    return np.sum(np.sin(np.deg2rad(x)) + np.radians(x) ** 2)"
            " + np.sum(np.cos(np.rad2deg(X) / 90) * np.degrees(X))"
        ),
        [gen((N,)), gen((M, N))],
    ),
    # -- contractions ----------------------------------------------------------------------------
    "cross-vectors": (
        "def f(a, b):\n    c = np.cross(a, b)\n    return np.sum(np.sin(c)) + c @ np.cross(b, c)",
        [gen((3,)), gen((3,))],
    ),
    "cross-rows-columns": (
        (
            "def f(X, Y, v):\n    return (np.sum(np.sin(np.cross(X, Y)))"
            " + np.sum(np.cos(np.cross(X, Y, axisa=0, axisb=1, axisc=0)) * X)"
            " + np.sum(np.cross(X, Y.T, axis=0) ** 2) + np.sum(np.sin(np.cross(v, Y))))"
        ),
        [gen((3, 3)), gen((3, 3)), gen((3,))],
    ),
    "cross-many-rows": (
        "def f(X, Y):\n    return np.sum(np.sin(np.cross(X, Y, axisa=1, axisb=0, axisc=-1)))",
        [gen((5, 3)), gen((3, 5))],
    ),
    "kron-mixed": (
        (
            "def f(A, v, c: float, w):\n    return (np.sum(np.sin(np.kron(A, v))) + np.sum(np.kron(v, A) ** 2)"
            " + np.sum(np.kron(c, A) * np.kron(A, c)) + np.sum(np.sin(np.kron(A[:1], w)))"
            " + np.sum(np.kron(v, w)) + np.sum(np.kron(A[:, :1], A[:1])))"
        ),
        [gen((M, N)), gen((M,)), scalar(), gen((2,))],
    ),
    "inner-vdot-multi-dot": (
        (
            "def f(x, y, A, B, c: float):\n    return (np.inner(x, y) + np.sum(np.sin(np.inner(A, B)))"
            " + np.sum(np.inner(x, B) ** 2) + np.sum(np.inner(A, y)) + np.sum(np.inner(c, A))"
            " + np.vdot(x, y) + np.vdot(A, A * A) + np.linalg.multi_dot([x, A.T, A, y])"
            " + np.sum(np.linalg.multi_dot([A, B.T, B])))"
        ),
        [gen((N,)), gen((N,)), gen((M, N)), gen((M + 2, N)), scalar()],
    ),
    # -- shaping -------------------------------------------------------------------------------
    "repeat": (
        (
            "def f(x, X, c: float):\n    return (np.sum(np.sin(np.repeat(x, 2)))"
            " + np.sum(np.repeat(X, 3, axis=0) ** 2) + np.sum(np.sin(np.repeat(X, repeats=2, axis=1)))"
            " + np.sum(np.repeat(X, 2) * np.arange(24)) + np.sum(np.repeat(c, 3) ** 3)"
            " + np.sum(np.repeat(X, 1, axis=0) ** 2) + np.sum(np.sin(np.repeat(X, 0, axis=1))))"
        ),
        [gen((N,)), gen((M, N)), scalar()],
    ),
    "tile": (
        (
            "def f(x, X, u: '1,2'):\n    return (np.sum(np.sin(np.tile(x, 3))) + np.sum(np.tile(X, (2, 3)) ** 2)"
            " + np.sum(np.sin(np.tile(x, (2, 1)))) + np.sum(np.tile(u, reps=(1, 2)) ** 3)"
            " + np.sum(np.tile(X, 1) ** 2))"
        ),
        [gen((N,)), gen((M, N)), gen((1, 2))],
    ),
    "pad": (
        (
            "def f(x: '4', X: '3,4'):\n    return (np.sum(np.sin(np.pad(x, 2))) + np.sum(np.pad(X, ((1, 2), (0, 3))) ** 2)"
            " + np.sum(np.cos(np.pad(x, (3,), 'constant'))) + np.sum(np.sin(np.pad(X, (1, 2), constant_values=0.5)))"
            " + np.sum(np.pad(X, 0) ** 3))"
        ),
        [gen((4,)), gen((3, 4))],
    ),
    "pad-free-rows": (
        "def f(X: 'n,4'):\n    return np.sum(np.sin(np.pad(X, ((0, 0), (1, 1)))))",
        [gen((M, 4))],
    ),
    "diff": (
        (
            "def f(x, X: '5,4'):\n    return (np.sum(np.sin(np.diff(x))) + np.sum(np.diff(X, axis=0) ** 2)"
            " + np.sum(np.sin(np.diff(X, n=2, axis=1))) + np.sum(np.diff(x, 2) ** 3) + np.sum(np.diff(X)))"
        ),
        [gen((N + 2,)), gen((M + 2, N))],
    ),
    "gradient": (
        (
            "def f(x: '6', X: '4,5', t: '2'):\n    a, b = np.gradient(X)\n"
            "    return (np.sum(np.sin(np.gradient(x))) + np.sum(a * b) + np.sum(np.gradient(X, axis=-1) ** 3)"
            " + np.sum(np.sin(np.gradient(t))))"
        ),
        [gen((6,)), gen((4, 5)), gen((2,))],
    ),
    "gradient-free-sizes": (
        (
            "def f(x, X):\n    a, b = np.gradient(X)\n"
            "    return (np.sum(np.sin(np.gradient(x))) + np.sum(a * b)"
            " + np.sum(np.gradient(X, axis=-1) ** 3) + np.sum(np.gradient(x[:2]) ** 2))"
        ),
        [gen((5,)), gen((M, N))],
    ),
    "array-split": (
        (
            "def f(x: '7', X: '5,4'):\n    a, b, c = np.array_split(x, 3)\n"
            "    P, Q = np.array_split(X, 2, axis=1)\n    R, S, T = np.array_split(X, [1, 3])\n"
            "    (U,) = np.array_split(X, 1)\n"
            "    return (np.sum(np.sin(a)) + b @ b + np.sum(c ** 3) + np.sum(P * Q) + np.sum(np.sin(R))"
            " + np.sum(S ** 2) + np.sum(T) + np.sum(U ** 3))"
        ),
        [gen((7,)), gen((5, 4))],
    ),
    "partition": (
        "def f(x: '7'):\n    return np.sum(np.sin(np.partition(x, 3)) * np.arange(7)) + np.partition(x, kth=0)[0]",
        [gen((7,))],
    ),
    "linspace-arange": (
        (
            "def f(a: float, b: float, x):\n    t = np.linspace(a, b, 5)\n"
            "    return (np.sum(np.sin(t)) + np.sum(np.linspace(a, b, 1) ** 2) + np.sum(np.linspace(a, b, 0))"
            " + np.sum(np.linspace(b, a, 4, endpoint=False) ** 3) + np.sum(np.arange(x.shape[0]) * x)"
            " + np.sum(np.arange(1, 9, 2) * x) + np.sum(np.arange(0.5, 2.5, 0.5) * x))"
        ),
        [scalar(), scalar(), gen((N,))],
    ),
}


CASES.update(
    {
        "r-c-subscripts": (
            (
                "def f(x: '10', c: '10', X: '3,2', C: '3,2', s: float):\n"
                "    return (np.sum(np.sin(np.r_[x, c, 1:10])) + np.sum(np.sin(np.r_[X, C, X]))"
                " + np.sum(np.c_[X, C, X] ** 2) + np.sum(np.r_[s, x, 2.0] ** 2)"
                " + np.sum(np.c_[x, c] ** 3) + np.sum(np.sin(np.r_[x])))"
            ),
            [gen((10,)), gen((10,)), gen((3, 2)), gen((3, 2)), scalar()],
        ),
    }
)


CASES.update(
    {
        "vsplit-hsplit-append-rot90-sort": (
            (
                "def f(X: '4,6', x: '3', c: float, Y: '1,6'):\n    A, B = np.vsplit(X, 2)\n"
                "    P, Q, R = np.hsplit(X, [1, 4])\n    u, v = np.hsplit(np.append(x, c), 2)\n"
                "    return (np.sum(A * B) + np.sum(np.sin(P)) + np.sum(Q ** 2) + np.sum(R ** 3)"
                " + u @ v + np.sum(np.sin(np.append(X, Y, axis=0))) + np.sum(np.append(X, x) ** 3)"
                " + np.sum(np.rot90(X) * np.arange(4)) + np.sum(np.rot90(X, 2) * np.arange(6))"
                " + np.sum(np.rot90(X, -1) * np.arange(4)) + np.sum(np.sin(np.sort(x)) * np.arange(3)))"
            ),
            [gen((4, 6)), gen((3,)), scalar(), gen((1, 6))],
        ),
        "angle-real-if-close": (
            (
                "def f(x):\n    return np.sum(np.sin(x) * np.angle(x)) + np.sum(np.real_if_close(x) ** 2)"
            ),
            [gen((N,))],
        ),
    }
)


# -- decompositions ------------------------------------------------------------------------------
def rank_deficient(m, n, r):
    return lambda rng: rng.standard_normal((m, r)) @ rng.standard_normal((r, n))


CASES.update(
    {
        "pinv-tall-wide-square": (
            (
                "def f(A: '5,3', B: '3,5', C: '4,4'):\n"
                "    return (np.sum(np.sin(np.linalg.pinv(A))) + np.sum(np.linalg.pinv(B) ** 2)"
                " + np.sum(np.cos(np.linalg.pinv(C))))"
            ),
            [
                well_conditioned((5, 3)),
                well_conditioned((3, 5)),
                well_conditioned((4, 4)),
            ],
        ),
        "pinv-constant-rank": (
            # x.T @ x is 5x5 of rank 3 for every x: the pseudo-inverse is smooth in x
            "def f(x: '3,5'):\n    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))",
            [well_conditioned((3, 5))],
        ),
        "lstsq-solution": (
            (
                "def f(A: '6,3', b: '6', B: '6,2'):\n    x = np.linalg.lstsq(A, b, rcond=None)[0]\n"
                "    X, res, rank, s = np.linalg.lstsq(A, B)\n"
                "    return np.sum(np.sin(x)) + np.sum(X ** 2) * rank + np.sum(s)"
            ),
            [well_conditioned((6, 3)), gen((6,)), gen((6, 2))],
        ),
        "lstsq-underdetermined": (
            "def f(A: '2,4', b: '2'):\n    return np.sum(np.sin(np.linalg.lstsq(A, b)[0]))",
            [well_conditioned((2, 4)), gen((2,))],
        ),
        "qr-tall-square": (
            (
                "def f(A: '5,3', C: 'n,n'):\n    Q, R = np.linalg.qr(A)\n    P, S = np.linalg.qr(C)\n"
                "    return (np.sum(np.sin(Q) * np.arange(3)) + np.sum(R ** 2 * np.arange(3))"
                " + np.sum(np.cos(P + S)) + np.sum(np.linalg.qr(A, mode='r') ** 3))"
            ),
            [well_conditioned((5, 3)), well_conditioned((N, N))],
        ),
        "svd-vectors-tall-wide-square": (
            (
                "def f(A: '5,3', B: '3,5', C: 'n,n'):\n    U, s, Vt = np.linalg.svd(A, full_matrices=False)\n"
                "    P, t, Wt = np.linalg.svd(B, full_matrices=False)\n    X, u, Yt = np.linalg.svd(C)\n"
                "    return (np.sum(np.sin(U) + np.cos(U) ** 2) + np.sum(np.sin(Vt) * Vt) + np.sum(s ** 2)"
                " + np.sum(np.cos(P)) + np.sum(np.sin(Wt) ** 3) + np.sum(t)"
                " + np.sum(np.sin(X + Yt)) + np.sum(np.abs(X[0])) + u @ u)"
            ),
            [
                well_conditioned((5, 3)),
                well_conditioned((3, 5)),
                well_conditioned((N, N)),
            ],
        ),
        "svd-vectors-free-sizes": (
            (
                "def f(A: 'm,n', B: 'p,q'):\n    U, s, Vt = np.linalg.svd(A, full_matrices=False)\n"
                "    P, t, Wt = np.linalg.svd(B, full_matrices=False)\n"
                "    return np.sum(np.sin(U)) + np.sum(np.cos(Vt)) + np.sum(np.sin(P) * t) + np.sum(Wt ** 3)"
            ),
            [well_conditioned((5, 3)), well_conditioned((3, 5))],
        ),
        "svd-sign-invariant": (
            # U diag(s) Vt is A itself and U Uᵀ a projector: sign choices cancel
            (
                "def f(A: '5,3'):\n    U, s, Vt = np.linalg.svd(A, full_matrices=False)\n"
                "    return np.sum(np.sin((U * s) @ Vt)) + np.sum((U @ U.T) ** 2 * np.arange(5))"
            ),
            [well_conditioned((5, 3))],
        ),
        "logm": (
            "def f(S):\n    L = scipy.linalg.logm(S)\n    return np.sum(np.sin(L)) + np.trace(L @ S)",
            [spd_in(N)],
        ),
        "logm-general": (
            "def f(A):\n    return np.sum(scipy.linalg.logm(A @ A.T + np.eye(A.shape[0])) * A)",
            [gen((N, N))],
        ),
        "block-diag-matrix-rank": (
            (
                "def f(A: '2,2', B: '3,2', v: '2', c: float):\n"
                "    D = scipy.linalg.block_diag(A, B, v, c)\n"
                "    return np.sum(np.sin(D) * np.arange(7)) + np.linalg.matrix_rank(A) * c"
                " + np.sum(scipy.linalg.block_diag(B) ** 2)"
            ),
            [gen((2, 2)), gen((3, 2)), gen((2,)), scalar()],
        ),
    }
)


test_gradient_matches_numpy_finite_differences = against_numpy_test(HEADER, CASES)


# -- what this vocabulary refuses, with a clear compile-time error ------------------------------
REFUSED = {
    "cross-2-vectors": (
        "def f(a: '2', b: '2'):\n    return np.sum(np.cross(a, b))",
        "2-vectors",
    ),
    "cross-wrong-size": (
        "def f(a: '4', b: '4'):\n    return np.sum(np.cross(a, b))",
        "size 4",
    ),
    "kron-rank-3": (
        "def f(x: '2,2,2'):\n    return np.sum(np.kron(x, x))",
        "dimensions",
    ),
    "vdot-mixed": ("def f(x: '4', X: '2,2'):\n    return np.vdot(x, X)", "np.vdot"),
    "repeat-array-counts": (
        "def f(x: '3', r: '3'):\n    return np.sum(np.repeat(x, r))",
        "one constant count",
    ),
    "tile-rank-3": (
        "def f(x: '2,2'):\n    return np.sum(np.tile(x, (2, 1, 1)))",
        "3 dimensions",
    ),
    "pad-edge": (
        "def f(x: '3'):\n    return np.sum(np.pad(x, 1, mode='edge'))",
        "mode='constant'",
    ),
    "pad-free-size": (
        "def f(x: 'n'):\n    return np.sum(np.pad(x, 1))",
        "known at compile time",
    ),
    "gradient-spacing": (
        "def f(x: '5'):\n    return np.sum(np.gradient(x, 0.5))",
        "unit spacing",
    ),
    "gradient-one-point": (
        "def f(x: '1'):\n    return np.sum(np.gradient(x))",
        "at least 2",
    ),
    "array-split-free-size": (
        "def f(x: 'n'):\n    return np.sum(np.array_split(x, 3)[0])",
        "literal size",
    ),
    "partition-matrix": (
        "def f(X: '3,3'):\n    return np.sum(np.partition(X, 1))",
        "np.partition is supported for a vector",
    ),
    "linspace-vectors": (
        "def f(a: '3', b: '3'):\n    return np.sum(np.linspace(a, b, 4))",
        "scalar start and stop",
    ),
    "qr-wide-derivative": (
        "def f(A: '3,5'):\n    Q, R = np.linalg.qr(A)\n    return np.sum(R)",
        "m >= n",
    ),
    "qr-complete": (
        "def f(A: '5,3'):\n    Q, R = np.linalg.qr(A, mode='complete')\n    return np.sum(R)",
        "mode='reduced'",
    ),
    "lstsq-residuals-derivative": (
        "def f(A: '5,3', b: '5'):\n    return np.sum(np.linalg.lstsq(A, b)[1])",
        "residuals of np.linalg.lstsq",
    ),
    "lstsq-rcond": (
        "def f(A: '5,3', b: '5'):\n    return np.sum(np.linalg.lstsq(A, b, rcond=1e-3)[0])",
        "rcond=None",
    ),
    "pinv-tolerance": (
        "def f(A: '5,3'):\n    return np.sum(np.linalg.pinv(A, rcond=1e-3))",
        "unsupported arguments",
    ),
    "svd-full-matrices": (
        "def f(A: '5,3'):\n    U, s, Vt = np.linalg.svd(A)\n    return np.sum(U)",
        "full_matrices=False",
    ),
    "block-diag-free-sizes": (
        "def f(A: 'n,n'):\n    return np.sum(scipy.linalg.block_diag(A, A))",
        "known at compile time",
    ),
    "r-directive": (
        "def f(x: '3'):\n    return np.sum(np.r_['0,2', x, x])",
        "directive string",
    ),
    "r-free-sizes": (
        "def f(x: 'n'):\n    return np.sum(np.r_[x, x])",
        "known at compile time",
    ),
    "sort-matrix": (
        "def f(X: '3,3'):\n    return np.sum(np.sort(X))",
        "np.sort is supported for a vector",
    ),
    "rot90-axes": (
        "def f(X: '3,3'):\n    return np.sum(np.rot90(X, axes=(0, 0)))",
        "np.rot90 is supported",
    ),
    "real-if-close-complex": (
        "def f(A: '3,3'):\n    w, V = np.linalg.eig(A)\n    return np.sum(np.real_if_close(w))",
        "complex",
    ),
    "arange-variable": (
        "def f(x: '3', c: float):\n    return np.sum(np.arange(c) * x)",
        "np.arange needs constant bounds",
    ),
}


test_refused_with_a_clear_error = refused_test(HEADER, REFUSED)


def test_svd_vectors_refuse_repeated_singular_values_at_run_time():
    """The singular vectors of a matrix with a repeated singular value have no derivative."""
    src = "def f(A: '3,3'):\n    U, s, Vt = np.linalg.svd(A)\n    return np.sum(np.sin(U))"
    mod = load(HEADER + src + "\n", "f")
    with pytest.raises(FloatingPointError, match="repeated"):
        mod.grad_f(np.diag([2.0, 1.0, 1.0]))


def test_logm_refuses_a_matrix_without_a_real_logarithm():
    src = "def f(A: '2,2'):\n    return np.sum(scipy.linalg.logm(A))"
    mod = load(HEADER + src + "\n", "f")
    with pytest.raises(ValueError, match="no real logarithm"):
        mod.f(np.array([[-1.0, 0.0], [0.0, 2.0]]))


def test_gradient_of_a_free_size_checks_its_points_at_run_time():
    """np.gradient of one point raises in NumPy: the module raises the same ValueError."""
    mod = load(HEADER + "def f(x):\n    return np.sum(np.gradient(x) ** 2)\n", "f")
    with pytest.raises(ValueError, match="at least 2 points"):
        mod.grad_f(np.ones(1))


def test_fmax_gives_the_derivative_to_the_argument_that_is_not_nan():
    """np.fmax(x, nan) is x: its derivative is 1 there, and 0 for the NaN argument."""
    src = "def f(x: '3', y: '3'):\n    return np.sum(np.fmax(x, y) * 2.0) + np.sum(np.fmin(y, x))"
    mod = load(HEADER + src + "\n", "f")
    x = np.array([1.0, 2.0, 3.0])
    y = np.array([np.nan, 5.0, 0.0])
    value, (gx, gy) = mod.value_and_grad_f(x, y)
    assert np.isclose(value, numpy_model(HEADER + src)(x, y))
    np.testing.assert_array_equal(gx, [3.0, 1.0, 2.0])
    np.testing.assert_array_equal(gy, [0.0, 2.0, 1.0])
