"""Spectral functions of a symmetric matrix: V diag(h(w)) Vᵀ found in the IR and given the
Daleckii–Krein derivative, which stays defined where eigenvalues repeat.

With w, V = eigh(A), the eigenvectors V are ill-defined at a repeated eigenvalue (any basis of
its eigenspace will do), so their derivative, and `eigvecsh`'s rule, has 1/(w_j − w_i) terms.
A function that reads V only through F = V diag(h(w)) Vᵀ, h elementwise, is the matrix
function h(A): smooth there. The pass `spectral_functions` (run by the frontend, before
autodiff, so that the derivative comes from the new op) rewrites such uses into one op

    spectral(A, V, w, h)   the value (V ∘ h) Vᵀ = V diag(h) Vᵀ, h an IR vector of w

whose derivative is the Daleckii–Krein (Löwner) form

    dF = V (H ∘ (Vᵀ dA V)) Vᵀ,   H_ij = (h(w_i) − h(w_j)) / (w_i − w_j),  H_ij = h′ on ties

(Daleckii & Krein 1965; Bhatia, Matrix Analysis (1997), Theorem V.3.3; Higham, Functions of
Matrices (2008), Theorem 3.11). h′ is the compiler's own forward-mode derivative of the
elementwise IR of h (a tangent of ones on w), so any h built from the elementwise ops works.

The patterns (V scaled by a vector c: V * c, V * c[None, :], V / c, V @ np.diag(c)):
- explicit: (V diag(a)) (diag(b) Vᵀ) → spectral(a ∘ b)  (V @ np.diag(h) @ V.T, (V * h) @ V.T);
- implicit: Y = X (V diag(c)) whose every use is Σ Y², Σ_rows Y² (np.sum(..., axis=-1)),
  Y Yᵀ or y·y: those read only X V diag(c²) Vᵀ Xᵀ = X S Xᵀ, S = spectral(c²), and are
  rewritten to use S. Likewise Y = (diag(c) Vᵀ) X with Σ Y², Σ_cols Y², Yᵀ Y.
  This is scipy.stats' `_PSD` idiom: U = np.multiply(u, np.sqrt(1 / s)) and
  maha = np.sum(np.square(dev @ U), axis=-1) (scipy/scipy, scipy/stats/_multivariate.py,
  `_PSD.__init__` and `multivariate_normal_gen._logpdf`, commit 00192de8cc35).
Any other use of V (V[:, 0], Σ V⁴, …) keeps `eigvecsh`'s derivative and its clear
FloatingPointError at repeated eigenvalues: such a function depends on the basis.
The forward value stays the model's: bit for bit when V is scaled by one vector h
((V * h) @ V.T is V @ np.diag(h) @ V.T entry by entry), up to rounding otherwise (several
factors are multiplied first; the implicit form computes Σ X ∘ (X S) instead of Σ (X U)²).
"""

from __future__ import annotations

from ..forms import Compose, Hadamard, Index, Kron, LowerSym, Sum, chain
from ..forward import jvp
from ..ir import SYMMETRIC, Graph, Value, reachable
from ..rewrite import rebuild
from .base import Rule

# Elementwise ops that are smooth where defined: h built from them and from scalar constants
# is a smooth function h(w_i) of each eigenvalue alone.
SMOOTH_ELEMENTWISE = {
    "add",
    "sub",
    "mul",
    "div",
    "pow",
    "neg",
    "exp",
    "log",
    "log1p",
    "sqrt",
    "tanh",
    "sin",
    "cos",
    "expm1",
    "logaddexp",
}
ALL = ("s", None, None, None)  # the index key entry `:`
ROW = (("n",), ALL)  # c[None, :]: scales the columns of a matrix
COLUMN = (ALL, ("n",))  # c[:, None]: scales the rows


# -- the rules -------------------------------------------------------------------------
def _spectral_shape(g, args, attrs):
    return args[0].shape, SYMMETRIC


def _loewner_shape(g, args, attrs):
    w = args[0]
    return (w.shape[0], w.shape[0]), SYMMETRIC


def _spectral_form(g: Graph, F: Value, a: Value, V: Value, w: Value, h: Value):
    """dF = V (H ∘ (Vᵀ dA V)) Vᵀ on the symmetric matrix eigh reads from the lower triangle;
    H the Löwner matrix of h at w, with h′ = forward mode of h's IR on a tangent of ones."""
    loc = g.loc
    ones = g.op("broadcast", g.const(1.0), shape=(g.find(w.shape[0]),))
    (hp,) = jvp(g, [h], [w], [ones])
    g.loc = loc
    H = g.op("loewner", w, h, hp)
    Vt = g.op("transpose", V)
    return chain(Kron(V, Vt), Hadamard(H, F.shape), Kron(Vt, V), LowerSym())


