"""Eigenproblems at scale (issue 14): generalized symmetric-definite `scipy.linalg.eigh(A, B)`,
partial spectra by Krylov methods (`scipy.sparse.linalg.eigsh` / `eigs`), eigenvector
functions of partial spectra through an adjoint solve, and sparse constants
(`"sparse(n,n)"` parameters, `scipy.sparse.diags(p)`).

Everything about these ops sits here: the frontend's call handlers (`CALLS`), the rules
(`RULES`), and the rewrites of the factored adjoint `lowrank(U, W) = U Wᵀ` (`rewrite`, chained
into the simplify of diag_of, matmul, transpose, neg and mul) that keep the gradient of a k-eigenvalue function O(nk) through A's
construction: diag(U Wᵀ) = Σ U∘W by rows, (U Wᵀ) P = U (Wᵀ P), (U Wᵀ)ᵀ = W Uᵀ.

Conventions (A v = λ B v, A and B symmetric, B positive definite; B = I for eigsh):
- eigenvalues ascending, as SciPy returns them; eigenvectors B-orthonormal (Vᵀ B V = I), as
  SciPy (LAPACK, ARPACK) returns them; their sign is the library's choice, so only
  sign-invariant functions of an eigenvector (v vᵀ, |v|, vᵀ M v) have a derivative that
  finite differences of the model reproduce.
- dλ_j = v_jᵀ (dA − λ_j dB) v_j  (Fox & Kapoor, "Rates of change of eigenvalues and
  eigenvectors", AIAA J. 6 (1968); reference/eigenvalue-sensitivity-thread.txt).
- full spectrum: dV = V C, C_ij = (Vᵀ dA V − Vᵀ dB V Λ)_ij / (λ_j − λ_i) for i ≠ j and
  C_jj = −½ (Vᵀ dB V)_jj  (differentiate A V = B V Λ and Vᵀ B V = I; Fox & Kapoor eq. 12,
  the modal method).
- partial spectrum: dv_j = −K_j (dA − λ_j dB) v_j − ½ (v_jᵀ dB v_j) v_j, with K_j the inverse of
  A − λ_j B on the B-orthogonal complement of v_j (Nelson, "Simplified calculation of
  eigenvector derivatives", AIAA J. 14 (1976)); its adjoint is the adjoint solve
  (A − λ_j B) y = −(I − B v_j v_jᵀ) v̄_j, vᵀ B y = 0 of the thread: one solve per wanted
  eigenvector, no other eigenpair needed.
- eigs (non-symmetric A): dλ_j = y_jᵀ dA x_j / y_jᵀ x_j with the left eigenvectors y_j of a
  second eigs on Aᵀ (the thread's formula).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..diagnostics import CompileError, ShapeError
from ..forms import (
    Box,
    Columns,
    DiagOf,
    Hadamard,
    Kron,
    LowerSym,
    Rayleigh,
    Resolvent,
    SparseDiag,
    Sum,
    chain,
)
from ..ir import GENERAL, SPARSE, SYMMETRIC, Value
from . import scipy_linalg
from .base import ATOM, MUL, Rule, unsupported
from .base import need as _need
from .base import square as _square

SPARSE_LINALG = ("scipy.sparse.linalg",)

# MINRES's relative residual for the adjoint solve of a sparse (or matrix-free) eigenvector
# derivative: the derivative then carries a relative error of about MINRES_RTOL times the
# spread of the spectrum over the gap to λ_j (tests/test_eigen.py checks 1e-6 at gaps ~0.1).
MINRES_RTOL = 1e-10


def _no_second(what: str):
    """A derivative of a derivative-only op: a clear error if (and only if) it is needed."""
    hint = "first derivatives of eigenproblems are supported; not hvp/jvp through them"
    return unsupported(f"the derivative of {what}", hint)


# -- shape rules -----------------------------------------------------------------------
def _subset_len(g, a, attrs):
    lo, hi = attrs.get("lo"), attrs.get("hi")
    return a.shape[0] if lo is None else g.new_dim(hi - lo + 1)


def _eigh_part(index: int, generalized: bool):
    def rule(g, args, attrs):
        a = args[0]
        _square(g, a, "scipy.linalg.eigh")
        if generalized:
            _square(g, args[1], "scipy.linalg.eigh")
            g.unify(a.shape[0], args[1].shape[0], "scipy.linalg.eigh(A, B)", (a, args[1]))
        k = _subset_len(g, a, attrs)
        return ((k,), (a.shape[0], k))[index], GENERAL

    return rule


def _krylov_part(index: int, who: str):
    def rule(g, args, attrs):
        a = args[0]
        _square(g, a, who)
        for m in args[1:]:  # eigsh's M
            _square(g, m, who)
            g.unify(a.shape[0], m.shape[0], f"{who}(A, M=B)", (a, m))
        k = g.new_dim(attrs["nev"])
        return ((k,), (a.shape[0], k))[index], GENERAL

    return rule


def _like_last(g, args, attrs):
    return args[-1].shape, GENERAL


def _lowrank(g, args, attrs):
    u, w = args
    _need(u.rank == 2 and w.rank == 2, g, "lowrank needs two matrices")
    g.unify(u.shape[1], w.shape[1], "lowrank (inner dimensions)", (u, w))
    return (u.shape[0], w.shape[0]), GENERAL


def _sparse_diags(g, args, attrs):
    (p,) = args
    _need(p.rank == 1, g, "scipy.sparse.diags(p) needs a vector p (the main diagonal)")
    return (p.shape[0], p.shape[0]), SYMMETRIC


# -- derivative forms ------------------------------------------------------------------
def _seen(g, y, m: Value) -> Value:
    """The symmetric matrix LAPACK reads from one triangle of m (lower by default)."""
    return LowerSym(upper=not y.attr("lower")).apply(g, m)


def _vectors_of(g, y, *args):
    return g.op(y.op.replace("values", "vectors"), *args, **dict(y.attrs))


def _values_of(g, y, *args):
    return g.op(y.op.replace("vectors", "values"), *args, **dict(y.attrs))


def _eigh_values_dA(g, w, a, *b):
    """dλ = diag(Vᵀ dA V) on the symmetric matrix read from one triangle."""
    V = _vectors_of(g, w, a, *b)
    return chain(DiagOf(), Kron(g.op("transpose", V), V), LowerSym(upper=not w.attr("lower")))


def _eigh_values_dB(g, w, a, b):
    """dλ = −λ ∘ diag(Vᵀ dB V)."""
    return chain(Hadamard(g.op("neg", w), w.shape), _eigh_values_dA(g, w, a, b))


def _eigh_vectors_dA(g, V, a, *b):
    """Full spectrum: dV = V (F ∘ Vᵀ dA V), F_ij = 1/(λ_j − λ_i) (raises at a repeated
    eigenvalue). Subset: dV = −Resolvent[dA V] (one adjoint solve per eigenvector)."""
    w = _values_of(g, V, a, *b)
    tri = LowerSym(upper=not V.attr("lower"))
    if V.attr("lo") is None:
        F = g.op("eig_gap_inv", w)
        return chain(Kron(V, None), Hadamard(F, V.shape), Kron(g.op("transpose", V), V), tri)
    B = _seen(g, V, b[0]) if b else None
    res = Resolvent(_seen(g, V, a), B, w, V)
    return chain(res, Hadamard(g.const(-1), V.shape), Kron(None, V), tri)


def _eigh_vectors_dB(g, V, a, b):
    """Full spectrum: dV = V (G ∘ Vᵀ dB V), G_ij = −λ_j/(λ_j − λ_i), G_jj = −½.
    Subset: dV = Resolvent[dB V Λ] − ½ V diag(Vᵀ dB V)."""
    w = _values_of(g, V, a, b)
    tri = LowerSym(upper=not V.attr("lower"))
    VtV = Kron(g.op("transpose", V), V)
    if V.attr("lo") is None:
        F = g.op("eig_gap_inv", w)
        half = g.op("mul", g.const(0.5), g.op("eye", dim=g.find(V.shape[0])))
        G = g.op("neg", g.op("add", g.op("mul", F, w), half))
        return chain(Kron(V, None), Hadamard(G, V.shape), VtV, tri)
    res = Resolvent(_seen(g, V, a), _seen(g, V, b), w, V)
    scale = chain(Hadamard(g.op("mul", g.const(-0.5), V), V.shape), DiagOf(), VtV, tri)
    return Sum(chain(res, Kron(None, g.op("mul", V, w)), tri), scale)


def _eigsh_V(g, w, a, *m):
    """The eigenvectors paired with eigsh's values w (matched when they came alone)."""
    if w.op.endswith("_only"):
        return _matched_vectors(g, w, a, *m)
    return _vectors_of(g, w, a, *m)


