"""Ops that take any number of arguments (np.stack, np.concatenate, and the accumulation the
optimizer makes of many scattered adjoints) have a derivative for every argument, however
many (rules.base.PerArgument). They used to stop at 64: beyond that, the IR lint raised an
internal error, and with the lint off, the arguments past the 64th got a zero gradient."""

from __future__ import annotations

import pytest
from helpers import check_against_numpy

N = 70  # more than the old 64


def _terms(n: int) -> str:
    return ", ".join(f"np.sin(y[{i}]) * {i + 1}" for i in range(n))


MODELS = {
    "stack": f"def f(y: '{N}'):\n    return np.sum(np.stack([{_terms(N)}]) ** 2)",
    "concatenate": (
        f"def f(y: '{N}'):\n"
        f"    return np.sum(np.concatenate([{', '.join(f'y[{i}:{i + 1}] * {i}' for i in range(N))}]) ** 3)"
    ),
    # 100 reads y[t] of one vector: their adjoints are one accumulation of 100 scatters
    "accumulation": (
        "def f(y: '100'):\n    s = 0.0\n    for t in range(100):\n"
        "        s = s + np.sin(y[t]) * t\n    return s"
    ),
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_argument_of_a_long_variadic_op_has_its_derivative(name):
    size = 100 if name == "accumulation" else N
    check_against_numpy(
        "import numpy as np\n\n\n" + MODELS[name] + "\n", [lambda r: r.uniform(-1, 1, size)]
    )
