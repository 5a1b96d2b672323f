"""Elementwise ops with NumPy broadcasting: arithmetic, comparisons and elementwise
functions. Each derivative is a Hadamard form dY = D ∘ dX (summed over broadcast axes by
the form's adjoint)."""

from __future__ import annotations

import operator

from ..forms import Compose, Conj, Hadamard, ImagPart, RealPart
from ..ir import DIAGONAL, GENERAL, LOWER, SPD, SYMMETRIC, UPPER, Value
from .base import (
    ADD,
    ATOM,
    CMP,
    MUL,
    POW,
    UNARY,
    Rule,
    elementwise,
    ew,
    ew_div,
    factorable,
    full,
    identity,
    infix,
    is_eye,
    linear,
    need,
    same,
    scaled_eye,
    square,
    transposes,
    ufunc,
)
from .structure import scatter_accumulation


def _symmetric_pair(g, args, attrs):
    """add and mul: X + Xᵀ and X ∘ Xᵀ are symmetric too."""
    shape, struct = elementwise(g, args, attrs)
    if len(args) == 2 and len(shape) == 2 and transposes(*args):
        struct = SYMMETRIC
    return shape, struct


# -- local identities, applied as values are built ------------------------------------
def _static(g, v):
    """A number known while compiling: a constant, or a size declared as a number."""
    if v.is_const():
        return v.attr("value")
    if v.op == "dim":
        fixed = g.dim_info(v.args[0].shape[v.attr("axis")]).fixed
        return fixed if isinstance(fixed, int) else None
    return None


def _compare(fn):
    """A comparison of compile-time facts is decided while compiling: constants, declared
    sizes, and two sizes that shape inference made equal (X.shape[0] == X.shape[1] for a
    square X: any input of other sizes is refused anyway)."""

    def fold(g, args, attrs, shape):
        a, b = args
        x, y = _static(g, a), _static(g, b)
        if x is None or y is None:
            if a.op == "dim" and b.op == "dim" and fn in (operator.eq, operator.ne):
                da = a.args[0].shape[a.attr("axis")]
                db = b.args[0].shape[b.attr("axis")]
                if g.find(da) == g.find(db):
                    return g.const(1.0 if fn is operator.eq else 0.0)
            return None
        return g.const(1.0 if fn(x, y) else 0.0)

    return fold


def _common_scale(g, op: str, a: Value, b: Value) -> Value | None:
    """c x ± c y = c (x ± y): one scaling of the sum instead of one per term (not for an
    infinite c: ∞·0 + ∞·1 is nan, ∞·(0 + 1) is not)."""
    c = a.args[0] if a.op == b.op == "mul" and a.args[0] is b.args[0] else None
    if c is None or c.rank != 0 or not factorable(c):
        return None
    x, y = a.args[1], b.args[1]
    return g.op("mul", c, g.op(op, x, y)) if x.rank and y.rank else None


def _unbroadcast(g, op: str, a: Value, b: Value, shape: tuple) -> Value | None:
    """broadcast(x) ± y = x ± y when NumPy's broadcasting of x with y gives the shape anyway:
    x[:, np.newaxis] + y[np.newaxis, :] computes the n×n sum without materializing either
    term."""
    for k, x in enumerate((a, b)):
        other = (b, a)[k]
        if x.op != "broadcast" or x.args[0].rank != x.rank or other.rank > x.rank:
            continue
        inner = x.args[0]
        padded = (None,) * (x.rank - other.rank) + other.shape  # NumPy aligns the last axes
        dims = [o if g.dim_info(d).fixed == 1 else d for d, o in zip(inner.shape, padded)]
        if None not in dims and g.same_shape(tuple(dims), shape):
            return g.op(op, inner, other) if k == 0 else g.op(op, other, inner)
    return None


def _sum_identities(op: str, own):
    """The local identities of `op` (add or sub): what both share around its own, broadcasts
    dropped first and a common scalar factored last."""

    def simplify(g, args, attrs, shape):
        a, b = args
        for identity_ in (_unbroadcast, own):
            if (found := identity_(g, op, a, b, shape)) is not None:
                return found
        return _common_scale(g, op, a, b)

    return simplify


