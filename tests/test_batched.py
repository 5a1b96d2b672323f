"""Arrays of any rank (issue 9): stacks of matrices, batched np.linalg, np.einsum and
np.tensordot. Every gradient against central finite differences of the model AS NUMPY RUNS
IT (the test executes the model source; the compiler never does), every new form by its
dot-product identity ⟨Ȳ, L[T]⟩ = ⟨Lᵀ[Ȳ], T⟩, and what stays unsupported by a clear error."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import against_numpy_test, evaluate, load, model_source, refused_test
from matgradc.build import Builder
from matgradc.einsum import Einsum, LowerSymBatched, Permute
from matgradc.forms import Hadamard, chain

K, N, M, P = 2, 3, 4, 5
HEADER = "import numpy as np\n\n\n"


def gen(*shape):
    return lambda rng: rng.standard_normal(shape)


def pos(*shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape)


def spd_stack(*lead, n=N):
    def build(rng):
        a = rng.standard_normal((*lead, n, n))
        return a @ np.swapaxes(a, -1, -2) / n + np.eye(n)

    return build


def invertible_stack(*lead, n=N):
    return lambda rng: rng.standard_normal((*lead, n, n)) + 3 * np.eye(n)


# name -> (source of `f`, one input builder per parameter)
CASES = {
    # 1. parameters of rank 3 and 4, elementwise ops and broadcasting
    "elementwise-broadcast": (
        """
        def f(X: "k,n,m", y: "m", Z: "k,1,m"):
            W = np.exp(0.3 * X) * y - X / (1.0 + Z * Z) + np.tanh(X) ** 2
            return np.sum(W * W)
        """,
        [gen(K, N, M), gen(M), gen(K, 1, M)],
    ),
    "rank-4": (
        """
        def f(X: "2,3,2,4", y: "4"):
            return np.sum(np.sin(X) * y + np.log(1 + X * X))
        """,
        [gen(2, 3, 2, 4), gen(4)],
    ),
    "reductions-over-axes": (
        """
        def f(X: "k,n,m"):
            a = np.sum(X**2, axis=(0, 2))
            b = np.mean(X, axis=1, keepdims=True)
            c = np.max(X, axis=2)
            d = np.min(X, axis=(0, 1))
            return np.sum(a * a) + np.sum(b * X) + np.sum(c**3) + np.sum(d) + X.sum()
        """,
        [gen(K, N, M)],
    ),
    "transposes": (
        """
        def f(X: "k,n,m", Y: "n,m,k"):
            A = np.transpose(X, (1, 2, 0)) * Y
            B = np.swapaxes(X, 0, 2) + np.moveaxis(Y, 1, 0) * 0.5
            C = X.T + np.transpose(Y, (2, 0, 1)).T
            return (
                np.sum(A * A) + np.sum(B**3) + np.sum(np.sin(C)) + np.sum(X.transpose(0, 2, 1)[0])
            )
        """,
        [gen(K, N, M), gen(N, M, K)],
    ),
    "indexing": (
        """
        def f(X: "k,n,m"):
            return np.sum(X[0] ** 2) + np.sum(X[1, :, 2] * X[0, :, 1]) + np.sum(X[:, 1] ** 3)
        """,
        [gen(K, N, M)],
    ),
    "reshape-stack-concatenate": (
        """
        def f(x: "12", X: "n,m", T: "2,n,m"):
            A = np.reshape(x, (2, 3, 2)) * 2.0
            S = np.stack([X, X * X]) + np.expand_dims(X, 0)
            C = np.concatenate([T, np.stack([X, X], axis=1).swapaxes(0, 1)], axis=0)
            F = np.roll(np.flip(T, axis=2), 1, axis=1) + np.cumsum(T, axis=0)
            Z = np.zeros((2, X.shape[0], X.shape[1])) + np.ones_like(T) * 0.5
            return np.sum(A**3) + np.sum(np.sin(C)) + np.sum(F * T) + np.sum(S * Z * S)
        """,
        [gen(12), gen(N, M), gen(K, N, M)],
    ),
    "reshape-from-stack": (
        """
        def f(T: "k,n,n"):
            k, n, _ = T.shape
            return np.sum(np.log(T.reshape(k, -1)[:, ::4] ** 2))
        """,
        [gen(K, 3, 3)],
    ),
    "ellipsis-index-triangles": (
        """
        def f(X: "k,n,n", Y: "n,n"):
            A = X[..., 0] ** 2 + X[-1, ..., :2].sum() + np.sum(X[:, None, :, :] * X[:, :, None, :])
            return np.sum(A) + np.sum(np.tril(X) ** 2 * Y) + np.sum(np.triu(X, 1) ** 3)
        """,
        [gen(K, N, N), gen(N, N)],
    ),
    # 2. matmul over leading dimensions, batched np.linalg
    "matmul-stack-matrix": (
        """
        def f(A: "k,n,m", B: "m,p"):
            return np.sum((A @ B) ** 2)
        """,
        [gen(K, N, M), gen(M, P)],
    ),
    "matmul-stack-stack": (
        """
        def f(A: "k,n,m", B: "k,m,p", x: "p"):
            return np.sum(np.tanh(A @ B @ x))
        """,
        [gen(K, N, M), gen(K, M, P), gen(P)],
    ),
    "matmul-broadcast-ones": (
        """
        def f(A: "1,n,m", B: "k,m,p", C: "2,1,p,n"):
            return np.sum(np.cos(A @ B @ C))
        """,
        [gen(1, N, M), gen(K, M, P), gen(2, 1, P, N)],
    ),
    "matmul-chain-inv": (
        """
        def f(X: "k,n,m", Y: "k,m,n"):
            Z = X @ Y
            return (
                np.sum(Z @ Z)
                + np.sum(np.matmul(Y, X) ** 2)
                + np.sum(np.linalg.inv(Z + 4 * np.eye(Z.shape[-1])) ** 2)
            )
        """,
        [gen(K, N, M), gen(K, M, N)],
    ),
    "matmul-vector-stack": (
        """
        def f(x: "n", A: "k,n,m"):
            return np.sum((x @ A) ** 2)
        """,
        [gen(N), gen(K, N, M)],
    ),
    "inv-stack": (
        """
        def f(X: "k,n,n", B: "n,n"):
            return np.sum(np.linalg.inv(X) * B)
        """,
        [invertible_stack(K), gen(N, N)],
    ),
    "solve-stack": (
        """
        def f(A: "k,n,n", B: "k,n,m", b: "n", c: "k,n"):
            return (
                np.sum(np.linalg.solve(A, B) ** 2)
                + np.sum(np.linalg.solve(A, b) ** 3)
                + np.sum(np.linalg.solve(A, c[..., None])[..., 0] ** 2)
            )
        """,
        [invertible_stack(K), gen(K, N, M), gen(N), gen(K, N)],
    ),
    "solve-broadcast": (
        """
        def f(A: "n,n", B: "k,n,m"):
            return np.sum(np.sin(np.linalg.solve(A, B)))
        """,
        [invertible_stack(), gen(K, N, M)],
    ),
    "det-slogdet-stack": (
        """
        def f(X: "k,n,n", w: "k"):
            s, l = np.linalg.slogdet(X)
            return np.sum(w * l) + np.sum(np.linalg.det(X) ** 2)
        """,
        [invertible_stack(K), gen(K)],
    ),
    "det-rank-4": (
        """
        def f(X: "2,3,n,n"):
            return np.sum(np.linalg.slogdet(X)[1])
        """,
        [invertible_stack(2, 3)],
    ),
    "cholesky-stack": (
        """
        def f(S: "k,n,n", W: "n,n"):
            return np.sum(np.linalg.cholesky(S) * W)
        """,
        [spd_stack(K), gen(N, N)],
    ),
    "trace-stack": (
        """
        def f(X: "n,n,k,m"):
            return np.sum(np.trace(X) ** 2)
        """,
        [gen(N, N, K, M)],
    ),
    "eigh-stack": (
        """
        def f(S: "k,n,n", c: "n", W: "n,n"):
            w, V = np.linalg.eigh(S)
            return np.sum(w * c) + np.sum(V**2 * W) + np.sum(np.linalg.eigvalsh(S) ** 2)
        """,
        [spd_stack(K), gen(N), gen(N, N)],
    ),
    # 3. einsum and tensordot
    "einsum-explicit": (
        """
        def f(A: "n,m", B: "m,p", x: "n"):
            return np.einsum("ij,jk,i->", A, B, x) + np.sum(np.einsum("ij,jk->ki", A, B) ** 2)
        """,
        [gen(N, M), gen(M, P), gen(N)],
    ),
    "einsum-implicit": (
        """
        def f(A: "n,m", B: "m,p", W: "p,n"):
            return np.sum(np.einsum("ij,jk", A, B) ** 2) + np.sum(np.einsum("ca,aB", A, B) * W)
        """,
        [gen(N, M), gen(M, P), gen(P, N)],
    ),
    "einsum-diagonal-trace": (
        """
        def f(A: "n,n", X: "k,n,n"):
            d = np.einsum("ii->i", A)
            return np.sum(d**3) + np.einsum("ii", A) ** 2 + np.sum(np.einsum("kii->k", X) ** 2)
        """,
        [gen(N, N), gen(K, N, N)],
    ),
    "einsum-repeated-in-two": (
        """
        def f(A: "n,m", B: "n,m"):
            return np.sum(np.einsum("ij,ij->i", A, B) ** 2)
        """,
        [gen(N, M), gen(N, M)],
    ),
    "einsum-summed-out": (
        """
        def f(A: "n,m", x: "p"):
            return np.sum(np.einsum("ij,k->i", A, x) ** 2)
        """,
        [gen(N, M), gen(P)],
    ),
    "einsum-ellipsis": (
        """
        def f(A: "k,n,m", B: "m,p", C: "1,p"):
            Y = np.einsum("...ij,jk->...ik", A, B)
            return np.sum(np.einsum("...k,...k->...", Y, C) ** 2)
        """,
        [gen(K, N, M), gen(M, P), gen(1, P)],
    ),
    "einsum-sublists": (
        """
        def f(A: "k,n,m", B: "m,p"):
            Y = np.einsum(A, [Ellipsis, 0, 1], B, [1, 2], [Ellipsis, 0, 2])
            return np.sum(np.sin(Y)) + np.sum(np.einsum(B, (0, 1), (1, 0)) ** 2)
        """,
        [gen(K, N, M), gen(M, P)],
    ),
    "einsum-outer-permute": (
        """
        def f(x: "n", y: "m", X: "k,n,m"):
            return np.sum(np.einsum("i,j->ij", x, y) * np.einsum("kij->ijk", X).sum(axis=2))
        """,
        [gen(N), gen(M), gen(K, N, M)],
    ),
    "dot-of-stacks": (
        """
        def f(X: "k,n,m", Y: "p,m,n", v: "m"):
            return np.sum(np.dot(X, Y) ** 2) + np.sum(X.dot(v) ** 3) + np.sum(np.dot(v, Y) ** 2)
        """,
        [gen(K, N, M), gen(P, M, N), gen(M)],
    ),
    "tensordot": (
        """
        def f(A: "k,n,m", B: "n,m,p", C: "m,n"):
            T = np.tensordot(A, B, axes=2)
            U = np.tensordot(A, C, axes=([1, 2], [1, 0]))
            return np.sum(T**2) + np.sum(U**3) + np.sum(np.tensordot(C, C, 0) * 0.5)
        """,
        [gen(K, N, M), gen(N, M, P), gen(M, N)],
    ),
}


test_gradient_matches_numpy_finite_differences = against_numpy_test(HEADER, CASES)


def test_cholesky_stack_gradient_is_entrywise():
    """NumPy's cholesky reads each lower triangle: the upper entries get no gradient, the
    lower ones the entrywise derivative (finite differences of every entry, above)."""
    src, builders = CASES["cholesky-stack"]
    mod = load(model_source(HEADER, src), "f")
    args = [b(np.random.default_rng(1)) for b in builders]
    g = mod.grad_f(*args)[0]
    assert np.all(np.triu(g, 1) == 0.0)
    assert np.any(np.tril(g, -1) != 0.0)


def test_contract_checks_rank_and_sizes():
    mod = load(HEADER + 'def f(X: "k,n,n", y: "n"):\n    return np.sum(X @ y)\n', "f")
    with pytest.raises(ValueError, match="X must be of shape"):
        mod.grad_f(np.ones((3, 3)), np.ones(3))
    with pytest.raises(ValueError, match="X must be of shape"):
        mod.grad_f(np.ones((2, 3, 4)), np.ones(3))
    with pytest.raises(ValueError, match="y"):
        mod.grad_f(np.ones((2, 3, 3)), np.ones(4))
    gx, gy = mod.grad_f(np.ones((2, 3, 3)), np.arange(3.0))
    assert gx.shape == (2, 3, 3) and np.allclose(gx, np.arange(3.0)) and np.allclose(gy, 6.0)


# -- what stays refused, with a clear compile-time error --------------------------------------
REFUSED = {
    "solve-ambiguous": (
        """
        def f(A: "k,n,n", B: "k,n"):
            return np.sum(np.linalg.solve(A, B))
        """,
        "NumPy 1",
    ),
    "eig-stack": (
        """
        def f(X: "k,n,n"):
            return np.sum(np.linalg.eigvals(X).real)
        """,
        "3 dimensions",
    ),
    "trace-offset-stack": (
        """
        def f(X: "n,n,k"):
            return np.sum(np.trace(X, 1))
        """,
        "dimensions",
    ),
    "kron-stack": (
        """
        def f(X: "k,n,n"):
            return np.sum(np.kron(X, X))
        """,
        "3 dimensions",
    ),
    "structured-stack": (
        """
        def f(X: "spd(k,n,n)"):
            return np.sum(X)
        """,
        "matrices only",
    ),
    "einsum-spec-not-literal": (
        """
        def f(A: "n,n", s):
            return np.einsum(s, A)
        """,
        "string",
    ),
    "tensordot-axes": (
        """
        def f(A: "n,m"):
            return np.sum(np.tensordot(A, A, axes=3))
        """,
        "axes",
    ),
    "tensordot-pairs": (
        """
        def f(A: "n,m"):
            return np.sum(np.tensordot(A, A, axes=([0, 0], [0, 1])))
        """,
        "paired twice",
    ),
}


# einsum specs refused in f(A) = np.sum(np.einsum(spec, A)): name -> (shape of A, spec, words)
EINSUM_REFUSED = {
    "einsum-rank": ("n,m", "ijk->", "name 3 axes"),
    "einsum-sizes": ("3,4", "ii->", "shape conflict"),
    "einsum-output-repeats": ("n,n", "ij->ii", "repeats"),
    "einsum-unknown-output": ("n,n", "ij->k", "no operand"),
    "einsum-drops-ellipsis": ("k,n,n", "...ij->ij", "'...'"),
}
for name, (shape, spec, words) in EINSUM_REFUSED.items():
    REFUSED[name] = (f'def f(A: "{shape}"):\n    return np.sum(np.einsum("{spec}", A))', words)


test_refused_with_a_clear_error = refused_test(HEADER, REFUSED)


# -- dot-product tests of the new forms -----------------------------------------------------
SIZES = {"k": K, "n": N, "m": M, "p": P, "1": 1}


def _params(shapes: dict[str, str]):
    g = Builder()
    dims = {s: g.new_dim(SIZES[s] if s == "1" else s) for s in SIZES}
    params = {}
    for i, (name, shape) in enumerate(shapes.items()):
        ids = tuple(dims[d] for d in shape)
        params[name] = g.op("param", name=name, index=i, dims=ids, struct="general")
    return g, params


def _spec_form(spec: str, k: int):
    return lambda g, p: Einsum(spec, tuple(p[c] for c in "ABC"[: len(spec.split(","))]), k)


FORMS = {
    # an operand slot filled by T: its shape stands in the list of shapes
    "einsum-batched-kron": (
        {"A": "knn", "B": "knm", "C": "kmm", "T": "knm", "Y": "knm"},
        _spec_form("aij,ajk,akl->ail", 1),
    ),
    "einsum-matmul-broadcast": (
        {"A": "1nm", "B": "kmp", "T": "1nm", "Y": "knp"},
        lambda g, p: Einsum("zij,ajk->aik", (p["A"], p["B"]), 0),
    ),
    "einsum-diagonal": ({"A": "nn", "T": "nn", "Y": "n"}, _spec_form("ii->i", 0)),
    "einsum-trace-stack": ({"A": "knn", "T": "knn", "Y": "k"}, _spec_form("kii->k", 0)),
    "einsum-summed-out": (
        {"A": "nm", "B": "p", "T": "nm", "Y": "n"},
        _spec_form("ij,k->i", 0),
    ),
    "einsum-other-slot": (
        {"A": "nm", "B": "p", "T": "p", "Y": "n"},
        _spec_form("ij,k->i", 1),
    ),
    "einsum-repeated-twice": (
        {"A": "nn", "B": "nn", "T": "nn", "Y": "n"},
        _spec_form("ii,ij->j", 0),
    ),
    "permute": ({"T": "knm", "Y": "mkn"}, lambda g, p: Permute((2, 0, 1))),
    "lower-sym-stack": ({"T": "knn", "Y": "knn"}, lambda g, p: LowerSymBatched()),
    "hadamard-stack": (
        {"D": "nm", "T": "knm", "Y": "knm"},
        lambda g, p: chain(Hadamard(p["D"], p["Y"].shape), Permute((0, 1, 2))),
    ),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_adjoint_identity(name):
    shapes, build = FORMS[name]
    g, p = _params(shapes)
    form = build(g, p)
    applied = form.apply(g, p["T"])
    unwound = form.adjoint(g, p["Y"], p["T"].shape)
    assert g.same_shape(applied.shape, p["Y"].shape), "L[T] has the cotangent's shape"
    assert g.same_shape(unwound.shape, p["T"].shape), "Lᵀ[Ȳ] has the tangent's shape"
    assert g.same_shape(form.out_shape(g, p["T"].shape), p["Y"].shape)
    rng = np.random.default_rng(0)
    params = list(p.values())
    args = [rng.standard_normal(tuple(SIZES[c] for c in shapes[v.attr("name")])) for v in params]
    lt, ltY = evaluate(g, params, [applied, unwound], args)
    named = dict(zip(p, args))
    lhs = np.sum(named["Y"] * lt)
    rhs = np.sum(ltY * named["T"])
    assert abs(lhs) > 1e-6, "the map is not zero on a random tangent"
    assert np.isclose(lhs, rhs, rtol=1e-10, atol=1e-12)


def test_forward_mode_and_hessian_vector_products_of_stacks():
    """jvp applies the einsum forms, hvp runs forward mode over the reverse program: both
    against finite differences of the gradient."""
    from matgradc.api import Options, compile_model

    src = HEADER + (
        'def f(X: "k,n,n", A: "n,m"):\n'
        "    Y = np.linalg.inv(X + 3 * np.eye(X.shape[1])) @ A\n"
        "    s, l = np.linalg.slogdet(X + 3 * np.eye(X.shape[1]))\n"
        '    return np.sum(np.einsum("kij,kij->k", Y, Y) ** 2) + np.sum(l)'
        " + np.sum(np.linalg.cholesky(X @ np.swapaxes(X, 1, 2) + np.eye(X.shape[1])))\n"
    )
    text = compile_model(src, "f", options=Options(jvp=True, hvp=True)).module
    mod: dict = {}
    exec(compile(text, "<grad_f>", "exec"), mod)  # noqa: S102 -- generated code
    rng = np.random.default_rng(3)
    args = [rng.standard_normal((K, N, N)), rng.standard_normal((N, M))]
    dirs = [rng.standard_normal((K, N, N)), rng.standard_normal((N, M))]
    grads = mod["grad_f"](*args)
    _, d = mod["jvp_f"](*args, *dirs)
    assert np.isclose(d, sum(np.sum(g * t) for g, t in zip(grads, dirs)), rtol=1e-10)
    h = 1e-5
    plus = mod["grad_f"](*(a + h * t for a, t in zip(args, dirs)))
    minus = mod["grad_f"](*(a - h * t for a, t in zip(args, dirs)))
    for hv, p, m in zip(mod["hvp_f"](*args, *dirs), plus, minus):
        fd = (p - m) / (2 * h)
        np.testing.assert_allclose(hv, fd, rtol=1e-5, atol=1e-6 * np.max(np.abs(fd)))
