"""NumPy's in-place idioms, rewritten functionally so each has the right adjoint:

    K[np.diag_indices_from(K)] += a        K = K + a·I          (or + diag(a) for a vector)
    A.flat[::n + 1] += c                   the same diagonal, spelled through .flat
    np.fill_diagonal(A, v)                 A = A − diag(diag A) + v·I
    X[i] = v, X[:, j] += v, ...            X = X + scatter(new − X[key])  (constant keys)

The array must be one the function created or received (names are values: the caller's
array is never written, since the generated code works on the rewritten value).
"""

from __future__ import annotations

import ast

from .diagnostics import CompileError, ShapeError
from .ir import Value
from .rules.base import loc, square

_UPDATES = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}


def _loc(node):
    return loc(node)


def _diagonal_key(b, target: ast.Subscript, x: Value) -> bool:
    """target is X[np.diag_indices_from(X)], X[np.diag_indices(n)] or X.flat[::n + 1]."""
    key = target.slice
    if isinstance(key, ast.Call) and b.dotted(key.func) in (
        "numpy.diag_indices_from",
        "numpy.diag_indices",
    ):
        return True
    if isinstance(target.value, ast.Attribute) and target.value.attr == "flat":
        if not (isinstance(key, ast.Slice) and key.lower is None and key.upper is None):
            return False
        if key.step is None:
            return False
        step = b.value(key.step)
        _need_square(b, x, target)
        n = b.g.find(x.shape[0])
        fixed = b.g.dim_info(n).fixed
        if step.is_const() and isinstance(fixed, int):
            return step.attr("value") == fixed + 1
        if step.op == "add":
            for s, one in (step.args, reversed(step.args)):
                if (
                    one.is_const(1.0)
                    and s.op == "dim"
                    and b.g.find(s.args[0].shape[s.attr("axis")]) == n
                ):
                    return True
        return False
    return False


def _base(target: ast.Subscript) -> ast.expr:
    v = target.value
    if isinstance(v, ast.Attribute) and v.attr == "flat":
        return v.value
    return v


def _diag_matrix(b, x: Value, v: Value) -> Value:
    g = b.g
    if v.rank == 0:
        return g.op("mul", v, g.op("eye", dim=g.find(x.shape[0])))
    return g.op("diag_embed", v)


def updated_name(stmt: ast.stmt) -> str | None:
    """The name whose array an in-place idiom would update (X[key] = v, X[key] += v,
    A.flat[...] += c, np.fill_diagonal(A, v)), else None."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        is_fill = isinstance(call.func, ast.Attribute) and call.func.attr == "fill_diagonal"
        if is_fill and call.args and isinstance(call.args[0], ast.Name):
            return call.args[0].id
        return None
    target = None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
    elif isinstance(stmt, ast.AugAssign):
        target = stmt.target
    if isinstance(target, ast.Subscript):
        base = _base(target)
        while isinstance(base, ast.Subscript):  # X[0][1] = v updates X
            base = base.value
        return base.id if isinstance(base, ast.Name) else None
    return None


def in_place(b, stmt: ast.stmt) -> bool:
    """Compile stmt if it is one of the in-place idioms; False if it is not one."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        if b.dotted(call.func) != "numpy.fill_diagonal":
            return False
        if len(call.args) != 2 or call.keywords or not isinstance(call.args[0], ast.Name):
            raise CompileError("np.fill_diagonal(A, v) needs a named array and a value", _loc(call))
        name = call.args[0].id
        x, v = b.value(call.args[0]), b.value(call.args[1])
        _need_square(b, x, call)
        g = b.g
        b.g.at = _loc(call)
        cleared = g.op("sub", x, g.op("diag_embed", g.op("diag_of", x)))
        b.assign(ast.Name(name, ast.Store()), g.op("add", cleared, _diag_matrix(b, x, v)))
        return True
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, op = stmt.targets[0], None
    elif isinstance(stmt, ast.AugAssign):
        target, op = stmt.target, _UPDATES.get(type(stmt.op))
        if op is None:
            return False
    else:
        return False
    if not isinstance(target, ast.Subscript):
        return False
    base = _base(target)
    if not isinstance(base, ast.Name):
        raise CompileError(
            "only a named array can be updated in place", _loc(target), "e.g. X[0] = v"
        )
    x = b.value(base)
    v = b.value(stmt.value)
    g = b.g
    if _diagonal_key(b, target, x):
        _need_square(b, x, target)
        g.at = _loc(stmt)
        if op is None:  # the diagonal replaced
            cleared = g.op("sub", x, g.op("diag_embed", g.op("diag_of", x)))
            new = g.op("add", cleared, _diag_matrix(b, x, v))
        elif op in ("add", "sub"):
            new = g.op(op, x, _diag_matrix(b, x, v))
        else:  # scale the diagonal: d ← d ∘ v (or d / v)
            d = g.op("diag_of", x)
            new = g.op(
                "add", g.op("sub", x, g.op("diag_embed", d)), g.op("diag_embed", g.op(op, d, v))
            )
        b.assign(ast.Name(base.id, ast.Store()), new)
        return True
    if isinstance(target.value, ast.Attribute):
        raise CompileError(
            "this in-place update is not supported",
            _loc(target),
            "supported: X[key] = v with constant keys, K[np.diag_indices_from(K)] += a, "
            "A.flat[::n + 1] += c, np.fill_diagonal(A, v)",
        )
    key = b.key(target.slice)
    g.at = _loc(stmt)
    current = g.op("index", x, key=key)
    new_part = v if op is None else g.op(op, current, v)
    delta = g.op("sub", new_part, current)  # broadcast to the indexed shape
    if not g.same_shape(delta.shape, current.shape):
        raise ShapeError(
            "the assigned value does not have the shape of the indexed part",
            _loc(stmt),
            "assign a scalar or an array of the selected shape",
        )
    scattered = g.op("scatter", delta, key=key, shape=g.find_shape(x.shape))
    b.assign(ast.Name(base.id, ast.Store()), g.op("add", x, scattered))
    return True


def _need_square(b, x: Value, node) -> None:
    b.g.at = _loc(node)
    square(b.g, x, "the diagonal idiom")
