"""Eigenproblems at scale (issue 14): generalized eigh(A, B), partial spectra (eigsh, eigs),
eigenvector functions through the adjoint solve, sparse constants. Every gradient is checked
against central finite differences of the model as NumPy/SciPy runs it."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
import scipy.linalg
import scipy.sparse
import scipy.sparse.linalg
from helpers import directional, evaluate, load
from matgradc.api import compile_model
from matgradc.build import Builder
from matgradc.diagnostics import CompileError
from matgradc.forms import Columns, Rayleigh, Resolvent, SparseDiag

HEADER = (
    "import numpy as np\nimport scipy.linalg\nimport scipy.sparse\nimport scipy.sparse.linalg\n\n"
)


def _model(body: str) -> tuple[str, dict]:
    source = HEADER + textwrap.dedent(body)
    env: dict = {}
    exec(compile(source, "<model>", "exec"), env)  # noqa: S102 -- the test's own model
    return source, env


def _sym(rng, n):
    a = rng.standard_normal((n, n))
    return (a + a.T) / 2


def _spd(rng, n):
    a = rng.standard_normal((n, n))
    return a @ a.T / n + np.eye(n)


def _check(source, env, fn, args, structs, rtol=1e-5, atol=1e-7, wrt=None):
    """The generated gradient against central differences of the model: every entry for a
    general parameter, E_ij + E_ji for a symmetric one (which gets the symmetric gradient)."""
    module = load(source, fn, wrt)
    f = env[fn]
    value, grads = getattr(module, f"value_and_grad_{fn}")(*args)
    assert np.isclose(value, f(*args), rtol=1e-8, atol=1e-10)
    assert len(grads) == len(structs)
    for (k, struct), g in zip(structs, grads):
        g = np.asarray(g)
        assert g.shape == np.shape(args[k])
        for idx in np.ndindex(g.shape):
            if struct == "sym" and idx[0] > idx[1]:
                continue
            d = np.zeros(g.shape)
            d[idx] = 1.0
            if struct == "sym":
                d[idx[::-1]] = 1.0
            np.testing.assert_allclose(
                np.sum(g * d), directional(f, args, k, d), rtol=rtol, atol=atol, err_msg=f"{k} {idx}"
            )
    return module


# -- 1. generalized symmetric-definite eigh(A, B) ------------------------------------------
GEN = """
def values(A: "sym(n,n)", B: "spd(n,n)", c: "n"):
    w = scipy.linalg.eigvalsh(A, B)
    return c @ w


def vectors(A: "sym(n,n)", B: "spd(n,n)", C: "n,n"):
    w, V = scipy.linalg.eigh(A, B)
    v = V[:, -1]
    return np.sum(w * w) + v @ C @ v + np.sum(V[:, 0] ** 2)


def subset(A: "sym(n,n)", B: "spd(n,n)", C: "n,n"):
    w, V = scipy.linalg.eigh(A, B, subset_by_index=[1, 2])
    return np.sum(w * w) + np.sum(V * (C @ V))


def subset_values(A: "sym(n,n)", B: "spd(n,n)"):
    w = scipy.linalg.eigvalsh(A, B, subset_by_index=[0, 1])
    return w[0] * w[1]


def general_entries(A, B):
    w, V = scipy.linalg.eigh(A, B, subset_by_index=[2, 2])
    return w[0] + np.sum(V[:2, 0] ** 2)


def upper(A: "sym(n,n)", B: "spd(n,n)"):
    w, V = scipy.linalg.eigh(A, B, lower=False)
    return w[-1] + V[0, -1] ** 2


def standard_subset(A):
    w, V = scipy.linalg.eigh(A, subset_by_index=[0, 1])
    return np.sum(w) + V[0, 1] ** 2 + V[2, 0] * V[3, 0]