def _eigsh_values(g, w, a, *m):
    """dλ = diag(Vᵀ dA V), adjoint V diag(λ̄) Vᵀ kept factored (Rayleigh)."""
    V = _eigsh_V(g, w, a, *m)
    return Rayleigh(V, V)


def _eigsh_values_dM(g, w, a, m):
    """dλ = −λ ∘ diag(Vᵀ dM V) (M-orthonormal V, as ARPACK returns them)."""
    V = _eigsh_V(g, w, a, m)
    return chain(Hadamard(g.op("neg", w), w.shape), Rayleigh(V, V))


def _eigsh_vectors(g, V, a, *m):
    """dV = −Resolvent[dA V]; the adjoint solve by MINRES when A is sparse at run time."""
    w = _values_of(g, V, a, *m)
    res = Resolvent(a, m[0] if m else None, w, V, krylov=True)
    return chain(res, Hadamard(g.const(-1), V.shape), Columns(V))


def _eigsh_vectors_dM(g, V, a, m):
    """dV = Resolvent[dM V Λ] − ½ V diag(Vᵀ dM V)."""
    w = _values_of(g, V, a, m)
    res = Resolvent(a, m, w, V, krylov=True)
    scale = chain(Hadamard(g.op("mul", g.const(-0.5), V), V.shape), Rayleigh(V, V))
    return Sum(chain(res, Columns(g.op("mul", V, w))), scale)


