"""The generated module's prelude: small helpers chosen once at import, SciPy's LAPACK
wrappers when `scipy.linalg` imports and NumPy alone otherwise (the default backend).

An op whose spelling calls a helper names it in `Rule.prelude`; codegen writes the guard
and the helpers the emitted code uses, in this order, after the imports. Each helper has a
NumPy fallback with the same contract, so the module runs wherever NumPy does.
"""

from __future__ import annotations

# the one guarded import: a module-level name every helper below tests once, at import
GUARD = """\
try:  # SciPy's LAPACK wrappers when SciPy is installed, else the NumPy fallbacks below
    import scipy.linalg as _scipy_linalg
except ImportError:
    _scipy_linalg = None
"""


def _guarded(scipy: str, numpy: str) -> str:
    """The definitions `scipy` (indented as in the module) when the guarded import found
    SciPy, else `numpy`: the same functions with the same contract."""
    return f"if _scipy_linalg is not None:\n\n{scipy}\nelse:\n\n{numpy}"


HELPERS: dict[str, str] = {
    # op(a)⁻¹ b for a triangular a: LAPACK trtrs (n² per column) instead of a general LU
    # solve (n³ to factor a first); check_finite=False as NumPy does not check either. Up to
    # 8×8 NumPy's solve is faster: SciPy's wrapper costs 8-16 µs a call against NumPy's
    # 4-9 µs at n = 2, 4, 8 (one thread, this project's bench machine, 2026-11-30)
    "_solve_triangular": _guarded(
        '''\
    def _solve_triangular(a, b, lower, trans):
        """op(a)⁻¹ b for triangular a (op(a) = aᵀ when trans = 1): LAPACK trtrs."""
        if a.shape[0] <= 8:  # small: SciPy's call overhead outweighs the n³ of an LU
            return np.linalg.solve(a.T if trans else a, b)
        if not a.flags.f_contiguous:  # aᵀ is LAPACK's column-major a: no copy of a
            a, lower, trans = a.T, not lower, 1 - trans
        return _scipy_linalg.solve_triangular(
            a, b, trans=trans, lower=lower, check_finite=False
        )
''',
        '''\
    def _solve_triangular(a, b, lower, trans):
        """op(a)⁻¹ b for triangular a (op(a) = aᵀ when trans = 1): a general solve."""
        return np.linalg.solve(a.T if trans else a, b)
''',
    ),
    # one factorization per matrix, shared by its solves, inverse and log-determinant. With
    # NumPy alone the "factor" is the matrix itself and each use is NumPy's own routine, so
    # the module is never slower than with --backend numpy.
    "_cho_factor": _guarded(
        '''\
    def _cho_factor(a):
        """The lower Cholesky factor of a symmetric positive definite a (LAPACK potrf)."""
        return _scipy_linalg.cho_factor(a, lower=True, check_finite=False)
''',
        '''\
    def _cho_factor(a):
        """NumPy alone: a itself, factored again by each use."""
        return a, True
''',
    ),
    # the factor of K when its lower Cholesky factor L is computed already (by the model)
    "_cho_of": _guarded(
        '''\
    def _cho_of(lower, a):
        """The Cholesky factor of a, given its lower factor: (lower, True)."""
        return lower, True
''',
        '''\
    def _cho_of(lower, a):
        """NumPy alone: a itself, factored again by each use."""
        return a, True
''',
    ),
    "_cho_solve": _guarded(
        '''\
    def _cho_solve(c, b):
        """a⁻¹ b from the Cholesky factor c of a (LAPACK potrs)."""
        return _scipy_linalg.cho_solve(c, b, check_finite=False)
''',
        '''\
    def _cho_solve(c, b):
        """a⁻¹ b (NumPy's LU solve)."""
        return np.linalg.solve(c[0], b)
''',
    ),
    # potri (n³/3 + n³/3 flops against 2n³ for two triangular solves with I), its lower
    # triangle mirrored block by block; the transpose of its Fortran-order array is C order
    "_cho_inv": _guarded(
        '''\
    def _cho_inv(c):
        """a⁻¹ from the Cholesky factor c of a (LAPACK potri), symmetric, in C order."""
        inv, info = _scipy_linalg.lapack.dpotri(c[0], lower=1)
        if info != 0:
            raise np.linalg.LinAlgError(f"potri failed (info={info})")
        n = inv.shape[0]
        for i in range(0, n, 64):
            j = min(i + 64, n)
            inv[i:j, j:] = inv[j:, i:j].T
            d = inv[i:j, i:j]
            d[...] = np.tril(d) + np.tril(d, -1).T
        return inv.T
''',
        '''\
    def _cho_inv(c):
        """a⁻¹ (NumPy's inverse)."""
        return np.linalg.inv(c[0])
''',
    ),
    "_cho_logdet": _guarded(
        '''\
    def _cho_logdet(c):
        """log det a from the Cholesky factor c of a: 2 Σ log diag."""
        return 2.0 * np.sum(np.log(np.diagonal(c[0])))
''',
        '''\
    def _cho_logdet(c):
        """log |det a| (NumPy's slogdet)."""
        return np.linalg.slogdet(c[0])[1]
''',
    ),
    "_lu_factor": _guarded(
        '''\
    def _lu_factor(a):
        """The LU factors of a with its pivots (LAPACK getrf)."""
        return _scipy_linalg.lu_factor(a, check_finite=False)
''',
        '''\
    def _lu_factor(a):
        """NumPy alone: a itself, factored again by each use."""
        return a, None
''',
    ),
    "_lu_solve": _guarded(
        '''\
    def _lu_solve(lu, b, trans):
        """op(a)⁻¹ b from the LU factors of a (op(a) = aᵀ when trans = 1; LAPACK getrs)."""
        return _scipy_linalg.lu_solve(lu, b, trans=trans, check_finite=False)
''',
        '''\
    def _lu_solve(lu, b, trans):
        """op(a)⁻¹ b (NumPy's LU solve)."""
        return np.linalg.solve(lu[0].T if trans else lu[0], b)
''',
    ),
    "_lu_logdet": _guarded(
        '''\
    def _lu_logdet(lu):
        """log |det a| from the LU factors of a: Σ log |diag U|."""
        return np.sum(np.log(np.abs(np.diagonal(lu[0]))))
''',
        '''\
    def _lu_logdet(lu):
        """log |det a| (NumPy's slogdet)."""
        return np.linalg.slogdet(lu[0])[1]
''',
    ),
    # a symmetric matrix not known to be positive definite (a kernel matrix plus noise): its
    # Cholesky factor when potrf succeeds at run time, else its LU factors (both exact)
    "_sym_factor": _guarded(
        '''\
    def _sym_factor(a):
        """(True, Cholesky factor) of a symmetric a when it is positive definite, else
        (False, its LU factors)."""
        try:
            return True, _scipy_linalg.cho_factor(a, lower=True, check_finite=False)
        except np.linalg.LinAlgError:
            return False, _scipy_linalg.lu_factor(a, check_finite=False)

    def _sym_solve(f, b):
        """a⁻¹ b from _sym_factor(a)."""
        if f[0]:
            return _scipy_linalg.cho_solve(f[1], b, check_finite=False)
        return _scipy_linalg.lu_solve(f[1], b, check_finite=False)

    def _sym_inv(f):
        """a⁻¹ from _sym_factor(a)."""
        if f[0]:
            return _cho_inv(f[1])
        eye = np.eye(f[1][0].shape[0])
        return _scipy_linalg.lu_solve(f[1], eye, check_finite=False)

    def _sym_logdet(f):
        """log |det a| from _sym_factor(a)."""
        d = np.diagonal(f[1][0])
        return 2.0 * np.sum(np.log(d)) if f[0] else np.sum(np.log(np.abs(d)))
''',
        '''\
    def _sym_factor(a):
        """NumPy alone: a itself, factored again by each use."""
        return False, a

    def _sym_solve(f, b):
        """a⁻¹ b (NumPy's LU solve)."""
        return np.linalg.solve(f[1], b)

    def _sym_inv(f):
        """a⁻¹ (NumPy's inverse)."""
        return np.linalg.inv(f[1])

    def _sym_logdet(f):
        """log |det a| (NumPy's slogdet)."""
        return np.linalg.slogdet(f[1])[1]
''',
    ),
}

# the module-level names the prelude defines (codegen never gives them to a variable)
NAMES = ("_scipy_linalg", *HELPERS, "_sym_solve", "_sym_inv", "_sym_logdet")


def prelude(names: set[str]) -> list[str]:
    """The guard and the named helpers, in HELPERS order (deterministic output)."""
    if not names:
        return []
    return [GUARD] + [text for name, text in HELPERS.items() if name in names]
