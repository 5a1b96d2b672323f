"""The derivative of a vector- or matrix-valued expression, from the rules table's own forms.

Forward mode over the expression: each value's derivative with respect to the input is a sum
of forms (compiler/forms.py), each op's form composed with its argument's. Products of forms
are multiplied out by the talk's identities, so chains collapse to one term:

    Kron(A, B) ∘ Kron(C, D) = Kron(AC, DB)        (A ⊗ Bᵀ)(C ⊗ Dᵀ) = AC ⊗ (DB)ᵀ
    Kron(A, B) ∘ Box(C, D)  = Box(AC, DB)         Box(A, B) ∘ Kron(C, D) = Box(ADᵀ, CᵀB)
    Box(A, B) ∘ Box(C, D)   = Kron(ADᵀ, CᵀB)      Hadamard(D) ∘ Hadamard(E) = Hadamard(D ∘ E)

and like terms are added (Kron(A, B) + Kron(C, B) = Kron(A + C, B)). The result is printed
in the talk's notation (`explain.talk`) and as a NumPy expression for the Jacobian matrix
∂vec(F)/∂vec(X), both sides flattened in C order: Kron(A, B) is np.kron(A, Bᵀ), Box(A, B) the
box product A ⊠ Bᵀ, (P ⊠ Q)_(ij)(kl) = P_il Q_jk (the talk's definition).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import forms as F
from ..codegen import format_key
from ..diagnostics import CompileError, ShapeError
from ..explain import talk
from ..ir import Graph, Value, reachable
from ..rules import RULES

Terms = list[F.Form]  # a sum of forms; [] is zero
BOX = 'np.einsum("il,jk->ijkl", {0}, {1}).reshape(-1, {2})'


def _factor(g: Graph, x: F.Factor) -> Value | None:
    """A form's factor as an IR value (a symbolic inverse becomes inv(M))."""
    if isinstance(x, F.Inv):
        m = g.op("transpose", x.M) if x.trans else x.M
        return g.op("inv", m)
    return x


def _mm(g: Graph, a: Value | None, b: Value | None) -> Value | None:
    if a is None or b is None:
        return b if a is None else a
    if a.rank != 2 or b.rank != 2:
        raise ShapeError("not a matrix product")
    return g.op("matmul", a, b)


def _T(g: Graph, a: Value | None) -> Value | None:
    if a is None:
        return None
    if a.rank != 2:
        raise ShapeError("not a matrix")
    return g.op("transpose", a)


def _scalar(f: F.Form, shape_in, g: Graph) -> Value | None:
    """c when f is the scaling dX ↦ c dX (no broadcasting)."""
    scaling = isinstance(f, F.Hadamard) and f.D is not None and f.D.rank == 0
    if not scaling or not g.same_shape(f.out, shape_in):
        return None
    return g.op("div", g.const(1.0), f.D) if f.divide else f.D


def _identity(f: F.Form, shape_in, g: Graph) -> bool:
    if isinstance(f, F.Hadamard) and f.D is None:
        return g.same_shape(f.out, shape_in)
    return isinstance(f, (F.Kron, F.Box)) and f == F.Kron()


def _matrix(g: Graph, f: F.Kron) -> Value | None:
    """The matrix M of t ↦ A (t B) on a vector t: M = A Bᵀ (None: the identity)."""
    return _mm(g, _factor(g, f.A), _T(g, _factor(g, f.B)))


