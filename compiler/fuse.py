"""Fused elementwise chains: a statement's chain of ufuncs runs in one array, with `out=`.

`H = np.tanh(X @ W1 + b1)` allocates three arrays, one per operation; fused it allocates one:

    H = X @ W1
    H += b1
    np.tanh(H, out=H)

and a chain spread over statements writes into a temporary that dies where it is read
(`t2 = np.exp(t1, out=t1)` when nothing reads `t1` afterwards). XLA fuses such chains into one
loop; NumPy cannot, but it can stop allocating (and touching fresh pages) per ufunc.

Safety, each checked on the IR (when unsure, a statement keeps its plain spelling):
- the array written into is one the function owns: freshly allocated by this statement's
  first operation, or a temporary computed by an earlier statement of the same function body
  (not a loop's or a branch's block, whose values the code around it may read) whose
  result is new (a ufunc, or a rule marked `fresh`) — never a parameter, a value bound by
  enclosing code (a loop's carried value or tape entry, a branch's shared prefix), a kept or
  returned value, or the result of an op that may return a view (transpose, reshape,
  indexing, np.diag, ...);
- a reused temporary is dead after the statement, read once in it, and nothing computed
  from it earlier may be a view of it (every earlier reader returns a new array or a scalar);
- every operation of the chain has the shape of the result (a broadcast that grows the shape
  ends the chain) and a floating dtype, as does the array written into (an int or bool
  result is never written into a float array, nor a float one into an int array).

`MATGRADC_FUSE=0` in the environment turns the pass off (for comparisons: bench/run.py).
"""

from __future__ import annotations

import dataclasses
import os
import re

from .ir import SPARSE, Graph, Value
from .rules import RULES

# NumPy's ufuncs as the rules table spells them, by name: (number of arguments, floating),
# floating when the result is a float for integer arguments too (np.exp, np.divide); the
# others keep the dtype of their arguments (float with a float). Written out rather than
# asked of NumPy: the compiler does not import NumPy (its BLAS threads would take the
# signals compiler/outputs.py holds back while it renames the outputs). A name not listed
# is not fused.
ARITHMETIC = ("add", "subtract", "multiply", "power", "maximum", "minimum", "fmax", "fmin")
UNARY_ARITHMETIC = ("negative", "abs", "absolute", "sign", "floor", "ceil", "trunc", "rint")
FLOATING = ("divide", "true_divide", "arctan2", "hypot", "logaddexp", "logaddexp2")
UNARY_FLOATING = (
    "exp", "expm1", "exp2", "log", "log1p", "log2", "log10", "sqrt", "cbrt", "sin", "cos",
    "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "arcsinh", "arccosh",
    "arctanh",
)  # fmt: skip
UFUNCS: dict[str, tuple[int, bool]] = {
    **{n: (2, False) for n in ARITHMETIC},
    **{n: (1, False) for n in UNARY_ARITHMETIC},
    **{n: (2, True) for n in FLOATING},
    **{n: (1, True) for n in UNARY_FLOATING},
}
# operator spellings of the rules table and the ufunc each one calls; the augmented
# assignment that runs it in place when the array written into is the left operand
OPERATORS = {
    "{0} + {1}": ("add", "+="),
    "{0} - {1}": ("subtract", "-="),
    "{0} * {1}": ("multiply", "*="),
    "{0} / {1}": ("divide", "/="),
    "{0} ** {1}": ("power", None),
    "-{0}": ("negative", None),
}
CALL = re.compile(r"np\.(\w+)\(\{0\}(, \{1\})?\)")


def enabled() -> bool:
    return os.environ.get("MATGRADC_FUSE", "1") != "0"


def ufunc_of(v: Value) -> str | None:
    """The name of the NumPy ufunc v's spelling calls on its arguments, or None: an
    operator of OPERATORS or `np.<ufunc>(...)` with exactly v's arguments, nothing else."""
    rule = RULES[v.op]
    if rule.group is not None or rule.statements or rule.block is not None:
        return None
    if not isinstance(rule.spelling, str):
        return None
    if rule.spelling in OPERATORS:
        name = OPERATORS[rule.spelling][0]
    else:
        m = CALL.fullmatch(rule.spelling)
        name = m.group(1) if m else None
    if name not in UFUNCS or UFUNCS[name][0] != len(v.args):
        return None
    return name


