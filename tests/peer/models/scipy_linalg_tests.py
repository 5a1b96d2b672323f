"""Gradient cases ported from HIPS/autograd tests/test_scipy.py (its `## Linalg` part: scipy.linalg) at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_scipy.py, the scipy.linalg part (sqrtm, solve_sylvester, solve_banded).

Each case is one plain NumPy function: the upstream function under test, applied
to parameters annotated with the shapes of upstream's example arrays. A non-scalar
result y is reduced to the scalar sum(sin(y)) (each output of a tuple or list
likewise, summed), so that the gradient is a vector-Jacobian product with a
data-dependent cotangent cos(y), as upstream's check_grads uses a random one.
Upstream constants the function closes over are parameters left out of `wrt`.

CASES is the machine-readable table read by tests/peer/run.py:
(name, upstream test, [input spec per parameter], wrt or None for all, complex, seed).
Input specs (drawn by run.py's `draw` with numpy.random.default_rng(seed)):
  ("normal", shape)  ("uniform", shape, lo, hi)  ("value", v)
  ("square", shape, a, b) = randn**2 * a + b   ("shift", shape, c) = randn + c*I
  ("matmat", shape, c) = M @ M + c*I   ("psd", shape, c) = M @ M.T + c*I
  ("gram", shape, c) = (M + c*I) @ (M + c*I).T
  ("cnormal", shape)  ("cuniform", shape, lo, hi)  ("cvalue", re, im): complex inputs
"""

import numpy as np
import scipy.linalg


# upstream's first test_sqrtm (shadowed by the second, so never run upstream)
def sqrtm__0(x: "3,3"):
    return np.sum(np.sin(scipy.linalg.sqrtm(x)))


def sqrtm__1(x: "3,3"):
    S = 0.5 * (x + x.T)
    return np.sum(np.sin(scipy.linalg.sqrtm(S)))


def solve_sylvester__0(x: "3,3", y: "3,3", z: "3,3"):
    return np.sum(np.sin(scipy.linalg.solve_sylvester(x, y, z)))


def solve_banded__0(x: "3,5", y: "5"):
    return np.sum(np.sin(scipy.linalg.solve_banded((1, 1), x, y)))


# fmt: off
CASES = [
    ('sqrtm__0', 'test_sqrtm', [('normal', (3, 3))], None, False, 2066107982),
    ('sqrtm__1', 'test_sqrtm', [('normal', (3, 3))], None, False, 203521752),
    ('solve_sylvester__0', 'test_solve_sylvester', [('normal', (3, 3)), ('normal', (3, 3)), ('normal', (3, 3))], None, False, 1850352149),
    ('solve_banded__0', 'test_solve_banded', [('normal', (3, 5)), ('normal', (5,))], None, False, 1813501401),
]
# fmt: on
