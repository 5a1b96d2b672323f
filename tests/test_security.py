"""Untrusted models (issue 11): text from a model or a path reaches generated files only as
data, user names never clash with the names generated code relies on, and compilation is
bounded (each limit a clear error naming its flag; never exit status 2).

The structure tests parse every generated module and test with `ast` and compare their
statements with those of the same model rendered from harmless text: a docstring, path,
name or constant can change strings and identifiers, never which statements exist. They are
fuzzed with hypothesis: a bounded run in `make test`, a long one in `make fuzz`
(MATGRADC_FUZZ=1).
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib
import io
import os
import sys
import tokenize
import types

import numpy as np
import pytest
from helpers import central_gradient, numpy_model
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matgradc import cli
from matgradc.api import Options, compile_model, render_test
from matgradc.codegen import RESERVED
from matgradc.frontend import Limits
from matgradc.text import constant, docstring, one_line

FUZZ = os.environ.get("MATGRADC_FUZZ") == "1"


def profile(ci: int, fuzz: int) -> settings:
    """ci examples in `make test` (the same every run), fuzz random ones in `make fuzz`."""
    return settings(
        deadline=None,
        derandomize=not FUZZ,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        max_examples=fuzz if FUZZ else ci,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure prints at once
    )


def run_generated(text: str, name: str = "generated") -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(text, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def main(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(argv)
    return code, err.getvalue()


# -- the shape of a generated file ----------------------------------------------------------
def skeleton(text: str) -> list:
    """What statements a generated file holds, without its strings and names: the module's
    top level (docstring, imports, defs, assignments) and, for each function, its docstring
    and the kinds of its statements, recursively."""
    tree = ast.parse(text)

    def kinds(body: list[ast.stmt]) -> list:
        out = []
        for s in body:
            inner = [kinds(getattr(s, f)) for f in ("body", "orelse") if getattr(s, f, None)]
            out.append((type(s).__name__, inner))
        return out

    out = []
    for k, node in enumerate(tree.body):
        if k == 0:
            assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            assert isinstance(node.value.value, str)
            out.append("docstring")
        elif isinstance(node, ast.FunctionDef):
            doc = node.body[0]
            has_doc = isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
            decorators = [deep(d) for d in node.decorator_list]
            out.append(("def", len(node.args.args), has_doc, decorators, kinds(node.body)))
        else:  # imports, sys.path.insert(...), constants: their whole structure
            out.append(deep(node))
    return out


def deep(node: ast.AST) -> tuple:
    """A node's structure: its node types in order, without names or values."""
    return tuple(type(n).__name__ for n in ast.walk(node))


def module_doc(text: str, fn: str) -> str:
    tree = ast.parse(text)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == fn)
    return ast.get_docstring(node, clean=False) or ""


def words(text: str) -> str:
    return " ".join(text.split())


MODEL = """import numpy as np

SCALE = 2.0


def {fn}({a}: "n", {b}: "n,n"):
    {doc}
    {t} = {b} @ {a}
    return {a} @ {t} * SCALE + np.sum(np.tanh({b}))
"""


def model(fn="f", a="x", b="A", t="t", doc='"""The model."""') -> str:
    return MODEL.format(fn=fn, a=a, b=b, t=t, doc=doc)


def render(source, fn="f", filename="model.py", command=None, module="out/grad_f.py", **opts):
    compiled = compile_model(
        source, fn, filename=filename, command=command, options=Options(**opts)
    )
    test = render_test(compiled, module, "tests/test_grad_f.py")
    return compiled.module, test


BASE = render(model())


def check_gradient(m: types.ModuleType, fn: str, x, A, scale=2.0):
    value, (gx, gA) = getattr(m, f"value_and_grad_{fn}")(x, A)
    assert np.isclose(value, x @ A @ x * scale + np.sum(np.tanh(A)))
    np.testing.assert_allclose(gx, scale * (A + A.T) @ x, rtol=1e-10)
    np.testing.assert_allclose(gA, scale * np.outer(x, x) + 1 - np.tanh(A) ** 2, rtol=1e-10)


