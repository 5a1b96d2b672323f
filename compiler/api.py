"""The Python API: source text in, generated module text out (the pipeline is pipeline.py,
model files sources.py, live functions live.py, output files outputs.py).

The public Python API (re-exported by the `matgradc` package):

    compile_source(source, fn, wrt=None) -> str        the generated module's text
    compile_file(path, fn, wrt=None, out=None, test=None) -> str
                                                        the same from a file; writes OUT/TEST
    grad(fn, wrt=None) -> callable                      grad_<fn>, compiled in process
    value_and_grad(fn, wrt=None) -> callable            value_and_grad_<fn>

Nothing here imports or runs a model: the source is parsed, and only the generated code is
ever executed (by `grad` and `value_and_grad`). A model file is decoded as Python decodes it
(its PEP 263 coding cookie, a UTF-8 BOM); a cookie Python refuses is a CompileError.
`grad(f)` compiles f's own code: when f's file has been edited since f was defined (so that
its source no longer compiles to f's bytecode), it raises CompileError. Files are written by
outputs.write_atomically: the model and duplicate or non-regular outputs are refused, and the
outputs are replaced all or nothing, under a lock.
"""

from __future__ import annotations

import os

from .diagnostics import CompileError, errors_in
from .live import grad, value_and_grad
from .outputs import write_atomically
from .pipeline import (
    Options,
    Program,
    _wrt_list,
    compile_model,
    emit_explain,
    emit_ir,
    render_test,
    shapes_option,
    warn,
)
from .sources import LIST_NAME, MAX_BYTES, command_line, listed_functions, load_like, read_model

__all__ = [
    "LIST_NAME",
    "MAX_BYTES",
    "CompileError",
    "Options",
    "Program",
    "command_line",
    "compile_file",
    "compile_model",
    "compile_source",
    "emit_explain",
    "emit_ir",
    "grad",
    "listed_functions",
    "load_like",
    "read_model",
    "render_test",
    "value_and_grad",
]


def compile_source(
    source: str,
    fn: str,
    wrt: str | list[str] | None = None,
    filename: str = "<model>",
    shapes: dict[str, str] | None = None,
) -> str:
    """The generated module's text for function `fn` of the model `source` (never run).

    `wrt`: the parameters to differentiate, as a list or "a,b" (default: all, in signature
    order). `shapes`: parameter shapes in the annotation grammar, e.g. {"X": "n,d",
    "lam": "scalar"}. Raises CompileError, whose str() is the report `file:line:col: ...`."""
    options = Options(shapes=shapes_option(shapes))
    compiled = compile_model(source, fn, _wrt_list(wrt), filename, options=options)
    warn(compiled)
    return compiled.module


def compile_file(
    path: str | os.PathLike,
    fn: str,
    wrt: str | list[str] | None = None,
    out: str | os.PathLike | None = None,
    test: str | os.PathLike | None = None,
    shapes: dict[str, str] | None = None,
) -> str:
    """Compile `fn` of the model file `path`; return the module's text, and write it to `out`
    (and a finite-difference pytest module to `test`), all or nothing, exactly as
    `matgradc PATH --fn FN [--wrt ...] -o OUT [--emit-test TEST]` would. Raises CompileError
    when `out` or `test` is the model file (also through a link), when both name the same
    file, or when either exists and is not a regular file; nothing is written then.
    `shapes`: as for compile_source (`--shape NAME=SPEC`)."""
    path = os.fspath(path)
    out = os.fspath(out) if out is not None else None
    test = os.fspath(test) if test is not None else None
    if test and not out:
        raise CompileError(
            "a test needs `out`: the test imports the generated module",
            hint='compile_file("model.py", "f", out="grad_f.py", test="test_grad_f.py")',
        )
    with errors_in(path, None):
        source = read_model(path)
    wrt_names = _wrt_list(wrt)
    compiled = compile_model(
        source,
        fn,
        wrt_names,
        filename=path,
        command=command_line(path, fn, wrt_names, out, test, shapes),
        options=Options(shapes=shapes_option(shapes)),
    )
    warn(compiled)
    files, labels = [], []
    if out:
        files.append((out, compiled.module))
        labels.append("out")
    if test:
        files.append((test, render_test(compiled, out, test)))
        labels.append("test")
    with errors_in(path, source):
        write_atomically(files, inputs=[path], labels=labels)
    return compiled.module
