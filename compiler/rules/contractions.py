"""Products of scalars, vectors and matrices beyond `@` (issue 9, item 3): np.cross, np.kron of
mixed operands, np.inner, np.vdot and np.linalg.multi_dot. Rank ≥ 3 and einsum/tensordot are
another module's (the batched forms).

np.cross along an axis of size 3 is a bilinear map: with r₊ = roll(·, −1) and r₋ = roll(·, 1)
along that axis, a × b = r₊(a) ∘ r₋(b) − r₋(a) ∘ r₊(b); its derivative in each argument is a
sum of Roll forms scaled by Hadamard forms. The other spellings are calls of existing ops.
"""

from __future__ import annotations

from ..diagnostics import ShapeError
from ..forms import Compose, Hadamard, Roll, Sum
from ..ir import GENERAL
from .base import Rule, loc, need


def _cross_shape(g, args, attrs):
    a, b = args
    axis = attrs["axis"]
    need(
        a.rank == b.rank and a.rank in (1, 2),
        g,
        "np.cross needs two vectors or two matrices",
    )
    for d1, d2 in zip(a.shape, b.shape):
        g.unify(d1, d2, "np.cross", (a, b))
    g.unify(a.shape[axis], g.new_dim(3), "np.cross (the vectors have 3 components)", (a, b))
    return a.shape, GENERAL


def _cross_form(first: bool):
    """d(a × b) = da × b = r₊(da) ∘ r₋(b) − r₋(da) ∘ r₊(b); likewise a × db."""

    def deriv(g, y, a, b):
        axis = y.attr("axis")
        other = b if first else a

        def rolled(shift):
            return g.op("roll", other, shift=shift, axis=axis)

        # da × b: r₊(da) r₋(b) − r₋(da) r₊(b);  a × db: r₊(a) r₋(db) − r₋(a) r₊(db)
        plus, minus = (rolled(1), rolled(-1)) if first else (rolled(-1), rolled(1))
        t_plus, t_minus = (-1, 1) if first else (1, -1)
        return Sum(
            Compose(Hadamard(plus, y.shape), Roll(t_plus, axis)),
            Compose(Hadamard(g.op("neg", minus), y.shape), Roll(t_minus, axis)),
        )

    return deriv


RULES: dict[str, Rule] = {
    "cross": Rule(
        "np.cross({0}, {1}, axis={axis})",
        _cross_shape,
        (_cross_form(True), _cross_form(False)),
        ref="a × b = roll(a, −1) ∘ roll(b, 1) − roll(a, 1) ∘ roll(b, −1) (3 components)",
        fresh=True,
    ),
}


# -- the frontend's calls --------------------------------------------------------------
def _axis(b, node, v, rank: int, what: str) -> int:
    if type(v) is not int or not -rank <= v < rank:
        raise ShapeError(f"np.cross: {what}={v!r} is out of range", loc(node))
    return v % rank


def _cross(b, node, x, y, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """np.cross of 3-vectors, or of the rows or columns of two matrices (axisa/axisb/axisc
    say which: a matrix is transposed so that its vectors are rows)."""
    g = b.g
    if axis is not None:
        axisa = axisb = axisc = axis
    if x.rank == 0 or y.rank == 0 or max(x.rank, y.rank) > 2:
        raise ShapeError(
            "np.cross needs vectors or matrices of 3-vectors",
            loc(node),
            "arrays of more than two dimensions are a later piece of work",
        )
    a_ax = _axis(b, node, axisa, x.rank, "axisa")
    b_ax = _axis(b, node, axisb, y.rank, "axisb")
    if x.rank == 2 and a_ax == 0:
        x = g.op("transpose", x)
    if y.rank == 2 and b_ax == 0:
        y = g.op("transpose", y)
    rank = max(x.rank, y.rank)
    for v in (x, y):
        size = g.dim_info(v.shape[-1]).fixed
        if size == 2:
            raise ShapeError(
                "np.cross of 2-vectors (a scalar z-component) is not supported",
                loc(node),
                "pad the vectors to 3 components",
            )
    if x.rank < rank:  # one vector against the rows of a matrix: broadcast it
        x = g.op("broadcast", x, shape=(g.find(y.shape[0]), g.find(x.shape[0])))
    if y.rank < rank:
        y = g.op("broadcast", y, shape=(g.find(x.shape[0]), g.find(y.shape[0])))
    out = g.op("cross", x, y, axis=rank - 1)
    if rank == 2 and _axis(b, node, axisc, 2, "axisc") == 0:
        out = g.op("transpose", out)
    return out


def _kron(b, node, x, y):
    """np.kron of any two of scalars, vectors and matrices: NumPy prepends size-1 axes to the
    operand of lower rank (a vector is one row), and a scalar just scales."""
    g = b.g
    if x.rank == 0 or y.rank == 0:
        return g.op("mul", x, y)
    if max(x.rank, y.rank) > 2:
        raise ShapeError(
            f"np.kron of arrays of {max(x.rank, y.rank)} dimensions is not supported yet",
            loc(node),
        )
    if x.rank < y.rank:
        x = g.op("expand_dims", x, axes=(0,))
    if y.rank < x.rank:
        y = g.op("expand_dims", y, axes=(0,))
    return g.op("kron", x, y)


def _inner(b, node, x, y):
    """np.inner: the sum over the last axes (a scalar operand scales)."""
    g = b.g
    if x.rank == 0 or y.rank == 0:
        return g.op("mul", x, y)
    if y.rank == 2:  # x against each row of y
        y = g.op("transpose", y)
    return g.op("matmul", x, y)


def _vdot(b, node, x, y):
    """np.vdot: the dot product of the flattened arrays (real here: no conjugation)."""
    g = b.g
    if x.rank != y.rank or x.rank == 0:
        raise ShapeError(
            "np.vdot needs two vectors or two matrices of one shape",
            loc(node),
            "np.vdot flattens its arguments: reshape one of them",
        )
    if x.dtype == "complex":
        x = g.op("conj", x)
    if x.rank == 1:
        return g.op("matmul", x, y)
    for d1, d2 in zip(x.shape, y.shape):
        g.unify(d1, d2, "np.vdot", (x, y))
    return g.op("sum", g.op("mul", x, y))


def _multi_dot(b, node, arrays):
    """np.linalg.multi_dot([A, B, C]): A @ B @ C (the optimizer orders the chain by cost)."""
    if not isinstance(arrays, tuple) or len(arrays) < 2:
        raise b.err("np.linalg.multi_dot needs a list of at least two arrays", node)
    out = arrays[0]
    for a in arrays[1:]:
        if not hasattr(a, "rank") or a.rank == 0 or out.rank == 0:
            raise b.err("np.linalg.multi_dot needs vectors and matrices", node)
        out = b.g.op("matmul", out, a)
    return out


CALLS = {
    "numpy.cross": _cross,
    "numpy.kron": _kron,
    "numpy.inner": _inner,
    "numpy.vdot": _vdot,
    "numpy.linalg.multi_dot": _multi_dot,
}