RNG = np.random.default_rng(0)
X0, A0 = RNG.standard_normal(3), RNG.standard_normal((3, 3))


# -- 1. text as data -------------------------------------------------------------------------
ATTACKS = [
    '"""',
    'ab"""\nimport os\nos.system("echo PWNED")\nx = """',
    'ends with a quote"',
    "ends with a backslash\\",
    "\\N{BULLET} and \\x00 and \\u",
    "NUL \x00 bell \x07 escape \x1b CR \r form feed \x0c line sep \u2028 para \u2029",
    "surrogate \ud800 alone",
    "''' and \"\"\" and '''",
    "tab\tand\nnewline\n    indented\n",
    "é ∂ ⊗ 中文 😀",
]


@pytest.mark.parametrize("doc", ATTACKS)
def test_docstring_is_data(doc):
    text, test = render(model(doc=repr(doc)))
    assert skeleton(text) == skeleton(BASE[0])
    assert skeleton(test) == skeleton(BASE[1])
    # the generated docstring reads as the model's (whitespace aside)
    assert words(module_doc(text, "f")) == words(
        ast.get_docstring(ast.parse(model(doc=repr(doc))).body[2])
    )
    check_gradient(run_generated(text), "f", X0, A0)


@pytest.mark.parametrize("path", ATTACKS)
def test_paths_and_command_are_data(path):
    text, test = render(
        model(), filename=path, command="matgradc " + path, module=path + "/grad_f.py"
    )
    assert skeleton(text) == skeleton(BASE[0])
    assert skeleton(test) == skeleton(BASE[1])
    comments = [
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(text).readline)
        if tok.type == tokenize.COMMENT
    ]
    assert all(one_line(path) in c for c in comments if ":" in c)  # the path, on one line


def test_doc_explain_with_a_hostile_constant():
    """A module constant whose source text holds a comment with quotes: under --doc explain
    the text never reaches the module; the value does."""
    source = model().replace("SCALE = 2.0", 'SCALE = -(  # """ evil\n    2.0)')
    text, _ = render(source, doc_explain=True)
    assert "evil" not in text
    assert skeleton(text) == skeleton(render(model(), doc_explain=True)[0])
    check_gradient(run_generated(text), "f", X0, A0, scale=-2.0)


def test_infinite_constant_is_numpy_inf():
    source = "import numpy as np\n\ndef f(X):\n    return np.sum(X * -1e999)\n"
    text = compile_model(source, "f").module
    m = run_generated(text)
    X = np.array([[1.0, 2.0], [0.5, 3.0]])
    assert m.f(X) == np.sum(X * -1e999) == -np.inf
    assert "-np.inf" in text


@pytest.mark.parametrize(
    "body",
    [
        "np.sum(X * -1e999)",
        "np.sum(np.sin(X) * (X * 1e999))",
        "np.sum((1e999 * X) @ X)",
        "np.sum(X @ (X * -1e999))",
    ],
)
def test_an_infinite_constant_is_not_factored_out_of_a_sum(body):
    """Σ c·x = c·Σ x fails in IEEE arithmetic for c = ±inf and x of mixed signs (nan on one
    side, ±inf on the other): the module computes what NumPy computes."""
    source = f"import numpy as np\n\ndef f(X):\n    return {body}\n"
    m = run_generated(compile_model(source, "f").module)
    X = np.array([[1.0, -2.0], [0.5, 3.0]])
    env: dict = {}
    exec(compile(source, "<model>", "exec"), env)  # noqa: S102 -- the test's oracle
    with np.errstate(all="ignore"):
        expected, got = env["f"](X), m.f(X)
    np.testing.assert_equal(got, expected)


def test_the_test_module_needs_an_importable_name():
    compiled = compile_model(model(), "f")
    with pytest.raises(Exception, match="not a Python module name"):
        render_test(compiled, "out/grad-f.v2.py", "tests/test_grad_f.py")


