"""The compiler's pipeline as functions: source text in, generated module text out.

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

import ast
import builtins
import codecs
import inspect
import keyword
import linecache
import math
import os
import re
import shlex
import sys
import textwrap
import tokenize
import types
import warnings
from dataclasses import dataclass, field, replace

from . import autodiff, codegen, explain, frontend, ir, optimize, paths, pipeline, testgen
from .diagnostics import CompileError, Loc
from .outputs import write_atomically

MAX_BYTES = 1_000_000
LIST_NAME = "__matgradc__"


@dataclass
class Compiled:
    module: str
    model: frontend.Model
    grad: autodiff.Gradient
    wrt: list[int]
    filename: str
    command: str
    warnings: list[str] = field(default_factory=list)
    extras: codegen.Extras | None = None


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
    backend: str = "numpy"  # "scipy": the module may use scipy.linalg's factorizations
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
        leaf.extras = pipeline.extras(view, leaf.grad, wrt, jvp, hvp, hessian, order)
    first = paths.returning(model.tree)[0]
    return first.grad, first.extras


def _optimize_paths(model, passes=None):
    """Optimize every path's program and the conditions at once (what paths share is
    optimized once) and point the tree at the optimized values."""
    g = model.graph
    returned = paths.returning(model.tree)
    roots: list = []
    spans = []
    for leaf in returned:
        part = pipeline.roots(leaf.out, leaf.grad, leaf.extras)
        spans.append(len(part))
        roots += part
    conds = paths.conditions(model.tree)
    roots += conds
    new, report = optimize.optimize(g, roots, *(passes,) if passes else ())
    k = 0
    for leaf, n in zip(returned, spans):
        leaf.out = pipeline.assign(g, leaf.grad, leaf.extras, new[k : k + n])
        k += n
    paths.remap(model.tree, lambda v: new[k + conds.index(v)])
    model.out = returned[0].out
    return report


def compile_model(
    source: str,
    fn: str,
    wrt: list[str] | None = None,
    filename: str = "<model>",
    command: str | None = None,
    options: Options | None = None,
) -> Compiled:
    from . import __version__

    options = options or Options()
    command = command or f"matgradc {filename} --fn {fn}"
    try:
        model = frontend.build(
            source, fn, filename, options.shapes, options.like, limits=options.limits
        )
        idx = _wrt_indices(model, wrt)
        flags = (options.jvp, options.hvp, options.hessian, options.taylor)
        if model.tree is not None:  # run-time branches: each path on its own (paths.py)
            grad, more = _differentiate_paths(model, idx, *flags)
        else:
            grad = autodiff.reverse(model.graph, model.out, [model.params[i] for i in idx])
            more = pipeline.extras(model, grad, idx, *flags)
        if options.doc_explain:
            again = frontend.build(
                source, fn, filename, options.shapes, options.like, limits=options.limits
            )
            more.doc = explain.explain(again, idx, brief=True)
        if options.optimize:
            passes = optimize.SCIPY_PASSES if options.backend == "scipy" else optimize.PASSES
            if model.tree is not None:
                _optimize_paths(model, passes)
            else:
                pipeline.optimized(model, grad, more, passes)
        module = codegen.render_module(model, grad, idx, filename, command, __version__, more)
    except CompileError as e:
        raise e.located(filename, source) from None
    compiled = Compiled(module, model, grad, idx, filename, command, model.warnings)
    compiled.extras = more
    return compiled


def emit_ir(c: Compiled) -> str:
    """The optimized program, forward and backward, as stable text, with the estimated peak of
    live memory of value_and_grad (`--emit ir`)."""
    labels = ["value"] + [f"grad {c.model.param_names[i]}" for i in c.wrt]
    if c.model.tree is not None:  # one program per path through run-time branches
        names = [c.model.param_names[i] for i in c.wrt]
        text = paths.format_tree(c.model.graph, c.model.tree, names)
        return text + "# the first path: " + codegen.memory_report(c.model, c.grad, c.wrt)[2:]
    text = ir.format_ir(c.model.graph, [c.model.out] + c.grad.grads, labels)
    return text + codegen.memory_report(c.model, c.grad, c.wrt)


def emit_explain(
    source: str,
    fn: str,
    wrt: list[str] | None = None,
    filename: str = "<model>",
    options: Options | None = None,
) -> str:
    """Each step's derivative in the talk's notation (`--emit explain`)."""
    options = options or Options()
    try:
        model = frontend.build(
            source, fn, filename, options.shapes, options.like, limits=options.limits
        )
        return explain.explain(model, _wrt_indices(model, wrt))
    except CompileError as e:
        raise e.located(filename, source) from None


def render_test(c: Compiled, module_path: str, test_path: str) -> str:
    """The pytest module checking the generated module at `module_path` by finite differences."""
    from . import __version__

    return testgen.render_test(
        c.model, c.grad, c.wrt, module_path, test_path, c.filename, c.command, __version__
    )


# -- files -------------------------------------------------------------------------------
def read_model(path: str | os.PathLike) -> str:
    """The model's text, decoded as Python decodes a source file: UTF-8, or the encoding its
    PEP 263 coding cookie names (a UTF-8 BOM is accepted and dropped); at most MAX_BYTES.
    Raises CompileError, also for a cookie Python would refuse."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise CompileError(
            f"cannot read the model: {e.strerror}",
            hint="give the path of a Python file: matgradc model.py --fn f",
        ) from None
    if len(data) > MAX_BYTES:
        raise CompileError(
            f"the model is larger than {MAX_BYTES} bytes", hint="split it into smaller files"
        )
    return decode_model(data)


