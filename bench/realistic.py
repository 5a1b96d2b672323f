"""Realistic models against JAX-jit and PyTorch (issue 15, "Done when" 2): scikit-learn's GPR,
GPy's exact inference, the Wishart log-density and a Kalman filter, at n = 500, d = 50.

    .venv/bin/python bench/realistic.py                 # → bench/realistic.md (≈ 5 min)
    .venv/bin/python bench/realistic.py --models gpr --budget 5 --profile

Measurements, never tests. One process, one thread, pinned to one CPU (the environment of
bench/run.py, re-executed the same way); interleaved repetitions in a rotating order; medians,
and the per-repetition paired ratios with their quartiles (the machine is noisy: read ratios).
Every implementation is checked against the generated module first (value and gradients,
normwise relative error ≤ 1e-6); one that disagrees is excluded and listed. The frameworks run
the model's own source with `np` (and scipy.linalg's cholesky/cho_solve where the model
imports them) rebound to jax.numpy / jax.scipy.linalg or bench/torch_np.py; under JAX the
Kalman filter's loop is lax.scan of the model's own step. JAX's compile time is reported
apart. `--profile` times each top-level statement of the generated value_and_grad (the
module's own lines, run with a timer between them): where the time goes.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _reexec() -> None:
    """bench/run.py's environment: one BLAS/XLA/torch thread, pinned to one CPU, set before
    NumPy loads (see run.py's _reexec_with_bench_env)."""
    if os.environ.get("MATGRADC_BENCH_CHILD") is not None:
        return
    env = dict(os.environ)
    removed = [v for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if env.pop(v, None)]
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[v] = "1"
    env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_cpu_multi_thread_eigen=false").strip()
    env["MATGRADC_BENCH_CHILD"] = ",".join(removed)
    env["MATGRADC_BENCH_PINNED"] = "not pinned"
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        env["MATGRADC_BENCH_PINNED"] = f"pinned to CPU {cpus[-1]} (of {len(cpus)} allowed)"
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env)


if __name__ == "__main__":
    _reexec()

import argparse
import ast
import gc
import subprocess
import time
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, HERE)
import run

BENCH = Path(HERE)
REPO = BENCH.parent
OUT = BENCH / "_generated"


@dataclass
class Model:
    name: str
    fn: str
    wrt: tuple[str, ...]
    params: tuple[str, ...]
    build: object  # (rng) -> args
    sizes: str
    path: str = ""  # the model file, from the repository's root; bench/models/<fn>.py if empty

    @property
    def file(self) -> str:
        return self.path or f"bench/models/{self.fn}.py"

    @property
    def wrt_index(self) -> tuple[int, ...]:
        return tuple(self.params.index(p) for p in self.wrt)


N, D, P = 500, 50, 3  # points, input dimensions, GPy output columns; Kalman steps T = N


def _gp_inputs(rng):
    return rng.standard_normal((N, D)) / np.sqrt(D)


def _wishart(rng):
    A = rng.standard_normal((N, D, 2 * D))
    S = A @ np.swapaxes(A, 1, 2) / (2 * D)
    B = rng.standard_normal((D, D))
    return S, B @ B.T / D + np.eye(D), float(2 * D)


def _kalman(rng):
    F = np.array([[0.9, 0.1], [0.0, 0.8]])
    H = np.array([[1.0, 0.0], [0.5, 1.0]])
    x, Y = np.zeros(2), np.empty((N, 2))
    for t in range(N):
        x = F @ x + 0.3 * rng.standard_normal(2)
        Y[t] = H @ x + 0.2 * rng.standard_normal(2)
    return Y, F, H, np.log([0.09, 0.09]), np.log([0.04, 0.04])


MODELS = {
    "gpr": Model(  # scikit-learn's model as sklearn writes it (and as the example shows it)
        "gpr",
        "gp_log_marginal_likelihood",
        ("theta",),
        ("theta", "X", "y", "alpha"),
        lambda rng: (np.log([1.5, 1.2]), _gp_inputs(rng), rng.standard_normal(N), 0.1),
        f"X: {N}×{D}, y: {N}, K: {N}×{N}",
        "examples/sklearn_gp.py",
    ),
    "gpy_exact": Model(
        "gpy_exact",
        "gpy_exact",
        ("variance", "lengthscale", "noise"),
        ("X", "Y", "variance", "lengthscale", "noise"),
        lambda rng: (_gp_inputs(rng), rng.standard_normal((N, P)), 1.5, 1.2, 0.1),
        f"X: {N}×{D}, Y: {N}×{P}, K: {N}×{N}",
    ),
    "wishart": Model(
        "wishart",
        "wishart",
        ("Sigma",),
        ("S", "Sigma", "nu"),
        _wishart,
        f"S: {N} samples of {D}×{D}, Σ: {D}×{D}",
    ),
    "kalman_mv": Model(
        "kalman_mv",
        "kalman_mv",
        ("F", "H", "log_q", "log_r"),
        ("Y", "F", "H", "log_q", "log_r"),
        _kalman,
        f"T = {N} steps, 2-dimensional state and observations",
    ),
}


