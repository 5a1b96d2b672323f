"""The symbolic calculator on scalar expressions (`matgradc expr`, compiler/calculator/).

Every printed derivative is evaluated (eval of the `Derivative:` text in a namespace of np,
inv, det, logdet, trace and random arrays) and checked against central finite differences
of an independent NumPy function, and against the closed form of The Matrix Cookbook
(K. B. Petersen & M. S. Pedersen, version of November 15, 2012), cited by section and
equation number. The compactness checks assert properties of the text (no identity
factors, no double transposes or signs, length bounds), never text copied from our output.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from helpers import central_gradient, symmetric_gradient
from matgradc.calculator import derive, main

N, M = 4, 3
SIZES = {"n": N, "m": M}

inv = np.linalg.inv
det = np.linalg.det
pinv = np.linalg.pinv


def logdet(x):
    return np.linalg.slogdet(x)[1]


trace = np.trace
outer = np.outer
NAMESPACE = {"np": np, "inv": inv, "det": det, "logdet": logdet, "trace": trace}


def I_(n=N):
    return np.eye(n)


# (Cookbook reference, expression, --wrt, shape declarations, f (NumPy), Cookbook's gradient)
# Inputs are random; every square matrix is well conditioned (see `draw`).
CASES = [
    # §2.1 Derivatives of a determinant
    ("eq. 49 (§2.1.2)", "det(X)", "X", {}, lambda X: det(X), lambda X: det(X) * inv(X).T),
    (
        "eq. 51 (§2.1.2)",
        "det(A*X*B)",
        "X",
        {},
        lambda A, X, B: det(A @ X @ B),
        lambda A, X, B: det(A @ X @ B) * inv(X).T,
    ),
    (
        "eq. 52 (§2.1.3, X square)",
        "det(X'*A*X)",
        "X",
        {},
        lambda X, A: det(X.T @ A @ X),
        lambda X, A: 2 * det(X.T @ A @ X) * inv(X).T,
    ),
    (
        "eq. 53 (§2.1.3, X n×m, A symmetric)",
        "det(X'*S*X)",
        "X",
        {"X": "n,m", "S": "sym(n,n)"},
        lambda X, S: det(X.T @ S @ X),
        lambda X, S: 2 * det(X.T @ S @ X) * S @ X @ inv(X.T @ S @ X),
    ),
    (
        "eq. 54 (§2.1.3, X n×m, A general)",
        "det(X'*A*X)",
        "X",
        {"X": "n,m"},
        lambda X, A: det(X.T @ A @ X),
        lambda X, A: det(X.T @ A @ X) * (A @ X @ inv(X.T @ A @ X) + A.T @ X @ inv(X.T @ A.T @ X)),
    ),
    (
        "eq. 55 (§2.1.4, X n×m)",
        "logdet(X'*X)",
        "X",
        {"X": "n,m"},
        lambda X: logdet(X.T @ X),
        lambda X: 2 * pinv(X).T,
    ),
    ("eq. 57 (§2.1.4)", "logdet(X)", "X", {}, lambda X: logdet(X), lambda X: inv(X).T),
    (
        "eq. 58 (§2.1.4, k = 3)",
        "det(X^3)",
        "X",
        {},
        lambda X: det(X @ X @ X),
        lambda X: 3 * det(X @ X @ X) * inv(X).T,
    ),
    # §2.2 Derivatives of an inverse
    (
        "eq. 61 (§2.2)",
        "a'*inv(X)*b",
        "X",
        {"a": "n", "b": "n"},
        lambda a, X, b: a @ inv(X) @ b,
        lambda a, X, b: -inv(X).T @ outer(a, b) @ inv(X).T,
    ),
    (
        "eq. 62 (§2.2)",
        "det(inv(X))",
        "X",
        {},
        lambda X: det(inv(X)),
        lambda X: -det(inv(X)) * inv(X).T,
    ),
    (
        "eq. 63 (§2.2)",
        "trace(A*inv(X)*B)",
        "X",
        {},
        lambda A, X, B: trace(A @ inv(X) @ B),
        lambda A, X, B: -(inv(X) @ B @ A @ inv(X)).T,
    ),
    (
        "eq. 63 (§2.2), the talk's trace(S*inv(X))",
        "trace(S*inv(X))",
        "X",
        {},
        lambda S, X: trace(S @ inv(X)),
        lambda S, X: -(inv(X) @ S @ inv(X)).T,
    ),
    (
        "eq. 64 (§2.2)",
        "trace(inv(X + A))",
        "X",
        {},
        lambda X, A: trace(inv(X + A)),
        lambda X, A: -(inv(X + A) @ inv(X + A)).T,
    ),
    # §2.4 Derivatives of matrices, vectors and scalar forms
    (
        "eq. 70 (§2.4.1)",
        "a'*X*b",
        "X",
        {"a": "n", "b": "n"},
        lambda a, X, b: a @ X @ b,
        lambda a, X, b: outer(a, b),
    ),
    (
        "eq. 71 (§2.4.1)",
        "a'*X'*b",
        "X",
        {"a": "n", "b": "n"},
        lambda a, X, b: a @ X.T @ b,
        lambda a, X, b: outer(b, a),
    ),
    (
        "eq. 72 (§2.4.1)",
        "a'*X*a",
        "X",
        {"a": "n"},
        lambda a, X: a @ X @ a,
        lambda a, X: outer(a, a),
    ),
    (
        "eq. 77 (§2.4.2, X n×m)",
        "b'*X'*X*c",
        "X",
        {"X": "n,m", "b": "m", "c": "m"},
        lambda b, X, c: b @ X.T @ X @ c,
        lambda b, X, c: X @ (outer(b, c) + outer(c, b)),
    ),
    (
        "eq. 81 (§2.4.2)",
        "x'*B*x",
        "x",
        {"x": "n"},
        lambda x, B: x @ B @ x,
        lambda x, B: (B + B.T) @ x,
    ),
    (
        "eq. 82 (§2.4.2)",
        "b'*X'*D*X*c",
        "X",
        {"b": "n", "c": "n"},
        lambda b, X, D, c: b @ X.T @ D @ X @ c,
        lambda b, X, D, c: D.T @ X @ outer(b, c) + D @ X @ outer(c, b),
    ),
    (
        "eq. 83 (§2.4.2)",
        "(X*b + c)'*D*(X*b + c)",
        "X",
        {"b": "n", "c": "n"},
        lambda X, b, c, D: (X @ b + c) @ D @ (X @ b + c),
        lambda X, b, c, D: outer((D + D.T) @ (X @ b + c), b),
    ),
    # §2.5 Derivatives of traces
    ("eq. 99 (§2.5.1)", "trace(X)", "X", {}, lambda X: trace(X), lambda X: I_()),
    ("eq. 100 (§2.5.1)", "trace(X*A)", "X", {}, lambda X, A: trace(X @ A), lambda X, A: A.T),
    (
        "eq. 101 (§2.5.1)",
        "trace(A*X*B)",
        "X",
        {},
        lambda A, X, B: trace(A @ X @ B),
        lambda A, X, B: A.T @ B.T,
    ),
    (
        "eq. 102 (§2.5.1)",
        "trace(A*X'*B)",
        "X",
        {},
        lambda A, X, B: trace(A @ X.T @ B),
        lambda A, X, B: B @ A,
    ),
    ("eq. 103 (§2.5.1)", "trace(X'*A)", "X", {}, lambda X, A: trace(X.T @ A), lambda X, A: A),
    ("eq. 104 (§2.5.1)", "trace(A*X')", "X", {}, lambda A, X: trace(A @ X.T), lambda A, X: A),
    ("eq. 106 (§2.5.2)", "trace(X^2)", "X", {}, lambda X: trace(X @ X), lambda X: 2 * X.T),
    (
        "eq. 107 (§2.5.2)",
        "trace(X^2*B)",
        "X",
        {},
        lambda X, B: trace(X @ X @ B),
        lambda X, B: (X @ B + B @ X).T,
    ),
    (
        "eq. 108 (§2.5.2, X n×m)",
        "trace(X'*B*X)",
        "X",
        {"X": "n,m"},
        lambda X, B: trace(X.T @ B @ X),
        lambda X, B: B @ X + B.T @ X,
    ),
    (
        "eq. 109 (§2.5.2)",
        "trace(B*X*X')",
        "X",
        {},
        lambda B, X: trace(B @ X @ X.T),
        lambda B, X: B @ X + B.T @ X,
    ),
    (
        "eq. 110 (§2.5.2)",
        "trace(X*X'*B)",
        "X",
        {},
        lambda X, B: trace(X @ X.T @ B),
        lambda X, B: B @ X + B.T @ X,
    ),
    (
        "eq. 111 (§2.5.2, X n×m)",
        "trace(X*B*X')",
        "X",
        {"X": "n,m", "B": "m,m"},
        lambda X, B: trace(X @ B @ X.T),
        lambda X, B: X @ B.T + X @ B,
    ),
    (
        "eq. 112 (§2.5.2)",
        "trace(B*X'*X)",
        "X",
        {},
        lambda B, X: trace(B @ X.T @ X),
        lambda B, X: X @ B.T + X @ B,
    ),
    (
        "eq. 113 (§2.5.2)",
        "trace(X'*X*B)",
        "X",
        {},
        lambda X, B: trace(X.T @ X @ B),
        lambda X, B: X @ B.T + X @ B,
    ),
    (
        "eq. 114 (§2.5.2), the talk's trace(AXBX)",
        "trace(A*X*B*X)",
        "X",
        {},
        lambda A, X, B: trace(A @ X @ B @ X),
        lambda A, X, B: A.T @ X.T @ B.T + B.T @ X.T @ A.T,
    ),
    (
        "eq. 115 (§2.5.2, X n×m)",
        "trace(X'*X)",
        "X",
        {"X": "n,m"},
        lambda X: trace(X.T @ X),
        lambda X: 2 * X,
    ),
    (
        "eq. 116 (§2.5.2)",
        "trace(B'*X'*C*X*B)",
        "X",
        {},
        lambda B, X, C: trace(B.T @ X.T @ C @ X @ B),
        lambda B, X, C: C.T @ X @ B @ B.T + C @ X @ B @ B.T,
    ),
    (
        "eq. 117 (§2.5.2)",
        "trace(X'*B*X*C)",
        "X",
        {},
        lambda X, B, C: trace(X.T @ B @ X @ C),
        lambda X, B, C: B @ X @ C + B.T @ X @ C.T,
    ),
    (
        "eq. 118 (§2.5.2)",
        "trace(A*X*B*X'*C)",
        "X",
        {},
        lambda A, X, B, C: trace(A @ X @ B @ X.T @ C),
        lambda A, X, B, C: A.T @ C.T @ X @ B.T + C @ A @ X @ B,
    ),
    (
        "eq. 119 (§2.5.2)",
        "trace((A*X*b + c)*(A*X*b + c)')",
        "X",
        {"b": "n", "c": "n"},
        lambda A, X, b, c: trace(outer(A @ X @ b + c, A @ X @ b + c)),
        lambda A, X, b, c: 2 * A.T @ outer(A @ X @ b + c, b),
    ),
    (
        "eq. 121 (§2.5.3, k = 3)",
        "trace(X^3)",
        "X",
        {},
        lambda X: trace(X @ X @ X),
        lambda X: 3 * (X @ X).T,
    ),
]

# The talk's examples and NumPy spellings (checked the same way; not counted as Cookbook).
EXTRA = [
    ("the talk: log det(AX)", "logdet(A*X)", "X", {}, lambda A, X: logdet(A @ X), None),
    (
        "the talk: the covariance objective",
        "-logdet(X) - trace(S*inv(X)) - sum(inv(X) .* inv(X))",
        "X",
        {},
        lambda X, S: -logdet(X) - trace(S @ inv(X)) - np.sum(inv(X) * inv(X)),
        lambda X, S: (-inv(X) + inv(X) @ S @ inv(X) + 2 * inv(X) @ inv(X).T @ inv(X)).T,
    ),
    (
        "NumPy syntax of eq. 114",
        "np.trace(A @ X @ B @ X)",
        "X",
        {},
        lambda A, X, B: trace(A @ X @ B @ X),
        None,
    ),
    ("NumPy slogdet", "np.linalg.slogdet(X)[1]", "X", {}, lambda X: logdet(X), None),
    ("NumPy log det", "np.log(np.linalg.det(X))", "X", {}, lambda X: logdet(X), None),
    (
        "NumPy elementwise *",
        "np.sum(A * X) + np.trace(X.T @ np.linalg.inv(B))",
        "X",
        {},
        lambda A, X, B: np.sum(A * X) + trace(X.T @ inv(B)),
        lambda A, X, B: A + inv(B),
    ),
    (
        "identity, solve and powers",
        "trace(inv(I + X)*X) + trace(solve(X, A)) + trace(X)^2",
        "X",
        {},
        lambda X, A: trace(inv(I_() + X) @ X) + trace(np.linalg.solve(X, A)) + trace(X) ** 2,
        None,
    ),
    (
        "scalar input",
        "c^2 * logdet(X) + exp(c)",
        "c",
        {"c": "scalar"},
        lambda c, X: c**2 * logdet(X) + np.exp(c),
        lambda c, X: 2 * c * logdet(X) + np.exp(c),
    ),
    (
        "symmetric input: the symmetric gradient",
        "logdet(S) + trace(A*S)",
        "S",
        {"S": "spd(n,n)"},
        lambda S, A: logdet(S) + trace(A @ S),
        lambda S, A: inv(S) + (A + A.T) / 2,
    ),
]


def draw(rng: np.random.Generator, shape: tuple, struct: str):
    """Random inputs: square matrices well conditioned (3I plus a random part of norm ~2),
    symmetric ones symmetrised, rectangular and vectors standard normal."""
    if not shape:
        return float(rng.uniform(0.5, 1.5))
    x = rng.standard_normal(shape)
    if len(shape) == 2 and shape[0] == shape[1]:
        if struct in ("symmetric", "spd"):
            x = (x + x.T) / 2
        x = x + 3 * np.eye(shape[0])
    return x


def run(capsys, *argv: str) -> tuple[int, dict[str, str], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    lines = {}
    for line in captured.out.splitlines():
        key, _, value = line.partition(": ")
        lines[key] = value
    return code, lines, captured.err


def inputs(expr: str, wrt: str, shapes: dict, seed: int) -> dict:
    info = derive(expr, wrt, shapes)
    rng = np.random.default_rng(seed)
    return {
        name: draw(
            rng, tuple(SIZES[d] if isinstance(d, str) else d for d in dims), info.structs[name]
        )
        for name, dims in info.shapes.items()
    }


def close(a, b, rtol=2e-6) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.max(np.abs(a - b)) <= rtol * max(1e-3, np.max(np.abs(b)))


def check(capsys, case, seed: int = 0) -> str:
    ref, expr, wrt, shapes, f, cookbook = case
    argv = [expr, "--wrt", wrt, "--latex"]
    for name, spec in shapes.items():
        argv += ["--shape", f"{name}={spec}"]
    code, lines, err = run(capsys, *argv)
    assert code == 0, err
    assert set(lines) == {"Function", "Derivative", "LaTeX"}
    args = inputs(expr, wrt, shapes, seed)
    ns = {**NAMESPACE, **args}
    value = eval(lines["Function"], ns)  # our own output, on our own arrays
    assert close(value, f(**args)), (lines["Function"], value, f(**args))
    grad = eval(lines["Derivative"], ns)
    struct = derive(expr, wrt, shapes).structs[wrt]
    if struct in ("symmetric", "spd"):
        fd = symmetric_gradient(f, args, wrt)
    else:
        fd = central_gradient(f, args, wrt)
    assert close(grad, fd, rtol=1e-5), f"{ref}: {lines['Derivative']}\n{grad}\n{fd}"
    if cookbook is not None:
        assert close(grad, cookbook(**args)), f"{ref}: {lines['Derivative']} vs the Cookbook"
    assert "\\texttt" not in lines["LaTeX"], lines["LaTeX"]
    return lines["Derivative"]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_cookbook_identity(capsys, case):
    check(capsys, case)


@pytest.mark.parametrize("case", EXTRA, ids=[c[0] for c in EXTRA])
def test_more_expressions(capsys, case):
    check(capsys, case, seed=1)


def test_enough_cookbook_identities():
    numbers = {re.match(r"eq\. (\d+)", c[0]).group(1) for c in CASES}
    assert len(numbers) >= 25


# -- compactness: properties of the printed text -------------------------------------------
BAD = [
    (r"np\.eye\([^()]*(\([^()]*\))?[^()]*\) @|@ np\.eye\(", "an identity factor in a product"),
    (r"\.T\.T|\(\w+\.T\)\.T", "a double transpose"),
    (r"--|\+ -|- -", "a double sign"),
    (r"\(\s*-[^()]*\)\.T", "a transposed negation (the sign belongs outside)"),
    (r"inv\(inv\(", "an inverse of an inverse"),
    (r"\* 1 \*|^1 \*| 1 \* ", "a factor 1"),
]


@pytest.mark.parametrize("case", CASES + EXTRA, ids=[c[0] for c in CASES + EXTRA])
def test_compact(case):
    ref, expr, wrt, shapes, _, _ = case
    out = derive(expr, wrt, shapes)
    for text in (out.derivative, out.function):
        for pattern, what in BAD:
            assert not re.search(pattern, text), f"{ref}: {what} in {text}"


def test_headline_examples_are_short():
    """The three examples of the talk, printed at most as long as the issue's forms."""
    d = derive("logdet(X)", "X").derivative
    assert len(d) <= len("inv(X).T") and d.count("inv(") == 1
    d = derive("trace(S*inv(X))", "X").derivative
    assert len(d) <= len("-(inv(X) @ S @ inv(X)).T") and d.count("inv(") == 2
    assert d.count("-") == 1 and d.count(".T") <= 1
    d = derive("trace(A*X*B*X)", "X").derivative
    assert len(d) <= len("(B @ X @ A).T + (A @ X @ B).T") and d.count(".T") <= 2


