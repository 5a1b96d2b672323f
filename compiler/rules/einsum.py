"""np.einsum, the general contraction of arrays of any rank, and np.tensordot lowered to it.

The frontend makes every spec explicit ('...' expanded to letters, the implicit output
spelled out), so the op's `spec` is plain 'ij,jk->ik'. Its derivative with respect to each
operand is the `Einsum` form (compiler/einsum.py): applying it is the same einsum with the
tangent in that slot, its adjoint another einsum (JAX `_einsum` transpose rule,
jax/_src/lax/lax.py; autograd `grad_einsum`, autograd/numpy/numpy_vjps.py).
"""

from __future__ import annotations

from ..diagnostics import ShapeError
from ..einsum import LETTERS, Einsum, build, fresh, letter_dims, parse, unparse
from ..ir import GENERAL, Value
from .base import Rule, const_int, loc
from .batched import permute

MAX_OPERANDS = 32


def _shape(g, args, attrs):
    ins, out = parse(attrs["spec"])
    if len(ins) != len(args):
        raise ShapeError(
            f"np.einsum: the spec names {len(ins)} operands, got {len(args)}", g.at or g.loc
        )
    dims = letter_dims(g, ins, [a.shape for a in args])
    return tuple(dims[c] for c in out), GENERAL


def _spelling(args, attrs):
    ins, _ = parse(attrs["spec"])
    # more than two operands: let NumPy pick the contraction order (a chain of products)
    opt = ", optimize=True" if len(ins) > 2 else ""
    return f'np.einsum("{attrs["spec"]}", {", ".join(args)}{opt})'


def _deriv(k: int):
    return lambda g, y, *args: Einsum(y.attr("spec"), tuple(args), k)


def _simplify(g, args, attrs, shape):
    ins, out = parse(attrs["spec"])
    if len(ins) == 1 and ins[0] == out:  # einsum('ij->ij', X) is X
        return args[0]
    if len(ins) == 1 and sorted(ins[0]) == sorted(out) and len(set(out)) == len(out):
        return permute(g, args[0], tuple(ins[0].index(c) for c in out))
    for i, (sub, v) in enumerate(zip(ins, args)):
        others = "".join(s for j, s in enumerate(ins) if j != i)
        scale = v if v.rank == 0 else None
        if v.op == "broadcast" and v.args[0].rank == 0 and len(set(sub)) == len(sub):
            scale = v.args[0] if all(c in others for c in sub) else None  # c·ones: a scale
        if scale is not None and len(ins) > 1:  # scalar factors come out of the sum
            rest = [a for j, a in enumerate(args) if j != i]
            spec = unparse([s for j, s in enumerate(ins) if j != i], out)
            return g.op("mul", scale, g.op("einsum", *rest, spec=spec))
    return None


RULES: dict[str, Rule] = {
    "einsum": Rule(
        _spelling,
        _shape,
        tuple(_deriv(k) for k in range(MAX_OPERANDS)),
        ref="JAX _einsum transpose rule; autograd grad_einsum",
        simplify=_simplify,
        # not `fresh`: np.einsum returns a writeable view for a diagonal or a transpose
        # (np.einsum("ii->i", A) is A's diagonal), which must never be written into
        any_rank=True,
    ),
}


# -- the frontend's calls --------------------------------------------------------------
def _explicit(b, node, spec: str, operands: list[Value]) -> tuple[list[str], str]:
    """What the model wrote (implicit output, '...') as explicit letters for each axis."""
    text = spec.replace(" ", "")
    if "->" in text:
        lhs, out = text.split("->", 1)
    else:
        lhs, out = text, None
    ins = lhs.split(",")
    if len(ins) != len(operands):
        raise b.err(f"np.einsum: '{spec}' names {len(ins)} operands, got {len(operands)}", node)
    for part in ins + ([out] if out is not None else []):
        rest = part.replace("...", "", 1)
        if not all(c in LETTERS for c in rest) or "." in rest:
            raise b.err(
                f"np.einsum: cannot read the subscripts '{spec}'",
                node,
                "letters a-z, A-Z, one '...' per operand, and '->'",
            )
    used = set(text) & set(LETTERS)
    n_ell = []
    for sub, v in zip(ins, operands):
        named = len(sub.replace("...", ""))
        extra = v.rank - named
        if extra < 0 or (extra > 0 and "..." not in sub):
            raise ShapeError(
                f"np.einsum: the subscripts '{sub}' name {named} axes but the operand has "
                f"{v.rank} dimensions",
                loc(node),
                "give one letter per axis, or '...' for the leading ones",
            )
        n_ell.append(extra if "..." in sub else 0)
    most = max(n_ell, default=0)
    pool = "".join(fresh(used) for _ in range(most))
    ins = [s.replace("...", pool[most - n :]) for s, n in zip(ins, n_ell)]
    if out is None:  # implicit: the broadcast axes, then letters seen once, sorted
        every = "".join(ins)
        out = pool + "".join(sorted(c for c in set(every) if c not in pool and every.count(c) == 1))
    else:
        if "..." in out:
            out = out.replace("...", pool)
        elif any(n for n in n_ell):
            raise b.err(
                f"np.einsum: '{spec}' drops the '...' axes from its output",
                node,
                "write '...' in the output too, or name the axes with letters",
            )
        if len(set(out)) != len(out):
            raise b.err(f"np.einsum: the output '{out}' repeats a letter", node)
        if any(c not in "".join(ins) for c in out):
            raise b.err(f"np.einsum: the output '{out}' names a letter no operand has", node)
    return ins, out