class Kinds:
    """What each value is at run time, as far as the IR tells: "float" (a dense floating
    array or scalar), "int" (an integer), "real" (a dense real array or scalar of a dtype
    not known: float, int or bool, as a comparison's), or None (anything else: a value a
    scipy.sparse matrix flows into, a complex value). Only "float" values are fused."""

    def __init__(self, integers: frozenset[str]):
        self.integers = integers
        self.memo: dict[int, str | None] = {}

    def __call__(self, v: Value) -> str | None:
        if v.id not in self.memo:
            self.memo[v.id] = self._kind(v)
        return self.memo[v.id]

    def _kind(self, v: Value) -> str | None:
        if v.dtype != "real" or v.struct == SPARSE:
            return None
        if v.op == "param":
            return "int" if v.attr("name") in self.integers else "float"
        if v.op == "const":
            return "int" if re.fullmatch(r"-?\d+|True|False", str(v.attr("text"))) else "float"
        if v.op == "dim":
            return "int"
        rule = RULES[v.op]
        if any(m.startswith("scipy.sparse") for m in rule.imports):  # may be a sparse matrix
            return None
        kinds = [self(a) for a in v.args]
        if None in kinds:
            return None
        name = ufunc_of(v)
        if name is not None:
            if "float" in kinds or name in ("divide", "true_divide"):  # true division and
                return "float"  # NumPy's promotion (float with anything real) give float64
            if set(kinds) == {"int"}:  # np.exp of ints is float64, ints add to ints
                return "float" if UFUNCS[name][1] else "int"
            return "real"  # bool arguments: np.exp(True) is a float16
        if allocates(v) and "float" in kinds:  # a product, a solve: float with a float
            return "float"
        if kinds and set(kinds) == {"float"} and any(d is not None for d in rule.derivs):
            return "float"  # differentiable (not a comparison, not an index): float of floats
        return "real"


def allocates(v: Value) -> bool:
    """v's op allocates its result (a product, a solve): its rule is marked `fresh` (np.einsum
    is not: it may return a view, rules/einsum.py)."""
    rule = RULES[v.op]
    return rule.fresh and rule.block is None


def _new_array(v: Value) -> bool:
    """v's statement returns a newly allocated array (or a scalar), never a view."""
    return v.rank == 0 or ufunc_of(v) is not None or allocates(v)


def _plain(v: Value) -> bool:
    rule = RULES[v.op]
    return rule.group is None and not rule.statements and rule.block is None


