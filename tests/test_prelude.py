"""The default backend: NumPy always, SciPy's LAPACK through the module's prelude when
scipy.linalg imports (issue 15). The Cholesky backward is Murray's (2016) Φ(Lᵀ L̄) and two
triangular solves, with no n×n mask; the gradients match central differences of the model
as NumPy runs it, with SciPy present and with SciPy hidden (a subprocess that blocks it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import types

import numpy as np
import pytest
from helpers import central_gradient
from matgradc.api import Options, compile_model
from matgradc.build import Builder
from matgradc.forms import Phi
from matgradc.rules import RULES

RNG = np.random.default_rng(15)
N = 5

# a lower Cholesky factor of a general K (NumPy reads its lower triangle): the entrywise
# gradient; L used by solves (forward) and by the log-determinant
GP = (
    "import numpy as np\n\n\n"
    "def f(K, y: 'n'):\n"
    "    L = np.linalg.cholesky(K)\n"
    "    a = np.linalg.solve(L.T, np.linalg.solve(L, y))\n"
    "    return 0.5 * y @ a + np.sum(np.log(np.diag(L))) + np.sum(L * L)\n"
)


def spd_matrix(n: int = N) -> np.ndarray:
    A = RNG.standard_normal((n, n))
    return A @ A.T + n * np.eye(n)


def indefinite(n: int = N) -> np.ndarray:
    """Symmetric, invertible, with eigenvalues of both signs (Cholesky fails on it)."""
    Q = np.linalg.qr(RNG.standard_normal((n, n)))[0]
    A = (Q * np.linspace(-2.0, 3.0, n)) @ Q.T  # eigenvalues -2 ... 3, none near 0 (n = 5)
    return 0.5 * (A + A.T)


SYM = (
    "import numpy as np\n\n\n"
    "def f(A: 'sym(n,n)', b: 'n'):\n"
    "    x = np.linalg.solve(A, b)\n"
    "    return x @ b + np.linalg.slogdet(A)[1] + np.sum(np.linalg.inv(A))\n"
)
SYM_HELPERS = ["_sym_factor", "_sym_logdet", "_sym_inv"]
SYM_SOLVES = (
    "import numpy as np\n\n\n"
    "def f(A: 'sym(n,n)', b: 'n'):\n"
    "    x = np.linalg.solve(A, b)\n"
    "    return x @ x\n"
)


def module(text: str) -> types.ModuleType:
    mod = types.ModuleType("generated")
    exec(compile(text, "<generated>", "exec"), mod.__dict__)  # noqa: S102 -- generated code
    return mod


def model_f(source: str):
    """The model itself, as NumPy runs it (the reference for finite differences)."""
    env: dict = {}
    exec(compile(source, "<model>", "exec"), env)  # noqa: S102 -- the test's own model
    return env["f"]


def test_default_module_uses_triangular_solves_and_phi_without_a_mask():
    text = compile_model(GP, "f").module
    assert "import scipy.linalg as _scipy_linalg" in text and "except ImportError:" in text
    assert "_solve_triangular(L, " in text
    assert "np.linalg.solve(" not in text.split("def _check_args")[1]  # only the fallback's
    assert "np.ones(" not in text and "np.eye(" not in text
    assert 'np.einsum("ii->i", ' in text


def test_numpy_backend_imports_numpy_alone():
    text = compile_model(GP, "f", options=Options(backend="numpy")).module
    assert "scipy" not in text and "_solve_triangular" not in text
    assert "np.ones(" not in text  # Φ has no mask in either backend


# (source, inputs, helpers the default module must call, parameters declared spd)
CASES = {
    "cholesky-backward": (
        GP,
        lambda: [spd_matrix(), RNG.standard_normal(N)],
        ["_solve_triangular"],
        [],
    ),
    "spd-shared-cholesky": (
        (
            "import numpy as np\n\n\n"
            "def f(S, Sigma: 'spd(n,n)'):\n    Si = np.linalg.inv(Sigma)\n"
            "    return -np.linalg.slogdet(Sigma)[1] - np.trace(S @ Si) - np.sum(Si * Si)\n"
        ),
        lambda: [RNG.standard_normal((N, N)), spd_matrix()],
        ["_cho_factor", "_cho_inv", "_cho_logdet"],
        [1],
    ),
    "spd-solve": (
        (
            "import numpy as np\n\n\n"
            "def f(X, Sigma: 'spd(n,n)'):\n"
            "    return np.linalg.slogdet(Sigma)[1] + np.sum(X * np.linalg.solve(Sigma, X))\n"
        ),
        lambda: [RNG.standard_normal((N, 3)), spd_matrix()],
        ["_cho_factor", "_cho_logdet"],
        [1],
    ),
    "general-shared-lu": (
        (
            "import numpy as np\n\n\n"
            "def f(A, b: 'n'):\n    x = np.linalg.solve(A, b)\n"
            "    return x @ x + np.linalg.slogdet(A)[1] + np.sum(np.linalg.inv(A))\n"
        ),
        lambda: [RNG.standard_normal((N, N)) + 3 * np.eye(N), RNG.standard_normal(N)],
        ["_lu_factor", "_lu_solve", "_lu_logdet"],
        [],
    ),
    # a symmetric matrix not known to be positive definite: Cholesky when it is (at run
    # time), LU when it is not; both give the same value and gradient
    "sym-positive-definite": (
        SYM,
        lambda: [spd_matrix(), RNG.standard_normal(N)],
        SYM_HELPERS,
        [0],
    ),
    "sym-indefinite": (SYM, lambda: [indefinite(), RNG.standard_normal(N)], SYM_HELPERS, [0]),
    "sym-solves-indefinite": (
        SYM_SOLVES,
        lambda: [indefinite(), RNG.standard_normal(N)],
        ["_sym_factor", "_sym_solve"],
        [0],
    ),
}


def check_gradients(source: str, args: list, value, grads, spd_params: list[int]) -> None:
    """Against central differences of the model as NumPy runs it: entry by entry, or along
    E_ij + E_ji for a parameter declared spd (its gradient is the symmetric one)."""
    f = model_f(source)
    assert np.isclose(value, f(*args), rtol=1e-10)
    h = 1e-6
    for k, g in enumerate(grads):
        g = np.asarray(g)
        if k not in spd_params:
            np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)
            continue
        np.testing.assert_allclose(g, g.T, rtol=0, atol=1e-10)
        for i in range(N):
            for j in range(i, N):
                d = np.zeros((N, N))
                d[i, j] = d[j, i] = 1.0
                plus, minus = list(args), list(args)
                plus[k], minus[k] = args[k] + h * d, args[k] - h * d
                fd = (f(*plus) - f(*minus)) / (2 * h)
                np.testing.assert_allclose(np.sum(g * d), fd, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", sorted(CASES))
def test_default_module_with_scipy_uses_lapack_and_matches_central_differences(name):
    source, build, helpers, spd_params = CASES[name]
    text = compile_model(source, "f").module
    for h in helpers:
        assert f"{h}(" in text.split("def _check_args")[1], h
    assert "np.linalg.slogdet(" not in text.split("def _check_args")[1] or not spd_params
    mod = module(text)
    assert mod._scipy_linalg is not None
    args = build()
    if name.startswith("sym-"):  # the run-time choice: Cholesky exactly when A is definite
        assert mod._sym_factor(args[0])[0] == (name == "sym-positive-definite")
        assert mod._sym_factor(spd_matrix())[0]
    check_gradients(source, args, *mod.value_and_grad_f(*args), spd_params)
    assert np.isclose(mod.f(*args), model_f(source)(*args), rtol=1e-10)


BLOCKED = """
import importlib.abc, json, sys, types
import numpy as np

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "scipy" or name.startswith("scipy."):
            raise ImportError("scipy is hidden for this test")
        return None

