"""Gradient cases ported from HIPS/autograd tests/test_linalg.py at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_linalg.py: numpy.linalg (inv, pinv, solve, det, slogdet, norm, eigh, eig, cholesky, svd).

Each case is one plain NumPy function, ported as tests/peer/README.md describes; CASES is
the table tests/peer/run.py reads, its input specs listed in run.py's `draw`.
"""

# ruff: noqa: F821

import numpy as np


def inv__0(x: "8,8"):
    return np.sum(np.sin(np.linalg.inv(x)))


def pinv__0(x: "5,2"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__1(x: "2,5,2"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__2(x: "5,3"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__3(x: "2,5,3"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__4(x: "5,4"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__5(x: "2,5,4"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__6(x: "5,5"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__7(x: "2,5,5"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__8(x: "5,6"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__9(x: "2,5,6"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__10(x: "5,7"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__11(x: "2,5,7"):
    return np.sum(np.sin(np.linalg.pinv(x)))


def pinv__12(x: "5,2"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__13(x: "2,5,2"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def pinv__14(x: "5,3"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__15(x: "2,5,3"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def pinv__16(x: "5,4"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__17(x: "2,5,4"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def pinv__18(x: "5,5"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__19(x: "2,5,5"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def pinv__20(x: "5,6"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__21(x: "2,5,6"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def pinv__22(x: "5,7"):
    return np.sum(np.sin(np.linalg.pinv(x.T @ x)))


def pinv__23(x: "2,5,7"):
    return np.sum(np.sin(np.linalg.pinv(np.swapaxes(x, -1, -2) @ x)))


def inv_3d__0(x: "4,4,4"):
    return np.sum(np.sin(np.linalg.inv(x)))


def inv_3d__1(x: "4,4,4,4"):
    return np.sum(np.sin(np.linalg.inv(x)))


def solve_arg1__0(a: "8,8", B: "8,7"):
    return np.sum(np.sin(np.linalg.solve(a, B)))


def solve_arg1_1d__0(a: "8,8", B: "8"):
    return np.sum(np.sin(np.linalg.solve(a, B)))


def solve_arg2__0(b: "6,5", A: "6,6"):
    return np.sum(np.sin(np.linalg.solve(A, b)))


def solve_arg1_3d__0(A: "5,4,4", B: "5,4"):
    return np.sum(np.sin(np.linalg.solve(A, B[..., None])[..., 0]))


def solve_arg1_3d_3d__0(A: "5,4,4", B: "5,4,6"):
    return np.sum(np.sin(np.linalg.solve(A, B)))


def det__0(x: "6,6"):
    return np.linalg.det(x)


def det_3d__0(x: "3,3,3"):
    return np.sum(np.sin(np.linalg.det(x)))


def slogdet__0(x: "6,6"):
    _sign, logdet = np.linalg.slogdet(x)
    return logdet


# upstream passes -mat
def slogdet__1(x: "6,6"):
    _sign, logdet = np.linalg.slogdet(-x)
    return logdet


def slogdet_3d__0(x: "3,5,5"):
    return np.sum(np.linalg.slogdet(x)[1])


def vector_2norm__0(x: "6"):
    return np.linalg.norm(x)


def norm_list_of_boxes__0(x: "scalar"):
    return np.linalg.norm([x, x + 2])


def norm_list_of_boxes__1(x: "scalar"):
    return np.linalg.norm((x, x + 2))


def vector_2norm_complex__0(x: "6"):
    return np.linalg.norm(x)


def frobenius_norm__0(x: "6,5"):
    return np.linalg.norm(x)


def frobenius_norm_complex__0(x: "6,5"):
    return np.linalg.norm(x)


def frobenius_norm_axis__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=(0, 1))))


def frobenius_norm_axis_complex__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=(0, 1))))


def vector_norm_ord__0(x: "6"):
    return np.linalg.norm(x, ord=2)


def vector_norm_ord__1(x: "6"):
    return np.linalg.norm(x, ord=3)


def vector_norm_ord__2(x: "6"):
    return np.linalg.norm(x, ord=4)


def vector_norm_ord_complex__0(x: "6"):
    return np.linalg.norm(x, ord=2)


def vector_norm_ord_complex__1(x: "6"):
    return np.linalg.norm(x, ord=3)


def vector_norm_ord_complex__2(x: "6"):
    return np.linalg.norm(x, ord=4)


def norm_axis__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=0)))


def norm_axis__1(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=1)))


def norm_axis__2(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=2)))


def norm_axis_complex__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=0)))


def norm_axis_complex__1(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=1)))


def norm_axis_complex__2(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, axis=2)))


def norm_nuclear__0(x: "6,5"):
    return np.linalg.norm(x, ord="nuc")


def norm_nuclear_complex__0(x: "6,5"):
    return np.linalg.norm(x, ord="nuc")


def norm_nuclear_axis__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, ord="nuc", axis=(0, 1))))


