"""Reductions to fewer dimensions: sums, means, extrema, traces, inner products and norms.
Their derivatives are Reduce forms (the adjoint broadcasts back) or Outer forms ⟨A, dX⟩.
"""

from __future__ import annotations

import ast

from ..diagnostics import CompileError, ShapeError
from ..forms import Compose, CumSum, Hadamard, Outer, Reduce, chain
from ..ir import GENERAL, Value
from .base import (
    ATOM,
    Rule,
    const_int,
    factorable,
    is_eye,
    linear,
    loc,
    need,
    over_axes,
    rank_name,
    same,
    scalar,
    square,
    unsupported,
)
from .linalg import cholesky_log_diag


def _trace(g, args, attrs):
    square(g, args[0], "np.trace")
    return (), GENERAL


def _norm(g, args, attrs):
    (x,) = args
    need(
        x.rank in (1, 2),
        g,
        f"np.linalg.norm needs a vector or matrix, got {rank_name(x.rank)}",
    )
    return (), GENERAL


def _matrix_norm(who):
    def rule(g, args, attrs):
        need(args[0].rank == 2, g, f"{who} needs a matrix")
        return (), GENERAL

    return rule


# -- local identities ----------------------------------------------------------------
def _sum(g, args, attrs, shape):
    (x,) = args
    half_logdet = cholesky_log_diag(g, x)  # Σ log diag L = ½ log det K (rules/linalg.py)
    if half_logdet is not None:
        return half_logdet
    if x.op == "mul":
        a, b = x.args
        for m, other in ((a, b), (b, a)):
            if is_eye(m) and other.rank == 2:  # ⟨X, I⟩ = tr X
                return g.op("trace", other)
            if m.rank == 0 and other.rank > 0 and factorable(m):  # scalars move out of sums
                return g.op("mul", m, g.op("sum", other))
    return None


def _trace_simplify(g, args, attrs, shape):
    """tr(s A) = s tr A: the scalar scales a number, not an n×n array."""
    (x,) = args
    if x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank == 2 and factorable(x.args[0]):
        return g.op("mul", x.args[0], g.op("trace", x.args[1]))
    return None


def _vdot(g, args, attrs, shape):
    """Scalar factors and signs come out: Σ (s A) ∘ B = s Σ A ∘ B. Transposes go where they
    cost nothing: Σ Aᵀ ∘ Bᵀ = Σ A ∘ B, Σ S ∘ Bᵀ = Σ S ∘ B for a symmetric S (np.vdot copies a
    transposed argument into C order first: 100× the dot at n = 1024), and a last one goes on
    the second argument."""
    a, b = args
    if a.rank == 2 and b.rank == 2:
        if a.op == "transpose" and b.op == "transpose":
            return g.op("vdot", a.args[0], b.args[0])
        if a.is_symmetric and b.op == "transpose":
            return g.op("vdot", a, b.args[0])
        if b.is_symmetric and a.op == "transpose":
            return g.op("vdot", a.args[0], b)
        if a.op == "transpose":  # Σ Aᵀ ∘ B = Σ A ∘ Bᵀ: one spelling, shared (tr(AB) = tr(BᵀAᵀ))
            return g.op("vdot", a.args[0], g.op("transpose", b))
    for x, other in ((a, b), (b, a)):
        if x.op == "neg":
            return g.op("neg", g.op("vdot", x.args[0], other))
        if x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank > 0 and factorable(x.args[0]):
            return g.op("mul", x.args[0], g.op("vdot", x.args[1], other))
        if x.op == "div" and x.args[1].rank == 0 and x.args[0].rank > 0 and factorable(x.args[1]):
            return g.op("div", g.op("vdot", x.args[0], other), x.args[1])
    return None


