"""Codegen: name, order and spell the IR as Python statements, render templates, run black.

All decisions (names, which values are inlined, comments, imports) are made here; the
jinja2 templates only loop over what they are given.
"""

from __future__ import annotations

import builtins
import functools
import io
import keyword
import tokenize
from dataclasses import dataclass
from importlib import resources

import black
import jinja2

from . import paths
from .autodiff import Gradient
from .diagnostics import CompileError
from .frontend import Model
from .fuse import allocates, fuse
from .ir import SPARSE, Graph, Value, reachable
from .rules import ATOM, CMP, RULES, UNARY
from .rules.prelude import NAMES as PRELUDE_NAMES
from .rules.prelude import prelude
from .text import constant, docstring, one_line

# One namespace for every name a generated file may contain (torch.fx's rule: a user name
# never shadows anything the generated code relies on). User names found here are renamed
# consistently (`d` -> `d_2`) throughout the module.
KEYWORDS = set(keyword.kwlist) | set(keyword.softkwlist)
BUILTINS = set(dir(builtins))
IMPORTS = {"np", "numpy", "scipy", "builtins"}  # what the module may import
# the locals of generated code: hessian_<fn>'s, `_` for an unused output, `grads`, and the
# argument contract's helper and table
LOCALS = {"grads", "shapes", "sizes", "total", "hessian", "column", "unit", "parts", "vectors"}
LOCALS |= {"columns", "_", "_check_args", "_PARAMS"}
# module-level names of the generated test (its locals never meet a user name)
TEST_NAMES = {
    "pytest", "importlib", "sys", "Path", "SIZES", "WRT", "STEP", "make_inputs", "rng",
    "value_fn", "value_and_grad_fn", "grad_fn",
}  # fmt: skip
RESERVED = KEYWORDS | BUILTINS | IMPORTS | LOCALS | TEST_NAMES
RESERVED |= set(PRELUDE_NAMES)  # the module prelude's helpers (rules/prelude.py)
# names the module reads from its globals that a function named alike would hide
SHADOWABLE = BUILTINS | {"np", "scipy"}
ALWAYS_INLINE = {op for op, rule in RULES.items() if rule.leaf}  # parameters, constants, sizes


@functools.cache
def _template_env() -> jinja2.Environment:
    """One jinja2 environment per process (it caches the compiled templates)."""
    folder = resources.files("matgradc.templates")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclass
class Statement:
    lines: list[str]  # usually one `name = expression`; a block for multi-statement ops
    comment: str
    defs: tuple[int, ...] = ()  # the values it assigns
    uses: frozenset[int] = frozenset()  # the values (of other statements) it reads


class Namer:
    """Readable, unique Python names: the user's own names, g_<name> for adjoints, t<k> else."""

    def __init__(self, model: Model, adjoint_of: dict[int, int], forward: set[int]):
        self.model = model
        self.adjoint_of = adjoint_of
        self.forward = forward
        self.names: dict[int, str] = {}
        prefixes = ("", "grad_", "value_and_grad_", "jvp_", "hvp_", "hessian_", "taylor_")
        self.taken = set(RESERVED) | {p + model.fn for p in prefixes}
        self.temps = 0
        self.temp_names: set[str] = set()  # renumbered once the module is written (_renumber)
        # a function named like a builtin or an import hides it from the module's own code,
        # which reads it through an alias bound before the definitions (`max_ = max`)
        self.alias = self._fresh(model.fn + "_") if model.fn in SHADOWABLE else None
        for p in model.params:  # a parameter named like numpy or a generated function is renamed
            self.names[p.id] = self._fresh(p.attr("name"))
        if model.out.op not in ALWAYS_INLINE:
            self.names[model.out.id] = self._fresh(model.out_name or "value")

    def _fresh(self, base: str) -> str:
        name, k = base, 2
        while name in self.taken:
            name, k = f"{base}_{k}", k + 1
        self.taken.add(name)
        return name

    def name(self, v: Value) -> str:
        if v.id not in self.names:
            user = self.model.graph.names.get(v.id)
            if user is not None:
                self.names[v.id] = self._fresh(user)
            elif v.id in self.adjoint_of and v.id not in self.forward:
                target = self.model.graph.values[self.adjoint_of[v.id]]
                base = "g_" + self.name(target)
                # a symmetric parameter's raw adjoint, before (G + Gᵀ)/2
                self.names[v.id] = self._fresh(base + "_full" if target.is_param else base)
            else:
                self.temps += 1
                self.names[v.id] = self._fresh(f"t{self.temps}")
                self.temp_names.add(self.names[v.id])
        return self.names[v.id]