def compile_model(m: Model, flags: tuple[str, ...], suffix: str, env=None) -> types.ModuleType:
    out = OUT / f"grad_{m.fn}{suffix}.py"
    OUT.mkdir(exist_ok=True)
    cmd = [sys.executable, "-m", "matgradc", m.file, "--fn", m.fn]
    cmd += ["--wrt", ",".join(m.wrt), *flags, "-o", str(out.relative_to(REPO))]
    env = {**os.environ, **(env or {})}
    subprocess.run(cmd, cwd=REPO, check=True, env=env)
    return run.load_module(out, f"realistic_{m.fn}{suffix}")


# sklearn's in-place diagonal update, which jax.numpy arrays do not allow, and the same sum
# written functionally: the one line the frameworks' copy of a model changes
IN_PLACE = "K[np.diag_indices_from(K)] += alpha"
FUNCTIONAL = "K = K + alpha * np.eye(K.shape[0])"


def framework_model(m: Model, model_fn):
    """The model function JAX and PyTorch run: the model file's own, or, when it updates K's
    diagonal in place, the same file with that line written functionally."""
    text = (REPO / m.file).read_text(encoding="utf-8")
    if IN_PLACE not in text:
        return model_fn
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{m.fn}_functional.py"
    path.write_text(text.replace(IN_PLACE, FUNCTIONAL), encoding="utf-8")
    return getattr(run.load_module(path, f"functional_{m.fn}"), m.fn)


def _jax_kalman_mv(f, jnp, lax):
    """bench/models/kalman_mv.py as a JAX user writes it: the loop over t as lax.scan of the
    model's own kalman_step (rebound to jax.numpy with f); a Python loop would be unrolled
    T = 500 times under jit: minutes of compilation and 5 GB."""
    kalman_step = f.__globals__["kalman_step"]

    def kalman_mv(Y, F, H, log_q, log_r):
        Q = jnp.diag(jnp.exp(log_q))
        R = jnp.diag(jnp.exp(log_r))

        def scan_step(carry, y):
            a, P, ll = carry
            a, P, ll_t = kalman_step(a, P, y, F, H, Q, R)
            return (a, P, ll + ll_t), None

        (_, _, ll), _ = lax.scan(scan_step, (jnp.zeros(2), 10.0 * jnp.eye(2), 0.0), Y)
        return ll

    return kalman_mv


def jax_call(m: Model, fn, args):
    import jax
    import jax.numpy as jnp
    import jax.scipy.linalg as jsl

    jax.config.update("jax_enable_x64", True)
    f = run.rebind(fn, jnp, cholesky=jsl.cholesky, cho_solve=jsl.cho_solve)
    if m.fn == "kalman_mv":
        f = _jax_kalman_mv(f, jnp, jax.lax)
    jargs = [jnp.asarray(a, dtype=jnp.float64) for a in args]
    t0 = time.perf_counter()
    compiled = jax.jit(jax.value_and_grad(f, argnums=m.wrt_index)).lower(*jargs).compile()
    seconds = time.perf_counter() - t0
    return (lambda: jax.block_until_ready(compiled(*jargs))), run.as_numpy_result, seconds


def torch_call(m: Model, fn, args):
    import torch

    import torch_np

    torch.set_num_threads(1)
    f = run.rebind(fn, torch_np, cholesky=torch_np.cholesky, cho_solve=torch_np.cho_solve)
    targs = [
        torch.from_numpy(np.asarray(a, dtype=np.float64)).requires_grad_(i in m.wrt_index)
        for i, a in enumerate(args)
    ]
    wrt = [targs[i] for i in m.wrt_index]

    def call():
        out = f(*targs)
        return out.detach(), torch.autograd.grad(out, wrt)

    def to_numpy(out):
        return float(out[0]), tuple(g.numpy() for g in out[1])

    return call, to_numpy, None


