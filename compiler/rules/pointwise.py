"""More elementwise functions (issue 9, item 3): np.fmax/np.fmin, np.sinc and the angle
conversions. Each derivative is a Hadamard form dY = D ∘ dX, as in rules/elementwise.py.
"""

from __future__ import annotations

import math

from ..forms import Hadamard
from .base import Rule, elementwise, ew, need, ufunc


def _nan_max(first: bool, op: str):
    """np.fmax/np.fmin: as np.maximum/np.minimum (the winner takes the derivative, half each
    at a tie), and a NaN loses: the other argument takes the whole derivative, as the value
    is the other argument there."""

    def deriv(g, y, a, b):
        mine, other = (a, b) if first else (b, a)
        wins = g.op(op, mine, other)
        tie = g.op("mul", g.const(0.5), g.op("equal", mine, other))
        return Hadamard(g.op("add", g.op("add", wins, tie), g.op("isnan", other)), y.shape)

    return deriv


def _sinc_slope(g, y, x):
    """d sinc x = (cos πx − sinc x) / x dx, and 0 at x = 0 (sinc is even there): the
    denominator is x, or 1 where x = 0 (where the numerator is 1 − 1 = 0)."""
    safe = g.op("add", x, g.op("equal", x, g.const(0.0)))
    num = g.op("sub", g.op("cos", g.op("mul", g.const(math.pi), x)), y)
    return g.op("div", num, safe)


ELEMENTWISE = True  # shape inference reads these calls as it reads np.sin


def _real_only(who: str):
    def rule(g, args, attrs):
        need(all(a.dtype == "real" for a in args), g, f"{who} of a complex value is not supported")
        return elementwise(g, args, attrs)

    return rule


RULES: dict[str, Rule] = {
    "fmax": ufunc("fmax", _nan_max(True, "greater"), _nan_max(False, "greater"), commutative=True),
    "fmin": ufunc("fmin", _nan_max(True, "less"), _nan_max(False, "less"), commutative=True),
    "isnan": ufunc("isnan", None),
    # the angle of a real number: 0 or π, a zero derivative almost everywhere
    "angle": Rule("np.angle({0})", _real_only("np.angle"), (None,), calls=("numpy.angle",)),
    # sinc x = sin(πx) / (πx), NumPy's normalised sinc
    "sinc": ufunc("sinc", ew(_sinc_slope)),
}


def _scaled(factor: float):
    """np.deg2rad and the like: x times a constant (NumPy multiplies by the same double)."""

    def handler(b, node, x):
        return b.g.op("mul", b.g.const(factor), x)

    return handler


def _real_if_close(b, node, x, tol=100):
    if x.dtype != "real":
        raise b.err("np.real_if_close of a complex value is not supported", node, "use np.real")
    return x


CALLS = {
    "numpy.real_if_close": _real_if_close,
    "numpy.deg2rad": _scaled(math.pi / 180.0),
    "numpy.radians": _scaled(math.pi / 180.0),
    "numpy.rad2deg": _scaled(180.0 / math.pi),
    "numpy.degrees": _scaled(180.0 / math.pi),
}