class Printer:
    """Spells values as Python expressions, inlining single-use values of the same line."""

    def __init__(self, graph: Graph, params: list[Value], namer: Namer, dense: bool = True):
        self.g = graph
        self.namer = namer
        self.program = None  # set by _setup: run-time loops spell their bodies with it
        self.scope: list[Value] | None = None  # the values of the function being spelled
        self.filename = ""
        self.dim_expr: dict[int, str] = {}
        for p in params:
            for axis, d in enumerate(p.shape):
                self.dim_expr.setdefault(graph.find(d), f"{namer.name(p)}.shape[{axis}]")
        self.param_shape = {
            tuple(graph.find(d) for d in p.shape): f"{namer.name(p)}.shape"
            for p in reversed(params)
        }
        # the rules' `dense` spellings (A.dot(B)) when asked for and no value can be a
        # scipy.sparse matrix
        self.dense = dense and not (
            any(p.struct == SPARSE for p in params)
            or any(m.startswith("scipy.sparse") for v in graph.values for m in RULES[v.op].imports)
        )

    def dim(self, d: int) -> str:
        info = self.g.dim_info(d)
        if isinstance(info.fixed, int):
            return str(info.fixed)
        if self.g.find(d) not in self.dim_expr and info.product is not None:
            return " * ".join(self.dim(x) for x in info.product)
        root = self.g.find(d)
        if root not in self.dim_expr and info.sliced is not None:  # len(range(n)[a:b:c])
            of, start, stop, step = info.sliced
            text = f"{'' if start is None else start}:{'' if stop is None else stop}"
            text += "" if step is None else f":{step}"
            return f"len(range({self.dim(of)})[{text}])"
        if root not in self.dim_expr and root in self.g.svd_dims:  # min(m, n) of an SVD
            return "min(" + ", ".join(self.dim(x) for x in self.g.svd_dims[root]) + ")"
        return self.dim_expr[root]

    def shape(self, dims: tuple[int, ...]) -> str:
        key = tuple(self.g.find(d) for d in dims)
        if key in self.param_shape:
            return self.param_shape[key]
        parts = [self.dim(d) for d in dims]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"

    def attrs(self, v: Value) -> dict[str, str]:
        out = {}
        for k, val in v.attrs:
            if k == "dim":
                out[k] = self.dim(val)
            elif k == "shape":
                out[k] = self.shape(val)
            elif k == "axes":
                out[k] = str(val[0]) if len(val) == 1 else str(tuple(val))
            elif k == "keepdims":
                out[k] = ", keepdims=True" if val else ""
            elif k == "sizes":  # a list of sizes, e.g. for reshape
                out[k] = ", ".join(self.dim(d) for d in val)
            elif k == "key":
                out[k] = format_key(val)
            elif k == "keys":
                out[k] = [format_key(key) for key in val]
            elif k == "k":
                out[k] = f", {val}" if val else ""
            elif k == "text":  # a constant: the model's spelling only if it is a plain literal
                out[k] = constant(v.attr("value"), val)
            else:
                out[k] = str(val)
        return out

    def expr(self, v: Value, inline: set[int]) -> tuple[str, int]:
        """v's name, or its spelled expression when it is inlined."""
        if v.id not in inline or v.is_param:
            return self.namer.name(v), ATOM

        return self.spell(v, inline)

    def spell(self, v: Value, inline: set[int], out: str = "") -> tuple[str, int]:
        """v's own expression (its arguments by name unless inlined) and its precedence;
        for a multi-statement op, its block of statements assigning `out`."""
        rule = RULES[v.op]
        if rule.block is not None:  # a run-time loop: a block with the body's statements
            return rule.block(self, v, inline, out), ATOM
        spelling, prec, arg_prec = rule.spelling, rule.prec, rule.arg_prec
        if rule.dense is not None and self.dense:
            spelling, prec, arg_prec = rule.dense
        args = []
        for i, a in enumerate(v.args):
            text, a_prec = self.expr(a, inline)
            need = arg_prec[i] if i < len(arg_prec) else 0
            args.append(f"({text})" if a_prec < need else text)
        extra = {"out": out, "dtype_kw": ", dtype=complex" if v.dtype == "complex" else ""}
        if callable(spelling):  # an op with a variable number of arguments
            text = spelling(args, {**self.attrs(v), **extra})
        else:
            text = spelling.format(*args, **self.attrs(v), **extra)
        if rule.group is not None:
            text, prec = f"{text}[{rule.group[0]}]", ATOM
        if text.startswith("-") and prec > UNARY:  # a negative constant
            prec = UNARY
        return text, prec

    def group_call(self, v: Value, inline: set[int]) -> str:
        """The tuple-returning call that v is one output of."""
        rule = RULES[v.op]
        args = [self.expr(a, inline)[0] for a in v.args]
        return rule.spelling.format(*args, **self.attrs(v))


def format_key(key: tuple) -> str:
    """An index key as Python subscript text: 0, :3  or  :, np.newaxis."""

    def part(e: tuple) -> str:
        if e[0] == "i":
            return str(e[1])
        if e[0] == "n":
            return "np.newaxis"
        start, stop, step = e[1:]
        text = f"{'' if start is None else start}:{'' if stop is None else stop}"
        return text + (f":{step}" if step not in (None, 1) else "")

    return ", ".join(part(e) for e in key) if key else "()"


MAX_NESTING = 24  # operations nested in one generated expression, at most


