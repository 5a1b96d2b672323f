"""Einstein summation as the general contraction of arrays of any rank (issue 9): the
subscripts of np.einsum made explicit, and the two forms that carry batch dimensions —
`Einsum` (dY = einsum(spec, A, …, dX, …, B)) and `Permute` (dY = transpose(dX, perm)).

The adjoint of an einsum with respect to one operand is another einsum: the operand's
subscripts become the output and Ȳ takes the output's place (JAX's `_einsum` transpose
rule in jax/_src/lax/lax.py, and autograd's `grad_einsum` in autograd/numpy/numpy_vjps.py,
state the same). Two cases need more than swapping subscripts, and both stay one einsum:
a letter repeated in the operand (a diagonal, 'ii->i') is written once per occurrence and
tied by an identity matrix operand; a letter only that operand has (summed over, 'ij->i')
is broadcast by a ones vector operand. No n²×n² matrix is ever formed: a batched Kron
A dX B is einsum('...ij,...jk,...kl->...il', A, dX, B), one matrix product per batch entry.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from .diagnostics import ShapeError
from .forms import Form, SameShape, conj
from .ir import Graph, Value

LETTERS = string.ascii_letters


def parse(spec: str) -> tuple[list[str], str]:
    """'ij,jk->ik' -> (['ij', 'jk'], 'ik'); the output is '' for a scalar. The spec must be
    explicit and without '...' (the frontend normalizes what the model wrote)."""
    ins, out = spec.split("->")
    return ins.split(","), out


def unparse(ins: list[str], out: str) -> str:
    return ",".join(ins) + "->" + out


def letter_dims(g: Graph, ins: list[str], shapes: list[tuple[int, ...]]) -> dict[str, int]:
    """Each letter's dimension (the first operand that has it), after checking ranks and
    unifying the sizes a letter names."""
    dims: dict[str, int] = {}
    for sub, shape in zip(ins, shapes):
        if len(sub) != len(shape):
            raise ShapeError(
                f"np.einsum: the subscripts '{sub}' name {len(sub)} axes but the operand has "
                f"{len(shape)}",
                g.at or g.loc,
                "give one letter per axis, or '...' for the leading ones",
            )
        for c, d in zip(sub, shape):
            if c in dims:
                g.unify(dims[c], d, f"np.einsum (the axes labelled '{c}')")
            else:
                dims[c] = d
    return dims


def fresh(used: set[str]) -> str:
    """A letter not in `used` (it is added)."""
    for c in LETTERS:
        if c not in used:
            used.add(c)
            return c
    raise ShapeError("np.einsum: more than 52 distinct axes", None, "use fewer axes")


def build(g: Graph, ins: list[str], out: str, operands: list[Value]) -> Value:
    """The einsum op of these subscripts (normalized as `normalize` says)."""
    return g.op("einsum", *operands, spec=normalize(g, ins, out, operands))


def normalize(g: Graph, ins: list[str], out: str, operands: list[Value]) -> str:
    """The spec, after one normalization that keeps NumPy's meaning: an axis of literal
    size 1 against a larger axis of the same letter (broadcasting) gets a letter of its own,
    summed over (a no-op on size 1), so that the op's letters name equal sizes."""
    sizes: dict[str, set] = {}
    for sub, v in zip(ins, operands):
        for c, d in zip(sub, v.shape):
            sizes.setdefault(c, set()).add(g.dim_info(d).fixed == 1)
    used = set("".join(ins) + out)
    new_ins = []
    for sub, v in zip(ins, operands):
        if len(sub) != v.rank:
            letter_dims(g, [sub], [v.shape])  # raises the rank message
        chars = []
        for c, d in zip(sub, v.shape):
            one = g.dim_info(d).fixed == 1
            chars.append(fresh(used) if one and sizes[c] == {True, False} else c)
        new_ins.append("".join(chars))
    return unparse(new_ins, out)


