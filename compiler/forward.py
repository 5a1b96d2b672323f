"""Forward mode: apply each op's derivative forms to tangents, from the parameters forward.

From the same rules table as reverse mode: a JVP applies the forms, a Hessian-vector product
is forward mode over the reverse program, and Taylor coefficients are forward mode iterated.
Like `autodiff`, this module never names an op.
"""

from __future__ import annotations

from math import factorial

from .forms import zero
from .ir import Graph, Value, reachable
from .rules import RULES


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
        rule = RULES[v.op]
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


def extras(model, grad, wrt: list[int], jvp_: bool, hvp: bool, hessian: bool, order: int):
    """The IR of the optional functions: jvp_<fn>, hvp_<fn> (and hessian_<fn>), taylor_<fn>."""
    from .codegen import Extras

    g = model.graph
    params = [model.params[i] for i in wrt]
    out = Extras()
    next_index = len(model.params)
    if jvp_:
        tangents = tangent_params(g, params, "d", next_index)
        next_index += len(tangents)
        out.jvp = (tangents, jvp(g, [model.out], params, tangents)[0])
    if hvp or hessian:
        vectors = tangent_params(g, params, "v_", next_index)
        next_index += len(vectors)
        out.hvp = (vectors, jvp(g, grad.grads, params, vectors))
        out.hessian = hessian
    if order:
        directions = tangent_params(g, params, "D", next_index)
        out.taylor = (directions, taylor(g, model.out, params, directions, order))
    return out


def roots(out, grad, extras) -> list[Value]:
    """The values a program returns: the value, the gradients and the extras' results."""
    roots = [out, *grad.grads]
    if extras.jvp:
        roots.append(extras.jvp[1])
    if extras.hvp:
        roots += extras.hvp[1]
    if extras.taylor:
        roots += extras.taylor[1]
    return roots


def assign(g, grad, extras, new) -> Value:
    """Point the gradient and extras at the optimized `new` roots; returns the new value."""
    k = 1 + len(grad.grads)
    grad.grads = new[1:k]
    if extras.jvp:
        extras.jvp = (extras.jvp[0], new[k])
        k += 1
    if extras.hvp:
        m = len(extras.hvp[1])
        extras.hvp = (extras.hvp[0], new[k : k + m])
        k += m
    if extras.taylor:
        extras.taylor = (extras.taylor[0], new[k:])
    grad.adjoint_of = {
        g.current(g.values[a]).id: g.current(g.values[v]).id for a, v in grad.adjoint_of.items()
    }
    return new[0]


def optimized(model, grad, extras, passes=None):
    """Optimize the whole program (value, gradients and extras) at once and point every
    result at the optimized values."""
    from . import optimize

    new, report = optimize.optimize(
        model.graph, roots(model.out, grad, extras), *(passes,) if passes else ()
    )
    model.out = assign(model.graph, grad, extras, new)
    return report
