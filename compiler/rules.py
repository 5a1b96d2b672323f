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

from .diagnostics import ShapeError
from .forms import (
    Box,
    Compose,
    DiagEmbed,
    DiagOf,
    Dyad,
    Hadamard,
    Inv,
    Kron,
    Outer,
    Reduce,
    broadcast_shape,
)
from .ir import DIAGONAL, GENERAL, SPD, SYMMETRIC, SYMMETRIC_TAGS, Graph, Value

ATOM, POW, UNARY, MUL, ADD = 100, 90, 80, 70, 60

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


def _matmul(g, args, attrs):
    a, b = args
    _need(
        a.rank >= 1 and b.rank >= 1,
        g,
        "`@` needs vectors or matrices; use `*` to scale by a scalar",
    )
    g.unify(a.shape[-1], b.shape[0], "`@` (inner dimensions)", (a, b))
    return tuple(a.shape[:-1]) + tuple(b.shape[1:]), GENERAL


def _transpose(g, args, attrs):
    (x,) = args
    return tuple(reversed(x.shape)), x.struct


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


# -- derivative helpers ----------------------------------------------------------------
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
    "add": Rule("{0} + {1}", _elementwise, (_identity, _identity), ADD, (ADD, ADD + 1)),
    "sub": Rule(
        "{0} - {1}",
        _elementwise,
        (_identity, _ew(lambda g, y, a, b: g.const(-1))),
        ADD,
        (ADD, ADD + 1),
    ),
    "mul": Rule(
        "{0} * {1}",
        _elementwise,
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
        "np.linalg.slogdet({0})[1]",
        _scalar_of_square("np.linalg.slogdet"),
        (lambda g, y, a: Outer(_inv_t(g, a)),),
        ref="The Matrix Cookbook, eq. 57",
        requires=("invertible",),
    ),
    "slogdet_sign": Rule(
        "np.linalg.slogdet({0})[0]",
        _scalar_of_square("np.linalg.slogdet"),
        (None,),
        requires=("invertible",),
    ),
}

STRUCTURES = (GENERAL, SYMMETRIC, SPD, DIAGONAL)
