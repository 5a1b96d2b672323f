"""Pseudo-inverses, least squares, QR, SVD singular vectors and the matrix logarithm (issue 9,
item 3; matrices). Every derivative is a sum and composition of Kron/Box/Hadamard/Triangle
forms over values of the forward pass (the pseudo-inverse, the factors), so its adjoint is
the forms' unwinding, never hand-written.

- pinv  P = A⁺ (constant rank): dP = −P dA P + P Pᵀ dAᵀ (I − A P) + (I − P A) dAᵀ Pᵀ P
  (Golub & Pereyra 1973, Thm 4.3; autograd's `grad_pinv` in autograd/numpy/linalg.py is the
  adjoint of the same three terms).
- lstsq x = A⁺ b: dx = dP b + P db.
- qr (m ≥ n, reduced): with M = Qᵀ dA R⁻¹ and Ω = tril(M, −1) − tril(M, −1)ᵀ,
  dQ = Q (Ω − M) + dA R⁻¹ and dR = (M − Ω) R (JAX's `qr_jvp_rule`, jax/_src/lax/linalg.py,
  after J. Towns' note j-towns.github.io/papers/qr-derivative.pdf).
- svd (full_matrices=False, distinct singular values): with dP = Uᵀ dA V, S = diag(s) and
  F_ij = 1/(s_j² − s_i²) (0 on the diagonal),
  dU = U (F ∘ (dP S + S dPᵀ)) + (I − U Uᵀ) dA V S⁻¹,
  dV = V (F ∘ (S dP + dPᵀ S)) + (I − V Vᵀ) dAᵀ U S⁻¹
  (JAX's `_svd_jvp_rule`, real case; autograd's `grad_svd` is its adjoint, after
  j-towns.github.io/papers/svd-derivative.pdf). The projector terms vanish for a square A.
- logm: the Fréchet derivative L(A, E) is the upper-right block of log([[A, E], [0, A]])
  (Higham, Functions of Matrices, Thm 3.6 / eq. 3.16); its adjoint is L(Aᵀ, Ȳ) (the Frechet
  form, as for expm).
"""

from __future__ import annotations

from ..diagnostics import CompileError, ShapeError
from ..forms import Box, Compose, Frechet, Hadamard, Inv, Kron, Sum, Triangle, chain
from ..ir import GENERAL, Graph, Value
from .base import (
    Rule,
    function,
    loc,
    need,
    rank_name,
    real_matrix_function,
    scalar,
    square,
    tuple_call,
    unsupported,
)

SCIPY = ("scipy.linalg",)


def _T(g, v):
    return g.op("transpose", v)


def _neg(g, v):
    return g.op("neg", v)


def min_dim(g: Graph, x: Value) -> int:
    """min(m, n) of a matrix: the dimension np.linalg.svd's shapes use too (one per (m, n),
    kept in g.svd_dims, so QR and SVD factors of one matrix agree; codegen spells it)."""
    m, n = x.shape
    if g.same_dim(m, n):
        return m
    fm, fn = g.dim_info(m).fixed, g.dim_info(n).fixed
    if isinstance(fm, int) and isinstance(fn, int):
        return m if fm <= fn else n
    key = (g.find(m), g.find(n))
    for d, info in g.svd_dims.items():
        if info == key:
            return d
    d = g.new_dim(None, g.at, "min(m, n) of a matrix")
    g.svd_dims[d] = key
    return d


# -- shapes --------------------------------------------------------------------------------
def _pinv_shape(g, args, attrs):
    (x,) = args
    need(x.rank == 2, g, f"np.linalg.pinv needs a matrix, got {rank_name(x.rank)}")
    return (x.shape[1], x.shape[0]), GENERAL


def thin_parts(who: str, shapes):
    """The shape rules of the outputs of a thin factorization of an m×n matrix (QR, SVD):
    `shapes(m, k, n)` gives every output's shape, with k = min(m, n)."""

    def part(index):
        def rule(g, args, attrs):
            (x,) = args
            need(x.rank == 2, g, f"{who} needs a matrix, got {rank_name(x.rank)}")
            m, n = x.shape
            return shapes(m, min_dim(g, x), n)[index], GENERAL

        return rule

    return part