# -- optimizer rewrites ----------------------------------------------------------------
def trace_of_product(g, v: Value, args: list[Value], count) -> Value | None:
    """tr(A B) = Σ A ∘ Bᵀ: O(n²) instead of O(n³), when the product serves nothing else;
    tr(X ± Y) = tr X ± tr Y first, so that each product can go."""
    if count.get(v.args[0].id, 0) != 1:
        return None
    x = args[0]
    if x.op == "matmul":
        a, b = x.args
        if a.rank == 2 and b.rank == 2:
            return g.op("sum", g.op("mul", a, g.op("transpose", b)))
    if x.op in ("add", "sub") and all(t.rank == 2 for t in x.args):
        return g.op(x.op, g.op("trace", x.args[0]), g.op("trace", x.args[1]))
    return None


def inner_products(g, v: Value, args: list[Value], count) -> Value | None:
    """Σ A ∘ B over arrays of one shape is np.vdot(A, B): no temporary array."""
    if args[0].op == "mul" and count.get(v.args[0].id, 0) == 1:
        a, b = args[0].args
        if a.rank >= 1 and g.same_shape(a.shape, b.shape) and a.dtype == b.dtype == "real":
            return g.op("vdot", a, b)
    return None


# -- derivatives -----------------------------------------------------------------------
def _eye_like(g, x):
    return g.op("eye", dim=g.find(x.shape[0]))


def _mean_form(g, y, x):
    """dy = mean(dX) = sum(dX) / count."""
    axes = y.attr("axes")
    count = g.op("size", x) if axes is None else None
    for a in axes or ():
        d = g.op("dim", x, axis=a)
        count = d if count is None else g.op("mul", count, d)
    reduce = Reduce(axes, bool(y.attr("keepdims")))
    return Compose(Hadamard(count, y.shape, divide=True), reduce)


def _extremum_form(g, y, x):
    """The subgradient of max/min: dy = Σ W ∘ dX with W spread evenly over the ties
    (the convention of JAX's reduce_max and PyTorch's amax)."""
    axes = y.attr("axes")
    keep = y if axes is None or y.attr("keepdims") else g.op("expand_dims", y, axes=axes)
    hit = g.op("equal", x, keep)
    count = g.op("sum", hit) if axes is None else g.op("sum_axes", hit, axes=axes, keepdims=True)
    reduce = Reduce(axes, bool(y.attr("keepdims")))
    return Compose(reduce, Hadamard(g.op("div", hit, count), x.shape))


def _norm2_form(g, y, x):
    """d‖X‖₂ = ⟨u₁ v₁ᵀ, dX⟩ for the top singular pair."""
    U, Vt = g.op("svd_u", x), g.op("svd_vt", x)
    u1 = g.op("index", U, key=(("s", None, None, None), ("i", 0)))
    v1 = g.op("index", Vt, key=(("i", 0),))
    return Outer(g.op("outer", u1, v1))


def _norm_m2_form(g, y, x):
    """d σ_min = ⟨u_min v_minᵀ, dX⟩ for the bottom singular pair (distinct from the others)."""
    U, Vt = g.op("svd_u", x), g.op("svd_vt", x)
    u = g.op("index", U, key=(("s", None, None, None), ("i", -1)))
    v = g.op("index", Vt, key=(("i", -1),))
    return Outer(g.op("outer", u, v))


def _nuc_form(g, y, x):
    """d‖X‖_* = ⟨U Vᵀ, dX⟩ (full column rank)."""
    return Outer(g.op("matmul", g.op("svd_u", x), g.op("svd_vt", x)))