def _matched_vectors(g, w, a, *m):
    """The eigenvectors for the values w of a call with return_eigenvectors=False (whose
    order ARPACK chooses differently): a second call with vectors, matched value by value."""
    name = w.op.replace("_only", "")
    attrs = dict(w.attrs)
    w2 = g.op(name, a, *m, **attrs)
    return g.op("eig_match", w, w2, g.op(name.replace("values", "vectors"), a, *m, **attrs))


def _eigs_values_only(g, lam, a):
    return _eigs_form(g, lam, a, _matched_vectors(g, lam, a))


def _eigs_values(g, lam, a):
    return _eigs_form(g, lam, a, _vectors_of(g, lam, a))


def _eigs_form(g, lam, a, X):
    """dλ_j = y_jᵀ dA x_j / y_jᵀ x_j: left vectors from eigs on Aᵀ, scaled by eigs_left."""
    Y = g.op("eigs_left", a, lam, X, nev=lam.attr("nev"), which=lam.attr("which"))
    return Rayleigh(Y, X)


# -- spellings -------------------------------------------------------------------------
def _resolvent_spelling(generalized: bool, krylov: bool) -> str:
    """The adjoint solve of `Resolvent`: column j of the result solves
    (A − λ_j B) z = (I − B v vᵀ) r with vᵀ B z = 0 (B = I when not generalized), for the
    eigenvalues λ (w), eigenvectors v (V) and right-hand sides r (R). Dense A: the bordered
    system [[A − λ_j B, B v], [(B v)ᵀ, 0]] (nonsingular for a simple λ_j), np.linalg.solve.
    With `krylov` and a scipy.sparse A (the eigsh rules): MINRES on the deflated operator
    Πᵀ (A − λ_j B) Π, Π = I − v vᵀ B, symmetric with null space span(v) and a consistent
    right-hand side, to relative residual MINRES_RTOL; then z = Π x."""
    A, B, w, V, R = (
        ("{0}", "{1}", "{2}", "{3}", "{4}") if generalized else ("{0}", None, "{1}", "{2}", "{3}")
    )
    Bz = f"({B} @ z)" if B else "z"
    lines = [
        f"{{out}} = np.empty({R}.shape)",
        f"for {{out}}_j in range({R}.shape[1]):",
        f"    {{out}}_v = {V}[:, {{out}}_j]",
        f"    {{out}}_b = {B} @ {{out}}_v" if B else "    {out}_b = {out}_v",
        f"    {{out}}_r = {R}[:, {{out}}_j] - {{out}}_b * ({{out}}_v @ {R}[:, {{out}}_j])",
    ]
    dense = [
        f"{{out}}_m = np.zeros(({A}.shape[0] + 1, {A}.shape[0] + 1))",
        f"{{out}}_m[:-1, :-1] = {A} - {w}[{{out}}_j] * " + (B if B else f"np.eye({A}.shape[0])"),
        "{out}_m[:-1, -1] = {out}_b",
        "{out}_m[-1, :-1] = {out}_b",
        "{out}[:, {out}_j] = np.linalg.solve({out}_m, np.append({out}_r, 0.0))[:-1]",
    ]
    if not krylov:
        return "\n".join(lines + ["    " + d for d in dense])
    sparse = [
        "{out}_op = scipy.sparse.linalg.LinearOperator(",
        f"    {A}.shape,",
        f"    matvec=lambda x, v={{out}}_v, b={{out}}_b, lam={w}[{{out}}_j]: (",
        "        lambda y: y - b * (v @ y)",
        f"    )((lambda z: {A} @ z - lam * {Bz})(x - v * (b @ x))),",
        "    dtype=float,",
        ")",
        "{out}_x, {out}_info = scipy.sparse.linalg.minres(",
        f"    {{out}}_op, {{out}}_r, rtol={MINRES_RTOL!r}, maxiter=20 * {A}.shape[0]",
        ")",
        "if {out}_info != 0:",
        '    raise FloatingPointError("MINRES did not converge for an eigenvector derivative")',
        "{out}[:, {out}_j] = {out}_x - {out}_v * ({out}_b @ {out}_x)",
    ]
    return "\n".join(
        lines
        + [f"    if scipy.sparse.issparse({A}):"]
        + ["        " + x for x in sparse]
        + ["    else:"]
        + ["        " + d for d in dense]
    )


