"""The symbolic calculator (issue 5): `matgradc expr 'EXPR' --wrt X [--latex]`.

    $ matgradc expr 'trace(S*inv(X))' --wrt X
    Function: trace(S @ inv(X))
    Derivative: -(inv(X) @ S @ inv(X)).T

The expression is read in the talk's syntax (`*` matrix product, `.*` elementwise, `'`
transpose, `^` matrix power, inv/det/logdet/trace) or in NumPy's (`@`, `np.linalg.inv`,
`.T`, `np.trace`, ...), built into the compiler's IR (`ir.Graph.op`, so shapes are checked by
the rules table), differentiated by `autodiff.reverse`, and printed back in compact matrix
notation by a printer of its own:

1. `_Algebra` turns IR values into a normal form: a sum of terms, each a numeric coefficient,
   scalar factors (traces, determinants, ...) and a chain of matrix factors. Transposes are
   pushed onto the factors, `inv(inv(A))`, `I @ A`, `inv(A) @ A` disappear, an inverse of a
   product of square factors is expanded when that cancels factors, like terms are combined
   and vector-valued chains end with their vector (a column).
2. `_Printer` spells the normal form, choosing among equivalent spellings the shortest:
   `(B @ A).T` or `A.T @ B.T`, a whole sum transposed or not, common factors grouped
   (`(B + B.T) @ X`), common scalar and sign factors taken out, sums in products expanded or
   not. It builds `_Doc` trees, which render as NumPy text and (`--latex`) as LaTeX through
   sympy's matrix expressions.

The derivative line is NumPy text that evaluates with `np`, `inv`, `det`, `logdet`, `trace`
bound to their NumPy meaning and the input names bound to arrays (see `EPILOG`).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from . import autodiff
from .diagnostics import CompileError, Loc
from .ir import SPD, SYMMETRIC, Graph, Value

__all__ = ["CalcError", "Result", "derive", "main"]

SYNTAX_HINT = (
    "write e.g. 'trace(A*X*B*X)' (the talk: * matrix product, .* elementwise, ' transpose) "
    "or 'np.trace(A @ X @ B @ X)' (NumPy)"
)
SHAPE_HINT = (
    "names are n-by-n matrices unless declared: --shape x=n (vector), --shape A=m,n, "
    "--shape c=scalar, --shape S=sym(n,n) or spd(n,n)"
)
DEFAULT_DIMS = ("n", "n")
STRUCTS = {"sym": SYMMETRIC, "symmetric": SYMMETRIC, "spd": SPD, "general": "general"}
MAX_EXPANDED_TERMS = 24

# Python's operator precedences, as the printer needs them.
ATOM, POW, UNARY, MUL, ADD = 100, 90, 80, 70, 60


class CalcError(Exception):
    """A user error: the expression (or a flag) cannot be read or differentiated."""

    def __init__(self, message: str, pos: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint

    def format(self, expr: str | None = None) -> str:
        out = [f"error: {self.message}"]
        if expr is not None and self.pos is not None and "\n" not in expr:
            out.append(f"    {expr}")
            out.append("    " + " " * min(self.pos, len(expr)) + "^")
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


# ======================================================================================
# Parsing: tokens, then a small precedence-climbing parser to a tuple AST
# ======================================================================================
_TOKEN = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<op>\.\*|\./|\.\^|\*\*|[-+*/@^'(),\[\].])"
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, name, op, end
    text: str
    pos: int


def _tokens(text: str) -> list[_Tok]:
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise CalcError(f"unexpected character {text[pos]!r}", pos, SYNTAX_HINT)
        if m.lastgroup != "ws":
            out.append(_Tok(m.lastgroup or "op", m.group(), pos))
        pos = m.end()
    out.append(_Tok("end", "", len(text)))
    return out


class _Parser:
    """expr := term (('+'|'-') term)*;  term := unary (('*'|'@'|'/'|'.*'|'./') unary)*;
    unary := ('-'|'+') unary | power;  power := postfix (('^'|'**'|'.^') unary)?;
    postfix := primary ("'" | '.T' | '.' name | '(' args ')' | '[' int ']')*."""

    def __init__(self, text: str):
        self.toks = _tokens(text)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self, text: str | None = None) -> _Tok | None:
        t = self.tok
        if t.kind == "op" and (text is None or t.text == text):
            self.i += 1
            return t
        return None

    def expect(self, text: str, what: str) -> _Tok:
        t = self.take(text)
        if t is None:
            raise CalcError(
                f"expected `{text}` {what}, found {self.describe(self.tok)}",
                self.tok.pos,
                SYNTAX_HINT,
            )
        return t

    @staticmethod
    def describe(t: _Tok) -> str:
        return "the end of the expression" if t.kind == "end" else f"`{t.text}`"

    def parse(self) -> tuple:
        if self.tok.kind == "end":
            raise CalcError("the expression is empty", 0, SYNTAX_HINT)
        node = self.expr()
        if self.tok.kind != "end":
            raise CalcError(f"unexpected {self.describe(self.tok)}", self.tok.pos, SYNTAX_HINT)
        return node

    def expr(self) -> tuple:
        node = self.term()
        while self.tok.kind == "op" and self.tok.text in ("+", "-"):
            t = self.take()
            node = ("bin", t.text, node, self.term(), t.pos)
        return node

    def term(self) -> tuple:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in ("*", "@", "/", ".*", "./"):
            t = self.take()
            node = ("bin", t.text, node, self.unary(), t.pos)
        return node

    def unary(self) -> tuple:
        t = self.tok
        if t.kind == "op" and t.text in ("-", "+"):
            self.take()
            operand = self.unary()
            return ("neg", operand, t.pos) if t.text == "-" else operand
        return self.power()

    def power(self) -> tuple:
        node = self.postfix()
        t = self.tok
        if t.kind == "op" and t.text in ("^", "**", ".^"):
            self.take()
            node = ("bin", t.text, node, self.unary(), t.pos)
        return node

    def postfix(self) -> tuple:
        node = self.primary()
        while True:
            t = self.tok
            if self.take("'"):
                node = ("T", node, t.pos)
            elif self.take("."):
                name = self.tok
                if name.kind != "name":
                    raise CalcError(
                        f"expected a name after `.`, found {self.describe(name)}",
                        name.pos,
                        "use .T for the transpose, .* and ./ for elementwise operations",
                    )
                self.i += 1
                if name.text == "T":
                    node = ("T", node, t.pos)
                elif node[0] == "name":
                    node = ("name", f"{node[1]}.{name.text}", node[2])
                else:
                    raise CalcError(
                        f"the attribute `.{name.text}` is not supported",
                        name.pos,
                        "supported: .T (transpose)",
                    )
            elif self.take("("):
                args = []
                if not self.take(")"):
                    args.append(self.expr())
                    while self.take(","):
                        args.append(self.expr())
                    self.expect(")", "to close the call")
                if node[0] != "name":
                    raise CalcError("only named functions can be called", t.pos, SYNTAX_HINT)
                node = ("call", node[1], args, node[2])
            elif self.take("["):
                idx = self.tok
                if idx.kind != "num" or not re.fullmatch(r"\d+", idx.text):
                    raise CalcError(
                        "indexing is only supported as np.linalg.slogdet(X)[1]",
                        idx.pos,
                        "logdet(X) is log|det X|",
                    )
                self.i += 1
                self.expect("]", "to close the index")
                node = ("index", node, int(idx.text), t.pos)
            else:
                return node

    def primary(self) -> tuple:
        t = self.tok
        if t.kind == "num":
            self.i += 1
            return ("num", float(t.text), t.text, t.pos)
        if t.kind == "name":
            self.i += 1
            return ("name", t.text, t.pos)
        if self.take("("):
            node = self.expr()
            self.expect(")", "to close the parenthesis")
            return node
        raise CalcError(f"unexpected {self.describe(t)}", t.pos, SYNTAX_HINT)


# ======================================================================================
# Building the IR (through Graph.op: the rules table checks every shape)
# ======================================================================================
@dataclass(frozen=True)
class _B:
    """A built value; `row` marks a vector written transposed (x') in the talk's syntax."""

    v: Value
    row: bool = False


@dataclass(frozen=True)
class _Slogdet:
    x: Value


def _canonical(name: str) -> str:
    return "np." + name[len("numpy.") :] if name.startswith("numpy.") else name


# function name -> (canonical name, number of arguments)
_FUNCS: dict[str, tuple[str, int]] = {}
for _names, _canon, _nargs in [
    (("inv", "np.linalg.inv", "linalg.inv"), "inv", 1),
    (("det", "np.linalg.det", "linalg.det"), "det", 1),
    (("logdet",), "logdet", 1),
    (("np.linalg.slogdet", "slogdet", "linalg.slogdet"), "slogdet", 1),
    (("trace", "tr", "Tr", "np.trace"), "trace", 1),
    (("transpose", "np.transpose"), "transpose", 1),
    (("log", "np.log"), "log", 1),
    (("exp", "np.exp"), "exp", 1),
    (("sqrt", "np.sqrt"), "sqrt", 1),
    (("sin", "np.sin"), "sin", 1),
    (("cos", "np.cos"), "cos", 1),
    (("tanh", "np.tanh"), "tanh", 1),
    (("log1p", "np.log1p"), "log1p", 1),
    (("sum", "np.sum"), "sum", 1),
    (("solve", "np.linalg.solve", "linalg.solve"), "solve", 2),
    (("diag", "np.diag"), "diag", 1),
    (("norm", "np.linalg.norm", "linalg.norm"), "norm", 1),
    (("outer", "np.outer"), "outer", 2),
    (("dot", "np.dot"), "dot", 2),
    (("matmul", "np.matmul"), "matmul", 2),
    (("np.linalg.matrix_power", "matrix_power", "linalg.matrix_power"), "matrix_power", 2),
]:
    for _n in _names:
        _FUNCS[_n] = (_canon, _nargs)
_CONSTANTS = {"pi": 3.141592653589793, "np.pi": 3.141592653589793, "np.e": 2.718281828459045}


def _parse_shape(decl: str) -> tuple[str, tuple, str]:
    """`x=n`, `A=m,n`, `c=scalar`, `S=sym(n,n)` -> (name, dims, structure)."""
    m = re.fullmatch(r"\s*([A-Za-z_][A-Za-z_0-9]*)\s*[=:]\s*(.*?)\s*", decl)
    if not m:
        raise CalcError(f"cannot read the shape declaration {decl!r}", None, SHAPE_HINT)
    name, text = m.group(1), m.group(2).replace(" ", "").strip("\"'")
    struct = "general"
    sm = re.fullmatch(r"([a-z]+)\((.*)\)", text)
    if sm:
        if sm.group(1) not in STRUCTS:
            raise CalcError(
                f"unknown structure `{sm.group(1)}` for `{name}`",
                None,
                "structures: " + ", ".join(sorted(STRUCTS)),
            )
        struct, text = STRUCTS[sm.group(1)], sm.group(2)
    if not text:
        raise CalcError(f"the shape of `{name}` is missing", None, SHAPE_HINT)
    if text in ("scalar", "()"):
        dims: tuple = ()
    else:
        parts = text.strip("()").split(",")
        if not all(re.fullmatch(r"[1-9][0-9]*|[A-Za-z_][A-Za-z_0-9]*", p) for p in parts):
            raise CalcError(f"cannot read the shape {text!r} of `{name}`", None, SHAPE_HINT)
        dims = tuple(int(p) if p.isdigit() else p for p in parts)
    if len(dims) > 2:
        raise CalcError(
            f"`{name}` has {len(dims)} dimensions; only scalars, vectors, matrices",
            None,
            SHAPE_HINT,
        )
    if struct != "general" and (len(dims) != 2 or dims[0] != dims[1]):
        raise CalcError(f"`{name}` is declared {struct} but is not square", None, "e.g. sym(n,n)")
    return name, dims, struct


class _Builder:
    def __init__(self, decls: dict[str, tuple[tuple, str]], talk: bool):
        self.g = Graph()
        self.decls = decls
        self.talk = talk
        self.env: dict[str, Value] = {}
        self.params: list[Value] = []

    def op(self, pos: int, op: str, *args: Value, **attrs: Any) -> Value:
        self.g.at = self.g.loc = Loc(1, pos)
        return self.g.op(op, *args, **attrs)

    # -- names ----------------------------------------------------------------------
    def name(self, name: str, pos: int) -> _B:
        if name in self.env:
            return _B(self.env[name])
        if name in self.decls:
            dims, struct = self.decls[name]
        elif name == "I":
            d = self.g.new_dim(None, None, "the size of I")
            return _B(self.op(pos, "eye", dim=d))
        elif name in _CONSTANTS:
            return _B(self.g.const(_CONSTANTS[name], name if "." in name else "np.pi"))
        elif name in _FUNCS:
            raise CalcError(f"`{name}` is a function", pos, f"call it, e.g. {name}(X)")
        elif "." in name:
            raise CalcError(
                f"`{name}` is not supported",
                pos,
                "supported: " + ", ".join(sorted(n for n in _FUNCS if "." in n)),
            )
        else:
            dims, struct = DEFAULT_DIMS, "general"
        self.g.loc = self.g.at = Loc(1, pos)
        ids = tuple(
            self.g.new_dim(d, None, f"dimension {k + 1} of `{name}`") for k, d in enumerate(dims)
        )
        v = self.g.op("param", name=name, index=len(self.params), dims=ids, struct=struct)
        self.g.name(v, name)
        self.env[name] = v
        self.params.append(v)
        return _B(v)

    # -- expressions ----------------------------------------------------------------
    def value(self, node: tuple) -> _B:
        out = self.build(node)
        if isinstance(out, _Slogdet):
            raise CalcError(
                "np.linalg.slogdet returns (sign, logdet)",
                node[-1],
                "index it: np.linalg.slogdet(X)[1], or write logdet(X)",
            )
        return out

    def build(self, node: tuple) -> _B | _Slogdet:
        kind = node[0]
        if kind == "num":
            return _B(self.g.const(node[1], node[2]))
        if kind == "name":
            return self.name(node[1], node[2])
        if kind == "neg":
            x = self.value(node[1])
            return _B(self.op(node[2], "neg", x.v), x.row)
        if kind == "T":
            x = self.value(node[1])
            if x.v.rank == 1:
                return _B(x.v, not x.row)
            return _B(self.op(node[2], "transpose", x.v))
        if kind == "bin":
            return self.binary(node[1], self.value(node[2]), self.value(node[3]), node[4])
        if kind == "call":
            return self.call(node[1], node[2], node[3])
        if kind == "index":
            base = self.build(node[1])
            if not isinstance(base, _Slogdet) or node[2] > 1:
                raise CalcError("indexing is only supported as np.linalg.slogdet(X)[1]", node[3])
            op = "logdet" if node[2] == 1 else "slogdet_sign"
            return _B(self.op(node[3], op, base.x))
        raise AssertionError(kind)

    def binary(self, op: str, a: _B, b: _B, pos: int) -> _B:
        if op in ("+", "-"):
            if self.talk and a.v.rank == b.v.rank == 1 and a.row != b.row:
                raise CalcError(
                    "adding a row vector and a column vector", pos, "transpose one of them"
                )
            return _B(self.op(pos, "add" if op == "+" else "sub", a.v, b.v), a.row)
        if op == "@":
            if a.v.rank == 0 or b.v.rank == 0:
                raise CalcError("`@` needs vectors or matrices", pos, "use * to scale by a scalar")
            return _B(self.op(pos, "matmul", a.v, b.v))
        if op == "*":
            return self.talk_product(a, b, pos) if self.talk else self.elementwise("mul", a, b, pos)
        if op == ".*":
            return self.elementwise("mul", a, b, pos)
        if op == "./":
            return self.elementwise("div", a, b, pos)
        if op == "/":
            if b.v.rank == 0 or not self.talk:
                return self.elementwise("div", a, b, pos)
            raise CalcError(
                "matrix right division A / B is not supported",
                pos,
                "write A * inv(B), or ./ for elementwise division",
            )
        if op in ("**", ".^"):
            if b.v.rank != 0:
                raise CalcError(
                    f"`{op}` needs a scalar exponent", pos, "X^k is the matrix power, k an integer"
                )
            return _B(self.op(pos, "pow", a.v, b.v), a.row)
        if op == "^":
            return self.matrix_power(a, b, pos)
        raise AssertionError(op)

    def elementwise(self, op: str, a: _B, b: _B, pos: int) -> _B:
        return _B(self.op(pos, op, a.v, b.v), a.row if a.v.rank else b.row)

    def talk_product(self, a: _B, b: _B, pos: int) -> _B:
        """`*` of the talk: a matrix product, the scaling of anything by a scalar, and for
        vectors x'*y (inner), x*y' (outer), x'*A (a row), A*x (a column)."""
        ra, rb = a.v.rank, b.v.rank
        if ra == 0 or rb == 0:
            return _B(self.op(pos, "mul", a.v, b.v), a.row if ra else b.row)
        if ra == 1 and rb == 1:
            if a.row and not b.row:
                return _B(self.op(pos, "matmul", a.v, b.v))
            if not a.row and b.row:
                return _B(self.op(pos, "outer", a.v, b.v))
            raise CalcError(
                "cannot multiply two " + ("row" if a.row else "column") + " vectors",
                pos,
                "x'*y is the inner product, x*y' the outer product",
            )
        if ra == 1 and not a.row:
            raise CalcError(
                "a column vector times a matrix", pos, "transpose the vector: x'*A is a row"
            )
        if rb == 1 and b.row:
            raise CalcError(
                "a matrix times a row vector", pos, "A*x takes a column vector x (not x')"
            )
        return _B(self.op(pos, "matmul", a.v, b.v), row=ra == 1)

    def matrix_power(self, a: _B, b: _B, pos: int) -> _B:
        if a.v.rank == 0:
            return _B(self.op(pos, "pow", a.v, b.v))
        k = b.v.attr("value") if b.v.is_const() else None
        if k is None or not float(k).is_integer() or a.v.rank != 2:
            raise CalcError(
                "`^` is the matrix power: it needs a square matrix and an integer exponent",
                pos,
                "use .^ (or **) for elementwise powers",
            )
        k = int(k)
        x = a.v
        if k < 0:
            x, k = self.op(pos, "inv", x), -k
        if k == 0:
            self.op(pos, "matmul", x, x)  # checks that x is square
            return _B(self.op(pos, "eye", dim=x.shape[0]))
        out = x
        for _ in range(k - 1):
            out = self.op(pos, "matmul", out, x)
        return _B(out)

    def call(self, name: str, arg_nodes: list, pos: int) -> _B | _Slogdet:
        key = _canonical(name)
        if key not in _FUNCS:
            near = difflib.get_close_matches(key, list(_FUNCS), n=1, cutoff=0.7)
            hint = (
                (f"did you mean {near[0]}? " if near else "")
                + "functions: "
                + ", ".join(sorted({n for n in _FUNCS if "." not in n}))
            )
            raise CalcError(f"unknown function `{name}`", pos, hint)
        fn, nargs = _FUNCS[key]
        if len(arg_nodes) != nargs:
            raise CalcError(
                f"{name} takes {nargs} argument{'s' if nargs > 1 else ''}, got {len(arg_nodes)}",
                pos,
                "e.g. " + ("solve(A, B)" if nargs == 2 else f"{name}(X)"),
            )
        args = [self.value(n) for n in arg_nodes]
        x = args[0]
        if fn == "slogdet":
            self.op(pos, "logdet", x.v)  # checks that x is square
            return _Slogdet(x.v)
        if fn == "transpose":
            return _B(x.v, not x.row) if x.v.rank == 1 else _B(self.op(pos, "transpose", x.v))
        if fn == "log" and x.v.op == "det":
            return _B(self.op(pos, "logdet", x.v.args[0]))
        if fn in ("dot", "matmul"):
            y = args[1]
            if x.v.rank == 0 or y.v.rank == 0:
                return _B(self.op(pos, "mul", x.v, y.v))
            return _B(self.op(pos, "matmul", x.v, y.v))
        if fn == "matrix_power":
            return self.matrix_power(x, args[1], pos)
        if fn == "diag":
            return _B(self.op(pos, "diag_embed" if x.v.rank == 1 else "diag_of", x.v))
        if fn in ("solve", "outer"):
            return _B(self.op(pos, fn, x.v, args[1].v))
        if fn in ("exp", "log", "sqrt", "sin", "cos", "tanh", "log1p"):
            return _B(self.op(pos, fn, x.v), x.row)
        return _B(self.op(pos, fn, x.v))


# ======================================================================================
# The normal form: sums of terms (coefficient, scalar factors, chain of matrix factors)
# ======================================================================================
@dataclass(frozen=True, eq=False)
class _Node:
    """An atom: a matrix/vector factor of a chain, or a scalar factor of a coefficient.

    kind: leaf, T, inv, msum (a parenthesised sum), eye, ones, outer, had (elementwise
    product), fn (elementwise function), epow, ediv, op (anything else, spelled by the rules
    table); scalar kinds: sleaf, trace, det, logdet, schain (x @ A @ y), ssum, sfn, sop.
    Equality is by the canonical key `k`."""

    kind: str
    k: str
    shape: tuple
    args: tuple = ()
    extra: Any = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Node) and self.k == other.k

    def __hash__(self) -> int:
        return hash(self.k)

    @property
    def rank(self) -> int:
        return len(self.shape)