@st.composite
def numbers(draw):
    finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
    x = draw(finite | st.sampled_from([1e999, -1e999, 0.0, -0.0, 1e-320]))
    spelling = draw(st.sampled_from(["repr", "e", "paren", "comment"]))
    text = {
        "repr": repr(x),
        "e": f"{x:.17e}",  # round-trips exactly
        "paren": f"({x!r})",
        "comment": f"(  # '''\"\"\" {x!r}\n    {x!r})",
    }[spelling]
    if "inf" in text or "nan" in text:
        text = "1e999" if x > 0 else "-1e999"
    return x, text


TEXT = st.text(st.characters(codec=None), max_size=40)
NAMES = st.sampled_from(
    sorted(
        RESERVED
        - {"np", "True", "False", "None"}
        - set(__import__("keyword").kwlist)
        - set(__import__("keyword").softkwlist)
        - {"_"}
    )
    + ["x", "A", "_", "__", "value", "grad_f", "g_x"]
)


@profile(ci=8, fuzz=1500)
@given(doc=TEXT, path=TEXT, names=st.tuples(NAMES, NAMES, NAMES), number=numbers())
def test_fuzz_generated_files_hold_only_intended_statements(doc, path, names, number):
    a, b, t = names
    if len({a, b, t}) < 3 or "np" in names:
        a, b, t = "x", "A", "t"
    value, spelling = number
    source = model(a=a, b=b, t=t, doc=repr(doc)).replace("SCALE = 2.0", f"SCALE = {spelling}")
    text, test = render(source, filename=path, command=path, module=path + "/grad_f.py")
    # the same model from harmless text (a constant's value may change the program; its
    # spelling may not)
    plain = "1e999" if value == np.inf else "-1e999" if value == -np.inf else repr(value)
    base = render(model().replace("SCALE = 2.0", f"SCALE = {plain}"))
    assert skeleton(text) == skeleton(base[0])
    assert skeleton(test) == skeleton(base[1])
    doc_given = ast.get_docstring(ast.parse(source).body[2])
    if doc_given and doc_given.strip():
        assert words(module_doc(text, "f")) == words(doc_given)
    m = run_generated(text)
    with np.errstate(all="ignore"):
        got = m.f(X0, A0)
        want = X0 @ A0 @ X0 * float(value) + np.sum(np.tanh(A0))
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-300, equal_nan=True)


def test_text_functions():
    assert docstring('a"""b"') == 'a\\"\\""b\\"'
    assert docstring("x\\") == "x\\\\"
    assert docstring("\x00\n") == "\\x00\n"
    assert one_line("a\nb") == repr("a\nb")
    assert one_line("models/m.py") == "models/m.py"
    assert constant(float("inf")) == "np.inf"
    assert constant(float("-inf"), "-inf") == "-np.inf"
    assert constant(float("nan"), "nan") == "np.nan"
    assert constant(1e-8, "1e-8") == "1e-8"
    assert constant(2.0, "(  # x\n 2.0)") == "2"
    assert constant(0.1, "0.2") == "0.1"


# -- 2. names -----------------------------------------------------------------------------
def load(source: str, fn: str, **opts) -> types.ModuleType:
    return run_generated(compile_model(source, fn, options=Options(**opts)).module)


def assert_fd(f, grads, args):
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-5, atol=1e-7)


def test_parameter_d_with_hessian():
    source = (
        "import numpy as np\n\ndef f(d: 'n', A: 'n,n'):\n    return d @ A @ d + np.sum(np.sin(d))\n"
    )
    m = load(source, "f", hvp=True, hessian=True)
    d, A = RNG.standard_normal(3), RNG.standard_normal((3, 3))
    H = m.hessian_f(d, A)
    # the Hessian by central differences of the gradient (flattened d then A)
    x0 = np.concatenate([d, A.ravel()])

    def grad(x):
        return np.concatenate([np.ravel(g) for g in m.grad_f(x[:3], x[3:].reshape(3, 3))])

    h = 1e-6
    fd = np.array([(grad(x0 + h * e) - grad(x0 - h * e)) / (2 * h) for e in np.eye(12)]).T
    np.testing.assert_allclose(H, fd, rtol=1e-5, atol=1e-6)


