"""Every form's unwinding is its adjoint: ⟨Ȳ, L[T]⟩ = ⟨Lᵀ[Ȳ], T⟩ on random arrays."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import evaluate
from matgradc.build import Builder
from matgradc.forms import (
    Adjoint,
    Box,
    Compose,
    Conj,
    DiagEmbed,
    DiagOf,
    Dyad,
    Frechet,
    Hadamard,
    ImagPart,
    Index,
    Inv,
    Kron,
    KronProduct,
    LowerSym,
    Outer,
    RealPart,
    Reduce,
    Sum,
    Sylvester,
    Triangle,
    UnitColumns,
    chain,
)
from matgradc.ir import Value

N, M, K = 3, 4, 5


def _graph(shapes: dict[str, tuple], complex_params=()):
    g = Builder()
    dims = {s: g.new_dim(s) for s in ("n", "m", "k")}
    params = {}
    for i, (name, shape) in enumerate(shapes.items()):
        ids = tuple(dims[d] if isinstance(d, str) else g.new_dim(d) for d in shape)
        p = g.op("param", name=name, index=i, dims=ids, struct="general")
        if name in complex_params:  # a complex parameter: the same value, typed complex
            p = Value(p.id, p.op, p.args, p.attrs, p.shape, p.struct, p.loc, "complex")
            g.values[p.id] = p
        params[name] = p
    return g, params


SIZES = {"n": N, "m": M, "k": K}

# name -> (parameter shapes; T and Y are the tangent and cotangent; a builder of the form)
CASES = {
    "kron-left-right": (
        {"A": "mn", "B": "kk", "T": "nk", "Y": "mk"},
        lambda p: Kron(p["A"], p["B"]),
    ),
    "kron-left": ({"A": "mn", "T": "nk", "Y": "mk"}, lambda p: Kron(p["A"], None)),
    "kron-right": ({"B": "km", "T": "nk", "Y": "nm"}, lambda p: Kron(None, p["B"])),
    "kron-matrix-vector": ({"A": "mn", "T": "n", "Y": "m"}, lambda p: Kron(p["A"], None)),
    "kron-vector-matrix": ({"a": "n", "T": "nk", "Y": "k"}, lambda p: Kron(p["a"], None)),
    "kron-matrix-times-vector": ({"b": "k", "T": "nk", "Y": "n"}, lambda p: Kron(None, p["b"])),
    "kron-vector-dot": ({"b": "n", "T": "n", "Y": ""}, lambda p: Kron(None, p["b"])),
    "kron-vector-left-dot": ({"a": "n", "T": "n", "Y": ""}, lambda p: Kron(p["a"], None)),
    "kron-inverse": ({"A": "nn", "T": "nk", "Y": "nk"}, lambda p: Kron(Inv(p["A"]), None)),
    "box": ({"A": "mk", "B": "nn", "T": "nk", "Y": "mn"}, lambda p: Box(p["A"], p["B"])),
    "transpose": ({"T": "nm", "Y": "mn"}, lambda p: Box()),
    "outer-scalar": ({"A": "nm", "T": "nm", "Y": ""}, lambda p: Outer(p["A"])),
    "outer-matrix": ({"A": "nm", "B": "kk", "T": "nm", "Y": "kk"}, lambda p: Outer(p["A"], p["B"])),
    "outer-vector": ({"a": "n", "T": "n", "Y": ""}, lambda p: Outer(p["a"])),
    "hadamard": ({"D": "nm", "T": "nm", "Y": "nm"}, lambda p: Hadamard(p["D"], p["Y"].shape)),
    "hadamard-divide": (
        {"D": "nm", "T": "nm", "Y": "nm"},
        lambda p: Hadamard(p["D"], p["Y"].shape, divide=True),
    ),
    "hadamard-broadcast-scalar": (
        {"D": "nm", "T": "", "Y": "nm"},
        lambda p: Hadamard(p["D"], p["Y"].shape),
    ),
    "hadamard-broadcast-row": (
        {"D": "nm", "T": "m", "Y": "nm"},
        lambda p: Hadamard(p["D"], p["Y"].shape),
    ),
    "broadcast-identity": ({"T": "m", "Y": "nm"}, lambda p: Hadamard(None, p["Y"].shape)),
    "broadcast-keepdims": ({"T": "n1", "Y": "nm"}, lambda p: Hadamard(None, p["Y"].shape)),
    "reduce": ({"T": "nm", "Y": ""}, lambda p: Reduce()),
    "reduce-leading": ({"T": "nm", "Y": "m"}, lambda p: Reduce((0,))),
    "reduce-keepdims": ({"T": "nm", "Y": "1m"}, lambda p: Reduce((0,), keepdims=True)),
    "diag-of": ({"T": "nn", "Y": "n"}, lambda p: DiagOf()),
    "diag-embed": ({"T": "n", "Y": "nn"}, lambda p: DiagEmbed()),
    "dyad-left": ({"b": "m", "T": "n", "Y": "nm"}, lambda p: Dyad(None, p["b"])),
    "dyad-right": ({"a": "n", "T": "m", "Y": "nm"}, lambda p: Dyad(p["a"], None)),
    "compose": (
        {"A": "nn", "D": "nm", "T": "nm", "Y": "nm"},
        lambda p: Compose(Kron(p["A"], None), Hadamard(p["D"], p["Y"].shape)),
    ),
    "compose-solve": (
        {"A": "nn", "Z": "mk", "T": "nm", "Y": "nk"},
        lambda p: Compose(Kron(Inv(p["A"]), None), Kron(None, p["Z"])),
    ),
    "sum": ({"A": "nn", "T": "nn", "Y": "nn"}, lambda p: Sum(Kron(p["A"], None), Box())),
    "reduce-middle-axis": ({"T": "nm", "Y": "n"}, lambda p: Reduce((1,))),
    "index": ({"T": "nm", "Y": "2"}, lambda p: Index((("s", 1, 3, None), ("i", -1)))),
    "index-newaxis": ({"T": "n", "Y": "n1"}, lambda p: Index((("s", None, None, None), ("n",)))),
    "scatter": (
        {"T": "2", "Y": "nm"},
        lambda p: Adjoint(Index((("s", 1, 3, None), ("i", 0))), p["Y"].shape),
    ),
    "lower-sym": ({"T": "nn", "Y": "nn"}, lambda p: LowerSym()),
    "upper-sym": ({"T": "nn", "Y": "nn"}, lambda p: LowerSym(upper=True)),
    "triangle": ({"T": "nn", "Y": "nn"}, lambda p: Triangle(-1)),
    "triangle-upper": ({"T": "nn", "Y": "nn"}, lambda p: Triangle(1, upper=True)),
    "kron-inverse-transposed-right": (
        {"A": "nn", "T": "kn", "Y": "kn"},
        lambda p: Kron(None, Inv(p["A"], trans=True)),
    ),
    "cholesky-chain": (
        {"A": "nn", "D": "nn", "T": "nn", "Y": "nn"},
        lambda p: chain(
            Kron(p["A"], None),
            Hadamard(p["D"], p["Y"].shape),
            Kron(Inv(p["A"]), Inv(p["A"], trans=True)),
            LowerSym(),
        ),
    ),
    "frechet-expm": ({"A": "nn", "T": "nn", "Y": "nn"}, lambda p: Frechet("expm", p["A"])),
    "sylvester": (
        {"A": "nn", "B": "mm", "T": "nm", "Y": "nm"},
        lambda p: Sylvester(p["A"], p["B"]),
    ),
    "kron-product-left": (
        {"B": "km", "T": "nn", "Y": "AB"},
        lambda p: KronProduct(p["B"], left=True),
    ),
    "kron-product-right": (
        {"A": "nk", "T": "mm", "Y": "AB"},
        lambda p: KronProduct(p["A"], left=False),
    ),
}

# complex forms: the inner product is Re Σ conj(Y) ∘ L[T]; "c:" marks complex parameters
COMPLEX_CASES = {
    "kron-complex": (
        {"A": "nn", "B": "mm", "T": "nm", "Y": "nm"},
        lambda p: Kron(p["A"], p["B"]),
        "ABTY",
    ),
    "kron-complex-inverse": (
        {"A": "nn", "T": "nm", "Y": "nm"},
        lambda p: Kron(Inv(p["A"]), None),
        "ATY",
    ),
    "hadamard-complex": (
        {"D": "nm", "T": "nm", "Y": "nm"},
        lambda p: Hadamard(p["D"], p["Y"].shape),
        "DTY",
    ),
    "outer-complex": ({"A": "nm", "T": "nm", "Y": ""}, lambda p: Outer(p["A"]), "ATY"),
    "real-part": ({"T": "nm", "Y": "nm"}, lambda p: RealPart(), "T"),
    "imag-part": ({"T": "nm", "Y": "nm"}, lambda p: ImagPart(), "T"),
    "conj": ({"T": "nm", "Y": "nm"}, lambda p: Conj(), "TY"),
    "unit-columns": ({"A": "nn", "T": "nn", "Y": "nn"}, lambda p: UnitColumns(p["A"]), "ATY"),
    "eig-values-form": (
        {"A": "nn", "T": "nn", "Y": "n"},
        lambda p: chain(DiagOf(), Kron(Inv(p["A"]), p["A"])),
        "AY",
    ),
}


def _shape(spec: str) -> tuple:
    return tuple(int(c) if c.isdigit() else c for c in spec)


ALL = {**{k: (*v, "") for k, v in CASES.items()}, **COMPLEX_CASES}


@pytest.mark.parametrize("name", sorted(ALL))
def test_adjoint_identity(name):
    spec, build, complex_params = ALL[name]
    g, p = _graph({k: _shape(v) for k, v in spec.items() if v != "AB"}, complex_params)
    if spec.get("Y") == "AB":
        fixed = p.get("A", p.get("B"))
        shape = KronProduct(fixed, left="A" not in p).out_shape(g, p["T"].shape)
        p["Y"] = g.op("param", name="Y", index=len(p), dims=shape, struct="general")
    form = build(p)
    applied = form.apply(g, p["T"])
    unwound = form.adjoint(g, p["Y"], p["T"].shape)
    assert g.same_shape(applied.shape, p["Y"].shape), "L[T] has the cotangent's shape"
    assert g.same_shape(unwound.shape, p["T"].shape), "Lᵀ[Ȳ] has the tangent's shape"
    rng = np.random.default_rng(0)
    params = list(p.values())
    args = []
    for v in params:
        shape = tuple(_size(g, d) for d in v.shape)
        x = rng.standard_normal(shape)
        if v.dtype == "complex":
            x = x + 1j * rng.standard_normal(shape)
        if (
            v.attr("name") in ("A", "B")
            and shape
            and shape[0] == shape[-1]
            and name != "kron-product-left"
        ):
            x = 0.3 * x + 3 * np.eye(shape[0])  # an invertible (and modest) factor
        args.append(x if shape else x.item())
    LT, LtY = evaluate(g, params, [applied, unwound], args)
    T, Y = args[params.index(p["T"])], args[params.index(p["Y"])]
    lhs = np.real(np.sum(np.conj(np.asarray(Y)) * np.asarray(LT)))
    rhs = np.real(np.sum(np.conj(np.asarray(LtY)) * np.asarray(T)))
    assert np.isclose(lhs, rhs, rtol=1e-10, atol=1e-10), (lhs, rhs)
    assert abs(lhs) > 1e-6, "a vacuous check: both sides vanish"


def _size(g, d):
    info = g.dim_info(d)
    if info.product is not None:
        return _size(g, info.product[0]) * _size(g, info.product[1])
    name = g.dim_name(d)
    return SIZES.get(name, name)


def test_out_shape_matches_apply():
    for name, (spec, build) in CASES.items():
        if spec.get("Y") == "AB":
            continue
        g, p = _graph({k: _shape(v) for k, v in spec.items()})
        form = build(p)
        out = form.out_shape(g, p["T"].shape)
        assert g.same_shape(out, form.apply(g, p["T"]).shape), name


# -- structure and scans (issue 9's vocabulary) ------------------------------------------
from matgradc.forms import CumSum, DiagEmbedK, Diagonal, Reshape, Roll

SCAN_CASES = {
    "cumsum-vector": ({"T": "n", "Y": "n"}, lambda p: CumSum(0)),
    "cumsum-rows": ({"T": "nm", "Y": "nm"}, lambda p: CumSum(0)),
    "cumsum-columns": ({"T": "nm", "Y": "nm"}, lambda p: CumSum(1)),
    "reshape-matrix-to-matrix": ({"T": (3, 4), "Y": (2, 6)}, lambda p: Reshape(p["Y"].shape)),
    "reshape-vector-to-matrix": ({"T": (6,), "Y": (3, 2)}, lambda p: Reshape(p["Y"].shape)),
    "roll-vector": ({"T": "n", "Y": "n"}, lambda p: Roll(2, 0)),
    "roll-columns": ({"T": "nm", "Y": "nm"}, lambda p: Roll(-1, 1)),
    "diagonal-offset": ({"T": (3, 4), "Y": (3,)}, lambda p: Diagonal(1, p["Y"].shape)),
    "diagonal-below": ({"T": (3, 4), "Y": (2,)}, lambda p: Diagonal(-1, p["Y"].shape)),
    "diag-embed-offset": ({"T": (3,), "Y": (4, 4)}, lambda p: DiagEmbedK(1, p["Y"].shape)),
    "diag-embed-below": ({"T": (3,), "Y": (5, 5)}, lambda p: DiagEmbedK(-2, p["Y"].shape)),
}


@pytest.mark.parametrize("name", sorted(SCAN_CASES))
def test_adjoint_identity_of_structure_forms(name):
    spec, build = SCAN_CASES[name]
    ALL[name] = (
        {k: "".join(map(str, v)) if isinstance(v, tuple) else v for k, v in spec.items()},
        build,
        "",
    )
    test_adjoint_identity(name)
