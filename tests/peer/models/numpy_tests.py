"""Gradient cases ported from HIPS/autograd tests/test_numpy.py at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_numpy.py: NumPy functions, indexing, reductions and array construction.

Each case is one plain NumPy function, ported as tests/peer/README.md describes; CASES is
the table tests/peer/run.py reads, its input specs listed in run.py's `draw`.
"""

# ruff: noqa: F821

import numpy as np


def dot__0(x: "10,11", y: "11"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__1(x: "10,11", y: "11,10"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__2(x: "10", y: "10,11"):
    return np.sum(np.sin(np.dot(x, y)))


def dot__3(x: "11", y: "11"):
    return np.dot(x, y)


def dot_with_floats__0(x: "10,11", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot_with_floats__1(x: "scalar", y: "10,11"):
    return np.sum(np.sin(np.dot(x, y)))


def dot_with_floats__2(x: "10", y: "scalar"):
    return np.sum(np.sin(np.dot(x, y)))


def dot_with_floats__3(x: "scalar", y: "10"):
    return np.sum(np.sin(np.dot(x, y)))


def outer__0(x: "11", y: "11"):
    return np.sum(np.sin(np.outer(x, y)))


def outer__1(x: "11", y: "11"):
    return np.sum(np.sin(np.outer(x, y)))


def outer__2(x: "11", y: "11"):
    return np.sum(np.sin(np.outer(x, y)))


def max__0(x: "10,11"):
    return np.max(x)


def max_axis__0(x: "3,4,5"):
    return np.sum(np.sin(np.max(x, axis=1)))


def max_axis_keepdims__0(x: "3,4,5"):
    return np.sum(np.sin(np.max(x, axis=1, keepdims=True)))


def min__0(x: "10,11"):
    return np.min(x)


def min_axis__0(x: "3,4,5"):
    return np.sum(np.sin(np.min(x, axis=1)))


def min_axis_keepdims__0(x: "3,4,5"):
    return np.sum(np.sin(np.min(x, axis=1, keepdims=True)))


def sum_1__0(x: "10,11"):
    return np.sum(x)


def sum_2__0(x: "10,11"):
    return np.sum(np.sin(np.sum(x, axis=0)))


def sum_3__0(x: "10,11"):
    return np.sum(np.sin(np.sum(x, axis=0, keepdims=True)))


def sum_with_axis_tuple__0(x: "10,11,7"):
    return np.sum(np.sin(np.sum(x, axis=(1, 2))))


def plain_numpy_reductions_on_box__0(a: "scalar", base: "5"):
    return np.sum(np.exp(a) * base)


def plain_numpy_reductions_on_box__1(a: "scalar", base: "5"):
    return np.prod(np.exp(a) * base)


def plain_numpy_reductions_on_box__2(a: "scalar", base: "5"):
    return np.max(np.exp(a) * base)


def plain_numpy_reductions_on_box__3(a: "scalar", base: "5"):
    return np.min(np.exp(a) * base)


def flipud__0(x: "10,11"):
    return np.sum(np.sin(np.flipud(x)))


def fliplr__0(x: "10,11"):
    return np.sum(np.sin(np.fliplr(x)))


def rot90__0(x: "10,11"):
    return np.sum(np.sin(np.rot90(x)))


def cumsum_axis0__0(x: "10,11"):
    return np.sum(np.sin(np.cumsum(x, axis=0)))


def cumsum_axis1__0(x: "10,11"):
    return np.sum(np.sin(np.cumsum(x, axis=1)))


def cumsum_1d__0(x: "10"):
    return np.sum(np.sin(np.cumsum(x)))


def cumsum_no_axis__0(x: "10,11"):
    return np.sum(np.sin(np.cumsum(x)))


def non_numpy_sum__0(x: "10,11", y: "10,11"):
    return np.sum(np.sin(sum([x, y])))


def mean_1__0(x: "10,11"):
    return np.mean(x)


def mean_2__0(x: "10,11"):
    return np.sum(np.sin(np.mean(x, axis=0)))


def mean_3__0(x: "10,11"):
    return np.sum(np.sin(np.mean(x, axis=0, keepdims=True)))


def mean_list_of_boxes__0(x: "scalar"):
    return np.mean([x, x + 2])


def mean_list_of_boxes__1(x: "scalar"):
    return np.mean((x, x + 2))


def std_list_of_boxes__0(x: "scalar"):
    return np.std([x, x + 2])


def std_list_of_boxes__1(x: "scalar"):
    return np.std((x, x + 2))


def var_list_of_boxes__0(x: "scalar"):
    return np.var([x, x + 2])


def var_list_of_boxes__1(x: "scalar"):
    return np.var((x, x + 2))


def index_ints__0(x: "5,6,4"):
    return x[3, 0, 1]


def index_slice__0(x: "5,6,4"):
    return np.sum(np.sin(x[::-1, 2:4, :]))


def index_lists__0(x: "5,6,4"):
    return np.sum(np.sin(x[[0, 1, 2], :, :]))


def index_mixed__0(x: "5,6,4"):
    return np.sum(np.sin(x[3, 2:, [1, 3]]))


def vector_slice__0(x: "5"):
    return np.sum(np.sin(x[2:4]))


def index_slice_fanout__0(x: "5,6,4"):
    y = x[::-1, 2:4, :]
    z = x[::-1, 3:5, :]
    return np.sum(np.sin(y + z))


def index_multiple_slices__0(x: "7"):
    y = x[2:6]
    z = y[1:3]
    return np.sum(np.sin(z))


def reshape_method__0(x: "5,6,4"):
    return np.sum(np.sin(x.reshape((5 * 4, 6))))


def reshape_call__0(x: "5,6,4"):
    return np.sum(np.sin(np.reshape(x, (5 * 4, 6))))


def reshape_method_nolist__0(x: "5,6,4"):
    return np.sum(np.sin(x.reshape(5 * 4, 6)))


def ravel_method__0(x: "5,6,4"):
    return np.sum(np.sin(x.ravel()))


def ravel_call__0(x: "5,6,4"):
    return np.sum(np.sin(np.ravel(x)))


def flatten_method__0(x: "5,6,4"):
    return np.sum(np.sin(x.flatten()))


def simple_append_list__0(x: "3", y: "scalar"):
    return np.sum(np.sin(np.append(x, y)))


def simple_append_arr__0(x: "3", y: "scalar"):
    return np.sum(np.sin(np.append(x, y)))


def simple_append_list_2D__0(x: "2,3", y: "1,3"):
    return np.sum(np.sin(np.append(x, y, axis=0)))


def simple_concatenate__0(x: "4,6,4", A: "5,6,4"):
    return np.sum(np.sin(np.concatenate((A, x))))


def concatenate_axis_0__0(x: "5,6,4", B: "5,6,4"):
    return np.sum(np.sin(np.concatenate((B, x, B))))


def concatenate_axis_1__0(x: "5,6,4", B: "5,6,4"):
    return np.sum(np.sin(np.concatenate((B, x, B), axis=1)))


def concatenate_axis_1_unnamed__0(x: "5,6,4", B: "5,6,4"):
    return np.sum(np.sin(np.concatenate((B, x, B), 1)))


def trace__0(x: "10,11"):
    return np.trace(x, offset=3)


def trace2__0(x: "11,10"):
    return np.trace(x, offset=-4)


def trace_extradims__0(x: "5,6,4,3"):
    return np.sum(np.sin(np.trace(x, offset=2)))


def diag__0(x: "10,10"):
    return np.sum(np.sin(np.diag(x)))


def transpose__0(x: "8,8"):
    return np.sum(np.sin(x.T))


def roll__0(x: "4,5"):
    return np.sum(np.sin(np.roll(x, 2, axis=1)))


def roll_no_axis__0(x: "4,5"):
    return np.sum(np.sin(np.roll(x, 2, axis=1)))


def triu__0(x: "5,5"):
    return np.sum(np.sin(np.triu(x, k=2)))


def tril__0(x: "5,5"):
    return np.sum(np.sin(np.tril(x, k=2)))


def clip__0(x: "5,5"):
    return np.sum(np.sin(np.clip(x, a_min=0.1, a_max=1.1)))


def prod_1__0(x: "2,3"):
    return np.prod(x)


def prod_2__0(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0)))


def prod_3__0(x: "2,3"):
    return np.sum(np.sin(np.prod(x, axis=0, keepdims=True)))


def prod_4__0(x: "7"):
    return np.prod(x)


def t1d_array__0(x: "scalar"):
    return np.sum(np.sin(np.array([x, x * 1.0, x + 2.5])))


def t2d_array__0(x: "scalar"):
    return np.sum(np.sin(np.array([[x, x * 1.0, x + 2.5], [x**2, x, x / 2.0]])))


def t1d_array_fanout__0(x: "scalar"):
    A = np.array([x, x * 1.0, x + 2.5])
    return np.sum(np.sin(A + A))


def t2d_array_fanout__0(x: "scalar"):
    A = np.array([[x, x * 1.0, x + 2.5], [x**2, x, x / 2.0]])
    return np.sum(np.sin(A + A))


def array_from_scalar__0(x: "scalar"):
    return np.array(x)


def array_from_arrays__0(x: "3,2"):
    return np.sum(np.sin(np.array([x, x])))


def array_from_arrays_2__0(x: "3,2"):
    return np.sum(np.sin(np.array([[2 * x, x + 1], [x, x]])))


def len__0(x: "3,2"):
    return np.sum(np.sin(x * len(x)))


def r_basic__0(x: "3,2"):
    return np.sum(np.sin(np.r_[x]))


def r_double__0(x: "3,2"):
    return np.sum(np.sin(np.r_[x, x]))


def no_relation__0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(c))


