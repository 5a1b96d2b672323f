"""The calculator on vector- and matrix-valued expressions (`Derivative:` in the talk's notation,
`Jacobian:` as NumPy) and `--hessian` on scalar ones (compiler/calculator/jacobian.py).

Each printed Jacobian and Hessian is evaluated with NumPy on random inputs and compared with
central finite differences of the expression as NumPy computes it (an independent lambda,
never our own output), both sides flattened in C order.
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers import central
from helpers import hessian as fd_hessian
from helpers import jacobian as fd_jacobian
from matgradc.calculator import derive, main

N, M = 4, 3
SIZES = {"n": N, "m": M}
inv = np.linalg.inv
NAMESPACE = {
    "np": np,
    "inv": inv,
    "det": np.linalg.det,
    "trace": np.trace,
    "logdet": lambda X: np.linalg.slogdet(X)[1],
}

# (expression, --wrt, shape declarations, the expression in NumPy)
JACOBIANS = [
    # the list
    ("inv(X)", "X", {}, lambda X: inv(X)),
    ("A*X*B", "X", {}, lambda A, X, B: A @ X @ B),
    ("X'", "X", {}, lambda X: X.T),
    ("X*X", "X", {}, lambda X: X @ X),
    ("X.*X", "X", {}, lambda X: X * X),
    ("A*x", "x", {"x": "n"}, lambda A, x: A @ x),
    ("exp(x)", "x", {"x": "n"}, lambda x: np.exp(x)),
    ("X*A*X'", "X", {}, lambda X, A: X @ A @ X.T),
    # rectangular, vectors, scalars and more of the talk's identities
    ("A*X*B", "X", {"A": "m,n", "X": "n,m", "B": "m,n"}, lambda A, X, B: A @ X @ B),
    ("X'*A*X", "X", {"X": "n,m"}, lambda X, A: X.T @ A @ X),
    ("inv(X)'", "X", {}, lambda X: inv(X).T),
    ("X^3", "X", {}, lambda X: X @ X @ X),
    ("2*X' - X", "X", {}, lambda X: 2 * X.T - X),
    ("X*b", "X", {"b": "n"}, lambda X, b: X @ b),
    ("a'*X", "X", {"a": "n"}, lambda a, X: a @ X),
    ("x*x'", "x", {"x": "n"}, lambda x: np.outer(x, x)),
    ("inv(A + X)*B", "X", {}, lambda A, X, B: inv(A + X) @ B),
    ("exp(X) .* A", "X", {}, lambda X, A: np.exp(X) * A),
    ("np.linalg.solve(A, X)", "X", {}, lambda A, X: np.linalg.solve(A, X)),
    ("S*X", "S", {"S": "sym(n,n)"}, lambda S, X: S @ X),
    ("trace(X)*X", "X", {}, lambda X: np.trace(X) * X),
    ("X - 2*X'", "X", {}, lambda X: X - 2 * X.T),
    ("x'*A", "x", {"x": "n"}, lambda x, A: x @ A),
    ("A*x + exp(x)", "x", {"x": "n"}, lambda A, x: A @ x + np.exp(x)),
    ("x./(1 + x.*x)", "x", {"x": "n"}, lambda x: x / (1 + x * x)),
    ("(X + X')/2", "X", {}, lambda X: (X + X.T) / 2),
    ("x'*y*z", "x", {"x": "n", "y": "n", "z": "n"}, lambda x, y, z: (x @ y) * z),
    ("inv(2*I + X)", "X", {}, lambda X: inv(2 * np.eye(N) + X)),
    ("trace(X)*I - X", "X", {}, lambda X: np.trace(X) * np.eye(N) - X),
    ("solve(X, b)", "X", {"b": "n"}, lambda X, b: np.linalg.solve(X, b)),
    # structural forms: the diagonal, indexing, triangles
    ("diag(X)", "X", {}, lambda X: np.diag(X)),
    ("diag(x)*A", "x", {"x": "n"}, lambda x, A: np.diag(x) @ A),
    ("X[:, 1:3]", "X", {"X": "n,m"}, lambda X: X[:, 1:3]),
    ("np.triu(X @ A, 1)", "X", {}, lambda X, A: np.triu(X @ A, 1)),
    # routines that read one triangle (rules with LowerSym): the entrywise Jacobian
    ("np.linalg.cholesky(X)", "X", {}, lambda X: np.linalg.cholesky(X)),
    ("np.linalg.eigvalsh(X)", "X", {}, lambda X: np.linalg.eigvalsh(X)),
]

# (expression, --wrt, shape declarations, the scalar expression in NumPy)
HESSIANS = [
    ("x'*A*x", "x", {"x": "n"}, lambda x, A: x @ A @ x),
    ("logdet(X)", "X", {}, lambda X: np.linalg.slogdet(X)[1]),
    ("trace(X*A*X')", "X", {}, lambda X, A: np.trace(X @ A @ X.T)),
    ("trace(X*A*X')", "X", {"X": "m,n"}, lambda X, A: np.trace(X @ A @ X.T)),
    ("trace(inv(X)*S)", "X", {}, lambda X, S: np.trace(inv(X) @ S)),
    ("trace(A*X*B*X)", "X", {}, lambda A, X, B: np.trace(A @ X @ B @ X)),
    ("sum(exp(x))", "x", {"x": "n"}, lambda x: np.sum(np.exp(x))),
    ("trace(X'*X)", "X", {}, lambda X: np.trace(X.T @ X)),
    ("log(x'*x)", "x", {"x": "n"}, lambda x: np.log(x @ x)),
    ("norm(x)", "x", {"x": "n"}, lambda x: np.linalg.norm(x)),
    ("a'*x*x'*b", "x", {"a": "n", "b": "n", "x": "n"}, lambda a, x, b: (a @ x) * (x @ b)),
    ("c^2*logdet(X)", "c", {"c": "scalar"}, lambda c, X: c**2 * np.linalg.slogdet(X)[1]),
    ("det(X)", "X", {}, lambda X: np.linalg.det(X)),
]


def draw(rng, shape: tuple, struct: str):
    if not shape:
        return float(rng.uniform(0.5, 1.5))
    x = rng.standard_normal(shape) * 0.5
    if len(shape) == 2 and shape[0] == shape[1]:
        if struct in ("symmetric", "spd"):
            x = (x + x.T) / 2
        if struct == "diagonal":
            x = np.diag(np.diag(x))
        x = x + 3 * np.eye(shape[0])
    return x


def inputs(expr: str, wrt: str, shapes: dict, seed: int = 0) -> dict:
    info = derive(expr, wrt, shapes)
    rng = np.random.default_rng(seed)
    return {
        name: draw(rng, tuple(SIZES.get(d, d) for d in dims), info.structs[name])
        for name, dims in info.shapes.items()
    }


def run(capsys, expr: str, wrt: str, shapes: dict, *flags: str) -> dict[str, str]:
    argv = [expr, "--wrt", wrt, *flags]
    for name, spec in shapes.items():
        argv += ["--shape", f"{name}={spec}"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return dict(line.split(": ", 1) for line in out.splitlines())


def close(a, b, rtol) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape, (a.shape, b.shape)
    return np.max(np.abs(a - b)) <= rtol * max(1.0, np.max(np.abs(b)))


@pytest.mark.parametrize("case", JACOBIANS, ids=[f"{c[0]} wrt {c[1]}" for c in JACOBIANS])
def test_jacobian_matches_finite_differences(capsys, case):
    expr, wrt, shapes, f = case
    lines = run(capsys, expr, wrt, shapes)
    assert set(lines) == {"Function", "Derivative", "Jacobian"}
    args = inputs(expr, wrt, shapes)
    ns = {**NAMESPACE, **args}
    assert close(eval(lines["Function"], ns), f(**args), 1e-12)
    jac = eval(lines["Jacobian"], ns)
    x = np.asarray(args[wrt])
    assert np.shape(jac) == (np.size(f(**args)), x.size), lines["Jacobian"]
    if derive(expr, wrt, shapes).structs[wrt] in ("symmetric", "spd"):
        return  # the symmetric convention: checked below along symmetric directions
    assert close(jac, fd_jacobian(f, args, wrt), 1e-6), lines


def test_symmetric_input_along_symmetric_directions(capsys):
    lines = run(capsys, "S*X", "S", {"S": "sym(n,n)"})
    args = inputs("S*X", "S", {"S": "sym(n,n)"}, seed=1)
    jac = eval(lines["Jacobian"], {**NAMESPACE, **args})
    rng = np.random.default_rng(3)
    e = rng.standard_normal((N, N))
    e = e + e.T
    fd = central(lambda S: S @ args["X"], args["S"], e)
    assert close(jac @ e.ravel(), fd.ravel(), 1e-6)


@pytest.mark.parametrize("case", HESSIANS, ids=[f"{c[0]} wrt {c[1]} {c[2]}" for c in HESSIANS])
def test_hessian_matches_finite_differences(capsys, case):
    expr, wrt, shapes, f = case
    lines = run(capsys, expr, wrt, shapes, "--hessian")
    assert set(lines) == {"Function", "Derivative", "Hessian"}
    args = inputs(expr, wrt, shapes, seed=2)
    hess = eval(lines["Hessian"], {**NAMESPACE, **args})
    assert close(hess, fd_hessian(f, args, wrt), 1e-5), lines


def test_symmetric_hessian_along_symmetric_directions(capsys):
    """logdet(S), S spd: the symmetric gradient is S⁻¹, its derivative along a symmetric E is
    −S⁻¹ E S⁻¹ (differences of np.linalg.inv, not of our output)."""
    lines = run(capsys, "logdet(S) + trace(A*S)", "S", {"S": "spd(n,n)"}, "--hessian")
    args = inputs("logdet(S)", "S", {"S": "spd(n,n)"}, seed=5)
    args["A"] = np.random.default_rng(6).standard_normal((N, N))
    hess = eval(lines["Hessian"], {**NAMESPACE, **args})
    e = np.random.default_rng(7).standard_normal((N, N))
    e = e + e.T
    fd = central(inv, args["S"], e)
    assert close(hess @ e.ravel(), fd.ravel(), 1e-6)


def test_the_talks_forms():
    """The talk's identities (and the issue's example), as the calculator prints them."""
    d = derive("inv(X)", "X")
    assert d.derivative == "-X⁻¹ ⊗ X⁻ᵀ"
    assert d.jacobian == "-np.kron(inv(X), inv(X).T)"
    assert derive("X'", "X").derivative == "I ⊠ I"
    assert derive("A*X*B", "X").derivative == "A ⊗ Bᵀ"
    assert derive("X*X", "X").derivative == "I ⊗ Xᵀ + X ⊗ I"
    assert derive("x'*A*x", "x", {"x": "n"}, hessian=True).hessian == "A + A.T"


def test_zero_jacobian_and_identity(capsys):
    lines = run(capsys, "A*B", "A", {}, "--shape", "B=n,m")
    args = inputs("A*B", "A", {"B": "n,m"})
    jac = eval(lines["Jacobian"], {**NAMESPACE, **args})
    assert close(jac, fd_jacobian(lambda A, B: A @ B, args, "A"), 1e-6)
    lines = run(capsys, "B*C", "C", {}, "--shape", "A=n,n")
    args = inputs("B*C", "C", {})
    assert close(eval(lines["Jacobian"], {**NAMESPACE, **args}), np.kron(args["B"], np.eye(N)), 0)
    lines = run(capsys, "X", "X", {})
    assert close(eval(lines["Jacobian"], {**NAMESPACE, **inputs("X", "X", {})}), np.eye(N * N), 0)
    lines = run(capsys, "trace(A*X)", "X", {}, "--hessian")
    hess = eval(lines["Hessian"], {**NAMESPACE, **inputs("trace(A*X)", "X", {})})
    assert close(hess, np.zeros((N * N, N * N)), 0)


def test_latex_of_matrix_derivatives(capsys):
    lines = run(capsys, "inv(X)", "X", {}, "--latex")
    assert r"\otimes" in lines["LaTeX"] and "X^{-1}" in lines["LaTeX"]
    assert r"\operatorname{vec} F" in lines["LaTeX"]
    lines = run(capsys, "X*A*X'", "X", {}, "--latex")
    assert r"\boxtimes" in lines["LaTeX"] and r"\otimes" in lines["LaTeX"]
    lines = run(capsys, "logdet(X)", "X", {}, "--latex", "--hessian")
    assert r"\frac{\partial^2 f}" in lines["LaTeX"] and r"\boxtimes" in lines["LaTeX"]
    assert "\\texttt" not in lines["LaTeX"] and "\x00" not in lines["LaTeX"]


def test_diagonal_shape(capsys):
    """`--shape D=diag(n,n)`: the grammar of model annotations; the gradient is diagonal."""
    lines = run(capsys, "trace(D*A) + logdet(D)", "D", {"D": "diag(n,n)"})
    args = inputs("trace(D*A)", "D", {"D": "diag(n,n)"}, seed=4)
    grad = eval(lines["Derivative"], {**NAMESPACE, **args})
    D, A = args["D"], args["A"]
    for i in range(N):
        e = np.zeros((N, N))
        e[i, i] = 1.0

        def f(D):
            return np.trace(D @ A) + np.linalg.slogdet(D)[1]

        assert abs(grad[i, i] - central(f, D, e)) < 1e-6
    assert np.all(grad[~np.eye(N, dtype=bool)] == 0)


def _random_expression(rng, depth: int) -> tuple[str, object]:
    """A random matrix expression of X, A, B in the talk's syntax and the same in NumPy."""
    if depth == 0:
        name = str(rng.choice(["X", "X", "A", "B"]))
        return name, lambda v, name=name: v[name]
    kind = int(rng.integers(8))
    a, fa = _random_expression(rng, depth - 1)
    if kind in (0, 1, 2, 3):
        b, fb = _random_expression(rng, depth - 1)
        op, np_op = [
            ("*", np.matmul),
            ("+", np.add),
            ("-", np.subtract),
            (".*", np.multiply),
        ][kind]
        return f"({a} {op} {b})", lambda v: np_op(fa(v), fb(v))
    if kind == 4:
        return f"({a})'", lambda v: fa(v).T
    if kind == 5:
        return f"inv(3*I + {a})", lambda v: inv(3 * np.eye(N) + fa(v))
    if kind == 6:
        return f"exp({a}/4)", lambda v: np.exp(fa(v) / 4)
    return f"2*{a}", lambda v: 2 * fa(v)


