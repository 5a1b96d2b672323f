"""The helpers that state one fact once (rules/base.py, forms.OpMap, cliargs, errors_in),
checked against independent facts: Python's own parser for operators, the table's other
entries for tuple outputs, argparse for the option kinds."""

from __future__ import annotations

import ast
import itertools

import pytest
from matgradc.build import Builder
from matgradc.cliargs import Parser, UsageError
from matgradc.diagnostics import CompileError, errors_in
from matgradc.forms import CumSum, ImagPart, Index, RealPart, Roll
from matgradc.rules import RULES
from matgradc.rules.base import OPERATORS, function, infix, same, tuple_call


def test_infix_operators_are_pythons():
    """Each operator's ast class and precedence are Python's: `a s b t c` groups to the left
    exactly when s binds at least as tightly as t."""
    for symbol, (binop, _) in OPERATORS.items():
        assert type(ast.parse(f"a {symbol} b", mode="eval").body.op).__name__ == binop
    for (s, (_, ps)), (t, (_, pt)) in itertools.product(OPERATORS.items(), repeat=2):
        tree = ast.parse(f"a {s} b {t} c", mode="eval").body
        assert isinstance(tree.left, ast.BinOp) == (ps >= pt), (s, t)


def test_infix_rules_parenthesise_a_right_operand_of_equal_precedence():
    for op, rule in RULES.items():
        if rule.binop in {b for b, _ in OPERATORS.values()}:
            symbol = rule.spelling.split()[1]
            assert rule.spelling == f"{{0}} {symbol} {{1}}", op
            assert rule.arg_prec == (rule.prec, rule.prec + 1), op
    assert infix("@", same, (None, None), binop=None).binop is None


def test_function_derives_spelling_calls_and_imports_from_one_name():
    numpy_rule = function("numpy.linalg.solve", same, (None, None))
    assert numpy_rule.spelling == "np.linalg.solve({0}, {1})"
    assert numpy_rule.calls == ("numpy.linalg.solve",) and numpy_rule.imports == ()
    scipy_rule = function("scipy.special.xlogy", same, (None, None), also=("scipy.special.x",))
    assert scipy_rule.spelling == "scipy.special.xlogy({0}, {1})"
    assert scipy_rule.calls == ("scipy.special.xlogy", "scipy.special.x")
    assert scipy_rule.imports == ("scipy.special",)


def test_tuple_outputs_agree_on_their_call():
    """The ops reading one call's outputs (same spelling) have one length and distinct indices."""
    by_call: dict = {}
    for rule in RULES.values():
        if rule.group is not None:
            by_call.setdefault(rule.spelling, []).append(rule.group)
    assert len(by_call) >= 8
    for spelling, groups in by_call.items():
        lengths = {n for _, n in groups}
        indices = [i for i, _ in groups]
        assert len(lengths) == 1 and all(0 <= i < min(lengths) for i in indices), spelling
    part = tuple_call("f({0})", 3, requires=("sym",))
    rule = part(2, same, (None,), dtype="complex")
    assert (rule.group, rule.requires, rule.dtype) == ((2, 3), ("sym",), "complex")


def test_op_maps_apply_their_op_with_their_fields_and_adjoint_by_theirs():
    g = Builder()
    t = g.op("param", name="t", index=0, dims=(g.new_dim(3), g.new_dim(4)), struct="general")
    rolled = Roll(2, 1).apply(g, t)
    assert rolled.op == "roll" and (rolled.attr("shift"), rolled.attr("axis")) == (2, 1)
    assert CumSum(0).apply(g, t).attr("axis") == 0
    assert Index((("i", 1),)).apply(g, t).op == "index"
    assert RealPart().adjoint(g, t, t.shape) is t  # the identity
    assert ImagPart().adjoint(g, t, t.shape).op == "times_i"
    assert ImagPart() == ImagPart() and ImagPart() != RealPart()


def test_parser_option_kinds():
    p = Parser(prog="x")
    p.choice("--mode", ("first", "second"), "which")
    p.flag("--on", "on or off")
    p.shapes("NAME=SPEC", "a shape")
    args = p.parse_args([])
    assert (args.mode, args.on, args.shape) == ("first", False, [])
    args = p.parse_args(["--mode", "second", "--on", "--shape", "a=n", "--shape", "b=m"])
    assert (args.mode, args.on, args.shape) == ("second", True, ["a=n", "b=m"])
    with pytest.raises(UsageError, match="invalid choice"):
        p.parse_args(["--mode", "third"])


def test_errors_in_names_the_file_once_and_passes_other_errors():
    with (
        pytest.raises(CompileError) as caught,
        errors_in("outer.py", None),
        errors_in("model.py", "x = 1\n"),
    ):
        raise CompileError("bad")
    assert (caught.value.filename, caught.value.source) == ("model.py", "x = 1\n")
    with pytest.raises(KeyError), errors_in("model.py", None):
        raise KeyError("not a compile error")
