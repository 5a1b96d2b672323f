"""Control flow (issue 12): keyword defaults, folded constants, augmented assignment,
compile-time and run-time branches, raise/assert. Every gradient is checked against central
finite differences of the model as NumPy runs it (the test runs the model; matgradc never)."""

from __future__ import annotations

import inspect
import textwrap
import types

import numpy as np
import pytest
from helpers import central, central_gradient, second_central, spd
from matgradc.api import Options, compile_model, emit_explain, emit_ir
from matgradc.diagnostics import CompileError

RNG = np.random.default_rng(12)


def source_of(body: str) -> str:
    return "import math\nimport numpy as np\n\n\n" + textwrap.dedent(body).strip() + "\n"


def run_model(source: str, fn: str):
    """The model itself, run by NumPy: the reference for finite differences."""
    namespace: dict = {}
    exec(compile(source, "<model>", "exec"), namespace)  # noqa: S102 -- this test's model
    return namespace[fn]


def generated(source: str, fn: str, wrt=None, **options) -> types.ModuleType:
    text = compile_model(source, fn, wrt, options=Options(**options)).module
    module = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    module.__text__ = text
    return module


def check_gradient(source: str, fn: str, args: list, wrt=None, kwargs=None):
    """value and every gradient of the generated module against the model run by NumPy."""
    kwargs = kwargs or {}
    model = run_model(source, fn)
    module = generated(source, fn, wrt)
    value, grads = getattr(module, f"value_and_grad_{fn}")(*args, **kwargs)
    np.testing.assert_allclose(value, model(*args, **kwargs), rtol=1e-12)
    np.testing.assert_allclose(getattr(module, fn)(*args, **kwargs), value, rtol=1e-12)
    names = list(inspect.signature(model).parameters)
    wrt = wrt or [n for n in names[: len(args)]]
    for name, grad in zip(wrt, grads):
        if name in kwargs:
            k = list(kwargs).index(name)

            def f(x, k=k):
                kw = dict(kwargs)
                kw[list(kwargs)[k]] = x
                return model(*args, **kw)

            expected = central_gradient(f, [kwargs[name]], 0)
        else:
            expected = central_gradient(lambda *a: model(*a, **kwargs), args, names.index(name))
        np.testing.assert_allclose(grad, expected, rtol=1e-6, atol=1e-7)
    return module


def compile_error(source: str, fn: str = "f", wrt=None) -> CompileError:
    with pytest.raises(CompileError) as e:
        compile_model(source, fn, wrt)
    assert e.value.hint or e.value.loc is not None
    return e.value


# -- 1. keyword defaults and keyword-only parameters ---------------------------------------
DEFAULTS = source_of("""
    EPS = 1e-3

    def ridge(w: "d", X: "m,d", y: "m", alpha=1.0, *, beta=2 * EPS, fit=True):
        r = X @ w - y
        loss = 0.5 * np.sum(r * r) + alpha * np.sum(w * w) + beta * np.sum(w)
        if fit:
            loss = loss + beta
        return loss
    """)


def test_defaults_keep_the_signature_and_are_constants_unless_named():
    module = generated(DEFAULTS, "ridge")
    model = run_model(DEFAULTS, "ridge")
    def plain(f):  # names, kinds and defaults (the generated module has no annotations)
        return [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]

    for fn in ("ridge", "value_and_grad_ridge", "grad_ridge"):
        assert plain(getattr(module, fn)) == plain(model)
    w, X, y = RNG.standard_normal(3), RNG.standard_normal((5, 3)), RNG.standard_normal(5)
    _, grads = module.value_and_grad_ridge(w, X, y)
    assert len(grads) == 3  # w, X, y: alpha and beta have defaults, fit is an option
    check_gradient(DEFAULTS, "ridge", [w, X, y])
    check_gradient(DEFAULTS, "ridge", [w, X, y, 0.3], kwargs={"beta": 0.7, "fit": False})


