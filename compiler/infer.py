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

from .rules import ANY_RANK_CALLS, ELEMENTWISE_CALLS, FAMILIES, METHODS

MAX_RANK = 2


@dataclass
class Uses:
    """What the uses of one parameter say about its rank."""

    low: int = 0  # the least rank any use allows
    exact: int | None = None  # a rank some use requires exactly
    array: bool = False  # some use needs an array (not only elementwise/broadcast)
    scale: bool = True  # every use scales something else (s * x, x / s, x ** s)
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
        """The ranks to try, most plausible first: an exact rank alone; a capitalised name
        as a matrix first (NumPy's convention); any other parameter used only elementwise or
        broadcast as a scalar first (the least rank); other arrays as vectors first."""
        if self.exact is not None:
            return (self.exact,)  # any rank: `n, k, d = X.shape`, np.einsum("kij", X)
        if self.low > MAX_RANK:
            return (self.low,)
        if upper_case:
            order = (2, 1, 0) if self.array else (2, 0, 1)
        else:
            order = (1, 2, 0) if self.array else (0, 1, 2)
        return tuple(r for r in order if r >= self.low)

    @property
    def line(self) -> int | None:
        return self.open_line or self.first


def _family(name: str) -> str | None:
    for fam, module in FAMILIES.items():
        if name in module.CALLS or any(name in r.calls for r in module.RULES.values()):
            return fam
    return None


ARRAY = "<array>"  # a leaf that is an array by itself
TWO_ARRAYS = {"numpy.dot", "numpy.outer", "numpy.kron", "numpy.matmul"}
SCALAR_RESULTS = {
    "numpy.sum",
    "numpy.mean",
    "numpy.max",
    "numpy.min",
    "numpy.amax",
    "numpy.amin",
    "numpy.trace",
    "numpy.linalg.norm",
    "numpy.linalg.det",
}
SQUARE_FIRST = {"numpy.linalg.matrix_power", "numpy.trace", "numpy.tril", "numpy.triu"}
MATRIX_ORDS = ("fro", "nuc")


