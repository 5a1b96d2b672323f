"""Local identities that save whole passes over arrays (issue 15): X + c I updates a diagonal
instead of adding an n×n identity, x 1ᵀ + 1 yᵀ broadcasts instead of forming outer products,
c x ± c y scales once, tr(c X) scales a number, (c X) / s combines the scalars, log(1 + eˣ)
is computed in one array without overflow, and dense products call ndarray.dot. Each is
checked against central differences of the model as NumPy runs it, and by what the
generated module no longer spells."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    against_numpy_test,
    central_gradient,
    gen,
    load,
    numpy_model,
    pos,
    scalar,
    spd_in,
)
from matgradc.api import compile_model, emit_explain

HEADER = "import numpy as np\n\n"

CASES = {
    "identity_added": (
        (
            'def f(A: "n,n", s):\n'
            "    K = A @ A.T + s * np.eye(A.shape[0])\n"
            "    return np.linalg.slogdet(K)[1] + np.sum(np.linalg.inv(K) * A)"
        ),
        [gen((4, 4)), pos(())],
    ),
    "identity_idiom": (
        (
            'def f(A: "n,n", s):\n'
            "    K = np.exp(A)\n"
            "    K[np.diag_indices_from(K)] += s\n"
            "    return np.sum(np.log(K))"
        ),
        [gen((5, 5)), pos(())],
    ),
    "identity_on_a_parameter": (  # A is the caller's: never written into
        'def f(A: "n,n", s):\n    return np.sum(np.sin(A + s * np.eye(A.shape[0])))',
        [gen((4, 4)), scalar()],
    ),
    "identity_on_both_sides": (
        'def f(A: "n,n"):\n    I = np.eye(A.shape[0])\n    return np.sum((I + A * A) ** 2)',
        [gen((3, 3))],
    ),
    "outer_with_ones": (
        (
            'def f(x: "n", y: "n"):\n'
            "    one = np.diag(np.eye(x.shape[0]))\n"
            "    D = np.outer(x, one) + np.outer(one, y) - 2.0 * np.outer(x, y)\n"
            "    return np.sum(np.exp(-D))"
        ),
        [gen(5), gen(5)],
    ),
    "outer_with_scaled_ones": (
        'def f(x: "n", c):\n    return np.sum(np.tanh(np.outer(c * np.ones(x.shape[0]), x)))',
        [gen(4), scalar()],
    ),
    "common_scale": (
        (
            'def f(A: "n,n", B: "n,n", c):\n'
            "    return np.sum(np.sin(c * A - c * B) + np.cos(c * A + c * B))"
        ),
        [gen((3, 3)), gen((3, 3)), scalar()],
    ),
    "trace_of_scaled": (
        'def f(A: "n,n", c):\n    return np.trace(c * (A @ A)) + np.trace(c * np.exp(A))',
        [gen((4, 4)), scalar()],
    ),
    "scaled_over_scalar": (
        'def f(X: "n,n", ell):\n    return np.sum(np.exp(-0.5 * X / ell**2))',
        [gen((4, 4)), pos(())],
    ),
    "softplus": (
        'def f(A: "n,m", B: "n,m"):\n    return np.sum(np.log1p(np.exp(3.0 * A)) * B)',
        [gen((3, 4)), gen((3, 4))],
    ),
    "products": (
        (
            'def f(A: "n,n", x: "n", S: "spd(n,n)"):\n'
            "    return x @ A @ x + np.trace(A @ S @ A.T) + np.sum((A.T @ x) ** 2)"
        ),
        [gen((4, 4)), gen(4), spd_in(4)],
    ),
}

test_gradient_matches_numpy_finite_differences = against_numpy_test(HEADER, CASES)


def _source(source: str) -> str:
    return compile_model(source, "f").module


@pytest.mark.parametrize("name", ["identity_added", "identity_idiom"])
def test_an_identity_added_to_a_fresh_matrix_updates_its_diagonal(name):
    """In the value function (value_and_grad keeps exp(A) of identity_idiom for its backward
    sweep, so K + s I there is a new array: `K + s * np.eye(n)`)."""
    text = _source(HEADER + CASES[name][0] + "\n")
    forward = text[text.index("\ndef f(") : text.index("def value_and_grad_f")]
    assert "np.eye" not in forward, forward
    assert 'np.einsum("ii->i", ' in forward, forward


def test_an_identity_added_to_a_parameter_leaves_the_callers_array_alone():
    source = HEADER + CASES["identity_on_a_parameter"][0] + "\n"
    module = load(source, "f")
    A = np.random.default_rng(1).standard_normal((4, 4))
    before = A.copy()
    value, _ = module.value_and_grad_f(A, 0.7)
    np.testing.assert_array_equal(A, before)
    assert np.isclose(value, numpy_model(source)(A, 0.7))


def test_outer_products_with_a_ones_vector_broadcast_instead():
    text = _source(HEADER + CASES["outer_with_ones"][0] + "\n")
    forward = text[text.index("def f(") : text.index("def value_and_grad_f")]
    assert forward.count("np.outer(") == 1, forward  # x yᵀ only
    assert "np.newaxis" in forward and "np.eye" not in forward, forward


def test_a_trace_of_a_scaled_matrix_scales_the_trace():
    text = _source(HEADER + CASES["trace_of_scaled"][0] + "\n")
    assert "np.trace(c * " not in text and "c * np.trace(" in text, text


def test_dense_products_call_ndarray_dot():
    text = _source(HEADER + CASES["products"][0] + "\n")
    assert " @ " not in text and ".dot(" in text, text


def test_an_infinite_scale_is_not_factored_out_of_a_sum():
    """∞·0 + ∞·1 is nan in NumPy; ∞·(0 + 1) would be ∞."""
    source = HEADER + 'def f(A: "n,n", B: "n,n"):\n    return np.sum(np.inf * A + np.inf * B)\n'
    module = load(source, "f")
    A, B = np.zeros((2, 2)), np.ones((2, 2))
    with np.errstate(invalid="ignore"):
        assert np.isnan(numpy_model(source)(A, B)) and np.isnan(module.f(A, B))


def test_the_diagonal_idiom_with_an_infinite_value_matches_numpy():
    """K[np.diag_indices_from(K)] += c leaves the off-diagonal alone in NumPy, whatever c is."""
    source = HEADER + (
        'def f(A: "n,n", c):\n'
        "    K = np.exp(A)\n"
        "    K[np.diag_indices_from(K)] += c\n"
        "    return np.sum(np.tanh(K))\n"
    )
    A = np.random.default_rng(3).standard_normal((3, 3))
    assert np.isclose(load(source, "f").f(A, np.inf), numpy_model(source)(A, np.inf))


def test_the_derivation_keeps_the_models_products():
    """--emit explain reads as the model: A @ B, while the module itself calls A.dot(B)."""
    compiled = compile_model(HEADER + CASES["products"][0] + "\n", "f")
    text = emit_explain(compiled)
    assert " @ " in text and ".dot(" not in text, text
    assert ".dot(" in compiled.module


def test_log1p_of_exp_of_complex_values_stays_as_numpy_computes_it():
    """np.logaddexp has no complex loop and softplus compares with 0: for complex values
    (eigenvalues of a general matrix) log(1 + eˣ) is compiled as written."""
    source = HEADER + (
        'def f(A: "n,n"):\n'
        "    w = np.linalg.eigvals(A)\n"
        "    return np.sum(np.real(np.log1p(np.exp(w))))\n"
    )
    A = np.array([[0.0, 2.0, 0.1], [-2.0, 0.5, 0.3], [0.2, -0.4, 1.0]])  # complex pair
    assert np.iscomplexobj(np.linalg.eigvals(A))
    f = numpy_model(source)
    value, (g,) = load(source, "f").value_and_grad_f(A)
    assert np.isclose(value, f(A), rtol=1e-10)
    np.testing.assert_allclose(g, central_gradient(f, [A], 0), rtol=1e-6, atol=1e-8)
