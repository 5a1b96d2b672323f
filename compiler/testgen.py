"""The generated pytest module: random inputs that respect each parameter's structure, and
finite-difference checks of the generated gradient."""

from __future__ import annotations

import os

import black

from . import paths
from .autodiff import Gradient
from .codegen import _template_env
from .diagnostics import CompileError
from .frontend import Model
from .ir import DIAGONAL, GENERAL, LOWER, SPARSE, SPD, SYMMETRIC, Value, reachable
from .rules import RULES
from .text import docstring, identifier, is_identifier, one_line

STRUCTURE_KIND = {SPD: "spd", SYMMETRIC: "sym", DIAGONAL: "diag", LOWER: "lower"}
STRUCTURE_KIND[SPARSE] = "sparse"  # a scipy.sparse constant (issue 14)

# Sizes given to the model's dimensions, in order of appearance: two cases, all different
# from each other so that a swapped dimension cannot pass.
SIZE_CASES = ((3, 4, 2, 5, 6, 7, 8, 9), (5, 3, 4, 2, 7, 6, 9, 8))


def input_kinds(model: Model) -> list[str]:
    """How to draw each parameter: its declared structure, or what the ops it flows into
    need (positive under log/sqrt, invertible under inv/solve/det)."""
    roots = [model.out]
    if model.tree is not None:  # what the ops of every path need
        roots = [leaf.out for leaf in paths.returning(model.tree)]
    needs: dict[int, set[str]] = {p.id: set() for p in model.params}
    depends: dict[int, set[int]] = {p.id: {p.id} for p in model.params}

    def visit(values: list[Value]) -> None:
        for v in values:
            if v.args and not hasattr(v.attr("body"), "bindings"):
                depends[v.id] = set().union(*(depends.get(a.id, set()) for a in v.args))
            elif not v.is_param:  # a constant, or a loop body's placeholder (bound below)
                depends.setdefault(v.id, set())
            for arg, req in zip(v.args, RULES[v.op].needs(v)):
                if req is None or RULES[arg.op].positive:  # exp(.) is positive whatever its arg
                    continue
                for pid in depends.get(arg.id, ()):
                    needs[pid].add(req)
            body = v.attr("body")
            if hasattr(body, "bindings"):  # a run-time loop: what the ops of its body need
                inner = reachable(body.roots())
                bindings = body.bindings(v)
                for _ in range(len(bindings) + 1):  # a carry takes what its new value reads
                    before = {p.id: depends.get(p.id) for p, _ in bindings}
                    for p, outers in bindings:
                        depends[p.id] = set().union(*(depends.get(o.id, set()) for o in outers))
                    visit(inner)
                    if before == {p.id: depends.get(p.id) for p, _ in bindings}:
                        break
                depends[v.id] = set().union(*(depends.get(a.id, set()) for a in v.args))
                depends[v.id] |= set().union(*(depends.get(r.id, set()) for r in body.roots()))

    visit(reachable(roots))
    kinds = []
    for p in model.params:
        need = needs[p.id]
        if p.struct != GENERAL:
            kinds.append(STRUCTURE_KIND[p.struct])
        elif p.rank == 2 and model.graph.same_dim(*p.shape) and need & {"spd", "sym"}:
            kinds.append("spd" if "spd" in need or "invertible" in need else "sym")
        else:
            # stacks of matrices (rank > 2) are drawn entrywise: the spd and invertible
            # draws of the test template are for one matrix
            if p.rank != 2 or not model.graph.same_dim(*p.shape):
                need = need - {"invertible", "spd", "sym"}
            kinds.append("-".join(sorted(need)) or "general")
    return kinds


def _inputs(model: Model, wrt: list[int], kinds: list[str], shape_text) -> list[tuple]:
    """(kind, shape) of each argument the tests pass: positional parameters up to the last
    one without a default or differentiated; a default not differentiated is passed as is.
    Keyword-only parameters keep their defaults."""
    names = model.param_names
    last = max((i for i, n in enumerate(names) if n not in model.defaults or i in wrt), default=-1)
    out = []
    for i, (name, kind, p) in enumerate(zip(names, kinds, model.params)):
        if name in model.kwonly:
            if i in wrt:
                raise CompileError(
                    f"--emit-test cannot vary the keyword-only parameter `{name}`",
                    p.loc,
                    "differentiate it without --emit-test, or make it positional",
                )
            continue
        if i > last:
            continue
        default = model.defaults.get(name)
        out.append(
            ("default", default) if default is not None and i not in wrt else (kind, shape_text(p))
        )
    return out


def render_test(
    model: Model,
    grad: Gradient,
    wrt: list[int],
    module_path: str,
    test_path: str,
    filename: str,
    command: str,
    version: str,
) -> str:
    g = model.graph
    names: list[str] = []
    for p in model.params:
        for d in p.shape:
            n = g.dim_name(d)
            if isinstance(n, str) and n not in names:
                names.append(n)
    sizes = [dict(zip(names, case)) for case in SIZE_CASES]

    def shape_text(p: Value) -> str:
        """The shape as Python source: a size as a literal, a named one read from `sizes`
        (dimension names stay data: `None` or `rng` are fine)."""
        dims = [g.dim_name(d) for d in p.shape]
        parts = [str(n) if isinstance(n, int) else f"sizes[{n!r}]" for n in dims]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"

    kinds = input_kinds(model)
    try:
        module_dir = os.path.relpath(
            os.path.dirname(os.path.abspath(module_path)),
            os.path.dirname(os.path.abspath(test_path)),
        )
    except ValueError as e:  # a NUL in a path, or paths on two Windows drives
        raise CompileError(
            f"cannot locate {one_line(module_path)} from {one_line(test_path)}: {e}"
        ) from None
    stem, ext = os.path.splitext(os.path.basename(module_path))
    if ext != ".py" or not is_identifier(stem):
        raise CompileError(
            f"the test imports the module by its file name, but {one_line(module_path)} is not "
            "a Python module name",
            None,
            "with --emit-test, name the output like grad_f.py: an identifier and .py",
        )
    context = {
        "fn": identifier(model.fn, "the function name"),
        "module": docstring(one_line(stem)),
        "module_literal": repr(stem),
        "module_dir_literal": repr(module_dir),
        "filename": docstring(one_line(filename)),
        "command": docstring(one_line(command)),
        "version": docstring(version),
        "sizes": repr(sizes),
        "inputs": _inputs(model, wrt, kinds, shape_text),
        "kinds_text": docstring(", ".join(f"{n}: {k}" for n, k in zip(model.param_names, kinds))),
        "wrt": repr([(i, STRUCTURE_KIND.get(model.params[i].struct, "general")) for i in wrt]),
        "wrt_count": len(wrt),
        "sparse": "sparse" in kinds,
    }
    text = _template_env().get_template("test_module.py.j2").render(**context)
    return black.format_str(text, mode=black.Mode())
