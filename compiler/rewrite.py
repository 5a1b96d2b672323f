"""The machinery of IR-to-IR passes: use counts and a bottom-up rebuild that lets a rewrite
replace values. The graph is append-only: a pass builds replacement values (hash-consing
returns existing ones where nothing changed), and codegen emits only what the new roots reach.
"""

from __future__ import annotations

from collections.abc import Callable

from .ir import Graph, Value, reachable

Pass = Callable[[Graph, list[Value]], tuple[list[Value], bool]]


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
            if v.id in g.names and out.id not in g.names and not out.is_param:
                g.names[out.id] = g.names[v.id]

        new[v.id] = out
    return [new[r.id] for r in roots], changed
