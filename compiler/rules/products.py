"""Products and transposition: matmul, outer, kron, matrix powers. Their derivatives are
Kron (A dX B), Box (A dXᵀ B), Dyad and KronProduct forms; the optimizer orders chains of
products by symbolic cost."""

from __future__ import annotations

from ..diagnostics import CompileError
from ..forms import Adjoint, Box, Dyad, Kron, KronProduct, Sum
from ..ir import GENERAL, LOWER, SYMMETRIC, UPPER, Value, reachable
from ..rewrite import rebuild, uses
from .base import (
    ATOM,
    COLUMN,
    ROW,
    Rule,
    conj_v,
    const_int,
    factorable,
    function,
    infix,
    is_eye,
    mirrors,
    need,
    same_square,
    scaled_eye,
    unsupported,
)
from .batched import transpose_call
from .einsum import tensordot


def _matmul(g, args, attrs):
    a, b = args
    need(
        a.rank >= 1 and b.rank >= 1,
        g,
        "`@` needs vectors or matrices; use `*` to scale by a scalar",
    )
    g.unify(a.shape[-1], b.shape[0], "`@` (inner dimensions)", (a, b))
    shape = tuple(a.shape[:-1]) + tuple(b.shape[1:])
    return shape, SYMMETRIC if len(shape) == 2 and _symmetric_product(a, b) else GENERAL


def _symmetric_product(a: Value, b: Value) -> bool:
    """A Aᵀ, and the sandwiches A (S Aᵀ) and (A S) Aᵀ of a symmetric S: symmetric by
    construction, so an adjoint built so is not symmetrized again (issue 15)."""
    if mirrors(a, b):
        return True
    if b.op == "matmul" and b.args[0].rank == 2 and b.args[0].is_symmetric:
        return mirrors(a, b.args[1])
    if a.op == "matmul" and a.args[1].rank == 2 and a.args[1].is_symmetric:
        return mirrors(a.args[0], b)
    return False


def _transpose(g, args, attrs):
    (x,) = args
    return tuple(reversed(x.shape)), {LOWER: UPPER, UPPER: LOWER}.get(x.struct, x.struct)


def _outer(g, args, attrs):
    a, b = args
    need(a.rank == 1 and b.rank == 1, g, "np.outer needs two vectors")
    return (a.shape[0], b.shape[0]), SYMMETRIC if a is b else GENERAL


def _kron(g, args, attrs):
    a, b = args
    need(
        a.rank == b.rank and a.rank in (1, 2),
        g,
        "np.kron needs two matrices or two vectors",
    )
    return tuple(g.product_dim(x, y) for x, y in zip(a.shape, b.shape)), GENERAL


def _kron_contract(g, args, attrs):
    out = attrs["spec"].split("->")[1]
    spec_in = attrs["spec"].split("->")[0].split(",")[0]
    sizes = dict(zip(spec_in, attrs["sizes"]))
    return tuple(sizes[c] for c in out), GENERAL


# -- local identities ----------------------------------------------------------------
def _transpose_simplify(g, args, attrs, shape):
    (x,) = args
    if x.rank < 2 or x.is_symmetric:
        return x
    if x.op == "transpose":
        return x.args[0]
    if x.op == "neg":  # (−A)ᵀ = −Aᵀ: signs stay outside
        return g.op("neg", g.op("transpose", x.args[0]))
    if x.op == "mul" and x.args[0].rank == 0:  # (c A)ᵀ = c Aᵀ
        return g.op("mul", x.args[0], g.op("transpose", x.args[1]))
    if x.op == "matmul" and all(a.rank == 2 for a in x.args):
        a, b = x.args
        if a.is_symmetric or b.is_symmetric:  # (S B)ᵀ = Bᵀ S: the product is shared
            return g.op("matmul", g.op("transpose", b), g.op("transpose", a))
    return None


