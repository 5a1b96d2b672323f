"""Arrays of rank 3 and more (issue 9): transposes by a permutation of axes, matmul
broadcasting over leading dimensions, and np.linalg on stacks of matrices.

The graph builds these ops in place of their matrix twins when an argument has more than
two dimensions (`Rule.batched`: inv -> inv_batched). A batched derivative is still one
linear map per matrix of the stack — a batched Kron A dX B — written as an einsum over
explicit batch letters ('Bij,Bjk,Bkl->Bil'), whose adjoint is another einsum that also sums
over the batch axes an operand was broadcast along. No n²×n² matrix is formed.
"""

from __future__ import annotations

from ..diagnostics import ShapeError
from ..einsum import (
    Einsum,
    LowerSymBatched,
    Permute,
    batch_letters,
    normalize,
    swap_last,
    unparse,
)
from ..forms import Hadamard, broadcast_shape, chain
from ..ir import GENERAL, Graph, Value
from .base import ADD, Rule, const_int, infix, linear, need, rank_name, unsupported
from .linalg import RULES as MATRIX_OPS


def _perm(x: Value, attrs: dict) -> tuple[int, ...]:
    return tuple(attrs.get("perm", tuple(reversed(range(x.rank)))))


def _permute_shape(g, args, attrs):
    (x,) = args
    perm = _perm(x, attrs)
    need(sorted(perm) == list(range(x.rank)), g, "transpose: axes are not a permutation")
    return tuple(x.shape[p] for p in perm), GENERAL


def _permute_simplify(g, args, attrs, shape):
    (x,) = args
    perm = _perm(x, attrs)
    if "perm" not in attrs:  # x.T of a stack: all axes reversed, spelled out
        return g.op("permute", x, perm=perm)
    if perm == tuple(range(x.rank)):
        return x
    if x.op == "permute":  # two transposes are one
        inner = x.attr("perm")
        return g.op("permute", x.args[0], perm=tuple(inner[p] for p in perm))
    return None


def permute(g: Graph, x: Value, perm: tuple[int, ...]) -> Value:
    """x with its axes reordered (np.transpose(x, perm)); the matrix transpose for rank 2."""
    if x.rank <= 2:
        return x if perm == tuple(range(x.rank)) else g.op("transpose", x)
    return g.op("permute", x, perm=tuple(perm))


# -- matmul over leading dimensions ---------------------------------------------------------
def matmul_spec(ranks: list[int]) -> tuple[list[str], str]:
    """The subscripts of A @ B for these ranks (1: a vector), batch axes right-aligned."""
    ra, rb = ranks
    used = set("ijk")
    ba, bb = batch_letters(used, [max(ra - 2, 0), max(rb - 2, 0)])
    sa = "j" if ra == 1 else ba + "ij"
    sb = "j" if rb == 1 else bb + "jk"
    batch = ba if len(ba) >= len(bb) else bb
    return [sa, sb], batch + ("i" if ra >= 2 else "") + ("k" if rb >= 2 else "")


def _batch(g, xs: list[Value], core: list[int]) -> tuple:
    """The broadcast of the leading axes of xs (all but the last core[i] of each)."""
    shape: tuple = ()
    for x, c in zip(xs, core):
        shape = broadcast_shape(g, shape, x.shape[: x.rank - c], tuple(xs))
    return shape


def _matmul_shape(g, args, attrs):
    a, b = args
    need(a.rank >= 1 and b.rank >= 1, g, "`@` needs arrays; use `*` to scale by a scalar")
    g.unify(
        a.shape[-1], b.shape[-2] if b.rank >= 2 else b.shape[0], "`@` (inner dimensions)", (a, b)
    )
    batch = _batch(g, [a, b], [min(a.rank, 2), min(b.rank, 2)])
    return batch + tuple(a.shape[-2:-1]) + tuple(b.shape[-1:] if b.rank >= 2 else ()), GENERAL


def _einsum_form(g, ins, out, operands, k):
    return Einsum(normalize(g, ins, out, operands), tuple(operands), k)