def test_a_default_named_in_wrt_is_differentiated():
    w, X, y = RNG.standard_normal(3), RNG.standard_normal((5, 3)), RNG.standard_normal(5)
    check_gradient(DEFAULTS, "ridge", [w, X, y, 0.3], wrt=["w", "alpha"])
    check_gradient(DEFAULTS, "ridge", [w, X, y], wrt=["beta"], kwargs={"beta": 0.4})


def test_a_flag_has_no_gradient():
    e = compile_error(DEFAULTS, "ridge", wrt=["fit"])
    assert "True/False option" in e.message


def test_defaults_must_be_constants():
    e = compile_error(source_of("def f(x, a=np.ones(3)):\n    return np.sum(x) * a"))
    assert "default of `a` must be a number" in e.message
    e = compile_error(source_of("def f(x: 'n', a: 'n' = 1.0):\n    return np.sum(x * a)"))
    assert "the parameter a scalar" in e.message


def test_helpers_take_defaults_and_keywords():
    src = source_of("""
        def scaled(x, c=2.0, *, shift=0.0):
            return c * np.sum(x * x) + shift

        def f(x):
            return scaled(x) + scaled(x, 3.0, shift=1.0) + scaled(x, c=0.5)
        """)
    check_gradient(src, "f", [RNG.standard_normal(4)])


def test_extras_take_tangents_by_keyword_after_defaults():
    src = source_of("""
        def f(x, a=2.0):
            return a * np.sum(x ** 3)
        """)
    module = generated(src, "f", jvp=True, hvp=True, hessian=True)
    x = RNG.standard_normal(3)
    d = RNG.standard_normal(3)
    _, dvalue = module.jvp_f(x, dx=d)
    np.testing.assert_allclose(dvalue, np.sum(6.0 * x * x * d), rtol=1e-12)
    np.testing.assert_allclose(module.hessian_f(x, 3.0), np.diag(18.0 * x), rtol=1e-12)


# -- 2. constants and augmented assignment ---------------------------------------------------
def test_module_constants_are_folded_at_compile_time():
    src = source_of("""
        from math import log as mlog, pi

        _LOG_2PI = np.log(2 * np.pi)
        HALF = 1.0 / 2
        K = 2 * 3
        TWO_LOG = 2 * _LOG_2PI

        def f(x):
            return HALF * np.sum(x * x) + _LOG_2PI * K + math.log(2) + mlog(pi) + math.pi + TWO_LOG
        """)
    module = check_gradient(src, "f", [RNG.standard_normal(3)])
    assert "math" not in module.__text__.split('"""')[-1]  # folded: the module imports numpy only
    assert "1.8378770664093453" in module.__text__  # np.log(2 * np.pi), folded


def test_a_constant_that_cannot_be_evaluated_is_an_error_where_used():
    src = source_of("BAD = math.log(0)\n\ndef f(x):\n    return BAD * np.sum(x)")
    assert "cannot be evaluated" in compile_error(src).message
    src = source_of("def f(x):\n    return math.log(np.sum(x))")
    assert "not a compile-time constant" in compile_error(src).message


def test_augmented_assignment():
    src = source_of("""
        def f(x, A):
            y = np.sum(x)
            y += np.sum(A @ x)
            y -= 0.5 * np.sum(x * x)
            y *= 3.0
            y /= 1.0 + np.sum(A * A)
            B = A @ A
            B += A.T
            B -= 2.0 * A
            return y + np.sum(B * B)
        """)
    check_gradient(src, "f", [RNG.standard_normal(3), RNG.standard_normal((3, 3))])
    for body in ("B = A\n    B += A.T", "B = A @ A\n    C = B\n    B *= 2.0", "B = (A @ A).T\n    B /= 2.0"):
        src = source_of(f"def f(A):\n    {body}\n    return np.sum(B)")
        assert "update in place an array shared" in compile_error(src).message
    src = source_of("def f(x):\n    y = np.sum(x)\n    y //= 2\n    return y")
    assert "FloorDiv" in compile_error(src).message