def _inlined(values: list[Value], keep: set[int], forward: set[int], graph: Graph) -> set[int]:
    """Values spelled inside their single user instead of getting a statement of their own:
    leaves (constants, sizes), and unnamed single-use values — in the forward program only
    within one source line, so each statement reads like the model's own."""
    uses: dict[int, list[Value]] = {}
    for v in values:
        for a in v.args:
            uses.setdefault(a.id, []).append(v)
    groups: dict[tuple, int] = {}
    for v in values:
        if RULES[v.op].group is not None:
            key = _group_key(v)
            groups[key] = groups.get(key, 0) + 1
    inline = set()
    depth: dict[int, int] = {}  # how deeply an inlined value's expression nests
    for v in values:
        depth[v.id] = 1 + max((depth.get(a.id, 0) for a in v.args if a.id in inline), default=0)
        if v.op in ALWAYS_INLINE and not (v.args and v.id in graph.names):  # n = X.shape[0]
            inline.add(v.id)
            continue
        if depth[v.id] > MAX_NESTING:  # a long chain gets statements: readable, and no
            continue  # deeper for the printer (or for Python) than MAX_NESTING
        users = uses.get(v.id, [])
        if v.id in keep or v.id in graph.names or len(users) != 1 or RULES[v.op].statements:
            continue
        if RULES[users[0].op].statements:  # a block may read its argument more than once
            continue
        if RULES[v.op].group is not None and groups[_group_key(v)] > 1:
            continue  # computed once with its siblings: w, V = np.linalg.eigh(A)

        same_line = (
            users[0].loc is not None and v.loc is not None and users[0].loc.line == v.loc.line
        )
        if same_line or v.id not in forward:
            inline.add(v.id)
    return inline


def _reads(v: Value, inline: set[int]) -> set[int]:
    """The statement-level values an expression reads (through inlined subexpressions)."""
    out: set[int] = set()
    stack = list(v.args)
    while stack:
        a = stack.pop()
        if a.id in inline:
            stack.extend(a.args)
        elif not a.is_param:
            out.add(a.id)
    return out


def _in_place(printer: Printer, v: Value, name: str, inline: set[int]) -> list[str] | None:
    """A ± P where P is a freshly computed product: P's array takes the result in place
    (`R = U @ V.T; np.subtract(W, R, out=R)`), one array instead of two."""
    sign = RULES[v.op].accumulate
    if sign is None or v.rank == 0:
        return None
    a, b = v.args
    g = printer.g
    for k, fresh in enumerate((a, b)):
        other = (b, a)[k]
        if (
            fresh.id in inline
            and allocates(fresh)
            and g.same_shape(fresh.shape, v.shape)
            and fresh.dtype == v.dtype
            and other.dtype == v.dtype
        ):
            first = f"{name} = {printer.expr(fresh, inline)[0]}"
            rest = printer.expr(other, inline)[0]
            if sign == "+":
                return [first, f"{name} += {rest}"]
            if k == 0:  # P - A
                return [first, f"{name} -= {rest}"]
            return [first, f"np.subtract({rest}, {name}, out={name})"]  # A - P
    return None


def _accumulation(printer: Printer, v: Value, name: str, inline: set[int]) -> list[str] | None:
    """A sum of three or more arrays, accumulated in place: `g = a + b` then `g += c`,
    allocating one array instead of one per term."""
    if RULES[v.op].accumulate is None or v.rank == 0:
        return None
    terms = []
    x = v
    while (
        RULES[x.op].accumulate is not None
        and (x is v or x.id in inline)
        and printer.g.same_shape(x.shape, v.shape)
        and x.dtype == v.dtype
    ):
        terms.append(x)
        x = x.args[0]
    if len(terms) < 2:

        return None
    head = terms.pop()  # the innermost partial sum: `g = a + b`; the others update g in place
    lines = [f"{name} = {printer.spell(head, inline)[0]}"]
    for partial in reversed(terms):
        sign = RULES[partial.op].accumulate
        lines.append(f"{name} {sign}= {printer.expr(partial.args[1], inline)[0]}")
    return lines


def _statements(
    printer: Printer, values: list[Value], keep: set[int], forward: set[int], filename: str
) -> list[Statement]:
    inline = _inlined(values, keep, forward, printer.g)
    for v in values:  # name the statements in program order (t1, t2, ... read top-down)
        if v.id not in inline:
            printer.namer.name(v)
    siblings: dict[tuple, dict[int, Value]] = {}
    for v in values:
        if v.id not in inline and RULES[v.op].group is not None:
            siblings.setdefault(_group_key(v), {})[RULES[v.op].group[0]] = v
    out = []
    done: set[tuple] = set()
    for v in values:
        if v.id in inline:
            continue
        line = v.loc.line if v.loc else 0
        where = f"{one_line(filename)}:{line}"
        comment = where if v.id in forward else f"grad of {where}"
        rule = RULES[v.op]
        name = printer.namer.name(v)
        defs: tuple[int, ...] = (v.id,)
        if rule.statements:
            lines = printer.spell(v, inline, out=name)[0].split("\n")
        elif rule.group is not None and len(siblings[_group_key(v)]) > 1:
            key = _group_key(v)
            if key in done:
                continue
            done.add(key)
            members = siblings[key]
            targets = [
                printer.namer.name(members[i]) if i in members else "_"
                for i in range(rule.group[1])
            ]
            lines = [f"{', '.join(targets)} = {printer.group_call(v, inline)}"]
            defs = tuple(m.id for m in members.values())
            if any(m.id in forward for m in members.values()):
                comment = where  # part of the forward computation
        else:
            lines = (
                _accumulation(printer, v, name, inline)
                or _in_place(printer, v, name, inline)
                or [f"{name} = {printer.spell(v, inline)[0]}"]
            )
        out.append(Statement(lines, comment, defs, frozenset(_reads(v, inline))))
    return out


