"""Building arrays from arrays (issue 9, item 3; scalars, vectors and matrices): np.repeat,
np.tile, np.pad, np.diff, np.gradient, np.array_split, np.partition, and the constant ranges
np.arange and np.linspace.

Most are calls of existing ops, so their derivatives are those ops' forms: repeat and tile
are Kronecker products with a block of ones (repeat(X, r, axis=0) = kron(X, 1_{r×1}),
tile(X, (p, q)) = kron(1_{p×q}, X)); pad is a scatter into zeros (its adjoint slices);
diff and gradient are slices and differences. np.partition is a permutation of its
argument, dY = P dx with P the rows of I that np.argpartition picks: a Kron form."""

from __future__ import annotations

import math

from ..diagnostics import ShapeError
from ..forms import Kron
from ..ir import GENERAL, Value
from .base import Rule, const_int, identity, loc, need, same
from .structure import _concat_values, _ints, _reshaped, _size_dim, _split

RANK_HINT = "arrays of more than two dimensions are a later piece of work"


def _ones(g, dims) -> Value:
    return g.op("broadcast", g.const(1.0), shape=g.find_shape(dims))


def _count(b, node, v, who: str, what: str) -> int:
    k = const_int(v)
    if k is None or k < 0:
        raise b.err(f"{who} needs a constant non-negative {what}", node)
    return k


def _axis_of(b, node, x: Value, axis, who: str) -> int:
    axis = _ints(axis)
    if type(axis) is not int or not -x.rank <= axis < x.rank:
        raise ShapeError(f"{who}: axis={axis!r} is out of range", loc(node))
    return axis % x.rank


# -- repeat and tile: Kronecker products with ones ---------------------------------------
def _repeat(b, node, x, repeats, axis=None):
    g = b.g
    if isinstance(repeats, tuple) or (isinstance(repeats, Value) and repeats.rank > 0):
        raise b.err("np.repeat supports one constant count for every entry", node)
    r = _count(b, node, repeats, "np.repeat", "count of repeats")
    if axis is None:  # the flattened array, each entry r times
        if x.rank == 0:
            return g.op("broadcast", x, shape=(g.new_dim(r),))
        x = x if x.rank == 1 else _reshaped(b, node, x, [None], "np.repeat")
        axis = 0
    axis = _axis_of(b, node, x, axis, "np.repeat")
    if r == 1:
        return x
    block = [g.new_dim(1)] * x.rank
    block[axis] = g.new_dim(r)
    return g.op("kron", x, _ones(g, block))


def _tile(b, node, x, reps):
    g = b.g
    reps = _ints(reps)
    reps = reps if isinstance(reps, tuple) else (reps,)
    if not all(type(k) is int and k >= 0 for k in reps):
        raise b.err("np.tile needs constant non-negative repetitions", node)
    rank = max(x.rank, len(reps))
    if rank > 2:
        raise ShapeError(
            f"np.tile would make an array of {rank} dimensions, which is not supported yet",
            loc(node),
            RANK_HINT,
        )
    reps = (1,) * (rank - len(reps)) + reps
    if x.rank < rank:  # NumPy prepends size-1 axes
        dims = [g.new_dim(1)] * (rank - x.rank) + list(x.shape)
        x = _reshaped(b, node, x, dims, "np.tile")
    if all(k == 1 for k in reps):
        return x
    return g.op("kron", _ones(g, [g.new_dim(k) for k in reps]), x)


# -- pad: a scatter into zeros ---------------------------------------------------------
def _widths(b, node, pad_width, rank: int) -> list[tuple[int, int]]:
    """pad_width as NumPy broadcasts it to ((before, after),) * rank: k, (k,), (a, b),
    ((a, b),) or one pair (or one number) per axis. (No NumPy here: the compiler itself never
    imports it.)"""
    w = _ints(pad_width)
    rows = w if isinstance(w, tuple) and w and all(isinstance(r, tuple) for r in w) else (w,)
    pairs = []
    for r in rows:
        r = r if isinstance(r, tuple) else (r,)
        if len(r) not in (1, 2) or not all(type(k) is int and k >= 0 for k in r):
            pairs = None
            break
        pairs.append((r[0], r[-1]))
    if pairs is not None and len(pairs) in (1, rank):
        return pairs * rank if len(pairs) == 1 else pairs
    raise b.err(
        "np.pad needs constant non-negative widths", node, "e.g. np.pad(x, 2) or ((1, 2), (0, 3))"
    )


