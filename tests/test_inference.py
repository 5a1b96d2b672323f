"""Shapes (issue 10): inference from use, shapes from outside (--shape, shapes=, --like), the
shape idioms, the generated argument contract, complex input, and the svd/nuc regressions.

Gradients are checked against central finite differences of the model as NumPy runs it."""

from __future__ import annotations

import ast
import re
import types
from pathlib import Path

import matgradc
import numpy as np
import pytest
from helpers import central_gradient, example_inputs
from matgradc import api, cli, frontend
from matgradc.diagnostics import CompileError, ShapeError

HEADER = "import numpy as np\nimport scipy.linalg\n\n\n"


def build(body: str, fn: str = "f", **kw):
    return frontend.build(HEADER + body + "\n", fn, **kw)


def shapes(model) -> dict[str, tuple]:
    g = model.graph
    return {
        n: tuple(g.dim_name(d) for d in p.shape) for n, p in zip(model.param_names, model.params)
    }


def ranks(model) -> dict[str, int]:
    return {n: p.rank for n, p in zip(model.param_names, model.params)}


def module_of(body: str, fn: str = "f", **options) -> types.ModuleType:
    text = api.compile_model(HEADER + body + "\n", fn, options=api.Options(**options)).module
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def model_of(body: str, fn: str = "f"):
    """The model itself, as NumPy runs it (the reference for finite differences)."""
    env: dict = {}
    exec(compile(HEADER + body + "\n", "<model>", "exec"), env)  # noqa: S102 -- test model
    return env[fn]


def check_gradients(body: str, args: list, fn: str = "f", **options) -> None:
    mod = module_of(body, fn, **options)
    f = model_of(body, fn)
    value, grads = getattr(mod, f"value_and_grad_{fn}")(*args)
    np.testing.assert_allclose(value, f(*args), rtol=1e-10, atol=1e-12)
    for k, g in enumerate(grads):
        assert np.shape(g) == np.shape(args[k])
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-5, atol=1e-7)


rng = np.random.default_rng(10)


# -- inference rules ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "def f(w, X, lam):\n    return np.sum((X @ w) ** 2) + lam * np.sum(w**2)",
        "def f(D, ell):\n    K = np.exp(-D / ell**2)\n    return np.trace(K)",
        "def f(x, lr, delta):\n    step = x - lr * np.tanh(x / delta)\n    return np.sum(step**2)",
        "def f(x, W, b2):\n    return np.sum(np.tanh(W @ x) * 2) + b2 * b2",
    ],
)
def test_hyper_parameters_used_only_elementwise_are_scalars(body):
    m = build(body)
    for name in ("lam", "ell", "delta", "lr", "b2"):
        if name in m.param_names:
            assert ranks(m)[name] == 0, (name, ranks(m))


def test_a_scalar_forced_by_the_return_gets_no_warning():
    m = build("def f(x, lam):\n    return lam * np.sum(x)")
    assert ranks(m) == {"x": 1, "lam": 0} and m.warnings == []


def test_exact_rank_uses():
    m = build(
        "def f(A, B, C, x, v):\n"
        "    n, d = B.shape\n"
        "    return np.linalg.det(A) + np.trace(C) + np.sum(B) * n + x[0, 1] + v.shape[1]"
    )
    assert ranks(m) == {"A": 2, "B": 2, "C": 2, "x": 2, "v": 2}
    assert m.warnings == []
    m = build("def f(u, z):\n    return np.sum(np.sum(u, axis=1) ** 2) + np.sum(z.T @ z)")
    assert ranks(m) == {"u": 2, "z": 1}
    assert m.warnings == []


def test_the_only_array_in_a_reduced_operand_is_an_array():
    m = build("def f(x, c):\n    return np.sum(np.exp(x) * np.log(x)) + c")
    assert ranks(m) == {"x": 1, "c": 0} and m.warnings == []
    m = build("def f(x, y, p):\n    return np.sum(np.maximum(x, 2 * y)) + np.sum(x**p)")
    assert ranks(m) == {"x": 1, "y": 1, "p": 0}
    m = build("def f(x, y):\n    return np.sum(x * y)")
    assert ranks(m) == {"x": 1, "y": 1}


