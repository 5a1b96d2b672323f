"""The rules table: one entry per op — its NumPy spelling, shape rule and derivative forms.

Reading this file means reading the whole matrix language. Each derivative is a linear map
built from the forms of `forms.py` (DESIGN.md's table); reverse mode transposes them, forward
mode applies them, and nothing else in the compiler knows what an op means.

A derivative entry is a function (graph, Y, *args) -> Form giving dY in terms of d(arg i);
None means the op does not depend differentiably on that argument (sizes, signs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .diagnostics import CompileError, ShapeError
from .forms import (
    Adjoint,
    Box,
    Compose,
    Conj,
    DiagEmbed,
    DiagOf,
    Dyad,
    Frechet,
    Hadamard,
    ImagPart,
    Index,
    Inv,
    Kron,
    KronProduct,
    LowerSym,
    Outer,
    RealPart,
    Reduce,
    Sum,
    Sylvester,
    Triangle,
    UnitColumns,
    broadcast_shape,
    chain,
)
from .ir import DIAGONAL, GENERAL, LOWER, SYMMETRIC, SYMMETRIC_TAGS, UPPER, Graph, Value

ATOM, POW, UNARY, MUL, ADD, CMP = 100, 90, 80, 70, 60, 50

ShapeRule = Callable[[Graph, tuple, dict], tuple[tuple, str]]
Deriv = Callable[..., Any] | None


@dataclass(frozen=True)
class Rule:
    spelling: str  # Python/NumPy text: {0}, {1} the arguments, {name} an attribute
    shape: ShapeRule  # checks the arguments, returns (shape, structure)
    derivs: tuple[Deriv, ...] = ()  # one per argument
    prec: int = ATOM  # the precedence of the spelled expression
    arg_prec: tuple[int, ...] = ()  # the least precedence each argument may have unparenthesised
    ref: str = ""  # where the derivative comes from, when not obvious
    requires: tuple[str | None, ...] = ()  # per argument: "positive" or "invertible" inputs
    # One output of a call that returns a tuple: (index, length). `spelling` is then the call;
    # codegen unpacks all outputs used in one statement (`w, V = np.linalg.eigh(A)`).
    group: tuple[int, int] | None = None
    # The spelling is a block of statements assigning {out} (e.g. a check that raises).
    statements: bool = False
    imports: tuple[str, ...] = ()  # modules besides numpy that the spelling uses
    dtype: str | None = None  # the result's dtype when it does not follow the arguments

    def infer(self, g: Graph, args: tuple, attrs: dict) -> tuple[tuple, str]:
        return self.shape(g, args, attrs)


# -- shape rules -----------------------------------------------------------------------
def _rank_name(r: int) -> str:
    return ("a scalar", "a vector", "a matrix")[min(r, 2)]


def _need(cond: bool, g: Graph, what: str) -> None:
    if not cond:
        raise ShapeError(
            what, g.at or g.loc, 'annotate parameter shapes, e.g. X: "n,n", x: "n", c: "scalar"'
        )


def _square(g: Graph, x: Value, who: str) -> None:
    _need(x.rank == 2, g, f"{who} needs a square matrix, got {_rank_name(x.rank)}")
    g.unify(x.shape[0], x.shape[1], f"{who} (the matrix must be square)", (x,))


def _elementwise(g, args, attrs):
    shape: tuple = ()
    for a in args:
        shape = broadcast_shape(g, shape, a.shape, args)
    arrays = [a for a in args if a.rank > 0]
    sym = len(shape) == 2 and bool(arrays) and all(a.rank == 0 or a.is_symmetric for a in args)
    return shape, SYMMETRIC if sym else GENERAL


def _transposes(a: Value, b: Value) -> bool:
    """b is aᵀ (or a is bᵀ)."""
    return (b.op == "transpose" and b.args[0] is a) or (a.op == "transpose" and a.args[0] is b)


def _symmetric_pair(g, args, attrs):
    """add and mul: X + Xᵀ and X ∘ Xᵀ are symmetric too."""
    shape, struct = _elementwise(g, args, attrs)
    if len(args) == 2 and len(shape) == 2 and _transposes(*args):
        struct = SYMMETRIC
    return shape, struct


def _matmul(g, args, attrs):
    a, b = args
    _need(
        a.rank >= 1 and b.rank >= 1,
        g,
        "`@` needs vectors or matrices; use `*` to scale by a scalar",
    )
    g.unify(a.shape[-1], b.shape[0], "`@` (inner dimensions)", (a, b))
    shape = tuple(a.shape[:-1]) + tuple(b.shape[1:])
    return shape, SYMMETRIC if len(shape) == 2 and _transposes(a, b) else GENERAL  # A Aᵀ


def _transpose(g, args, attrs):
    (x,) = args
    return tuple(reversed(x.shape)), {LOWER: UPPER, UPPER: LOWER}.get(x.struct, x.struct)


def _scalar(g, args, attrs):
    return (), GENERAL


def _scalar_of_square(who):
    def rule(g, args, attrs):
        _square(g, args[0], who)
        return (), GENERAL

    return rule


def _inv(g, args, attrs):
    (x,) = args
    _square(g, x, "np.linalg.inv")
    return x.shape, x.struct if x.struct in SYMMETRIC_TAGS else GENERAL


def _solve(g, args, attrs):
    a, b = args
    _square(g, a, "np.linalg.solve")
    _need(
        b.rank in (1, 2),
        g,
        f"np.linalg.solve(A, b) needs b a vector or matrix, got {_rank_name(b.rank)}",
    )
    g.unify(a.shape[0], b.shape[0], "np.linalg.solve (rows of A and b)", (a, b))
    return b.shape, GENERAL


def _trace(g, args, attrs):
    _square(g, args[0], "np.trace")
    return (), GENERAL


def _outer(g, args, attrs):
    a, b = args
    _need(a.rank == 1 and b.rank == 1, g, "np.outer needs two vectors")
    return (a.shape[0], b.shape[0]), SYMMETRIC if a is b else GENERAL


def _diag_embed(g, args, attrs):
    (x,) = args
    _need(x.rank == 1, g, "np.diag(v) builds a matrix from a vector")
    return (x.shape[0], x.shape[0]), DIAGONAL


def _diag_of(g, args, attrs):
    (x,) = args
    _square(g, x, "np.diag(X)")
    return (x.shape[0],), GENERAL


def _norm(g, args, attrs):
    (x,) = args
    _need(x.rank in (1, 2), g, f"np.linalg.norm needs a vector or matrix, got {_rank_name(x.rank)}")
    return (), GENERAL


def _attr_shape(key, struct=GENERAL):
    def rule(g, args, attrs):
        return tuple(attrs[key]), struct

    return rule


def _eye(g, args, attrs):
    return (attrs["dim"], attrs["dim"]), DIAGONAL


def _param(g, args, attrs):
    return tuple(attrs["dims"]), attrs["struct"]


def _dim(g, args, attrs):
    (x,) = args
    axis = attrs["axis"]
    _need(
        -x.rank <= axis < x.rank, g, f"shape index {axis} is out of range for {_rank_name(x.rank)}"
    )
    return (), GENERAL


def _sum_axes(g, args, attrs):
    (x,) = args
    axes = attrs["axes"]
    _need(all(0 <= a < x.rank for a in axes), g, f"axis out of range for {_rank_name(x.rank)}")
    shape = Reduce(axes, attrs["keepdims"]).out_shape(g, x.shape)
    return shape, GENERAL


def index_shape(g: Graph, shape: tuple, key: tuple) -> tuple:
    """The shape of x[key] for a key of constant entries: ("i", k) an integer,
    ("s", start, stop, step) a slice, ("n",) np.newaxis."""
    out = []
    rest = list(shape)
    for e in key:
        if e[0] == "n":
            out.append(g.new_dim(1))
            continue
        _need(bool(rest), g, "too many indices for this array")
        d = rest.pop(0)
        fixed = g.dim_info(d).fixed
        if e[0] == "i":
            if isinstance(fixed, int):
                _need(-fixed <= e[1] < fixed, g, f"index {e[1]} is out of range for size {fixed}")
            continue
        start, stop, step = e[1:]
        if start is None and stop is None and step in (None, 1):
            out.append(d)
        elif isinstance(fixed, int):
            out.append(g.new_dim(len(range(fixed)[slice(start, stop, step)])))
        elif step in (None, 1) and stop is not None and stop >= 0 and (start or 0) >= 0:
            out.append(g.new_dim(max(stop - (start or 0), 0)))  # assumes stop <= the size
        else:
            out.append(g.new_dim(None, g.at, "a slice"))
    return tuple(out) + tuple(rest)


def _index(g, args, attrs):
    (x,) = args
    return index_shape(g, x.shape, attrs["key"]), GENERAL


def _axes_reduce(g, args, attrs):
    (x,) = args
    axes = attrs["axes"]
    _need(all(0 <= a < x.rank for a in axes), g, f"axis out of range for {_rank_name(x.rank)}")
    return Reduce(axes, attrs["keepdims"]).out_shape(g, x.shape), GENERAL


def _expand_dims(g, args, attrs):
    (x,) = args
    shape = list(x.shape)
    for a in sorted(attrs["axes"]):
        shape.insert(a, g.new_dim(1))
    return tuple(shape), GENERAL


def _same(g, args, attrs):
    return args[0].shape, GENERAL


def _symmetrized(g, args, attrs):
    return args[0].shape, SYMMETRIC


def _same_square(who):
    def rule(g, args, attrs):
        _square(g, args[0], who)
        return args[0].shape, GENERAL

    return rule


def _cholesky(g, args, attrs):
    _square(g, args[0], "np.linalg.cholesky")
    return args[0].shape, LOWER


def _eigvals(who):
    def rule(g, args, attrs):
        _square(g, args[0], who)
        return args[0].shape[:1], GENERAL

    return rule


def _gap(g, args, attrs):
    (w,) = args
    return (w.shape[0], w.shape[0]), GENERAL


def _svd_k(g, x):
    """min(m, n): the number of singular values."""
    m, n = x.shape
    if g.same_dim(m, n):
        return m
    fm, fn = g.dim_info(m).fixed, g.dim_info(n).fixed
    if isinstance(fm, int) and isinstance(fn, int):
        return m if fm <= fn else n
    k = [d for d, info in g.svd_dims.items() if info == (g.find(m), g.find(n))]
    if k:
        return k[0]
    d = g.new_dim(None, g.at, "min(m, n) of an SVD")
    g.svd_dims[d] = (g.find(m), g.find(n))
    return d


def _svd_part(index):
    def rule(g, args, attrs):
        (x,) = args
        _need(x.rank == 2, g, f"np.linalg.svd needs a matrix, got {_rank_name(x.rank)}")
        m, n = x.shape
        k = _svd_k(g, x)
        return ((m, k), (k,), (k, n))[index], GENERAL

    return rule


def _matrix_norm(who):
    def rule(g, args, attrs):
        _need(args[0].rank == 2, g, f"{who} needs a matrix")
        return (), GENERAL

    return rule


def _kron(g, args, attrs):
    a, b = args
    _need(a.rank == b.rank and a.rank in (1, 2), g, "np.kron needs two matrices or two vectors")
    return tuple(g.product_dim(x, y) for x, y in zip(a.shape, b.shape)), GENERAL


def _kron_contract(g, args, attrs):
    out = attrs["spec"].split("->")[1]
    spec_in = attrs["spec"].split("->")[0].split(",")[0]
    sizes = dict(zip(spec_in, attrs["sizes"]))
    return tuple(sizes[c] for c in out), GENERAL


def _sylvester(g, args, attrs):
    a, b, q = args
    _need(q.rank == 2, g, "scipy.linalg.solve_sylvester needs a matrix right-hand side")
    _square(g, a, "scipy.linalg.solve_sylvester")
    _square(g, b, "scipy.linalg.solve_sylvester")
    g.unify(a.shape[0], q.shape[0], "scipy.linalg.solve_sylvester", (a, q))
    g.unify(b.shape[0], q.shape[1], "scipy.linalg.solve_sylvester", (b, q))
    return q.shape, GENERAL


def _frechet(g, args, attrs):
    a, e = args
    _need(e.rank == 2, g, "scipy.linalg.expm_frechet needs a matrix direction")

    _square(g, a, "scipy.linalg.expm_frechet")
    g.unify(a.shape[0], e.shape[0], "scipy.linalg.expm_frechet", (a, e))
    g.unify(a.shape[1], e.shape[1], "scipy.linalg.expm_frechet", (a, e))
    return a.shape, GENERAL


def _solve_triangular(g, args, attrs):
    return _solve(g, args, attrs)


def _cho_factor(g, args, attrs):
    _square(g, args[0], "scipy.linalg.cho_factor")
    return args[0].shape, GENERAL


def _cho_solve(g, args, attrs):
    return _solve(g, args[1:], attrs)


def _phi(g, args, attrs):
    return (attrs["dim"], attrs["dim"]), GENERAL


# -- derivative helpers -----------------------------------------------------------------
def _unsupported(what: str):
    """A derivative matgradc does not have: an error when (and only when) it is needed."""

    def deriv(g, y, *args):
        raise CompileError(
            f"{what} is not supported by matgradc",
            g.loc,
            "differentiate a function that avoids it (e.g. singular values instead of vectors)",
        )

    return deriv


def _scatter_add_deriv(i: int):
    return lambda g, y, *args: Adjoint(Index(y.attr("keys")[i]), y.shape)


def _gap_form(g, F, w):
    """F = 1/(w_j − w_i) off the diagonal: dF = −F ∘ F ∘ (dw_j − dw_i)."""
    rows = ("n",), ("s", None, None, None)
    cols = ("s", None, None, None), ("n",)
    spread = Sum(
        Compose(Hadamard(None, F.shape), Index(rows)),
        Compose(Hadamard(g.const(-1), F.shape), Index(cols)),
    )
    return Compose(Hadamard(g.op("neg", g.op("mul", F, F)), F.shape), spread)


def _ew(D_of):
    """An elementwise derivative: dY = D ∘ dX with D built from (graph, Y, *args)."""
    return lambda g, y, *args: Hadamard(D_of(g, y, *args), y.shape)


def _ew_div(D_of):
    """dY = dX / D."""
    return lambda g, y, *args: Hadamard(D_of(g, y, *args), y.shape, divide=True)


def _identity(g, y, *args):
    return Hadamard(None, y.shape)


def _pow_base(g, y, a, b):
    # d(a**b)/da = b * a**(b-1); with a constant exponent, b-1 is folded at compile time.
    if b.is_const():
        c = b.attr("value")
        lower = g.op("pow", a, g.const(c - 1)) if c != 2 else a
        return Hadamard(g.op("mul", g.const(c), lower), y.shape)
    return Hadamard(g.op("mul", b, g.op("pow", a, g.op("sub", b, g.const(1)))), y.shape)


def _eye_like(g, x):
    return g.op("eye", dim=g.find(x.shape[0]))


def _inv_t(g, x):
    """X⁻ᵀ, shared with any inverse the model computes itself."""
    return g.op("transpose", g.op("inv", x))


def _reduce_form(y):
    return Reduce(y.attr("axes"), y.attr("keepdims"))


def _mean_form(g, y, x):
    """dy = mean(dX) = sum(dX) / count."""
    axes = y.attr("axes")
    count = g.op("size", x) if axes is None else None
    for a in axes or ():
        d = g.op("dim", x, axis=a)
        count = d if count is None else g.op("mul", count, d)
    reduce = Reduce(axes, bool(y.attr("keepdims")))
    return Compose(Hadamard(count, y.shape, divide=True), reduce)


def _extremum_form(g, y, x):
    """The subgradient of max/min: dy = Σ W ∘ dX with W spread evenly over the ties
    (the convention of JAX's reduce_max and PyTorch's amax)."""
    axes = y.attr("axes")
    keep = y if axes is None or y.attr("keepdims") else g.op("expand_dims", y, axes=axes)
    hit = g.op("equal", x, keep)
    count = g.op("sum", hit) if axes is None else g.op("sum_axes", hit, axes=axes, keepdims=True)
    reduce = Reduce(axes, bool(y.attr("keepdims")))
    return Compose(reduce, Hadamard(g.op("div", hit, count), x.shape))


def _pairwise_max(first: bool, op: str):
    """np.maximum/np.minimum: the derivative goes to the winner, half to each at a tie
    (JAX's convention)."""

    def deriv(g, y, a, b):
        mine, other = (a, b) if first else (b, a)
        wins = g.op(op, mine, other)
        tie = g.op("mul", g.const(0.5), g.op("equal", mine, other))
        return Hadamard(g.op("add", wins, tie), y.shape)

    return deriv


def _abs_form(g, y, x):
    """d|x| = sign(x) dx (0 at 0, as JAX and PyTorch); for complex z: Re(conj(z) dz / |z|)."""
    if x.dtype == "complex":
        return Compose(RealPart(), Hadamard(g.op("div", conj_v(g, x), y), y.shape))
    return Hadamard(g.op("sign", x), y.shape)


def conj_v(g, v):
    return g.op("conj", v)


def _cholesky_form(g, L, a):
    """dL = L Φ(L⁻¹ dΣ L⁻ᵀ), Φ = strictly-lower ones + ½ on the diagonal, where dΣ is the
    symmetric matrix NumPy reads from the lower triangle (Murray 2016, section 3;
    reference/matrix-calculus-reverse-mode.txt)."""
    n = g.find(L.shape[0])
    phi = g.op("phi", dim=n)
    return chain(
        Kron(L, None), Hadamard(phi, L.shape), Kron(Inv(L), Inv(L, trans=True)), LowerSym()
    )


def _eigh_values_form(g, w, a):
    """dw = diag(Vᵀ dA V) (on the symmetric matrix read from the lower triangle)."""
    V = g.op("eigvecsh", a)
    return chain(DiagOf(), Kron(g.op("transpose", V), V), LowerSym())


def _eigh_vectors_form(g, V, a):
    """dV = V (F ∘ (Vᵀ dA V)), F_ij = 1/(w_j − w_i), F_ii = 0; F raises at repeated
    eigenvalues instead of returning inf/nan."""
    F = g.op("eig_gap_inv", g.op("eigvalsh", a))
    return chain(Kron(V, None), Hadamard(F, V.shape), Kron(g.op("transpose", V), V), LowerSym())


def _eig_values_form(g, lam, a):
    """dλ = diag(V⁻¹ dA V): the rows of V⁻¹ are the left eigenvectors, so
    dλ_k = y_kᴴ dA x_k / y_kᴴ x_k (reference/eigenvalue-sensitivity-thread.txt)."""
    V = g.op("eig_vectors", a)
    return chain(DiagOf(), Kron(Inv(V), V))


def _eig_vectors_form(g, V, a):
    """dV = V (F ∘ (V⁻¹ dA V)), F_ij = 1/(λ_j − λ_i), then the change that keeps each column
    at unit norm. Its phase stays arbitrary (LAPACK's choice): only phase-invariant functions
    of an eigenvector, e.g. of |V|, have a meaningful derivative."""
    F = g.op("eig_gap_inv", g.op("eig_values", a))
    return chain(UnitColumns(V), Kron(V, None), Hadamard(F, V.shape), Kron(Inv(V), V))


def _svd_values_form(g, s, x):
    """ds = diag(Uᵀ dX V) (distinct, nonzero singular values)."""
    U, Vt = g.op("svd_u", x), g.op("svd_vt", x)
    return chain(DiagOf(), Kron(g.op("transpose", U), g.op("transpose", Vt)))


def _norm2_form(g, y, x):
    """d‖X‖₂ = ⟨u₁ v₁ᵀ, dX⟩ for the top singular pair."""
    U, Vt = g.op("svd_u", x), g.op("svd_vt", x)
    u1 = g.op("index", U, key=(("s", None, None, None), ("i", 0)))
    v1 = g.op("index", Vt, key=(("i", 0),))
    return Outer(g.op("outer", u1, v1))


def _nuc_form(g, y, x):
    """d‖X‖_* = ⟨U Vᵀ, dX⟩ (full column rank)."""
    return Outer(g.op("matmul", g.op("svd_u", x), g.op("svd_vt", x)))


def _matrix_power_form(g, y, x):
    """d Xᵏ = Σ_{i<k} Xⁱ dX Xᵏ⁻¹⁻ⁱ."""
    k = y.attr("power")

    def power(i):
        if i == 0:
            return None
        return x if i == 1 else g.op("matrix_power", x, power=i)

    terms = [Kron(power(i), power(k - 1 - i)) for i in range(k)]
    form = terms[0]
    for t in terms[1:]:
        form = Sum(form, t)
    return form


def _solve_tri_forms():
    def da(g, y, a, b):
        lower = y.attr("lower")
        return chain(
            Kron(Inv(a, lower=lower), None),
            Kron(None, g.op("neg", y)),
            Triangle(0, upper=not lower),
        )

    def db(g, y, a, b):
        return Kron(Inv(a, lower=y.attr("lower")), None)

    return (da, db)


def _cho_solve_forms():
    def ds(g, y, c, a, b):
        # cho_factor reads one triangle: dY = −S⁻¹ sym(dS) Y
        inv = Inv(a, chol=c)
        return chain(
            Kron(inv, None), Kron(None, g.op("neg", y)), LowerSym(upper=not c.attr("lower"))
        )

    def db(g, y, c, a, b):
        return Kron(Inv(a, chol=c), None)

    return (None, ds, db)


def _sylvester_forms():
    # A X + X B = Q:  dX = Sylv(A, B)[dQ − dA X − X dB]
    def da(g, y, a, b, q):
        return Compose(Sylvester(a, b), Kron(None, g.op("neg", y)))

    def db(g, y, a, b, q):
        return Compose(Sylvester(a, b), Kron(g.op("neg", y), None))

    def dq(g, y, a, b, q):
        return Sylvester(a, b)

    return (da, db, dq)


# -- the table -------------------------------------------------------------------------
RULES: dict[str, Rule] = {
    # leaves
    "param": Rule("{name}", _param),
    "const": Rule("{text}", _scalar),
    "dim": Rule("{0}.shape[{axis}]", _dim, (None,)),
    "eye": Rule("np.eye({dim})", _eye),
    "zeros": Rule("np.zeros({shape})", _attr_shape("shape")),
    "broadcast": Rule("np.full({shape}, {0})", _attr_shape("shape"), (_identity,)),
    # arithmetic, with NumPy broadcasting
    "add": Rule("{0} + {1}", _symmetric_pair, (_identity, _identity), ADD, (ADD, ADD + 1)),
    "sub": Rule(
        "{0} - {1}",
        _elementwise,
        (_identity, _ew(lambda g, y, a, b: g.const(-1))),
        ADD,
        (ADD, ADD + 1),
    ),
    "mul": Rule(
        "{0} * {1}",
        _symmetric_pair,
        (_ew(lambda g, y, a, b: b), _ew(lambda g, y, a, b: a)),
        MUL,
        (MUL, MUL + 1),
    ),
    "div": Rule(
        "{0} / {1}",
        _elementwise,
        (_ew_div(lambda g, y, a, b: b), _ew(lambda g, y, a, b: g.op("neg", g.op("div", y, b)))),
        MUL,
        (MUL, MUL + 1),
    ),
    "pow": Rule(
        "{0} ** {1}",
        _elementwise,
        (_pow_base, _ew(lambda g, y, a, b: g.op("mul", g.op("log", a), y))),
        POW,
        (POW + 1, UNARY),
        requires=("positive", None),  # not needed for a constant integer exponent
    ),
    "neg": Rule("-{0}", _elementwise, (_ew(lambda g, y, a: g.const(-1)),), UNARY, (UNARY,)),
    # elementwise functions
    "exp": Rule("np.exp({0})", _elementwise, (_ew(lambda g, y, a: y),)),
    "log": Rule("np.log({0})", _elementwise, (_ew_div(lambda g, y, a: a),), requires=("positive",)),
    "log1p": Rule(
        "np.log1p({0})",
        _elementwise,
        (_ew_div(lambda g, y, a: g.op("add", g.const(1), a)),),
        requires=("positive",),
    ),
    "sqrt": Rule(
        "np.sqrt({0})",
        _elementwise,
        (_ew_div(lambda g, y, a: g.op("mul", g.const(2), y)),),
        requires=("positive",),
    ),
    "tanh": Rule(
        "np.tanh({0})",
        _elementwise,
        (_ew(lambda g, y, a: g.op("sub", g.const(1), g.op("pow", y, g.const(2)))),),
    ),
    "sin": Rule("np.sin({0})", _elementwise, (_ew(lambda g, y, a: g.op("cos", a)),)),
    "cos": Rule("np.cos({0})", _elementwise, (_ew(lambda g, y, a: g.op("neg", g.op("sin", a))),)),
    # matrix products and structure
    "matmul": Rule(
        "{0} @ {1}",
        _matmul,
        (lambda g, y, a, b: Kron(None, b), lambda g, y, a, b: Kron(a, None)),
        MUL,
        (MUL, MUL + 1),
    ),
    "transpose": Rule("{0}.T", _transpose, (lambda g, y, a: Box(),), ATOM, (ATOM,)),
    "outer": Rule(
        "np.outer({0}, {1})",
        _outer,
        (lambda g, y, a, b: Dyad(None, b), lambda g, y, a, b: Dyad(a, None)),
    ),
    "diag_embed": Rule("np.diag({0})", _diag_embed, (lambda g, y, a: DiagEmbed(),)),
    "diag_of": Rule("np.diag({0})", _diag_of, (lambda g, y, a: DiagOf(),)),
    # reductions
    "sum": Rule("np.sum({0})", _scalar, (lambda g, y, a: Reduce(),)),
    "sum_axes": Rule(
        "np.sum({0}, axis={axes}{keepdims})",
        _sum_axes,
        (lambda g, y, a: Reduce(y.attr("axes"), y.attr("keepdims")),),
    ),
    # Σ A ∘ B for arrays of one shape, without the temporary (made by the optimizer)
    "vdot": Rule(
        "np.vdot({0}, {1})",
        _scalar,
        (lambda g, y, a, b: Outer(b), lambda g, y, a, b: Outer(a)),
    ),
    # d tr(X) = ⟨I, dX⟩
    "trace": Rule("np.trace({0})", _trace, (lambda g, y, a: Outer(_eye_like(g, a)),)),
    # d‖X‖ = ⟨X/‖X‖, dX⟩ (Frobenius for matrices, 2-norm for vectors)
    "norm": Rule("np.linalg.norm({0})", _norm, (lambda g, y, a: Outer(g.op("div", a, y)),)),
    # linear algebra
    # d X⁻¹ = −X⁻¹ dX X⁻¹  (Matrix Cookbook eq. 59; the talk: −X⁻¹ ⊗ X⁻ᵀ)
    "inv": Rule(
        "np.linalg.inv({0})",
        _inv,
        (lambda g, y, a: Kron(g.op("neg", y), y),),
        ref="Petersen & Pedersen, The Matrix Cookbook (2012), eq. 59",
        requires=("invertible",),
    ),
    # Y = A⁻¹B: dY = A⁻¹ (dB − dA Y); A⁻¹ stays symbolic (its adjoint is a solve with Aᵀ)
    "solve": Rule(
        "np.linalg.solve({0}, {1})",
        _solve,
        (
            lambda g, y, a, b: Compose(Kron(Inv(a), None), Kron(None, g.op("neg", y))),
            lambda g, y, a, b: Kron(Inv(a), None),
        ),
        requires=("invertible", None),
    ),
    # d det X = det X ⟨X⁻ᵀ, dX⟩  (Cookbook eq. 49)
    "det": Rule(
        "np.linalg.det({0})",
        _scalar_of_square("np.linalg.det"),
        (lambda g, y, a: Outer(g.op("mul", y, _inv_t(g, a))),),
        ref="The Matrix Cookbook, eq. 49",
        requires=("invertible",),
    ),
    # d log|det X| = ⟨X⁻ᵀ, dX⟩  (Cookbook eq. 57)
    "logdet": Rule(
        "np.linalg.slogdet({0})",
        _scalar_of_square("np.linalg.slogdet"),
        (lambda g, y, a: Outer(_inv_t(g, a)),),
        ref="The Matrix Cookbook, eq. 57",
        requires=("invertible",),
        group=(1, 2),
    ),
    "slogdet_sign": Rule(
        "np.linalg.slogdet({0})",
        _scalar_of_square("np.linalg.slogdet"),
        (None,),
        requires=("invertible",),
        group=(0, 2),
    ),
    # indexing with constant keys; the adjoint scatters into zeros
    "index": Rule("{0}[{key}]", _index, (lambda g, y, a: Index(y.attr("key")),), ATOM, (ATOM,)),
    "scatter": Rule(
        "{out} = np.zeros({shape}{dtype_kw})\n{out}[{key}] = {0}",
        _attr_shape("shape"),
        (lambda g, y, a: Adjoint(Index(y.attr("key")), y.shape),),
        statements=True,
    ),
    # several scatters into one array: out = zeros; out[k1] += a; out[k2] += b
    "scatter_add": Rule(
        lambda args, at: "\n".join(
            [f"{at['out']} = np.zeros({at['shape']}{at['dtype_kw']})"]
            + [f"{at['out']}[{key}] += {a}" for key, a in zip(at["keys"], args)]
        ),
        _attr_shape("shape"),
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
    "tril": Rule("np.tril({0}{k})", _same, (lambda g, y, a: Triangle(y.attr("k")),)),
    "triu": Rule("np.triu({0}{k})", _same, (lambda g, y, a: Triangle(y.attr("k"), upper=True),)),
    # more reductions; max/min spread the derivative evenly over ties
    "mean": Rule("np.mean({0})", _scalar, (_mean_form,)),
    "mean_axes": Rule("np.mean({0}, axis={axes}{keepdims})", _axes_reduce, (_mean_form,)),
    "max": Rule("np.max({0})", _scalar, (_extremum_form,)),
    "max_axes": Rule("np.max({0}, axis={axes}{keepdims})", _axes_reduce, (_extremum_form,)),
    "min": Rule("np.min({0})", _scalar, (_extremum_form,)),
    "min_axes": Rule("np.min({0}, axis={axes}{keepdims})", _axes_reduce, (_extremum_form,)),
    "size": Rule("{0}.size", _scalar, (None,), ATOM, (ATOM,)),
    # more elementwise functions
    "maximum": Rule(
        "np.maximum({0}, {1})",
        _elementwise,
        (_pairwise_max(True, "greater"), _pairwise_max(False, "greater")),
    ),
    "minimum": Rule(
        "np.minimum({0}, {1})",
        _elementwise,
        (_pairwise_max(True, "less"), _pairwise_max(False, "less")),
    ),
    "abs": Rule("np.abs({0})", _elementwise, (_abs_form,), dtype="real"),
    "sign": Rule("np.sign({0})", _elementwise, (None,)),
    "equal": Rule("{0} == {1}", _elementwise, (None, None), CMP, (CMP + 1, CMP + 1)),
    "greater": Rule("{0} > {1}", _elementwise, (None, None), CMP, (CMP + 1, CMP + 1)),
    "less": Rule("{0} < {1}", _elementwise, (None, None), CMP, (CMP + 1, CMP + 1)),
    # d logaddexp(a, b) = e^(a−y) da + e^(b−y) db, never overflowing
    "logaddexp": Rule(
        "np.logaddexp({0}, {1})",
        _elementwise,
        (
            _ew(lambda g, y, a, b: g.op("exp", g.op("sub", a, y))),
            _ew(lambda g, y, a, b: g.op("exp", g.op("sub", b, y))),
        ),
    ),
    "expm1": Rule("np.expm1({0})", _elementwise, (_ew(lambda g, y, a: g.op("exp", a)),)),
    # complex values (np.linalg.eig): real and imaginary parts, conjugation
    "conj": Rule("np.conj({0})", _same, (lambda g, y, a: Conj(),)),
    "real": Rule("{0}.real", _same, (lambda g, y, a: RealPart(),), ATOM, (ATOM,), dtype="real"),
    "imag": Rule("{0}.imag", _same, (lambda g, y, a: ImagPart(),), ATOM, (ATOM,), dtype="real"),
    "times_i": Rule(
        "1j * {0}",
        _same,
        (lambda g, y, a: Hadamard(g.op("times_i", g.const(1.0)), y.shape),),
        MUL,
        (MUL + 1,),
        dtype="complex",
    ),
    # factorizations and spectral functions
    "cholesky": Rule(
        "np.linalg.cholesky({0})",
        _cholesky,
        (_cholesky_form,),
        ref="I. Murray, Differentiation of the Cholesky decomposition (2016), section 3",
        requires=("spd",),
    ),
    "phi": Rule("np.tril(np.ones(({dim}, {dim})), -1) + 0.5 * np.eye({dim})", _phi, prec=ADD),
    "eigvalsh": Rule(
        "np.linalg.eigh({0})",
        _eigvals("np.linalg.eigh"),
        (_eigh_values_form,),
        group=(0, 2),
        requires=("sym",),
    ),
    "eigvecsh": Rule(
        "np.linalg.eigh({0})",
        _same_square("np.linalg.eigh"),
        (_eigh_vectors_form,),
        group=(1, 2),
        requires=("sym",),
    ),
    "eig_gap_inv": Rule(
        "{out} = {0}[np.newaxis, :] - {0}[:, np.newaxis]\n"
        "np.fill_diagonal({out}, np.inf)\n"
        "if np.min(np.abs({out})) <= 1e-10 * max(1.0, np.max(np.abs({0}))):\n"
        '    raise FloatingPointError("repeated eigenvalues: the eigenvector derivative is undefined")\n'
        "{out} = 1.0 / {out}",
        _gap,
        (_gap_form,),
        statements=True,
    ),
    "eig_values": Rule(
        "np.linalg.eig({0})",
        _eigvals("np.linalg.eig"),
        (_eig_values_form,),
        group=(0, 2),
        dtype="complex",
        requires=("invertible",),
    ),
    "eig_vectors": Rule(
        "np.linalg.eig({0})",
        _same_square("np.linalg.eig"),
        (_eig_vectors_form,),
        group=(1, 2),
        dtype="complex",
        requires=("invertible",),
    ),
    "svd_u": Rule(
        "np.linalg.svd({0}, full_matrices=False)",
        _svd_part(0),
        (_unsupported("the derivative of the singular vectors of np.linalg.svd"),),
        group=(0, 3),
    ),
    "svd_s": Rule(
        "np.linalg.svd({0}, full_matrices=False)", _svd_part(1), (_svd_values_form,), group=(1, 3)
    ),
    "svd_vt": Rule(
        "np.linalg.svd({0}, full_matrices=False)",
        _svd_part(2),
        (_unsupported("the derivative of the singular vectors of np.linalg.svd"),),
        group=(2, 3),
    ),
    "norm2": Rule("np.linalg.norm({0}, 2)", _matrix_norm("np.linalg.norm(X, 2)"), (_norm2_form,)),
    "norm_nuc": Rule(
        'np.linalg.norm({0}, "nuc")', _matrix_norm("np.linalg.norm(X, 'nuc')"), (_nuc_form,)
    ),
    "matrix_power": Rule(
        "np.linalg.matrix_power({0}, {power})",
        _same_square("np.linalg.matrix_power"),
        (_matrix_power_form,),
    ),
    "kron": Rule(
        "np.kron({0}, {1})",
        _kron,
        (
            lambda g, y, a, b: KronProduct(b, left=True),
            lambda g, y, a, b: KronProduct(a, left=False),
        ),
    ),
    "kron_contract": Rule(
        'np.einsum("{spec}", {0}.reshape({sizes}), {1})',
        _kron_contract,
        (lambda g, y, a, f: Adjoint(KronProduct(conj_v(g, f), left=y.attr("left")), y.shape), None),
    ),
    # scipy.linalg, used exactly when the model imports it
    "expm": Rule(
        "scipy.linalg.expm({0})",
        _same_square("scipy.linalg.expm"),
        (lambda g, y, a: Frechet("expm", a),),
        ref="Al-Mohy & Higham (2009), the Fréchet derivative; adjoint L(Aᵀ, ·)",
        imports=("scipy.linalg",),
    ),
    "expm_frechet": Rule(
        "scipy.linalg.expm_frechet({0}, {1}, compute_expm=False)",
        _frechet,
        (
            _unsupported("the second derivative of scipy.linalg.expm"),
            lambda g, y, a, e: Frechet("expm", a),
        ),
        imports=("scipy.linalg",),
    ),
    "sqrtm": Rule(
        "scipy.linalg.sqrtm({0})",
        _same_square("scipy.linalg.sqrtm"),
        (lambda g, y, a: Sylvester(y, y),),
        ref="dY Y + Y dY = dA: a Sylvester equation (Higham, Functions of Matrices, 6.1)",
        imports=("scipy.linalg",),
        requires=("spd",),
    ),
    "sylvester": Rule(
        "scipy.linalg.solve_sylvester({0}, {1}, {2})",
        _sylvester,
        _sylvester_forms(),
        imports=("scipy.linalg",),
    ),
    "solve_triangular": Rule(
        "scipy.linalg.solve_triangular({0}, {1}, trans={trans}, lower={lower})",
        _solve_triangular,
        _solve_tri_forms(),
        imports=("scipy.linalg",),
        requires=("invertible", None),
    ),
    # made by --backend scipy after differentiation (never differentiated themselves):
    # one LU or Cholesky factorization per matrix, shared by solves, inverse and log det
    "lu_factor": Rule("scipy.linalg.lu_factor({0})", _cho_factor, imports=("scipy.linalg",)),
    "lu_solve": Rule(
        "scipy.linalg.lu_solve({0}, {1}, trans={trans})",
        lambda g, args, attrs: (args[1].shape, GENERAL),
        imports=("scipy.linalg",),
    ),
    "lu_logdet": Rule("np.sum(np.log(np.abs(np.diag({0}[0]))))", _scalar),
    # A⁻¹ from a Cholesky factor (LAPACK potri, about half a solve against I), mirrored
    "cho_inv": Rule(
        "{out}, _ = scipy.linalg.lapack.dpotri({0}[0], lower={0}[1])\n"
        "{out} = np.tril({out}) + np.tril({out}, -1).T",
        lambda g, args, attrs: (args[0].shape, SYMMETRIC),
        statements=True,
        imports=("scipy.linalg",),
    ),
    "cho_logdet": Rule("2 * np.sum(np.log(np.diag({0}[0])))", _scalar, prec=MUL),
    "cho_factor": Rule(
        "scipy.linalg.cho_factor({0}, lower={lower})",
        _cho_factor,
        (None,),
        imports=("scipy.linalg",),
        requires=("spd",),
    ),
    "cho_solve": Rule(
        "scipy.linalg.cho_solve({0}, {2})",
        _cho_solve,
        _cho_solve_forms(),
        imports=("scipy.linalg",),
    ),
}

from . import rules_eigen  # the eigenproblem family (it reads Rule from here)

RULES.update(rules_eigen.RULES)