def _add(g, op, a, b, shape):
    if a.is_const(0.0) and full(g, b, shape):
        return b
    if b.is_const(0.0) and full(g, a, shape):
        return a
    if b.op == "neg":
        return g.op("sub", a, b.args[0])
    if a.op == "neg":
        return g.op("sub", b, a.args[0])
    if a is b:
        return g.op("mul", g.const(2), a)
    if b.op == "mul" and b.args[0].is_const() and b.args[0].attr("value") < 0:  # a + (−c) y
        return g.op("sub", a, g.op("mul", g.op("neg", b.args[0]), b.args[1]))
    for x, y in ((a, b), (b, a)):  # X + c I: no n×n identity
        if x.rank == 2 and full(g, x, shape):
            if is_eye(y):
                return add_diag(g, x, g.const(1.0))
            if (c := scaled_eye(y)) is not None:
                return add_diag(g, x, c)
    return None


def _sub(g, op, a, b, shape):
    if b.is_const(0.0) and full(g, a, shape):
        return a
    if b.op == "neg":
        return g.op("add", a, b.args[0])
    if a.is_const(0.0) and full(g, b, shape):
        return g.op("neg", b)
    if a.op == "neg" and a.args[0] is b:  # −x − x = −2x
        return g.op("neg", g.op("mul", g.const(2), b))
    return None


def _add_diag(g, args, attrs):
    x, c = args
    square(g, x, "X + c I")
    need(c.rank == 0, g, "X + c I: c must be a scalar")
    struct = SYMMETRIC if x.struct == SPD else x.struct
    return x.shape, struct if struct in (SYMMETRIC, DIAGONAL, LOWER, UPPER) else GENERAL


def _add_diag_spelling(args, at):
    scale = "" if args[1] in ("1", "1.0") else f"{args[1]} * "
    return f"{args[0]} + {scale}np.eye({at['dim']})"


def add_diag(g, x: Value, c: Value) -> Value:
    """X + c I."""
    return g.op("add_diag", x, c, dim=g.find(x.shape[0]))


def _mul(g, args, attrs, shape):
    a, b = args
    for x, y in ((a, b), (b, a)):
        if x.is_const(1.0) and full(g, y, shape):
            return y
        if x.is_const(-1.0) and full(g, y, shape):
            return g.op("neg", y)
        # a broadcast scalar times a full array: just scale
        if x.op == "broadcast" and full(g, y, shape) and x.args[0].rank == 0:
            return g.op("mul", x.args[0], y)
    # fold constants the compiler made; the model's own (2 * np.pi) stay as written
    if a.is_const() and b.is_const() and not (a.attr("user") and b.attr("user")):
        return g.const(a.attr("value") * b.attr("value"))
    if a.is_const() and b.op == "mul" and b.args[0].is_const():
        c = b.args[0]
        if not (a.attr("user") and c.attr("user")):
            return g.op("mul", g.const(a.attr("value") * c.attr("value")), b.args[1])
    for x, y in ((a, b), (b, a)):  # s (X / s) = X, (c s)(X / s) = c X
        if y.op == "div" and y.args[1].rank == 0 and full(g, y.args[0], shape):
            s_ = y.args[1]
            if x is s_:
                return y.args[0]
            if x.op == "mul" and x.args[1] is s_ and x.args[0].is_const():
                return g.op("mul", x.args[0], y.args[0])
    # scalars gather in front: (s A) ∘ B = s (A ∘ B), so sums and inner products can take
    # them out
    if a.op == "mul" and a.args[0].rank == 0 and a.args[1].rank > 0 and b.rank > 0:
        return g.op("mul", a.args[0], g.op("mul", a.args[1], b))
    # keep the scalar factor in front: c * X reads better than X * c
    if b.rank == 0 and a.rank > 0:
        return g.op("mul", b, a)
    if a.op == "neg" and b.op == "neg":
        return g.op("mul", a.args[0], b.args[0])
    return None


