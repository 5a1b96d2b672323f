"""Local algebraic simplifications applied as each value is built (so no fix-up pass is needed).

`simplify` returns an existing (or simpler) value equal to op(*args), or None to build it.
Every rewrite keeps the result's shape: an identity is dropped only when the other operand
already has the result's full shape.
"""

from __future__ import annotations

from typing import Any

from .ir import DIAGONAL, Graph, Value


def _full(g: Graph, v: Value, shape: tuple) -> bool:
    return g.same_shape(v.shape, shape)


def _is_eye(v: Value) -> bool:
    return v.op == "eye"


def _scaled_eye(v: Value) -> Value | None:
    """The scalar c when v = c * I."""
    if v.op == "mul":
        a, b = v.args
        if a.rank == 0 and _is_eye(b):
            return a
        if b.rank == 0 and _is_eye(a):
            return b
    return None


def simplify(
    g: Graph, op: str, args: tuple[Value, ...], attrs: dict[str, Any], shape: tuple
) -> Value | None:
    from .rules_eigen import rewrite  # the O(nk) algebra of factored adjoints (issue 14)

    if (found := rewrite(g, op, args, attrs, shape)) is not None:
        return found
    if op == "conj":
        (x,) = args
        if x.dtype == "real":
            return x
        if x.op == "conj":
            return x.args[0]
    elif op == "real":
        (x,) = args
        if x.dtype == "real":
            return x
    elif op == "transpose":

        (x,) = args
        if x.rank < 2 or x.is_symmetric:
            return x
        if x.op == "transpose":
            return x.args[0]
        if x.op == "neg":  # (−A)ᵀ = −Aᵀ: signs stay outside
            return g.op("neg", g.op("transpose", x.args[0]))
        if x.op == "mul" and x.args[0].rank == 0:  # (c A)ᵀ = c Aᵀ
            return g.op("mul", x.args[0], g.op("transpose", x.args[1]))
    elif op == "neg":
        (x,) = args
        if x.op == "neg":
            return x.args[0]
        if x.is_const():
            return g.const(-x.attr("value"))
        if x.op == "mul" and x.args[0].is_const():  # −(c X) = (−c) X
            return g.op("mul", g.op("neg", x.args[0]), x.args[1])
    elif op == "add":
        a, b = args
        if a.is_const(0.0) and _full(g, b, shape):
            return b
        if b.is_const(0.0) and _full(g, a, shape):
            return a
        if b.op == "neg":
            return g.op("sub", a, b.args[0])
        if a.op == "neg":
            return g.op("sub", b, a.args[0])
        if a is b:
            return g.op("mul", g.const(2), a)
        if b.op == "mul" and b.args[0].is_const() and b.args[0].attr("value") < 0:  # a + (−c) y
            return g.op("sub", a, g.op("mul", g.op("neg", b.args[0]), b.args[1]))

    elif op == "sub":
        a, b = args
        if b.is_const(0.0) and _full(g, a, shape):
            return a
        if b.op == "neg":
            return g.op("add", a, b.args[0])
        if a.is_const(0.0) and _full(g, b, shape):
            return g.op("neg", b)
        if a.op == "neg" and a.args[0] is b:  # −x − x = −2x
            return g.op("neg", g.op("mul", g.const(2), b))
    elif op == "mul":
        a, b = args
        for x, y in ((a, b), (b, a)):
            if x.is_const(1.0) and _full(g, y, shape):
                return y
            if x.is_const(-1.0) and _full(g, y, shape):
                return g.op("neg", y)
            # a broadcast scalar times a full array: just scale
            if x.op == "broadcast" and _full(g, y, shape) and x.args[0].rank == 0:
                return g.op("mul", x.args[0], y)
        # fold constants the compiler made; the model's own (2 * np.pi) stay as written
        if a.is_const() and b.is_const() and not (a.attr("user") and b.attr("user")):
            return g.const(a.attr("value") * b.attr("value"))
        if a.is_const() and b.op == "mul" and b.args[0].is_const():
            c = b.args[0]
            if not (a.attr("user") and c.attr("user")):
                return g.op("mul", g.const(a.attr("value") * c.attr("value")), b.args[1])
        for x, y in ((a, b), (b, a)):  # s (X / s) = X, (c s)(X / s) = c X
            if y.op == "div" and y.args[1].rank == 0 and _full(g, y.args[0], shape):
                s_ = y.args[1]
                if x is s_:
                    return y.args[0]
                if x.op == "mul" and x.args[1] is s_ and x.args[0].is_const():
                    return g.op("mul", x.args[0], y.args[0])
        # scalars gather in front: (s A) ∘ B = s (A ∘ B), so sums and inner products can
        # take them out
        if a.op == "mul" and a.args[0].rank == 0 and a.args[1].rank > 0 and b.rank > 0:
            return g.op("mul", a.args[0], g.op("mul", a.args[1], b))
        # keep the scalar factor in front: c * X reads better than X * c

        if b.rank == 0 and a.rank > 0:
            return g.op("mul", b, a)
        if a.op == "neg" and b.op == "neg":
            return g.op("mul", a.args[0], b.args[0])
    elif op == "sum":
        (x,) = args
        if x.op == "mul":
            a, b = x.args
            for m, other in ((a, b), (b, a)):
                if _is_eye(m) and other.rank == 2:  # ⟨X, I⟩ = tr X
                    return g.op("trace", other)
                if m.rank == 0 and other.rank > 0:  # scalars move out of sums
                    return g.op("mul", m, g.op("sum", other))
    elif op == "vdot":  # scalar factors and signs come out: Σ (s A) ∘ B = s Σ A ∘ B
        a, b = args
        for x, other in ((a, b), (b, a)):
            if x.op == "neg":
                return g.op("neg", g.op("vdot", x.args[0], other))
            if x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank > 0:
                return g.op("mul", x.args[0], g.op("vdot", x.args[1], other))
            if x.op == "div" and x.args[1].rank == 0 and x.args[0].rank > 0:
                return g.op("div", g.op("vdot", x.args[0], other), x.args[1])

    elif op == "div":
        a, b = args
        if b.is_const(1.0) and _full(g, a, shape):
            return a
        if a.op == "broadcast" and _full(g, b, shape) and a.args[0].rank == 0:
            return g.op("div", a.args[0], b)
    elif op == "pow":
        a, b = args
        if b.is_const(1.0):
            return a
    elif op == "log1p":
        (x,) = args
        if x.op == "exp":  # log(1 + eˣ) = logaddexp(0, x): no overflow for large x
            return g.op("logaddexp", g.const(0.0), x.args[0])
    elif op == "logdet":

        (x,) = args
        if x.struct == DIAGONAL:
            return g.op("sum", g.op("log", g.op("abs", g.op("diag_of", x))))
    elif op == "inv":
        (x,) = args
        if x.struct == DIAGONAL:  # O(n) instead of O(n³)
            return g.op("diag_embed", g.op("div", g.const(1), g.op("diag_of", x)))
    elif op == "outer":
        a, b = args
        if b.id < a.id:  # outer(b, a) = outer(a, b)ᵀ: one product, shared
            return g.op("transpose", g.op("outer", b, a))
    elif op == "matmul":
        a, b = args
        if _is_eye(a):
            return b
        if _is_eye(b):
            return a
        if (c := _scaled_eye(a)) is not None:
            return g.op("mul", c, b)
        if (c := _scaled_eye(b)) is not None:
            return g.op("mul", c, a)
        # (s A) @ B = s (A @ B): a scalar scales the (often smaller) product instead
        if a.op == "mul" and a.args[0].rank == 0 and a.args[1].rank > 0:
            return g.op("mul", a.args[0], g.op("matmul", a.args[1], b))
        if b.op == "mul" and b.args[0].rank == 0 and b.args[1].rank > 0:
            return g.op("mul", b.args[0], g.op("matmul", a, b.args[1]))
        # A @ (-B) = -(A @ B): keep signs outside products

        if a.op == "neg":
            return g.op("neg", g.op("matmul", a.args[0], b))
        if b.op == "neg":
            return g.op("neg", g.op("matmul", a, b.args[0]))
    return None
