"""The command line: `matgradc MODEL.py --fn NAME -o OUT.py [--wrt a,b] [--emit-test TEST.py]`,
several functions at once (`--fn a,b -o DIR`), build integration (`--check`, `-M DEPFILE`)
and the `matgradc expr ...` calculator."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shlex
import signal
import sys
import traceback
from dataclasses import dataclass

from .api import (
    LIST_NAME,
    MAX_BYTES,
    Options,
    compile_model,
    emit_explain,
    emit_ir,
    listed_functions,
    load_like,
    read_model,
    render_test,
)
from .bindings import parse
from .cliargs import Parser, UsageError
from .diagnostics import CompileError, CompileErrors
from .frontend import Limits
from .outputs import check_outputs, signals_interrupt, write_atomically
from .version import __version__

DESCRIPTION = """\
Compile a NumPy matrix function into a standalone gradient module (numpy only).
The model file is parsed, never imported or run."""

EPILOG = f"""\
examples:
  matgradc model.py --fn loglik -o grad_loglik.py
  matgradc model.py --fn loglik --wrt Sigma -o grad_loglik.py --emit-test test_grad_loglik.py
  matgradc model.py --fn loglik --emit ir
  matgradc model.py --fn loglik,penalty -o gen/ --emit-test tests/
  matgradc model.py -o gen/          # the functions of the model's {LIST_NAME} = ["loglik", ...]
  matgradc model.py --fn loglik -o grad_loglik.py -M grad_loglik.d     # in a Makefile rule
  matgradc model.py --fn loglik -o grad_loglik.py --check              # in CI: is it up to date?
  matgradc expr ...                  # the matrix-calculus calculator

several functions:
  With --fn a,b (a comma-separated list) or without --fn (the model's module-level
  {LIST_NAME} list, read without running the model), -o names an existing folder that
  receives grad_<fn>.py for each function, and --emit-test DIR writes test_grad_<fn>.py
  there. An error in any function is reported (one per function, up to 10) and nothing
  is written.

build integration:
  -M/--depfile FILE writes the Make rule `OUT [TEST]: MODEL` (paths as given, escaped for
  GNU make: spaces, #, :, %, wildcards, $; a path with ; = or a control character is
  refused), atomically together with the outputs; `-include FILE` it in a Makefile.
  --check writes nothing: exit 0 when every file the command would write (outputs, test,
  depfile) already holds exactly those bytes, else exit 1 with the reason on stderr. The
  header of a module names the matgradc version, so a new compiler makes outputs stale.
  The command written into a header leaves out --check, --debug and -M.

outputs:
  An output that is the model (also through a link), that the command names twice, or that
  exists and is not a regular file is refused. Outputs are written under a lock file in
  their folder, all or nothing: a failed write or a signal leaves every output as it was.