def _pad(b, node, x, pad_width, mode="constant", constant_values=0):
    g = b.g
    if mode != "constant":
        raise b.err(
            f"np.pad supports mode='constant' only (got {mode!r})",
            node,
            "build the border from slices with np.concatenate",
        )
    c = constant_values
    if isinstance(c, Value):
        c = c.attr("value") if c.is_const() else None
    if not isinstance(c, (int, float)):
        raise b.err("np.pad needs one constant fill value (constant_values=c)", node)
    if x.rank == 0:
        raise ShapeError("np.pad needs a vector or a matrix", loc(node))
    widths = _widths(b, node, pad_width, x.rank)
    if all(w == (0, 0) for w in widths):
        return x
    key, dims = [], []
    for d, (lo, hi) in zip(x.shape, widths):
        n = g.dim_info(d).fixed
        if (lo, hi) == (0, 0):
            key.append(("s", None, None, None))
            dims.append(g.find(d))
        elif isinstance(n, int):
            key.append(("s", lo, lo + n, None))
            dims.append(g.new_dim(lo + n + hi))
        else:
            raise ShapeError(
                "np.pad of an axis needs its size known at compile time",
                loc(node),
                'declare literal sizes, e.g. x: "5"',
            )
    out = g.op("scatter", x, key=tuple(key), shape=tuple(dims))
    if c != 0:  # the border holds c: out + c (1 − scatter(1))
        border = g.op(
            "sub",
            _ones(g, dims),
            g.op("scatter", _ones(g, x.shape), key=tuple(key), shape=tuple(dims)),
        )
        out = g.op("add", out, g.op("mul", g.const(float(c)), border))
    return out


# -- differences -------------------------------------------------------------------------
def _slice(g, x: Value, axis: int, lo, hi) -> Value:
    key = tuple(
        ("s", lo, hi, None) if i == axis else ("s", None, None, None) for i in range(axis + 1)
    )
    return g.op("index", x, key=key)


def _diff(b, node, x, n=1, axis=-1, prepend=None, append=None):
    g = b.g
    if prepend is not None or append is not None:
        raise b.err(
            "np.diff supports no prepend=/append= here",
            node,
            "np.concatenate them first",
        )
    if x.rank == 0:
        raise ShapeError("np.diff needs a vector or a matrix", loc(node))
    n = _count(b, node, n, "np.diff", "order n")
    axis = _axis_of(b, node, x, axis, "np.diff")
    # the n-th difference from slices of x itself, Σₖ (−1)ⁿ⁻ᵏ C(n, k) x[k : k − n] (slices of
    # a slice would have sizes codegen cannot name)
    out = None
    for k in range(n + 1):
        term = _slice(g, x, axis, k or None, (k - n) or None)
        coef = math.comb(n, k) * (-1) ** (n - k)
        if out is None:
            out = term if coef == 1 else g.op("mul", g.const(coef), term)
        else:
            out = g.op(
                "add" if coef > 0 else "sub",
                out,
                term if abs(coef) == 1 else g.op("mul", g.const(abs(coef)), term),
            )
    return out


def _gradient_axis(b, node, f, axis: int) -> Value:
    """NumPy's second-order central differences inside, first-order ones at both edges."""
    g = b.g
    size = g.dim_info(f.shape[axis]).fixed
    if isinstance(size, int) and size < 2:
        raise ShapeError("np.gradient needs at least 2 points along each axis", loc(node))
    if not isinstance(size, int):
        return _gradient_free(g, f, axis)
    first = g.op("sub", _slice(g, f, axis, 1, 2), _slice(g, f, axis, 0, 1))
    inner = g.op(
        "mul",
        g.const(0.5),
        g.op("sub", _slice(g, f, axis, 2, None), _slice(g, f, axis, None, -2)),
    )
    last = g.op("sub", _slice(g, f, axis, -1, None), _slice(g, f, axis, -2, -1))
    return _concat_values(b, node, [first, inner, last], axis, "np.gradient")


def _gradient_free(g, f: Value, axis: int) -> Value:
    """The same along an axis of a size unknown at compile time, from rolls: the central
    difference c = (f[i+1] − f[i−1]) / 2 everywhere, corrected at both ends by scatters of
    (f[1] − f[0]) − c[0] and (f[−1] − f[−2]) − c[−1]. A run-time check raises NumPy's error
    for fewer than 2 points."""
    f = g.op("two_points", f, axis=axis)
    up = g.op("roll", f, shift=-1, axis=axis)  # f[i+1]
    down = g.op("roll", f, shift=1, axis=axis)  # f[i-1]
    c = g.op("mul", g.const(0.5), g.op("sub", up, down))
    shape = g.find_shape(f.shape)
    out = c
    for at, diff in ((0, g.op("sub", up, f)), (-1, g.op("sub", f, down))):
        key = tuple(("i", at) if i == axis else ("s", None, None, None) for i in range(axis + 1))
        fix = g.op("index", g.op("sub", diff, c), key=key)
        out = g.op("add", out, g.op("scatter", fix, key=key, shape=shape))
    return out


