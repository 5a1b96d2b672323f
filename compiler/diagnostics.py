"""Compile errors: a source location, a message and a hint, printed gcc-style."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Loc:
    """A position in the model's source: 1-based line, 0-based column in UTF-8 bytes (as `ast`
    counts); messages show the column in characters."""

    line: int
    col: int = 0

    def __str__(self) -> str:
        return f"{self.line}:{self.col + 1}"


class CompileError(Exception):
    """A user error in the model: reported as `file:line:col: error: message`."""

    def __init__(self, message: str, loc: Loc | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.loc = loc
        self.hint = hint

    def format(self, filename: str, source: str | None = None) -> str:
        lines = source.splitlines() if source is not None else []
        text = lines[self.loc.line - 1] if self.loc and 1 <= self.loc.line <= len(lines) else None
        where = filename
        if self.loc:
            col = self.loc.col
            if text is not None:  # bytes to characters
                col = len(text.encode("utf-8")[:col].decode("utf-8", errors="ignore"))
            where = f"{filename}:{self.loc.line}:{col + 1}"
        out = [f"{where}: error: {self.message}"]
        if text is not None:
            out.append(f"    {text}")
            out.append("    " + " " * col + "^")
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


class ShapeError(CompileError):
    """A shape or rank conflict; the frontend may retry with other inferred ranks."""
