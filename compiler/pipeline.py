"""The pipeline: a model's source to a `Program`, the one type that carries a compiled model
(its IR, its gradient and the optional functions' IR, differentiated and optimized per path of
run-time branches) to the generated module's text. `compile_model` is the one entry:
frontend.build -> autodiff.reverse -> extras (JVP, HVP, Hessian, Taylor) -> optimize (one
optimization of the whole program) -> codegen. Reads and writes no file."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace

from . import autodiff, codegen, explain, frontend, ir, loops, optimize, paths, testgen, version
from .codegen import Extras
from .diagnostics import CompileError, errors_in
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
    out = [out, *grad.grads]
    if extras.jvp:
        out.append(extras.jvp[1])
    if extras.hvp:
        out += extras.hvp[1]
    if extras.taylor:
        out += extras.taylor[1]
    return out


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


@dataclass
class Program:
    module: str
    model: frontend.Model
    grad: autodiff.Gradient
    wrt: list[int]
    filename: str
    command: str
    warnings: list[str] = field(default_factory=list)
    extras: codegen.Extras | None = None
    source: str = ""  # the model file's text, for emit_explain's fresh build of the model
    options: Options | None = None


def _wrt_indices(model: frontend.Model, wrt: list[str] | None) -> list[int]:
    """The parameters to differentiate: those named, or every one not annotated `int` and
    without a default (a keyword default is a constant unless named)."""
    if not wrt:
        out = [
            i
            for i, n in enumerate(model.param_names)
            if n not in model.integers and n not in model.defaults
        ]
        if not out:
            raise CompileError(
                f"every parameter of `{model.fn}` is an int: there is nothing to differentiate",
                None,
                "annotate real-valued parameters with float or a shape string",
            )
        return out
    out = []
    for name in wrt:
        if name not in model.param_names:
            raise CompileError(
                f"--wrt names `{name}`, which is not a parameter of `{model.fn}`",
                None,
                "parameters: " + ", ".join(model.param_names),
            )
        if name in model.integers:
            param = model.params[model.param_names.index(name)]
            kind = (
                "a sparse constant"
                if param.struct == ir.SPARSE
                else (
                    "a True/False option"
                    if model.defaults.get(name) in ("True", "False")
                    else "an integer parameter (annotated int)"
                )
            )
            raise CompileError(
                f"--wrt names `{name}`, {kind}: it has no gradient",
                None,
                f"differentiate the real-valued parameters; annotate `{name}: float` if it is real",
            )
        if name in (model.param_names[i] for i in out):
            raise CompileError(
                f"--wrt names `{name}` twice", None, "list each parameter once: --wrt a,b"
            )
        out.append(model.param_names.index(name))
    return out


def _wrt_list(wrt: str | list[str] | tuple[str, ...] | None) -> list[str] | None:
    """`"a, b"` or `["a", "b"]` to `["a", "b"]`; None or empty for every parameter."""
    if wrt is None:
        return None
    items = wrt.split(",") if isinstance(wrt, str) else list(wrt)
    out = [w.strip() for w in items if isinstance(w, str) and w.strip()]
    if len(out) != len(items) and not isinstance(wrt, str):
        raise CompileError("wrt must be parameter names (strings)", None, 'e.g. wrt=["A", "x"]')
    return out or None


@dataclass
class Options:
    """What to generate besides the value and gradient, and how."""

    jvp: bool = False  # jvp_<fn>(*args, *tangents)
    hvp: bool = False  # hvp_<fn>(*args, *vectors)
    hessian: bool = False  # hessian_<fn>(*args), through hvp_<fn>
    taylor: int = 0  # taylor_<fn>(*args, *directions): coefficients up to this order
    doc_explain: bool = False  # the derivation in the module docstring
    optimize: bool = True  # the optimizer's passes (off: the program as differentiated)
    # "auto": NumPy always, SciPy's LAPACK through a guarded prelude when it imports at run
    # time; "numpy": NumPy alone; "scipy": the module imports scipy.linalg (shared factors)
    backend: str = "auto"
    checkpoint: bool = False  # run-time loops: √T checkpoints instead of a full tape
    limits: frontend.Limits = field(default_factory=frontend.Limits)  # --max-statements ...
    shapes: dict[str, str] | None = None  # name -> shape spec (--shape, shapes={...})
    like: dict[str, tuple[int, ...]] | None = None  # name -> an example's shape (--like)


def _differentiate_paths(model, wrt: list[int], jvp: bool, hvp: bool, hessian: bool, order: int):
    """Reverse mode (and the optional forward-mode functions) along each returning path, in
    the one graph of the model; returns the first path's gradient and extras."""
    params = [model.params[i] for i in wrt]
    for leaf in paths.returning(model.tree):
        leaf.grad = autodiff.reverse(model.graph, leaf.out, params)
        view = replace(model, out=leaf.out, tree=None)
        leaf.extras = extras(view, leaf.grad, wrt, jvp, hvp, hessian, order)
    first = paths.returning(model.tree)[0]
    return first.grad, first.extras