"""


@pytest.mark.parametrize("fn", ["values", "vectors", "subset", "subset_values", "upper"])
def test_generalized_eigh(fn):
    source, env = _model(GEN)
    rng = np.random.default_rng(3)
    n = 5
    A, B = _sym(rng, n), _spd(rng, n)
    third = {"values": rng.standard_normal(n), "vectors": rng.standard_normal((n, n))}
    third["subset"] = third["vectors"]
    args = [A, B] + ([third[fn]] if fn in third else [])
    structs = [(0, "sym"), (1, "sym")] + ([(2, "general")] if fn in third else [])
    _check(source, env, fn, args, structs)


def test_generalized_eigh_reads_the_lower_triangle():
    """Undeclared A and B: the entrywise gradient of what SciPy reads (the lower triangles),
    garbage above the diagonal included."""
    source, env = _model(GEN)
    rng = np.random.default_rng(4)
    n = 5
    A = _sym(rng, n) + np.triu(rng.standard_normal((n, n)), 1)
    B = _spd(rng, n) + np.triu(rng.standard_normal((n, n)), 1)
    module = _check(source, env, "general_entries", [A, B], [(0, "general"), (1, "general")])
    gA, gB = module.grad_general_entries(A, B)
    assert np.all(np.triu(gA, 1) == 0) and np.all(np.triu(gB, 1) == 0)


def test_standard_eigh_subset():
    source, env = _model(GEN)
    A = _sym(np.random.default_rng(5), 5)
    _check(source, env, "standard_subset", [A], [(0, "general")])
    text = compile_model(source, "standard_subset").module
    assert "import scipy.linalg\n" in text and "scipy.sparse" not in text


def test_generalized_eigenvectors_stay_b_orthonormal():
    """Vᵀ B V = I whatever A and B (SciPy's normalisation): the gradient of tr(Vᵀ B V), and of
    the same over a subset, is zero (the −½ diag(Vᵀ dB V) term at work), as FD says."""
    source, env = _model("""
def full(A: "sym(n,n)", B: "spd(n,n)"):
    w, V = scipy.linalg.eigh(A, B)
    return np.sum(V * (B @ V))


def part(A: "sym(n,n)", B: "spd(n,n)"):
    w, V = scipy.linalg.eigh(A, B, subset_by_index=[1, 2])
    return np.sum(V * (B @ V))
""")
    rng = np.random.default_rng(6)
    A, B = _sym(rng, 5), _spd(rng, 5)
    for fn in ("full", "part"):
        module = _check(source, env, fn, [A, B], [(0, "sym"), (1, "sym")])
        for g in getattr(module, f"grad_{fn}")(A, B):
            np.testing.assert_allclose(g, 0.0, atol=1e-8)


# -- 2. partial spectra: eigsh and eigs ----------------------------------------------------
KRYLOV = """
def top_outer(p: "n"):
    A = np.outer(p, p)
    w, V = scipy.sparse.linalg.eigsh(A, k=1, which="LA")
    return w[0]


def top_k(A: "sym(n,n)", c: "3"):
    w = scipy.sparse.linalg.eigsh(A, 3, which="LA", return_eigenvectors=False)
    return c @ w


def bottom_k(A: "sym(n,n)"):
    w = scipy.sparse.linalg.eigsh(A, k=2, which="SA", return_eigenvectors=False)
    return w[0] + 2.0 * w[1]


def magnitude(A: "sym(n,n)"):
    w = scipy.sparse.linalg.eigsh(A, k=2, which="LM", return_eigenvectors=False)
    return np.sum(w * w)


def low_rank_plus(A0: "sym(n,n)", P: "n,m"):
    A = A0 + P @ P.T
    w = scipy.sparse.linalg.eigsh(A, k=2, which="LA", return_eigenvectors=False)
    return np.sum(w)


def laplacian(L: "sparse(n,n)", p: "n"):
    A = L + scipy.sparse.diags(p)
    w = scipy.sparse.linalg.eigsh(A, k=2, which="LA", return_eigenvectors=False)
    return np.sum(w)


def top_vector(A: "sym(n,n)", C: "n,n"):
    w, V = scipy.sparse.linalg.eigsh(A, k=2, which="LA")
    v = V[:, 1]
    return v @ C @ v + w[0] * np.sum(V[:, 0] ** 2 * V[:, 1] ** 2)


def laplacian_vector(L: "sparse(n,n)", p: "n", c: "n"):
    w, V = scipy.sparse.linalg.eigsh(L + scipy.sparse.diags(p), k=1, which="SA")
    return c @ (V[:, 0] * V[:, 0])


def gen_krylov(A: "sym(n,n)", B: "spd(n,n)", C: "n,n"):
    w, V = scipy.sparse.linalg.eigsh(A, k=2, M=B, which="LA")
    return w[0] * w[1] + V[:, 1] @ C @ V[:, 1]


def gen_krylov_values(A: "sym(n,n)", B: "spd(n,n)"):
    w = scipy.sparse.linalg.eigsh(A, 2, M=B, which="SA", return_eigenvectors=False)
    return w[0] + 3.0 * w[1]


def gen_sparse(L: "sparse(n,n)", M: "sparse(n,n)", p: "n", q: "n", c: "n"):
    w, V = scipy.sparse.linalg.eigsh(
        L + scipy.sparse.diags(p), k=2, M=M + scipy.sparse.diags(q), which="LA"
    )
    return np.sum(w) + c @ (V[:, 1] * V[:, 1])


def nonsymmetric(A: "n,n"):
    lam = scipy.sparse.linalg.eigs(A, k=2, which="LM", return_eigenvectors=False)
    return np.sum(np.real(lam)) + np.sum(np.imag(lam) ** 2)


def nonsymmetric_sparse(L: "sparse(n,n)", p: "n"):
    lam = scipy.sparse.linalg.eigs(L + scipy.sparse.diags(p), k=1, which="LR", return_eigenvectors=False)
    return np.real(lam[0])
"""


def _grid_laplacian(m):
    """The 5-point Laplacian of an m×m grid (n = m²), sparse."""
    t = scipy.sparse.diags([-np.ones(m - 1), 2 * np.ones(m), -np.ones(m - 1)], [-1, 0, 1])
    eye = scipy.sparse.identity(m)
    return (scipy.sparse.kron(t, eye) + scipy.sparse.kron(eye, t)).tocsr()


@pytest.mark.parametrize("n", [3, 6])
def test_top_eigenvalue_of_outer_product(n):
    """The thread's example: λ_max(p pᵀ) = ‖p‖², so the gradient is 2p (an independent
    derivation), and finite differences of eigsh agree."""
    source, env = _model(KRYLOV)
    p = np.random.default_rng(n).standard_normal(n)
    module = _check(source, env, "top_outer", [p], [(0, "general")])
    np.testing.assert_allclose(module.grad_top_outer(p), 2 * p, rtol=1e-8)


def test_eigsh_top_k_which_sa_lm():
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(8)
    A = _sym(rng, 8)
    _check(source, env, "top_k", [A, rng.standard_normal(3)], [(0, "sym"), (1, "general")])
    _check(source, env, "bottom_k", [A], [(0, "sym")])
    _check(source, env, "magnitude", [A], [(0, "sym")])


def test_eigsh_of_a_structured_expression_stays_factored():
    """A0 + P Pᵀ: P̄ = 2 V diag(ḡ) (Vᵀ P) without an n×n temporary for P's part."""
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(9)
    args = [_sym(rng, 7), rng.standard_normal((7, 2))]
    _check(source, env, "low_rank_plus", args, [(0, "sym"), (1, "general")])
    text = compile_model(source, "low_rank_plus", ["P"]).module
    assert "lowrank" not in text and "@ V.T @ P" not in text