sys.meta_path.insert(0, Block())
mod = types.ModuleType("generated")
exec(compile(sys.stdin.read(), "<generated>", "exec"), mod.__dict__)
args = [np.array(a) for a in json.loads(sys.argv[1])]
value, grads = mod.value_and_grad_f(*args)
print(json.dumps({"scipy": mod._scipy_linalg is not None, "loaded": "scipy" in sys.modules,
                  "value": float(value), "f": float(mod.f(*args)),
                  "grads": [np.asarray(g).tolist() for g in grads]}))
"""


@pytest.mark.parametrize("name", sorted(CASES))
def test_default_module_runs_with_numpy_alone_when_scipy_is_hidden(name):
    source, build, _, spd_params = CASES[name]
    args = build()
    run = subprocess.run(
        [sys.executable, "-c", BLOCKED, json.dumps([a.tolist() for a in args])],
        input=compile_model(source, "f").module,
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(run.stdout)
    assert out["scipy"] is False and out["loaded"] is False
    assert np.isclose(out["f"], model_f(source)(*args), rtol=1e-10)
    check_gradients(source, args, out["value"], out["grads"], spd_params)


def test_a_lone_inverse_of_an_spd_matrix_keeps_numpy():
    """One use gets no Cholesky factor (NumPy's LU is as fast for a single inverse)."""
    source = "import numpy as np\n\n\ndef f(Sigma: 'spd(n,n)'):\n    return np.sum(np.linalg.inv(Sigma))\n"
    text = compile_model(source, "f").module
    assert "_cho_factor" not in text and "_scipy_linalg" not in text


@pytest.mark.parametrize("backend", ["auto", "numpy", "scipy"])
def test_cholesky_of_spd_parameter_symmetric_gradient(backend):
    """Declared spd: the symmetric gradient, checked along E_ij + E_ji."""
    source = GP.replace("def f(K,", "def f(K: 'spd(n,n)',")
    mod = module(compile_model(source, "f", options=Options(backend=backend)).module)
    f = model_f(source)
    args = [spd_matrix(), RNG.standard_normal(N)]
    g = mod.grad_f(*args)[0]
    np.testing.assert_allclose(g, g.T, rtol=0, atol=1e-12)
    h = 1e-6
    for i in range(N):
        for j in range(i, N):
            d = np.zeros((N, N))
            d[i, j] = d[j, i] = 1.0
            fd = (f(args[0] + h * d, args[1]) - f(args[0] - h * d, args[1])) / (2 * h)
            np.testing.assert_allclose(np.sum(g * d), fd, rtol=1e-6, atol=1e-8)


def test_phi_is_the_masked_lower_triangle_and_self_adjoint():
    """Φ(X) = tril(X) with a halved diagonal (checked against an independent spelling with a
    mask), the argument untouched; the Phi form's adjoint is Φ again, so
    ⟨Ȳ, Φ(X)⟩ = ⟨Φ(Ȳ), X⟩ with both sides computed by the rule's spelling."""

    def phi(A):
        env = {"np": np, "A": A.copy()}
        exec(RULES["phi"].spelling.format("A", out="out"), env)  # noqa: S102 -- the rule
        np.testing.assert_array_equal(env["A"], A)
        return env["out"]

    X = RNG.standard_normal((6, 6))
    Y = RNG.standard_normal((6, 6))
    mask = np.tril(np.ones((6, 6)), -1) + 0.5 * np.eye(6)
    np.testing.assert_array_equal(phi(X), X * mask)
    assert np.isclose(np.sum(Y * phi(X)), np.sum(phi(Y) * X))
    g = Builder()
    n = g.new_dim(6)
    x = g.op("param", name="X", index=0, dims=(n, n), struct="general")
    assert Phi().adjoint(g, x, x.shape).op == "phi" and Phi().apply(g, x).op == "phi"


def test_model_function_named_like_a_prelude_helper_is_refused():
    source = GP.replace("def f(", "def _solve_triangular(")
    with pytest.raises(Exception, match="taken by the generated module"):
        compile_model(source, "_solve_triangular")


def test_slogdet_with_its_sign_keeps_numpys_one_call():
    """sign and log|det| from one np.linalg.slogdet: no LU factor beside it."""
    source = (
        "import numpy as np\n\n\n"
        "def f(A):\n    sign, ld = np.linalg.slogdet(A)\n    return sign * ld\n"
    )
    text = compile_model(source, "f").module
    assert "_lu_factor" not in text and text.count("np.linalg.slogdet(A)") >= 2
    mod = module(text)
    A = RNG.standard_normal((N, N)) + 3 * np.eye(N)
    value, grad = mod.value_and_grad_f(A)
    assert np.isclose(value, model_f(source)(A))
    np.testing.assert_allclose(grad[0], central_gradient(model_f(source), [A], 0), rtol=1e-6)
