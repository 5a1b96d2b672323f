"""Code generation (compiler/codegen.py), against NumPy running the model: operator
precedence and parentheses (the printed expression computes what the model's does), the
gradient it prints against central differences, determinism, the import header derived from
what the code uses, and `del` never before a last use."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
from helpers import central_gradient
from matgradc.api import compile_model

ROOT = Path(__file__).resolve().parent.parent
N = 3


def compiled(body: str, fn: str = "f"):
    """The generated module's namespace and the model's own function, run by NumPy."""
    source = "import numpy as np\n\n\n" + body + "\n"
    text = compile_model(source, fn).module
    module: dict = {}
    exec(compile(text, f"<grad_{fn}>", "exec"), module)  # noqa: S102 -- generated code
    model: dict = {}
    exec(compile(source, "<model>", "exec"), model)  # noqa: S102 -- the test's own model
    return text, module, model[fn]


# Expressions whose parentheses matter: a printer that drops or misplaces one computes
# something else. a, b, c are positive (n,n) matrices, x a vector, s a scalar.
EXPRESSIONS = [
    "a - (b - c)",
    "a - b - c",
    "a / (b / c)",
    "a / b / c",
    "a / (b * c)",
    "(a + b) * c",
    "a + b * c",
    "-(a ** 2)",
    "(-a) ** 2",
    "-a ** 2",
    "a ** (s ** 0.5)",
    "(a ** s) ** 0.5",
    "-s ** 2 * a",
    "2.0 ** -s * a",
    "a ** -s",
    "a @ (b @ c)",
    "a @ b - c @ a",
    "(a - b) @ c",
    "a - b @ c",
    "(a - b).T @ c",
    "(a @ b).T",
    "-(a @ b).T",
    "a @ -b",
    "(a + b)[0] * x",
    "x @ (a - b) @ x",
    "s * (a - b) / (s - c)",
    "1 / (1 + np.exp(-a))",
    "np.sum(a - b, axis=0) * x",
    "a - (s - (b - x))",
]


def positive(rng, shape):
    return rng.uniform(0.5, 1.5, shape)


@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_printed_expressions_compute_what_the_model_does(expr):
    body = (
        "def f(a: 'n,n', b: 'n,n', c: 'n,n', x: 'n', s: 'scalar'):\n"
        f"    return np.sum(np.sin({expr}))"
    )
    text, module, f = compiled(body)
    rng = np.random.default_rng(len(expr))
    args = [positive(rng, (N, N)) for _ in range(3)] + [rng.standard_normal(N), 1.3]
    assert np.isclose(module["f"](*args), f(*args), rtol=1e-12, atol=1e-12), text
    value, grads = module["value_and_grad_f"](*args)
    assert np.isclose(value, f(*args), rtol=1e-12, atol=1e-12)
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


def test_a_random_expression_tree_prints_faithfully():
    """Random trees of + - * / @ unary minus and transpose: the printed value is the model's."""
    rng = np.random.default_rng(7)

    def tree(depth, matrix):
        """An expression of the matrices a, b, c (and the scalar s when not `matrix`)."""
        if depth == 0:
            return str(rng.choice(["a", "b", "c"] if matrix else ["a", "b", "s", "2.0"]))
        kind = int(rng.integers(7))
        if kind == 5:
            return f"-({tree(depth - 1, matrix)})" if rng.integers(2) else f"-{tree(0, matrix)}"
        if kind == 6:
            return f"({tree(depth - 1, True)}).T"
        if kind == 4:
            return f"({tree(depth - 1, True)} @ {tree(depth - 1, True)})"
        op = ["+", "-", "*", "/"][kind]
        return f"({tree(depth - 1, matrix)} {op} {tree(depth - 1, matrix)})"

    for _ in range(12):
        expr = tree(3, False)
        body = (
            "def f(a: 'n,n', b: 'n,n', c: 'n,n', s: 'scalar'):\n"
            f"    return np.sum(np.sin(a + {expr}))"
        )
        text, module, f = compiled(body)
        args = [positive(rng, (N, N)) for _ in range(3)] + [1.7]
        assert np.isclose(module["f"](*args), f(*args), rtol=1e-10, atol=1e-12), (expr, text)