def r_no_relation__0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(np.r_[c]))


def r_node_and_const__0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(np.r_[x, c]))


def r_mixed__0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(np.r_[x, c, x]))


def r_slicing__0(x: "10", c: "10"):
    return np.sum(np.sin(np.r_[x, c, 1:10]))


def c___0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(np.c_[x, c, x]))


def c_mixed__0(x: "3,2", c: "3,2"):
    return np.sum(np.sin(np.c_[x, c, x]))


def var_ddof__0(x: "3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=0)))


def var_ddof__1(x: "3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=1)))


def var_ddof__2(x: "3"):
    return np.var(x, axis=None, keepdims=False, ddof=0)


def var_ddof__3(x: "3"):
    return np.var(x, axis=None, keepdims=False, ddof=1)


def var_ddof__4(x: "3,4"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=0)))


def var_ddof__5(x: "3,4"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=1)))


def var_ddof__6(x: "3,4"):
    return np.var(x, axis=None, keepdims=False, ddof=0)


def var_ddof__7(x: "3,4"):
    return np.var(x, axis=None, keepdims=False, ddof=1)


def var_ddof__8(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=0)))


def var_ddof__9(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=1)))


def var_ddof__10(x: "1,3"):
    return np.var(x, axis=None, keepdims=False, ddof=0)


