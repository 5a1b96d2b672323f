"""Text from a model or a path, made safe to embed in generated code: as data, never as code.

Every string that reaches a generated file from outside matgradc (a docstring, a path, the
command line, a constant's source spelling) goes through one of these functions:

- `docstring(s)`: any string, safe between the triple quotes of a docstring;
- `one_line(s)`: a path or command, printable and on one line (for comments and headers);
- `constant(value, text)`: a number as Python source (the model's own spelling only when it
  is a plain literal of that value; inf and nan as `np.inf` / `np.nan`);
- `identifier(s, what)`: a name checked to be a Python identifier (not a keyword).
"""

from __future__ import annotations

import ast
import keyword
import math
import re

from .diagnostics import CompileError

_ESCAPES = {"\t": "\\t", "\r": "\\r", "\x0b": "\\x0b", "\x0c": "\\x0c"}


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def docstring(text: str) -> str:
    """`text` as the body of a `\"\"\"...\"\"\"` string literal whose value reads the same:
    backslashes doubled (so `\\N`, `\\x` and a trailing `\\` are plain text), every character
    that is not printable (NUL and other controls, surrogates, line and paragraph separators)
    escaped except the newline, and every `"` that begins a run of quotes or ends the text
    escaped, so that nothing inside can close the string."""
    out = []
    for ch in text.replace("\\", "\\\\"):
        out.append(ch if ch == "\n" or ch.isprintable() else _escape_char(ch))
    return re.sub(r'"(?="|\Z)', r'\\"', "".join(out))


def one_line(text: str) -> str:
    """A path or command for a comment or header line: as is when every character is
    printable (which excludes newlines and other controls), else its Python repr, which is
    printable, one line and unambiguous."""
    return text if text.isprintable() else repr(text)


_NUMBER = re.compile(r"-?(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?")
NAMED_CONSTANTS = {"np.pi": math.pi, "np.e": math.e}


def constant(value: float, text: str | None = None) -> str:
    """A real number as Python source: the model's spelling `text` when it is a plain decimal
    literal (or np.pi / np.e) of exactly this finite value, else repr of the float (an integral
    value below 1e15 without the fraction); infinities and nan as `np.inf`, `-np.inf`,
    `np.nan`."""
    value = float(value)
    if math.isnan(value):
        return "np.nan"
    if math.isinf(value):
        return "np.inf" if value > 0 else "-np.inf"
    if text is not None:
        if NAMED_CONSTANTS.get(text) == value:
            return text
        if _NUMBER.fullmatch(text):
            try:
                if float(ast.literal_eval(text)) == value:
                    return text
            except (ValueError, SyntaxError, OverflowError):
                pass
    if value.is_integer() and abs(value) < 1e15:
        return repr(int(value))
    return repr(value)


def is_identifier(name: str) -> bool:
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def identifier(name: str, what: str, hint: str | None = None) -> str:
    """`name` itself when it is a Python identifier (not a keyword), else a CompileError."""
    if not is_identifier(name):
        raise CompileError(f"{what} {one_line(name)!s} is not a Python identifier", None, hint)
    return name