def test_sizes_are_unified_through_helpers():
    body = (
        "def lin(A, x):\n    return A @ x\n\n\n"
        "def quad(v, M):\n    return v @ M @ v\n\n\n"
        "def f(A, x, y, S):\n    return lin(A, x) @ y + quad(x, S)"
    )
    m = build(body)
    s = shapes(m)
    assert s["A"] == (s["y"][0], s["x"][0]) and s["S"] == (s["x"][0], s["x"][0])
    assert m.warnings == []
    n, k = 4, 3
    args = [rng.standard_normal((n, k)), rng.standard_normal(k)]
    args += [rng.standard_normal(n), rng.standard_normal((k, k))]
    check_gradients(body, args)


def test_one_ambiguity_warning_per_parameter_names_shape_and_line():
    m = build("def f(X, w, y, lam):\n    r = X @ w - y\n    return r @ r + lam * np.dot(w, w)")
    assert ranks(m) == {"X": 2, "w": 1, "y": 0, "lam": 0}
    assert len(m.warnings) == 1
    (w,) = m.warnings
    assert "`y`" in w and "assuming a scalar" in w and "a vector" in w
    assert "line 6" in w and "--shape y=scalar" in w


def test_the_warning_goes_with_an_annotation_or_a_shape():
    body = "def f(X, w, y: 'm'):\n    r = X @ w - y\n    return r @ r"
    m = build(body)
    assert m.warnings == [] and shapes(m)["y"] == shapes(m)["X"][:1]
    m = build("def f(X, w, y):\n    r = X @ w - y\n    return r @ r", shapes={"y": "m"})
    assert m.warnings == [] and ranks(m)["y"] == 1


def test_an_inconsistent_use_is_a_clear_error():
    with pytest.raises(ShapeError, match="3 dimensions"):
        build("def f(X):\n    n, d, k = X.shape\n    return np.sum(np.linalg.eigvals(X).real)")
    with pytest.raises(ShapeError, match="np.linalg.inv"):
        build("def f(A):\n    return np.sum(np.linalg.inv(A @ A[0]))")


# -- shape idioms ----------------------------------------------------------------------------
def test_shape_idioms_in_arithmetic_and_as_sizes():
    body = (
        "def f(X, W, x):\n"
        "    n, d = X.shape\n"
        "    _, k = W.shape\n"
        "    I = np.eye(d)\n"
        "    return (np.sum((X @ W) ** 2) / (n * k) + np.trace(I @ W @ W.T) * X.shape[-1]\n"
        "            + len(x) * np.sum(x**2) + x.ndim + X.size)"
    )
    m = build(body)
    assert shapes(m)["X"] == ("n", "d") and shapes(m)["W"] == ("d", "k")
    args = [rng.standard_normal((5, 3)), rng.standard_normal((3, 2)), rng.standard_normal(4)]
    check_gradients(body, args)


# -- the two bugs ------------------------------------------------------------------------------
def test_singular_values_of_an_unannotated_rectangular_matrix():
    body = "def f(X):\n    return np.sum(np.linalg.svd(X, compute_uv=False) ** 2)"
    for shape in ((5, 3), (3, 5)):
        check_gradients(body, [rng.standard_normal(shape)])


def test_nuclear_norm_of_an_unannotated_matrix():
    body = "def f(X):\n    return np.linalg.norm(X, 'nuc') + np.linalg.norm(X, 'fro')"
    assert ranks(build(body)) == {"X": 2}
    check_gradients(body, [rng.standard_normal((4, 3))])


# -- shapes from outside -----------------------------------------------------------------------
RIDGE = "def ridge(w, X, y, lam):\n    r = X @ w - y\n    return r @ r + lam * np.dot(w, w)"


def test_shapes_option_of_the_python_api():
    text = matgradc.compile_source(HEADER + RIDGE, "ridge", shapes={"y": "m", "X": "m,d"})
    assert "y: (m,)" in text and "X: (m, d)" in text
    with pytest.raises(CompileError, match="not a parameter of `ridge`"):
        matgradc.compile_source(HEADER + RIDGE, "ridge", shapes={"z": "n"})
    with pytest.raises(CompileError, match="shape strings"):
        matgradc.compile_source(HEADER + RIDGE, "ridge", shapes={"y": 3})
    with pytest.raises(CompileError, match="annotated"):
        matgradc.compile_source(HEADER + "def f(x: 'n'):\n    return np.sum(x)", "f", shapes={"x": "n,n"})


def test_shapes_option_of_grad():
    def ridge(w, X, y, lam):
        r = X @ w - y
        return r @ r + lam * np.dot(w, w)

    g = matgradc.grad(ridge, wrt="y", shapes={"y": "m"})
    args = [rng.standard_normal(3), rng.standard_normal((6, 3)), rng.standard_normal(6), 0.3]
    np.testing.assert_allclose(g(*args), central_gradient(ridge, args, 2), rtol=1e-6)