def fuse(
    statements: list,
    printer,
    values: list[Value],
    inline: set[int],
    protected: set[int],
    integers: frozenset[str],
    reuse: bool = True,
) -> list:
    """The statements with each qualifying elementwise chain spelled in place (see the
    module docstring); the others unchanged. `protected`: values kept or returned.
    `reuse`: temporaries may take a later statement's result; not in a block that code
    around it reads from (a loop's condition or body, a branch: the enclosing code binds
    its values and may read one after its last reader in the block)."""
    if not enabled():
        return statements
    g: Graph = printer.g
    by_id = {v.id: v for v in values}
    kind = Kinds(integers)
    defined_at: dict[int, int] = {}
    readers: dict[int, list[int]] = {}
    for i, s in enumerate(statements):
        for d in s.defs:
            defined_at[d] = i
        for u in s.uses:
            readers.setdefault(u, []).append(i)

    def reusable(u: Value, i: int) -> bool:
        """u's array may take the result of statement i (which reads it)."""
        if not reuse or u.id in inline or u.id in protected or u.is_param:
            return False
        if u.id not in defined_at:
            return False
        s_u = statements[defined_at[u.id]]
        if s_u.defs != (u.id,) or not _plain(u) or not _new_array(u) or u.rank == 0:
            return False
        if max(readers.get(u.id, [i])) != i:  # read after statement i
            return False
        for j in readers[u.id]:  # an earlier reader's result must not be a view of u
            if j == i:
                continue
            defs = statements[j].defs
            if not defs or not all(d in by_id and _plain(by_id[d]) for d in defs):
                return False
            if not all(_new_array(by_id[d]) for d in defs):
                return False
        return True

    def count_reads(v: Value, target: int) -> int:
        n = 0
        for a in v.args:
            if a.id == target:
                n += 1
            elif a.id in inline:
                n += count_reads(a, target)
        return n

    def link(v: Value) -> bool:
        """v can be a link of a chain written into an array of the result's shape."""
        return (
            v.rank >= 1
            and kind(v) == "float"
            and g.same_shape(v.shape, top.shape)
            and (ufunc_of(v) is not None or RULES[v.op].in_place is not None)
        )

    def depth(a: Value) -> int:
        """How many links the chain below `a` (inlined in this statement) has."""
        if a.id not in inline or not link(a):
            return 0
        return 1 + max(depth(b) for b in links(a))

    def links(v: Value) -> list[Value]:
        """The arguments a chain may go on through: an op computed in place by its rule's
        `in_place` statement writes into its argument 0 only."""
        return list(v.args[:1] if RULES[v.op].in_place is not None else v.args)

    out = []
    for i, s in enumerate(statements):
        top = by_id.get(s.defs[0]) if len(s.defs) == 1 else None
        if top is None or not _plain(top) or not link(top):
            out.append(s)
            continue
        name = printer.namer.name(top)
        chain: list[tuple[Value, int]] = []  # (link, position of the next link in its args)
        x = top
        bottom: tuple[str, Value] | None = None
        while True:
            depths = [depth(a) for a in links(x)]
            nxt = depths.index(max(depths)) if max(depths) > 0 else None  # the longest chain
            if nxt is not None:
                chain.append((x, nxt))
                x = x.args[nxt]
                continue
            for k, a in enumerate(links(x)):  # a product computed into the result's array
                fresh = allocates(a) and a.id in inline and a.rank >= 1
                if fresh and kind(a) == "float" and g.same_shape(a.shape, top.shape):
                    chain.append((x, k))
                    bottom = ("fresh", a)
                    break
                if (
                    a.rank >= 1
                    and kind(a) == "float"
                    and g.same_shape(a.shape, top.shape)
                    and reusable(a, i)
                    and count_reads(top, a.id) == 1
                ):
                    chain.append((x, k))
                    bottom = ("reuse", a)
                    break
            break
        if bottom is None:
            if not chain:
                out.append(s)
                continue
            first = [f"{name} = {printer.spell(x, inline)[0]}"]
        elif bottom[0] == "fresh":
            first = [f"{name} = {printer.spell(bottom[1], inline)[0]}"]
        elif RULES[chain[-1][0].op].in_place is not None:  # a statement, not an expression
            first = [f"{name} = {printer.namer.name(bottom[1])}"]
        else:
            link0, k = chain.pop()
            buffer = printer.namer.name(bottom[1])
            first = [f"{name} = {_in_place(printer, link0, k, buffer, inline, assign=True)}"]
        lines = first + [_in_place(printer, x, k, name, inline) for x, k in reversed(chain)]
        out.append(dataclasses.replace(s, lines=lines))
    return out


def _in_place(printer, v: Value, k: int, buffer: str, inline: set[int], assign=False) -> str:
    """v computed into `buffer`, which holds its argument k: an augmented assignment or a
    ufunc call with out= (`assign`: an expression, whose value is the buffer)."""
    name = ufunc_of(v)
    others = [printer.expr(a, inline)[0] for j, a in enumerate(v.args) if j != k]
    rule = RULES[v.op]
    if rule.in_place is not None:  # k == 0: links() goes on through argument 0 only
        return rule.in_place.format(buffer, *others)
    if not assign and len(v.args) == 2:
        augmented = OPERATORS.get(rule.spelling, (None, None))[1]
        if augmented and (k == 0 or rule.commutative):
            return f"{buffer} {augmented} {others[0]}"
    args = others[:]
    args.insert(k, buffer)
    if name == "power" and k == 0 and _is_two(v.args[1]):
        return f"np.square({buffer}, out={buffer})"  # what `x ** 2` runs
    return f"np.{name}({', '.join(args)}, out={buffer})"


def _is_two(v: Value) -> bool:
    return v.op == "const" and v.attr("value") == 2.0
