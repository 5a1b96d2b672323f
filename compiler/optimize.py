"""Optimizer: passes from IR to IR, run to a fixed point over the whole program (forward and
backward together), so that what the backward pass needs is shared with the forward one.

A pass is a function (graph, roots) -> (roots, changed); `rewrite.rebuild` is their
machinery. This module names no op: the local rewrites belong to the rules of the ops they
rewrite (`Rule.rewrite`), and the passes that know several ops (one factorization per
matrix, matrix-chain order) come from the rules package's families.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import Graph, Value, reachable
from .lint import enabled as lint_enabled
from .lint import lint
from .rewrite import Pass, rebuild
from .rules import PASSES as RULE_PASSES
from .rules import RULES, transposed_twin
from .rules import SCIPY_PASSES as RULE_SCIPY_PASSES


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
        if RULES[built.op].commutative and len(built.args) == 2:
            key = (built.op, frozenset(a.id for a in built.args), built.attrs)
            if key in seen and seen[key] is not built:
                return seen[key]
            seen.setdefault(key, built)
        twin = transposed_twin(g, built, seen)
        if twin is not None:
            return twin
        return built if built is not v else None

    return rebuild(g, roots, rewrite)


def rewrites(*ops: str) -> Pass:
    """The pass applying the rules' own local rewrites (`Rule.rewrite`), of these ops only
    when ops are named (for tests), else of every op."""

    def local_rewrites(g: Graph, roots: list[Value]) -> tuple[list[Value], bool]:
        def rewrite(g, v, args, count, new):
            rule = RULES[v.op]
            if rule.rewrite is None or (ops and v.op not in ops):
                return None
            return rule.rewrite(g, v, args, count)

        return rebuild(g, roots, rewrite)

    return local_rewrites


PASSES = (equal_up_to_order, rewrites(), *RULE_PASSES)
# --backend scipy: then the factorizations themselves are shared through SciPy's factor objects
SCIPY_PASSES = (*PASSES, *RULE_SCIPY_PASSES)


@dataclass
class Report:
    rounds: int
    before: int
    after: int


def optimize(g: Graph, roots: list[Value], passes=PASSES) -> tuple[list[Value], Report]:
    """Run the passes to a fixed point (each at most a few rounds), linting the program
    before and after each pass (lint.py) unless MATGRADC_LINT=0."""
    check = lint_enabled()
    if check:
        lint(g, roots, "before optimization (as differentiated)")
    before = len([v for v in reachable(roots) if not v.is_param])
    rounds = 0
    for rounds in range(1, 11):
        changed = False
        for p in passes:
            roots, c = p(g, roots)
            changed |= c
            if check:
                lint(g, roots, f"after pass `{p.__name__}`")
        if not changed:
            break
    after = len([v for v in reachable(roots) if not v.is_param])
    return roots, Report(rounds, before, after)
