"""`--emit explain`: each step's derivative in the talk's notation (⊗, ⊠, vec), the differential
it stands for, the adjoint it unwinds to, and the Jacobian sizes that were never formed.

The differential and the adjoint are printed from the very forms the compiler uses: the form
is applied to a symbolic tangent `d<x>`, and its adjoint to a symbolic `g_<y>`.
"""

from __future__ import annotations

from . import forms as F
from . import paths
from .codegen import ALWAYS_INLINE, Namer, Printer, format_key
from .diagnostics import CompileError
from .frontend import Model
from .ir import Graph, Value, reachable
from .rules import RULES

SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


# forms whose notation does not depend on their operands
FIXED = {
    F.DiagOf: "diag (the diagonal)",
    F.DiagEmbed: "Diag (a diagonal matrix)",
    F.Index: "select",
    F.Phi: "Φ (tril, ½ diagonal)",
    F.RealPart: "Re",
    F.ImagPart: "Im",
    F.Conj: "conj",
}


def talk(form: F.Form, name, transposed=None) -> str:
    """A form in the notation of the talk: the Jacobian as a product of matrix operators.
    `transposed(x)` spells xᵀ (default: name(x) + "ᵀ")."""

    def factor(x, transpose=False) -> str:
        if x is None:
            return "I"
        if isinstance(x, F.Inv):
            if transpose:
                x = x.T
            m = name(x.M)
            m = m if m.isidentifier() else f"({m})"
            return m + ("⁻ᵀ" if x.trans else "⁻¹")
        if transpose and transposed is not None:
            return transposed(x)
        return name(x) + ("ᵀ" if transpose and x.rank == 2 else "")

    if type(form) in FIXED:
        return FIXED[type(form)]
    if isinstance(form, F.Kron):
        return f"{factor(form.A)} ⊗ {factor(form.B, transpose=True)}"
    if isinstance(form, F.Box):
        return f"{factor(form.A)} ⊠ {factor(form.B, transpose=True)}"
    if isinstance(form, F.Outer):
        b = "1" if form.B is None else f"vec({name(form.B)})"
        return f"{b} vecᵀ({name(form.A)})"
    if isinstance(form, F.Hadamard):
        if form.D is None:
            return "I (broadcast)"
        d = name(form.D)
        return f"diag(vec(1/{d}))" if form.divide else f"diag(vec({d}))"
    if isinstance(form, F.Reduce):
        return "1ᵀ (sum)" if form.axes is None else f"sum over axis {form.axes}"
    if isinstance(form, F.Adjoint):
        return f"({talk(form.F, name, transposed)})ᵀ"
    if isinstance(form, F.LowerSym):
        return "sym ∘ " + ("triu" if form.upper else "tril")
    if isinstance(form, F.Triangle):
        return "triu" if form.upper else "tril"
    if isinstance(form, F.Dyad):
        return f"I ⊗ {name(form.b)}" if form.a is None else f"{name(form.a)} ⊗ I"
    if isinstance(form, F.KronProduct):
        return f"kron(·, {name(form.fixed)})" if form.left else f"kron({name(form.fixed)}, ·)"
    if isinstance(form, F.Frechet):
        return f"L_{form.fn}({name(form.A)}, ·)"
    if isinstance(form, F.Sylvester):
        return f"(I ⊗ {name(form.A)} + {name(form.B)}ᵀ ⊗ I)⁻¹"
    if isinstance(form, F.UnitColumns):
        return f"(I − unit-norm projection of {name(form.V)})"
    if isinstance(form, F.Compose):
        return f"{talk(form.F, name, transposed)} · {talk(form.G, name, transposed)}"
    if isinstance(form, F.Sum):
        return f"{talk(form.F, name, transposed)} + {talk(form.G, name, transposed)}"
    if hasattr(form, "talk"):  # a form that spells itself (compiler/einsum.py)
        return form.talk(name)
    return type(form).__name__


def _jacobian_size(g: Graph, y: Value, x: Value) -> str | None:
    """The size of the Jacobian ∂vec(Y)/∂vec(X) when it would have been a big matrix."""
    if y.rank + x.rank < 3:
        return None

    def count(v):
        return "·".join(str(g.dim_name(d)) for d in v.shape)

    return f"({count(y)})×({count(x)})"


