"""The linear-map forms every derivative is written in, and their unwinding (adjoints).

A form L stands for the derivative dY = L[dX] of one op with respect to one argument.
It is never materialised: `apply` builds the IR of L[T] for a tangent T (forward mode) and
`adjoint` builds the IR of Lᵀ[Ȳ] (reverse mode), following DESIGN.md's table:

    Kron(A, B)     dY = A dX B          adjoint  X̄ = Aᵀ Ȳ Bᵀ
    Box(A, B)      dY = A dXᵀ B         adjoint  X̄ = B Ȳᵀ A
    Outer(A, B)    dY = ⟨A, dX⟩ B       adjoint  X̄ = ⟨B, Ȳ⟩ A      (B omitted: a scalar 1)
    Hadamard(D)    dY = D ∘ dX          adjoint  X̄ = unbroadcast(D ∘ Ȳ)
    Reduce         dy = sum(dX)         adjoint  X̄ = broadcast(ȳ)
    DiagOf/DiagEmbed, Dyad (np.outer), Compose, Sum: structural.

Outer uses the Frobenius product ⟨A, dX⟩ = tr(Aᵀ dX), which reads the same for vectors and
matrices; DESIGN.md's tr(A dX) B is Outer(Aᵀ, B). A matrix factor may be `Inv(M)`, kept
symbolic so that its adjoint is a solve with M, never an explicit inverse.
Vectors are 1-D as in NumPy; the matmul helpers below pick outer or dot products by rank.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from .diagnostics import ShapeError
from .ir import DIAGONAL, LOWER, SPD, SYMMETRIC, Graph, Value

Shape = tuple[int, ...]


@dataclass(frozen=True)
class Inv:
    """The factor op(M)⁻¹ inside a Kron form (op = identity, or transpose when `trans`),
    kept symbolic: applying it is a solve, never an explicit inverse."""

    M: Value
    trans: bool = False
    lower: bool | None = None  # M is triangular (solve_triangular reads only that triangle)
    chol: Value | None = None  # M is symmetric and this is its scipy cho_factor

    @property
    def rank(self) -> int:
        return 2

    @property
    def shape(self) -> Shape:
        return tuple(reversed(self.M.shape)) if self.trans else self.M.shape

    @property
    def T(self) -> Inv:
        if self.chol is not None:
            return self
        return Inv(self.M, not self.trans, self.lower)

    def H(self, g: Graph) -> Inv:
        """(op(M)⁻¹)ᴴ = (conj(op(M))ᵀ)⁻¹."""
        if self.chol is not None:
            return self
        return Inv(conj(g, self.M), not self.trans, self.lower)


Factor = Value | Inv | None


def conj(g: Graph, v: Value) -> Value:
    """The complex conjugate (the identity on real values, folded away when built)."""
    return g.op("conj", v)


def _H(g: Graph, A: Value) -> Value:
    """Aᴴ: the adjoint of multiplying by A (Aᵀ for real A)."""
    return g.op("transpose", conj(g, A))


def _mm_rank(r1: int, r2: int) -> int:
    return r1 + r2 - 2


def _left(g: Graph, A: Factor, t: Value) -> Value:
    """A @ t."""
    if A is None:
        return t
    if isinstance(A, Inv):
        if A.chol is not None:
            return g.op("cho_solve", A.chol, A.M, t)
        if A.lower is not None:
            return g.op("solve_triangular", A.M, t, lower=A.lower, trans=int(A.trans))
        M = g.op("transpose", A.M) if A.trans else A.M
        return g.op("solve", M, t)
    return g.op("matmul", A, t)


def _right(g: Graph, t: Value, B: Factor) -> Value:
    """t @ B."""
    if B is None:
        return t
    if isinstance(B, Inv):  # t B = (Bᵀ tᵀ)ᵀ
        return g.op("transpose", _left(g, B.T, g.op("transpose", t)))
    return g.op("matmul", t, B)


def _left_adjoint(g: Graph, A: Factor, ybar: Value, t_rank: int) -> Value:
    """The adjoint of t ↦ A @ t applied to ȳ: Aᴴ ȳ, an outer product when A is a vector."""
    if A is None:
        return ybar
    if isinstance(A, Inv):
        return _left(g, A.H(g), ybar)
    if A.rank == 2:
        return g.op("matmul", _H(g, A), ybar)
    A = conj(g, A)
    return g.op("outer", A, ybar) if t_rank == 2 else g.op("mul", ybar, A)


def _right_adjoint(g: Graph, B: Factor, ybar: Value, t_rank: int) -> Value:
    """The adjoint of t ↦ t @ B applied to ȳ: ȳ Bᴴ, an outer product when B is a vector."""
    if B is None:
        return ybar
    if isinstance(B, Inv):
        return _right(g, ybar, B.H(g))
    if B.rank == 2:
        return g.op("matmul", ybar, _H(g, B))
    B = conj(g, B)
    return g.op("outer", ybar, B) if t_rank == 2 else g.op("mul", ybar, B)


def _mm_shape(g: Graph, s: Shape, t: Shape) -> Shape:
    return tuple(s[:-1]) + (tuple(t[-1:]) if len(t) == 2 else ())


def broadcast_shape(g: Graph, s: Shape, t: Shape, operands: tuple = ()) -> Shape:
    """NumPy's broadcasting of two shapes (a literal 1 stretches; others must agree)."""
    out: list[int] = []
    for i in range(1, max(len(s), len(t)) + 1):
        a = s[-i] if i <= len(s) else None
        b = t[-i] if i <= len(t) else None
        if a is None or b is None:
            out.append(a if b is None else b)
        elif g.dim_info(a).fixed == 1:
            out.append(b)
        elif g.dim_info(b).fixed == 1:
            out.append(a)
        else:
            g.unify(a, b, "an elementwise operation (broadcasting)", operands)
            out.append(a)
    return tuple(reversed(out))