RULES: dict[str, Rule] = {
    "sum": Rule(
        "np.sum({0})",
        scalar,
        (linear(Reduce),),
        simplify=_sum,
        rewrite=inner_products,
        any_rank=True,
    ),
    "sum_axes": over_axes("np.sum", linear(Reduce, "axes", "keepdims"), any_rank=True),
    # Σ A ∘ B for arrays of one shape, without the temporary (made by the optimizer)
    "vdot": Rule(
        "np.vdot({0}, {1})",
        scalar,
        (lambda g, y, a, b: Outer(b), lambda g, y, a, b: Outer(a)),
        simplify=_vdot,
        commutative=True,
        any_rank=True,
    ),
    # d tr(X) = ⟨I, dX⟩
    "trace": Rule(
        "np.trace({0})",
        _trace,
        (lambda g, y, a: Outer(_eye_like(g, a)),),
        simplify=_trace_simplify,
        rewrite=trace_of_product,
        batched="trace_batched",
    ),
    # d‖X‖ = ⟨X/‖X‖, dX⟩ (Frobenius for matrices, 2-norm for vectors)
    "norm": Rule("np.linalg.norm({0})", _norm, (lambda g, y, a: Outer(g.op("div", a, y)),)),
    # max/min spread the derivative evenly over ties
    "mean": Rule("np.mean({0})", scalar, (_mean_form,), any_rank=True),
    "mean_axes": over_axes("np.mean", _mean_form, any_rank=True),
    "max": Rule("np.max({0})", scalar, (_extremum_form,), any_rank=True),
    "max_axes": over_axes("np.max", _extremum_form, any_rank=True),
    "min": Rule("np.min({0})", scalar, (_extremum_form,), any_rank=True),
    "min_axes": over_axes("np.min", _extremum_form, any_rank=True),
    "size": Rule("{0}.size", scalar, (None,), ATOM, (ATOM,), any_rank=True),
    "norm2": Rule("np.linalg.norm({0}, 2)", _matrix_norm("np.linalg.norm(X, 2)"), (_norm2_form,)),
    "norm_nuc": Rule(
        'np.linalg.norm({0}, "nuc")',
        _matrix_norm("np.linalg.norm(X, 'nuc')"),
        (_nuc_form,),
    ),
}


# -- the frontend's calls --------------------------------------------------------------
def _axes(node, x: Value, axis) -> tuple[int, ...] | None:
    if axis is None:
        return None
    axes = axis if isinstance(axis, tuple) else (axis,)
    if not all(type(a) is int and -x.rank <= a < x.rank for a in axes):
        raise ShapeError(
            f"axis={axis!r} is out of range for an array of {x.rank} dimensions",
            loc(node),
        )
    return tuple(sorted(a % x.rank for a in axes))


def _reduction(op: str):
    """np.sum / np.mean / np.max / np.min, whole-array or along axis= (keepdims=)."""

    def handler(b, node, x, axis=None, keepdims=False):
        axes = _axes(node, x, axis)
        if axes is None and not keepdims:
            return b.g.op(op, x)
        if axes is None:
            axes = tuple(range(x.rank))
        return b.g.op(f"{op}_axes", x, axes=axes, keepdims=bool(keepdims))

    return handler


def _norm_call(b, node, x, ord=None):
    if isinstance(ord, Value):
        ord = ord.attr("value") if ord.is_const() else "?"
    if ord is None or (ord == "fro" and x.rank == 2) or (ord == 2 and x.rank == 1):
        return b.g.op("norm", x)
    if ord == 2 and x.rank == 2:
        return b.g.op("norm2", x)
    if ord == "nuc" and x.rank == 2:
        return b.g.op("norm_nuc", x)
    if ord in ("nuc", "fro") or (ord == 2 and x.rank == 0):  # a matrix norm of a non-matrix
        raise ShapeError(
            f"np.linalg.norm with ord={ord!r} needs {'a matrix' if ord != 2 else 'an array'}, "
            f"got {rank_name(x.rank)}",
            loc(node),
        )
    raise CompileError(
        f"np.linalg.norm with ord={ord!r} is not in the matrix language",
        loc(node),
        "supported: the Frobenius norm (default, 'fro') and the 2-norm of a vector; for matrices "
        "ord=2 (largest singular value) and 'nuc' (nuclear norm)",
    )


