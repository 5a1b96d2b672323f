"""Reading the model as Python reads it: PEP 263 coding cookies and the UTF-8 BOM, imports of
other modules under numpy's names (`import mylib as np` is not numpy), and `grad(f)`, which
compiles the function object's own source and refuses a file edited since.
"""

from __future__ import annotations

import linecache
import sys
import textwrap
import types
from pathlib import Path

import matgradc
import numpy as np
import pytest
from helpers import central_gradient, import_path
from helpers import cli_main as main

rng = np.random.default_rng(11)
A0 = rng.standard_normal((3, 3))
X0 = rng.standard_normal(3)


def load(path: Path) -> types.ModuleType:
    """Execute a generated module (generated code only)."""
    module = types.ModuleType(path.stem)
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)  # noqa: S102
    return module


def assert_gradient(f, module, fn: str, args: list) -> None:
    value, grads = getattr(module, f"value_and_grad_{fn}")(*args)
    assert np.isclose(value, f(*args))
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


def assert_error(code: int, err: str, first_line_start: str) -> list[str]:
    lines = err.splitlines()
    assert code == 1 and lines[0].startswith(first_line_start), err
    assert any(line.startswith("hint: ") for line in lines), err
    assert "Traceback" not in err
    return lines


# -- coding cookies and the BOM -----------------------------------------------------------------
# In UTF-7, `+ACo-` is `*` and `+-` is `+`: Python reads `np.sum(np.sin(A)) * 3.0 + x @ A @ x`;
# read as UTF-8 it would be another expression (with an undefined name `ACo`).
UTF7 = b"""\
# coding: utf-7
import numpy as np


def f(A: "n,n", x: "n"):
    return np.sum(np.sin(A)) +ACo- 3.0 +- x @ A @ x
"""


def test_a_utf7_model_is_read_as_python_reads_it(work, capsys):
    (work / "m7.py").write_bytes(UTF7)
    code, _, err = main(capsys, "m7.py", "--fn", "f", "-o", "g.py")
    assert code == 0, err
    python_reads = import_path(work / "m7.py", "m7_as_python_reads_it").f
    assert_gradient(python_reads, load(work / "g.py"), "f", [A0, X0])
    # and the gradient is that of 3 * sum(sin(A)) + x'Ax, by hand
    _, (gA, _) = load(work / "g.py").value_and_grad_f(A0, X0)
    np.testing.assert_allclose(gA, 3.0 * np.cos(A0) + np.outer(X0, X0), rtol=1e-12)


def test_a_latin1_model_compiles(work, capsys):
    source = '# -*- coding: latin-1 -*-\nimport numpy as np\n\n\ndef f(A):\n    """Matrice à deux dimensions."""\n    return np.sum(A * A)\n'
    (work / "m1.py").write_bytes(source.encode("latin-1"))
    code, _, err = main(capsys, "m1.py", "--fn", "f", "-o", "g.py")
    assert code == 0, err
    assert_gradient(lambda A: np.sum(A * A), load(work / "g.py"), "f", [A0])


def test_error_carets_in_a_latin1_file(work, capsys):
    """Columns count characters of the decoded line, whatever the file's encoding."""
    source = "# coding: latin-1\nimport numpy as np\n\n\ndef f(A):\n    return np.sum(A) + \u00e9t\u00e9\n"
    (work / "m.py").write_bytes(source.encode("latin-1"))
    code, _, err = main(capsys, "m.py", "--fn", "f", "-o", "g.py")
    text = source.splitlines()[5]
    col = text.index("\u00e9")
    lines = assert_error(code, err, f"m.py:6:{col + 1}: error: undefined name `\u00e9t\u00e9`")
    assert lines[1:3] == ["    " + text, "    " + " " * col + "^"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"# coding: bogus-codec\nx = 1\n", "names bogus-codec, an unknown encoding"),
        (b"# coding: rot13\nx = 1\n", "names rot13, which Python cannot read"),
        (b"#!/usr/bin/env python\n# vim: set fileencoding=utf-16 :\nx = 1\n", "names utf-16"),
        (b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "UTF-8 BOM but its coding cookie names"),
    ],
    ids=["unknown", "not-text", "utf-16", "bom-and-latin-1"],
)
def test_a_cookie_python_refuses_is_refused(work, capsys, data, message):
    (work / "m.py").write_bytes(data + b"\n\ndef f(A):\n    return A.sum()\n")
    line = 2 if b"vim" in data else 1
    code, _, err = main(capsys, "m.py", "--fn", "f", "-o", "g.py")
    lines = assert_error(code, err, f"m.py:{line}:1: error: ")
    assert message in lines[0], err
    assert not (work / "g.py").exists()
    with pytest.raises(matgradc.CompileError, match=message):
        matgradc.compile_file(work / "m.py", "f")


