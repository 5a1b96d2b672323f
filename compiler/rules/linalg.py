"""np.linalg: inverses, solves, determinants, Cholesky, eigen- and singular value
decompositions. Inverse factors stay symbolic (the `Inv` factor of a Kron form), so the
adjoint is a solve; the optimizer shares one factorization per matrix."""

from __future__ import annotations

from ..diagnostics import ShapeError
from ..forms import (
    Compose,
    DiagOf,
    Hadamard,
    Index,
    Inv,
    Kron,
    LowerSym,
    Outer,
    Phi,
    Sum,
    UnitColumns,
    chain,
)
from ..ir import DIAGONAL, GENERAL, LOWER, SYMMETRIC, SYMMETRIC_TAGS, Value, reachable
from ..rewrite import rebuild
from .base import (
    ATOM,
    Rule,
    function,
    loc,
    need,
    rank_name,
    same_square,
    scalar_of_square,
    square,
    tuple_call,
)
from .decompositions import svd_u_form, svd_vt_form, thin_parts  # singular vectors (issue 9)


def _inv(g, args, attrs):
    (x,) = args
    square(g, x, "np.linalg.inv")
    return x.shape, x.struct if x.struct in SYMMETRIC_TAGS else GENERAL


def _solve(g, args, attrs, who="np.linalg.solve"):
    a, b = args
    square(g, a, who)
    need(
        b.rank in (1, 2),
        g,
        f"{who}(A, b) needs b a vector or matrix, got {rank_name(b.rank)}",
    )
    g.unify(a.shape[0], b.shape[0], f"{who} (rows of A and b)", (a, b))
    return b.shape, GENERAL


def _cholesky(g, args, attrs):
    square(g, args[0], "np.linalg.cholesky")
    return args[0].shape, LOWER


def _eigvals(who):
    def rule(g, args, attrs):
        square(g, args[0], who)
        return args[0].shape[:1], GENERAL

    return rule


def _gap(g, args, attrs):
    (w,) = args
    return (w.shape[0], w.shape[0]), GENERAL


_svd_part = thin_parts("np.linalg.svd", lambda m, k, n: ((m, k), (k,), (k, n)))


# -- local identities ----------------------------------------------------------------
def _logdet_simplify(g, args, attrs, shape):
    (x,) = args
    if x.struct == DIAGONAL:
        return g.op("sum", g.op("log", g.op("abs", g.op("diag_of", x))))
    return None


def _inv_simplify(g, args, attrs, shape):
    (x,) = args
    if x.struct == DIAGONAL:  # O(n) instead of O(n³)
        return g.op("diag_embed", g.op("div", g.const(1), g.op("diag_of", x)))
    return None


# -- K⁻¹ through a Cholesky factor the model computes (issue 15) ---------------------------
def cholesky_input(L: Value) -> Value | None:
    """K when L = cholesky(K) (np.linalg.cholesky, or scipy's with lower=True) and K is
    symmetric by structure, else None. Then reading all of K is what reading its lower
    triangle is, and the identities below are exact: L Lᵀ = K, Σ log diag L = ½ log det K;
    and since L is computed, K is positive definite wherever they are used (the model
    raises LinAlgError before otherwise)."""
    if L.op == "cholesky" and L.args[0].is_symmetric:
        return L.args[0]
    return None


def cholesky_log_diag(g, x: Value) -> Value | None:
    """Σ log diag L (of x = log(diag L), L or Lᵀ a Cholesky factor of a symmetric K) as the
    op `cholesky_logdet`: the same value, differentiated as ½ log det K through K⁻¹ (potri
    from L, about n³/3 + n³/3 flops) instead of through L (Murray's algorithm, about 3n³)."""
    if x.op != "log" or x.args[0].op != "diag_of":
        return None
    L = x.args[0].args[0]
    if L.op == "transpose":  # diag Lᵀ = diag L (scipy.linalg.cholesky's upper factor)
        L = L.args[0]
    K = cholesky_input(L)
    return None if K is None else g.op("cholesky_logdet", L, K)


def _cholesky_solve(g, args, attrs, shape):
    """Lᵀ \\ (L \\ b) = K⁻¹ b for L = cholesky(K), K symmetric by structure (the model's own
    np.linalg.solve(L.T, np.linalg.solve(L, b))) as the op `cholesky_solve`: the same
    value, differentiated through K⁻¹ instead of through L."""
    u, z = args
    if u.op != "transpose" or z.op != "solve" or z.args[0] is not u.args[0]:
        return None
    K = cholesky_input(u.args[0])
    return None if K is None else g.op("cholesky_solve", u.args[0], K, z.args[1])


