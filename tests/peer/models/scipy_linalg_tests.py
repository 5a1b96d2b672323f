"""Gradient cases ported from HIPS/autograd tests/test_scipy.py (its `## Linalg` part: scipy.linalg) at commit
bff107b8d71a444a1160deade3e1cbd0b92f4fa6
(https://github.com/HIPS/autograd, MIT licence; see tests/peer/README.md).

tests/test_scipy.py, the scipy.linalg part (sqrtm, solve_sylvester, solve_banded).

Each case is one plain NumPy function, ported as tests/peer/README.md describes; CASES is
the table tests/peer/run.py reads, its input specs listed in run.py's `draw`.
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