def unbroadcast(g: Graph, v: Value, shape: Shape) -> Value:
    """Sum v over the axes that broadcasting stretched, so that it has `shape`."""
    if g.same_shape(v.shape, shape):
        return v
    if not shape:
        return g.op("sum", v)
    lead = v.rank - len(shape)
    if lead > 0:
        v = g.op("sum_axes", v, axes=tuple(range(lead)), keepdims=False)
    ones = tuple(
        i
        for i, d in enumerate(shape)
        if g.dim_info(d).fixed == 1 and g.dim_info(v.shape[i]).fixed != 1
    )
    if ones:
        v = g.op("sum_axes", v, axes=ones, keepdims=True)
    return v


def expand(g: Graph, v: Value, shape: Shape) -> Value:
    """Broadcast v up to `shape` (the adjoint of `unbroadcast`)."""
    if g.same_shape(v.shape, shape):
        return v
    return g.op("broadcast", v, shape=g.find_shape(shape))


class Form:
    """A linear map dX ↦ dY. Subclasses give apply (forward), adjoint (reverse), out_shape."""

    def apply(self, g: Graph, t: Value) -> Value:
        raise NotImplementedError

    def adjoint(self, g: Graph, ybar: Value, in_shape: Shape) -> Value:
        raise NotImplementedError

    def out_shape(self, g: Graph, in_shape: Shape) -> Shape:
        raise NotImplementedError


class SameShape(Form):
    """A linear map of an array to one of the same shape (Hadamard, triangles, Re, ...)."""

    def out_shape(self, g: Graph, in_shape: Shape) -> Shape:
        return in_shape


