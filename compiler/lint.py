"""The IR lint: checks that a program is well-formed SSA and that its shapes are consistent,
after each optimizer pass. The model is torch.fx's `Graph.lint` (pytorch/pytorch,
torch/fx/graph.py): every node belongs to the graph, its arguments are defined before it,
its opcode is known and no name is defined twice. Ours adds what our IR knows: the op's rule
fixes its arity, attributes and shape, so each value's shape is recomputed and compared.

A failure is a bug in matgradc (a pass built a broken program), never a user error: it
raises LintError naming the pass, the value and what is wrong; the CLI reports it as an
internal error.
"""

from __future__ import annotations

import os
import string
from typing import Any

from .diagnostics import CompileError
from .ir import Graph, Value, reachable
from .rules import RULES

# Lint after every optimizer pass. Tests turn it on (tests/conftest.py sets MATGRADC_LINT=1);
# see `enabled` for the production default.
ENV = "MATGRADC_LINT"


def enabled() -> bool:
    """Whether the optimizer lints after each pass: MATGRADC_LINT=1 on, =0 off; by default on
    (it costs a few percent of a compile, see bench/lint_cost.py)."""
    return os.environ.get(ENV, "1") != "0"


class LintError(Exception):
    """A malformed program: an internal error of matgradc naming the pass that built it."""


def arity(rule) -> tuple[int, int]:
    """How many arguments the rule's op takes, (least, most): one per derivative entry, or
    as many as its spelling names ({0}, {1}, ...) when it has no derivatives; a spelling
    that is a function (stack, concatenate) takes up to one per derivative entry."""
    spelling = rule.spelling
    if not isinstance(spelling, str):
        return (1, len(rule.derivs)) if rule.derivs else (0, 1 << 30)
    spelled = [int(f) for _, f, _, _ in string.Formatter().parse(spelling) if f and f.isdigit()]
    n = len(rule.derivs) or max(spelled, default=-1) + 1
    return (n, n)


def lint(g: Graph, roots: list[Value], stage: str = "") -> None:
    """Raise LintError if the program computing `roots` is malformed; `stage` says where
    the program comes from ("after pass `matrix_chain`").

    Well-formed SSA: every value the roots reach belongs to this graph (no value erased or
    from another graph), is defined once (no two values with the same op, arguments and
    attributes) and after its arguments; its op is in the rules table with as many arguments
    as the rule spells. Shapes consistent: the rule's shape function, asked again with the
    value's arguments and attributes, agrees with the value's shape, structure and dtype
    without having to unify any two dimensions."""
    where = f" {stage}" if stage else ""

    def fail(v: Value | None, what: str) -> None:
        args = ", ".join(map(repr, v.args)) if v is not None else ""
        at = f" at {v!r} = {v.op}({args})" if v is not None else ""
        line = f" (model line {v.loc.line})" if v is not None and v.loc else ""
        raise LintError(f"malformed IR{where}{at}{line}: {what}")

    for r in roots:
        if not isinstance(r, Value):
            fail(None, f"an output is not a value: {r!r}")
    seen: dict[tuple, Value] = {}
    for v in reachable(roots):
        if not (0 <= v.id < len(g.values) and g.values[v.id] is v):
            fail(v, "the value does not belong to the graph (dangling)")
        for a in v.args:
            if a.id >= v.id:
                fail(v, f"argument {a!r} is used before it is defined")
        rule = RULES.get(v.op)
        if rule is None:
            fail(v, f"unknown op `{v.op}` (not in the rules table)")
        least, most = arity(rule)
        if not least <= len(v.args) <= most:
            n = least if least == most else f"{least} to {most}"
            fail(v, f"`{v.op}` takes {n} arguments, got {len(v.args)}")
        if list(v.attrs) != sorted(v.attrs, key=lambda kv: kv[0]):
            fail(v, "attributes are not sorted by name (hash-consing keys would differ)")
        key = (v.op, tuple(a.id for a in v.args), v.attrs)
        try:
            twin = seen.setdefault(key, v)
        except TypeError:
            fail(v, "an attribute is not hashable")
        if twin is not v:
            fail(v, f"defined twice: the same as {twin!r}")
        _check_shape(g, v, rule, fail)


def _check_shape(g: Graph, v: Value, rule, fail) -> None:
    """Ask the rule's shape function again, without letting it change the graph: a
    dimension it would have to unify is an inconsistency."""
    n_dims = len(g._parent)
    conflicts: list[str] = []

    def unify(a: int, b: int, context: str, operands: tuple = ()) -> None:
        ra, rb = g.find(a), g.find(b)
        if ra == rb:
            return
        for fresh, other in ((ra, rb), (rb, ra)):  # a dimension the shape rule just made
            if fresh >= n_dims and g._dims[fresh].fixed is None:
                g._parent[fresh] = other
                return
        if not g.same_dim(ra, rb):
            conflicts.append(f"{context}: {g.dim_name(ra)} vs {g.dim_name(rb)}")

    saved = (g.at, g.loc, dict(g.svd_dims), dict(g.labels))
    shape = struct = None
    g.unify = unify  # type: ignore[method-assign] -- an instance attribute shadows the method
    try:
        shape, struct = rule.infer(g, v.args, dict(v.attrs))
    except CompileError as e:
        conflicts.append(f"the shape rule refuses the arguments: {e.message}")
    except Exception as e:  # noqa: BLE001 -- wrong arguments or attributes for the rule
        conflicts.append(f"the shape rule fails: {type(e).__name__}: {e}")
    finally:
        del g.unify
        # resolve the dimensions the rule made anew before they are dropped
        got = None if shape is None else [_resolve(g, d, n_dims) for d in shape]
        got_text = "" if shape is None else _text(g, shape)
        del g._parent[n_dims:], g._dims[n_dims:]
        g.at, g.loc, g.svd_dims, g.labels = saved
    if conflicts:
        fail(v, "; ".join(conflicts))
    if not (len(got) == len(v.shape) and all(_same(g, a, b) for a, b in zip(v.shape, got))):
        fail(v, f"shape {_text(g, v.shape)} but the rule gives {got_text}")
    if struct != v.struct:
        fail(v, f"structure {v.struct} but the rule gives {struct}")
    dtype = rule.dtype or ("complex" if any(a.dtype == "complex" for a in v.args) else "real")
    if dtype != v.dtype:
        fail(v, f"dtype {v.dtype} but the rule gives {dtype}")


def _resolve(g: Graph, d: int, n_dims: int) -> int | tuple[str, Any]:
    """A recomputed dimension: an existing one (its id), or a size the rule made anew (its
    literal, or None for a free one: a slice of unknown length, which matches anything)."""
    r = g.find(d)
    return r if r < n_dims else ("size", g._dims[r].fixed)


def _same(g: Graph, have: int, want) -> bool:
    if isinstance(want, int):
        return g.same_dim(have, want)
    return want[1] is None or g.dim_info(have).fixed == want[1]


def _text(g: Graph, shape: tuple[Any, ...]) -> str:
    return "(" + ", ".join(str(g.dim_name(d)) for d in shape) + ")"