def _trace_call(b, node, x, offset=0):
    """np.trace(X) (square), np.trace(X, offset): the sum of a diagonal."""
    k = const_int(offset)
    if k is None:
        raise b.err("np.trace needs a constant offset", node)
    if x.rank > 2 and k == 0:  # the diagonals over the first two axes (rules/batched.py)
        return b.g.op("trace", x)
    if x.rank != 2:
        raise ShapeError(f"np.trace needs a matrix, got {rank_name(x.rank)}", loc(node))
    m, n = (b.g.dim_info(d).fixed for d in x.shape)
    if k == 0 and not (isinstance(m, int) and isinstance(n, int) and m != n):
        return b.g.op("trace", x)  # a square matrix (as before: the sizes are unified)
    mask = b.g.op("eye_k", shape=b.g.find_shape(x.shape), k=k)
    return b.g.op("sum", b.g.op("mul", x, mask))


CALLS = {
    "numpy.trace": _trace_call,
    "numpy.sum": _reduction("sum"),
    "numpy.mean": _reduction("mean"),
    "numpy.max": _reduction("max"),
    "numpy.amax": _reduction("max"),
    "numpy.min": _reduction("min"),
    "numpy.amin": _reduction("min"),
    "numpy.linalg.norm": _norm_call,
}


# -- products, moments, scans and norms (issue 9's vocabulary) ------------------------------
def _prod_form(g, y, x):
    """d Π X = Σ G ∘ dX with G the product of the other entries, exact at zeros (no y/x):
    where X ≠ 0, G = y/x (0 when another entry is 0); where X = 0, the product of the
    nonzero entries when this is the only zero, else 0. JAX computes the same with
    exclusive products (jax/_src/lax/control_flow reductions); autograd divides by x."""
    axes = y.attr("axes")
    keep = y if axes is None or y.attr("keepdims") else g.op("expand_dims", y, axes=axes)
    others = g.op("prod_others", x, keep, over=axes)
    return Compose(Reduce(axes, bool(y.attr("keepdims"))), Hadamard(others, x.shape))


def _over(axes) -> str:
    return "None" if axes is None else str(axes[0]) if len(axes) == 1 else str(tuple(axes))


def _prod_others_spelling(args, at):
    x, y = args
    over = _over(ast.literal_eval(at["over"]))
    nz = f"np.where({x} == 0, 1.0, {x})"
    return (
        f"np.where({x} == 0, np.prod({nz}, axis={over}, keepdims=True)"
        f" * (np.sum({x} == 0, axis={over}, keepdims=True) == 1), {y} / {nz})"
    )


def _cumprod_form(g, y, x):
    """y = cumprod(x): dyᵢ = Σ_{j≤i} (Π_{k≤i, k≠j} xₖ) dxⱼ = yᵢ cumsum(dx/x)ᵢ, which needs
    x ≠ 0 (autograd's rule): an entry equal to zero raises at run time, never a silent nan.
    (Exact at zeros would need the exclusive products of JAX's associative scan.)"""
    axis = y.attr("axis")
    return chain(Hadamard(y, y.shape), CumSum(axis), Hadamard(g.op("cumprod_recip", x), x.shape))


RULES.update(
    {
        "prod": Rule("np.prod({0})", scalar, (_prod_form,)),
        "norm_m2": Rule(
            "np.linalg.norm({0}, -2)", _matrix_norm("np.linalg.norm(X, -2)"), (_norm_m2_form,)
        ),
        "prod_axes": over_axes("np.prod", _prod_form),
        # the product of the other entries (the derivative of np.prod), exact at zeros
        "prod_others": Rule(
            _prod_others_spelling,
            same,
            (unsupported("the second derivative of np.prod"), None),
        ),
        # cumsum is linear: its derivative is itself (adjoint: the reversed cumulative sum)
        "cumsum": Rule(
            "np.cumsum({0}, axis={axis})",
            same,
            (linear(CumSum, "axis"),),
            any_rank=True,
        ),
        # 1/x for cumprod's derivative, refusing zeros (which would give 0/0)
        "cumprod_recip": Rule(
            "if np.any({0} == 0):\n"
            '    raise FloatingPointError("the derivative of np.cumprod at an entry equal to zero '
            'is not supported")\n'
            "{out} = 1.0 / {0}",
            same,
            (unsupported("the second derivative of np.cumprod"),),
            statements=True,
            any_rank=True,
        ),
        "cumprod": Rule(
            "np.cumprod({0}, axis={axis})",
            same,
            (_cumprod_form,),
            requires=("positive",),
            any_rank=True,
        ),
    }
)