def test_parameter_underscore_with_scipy_backend():
    source = (
        "import numpy as np\n\ndef f(_: 'n', A: 'spd(n,n)'):\n"
        "    return np.linalg.slogdet(A)[1] + _ @ np.linalg.solve(A, _) + np.trace(np.linalg.inv(A))\n"
    )
    m = load(source, "f", backend="scipy")
    x = RNG.standard_normal(3)
    B = RNG.standard_normal((3, 3))
    A = B @ B.T + 3 * np.eye(3)
    f = numpy_model(source, "f")
    value, (gx, gA) = m.value_and_grad_f(x, A)
    assert np.isclose(value, f(x, A))
    np.testing.assert_allclose(gx, central_gradient(f, [x, A], 0), rtol=1e-5)
    # A is spd: the symmetric gradient, checked along symmetric directions
    E = RNG.standard_normal((3, 3))
    E = E + E.T
    fd = (f(x, A + 1e-6 * E) - f(x, A - 1e-6 * E)) / 2e-6
    assert np.isclose(np.sum(gA * E), fd, rtol=1e-5)


def test_parameters_grads_and_grads_2():
    source = "import numpy as np\n\ndef f(grads: 'n', grads_2: 'n'):\n    return np.sum(grads * grads_2) + np.sum(grads ** 3)\n"
    m = load(source, "f")
    args = [RNG.standard_normal(4), RNG.standard_normal(4)]
    value, grads = m.value_and_grad_f(*args)
    assert len(grads) == 2 and np.isclose(value, numpy_model(source, "f")(*args))
    assert_fd(numpy_model(source, "f"), grads, args)


@pytest.mark.parametrize(
    "fn, params, opts",
    [
        ("f", "abs, max, range, scipy, np_, numpy", {}),
        ("abs", "x, y, z, u, v, w", {}),
        ("max", "x, y, z, u, v, w", {}),
        ("range", "x, y, z, u, v, w", {"hvp": True, "hessian": True}),
        ("sum", "x, y, z, u, v, w", {"hvp": True, "hessian": True}),
        ("zip", "x, y, z, u, v, w", {"hvp": True, "hessian": True}),
        ("scipy", "x, y, z, u, v, w", {"backend": "scipy"}),
        ("np", "x, y, z, numpy, v, w", {"hvp": True, "hessian": True}),
        ("f", "d, H, e, k, total, hessian", {"hvp": True, "hessian": True}),
        ("f", "pytest, make_inputs, STEP, rng, sizes, value_fn", {}),
    ],
)
def test_builtin_and_module_names(fn, params, opts):
    p = [s.strip() for s in params.split(",")]
    body = (
        f"def {fn}({', '.join(q + ': ' + repr('n') for q in p)}):\n"
        f"    return onp.sum({p[0]} * {p[1]}) + onp.sum({p[2]} * {p[3]}) "
        f"+ onp.sum({p[4]} * {p[5]} * {p[0]})\n"
    )
    source = "import numpy as onp\n\n\n" + body
    m = load(source, fn, **opts)
    args = [RNG.standard_normal(3) for _ in p]
    f = numpy_model(source, fn)
    value, grads = getattr(m, f"value_and_grad_{fn}")(*args)
    assert np.isclose(value, f(*args))
    assert np.isclose(getattr(m, fn)(*args), value)
    assert_fd(f, grads, args)
    if opts.get("hessian"):
        H = getattr(m, f"hessian_{fn}")(*args)
        assert H.shape == (18, 18) and np.allclose(H, H.T)


