"""Leaves and structure: parameters, constants, sizes, identity and zero matrices,
indexing and its adjoint (scatter), diagonals, triangles, broadcasting and symmetrization.
"""

from __future__ import annotations

from itertools import pairwise

from ..diagnostics import CompileError, ShapeError
from ..forms import (
    Adjoint,
    Box,
    Compose,
    DiagEmbed,
    DiagEmbedK,
    DiagOf,
    Diagonal,
    Hadamard,
    Index,
    Phi,
    Reduce,
    Reshape,
    Roll,
    Sum,
    Triangle,
    index_shape,
    reshape,
)
from ..ir import DIAGONAL, GENERAL, SYMMETRIC, Graph, Value
from .base import (
    ATOM,
    PerArgument,
    Rule,
    attr_shape,
    const_int,
    identity,
    linear,
    loc,
    mirrors,
    need,
    rank_name,
    same,
    square,
)
from .batched import move_axis, swap_axes


def _param(g, args, attrs):
    return tuple(attrs["dims"]), attrs["struct"]


def _scalar(g, args, attrs):
    return (), GENERAL


def _dim(g, args, attrs):
    (x,) = args
    axis = attrs["axis"]
    need(
        -x.rank <= axis < x.rank,
        g,
        f"shape index {axis} is out of range for {rank_name(x.rank)}",
    )
    return (), GENERAL


def _eye(g, args, attrs):
    return (attrs["dim"], attrs["dim"]), DIAGONAL


def _index(g, args, attrs):
    (x,) = args
    return index_shape(g, x.shape, attrs["key"]), GENERAL


def _expand_dims(g, args, attrs):
    (x,) = args
    shape = list(x.shape)
    for a in sorted(attrs["axes"]):
        shape.insert(a, g.new_dim(1))
    return tuple(shape), GENERAL


def _symmetrized(g, args, attrs):
    return args[0].shape, SYMMETRIC


def _symmetric_part(g, args, attrs, shape):
    """½(X + Xᵀ) moved inward, where it then reads the array the terms share instead of the
    n×n result: sym(Yᵀ) = sym(Y), sym(A Y Aᵀ) = A sym(Y) Aᵀ (symmetric by construction),
    and, where the move goes on deeper, sym(S ± Y) = S ± sym(Y) for a symmetric S and
    sym(c Y) = c sym(Y). The covariance gradient
    −Σ⁻¹ − Σ⁻¹(−2Σ⁻¹ − Sᵀ)Σ⁻¹ then averages S once instead of reading Sᵀ and the result's
    transpose (each n² read through a transpose: the slow direction of memory)."""
    (x,) = args
    if x.is_symmetric:
        return x

    def sym(y):
        return g.op("symmetrize", y)

    def moved(y):
        """sym(y), or None where it would only average y itself: no cheaper than x."""
        out = sym(y)
        return None if out.op == "symmetrize" and out.args[0] is y else out

    if x.op == "transpose":
        return sym(x.args[0])
    if x.op == "matmul":
        a, b = x.args
        if b.op == "matmul" and mirrors(a, b.args[1]):  # A (Y Aᵀ)
            return g.op("matmul", a, g.op("matmul", sym(b.args[0]), b.args[1]))
        if a.op == "matmul" and mirrors(a.args[0], b):  # (A Y) Aᵀ
            return g.op("matmul", g.op("matmul", a.args[0], sym(a.args[1])), b)
    if x.op == "neg" and (inner := moved(x.args[0])) is not None:
        return g.op("neg", inner)
    scaled = x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank == 2
    if scaled and (inner := moved(x.args[1])) is not None:
        return g.op("mul", x.args[0], inner)
    if x.op in ("add", "sub") and all(a.rank == 2 for a in x.args):
        a, b = x.args
        if a.is_symmetric and (inner := moved(b)) is not None:
            return g.op(x.op, a, inner)
        if b.is_symmetric and (inner := moved(a)) is not None:
            return g.op(x.op, inner, b)
    return None


def _diag_embed(g, args, attrs):
    (x,) = args
    need(x.rank == 1, g, "np.diag(v) builds a matrix from a vector")
    return (x.shape[0], x.shape[0]), DIAGONAL