def test_shape_and_like_on_the_command_line(tmp_path, capsys):
    model = tmp_path / "ridge.py"
    model.write_text(HEADER + RIDGE + "\n", encoding="utf-8")
    out = tmp_path / "grad_ridge.py"
    args = [str(model), "--fn", "ridge", "--shape", "y=m", "--shape", "lam=scalar", "-o", str(out)]
    assert cli.main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "y: (m,)" in text and "--shape y=m --shape lam=scalar" in text
    assert "warning" not in capsys.readouterr().err
    example = tmp_path / "example.npz"
    np.savez(example, w=np.ones(3), X=np.ones((5, 3)), y=np.ones(5), lam=np.array(0.5), extra=np.ones(7))
    assert cli.main([str(model), "--fn", "ridge", "--like", str(example), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert re.search(r"w: \((\w+),\)\n    X: \((\w+), \1\)\n    y: \(\2,\)\n    lam: scalar", text)
    assert "warning" not in capsys.readouterr().err
    assert cli.main([str(model), "--fn", "ridge", "--shape", "y"]) == 1
    assert "expected NAME=SPEC" in capsys.readouterr().err
    np.savez(example, X=np.ones((2, 2, 2)))
    assert cli.main([str(model), "--fn", "ridge", "--like", str(example)]) == 1
    assert "3 dimensions" in capsys.readouterr().err
    np.savez(example, X=np.ones(2, dtype=complex))
    assert cli.main([str(model), "--fn", "ridge", "--like", str(example)]) == 1
    assert "complex128" in capsys.readouterr().err


def test_like_never_unpickles(tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(CompileError, match="cannot read|one array"):
        api.load_like(path)


# -- the argument contract ---------------------------------------------------------------------
CONTRACT = "def f(X: 'n,d', y: 'n', lam: 'scalar', B: '2,2'):\n    return np.sum((X.T @ y) ** 2) * lam + np.sum(B)"


@pytest.fixture(scope="module")
def contract():
    return module_of(CONTRACT)


def good():
    return [rng.standard_normal((5, 3)), rng.standard_normal(5), 0.7, rng.standard_normal((2, 2))]


@pytest.mark.parametrize("fn", ["f", "value_and_grad_f", "grad_f"])
@pytest.mark.parametrize(
    "k, bad, expected, got",
    [
        (0, np.ones(5), r"X must be of shape \(n, d\)", r"got shape \(5,\)"),
        (1, np.ones(4), r"y must be of shape \(n,\)", r"got shape \(4,\) \(n = 5 from X\)"),
        (2, np.ones(3), "lam must be a scalar", r"got shape \(3,\)"),
        (3, np.ones((3, 3)), r"B must be of shape \(2, 2\)", r"got shape \(3, 3\)"),
        (0, np.ones((5, 3), dtype=complex), "X must be real", "complex128.*not supported"),
        (2, "a", "lam must be real, a scalar", "got dtype <U1"),
    ],
)
def test_contract_errors_name_function_parameter_and_shapes(contract, fn, k, bad, expected, got):
    args = good()
    args[k] = bad
    with pytest.raises(ValueError, match=f"^{fn}: {expected}.*{got}"):
        getattr(contract, fn)(*args)


def test_contract_accepts_scalars_ints_and_bools(contract):
    X, y, lam, B = good()
    ref = contract.f(X, y, lam, B)
    for scalar in (lam, np.float64(lam), np.array(lam), np.float32(lam)):
        assert np.isclose(contract.f(X, y, scalar, B), ref, rtol=1e-6)
    Xi = rng.integers(-3, 3, (5, 3))
    yb = rng.integers(0, 2, 5).astype(bool)
    expected = model_of(CONTRACT)(Xi.astype(float), yb.astype(float), 2.0, B)
    assert contract.f(Xi, yb, 2, B) == pytest.approx(expected)
    _, grads = contract.value_and_grad_f(Xi, yb, 2, B)
    assert all(np.asarray(gr).dtype == np.float64 for gr in grads)


def test_contract_checks_extra_functions():
    mod = module_of("def f(A: 'n,n'):\n    return np.sum(A * A)", hvp=True, jvp=True)
    with pytest.raises(ValueError, match=r"^hvp_f: A must be of shape \(n, n\), got shape \(2, 3\)"):
        mod.hvp_f(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"^jvp_f: A must be of shape"):
        mod.jvp_f(np.ones(2), np.ones(2))


# -- complex numbers ---------------------------------------------------------------------------
def test_a_declared_complex_parameter_is_refused_at_compile_time():
    for body in (
        "def f(z: complex):\n    return np.abs(z)",
        "def f(z: 'complex(n)'):\n    return np.sum(np.abs(z))",
    ):
        with pytest.raises(CompileError, match="`z` is declared complex"):
            build(body)


def test_sqrtm_without_a_real_root_is_an_error_not_a_complex_value():
    body = "def f(S: 'n,n'):\n    return np.trace(scipy.linalg.sqrtm(S))"
    mod = module_of(body)
    with pytest.raises(ValueError, match="no real square root"):
        mod.f(np.diag([-1.0, 4.0]))
    with pytest.raises(ValueError, match="no real square root"):
        mod.value_and_grad_f(np.diag([-1.0, 4.0]))
    A = rng.standard_normal((4, 4))
    S = A @ A.T + np.eye(4)
    check_gradients(body, [S])


# -- every example without its annotations -----------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    line.split()[:2]
    for line in (ROOT / "examples" / "manifest.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def strip_annotations(source: str) -> str:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for arg in node.args.args:
                arg.annotation = None
    return ast.unparse(tree)


def annotation_specs(model) -> dict[str, str]:
    g = model.graph
    out = {}
    for name, p in zip(model.param_names, model.params):
        dims = ",".join(str(g.dim_name(d)) for d in p.shape) or "scalar"
        out[name] = dims if p.struct == "general" else f"{p.struct[:3]}({dims})"
    return out


@pytest.mark.parametrize("path, fn", EXAMPLES, ids=[fn for _, fn in EXAMPLES])
def test_examples_without_annotations_run_or_name_what_needs_one(path, fn):
    source = (ROOT / "examples" / path).read_text(encoding="utf-8")
    annotated = frontend.build(source, fn)
    stripped = strip_annotations(source)
    if any(p.struct == "sparse" for p in annotated.params):
        # a scipy.sparse constant is a declaration no use can infer: without it the model is
        # refused with a clear error, never compiled as something else
        with pytest.raises(CompileError, match="symmetric"):
            frontend.build(stripped, fn)
        return
    model = frontend.build(stripped, fn)
    warned = set(re.findall(r"shape of `(\w+)`", " ".join(model.warnings)))
    differ = {
        n for n, a, b in zip(model.param_names, annotated.params, model.params) if a.rank != b.rank
    }
    # every parameter inferred otherwise than annotated is warned about; a warning may also
    # name a parameter whose pick is right but truly open (sklearn's alpha: float or array)
    assert differ <= warned, model.warnings
    shapes_ = {n: annotation_specs(annotated)[n] for n in warned}
    compiled = api.compile_model(stripped, fn, options=api.Options(shapes=shapes_ or None))
    assert compiled.warnings == []
    module = types.ModuleType("generated")
    exec(compile(compiled.module, "<generated>", "exec"), module.__dict__)  # noqa: S102
    env: dict = {}
    exec(compile(stripped, path, "exec"), env)  # noqa: S102 -- the example, as NumPy runs it
    f = env[fn]
    args = example_inputs(annotated)
    value, grads = getattr(module, f"value_and_grad_{fn}")(*args)
    np.testing.assert_allclose(value, f(*args), rtol=1e-9)
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-4, atol=1e-6)


def test_integer_parameters_stay_integers_and_refuse_floats():
    mod = module_of("def f(x: 'n', k: int):\n    return np.sum(x**2) * k")
    assert mod.f(np.ones(3), np.int32(2)) == 6.0
    with pytest.raises(ValueError, match="^f: k must be an integer; got dtype float64"):
        mod.f(np.ones(3), 2.5)


def test_names_of_the_contract_are_not_shadowed():
    body = "def f(_check_args, min, _PARAMS):\n    return np.sum(np.linalg.svd(_check_args, compute_uv=False)) * min * _PARAMS"
    args = [rng.standard_normal((4, 3)), 0.5, 2.0]
    check_gradients(body, args)
    with pytest.raises(CompileError, match="taken by the generated module"):
        module_of("def _check_args(x):\n    return np.sum(x)", "_check_args")


def test_the_python_api_warns_about_ambiguous_shapes():
    with pytest.warns(UserWarning, match="the shape of `y` is ambiguous"):
        matgradc.compile_source(HEADER + RIDGE, "ridge")

    def ridge(w, X, y, lam):
        r = X @ w - y
        return r @ r + lam * np.dot(w, w)

    with pytest.warns(UserWarning, match="`y`"):
        matgradc.grad(ridge)
