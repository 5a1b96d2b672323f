"""scipy.linalg, used exactly when the model imports it (the generated module then imports
scipy.linalg too): matrix functions, Sylvester and triangular solves, Cholesky and LU factors
(also made by `--backend scipy` after differentiation, to share one factor per matrix).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..forms import Compose, Frechet, Inv, Kron, LowerSym, Sylvester, Triangle, chain
from ..ir import GENERAL, LOWER, SPD, SYMMETRIC, UPPER, Value, reachable
from ..rewrite import rebuild
from .base import (
    MUL,
    Rule,
    function,
    need,
    real_matrix_function,
    same_square,
    scalar,
    square,
    unsupported,
)
from .linalg import _solve, cholesky_input, scaled_identity


def _sylvester(g, args, attrs):
    a, b, q = args
    need(q.rank == 2, g, "scipy.linalg.solve_sylvester needs a matrix right-hand side")
    square(g, a, "scipy.linalg.solve_sylvester")
    square(g, b, "scipy.linalg.solve_sylvester")
    g.unify(a.shape[0], q.shape[0], "scipy.linalg.solve_sylvester", (a, q))
    g.unify(b.shape[0], q.shape[1], "scipy.linalg.solve_sylvester", (b, q))
    return q.shape, GENERAL


def _frechet(g, args, attrs):
    a, e = args
    need(e.rank == 2, g, "scipy.linalg.expm_frechet needs a matrix direction")
    square(g, a, "scipy.linalg.expm_frechet")
    g.unify(a.shape[0], e.shape[0], "scipy.linalg.expm_frechet", (a, e))
    g.unify(a.shape[1], e.shape[1], "scipy.linalg.expm_frechet", (a, e))
    return a.shape, GENERAL


def _solve_triangular(g, args, attrs):
    return _solve(g, args, attrs, "scipy.linalg.solve_triangular")


def _factor(g, args, attrs):
    square(g, args[0], "scipy.linalg.cho_factor")
    return args[0].shape, GENERAL


def _cho_solve(g, args, attrs):
    return _solve(g, args[1:], attrs, "scipy.linalg.cho_solve")


def _solve_tri_forms():
    def da(g, y, a, b):
        lower = y.attr("lower")
        return chain(
            Kron(Inv(a, lower=lower), None),
            Kron(None, g.op("neg", y)),
            Triangle(0, upper=not lower),
        )

    def db(g, y, a, b):
        return Kron(Inv(a, lower=y.attr("lower")), None)

    return (da, db)


def _cho_solve_forms():
    def ds(g, y, c, a, b):
        # cho_factor reads one triangle: dY = −S⁻¹ sym(dS) Y; sym(dS) = dS when S is
        # symmetric by structure (every direction it moves in is symmetric)
        inv = Inv(a, chol=c)
        if a.is_symmetric:
            return Compose(Kron(inv, None), Kron(None, g.op("neg", y)))
        return chain(
            Kron(inv, None),
            Kron(None, g.op("neg", y)),
            LowerSym(upper=not c.attr("lower")),
        )

    def db(g, y, c, a, b):
        return Kron(Inv(a, chol=c), None)

    return (None, ds, db)


def _cholesky_solve(g, args, attrs, shape):
    """Lᵀ \\ (L \\ b) = K⁻¹ b for L = cholesky(K), K symmetric by structure (what the frontend
    makes of cho_solve((L, True), b)): SciPy's cho_solve with the factor L, differentiated
    through K (the Inv form with that factor: two triangular solves per adjoint) instead of
    through L (Murray's algorithm). L stays computed, so a K that is not positive definite
    still raises LinAlgError where the model does."""
    u, z = args
    if attrs["lower"] or attrs["trans"] or u.op != "transpose":
        return None
    L = u.args[0]
    if z.op != "solve_triangular" or z.args[0] is not L or not z.attr("lower") or z.attr("trans"):
        return None
    K = cholesky_input(L)
    if K is None:
        return None
    return g.op("cho_solve", g.op("cho_pair", L, K), K, z.args[1])


def _sylvester_forms():
    # A X + X B = Q:  dX = Sylv(A, B)[dQ − dA X − X dB]
    def da(g, y, a, b, q):
        return Compose(Sylvester(a, b), Kron(None, g.op("neg", y)))

    def db(g, y, a, b, q):
        return Compose(Sylvester(a, b), Kron(g.op("neg", y), None))

    def dq(g, y, a, b, q):
        return Sylvester(a, b)

    return (da, db, dq)


# the ops a shared factorization is spelled with: SciPy's own (--backend scipy), or the
# prelude's helpers (the default backend: LAPACK when SciPy imports, NumPy otherwise)
SCIPY_FACTOR_OPS = {
    "cho_factor": "cho_factor",
    "cho_logdet": "cho_logdet",
    "cho_inv": "cho_inv",
    "cho_solve": "cho_solve",
    "tri_solve": "solve_triangular",
    "lu_factor": "lu_factor",
    "lu_logdet": "lu_logdet",
    "lu_solve": "lu_solve",
    "cho_of": "cho_pair",
}
AUTO_FACTOR_OPS = {k: "auto_" + k for k in SCIPY_FACTOR_OPS} | {"tri_solve": "tri_solve"}
# symmetric, not known positive definite: Cholesky when it succeeds at run time, else LU
AUTO_FACTOR_OPS |= {k: "auto_" + k for k in ("sym_factor", "sym_logdet", "sym_inv", "sym_solve")}


def scipy_factorizations(g, roots: list[Value]) -> tuple[list[Value], bool]:
    """--backend scipy: one factorization per matrix, shared by its solves (with A and Aᵀ),
    inverse and log-determinant: Cholesky (cho_factor) for a matrix declared spd, LU
    (lu_factor) for a general one used more than once, and triangular solves for triangular
    matrices (Cholesky factors)."""
    return _factorizations(g, roots, SCIPY_FACTOR_OPS)


def auto_factorizations(g, roots: list[Value]) -> tuple[list[Value], bool]:
    """The default backend: the same sharing through the prelude's helpers, which use
    LAPACK when SciPy imports at run time and NumPy alone otherwise; SciPy's own ops when the
    model imports scipy.linalg anyway."""
    direct = any("scipy.linalg" in g.table[v.op].imports for v in reachable(roots))
    return _factorizations(g, roots, SCIPY_FACTOR_OPS if direct else AUTO_FACTOR_OPS, 2)


def _factorizations(
    g, roots: list[Value], ops: dict[str, str], spd_uses: int = 1
) -> tuple[list[Value], bool]:
    """spd_uses: how many of inv/solve/logdet an spd matrix needs before it gets a Cholesky
    factor (2 for the default backend: a lone log-determinant or inverse is as fast through
    NumPy's LU with single-threaded OpenBLAS, bench/problems.py `_logdet_spd`)."""
    values = reachable(roots)
    factored = ("inv", "solve", "logdet")

    def base(a: Value) -> tuple[Value, bool]:
        return (a.args[0], True) if a.op == "transpose" else (a, False)

    # slogdet's sign is wanted too: NumPy's one slogdet call gives both (no factor for it)
    signed = {base(v.args[0])[0].id for v in values if v.op == "slogdet_sign"}
    uses_of: dict[int, int] = {}
    for v in values:
        if v.op in factored and not (v.op == "logdet" and base(v.args[0])[0].id in signed):
            m, _ = base(v.args[0])
            uses_of[m.id] = uses_of.get(m.id, 0) + 1

    def eye(m: Value) -> Value:
        return g.op("eye", dim=g.find(m.shape[0]))

    def rewrite(g, v, args, count, new):
        if v.op == "cholesky_inv":  # K⁻¹ from the factor L the model computes: potri
            L, K = args
            return g.op(ops["cho_inv"], g.op(ops["cho_of"], L, K))
        if v.op == "cholesky_solve":  # K⁻¹ b from L: two triangular solves (potrs)
            L, K, b = args
            return g.op(ops["cho_solve"], g.op(ops["cho_of"], L, K), K, b)
        if v.op not in factored:
            return None
        m, transposed = base(args[0])
        old_m, _ = base(v.args[0])
        if v.op == "logdet" and old_m.id in signed:
            return None
        rhs = args[1] if v.op == "solve" else eye(m)
        scale, identity = scaled_identity(rhs)
        if identity and scale is not None:  # solve(A, c I) = c A⁻¹, one inverse shared
            inverse = rewrite(g, g.op("inv", v.args[0]), [args[0]], count, new)
            return g.op("mul", scale, inverse if inverse is not None else g.op("inv", args[0]))

        if m.struct == SPD and uses_of.get(old_m.id, 0) >= spd_uses:
            c = g.op(ops["cho_factor"], m, lower=True)
            if v.op == "logdet":
                return g.op(ops["cho_logdet"], c)
            if v.op == "inv" or identity:
                return g.op(ops["cho_inv"], c)
            return g.op(ops["cho_solve"], c, m, rhs)
        if m.struct in (LOWER, UPPER) and v.op != "logdet":
            return g.op(
                ops["tri_solve"],
                m,
                rhs,
                lower=m.struct == LOWER,
                trans=int(transposed),
            )
        if m.struct == SYMMETRIC and "sym_factor" in ops and uses_of.get(old_m.id, 0) >= 2:
            f = g.op(ops["sym_factor"], m)
            if v.op == "logdet":
                return g.op(ops["sym_logdet"], f)
            if v.op == "inv" or identity:
                return g.op(ops["sym_inv"], f)
            return g.op(ops["sym_solve"], f, rhs)
        if uses_of.get(old_m.id, 0) >= 2:
            lu = g.op(ops["lu_factor"], m)
            if v.op == "logdet":
                return g.op(ops["lu_logdet"], lu)
            return g.op(ops["lu_solve"], lu, rhs, trans=int(transposed))
        return None

    return rebuild(g, roots, rewrite)


def _factor_of(g, args, attrs):
    """A factor of K given its lower Cholesky factor L: (L, True) or _cho_of(L, K)."""
    return args[1].shape, GENERAL


def _like_rhs(g, args, attrs):
    """A solve's result: the right-hand side's shape."""
    return args[1].shape, GENERAL


def _symmetric_like(g, args, attrs):
    """An inverse from a factor of a symmetric matrix: its shape, symmetric."""
    return args[0].shape, SYMMETRIC


def _helper(call: str, shape, derivs: tuple = (), blocks: tuple[str, ...] = (), **options):
    """The op spelled as a call of one of the prelude's helpers (prelude.py); `blocks` are
    the helper blocks the module then needs, when not the called one's own."""
    return Rule(call, shape, derivs, prelude=blocks or (call.split("(")[0],), **options)


SCIPY = ("scipy.linalg",)
RULES: dict[str, Rule] = {
    "expm": function(
        "scipy.linalg.expm",
        same_square("scipy.linalg.expm"),
        (lambda g, y, a: Frechet("expm", a),),
        ref="Al-Mohy & Higham (2009), the Fréchet derivative; adjoint L(Aᵀ, ·)",
    ),
    "expm_frechet": Rule(
        "scipy.linalg.expm_frechet({0}, {1}, compute_expm=False)",
        _frechet,
        (
            unsupported("the second derivative of scipy.linalg.expm"),
            lambda g, y, a, e: Frechet("expm", a),
        ),
        imports=SCIPY,
    ),
    # SciPy gives a complex root for a real matrix with negative eigenvalues: a clear error
    # here (the model is real), its real part when the imaginary part is only rounding
    "sqrtm": real_matrix_function(
        "scipy.linalg.sqrtm",
        lambda g, y, a: Sylvester(y, y),
        scale="np.abs({out}).max()",
        what="square root",
        ref="dY Y + Y dY = dA: a Sylvester equation (Higham, Functions of Matrices, 6.1)",
    ),
    "sylvester": function("scipy.linalg.solve_sylvester", _sylvester, _sylvester_forms()),
    "solve_triangular": Rule(
        "scipy.linalg.solve_triangular({0}, {1}, trans={trans}, lower={lower})",
        _solve_triangular,
        _solve_tri_forms(),
        imports=SCIPY,
        requires=("invertible", None),
        simplify=_cholesky_solve,
    ),
    # the default backend's triangular solve: LAPACK through SciPy when it imports at run
    # time, a general NumPy solve otherwise (prelude.py); made after differentiation
    "tri_solve": _helper(
        "_solve_triangular({0}, {1}, lower={lower}, trans={trans})",
        _solve_triangular,
        requires=("invertible", None),
    ),
    # the same factorizations for the default backend, through the prelude's helpers
    "auto_lu_factor": _helper("_lu_factor({0})", _factor, (None,), requires=("invertible",)),
    "auto_lu_solve": _helper("_lu_solve({0}, {1}, trans={trans})", _like_rhs),
    "auto_lu_logdet": _helper("_lu_logdet({0})", scalar),
    "auto_cho_factor": _helper("_cho_factor({0})", _factor, (None,), requires=("spd",)),
    "auto_cho_solve": _helper("_cho_solve({0}, {2})", _cho_solve),
    "auto_cho_inv": _helper("_cho_inv({0})", _symmetric_like),
    "auto_cho_logdet": _helper("_cho_logdet({0})", scalar),
    # _cho_factor(K) when K's lower factor L is computed already: (L, True) with SciPy, (K,
    # True) for the NumPy fallbacks, which take the matrix itself
    "auto_cho_of": _helper("_cho_of({0}, {1})", _factor_of),
    "auto_sym_factor": _helper("_sym_factor({0})", _factor, (None,), requires=("invertible",)),
    # _sym_factor's block of the prelude defines _sym_solve, _sym_inv and _sym_logdet
    "auto_sym_solve": _helper("_sym_solve({0}, {1})", _like_rhs, blocks=("_sym_factor",)),
    "auto_sym_inv": _helper("_sym_inv({0})", _symmetric_like, blocks=("_sym_factor", "_cho_inv")),
    "auto_sym_logdet": _helper("_sym_logdet({0})", scalar, blocks=("_sym_factor",)),
    # made by --backend scipy after differentiation (never differentiated themselves):
    # one LU or Cholesky factorization per matrix, shared by solves, inverse and log det
    "lu_factor": Rule("scipy.linalg.lu_factor({0})", _factor, imports=SCIPY),
    "lu_solve": Rule("scipy.linalg.lu_solve({0}, {1}, trans={trans})", _like_rhs, imports=SCIPY),
    "lu_logdet": Rule("np.sum(np.log(np.abs(np.diag({0}[0]))))", scalar),
    # A⁻¹ from a Cholesky factor (LAPACK potri, about half a solve against I), mirrored
    "cho_inv": Rule(
        "{out}, _ = scipy.linalg.lapack.dpotri({0}[0], lower={0}[1])\n"
        "{out} = np.tril({out}) + np.tril({out}, -1).T",
        _symmetric_like,
        statements=True,
        imports=SCIPY,
    ),
    "cho_logdet": Rule("2 * np.sum(np.log(np.diag({0}[0])))", scalar, prec=MUL),
    # the (factor, lower) pair SciPy's cho_solve and potri take, of a lower Cholesky factor L
    # the model computes (np.linalg.cholesky zeroes the upper triangle)
    "cho_pair": Rule("({0}, True)", _factor_of, (None, None), requires=("invertible", "spd")),
    "cho_factor": Rule(
        "scipy.linalg.cho_factor({0}, lower={lower})",
        _factor,
        (None,),
        imports=SCIPY,
        requires=("spd",),
    ),
    "cho_solve": Rule(
        "scipy.linalg.cho_solve({0}, {2})",
        _cho_solve,
        _cho_solve_forms(),
        imports=SCIPY,
    ),
}


# -- the frontend's calls --------------------------------------------------------------
@dataclass(frozen=True)
class ChoFactor:
    """What scipy.linalg.cho_factor returns: the factor's value and the matrix it factors."""

    factor: Value
    matrix: Value


def _solve_triangular_call(b, node, a, y, lower=False, trans=0, unit_diagonal=False):
    if trans not in (0, "N") or unit_diagonal:
        raise b.err("scipy.linalg.solve_triangular supports lower= only (trans=0)", node)
    return b.g.op("solve_triangular", a, y, lower=bool(lower), trans=0)


def _cho_factor_call(b, node, x, lower=False):
    return (ChoFactor(b.g.op("cho_factor", x, lower=bool(lower)), x), bool(lower))


def _cho_solve_call(b, node, cf, y):
    if isinstance(cf, tuple) and cf and isinstance(cf[0], ChoFactor):
        cf = cf[0]
    if not isinstance(cf, ChoFactor):
        raise b.err("scipy.linalg.cho_solve needs the result of scipy.linalg.cho_factor", node)
    return b.g.op("cho_solve", cf.factor, cf.matrix, y)


CALLS = {
    "scipy.linalg.solve_triangular": _solve_triangular_call,
    "scipy.linalg.cho_factor": _cho_factor_call,
    "scipy.linalg.cho_solve": _cho_solve_call,
}
SCIPY_PASSES = (scipy_factorizations,)
# the default backend: LAPACK through the prelude's helpers when SciPy imports at run time
AUTO_PASSES = (auto_factorizations,)


# -- scipy.linalg spellings of np.linalg ops -------------------------------------------
def _cholesky_call(b, node, a, lower=False, overwrite_a=False, check_finite=True):
    """scipy.linalg.cholesky reads one triangle: the upper one by default (then U = Lᵀ of
    the matrix whose lower triangle is Aᵀ's), the lower one with lower=True."""
    g = b.g
    if lower:
        return g.op("cholesky", a)
    return g.op("transpose", g.op("cholesky", g.op("transpose", a)))


def _from_triangle(g, a: Value, lower: bool) -> Value:
    """The symmetric matrix LAPACK reads from one triangle of a."""
    if lower:
        return g.op("add", g.op("tril", a, k=0), g.op("transpose", g.op("tril", a, k=-1)))
    return g.op("add", g.op("triu", a, k=0), g.op("transpose", g.op("triu", a, k=1)))


def _solve_call(b, node, a, y, assume_a="gen", lower=False, check_finite=True):
    """scipy.linalg.solve: assume_a='sym'/'pos' reads one triangle (the upper by default)."""
    if assume_a in ("gen", "general"):
        return b.g.op("solve", a, y)
    if assume_a in ("sym", "pos", "symmetric", "positive definite"):
        return b.g.op("solve", _from_triangle(b.g, a, bool(lower)), y)
    raise b.err(f"scipy.linalg.solve with assume_a={assume_a!r} is not supported", node)


def _cho_solve_tuple(b, node, cf, y, check_finite=True):
    """cho_solve((L, lower), b) with a Cholesky factor L: two triangular solves."""
    if isinstance(cf, tuple) and len(cf) == 2 and isinstance(cf[0], Value):
        L, lower = cf
        if not isinstance(lower, bool):
            raise b.err("cho_solve((L, lower), b) needs lower as True or False", node)
        g = b.g
        if lower:
            z = g.op("solve_triangular", L, y, lower=True, trans=0)
            return g.op("solve_triangular", g.op("transpose", L), z, lower=False, trans=0)
        z = g.op("solve_triangular", g.op("transpose", L), y, lower=True, trans=0)
        return g.op("solve_triangular", L, z, lower=False, trans=0)
    return _cho_solve_call(b, node, cf, y)


@dataclass(frozen=True)
class LuFactor:
    """What scipy.linalg.lu_factor returns, for lu_solve: the matrix it factors."""

    matrix: Value


def _lu_factor_call(b, node, a, overwrite_a=False, check_finite=True):
    return (LuFactor(a), None)


def _lu_solve_call(b, node, lu, y, trans=0, overwrite_b=False, check_finite=True):
    f = lu[0] if isinstance(lu, tuple) else lu
    if not isinstance(f, LuFactor):
        raise b.err("scipy.linalg.lu_solve needs the result of scipy.linalg.lu_factor", node)
    a = f.matrix if trans in (0, "N") else b.g.op("transpose", f.matrix)
    return b.g.op("solve", a, y)


def _eigh_call(b, node, a, lower=True, eigvals_only=False):
    """The standard problem; scipy's eigh reads the lower triangle by default."""
    g = b.g
    if not lower:
        a = g.op("transpose", a)
    w, V = g.op("eigvalsh", a), g.op("eigvecsh", a)
    return w if eigvals_only else (w, V)


CALLS.update(
    {
        "scipy.linalg.cholesky": _cholesky_call,
        "scipy.linalg.solve": _solve_call,
        "scipy.linalg.cho_solve": _cho_solve_tuple,
        "scipy.linalg.lu_factor": _lu_factor_call,
        "scipy.linalg.lu_solve": _lu_solve_call,
        "scipy.linalg.inv": lambda b, node, a, overwrite_a=False, check_finite=True: b.g.op(
            "inv", a
        ),
        "scipy.linalg.det": lambda b, node, a, overwrite_a=False, check_finite=True: b.g.op(
            "det", a
        ),
        "scipy.linalg.kron": lambda b, node, x, y: b.g.op("kron", x, y),
        # scipy.linalg.eigh / eigvalsh: rules/eigen.py (B, subset_by_index), which calls
        # _eigh_call for the standard problem
    }
)
