"""Fused elementwise chains (compiler/fuse.py, issue 15): a statement's chain of ufuncs runs
in one array with out= (and augmented assignments), and a temporary dead after a statement
takes its result. The gradients still match central differences of the model as NumPy runs
it; a known chain allocates less (tracemalloc peak) than with the pass off; and the arrays
fusion must never write into — a parameter, a temporary with a live view, a temporary of
another shape (broadcast), a bool or int temporary, a loop's tape — are left alone."""

from __future__ import annotations

import re
import tracemalloc
import types

import numpy as np
import pytest
from helpers import check_against_numpy, numpy_model
from matgradc.api import compile_model
from matgradc.build import Builder
from matgradc.fuse import Kinds

N = 6


def mat(shape):
    return lambda rng: rng.standard_normal(shape)


def positive(shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape)


def module_of(source: str, fn: str = "f", fuse: bool = True, monkeypatch=None):
    if not fuse:
        monkeypatch.setenv("MATGRADC_FUSE", "0")
    text = compile_model(source, fn).module
    if not fuse:
        monkeypatch.delenv("MATGRADC_FUSE")
    module = types.ModuleType(f"grad_{fn}")
    exec(compile(text, f"<grad_{fn}>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return text, module


def in_place(text: str) -> int:
    """Operations of the generated code that write into an existing array."""
    return len(re.findall(r"\bout=|[-+*/]= ", text))


# -- elementwise-heavy models: gradients against central differences -------------------
RBF = (
    "import numpy as np\n\n\n"
    "def f(X, ell: float, sf2: float, y: 'n'):\n"
    "    sq = np.sum(X**2, axis=1)\n"
    "    D = sq[:, None] + sq[None, :] - 2.0 * X @ X.T\n"
    "    K = sf2 * np.exp(-0.5 * D / ell**2) + 0.1 * np.eye(X.shape[0])\n"
    "    return y @ np.linalg.solve(K, y) + np.sum(np.log(np.diag(np.linalg.cholesky(K))))\n"
)
MLP = (
    "import numpy as np\n\n\n"
    "def f(W1, b1: 'h', W2, X, Y):\n"
    "    H = np.tanh(X @ W1 + b1)\n"
    "    E = np.exp(-H @ W2) * Y - 0.5 * Y\n"
    "    return np.sum(np.log1p(E**2)) + np.sum(np.sqrt(1.0 + H**2))\n"
)
CHAIN = (  # a chain over statements: each temporary dies where the next reads it
    "import numpy as np\n\n\n"
    "def f(A, B):\n"
    "    t = A @ B\n"
    "    u = np.exp(t)\n"
    "    v = u * 3.0 - 1.0\n"
    "    w = np.tanh(v) / 2.0\n"
    "    return np.sum(w * w)\n"
)
SOFTPLUS = (
    "import numpy as np\n\n\n"
    "def f(w: 'd', X, y: 'n'):\n"
    "    z = X @ w\n"
    "    return np.sum(np.logaddexp(0.0, -y * z)) + 0.5 * np.sum(np.maximum(z, 0.0) ** 2)\n"
)


@pytest.mark.parametrize(
    "source, builders",
    [
        (RBF, [mat((N, 3)), lambda r: 1.3, lambda r: 0.9, mat(N)]),
        (MLP, [mat((3, 4)), mat(4), mat((4, 2)), mat((N, 3)), mat((N, 2))]),
        (CHAIN, [mat((N, 3)), mat((3, N))]),
        (SOFTPLUS, [mat(3), mat((N, 3)), mat(N)]),
    ],
    ids=["rbf", "mlp", "chain", "softplus"],
)
def test_gradient_matches_central_differences(source, builders):
    text = compile_model(source, "f").module
    assert in_place(text) > 0  # the pass did something here
    check_against_numpy(source, builders)


def test_fused_module_equals_the_unfused_one(monkeypatch):
    """Same values and gradients with the pass on and off, and the inputs untouched."""
    rng = np.random.default_rng(1)
    args = [rng.standard_normal((N, 3)), rng.standard_normal((3, N))]
    copies = [a.copy() for a in args]
    fused = module_of(CHAIN)[1].value_and_grad_f(*args)
    for a, c in zip(args, copies):
        np.testing.assert_array_equal(a, c)
    plain = module_of(CHAIN, fuse=False, monkeypatch=monkeypatch)[1].value_and_grad_f(*args)
    np.testing.assert_allclose(fused[0], plain[0], rtol=1e-14)
    for g1, g2 in zip(fused[1], plain[1]):
        np.testing.assert_allclose(g1, g2, rtol=1e-13, atol=1e-15)


# -- structure: a known chain is written in place, and allocates less -------------------
def test_known_chain_is_spelled_in_place(monkeypatch):
    fused, _ = module_of(CHAIN)
    plain, _ = module_of(CHAIN, fuse=False, monkeypatch=monkeypatch)
    assert in_place(fused) >= in_place(plain) + 4
    forward = fused.split("def f(")[1].split("def value_and_grad_f")[0]
    assert "np.exp(t, out=t)" in forward  # t dies as u is computed: its array takes u
    assert "np.tanh(v, out=v)" in forward


def _peak(fn, args) -> int:
    fn(*args)  # warm up (imports, caches)
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_known_chain_allocates_less(monkeypatch):
    n = 200
    rng = np.random.default_rng(2)
    args = [rng.standard_normal((n, 3)) / 3, rng.standard_normal((3, n)) / 3]
    fused = module_of(CHAIN)[1]
    plain = module_of(CHAIN, fuse=False, monkeypatch=monkeypatch)[1]
    matrix = n * n * 8
    # one n×n array fewer at the peak (a few hundred bytes of bookkeeping aside)
    assert _peak(fused.f, args) <= _peak(plain.f, args) - 0.9 * matrix
    assert _peak(fused.value_and_grad_f, args) <= _peak(plain.value_and_grad_f, args)


# -- what fusion must never write into ----------------------------------------------------
def _check(source, builders, forbidden: list[str]):
    text = compile_model(source, "f").module
    for pattern in forbidden:
        assert not re.search(pattern, text), pattern
    check_against_numpy(source, builders)


def test_a_parameter_is_never_written_into():
    source = (
        "import numpy as np\n\n\n"
        "def f(X, c: float):\n"
        "    return np.sum(np.exp(X) * c + np.tanh(X))\n"
    )
    _check(source, [mat((N, N)), lambda r: 0.7], [r"out=X\b", r"\bX [-+*/]= "])
    rng = np.random.default_rng(3)
    X = rng.standard_normal((N, N))
    copy = X.copy()
    module_of(source)[1].value_and_grad_f(X, 0.7)
    np.testing.assert_array_equal(X, copy)


def test_a_temporary_with_a_live_view_is_not_written_into():
    """A.T and A[0] may be views of A's array: A is not reused while they live."""
    source = (
        "import numpy as np\n\n\n"
        "def f(X):\n"
        "    A = X * 2.0\n"
        "    B = A.T\n"
        "    r = A[0]\n"
        "    C = np.exp(A)\n"
        "    return np.sum(C * B) + np.sum(C[1] * r)\n"
    )
    _check(source, [mat((N, N))], [r"out=A\b"])


def test_a_broadcast_that_grows_the_shape_is_not_fused():
    """t is (n, 1), the product (n, m): t's array cannot hold it."""
    source = (
        "import numpy as np\n\n\n"
        "def f(a: 'n,1', c: '1,m'):\n"
        "    t = np.exp(a)\n"
        "    B = t * c\n"
        "    return np.sum(np.sin(B))\n"
    )
    _check(source, [mat((N, 1)), mat((1, 4))], [r"out=t\b", r"\bt [-+*/]= "])


def test_bool_and_int_temporaries_are_not_written_into():
    source = (
        "import numpy as np\n\n\n"
        "def f(x: 'n', k: int):\n"
        "    m = x > 0.25\n"
        "    w = m * 3\n"
        "    v = w * x + k * x\n"
        "    return np.sum(v * x)\n"
    )
    _check(source, [mat(N), lambda r: 2], [r"out=[mw]\b", r"\b[mw] [-+*/]= "])


def test_kinds_of_values():
    """Only values known to be floating arrays are fused; comparisons, ints and sparse
    matrices are not "float"."""
    g = Builder()
    x = g.op("param", name="x", index=0, dims=(g.new_dim("n"),), struct="general")
    k = g.op("param", name="k", index=1, dims=(), struct="general")
    two = g.const(2.0, "2")
    kinds = Kinds(frozenset({"k"}))
    assert kinds(x) == "float"
    assert kinds(k) == "int"
    assert kinds(two) == "int"
    assert kinds(g.op("mul", x, two)) == "float"
    assert kinds(g.op("mul", k, two)) == "int"
    assert kinds(g.op("greater", x, two)) == "real"
    assert kinds(g.op("exp", k)) == "float"
    assert kinds(g.op("mul", g.op("greater", x, two), two)) == "real"


def test_a_value_on_a_loop_tape_is_not_written_into():
    """A run-time loop pushes what its backward sweep needs on a tape: those arrays stay."""
    source = (
        "import numpy as np\n\n\n"
        "def f(x: 'n', A, k: int):\n"
        "    for i in range(k):\n"
        "        x = np.tanh(A @ x) * 0.9 + 0.1\n"
        "    return np.sum(np.exp(x))\n"
    )
    f = numpy_model(source)
    text, module = module_of(source)
    pushed = [  # tape.append(x) or tape.append((x, t)): the arrays the tape keeps
        name.strip()
        for group in re.findall(r"tape\w*\.append\(\(?([\w, ]+?),?\)?\)", text)
        for name in group.split(",")
        if name.strip()
    ]
    assert pushed  # the loop has a tape
    for name in pushed:
        assert not re.search(rf"out={name}\b|\b{name} [-+*/]= ", text), name
    rng = np.random.default_rng(4)
    x, A = rng.standard_normal(N), rng.standard_normal((N, N)) / N
    value, (gx, gA) = module.value_and_grad_f(x, A, 3)
    assert np.isclose(value, f(x, A, 3))
    h = 1e-6
    for i in range(N):
        e = np.zeros(N)
        e[i] = h
        assert np.isclose(gx[i], (f(x + e, A, 3) - f(x - e, A, 3)) / (2 * h), rtol=1e-6)
    E = np.zeros((N, N))
    E[1, 2] = h
    assert np.isclose(gA[1, 2], (f(x, A + E, 3) - f(x, A - E, 3)) / (2 * h), rtol=1e-6)


def test_a_view_returned_by_einsum_is_not_written_into():
    """np.einsum("ii->i", A) is a writeable view of A: A ± x is not computed in it (the
    caller's A stayed intact: before, `t1 = np.einsum("ii->i", A); t1 -= x` wrote into it)."""
    source = (
        "import numpy as np\n\n\n"
        "def f(A, x: 'n'):\n"
        "    return np.sum((np.einsum('ii->i', A) - x) ** 2)\n"
    )
    _check(source, [mat((N, N)), mat(N)], [r'= np\.einsum\("ii->i", A\)\n', r"out=A\b"])
    rng = np.random.default_rng(5)
    A, x = rng.standard_normal((N, N)), rng.standard_normal(N)
    copy = A.copy()
    module = module_of(source)[1]
    first = module.value_and_grad_f(A, x)
    np.testing.assert_array_equal(A, copy)
    np.testing.assert_array_equal(module.value_and_grad_f(A, x)[1][0], first[1][0])


def test_a_sparse_matrix_is_never_fused():
    """scipy.sparse.diags(p) scaled and negated stays a sparse matrix: no out=."""
    pytest.importorskip("scipy")
    source = (
        "import numpy as np\n"
        "import scipy.sparse\n\n\n"
        "def f(p: 'n', x: 'n'):\n"
        "    S = -(2.0 * scipy.sparse.diags(p))\n"
        "    return x @ (S @ x) + np.sum(np.exp(p) * 3.0 + 1.0)\n"
    )
    text = compile_model(source, "f").module
    assert "S = -(2.0 * scipy.sparse.diags(p))" in text or "out=S" not in text
    check_against_numpy(source, [mat(N), mat(N)])


def test_a_while_loop_condition_and_body_keep_their_values():
    """The statements of a loop's condition and body are blocks the code around them reads
    from: no temporary there takes another's result (only in-statement chains are fused)."""
    source = (
        "import numpy as np\n\n\n"
        "def f(a: 'n', w: 'n'):\n"
        "    x = np.exp(a) * 0.5 + 1.0\n"
        "    k = 0\n"
        "    while np.max(np.abs(np.tanh(x) * 2.0 - 1.0)) > 0.9 and k < 20:\n"
        "        x = 0.5 * np.tanh(x) * 2.0 + 0.25 * x\n"
        "        k += 1\n"
        "    return w @ (x * x)\n"
    )
    text = compile_model(source, "f").module
    loop = text.split("while True:")[1].split("return")[0]
    assert not re.search(r"= np\.\w+\(\w+, [^)]*out=", loop)  # no temporary reused
    check_against_numpy(source, [mat(N), mat(N)])


def test_a_float32_input_is_computed_in_float64():
    """In-place writes assume float64 arrays: a float32 array (or any other float precision)
    is taken as float64, as integer arrays are, so a float64 result is never written into a
    float32 buffer. The value and gradient are the model's on the float64 input."""
    source = (
        "import numpy as np\n\n\n"
        "def f(X, W):\n"
        "    H = np.exp(X * 0.1)\n"
        "    return np.sum(np.tanh(H + W) * W)\n"
    )
    text, module = module_of(source)
    assert in_place(text) > 0  # the chain is fused
    rng = np.random.default_rng(8)
    X, W = rng.standard_normal((N, N)).astype(np.float32), rng.standard_normal((N, N))
    value, (g_X, g_W) = module.value_and_grad_f(X, W)
    assert g_X.dtype == g_W.dtype == np.float64
    X64 = X.astype(np.float64)
    f = numpy_model(source)
    np.testing.assert_allclose(value, f(X64, W), rtol=1e-12)
    _, (e_X, e_W) = module.value_and_grad_f(X64, W)
    np.testing.assert_array_equal(g_X, e_X)
    np.testing.assert_array_equal(g_W, e_W)
    check_against_numpy(source, [mat((N, N)), mat((N, N))])
