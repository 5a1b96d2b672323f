"""Forward mode: apply each op's derivative forms to tangents, from the parameters forward.

From the same rules table as reverse mode: a JVP applies the forms, a Hessian-vector product
is forward mode over the reverse program, and Taylor coefficients are forward mode iterated.
Like `autodiff`, this module never names an op.
"""

from __future__ import annotations

from math import factorial

from .diagnostics import CompileError
from .forms import zero
from .ir import Graph, Value, reachable

NO_FORWARD_HINT = (
    "compile without --jvp/--hvp/--hessian/--taylor (the gradient goes through it), or give "
    "the loop a trip count known while compiling so that it is unrolled"
)


def tangent_params(g: Graph, params: list[Value], prefix: str, first_index: int) -> list[Value]:
    """New parameters shaped like `params`: the tangent (direction) of each."""
    out = []
    for k, p in enumerate(params):
        t = g.op(
            "param",
            name=prefix + p.attr("name"),
            index=first_index + k,
            dims=p.attr("dims"),
            struct=p.struct,
        )
        g.name(t, prefix + p.attr("name"))
        out.append(t)
    return out


def jvp(g: Graph, outs: list[Value], params: list[Value], tangents: list[Value]) -> list[Value]:
    """The directional derivative of each of `outs` when `params` move along `tangents`."""
    tangent: dict[int, Value] = {p.id: t for p, t in zip(params, tangents)}
    for v in reachable(outs):
        if v.id in tangent or not v.args:
            continue
        rule = g.table[v.op]  # the Builder's table: forward mode sits below the rules (spectral)
        body = v.attr("body")
        if hasattr(body, "jvp") and any(a.id in tangent for a in v.args):
            tangent.update(body.jvp(g, v, tangent))  # a run-time loop: a loop of tangents too
            continue
        if rule.opaque is not None and any(a.id in tangent for a in v.args):
            raise CompileError(
                f"forward mode (jvp, hvp, hessian, taylor) does not go through {rule.opaque}",
                v.loc,
                NO_FORWARD_HINT,
            )
        terms = []
        for i, arg in enumerate(v.args):
            deriv = rule.derivs[i] if i < len(rule.derivs) else None
            if deriv is None or arg.id not in tangent:
                continue
            g.loc = v.loc
            terms.append(deriv(g, v, *v.args).apply(g, tangent[arg.id]))
        if terms:
            total = terms[0]
            for t in terms[1:]:
                total = g.op("add", total, t)
            tangent[v.id] = total
    result = []
    for o in outs:
        t = tangent.get(o.id)
        if t is None:
            t = zero(g, o)
        elif t.dtype == "complex" and o.dtype == "real":
            t = g.op("real", t)
        result.append(t)
    return result


def taylor(
    g: Graph, out: Value, params: list[Value], directions: list[Value], order: int
) -> list[Value]:
    """Taylor coefficients of t ↦ f(x + t Δ) at t = 0: f, f'[Δ], f''[Δ,Δ]/2!, …, by forward
    mode applied `order` times along the same direction."""
    coefficients = [out]
    current = out
    for k in range(1, order + 1):
        (current,) = jvp(g, [current], params, directions)
        scale = 1.0 / factorial(k)
        coefficients.append(current if k == 1 else g.op("mul", g.const(scale), current))
    return coefficients
