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

from dataclasses import dataclass

from .ir import Graph, Value

Shape = tuple[int, ...]


@dataclass(frozen=True)
class Inv:
    """The factor M⁻¹ inside a Kron form, kept symbolic: applying it is a solve."""

    M: Value

    @property
    def rank(self) -> int:
        return 2


Factor = Value | Inv | None


def _mm_rank(r1: int, r2: int) -> int:
    return r1 + r2 - 2


def _left(g: Graph, A: Factor, t: Value) -> Value:
    """A @ t."""
    if A is None:
        return t
    if isinstance(A, Inv):
        return g.op("solve", A.M, t)
    return g.op("matmul", A, t)


def _right(g: Graph, t: Value, B: Factor) -> Value:
    """t @ B."""
    return t if B is None else g.op("matmul", t, B)


def _left_adjoint(g: Graph, A: Factor, ybar: Value, t_rank: int) -> Value:
    """The adjoint of t ↦ A @ t applied to ȳ: Aᵀ ȳ, an outer product when A is a vector."""
    if A is None:
        return ybar
    if isinstance(A, Inv):
        return g.op("solve", g.op("transpose", A.M), ybar)
    if A.rank == 2:
        return g.op("matmul", g.op("transpose", A), ybar)
    return g.op("outer", A, ybar) if t_rank == 2 else g.op("mul", ybar, A)


def _right_adjoint(g: Graph, B: Factor, ybar: Value, t_rank: int) -> Value:
    """The adjoint of t ↦ t @ B applied to ȳ: ȳ Bᵀ, an outer product when B is a vector."""
    if B is None:
        return ybar
    if B.rank == 2:
        return g.op("matmul", ybar, g.op("transpose", B))
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
    return g.op("broadcast", v, shape=tuple(g.find(d) for d in shape))


class Form:
    """A linear map dX ↦ dY. Subclasses give apply (forward), adjoint (reverse), out_shape."""

    def apply(self, g: Graph, t: Value) -> Value:
        raise NotImplementedError

    def adjoint(self, g: Graph, ybar: Value, in_shape: Shape) -> Value:
        raise NotImplementedError

    def out_shape(self, g: Graph, in_shape: Shape) -> Shape:
        raise NotImplementedError


def _factor_shape(F: Factor) -> Shape:
    return F.M.shape if isinstance(F, Inv) else F.shape


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
        return s if self.A is None else _mm_shape(g, _factor_shape(self.A), s)


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
    """dY = ⟨A, dX⟩ B, a rank-one map (vec(B) vecᵀ(A)); B None means the scalar 1."""

    A: Value
    B: Value | None = None

    def apply(self, g, t):
        s = g.op("sum", g.op("mul", self.A, t))
        return s if self.B is None else g.op("mul", s, self.B)

    def adjoint(self, g, ybar, in_shape):
        c = ybar if self.B is None else g.op("sum", g.op("mul", self.B, ybar))
        return g.op("mul", c, self.A)

    def out_shape(self, g, in_shape):
        return () if self.B is None else self.B.shape


@dataclass(frozen=True)
class Hadamard(Form):
    """dY = D ∘ dX (or dX / D), broadcast to `out`; D None is the identity (broadcasting)."""

    D: Value | None
    out: Shape
    divide: bool = False

    def _scale(self, g, v):
        if self.D is None:
            return v
        return g.op("div" if self.divide else "mul", v, self.D)

    def apply(self, g, t):
        return expand(g, self._scale(g, t), self.out)

    def adjoint(self, g, ybar, in_shape):
        return unbroadcast(g, self._scale(g, ybar), in_shape)

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
        return expand(g, ybar, in_shape)

    def out_shape(self, g, in_shape):
        if self.axes is None:
            return ()
        if self.keepdims:
            return tuple(g.new_dim(1) if i in self.axes else d for i, d in enumerate(in_shape))
        return tuple(d for i, d in enumerate(in_shape) if i not in self.axes)


@dataclass(frozen=True)
class DiagOf(Form):
    """dy = diag(dX), the diagonal of a square matrix; adjoint: the diagonal matrix of ȳ."""

    def apply(self, g, t):
        return g.op("diag_of", t)

    def adjoint(self, g, ybar, in_shape):
        return g.op("diag_embed", ybar)

    def out_shape(self, g, in_shape):
        return in_shape[:1]


@dataclass(frozen=True)
class DiagEmbed(Form):
    """dY = Diag(dx), the diagonal matrix of a vector; adjoint: the diagonal of Ȳ."""

    def apply(self, g, t):
        return g.op("diag_embed", t)

    def adjoint(self, g, ybar, in_shape):
        return g.op("diag_of", ybar)

    def out_shape(self, g, in_shape):
        return (in_shape[0], in_shape[0])


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
            return g.op("matmul", ybar, self.b)
        return g.op("matmul", self.a, ybar)

    def out_shape(self, g, in_shape):
        a = self.a.shape if self.a is not None else in_shape
        b = self.b.shape if self.b is not None else in_shape
        return (a[0], b[0])


@dataclass(frozen=True)
class Compose(Form):
    """dY = F(G(dX)): apply G first; the adjoint runs Fᵀ then Gᵀ."""

    F: Form
    G: Form

    def apply(self, g, t):
        return self.F.apply(g, self.G.apply(g, t))

    def adjoint(self, g, ybar, in_shape):
        mid = self.G.out_shape(g, in_shape)
        return self.G.adjoint(g, self.F.adjoint(g, ybar, mid), in_shape)

    def out_shape(self, g, in_shape):
        return self.F.out_shape(g, self.G.out_shape(g, in_shape))


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
