"""Adjoints that are symmetric by construction are known to be (issue 15, item 5): the
sandwich P S Pᵀ of a symmetric S is symmetric, and (A B)ᵀ with a symmetric factor becomes a
product without the transpose. So a symmetric parameter's gradient is not symmetrized again,
and the two halves of x's gradient in the Gaussian NLL are one product, not two. Values and
gradients are checked against the model as NumPy runs it."""

from __future__ import annotations

import numpy as np
from helpers import (
    central_gradient,
    check_against_numpy,
    load,
    numpy_model,
    spd,
    symmetric_gradient,
)
from matgradc import api
from matgradc.build import Builder
from matgradc.ir import SPD, SYMMETRIC

N = 4


def _param(g, name, index, n, struct="general"):
    return g.op("param", name=name, index=index, dims=(n, n), struct=struct)


def test_a_sandwich_of_a_symmetric_matrix_is_symmetric():
    g = Builder()
    n = g.new_dim("n")
    S, P, A = _param(g, "S", 0, n, SYMMETRIC), _param(g, "P", 1, n, SPD), _param(g, "A", 2, n)
    At = g.op("transpose", A)
    assert g.op("matmul", A, g.op("matmul", S, At)).is_symmetric  # A (S Aᵀ)
    assert g.op("matmul", g.op("matmul", A, S), At).is_symmetric  # (A S) Aᵀ
    assert g.op("matmul", P, g.op("matmul", S, P)).is_symmetric  # P S P, P symmetric
    assert not g.op("matmul", A, g.op("matmul", S, A)).is_symmetric  # A S A is not
    assert not g.op("matmul", A, g.op("matmul", A, At)).is_symmetric  # A (A Aᵀ) is not


def test_the_transpose_of_a_product_with_a_symmetric_factor_loses_its_transpose():
    g = Builder()
    n = g.new_dim("n")
    S, A = _param(g, "S", 0, n, SYMMETRIC), _param(g, "A", 1, n)
    t = g.op("transpose", g.op("matmul", S, A))  # (S A)ᵀ = Aᵀ S
    assert t.op == "matmul" and t.args[0].op == "transpose" and t.args[1] is S
    plain = g.op("transpose", g.op("matmul", A, A))  # no factor to simplify: stays (A A)ᵀ
    assert plain.op == "transpose"


def test_a_symmetric_adjoint_is_not_symmetrized_again():
    g = Builder()
    n = g.new_dim("n")
    S, A = _param(g, "S", 0, n, SYMMETRIC), _param(g, "A", 1, n)
    sandwich = g.op("matmul", A, g.op("matmul", S, g.op("transpose", A)))
    assert g.op("symmetrize", sandwich) is sandwich
    assert g.op("symmetrize", A).op == "symmetrize"


def test_inner_products_drop_transposes_that_cost_a_copy():
    g = Builder()
    n = g.new_dim("n")
    S, A, B = _param(g, "S", 0, n, SYMMETRIC), _param(g, "A", 1, n), _param(g, "B", 2, n)
    At, Bt = g.op("transpose", A), g.op("transpose", B)
    assert g.op("vdot", S, Bt) is g.op("vdot", S, B)
    assert g.op("vdot", Bt, S) is g.op("vdot", B, S)
    assert g.op("vdot", At, Bt) is g.op("vdot", A, B)
    assert g.op("vdot", A, Bt).args == (A, Bt)  # Σ A ∘ Bᵀ ≠ Σ A ∘ B
    assert g.op("vdot", At, B) is g.op("vdot", A, Bt)  # the transpose on the second


TRACE = """
import numpy as np

def f(C: "n,n", A: "n,n", B: "n,n"):
    S = C + C.T
    return np.trace(S @ A) + np.trace(A.T @ B.T) + np.trace(A @ B)
"""


def test_traces_of_products_still_match_numpy():
    def gen(r):
        return r.standard_normal((N, N))

    check_against_numpy(TRACE, [gen, gen, gen])
    module = api.compile_source(TRACE, "f")
    grad = module[module.index("def value_and_grad_f") : module.index("def grad_f")]
    # tr(S A) without a transpose; tr(Aᵀ Bᵀ) and tr(A B) are one inner product, computed once
    assert "np.vdot(S, A)" in grad and grad.count("np.vdot(") == 2, grad


def test_outer_products_take_out_signs_and_scalars_and_are_never_transposes():
    g = Builder()
    n = g.new_dim("n")
    a = g.op("param", name="a", index=0, dims=(n,), struct="general")
    b = g.op("param", name="b", index=1, dims=(n,), struct="general")
    half = g.const(0.5)
    assert g.op("outer", g.op("neg", a), b) is g.op("neg", g.op("outer", a, b))
    assert g.op("outer", a, g.op("mul", half, b)) is g.op("mul", half, g.op("outer", a, b))
    # outer(−α, ½α) = −½ α αᵀ: symmetric, so a symmetric gradient needs no averaging
    minus_half = g.op("outer", g.op("neg", a), g.op("mul", half, a))
    assert minus_half.op == "mul" and minus_half.args[0].is_const(-0.5)
    assert minus_half.args[1] is g.op("outer", a, a) and minus_half.is_symmetric
    # b aᵀ is its own product, not the transpose of a bᵀ (a transposed n×n read is slow),
    # and a bᵀ + b aᵀ is still known symmetric
    ba = g.op("outer", b, a)
    assert ba.op == "outer" and ba.args == (b, a)
    assert g.op("add", g.op("outer", a, b), ba).is_symmetric