def schedule(statements: list[Statement], first: set[int]) -> list[Statement]:
    """Order statements to shorten live ranges: those the value needs (`first`) keep their
    order; every other statement moves down to just before its first reader."""
    head = [s for s in statements if set(s.defs) & first]
    rest = [s for s in statements if not set(s.defs) & first]
    by_def = {d: s for s in rest for d in s.defs}
    readers = {id(s): 0 for s in rest}
    for s in rest:
        for u in s.uses:
            if u in by_def:
                readers[id(by_def[u])] += 1
    order: list[Statement] = []
    placed: set[int] = set()

    def place(root: Statement) -> None:
        """Append root after the statements it reads, depth first (iterative: a chain of
        thousands of statements is no deeper for Python than one)."""
        if id(root) in placed:
            return
        placed.add(id(root))
        stack = [(root, iter(sorted(root.uses)))]
        while stack:
            s, pending = stack[-1]
            for u in pending:
                if u in by_def and id(by_def[u]) not in placed:
                    placed.add(id(by_def[u]))
                    stack.append((by_def[u], iter(sorted(by_def[u].uses))))
                    break
            else:
                stack.pop()
                order.append(s)

    for s in rest:
        if readers[id(s)] == 0:
            place(s)
    for s in rest:  # anything left (cannot happen in a well-formed program)
        place(s)
    return head + order


def free_after_last_use(
    statements: list[Statement], graph: Graph, names: dict[int, str], keep: set[int]
) -> list[Statement]:
    """`del` each matrix temporary right after its last reader (returned values stay)."""
    last: dict[int, int] = {}
    for i, s in enumerate(statements):
        for u in s.uses:
            last[u] = i
    dying: dict[int, list[int]] = {}
    for u, j in last.items():
        dying.setdefault(j, []).append(u)
    out = []
    for i, s in enumerate(statements):
        out.append(s)
        dead = sorted(
            names[u]
            for u in dying.get(i, ())
            if u not in keep and u in names and graph.values[u].rank >= 2
        )
        if dead:
            out.append(Statement([f"del {', '.join(dead)}"], ""))
    return out


def _group_key(v: Value) -> tuple:
    rule = RULES[v.op]
    return (rule.spelling, tuple(a.id for a in v.args), tuple(kv for kv in v.attrs))


def _with_bodies(values: list[Value]) -> list[Value]:
    """The values and, for a loop, those its bodies compute (a `body` attribute with roots):
    a call made only inside a loop needs its import and prelude helper too."""
    out, seen, stack = list(values), {v.id for v in values}, list(values)
    while stack:
        body = stack.pop().attr("body")
        if body is None or not hasattr(body, "roots"):
            continue
        for u in reachable(body.roots()):
            if u.id not in seen:
                seen.add(u.id)
                out.append(u)
                stack.append(u)
    return out


def _imports(values: list[Value]) -> list[str]:
    """The modules the emitted code uses besides numpy (derived from what was emitted)."""
    return sorted({m for v in values for m in RULES[v.op].imports})


def _prelude(values: list[Value]) -> list[str]:
    """The prelude's guarded import and the helpers the emitted code calls."""
    return prelude({h for v in values for h in RULES[v.op].prelude})


def _returned(printer: Printer, gv: Value) -> str:
    """A gradient as returned: a copy where it would otherwise be an input array (or a view
    of one), so that the caller's gradient never aliases its arguments."""
    text = printer.expr(gv, {gv.id} if gv.op in ALWAYS_INLINE else set())[0]
    aliases = gv.is_param or (RULES[gv.op].view and gv.args[0].is_param)
    return f"np.copy({text})" if aliases and gv.rank > 0 else text


def describe_shape(graph: Graph, p: Value) -> str:
    if p.rank == 0:
        return "scalar"
    dims = ", ".join(str(graph.dim_name(d)) for d in p.shape)
    struct = "" if p.struct == "general" else f" {p.struct}"
    return f"({dims}{',' if p.rank == 1 else ''}){struct}"


@dataclass
class Extras:
    """Optional functions of the module, as IR built by `forward` (issue: higher order)."""

    jvp: tuple[list[Value], Value] | None = None  # (tangent params, directional derivative)
    hvp: tuple[list[Value], list[Value]] | None = None  # (vector params, H v per --wrt param)
    hessian: bool = False
    taylor: tuple[list[Value], list[Value]] | None = None  # (direction params, coefficients)
    doc: str = ""  # extra docstring text (--doc explain)