def _outer_forms(g: Graph, shape: tuple):
    """x ↦ x_i − x_j and x ↦ x_i + x_j, as (n, n) matrices (broadcast column and row)."""
    column = Compose(Hadamard(None, shape), Index(COLUMN))
    row = Compose(Hadamard(None, shape), Index(ROW))
    minus_row = Compose(Hadamard(g.const(-1), shape), Index(ROW))
    return Sum(column, minus_row), Sum(column, row)


def _loewner_forms():
    """dH off ties: (dh_i − dh_j − H_ij (dw_i − dw_j)) / (w_i − w_j); on ties, where
    H = (h′_i + h′_j)/2: (dh′_i + dh′_j)/2. The tie mask T is piecewise constant (no
    derivative); (1 − T)/(Δ + T) is 1/Δ off ties and 0 on them."""

    def parts(g, H, w):
        T = g.op("loewner_ties", *H.args)
        delta = g.op("sub", g.op("index", w, key=COLUMN), g.op("index", w, key=ROW))
        off = g.op("div", g.op("sub", g.const(1), T), g.op("add", delta, T))
        return T, off

    def dw(g, H, w, h, hp):
        diff, _ = _outer_forms(g, H.shape)
        _, off = parts(g, H, w)
        return Compose(Hadamard(g.op("neg", g.op("mul", off, H)), H.shape), diff)

    def dh(g, H, w, h, hp):
        diff, _ = _outer_forms(g, H.shape)
        return Compose(Hadamard(parts(g, H, w)[1], H.shape), diff)

    def dhp(g, H, w, h, hp):
        _, plus = _outer_forms(g, H.shape)
        T = parts(g, H, w)[0]
        return Compose(Hadamard(g.op("mul", g.const(0.5), T), H.shape), plus)

    return (dw, dh, dhp)


# Ties: the divided difference loses digits to cancellation, about ε|h|/|h_i − h_j|, and
# (h′_i + h′_j)/2 is off by δ²|h‴|/12 (the trapezoid rule). Taking the mean of h′ where the
# predicted difference δ·|mean h′| is below TOL·max(|h_i|, |h_j|) keeps both near
# ε/TOL ≈ TOL² ≈ 1e-10 relative (TOL ≈ ε^(1/3)); δ = 0 (the diagonal) is always a tie.
LOEWNER_TOL = 1e-5


def _ties(delta: str) -> str:
    """The tie test of the Löwner matrix, given how w_i − w_j is spelled."""
    return (
        f"np.abs({delta} * np.add.outer({{2}}, {{2}}))"
        f" <= {2 * LOEWNER_TOL!r} * np.maximum.outer(np.abs({{1}}), np.abs({{1}}))"
    )


RULES: dict[str, Rule] = {
    # F = V diag(h) Vᵀ, w, V = eigh(A), h an elementwise function of w (made by the pass
    # below, never written by the user): the Daleckii–Krein derivative
    "spectral": Rule(
        "{out} = ({1} * {3}) @ {1}.T",
        _spectral_shape,
        (_spectral_form, None, None, None),
        ref="Daleckii–Krein: Bhatia, Matrix Analysis (1997), Theorem V.3.3",
        requires=("sym", None, None, None),
        statements=True,
    ),
    # the Löwner matrix of (w, h, h′): H_ij = (h_i − h_j)/(w_i − w_j), (h′_i + h′_j)/2 on ties
    "loewner": Rule(
        "{out} = np.subtract.outer({0}, {0})\n"
        f"{{out}} = np.where({_ties('{out}')}, np.inf, {{out}})\n"
        "{out} = np.where(np.isinf({out}), np.add.outer({2}, {2}) / 2,"
        " np.subtract.outer({1}, {1}) / {out})",
        _loewner_shape,
        _loewner_forms(),
        statements=True,
    ),
    # its tie mask (1.0 on ties), for the second derivative: piecewise constant
    "loewner_ties": Rule(
        f"np.where({_ties('np.subtract.outer({0}, {0})')}, 1.0, 0.0)",
        _loewner_shape,
        (None, None, None),
    ),
}