@pytest.mark.parametrize("seed", range(24))
def test_random_expressions(capsys, seed):
    """Random compositions of the talk's operations: the printed Jacobian (and the Hessian of
    the trace of the expression times X) against finite differences of NumPy."""
    rng = np.random.default_rng(100 + seed)
    expr, f = _random_expression(rng, 3)
    if "X" not in expr:
        expr, f0 = f"({expr} + X)", f
        f = lambda v, f0=f0: f0(v) + v["X"]
    args = {k: rng.standard_normal((N, N)) * 0.3 for k in "XAB"}

    def fn(**kw):
        return f(kw)

    lines = run(capsys, expr, "X", {})
    used = {k: args[k] for k in derive(expr, "X").shapes}
    jac = eval(lines["Jacobian"], {**NAMESPACE, **used})
    assert close(jac, fd_jacobian(lambda **kw: fn(**{**args, **kw}), used, "X"), 1e-6), lines
    scalar = f"trace(({expr})*X)"
    lines = run(capsys, scalar, "X", {}, "--hessian")
    used = {k: args[k] for k in derive(scalar, "X").shapes}
    hess = eval(lines["Hessian"], {**NAMESPACE, **used})

    def g(**kw):
        return np.trace(f({**args, **kw}) @ kw["X"])

    assert close(hess, fd_hessian(g, used, "X"), 1e-5), lines