_qr_part = thin_parts("np.linalg.qr", lambda m, k, n: ((m, k), (k, n)))


def _lstsq_part(index):
    def rule(g, args, attrs):
        a, b = args
        need(
            a.rank == 2,
            g,
            f"np.linalg.lstsq(A, b) needs A a matrix, got {rank_name(a.rank)}",
        )
        need(b.rank in (1, 2), g, "np.linalg.lstsq(A, b) needs b a vector or a matrix")
        g.unify(a.shape[0], b.shape[0], "np.linalg.lstsq (rows of A and b)", (a, b))
        if index == 0:
            return (a.shape[1],) + tuple(b.shape[1:]), GENERAL
        if index == 1:  # empty unless A has full column rank and m > n: a size of its own
            return (g.new_dim(None, g.at, "the residuals of np.linalg.lstsq"),), GENERAL
        return (), GENERAL

    return rule


def _svd_gap_shape(g, args, attrs):
    (s,) = args
    return (s.shape[0], s.shape[0]), GENERAL


# -- derivatives ---------------------------------------------------------------------------
def _pinv_terms(g, P: Value, A: Value, right: Value | None):
    """dP·right for P = A⁺ (right None: dP itself), as three forms of dA."""
    m, n = A.shape
    PPt = g.op("matmul", P, _T(g, P))
    I_AP = g.op("sub", g.op("eye", dim=g.find(m)), g.op("matmul", A, P))
    I_PA = g.op("sub", g.op("eye", dim=g.find(n)), g.op("matmul", P, A))
    if right is None:
        tail_1, tail_2, tail_3 = P, I_AP, g.op("matmul", _T(g, P), P)
    else:  # (·) b with b = right, P b = x
        x = g.op("matmul", P, right)
        tail_1 = x
        tail_2 = g.op("matmul", I_AP, right)
        tail_3 = g.op("matmul", _T(g, P), x)
    return Sum(Sum(Kron(_neg(g, P), tail_1), Box(PPt, tail_2)), Box(I_PA, tail_3))


def _pinv_form(g, P, a):
    return _pinv_terms(g, P, a, None)


def _lstsq_a_form(g, x, a, b):
    return _pinv_terms(g, g.op("pinv", a), a, b)


def _lstsq_b_form(g, x, a, b):
    return Kron(g.op("pinv", a), None)


def _qr_square_r(g, x: Value, what: str) -> None:
    k = min_dim(g, x)
    if not g.same_dim(k, x.shape[1]):
        raise CompileError(
            f"the derivative of {what} of np.linalg.qr needs a tall or square matrix (m >= n) "
            "whose sizes are known to compare",
            g.loc,
            'declare the shape (A: "5,3"); the wide case (m < n) is not implemented',
        )


def _qr_pieces(g, x):
    Q, R = g.op("qr_q", x), g.op("qr_r", x)
    kk = R.shape
    M = Kron(_T(g, Q), Inv(R))  # Qᵀ dA R⁻¹
    low = Triangle(k=-1)
    skew = Sum(low, Compose(Hadamard(g.const(-1.0), kk), Compose(Box(), low)))  # Ω of M
    return Q, R, kk, M, skew


def _qr_q_form(g, Q, x):
    """dQ = Q (Ω − M) + dA R⁻¹."""
    _qr_square_r(g, x, "Q")
    Q, R, kk, M, skew = _qr_pieces(g, x)
    omega_minus_m = Sum(skew, Hadamard(g.const(-1.0), kk))
    return Sum(chain(Kron(Q, None), omega_minus_m, M), Kron(None, Inv(R)))