GP = """
import numpy as np

def f(X: "n,d", y: "n", ell: "scalar", sn2: "scalar"):
    one = np.ones(X.shape[0])
    sq = np.sum(X * X, axis=1)
    D = np.outer(sq, one) + np.outer(one, sq) - 2.0 * X @ X.T
    K = np.exp(-0.5 * D / ell**2) + sn2 * np.eye(X.shape[0])
    return 0.5 * y @ np.linalg.solve(K, y) + 0.5 * np.linalg.slogdet(K)[1]
"""


def test_outer_products_in_a_kernel_still_match_numpy():
    check_against_numpy(
        GP,
        [
            lambda r: r.standard_normal((5, 2)),
            lambda r: r.standard_normal(5),
            lambda r: float(r.uniform(0.8, 1.5)),
            lambda r: float(r.uniform(0.5, 1.0)),
        ],
    )
    module = api.compile_source(GP, "f")
    d = module[module.index("def value_and_grad_f") :]
    d = d[d.index("D = ") :].split("\n")[0]
    # no transposed outer product, and 1 sqᵀ is a broadcast row, not an outer product
    assert ".T" not in d and "np.outer(" not in d and "sq[np.newaxis, :]" in d, module


GAUSSIAN = """
import numpy as np

def f(X: "m,n", mu: "n", Sigma: "spd(n,n)"):
    R = X - mu
    sign, logdet = np.linalg.slogdet(Sigma)
    quad = np.trace(np.linalg.solve(Sigma, R.T @ R))
    return 0.5 * X.shape[0] * logdet + 0.5 * quad
"""


def test_the_gaussian_nll_gradient_needs_no_symmetrization_and_one_product_for_x():
    module = api.compile_source(GAUSSIAN, "f")
    grad = module[module.index("def value_and_grad_f") :]
    assert ".T) * 0.5" not in grad and "g_Sigma *= 0.5" not in grad, grad
    assert grad.count("R.dot(") == 1, grad  # Σ⁻¹-weighted residuals once


def test_symmetric_adjoints_still_match_numpy():
    def X(r):
        return r.standard_normal((6, N))

    def mu(r):
        return r.standard_normal(N)

    def Sigma(r):
        return spd(r, N)

    check_against_numpy(GAUSSIAN, [X, mu, Sigma])


COVARIANCE = """
import numpy as np

def f(S: "n,n", Sigma: "spd(n,n)"):
    Si = np.linalg.inv(Sigma)
    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) - np.linalg.norm(Si) ** 2
"""


def test_the_average_moves_inward_to_what_the_terms_share():
    """sym(−Σ⁻¹ − Σ⁻¹(−2Σ⁻¹ − Sᵀ)Σ⁻¹) = −Σ⁻¹ − Σ⁻¹(−2Σ⁻¹ − sym(S))Σ⁻¹: S is averaged once,
    and neither Sᵀ nor the n×n result is read through a transpose again."""
    module = api.compile_source(COVARIANCE, "f")
    grad = module[module.index("def value_and_grad_f") :]
    assert grad.count(".T") == 1 and "S + S.T" in grad, grad
    g = Builder()
    n = g.new_dim("n")
    S, A = _param(g, "S", 0, n, SYMMETRIC), _param(g, "A", 1, n)
    assert g.op("symmetrize", g.op("transpose", A)) is g.op("symmetrize", A)
    pushed = g.op("symmetrize", g.op("sub", S, g.op("transpose", A)))
    assert pushed.op == "sub" and pushed.args[1] is g.op("symmetrize", A)
    kept = g.op("symmetrize", g.op("sub", S, A))  # moving it would not go deeper
    assert kept.op == "symmetrize"


def test_the_covariance_gradient_with_a_general_s_matches_numpy():
    """With S not symmetric the raw gradient is not either: Σ's gradient is its symmetric
    part (the convention for a sym/spd parameter), checked against differences along
    symmetric perturbations; S's against plain central differences."""
    rng = np.random.default_rng(5)
    S, Sigma = rng.standard_normal((N, N)), spd(rng, N)
    f = numpy_model(COVARIANCE)
    value, (g_S, g_Sigma) = load(COVARIANCE, "f").value_and_grad_f(S, Sigma)
    assert np.isclose(value, f(S, Sigma), rtol=1e-10)
    np.testing.assert_allclose(g_S, central_gradient(f, [S, Sigma], 0), rtol=1e-6, atol=1e-8)
    fd = symmetric_gradient(f, [S, Sigma], 1)
    np.testing.assert_allclose(g_Sigma, fd, rtol=1e-6, atol=1e-8)
    assert not np.allclose(g_Sigma, central_gradient(f, [S, Sigma], 1), atol=1e-3)
