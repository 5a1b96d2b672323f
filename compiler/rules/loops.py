"""Loops with a run-time trip count (issue 12): the placeholders a loop body is built from,
the loop itself, its adjoint sweep, and the outputs of both.

A loop is one multi-output value: its body is a sub-graph from the placeholders (the carry
at iteration t, the rows read at t, the loop-invariant values) to the new carry, held in the
`body` attribute (compiler/loops.py). Its derivative is not a form: reverse mode calls
`pullback` once with the adjoints of all its outputs, which differentiates the body graph
with the same reverse mode (JAX's `lax.scan` transpose; Tangent's push/pop of a tape), and
forward mode calls its `jvp`, a loop carrying the tangents too.
Both sweeps spell themselves as blocks of statements (`block`).
"""

from __future__ import annotations

from ..ir import GENERAL
from .base import ATOM, Rule

LOOP = "a loop with a run-time trip count"
ADJOINT = (
    "the gradient of a loop with a run-time trip count (--hvp and --hessian differentiate "
    "the gradient again; --jvp and --taylor go through the loop itself)"
)


def _placeholder(g, args, attrs):
    return tuple(attrs["dims"]), attrs.get("struct", GENERAL)


def _tuple(g, args, attrs):
    return (), GENERAL


def _body_call(method: str):
    """Delegate to the loop body object of the value (compiler/loops.py), so that the rules
    stay below the passes that a body's adjoint needs (autodiff, optimize)."""

    def call(*a):
        v = a[1]
        return getattr(v.attr("body"), method)(*a)

    return call


def _block_only(args, attrs):
    """Loops spell themselves as blocks (`block`); any number of arguments."""
    raise AssertionError("a loop is spelled by its block")


RULES = {
    # a name inside a loop body: kind carry / row / inv / counter / cot (a carry's adjoint)
    "loop_in": Rule("{name}", _placeholder),
    "loop": Rule(
        _block_only,
        _tuple,
        statements=True,
        block=_body_call("emit_forward"),
        pullback=_body_call("pullback"),
        opaque=LOOP,
    ),
    # forward mode goes through a loop (its body's `jvp`), not through its backward sweep
    "loop_adjoint": Rule(
        _block_only, _tuple, statements=True, block=_body_call("emit_backward"), opaque=ADJOINT
    ),
    # output `index` of a loop or of its adjoint sweep
    "loop_out": Rule("{0}[{index}]", _placeholder, prec=ATOM, part=True, opaque=LOOP),
}
CALLS: dict = {}