# -- 3. compile-time decisions ---------------------------------------------------------------
def test_conditions_on_compile_time_facts_are_decided_while_compiling():
    src = source_of("""
        DEBUG = False
        ORDER = 2

        def f(X: "n,n", v: "3"):
            if X.shape[0] == X.shape[1] and not DEBUG:
                y = np.trace(X)
            else:
                raise ValueError("X must be square")
            if v.shape[0] > 2 or DEBUG:
                y = y + np.sum(v)
            z = np.sum(X * X) if ORDER == 2 else np.sum(X)
            assert ORDER >= 1, "order"
            return y + z
        """)
    module = check_gradient(src, "f", [RNG.standard_normal((3, 3)), RNG.standard_normal(3)])
    body = module.__text__.split("def f(")[1]
    assert "if " not in body and "raise" not in body


# -- 4. run-time branches --------------------------------------------------------------------
FAST_LOGDET = source_of("""
    def fast_logdet(A):
        sign, ld = np.linalg.slogdet(A)
        if not sign > 0:
            return -np.inf
        return ld
    """)


def test_guarded_log_det_takes_each_branch():
    module = check_gradient(FAST_LOGDET, "fast_logdet", [spd(RNG, 3)])
    A = -spd(RNG, 3)  # det < 0: the guard returns -inf, whose gradient is zero
    value, (g,) = module.value_and_grad_fast_logdet(A)
    assert value == -np.inf and np.all(g == 0)
    assert "if not sign > 0:" in module.__text__
    # once in each of fast_logdet and value_and_grad, both outputs at once
    assert module.__text__.count("sign, ld = np.linalg.slogdet(A)") == 2


PIECEWISE = source_of("""
    def huber(r: "n", delta):
        a = np.sum(r * r)
        if a <= delta * delta:
            return 0.5 * a
        elif a < 100.0:
            s = np.sqrt(a)
            return delta * (s - 0.5 * delta)
        else:
            raise ValueError("residual too large")
    """)


@pytest.mark.parametrize("scale", [0.1, 1.0])
def test_piecewise_objective_gradient_is_the_branch_taken(scale):
    r = scale * np.array([0.3, -0.4, 0.2])
    check_gradient(PIECEWISE, "huber", [r, 0.5])


def test_raise_is_kept_in_value_and_gradient_functions():
    module = generated(PIECEWISE, "huber")
    r = np.full(3, 10.0)
    for fn in ("huber", "value_and_grad_huber", "grad_huber"):
        with pytest.raises(ValueError, match="residual too large"):
            getattr(module, fn)(r, 0.5)


def test_assert_on_data_is_kept():
    src = source_of("""
        def f(x, c):
            assert c > 0, "c must be positive"
            return c * np.sum(x * x)
        """)
    module = check_gradient(src, "f", [RNG.standard_normal(3), 2.0])
    with pytest.raises(AssertionError, match="c must be positive"):
        module.grad_f(np.ones(3), -1.0)


def test_conditional_expressions_and_short_circuit():
    src = source_of("""
        def f(x, c):
            s = np.sum(x)
            y = s * s if s > 0 and c > 0 else -s
            z = np.sum(x * x) if 0 < c < 1 or s < -1 else c * s
            return y + z + (s > 0) * s
        """)
    for x, c in [([1.0, 2.0], 0.5), ([1.0, 2.0], -0.5), ([-1.0, -2.0], 2.0), ([-0.1, 0.2], 2.0)]:
        check_gradient(src, "f", [np.array(x), c])


def test_early_return_in_a_helper_and_branches_in_an_unrolled_loop():
    src = source_of("""
        def relu(s):
            if s > 0:
                return s
            return 0.1 * s

        def f(x: "3"):
            total = 0.0
            for i in range(3):
                if x[i] > 0.5:
                    total = total + x[i] * x[i]
            return total + relu(np.sum(x))
        """)
    for x in ([1.0, 0.2, 0.9], [-1.0, 0.7, -0.9], [0.1, 0.2, 0.3]):
        check_gradient(src, "f", [np.array(x)])