@dataclass
class Collector:
    imports: dict[str, str]
    helpers: dict[str, ast.FunctionDef]
    fixed: dict[str, int] = field(default_factory=dict)  # annotated parameters' ranks
    uses: dict[str, Uses] = field(default_factory=dict)
    active: list[str] = field(default_factory=list)  # helpers being walked (recursion)
    walked: set = field(default_factory=set)  # (helper, parameter map) already walked
    # (the parameters an array-needing operand is an elementwise function of, line)
    groups: list[tuple[frozenset, int]] = field(default_factory=list)

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
                if (
                    isinstance(stmt, ast.AugAssign)
                    and isinstance(stmt.target, ast.Name)
                    and isinstance(scope.get(stmt.target.id), str)
                ):
                    self.name_use(stmt.target, None, scope)
            elif isinstance(stmt, (ast.Return, ast.Expr)):
                value = stmt.value
            if value is not None:
                self.expression(value, scope, targets)
            for t in targets:
                if isinstance(t, ast.Name) and isinstance(stmt, ast.Assign):
                    scope[t.id] = self.leaves(value, scope)
                    continue
                for node in ast.walk(t):
                    if isinstance(node, ast.Name):
                        scope[node.id] = frozenset({ARRAY})

    def expression(self, node: ast.expr, scope: dict[str, str], targets=()) -> None:
        parents: dict[int, ast.AST] = {}
        for parent in ast.walk(node):
            for child in ast.iter_child_nodes(parent):
                parents[id(child)] = parent
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call):
                self.helper_call(sub, scope)
            for operand in self.array_operands(sub, scope):
                self.groups.append((self.leaves(operand, scope), getattr(sub, "lineno", 0)))
            if (
                isinstance(sub, ast.Name)
                and isinstance(sub.ctx, ast.Load)
                and isinstance(scope.get(sub.id), str)
            ):
                parent = parents.get(id(sub))
                if parent is None and targets:
                    parent = ("assign", targets)  # `n, d = X.shape` sees the targets
                self.name_use(sub, parent, scope, parents, targets)

    def array_operands(self, node: ast.AST, scope) -> list[ast.expr]:
        """The operands of `node` that must be arrays for `node` to make sense: what is
        reduced, multiplied with `@`, transposed or indexed."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            return [node.left, node.right]
        if isinstance(node, ast.Call):
            name = self.dotted(node.func, scope)
            if name is None and isinstance(node.func, ast.Attribute) and node.func.attr in METHODS:
                return [node.func.value]
            if name is not None and _family(name) in ("reductions", "products"):
                return list(node.args[:2] if name in TWO_ARRAYS else node.args[:1])
        if isinstance(node, ast.Attribute) and node.attr == "T":
            return [node.value]
        if isinstance(node, ast.Subscript) and not (
            isinstance(node.value, ast.Attribute) and node.value.attr == "shape"
        ):
            return [node.value]
        return []

    def leaves(self, node: ast.expr, scope) -> frozenset:
        """The parameters `node` is an elementwise function of, with ARRAY when some part of
        it is (or may be) an array by itself: a product, a factorization, an unknown."""
        if isinstance(node, ast.Name):
            held = scope.get(node.id)
            if isinstance(held, str):
                return frozenset({held})
            if held is not None:
                return held
            if node.id in self.fixed:
                return frozenset({ARRAY}) if self.fixed[node.id] else frozenset()
            return frozenset()  # a module constant
        if isinstance(node, ast.Constant):
            return frozenset()
        if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.MatMult):
            return self.leaves(node.left, scope) | self.leaves(node.right, scope)
        if isinstance(node, ast.UnaryOp):
            return self.leaves(node.operand, scope)
        if isinstance(node, ast.Attribute):
            if node.attr in ("shape", "ndim", "size"):
                return frozenset()
            if node.attr in ("real", "imag"):
                return self.leaves(node.value, scope)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "shape"
        ):
            return frozenset()
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "len":
                return frozenset()
            name = self.dotted(node.func, scope)
            if name is not None and (
                _family(name) == "elementwise" or name == "numpy.where" or name in ELEMENTWISE_CALLS
            ):
                out = frozenset()
                for a in node.args:
                    out |= self.leaves(a, scope)
                return out
            whole = not any(k.arg in ("axis", "keepdims") for k in node.keywords)
            if name in SCALAR_RESULTS and whole:
                return frozenset()
        return frozenset({ARRAY})

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
            if isinstance(a, ast.Name) and isinstance(scope.get(a.id), str)
        }
        key = (fn.name, tuple(sorted(inner.items())))
        if inner and key not in self.walked:  # a second walk would see the same uses
            self.walked.add(key)
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
            partner = p.right if p.left is node else p.left
            scales = (
                isinstance(p.op, ast.Mult)
                or (isinstance(p.op, (ast.Div, ast.Pow)) and p.right is node)
            ) and bool(self.leaves(partner, scope))
            u.scale = u.scale and scales
            return
        u.scale = False
        if isinstance(p, ast.Call):
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
        spec = call.args[0] if call.args else None
        if name == "numpy.einsum" and isinstance(spec, ast.Constant) and index > 0:
            # the subscripts name each operand's axes: 'kij' is exactly 3, '...ij' at least 2
            text = str(spec.value).split("->")[0].replace(" ", "").split(",")
            if index - 1 < len(text):
                sub = text[index - 1]
                named = len(sub.replace("...", ""))
                u.see(line, low=named, array=True) if "..." in sub else u.see(line, exact=named)
                return
        if family == "elementwise" or name == "numpy.where" or name in ANY_RANK_CALLS:
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
    fn: ast.FunctionDef,
    params: list[str],
    imports: dict[str, str],
    helpers,
    fixed: dict[str, int] | None = None,
) -> dict[str, Uses]:
    """Each free parameter's uses, by name (a parameter never used gets an empty Uses).

    Besides their direct uses, the parameters of an operand that must be an array count as
    arrays when nothing else in it can be one (np.sum(np.exp(x) * np.log(x)),
    np.sum(np.maximum(x, y))), except those only used to scale the others (lr and delta in
    np.sum(x - lr * np.tanh(x / delta))); in np.sum((y - X @ w) ** 2) y may be broadcast, so
    it stays a scalar by the least-rank rule."""
    c = Collector(imports, {k: v for k, v in helpers.items() if k != fn.name}, dict(fixed or {}))
    c.active.append(fn.name)
    c.function(fn, {p: p for p in params})
    uses = {p: c.uses.get(p, Uses()) for p in params}

    def likely_array(p: str) -> bool:
        return uses[p].array or p[:1].isupper()

    for group, line in c.groups:
        candidates = [p for p in group if p in uses]
        if ARRAY in group or any(likely_array(p) for p in candidates):
            continue
        # nothing else in it can be the array: its parameters are, except those that only
        # scale the others (lr and delta in x - lr * np.tanh(x / delta))
        arrays = [p for p in candidates if not uses[p].scale] or candidates
        for p in arrays:
            uses[p].see(line, array=True)
    return uses


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
    combos = (c for total in range(sum(n - 1 for n in sizes) + 1) for c in _with_sum(sizes, total))
    for combo in itertools.islice(combos, limit):
        yield tuple(choices[i][k] for i, k in enumerate(combo))