@pytest.mark.parametrize(
    "fn, body",
    [
        # the eigenvector gradient's gap check calls the builtin max
        ("max", "w, V = np.linalg.eigh(A)\n    return (V[:, 0] @ x) ** 2 + w[1]"),
        ("f", "w, V = np.linalg.eigh(A)\n    max = V[:, 0]\n    return (max @ x) ** 2 + w[1]"),
    ],
    ids=["function-named-max", "variable-named-max"],
)
def test_max_as_a_name_with_eigh(fn, body):
    source = f"import numpy as np\n\ndef {fn}(A: 'n,n', x: 'n'):\n    {body}\n"
    m = load(source, fn)
    B = RNG.standard_normal((4, 4))
    args = [B + B.T, RNG.standard_normal(4)]
    value, (gA, gx) = getattr(m, f"value_and_grad_{fn}")(*args)
    f = numpy_model(source, fn)
    assert np.isclose(value, f(*args))
    np.testing.assert_allclose(gx, central_gradient(f, args, 1), rtol=1e-5)
    np.testing.assert_allclose(gA, central_gradient(f, args, 0), rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("dims", ["None, rng", "rng, sizes", "make_inputs, STEP", "n, n"])
def test_shape_names_in_the_generated_test(tmp_path, dims, monkeypatch):
    source = f"import numpy as np\n\ndef f(X: '{dims}', y: '{dims.split(',')[1].strip()}'):\n    return np.sum(np.tanh(X @ y))\n"
    compiled = compile_model(source, "f")
    (tmp_path / "grad_f.py").write_text(compiled.module)
    (tmp_path / "test_grad_f.py").write_text(
        render_test(compiled, str(tmp_path / "grad_f.py"), str(tmp_path / "test_grad_f.py"))
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("grad_f", None)
    sys.modules.pop("test_grad_f", None)
    t = importlib.import_module("test_grad_f")
    for sizes in t.SIZES:
        t.test_gradient_matches_finite_differences(sizes)
        t.test_directional_derivative(sizes)
    t.test_grad_matches_value_and_grad()
    sys.modules.pop("grad_f", None)
    sys.modules.pop("test_grad_f", None)


def test_reserved_names_cover_the_generated_code():
    """Every global a generated module or test reads (a builtin, an import) is reserved, so
    no user name can hide it."""
    assert set(dir(builtins)) <= RESERVED
    assert {
        "np",
        "numpy",
        "scipy",
        "pytest",
        "make_inputs",
        "STEP",
        "rng",
        "_",
        "grads",
    } <= RESERVED
    source = model().replace("np.tanh(A)", "np.tanh(A)) + np.linalg.eigvalsh(A + A.T)[0] + (0")
    for text in render(source, hvp=True, hessian=True, jvp=True, taylor=2):
        tree = ast.parse(text)
        defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.Lambda)):
                defined |= {a.arg for a in node.args.args + node.args.kwonlyargs}
                defined |= {a.arg for a in (node.args.vararg, node.args.kwarg) if a}
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, ast.alias):
                defined.discard((node.asname or node.name).split(".")[0])
        read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - defined
        assert read <= RESERVED | {"__file__"}, read - RESERVED


# -- 3. bounded compilation ----------------------------------------------------------------
def write(tmp_path, source: str) -> str:
    path = tmp_path / "model.py"
    path.write_text(source)
    return str(path)


def refused(tmp_path, source: str, fn: str, *flags: str) -> str:
    code, err = main([write(tmp_path, source), "--fn", fn, *flags])
    assert code == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return err


HEAD = "import numpy as np\n\n\n"


# model -> what the error names: where it is and the option that raises the limit
LARGE_LOOPS = {
    "nested": (
        (
            "def f(x: 'n'):\n    s = x\n    for i in range(1000):\n        for j in range(1000):\n"
            "            s = s * 1.0\n    return np.sum(s)\n"
        ),
        ["model.py:6:5: error:", "--max-statements"],
    ),
}


@pytest.mark.parametrize("name", sorted(LARGE_LOOPS))
def test_large_loops_refused_before_unrolling(tmp_path, name):
    body, fragments = LARGE_LOOPS[name]
    err = refused(tmp_path, HEAD + body, "f")
    for fragment in fragments:
        assert fragment in err, err