@dataclass(frozen=True)
class _Term:
    num: float
    scal: tuple[tuple[_Node, float], ...]  # sorted by key
    chain: tuple[_Node, ...]

    @property
    def base(self) -> str:
        s = "*".join(f"{a.k}^{p!r}" for a, p in self.scal)
        return s + "|" + "@".join(a.k for a in self.chain)

    @property
    def k(self) -> str:
        return f"{self.num!r}*{self.base}"


@dataclass(frozen=True, eq=False)
class _Sum:
    terms: tuple[_Term, ...]
    shape: tuple
    k: str

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Sum) and self.k == other.k

    def __hash__(self) -> int:
        return hash(self.k)

    @property
    def rank(self) -> int:
        return len(self.shape)

    def single(self) -> _Term | None:
        return self.terms[0] if len(self.terms) == 1 else None


def _tcount(k: str) -> int:
    return k.count("ᵀ")


def _mul_scal(a: tuple, b: tuple) -> tuple:
    powers: dict[str, list] = {}
    for node, p in a + b:
        if node.k in powers:
            powers[node.k][1] += p
        else:
            powers[node.k] = [node, p]
    return tuple((node, p) for _, (node, p) in sorted(powers.items()) if abs(p) > 1e-12)


class _Algebra:
    """Builds canonical atoms and sums; `of(value)` converts an IR value."""

    def __init__(self, g: Graph):
        self.g = g
        self.memo: dict[int, _Sum] = {}

    # -- shapes -------------------------------------------------------------------------
    def dims(self, shape: tuple) -> tuple:
        return tuple(self.g.find(d) for d in shape)

    def square(self, a: _Node) -> bool:
        return a.rank == 2 and self.g.same_dim(a.shape[0], a.shape[1])

    @staticmethod
    def chain_shape(chain: tuple[_Node, ...]) -> tuple:
        if len(chain) == 1:
            return chain[0].shape
        first, last = chain[0], chain[-1]
        return (first.shape[:1] if first.rank == 2 else ()) + (
            last.shape[1:] if last.rank == 2 else ()
        )

    # -- sums ---------------------------------------------------------------------------
    def make_sum(self, terms, shape: tuple) -> _Sum:
        merged: dict[str, list] = {}  # base -> [sum of numbers, largest of them, term]
        for t in terms:
            if t.num == 0:
                continue
            if t.base in merged:
                merged[t.base][0] += t.num
                merged[t.base][1] = max(merged[t.base][1], abs(t.num))
            else:
                merged[t.base] = [t.num, abs(t.num), t]
        out = []
        for num, largest, t in merged.values():
            if abs(num) > 1e-12 * largest:  # what cancels up to rounding is gone
                out.append(_Term(float(num), t.scal, t.chain))
        if len(out) == 1:  # a sum wrapped as a single factor is that sum
            t = out[0]
            if t.num == 1 and not t.scal and len(t.chain) == 1 and t.chain[0].kind == "msum":
                return t.chain[0].args[0]
            if t.num == 1 and not t.chain and len(t.scal) == 1:
                node, p = t.scal[0]
                if node.kind == "ssum" and p == 1:
                    return node.args[0]
        dims = self.dims(shape)
        key = "+".join(sorted(t.k for t in out)) or f"0{list(dims)}"
        return _Sum(tuple(out), dims, key)

    def atom_sum(self, a: _Node) -> _Sum:
        if a.rank == 0:
            return self.make_sum([_Term(1.0, ((a, 1.0),), ())], ())
        return self.make_sum([_Term(1.0, (), (a,))], a.shape)

    def const(self, c: float) -> _Sum:
        return self.make_sum([_Term(float(c), (), ())], ())

    def add(self, a: _Sum, b: _Sum) -> _Sum:
        return self.make_sum(a.terms + b.terms, a.shape if a.rank >= b.rank else b.shape)

    def scale(self, s: _Sum, num: float, scal: tuple = ()) -> _Sum:
        terms = [_Term(t.num * num, _mul_scal(t.scal, scal), t.chain) for t in s.terms]
        return self.make_sum(terms, s.shape)

    def as_scalar_factor(self, s: _Sum) -> tuple[float, tuple]:
        """A scalar sum as (number, scalar factors)."""
        t = s.single()
        if not s.terms:
            return 0.0, ()
        if t is not None:
            return t.num, t.scal
        return 1.0, ((self.msum(s), 1.0),)

    def times_scalar(self, s: _Sum, m: _Sum) -> _Sum:
        num, scal = self.as_scalar_factor(s)
        if m.rank == 0 and len(m.terms) > 1 and len(s.terms) > 1:
            num2, scal2 = self.as_scalar_factor(m)
            return self.make_sum([_Term(num * num2, _mul_scal(scal, scal2), ())], ())
        return self.scale(m, num, scal)

    def power(self, s: _Sum, p: float) -> _Sum:
        t = s.single()
        if t is not None and not t.chain and (t.num > 0 or float(p).is_integer()):
            scal = tuple((a, q * p) for a, q in t.scal)
            return self.make_sum([_Term(t.num**p, _mul_scal(scal, ()), ())], ())
        if not s.terms:
            if p > 0:
                return s
            raise ZeroDivisionError("a power of zero")
        return self.make_sum([_Term(1.0, ((self.msum(s), float(p)),), ())], ())

    def common(self, s: _Sum) -> tuple[float, tuple, _Sum]:
        """(number, scalar factors, rest) with s = number * factors * rest, taking out the
        sign when every term is negative, a common magnitude and common scalar factors."""
        ts = s.terms
        if not ts:
            return 1.0, (), s
        sign = -1.0 if all(t.num < 0 for t in ts) else 1.0
        mags = {abs(t.num) for t in ts}
        mag = mags.pop() if len(mags) == 1 else 1.0
        shared = []
        for a, p in ts[0].scal:
            ps = [{x.k: q for x, q in t.scal}.get(a.k) for t in ts[1:]]
            if all(q is not None and q * p > 0 for q in ps):
                shared.append((a, min([p] + ps, key=abs)))
        num = sign * mag
        scal = tuple(shared)
        inv_scal = tuple((a, -p) for a, p in scal)
        rest = self.make_sum(
            [_Term(t.num / num, _mul_scal(t.scal, inv_scal), t.chain) for t in ts], s.shape
        )
        return num, scal, rest

    # -- atoms --------------------------------------------------------------------------
    def node(self, kind: str, k: str, shape: tuple, args: tuple = (), extra: Any = None):
        return _Node(kind, k, self.dims(shape), args, extra)

    def msum(self, s: _Sum) -> _Node:
        """A sum as one factor: (A + B) in a product, or a scalar (a + b) in a coefficient."""
        kind = "ssum" if s.rank == 0 else "msum"
        return self.node(kind, f"({s.k})", s.shape, (s,))

    def leaf(self, v: Value) -> _Node:
        name = v.attr("name")
        kind = "sleaf" if v.rank == 0 else "leaf"
        return self.node(kind, name, v.shape, (), (name, v.is_symmetric))

    def eye(self, d: int) -> _Node:
        d = self.g.find(d)
        return self.node("eye", f"I[{d}]", (d, d))

    def T(self, a: _Node) -> _Node:
        """The canonical atom of aᵀ."""
        if a.rank < 2 or a.kind == "eye":
            return a
        if a.kind == "leaf":
            return a if a.extra[1] else self.node("T", a.k + "ᵀ", a.shape[::-1], (a,))
        if a.kind == "T":
            return a.args[0]
        if a.kind == "ones":
            return self.node("ones", f"1[{a.shape[1]},{a.shape[0]}]", a.shape[::-1])
        if a.kind == "msum":
            return self.msum(self.transpose(a.args[0]))
        if a.kind == "outer":
            return self.outer(a.args[1], a.args[0])
        if a.kind == "op" and a.extra[0] == "diag_embed":
            return a
        if a.kind in ("inv", "fn", "had", "epow", "ediv"):
            return self.composite(a.kind, tuple(self.transpose(s) for s in a.args), a.extra)
        return self.node("T", f"({a.k})ᵀ", a.shape[::-1], (a,))

    def _build(self, kind: str, args: tuple, extra: Any) -> _Node:
        if kind == "inv":
            return self.node("inv", f"inv({args[0].k})", args[0].shape, args)
        if kind == "fn":
            return self.node("fn", f"{extra}({args[0].k})", args[0].shape, args, extra)
        if kind == "epow":
            return self.node("epow", f"({args[0].k})**{extra!r}", args[0].shape, args, extra)
        if kind == "ediv":
            return self.node("ediv", f"({args[0].k})/({args[1].k})", args[0].shape, args)
        if kind == "had":
            args = tuple(sorted(args, key=lambda s: s.k))
            return self.node("had", "∘".join(f"({s.k})" for s in args), args[0].shape, args)
        raise AssertionError(kind)

    def composite(self, kind: str, args: tuple, extra: Any = None) -> _Node:
        """An atom that commutes with the transpose (inverse, elementwise operations), in
        its canonical orientation: f(S) or f(Sᵀ)ᵀ, whichever has fewer transposes inside."""
        direct = self._build(kind, args, extra)
        flipped = self._build(kind, tuple(self.transpose(s) for s in args), extra)
        if flipped.k == direct.k:
            return direct
        wrapped = self.node("T", f"({flipped.k})ᵀ", flipped.shape[::-1], (flipped,))
        score_d = (_tcount(direct.k), _tcount(direct.k), direct.k)
        score_w = (_tcount(wrapped.k), _tcount(flipped.k), wrapped.k)
        return direct if score_d <= score_w else wrapped

    def outer(self, a: _Sum, b: _Sum) -> _Node:
        return self.node("outer", f"outer({a.k},{b.k})", (a.shape[0], b.shape[0]), (a, b))

    # -- operations on sums -----------------------------------------------------------
    def transpose(self, s: _Sum) -> _Sum:
        if s.rank < 2:
            return s
        terms = []
        for t in s.terms:
            chain = tuple(self.T(a) for a in reversed(t.chain))
            terms.append(_Term(t.num, t.scal, chain))
        return self.make_sum(terms, s.shape[::-1])

    def matmul(self, a: _Sum, b: _Sum, shape: tuple, distribute: bool = False) -> _Sum:
        if distribute or (len(a.terms) <= 1 and len(b.terms) <= 1):
            out: list[_Term] = []
            for s in a.terms:
                for t in b.terms:
                    out.extend(self.product(s, t))
            return self.make_sum(out, shape)
        fa, fb = self.factor_of(a), self.factor_of(b)
        return self.make_sum(self.product(fa, fb), shape)

    def factor_of(self, s: _Sum) -> _Term:
        t = s.single()
        if t is not None:
            return t
        num, scal, rest = self.common(s)
        return _Term(num, scal, (self.msum(rest),))

    def product(self, s: _Term, t: _Term) -> list[_Term]:
        """The terms of s @ t."""
        num, scal = s.num * t.num, _mul_scal(s.scal, t.scal)
        left = s.chain
        if left and t.chain and len(self.chain_shape(left)) == 1:
            left = tuple(self.T(a) for a in reversed(left))  # a vector on the left is a row
        extra_num, extra_scal, chain = self.clean_chain(left + t.chain)
        return [_Term(num * extra_num, _mul_scal(scal, extra_scal), chain)]

    def clean_chain(self, chain: tuple[_Node, ...]) -> tuple[float, tuple, tuple]:
        """Simplify a product of factors: drop identities, move neighbours into outer
        products, cancel inverse pairs (expanding inverses of products of square factors
        when that cancels), orient vector results as columns, and turn scalar results into
        a scalar factor. Returns (number, scalar factors, chain)."""
        num, scal = 1.0, ()
        chain = self.absorb_outer(chain)
        chain = self.cancel(chain)
        chain = self.expand_inverses(chain)
        if len(chain) > 1 and any(a.kind == "eye" for a in chain):
            chain = tuple(a for a in chain if a.kind != "eye") or chain[:1]
        if len(chain) > 1:
            rank = len(self.chain_shape(chain))
            if rank == 1 and chain[0].rank == 1:  # x @ A is Aᵀ @ x: vectors are columns
                chain = tuple(self.T(a) for a in reversed(chain))
            elif rank == 0:
                flipped = tuple(self.T(a) for a in reversed(chain))
                k1 = "@".join(a.k for a in chain)
                k2 = "@".join(a.k for a in flipped)
                if _tcount(k2) < _tcount(k1):
                    chain, k1 = flipped, k2
                node = self.node("schain", k1, (), chain)
                scal = ((node, 1.0),)
                chain = ()
        return num, scal, chain

    def absorb_outer(self, chain: tuple[_Node, ...]) -> tuple[_Node, ...]:
        changed = True
        while changed:
            changed = False
            for i, a in enumerate(chain):
                if a.kind != "outer":
                    continue
                u, w = a.args
                if i > 0 and chain[i - 1].rank == 2:
                    m = chain[i - 1]
                    u = self.matmul(self.atom_sum(m), u, m.shape[:1])
                    chain = chain[: i - 1] + (self.outer(u, w),) + chain[i + 1 :]
                    changed = True
                    break
                if i + 1 < len(chain) and chain[i + 1].rank == 2:
                    m = chain[i + 1]
                    w = self.matmul(self.atom_sum(self.T(m)), w, m.shape[1:])
                    chain = chain[:i] + (self.outer(u, w),) + chain[i + 2 :]
                    changed = True
                    break
        return chain

    def inverse_seq(self, a: _Node) -> tuple[_Node, ...] | None:
        """For an inverse atom, the factors it is the inverse of."""
        if a.kind == "inv":
            inner = a.args[0]
            t = inner.single()
            if t is not None and t.num == 1 and not t.scal:
                return t.chain
            return (self.msum(inner),)
        if a.kind == "T" and a.args[0].kind == "inv":
            seq = self.inverse_seq(a.args[0])
            return tuple(self.T(x) for x in reversed(seq)) if seq is not None else None
        return None

    def cancel(self, chain: tuple[_Node, ...]) -> tuple[_Node, ...]:
        changed = True
        while changed:
            changed = False
            for i, a in enumerate(chain):
                seq = self.inverse_seq(a)
                if not seq:
                    continue
                n = len(seq)
                if chain[i + 1 : i + 1 + n] == seq:
                    rest = chain[:i] + chain[i + 1 + n :]
                elif i >= n and chain[i - n : i] == seq:
                    rest = chain[: i - n] + chain[i + 1 :]
                else:
                    continue
                chain = rest or (self.eye(a.shape[0]),)
                changed = True
                break
        return chain

    def inv_atom(self, a: _Node) -> _Node:
        """The canonical atom of a⁻¹ (a square)."""
        if a.kind == "eye":
            return a
        seq = self.inverse_seq(a)
        if seq is not None and len(seq) == 1:
            return seq[0]
        if a.kind == "T":
            return self.T(self.inv_atom(a.args[0]))
        return self.composite("inv", (self.atom_sum(a),))

    def expand_inverses(self, chain: tuple[_Node, ...]) -> tuple[_Node, ...]:
        """(A B)⁻¹ = B⁻¹ A⁻¹ for square A, B — kept only where it makes the chain shorter."""
        improved = True
        while improved:
            improved = False
            for i, a in enumerate(chain):
                seq = self.inverse_seq(a)
                if not seq or len(seq) < 2 or not all(self.square(x) for x in seq):
                    continue
                expanded = tuple(self.inv_atom(x) for x in reversed(seq))
                trial = self.cancel(chain[:i] + expanded + chain[i + 1 :])
                if len(trial) < len(chain):
                    chain, improved = trial, True
                    break
        return chain

    # -- linear algebra -----------------------------------------------------------------
    def inv(self, s: _Sum) -> _Sum:
        t = s.single()
        if t is None:
            if not s.terms:
                raise ZeroDivisionError("the inverse of zero")
            return self.atom_sum(self.composite("inv", (s,)))
        inv_coef = self.power(self.make_sum([_Term(t.num, t.scal, ())], ()), -1.0)
        if len(t.chain) == 1:
            a = t.chain[0]
            inner = self.atom_sum(self.inv_atom(a))
        else:
            inner = self.atom_sum(
                self.composite("inv", (self.make_sum([_Term(1.0, (), t.chain)], s.shape),))
            )
        return self.times_scalar(inv_coef, inner)

    def oriented(self, s: _Sum) -> _Sum:
        """s or sᵀ for an argument of trace, det, logdet: the one with fewer transposes."""
        st = self.transpose(s)
        return st if _tcount(st.k) < _tcount(s.k) else s

    def scalar_fn(self, kind: str, s: _Sum, pull: bool = True) -> _Sum:
        if kind == "trace" and pull:  # tr(c M) = c tr(M)
            t = s.single()
            if t is not None and (t.num != 1 or t.scal):
                inner = self.make_sum([_Term(1.0, (), t.chain)], s.shape)
                return self.scale(self.scalar_fn(kind, inner, False), t.num, t.scal)
        s = self.oriented(s)
        return self.atom_sum(self.node(kind, f"{kind}({s.k})", (), (s,)))

    # -- from IR ------------------------------------------------------------------------
    def of(self, v: Value) -> _Sum:
        if v.id in self.memo:
            return self.memo[v.id]
        out = self.convert(v)
        self.memo[v.id] = out
        return out

    def convert(self, v: Value) -> _Sum:
        op, args = v.op, [self.of(a) for a in v.args]
        zero_in = any(not a.terms for a in args)  # a product with zero, a reduction of zero
        if zero_in and op in ("mul", "matmul", "outer", "trace", "sum", "diag_of", "diag_embed"):
            return self.make_sum([], v.shape)
        if op == "param":
            return self.atom_sum(self.leaf(v))
        if op == "const":
            return self.const(v.attr("value"))
        if op == "eye":
            return self.atom_sum(self.eye(v.attr("dim")))
        if op == "zeros":
            return self.make_sum([], v.shape)
        if op == "broadcast" and v.args[0].rank == 0:
            d = self.dims(v.shape)
            ones = self.node("ones", "1[" + ",".join(map(str, d)) + "]", d)
            return self.times_scalar(args[0], self.atom_sum(ones))
        if op in ("add", "sub") and v.args[0].rank == v.args[1].rank:
            b = args[1] if op == "add" else self.scale(args[1], -1.0)
            return self.add(args[0], b)
        if op == "neg":
            return self.scale(args[0], -1.0)
        if op == "mul" and (v.args[0].rank == 0 or v.args[1].rank == 0):
            s, m = (args[0], args[1]) if v.args[0].rank == 0 else (args[1], args[0])
            return self.times_scalar(s, m)
        if op == "div" and v.args[1].rank == 0:
            return self.times_scalar(self.power(args[1], -1.0), args[0])
        if op == "pow" and v.args[1].is_const():
            p = v.args[1].attr("value")
            if v.args[0].rank == 0:
                return self.power(args[0], p)
            return self.atom_sum(self.composite("epow", (args[0],), p))
        if op == "matmul":
            return self.matmul(args[0], args[1], v.shape)
        if op == "solve":
            return self.matmul(self.inv(args[0]), args[1], v.shape)
        if op == "transpose":
            return self.transpose(args[0])
        if op == "inv":
            return self.inv(args[0])
        if op in ("trace", "det", "logdet"):
            return self.scalar_fn(op, args[0])
        if op == "symmetrize":  # ½ (G + Gᵀ), the gradient of a sym/spd input
            return self.scale(self.add(args[0], self.transpose(args[0])), 0.5)

        if op == "outer":
            (na, sa, a), (nb, sb, b) = self.common(args[0]), self.common(args[1])
            return self.scale(self.atom_sum(self.outer(a, b)), na * nb, _mul_scal(sa, sb))
        if op in ("exp", "log", "log1p", "sqrt", "tanh", "sin", "cos"):
            if v.rank == 0:
                a = args[0]
                return self.atom_sum(self.node("sfn", f"{op}({a.k})", (), (a,), op))
            return self.atom_sum(self.composite("fn", (args[0],), op))
        if op == "mul" and v.args[0].rank == v.args[1].rank:
            (na, sa, a), (nb, sb, b) = self.common(args[0]), self.common(args[1])
            had = self.composite("had", (a, b))
            return self.scale(self.atom_sum(had), na * nb, _mul_scal(sa, sb))
        if op == "div" and v.args[0].rank == v.args[1].rank:
            return self.atom_sum(self.composite("ediv", (args[0], args[1])))
        if op in ("sum", "norm") and v.rank == 0:
            a = self.oriented(args[0])
            return self.atom_sum(self.node("sfn", f"{op}({a.k})", (), (a,), op))
        # anything else is spelled by the rules table, its arguments normalised
        attrs = tuple((k, val) for k, val in v.attrs)
        key = f"{op}{attrs!r}(" + ",".join(a.k for a in args) + ")"
        kind = "sop" if v.rank == 0 else "op"
        return self.atom_sum(self.node(kind, key, v.shape, tuple(args), (op, attrs)))

    def expand(self, s: _Sum) -> _Sum | None:
        """s with every parenthesised sum inside a product multiplied out (or None when
        there is none, or when that would make too many terms)."""
        if not any(a.kind == "msum" for t in s.terms for a in t.chain):
            return None
        out: list[_Term] = []
        for t in s.terms:
            acc = self.make_sum([_Term(t.num, t.scal, ())], ())
            acc_terms = list(acc.terms)
            for a in t.chain:
                parts = a.args[0].terms if a.kind == "msum" else (_Term(1.0, (), (a,)),)
                acc_terms = [p for x in acc_terms for y in parts for p in self.product(x, y)]
                if len(acc_terms) > MAX_EXPANDED_TERMS:
                    return None
            out.extend(acc_terms)
        return self.make_sum(out, s.shape)