def _cholesky_solve_shape(g, args, attrs):
    return args[2].shape, GENERAL


def _factor_of_shape(g, args, attrs):
    """An op of (L, K), L = cholesky(K): K's shape, symmetric."""
    return args[1].shape, SYMMETRIC


def _half_inverse(g, y, L, K):
    """d(Σ log diag L) = ½ d log det K = ⟨½ K⁻¹, dK⟩ (K symmetric: K⁻ᵀ = K⁻¹)."""
    return Outer(g.op("mul", g.const(0.5), g.op("cholesky_inv", L, K)))


# -- optimizer: one factorization per matrix ---------------------------------------------
def scaled_identity(v: Value) -> tuple[Value | None, bool]:
    """(c, True) when v is c·I, (None, True) when v is I."""
    if v.op == "eye":
        return None, True
    if v.op == "mul":
        a, b = v.args
        if a.rank == 0 and b.op == "eye":
            return a, True
    return None, False


def shared_factorizations(g, roots: list[Value]) -> tuple[list[Value], bool]:
    """One factorization per matrix: solve(A, c·I) is c·inv(A); and once inv(A) is formed
    anyway, solve(A, B) = inv(A) @ B and solve(Aᵀ, B) = inv(A)ᵀ @ B, a product instead of a
    second factorization."""
    values = reachable(roots)
    inverted = {v.args[0].id for v in values if v.op == "inv"}
    for v in values:  # solve(A, c I) will become an inverse of A
        if v.op == "solve" and scaled_identity(v.args[1])[1]:
            inverted.add(v.args[0].id)

    def rewrite(g, v, args, count, new):
        if v.op != "solve":
            return None
        a, b = args
        scale, identity = scaled_identity(b)
        if identity and v.args[0].id in inverted:
            inv = g.op("inv", a)
            return inv if scale is None else g.op("mul", scale, inv)
        if v.args[0].id in inverted:
            return g.op("matmul", g.op("inv", a), b)
        if a.op == "transpose" and a.args[0].id in inverted:
            return g.op("matmul", g.op("transpose", g.op("inv", a.args[0])), b)
        return None

    return rebuild(g, roots, rewrite)


# -- derivatives -----------------------------------------------------------------------
def _inv_t(g, x):
    """X⁻ᵀ, shared with any inverse the model computes itself."""
    return g.op("transpose", g.op("inv", x))


def _gap_form(g, F, w):
    """F = 1/(w_j − w_i) off the diagonal: dF = −F ∘ F ∘ (dw_j − dw_i)."""
    rows = ("n",), ("s", None, None, None)
    cols = ("s", None, None, None), ("n",)
    spread = Sum(
        Compose(Hadamard(None, F.shape), Index(rows)),
        Compose(Hadamard(g.const(-1), F.shape), Index(cols)),
    )
    return Compose(Hadamard(g.op("neg", g.op("mul", F, F)), F.shape), spread)


def _cholesky_form(g, L, a):
    """dL = L Φ(L⁻¹ dΣ L⁻ᵀ), Φ = strictly-lower ones + ½ on the diagonal, where dΣ is the
    symmetric matrix NumPy reads from the lower triangle (Murray 2016, section 3;
    reference/matrix-calculus-reverse-mode.txt)."""
    return chain(
        Kron(L, None),
        Phi(),
        Kron(Inv(L), Inv(L, trans=True)),
        LowerSym(),
    )


def _eigh_values_form(g, w, a):
    """dw = diag(Vᵀ dA V) (on the symmetric matrix read from the lower triangle)."""
    V = g.op("eigvecsh", a)
    return chain(DiagOf(), Kron(g.op("transpose", V), V), LowerSym())


def _eigh_vectors_form(g, V, a):
    """dV = V (F ∘ (Vᵀ dA V)), F_ij = 1/(w_j − w_i), F_ii = 0; F raises at repeated
    eigenvalues instead of returning inf/nan."""
    F = g.op("eig_gap_inv", g.op("eigvalsh", a))
    return chain(Kron(V, None), Hadamard(F, V.shape), Kron(g.op("transpose", V), V), LowerSym())