def _diag_of(g, args, attrs):
    (x,) = args
    square(g, x, "np.diag(X)")
    return (x.shape[0],), GENERAL


def _diag_of_simplify(g, args, attrs, shape):
    """diag(I) = 1: a vector of ones, which products with it can see."""
    if args[0].op == "eye":
        return g.op("broadcast", g.const(1.0), shape=shape)
    return None


def _phi(g, args, attrs):
    square(g, args[0], "Φ")
    return args[0].shape, GENERAL


def _scatter_add_deriv(i: int):
    return lambda g, y, *args: Adjoint(Index(y.attr("keys")[i]), y.shape)


def _scatter_add_spelling(args, at):
    return "\n".join(
        [f"{at['out']} = np.zeros({at['shape']}{at['dtype_kw']})"]
        + [f"{at['out']}[{key}] += {a}" for key, a in zip(at["keys"], args)]
    )


def scatter_accumulation(g, v: Value, args: list[Value], count) -> Value | None:
    """scatter(a, k1) + scatter(b, k2) → one zeros array updated in place at k1 and k2
    (the optimizer's rewrite of `add`)."""
    if any(count.get(a.id, 0) != 1 for a in v.args):
        return None
    if not all(a.op in ("scatter", "scatter_add") for a in args):
        return None
    if not all(g.same_shape(a.shape, v.shape) for a in args):
        return None
    parts, keys = [], []
    for a in args:
        parts += list(a.args)
        keys += [a.attr("key")] if a.op == "scatter" else list(a.attr("keys"))
    return g.op("scatter_add", *parts, keys=tuple(keys), shape=g.find_shape(v.shape))


RULES: dict[str, Rule] = {
    # leaves
    "param": Rule("{name}", _param, leaf=True, any_rank=True),
    "const": Rule("{text}", _scalar, leaf=True, any_rank=True),
    "dim": Rule("{0}.shape[{axis}]", _dim, (None,), leaf=True, any_rank=True),
    "eye": Rule("np.eye({dim})", _eye),
    "zeros": Rule("np.zeros({shape})", attr_shape("shape"), any_rank=True),
    "broadcast": Rule("np.full({shape}, {0})", attr_shape("shape"), (identity,), any_rank=True),
    # indexing with constant keys; the adjoint scatters into zeros
    "index": Rule("{0}[{key}]", _index, (linear(Index, "key"),), ATOM, (ATOM,), any_rank=True),
    "scatter": Rule(
        "{out} = np.zeros({shape}{dtype_kw})\n{out}[{key}] = {0}",
        attr_shape("shape"),
        (lambda g, y, a: Adjoint(Index(y.attr("key")), y.shape),),
        statements=True,
        any_rank=True,
    ),
    # several scatters into one array: out = zeros; out[k1] += a; out[k2] += b
    "scatter_add": Rule(
        _scatter_add_spelling,
        attr_shape("shape"),
        PerArgument(_scatter_add_deriv),
        statements=True,
        any_rank=True,
    ),
    # ½ (G + Gᵀ): the gradient of a sym/spd parameter, with one temporary
    "symmetrize": Rule(
        "{out} = {0} + {0}.T\n{out} *= 0.5",
        _symmetrized,
        (
            lambda g, y, a: Compose(
                Hadamard(g.const(0.5), y.shape), Sum(Hadamard(None, y.shape), Box())
            ),
        ),
        statements=True,
        simplify=_symmetric_part,
    ),
    "expand_dims": Rule(
        "np.expand_dims({0}, {axes})",
        _expand_dims,
        (lambda g, y, a: Adjoint(Reduce(y.attr("axes")), y.shape),),
        any_rank=True,
    ),
    "tril": Rule("np.tril({0}{k})", same, (lambda g, y, a: Triangle(y.attr("k")),), any_rank=True),
    "triu": Rule(
        "np.triu({0}{k})", same, (lambda g, y, a: Triangle(y.attr("k"), upper=True),), any_rank=True
    ),
    "diag_embed": Rule("np.diag({0})", _diag_embed, (lambda g, y, a: DiagEmbed(),)),
    "diag_of": Rule(
        "np.diag({0})", _diag_of, (lambda g, y, a: DiagOf(),), simplify=_diag_of_simplify
    ),
    # Φ(X) of the Cholesky derivative: tril(X) with its diagonal halved, through a diagonal
    # view (einsum "ii->i" is writeable), with no n×n mask
    "phi": Rule(
        '{out} = np.tril({0})\nnp.einsum("ii->i", {out})[...] *= 0.5',
        _phi,
        (lambda g, y, a: Phi(),),
        statements=True,
    ),
}