def _outer_simplify(g, args, attrs, shape):
    """Signs and scalar factors come out: outer(−a, b) = −outer(a, b), outer(c a, b) =
    c outer(a, b), so outer(−α, ½α) is −½ outer(α, α), symmetric. An outer product is never
    spelled as the transpose of another: adding a transposed n×n array reads it across the
    cache (16 ms against 2 ms at n = 1024, bench/results-notes.md)."""
    a, b = args
    for k, x in enumerate((a, b)):  # x 1ᵀ and 1 yᵀ: a vector's column or row, broadcast
        if x.op == "broadcast" and x.args[0].rank == 0 and (a, b)[1 - k].rank == 1:
            v = (a, b)[1 - k]
            view = g.op("index", v, key=COLUMN if k == 1 else ROW)
            spread = g.op("broadcast", view, shape=shape)
            return g.op("mul", x.args[0], spread)
    for k, x in enumerate((a, b)):

        def outer(y, k=k):
            return g.op("outer", y, b) if k == 0 else g.op("outer", a, y)

        if x.op == "neg":
            return g.op("neg", outer(x.args[0]))
        if x.op == "mul" and x.args[0].rank == 0 and x.args[1].rank == 1 and factorable(x.args[0]):
            return g.op("mul", x.args[0], outer(x.args[1]))
    return None


def _matmul_simplify(g, args, attrs, shape):
    a, b = args
    if is_eye(a):
        return b
    if is_eye(b):
        return a
    if (c := scaled_eye(a)) is not None:
        return g.op("mul", c, b)
    if (c := scaled_eye(b)) is not None:
        return g.op("mul", c, a)
    # (s A) @ B = s (A @ B): a scalar scales the (often smaller) product instead
    if a.op == "mul" and a.args[0].rank == 0 and a.args[1].rank > 0 and factorable(a.args[0]):
        return g.op("mul", a.args[0], g.op("matmul", a.args[1], b))
    if b.op == "mul" and b.args[0].rank == 0 and b.args[1].rank > 0 and factorable(b.args[0]):
        return g.op("mul", b.args[0], g.op("matmul", a, b.args[1]))
    # A @ (-B) = -(A @ B): keep signs outside products
    if a.op == "neg":
        return g.op("neg", g.op("matmul", a.args[0], b))
    if b.op == "neg":
        return g.op("neg", g.op("matmul", a, b.args[0]))
    return None


# -- optimizer rewrites and passes -----------------------------------------------------
def inverse_to_solve(g, v: Value, args: list[Value], count) -> Value | None:
    """inv(A) @ B → solve(A, B) and B @ inv(A) → solve(Aᵀ, Bᵀ)ᵀ, when that product is the
    inverse's only use (a shared inverse is cheaper to form once)."""
    a, b = v.args
    if a.op == "inv" and count.get(a.id, 0) == 1:
        return g.op("solve", args[0].args[0], args[1])
    if b.op == "inv" and count.get(b.id, 0) == 1 and args[0].rank == 2:
        m = args[1].args[0]
        return g.op("transpose", g.op("solve", g.op("transpose", m), g.op("transpose", args[0])))
    if b.op == "inv" and count.get(b.id, 0) == 1 and args[0].rank == 1:
        return g.op("solve", g.op("transpose", args[1].args[0]), args[0])
    return None


def transposed_twin(g, v: Value, seen: dict) -> Value | None:
    """Bᵀ Aᵀ is (A B)ᵀ: a free view of a product already computed (for CSE)."""
    if v.op != "matmul":
        return None
    a, b = v.args
    seen.setdefault(("matmul", a.id, b.id), v)
    if a.op == "transpose" and b.op == "transpose":
        twin = seen.get(("matmul", b.args[0].id, a.args[0].id))
        if twin is not None:
            return g.op("transpose", twin)
    return None


def _chain(v: Value, count, top: bool = True) -> list[Value]:
    """The factors of a product tree of single-use matmuls rooted at v."""
    if v.op == "matmul" and (top or count.get(v.id, 0) == 1):
        return _chain(v.args[0], count, False) + _chain(v.args[1], count, False)
    return [v]