def test_eigsh_of_sparse_laplacian_plus_diagonal():
    source, env = _model(KRYLOV)
    L = _grid_laplacian(4)
    p = np.random.default_rng(10).standard_normal(16)
    module = _check(source, env, "laplacian", [L, p], [(1, "general")])
    text = compile_model(source, "laplacian").module
    assert "np.diag" not in text and "np.outer" not in text and "V.T" not in text
    # independent derivation: p̄ = Σ_j v_j² over the two top eigenvectors
    V = np.linalg.eigh(L.toarray() + np.diag(p))[1]
    np.testing.assert_allclose(module.grad_laplacian(L, p), np.sum(V[:, -2:] ** 2, 1), atol=1e-9)


def test_eigsh_eigenvector_function_dense_direct_solve():
    """Functions of eigsh's eigenvectors (k = 2): the adjoint solve, bordered and direct."""
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(17)
    args = [_sym(rng, 7), rng.standard_normal((7, 7))]
    _check(source, env, "top_vector", args, [(0, "sym"), (1, "general")])


def test_eigsh_eigenvector_function_sparse_minres():
    """The same through MINRES on the deflated operator (A sparse, which='SA'): accurate to
    FD precision with MINRES_RTOL = 1e-10."""
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(18)
    L = _grid_laplacian(4)
    args = [L, rng.standard_normal(16), rng.standard_normal(16)]
    module = _check(source, env, "laplacian_vector", args, [(1, "general"), (2, "general")])
    assert "minres" in compile_model(source, "laplacian_vector").module
    # against the dense eigendecomposition's modal formula, an independent derivation
    lam, Q = np.linalg.eigh(L.toarray() + np.diag(args[1]))
    v, c = Q[:, 0], args[2]
    K = sum(np.outer(Q[:, i], Q[:, i]) / (lam[i] - lam[0]) for i in range(1, 16))
    # f = Σ c v²: dv = −K dA v with dA = diag(dp): p̄ = −v ∘ (K (2 c ∘ v))
    expected = -v * (K @ (2 * c * v))
    np.testing.assert_allclose(module.grad_laplacian_vector(*args)[0], expected, atol=1e-7)


