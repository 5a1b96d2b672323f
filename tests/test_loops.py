"""Loops with a run-time trip count (issue 12, item 2): `for t in range(T)` with T a size or an
int parameter, `for row in X`, `enumerate`/`zip` over rows, `while` on run-time data. Each
gradient is checked against central finite differences of the model AS NUMPY RUNS IT (the test
executes the model source; the compiler never does), for several trip counts including 0 and 1;
and each construct kept as an error says where and why."""

# ruff: noqa: ISC004 -- model sources spelled over several string literals
from __future__ import annotations

import itertools

import numpy as np
import pytest
from helpers import central_gradient, load, numpy_model
from matgradc.api import compile_model
from matgradc.diagnostics import CompileError

HEADER = "import numpy as np\n\n_LOG_2PI = np.log(2 * np.pi)\n\n\n"

KALMAN = """
def f(y: "T", F: "2,2", h: "2", log_q: "2", log_r):
    Q = np.diag(np.exp(log_q))
    R = np.exp(log_r)
    a = np.zeros(2)
    P = 10.0 * np.eye(2)
    ll = 0.0
    for t in range(y.shape[0]):
        v = y[t] - h @ a
        f = h @ P @ h + R
        K = F @ P @ h / f
        a = F @ a + K * v
        P = F @ P @ F.T + Q - np.outer(K, K) * f
        ll = ll - 0.5 * (_LOG_2PI + np.log(f) + v * v / f)
    return ll
"""


def kalman_args(rng, T):
    return [
        rng.standard_normal(T),
        0.6 * rng.standard_normal((2, 2)),
        rng.standard_normal(2),
        0.3 * rng.standard_normal(2),
        float(rng.uniform(-0.5, 0.5)),
    ]


# name -> (source of `f`, inputs for a trip count T)
CASES = {
    "kalman": (KALMAN, kalman_args),
    "range-of-int-parameter": (
        "def f(x: 'n', A: 'n,n', T: int):\n    y = x\n    for t in range(T - 1):\n"
        "        y = np.tanh(A @ y) + 0.1 * t * x\n    return np.sum(y * y)",
        lambda rng, T: [rng.standard_normal(3), 0.5 * rng.standard_normal((3, 3)), T],
    ),
    "rows-enumerate-zip": (
        "def f(X, Z, w):\n    s = 0.0\n    for row in X:\n        s = s + np.tanh(row @ w) ** 2\n"
        "    for t, row in enumerate(X):\n        s += 0.5 * t * np.sum(row * w)\n"
        "    for a, b in zip(X, Z):\n        s = s + np.sum(a * b * w)\n    return s",
        lambda rng, T: [
            rng.standard_normal((T, 3)),
            rng.standard_normal((T + 1, 3)),  # zip stops at the shortest
            rng.standard_normal(3),
        ],
    ),
    "matrix-carry-and-row-index": (
        "def f(Y, A, b):\n    S = np.eye(2)\n    c = 0.0\n    for t in range(1, Y.shape[0]):\n"
        "        S = A @ S @ A.T + np.outer(Y[t], Y[t])\n        c = c + Y[t, 0] * b\n"
        "    return np.trace(S) + c",
        lambda rng, T: [
            rng.standard_normal((T, 2)),
            0.5 * rng.standard_normal((2, 2)),
            1.5,
        ],
    ),
    "symmetric-intermediate-read-transposed": (
        "def f(A, x0: 'n', w: 'n', T: int):\n    S = A @ A.T\n    x = x0\n    for t in range(T):\n"
        "        x = 0.3 * np.tanh(S.T @ x) + w * x\n    return np.sum(x * (S @ w))",
        lambda rng, T: [
            0.6 * rng.standard_normal((3, 3)),
            rng.standard_normal(3),
            rng.standard_normal(3),
            T,
        ],
    ),
    "symmetric-invariant-and-solve": (
        "def f(A: 'spd(n,n)', x0: 'n', T: int):\n    x = x0\n    for t in range(T):\n"
        "        x = np.linalg.solve(A + np.eye(x.shape[0]), x) + x0\n    return x @ x",
        lambda rng, T: [_spd(rng, 3), rng.standard_normal(3), T],
    ),
}