def _gradient(b, node, f, *varargs, axis=None, edge_order=1):
    if varargs or edge_order != 1:
        raise b.err("np.gradient supports unit spacing and edge_order=1 here", node)
    if f.rank == 0:
        raise ShapeError("np.gradient needs a vector or a matrix", loc(node))
    axis = _ints(axis)
    axes = tuple(range(f.rank)) if axis is None else axis if isinstance(axis, tuple) else (axis,)
    axes = tuple(_axis_of(b, node, f, a, "np.gradient") for a in axes)
    out = tuple(_gradient_axis(b, node, f, a) for a in axes)
    return out[0] if len(out) == 1 else out


def _array_split(b, node, x, sections, axis=0):
    """np.array_split into k pieces of sizes that differ by at most one (the first ones
    larger), or at constant split points (as np.split)."""
    k = _ints(sections)
    if type(k) is int:
        if x.rank == 0:
            raise ShapeError("np.array_split needs an array", loc(node))
        ax = _axis_of(b, node, x, axis, "np.array_split")
        size = b.g.dim_info(x.shape[ax]).fixed
        if not isinstance(size, int) or k <= 0:
            raise ShapeError(
                "np.array_split into sections needs a literal size along the axis",
                loc(node),
                'declare the size (x: "7") or give the split points, np.array_split(x, [2, 4])',
            )
        each, extra = divmod(size, k)
        sizes = [each + 1] * extra + [each] * (k - extra)
        cuts, at = [], 0
        for s in sizes[:-1]:
            at += s
            cuts.append(at)
        return _split(b, node, x, tuple(cuts), axis)
    return _split(b, node, x, sections, axis)


# -- partition: a permutation ------------------------------------------------------------
def _partition_shape(g, args, attrs):
    (x,) = args
    need(x.rank == 1, g, "np.partition is supported for vectors")
    return x.shape, GENERAL


def _permutation_shape(g, args, attrs):
    (x,) = args
    return (x.shape[0], x.shape[0]), GENERAL


def _partition_form(g, y, x):
    """y = P x with P = I[argpartition(x, kth)] (constant where x has no ties): dy = P dx."""
    return Kron(g.op("partition_matrix", x, kth=y.attr("kth")), None)


def _arange_spelling(args, at):
    if "start" in at:
        return f"np.arange({at['start']}, {at['stop']}, {at['step']}, dtype=float)"
    return f"np.arange({at['dim']}, dtype=float)"


RULES: dict[str, Rule] = {
    "partition": Rule(
        "np.partition({0}, {kth})",
        _partition_shape,
        (_partition_form,),
        calls=(),
    ),
    # the rows of the identity in np.argpartition's order (no derivative: a constant where
    # the entries are distinct)
    "partition_matrix": Rule(
        "np.eye({0}.shape[0])[np.argpartition({0}, {kth})]", _permutation_shape, (None,)
    ),
    # f itself, after a check that np.gradient has at least 2 points along the axis
    "two_points": Rule(
        "{out} = {0}\n"
        "if {out}.shape[{axis}] < 2:\n"
        '    raise ValueError("np.gradient needs at least 2 points along each axis")',
        same,
        (identity,),
        statements=True,
    ),
    # a constant range of floats: np.arange(n) of a size, or of literal start, stop, step
    "arange": Rule(_arange_spelling, lambda g, args, attrs: ((attrs["dim"],), GENERAL)),
}


def _partition(b, node, x, kth, axis=-1, kind="introselect", order=None):
    k = const_int(kth) if not isinstance(kth, int) else kth
    if x.rank != 1 or k is None or _ints(axis) not in (-1, 0):
        raise b.err(
            "np.partition is supported for a vector and one constant kth",
            node,
            "e.g. np.partition(x, 3)",
        )
    n = b.g.dim_info(x.shape[0]).fixed
    if isinstance(n, int) and not -n <= k < n:
        raise ShapeError(f"np.partition: kth={k} is out of range", loc(node))
    return b.g.op("partition", x, kth=k)