def _matmul_deriv(k: int):
    def deriv(g, y, a, b):
        ins, out = matmul_spec([a.rank, b.rank])
        return _einsum_form(g, ins, out, [a, b], k)

    return deriv


# -- np.linalg on stacks of matrices ----------------------------------------------------------
def _square_stack(who: str, low: int = 2):
    def check(g, x):
        need(x.rank >= low, g, f"{who} needs a (stack of) square matrices, got {rank_name(x.rank)}")
        g.unify(x.shape[-1], x.shape[-2], f"{who} (the matrices must be square)", (x,))

    return check


def _per_matrix(out_shape):
    """The shape rules of `who` computing something of each square matrix of a stack:
    `out_shape` is the result's shape from the stack's."""

    def shape_rule(who):
        check = _square_stack(who)

        def rule(g, args, attrs):
            check(g, args[0])
            return out_shape(args[0].shape), GENERAL

        return rule

    return shape_rule


_same_stack = _per_matrix(lambda shape: shape)  # a matrix per matrix (inv, cholesky)
_stack_scalars = _per_matrix(lambda shape: shape[:-2])  # a scalar per matrix (det)
_stack_values = _per_matrix(lambda shape: shape[:-1])  # a vector per matrix (eigenvalues)


def _stacked(twin: str, shape_of, derivs: tuple) -> Rule:
    """The op the graph builds in place of np.linalg's matrix op `twin` (linalg.py) when its
    argument is a stack of matrices: the twin's call, requirements, outputs and reference,
    per matrix, with the shape rule `shape_of` makes for the called name."""
    rule = MATRIX_OPS[twin]
    return Rule(
        rule.spelling,
        shape_of(rule.spelling.split("(")[0]),
        derivs,
        ref=rule.ref and f"{rule.ref}, per matrix of the stack",
        requires=rule.requires,
        group=rule.group,
        fresh=rule.fresh,
        any_rank=True,
    )


def _solve_stack(who):
    check = _square_stack(who)

    def rule(g, args, attrs):
        a, b = args
        check(g, a)
        if b.rank >= 2 and b.rank == a.rank - 1:
            raise ShapeError(
                f"{who}(A, b) with A of {a.rank} and b of {b.rank} dimensions: NumPy 1 "
                "reads b as a stack of vectors, NumPy 2 as one matrix",
                g.at or g.loc,
                "say which: np.linalg.solve(A, b[..., None])[..., 0] for a stack of vectors",
            )
        if b.rank == 1:  # NumPy 2: b is a vector only when it is 1-D
            g.unify(a.shape[-1], b.shape[0], f"{who} (rows of A and b)", (a, b))
            return a.shape[:-1], GENERAL
        g.unify(a.shape[-1], b.shape[-2], f"{who} (rows of A and b)", (a, b))
        return _batch(g, [a, b], [2, 2]) + (a.shape[-1], b.shape[-1]), GENERAL

    return rule


def _letters(rank: int, core: str) -> str:
    """The subscripts of a stack of matrices of rank `rank` (batch letters, then `core`), or
    of its per-matrix scalars when `core` is ''."""
    (batch,) = batch_letters(set("ijkl"), [rank - 2])
    return batch + core


def _inv_form(g, y, x):
    """d X⁻¹ = −X⁻¹ dX X⁻¹ per matrix (Matrix Cookbook eq. 59)."""
    s = [_letters(x.rank, c) for c in ("ij", "jk", "kl")]
    return _einsum_form(g, s, _letters(x.rank, "il"), [g.op("neg", y), x, y], 1)


def _logdet_form(g, y, x):
    """d log|det X| = tr(X⁻¹ dX) per matrix (Cookbook eq. 57)."""
    s = [_letters(x.rank, "ji"), _letters(x.rank, "ij")]
    return _einsum_form(g, s, _letters(x.rank, ""), [g.op("inv_batched", x), x], 1)