def test_output_is_deterministic():
    body = (
        "def f(A, B, x: 'n'):\n    C = A @ B\n    return x @ np.linalg.solve(C, x) + np.sum(C * C)"
    )
    assert compiled(body)[0] == compiled(body)[0]


def generated_modules() -> list[Path]:
    return sorted((ROOT / "generated").glob("grad_*.py"))


@pytest.mark.parametrize("path", generated_modules(), ids=lambda p: p.stem)
def test_imports_are_what_the_code_uses(path):
    """The header is derived from what was emitted (sympy's printers' habit): a module is
    imported if and only if the code names it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    assert "numpy" in imported.get("np", "")
    assert {name for name in imported if name not in used} == set(), imported
    dotted = {
        ast.unparse(n)
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Attribute | ast.Name)
    }
    if "scipy" in imported:  # each scipy submodule the code calls is imported
        for sub in ("linalg", "special", "sparse"):
            if any(d.startswith(f"scipy.{sub}.") for d in dotted):
                assert any(m.startswith(f"scipy.{sub}") for m in imported.values()), sub


def _names(node: ast.AST, ctx) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}


def _check_dels(stmts: list[ast.stmt], assigned: set[str], deleted: set[str]) -> int:
    """Walk `stmts` in order (into the bodies of branches and loops): no read of a deleted
    name, no deletion of a name never assigned. Returns the number of `del` statements;
    `assigned` and `deleted` are updated as the code after the statements sees them (a name
    deleted on a path that goes on counts as deleted)."""
    deletions = 0
    for stmt in stmts:
        if isinstance(stmt, (ast.If, ast.For, ast.While)):
            head = stmt.test if isinstance(stmt, (ast.If, ast.While)) else stmt.iter
            reads = _names(head, ast.Load)
            assert not (reads & deleted), (ast.unparse(head), reads & deleted)
            inner = _names(stmt.target, ast.Store) if isinstance(stmt, ast.For) else set()
            for body in (stmt.body, stmt.orelse):
                seen, gone = assigned | inner, set(deleted)
                deletions += _check_dels(body, seen, gone)
                if not (body and isinstance(body[-1], (ast.Return, ast.Raise))):
                    assigned |= seen  # the code after the block runs after this body
                    deleted |= gone
            continue
        reads = _names(stmt, ast.Load)
        assert not (reads & deleted), (ast.unparse(stmt), reads & deleted)
        if isinstance(stmt, ast.Delete):
            gone = _names(stmt, ast.Del)
            assert gone <= assigned, gone - assigned
            deleted |= gone
            deletions += 1
        stores = _names(stmt, ast.Store)
        assigned |= stores
        deleted -= stores
    return deletions


@pytest.mark.parametrize("path", generated_modules(), ids=lambda p: p.stem)
def test_del_never_precedes_a_use(path):
    """A temporary is freed after its last use: no statement reads a deleted name before it
    is assigned again, and nothing is deleted that was never assigned, in branches and loop
    bodies too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    deletions = 0
    for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        deletions += _check_dels(fn.body, {a.arg for a in fn.args.args}, set())
    # every `del` of the module was walked (none hides in a block the walk skipped)
    assert deletions == sum(isinstance(n, ast.Delete) for n in ast.walk(tree))


@pytest.mark.parametrize(
    "body, bad",
    [
        ("t = x\ndel t\ny = t", True),
        ("t = x\nif c:\n    del t\ny = t", True),  # deleted on a path that goes on
        ("t = x\nif c:\n    del t\n    return 0\ny = t", False),  # that path has returned
        ("t = x\nfor i in r:\n    u = t\ndel t", False),
        ("del t", True),  # never assigned
    ],
)
def test_the_del_check_can_fail(body, bad):
    stmts = ast.parse(body).body
    if bad:
        with pytest.raises(AssertionError):
            _check_dels(stmts, {"x", "c", "r"}, set())
    else:
        _check_dels(stmts, {"x", "c", "r"}, set())