def test_huge_range(tmp_path):
    """Above --max-unroll a loop stays a loop: nothing is unrolled, compiling stays quick; a
    body that cannot run as a loop is refused, naming the limit and why."""
    source = (
        HEAD
        + "def f(x: 'n'):\n    for i in range(10**21):\n        x = x + 1\n    return np.sum(x)\n"
    )
    assert "for i in range(" in compile_model(source, "f").module
    source = source.replace("x = x + 1", "if i == 0:\n            x = x * 2.0")
    err = refused(tmp_path, source, "f")
    assert "1000000000000000000000 copies" in err and "--max-unroll" in err
    assert "cannot stay a loop either" in err


def test_loop_limit_can_be_raised(tmp_path):
    source = (
        HEAD
        + "def f(x: 'n'):\n    for i in range(30):\n        x = x * 1.01\n    return np.sum(x)\n"
    )
    looped = compile_model(source, "f", options=Options(limits=Limits(unroll=10))).module
    assert "for i in range(30):" in looped  # above the limit: a run-time loop
    assert "for i in" not in compile_model(source, "f").module  # within it: unrolled
    code, err = main([write(tmp_path, source), "--fn", "f", "--max-unroll", "30"])
    assert code == 0, err


def helpers(depth: int) -> str:
    out = HEAD + "def h1(x):\n    return x * 1.01\n\n\n"
    for i in range(2, depth + 1):
        out += f"def h{i}(x):\n    return h{i - 1}(x) + h{i - 1}(x)\n\n\n"
    return out + f"def f(x: 'n'):\n    return np.sum(h{depth}(x))\n"


def test_inlining_depth_and_expansion(tmp_path):
    err = refused(tmp_path, helpers(40), "f")
    assert "nest more than 32 deep" in err and "--max-inline" in err
    # within the depth limit, the doubling expansion meets the statement limit
    err = refused(tmp_path, helpers(40), "f", "--max-inline", "64")
    assert "--max-statements" in err
    code, err = main([write(tmp_path, helpers(8)), "--fn", "f"])
    assert code == 0, err


def test_deep_expressions(tmp_path):
    terms = " + ".join(f"{k % 7 + 1}.0 * x" for k in range(500))
    source = HEAD + f"def s(x: 'n'):\n    return np.sum(np.sin({terms}))\n\n\n"
    source += "def m(x: 'n'):\n    return np.sum(np.sin(" + "-" * 600 + "x))\n\n\n"
    source += "def p(x: 'n'):\n    return np.sum(" + "np.sin(" * 150 + "x" + ")" * 150 + ")\n"
    x = RNG.standard_normal(3)
    for fn, f in [
        ("s", lambda x: np.sum(np.sin(sum((k % 7 + 1) * x for k in range(500))))),
        ("m", lambda x: np.sum(np.sin(x))),
    ]:
        m = load(source, fn)
        value, (g,) = getattr(m, f"value_and_grad_{fn}")(x)
        assert np.isclose(value, f(x))
        np.testing.assert_allclose(g, central_gradient(f, [x], 0), rtol=1e-5, atol=1e-6)
    err = refused(tmp_path, source, "p")
    assert "nests more than 100 deep" in err and "--max-expr-depth" in err


def test_too_deep_for_the_parser(tmp_path):
    source = HEAD + "def f(x: 'n'):\n    return np.sum(" + "(" * 300 + "x" + ")" * 300 + ")\n"
    refused(tmp_path, source, "f")
    source = HEAD + "def f(x: 'n'):\n    return np.sum(" + "-" * 200_000 + "x)\n"
    assert "nests too deeply" in refused(tmp_path, source, "f")


def test_huge_literals(tmp_path):
    err = refused(
        tmp_path, HEAD + "def f(x: 'n'):\n    return np.sum(x) * 1" + "0" * 400 + "\n", "f"
    )
    assert "too large for a float64" in err and "model.py:5:" in err
    source = HEAD + "BIG = 1" + "0" * 400 + "\n\ndef f(x: 'n'):\n    return np.sum(x) * BIG\n"
    assert "too large for a float64" in refused(tmp_path, source, "f")