def _spd(rng, n):
    B = rng.standard_normal((n, n))
    return B @ B.T + n * np.eye(n)


def _model(src: str):
    env: dict = {}
    code = compile(HEADER + src, "<model>", "exec")
    exec(code, env)  # noqa: S102 -- the test's own oracle
    return env["f"]


@pytest.mark.parametrize("T", [0, 1, 2, 5])
@pytest.mark.parametrize("name", sorted(CASES))
def test_gradients_match_finite_differences(name, T):
    src, inputs = CASES[name]
    mod = load(HEADER + src, "f")
    model = _model(src)
    rng = np.random.default_rng(T)
    args = inputs(rng, T)
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, model(*args), rtol=1e-10, atol=1e-12)
    assert np.isclose(mod.f(*args), value, rtol=1e-12, atol=1e-14)
    ints = [k for k, a in enumerate(args) if isinstance(a, int)]
    real = [k for k in range(len(args)) if k not in ints]
    assert len(grads) == len(real)
    for k, g in zip(real, grads):
        expected = central_gradient(model, args, k)
        if name == "symmetric-invariant-and-solve" and k == 0:  # spd: the symmetric gradient
            expected = (expected + expected.T) / 2
        np.testing.assert_allclose(g, expected, rtol=1e-5, atol=1e-6, err_msg=f"arg {k}")


def test_the_loop_stays_a_loop_and_compile_time_does_not_depend_on_T():
    text = compile_model(HEADER + KALMAN, "f").module
    assert "for t in range(y.shape[0]):" in text
    assert "for t in reversed(range(y.shape[0])):" in text
    assert ".pop()" in text and ".append(" in text  # the tape


NEWTON = """
def f(a: "n", w: "n"):
    c = a * a + 1.0
    x = c
    k = 0
    while np.max(np.abs(x * x - c)) > 1e-12 and k < 100:
        x = 0.5 * (x + c / x)
        k += 1
    return w @ x
"""


