"""The fast subset of the peer port (HIPS/autograd's gradient tests as matgradc models).

`make peer` runs every case both ways and writes results.md; this runs, annotated and with
every annotation stripped, each case of expected_pass.txt and the first real and first complex
case of every upstream test (run.fast_subset), and asserts that
  (a) every case of expected_pass.txt passes (a regression fails here), and
  (b) every WRONG result is listed in known_wrong.txt (no new silently wrong result lands).
The harness's own verdicts are tested first, on modules that are wrong on purpose.
Reproduce outside pytest: python tests/peer/run.py --both --fast
"""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("peer_run", os.path.join(HERE, "run.py"))
run = sys.modules.setdefault("peer_run", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(run)


@pytest.fixture(scope="module")
def cases():
    return run.load_cases()


# -- the harness itself ------------------------------------------------------------------
# scalar_ops.sin__0 is f(x) = 3 sin(x) of a float x: each module below is what a compiler
# could emit for it.
RIGHT = """
import numpy as np

def value_and_grad_sin__0(x):
    return 3.0 * np.sin(x), (3.0 * np.cos(x),)
"""
WRONG_GRAD = RIGHT.replace("3.0 * np.cos(x)", "3.0 * np.cos(x) + 1e-3")
WRONG_VALUE = RIGHT.replace("3.0 * np.sin(x),", "3.0 * np.sin(x) + 1e-6,")
WRONG_SHAPE = RIGHT.replace("(3.0 * np.cos(x),)", "(np.full(2, 3.0 * np.cos(x)),)")
CONTRACT = RIGHT.replace(
    "    return", "    raise ValueError('sin__0: x must be a float')\n    return"
)
NUMPY_CRASH = RIGHT.replace("3.0 * np.sin(x),", "np.ones(2) @ np.ones(3),")
OTHER_CRASH = RIGHT.replace("3.0 * np.sin(x),", "x[0],")


@pytest.mark.parametrize(
    "text, status",
    [
        (RIGHT, run.PASS),
        (WRONG_GRAD, run.WRONG),
        (WRONG_VALUE, run.WRONG),
        (WRONG_SHAPE, run.WRONG),
        (CONTRACT, run.CLEAR),
        (NUMPY_CRASH, run.WRONG),
        (OTHER_CRASH, run.WRONG),
    ],
)
def test_harness_verdicts(cases, monkeypatch, tmp_path, text, status):
    import matgradc

    case = next(c for c in cases if c.id == "scalar_ops.sin__0")
    monkeypatch.setattr(matgradc, "compile_source", lambda *a, **k: text)
    result = run.check(case, "annotated", str(tmp_path))
    assert result.status == status, result.reason


def test_harness_compile_errors(cases, monkeypatch, tmp_path):
    import matgradc

    case = next(c for c in cases if c.id == "scalar_ops.sin__0")

    def clear(*a, **k):
        raise matgradc.CompileError("np.sin is not in the matrix language")

    def internal(*a, **k):
        raise KeyError("x")

    monkeypatch.setattr(matgradc, "compile_source", clear)
    assert run.check(case, "annotated", str(tmp_path)).status == run.CLEAR
    monkeypatch.setattr(matgradc, "compile_source", internal)
    assert run.check(case, "annotated", str(tmp_path)).status == run.WRONG


def test_harness_times_out(cases, monkeypatch, tmp_path):
    import time

    import matgradc

    case = next(c for c in cases if c.id == "scalar_ops.sin__0")
    monkeypatch.setattr(run, "TIMEOUT", 1)
    monkeypatch.setattr(matgradc, "compile_source", lambda *a, **k: time.sleep(5))
    result = run.check(case, "annotated", str(tmp_path))
    assert (result.status, result.reason) == (run.WRONG, "timed out after 1 s")


def test_finite_differences_of_the_model(cases):
    """The oracle is the model as NumPy runs it: d/dx sum(sin(x @ y)) by hand."""
    import numpy as np

    case = next(c for c in cases if c.id == "numpy.dot__0")
    x, y = case.inputs()
    gx, gy = run.finite_differences(case.fn, [x, y], 0, False)
    assert gy is None
    assert np.allclose(gx, np.outer(np.cos(x @ y), y), rtol=1e-6, atol=1e-8)


def test_strip_annotations_removes_every_one():
    src = 'import numpy as np\n\ndef f(x: "n,n", y: float) -> float:\n    return x\n'
    assert run.strip_annotations(src) == "import numpy as np\n\ndef f(x, y):\n    return x\n"


def test_lists_name_existing_cases(cases):
    ids = {c.id for c in cases}
    for path in (run.EXPECTED_PASS, run.KNOWN_WRONG):
        listed = run.read_list(path)
        assert listed or path == run.KNOWN_WRONG, path  # no known-wrong case is the goal
        for case, mode in listed:
            assert case in ids and mode in run.MODES, f"{path}: {case} {mode}"


# -- the fast subset ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def results(cases):
    listed = {c for c, _ in run.read_list(run.EXPECTED_PASS)}
    sample = {c.id for c in run.fast_subset(cases)}
    subset = [c for c in cases if c.id in listed or c.id in sample]
    return run.run(subset, run.MODES, progress=False)


def test_expected_cases_pass(results):
    diff = run.compare_lists(results, run.read_list(run.EXPECTED_PASS), {})
    assert not diff["regressions"], "\n".join(diff["regressions"])


def test_no_new_wrong_result(results):
    diff = run.compare_lists(results, {}, run.read_list(run.KNOWN_WRONG))
    assert not diff[
        "new_wrong"
    ], "silently wrong results not in tests/peer/known_wrong.txt:\n" + "\n".join(diff["new_wrong"])