def decode_model(data: bytes) -> str:
    """Bytes of a model file to its text, exactly as Python reads a source file (see
    read_model); the line endings are kept as they are."""
    hint = "save the model as UTF-8, without a `# coding:` line"
    lines = data.splitlines(keepends=True)[:2]
    found = [
        (i, m)
        for i, line in enumerate(lines)
        if (m := _COOKIE.match(line.removeprefix(codecs.BOM_UTF8) if i == 0 else line))
    ]
    at = Loc(found[0][0] + 1) if found else None
    named = found[0][1].group(1).decode("ascii") if found else ""
    try:
        encoding, _ = tokenize.detect_encoding(iter(lines + [b""]).__next__)
    except SyntaxError as e:  # an unknown codec, a BOM with another cookie, bad UTF-8
        if data.startswith(codecs.BOM_UTF8) and found:
            msg = f"the model starts with a UTF-8 BOM but its coding cookie names {named}"
        elif found and "unknown encoding" in str(e.msg):
            msg = f"the model's coding cookie names {named}, an unknown encoding"
        else:
            msg = f"cannot read the model: {e.msg}"
            at = None
        raise CompileError(msg, at, hint) from None
    if encoding not in ("utf-8", "utf-8-sig"):
        # Python refuses codecs that are not text encodings (rot13, hex) and those that do not
        # read the cookie itself as ASCII (utf-16, utf-32): so do we.
        text = found[0][1].group(0) if found else b""
        try:
            readable = codecs.lookup(encoding)._is_text_encoding and text.decode(
                encoding
            ) == text.decode("ascii")
        except (UnicodeDecodeError, ValueError):
            readable = False
        if not readable:
            raise CompileError(
                f"the model's coding cookie names {named}, which Python cannot read "
                "source files in",
                at,
                hint,
            )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        where = data.count(b"\n", 0, e.start) + 1
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        raise CompileError(
            f"the model is not {name} text (byte {e.start}, line {where})",
            hint="save the model file as UTF-8",
        ) from None


# A PEP 263 coding cookie, as tokenize looks for it.
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII)