def _det_form(g, y, x):
    """d det X = det X · tr(X⁻¹ dX) per matrix (Cookbook eq. 49)."""
    s = [_letters(x.rank, ""), _letters(x.rank, "ji"), _letters(x.rank, "ij")]
    return _einsum_form(g, s, _letters(x.rank, ""), [y, g.op("inv_batched", x), x], 2)


def _solve_a_form(g, y, a, b):
    """Y = A⁻¹B: dY = −A⁻¹ dA Y, per matrix; A's batch axes are summed in the adjoint."""
    used = set("ijkl")
    vec = b.rank == 1
    ya, aa, yy = batch_letters(used, [a.rank - 2, a.rank - 2, y.rank - (1 if vec else 2)])
    ins = [ya + "ij", aa + "jk", yy + ("k" if vec else "kl")]
    out = yy + ("i" if vec else "il")
    neg_inv = g.op("neg", g.op("inv_batched", a))
    return _einsum_form(g, ins, out, [neg_inv, a, y], 1)


def _solve_b_form(g, y, a, b):
    """dY = A⁻¹ dB, a batched matmul."""
    ins, out = matmul_spec([a.rank, b.rank])
    return _einsum_form(g, ins, out, [g.op("inv_batched", a), b], 1)


def _framed(g, y, a, mask: Value, B: Value, subscripts: tuple[str, str, str]):
    """dY = Y (mask ∘ (B dA Bᵀ)) per matrix, or with Bᵀ dA B (as `subscripts` say), dA the
    symmetric matrices read from the lower triangles of `a`: the derivative of a Cholesky
    factor and of eigenvectors."""
    r = a.rank
    left = _einsum_form(g, [_letters(r, "ij"), _letters(r, "jk")], _letters(r, "ik"), [y, y], 1)
    middle = _einsum_form(g, [_letters(r, c) for c in subscripts], _letters(r, "il"), [B, a, B], 1)
    return chain(left, Hadamard(mask, y.shape), middle, LowerSymBatched())


def _cholesky_form(g, L, a):
    """dL = L Φ(L⁻¹ dΣ L⁻ᵀ) per matrix (Murray 2016, section 3), dΣ the symmetric matrix
    np.linalg.cholesky reads from each lower triangle."""
    Linv = g.op("inv_batched", L)
    phi = g.op("phi_mask", dim=g.find(L.shape[-1]))
    return _framed(g, L, a, phi, Linv, ("ij", "jk", "lk"))


def _gap_shape(g, args, attrs):
    (w,) = args
    return w.shape + w.shape[-1:], GENERAL


def _eigh_values_form(g, w, a):
    """dw = diag(Vᵀ dA V) per matrix, on the symmetric matrices read from the lower
    triangles."""
    V = g.op("eigvecsh_batched", a)
    s = [_letters(a.rank, c) for c in ("ji", "jk", "ki")]
    return chain(_einsum_form(g, s, _letters(a.rank, "i"), [V, a, V], 1), LowerSymBatched())


def _eigh_vectors_form(g, V, a):
    """dV = V (F ∘ (Vᵀ dA V)) per matrix, F_ij = 1/(w_j − w_i), F_ii = 0 (raising at
    repeated eigenvalues)."""
    F = g.op("eig_gap_inv_batched", g.op("eigvalsh_batched", a))
    return _framed(g, V, a, F, V, ("ji", "jk", "kl"))


def _trace_shape(g, args, attrs):
    (x,) = args
    g.unify(x.shape[0], x.shape[1], "np.trace (the first two axes)", (x,))
    return x.shape[2:], GENERAL


def _trace_form(g, y, x):
    """np.trace of an N-d array sums the diagonals over its first two axes: einsum 'ii...'."""
    (rest,) = batch_letters(set("i"), [x.rank - 2])
    return _einsum_form(g, ["ii" + rest], rest, [x], 0)


def _phi_mask(g, args, attrs):
    return (attrs["dim"], attrs["dim"]), GENERAL


