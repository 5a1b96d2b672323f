"""The generated module's prelude: small helpers chosen once at import, SciPy's LAPACK
wrappers when `scipy.linalg` imports and NumPy alone otherwise (the default backend).

An op whose spelling calls a helper names it in `Rule.prelude`; codegen writes the guard
and the helpers the emitted code uses, in this order, after the imports. Each helper has a
NumPy fallback with the same contract, so the module runs wherever NumPy does.
"""

from __future__ import annotations

# the one guarded import: a module-level name every helper below tests once, at import
GUARD = '''\
try:  # SciPy's LAPACK wrappers when SciPy is installed, else the NumPy fallbacks below
    import scipy.linalg as _scipy_linalg
except ImportError:
    _scipy_linalg = None
'''

HELPERS: dict[str, str] = {
    # op(a)⁻¹ b for a triangular a: LAPACK trtrs (n² per column) instead of a general LU
    # solve (n³ to factor a first); check_finite=False as NumPy does not check either
    "_solve_triangular": '''\
if _scipy_linalg is not None:

    def _solve_triangular(a, b, lower, trans):
        """op(a)⁻¹ b for triangular a (op(a) = aᵀ when trans = 1): LAPACK trtrs."""
        if not a.flags.f_contiguous:  # aᵀ is LAPACK's column-major a: no copy of a
            a, lower, trans = a.T, not lower, 1 - trans
        return _scipy_linalg.solve_triangular(
            a, b, trans=trans, lower=lower, check_finite=False
        )

else:

    def _solve_triangular(a, b, lower, trans):
        """op(a)⁻¹ b for triangular a (op(a) = aᵀ when trans = 1): a general solve."""
        return np.linalg.solve(a.T if trans else a, b)
''',
}

# the module-level names the prelude defines (codegen never gives them to a variable)
NAMES = ("_scipy_linalg", *HELPERS)


def prelude(names: set[str]) -> list[str]:
    """The guard and the named helpers, in HELPERS order (deterministic output)."""
    if not names:
        return []
    return [GUARD] + [text for name, text in HELPERS.items() if name in names]