# ======================================================================================
# Printing: _Doc trees (NumPy text, LaTeX through sympy) chosen by length
# ======================================================================================
@dataclass(frozen=True)
class _Doc:
    kind: str  # name num call T matmul mul div pow neg add had ediv eye zeros ones
    parts: tuple
    text: str
    prec: int


def _fmt(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


def _paren(d: _Doc, need: int) -> str:
    return f"({d.text})" if d.prec < need else d.text


def d_name(s: str) -> _Doc:
    return _Doc("name", (s,), s, ATOM)


def d_num(x: float) -> _Doc:
    return _Doc("num", (x,), _fmt(x), ATOM)


def d_call(fn: str, args: list[_Doc]) -> _Doc:
    return _Doc("call", (fn, *args), f"{fn}({', '.join(a.text for a in args)})", ATOM)


def d_T(x: _Doc) -> _Doc:
    return _Doc("T", (x,), _paren(x, ATOM) + ".T", ATOM)


def d_matmul(xs: list[_Doc]) -> _Doc:
    if len(xs) == 1:
        return xs[0]
    xs = [y for x in xs for y in (x.parts if x.kind == "matmul" else (x,))]  # associativity
    return _Doc("matmul", tuple(xs), " @ ".join(_paren(x, ATOM) for x in xs), MUL)


def d_mul(xs: list[_Doc]) -> _Doc:
    if len(xs) == 1:
        return xs[0]
    texts = []
    for i, x in enumerate(xs):
        last_chain = i == len(xs) - 1 and x.kind == "matmul"
        texts.append(x.text if last_chain else _paren(x, POW))
    return _Doc("mul", tuple(xs), " * ".join(texts), MUL)


def d_div(a: _Doc, b: _Doc) -> _Doc:
    return _Doc("div", (a, b), f"{_paren(a, MUL)} / {_paren(b, POW)}", MUL)


def d_pow(a: _Doc, p: float) -> _Doc:
    return _Doc("pow", (a, p), f"{_paren(a, ATOM)} ** {_fmt(p)}", POW)


def d_neg(x: _Doc) -> _Doc:
    if x.prec < MUL:
        return _Doc("neg", (x,), f"-({x.text})", UNARY)
    return _Doc("neg", (x,), "-" + x.text, MUL if x.prec == MUL else UNARY)


def d_add(items: list[tuple[bool, _Doc]]) -> _Doc:
    if len(items) == 1:
        neg, x = items[0]
        return d_neg(x) if neg else x
    parts = []
    for i, (neg, x) in enumerate(items):
        if i == 0:
            parts.append(d_neg(x).text if neg else _paren(x, ADD))
        else:
            parts.append((" - " if neg else " + ") + _paren(x, ADD + 1))
    return _Doc("add", tuple(items), "".join(parts), ADD)


def d_had(a: _Doc, b: _Doc, op: str = "*") -> _Doc:
    kind = "had" if op == "*" else "ediv"
    return _Doc(kind, (a, b), f"{_paren(a, ATOM)} {op} {_paren(b, ATOM)}", MUL)


def _cost(d: _Doc) -> tuple[int, int]:
    return len(d.text), d.text.count(".T")


def _best(cands: list[_Doc]) -> _Doc:
    return min(cands, key=_cost)


class _Printer:
    def __init__(self, alg: _Algebra, params: list[Value]):
        self.alg = alg
        self.params = params
        self.memo: dict[tuple, _Doc] = {}

    # -- sizes --------------------------------------------------------------------------
    def dim(self, d: int) -> tuple[str, int]:
        g = self.alg.g
        fixed = g.dim_info(d).fixed
        if isinstance(fixed, int):
            return str(fixed), d
        for p in self.params:
            for axis, pd in enumerate(p.shape):
                if g.find(pd) == g.find(d):
                    name = p.attr("name")
                    return (f"len({name})" if axis == 0 else f"{name}.shape[{axis}]"), d
        raise CalcError(
            "cannot tell the size of the identity I", None, "use I next to a named matrix"
        )

    def shape_text(self, shape: tuple) -> str:
        g = self.alg.g
        for p in self.params:
            if g.same_shape(p.shape, shape):
                return f"{p.attr('name')}.shape"
        parts = [self.dim(d)[0] for d in shape]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"

    # -- sums ---------------------------------------------------------------------------
    def sum(self, s: _Sum, expand: bool = True) -> _Doc:
        key = ("sum", s.k, expand)
        if key in self.memo:
            return self.memo[key]
        cands = [self.terms(s.terms, s.shape)]
        if s.rank == 2:
            st = self.alg.transpose(s)
            if st.k != s.k:
                cands.append(d_T(self.terms(st.terms, st.shape)))
        if expand:
            e = self.alg.expand(s)
            if e is not None and e.k != s.k:
                cands.append(self.sum(e, expand=False))
        out = _best(cands)
        self.memo[key] = out
        return out

    def terms(self, ts: tuple[_Term, ...], shape: tuple) -> _Doc:
        key = ("terms", tuple(t.k for t in ts), shape)
        if key in self.memo:
            return self.memo[key]
        alg = self.alg
        if not ts:
            if len(shape) == 0:
                return d_num(0)
            return _Doc("zeros", (shape,), f"np.zeros({self.shape_text(shape)})", ATOM)
        cands = [self.plain(ts)]
        if len(ts) > 1:
            s = alg.make_sum(ts, shape)
            num, scal, rest = alg.common(s)
            if num != 1 or scal:  # take out a sign, a magnitude, scalar factors
                inner = alg.msum(rest)
                if rest.rank == 0:
                    t = _Term(num, _mul_scal(scal, ((inner, 1.0),)), ())
                else:
                    t = _Term(num, scal, (inner,))
                cands.append(self.plain((t,)))
            if len(ts) <= 8:
                cands.extend(self.same_coefficient(ts, shape))
            if len(shape) >= 1 and len(ts) <= 8:
                cands.extend(self.grouped(ts, shape))
        out = _best(cands)
        self.memo[key] = out
        return out

    def same_coefficient(self, ts: tuple[_Term, ...], shape: tuple) -> list[_Doc]:
        """Terms sharing a coefficient, the coefficient taken out: C + 0.5 * (A + A.T)."""
        alg = self.alg
        groups: dict[tuple, list[int]] = {}
        for i, t in enumerate(ts):
            if abs(t.num) != 1 or t.scal:
                key = (abs(t.num), "*".join(f"{a.k}^{p!r}" for a, p in t.scal))
                groups.setdefault(key, []).append(i)
        out = []
        for members in groups.values():
            if len(members) < 2 or len(members) == len(ts):
                continue
            lead = ts[members[0]]
            inv_scal = tuple((a, -p) for a, p in lead.scal)
            inner = alg.make_sum(
                [
                    _Term(ts[i].num / abs(lead.num), _mul_scal(ts[i].scal, inv_scal), ts[i].chain)
                    for i in members
                ],
                shape,
            )
            if inner.rank == 0:
                t = _Term(abs(lead.num), _mul_scal(lead.scal, ((alg.msum(inner), 1.0),)), ())
            else:
                t = _Term(abs(lead.num), lead.scal, (alg.msum(inner),))
            others = [self.term(ts[i]) for i in range(len(ts)) if i not in members]
            out.append(d_add(self.order([self.term(t)] + others)))
        return out

    def grouped(self, ts: tuple[_Term, ...], shape: tuple) -> list[_Doc]:
        """Terms sharing their first (or last) factor, that factor taken out: A @ (B + C)."""
        alg = self.alg
        out = []
        for side in (0, -1):
            groups: dict[str, list[int]] = {}
            for i, t in enumerate(ts):
                if len(t.chain) >= 2:
                    groups.setdefault(t.chain[side].k, []).append(i)
            for members in groups.values():
                if len(members) < 2:
                    continue
                f = ts[members[0]].chain[side]
                rest_terms = []
                for i in members:
                    t = ts[i]
                    chain = t.chain[1:] if side == 0 else t.chain[:-1]
                    rest_terms.append(_Term(t.num, t.scal, chain))
                rshape = alg.chain_shape(rest_terms[0].chain)
                residual = alg.make_sum(rest_terms, rshape)
                fs = alg.atom_sum(f)
                pair = (fs, residual) if side == 0 else (residual, fs)
                gshape = alg.chain_shape(
                    (f, *rest_terms[0].chain) if side == 0 else (*rest_terms[0].chain, f)
                )
                grouped = alg.matmul(*pair, gshape)
                others = [ts[i] for i in range(len(ts)) if i not in members]
                items = [self.term(t) for t in grouped.terms] + [self.term(t) for t in others]
                out.append(d_add(self.order(items)))
        return out

    @staticmethod
    def order(items: list[tuple[bool, _Doc]]) -> list[tuple[bool, _Doc]]:
        """A positive term first: `B - A` rather than `-A + B`."""
        for i, (neg, _) in enumerate(items):
            if not neg:
                return [items[i]] + items[:i] + items[i + 1 :]
        return items

    def plain(self, ts: tuple[_Term, ...]) -> _Doc:
        ts = tuple(sorted(ts, key=lambda t: _tcount(t.k)))  # B + B.T rather than B.T + B
        return d_add(self.order([self.term(t) for t in ts]))

    def term(self, t: _Term) -> tuple[bool, _Doc]:
        mag = abs(t.num)
        factors: list[_Doc] = []
        if mag != 1 or (not t.scal and not t.chain):
            factors.append(d_num(mag))
        dens: list[_Doc] = []
        for a, p in t.scal:
            d = self.atom(a)
            if p > 0:
                factors.append(d if p == 1 else d_pow(d, p))
            else:
                dens.append(d if p == -1 else d_pow(d, -p))
        if t.chain:
            factors.append(self.chain(t.chain))
        if not factors:
            factors.append(d_num(1))
        body = d_mul(factors)
        if dens:
            body = d_div(body, d_mul(dens))
        return t.num < 0, body

    def chain(self, chain: tuple[_Node, ...]) -> _Doc:
        """Factors joined by @, each run printed as is or as the transpose of the reversed
        run of transposes ((B @ A).T for A.T @ B.T), whichever is shorter."""
        key = ("chain", tuple(a.k for a in chain))
        if key in self.memo:
            return self.memo[key]
        best: list[tuple[tuple[int, int], list[_Doc]] | None] = [None] * (len(chain) + 1)
        best[0] = ((0, 0), [])
        for i in range(1, len(chain) + 1):
            for j in range(i):
                prev = best[j]
                if prev is None:
                    continue
                run = chain[j:i]
                if len(run) == 1:
                    seg = self.atom(run[0])
                elif all(a.rank == 2 for a in run):
                    seg = d_T(d_matmul([self.atom(self.alg.T(a)) for a in reversed(run)]))
                else:
                    continue
                c = _cost(seg)
                cost = (prev[0][0] + c[0] + (3 if j else 0), prev[0][1] + c[1])
                if best[i] is None or cost < best[i][0]:
                    best[i] = (cost, prev[1] + [seg])
        out = d_matmul(best[len(chain)][1])
        self.memo[key] = out
        return out

    # -- atoms --------------------------------------------------------------------------
    def atom(self, a: _Node) -> _Doc:
        key = ("atom", a.k)
        if key not in self.memo:
            self.memo[key] = self._atom(a)
        return self.memo[key]

    def _atom(self, a: _Node) -> _Doc:
        alg, kind = self.alg, a.kind
        if kind in ("leaf", "sleaf"):
            return d_name(a.extra[0])
        if kind == "T":
            inner = a.args[0]
            cands = [d_T(self.atom(inner))]
            if inner.kind in ("inv", "fn", "had", "epow", "ediv"):
                flipped = tuple(alg.transpose(s) for s in inner.args)
                cands.append(self.composite(inner.kind, flipped, inner.extra))
            return _best(cands)
        if kind in ("inv", "fn", "had", "epow", "ediv"):
            return self.composite(kind, a.args, a.extra)
        if kind in ("msum", "ssum"):
            return self.sum(a.args[0])
        if kind == "eye":
            text, d = self.dim(a.shape[0])
            return _Doc("eye", (d,), f"np.eye({text})", ATOM)
        if kind == "ones":
            return _Doc("ones", (a.shape,), f"np.ones({self.shape_text(a.shape)})", ATOM)
        if kind == "outer":
            return d_call("np.outer", [self.sum(a.args[0]), self.sum(a.args[1])])
        if kind in ("trace", "det", "logdet"):
            return d_call(kind, [self.sum(a.args[0])])
        if kind == "schain":
            return d_matmul([self.atom(x) for x in a.args])
        if kind == "sfn":
            fn = "np.linalg.norm" if a.extra == "norm" else f"np.{a.extra}"
            return d_call(fn, [self.sum(a.args[0])])
        if kind in ("op", "sop"):
            return self.opaque(a)
        raise AssertionError(kind)

    def composite(self, kind: str, args: tuple, extra: Any) -> _Doc:
        if kind == "inv":
            return d_call("inv", [self.sum(args[0])])
        if kind == "fn":
            return d_call(f"np.{extra}", [self.sum(args[0])])
        if kind == "epow":
            return d_pow(self.sum(args[0]), extra)
        if kind == "had":
            return d_had(self.sum(args[0]), self.sum(args[1]))
        if kind == "ediv":
            return d_had(self.sum(args[0]), self.sum(args[1]), "/")
        raise AssertionError(kind)

    def opaque(self, a: _Node) -> _Doc:
        from .rules import RULES

        op, attrs = a.extra
        rule = RULES[op]
        args = []
        for i, s in enumerate(a.args):
            d = self.sum(s)
            need = rule.arg_prec[i] if i < len(rule.arg_prec) else 0
            args.append(f"({d.text})" if d.prec < need else d.text)
        texts = {}
        for k, val in attrs:
            if k == "dim":
                texts[k] = self.dim(val)[0]
            elif k == "shape":
                texts[k] = self.shape_text(val)
            elif k == "axes":
                texts[k] = str(val[0]) if len(val) == 1 else str(tuple(val))
            elif k == "keepdims":
                texts[k] = ", keepdims=True" if val else ""
            else:
                texts[k] = str(val)
        text = rule.spelling.format(*args, **texts)
        prec = min(rule.prec, ATOM)
        group = getattr(rule, "group", None)
        if group is not None:  # one output of a call returning several (slogdet, eigh)
            text, prec = f"{text}[{group[0]}]", ATOM
        return _Doc("raw", (op, a), text, prec)


# ======================================================================================
# LaTeX: the chosen _Doc as a sympy matrix expression, printed by sympy
# ======================================================================================
def _latex(doc: _Doc, g: Graph, params: list[Value]) -> str:
    import sympy as sp
    from sympy.printing.latex import LatexPrinter

    raw: dict[str, str] = {}

    class RawScalar(sp.Symbol):
        def _latex(self, printer):
            return raw[self.name]

    class RawMatrix(sp.MatrixSymbol):
        def _latex(self, printer):
            return raw[str(self.args[0])]

    def dim(d: int):
        name = g.dim_name(d)
        return sp.Integer(name) if isinstance(name, int) else sp.Symbol(str(name))

    table = {}
    for p in params:
        name = p.attr("name")
        if p.rank == 0:
            table[name] = sp.Symbol(name)
        elif p.rank == 1:
            table[name] = sp.MatrixSymbol(name, dim(p.shape[0]), 1)
        else:
            table[name] = sp.MatrixSymbol(name, dim(p.shape[0]), dim(p.shape[1]))

    def is_matrix(x) -> bool:
        return isinstance(x, sp.MatrixExpr)

    def matrix(x) -> bool:
        """A matrix or vector, not a 1x1 product x^T A y (which is a scalar)."""
        return is_matrix(x) and tuple(x.shape) != (1, 1)

    def scalar(x, paren: bool = True):
        """A 1x1 matrix expression (x^T A y) as a scalar."""
        if is_matrix(x) and not matrix(x):
            key = f"raw{len(raw)}"
            tex = printer.doprint(x)
            raw[key] = rf"\left({tex}\right)" if paren else tex
            return RawScalar(key)
        return x

    def opaque(text: str):
        key = f"raw{len(raw)}"
        raw[key] = r"\texttt{" + text.replace("_", r"\_") + "}"
        return RawScalar(key)

    def conv(d: _Doc):
        k = d.kind
        if k == "name":
            return table[d.parts[0]]
        if k == "num":
            return sp.nsimplify(d.parts[0])
        if k == "T":
            x = conv(d.parts[0])
            return sp.Transpose(x) if is_matrix(x) and x.shape[1] != 1 else x
        if k == "eye":
            return sp.Identity(dim(d.parts[0]))
        if k in ("zeros", "ones"):
            dims = [dim(x) for x in d.parts[0]] + [1] * (2 - len(d.parts[0]))
            if not d.parts[0]:
                return sp.Integer(0 if k == "zeros" else 1)
            return (sp.ZeroMatrix if k == "zeros" else sp.OneMatrix)(*dims)
        if k == "call":
            fn, args = d.parts[0], [conv(a) for a in d.parts[1:]]
            if fn == "inv":
                return sp.Inverse(args[0])
            if fn == "trace":
                return sp.Trace(args[0])
            if fn == "det":
                return sp.Determinant(args[0])
            if fn == "logdet":
                return sp.log(sp.Determinant(args[0]), evaluate=False)
            if fn == "np.outer":
                return sp.MatMul(args[0], sp.Transpose(args[1]), evaluate=False)
            elementwise = ("np.exp", "np.log", "np.sqrt", "np.sin", "np.cos", "np.tanh")
            if fn in elementwise and not matrix(args[0]):
                return getattr(sp, fn[3:])(scalar(args[0], paren=False), evaluate=False)
            if fn == "np.linalg.norm" and not matrix(args[0]):
                return sp.Abs(scalar(args[0], paren=False))
            inner = ", ".join(printer.doprint(a) for a in args)
            name = fn.split(".")[-1]
            key = f"raw{len(raw)}"
            raw[key] = rf"\operatorname{{{name}}}\left({inner}\right)"
            if fn in ("np.sum", "np.linalg.norm") or not is_matrix(args[0]):
                return RawScalar(key)
            return RawMatrix(key, *args[0].shape)  # elementwise functions
        if k == "matmul":
            xs = [conv(x) for x in d.parts]
            if is_matrix(xs[0]) and xs[0].shape[1] == 1 and len(xs) > 1:
                xs[0] = sp.Transpose(xs[0])  # a vector on the left is a row
            return sp.MatMul(*xs, evaluate=False)
        if k == "mul":
            xs = [conv(x) for x in d.parts]
            if matrix(xs[-1]):
                return sp.MatMul(*[scalar(x) for x in xs[:-1]], xs[-1], evaluate=False)
            return sp.Mul(*[scalar(x) for x in xs], evaluate=False)
        if k == "div":
            a, b = conv(d.parts[0]), scalar(conv(d.parts[1]))
            inv_b = sp.Pow(b, -1, evaluate=False)
            if matrix(a):
                return sp.MatMul(inv_b, a, evaluate=False)
            return sp.Mul(scalar(a), inv_b, evaluate=False)
        if k == "pow":
            a = conv(d.parts[0])
            p = sp.nsimplify(d.parts[1])
            if matrix(a):
                return sp.HadamardPower(a, p)
            return sp.Pow(scalar(a), p, evaluate=False)
        if k == "neg":
            x = conv(d.parts[0])
            if matrix(x):
                return sp.MatMul(-1, x, evaluate=False)
            return sp.Mul(-1, scalar(x, paren=False), evaluate=False)
        if k == "add":
            xs = [(neg, conv(x)) for neg, x in d.parts]
            if any(matrix(c) for _, c in xs):
                items = [sp.MatMul(-1, c, evaluate=False) if neg else c for neg, c in xs]
                return sp.MatAdd(*items, evaluate=False)
            items = [scalar(c, paren=False) for _, c in xs]
            items = [sp.Mul(-1, c, evaluate=False) if neg else c for (neg, _), c in zip(xs, items)]
            return sp.Add(*items, evaluate=False)
        if k == "had":
            return sp.HadamardProduct(conv(d.parts[0]), conv(d.parts[1]))
        if k == "raw":  # spelled by the rules table
            node = d.parts[1]
            key = f"raw{len(raw)}"
            raw[key] = r"\texttt{" + d.text.replace("_", r"\_") + "}"
            if node.rank == 0:
                return RawScalar(key)
            cols = dim(node.shape[1]) if node.rank == 2 else 1
            return RawMatrix(key, dim(node.shape[0]), cols)
        return opaque(d.text)

    class Printer(LatexPrinter):
        """sympy's LaTeX, but sums keep their order and signs without re-evaluating
        (sympy would print -(A B)ᵀ as -Bᵀ Aᵀ) and numeric coefficients go unbracketed."""

        def _split(self, term):
            if isinstance(term, (sp.MatMul, sp.Mul)) and term.args and term.args[0] == -1:
                rest = term.args[1:]
                if len(rest) == 1:
                    return True, rest[0]
                cls = sp.MatMul if isinstance(term, sp.MatMul) else sp.Mul
                return True, cls(*rest, evaluate=False)
            return False, term

        def _print_MatAdd(self, expr):
            out = []
            for i, t in enumerate(expr.args):
                neg, body = self._split(t)
                s = self._print(body)
                if isinstance(body, (sp.MatAdd, sp.Add)):
                    s = rf"\left({s}\right)"
                out.append(("- " if neg else "") + s if i == 0 else (" - " if neg else " + ") + s)
            return "".join(out)

        def _print_MatMul(self, expr):
            neg, body = self._split(expr)
            if neg:
                s = self._print(body)
                if isinstance(body, (sp.MatAdd, sp.Add)):
                    s = rf"\left({s}\right)"
                return "- " + s
            parts = []
            for a in expr.args:
                s = self._print(a)
                if isinstance(a, (sp.MatAdd, sp.Add, sp.HadamardProduct)):
                    s = rf"\left({s}\right)"
                parts.append(s)
            return " ".join(parts)

    printer = Printer()
    return printer.doprint(conv(doc))


# ======================================================================================
# The calculator
# ======================================================================================
@dataclass
class Result:
    """What `derive` computed: the two printed lines (and LaTeX), and the inputs' shapes
    (dimension names or sizes, () for a scalar) so that callers can build test arrays."""

    function: str
    derivative: str
    wrt: str
    latex: str | None = None
    shapes: dict[str, tuple] = field(default_factory=dict)
    structs: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"Function: {self.function}", f"Derivative: {self.derivative}"]
        if self.latex is not None:
            out.append(f"LaTeX: {self.latex}")
        return out