def test_eigsh_generalized_dense():
    """eigsh(A, k, M=B): B-orthonormal vectors; dλ = vᵀ(dA − λ dB)v and the generalized
    adjoint solve (bordered with B v), B ≠ I, k = 2, which='LA' and 'SA'."""
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(21)
    A, B, C = _sym(rng, 7), _spd(rng, 7), rng.standard_normal((7, 7))
    _check(source, env, "gen_krylov", [A, B, C], [(0, "sym"), (1, "sym"), (2, "general")])
    _check(source, env, "gen_krylov_values", [A, B], [(0, "sym"), (1, "sym")])


def test_eigsh_generalized_sparse_minres():
    """Sparse A and M built in the model: MINRES on Πᵀ(A − λM)Π, Π = I − v vᵀ M; the adjoint of
    p and q stays O(nk) (no n×n temporary)."""
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(22)
    L = _grid_laplacian(3)
    M = scipy.sparse.identity(9, format="csr") * 2.0
    args = [L, M, rng.standard_normal(9), rng.uniform(0.0, 0.5, 9), rng.standard_normal(9)]
    _check(source, env, "gen_sparse", args, [(2, "general"), (3, "general"), (4, "general")])
    text = compile_model(source, "gen_sparse").module
    assert "minres" in text and ".T" not in text.split("def value_and_grad")[1]


def test_eigs_nonsymmetric_left_eigenvectors():
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(11)
    A = rng.standard_normal((7, 7))
    _check(source, env, "nonsymmetric", [A], [(0, "general")], rtol=1e-4)


def test_eigs_nonsymmetric_sparse():
    source, env = _model(KRYLOV)
    rng = np.random.default_rng(12)
    L = scipy.sparse.random(9, 9, density=0.4, random_state=3).tocsr()
    p = rng.standard_normal(9)
    _check(source, env, "nonsymmetric_sparse", [L, p], [(1, "general")], rtol=1e-4)


# -- 4. sparse constants ------------------------------------------------------------------
SPARSE = """
def quadratic(L: "sparse(n,n)", X: "n,m"):
    return np.trace(X.T @ L @ X) + np.sum((L @ X) ** 2)


def diag_plus(L: "sparse(n,n)", p: "n", x: "n"):
    A = L + scipy.sparse.diags(p)
    return x @ (A @ x) + np.sum(scipy.sparse.diags(p) @ x)
"""


def test_sparse_constant_products():
    source, env = _model(SPARSE)
    rng = np.random.default_rng(19)
    L = _grid_laplacian(3)
    _check(source, env, "quadratic", [L, rng.standard_normal((9, 2))], [(1, "general")])
    text = compile_model(source, "quadratic").module
    assert "import scipy" not in text  # the model never calls scipy: no import
    assert "toarray" not in text and "todense" not in text


def test_sparse_diags_is_differentiable_and_imports_scipy_sparse():
    source, env = _model(SPARSE)
    rng = np.random.default_rng(20)
    args = [_grid_laplacian(3), rng.standard_normal(9), rng.standard_normal(9)]
    _check(source, env, "diag_plus", args, [(1, "general"), (2, "general")])
    text = compile_model(source, "diag_plus").module
    assert "import scipy.sparse\n" in text and "scipy.sparse.linalg" not in text