# -- the pass --------------------------------------------------------------------------
def _param_free(v: Value, memo: dict[int, bool]) -> bool:
    """v depends on no parameter (sizes read from parameters are fine)."""
    if v.id not in memo:
        if v.op == "param":
            memo[v.id] = False
        elif v.op in ("dim", "size", "const"):
            memo[v.id] = True
        else:
            memo[v.id] = all(_param_free(a, memo) for a in v.args)
    return memo[v.id]


def _elementwise_of(h: Value, w: Value, g: Graph, memo: dict[int, bool]) -> bool:
    """h_i is a smooth function of w_i alone: elementwise ops of w and parameter-free scalars."""
    if h is w:
        return True
    if h.rank == 0:
        return _param_free(h, memo)
    if h.op not in SMOOTH_ELEMENTWISE or h.rank != 1 or not g.same_dim(h.shape[0], w.shape[0]):
        return False
    return all(_elementwise_of(a, w, g, memo) for a in h.args)


def _as_vector(g: Graph, x: Value, n: int, key: tuple) -> Value | None:
    """The length-n vector (or scalar) c when x broadcasts as c[key] (key ROW or COLUMN)."""
    if x.rank == 0:
        return x
    if x.rank == 1 and key == ROW and g.same_dim(x.shape[0], n):
        return x
    if x.op == "index" and x.attr("key") == key and x.args[0].rank == 1:
        return _as_vector(g, x.args[0], n, ROW)
    axis = 0 if key == ROW else 1
    if x.op == "expand_dims" and x.attr("axes") == (axis,) and x.args[0].rank == 1:
        return _as_vector(g, x.args[0], n, ROW)
    return None


def _scaled(g: Graph, x: Value, rows: bool) -> tuple[Value, list[Value]] | None:
    """(V, [c₁, c₂, …]) when x = V diag(c₁ c₂ …) (rows=False) or diag(c₁ c₂ …) Vᵀ (rows=True),
    V the eigenvectors of eigh: V * c, V * c[None, :], V / c, V @ np.diag(c) (and
    transposed: c[:, None] * V.T, np.diag(c) @ V.T)."""
    if x.op == "eigvecsh" and not rows:
        return x, []
    if x.op == "transpose" and rows:
        return _scaled(g, x.args[0], False)
    if x.rank != 2:
        return None
    n = x.shape[0] if rows else x.shape[1]
    if x.op == "mul":
        for m, c in (x.args, reversed(x.args)):
            inner = _scaled(g, m, rows)
            vec = _as_vector(g, c, n, COLUMN if rows else ROW)
            if inner is not None and vec is not None:
                return inner[0], inner[1] + [vec]
    if x.op == "div":  # V / c = V diag(1/c)
        inner = _scaled(g, x.args[0], rows)
        vec = _as_vector(g, x.args[1], n, COLUMN if rows else ROW)
        if inner is not None and vec is not None:
            return inner[0], inner[1] + [g.op("div", g.const(1), vec)]
    if x.op == "matmul":
        m, d = (x.args[1], x.args[0]) if rows else x.args
        inner = _scaled(g, m, rows)
        if inner is not None and d.op == "diag_embed":
            return inner[0], inner[1] + [d.args[0]]
    return None


def _product(g: Graph, factors: list[Value], n: int) -> Value | None:
    """c₁ ∘ c₂ ∘ … as a length-n vector (None when there is no factor at all)."""
    if not factors:
        return None
    out = factors[0]
    for c in factors[1:]:
        out = g.op("mul", out, c)
    if out.rank == 0:
        out = g.op("broadcast", out, shape=(g.find(n),))
    return out


