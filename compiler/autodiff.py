"""Reverse mode: transpose each op's derivative forms, from the output back to the parameters.

This module never names an op: what an op's derivative is comes from the rules table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .forms import project, project_structure, zero
from .ir import Graph, Value, reachable
from .rules import RULES


@dataclass
class Gradient:
    """The reverse program's results: one gradient per parameter, and which value each
    adjoint belongs to (codegen names the adjoint of `Si` as `g_Si`)."""

    grads: list[Value]
    adjoint_of: dict[int, int] = field(default_factory=dict)


def _active(values: list[Value], params: list[Value]) -> set[int]:
    """The values that depend on a parameter (only those need adjoints)."""
    active = {p.id for p in params}
    for v in values:
        if any(a.id in active for a in v.args):
            active.add(v.id)
    return active


def reverse(g: Graph, out: Value, params: list[Value]) -> Gradient:
    """The gradient of the scalar `out` with respect to each of `params`.

    A parameter declared symmetric (sym, spd, diag) gets the symmetric gradient
    (G + Gᵀ)/2, the convention of PyTorch and JAX (DESIGN.md, "Gradient conventions").
    """
    return vjp(g, [out], [g.const(1.0)], params)


def vjp(
    g: Graph, outs: list[Value], seeds: list[Value], params: list[Value], symmetric: bool = True
) -> Gradient:
    """Σ_k ⟨seeds[k], d outs[k]⟩ pulled back to each of `params` (reverse mode from several
    outputs at once: a loop body's adjoint from its new carries' adjoints).

    An op with several outputs (`Rule.pullback`, e.g. a run-time loop) is reached through its
    `Rule.part` values; it is pulled back once, with the adjoints of all its outputs.
    `symmetric=False` leaves the symmetric parameters' gradients unprojected (a loop sums
    them over its iterations and projects the sum once)."""
    forward = reachable(outs)
    active = _active(forward, params)
    contributions: dict[int, list] = {}
    for o, s in zip(outs, seeds):
        contributions.setdefault(o.id, []).append(s)
    adjoint: dict[int, Value] = {}
    result = Gradient([])
    for v in reversed(forward):
        parts = contributions.pop(v.id, None)
        if not parts:
            continue
        g.loc = v.loc
        rule = RULES[v.op]
        if rule.pullback is not None:  # parts are (output index, adjoint) pairs
            ybars: dict[int, Value] = {}
            for k, p in parts:
                ybars[k] = g.op("add", ybars[k], p) if k in ybars else p
            wanted = [a.id in active for a in v.args]
            for arg, contrib in zip(v.args, rule.pullback(g, v, ybars, wanted)):
                if contrib is not None and arg.id in active:
                    contributions.setdefault(arg.id, []).append(project(g, contrib, arg))
            continue
        ybar = parts[0]
        for p in parts[1:]:
            ybar = g.op("add", ybar, p)
        adjoint[v.id] = ybar
        result.adjoint_of.setdefault(ybar.id, v.id)
        for i, arg in enumerate(v.args):
            if rule.part and i == 0:
                if arg.id in active:
                    contributions.setdefault(arg.id, []).append((v.attr("index"), ybar))
                continue
            deriv = rule.derivs[i] if i < len(rule.derivs) else None
            if deriv is None or arg.id not in active:
                continue
            form = deriv(g, v, *v.args)
            contrib = project(g, form.adjoint(g, ybar, arg.shape), arg)
            contributions.setdefault(arg.id, []).append(contrib)
    for p in params:
        g.loc = p.loc
        grad = adjoint.get(p.id)
        if grad is None:
            grad = zero(g, p)
        elif symmetric:
            grad = project_structure(g, grad, p.struct)
        result.grads.append(grad)
    return result
