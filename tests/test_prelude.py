"""The default backend: NumPy always, SciPy's LAPACK through the module's prelude when
scipy.linalg imports (issue 15). The Cholesky backward is Murray's (2016) Φ(Lᵀ L̄) and two
triangular solves, with no n×n mask; the gradients match central differences of the model
as NumPy runs it, with SciPy present and with SciPy hidden (a subprocess that blocks it)."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import numpy as np
import pytest
from helpers import central_gradient
from matgradc.api import Options, compile_model
from matgradc.forms import Phi
from matgradc.ir import Graph
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


def test_default_module_gradient_matches_central_differences_with_scipy():
    args = [spd_matrix(), RNG.standard_normal(N)]
    mod = module(compile_model(GP, "f").module)
    assert mod._scipy_linalg is not None
    f = model_f(GP)
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, f(*args))
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


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
                  "value": float(value), "grads": [np.asarray(g).tolist() for g in grads]}))
"""


def test_default_module_runs_with_numpy_alone_when_scipy_is_hidden():
    args = [spd_matrix(), RNG.standard_normal(N)]
    text = compile_model(GP, "f").module
    run = subprocess.run(
        [sys.executable, "-c", BLOCKED, json.dumps([a.tolist() for a in args])],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(run.stdout)
    assert out["scipy"] is False and out["loaded"] is False
    f = model_f(GP)
    assert np.isclose(out["value"], f(*args))
    for k, g in enumerate(out["grads"]):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


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
    g = Graph()
    n = g.new_dim(6)
    x = g.op("param", name="X", index=0, dims=(n, n), struct="general")
    assert Phi().adjoint(g, x, x.shape).op == "phi" and Phi().apply(g, x).op == "phi"


def test_model_function_named_like_a_prelude_helper_is_refused():
    source = GP.replace("def f(", "def _solve_triangular(")
    with pytest.raises(Exception, match="taken by the generated module"):
        compile_model(source, "_solve_triangular")