# -- the frontend's calls --------------------------------------------------------------
def _eye_call(b, node, n):
    if n.op == "dim":
        return b.g.op("eye", dim=b.g.find(n.args[0].shape[n.attr("axis")]))
    if n.is_const() and float(n.attr("value")).is_integer() and n.attr("value") > 0:
        return b.g.op("eye", dim=b.g.new_dim(int(n.attr("value"))))
    raise CompileError(
        "np.eye(n) needs a size read from an input (X.shape[0], len(x)) or a constant",
        loc(node),
    )


def _triangle(op: str):
    def handler(b, node, x, k=0):
        k = const_int(k)
        if k is None:
            raise b.err(f"np.{op} needs a constant diagonal offset", node)
        if x.rank < 2:  # a stack of matrices: each one's triangle
            raise ShapeError(f"np.{op} needs a matrix", loc(node))
        return b.g.op(op, x, k=k)

    return handler


def _where(b, node, *args, **kwargs):
    raise b.err(
        "np.where is out of scope: its derivative depends on a comparison of inputs",
        node,
        "use np.maximum/np.minimum/np.abs (documented subgradients) or split the model",
    )


CALLS = {
    "numpy.eye": _eye_call,
    "numpy.tril": _triangle("tril"),
    "numpy.triu": _triangle("triu"),
    "numpy.where": _where,
}


# -- array constructors: zeros, ones, full, *_like, identity, empty (then filled) ----------
def _size_dim(b, node, v) -> int:
    """A dimension id from a size argument: X.shape[i], len(x), or a positive constant."""
    if isinstance(v, Value) and v.op == "dim":
        return b.g.find(v.args[0].shape[v.attr("axis")])
    k = const_int(v)
    if k is not None and k >= 0:
        return b.g.new_dim(k)
    raise b.err(
        "an array size must be read from an input (X.shape[0], len(x)) or be a constant",
        node,
        "e.g. np.zeros((X.shape[0], 3))",
    )


def _shape_arg(b, node, shape) -> tuple[int, ...]:
    parts = shape if isinstance(shape, tuple) else (shape,)
    return tuple(_size_dim(b, node, p) for p in parts)


def _filled(value: float | None):
    def handler(b, node, shape, dtype=None):
        dims = _shape_arg(b, node, shape)
        if value == 0.0:
            return b.g.op("zeros", shape=dims)
        return b.g.op("broadcast", b.g.const(value), shape=dims)

    return handler


def _like(value: float | None):
    def handler(b, node, x, fill=None, dtype=None):
        dims = b.g.find_shape(x.shape)
        if value is None:  # full_like(x, v)
            v = fill if isinstance(fill, Value) else b.g.const(fill)
            return b.g.op("broadcast", v, shape=dims)
        if value == 0.0:
            return b.g.op("zeros", shape=dims)
        return b.g.op("broadcast", b.g.const(value), shape=dims)

    return handler


def _full(b, node, shape, fill, dtype=None):
    v = fill if isinstance(fill, Value) else b.g.const(fill)
    if v.rank != 0:
        raise b.err("np.full needs a scalar fill value here", node)
    return b.g.op("broadcast", v, shape=_shape_arg(b, node, shape))


def _identity(b, node, n, dtype=None):
    return b.g.op("eye", dim=_size_dim(b, node, n))


CALLS.update(
    {
        "numpy.zeros": _filled(0.0),
        "numpy.empty": _filled(0.0),  # an empty array is filled before use: zeros are as good
        "numpy.ones": _filled(1.0),
        "numpy.full": _full,
        "numpy.zeros_like": _like(0.0),
        "numpy.empty_like": _like(0.0),
        "numpy.ones_like": _like(1.0),
        "numpy.full_like": _like(None),
        "numpy.identity": _identity,
    }
)


