"""The calculator's input: an expression, in the talk's syntax or NumPy's, as a model function
that the compiler's own frontend builds (one parser, one function table, one shape grammar).

The talk's syntax is read by Python's parser after a few spellings are rewritten in place
(`'` → `.T`, `.*` → `*`, `*` → `@`, `^` → `**`), then its products are resolved with the
ranks the frontend reports: `*` scales by a scalar, multiplies matrices, and for vectors is
x'*y (inner), x*y' (outer), x'*A (a row) or A*x (a column).
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import frontend
from ..diagnostics import CompileError, Loc
from ..rules import CALLS

SYNTAX_HINT = (
    "write e.g. 'trace(A*X*B*X)' (the talk: * matrix product, .* elementwise, ' transpose) "
    "or 'np.trace(A @ X @ B @ X)' (NumPy)"
)
SHAPE_HINT = (
    "names are n-by-n matrices unless declared: --shape x=n (vector), --shape A=m,n, "
    "--shape c=scalar, --shape S=spd(n,n), --shape D=diag(n,n)"
)
DEFAULT_SPEC = "n,n"
FN = "expr"
HEADER = "import numpy as np\n\n\ndef {fn}({params}):\n    return "
SHORT = {"tr": "trace", "Tr": "trace"}  # the talk's names NumPy spells otherwise
CONSTANTS = {"pi": "np.pi"}


@dataclass
class Source:
    """The expression as a model function: its source, its parameters (name -> spec, in order
    of first use) and how to map a location in the source back to a column of the expression."""

    text: str
    params: dict[str, str]
    expr: str
    positions: dict[tuple[int, int], int]

    def locate(self, e: CompileError) -> CompileError:
        """The frontend's error, pointing into the expression instead of the generated source."""
        col = self.positions.get((e.loc.line, e.loc.col)) if e.loc else None
        message = re.sub(r" (declared |from )?at \d+:\d+", "", e.message)  # generated lines
        hint = SHAPE_HINT if e.hint and "annotat" in e.hint else e.hint
        out = CompileError(message, Loc(1, col) if col is not None else None, hint)
        return out.located("expr", self.expr)

    def build(self, any_rank: bool = True) -> frontend.Model:
        try:
            return frontend.build(self.text, FN, "expr", any_rank=any_rank)
        except CompileError as e:
            raise self.locate(e) from None


def talk_syntax(expr: str) -> bool:
    """The talk's syntax unless the expression uses `@` or np./numpy. names."""
    return not ("@" in expr or re.search(r"\b(np|numpy)\s*\.", expr))


def error(message: str, col: int | None, hint: str | None = SYNTAX_HINT) -> CompileError:
    return CompileError(message, Loc(1, col) if col is not None else None, hint)


_TALK = re.compile(
    r"(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<op>\.\*|\./|\.\^|\*\*|[*^'/])"
)
_REWRITE = {
    ".*": "* ",
    "./": "/ ",
    ".^": "**",
    "**": "**",
    "*": "@",
    "^": "**",
    "'": ".T",
    "/": "/",
}


def _rewrite(expr: str) -> tuple[str, list[int], dict[int, str]]:
    """The talk's spelling as Python text; `origin[i]` is the column of the expression that
    character i comes from, `marks` the columns (in the new text) of `^` and `/`."""
    out, origin, marks = [], [], {}
    pos = 0
    while pos < len(expr):
        m = _TALK.match(expr, pos)
        if m is None:
            out.append(expr[pos])
            origin.append(pos)
            pos += 1
            continue
        text = m.group() if m.lastgroup == "num" else _REWRITE[m.group()]
        if m.group() in ("^", "/"):
            marks[len(out)] = m.group()
        out.extend(text)
        origin.extend([pos] * len(text))
        pos = m.end()
    origin.append(len(expr))
    return "".join(out), origin, marks


def _parse(text: str, origin: list[int] | None) -> ast.expr:
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as e:
        col = e.offset - 1 if e.offset else len(text)  # no offset: at the end
        col = origin[min(col, len(origin) - 1)] if origin else col
        if not text.strip():
            raise error("the expression is empty", 0) from None
        raise error(f"cannot read the expression: {e.msg}", col) from None
    if origin is not None:  # back to the columns of the expression as written
        for node in ast.walk(tree):
            if hasattr(node, "col_offset"):
                node.col_offset = origin[min(node.col_offset, len(origin) - 1)]
                node.end_col_offset = origin[min(node.end_col_offset, len(origin) - 1)]
    return tree


