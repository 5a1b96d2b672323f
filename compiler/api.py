"""The compiler's pipeline as functions: source text in, generated module text out."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import autodiff, codegen, frontend, ir, testgen
from .diagnostics import CompileError


@dataclass
class Compiled:
    module: str
    model: frontend.Model
    grad: autodiff.Gradient
    wrt: list[int]
    filename: str
    command: str
    warnings: list[str] = field(default_factory=list)


def _wrt_indices(model: frontend.Model, wrt: list[str] | None) -> list[int]:
    if not wrt:
        return list(range(len(model.params)))
    out = []
    for name in wrt:
        if name not in model.param_names:
            raise CompileError(
                f"--wrt names `{name}`, which is not a parameter of `{model.fn}`",
                None,
                "parameters: " + ", ".join(model.param_names),
            )
        out.append(model.param_names.index(name))
    return out


def compile_model(
    source: str,
    fn: str,
    wrt: list[str] | None = None,
    filename: str = "<model>",
    command: str | None = None,
) -> Compiled:
    from . import __version__

    model = frontend.build(source, fn, filename)
    idx = _wrt_indices(model, wrt)
    grad = autodiff.reverse(model.graph, model.out, [model.params[i] for i in idx])
    command = command or f"matgradc {filename} --fn {fn}"
    module = codegen.render_module(model, grad, idx, filename, command, __version__)
    return Compiled(module, model, grad, idx, filename, command, model.warnings)


def emit_ir(c: Compiled) -> str:
    """The forward and backward program as stable text (`--emit ir`)."""
    labels = ["value"] + [f"grad {c.model.param_names[i]}" for i in c.wrt]
    return ir.format_ir(c.model.graph, [c.model.out] + c.grad.grads, labels)


def render_test(c: Compiled, module_path: str, test_path: str) -> str:
    """The pytest module checking the generated module at `module_path` by finite differences."""
    from . import __version__

    return testgen.render_test(
        c.model, c.grad, c.wrt, module_path, test_path, c.filename, c.command, __version__
    )


def compile_source(
    source: str, fn: str, wrt: list[str] | None = None, filename: str = "<model>"
) -> str:
    """The generated module's text for function `fn` of the model `source`."""
    return compile_model(source, fn, wrt, filename).module
