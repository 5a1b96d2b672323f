"""Model files: read and decoded as Python decodes a source file (its PEP 263 coding
cookie, a UTF-8 BOM; at most MAX_BYTES), the module-level `__matgradc__` list, example arrays
for --like, and the command line written into a generated header. Never runs a model."""

from __future__ import annotations

import ast
import codecs
import os
import re
import shlex
import tokenize

from . import bindings
from .bindings import loc as _loc
from .diagnostics import CompileError, Loc

MAX_BYTES = 1_000_000
LIST_NAME = "__matgradc__"


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
    tree = bindings.parse(source, filename)
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
