"""The rules table: one entry per op — its NumPy spelling, shape rule, derivative forms,
local identities, optimizer rewrites and the facts codegen and testgen ask about it.

Reading this package means reading the whole matrix language. It is split by family, as
JAX's `lax/` is: elementwise, reductions, products, linalg, structure, scipy_linalg. Each
family module holds its `RULES` (op name -> Rule), the frontend's `CALLS` (NumPy/SciPy name
-> handler, for calls that need more than passing their arguments to one op) and its
optimizer passes. Each derivative is a linear map built from the forms of `forms.py`
(DESIGN.md's table); reverse mode transposes them, forward mode applies them, and nothing
else in the compiler knows what an op means.

A derivative entry is a function (graph, Y, *args) -> Form giving dY in terms of d(arg i);
None means the op does not depend differentiably on that argument (sizes, signs).
"""

from __future__ import annotations

from collections.abc import Callable

from ..forms import index_shape
from . import (
    batched,
    contractions,
    decompositions,
    eigen,
    einsum,
    elementwise,
    linalg,
    loops,
    pointwise,
    products,
    reductions,
    scipy_linalg,
    shaping,
    special,
    spectral,
    structure,
)
from .base import ADD, ATOM, CMP, MUL, POW, UNARY, Rule, call
from .products import transposed_twin

FAMILIES = {
    "elementwise": elementwise,
    "reductions": reductions,
    "products": products,
    "structure": structure,
    "linalg": linalg,
    "scipy.linalg": scipy_linalg,
    "scipy.special": special,
    "spectral": spectral,
    "eigenproblems": eigen,  # scipy.linalg.eigh(A, B), eigsh/eigs, scipy.sparse (issue 14)
    "loops": loops,  # loops with a run-time trip count (issue 12)
    "arrays of any rank": batched,  # stacks of matrices (issue 9)
    "einsum": einsum,
    # issue 9's vocabulary for scalars, vectors and matrices
    "more elementwise": pointwise,
    "contractions": contractions,
    "shaping": shaping,
    "decompositions": decompositions,
}


def _table() -> tuple[dict[str, Rule], dict[str, Callable], dict[str, str]]:
    rules: dict[str, Rule] = {}
    calls: dict[str, Callable] = {}
    binops: dict[str, str] = {}
    for family in FAMILIES.values():
        for op, rule in family.RULES.items():
            assert op not in rules, f"op {op} is defined twice"
            rules[op] = rule
            for name in rule.calls:
                assert name not in calls, f"{name} is bound twice"
                calls[name] = call(op, name, len(rule.derivs))
            if rule.binop:
                binops[rule.binop] = op
        for name, handler in family.CALLS.items():
            assert name not in calls, f"{name} is bound twice"
            calls[name] = handler
    return rules, calls, binops


RULES, CALLS, BINOPS = _table()
# np.r_[...]: subscripts that build arrays (family name -> handler of the subscript's items)
SUBSCRIPTS = {
    n: h for family in FAMILIES.values() for n, h in getattr(family, "SUBSCRIPTS", {}).items()
}
# for shape inference: calls of a family marked ELEMENTWISE are read as np.sin is; ANY_RANK
# names calls whose array arguments may be scalars (np.linspace)
ELEMENTWISE_CALLS = frozenset(
    n
    for family in FAMILIES.values()
    if getattr(family, "ELEMENTWISE", False)
    for n in (*family.CALLS, *(c for rule in family.RULES.values() for c in rule.calls))
)
ANY_RANK_CALLS = ELEMENTWISE_CALLS | {
    n for family in FAMILIES.values() for n in getattr(family, "ANY_RANK", ())
}
RULES.update(eigen.absorbing(RULES))  # lowrank(U, W) stays factored through these ops
# the optimizer's passes that know ops (run after the generic ones, in this order)
PASSES = (*linalg.PASSES, *products.PASSES)
SCIPY_PASSES = scipy_linalg.SCIPY_PASSES
AUTO_PASSES = scipy_linalg.AUTO_PASSES
# method spellings: x.sum() is np.sum(x)
METHODS = {
    "sum": "numpy.sum",
    "mean": "numpy.mean",
    "max": "numpy.max",
    "min": "numpy.min",
    "dot": "numpy.dot",
    "transpose": "numpy.transpose",
    "trace": "numpy.trace",
    "conj": "numpy.conj",
    "reshape": "numpy.reshape",
    "ravel": "numpy.ravel",
    "flatten": "numpy.ravel",
    "squeeze": "numpy.squeeze",
    "diagonal": "numpy.diagonal",
    "prod": "numpy.prod",
    "var": "numpy.var",
    "std": "numpy.std",
    "cumsum": "numpy.cumsum",
    "cumprod": "numpy.cumprod",
    "swapaxes": "numpy.swapaxes",
}
CONSTANTS = {
    "numpy.pi": ("np.pi", 3.141592653589793),
    "numpy.e": ("np.e", 2.718281828459045),
    "numpy.inf": ("np.inf", float("inf")),
}


def short(name: str) -> str:
    """numpy.linalg.inv -> np.linalg.inv"""
    return name.replace("numpy.", "np.", 1) if name.startswith("numpy.") else name


def language() -> str:
    """The supported calls by family, as the README's table (a test keeps them equal)."""
    where: dict[str, str] = {}
    for fam_name, family in FAMILIES.items():
        for rule in family.RULES.values():
            for name in rule.calls:
                where[name] = fam_name
        for name in family.CALLS:
            where[name] = fam_name
        for name in getattr(family, "SUBSCRIPTS", {}):
            where[name + "[...]"] = fam_name
    rows = ["| family | calls |", "|---|---|"]
    for fam_name in FAMILIES:
        names = sorted(short(n) for n, f in where.items() if f == fam_name and n != "numpy.where")
        if names:
            rows.append(f"| {fam_name} | {', '.join(f'`{n}`' for n in names)} |")
    methods = ", ".join(f"`x.{m}()`" for m in METHODS)
    rows.append(f"| methods | {methods} |")
    return "\n".join(rows) + "\n"


__all__ = [
    "ADD",
    "ANY_RANK_CALLS",
    "ATOM",
    "AUTO_PASSES",
    "BINOPS",
    "CALLS",
    "CMP",
    "CONSTANTS",
    "ELEMENTWISE_CALLS",
    "METHODS",
    "MUL",
    "PASSES",
    "POW",
    "RULES",
    "SCIPY_PASSES",
    "SUBSCRIPTS",
    "UNARY",
    "Rule",
    "index_shape",
    "language",
    "short",
    "transposed_twin",
]