exit status: 0 on success (--check: up to date), 1 on an error in the model or the command
(--check: stale), 2 on an internal error of matgradc, 130 on SIGINT, 143 on SIGTERM.
"""


MAX_TAYLOR = 20  # the cost of taylor_<fn> grows like K³: order 40 takes a minute
LIMITS = [  # bounds on the work a model may ask for (README: Security model)
    ("--max-statements", Limits.statements, "statements on one path, loops unrolled (%(default)s)"),
    ("--max-unroll", Limits.unroll, "copies of one loop body (default %(default)s)"),
    ("--max-inline", Limits.inline, "helpers inlined inside each other (%(default)s)"),
    ("--max-expr-depth", Limits.expr_depth, "nesting of one expression (%(default)s)"),
]


def _parser() -> Parser:
    p = Parser(
        prog="matgradc",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    p.add_argument("model", help="the model's Python source file (read, never executed)")
    p.add_argument(
        "--fn",
        metavar="NAME[,NAME...]",
        help=f"the function(s) to differentiate (default: the model's {LIST_NAME} list)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write the generated module (default: standard output); "
        "a folder when compiling several functions",
    )
    p.add_argument("--wrt", help="comma-separated parameters to differentiate (default: all)")
    p.shapes(
        "NAME=SPEC",
        "a parameter's shape in the annotation grammar (repeatable): lam=scalar, X=n,d, "
        "S=spd(n,n)",
    )
    p.add_argument(
        "--like",
        metavar="EXAMPLE.npz",
        help="take parameter ranks, and the sizes that coincide, from example arrays "
        "(read with np.load(allow_pickle=False))",
    )
    p.add_argument(
        "--emit-test",
        metavar="TEST",
        help="also write a pytest finite-difference check (a folder for several functions)",
    )
    p.choice(
        "--emit",
        ("module", "ir", "explain"),
        "what to produce: the module, the optimized IR (with its estimated peak memory), "
        "or each step's derivative in Kronecker/box notation",
    )
    p.flag("--jvp", "also generate jvp_<fn>(*args, *tangents)")
    p.flag("--hvp", "also generate hvp_<fn>(*args, *vectors)")
    p.flag("--hessian", "also generate hessian_<fn>(*args) (and hvp_<fn>)")
    p.add_argument(
        "--taylor",
        type=int,
        default=0,
        metavar="K",
        help="also generate taylor_<fn>(*args, *directions): the K+1 Taylor coefficients",
    )
    p.choice(
        "--doc",
        ("plain", "explain"),
        "explain: put each step's Jacobian, in the talk's notation, in the module docstring",
    )
    p.choice(
        "--backend",
        ("auto", "numpy", "scipy"),
        "auto (default): NumPy always, and SciPy's LAPACK (triangular solves) when "
        "scipy.linalg imports at run time; numpy: NumPy alone; scipy: the module imports "
        "scipy.linalg for shared Cholesky/LU factors and triangular solves",
    )
    p.flag(
        "--checkpoint",
        "run-time loops keep the loop state every ~sqrt(T) iterations instead of a tape "
        "of every iteration, and the gradient recomputes one segment at a time: memory "
        "O(sqrt(T)) for about one more forward sweep",
    )
    p.flag("--no-optimize", "emit the program as differentiated, without the optimizer's passes")
    p.add_argument(
        "-M",
        "--depfile",
        metavar="DEPFILE",
        help="also write the Make dependency rule `OUT [TEST]: MODEL` to DEPFILE",
    )
    p.flag(
        "--check", "write nothing; exit 0 if the outputs are up to date, 1 (with the reason) if not"
    )
    for flag, default, what in LIMITS:
        p.add_argument(flag, type=int, default=default, metavar="N", help=what)
    p.debug()
    p.add_argument("--version", action="version", version=f"matgradc {__version__}")
    return p


__all__ = ["MAX_BYTES", "main", "render"]


def _command(argv: list[str]) -> str:
    """The command that regenerates the outputs, as written in their header: the arguments
    as given, without the ones that do not change what is generated."""
    kept: list[str] = []
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a in ("--debug", "--check"):
            pass
        elif a in ("-M", "--depfile"):
            skip = True
        elif a.startswith("--depfile=") or (a.startswith("-M") and not a.startswith("--")):
            pass
        else:
            kept.append(a)
    return "matgradc " + " ".join(shlex.quote(a) for a in kept)


def _split(text: str) -> list[str]:
    return [w.strip() for w in text.split(",") if w.strip()]


@dataclass
class _Target:
    fn: str
    module: str | None  # the module's path, or None for standard output
    test: str | None


def _targets(args: argparse.Namespace, source: str) -> tuple[list[_Target], bool]:
    """What to compile and where to write it; and whether this is a several-function command."""
    if args.fn is not None:
        fns = _split(args.fn)
        if not fns:
            raise UsageError("--fn needs a function name")
        several = "," in args.fn
        for fn in fns:
            if not fn.isidentifier():
                raise UsageError(f"--fn: {fn!r} is not a function name")
            if fns.count(fn) > 1:
                raise UsageError(f"--fn names `{fn}` twice")
    else:
        listed = listed_functions(source, args.model)
        if listed is None:
            raise CompileError(
                f"no --fn given, and {args.model} has no `{LIST_NAME}` list",
                hint=f'give --fn NAME, or list the functions in the model: {LIST_NAME} = ["f"]',
            )
        fns, several = listed, True
    if args.emit_test and not args.output:
        raise CompileError(
            "--emit-test needs -o: the test imports the generated module",
            hint="matgradc model.py --fn f -o grad_f.py --emit-test test_grad_f.py",
        )
    if args.emit_test and args.emit != "module":
        raise UsageError(f"--emit-test goes with the module, not with --emit {args.emit}")
    if args.taylor < 0:
        raise UsageError("--taylor K needs K >= 0")
    if args.taylor > MAX_TAYLOR:
        raise UsageError(f"--taylor K is at most {MAX_TAYLOR} (the work grows like K³)")
    for flag, _, _ in LIMITS:
        if getattr(args, flag[2:].replace("-", "_")) < 1:
            raise UsageError(f"{flag} N needs N >= 1")
    if not several:
        return [_Target(fns[0], args.output, args.emit_test)], False
    if args.emit != "module" and args.output:
        raise UsageError(
            f"--emit {args.emit} with several functions prints to standard output; drop -o"
        )
    if not args.output:
        if args.emit != "module":
            return [_Target(fn, None, None) for fn in fns], True
        raise CompileError(
            "several functions need -o DIR: one module each, DIR/grad_<fn>.py",
            hint="matgradc model.py --fn f,g -o generated/",
        )
    for option, folder in (("-o", args.output), ("--emit-test", args.emit_test)):
        if folder is not None and not os.path.isdir(folder):
            raise CompileError(
                f"{option} {folder}: with several functions this must be an existing folder",
                hint=f"mkdir -p {shlex.quote(folder)}; matgradc model.py --fn f,g {option} "
                f"{shlex.quote(folder)}",
            )
    return [
        _Target(
            fn,
            os.path.join(args.output, f"grad_{fn}.py"),
            os.path.join(args.emit_test, f"test_grad_{fn}.py") if args.emit_test else None,
        )
        for fn in fns
    ], True


# Characters GNU make reads specially in a rule's file names, escaped with a backslash (checked
# with make 4.3 by tests/test_outputs.py). `%` is a pattern only in targets and `|` starts the
# order-only prerequisites, so each is escaped only there; `;` and `=` cannot be escaped at all.
_MAKE_SPECIAL = {True: set(" #:%*?["), False: set(" #:*?[|")}  # target -> its specials
_MAKE_REFUSED = re.compile(r"[;=\x00-\x1f\x7f]")


def _make_escape(path: str, target: bool = True) -> str:
    """A path as one file name of a Make rule (a target, or a prerequisite): `$` doubled, the
    special characters after a backslash, and the backslashes just before them doubled."""
    bad = _MAKE_REFUSED.search(path)
    if bad or path.endswith("\\") or not path:
        what = f"the character {bad.group()!r}" if bad else "a final backslash"
        raise CompileError(
            f"cannot write a Make rule for the path {path!r}: GNU make cannot read "
            f"{what if path else 'an empty name'} in a file name",
            hint="rename the file, or leave out -M",
        )
    if path.startswith("~"):  # make would expand ~ to a home folder; ./ is dropped again
        path = "./" + path
    special = _MAKE_SPECIAL[target]

    def one(m: re.Match) -> str:
        slashes, c = m.group(1), m.group(2)
        if c in special:
            return slashes * 2 + "\\" + c
        return slashes + ("$$" if c == "$" else c)

    return re.sub(r"(\\*)(.)", one, path, flags=re.DOTALL)


def _depfile(targets: list[str], model: str) -> str:
    return (
        " ".join(_make_escape(t) for t in targets) + ": " + _make_escape(model, target=False) + "\n"
    )


def _parse(argv: list[str]) -> argparse.Namespace:
    return _parser().parse_args(argv)


def render(argv: list[str]) -> tuple[list[tuple[str, str]], str, list[str]]:
    """Everything one command produces, before anything is written: the files (path, text),
    the text for standard output, and warnings. Raises CompileError (CompileErrors for
    several) or UsageError."""
    args = _parse(argv)
    files, stdout, warnings, _ = _render(args, argv)
    return files, stdout, warnings


def _render(args: argparse.Namespace, argv: list[str]):
    source = read_model(args.model)
    targets, several = _targets(args, source)
    if args.depfile and not any(t.module for t in targets):
        raise UsageError("-M/--depfile needs -o: the rule's target is the output file")
    if args.check and not any(t.module for t in targets):
        raise UsageError("--check needs -o: it compares the output files with what is generated")
    if several:  # a syntax error would otherwise be reported once per function
        parse(source, args.model)
    wrt = _split(args.wrt) if args.wrt else None
    shapes = _shape_options(args.shape)
    like = load_like(args.like) if args.like else None
    command = _command(argv)
    files: list[tuple[str, str]] = []
    labels: list[str] = []  # the option that names each file, for messages
    stdout: list[str] = []
    warnings: list[str] = []
    errors: list[CompileError] = []
    for t in targets:
        options = Options(
            jvp=args.jvp,
            hvp=args.hvp or args.hessian,
            hessian=args.hessian,
            taylor=max(args.taylor, 0),
            doc_explain=args.doc == "explain",
            optimize=not args.no_optimize,
            backend=args.backend,
            checkpoint=args.checkpoint,
            shapes=shapes,
            like=like,
            limits=Limits(
                args.max_statements, args.max_unroll, args.max_inline, args.max_expr_depth
            ),
        )
        try:
            compiled = compile_model(
                source, t.fn, wrt, filename=args.model, command=command, options=options
            )
            if args.emit == "explain":
                explained = emit_explain(compiled)
        except CompileError as e:
            if not any(_same(e, old) for old in errors):
                errors.append(e)
            continue
        prefix = f"in `{t.fn}`: " if several else ""
        warnings += [prefix + w for w in compiled.warnings]
        if args.emit == "ir":
            text = emit_ir(compiled)
        elif args.emit == "explain":
            text = explained
        else:
            text = compiled.module
        if t.module is None:
            stdout.append(f"# {t.fn}\n{text}" if several else text)
            continue
        files.append((t.module, text))
        labels.append("-o")
        if t.test:
            files.append((t.test, render_test(compiled, t.module, t.test)))
            labels.append("--emit-test")
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CompileErrors(errors)
    if args.depfile:
        files.append((args.depfile, _depfile([path for path, _ in files], args.model)))
        labels.append("-M")
    return files, "\n".join(stdout), warnings, labels


def _shape_options(specs: list[str]) -> dict[str, str] | None:
    """--shape NAME=SPEC options as a dict (a name given twice is an error)."""
    out: dict[str, str] = {}
    for item in specs:
        name, sep, spec = item.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier() or not spec.strip():
            raise UsageError(f"--shape {item!r}: expected NAME=SPEC, e.g. --shape X=n,d")
        if name in out:
            raise UsageError(f"--shape gives `{name}` twice")
        out[name] = spec.strip()
    return out or None


def _same(a: CompileError, b: CompileError) -> bool:
    return (a.message, a.loc, a.hint) == (b.message, b.loc, b.hint)


_GENERATED_BY = re.compile(rb"generated by matgradc (\S+?)\.?\s*$", re.MULTILINE)


def _stale(files: list[tuple[str, str]]) -> list[str]:
    """Why each file that is not exactly what would be written now is stale."""
    reasons = []
    for path, text in files:
        new = text.encode("utf-8")
        try:
            with open(path, "rb") as f:
                old = f.read()
        except FileNotFoundError:
            reasons.append(f"{path} does not exist")
            continue
        except OSError as e:
            reasons.append(f"{path} cannot be read ({e.strerror})")
            continue
        if old == new:
            continue
        was, now = _GENERATED_BY.search(old[:2000]), _GENERATED_BY.search(new[:2000])
        if was and now and was.group(1) != now.group(1):
            reasons.append(
                f"{path} was generated by matgradc {was.group(1).decode(errors='replace')}, "
                f"this is {now.group(1).decode()}"
            )
            continue
        old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
        line = next(
            (i for i, (a, b) in enumerate(zip(old_lines, new_lines), 1) if a != b),
            min(len(old_lines), len(new_lines)) + 1,
        )
        reasons.append(f"{path} differs from what matgradc generates now (line {line})")
    return reasons


def _expr(rest: list[str]) -> int:
    """`matgradc expr ...`: the calculator, when this version has it."""
    name = f"{__package__}.calculator"
    try:
        calculator = importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name != name:
            raise
        print("matgradc: the expr calculator is not available in this version", file=sys.stderr)
        return 2
    try:
        code = calculator.main(rest)
    except SystemExit as e:
        code = e.code
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def _internal_error(e: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exception(type(e), e, e.__traceback__)
    print(
        f"matgradc {__version__}: internal error: {type(e).__name__}: {e}\n"
        "This is a bug in matgradc; please report it with the model and this command "
        "(rerun with --debug for a traceback).",
        file=sys.stderr,
    )
    return 2


def main(argv: list[str] | None = None) -> int:
    """The command line. SIGINT and SIGTERM stop it with one line on stderr and exit status
    128 + the signal's number, after removing every temporary file (no output is changed)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        with signals_interrupt():
            return _main(argv)
    except KeyboardInterrupt as e:
        signum = getattr(e, "signum", signal.SIGINT)
        name = "terminated" if signum == getattr(signal, "SIGTERM", None) else "interrupted"
        if getattr(e, "outputs_written", False):  # the signal came during the final renames
            print(f"matgradc: {name} after the outputs were written", file=sys.stderr)
        else:
            print(f"matgradc: {name}; no output was changed", file=sys.stderr)
        return 128 + signum


