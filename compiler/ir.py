"""SSA matrix IR: immutable, hash-consed values with symbolic shapes, structure and source lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Loc, ShapeError

# Structure tags carried by values (DESIGN.md, "Frontend").
GENERAL, SYMMETRIC, SPD, DIAGONAL, LOWER = "general", "symmetric", "spd", "diagonal", "lower"
UPPER = "upper"
SPARSE = "sparse"  # a scipy.sparse matrix at run time: a constant, never densified


SYMMETRIC_TAGS = (SYMMETRIC, SPD, DIAGONAL)


@dataclass(frozen=True, eq=False)
class Value:
    """One SSA value. Two values are equal iff they are the same object (hash-consing)."""

    id: int
    op: str
    args: tuple[Value, ...]
    attrs: tuple[tuple[str, Any], ...]
    shape: tuple[int, ...]  # dimension ids of the graph's union-find; () for a scalar
    struct: str = GENERAL
    loc: Loc | None = field(default=None, compare=False)
    dtype: str = "real"  # "real" or "complex" (eig); adjoints of complex values conjugate

    @property
    def rank(self) -> int:
        return len(self.shape)

    def attr(self, key: str, default: Any = None) -> Any:
        return dict(self.attrs).get(key, default)

    @property
    def is_symmetric(self) -> bool:
        return self.struct in SYMMETRIC_TAGS

    @property
    def is_param(self) -> bool:
        return self.op == "param"

    def is_const(self, value: float | None = None) -> bool:
        return self.op == "const" and (value is None or self.attr("value") == value)

    def __repr__(self) -> str:
        return f"%{self.id}"


@dataclass
class _Dim:
    fixed: int | str | None  # a literal size, a declared name, or free
    site: Loc | None
    what: str  # where it was introduced, for messages
    product: tuple[int, int] | None = None  # the size of np.kron: the product of two dims
    sliced: tuple | None = None  # (dim, start, stop, step): the size of a slice of that dim


class Graph:
    """The values of one program, plain data: the values in creation order, the union-find
    over their dimensions, and the names and labels the model gave them. New values are
    built by `build.Builder`, which knows the rules."""

    def __init__(self) -> None:
        self.values: list[Value] = []
        self._dims: list[_Dim] = []
        self._parent: list[int] = []
        self.names: dict[int, str] = {}  # value id -> the user's variable name (a hint)
        self.labels: dict[int, str] = {}  # free dimension -> a readable name
        self.svd_dims: dict[int, tuple[int, int]] = {}  # min(m, n) dims, by (m, n)
        self.replaced: dict[int, Value] = {}  # value id -> what an optimizer pass put instead

        self.loc: Loc | None = None  # the statement being compiled: new values trace to it
        self.at: Loc | None = None  # the exact expression being compiled, for error messages

    # -- dimensions: a union-find over dimension ids ------------------------------------
    def new_dim(
        self, fixed: int | str | None = None, site: Loc | None = None, what: str = ""
    ) -> int:
        if isinstance(fixed, str):
            for d, info in enumerate(self._dims):
                if self._parent[d] == d and info.fixed == fixed:
                    return d
        self._dims.append(_Dim(fixed, site, what))
        self._parent.append(len(self._parent))
        return len(self._parent) - 1

    def find(self, d: int) -> int:
        while self._parent[d] != d:
            self._parent[d] = self._parent[self._parent[d]]
            d = self._parent[d]
        return d

    def find_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        """The representative of each dimension of `shape` (a shape attribute's value)."""
        return tuple(self.find(d) for d in shape)

    def dim_info(self, d: int) -> _Dim:
        return self._dims[self.find(d)]

    def describe(self, v: Value) -> str:
        """`A` (n, m) declared at 4:7 — a value as a shape-conflict message names it."""
        shape = "(" + ", ".join(str(self.dim_name(d)) for d in v.shape) + ")"
        name = self.names.get(v.id)
        what = f"`{name}` {shape}" if name else f"a {shape} value"
        if v.loc is not None:
            what += f" {'declared' if v.op == 'param' else 'from'} at {v.loc}"
        return what

    def unify(self, a: int, b: int, context: str, operands: tuple[Value, ...] = ()) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ia, ib = self._dims[ra], self._dims[rb]
        if ia.fixed is not None and ib.fixed is not None and ia.fixed != ib.fixed:
            if operands:
                sites = " and ".join(self.describe(v) for v in operands)
            else:
                site_a = f" at {ia.site}" if ia.site else ""
                site_b = f" at {ib.site}" if ib.site else ""
                sites = f"{ia.what}{site_a} and {ib.what}{site_b}"
            raise ShapeError(
                f"shape conflict in {context}: size {ia.fixed} does not match size {ib.fixed} "
                f"({sites})",
                self.at or self.loc,
                'declare consistent shapes, e.g. A: "n,m" and x: "m" for A @ x',
            )
        if ia.fixed is None:
            ra, rb = rb, ra
        self._parent[rb] = ra
        if rb in self.labels and ra not in self.labels and self._dims[ra].fixed is None:
            self.labels[ra] = self.labels.pop(rb)  # a name the model gave goes with the union

    def same_dim(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        fa, fb = self._dims[ra].fixed, self._dims[rb].fixed
        return isinstance(fa, int) and fa == fb

    def same_shape(self, s: tuple[int, ...], t: tuple[int, ...]) -> bool:
        return len(s) == len(t) and all(self.same_dim(a, b) for a, b in zip(s, t))

    def dim_name(self, d: int) -> int | str:
        info = self.dim_info(d)
        if info.fixed is not None:
            return info.fixed
        if info.product is not None:
            a, b = (self.dim_name(x) for x in info.product)
            return a * b if isinstance(a, int) and isinstance(b, int) else f"{a}*{b}"
        return self.labels.get(self.find(d), f"d{self.find(d)}")

    def product_dim(self, a: int, b: int) -> int:
        """The dimension a*b (np.kron), the same id each time it is asked for."""
        fa, fb = self.dim_info(a).fixed, self.dim_info(b).fixed
        if isinstance(fa, int) and isinstance(fb, int):
            return self.new_dim(fa * fb)
        return self._derived("product", (self.find(a), self.find(b)), "a size of np.kron")

    def slice_dim(self, d: int, start, stop, step) -> int:
        """The size of d[start:stop:step] for a size d known only at run time, the same id
        each time it is asked for (codegen spells it `len(range(n)[start:stop:step])`)."""
        return self._derived("sliced", (self.find(d), start, stop, step), "a slice")

    def _derived(self, how: str, key: tuple, what: str) -> int:
        """The dimension derived from others by `how` ("product" or "sliced") with `key`:
        found if asked for before, else new."""
        for d, info in enumerate(self._dims):
            if getattr(info, how) == key and self._parent[d] == d:
                return d
        d = self.new_dim(None, self.at, what)
        setattr(self._dims[d], how, key)
        return d

    def suggest_label(self, d: int, name: str) -> None:
        """The model named this free dimension (`n = X.shape[0]`): label it so, unless the
        name is taken."""
        r = self.find(d)
        taken = {i.fixed for i in self._dims} | set(self.labels.values())
        if (
            name.strip("_")
            and self._dims[r].fixed is None
            and r not in self.labels
            and name not in taken
        ):
            self.labels[r] = name

    def label_dims(self, shapes: list[tuple[int, ...]]) -> None:
        """Give inferred (free) dimensions readable names, in order of first appearance."""
        used = {i.fixed for i in self._dims if isinstance(i.fixed, str)}
        used |= set(self.labels.values())
        pool = (
            n
            for n in ["n", "m", "k", "p", "q", "r", "s", "u", "v", "w"]
            + [f"n{i}" for i in range(1, 99)]
            if n not in used
        )
        for shape in shapes:
            for d in shape:
                r = self.find(d)
                if (
                    self._dims[r].fixed is None
                    and self._dims[r].product is None
                    and r not in self.labels
                ):
                    self.labels[r] = next(pool)

    def current(self, v: Value) -> Value:
        """What v became after optimization (v itself if no pass replaced it)."""
        while v.id in self.replaced and self.replaced[v.id] is not v:
            v = self.replaced[v.id]
        return v

    def name(self, v: Value, name: str) -> None:
        """Remember that the user (or autodiff) called this value `name`; first name wins."""
        self.names.setdefault(v.id, name)


def reachable(roots: list[Value]) -> list[Value]:
    """The values the roots depend on, in creation (hence topological) order."""
    seen: dict[int, Value] = {}
    stack = list(roots)
    while stack:
        v = stack.pop()
        if v.id in seen:
            continue
        seen[v.id] = v
        stack.extend(v.args)
    return [seen[i] for i in sorted(seen)]


def format_ir(graph: Graph, roots: list[Value], labels: list[str]) -> str:
    """Stable text form of the program computing `roots` (`--emit ir`)."""
    lines = []
    for v in reachable(roots):
        shape = "(" + ", ".join(str(graph.dim_name(d)) for d in v.shape) + ")"
        args = ", ".join(repr(a) for a in v.args)
        attrs = ", ".join(f"{k}={val!r}" for k, val in v.attrs)
        inner = ", ".join(x for x in (args, attrs) if x)
        name = graph.names.get(v.id)
        tag = f"  # {name}" if name else ""
        struct = "" if v.struct == GENERAL else f" {v.struct}"
        line = f" @{v.loc.line}" if v.loc else ""
        lines.append(f"{v!r:>5} = {v.op}({inner}) : {shape}{struct}{line}{tag}")
    for label, r in zip(labels, roots):
        lines.append(f"{label} = {r!r}")
    return "\n".join(lines) + "\n"