@dataclass(frozen=True)
class OpMap(Form):
    """dY = f(dX) for a linear op f of the IR, its attributes the form's fields, whose adjoint
    is the op `adjoint` (none: the identity) unless the subclass defines its own; a subclass
    names both: `class DiagOf(OpMap, op="diag_of", adjoint="diag_embed")`."""

    op: ClassVar[str]
    adjoint_op: ClassVar[str | None]

    def __init_subclass__(cls, op: str, adjoint: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.op, cls.adjoint_op = op, adjoint

    def apply(self, g, t):
        return g.op(self.op, t, **{f.name: getattr(self, f.name) for f in fields(self)})

    def adjoint(self, g, ybar, in_shape):
        return ybar if self.adjoint_op is None else g.op(self.adjoint_op, ybar)


@dataclass(frozen=True)
class Kron(Form):
    """dY = A dX B (A ⊗ Bᵀ in the talk); a None factor is the identity."""

    A: Factor = None
    B: Factor = None

    def apply(self, g, t):
        return _left(g, self.A, _right(g, t, self.B))

    def adjoint(self, g, ybar, in_shape):
        mid_rank = len(in_shape) if self.B is None else _mm_rank(len(in_shape), self.B.rank)
        u = _left_adjoint(g, self.A, ybar, mid_rank)
        return _right_adjoint(g, self.B, u, len(in_shape))

    def out_shape(self, g, in_shape):
        s = in_shape if self.B is None else _mm_shape(g, in_shape, self.B.shape)
        return s if self.A is None else _mm_shape(g, self.A.shape, s)


@dataclass(frozen=True)
class Box(Form):
    """dY = A dXᵀ B (A ⊠ Bᵀ in the talk); Box() is the transpose."""

    A: Factor = None
    B: Factor = None

    def apply(self, g, t):
        return Kron(self.A, self.B).apply(g, g.op("transpose", t))

    def adjoint(self, g, ybar, in_shape):
        return g.op("transpose", Kron(self.A, self.B).adjoint(g, ybar, tuple(reversed(in_shape))))

    def out_shape(self, g, in_shape):
        return Kron(self.A, self.B).out_shape(g, tuple(reversed(in_shape)))


@dataclass(frozen=True)
class Outer(Form):
    """dY = ⟨A, dX⟩ B, a rank-one map (vec(B) vecᵀ(A)); B None means the scalar 1.
    ⟨A, dX⟩ = Σ A ∘ dX (no conjugation: the map is complex-linear)."""

    A: Value
    B: Value | None = None

    def apply(self, g, t):
        s = g.op("sum", g.op("mul", self.A, t))
        return s if self.B is None else g.op("mul", s, self.B)

    def adjoint(self, g, ybar, in_shape):
        c = ybar if self.B is None else g.op("sum", g.op("mul", conj(g, self.B), ybar))
        return g.op("mul", c, conj(g, self.A))

    def out_shape(self, g, in_shape):
        return () if self.B is None else self.B.shape


@dataclass(frozen=True)
class Hadamard(Form):
    """dY = D ∘ dX (or dX / D), broadcast to `out`; D None is the identity (broadcasting)."""

    D: Value | None
    out: Shape
    divide: bool = False

    def _scale(self, g, v, D):
        if D is None:
            return v
        return g.op("div" if self.divide else "mul", v, D)

    def apply(self, g, t):
        return expand(g, self._scale(g, t, self.D), self.out)

    def adjoint(self, g, ybar, in_shape):
        D = None if self.D is None else conj(g, self.D)
        return unbroadcast(g, self._scale(g, ybar, D), in_shape)

    def out_shape(self, g, in_shape):
        return self.out


@dataclass(frozen=True)
class Reduce(Form):
    """dy = sum(dX) over `axes` (all when None); adjoint: broadcast back."""

    axes: tuple[int, ...] | None = None
    keepdims: bool = False

    def apply(self, g, t):
        if self.axes is None:
            return g.op("sum", t)
        return g.op("sum_axes", t, axes=self.axes, keepdims=self.keepdims)

    def adjoint(self, g, ybar, in_shape):
        if self.axes is not None and not self.keepdims:
            ybar = g.op("expand_dims", ybar, axes=self.axes)
        return expand(g, ybar, in_shape)

    def out_shape(self, g, in_shape):
        if self.axes is None:
            return ()
        if self.keepdims:
            return tuple(g.new_dim(1) if i in self.axes else d for i, d in enumerate(in_shape))
        return tuple(d for i, d in enumerate(in_shape) if i not in self.axes)


@dataclass(frozen=True)
class DiagOf(OpMap, op="diag_of", adjoint="diag_embed"):
    """dy = diag(dX), the diagonal of a square matrix; adjoint: the diagonal matrix of ȳ."""

    def out_shape(self, g, in_shape):
        return in_shape[:1]


@dataclass(frozen=True)
class DiagEmbed(OpMap, op="diag_embed", adjoint="diag_of"):
    """dY = Diag(dx), the diagonal matrix of a vector; adjoint: the diagonal of Ȳ."""

    def out_shape(self, g, in_shape):
        return (in_shape[0], in_shape[0])


def _need_index(cond: bool, g, what: str) -> None:
    if not cond:
        raise ShapeError(what, g.at or g.loc, "indices and slices must fit the array's shape")


def index_shape(g: Graph, shape: tuple, key: tuple) -> tuple:
    """The shape of x[key] for a key of constant entries: ("i", k) an integer,
    ("s", start, stop, step) a slice, ("n",) np.newaxis."""
    out = []
    rest = list(shape)
    for e in key:
        if e[0] == "n":
            out.append(g.new_dim(1))
            continue
        _need_index(bool(rest), g, "too many indices for this array")
        d = rest.pop(0)
        fixed = g.dim_info(d).fixed
        if e[0] == "i":
            if isinstance(fixed, int):
                _need_index(
                    -fixed <= e[1] < fixed,
                    g,
                    f"index {e[1]} is out of range for size {fixed}",
                )
            continue
        start, stop, step = e[1:]
        if start is None and stop is None and step in (None, 1, -1):  # all, or reversed
            out.append(d)
        elif isinstance(fixed, int):
            out.append(g.new_dim(len(range(fixed)[slice(start, stop, step)])))
        elif step in (None, 1) and stop is not None and stop >= 0 and (start or 0) >= 0:
            out.append(g.new_dim(max(stop - (start or 0), 0)))  # assumes stop <= the size
        else:
            out.append(g.slice_dim(d, start, stop, step))
    return tuple(out) + tuple(rest)


@dataclass(frozen=True)
class Index(OpMap, op="index"):
    """dY = dX[key] (constant indices and slices); adjoint: scatter Ȳ into zeros."""

    key: tuple

    def adjoint(self, g, ybar, in_shape):
        return g.op("scatter", ybar, key=self.key, shape=g.find_shape(in_shape))

    def out_shape(self, g, in_shape):
        return index_shape(g, in_shape, self.key)


@dataclass(frozen=True)
class LowerSym(SameShape):
    """dS = tril(dX) + tril(dX, −1)ᵀ: the symmetric matrix that routines reading only the lower
    triangle (cholesky, eigh) see. Adjoint: tril(Ȳ + Ȳᵀ) − Diag(diag Ȳ) (DESIGN.md).
    With upper=True the same for routines reading the upper triangle (cho_factor)."""

    upper: bool = False

    def apply(self, g, t):
        tri = "triu" if self.upper else "tril"
        k = 1 if self.upper else -1
        return g.op("add", g.op(tri, t, k=0), g.op("transpose", g.op(tri, t, k=k)))

    def adjoint(self, g, ybar, in_shape):
        both = g.op(
            "triu" if self.upper else "tril", g.op("add", ybar, g.op("transpose", ybar)), k=0
        )
        return g.op("sub", both, g.op("diag_embed", g.op("diag_of", ybar)))


@dataclass(frozen=True)
class Triangle(SameShape):
    """dY = tril(dX, k) (or triu): the part of a matrix a triangular routine reads."""

    k: int = 0
    upper: bool = False

    def apply(self, g, t):
        return g.op("triu" if self.upper else "tril", t, k=self.k)

    def adjoint(self, g, ybar, in_shape):
        return self.apply(g, ybar)


@dataclass(frozen=True)
class Phi(OpMap, SameShape, op="phi", adjoint="phi"):
    """dY = Φ(dX): the lower triangle with its diagonal halved (the Cholesky derivative's Φ,
    Murray 2016, eq. 9). Self-adjoint; computed as tril then a diagonal view scaled in
    place, never as a product with an n×n mask."""


@dataclass(frozen=True)
class RealPart(OpMap, SameShape, op="real"):
    """dy = Re(dz); adjoint: ȳ itself, as a complex adjoint."""


@dataclass(frozen=True)
class ImagPart(OpMap, SameShape, op="imag", adjoint="times_i"):
    """dy = Im(dz); adjoint: i ȳ (⟨ȳ, Im dz⟩ = Re(conj(i ȳ) dz))."""


@dataclass(frozen=True)
class Conj(OpMap, SameShape, op="conj", adjoint="conj"):
    """dY = conj(dZ), real-linear; adjoint: conj(Ȳ)."""


@dataclass(frozen=True)
class Frechet(SameShape):
    """dY = L_f(A, dX), the Fréchet derivative of a matrix function f (expm). For f with real
    Taylor coefficients the adjoint is L_f(Aᴴ, Ȳ) (Higham, Functions of Matrices, 3.6)."""

    fn: str
    A: Value

    def apply(self, g, t):
        return g.op(f"{self.fn}_frechet", self.A, t)

    def adjoint(self, g, ybar, in_shape):
        return g.op(f"{self.fn}_frechet", _H(g, self.A), ybar)


@dataclass(frozen=True)
class Sylvester(SameShape):
    """dY = X solving A X + X B = dQ (sqrtm: A = B = Y); adjoint: Aᴴ Z + Z Bᴴ = Ȳ."""

    A: Value
    B: Value

    def apply(self, g, t):
        return g.op("sylvester", self.A, self.B, t)

    def adjoint(self, g, ybar, in_shape):
        return g.op("sylvester", _H(g, self.A), _H(g, self.B), ybar)


@dataclass(frozen=True)
class KronProduct(Form):
    """dY = kron(dA, B) (left) or kron(A, dB); adjoint: contract Ȳ, reshaped to 4 axes,
    with the fixed factor."""

    fixed: Value
    left: bool  # True: the varying argument is the left factor of np.kron

    def apply(self, g, t):
        return g.op("kron", t, self.fixed) if self.left else g.op("kron", self.fixed, t)

    def adjoint(self, g, ybar, in_shape):
        a = in_shape if self.left else self.fixed.shape
        b = self.fixed.shape if self.left else in_shape
        # Y[(i,k),(j,l)] = A[i,j] B[k,l]: view Ȳ with axes (i, k, j, l) and contract
        sizes = tuple(g.find(d) for pair in zip(a, b) for d in pair)
        if len(a) == 2:
            spec = "ikjl,kl->ij" if self.left else "ikjl,ij->kl"
        else:
            spec = "ik,k->i" if self.left else "ik,i->k"
        return g.op(
            "kron_contract", ybar, conj(g, self.fixed), sizes=sizes, spec=spec, left=self.left
        )

    def out_shape(self, g, in_shape):
        a = in_shape if self.left else self.fixed.shape
        b = self.fixed.shape if self.left else in_shape
        return tuple(g.product_dim(x, y) for x, y in zip(a, b))


@dataclass(frozen=True)
class Adjoint(Form):
    """The adjoint of a form as a form of its own: scatter is the adjoint of indexing,
    expand_dims the adjoint of a sum over size-1 axes. `in_shape` is F's input shape."""

    F: Form
    F_in: Shape

    def apply(self, g, t):
        return self.F.adjoint(g, t, self.F_in)

    def adjoint(self, g, ybar, in_shape):
        return self.F.apply(g, ybar)

    def out_shape(self, g, in_shape):
        return self.F_in


@dataclass(frozen=True)
class UnitColumns(SameShape):
    """dV ↦ dV − V ∘ Re(Σᵢ conj(V) ∘ dV): keeps each (unit) column of V at unit norm, as
    np.linalg.eig normalises eigenvectors. An orthogonal projection, so self-adjoint."""

    V: Value

    def apply(self, g, t):
        inner = g.op("sum_axes", g.op("mul", conj(g, self.V), t), axes=(0,), keepdims=True)
        return g.op("sub", t, g.op("mul", self.V, g.op("real", inner)))

    def adjoint(self, g, ybar, in_shape):
        return self.apply(g, ybar)


@dataclass(frozen=True)
class Dyad(Form):
    """dY = outer(a, dx) or outer(dx, b) (np.outer with one side fixed)."""

    a: Value | None = None
    b: Value | None = None

    def apply(self, g, t):
        return g.op(
            "outer", self.a if self.a is not None else t, self.b if self.b is not None else t
        )

    def adjoint(self, g, ybar, in_shape):
        if self.a is None:
            return g.op("matmul", ybar, conj(g, self.b))
        return g.op("matmul", conj(g, self.a), ybar)

    def out_shape(self, g, in_shape):
        a = self.a.shape if self.a is not None else in_shape
        b = self.b.shape if self.b is not None else in_shape
        return (a[0], b[0])


@dataclass(frozen=True)
class Compose(Form):
    """dY = F(G(dX)): apply G first; the adjoint runs Fᵀ then Gᵀ. More than two: F(G(H(dX)))."""

    F: Form
    G: Form

    def apply(self, g, t):
        return self.F.apply(g, self.G.apply(g, t))

    def adjoint(self, g, ybar, in_shape):
        mid = self.G.out_shape(g, in_shape)
        return self.G.adjoint(g, self.F.adjoint(g, ybar, mid), in_shape)

    def out_shape(self, g, in_shape):
        return self.F.out_shape(g, self.G.out_shape(g, in_shape))


def chain(*forms: Form) -> Form:
    """chain(F, G, H) = F ∘ G ∘ H: H is applied first."""
    out = forms[-1]
    for f in reversed(forms[:-1]):
        out = Compose(f, out)
    return out


@dataclass(frozen=True)
class Sum(Form):
    """dY = F(dX) + G(dX)."""

    F: Form
    G: Form

    def apply(self, g, t):
        return g.op("add", self.F.apply(g, t), self.G.apply(g, t))

    def adjoint(self, g, ybar, in_shape):
        return g.op("add", self.F.adjoint(g, ybar, in_shape), self.G.adjoint(g, ybar, in_shape))

    def out_shape(self, g, in_shape):
        return self.F.out_shape(g, in_shape)


def project_structure(g: Graph, grad: Value, struct: str) -> Value:
    """The gradient of a structured parameter: the derivative along the directions the
    structure allows (DESIGN.md, gradient conventions): (G + Gᵀ)/2 for sym/spd (the PyTorch
    and JAX convention), the diagonal of G for diag, tril(G) for lower."""
    if struct in (SYMMETRIC, SPD) and not grad.is_symmetric:
        return g.op("symmetrize", grad)
    if struct == DIAGONAL and grad.struct != DIAGONAL:
        return g.op("diag_embed", g.op("diag_of", grad))
    if struct == LOWER:
        return g.op("tril", grad, k=0)
    return grad


def zero(g: Graph, like: Value) -> Value:
    """A zero of like's shape: the derivative of what does not depend on the inputs."""
    if like.rank == 0:
        return g.const(0.0)
    return g.op("zeros", shape=g.find_shape(like.shape))


def project(g: Graph, contribution: Value, target: Value) -> Value:
    """An adjoint flowing into a real value from complex arithmetic keeps its real part
    (the adjoint of the embedding ℝ → ℂ)."""
    if target.dtype == "real" and contribution.dtype == "complex":
        return g.op("real", contribution)
    return contribution


# -- structure and scans (issue 9's vocabulary) ---------------------------------------------
def reverse_key(axis: int, rank: int) -> tuple:
    """The index key x[..., ::-1, ...] reversing one axis."""
    return tuple(("s", None, None, -1 if i == axis else None) for i in range(rank))


def reshape(g: Graph, v: Value, shape: Shape) -> Value:
    """v with a new shape of the same size; a size-1 array to a scalar is its sum."""
    if not shape:
        return v if v.rank == 0 else g.op("sum", v)
    return g.op("reshape", v, shape=g.find_shape(shape))


@dataclass(frozen=True)
class Reshape(Form):
    """dY = reshape(dX, out) (C order); adjoint: reshape Ȳ back to the input's shape."""

    out: Shape

    def apply(self, g, t):
        return reshape(g, t, self.out)

    def adjoint(self, g, ybar, in_shape):
        return reshape(g, ybar, in_shape)

    def out_shape(self, g, in_shape):
        return self.out


@dataclass(frozen=True)
class Roll(OpMap, SameShape, op="roll"):
    """dY = roll(dX, shift, axis), a permutation; adjoint: roll by −shift."""

    shift: int
    axis: int

    def adjoint(self, g, ybar, in_shape):
        return g.op("roll", ybar, shift=-self.shift, axis=self.axis)


@dataclass(frozen=True)
class CumSum(OpMap, SameShape, op="cumsum"):
    """dY = cumsum(dX, axis); adjoint: the reversed cumulative sum, X̄ᵢ = Σ_{j≥i} Ȳⱼ."""

    axis: int

    def adjoint(self, g, ybar, in_shape):
        rev = reverse_key(self.axis, len(in_shape))
        flipped = g.op("cumsum", g.op("index", ybar, key=rev), axis=self.axis)
        return g.op("index", flipped, key=rev)


@dataclass(frozen=True)
class Diagonal(Form):
    """dy = diagonal(dX, k) of a matrix (any shape); adjoint: Ȳ put on the k-th diagonal of
    zeros of the matrix's shape."""

    k: int
    out: Shape

    def apply(self, g, t):
        return g.op("diagonal", t, k=self.k)

    def adjoint(self, g, ybar, in_shape):
        return g.op("diag_put", ybar, k=self.k, shape=g.find_shape(in_shape))

    def out_shape(self, g, in_shape):
        return self.out


@dataclass(frozen=True)
class DiagEmbedK(Form):
    """dY = diag(dx, k), the square matrix with dx on its k-th diagonal; adjoint: the k-th
    diagonal of Ȳ."""

    k: int
    out: Shape

    def apply(self, g, t):
        return g.op("diag_embed_k", t, k=self.k)

    def adjoint(self, g, ybar, in_shape):
        return g.op("diagonal", ybar, k=self.k)

    def out_shape(self, g, in_shape):
        return self.out


# -- partial spectra (issue 14): derivatives that stay O(nk) -----------------------------
@dataclass(frozen=True)
class Rayleigh(Form):
    """dλ = diag(Yᵀ dA X): the eigenvalue derivatives of a partial spectrum, right vectors X
    and left vectors Y (n×k) scaled so that diag(Yᵀ X) = 1 (Y = X for symmetric A).
    Adjoint: Ā = conj(Y) diag(λ̄) Xᴴ, kept factored as `lowrank(conj(Y) ∘ λ̄, conj(X))`
    (U Wᵀ, never an n×n array unless a later op needs one): diag(Ā), Ā P and Pᵀ Ā then
    cost O(nk) (`lowrank`'s rewrites in rules/eigen.py)."""

    Y: Value
    X: Value

    def apply(self, g, t):
        return g.op(
            "sum_axes", g.op("mul", self.Y, g.op("matmul", t, self.X)), axes=(0,), keepdims=False
        )

    def adjoint(self, g, ybar, in_shape):
        return g.op("lowrank", g.op("mul", conj(g, self.Y), ybar), conj(g, self.X))

    def out_shape(self, g, in_shape):
        return self.X.shape[1:]


@dataclass(frozen=True)
class Resolvent(SameShape):
    """dY = Z with column j of Z = K_j R[:, j], K_j = Σ_{i≠j} v_i v_iᵀ / (λ_i − λ_j) the
    inverse of A − λ_j B on the B-orthogonal complement of v_j (B = I when None): the solve
    of (A − λ_j B) z = (I − B v_j v_jᵀ) r with v_jᵀ B z = 0, by a bordered direct solve
    for dense A or MINRES on the deflated operator for sparse A (`eig_resolvent`). Each K_j
    is symmetric, so the form is its own adjoint. Only the k wanted eigenpairs are needed."""

    A: Value
    B: Value | None
    w: Value
    V: Value
    krylov: bool = False  # A may be scipy.sparse (eigsh): MINRES for a sparse A at run time

    def _op(self, g, r):
        args = (
            (self.A, self.w, self.V, r) if self.B is None else (self.A, self.B, self.w, self.V, r)
        )
        name = "eig_resolvent" if self.B is None else "geig_resolvent"
        return g.op(name + ("_krylov" if self.krylov else ""), *args)

    def apply(self, g, t):
        return self._op(g, t)

    def adjoint(self, g, ybar, in_shape):
        return self._op(g, ybar)


@dataclass(frozen=True)
class SparseDiag(Form):
    """dY = scipy.sparse.diags(dp): a sparse diagonal matrix, never densified; adjoint diag(Ȳ)
    (O(nk) when Ȳ is a factored `lowrank`)."""

    def apply(self, g, t):
        return g.op("sparse_diags", t)

    def adjoint(self, g, ybar, in_shape):
        return g.op("diag_of", ybar)

    def out_shape(self, g, in_shape):
        return (in_shape[0], in_shape[0])


@dataclass(frozen=True)
class Columns(Form):
    """dY = dA V (n×k, V fixed): Kron(None, V), but its adjoint Ȳ Vᴴ stays factored as
    `lowrank(Ȳ, conj V)`, O(nk) through diag and products (eigenvector derivatives of
    partial spectra)."""

    V: Value

    def apply(self, g, t):
        return g.op("matmul", t, self.V)

    def adjoint(self, g, ybar, in_shape):
        return g.op("lowrank", ybar, conj(g, self.V))

    def out_shape(self, g, in_shape):
        return (in_shape[0], self.V.shape[1])