def command_line(
    path: str,
    fn: str,
    wrt: list[str] | None,
    out: str | None,
    test: str | None,
    shapes: dict[str, str] | None = None,
) -> str:
    """The `matgradc` command that regenerates these outputs (written into their header)."""
    argv = [path, "--fn", fn]
    if wrt:
        argv += ["--wrt", ",".join(wrt)]
    for name, spec in (shapes or {}).items():
        argv += ["--shape", f"{name}={spec}"]
    if out:
        argv += ["-o", out]
    if test:
        argv += ["--emit-test", test]
    return "matgradc " + " ".join(shlex.quote(a) for a in argv)


def listed_functions(source: str, filename: str = "<model>") -> list[str] | None:
    """The names of the module-level `__matgradc__ = ["f", "g"]` list (read with `ast`,
    never run), or None when there is none. Raises CompileError when it is not a literal
    list of distinct function names."""
    tree = frontend.parse(source, filename)
    hint = f'write a literal list of function names: {LIST_NAME} = ["loglik", "penalty"]'
    found: ast.expr | None = None
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for t in targets:
            names = t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t]
            if not any(isinstance(n, ast.Name) and n.id == LIST_NAME for n in names):
                continue
            if isinstance(node, ast.AugAssign) or not isinstance(t, ast.Name) or not node.value:
                raise CompileError(
                    f"`{LIST_NAME}` must be assigned a literal list", _loc(node), hint
                )
            found = node.value
    if found is None:
        return None
    if not isinstance(found, (ast.List, ast.Tuple)):
        raise CompileError(f"`{LIST_NAME}` must be a literal list of names", _loc(found), hint)
    out: list[str] = []
    for elt in found.elts:
        if not (isinstance(elt, ast.Constant) and isinstance(elt.value, str)):
            raise CompileError(
                f"`{LIST_NAME}` may only hold function names as strings", _loc(elt), hint
            )
        if not elt.value.isidentifier():
            raise CompileError(f"{elt.value!r} is not a function name", _loc(elt), hint)
        if elt.value in out:
            raise CompileError(f"`{LIST_NAME}` names `{elt.value}` twice", _loc(elt), hint)
        out.append(elt.value)
    if not out:
        raise CompileError(f"`{LIST_NAME}` is empty", _loc(found), hint)
    return out