@pytest.mark.parametrize(
    "expr", ["np.sum(L * X)", "np.sum(np.diag(L))", "np.sum((L + X) @ X)", "np.sum(np.exp(L))"]
)
def test_sparse_values_keep_numpy_meaning_or_error(expr):
    source = HEADER + f'def f(L: "sparse(n,n)", X: "n,n"):\n    return {expr}\n'
    with pytest.raises(CompileError, match="scipy.sparse matrix cannot be used here"):
        compile_model(source, "f")


def test_sparse_parameter_has_no_gradient():
    source, _ = _model(SPARSE)
    with pytest.raises(CompileError, match="sparse constant: it has no gradient"):
        compile_model(source, "quadratic", ["L"])


# -- the forms: dot-product tests (⟨Ȳ, L[T]⟩ = ⟨Lᵀ[Ȳ], T⟩) -----------------------------------
def _params(g, shapes):
    dims = {}
    out = {}
    for i, (name, shape) in enumerate(shapes.items()):
        ids = tuple(
            dims.setdefault(s, g.new_dim(s)) if isinstance(s, str) else g.new_dim(s) for s in shape
        )
        out[name] = g.op("param", name=name, index=i, dims=ids, struct="general")
    return out


def _dot_product(form_of, shapes, values, t_name, y_name):
    g = Builder()
    p = _params(g, shapes)
    form = form_of(g, p)
    fwd = form.apply(g, p[t_name])
    back = form.adjoint(g, p[y_name], p[t_name].shape)
    params = list(p.values())
    fv, bv = evaluate(g, params, [fwd, back], [values[k] for k in p])
    dense = lambda x: x.toarray() if scipy.sparse.issparse(x) else np.asarray(x)
    lhs = np.sum(np.conj(values[y_name]) * dense(fv))
    rhs = np.sum(np.conj(dense(bv)) * values[t_name])
    np.testing.assert_allclose(lhs, rhs, rtol=1e-9)


def test_rayleigh_form_dot_product():
    rng = np.random.default_rng(13)
    n, k = 6, 2
    vals = {
        "Y": rng.standard_normal((n, k)),
        "X": rng.standard_normal((n, k)),
        "T": rng.standard_normal((n, n)),
        "G": rng.standard_normal(k),
    }
    shapes = {"Y": ("n", "k"), "X": ("n", "k"), "T": ("n", "n"), "G": ("k",)}
    _dot_product(lambda g, p: Rayleigh(p["Y"], p["X"]), shapes, vals, "T", "G")


def test_resolvent_form_dot_product_and_value():
    """Dense (bordered solve) and sparse (MINRES) resolvents: self-adjoint, and equal to
    Σ_{i≠j} v_i v_iᵀ r / (λ_i − λ_j) from a full eigendecomposition."""
    rng = np.random.default_rng(14)
    n, k = 8, 2
    A = _sym(rng, n)
    lam, Q = np.linalg.eigh(A)
    w, V = lam[-k:], Q[:, -k:]
    R, Y = rng.standard_normal((n, k)), rng.standard_normal((n, k))
    expected = np.column_stack(
        [
            sum(Q[:, i] * (Q[:, i] @ R[:, j]) / (lam[i] - w[j]) for i in range(n) if i != n - k + j)
            for j in range(k)
        ]
    )
    shapes = {"A": ("n", "n"), "w": ("k",), "V": ("n", "k"), "T": ("n", "k"), "Y": ("n", "k")}
    for a in (A, scipy.sparse.csr_matrix(A)):
        vals = {"A": a, "w": w, "V": V, "T": R, "Y": Y}
        form = lambda g, p: Resolvent(p["A"], None, p["w"], p["V"])
        _dot_product(form, shapes, vals, "T", "Y")
        g = Builder()
        p = _params(g, shapes)
        (z,) = evaluate(g, list(p.values()), [form(g, p).apply(g, p["T"])], list(vals.values()))
        # MINRES_RTOL = 1e-10 on a residual of size ~1: the documented accuracy is ~1e-8 here
        np.testing.assert_allclose(z, expected, rtol=1e-7, atol=1e-8)