def _div(g, args, attrs, shape):
    a, b = args
    if b.is_const(1.0) and full(g, a, shape):
        return a
    if a.op == "broadcast" and full(g, b, shape) and a.args[0].rank == 0:
        return g.op("div", a.args[0], b)
    # (c X) / s = (c / s) X: the scalars combine first, one pass over the array
    c = a.args[0] if a.op == "mul" else None
    if c is not None and c.rank == 0 and factorable(c) and a.args[1].rank > 0 and b.rank == 0:
        return g.op("mul", g.op("div", c, b), a.args[1])
    return None


def _pow(g, args, attrs, shape):
    return args[0] if args[1].is_const(1.0) else None


def _neg(g, args, attrs, shape):
    (x,) = args
    if x.op == "neg":
        return x.args[0]
    if x.is_const():
        return g.const(-x.attr("value"))
    if x.op == "mul" and x.args[0].is_const():  # −(c X) = (−c) X
        return g.op("mul", g.op("neg", x.args[0]), x.args[1])
    return None


def _log(g, args, attrs, shape):
    # log(det(X)) is the stable log|det X| (NumPy would give nan for det X < 0)
    (x,) = args
    return g.op("logdet", x.args[0]) if x.op == "det" else None


def _log1p(g, args, attrs, shape):
    (x,) = args
    if x.op == "exp" and x.dtype == "real":  # log(1 + eˣ) without overflow for large x
        a = x.args[0]  # (NumPy has no logaddexp for complex values: theirs stays as written)
        return g.op("softplus", a) if a.rank else g.op("logaddexp", g.const(0.0), a)
    return None


def _conj(g, args, attrs, shape):
    (x,) = args
    if x.dtype == "real":
        return x
    return x.args[0] if x.op == "conj" else None


def _real(g, args, attrs, shape):
    return args[0] if args[0].dtype == "real" else None


def _pow_requires(v):
    """A constant integer exponent needs no positive base."""
    b = v.args[1]
    integer = b.is_const() and float(b.attr("value")).is_integer()
    return (None, None) if integer else ("positive", None)


def _pow_base(g, y, a, b):
    # d(a**b)/da = b * a**(b-1); with a constant exponent, b-1 is folded at compile time.
    if b.is_const():
        c = b.attr("value")
        if c == 0:  # a**0 = 1 everywhere, 0**0 included
            return Hadamard(g.const(0.0), y.shape)
        lower = g.op("pow", a, g.const(c - 1)) if c != 2 else a
        return Hadamard(g.op("mul", g.const(c), lower), y.shape)
    return Hadamard(g.op("mul", b, g.op("pow", a, g.op("sub", b, g.const(1)))), y.shape)


def _sqrt_form(g, y, a):
    """d√x = dx / (2√x); with at_zero=0 (np.std) the factor is 0 where √x = 0, for a tangent
    that is itself 0 there."""
    two_y = g.op("mul", g.const(2), y)
    if y.attr("at_zero") == 0:
        two_y = g.op("add", two_y, g.op("equal", y, g.const(0.0)))
    return Hadamard(two_y, y.shape, divide=True)


def _pow_exponent(g, y, a, b):
    """d(a**b)/db = a**b log a, taken as 0 where a = 0 (the limit for b > 0; JAX's
    `_pow_jvp_rhs` replaces a zero base by one the same way)."""
    if a.is_const() and a.attr("value") > 0:
        return Hadamard(g.op("mul", g.op("log", a), y), y.shape)
    safe = g.op("add", a, g.op("equal", a, g.const(0.0)))  # a, or 1 where a == 0
    return Hadamard(g.op("mul", g.op("log", safe), y), y.shape)


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
        return Compose(RealPart(), Hadamard(g.op("div", g.op("conj", x), y), y.shape))
    return Hadamard(g.op("sign", x), y.shape)


def _part(name: str, form: type, **options) -> Rule:
    """z.real or z.imag (np.real, np.imag): a real array of z's shape, linear in z."""
    return Rule(
        "{0}." + name,
        same,
        (linear(form),),
        ATOM,
        (ATOM,),
        dtype="real",
        calls=(f"numpy.{name}",),
        any_rank=True,
        **options,
    )


