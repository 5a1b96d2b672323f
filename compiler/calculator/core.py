"""`derive`: an expression in, its derivative printed out (the calculator without its CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import autodiff, codegen, shapes
from ..diagnostics import CompileError
from ..ir import Value
from . import jacobian as J
from .latex import latex
from .normal import Algebra
from .printer import ATOM, Doc, Printer, atomic, d_num, talk
from .translate import translate

TALK_TO_LATEX = [
    (" ⊗ ", r" \otimes "),
    (" ⊠ ", r" \boxtimes "),
    ("vecᵀ", r"\operatorname{vec}^{T}"),
    ("vec", r"\operatorname{vec}"),
    ("diag", r"\operatorname{diag}"),
    (" · ", r" \, "),
    ("⁻¹", "^{-1}"),
    ("⁻ᵀ", "^{-T}"),
    ("ᵀ", "^{T}"),
]


@dataclass
class Result:
    """What `derive` computed: the printed lines, and the inputs' shapes (dimension names or
    sizes, () for a scalar) and structures, so that callers can build test arrays."""

    function: str
    derivative: str
    wrt: str
    jacobian: str | None = None  # vector- and matrix-valued expressions
    hessian: str | None = None  # scalar expressions, on request
    latex: str | None = None
    shapes: dict[str, tuple] = field(default_factory=dict)
    structs: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"Function: {self.function}", f"Derivative: {self.derivative}"]
        for key in ("jacobian", "hessian", "latex"):
            text = getattr(self, key)
            if text is not None:
                out.append(f"{'LaTeX' if key == 'latex' else key.title()}: {text}")
        return out


def derive(
    expr: str,
    wrt: str | None = None,
    shape_specs: dict[str, str] | list[str] | None = None,
    syntax: str = "auto",
    latex: bool = False,
    hessian: bool = False,
) -> Result:
    """Differentiate `expr` with respect to `wrt`: the gradient of a scalar expression (and
    its Hessian when asked), the derivative and Jacobian of a vector or matrix.

    `shape_specs` declares inputs ({"x": "n", "A": "m,n", "S": "spd(n,n)", "c": "scalar"} or
    ["x=n", ...], the grammar of compiler/shapes.py); undeclared names are n-by-n matrices.
    Raises CompileError."""
    if isinstance(shape_specs, dict):
        texts = [f"{name}={spec}" for name, spec in shape_specs.items()]
    else:
        texts = list(shape_specs or [])
    declared: dict[str, str] = {}
    for name, spec in map(shapes.parse_assignment, texts):
        rank = shapes.parse(spec, name)[0]
        if rank > 2:  # the calculator prints matrix Jacobians (models take any rank)
            raise CompileError(
                f"`{name}` has {rank} dimensions; the calculator takes scalars, vectors and "
                "matrices",
                None,
                'declare e.g. X=n,n; a model file takes stacks such as X: "k,n,n"',
            )
        if declared.setdefault(name, spec) != spec:
            raise CompileError(
                f"`{name}` is declared twice: {declared[name]} and {spec}", None, "declare it once"
            )
    model = translate(expr, declared, syntax).build()
    names = model.param_names
    if wrt is None:
        wrt = "X" if "X" in names else names[0] if len(names) == 1 else None
    if wrt not in names:
        hint = "inputs of the expression: " + (", ".join(names) or "none")
        if wrt is None:
            raise CompileError("say which input to differentiate with respect to", None, hint)
        raise CompileError(
            f"--wrt names `{wrt}`, which does not appear in the expression", None, hint
        )
    g, out = model.graph, model.out
    x = model.params[names.index(wrt)]
    alg = Algebra(g)
    params = [x] + [p for p in model.params if p is not x]
    spelling = codegen.Printer(g, params, codegen.Namer(model, {}, set()))
    printer = Printer(alg, params, spelling)
    spell = _spelling(alg, printer, x)
    result = Result(
        function=printer.sum(alg.of(out)).text,
        derivative="",
        wrt=wrt,
        shapes={p.attr("name"): tuple(g.dim_name(d) for d in p.shape) for p in model.params},
        structs={p.attr("name"): p.struct for p in model.params},
    )
    tex = []
    if out.rank == 0:
        grad = autodiff.reverse(g, out, [x]).grads[0]
        if grad.op == "zeros" or (grad.is_const(0.0) and x.rank == 0):
            zero = "np.zeros_like(" + wrt + ")"
            doc = d_num(0) if x.rank == 0 else Doc("zeros", (x.shape,), zero, ATOM)
        else:
            doc = printer.sum(alg.of(grad))
        result.derivative = doc.text
        if latex:
            tex.append(rf"f = {_latex(printer, alg.of(out))}")
            tex.append(rf"\frac{{\partial f}}{{\partial {wrt}}} = {_latex(printer, doc)}")
        if hessian:
            terms = J.derivative(g, grad, x)
            result.hessian = spell.numpy(terms, grad)
            if latex:
                d2 = rf"\frac{{\partial^2 f}}{{\partial \operatorname{{vec}} {wrt}^2}}"
                tex.append(f"{d2} = {_latex_terms(spell, printer, alg, terms)}")
    else:
        if hessian:
            raise CompileError(
                "--hessian needs a scalar expression",
                None,
                "the Jacobian of a vector or matrix is printed without it",
            )
        terms = J.derivative(g, out, x)
        result.derivative = spell.talk(terms)
        result.jacobian = spell.numpy(terms, out)
        if latex:
            d = rf"\frac{{\partial \operatorname{{vec}} F}}{{\partial \operatorname{{vec}} {wrt}}}"
            tex.append(rf"F = {_latex(printer, alg.of(out))}")
            tex.append(f"{d} = {_latex_terms(spell, printer, alg, terms)}")
    if latex:
        result.latex = r", \quad ".join(tex)
    return result


def _spelling(alg: Algebra, printer: Printer, x: Value) -> J.Spell:
    def value(v: Value) -> tuple[bool, str]:
        s = alg.of(v)
        num = alg.common(s)[0]
        if num < 0:
            return True, printer.sum(alg.scale(s, -1.0)).text
        return False, printer.sum(s).text

    def talk_value(v: Value) -> str:
        text = talk(printer.sum(alg.of(v)))
        return text if atomic(text) else f"({text})"

    def size(shape: tuple) -> str:
        if len(shape) == 1:
            return printer.dim(shape[0])[0]
        for p in printer.params:
            if p.rank and alg.g.same_shape(p.shape, shape):
                return f"{p.attr('name')}.size"
        return " * ".join(printer.dim(d)[0] for d in shape) or "1"

    return J.Spell(alg.g, x, value, talk_value, size, printer.spelling.shape)


def _latex(printer: Printer, s) -> str:
    doc = s if isinstance(s, Doc) else printer.sum(s)
    return latex(doc, printer.alg.g, printer.params)


def _latex_terms(spell: J.Spell, printer: Printer, alg: Algebra, terms: J.Terms) -> str:
    """The talk's notation of `terms` in LaTeX: explain.talk with each factor a placeholder,
    its symbols translated, then the factors' LaTeX put in."""
    if not terms:
        return "0"
    factors: list[str] = []

    def name(v: Value) -> str:
        doc = printer.sum(alg.of(v))
        tex = _latex(printer, doc)
        factors.append(rf"\left({tex}\right)" if doc.kind in ("add", "matmul", "mul") else tex)
        return f"\x00{len(factors) - 1}\x00"

    def transposed(v: Value) -> str:
        return name(alg.g.op("transpose", v))

    text = " + ".join(spell.talk_term(t, name, transposed) for t in terms)
    for glyph, tex in TALK_TO_LATEX:
        text = text.replace(glyph, tex)
    for i, tex in enumerate(factors):
        text = text.replace(f"\x00{i}\x00", tex)
    return text