# -- reshaping, joining, reordering (issue 9's vocabulary; arrays of rank <= 2) ------------
RANK_HINT = "for a stack of matrices, np.einsum('...ii->...i', X) takes each diagonal"


def _ints(v):
    """An axis option as Python ints: positional axes arrive as constant values."""
    if isinstance(v, tuple):
        return tuple(_ints(a) for a in v)
    k = const_int(v)
    return v if k is None else k


def _factors(g: Graph, d: int) -> tuple[int, tuple[int, ...]]:
    """A size as (literal factor, sorted free dimensions): the product the sizes must agree on."""
    info = g.dim_info(d)
    if isinstance(info.fixed, int):
        return info.fixed, ()
    if info.product is not None:
        (a, ra), (b_, rb) = (_factors(g, x) for x in info.product)
        return a * b_, tuple(sorted(ra + rb))
    return 1, (g.find(d),)


def _size_of(g: Graph, dims) -> tuple[int, tuple[int, ...]]:
    n, roots = 1, ()
    for d in dims:
        k, r = _factors(g, d)
        n, roots = n * k, roots + r
    return n, tuple(sorted(roots))


def _target(b, node, v) -> int | None:
    """One entry of a new shape: -1 (None here), a size read from an input, a constant, or a
    product of those (X.shape[0] * X.shape[1])."""
    if isinstance(v, Value) and v.op == "mul" and all(a.rank == 0 for a in v.args):
        d1, d2 = (_target(b, node, a) for a in v.args)
        if d1 is not None and d2 is not None:
            return b.g.product_dim(d1, d2)
    if const_int(v) == -1:
        return None
    return _size_dim(b, node, v)


def _reshaped(b, node, x: Value, dims: list[int | None], who: str) -> Value:
    g = b.g
    total = _size_of(g, x.shape)
    known = _size_of(g, [d for d in dims if d is not None])
    free = [i for i, d in enumerate(dims) if d is None]
    hint = "read sizes from the inputs (X.shape[0], len(x)) or use constants and -1"
    if len(free) > 1:
        raise b.err(f"{who}: only one size can be -1", node)
    if free:
        rest = list(total[1])
        for r in known[1]:
            if r not in rest:
                raise b.err(f"{who}: cannot check that the sizes agree", node, hint)
            rest.remove(r)
        if known[0] == 0 or total[0] % known[0]:
            if rest:
                raise b.err(f"{who}: cannot name the size that -1 stands for", node, hint)
            raise ShapeError(f"{who}: the sizes do not divide the array's size", loc(node), hint)
        lit = total[0] // known[0]
        if not rest:
            d = g.new_dim(lit)
        elif len(rest) == 1 and lit == 1:
            d = rest[0]
        elif len(rest) == 2 and lit == 1:
            d = g.product_dim(rest[0], rest[1])
        else:
            raise b.err(f"{who}: cannot name the size that -1 stands for", node, hint)
        dims[free[0]] = d
    elif _size_of(g, dims) != total:
        raise ShapeError(
            f"{who}: the new shape does not have the array's size (or it cannot be checked "
            "at compile time)",
            loc(node),
            hint,
        )
    shape = g.find_shape(dims)
    if g.same_shape(shape, x.shape):
        return x
    return reshape(g, x, shape)


def _reshape(b, node, x, *shape, order="C", newshape=None):
    if order != "C":
        raise b.err("reshape supports C order only", node)
    if newshape is not None:
        shape = (newshape,)
    if len(shape) == 1 and isinstance(shape[0], tuple):
        shape = shape[0]
    if not shape:
        raise b.err("reshape needs a shape", node)
    return _reshaped(b, node, x, [_target(b, node, s) for s in shape], "reshape")


def _ravel(b, node, x, order="C"):
    if order != "C":
        raise b.err("ravel/flatten support C order only", node)
    if x.rank == 1:
        return x
    return _reshaped(b, node, x, [None], "ravel")