def _product(g: Graph, f: F.Form, h: F.Form, x_shape) -> F.Form:
    """f ∘ h, multiplied out where the talk's identities apply."""
    mid = h.out_shape(g, x_shape)
    if _identity(f, mid, g):
        return h
    if _identity(h, x_shape, g):
        return f
    try:
        c = _scalar(f, mid, g)
        if c is not None and isinstance(h, (F.Kron, F.Box)):
            return _scaled(g, h, c, mid)
        c = _scalar(h, x_shape, g)
        if c is not None and isinstance(f, (F.Kron, F.Box)):
            return _scaled(g, f, c, f.out_shape(g, mid))
        if isinstance(f, F.Kron) and isinstance(h, F.Kron) and len(x_shape) == len(mid) == 1:
            return F.Kron(_mm(g, _matrix(g, f), _matrix(g, h)), None)
        kinds = (F.Kron, F.Box)
        if isinstance(f, kinds) and isinstance(h, kinds) and len(x_shape) == len(mid) == 2:
            A, B = _factor(g, f.A), _factor(g, f.B)
            C, D = _factor(g, h.A), _factor(g, h.B)
            if isinstance(f, F.Kron) and isinstance(h, F.Kron):
                return F.Kron(_mm(g, A, C), _mm(g, D, B))
            if isinstance(f, F.Kron):
                return F.Box(_mm(g, A, C), _mm(g, D, B))
            if isinstance(h, F.Kron):
                return F.Box(_mm(g, A, _T(g, D)), _mm(g, _T(g, C), B))
            return F.Kron(_mm(g, A, _T(g, D)), _mm(g, _T(g, C), B))
        if isinstance(h, F.Outer):  # the rank-one map dX ↦ ⟨A, dX⟩ B keeps its A
            B = _after(g, f, h.B, mid)
            if B is not None:
                return F.Outer(h.A, B)
        if isinstance(f, F.Hadamard) and isinstance(h, F.Hadamard):
            same = g.same_shape(f.out, mid) and g.same_shape(h.out, x_shape)
            if same and f.D is not None and h.D is not None and not f.divide and not h.divide:
                return F.Hadamard(g.op("mul", f.D, h.D), f.out)
    except CompileError:  # a vector where the identity needs a matrix: keep the composition
        pass
    if isinstance(h, F.Compose):  # f ∘ (H ∘ G) = (f ∘ H) ∘ G where f ∘ H multiplies out
        inner = _product(g, f, h.F, h.G.out_shape(g, x_shape))
        if not isinstance(inner, F.Compose):
            return F.Compose(inner, h.G)
    return F.Compose(f, h)


def _after(g: Graph, f: F.Form, B: Value | None, shape) -> Value | None:
    """f applied to the value B (None: the scalar 1) of an Outer form, when that is a value:
    a Hadamard D ∘ B (D spread over B's shape), or Outer(C, E) giving ⟨C, B⟩ E."""
    if isinstance(f, F.Hadamard) and f.D is not None and not f.divide:
        if B is None or B.rank == 0:  # D spread over a scalar
            if not g.same_shape(f.D.shape, f.out):
                return None
            return f.D if B is None else g.op("mul", f.D, B)
        if g.same_shape(f.out, shape) and (f.D.rank == 0 or g.same_shape(f.D.shape, shape)):
            return g.op("mul", f.D, B)
    if isinstance(f, F.Outer) and f.B is not None:
        c = f.A if B is None else g.op("sum", g.op("mul", f.A, B))
        return g.op("mul", c, f.B)
    return None


def _scaled(g: Graph, f: F.Kron | F.Box, c: Value, out_shape) -> F.Form:
    """c·f, the scalar taken into a factor (c I when f has none)."""
    if f.A is not None:
        return type(f)(g.op("mul", c, _factor(g, f.A)), f.B)
    if f.B is not None:
        return type(f)(f.A, g.op("mul", c, _factor(g, f.B)))
    if len(out_shape) != 2:
        return F.Compose(F.Hadamard(c, out_shape), f)
    return type(f)(g.op("mul", c, g.op("eye", dim=g.find(out_shape[0]))), None)


def _canonical(g: Graph, f: F.Form, x_shape, out_shape) -> F.Form:
    """On a vector input with a vector result, Kron(A, B) is the matrix Kron(A Bᵀ, None);
    with a scalar result, Kron(a, None) and Kron(None, a) are the inner product Outer(a)."""
    if isinstance(f, F.Kron) and len(x_shape) == 1 and not out_shape:
        a = f.A if f.B is None else f.B if f.A is None else None
        return F.Outer(_factor(g, a)) if a is not None and a.rank == 1 else f
    if isinstance(f, F.Kron) and f.B is not None and len(x_shape) == len(out_shape) == 1:
        try:
            return F.Kron(_matrix(g, f), None)
        except CompileError:
            return f
    return f


