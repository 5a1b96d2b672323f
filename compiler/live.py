"""Compiling live Python functions (`grad(f)`, `value_and_grad(f)`): f's own source,
read with `inspect` and checked to still compile to f's bytecode, with its module's imports,
numeric constants and helpers; only the generated code is executed, never f."""

from __future__ import annotations

import ast
import builtins
import inspect
import keyword
import linecache
import math
import os
import sys
import textwrap
import types

from .diagnostics import CompileError, Loc
from .pipeline import Options, _wrt_list, compile_model, shapes_option, warn


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
            options=Options(shapes=shapes_option(shapes)),
        )
    except CompileError as e:
        raise locate(e) from None
    warn(compiled)
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