def var_ddof__11(x: "1,3"):
    return np.var(x, axis=None, keepdims=False, ddof=1)


def var_ddof__12(x: "3,4"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=2)))


def var_ddof__13(x: "3,4"):
    return np.var(x, axis=None, keepdims=False, ddof=2)


def var_ddof__14(x: "3,4"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=True, ddof=2)))


def var_ddof__15(x: "3,4"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=False, ddof=2)))


def var_ddof__16(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=None, keepdims=True, ddof=2)))


def var_ddof__17(x: "1,3"):
    return np.var(x, axis=None, keepdims=False, ddof=2)


def var_ddof__18(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=True, ddof=2)))


def var_ddof__19(x: "1,3"):
    return np.sum(np.sin(np.var(x, axis=1, keepdims=False, ddof=2)))


def std_ddof__0(x: "3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=0)))


def std_ddof__1(x: "3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=1)))


def std_ddof__2(x: "3"):
    return np.std(x, axis=None, keepdims=False, ddof=0)


def std_ddof__3(x: "3"):
    return np.std(x, axis=None, keepdims=False, ddof=1)


def std_ddof__4(x: "3,4"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=0)))


def std_ddof__5(x: "3,4"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=1)))


def std_ddof__6(x: "3,4"):
    return np.std(x, axis=None, keepdims=False, ddof=0)


def std_ddof__7(x: "3,4"):
    return np.std(x, axis=None, keepdims=False, ddof=1)


def std_ddof__8(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=0)))


def std_ddof__9(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=1)))


def std_ddof__10(x: "1,3"):
    return np.std(x, axis=None, keepdims=False, ddof=0)


def std_ddof__11(x: "1,3"):
    return np.std(x, axis=None, keepdims=False, ddof=1)


def std_ddof__12(x: "3,4"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=2)))


def std_ddof__13(x: "3,4"):
    return np.std(x, axis=None, keepdims=False, ddof=2)


def std_ddof__14(x: "3,4"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=True, ddof=2)))


def std_ddof__15(x: "3,4"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=False, ddof=2)))


def std_ddof__16(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=None, keepdims=True, ddof=2)))


def std_ddof__17(x: "1,3"):
    return np.std(x, axis=None, keepdims=False, ddof=2)


def std_ddof__18(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=True, ddof=2)))


def std_ddof__19(x: "1,3"):
    return np.sum(np.sin(np.std(x, axis=1, keepdims=False, ddof=2)))


def where__0(x: "4,5", y: "4,5", c: "4,5"):
    return np.sum(np.sin(np.where(c > 0, x, y)))


def squeeze_func__0(x: "5,1,4"):
    return np.sum(np.sin(np.squeeze(x)))


def squeeze_method__0(x: "5,1,4"):
    return np.sum(np.sin(x.squeeze()))


def repeat__0(x: "5,3,4"):
    return np.sum(np.sin(np.repeat(x, 2, axis=1)))


def repeat_axis1_rep1__0(x: "5,3,4"):
    return np.sum(np.sin(np.repeat(x, 1, axis=1)))


def repeat_axis0__0(x: "5,3"):
    return np.sum(np.sin(np.repeat(x, 2, axis=0)))


