"""Optimizer: passes from IR to IR, run to a fixed point over the whole program (forward and
backward together), so that what the backward pass needs is shared with the forward one.

A pass is a function (graph, roots) -> (roots, changed). The graph is append-only: a pass
builds replacement values (hash-consing returns existing ones where nothing changed), and
codegen emits only what the new roots reach. Each rewrite keeps values equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .ir import LOWER, SPD, UPPER, Graph, Value, reachable

Rewrite = Callable[[Graph, Value, list[Value], dict[int, int]], Value | None]


def uses(roots: list[Value]) -> dict[int, int]:
    """How many times each value is an argument (roots count as one use)."""
    count: dict[int, int] = {}
    for v in reachable(roots):
        for a in v.args:
            count[a.id] = count.get(a.id, 0) + 1
    for r in roots:
        count[r.id] = count.get(r.id, 0) + 1
    return count


def rebuild(g: Graph, roots: list[Value], rewrite) -> tuple[list[Value], bool]:
    """Rebuild the program bottom-up, letting `rewrite(g, v, new_args, uses, new)` replace
    values (`new` maps each old value already visited to its replacement)."""
    count = uses(roots)
    new: dict[int, Value] = {}
    changed = False
    for v in reachable(roots):
        args = [new[a.id] for a in v.args]
        g.loc = g.at = v.loc
        out = rewrite(g, v, args, count, new)
        if out is None:
            if all(a is b for a, b in zip(args, v.args)):
                out = v
            else:
                out = g.op(v.op, *args, **dict(v.attrs))
        if out is not v:
            changed = True
            g.replaced[v.id] = out
            if v.id in g.names and out.id not in g.names and out.op != "param":
                g.names[out.id] = g.names[v.id]

        new[v.id] = out
    return [new[r.id] for r in roots], changed


# -- the passes ----------------------------------------------------------------------------
def trace_of_product(g: Graph, v: Value, args: list[Value], count) -> Value | None:
    """tr(A B) = Σ A ∘ Bᵀ: O(n²) instead of O(n³), when the product serves nothing else;
    tr(X ± Y) = tr X ± tr Y first, so that each product can go."""
    if v.op != "trace" or count.get(v.args[0].id, 0) != 1:
        return None
    x = args[0]
    if x.op == "matmul":
        a, b = x.args
        if a.rank == 2 and b.rank == 2:
            return g.op("sum", g.op("mul", a, g.op("transpose", b)))
    if x.op in ("add", "sub") and all(t.rank == 2 for t in x.args):
        return g.op(x.op, g.op("trace", x.args[0]), g.op("trace", x.args[1]))
    return None


def inverse_to_solve(g: Graph, v: Value, args: list[Value], count) -> Value | None:
    """inv(A) @ B → solve(A, B) and B @ inv(A) → solve(Aᵀ, Bᵀ)ᵀ, when that product is the
    inverse's only use (a shared inverse is cheaper to form once)."""
    if v.op != "matmul":
        return None
    a, b = v.args
    if a.op == "inv" and count.get(a.id, 0) == 1:
        return g.op("solve", args[0].args[0], args[1])
    if b.op == "inv" and count.get(b.id, 0) == 1 and args[0].rank == 2:
        m = args[1].args[0]
        return g.op("transpose", g.op("solve", g.op("transpose", m), g.op("transpose", args[0])))
    if b.op == "inv" and count.get(b.id, 0) == 1 and args[0].rank == 1:
        return g.op("solve", g.op("transpose", args[1].args[0]), args[0])
    return None


def scatter_accumulation(g: Graph, v: Value, args: list[Value], count) -> Value | None:
    """scatter(a, k1) + scatter(b, k2) → one zeros array updated in place at k1 and k2."""
    if v.op != "add" or any(count.get(a.id, 0) != 1 for a in v.args):
        return None
    if not all(a.op in ("scatter", "scatter_add") for a in args):
        return None
    if not all(g.same_shape(a.shape, v.shape) for a in args):
        return None
    parts, keys = [], []
    for a in args:
        parts += list(a.args)
        keys += [a.attr("key")] if a.op == "scatter" else list(a.attr("keys"))
    return g.op("scatter_add", *parts, keys=tuple(keys), shape=tuple(g.find(d) for d in v.shape))


def inner_products(g: Graph, v: Value, args: list[Value], count) -> Value | None:
    """Σ A ∘ B over arrays of one shape is np.vdot(A, B): no temporary array."""
    if v.op == "sum" and args[0].op == "mul" and count.get(v.args[0].id, 0) == 1:
        a, b = args[0].args
        if a.rank >= 1 and g.same_shape(a.shape, b.shape) and a.dtype == b.dtype == "real":
            return g.op("vdot", a, b)
    return None