def _squeeze(b, node, x, axis=None):
    axis = _ints(axis)
    g = b.g
    ones = [i for i, d in enumerate(x.shape) if g.dim_info(d).fixed == 1]
    if axis is not None:
        axes = axis if isinstance(axis, tuple) else (axis,)
        axes = [a % x.rank for a in axes if type(a) is int and -x.rank <= a < x.rank]
        if len(axes) != len(axis if isinstance(axis, tuple) else (axis,)):
            raise ShapeError(f"squeeze: axis={axis!r} is out of range", loc(node))
        if any(a not in ones for a in axes):
            raise ShapeError("squeeze: that axis is not of size 1", loc(node))
        ones = axes
    dims = [d for i, d in enumerate(x.shape) if i not in ones]
    return _reshaped(b, node, x, dims, "squeeze")


def _expand_dims_call(b, node, x, axis):
    axis = _ints(axis)
    axes = axis if isinstance(axis, tuple) else (axis,)
    rank = x.rank + len(axes)
    if not all(type(a) is int and -rank <= a < rank for a in axes):
        raise ShapeError(f"np.expand_dims: axis={axis!r} is out of range", loc(node))
    return b.g.op("expand_dims", x, axes=tuple(sorted(a % rank for a in axes)))


def _atleast(n: int):
    def handler(b, node, *xs):
        if len(xs) != 1:
            raise b.err(f"np.atleast_{n}d takes one array here", node)
        (x,) = xs
        if x.rank >= n:
            return x
        if x.rank == 0:
            return _reshaped(b, node, x, [b.g.new_dim(1)] * n, f"np.atleast_{n}d")
        return b.g.op("expand_dims", x, axes=(0,))  # a vector becomes one row

    return handler


def _stacked(b, node, items) -> Value:
    """np.array of values: nested tuples/lists of scalars (or of equal arrays) stacked."""
    if isinstance(items, Value):
        return items
    if not isinstance(items, tuple) or not items:
        raise b.err("np.array needs numbers or arrays (a list of them)", node)
    parts = [_stacked(b, node, i) for i in items]
    return _stack_values(b, node, parts, 0, "np.array")


as_array = _stacked  # the frontend: an array given as a (nested) tuple or list of values


def _asarray(b, node, x, dtype=None, copy=None, order=None):
    if dtype not in (None, "float", "float64") and not isinstance(dtype, Value):
        raise b.err("np.array/np.asarray: only float arrays are differentiable", node)
    return _stacked(b, node, x)


def _pieces(b, node, arrays, who: str) -> list[Value]:
    if not isinstance(arrays, tuple) or not arrays:
        raise b.err(f"{who} needs a list or tuple of arrays", node)
    if not all(isinstance(a, Value) for a in arrays):
        raise b.err(f"{who} needs arrays", node)
    return list(arrays)


def _stack_values(b, node, parts: list[Value], axis: int, who: str) -> Value:
    g = b.g
    rank = parts[0].rank + 1
    if not -rank <= axis < rank:
        raise ShapeError(f"{who}: axis={axis} is out of range", loc(node))
    for p in parts[1:]:
        if p.rank != parts[0].rank:
            raise ShapeError(f"{who} needs arrays of one shape", loc(node))
        for d1, d2 in zip(parts[0].shape, p.shape):
            g.unify(d1, d2, who, (parts[0], p))
    return g.op("stack", *parts, axis=axis % rank)


def _stack(b, node, arrays, axis=0):
    axis = _ints(axis)
    return _stack_values(b, node, _pieces(b, node, arrays, "np.stack"), axis, "np.stack")


def _concat_values(b, node, parts: list[Value], axis: int, who: str) -> Value:
    g = b.g
    rank = parts[0].rank
    if rank == 0 or any(p.rank != rank for p in parts):
        raise ShapeError(f"{who} needs arrays of one rank (vectors or matrices)", loc(node))
    if not -rank <= axis < rank:
        raise ShapeError(f"{who}: axis={axis} is out of range", loc(node))
    axis %= rank
    if len(parts) == 1:
        return parts[0]
    sizes = [g.dim_info(p.shape[axis]).fixed for p in parts]
    if not all(isinstance(s, int) for s in sizes):
        raise ShapeError(
            f"{who}: the pieces' sizes along axis {axis} must be known at compile time",
            loc(node),
            'declare literal sizes (x: "3"), build the pieces with constant sizes, or use '
            "np.stack",
        )
    for p in parts[1:]:
        for i in range(rank):
            if i != axis:
                g.unify(parts[0].shape[i], p.shape[i], who, (parts[0], p))
    return g.op("concatenate", *parts, axis=axis, sizes_=tuple(sizes))


