"""The Python API: compile_source, compile_file, grad and value_and_grad; and names in a model
that codegen also uses (np, value, grad, g_X, t1, grads, ...), checked by finite differences.

grad/value_and_grad read a live function's source and execute only the generated code; a
profiler hook checks that the model function itself is never called.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import matgradc
import numpy as np
import pytest
from helpers import central_gradient, import_path
from matgradc import cli

FD_STEP = 1e-6


def assert_gradients(f, grads, args, wrt: list[int]) -> None:
    assert len(grads) == len(wrt)
    for k, g in zip(wrt, grads):
        assert np.shape(g) == np.shape(args[k])
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-5, atol=1e-7)


def run_generated(text: str) -> types.ModuleType:
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def only_numpy(text: str) -> bool:
    tree = ast.parse(text)
    imports = [
        ast.unparse(n) for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
    ]
    return imports == ["import numpy as np"]


class NeverCalled:
    """Records calls of the given code objects (the models) while active."""

    def __init__(self, *functions):
        self.codes = {f.__code__ for f in functions}
        self.calls = 0

    def _hook(self, frame, event, arg):
        if event == "call" and frame.f_code in self.codes:
            self.calls += 1

    def __enter__(self):
        self.old = sys.getprofile()
        sys.setprofile(self._hook)
        return self

    def __exit__(self, *exc):
        sys.setprofile(self.old)
        assert self.calls == 0, "the model function was called"


RNG = np.random.default_rng(7)
A0 = RNG.standard_normal((3, 3))
B0 = RNG.standard_normal((3, 3))
X0 = RNG.standard_normal(3)

SOURCE = textwrap.dedent("""\
    import numpy as np


    def f(A: "n,n", x: "n"):
        y = np.tanh(A @ x)
        return y @ y + np.trace(A @ A.T)
    """)


def f_by_hand(A, x):
    y = np.tanh(A @ x)
    return y @ y + np.trace(A @ A.T)


# -- compile_source / compile_file ----------------------------------------------------------
def test_compile_source_and_its_wrt_spellings():
    text = matgradc.compile_source(SOURCE, "f")
    assert only_numpy(text)
    m = run_generated(text)
    assert_gradients(f_by_hand, m.value_and_grad_f(A0, X0)[1], [A0, X0], [0, 1])
    by_list = matgradc.compile_source(SOURCE, "f", ["x"])
    assert matgradc.compile_source(SOURCE, "f", "x") == by_list
    assert matgradc.compile_source(SOURCE, "f", " x ") == by_list
    m = run_generated(by_list)
    np.testing.assert_allclose(
        m.grad_f(A0, X0), central_gradient(f_by_hand, [A0, X0], 1), rtol=1e-5
    )


def test_compile_source_errors_read_like_the_cli():
    bad = SOURCE.replace("np.tanh", "np.cbrt")
    with pytest.raises(matgradc.CompileError) as e:
        matgradc.compile_source(bad, "f", filename="model.py")
    text = str(e.value)
    assert text.startswith("model.py:5:9: error: np.cbrt is not in the matrix language")
    assert "    y = np.cbrt(A @ x)\n" in text and "hint: " in text
    assert e.value.loc.line == 5 and "cbrt" in e.value.message
    with pytest.raises(matgradc.CompileError, match="not a parameter of `f`"):
        matgradc.compile_source(SOURCE, "f", wrt="Z")
    with pytest.raises(matgradc.CompileError, match="twice"):
        matgradc.compile_source(SOURCE, "f", wrt="x,x")


def test_compile_file_writes_what_the_cli_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("model.py").write_text(SOURCE, encoding="utf-8")
    text = matgradc.compile_file(Path("model.py"), "f", wrt="A", out="g.py", test="test_g.py")
    assert Path("g.py").read_text(encoding="utf-8") == text
    m = run_generated(text)
    np.testing.assert_allclose(
        m.grad_f(A0, X0), central_gradient(f_by_hand, [A0, X0], 0), rtol=1e-5
    )
    # exactly the bytes of the equivalent command: --check finds them up to date
    argv = ["model.py", "--fn", "f", "--wrt", "A", "-o", "g.py", "--emit-test", "test_g.py"]
    assert cli.main([*argv, "--check"]) == 0
    # and the generated test passes
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_g.py"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    # without out: the text only, nothing written
    before = sorted(p.name for p in tmp_path.iterdir())
    alone = matgradc.compile_file("model.py", "f", wrt=["A"])
    assert "    matgradc model.py --fn f --wrt A\n" in alone  # the header's command
    body = "\nimport numpy as np\n"
    assert alone[alone.index(body) :] == text[text.index(body) :]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_compile_file_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("model.py").write_text(SOURCE.replace("return", "print(A)\n    return"), "utf-8")
    Path("g.py").write_text("old\n")
    with pytest.raises(matgradc.CompileError) as e:
        matgradc.compile_file("model.py", "f", out="g.py", test="t.py")
    assert str(e.value).startswith("model.py:6:5: error: ")
    assert Path("g.py").read_text() == "old\n" and not Path("t.py").exists()
    with pytest.raises(matgradc.CompileError) as e:
        matgradc.compile_file("missing.py", "f")
    assert str(e.value).startswith("missing.py: error: cannot read the model")
    with pytest.raises(matgradc.CompileError, match="needs `out`"):
        matgradc.compile_file("model.py", "f", test="t.py")


# -- grad / value_and_grad ---------------------------------------------------------------------
MODULE = textwrap.dedent('''\
    import numpy as onp
    from numpy.linalg import inv as INV

    EPS = 0.5


    def helper_free(A, x):
        """Imports under other names and a module constant: resolved from the module's source."""
        K = INV(A @ A.T + EPS * onp.eye(A.shape[0]))
        return x @ K @ x + onp.log(onp.sum(A * A) + 1.0)
    ''')


def by_hand(A, x):
    K = np.linalg.inv(A @ A.T + 0.5 * np.eye(A.shape[0]))
    return x @ K @ x + np.log(np.sum(A * A) + 1.0)


def test_grad_of_a_module_function_uses_its_imports(tmp_path):
    path = tmp_path / "usermodel.py"
    path.write_text(MODULE, encoding="utf-8")
    mod = import_path(path, "usermodel_for_grad")
    fn = mod.helper_free
    with NeverCalled(fn):
        g = matgradc.grad(fn)
        vg = matgradc.value_and_grad(fn)
        gx = matgradc.grad(fn, wrt="x")
        grads = g(A0, X0)
        value, grads2 = vg(A0, X0)
        alone = gx(A0, X0)
    assert g.__name__ == "grad_helper_free" and vg.__name__ == "value_and_grad_helper_free"
    assert np.isclose(value, by_hand(A0, X0))
    assert_gradients(by_hand, grads, [A0, X0], [0, 1])
    assert_gradients(by_hand, grads2, [A0, X0], [0, 1])
    np.testing.assert_allclose(alone, central_gradient(by_hand, [A0, X0], 1), rtol=1e-5, atol=1e-7)
    assert only_numpy(g.__matgradc_source__)
    assert "usermodel.py" in g.__matgradc_source__  # the header names the model's file
    assert "def grad_helper_free(" in inspect.getsource(g)  # the generated code is inspectable


def test_grad_of_a_nested_function_with_closure_constants():
    scale = 3
    shift = 0.25

    def inner(X: "n,n", c: "scalar"):  # noqa: F821, UP037 -- model shapes
        return scale * np.sum(np.sin(X) * c) + shift * np.trace(X @ X)

    with NeverCalled(inner):
        vg = matgradc.value_and_grad(inner)
        value, grads = vg(A0, 0.7)
    assert np.isclose(value, inner(A0, 0.7))
    assert_gradients(inner, grads, [A0, 0.7], [0, 1])


def test_grad_of_a_notebook_cell_function():
    """A function defined in a notebook cell: its source is only in linecache, its module
    (__main__) has no file, and the imports ran in another cell."""
    earlier_cell = {"__name__": "__main__"}
    cell_1 = "import numpy as jnp\nfrom numpy import trace as tr\nLAM = 0.1\n"
    exec(cell_1, earlier_cell)  # noqa: S102 -- the user's notebook runs its cells
    cell = "def loss(W, v):\n    return tr(W @ W.T) + LAM * jnp.sum(jnp.exp(W @ v))\n"
    filename = "<ipython-input-3-8c1f>"
    linecache.cache[filename] = (len(cell), None, cell.splitlines(True), filename)
    exec(compile(cell, filename, "exec"), earlier_cell)  # noqa: S102 -- likewise
    loss = earlier_cell["loss"]
    with NeverCalled(loss):
        g = matgradc.grad(loss)
        grads = g(A0, X0)
    assert_gradients(loss, grads, [A0, X0], [0, 1])


def test_grad_errors_point_into_the_original_file():
    def nested(A):
        y = A @ A
        return np.sum(np.fft.fft(y))

    with pytest.raises(matgradc.CompileError) as e:
        matgradc.grad(nested)
    line = inspect.getsourcelines(nested)[1] + 2
    first = str(e.value).splitlines()
    assert first[0].startswith(f"{__file__}:{line}:23: error: np.fft.fft is not"), first
    assert first[1] == "            return np.sum(np.fft.fft(y))"
    assert first[2] == "    " + " " * 22 + "^"


@pytest.mark.parametrize(
    "thing, message",
    [
        (lambda A: np.trace(A), "lambda"),
        (np.exp, "needs a Python function"),
        (len, "needs a Python function"),
    ],
)
def test_grad_refuses_what_is_not_a_def(thing, message):
    with pytest.raises(matgradc.CompileError, match=message):
        matgradc.grad(thing)


def test_grad_without_source():
    namespace: dict = {}
    # a function without a file or linecache entry
    exec("def f(A):\n    return A.sum()\n", namespace)  # noqa: S102
    with pytest.raises(matgradc.CompileError, match="cannot read the source"):
        matgradc.grad(namespace["f"])


# -- names that codegen also uses ---------------------------------------------------------------
# (id, source of `fn` with `onp` as numpy, fn): every case is two square matrices
NAME_CASES = [
    pytest.param(
        "def f(np: 'n,n', X: 'n,n'):\n    return onp.sum(np * X) + onp.trace(np @ np)\n",
        "f",
        id="param-np",
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    np = X @ Y\n    return onp.sum(onp.sin(np)) + onp.trace(np)\n",
        "f",
        id="local-np",
    ),
    pytest.param(
        "def f(value: 'n,n', X: 'n,n'):\n    return onp.trace(value @ X @ value)\n",
        "f",
        id="param-value",
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    value = X @ Y\n    t = onp.trace(value)\n"
        "    return t * t + onp.sum(value)\n",
        "f",
        id="local-value",
    ),
    pytest.param(
        "def f(grad: 'n,n', X: 'n,n'):\n    return onp.sum(onp.tanh(grad @ X))\n",
        "f",
        id="param-grad",
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    grad = X * Y\n    return onp.sum(grad @ grad)\n",
        "f",
        id="local-grad",
    ),
    pytest.param(
        "def f(X: 'n,n', g_X: 'n,n'):\n    return onp.trace(X @ g_X @ X)\n", "f", id="param-g_X"
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    g_X = X @ Y\n    g_Y = onp.sin(g_X)\n"
        "    return onp.sum(g_Y * X)\n",
        "f",
        id="local-g_X",
    ),
    pytest.param(
        "def f(t1: 'n,n', X: 'n,n'):\n    return onp.sum(onp.exp(0.1 * X @ t1) * X)\n",
        "f",
        id="param-t1",
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    t1 = X.T @ Y\n    t2 = onp.exp(0.1 * X @ X)\n"
        "    return onp.sum(t2 * t1) + onp.trace(t1 @ t1)\n",
        "f",
        id="local-t1-t2",
    ),
    pytest.param(
        "def f(grads: 'n,n', X: 'n,n'):\n    return onp.trace(grads @ X @ X)\n",
        "f",
        id="param-grads",
    ),
    pytest.param(
        "def f(X: 'n,n', Y: 'n,n'):\n    grads = X @ Y\n    return onp.trace(grads @ X)\n",
        "f",
        id="local-grads",
    ),
    pytest.param(
        "def value(X: 'n,n', Y: 'n,n'):\n    return onp.trace(X @ X @ Y)\n", "value", id="fn-value"
    ),
    pytest.param(
        "def grad(X: 'n,n', Y: 'n,n'):\n    return onp.trace(X @ Y @ Y)\n", "grad", id="fn-grad"
    ),
    pytest.param(
        "def np(X: 'n,n', Y: 'n,n'):\n    return onp.trace(X @ Y) + onp.sum(X)\n",
        "np",
        id="fn-np",
    ),
    pytest.param(
        "def f(value_and_grad_f: 'n,n', X: 'n,n'):\n    return onp.trace(value_and_grad_f @ X)\n",
        "f",
        id="param-value_and_grad_f",
    ),
    pytest.param(
        "def f(grad_f: 'n,n', f: 'n,n'):\n    return onp.trace(grad_f @ f @ f)\n",
        "f",
        id="param-grad_f-and-f",
    ),
]


@pytest.mark.parametrize("body, fn", NAME_CASES)
def test_names_that_codegen_uses(body, fn):
    source = "import numpy as onp\n\n\n" + body
    text = matgradc.compile_source(source, fn)
    m = run_generated(text)
    model: dict = {}
    # the test's own model, run by NumPy to have the true function
    exec(compile(source, "<test model>", "exec"), model)  # noqa: S102
    args = [A0, B0]
    value, grads = getattr(m, f"value_and_grad_{fn}")(*args)
    assert np.isclose(value, model[fn](*args))
    assert np.isclose(getattr(m, fn)(*args), value)
    assert_gradients(model[fn], grads, args, [0, 1])
    alone = getattr(m, f"grad_{fn}")(*args)
    for a, b in zip(alone, grads):
        np.testing.assert_array_equal(a, b)


def test_names_through_grad_api():
    """The same names through matgradc.grad (the module route): a local called `value` and a
    function called `value`."""

    def value(X: "n,n", grads: "n,n"):  # noqa: F821, UP037 -- model shapes
        value = X @ grads
        return np.trace(value @ value)

    g = matgradc.grad(value)
    assert_gradients(value, g(A0, B0), [A0, B0], [0, 1])
