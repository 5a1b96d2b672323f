"""Annotations: each parameter's shape and structure, from its annotation ("n,n",
"spd(n,n)", float, int) or from outside the model (--shape / shapes={...}, --like), in the
one grammar of compiler/shapes.py; and its default, a compile-time constant."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from . import constfold, shapes
from .bindings import loc as _loc
from .diagnostics import CompileError, Loc
from .ir import GENERAL

ANNOTATION_HINT = (
    'annotate shapes as strings: "n,n", "spd(n,n)", "sym(n,n)", "n", "scalar" (or float)'
)


@dataclass
class Param:
    name: str
    loc: Loc
    rank: int | None  # None: to be inferred
    dims: tuple[int | str | None, ...] = ()
    struct: str = GENERAL
    default: str | None = None  # the default as Python text (`1.0`), for the signature
    kwonly: bool = False
    flag: bool = False  # a True/False default: an option with no gradient


COMPLEX_HINT = (
    "matgradc differentiates real models; pass the real and imaginary parts as two real "
    "parameters"
)


def _parse_annotation(node: ast.AST | None, name: str) -> tuple[int | None, tuple, str]:
    if node is None:
        return None, (), GENERAL
    loc = _loc(node)
    if isinstance(node, ast.Name) and node.id in ("float", "int"):
        return 0, (), GENERAL
    if isinstance(node, ast.Name) and node.id == "complex":
        raise CompileError(f"`{name}` is declared complex", loc, COMPLEX_HINT)
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        raise CompileError(f"cannot read the annotation of `{name}`", loc, ANNOTATION_HINT)
    return parse_spec(node.value, name, loc)


def parse_spec(spec: str, name: str, loc: Loc | None = None) -> tuple[int, tuple, str]:
    """A shape in the one grammar of compiler/shapes.py, for annotations, --shape and
    shapes={...}."""
    return shapes.parse(spec, name, loc)


def parameters(
    fn: ast.FunctionDef,
    shapes: dict[str, str] | None = None,
    consts: dict | None = None,
    modules: dict | None = None,
) -> list[Param]:
    """The parameters, positional then keyword-only, with their shapes from annotations or
    from outside (`shapes`: name -> spec, from --shape or shapes={...}); the two must agree
    where both are given. A default must be a compile-time constant (a number, True/False,
    or an expression of module constants)."""
    a = fn.args
    if a.vararg or a.kwarg or a.posonlyargs:
        raise CompileError(
            f"`{fn.name}` must take named parameters (no *args, **kwargs or `/`)",
            _loc(fn),
            "list each parameter by name; defaults and keyword-only parameters are fine",
        )
    known = {k: v for k, (v, _) in (consts or {}).items() if v is not None}
    defaults = [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)
    shapes = dict(shapes or {})
    names = [arg.arg for arg in a.args + a.kwonlyargs]
    unknown = sorted(set(shapes) - set(names))
    if unknown:
        raise CompileError(
            f"a shape is given for `{unknown[0]}`, which is not a parameter of `{fn.name}`",
            _loc(fn),
            "parameters: " + (", ".join(names) or "none"),
        )
    out = []
    for arg, default, kwonly in [(x, d, False) for x, d in zip(a.args, defaults)] + [
        (x, d, True) for x, d in zip(a.kwonlyargs, a.kw_defaults)
    ]:
        rank, dims, struct = _parse_annotation(arg.annotation, arg.arg)
        if arg.arg in shapes:
            given = parse_spec(shapes[arg.arg], arg.arg, _loc(arg))
            if rank is not None and given != (rank, dims, struct):
                raise CompileError(
                    f"`{arg.arg}` is annotated {ast.unparse(arg.annotation)} in the model but "
                    f"given the shape {shapes[arg.arg]!r} from outside",
                    _loc(arg),
                    "give each parameter's shape in one place",
                )
            rank, dims, struct = given
        p = Param(arg.arg, _loc(arg), rank, dims, struct, kwonly=kwonly)
        if default is not None:
            try:
                value = constfold.evaluate(default, known, modules or {})
            except (constfold.NotConstant, constfold.Failed):
                value = None
            if value is None or (rank or 0) != 0:
                raise CompileError(
                    f"the default of `{arg.arg}` must be a number or True/False"
                    + ("" if value is None else ", and the parameter a scalar"),
                    _loc(default),
                    "defaults are compile-time constants (alpha=1.0, fit=True, eps=EPS); "
                    "arrays are parameters without a default",
                )
            p.rank, p.default, p.flag = 0, constfold.spell(value), isinstance(value, bool)
        out.append(p)
    return out


def like_specs(fn: ast.FunctionDef, example: dict[str, tuple[int, ...]]) -> dict[str, str]:
    """Shape specs from example arrays (--like): each parameter found there gets the example's
    rank, and sizes that coincide get one name (annotated parameters keep their annotation;
    names that are not parameters are ignored)."""
    names = [arg.arg for arg in fn.args.args]
    pool = (n for n in ["n", "m", "k", "p", "q", "r", "s", "u", "v", "w"] if n not in names)
    size_names: dict[int, str] = {}
    out = {}
    for arg in fn.args.args:
        if arg.arg not in example:
            continue
        shape = example[arg.arg]
        if arg.annotation is not None:
            rank = _parse_annotation(arg.annotation, arg.arg)[0]
            if rank != len(shape):
                raise CompileError(
                    f"`{arg.arg}` is annotated {ast.unparse(arg.annotation)} but the example "
                    f"array has shape {tuple(shape)}",
                    _loc(arg),
                    "make the example match the model",
                )
            continue
        dims = []
        for size in shape:
            if size not in size_names:
                size_names[size] = next(pool, None) or f"n{len(size_names) + 1}"
            dims.append(size_names[size])
        out[arg.arg] = ",".join(dims) if dims else "scalar"
    return out