def _talk_syntax(expr: str) -> bool:
    """The talk's syntax unless the expression uses `@` or np./numpy. names."""
    return not ("@" in expr or re.search(r"\b(np|numpy)\s*\.", expr))


def derive(
    expr: str,
    wrt: str | None = None,
    shapes: dict[str, str] | list[str] | None = None,
    syntax: str = "auto",
    latex: bool = False,
) -> Result:
    """Differentiate the scalar expression `expr` with respect to `wrt`.

    `shapes` declares inputs ({"x": "n", "A": "m,n", "S": "sym(n,n)", "c": "scalar"} or
    ["x=n", ...]); undeclared names are n-by-n matrices. Raises CalcError or CompileError."""
    decls: dict[str, tuple[tuple, str]] = {}
    if isinstance(shapes, dict):
        texts = [f"{name}={spec}" for name, spec in shapes.items()]
    else:
        texts = list(shapes or [])
    for text in texts:
        name, dims, struct = _parse_shape(text)
        decls[name] = (dims, struct)
    if syntax not in ("auto", "talk", "numpy"):
        raise CalcError(f"unknown syntax {syntax!r}", None, "--syntax auto, talk or numpy")
    talk = _talk_syntax(expr) if syntax == "auto" else syntax == "talk"
    tree = _Parser(expr).parse()
    b = _Builder(decls, talk)
    out = b.value(tree)
    if out.v.rank != 0:
        what = ("a vector", "a matrix")[out.v.rank - 1]
        raise CalcError(
            f"the expression is {what}; the calculator differentiates scalar functions",
            0,
            "wrap it in trace(...), det(...), logdet(...) or sum(...); "
            "undeclared names are n-by-n matrices, declare vectors with --shape x=n",
        )
    names = [p.attr("name") for p in b.params]
    if wrt is None:
        if "X" in names:
            wrt = "X"
        elif len(names) == 1:
            wrt = names[0]
        else:
            raise CalcError(
                "say which input to differentiate with respect to",
                None,
                "--wrt NAME, one of: " + (", ".join(names) or "(no inputs)"),
            )
    if wrt not in names:
        raise CalcError(
            f"--wrt names `{wrt}`, which does not appear in the expression",
            None,
            "inputs of the expression: " + (", ".join(names) or "none"),
        )
    g = b.g
    g.label_dims([p.shape for p in b.params])
    param = b.params[names.index(wrt)]
    grad = autodiff.reverse(g, out.v, [param]).grads[0]
    alg = _Algebra(g)
    printer = _Printer(alg, [param] + [p for p in b.params if p is not param])
    f_doc = printer.sum(alg.of(out.v))
    if grad.op == "zeros" or (grad.is_const(0.0) and param.rank == 0):
        df_doc = (
            d_num(0)
            if param.rank == 0
            else _Doc("zeros", (param.shape,), f"np.zeros_like({wrt})", ATOM)
        )
    else:
        df_doc = printer.sum(alg.of(grad))
    tex = None
    if latex:
        tex = _latex_line(f_doc, df_doc, wrt, g, b.params)
    return Result(
        function=f_doc.text,
        derivative=df_doc.text,
        wrt=wrt,
        latex=tex,
        shapes={p.attr("name"): tuple(g.dim_name(d) for d in p.shape) for p in b.params},
        structs={p.attr("name"): p.struct for p in b.params},
    )