def _inputs(tree: ast.expr, declared: dict[str, str]) -> list[str]:
    """The names the expression reads, in order of first use (functions and np. excluded)."""
    skip = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    names: dict[str, int] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name) or node.id in names:
            continue
        if node.id in declared:
            names[node.id] = node.col_offset
        elif id(node) in skip or node.id in ("I", "np", "numpy", "scipy") or node.id in CONSTANTS:
            continue
        elif numpy_name(node.id) or node.id == "logdet":
            raise error(f"`{node.id}` is a function", node.col_offset, f"call it: {node.id}(X)")
        else:
            names[node.id] = node.col_offset
    return sorted(names, key=names.get)


def numpy_name(name: str) -> str | None:
    """A bare function name as the frontend's NumPy call: inv -> np.linalg.inv, exp -> np.exp."""
    name = SHORT.get(name, name)
    for module in ("numpy.", "numpy.linalg."):
        if module + name in CALLS:
            return "np." + (module + name)[len("numpy.") :]
    return None


def _call(fn: str, args: list[ast.expr], like: ast.AST) -> ast.Call:
    return ast.copy_location(ast.Call(ast.parse(fn, mode="eval").body, args, []), like)


class _Names(ast.NodeTransformer):
    """Both syntaxes: inv/det/logdet/trace/... and pi spelled as NumPy; I the identity, sized
    by the matrix next to it (I + M, I*M, M*I, also through scalar factors: 2*I + M)."""

    def __init__(self, declared: dict[str, str], rank: Callable[[ast.expr], int | None]):
        self.declared, self.rank = declared, rank

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Name) and f.id not in self.declared:
            if f.id == "logdet":  # log|det X|
                inner = _call("np.linalg.slogdet", node.args, node)
                return ast.copy_location(ast.Subscript(inner, ast.Constant(1)), node)
            if numpy_name(f.id):
                node.func = ast.copy_location(ast.parse(numpy_name(f.id), mode="eval").body, f)
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in CONSTANTS and node.id not in self.declared:
            return ast.copy_location(ast.parse(CONSTANTS[node.id], mode="eval").body, node)
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        product = isinstance(node.op, ast.MatMult)
        for field, other in (("left", node.right), ("right", node.left)):
            side = getattr(node, field)
            if not self.has_identity(side) or self.has_identity(other):
                continue
            r = self.rank(other)
            if r == 2 or (r == 1 and product):
                if product and field == "right" and r == 2:
                    size = ast.Subscript(ast.Attribute(other, "shape"), ast.Constant(1))
                else:
                    size = _call("len", [other], side)
                setattr(node, field, self.size(side, size))
        return node

    def is_identity(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id == "I" and "I" not in self.declared

    def has_identity(self, node: ast.expr) -> bool:
        return any(self.is_identity(n) for n in ast.walk(node))

    def size(self, node: ast.expr, size: ast.expr) -> ast.expr:
        """`node` with every I in it made np.eye(size)."""
        if self.is_identity(node):
            return _call("np.eye", [size], node)
        for parent in ast.walk(node):
            for field, value in ast.iter_fields(parent):
                if isinstance(value, ast.expr) and self.is_identity(value):
                    setattr(parent, field, _call("np.eye", [size], value))
                elif isinstance(value, list):
                    eye = [_call("np.eye", [size], v) if self.is_identity(v) else v for v in value]
                    setattr(parent, field, eye)
        return node

    def check(self, tree: ast.expr) -> None:
        for node in ast.walk(tree):
            if self.is_identity(node):
                raise error(
                    "cannot tell the size of the identity I",
                    node.col_offset,
                    "write I next to a matrix (I + X, I*X), or np.eye(len(X))",
                )


class _Dot(ast.NodeTransformer):
    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.MatMult):
            return _call("np.dot", [node.left, node.right], node)
        return node


