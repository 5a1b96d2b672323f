"""Eigenproblems at scale (issue 14): partial-spectrum gradients of a sparse matrix.

    .venv/bin/python bench/eigen.py                 # n = 10⁴ and 10⁵; appends to bench/results.md
    .venv/bin/python bench/eigen.py --sizes 2500 --no-write

1. Top-3 eigenvalue gradient of A = L + diag(p), L the 5-point Laplacian of an m×m grid
   (n = m², a scipy.sparse constant): value_and_grad of the generated module against one
   `eigsh(A, k=3, which="LA")` solve of the prebuilt A (the same starting vector, medians
   of interleaved repetitions), and the peak traced allocation (tracemalloc) of each,
   against the floats of the problem: nnz(L) + n k. Targets: time ratio ≤ 1.5; the peak
   O(nnz + nk) (ARPACK itself holds ncv = 20 Lanczos vectors of n floats, so the yardstick
   reported is peak / (8 bytes × (nnz + n·ncv))).
2. A top-eigenvector function, Σ c ∘ v², by eigsh + MINRES (the adjoint solve on the deflated
   operator) at n = 2000, against the same function of the dense np.linalg.eigh's vector,
   compiled by matgradc too: time, and agreement of the two gradients.

Measurements, never tests: a missed target prints MISS and the script still exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time
import tracemalloc
from pathlib import Path

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np
import scipy.sparse
import scipy.sparse.linalg

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "_generated"

TOP3 = """
import numpy as np
import scipy.sparse
import scipy.sparse.linalg


def laplacian_top3(L: "sparse(n,n)", p: "n"):
    A = L + scipy.sparse.diags(p)
    w, V = scipy.sparse.linalg.eigsh(A, k=3, which="LA")
    return np.sum(w)
"""

VECTOR = """
import numpy as np
import scipy.sparse
import scipy.sparse.linalg


def mode_sparse(L: "sparse(n,n)", p: "n", c: "n"):
    w, V = scipy.sparse.linalg.eigsh(L + scipy.sparse.diags(p), k=1, which="LA")
    return c @ (V[:, 0] * V[:, 0])


def mode_dense(L: "n,n", p: "n", c: "n"):
    w, V = np.linalg.eigh(L + np.diag(p))
    return c @ (V[:, -1] * V[:, -1])