def _qr_r_form(g, R, x):
    """dR = (M − Ω) R."""
    _qr_square_r(g, x, "R")
    _, R, kk, M, skew = _qr_pieces(g, x)
    m_minus_omega = Sum(Hadamard(None, kk), Compose(Hadamard(g.const(-1.0), kk), skew))
    return chain(Kron(None, R), m_minus_omega, M)


def _svd_pieces(g, x):
    U, s, Vt = g.op("svd_u", x), g.op("svd_s", x), g.op("svd_vt", x)
    V = _T(g, Vt)
    kk = (s.shape[0], s.shape[0])
    m, n = x.shape
    thin = not g.same_dim(m, n)  # the projector terms divide by s: s must be nonzero
    F = g.op("svd_gap_inv", s, thin=thin)
    dP = Kron(_T(g, U), V)  # Uᵀ dA V
    return U, s, Vt, V, kk, F, dP, (thin and _maybe_more(g, m, n), thin and _maybe_more(g, n, m))


def _maybe_more(g: Graph, a: int, b: int) -> bool:
    """Size a may exceed size b (False only when both are literal and a <= b): the projector
    I − U Uᵀ of the SVD is zero when U is square."""
    fa, fb = g.dim_info(a).fixed, g.dim_info(b).fixed
    return not (isinstance(fa, int) and isinstance(fb, int) and fa <= fb)


def _sym(g, D, kk):
    """X ↦ D ∘ X + (D ∘ X)ᵀ."""
    scaled = Hadamard(D, kk)
    return Sum(scaled, Compose(Box(), scaled))


def svd_u_form(g, U, x):
    """dU = U (F ∘ (dP S + (dP S)ᵀ)) + (dA V − U Uᵀ dA V) S⁻¹."""
    U, s, _, V, kk, F, dP, (tall, _) = _svd_pieces(g, x)
    inner = chain(Kron(U, None), Hadamard(F, kk), _sym(g, s, kk), dP)
    if not tall:
        return inner
    outside = Compose(
        Hadamard(s, U.shape, divide=True),
        Sum(Kron(None, V), Compose(Kron(_neg(g, U), None), dP)),
    )
    return Sum(inner, outside)


def svd_vt_form(g, Vt, x):
    """dVᵀ with dV = V (F ∘ (S dP + (S dP)ᵀ)) + (dAᵀ U − V Vᵀ dAᵀ U) S⁻¹."""
    U, s, Vt, V, kk, F, dP, (_, wide) = _svd_pieces(g, x)
    s_col = g.op("expand_dims", s, axes=(1,))
    inner = chain(Kron(V, None), Hadamard(F, kk), _sym(g, s_col, kk), dP)
    if wide:
        dAtU = Box(None, U)
        outside = Compose(
            Hadamard(s, V.shape, divide=True),
            Sum(dAtU, chain(Kron(_neg(g, V), None), Kron(Vt, None), dAtU)),
        )
        inner = Sum(inner, outside)
    return Compose(Box(), inner)


def _svd_gap_spelling(args, at):
    (s,) = args
    check = f"np.min(np.abs({at['out']})) <= 1e-10 * max(1.0, np.max({s}) ** 2)"
    if at["thin"] == "True":
        check += f" or np.min({s}) <= 1e-10 * max(1.0, np.max({s}))"
    return (
        f"{at['out']} = {s}[np.newaxis, :] ** 2 - {s}[:, np.newaxis] ** 2\n"
        f"np.fill_diagonal({at['out']}, np.inf)\n"
        f"if {check}:\n"
        "    raise FloatingPointError(\n"
        '        "repeated (or, for a non-square matrix, zero) singular values: the singular '
        'vector derivative is undefined"\n'
        "    )\n"
        f"{at['out']} = 1.0 / {at['out']}"
    )


def _logm_frechet_shape(g, args, attrs):
    a, e = args
    square(g, a, "scipy.linalg.logm")
    need(e.rank == 2, g, "the Fréchet derivative of logm needs a matrix direction")
    g.unify(a.shape[0], e.shape[0], "scipy.linalg.logm", (a, e))
    g.unify(a.shape[1], e.shape[1], "scipy.linalg.logm", (a, e))
    return a.shape, GENERAL


