"""Frontend: the model's Python source (parsed with `ast`, never run) to SSA matrix IR.

The accepted language is the one of DESIGN.md: straight-line functions of arrays and scalars,
NumPy calls from `CALLS`, operators `@ + - * / **`, `.T`, numeric constants and sizes.
Shapes come from string annotations ("n,n", "spd(n,n)", "n", "scalar"), from outside (--shape,
shapes={...}, --like) or are inferred from use: `infer` reads each parameter's rank constraints
from the AST and orders the typings that satisfy them; the first that the rules' shape checks
accept is built, and a parameter that another rank would fit too gets one warning.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import operator
from dataclasses import dataclass, field

from . import idioms, infer, shapes
from .diagnostics import CompileError, CompileErrors, Loc, ShapeError
from .ir import GENERAL, SPARSE, Graph, Value, reachable
from .rules import BINOPS, CALLS, CONSTANTS, METHODS, SUBSCRIPTS, eigen, short
from .rules.base import const_int
from .rules.spectral import spectral_functions
from .rules.structure import as_array

STATEMENTS_HINT = (
    "supported statements: assignments (x = ..., a, b = ...), `return <scalar>`, docstrings"
)
ANNOTATION_HINT = (
    'annotate shapes as strings: "n,n", "spd(n,n)", "sym(n,n)", "n", "scalar" (or float)'
)
MAX_TYPINGS = 729  # typings tried before giving up (3 ranks for 6 parameters)


@dataclass
class Param:
    name: str
    loc: Loc
    rank: int | None  # None: to be inferred
    dims: tuple[int | str | None, ...] = ()
    struct: str = GENERAL


@dataclass
class Model:
    """A compiled model: its graph, parameters (in signature order) and scalar output."""

    fn: str
    graph: Graph
    params: list[Value]
    param_names: list[str]
    out: Value
    out_name: str | None
    doc: str | None
    warnings: list[str] = field(default_factory=list)
    integers: frozenset[str] = frozenset()  # parameters annotated `int`: no gradient


def _loc(node: ast.AST) -> Loc:
    return Loc(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


def parse(source: str, filename: str = "<model>") -> ast.Module:
    try:
        return ast.parse(source, filename=filename)
    except SyntaxError as e:
        line = (e.text or "").rstrip("\n")
        col = max((e.offset or 1) - 1, 0)  # characters; Loc counts bytes like ast
        raise CompileError(
            f"invalid Python syntax: {e.msg}",
            Loc(e.lineno or 1, len(line[:col].encode("utf-8"))),
            "the model must be valid Python 3; matgradc parses it with `ast` and never runs it",
        ) from None


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


# -- annotations -----------------------------------------------------------------------
COMPLEX_HINT = (
    "matgradc differentiates real models; pass the real and imaginary parts as two real "
    "parameters"
)


def _parse_annotation(node: ast.AST | None, name: str) -> tuple[int | None, tuple, str]:
    if node is None:
        return None, (), GENERAL
    loc = _loc(node)
    if isinstance(node, ast.Name) and node.id in ("float", "int"):
        return 0, (), GENERAL
    if isinstance(node, ast.Name) and node.id == "complex":
        raise CompileError(f"`{name}` is declared complex", loc, COMPLEX_HINT)
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        raise CompileError(f"cannot read the annotation of `{name}`", loc, ANNOTATION_HINT)
    return parse_spec(node.value, name, loc)


def parse_spec(spec: str, name: str, loc: Loc | None = None) -> tuple[int, tuple, str]:
    """A shape in the one grammar of compiler/shapes.py, for annotations, --shape and
    shapes={...}."""
    return shapes.parse(spec, name, loc)


def _params(fn: ast.FunctionDef, shapes: dict[str, str] | None = None) -> list[Param]:
    """The parameters, with their shapes from annotations or from outside (`shapes`: name ->
    spec, from --shape or shapes={...}); the two must agree where both are given."""
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or a.defaults:
        raise CompileError(
            f"`{fn.name}` must take plain positional parameters (no defaults, *args or **kwargs)",
            _loc(fn),
            "constants belong in the body or at module level (EPS = 1e-8)",
        )
    shapes = dict(shapes or {})
    names = [arg.arg for arg in a.args]
    unknown = sorted(set(shapes) - set(names))
    if unknown:
        raise CompileError(
            f"a shape is given for `{unknown[0]}`, which is not a parameter of `{fn.name}`",
            _loc(fn),
            "parameters: " + (", ".join(names) or "none"),
        )
    out = []
    for arg in a.args:
        rank, dims, struct = _parse_annotation(arg.annotation, arg.arg)
        if arg.arg in shapes:
            given = parse_spec(shapes[arg.arg], arg.arg, _loc(arg))
            if rank is not None and given != (rank, dims, struct):
                raise CompileError(
                    f"`{arg.arg}` is annotated {ast.unparse(arg.annotation)} in the model but "
                    f"given the shape {shapes[arg.arg]!r} from outside",
                    _loc(arg),
                    "give each parameter's shape in one place",
                )
            rank, dims, struct = given
        out.append(Param(arg.arg, _loc(arg), rank, dims, struct))
    return out


def like_specs(fn: ast.FunctionDef, example: dict[str, tuple[int, ...]]) -> dict[str, str]:
    """Shape specs from example arrays (--like): each parameter found there gets the example's
    rank, and sizes that coincide get one name (annotated parameters keep their annotation;
    names that are not parameters are ignored)."""
    names = [arg.arg for arg in fn.args.args]
    pool = (n for n in ["n", "m", "k", "p", "q", "r", "s", "u", "v", "w"] if n not in names)
    size_names: dict[int, str] = {}
    out = {}
    for arg in fn.args.args:
        if arg.arg not in example:
            continue
        shape = example[arg.arg]
        if arg.annotation is not None:
            rank = _parse_annotation(arg.annotation, arg.arg)[0]
            if rank != len(shape):
                raise CompileError(
                    f"`{arg.arg}` is annotated {ast.unparse(arg.annotation)} but the example "
                    f"array has shape {tuple(shape)}",
                    _loc(arg),
                    "make the example match the model",
                )
            continue
        dims = []
        for size in shape:
            if size not in size_names:
                size_names[size] = next(pool, None) or f"n{len(size_names) + 1}"
            dims.append(size_names[size])
        out[arg.arg] = ",".join(dims) if dims else "scalar"
    return out


# -- the module context: numpy aliases and constants -------------------------------------
def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted numpy/scipy name, from the module's imports (np is numpy by
    default; scipy only when the model imports it)."""
    names = {"np": "numpy", "numpy": "numpy"}
    libraries = ("numpy", "scipy")
    for node in tree.body:  # a name bound to another module is not numpy: `import m as np`
        if isinstance(node, ast.Import):
            for a in node.names:
                top = a.name.split(".")[0]
                names[a.asname or top] = a.name if a.asname else top
        elif isinstance(node, ast.ImportFrom):
            ours = node.level == 0 and (node.module or "").split(".")[0] in libraries
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
                if not ours:
                    del names[a.asname or a.name]
    return names


