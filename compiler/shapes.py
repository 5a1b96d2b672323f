"""The one shape grammar: a parameter's annotation ("n,n", "spd(n,n)", "n", "scalar") and the
spec of `--shape NAME=SPEC` on the command line and in `matgradc expr`.

    spec   := STRUCT "(" dims ")" | dims | "scalar" | "()" | ""
    dims   := dim ("," dim)*          (any number: "k,n,n" is a stack of k matrices)
    dim    := a positive integer | a name (a symbolic size, like n)
    STRUCT := sym | symmetric | spd | diag | lower | general   (square matrices only)
"""

from __future__ import annotations

import re

from .diagnostics import CompileError, Loc
from .ir import DIAGONAL, GENERAL, LOWER, SPARSE, SPD, SYMMETRIC

HINT = 'shapes are written "n,n", "spd(n,n)", "sym(n,n)", "diag(n,n)", "n", "k,n,n" or "scalar"'
STRUCTS = {
    "sym": SYMMETRIC,
    "symmetric": SYMMETRIC,
    "spd": SPD,
    "diag": DIAGONAL,
    "lower": LOWER,
    "general": GENERAL,
    "sparse": SPARSE,  # a scipy.sparse constant (no gradient)
}

COMPLEX_HINT = (
    "matgradc differentiates real models; pass the real and imaginary parts as two real "
    "parameters"
)
Spec = tuple[int, tuple[int | str, ...], str]  # (rank, dims, structure)


def parse(spec: str, name: str, loc: Loc | None = None) -> Spec:
    """Read one spec: "spd(n,n)" -> (2, ("n", "n"), "spd"). Errors are CompileErrors at `loc`,
    naming the parameter `name`."""
    text = spec.strip().replace(" ", "")
    struct = GENERAL
    if "complex" in text:
        raise CompileError(f"`{name}` is declared complex ({spec!r})", loc, COMPLEX_HINT)
    m = re.fullmatch(r"([A-Za-z_]+)\((.*)\)", text)
    if m:
        if m.group(1) not in STRUCTS:
            raise CompileError(
                f"unknown structure `{m.group(1)}` in the shape of `{name}`",
                loc,
                "structures: " + ", ".join(sorted(STRUCTS)),
            )
        struct, text = STRUCTS[m.group(1)], m.group(2)
    if text in ("", "scalar", "()", "float", "int"):
        if struct != GENERAL:
            raise CompileError(f"`{name}` is declared {struct} but has no shape", loc, HINT)
        return 0, (), GENERAL
    dims: list[int | str] = []
    for part in text.strip("()").rstrip(",").split(","):
        if re.fullmatch(r"[1-9][0-9]*", part):
            dims.append(int(part))
        elif re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", part):
            dims.append(part)
        else:
            raise CompileError(f"cannot read the shape {spec!r} of `{name}`", loc, HINT)
    if struct not in (GENERAL, SPARSE) and len(dims) > 2:
        raise CompileError(
            f"`{name}` is declared {struct} with {len(dims)} dimensions; structure is declared "
            "for matrices only",
            loc,
            f'declare the stack general, e.g. "{",".join(map(str, dims))}"',
        )
    if struct not in (GENERAL, SPARSE) and (len(dims) != 2 or dims[0] != dims[1]):
        raise CompileError(
            f"`{name}` is declared {struct} but its shape is not square", loc, 'e.g. "spd(n,n)"'
        )
    return len(dims), tuple(dims), struct


def parse_assignment(text: str, loc: Loc | None = None) -> tuple[str, str]:
    """`NAME=SPEC` (or `NAME: SPEC`), as given to --shape -> (name, spec), the spec checked."""
    m = re.fullmatch(r"\s*([A-Za-z_][A-Za-z_0-9]*)\s*[=:]\s*(.*?)\s*", text)
    if not m:
        raise CompileError(f"cannot read the shape declaration {text!r}", loc, "NAME=SPEC; " + HINT)
    name, spec = m.group(1), m.group(2).strip("\"'")
    if not spec:
        raise CompileError(f"the shape of `{name}` is missing", loc, HINT)
    parse(spec, name, loc)
    return name, spec