def test_branch_on_an_int_parameter_stays_a_run_time_branch():
    src = source_of("""
        def f(x, k: int):
            if k == 1:
                return np.sum(x)
            return k * np.sum(x * x)
        """)
    module = check_gradient(src, "f", [RNG.standard_normal(3), 1], wrt=["x"])
    np.testing.assert_allclose(module.grad_f(np.ones(3), 3), 6.0 * np.ones(3))


def test_forward_mode_hvp_and_taylor_through_branches():
    src = source_of("""
        def f(x, c):
            s = np.sum(x * x)
            if s > c:
                return s * s * c
            return np.sum(np.exp(x)) * c
        """)
    module = generated(src, "f", jvp=True, hvp=True, taylor=2)
    model = run_model(src, "f")
    for x in (np.array([1.0, 2.0]), np.array([0.1, -0.2])):
        c = 1.5
        dx, dc = RNG.standard_normal(2), 0.3

        def along(t, x=x, c=c, dx=dx, dc=dc):
            return model(x + t * dx, c + t * dc)

        def grad_along(t, x=x, c=c, dx=dx, dc=dc):
            return module.grad_f(x + t * dx, c + t * dc)

        fd = central(along, 0.0, 1.0, h=1e-5)
        np.testing.assert_allclose(module.jvp_f(x, c, dx, dc)[1], fd, rtol=1e-6)
        for i, a in enumerate(module.hvp_f(x, c, dx, dc)):
            fd = central(lambda t, i=i: grad_along(t)[i], 0.0, 1.0, h=1e-5)
            np.testing.assert_allclose(a, fd, rtol=1e-5, atol=1e-6)
        second = second_central(along, 0.0, 1.0, h=1e-5)
        coefficients = module.taylor_f(x, c, dx, dc)
        np.testing.assert_allclose(coefficients[2], second / 2, rtol=1e-3)


def test_emit_ir_and_explain_show_every_path():
    compiled = compile_model(PIECEWISE, "huber")
    text = emit_ir(compiled)
    assert "cond1 = " in text and "# path: cond1" in text and "# path: not cond1 and not cond2" in text
    assert "raise ValueError('residual too large')" in text
    explained = emit_explain(compile_model(PIECEWISE, "huber"))
    assert "np.sqrt" in explained and "0.5 * a" in explained


# -- errors (of branches, and of the loops of section 5) ---------------------------------------
@pytest.mark.parametrize(
    "body, fragment",
    [
        ("def f(x: 'n'):\n    if x > 0:\n        return np.sum(x)\n    return 0.0", "must be a scalar"),
        ("def f(x):\n    raise ValueError('no')", "raises on every path"),
        ("def f(x):\n    if np.sum(x) > 0:\n        raise KeyError('k')\n    return np.sum(x)", "built-in exception"),
        ("def f(x):\n    if np.sum(x) > 0:\n        raise ValueError(f'{x}')\n    return np.sum(x)", "string literal"),
        ("def f(x):\n    y = np.sum(x) > 0 and np.sum(x) < 1\n    return np.sum(x)", "`and`/`or` outside"),
        ("def f(x):\n    y = 0 < np.sum(x) < 1\n    return y", "chained comparison"),
        ("def f(x):\n    if np.sum(x) in (1, 2):\n        return 1.0\n    return np.sum(x)", "comparison `In`"),
        ("def f(x):\n    if np.sum(x) > 0:\n        return np.sum(x)\n        y = 1\n    return np.sum(x)", "last statement of its block"),
        ("def f(x):\n    if np.sum(x) > 0:\n        y = 1.0\n    else:\n        y = 2.0", "must end with `return"),
        ("def g(x):\n    if np.sum(x) > 0:\n        return g(x)\n    return np.sum(x)\n\n\ndef f(x):\n    return g(x)", "recursive helper"),
        ("def f(x):\n    for i in range(2):\n        if np.sum(x) > i:\n            return 1.0\n    return np.sum(x)", "`return` inside a loop"),
        # loops (section 5)
        ("def f(x, c):\n    s = 0.0\n    for t in range(c):\n        s = s + np.sum(x)\n    return s", "depends on a value being differentiated"),
        ("def f(x):\n    k = 0\n    while k < 2000:\n        k += 1\n    return np.sum(x)", "more than 1000 iterations"),
        ("def f(x):\n    for i in range(3):\n        pass\n    else:\n        pass\n    return np.sum(x)", "`for ... else`"),
        # run-time loops (tests/test_loops.py): what they do not take
        ("def f(X):\n    s = 0.0\n    for row in X:\n        for r in X:\n            s = s + np.sum(row * r)\n    return s", "inside another one"),
        ("def f(X):\n    s = 0.0\n    for row in X:\n        if np.sum(row) > 0:\n            s = s + 1.0\n    return s", "inside a loop with a run-time trip count"),
    ],
)
def test_control_flow_errors(body, fragment):
    e = compile_error(source_of(body))
    assert fragment in e.message, e.message


