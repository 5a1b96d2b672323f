"""`--emit explain` (compiler/explain.py), checked against the model rather than against
itself: each step names the model line it comes from; the steps, run in order, compute the
model's value as NumPy does; each printed differential `dy = ...` is the central difference
of its step; each unwound adjoint is the transpose of that differential (the dot-product
test ⟨ȳ, dy⟩ = ⟨x̄, dx⟩); the talk's notation appears for the forms DESIGN.md names."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from helpers import central, example_inputs
from matgradc import explain, frontend
from matgradc.api import compile_model, emit_explain

ROOT = Path(__file__).resolve().parent.parent

OWN = """import numpy as np


def f(A: "n,n", X: "n,n", x: "n"):
    Y = A @ X
    Z = np.linalg.inv(Y)
    w = np.tanh(Z @ x)
    return np.trace(Z) + np.sum(w ** 2) + np.sum(X.T * A)
"""

MODELS = {
    "own": (OWN, "f"),
    "covariance": ((ROOT / "examples" / "covariance.py").read_text(), "covariance"),
    "gaussian_nll": ((ROOT / "examples" / "gaussian_nll.py").read_text(), "gaussian_nll"),
    "mlp": ((ROOT / "examples" / "mlp.py").read_text(), "mlp_loss"),
}


STEP = re.compile(r"^line (\d+): (\w+) = (.*)$")


def steps(text: str) -> list[dict]:
    """The steps of an explanation: the model line, the value, its spelling, and for each
    argument the printed differential, Jacobian and unwound adjoint."""
    out: list[dict] = []
    for line in text.splitlines():
        if m := STEP.match(line):
            out.append({"line": int(m[1]), "y": m[2], "expr": m[3], "derivs": []})
        elif line.startswith("    d") and " = " in line and out:
            out[-1]["derivs"].append({"dy": line.split(" = ", 1)[1], "x": None})
        elif line.startswith("    ∂") and out:
            out[-1]["derivs"][-1]["x"] = line.split("/∂", 1)[1].split(" = ", 1)[0]
            out[-1]["derivs"][-1]["talk"] = line.split(" = ", 1)[1]
        elif line.startswith("    unwound: ") and out:
            out[-1]["derivs"][-1]["adjoint"] = line.split(" += ", 1)[1]
    return out


def explained(name):
    source, fn = MODELS[name]
    text = emit_explain(compile_model(source, fn))
    return source, fn, text, steps(text)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_each_step_names_its_source_line(name):
    source, _, text, found = explained(name)
    lines = source.splitlines()
    body = [i + 1 for i, t in enumerate(lines) if t.startswith("    ") and t.strip()]
    assert found, text
    for s in found:
        assert s["line"] in body, s  # a line of the function's body
        text_of_line = lines[s["line"] - 1]
        if not re.fullmatch(r"t\d+|value", s["y"]):  # the model's own name: its assignment
            assert re.match(rf"\s+(\w+, )*{s['y']}\b.*=", text_of_line), (s, text_of_line)
    # every statement of the body that computes something is explained
    computing = [i for i in body if re.search(r"np\.|@|\*|\+|-", lines[i - 1])]
    assert set(computing) <= {s["line"] for s in found}, (computing, text)


def forward_env(model, found, args):
    """Run the explained steps in order, with NumPy."""
    env = {"np": np, **dict(zip(model.param_names, args))}
    for s in found:
        env[s["y"]] = eval(s["expr"], env)
    return env


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_steps_compute_the_models_value(name):
    source, fn, _, found = explained(name)
    model = frontend.build(source, fn)
    namespace: dict = {}
    exec(compile(source, "<model>", "exec"), namespace)  # noqa: S102 -- the test's model
    args = example_inputs(model, seed=1)
    env = forward_env(model, found, args)
    np.testing.assert_allclose(env[found[-1]["y"]], namespace[fn](*args), rtol=1e-10)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_each_differential_and_its_adjoint(name):
    source, fn, _, found = explained(name)
    model = frontend.build(source, fn)
    rng = np.random.default_rng(2)
    env = forward_env(model, found, example_inputs(model, seed=2))
    checked = 0
    for s in found:
        y = s["y"]
        for d in s["derivs"]:
            x = d["x"]
            dx = rng.standard_normal(np.shape(env[x]))
            dx = float(dx) if np.ndim(env[x]) == 0 else dx
            ybar = rng.standard_normal(np.shape(env[y]))
            ybar = float(ybar) if np.ndim(env[y]) == 0 else ybar

            def step(value, x=x, s=s):
                return eval(s["expr"], {**env, x: value})

            dy = eval(d["dy"], {**env, f"d{x}": dx})
            fd = central(step, env[x], dx)
            np.testing.assert_allclose(dy, fd, rtol=1e-5, atol=1e-7, err_msg=f"d{y} by d{x}")
            xbar = eval(d["adjoint"], {**env, f"g_{y}": ybar})
            np.testing.assert_allclose(
                np.sum(ybar * dy), np.sum(xbar * dx), rtol=1e-9, atol=1e-10, err_msg=f"{y}, {x}"
            )
            checked += 1
    assert checked >= len(found)


def test_the_talks_notation_for_the_forms_design_names():
    """DESIGN.md's table: matmul Y = G H is I ⊗ Hᵀ and G ⊗ I, the inverse −Y ⊗ Yᵀ (the
    talk's −X⁻¹ ⊗ X⁻ᵀ), the transpose I ⊠ I, logdet vec(1) vecᵀ(X⁻ᵀ)."""
    _, _, _, found = explained("own")
    by = {(s["y"], d["x"]): d["talk"] for s in found for d in s["derivs"]}
    assert by[("Y", "A")] == "I ⊗ Xᵀ" and by[("Y", "X")] == "A ⊗ I"
    assert by[("Z", "Y")] == "-Z ⊗ Zᵀ"
    source = "import numpy as np\n\n\ndef f(X: 'n,m', S: 'n,n'):\n    return np.sum(np.sin(X.T)) + np.linalg.slogdet(S)[1]\n"
    found = steps(emit_explain(compile_model(source, "f")))
    talk = {d["x"]: d["talk"] for s in found for d in s["derivs"]}
    assert talk["X"] == "I ⊠ I"
    assert "⊗" not in talk["S"] and "vecᵀ" in talk["S"]


def test_brief_keeps_one_jacobian_per_argument():
    source, fn = MODELS["own"]
    model = frontend.build(source, fn)
    full = steps(emit_explain(compile_model(source, fn)))
    brief = explain.explain(model, list(range(len(model.params))), brief=True)
    assert sum(t.startswith("    ∂") for t in brief.splitlines()) == sum(
        len(s["derivs"]) for s in full
    )
    assert "unwound" not in brief and "never formed" in brief