class _Finder:
    """Finds the spectral uses of eigenvectors in one program."""

    def __init__(self, g: Graph, roots: list[Value]):
        self.g = g
        self.values = reachable(roots)
        self.users: dict[int, list[Value]] = {}
        for v in self.values:
            for a in v.args:
                self.users.setdefault(a.id, []).append(v)
        self.roots = {r.id for r in roots}
        self.memo: dict[int, bool] = {}
        self.plan: dict[int, tuple] = {}  # value id -> what replaces it

    def spectral_h(self, V: Value, factors: list[Value]) -> Value | None:
        """h = Π factors when it is an elementwise function of V's eigenvalues."""
        h = _product(self.g, factors, V.shape[1])
        w = self.g.op("eigvalsh", V.args[0])
        if h is None or not _elementwise_of(h, w, self.g, self.memo):
            return None
        return h

    def explicit(self, v: Value) -> None:
        """(V diag(a)) @ (diag(b) Vᵀ) → spectral(a ∘ b)."""
        self.g.loc = v.loc
        left, right = _scaled(self.g, v.args[0], False), _scaled(self.g, v.args[1], True)
        if left is None or right is None or left[0] is not right[0]:
            return
        h = self.spectral_h(left[0], left[1] + right[1])
        if h is not None:
            self.plan[v.id] = ("explicit", left[0], h)

    def implicit(self, y: Value) -> None:
        """Y = X (V diag(c)) or (diag(c) Vᵀ) X read only through its squares."""
        self.g.loc = y.loc
        x, m = y.args
        side = "left"  # Y = X U
        found = _scaled(self.g, m, False) if m.rank == 2 else None
        if found is None and x.rank == 2:
            x, m, side = m, x, "right"  # Y = Uᵀ X
            found = _scaled(self.g, m, True)
        if found is None or y.id in self.roots:
            return
        V, factors = found
        if not factors:
            return
        feature_axis = y.rank - 1 if side == "left" else 0
        consumers: list[tuple[Value, str]] = []
        for u in self.users.get(y.id, []):
            squares = u.op == "pow" and u.args[0] is y and u.args[1].is_const(2.0)
            squares |= u.op == "mul" and u.args[0] is y and u.args[1] is y
            if squares and u.id not in self.roots:
                for s in self.users.get(u.id, []):
                    if s.op == "sum":
                        consumers.append((s, "sum"))
                    elif s.op == "sum_axes" and s.attr("axes") == (feature_axis,):
                        consumers.append((s, "sum_axes"))
                    else:
                        return
            elif u.op == "matmul" and y.rank == 1 and u.args == (y, y):
                consumers.append((u, "dot"))
            elif u.op == "matmul" and self.gram(u, y, side):
                consumers.append((u, "gram"))
            elif u.op == "transpose" and u.id not in self.roots:
                if not all(self.gram(s, y, side) for s in self.users.get(u.id, [])):
                    return
            else:
                return
        h_factors = factors + factors
        h = self.spectral_h(V, h_factors)
        if h is None:
            return
        for s, kind in dict(consumers).items():
            self.plan[s.id] = (kind, V, h, x, side)

    @staticmethod
    def gram(s: Value, y: Value, side: str) -> bool:
        """s is Y Yᵀ (side "left", Y = X U) or Yᵀ Y (side "right", Y = Uᵀ X)."""
        if s.op != "matmul":
            return False
        a, b = s.args
        if side == "left":
            return a is y and b.op == "transpose" and b.args[0] is y
        return b is y and a.op == "transpose" and a.args[0] is y

    def find(self) -> dict[int, tuple]:
        for v in self.values:
            if v.op == "matmul" and v.args[0].rank >= 1 and v.args[1].rank >= 1:
                if v.args[0].rank == 2 and v.args[1].rank == 2:
                    self.explicit(v)
                if v.id not in self.plan:
                    self.implicit(v)
        return self.plan


def spectral_functions(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
    """Rewrite the uses of eigenvectors that are spectral functions V diag(h(w)) Vᵀ into the
    op `spectral` (a pass: IR -> IR, values unchanged)."""
    plan = _Finder(g, roots).find()
    if not plan:
        return roots, False

    def rewrite(g, v, args, count, new):
        step = plan.get(v.id)
        if step is None:
            return None
        kind, V, h = step[0], step[1], step[2]
        if new[V.id] is not V:  # eigh of a matrix that itself changed: left as it is
            return None
        A = V.args[0]
        S = g.op("spectral", A, V, g.op("eigvalsh", A), h)
        if kind == "explicit":
            return S
        x, side = new[step[3].id], step[4]
        xs = g.op("matmul", x, S) if side == "left" else g.op("matmul", S, x)
        if kind == "sum":
            return g.op("sum", g.op("mul", x, xs))
        if kind == "sum_axes":
            keep = bool(v.attr("keepdims"))
            return g.op("sum_axes", g.op("mul", x, xs), axes=v.attr("axes"), keepdims=keep)
        if kind == "dot":
            return g.op("matmul", xs, x)
        # gram: Y Yᵀ = X S Xᵀ, Yᵀ Y = Xᵀ S X
        t = g.op("transpose", x)
        return g.op("matmul", xs, t) if side == "left" else g.op("matmul", t, xs)

    return rebuild(g, roots, rewrite)


CALLS: dict = {}