def _main(argv: list[str]) -> int:
    debug = "--debug" in argv
    if argv[:1] == ["expr"]:  # a model file called `expr` is spelled ./expr
        try:
            return _expr(argv[1:])
        except Exception as e:  # noqa: BLE001 -- a bug in the calculator: exit 2, no traceback
            return _internal_error(e, debug)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as e:
        parser.print_usage(sys.stderr)
        print(f"matgradc: error: {e}", file=sys.stderr)
        return 1
    except SystemExit as e:  # --help, --version
        return e.code if isinstance(e.code, int) else 0
    try:
        files, stdout, warnings, labels = _render(args, argv)
        for w in warnings if not args.check else ():
            print(f"{args.model}: warning: {w}", file=sys.stderr)
        paths = [path for path, _ in files]
        check_outputs(paths, [args.model], labels)
        if args.check:
            stale = _stale(files)
            if stale:
                more = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
                print(f"matgradc: stale: {stale[0]}{more}", file=sys.stderr)
                return 1
            return 0
        write_atomically(files, [args.model], labels)
        sys.stdout.write(stdout)
        return 0
    except UsageError as e:
        parser.print_usage(sys.stderr)
        print(f"matgradc: error: {e}", file=sys.stderr)
        return 1
    except CompileError as e:
        try:
            source = read_model(args.model)
        except CompileError:
            source = None
        print(e.format(args.model, source), file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 -- an internal error: a bug in matgradc, not the model
        return _internal_error(e, debug)


if __name__ == "__main__":
    sys.exit(main())