def _module_constants(tree: ast.Module, source: str) -> dict[str, tuple[float, str]]:
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            v = node.value
            sign = 1.0
            if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub):
                sign, v = -1.0, v.operand
            if isinstance(v, ast.Constant) and type(v.value) in (int, float):
                out[node.targets[0].id] = (
                    sign * v.value,
                    ast.get_source_segment(source, node.value) or repr(v.value),
                )
    return out


# -- calls: the table is the rules package's (each family binds its NumPy/SciPy names) --
_const_int = const_int


INT_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
}


def _supported_calls() -> str:
    return ", ".join(sorted(short(n) for n in CALLS if n != "numpy.where"))


class _Unknown(Exception):
    """A use of a name whose assignment failed: already reported, so nothing more to say."""


_UNKNOWN = object()
MAX_ERRORS = 10


def _combined(errors: list[CompileError]) -> CompileError:
    return errors[0] if len(errors) == 1 else CompileErrors(errors)


class _Builder:
    """Builds the IR of one function for one typing of its parameters."""

    any_rank = False  # the calculator's expressions may be vectors and matrices

    def __init__(self, tree, fn, source, params: list[Param], ranks: tuple[int, ...]):
        self.g = Graph()
        self.fn = fn
        self.helpers = functions(tree)
        self.inlining: list[str] = [fn.name]  # the helper calls being inlined, for recursion
        self.source = source
        self.imports = _imports(tree)
        self.consts = _module_constants(tree, source)
        self.env: dict[str, Value | tuple] = {}
        self.params: list[Value] = []
        free = iter(ranks)
        for i, p in enumerate(params):
            rank = p.rank if p.rank is not None else next(free)
            dims = p.dims if p.rank is not None else (None,) * rank
            self.g.loc = self.g.at = p.loc
            ids = tuple(
                self.g.new_dim(d, p.loc, f"dimension {k + 1} of `{p.name}`")
                for k, d in enumerate(dims)
            )
            v = self.g.op("param", name=p.name, index=i, dims=ids, struct=p.struct)
            self.g.name(v, p.name)
            self.env[p.name] = v
            self.params.append(v)

    def err(self, msg: str, node: ast.AST, hint: str | None = None) -> CompileError:
        return CompileError(msg, _loc(node), hint)

    # -- statements ---------------------------------------------------------------
    def run(self) -> tuple[Value, str | None]:
        ret = self.body(self.fn)
        return self.ret(ret)

    def body(self, fn: ast.FunctionDef) -> ast.Return:
        """Run a function body's statements; return its final `return` statement.

        An error in one statement does not stop the others: it is recorded, the names that
        statement assigns are marked unknown (so their later uses report nothing more), and
        all errors are raised together at the end (shape errors stop at once: the rank
        search retries them)."""
        body = fn.body
        errors: list[CompileError] = []
        for k, stmt in enumerate(body):
            self.g.loc = self.g.at = _loc(stmt)
            if isinstance(stmt, ast.Return):
                if k != len(body) - 1:
                    errors.append(self.err("`return` must be the last statement", stmt))
                    continue
                if stmt.value is None:
                    errors.append(self.err("`return` needs a value", stmt))
                if errors:
                    raise _combined(errors)
                return stmt
            try:
                self.statement(stmt)
            except ShapeError:
                raise
            except (CompileError, _Unknown) as e:
                if isinstance(e, CompileError):
                    errors.append(e)
                for node in ast.walk(stmt):
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                        self.env[node.id] = _UNKNOWN
                if len(errors) >= MAX_ERRORS:
                    break
        errors.append(self.err(f"`{fn.name}` must end with `return <expression>`", fn))
        raise _combined(errors)

    MAX_UNROLL = 1000

    def loop(self, stmt: ast.For) -> None:
        """`for i in range(K)` with constant bounds: unrolled, i bound to each constant."""
        it = stmt.iter
        if not (
            isinstance(stmt.target, ast.Name)
            and isinstance(it, ast.Call)
            and isinstance(it.func, ast.Name)
            and it.func.id == "range"
            and not it.keywords
            and 1 <= len(it.args) <= 3
            and not stmt.orelse
        ):
            raise self.err(
                "only `for i in range(K)` loops with constant bounds are supported (they are unrolled)",
                stmt,
                STATEMENTS_HINT,
            )
        bounds = [_const_int(self.expr(a)) for a in it.args]
        if any(b is None for b in bounds):
            raise self.err("range() bounds must be integer constants", it, "e.g. for i in range(3)")
        steps = range(*bounds)
        if len(steps) > self.MAX_UNROLL:
            raise self.err(
                f"this loop would unroll to {len(steps)} copies (the limit is {self.MAX_UNROLL})",
                it,
            )
        for i in steps:
            self.env[stmt.target.id] = self.g.const(i, str(i))
            for inner in stmt.body:
                self.g.loc = self.g.at = _loc(inner)
                if isinstance(inner, (ast.Break, ast.Continue, ast.Return)):
                    raise self.err(
                        f"`{type(inner).__name__.lower()}` inside a loop is not supported", inner
                    )
                self.statement(inner)

    def inline(self, fn: ast.FunctionDef, node: ast.Call, args: list) -> Value | tuple:
        """A call to a helper function of the same file: its body is inlined, its values keep
        the helper's own source lines."""
        if fn.name in self.inlining:
            chain = " -> ".join(self.inlining + [fn.name])
            raise self.err(
                f"recursive helper call ({chain})",
                node,
                "helpers are inlined, so they cannot recurse",
            )
        a = fn.args
        if (
            a.vararg
            or a.kwarg
            or a.kwonlyargs
            or a.defaults
            or node.keywords
            or len(args) != len(a.args)
        ):
            raise self.err(
                f"`{fn.name}` takes {len(a.args)} positional argument(s)",
                node,
                "helpers are called with plain positional arguments",
            )
        saved_env, saved_loc = self.env, self.g.loc
        self.env = dict(zip((p.arg for p in a.args), args))
        self.inlining.append(fn.name)
        try:
            ret = self.body(fn)
            self.g.loc = self.g.at = _loc(ret)
            return self.expr(ret.value)
        finally:
            self.inlining.pop()
            self.env, self.g.loc = saved_env, saved_loc

    def statement(self, stmt: ast.stmt) -> None:
        if (
            isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            return  # a docstring or comment string
        if isinstance(stmt, ast.Pass):
            return
        if idioms.in_place(self, stmt):  # X[key] = v, K[np.diag_indices_from(K)] += a, ...
            return
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1:
                raise self.err(
                    "chained assignment (a = b = ...) is not supported", stmt, STATEMENTS_HINT
                )
            self.assign(stmt.targets[0], self.expr(stmt.value))
            return
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.assign(stmt.target, self.expr(stmt.value))
            return
        if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            op = ast.BinOp(left=ast.Name(stmt.target.id, ast.Load()), op=stmt.op, right=stmt.value)
            ast.copy_location(op, stmt)
            ast.copy_location(op.left, stmt.target)
            self.assign(stmt.target, self.expr(op))
            return
        if isinstance(stmt, ast.For):
            self.loop(stmt)
            return
        if isinstance(stmt, ast.Expr):
            raise self.err(
                "an expression whose value is unused is not in the matrix language",
                stmt,
                STATEMENTS_HINT,
            )
        kind = type(stmt).__name__.lower()
        words = {
            "if": "`if`",
            "for": "`for`",
            "while": "`while`",
            "try": "`try`",
            "with": "`with`",
            "import": "`import`",
            "importfrom": "`import`",
            "functiondef": "a nested function",
        }
        raise self.err(
            f"{words.get(kind, f'a {kind} statement')} is not in the matrix language",
            stmt,
            STATEMENTS_HINT,
        )

    def assign(self, target: ast.expr, value: Value | tuple) -> None:
        if isinstance(target, ast.Name):
            if isinstance(value, Value):
                self.g.name(value, target.id)
                if value.op == "dim":  # n, d = X.shape: the docstring says (n, d) too
                    self.g.suggest_label(value.args[0].shape[value.attr("axis")], target.id)
            self.env[target.id] = value  # a tuple is kept whole: unpacked or indexed later
            return
        if isinstance(target, ast.Tuple) and all(isinstance(t, ast.Name) for t in target.elts):
            if not isinstance(value, tuple) or len(value) != len(target.elts):
                raise self.err("this right-hand side cannot be unpacked into these names", target)
            for t, v in zip(target.elts, value):
                self.assign(t, v)
            return
        raise self.err(
            "only assignments to names (x = ...) or tuples of names are supported",
            target,
            STATEMENTS_HINT,
        )

    def ret(self, stmt: ast.Return) -> tuple[Value, str | None]:
        self.g.loc = self.g.at = _loc(stmt)
        out = self.expr(stmt.value)
        if isinstance(out, tuple) or (out.rank != 0 and not self.any_rank):
            what = "a tuple" if isinstance(out, tuple) else ("a vector", "a matrix")[out.rank - 1]
            raise ShapeError(
                f"the function must return a scalar to have a gradient, but it returns {what}",
                _loc(stmt.value),
                "reduce it, e.g. np.sum(...), np.trace(...) or x @ y",
            )
        name = stmt.value.id if isinstance(stmt.value, ast.Name) else None
        return out, name

    # -- expressions --------------------------------------------------------------
    def value(self, node: ast.expr) -> Value:
        v = self.expr(node)
        if isinstance(v, tuple):
            raise self.err("a tuple cannot be used here; unpack or index it first", node)
        if not isinstance(v, Value):
            raise self.err("this value (a factorization) can only be passed to cho_solve", node)
        return v

    def expr(self, node: ast.expr) -> Value | tuple:
        self.g.at = _loc(node)
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            what = {
                "Compare": "a comparison",
                "IfExp": "a conditional expression",
                "Lambda": "`lambda`",
                "ListComp": "a comprehension",
                "GeneratorExp": "a comprehension",
                "DictComp": "a comprehension",
                "SetComp": "a comprehension",
                "BoolOp": "`and`/`or`",
                "List": "a list",
                "Dict": "a dict",
                "JoinedStr": "an f-string",
                "Starred": "`*` unpacking",
                "NamedExpr": "`:=`",
                "Await": "`await`",
                "Yield": "`yield`",
                "Tuple": "a tuple",
                "Set": "a set",
                "Slice": "a slice",
            }.get(type(node).__name__, f"`{type(node).__name__}`")
            raise self.err(
                f"{what} is not in the matrix language",
                node,
                "expressions: NumPy calls, @ + - * / **, unary -, .T, numbers, names",
            )
        out = method(node)
        self.g.at = _loc(node)
        return out

    def expr_Tuple(self, node: ast.Tuple) -> tuple:
        """A tuple of values (a helper returning several, `a, b = x, y`): unpacked or indexed."""
        return tuple(self.expr(e) for e in node.elts)

    def expr_Constant(self, node: ast.Constant) -> Value:

        if type(node.value) not in (int, float):
            raise self.err(
                f"the constant {node.value!r} is not a real number",
                node,
                "use int or float constants",
            )
        return self.g.const(
            node.value, ast.get_source_segment(self.source, node) or repr(node.value)
        )

    def expr_Name(self, node: ast.Name) -> Value | tuple:
        if node.id in self.env:
            if self.env[node.id] is _UNKNOWN:
                raise _Unknown(node.id)
            return self.env[node.id]
        if node.id in self.consts:
            value, text = self.consts[node.id]
            return self.g.const(value, text)
        if node.id in self.imports:
            raise self.err(f"`{node.id}` is a module, not a value", node)
        known = difflib.get_close_matches(node.id, list(self.env), n=1)
        raise self.err(
            f"undefined name `{node.id}`",
            node,
            (
                f"did you mean `{known[0]}`?"
                if known
                else "names must be parameters, earlier assignments or module-level numeric constants"
            ),
        )

    def expr_UnaryOp(self, node: ast.UnaryOp) -> Value:
        x = self.value(node.operand)
        self.g.at = _loc(node)
        if isinstance(node.op, ast.USub):
            return self.g.op("neg", x)
        if isinstance(node.op, ast.UAdd):
            return x
        raise self.err(
            f"the operator `{type(node.op).__name__}` is not in the matrix language",
            node,
            "operators: @ + - * / ** and unary -",
        )

    def expr_BinOp(self, node: ast.BinOp) -> Value:
        op = BINOPS.get(type(node.op).__name__)
        if op is None:
            raise self.err(
                f"the operator `{type(node.op).__name__}` is not in the matrix language",
                node,
                "operators: @ + - * / ** and unary -",
            )
        a, b = self.value(node.left), self.value(node.right)
        self.g.at = _loc(node)
        if op == "pow" and b.rank != 0:
            raise ShapeError(
                "`**` needs a scalar exponent",
                _loc(node.right),
                "use np.exp(b * np.log(a)) for elementwise powers",
            )
        return self.g.op(op, a, b)

    def dotted(self, node: ast.expr) -> str | None:
        """The canonical numpy name of `np.linalg.inv` and the like, or None."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id in self.env or node.id not in self.imports:
            return None
        return ".".join([self.imports[node.id]] + list(reversed(parts)))

    def expr_Attribute(self, node: ast.Attribute) -> Value:
        name = self.dotted(node)
        if name is not None:
            if name in CONSTANTS:
                text, value = CONSTANTS[name]
                return self.g.const(value, text)
            raise self.err(
                f"`{short(name)}` is not a value in the matrix language",
                node,
                "constants: np.pi, np.e",
            )
        x = self.value(node.value)
        self.g.at = _loc(node)
        if node.attr == "T":
            return self.g.op("transpose", x)
        if node.attr in ("real", "imag"):
            return self.g.op(node.attr, x)
        if node.attr == "shape":  # n, d = X.shape; X.shape[-1]
            return tuple(self.g.op("dim", x, axis=k) for k in range(x.rank))
        if node.attr == "ndim":  # known once the rank is: a constant
            return self.g.const(x.rank, str(x.rank))
        if node.attr == "size":
            return self.g.op("size", x)
        raise self.err(
            f"the attribute `.{node.attr}` is not supported",
            node,
            "supported: .T, .real, .imag, .shape, .ndim, .size, x.sum(), x.dot(y)",
        )

    def static_int(self, node: ast.expr) -> int | None:
        """Integer arithmetic on constants, loop variables and module constants, folded here
        (indices such as c[DEGREE - 1 - i])."""
        if isinstance(node, ast.Constant):
            return node.value if type(node.value) is int else None
        if isinstance(node, ast.Name):
            v = self.env.get(node.id)
            if v is None and node.id in self.consts:
                value = self.consts[node.id][0]
                return int(value) if float(value).is_integer() else None
            return _const_int(v) if isinstance(v, Value) else None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.static_int(node.operand)
            return None if v is None else -v
        if isinstance(node, ast.BinOp) and type(node.op) in INT_OPS:
            a, b = self.static_int(node.left), self.static_int(node.right)
            if a is None or b is None or (isinstance(node.op, ast.FloorDiv) and b == 0):
                return None
            return INT_OPS[type(node.op)](a, b)
        return None

    def const_int(self, node: ast.expr, what: str) -> int:
        folded = self.static_int(node)
        if folded is not None:
            return folded
        v = _const_int(self.expr(node))

        if v is None:
            raise self.err(
                f"{what} must be an integer constant (or a loop variable)",
                node,
                "indices and slices are constants: X[0], X[:, :3], x[-1], X[i] in `for i in range(3)`",
            )

        return v

    def key(self, index: ast.expr) -> tuple:
        """A subscript of constants as ("i", k) / ("s", start, stop, step) / ("n",) entries."""
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        key = []
        for part in parts:
            if (
                isinstance(part, ast.Constant)
                and part.value is None
                or (isinstance(part, ast.Attribute) and self.dotted(part) == "numpy.newaxis")
            ):
                key.append(("n",))
            elif isinstance(part, ast.Slice):
                bounds = [
                    None if b is None else self.const_int(b, "a slice bound")
                    for b in (part.lower, part.upper, part.step)
                ]
                if bounds[2] == 0:
                    raise self.err("a slice step cannot be zero", part)
                key.append(("s", *bounds))
            elif isinstance(part, ast.Constant) and part.value is Ellipsis:
                raise self.err("`...` in an index is not supported", part, "spell out each axis")
            else:
                key.append(("i", self.const_int(part, "an index")))
        return tuple(key)

    def expr_Subscript(self, node: ast.Subscript) -> Value:
        index = node.slice
        if isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
            x = self.value(node.value.value)
            axis = self.const_int(index, "the index of X.shape")
            self.g.at = _loc(node)
            return self.g.op(
                "dim", x, axis=axis % x.rank if x.rank and -x.rank <= axis < 0 else axis
            )
        if self.dotted(node.value) in SUBSCRIPTS:  # np.r_[x, 1:4]: a call in disguise
            parts = index.elts if isinstance(index, ast.Tuple) else [index]
            bound = lambda e: None if e is None else self.const_int(e, "a slice bound")
            items = [
                tuple(map(bound, (p.lower, p.upper, p.step)))
                if isinstance(p, ast.Slice)
                else self.argument(p)
                for p in parts
            ]
            self.g.at = _loc(node)
            return SUBSCRIPTS[self.dotted(node.value)](self, node, items)
        base = self.expr(node.value)
        if isinstance(base, tuple):
            k = self.const_int(index, "a tuple index")
            if -len(base) <= k < len(base):
                return base[k]
            raise self.err(f"index a {len(base)}-tuple with a constant 0..{len(base) - 1}", index)
        if not isinstance(base, Value):
            raise self.err("this value cannot be indexed", node)
        key = self.key(index)
        self.g.at = _loc(node)
        if sum(e[0] != "n" for e in key) > base.rank:
            raise ShapeError(
                f"too many indices for {('a scalar', 'a vector', 'a matrix')[min(base.rank, 2)]}",
                _loc(node),
            )
        return self.g.op("index", base, key=key)

    def argument(self, node: ast.expr):
        """A call argument: an array expression, a literal option (a string such as 'nuc', a
        bool), or a tuple of them (a shape, the `(L, True)` of cho_solve)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bool)):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):  # a list of arrays: np.stack([a, b])
            return tuple(self.argument(e) for e in node.elts)
        return self.expr(node)

    def option(self, node: ast.expr):
        """A keyword option: a Python literal (axis=(0, 1), keepdims=True, lower=True)."""
        try:
            return ast.literal_eval(node)
        except ValueError:
            v = self.expr(node)
            const = _const_int(v)
            if const is None and isinstance(v, Value) and v.is_const():
                return v.attr("value")  # ord=np.inf
            if const is None:
                raise self.err("keyword options must be constants", node) from None
            return const

    def expr_Call(self, node: ast.Call) -> Value | tuple:
        func = node.func
        if isinstance(func, ast.Name) and func.id == "len" and func.id not in self.env:
            if len(node.args) != 1 or node.keywords:
                raise self.err("len takes one argument", node)
            x = self.value(node.args[0])
            self.g.at = _loc(node)
            if x.rank == 0:
                raise ShapeError("len() of a scalar", _loc(node))
            return self.g.op("dim", x, axis=0)
        if isinstance(func, ast.Name) and func.id in self.helpers and func.id not in self.env:
            return self.inline(self.helpers[func.id], node, [self.expr(a) for a in node.args])
        name = self.dotted(func)
        args: list = []
        if name is None and isinstance(func, ast.Attribute) and func.attr in METHODS:
            name = METHODS[func.attr]
            args.append(self.value(func.value))
        if name is None:
            callee = ast.unparse(func)
            raise self.err(
                f"`{callee}(...)` is not in the matrix language",
                node,
                "supported calls: " + _supported_calls(),
            )
        handler = CALLS.get(name)
        if handler is None:
            near = difflib.get_close_matches(name, list(CALLS), n=1, cutoff=0.8)
            hint = (
                (f"did you mean {short(near[0])}? " if near else "")
                + "supported: "
                + _supported_calls()
            )
            raise self.err(f"{short(name)} is not in the matrix language", node, hint)
        args += [self.argument(a) for a in node.args]
        kwargs = {}
        for kw in node.keywords:
            if kw.arg is None:
                raise self.err("`**` arguments are not supported", kw.value)
            # array keywords: np.average's weights=, eigh's b=, eigsh's M=
            array = kw.arg == "weights" or kw.arg in eigen.ARRAY_KEYWORDS
            kwargs[kw.arg] = self.value(kw.value) if array else self.option(kw.value)
        self.g.at = _loc(node)
        try:
            bound = inspect.signature(handler).bind(self, node, *args, **kwargs)
        except TypeError as e:
            raise self.err(
                f"{short(name)} called with unsupported arguments ({e})",
                node,
                "arrays are positional; supported options are axis=, keepdims=, ord, lower=, compute_uv=",
            ) from None
        # an array argument given as a tuple or list of values is that array, as in NumPy:
        # np.mean((x, y)) is np.mean(np.array([x, y]))
        if isinstance(bound.arguments.get("x"), tuple):
            bound.arguments["x"] = as_array(self, node, bound.arguments["x"])
        if "args" in bound.arguments and "x" not in bound.arguments:
            bound.arguments["args"] = tuple(
                as_array(self, node, a) if isinstance(a, tuple) else a
                for a in bound.arguments["args"]
            )
        return handler(*bound.args, **bound.kwargs)


