"""Rank constraints from use: what each parameter's uses say about its rank, read from the AST.

One pass over the model function (and the helpers it calls, with their parameters mapped to
the caller's arguments) collects, for every unannotated parameter, a lower bound on its rank
from each use (an operand of `@`, indexed with k indices, reduced, `len(x)`, `x.shape[k]`) or
an exact rank (`np.linalg.inv(A)`, `n, d = X.shape`, `np.trace(A)`). A parameter whose every
use is elementwise or broadcast has no such bound: it is a scalar unless the build proves that
impossible (the least-rank typing wins). The frontend tries the typings in the order given here,
checking each with the rules' own shape rules, and warns about what stays ambiguous.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field

from .rules import FAMILIES, METHODS

MAX_RANK = 2


@dataclass
class Uses:
    """What the uses of one parameter say about its rank."""

    low: int = 0  # the least rank any use allows
    exact: int | None = None  # a rank some use requires exactly
    array: bool = False  # some use needs an array (not only elementwise/broadcast)
    first: int | None = None  # the line of the first use
    open_line: int | None = None  # the first use that leaves the rank open

    def see(self, line: int, low: int = 0, exact: int | None = None, array: bool = False):
        if self.first is None:
            self.first = line
        self.low = max(self.low, low)
        if exact is not None:
            self.exact = max(self.exact or 0, exact)
        self.array = self.array or array or low > 0 or exact is not None
        if exact is None and low < MAX_RANK and self.open_line is None:
            self.open_line = line

    def ranks(self, upper_case: bool) -> tuple[int, ...]:
        """The ranks to try, most plausible first: an exact rank alone; a parameter used only
        elementwise as a scalar first; an array as a matrix first when its name starts
        upper-case, else as a vector first."""
        if self.exact is not None:
            return (self.exact,)
        order = (2, 1, 0) if upper_case else (1, 2, 0)
        if not self.array:
            order = (0, *order[:2])
        return tuple(r for r in order if r >= self.low)

    @property
    def line(self) -> int | None:
        return self.open_line or self.first


def _family(name: str) -> str | None:
    for fam, module in FAMILIES.items():
        if name in module.CALLS or any(name in r.calls for r in module.RULES.values()):
            return fam
    return None


SQUARE_FIRST = {"numpy.linalg.matrix_power", "numpy.trace", "numpy.tril", "numpy.triu"}
MATRIX_ORDS = ("fro", "nuc")


@dataclass
class Collector:
    imports: dict[str, str]
    helpers: dict[str, ast.FunctionDef]
    uses: dict[str, Uses] = field(default_factory=dict)
    active: list[str] = field(default_factory=list)  # helpers being walked (recursion)

    def dotted(self, node: ast.expr, scope: dict[str, str]) -> str | None:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id in scope or node.id not in self.imports:
            return None
        return ".".join([self.imports[node.id], *reversed(parts)])

    def function(self, fn: ast.FunctionDef, scope: dict[str, str]) -> None:
        """Walk `fn`'s statements in order; `scope` maps a local name to the parameter it
        still holds (an assignment to the name ends that)."""
        self.statements(fn.body, dict(scope))

    def statements(self, body: list[ast.stmt], scope: dict[str, str]) -> None:
        for stmt in body:
            if isinstance(stmt, ast.For):
                self.expression(stmt.iter, scope)
                self.statements(stmt.body, scope)
                continue
            targets: list[ast.expr] = []
            value = None
            if isinstance(stmt, ast.Assign):
                targets, value = stmt.targets, stmt.value
            elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)):
                targets, value = [stmt.target], stmt.value
                if isinstance(stmt, ast.AugAssign):
                    self.name_use(stmt.target, None, scope)
            elif isinstance(stmt, (ast.Return, ast.Expr)):
                value = stmt.value
            if value is not None:
                self.expression(value, scope, targets)
            for t in targets:
                for node in ast.walk(t):
                    if isinstance(node, ast.Name):
                        scope.pop(node.id, None)

    def expression(self, node: ast.expr, scope: dict[str, str], targets=()) -> None:
        parents: dict[int, ast.AST] = {}
        for parent in ast.walk(node):
            for child in ast.iter_child_nodes(parent):
                parents[id(child)] = parent
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call):
                self.helper_call(sub, scope)
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id in scope:
                parent = parents.get(id(sub))
                if parent is None and targets:
                    parent = ("assign", targets)  # `n, d = X.shape` sees the targets
                self.name_use(sub, parent, scope, parents, targets)

    def helper_call(self, call: ast.Call, scope: dict[str, str]) -> None:
        func = call.func
        if not (isinstance(func, ast.Name) and func.id in self.helpers and func.id not in scope):
            return
        fn = self.helpers[func.id]
        if fn.name in self.active:
            return
        inner = {
            p.arg: scope[a.id]
            for p, a in zip(fn.args.args, call.args)
            if isinstance(a, ast.Name) and a.id in scope
        }
        if inner:
            self.active.append(fn.name)
            self.function(fn, inner)
            self.active.pop()

    def name_use(self, node, parent, scope, parents=None, targets=()) -> None:
        param = scope[node.id]
        u = self.uses.setdefault(param, Uses())
        line = getattr(node, "lineno", 0)
        p = parent
        if isinstance(p, ast.BinOp):
            u.see(line, low=1 if isinstance(p.op, ast.MatMult) else 0)
        elif isinstance(p, ast.Call):
            self.call_use(u, line, node, p, scope)
        elif isinstance(p, ast.Attribute):
            self.attribute_use(u, line, p, parents or {}, targets)
        elif isinstance(p, ast.Subscript) and p.value is node:
            parts = p.slice.elts if isinstance(p.slice, ast.Tuple) else [p.slice]
            k = sum(
                not (
                    (isinstance(e, ast.Constant) and e.value is None)
                    or (isinstance(e, ast.Attribute) and e.attr == "newaxis")
                )
                for e in parts
            )
            u.see(line, low=k)
        else:
            u.see(line)

    def call_use(self, u: Uses, line: int, node, call: ast.Call, scope) -> None:
        func = call.func
        if isinstance(func, ast.Name) and func.id == "len" and func.id not in scope:
            u.see(line, low=1)
            return
        if isinstance(func, ast.Name) and func.id in self.helpers and func.id not in scope:
            return  # seen through the helper's own body
        name = self.dotted(func, scope)
        index = next((i for i, a in enumerate(call.args) if a is node), None)
        if name is None and isinstance(func, ast.Attribute) and func.attr in METHODS:
            name = METHODS[func.attr]
            index = index + 1 if index is not None else None
        if name is None or index is None:
            u.see(line)
            return
        options = {k.arg: k.value for k in call.keywords if k.arg}
        family = _family(name)
        if family == "elementwise" or name == "numpy.where":
            u.see(line)
        elif family in ("linalg", "scipy.linalg") or (name in SQUARE_FIRST and index == 0):
            u.see(line, exact=2) if index == 0 else u.see(line, low=1)
        elif name == "numpy.linalg.norm":
            ord_ = call.args[1] if len(call.args) > 1 else options.get("ord")
            matrix = isinstance(ord_, ast.Constant) and ord_.value in MATRIX_ORDS
            u.see(line, exact=2) if matrix else u.see(line, low=1, array=True)
        elif family == "reductions" and isinstance(options.get("axis"), ast.Constant):
            axis = options["axis"].value
            low = axis + 1 if isinstance(axis, int) and axis >= 0 else 1
            u.see(line, low=min(low, MAX_RANK))
        elif family is not None:
            u.see(line, low=1)
        else:
            u.see(line)

    def attribute_use(self, u: Uses, line: int, attr: ast.Attribute, parents, targets) -> None:
        if attr.attr in ("real", "imag", "ndim"):
            u.see(line)
            return
        if attr.attr != "shape":
            u.see(line, low=1)  # .T, .size, .sum() and the other methods
            return
        above = parents.get(id(attr), ("assign", targets) if targets else None)
        if isinstance(above, ast.Subscript) and isinstance(above.slice, ast.Constant):
            k = above.slice.value
            if isinstance(k, int):
                u.see(line, low=min(k + 1 if k >= 0 else -k, MAX_RANK))
                return
        if isinstance(above, tuple):  # n, d = X.shape: exactly as many dimensions as names
            for t in above[1]:
                if isinstance(t, (ast.Tuple, ast.List)):
                    u.see(line, exact=len(t.elts))
                    return
        u.see(line, low=1)


def collect(
    fn: ast.FunctionDef, params: list[str], imports: dict[str, str], helpers
) -> dict[str, Uses]:
    """Each parameter's uses, by name (a parameter never used gets an empty Uses)."""
    c = Collector(imports, {k: v for k, v in helpers.items() if k != fn.name})
    c.active.append(fn.name)
    c.function(fn, {p: p for p in params})
    return {p: c.uses.get(p, Uses()) for p in params}


def _with_sum(sizes: list[int], total: int):
    """Index tuples (i_k < sizes[k]) whose sum is `total`, in lexicographic order."""
    if not sizes:
        if total == 0:
            yield ()
        return
    rest_max = sum(n - 1 for n in sizes[1:])
    for first in range(min(sizes[0], total + 1)):
        if total - first <= rest_max:
            for rest in _with_sum(sizes[1:], total - first):
                yield (first, *rest)


def typings(choices: list[tuple[int, ...]], limit: int):
    """Rank assignments, one rank per free parameter from its choices (most plausible first):
    fewer and smaller departures from the first choices come first; at most `limit`."""
    sizes = [len(c) for c in choices]
    combos = (
        c for total in range(sum(n - 1 for n in sizes) + 1) for c in _with_sum(sizes, total)
    )
    for combo in itertools.islice(combos, limit):
        yield tuple(choices[i][k] for i, k in enumerate(combo))
