"""The IR lint (compiler/lint.py): hand-broken programs fail it with a message naming what
is wrong, every example's pipeline passes it after every pass, and a pass that breaks the
program is named in the internal error."""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path

import pytest
from matgradc import cli, lint, optimize
from matgradc.frontend import build
from matgradc.ir import Value, format_ir, reachable
from matgradc.lint import LintError

ROOT = Path(__file__).resolve().parent.parent

SOURCE = """
import numpy as np

def f(A: "n,m", B: "m,k", x: "k"):
    C = A @ B
    return np.sum(np.tanh(C @ x)) + np.trace(B.T @ B)
"""


def program():
    model = build(SOURCE, "f")
    return model.graph, [model.out]


def first(g, roots, op):
    return next(v for v in reachable(roots) if v.op == op)


def append(g, v: Value) -> Value:
    """Put a hand-made value into the graph, as a (broken) pass could."""
    v = replace(v, id=len(g.values))
    g.values.append(v)
    return v


def test_a_well_formed_program_passes_and_is_left_unchanged():
    g, roots = program()
    before = (format_ir(g, roots, ["out"]), len(g._parent), dict(g.labels))
    lint.lint(g, roots)
    assert (format_ir(g, roots, ["out"]), len(g._parent), dict(g.labels)) == before


def broken_programs():
    """(what is broken, a function building it from a good program, the message expected)."""

    def use_before_definition(g, roots):
        mm, th = first(g, roots, "matmul"), first(g, roots, "tanh")
        slot = len(g.values)
        g.values.append(None)  # the reader's place, before the value it reads
        late = append(g, replace(mm, attrs=(("late", True),)))
        g.values[slot] = replace(th, id=slot, args=(late,))
        return [g.values[slot]]

    def unknown_op(g, roots):
        mm = first(g, roots, "matmul")
        return [append(g, replace(mm, op="frobnicate"))]

    def wrong_shape(g, roots):
        mm = first(g, roots, "matmul")  # A @ B: (n, k)
        a = mm.args[0]
        return [append(g, replace(mm, shape=(a.shape[0], a.shape[1])))]  # claims (n, m)

    def incompatible_arguments(g, roots):
        mm = first(g, roots, "matmul")
        a, b = mm.args
        return [append(g, replace(mm, args=(b, a)))]  # B @ A: k does not match n

    def wrong_arity(g, roots):
        mm = first(g, roots, "matmul")
        return [append(g, replace(mm, args=(mm.args[0],)))]

    def missing_attribute(g, roots):
        a = first(g, roots, "param")
        return [append(g, replace(a, attrs=(("index", 0), ("name", "A"))))]  # no dims

    def dangling(g, roots):
        mm = first(g, roots, "matmul")
        ghost = replace(mm, attrs=(("ghost", True),))  # the id of %3, never put into the graph
        return [append(g, replace(first(g, roots, "tanh"), args=(ghost,)))]

    def defined_twice(g, roots):
        mm = first(g, roots, "matmul")
        twin = append(g, mm)
        return [append(g, replace(mm, op="add", args=(mm, twin), attrs=()))]

    def wrong_structure(g, roots):
        mm = first(g, roots, "matmul")
        return [append(g, replace(mm, struct="spd"))]

    def not_a_value(g, roots):
        return [roots[0], "%3"]

    return [
        ("used before it is defined", use_before_definition, "before it is defined"),
        ("unknown op", unknown_op, "unknown op `frobnicate`"),
        ("wrong shape", wrong_shape, "shape (n, m) but the rule gives (n, k)"),
        ("incompatible arguments", incompatible_arguments, "(inner dimensions): k vs n"),
        ("wrong arity", wrong_arity, "`matmul` takes 2 arguments, got 1"),
        ("missing attribute", missing_attribute, "the shape rule fails: KeyError"),
        ("dangling value", dangling, "does not belong to the graph"),
        ("defined twice", defined_twice, "defined twice"),
        ("wrong structure", wrong_structure, "structure spd but the rule gives general"),
        ("an output is not a value", not_a_value, "an output is not a value"),
    ]


