"""--checkpoint (issue 12, item 2): a run-time loop keeps the loop state at the start of each
of about √T segments instead of a tape of every iteration, and the backward sweep runs each
segment forward again (last first) before running it backwards. Gradients are checked against
central finite differences of the model AS NUMPY RUNS IT, for trip counts on and off the
segment boundaries; the memory test measures the peak of traced allocations (no timing).
"""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
import types

import numpy as np
import pytest
from helpers import central_gradient, numpy_model
from matgradc.api import Options, compile_model
from test_loops import CASES, HEADER, KALMAN, NEWTON

STEPPED = (  # a range with a start and a step, rows read at t, a matrix carry
    "def f(Y: 'T,2', A: '2,2', c):\n    S = np.eye(2)\n    s = 0.0\n"
    "    for t in range(1, Y.shape[0], 3):\n        S = np.tanh(A @ S) + np.outer(Y[t], Y[t])\n"
    "        s = s + c * Y[t] @ S @ Y[t]\n    return s + np.trace(S)"
)


def _load(source: str, checkpoint: bool = True) -> types.ModuleType:
    text = compile_model(source, "f", options=Options(checkpoint=checkpoint)).module
    module = types.ModuleType("grad_f")
    exec(compile(text, "<grad_f>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def _check(source: str, args: list, symmetric: tuple[int, ...] = ()) -> None:
    module, model = _load(source), numpy_model(source)
    value, grads = module.value_and_grad_f(*args)
    assert np.isclose(value, model(*args), rtol=1e-10, atol=1e-12)
    assert np.isclose(module.f(*args), value, rtol=1e-12, atol=1e-14)
    real = [k for k, a in enumerate(args) if not isinstance(a, int)]
    assert len(grads) == len(real)
    for k, g in zip(real, grads):
        expected = central_gradient(model, args, k)
        if k in symmetric:  # a parameter declared spd: the symmetric gradient
            expected = (expected + expected.T) / 2
        np.testing.assert_allclose(g, expected, rtol=1e-5, atol=1e-6, err_msg=f"arg {k}")


@pytest.mark.parametrize("T", [0, 1, 2, 4, 5, 10, 17])
def test_kalman_gradient_with_checkpoints_matches_finite_differences(T):
    _, inputs = CASES["kalman"]
    _check(HEADER + KALMAN, inputs(np.random.default_rng(T), T))


@pytest.mark.parametrize("T", [0, 3, 9, 11])
@pytest.mark.parametrize("name", sorted(CASES))
def test_every_loop_case_with_checkpoints_matches_finite_differences(name, T):
    source, inputs = CASES[name]
    symmetric = (0,) if name == "symmetric-invariant-and-solve" else ()
    _check(HEADER + source, inputs(np.random.default_rng(T), T), symmetric)


@pytest.mark.parametrize("T", [1, 4, 8, 13])
def test_a_range_with_start_and_step_with_checkpoints(T):
    rng = np.random.default_rng(T)
    args = [rng.standard_normal((T, 2)), 0.5 * rng.standard_normal((2, 2)), 0.7]
    _check(HEADER + STEPPED, args)


def test_checkpoints_replace_the_tape_in_the_generated_code():
    text = compile_model(HEADER + KALMAN, "f", options=Options(checkpoint=True)).module
    plain = compile_model(HEADER + KALMAN, "f").module
    assert "checkpoints.append(" in text and "checkpoints" not in plain
    assert "segment = max(1, int(len(steps) ** 0.5))" in text
    # the value alone keeps neither a tape nor checkpoints
    for module in (text, plain):
        value_fn = module.split("\ndef f(")[1].split("\ndef value_and_grad_f")[0]
        assert "for t in range(y.shape[0]):" in value_fn and ".append(" not in value_fn


def _peak(module, args) -> int:
    tracemalloc.start()
    try:
        module.value_and_grad_f(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_grows_like_the_square_root_of_the_trip_count():
    """The peak of traced allocations of value_and_grad over T = 400 and T = 6400 (16×): the
    tape grows 16×; with --checkpoint the state kept grows like √T (4×), plus the O(T) input
    and its gradient (8 bytes per step, small beside a step's tape)."""
    _, inputs = CASES["kalman"]
    small, large = (inputs(np.random.default_rng(0), T) for T in (400, 6400))
    taped, checkpointed = _load(HEADER + KALMAN, False), _load(HEADER + KALMAN)
    for module in (taped, checkpointed):  # warm up (first-call allocations)
        module.value_and_grad_f(*small)
    tape_ratio = _peak(taped, large) / _peak(taped, small)
    checkpoint_ratio = _peak(checkpointed, large) / _peak(checkpointed, small)
    assert tape_ratio > 12, tape_ratio  # linear in T: the measurement can tell them apart
    assert checkpoint_ratio < 7, checkpoint_ratio
    assert _peak(checkpointed, large) < _peak(taped, large) / 8


LONG_WHILE = """
import numpy as np


def f(x0: "n", w: "n", A: "n,n", n: int):
    x = x0
    k = 0
    while k < n and np.sum(x * x) < 1e6:
        x = 0.5 * np.tanh(A @ x) + w * x
        k += 1
    return np.sum(x * w)
"""


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 40, 131])
def test_a_while_loop_with_checkpoints_matches_finite_differences(n):
    """A `while` loop's checkpoints: the carry every `segment` iterations, the segment
    doubling as the count grows (n crosses several doublings), its replay exactly as long
    as the iterations taken."""
    rng = np.random.default_rng(n)
    args = [rng.standard_normal(3), 0.9 * rng.uniform(size=3), 0.5 * rng.standard_normal((3, 3)), n]
    _check(LONG_WHILE, args)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_newton_while_loop_with_checkpoints(seed):
    rng = np.random.default_rng(seed)
    _check(HEADER + NEWTON, [rng.standard_normal(4), rng.standard_normal(4)])


def test_a_while_loop_keeps_memory_like_the_square_root_of_its_iterations():
    module = _load(LONG_WHILE)
    taped = _load(LONG_WHILE, False)
    rng = np.random.default_rng(0)
    base = [rng.standard_normal(3), 0.9 * rng.uniform(size=3), 0.5 * rng.standard_normal((3, 3))]
    module.value_and_grad_f(*base, 10)
    ratio = _peak(module, [*base, 6400]) / _peak(module, [*base, 400])
    assert ratio < 7, ratio  # 16× the iterations
    assert _peak(module, [*base, 6400]) < _peak(taped, [*base, 6400]) / 8


def test_the_command_line_flag(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(HEADER + KALMAN)
    out = tmp_path / "grad_m.py"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "matgradc",
            str(path),
            "--fn",
            "f",
            "--checkpoint",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "--checkpoint" in out.read_text().split('"""')[1]  # the command that regenerates it
    assert "checkpoints.append(" in out.read_text()


BRANCH_AFTER_A_LOOP = """
import numpy as np


def f(X, w):
    s = 0.0
    for row in X:
        s = s + np.tanh(row @ w)
    if s > 0:
        return s * s
    return -s
"""


@pytest.mark.parametrize("checkpoint", [False, True])
def test_a_run_time_branch_after_a_loop(checkpoint):
    """The loop runs before the branch, each path runs its own backward sweep: the forward
    sweep keeps the tape (or the checkpoints) for whichever path is taken."""
    module, model = _load(BRANCH_AFTER_A_LOOP, checkpoint), numpy_model(BRANCH_AFTER_A_LOOP)
    rng = np.random.default_rng(1)
    for sign in (1.0, -1.0):  # both paths
        args = [rng.standard_normal((7, 3)), rng.standard_normal(3)]
        args[1] *= sign * np.sign(np.sum(np.tanh(args[0] @ args[1])))  # tanh is odd: s flips
        value, grads = module.value_and_grad_f(*args)
        assert np.isclose(value, model(*args), rtol=1e-12)
        for k, g in enumerate(grads):
            np.testing.assert_allclose(g, central_gradient(model, args, k), rtol=1e-5, atol=1e-7)