def statement_profile(module, fn: str, args, reps: int) -> list[tuple[float, str]]:
    """Seconds per top-level statement of value_and_grad_<fn> (median over reps): the
    function's source recompiled with a clock read after each statement."""
    import inspect

    src = inspect.getsource(getattr(module, f"value_and_grad_{fn}"))
    tree = ast.parse(src)
    body = tree.body[0].body
    texts = [ast.get_source_segment(src, s).split("\n")[0][:90] for s in body]
    new_body = [ast.parse("_clock = [_now()]").body[0]]
    for s in body:
        if isinstance(s, ast.Return):
            new_body.append(ast.parse("_CLOCKS.append(_clock)").body[0])
        new_body.append(s)
        if not isinstance(s, ast.Return):
            new_body.append(ast.parse("_clock.append(_now())").body[0])
    tree.body[0].body = new_body
    ast.fix_missing_locations(tree)
    env = dict(module.__dict__)
    clocks: list = []
    env.update(_now=time.perf_counter, _CLOCKS=clocks)
    exec(compile(tree, f"<profiled {fn}>", "exec"), env)  # noqa: S102 -- the generated module
    prof = env[f"value_and_grad_{fn}"]
    for _ in range(reps):
        prof(*args)
    n_stmt = len([s for s in body if not isinstance(s, ast.Return)])
    per = np.array([np.diff(c[: n_stmt + 1]) for c in clocks])
    med = np.median(per, axis=0)
    rows = [(float(t), texts[i]) for i, t in enumerate(med)]
    return rows