RULES: dict[str, Rule] = {
    # arithmetic, with NumPy broadcasting
    "add": infix(
        "+",
        _symmetric_pair,
        (identity, identity),
        calls=("numpy.add",),
        simplify=_sum_identities("add", _add),
        rewrite=scatter_accumulation,
        commutative=True,
        accumulate="+",
        any_rank=True,
    ),
    "sub": infix(
        "-",
        elementwise,
        (identity, ew(lambda g, y, a, b: g.const(-1))),
        calls=("numpy.subtract",),
        simplify=_sum_identities("sub", _sub),
        accumulate="-",
    ),
    # X + c I (`K[np.diag_indices_from(K)] += alpha`): fused into a fresh X as an update of
    # its diagonal view, with no n×n identity (compiler/fuse.py)
    "add_diag": Rule(
        _add_diag_spelling,
        _add_diag,
        (identity, lambda g, y, x, c: Hadamard(g.op("eye", dim=y.shape[0]), y.shape)),
        ADD,
        (ADD, MUL + 1),
        fresh=True,
        in_place='np.einsum("ii->i", {0})[...] += {1}',
    ),
    "mul": infix(
        "*",
        _symmetric_pair,
        (ew(lambda g, y, a, b: b), ew(lambda g, y, a, b: a)),
        calls=("numpy.multiply",),
        simplify=_mul,
        commutative=True,
        any_rank=True,
    ),
    "div": infix(
        "/",
        elementwise,
        (
            ew_div(lambda g, y, a, b: b),
            ew(lambda g, y, a, b: g.op("neg", g.op("div", y, b))),
        ),
        calls=("numpy.divide", "numpy.true_divide"),
        simplify=_div,
    ),
    "pow": Rule(
        "{0} ** {1}",
        elementwise,
        (_pow_base, _pow_exponent),
        POW,
        (POW + 1, UNARY),
        requires=_pow_requires,
        binop="Pow",
        simplify=_pow,
    ),
    "neg": Rule(
        "-{0}",
        elementwise,
        (ew(lambda g, y, a: g.const(-1)),),
        UNARY,
        (UNARY,),
        calls=("numpy.negative",),
        simplify=_neg,
    ),
    # elementwise functions
    "exp": ufunc("exp", ew(lambda g, y, a: y), positive=True),
    "log": ufunc("log", ew_div(lambda g, y, a: a), requires=("positive",), simplify=_log),
    "log1p": ufunc(
        "log1p",
        ew_div(lambda g, y, a: g.op("add", g.const(1), a)),
        requires=("positive",),
        simplify=_log1p,
    ),
    "sqrt": ufunc("sqrt", _sqrt_form, requires=("positive",)),
    "tanh": ufunc("tanh", ew(lambda g, y, a: g.op("sub", g.const(1), g.op("pow", y, g.const(2))))),
    "sin": ufunc("sin", ew(lambda g, y, a: g.op("cos", a))),
    "cos": ufunc("cos", ew(lambda g, y, a: g.op("neg", g.op("sin", a)))),
    "maximum": ufunc(
        "maximum", _pairwise_max(True, "greater"), _pairwise_max(False, "greater"), commutative=True
    ),
    "minimum": ufunc(
        "minimum", _pairwise_max(True, "less"), _pairwise_max(False, "less"), commutative=True
    ),
    "abs": ufunc("abs", _abs_form, also=("absolute",), dtype="real"),
    "sign": Rule("np.sign({0})", elementwise, (None,)),
    # comparisons: 0/1 values with no derivative; conditions of `if` (compiler/paths.py)
    **{
        op: Rule(
            "{0} " + text + " {1}",
            elementwise,
            (None, None),
            CMP,
            (CMP + 1, CMP + 1),
            simplify=_compare(fn),
        )
        for op, text, fn in (
            ("equal", "==", operator.eq),
            ("not_equal", "!=", operator.ne),
            ("greater", ">", operator.gt),
            ("greater_equal", ">=", operator.ge),
            ("less", "<", operator.lt),
            ("less_equal", "<=", operator.le),
        )
    },
    # d logaddexp(a, b) = e^(a−y) da + e^(b−y) db, never overflowing
    "logaddexp": ufunc(
        "logaddexp",
        ew(lambda g, y, a, b: g.op("exp", g.op("sub", a, y))),
        ew(lambda g, y, a, b: g.op("exp", g.op("sub", b, y))),
        commutative=True,
    ),
    "expm1": ufunc("expm1", ew(lambda g, y, a: g.op("exp", a))),
    # log(1 + eˣ) = max(x, 0) + log1p(e^−|x|), in one array: what np.logaddexp(0, x) computes,
    # about twice as fast (NumPy's logaddexp loop is not vectorized: 3.7 against 1.9 ms for
    # 10⁵ values here); dσ: d softplus(x) = σ(x) dx = e^(x − y) dx
    "softplus": Rule(
        "{out} = np.abs({0}, dtype=np.float64)\n"
        "np.negative({out}, out={out})\n"
        "np.exp({out}, out={out})\n"
        "np.log1p({out}, out={out})\n"
        "{out} += np.maximum({0}, 0.0)",
        same,
        (ew(lambda g, y, a: g.op("exp", g.op("sub", a, y))),),
        statements=True,
        any_rank=True,
    ),
    # complex values (np.linalg.eig): real and imaginary parts, conjugation
    "conj": Rule(
        "np.conj({0})",
        same,
        (lambda g, y, a: Conj(),),
        calls=("numpy.conj", "numpy.conjugate"),
        simplify=_conj,
        any_rank=True,
    ),
    "real": _part("real", RealPart, simplify=_real),
    "imag": _part("imag", ImagPart),
    "times_i": Rule(
        "1j * {0}",
        same,
        (lambda g, y, a: Hadamard(g.op("times_i", g.const(1.0)), y.shape),),
        MUL,
        (MUL + 1,),
        dtype="complex",
        any_rank=True,
    ),
}
CALLS: dict = {}