@pytest.mark.parametrize(
    "build_broken, message",
    [c[1:] for c in broken_programs()],
    ids=[c[0] for c in broken_programs()],
)
def test_a_hand_broken_program_fails_the_lint(build_broken, message):
    g, roots = program()
    lint.lint(g, roots)  # the good program passes
    broken = build_broken(g, roots)
    with pytest.raises(LintError, match="malformed IR after pass `p`") as e:
        lint.lint(g, broken, "after pass `p`")
    assert message in str(e.value)


def test_the_lint_leaves_the_dimensions_as_they_were_when_it_fails():
    g, roots = program()
    mm = first(g, roots, "matmul")
    a, b = mm.args
    swapped = append(g, replace(mm, args=(b, a)))
    dims = [g.find(d) for d in range(len(g._parent))]
    with pytest.raises(LintError):
        lint.lint(g, [swapped])
    assert [g.find(d) for d in range(len(g._parent))] == dims  # nothing was unified


def manifest() -> list[list[str]]:
    rows = []
    for line in (ROOT / "examples" / "manifest.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(shlex.split(line))
    return rows


@pytest.mark.parametrize("row", manifest(), ids=[r[1] for r in manifest()])
@pytest.mark.parametrize("backend", ["auto", "numpy", "scipy"])
def test_every_example_passes_the_lint_after_every_pass(row, backend, tmp_path, monkeypatch):
    linted: list[str] = []
    real = lint.lint

    def counting(g, roots, stage=""):
        linted.append(stage)
        real(g, roots, stage)

    monkeypatch.setattr(optimize, "lint", counting)
    model, fn, *extra = row
    argv = [str(ROOT / "examples" / model), "--fn", fn, *extra, "--backend", backend]
    assert cli.main([*argv, "-o", str(tmp_path / "out.py")]) == 0
    passes = {"scipy": optimize.SCIPY_PASSES, "numpy": optimize.PASSES}.get(
        backend, optimize.AUTO_PASSES
    )
    # before the passes, then after each pass of each round
    assert linted[0] == "before optimization (as differentiated)"
    # the whole program's run is the last one (run-time loop bodies are optimized before)
    last = len(linted) - 1 - linted[::-1].index(linted[0])
    tail = len(linted) - last - 1
    assert tail >= len(passes) and tail % len(passes) == 0
    assert linted[last + 1 : last + 1 + len(passes)] == [
        f"after pass `{p.__name__}`" for p in passes
    ]


def test_a_pass_that_breaks_the_program_is_named_in_an_internal_error(
    tmp_path, monkeypatch, capsys
):
    def swap_products(g, roots):
        """A broken pass: swaps the arguments of every product, shapes unchecked."""
        new = {}
        for v in reachable(roots):
            args = tuple(new.get(a.id, a) for a in v.args)
            if v.op == "matmul":
                args = args[::-1]
            if args != v.args:
                new[v.id] = append(g, replace(v, args=args))
        return [new.get(r.id, r) for r in roots], bool(new)

    monkeypatch.setattr(optimize, "PASSES", (*optimize.PASSES[:1], swap_products))
    model = tmp_path / "m.py"
    model.write_text(SOURCE)
    out = str(tmp_path / "g.py")
    code = cli.main([str(model), "--fn", "f", "--backend", "numpy", "-o", out])
    err = capsys.readouterr().err
    assert code == 2
    assert "internal error: LintError: malformed IR after pass `swap_products`" in err
    assert not (tmp_path / "g.py").exists()


def test_the_lint_can_be_turned_off(monkeypatch):
    monkeypatch.setenv(lint.ENV, "0")
    assert not lint.enabled()
    monkeypatch.setenv(lint.ENV, "1")
    assert lint.enabled()