def _eig_values_form(g, lam, a):
    """dλ = diag(V⁻¹ dA V): the rows of V⁻¹ are the left eigenvectors, so
    dλ_k = y_kᴴ dA x_k / y_kᴴ x_k (reference/eigenvalue-sensitivity-thread.txt)."""
    V = g.op("eig_vectors", a)
    return chain(DiagOf(), Kron(Inv(V), V))


def _eig_vectors_form(g, V, a):
    """dV = V (F ∘ (V⁻¹ dA V)), F_ij = 1/(λ_j − λ_i), then the change that keeps each column
    at unit norm. Its phase stays arbitrary (LAPACK's choice): only phase-invariant functions
    of an eigenvector, e.g. of |V|, have a meaningful derivative."""
    F = g.op("eig_gap_inv", g.op("eig_values", a))
    return chain(UnitColumns(V), Kron(V, None), Hadamard(F, V.shape), Kron(Inv(V), V))


def _svd_values_form(g, s, x):
    """ds = diag(Uᵀ dX V) (distinct, nonzero singular values)."""
    U, Vt = g.op("svd_u", x), g.op("svd_vt", x)
    return chain(DiagOf(), Kron(g.op("transpose", U), g.op("transpose", Vt)))


# the outputs of the calls returning tuples
_slogdet_out = tuple_call("np.linalg.slogdet({0})", 2, requires=("invertible",))
_eigh_out = tuple_call("np.linalg.eigh({0})", 2, requires=("sym",))
_eig_out = tuple_call("np.linalg.eig({0})", 2, requires=("invertible",), dtype="complex")
_svd_out = tuple_call("np.linalg.svd({0}, full_matrices=False)", 3)

