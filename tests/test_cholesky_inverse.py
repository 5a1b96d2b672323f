"""K⁻¹ through a Cholesky factor the model computes (issue 15): with L = cholesky(K) and K
symmetric by structure, cho_solve((L, True), b) (or np.linalg.solve(L.T, np.linalg.solve(L,
b))) is K⁻¹ b and Σ log diag L is ½ log det K; the gradient then flows through K⁻¹ (potri
from L) instead of through L (Murray's algorithm). Checked against the model as NumPy runs
it: values, finite-difference gradients, and the LinAlgError a K that is not positive
definite raises."""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
import pytest
from helpers import (
    against_numpy_test,
    central_gradient,
    model_source,
    numpy_model,
    spd,
    symmetric_gradient,
)
from matgradc.api import Options, compile_model
from matgradc.ir import reachable

N, D = 6, 2
HEADER = "import numpy as np\nfrom scipy.linalg import cho_solve, cholesky, solve_triangular\n\n\n"
NP_HEADER = "import numpy as np\n\n\n"


def _x(rng):
    return rng.standard_normal((N, D))


def _y(rng):
    return rng.standard_normal(N)


def _Y(rng):
    return rng.standard_normal((N, 3))


def _spd(rng):
    return spd(rng, N)


def _lower_spd_upper_noise(rng):
    """A matrix whose lower triangle is that of an spd matrix, its strict upper triangle
    unrelated: what cholesky reads is positive definite, the matrix is not symmetric."""
    return np.tril(spd(rng, N)) + np.triu(rng.standard_normal((N, N)), 1)


def _example_function(name: str, fn: str) -> str:
    """A function of examples/<name>.py, renamed f, for the tables below (its imports are
    HEADER's): the model the README shows and bench/realistic.py measures, not a copy."""
    text = (Path(__file__).resolve().parents[1] / "examples" / f"{name}.py").read_text()
    return text[text.index(f"def {fn}(") :].replace(f"def {fn}(", "def f(", 1)


# K = X Xᵀ + c I and scikit-learn's kernel (examples/sklearn_gp.py, its diagonal updated in
# place) are symmetric by structure
CASES = {
    "gpr": (
        _example_function("sklearn_gp", "gp_log_marginal_likelihood"),
        [lambda r: np.array([0.3, -0.2]), _x, _y, lambda r: 0.1],
    ),
    "cho_solve_alone": (
        """
        def f(X: "n,d", y: "n"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = cholesky(K, lower=True)
            return y @ cho_solve((L, True), y)
        """,
        [_x, _y],
    ),
    "cho_solve_matrix_rhs": (
        """
        def f(X: "n,d", Y: "n,p"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = cholesky(K, lower=True)
            return np.sum(cho_solve((L, True), Y) * Y)
        """,
        [_x, _Y],
    ),
    "log_diag_alone": (
        """
        def f(X: "n,d"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = cholesky(K, lower=True)
            return np.sum(np.log(np.diag(L)))
        """,
        [_x],
    ),
    "both": (
        """
        def f(X: "n,d", y: "n"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = cholesky(K, lower=True)
            return y @ cho_solve((L, True), y) + 2 * np.log(np.diag(L)).sum()
        """,
        [_x, _y],
    ),
    "upper_factor": (
        """
        def f(X: "n,d", y: "n"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            U = cholesky(K)
            return y @ cho_solve((U, False), y) + np.log(np.diag(U)).sum()
        """,
        [_x, _y],
    ),
    "factor_used_elsewhere": (
        """
        def f(X: "n,d", y: "n"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = cholesky(K, lower=True)
            v = solve_triangular(L, y, lower=True)
            a = cho_solve((L, True), y)
            return y @ a + np.log(np.diag(L)).sum() + v @ v + np.sum(L * L[:, ::-1])
        """,
        [_x, _y],
    ),
    "numpy_solves": (
        """
        def f(X: "n,d", Y: "n,p"):
            K = X @ X.T + 0.5 * np.eye(X.shape[0])
            L = np.linalg.cholesky(K)
            alpha = np.linalg.solve(L.T, np.linalg.solve(L, Y))
            return np.sum(alpha * Y) + 2.0 * np.sum(np.log(np.diag(L)))
        """,
        [_x, _Y],
    ),
    # not symmetric: cholesky reads the lower triangle only, so no rewrite (entrywise
    # gradient, zero on the strict upper triangle)
    "not_symmetric": (
        """
        def f(K: "n,n", y: "n"):
            L = cholesky(K, lower=True)
            return y @ cho_solve((L, True), y) + np.log(np.diag(L)).sum()
        """,
        [_lower_spd_upper_noise, _y],
    ),
    "not_symmetric_numpy_solves": (
        """
        def f(K: "n,n", y: "n"):
            L = np.linalg.cholesky(K)
            a = np.linalg.solve(L.T, np.linalg.solve(L, y))
            return y @ a + np.sum(np.log(np.diag(L)))
        """,
        [_lower_spd_upper_noise, _y],
    ),
}