@dataclass
class Function:
    name: str
    args: str
    doc: str
    body: list[Statement]
    returns: str

    def lines(self) -> list[str]:
        """The body as lines of code (tangent's comment pass): one comment above each run of
        statements from the same model line, not one at the end of every line."""
        out: list[str] = []
        current = None
        for s in self.body:
            indent = s.lines[0][: len(s.lines[0]) - len(s.lines[0].lstrip())]
            if s.comment and (indent, s.comment) != current:
                out.append(f"{indent}# {s.comment}")
                current = (indent, s.comment)
            elif not s.comment and not s.lines[0].lstrip().startswith("del "):
                current = None  # an uncommented statement (the argument check) ends a run
            out.extend(s.lines)
        return out


def _setup(model: Model, grad: Gradient, wrt: list[int], filename: str):
    """The naming, spelling and statement-building shared by every function of a module."""
    g = model.graph
    out = model.out
    roots, adjoint_of = [out], grad.adjoint_of
    if model.tree is not None:  # every path's values are the forward program
        returning = paths.returning(model.tree)
        roots = [leaf.out for leaf in returning] + paths.conditions(model.tree)
        adjoint_of = {k: v for leaf in returning for k, v in leaf.grad.adjoint_of.items()}
    forward = {v.id for v in reachable(roots) if not v.is_param}
    namer = Namer(model, adjoint_of, forward)

    def prename(v: Value, base: str) -> None:
        if v.id not in namer.names and v.id not in g.names and v.op not in ALWAYS_INLINE:
            namer.names[v.id] = namer._fresh(base)

    grads = [leaf.grad.grads for leaf in paths.returning(model.tree)] if model.tree else []
    for gs in [grad.grads, *grads]:
        for i, gv in zip(wrt, gs):
            prename(gv, "g_" + model.param_names[i])
    printer = Printer(g, model.params, namer)

    def program(
        outs: list[Value],
        keep: set[int],
        with_value: bool | None = None,
        bound: frozenset[int] = frozenset(),
        exact: bool = False,
    ) -> list[Statement]:
        """The statements computing `outs` (`exact`: computing exactly the values `outs`,
        all kept) from the parameters and the values `bound` by enclosing code."""
        if exact:
            values = sorted(outs, key=lambda v: v.id)
            returned: set[int] = set()
        else:
            values = [v for v in _reachable(outs, bound) if not v.is_param]
            returned = {o.id for o in outs}
        statements = _statements(printer, values, keep | returned, forward, filename)
        first = forward & {v.id for v in values}
        if not (out in outs if with_value is None else with_value):
            first = set()  # hvp, taylor: no value to compute first
        statements = schedule(statements, first)
        inline = _inlined(values, keep | returned, forward, g)  # as _statements spelled them
        statements = fuse(
            statements, printer, values, inline, keep | returned, model.integers, not bound
        )
        return free_after_last_use(
            statements, g, namer.names, returned | (keep if exact else set())
        )

    printer.program, printer.filename = program, filename
    return namer, printer, program, prename


def memory_report(model: Model, grad: Gradient, wrt: list[int]) -> str:
    """The estimated peak of live arrays in value_and_grad, in floats of symbolic size."""
    import sympy

    g = model.graph
    program = _setup(model, grad, wrt, "")[2]
    keep = {a for a, v in grad.adjoint_of.items() if v in g.names}
    statements = program([model.out, *grad.grads], keep)
    returned = {v.id for v in (model.out, *grad.grads)}
    symbols: dict[str, sympy.Symbol] = {}

    def size(v: Value):
        total = sympy.Integer(1)
        for d in v.shape:
            name = g.dim_name(d)
            if isinstance(name, int):
                total *= name
            else:
                for part in str(name).split("*"):
                    total *= symbols.setdefault(part, sympy.Symbol(part, positive=True))
        return total

    live: dict[int, object] = {}
    last = {u: i for i, s in enumerate(statements) for u in s.uses}
    peak, peak_at, peak_value = sympy.Integer(0), 0, -1.0
    big = {sym: 1000 for sym in symbols.values()}
    for i, s in enumerate(statements):
        for d in s.defs:
            live[d] = size(g.values[d])
        total = sum(live.values(), sympy.Integer(0))
        big = {sym: 1000 for sym in symbols.values()}
        value = float(total.subs(big)) if big else float(total)
        if value > peak_value:
            peak, peak_at, peak_value = total, i, value
        for u in list(live):
            if last.get(u, -1) <= i and u not in returned:
                del live[u]
    where = statements[peak_at].lines[0] if statements else ""
    return (
        f"# value_and_grad: {len(statements)} statements; estimated peak of live intermediate "
        f"arrays: {sympy.expand(peak)} floats, at `{where.strip()}`\n"
    )