def test_shared_factors_are_grouped():
    # d tr(XᵀBX) = BX + BᵀX: X is written once
    assert derive("trace(X'*B*X)", "X").derivative.count("X") == 1
    # d (Xb+c)ᵀD(Xb+c) = (D + Dᵀ)(Xb + c)bᵀ: D and the sum written once
    d = derive("(X*b + c)'*D*(X*b + c)", "X", {"b": "n", "c": "n"}).derivative
    assert d.count("D") == 2 and d.count("+ c") == 1
    # cancellations: (AX)⁻ᵀ with A square is expanded and Aᵀ A⁻ᵀ cancels
    assert "A" not in derive("logdet(A*X)", "X").derivative
    assert "A" not in derive("det(A*X*B)", "X").derivative.split("*", 1)[1]
    # a symmetric inverse needs no transpose
    assert ".T" not in derive("logdet(S)", "S", {"S": "spd(n,n)"}).derivative


def test_both_syntaxes_agree():
    talk = derive("trace(A*X'*B) + a'*X*b", "X", {"a": "n", "b": "n"})
    numpy = derive("np.trace(A @ X.T @ B) + a @ X @ b", "X", {"a": "n", "b": "n"})
    args = inputs("trace(A*X'*B) + a'*X*b", "X", {"a": "n", "b": "n"}, 3)
    ns = {**NAMESPACE, **args}
    assert close(eval(talk.derivative, ns), eval(numpy.derivative, ns))
    # * is elementwise in NumPy syntax, a matrix product in the talk's
    args = inputs("trace(A*X)", "X", {}, 4)
    ns = {**NAMESPACE, **args}
    elementwise = derive("trace(A*X)", "X", syntax="numpy").derivative
    assert close(eval(elementwise, ns), args["A"] * np.eye(N))
    assert close(eval(derive("trace(A*X)", "X").derivative, ns), args["A"].T)