def _scaled_identity(v: Value) -> tuple[Value | None, bool]:
    """(c, True) when v is c·I, (None, True) when v is I."""
    if v.op == "eye":
        return None, True
    if v.op == "mul":
        a, b = v.args
        if a.rank == 0 and b.op == "eye":
            return a, True
    return None, False


def shared_factorizations(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
    """One factorization per matrix: solve(A, c·I) is c·inv(A); and once inv(A) is formed
    anyway, solve(A, B) = inv(A) @ B and solve(Aᵀ, B) = inv(A)ᵀ @ B, a product instead of a
    second factorization."""
    values = reachable(roots)
    inverted = {v.args[0].id for v in values if v.op == "inv"}
    for v in values:  # solve(A, c I) will become an inverse of A
        if v.op == "solve" and _scaled_identity(v.args[1])[1]:
            inverted.add(v.args[0].id)

    def rewrite(g, v, args, count, new):
        if v.op != "solve":
            return None
        a, b = args
        scale, identity = _scaled_identity(b)
        if identity and v.args[0].id in inverted:
            inv = g.op("inv", a)
            return inv if scale is None else g.op("mul", scale, inv)
        if v.args[0].id in inverted:
            return g.op("matmul", g.op("inv", a), b)
        if a.op == "transpose" and a.args[0].id in inverted:
            return g.op("matmul", g.op("transpose", g.op("inv", a.args[0])), b)
        return None

    return rebuild(g, roots, rewrite)


def scipy_factorizations(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
    """--backend scipy: one factorization per matrix, shared by its solves (with A and Aᵀ),
    inverse and log-determinant: Cholesky (cho_factor) for a matrix declared spd, LU
    (lu_factor) for a general one used more than once, and triangular solves for triangular
    matrices (Cholesky factors)."""
    values = reachable(roots)

    def base(a: Value) -> tuple[Value, bool]:
        return (a.args[0], True) if a.op == "transpose" else (a, False)

    uses_of: dict[int, int] = {}
    for v in values:
        if v.op in ("inv", "solve", "logdet"):
            m, _ = base(v.args[0])
            uses_of[m.id] = uses_of.get(m.id, 0) + 1

    def eye(m: Value) -> Value:
        return g.op("eye", dim=g.find(m.shape[0]))

    def rewrite(g, v, args, count, new):
        if v.op not in ("inv", "solve", "logdet"):
            return None
        m, transposed = base(args[0])
        old_m, _ = base(v.args[0])
        rhs = args[1] if v.op == "solve" else eye(m)
        scale, identity = _scaled_identity(rhs)
        if identity and scale is not None:  # solve(A, c I) = c A⁻¹, one inverse shared
            inverse = rewrite(g, g.op("inv", v.args[0]), [args[0]], count, new)
            return g.op("mul", scale, inverse if inverse is not None else g.op("inv", args[0]))

        if m.struct == SPD:
            c = g.op("cho_factor", m, lower=True)
            if v.op == "logdet":
                return g.op("cho_logdet", c)
            if v.op == "inv" or identity:
                return g.op("cho_inv", c)
            return g.op("cho_solve", c, m, rhs)
        if m.struct in (LOWER, UPPER) and v.op != "logdet":
            return g.op("solve_triangular", m, rhs, lower=m.struct == LOWER, trans=int(transposed))
        if uses_of.get(old_m.id, 0) >= 2:
            lu = g.op("lu_factor", m)
            if v.op == "logdet":
                return g.op("lu_logdet", lu)
            return g.op("lu_solve", lu, rhs, trans=int(transposed))
        return None

    return rebuild(g, roots, rewrite)


COMMUTATIVE = {"add", "mul", "maximum", "minimum", "logaddexp", "vdot"}


def equal_up_to_order(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
    """CSE beyond hash-consing: b + a is a + b (for commutative ops), and Bᵀ Aᵀ is (A B)ᵀ,
    a free view of a product already computed."""
    seen: dict[tuple, Value] = {}

    def rewrite(g, v, args, count, new):
        built = (
            g.op(v.op, *args, **dict(v.attrs))
            if any(a is not b for a, b in zip(args, v.args))
            else v
        )
        if built.op in COMMUTATIVE and len(built.args) == 2:
            key = (built.op, frozenset(a.id for a in built.args), built.attrs)
            if key in seen and seen[key] is not built:
                return seen[key]
            seen.setdefault(key, built)
        if built.op == "matmul":
            a, b = built.args
            seen.setdefault(("matmul", a.id, b.id), built)
            if a.op == "transpose" and b.op == "transpose":
                twin = seen.get(("matmul", b.args[0].id, a.args[0].id))
                if twin is not None:
                    return g.op("transpose", twin)
        return built if built is not v else None

    return rebuild(g, roots, rewrite)


def _chain(v: Value, count, top: bool = True) -> list[Value]:
    """The factors of a product tree of single-use matmuls rooted at v."""
    if v.op == "matmul" and (top or count.get(v.id, 0) == 1):
        return _chain(v.args[0], count, False) + _chain(v.args[1], count, False)
    return [v]


def _cost(g: Graph, dims: list[int]) -> tuple[int, int]:
    """Symbolic flop count of a product over these dimensions, as (degree in the free sizes,
    literal factor): free sizes are taken as large and alike, literal sizes as given."""
    degree, literal = 0, 1
    for d in dims:
        fixed = g.dim_info(d).fixed
        if isinstance(fixed, int):
            literal *= fixed
        else:
            degree += 1
    return (degree, literal)


def _plus(c1: tuple, c2: tuple) -> tuple:
    """A sum of costs: the term of highest degree dominates."""
    if c1[0] != c2[0]:
        return max(c1, c2)
    return (c1[0], c1[1] + c2[1])


def matrix_chain(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
    """Order each product A B C … by symbolic cost, so a vector at either end multiplies
    first: (A B) x costs n³, A (B x) costs n²."""
    count = uses(roots)
    values = reachable(roots)
    interior = {
        a.id
        for v in values
        if v.op == "matmul"
        for a in v.args
        if a.op == "matmul" and count[a.id] == 1
    }

    def rewrite(g, v, args, count, new):
        if v.op != "matmul" or v.id in interior:
            return None
        leaves = [new[x.id] for x in _chain(v, count)]
        if len(leaves) < 3:
            return None
        original = _tree_cost(g, v, count)
        best = {(i, i): ((0, 0), f) for i, f in enumerate(leaves)}
        n = len(leaves)
        for span in range(1, n):
            for i in range(n - span):
                j = i + span
                options = []
                for k in range(i, j):
                    (c1, left), (c2, right) = best[(i, k)], best[(k + 1, j)]
                    here = _cost(g, [*left.shape, *right.shape[1:]])
                    options.append((_plus(_plus(c1, c2), here), -k, left, right))
                cost, _, left, right = min(options, key=lambda o: (o[0], o[1]))
                best[(i, j)] = (cost, g.op("matmul", left, right))
        cost, product = best[(0, n - 1)]
        return product if cost < original else None  # a tie keeps the model's own grouping

    return rebuild(g, roots, rewrite)


def _tree_cost(g: Graph, v: Value, count, top: bool = True) -> tuple:
    """The cost of a product tree as it stands."""
    if v.op != "matmul" or not (top or count.get(v.id, 0) == 1):
        return (0, 0)
    a, b = v.args
    here = _cost(g, [*a.shape, *b.shape[1:]])
    return _plus(_plus(_tree_cost(g, a, count, False), _tree_cost(g, b, count, False)), here)


def _local(rule: Rewrite):
    """A pass from a local rewrite rule."""

    def run(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
        return rebuild(g, roots, lambda g, v, args, count, new: rule(g, v, args, count))

    run.__name__ = rule.__name__
    run.__doc__ = rule.__doc__
    return run


PASSES = (
    equal_up_to_order,
    _local(trace_of_product),
    _local(inverse_to_solve),
    shared_factorizations,
    _local(scatter_accumulation),
    _local(inner_products),
    matrix_chain,
)
# --backend scipy: then the factorizations themselves are shared through SciPy's factor objects
SCIPY_PASSES = (*PASSES, scipy_factorizations)


@dataclass
class Report:
    rounds: int
    before: int
    after: int


def optimize(g: Graph, roots: list[Value], passes=PASSES) -> tuple[list[Value], Report]:
    """Run the passes to a fixed point (each at most a few rounds)."""
    before = len([v for v in reachable(roots) if v.op != "param"])
    rounds = 0
    for rounds in range(1, 11):
        changed = False
        for p in passes:
            roots, c = p(g, roots)
            changed |= c
        if not changed:
            break
    after = len([v for v in reachable(roots) if v.op != "param"])
    return roots, Report(rounds, before, after)
