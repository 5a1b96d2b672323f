"""What the two command lines (`matgradc` and `matgradc expr`) share: a parser that reports a
malformed command line as a UsageError (exit status 1, where argparse would exit 2) and the
kinds of option both declare."""

from __future__ import annotations

import argparse


class UsageError(Exception):
    """A malformed command line (reported with the usage, exit status 1)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit with status 2: that means a bug here
        raise UsageError(message)

    def flag(self, name: str, help: str) -> None:
        """An option that is on when given."""
        self.add_argument(name, action="store_true", help=help)

    def choice(self, name: str, choices: tuple[str, ...], help: str) -> None:
        """An option taking one of `choices`, the first by default."""
        self.add_argument(name, choices=choices, default=choices[0], help=help)

    def shapes(self, metavar: str, help: str) -> None:
        """--shape NAME=SPEC, repeatable: the shapes the command declares."""
        self.add_argument("--shape", action="append", default=[], metavar=metavar, help=help)

    def debug(self) -> None:
        self.flag("--debug", "show tracebacks of internal errors")