RULES: dict[str, Rule] = {
    # Φ's mask (ones below the diagonal, ½ on it), broadcast over a stack by a Hadamard form
    "phi_mask": Rule(
        "np.tril(np.ones(({dim}, {dim})), -1) + 0.5 * np.eye({dim})", _phi_mask, prec=ADD
    ),
    # np.transpose(X, axes), np.swapaxes, np.moveaxis and X.T of arrays of any rank
    "permute": Rule(
        "np.transpose({0}, {perm})",
        _permute_shape,
        (linear(Permute, "perm"),),
        simplify=_permute_simplify,
        view=True,
        any_rank=True,
    ),
    # A @ B broadcasting over leading dimensions (np.matmul's rule)
    "matmul_batched": infix(
        "@",
        _matmul_shape,
        (_matmul_deriv(0), _matmul_deriv(1)),
        binop=None,  # the graph makes it in place of matmul
        fresh=True,
        any_rank=True,
    ),
    "inv_batched": _stacked("inv", _same_stack, (_inv_form,)),
    "solve_batched": _stacked("solve", _solve_stack, (_solve_a_form, _solve_b_form)),
    "det_batched": _stacked("det", _stack_scalars, (_det_form,)),
    "logdet_batched": _stacked("logdet", _stack_scalars, (_logdet_form,)),
    "slogdet_sign_batched": _stacked("slogdet_sign", _stack_scalars, (None,)),
    "cholesky_batched": _stacked("cholesky", _same_stack, (_cholesky_form,)),
    "trace_batched": Rule("np.trace({0})", _trace_shape, (_trace_form,), any_rank=True),
    "eigvalsh_batched": _stacked("eigvalsh", _stack_values, (_eigh_values_form,)),
    "eigvecsh_batched": _stacked("eigvecsh", _same_stack, (_eigh_vectors_form,)),
    # F[..., i, j] = 1/(w_j − w_i) off the diagonal, 0 on it, for each matrix of the stack
    "eig_gap_inv_batched": Rule(
        "{out} = {0}[..., np.newaxis, :] - {0}[..., :, np.newaxis]\n"
        "{out}[..., np.arange({0}.shape[-1]), np.arange({0}.shape[-1])] = np.inf\n"
        "if np.min(np.abs({out})) <= 1e-10 * max(1.0, np.max(np.abs({0}))):\n"
        '    raise FloatingPointError("repeated eigenvalues: the eigenvector derivative is undefined")\n'
        "{out} = 1.0 / {out}",
        _gap_shape,
        (unsupported("the second derivative of eigenvectors of a stack of matrices"),),
        statements=True,
        any_rank=True,
    ),
}


# -- the frontend's calls (transposes of any rank) ----------------------------------------
def transpose_call(b, node, x, *axes):
    """np.transpose(X) and X.transpose(axes): any permutation of the axes."""
    if len(axes) == 1 and isinstance(axes[0], tuple):
        axes = axes[0]
    if len(axes) == 1 and axes[0] is None:
        axes = ()
    perm = tuple(const_int(a) for a in axes)
    if not perm:
        perm = tuple(reversed(range(x.rank)))
    if None in perm or sorted(a % x.rank if x.rank else a for a in perm) != list(range(x.rank)):
        raise b.err(f"transpose: axes {axes!r} are not a permutation of the array's axes", node)
    return permute(b.g, x, tuple(a % x.rank for a in perm))


def swap_axes(b, node, x, a, c):
    """np.swapaxes(x, a, c) of an array of any rank."""
    perm = list(range(x.rank))
    perm[a % x.rank], perm[c % x.rank] = perm[c % x.rank], perm[a % x.rank]
    return permute(b.g, x, tuple(perm))


def move_axis(b, node, x, s, d):
    """np.moveaxis(x, s, d) of an array of any rank."""
    perm = [i for i in range(x.rank) if i != s % x.rank]
    perm.insert(d % x.rank, s % x.rank)
    return permute(b.g, x, tuple(perm))


CALLS: dict = {}
__all__ = ["CALLS", "RULES", "matmul_spec", "permute", "swap_last", "unparse"]