@pytest.mark.parametrize("seed", [0, 1])
def test_while_newton_iteration_gradient_is_that_of_the_iterations_taken(seed):
    mod = load(HEADER + NEWTON, "f")
    model = _model(NEWTON)
    rng = np.random.default_rng(seed)
    args = [rng.standard_normal(4), rng.standard_normal(4)]
    value, (ga, gw) = mod.value_and_grad_f(*args)
    assert np.isclose(value, model(*args))
    np.testing.assert_allclose(ga, central_gradient(model, args, 0), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(gw, central_gradient(model, args, 1), rtol=1e-5, atol=1e-7)
    # converged: the gradient is that of w @ sqrt(a² + 1), derived by hand
    c = args[0] ** 2 + 1
    np.testing.assert_allclose(ga, args[1] * args[0] / np.sqrt(c), rtol=1e-8)
    assert "while True:" in mod.__dict__.get("__text__", "while True:")


def test_while_that_runs_zero_times_and_a_fixed_number_of_times():
    src = (
        "def f(x: 'n', s):\n    k = 0\n    y = x\n    while k < 3 and s > 0:\n"
        "        y = np.sin(y) * s\n        k += 1\n    return np.sum(y)"
    )
    mod = load(HEADER + src, "f")
    model = _model(src)
    rng = np.random.default_rng(3)
    for s in (-0.5, 0.7):  # zero iterations, then three
        args = [rng.standard_normal(3), s]
        value, grads = mod.value_and_grad_f(*args)
        assert np.isclose(value, model(*args))
        for k in range(2):
            np.testing.assert_allclose(grads[k], central_gradient(model, args, k), atol=1e-7)


@pytest.mark.parametrize(
    "body, fragment",
    [
        (
            "def f(x):\n    s = 0.0\n    for i in range(np.sum(x)):\n        s = s + i\n    return s",
            "depends on a value being differentiated",
        ),
        (
            "def f(X):\n    s = 0.0\n    for row in X:\n        if np.sum(row) > 0:\n"
            "            s = s + np.sum(row)\n    return s",
            "inside a loop with a run-time trip count",
        ),
        (
            "def f(X):\n    s = 0.0\n    for row in X:\n        for r in X:\n"
            "            s = s + np.sum(row * r)\n    return s",
            "inside another one is not supported",
        ),
        (
            "def f(X):\n    s = 0.0\n    for row in X:\n        s = row\n    return np.sum(s)",
            "changes shape in the loop",
        ),
        (
            "def f(X):\n    s = 0.0\n    for t in range(X.shape[0]):\n        Y = X * 2\n"
            "        s = s + np.sum(Y[t])\n    return s",
            "only arrays defined before the loop",
        ),
        (  # a shifted read Y[t - 1] would need the previous row: carry it instead
            "def f(Y):\n    s = 0.0\n    for t in range(1, Y.shape[0]):\n"
            "        s = s + np.sum(Y[t] * Y[t - 1])\n    return s",
            "an index must be an integer constant",
        ),
        (
            "def f(X):\n    s = 0.0\n    for row in X:\n        s = s + np.sum(row)\n"
            "        break\n    return s",
            "`break` inside a loop",
        ),
    ],
)
def test_loop_errors_are_located(body, fragment):
    with pytest.raises(CompileError, match=fragment) as e:
        compile_model(HEADER + body, "f")
    assert e.value.loc is not None and e.value.loc.line > 5


@pytest.mark.parametrize("flags", [{"hvp": True}, {"hessian": True, "hvp": True}])
def test_forward_mode_over_the_gradient_of_a_loop_is_a_clear_error(flags):
    from matgradc.api import Options

    with pytest.raises(CompileError, match="does not go through the gradient of a loop") as e:
        compile_model(HEADER + KALMAN, "f", options=Options(**flags))
    assert e.value.loc.line == 13  # the `for` statement
    assert "--jvp and --taylor go through the loop itself" in str(e.value)


def _with(source: str, **flags) -> dict:
    from matgradc.api import Options

    text = compile_model(source, "f", options=Options(**flags)).module
    module: dict = {}
    exec(compile(text, "<grad_f>", "exec"), module)  # noqa: S102 -- generated code
    return module


def _along(args: list, dirs: list, real: list, s: float) -> list:
    moved = list(args)
    for k, d in zip(real, dirs):
        moved[k] = args[k] + s * d
    return moved


@pytest.mark.parametrize("T", [0, 1, 5])
@pytest.mark.parametrize("name", sorted(CASES))
def test_jvp_through_a_loop_matches_finite_differences(name, T):
    """Forward mode through a run-time loop (a loop of values and tangents, no tape), along a
    random direction in every real argument at once (symmetric for an spd one)."""
    src, inputs = CASES[name]
    module, model = _with(HEADER + src, jvp=True), _model(src)
    rng = np.random.default_rng(T)
    args = inputs(rng, T)
    real = [k for k, a in enumerate(args) if not isinstance(a, int)]
    dirs = [rng.standard_normal(np.shape(args[k])) for k in real]
    dirs = [(d + d.T) / 2 if np.ndim(d) == 2 and d.shape[0] == d.shape[1] else d for d in dirs]
    value, derivative = module["jvp_f"](*args, *dirs)
    assert np.isclose(value, model(*args), rtol=1e-10, atol=1e-12)
    h = 1e-6
    fd = (model(*_along(args, dirs, real, h)) - model(*_along(args, dirs, real, -h))) / (2 * h)
    assert np.isclose(derivative, fd, rtol=1e-5, atol=1e-6), (derivative, fd)


def test_jvp_and_taylor_through_a_while_loop_and_a_kalman_filter():
    rng = np.random.default_rng(7)
    module, model = _with(HEADER + NEWTON, jvp=True), _model(NEWTON)
    args = [rng.standard_normal(4), rng.standard_normal(4)]
    dirs = [rng.standard_normal(4), rng.standard_normal(4)]
    value, derivative = module["jvp_f"](*args, *dirs)
    h = 1e-6
    fd = (model(*_along(args, dirs, [0, 1], h)) - model(*_along(args, dirs, [0, 1], -h))) / (2 * h)
    assert np.isclose(value, model(*args)) and np.isclose(derivative, fd, rtol=1e-5, atol=1e-7)
    # Taylor coefficients (forward mode twice: a loop of tangents of tangents)
    _, inputs = CASES["kalman"]
    module, model = _with(HEADER + KALMAN, taylor=2), _model(KALMAN)
    args = inputs(rng, 6)
    dirs = [rng.standard_normal(np.shape(a)) for a in args]
    c0, c1, c2 = module["taylor_f"](*args, *dirs)

    def along(s):
        return model(*_along(args, dirs, range(5), s))

    assert np.isclose(c0, model(*args))
    h = 1e-4
    assert np.isclose(c1, (along(h) - along(-h)) / (2 * h), rtol=1e-6, atol=1e-8)
    assert np.isclose(c2, (along(h) - 2 * along(0.0) + along(-h)) / h**2 / 2, rtol=1e-4, atol=1e-6)


def test_explain_through_a_loop_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "m.py"
    path.write_text(HEADER + KALMAN)
    r = subprocess.run(
        [sys.executable, "-m", "matgradc", str(path), "--fn", "f", "--emit", "explain"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 1
    assert f"{path}:13:5: error: --emit explain does not go through a loop" in r.stderr
    assert "Traceback" not in r.stderr


SCIPY_IN_A_LOOP = """
import itertools

import numpy as np
import scipy.special


def f(X: "T,n", w: "n", A: "spd(n,n)"):
    s = 0.0
    for row in X:
        s = s + np.sum(scipy.special.expit(row * w)) + row @ np.linalg.solve(A, row)
        s = s + np.linalg.slogdet(A + np.outer(row, row))[1]
    return s
"""


@pytest.mark.parametrize("backend", ["auto", "numpy", "scipy"])
def test_imports_and_helpers_used_only_inside_a_loop_body(backend):
    """The module imports (and defines the prelude helpers) that only a loop body calls."""
    from matgradc.api import Options

    text = compile_model(SCIPY_IN_A_LOOP, "f", options=Options(backend=backend)).module
    module: dict = {}
    exec(compile(text, "<grad_f>", "exec"), module)  # noqa: S102 -- generated code
    env = {"f": numpy_model(SCIPY_IN_A_LOOP)}
    rng = np.random.default_rng(3)
    args = [rng.standard_normal((4, 3)), rng.standard_normal(3), _spd(rng, 3)]
    value, (gX, gw, gA) = module["value_and_grad_f"](*args)
    assert np.isclose(value, env["f"](*args), rtol=1e-10)
    np.testing.assert_allclose(gX, central_gradient(env["f"], args, 0), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(gw, central_gradient(env["f"], args, 1), rtol=1e-5, atol=1e-6)
    expected = central_gradient(env["f"], args, 2)
    np.testing.assert_allclose(gA, (expected + expected.T) / 2, rtol=1e-5, atol=1e-6)


ABOVE_THE_LIMIT = """
def f(x: "3", A: "3,3", X: "12,3"):
    s = 0.0
    for i in range(12):
        x = np.tanh(A @ x) + 0.01 * i
        s = s + x @ X[i]
    for row in X:
        s = s + np.sum(np.sin(row * x))
    for k, row in enumerate(X):
        s = s + 0.1 * k * (row @ x)
    return s
"""


@pytest.mark.parametrize("checkpoint", [False, True])
def test_a_constant_trip_count_above_max_unroll_stays_a_loop(checkpoint):
    from matgradc.api import Options
    from matgradc.frontend import Limits

    source = HEADER + ABOVE_THE_LIMIT
    options = Options(limits=Limits(unroll=5), checkpoint=checkpoint)
    text = compile_model(source, "f", options=options).module
    assert "for i in range(12):" in text or "for i in steps[" in text
    assert "for i in" not in compile_model(source, "f").module  # within the limit: unrolled
    module: dict = {}
    exec(compile(text, "<grad_f>", "exec"), module)  # noqa: S102 -- generated code
    model = _model(ABOVE_THE_LIMIT)
    rng = np.random.default_rng(5)
    args = [rng.standard_normal(3), 0.5 * rng.standard_normal((3, 3)), rng.standard_normal((12, 3))]
    value, grads = module["value_and_grad_f"](*args)
    assert np.isclose(value, model(*args), rtol=1e-10)
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(model, args, k), rtol=1e-5, atol=1e-6)


def test_a_constant_loop_above_max_unroll_that_cannot_stay_a_loop_is_refused():
    from matgradc.api import Options
    from matgradc.frontend import Limits

    source = HEADER + (
        "def f(x: 'n'):\n    for i in range(8):\n        if i == 0:\n            x = x * 2.0\n"
        "        x = np.sin(x)\n    return np.sum(x)"
    )
    with pytest.raises(CompileError, match="would unroll to 8 copies") as e:
        compile_model(source, "f", options=Options(limits=Limits(unroll=5)))
    assert "--max-unroll" in str(e.value) and "cannot stay a loop either: line 8" in str(e.value)
    assert e.value.loc.line == 7  # the `for`
    compile_model(source, "f")  # within the limit it unrolls, the branch decided per copy


SPD_IN_A_LOOP = """
import itertools

import numpy as np


def f(X, A, w):
    s = 0.0
    for row in X:
        L = np.linalg.cholesky(A)
        s = s + np.sum(np.log(w)) * (row @ np.linalg.solve(L @ L.T, row)) + L[1, 0]
    return s
"""


def test_emitted_tests_draw_what_the_ops_inside_a_loop_body_need(tmp_path):
    """An input used only inside a run-time loop is drawn as its ops there need (spd under
    cholesky, positive under log), and the emitted test module passes."""
    import subprocess
    import sys

    from matgradc import frontend, testgen

    model = frontend.build(SPD_IN_A_LOOP, "f", "m.py")
    assert testgen.input_kinds(model) == ["general", "spd", "positive"]
    (tmp_path / "m.py").write_text(SPD_IN_A_LOOP)
    cmd = [sys.executable, "-m", "matgradc", str(tmp_path / "m.py"), "--fn", "f"]
    cmd += ["-o", str(tmp_path / "grad_f.py"), "--emit-test", str(tmp_path / "test_grad_f.py")]
    subprocess.run(cmd, check=True, capture_output=True)
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_loop_bodies_have_one_comment_above_each_run_of_lines():
    """As in straight-line code (codegen's Function.lines): a comment naming the model line
    above each run of statements from it, none at the end of a line."""
    text = compile_model(HEADER + KALMAN, "f", filename="m.py").module
    body = text.split("\ndef value_and_grad_f")[1].split("\ndef grad_f")[0]
    assert not [line for line in body.splitlines() if "  # " in line and line.strip()[0] != "#"]
    lines = [line.strip() for line in body.splitlines()]
    loop = lines.index("for t in range(y.shape[0]):")
    assert lines[loop - 1] == "# m.py:13"  # the `for` statement's line
    assert lines[loop + 1 : loop + 3] == ["y_t = y[t]", "# m.py:14"]  # the body's first line
    backward = lines.index("for t in reversed(range(y.shape[0])):")
    assert "# grad of m.py:13" in lines[:backward] and "# grad of m.py:16" in lines[backward:]
    # each model line's comment opens a run: never twice in a row
    comments = [line for line in lines if line.startswith("# ")]
    assert all(a != b for a, b in itertools.pairwise(comments))