def test_default_wrt_and_leading_minus(capsys):
    code, lines, _ = run(capsys, "-logdet(X)")
    assert code == 0 and lines["Function"] == "-logdet(X)"
    args = inputs("logdet(X)", "X", {}, 5)
    grad = eval(lines["Derivative"], {**NAMESPACE, **args})
    assert close(grad, -inv(args["X"]).T)


def test_zero_derivative(capsys):
    code, lines, _ = run(capsys, "trace(A) + logdet(X)", "--wrt", "A", "--shape", "A=m,m")
    assert code == 0
    args = inputs("trace(A) + logdet(X)", "A", {"A": "m,m"}, 6)
    grad = eval(lines["Derivative"], {**NAMESPACE, **args})
    assert close(grad, np.eye(M))
    code, lines, _ = run(capsys, "logdet(X) + trace(A)", "--wrt", "X")
    assert code == 0 and "A" not in lines["Derivative"]


def test_latex(capsys):
    code, lines, _ = run(capsys, "trace(S*inv(X))", "--wrt", "X", "--latex")
    assert code == 0
    tex = lines["LaTeX"]
    assert r"\operatorname{tr}" in tex and "X^{-1}" in tex and "^{T}" in tex
    assert r"\frac{\partial f}{\partial X}" in tex
    code, lines, _ = run(capsys, "logdet(X)", "--latex")
    assert r"\left|{X}\right|" in lines["LaTeX"] and r"\left(X^{-1}\right)^{T}" in lines["LaTeX"]
    code, lines, _ = run(capsys, "x'*B*x", "--wrt", "x", "--shape", "x=n", "--latex")
    assert "x^{T} B x" in lines["LaTeX"]


