"""Run-time branches: a function whose conditions depend on run-time data is a tree of
decisions whose leaves are straight-line programs (one per path through the function).

Each path is compiled, differentiated and optimized as straight-line SSA code; codegen emits
the tree as `if cond:` blocks, so the gradient is the gradient of the path taken (as JAX's
`lax.cond` and Tangent define it). Nothing here names an op.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Loc
from .ir import Value, format_ir

# Exceptions a model may raise (the generated module raises the same, with the same message)
EXCEPTIONS = (
    "ValueError",
    "ArithmeticError",
    "FloatingPointError",
    "ZeroDivisionError",
    "RuntimeError",
    "AssertionError",
    "TypeError",
    "OverflowError",
    "np.linalg.LinAlgError",
)
MAX_PATHS = 64  # paths through run-time branches; past this the generated code would bloat


@dataclass
class Leaf:
    """The end of one path: the value returned, or an exception raised."""

    out: Value | None
    out_name: str | None = None
    raises: tuple[str, str | None] | None = None  # (exception, message)
    loc: Loc | None = None
    # filled in by the pipeline (api): this path's gradient and optional functions
    grad: object = None
    extras: object = None


@dataclass
class Branch:
    """`if cond:` (`if not cond:` when not `sense`): `then` is the path where the condition
    is `sense`, `orelse` the other."""

    cond: Value
    sense: bool
    then: Leaf | Branch
    orelse: Leaf | Branch
    loc: Loc | None = None


def leaves(tree) -> list[Leaf]:
    if isinstance(tree, Leaf):
        return [tree]
    return leaves(tree.then) + leaves(tree.orelse)


def conditions(tree) -> list[Value]:
    if isinstance(tree, Leaf):
        return []
    return [tree.cond, *conditions(tree.then), *conditions(tree.orelse)]


def returning(tree) -> list[Leaf]:
    return [leaf for leaf in leaves(tree) if leaf.raises is None]


def remap(tree, current) -> None:
    """Point the tree's conditions at what the optimizer put in their place."""
    if isinstance(tree, Branch):
        tree.cond = current(tree.cond)
        remap(tree.then, current)
        remap(tree.orelse, current)


def walk(tree, trail=()):
    """Each leaf with the decisions leading to it: [(cond, holds), ...]."""
    if isinstance(tree, Leaf):
        yield tree, list(trail)
        return
    yield from walk(tree.then, (*trail, (tree.cond, tree.sense)))
    yield from walk(tree.orelse, (*trail, (tree.cond, not tree.sense)))


def format_tree(graph, tree, wrt_names: list[str]) -> str:
    """`--emit ir` of a function with run-time branches: the conditions, then each path's
    program under the decisions that lead to it."""
    conds = list(dict.fromkeys(conditions(tree)))
    labels = {c.id: f"cond{k + 1}" for k, c in enumerate(conds)}
    parts = [format_ir(graph, conds, list(labels.values()))]
    for leaf, trail in walk(tree):
        when = " and ".join(("" if holds else "not ") + labels[c.id] for c, holds in trail)
        if leaf.raises is not None:
            exc, message = leaf.raises
            parts.append(
                f"# path: {when}: raise {exc}({'' if message is None else repr(message)})\n"
            )
            continue
        names = ["value"] + [f"grad {n}" for n in wrt_names]
        parts.append(f"# path: {when}\n" + format_ir(graph, [leaf.out, *leaf.grad.grads], names))
    return "\n".join(parts)
