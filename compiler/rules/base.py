"""What every family of the rules table shares: the `Rule` record, precedences, and the
shape and derivative helpers the entries are written with.

A rule tells the whole story of one op (STYLE.md, after JAX's lax/linalg.py): its spelling,
shape rule, derivative forms, the local identities that simplify it as it is built, the
optimizer rewrites that apply to it, and the facts codegen and testgen ask about it.
Nothing outside the rules package names an op.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..diagnostics import CompileError, Loc, ShapeError
from ..forms import Hadamard, Reduce, broadcast_shape
from ..ir import GENERAL, SYMMETRIC, Graph, Value

ATOM, POW, UNARY, MUL, ADD, CMP = 100, 90, 80, 70, 60, 50

ShapeRule = Callable[[Graph, tuple, dict], tuple[tuple, str]]
Deriv = Callable[..., Any] | None


@dataclass(frozen=True)
class PerArgument:
    """The derivatives of an op taking any number of arguments (np.stack, np.concatenate,
    an accumulation): `make(i)` is argument i's. Indexed and measured like a tuple, so no
    argument is ever left without one."""

    make: Callable[[int], Deriv]
    most: int = 1 << 30  # what `len` reports: more arguments than any model has

    def __getitem__(self, i: int) -> Deriv:
        if not 0 <= i < self.most:
            raise IndexError(i)
        return self.make(i)

    def __len__(self) -> int:
        return self.most


# (graph, args, attrs, result shape) -> an equal, simpler value, or None to build the op
Simplify = Callable[[Graph, tuple, dict, tuple], "Value | None"]
# (graph, value, its rebuilt args, use counts) -> a cheaper equal value, or None
Rewrite = Callable[[Graph, Value, list, dict], "Value | None"]


@dataclass(frozen=True)
class Rule:
    spelling: Any  # Python/NumPy text: {0}, {1} the arguments, {name} an attribute
    shape: ShapeRule  # checks the arguments, returns (shape, structure)
    derivs: tuple[Deriv, ...] = ()  # one per argument
    prec: int = ATOM  # the precedence of the spelled expression
    arg_prec: tuple[int, ...] = ()  # the least precedence each argument may have unparenthesised
    ref: str = ""  # where the derivative comes from, when not obvious
    # per argument: "positive", "invertible", "spd" or "sym" inputs for generated tests; or a
    # function of the value giving that tuple (when it depends on the arguments)
    requires: Any = ()
    # One output of a call that returns a tuple: (index, length). `spelling` is then the call;
    # codegen unpacks all outputs used in one statement (`w, V = np.linalg.eigh(A)`).
    group: tuple[int, int] | None = None
    # The spelling is a block of statements assigning {out} (e.g. a check that raises).
    statements: bool = False
    imports: tuple[str, ...] = ()  # modules besides numpy that the spelling uses
    prelude: tuple[str, ...] = ()  # helpers of the module's prelude it calls (prelude.py)
    dtype: str | None = None  # the result's dtype when it does not follow the arguments
    # -- facts the rest of the compiler asks instead of naming ops --
    calls: tuple[str, ...] = ()  # NumPy/SciPy names called with the op's positional arguments
    binop: str | None = None  # the Python operator spelling it (ast class name: "Add")
    simplify: Simplify | None = None  # local identities applied as the op is built
    rewrite: Rewrite | None = None  # the optimizer's local rewrite of this op
    commutative: bool = False  # op(a, b) == op(b, a)
    fresh: bool = False  # the result is a newly allocated array (codegen may reuse it)
    accumulate: str | None = None  # "+"/"-": a sum codegen may accumulate in place
    view: bool = False  # the result may be a view of argument 0 (transpose)
    leaf: bool = False  # always spelled inline (parameters, constants, sizes)
    positive: bool = False  # the result is positive whatever the arguments (exp)
    # (spelling, prec, arg_prec) used instead when no argument can be a scipy.sparse matrix:
    # `A.dot(B)` calls BLAS directly, where `A @ B` goes through the matmul ufunc's dispatch
    # (about 0.6 µs a call, most of a 2×2 product), but ndarray.dot does not defer to a
    # sparse right operand as `@` does
    dense: tuple[str, int, tuple[int, ...]] | None = None
    # the statement computing the op into the array of its argument 0 ({0}), for a chain
    # fused in place (compiler/fuse.py) when the op is no ufunc: `X + c I` as an update of
    # X's diagonal
    in_place: str | None = None
    # -- ops with several outputs whose derivative is not a form (run-time loops) --
    # (graph, value, {output index: adjoint}, wanted per argument) -> one adjoint (or None)
    # per argument: reverse mode calls it once with every output's adjoint (lax.scan's VJP)
    pullback: Callable | None = None
    part: bool = False  # output `index` of the multi-output value that is argument 0
    # (printer, value, inlined ids, out name) -> the block of statements assigning `out`
    block: Callable | None = None
    # what the op is, for the errors of the passes that do not go through it (forward mode,
    # --emit explain): "a loop with a run-time trip count"
    opaque: str | None = None
    # the op is right for arrays of any rank (batch dimensions, issue 9); every other op
    # refuses an argument or a result of more than two dimensions (`infer`)
    any_rank: bool = False
    # the op computing this one on stacks of matrices: the graph builds it instead when an
    # argument has more than two dimensions (inv -> inv_batched; rules/batched.py)
    batched: str | None = None

    def infer(self, g: Graph, args: tuple, attrs: dict) -> tuple[tuple, str]:
        batched = self.any_rank or self.shape is elementwise
        if not batched:
            _two_dims(self, g, max((a.rank for a in args), default=0))
        shape, struct = self.shape(g, args, attrs)
        if not batched:
            _two_dims(self, g, len(shape))
        return shape, struct

    def needs(self, v: Value) -> tuple:
        """What each argument of `v` must be for generated tests."""
        return self.requires(v) if callable(self.requires) else self.requires


def _two_dims(rule: Rule, g: Graph, rank: int) -> None:
    """An op written for scalars, vectors and matrices meets an array of `rank` > 2."""
    if rank <= 2:
        return
    if rule.calls:
        who = rule.calls[0].replace("numpy.", "np.", 1)
    elif isinstance(rule.spelling, str):
        text = rule.spelling.replace("{0}", "X").replace("{1}", "Y")
        who = "`" + re.sub(r"\{[^}]*\}", "…", text.split("\n")[0]) + "`"
    else:
        who = "this operation"
    raise ShapeError(
        f"{who} is not supported on an array of {rank} dimensions",
        g.at or g.loc,
        "arrays of 3 or more dimensions take elementwise operations, reductions, transposes, "
        "indexing, `@`, np.einsum/np.tensordot and batched inv/solve/det/slogdet/cholesky",
    )


# -- shape rules -----------------------------------------------------------------------
def rank_name(r: int) -> str:
    return ("a scalar", "a vector", "a matrix")[r] if r <= 2 else f"an array of {r} dimensions"


def need(cond: bool, g: Graph, what: str) -> None:
    if not cond:
        raise ShapeError(
            what,
            g.at or g.loc,
            'annotate parameter shapes, e.g. X: "n,n", x: "n", c: "scalar"',
        )


def square(g: Graph, x: Value, who: str) -> None:
    need(x.rank == 2, g, f"{who} needs a square matrix, got {rank_name(x.rank)}")
    g.unify(x.shape[0], x.shape[1], f"{who} (the matrix must be square)", (x,))


def elementwise(g, args, attrs):
    shape: tuple = ()
    for a in args:
        shape = broadcast_shape(g, shape, a.shape, args)
    arrays = [a for a in args if a.rank > 0]
    sym = len(shape) == 2 and bool(arrays) and all(a.rank == 0 or a.is_symmetric for a in args)
    return shape, SYMMETRIC if sym else GENERAL


def scalar(g, args, attrs):
    return (), GENERAL


def scalar_of_square(who):
    def rule(g, args, attrs):
        square(g, args[0], who)
        return (), GENERAL

    return rule


def same(g, args, attrs):
    return args[0].shape, GENERAL


def same_square(who):
    def rule(g, args, attrs):
        square(g, args[0], who)
        return args[0].shape, GENERAL

    return rule


def attr_shape(key, struct=GENERAL):
    def rule(g, args, attrs):
        return tuple(attrs[key]), struct

    return rule


def axes_reduce(g, args, attrs):
    (x,) = args
    axes = attrs["axes"]
    need(
        all(0 <= a < x.rank for a in axes),
        g,
        f"axis out of range for {rank_name(x.rank)}",
    )
    return Reduce(axes, attrs["keepdims"]).out_shape(g, x.shape), GENERAL


def over_axes(name: str, deriv: Deriv, **options) -> Rule:
    """The reduction `name` (np.sum) along the op's attribute `axes`, keeping them or not:
    `name(x, axis=..., keepdims=True)`. The reduction of the whole array is another op."""
    return Rule(f"{name}({{0}}, axis={{axes}}{{keepdims}})", axes_reduce, (deriv,), **options)


# -- derivative helpers -----------------------------------------------------------------
def unsupported(
    what: str,
    hint: str = "differentiate a function that avoids it (e.g. singular values instead of vectors)",
):
    """A derivative matgradc does not have: an error when (and only when) it is needed."""

    def deriv(g, y, *args):
        raise CompileError(f"{what} is not supported by matgradc", g.loc, hint)

    return deriv


def function(
    name: str, shape: ShapeRule, derivs: tuple, also: tuple[str, ...] = (), **options
) -> Rule:
    """The op calling `name` (dotted: "numpy.linalg.inv"; also called as each name of `also`)
    on its arguments, one per derivative: its spelling, the calls the frontend maps to it and
    the module it imports (a SciPy one) all follow from that one name."""
    args = ", ".join(f"{{{i}}}" for i in range(len(derivs)))
    module = name.rsplit(".", 1)[0]
    imports = () if module.startswith("numpy") else (module,)
    spelled = name.replace("numpy.", "np.", 1)
    return Rule(
        f"{spelled}({args})", shape, derivs, calls=(name, *also), imports=imports, **options
    )


def ufunc(name: str, *partials: Deriv | None, also: tuple[str, ...] = (), **options) -> Rule:
    """NumPy's elementwise function `np.<name>` (also called as `np.<alias>` for each alias):
    one partial derivative per argument, None where it is zero almost everywhere."""
    aliases = tuple(f"numpy.{n}" for n in also)
    return function(f"numpy.{name}", elementwise, partials, also=aliases, **options)


# Python's left-associative binary operators: the ast class naming each, and its precedence
OPERATORS = {
    "+": ("Add", ADD),
    "-": ("Sub", ADD),
    "*": ("Mult", MUL),
    "/": ("Div", MUL),
    "%": ("Mod", MUL),
    "@": ("MatMult", MUL),
}


def infix(symbol: str, shape: ShapeRule, derivs: tuple, **options) -> Rule:
    """The op spelled `{0} <symbol> {1}` (one of OPERATORS), which the frontend makes of that
    operator (pass binop=None for an op it never makes): a right operand of the same
    precedence keeps its parentheses, as in a - (b - c)."""
    binop, prec = OPERATORS[symbol]
    options = {"binop": binop, **options}
    return Rule(f"{{0}} {symbol} {{1}}", shape, derivs, prec, (prec, prec + 1), **options)


def tuple_call(spelling: str, n: int, **shared) -> Callable[..., Rule]:
    """The rules of the outputs of one call returning an n-tuple (`w, V = np.linalg.eigh(A)`):
    `part(i, shape, derivs, **own)` is output i's, spelled by the call, with the options
    `shared` by every output besides its own."""

    def part(i: int, shape: ShapeRule, derivs: tuple, **own) -> Rule:
        return Rule(spelling, shape, derivs, group=(i, n), **shared, **own)

    return part


def real_matrix_function(name: str, deriv: Deriv, *, scale: str, what: str, ref: str) -> Rule:
    """SciPy's matrix function `name` (scipy.linalg.logm, sqrtm) of a symmetric positive
    definite matrix. SciPy may return a complex matrix for a real one: the statements assign
    {out} the call's result, raise a clear error if its imaginary part is more than rounding
    (relative to `scale`, an expression of {out}), else keep the real part."""
    spelled = (
        f"{{out}} = {name}({{0}})\n"
        f"if np.iscomplexobj({{out}}) and np.abs({{out}}.imag).max() > 1e-8 * {scale}:\n"
        f'    raise ValueError("{name}: no real {what} (SciPy\'s is complex)")\n'
        "{out} = np.real({out})"
    )
    rule = function(name, same_square(name), (deriv,), ref=ref, requires=("spd",))
    return replace(rule, spelling=spelled, statements=True)


def linear(form: Callable, *attrs: str) -> Deriv:
    """The derivative of a linear op: the op itself, as the form `form` made of the op's
    attributes `attrs` (np.roll's Roll(shift, axis))."""
    return lambda g, y, *args: form(*(y.attr(a) for a in attrs))


def ew(D_of):
    """An elementwise derivative: dY = D ∘ dX with D built from (graph, Y, *args)."""
    return lambda g, y, *args: Hadamard(D_of(g, y, *args), y.shape)


def ew_div(D_of):
    """dY = dX / D."""
    return lambda g, y, *args: Hadamard(D_of(g, y, *args), y.shape, divide=True)


def identity(g, y, *args):
    return Hadamard(None, y.shape)


def conj_v(g, v):
    return g.op("conj", v)


def full(g: Graph, v: Value, shape: tuple) -> bool:
    """v already has the result's full shape (so dropping an identity keeps the shape)."""
    return g.same_shape(v.shape, shape)


# -- the frontend's side of a call: handlers are (builder, node, *args, **options) ---------
def loc(node: ast.AST) -> Loc:
    return Loc(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


def const_int(v) -> int | None:
    """An integer constant value (a Value made from a literal, or a Python int), else None."""
    if isinstance(v, Value) and v.is_const() and float(v.attr("value")).is_integer():
        return int(v.attr("value"))
    return v if type(v) is int else None


def call(op: str, name: str, arity: int) -> Callable:
    """The handler of a call whose `arity` positional arguments are the op's arguments."""

    def handler(b, node, *args):
        if len(args) != arity:
            raise CompileError(
                f"{name.replace('numpy.', 'np.', 1)} takes {arity} array argument(s), "
                f"got {len(args)}",
                loc(node),
                "arrays are passed positionally",
            )
        return b.g.op(op, *args)

    return handler


# a vector's column and row views, x[:, np.newaxis] and x[np.newaxis, :]
COLUMN = (("s", None, None, None), ("n",))
ROW = (("n",), ("s", None, None, None))


def transposes(a: Value, b: Value) -> bool:
    """b is aᵀ (or a is bᵀ): a transpose, the outer products x yᵀ and y xᵀ, or a vector's
    column and row views (so x[:, np.newaxis] + x[np.newaxis, :] is symmetric)."""
    if a.op == b.op == "outer":
        return a.args == b.args[::-1]
    if a.op == b.op == "index" and a.args == b.args and a.args[0].rank == 1:
        return {a.attr("key"), b.attr("key")} == {COLUMN, ROW}
    return (b.op == "transpose" and b.args[0] is a) or (a.op == "transpose" and a.args[0] is b)


def mirrors(a: Value, b: Value) -> bool:
    """b is aᵀ: its transpose, or a itself when a is symmetric."""
    return transposes(a, b) or (a is b and a.is_symmetric)


def factorable(c: Value) -> bool:
    """A scalar that may move out of a sum of products (Σ c·x = c·Σ x): anything but an
    infinite or nan constant, for which IEEE arithmetic breaks the identity (Σ -inf·x is nan
    for x of mixed signs, -inf·Σ x is not)."""
    return not (c.is_const() and not math.isfinite(float(c.attr("value"))))


def is_eye(v: Value) -> bool:
    return v.op == "eye"


def scaled_eye(v: Value) -> Value | None:
    """The scalar c when v = c * I."""
    if v.op == "mul":
        a, b = v.args
        if a.rank == 0 and is_eye(b):
            return a
        if b.rank == 0 and is_eye(a):
            return b
    return None