# ARPACK's starting vector: fixed pseudo-random numbers, so that the generated module is
# deterministic (ARPACK's own default is a different random vector at every call); the
# eigenpairs agree with the model's to ARPACK's tolerance (tol=0: machine precision).
_V0 = "np.random.default_rng(0).standard_normal({0}.shape[0])"

# Left eigenvectors for eigs: a second eigs on Aᵀ, each matched to λ_j (or to conj(λ_j),
# whose conjugate vector is then the left vector of λ_j for a real A), scaled so that
# y_jᵀ x_j = 1. A mismatch (the two runs found different eigenvalues) raises.
_EIGS_LEFT = """{out}_mu, {out} = scipy.sparse.linalg.eigs(
    {0}.T, k={nev}, which={which}, v0=V0
)
{out}_mu = np.concatenate([{out}_mu, np.conj({out}_mu)])
{out} = np.concatenate([{out}, np.conj({out})], axis=1)
{out}_d = np.abs({out}_mu[np.newaxis, :] - {1}[:, np.newaxis])
{out}_i = np.argmin({out}_d, axis=1)
if np.max(np.min({out}_d, axis=1)) > 1e-8 * max(1.0, np.max(np.abs({1}))):
    raise FloatingPointError("eigs on A.T did not find the eigenvalues of A: no left vectors")
{out} = {out}[:, {out}_i]
{out} = {out} / np.sum({out} * {2}, axis=0)""".replace("V0", _V0)


# Reorders the vectors {2} of the values {1} to the order of the values {0} (the same
# eigenvalues from another ARPACK run); a mismatch raises rather than pairing wrongly.
_MATCH = """{out}_i = np.argmin(np.abs({1}[np.newaxis, :] - {0}[:, np.newaxis]), axis=1)
if np.max(np.abs({1}[{out}_i] - {0})) > 1e-8 * max(1.0, np.max(np.abs({0}))):
    raise FloatingPointError("ARPACK found different eigenvalues in a second run")
{out} = {2}[:, {out}_i]"""