def test_taylor_order_is_bounded(tmp_path):
    err = refused(
        tmp_path, HEAD + "def f(x: 'n'):\n    return np.sum(np.sin(x))\n", "f", "--taylor", "200"
    )
    assert "--taylor K is at most 20" in err


def test_huge_model_refused_quickly(tmp_path):
    lines = [f"    y = np.tanh(y) + {k % 7}.0" for k in range(38_000)]
    source = HEAD + "def f(x: 'n'):\n    y = x\n" + "\n".join(lines) + "\n    return np.sum(y)\n"
    err = refused(tmp_path, source, "f")
    assert "model.py:4:1: error:" in err and "--max-statements" in err


@pytest.mark.parametrize("k", [5, 13, -9])
def test_matrix_power(k):
    source = HEAD + f"def f(X: 'n,n'):\n    return np.sum(np.linalg.matrix_power(X, {k}))\n"
    X = RNG.standard_normal((3, 3)) / 2 + np.eye(3)
    m = load(source, "f")
    f = numpy_model(source, "f")
    value, (g,) = m.value_and_grad_f(X)
    assert np.isclose(value, f(X))
    np.testing.assert_allclose(g, central_gradient(f, [X], 0), rtol=1e-5, atol=1e-6)


def test_matrix_power_huge_exponent_by_squaring():
    source = HEAD + "def f(X: 'n,n'):\n    return np.sum(np.linalg.matrix_power(X, 10**9))\n"
    text = compile_model(source, "f").module
    body = next(n for n in ast.parse(text).body if getattr(n, "name", "") == "value_and_grad_f")
    products = sum(
        isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult) for n in ast.walk(body)
    )
    assert products <= 3 * 2 * 30  # O(log k): ~2 log2(k) products, each with 2 adjoints
    # on a matrix of spectral radius < 1: NumPy's value (0 after underflow) and, for a k
    # where it is not negligible, the gradient by finite differences
    X = RNG.standard_normal((3, 3))
    X *= 0.995 / np.max(np.abs(np.linalg.eigvals(X)))
    assert run_generated(text).f(X) == np.sum(np.linalg.matrix_power(X, 10**9))
    source = HEAD + "def f(X: 'n,n'):\n    return np.sum(np.linalg.matrix_power(X, 1000))\n"
    f = numpy_model(source, "f")
    value, (g,) = load(source, "f").value_and_grad_f(X)
    assert np.isclose(value, f(X), rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(g, central_gradient(f, [X], 0), rtol=1e-4, atol=1e-9)


# -- sizes, fuzzed: every run ends with 0 or 1 ------------------------------------------------
@profile(ci=5, fuzz=300)
@given(
    outer=st.integers(0, 10**6) | st.sampled_from([10**21, -5]),
    inner=st.integers(0, 3000),
    depth=st.integers(1, 60),
    terms=st.integers(1, 800),
    digits=st.integers(1, 700),
    limit=st.sampled_from(["1", "50", "400"]),
)
def test_fuzz_sizes_end_in_0_or_1(tmp_path_factory, outer, inner, depth, terms, digits, limit):
    src = HEAD + "def h0(x):\n    return x * 1.0001\n\n\n"
    for i in range(1, min(depth, 40)):
        src += f"def h{i}(x):\n    return h{i - 1}(x) + h{i - 1}(x)\n\n\n"
    src += (
        f"def f(x: 'n'):\n    for i in range({outer}):\n        for j in range({inner}):\n"
        f"            x = x * 1.0\n    y = np.sum(h{min(depth, 40) - 1}(x))\n"
        f"    z = np.sum({' + '.join(['x'] * terms)}) + {'-' * depth}y\n"
        f"    return z + np.sum(" + "np.sin(" * depth + "x" + ")" * depth + f") * 1{'0' * digits}\n"
    )
    path = write(tmp_path_factory.mktemp("m"), src)
    flags = ["--max-statements", limit, "--max-inline", limit]
    code, err = main([path, "--fn", "f", "--emit", "ir", *flags])
    assert code in (0, 1), err
    assert "internal error" not in err