def repeat_1d_axis0__0(x: "5"):
    return np.sum(np.sin(np.repeat(x, 2, axis=0)))


def repeat_axis0_rep1__0(x: "5,1"):
    return np.sum(np.sin(np.repeat(x, 1, axis=0)))


def expand_dims__0(x: "5,1,4"):
    return np.sum(np.sin(np.expand_dims(x, 2)))


def tensordot_kwargs_by_position__0(x: "scalar"):
    return np.tensordot(x * np.ones((2, 2)), x * np.ones((2, 2)), 2)


def multi_index__0(x: "3"):
    return np.sum(x[[0, 0]])


def multi_index2__0(x: "3"):
    return np.sum(x[[0, 1, 0]])


def index_dot_slices__0(x: "4"):
    return np.dot(x[:2], x[2:])


def cast_to_int__0(W: "5,10"):
    new_W = W[:, :-1]
    new_inds = np.int64(W[:, -1])
    return new_W[new_inds].sum()


def diagonal__0(x: "4,4"):
    return np.sum(np.sin(np.diagonal(x, axis1=-1, axis2=-2)))


def diagonal__1(x: "3,4,4"):
    return np.sum(np.sin(np.diagonal(x, axis1=-1, axis2=-2)))


def nan_to_num__0(x: "4"):
    y = np.array([0.0, np.nan, np.inf, -np.inf])
    return np.sum(np.sin(np.nan_to_num(x + y)))


def max_equal_values__0(x: "scalar"):
    return np.max(np.array([x, x]))


def max_equal_values_2d__0(x: "scalar"):
    return np.sum(np.sin(np.max(np.array([[x, x], [x, 0.5]]), axis=1)))


def max_equal_values_2d__1(x: "scalar"):
    return np.sum(np.sin(np.max(np.array([[x, x], [x, 0.5]]), axis=1)))


def min_3_way_equality__0(x: "scalar"):
    return np.sum(
        np.sin(
            np.min(
                np.array([[x, x, x], [x, 0.5, 0.5], [0.5, 0.5, 0.5], [x, x, 0.5]]),
                axis=0,
            )
        )
    )


def min_3_way_equality__1(x: "scalar"):
    return np.sum(
        np.sin(
            np.min(
                np.array([[x, x, x], [x, 0.5, 0.5], [0.5, 0.5, 0.5], [x, x, 0.5]]),
                axis=0,
            )
        )
    )


def maximum_equal_values__0(x: "scalar"):
    return np.maximum(x, x)


def maximum_equal_values_2d__0(x: "scalar"):
    return np.sum(
        np.sin(np.maximum(np.array([x, x, 0.5]), np.array([[x, 0.5, x], [x, x, 0.5]])))
    )


def maximum_equal_values_2d__1(x: "scalar"):
    return np.sum(
        np.sin(np.maximum(np.array([x, x, 0.5]), np.array([[x, 0.5, x], [x, x, 0.5]])))
    )


def maximum_equal_values_2d__2(x: "scalar"):
    return np.sum(
        np.sin(np.maximum(np.array([x, x, 0.5]), np.array([[x, 0.5, x], [x, x, 0.5]])))
    )


def linspace__0(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 0)))


def linspace__1(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 0)))


def linspace__2(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 0)))


def linspace__3(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 1)))


def linspace__4(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 1)))


def linspace__5(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 1)))


def linspace__6(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 5)))


def linspace__7(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 5)))


def linspace__8(x: "scalar", y: "scalar"):
    return np.sum(np.sin(np.linspace(x, y, 5)))


def gradient__0(x: "10"):
    return np.sum(np.sin(np.gradient(x)))


def gradient__1(x: "10,10"):
    o0, o1 = np.gradient(x)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def gradient__2(x: "10,10,10"):
    o0, o1, o2 = np.gradient(x)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def gradient__3(x: "10,10,10"):
    o0, o1, o2 = np.gradient(x, axis=None)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def gradient__4(x: "10,10,10"):
    return np.sum(np.sin(np.gradient(x, axis=0)))


def gradient__5(x: "10,10,10"):
    return np.sum(np.sin(np.gradient(x, axis=1)))


def gradient__6(x: "10,10,10"):
    return np.sum(np.sin(np.gradient(x, axis=-1)))


def gradient__7(x: "10,10,10"):
    o0, o1 = np.gradient(x, axis=(0, 1))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def gradient__8(x: "10,10,10"):
    o0, o1 = np.gradient(x, axis=(0, -1))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