def build(
    source: str,
    fn_name: str,
    filename: str = "<model>",
    shapes: dict[str, str] | None = None,
    like: dict[str, tuple[int, ...]] | None = None,
    any_rank: bool = False,
) -> Model:
    """Parse `source` and build the IR of the function `fn_name` (returning a scalar, or
    anything when `any_rank`: the calculator).

    Shapes come from annotations, from `shapes` (name -> spec in the annotation grammar) and
    from `like` (name -> an example array's shape); the rest are inferred from use: the
    typings `infer` proposes are tried in order and the first that checks wins; a parameter
    for which another rank would check too gets one warning."""
    tree = parse(source, filename)
    fns = functions(tree)
    if fn_name not in fns:
        names = ", ".join(sorted(fns)) or "none"
        raise CompileError(
            f"no function `{fn_name}` in {filename}", None, f"functions defined there: {names}"
        )
    fn = fns[fn_name]
    if fn.decorator_list:
        raise CompileError(
            f"`{fn_name}` has a decorator, which could change what it computes",
            _loc(fn.decorator_list[0]),
            "remove the decorator from the model function",
        )
    if like:
        shapes = {**like_specs(fn, like), **(shapes or {})}
    params = _params(fn, shapes)
    free = [p for p in params if p.rank is None]
    fixed = {p.name: p.rank for p in params if p.rank is not None}
    uses = infer.collect(fn, [p.name for p in free], _imports(tree), functions(tree), fixed)
    choices = [uses[p.name].ranks(p.name[:1].isupper()) for p in free]
    for p, c in zip(free, choices):
        if not c:
            raise ShapeError(
                f"`{p.name}` is used as an array of {uses[p.name].exact} dimensions at line "
                f"{uses[p.name].first}; matgradc supports scalars, vectors and matrices",
                p.loc,
            )

    def attempt(ranks: tuple[int, ...]):
        b = _Builder(tree, fn, source, params, ranks)
        b.any_rank = any_rank
        out, out_name = b.run()
        return b, out, out_name

    first_error: ShapeError | None = None
    found = None
    for ranks in infer.typings(choices, MAX_TYPINGS):
        try:
            found = (ranks, *attempt(ranks))
            break
        except ShapeError as e:
            first_error = first_error or e
    if found is None:
        raise first_error  # type: ignore[misc]
    ranks, b, out, out_name = found
    eigen.check_sparse(reachable([out]))  # scipy.sparse values keep NumPy's meaning
    out = spectral_functions(b.g, [out])[0][0]  # V diag(h(w)) Vᵀ: defined at repeated w
    b.g.label_dims([p.shape for p in b.params])
    warnings = []
    by_name = dict(zip((p.name for p in params), b.params))
    for i, p in enumerate(free):
        fits = []
        for r in choices[i]:
            if r == ranks[i]:
                continue
            try:
                attempt(ranks[:i] + (r,) + ranks[i + 1 :])
            except ShapeError:
                continue
            except CompileError:
                continue
            fits.append(RANK_NAMES[r])
        if fits and ranks[i] != (2 if p.name[:1].isupper() else 1):
            line = uses[p.name].line or p.loc.line
            v = by_name[p.name]
            spec = ",".join(str(b.g.dim_name(d)) for d in v.shape) or "scalar"
            warnings.append(
                f"the shape of `{p.name}` is ambiguous: assuming "
                f"{_shape_text(b.g, by_name[p.name])}, but {' or '.join(fits)} would fit its use "
                f"at line {line} too; annotate it (e.g. {p.name}: \"{spec}\") or pass "
                f"--shape {p.name}={spec}"
            )
    doc = ast.get_docstring(fn)
    integers = frozenset(
        a.arg
        for a in fn.args.args
        if isinstance(a.annotation, ast.Name) and a.annotation.id == "int"
    ) | frozenset(p.name for p in params if p.struct == SPARSE)
    names = [p.name for p in params]
    return Model(fn_name, b.g, b.params, names, out, out_name, doc, warnings, integers)


RANK_NAMES = ("a scalar", "a vector", "a matrix")


def _shape_text(g: Graph, v: Value) -> str:
    if v.rank == 0:
        return "a scalar"
    dims = ", ".join(str(g.dim_name(d)) for d in v.shape)
    return f"{RANK_NAMES[v.rank]} ({dims}{',' if v.rank == 1 else ''})"