# -- more elementwise functions (the NumPy vocabulary of real models) --------------------
def _unary(name: str, D, *, divide: bool = False, requires=None):
    """np.<name>, elementwise, y = f(x) with dy = D(x, y) ∘ dx (or dx / D with divide)."""
    deriv = (ew_div if divide else ew)(lambda g, y, a: D(g, a, y))
    return ufunc(name, deriv, requires=(requires,) if requires else ())


def _c(g, value):
    return g.const(value)


def _sq(g, v):
    return g.op("mul", v, v)


MORE: dict[str, Rule] = {
    # d tan x = (1 + tan² x) dx
    "tan": _unary("tan", lambda g, x, y: g.op("add", _c(g, 1), _sq(g, y))),
    "sinh": _unary("sinh", lambda g, x, y: g.op("cosh", x)),
    "cosh": _unary("cosh", lambda g, x, y: g.op("sinh", x)),
    # d arcsin x = dx / √(1 − x²)
    "arcsin": _unary(
        "arcsin",
        lambda g, x, y: g.op("sqrt", g.op("sub", _c(g, 1), _sq(g, x))),
        divide=True,
        requires="unit",
    ),
    # d arccos x = −dx / √(1 − x²)
    "arccos": _unary(
        "arccos",
        lambda g, x, y: g.op("neg", g.op("sqrt", g.op("sub", _c(g, 1), _sq(g, x)))),
        divide=True,
        requires="unit",
    ),
    "arctan": _unary("arctan", lambda g, x, y: g.op("add", _c(g, 1), _sq(g, x)), divide=True),
    "arcsinh": _unary(
        "arcsinh", lambda g, x, y: g.op("sqrt", g.op("add", _sq(g, x), _c(g, 1))), divide=True
    ),
    "arccosh": _unary(
        "arccosh",
        lambda g, x, y: g.op("sqrt", g.op("sub", _sq(g, x), _c(g, 1))),
        divide=True,
        requires="above1",
    ),
    "arctanh": _unary(
        "arctanh", lambda g, x, y: g.op("sub", _c(g, 1), _sq(g, x)), divide=True, requires="unit"
    ),
    # d log_b x = dx / (x ln b)
    "log2": _unary(
        "log2",
        lambda g, x, y: g.op("mul", _c(g, 0.6931471805599453), x),
        divide=True,
        requires="positive",
    ),
    "log10": _unary(
        "log10",
        lambda g, x, y: g.op("mul", _c(g, 2.302585092994046), x),
        divide=True,
        requires="positive",
    ),
    "exp2": _unary("exp2", lambda g, x, y: g.op("mul", _c(g, 0.6931471805599453), y)),
    # d atan2(a, b) = (b da − a db) / (a² + b²)
    "arctan2": ufunc(
        "arctan2",
        ew(lambda g, y, a, b: g.op("div", b, g.op("add", _sq(g, a), _sq(g, b)))),
        ew(lambda g, y, a, b: g.op("neg", g.op("div", a, g.op("add", _sq(g, a), _sq(g, b))))),
    ),
    # d hypot(a, b) = (a da + b db) / y
    "hypot": ufunc(
        "hypot",
        ew(lambda g, y, a, b: g.op("div", a, y)),
        ew(lambda g, y, a, b: g.op("div", b, y)),
        commutative=True,
    ),
    # d logaddexp2(a, b) = 2^(a−y) da + 2^(b−y) db
    "logaddexp2": ufunc(
        "logaddexp2",
        ew(lambda g, y, a, b: g.op("exp2", g.op("sub", a, y))),
        ew(lambda g, y, a, b: g.op("exp2", g.op("sub", b, y))),
        commutative=True,
    ),
    # piecewise constant: a zero derivative almost everywhere
    "floor": ufunc("floor", None),
    "ceil": ufunc("ceil", None),
    "trunc": ufunc("trunc", None, also=("fix",)),
    "rint": ufunc("rint", None),
    # a % b = a − floor(a / b) b: d = da − floor(a / b) db (NumPy's sign convention)
    "mod": infix(
        "%",
        elementwise,
        (
            identity,
            ew(lambda g, y, a, b: g.op("neg", g.op("floor", g.op("div", a, b)))),
        ),
        calls=("numpy.mod", "numpy.remainder"),
    ),
}
for _op, _rule in MORE.items():
    assert _op not in RULES
    RULES[_op] = _rule