def _cost(g, dims: list[int]) -> tuple[int, int]:
    """Symbolic flop count of a product over these dimensions, as (degree in the free sizes,
    literal factor): free sizes are taken as large and alike, literal sizes as given."""
    degree, literal = 0, 1
    for d in dims:
        fixed = g.dim_info(d).fixed
        if isinstance(fixed, int):
            literal *= fixed
        else:
            degree += 1
    return (degree, literal)


def _plus(c1: tuple, c2: tuple) -> tuple:
    """A sum of costs: the term of highest degree dominates."""
    if c1[0] != c2[0]:
        return max(c1, c2)
    return (c1[0], c1[1] + c2[1])


def _tree_cost(g, v: Value, count, top: bool = True) -> tuple:
    """The cost of a product tree as it stands."""
    if v.op != "matmul" or not (top or count.get(v.id, 0) == 1):
        return (0, 0)
    a, b = v.args
    here = _cost(g, [*a.shape, *b.shape[1:]])
    return _plus(_plus(_tree_cost(g, a, count, False), _tree_cost(g, b, count, False)), here)


def matrix_chain(g, roots: list[Value]) -> tuple[list[Value], bool]:
    """Order each product A B C … by symbolic cost, so a vector at either end multiplies
    first: (A B) x costs n³, A (B x) costs n²."""
    count = uses(roots)
    values = reachable(roots)
    interior = {
        a.id
        for v in values
        if v.op == "matmul"
        for a in v.args
        if a.op == "matmul" and count[a.id] == 1
    }

    def rewrite(g, v, args, count, new):
        if v.op != "matmul" or v.id in interior:
            return None
        leaves = [new[x.id] for x in _chain(v, count)]
        if len(leaves) < 3:
            return None
        original = _tree_cost(g, v, count)
        best = {(i, i): ((0, 0), f) for i, f in enumerate(leaves)}
        n = len(leaves)
        for span in range(1, n):
            for i in range(n - span):
                j = i + span
                options = []
                for k in range(i, j):
                    (c1, left), (c2, right) = best[(i, k)], best[(k + 1, j)]
                    here = _cost(g, [*left.shape, *right.shape[1:]])
                    options.append((_plus(_plus(c1, c2), here), -k, left, right))
                cost, _, left, right = min(options, key=lambda o: (o[0], o[1]))
                best[(i, j)] = (cost, g.op("matmul", left, right))
        cost, product = best[(0, n - 1)]
        return product if cost < original else None  # a tie keeps the model's own grouping

    return rebuild(g, roots, rewrite)


# -- derivatives -----------------------------------------------------------------------
def _matrix_power_form(g, y, x):
    """d Xᵏ = Σ_{i<k} Xⁱ dX Xᵏ⁻¹⁻ⁱ."""
    k = y.attr("power")

    def power(i):
        if i == 0:
            return None
        return x if i == 1 else g.op("matrix_power", x, power=i)

    terms = [Kron(power(i), power(k - 1 - i)) for i in range(k)]
    form = terms[0]
    for t in terms[1:]:
        form = Sum(form, t)
    return form