test_gradient_matches_numpy_finite_differences = against_numpy_test(HEADER, CASES)


# K a parameter declared symmetric: the symmetric gradient, checked along E_ij + E_ji
PARAM_MODEL = """
def f(K: "{spec}", y: "n"):
    L = cholesky(K, lower=True)
    a = cho_solve((L, True), y)
    b = np.linalg.solve(L.T, np.linalg.solve(L, y))
    return y @ a - 0.5 * (a @ b) + np.log(np.diag(L)).sum()
"""


def _load(source: str, fn: str = "f", backend: str = "auto", hide_scipy: bool = False):
    text = compile_model(source, fn, options=Options(backend=backend)).module
    if hide_scipy:  # the guarded prelude's NumPy fallbacks
        assert "import scipy.linalg\n" not in text
        text = text.replace("    import scipy.linalg as _scipy_linalg", "    raise ImportError")
    module = types.ModuleType(f"grad_{fn}")
    exec(compile(text, f"<grad_{fn}>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    return text, module


@pytest.mark.parametrize("spec", ["spd(n,n)", "sym(n,n)", "n,n"])
def test_parameter_matrix(spec):
    source = model_source(HEADER, PARAM_MODEL.format(spec=spec))
    _, module = _load(source)
    f = numpy_model(source)
    rng = np.random.default_rng(1)
    args = [spd(rng, N), rng.standard_normal(N)]
    value, (gK, gy) = module.value_and_grad_f(*args)
    assert np.isclose(value, f(*args), rtol=1e-12)
    np.testing.assert_allclose(gy, central_gradient(f, args, 1), rtol=1e-6, atol=1e-8)
    expected = central_gradient(f, args, 0) if spec == "n,n" else symmetric_gradient(f, args, 0)
    np.testing.assert_allclose(gK, expected, rtol=1e-6, atol=1e-8)
    if spec == "n,n":  # entrywise: the model reads the lower triangle only
        assert np.all(np.triu(gK, 1) == 0.0)


def _ops(source: str, fn: str = "f", backend: str = "auto") -> list[str]:
    """The ops of the optimized gradient program."""
    c = compile_model(source, fn, options=Options(backend=backend))
    return [v.op for v in reachable(c.grad.grads)]


def test_gpr_backward_has_no_triangular_solve_of_a_matrix():
    """The gradient of scikit-learn's pattern: K⁻¹ from L by potri, cho_solve with L
    for the vectors, and nothing of Murray's algorithm (Φ, n×n triangular solves)."""
    source = model_source(HEADER, CASES["gpr"][0])
    c = compile_model(source, "f")
    values = reachable(c.grad.grads)
    ops = [v.op for v in values]
    assert "cho_inv" in ops and "cholesky" in ops
    assert "phi" not in ops
    for v in values:
        if v.op in ("solve_triangular", "tri_solve", "cho_solve", "solve", "lu_solve"):
            assert v.args[-1].rank == 1, (v.op, v.args[-1].shape)
    assert (
        c.module.count("np.linalg.cholesky(") == 2
    )  # one per function (grad_f calls value_and_grad_f)
    assert "cho_factor" not in c.module and "_sym_factor" not in c.module


def test_numpy_pattern_uses_the_factor_in_every_backend():
    source = model_source(NP_HEADER, CASES["numpy_solves"][0])
    auto = _ops(source)
    assert "auto_cho_inv" in auto and "auto_cho_solve" in auto and "phi" not in auto
    assert "cho_inv" in _ops(source, backend="scipy")
    numpy_ops = _ops(source, backend="numpy")
    assert "phi" not in numpy_ops and "cholesky_inv" in numpy_ops


def test_not_symmetric_is_not_rewritten():
    source = model_source(HEADER, CASES["not_symmetric"][0])
    ops = _ops(source)
    assert "phi" in ops and "cho_inv" not in ops and "cholesky_logdet" not in ops


# a K that is not positive definite: the model raises LinAlgError (cholesky fails), and so
# must every function of the generated module, in every backend
NOT_PD = {
    "gpr": (HEADER, CASES["gpr"][0], lambda r: [np.array([0.3, -0.2]), _x(r), _y(r), 0.1]),
    "cho_solve_alone": (HEADER, CASES["cho_solve_alone"][0], lambda r: [_x(r), _y(r)]),
    "log_diag_alone": (HEADER, CASES["log_diag_alone"][0], lambda r: [_x(r)]),
    "numpy_solves": (NP_HEADER, CASES["numpy_solves"][0], lambda r: [_x(r), _Y(r)]),
    "param_sym": (HEADER, PARAM_MODEL.format(spec="sym(n,n)"), lambda r: [_spd(r), _y(r)]),
}


def _not_pd(name: str, source: str) -> str:
    """The model with its K made indefinite (its diagonal shifted well below zero)."""
    if name == "param_sym":
        return source.replace(
            "L = cholesky(K, lower=True)", "L = cholesky(K - 50.0 * np.eye(K.shape[0]), lower=True)"
        )
    if name == "gpr":
        return source.replace("] += alpha", "] -= 3.0 + alpha")
    return source.replace("+ 0.5 * np.eye", "- 50.0 * np.eye")


@pytest.mark.parametrize("backend", ["auto", "numpy", "scipy", "auto-without-scipy"])
@pytest.mark.parametrize("name", sorted(NOT_PD))
def test_not_positive_definite_raises_as_the_model_does(name, backend):
    header, body, build = NOT_PD[name]
    source = _not_pd(name, model_source(header, body))
    assert source != model_source(header, body)
    args = build(np.random.default_rng(2))
    with pytest.raises(np.linalg.LinAlgError):
        numpy_model(source)(*args)
    hide = backend == "auto-without-scipy"
    if hide and header != NP_HEADER:
        pytest.skip("the model imports scipy.linalg itself")
    _, module = _load(source, backend="auto" if hide else backend, hide_scipy=hide)
    for fn in ("f", "value_and_grad_f", "grad_f"):
        with pytest.raises(np.linalg.LinAlgError):
            getattr(module, fn)(*args)


@pytest.mark.parametrize("backend", ["numpy", "scipy", "auto-without-scipy"])
@pytest.mark.parametrize("name", ["numpy_solves", "gpr", "log_diag_alone"])
def test_other_backends_match_numpy(name, backend):
    header = NP_HEADER if name == "numpy_solves" else HEADER
    hide = backend == "auto-without-scipy"
    if hide and header != NP_HEADER:
        pytest.skip("the model imports scipy.linalg itself")
    body, builders = CASES[name]
    source = model_source(header, body)
    text, module = _load(source, backend="auto" if hide else backend, hide_scipy=hide)
    if backend == "numpy" and header == NP_HEADER:
        assert "scipy" not in text
    f = numpy_model(source)
    args = [b(np.random.default_rng(3)) for b in builders]
    value, grads = module.value_and_grad_f(*args)
    assert np.isclose(value, f(*args), rtol=1e-10)
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", ["gpr", "numpy_solves", "upper_factor"])
def test_hessian_vector_product(name):
    """Forward mode over the reverse program goes through cholesky_inv and cho_solve too:
    hvp_f against central differences of the gradient (itself checked above against the
    model's finite differences)."""
    header = NP_HEADER if name == "numpy_solves" else HEADER
    body, builders = CASES[name]
    source = model_source(header, body)
    text = compile_model(source, "f", options=Options(hvp=True)).module
    module = types.ModuleType("grad_f")
    exec(compile(text, "<grad_f>", "exec"), module.__dict__)  # noqa: S102 -- generated code
    rng = np.random.default_rng(4)
    args = [b(rng) for b in builders]
    vectors = [rng.standard_normal(np.shape(a)) for a in args]
    hv = module.hvp_f(*args, *vectors)
    h = 1e-5
    plus = module.grad_f(*[a + h * v for a, v in zip(args, vectors)])
    minus = module.grad_f(*[a - h * v for a, v in zip(args, vectors)])
    for k in range(len(args)):
        fd = (plus[k] - minus[k]) / (2 * h)
        np.testing.assert_allclose(hv[k], fd, rtol=1e-5, atol=1e-6 * (1 + np.abs(fd).max()))
