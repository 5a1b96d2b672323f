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
import itertools
import operator
from dataclasses import dataclass, field

from . import constfold, idioms, infer, loops, paths
from .annotations import Param, like_specs, parameters
from .bindings import (
    functions,
    imports_of,
    module_constants,
    number,
    parse,
    segment,
    source_lines,
    supported_calls,
)
from .bindings import loc as _loc
from .build import Builder
from .diagnostics import CompileError, CompileErrors, ShapeError
from .ir import SPARSE, Graph, Value, reachable
from .rules import BINOPS, CALLS, CONSTANTS, METHODS, RULES, SUBSCRIPTS, eigen, short
from .rules.base import const_int
from .rules.spectral import spectral_functions
from .rules.structure import as_array

STATEMENTS_HINT = (
    "supported statements: assignments (x = ..., a, b = ...), `return <scalar>`, docstrings"
)
MAX_TYPINGS = 729  # typings tried before giving up (3 ranks for 6 parameters)


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one model may ask of the compiler. Exceeding one is a clear error
    at the place that exceeds it, naming the limit and the command-line flag that raises it;
    each is checked before the work it bounds is done, so a refusal is quick."""

    statements: int = 5_000  # statements run on one path, loops unrolled and helpers inlined
    unroll: int = 1_000  # copies of one loop body
    inline: int = 32  # helper calls inlined inside each other
    expr_depth: int = 100  # nesting of one expression (a chain a + b + c + ... is flat)


FLAGS = {
    "statements": "--max-statements",
    "unroll": "--max-unroll",
    "inline": "--max-inline",
    "expr_depth": "--max-expr-depth",
}


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
    defaults: dict[str, str] = field(default_factory=dict)  # name -> default (Python text)
    kwonly: tuple[str, ...] = ()  # keyword-only parameters (after `*`), in order
    tree: object = None  # paths.Branch when run-time branches split the function, else None

    def signature(self, names: list[str]) -> str:
        """The parameter list `w, X, alpha=1.0, *, beta=2.0` with these (codegen's) names."""
        parts = []
        for name, own in zip(names, self.param_names):
            if own in self.kwonly and own == self.kwonly[0]:
                parts.append("*")
            default = self.defaults.get(own)
            parts.append(name if default is None else f"{name}={default}")
        return ", ".join(parts)

    def call(self, names: list[str]) -> str:
        """Arguments passing these names on: keyword-only parameters by keyword."""
        return ", ".join(
            f"{name}={name}" if own in self.kwonly else name
            for name, own in zip(names, self.param_names)
        )


def _range_length(start: int, stop: int, step: int) -> int:
    """len(range(start, stop, step)) for any size (len() overflows past sys.maxsize)."""
    if step > 0:
        return max(0, (stop - start + step - 1) // step)
    return max(0, (start - stop - step - 1) // -step)


# -- calls: the table is the rules package's (each family binds its NumPy/SciPy names) --
_const_int = const_int


INT_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Pow: operator.pow,
}


class _Unknown(Exception):
    """A use of a name whose assignment failed: already reported, so nothing more to say."""


_UNKNOWN = object()
MAX_ERRORS = 10


class _Fork(Exception):
    """A run-time condition that this path has not decided yet: the path splits here."""

    def __init__(self, cond: Value, sense: bool, node: ast.expr):
        super().__init__()
        self.cond, self.sense, self.node = cond, sense, node


class _Raised(Exception):
    """The path ends in `raise` or a failed `assert`."""

    def __init__(self, leaf: paths.Leaf):
        super().__init__()
        self.leaf = leaf


COMPARISONS = {
    ast.Lt: "less",
    ast.Gt: "greater",
    ast.LtE: "less_equal",
    ast.GtE: "greater_equal",
    ast.Eq: "equal",
    ast.NotEq: "not_equal",
}


def _static_size(g: Graph, d: int) -> int | None:
    """A dimension's size when it is known while compiling (declared as a number)."""
    fixed = g.dim_info(d).fixed
    return fixed if isinstance(fixed, int) else None


def _combined(errors: list[CompileError]) -> CompileError:
    return errors[0] if len(errors) == 1 else CompileErrors(errors)


class _Builder:
    """Builds the IR of one function for one typing of its parameters."""

    any_rank = False  # the calculator's expressions may be vectors and matrices

    def __init__(
        self,
        tree,
        fn,
        source,
        params: list[Param],
        ranks: tuple[int, ...],
        limits: Limits | None = None,
    ):
        self.g = Builder()
        self.fn = fn
        self.limits = limits or Limits()
        self.count = 0  # statements run on this path so far (unrolled, inlined)
        self.depth = 0  # nesting of the expression being built
        self.helpers = functions(tree)
        self.inlining: list[str] = [fn.name]  # the helper calls being inlined, for recursion
        self.source = source
        self.lines = source_lines(source)
        self.imports = imports_of(tree)
        self.consts = module_constants(tree, source)
        self.math = constfold.math_names(tree)
        self.env: dict[str, Value | tuple] = {}
        # name -> which array it holds, as NumPy would see it: `B = A`, `B = A.T`, `B = A[0]`
        # share A's array (hash-consing cannot tell: two np.zeros((3,)) are one Value)
        self.arrays: dict[str, int] = {}
        self.array_ids = itertools.count(1)  # 0 marks a helper's argument (`unshared`)
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
        self.start = dict(self.env)
        self.decisions: list[bool] = []  # the run-time decisions of the path being built
        self.trail: list[tuple[Value, bool]] = []
        self.decided: dict[int, bool] = {}
        self.tree: paths.Leaf | paths.Branch | None = None
        self.static_only: ast.While | None = None  # deciding a `while` condition
        self.in_loop: loops.Context | None = None  # the run-time loop whose body is being built
        self.int_names = {p.name for p in params if p.flag} | {
            a.arg
            for a in fn.args.args + fn.args.kwonlyargs
            if isinstance(a.annotation, ast.Name) and a.annotation.id == "int"
        }

    def err(self, msg: str, node: ast.AST, hint: str | None = None) -> CompileError:
        return CompileError(msg, _loc(node), hint)

    def no_operator(self, node: ast.UnaryOp | ast.BinOp) -> CompileError:
        """An operator outside the matrix language (`~x`, `a // b`)."""
        return self.err(
            f"the operator `{type(node.op).__name__}` is not in the matrix language",
            node,
            "operators: @ + - * / ** and unary -",
        )

    def over(self, limit: str, msg: str, node: ast.AST, hint: str | None = None) -> CompileError:
        """A limit of `Limits` exceeded: the message names the limit and its flag."""
        value = getattr(self.limits, limit)
        return CompileError(
            f"{msg} (the limit is {value}; raise it with {FLAGS[limit]} N)", _loc(node), hint
        )

    def trips(self, stmt: ast.For) -> int | None:
        """The trip count of `for i in range(...)` when its bounds are constants, else None
        (without building anything: a huge range costs nothing to measure)."""
        it = stmt.iter
        if not (
            isinstance(it, ast.Call)
            and isinstance(it.func, ast.Name)
            and it.func.id == "range"
            and 1 <= len(it.args) <= 3
        ):
            return None
        bounds = [self.static_int(a) for a in it.args]
        if any(b is None for b in bounds) or (len(bounds) == 3 and bounds[2] == 0):
            return None
        start, stop, step = (0, bounds[0], 1) if len(bounds) == 1 else (*bounds, 1)[:3]
        return _range_length(start, stop, step)

    def size(self, stmts: list[ast.stmt]) -> int:
        """How many statements running `stmts` takes, loops unrolled (helpers not counted:
        their statements are counted as they are inlined)."""
        total = 0
        for st in stmts:
            total += 1
            if isinstance(st, ast.For):
                trips = self.trips(st)
                total += (1 if trips is None else trips) * self.size(st.body)
        return total

    def check(self, n: int, node: ast.AST) -> None:
        """Refuse when n more statements would exceed the statement limit."""
        if self.count + n > self.limits.statements:
            where = " inlining helpers" if len(self.inlining) > 1 else ""
            raise self.over(
                "statements",
                f"`{self.fn.name}` runs more than {self.limits.statements} statements once loops "
                f"are unrolled and helpers inlined{where}",
                node,
                "a model this large would take minutes to compile: split it, or loop less",
            )

    # -- statements ---------------------------------------------------------------
    def run(self) -> tuple[Value, str | None]:
        """Build every path through the function's run-time branches (`self.tree`); return
        the value of the first path that returns."""
        count = [0]

        def explore(decisions: list[bool]):
            try:
                return self.path(decisions)
            except _Fork as fork:
                count[0] += 1
                if count[0] >= paths.MAX_PATHS:
                    raise self.err(
                        f"more than {paths.MAX_PATHS} paths through run-time branches",
                        fork.node,
                        "each path is compiled on its own; fewer run-time `if`s in sequence, "
                        "or np.maximum/np.abs for piecewise expressions",
                    ) from None
                then = explore(decisions + [fork.sense])
                orelse = explore(decisions + [not fork.sense])
                return paths.Branch(fork.cond, fork.sense, then, orelse, _loc(fork.node))

        self.tree = explore([])
        returned = paths.returning(self.tree)
        if not returned:
            raise self.err(
                f"`{self.fn.name}` raises on every path",
                self.fn,
                "a model must return a scalar on at least one path",
            )
        return returned[0].out, returned[0].out_name

    def path(self, decisions: list[bool]) -> paths.Leaf:
        """Build the function once more along these decisions (a shared graph: what the paths
        have in common is the same values); _Fork at the first undecided condition."""
        self.env = dict(self.start)
        self.inlining = [self.fn.name]
        self.count = 0  # each path is bounded on its own (paths.MAX_PATHS bounds their number)
        self.decisions, self.trail, self.decided = decisions, [], {}
        try:
            ret = self.body(self.fn)
        except _Raised as r:
            return r.leaf
        out, name = self.ret(ret)
        return paths.Leaf(out, name, None, _loc(ret))

    def body(self, fn: ast.FunctionDef) -> ast.Return:
        """Run a function body's statements; return the `return` statement reached.

        An error in one statement does not stop the others: it is recorded, the names that
        statement assigns are marked unknown (so their later uses report nothing more), and
        all errors are raised together at the end (shape errors stop at once: the rank
        search retries them)."""
        errors: list[CompileError] = []
        ret = self.block(fn.body, errors)
        if ret is None:
            errors.append(self.err(f"`{fn.name}` must end with `return <expression>`", fn))
        if errors:
            raise _combined(errors)
        return ret

    def block(self, body: list[ast.stmt], errors: list[CompileError]) -> ast.Return | None:
        """Run statements until a `return` is reached (returned) or the block ends (None)."""
        for k, stmt in enumerate(body):
            self.g.loc = self.g.at = _loc(stmt)
            if isinstance(stmt, ast.Return):
                if k != len(body) - 1:
                    errors.append(
                        self.err("`return` must be the last statement of its block", body[k + 1])
                    )
                if stmt.value is None:
                    errors.append(self.err("`return` needs a value", stmt))
                return stmt
            try:
                ret = self.control(stmt, errors)
                if ret is not None:
                    return ret
            except ShapeError:
                raise
            except (CompileError, _Unknown) as e:
                if isinstance(e, CompileError):
                    errors.append(e)
                for node in ast.walk(stmt):
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                        self.env[node.id] = _UNKNOWN
                if len(errors) >= MAX_ERRORS:
                    raise _combined(errors) from None
        return None

    # -- control flow: compile-time decisions and run-time paths ------------------------
    def control(self, stmt: ast.stmt, errors: list[CompileError]) -> ast.Return | None:
        """`if`, `raise` and `assert`; every other statement goes to `statement`."""
        if isinstance(stmt, ast.If):
            taken = stmt.body if self.decide(stmt.test) else stmt.orelse
            return self.block(taken, errors)
        if isinstance(stmt, ast.While):
            return self.repeat(stmt)
        if isinstance(stmt, ast.Raise):
            raise _Raised(self.raised(stmt))
        if isinstance(stmt, ast.Assert):
            if not self.decide(stmt.test):
                message = None
                if stmt.msg is not None:
                    message = self.message(stmt.msg)
                raise _Raised(paths.Leaf(None, None, ("AssertionError", message), _loc(stmt)))
            return None
        self.statement(stmt)
        return None

    def message(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        raise self.err(
            "the message of `raise`/`assert` must be a string literal",
            node,
            'e.g. raise ValueError("X must be positive definite")',
        )

    def raised(self, stmt: ast.Raise) -> paths.Leaf:
        exc = stmt.exc
        call = exc if isinstance(exc, ast.Call) else None
        func = call.func if call is not None else exc
        name = None if func is None else ast.unparse(func)
        dotted = self.dotted(func) if isinstance(func, ast.Attribute) else None
        if dotted == "numpy.linalg.LinAlgError":
            name = "np.linalg.LinAlgError"
        if name not in paths.EXCEPTIONS or (name in self.env) or stmt.cause is not None:
            raise self.err(
                'only `raise <Exception>("message")` of a built-in exception is supported',
                stmt,
                "exceptions: " + ", ".join(paths.EXCEPTIONS),
            )
        message = None
        if call is not None:
            if call.keywords or len(call.args) > 1:
                raise self.err("an exception takes one message", call)
            if call.args:
                message = self.message(call.args[0])
        return paths.Leaf(None, None, (name, message), _loc(stmt))

    def decide(self, node: ast.expr, sense: bool = True) -> bool:
        """Whether the condition holds on this path: folded when it is a compile-time fact,
        else a run-time decision (a fork of the path). `and`/`or` short-circuit as in Python;
        `sense` is how the model states it (`not` flips it), so the code reads the same."""
        self.g.at = _loc(node)
        if isinstance(node, ast.BoolOp):
            stop = isinstance(node.op, ast.Or)  # `or` stops at the first true operand
            for operand in node.values:
                if self.decide(operand, sense) == stop:
                    return stop
            return not stop
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return not self.decide(node.operand, not sense)
        if isinstance(node, ast.Compare):
            for op in node.ops:
                if type(op) not in COMPARISONS:
                    raise self.err(
                        f"the comparison `{type(op).__name__}` is not supported",
                        node,
                        "comparisons: < <= > >= == != of numbers",
                    )
            left = self.value(node.left)
            for op, right_node in zip(node.ops, node.comparators):
                right = self.value(right_node)
                self.g.at = _loc(node)
                if not self.truth(self.compare(op, left, right, node), node, sense):
                    return False
                left = right
            return True
        return self.truth(self.value(node), node, sense)

    def compare(self, op: ast.cmpop, a: Value, b: Value, node: ast.expr) -> Value:
        name = COMPARISONS.get(type(op))
        if name is None:
            raise self.err(
                f"the comparison `{type(op).__name__}` is not supported",
                node,
                "comparisons: < <= > >= == !=",
            )
        return self.g.op(name, a, b)

    def truth(self, v: Value, node: ast.expr, sense: bool) -> bool:
        if v.rank != 0:  # a shape error: the rank search tries the next typing
            raise ShapeError(
                "a condition must be a scalar (the truth of an array is ambiguous)",
                _loc(node),
                "reduce it first, e.g. np.min(x) > 0 or np.sum(x) > 0",
            )
        if v.is_const():
            return v.attr("value") != 0
        if self.static_only is not None:
            raise loops.RunTime()  # a `while` on run-time data: a run-time loop
        if self.in_loop is not None:
            raise self.err(
                "a condition on run-time data inside a loop with a run-time trip count is not "
                "supported",
                node,
                "use np.where(cond, a, b) or np.maximum/np.abs inside the loop",
            )
        if v.id in self.decided:
            return self.decided[v.id]
        k = len(self.trail)
        if k == len(self.decisions):
            raise _Fork(v, sense, node)
        taken = self.decisions[k]
        self.trail.append((v, taken))
        self.decided[v.id] = taken
        return taken

    def loop(self, stmt: ast.For) -> None:
        """`for` loops whose trip count is known while compiling are unrolled: `range` of
        constants or sizes declared as numbers, `for row in X`, `enumerate(X)`, `zip(X, Y)`
        over arrays whose first size is declared as a number. Loops whose trip count is
        known only at run time are kept as loops (compiler/loops.py)."""
        if stmt.orelse:
            raise self.err("`for ... else` is not supported", stmt.orelse[0], STATEMENTS_HINT)
        try:
            steps = self.iterations(stmt.iter)
        except loops.RunTime as why:  # known only at run time, or above --max-unroll: a loop
            try:
                loops.build_for(self, stmt)
            except CompileError as e:
                if not why.args:
                    raise
                raise self.over(  # above --max-unroll, and the body cannot run as a loop
                    "unroll",
                    f"this loop would unroll to {why.args[0]} copies",
                    stmt.iter,
                    f"it cannot stay a loop either: line {e.loc.line if e.loc else '?'}: "
                    f"{e.message}",
                ) from None
            return
        self.check(len(steps) * self.size(stmt.body), stmt)  # before anything is built
        for value in steps:
            self.g.loc = self.g.at = _loc(stmt)
            self.assign(stmt.target, value)
            self.unrolled(stmt.body)

    def unrolled(self, body: list[ast.stmt]) -> None:
        """One copy of a loop body."""
        for inner in body:
            self.g.loc = self.g.at = _loc(inner)
            if isinstance(inner, (ast.Break, ast.Continue, ast.Return)):
                raise self.err(
                    f"`{type(inner).__name__.lower()}` inside a loop is not supported", inner
                )
            inner_errors: list[CompileError] = []
            if self.control(inner, inner_errors) is not None:
                raise self.err("`return` inside a loop is not supported", inner)
            if inner_errors:
                raise _combined(inner_errors)

    def iterations(self, it: ast.expr) -> list:
        """The value bound to the loop target at each iteration."""
        call = it.func.id if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) else None
        if call is not None and call in self.env:
            call = None
        if call == "range" and not it.keywords and 1 <= len(it.args) <= 3:
            bounds = [self.trip(a, it) for a in it.args]
            if len(bounds) == 3 and bounds[2] == 0:
                raise self.err("range() step must not be zero", it.args[2])
            start, stop, step = (0, bounds[0], 1) if len(bounds) == 1 else (*bounds, 1)[:3]
            self.unrollable(_range_length(start, stop, step), it)
            return [self.g.const(i, str(i)) for i in range(start, stop, step)]
        if call == "enumerate" and len(it.args) == 1 and not it.keywords:
            rows = self.iterations(it.args[0])
            return [(self.g.const(i, str(i)), row) for i, row in enumerate(rows)]
        if call == "zip" and it.args and not it.keywords:
            columns = [self.iterations(a) for a in it.args]
            return list(zip(*columns))  # stops at the shortest, as zip does
        if call is None and not isinstance(it, ast.Call):
            x = self.value(it)
            if x.rank == 0:
                raise self.err("cannot iterate over a scalar", it)
            count = _static_size(self.g, x.shape[0])
            if count is None:
                raise loops.RunTime()  # kept as a loop (compiler/loops.py)
            self.unrollable(count, it)
            return [self.g.op("index", x, key=(("i", k),)) for k in range(count)]
        raise self.err(
            "supported loops: for i in range(...), for row in X, enumerate(X), zip(X, Y)",
            it,
            STATEMENTS_HINT,
        )

    def unrollable(self, trips: int, it: ast.expr) -> None:
        """A loop of more copies than --max-unroll stays a loop (compiler/loops.py) when it
        is not inside a run-time loop; else it is refused, before any copy is built."""
        if trips > self.limits.unroll and self.in_loop is None:
            raise loops.RunTime(trips)
        if trips > self.limits.unroll:
            raise self.over("unroll", f"this loop would unroll to {trips} copies", it)

    def trip(self, node: ast.expr, where: ast.expr) -> int:
        """A range() bound: an integer known while compiling, else a clear error."""
        folded = self.static_int(node)
        if folded is not None:
            return folded
        v = self.value(node)
        const = _const_int(v)
        if const is None and v.op == "dim":
            const = _static_size(self.g, v.args[0].shape[v.attr("axis")])
        if const is not None:
            return const
        if self.depends_on_data(v):
            raise self.err(
                f"the trip count `{ast.unparse(node)}` depends on a value being differentiated",
                node,
                "a loop's trip count must not depend on the differentiated parameters; "
                "use a constant, a size (X.shape[0]) or an int parameter",
            )
        raise loops.RunTime()  # kept as a loop (compiler/loops.py)

    def depends_on_data(self, v: Value) -> bool:
        """v is computed from a real-valued parameter's entries (not only from sizes or int
        parameters)."""
        stack, seen = [v], set()
        while stack:
            u = stack.pop()
            if u.id in seen or u.op == "dim":
                continue
            seen.add(u.id)
            if u.is_param and u.attr("name") not in self.int_names:
                return True
            stack.extend(u.args)
        return False

    def repeat(self, stmt: ast.While) -> ast.Return | None:
        """`while` with a condition decided while compiling (unrolled up to --max-unroll)."""
        if stmt.orelse:
            raise self.err("`while ... else` is not supported", stmt.orelse[0], STATEMENTS_HINT)
        for _ in range(self.limits.unroll + 1):
            self.static_only = stmt
            try:
                going = self.decide(stmt.test)
            except loops.RunTime:  # the condition depends on run-time data: a run-time loop
                self.static_only = None
                loops.build_while(self, stmt)
                return None
            finally:
                self.static_only = None
            if not going:
                return None
            self.unrolled(stmt.body)
        raise self.over(
            "unroll",
            f"this `while` loop runs more than {self.limits.unroll} iterations while compiling",
            stmt,
            "a `while` loop is unrolled while compiling: its condition must turn false "
            f"within {self.limits.unroll} iterations",
        )

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
        if len(self.inlining) > self.limits.inline:
            chain = " -> ".join(self.inlining[:3] + ["..."] + self.inlining[-2:] + [fn.name])
            raise self.over(
                "inline",
                f"helper calls nest more than {self.limits.inline} deep ({chain})",
                node,
                "helpers are inlined: each nested call is copied into its caller",
            )
        self.check(1, node)  # each inlined call counts: `return f(x) + f(x)` doubles the work
        self.count += 1
        bound = self.bind(fn, node, args)
        saved_env, saved_loc, saved_arrays = self.env, self.g.loc, self.arrays
        self.env = bound
        self.arrays = {name: 0 for name in bound}  # 0: the caller's arrays, not to update
        self.inlining.append(fn.name)
        try:
            ret = self.body(fn)
            self.g.loc = self.g.at = _loc(ret)
            return self.expr(ret.value)
        finally:
            self.inlining.pop()
            self.env, self.g.loc, self.arrays = saved_env, saved_loc, saved_arrays

    def bind(self, fn: ast.FunctionDef, node: ast.Call, args: list) -> dict:
        """A helper's parameters bound to a call's arguments, positional and by keyword;
        missing ones take the helper's defaults (compiled in the caller's module scope)."""
        a = fn.args
        params = [p.arg for p in a.args]
        kwonly = [p.arg for p in a.kwonlyargs]
        defaults = dict(zip(params[len(params) - len(a.defaults) :], a.defaults))
        defaults.update({p: d for p, d in zip(kwonly, a.kw_defaults) if d is not None})
        usage = f"`{fn.name}` takes ({ast.unparse(a)})"
        if a.vararg or a.kwarg or a.posonlyargs or len(args) > len(params):
            raise self.err(usage, node, "helpers take named parameters, without *args or **kwargs")
        bound = dict(zip(params, args))
        for kw in node.keywords:
            if kw.arg is None or kw.arg not in params + kwonly or kw.arg in bound:
                raise self.err(usage, kw, "each parameter is given once, by position or name")
            bound[kw.arg] = self.expr(kw.value)
        saved = self.env
        for name in params + kwonly:
            if name not in bound:
                if name not in defaults:
                    raise self.err(f"{usage}: `{name}` is missing", node)
                self.env = {}  # a default sees module constants only
                try:
                    bound[name] = self.expr(defaults[name])
                finally:
                    self.env = saved
        return bound

    def statement(self, stmt: ast.stmt) -> None:
        self.check(1, stmt)
        self.count += 1
        if (
            isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            return  # a docstring or comment string
        if isinstance(stmt, ast.Pass):
            return
        updated = idioms.updated_name(stmt)
        if updated is not None:
            self.unshared(updated, stmt)
        if idioms.in_place(self, stmt):  # X[key] = v, K[np.diag_indices_from(K)] += a, ...
            return
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1:
                raise self.err(
                    "chained assignment (a = b = ...) is not supported", stmt, STATEMENTS_HINT
                )
            target = stmt.targets[0]
            self.assign(target, self.counter(target, stmt.value) or self.expr(stmt.value))
            shared = self.shares(stmt.value)
            if isinstance(target, ast.Name) and shared is not None:
                self.arrays[target.id] = self.arrays.setdefault(shared, next(self.array_ids))
            return
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.assign(stmt.target, self.expr(stmt.value))
            return
        if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            op = ast.BinOp(left=ast.Name(stmt.target.id, ast.Load()), op=stmt.op, right=stmt.value)
            ast.copy_location(op, stmt)
            ast.copy_location(op.left, stmt.target)
            self.shared_array(stmt)
            self.assign(stmt.target, self.counter(stmt.target, op) or self.expr(op))
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

    def counter(self, target: ast.expr, value: ast.expr) -> Value | None:
        """`k += 1` / `k = k + 1` on an integer constant (a loop counter) stays a constant, so
        that `while k < 3` is decided while compiling."""
        if not isinstance(target, ast.Name):
            return None
        current = self.env.get(target.id)
        if not (isinstance(current, Value) and _const_int(current) is not None):
            return None
        folded = self.static_int(value)
        return None if folded is None else self.g.const(folded, str(folded))

    def shared_array(self, stmt: ast.AugAssign) -> None:
        """`x += y` updates an array in place in NumPy: compiled as `x = x + y`, which is the
        same only when nothing else sees x's array (a parameter, a view, another name)."""
        name = stmt.target.id
        v = self.env.get(name)
        if not isinstance(v, Value) or v.rank == 0:
            return  # a scalar: += rebinds the name

        def view_of(u: Value) -> Value:
            while RULES[u.op].view or u.op in ("index", "real"):
                u = u.args[0]
            return u

        base = view_of(v)
        others = [
            n
            for n, u in self.env.items()
            if n != name and isinstance(u, Value) and u.rank > 0 and view_of(u) is base
        ]
        if base.is_param or others or base is not v:
            who = (
                f"the parameter `{base.attr('name')}`"
                if base.is_param
                else (f"`{others[0]}`" if others else "another array")
            )
            sym = ast.unparse(ast.BinOp(ast.Name("x"), stmt.op, ast.Name("y")))[2:-2]
            raise self.err(
                f"`{name} {sym}= ...` would update in place an array shared with {who}",
                stmt,
                f"write `{name} = {name} {sym} ...` (a new array): NumPy's in-place update "
                "would change the shared array too",
            )

    def shares(self, node: ast.expr) -> str | None:
        """The name whose array `node` is, or a view of, in NumPy (`A`, `A.T`, `A[0]`,
        `A.reshape(...)`), else None (a new array). Indexing counts as a view even when
        NumPy copies (an index array): refusing an update then is safe, never wrong."""
        while True:
            if isinstance(node, ast.Name):
                return node.id if node.id in self.env else None
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("T", "real", "flat")
                or isinstance(node, ast.Subscript)
            ):
                node = node.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("reshape", "ravel", "transpose", "swapaxes", "squeeze")
            ):
                node = node.func.value
            else:
                return None

    def unshared(self, name: str, stmt: ast.stmt) -> None:
        """An in-place update of `name`'s array (X[key] = v, the diagonal idioms) is compiled
        as a new array bound to `name`: the same as NumPy only when no other name holds
        that array or a view of it, and the array was not passed in to a helper."""
        mine = self.arrays.get(name)
        if mine == 0:
            raise self.err(
                f"this updates in place `{name}`, an array passed to the helper "
                f"`{self.inlining[-1]}`: NumPy would change the caller's array too",
                stmt,
                f"update a copy: {name} = np.array({name}) first",
            )
        others = [n for n, a in self.arrays.items() if mine is not None and n != name and a == mine]
        if others:
            raise self.err(
                f"this updates in place the array that `{name}` shares with `{others[0]}` "
                "(one array under two names, or a view of it): NumPy would change both",
                stmt,
                f"update a copy: {name} = np.array({name}) first",
            )

    def assign(self, target: ast.expr, value: Value | tuple) -> None:
        if isinstance(target, ast.Name):
            # a new array; statement() then records it when it shares another name's
            self.arrays[target.id] = next(self.array_ids)
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
                "Lambda": "`lambda`",
                "ListComp": "a comprehension",
                "GeneratorExp": "a comprehension",
                "DictComp": "a comprehension",
                "SetComp": "a comprehension",
                "BoolOp": "`and`/`or` outside a condition",
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
        if self.depth >= self.limits.expr_depth:
            raise self.over(
                "expr_depth",
                f"this expression nests more than {self.limits.expr_depth} deep",
                node,
                "give intermediate results names: t = ...; then use t",
            )
        self.depth += 1
        try:
            out = method(node)
        except ArithmeticError as e:  # constant folding past float64: 10.0 ** 400, 1 / 0
            raise self.err(
                f"this constant arithmetic fails in float64 ({e})",
                node,
                "numbers in a model are float64 (at most about 1.8e308)",
            ) from None
        finally:
            self.depth -= 1
        self.g.at = _loc(node)
        return out

    def expr_Compare(self, node: ast.Compare) -> Value:
        """A comparison as a value (0/1, no derivative): `(x > 0) * x`."""
        if len(node.ops) != 1:
            raise self.err(
                "a chained comparison is only supported as a condition",
                node,
                "write (a < b) * (b < c), or use it in `if`",
            )
        a, b = self.value(node.left), self.value(node.comparators[0])
        self.g.at = _loc(node)
        return self.compare(node.ops[0], a, b, node)

    def expr_IfExp(self, node: ast.IfExp) -> Value | tuple:
        """`a if cond else b`: decided at compile time, or a run-time branch of the path."""
        return self.expr(node.body if self.decide(node.test) else node.orelse)

    def expr_Tuple(self, node: ast.Tuple) -> tuple:
        """A tuple of values (a helper returning several, `a, b = x, y`): unpacked or indexed."""
        return tuple(self.expr(e) for e in node.elts)

    def expr_Constant(self, node: ast.Constant) -> Value:

        if type(node.value) not in (int, float, bool):  # True/False count as 1/0
            raise self.err(
                f"the constant {node.value!r} is not a real number",
                node,
                "use int or float constants",
            )
        return self.g.const(number(node.value, node), segment(self.lines, node) or repr(node.value))

    def expr_Name(self, node: ast.Name) -> Value | tuple:
        if node.id in self.env:
            if self.env[node.id] is _UNKNOWN:
                raise _Unknown(node.id)
            return self.env[node.id]
        if node.id in self.consts:
            value, text = self.consts[node.id]
            if value is None:
                raise self.err(
                    text, node, "module constants are numbers and np/math functions of them"
                )
            return self.g.const(number(value, node), text)
        if node.id in self.math:
            return self.math_constant(node)
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
        chain = []  # - - - x: a run of signs is walked, not recursed into
        while isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise self.no_operator(node)
            chain.append(node)
            node = node.operand
        x = self.value(node)
        for sign in reversed(chain):
            self.g.at = _loc(sign)
            if isinstance(sign.op, ast.USub):
                x = self.g.op("neg", x)
        return x

    def expr_BinOp(self, node: ast.BinOp) -> Value:
        """a + b - c * d: the left operands of a chain are walked, not recursed into, so a sum
        of thousands of terms is no deeper for the compiler than one."""
        chain = []
        while isinstance(node, ast.BinOp):
            chain.append(node)
            node = node.left
        x = self.value(node)
        for step in reversed(chain):
            x = self.binop(step, x)
        return x

    def binop(self, node: ast.BinOp, a: Value) -> Value:
        """node's operation on its left operand's value `a` and its right operand."""
        op = BINOPS.get(type(node.op).__name__)
        if op is None:
            raise self.no_operator(node)
        b = self.value(node.right)
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

    def math_constant(self, node: ast.expr) -> Value:
        """An expression of `math` constants and functions (math.pi, math.log(2)), folded."""
        known = {k: v for k, (v, _) in self.consts.items() if v is not None}
        try:
            value = constfold.evaluate(node, known, {**self.imports, **self.math})
        except constfold.NotConstant:
            raise self.err(
                f"`{ast.unparse(node)}` is not a compile-time constant",
                node,
                "the math module is folded at compile time: its functions take constants only "
                "(math.log(2 * math.pi)); use np functions on arrays",
            ) from None
        except constfold.Failed as e:
            raise self.err(f"`{ast.unparse(node)}` cannot be evaluated ({e})", node) from None
        return self.g.const(value, constfold.spell(value))

    def uses_math(self, node: ast.expr) -> bool:
        while isinstance(node, ast.Attribute):
            node = node.value
        return isinstance(node, ast.Name) and node.id in self.math and node.id not in self.env

    def expr_Attribute(self, node: ast.Attribute) -> Value:
        if self.uses_math(node):
            return self.math_constant(node)
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
                if type(value) is int:
                    return value
                return int(value) if value is not None and float(value).is_integer() else None
            return _const_int(v) if isinstance(v, Value) else None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.static_int(node.operand)
            return None if v is None else -v
        if isinstance(node, ast.BinOp) and type(node.op) in INT_OPS:
            a, b = self.static_int(node.left), self.static_int(node.right)
            if a is None or b is None or (isinstance(node.op, ast.FloorDiv) and b == 0):
                return None
            if isinstance(node.op, ast.Pow) and (b < 0 or abs(a).bit_length() * b > 4096):
                return None  # not an int, or too large to fold exactly (10**400)
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

    def key(self, index: ast.expr, rank: int | None = None) -> tuple:
        """A subscript of constants as ("i", k) / ("s", start, stop, step) / ("n",) entries;
        `...` stands for the full slices of the axes the others leave, of an array of `rank`."""
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        key = []
        for part in parts:
            if isinstance(part, ast.Constant) and part.value is Ellipsis and rank is not None:
                named = sum(
                    not (isinstance(p, ast.Constant) and p.value in (None, Ellipsis))
                    and not (isinstance(p, ast.Attribute) and self.dotted(p) == "numpy.newaxis")
                    for p in parts
                )
                if sum(isinstance(p, ast.Constant) and p.value is Ellipsis for p in parts) > 1:
                    raise self.err("an index can have only one `...`", part)
                key += [("s", None, None, None)] * max(rank - named, 0)
                continue
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
        read = loops.row(self, node)  # Y[t] in a run-time loop over t
        if read is not None:
            return read
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
                (
                    tuple(map(bound, (p.lower, p.upper, p.step)))
                    if isinstance(p, ast.Slice)
                    else self.argument(p)
                )
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
        key = self.key(index, base.rank)
        self.g.at = _loc(node)
        if sum(e[0] != "n" for e in key) > base.rank:
            raise ShapeError(
                "too many indices for "
                + (
                    ("a scalar", "a vector", "a matrix")[base.rank]
                    if base.rank <= 2
                    else f"an array of {base.rank} dimensions"
                ),
                _loc(node),
            )
        return self.g.op("index", base, key=key)

    def argument(self, node: ast.expr):
        """A call argument: an array expression, a literal option (a string such as 'nuc', a
        bool), or a tuple of them (a shape, the `(L, True)` of cho_solve)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bool)):
            return node.value
        if (isinstance(node, ast.Constant) and node.value is Ellipsis) or (
            isinstance(node, ast.Name) and node.id == "Ellipsis" and node.id not in self.env
        ):
            return Ellipsis  # np.einsum's sublists: (Ellipsis, 0, 1)
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
        if self.uses_math(func):
            return self.math_constant(node)
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
                "supported calls: " + supported_calls(),
            )
        handler = CALLS.get(name)
        if handler is None:
            near = difflib.get_close_matches(name, list(CALLS), n=1, cutoff=0.8)
            hint = (
                (f"did you mean {short(near[0])}? " if near else "")
                + "supported: "
                + supported_calls()
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
    limits: Limits | None = None,
) -> Model:
    """Parse `source` and build the IR of the function `fn_name` (returning a scalar, or
    anything when `any_rank`: the calculator).

    Shapes come from annotations, from `shapes` (name -> spec in the annotation grammar) and
    from `like` (name -> an example array's shape); the rest are inferred from use: the
    typings `infer` proposes are tried in order and the first that checks wins; a parameter
    for which another rank would check too gets one warning. Work is bounded by `limits`."""
    try:
        return _build(source, fn_name, filename, shapes, like, any_rank, limits or Limits())
    except RecursionError:  # a last resort: the limits keep the walks below Python's
        raise CompileError(
            "the model nests too deeply for the compiler",
            None,
            "split deeply nested expressions or helper calls into named steps",
        ) from None


def _build(source, fn_name, filename, shapes, like, any_rank, limits: Limits) -> Model:
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
    modules = {**imports_of(tree), **constfold.math_names(tree)}
    params = parameters(fn, shapes, module_constants(tree, source), modules)
    free = [p for p in params if p.rank is None]
    fixed = {p.name: p.rank for p in params if p.rank is not None}
    uses = infer.collect(fn, [p.name for p in free], imports_of(tree), functions(tree), fixed)
    choices = [uses[p.name].ranks(p.name[:1].isupper()) for p in free]
    for p, c in zip(free, choices):
        if not c:
            raise ShapeError(
                f"`{p.name}` is used as an array of {uses[p.name].exact} dimensions at line "
                f"{uses[p.name].first}; matgradc supports scalars, vectors and matrices",
                p.loc,
            )

    def attempt(ranks: tuple[int, ...]):
        b = _Builder(tree, fn, source, params, ranks, limits)
        b.any_rank = any_rank
        b.check(len(fn.body), fn)  # a model too large is refused before building
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
    # V diag(h(w)) Vᵀ: defined at repeated w (on every path)
    returned = paths.returning(b.tree) if isinstance(b.tree, paths.Branch) else []
    eigen.check_sparse(reachable([out] + [leaf.out for leaf in returned]))  # NumPy's meaning
    outs = spectral_functions(b.g, [out] + [leaf.out for leaf in returned])[0]
    out = outs[0]
    for leaf, new in zip(returned, outs[1:]):
        leaf.out = new
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
                f'at line {line} too; annotate it (e.g. {p.name}: "{spec}") or pass '
                f"--shape {p.name}={spec}"
            )
    doc = ast.get_docstring(fn)
    integers = frozenset(
        a.arg
        for a in fn.args.args + fn.args.kwonlyargs
        if isinstance(a.annotation, ast.Name) and a.annotation.id == "int"
    ) | frozenset(p.name for p in params if p.struct == SPARSE or p.flag)
    names = [p.name for p in params]
    model = Model(fn_name, b.g, b.params, names, out, out_name, doc, warnings, integers)
    model.defaults = {p.name: p.default for p in params if p.default is not None}
    model.kwonly = tuple(p.name for p in params if p.kwonly)
    model.tree = b.tree if isinstance(b.tree, paths.Branch) else None
    return model


RANK_NAMES = ("a scalar", "a vector", "a matrix")


def _shape_text(g: Graph, v: Value) -> str:
    if v.rank == 0:
        return "a scalar"
    dims = ", ".join(str(g.dim_name(d)) for d in v.shape)
    return f"{RANK_NAMES[v.rank]} ({dims}{',' if v.rank == 1 else ''})"