def render_module(
    model: Model,
    grad: Gradient,
    wrt: list[int],
    filename: str,
    command: str,
    version: str,
    extras: Extras | None = None,
) -> str:
    extras = extras or Extras()
    g = model.graph
    out = model.out
    fn = model.fn
    namer, printer, program, prename = _setup(model, grad, wrt, filename)
    names = [namer.name(p) for p in model.params]
    args = model.signature(names)  # the parameter list, with the model's defaults
    call = model.call(names)  # passing the parameters on
    # jvp/hvp/taylor take their tangents after the model's own parameters: keyword-only when
    # those have defaults (a parameter without a default cannot follow one)
    starred = "*" in args.split(", ")
    sep = ", " if starred or not model.defaults else ", *, "
    wrt_names = [namer.name(model.params[i]) for i in wrt]
    one = len(wrt) == 1
    tree = model.tree or paths.Leaf(out, model.out_name, grad=grad, extras=extras)
    returning = paths.returning(tree)
    keep_adjoints = set()
    for leaf in returning:
        keep_adjoints |= {a for a, v in leaf.grad.adjoint_of.items() if v in g.names}
        if leaf.out is not out and leaf.out.op not in ALWAYS_INLINE:
            prename(leaf.out, leaf.out_name or "value")

    def spelled(v: Value) -> str:
        return printer.expr(v, {v.id} if v.op in ALWAYS_INLINE else set())[0]

    def emit(outs_of, returns_of, keep: set[int], with_value: bool = True):
        """(body, return text) of one function: straight-line, or the tree of paths."""
        leaves = [tree] if model.tree is None else paths.returning(tree)
        roots = [v for leaf in leaves for v in outs_of(leaf)]
        printer.scope = reachable(roots + paths.conditions(model.tree) if model.tree else roots)
        if model.tree is None:
            return program(outs_of(tree), keep, with_value), returns_of(tree)
        return (
            _tree_program(model, printer, program, tree, outs_of, returns_of, keep, filename),
            "",
        )

    def vg_returns(leaf) -> str:
        texts = [_returned(printer, gv) for gv in leaf.grad.grads]
        return f"{spelled(leaf.out)}, ({', '.join(texts)},)"

    functions = [
        Function(
            fn,
            args,
            model.doc or f"The value of {fn}.",
            *emit(lambda leaf: [leaf.out], lambda leaf: spelled(leaf.out), set()),
        ),
        Function(
            f"value_and_grad_{fn}",
            args,
            f"The value of {fn} and its gradient with respect to {', '.join(wrt_names)}.",
            *emit(lambda leaf: [leaf.out, *leaf.grad.grads], vg_returns, keep_adjoints),
        ),
        Function(
            f"grad_{fn}",
            args,
            f"The gradient of {fn} with respect to {', '.join(wrt_names)}.",
            [],
            f"value_and_grad_{fn}({call})[1]" + ("[0]" if one else ""),
        ),
    ]
    all_outs = [out, *grad.grads]
    for leaf in returning:
        all_outs += [leaf.out, *leaf.grad.grads]
    if extras.jvp is not None:
        tangents = extras.jvp[0]
        for leaf in returning:
            prename(leaf.extras.jvp[1], "d" + (model.out_name or "value"))
        targs = args + sep + ", ".join(namer.name(t) for t in tangents)
        functions.append(
            Function(
                f"jvp_{fn}",
                targs,
                f"(value, directional derivative) of {fn} when {', '.join(wrt_names)} move along "
                f"{', '.join(namer.name(t) for t in tangents)} (forward mode).",
                *emit(
                    lambda leaf: [leaf.out, leaf.extras.jvp[1]],
                    lambda leaf: f"{spelled(leaf.out)}, {spelled(leaf.extras.jvp[1])}",
                    set(),
                ),
            )
        )
        all_outs += [leaf.extras.jvp[1] for leaf in returning]
    if extras.hvp is not None:
        vectors = extras.hvp[0]
        for leaf in returning:
            for i, h in zip(wrt, leaf.extras.hvp[1]):
                prename(h, "Hv_" + model.param_names[i])
        vargs = args + sep + ", ".join(namer.name(v) for v in vectors)

        def hvp_returns(leaf) -> str:
            texts = [_returned(printer, h) for h in leaf.extras.hvp[1]]
            return texts[0] if one else f"({', '.join(texts)},)"

        functions.append(
            Function(
                f"hvp_{fn}",
                vargs,
                f"The Hessian of {fn} (w.r.t. {', '.join(wrt_names)}) times the vectors "
                f"{', '.join(namer.name(v) for v in vectors)}: forward mode over the gradient.",
                *emit(
                    lambda leaf: list(leaf.extras.hvp[1]),
                    hvp_returns,
                    keep_adjoints,
                    False,
                ),
            )
        )
        for leaf in returning:
            all_outs += leaf.extras.hvp[1]
        if extras.hessian:
            line = model.params[0].loc.line if model.params and model.params[0].loc else 0
            keywords = [namer.name(v) for v in vectors] if sep.endswith("*, ") or starred else None
            functions.append(
                _hessian_function(
                    fn, args, call, wrt_names, one, f"{one_line(filename)}:{line}", keywords
                )
            )
    if extras.taylor is not None:
        directions = extras.taylor[0]
        for leaf in returning:
            for k, c in enumerate(leaf.extras.taylor[1][1:], start=1):
                prename(c, f"c{k}")
        dargs = args + sep + ", ".join(namer.name(d) for d in directions)
        order = len(extras.taylor[1]) - 1
        functions.append(
            Function(
                f"taylor_{fn}",
                dargs,
                f"The Taylor coefficients of t -> {fn}(x + t d) at t = 0, d = "
                f"({', '.join(namer.name(d) for d in directions)}): "
                f"f, f'[d], f''[d, d]/2!, ... up to order {order}.",
                *emit(
                    lambda leaf: list(leaf.extras.taylor[1]),
                    lambda leaf: f"({', '.join(spelled(c) for c in leaf.extras.taylor[1])},)",
                    set(),
                    False,
                ),
            )
        )
        for leaf in returning:
            all_outs += leaf.extras.taylor[1]
    if model.tree is not None:
        all_outs += paths.conditions(model.tree)
    _add_contract(functions, model, namer)
    all_values = _with_bodies([v for v in reachable(all_outs) if not v.is_param])
    for f in functions:  # every docstring is data: nothing in it can end it
        f.doc = docstring(f.doc)
    context = {
        "fn": fn,
        "filename": docstring(one_line(filename)),
        "command": docstring(one_line(command)),
        "version": docstring(version),
        "params": [
            (
                namer.name(p),
                docstring(
                    describe_shape(g, p) + ("" if namer.name(p) == n else f" ({n} in the model)")
                ),
            )
            for n, p in zip(model.param_names, model.params)
        ],
        "wrt": wrt_names,
        "functions": functions,
        "extra_doc": docstring(extras.doc),
        "imports": _imports(all_values),
        "prelude": _prelude(all_values),
        "contract": _contract(model) if model.params else "",
        "alias": namer.alias,
    }
    text = _template_env().get_template("module.py.j2").render(**context)
    if namer.alias is not None:
        text = _unshadow(text, fn, namer.alias)
    text = _renumber(text, namer.temp_names, namer.taken)
    return black.format_str(text, mode=black.Mode())


