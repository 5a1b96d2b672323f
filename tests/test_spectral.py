"""Spectral functions V diag(h(w)) Vᵀ (compiler/spectral.py): the pass that finds them, and
gradients at repeated eigenvalues checked against central finite differences of the model as
NumPy runs it, along symmetric directions (the functions are smooth there)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import central_gradient, evaluate, load, symmetric_gradient
from matgradc import autodiff, frontend
from matgradc.api import Options, compile_model
from matgradc.ir import reachable
from matgradc.rules.spectral import spectral_functions

N = 5


def _source(body: str) -> str:
    return "import numpy as np\n\n\n" + body + "\n"


def _u(seed=3, n=N):
    return np.random.default_rng(seed).standard_normal(n)


def _distinct(seed=4, n=N):
    a = np.random.default_rng(seed).standard_normal((n, n))
    return (a + a.T) / 2 + 3 * np.eye(n)  # positive eigenvalues, well apart


# Symmetric matrices with a repeated eigenvalue (I: all equal; I + u uᵀ: 1 repeated n − 1
# times) and one with distinct eigenvalues, all positive definite.
POINTS = {
    "identity": lambda: np.eye(N),
    "rank-one-update": lambda: np.eye(N) + np.outer(_u(), _u()),
    "distinct": _distinct,
}

MATRIX_FUNCTIONS = {
    # exp(A) three ways: V @ np.diag(h) @ V.T, (V * h[None, :]) @ V.T, V @ (h[:, None] * V.T)
    "expm-diag": "F = V @ np.diag(np.exp(w)) @ V.T",
    "expm-broadcast": "F = (V * np.exp(w)[None, :]) @ V.T",
    "expm-rows": "F = V @ (np.exp(w)[:, np.newaxis] * V.T)",
    # A⁻¹ = V diag(1/w) Vᵀ, and A^(1/2) A^(1/2) through U Uᵀ (h = sqrt(w)², a product of two)
    "inverse": "F = V @ np.diag(1 / w) @ V.T",
    "sqrt-gram": "U = V * np.sqrt(w)\n    F = U @ U.T",
    "log-scaled": "F = 2.0 * (V * np.log(w)) @ V.T",
}


def _eigh_model(params: str, body: str) -> str:
    """`f(PARAMS)` whose body starts with `w, V = np.linalg.eigh(A)`."""
    return _source(f"def f({params}):\n    w, V = np.linalg.eigh(A)\n    {body}")


def _matrix_function_model(line: str, declared: bool) -> str:
    ann = "A: 'sym(n,n)', B: 'n,n'" if declared else "A, B: 'n,n'"
    return _eigh_model(ann, f"{line}\n    return np.sum(F * B)")


@pytest.mark.parametrize("point", sorted(POINTS))
@pytest.mark.parametrize("name", sorted(MATRIX_FUNCTIONS))
def test_matrix_functions_at_repeated_eigenvalues(name, point):
    mod = load(_matrix_function_model(MATRIX_FUNCTIONS[name], declared=True), "f")
    A = POINTS[point]()
    B = np.random.default_rng(7).standard_normal((N, N))
    value, (gA, gB) = mod.value_and_grad_f(A, B)
    assert value == mod.f(A, B)
    fd = symmetric_gradient(mod.f, [A, B], 0)
    np.testing.assert_allclose(gA, fd, rtol=1e-6, atol=1e-7 * (1 + abs(value)))
    np.testing.assert_allclose(gB, central_gradient(mod.f, [A, B], 1), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("point", sorted(POINTS))
def test_undeclared_matrix_reads_the_lower_triangle(point):
    """An undeclared A: the entrywise gradient of NumPy's eigh, which reads the lower
    triangle, checked entry by entry."""
    mod = load(_matrix_function_model(MATRIX_FUNCTIONS["expm-diag"], declared=False), "f")
    A = POINTS[point]()
    B = np.random.default_rng(8).standard_normal((N, N))
    _, (gA, _) = mod.value_and_grad_f(A, B)
    np.testing.assert_allclose(gA, central_gradient(mod.f, [A, B], 0), rtol=1e-6, atol=1e-6)
    assert np.all(np.triu(gA, 1) == 0)


def test_the_inverse_has_the_inverse_gradient():
    """V diag(1/w) Vᵀ = A⁻¹, so the symmetric gradient of Σ A⁻¹ ∘ B is −sym(A⁻¹ B A⁻¹)
    (Cookbook eq. 59), an independent derivation, at a repeated eigenvalue."""
    mod = load(_matrix_function_model(MATRIX_FUNCTIONS["inverse"], declared=True), "f")
    A = POINTS["rank-one-update"]()
    B = np.random.default_rng(9).standard_normal((N, N))
    Ai = np.linalg.inv(A)
    expected = -Ai @ B.T @ Ai
    _, (gA, _) = mod.value_and_grad_f(A, B)
    np.testing.assert_allclose(gA, (expected + expected.T) / 2, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("point", sorted(POINTS))
def test_sum_of_a_function_of_the_eigenvalues(point):
    mod = load(
        _source(
            "def f(A: 'sym(n,n)'):\n    w = np.linalg.eigvalsh(A)\n    return np.sum(np.log(w))"
        ),
        "f",
    )
    A = POINTS[point]()
    _, (g,) = mod.value_and_grad_f(A)
    np.testing.assert_allclose(g, symmetric_gradient(mod.f, [A], 0), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(g, np.linalg.inv(A), rtol=1e-10, atol=1e-12)


# scipy.stats' _PSD (scipy/stats/_multivariate.py, commit 00192de8cc35), full rank: the
# pseudo-determinant and the Mahalanobis term through U = u diag(1/√s).
PSD = """
def psd_logpdf(x: 'm,n', mu: 'n', cov: 'sym(n,n)'):
    s, u = np.linalg.eigh(cov)
    s_pinv = 1 / s
    U = np.multiply(u, np.sqrt(s_pinv))
    log_pdet = np.sum(np.log(s))
    dev = x - mu
    maha = np.sum(np.square(dev @ U), axis=-1)
    return np.sum(-0.5 * (x.shape[1] * np.log(2 * np.pi) + log_pdet + maha))