def test_too_many_paths_is_an_error():
    body = "def f(x: '8'):\n    y = 0.0\n" + "".join(
        f"    if x[{i}] > 0:\n        y = y + x[{i}]\n" for i in range(8)
    ) + "    return y"
    e = compile_error(source_of(body))
    assert "more than 64 paths" in e.message


# -- 5. loops ----------------------------------------------------------------------------------
def test_loops_with_trip_counts_known_while_compiling_are_unrolled():
    src = source_of("""
        def filt(Y: "4,2", A: "2,2", q):
            x = Y[0] * 0.0
            total = 0.0
            for t, y in enumerate(Y):
                x = A @ x + y
                total = total + q * np.sum(x * x) + t
            k = 0
            while k < 3:
                total = total + np.sum(A * A)
                k += 1
            for a, b in zip(Y, Y[1:]):
                total = total + a @ b
            for i in range(Y.shape[0]):
                total = total + Y[i] @ Y[i]
            return total
        """)
    module = check_gradient(
        src, "filt", [RNG.standard_normal((4, 2)), 0.5 * RNG.standard_normal((2, 2)), 0.7]
    )
    assert "for " not in module.__text__.split('"""')[-1] and "while" not in module.__text__


def _guarded(x, c=1.0):
    if np.sum(x) > 0:
        return c * np.sum(x * x)
    return -np.sum(x)


def test_grad_of_a_function_object_with_branches_and_defaults():
    import matgradc

    grad = matgradc.grad(_guarded)
    assert str(inspect.signature(grad)) == str(inspect.signature(_guarded))
    for x in (np.array([1.0, 2.0]), np.array([-1.0, -2.0])):
        np.testing.assert_allclose(grad(x), central_gradient(_guarded, [x], 0), rtol=1e-6)
        np.testing.assert_allclose(
            grad(x, c=3.0), central_gradient(lambda y: _guarded(y, 3.0), [x], 0), rtol=1e-6
        )


@pytest.mark.parametrize("norm", [0.1, 1.0, 8.0])  # each branch of the example
def test_the_piecewise_example_on_each_branch(norm):
    from pathlib import Path

    src = (Path(__file__).resolve().parent.parent / "examples" / "piecewise.py").read_text()
    w, X = RNG.standard_normal(3), RNG.standard_normal((5, 3))
    u = RNG.standard_normal(5)
    y = X @ w - norm * u / np.linalg.norm(u)  # the residual norm is `norm`
    check_gradient(src, "robust_fit", [w, X, y])  # delta = 0.5: branches at 0.5 and 5
    check_gradient(src, "robust_fit", [w, X, y, 0.2], wrt=["w", "delta"])  # 0.2 and 2