def _renumber(text: str, temps: set[str], taken: set[str]) -> str:
    """The module with its temporaries numbered after scheduling: t1, t2, ... in the order
    they first appear, top-down (scheduling moves statements after they were named). A model
    name such as `t3` is never taken; the renaming is simultaneous, token by token."""
    toks = [
        t
        for t in tokenize.generate_tokens(io.StringIO(text).readline)
        if t.type == tokenize.NAME and t.string in temps
    ]
    avoid = taken - temps
    new: dict[str, str] = {}
    k = 0
    for t in toks:
        if t.string not in new:
            k += 1
            while f"t{k}" in avoid:
                k += 1
            new[t.string] = f"t{k}"
    lines = text.splitlines(keepends=True)
    for t in reversed(toks):
        row, col = t.start
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new[t.string] + line[col + len(t.string) :]
    return "".join(lines)


def _unshadow(text: str, name: str, alias: str) -> str:
    """The module with every read of the global `name` inside its functions (a builtin or an
    import that the function `name` hides) spelled `alias` instead; strings, attributes
    (`x.name`), keyword arguments (`f(name=...)`), the `def name` itself and the alias's own
    binding line are left alone. Drops the alias line when nothing reads it."""
    lines = text.splitlines(keepends=True)
    binding = f"{alias} = {name}\n"
    skip = (tokenize.NL, tokenize.COMMENT)
    toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in skip]
    first_def = next(i for i, t in enumerate(toks) if t.type == tokenize.NAME and t.string == "def")
    edits = [
        tok.start
        for i, tok in enumerate(toks)
        if i > first_def
        and tok.type == tokenize.NAME
        and tok.string == name
        and toks[i - 1].string not in (".", "def")
        and not (toks[i + 1].string == "=" and toks[i - 1].string in ("(", ","))  # keyword=
        and lines[tok.start[0] - 1] != binding
    ]
    if not edits:
        return "".join(line for line in lines if line != binding)
    for row, col in reversed(edits):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + alias + line[col + len(name) :]
    return "".join(lines)


def _reachable(roots: list[Value], bound: frozenset[int]) -> list[Value]:
    """The values computing `roots` from the parameters and the values already `bound` by
    enclosing code (not the values that only went into a bound one), in creation order."""
    seen: dict[int, Value] = {}
    stack = [r for r in roots if r.id not in bound]
    while stack:
        v = stack.pop()
        if v.id not in seen:
            seen[v.id] = v
            stack.extend(a for a in v.args if a.id not in bound)
    return [seen[i] for i in sorted(seen)]