# -- the table -------------------------------------------------------------------------
def _eigh_rules(generalized: bool) -> dict[str, Rule]:
    name = "geigh" if generalized else "seigh"
    spell = "scipy.linalg.eigh({0}, {1}{opts})" if generalized else "scipy.linalg.eigh({0}{opts})"
    req = ("sym", "spd") if generalized else ("sym",)
    ref = "Fox & Kapoor, AIAA J. 6 (1968); Nelson, AIAA J. 14 (1976)"
    vals = (_eigh_values_dA, _eigh_values_dB) if generalized else (_eigh_values_dA,)
    vecs = (_eigh_vectors_dA, _eigh_vectors_dB) if generalized else (_eigh_vectors_dA,)
    rule = partial(Rule, spell, requires=req, ref=ref, imports=("scipy.linalg",))
    return {
        f"{name}_values": rule(_eigh_part(0, generalized), vals, group=(0, 2)),
        f"{name}_vectors": rule(_eigh_part(1, generalized), vecs, group=(1, 2)),
    }


def _eigsh_rules(generalized: bool) -> dict[str, Rule]:
    """eigsh(A, k, which) and eigsh(A, k, M=B, which) (A v = λ B v, B-orthonormal V)."""
    name = "geigsh" if generalized else "eigsh"
    m = ", M={1}" if generalized else ""
    call = "scipy.sparse.linalg.eigsh({0}, k={nev}M, which={which}, v0=V0"
    call = call.replace("V0", _V0).replace("M,", m + ",")
    req = ("sym", "spd") if generalized else ("sym",)
    vals = (_eigsh_values, _eigsh_values_dM) if generalized else (_eigsh_values,)
    vecs = (_eigsh_vectors, _eigsh_vectors_dM) if generalized else (_eigsh_vectors,)
    who = "scipy.sparse.linalg.eigsh"
    ref = "reference/eigenvalue-sensitivity-thread.txt; Nelson, AIAA J. 14 (1976)"
    rule = partial(Rule, requires=req, ref=ref, imports=SPARSE_LINALG)
    return {
        f"{name}_values": rule(call + ")", _krylov_part(0, who), vals, group=(0, 2)),
        f"{name}_vectors": rule(call + ")", _krylov_part(1, who), vecs, group=(1, 2)),
        # return_eigenvectors=False: ARPACK orders these values its own way
        f"{name}_values_only": rule(
            call + ", return_eigenvectors=False)", _krylov_part(0, who), vals
        ),
    }


RULES: dict[str, Rule] = {
    **_eigh_rules(False),
    **_eigh_rules(True),
    **_eigsh_rules(False),
    **_eigsh_rules(True),
    "eigs_values": Rule(
        "scipy.sparse.linalg.eigs({0}, k={nev}, which={which}, v0=V0)".replace("V0", _V0),
        _krylov_part(0, "scipy.sparse.linalg.eigs"),
        (_eigs_values,),
        group=(0, 2),
        ref="reference/eigenvalue-sensitivity-thread.txt: dλ = yᵀ dA x / yᵀ x",
        imports=SPARSE_LINALG,
        dtype="complex",
    ),
    "eigs_vectors": Rule(
        "scipy.sparse.linalg.eigs({0}, k={nev}, which={which}, v0=V0)".replace("V0", _V0),
        _krylov_part(1, "scipy.sparse.linalg.eigs"),
        (
            unsupported(
                "the derivative of the eigenvectors of scipy.sparse.linalg.eigs",
                "differentiate its eigenvalues, or use eigsh for a symmetric matrix",
            ),
        ),
        group=(1, 2),
        imports=SPARSE_LINALG,
        dtype="complex",
    ),
    # return_eigenvectors=False: ARPACK orders these values its own way
    "eigs_values_only": Rule(
        "scipy.sparse.linalg.eigs({0}, k={nev}, which={which}, v0=V0, return_eigenvectors=False)".replace(
            "V0", _V0
        ),
        _krylov_part(0, "scipy.sparse.linalg.eigs"),
        (_eigs_values_only,),
        imports=SPARSE_LINALG,
        dtype="complex",
    ),
    # derivative-only values (built by the forms above, never by the model)
    "eig_match": Rule(
        _MATCH,
        lambda g, args, attrs: (args[2].shape, GENERAL),
        (_no_second("matched eigenvectors"),) * 3,
        statements=True,
    ),
    "eigs_left": Rule(
        _EIGS_LEFT,
        lambda g, args, attrs: (args[2].shape, GENERAL),
        (_no_second("eigs' left eigenvectors"),) * 3,
        statements=True,
        imports=SPARSE_LINALG,
        dtype="complex",
    ),
    **{
        f"{'g' if gen else ''}eig_resolvent{'_krylov' if krylov else ''}": Rule(
            _resolvent_spelling(gen, krylov),
            _like_last,
            (_no_second("an eigenvector derivative"),) * (5 if gen else 4),
            statements=True,
            imports=SPARSE_LINALG if krylov else (),
        )
        for gen in (False, True)
        for krylov in (False, True)
    },
    # U Wᵀ: the factored adjoint of a partial spectrum (rewritten by `rewrite` below)
    "lowrank": Rule(
        "{0} @ {1}.T",
        _lowrank,
        (
            lambda g, y, u, w: Kron(None, g.op("transpose", w)),
            lambda g, y, u, w: Box(u, None),
        ),
        MUL,
        (MUL, ATOM),
    ),
    # scipy.sparse.diags(p): a sparse diagonal matrix, never densified
    "sparse_diags": Rule(
        "scipy.sparse.diags({0})",
        _sparse_diags,
        (lambda g, y, p: SparseDiag(),),
        imports=("scipy.sparse",),
    ),
}