def test_generalized_resolvent_value():
    rng = np.random.default_rng(15)
    n = 6
    A, B = _sym(rng, n), _spd(rng, n)
    lam, Q = scipy.linalg.eigh(A, B)
    w, V = lam[:1], Q[:, :1]
    r = rng.standard_normal((n, 1))
    expected = sum(Q[:, [i]] * (Q[:, i] @ r[:, 0]) / (lam[i] - w[0]) for i in range(1, n))
    g = Builder()
    shapes = {"A": ("n", "n"), "B": ("n", "n"), "w": ("k",), "V": ("n", "k"), "T": ("n", "k")}
    p = _params(g, shapes)
    form = Resolvent(p["A"], p["B"], p["w"], p["V"])
    (z,) = evaluate(g, list(p.values()), [form.apply(g, p["T"])], [A, B, w, V, r])
    np.testing.assert_allclose(z, expected, rtol=1e-9, atol=1e-12)


def test_columns_form_dot_product():
    rng = np.random.default_rng(23)
    vals = {"V": rng.standard_normal((6, 2)), "T": rng.standard_normal((6, 6))}
    vals["Y"] = rng.standard_normal((6, 2))
    shapes = {"V": ("n", "k"), "T": ("n", "n"), "Y": ("n", "k")}
    _dot_product(lambda g, p: Columns(p["V"]), shapes, vals, "T", "Y")


def test_generalized_resolvent_dot_product_krylov():
    """The generalized adjoint solve through MINRES (sparse A and B) is self-adjoint too."""
    rng = np.random.default_rng(24)
    n = 7
    A, B = _sym(rng, n), _spd(rng, n)
    lam, Q = scipy.linalg.eigh(A, B)
    shapes = {"A": ("n", "n"), "B": ("n", "n"), "w": ("k",), "V": ("n", "k")}
    shapes.update({"T": ("n", "k"), "Y": ("n", "k")})
    vals = {"A": scipy.sparse.csr_matrix(A), "B": scipy.sparse.csr_matrix(B)}
    vals.update({"w": lam[-2:], "V": Q[:, -2:]})
    vals.update({"T": rng.standard_normal((n, 2)), "Y": rng.standard_normal((n, 2))})
    form = lambda g, p: Resolvent(p["A"], p["B"], p["w"], p["V"], krylov=True)
    _dot_product(form, shapes, vals, "T", "Y")


def test_sparse_diag_form_dot_product():
    rng = np.random.default_rng(16)
    vals = {"T": rng.standard_normal(5), "Y": rng.standard_normal((5, 5))}
    _dot_product(lambda g, p: SparseDiag(), {"T": ("n",), "Y": ("n", "n")}, vals, "T", "Y")


# -- errors ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, message",
    [
        ("w = scipy.sparse.linalg.eigsh(A, k=2, which='BE')[0]", "which='BE' is not supported"),
        ("w = scipy.sparse.linalg.eigsh(A, k=2, sigma=1.0)[0]", "supported with k=, which="),
        ("w = scipy.linalg.eigh(A, subset_by_index=[2, 1])[0]", "subset_by_index must be"),
        ("w = scipy.sparse.linalg.eigs(A, k=1)[1][:, 0].real", "eigenvectors of scipy.sparse"),
        ("w = scipy.sparse.linalg.eigsh(A + A @ A, k=1)[0]", "needs symmetric matrices"),
        ("w = scipy.sparse.linalg.eigsh(A, k=1)[0]", "needs symmetric matrices"),
    ],
)
def test_clear_errors(body, message):
    source = HEADER + f'def f(A: "n,n"):\n    {body}\n    return np.sum(w)\n'
    with pytest.raises(CompileError, match=message.replace("[", r"\[").replace("(", r"\(")):
        compile_model(source, "f")


def test_every_eigen_rule_is_exercised():
    """The models of this file reach every differentiable op of rules/eigen.py."""
    from matgradc import autodiff, frontend, optimize
    from matgradc.rules.eigen import RULES

    seen = set()
    for body in (GEN, KRYLOV, SPARSE):
        source = HEADER + textwrap.dedent(body)
        for fn in frontend.functions(frontend.parse(source)):
            model = frontend.build(source, fn)
            grad = autodiff.reverse(model.graph, model.out, model.params)
            optimize.optimize(model.graph, [model.out, *grad.grads])
            seen |= {v.op for v in model.graph.values}
    differentiable = {op for op, rule in RULES.items() if any(d is not None for d in rule.derivs)}
    assert differentiable - seen == set()
