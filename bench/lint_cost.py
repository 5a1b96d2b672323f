"""What the IR lint (compiler/lint.py) costs a compile: every example of examples/manifest.txt
compiled (the full command: black and writing the module) with the lint on and off, interleaved, best of --repeat; and the time spent in the
lint itself. A measurement, never a test.

    .venv/bin/python bench/lint_cost.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shlex
import tempfile
import time
from pathlib import Path

from matgradc import cli, lint, optimize

ROOT = Path(__file__).resolve().parent.parent


def commands(out: str) -> list[list[str]]:
    """The matgradc command of each example, writing the module into `out`."""
    cmds = []
    for line in (ROOT / "examples" / "manifest.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            model, fn, *extra = shlex.split(line)
            path = str(ROOT / "examples" / model)
            cmds.append([path, "--fn", fn, *extra, "-o", f"{out}/grad_{fn}.py"])
    return cmds


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    repeat = p.parse_args().repeat
    cases = commands(tempfile.mkdtemp())
    in_lint = [0.0]
    real = lint.lint

    def timed(*a, **k):
        t = time.perf_counter()
        try:
            return real(*a, **k)
        finally:
            in_lint[0] += time.perf_counter() - t

    optimize.lint = timed
    best = {"0": float("inf"), "1": float("inf")}
    lint_share = float("inf")
    for i in range(repeat):
        for flag in ("0", "1") if i % 2 == 0 else ("1", "0"):
            os.environ[lint.ENV] = flag
            in_lint[0] = 0.0
            t = time.perf_counter()
            for argv in cases:
                assert cli.main(argv) == 0, argv
            total = time.perf_counter() - t
            best[flag] = min(best[flag], total)
            if flag == "1":
                lint_share = min(lint_share, in_lint[0])
    off, on = best["0"], best["1"]
    print(f"{len(cases)} examples, best of {repeat}")
    print(f"compile, lint off: {off:.3f} s")
    print(f"compile, lint on:  {on:.3f} s  (+{100 * (on - off) / off:.1f} %)")
    print(f"time inside lint:  {lint_share:.3f} s  ({100 * lint_share / on:.1f} % of a compile)")


if __name__ == "__main__":
    main()
