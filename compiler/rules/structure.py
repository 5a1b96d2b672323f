"""Leaves and structure: parameters, constants, sizes, identity and zero matrices,
indexing and its adjoint (scatter), diagonals, triangles, broadcasting and symmetrization.
"""

from __future__ import annotations

from ..diagnostics import CompileError, ShapeError
from ..forms import (
    Adjoint,
    Box,
    Compose,
    DiagEmbed,
    DiagOf,
    Hadamard,
    Index,
    Reduce,
    Sum,
    Triangle,
    index_shape,
)
from ..ir import DIAGONAL, GENERAL, SYMMETRIC, Value
from .base import (
    ADD,
    ATOM,
    Rule,
    attr_shape,
    const_int,
    identity,
    loc,
    need,
    rank_name,
    same,
    square,
)


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


def _diag_embed(g, args, attrs):
    (x,) = args
    need(x.rank == 1, g, "np.diag(v) builds a matrix from a vector")
    return (x.shape[0], x.shape[0]), DIAGONAL


def _diag_of(g, args, attrs):
    (x,) = args
    square(g, x, "np.diag(X)")
    return (x.shape[0],), GENERAL


def _phi(g, args, attrs):
    return (attrs["dim"], attrs["dim"]), GENERAL


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
    return g.op("scatter_add", *parts, keys=tuple(keys), shape=tuple(g.find(d) for d in v.shape))


RULES: dict[str, Rule] = {
    # leaves
    "param": Rule("{name}", _param, leaf=True),
    "const": Rule("{text}", _scalar, leaf=True),
    "dim": Rule("{0}.shape[{axis}]", _dim, (None,), leaf=True),
    "eye": Rule("np.eye({dim})", _eye),
    "zeros": Rule("np.zeros({shape})", attr_shape("shape")),
    "broadcast": Rule("np.full({shape}, {0})", attr_shape("shape"), (identity,)),
    # indexing with constant keys; the adjoint scatters into zeros
    "index": Rule("{0}[{key}]", _index, (lambda g, y, a: Index(y.attr("key")),), ATOM, (ATOM,)),
    "scatter": Rule(
        "{out} = np.zeros({shape}{dtype_kw})\n{out}[{key}] = {0}",
        attr_shape("shape"),
        (lambda g, y, a: Adjoint(Index(y.attr("key")), y.shape),),
        statements=True,
    ),
    # several scatters into one array: out = zeros; out[k1] += a; out[k2] += b
    "scatter_add": Rule(
        _scatter_add_spelling,
        attr_shape("shape"),
        tuple(_scatter_add_deriv(i) for i in range(64)),
        statements=True,
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
    ),
    "expand_dims": Rule(
        "np.expand_dims({0}, {axes})",
        _expand_dims,
        (lambda g, y, a: Adjoint(Reduce(y.attr("axes")), y.shape),),
    ),
    "tril": Rule("np.tril({0}{k})", same, (lambda g, y, a: Triangle(y.attr("k")),)),
    "triu": Rule("np.triu({0}{k})", same, (lambda g, y, a: Triangle(y.attr("k"), upper=True),)),
    "diag_embed": Rule("np.diag({0})", _diag_embed, (lambda g, y, a: DiagEmbed(),)),
    "diag_of": Rule("np.diag({0})", _diag_of, (lambda g, y, a: DiagOf(),)),
    # Φ of the Cholesky derivative: strictly-lower ones + ½ on the diagonal
    "phi": Rule("np.tril(np.ones(({dim}, {dim})), -1) + 0.5 * np.eye({dim})", _phi, prec=ADD),
}


# -- the frontend's calls --------------------------------------------------------------
def _diag(b, node, x):
    if x.rank == 1:
        return b.g.op("diag_embed", x)
    return b.g.op("diag_of", x)


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
        if x.rank != 2:
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
    "numpy.diag": _diag,
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
    dims = tuple(_size_dim(b, node, p) for p in parts)
    if len(dims) > 2:
        raise ShapeError("arrays of more than two dimensions are not supported yet", loc(node))
    return dims


def _filled(value: float | None):
    def handler(b, node, shape, dtype=None):
        dims = _shape_arg(b, node, shape)
        if value == 0.0:
            return b.g.op("zeros", shape=dims)
        return b.g.op("broadcast", b.g.const(value), shape=dims)

    return handler


def _like(value: float | None):
    def handler(b, node, x, fill=None, dtype=None):
        dims = tuple(b.g.find(d) for d in x.shape)
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
