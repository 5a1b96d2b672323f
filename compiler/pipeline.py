"""The pipeline between differentiation and code generation: the optional functions'
IR (JVP, HVP, Hessian, Taylor) and one optimization of the whole program."""

from __future__ import annotations

from . import optimize
from .codegen import Extras
from .forward import jvp, tangent_params, taylor


def extras(model, grad, wrt: list[int], jvp_: bool, hvp: bool, hessian: bool, order: int):
    """The IR of the optional functions: jvp_<fn>, hvp_<fn> (and hessian_<fn>), taylor_<fn>."""
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


def roots(out, grad, extras) -> list:
    """The values a program returns: the value, the gradients and the extras' results."""
    roots = [out, *grad.grads]
    if extras.jvp:
        roots.append(extras.jvp[1])
    if extras.hvp:
        roots += extras.hvp[1]
    if extras.taylor:
        roots += extras.taylor[1]
    return roots


def assign(g, grad, extras, new):
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
    new, report = optimize.optimize(
        model.graph, roots(model.out, grad, extras), *(passes,) if passes else ()
    )
    model.out = assign(model.graph, grad, extras, new)
    return report
