"""`python -m matgradc`: the command line.

`python -m` puts the working folder first on sys.path; a `tempfile.py` or `jinja2.py` there
would then be imported in place of the real one. The folder is dropped before anything else
is imported (the package's __init__ imports nothing, so nothing came from it yet)."""

import os
import sys


def _drop_working_folder() -> None:
    here = os.path.realpath(os.getcwd())
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and os.path.realpath(p) != here]


_drop_working_folder()

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: one line, as in main
    print("matgradc: interrupted; no output was changed", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