def _count(g, x: Value, axes) -> Value:
    """The number of entries a reduction over `axes` (all when None) takes."""
    if axes is None:
        return g.op("size", x)
    count = None
    for a in axes:
        d = g.op("dim", x, axis=a)
        count = d if count is None else g.op("mul", count, d)
    return count


def _moment_options(b, node, x, axis, ddof, keepdims, who):
    axes = _axes(node, x, axis)
    d = ddof if not isinstance(ddof, Value) else ddof.attr("value") if ddof.is_const() else None
    if not isinstance(d, (int, float)) or isinstance(d, bool):
        raise b.err(f"{who} needs a constant ddof", node)
    return axes, float(d), bool(keepdims)


def _var_value(b, node, x, axis, ddof, keepdims, who):
    """var = Σ (x − mean)² / (N − ddof), built from sums and means (exact composites)."""
    g = b.g
    axes, d, keepdims = _moment_options(b, node, x, axis, ddof, keepdims, who)
    if x.rank == 0:
        raise ShapeError(f"{who} of a scalar", loc(node))
    mean = g.op("mean", x) if axes is None else g.op("mean_axes", x, axes=axes, keepdims=True)
    dev = g.op("sub", x, mean)
    sq = g.op("mul", dev, dev)
    if axes is None and not keepdims:
        total = g.op("sum", sq)
    else:
        total = g.op("sum_axes", sq, axes=axes or tuple(range(x.rank)), keepdims=keepdims)
    count = _count(g, x, axes)
    if d:
        count = g.op("sub", count, g.const(d))
    return g.op("div", total, count)