def test_a_bom_is_accepted(work, capsys):
    source = 'import numpy as np\n\n\ndef f(A: "n,n"):\n    return np.sum(np.exp(A))\n'
    (work / "m.py").write_bytes(b"\xef\xbb\xbf" + source.encode())
    code, _, err = main(capsys, "m.py", "--fn", "f", "-o", "g.py")
    assert code == 0, err
    assert_gradient(lambda A: np.sum(np.exp(A)), load(work / "g.py"), "f", [A0])
    assert "\ufeff" not in (work / "g.py").read_text(encoding="utf-8")


def test_error_carets_in_a_bom_file(work, capsys):
    """Columns are counted in the line without the BOM, on line 1 as on the others."""
    source = "def f(A): return np.trace(A @ Bé)\n\n\ndef g(Σ):\n    return np.trace(Σ @ Cé)\n"
    (work / "m.py").write_bytes(b"\xef\xbb\xbf" + source.encode())
    for fn, line, text in (("f", 1, source.splitlines()[0]), ("g", 5, source.splitlines()[4])):
        code, _, err = main(capsys, "m.py", "--fn", fn, "-o", "g.py")
        col = text.index("é") - 1  # 0-based column of the undefined name
        lines = assert_error(code, err, f"m.py:{line}:{col + 1}: error: undefined name")
        assert lines[1] == "    " + text
        assert lines[2] == "    " + " " * col + "^"


# -- other modules under numpy's names ----------------------------------------------------------
@pytest.mark.parametrize(
    "imports, body, fragment",
    [
        ("import mylib as np", "np.sum(np.exp(A))", "mylib.sum is not in the matrix language"),
        ("import foo as numpy", "numpy.sum(A)", "foo.sum is not in the matrix language"),
        ("import mylib.linalg as np", "np.sum(A)", "mylib.linalg.sum is not"),
        (
            "import numpy as np\nfrom mylib import linalg",
            "np.trace(linalg.inv(A))",
            "`linalg.inv(...)` is not in the matrix language",
        ),
        ("import numpy as np\nimport mylib as np", "np.sum(A)", "mylib.sum"),
        ("from mylib import np", "np.sum(A)", "undefined name `np`"),
        (
            "from .numpy import linalg\nimport numpy as np",
            "np.sum(linalg.inv(A))",
            "`linalg.inv(...)` is not in the matrix language",
        ),
        ("from mylib import numpy", "numpy.sum(A)", "undefined name `numpy`"),
        ("import mylib as np", "np.pi * np.sum(A)", "`mylib.pi` is not a value"),
    ],
)
def test_another_module_under_numpys_name_is_not_numpy(work, capsys, imports, body, fragment):
    source = f'{imports}\n\n\ndef f(A: "n,n"):\n    return {body}\n'
    (work / "m.py").write_text(source, encoding="utf-8")
    code, _, err = main(capsys, "m.py", "--fn", "f", "-o", "g.py")
    lines = assert_error(code, err, f"m.py:{source.count(chr(10))}:")
    assert fragment in lines[0], err
    assert not (work / "g.py").exists()


@pytest.mark.parametrize(
    "imports, body",
    [
        ("import mylib as np\nimport numpy as np", "np.trace(np.linalg.inv(A))"),  # last wins
        ("from numpy import linalg", "np.trace(linalg.inv(A))"),
        ("import numpy.linalg as linalg\nimport numpy as np", "np.trace(linalg.inv(A))"),
        ("import mylib\nimport numpy as numpy", "numpy.trace(numpy.linalg.inv(A))"),
    ],
)
def test_numpy_under_its_names_still_compiles(work, capsys, imports, body):
    source = f'{imports}\n\n\ndef f(A: "n,n"):\n    return {body}\n'
    (work / "m.py").write_text(source, encoding="utf-8")
    code, _, err = main(capsys, "m.py", "--fn", "f", "-o", "g.py")
    assert code == 0, err
    a = A0 + 3 * np.eye(3)
    assert_gradient(lambda A: np.trace(np.linalg.inv(A)), load(work / "g.py"), "f", [a])


