"""Gradient cases ported from HIPS/autograd tests/test_systematic.py at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_systematic.py: reductions, unary and binary ufuncs, and array functions over
combinations of shapes and keyword arguments (upstream's combo_check, expanded).

Each case is one plain NumPy function, ported as tests/peer/README.md describes; CASES is
the table tests/peer/run.py reads, its input specs listed in run.py's `draw`.
"""

# ruff: noqa: F821

import numpy as np


def max__0(x: "scalar"):
    return np.max(x)


def max__1(x: "scalar"):
    return np.max(x)


def max__2(x: "3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__3(x: "3"):
    return np.max(x, axis=None, keepdims=False)


def max__4(x: "3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__5(x: "3"):
    return np.max(x, axis=0, keepdims=False)


def max__6(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__7(x: "2,3"):
    return np.max(x, axis=None, keepdims=False)


def max__8(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__9(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=False)))


def max__10(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__11(x: "1,3"):
    return np.max(x, axis=None, keepdims=False)


def max__12(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__13(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=False)))


def max__14(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__15(x: "2,3"):
    return np.max(x, axis=None, keepdims=False)


def max__16(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__17(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=False)))


def max__18(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=1, keepdims=True)))


def max__19(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=1, keepdims=False)))


def max__20(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__21(x: "1,3"):
    return np.max(x, axis=None, keepdims=False)


def max__22(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__23(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=False)))


def max__24(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=1, keepdims=True)))


def max__25(x: "1,3"):
    return np.sum(np.sin(np.max(x, axis=1, keepdims=False)))


def max__26(x: "scalar"):
    return np.max(x)


def max__27(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=None, keepdims=True)))


def max__28(x: "2,3"):
    return np.max(x, axis=None, keepdims=False)


def max__29(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=True)))


def max__30(x: "2,3"):
    return np.sum(np.sin(np.max(x, axis=0, keepdims=False)))


def mean__0(x: "scalar"):
    return np.mean(x)


def mean__1(x: "scalar"):
    return np.mean(x)


def mean__2(x: "3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__3(x: "3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__4(x: "3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__5(x: "3"):
    return np.mean(x, axis=0, keepdims=False)


def mean__6(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__7(x: "2,3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__8(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__9(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=False)))


def mean__10(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__11(x: "1,3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__12(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__13(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=False)))


def mean__14(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__15(x: "2,3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__16(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__17(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=False)))


def mean__18(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=1, keepdims=True)))


def mean__19(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=1, keepdims=False)))


def mean__20(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__21(x: "1,3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__22(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__23(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=False)))


def mean__24(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=1, keepdims=True)))


def mean__25(x: "1,3"):
    return np.sum(np.sin(np.mean(x, axis=1, keepdims=False)))


def mean__26(x: "scalar"):
    return np.mean(x)


def mean__27(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=None, keepdims=True)))


def mean__28(x: "2,3"):
    return np.mean(x, axis=None, keepdims=False)


def mean__29(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean__30(x: "2,3"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=False)))


def min__0(x: "scalar"):
    return np.min(x)


def min__1(x: "scalar"):
    return np.min(x)


def min__2(x: "3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__3(x: "3"):
    return np.min(x, axis=None, keepdims=False)


def min__4(x: "3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__5(x: "3"):
    return np.min(x, axis=0, keepdims=False)


def min__6(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__7(x: "2,3"):
    return np.min(x, axis=None, keepdims=False)


def min__8(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__9(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=False)))


def min__10(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__11(x: "1,3"):
    return np.min(x, axis=None, keepdims=False)


def min__12(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__13(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=False)))


def min__14(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__15(x: "2,3"):
    return np.min(x, axis=None, keepdims=False)


def min__16(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__17(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=False)))


def min__18(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=1, keepdims=True)))


def min__19(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=1, keepdims=False)))


def min__20(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__21(x: "1,3"):
    return np.min(x, axis=None, keepdims=False)


def min__22(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__23(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=False)))


def min__24(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=1, keepdims=True)))


def min__25(x: "1,3"):
    return np.sum(np.sin(np.min(x, axis=1, keepdims=False)))


def min__26(x: "scalar"):
    return np.min(x)


def min__27(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=None, keepdims=True)))


def min__28(x: "2,3"):
    return np.min(x, axis=None, keepdims=False)


def min__29(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=True)))


def min__30(x: "2,3"):
    return np.sum(np.sin(np.min(x, axis=0, keepdims=False)))


def sum__0(x: "scalar"):
    return np.sum(x)


def sum__1(x: "scalar"):
    return np.sum(x)


def sum__2(x: "3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__3(x: "3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__4(x: "3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__5(x: "3"):
    return np.sum(x, axis=0, keepdims=False)


def sum__6(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__7(x: "2,3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__8(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__9(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=False)))


def sum__10(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__11(x: "1,3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__12(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__13(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=False)))


def sum__14(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__15(x: "2,3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__16(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__17(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=False)))


def sum__18(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=1, keepdims=True)))


def sum__19(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=1, keepdims=False)))


def sum__20(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__21(x: "1,3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__22(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__23(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=False)))


def sum__24(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=1, keepdims=True)))


def sum__25(x: "1,3"):
    return np.sum(np.sin(np.sum(x, axis=1, keepdims=False)))


def sum__26(x: "scalar"):
    return np.sum(x)


def sum__27(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=None, keepdims=True)))


def sum__28(x: "2,3"):
    return np.sum(x, axis=None, keepdims=False)


def sum__29(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum__30(x: "2,3"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=False)))


def prod__0(x: "scalar"):
    return np.prod(x)


def prod__1(x: "scalar"):
    return np.prod(x)


def prod__2(x: "3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__3(x: "3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__4(x: "3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__5(x: "3"):
    return np.prod(x, axis=0, keepdims=False)


def prod__6(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__7(x: "2,3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__8(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__9(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=False)))


def prod__10(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__11(x: "1,3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__12(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__13(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=False)))


def prod__14(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__15(x: "2,3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__16(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__17(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=False)))


def prod__18(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=1, keepdims=True)))


def prod__19(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=1, keepdims=False)))


def prod__20(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__21(x: "1,3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__22(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__23(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=False)))


def prod__24(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=1, keepdims=True)))


def prod__25(x: "1,3"):
    return np.sum(np.sin(np.prod(x, axis=1, keepdims=False)))


def prod__26(x: "scalar"):
    return np.prod(x)


def prod__27(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=None, keepdims=True)))


def prod__28(x: "2,3"):
    return np.prod(x, axis=None, keepdims=False)


def prod__29(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod__30(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=False)))


def var__0(x: "scalar"):
    return np.var(x)


def var__1(x: "scalar"):
    return np.var(x)


def var__2(x: "3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__3(x: "3"):
    return np.var(x, axis=None, keepdims=False)


def var__4(x: "3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__5(x: "3"):
    return np.var(x, axis=0, keepdims=False)


def var__6(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__7(x: "2,3"):
    return np.var(x, axis=None, keepdims=False)


def var__8(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__9(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=False)))


def var__10(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__11(x: "1,3"):
    return np.var(x, axis=None, keepdims=False)


def var__12(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__13(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=False)))


def var__14(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__15(x: "2,3"):
    return np.var(x, axis=None, keepdims=False)


def var__16(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__17(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=False)))


def var__18(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=True)))


def var__19(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=False)))


def var__20(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__21(x: "1,3"):
    return np.var(x, axis=None, keepdims=False)


def var__22(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__23(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=False)))


def var__24(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=True)))


def var__25(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=False)))


def var__26(x: "scalar"):
    return np.var(x)


def var__27(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True)))


def var__28(x: "2,3"):
    return np.var(x, axis=None, keepdims=False)


def var__29(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=True)))


def var__30(x: "2,3"):
    return np.sum(np.sin(np.var(x, axis=0, keepdims=False)))


def std__0(x: "scalar"):
    return np.std(x)


def std__1(x: "scalar"):
    return np.std(x)


def std__2(x: "3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__3(x: "3"):
    return np.std(x, axis=None, keepdims=False)


def std__4(x: "3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__5(x: "3"):
    return np.std(x, axis=0, keepdims=False)


def std__6(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__7(x: "2,3"):
    return np.std(x, axis=None, keepdims=False)


def std__8(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__9(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=False)))


def std__10(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__11(x: "1,3"):
    return np.std(x, axis=None, keepdims=False)


def std__12(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__13(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=False)))


def std__14(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__15(x: "2,3"):
    return np.std(x, axis=None, keepdims=False)


def std__16(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__17(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=False)))


def std__18(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=True)))


def std__19(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=False)))


def std__20(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__21(x: "1,3"):
    return np.std(x, axis=None, keepdims=False)


def std__22(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__23(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=False)))


def std__24(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=True)))


def std__25(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=False)))


def std__26(x: "scalar"):
    return np.std(x)


def std__27(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True)))


def std__28(x: "2,3"):
    return np.std(x, axis=None, keepdims=False)


def std__29(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=True)))


def std__30(x: "2,3"):
    return np.sum(np.sin(np.std(x, axis=0, keepdims=False)))


def sin__0(x: "scalar"):
    return np.sin(x)


def sin__1(x: "2"):
    return np.sum(np.sin(np.sin(x)))


def sin__2(x: "3,2"):
    return np.sum(np.sin(np.sin(x)))


def sin__3(x: "1,2"):
    return np.sum(np.sin(np.sin(x)))


def sin__4(x: "scalar"):
    return np.sin(x)


def sin__5(x: "3,2"):
    return np.sum(np.sin(np.sin(x)))


def abs__0(x: "scalar"):
    return np.abs(x)


def abs__1(x: "2"):
    return np.sum(np.sin(np.abs(x)))


def abs__2(x: "3,2"):
    return np.sum(np.sin(np.abs(x)))


def abs__3(x: "1,2"):
    return np.sum(np.sin(np.abs(x)))


def abs__4(x: "scalar"):
    return np.abs(x)


def abs__5(x: "3,2"):
    return np.sum(np.sin(np.abs(x)))


def absolute__0(x: "scalar"):
    return np.absolute(x)


def absolute__1(x: "2"):
    return np.sum(np.sin(np.absolute(x)))


def absolute__2(x: "3,2"):
    return np.sum(np.sin(np.absolute(x)))


def absolute__3(x: "1,2"):
    return np.sum(np.sin(np.absolute(x)))


def absolute__4(x: "scalar"):
    return np.absolute(x)


def absolute__5(x: "3,2"):
    return np.sum(np.sin(np.absolute(x)))


def arccosh__0(x: "scalar"):
    return np.arccosh(x)


def arccosh__1(x: "2"):
    return np.sum(np.sin(np.arccosh(x)))


def arccosh__2(x: "3,2"):
    return np.sum(np.sin(np.arccosh(x)))


def arccosh__3(x: "1,2"):
    return np.sum(np.sin(np.arccosh(x)))


def arccosh__4(x: "scalar"):
    return np.arccosh(x)


def arccosh__5(x: "3,2"):
    return np.sum(np.sin(np.arccosh(x)))


def arcsinh__0(x: "scalar"):
    return np.arcsinh(x)


def arcsinh__1(x: "2"):
    return np.sum(np.sin(np.arcsinh(x)))


def arcsinh__2(x: "3,2"):
    return np.sum(np.sin(np.arcsinh(x)))


def arcsinh__3(x: "1,2"):
    return np.sum(np.sin(np.arcsinh(x)))


def arcsinh__4(x: "scalar"):
    return np.arcsinh(x)


def arcsinh__5(x: "3,2"):
    return np.sum(np.sin(np.arcsinh(x)))


def arctanh__0(x: "scalar"):
    return np.arctanh(x)


def arctanh__1(x: "2"):
    return np.sum(np.sin(np.arctanh(x)))


def arctanh__2(x: "3,2"):
    return np.sum(np.sin(np.arctanh(x)))


def arctanh__3(x: "1,2"):
    return np.sum(np.sin(np.arctanh(x)))


def arctanh__4(x: "scalar"):
    return np.arctanh(x)


def arctanh__5(x: "3,2"):
    return np.sum(np.sin(np.arctanh(x)))


def ceil__0(x: "scalar"):
    return np.ceil(x)


def ceil__1(x: "2"):
    return np.sum(np.sin(np.ceil(x)))


def ceil__2(x: "3,2"):
    return np.sum(np.sin(np.ceil(x)))


def ceil__3(x: "1,2"):
    return np.sum(np.sin(np.ceil(x)))


def cos__0(x: "scalar"):
    return np.cos(x)


def cos__1(x: "2"):
    return np.sum(np.sin(np.cos(x)))


def cos__2(x: "3,2"):
    return np.sum(np.sin(np.cos(x)))


def cos__3(x: "1,2"):
    return np.sum(np.sin(np.cos(x)))


def cos__4(x: "scalar"):
    return np.cos(x)


def cos__5(x: "3,2"):
    return np.sum(np.sin(np.cos(x)))


def cosh__0(x: "scalar"):
    return np.cosh(x)


def cosh__1(x: "2"):
    return np.sum(np.sin(np.cosh(x)))


def cosh__2(x: "3,2"):
    return np.sum(np.sin(np.cosh(x)))


def cosh__3(x: "1,2"):
    return np.sum(np.sin(np.cosh(x)))


def cosh__4(x: "scalar"):
    return np.cosh(x)


def cosh__5(x: "3,2"):
    return np.sum(np.sin(np.cosh(x)))


def deg2rad__0(x: "scalar"):
    return np.deg2rad(x)


def deg2rad__1(x: "2"):
    return np.sum(np.sin(np.deg2rad(x)))


def deg2rad__2(x: "3,2"):
    return np.sum(np.sin(np.deg2rad(x)))


def deg2rad__3(x: "1,2"):
    return np.sum(np.sin(np.deg2rad(x)))


def degrees__0(x: "scalar"):
    return np.degrees(x) / 50.0


def degrees__1(x: "2"):
    return np.sum(np.sin(np.degrees(x) / 50.0))


def degrees__2(x: "3,2"):
    return np.sum(np.sin(np.degrees(x) / 50.0))


def degrees__3(x: "1,2"):
    return np.sum(np.sin(np.degrees(x) / 50.0))


def exp__0(x: "scalar"):
    return np.exp(x)


def exp__1(x: "2"):
    return np.sum(np.sin(np.exp(x)))


def exp__2(x: "3,2"):
    return np.sum(np.sin(np.exp(x)))


def exp__3(x: "1,2"):
    return np.sum(np.sin(np.exp(x)))


def exp__4(x: "scalar"):
    return np.exp(x)


def exp__5(x: "3,2"):
    return np.sum(np.sin(np.exp(x)))


def exp2__0(x: "scalar"):
    return np.exp2(x)


def exp2__1(x: "2"):
    return np.sum(np.sin(np.exp2(x)))


def exp2__2(x: "3,2"):
    return np.sum(np.sin(np.exp2(x)))


def exp2__3(x: "1,2"):
    return np.sum(np.sin(np.exp2(x)))


def exp2__4(x: "scalar"):
    return np.exp2(x)


def exp2__5(x: "3,2"):
    return np.sum(np.sin(np.exp2(x)))


def expm1__0(x: "scalar"):
    return np.expm1(x)


def expm1__1(x: "2"):
    return np.sum(np.sin(np.expm1(x)))


def expm1__2(x: "3,2"):
    return np.sum(np.sin(np.expm1(x)))


def expm1__3(x: "1,2"):
    return np.sum(np.sin(np.expm1(x)))


def expm1__4(x: "scalar"):
    return np.expm1(x)


def expm1__5(x: "3,2"):
    return np.sum(np.sin(np.expm1(x)))


def fabs__0(x: "scalar"):
    return np.fabs(x)


def fabs__1(x: "2"):
    return np.sum(np.sin(np.fabs(x)))


def fabs__2(x: "3,2"):
    return np.sum(np.sin(np.fabs(x)))


def fabs__3(x: "1,2"):
    return np.sum(np.sin(np.fabs(x)))


def floor__0(x: "scalar"):
    return np.floor(x)


def floor__1(x: "2"):
    return np.sum(np.sin(np.floor(x)))


def floor__2(x: "3,2"):
    return np.sum(np.sin(np.floor(x)))


def floor__3(x: "1,2"):
    return np.sum(np.sin(np.floor(x)))


def log__0(x: "scalar"):
    return np.log(x)


def log__1(x: "2"):
    return np.sum(np.sin(np.log(x)))


def log__2(x: "3,2"):
    return np.sum(np.sin(np.log(x)))


def log__3(x: "1,2"):
    return np.sum(np.sin(np.log(x)))


def log__4(x: "scalar"):
    return np.log(x)


def log__5(x: "3,2"):
    return np.sum(np.sin(np.log(x)))


def log10__0(x: "scalar"):
    return np.log10(x)


def log10__1(x: "2"):
    return np.sum(np.sin(np.log10(x)))


def log10__2(x: "3,2"):
    return np.sum(np.sin(np.log10(x)))


def log10__3(x: "1,2"):
    return np.sum(np.sin(np.log10(x)))


def log10__4(x: "scalar"):
    return np.log10(x)


def log10__5(x: "3,2"):
    return np.sum(np.sin(np.log10(x)))


def log1p__0(x: "scalar"):
    return np.log1p(x)


def log1p__1(x: "2"):
    return np.sum(np.sin(np.log1p(x)))


def log1p__2(x: "3,2"):
    return np.sum(np.sin(np.log1p(x)))


def log1p__3(x: "1,2"):
    return np.sum(np.sin(np.log1p(x)))


def log1p__4(x: "scalar"):
    return np.log1p(x)


def log1p__5(x: "3,2"):
    return np.sum(np.sin(np.log1p(x)))


def log2__0(x: "scalar"):
    return np.log2(x)


def log2__1(x: "2"):
    return np.sum(np.sin(np.log2(x)))


def log2__2(x: "3,2"):
    return np.sum(np.sin(np.log2(x)))


def log2__3(x: "1,2"):
    return np.sum(np.sin(np.log2(x)))


def log2__4(x: "scalar"):
    return np.log2(x)


def log2__5(x: "3,2"):
    return np.sum(np.sin(np.log2(x)))


def rad2deg__0(x: "scalar"):
    return np.rad2deg(x) / 50.0


def rad2deg__1(x: "2"):
    return np.sum(np.sin(np.rad2deg(x) / 50.0))


def rad2deg__2(x: "3,2"):
    return np.sum(np.sin(np.rad2deg(x) / 50.0))


def rad2deg__3(x: "1,2"):
    return np.sum(np.sin(np.rad2deg(x) / 50.0))


def radians__0(x: "scalar"):
    return np.radians(x)


def radians__1(x: "2"):
    return np.sum(np.sin(np.radians(x)))


def radians__2(x: "3,2"):
    return np.sum(np.sin(np.radians(x)))


def radians__3(x: "1,2"):
    return np.sum(np.sin(np.radians(x)))


def sign__0(x: "scalar"):
    return np.sign(x)


def sign__1(x: "2"):
    return np.sum(np.sin(np.sign(x)))


def sign__2(x: "3,2"):
    return np.sum(np.sin(np.sign(x)))


def sign__3(x: "1,2"):
    return np.sum(np.sin(np.sign(x)))


def sinh__0(x: "scalar"):
    return np.sinh(x)


def sinh__1(x: "2"):
    return np.sum(np.sin(np.sinh(x)))


def sinh__2(x: "3,2"):
    return np.sum(np.sin(np.sinh(x)))


def sinh__3(x: "1,2"):
    return np.sum(np.sin(np.sinh(x)))


def sinh__4(x: "scalar"):
    return np.sinh(x)


def sinh__5(x: "3,2"):
    return np.sum(np.sin(np.sinh(x)))


def sqrt__0(x: "scalar"):
    return np.sqrt(x)


def sqrt__1(x: "2"):
    return np.sum(np.sin(np.sqrt(x)))


def sqrt__2(x: "3,2"):
    return np.sum(np.sin(np.sqrt(x)))


def sqrt__3(x: "1,2"):
    return np.sum(np.sin(np.sqrt(x)))


def sqrt__4(x: "scalar"):
    return np.sqrt(x)


def sqrt__5(x: "3,2"):
    return np.sum(np.sin(np.sqrt(x)))


def square__0(x: "scalar"):
    return np.square(x)


def square__1(x: "2"):
    return np.sum(np.sin(np.square(x)))


def square__2(x: "3,2"):
    return np.sum(np.sin(np.square(x)))


def square__3(x: "1,2"):
    return np.sum(np.sin(np.square(x)))


def tan__0(x: "scalar"):
    return np.tan(x)


def tan__1(x: "2"):
    return np.sum(np.sin(np.tan(x)))


def tan__2(x: "3,2"):
    return np.sum(np.sin(np.tan(x)))


def tan__3(x: "1,2"):
    return np.sum(np.sin(np.tan(x)))


def tan__4(x: "scalar"):
    return np.tan(x)


def tan__5(x: "3,2"):
    return np.sum(np.sin(np.tan(x)))


def tanh__0(x: "scalar"):
    return np.tanh(x)


def tanh__1(x: "2"):
    return np.sum(np.sin(np.tanh(x)))


def tanh__2(x: "3,2"):
    return np.sum(np.sin(np.tanh(x)))


def tanh__3(x: "1,2"):
    return np.sum(np.sin(np.tanh(x)))


def tanh__4(x: "scalar"):
    return np.tanh(x)


def tanh__5(x: "3,2"):
    return np.sum(np.sin(np.tanh(x)))


def real__0(x: "scalar"):
    return np.real(x)


def real__1(x: "2"):
    return np.sum(np.sin(np.real(x)))


def real__2(x: "3,2"):
    return np.sum(np.sin(np.real(x)))


def real__3(x: "1,2"):
    return np.sum(np.sin(np.real(x)))


def real__4(x: "scalar"):
    return np.real(x)


def real__5(x: "3,2"):
    return np.sum(np.sin(np.real(x)))


def real_ic__0(x: "scalar"):
    return np.real_if_close(x)


def real_ic__1(x: "2"):
    return np.sum(np.sin(np.real_if_close(x)))


def real_ic__2(x: "3,2"):
    return np.sum(np.sin(np.real_if_close(x)))


def real_ic__3(x: "1,2"):
    return np.sum(np.sin(np.real_if_close(x)))


def real_ic__4(x: "scalar"):
    return np.real_if_close(x)


def real_ic__5(x: "3,2"):
    return np.sum(np.sin(np.real_if_close(x)))


def imag__0(x: "scalar"):
    return np.imag(x)


def imag__1(x: "2"):
    return np.sum(np.sin(np.imag(x)))


def imag__2(x: "3,2"):
    return np.sum(np.sin(np.imag(x)))


def imag__3(x: "1,2"):
    return np.sum(np.sin(np.imag(x)))


def imag__4(x: "scalar"):
    return np.imag(x)


def imag__5(x: "3,2"):
    return np.sum(np.sin(np.imag(x)))


def conj__0(x: "scalar"):
    return np.conj(x)


def conj__1(x: "2"):
    return np.sum(np.sin(np.conj(x)))


def conj__2(x: "3,2"):
    return np.sum(np.sin(np.conj(x)))


def conj__3(x: "1,2"):
    return np.sum(np.sin(np.conj(x)))


def conj__4(x: "scalar"):
    return np.conj(x)


def conj__5(x: "3,2"):
    return np.sum(np.sin(np.conj(x)))


def conjugate__0(x: "scalar"):
    return np.conjugate(x)


def conjugate__1(x: "2"):
    return np.sum(np.sin(np.conjugate(x)))


def conjugate__2(x: "3,2"):
    return np.sum(np.sin(np.conjugate(x)))


def conjugate__3(x: "1,2"):
    return np.sum(np.sin(np.conjugate(x)))


def conjugate__4(x: "scalar"):
    return np.conjugate(x)


def conjugate__5(x: "3,2"):
    return np.sum(np.sin(np.conjugate(x)))


def angle__0(x: "scalar"):
    return np.angle(x)


