"""The frontend: annotations, rank and shape inference, structure, and its errors."""

from __future__ import annotations

import pytest
from matgradc import frontend
from matgradc.diagnostics import CompileError, ShapeError


def build(body: str, fn: str = "f"):
    return frontend.build("import numpy as np\n\n\n" + body + "\n", fn)


def shapes(model):
    g = model.graph
    return {
        n: tuple(g.dim_name(d) for d in p.shape) for n, p in zip(model.param_names, model.params)
    }


def test_annotations_give_shapes_and_structure():
    m = build(
        "def f(A: 'n,m', x: 'm', S: 'spd(n,n)', c: 'scalar', d: float):\n    return np.sum(A @ x) * c * d + np.trace(S)"
    )
    assert shapes(m) == {"A": ("n", "m"), "x": ("m",), "S": ("n", "n"), "c": (), "d": ()}
    assert [p.struct for p in m.params] == ["general", "general", "spd", "general", "general"]


def test_ranks_and_sizes_are_inferred_from_use():
    m = build("def f(S, Sigma):\n    Si = np.linalg.inv(Sigma)\n    return np.trace(S @ Si)")
    assert shapes(m) == {"S": ("n", "n"), "Sigma": ("n", "n")}
    assert m.warnings == []


def test_inference_distinguishes_vectors_and_matrices():
    m = build("def f(A, B, x):\n    return np.trace(A @ B) + np.sum(B @ x)")
    s = shapes(m)
    assert len(s["A"]) == 2 and len(s["B"]) == 2 and len(s["x"]) == 1
    assert s["A"] == (s["B"][1], s["B"][0]) and s["x"] == (s["B"][1],)


def test_ambiguous_ranks_warn_and_name_the_parameters():
    m = build("def f(x, lam):\n    return lam * np.sum(x)")  # lam must be a scalar
    assert shapes(m) == {"x": ("n",), "lam": ()} and m.warnings == []
    m = build("def f(X, b):\n    return np.sum((X - b) ** 2)")  # b may be broadcast
    assert len(m.warnings) == 1 and "`b`" in m.warnings[0]


def test_declared_shape_conflict_names_both_sites():
    with pytest.raises(ShapeError) as e:
        build("def f(A: 'n,m', B: 'n,m'):\n    return np.trace(A @ B)")
    msg = e.value.message
    assert "`A`" in msg and "`B`" in msg and "4:" in msg
    assert e.value.loc.line == 5


def test_non_scalar_return_is_an_error():
    with pytest.raises(CompileError, match="must return a scalar"):
        build("def f(A: 'n,n'):\n    return A @ A")


@pytest.mark.parametrize(
    "body, fragment, line, col",
    [
        (
            "def f(x: 'n'):\n    if x:\n        return x\n    return x",
            "a condition must be a scalar",
            5,
            8,
        ),
        (
            "def f(x):\n    for i in range(np.sum(x)):\n        x = x\n    return np.sum(x)",
            "depends on a value being differentiated",
            5,
            20,
        ),
        ("def f(x):\n    while x:\n        x = x\n    return np.sum(x)", "a condition must", 5, 11),
        ("def f(x):\n    y = [x for _ in x]\n    return y", "comprehension", 5, 9),
        (
            "def f(x):\n    return np.sum(np.fft.fft(x))",
            "np.fft.fft is not in the matrix language",
            5,
            19,
        ),
        ("def f(x):\n    return np.sum(y)", "undefined name `y`", 5, 19),
        ("def f(x):\n    return np.sum(x // 2)", "operator `FloorDiv`", 5, 19),
        ("def f(x):\n    return np.sum(x[x])", "an index must be an integer constant", 5, 21),
        ("def f(*x):\n    return x", "must take named parameters", 4, 1),
        ("def f(x=[1]):\n    return x", "default of `x` must be a number", 4, 9),
        ("def f(x):\n    return x if x is None else x", "comparison `Is`", 5, 17),
        ("def f(X):\n    return np.sum(X.flat)", "attribute `.flat`", 5, 19),
        ("def f(x):\n    return np.sum(lambda: x)", "`lambda`", 5, 19),
    ],
)
def test_unsupported_constructs_are_located(body, fragment, line, col):
    with pytest.raises(CompileError) as e:
        build(body)
    assert fragment in e.value.message
    assert (e.value.loc.line, e.value.loc.col + 1) == (line, col)
    assert e.value.hint


def test_near_miss_call_suggests_the_supported_name():
    with pytest.raises(CompileError) as e:
        build("def f(X):\n    return np.sum(np.linalg.inverse(X))")
    assert "np.linalg.inv" in e.value.hint


def test_missing_function_lists_the_functions():
    with pytest.raises(CompileError) as e:
        build("def f(x):\n    return x\n\ndef g(x):\n    return x", fn="h")
    assert "f, g" in e.value.hint


def test_syntax_error_is_located():
    with pytest.raises(CompileError) as e:
        frontend.build("def f(x:\n    return x\n", "f")
    assert e.value.loc.line == 1 and "syntax" in e.value.message


def test_import_aliases_are_resolved():
    m = frontend.build(
        "import numpy\nfrom numpy.linalg import inv as I\n\ndef f(X):\n    return numpy.trace(I(X))\n",
        "f",
    )
    assert {v.op for v in m.graph.values} >= {"inv", "trace"}


def test_log_det_is_compiled_as_a_log_determinant():
    m = build("def f(X):\n    return np.log(np.linalg.det(X))")
    assert m.out.op == "logdet"


def test_hash_consing_shares_repeated_subexpressions():
    m = build("def f(X: 'n,n'):\n    return np.trace(np.linalg.inv(X)) + np.sum(np.linalg.inv(X))")
    assert sum(v.op == "inv" for v in m.graph.values) == 1


def test_symmetric_declaration_drops_transposes():
    m = build("def f(S: 'sym(n,n)'):\n    return np.sum(S.T * S)")
    assert not any(v.op == "transpose" for v in m.graph.values)


def test_independent_errors_of_one_function_are_reported_together():
    from matgradc.diagnostics import CompileErrors

    body = (
        "def f(X):\n    a = np.fft.fft(X)\n    b = a @ X\n    global z\n    pass\n"
        "    c = X @ undefined_thing\n    return np.sum(b) + np.trace(X)"
    )
    with pytest.raises(CompileErrors) as e:
        build(body)
    found = [(err.loc.line, err.message.split(" ")[0]) for err in e.value.errors]
    # three errors; `b = a @ X` and the return only use `a` and `b`, already reported
    assert found == [(5, "np.fft.fft"), (7, "a"), (9, "undefined")]


def test_integer_parameters_have_no_gradient():
    from matgradc.api import compile_model

    src = "import numpy as np\n\n\ndef f(X: 'n,n', k: int):\n    return np.sum(X) * k\n"
    compiled = compile_model(src, "f")
    assert compiled.wrt == [0]  # every parameter but the int
    with pytest.raises(CompileError, match="integer parameter"):
        compile_model(src, "f", wrt=["k"])