def _var(b, node, x, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    if dtype is not None or out is not None:
        raise b.err("np.var: dtype= and out= are not supported", node)
    return _var_value(b, node, x, axis, ddof, keepdims, "np.var")


def _std(b, node, x, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    if dtype is not None or out is not None:
        raise b.err("np.std: dtype= and out= are not supported", node)
    # where the variance is 0 every deviation is 0 and so is the variance's own derivative:
    # the square root's 1/(2 std) is then taken as 0 instead of giving 0/0
    return b.g.op("sqrt", _var_value(b, node, x, axis, ddof, keepdims, "np.std"), at_zero=0)


def _prod(b, node, x, axis=None, dtype=None, out=None, keepdims=False):
    if dtype is not None or out is not None:
        raise b.err("np.prod: dtype= and out= are not supported", node)
    return _reduction("prod")(b, node, x, axis, keepdims)


def _average(b, node, x, axis=None, weights=None, returned=False, keepdims=False):
    """np.average: the mean, or Σ w x / Σ w along the axes (weights of x's shape, or a
    vector along the one axis)."""
    g = b.g
    if returned:
        raise b.err("np.average(returned=True) is not supported", node, "compute Σw separately")
    if isinstance(axis, Value):
        axis = const_int(axis)
    if weights is None:
        return _reduction("mean")(b, node, x, axis, keepdims)
    if not isinstance(weights, Value):
        raise b.err("np.average needs an array of weights", node)
    axes = _axes(node, x, axis)
    w = weights
    if w.rank != x.rank:
        if not (w.rank == 1 and axes is not None and len(axes) == 1):
            raise ShapeError(
                "np.average: weights must have x's shape, or be a vector along the one axis",
                loc(node),
            )
        g.unify(w.shape[0], x.shape[axes[0]], "np.average (weights along the axis)", (x, w))
        if axes[0] != x.rank - 1:
            w = g.op("expand_dims", w, axes=tuple(range(1, x.rank - axes[0])))
    else:
        for d1, d2 in zip(x.shape, w.shape):
            g.unify(d1, d2, "np.average (weights)", (x, w))
    wx = g.op("mul", w, x)
    if axes is None and not keepdims:
        return g.op("div", g.op("sum", wx), g.op("sum", w))
    axes = axes or tuple(range(x.rank))
    num = g.op("sum_axes", wx, axes=axes, keepdims=keepdims)
    if weights.rank != x.rank:  # a vector of weights along the one axis
        den = g.op("sum", weights)
    else:
        den = g.op("sum_axes", w, axes=axes, keepdims=keepdims)
    return g.op("div", num, den)


def _scan(op: str):
    def handler(b, node, x, axis=None, dtype=None, out=None):
        if dtype is not None or out is not None:
            raise b.err(f"np.{op}: dtype= and out= are not supported", node)
        if isinstance(axis, Value):
            axis = const_int(axis)
        if x.rank > 2 and axis is None:
            raise ShapeError(
                f"np.{op} without axis= of an array of more than two dimensions",
                loc(node),
                "give the axis, or reshape the array to a vector first",
            )
        if axis is None:
            if x.rank != 1:
                x = (
                    b.g.op("reshape", x, shape=(b.g.product_dim(*x.shape),))
                    if x.rank == 2
                    else (b.g.op("reshape", x, shape=(b.g.new_dim(1),)))
                )
            axis = 0
        (a,) = _axes(node, x, axis)
        return b.g.op(op, x, axis=a)

    return handler


def _vector_norm(b, node, x, ord):
    g = b.g
    ax = g.op("abs", x)
    if ord == 1:
        return g.op("sum", ax)
    if ord == float("inf"):
        return g.op("max", ax)
    if ord == float("-inf"):
        return g.op("min", ax)
    if isinstance(ord, (int, float)) and not isinstance(ord, bool) and ord != 0:
        p = g.const(float(ord))
        return g.op("pow", g.op("sum", g.op("pow", ax, p)), g.const(1.0 / float(ord)))
    raise CompileError(
        f"np.linalg.norm of a vector with ord={ord!r} is not supported",
        loc(node),
        "supported: any nonzero number, np.inf and -np.inf (ord=0 counts entries: no gradient)",
    )


def _matrix_norm_call(b, node, x, ord):
    g = b.g
    if ord in (1, -1, float("inf"), float("-inf")):
        axis = (0,) if abs(ord) == 1 else (1,)
        sums = g.op("sum_axes", g.op("abs", x), axes=axis, keepdims=False)
        return g.op("max" if ord > 0 else "min", sums)
    if ord == -2:  # the smallest singular value
        return g.op("norm_m2", x)
    return None


def _norm_any(b, node, x, ord=None, axis=None, keepdims=False):
    if x.rank not in (1, 2):
        raise ShapeError(
            f"np.linalg.norm needs a vector or a matrix, got {rank_name(x.rank)}", loc(node)
        )
    if axis is not None or keepdims:
        raise b.err("np.linalg.norm with axis=/keepdims= is not supported yet", node)
    if isinstance(ord, Value):
        ord = ord.attr("value") if ord.is_const() else "?"
    if isinstance(ord, float) and ord.is_integer():
        ord = int(ord)
    if x.rank == 1 and ord not in (None, 2):
        return _vector_norm(b, node, x, ord)
    if x.rank == 2 and ord in (1, -1, -2, float("inf"), float("-inf")):
        return _matrix_norm_call(b, node, x, ord)
    if x.rank == 2 and isinstance(ord, (int, float)) and ord not in (2,):
        raise ShapeError(
            f"ord={ord!r} is not a matrix norm (NumPy rejects it too)",
            loc(node),
            "matrix norms: 'fro', 'nuc', 1, -1, 2, -2, np.inf, -np.inf",
        )
    return _norm_call(b, node, x, ord)


CALLS.update(
    {
        "numpy.prod": _prod,
        "numpy.var": _var,
        "numpy.std": _std,
        "numpy.average": _average,
        "numpy.cumsum": _scan("cumsum"),
        "numpy.cumprod": _scan("cumprod"),
        "numpy.linalg.norm": _norm_any,
    }
)