@dataclass(frozen=True)
class Einsum(Form):
    """dY = einsum(spec, …) with the tangent in operand slot `k` (the other operands fixed)."""

    spec: str
    operands: tuple[Value, ...]
    k: int

    def apply(self, g, t):
        ops = list(self.operands)
        ops[self.k] = t
        ins, out = parse(self.spec)
        return build(g, ins, out, ops)

    def adjoint(self, g, ybar, in_shape):
        ins, out = parse(self.spec)
        target = ins[self.k]
        dims = letter_dims(
            g,
            [s for i, s in enumerate(ins) if i != self.k] + [target],
            [v.shape for i, v in enumerate(self.operands) if i != self.k] + [in_shape],
        )
        subs = [s for i, s in enumerate(ins) if i != self.k] + [out]
        ops = [conj(g, v) for i, v in enumerate(self.operands) if i != self.k] + [ybar]
        have = set("".join(subs))
        used = set("".join(ins) + out)
        result = []
        for c in target:
            if c in result:  # a diagonal: a new letter, tied to c by the identity
                r = fresh(used)
                subs.append(c + r)
                ops.append(g.op("eye", dim=g.find(dims[c])))
                result.append(r)
                continue
            if c not in have:  # summed over in the forward einsum: broadcast back
                subs.append(c)
                ops.append(g.op("broadcast", g.const(1.0), shape=(g.find(dims[c]),)))
                have.add(c)
            result.append(c)
        return build(g, subs, "".join(result), ops)

    def talk(self, name) -> str:
        args = ", ".join("·" if i == self.k else name(v) for i, v in enumerate(self.operands))
        return f"einsum('{self.spec}', {args})"

    def out_shape(self, g, in_shape):
        ins, out = parse(self.spec)
        shapes = [v.shape for v in self.operands]
        shapes[self.k] = in_shape
        dims = letter_dims(g, ins, shapes)
        return tuple(dims[c] for c in out)


@dataclass(frozen=True)
class Permute(Form):
    """dY = transpose(dX, perm); adjoint: transpose Ȳ by the inverse permutation."""

    perm: tuple[int, ...]

    def apply(self, g, t):
        return g.op("permute", t, perm=self.perm)

    def adjoint(self, g, ybar, in_shape):
        inverse = tuple(sorted(range(len(self.perm)), key=lambda i: self.perm[i]))
        return g.op("permute", ybar, perm=inverse)

    def talk(self, name) -> str:
        return f"transpose(·, {self.perm})"

    def out_shape(self, g, in_shape):
        return tuple(in_shape[p] for p in self.perm)


def swap_last(rank: int) -> tuple[int, ...]:
    """The permutation exchanging the last two axes (a batched transpose)."""
    return tuple(range(rank - 2)) + (rank - 1, rank - 2)


def batch_letters(used: set[str], ranks: list[int]) -> list[str]:
    """Letters for the leading (batch) axes of operands of these ranks, right-aligned as
    NumPy broadcasts them: the longest gets them all, the others their last ones."""
    most = max(ranks, default=0)
    pool = [fresh(used) for _ in range(most)]
    return ["".join(pool[most - r :]) for r in ranks]


@dataclass(frozen=True)
class LowerSymBatched(SameShape):
    """LowerSym on each matrix of a stack: dS = tril(dX) + tril(dX, −1)ᵀ, the symmetric
    matrix np.linalg.cholesky reads from the lower triangle. Adjoint: tril(Ȳ + Ȳᵀ) − I ∘ Ȳ."""

    def apply(self, g, t):
        swap = swap_last(t.rank)
        return g.op("add", g.op("tril", t, k=0), g.op("permute", g.op("tril", t, k=-1), perm=swap))

    def adjoint(self, g, ybar, in_shape):
        swap = swap_last(ybar.rank)
        both = g.op("tril", g.op("add", ybar, g.op("permute", ybar, perm=swap)), k=0)
        eye = g.op("eye", dim=g.find(in_shape[-1]))
        return g.op("sub", both, g.op("mul", ybar, eye))

    def talk(self, name) -> str:
        return "sym ∘ tril (each matrix)"
