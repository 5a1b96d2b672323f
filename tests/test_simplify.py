"""The rules' local identities (`Rule.simplify`, applied as each value is built) and their
optimizer rewrites (`Rule.rewrite`): each fires (the program has the op it should, and not
the one it replaces) and the program's value equals the model's as NumPy runs it, on
random inputs. Every `simplify` and `rewrite` entry of the table has a case here."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import central_gradient, evaluate, spd
from matgradc import autodiff, frontend, optimize
from matgradc.ir import reachable
from matgradc.rules import RULES

N = 4
RNG = np.random.default_rng(13)


def mat(rng):
    return rng.standard_normal((N, N))


def vec(rng):
    return rng.standard_normal(N)


def diag(rng):
    return np.diag(rng.uniform(0.5, 2.0, N) * rng.choice([-1.0, 1.0], N))


def pd(rng):
    return spd(rng, N)


def scalar(rng):
    return float(rng.uniform(0.5, 2.0))


# (the op whose entry is tested, model body, inputs, ops the program must not have, an op it
#  must have or None); the model's parameters are annotated where structure matters
SIMPLIFY = [
    ("add", "def f(X):\n    return np.sum(np.sin(X + 0))", [mat], {"add"}, "sin"),
    ("add", "def f(A, B):\n    return np.sum(np.sin(A + (-B)))", [mat, mat], {"add", "neg"}, "sub"),
    ("add", "def f(X):\n    return np.sum(np.sin(X + X))", [mat], {"add"}, "mul"),
    ("sub", "def f(X):\n    return np.sum(np.sin(X - 0))", [mat], {"sub"}, "sin"),
    ("sub", "def f(A, B):\n    return np.sum(np.sin(A - (-B)))", [mat, mat], {"sub", "neg"}, "add"),
    ("sub", "def f(X):\n    return np.sum(np.sin(0 - X))", [mat], {"sub"}, "neg"),
    ("mul", "def f(X):\n    return np.sum(np.sin(1 * X))", [mat], {"mul"}, "sin"),
    ("mul", "def f(X):\n    return np.sum(np.sin(-1 * X))", [mat], {"mul"}, "neg"),
    ("mul", "def f(X, s):\n    return np.sum(np.sin(s * (X / s)))", [mat, scalar], {"mul", "div"}, "sin"),
    ("mul", "def f(A, B):\n    return np.sum(np.sin((-A) * (-B)))", [mat, mat], {"neg"}, "mul"),
    ("div", "def f(X):\n    return np.sum(np.sin(X / 1))", [mat], {"div"}, "sin"),
    ("pow", "def f(X):\n    return np.sum(np.sin(X ** 1))", [mat], {"pow"}, "sin"),
    ("neg", "def f(X):\n    return np.sum(np.sin(-(-X)))", [mat], {"neg"}, "sin"),
    ("log", "def f(S: 'spd(n,n)'):\n    return np.log(np.linalg.det(S))", [pd], {"det", "log"}, "logdet"),
    ("log1p", "def f(x: 'n'):\n    return np.sum(np.log1p(np.exp(x)))", [vec], {"log1p", "exp"}, "softplus"),
    ("log1p", "def f(x):\n    return np.log1p(np.exp(x))", [scalar], {"log1p", "exp"}, "logaddexp"),
    ("conj", "def f(X):\n    return np.sum(np.sin(np.conj(X)))", [mat], {"conj"}, "sin"),
    ("real", "def f(X):\n    return np.sum(np.sin(np.real(X)))", [mat], {"real"}, "sin"),
    ("sum", "def f(X):\n    return np.sum(X * np.eye(X.shape[0]))", [mat], {"sum", "eye"}, "trace"),
    ("sum", "def f(X, s):\n    return np.sum(s * np.sin(X))", [mat, scalar], set(), "mul"),
    ("trace", "def f(X, s):\n    return np.trace(s * np.sin(X))", [mat, scalar], set(), "mul"),
    ("add", "def f(X, s):\n    return np.sum(np.sin(X + s * np.eye(X.shape[0])))", [mat, scalar], {"add", "eye"}, "add_diag"),
    ("add", "def f(A, B, s):\n    return np.sum(np.sin(s * A + s * B))", [mat, mat, scalar], set(), "add"),
    ("sub", "def f(A, B, s):\n    return np.sum(np.sin(s * A - s * B))", [mat, mat, scalar], set(), "sub"),
    ("add", "def f(x: 'n', y: 'n'):\n    return np.sum(np.sin(np.outer(x, np.ones(y.shape[0])) + y))", [vec, vec], {"outer", "broadcast"}, "add"),
    ("div", "def f(X, s):\n    return np.sum(np.sin(2.0 * X / s))", [mat, scalar], set(), "mul"),
    ("diag_of", "def f(x: 'n'):\n    return np.sum(np.sin(x * np.diag(np.eye(x.shape[0]))))", [vec], {"diag_of", "eye", "mul"}, "sin"),
    ("outer", "def f(x: 'n', y: 'n'):\n    return np.sum(np.sin(np.outer(x, np.ones(y.shape[0])) + y[np.newaxis, :]))", [vec, vec], {"outer"}, "index"),
    ("matmul", "def f(X):\n    return np.sum(np.sin(np.eye(X.shape[0]) @ X))", [mat], {"matmul"}, "sin"),
    ("matmul", "def f(A, B):\n    return np.sum(np.sin((2.0 * A) @ B))", [mat, mat], set(), "mul"),
    ("matmul", "def f(A, B):\n    return np.sum(np.sin(A @ (-B)))", [mat, mat], set(), "neg"),
    ("transpose", "def f(X):\n    return np.sum(np.sin(X.T.T))", [mat], {"transpose"}, "sin"),
    ("transpose", "def f(S: 'sym(n,n)', X):\n    return np.sum(np.sin(S.T @ X))", [pd, mat], {"transpose"}, "matmul"),
    ("outer", "def f(x: 'n', y: 'n'):\n    return np.sum(np.sin(np.outer(-x, -y)))", [vec, vec], {"neg"}, "outer"),
    ("inv", "def f(D: 'diag(n,n)', X):\n    return np.sum(np.linalg.inv(D) * X)", [diag, mat], {"inv"}, "diag_embed"),
    ("logdet", "def f(D: 'diag(n,n)'):\n    return np.linalg.slogdet(D)[1]", [diag], {"logdet"}, "log"),
    # with L = cholesky(K), K symmetric by structure: K⁻¹ y and Σ log diag L = ½ log det K
    # differentiated through K (tests/test_cholesky_inverse.py)
    ("solve", "def f(X, y: 'n'):\n    L = np.linalg.cholesky(X @ X.T + np.eye(X.shape[0]))\n    return y @ np.linalg.solve(L.T, np.linalg.solve(L, y))", [mat, vec], {"solve"}, "cholesky_solve"),
    ("solve_triangular", "from scipy.linalg import cho_solve\n\n\ndef f(X, y: 'n'):\n    L = np.linalg.cholesky(X @ X.T + np.eye(X.shape[0]))\n    return y @ cho_solve((L, True), y)", [mat, vec], {"solve_triangular"}, "cho_solve"),
    ("sum", "def f(X):\n    L = np.linalg.cholesky(X @ X.T + np.eye(X.shape[0]))\n    return np.sum(np.log(np.diag(L)))", [mat], {"sum", "log"}, "cholesky_logdet"),
    ("einsum", "def f(X):\n    return np.sum(np.sin(np.einsum('ij->ij', X)))", [mat], {"einsum"}, "sin"),
    ("einsum", "def f(X, s):\n    return np.sum(np.sin(np.einsum(',ij->ij', s, X)))", [mat, scalar], {"einsum"}, "mul"),
    ("permute", "def f(X: 'k,n,m'):\n    return np.sum(np.sin(np.transpose(np.transpose(X, (1, 0, 2)), (1, 0, 2))))", [lambda rng: rng.standard_normal((2, 3, 4))], {"permute"}, "sin"),
    ("permute", "def f(X: 'k,n,m'):\n    return np.sum(np.sin(np.transpose(np.transpose(X, (1, 2, 0)), (1, 2, 0))))", [lambda rng: rng.standard_normal((2, 3, 4))], set(), "permute"),
]
# comparisons of compile-time facts (here a declared size) fold to a constant, so the branch
# is decided while compiling: the program holds the branch taken and no comparison
for _op, _spelled, _true in [
    ("equal", "==", True),
    ("not_equal", "!=", False),
    ("less", "<", False),
    ("less_equal", "<=", True),
    ("greater", ">", False),
    ("greater_equal", ">=", True),
]:
    _body = (
        f"def f(X: '3,n'):\n    if X.shape[0] {_spelled} 3:\n        return np.sum(np.sin(X))\n"
        "    return np.sum(np.cos(X))"
    )
    _rect = [lambda rng: rng.standard_normal((3, N))]
    SIMPLIFY.append((_op, _body, _rect, {_op}, "sin" if _true else "cos"))


def build(body: str):
    source = "import numpy as np\n\n\n" + body + "\n"
    model = frontend.build(source, "f")
    namespace: dict = {"np": np}
    exec(compile(source, "<model>", "exec"), namespace)  # noqa: S102 -- the test's own model
    return model, namespace["f"]


def ops(roots) -> set[str]:
    return {v.op for v in reachable(roots)}


@pytest.mark.parametrize(
    "op, body, makers, absent, present", SIMPLIFY, ids=[c[1].split("return ")[1] for c in SIMPLIFY]
)
def test_each_local_identity_fires_and_keeps_the_value(op, body, makers, absent, present):
    assert RULES[op].simplify is not None
    model, f = build(body)
    have = ops([model.out])
    assert not (have & absent), (absent, have)
    assert present is None or present in have, (present, have)
    if op in ("sum", "trace") and present == "mul":
        assert model.out.op == "mul"  # the scalar came out of the sum
    if op in ("add", "sub", "div"):  # c x ± c y = c (x ± y), (c X) / s = (c / s) X
        arrays = [v for v in reachable([model.out]) if v.op in ("mul", "div") and v.rank]
        assert len(arrays) <= 1, arrays  # one scaling of an array at most
    if op == "matmul":  # the identity, the scalar or the sign came out of the product
        assert all(a.is_param for v in reachable([model.out]) if v.op == "matmul" for a in v.args)
    rng = np.random.default_rng(len(body))
    for _ in range(3):
        args = [m(rng) for m in makers]
        got = evaluate(model.graph, model.params, [model.out], args)[0]
        np.testing.assert_allclose(got, f(*args), rtol=1e-10, atol=1e-12)


def test_every_simplify_entry_has_a_case():
    with_entry = {op for op, r in RULES.items() if r.simplify is not None}
    tested = {c[0] for c in SIMPLIFY}
    # vdot's: test_signs_come_out_of_inner_products below; symmetrize is built only by
    # reverse mode (tests/test_symmetric.py)
    assert with_entry - tested <= {"vdot", "symmetrize"}, with_entry - tested


def test_signs_come_out_of_inner_products():
    """vdot is built by the rewrite of sum (Σ A ∘ B): its identity takes the sign out."""
    model, f = build("def f(A, B):\n    return np.sum(np.sin(A) * (-B))")
    (out,), changed = optimize.rewrites("sum")(model.graph, [model.out])
    assert changed and out.op == "neg" and out.args[0].op == "vdot"
    assert all(a.op != "neg" for a in out.args[0].args)
    args = [mat(RNG), mat(RNG)]
    got = evaluate(model.graph, model.params, [out], args)[0]
    np.testing.assert_allclose(got, f(*args), rtol=1e-10, atol=1e-12)


# -- the optimizer's rewrites: (op, body, inputs, op gone, op that appears, on the gradient?)
REWRITES = [
    ("trace", "def f(A, B):\n    return np.trace(A @ B)", [mat, mat], "trace", "sum", False),
    ("sum", "def f(A, B):\n    return np.sum(np.sin(A) * np.cos(B))", [mat, mat], "sum", "vdot", False),
    ("matmul", "def f(A, x: 'n'):\n    return np.sum(np.linalg.inv(A) @ x)", [pd, vec], "inv", "solve", False),
    ("matmul", "def f(A, B):\n    return np.sum(np.sin(B @ np.linalg.inv(A)))", [pd, mat], "inv", "solve", False),
    ("add", "def f(X):\n    return np.sum(X[0] * X[1]) + np.sum(X[2] ** 2)", [mat], "scatter", "scatter_add", True),
]


@pytest.mark.parametrize(
    "op, body, makers, gone, appears, on_gradient",
    REWRITES,
    ids=[c[1].split("return ")[1] for c in REWRITES],
)
def test_each_rewrite_fires_is_idempotent_and_keeps_the_value(
    op, body, makers, gone, appears, on_gradient
):
    assert RULES[op].rewrite is not None
    model, f = build(body)
    g = model.graph
    roots = [model.out]
    if on_gradient:
        roots = autodiff.reverse(g, model.out, model.params).grads
    rewrite = optimize.rewrites(op)
    new, changed = rewrite(g, roots)
    assert changed
    assert gone in ops(roots) and gone not in ops(new), (ops(roots), ops(new))
    assert appears in ops(new) and appears not in ops(roots)
    again, changed_again = rewrite(g, new)
    assert not changed_again and again == new
    rng = np.random.default_rng(len(body))
    args = [m(rng) for m in makers]
    got = evaluate(g, model.params, new, args)
    if on_gradient:  # the gradient against central differences of the model
        for k, grad in enumerate(got):
            np.testing.assert_allclose(grad, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)
    else:
        np.testing.assert_allclose(got[0], f(*args), rtol=1e-10, atol=1e-12)


def test_every_rewrite_entry_has_a_case():
    assert {op for op, r in RULES.items() if r.rewrite is not None} == {c[0] for c in REWRITES}