def _latex_line(f_doc: _Doc, df_doc: _Doc, wrt: str, g: Graph, params: list[Value]) -> str:
    try:
        import sympy  # noqa: F401
    except ImportError:
        raise CalcError(
            "--latex needs sympy, which is not installed", None, "pip install sympy"
        ) from None
    f_tex = _latex(f_doc, g, params)
    df_tex = _latex(df_doc, g, params)
    return rf"f = {f_tex}, \quad \frac{{\partial f}}{{\partial {wrt}}} = {df_tex}"


# -- the command line -------------------------------------------------------------------
EPILOG = """examples:
  matgradc expr 'logdet(X)' --wrt X
  matgradc expr 'trace(S*inv(X))' --wrt X --latex
  matgradc expr "x'*A*x" --wrt x --shape x=n
  matgradc expr 'np.trace(A @ X @ B @ X)' --wrt X

syntax: the talk's (* matrix product, .* elementwise, ' transpose, ^ matrix power) unless
the expression uses @ or np. names, then NumPy's (* elementwise). Functions: inv, det,
logdet, trace (tr), transpose, exp, log, sqrt, sum, solve, outer, diag, norm and their np.
spellings; I is the identity. Every undeclared name is an n-by-n matrix.

output: `Function: ...` and `Derivative: ...` (and `LaTeX: ...`). The derivative is NumPy
text: it evaluates with np = numpy, inv = np.linalg.inv, det = np.linalg.det,
logdet = lambda X: np.linalg.slogdet(X)[1], trace = np.trace and the inputs bound to arrays.

exit status: 0 on success, 1 on an error in the expression or the flags, 2 on an internal error.
"""