# -- rewrites of the factored adjoint (chained into other ops' simplify: `absorbing`) -------
def rewrite(g, op: str, args: tuple, attrs: dict, shape: tuple) -> Value | None:
    """O(nk) algebra on lowrank(U, W) = U Wᵀ: diag, products, transposes and scalings stay
    factored; anything else spells U @ W.T."""
    if op in ("diag_of", "matmul") and any(_has_lowrank(a) for a in args):
        for i, a in enumerate(args):  # linear in each argument: distribute over a sum
            if (
                a.op in ("add", "sub")
                and _has_lowrank(a)
                and g.same_shape(*(x.shape for x in a.args))
            ):
                parts = [g.op(op, *args[:i], x, *args[i + 1 :], **attrs) for x in a.args]
                return g.op(a.op, *parts)
    if op == "diag_of":
        (x,) = args
        if x.op == "lowrank":
            u, w = x.args
            return g.op("sum_axes", g.op("mul", u, w), axes=(1,), keepdims=False)
        if x.op == "real" and x.args[0].op == "lowrank":
            return g.op("real", g.op("diag_of", x.args[0]))
    elif op == "matmul":
        a, b = args
        if a.op == "lowrank":
            u, w = a.args
            return g.op("matmul", u, g.op("matmul", g.op("transpose", w), b))
        if b.op == "lowrank":
            u, w = b.args
            return g.op("matmul", g.op("matmul", a, u), g.op("transpose", w))
        if a.op == "real" and a.args[0].op == "lowrank" and b.dtype == "real":
            return g.op("real", g.op("matmul", a.args[0], b))
        if b.op == "real" and b.args[0].op == "lowrank" and a.dtype == "real":
            return g.op("real", g.op("matmul", a, b.args[0]))
    elif op == "transpose":
        (x,) = args
        if x.op == "lowrank":
            return g.op("lowrank", x.args[1], x.args[0])
    elif op == "neg":
        (x,) = args
        if x.op == "lowrank":
            return g.op("lowrank", g.op("neg", x.args[0]), x.args[1])
    elif op == "mul":
        a, b = args
        if a.rank == 0 and b.op == "lowrank":
            return g.op("lowrank", g.op("mul", a, b.args[0]), b.args[1])
    return None


def _has_lowrank(v: Value) -> bool:
    """A factored adjoint, possibly inside sums of them (Ā from several eigen-outputs)."""
    if v.op == "lowrank":
        return True
    return v.op in ("add", "sub") and all(_has_lowrank(a) or a.op == "lowrank" for a in v.args)


# -- what a scipy.sparse value may flow into ------------------------------------------------
# `L * X` is a matrix product for a scipy.sparse matrix and np.diag(L) fails: only these ops
# keep NumPy's meaning on sparse values (the result stays sparse for the first group).
_SPARSE_TAKES = ("dim", "size", "matmul") + tuple(
    f"{p}{e}_{part}"
    for p, e in (("", "eigsh"), ("g", "eigsh"), ("", "eigs"))
    for part in ("values", "vectors", "values_only")
)