@dataclass
class _Talk:
    """Resolves the talk's `*`, `'`, `^` and `/` with the ranks of the operands."""

    rank: Callable[[ast.expr], int | None]
    marks: dict[int, str]
    origin: list[int]

    def __post_init__(self):
        self.rows: set[int] = set()  # the nodes that are vectors written as rows (x', x'*A)

    def row(self, node: ast.expr) -> bool:
        return id(node) in self.rows

    def mark(self, node: ast.BinOp) -> str | None:
        """`^` or `/` between the operands of `node` in the talk's text (else None)."""
        for col, op in self.marks.items():
            at = self.origin[col]
            if node.left.end_col_offset <= at < node.right.col_offset:
                return op
        return None

    def out(self, node: ast.expr, row: bool) -> ast.expr:
        ast.fix_missing_locations(node)
        if row:
            self.rows.add(id(node))
        return node

    def visit(self, node: ast.expr) -> ast.expr:
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.expr):
                setattr(node, field, self.visit(value))
            elif isinstance(value, list):
                setattr(
                    node, field, [self.visit(v) if isinstance(v, ast.expr) else v for v in value]
                )
        if isinstance(node, ast.Attribute) and node.attr == "T":
            r = self.rank(node.value)
            if r is not None and r < 2:  # a vector's transpose is a row (a scalar's itself)
                return self.out(node.value, r == 1 and not self.row(node.value))
            return node
        if isinstance(node, ast.BinOp):
            return self.binop(node)
        if isinstance(node, (ast.UnaryOp, ast.Call)):
            args = [node.operand] if isinstance(node, ast.UnaryOp) else node.args[:1]
            return self.out(node, bool(args) and self.row(args[0]) and self.rank(node) == 1)
        return node

    def binop(self, node: ast.BinOp) -> ast.expr:
        a, b = node.left, node.right
        ra, rb = self.rank(a), self.rank(b)
        col = node.col_offset
        if ra is None or rb is None:
            return node
        row_a, row_b = self.row(a), self.row(b)
        mark = self.mark(node)
        if isinstance(node.op, (ast.Add, ast.Sub)) and ra == rb == 1 and row_a != row_b:
            raise error("adding a row vector and a column vector", col, "transpose one of them")
        if isinstance(node.op, ast.Div) and mark == "/" and rb != 0:
            raise error(
                "matrix right division A / B is not supported",
                col,
                "write A * inv(B), or ./ for elementwise division",
            )
        if isinstance(node.op, ast.Pow) and mark == "^" and ra != 0:
            if ra != 2:
                raise error(
                    "`^` is the matrix power of a square matrix",
                    col,
                    "use .^ for elementwise powers",
                )
            return self.out(_call("np.linalg.matrix_power", [a, b], node), False)
        if not isinstance(node.op, ast.MatMult):
            return self.out(node, (row_a if ra else row_b) and self.rank(node) == 1)
        if ra == 0 or rb == 0:
            node.op = ast.Mult()
            return self.out(node, row_a if ra else row_b)
        if ra == rb == 1:
            if row_a and not row_b:
                return self.out(node, False)
            if not row_a and row_b:
                return self.out(_call("np.outer", [a, b], node), False)
            kind = "row" if row_a else "column"
            raise error(
                f"cannot multiply two {kind} vectors",
                col,
                "x'*y is the inner product, x*y' the outer product",
            )
        if ra == 1 and not row_a:
            raise error(
                "a column vector times a matrix", col, "transpose the vector: x'*A is a row"
            )
        if rb == 1 and row_b:
            raise error("a matrix times a row vector", col, "A*x takes a column vector x (not x')")
        return self.out(node, ra == 1)


def translate(expr: str, declared: dict[str, str], syntax: str = "auto") -> Source:
    """The expression as a model function for the frontend (see the module docstring);
    `declared` maps input names to shape specs (checked by shapes.parse)."""
    if "\n" in expr.strip():
        raise error("the expression must be on one line", None)
    expr = expr.strip()
    if syntax not in ("auto", "talk", "numpy"):
        raise error(f"unknown syntax {syntax!r}", None, "--syntax auto, talk or numpy")
    talk = talk_syntax(expr) if syntax == "auto" else syntax == "talk"
    if talk:
        text, origin, marks = _rewrite(expr)
        tree = _parse(text, origin)
    else:
        origin, marks = list(range(len(expr) + 1)), {}
        tree = _parse(expr, None)
    params = {name: declared.get(name, DEFAULT_SPEC) for name in _inputs(tree, declared)}

    def source(text: str, root: ast.expr | None = None) -> Source:
        spec = ", ".join(f"{n}: {s!r}" for n, s in params.items())
        head = HEADER.format(fn=FN, params=spec)
        positions: dict[tuple[int, int], int] = {}
        if root is not None:  # columns of the generated text -> columns of the expression
            line = head.count("\n") + 1
            start = len(head) - head.rfind("\n") - 1
            gen = ast.parse(text, mode="eval").body
            for g, o in zip(ast.walk(gen), ast.walk(root)):
                if type(g) is not type(o):
                    break
                if hasattr(g, "col_offset"):
                    positions.setdefault((line, g.col_offset + start), o.col_offset)
        return Source(head + text + "\n", params, expr, positions)

    ranks: dict[str, int | None] = {}

    def rank(node: ast.expr) -> int | None:
        """The rank of a part of the expression, as the frontend builds it (None: it does not
        build, and the whole expression will say why); a talk product not yet resolved is
        read as np.dot (scalars scale, matrices multiply)."""
        text = ast.unparse(_Dot().visit(copy.deepcopy(ast.fix_missing_locations(node))))
        if text not in ranks:
            try:
                ranks[text] = source(text).build().out.rank
            except CompileError:
                ranks[text] = None
        return ranks[text]

    names = _Names(declared, rank)
    tree = names.visit(tree)
    names.check(tree)
    if talk:
        tree = _Talk(rank, marks, origin).visit(tree)
    ast.fix_missing_locations(tree)
    return source(ast.unparse(tree), tree)
