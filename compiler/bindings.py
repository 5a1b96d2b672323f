"""The module context of a model, read with `ast` and never run: its functions, the names
its imports bind to numpy/scipy (the NumPy API bindings the lowering looks calls up in), its
module-level constants (folded by `constfold`), and the source text of literals."""

from __future__ import annotations

import ast
import re

from . import constfold
from .diagnostics import CompileError, Loc
from .rules import CALLS, short


def loc(node: ast.AST) -> Loc:
    return Loc(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


def parse(source: str, filename: str = "<model>") -> ast.Module:
    try:
        return ast.parse(source, filename=filename.replace("\0", "\\0"))  # NUL: ValueError
    except SyntaxError as e:
        line = (e.text or "").rstrip("\n")
        col = max((e.offset or 1) - 1, 0)  # characters; Loc counts bytes like ast
        raise CompileError(
            f"invalid Python syntax: {e.msg}",
            Loc(e.lineno or 1, len(line[:col].encode("utf-8"))),
            "the model must be valid Python 3; matgradc parses it with `ast` and never runs it",
        ) from None
    except (RecursionError, MemoryError):  # CPython's parser: MemoryError past its stack
        raise CompileError(
            "the model nests too deeply for Python's parser",
            None,
            "split deeply nested expressions into named steps",
        ) from None


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def imports_of(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted numpy/scipy name, from the module's imports (np is numpy by
    default; scipy only when the model imports it)."""
    names = {"np": "numpy", "numpy": "numpy"}
    libraries = ("numpy", "scipy")
    for node in tree.body:  # a name bound to another module is not numpy: `import m as np`
        if isinstance(node, ast.Import):
            for a in node.names:
                top = a.name.split(".")[0]
                names[a.asname or top] = a.name if a.asname else top
        elif isinstance(node, ast.ImportFrom):
            ours = node.level == 0 and (node.module or "").split(".")[0] in libraries
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
                if not ours:
                    del names[a.asname or a.name]
    return names


def source_lines(source: str) -> list[str]:
    """The source's lines as `ast` counts them (\\n, \\r\\n or \\r end a line)."""
    return re.split(r"\r\n|\r|\n", source)


def segment(lines: list[str], node: ast.AST) -> str | None:
    """The source text of a one-line node (ast.get_source_segment re-splits the whole source
    on every call: quadratic in a long model)."""
    line = getattr(node, "lineno", None)
    if line is None or line != node.end_lineno or not 1 <= line <= len(lines):
        return None
    return (
        lines[line - 1]
        .encode("utf-8")[node.col_offset : node.end_col_offset]
        .decode("utf-8", errors="replace")
    )


def number(value: float, node: ast.AST) -> float:
    """A numeric literal as a float64, or a clear error when it does not fit one (a float64
    is below 2**1024, about 1.8e308)."""
    if type(value) is int and abs(value).bit_length() > 1024:
        raise CompileError(
            f"this integer ({abs(value).bit_length()} bits) is too large for a float64",
            loc(node),
            "numbers in a model are float64 (at most about 1.8e308)",
        )
    return float(value)


def module_constants(tree: ast.Module, source: str) -> dict[str, tuple[float, str]]:
    """Module-level names bound to compile-time constants (`EPS = 1e-8`,
    `_LOG_2PI = np.log(2 * np.pi)`, `HALF = 1.0 / 2`), folded in order by `constfold`: a
    literal keeps its spelling, a folded value is written as its repr. A constant whose
    evaluation fails maps to (None, why), an error where it is used."""
    out: dict = {}
    known: dict[str, float] = {}
    lines = source_lines(source)
    modules = {**imports_of(tree), **constfold.math_names(tree)}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, v = node.targets[0].id, node.value
            try:
                value = constfold.evaluate(v, known, modules)
            except constfold.NotConstant:
                known.pop(name, None)
                out.pop(name, None)
                continue
            except constfold.Failed as e:
                known.pop(name, None)
                out[name] = (None, f"the constant `{name}` cannot be evaluated ({e})")
                continue
            known[name] = value
            plain = v.operand if isinstance(v, ast.UnaryOp) else v
            literal = isinstance(plain, ast.Constant) and type(plain.value) in (int, float)
            text = segment(lines, v) if literal else None
            out[name] = (value, text or constfold.spell(value))
    return out


def supported_calls() -> str:
    return ", ".join(sorted(short(n) for n in CALLS if n != "numpy.where"))