"""


def grid_laplacian(m: int) -> scipy.sparse.csr_matrix:
    t = scipy.sparse.diags([-np.ones(m - 1), 2 * np.ones(m), -np.ones(m - 1)], [-1, 0, 1])
    eye = scipy.sparse.identity(m)
    return (scipy.sparse.kron(t, eye) + scipy.sparse.kron(eye, t)).tocsr()


def compile_module(source: str, fn: str):
    from matgradc.api import compile_model  # this worktree's compiler (pip install -e .)

    OUT.mkdir(exist_ok=True)
    path = OUT / f"grad_{fn}.py"
    path.write_text(compile_model(source, fn).module)
    spec = importlib.util.spec_from_file_location(f"grad_{fn}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def median_times(fns: dict, reps: int) -> dict:
    times = {k: [] for k in fns}
    for r in range(reps):
        order = list(fns)[r % len(fns) :] + list(fns)[: r % len(fns)]
        for k in order:
            t0 = time.perf_counter()
            fns[k]()
            times[k].append(time.perf_counter() - t0)
    return {k: float(np.median(v)) for k, v in times.items()}


def peak_bytes(f) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    f()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def bench_top3(n_target: int, reps: int) -> dict:
    m = round(np.sqrt(n_target))
    n = m * m
    L = grid_laplacian(m)
    p = np.random.default_rng(0).uniform(0.0, 1.0, n)
    mod = compile_module(TOP3, "laplacian_top3")
    A = L + scipy.sparse.diags(p)
    v0 = np.random.default_rng(0).standard_normal(n)  # the generated module's start vector

    def solve():
        return scipy.sparse.linalg.eigsh(A, k=3, which="LA", v0=v0)

    def vg():
        return mod.value_and_grad_laplacian_top3(L, p)

    _value, g = vg()
    _w, V = solve()
    err = np.max(np.abs(g - np.sum(V * V, axis=1))) / np.max(np.abs(g))
    t = median_times({"eigsh": solve, "value_and_grad": vg}, reps)
    floats = L.nnz + n * 3
    return {
        "n": n,
        "nnz": L.nnz,
        "eigsh_s": t["eigsh"],
        "vg_s": t["value_and_grad"],
        "ratio": t["value_and_grad"] / t["eigsh"],
        "peak_vg": peak_bytes(vg),
        "peak_eigsh": peak_bytes(solve),
        "floats": floats,
        "ncv_floats": L.nnz + n * 20,
        "err": err,
    }


def bench_vector(n_target: int, reps: int) -> dict:
    m = round(np.sqrt(n_target))
    n = m * m
    L = grid_laplacian(m)
    rng = np.random.default_rng(1)
    p, c = rng.uniform(0.0, 4.0, n), rng.standard_normal(n)
    sparse = compile_module(VECTOR, "mode_sparse")
    dense = compile_module(VECTOR, "mode_dense")
    Ld = L.toarray()
    gs = sparse.value_and_grad_mode_sparse(L, p, c)[1]
    gd = dense.value_and_grad_mode_dense(Ld, p, c)[1]
    rel_p = np.linalg.norm(gs[0] - gd[1]) / np.linalg.norm(gd[1])
    rel_c = np.linalg.norm(gs[1] - gd[2]) / np.linalg.norm(gd[2])
    t = median_times(
        {
            "sparse": lambda: sparse.value_and_grad_mode_sparse(L, p, c),
            "dense": lambda: dense.value_and_grad_mode_dense(Ld, p, c),
        },
        reps,
    )
    return {"n": n, "sparse_s": t["sparse"], "dense_s": t["dense"], "rel_p": rel_p, "rel_c": rel_c}


def report(top3: list[dict], vec: dict | None) -> str:
    lines = [
        "",
        "## Eigenproblems at scale (bench/eigen.py, issue 14)",
        "",
        (
            "Top-3 eigenvalue gradient of A = L + diag(p), L the 5-point Laplacian of a 2-D grid "
            '(scipy.sparse), `eigsh(A, k=3, which="LA")`. Ratio: value_and_grad over one eigsh '
            "solve of the prebuilt A with the same start vector (medians, one BLAS thread). Peak: "
            "tracemalloc's peak traced allocation; nnz + nk and nnz + n·ncv (ARPACK's 20 Lanczos "
            "vectors) in floats of 8 bytes."
        ),
        "",
        (
            "| n | nnz | eigsh s | value_and_grad s | ratio (≤ 1.5) | peak vg MB | peak eigsh MB "
            "| peak vg / 8(nnz+nk) | peak vg / 8(nnz+n·ncv) | grad vs Σ v² (same v0) |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in top3:
        ok = "PASS" if r["ratio"] <= 1.5 else "MISS"
        lines.append(
            f"| {r['n']} | {r['nnz']} | {r['eigsh_s']:.3g} | {r['vg_s']:.3g} | "
            f"{r['ratio']:.2f} {ok} | {r['peak_vg'] / 1e6:.3g} | {r['peak_eigsh'] / 1e6:.3g} | "
            f"{r['peak_vg'] / (8 * r['floats']):.2f} | {r['peak_vg'] / (8 * r['ncv_floats']):.2f} "
            f"| {r['err']:.1e} |"
        )
    if vec is not None:
        lines += [
            "",
            (
                f"Top-eigenvector function Σ c ∘ v² at n = {vec['n']}: eigsh + MINRES adjoint solve "
                f"(sparse L) {vec['sparse_s']:.3g} s; the same model on np.linalg.eigh of the dense "
                f"matrix {vec['dense_s']:.3g} s (×{vec['dense_s'] / vec['sparse_s']:.1f}); gradients "
                f"agree to {vec['rel_p']:.1e} (p) and {vec['rel_c']:.1e} (c), normwise relative."
            ),
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--vector-n", type=int, default=2000)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    top3 = []
    for n in (int(s) for s in a.sizes.split(",")):
        r = bench_top3(n, a.reps)
        print(r, flush=True)
        top3.append(r)
    vec = bench_vector(a.vector_n, a.reps) if a.vector_n else None
    print(vec, flush=True)
    text = report(top3, vec)
    print(text)
    if not a.no_write:
        with open(ROOT / "bench" / "results.md", "a") as f:
            f.write(text)


if __name__ == "__main__":
    main()
