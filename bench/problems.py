"""The benchmark problems: model file, --wrt, input builder at size n, hand-written experts.

Each expert is a value-and-gradient written by hand in NumPy only, the way a careful person
would: one factorization shared by the value and the gradient, the trace of a product as an
elementwise sum, in-place updates where they save a temporary. It is the floor the generated
code is measured against. Every expert returns (value, grads) with grads in --wrt order and
follows the generated module's gradient convention (the symmetric gradient for a parameter
declared spd; for these problems it equals the entrywise one).

The factorization problems (covariance, gaussian_nll, gp_nlml) also have a SciPy expert, the
floor of the module compiled with `--backend scipy`: one Cholesky factor (cho_factor) shared
by the log-determinant, the solves and the inverse, the inverse from that factor by LAPACK's
potri (one triangle, mirrored in place) rather than by solving for the identity, and
check_finite=False (the inputs are checked once by the caller). The runner's "best expert"
of a row is the faster of the two experts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

try:
    import scipy.linalg as sla
    from scipy.linalg import blas, lapack

    SCIPY_MISSING = None
except ImportError as e:  # the SciPy experts are skipped (the runner reports why)
    sla = blas = lapack = None
    SCIPY_MISSING = f"{type(e).__name__}: {e}"

LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True)
class Problem:
    name: str  # short name used in tables
    model: str  # file in bench/models/
    fn: str  # function compiled with --fn
    wrt: tuple[str, ...]  # parameters compiled with --wrt (in order)
    params: tuple[str, ...]  # the model function's parameters (in order)
    build: Callable[[int, np.random.Generator], tuple]  # positional args at size n
    expert: Callable[..., tuple]  # (*args) -> (value, grads)
    sizes: str  # how the shapes follow n (for the report)
    expert_scipy: Callable[..., tuple] | None = None  # the same with scipy.linalg

    @property
    def wrt_index(self) -> tuple[int, ...]:
        return tuple(self.params.index(p) for p in self.wrt)


def _logdet_spd(A: np.ndarray) -> float:
    """log det of an SPD matrix.

    slogdet (an LU, 2n³/3 flops) rather than 2·Σ log diag(cholesky(A)) (n³/3 flops): with
    single-threaded OpenBLAS 0.3.31 on this machine the LU is the faster of the two
    (n = 1024: 20 ms against 26 ms; n = 256: 0.65 ms against 0.94 ms), and NumPy exposes
    neither the LU nor the Cholesky factor of np.linalg.inv for reuse.
    """
    return float(np.linalg.slogdet(A)[1])


def _cho(A: np.ndarray, overwrite: bool = False):
    """cho_factor of an SPD matrix (lower) and its log-determinant, 2·Σ log diag L."""
    c = sla.cho_factor(A, lower=True, overwrite_a=overwrite, check_finite=False)
    return c, 2.0 * float(np.sum(np.log(np.diagonal(c[0]))))


def _mirror_lower(A: np.ndarray, block: int = 64) -> np.ndarray:
    """Copy the lower triangle of A onto its upper one, in place, in cache-sized blocks.

    About 3x faster than `iu = np.triu_indices(n, 1); A[iu] = A.T[iu]` and without the
    n² temporaries of `tril(A) + tril(A, -1).T` (n = 1024: 2.1 ms against 6.5 ms).
    """
    n = A.shape[0]
    for i in range(0, n, block):
        j = min(i + block, n)
        A[i:j, j:] = A[j:, i:j].T
        d = A[i:j, i:j]
        d[...] = np.tril(d) + np.tril(d, -1).T
    return A


def _potri(c) -> np.ndarray:
    """The lower triangle of the inverse from a cho_factor result, overwriting its factor.

    LAPACK potri: n³/3 + n³/3 flops against 2n³ for cho_solve(c, I) (two triangular solves
    with n right-hand sides); single-threaded OpenBLAS 0.3.31 here, n = 1024: potri and the
    mirror ≈ 17 ms, cho_solve(c, I) ≈ 44 ms, np.linalg.inv ≈ 75 ms. The array is in Fortran
    order (cho_factor's), its upper triangle is left as it was.
    """
    inv, info = lapack.dpotri(c[0], lower=1, overwrite_c=1)
    if info != 0:
        raise np.linalg.LinAlgError(f"potri failed (info={info})")
    return inv


def _cho_inv(c) -> np.ndarray:
    """The inverse (full, C order) from a cho_factor result, overwriting its factor.

    The symmetric inverse is returned as the transpose of potri's Fortran-order array: a
    C-contiguous view, so that vdot and elementwise updates with the C-order inputs do not
    copy or stride (n = 1024: 18 ms of vdot/axpy saved).
    """
    return _mirror_lower(_potri(c)).T


def _experts_from_inverse(from_inverse: Callable[..., tuple]) -> tuple[Callable, Callable]:
    """The NumPy and the SciPy expert of a problem f(data, Σ) whose value and gradient need
    only Σ⁻¹ and log det Σ: `from_inverse(data, Σ⁻¹, log det Σ)` does the rest (and may
    overwrite Σ⁻¹). NumPy: inv and slogdet; SciPy: one Cholesky factor for both."""

    def expert(data, Sigma):
        return from_inverse(data, np.linalg.inv(Sigma), _logdet_spd(Sigma))

    def expert_scipy(data, Sigma):
        c, logdet = _cho(Sigma)
        return from_inverse(data, _cho_inv(c), logdet)

    return expert, expert_scipy


def _spd(n: int, rng: np.random.Generator) -> np.ndarray:
    B = rng.standard_normal((n, n))
    return B @ B.T / n + np.eye(n)


# 1. The covariance objective of the talk -------------------------------------------------


def build_covariance(n, rng):
    A = rng.standard_normal((n, 2 * n))
    S = A @ A.T / (2 * n)
    return S, _spd(n, rng)


def _covariance_from_inverse(S, Si, logdet):
    # f = -log det Σ - tr(S Σ⁻¹) - ‖Σ⁻¹‖²;  ∇_Σ f = -Σ⁻¹ + Σ⁻¹ (S + 2 Σ⁻¹) Σ⁻¹  (S, Σ symmetric)
    value = -logdet - np.vdot(S, Si) - np.vdot(Si, Si)
    T = 2.0 * Si
    T += S
    U = Si @ T
    del T
    G = U @ Si
    del U
    G -= Si
    return value, (G,)


expert_covariance, expert_covariance_scipy = _experts_from_inverse(_covariance_from_inverse)


# 2. Gaussian negative log-likelihood, N(0, Σ), m = 2n rows --------------------------------


def build_gaussian_nll(n, rng):
    X = rng.standard_normal((2 * n, n))
    return X, _spd(n, rng)


def _gaussian_nll_from_inverse(X, Si, logdet):
    # f = m/2 log det Σ + ½ tr(Σ⁻¹ XᵀX) + const;  ∇_Σ f = ½ (m Σ⁻¹ − Σ⁻¹ XᵀX Σ⁻¹)
    m, n = X.shape
    C = X.T @ X  # NumPy uses syrk for a.T @ a
    Y = Si @ C
    del C
    value = 0.5 * m * logdet + 0.5 * np.trace(Y) + 0.5 * m * n * LOG_2PI
    G = Y @ Si
    del Y
    Si *= m
    G -= Si
    G *= -0.5
    return value, (G,)


expert_gaussian_nll, expert_gaussian_nll_scipy = _experts_from_inverse(_gaussian_nll_from_inverse)


# 3. GP negative log marginal likelihood, RBF kernel --------------------------------------

GP_DIM = 4


def build_gp_nlml(n, rng):
    X = rng.uniform(-2.0, 2.0, size=(n, GP_DIM))
    y = np.sin(X @ np.ones(GP_DIM)) + 0.1 * rng.standard_normal(n)
    return X, y, 0.9, 1.3, 0.1


def _gp_kernel(X, ell, sf2, sn2):
    """D (squared distances), E = exp(−D / 2ℓ²) and K = sf2 E + sn2 I, each computed once."""
    n = X.shape[0]
    sq = np.einsum("ij,ij->i", X, X)
    D = X @ X.T
    D *= -2.0
    D += sq[:, None]
    D += sq
    E = D * (-0.5 / ell**2)
    np.exp(E, out=E)
    K = sf2 * E
    K.flat[:: n + 1] += sn2
    return n, D, E, K


def expert_gp_nlml(X, y, ell, sf2, sn2):
    # K = sf2 E + sn2 I, E = exp(-D / 2ℓ²);  ∂f/∂θ = ½ ⟨K⁻¹ − ααᵀ, ∂K/∂θ⟩, α = K⁻¹ y
    n, D, E, K = _gp_kernel(X, ell, sf2, sn2)
    Ki = np.linalg.inv(K)
    alpha = Ki @ y
    value = 0.5 * (y @ alpha) + 0.5 * _logdet_spd(K) + 0.5 * n * LOG_2PI
    del K
    W = Ki
    W -= alpha[:, None] * alpha
    g_sn2 = 0.5 * np.trace(W)
    W *= E
    g_sf2 = 0.5 * np.sum(W)
    g_ell = 0.5 * sf2 / ell**3 * np.vdot(W, D)
    return value, (g_ell, g_sf2, g_sn2)


def expert_gp_nlml_scipy(X, y, ell, sf2, sn2):
    n, D, E, K = _gp_kernel(X, ell, sf2, sn2)
    c, logdet = _cho(K, overwrite=True)  # K is ours: factor it in place
    alpha = sla.cho_solve(c, y, check_finite=False)
    value = 0.5 * (y @ alpha) + 0.5 * logdet + 0.5 * n * LOG_2PI
    W = _potri(c)  # K⁻¹, lower triangle, in place of the factor
    W = blas.dsyr(-1.0, alpha, lower=1, a=W, overwrite_a=1)  # K⁻¹ − ααᵀ, no n² temporary
    W = _mirror_lower(W).T  # symmetric: the C-order view
    g_sn2 = 0.5 * np.trace(W)
    W *= E
    g_sf2 = 0.5 * np.sum(W)
    g_ell = 0.5 * sf2 / ell**3 * np.vdot(W, D)
    return value, (g_ell, g_sf2, g_sn2)


# 4. trace(A X B X) ---------------------------------------------------------------------------


def build_trace_axbx(n, rng):
    s = 1.0 / np.sqrt(n)
    return tuple(s * rng.standard_normal((n, n)) for _ in range(3))


def expert_trace_axbx(A, X, B):
    # ∇_X tr(AXBX) = (AXB)ᵀ + (BXA)ᵀ: four products, the value an O(n²) sum
    AX = A @ X
    AXB = AX @ B
    del AX
    value = np.vdot(AXB, X.T)
    XA = X @ A
    G = B @ XA
    del XA
    G += AXB
    return value, (G.T,)


# 5. Two-layer tanh network, squared loss (m = d = h = n samples/inputs/hidden, k = 16) -----

MLP_OUT = 16


def build_mlp(n, rng):
    d = h = m = n
    k = MLP_OUT
    W1 = rng.standard_normal((d, h)) / np.sqrt(d)
    b1 = 0.1 * rng.standard_normal(h)
    W2 = rng.standard_normal((h, k)) / np.sqrt(h)
    b2 = 0.1 * rng.standard_normal(k)
    X = rng.standard_normal((m, d))
    Y = rng.standard_normal((m, k))
    return W1, b1, W2, b2, X, Y


def expert_mlp(W1, b1, W2, b2, X, Y):
    m = X.shape[0]
    H = X @ W1
    H += b1
    np.tanh(H, out=H)
    R = H @ W2
    R += b2
    R -= Y
    value = 0.5 * np.vdot(R, R) / m
    R *= 1.0 / m  # ∂f/∂out
    g_b2 = R.sum(axis=0)
    g_W2 = H.T @ R
    g_Z = R @ W2.T
    H *= H
    np.subtract(1.0, H, out=H)
    g_Z *= H  # ∂f/∂(X W1 + b1)
    g_b1 = g_Z.sum(axis=0)
    g_W1 = X.T @ g_Z
    return value, (g_W1, g_b1, g_W2, g_b2)


# 6. Matrix factorisation, rank 16 ----------------------------------------------------------

MF_RANK = 16


def build_matfact(n, rng):
    r = MF_RANK
    W = rng.standard_normal((n, n))
    U = rng.standard_normal((n, r)) / np.sqrt(r)
    V = rng.standard_normal((n, r)) / np.sqrt(r)
    return W, U, V, 0.1


def expert_matfact(W, U, V, lam):
    R = U @ V.T
    R -= W  # R = U Vᵀ − W
    value = np.vdot(R, R) + lam * (np.vdot(U, U) + np.vdot(V, V))
    g_U = R @ V
    g_U += lam * U
    g_U *= 2.0
    g_V = R.T @ U
    g_V += lam * V
    g_V *= 2.0
    return value, (g_U, g_V)


# 7. Logistic regression (m = 2n rows, d = n features) --------------------------------------


def build_logistic(n, rng):
    m, d = 2 * n, n
    X = rng.standard_normal((m, d)) / np.sqrt(d)
    w = rng.standard_normal(d)
    y = np.where(rng.standard_normal(m) > 0, 1.0, -1.0)
    return w, X, y


def expert_logistic(w, X, y):
    m = y.shape[0]
    z = X @ w
    z *= y
    e = np.exp(-z)
    value = np.sum(np.log1p(e)) / m
    e /= 1.0 + e  # σ(−z)
    e *= y
    g_w = X.T @ e
    g_w *= -1.0 / m
    return value, (g_w,)


PROBLEMS: list[Problem] = [
    Problem(
        "covariance",
        "covariance.py",
        "covariance",
        ("Sigma",),
        ("S", "Sigma"),
        build_covariance,
        expert_covariance,
        "S, Σ: n×n",
        expert_covariance_scipy,
    ),
    Problem(
        "gaussian_nll",
        "gaussian_nll.py",
        "gaussian_nll",
        ("Sigma",),
        ("X", "Sigma"),
        build_gaussian_nll,
        expert_gaussian_nll,
        "X: 2n×n, Σ: n×n",
        expert_gaussian_nll_scipy,
    ),
    Problem(
        "gp_nlml",
        "gp_nlml.py",
        "gp_nlml",
        ("ell", "sf2", "sn2"),
        ("X", "y", "ell", "sf2", "sn2"),
        build_gp_nlml,
        expert_gp_nlml,
        f"X: n×{GP_DIM}, y: n, K: n×n",
        expert_gp_nlml_scipy,
    ),
    Problem(
        "trace_axbx",
        "trace_axbx.py",
        "trace_axbx",
        ("X",),
        ("A", "X", "B"),
        build_trace_axbx,
        expert_trace_axbx,
        "A, X, B: n×n",
    ),
    Problem(
        "mlp",
        "mlp.py",
        "mlp_loss",
        ("W1", "b1", "W2", "b2"),
        ("W1", "b1", "W2", "b2", "X", "Y"),
        build_mlp,
        expert_mlp,
        f"m = d = h = n, k = {MLP_OUT}",
    ),
    Problem(
        "matfact",
        "matfact.py",
        "matfact",
        ("U", "V"),
        ("W", "U", "V", "lam"),
        build_matfact,
        expert_matfact,
        f"W: n×n, U, V: n×{MF_RANK}",
    ),
    Problem(
        "logistic",
        "logistic.py",
        "logistic",
        ("w",),
        ("w", "X", "y"),
        build_logistic,
        expert_logistic,
        "X: 2n×n, w: n",
    ),
]