def measure(m: Model, budget: float, frameworks: list[str], profile: bool, log) -> dict:
    log(f"{m.name}: compiling and checking")
    rng = np.random.default_rng(15)
    args = m.build(rng)
    model_fn = getattr(run.load_module(REPO / m.file, f"model_{m.fn}"), m.fn)
    modules = {
        "generated": compile_model(m, (), ""),
        "gen-numpy": compile_model(m, ("--backend", "numpy"), "_numpy"),
        "gen-nofuse": compile_model(m, (), "_nofuse", {"MATGRADC_FUSE": "0"}),
    }
    value_fn = getattr(modules["generated"], m.fn)  # the generated value alone: no tape
    calls = {"forward": lambda: model_fn(*args), "gen-value": lambda: value_fn(*args)}
    convert = {}
    for name, mod in modules.items():
        vg = getattr(mod, f"value_and_grad_{m.fn}")
        calls[name] = lambda vg=vg: vg(*args)
        convert[name] = run.as_numpy_result
    res = {"model": m, "failed": {}, "compile": None, "errors": {}}
    for fw in frameworks:
        try:
            call, conv, seconds = (jax_call if fw == "jax" else torch_call)(
                m, framework_model(m, model_fn), args
            )
        except Exception as e:  # noqa: BLE001 - reported, not fatal
            res["failed"][fw] = f"{type(e).__name__}: {str(e).splitlines()[0][:120]}"
            continue
        calls[fw], convert[fw] = call, conv
        if fw == "jax":
            res["compile"] = seconds
    ref_value, ref_grads = run.as_numpy_result(calls["generated"]())
    for name in list(calls):
        if name in ("forward", "gen-value", "generated"):
            continue
        try:
            value, grads = convert[name](calls[name]())
            err = max(
                [run.relerr(value, ref_value)]
                + [run.relerr(g, r) for g, r in zip(grads, ref_grads, strict=True)]
            )
        except Exception as e:  # noqa: BLE001
            res["failed"][name] = f"raised {type(e).__name__}: {str(e).splitlines()[0][:120]}"
            del calls[name]
            continue
        res["errors"][name] = err
        if not err <= 1e-6:
            res["failed"][name] = f"disagrees with the generated module: relative error {err:.1e}"
            del calls[name]
    est = {}
    for name, call in calls.items():
        t0 = time.perf_counter()
        call()
        est[name] = time.perf_counter() - t0
    reps = max(5, min(300, int(budget / sum(est.values()))))
    names = list(calls)
    samples = {k: [] for k in names}
    gc.disable()
    try:
        for r in range(reps):
            k = r % len(names)
            for name in names[k:] + names[:k]:
                t0 = time.perf_counter()
                calls[name]()
                samples[name].append(time.perf_counter() - t0)
    finally:
        gc.enable()
    res["reps"] = reps
    res["samples"] = samples
    res["median"] = {k: float(np.median(v)) for k, v in samples.items()}
    if profile:
        res["profile"] = statement_profile(modules["generated"], m.fn, args, max(3, reps // 4))
    log(
        f"{m.name}: "
        + ", ".join(f"{k} {1e3 * t:.3g} ms" for k, t in res["median"].items())
        + f" ({reps} reps)"
    )
    return res


def paired(res, a, b):
    xs, ys = res["samples"].get(a), res["samples"].get(b)
    if not xs or not ys:
        return None
    return np.percentile(np.divide(xs, ys), [25, 50, 75])


def cell(q) -> str:
    if q is None:
        return "–"
    tie = " ≈" if q[0] <= 1.0 <= q[2] else ""
    return f"{q[1]:.2f} [{q[0]:.2f}–{q[2]:.2f}]{tie}"


def report(results, frameworks, info, elapsed, command) -> str:
    out = ["# Realistic models against JAX-jit and PyTorch", ""]
    out.append(
        f"Generated by `bench/realistic.py` (do not edit by hand); regenerate with "
        f"`{command}`. One process, one thread, pinned to one CPU; {info}; run took "
        f"{elapsed / 60:.1f} min."
    )
    out.append("")
    out.append(
        "*generated* is `value_and_grad_<fn>` of the default module (NumPy, and SciPy's "
        "LAPACK through its prelude), *gen-numpy* the same with `--backend numpy`, "
        "*gen-nofuse* the default module with `MATGRADC_FUSE=0`, *forward* the model itself "
        "run by NumPy (the value only), *gen-value* the generated module's value function "
        "(the forward pass alone, no tape): *gen-value/jax* over 1.0 means that no "
        "value_and_grad made of the same NumPy calls can reach JAX-jit's. Times are medians "
        "of interleaved repetitions; each "
        "ratio is the median [first–third quartile] of the per-repetition ratios of two "
        "implementations timed in the same rotation; **≈** when the quartile range holds "
        "1.0. Target (issue 15): generated ÷ JAX-jit ≤ 1.0."
    )
    out.append("")
    head = ["model", "sizes", "reps", "forward ms", "gen-value ms", "generated ms"]
    head += ["gen-numpy ms"] + [f"{f} ms" for f in frameworks] + ["jax compile s"]
    head += [f"gen/{f}" for f in frameworks]
    head += ["gen-numpy/jax", "gen-value/jax", "gen/gen-nofuse"]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        med = r["median"]

        def ms(k, med=med):
            return f"{1e3 * med[k]:.3g}" if k in med else "–"

        row = [r["model"].name, r["model"].sizes, str(r["reps"]), ms("forward")]
        row += [ms("gen-value"), ms("generated"), ms("gen-numpy")]
        row += [ms(f) for f in frameworks]
        row.append(f"{r['compile']:.1f}" if r["compile"] else "–")
        row += [cell(paired(r, "generated", f)) for f in frameworks]
        row += [cell(paired(r, a, b)) for a, b in (("gen-numpy", "jax"), ("gen-value", "jax"))]
        row.append(cell(paired(r, "generated", "gen-nofuse")))
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    for r in results:
        for k, why in r["failed"].items():
            out.append(f"- {r['model'].name}: {k} excluded: {why}")
        errs = ", ".join(f"{k} {e:.1e}" for k, e in r["errors"].items())
        out.append(f"- {r['model'].name}: agreement with the generated module: {errs}")
    for r in results:
        if "profile" not in r:
            continue
        total = sum(t for t, _ in r["profile"])
        out += ["", f"### Where generated spends its time: {r['model'].name}", ""]
        out.append(
            f"Median seconds of each top-level statement of value_and_grad_{r['model'].fn} "
            f"(total {1e3 * total:.3g} ms), the largest first:"
        )
        out += ["", "| ms | share | statement |", "|---|---|---|"]
        for t, text in sorted(r["profile"], reverse=True)[:10]:
            text = text.replace("|", "\\|")
            out.append(f"| {1e3 * t:.3g} | {100 * t / total:.0f}% | `{text}` |")
    out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--frameworks", default="jax,torch")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds of timing per model")
    ap.add_argument("--profile", action="store_true", help="per-statement times of generated")
    ap.add_argument("--out", default=str(BENCH / "realistic.md"))
    opts = ap.parse_args(argv)
    limiter = run.limit_threads()  # noqa: F841 -- kept alive for the run
    frameworks = []
    for fw in opts.frameworks.split(","):
        try:
            __import__(fw)
            frameworks.append(fw)
        except ImportError:
            print(f"{fw}: not importable, skipped")
    t0 = time.perf_counter()
    results = [
        measure(MODELS[name], opts.budget, frameworks, opts.profile, lambda s: print(s, flush=True))
        for name in opts.models.split(",")
    ]
    import platform

    info = (
        f"{platform.processor() or platform.machine()}, NumPy {np.__version__}, "
        f"{os.environ.get('MATGRADC_BENCH_PINNED', '')}, load average at start "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}"
    )
    versions = []
    for fw in frameworks:
        versions.append(f"{fw} {__import__(fw).__version__}")
    info += "; " + ", ".join(versions)
    command = ".venv/bin/python bench/realistic.py " + " ".join(sys.argv[1:])
    text = report(results, frameworks, info, time.perf_counter() - t0, command.strip())
    Path(opts.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
