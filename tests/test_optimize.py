"""Each optimizer pass: its exact effect, a second run changes nothing, and values are
unchanged (the torch.fx trio)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import evaluate
from matgradc import autodiff, frontend, optimize
from matgradc.ir import reachable
from matgradc.rules.linalg import shared_factorizations
from matgradc.rules.products import matrix_chain


def program(body: str, grads: bool = False):
    model = frontend.build("import numpy as np\n\n\n" + body + "\n", "f")
    roots = [model.out]
    if grads:
        roots += autodiff.reverse(model.graph, model.out, model.params).grads
    return model, roots


def ops(roots):
    out = {}
    for v in reachable(roots):
        out[v.op] = out.get(v.op, 0) + 1
    return out


def values_equal(model, before, after, inputs):
    a = evaluate(model.graph, model.params, before, inputs)
    b = evaluate(model.graph, model.params, after, inputs)
    for x, y in zip(a, b):
        np.testing.assert_allclose(x, y, rtol=1e-10, atol=1e-12)


RNG = np.random.default_rng(0)
A, B, C = (RNG.standard_normal((4, 4)) + 4 * np.eye(4) for _ in range(3))
x = RNG.standard_normal(4)


# each local rewrite belongs to the rule of the op it rewrites; the passes that know several
# ops come from the rules' families
PASS_BY_NAME = {
    "trace_of_product": optimize.rewrites("trace"),
    "inverse_to_solve": optimize.rewrites("matmul"),
    "inner_products": optimize.rewrites("sum"),
    "matrix_chain": matrix_chain,
}


@pytest.mark.parametrize(
    "name, body, inputs, effect",
    [
        (
            "trace_of_product",
            "def f(A, B):\n    return np.trace(A @ B)",
            [A, B],
            {"matmul": -1, "trace": -1, "sum": +1, "mul": +1, "transpose": +1},
        ),
        (
            "inverse_to_solve",
            "def f(A, x: 'n'):\n    return np.sum(np.linalg.inv(A) @ x)",
            [A, x],
            {"inv": -1, "matmul": -1, "solve": +1},
        ),
        (
            "inverse_to_solve",
            "def f(A, B):\n    return np.sum(np.sin(B @ np.linalg.inv(A)))",
            [A, B],
            {"inv": -1, "matmul": -1, "solve": +1, "transpose": +3},
        ),
        (
            "matrix_chain",
            "def f(A, B, x: 'n'):\n    return np.sum(np.sin(A @ B @ x))",
            [A, B, x],
            {},
        ),
    ],
)
def test_pass_effect_idempotence_and_values(name, body, inputs, effect):
    model, roots = program(body)
    run = PASS_BY_NAME[name]
    new, changed = run(model.graph, roots)
    assert changed
    before, after = ops(roots), ops(new)
    for op, delta in effect.items():
        assert after.get(op, 0) - before.get(op, 0) == delta, (op, before, after)
    again, changed_again = run(model.graph, new)
    assert not changed_again and again == new
    values_equal(model, roots, new, inputs)


def test_matrix_chain_multiplies_the_vector_first():
    model, roots = program("def f(A, B, x: 'n'):\n    return np.sum(np.sin(A @ B @ x))")
    new, _ = matrix_chain(model.graph, roots)
    products = [v for v in reachable(new) if v.op == "matmul"]
    assert all(v.rank == 1 for v in products), "every product is matrix @ vector"
    values_equal(model, roots, new, [A, B, x])


def test_shared_values_are_left_alone():
    """An inverse used twice stays one inverse; a product used twice stays one product."""
    model, roots = program(
        "def f(A, B):\n    Ai = np.linalg.inv(A)\n    P = A @ B\n"
        "    return np.sum(Ai @ B) + np.sum(Ai * B) + np.trace(P) + np.sum(P)"
    )
    new, _ = optimize.optimize(model.graph, roots)
    assert ops(new)["inv"] == 1 and ops(new).get("solve", 0) == 0
    assert (
        sum(
            1
            for v in reachable(new)
            if v.op == "matmul" and v.args == (model.params[0], model.params[1])
        )
        == 1
    )
    values_equal(model, roots, new, [A, B])


def test_scatter_accumulation_fills_one_array():
    model, roots = program(
        "def f(x: 'n'):\n    return x[0] * x[1] + x[2] ** 2", grads=True
    )
    before = ops(roots)
    new, _ = optimize.optimize(model.graph, roots)
    after = ops(new)
    assert (
        before.get("scatter", 0) >= 3
        and after.get("scatter", 0) == 0
        and after["scatter_add"] == 1
    )
    values_equal(model, roots, new, [x])


def test_whole_programs_keep_their_values_and_reach_a_fixed_point():
    body = (
        "def f(S, Sigma, x: 'n'):\n    Si = np.linalg.inv(Sigma)\n"
        "    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) + x @ S @ Si @ x"
    )
    model, roots = program(body, grads=True)
    new, report = optimize.optimize(model.graph, roots)
    assert report.rounds >= 2  # the last round changed nothing
    again, report2 = optimize.optimize(model.graph, new)
    assert again == new and report2.rounds == 1
    values_equal(model, roots, new, [A, B, x])


def test_inner_products_avoid_the_temporary():
    model, roots = program("def f(A, B):\n    return np.sum(A * B) + np.sum(A * 2.0)")
    run = PASS_BY_NAME["inner_products"]
    new, changed = run(model.graph, roots)
    assert (
        changed
        and ops(new).get("vdot") == 1
        and ops(new)["mul"] == ops(roots)["mul"] - 1
    )
    assert not run(model.graph, new)[1]
    values_equal(model, roots, new, [A, B])


def test_one_factorization_per_matrix():
    """solve(A, c·I) becomes c·inv(A); with inv(A) formed, solves with A and Aᵀ become products."""
    body = (
        "def f(A, B, x: 'n'):\n    Ai = np.linalg.inv(A)\n"
        "    return np.sum(Ai * B) + np.sum(np.linalg.solve(A, B)) + np.sum(np.linalg.solve(A.T, x))"
        " + np.sum(np.linalg.solve(A, 0.5 * np.eye(x.shape[0])) * B)"
    )
    model, roots = program(body)
    assert ops(roots)["solve"] == 3
    new, changed = shared_factorizations(model.graph, roots)
    assert changed and ops(new).get("solve", 0) == 0 and ops(new)["inv"] == 1
    assert not shared_factorizations(model.graph, new)[1]
    values_equal(model, roots, new, [A, B, x])


def test_equal_up_to_commutativity_and_transposition():
    model, roots = program(
        "def f(A, B):\n    return np.sum(np.sin(A * B + B * A)) + np.sum(np.cos((A @ B).T + B.T @ A.T))"
    )
    new, changed = optimize.equal_up_to_order(model.graph, roots)
    assert changed
    before, after = ops(roots), ops(new)
    # B ∘ A is A ∘ B and Bᵀ Aᵀ is (A B)ᵀ: each sum of twins becomes a doubling
    assert after["matmul"] == before["matmul"] - 1 and after["add"] == before["add"] - 2

    assert not optimize.equal_up_to_order(model.graph, new)[1]
    values_equal(model, roots, new, [A, B])