def explain(model: Model, wrt: list[int], brief: bool = False) -> str:
    """The derivative of every step of the program, in the talk's notation; `brief` keeps
    only the Jacobian of each step (for a module docstring)."""
    g = model.graph
    params = [model.params[i] for i in wrt]
    roots = [model.out]
    if model.tree is not None:  # run-time branches: the steps of every path
        roots = [leaf.out for leaf in paths.returning(model.tree)]
    values = reachable(roots)
    active = {p.id for p in params}
    for v in values:  # what depends differentiably on a parameter (a size does not)
        derivs = RULES[v.op].derivs
        if any(
            a.id in active and (RULES[v.op].opaque or (i < len(derivs) and derivs[i]))
            for i, a in enumerate(v.args)
        ):  # a run-time loop (opaque) depends on all its arguments
            active.add(v.id)
    # the program's constants (log(2π), a size): spelled where they are used, as they are
    # not steps of the derivative
    hidden = {v.id for v in values if v.id not in active and not v.is_param}
    namer = Namer(model, {}, {v.id for v in values})
    printer = Printer(g, model.params, namer, dense=False)  # a derivation reads A @ B
    forward = {v.id for v in values}

    def inline_new(roots: list[Value]) -> set[int]:
        """New values are spelled out; the program's own values go by their names."""
        inline = set()
        for u in reachable(roots):
            if u.op in ALWAYS_INLINE or u.id in hidden or (u.id not in forward and not u.is_param):
                if RULES[u.op].statements:  # a block (scatter, loewner): a call-like phrase
                    inner = ", ".join(printer.expr(a, inline)[0] for a in u.args)
                    key = f", [{format_key(u.attr('key'))}]" if u.attr("key") is not None else ""
                    namer.names[u.id] = f"{u.op}({inner}{key})"
                else:
                    inline.add(u.id)
        return inline

    def name(v: Value) -> str:
        return printer.expr(v, inline_new([v]))[0]

    lines = [f"Derivatives of `{model.fn}`, step by step (reverse mode runs them bottom-up)."]
    lines.append("" if not brief else "Each step's Jacobian in the notation of the talk:")
    for v in values:
        if v.op in ALWAYS_INLINE or v.id not in active or v.is_param:
            continue
        rule = RULES[v.op]
        if rule.opaque is not None:
            raise CompileError(
                f"--emit explain does not go through {rule.opaque}",
                v.loc,
                "explain a model whose loops have trip counts known while compiling (unrolled)",
            )
        y = namer.name(v)
        spelled, _ = printer.spell(v, inline_new(list(v.args)))

        where = f"line {v.loc.line}" if v.loc else "?"
        lines.append(f"{where}: {y} = {spelled}" if not rule.statements else f"{where}: {y}")
        for i, arg in enumerate(v.args):
            deriv = rule.derivs[i] if i < len(rule.derivs) else None
            if deriv is None or arg.id not in active:
                continue
            x = namer.name(arg) if not arg.is_param else arg.attr("name")
            form = deriv(g, v, *v.args)
            dx = g.op(
                "param",
                name=f"d{x}",
                index=-1,
                dims=arg.attr("dims") or arg.shape,
                struct="general",
            )
            ybar = g.op("param", name=f"g_{y}", index=-2, dims=v.shape, struct="general")
            namer.names[dx.id], namer.names[ybar.id] = f"d{x}", f"g_{y}"
            dy = form.apply(g, dx)
            unwound = form.adjoint(g, ybar, arg.shape)
            every = inline_new([dy, unwound])
            size = _jacobian_size(g, v, arg)
            if brief:
                lines.append(
                    f"    ∂{y}/∂{x} = {talk(form, name)}"
                    + (f"  [{size}, never formed]" if size else "")
                )
                continue
            lines.append(f"    d{y} = {printer.expr(dy, every)[0]}")
            lines.append(f"    ∂{y}/∂{x} = {talk(form, name)}")
            lines.append(f"    unwound: g_{x} += {printer.expr(unwound, every)[0]}")
            if size:
                lines.append(f"    never formed: the {size} Jacobian")
        if not brief:
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
