"""Gradient cases ported from HIPS/autograd tests/test_scalar_ops.py at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_scalar_ops.py: scalar NumPy functions of one or two float arguments.

Each case is one plain NumPy function, ported as tests/peer/README.md describes; CASES is
the table tests/peer/run.py reads, its input specs listed in run.py's `draw`.
"""

# ruff: noqa: F821

import numpy as np


def abs__0(x: "scalar"):
    return 3.0 * np.abs(x)


def abs__1(x: "scalar"):
    return 3.0 * np.abs(x)


def abs__2(x: "scalar"):
    return 3.0 * np.abs(x)


def absolute__0(x: "scalar"):
    return 3.0 * np.absolute(x)


def absolute__1(x: "scalar"):
    return 3.0 * np.absolute(x)


def absolute__2(x: "scalar"):
    return 3.0 * np.absolute(x)


def sin__0(x: "scalar"):
    return 3.0 * np.sin(x)


def sign__0(x: "scalar"):
    return 3.0 * np.sign(x)


def sign__1(x: "scalar"):
    return 3.0 * np.sign(x)


def exp__0(x: "scalar"):
    return 3.0 * np.exp(x)


def log__0(x: "scalar"):
    return 3.0 * np.log(x)


def log2__0(x: "scalar"):
    return 3.0 * np.log2(x)


def log10__0(x: "scalar"):
    return 3.0 * np.log10(x)


def log1p__0(x: "scalar"):
    return 3.0 * np.log1p(x)


def expm1__0(x: "scalar"):
    return 3.0 * np.expm1(x)


def exp2__0(x: "scalar"):
    return 3.0 * np.exp2(x)


def neg__0(x: "scalar"):
    return 3.0 * -x


def cos__0(x: "scalar"):
    return 3.0 * np.cos(x)


def tan__0(x: "scalar"):
    return 3.0 * np.tan(x)


def cosh__0(x: "scalar"):
    return 3.0 * np.cosh(x)


def sinh__0(x: "scalar"):
    return 3.0 * np.sinh(x)


def tanh__0(x: "scalar"):
    return 3.0 * np.tanh(x)


def arccos__0(x: "scalar"):
    return 3.0 * np.arccos(x)


def arcsin__0(x: "scalar"):
    return 3.0 * np.arcsin(x)


def arctan__0(x: "scalar"):
    return 3.0 * np.arctan(x)


def arccosh__0(x: "scalar"):
    return 3.0 * np.arccosh(x)


def arcsinh__0(x: "scalar"):
    return 3.0 * np.arcsinh(x)


def arctanh__0(x: "scalar"):
    return 3.0 * np.arctanh(x)


def sqrt__0(x: "scalar"):
    return 3.0 * np.sqrt(x)


def power_arg0__0(x: "scalar", y: "scalar"):
    return np.power(x, y)


# upstream asserts grad == 0 at 0
def power_arg0__1(x: "scalar"):
    return np.power(x, 0.0)


def power_arg1__0(y: "scalar", x: "scalar"):
    return np.power(x, y)


def power_arg1_zero__0(y: "scalar"):
    return np.power(0.0, y)


def mod_arg0__0(x: "scalar", y: "scalar"):
    return np.mod(x, y)


def mod_arg1__0(x: "scalar", y: "scalar"):
    return np.mod(x, y)


def divide_arg0__0(x: "scalar", y: "scalar"):
    return np.divide(x, y)


def divide_arg1__0(x: "scalar", y: "scalar"):
    return np.divide(x, y)


def multiply_arg0__0(x: "scalar", y: "scalar"):
    return np.multiply(x, y)


def multiply_arg1__0(x: "scalar", y: "scalar"):
    return np.multiply(x, y)


def true_divide_arg0__0(x: "scalar", y: "scalar"):
    return np.true_divide(x, y)


def true_divide_arg1__0(x: "scalar", y: "scalar"):
    return np.true_divide(x, y)


def reciprocal__0(x: "scalar"):
    return np.reciprocal(x)


def negative__0(x: "scalar"):
    return np.negative(x)


def rad2deg__0(x: "scalar"):
    return 3.0 * np.rad2deg(x)


def deg2rad__0(x: "scalar"):
    return 3.0 * np.deg2rad(x)


def radians__0(x: "scalar"):
    return 3.0 * np.radians(x)


def degrees__0(x: "scalar"):
    return 3.0 * np.degrees(x)


def sinc__0(x: "scalar"):
    return 3.0 * np.sinc(x)