def _loc(node: ast.AST) -> Loc:
    return Loc(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


# -- the public API ----------------------------------------------------------------------
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
    options = Options(shapes=_shapes(shapes))
    compiled = compile_model(source, fn, _wrt_list(wrt), filename, options=options)
    _warn(compiled)
    return compiled.module


def _warn(compiled: Compiled) -> None:
    """The compiler's warnings (ambiguous shapes) as Python warnings, for the in-process API."""
    for w in compiled.warnings:
        warnings.warn(f"{compiled.filename}: {w}", UserWarning, stacklevel=3)


def _shapes(shapes) -> dict[str, str] | None:
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


def load_like(path: str | os.PathLike) -> dict[str, tuple[int, ...]]:
    """The shapes of the example arrays in an .npz (or .npy) file, read without pickles
    (`--like`): real arrays of at most two dimensions."""
    import numpy as np

    path = os.fspath(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except AttributeError:  # an .npy file holds one array, not a mapping of names
        raise CompileError(
            f"{path} holds one array; --like needs named arrays",
            hint="np.savez('example.npz', X=X, y=y)",
        ) from None
    except (OSError, ValueError) as e:
        raise CompileError(
            f"cannot read the example arrays in {path}: {e}",
            hint="np.savez('example.npz', X=X, y=y) writes one",
        ) from None
    out = {}
    for name, a in arrays.items():
        if a.dtype.kind not in "biuf" or a.ndim > 2:
            what = f"dtype {a.dtype}" if a.dtype.kind not in "biuf" else f"{a.ndim} dimensions"
            raise CompileError(
                f"the example `{name}` in {path} has {what}",
                hint="examples are real scalars, vectors or matrices",
            )
        out[name] = tuple(int(n) for n in a.shape)
    return out


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
    try:
        source = read_model(path)
    except CompileError as e:
        raise e.located(path, None) from None
    wrt_names = _wrt_list(wrt)
    compiled = compile_model(
        source,
        fn,
        wrt_names,
        filename=path,
        command=command_line(path, fn, wrt_names, out, test, shapes),
        options=Options(shapes=_shapes(shapes)),
    )
    _warn(compiled)
    files, labels = [], []
    if out:
        files.append((out, compiled.module))
        labels.append("out")
    if test:
        files.append((test, render_test(compiled, out, test)))
        labels.append("test")
    try:
        write_atomically(files, inputs=[path], labels=labels)
    except CompileError as e:
        raise e.located(path, source) from None
    return compiled.module


def grad(
    fn: types.FunctionType,
    wrt: str | list[str] | None = None,
    shapes: dict[str, str] | None = None,
):
    """`grad_<fn>`: the gradient of the Python function `fn`, compiled in process.

    The function's source is read with `inspect` (it is never called); its module's imports,
    numeric constants and helper functions are taken into account. Only the generated code is
    executed. For one --wrt parameter the gradient is one array, else a tuple. `shapes`:
    parameter shapes, e.g. {"lam": "scalar", "X": "n,d"}.

    The source must still be the function's own: if its file (or that of a helper it calls)
    was edited after the function was defined, CompileError asks to reload the module. A name
    bound to a module other than numpy (`import mylib as np`) is not numpy."""
    return _compile_function(fn, wrt, "grad_", shapes)


def value_and_grad(
    fn: types.FunctionType,
    wrt: str | list[str] | None = None,
    shapes: dict[str, str] | None = None,
):
    """`value_and_grad_<fn>`: returns (value, grads), grads a tuple in `wrt` order."""
    return _compile_function(fn, wrt, "value_and_grad_", shapes)


def _compile_function(fn, wrt, prefix: str, shapes=None):
    source, filename, locate = _function_model(fn)
    name = fn.__name__
    try:
        compiled = compile_model(
            source,
            name,
            _wrt_list(wrt),
            filename,
            command=f"matgradc.{prefix[:-1]}({name})",
            options=Options(shapes=_shapes(shapes)),
        )
    except CompileError as e:
        raise locate(e) from None
    _warn(compiled)
    module = _exec_generated(compiled.module, name)
    out = getattr(module, prefix + name)
    out.__matgradc_source__ = compiled.module
    return out


def _exec_generated(text: str, name: str) -> types.ModuleType:
    """Execute the generated module's text (never the model) as a fresh module whose source
    `inspect` and tracebacks can show."""
    key = f"<matgradc grad_{name} {abs(hash(text)):x}>"
    linecache.cache[key] = (len(text), None, text.splitlines(True), key)
    module = types.ModuleType(f"grad_{name}")
    module.__file__ = key
    exec(compile(text, key, "exec"), module.__dict__)  # noqa: S102 -- generated code only
    return module


def _function_model(fn):
    """(model source, file name, error relocator) for a live function object.

    When the function is defined at the top level of a module whose source is available,
    the model is that module's source (imports, constants, helpers all as written). Otherwise
    (notebook cells, nested functions) it is the function's own source after a prelude built
    from the names it uses: numpy modules and functions become imports, int/float values
    become constants, plain functions are included by source; error locations are mapped
    back to the function's file."""
    if inspect.ismethod(fn):
        fn = fn.__func__
    if not isinstance(fn, types.FunctionType):
        raise CompileError(
            f"matgradc needs a Python function defined with `def`, not {type(fn).__name__}",
            hint="def f(A, x): return x @ A @ x; then matgradc.grad(f)",
        )
    if fn.__name__ == "<lambda>":
        raise CompileError(
            "matgradc cannot compile a lambda", hint="define the model with `def f(...):`"
        )
    try:
        lines, first = inspect.getsourcelines(fn)
        filename = inspect.getsourcefile(fn) or inspect.getfile(fn)
    except (OSError, TypeError) as e:
        raise CompileError(
            f"cannot read the source of `{fn.__qualname__}`: {e}",
            hint="define the function in a file or a notebook cell, not with exec or eval",
        ) from None
    own = "".join(lines)
    _check_unchanged(fn, filename, set())
    module_source = _module_source(fn, filename, own, first)
    if module_source is not None:
        return module_source, filename, lambda e: e.located(filename, module_source)

    body = textwrap.dedent(own)
    indent = len(lines[0]) - len(lines[0].lstrip()) if lines else 0
    prelude = _prelude(fn, set())
    offset = prelude.count("\n")  # lines before the function's own first line
    source = prelude + body
    try:
        original = "".join(linecache.getlines(filename)) or None
    except Exception:  # noqa: BLE001 -- best effort: only used to echo the line in reports
        original = None

    def locate(e: CompileError) -> CompileError:
        if e.filename is not None and e.filename != filename:
            return e
        e.filename = None
        if e.loc is not None and e.loc.line > offset:
            e.loc = Loc(e.loc.line - offset + first - 1, e.loc.col + indent)
            return e.located(filename, original)
        e.loc = None
        return e.located(filename, None)

    return source, filename, locate


# Compiler flags that `from __future__ import ...` sets in a code object.
_FUTURE_FLAGS = 0
for _feature in __import__("__future__").all_feature_names:
    _FUTURE_FLAGS |= getattr(__import__("__future__"), _feature).compiler_flag


def _check_unchanged(fn: types.FunctionType, filename: str, seen: set[int]) -> None:
    """Raise CompileError unless the source file of `fn`, as `inspect` reads it now, still
    holds that function's own code at its line (and so for each function of the same file
    that it calls): a file edited after the function was defined is not compiled in its
    place. Nothing is run: the file's text is compiled to bytecode (the whole file, since
    module-level imports change the bytecode of calls) and compared, line numbers aside."""
    seen.add(id(fn))
    code = fn.__code__
    linecache.checkcache(filename)
    text = "".join(linecache.getlines(filename))
    flags = (code.co_flags & _FUTURE_FLAGS) | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT  # notebook cells
    try:
        compiled = compile(text, filename, "exec", flags, True)
        same = any(
            c.co_name == code.co_name
            and c.co_firstlineno == code.co_firstlineno
            and _bytecode(c) == _bytecode(code)
            for c in _code_objects(compiled)
        )
    except (SyntaxError, ValueError):
        same = False
    if not same:
        raise CompileError(
            f"the source of `{fn.__qualname__}` in {filename} has changed since the "
            "function was defined: matgradc would compile other code than the function's",
            Loc(code.co_firstlineno),
            "reload the module (importlib.reload) or rerun the cell that defines it, then "
            "call matgradc.grad again",
        ).located(filename, text or None)
    for name in _global_names(code):
        value = fn.__globals__.get(name)
        if (
            isinstance(value, types.FunctionType)
            and id(value) not in seen
            and value.__code__.co_filename == code.co_filename
        ):
            _check_unchanged(value, filename, seen)


def _code_objects(code: types.CodeType):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from _code_objects(c)


def _global_names(code: types.CodeType) -> set[str]:
    return set(code.co_names).union(
        *(_global_names(c) for c in _code_objects(code) if c is not code)
    )


def _bytecode(code: types.CodeType) -> tuple:
    """What a code object does, without where it is: no line numbers, names of the file or
    enclosing scopes."""
    consts = tuple(
        _bytecode(c) if isinstance(c, types.CodeType) else (type(c).__name__, repr(c))
        for c in code.co_consts
    )
    return (
        code.co_code,
        consts,
        code.co_names,
        code.co_varnames,
        code.co_freevars,
        code.co_cellvars,
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
        code.co_flags & ~inspect.CO_NESTED,
    )


def _module_source(fn, filename: str, own: str, first: int) -> str | None:
    """The source of fn's module when fn is one of its top-level functions, as written, and
    that module is the file (not a notebook cell, whose imports may be in other cells)."""
    if fn.__qualname__ != fn.__name__:
        return None
    module_file = getattr(sys.modules.get(fn.__module__), "__file__", None)
    if not module_file or not os.path.exists(filename):
        return None
    if os.path.realpath(module_file) != os.path.realpath(filename):
        return None
    text = "".join(linecache.getlines(filename))
    if not text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == fn.__name__]
    if not defs:
        return None
    node = defs[-1]  # the binding the frontend sees
    start = min([d.lineno for d in node.decorator_list] + [node.lineno])
    if start != first or start != fn.__code__.co_firstlineno:
        return None
    segment = "".join(text.splitlines(True)[start - 1 : node.end_lineno])
    return text if segment == own else None


def _prelude(fn, seen: set[int]) -> str:
    """Imports, constants and helper functions for the names `fn` uses, as source text."""
    seen.add(id(fn))
    names = _used_names(fn)
    scope = {**fn.__globals__}
    if fn.__closure__:
        scope.update(zip(fn.__code__.co_freevars, (_cell(c) for c in fn.__closure__)))
    lines = ["import numpy as np"]
    helpers = []
    for name in sorted(names):
        if name not in scope or (name == "np" and scope[name] is _numpy()):
            continue
        value = scope[name]
        if isinstance(value, types.ModuleType):  # numpy's, or another module: then not numpy
            module = value.__name__ if _dotted_name(value.__name__) else "_unknown_module"
            lines.append(f"import {module} as {name}")
        elif name in ("np", "numpy"):  # bound to something that is not numpy: not numpy here
            lines.append(f"from _unknown_module import {name}")
        elif _numpy_function(value):
            module, attr = _numpy_function(value)
            lines.append(f"from {module} import {attr} as {name}")
        elif type(value) is int or (type(value) is float and _finite(value)):
            lines.append(f"{name} = {value!r}")
        elif isinstance(value, types.FunctionType) and id(value) not in seen:
            try:
                helper = textwrap.dedent(inspect.getsource(value))
            except (OSError, TypeError):
                continue
            helpers.append(_prelude(value, seen) + helper)
    text = "\n".join(dict.fromkeys(lines)) + "\n\n\n"
    return text + "".join(h + "\n\n" for h in helpers)


def _dotted_name(text: str) -> bool:
    return all(p.isidentifier() and not keyword.iskeyword(p) for p in text.split("."))


def _used_names(fn) -> set[str]:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return set(fn.__code__.co_names) | set(fn.__code__.co_freevars)
    params = set(fn.__code__.co_varnames[: fn.__code__.co_argcount])
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id not in params} - set(
        dir(builtins)
    )


def _cell(cell):
    try:
        return cell.cell_contents
    except ValueError:  # an empty cell
        return None


def _numpy():
    import numpy

    return numpy


def _finite(x: float) -> bool:
    return math.isfinite(x)


def _numpy_function(value) -> tuple[str, str] | None:
    """("numpy.linalg", "inv") for numpy.linalg.inv and the like, else None."""
    np = _numpy()
    name = getattr(value, "__name__", None)
    if not isinstance(name, str) or not callable(value) or isinstance(value, type):
        return None
    module = getattr(value, "__module__", None) or ("numpy" if isinstance(value, np.ufunc) else "")
    if not isinstance(module, str) or module.split(".")[0] != "numpy":
        return None
    for public in ("numpy", "numpy.linalg"):
        space = np if public == "numpy" else np.linalg
        if getattr(space, name, None) is value:
            return public, name
    return None