RULES: dict[str, Rule] = {
    "matmul": infix(
        "@",
        _matmul,
        (lambda g, y, a, b: Kron(None, b), lambda g, y, a, b: Kron(a, None)),
        calls=("numpy.matmul",),
        dense=("{0}.dot({1})", ATOM, (ATOM, 0)),
        simplify=_matmul_simplify,
        rewrite=inverse_to_solve,
        fresh=True,
        batched="matmul_batched",
    ),
    "transpose": Rule(
        "{0}.T",
        _transpose,
        (lambda g, y, a: Box(),),
        ATOM,
        (ATOM,),
        simplify=_transpose_simplify,
        view=True,
        batched="permute",
    ),
    "outer": function(
        "numpy.outer",
        _outer,
        (lambda g, y, a, b: Dyad(None, b), lambda g, y, a, b: Dyad(a, None)),
        simplify=_outer_simplify,
        fresh=True,
    ),
    "matrix_power": Rule(
        "np.linalg.matrix_power({0}, {power})",
        same_square("np.linalg.matrix_power"),
        (_matrix_power_form,),
    ),
    "kron": Rule(
        "np.kron({0}, {1})",
        _kron,
        (
            lambda g, y, a, b: KronProduct(b, left=True),
            lambda g, y, a, b: KronProduct(a, left=False),
        ),
        fresh=True,
    ),
    "kron_contract": Rule(
        'np.einsum("{spec}", {0}.reshape({sizes}), {1})',
        _kron_contract,
        (
            lambda g, y, a, f: Adjoint(KronProduct(conj_v(g, f), left=y.attr("left")), y.shape),
            # bilinear: it depends on the fixed factor too (np.kron of two parameters, --hvp)
            unsupported("the second derivative of np.kron of two varying arrays"),
        ),
        ATOM,
        (ATOM,),  # {0}.reshape: a compound argument is parenthesised
    ),
}


# -- the frontend's calls --------------------------------------------------------------
def _dot(b, node, x, y):
    if x.rank == 0 or y.rank == 0:
        return b.g.op("mul", x, y)
    if x.rank > 2 or y.rank > 2:  # np.dot of stacks is not matmul: a tensordot
        return tensordot(b, node, x, y, ([x.rank - 1], [max(y.rank - 2, 0)]))
    return b.g.op("matmul", x, y)


SQUARING_FROM = 8  # matrix_power(X, k) for k >= this is spelled as repeated squaring


def _matrix_power(b, node, x, k):
    exact = b.static_int(node.args[1]) if len(node.args) == 2 else None
    k = exact if exact is not None else const_int(k)
    if k is None:
        raise b.err("np.linalg.matrix_power needs a constant integer power", node)
    if k < 0:
        x, k = b.g.op("inv", x), -k
    if k == 0:
        return b.g.op("eye", dim=b.g.find(x.shape[0]))
    if k < SQUARING_FROM:
        return x if k == 1 else b.g.op("matrix_power", x, power=k)
    # Xᵏ by repeated squaring, as NumPy computes it: O(log k) products, each a matmul whose
    # derivative is the usual one (the matrix_power op's derivative has k terms).
    result, square = None, x
    while True:
        if k & 1:
            result = square if result is None else b.g.op("matmul", result, square)
        k >>= 1
        if not k:
            return result
        square = b.g.op("matmul", square, square)


CALLS = {
    "numpy.dot": _dot,
    "numpy.linalg.matrix_power": _matrix_power,
}
PASSES = (matrix_chain,)
__all__ = ["CALLS", "PASSES", "RULES", "CompileError", "transposed_twin"]


def _transpose_call(b, node, x, *axes):
    """np.transpose(X) and X.transpose(axes) of arrays of rank <= 2."""
    if len(axes) == 1 and isinstance(axes[0], tuple):
        axes = axes[0]
    axes = tuple(const_int(a) for a in axes)
    if axes and sorted(a % x.rank if a is not None and x.rank else a for a in axes) != list(
        range(x.rank)
    ):
        raise b.err(f"transpose: axes {axes!r} are not a permutation of the array's axes", node)
    if x.rank > 2:
        raise b.err("transpose of arrays of more than two dimensions is not supported yet", node)
    if axes and [a % x.rank for a in axes] == list(range(x.rank)):
        return x
    return b.g.op("transpose", x)


CALLS["numpy.transpose"] = _transpose_call


def _transpose_any(b, node, x, *axes):
    """Arrays of more than two dimensions: any permutation (rules/batched.py)."""
    if x.rank > 2:
        return transpose_call(b, node, x, *axes)
    return _transpose_call(b, node, x, *axes)


CALLS["numpy.transpose"] = _transpose_any
