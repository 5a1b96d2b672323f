"""Kalman filter log-likelihood (examples/kalman.py, 2x2 state) with a run-time loop over T
(issue 12): value_and_grad time over the forward's, and compile time against T.

    .venv/bin/python bench/kalman.py            # T = 1000, compile times for T = 10, 100, 1000
    .venv/bin/python bench/kalman.py --T 5000 --reps 20

Measurements, never tests: a missed target prints MISS and the script exits 0.
- forward: the model itself as NumPy runs it (examples/kalman.py), and the generated module's
  forward function (which also keeps the tape: see compiler/loops.py);
- value_and_grad: the generated module's; target <= 3x the model's forward;
- compile: the run-time loop (`y: "T"`) is one model whatever T is; the same model with the
  size declared as a number (`y: "<T>"`) is unrolled up to the documented limit instead, and
  its compile time grows with T. Target for the loop: under 1 s, not growing with T.
- --checkpoint: value_and_grad's time over the forward's, and the peak of traced allocations
  (tracemalloc) of the tape and of the checkpoints at T and 10 T;
- JAX (`lax.scan` under jit) and PyTorch (a Python loop) when they are importable.

The timings interleave the functions (one call of each per round) and report the median and
the minimum of process time per call: on a shared machine the ratio of minima moves least.

    git show main:generated/grad_kalman_loglik.py > /tmp/before.py
    .venv/bin/python bench/kalman.py --compare /tmp/before.py   # before/after in one run
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
import tracemalloc
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matgradc.api import Options, compile_model

SOURCE = (ROOT / "examples" / "kalman.py").read_text()


def load_text(text: str, name: str) -> types.ModuleType:
    path = Path(tempfile.mkdtemp()) / f"{name}.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def timeit(f, reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def interleaved(fns: dict, reps: int) -> dict:
    """(median, minimum) process time of each function, called in turn in every round."""
    times: dict = {k: [] for k in fns}
    for _ in range(reps):
        for k, f in fns.items():
            t0 = time.process_time()
            f()
            times[k].append(time.process_time() - t0)
    return {k: (statistics.median(v), min(v)) for k, v in times.items()}


def peak_bytes(f) -> int:
    tracemalloc.start()
    try:
        f()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def compile_seconds(source: str) -> float:
    t0 = time.perf_counter()
    compile_model(source, "kalman_loglik", filename="examples/kalman.py")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--T", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--unrolled", type=int, nargs="*", default=[10, 100])
    ap.add_argument(
        "--compare",
        nargs="*",
        default=[],
        metavar="MODULE",
        help="other generated modules of examples/kalman.py to time in the same run",
    )
    args = ap.parse_args()

    model = load_text(SOURCE, "kalman_model")
    gen = load_text(compile_model(SOURCE, "kalman_loglik").module, "grad_kalman_model")
    checkpointed = compile_model(SOURCE, "kalman_loglik", options=Options(checkpoint=True))
    ckpt = load_text(checkpointed.module, "grad_kalman_checkpoint")
    others = {p: load_text(Path(p).read_text(), f"compare{k}") for k, p in enumerate(args.compare)}

    def data(T: int) -> tuple:
        rng = np.random.default_rng(0)
        F = np.array([[1.0, 1.0], [0.0, 1.0]])  # a local linear trend
        y = np.cumsum(np.cumsum(0.1 * rng.standard_normal(T))) + rng.standard_normal(T)
        return (y, F, np.array([1.0, 0.0]), np.array([-2.0, -4.0]), 0.0)

    inputs = data(args.T)
    value, grads = gen.value_and_grad_kalman_loglik(*inputs)
    assert np.isclose(value, model.kalman_loglik(*inputs), rtol=1e-10)
    value_c, grads_c = ckpt.value_and_grad_kalman_loglik(*inputs)
    assert value_c == value and all(np.allclose(a, b, rtol=1e-12) for a, b in zip(grads, grads_c))

    fns = {
        "forward (the model, NumPy)": lambda: model.kalman_loglik(*inputs),
        "forward (generated, no tape)": lambda: gen.kalman_loglik(*inputs),
        "value_and_grad (generated)": lambda: gen.value_and_grad_kalman_loglik(*inputs),
        "value_and_grad --checkpoint": lambda: ckpt.value_and_grad_kalman_loglik(*inputs),
    }
    for p, mod in others.items():
        fns[f"value_and_grad of {Path(p).name}"] = lambda mod=mod: mod.value_and_grad_kalman_loglik(
            *inputs
        )
    stats = interleaved(fns, args.reps)
    fwd = stats["forward (the model, NumPy)"]
    print(f"# Kalman filter log-likelihood, 2x2 state, T = {args.T}")
    print(f"# process time per call over {args.reps} interleaved rounds: median, minimum; ratios")
    print("# to the model's forward (median/median, min/min)")
    for name, (med, low) in stats.items():
        print(
            f"{name:36s} {med * 1e3:8.2f} ms {low * 1e3:8.2f} ms"
            f"   {med / fwd[0]:5.2f} x {low / fwd[1]:5.2f} x"
        )
    med, low = stats["value_and_grad (generated)"]
    verdict = "ok" if med / fwd[0] <= 3.0 else "MISS"
    print(f"value_and_grad / forward: {med / fwd[0]:.2f} x (median), {low / fwd[1]:.2f} x (min)")
    print(f"target <= 3x (median): {verdict}")

    print("\n# peak of traced allocations in value_and_grad (tracemalloc)")
    for T in (args.T, 10 * args.T):
        big = data(T)
        tape = peak_bytes(lambda big=big: gen.value_and_grad_kalman_loglik(*big))
        kept = peak_bytes(lambda big=big: ckpt.value_and_grad_kalman_loglik(*big))
        print(f"T = {T:6d}: tape {tape / 1e3:9.1f} kB   --checkpoint {kept / 1e3:9.1f} kB")

    print("\n# compile time (s), best of 3")
    loop = min(compile_seconds(SOURCE) for _ in range(3))
    for T in (10, 100, 1000):  # the same source: T is read from the data at run time
        print(f"run-time loop, T = {T:5d}            {loop:8.3f}   (one model for every T)")
    verdict = "ok" if loop < 1.0 else "MISS"
    print(f"run-time loop under 1 s: {verdict}")
    for T in args.unrolled:
        declared = SOURCE.replace('y: "T"', f'y: "{T}"')
        try:
            secs = min(compile_seconds(declared) for _ in range(2))
        except Exception as e:  # noqa: BLE001 -- a measurement: report it, finish the run
            print(f"unrolled (y declared of size {T:4d})  failed: {type(e).__name__}")
            continue
        print(f"unrolled (y declared of size {T:4d})  {secs:8.3f}")

    try:
        import jax
        import jax.numpy as jnp

        jax.config.update("jax_enable_x64", True)

        def jloglik(y, F, h, log_q, log_r):
            Q, R = jnp.diag(jnp.exp(log_q)), jnp.exp(log_r)

            def step(carry, yt):
                a, P, ll = carry
                v = yt - h @ a
                f = h @ P @ h + R
                K = F @ P @ h / f
                a = F @ a + K * v
                P = F @ P @ F.T + Q - jnp.outer(K, K) * f
                return (a, P, ll - 0.5 * (jnp.log(2 * jnp.pi) + jnp.log(f) + v * v / f)), None

            (_, _, ll), _ = jax.lax.scan(step, (jnp.zeros(2), 10.0 * jnp.eye(2), 0.0), y)
            return ll

        jf = jax.jit(jloglik)
        jvg = jax.jit(jax.value_and_grad(jloglik, argnums=(0, 1, 2, 3, 4)))
        jf(*inputs).block_until_ready()
        jvalue, jgrads = jvg(*inputs)
        assert np.isclose(float(jvalue), value, rtol=1e-10)  # the same model, the same numbers
        assert all(
            np.allclose(np.asarray(j), g, rtol=1e-8, atol=1e-10) for j, g in zip(jgrads, grads)
        )
        jt = timeit(lambda: jf(*inputs).block_until_ready(), args.reps)
        jvt = timeit(lambda: jvg(*inputs)[0].block_until_ready(), args.reps)
        print(
            f"\njax lax.scan under jit: forward {jt * 1e3:.2f} ms, value_and_grad {jvt * 1e3:.2f} ms"
        )
    except ImportError:
        print("\njax: not installed (pip install -e '.[bench]')")
    if importlib.util.find_spec("torch") is None:
        print("torch: not installed (pip install -e '.[bench]')")
    else:
        torch_value_and_grad(model, inputs, (value, grads), args.reps)


def torch_value_and_grad(model, inputs, expected, reps: int) -> None:
    """The model's own source under PyTorch autograd (its `np` bound to bench/torch_np.py, the
    loop a Python loop, as bench/run.py runs every problem), checked against the generated
    module's value and gradient, then timed."""
    import torch

    sys.path.insert(0, str(ROOT / "bench"))
    import torch_np
    from run import rebind

    torch.set_num_threads(1)
    f = rebind(model.kalman_loglik, torch_np)
    targs = [torch.from_numpy(np.asarray(a, dtype=np.float64)).requires_grad_() for a in inputs]

    def value_and_grad():
        out = f(*targs)
        return out, torch.autograd.grad(out, targs)

    def forward():
        with torch.no_grad():
            return f(*targs)

    out, tgrads = value_and_grad()
    value, grads = expected
    assert np.isclose(float(out.detach()), value, rtol=1e-10)
    assert all(np.allclose(t.numpy(), g, rtol=1e-8, atol=1e-10) for t, g in zip(tgrads, grads))
    tf, tvg = timeit(forward, reps), timeit(value_and_grad, reps)
    print(
        f"torch, a Python loop under autograd: forward {tf * 1e3:.2f} ms, value_and_grad {tvg * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