def check_sparse(values: list[Value]) -> None:
    """A compile error where the model uses a scipy.sparse value (a sparse(n,n) parameter,
    scipy.sparse.diags) in an op whose NumPy meaning it would change."""
    sparse: set[int] = set()
    for v in values:
        if (v.op == "param" and v.struct == SPARSE) or v.op == "sparse_diags":
            sparse.add(v.id)
            continue
        hit = [a for a in v.args if a.id in sparse]
        if not hit:
            continue
        others = [a for a in v.args if a.id not in sparse]
        stays = (
            (v.op in ("add", "sub") and not others)
            or v.op in ("neg", "transpose")
            or (v.op == "mul" and all(a.rank == 0 for a in others))
        )
        if stays:
            sparse.add(v.id)
        elif v.op == "matmul":
            if not others:
                sparse.add(v.id)
        elif v.op not in _SPARSE_TAKES:
            raise CompileError(
                "a scipy.sparse matrix cannot be used here (its NumPy meaning would change: "
                "`*` is a matrix product for scipy.sparse matrices, np.diag fails, a sum with "
                "a dense array is an np.matrix)",
                v.loc,
                "sparse values may be added to sparse values, scaled by scalars, transposed, "
                "multiplied with @, and passed to eigsh/eigs",
            )


# The ops whose local identities include the factored adjoint's (rules/__init__.py chains
# `rewrite` in front of their own `simplify`).
ABSORBS = ("diag_of", "matmul", "transpose", "neg", "mul")


def absorbing(rules: dict[str, Rule]) -> dict[str, Rule]:
    """Those rules, with lowrank's identities tried before their own."""

    def chained(op, own):
        def simplify(g, args, attrs, shape):
            found = rewrite(g, op, args, attrs, shape)
            if found is None and own is not None:
                found = own(g, args, attrs, shape)
            return found

        return simplify

    return {op: replace(rules[op], simplify=chained(op, rules[op].simplify)) for op in ABSORBS}


# -- the frontend's call handlers ------------------------------------------------------
def _int(v) -> int | None:
    if isinstance(v, Value) and v.is_const() and float(v.attr("value")).is_integer():
        return int(v.attr("value"))
    return v if type(v) is int else None


def _subset(b, node, subset_by_index):
    if subset_by_index is None:
        return None, None
    ok = (
        isinstance(subset_by_index, (list, tuple))
        and len(subset_by_index) == 2
        and all(type(i) is int and i >= 0 for i in subset_by_index)
        and subset_by_index[0] <= subset_by_index[1]
    )
    if not ok:
        raise b.err(
            "subset_by_index must be a constant [lo, hi] with 0 <= lo <= hi",
            node,
            "e.g. subset_by_index=[0, 2] for the three smallest eigenvalues",
        )
    return subset_by_index[0], subset_by_index[1]


def _scipy_eigh(
    bld,
    node,
    a,
    b=None,
    lower=True,
    eigvals_only=False,
    subset_by_index=None,
    type=1,
    driver=None,
    check_finite=True,
    overwrite_a=False,
    overwrite_b=False,
):
    if type != 1 or driver is not None:
        raise bld.err(
            "scipy.linalg.eigh supports the problem A v = λ B v (type=1) with the default driver",
            node,
        )
    if not isinstance(b, Value) and b is not None:
        raise bld.err("the second argument of scipy.linalg.eigh must be a matrix B", node)
    lo, hi = _subset(bld, node, subset_by_index)
    if b is None and lo is None:  # the standard problem: np.linalg.eigh's ops
        return scipy_linalg._eigh_call(bld, node, a, lower, eigvals_only)
    opts = "" if lower else ", lower=False"
    if lo is not None:
        opts += f", subset_by_index=[{lo}, {hi}]"
    attrs = {"lo": lo, "hi": hi, "lower": bool(lower), "opts": opts}
    args = (a,) if b is None else (a, b)
    name = "seigh" if b is None else "geigh"
    w = bld.g.op(f"{name}_values", *args, **attrs)
    if eigvals_only:
        return w
    return (w, bld.g.op(f"{name}_vectors", *args, **attrs))


