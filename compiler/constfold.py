"""Compile-time constants: a small evaluator over the AST of numbers, `np`/`math` constants and
functions (`_LOG_2PI = np.log(2 * np.pi)`, `1.0 / 2`, `math.log(2)`). Never `eval`: only the
node kinds and functions listed here are evaluated; anything else is "not a constant"."""

from __future__ import annotations

import ast
import math
import operator

from .text import constant

# numpy.<name> / math.<name> -> the function evaluating it on Python numbers
# numpy.<name> / math.<name> -> the function evaluating it on Python numbers (math, not
# numpy: the compiler does not load numpy, whose thread pool would take the signals that the
# output writer holds back)
FUNCTIONS = {
    "log": math.log,
    "log2": math.log2,
    "log10": math.log10,
    "log1p": math.log1p,
    "exp": math.exp,
    "expm1": math.expm1,
    "sqrt": math.sqrt,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "tanh": math.tanh,
    "arctan": math.atan,
    "atan": math.atan,
    "abs": abs,
    "fabs": math.fabs,
    "floor": math.floor,
    "ceil": math.ceil,
}
BUILTINS = {"float": float, "int": int, "abs": abs}
CONSTANTS = {"pi": math.pi, "e": math.e, "inf": math.inf, "tau": math.tau}
BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}


class NotConstant(Exception):
    """The expression is not made of compile-time constants only."""


class Failed(Exception):
    """A constant expression whose evaluation fails (math.log(0), 1 / 0)."""


def math_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted `math` name from the model's imports (`import math`,
    `from math import log, pi`)."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "math":
                    out[a.asname or "math"] = "math"
        elif isinstance(node, ast.ImportFrom) and node.module == "math":
            for a in node.names:
                out[a.asname or a.name] = f"math.{a.name}"
    return out


def _dotted(node: ast.expr, modules: dict[str, str]) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in modules:
        return None
    return ".".join([modules[node.id], *reversed(parts)])


def _leaf_name(dotted: str | None) -> str | None:
    """numpy.log / math.log -> log; anything from another module -> None."""
    if dotted is None:
        return None
    module, _, name = dotted.rpartition(".")
    return name if module in ("numpy", "math") else None


def evaluate(node: ast.expr, names: dict[str, float], modules: dict[str, str]):
    """The value of a constant expression (an int, float or bool), or NotConstant.

    `names` are the constants known so far (module constants, in order); `modules` maps local
    names to numpy/math (`np` -> numpy, `log` -> math.log)."""
    if isinstance(node, ast.Constant):
        if type(node.value) in (int, float, bool):
            return node.value
        raise NotConstant
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        leaf = _leaf_name(modules.get(node.id))
        if leaf in CONSTANTS:
            return CONSTANTS[leaf]
        raise NotConstant
    if isinstance(node, ast.Attribute):
        leaf = _leaf_name(_dotted(node, modules))
        if leaf in CONSTANTS:
            return CONSTANTS[leaf]
        raise NotConstant
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        x = evaluate(node.operand, names, modules)
        return -x if isinstance(node.op, ast.USub) else +x
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
        a = evaluate(node.left, names, modules)
        b = evaluate(node.right, names, modules)
        try:
            out = BINARY[type(node.op)](a, b)
        except (ArithmeticError, ValueError) as e:
            raise Failed(str(e)) from None
        if isinstance(out, complex):
            raise Failed("the result is complex")
        return out
    if isinstance(node, ast.Call) and not node.keywords and len(node.args) == 1:
        func = node.func
        if isinstance(func, ast.Name) and func.id in BUILTINS and func.id not in modules:
            fn = BUILTINS[func.id]
        else:
            if isinstance(func, ast.Attribute):
                dotted = _dotted(func, modules)
            else:
                dotted = modules.get(func.id) if isinstance(func, ast.Name) else None
            leaf = _leaf_name(dotted)
            if leaf not in FUNCTIONS:
                raise NotConstant
            fn = FUNCTIONS[leaf]
        x = evaluate(node.args[0], names, modules)
        try:
            out = fn(x)
        except (ArithmeticError, ValueError, TypeError) as e:
            raise Failed(str(e)) from None
        if isinstance(out, float) and math.isnan(out):
            raise Failed("the result is not a number")
        return out
    raise NotConstant


def spell(value) -> str:
    """A folded constant as Python source text (repr: round-trips exactly; inf and nan as
    np.inf / np.nan)."""
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    value = float(value)
    return repr(value) if math.isfinite(value) else constant(value)