RULES: dict[str, Rule] = {
    # d X⁻¹ = −X⁻¹ dX X⁻¹  (Matrix Cookbook eq. 59; the talk: −X⁻¹ ⊗ X⁻ᵀ)
    "inv": function(
        "numpy.linalg.inv",
        _inv,
        (lambda g, y, a: Kron(g.op("neg", y), y),),
        ref="Petersen & Pedersen, The Matrix Cookbook (2012), eq. 59",
        requires=("invertible",),
        simplify=_inv_simplify,
        fresh=True,
        batched="inv_batched",
    ),
    # Y = A⁻¹B: dY = A⁻¹ (dB − dA Y); A⁻¹ stays symbolic (its adjoint is a solve with Aᵀ)
    "solve": function(
        "numpy.linalg.solve",
        _solve,
        (
            lambda g, y, a, b: Compose(Kron(Inv(a), None), Kron(None, g.op("neg", y))),
            lambda g, y, a, b: Kron(Inv(a), None),
        ),
        requires=("invertible", None),
        simplify=_cholesky_solve,
        fresh=True,
        batched="solve_batched",
    ),
    # d det X = det X ⟨X⁻ᵀ, dX⟩  (Cookbook eq. 49)
    "det": function(
        "numpy.linalg.det",
        scalar_of_square("np.linalg.det"),
        (lambda g, y, a: Outer(g.op("mul", y, _inv_t(g, a))),),
        ref="The Matrix Cookbook, eq. 49",
        requires=("invertible",),
        batched="det_batched",
    ),
    # d log|det X| = ⟨X⁻ᵀ, dX⟩  (Cookbook eq. 57)
    "logdet": _slogdet_out(
        1,
        scalar_of_square("np.linalg.slogdet"),
        (lambda g, y, a: Outer(_inv_t(g, a)),),
        ref="The Matrix Cookbook, eq. 57",
        simplify=_logdet_simplify,
        batched="logdet_batched",
    ),
    "slogdet_sign": _slogdet_out(
        0, scalar_of_square("np.linalg.slogdet"), (None,), batched="slogdet_sign_batched"
    ),
    "cholesky": function(
        "numpy.linalg.cholesky",
        _cholesky,
        (_cholesky_form,),
        ref="I. Murray, Differentiation of the Cholesky decomposition (2016), section 3",
        requires=("spd",),
        batched="cholesky_batched",
    ),
    # made by the local identities above (never by the frontend directly): values computed
    # from a Cholesky factor L = cholesky(K) the model computes, differentiated through K
    # (argument 1), not through L (argument 0, which keeps the factorization, and the
    # LinAlgError it raises, in the program)
    "cholesky_logdet": Rule(
        "np.sum(np.log(np.diag({0})))",
        lambda g, args, attrs: ((), GENERAL),
        (None, _half_inverse),
        ref="½ log det K = Σ log diag L; d log det K = tr(K⁻¹ dK) (The Matrix Cookbook, eq. 57)",
        requires=("positive", "spd"),  # what log(diag L) and cholesky(K) need
    ),
    # K⁻¹ b, computed as the model does; the factorization passes make it a cho_solve with L
    "cholesky_solve": Rule(
        "np.linalg.solve({0}.T, np.linalg.solve({0}, {2}))",
        _cholesky_solve_shape,
        (
            None,
            lambda g, y, L, K, b: Compose(
                Kron(g.op("cholesky_inv", L, K), None), Kron(None, g.op("neg", y))
            ),
            lambda g, y, L, K, b: Kron(g.op("cholesky_inv", L, K), None),
        ),
        arg_prec=(ATOM, 0, 0),
        requires=("invertible", "spd", None),
        fresh=True,
    ),
    # K⁻¹; the factorization passes compute it from L (LAPACK potri), --backend numpy as here
    "cholesky_inv": Rule(
        "np.linalg.inv({1})",
        _factor_of_shape,
        (None, lambda g, y, L, K: Kron(g.op("neg", y), y)),
        ref="The Matrix Cookbook (2012), eq. 59",
        fresh=True,
    ),
    "eigvalsh": _eigh_out(
        0, _eigvals("np.linalg.eigh"), (_eigh_values_form,), batched="eigvalsh_batched"
    ),
    "eigvecsh": _eigh_out(
        1, same_square("np.linalg.eigh"), (_eigh_vectors_form,), batched="eigvecsh_batched"
    ),
    "eig_gap_inv": Rule(
        "{out} = {0}[np.newaxis, :] - {0}[:, np.newaxis]\n"
        "np.fill_diagonal({out}, np.inf)\n"
        "if np.min(np.abs({out})) <= 1e-10 * max(1.0, np.max(np.abs({0}))):\n"
        '    raise FloatingPointError("repeated eigenvalues: the eigenvector derivative is undefined")\n'
        "{out} = 1.0 / {out}",
        _gap,
        (_gap_form,),
        statements=True,
    ),
    "eig_values": _eig_out(0, _eigvals("np.linalg.eig"), (_eig_values_form,)),
    "eig_vectors": _eig_out(1, same_square("np.linalg.eig"), (_eig_vectors_form,)),
    "svd_u": _svd_out(0, _svd_part(0), (svd_u_form,)),
    "svd_s": _svd_out(1, _svd_part(1), (_svd_values_form,)),
    "svd_vt": _svd_out(2, _svd_part(2), (svd_vt_form,)),
}


# -- the frontend's calls --------------------------------------------------------------
def _slogdet(b, node, x):
    return (b.g.op("slogdet_sign", x), b.g.op("logdet", x))


def _eigh(b, node, x, UPLO="L"):
    if UPLO != "L":
        raise b.err("np.linalg.eigh supports UPLO='L' (the default)", node)
    return (b.g.op("eigvalsh", x), b.g.op("eigvecsh", x))


def _eigvalsh(b, node, x, UPLO="L"):
    return _eigh(b, node, x, UPLO)[0]


def _eig(b, node, x):
    return (b.g.op("eig_values", x), b.g.op("eig_vectors", x))


def _svd(b, node, x, full_matrices=True, compute_uv=True):
    if x.rank != 2:
        raise ShapeError("np.linalg.svd needs a matrix", loc(node))
    s = b.g.op("svd_s", x)
    if not compute_uv:
        return s
    if full_matrices and not b.g.same_dim(*x.shape):
        raise b.err(
            "np.linalg.svd of a non-square matrix needs full_matrices=False here",
            node,
            "write np.linalg.svd(X, full_matrices=False), or compute_uv=False for the singular values",
        )
    return (b.g.op("svd_u", x), s, b.g.op("svd_vt", x))


CALLS = {
    "numpy.linalg.slogdet": _slogdet,
    "numpy.linalg.eigh": _eigh,
    "numpy.linalg.eigvalsh": _eigvalsh,
    "numpy.linalg.eig": _eig,
    "numpy.linalg.eigvals": lambda b, node, x: _eig(b, node, x)[0],
    "numpy.linalg.svd": _svd,
}
PASSES = (shared_factorizations,)