def _terms(f: F.Form) -> Terms:
    """A form as a sum of terms; LowerSym is tril(dX) + tril(dX, −1)ᵀ (or upper)."""
    if isinstance(f, F.LowerSym):
        k = 1 if f.upper else -1
        return [F.Triangle(0, f.upper), F.Compose(F.Box(), F.Triangle(k, f.upper))]
    return _terms(f.F) + _terms(f.G) if isinstance(f, F.Sum) else [f]


def _apply(g: Graph, f: F.Form, h: F.Form, x_shape) -> Terms:
    """The terms of f ∘ h, sums distributed and compositions multiplied out from the inside."""
    if isinstance(f, F.Compose):
        return [t for r in _apply(g, f.G, h, x_shape) for t in _apply(g, f.F, r, x_shape)]
    if isinstance(f, F.Sum):
        return [t for part in _terms(f) for t in _apply(g, part, h, x_shape)]
    return [_product(g, f, h, x_shape)]


def _add(g: Graph, terms: Terms, x_shape, out_shape) -> Terms:
    """Like terms added: Kron(A, B) + Kron(C, B) = Kron(A + C, B), Hadamards of one shape,
    F + F = 2 F."""
    out: Terms = []
    for t in terms:
        for i, u in enumerate(out):
            twice = F.Hadamard(g.const(2.0), out_shape)
            merged = _product(g, twice, u, x_shape) if u == t else _merge(g, u, t)
            if merged is not None:
                out[i] = merged
                break
        else:
            out.append(t)
    return out


def _plain(f: F.Hadamard) -> bool:
    return f.D is not None and not f.divide and f.D.rank == len(f.out)


def _merge(g: Graph, u: F.Form, t: F.Form) -> F.Form | None:
    try:
        if isinstance(u, (F.Kron, F.Box)) and type(u) is type(t):
            A, B, C, D = (_factor(g, x) for x in (u.A, u.B, t.A, t.B))
            if B is D and A is not None and C is not None:
                return type(u)(g.op("add", A, C), B)
            if A is C and B is not None and D is not None:
                return type(u)(A, g.op("add", B, D))
        both = isinstance(u, F.Hadamard) and isinstance(t, F.Hadamard)
        if both and _plain(u) and _plain(t) and g.same_shape(u.out, t.out):
            return F.Hadamard(g.op("add", u.D, t.D), u.out)
    except CompileError:
        pass
    return None


def derivative(g: Graph, out: Value, x: Value) -> Terms:
    """d out / d x as a sum of forms (forward mode over the rules table's forms)."""
    terms: dict[int, Terms] = {x.id: [F.Kron()]}
    for v in reachable([out]):
        if v.id in terms:
            continue
        rule = RULES[v.op]
        acc: Terms = []
        for i, arg in enumerate(v.args):
            deriv = rule.derivs[i] if i < len(rule.derivs) else None
            if arg.id not in terms or deriv is None:
                continue
            for h in terms[arg.id]:
                for t in _apply(g, deriv(g, v, *v.args), h, x.shape):
                    acc.append(_canonical(g, t, x.shape, v.shape))
        if acc:
            terms[v.id] = _add(g, acc, x.shape, v.shape)
    return terms.get(out.id, [])