def angle__1(x: "2"):
    return np.sum(np.sin(np.angle(x)))


def angle__2(x: "3,2"):
    return np.sum(np.sin(np.angle(x)))


def angle__3(x: "1,2"):
    return np.sum(np.sin(np.angle(x)))


def angle__4(x: "scalar"):
    return np.angle(x)


def angle__5(x: "3,2"):
    return np.sum(np.sin(np.angle(x)))


def add__0(x: "scalar", y: "scalar"):
    return np.add(x, y)


def add__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__5(x: "2", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__16(x: "scalar", y: "scalar"):
    return np.add(x, y)


def add__17(x: "scalar", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__18(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__19(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__20(x: "3,2", y: "2"):
    return np.sum(np.sin(np.add(x, y)))


def add__21(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__22(x: "scalar", y: "scalar"):
    return np.add(x, y)


def add__23(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__24(x: "2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__25(x: "2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__26(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__27(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__28(x: "scalar", y: "scalar"):
    return np.add(x, y)


def add__29(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def add__30(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.add(x, y)))


def add__31(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.add(x, y)))


def logaddexp__0(x: "scalar", y: "scalar"):
    return np.logaddexp(x, y)


def logaddexp__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__5(x: "2", y: "2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp(x, y)))


def logaddexp2__0(x: "scalar", y: "scalar"):
    return np.logaddexp2(x, y)


def logaddexp2__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__5(x: "2", y: "2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def logaddexp2__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.logaddexp2(x, y)))


def remainder__0(x: "scalar", y: "scalar"):
    return np.remainder(x, y)


def remainder__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__5(x: "2", y: "2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def remainder__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.remainder(x, y)))


def true_divide__0(x: "scalar", y: "scalar"):
    return np.true_divide(x, y)


def true_divide__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__5(x: "2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def mod__0(x: "scalar", y: "scalar"):
    return np.mod(x, y)


def mod__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__5(x: "2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def true_divide_neg__0(x: "scalar", y: "scalar"):
    return np.true_divide(x, y)


def true_divide_neg__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__5(x: "2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def true_divide_neg__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.true_divide(x, y)))


def mod_neg__0(x: "scalar", y: "scalar"):
    return np.mod(x, y)


def mod_neg__1(x: "scalar", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__4(x: "2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__5(x: "2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__6(x: "2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__7(x: "2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__9(x: "3,2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__13(x: "1,2", y: "2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(np.mod(x, y)))


def mod_neg__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(np.mod(x, y)))


def op_mul__0(x: "scalar", y: "scalar"):
    return x * y


def op_mul__1(x: "scalar", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__4(x: "2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__5(x: "2", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__6(x: "2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__7(x: "2", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__9(x: "3,2", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__13(x: "1,2", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__16(x: "scalar", y: "scalar"):
    return x * y


def op_mul__17(x: "scalar", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__18(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__19(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__20(x: "3,2", y: "2"):
    return np.sum(np.sin(x * y))


def op_mul__21(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x * y))


def op_mul__22(x: "scalar", y: "scalar"):
    return x * y


def op_mul__23(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__24(x: "2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__25(x: "2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__26(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__27(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__28(x: "scalar", y: "scalar"):
    return x * y


def op_mul__29(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_mul__30(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x * y))


def op_mul__31(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x * y))


def op_add__0(x: "scalar", y: "scalar"):
    return x + y


def op_add__1(x: "scalar", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__4(x: "2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__5(x: "2", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__6(x: "2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__7(x: "2", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__9(x: "3,2", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__13(x: "1,2", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__16(x: "scalar", y: "scalar"):
    return x + y


def op_add__17(x: "scalar", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__18(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__19(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__20(x: "3,2", y: "2"):
    return np.sum(np.sin(x + y))


def op_add__21(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x + y))


def op_add__22(x: "scalar", y: "scalar"):
    return x + y


def op_add__23(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__24(x: "2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__25(x: "2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__26(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__27(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__28(x: "scalar", y: "scalar"):
    return x + y


def op_add__29(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_add__30(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x + y))


def op_add__31(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x + y))


def op_sub__0(x: "scalar", y: "scalar"):
    return x - y


def op_sub__1(x: "scalar", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__4(x: "2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__5(x: "2", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__6(x: "2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__7(x: "2", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__9(x: "3,2", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__13(x: "1,2", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__16(x: "scalar", y: "scalar"):
    return x - y


def op_sub__17(x: "scalar", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__18(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__19(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__20(x: "3,2", y: "2"):
    return np.sum(np.sin(x - y))


def op_sub__21(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x - y))


def op_sub__22(x: "scalar", y: "scalar"):
    return x - y


def op_sub__23(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__24(x: "2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__25(x: "2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__26(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__27(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__28(x: "scalar", y: "scalar"):
    return x - y


def op_sub__29(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_sub__30(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x - y))


def op_sub__31(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x - y))


def op_mod__0(x: "scalar", y: "scalar"):
    return x % y


def op_mod__1(x: "scalar", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod__4(x: "2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod__5(x: "2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod__6(x: "2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod__7(x: "2", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod__9(x: "3,2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod__13(x: "1,2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__0(x: "scalar", y: "scalar"):
    return x % y


def op_mod_neg__1(x: "scalar", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__2(x: "scalar", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__3(x: "scalar", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__4(x: "2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod_neg__5(x: "2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__6(x: "2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__7(x: "2", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__8(x: "3,2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod_neg__9(x: "3,2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__10(x: "3,2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__11(x: "3,2", y: "1,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__12(x: "1,2", y: "scalar"):
    return np.sum(np.sin(x % y))


def op_mod_neg__13(x: "1,2", y: "2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__14(x: "1,2", y: "3,2"):
    return np.sum(np.sin(x % y))


def op_mod_neg__15(x: "1,2", y: "1,2"):
    return np.sum(np.sin(x % y))


def transpose__0(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=None)))


def transpose__1(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[0, 1, 2])))


def transpose__2(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[0, 2, 1])))


def transpose__3(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[2, 0, 1])))


def transpose__4(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[2, 1, 0])))


def transpose__5(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[1, 0, 2])))


def transpose__6(x: "2,3,4"):
    return np.sum(np.sin(np.transpose(x, axes=[1, 2, 0])))


def moveaxis__0(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=0, destination=0)))


def moveaxis__1(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=0, destination=1)))


def moveaxis__2(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=0, destination=2)))


def moveaxis__3(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=1, destination=0)))


def moveaxis__4(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=1, destination=1)))


def moveaxis__5(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=1, destination=2)))


def moveaxis__6(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=2, destination=0)))


def moveaxis__7(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=2, destination=1)))


def moveaxis__8(x: "2,3,4"):
    return np.sum(np.sin(np.moveaxis(x, source=2, destination=2)))


def repeat__0(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=None)))


def repeat__1(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=0)))


def repeat__2(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=1)))


def repeat__3(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=None)))


def repeat__4(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=0)))


def repeat__5(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=1)))


def repeat__6(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=None)))


def repeat__7(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=0)))


def repeat__8(x: "2,3,4"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=1)))


def repeat__9(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=None)))


def repeat__10(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=0)))


def repeat__11(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=0, axis=1)))


def repeat__12(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=None)))


def repeat__13(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=0)))


def repeat__14(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=1, axis=1)))


def repeat__15(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=None)))


def repeat__16(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=0)))


def repeat__17(x: "3,1"):
    return np.sum(np.sin(np.repeat(x, repeats=2, axis=1)))


def diff__0(x: "5,5"):
    return np.sum(np.sin(np.diff(x, n=1, axis=0)))


def diff__1(x: "5,5"):
    return np.sum(np.sin(np.diff(x, n=1, axis=1)))


def diff__2(x: "5,5"):
    return np.sum(np.sin(np.diff(x, n=2, axis=0)))


def diff__3(x: "5,5"):
    return np.sum(np.sin(np.diff(x, n=2, axis=1)))


def diff__4(x: "5,5,5"):
    return np.sum(np.sin(np.diff(x, n=1, axis=0)))


def diff__5(x: "5,5,5"):
    return np.sum(np.sin(np.diff(x, n=1, axis=1)))


def diff__6(x: "5,5,5"):
    return np.sum(np.sin(np.diff(x, n=2, axis=0)))


def diff__7(x: "5,5,5"):
    return np.sum(np.sin(np.diff(x, n=2, axis=1)))


def diff__8(x: "1"):
    return np.sum(np.sin(np.diff(x, axis=0)))


def diff__9(x: "1,1"):
    return np.sum(np.sin(np.diff(x, axis=0)))


def diff__10(x: "1,1"):
    return np.sum(np.sin(np.diff(x, axis=1)))


def diff__11(x: "3,1"):
    return np.sum(np.sin(np.diff(x, axis=1)))


def gradient__0(x: "5,5"):
    o0, o1 = np.gradient(x, axis=None)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def gradient__1(x: "5,5"):
    return np.sum(np.sin(np.gradient(x, axis=0)))


def gradient__2(x: "5,5"):
    return np.sum(np.sin(np.gradient(x, axis=1)))


def gradient__3(x: "5,5"):
    return np.sum(np.sin(np.gradient(x, axis=-1)))


def gradient__4(x: "5,5,5"):
    o0, o1, o2 = np.gradient(x, axis=None)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def gradient__5(x: "5,5,5"):
    return np.sum(np.sin(np.gradient(x, axis=0)))


def gradient__6(x: "5,5,5"):
    return np.sum(np.sin(np.gradient(x, axis=1)))


def gradient__7(x: "5,5,5"):
    return np.sum(np.sin(np.gradient(x, axis=-1)))


def gradient__8(x: "5,5,5"):
    o0, o1 = np.gradient(x, axis=(0, 1))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def gradient__9(x: "5,5,5"):
    o0, o1 = np.gradient(x, axis=(0, -1))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def tile__0(x: "2,1,3,1"):
    return np.sum(np.sin(np.tile(x, reps=(1, 4, 1, 2))))


def tile__1(x: "1,2"):
    return np.sum(np.sin(np.tile(x, reps=(1, 2))))


def tile__2(x: "1,2"):
    return np.sum(np.sin(np.tile(x, reps=(2, 3))))


def tile__3(x: "1,2"):
    return np.sum(np.sin(np.tile(x, reps=(3, 2, 1))))


def tile__4(x: "1"):
    return np.sum(np.sin(np.tile(x, reps=(2,))))


def tile__5(x: "1"):
    return np.sum(np.sin(np.tile(x, reps=2)))