def norm_nuclear_axis_complex__0(x: "6,5,4"):
    return np.sum(np.sin(np.linalg.norm(x, ord="nuc", axis=(0, 1))))


def eigvalh_lower__0(x: "6,6"):
    o0, o1 = np.linalg.eigh(x)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eigvalh_upper__0(x: "6,6"):
    o0, o1 = np.linalg.eigh(x, "U")
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eigvalh_lower_broadcasting__0(x: "2,3,6,6"):
    o0, o1 = np.linalg.eigh(x)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eigvalh_upper_broadcasting__0(x: "2,3,6,6"):
    o0, o1 = np.linalg.eigh(x, "U")
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eigvalh_lower_complex__0(x: "6,6"):
    w, v = np.linalg.eigh(x)
    o0, o1 = (w, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eigvalh_upper_complex__0(x: "6,6"):
    w, v = np.linalg.eigh(x, "U")
    o0, o1 = (w, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eig_real__0(x: "8,8"):
    w, v = np.linalg.eig(x)
    o0, o1 = (np.abs(w), np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eig_complex__0(x: "8,8"):
    w, v = np.linalg.eig(x)
    o0, o1 = (w, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def eig_batched__0(x: "5,8,8"):
    w, v = np.linalg.eig(x)
    o0, o1 = (w, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1))


def cholesky__0(A: "6,6"):
    L = np.tril(A)
    S = (L + L.T) / 2.0
    return np.sum(np.sin(np.linalg.cholesky(S)))


def cholesky_broadcast__0(A: "3,6,6"):
    L = np.tril(A)
    S = (L + np.swapaxes(L, -1, -2)) / 2.0
    return np.sum(np.sin(np.linalg.cholesky(S)))


def cholesky_reparameterization_trick__0(A: "6,6"):
    L = np.tril(A)
    S = (L + L.T) / 2.0
    rng = np.random.RandomState(0)
    z = np.dot(np.linalg.cholesky(S), rng.randn(S.shape[0]))
    return np.linalg.norm(z)


def svd_wide_2d__0(x: "3,5"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_wide_2d_complex__0(x: "3,5"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_wide_3d__0(x: "4,3,5"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_wide_3d_complex__0(x: "4,3,5"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_square_2d__0(x: "4,4"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_square_2d_complex__0(x: "4,4"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_square_3d__0(x: "3,4,4"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_square_3d_complex__0(x: "3,4,4"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_tall_2d__0(x: "5,3"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_tall_2d_complex__0(x: "5,3"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_tall_3d__0(x: "4,5,3"):
    o0, o1, o2 = np.linalg.svd(x, full_matrices=False)
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_tall_3d_complex__0(x: "4,5,3"):
    u, s, v = np.linalg.svd(x, full_matrices=False)
    o0, o1, o2 = (np.abs(u), s, np.abs(v))
    return np.sum(np.sin(o0)) + np.sum(np.sin(o1)) + np.sum(np.sin(o2))


def svd_only_s_2d__0(x: "5,3"):
    return np.sum(np.sin(np.linalg.svd(x, full_matrices=False, compute_uv=False)))


def svd_only_s_2d_complex__0(x: "5,3"):
    return np.sum(np.sin(np.linalg.svd(x, full_matrices=False, compute_uv=False)))


def svd_only_s_3d__0(x: "4,5,3"):
    return np.sum(np.sin(np.linalg.svd(x, full_matrices=False, compute_uv=False)))


def svd_only_s_3d_complex__0(x: "4,5,3"):
    return np.sum(np.sin(np.linalg.svd(x, full_matrices=False, compute_uv=False)))


# fmt: off
CASES = [
    ('inv__0', 'test_inv', [('matmat', (8, 8), 1.0)], None, False, 3591194713),
    ('pinv__0', 'test_pinv', [('normal', (5, 2))], None, False, 1714854147),
    ('pinv__1', 'test_pinv', [('normal', (2, 5, 2))], None, False, 288467349),
    ('pinv__2', 'test_pinv', [('normal', (5, 3))], None, False, 2285434927),
    ('pinv__3', 'test_pinv', [('normal', (2, 5, 3))], None, False, 4282370233),
    ('pinv__4', 'test_pinv', [('normal', (5, 4))], None, False, 1633377562),
    ('pinv__5', 'test_pinv', [('normal', (2, 5, 4))], None, False, 375156108),
    ('pinv__6', 'test_pinv', [('normal', (5, 5))], None, False, 2404727862),
    ('pinv__7', 'test_pinv', [('normal', (2, 5, 5))], None, False, 4166126752),
    ('pinv__8', 'test_pinv', [('normal', (5, 6))], None, False, 1760366897),
    ('pinv__9', 'test_pinv', [('normal', (2, 5, 6))], None, False, 535437735),
    ('pinv__10', 'test_pinv', [('normal', (5, 7))], None, False, 1957660995),
    ('pinv__11', 'test_pinv', [('normal', (2, 5, 7))], None, False, 61389269),
    ('pinv__12', 'test_pinv', [('normal', (5, 2))], None, False, 2594302063),
    ('pinv__13', 'test_pinv', [('normal', (2, 5, 2))], None, False, 3987134713),
    ('pinv__14', 'test_pinv', [('normal', (5, 3))], None, False, 1942113626),
    ('pinv__15', 'test_pinv', [('normal', (2, 5, 3))], None, False, 80051660),
    ('pinv__16', 'test_pinv', [('normal', (5, 4))], None, False, 2647403638),
    ('pinv__17', 'test_pinv', [('normal', (2, 5, 4))], None, False, 3939179744),
    ('pinv__18', 'test_pinv', [('normal', (5, 5))], None, False, 2054422897),
    ('pinv__19', 'test_pinv', [('normal', (2, 5, 5))], None, False, 225653223),
    ('pinv__20', 'test_pinv', [('normal', (5, 6))], None, False, 1602411136),
    ('pinv__21', 'test_pinv', [('normal', (2, 5, 6))], None, False, 679864854),
    ('pinv__22', 'test_pinv', [('normal', (5, 7))], None, False, 2978790316),
    ('pinv__23', 'test_pinv', [('normal', (2, 5, 7))], None, False, 3331033914),
    ('inv_3d__0', 'test_inv_3d', [('shift', (4, 4, 4), 5.0)], None, False, 3196743496),
    ('inv_3d__1', 'test_inv_3d', [('shift', (4, 4, 4, 4), 5.0)], None, False, 3381485534),
    ('solve_arg1__0', 'test_solve_arg1', [('shift', (8, 8), 10.0), ('normal', (8, 7))], ['a'], False, 520740554),
    ('solve_arg1_1d__0', 'test_solve_arg1_1d', [('shift', (8, 8), 10.0), ('normal', (8,))], ['a'], False, 459920333),
    ('solve_arg2__0', 'test_solve_arg2', [('normal', (6, 5)), ('shift', (6, 6), 1.0)], ['b'], False, 230453540),
    ('solve_arg1_3d__0', 'test_solve_arg1_3d', [('shift', (5, 4, 4), 5.0), ('normal', (5, 4))], ['A'], False, 1638498477),
    ('solve_arg1_3d_3d__0', 'test_solve_arg1_3d_3d', [('shift', (5, 4, 4), 5.0), ('normal', (5, 4, 6))], ['A'], False, 3739192900),
    ('det__0', 'test_det', [('normal', (6, 6))], None, False, 3075121693),
    ('det_3d__0', 'test_det_3d', [('normal', (3, 3, 3))], None, False, 2234549600),
    ('slogdet__0', 'test_slogdet', [('normal', (6, 6))], None, False, 3554486998),
    ('slogdet__1', 'test_slogdet', [('normal', (6, 6))], None, False, 2765756992),
    ('slogdet_3d__0', 'test_slogdet_3d', [('psd', (3, 5, 5), 5.0)], None, False, 2247878657),
    ('vector_2norm__0', 'test_vector_2norm', [('normal', (6,))], None, False, 874570227),
    ('norm_list_of_boxes__0', 'test_norm_list_of_boxes', [('value', 0.0)], None, False, 755677556),
    ('norm_list_of_boxes__1', 'test_norm_list_of_boxes', [('value', 0.0)], None, False, 1510836706),
    ('vector_2norm_complex__0', 'test_vector_2norm_complex', [('cnormal', (6,))], None, True, 1724601494),
    ('frobenius_norm__0', 'test_frobenius_norm', [('normal', (6, 5))], None, False, 4283243365),
    ('frobenius_norm_complex__0', 'test_frobenius_norm_complex', [('cnormal', (6, 5))], None, True, 1703233849),
    ('frobenius_norm_axis__0', 'test_frobenius_norm_axis', [('normal', (6, 5, 4))], None, False, 1902864549),
    ('frobenius_norm_axis_complex__0', 'test_frobenius_norm_axis_complex', [('cnormal', (6, 5, 4))], None, True, 494939232),
    ('vector_norm_ord__0', 'test_vector_norm_ord', [('normal', (6,))], None, False, 1796770970),
    ('vector_norm_ord__1', 'test_vector_norm_ord', [('normal', (6,))], None, False, 471841804),
    ('vector_norm_ord__2', 'test_vector_norm_ord', [('normal', (6,))], None, False, 2232872374),
    ('vector_norm_ord_complex__0', 'test_vector_norm_ord_complex', [('cnormal', (6,))], None, True, 291774457),
    ('vector_norm_ord_complex__1', 'test_vector_norm_ord_complex', [('cnormal', (6,))], None, True, 1717776239),
    ('vector_norm_ord_complex__2', 'test_vector_norm_ord_complex', [('cnormal', (6,))], None, True, 4285169365),
    ('norm_axis__0', 'test_norm_axis', [('normal', (6, 5, 4))], None, False, 3337972593),
    ('norm_axis__1', 'test_norm_axis', [('normal', (6, 5, 4))], None, False, 2985450471),
    ('norm_axis__2', 'test_norm_axis', [('normal', (6, 5, 4))], None, False, 687540829),
    ('norm_axis_complex__0', 'test_norm_axis_complex', [('cnormal', (6, 5, 4))], None, True, 733277484),
    ('norm_axis_complex__1', 'test_norm_axis_complex', [('cnormal', (6, 5, 4))], None, True, 1555291578),
    ('norm_axis_complex__2', 'test_norm_axis_complex', [('cnormal', (6, 5, 4))], None, True, 3317337088),
    ('norm_nuclear__0', 'test_norm_nuclear', [('normal', (6, 5))], None, False, 390695257),
    ('norm_nuclear_complex__0', 'test_norm_nuclear_complex', [('cnormal', (6, 5))], None, True, 1283827222),
    ('norm_nuclear_axis__0', 'test_norm_nuclear_axis', [('normal', (6, 5, 4))], None, False, 2472396085),
    ('norm_nuclear_axis_complex__0', 'test_norm_nuclear_axis_complex', [('cnormal', (6, 5, 4))], None, True, 2487966256),
    ('eigvalh_lower__0', 'test_eigvalh_lower', [('normal', (6, 6))], None, False, 2208717659),
    ('eigvalh_upper__0', 'test_eigvalh_upper', [('normal', (6, 6))], None, False, 1824632260),
    ('eigvalh_lower_broadcasting__0', 'test_eigvalh_lower_broadcasting', [('gram', (2, 3, 6, 6), 10.0)], None, False, 3389116429),
    ('eigvalh_upper_broadcasting__0', 'test_eigvalh_upper_broadcasting', [('gram', (2, 3, 6, 6), 10.0)], None, False, 3987347526),
    ('eigvalh_lower_complex__0', 'test_eigvalh_lower_complex', [('cnormal', (6, 6))], None, True, 4050164608),
    ('eigvalh_upper_complex__0', 'test_eigvalh_upper_complex', [('cnormal', (6, 6))], None, True, 3205717458),
    ('eig_real__0', 'test_eig_real', [('normal', (8, 8))], None, False, 2060962775),
    ('eig_complex__0', 'test_eig_complex', [('cnormal', (8, 8))], None, True, 2791869918),
    ('eig_batched__0', 'test_eig_batched', [('cnormal', (5, 8, 8))], None, True, 905198352),
    ('cholesky__0', 'test_cholesky', [('psd', (6, 6), 0.0)], None, False, 2545639654),
    ('cholesky_broadcast__0', 'test_cholesky_broadcast', [('psd', (3, 6, 6), 0.0)], None, False, 1087560401),
    ('cholesky_reparameterization_trick__0', 'test_cholesky_reparameterization_trick', [('psd', (6, 6), 0.0)], None, False, 1110549904),
    ('svd_wide_2d__0', 'test_svd_wide_2d', [('normal', (3, 5))], None, False, 3105170878),
    ('svd_wide_2d_complex__0', 'test_svd_wide_2d_complex', [('cnormal', (3, 5))], None, True, 4055947791),
    ('svd_wide_3d__0', 'test_svd_wide_3d', [('normal', (4, 3, 5))], None, False, 2222263310),
    ('svd_wide_3d_complex__0', 'test_svd_wide_3d_complex', [('cnormal', (4, 3, 5))], None, True, 743834506),
    ('svd_square_2d__0', 'test_svd_square_2d', [('normal', (4, 4))], None, False, 107822870),
    ('svd_square_2d_complex__0', 'test_svd_square_2d_complex', [('cnormal', (4, 4))], None, True, 1042347487),
    ('svd_square_3d__0', 'test_svd_square_3d', [('normal', (3, 4, 4))], None, False, 990713510),
    ('svd_square_3d_complex__0', 'test_svd_square_3d_complex', [('cnormal', (3, 4, 4))], None, True, 3820366938),
    ('svd_tall_2d__0', 'test_svd_tall_2d', [('normal', (5, 3))], None, False, 2944885443),
    ('svd_tall_2d_complex__0', 'test_svd_tall_2d_complex', [('cnormal', (5, 3))], None, True, 4164403411),
    ('svd_tall_3d__0', 'test_svd_tall_3d', [('normal', (4, 5, 3))], None, False, 2464631667),
    ('svd_tall_3d_complex__0', 'test_svd_tall_3d_complex', [('cnormal', (4, 5, 3))], None, True, 631314774),
    ('svd_only_s_2d__0', 'test_svd_only_s_2d', [('normal', (5, 3))], None, False, 2561620830),
    ('svd_only_s_2d_complex__0', 'test_svd_only_s_2d_complex', [('cnormal', (5, 3))], None, True, 33631834),
    ('svd_only_s_3d__0', 'test_svd_only_s_3d', [('normal', (4, 5, 3))], None, False, 2781811438),
    ('svd_only_s_3d_complex__0', 'test_svd_only_s_3d_complex', [('cnormal', (4, 5, 3))], None, True, 3751278559),
]
# fmt: on
