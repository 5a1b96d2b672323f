"""`matgradc expr 'EXPR' --wrt X [--shape NAME=SPEC] [--latex] [--hessian]`: the command line."""

from __future__ import annotations

import argparse
import re
import sys

from ..cliargs import Parser, UsageError
from ..diagnostics import CompileError
from .core import derive

# -- the command line -------------------------------------------------------------------
EPILOG = """examples:
  matgradc expr 'logdet(X)' --wrt X
  matgradc expr 'trace(S*inv(X))' --wrt X --latex
  matgradc expr "x'*A*x" --wrt x --shape x=n --hessian
  matgradc expr 'inv(X)'                       (a matrix: Derivative and Jacobian)
  matgradc expr 'np.trace(A @ X @ B @ X)' --wrt X

syntax: the talk's (* matrix product, .* elementwise, ' transpose, ^ matrix power) unless
the expression uses @ or np. names, then NumPy's (* elementwise). Functions: inv, det,
logdet, trace (tr), transpose, exp, log, sqrt, sum, solve, outer, diag, norm and every NumPy
call the compiler reads; I is the identity. Undeclared names are n-by-n matrices; --shape
takes the shapes of model annotations: x=n, A=m,n, c=scalar, S=spd(n,n), D=diag(n,n).

output: `Function: ...` and `Derivative: ...`. For a scalar expression the derivative is the
gradient, as NumPy text; --hessian adds `Hessian: ...`, the (X.size, X.size) matrix. For a
vector or matrix, `Derivative:` is in the talk's notation (A ⊗ Bᵀ: dF = A dX B; A ⊠ Bᵀ:
dF = A dXᵀ B) and `Jacobian: ...` is the (F.size, X.size) matrix, both flattened in C order.
NumPy text evaluates with np = numpy, inv = np.linalg.inv, det = np.linalg.det,
logdet = lambda X: np.linalg.slogdet(X)[1], trace = np.trace and the inputs bound to arrays.
--latex adds `LaTeX: ...` of all of them.

exit status: 0 on success, 1 on an error in the expression or the flags, 2 on an internal error.
"""


def _parser() -> Parser:
    p = Parser(
        prog="matgradc expr",
        description="Differentiate a matrix expression; print it and its derivative.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("expr", help="the expression, e.g. 'trace(S*inv(X))' or 'inv(X)'")
    p.add_argument("--wrt", help="the input to differentiate with respect to (default: X)")
    p.shapes(
        "NAME=SHAPE",
        "declare an input: x=n (vector), A=m,n, c=scalar, S=spd(n,n), D=diag(n,n); "
        "repeatable, or several separated by ';'",
    )
    p.flag("--latex", "also print the LaTeX of every line")
    p.flag("--hessian", "also print the Hessian of a scalar expression")
    p.choice(
        "--syntax",
        ("auto", "talk", "numpy"),
        "how to read `*` (default: numpy if the expression uses @ or np., else talk)",
    )
    p.debug()
    return p


def _protect(argv: list[str]) -> list[str]:
    """An expression starting with `-` ('-logdet(X)') is not an option."""
    out = []
    for a in argv:
        if a.startswith("-") and not a.startswith("--") and not re.fullmatch(r"-[A-Za-z]?", a):
            a = " " + a
        out.append(a)
    return out


def main(argv: list[str] | None = None) -> int:
    """`matgradc expr ...`: print Function/Derivative (and more); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        args = parser.parse_args(_protect(argv))
    except UsageError as e:
        print(f"expr: error: {e}\nhint: {parser.format_usage().strip()}", file=sys.stderr)
        return 1
    except SystemExit as e:  # --help
        return int(e.code or 0)
    expr = args.expr.strip()
    try:
        # `x=n;A=m,n` or `x=n A=m,n`: split at `;` and at spaces before a new `name=`
        split = r";|\s+(?=[A-Za-z_][A-Za-z_0-9]*\s*[=:])"
        decls = [d.strip() for spec in args.shape for d in re.split(split, spec) if d.strip()]
        result = derive(expr, args.wrt, decls, args.syntax, args.latex, args.hessian)
    except CompileError as e:
        print(e.format("expr", expr if e.loc is not None else None), file=sys.stderr)
        return 1
    except ZeroDivisionError as e:
        print(f"expr: error: the expression divides by zero ({e})", file=sys.stderr)
        return 1
    for line in result.lines():
        print(line)
    return 0