_lstsq_out = tuple_call("np.linalg.lstsq({0}, {1}, rcond=None)", 4)
_no_residuals = unsupported("the derivative of the residuals of np.linalg.lstsq")
_qr_out = tuple_call("np.linalg.qr({0})", 2)
RULES: dict[str, Rule] = {
    "pinv": function(
        "numpy.linalg.pinv",
        _pinv_shape,
        (_pinv_form,),
        ref="Golub & Pereyra (1973), Thm 4.3; autograd/numpy/linalg.py grad_pinv",
        fresh=True,
    ),
    # (x, residuals, rank, s): the singular values s are svd_s's (the frontend's _lstsq)
    "lstsq_x": _lstsq_out(
        0,
        _lstsq_part(0),
        (_lstsq_a_form, _lstsq_b_form),
        ref="x = A⁺ b: the pseudo-inverse's derivative",
    ),
    "lstsq_residuals": _lstsq_out(1, _lstsq_part(1), (_no_residuals, _no_residuals)),
    "lstsq_rank": _lstsq_out(2, _lstsq_part(2), (None, None)),
    # an integer: its derivative is zero wherever it is defined
    "matrix_rank": function("numpy.linalg.matrix_rank", scalar, (None,)),
    "qr_q": _qr_out(0, _qr_part(0), (_qr_q_form,)),
    "qr_r": _qr_out(1, _qr_part(1), (_qr_r_form,)),
    # F_ij = 1/(s_j² − s_i²), 0 on the diagonal; raises at repeated singular values
    "svd_gap_inv": Rule(
        _svd_gap_spelling,
        _svd_gap_shape,
        (unsupported("the second derivative of np.linalg.svd's singular vectors"),),
        statements=True,
    ),
    # SciPy gives a complex logarithm for a real matrix with negative eigenvalues: a clear
    # error here (the model is real), its real part when the imaginary part is only rounding
    "logm": real_matrix_function(
        "scipy.linalg.logm",
        lambda g, y, a: Frechet("logm", a),
        scale="max(1.0, np.abs({out}).max())",
        what="logarithm",
        ref="Higham, Functions of Matrices (2008), Thm 3.6: L(A, E) from log([[A, E], [0, A]])",
    ),
    "logm_frechet": Rule(
        "{out} = scipy.linalg.logm(np.block([[{0}, {1}], [np.zeros_like({0}), {0}]]))\n"
        "{out} = np.real({out}[: {0}.shape[0], {0}.shape[0] :])",
        _logm_frechet_shape,
        (
            unsupported("the second derivative of scipy.linalg.logm"),
            lambda g, y, a, e: Frechet("logm", a),
        ),
        imports=SCIPY,
        statements=True,
    ),
}


# -- the frontend's calls ------------------------------------------------------------------
def _qr(b, node, x, mode="reduced"):
    if x.rank != 2:
        raise ShapeError(
            "np.linalg.qr needs a matrix",
            loc(node),
            "batched QR is a later piece of work",
        )
    if mode not in ("reduced", "r"):
        raise b.err(
            f"np.linalg.qr supports mode='reduced' and mode='r' (got {mode!r})",
            node,
            "the reduced factors are the differentiable ones",
        )
    r = b.g.op("qr_r", x)
    return r if mode == "r" else (b.g.op("qr_q", x), r)


def _lstsq(b, node, a, y, rcond=None):
    if rcond is not None:
        raise b.err(
            "np.linalg.lstsq supports rcond=None (NumPy's default) here",
            node,
            "np.linalg.pinv(A) @ b with the tolerance you need",
        )
    g = b.g
    return (
        g.op("lstsq_x", a, y),
        g.op("lstsq_residuals", a, y),
        g.op("lstsq_rank", a, y),
        g.op("svd_s", a),
    )


CALLS = {
    "numpy.linalg.qr": _qr,
    "numpy.linalg.lstsq": _lstsq,
}