def _tree_program(
    model, printer, program, tree, outs_of, returns_of, keep, filename
) -> list[Statement]:
    """The statements of a function whose paths split on run-time conditions: each decision
    computes what its condition needs (and what every path below it needs: hoisted, computed
    once), then `if cond:` the first path, indented; the other path follows. Every path ends
    in its own `return` or `raise`."""
    g = model.graph

    def needed(node, bound: frozenset[int]) -> set[int]:
        """Values every path below `node` computes (a raise computes nothing)."""
        if isinstance(node, paths.Leaf):
            if node.raises is not None:
                return set()
            return {v.id for v in _reachable(outs_of(node), bound) if not v.is_param}
        return needed(node.then, bound) & needed(node.orelse, bound)

    def below(node) -> list[Value]:
        """Every value a path below `node` reads: the roots of its paths and conditions."""
        if isinstance(node, paths.Leaf):
            return [] if node.raises is not None else list(outs_of(node))
        return [node.cond, *below(node.then), *below(node.orelse)]

    def indent(statements: list[Statement]) -> list[Statement]:
        return [
            Statement(["    " + line for line in s.lines], s.comment, s.defs, s.uses)
            for s in statements
        ]

    def walk(node, bound: frozenset[int]) -> list[Statement]:
        if isinstance(node, paths.Leaf):
            where = f"{one_line(filename)}:{node.loc.line}" if node.loc else ""
            if node.raises is not None:
                exc, message = node.raises
                text = f"raise {exc}({'' if message is None else repr(message)})"
                return [Statement([text], where)]
            body = program(outs_of(node), keep, node.out in outs_of(node), bound)
            return body + [Statement([f"return {returns_of(node)}"], "")]
        cond = node.cond
        shared = needed(node, bound)
        roots = [*cond.args] + [g.values[i] for i in sorted(shared)]
        values = {v.id: v for v in _reachable(roots, bound) if not v.is_param}
        everything = reachable(below(node))
        for v in list(values.values()):  # w, V = eigh(A): siblings needed below come along
            if RULES[v.op].group is not None:
                for u in everything:
                    if RULES[u.op].group is not None and _group_key(u) == _group_key(v):
                        values.setdefault(u.id, u)
        readers = {a.id for v in everything for a in v.args}
        if cond.id in readers and cond.id not in bound:  # (s > 0) * s: a value too, named
            values[cond.id] = cond
        later = [v for v in everything if v.id not in values and not v.is_param]
        uses = {a.id for v in later for a in v.args} | {v.id for v in below(node)}
        head_keep = {i for i in values if i in uses} | {a.id for a in cond.args}
        prefix = []
        if values:
            prefix = program(list(values.values()), keep | head_keep, False, bound, exact=True)
        defined = set(bound)
        for s in prefix:
            defined |= set(s.defs)
        inline = {u.id for u in reachable([cond]) if u.id not in defined and not u.is_param}
        text, prec = printer.expr(cond, inline)
        if not node.sense:
            text = f"not {text}" if prec >= CMP else f"not ({text})"
        where = f"{one_line(filename)}:{node.loc.line}" if node.loc else ""
        then = walk(node.then, frozenset(defined))
        orelse = walk(node.orelse, frozenset(defined))
        return prefix + [Statement([f"if {text}:"], where)] + indent(then) + orelse

    return walk(tree, frozenset())


def _contract(model: Model) -> str:
    """_PARAMS of the module: each parameter's name, dimensions and documented shape."""
    g = model.graph
    rows = []
    for name, p in zip(model.param_names, model.params):
        dims = tuple(g.dim_name(d) for d in p.shape)
        flag = model.defaults.get(name) in ("True", "False")  # checked as a real scalar
        if p.struct == SPARSE:  # a scipy.sparse constant: its shape is checked, not its dtype
            shape = describe_shape(g, p)
        else:
            shape = "int" if name in model.integers and not flag else describe_shape(g, p)
        rows.append(repr((name, dims, shape)))
    return "(" + ", ".join(rows) + ",)"


def _add_contract(functions: list[Function], model: Model, namer: Namer) -> None:
    """Each public function starts by checking the model's parameters (_check_args)."""
    if not model.params:
        return
    if model.fn in ("_check_args", "_PARAMS", *PRELUDE_NAMES):
        raise CompileError(
            f"the function name `{model.fn}` is taken by the generated module's contract",
            model.params[0].loc,
            "rename the model function",
        )
    names = [namer.name(p) for p in model.params]
    targets = ", ".join(names) + ("," if len(names) == 1 else "")
    for f in functions:
        call = f"{targets} = _check_args({f.name!r}, {', '.join(names)})"
        f.body.insert(0, Statement([call], ""))


def _hessian_function(
    fn: str,
    args: str,
    call: str,
    wrt: list[str],
    one: bool,
    where: str,
    keywords: list[str] | None = None,
) -> Function:
    """The full Hessian, column by column from hvp_<fn> with unit vectors."""
    lines = [
        f"shapes = [{', '.join(f'np.shape({w})' for w in wrt)}]",
        "sizes = [int(np.prod(s)) for s in shapes]",
        "total = sum(sizes)",
        "hessian = np.zeros((total, total))",
        "for column in range(total):",
        "    unit = np.zeros(total)",
        "    unit[column] = 1.0",
        "    parts = np.split(unit, np.cumsum(sizes)[:-1])",
        "    vectors = [p.reshape(s) for p, s in zip(parts, shapes)]",
        (
            f"    columns = hvp_{fn}({call}, *vectors)"
            if keywords is None
            else f"    columns = hvp_{fn}({call}, **dict(zip({keywords!r}, vectors)))"
        ),
        "    hessian[:, column] = np.concatenate([np.ravel(c) for c in "
        + ("[columns]" if one else "columns")
        + "])",
    ]
    return Function(
        f"hessian_{fn}",
        args,
        f"The Hessian of {fn} with respect to ({', '.join(wrt)}) as a (d, d) array: entries "
        "of each parameter flattened in C order and concatenated in that order; column k "
        f"is hvp_{fn} along the k-th unit vector.",
        [Statement(lines, f"Hessian of {where}")],
        "hessian",
    )