def _concatenate(b, node, arrays, axis=0):
    axis = _ints(axis)
    return _concat_values(
        b, node, _pieces(b, node, arrays, "np.concatenate"), axis, "np.concatenate"
    )


def _vstack(b, node, arrays):
    parts = _pieces(b, node, arrays, "np.vstack")
    if all(p.rank <= 1 for p in parts) and len({p.rank for p in parts}) == 1:
        return _stack_values(b, node, parts, 0, "np.vstack")
    rows = [b.g.op("expand_dims", p, axes=(0,)) if p.rank == 1 else p for p in parts]
    return _concat_values(b, node, rows, 0, "np.vstack")


def _hstack(b, node, arrays):
    parts = _pieces(b, node, arrays, "np.hstack")
    if all(p.rank == 0 for p in parts):
        return _stack_values(b, node, parts, 0, "np.hstack")
    return _concat_values(b, node, parts, 0 if parts[0].rank == 1 else 1, "np.hstack")


def _column_stack(b, node, arrays):
    parts = _pieces(b, node, arrays, "np.column_stack")
    if all(p.rank == 1 for p in parts):
        return _stack_values(b, node, parts, 1, "np.column_stack")
    cols = [b.g.op("expand_dims", p, axes=(1,)) if p.rank == 1 else p for p in parts]
    return _concat_values(b, node, cols, 1, "np.column_stack")


def _flip_axes(b, node, x, axis, who):
    if axis is None:
        return tuple(range(x.rank))
    axes = axis if isinstance(axis, tuple) else (axis,)
    if not all(type(a) is int and -x.rank <= a < x.rank for a in axes):
        raise ShapeError(f"{who}: axis={axis!r} is out of range", loc(node))
    return tuple(a % x.rank for a in axes)


def _flip(b, node, x, axis=None):
    """np.flip is x[::-1] along the axes: an index op (its adjoint scatters back)."""
    axis = _ints(axis)
    axes = _flip_axes(b, node, x, axis, "np.flip")
    if not axes:
        return x
    key = tuple(("s", None, None, -1 if i in axes else None) for i in range(x.rank))
    return b.g.op("index", x, key=key)


def _roll(b, node, x, shift, axis=None):
    axis = _ints(axis)
    s = const_int(shift)
    if s is None:
        raise b.err("np.roll needs a constant shift", node, "e.g. np.roll(x, 1)")
    if axis is None and x.rank != 1:
        flat = _reshaped(b, node, x, [None], "np.roll")
        return _reshaped(b, node, _roll(b, node, flat, s, 0), list(x.shape), "np.roll")
    if x.rank == 0:
        return x
    (a,) = _flip_axes(b, node, x, 0 if axis is None else axis, "np.roll")
    return b.g.op("roll", x, shift=s, axis=a)


def _swapaxes(b, node, x, a, c):
    a, c = _ints(a), _ints(c)
    if type(a) is not int or type(c) is not int:
        a = c = None
    if a is None or c is None or not (-x.rank <= a < x.rank and -x.rank <= c < x.rank):
        raise b.err("np.swapaxes needs constant axes in range", node)
    if x.rank > 2:
        return swap_axes(b, node, x, a, c)
    return x if a % x.rank == c % x.rank else b.g.op("transpose", x)


def _diagonal(b, node, x, offset=0, axis1=0, axis2=1):
    k = const_int(offset)
    if k is None:
        raise b.err("np.diagonal needs a constant offset", node)
    if x.rank != 2 or (axis1, axis2) != (0, 1):
        raise ShapeError("np.diagonal needs a matrix (axis1=0, axis2=1)", loc(node), RANK_HINT)
    return b.g.op("diagonal", x, k=k)


