"""Building the IR: every new value goes through `Builder.op`, which checks its shape with
the op's rule, applies the op's local simplifications (rules/) and hash-conses, so two
requests for the same op of the same arguments give the same value.

The layers, bottom up: the IR (ir.py, plain data), the rules (rules/, which read values and
build new ones through the builder they are handed), and this module, which holds the table."""

from __future__ import annotations

from typing import Any

from .ir import Graph, Value
from .rules import RULES


class Builder(Graph):
    """A graph that builds its own values by the rules table."""

    table = RULES  # op name -> Rule

    def __init__(self) -> None:
        super().__init__()
        self._intern: dict[tuple, Value] = {}

    def op(self, op: str, *args: Value, **attrs: Any) -> Value:
        """The value `op(*args, **attrs)`: a simpler one the op's rule knows, one built before,
        or a new one."""
        rule = self.table[op]
        if rule.batched is not None and any(a.rank > 2 for a in args):
            return self.op(rule.batched, *args, **attrs)  # on stacks of matrices
        attrs_t = tuple(sorted(attrs.items()))
        shape, struct = rule.infer(self, args, dict(attrs_t))
        if rule.simplify is not None:  # the op's local identities (rules package)
            simpler = rule.simplify(self, args, dict(attrs_t), shape)
            if simpler is not None:
                return simpler
        key = (op, tuple(a.id for a in args), attrs_t)
        found = self._intern.get(key)
        if found is not None:
            return found
        dtype = rule.dtype or ("complex" if any(a.dtype == "complex" for a in args) else "real")
        v = Value(len(self.values), op, tuple(args), attrs_t, shape, struct, self.loc, dtype)
        self.values.append(v)
        self._intern[key] = v
        return v

    def const(self, value: float, text: str | None = None) -> Value:
        """A scalar constant; `text` is how the model spelled it (e.g. `np.pi`, `2`)."""
        value = float(value)
        user = text is not None
        if text is None:
            text = repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
            text = text if "." in text or "e" in text or "inf" in text else text + ".0"
            if value in (float("inf"), float("-inf")):
                text = "np.inf" if value > 0 else "-np.inf"
        return self.op("const", value=value, text=text, user=user)
