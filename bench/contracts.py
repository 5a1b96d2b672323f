"""The cost of the argument contract (_check_args) of generated modules, at n = 256.

    .venv/bin/python bench/contracts.py                 # every problem of bench/problems.py
    .venv/bin/python bench/contracts.py --sizes 64,256 --repeat 50

For each problem the model is compiled in memory; then, interleaved, `value_and_grad_<fn>`
of the module is timed as generated and with its `_check_args` replaced by a function that
returns its arguments unchanged, and `_check_args` alone on the same arguments. The overhead
is the median of `_check_args` alone over the median of the checked `value_and_grad_<fn>`
(the direct difference of two timings of milliseconds is mostly noise). Target: < 1% at
n = 256. A measurement, never a test: a MISS is printed, the exit status is 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import types
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from compiler.api import compile_model

from problems import PROBLEMS

TARGET = 0.01


def _module(problem) -> types.ModuleType:
    source = (HERE / "models" / problem.model).read_text(encoding="utf-8")
    text = compile_model(source, problem.fn, list(problem.wrt), problem.model).module
    module = types.ModuleType(problem.fn)
    exec(compile(text, problem.model, "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def _time(f, args, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        f(*args)
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="256")
    parser.add_argument("--repeat", type=int, default=30, help="rounds (medians are reported)")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print("| problem | n | value_and_grad | unchecked | _check_args | overhead | target |")
    print("|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        for problem in PROBLEMS:
            module = _module(problem)
            inputs = problem.build(n, rng)
            checked = getattr(module, f"value_and_grad_{problem.fn}")
            check = module._check_args
            name = f"value_and_grad_{problem.fn}"

            def unchecked(*a, _m=module, _c=check, _f=checked):
                _m._check_args = lambda fn, *xs: list(xs)
                try:
                    return _f(*a)
                finally:
                    _m._check_args = _c

            inner = max(1, int(0.02 / max(_time(checked, inputs, 1), 1e-6)))
            times: dict[str, list[float]] = {"checked": [], "unchecked": [], "check": []}
            for _ in range(args.repeat):
                times["checked"].append(_time(checked, inputs, inner))
                times["unchecked"].append(_time(unchecked, inputs, inner))
                times["check"].append(_time(check, (name, *inputs), 100))
            med = {k: statistics.median(v) for k, v in times.items()}
            overhead = med["check"] / med["checked"]
            verdict = "PASS" if overhead < TARGET or n != 256 else "MISS"
            print(
                f"| {problem.name} | {n} | {med['checked'] * 1e3:.3f} ms | "
                f"{med['unchecked'] * 1e3:.3f} ms | {med['check'] * 1e6:.1f} µs | "
                f"{overhead:.3%} | {verdict} (< {TARGET:.0%}) |"
            )


if __name__ == "__main__":
    main()
