"""The one shape grammar (compiler/shapes.py): model annotations, `matgradc expr --shape`."""

from __future__ import annotations

import pytest
from matgradc import frontend, shapes
from matgradc.diagnostics import CompileError, Loc
from matgradc.ir import DIAGONAL, GENERAL, LOWER, SPD, SYMMETRIC

SPECS = [
    ("n,n", (2, ("n", "n"), GENERAL)),
    (" m , n ", (2, ("m", "n"), GENERAL)),
    ("(3, 3)", (2, (3, 3), GENERAL)),
    ("n", (1, ("n",), GENERAL)),
    ("scalar", (0, (), GENERAL)),
    ("()", (0, (), GENERAL)),
    ("spd(n,n)", (2, ("n", "n"), SPD)),
    ("sym(n,n)", (2, ("n", "n"), SYMMETRIC)),
    ("symmetric(k,k)", (2, ("k", "k"), SYMMETRIC)),
    ("diag(n,n)", (2, ("n", "n"), DIAGONAL)),
    ("lower(n,n)", (2, ("n", "n"), LOWER)),
    ("general(n,m)", (2, ("n", "m"), GENERAL)),
]


@pytest.mark.parametrize("spec,expected", SPECS, ids=[s for s, _ in SPECS])
def test_parse(spec, expected):
    assert shapes.parse(spec, "X") == expected


ERRORS = [
    ("tri(n,n)", "unknown structure `tri` in the shape of `X`"),
    ("spd(k,n,n)", "structure is declared for matrices only"),
    ("spd(n,m)", "declared spd but its shape is not square"),
    ("diag(n)", "declared diagonal but its shape is not square"),
    ("n,-1", "cannot read the shape 'n,-1' of `X`"),
    ("0,n", "cannot read the shape"),
    ("spd()", "has no shape"),
]


@pytest.mark.parametrize("spec,message", ERRORS, ids=[s for s, _ in ERRORS])
def test_errors_are_located(spec, message):
    with pytest.raises(CompileError) as e:
        shapes.parse(spec, "X", Loc(3, 7))
    assert message in e.value.message
    assert e.value.loc == Loc(3, 7) and e.value.hint


def test_assignment():
    assert shapes.parse_assignment("D=diag(n,n)") == ("D", "diag(n,n)")
    assert shapes.parse_assignment(" x : n ") == ("x", "n")
    assert shapes.parse_assignment("c='scalar'") == ("c", "scalar")
    for bad, message in (("X", "cannot read the shape declaration"), ("X=", "is missing")):
        with pytest.raises(CompileError, match=message):
            shapes.parse_assignment(bad)
    with pytest.raises(CompileError, match="unknown structure"):
        shapes.parse_assignment("X=tri(n,n)")


def test_annotations_use_the_grammar():
    source = 'import numpy as np\n\ndef f(D: "diag(n,n)", A: "n,n"):\n    return np.trace(D @ A)\n'
    model = frontend.build(source, "f")
    assert [p.struct for p in model.params] == [DIAGONAL, GENERAL]
    bad = 'def f(D: "tri(n,n)"):\n    return D\n'
    with pytest.raises(CompileError) as e:
        frontend.build(bad, "f")
    assert "unknown structure `tri`" in e.value.message
    assert e.value.loc == Loc(1, 9)
