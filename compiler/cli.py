"""The command line: `matgradc MODEL.py --fn NAME -o OUT.py [--wrt a,b] [--emit-test TEST.py]`."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import traceback

from . import __version__
from .api import compile_model, emit_ir, render_test
from .diagnostics import CompileError

MAX_BYTES = 1_000_000

EPILOG = """examples:
  matgradc model.py --fn loglik -o grad_loglik.py
  matgradc model.py --fn loglik --wrt Sigma -o grad_loglik.py --emit-test test_grad_loglik.py
  matgradc model.py --fn loglik --emit ir

exit status: 0 on success, 1 on an error in the model or its inputs, 2 on an internal error.
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="matgradc",
        description="Compile a NumPy matrix function into a standalone gradient module (numpy only).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="the model's Python source file (read, never executed)")
    p.add_argument("--fn", required=True, help="the function to differentiate")
    p.add_argument(
        "-o", "--output", help="where to write the generated module (default: standard output)"
    )
    p.add_argument("--wrt", help="comma-separated parameters to differentiate (default: all)")
    p.add_argument(
        "--emit-test", metavar="TEST.py", help="also write a pytest finite-difference check"
    )
    p.add_argument(
        "--emit",
        choices=("module", "ir"),
        default="module",
        help="what to print: the module or the IR",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    p.add_argument("--version", action="version", version=f"matgradc {__version__}")
    return p


def _read(path: str) -> str:
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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise CompileError(
            f"the model is not UTF-8 text (byte {e.start})", hint="save the model file as UTF-8"
        ) from None


def _write_all(files: list[tuple[str, str]]) -> None:
    """All or nothing: write every file to a temporary beside its target, then rename them
    into place, so a failure never leaves a half-written or partly updated set of outputs."""
    staged: list[tuple[str, str]] = []
    try:
        for path, text in files:
            if os.path.isdir(path):
                raise CompileError(
                    f"cannot write {path}: it is a folder", hint="give a file name with -o"
                )
            folder = os.path.dirname(os.path.abspath(path))
            try:
                fd, tmp = tempfile.mkstemp(prefix=".matgradc-", suffix=".tmp", dir=folder)
            except OSError as e:
                raise CompileError(
                    f"cannot write {path}: {e.strerror}",
                    hint="the output folder must exist and be writable",
                ) from None
            staged.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise


def _command(argv: list[str]) -> str:
    return "matgradc " + " ".join(shlex.quote(a) for a in argv if a != "--debug")


def render(argv: list[str]) -> tuple[list[tuple[str, str]], str, list[str]]:
    """Everything one command produces, before anything is written: the files (path, text),
    the text for standard output, and warnings. Raises CompileError."""
    args = _parser().parse_args(argv)
    source = _read(args.model)
    wrt = [w.strip() for w in args.wrt.split(",") if w.strip()] if args.wrt else None
    compiled = compile_model(source, args.fn, wrt, filename=args.model, command=_command(argv))
    text = emit_ir(compiled) if args.emit == "ir" else compiled.module
    files = []
    if args.output:
        files.append((args.output, text))
    if args.emit_test:
        if not args.output:
            raise CompileError(
                "--emit-test needs -o: the test imports the generated module",
                hint="matgradc model.py --fn f -o grad_f.py --emit-test test_grad_f.py",
            )
        files.append((args.emit_test, render_test(compiled, args.output, args.emit_test)))
    return files, "" if args.output else text, compiled.warnings


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    try:
        files, stdout, warnings = render(argv)
        for w in warnings:
            print(f"{args.model}: warning: {w}", file=sys.stderr)
        _write_all(files)
        sys.stdout.write(stdout)
        return 0
    except CompileError as e:
        try:
            source = _read(args.model)
        except CompileError:
            source = None
        print(e.format(args.model, source), file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 -- an internal error: a bug in matgradc, not the model
        if args.debug:
            traceback.print_exc()
        print(
            f"matgradc {__version__}: internal error: {type(e).__name__}: {e}\n"
            "This is a bug in matgradc; please report it with the model and this command "
            "(rerun with --debug for a traceback).",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