def _optimize_paths(model, passes=None):
    """Optimize every path's program and the conditions at once (what paths share is
    optimized once) and point the tree at the optimized values."""
    g = model.graph
    returned = paths.returning(model.tree)
    every: list = []
    spans = []
    for leaf in returned:
        part = roots(leaf.out, leaf.grad, leaf.extras)
        spans.append(len(part))
        every += part
    conds = paths.conditions(model.tree)
    every += conds
    new, report = optimize.optimize(g, every, *(passes,) if passes else ())
    k = 0
    for leaf, n in zip(returned, spans):
        leaf.out = assign(g, leaf.grad, leaf.extras, new[k : k + n])
        k += n
    paths.remap(model.tree, lambda v: new[k + conds.index(v)])
    model.out = returned[0].out
    return report


def _build(source: str, fn: str, filename: str, options: Options):
    """The model function lowered to IR (frontend.build) with the options' shapes and limits."""
    return frontend.build(source, fn, filename, options.shapes, options.like, limits=options.limits)


def compile_model(
    source: str,
    fn: str,
    wrt: list[str] | None = None,
    filename: str = "<model>",
    command: str | None = None,
    options: Options | None = None,
) -> Program:
    options = options or Options()
    command = command or f"matgradc {filename} --fn {fn}"
    with errors_in(filename, source):
        model = _build(source, fn, filename, options)
        loops.configure(model.graph, checkpoint=options.checkpoint)
        idx = _wrt_indices(model, wrt)
        flags = (options.jvp, options.hvp, options.hessian, options.taylor)
        if model.tree is not None:  # run-time branches: each path on its own (paths.py)
            grad, more = _differentiate_paths(model, idx, *flags)
        else:
            grad = autodiff.reverse(model.graph, model.out, [model.params[i] for i in idx])
            more = extras(model, grad, idx, *flags)
        if options.doc_explain:
            more.doc = explain.explain(_build(source, fn, filename, options), idx, brief=True)
        if options.optimize:
            passes = {"scipy": optimize.SCIPY_PASSES, "numpy": optimize.PASSES}.get(
                options.backend, optimize.AUTO_PASSES
            )
            if model.tree is not None:
                _optimize_paths(model, passes)
            else:
                optimized(model, grad, more, passes)
        module = codegen.render_module(
            model, grad, idx, filename, command, version.__version__, more
        )
    compiled = Program(module, model, grad, idx, filename, command, model.warnings)
    compiled.extras, compiled.source, compiled.options = more, source, options
    return compiled


def emit_ir(c: Program) -> str:
    """The optimized program, forward and backward, as stable text, with the estimated peak of
    live memory of value_and_grad (`--emit ir`)."""
    labels = ["value"] + [f"grad {c.model.param_names[i]}" for i in c.wrt]
    if c.model.tree is not None:  # one program per path through run-time branches
        names = [c.model.param_names[i] for i in c.wrt]
        text = paths.format_tree(c.model.graph, c.model.tree, names)
        return text + "# the first path: " + codegen.memory_report(c.model, c.grad, c.wrt)[2:]
    text = ir.format_ir(c.model.graph, [c.model.out] + c.grad.grads, labels)
    return text + codegen.memory_report(c.model, c.grad, c.wrt)


def emit_explain(c: Program) -> str:
    """Each step's derivative in the talk's notation (`--emit explain`), for the model as
    written: built again from its source, since the program's own graph has been
    differentiated and optimized."""
    with errors_in(c.filename, c.source):
        return explain.explain(_build(c.source, c.model.fn, c.filename, c.options), c.wrt)


def render_test(c: Program, module_path: str, test_path: str) -> str:
    """The pytest module checking the generated module at `module_path` by finite differences."""
    return testgen.render_test(
        c.model, c.grad, c.wrt, module_path, test_path, c.filename, c.command, version.__version__
    )


def shapes_option(shapes) -> dict[str, str] | None:
    if shapes is None:
        return None
    if not isinstance(shapes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in shapes.items()
    ):
        raise CompileError(
            "shapes must map parameter names to shape strings",
            hint='shapes={"X": "n,d", "lam": "scalar", "S": "spd(n,n)"}',
        )
    return dict(shapes)


def warn(compiled: Program) -> None:
    """The compiler's warnings (ambiguous shapes) as Python warnings, for the in-process API."""
    for w in compiled.warnings:
        warnings.warn(f"{compiled.filename}: {w}", UserWarning, stacklevel=3)