"""


# the same, spelled exactly as scipy.stats does: scipy.linalg.eigh and np.dot
PSD_SCIPY = PSD.replace("np.linalg.eigh", "scipy.linalg.eigh").replace(
    "np.square(dev @ U)", "np.square(np.dot(dev, U))"
)


@pytest.mark.parametrize("spelling", ["numpy", "scipy"])
@pytest.mark.parametrize("point", sorted(POINTS))
def test_psd_log_density(point, spelling):
    from scipy.stats import multivariate_normal

    body = PSD if spelling == "numpy" else "import scipy.linalg\n" + PSD_SCIPY
    mod = load(_source(body), "psd_logpdf")
    rng = np.random.default_rng(11)
    cov = POINTS[point]()
    x, mu = rng.standard_normal((3, N)), rng.standard_normal(N)
    value, (gx, gmu, gcov) = mod.value_and_grad_psd_logpdf(x, mu, cov)
    np.testing.assert_allclose(value, np.sum(multivariate_normal.logpdf(x, mu, cov)), rtol=1e-12)
    f = mod.psd_logpdf
    np.testing.assert_allclose(gcov, symmetric_gradient(f, [x, mu, cov], 2), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gx, central_gradient(f, [x, mu, cov], 0), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gmu, central_gradient(f, [x, mu, cov], 1), rtol=1e-6, atol=1e-7)
    # the closed form: Σ⁻¹ (x − μ), and −½ Σ⁻¹ (per sample) + ½ Σ⁻¹ Σ dev devᵀ Σ⁻¹
    P = np.linalg.inv(cov)
    dev = x - mu
    np.testing.assert_allclose(gx, -dev @ P, rtol=1e-9, atol=1e-12)
    expected = -0.5 * len(x) * P + 0.5 * P @ dev.T @ dev @ P
    np.testing.assert_allclose(gcov, expected, rtol=1e-9, atol=1e-12)


def _without_pass(monkeypatch):
    monkeypatch.setattr(frontend, "spectral_functions", lambda g, roots: (roots, False))


@pytest.mark.parametrize(
    "source, fn",
    [(_source(PSD), "psd_logpdf")]
    + [(_matrix_function_model(line, True), "f") for line in MATRIX_FUNCTIONS.values()],
)
def test_distinct_eigenvalues_agree_with_the_eigenvector_derivative(monkeypatch, source, fn):
    """Where the eigenvalues are distinct, the old path (eigvecsh's derivative) and the
    Daleckii–Krein form give the same gradient."""
    new = load(source, fn)
    _without_pass(monkeypatch)
    old = load(source, fn)
    rng = np.random.default_rng(12)
    A = _distinct()
    args = [rng.standard_normal((3, N)), rng.standard_normal(N), A] if fn != "f" else [A, A]
    g_new = getattr(new, f"grad_{fn}")(*args)
    g_old = getattr(old, f"grad_{fn}")(*args)
    for a, b in zip(g_new, g_old):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11)
    tied = args[:-1] + [np.eye(N)] if fn != "f" else [np.eye(N), A]
    with pytest.raises(FloatingPointError, match="repeated eigenvalues"):
        getattr(old, f"grad_{fn}")(*tied)  # the old path: no gradient at a tie
    assert all(np.all(np.isfinite(g)) for g in getattr(new, f"grad_{fn}")(*tied))


IMPLICIT = {
    # Y = X U read through Y Yᵀ, Σ Y² and y·y; Z = Uᵀ X through Zᵀ Z and column sums of Z²
    "gram": "Y = X @ U\n    return np.sum(Y @ Y.T * C)",
    "sum-squares": "Y = X @ U\n    return np.sum(Y ** 2)",
    "row-sums": "Y = X @ U\n    return np.sum(np.sum(Y * Y, axis=1) * C[:, 0])",
    "vector": "y = X[0] @ U\n    return y @ y",
    "left-gram": "Z = U.T @ X.T\n    return np.sum(Z.T @ Z * C)",
    "column-sums": "Z = U.T @ X.T\n    return np.sum(np.sum(Z ** 2, axis=0) * C[:, 1])",
}


@pytest.mark.parametrize("name", sorted(IMPLICIT))
def test_implicit_squares_of_scaled_eigenvectors(name):
    body = f"U = V * np.exp(-w / 2)\n    {IMPLICIT[name]}"
    src = _eigh_model("A: 'sym(n,n)', X: 'm,n', C: 'm,m'", body)
    model = frontend.build(src, "f")
    values = reachable([model.out])
    # V is read by the spectral op alone (and by nothing whose derivative needs dV)
    readers = {v.op for v in values for a in v.args if a.op == "eigvecsh"}
    assert readers == {"spectral"}
    mod = load(src, "f")
    rng = np.random.default_rng(13)
    A = POINTS["rank-one-update"]()
    X, C = rng.standard_normal((N - 1, N)), rng.standard_normal((N - 1, N - 1))
    _, (gA, gX, gC) = mod.value_and_grad_f(A, X, C)
    f = mod.f
    np.testing.assert_allclose(gA, symmetric_gradient(f, [A, X, C], 0), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gX, central_gradient(f, [A, X, C], 1), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gC, central_gradient(f, [A, X, C], 2), rtol=1e-6, atol=1e-7)


ILL_DEFINED = {
    # a column of V itself
    "column": "return np.sum(V[:, 0] ** 4) + np.sum((V * w) @ V.T * B)",
    # Y = X U read other than through its squares: Σ Y depends on the basis
    "linear-use": "U = V * np.sqrt(w)\n    return np.sum(B @ U)",
    # Yᵀ Y = Uᵀ Bᵀ B U = diag(c) Vᵀ BᵀB V diag(c): depends on the basis too
    "wrong-gram": "Y = B @ (V * w)\n    return np.sum((Y.T @ Y) * B)",
    # h of an index: c varies with the position, not only with the eigenvalue
    "not-elementwise": "return np.sum((V * B[0]) @ V.T * B)",
}


@pytest.mark.parametrize("name", sorted(ILL_DEFINED))
def test_functions_of_ill_defined_eigenvectors_still_raise(name):
    """Where the function really depends on the eigenbasis, the clear error stays."""
    src = _eigh_model("A: 'sym(n,n)', B: 'n,n'", ILL_DEFINED[name])
    mod = load(src, "f")
    B = np.random.default_rng(14).standard_normal((N, N))
    assert np.isfinite(mod.f(np.eye(N), B))
    with pytest.raises(FloatingPointError, match="repeated eigenvalues"):
        mod.value_and_grad_f(POINTS["rank-one-update"](), B)
    _, (gA, _) = mod.value_and_grad_f(_distinct(), B)  # distinct: fine, and right
    np.testing.assert_allclose(gA, symmetric_gradient(mod.f, [_distinct(), B], 0), rtol=1e-5, atol=1e-6)


def _stable_divided_difference(name, w):
    """Reference Löwner matrices without cancellation: e^{w_j} expm1(δ)/δ,
    log1p(δ/w_j)/δ and −1/(w_i w_j), δ = w_i − w_j (the derivative where δ = 0)."""
    d = np.subtract.outer(w, w)
    wj = w[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        if name == "exp":
            return np.where(d == 0, np.exp(wj), np.exp(wj) * np.expm1(d) / d)
        if name == "log":
            return np.where(d == 0, 1 / wj, np.log1p(d / wj) / d)
    return -1 / np.multiply.outer(w, w)


@pytest.mark.parametrize(
    "name, spelled", [("exp", "np.exp(w)"), ("log", "np.log(w)"), ("inv", "1 / w")]
)
def test_loewner_matrix_near_and_at_ties(name, spelled):
    """H_ij = (h_i − h_j)/(w_i − w_j), h′ on ties, against a stable closed form, for gaps
    from 0 through 1e-14 … 1e-2 (relative): accurate to 1e-9 on both sides of the tolerance."""
    w0 = np.array([1.0, 1.0, 1 + 1e-14, 1 + 1e-9, 1 + 1e-6, 1 + 1e-4, 1 + 1e-2, 2.0, 1e-3])
    src = _eigh_model("A: 'sym(n,n)', B: 'n,n'", f"return np.sum((V * {spelled}) @ V.T * B)")
    model = frontend.build(src, "f")
    grad = autodiff.reverse(model.graph, model.out, model.params)
    (H,) = [v for v in reachable(grad.grads) if v.op == "loewner"]
    A = np.diag(w0)
    (got,) = evaluate(model.graph, model.params, [H], [A, np.eye(len(w0))])
    exact = _stable_divided_difference(name, np.linalg.eigvalsh(A))
    np.testing.assert_allclose(got, exact, rtol=1e-9)


def test_pass_exact_effect_idempotent_and_same_values():
    """The fx-style trio: the rewrite (one spectral op, no eigenvector product left), a second
    run changes nothing, and the values are those of the model."""
    src = _source(PSD)
    model = frontend.build(src, "psd_logpdf")
    ops = [v.op for v in reachable([model.out])]
    assert ops.count("spectral") == 1 and "matmul" in ops
    assert not any(v.op == "mul" and v.args[0].op == "eigvecsh" for v in reachable([model.out]))
    roots, changed = spectral_functions(model.graph, [model.out])
    assert not changed and roots == [model.out]

    # the same values as the unrewritten program, on the same inputs
    rng = np.random.default_rng(15)
    args = [rng.standard_normal((3, N)), rng.standard_normal(N), POINTS["distinct"]()]
    import matgradc.frontend as fe

    original = fe.spectral_functions
    try:
        fe.spectral_functions = lambda g, roots: (roots, False)
        plain = frontend.build(src, "psd_logpdf")
    finally:
        fe.spectral_functions = original
    assert "spectral" not in {v.op for v in reachable([plain.out])}
    (a,) = evaluate(model.graph, model.params, [model.out], args)
    (b,) = evaluate(plain.graph, plain.params, [plain.out], args)
    np.testing.assert_allclose(a, b, rtol=1e-13)


def test_explicit_rewrite_keeps_the_forward_value_bit_for_bit():
    src = _matrix_function_model(MATRIX_FUNCTIONS["expm-diag"], declared=True)
    mod = load(src, "f")
    A, B = POINTS["distinct"](), np.random.default_rng(16).standard_normal((N, N))
    w, V = np.linalg.eigh(A)
    assert mod.f(A, B) == np.sum(V @ np.diag(np.exp(w)) @ V.T * B)


def test_jvp_at_a_repeated_eigenvalue():
    src = _matrix_function_model(MATRIX_FUNCTIONS["expm-broadcast"], declared=True)
    text = compile_model(src, "f", options=Options(jvp=True)).module
    env: dict = {}
    exec(compile(text, "<jvp>", "exec"), env)  # noqa: S102 -- generated code
    A, B = POINTS["rank-one-update"](), np.random.default_rng(17).standard_normal((N, N))
    dA = np.random.default_rng(18).standard_normal((N, N))
    dA = dA + dA.T
    _, jv = env["jvp_f"](A, B, dA, np.zeros_like(B))
    fd = (env["f"](A + 1e-6 * dA, B) - env["f"](A - 1e-6 * dA, B)) / 2e-6
    np.testing.assert_allclose(jv, fd, rtol=1e-6)


@pytest.mark.parametrize("name", ["expm-diag", "inverse", "sqrt-gram"])
def test_hessian_vector_products(name):
    """Forward mode over the reverse program, through the Löwner matrix's own derivative:
    against central differences of the gradient where the eigenvalues are distinct; at a
    repeated eigenvalue the second order needs dV, so the clear error stays."""
    src = _matrix_function_model(MATRIX_FUNCTIONS[name], declared=True)
    text = compile_model(src, "f", options=Options(hvp=True)).module
    env: dict = {}
    exec(compile(text, "<hvp>", "exec"), env)  # noqa: S102 -- generated code
    rng = np.random.default_rng(19)
    A, B = _distinct(), rng.standard_normal((N, N))
    dA, dB = rng.standard_normal((N, N)), rng.standard_normal((N, N))
    dA = dA + dA.T
    hA, hB = env["hvp_f"](A, B, dA, dB)
    plus, minus = env["grad_f"](A + 1e-6 * dA, B + 1e-6 * dB), env["grad_f"](
        A - 1e-6 * dA, B - 1e-6 * dB
    )
    np.testing.assert_allclose(hA, (plus[0] - minus[0]) / 2e-6, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(hB, (plus[1] - minus[1]) / 2e-6, rtol=1e-6, atol=1e-7)
    with pytest.raises(FloatingPointError, match="repeated eigenvalues"):
        env["hvp_f"](POINTS["rank-one-update"](), B, dA, dB)


def test_explain_names_the_loewner_matrix():
    from matgradc.api import emit_explain

    text = emit_explain(compile_model(_source(PSD), "psd_logpdf"))
    assert "loewner(s, " in text and "scatter(s" not in text
