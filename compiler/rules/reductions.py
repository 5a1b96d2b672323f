"""Reductions to fewer dimensions: sums, means, extrema, traces, inner products and norms.
Their derivatives are Reduce forms (the adjoint broadcasts back) or Outer forms ⟨A, dX⟩.
"""

from __future__ import annotations

from ..diagnostics import CompileError, ShapeError
from ..forms import Compose, Hadamard, Outer, Reduce
from ..ir import GENERAL, Value
from .base import (
    ATOM,
    Rule,
    axes_reduce,
    is_eye,
    loc,
    need,
    rank_name,
    scalar,
    square,
)


def _sum_axes(g, args, attrs):
    (x,) = args
    axes = attrs["axes"]
    need(
        all(0 <= a < x.rank for a in axes),
        g,
        f"axis out of range for {rank_name(x.rank)}",
    )
    return Reduce(axes, attrs["keepdims"]).out_shape(g, x.shape), GENERAL


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
    if x.op == "mul":
        a, b = x.args
        for m, other in ((a, b), (b, a)):
            if is_eye(m) and other.rank == 2:  # ⟨X, I⟩ = tr X
                return g.op("trace", other)
            if m.rank == 0 and other.rank > 0:  # scalars move out of sums
                return g.op("mul", m, g.op("sum", other))
    return None


def _vdot(g, args, attrs, shape):
    """Scalar factors and signs come out: Σ (s A) ∘ B = s Σ A ∘ B."""
    a, b = args
    for x, other in ((a, b), (b, a)):
        if x.op == "neg":
            return g.op("neg", g.op("vdot", x.args[0], other))
        if x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank > 0:
            return g.op("mul", x.args[0], g.op("vdot", x.args[1], other))
        if x.op == "div" and x.args[1].rank == 0 and x.args[0].rank > 0:
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


def _nuc_form(g, y, x):
    """d‖X‖_* = ⟨U Vᵀ, dX⟩ (full column rank)."""
    return Outer(g.op("matmul", g.op("svd_u", x), g.op("svd_vt", x)))


RULES: dict[str, Rule] = {
    "sum": Rule(
        "np.sum({0})",
        scalar,
        (lambda g, y, a: Reduce(),),
        simplify=_sum,
        rewrite=inner_products,
    ),
    "sum_axes": Rule(
        "np.sum({0}, axis={axes}{keepdims})",
        _sum_axes,
        (lambda g, y, a: Reduce(y.attr("axes"), y.attr("keepdims")),),
    ),
    # Σ A ∘ B for arrays of one shape, without the temporary (made by the optimizer)
    "vdot": Rule(
        "np.vdot({0}, {1})",
        scalar,
        (lambda g, y, a, b: Outer(b), lambda g, y, a, b: Outer(a)),
        simplify=_vdot,
        commutative=True,
    ),
    # d tr(X) = ⟨I, dX⟩
    "trace": Rule(
        "np.trace({0})",
        _trace,
        (lambda g, y, a: Outer(_eye_like(g, a)),),
        calls=("numpy.trace",),
        rewrite=trace_of_product,
    ),
    # d‖X‖ = ⟨X/‖X‖, dX⟩ (Frobenius for matrices, 2-norm for vectors)
    "norm": Rule("np.linalg.norm({0})", _norm, (lambda g, y, a: Outer(g.op("div", a, y)),)),
    # max/min spread the derivative evenly over ties
    "mean": Rule("np.mean({0})", scalar, (_mean_form,)),
    "mean_axes": Rule("np.mean({0}, axis={axes}{keepdims})", axes_reduce, (_mean_form,)),
    "max": Rule("np.max({0})", scalar, (_extremum_form,)),
    "max_axes": Rule("np.max({0}, axis={axes}{keepdims})", axes_reduce, (_extremum_form,)),
    "min": Rule("np.min({0})", scalar, (_extremum_form,)),
    "min_axes": Rule("np.min({0}, axis={axes}{keepdims})", axes_reduce, (_extremum_form,)),
    "size": Rule("{0}.size", scalar, (None,), ATOM, (ATOM,)),
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
    raise CompileError(
        f"np.linalg.norm with ord={ord!r} is not in the matrix language",
        loc(node),
        "supported: the Frobenius norm (default, 'fro') and the 2-norm of a vector; for matrices "
        "ord=2 (largest singular value) and 'nuc' (nuclear norm)",
    )


CALLS = {
    "numpy.sum": _reduction("sum"),
    "numpy.mean": _reduction("mean"),
    "numpy.max": _reduction("max"),
    "numpy.amax": _reduction("max"),
    "numpy.min": _reduction("min"),
    "numpy.amin": _reduction("min"),
    "numpy.linalg.norm": _norm_call,
}