def _diagonal_shape(g, args, attrs):
    (x,) = args
    need(x.rank == 2, g, "np.diagonal needs a matrix")
    k = attrs["k"]
    m, n = (g.dim_info(d).fixed for d in x.shape)
    if isinstance(m, int) and isinstance(n, int):
        return (g.new_dim(max(0, min(m + min(k, 0), n - max(k, 0)))),), GENERAL
    if k == 0 and g.same_dim(*x.shape):
        return (x.shape[0],), GENERAL
    raise ShapeError(
        "np.diagonal/np.diag of this matrix has a length that cannot be named at compile time",
        g.at or g.loc,
        'declare literal sizes (X: "4,4"); np.trace(X, k) and the main diagonal of a square '
        "matrix need none",
    )


def _diag_embed_k_shape(g, args, attrs):
    (x,) = args
    need(x.rank == 1, g, "np.diag(v, k) builds a matrix from a vector")
    n = g.dim_info(x.shape[0]).fixed
    if not isinstance(n, int):
        raise ShapeError(
            "np.diag(v, k) with k != 0 needs a vector of literal size",
            g.at or g.loc,
            'declare it, e.g. v: "3"',
        )
    d = g.new_dim(n + abs(attrs["k"]))
    return (d, d), GENERAL


def _diag_put_spelling(args, at):
    (v,) = args
    k = int(at["k"].lstrip(", ")) if at["k"] else 0
    rows = f"np.arange({v}.shape[0])" + (f" + {-k}" if k < 0 else "")
    cols = f"np.arange({v}.shape[0])" + (f" + {k}" if k > 0 else "")
    return (
        f"{at['out']} = np.zeros({at['shape']}{at['dtype_kw']})\n"
        f"{at['out']}[{rows}, {cols}] = {v}"
    )


def _stack_spelling(args, at):
    return f"np.stack([{', '.join(args)}], axis={at['axis']})"


def _concat_spelling(args, at):
    return f"np.concatenate([{', '.join(args)}], axis={at['axis']})"


def _stack_shape(g, args, attrs):
    shape = list(args[0].shape)
    shape.insert(attrs["axis"], g.new_dim(len(args)))
    return tuple(shape), GENERAL


def _concat_shape(g, args, attrs):
    shape = list(args[0].shape)
    shape[attrs["axis"]] = g.new_dim(sum(attrs["sizes_"]))
    return tuple(shape), GENERAL


def _piece_key(axis: int, rank: int, entry: tuple) -> tuple:
    return tuple(entry if i == axis else ("s", None, None, None) for i in range(rank))[: axis + 1]


def _stack_deriv(i: int):
    def deriv(g, y, *args):
        key = _piece_key(y.attr("axis"), y.rank, ("i", i))
        return Adjoint(Index(key), y.shape)

    return deriv


def _concat_deriv(i: int):
    def deriv(g, y, *args):
        sizes = y.attr("sizes_")
        start = sum(sizes[:i])
        key = _piece_key(y.attr("axis"), y.rank, ("s", start, start + sizes[i], None))
        return Adjoint(Index(key), y.shape)

    return deriv


RULES.update(
    {
        "reshape": Rule(
            "np.reshape({0}, {shape})",
            attr_shape("shape"),
            (lambda g, y, a: Reshape(y.shape),),
            any_rank=True,
        ),
        "stack": Rule(_stack_spelling, _stack_shape, PerArgument(_stack_deriv), any_rank=True),
        "concatenate": Rule(
            _concat_spelling,
            _concat_shape,
            PerArgument(_concat_deriv),
            any_rank=True,
        ),
        "roll": Rule(
            "np.roll({0}, {shift}, axis={axis})",
            same,
            (linear(Roll, "shift", "axis"),),
            any_rank=True,
        ),
        "diagonal": Rule(
            "np.diagonal({0}{k})",
            _diagonal_shape,
            (lambda g, y, a: Diagonal(y.attr("k"), y.shape),),
        ),
        # the m×n matrix with ones on its k-th diagonal (np.trace(X, k) = Σ X ∘ E)
        "eye_k": Rule("np.eye(*{shape}{k})", attr_shape("shape")),
        "diag_embed_k": Rule(
            "np.diag({0}{k})",
            _diag_embed_k_shape,
            (lambda g, y, a: DiagEmbedK(y.attr("k"), y.shape),),
        ),
        # v on the k-th diagonal of zeros of a given shape (the adjoint of np.diagonal)
        "diag_put": Rule(
            _diag_put_spelling,
            attr_shape("shape"),
            (lambda g, y, a: Adjoint(Diagonal(y.attr("k"), a.shape), y.shape),),
            statements=True,
        ),
    }
)