def _number(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    if isinstance(v, Value) and v.is_const():
        value = v.attr("value")
        return int(value) if float(value).is_integer() else value
    return None


def _arange(b, node, *args, step=None, dtype=None):
    g = b.g
    if dtype not in (None, "float", "float64", "int"):
        raise b.err("np.arange: only numeric ranges", node)
    if len(args) == 1 and step is None and isinstance(args[0], Value) and args[0].op == "dim":
        return g.op("arange", dim=_size_dim(b, node, args[0]))
    nums = [_number(a) for a in args] + ([_number(step)] if step is not None else [])
    if not 1 <= len(nums) <= 3 or any(v is None for v in nums):
        raise b.err(
            "np.arange needs constant bounds or a size read from an input",
            node,
            "e.g. np.arange(5), np.arange(1, 10, 2), np.arange(X.shape[0])",
        )
    start, stop, st = (0, nums[0], 1) if len(nums) == 1 else (nums + [1])[:3]
    if st == 0:
        raise b.err("np.arange: the step cannot be zero", node)
    n = max(0, math.ceil((stop - start) / st))  # len(np.arange(start, stop, st))
    return g.op("arange", dim=g.new_dim(n), start=start, stop=stop, step=st)


def _linspace(b, node, start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """start + (stop − start) t, t = arange(num) / (num − 1): linear in start and stop."""
    g = b.g
    if retstep or dtype is not None or axis != 0:
        raise b.err("np.linspace supports start, stop, num and endpoint here", node)
    start = start if isinstance(start, Value) else g.const(start)
    stop = stop if isinstance(stop, Value) else g.const(stop)
    if start.rank or stop.rank:
        raise ShapeError(
            "np.linspace needs scalar start and stop here",
            loc(node),
            "build a matrix of ranges with np.outer(t, stop - start) + start",
        )
    n = _count(b, node, num, "np.linspace", "number of points")
    if n == 0:
        return g.op("zeros", shape=(g.new_dim(0),))
    if n == 1:
        return g.op("broadcast", start, shape=(g.new_dim(1),))
    t = g.op("arange", dim=g.new_dim(n), start=0, stop=n, step=1)
    scale = g.op("div", g.op("sub", stop, start), g.const(n - 1 if endpoint else n))
    return g.op("add", start, g.op("mul", scale, t))


ANY_RANK = ("numpy.linspace",)  # shape inference: its start and stop may be scalars
CALLS = {
    "numpy.repeat": _repeat,
    "numpy.tile": _tile,
    "numpy.pad": _pad,
    "numpy.diff": _diff,
    "numpy.gradient": _gradient,
    "numpy.array_split": _array_split,
    "numpy.partition": _partition,
    "numpy.arange": _arange,
    "numpy.linspace": _linspace,
}


# -- scipy.linalg.block_diag: scatters into one array of zeros ----------------------------
def _block_diag(b, node, *arrays):
    """The blocks on the diagonal of zeros (a vector is one row, a scalar a 1×1 block); the
    blocks' sizes must be known at compile time."""
    g = b.g
    if not arrays:
        raise b.err("scipy.linalg.block_diag needs at least one block", node)
    blocks, rows, cols = [], 0, 0
    keys = []
    for a in arrays:
        if not isinstance(a, Value) or a.rank > 2:
            raise ShapeError(
                "scipy.linalg.block_diag needs scalars, vectors or matrices", loc(node)
            )
        if a.rank < 2:
            dims = [g.new_dim(1)] * (2 - a.rank) + list(a.shape)
            a = _reshaped(b, node, a, dims, "scipy.linalg.block_diag")
        m, n = (g.dim_info(d).fixed for d in a.shape)
        if not isinstance(m, int) or not isinstance(n, int):
            raise ShapeError(
                "scipy.linalg.block_diag needs blocks of sizes known at compile time",
                loc(node),
                'declare literal sizes, e.g. A: "2,3"',
            )
        keys.append((("s", rows, rows + m, None), ("s", cols, cols + n, None)))
        blocks.append(a)
        rows, cols = rows + m, cols + n
    shape = (g.new_dim(rows), g.new_dim(cols))
    if len(blocks) == 1:
        return blocks[0]
    return g.op("scatter_add", *blocks, keys=tuple(keys), shape=shape)


CALLS["scipy.linalg.block_diag"] = _block_diag


# -- np.r_[...] and np.c_[...]: concatenations written as subscripts ----------------------
def _r_items(b, node, items, who: str) -> list[Value]:
    """Arrays, scalars (one entry) and constant slices (np.arange of them)."""
    g = b.g
    out = []
    for it in items:
        if isinstance(it, tuple):  # a slice lo:hi:step
            lo, hi, step = it
            if hi is None or (isinstance(step, complex)):
                raise b.err(f"{who} needs slices with a stop and an integer step", node)
            lo, step = lo or 0, step or 1
            n = len(range(lo, hi, step))
            it = g.op("arange", dim=g.new_dim(n), start=lo, stop=hi, step=step)
        elif isinstance(it, str):
            raise b.err(f"{who} with a directive string is not supported", node)
        out.append(it)
    return out


def _r_(b, node, items):
    parts = _r_items(b, node, items, "np.r_")
    g = b.g
    if all(p.rank <= 1 for p in parts):
        parts = [
            _reshaped(b, node, p, [g.new_dim(1)], "np.r_") if p.rank == 0 else p for p in parts
        ]
    return _concat_values(b, node, parts, 0, "np.r_")


def _c_(b, node, items):
    parts = _r_items(b, node, items, "np.c_")
    if any(p.rank == 0 for p in parts):
        raise ShapeError("np.c_ of scalars is not supported", loc(node), "use np.r_ or np.array")
    cols = [b.g.op("expand_dims", p, axes=(1,)) if p.rank == 1 else p for p in parts]
    return _concat_values(b, node, cols, 1, "np.c_")


# np.r_[...] and the like: the frontend hands them the subscript's items (values, or
# (start, stop, step) for a slice)
SUBSCRIPTS = {"numpy.r_": _r_, "numpy.c_": _c_}


# -- more joins, splits and reorderings ---------------------------------------------------
def _vsplit(b, node, x, sections):
    if x.rank < 2:
        raise ShapeError("np.vsplit needs a matrix", loc(node))
    return _split(b, node, x, sections, 0)


def _hsplit(b, node, x, sections):
    if x.rank == 0:
        raise ShapeError("np.hsplit needs a vector or a matrix", loc(node))
    return _split(b, node, x, sections, 1 if x.rank > 1 else 0)


def _append(b, node, x, values, axis=None):
    """np.append: np.concatenate of the flattened arrays (axis=None), or along an axis."""
    g = b.g
    if axis is None:
        parts = [
            _reshaped(b, node, v, [None] if v.rank else [g.new_dim(1)], "np.append")
            for v in (x, values)
        ]
        return _concat_values(b, node, parts, 0, "np.append")
    return _concat_values(b, node, [x, values], _ints(axis), "np.append")


def _rot90(b, node, m, k=1, axes=(0, 1)):
    """np.rot90 of a matrix: transposes and reversals (index ops, their adjoints scatter)."""
    g = b.g
    k, axes = _ints(k), _ints(axes)
    if m.rank != 2 or type(k) is not int or axes not in ((0, 1), (1, 0)):
        raise b.err("np.rot90 is supported for a matrix, a constant k and axes (0, 1)", node)
    if axes == (1, 0):
        k = -k
    k %= 4
    rev = ("s", None, None, -1)
    keep = ("s", None, None, None)
    if k == 0:
        return m
    if k == 2:
        return g.op("index", m, key=(rev, rev))
    t = g.op("transpose", m)
    return g.op("index", t, key=(rev, keep) if k == 1 else (keep, rev))


def _sort_shape(g, args, attrs):
    (x,) = args
    need(x.rank == 1, g, "np.sort is supported for vectors")
    return x.shape, GENERAL


RULES.update(
    {
        # y = P x, P = I[argsort(x)]: a permutation (constant where the entries are distinct)
        "sort": Rule(
            "np.sort({0})",
            _sort_shape,
            (lambda g, y, x: Kron(g.op("sort_matrix", x), None),),
        ),
        "sort_matrix": Rule("np.eye({0}.shape[0])[np.argsort({0})]", _permutation_shape, (None,)),
    }
)


def _sort(b, node, x, axis=-1, kind=None, order=None):
    if x.rank != 1 or _ints(axis) not in (-1, 0) or order is not None:
        raise b.err("np.sort is supported for a vector (axis=-1)", node)
    return b.g.op("sort", x)


CALLS.update(
    {
        "numpy.vsplit": _vsplit,
        "numpy.hsplit": _hsplit,
        "numpy.append": _append,
        "numpy.rot90": _rot90,
        "numpy.sort": _sort,
    }
)