def kron__0(x: "5,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__1(x: "5,5", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__2(x: "5,5", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__3(x: "5,5", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__4(x: "5,5", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__5(x: "5,5", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__6(x: "5,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__7(x: "4,4", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__8(x: "4,4", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__9(x: "4,4", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__10(x: "4,4", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__11(x: "4,4", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__12(x: "4,4", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__13(x: "4,4", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__14(x: "5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__15(x: "5", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__16(x: "5", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__17(x: "5", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__18(x: "5", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__19(x: "5", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__20(x: "5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__21(x: "5,1", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__22(x: "5,1", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__23(x: "5,1", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__24(x: "5,1", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__25(x: "5,1", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__26(x: "5,1", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__27(x: "5,1", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__28(x: "1,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__29(x: "1,5", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__30(x: "1,5", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__31(x: "1,5", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__32(x: "1,5", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__33(x: "1,5", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__34(x: "1,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__35(x: "scalar", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__36(x: "scalar", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__37(x: "scalar", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__38(x: "scalar", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__39(x: "scalar", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__40(x: "scalar", y: "scalar"):
    return np.kron(x, y)


def kron__41(x: "scalar", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__42(x: "5,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__43(x: "5,5", y: "2,2"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__44(x: "5,5", y: "3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__45(x: "5,5", y: "1,3"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__46(x: "5,5", y: "3,1"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__47(x: "5,5", y: "scalar"):
    return np.sum(np.sin(np.kron(x, y)))


def kron__48(x: "5,5", y: "3,3"):
    return np.sum(np.sin(np.kron(x, y)))


def inner__0(x: "scalar", y: "scalar"):
    return np.inner(x, y)


def inner__1(x: "scalar", y: "3"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__2(x: "scalar", y: "4,3"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__3(x: "3", y: "scalar"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__4(x: "3", y: "3"):
    return np.inner(x, y)


def inner__5(x: "3", y: "4,3"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__6(x: "2,3", y: "scalar"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__7(x: "2,3", y: "3"):
    return np.sum(np.sin(np.inner(x, y)))


def inner__8(x: "2,3", y: "4,3"):
    return np.sum(np.sin(np.inner(x, y)))


def dot__0(x: "scalar", y: "scalar"):
    return np.dot(x, y)


def dot__1(x: "scalar", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__2(x: "scalar", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__3(x: "scalar", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__4(x: "scalar", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__5(x: "3", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__6(x: "3", y: "3"):
    return np.dot(x, y)


def dot__7(x: "3", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__8(x: "3", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__9(x: "3", y: "3"):
    return np.dot(x, y)


def dot__10(x: "2,3", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__11(x: "2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__12(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__13(x: "2,3", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__14(x: "2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__15(x: "2,2,3", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__16(x: "2,2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__17(x: "2,2,3", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__18(x: "2,2,3", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__19(x: "2,2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__20(x: "3", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__21(x: "3", y: "3"):
    return np.dot(x, y)


def dot__22(x: "3", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__23(x: "3", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__24(x: "3", y: "3"):
    return np.dot(x, y)


def dot__25(x: "2,3", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__26(x: "2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__27(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__28(x: "2,3", y: "2,3,4"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__29(x: "2,3", y: "3"):
    return np.sum(np.sin(np.dot(x, y)))


def outer__0(x: "3", y: "3"):
    return np.sum(np.sin(np.outer(x, y)))


def outer__1(x: "3", y: "3"):
    return np.sum(np.sin(np.outer(x, y)))


def outer__2(x: "3", y: "3"):
    return np.sum(np.sin(np.outer(x, y)))


def outer__3(x: "3", y: "3"):
    return np.sum(np.sin(np.outer(x, y)))


def matmul__0(x: "3", y: "3"):
    return np.matmul(x, y)


def matmul__1(x: "3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__2(x: "3", y: "2,3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__3(x: "3", y: "3"):
    return np.matmul(x, y)


def matmul__4(x: "3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__5(x: "2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__6(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__7(x: "2,3", y: "2,3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__8(x: "2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__9(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__10(x: "2,2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__11(x: "2,2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__12(x: "2,2,3", y: "2,3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__13(x: "2,2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__14(x: "2,2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__15(x: "3", y: "3"):
    return np.matmul(x, y)


def matmul__16(x: "3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__17(x: "3", y: "2,3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__18(x: "3", y: "3"):
    return np.matmul(x, y)


def matmul__19(x: "3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__20(x: "2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__21(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__22(x: "2,3", y: "2,3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__23(x: "2,3", y: "3"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul__24(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.matmul(x, y)))


def matmul_broadcast__0(x: "1,2,2", y: "3,2,1"):
    return np.sum(np.sin(np.matmul(x, y)))


def tensordot_1__0(x: "1,3", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__1(x: "1,3", y: "3,1"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__2(x: "1,3", y: "3,4,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__3(x: "1,3", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__4(x: "2,3,2", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__5(x: "2,3,2", y: "3,1"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__6(x: "2,3,2", y: "3,4,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__7(x: "2,3,2", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__8(x: "1,3", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__9(x: "1,3", y: "3,1"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__10(x: "1,3", y: "3,4,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_1__11(x: "1,3", y: "3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1,), (0,)])))


def tensordot_2__0(x: "3", y: "1,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_2__1(x: "3", y: "2,3,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_2__2(x: "3,1", y: "1,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_2__3(x: "3,1", y: "2,3,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_2__4(x: "3,4,2", y: "1,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_2__5(x: "3,4,2", y: "2,3,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0,), (1,)])))


def tensordot_3__0(x: "2,3", y: "1,2,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0, 1), (1, 2)])))


def tensordot_3__1(x: "2,3", y: "1,2,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1, 0), (2, 1)])))


def tensordot_3__2(x: "2,3", y: "2,2,3,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0, 1), (1, 2)])))


def tensordot_3__3(x: "2,3", y: "2,2,3,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1, 0), (2, 1)])))


def tensordot_3__4(x: "2,3,4", y: "1,2,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0, 1), (1, 2)])))


def tensordot_3__5(x: "2,3,4", y: "1,2,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1, 0), (2, 1)])))


def tensordot_3__6(x: "2,3,4", y: "2,2,3,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(0, 1), (1, 2)])))


def tensordot_3__7(x: "2,3,4", y: "2,2,3,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[(1, 0), (2, 1)])))


def tensordot_4__0(x: "2,2", y: "2,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=1)))


def tensordot_4__1(x: "2,2", y: "2,2"):
    return np.tensordot(x, y, axes=2)


def tensordot_4__2(x: "2,2", y: "2,2,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=1)))


def tensordot_4__3(x: "2,2", y: "2,2,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=2)))


def tensordot_4__4(x: "4,2,2", y: "2,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=1)))


def tensordot_4__5(x: "4,2,2", y: "2,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=2)))


def tensordot_4__6(x: "4,2,2", y: "2,2,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=1)))


def tensordot_4__7(x: "4,2,2", y: "2,2,4"):
    return np.sum(np.sin(np.tensordot(x, y, axes=2)))


def tensordot_5__0(x: "4", y: "scalar"):
    return np.sum(np.sin(np.tensordot(x, y, axes=0)))


def tensordot_6__0(x: "2,6", y: "6,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[[-1], [0]])))


def tensordot_7__0(x: "2,6", y: "6,3"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[-1, 0])))


def tensordot_8__0(x: "2", y: "2,2"):
    return np.sum(np.sin(np.tensordot(x, y, axes=[0, 1])))


def maximum__0(x: "1", y: "1"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__1(x: "1", y: "1,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__2(x: "1", y: "3,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__3(x: "1,4", y: "1"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__4(x: "1,4", y: "1,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__5(x: "1,4", y: "3,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__6(x: "3,4", y: "1"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__7(x: "3,4", y: "1,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def maximum__8(x: "3,4", y: "3,4"):
    return np.sum(np.sin(np.maximum(x, y)))


def fmax__0(x: "1", y: "1"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__1(x: "1", y: "1,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__2(x: "1", y: "3,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__3(x: "1,4", y: "1"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__4(x: "1,4", y: "1,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__5(x: "1,4", y: "3,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__6(x: "3,4", y: "1"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__7(x: "3,4", y: "1,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def fmax__8(x: "3,4", y: "3,4"):
    return np.sum(np.sin(np.fmax(x, y)))


def minimum__0(x: "1", y: "1"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__1(x: "1", y: "1,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__2(x: "1", y: "3,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__3(x: "1,4", y: "1"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__4(x: "1,4", y: "1,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__5(x: "1,4", y: "3,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__6(x: "3,4", y: "1"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__7(x: "3,4", y: "1,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def minimum__8(x: "3,4", y: "3,4"):
    return np.sum(np.sin(np.minimum(x, y)))


def fmin__0(x: "1", y: "1"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__1(x: "1", y: "1,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__2(x: "1", y: "3,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__3(x: "1,4", y: "1"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__4(x: "1,4", y: "1,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__5(x: "1,4", y: "3,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__6(x: "3,4", y: "1"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__7(x: "3,4", y: "1,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def fmin__8(x: "3,4", y: "3,4"):
    return np.sum(np.sin(np.fmin(x, y)))


def sort__0(x: "1"):
    return np.sum(np.sin(np.sort(x)))


def sort__1(x: "7"):
    return np.sum(np.sin(np.sort(x)))


def partition__0(x: "7"):
    return np.sum(np.sin(np.partition(x, kth=0)))


def partition__1(x: "7"):
    return np.sum(np.sin(np.partition(x, kth=3)))


def partition__2(x: "7"):
    return np.sum(np.sin(np.partition(x, kth=6)))


def partition__3(x: "14"):
    return np.sum(np.sin(np.partition(x, kth=0)))


def partition__4(x: "14"):
    return np.sum(np.sin(np.partition(x, kth=3)))


def partition__5(x: "14"):
    return np.sum(np.sin(np.partition(x, kth=6)))


def atleast_1d__0(x: "scalar"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_1d__1(x: "1"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_1d__2(x: "7"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_1d__3(x: "1,4"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_1d__4(x: "2,4"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_1d__5(x: "2,4,5"):
    return np.sum(np.sin(np.atleast_1d(x)))


def atleast_2d__0(x: "scalar"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_2d__1(x: "1"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_2d__2(x: "7"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_2d__3(x: "1,4"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_2d__4(x: "2,4"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_2d__5(x: "2,4,5"):
    return np.sum(np.sin(np.atleast_2d(x)))


def atleast_3d__0(x: "scalar"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__1(x: "1"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__2(x: "7"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__3(x: "1,4"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__4(x: "2,4"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__5(x: "2,4,5"):
    return np.sum(np.sin(np.atleast_3d(x)))


def atleast_3d__6(x: "2,4,3,5"):
    return np.sum(np.sin(np.atleast_3d(x)))


def einsum_transpose__0(x: "1,1"):
    return np.sum(np.sin(np.einsum("ij->ji", x)))


def einsum_transpose__1(x: "4,4"):
    return np.sum(np.sin(np.einsum("ij->ji", x)))


def einsum_transpose__2(x: "3,4"):
    return np.sum(np.sin(np.einsum("ij->ji", x)))


def einsum_matmult__0(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("ij,jk->ik", x, y)))


def einsum_matmult__1(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("ij,jk->ik", x, y)))


def einsum_matmult__2(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("ij,jk->ik", x, y)))


def einsum_matmult__3(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("ij,jk->ik", x, y)))


def einsum_matmult_broadcast__0(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("...ij,...jk->...ik", x, y)))


def einsum_matmult_broadcast__1(x: "2,3", y: "2,3,4"):
    return np.sum(np.sin(np.einsum("...ij,...jk->...ik", x, y)))


def einsum_matmult_broadcast__2(x: "2,2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum("...ij,...jk->...ik", x, y)))


def einsum_matmult_broadcast__3(x: "2,2,3", y: "2,3,4"):
    return np.sum(np.sin(np.einsum("...ij,...jk->...ik", x, y)))


def einsum_matmult_broadcast_leadzero__0(x: "0,2,3", y: "0,3,4"):
    return np.sum(np.sin(np.einsum("...ij,...jk->...ik", x, y)))


def einsum_covsum__0(x: "3,4,4", y: "4,4,3"):
    return np.sum(np.sin(np.einsum("ijk,lji->lki", x, y)))


def einsum_ellipses__0(x: "4,4", y: "4,4"):
    return np.sum(np.sin(np.einsum("...jk,...lj->...lk", x, y)))


def einsum_ellipses__1(x: "4,4", y: "3,4,4"):
    return np.sum(np.sin(np.einsum("...jk,...lj->...lk", x, y)))


def einsum_ellipses__2(x: "3,4,4", y: "4,4"):
    return np.sum(np.sin(np.einsum("...jk,...lj->...lk", x, y)))


def einsum_ellipses__3(x: "3,4,4", y: "3,4,4"):
    return np.sum(np.sin(np.einsum("...jk,...lj->...lk", x, y)))


def einsum_ellipses__4(x: "4,4", y: "4,4"):
    return np.sum(np.sin(np.einsum("...,...->...", x, y)))


def einsum_ellipses__5(x: "4,4", y: "3,4,4"):
    return np.sum(np.sin(np.einsum("...,...->...", x, y)))


def einsum_ellipses__6(x: "3,4,4", y: "4,4"):
    return np.sum(np.sin(np.einsum("...,...->...", x, y)))


def einsum_ellipses__7(x: "3,4,4", y: "3,4,4"):
    return np.sum(np.sin(np.einsum("...,...->...", x, y)))


def einsum_ellipses_tail__0(x: "3,2", y: "2,3"):
    return np.sum(np.sin(np.einsum("jk...,lj...->lk...", x, y)))


def einsum_ellipses_tail__1(x: "3,2", y: "2,3,4"):
    return np.sum(np.sin(np.einsum("jk...,lj...->lk...", x, y)))


def einsum_ellipses_tail__2(x: "3,2,4", y: "2,3"):
    return np.sum(np.sin(np.einsum("jk...,lj...->lk...", x, y)))


def einsum_ellipses_tail__3(x: "3,2,4", y: "2,3,4"):
    return np.sum(np.sin(np.einsum("jk...,lj...->lk...", x, y)))


def einsum_ellipses_center__0(x: "2,2", y: "2,2"):
    return np.sum(np.sin(np.einsum("j...k,lj...->lk...", x, y)))


def einsum_ellipses_center__1(x: "2,2", y: "2,2,2"):
    return np.sum(np.sin(np.einsum("j...k,lj...->lk...", x, y)))


def einsum_ellipses_center__2(x: "2,2,2", y: "2,2"):
    return np.sum(np.sin(np.einsum("j...k,lj...->lk...", x, y)))


def einsum_ellipses_center__3(x: "2,2,2", y: "2,2,2"):
    return np.sum(np.sin(np.einsum("j...k,lj...->lk...", x, y)))


def einsum_three_args__0(x: "3,4,4", y: "4,4,3", z: "4,4,3"):
    return np.sum(np.sin(np.einsum("ijk,lji,lli->lki", x, y, z)))


def einsum2_transpose__0(x: "1,1"):
    return np.sum(np.sin(np.einsum(x, (0, 1), (1, 0))))


def einsum2_transpose__1(x: "4,4"):
    return np.sum(np.sin(np.einsum(x, (0, 1), (1, 0))))


def einsum2_transpose__2(x: "3,4"):
    return np.sum(np.sin(np.einsum(x, (0, 1), (1, 0))))


def einsum2_matmult__0(x: "2,3", y: "3,4"):
    return np.sum(np.sin(np.einsum(x, (0, 1), y, (1, 2), (0, 2))))


def einsum2_matmult_broadcast__0(x: "2,3", y: "3,4"):
    return np.sum(
        np.sin(np.einsum(x, (Ellipsis, 0, 1), y, (Ellipsis, 1, 2), (Ellipsis, 0, 2)))
    )


def einsum2_matmult_broadcast__1(x: "2,3", y: "2,3,4"):
    return np.sum(
        np.sin(np.einsum(x, (Ellipsis, 0, 1), y, (Ellipsis, 1, 2), (Ellipsis, 0, 2)))
    )


def einsum2_matmult_broadcast__2(x: "2,2,3", y: "3,4"):
    return np.sum(
        np.sin(np.einsum(x, (Ellipsis, 0, 1), y, (Ellipsis, 1, 2), (Ellipsis, 0, 2)))
    )


def einsum2_matmult_broadcast__3(x: "2,2,3", y: "2,3,4"):
    return np.sum(
        np.sin(np.einsum(x, (Ellipsis, 0, 1), y, (Ellipsis, 1, 2), (Ellipsis, 0, 2)))
    )


def einsum2_covsum__0(x: "3,4,4", y: "4,4,3"):
    return np.sum(np.sin(np.einsum(x, (0, 1, 2), y, (3, 1, 0), (3, 2, 0))))


def einsum2_three_args__0(x: "3,4,4", y: "4,4,3", z: "4,4,3"):
    return np.sum(
        np.sin(np.einsum(x, (0, 1, 2), y, (3, 1, 0), z, (3, 3, 0), (3, 2, 0)))
    )


def einsum_naked_sum__0(x: "5", y: "10,5"):
    return np.einsum("k,nk->", x, y)


def einsum_naked_sum2__0(x: "3,2,3,2"):
    return np.sum(np.sin(np.einsum("abcd->bd", x)))


def einsum_naked_sum_ellipsis__0(x: "3,5", y: "3,10,5"):
    return np.sum(np.sin(np.einsum("...k,...nk->...", x, y)))


def einsum_no_output_indices__0(x: "3,4", y: "3"):
    return np.sum(np.sin(np.einsum("ij,k", x, y)))


def trace__0(x: "5,5"):
    return np.trace(x, offset=-1)


def trace__1(x: "5,5"):
    return np.trace(x, offset=0)


def trace__2(x: "5,5"):
    return np.trace(x, offset=1)


def trace__3(x: "4,5"):
    return np.trace(x, offset=-1)


def trace__4(x: "4,5"):
    return np.trace(x, offset=0)


def trace__5(x: "4,5"):
    return np.trace(x, offset=1)


def trace__6(x: "5,4"):
    return np.trace(x, offset=-1)


def trace__7(x: "5,4"):
    return np.trace(x, offset=0)


def trace__8(x: "5,4"):
    return np.trace(x, offset=1)


def trace__9(x: "3,4,5"):
    return np.sum(np.sin(np.trace(x, offset=-1)))


def trace__10(x: "3,4,5"):
    return np.sum(np.sin(np.trace(x, offset=0)))


def trace__11(x: "3,4,5"):
    return np.sum(np.sin(np.trace(x, offset=1)))


def diag__0(x: "5,5"):
    return np.sum(np.sin(np.diag(x, k=-1)))


def diag__1(x: "5,5"):
    return np.sum(np.sin(np.diag(x, k=0)))


def diag__2(x: "5,5"):
    return np.sum(np.sin(np.diag(x, k=1)))


def diag_flat__0(x: "5"):
    return np.sum(np.sin(np.diag(x, k=-1)))


def diag_flat__1(x: "5"):
    return np.sum(np.sin(np.diag(x, k=0)))


def diag_flat__2(x: "5"):
    return np.sum(np.sin(np.diag(x, k=1)))


def tril__0(x: "5,5"):
    return np.sum(np.sin(np.tril(x, k=-1)))


def tril__1(x: "5,5"):
    return np.sum(np.sin(np.tril(x, k=0)))


def tril__2(x: "5,5"):
    return np.sum(np.sin(np.tril(x, k=1)))


def triu__0(x: "5,5"):
    return np.sum(np.sin(np.triu(x, k=-1)))


def triu__1(x: "5,5"):
    return np.sum(np.sin(np.triu(x, k=0)))


def triu__2(x: "5,5"):
    return np.sum(np.sin(np.triu(x, k=1)))


def tril_3d__0(x: "5,5,4"):
    return np.sum(np.sin(np.tril(x, k=-1)))


def tril_3d__1(x: "5,5,4"):
    return np.sum(np.sin(np.tril(x, k=0)))


def tril_3d__2(x: "5,5,4"):
    return np.sum(np.sin(np.tril(x, k=1)))


def triu_3d__0(x: "5,5,4"):
    return np.sum(np.sin(np.triu(x, k=-1)))


def triu_3d__1(x: "5,5,4"):
    return np.sum(np.sin(np.triu(x, k=0)))


def triu_3d__2(x: "5,5,4"):
    return np.sum(np.sin(np.triu(x, k=1)))


def swapaxes__0(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=0, axis2=0)))


def swapaxes__1(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=0, axis2=1)))


def swapaxes__2(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=0, axis2=2)))


def swapaxes__3(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=1, axis2=0)))


def swapaxes__4(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=1, axis2=1)))


def swapaxes__5(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=1, axis2=2)))


def swapaxes__6(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=2, axis2=0)))


def swapaxes__7(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=2, axis2=1)))


def swapaxes__8(x: "3,4,5"):
    return np.sum(np.sin(np.swapaxes(x, axis1=2, axis2=2)))


def rollaxis__0(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=0, start=0)))


def rollaxis__1(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=0, start=1)))


def rollaxis__2(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=0, start=2)))


def rollaxis__3(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=1, start=0)))


def rollaxis__4(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=1, start=1)))


def rollaxis__5(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=1, start=2)))


def rollaxis__6(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=2, start=0)))


def rollaxis__7(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=2, start=1)))


def rollaxis__8(x: "2,3,4"):
    return np.sum(np.sin(np.rollaxis(x, axis=2, start=2)))


def cross__0(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=-1, axisc=-1)))


def cross__1(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=-1, axisc=0)))


def cross__2(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=-1, axisc=1)))


def cross__3(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=0, axisc=-1)))


def cross__4(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=0, axisc=0)))


def cross__5(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=0, axisc=1)))


def cross__6(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=1, axisc=-1)))


def cross__7(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=1, axisc=0)))


def cross__8(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=-1, axisb=1, axisc=1)))


def cross__9(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=-1, axisc=-1)))


def cross__10(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=-1, axisc=0)))


def cross__11(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=-1, axisc=1)))


def cross__12(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=0, axisc=-1)))


def cross__13(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=0, axisc=0)))


def cross__14(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=0, axisc=1)))


def cross__15(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=1, axisc=-1)))


def cross__16(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=1, axisc=0)))


def cross__17(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=0, axisb=1, axisc=1)))


def cross__18(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=-1, axisc=-1)))


def cross__19(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=-1, axisc=0)))


def cross__20(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=-1, axisc=1)))


def cross__21(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=0, axisc=-1)))


def cross__22(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=0, axisc=0)))


def cross__23(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=0, axisc=1)))


def cross__24(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=1, axisc=-1)))


def cross__25(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=1, axisc=0)))


def cross__26(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axisa=1, axisb=1, axisc=1)))


def cross__27(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axis=-1)))


def cross__28(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axis=0)))


def cross__29(x: "3,3", y: "3,3"):
    return np.sum(np.sin(np.cross(x, y, axis=1)))


def vsplit_2d__0(x: "4,8"):
    o0, o1, o2, o3 = np.vsplit(x, 4)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def vsplit_2d__1(x: "4,8"):
    o0, o1, o2 = np.vsplit(x, [1, 2])
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def vsplit_3d__0(x: "4,4,4"):
    o0, o1 = np.vsplit(x, 2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def vsplit_3d__1(x: "4,4,4"):
    o0, o1, o2 = np.vsplit(x, [1, 2])
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def hsplit_2d__0(x: "4,8"):
    o0, o1, o2, o3 = np.hsplit(x, 4)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def hsplit_2d__1(x: "4,8"):
    o0, o1, o2 = np.hsplit(x, [1, 2])
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def hsplit_3d__0(x: "4,4,4"):
    o0, o1 = np.hsplit(x, 2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def hsplit_3d__1(x: "4,4,4"):
    o0, o1, o2 = np.hsplit(x, [1, 2])
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def dsplit_3d__0(x: "4,4,4"):
    o0, o1 = np.dsplit(x, 2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def dsplit_3d__1(x: "4,4,4"):
    o0, o1, o2 = np.dsplit(x, [1, 2])
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def split_1d__0(x: "1"):
    (o0,) = np.split(x, 1, axis=0)
    return np.sum(np.sin(o0))


def split_1d__1(x: "7"):
    (o0,) = np.split(x, 1, axis=0)
    return np.sum(np.sin(o0))


def split_2d__0(x: "4,8"):
    o0, o1, o2, o3 = np.split(x, 4, axis=0)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def split_2d__1(x: "4,8"):
    o0, o1, o2, o3 = np.split(x, 4, axis=1)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def split_2d__2(x: "4,8"):
    o0, o1, o2 = np.split(x, [1, 2], axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def split_2d__3(x: "4,8"):
    o0, o1, o2 = np.split(x, [1, 2], axis=1)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def split_3d__0(x: "4,4,4"):
    o0, o1 = np.split(x, 2, axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def split_3d__1(x: "4,4,4"):
    o0, o1 = np.split(x, 2, axis=1)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def split_3d__2(x: "4,4,4"):
    o0, o1 = np.split(x, 2, axis=2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def split_3d__3(x: "4,4,4"):
    o0, o1, o2 = np.split(x, [1, 2], axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def split_3d__4(x: "4,4,4"):
    o0, o1, o2 = np.split(x, [1, 2], axis=1)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def split_3d__5(x: "4,4,4"):
    o0, o1, o2 = np.split(x, [1, 2], axis=2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_1d__0(x: "1"):
    (o0,) = np.array_split(x, 1, axis=0)
    return np.sum(np.sin(o0))


def array_split_1d__1(x: "1"):
    o0, o1, o2 = np.array_split(x, 3, axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_1d__2(x: "7"):
    (o0,) = np.array_split(x, 1, axis=0)
    return np.sum(np.sin(o0))


def array_split_1d__3(x: "7"):
    o0, o1, o2 = np.array_split(x, 3, axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_2d__0(x: "7,7"):
    o0, o1, o2, o3 = np.array_split(x, 4, axis=0)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def array_split_2d__1(x: "7,7"):
    o0, o1, o2, o3 = np.array_split(x, 4, axis=1)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def array_split_2d__2(x: "7,7"):
    o0, o1, o2 = np.array_split(x, [3, 5], axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_2d__3(x: "7,7"):
    o0, o1, o2 = np.array_split(x, [3, 5], axis=1)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_3d__0(x: "7,7,7"):
    o0, o1, o2, o3 = np.array_split(x, 4, axis=0)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def array_split_3d__1(x: "7,7,7"):
    o0, o1, o2, o3 = np.array_split(x, 4, axis=1)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def array_split_3d__2(x: "7,7,7"):
    o0, o1, o2, o3 = np.array_split(x, 4, axis=2)
    return (
        np.sum(np.sin(o0))
        + np.sum(np.sin(o1))
        + np.sum(np.sin(o2))
        + np.sum(np.sin(o3))
    )


def array_split_3d__3(x: "7,7,7"):
    o0, o1, o2 = np.array_split(x, [3, 5], axis=0)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_3d__4(x: "7,7,7"):
    o0, o1, o2 = np.array_split(x, [3, 5], axis=1)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def array_split_3d__5(x: "7,7,7"):
    o0, o1, o2 = np.array_split(x, [3, 5], axis=2)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def concatenate_1ist__0(x: "1", y: "3"):
    return np.sum(np.sin(np.concatenate((x, y), axis=0)))


def concatenate_tuple__0(x: "1", y: "3"):
    return np.sum(np.sin(np.concatenate([x, y], axis=0)))


def concatenate_2d__0(x: "2,2", y: "2,2"):
    return np.sum(np.sin(np.concatenate((x, y), axis=0)))


def concatenate_2d__1(x: "2,2", y: "2,2"):
    return np.sum(np.sin(np.concatenate((x, y), axis=1)))


def concatenate_3d__0(x: "2,2,2", y: "2,2,2"):
    return np.sum(np.sin(np.concatenate((x, y), axis=0)))


def concatenate_3d__1(x: "2,2,2", y: "2,2,2"):
    return np.sum(np.sin(np.concatenate((x, y), axis=1)))


def concatenate_3d__2(x: "2,2,2", y: "2,2,2"):
    return np.sum(np.sin(np.concatenate((x, y), axis=2)))


def vstack_1d__0(x: "2"):
    return np.sum(np.sin(np.vstack(x)))


def vstack_1d__1(x: "2", y: "2"):
    return np.sum(np.sin(np.vstack((x, y))))


def vstack_2d__0(x: "2,3"):
    return np.sum(np.sin(np.vstack(x)))


def vstack_2d__1(x: "2,4", y: "1,4"):
    return np.sum(np.sin(np.vstack((x, y))))


def vstack_3d__0(x: "2,3,4"):
    return np.sum(np.sin(np.vstack(x)))


def vstack_3d__1(x: "2,3,4", y: "5,3,4"):
    return np.sum(np.sin(np.vstack((x, y))))


def hstack_1d__0(x: "2"):
    return np.sum(np.sin(np.hstack(x)))


def hstack_1d__1(x: "2", y: "2"):
    return np.sum(np.sin(np.hstack((x, y))))


def hstack_2d__0(x: "3,2"):
    return np.sum(np.sin(np.hstack(x)))


def hstack_2d__1(x: "3,4", y: "3,5"):
    return np.sum(np.sin(np.hstack((x, y))))


def hstack_3d__0(x: "2,3,4"):
    return np.sum(np.sin(np.hstack(x)))


def hstack_3d__1(x: "2,1,4", y: "2,5,4"):
    return np.sum(np.sin(np.hstack((x, y))))


def stack_1d__0(x: "2"):
    return np.sum(np.sin(np.stack((x,), axis=0)))


def stack_1d__1(x: "2"):
    return np.sum(np.sin(np.stack((x,), axis=1)))


def stack_1d__2(x: "2", y: "2"):
    return np.sum(np.sin(np.stack((x, y), axis=0)))


def stack_1d__3(x: "2", y: "2"):
    return np.sum(np.sin(np.stack((x, y), axis=1)))


def row_stack_1d__0(x: "2"):
    return np.sum(np.sin(np.vstack(x)))


def row_stack_1d__1(x: "2", y: "2"):
    return np.sum(np.sin(np.vstack((x, y))))


def row_stack_2d__0(x: "2,3"):
    return np.sum(np.sin(np.vstack(x)))


def row_stack_2d__1(x: "2,4", y: "1,4"):
    return np.sum(np.sin(np.vstack((x, y))))


def column_stack_1d__0(x: "2"):
    return np.sum(np.sin(np.column_stack(x)))


def column_stack_1d__1(x: "2", y: "2"):
    return np.sum(np.sin(np.column_stack((x, y))))


def column_stack_2d__0(x: "2,2"):
    return np.sum(np.sin(np.column_stack(x)))


def column_stack_2d__1(x: "2,2", y: "2,2"):
    return np.sum(np.sin(np.column_stack((x, y))))


def select__0(
    x: "3,4,5", y: "3,4,5", z: "3,4,5", c1: "3,4,5", c2: "3,4,5", c3: "3,4,5"
):
    return np.sum(np.sin(np.select([c1 > 0, c2 > 0, c3 > 0], [x, y, z], default=0.0)))


def select__1(
    x: "3,4,5", y: "3,4,5", z: "3,4,5", c1: "3,4,5", c2: "3,4,5", c3: "3,4,5"
):
    return np.sum(np.sin(np.select([c1 > 0, c2 > 0, c3 > 0], [x, y, z], default=1.1)))


def pad__0(x: "2,2"):
    return np.sum(np.sin(np.pad(x, 0, "constant")))


def pad__1(x: "2,2"):
    return np.sum(np.sin(np.pad(x, 3, "constant")))


def pad__2(x: "2,2"):
    return np.sum(np.sin(np.pad(x, (3,), "constant")))


def pad__3(x: "2,2"):
    return np.sum(np.sin(np.pad(x, (3, 2), "constant")))


def pad__4(x: "2,2"):
    return np.sum(np.sin(np.pad(x, ((3, 2),), "constant")))


def pad__5(x: "2,2"):
    return np.sum(np.sin(np.pad(x, ((1, 2), (3, 4)), "constant")))


def pad__6(x: "2,2"):
    return np.sum(np.sin(np.pad(x, ((0, 0), (0, 0)), "constant")))


# fmt: off
CASES = [
    ('max__0', 'test_max', [('value', 3.5)], ['x'], False, 543702369),
    ('max__1', 'test_max', [('normal', ())], ['x'], False, 1466895863),
    ('max__2', 'test_max', [('normal', (3,))], ['x'], False, 3462814797),
    ('max__3', 'test_max', [('normal', (3,))], ['x'], False, 3110169819),
    ('max__4', 'test_max', [('normal', (3,))], ['x'], False, 654702968),
    ('max__5', 'test_max', [('normal', (3,))], ['x'], False, 1342360046),
    ('max__6', 'test_max', [('normal', (2, 3))], ['x'], False, 3372980308),
    ('max__7', 'test_max', [('normal', (2, 3))], ['x'], False, 3188500674),
    ('max__8', 'test_max', [('normal', (2, 3))], ['x'], False, 783529299),
    ('max__9', 'test_max', [('normal', (2, 3))], ['x'], False, 1505002949),
    ('max__10', 'test_max', [('normal', (1, 3))], ['x'], False, 3612727187),
    ('max__11', 'test_max', [('normal', (1, 3))], ['x'], False, 2689787653),
    ('max__12', 'test_max', [('normal', (1, 3))], ['x'], False, 962311871),
    ('max__13', 'test_max', [('normal', (1, 3))], ['x'], False, 1314686505),
    ('max__14', 'test_max', [('normal', (2, 3))], ['x'], False, 3493335946),
    ('max__15', 'test_max', [('normal', (2, 3))], ['x'], False, 2805932828),
    ('max__16', 'test_max', [('normal', (2, 3))], ['x'], False, 1043755686),
    ('max__17', 'test_max', [('normal', (2, 3))], ['x'], False, 1227964976),
    ('max__18', 'test_max', [('normal', (2, 3))], ['x'], False, 3649986465),
    ('max__19', 'test_max', [('normal', (2, 3))], ['x'], False, 2928242487),
    ('max__20', 'test_max', [('normal', (1, 3))], ['x'], False, 4235756624),
    ('max__21', 'test_max', [('normal', (1, 3))], ['x'], False, 2340402374),
    ('max__22', 'test_max', [('normal', (1, 3))], ['x'], False, 309781884),
    ('max__23', 'test_max', [('normal', (1, 3))], ['x'], False, 1701959146),
    ('max__24', 'test_max', [('normal', (1, 3))], ['x'], False, 4212473929),
    ('max__25', 'test_max', [('normal', (1, 3))], ['x'], False, 2350018783),
    ('max__26', 'test_max', [('cvalue', 0.3, 0.05)], ['x'], True, 354099557),
    ('max__27', 'test_max', [('cnormal', (2, 3))], ['x'], True, 1646006771),
    ('max__28', 'test_max', [('cnormal', (2, 3))], ['x'], True, 4070771810),
    ('max__29', 'test_max', [('cnormal', (2, 3))], ['x'], True, 2242133236),
    ('max__30', 'test_max', [('cnormal', (2, 3))], ['x'], True, 3848516881),
    ('mean__0', 'test_mean', [('value', 3.5)], ['x'], False, 2464004507),
    ('mean__1', 'test_mean', [('normal', ())], ['x'], False, 3856304397),
    ('mean__2', 'test_mean', [('normal', (3,))], ['x'], False, 2094258359),
    ('mean__3', 'test_mean', [('normal', (3,))], ['x'], False, 198502433),
    ('mean__4', 'test_mean', [('normal', (3,))], ['x'], False, 2511371650),
    ('mean__5', 'test_mean', [('normal', (3,))], ['x'], False, 3803663636),
    ('mean__6', 'test_mean', [('normal', (2, 3))], ['x'], False, 2076056750),
    ('mean__7', 'test_mean', [('normal', (2, 3))], ['x'], False, 213462072),
    ('mean__8', 'test_mean', [('normal', (2, 3))], ['x'], False, 2617651625),
    ('mean__9', 'test_mean', [('normal', (2, 3))], ['x'], False, 3942711615),
    ('mean__10', 'test_mean', [('normal', (1, 3))], ['x'], False, 2324658453),
    ('mean__11', 'test_mean', [('normal', (1, 3))], ['x'], False, 4253567363),
    ('mean__12', 'test_mean', [('normal', (1, 3))], ['x'], False, 1686181945),
    ('mean__13', 'test_mean', [('normal', (1, 3))], ['x'], False, 327559343),
    ('mean__14', 'test_mean', [('normal', (2, 3))], ['x'], False, 2380446988),
    ('mean__15', 'test_mean', [('normal', (2, 3))], ['x'], False, 4209347994),
    ('mean__16', 'test_mean', [('normal', (2, 3))], ['x'], False, 1676467232),
    ('mean__17', 'test_mean', [('normal', (2, 3))], ['x'], False, 351005878),
    ('mean__18', 'test_mean', [('normal', (2, 3))], ['x'], False, 2220159271),
    ('mean__19', 'test_mean', [('normal', (2, 3))], ['x'], False, 4082352561),
    ('mean__20', 'test_mean', [('normal', (1, 3))], ['x'], False, 2711759574),
    ('mean__21', 'test_mean', [('normal', (1, 3))], ['x'], False, 3601144384),
    ('mean__22', 'test_mean', [('normal', (1, 3))], ['x'], False, 1336691706),
    ('mean__23', 'test_mean', [('normal', (1, 3))], ['x'], False, 950762348),
    ('mean__24', 'test_mean', [('normal', (1, 3))], ['x'], False, 2798644943),
    ('mean__25', 'test_mean', [('normal', (1, 3))], ['x'], False, 3519602265),
    ('mean__26', 'test_mean', [('cvalue', 0.3, 0.05)], ['x'], True, 1220644835),
    ('mean__27', 'test_mean', [('cnormal', (2, 3))], ['x'], True, 1069989749),
    ('mean__28', 'test_mean', [('cnormal', (2, 3))], ['x'], True, 2943984356),
    ('mean__29', 'test_mean', [('cnormal', (2, 3))], ['x'], True, 3632173682),
    ('mean__30', 'test_mean', [('cnormal', (2, 3))], ['x'], True, 3099138967),
    ('min__0', 'test_min', [('value', 3.5)], ['x'], False, 1701478115),
    ('min__1', 'test_min', [('normal', ())], ['x'], False, 309153397),
    ('min__2', 'test_min', [('normal', (3,))], ['x'], False, 2338594767),
    ('min__3', 'test_min', [('normal', (3,))], ['x'], False, 4234358617),
    ('min__4', 'test_min', [('normal', (3,))], ['x'], False, 1644673786),
    ('min__5', 'test_min', [('normal', (3,))], ['x'], False, 352356972),
    ('min__6', 'test_min', [('normal', (2, 3))], ['x'], False, 2349456342),
    ('min__7', 'test_min', [('normal', (2, 3))], ['x'], False, 4212058944),
    ('min__8', 'test_min', [('normal', (2, 3))], ['x'], False, 1806825169),
    ('min__9', 'test_min', [('normal', (2, 3))], ['x'], False, 481740359),
    ('min__10', 'test_min', [('normal', (1, 3))], ['x'], False, 3567663068),
    ('min__11', 'test_min', [('normal', (1, 3))], ['x'], False, 2745239370),
    ('min__12', 'test_min', [('normal', (1, 3))], ['x'], False, 984110832),
    ('min__13', 'test_min', [('normal', (1, 3))], ['x'], False, 1303340646),
    ('min__14', 'test_min', [('normal', (2, 3))], ['x'], False, 3553358789),
    ('min__15', 'test_min', [('normal', (2, 3))], ['x'], False, 2764882771),
    ('min__16', 'test_min', [('normal', (2, 3))], ['x'], False, 1036358377),
    ('min__17', 'test_min', [('normal', (2, 3))], ['x'], False, 1254269567),
    ('min__18', 'test_min', [('normal', (2, 3))], ['x'], False, 3665674222),
    ('min__19', 'test_min', [('normal', (2, 3))], ['x'], False, 2910490488),
    ('min__20', 'test_min', [('normal', (1, 3))], ['x'], False, 4287325215),
    ('min__21', 'test_min', [('normal', (1, 3))], ['x'], False, 2290898057),
    ('min__22', 'test_min', [('normal', (1, 3))], ['x'], False, 293930291),
    ('min__23', 'test_min', [('normal', (1, 3))], ['x'], False, 1719809445),
    ('min__24', 'test_min', [('normal', (1, 3))], ['x'], False, 4175863814),
    ('min__25', 'test_min', [('normal', (1, 3))], ['x'], False, 2413924496),
    ('min__26', 'test_min', [('cvalue', 0.3, 0.05)], ['x'], True, 384352554),
    ('min__27', 'test_min', [('cnormal', (2, 3))], ['x'], True, 1643114940),
    ('min__28', 'test_min', [('cnormal', (2, 3))], ['x'], True, 4048612397),
    ('min__29', 'test_min', [('cnormal', (2, 3))], ['x'], True, 2253905083),
    ('min__30', 'test_min', [('cnormal', (2, 3))], ['x'], True, 3868218718),
    ('sum__0', 'test_sum', [('value', 3.5)], ['x'], False, 3943942245),
    ('sum__1', 'test_sum', [('normal', ())], ['x'], False, 2618620147),
    ('sum__2', 'test_sum', [('normal', (3,))], ['x'], False, 85829961),
    ('sum__3', 'test_sum', [('normal', (3,))], ['x'], False, 1914345951),
    ('sum__4', 'test_sum', [('normal', (3,))], ['x'], False, 3967683708),
    ('sum__5', 'test_sum', [('normal', (3,))], ['x'], False, 2608413930),
    ('sum__6', 'test_sum', [('normal', (2, 3))], ['x'], False, 40922448),
    ('sum__7', 'test_sum', [('normal', (2, 3))], ['x'], False, 1970757062),
    ('sum__8', 'test_sum', [('normal', (2, 3))], ['x'], False, 3855106135),
    ('sum__9', 'test_sum', [('normal', (2, 3))], ['x'], False, 2463068353),
    ('sum__10', 'test_sum', [('normal', (1, 3))], ['x'], False, 3505612927),
    ('sum__11', 'test_sum', [('normal', (1, 3))], ['x'], False, 2817808617),
    ('sum__12', 'test_sum', [('normal', (1, 3))], ['x'], False, 1056770387),
    ('sum__13', 'test_sum', [('normal', (1, 3))], ['x'], False, 1241135557),
    ('sum__14', 'test_sum', [('normal', (2, 3))], ['x'], False, 3617500262),
    ('sum__15', 'test_sum', [('normal', (2, 3))], ['x'], False, 2694421744),
    ('sum__16', 'test_sum', [('normal', (2, 3))], ['x'], False, 965791050),
    ('sum__17', 'test_sum', [('normal', (2, 3))], ['x'], False, 1318583772),
    ('sum__18', 'test_sum', [('normal', (2, 3))], ['x'], False, 3727220813),
    ('sum__19', 'test_sum', [('normal', (2, 3))], ['x'], False, 2838483163),
    ('sum__20', 'test_sum', [('normal', (1, 3))], ['x'], False, 4225645500),
    ('sum__21', 'test_sum', [('normal', (1, 3))], ['x'], False, 2363034410),
    ('sum__22', 'test_sum', [('normal', (1, 3))], ['x'], False, 365976208),
    ('sum__23', 'test_sum', [('normal', (1, 3))], ['x'], False, 1658284550),
    ('sum__24', 'test_sum', [('normal', (1, 3))], ['x'], False, 4239654821),
    ('sum__25', 'test_sum', [('normal', (1, 3))], ['x'], False, 2343882547),
    ('sum__26', 'test_sum', [('cvalue', 0.3, 0.05)], ['x'], True, 314416777),
    ('sum__27', 'test_sum', [('cnormal', (2, 3))], ['x'], True, 1706733087),
    ('sum__28', 'test_sum', [('cnormal', (2, 3))], ['x'], True, 4110791566),
    ('sum__29', 'test_sum', [('cnormal', (2, 3))], ['x'], True, 2181202712),
    ('sum__30', 'test_sum', [('cnormal', (2, 3))], ['x'], True, 3804564221),
    ('prod__0', 'test_prod', [('value', 3.5)], ['x'], False, 1519003827),
    ('prod__1', 'test_prod', [('normal', ())], ['x'], False, 764221477),
    ('prod__2', 'test_prod', [('normal', (3,))], ['x'], False, 3028568479),
    ('prod__3', 'test_prod', [('normal', (3,))], ['x'], False, 3280173321),
    ('prod__4', 'test_prod', [('normal', (3,))], ['x'], False, 1575480490),
    ('prod__5', 'test_prod', [('normal', (3,))], ['x'], False, 719379516),
    ('prod__6', 'test_prod', [('normal', (2, 3))], ['x'], False, 3018427782),
    ('prod__7', 'test_prod', [('normal', (2, 3))], ['x'], False, 3303980304),
    ('prod__8', 'test_prod', [('normal', (2, 3))], ['x'], False, 1414635649),
    ('prod__9', 'test_prod', [('normal', (2, 3))], ['x'], False, 592875543),
    ('prod__10', 'test_prod', [('normal', (1, 3))], ['x'], False, 3220342398),
    ('prod__11', 'test_prod', [('normal', (1, 3))], ['x'], False, 3371546344),
    ('prod__12', 'test_prod', [('normal', (1, 3))], ['x'], False, 1375528786),
    ('prod__13', 'test_prod', [('normal', (1, 3))], ['x'], False, 654038980),
    ('prod__14', 'test_prod', [('normal', (2, 3))], ['x'], False, 3097444967),
    ('prod__15', 'test_prod', [('normal', (2, 3))], ['x'], False, 3482874609),
    ('prod__16', 'test_prod', [('normal', (2, 3))], ['x'], False, 1452352331),
    ('prod__17', 'test_prod', [('normal', (2, 3))], ['x'], False, 563483613),
    ('prod__18', 'test_prod', [('normal', (2, 3))], ['x'], False, 2972257868),
    ('prod__19', 'test_prod', [('normal', (2, 3))], ['x'], False, 3324919514),
    ('prod__20', 'test_prod', [('normal', (1, 3))], ['x'], False, 2497697213),
    ('prod__21', 'test_prod', [('normal', (1, 3))], ['x'], False, 3822642475),
    ('prod__22', 'test_prod', [('normal', (1, 3))], ['x'], False, 2060563601),
    ('prod__23', 'test_prod', [('normal', (1, 3))], ['x'], False, 232162311),
    ('prod__24', 'test_prod', [('normal', (1, 3))], ['x'], False, 2477920676),
    ('prod__25', 'test_prod', [('normal', (1, 3))], ['x'], False, 3837075762),
    ('prod__26', 'test_prod', [('cvalue', 0.3, 0.05)], ['x'], True, 2109501576),
    ('prod__27', 'test_prod', [('cnormal', (2, 3))], ['x'], True, 180043806),
    ('prod__28', 'test_prod', [('cnormal', (2, 3))], ['x'], True, 2583977359),
    ('prod__29', 'test_prod', [('cnormal', (2, 3))], ['x'], True, 3976424729),
    ('prod__30', 'test_prod', [('cnormal', (2, 3))], ['x'], True, 2378491132),
    ('var__0', 'test_var', [('value', 3.5)], ['x'], False, 650391389),
    ('var__1', 'test_var', [('normal', ())], ['x'], False, 1371742155),
    ('var__2', 'test_var', [('normal', (3,))], ['x'], False, 3368701553),
    ('var__3', 'test_var', [('normal', (3,))], ['x'], False, 3217915623),
    ('var__4', 'test_var', [('normal', (3,))], ['x'], False, 564783940),
    ('var__5', 'test_var', [('normal', (3,))], ['x'], False, 1454300114),
    ('var__6', 'test_var', [('normal', (2, 3))], ['x'], False, 3483863656),
    ('var__7', 'test_var', [('normal', (2, 3))], ['x'], False, 3097541374),
    ('var__8', 'test_var', [('normal', (2, 3))], ['x'], False, 673163119),
    ('var__9', 'test_var', [('normal', (2, 3))], ['x'], False, 1595447289),
    ('var__10', 'test_var', [('normal', (1, 3))], ['x'], False, 4164683526),
    ('var__11', 'test_var', [('normal', (1, 3))], ['x'], False, 2403022736),
    ('var__12', 'test_var', [('normal', (1, 3))], ['x'], False, 372401706),
    ('var__13', 'test_var', [('normal', (1, 3))], ['x'], False, 1630885564),
    ('var__14', 'test_var', [('normal', (2, 3))], ['x'], False, 4283548447),
    ('var__15', 'test_var', [('normal', (2, 3))], ['x'], False, 2287399817),
    ('var__16', 'test_var', [('normal', (2, 3))], ['x'], False, 291480115),
    ('var__17', 'test_var', [('normal', (2, 3))], ['x'], False, 1717080741),
    ('var__18', 'test_var', [('normal', (2, 3))], ['x'], False, 4142370612),
    ('var__19', 'test_var', [('normal', (2, 3))], ['x'], False, 2178989986),
    ('var__20', 'test_var', [('normal', (1, 3))], ['x'], False, 3541128389),
    ('var__21', 'test_var', [('normal', (1, 3))], ['x'], False, 2752930899),
    ('var__22', 'test_var', [('normal', (1, 3))], ['x'], False, 1025455593),
    ('var__23', 'test_var', [('normal', (1, 3))], ['x'], False, 1243088255),
    ('var__24', 'test_var', [('normal', (1, 3))], ['x'], False, 3564933340),
    ('var__25', 'test_var', [('normal', (1, 3))], ['x'], False, 2742788170),
    ('var__26', 'test_var', [('cvalue', 0.3, 0.05)], ['x'], True, 980611568),
    ('var__27', 'test_var', [('cnormal', (2, 3))], ['x'], True, 1299562854),
    ('var__28', 'test_var', [('cnormal', (2, 3))], ['x'], True, 3721059575),
    ('var__29', 'test_var', [('cnormal', (2, 3))], ['x'], True, 2865622113),
    ('var__30', 'test_var', [('cnormal', (2, 3))], ['x'], True, 3389678980),
    ('std__0', 'test_std', [('value', 3.5)], ['x'], False, 2877009503),
    ('std__1', 'test_std', [('normal', ())], ['x'], False, 3699154633),
    ('std__2', 'test_std', [('normal', (3,))], ['x'], False, 1165348723),
    ('std__3', 'test_std', [('normal', (3,))], ['x'], False, 846397413),
    ('std__4', 'test_std', [('normal', (3,))], ['x'], False, 2887150150),
    ('std__5', 'test_std', [('normal', (3,))], ['x'], False, 3675347664),
    ('std__6', 'test_std', [('normal', (2, 3))], ['x'], False, 1108872042),
    ('std__7', 'test_std', [('normal', (2, 3))], ['x'], False, 891239420),
    ('std__8', 'test_std', [('normal', (2, 3))], ['x'], False, 2778736237),
    ('std__9', 'test_std', [('normal', (2, 3))], ['x'], False, 3534165755),
    ('std__10', 'test_std', [('normal', (1, 3))], ['x'], False, 381671851),
    ('std__11', 'test_std', [('normal', (1, 3))], ['x'], False, 1639508285),
    ('std__12', 'test_std', [('normal', (1, 3))], ['x'], False, 4172396679),
    ('std__13', 'test_std', [('normal', (1, 3))], ['x'], False, 2411104273),
    ('std__14', 'test_std', [('normal', (2, 3))], ['x'], False, 298982834),
    ('std__15', 'test_std', [('normal', (2, 3))], ['x'], False, 1725246756),
    ('std__16', 'test_std', [('normal', (2, 3))], ['x'], False, 4292639902),
    ('std__17', 'test_std', [('normal', (2, 3))], ['x'], False, 2296073224),
    ('std__18', 'test_std', [('normal', (2, 3))], ['x'], False, 409227673),
    ('std__19', 'test_std', [('normal', (2, 3))], ['x'], False, 1868783887),
    ('std__20', 'test_std', [('normal', (1, 3))], ['x'], False, 1033013864),
    ('std__21', 'test_std', [('normal', (1, 3))], ['x'], False, 1251326718),
    ('std__22', 'test_std', [('normal', (1, 3))], ['x'], False, 3550276420),
    ('std__23', 'test_std', [('normal', (1, 3))], ['x'], False, 2761677778),
    ('std__24', 'test_std', [('normal', (1, 3))], ['x'], False, 989810289),
    ('std__25', 'test_std', [('normal', (1, 3))], ['x'], False, 1308131047),
    ('std__26', 'test_std', [('cvalue', 0.3, 0.05)], ['x'], True, 3572576093),
    ('std__27', 'test_std', [('cnormal', (2, 3))], ['x'], True, 2750816203),
    ('std__28', 'test_std', [('cnormal', (2, 3))], ['x'], True, 860422746),
    ('std__29', 'test_std', [('cnormal', (2, 3))], ['x'], True, 1145975500),
    ('std__30', 'test_std', [('cnormal', (2, 3))], ['x'], True, 613006121),
    ('sin__0', 'test_sin', [('value', -0.3999999999999999)], ['x'], False, 1555438856),
    ('sin__1', 'test_sin', [('uniform', (2,), -2, 2)], ['x'], False, 733031838),
    ('sin__2', 'test_sin', [('uniform', (3, 2), -2, 2)], ['x'], False, 2998434852),
    ('sin__3', 'test_sin', [('uniform', (1, 2), -2, 2)], ['x'], False, 3317648562),
    ('sin__4', 'test_sin', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1541134609),
    ('sin__5', 'test_sin', [('cuniform', (3, 2), -2, 2)], ['x'], True, 752675207),
    ('abs__0', 'test_abs', [('value', 1.6600000000000001)], ['x'], False, 3339387083),
    ('abs__1', 'test_abs', [('uniform', (2,), 0.1, 4.0)], ['x'], False, 2953588829),
    ('abs__2', 'test_abs', [('uniform', (3, 2), 0.1, 4.0)], ['x'], False, 688218599),
    ('abs__3', 'test_abs', [('uniform', (1, 2), 0.1, 4.0)], ['x'], False, 1577210225),
    ('abs__4', 'test_abs', [('cvalue', 1.6600000000000001, 0.127)], ['x'], True, 3227960530),
    ('abs__5', 'test_abs', [('cuniform', (3, 2), 0.1, 4.0)], ['x'], True, 3076650052),
    ('absolute__0', 'test_absolute', [('value', 1.6600000000000001)], ['x'], False, 4016746070),
    ('absolute__1', 'test_absolute', [('uniform', (2,), 0.1, 4.0)], ['x'], False, 2557320896),
    ('absolute__2', 'test_absolute', [('uniform', (3, 2), 0.1, 4.0)], ['x'], False, 23383930),
    ('absolute__3', 'test_absolute', [('uniform', (1, 2), 0.1, 4.0)], ['x'], False, 1986265068),
    ('absolute__4', 'test_absolute', [('cvalue', 1.6600000000000001, 0.127)], ['x'], True, 3892800079),
    ('absolute__5', 'test_absolute', [('cuniform', (3, 2), 0.1, 4.0)], ['x'], True, 2667600601),
    ('arccosh__0', 'test_arccosh', [('value', 2.26)], ['x'], False, 1088775901),
    ('arccosh__1', 'test_arccosh', [('uniform', (2,), 1.1, 4.0)], ['x'], False, 937580107),
    ('arccosh__2', 'test_arccosh', [('uniform', (3, 2), 1.1, 4.0)], ['x'], False, 2934638577),
    ('arccosh__3', 'test_arccosh', [('uniform', (1, 2), 1.1, 4.0)], ['x'], False, 3656136551),
    ('arccosh__4', 'test_arccosh', [('cvalue', 2.26, 0.19700000000000004)], ['x'], True, 1200136900),
    ('arccosh__5', 'test_arccosh', [('cuniform', (3, 2), 1.1, 4.0)], ['x'], True, 814715474),
    ('arcsinh__0', 'test_arcsinh', [('value', -0.17999999999999994)], ['x'], False, 1762806333),
    ('arcsinh__1', 'test_arcsinh', [('uniform', (2,), -0.9, 0.9)], ['x'], False, 504724139),
    ('arcsinh__2', 'test_arcsinh', [('uniform', (3, 2), -0.9, 0.9)], ['x'], False, 2266770193),
    ('arcsinh__3', 'test_arcsinh', [('uniform', (1, 2), -0.9, 0.9)], ['x'], False, 4028308359),
    ('arcsinh__4', 'test_arcsinh', [('cvalue', -0.17999999999999994, -0.036)], ['x'], True, 1853853220),
    ('arcsinh__5', 'test_arcsinh', [('cuniform', (3, 2), -0.9, 0.9)], ['x'], True, 427343538),
    ('arctanh__0', 'test_arctanh', [('value', -0.17999999999999994)], ['x'], False, 1088878302),
    ('arctanh__1', 'test_arctanh', [('uniform', (2,), -0.9, 0.9)], ['x'], False, 937543240),
    ('arctanh__2', 'test_arctanh', [('uniform', (3, 2), -0.9, 0.9)], ['x'], False, 2934478834),
    ('arctanh__3', 'test_arctanh', [('uniform', (1, 2), -0.9, 0.9)], ['x'], False, 3656361828),
    ('arctanh__4', 'test_arctanh', [('cvalue', -0.17999999999999994, -0.036)], ['x'], True, 1200304839),
    ('arctanh__5', 'test_arctanh', [('cuniform', (3, 2), -0.9, 0.9)], ['x'], True, 814482001),
    ('ceil__0', 'test_ceil', [('value', -0.2999999999999998)], ['x'], False, 1486569868),
    ('ceil__1', 'test_ceil', [('uniform', (2,), -1.5, 1.5)], ['x'], False, 798781722),
    ('ceil__2', 'test_ceil', [('uniform', (3, 2), -1.5, 1.5)], ['x'], False, 3063226528),
    ('ceil__3', 'test_ceil', [('uniform', (1, 2), -1.5, 1.5)], ['x'], False, 3247575094),
    ('cos__0', 'test_cos', [('value', -0.3999999999999999)], ['x'], False, 1918068081),
    ('cos__1', 'test_cos', [('uniform', (2,), -2, 2)], ['x'], False, 89413095),
    ('cos__2', 'test_cos', [('uniform', (3, 2), -2, 2)], ['x'], False, 2623341661),
    ('cos__3', 'test_cos', [('uniform', (1, 2), -2, 2)], ['x'], False, 3948557515),
    ('cos__4', 'test_cos', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1967038824),
    ('cos__5', 'test_cos', [('cuniform', (3, 2), -2, 2)], ['x'], True, 37327358),
    ('cosh__0', 'test_cosh', [('value', -0.3999999999999999)], ['x'], False, 1546812062),
    ('cosh__1', 'test_cosh', [('uniform', (2,), -2, 2)], ['x'], False, 724912648),
    ('cosh__2', 'test_cosh', [('uniform', (3, 2), -2, 2)], ['x'], False, 2990283698),
    ('cosh__3', 'test_cosh', [('uniform', (1, 2), -2, 2)], ['x'], False, 3308989220),
    ('cosh__4', 'test_cosh', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1533001351),
    ('cosh__5', 'test_cosh', [('cuniform', (3, 2), -2, 2)], ['x'], True, 744001041),
    ('deg2rad__0', 'test_deg2rad', [('value', -0.3999999999999999)], ['x'], False, 2151351495),
    ('deg2rad__1', 'test_deg2rad', [('uniform', (2,), -2, 2)], ['x'], False, 4147917905),
    ('deg2rad__2', 'test_deg2rad', [('uniform', (3, 2), -2, 2)], ['x'], False, 1848993259),
    ('deg2rad__3', 'test_deg2rad', [('uniform', (1, 2), -2, 2)], ['x'], False, 422729085),
    ('degrees__0', 'test_degrees', [('value', -0.3999999999999999)], ['x'], False, 3803023995),
    ('degrees__1', 'test_degrees', [('uniform', (2,), -2, 2)], ['x'], False, 2510994157),
    ('degrees__2', 'test_degrees', [('uniform', (3, 2), -2, 2)], ['x'], False, 212069207),
    ('degrees__3', 'test_degrees', [('uniform', (1, 2), -2, 2)], ['x'], False, 2074401729),
    ('exp__0', 'test_exp', [('value', -0.3999999999999999)], ['x'], False, 1686069776),
    ('exp__1', 'test_exp', [('uniform', (2,), -2, 2)], ['x'], False, 326652550),
    ('exp__2', 'test_exp', [('uniform', (3, 2), -2, 2)], ['x'], False, 2322662204),
    ('exp__3', 'test_exp', [('uniform', (1, 2), -2, 2)], ['x'], False, 4252382122),
    ('exp__4', 'test_exp', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1662166537),
    ('exp__5', 'test_exp', [('cuniform', (3, 2), -2, 2)], ['x'], True, 336959135),
    ('exp2__0', 'test_exp2', [('value', -0.3999999999999999)], ['x'], False, 3257002129),
    ('exp2__1', 'test_exp2', [('uniform', (2,), -2, 2)], ['x'], False, 3039221767),
    ('exp2__2', 'test_exp2', [('uniform', (3, 2), -2, 2)], ['x'], False, 741312957),
    ('exp2__3', 'test_exp2', [('uniform', (1, 2), -2, 2)], ['x'], False, 1529395499),
    ('exp2__4', 'test_exp2', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 3310103688),
    ('exp2__5', 'test_exp2', [('cuniform', (3, 2), -2, 2)], ['x'], True, 2991266846),
    ('expm1__0', 'test_expm1', [('value', -0.3999999999999999)], ['x'], False, 4040094297),
    ('expm1__1', 'test_expm1', [('uniform', (2,), -2, 2)], ['x'], False, 2278146767),
    ('expm1__2', 'test_expm1', [('uniform', (3, 2), -2, 2)], ['x'], False, 515937141),
    ('expm1__3', 'test_expm1', [('uniform', (1, 2), -2, 2)], ['x'], False, 1774691299),
    ('expm1__4', 'test_expm1', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 4154668608),
    ('expm1__5', 'test_expm1', [('cuniform', (3, 2), -2, 2)], ['x'], True, 2158233302),
    ('fabs__0', 'test_fabs', [('value', -0.3999999999999999)], ['x'], False, 4002962149),
    ('fabs__1', 'test_fabs', [('uniform', (2,), -2, 2)], ['x'], False, 2577361523),
    ('fabs__2', 'test_fabs', [('uniform', (3, 2), -2, 2)], ['x'], False, 9845705),
    ('fabs__3', 'test_fabs', [('uniform', (1, 2), -2, 2)], ['x'], False, 2005994335),
    ('floor__0', 'test_floor', [('value', -0.2999999999999998)], ['x'], False, 3962657178),
    ('floor__1', 'test_floor', [('uniform', (2,), -1.5, 1.5)], ['x'], False, 2604034316),
    ('floor__2', 'test_floor', [('uniform', (3, 2), -1.5, 1.5)], ['x'], False, 37697718),
    ('floor__3', 'test_floor', [('uniform', (1, 2), -1.5, 1.5)], ['x'], False, 1966606368),
    ('log__0', 'test_log', [('value', 0.9200000000000002)], ['x'], False, 1551767404),
    ('log__1', 'test_log', [('uniform', (2,), 0.2, 2.0)], ['x'], False, 729360378),
    ('log__2', 'test_log', [('uniform', (3, 2), 0.2, 2.0)], ['x'], False, 2993714752),
    ('log__3', 'test_log', [('uniform', (1, 2), 0.2, 2.0)], ['x'], False, 3312928470),
    ('log__4', 'test_log', [('cvalue', 0.9200000000000002, 0.074)], ['x'], True, 1528025973),
    ('log__5', 'test_log', [('cuniform', (3, 2), 0.2, 2.0)], ['x'], True, 739566563),
    ('log10__0', 'test_log10', [('value', 0.9200000000000002)], ['x'], False, 376716478),
    ('log10__1', 'test_log10', [('uniform', (2,), 0.2, 2.0)], ['x'], False, 1634929704),
    ('log10__2', 'test_log10', [('uniform', (3, 2), 0.2, 2.0)], ['x'], False, 4168768914),
    ('log10__3', 'test_log10', [('uniform', (1, 2), 0.2, 2.0)], ['x'], False, 2407361796),
    ('log10__4', 'test_log10', [('cvalue', 0.9200000000000002, 0.074)], ['x'], True, 286914727),
    ('log10__5', 'test_log10', [('cuniform', (3, 2), 0.2, 2.0)], ['x'], True, 1713293361),
    ('log1p__0', 'test_log1p', [('value', 0.9200000000000002)], ['x'], False, 2371904643),
    ('log1p__1', 'test_log1p', [('uniform', (2,), 0.2, 2.0)], ['x'], False, 4201075733),
    ('log1p__2', 'test_log1p', [('uniform', (3, 2), 0.2, 2.0)], ['x'], False, 1668154799),
    ('log1p__3', 'test_log1p', [('uniform', (1, 2), 0.2, 2.0)], ['x'], False, 342439225),
    ('log1p__4', 'test_log1p', [('cvalue', 0.9200000000000002, 0.074)], ['x'], True, 2316148890),
    ('log1p__5', 'test_log1p', [('cuniform', (3, 2), 0.2, 2.0)], ['x'], True, 4245327884),
    ('log2__0', 'test_log2', [('value', 0.9200000000000002)], ['x'], False, 2611664115),
    ('log2__1', 'test_log2', [('uniform', (2,), 0.2, 2.0)], ['x'], False, 3970819173),
    ('log2__2', 'test_log2', [('uniform', (3, 2), 0.2, 2.0)], ['x'], False, 1973728735),
    ('log2__3', 'test_log2', [('uniform', (1, 2), 0.2, 2.0)], ['x'], False, 44270921),
    ('log2__4', 'test_log2', [('cvalue', 0.9200000000000002, 0.074)], ['x'], True, 2630291690),
    ('log2__5', 'test_log2', [('cuniform', (3, 2), 0.2, 2.0)], ['x'], True, 3955236988),
    ('rad2deg__0', 'test_rad2deg', [('value', -0.3999999999999999)], ['x'], False, 1263684399),
    ('rad2deg__1', 'test_rad2deg', [('uniform', (2,), -2, 2)], ['x'], False, 1012235193),
    ('rad2deg__2', 'test_rad2deg', [('uniform', (3, 2), -2, 2)], ['x'], False, 2774280707),
    ('rad2deg__3', 'test_rad2deg', [('uniform', (1, 2), -2, 2)], ['x'], False, 3529185941),
    ('radians__0', 'test_radians', [('value', -0.3999999999999999)], ['x'], False, 2464585224),
    ('radians__1', 'test_radians', [('uniform', (2,), -2, 2)], ['x'], False, 3856770718),
    ('radians__2', 'test_radians', [('uniform', (3, 2), -2, 2)], ['x'], False, 2095642404),
    ('radians__3', 'test_radians', [('uniform', (1, 2), -2, 2)], ['x'], False, 200263602),
    ('sign__0', 'test_sign', [('value', -0.3999999999999999)], ['x'], False, 1572760531),
    ('sign__1', 'test_sign', [('uniform', (2,), -2, 2)], ['x'], False, 716790597),
    ('sign__2', 'test_sign', [('uniform', (3, 2), -2, 2)], ['x'], False, 3014658815),
    ('sign__3', 'test_sign', [('uniform', (1, 2), -2, 2)], ['x'], False, 3300342377),
    ('sinh__0', 'test_sinh', [('value', -0.3999999999999999)], ['x'], False, 1975867006),
    ('sinh__1', 'test_sinh', [('uniform', (2,), -2, 2)], ['x'], False, 46294760),
    ('sinh__2', 'test_sinh', [('uniform', (3, 2), -2, 2)], ['x'], False, 2613786450),
    ('sinh__3', 'test_sinh', [('uniform', (1, 2), -2, 2)], ['x'], False, 3972794308),
    ('sinh__4', 'test_sinh', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1923650151),
    ('sinh__5', 'test_sinh', [('cuniform', (3, 2), -2, 2)], ['x'], True, 95396593),
    ('sqrt__0', 'test_sqrt', [('value', 1.8)], ['x'], False, 631194668),
    ('sqrt__1', 'test_sqrt', [('uniform', (2,), 1.0, 3.0)], ['x'], False, 1385723066),
    ('sqrt__2', 'test_sqrt', [('uniform', (3, 2), 1.0, 3.0)], ['x'], False, 3415287040),
    ('sqrt__3', 'test_sqrt', [('uniform', (1, 2), 1.0, 3.0)], ['x'], False, 3163952534),
    ('sqrt__4', 'test_sqrt', [('cvalue', 1.8, 0.16000000000000003)], ['x'], True, 586317877),
    ('sqrt__5', 'test_sqrt', [('cuniform', (3, 2), 1.0, 3.0)], ['x'], True, 1442164899),
    ('square__0', 'test_square', [('value', -0.3999999999999999)], ['x'], False, 1632860859),
    ('square__1', 'test_square', [('uniform', (2,), -2, 2)], ['x'], False, 374622765),
    ('square__2', 'test_square', [('uniform', (3, 2), -2, 2)], ['x'], False, 2405243799),
    ('square__3', 'test_square', [('uniform', (1, 2), -2, 2)], ['x'], False, 4166658817),
    ('tan__0', 'test_tan', [('value', -0.21999999999999997)], ['x'], False, 1908631153),
    ('tan__1', 'test_tan', [('uniform', (2,), -1.1, 1.1)], ['x'], False, 113530599),
    ('tan__2', 'test_tan', [('uniform', (3, 2), -1.1, 1.1)], ['x'], False, 2681014109),
    ('tan__3', 'test_tan', [('uniform', (1, 2), -1.1, 1.1)], ['x'], False, 3905566667),
    ('tan__4', 'test_tan', [('cvalue', -0.21999999999999997, -0.04400000000000001)], ['x'], True, 1991156328),
    ('tan__5', 'test_tan', [('cuniform', (3, 2), -1.1, 1.1)], ['x'], True, 27890430),
    ('tanh__0', 'test_tanh', [('value', -0.3999999999999999)], ['x'], False, 1546775197),
    ('tanh__1', 'test_tanh', [('uniform', (2,), -2, 2)], ['x'], False, 725015051),
    ('tanh__2', 'test_tanh', [('uniform', (3, 2), -2, 2)], ['x'], False, 2990508977),
    ('tanh__3', 'test_tanh', [('uniform', (1, 2), -2, 2)], ['x'], False, 3308829479),
    ('tanh__4', 'test_tanh', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1532767876),
    ('tanh__5', 'test_tanh', [('cuniform', (3, 2), -2, 2)], ['x'], True, 744168978),
    ('real__0', 'test_real', [('value', -0.3999999999999999)], ['x'], False, 2839715127),
    ('real__1', 'test_real', [('uniform', (2,), -2, 2)], ['x'], False, 3729108385),
    ('real__2', 'test_real', [('uniform', (3, 2), -2, 2)], ['x'], False, 1196227611),
    ('real__3', 'test_real', [('uniform', (1, 2), -2, 2)], ['x'], False, 810273933),
    ('real__4', 'test_real', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 2922338606),
    ('real__5', 'test_real', [('cuniform', (3, 2), -2, 2)], ['x'], True, 3643304376),
    ('real_ic__0', 'test_real_ic', [('value', -0.3999999999999999)], ['x'], False, 161155989),
    ('real_ic__1', 'test_real_ic', [('uniform', (2,), -2, 2)], ['x'], False, 2124167939),
    ('real_ic__2', 'test_real_ic', [('uniform', (3, 2), -2, 2)], ['x'], False, 3885329081),
    ('real_ic__3', 'test_real_ic', [('uniform', (1, 2), -2, 2)], ['x'], False, 2425510447),
    ('real_ic__4', 'test_real_ic', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 251056012),
    ('real_ic__5', 'test_real_ic', [('cuniform', (3, 2), -2, 2)], ['x'], True, 2045902618),
    ('imag__0', 'test_imag', [('value', -0.3999999999999999)], ['x'], False, 4157165679),
    ('imag__1', 'test_imag', [('uniform', (2,), -2, 2)], ['x'], False, 2161008889),
    ('imag__2', 'test_imag', [('uniform', (3, 2), -2, 2)], ['x'], False, 432484675),
    ('imag__3', 'test_imag', [('uniform', (1, 2), -2, 2)], ['x'], False, 1858077141),
    ('imag__4', 'test_imag', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 4037317750),
    ('imag__5', 'test_imag', [('cuniform', (3, 2), -2, 2)], ['x'], True, 2275648736),
    ('conj__0', 'test_conj', [('value', -0.3999999999999999)], ['x'], False, 1850466598),
    ('conj__1', 'test_conj', [('uniform', (2,), -2, 2)], ['x'], False, 424464816),
    ('conj__2', 'test_conj', [('uniform', (3, 2), -2, 2)], ['x'], False, 2152038410),
    ('conj__3', 'test_conj', [('uniform', (1, 2), -2, 2)], ['x'], False, 4148342940),
    ('conj__4', 'test_conj', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 1764107583),
    ('conj__5', 'test_conj', [('cuniform', (3, 2), -2, 2)], ['x'], True, 505484713),
    ('conjugate__0', 'test_conjugate', [('value', -0.3999999999999999)], ['x'], False, 696858769),
    ('conjugate__1', 'test_conjugate', [('uniform', (2,), -2, 2)], ['x'], False, 1586366471),
    ('conjugate__2', 'test_conjugate', [('uniform', (3, 2), -2, 2)], ['x'], False, 3347536317),
    ('conjugate__3', 'test_conjugate', [('uniform', (1, 2), -2, 2)], ['x'], False, 2961205547),
    ('conjugate__4', 'test_conjugate', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 786758792),
    ('conjugate__5', 'test_conjugate', [('cuniform', (3, 2), -2, 2)], ['x'], True, 1508101150),
    ('angle__0', 'test_angle', [('value', -0.3999999999999999)], ['x'], False, 391566897),
    ('angle__1', 'test_angle', [('uniform', (2,), -2, 2)], ['x'], False, 1615980199),
    ('angle__2', 'test_angle', [('uniform', (3, 2), -2, 2)], ['x'], False, 4183340829),
    ('angle__3', 'test_angle', [('uniform', (1, 2), -2, 2)], ['x'], False, 2388625291),
    ('angle__4', 'test_angle', [('cvalue', -0.3999999999999999, -0.08000000000000002)], ['x'], True, 272306728),
    ('angle__5', 'test_angle', [('cuniform', (3, 2), -2, 2)], ['x'], True, 1731994302),
    ('add__0', 'test_add', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 2240125517),
    ('add__1', 'test_add', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 4068649691),
    ('add__2', 'test_add', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 1804335969),
    ('add__3', 'test_add', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 478989303),
    ('add__4', 'test_add', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 2196266580),
    ('add__5', 'test_add', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 4126109378),
    ('add__6', 'test_add', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 1827028856),
    ('add__7', 'test_add', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 467734510),
    ('add__8', 'test_add', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 2338198143),
    ('add__9', 'test_add', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 4233700073),
    ('add__10', 'test_add', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3844626135),
    ('add__11', 'test_add', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2452579905),
    ('add__12', 'test_add', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 187054075),
    ('add__13', 'test_add', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2082539373),
    ('add__14', 'test_add', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3796210382),
    ('add__15', 'test_add', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2504172120),
    ('add__16', 'test_add', [('cvalue', 0.3999999999999999, 1.2), ('value', 0.3999999999999999)], ['x', 'y'], True, 206304226),
    ('add__17', 'test_add', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 2068628340),
    ('add__18', 'test_add', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 3958628069),
    ('add__19', 'test_add', [('cuniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], True, 2633297523),
    ('add__20', 'test_add', [('cuniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 3456435476),
    ('add__21', 'test_add', [('cuniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 3103929730),
    ('add__22', 'test_add', [('value', 0.3999999999999999), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 537617464),
    ('add__23', 'test_add', [('value', 0.3999999999999999), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1460425902),
    ('add__24', 'test_add', [('uniform', (2,), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3379085581),
    ('add__25', 'test_add', [('uniform', (2,), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 3195007387),
    ('add__26', 'test_add', [('uniform', (1, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 661037089),
    ('add__27', 'test_add', [('uniform', (1, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1348571319),
    ('add__28', 'test_add', [('cvalue', 0.3999999999999999, 1.2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3235810598),
    ('add__29', 'test_add', [('cvalue', 0.3999999999999999, 1.2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 3084500400),
    ('add__30', 'test_add', [('cuniform', (3, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3609080917),
    ('add__31', 'test_add', [('cuniform', (3, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2685994179),
    ('logaddexp__0', 'test_logaddexp', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 2634166629),
    ('logaddexp__1', 'test_logaddexp', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 3926196723),
    ('logaddexp__2', 'test_logaddexp', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 1930186825),
    ('logaddexp__3', 'test_logaddexp', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 67854559),
    ('logaddexp__4', 'test_logaddexp', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 2591028604),
    ('logaddexp__5', 'test_logaddexp', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 3983066602),
    ('logaddexp__6', 'test_logaddexp', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 1952552016),
    ('logaddexp__7', 'test_logaddexp', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 57058502),
    ('logaddexp__8', 'test_logaddexp', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 2480519511),
    ('logaddexp__9', 'test_logaddexp', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 3839789505),
    ('logaddexp__10', 'test_logaddexp', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3498408326),
    ('logaddexp__11', 'test_logaddexp', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2810333456),
    ('logaddexp__12', 'test_logaddexp', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 1049303210),
    ('logaddexp__13', 'test_logaddexp', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 1233922108),
    ('logaddexp__14', 'test_logaddexp', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3622354335),
    ('logaddexp__15', 'test_logaddexp', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2700053769),
    ('logaddexp2__0', 'test_logaddexp2', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 3803648113),
    ('logaddexp2__1', 'test_logaddexp2', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2511347943),
    ('logaddexp2__2', 'test_logaddexp2', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 213479773),
    ('logaddexp2__3', 'test_logaddexp2', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2076066251),
    ('logaddexp2__4', 'test_logaddexp2', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3856323688),
    ('logaddexp2__5', 'test_logaddexp2', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2464015614),
    ('logaddexp2__6', 'test_logaddexp2', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 198489412),
    ('logaddexp2__7', 'test_logaddexp2', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2094237138),
    ('logaddexp2__8', 'test_logaddexp2', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3966539843),
    ('logaddexp2__9', 'test_logaddexp2', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2607524053),
    ('logaddexp2__10', 'test_logaddexp2', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3391101146),
    ('logaddexp2__11', 'test_logaddexp2', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 3173460044),
    ('logaddexp2__12', 'test_logaddexp2', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 607025654),
    ('logaddexp2__13', 'test_logaddexp2', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 1395214688),
    ('logaddexp2__14', 'test_logaddexp2', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3444432067),
    ('logaddexp2__15', 'test_logaddexp2', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 3125472341),
    ('remainder__0', 'test_remainder', [('value', 0.18000000000000005), ('value', 1.54)], ['x', 'y'], False, 1274463560),
    ('remainder__1', 'test_remainder', [('value', 0.18000000000000005), ('uniform', (2,), 0.7, 1.9)], ['x', 'y'], False, 1022490078),
    ('remainder__2', 'test_remainder', [('value', 0.18000000000000005), ('uniform', (3, 2), 0.7, 1.9)], ['x', 'y'], False, 2784535652),
    ('remainder__3', 'test_remainder', [('value', 0.18000000000000005), ('uniform', (1, 2), 0.7, 1.9)], ['x', 'y'], False, 3539965170),
    ('remainder__4', 'test_remainder', [('uniform', (2,), -0.9, 0.9), ('value', 1.54)], ['x', 'y'], False, 1285226833),
    ('remainder__5', 'test_remainder', [('uniform', (2,), -0.9, 0.9), ('uniform', (2,), 0.7, 1.9)], ['x', 'y'], False, 1000092103),
    ('remainder__6', 'test_remainder', [('uniform', (2,), -0.9, 0.9), ('uniform', (3, 2), 0.7, 1.9)], ['x', 'y'], False, 2727698557),
    ('remainder__7', 'test_remainder', [('uniform', (2,), -0.9, 0.9), ('uniform', (1, 2), 0.7, 1.9)], ['x', 'y'], False, 3583135979),
    ('remainder__8', 'test_remainder', [('uniform', (3, 2), -0.9, 0.9), ('value', 1.54)], ['x', 'y'], False, 1160596858),
    ('remainder__9', 'test_remainder', [('uniform', (3, 2), -0.9, 0.9), ('uniform', (2,), 0.7, 1.9)], ['x', 'y'], False, 841645548),
    ('remainder__10', 'test_remainder', [('uniform', (3, 2), -0.9, 0.9), ('uniform', (3, 2), 0.7, 1.9)], ['x', 'y'], False, 2509033735),
    ('remainder__11', 'test_remainder', [('uniform', (3, 2), -0.9, 0.9), ('uniform', (1, 2), 0.7, 1.9)], ['x', 'y'], False, 3800818065),
    ('remainder__12', 'test_remainder', [('uniform', (1, 2), -0.9, 0.9), ('value', 1.54)], ['x', 'y'], False, 2072162347),
    ('remainder__13', 'test_remainder', [('uniform', (1, 2), -0.9, 0.9), ('uniform', (2,), 0.7, 1.9)], ['x', 'y'], False, 210075837),
    ('remainder__14', 'test_remainder', [('uniform', (1, 2), -0.9, 0.9), ('uniform', (3, 2), 0.7, 1.9)], ['x', 'y'], False, 2464224542),
    ('remainder__15', 'test_remainder', [('uniform', (1, 2), -0.9, 0.9), ('uniform', (1, 2), 0.7, 1.9)], ['x', 'y'], False, 3857065352),
    ('true_divide__0', 'test_true_divide', [('value', 0.3999999999999999), ('value', 1.04)], ['x', 'y'], False, 1560009932),
    ('true_divide__1', 'test_true_divide', [('value', 0.3999999999999999), ('uniform', (2,), 0.8, 1.2)], ['x', 'y'], False, 737995866),
    ('true_divide__2', 'test_true_divide', [('value', 0.3999999999999999), ('uniform', (3, 2), 0.8, 1.2)], ['x', 'y'], False, 3002449376),
    ('true_divide__3', 'test_true_divide', [('value', 0.3999999999999999), ('uniform', (1, 2), 0.8, 1.2)], ['x', 'y'], False, 3321007478),
    ('true_divide__4', 'test_true_divide', [('uniform', (2,), -2, 2), ('value', 1.04)], ['x', 'y'], False, 1536563413),
    ('true_divide__5', 'test_true_divide', [('uniform', (2,), -2, 2), ('uniform', (2,), 0.8, 1.2)], ['x', 'y'], False, 747710531),
    ('true_divide__6', 'test_true_divide', [('uniform', (2,), -2, 2), ('uniform', (3, 2), 0.8, 1.2)], ['x', 'y'], False, 3046668793),
    ('true_divide__7', 'test_true_divide', [('uniform', (2,), -2, 2), ('uniform', (1, 2), 0.8, 1.2)], ['x', 'y'], False, 3265218927),
    ('true_divide__8', 'test_true_divide', [('uniform', (3, 2), -2, 2), ('value', 1.04)], ['x', 'y'], False, 1377850622),
    ('true_divide__9', 'test_true_divide', [('uniform', (3, 2), -2, 2), ('uniform', (2,), 0.8, 1.2)], ['x', 'y'], False, 623338600),
    ('true_divide__10', 'test_true_divide', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), 0.8, 1.2)], ['x', 'y'], False, 2135857959),
    ('true_divide__11', 'test_true_divide', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), 0.8, 1.2)], ['x', 'y'], False, 139045809),
    ('true_divide__12', 'test_true_divide', [('uniform', (1, 2), -2, 2), ('value', 1.04)], ['x', 'y'], False, 2436954635),
    ('true_divide__13', 'test_true_divide', [('uniform', (1, 2), -2, 2), ('uniform', (2,), 0.8, 1.2)], ['x', 'y'], False, 3863464605),
    ('true_divide__14', 'test_true_divide', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), 0.8, 1.2)], ['x', 'y'], False, 2015584062),
    ('true_divide__15', 'test_true_divide', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), 0.8, 1.2)], ['x', 'y'], False, 254046120),
    ('mod__0', 'test_mod', [('value', 0.3999999999999999), ('value', 1.71)], ['x', 'y'], False, 2241293095),
    ('mod__1', 'test_mod', [('value', 0.3999999999999999), ('uniform', (2,), 0.8, 2.1)], ['x', 'y'], False, 4069546929),
    ('mod__2', 'test_mod', [('value', 0.3999999999999999), ('uniform', (3, 2), 0.8, 2.1)], ['x', 'y'], False, 1805191691),
    ('mod__3', 'test_mod', [('value', 0.3999999999999999), ('uniform', (1, 2), 0.8, 2.1)], ['x', 'y'], False, 480131741),
    ('mod__4', 'test_mod', [('uniform', (2,), -2, 2), ('value', 1.71)], ['x', 'y'], False, 2197466942),
    ('mod__5', 'test_mod', [('uniform', (2,), -2, 2), ('uniform', (2,), 0.8, 2.1)], ['x', 'y'], False, 4127039400),
    ('mod__6', 'test_mod', [('uniform', (2,), -2, 2), ('uniform', (3, 2), 0.8, 2.1)], ['x', 'y'], False, 1827982866),
    ('mod__7', 'test_mod', [('uniform', (2,), -2, 2), ('uniform', (1, 2), 0.8, 2.1)], ['x', 'y'], False, 468975236),
    ('mod__8', 'test_mod', [('uniform', (3, 2), -2, 2), ('value', 1.71)], ['x', 'y'], False, 2337071893),
    ('mod__9', 'test_mod', [('uniform', (3, 2), -2, 2), ('uniform', (2,), 0.8, 2.1)], ['x', 'y'], False, 4232827779),
    ('mod__10', 'test_mod', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), 0.8, 2.1)], ['x', 'y'], False, 1213189216),
    ('mod__11', 'test_mod', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), 0.8, 2.1)], ['x', 'y'], False, 1061747958),
    ('mod__12', 'test_mod', [('uniform', (1, 2), -2, 2), ('value', 1.71)], ['x', 'y'], False, 2789322060),
    ('mod__13', 'test_mod', [('uniform', (1, 2), -2, 2), ('uniform', (2,), 0.8, 2.1)], ['x', 'y'], False, 3511066074),
    ('mod__14', 'test_mod', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), 0.8, 2.1)], ['x', 'y'], False, 1327630457),
    ('mod__15', 'test_mod', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), 0.8, 2.1)], ['x', 'y'], False, 941963503),
    ('true_divide_neg__0', 'test_true_divide_neg', [('value', 0.3999999999999999), ('value', -1.32)], ['x', 'y'], False, 3924239596),
    ('true_divide_neg__1', 'test_true_divide_neg', [('value', 0.3999999999999999), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 2665485434),
    ('true_divide_neg__2', 'test_true_divide_neg', [('value', 0.3999999999999999), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 132728256),
    ('true_divide_neg__3', 'test_true_divide_neg', [('value', 0.3999999999999999), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 1894675798),
    ('true_divide_neg__4', 'test_true_divide_neg', [('uniform', (2,), -2, 2), ('value', -1.32)], ['x', 'y'], False, 4002078965),
    ('true_divide_neg__5', 'test_true_divide_neg', [('uniform', (2,), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 2576207971),
    ('true_divide_neg__6', 'test_true_divide_neg', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 8683993),
    ('true_divide_neg__7', 'test_true_divide_neg', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 2005119311),
    ('true_divide_neg__8', 'test_true_divide_neg', [('uniform', (3, 2), -2, 2), ('value', -1.32)], ['x', 'y'], False, 3879513310),
    ('true_divide_neg__9', 'test_true_divide_neg', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 2419825736),
    ('true_divide_neg__10', 'test_true_divide_neg', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1150658327),
    ('true_divide_neg__11', 'test_true_divide_neg', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 865245057),
    ('true_divide_neg__12', 'test_true_divide_neg', [('uniform', (1, 2), -2, 2), ('value', -1.32)], ['x', 'y'], False, 2862335547),
    ('true_divide_neg__13', 'test_true_divide_neg', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 3718051501),
    ('true_divide_neg__14', 'test_true_divide_neg', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1140351758),
    ('true_divide_neg__15', 'test_true_divide_neg', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 889148312),
    ('mod_neg__0', 'test_mod_neg', [('value', 0.3999999999999999), ('value', -1.49)], ['x', 'y'], False, 516899995),
    ('mod_neg__1', 'test_mod_neg', [('value', 0.3999999999999999), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 1774744589),
    ('mod_neg__2', 'test_mod_neg', [('value', 0.3999999999999999), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 4039189943),
    ('mod_neg__3', 'test_mod_neg', [('value', 0.3999999999999999), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 2277905697),
    ('mod_neg__4', 'test_mod_neg', [('uniform', (2,), -2, 2), ('value', -1.49)], ['x', 'y'], False, 430080130),
    ('mod_neg__5', 'test_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 1856352276),
    ('mod_neg__6', 'test_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 4155302318),
    ('mod_neg__7', 'test_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 2158743864),
    ('mod_neg__8', 'test_mod_neg', [('uniform', (3, 2), -2, 2), ('value', -1.49)], ['x', 'y'], False, 269798569),
    ('mod_neg__9', 'test_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 1729363007),
    ('mod_neg__10', 'test_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 2315480040),
    ('mod_neg__11', 'test_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 4244921214),
    ('mod_neg__12', 'test_mod_neg', [('uniform', (1, 2), -2, 2), ('value', -1.49)], ['x', 'y'], False, 1678576324),
    ('mod_neg__13', 'test_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 319437394),
    ('mod_neg__14', 'test_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 2372841457),
    ('mod_neg__15', 'test_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 4201226087),
    ('op_mul__0', 'test_op_mul', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 875232883),
    ('op_mul__1', 'test_op_mul', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 1127075557),
    ('op_mul__2', 'test_op_mul', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3659833183),
    ('op_mul__3', 'test_op_mul', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2904797129),
    ('op_mul__4', 'test_op_mul', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 860306026),
    ('op_mul__5', 'test_op_mul', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 1145047804),
    ('op_mul__6', 'test_op_mul', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 3712572230),
    ('op_mul__7', 'test_op_mul', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 2857266128),
    ('op_mul__8', 'test_op_mul', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 988902977),
    ('op_mul__9', 'test_op_mul', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 1307985623),
    ('op_mul__10', 'test_op_mul', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 620291096),
    ('op_mul__11', 'test_op_mul', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1409275022),
    ('op_mul__12', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3405153588),
    ('op_mul__13', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 3186734498),
    ('op_mul__14', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 596975617),
    ('op_mul__15', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1418858647),
    ('op_mul__16', 'test_op_mul', [('cvalue', 0.3999999999999999, 1.2), ('value', 0.3999999999999999)], ['x', 'y'], True, 3449504045),
    ('op_mul__17', 'test_op_mul', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 3130814907),
    ('op_mul__18', 'test_op_mul', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 706964522),
    ('op_mul__19', 'test_op_mul', [('cuniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], True, 1562664124),
    ('op_mul__20', 'test_op_mul', [('cuniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 265664475),
    ('op_mul__21', 'test_op_mul', [('cuniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 2027063117),
    ('op_mul__22', 'test_op_mul', [('value', 0.3999999999999999), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3789281015),
    ('op_mul__23', 'test_op_mul', [('value', 0.3999999999999999), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2531059297),
    ('op_mul__24', 'test_op_mul', [('uniform', (2,), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 146305986),
    ('op_mul__25', 'test_op_mul', [('uniform', (2,), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2143241044),
    ('op_mul__26', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3870692078),
    ('op_mul__27', 'test_op_mul', [('uniform', (1, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2444305016),
    ('op_mul__28', 'test_op_mul', [('cvalue', 0.3999999999999999, 1.2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 17711081),
    ('op_mul__29', 'test_op_mul', [('cvalue', 0.3999999999999999, 1.2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1980305279),
    ('op_mul__30', 'test_op_mul', [('cuniform', (3, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 382633626),
    ('op_mul__31', 'test_op_mul', [('cuniform', (3, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1640609292),
    ('op_add__0', 'test_op_add', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 3688671445),
    ('op_add__1', 'test_op_add', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2900072515),
    ('op_add__2', 'test_op_add', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 903006713),
    ('op_add__3', 'test_op_add', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1121319279),
    ('op_add__4', 'test_op_add', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3702615244),
    ('op_add__5', 'test_op_add', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2880855130),
    ('op_add__6', 'test_op_add', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 851381728),
    ('op_add__7', 'test_op_add', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1169702262),
    ('op_add__8', 'test_op_add', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3574014183),
    ('op_add__9', 'test_op_add', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2717913201),
    ('op_add__10', 'test_op_add', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 463606931),
    ('op_add__11', 'test_op_add', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1822761989),
    ('op_add__12', 'test_op_add', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 4121720255),
    ('op_add__13', 'test_op_add', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2192262441),
    ('op_add__14', 'test_op_add', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 483381386),
    ('op_add__15', 'test_op_add', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1808326684),
    ('op_add__16', 'test_op_add', [('cvalue', 0.3999999999999999, 1.2), ('value', 0.3999999999999999)], ['x', 'y'], True, 4072780198),
    ('op_add__17', 'test_op_add', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 2244378928),
    ('op_add__18', 'test_op_add', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 360291489),
    ('op_add__19', 'test_op_add', [('cuniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], True, 1652468791),
    ('op_add__20', 'test_op_add', [('cuniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 814696272),
    ('op_add__21', 'test_op_add', [('cuniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 1200125894),
    ('op_add__22', 'test_op_add', [('value', 0.3999999999999999), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3733005948),
    ('op_add__23', 'test_op_add', [('value', 0.3999999999999999), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2844137194),
    ('op_add__24', 'test_op_add', [('uniform', (2,), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 937591625),
    ('op_add__25', 'test_op_add', [('uniform', (2,), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1088795615),
    ('op_add__26', 'test_op_add', [('uniform', (1, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 3656180325),
    ('op_add__27', 'test_op_add', [('uniform', (1, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 2934690547),
    ('op_add__28', 'test_op_add', [('cvalue', 0.3999999999999999, 1.2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 1045745506),
    ('op_add__29', 'test_op_add', [('cvalue', 0.3999999999999999, 1.2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1230241780),
    ('op_add__30', 'test_op_add', [('cuniform', (3, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 697595409),
    ('op_add__31', 'test_op_add', [('cuniform', (3, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 1586710151),
    ('op_sub__0', 'test_op_sub', [('value', 0.3999999999999999), ('value', 0.3999999999999999)], ['x', 'y'], False, 3978947243),
    ('op_sub__1', 'test_op_sub', [('value', 0.3999999999999999), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2586761789),
    ('op_sub__2', 'test_op_sub', [('value', 0.3999999999999999), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 52923271),
    ('op_sub__3', 'test_op_sub', [('value', 0.3999999999999999), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1948302097),
    ('op_sub__4', 'test_op_sub', [('uniform', (2,), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3930336946),
    ('op_sub__5', 'test_op_sub', [('uniform', (2,), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2638421540),
    ('op_sub__6', 'test_op_sub', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 71978910),
    ('op_sub__7', 'test_op_sub', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 1934458632),
    ('op_sub__8', 'test_op_sub', [('uniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 3824312985),
    ('op_sub__9', 'test_op_sub', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 2499105295),
    ('op_sub__10', 'test_op_sub', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 2888416746),
    ('op_sub__11', 'test_op_sub', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 3677261180),
    ('op_sub__12', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], False, 1109908678),
    ('op_sub__13', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], False, 891350096),
    ('op_sub__14', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -2, 2)], ['x', 'y'], False, 2873391603),
    ('op_sub__15', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], False, 3695397221),
    ('op_sub__16', 'test_op_sub', [('cvalue', 0.3999999999999999, 1.2), ('value', 0.3999999999999999)], ['x', 'y'], True, 1162483935),
    ('op_sub__17', 'test_op_sub', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 843917385),
    ('op_sub__18', 'test_op_sub', [('cvalue', 0.3999999999999999, 1.2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 2733782488),
    ('op_sub__19', 'test_op_sub', [('cuniform', (3, 2), -2, 2), ('value', 0.3999999999999999)], ['x', 'y'], True, 3589604686),
    ('op_sub__20', 'test_op_sub', [('cuniform', (3, 2), -2, 2), ('uniform', (2,), -2, 2)], ['x', 'y'], True, 2265247273),
    ('op_sub__21', 'test_op_sub', [('cuniform', (3, 2), -2, 2), ('uniform', (1, 2), -2, 2)], ['x', 'y'], True, 4026785471),
    ('op_sub__22', 'test_op_sub', [('value', 0.3999999999999999), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 1762299653),
    ('op_sub__23', 'test_op_sub', [('value', 0.3999999999999999), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 504217491),
    ('op_sub__24', 'test_op_sub', [('uniform', (2,), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 2154375728),
    ('op_sub__25', 'test_op_sub', [('uniform', (2,), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 4151188134),
    ('op_sub__26', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 1852263196),
    ('op_sub__27', 'test_op_sub', [('uniform', (1, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 425753482),
    ('op_sub__28', 'test_op_sub', [('cvalue', 0.3999999999999999, 1.2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 2313119259),
    ('op_sub__29', 'test_op_sub', [('cvalue', 0.3999999999999999, 1.2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 4275590797),
    ('op_sub__30', 'test_op_sub', [('cuniform', (3, 2), -2, 2), ('cvalue', 0.3999999999999999, 1.2)], ['x', 'y'], True, 2652888936),
    ('op_sub__31', 'test_op_sub', [('cuniform', (3, 2), -2, 2), ('cuniform', (3, 2), -2, 2)], ['x', 'y'], True, 3910725630),
    ('op_mod__0', 'test_op_mod', [('value', 0.3999999999999999), ('value', 1.49)], ['x', 'y'], False, 3687733695),
    ('op_mod__1', 'test_op_mod', [('value', 0.3999999999999999), ('uniform', (2,), 0.3, 2.0)], ['x', 'y'], False, 2898880809),
    ('op_mod__2', 'test_op_mod', [('value', 0.3999999999999999), ('uniform', (3, 2), 0.3, 2.0)], ['x', 'y'], False, 901789843),
    ('op_mod__3', 'test_op_mod', [('value', 0.3999999999999999), ('uniform', (1, 2), 0.3, 2.0)], ['x', 'y'], False, 1120339973),
    ('op_mod__4', 'test_op_mod', [('uniform', (2,), -2, 2), ('value', 1.49)], ['x', 'y'], False, 3701710246),
    ('op_mod__5', 'test_op_mod', [('uniform', (2,), -2, 2), ('uniform', (2,), 0.3, 2.0)], ['x', 'y'], False, 2879696176),
    ('op_mod__6', 'test_op_mod', [('uniform', (2,), -2, 2), ('uniform', (3, 2), 0.3, 2.0)], ['x', 'y'], False, 850263178),
    ('op_mod__7', 'test_op_mod', [('uniform', (2,), -2, 2), ('uniform', (1, 2), 0.3, 2.0)], ['x', 'y'], False, 1168821276),
    ('op_mod__8', 'test_op_mod', [('uniform', (3, 2), -2, 2), ('value', 1.49)], ['x', 'y'], False, 3574976909),
    ('op_mod__9', 'test_op_mod', [('uniform', (3, 2), -2, 2), ('uniform', (2,), 0.3, 2.0)], ['x', 'y'], False, 2719146267),
    ('op_mod__10', 'test_op_mod', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), 0.3, 2.0)], ['x', 'y'], False, 3066400292),
    ('op_mod__11', 'test_op_mod', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), 0.3, 2.0)], ['x', 'y'], False, 3250765490),
    ('op_mod__12', 'test_op_mod', [('uniform', (1, 2), -2, 2), ('value', 1.49)], ['x', 'y'], False, 1489760008),
    ('op_mod__13', 'test_op_mod', [('uniform', (1, 2), -2, 2), ('uniform', (2,), 0.3, 2.0)], ['x', 'y'], False, 801955742),
    ('op_mod__14', 'test_op_mod', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), 0.3, 2.0)], ['x', 'y'], False, 2980596285),
    ('op_mod__15', 'test_op_mod', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), 0.3, 2.0)], ['x', 'y'], False, 3333388971),
    ('op_mod_neg__0', 'test_op_mod_neg', [('value', 0.3999999999999999), ('value', -1.49)], ['x', 'y'], False, 2793285312),
    ('op_mod_neg__1', 'test_op_mod_neg', [('value', 0.3999999999999999), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 3514373718),
    ('op_mod_neg__2', 'test_op_mod_neg', [('value', 0.3999999999999999), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1215317996),
    ('op_mod_neg__3', 'test_op_mod_neg', [('value', 0.3999999999999999), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 1064793978),
    ('op_mod_neg__4', 'test_op_mod_neg', [('uniform', (2,), -2, 2), ('value', -1.49)], ['x', 'y'], False, 2702435033),
    ('op_mod_neg__5', 'test_op_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 3591688783),
    ('op_mod_neg__6', 'test_op_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1327334389),
    ('op_mod_neg__7', 'test_op_mod_neg', [('uniform', (2,), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 941273955),
    ('op_mod_neg__8', 'test_op_mod_neg', [('uniform', (3, 2), -2, 2), ('value', -1.49)], ['x', 'y'], False, 2829430514),
    ('op_mod_neg__9', 'test_op_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 3751976548),
    ('op_mod_neg__10', 'test_op_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1979863798),
    ('op_mod_neg__11', 'test_op_mod_neg', [('uniform', (3, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 17130080),
    ('op_mod_neg__12', 'test_op_mod_neg', [('uniform', (1, 2), -2, 2), ('value', -1.49)], ['x', 'y'], False, 2550936538),
    ('op_mod_neg__13', 'test_op_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (2,), -0.3, -2.0)], ['x', 'y'], False, 4010476364),
    ('op_mod_neg__14', 'test_op_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (3, 2), -0.3, -2.0)], ['x', 'y'], False, 1903138543),
    ('op_mod_neg__15', 'test_op_mod_neg', [('uniform', (1, 2), -2, 2), ('uniform', (1, 2), -0.3, -2.0)], ['x', 'y'], False, 107521657),
    ('transpose__0', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 1957734664),
    ('transpose__1', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 62364062),
    ('transpose__2', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 2596194340),
    ('transpose__3', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 3988388018),
    ('transpose__4', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 1943891217),
    ('transpose__5', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 81419655),
    ('transpose__6', 'test_transpose', [('normal', (2, 3, 4))], ['x'], False, 2647854141),
    ('moveaxis__0', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 4220700616),
    ('moveaxis__1', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 2358638430),
    ('moveaxis__2', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 362587876),
    ('moveaxis__3', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 1654363762),
    ('moveaxis__4', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 4244571089),
    ('moveaxis__5', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 2348299079),
    ('moveaxis__6', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 317809405),
    ('moveaxis__7', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 1710641771),
    ('moveaxis__8', 'test_moveaxis', [('normal', (2, 3, 4))], ['x'], False, 4115222522),
    ('repeat__0', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 2291523888),
    ('repeat__1', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 4287812006),
    ('repeat__2', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 1721466908),
    ('repeat__3', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 295481482),
    ('repeat__4', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 2415404329),
    ('repeat__5', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 4177466815),
    ('repeat__6', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 1643529221),
    ('repeat__7', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 384922771),
    ('repeat__8', 'test_repeat', [('normal', (2, 3, 4))], ['x'], False, 2253285634),
    ('repeat__9', 'test_repeat', [('normal', (3, 1))], ['x'], False, 4048116116),
    ('repeat__10', 'test_repeat', [('normal', (3, 1))], ['x'], False, 3415296813),
    ('repeat__11', 'test_repeat', [('normal', (3, 1))], ['x'], False, 3163978683),
    ('repeat__12', 'test_repeat', [('normal', (3, 1))], ['x'], False, 631187969),
    ('repeat__13', 'test_repeat', [('normal', (3, 1))], ['x'], False, 1385699991),
    ('repeat__14', 'test_repeat', [('normal', (3, 1))], ['x'], False, 3439103796),
    ('repeat__15', 'test_repeat', [('normal', (3, 1))], ['x'], False, 3153837986),
    ('repeat__16', 'test_repeat', [('normal', (3, 1))], ['x'], False, 586346008),
    ('repeat__17', 'test_repeat', [('normal', (3, 1))], ['x'], False, 1442176654),
    ('diff__0', 'test_diff', [('normal', (5, 5))], ['x'], False, 118737100),
    ('diff__1', 'test_diff', [('normal', (5, 5))], ['x'], False, 1880422490),
    ('diff__2', 'test_diff', [('normal', (5, 5))], ['x'], False, 3911035360),
    ('diff__3', 'test_diff', [('normal', (5, 5))], ['x'], False, 2652543350),
    ('diff__4', 'test_diff', [('normal', (5, 5, 5))], ['x'], False, 8260821),
    ('diff__5', 'test_diff', [('normal', (5, 5, 5))], ['x'], False, 2004433987),
    ('diff__6', 'test_diff', [('normal', (5, 5, 5))], ['x'], False, 4000345593),
    ('diff__7', 'test_diff', [('normal', (5, 5, 5))], ['x'], False, 2574736751),
    ('diff__8', 'test_diff', [('normal', (1,))], ['x'], False, 164118782),
    ('diff__9', 'test_diff', [('normal', (1, 1))], ['x'], False, 2127523944),
    ('diff__10', 'test_diff', [('normal', (1, 1))], ['x'], False, 2132112179),
    ('diff__11', 'test_diff', [('normal', (3, 1))], ['x'], False, 135414693),
    ('gradient__0', 'test_gradient', [('normal', (5, 5))], ['x'], False, 1815478713),
    ('gradient__1', 'test_gradient', [('normal', (5, 5))], ['x'], False, 456208687),
    ('gradient__2', 'test_gradient', [('normal', (5, 5))], ['x'], False, 2184732821),
    ('gradient__3', 'test_gradient', [('normal', (5, 5))], ['x'], False, 4114567171),
    ('gradient__4', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 1801176480),
    ('gradient__5', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 475854134),
    ('gradient__6', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 2236982412),
    ('gradient__7', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 4065498138),
    ('gradient__8', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 1659734411),
    ('gradient__9', 'test_gradient', [('normal', (5, 5, 5))], ['x'], False, 367704349),
    ('tile__0', 'test_tile', [('normal', (2, 1, 3, 1))], ['x'], False, 952689485),
    ('tile__1', 'test_tile', [('normal', (1, 2))], ['x'], False, 1339020251),
    ('tile__2', 'test_tile', [('normal', (1, 2))], ['x'], False, 3603333729),
    ('tile__3', 'test_tile', [('normal', (1, 2))], ['x'], False, 2713826039),
    ('tile__4', 'test_tile', [('normal', (1,))], ['x'], False, 1067788116),
    ('tile__5', 'test_tile', [('normal', (1,))], ['x'], False, 1218582466),
    ('kron__0', 'test_kron', [('normal', (5, 5)), ('normal', (3, 3))], ['x', 'y'], False, 1357775075),
    ('kron__1', 'test_kron', [('normal', (5, 5)), ('normal', (2, 2))], ['x', 'y'], False, 669593717),
    ('kron__2', 'test_kron', [('normal', (5, 5)), ('normal', (3,))], ['x', 'y'], False, 3202376143),
    ('kron__3', 'test_kron', [('normal', (5, 5)), ('normal', (1, 3))], ['x', 'y'], False, 3387380057),
    ('kron__4', 'test_kron', [('normal', (5, 5)), ('normal', (3, 1))], ['x', 'y'], False, 1468253434),
    ('kron__5', 'test_kron', [('normal', (5, 5)), ('normal', ())], ['x', 'y'], False, 545584236),
    ('kron__6', 'test_kron', [('normal', (5, 5)), ('cnormal', (3, 3))], ['x', 'y'], True, 3113067990),
    ('kron__7', 'test_kron', [('normal', (4, 4)), ('normal', (3, 3))], ['x', 'y'], False, 3465188672),
    ('kron__8', 'test_kron', [('normal', (4, 4)), ('normal', (2, 2))], ['x', 'y'], False, 1580566737),
    ('kron__9', 'test_kron', [('normal', (4, 4)), ('normal', (3,))], ['x', 'y'], False, 691189831),
    ('kron__10', 'test_kron', [('normal', (4, 4)), ('normal', (1, 3))], ['x', 'y'], False, 3566449570),
    ('kron__11', 'test_kron', [('normal', (4, 4)), ('normal', (3, 1))], ['x', 'y'], False, 2744419124),
    ('kron__12', 'test_kron', [('normal', (4, 4)), ('normal', ())], ['x', 'y'], False, 983421582),
    ('kron__13', 'test_kron', [('normal', (4, 4)), ('cnormal', (3, 3))], ['x', 'y'], True, 1301996056),
    ('kron__14', 'test_kron', [('normal', (5,)), ('normal', (3, 3))], ['x', 'y'], False, 3556669371),
    ('kron__15', 'test_kron', [('normal', (5,)), ('normal', (2, 2))], ['x', 'y'], False, 2767800109),
    ('kron__16', 'test_kron', [('normal', (5,)), ('normal', (3,))], ['x', 'y'], False, 1039144599),
    ('kron__17', 'test_kron', [('normal', (5,)), ('normal', (1, 3))], ['x', 'y'], False, 1257711105),
    ('kron__18', 'test_kron', [('normal', (5,)), ('normal', (3, 1))], ['x', 'y'], False, 3662166928),
    ('kron__19', 'test_kron', [('normal', (5,)), ('normal', ())], ['x', 'y'], False, 2907638534),
    ('kron__20', 'test_kron', [('normal', (5,)), ('cnormal', (3, 3))], ['x', 'y'], True, 4290699361),
    ('kron__21', 'test_kron', [('normal', (5, 1)), ('normal', (3, 3))], ['x', 'y'], False, 2293879031),
    ('kron__22', 'test_kron', [('normal', (5, 1)), ('normal', (2, 2))], ['x', 'y'], False, 296780109),
    ('kron__23', 'test_kron', [('normal', (5, 1)), ('normal', (3,))], ['x', 'y'], False, 1723314651),
    ('kron__24', 'test_kron', [('normal', (5, 1)), ('normal', (1, 3))], ['x', 'y'], False, 4174587000),
    ('kron__25', 'test_kron', [('normal', (5, 1)), ('normal', (3, 1))], ['x', 'y'], False, 2413040878),
    ('kron__26', 'test_kron', [('normal', (5, 1)), ('normal', ())], ['x', 'y'], False, 383599956),
    ('kron__27', 'test_kron', [('normal', (5, 1)), ('cnormal', (3, 3))], ['x', 'y'], True, 1641706946),
    ('kron__28', 'test_kron', [('normal', (1, 5)), ('normal', (3, 3))], ['x', 'y'], False, 4049954899),
    ('kron__29', 'test_kron', [('normal', (1, 5)), ('normal', (2, 2))], ['x', 'y'], False, 2254592197),
    ('kron__30', 'test_kron', [('normal', (1, 5)), ('normal', (3,))], ['x', 'y'], False, 3869626656),
    ('kron__31', 'test_kron', [('normal', (1, 5)), ('normal', (1, 3))], ['x', 'y'], False, 2443370934),
    ('kron__32', 'test_kron', [('normal', (1, 5)), ('normal', (3, 1))], ['x', 'y'], False, 145469452),
    ('kron__33', 'test_kron', [('normal', (1, 5)), ('normal', ())], ['x', 'y'], False, 2142011546),
    ('kron__34', 'test_kron', [('normal', (1, 5)), ('cnormal', (3, 3))], ['x', 'y'], True, 3787986233),
    ('kron__35', 'test_kron', [('normal', ()), ('normal', (3, 3))], ['x', 'y'], False, 2530157999),
    ('kron__36', 'test_kron', [('normal', ()), ('normal', (2, 2))], ['x', 'y'], False, 264664085),
    ('kron__37', 'test_kron', [('normal', ()), ('normal', (3,))], ['x', 'y'], False, 2025931907),
    ('kron__38', 'test_kron', [('normal', ()), ('normal', (1, 3))], ['x', 'y'], False, 3900594450),
    ('kron__39', 'test_kron', [('normal', ()), ('normal', (3, 1))], ['x', 'y'], False, 2675534212),
    ('kron__40', 'test_kron', [('normal', ()), ('normal', ())], ['x', 'y'], False, 2850310119),
    ('kron__41', 'test_kron', [('normal', ()), ('cnormal', (3, 3))], ['x', 'y'], True, 3739449201),
    ('kron__42', 'test_kron', [('cnormal', (5, 5)), ('normal', (3, 3))], ['x', 'y'], True, 1206527691),
    ('kron__43', 'test_kron', [('cnormal', (5, 5)), ('normal', (2, 2))], ['x', 'y'], True, 820844125),
    ('kron__44', 'test_kron', [('cnormal', (5, 5)), ('normal', (3,))], ['x', 'y'], True, 2928247806),
    ('kron__45', 'test_kron', [('cnormal', (5, 5)), ('normal', (1, 3))], ['x', 'y'], True, 3650007912),
    ('kron__46', 'test_kron', [('cnormal', (5, 5)), ('normal', (3, 1))], ['x', 'y'], True, 1082647250),
    ('kron__47', 'test_kron', [('cnormal', (5, 5)), ('normal', ())], ['x', 'y'], True, 931189316),
    ('kron__48', 'test_kron', [('cnormal', (5, 5)), ('cnormal', (3, 3))], ['x', 'y'], True, 2805977045),
    ('inner__0', 'test_inner', [('value', 1.5), ('value', 0.3)], ['x', 'y'], False, 593662235),
    ('inner__1', 'test_inner', [('value', 1.5), ('normal', (3,))], ['x', 'y'], False, 1415946637),
    ('inner__2', 'test_inner', [('value', 1.5), ('normal', (4, 3))], ['x', 'y'], False, 3446468663),
    ('inner__3', 'test_inner', [('normal', (3,)), ('value', 0.3)], ['x', 'y'], False, 3127623841),
    ('inner__4', 'test_inner', [('normal', (3,)), ('normal', (3,))], ['x', 'y'], False, 604984578),
    ('inner__5', 'test_inner', [('normal', (3,)), ('normal', (4, 3))], ['x', 'y'], False, 1393059220),
    ('inner__6', 'test_inner', [('normal', (2, 3)), ('value', 0.3)], ['x', 'y'], False, 3389076526),
    ('inner__7', 'test_inner', [('normal', (2, 3)), ('normal', (3,))], ['x', 'y'], False, 3171288248),
    ('inner__8', 'test_inner', [('normal', (2, 3)), ('normal', (4, 3))], ['x', 'y'], False, 767105321),
    ('dot__0', 'test_dot', [('value', 1.5), ('value', 0.3)], ['x', 'y'], False, 4068568432),
    ('dot__1', 'test_dot', [('value', 1.5), ('normal', (3,))], ['x', 'y'], False, 2240175590),
    ('dot__2', 'test_dot', [('value', 1.5), ('normal', (3, 4))], ['x', 'y'], False, 479136860),
    ('dot__3', 'test_dot', [('value', 1.5), ('normal', (2, 3, 4))], ['x', 'y'], False, 1804090570),
    ('dot__4', 'test_dot', [('value', 1.5), ('cnormal', (3,))], ['x', 'y'], True, 4125927785),
    ('dot__5', 'test_dot', [('normal', (3,)), ('value', 0.3)], ['x', 'y'], False, 2196478463),
    ('dot__6', 'test_dot', [('normal', (3,)), ('normal', (3,))], ['x', 'y'], False, 467847237),
    ('dot__7', 'test_dot', [('normal', (3,)), ('normal', (3, 4))], ['x', 'y'], False, 1827010771),
    ('dot__8', 'test_dot', [('normal', (3,)), ('normal', (2, 3, 4))], ['x', 'y'], False, 4233815362),
    ('dot__9', 'test_dot', [('normal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 2338182612),
    ('dot__10', 'test_dot', [('normal', (2, 3)), ('value', 0.3)], ['x', 'y'], False, 3174506033),
    ('dot__11', 'test_dot', [('normal', (2, 3)), ('normal', (3,))], ['x', 'y'], False, 3392155303),
    ('dot__12', 'test_dot', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 1396277021),
    ('dot__13', 'test_dot', [('normal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 608063371),
    ('dot__14', 'test_dot', [('normal', (2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 3126516264),
    ('dot__15', 'test_dot', [('normal', (2, 2, 3)), ('value', 0.3)], ['x', 'y'], False, 3445484222),
    ('dot__16', 'test_dot', [('normal', (2, 2, 3)), ('normal', (3,))], ['x', 'y'], False, 1414839044),
    ('dot__17', 'test_dot', [('normal', (2, 2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 592677778),
    ('dot__18', 'test_dot', [('normal', (2, 2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 3018626563),
    ('dot__19', 'test_dot', [('normal', (2, 2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 3303777941),
    ('dot__20', 'test_dot', [('cnormal', (3,)), ('value', 0.3)], ['x', 'y'], True, 2518306290),
    ('dot__21', 'test_dot', [('cnormal', (3,)), ('normal', (3,))], ['x', 'y'], True, 3776806244),
    ('dot__22', 'test_dot', [('cnormal', (3,)), ('normal', (3, 4))], ['x', 'y'], True, 2014588126),
    ('dot__23', 'test_dot', [('cnormal', (3,)), ('normal', (2, 3, 4))], ['x', 'y'], True, 252910664),
    ('dot__24', 'test_dot', [('cnormal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 2440530411),
    ('dot__25', 'test_dot', [('cnormal', (2, 3)), ('value', 0.3)], ['x', 'y'], True, 3866147197),
    ('dot__26', 'test_dot', [('cnormal', (2, 3)), ('normal', (3,))], ['x', 'y'], True, 2138695879),
    ('dot__27', 'test_dot', [('cnormal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], True, 142530641),
    ('dot__28', 'test_dot', [('cnormal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], True, 2562835904),
    ('dot__29', 'test_dot', [('cnormal', (2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 4022793558),
    ('outer__0', 'test_outer', [('normal', (3,)), ('normal', (3,))], ['x', 'y'], False, 580481365),
    ('outer__1', 'test_outer', [('normal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 1436434883),
    ('outer__2', 'test_outer', [('cnormal', (3,)), ('normal', (3,))], ['x', 'y'], True, 3432452217),
    ('outer__3', 'test_outer', [('cnormal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 3146785007),
    ('matmul__0', 'test_matmul', [('normal', (3,)), ('normal', (3,))], ['x', 'y'], False, 1735887398),
    ('matmul__1', 'test_matmul', [('normal', (3,)), ('normal', (3, 4))], ['x', 'y'], False, 275823280),
    ('matmul__2', 'test_matmul', [('normal', (3,)), ('normal', (2, 3, 4))], ['x', 'y'], False, 2306468618),
    ('matmul__3', 'test_matmul', [('normal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 4269726620),
    ('matmul__4', 'test_matmul', [('normal', (3,)), ('cnormal', (3, 4))], ['x', 'y'], True, 1612336703),
    ('matmul__5', 'test_matmul', [('normal', (2, 3)), ('normal', (3,))], ['x', 'y'], False, 387808937),
    ('matmul__6', 'test_matmul', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 2383687443),
    ('matmul__7', 'test_matmul', [('normal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 4178780037),
    ('matmul__8', 'test_matmul', [('normal', (2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 1772880404),
    ('matmul__9', 'test_matmul', [('normal', (2, 3)), ('cnormal', (3, 4))], ['x', 'y'], True, 514536066),
    ('matmul__10', 'test_matmul', [('normal', (2, 2, 3)), ('normal', (3,))], ['x', 'y'], False, 1068112919),
    ('matmul__11', 'test_matmul', [('normal', (2, 2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 1219308673),
    ('matmul__12', 'test_matmul', [('normal', (2, 2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 3517218107),
    ('matmul__13', 'test_matmul', [('normal', (2, 2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 2795720109),
    ('matmul__14', 'test_matmul', [('normal', (2, 2, 3)), ('cnormal', (3, 4))], ['x', 'y'], True, 952621070),
    ('matmul__15', 'test_matmul', [('cnormal', (3,)), ('normal', (3,))], ['x', 'y'], True, 1338042520),
    ('matmul__16', 'test_matmul', [('cnormal', (3,)), ('normal', (3, 4))], ['x', 'y'], True, 3603544354),
    ('matmul__17', 'test_matmul', [('cnormal', (3,)), ('normal', (2, 3, 4))], ['x', 'y'], True, 2714667444),
    ('matmul__18', 'test_matmul', [('cnormal', (3,)), ('cnormal', (3,))], ['x', 'y'], True, 829527077),
    ('matmul__19', 'test_matmul', [('cnormal', (3,)), ('cnormal', (3, 4))], ['x', 'y'], True, 1182180531),
    ('matmul__20', 'test_matmul', [('cnormal', (2, 3)), ('normal', (3,))], ['x', 'y'], True, 344412116),
    ('matmul__21', 'test_matmul', [('cnormal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], True, 1669365570),
    ('matmul__22', 'test_matmul', [('cnormal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], True, 4203294456),
    ('matmul__23', 'test_matmul', [('cnormal', (2, 3)), ('cnormal', (3,))], ['x', 'y'], True, 2374901358),
    ('matmul__24', 'test_matmul', [('cnormal', (2, 3)), ('cnormal', (3, 4))], ['x', 'y'], True, 334138317),
    ('matmul_broadcast__0', 'test_matmul_broadcast', [('normal', (1, 2, 2)), ('normal', (3, 2, 1))], ['x', 'y'], False, 3724720036),
    ('tensordot_1__0', 'test_tensordot_1', [('normal', (1, 3)), ('normal', (3,))], ['x', 'y'], False, 1576685084),
    ('tensordot_1__1', 'test_tensordot_1', [('normal', (1, 3)), ('normal', (3, 1))], ['x', 'y'], False, 721256074),
    ('tensordot_1__2', 'test_tensordot_1', [('normal', (1, 3)), ('normal', (3, 4, 2))], ['x', 'y'], False, 3019124528),
    ('tensordot_1__3', 'test_tensordot_1', [('normal', (1, 3)), ('cnormal', (3,))], ['x', 'y'], True, 3304267686),
    ('tensordot_1__4', 'test_tensordot_1', [('normal', (2, 3, 2)), ('normal', (3,))], ['x', 'y'], False, 1519880709),
    ('tensordot_1__5', 'test_tensordot_1', [('normal', (2, 3, 2)), ('normal', (3, 1))], ['x', 'y'], False, 764459667),
    ('tensordot_1__6', 'test_tensordot_1', [('normal', (2, 3, 2)), ('normal', (3, 4, 2))], ['x', 'y'], False, 3029986089),
    ('tensordot_1__7', 'test_tensordot_1', [('normal', (2, 3, 2)), ('cnormal', (3,))], ['x', 'y'], True, 3281968063),
    ('tensordot_1__8', 'test_tensordot_1', [('cnormal', (1, 3)), ('normal', (3,))], ['x', 'y'], True, 1394722350),
    ('tensordot_1__9', 'test_tensordot_1', [('cnormal', (1, 3)), ('normal', (3, 1))], ['x', 'y'], True, 606533304),
    ('tensordot_1__10', 'test_tensordot_1', [('cnormal', (1, 3)), ('normal', (3, 4, 2))], ['x', 'y'], True, 4187768929),
    ('tensordot_1__11', 'test_tensordot_1', [('cnormal', (1, 3)), ('cnormal', (3,))], ['x', 'y'], True, 2392553719),
    ('tensordot_2__0', 'test_tensordot_2', [('normal', (3,)), ('normal', (1, 3))], ['x', 'y'], False, 1330635250),
    ('tensordot_2__1', 'test_tensordot_2', [('normal', (3,)), ('normal', (2, 3, 2))], ['x', 'y'], False, 944296292),
    ('tensordot_2__2', 'test_tensordot_2', [('normal', (3, 1)), ('normal', (1, 3))], ['x', 'y'], False, 2705424606),
    ('tensordot_2__3', 'test_tensordot_2', [('normal', (3, 1)), ('normal', (2, 3, 2))], ['x', 'y'], False, 3594956872),
    ('tensordot_2__4', 'test_tensordot_2', [('normal', (3, 4, 2)), ('normal', (1, 3))], ['x', 'y'], False, 1210197483),
    ('tensordot_2__5', 'test_tensordot_2', [('normal', (3, 4, 2)), ('normal', (2, 3, 2))], ['x', 'y'], False, 1059394941),
    ('tensordot_3__0', 'test_tensordot_3', [('normal', (2, 3)), ('normal', (1, 2, 3))], ['x', 'y'], False, 4159932055),
    ('tensordot_3__1', 'test_tensordot_3', [('normal', (2, 3)), ('normal', (1, 2, 3))], ['x', 'y'], False, 2163521025),
    ('tensordot_3__2', 'test_tensordot_3', [('normal', (2, 3)), ('normal', (2, 2, 3, 4))], ['x', 'y'], False, 436070331),
    ('tensordot_3__3', 'test_tensordot_3', [('normal', (2, 3)), ('normal', (2, 2, 3, 4))], ['x', 'y'], False, 1861932845),
    ('tensordot_3__4', 'test_tensordot_3', [('normal', (2, 3, 4)), ('normal', (1, 2, 3))], ['x', 'y'], False, 4036903566),
    ('tensordot_3__5', 'test_tensordot_3', [('normal', (2, 3, 4)), ('normal', (1, 2, 3))], ['x', 'y'], False, 2274980376),
    ('tensordot_3__6', 'test_tensordot_3', [('normal', (2, 3, 4)), ('normal', (2, 2, 3, 4))], ['x', 'y'], False, 512762786),
    ('tensordot_3__7', 'test_tensordot_3', [('normal', (2, 3, 4)), ('normal', (2, 2, 3, 4))], ['x', 'y'], False, 1771508532),
    ('tensordot_4__0', 'test_tensordot_4', [('normal', (2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 1780792878),
    ('tensordot_4__1', 'test_tensordot_4', [('normal', (2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 488869560),
    ('tensordot_4__2', 'test_tensordot_4', [('normal', (2, 2)), ('normal', (2, 2, 4))], ['x', 'y'], False, 2217402114),
    ('tensordot_4__3', 'test_tensordot_4', [('normal', (2, 2)), ('normal', (2, 2, 4))], ['x', 'y'], False, 4079873940),
    ('tensordot_4__4', 'test_tensordot_4', [('normal', (4, 2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 1833531959),
    ('tensordot_4__5', 'test_tensordot_4', [('normal', (4, 2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 441338529),
    ('tensordot_4__6', 'test_tensordot_4', [('normal', (4, 2, 2)), ('normal', (2, 2, 4))], ['x', 'y'], False, 2202475291),
    ('tensordot_4__7', 'test_tensordot_4', [('normal', (4, 2, 2)), ('normal', (2, 2, 4))], ['x', 'y'], False, 4097846157),
    ('tensordot_5__0', 'test_tensordot_5', [('normal', (4,)), ('normal', ())], ['x', 'y'], False, 3533232459),
    ('tensordot_6__0', 'test_tensordot_6', [('normal', (2, 6)), ('normal', (6, 3))], ['x', 'y'], False, 3224204965),
    ('tensordot_7__0', 'test_tensordot_7', [('normal', (2, 6)), ('normal', (6, 3))], ['x', 'y'], False, 2022773184),
    ('tensordot_8__0', 'test_tensordot_8', [('normal', (2,)), ('normal', (2, 2))], ['x', 'y'], False, 552731030),
    ('maximum__0', 'test_maximum', [('normal', (1,)), ('normal', (1,))], ['x', 'y'], False, 3210948173),
    ('maximum__1', 'test_maximum', [('normal', (1,)), ('normal', (1, 4))], ['x', 'y'], False, 3362004699),
    ('maximum__2', 'test_maximum', [('normal', (1,)), ('normal', (3, 4))], ['x', 'y'], False, 1366118241),
    ('maximum__3', 'test_maximum', [('normal', (1, 4)), ('normal', (1,))], ['x', 'y'], False, 644513783),
    ('maximum__4', 'test_maximum', [('normal', (1, 4)), ('normal', (1, 4))], ['x', 'y'], False, 3087985236),
    ('maximum__5', 'test_maximum', [('normal', (1, 4)), ('normal', (3, 4))], ['x', 'y'], False, 3473529538),
    ('maximum__6', 'test_maximum', [('normal', (3, 4)), ('normal', (1,))], ['x', 'y'], False, 1442876280),
    ('maximum__7', 'test_maximum', [('normal', (3, 4)), ('normal', (1, 4))], ['x', 'y'], False, 554154990),
    ('maximum__8', 'test_maximum', [('normal', (3, 4)), ('normal', (3, 4))], ['x', 'y'], False, 2981668479),
    ('fmax__0', 'test_fmax', [('normal', (1,)), ('normal', (1,))], ['x', 'y'], False, 167470927),
    ('fmax__1', 'test_fmax', [('normal', (1,)), ('normal', (1, 4))], ['x', 'y'], False, 2130466777),
    ('fmax__2', 'test_fmax', [('normal', (1,)), ('normal', (3, 4))], ['x', 'y'], False, 3891594851),
    ('fmax__3', 'test_fmax', [('normal', (1, 4)), ('normal', (1,))], ['x', 'y'], False, 2431792885),
    ('fmax__4', 'test_fmax', [('normal', (1, 4)), ('normal', (1, 4))], ['x', 'y'], False, 244753238),
    ('fmax__5', 'test_fmax', [('normal', (1, 4)), ('normal', (3, 4))], ['x', 'y'], False, 2039583680),
    ('fmax__6', 'test_fmax', [('normal', (3, 4)), ('normal', (1,))], ['x', 'y'], False, 3768107642),
    ('fmax__7', 'test_fmax', [('normal', (3, 4)), ('normal', (1, 4))], ['x', 'y'], False, 2543842028),
    ('fmax__8', 'test_fmax', [('normal', (3, 4)), ('normal', (3, 4))], ['x', 'y'], False, 119598973),
    ('minimum__0', 'test_minimum', [('normal', (1,)), ('normal', (1,))], ['x', 'y'], False, 3194991865),
    ('minimum__1', 'test_minimum', [('normal', (1,)), ('normal', (1, 4))], ['x', 'y'], False, 3379070063),
    ('minimum__2', 'test_minimum', [('normal', (1,)), ('normal', (3, 4))], ['x', 'y'], False, 1348589013),
    ('minimum__3', 'test_minimum', [('normal', (1, 4)), ('normal', (1,))], ['x', 'y'], False, 661054787),
    ('minimum__4', 'test_minimum', [('normal', (1, 4)), ('normal', (1, 4))], ['x', 'y'], False, 3103944928),
    ('minimum__5', 'test_minimum', [('normal', (1, 4)), ('normal', (3, 4))], ['x', 'y'], False, 3456450678),
    ('minimum__6', 'test_minimum', [('normal', (3, 4)), ('normal', (1,))], ['x', 'y'], False, 1460408780),
    ('minimum__7', 'test_minimum', [('normal', (3, 4)), ('normal', (1, 4))], ['x', 'y'], False, 537600346),
    ('minimum__8', 'test_minimum', [('normal', (3, 4)), ('normal', (3, 4))], ['x', 'y'], False, 2964602059),
    ('fmin__0', 'test_fmin', [('normal', (1,)), ('normal', (1,))], ['x', 'y'], False, 1291396301),
    ('fmin__1', 'test_fmin', [('normal', (1,)), ('normal', (1, 4))], ['x', 'y'], False, 1006507099),
    ('fmin__2', 'test_fmin', [('normal', (1,)), ('normal', (3, 4))], ['x', 'y'], False, 2734114273),
    ('fmin__3', 'test_fmin', [('normal', (1, 4)), ('normal', (1,))], ['x', 'y'], False, 3589305719),
    ('fmin__4', 'test_fmin', [('normal', (1, 4)), ('normal', (1, 4))], ['x', 'y'], False, 1268048084),
    ('fmin__5', 'test_fmin', [('normal', (1, 4)), ('normal', (3, 4))], ['x', 'y'], False, 1016320066),
    ('fmin__6', 'test_fmin', [('normal', (3, 4)), ('normal', (1,))], ['x', 'y'], False, 2778366456),
    ('fmin__7', 'test_fmin', [('normal', (3, 4)), ('normal', (1, 4))], ['x', 'y'], False, 3533549934),
    ('fmin__8', 'test_fmin', [('normal', (3, 4)), ('normal', (3, 4))], ['x', 'y'], False, 1109568767),
    ('sort__0', 'test_sort', [('normal', (1,))], ['x'], False, 474163143),
    ('sort__1', 'test_sort', [('normal', (7,))], ['x'], False, 1799624529),
    ('partition__0', 'test_partition', [('normal', (7,))], ['x'], False, 145348054),
    ('partition__1', 'test_partition', [('normal', (7,))], ['x'], False, 2142168384),
    ('partition__2', 'test_partition', [('normal', (7,))], ['x'], False, 3869750522),
    ('partition__3', 'test_partition', [('normal', (14,))], ['x'], False, 2443215980),
    ('partition__4', 'test_partition', [('normal', (14,))], ['x'], False, 264507855),
    ('partition__5', 'test_partition', [('normal', (14,))], ['x'], False, 2026053977),
    ('atleast_1d__0', 'test_atleast_1d', [('value', 1.2)], ['x'], False, 2663899341),
    ('atleast_1d__1', 'test_atleast_1d', [('normal', (1,))], ['x'], False, 3921727579),
    ('atleast_1d__2', 'test_atleast_1d', [('normal', (7,))], ['x'], False, 1892254177),
    ('atleast_1d__3', 'test_atleast_1d', [('normal', (1, 4))], ['x'], False, 130986359),
    ('atleast_1d__4', 'test_atleast_1d', [('normal', (2, 4))], ['x'], False, 2578064596),
    ('atleast_1d__5', 'test_atleast_1d', [('normal', (2, 4, 5))], ['x'], False, 4004320322),
    ('atleast_2d__0', 'test_atleast_2d', [('value', 1.2)], ['x'], False, 3647445533),
    ('atleast_2d__1', 'test_atleast_2d', [('normal', (1,))], ['x'], False, 2925570699),
    ('atleast_2d__2', 'test_atleast_2d', [('normal', (7,))], ['x'], False, 929692465),
    ('atleast_2d__3', 'test_atleast_2d', [('normal', (1, 4))], ['x'], False, 1081002919),
    ('atleast_2d__4', 'test_atleast_2d', [('normal', (2, 4))], ['x'], False, 3725221380),
    ('atleast_2d__5', 'test_atleast_2d', [('normal', (2, 4, 5))], ['x'], False, 2836229778),
    ('atleast_3d__0', 'test_atleast_3d', [('value', 1.2)], ['x'], False, 3825709997),
    ('atleast_3d__1', 'test_atleast_3d', [('normal', (1,))], ['x'], False, 2466284347),
    ('atleast_3d__2', 'test_atleast_3d', [('normal', (7,))], ['x'], False, 168415873),
    ('atleast_3d__3', 'test_atleast_3d', [('normal', (1, 4))], ['x'], False, 2098127383),
    ('atleast_3d__4', 'test_atleast_3d', [('normal', (2, 4))], ['x'], False, 3815405492),
    ('atleast_3d__5', 'test_atleast_3d', [('normal', (2, 4, 5))], ['x'], False, 2490189602),
    ('atleast_3d__6', 'test_atleast_3d', [('normal', (2, 4, 3, 5))], ['x'], False, 224663192),
    ('einsum_transpose__0', 'test_einsum_transpose', [('normal', (1, 1))], [], False, 1855402975),
    ('einsum_transpose__1', 'test_einsum_transpose', [('normal', (4, 4))], [], False, 428868425),
    ('einsum_transpose__2', 'test_einsum_transpose', [('normal', (3, 4))], [], False, 2157531891),
    ('einsum_matmult__0', 'test_einsum_matmult', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 2679381019),
    ('einsum_matmult__1', 'test_einsum_matmult', [('normal', (2, 3)), ('cnormal', (3, 4))], ['x', 'y'], True, 3904056461),
    ('einsum_matmult__2', 'test_einsum_matmult', [('cnormal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], True, 1908047159),
    ('einsum_matmult__3', 'test_einsum_matmult', [('cnormal', (2, 3)), ('cnormal', (3, 4))], ['x', 'y'], True, 113069473),
    ('einsum_matmult_broadcast__0', 'test_einsum_matmult_broadcast', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 1496887794),
    ('einsum_matmult_broadcast__1', 'test_einsum_matmult_broadcast', [('normal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 775913828),
    ('einsum_matmult_broadcast__2', 'test_einsum_matmult_broadcast', [('normal', (2, 2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 3073822942),
    ('einsum_matmult_broadcast__3', 'test_einsum_matmult_broadcast', [('normal', (2, 2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 3224494152),
    ('einsum_matmult_broadcast_leadzero__0', 'test_einsum_matmult_broadcast_leadzero', [('normal', (0, 2, 3)), ('normal', (0, 3, 4))], ['x', 'y'], False, 2302189050),
    ('einsum_covsum__0', 'test_einsum_covsum', [('normal', (3, 4, 4)), ('normal', (4, 4, 3))], ['x', 'y'], False, 640731039),
    ('einsum_ellipses__0', 'test_einsum_ellipses', [('normal', (4, 4)), ('normal', (4, 4))], ['x', 'y'], False, 1475829890),
    ('einsum_ellipses__1', 'test_einsum_ellipses', [('normal', (4, 4)), ('normal', (3, 4, 4))], ['x', 'y'], False, 552620052),
    ('einsum_ellipses__2', 'test_einsum_ellipses', [('normal', (3, 4, 4)), ('normal', (4, 4))], ['x', 'y'], False, 3120103854),
    ('einsum_ellipses__3', 'test_einsum_ellipses', [('normal', (3, 4, 4)), ('normal', (3, 4, 4))], ['x', 'y'], False, 3472765240),
    ('einsum_ellipses__4', 'test_einsum_ellipses', [('normal', (4, 4)), ('normal', (4, 4))], ['x', 'y'], False, 1352311963),
    ('einsum_ellipses__5', 'test_einsum_ellipses', [('normal', (4, 4)), ('normal', (3, 4, 4))], ['x', 'y'], False, 664638477),
    ('einsum_ellipses__6', 'test_einsum_ellipses', [('normal', (3, 4, 4)), ('normal', (4, 4))], ['x', 'y'], False, 3197420983),
    ('einsum_ellipses__7', 'test_einsum_ellipses', [('normal', (3, 4, 4)), ('normal', (3, 4, 4))], ['x', 'y'], False, 3381916961),
    ('einsum_ellipses_tail__0', 'test_einsum_ellipses_tail', [('normal', (3, 2)), ('normal', (2, 3))], ['x', 'y'], False, 3774070307),
    ('einsum_ellipses_tail__1', 'test_einsum_ellipses_tail', [('normal', (3, 2)), ('normal', (2, 3, 4))], ['x', 'y'], False, 2549386933),
    ('einsum_ellipses_tail__2', 'test_einsum_ellipses_tail', [('normal', (3, 2, 4)), ('normal', (2, 3))], ['x', 'y'], False, 251518735),
    ('einsum_ellipses_tail__3', 'test_einsum_ellipses_tail', [('normal', (3, 2, 4)), ('normal', (2, 3, 4))], ['x', 'y'], False, 2046488473),
    ('einsum_ellipses_center__0', 'test_einsum_ellipses_center', [('normal', (2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 1423486514),
    ('einsum_ellipses_center__1', 'test_einsum_ellipses_center', [('normal', (2, 2)), ('normal', (2, 2, 2))], ['x', 'y'], False, 601857700),
    ('einsum_ellipses_center__2', 'test_einsum_ellipses_center', [('normal', (2, 2, 2)), ('normal', (2, 2))], ['x', 'y'], False, 3134639902),
    ('einsum_ellipses_center__3', 'test_einsum_ellipses_center', [('normal', (2, 2, 2)), ('normal', (2, 2, 2))], ['x', 'y'], False, 3453091720),
    ('einsum_three_args__0', 'test_einsum_three_args', [('normal', (3, 4, 4)), ('normal', (4, 4, 3)), ('normal', (4, 4, 3))], ['x', 'y'], False, 3719040128),
    ('einsum2_transpose__0', 'test_einsum2_transpose', [('normal', (1, 1))], ['x'], False, 12210521),
    ('einsum2_transpose__1', 'test_einsum2_transpose', [('normal', (4, 4))], ['x'], False, 2008900047),
    ('einsum2_transpose__2', 'test_einsum2_transpose', [('normal', (3, 4))], ['x'], False, 4004786293),
    ('einsum2_matmult__0', 'test_einsum2_matmult', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 2456548020),
    ('einsum2_matmult_broadcast__0', 'test_einsum2_matmult_broadcast', [('normal', (2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 1299562407),
    ('einsum2_matmult_broadcast__1', 'test_einsum2_matmult_broadcast', [('normal', (2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 980586289),
    ('einsum2_matmult_broadcast__2', 'test_einsum2_matmult_broadcast', [('normal', (2, 2, 3)), ('normal', (3, 4))], ['x', 'y'], False, 2742804107),
    ('einsum2_matmult_broadcast__3', 'test_einsum2_matmult_broadcast', [('normal', (2, 2, 3)), ('normal', (2, 3, 4))], ['x', 'y'], False, 3564957213),
    ('einsum2_covsum__0', 'test_einsum2_covsum', [('normal', (3, 4, 4)), ('normal', (4, 4, 3))], ['x', 'y'], False, 2494846485),
    ('einsum2_three_args__0', 'test_einsum2_three_args', [('normal', (3, 4, 4)), ('normal', (4, 4, 3)), ('normal', (4, 4, 3))], ['x', 'y'], False, 3642296311),
    ('einsum_naked_sum__0', 'test_einsum_naked_sum', [('normal', (5,)), ('normal', (10, 5))], ['x', 'y'], False, 1538323572),
    ('einsum_naked_sum2__0', 'test_einsum_naked_sum2', [('normal', (3, 2, 3, 2))], ['x'], False, 2294383174),
    ('einsum_naked_sum_ellipsis__0', 'test_einsum_naked_sum_ellipsis', [('normal', (3, 5)), ('normal', (3, 10, 5))], ['x', 'y'], False, 2586393245),
    ('einsum_no_output_indices__0', 'test_einsum_no_output_indices', [('normal', (3, 4)), ('normal', (3,))], ['x', 'y'], False, 3932344755),
    ('trace__0', 'test_trace', [('normal', (5, 5))], ['x'], False, 3615124232),
    ('trace__1', 'test_trace', [('normal', (5, 5))], ['x'], False, 2692570014),
    ('trace__2', 'test_trace', [('normal', (5, 5))], ['x'], False, 963906084),
    ('trace__3', 'test_trace', [('normal', (4, 5))], ['x'], False, 1316174514),
    ('trace__4', 'test_trace', [('normal', (4, 5))], ['x'], False, 3491213073),
    ('trace__5', 'test_trace', [('normal', (4, 5))], ['x'], False, 2802884487),
    ('trace__6', 'test_trace', [('normal', (5, 4))], ['x'], False, 1041878589),
    ('trace__7', 'test_trace', [('normal', (5, 4))], ['x'], False, 1226768043),
    ('trace__8', 'test_trace', [('normal', (5, 4))], ['x'], False, 3651265338),
    ('trace__9', 'test_trace', [('normal', (3, 4, 5))], ['x'], False, 2930168748),
    ('trace__10', 'test_trace', [('normal', (3, 4, 5))], ['x'], False, 3821804601),
    ('trace__11', 'test_trace', [('normal', (3, 4, 5))], ['x'], False, 2496343215),
    ('diag__0', 'test_diag', [('normal', (5, 5))], ['x'], False, 227505081),
    ('diag__1', 'test_diag', [('normal', (5, 5))], ['x'], False, 2055750447),
    ('diag__2', 'test_diag', [('normal', (5, 5))], ['x'], False, 3816886933),
    ('diag_flat__0', 'test_diag_flat', [('normal', (5,))], ['x'], False, 2266687867),
    ('diag_flat__1', 'test_diag_flat', [('normal', (5,))], ['x'], False, 4028488173),
    ('diag_flat__2', 'test_diag_flat', [('normal', (5,))], ['x'], False, 1762953303),
    ('tril__0', 'test_tril', [('normal', (5, 5))], ['x'], False, 3828470255),
    ('tril__1', 'test_tril', [('normal', (5, 5))], ['x'], False, 2469847417),
    ('tril__2', 'test_tril', [('normal', (5, 5))], ['x'], False, 171946179),
    ('triu__0', 'test_triu', [('normal', (5, 5))], ['x'], False, 3374369274),
    ('triu__1', 'test_triu', [('normal', (5, 5))], ['x'], False, 3190290796),
    ('triu__2', 'test_triu', [('normal', (5, 5))], ['x'], False, 657369302),
    ('tril_3d__0', 'test_tril_3d', [('normal', (5, 5, 4))], ['x'], False, 4038434828),
    ('tril_3d__1', 'test_tril_3d', [('normal', (5, 5, 4))], ['x'], False, 2276626586),
    ('tril_3d__2', 'test_tril_3d', [('normal', (5, 5, 4))], ['x'], False, 515621152),
    ('triu_3d__0', 'test_triu_3d', [('normal', (5, 5, 4))], ['x'], False, 49510673),
    ('triu_3d__1', 'test_triu_3d', [('normal', (5, 5, 4))], ['x'], False, 1978943879),
    ('triu_3d__2', 'test_triu_3d', [('normal', (5, 5, 4))], ['x'], False, 3976009789),
    ('swapaxes__0', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 174134511),
    ('swapaxes__1', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 2103846009),
    ('swapaxes__2', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 3832509891),
    ('swapaxes__3', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 2473084245),
    ('swapaxes__4', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 218943734),
    ('swapaxes__5', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 2047598688),
    ('swapaxes__6', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 3808604634),
    ('swapaxes__7', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 2483388748),
    ('swapaxes__8', 'test_swapaxes', [('normal', (3, 4, 5))], ['x'], False, 79338717),
    ('rollaxis__0', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 3762103297),
    ('rollaxis__1', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 2537165975),
    ('rollaxis__2', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 238241069),
    ('rollaxis__3', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 2033481147),
    ('rollaxis__4', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 3880837144),
    ('rollaxis__5', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 2421674126),
    ('rollaxis__6', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 157188404),
    ('rollaxis__7', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 2119807394),
    ('rollaxis__8', 'test_rollaxis', [('normal', (2, 3, 4))], ['x'], False, 4008094771),
    ('cross__0', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2392632715),
    ('cross__1', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 4187725085),
    ('cross__2', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 1620233383),
    ('cross__3', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 395705393),
    ('cross__4', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2314299794),
    ('cross__5', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 4277557508),
    ('cross__6', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 1744767166),
    ('cross__7', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 284702760),
    ('cross__8', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2152146361),
    ('cross__9', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 4148172079),
    ('cross__10', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2535729253),
    ('cross__11', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3760396531),
    ('cross__12', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2032814409),
    ('cross__13', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 237861343),
    ('cross__14', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2420763772),
    ('cross__15', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3880705258),
    ('cross__16', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2118618448),
    ('cross__17', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 155237830),
    ('cross__18', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 2583666775),
    ('cross__19', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 4009267393),
    ('cross__20', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3154738086),
    ('cross__21', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3406711600),
    ('cross__22', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 1376197258),
    ('cross__23', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 620767772),
    ('cross__24', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3143942079),
    ('cross__25', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3429076777),
    ('cross__26', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 1433067155),
    ('cross__27', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 577629701),
    ('cross__28', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3000169364),
    ('cross__29', 'test_cross', [('normal', (3, 3)), ('normal', (3, 3))], ['x', 'y'], False, 3319120642),
    ('vsplit_2d__0', 'test_vsplit_2d', [('normal', (4, 8))], ['x'], False, 2147365574),
    ('vsplit_2d__1', 'test_vsplit_2d', [('normal', (4, 8))], ['x'], False, 150536784),
    ('vsplit_3d__0', 'test_vsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 1117657974),
    ('vsplit_3d__1', 'test_vsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 899230688),
    ('hsplit_2d__0', 'test_hsplit_2d', [('normal', (4, 8))], ['x'], False, 2597784612),
    ('hsplit_2d__1', 'test_hsplit_2d', [('normal', (4, 8))], ['x'], False, 3989847218),
    ('hsplit_3d__0', 'test_hsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 2813797780),
    ('hsplit_3d__1', 'test_hsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 3501200642),
    ('dsplit_3d__0', 'test_dsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 2730321941),
    ('dsplit_3d__1', 'test_dsplit_3d', [('normal', (4, 4, 4))], ['x'], False, 3585759363),
    ('split_1d__0', 'test_split_1d', [('normal', (1,))], ['x'], False, 1427390987),
    ('split_1d__1', 'test_split_1d', [('normal', (7,))], ['x'], False, 571699869),
    ('split_2d__0', 'test_split_2d', [('normal', (4, 8))], ['x'], False, 313800923),
    ('split_2d__1', 'test_split_2d', [('normal', (4, 8))], ['x'], False, 1706231885),
    ('split_2d__2', 'test_split_2d', [('normal', (4, 8))], ['x'], False, 4240071159),
    ('split_2d__3', 'test_split_2d', [('normal', (4, 8))], ['x'], False, 2344446305),
    ('split_3d__0', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 802427243),
    ('split_3d__1', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 1490231805),
    ('split_3d__2', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 3252318279),
    ('split_3d__3', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 3067953361),
    ('split_3d__4', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 683267442),
    ('split_3d__5', 'test_split_3d', [('normal', (4, 4, 4))], ['x'], False, 1606346212),
    ('array_split_1d__0', 'test_array_split_1d', [('normal', (1,))], ['x'], False, 946833072),
    ('array_split_1d__1', 'test_array_split_1d', [('normal', (1,))], ['x'], False, 1332262438),
    ('array_split_1d__2', 'test_array_split_1d', [('normal', (7,))], ['x'], False, 3596740508),
    ('array_split_1d__3', 'test_array_split_1d', [('normal', (7,))], ['x'], False, 2707871498),
    ('array_split_2d__0', 'test_array_split_2d', [('normal', (7, 7))], ['x'], False, 2144336992),
    ('array_split_2d__1', 'test_array_split_2d', [('normal', (7, 7))], ['x'], False, 147377398),
    ('array_split_2d__2', 'test_array_split_2d', [('normal', (7, 7))], ['x'], False, 2445385036),
    ('array_split_2d__3', 'test_array_split_2d', [('normal', (7, 7))], ['x'], False, 3871780314),
    ('array_split_3d__0', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 1118819792),
    ('array_split_3d__1', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 900261190),
    ('array_split_3d__2', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 2896278780),
    ('array_split_3d__3', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 3685123178),
    ('array_split_3d__4', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 1170346441),
    ('array_split_3d__5', 'test_array_split_3d', [('normal', (7, 7, 7))], ['x'], False, 851779935),
    ('concatenate_1ist__0', 'test_concatenate_1ist', [('normal', (1,)), ('normal', (3,))], ['x'], False, 3229393355),
    ('concatenate_tuple__0', 'test_concatenate_tuple', [('normal', (1,)), ('normal', (3,))], ['x'], False, 2455323595),
    ('concatenate_2d__0', 'test_concatenate_2d', [('normal', (2, 2)), ('normal', (2, 2))], ['x'], False, 2344354595),
    ('concatenate_2d__1', 'test_concatenate_2d', [('normal', (2, 2)), ('normal', (2, 2))], ['x'], False, 4240126901),
    ('concatenate_3d__0', 'test_concatenate_3d', [('normal', (2, 2, 2)), ('normal', (2, 2, 2))], ['x'], False, 3067882131),
    ('concatenate_3d__1', 'test_concatenate_3d', [('normal', (2, 2, 2)), ('normal', (2, 2, 2))], ['x'], False, 3252361733),
    ('concatenate_3d__2', 'test_concatenate_3d', [('normal', (2, 2, 2)), ('normal', (2, 2, 2))], ['x'], False, 1490176959),
    ('vstack_1d__0', 'test_vstack_1d', [('normal', (2,))], ['x'], False, 3232563156),
    ('vstack_1d__1', 'test_vstack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 3081490242),
    ('vstack_2d__0', 'test_vstack_2d', [('normal', (2, 3))], ['x'], False, 2265744644),
    ('vstack_2d__1', 'test_vstack_2d', [('normal', (2, 4)), ('normal', (1, 4))], ['x'], False, 4027299218),
    ('vstack_3d__0', 'test_vstack_3d', [('normal', (2, 3, 4))], ['x'], False, 3127684276),
    ('vstack_3d__1', 'test_vstack_3d', [('normal', (2, 3, 4)), ('normal', (5, 3, 4))], ['x'], False, 3446381602),
    ('hstack_1d__0', 'test_hstack_1d', [('normal', (2,))], ['x'], False, 629522742),
    ('hstack_1d__1', 'test_hstack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 1384313248),
    ('hstack_2d__0', 'test_hstack_2d', [('normal', (3, 2))], ['x'], False, 1646640102),
    ('hstack_2d__1', 'test_hstack_2d', [('normal', (3, 4)), ('normal', (3, 5))], ['x'], False, 354585456),
    ('hstack_3d__0', 'test_hstack_3d', [('normal', (2, 3, 4))], ['x'], False, 1598394966),
    ('hstack_3d__1', 'test_hstack_3d', [('normal', (2, 1, 4)), ('normal', (2, 5, 4))], ['x'], False, 675455680),
    ('stack_1d__0', 'test_stack_1d', [('normal', (2,))], ['x'], False, 2917594569),
    ('stack_1d__1', 'test_stack_1d', [('normal', (2,))], ['x'], False, 3672229215),
    ('stack_1d__2', 'test_stack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 1139315941),
    ('stack_1d__3', 'test_stack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 888120435),
    ('row_stack_1d__0', 'test_row_stack_1d', [('normal', (2,))], ['x'], False, 3740327846),
    ('row_stack_1d__1', 'test_row_stack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 2851598128),
    ('row_stack_2d__0', 'test_row_stack_2d', [('normal', (2, 3))], ['x'], False, 2572199286),
    ('row_stack_2d__1', 'test_row_stack_2d', [('normal', (2, 4)), ('normal', (1, 4))], ['x'], False, 3998717408),
    ('column_stack_1d__0', 'test_column_stack_1d', [('normal', (2,))], ['x'], False, 3030117205),
    ('column_stack_1d__1', 'test_column_stack_1d', [('normal', (2,)), ('normal', (2,))], ['x'], False, 3281836995),
    ('column_stack_2d__0', 'test_column_stack_2d', [('normal', (2, 2))], ['x'], False, 4080767365),
    ('column_stack_2d__1', 'test_column_stack_2d', [('normal', (2, 2)), ('normal', (2, 2))], ['x'], False, 2218565907),
    ('select__0', 'test_select', [('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5))], ['x', 'y', 'z'], False, 1162891433),
    ('select__1', 'test_select', [('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5)), ('normal', (3, 4, 5))], ['x', 'y', 'z'], False, 844587071),
    ('pad__0', 'test_pad', [('normal', (2, 2))], None, False, 2247083011),
    ('pad__1', 'test_pad', [('normal', (2, 2))], None, False, 4075353237),
    ('pad__2', 'test_pad', [('normal', (2, 2))], None, False, 1809949999),
    ('pad__3', 'test_pad', [('normal', (2, 2))], None, False, 484873657),
    ('pad__4', 'test_pad', [('normal', (2, 2))], None, False, 2189557786),
    ('pad__5', 'test_pad', [('normal', (2, 2))], None, False, 4119146636),
    ('pad__6', 'test_pad', [('normal', (2, 2))], None, False, 1821139254),
]
# fmt: on