def test_grad_of_a_function_whose_np_is_another_module():
    mylib = types.ModuleType("mylib")
    mylib.sum = lambda a: 0.0
    np = mylib  # the closure of `f` sees it

    def f(A):
        return np.sum(A)

    with pytest.raises(matgradc.CompileError, match="mylib.sum is not in the matrix language"):
        matgradc.grad(f)


def test_grad_of_a_function_whose_np_is_not_a_module():
    np = 3.0  # the closure of `f` sees it

    def f(A):
        return np.sum(A)

    with pytest.raises(matgradc.CompileError, match="undefined name `np`"):
        matgradc.grad(f)


# -- grad(f) compiles f's own source ------------------------------------------------------------
MODULE = textwrap.dedent("""\
    import numpy as np

    SCALE = 2.0


    def helper(A):
        return np.sum(np.tanh(A))


    def loss(A, x):
        return SCALE * (x @ A @ x) + helper(A)
    """)


def by_hand(A, x):
    return 2.0 * (x @ A @ x) + np.sum(np.tanh(A))


@pytest.fixture
def live(tmp_path):
    """A model module, imported; the test edits its file afterwards."""
    path = tmp_path / "livemodel.py"
    path.write_text(MODULE, encoding="utf-8")
    name = f"livemodel_{abs(hash(str(tmp_path)))}"
    yield path, import_path(path, name)
    sys.modules.pop(name, None)
    linecache.checkcache(str(path))


def test_grad_of_an_unchanged_file(live):
    _, module = live
    vg = matgradc.value_and_grad(module.loss)
    value, grads = vg(A0, X0)
    assert np.isclose(value, by_hand(A0, X0))
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(by_hand, [A0, X0], k), rtol=1e-6)


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s.replace("SCALE * (x @ A @ x)", "SCALE * (x @ A @ A @ x)"),  # same lines
        lambda s: s.replace("import numpy as np\n", "import numpy as np\n\n# a comment\n"),
        lambda s: s.replace("np.tanh(A)", "np.sin(A)"),  # only the helper changed
        lambda s: s.replace("def loss(A, x):", "def loss(x, A):"),
    ],
    ids=["body", "lines-moved", "helper", "signature"],
)
def test_grad_refuses_a_file_edited_since_the_function_was_defined(live, edit):
    path, module = live
    path.write_text(edit(MODULE), encoding="utf-8")
    with pytest.raises(matgradc.CompileError, match="has changed since") as e:
        matgradc.grad(module.loss)
    assert "reload" in e.value.hint
    assert str(e.value).startswith(str(path) + ":")


def test_grad_accepts_an_edit_that_leaves_the_function_alone(live):
    """Code appended after the function: the function and its helper are what they were."""
    path, module = live
    path.write_text(MODULE + "\n\ndef unrelated(A):\n    return A\n", encoding="utf-8")
    grads = matgradc.grad(module.loss)(A0, X0)
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(by_hand, [A0, X0], k), rtol=1e-6)


def test_grad_of_a_nested_function_in_an_edited_file(tmp_path):
    path = tmp_path / "nestedmodel.py"
    path.write_text(
        "import numpy as np\n\n\ndef make(c):\n    def inner(A):\n"
        "        return c * np.sum(A * A)\n\n    return inner\n",
        encoding="utf-8",
    )
    module = import_path(path, "nestedmodel_for_edit")
    inner = module.make(3)
    g = matgradc.grad(inner)(A0)
    np.testing.assert_allclose(g, 6 * A0)
    path.write_text(path.read_text().replace("A * A", "A * A * A"), encoding="utf-8")
    with pytest.raises(matgradc.CompileError, match="has changed since"):
        matgradc.grad(inner)


def test_grad_of_an_edited_notebook_cell():
    namespace = {"__name__": "__main__", "np": np}
    cell = "def loss(W):\n    return np.sum(W * W)\n"
    filename = "<ipython-input-7-0a1b>"
    linecache.cache[filename] = (len(cell), None, cell.splitlines(True), filename)
    exec(compile(cell, filename, "exec"), namespace)  # noqa: S102 -- the user's cell
    np.testing.assert_allclose(matgradc.grad(namespace["loss"])(A0), 2 * A0)
    edited = cell.replace("W * W", "W * W * W")
    linecache.cache[filename] = (len(edited), None, edited.splitlines(True), filename)
    try:
        with pytest.raises(matgradc.CompileError, match="has changed since"):
            matgradc.grad(namespace["loss"])
    finally:
        del linecache.cache[filename]