# -- errors: `error: ...` and a hint, exit status 1, never a traceback ---------------------
ERRORS = [
    (["trace(X"], "cannot read the expression"),
    (["foo(X)"], "`foo(...)` is not in the matrix language"),
    (["trace(X) $ 2"], "cannot read the expression"),
    (["trace(A*x)", "--shape", "x=n"], "needs a matrix"),
    (["trace(A*X)", "--shape", "A=m,n", "--shape", "X=m,n"], "shape conflict"),
    (["x*y", "--shape", "x=n;y=n"], "two column vectors"),
    (["x' + x", "--shape", "x=n"], "a row vector and a column vector"),
    (["trace(X)", "--wrt", "Y"], "does not appear"),
    (["trace(A*B)"], "say which input"),
    (["trace(X)", "--shape", "X=n,n,n"], "3 dimensions"),
    (["trace(X)", "--shape", "X"], "cannot read the shape declaration"),
    (["trace(X)", "--shape", "X="], "is missing"),
    (["trace(X)", "--shape", "X=tri(n,n)"], "unknown structure"),
    (["trace(X)", "--shape", "X=diag(n,m)"], "not square"),
    (["trace(X)", "--shape", "X=n,n", "--shape", "X=m,m"], "declared twice"),
    (["X*"], "cannot read the expression"),
    (["trace(X)", "--bogus"], "unrecognized arguments"),
    (["inv"], "is a function"),
    (["slogdet(X)"], "a tuple"),
    (["trace(X/Y)"], "matrix right division"),
    (["trace(X^Y)"], "constant integer power"),
    (["trace(x^2)", "--shape", "x=n"], "matrix power of a square matrix"),
    (["trace(I)"], "size of the identity"),
    (["inv(X)", "--hessian"], "needs a scalar expression"),
    ([""], "empty"),
]


@pytest.mark.parametrize("argv,message", ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_errors(capsys, argv, message):
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    first = err.splitlines()[0]
    assert re.match(r"expr(:1:\d+)?: error: ", first) and message in err, err
    assert "Traceback" not in err


def test_errors_point_at_the_expression(capsys):
    assert main(["trace(A*X) + foo(X)"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].startswith("expr:1:14: error: ")
    assert lines[1].strip() == "trace(A*X) + foo(X)"
    assert lines[2].index("^") - lines[1].index("t") == len("trace(A*X) + ")


def test_shape_declarations(capsys):
    for decls in (["x=n;y=n"], ["x=n y=n"], ["x = n", "y: n"]):
        argv = ["x'*A*y"]
        for d in decls:
            argv += ["--shape", d]
        code, lines, err = run(capsys, *argv, "--wrt", "A")
        assert code == 0, err
        args = inputs("x'*A*y", "A", {"x": "n", "y": "n"}, 7)
        grad = eval(lines["Derivative"], {**NAMESPACE, **args})
        assert close(grad, outer(args["x"], args["y"]))


def test_help(capsys):
    assert main(["--help"]) == 0
    assert "Function:" in capsys.readouterr().out