RULES["sign"] = ufunc("sign", None)


def _power(b, node, x, p):
    if p.rank != 0:
        raise b.err(
            "np.power needs a scalar exponent here",
            node,
            "use np.exp(p * np.log(x)) for elementwise exponents",
        )
    return b.g.op("pow", x, p)


def _round(b, node, x, decimals=0):
    if decimals != 0:
        raise b.err("np.round supports decimals=0 here (a zero derivative either way)", node)
    return b.g.op("rint", x)


def _clip(b, node, x, lo=None, hi=None, a_min=None, a_max=None):
    """np.clip(x, lo, hi) = minimum(maximum(x, lo), hi): the derivative passes inside the
    bounds (half of it at a bound, the maximum/minimum convention)."""
    lo = lo if lo is not None else a_min
    hi = hi if hi is not None else a_max
    if isinstance(lo, (int, float)):
        lo = b.g.const(lo)
    if isinstance(hi, (int, float)):
        hi = b.g.const(hi)
    if lo is not None:
        x = b.g.op("maximum", x, lo)
    if hi is not None:
        x = b.g.op("minimum", x, hi)
    return x


CALLS.update(
    {
        "numpy.square": lambda b, node, x: b.g.op("pow", x, b.g.const(2)),
        "numpy.reciprocal": lambda b, node, x: b.g.op("div", b.g.const(1), x),
        "numpy.positive": lambda b, node, x: x,
        "numpy.fabs": lambda b, node, x: b.g.op("abs", x),
        "numpy.round": _round,
        "numpy.around": _round,
        "numpy.power": _power,
        "numpy.float_power": _power,
        "numpy.clip": _clip,
    }
)
