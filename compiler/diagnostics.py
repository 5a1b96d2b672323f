"""Compile errors: a source location, a message and a hint, printed gcc-style."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# At most this many errors are printed for one command (one per function compiled).
MAX_ERRORS = 10


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
        # Set by the API once the file is known, so that str(error) reads like the CLI's report.
        self.filename: str | None = None
        self.source: str | None = None

    def located(self, filename: str, source: str | None) -> CompileError:
        """Remember where this error was found (the first file given wins)."""
        if self.filename is None:
            self.filename, self.source = filename, source
        return self

    def __str__(self) -> str:
        if self.filename is None:
            return self.message
        return self.format(self.filename, self.source)

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


class CompileErrors(CompileError):
    """Independent errors of one command (one per function compiled), reported together.

    Within one function the frontend goes on after an error (a name whose assignment failed
    reports nothing more); at most MAX_ERRORS are printed."""

    def __init__(self, errors: list[CompileError]):
        assert errors
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, first.loc, first.hint)

    def format(self, filename: str, source: str | None = None) -> str:
        shown = self.errors[:MAX_ERRORS]
        blocks = [e.format(filename, source) for e in shown]
        n = len(self.errors)
        summary = f"matgradc: {n} errors"
        if n > len(shown):
            summary += f" ({len(shown)} shown)"
        blocks.append(summary + "; nothing was written")
        return "\n".join(blocks)


@contextmanager
def errors_in(filename: str, source: str | None) -> Iterator[None]:
    """A CompileError raised inside is an error in `filename`, whose `source` it quotes (the
    first file given wins); the traceback of the compiler's frames is dropped."""
    try:
        yield
    except CompileError as e:
        raise e.located(filename, source) from None