def _sublists(b, node, items: tuple) -> tuple[str, tuple]:
    """np.einsum(A, [0, 1], B, [1, 2], [0, 2]): the subscripts as integers (Ellipsis for
    '...') after each operand, then the output's, as one spec string and the operands."""

    def letters(sub) -> str:
        if not isinstance(sub, tuple):
            raise b.err(
                "np.einsum needs its subscripts as a string literal, or a list of axis "
                "numbers after each operand",
                node,
                "e.g. np.einsum('ij,jk->ik', A, B) or np.einsum(A, [0, 1], B, [1, 2])",
            )
        out = ""
        for e in sub:
            k = e if e is Ellipsis else const_int(e)
            if k is Ellipsis:
                out += "..."
            elif k is None or not 0 <= k < len(LETTERS):
                raise b.err(f"np.einsum: axis numbers are constants 0..{len(LETTERS) - 1}", node)
            else:
                out += LETTERS[k]
        return out

    pairs = items[: len(items) // 2 * 2]
    operands = pairs[0::2]
    spec = ",".join(letters(s) for s in pairs[1::2])
    if len(items) % 2:
        spec += "->" + letters(items[-1])
    return spec, operands


def _einsum(b, node, spec=None, *operands, optimize=False):
    if isinstance(spec, Value):  # the sublist form
        spec, operands = _sublists(b, node, (spec, *operands))
    if not isinstance(spec, str):
        raise b.err(
            "np.einsum needs its subscripts as a string literal first",
            node,
            "e.g. np.einsum('ij,jk->ik', A, B)",
        )
    if not operands or not all(isinstance(v, Value) for v in operands):
        raise b.err("np.einsum takes arrays after the subscripts", node)
    if len(operands) > MAX_OPERANDS:
        raise b.err(f"np.einsum of more than {MAX_OPERANDS} operands", node)
    ins, out = _explicit(b, node, spec, list(operands))
    b.g.at = loc(node)
    return build(b.g, ins, out, list(operands))


def tensordot(b, node, a, c, axes=2):
    """np.tensordot(a, b, axes): an einsum over the paired axes."""
    if isinstance(axes, (tuple, list)) and len(axes) == 2:
        left, right = axes
        left = tuple(left) if isinstance(left, (tuple, list)) else (left,)
        right = tuple(right) if isinstance(right, (tuple, list)) else (right,)
        left, right = tuple(const_int(x) for x in left), tuple(const_int(x) for x in right)
    else:
        n = const_int(axes)
        if n is None or n < 0 or n > min(a.rank, c.rank):
            raise b.err("np.tensordot needs axes= a constant count or two lists of axes", node)
        left, right = tuple(range(a.rank - n, a.rank)), tuple(range(n))
    if (
        None in left
        or None in right
        or len(left) != len(right)
        or not all(-a.rank <= x < a.rank for x in left)
        or not all(-c.rank <= x < c.rank for x in right)
    ):
        raise b.err("np.tensordot needs axes= a constant count or two lists of axes", node)
    left = tuple(x % a.rank for x in left)
    right = tuple(x % c.rank for x in right)
    if len(set(left)) != len(left) or len(set(right)) != len(right):
        raise b.err("np.tensordot: an axis is paired twice", node)
    letters = iter(LETTERS)
    sa = [next(letters) for _ in range(a.rank)]
    sc = [next(letters) for _ in range(c.rank)]
    for x, y in zip(left, right):
        sc[y] = sa[x]
    out = [s for i, s in enumerate(sa) if i not in left] + [
        s for i, s in enumerate(sc) if i not in right
    ]
    b.g.at = loc(node)
    return build(b.g, ["".join(sa), "".join(sc)], "".join(out), [a, c])


CALLS = {"numpy.einsum": _einsum, "numpy.tensordot": tensordot}
