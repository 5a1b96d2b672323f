"""scipy.special, used exactly when the model imports it: the logistic function and its
inverse, the error function and the normal CDF, log-gamma and its derivatives, xlogy, and
log-sum-exp. Derivatives are Hadamard forms, reductions' are Reduce ∘ Hadamard."""

from __future__ import annotations

from ..forms import Compose, Hadamard, Reduce
from .base import Rule, const_int, elementwise, ew, ew_div, over_axes, scalar
from .reductions import _axes

SPECIAL = ("scipy.special",)
SQRT_2PI = 2.5066282746310002
TWO_OVER_SQRT_PI = 1.1283791670955126


def _unary(name: str, D, *, divide=False, requires=None):
    deriv = (ew_div if divide else ew)(lambda g, y, a: D(g, a, y))
    return Rule(
        f"scipy.special.{name}({{0}})",
        elementwise,
        (deriv,),
        requires=(requires,) if requires else (),
        imports=SPECIAL,
        calls=(f"scipy.special.{name}",),
    )


def _gauss(g, x):
    """exp(−x²/2)"""
    return g.op("exp", g.op("mul", g.const(-0.5), g.op("mul", x, x)))


def _logsumexp_form(g, y, x):
    """d logsumexp(x) = Σ softmax(x) ∘ dx (the weights never overflow: exp(x − y) ≤ 1)."""
    axes = y.attr("axes")
    keep = y if axes is None or y.attr("keepdims") else g.op("expand_dims", y, axes=axes)
    reduce = Reduce(axes, bool(y.attr("keepdims")))
    return Compose(reduce, Hadamard(g.op("exp", g.op("sub", x, keep)), x.shape))


RULES: dict[str, Rule] = {
    # σ(x) = 1/(1 + e⁻ˣ): dσ = σ (1 − σ) dx
    "expit": _unary("expit", lambda g, x, y: g.op("mul", y, g.op("sub", g.const(1), y))),
    # log σ(x): d = σ(−x) dx = (1 − σ(x)) dx
    "log_expit": _unary("log_expit", lambda g, x, y: g.op("expit", g.op("neg", x))),
    # logit p = log(p/(1−p)): d = dp / (p (1 − p))
    "logit": _unary(
        "logit",
        lambda g, x, y: g.op("mul", x, g.op("sub", g.const(1), x)),
        divide=True,
        requires="unit",
    ),
    "erf": _unary(
        "erf",
        lambda g, x, y: g.op(
            "mul",
            g.const(TWO_OVER_SQRT_PI),
            g.op("exp", g.op("neg", g.op("mul", x, x))),
        ),
    ),
    "erfc": _unary(
        "erfc",
        lambda g, x, y: g.op(
            "mul",
            g.const(-TWO_OVER_SQRT_PI),
            g.op("exp", g.op("neg", g.op("mul", x, x))),
        ),
    ),
    # Φ(x): dΦ = φ(x) dx
    "ndtr": _unary("ndtr", lambda g, x, y: g.op("div", _gauss(g, x), g.const(SQRT_2PI))),
    # log Φ(x): d = φ(x)/Φ(x) dx = exp(−x²/2 − log Φ(x)) / √(2π) dx (stable in the tails)
    "log_ndtr": _unary(
        "log_ndtr",
        lambda g, x, y: g.op(
            "div",
            g.op("exp", g.op("sub", g.op("mul", g.const(-0.5), g.op("mul", x, x)), y)),
            g.const(SQRT_2PI),
        ),
    ),
    # d log Γ(x) = ψ(x) dx
    "gammaln": _unary("gammaln", lambda g, x, y: g.op("polygamma", x, n=0), requires="positive"),
    # ψ⁽ⁿ⁾: d ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁺¹⁾(x) dx (digamma is n = 0)
    "polygamma": Rule(
        "scipy.special.polygamma({n}, {0})",
        elementwise,
        (ew(lambda g, y, a: g.op("polygamma", a, n=y.attr("n") + 1)),),
        requires=("positive",),
        imports=SPECIAL,
    ),
    # x log y (0 where x = 0): d = log y dx + x/y dy
    "xlogy": Rule(
        "scipy.special.xlogy({0}, {1})",
        elementwise,
        (
            ew(lambda g, y, a, b: g.op("log", b)),
            ew(lambda g, y, a, b: g.op("div", a, b)),
        ),
        requires=(None, "positive"),
        imports=SPECIAL,
        calls=("scipy.special.xlogy",),
    ),
    # x log(1 + y): d = log1p(y) dx + x/(1 + y) dy
    "xlog1py": Rule(
        "scipy.special.xlog1py({0}, {1})",
        elementwise,
        (
            ew(lambda g, y, a, b: g.op("log1p", b)),
            ew(lambda g, y, a, b: g.op("div", a, g.op("add", g.const(1), b))),
        ),
        requires=(None, "positive"),
        imports=SPECIAL,
        calls=("scipy.special.xlog1py",),
    ),
    "logsumexp": Rule("scipy.special.logsumexp({0})", scalar, (_logsumexp_form,), imports=SPECIAL),
    "logsumexp_axes": over_axes("scipy.special.logsumexp", _logsumexp_form, imports=SPECIAL),
}


# -- the frontend's calls --------------------------------------------------------------
def _logsumexp(b, node, x, axis=None, keepdims=False):
    axes = _axes(node, x, axis)
    if axes is None and not keepdims:
        return b.g.op("logsumexp", x)
    if axes is None:
        axes = tuple(range(x.rank))
    return b.g.op("logsumexp_axes", x, axes=axes, keepdims=bool(keepdims))


def _log_softmax(b, node, x, axis=None):
    """log softmax(x) = x − logsumexp(x, axis, keepdims=True)."""
    return b.g.op("sub", x, _logsumexp(b, node, x, axis, keepdims=True))


def _softmax(b, node, x, axis=None):
    return b.g.op("exp", _log_softmax(b, node, x, axis))


def _multigammaln(b, node, a, d):
    """log Γ_d(a) = d(d−1)/4 log π + Σ_{j=1..d} log Γ(a + (1 − j)/2)  (scipy's definition)."""
    d = const_int(d)
    if d is None or d < 1:
        raise b.err("scipy.special.multigammaln needs a constant integer dimension d >= 1", node)
    g = b.g
    total = g.const(d * (d - 1) / 4 * 1.1447298858494002)  # log π
    for j in range(1, d + 1):
        total = g.op("add", total, g.op("gammaln", g.op("add", a, g.const((1 - j) / 2))))
    return total


CALLS = {
    "scipy.special.logsumexp": _logsumexp,
    "scipy.special.log_softmax": _log_softmax,
    "scipy.special.softmax": _softmax,
    "scipy.special.digamma": lambda b, node, x: b.g.op("polygamma", x, n=0),
    "scipy.special.psi": lambda b, node, x: b.g.op("polygamma", x, n=0),
    "scipy.special.multigammaln": _multigammaln,
}