def _diag_k(b, node, x, k=0):
    k = const_int(k)
    if k is None:
        raise b.err("np.diag needs a constant diagonal offset", node)
    if x.rank == 1:
        return b.g.op("diag_embed", x) if k == 0 else b.g.op("diag_embed_k", x, k=k)
    if x.rank != 2:
        raise ShapeError("np.diag needs a vector or a matrix", loc(node))
    m, n = (b.g.dim_info(d).fixed for d in x.shape)
    if k == 0 and not (isinstance(m, int) and isinstance(n, int) and m != n):
        return b.g.op("diag_of", x)  # a square matrix (as before: the sizes are unified)
    return b.g.op("diagonal", x, k=k)


CALLS.update(
    {
        "numpy.diag": _diag_k,
        "numpy.diagonal": _diagonal,
        "numpy.reshape": _reshape,
        "numpy.ravel": _ravel,
        "numpy.squeeze": _squeeze,
        "numpy.expand_dims": _expand_dims_call,
        "numpy.atleast_1d": _atleast(1),
        "numpy.atleast_2d": _atleast(2),
        "numpy.asarray": _asarray,
        "numpy.array": _asarray,
        "numpy.stack": _stack,
        "numpy.vstack": _vstack,
        "numpy.hstack": _hstack,
        "numpy.column_stack": _column_stack,
        "numpy.concatenate": _concatenate,
        "numpy.flip": _flip,
        "numpy.fliplr": lambda b, node, x: _flip(b, node, x, 1),
        "numpy.flipud": lambda b, node, x: _flip(b, node, x, 0),
        "numpy.roll": _roll,
        "numpy.swapaxes": _swapaxes,
    }
)


def _split(b, node, x, sections, axis=0):
    """np.split / np.array_split into pieces at constant places: a tuple of index ops."""
    axis = _ints(axis)
    if x.rank == 0 or type(axis) is not int or not -x.rank <= axis < x.rank:
        raise ShapeError("np.split needs an array and an axis in range", loc(node))
    axis %= x.rank
    size = b.g.dim_info(x.shape[axis]).fixed
    k = _ints(sections)
    if type(k) is int:
        if not isinstance(size, int) or k <= 0 or size % k:
            raise ShapeError(
                "np.split into equal sections needs a literal size that they divide",
                loc(node),
                'declare the size (x: "6") or give the split points, np.split(x, [2, 4])',
            )
        cuts = [size // k * i for i in range(1, k)]
    elif isinstance(k, tuple) and all(type(c) is int and c >= 0 for c in k):
        cuts = list(k)
    else:
        raise b.err("np.split needs a constant number of sections or constant split points", node)
    bounds = [None, *cuts, None]
    pieces = []
    for lo, hi in pairwise(bounds):
        entry = ("s", lo, hi, None)
        key = tuple(entry if i == axis else ("s", None, None, None) for i in range(axis + 1))
        pieces.append(b.g.op("index", x, key=key))
    return tuple(pieces)


def _moveaxis(b, node, x, source, destination):
    s, d = _ints(source), _ints(destination)
    if type(s) is not int or type(d) is not int or not (-x.rank <= s < x.rank > 0):
        raise b.err("np.moveaxis needs constant axes in range", node)
    if not -x.rank <= d < x.rank:
        raise b.err("np.moveaxis needs constant axes in range", node)
    if x.rank > 2:
        return move_axis(b, node, x, s, d)
    return x if s % x.rank == d % x.rank else b.g.op("transpose", x)


CALLS.update({"numpy.split": _split, "numpy.moveaxis": _moveaxis})