def _scipy_eigvalsh(
    bld, node, a, b=None, lower=True, subset_by_index=None, type=1, driver=None, check_finite=True
):
    return _scipy_eigh(bld, node, a, b, lower, True, subset_by_index, type, driver, check_finite)


def _symmetric_by_construction(v: Value) -> bool:
    """Symmetric whatever the inputs (within their declared structure): ARPACK's Lanczos
    (eigsh) reads the whole matrix and is meaningless on a non-symmetric one, so a general
    parameter's entrywise gradient would not exist. A sparse parameter is a constant (no
    gradient): its symmetry is the caller's, as in SciPy."""
    if v.is_symmetric or v.rank == 0 or (v.op == "param" and v.struct == SPARSE):
        return True
    if v.op in ("add", "sub", "mul"):
        return all(_symmetric_by_construction(a) for a in v.args)
    return v.op in ("neg", "transpose") and _symmetric_by_construction(v.args[0])


def _krylov(name: str, whiches: tuple[str, ...]):
    def handler(
        b,
        node,
        A,
        k=6,
        M=None,
        sigma=None,
        which="LM",
        v0=None,
        ncv=None,
        maxiter=None,
        tol=0,
        return_eigenvectors=True,
    ):
        who = f"scipy.sparse.linalg.{name}"
        k = _int(k)
        if k is None or k < 1:
            raise b.err(f"{who} needs a constant number of eigenvalues k >= 1", node)
        if which not in whiches:
            raise b.err(
                f"{who}: which={which!r} is not supported",
                node,
                "which= one of " + ", ".join(repr(w) for w in whiches),
            )
        if (M is not None and name == "eigs") or any(
            x is not None for x in (sigma, v0, ncv, maxiter)
        ):
            raise b.err(
                f"{who} is supported with k=, which= (and M= for eigsh) only "
                "(no sigma, v0, ncv, maxiter, tol)",
                node,
                "shift-invert (sigma=) is not differentiated; use which='SA' for the smallest",
            )
        if tol != 0:
            raise b.err(f"{who}: tol= must stay 0 (machine precision) to be differentiated", node)
        mats = (A,) if M is None else (A, M)
        if not all(isinstance(x, Value) for x in mats):
            raise b.err(f"{who} needs matrices A (and M)", node)
        if name == "eigsh" and not all(_symmetric_by_construction(x) for x in mats):
            raise b.err(
                f"{who} needs symmetric matrices, and this one is not symmetric by construction",
                node,
                'declare it symmetric (A: "sym(n,n)"; its gradient is then the symmetric one) or '
                "build it so (P @ P.T, L + scipy.sparse.diags(p), A + A.T)",
            )
        op = name if M is None else "g" + name
        attrs = {"nev": k, "which": repr(which)}
        if not return_eigenvectors:
            return b.g.op(f"{op}_values_only", *mats, **attrs)
        w = b.g.op(f"{op}_values", *mats, **attrs)
        return (w, b.g.op(f"{op}_vectors", *mats, **attrs))

    return handler


def _diags(b, node, p, offsets=0, shape=None, format=None):
    if _int(offsets) != 0 or shape is not None or format is not None:
        raise b.err("scipy.sparse.diags supports one vector on the main diagonal", node, "diags(p)")
    if not isinstance(p, Value) or p.rank != 1:
        raise ShapeError("scipy.sparse.diags(p) needs a vector p", b.g.at or b.g.loc)
    return b.g.op("sparse_diags", p)


# keyword arguments that are arrays, not constant options (scipy.linalg.eigh's b=, eigsh's M=)
ARRAY_KEYWORDS = ("b", "M")

CALLS = {
    "scipy.linalg.eigh": _scipy_eigh,
    "scipy.linalg.eigvalsh": _scipy_eigvalsh,
    "scipy.sparse.linalg.eigsh": _krylov("eigsh", ("LA", "SA", "LM", "SM")),
    "scipy.sparse.linalg.eigs": _krylov("eigs", ("LM", "SM", "LR", "SR", "LI", "SI")),
    "scipy.sparse.diags": _diags,
}