class _UsageError(Exception):
    pass


class _ArgParser(argparse.ArgumentParser):
    def error(self, message: str):  # exit status 1 and our own format, not argparse's 2
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _ArgParser(
        prog="matgradc expr",
        description="Differentiate a scalar matrix expression; print it and its derivative.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("expr", help="the scalar expression, e.g. 'trace(S*inv(X))'")
    p.add_argument("--wrt", help="the input to differentiate with respect to (default: X)")
    p.add_argument(
        "--shape",
        action="append",
        default=[],
        metavar="NAME=SHAPE",
        help="declare an input: x=n (vector), A=m,n, c=scalar, S=sym(n,n); repeatable, "
        "or several separated by ';'",
    )
    p.add_argument("--latex", action="store_true", help="also print the LaTeX of both")
    p.add_argument(
        "--syntax",
        choices=("auto", "talk", "numpy"),
        default="auto",
        help="how to read `*` (default: numpy if the expression uses @ or np., else talk)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    return p


def _protect(argv: list[str]) -> list[str]:
    """An expression starting with `-` ('-logdet(X)') is not an option."""
    out = []
    for a in argv:
        if a.startswith("-") and not a.startswith("--") and not re.fullmatch(r"-[A-Za-z]?", a):
            a = " " + a
        out.append(a)
    return out


def main(argv: list[str] | None = None) -> int:
    """`matgradc expr ...`: print Function/Derivative (and LaTeX); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        args = parser.parse_args(_protect(argv))
    except _UsageError as e:
        print(f"error: {e}\nhint: {parser.format_usage().strip()}", file=sys.stderr)
        return 1
    except SystemExit as e:  # --help
        return int(e.code or 0)
    expr = args.expr.strip()
    try:
        # `x=n;A=m,n` or `x=n A=m,n`: split at `;` and at spaces before a new `name=`
        split = r";|\s+(?=[A-Za-z_][A-Za-z_0-9]*\s*[=:])"
        decls = [d.strip() for spec in args.shape for d in re.split(split, spec) if d.strip()]
        result = derive(expr, args.wrt, decls, args.syntax, args.latex)
    except CalcError as e:
        print(e.format(expr), file=sys.stderr)
        return 1
    except CompileError as e:  # shape errors from the rules table
        pos = e.loc.col if e.loc is not None else None
        print(CalcError(e.message, pos, e.hint or SHAPE_HINT).format(expr), file=sys.stderr)
        return 1
    except ZeroDivisionError as e:
        print(
            CalcError(f"the expression divides by zero ({e})", None, SYNTAX_HINT).format(),
            file=sys.stderr,
        )
        return 1
    except Exception as e:  # noqa: BLE001 -- a bug in matgradc, not in the expression
        if args.debug:
            import traceback

            traceback.print_exc()
        from . import __version__

        print(
            f"matgradc {__version__}: internal error: {type(e).__name__}: {e}\n"
            "This is a bug in matgradc; please report it with this command "
            "(rerun with --debug for a traceback).",
            file=sys.stderr,
        )
        return 2
    for line in result.lines():
        print(line)
    return 0
