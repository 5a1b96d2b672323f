"""Compile errors: a source location, a message and a hint, printed gcc-style."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Loc:
    """A position in the model's source (1-based line, 0-based column as in `ast`)."""

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
        where = f"{filename}:{self.loc}" if self.loc else filename
        out = [f"{where}: error: {self.message}"]
        if self.loc and source is not None:
            lines = source.splitlines()
            if 1 <= self.loc.line <= len(lines):
                text = lines[self.loc.line - 1]
                out.append(f"    {text}")
                out.append("    " + " " * self.loc.col + "^")
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


class ShapeError(CompileError):
    """A shape or rank conflict; the frontend may retry with other inferred ranks."""