class Spell:
    """Prints sums of forms: `talk` in the talk's notation, `numpy` as the Jacobian matrix.
    `value(v)` spells a factor (NumPy text, with its sign apart), `talk_value(v)` in the talk's
    notation; `size(shape)` and `shape(shape)` spell a size and a shape."""

    def __init__(self, g: Graph, x: Value, value, talk_value, size, shape):
        self.g, self.x = g, x
        self.value, self.talk_value, self.size, self.shape = value, talk_value, size, shape

    # -- the talk's notation ---------------------------------------------------------------
    def talk(self, terms: Terms, name: Callable | None = None) -> str:
        if not terms:
            return "0"
        name = name or self.talk_value

        def transposed(v):
            return name(self.g.op("transpose", v)) if v.rank == 2 else name(v) + "ᵀ"

        return join(self.talk_term(t, name, transposed) for t in terms)

    def talk_term(self, t: F.Form, name: Callable, transposed: Callable) -> str:
        """One term in the talk's notation. On a vector input, Kron(M, None) is the matrix M;
        a vector a on the left of a Kron or Box is the row aᵀ; c dX is c I."""
        t = self.resolved(t)
        if self.x.rank == 1 and isinstance(t, F.Kron) and t.B is None:
            return "I" if t.A is None else name(t.A)
        if isinstance(t, (F.Kron, F.Box)) and t.A is not None and t.A.rank == 1:
            op = " ⊗ " if isinstance(t, F.Kron) else " ⊠ "
            return transposed(t.A) + op + ("I" if t.B is None else transposed(t.B))
        c = _scalar(t, t.out, self.g) if isinstance(t, F.Hadamard) else None
        if c is not None:
            text = name(c)
            return {"1": "I", "-1": "-I"}.get(text, f"{text} I")

        def bare(v: Value) -> str:  # an argument of vec(...) needs no parentheses of its own
            text = name(v)
            return text[1:-1] if _grouped(text) else text

        if isinstance(t, F.Outer) or (isinstance(t, F.Hadamard) and not t.divide):
            return talk(t, bare, transposed)
        return talk(t, name, transposed)

    def resolved(self, f: F.Form) -> F.Form:
        """Inverse factors as inv(M) values, so that they print like every other factor."""
        if isinstance(f, (F.Kron, F.Box)):
            return type(f)(_factor(self.g, f.A), _factor(self.g, f.B))
        if isinstance(f, (F.Compose, F.Sum)):
            return type(f)(self.resolved(f.F), self.resolved(f.G))
        return f

    # -- the Jacobian matrix -------------------------------------------------------------
    def numpy(self, terms: Terms, out: Value) -> str:
        if not terms:
            return f"np.zeros(({self.size(out.shape)}, {self.size(self.x.shape)}))"
        return join(("-" if neg else "") + body for neg, body in map(self.jacobian, terms))

    def signed(self, v: Value, transpose: bool = False) -> tuple[bool, str]:
        return self.value(self.g.op("transpose", v) if transpose else v)

    def jacobian(self, f: F.Form, shape=None) -> tuple[bool, str]:
        """(negated, text) of f's Jacobian on inputs of `shape` (default: the input's)."""
        g = self.g
        shape = self.x.shape if shape is None else shape
        if isinstance(f, F.Phi):  # Φ(dX) = tril(dX, −1) + ½ diag(dX) (tril ∘ triu: the diagonal)
            diag = F.Compose(F.Triangle(0), F.Triangle(0, upper=True))
            half = F.Compose(F.Hadamard(g.const(0.5), shape), diag)
            return self.jacobian(F.Sum(F.Triangle(-1), half), shape)
        if isinstance(f, (F.LowerSym, F.Sum)):
            parts = (self.jacobian(t, shape) for t in _terms(f))
            return False, join(("-" if n else "") + t for n, t in parts)
        if isinstance(f, F.Compose):
            n1, a = self.jacobian(f.F, f.G.out_shape(g, shape))
            n2, b = self.jacobian(f.G, shape)
            return n1 != n2, f"({a}) @ ({b})"
        if isinstance(f, (F.Kron, F.Box)):
            A, B = _factor(g, f.A), _factor(g, f.B)
            if len(shape) == 1 and isinstance(f, F.Kron):  # A (Bᵀ t): a product of matrices
                parts = [self.left(A), self.right(B)]
                parts = [p for p in parts if p is not None]
                if not parts:
                    return False, f"np.eye({self.size(shape)})"
                neg = sum(p[0] for p in parts) % 2 == 1
                return neg, " @ ".join(p[1] for p in parts)
            if len(shape) != 2:
                raise _unsupported(f)
            rows, cols = shape if isinstance(f, F.Kron) else shape[::-1]
            n1, left = self.left(A) or (False, f"np.eye({self.size((rows,))})")
            n2, right = self.right(B) or (False, f"np.eye({self.size((cols,))})")
            if isinstance(f, F.Kron):
                return n1 != n2, f"np.kron({left}, {right})"
            return n1 != n2, BOX.format(left, right, self.size(shape))
        if isinstance(f, F.Hadamard) and f.D is None and len(shape) == 0:
            return False, f"np.ones(({self.size(f.out)}, 1))"
        if isinstance(f, F.Hadamard) and g.same_shape(f.out, shape):
            if f.D is None:
                return False, f"np.eye({self.size(shape)})"
            D = g.op("div", g.const(1.0), f.D) if f.divide else f.D
            neg, d = self.value(D)
            if D.rank == 0:
                return neg, ("" if d == "1" else f"{d} * ") + f"np.eye({self.size(shape)})"
            return neg, f"np.diag(np.ravel({d}))"
        if isinstance(f, F.Hadamard) and len(shape) == 0 and f.D is not None:
            neg, d = self.value(f.D if not f.divide else g.op("div", g.const(1.0), f.D))
            return neg, f"np.ravel({d})[:, None]"
        if isinstance(f, F.Outer):
            neg, a = self.value(f.A)
            if f.B is None:
                return neg, f"np.ravel({a})[None, :]"
            n2, b = self.value(f.B)
            return neg != n2, f"np.outer({b}, {a})"
        if isinstance(f, F.Reduce) and f.axes is None:
            return False, f"np.ones((1, {self.size(shape)}))"
        if isinstance(f, F.DiagOf):  # rows of the identity at the diagonal's places
            return False, f"np.eye({self.size(shape)})[:: {self.size(shape[:1])} + 1]"
        if isinstance(f, F.DiagEmbed):
            return False, f"np.eye({self.size(shape)} ** 2)[:, :: {self.size(shape)} + 1]"
        if isinstance(f, F.Triangle):
            tri, k = ("np.triu" if f.upper else "np.tril"), f", {f.k}" if f.k else ""
            return False, f"np.diag(np.ravel({tri}(np.ones({self.shape(shape)}){k})))"
        if isinstance(f, F.Index):
            places = f"np.arange({self.size(shape)}).reshape({self.shape(shape)})"
            return False, f"np.eye({self.size(shape)})[np.ravel({places}[{format_key(f.key)}])]"
        if isinstance(f, F.Dyad) and len(shape) == 1:
            if f.a is None:
                neg, b = self.value(f.b)
                return neg, f"np.kron(np.eye({self.size(shape)}), np.reshape({b}, (-1, 1)))"
            neg, a = self.value(f.a)
            return neg, f"np.kron(np.reshape({a}, (-1, 1)), np.eye({self.size(shape)}))"
        raise _unsupported(f)

    def left(self, A: Value | None) -> tuple[bool, str] | None:
        """The Jacobian factor of t ↦ A t: A (a row aᵀ for a vector a)."""
        if A is None:
            return None
        neg, a = self.value(A)
        return (neg, f"np.reshape({a}, (1, -1))") if A.rank == 1 else (neg, a)

    def right(self, B: Value | None) -> tuple[bool, str] | None:
        """The Jacobian factor of t ↦ t B: Bᵀ (a row bᵀ for a vector b)."""
        if B is None:
            return None
        if B.rank == 1:
            neg, b = self.value(B)
            return neg, f"np.reshape({b}, (1, -1))"
        return self.signed(B, transpose=True)


def _grouped(text: str) -> bool:
    """One parenthesised group: `(A X)`, not `(A) (B)`."""
    depth = 0
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if depth == 0 and i < len(text) - 1:
            return False
    return text.startswith("(") and text.endswith(")")


def join(texts) -> str:
    """Terms joined by + (or - before a negated term)."""
    out = ""
    for text in texts:
        if not out:
            out = text
        else:
            out += f" - {text[1:]}" if text.startswith("-") else f" + {text}"
    return out or "0"


def _unsupported(f: F.Form) -> CompileError:
    return CompileError(
        f"no closed-form Jacobian for the derivative form {type(f).__name__} yet",
        None,
        "the calculator prints Jacobians of products, sums, transposes, inverses and "
        "elementwise functions",
    )