# fmt: off
CASES = [
    ('dot__0', 'test_dot', [('normal', (10, 11)), ('normal', (11,))], None, False, 3718545670),
    ('dot__1', 'test_dot', [('normal', (10, 11)), ('normal', (11, 10))], None, False, 2862854544),
    ('dot__2', 'test_dot', [('normal', (10,)), ('normal', (10, 11))], None, False, 866836522),
    ('dot__3', 'test_dot', [('normal', (11,)), ('normal', (11,))], None, False, 1152241852),
    ('dot_with_floats__0', 'test_dot_with_floats', [('normal', (10, 11)), ('normal', ())], None, False, 2377331391),
    ('dot_with_floats__1', 'test_dot_with_floats', [('normal', ()), ('normal', (10, 11))], None, False, 4206101033),
    ('dot_with_floats__2', 'test_dot_with_floats', [('normal', (10,)), ('normal', ())], None, False, 1673352083),
    ('dot_with_floats__3', 'test_dot_with_floats', [('normal', ()), ('normal', (10,))], None, False, 347759365),
    ('outer__0', 'test_outer', [('normal', (11,)), ('normal', (11,))], None, False, 4064292435),
    ('outer__1', 'test_outer', [('normal', (11,)), ('normal', (11,))], None, False, 2236030661),
    ('outer__2', 'test_outer', [('normal', (11,)), ('normal', (11,))], None, False, 474894207),
    ('max__0', 'test_max', [('normal', (10, 11))], None, False, 256758039),
    ('max_axis__0', 'test_max_axis', [('normal', (3, 4, 5))], None, False, 4281677013),
    ('max_axis_keepdims__0', 'test_max_axis_keepdims', [('normal', (3, 4, 5))], None, False, 4003192543),
    ('min__0', 'test_min', [('normal', (10, 11))], None, False, 1246728853),
    ('min_axis__0', 'test_min_axis', [('normal', (3, 4, 5))], None, False, 859328474),
    ('min_axis_keepdims__0', 'test_min_axis_keepdims', [('normal', (3, 4, 5))], None, False, 3353682887),
    ('sum_1__0', 'test_sum_1', [('normal', (10, 11))], None, False, 2679967376),
    ('sum_2__0', 'test_sum_2', [('normal', (10, 11))], None, False, 2366153086),
    ('sum_3__0', 'test_sum_3', [('normal', (10, 11))], None, False, 901039643),
    ('sum_with_axis_tuple__0', 'test_sum_with_axis_tuple', [('normal', (10, 11, 7))], None, False, 3792251045),
    ('plain_numpy_reductions_on_box__0', 'test_plain_numpy_reductions_on_box', [('value', 0.7), ('uniform', (5,), 0.5, 2.5)], ['a'], False, 3284953665),
    ('plain_numpy_reductions_on_box__1', 'test_plain_numpy_reductions_on_box', [('value', 0.7), ('uniform', (5,), 0.5, 2.5)], ['a'], False, 3033225943),
    ('plain_numpy_reductions_on_box__2', 'test_plain_numpy_reductions_on_box', [('value', 0.7), ('uniform', (5,), 0.5, 2.5)], ['a'], False, 767691629),
    ('plain_numpy_reductions_on_box__3', 'test_plain_numpy_reductions_on_box', [('value', 0.7), ('uniform', (5,), 0.5, 2.5)], ['a'], False, 1522875387),
    ('flipud__0', 'test_flipud', [('normal', (10, 11))], None, False, 3949050340),
    ('fliplr__0', 'test_fliplr', [('normal', (10, 11))], None, False, 4091757652),
    ('rot90__0', 'test_rot90', [('normal', (10, 11))], None, False, 447642453),
    ('cumsum_axis0__0', 'test_cumsum_axis0', [('normal', (10, 11))], None, False, 1302826425),
    ('cumsum_axis1__0', 'test_cumsum_axis1', [('normal', (10, 11))], None, False, 4112247516),
    ('cumsum_1d__0', 'test_cumsum_1d', [('normal', (10,))], None, False, 2827614443),
    ('cumsum_no_axis__0', 'test_cumsum_no_axis', [('normal', (10, 11))], None, False, 308362903),
    ('non_numpy_sum__0', 'test_non_numpy_sum', [('normal', (10, 11)), ('normal', (10, 11))], None, False, 2833673367),
    ('mean_1__0', 'test_mean_1', [('normal', (10, 11))], None, False, 199940523),
    ('mean_2__0', 'test_mean_2', [('normal', (10, 11))], None, False, 425686597),
    ('mean_3__0', 'test_mean_3', [('normal', (10, 11))], None, False, 2716012832),
    ('mean_list_of_boxes__0', 'test_mean_list_of_boxes', [('value', 0.0)], None, False, 2970568820),
    ('mean_list_of_boxes__1', 'test_mean_list_of_boxes', [('value', 0.0)], None, False, 3322444002),
    ('std_list_of_boxes__0', 'test_std_list_of_boxes', [('value', 0.0)], None, False, 293614064),
    ('std_list_of_boxes__1', 'test_std_list_of_boxes', [('value', 0.0)], None, False, 1720123750),
    ('var_list_of_boxes__0', 'test_var_list_of_boxes', [('value', 0.0)], None, False, 924694466),
    ('var_list_of_boxes__1', 'test_var_list_of_boxes', [('value', 0.0)], None, False, 1075480404),
    ('index_ints__0', 'test_index_ints', [('normal', (5, 6, 4))], None, False, 3173967014),
    ('index_slice__0', 'test_index_slice', [('normal', (5, 6, 4))], None, False, 325853880),
    ('index_lists__0', 'test_index_lists', [('normal', (5, 6, 4))], None, False, 3778038964),
    ('index_mixed__0', 'test_index_mixed', [('normal', (5, 6, 4))], None, False, 3608374781),
    ('vector_slice__0', 'test_vector_slice', [('normal', (5,))], None, False, 2035209629),
    ('index_slice_fanout__0', 'test_index_slice_fanout', [('normal', (5, 6, 4))], None, False, 1253857169),
    ('index_multiple_slices__0', 'test_index_multiple_slices', [('normal', (7,))], None, False, 4048663074),
    ('reshape_method__0', 'test_reshape_method', [('normal', (5, 6, 4))], None, False, 26362891),
    ('reshape_call__0', 'test_reshape_call', [('normal', (5, 6, 4))], None, False, 3894500072),
    ('reshape_method_nolist__0', 'test_reshape_method_nolist', [('normal', (5, 6, 4))], None, False, 3897305213),
    ('ravel_method__0', 'test_ravel_method', [('normal', (5, 6, 4))], None, False, 2943893070),
    ('ravel_call__0', 'test_ravel_call', [('normal', (5, 6, 4))], None, False, 2517531336),
    ('flatten_method__0', 'test_flatten_method', [('normal', (5, 6, 4))], None, False, 111247257),
    ('simple_append_list__0', 'test_simple_append_list', [('value', [1.0, 2.0, 3.0]), ('value', 4.0)], None, False, 2434464254),
    ('simple_append_arr__0', 'test_simple_append_arr', [('value', [1.0, 2.0, 3.0]), ('value', 4.0)], None, False, 2348293816),
    ('simple_append_list_2D__0', 'test_simple_append_list_2D', [('value', [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), ('value', [[7.0, 8.0, 9.0]])], None, False, 2179119194),
    ('simple_concatenate__0', 'test_simple_concatenate', [('normal', (4, 6, 4)), ('normal', (5, 6, 4))], ['x'], False, 2249233402),
    ('concatenate_axis_0__0', 'test_concatenate_axis_0', [('normal', (5, 6, 4)), ('normal', (5, 6, 4))], ['x'], False, 718509355),
    ('concatenate_axis_1__0', 'test_concatenate_axis_1', [('normal', (5, 6, 4)), ('normal', (5, 6, 4))], ['x'], False, 2456810062),
    ('concatenate_axis_1_unnamed__0', 'test_concatenate_axis_1_unnamed', [('normal', (5, 6, 4)), ('normal', (5, 6, 4))], ['x'], False, 3742993867),
    ('trace__0', 'test_trace', [('normal', (10, 11))], None, False, 128136206),
    ('trace2__0', 'test_trace2', [('normal', (11, 10))], None, False, 944572836),
    ('trace_extradims__0', 'test_trace_extradims', [('normal', (5, 6, 4, 3))], None, False, 4108897777),
    ('diag__0', 'test_diag', [('normal', (10, 10))], None, False, 3032908380),
    ('transpose__0', 'test_transpose', [('normal', (8, 8))], None, False, 3759289307),
    ('roll__0', 'test_roll', [('normal', (4, 5))], None, False, 1224772357),
    ('roll_no_axis__0', 'test_roll_no_axis', [('normal', (4, 5))], None, False, 267262463),
    ('triu__0', 'test_triu', [('normal', (5, 5))], None, False, 1885943839),
    ('tril__0', 'test_tril', [('normal', (5, 5))], None, False, 1568153610),
    ('clip__0', 'test_clip', [('normal', (5, 5))], None, False, 3692169606),
    ('prod_1__0', 'test_prod_1', [('square', (2, 3), 0.1, 0.1)], None, False, 3518962820),
    ('prod_2__0', 'test_prod_2', [('square', (2, 3), 1.0, 0.1)], None, False, 3272258410),
    ('prod_3__0', 'test_prod_3', [('square', (2, 3), 1.0, 0.1)], None, False, 2075579407),
    ('prod_4__0', 'test_prod_4', [('square', (7,), 1.0, 0.1)], None, False, 3865177270),
    ('t1d_array__0', 'test_1d_array', [('value', 3.0)], None, False, 1719486751),
    ('t2d_array__0', 'test_2d_array', [('value', 3.0)], None, False, 4288622366),
    ('t1d_array_fanout__0', 'test_1d_array_fanout', [('value', 3.0)], None, False, 2883758964),
    ('t2d_array_fanout__0', 'test_2d_array_fanout', [('value', 3.0)], None, False, 1097102870),
    ('array_from_scalar__0', 'test_array_from_scalar', [('value', 3.0)], None, False, 990044890),
    ('array_from_arrays__0', 'test_array_from_arrays', [('normal', (3, 2))], None, False, 195139379),
    ('array_from_arrays_2__0', 'test_array_from_arrays_2', [('normal', (3, 2))], None, False, 1256499325),
    ('len__0', 'test_len', [('normal', (3, 2))], None, False, 1155771441),
    ('r_basic__0', 'test_r_basic', [('normal', (3, 2))], None, False, 2151471501),
    ('r_double__0', 'test_r_double', [('normal', (3, 2))], None, False, 4151724632),
    ('no_relation__0', 'test_no_relation', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 4109593103),
    ('r_no_relation__0', 'test_r_no_relation', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 635770254),
    ('r_node_and_const__0', 'test_r_node_and_const', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 4198766442),
    ('r_mixed__0', 'test_r_mixed', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 1477681213),
    ('r_slicing__0', 'test_r_slicing', [('normal', (10,)), ('normal', (10,))], ['x'], False, 283639469),
    ('c___0', 'test_c_', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 227102208),
    ('c_mixed__0', 'test_c_mixed', [('normal', (3, 2)), ('normal', (3, 2))], ['x'], False, 2424261355),
    ('var_ddof__0', 'test_var_ddof', [('normal', (3,))], ['x'], False, 694633102),
    ('var_ddof__1', 'test_var_ddof', [('normal', (3,))], ['x'], False, 1583378968),
    ('var_ddof__2', 'test_var_ddof', [('normal', (3,))], ['x'], False, 3345556386),
    ('var_ddof__3', 'test_var_ddof', [('normal', (3,))], ['x'], False, 2960003892),
    ('var_ddof__4', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 772441751),
    ('var_ddof__5', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 1494070785),
    ('var_ddof__6', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 3221546939),
    ('var_ddof__7', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 3070482221),
    ('var_ddof__8', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 666684092),
    ('var_ddof__9', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 1354496554),
    ('var_ddof__10', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 3890816773),
    ('var_ddof__11', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 2431522707),
    ('var_ddof__12', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 166151721),
    ('var_ddof__13', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 2128639679),
    ('var_ddof__14', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 3766805276),
    ('var_ddof__15', 'test_var_ddof', [('normal', (3, 4))], ['x'], False, 2541998986),
    ('var_ddof__16', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 243958320),
    ('var_ddof__17', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 2039329446),
    ('var_ddof__18', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 3912412983),
    ('var_ddof__19', 'test_var_ddof', [('normal', (1, 3))], ['x'], False, 2654314401),
    ('std_ddof__0', 'test_std_ddof', [('normal', (3,))], ['x'], False, 1181589403),
    ('std_ddof__1', 'test_std_ddof', [('normal', (3,))], ['x'], False, 829075213),
    ('std_ddof__2', 'test_std_ddof', [('normal', (3,))], ['x'], False, 2825125559),
    ('std_ddof__3', 'test_std_ddof', [('normal', (3,))], ['x'], False, 3747925537),
    ('std_ddof__4', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 1090542466),
    ('std_ddof__5', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 906455828),
    ('std_ddof__6', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 2936945326),
    ('std_ddof__7', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 3624471096),
    ('std_ddof__8', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 1219893161),
    ('std_ddof__9', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 1068574527),
    ('std_ddof__10', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 2321271091),
    ('std_ddof__11', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 4250728869),
    ('std_ddof__12', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 1683335199),
    ('std_ddof__13', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 324180105),
    ('std_ddof__14', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 2369129770),
    ('std_ddof__15', 'test_std_ddof', [('normal', (3, 4))], ['x'], False, 4197531068),
    ('std_ddof__16', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 1664642054),
    ('std_ddof__17', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 339696784),
    ('std_ddof__18', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 2222997761),
    ('std_ddof__19', 'test_std_ddof', [('normal', (1, 3))], ['x'], False, 4085739927),
    ('where__0', 'test_where', [('normal', (4, 5)), ('normal', (4, 5)), ('normal', (4, 5))], ['x', 'y'], False, 2358447177),
    ('squeeze_func__0', 'test_squeeze_func', [('normal', (5, 1, 4))], None, False, 1604920083),
    ('squeeze_method__0', 'test_squeeze_method', [('normal', (5, 1, 4))], None, False, 195877647),
    ('repeat__0', 'test_repeat', [('normal', (5, 3, 4))], None, False, 1629920602),
    ('repeat_axis1_rep1__0', 'test_repeat_axis1_rep1', [('normal', (5, 3, 4))], None, False, 2393102095),
    ('repeat_axis0__0', 'test_repeat_axis0', [('normal', (5, 3))], None, False, 51799713),
    ('repeat_1d_axis0__0', 'test_repeat_1d_axis0', [('normal', (5,))], None, False, 469606763),
    ('repeat_axis0_rep1__0', 'test_repeat_axis0_rep1', [('normal', (5, 1))], None, False, 2581119820),
    ('expand_dims__0', 'test_expand_dims', [('normal', (5, 1, 4))], None, False, 1125928815),
    ('tensordot_kwargs_by_position__0', 'test_tensordot_kwargs_by_position', [('value', 1.0)], None, False, 4108129680),
    ('multi_index__0', 'test_multi_index', [('normal', (3,))], None, False, 325019151),
    ('multi_index2__0', 'test_multi_index2', [('normal', (3,))], None, False, 1331610976),
    ('index_dot_slices__0', 'test_index_dot_slices', [('normal', (4,))], None, False, 2763543298),
    ('cast_to_int__0', 'test_cast_to_int', [('normal', (5, 10))], None, False, 4267465049),
    ('diagonal__0', 'test_diagonal', [('normal', (4, 4))], None, False, 2086559893),
    ('diagonal__1', 'test_diagonal', [('normal', (3, 4, 4))], None, False, 190402563),
    ('nan_to_num__0', 'test_nan_to_num', [('normal', (4,))], None, False, 173739751),
    ('max_equal_values__0', 'test_max_equal_values', [('value', 1.0)], None, False, 1080959744),
    ('max_equal_values_2d__0', 'test_max_equal_values_2d', [('value', 1.0)], None, False, 2989871583),
    ('max_equal_values_2d__1', 'test_max_equal_values_2d', [('value', -1.0)], None, False, 3308446025),
    ('min_3_way_equality__0', 'test_min_3_way_equality', [('value', 1.0)], None, False, 2668574829),
    ('min_3_way_equality__1', 'test_min_3_way_equality', [('value', -1.0)], None, False, 3892840699),
    ('maximum_equal_values__0', 'test_maximum_equal_values', [('value', 1.0)], None, False, 1041410593),
    ('maximum_equal_values_2d__0', 'test_maximum_equal_values_2d', [('value', 1.0)], None, False, 944300899),
    ('maximum_equal_values_2d__1', 'test_maximum_equal_values_2d', [('value', -1.0)], None, False, 1330631669),
    ('maximum_equal_values_2d__2', 'test_maximum_equal_values_2d', [('value', 2.0)], None, False, 3594945103),
    ('linspace__0', 'test_linspace', [('value', 1.2), ('value', 3.4)], None, False, 2262643656),
    ('linspace__1', 'test_linspace', [('value', 1.2), ('value', -3.4)], None, False, 4057596766),
    ('linspace__2', 'test_linspace', [('value', 1.2), ('value', 1.2)], None, False, 1758679780),
    ('linspace__3', 'test_linspace', [('value', 1.2), ('value', 3.4)], None, False, 534012530),
    ('linspace__4', 'test_linspace', [('value', 1.2), ('value', -3.4)], None, False, 2175858641),
    ('linspace__5', 'test_linspace', [('value', 1.2), ('value', 1.2)], None, False, 4139239239),
    ('linspace__6', 'test_linspace', [('value', 1.2), ('value', 3.4)], None, False, 1874761469),
    ('linspace__7', 'test_linspace', [('value', 1.2), ('value', -3.4)], None, False, 414819947),
    ('linspace__8', 'test_linspace', [('value', 1.2), ('value', 1.2)], None, False, 2282142714),
    ('gradient__0', 'test_gradient', [('normal', (10,))], None, False, 2862044720),
    ('gradient__1', 'test_gradient', [('normal', (10, 10))], None, False, 3717228198),
    ('gradient__2', 'test_gradient', [('normal', (10, 10, 10))], None, False, 1150891804),
    ('gradient__3', 'test_gradient', [('normal', (10, 10, 10))], None, False, 865994634),
    ('gradient__4', 'test_gradient', [('normal', (10, 10, 10))], None, False, 2918879785),
    ('gradient__5', 'test_gradient', [('normal', (10, 10, 10))], None, False, 3674055359),
    ('gradient__6', 'test_gradient', [('normal', (10, 10, 10))], None, False, 1140126469),
    ('gradient__7', 'test_gradient', [('normal', (10, 10, 10))], None, False, 888390547),
    ('gradient__8', 'test_gradient', [('normal', (10, 10, 10))], None, False, 2756500994),
]
# fmt: on