# fmt: off
CASES = [
    ('abs__0', 'test_abs', [('value', 1.1)], None, False, 187650018),
    ('abs__1', 'test_abs', [('value', -1.1)], None, False, 2083028852),
    ('abs__2', 'test_abs', [('value', 0.0)], None, False, 3844157134),
    ('absolute__0', 'test_absolute', [('value', 1.1)], None, False, 3100106038),
    ('absolute__1', 'test_absolute', [('value', -1.1)], None, False, 3485527456),
    ('absolute__2', 'test_absolute', [('value', 0.0)], None, False, 1456061466),
    ('sin__0', 'test_sin', [('normal', ())], None, False, 2425508385),
    ('sign__0', 'test_sign', [('value', 1.1)], None, False, 532731888),
    ('sign__1', 'test_sign', [('value', -1.1)], None, False, 1757931366),
    ('exp__0', 'test_exp', [('normal', ())], None, False, 2824547641),
    ('log__0', 'test_log', [('uniform', (), 0.1, 2.0)], None, False, 2421839941),
    ('log2__0', 'test_log2', [('uniform', (), 0.1, 2.0)], None, False, 3654576336),
    ('log10__0', 'test_log10', [('uniform', (), 0.1, 2.0)], None, False, 3025220464),
    ('log1p__0', 'test_log1p', [('uniform', (), 0.1, 2.0)], None, False, 793078605),
    ('expm1__0', 'test_expm1', [('uniform', (), 0.1, 2.0)], None, False, 1391197591),
    ('exp2__0', 'test_exp2', [('uniform', (), 0.1, 2.0)], None, False, 2153731250),
    ('neg__0', 'test_neg', [('normal', ())], None, False, 2535645679),
    ('cos__0', 'test_cos', [('normal', ())], None, False, 3195480664),
    ('tan__0', 'test_tan', [('normal', ())], None, False, 3186043224),
    ('cosh__0', 'test_cosh', [('normal', ())], None, False, 508348093),
    ('sinh__0', 'test_sinh', [('normal', ())], None, False, 935062109),
    ('tanh__0', 'test_tanh', [('normal', ())], None, False, 508516030),
    ('arccos__0', 'test_arccos', [('value', 0.1)], None, False, 3041955480),
    ('arcsin__0', 'test_arcsin', [('value', 0.1)], None, False, 2612393697),
    ('arctan__0', 'test_arctan', [('value', 0.2)], None, False, 3066072472),
    ('arccosh__0', 'test_arccosh', [('square', (), 1.0, 1.2)], None, False, 2233672617),
    ('arcsinh__0', 'test_arcsinh', [('normal', ())], None, False, 2899578697),
    ('arctanh__0', 'test_arctanh', [('value', 0.2)], None, False, 2233512874),
    ('sqrt__0', 'test_sqrt', [('uniform', (), 0.0, 10.0)], None, False, 1742862351),
    ('power_arg0__0', 'test_power_arg0', [('uniform', (), 1.0, 2.0), ('square', (), 1.0, 1.0)], ['x'], False, 3985016785),
    ('power_arg0__1', 'test_power_arg0', [('value', 0.0)], None, False, 2592192327),
    ('power_arg1__0', 'test_power_arg1', [('uniform', (), 0.0, 1.0), ('square', (), 1.0, 0.0)], ['y'], False, 1429921972),
    ('power_arg1_zero__0', 'test_power_arg1_zero', [('uniform', (), 0.0, 1.0)], None, False, 1184961177),
    ('mod_arg0__0', 'test_mod_arg0', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['x'], False, 2903440190),
    ('mod_arg1__0', 'test_mod_arg1', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['y'], False, 364026971),
    ('divide_arg0__0', 'test_divide_arg0', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['x'], False, 1148216791),
    ('divide_arg1__0', 'test_divide_arg1', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['y'], False, 4241228466),
    ('multiply_arg0__0', 'test_multiply_arg0', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['x'], False, 364787825),
    ('multiply_arg1__0', 'test_multiply_arg1', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['y'], False, 2902613780),
    ('true_divide_arg0__0', 'test_true_divide_arg0', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['x'], False, 384778055),
    ('true_divide_arg1__0', 'test_true_divide_arg1', [('uniform', (), 0.0, 1.0), ('uniform', (), 0.0, 1.0)], ['y'], False, 2924697634),
    ('reciprocal__0', 'test_reciprocal', [('uniform', (), 0.0, 1.0)], None, False, 3109371364),
    ('negative__0', 'test_negative', [('uniform', (), 0.0, 1.0)], None, False, 2007003375),
    ('rad2deg__0', 'test_rad2deg', [('uniform', (), 0.0, 10.0)], None, False, 2392067675),
    ('deg2rad__0', 'test_deg2rad', [('uniform', (), 0.0, 10.0)], None, False, 1174225331),
    ('radians__0', 'test_radians', [('uniform', (), 0.0, 10.0)], None, False, 1461769084),
    ('degrees__0', 'test_degrees', [('uniform', (), 0.0, 10.0)], None, False, 661376783),
    ('sinc__0', 'test_sinc', [('uniform', (), 0.0, 10.0)], None, False, 3770314076),
]
# fmt: on
