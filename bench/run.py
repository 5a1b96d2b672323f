"""matgradc benchmarks: generated gradients against a hand-written expert, NumPy and frameworks.

    .venv/bin/python bench/run.py                      # n = 64, 256, 1024, writes bench/results.md
    .venv/bin/python bench/run.py --quick              # n = 64, few repetitions (smoke test)
    .venv/bin/python bench/run.py --sizes 64,256 --problems covariance,mlp --no-frameworks

For each problem of bench/problems.py the runner compiles the model of bench/models/ with
matgradc four times (into bench/_generated/, gitignored): plain (the default backend: NumPy,
and SciPy's LAPACK through the module's prelude when it imports), with --backend numpy (NumPy
alone), with --backend scipy and with --hvp. It checks that every implementation agrees with the hand-written expert (value
and gradients, normwise relative error <= --rtol), the HVP against central differences of
its module's gradient (<= --hvp-rtol), and then, for each size n, in one process, times with
interleaved repetitions (medians):

    forward          the model function itself, run by NumPy (the value only)
    generated        value_and_grad_<fn> of the module matgradc wrote (default backend)
    generated-numpy  the same, compiled with --backend numpy (imports NumPy alone)
    generated-scipy  the same, compiled with --backend scipy (may import scipy.linalg)
    expert           the hand-written NumPy value-and-gradient of bench/problems.py
    expert-scipy     the hand-written SciPy one (covariance, gaussian_nll, gp_nlml)
    hvp-grad         value_and_grad_<fn> of the module compiled with --hvp
    hvp              hvp_<fn> of that module, random vectors (one per --wrt parameter)
    jax              jax.jit(jax.value_and_grad(model)) in float64 (compile time reported apart)
    torch            the model under PyTorch autograd, float64
    autograd         the model under HIPS autograd

The "best expert" of a row is the faster of expert and expert-scipy (expert alone where
there is no SciPy expert); hvp/grad is hvp over hvp-grad.

The frameworks run the model's own source, its global `np` rebound to jax.numpy,
bench/torch_np.py or autograd.numpy; each is optional and skipped when not importable.
Peak extra memory (tracemalloc) is measured for the forward, generated and expert code.

The benchmark process runs BLAS on one thread (threadpoolctl when installed, and
OPENBLAS/OMP/MKL_NUM_THREADS=1 in any case), with XLA and PyTorch on one thread too, and
without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (they pin an old kernel on this machine): the
runner re-executes itself once with that environment, pinned to one CPU (--no-pin to skip;
XLA's CPU runtime uses every core whatever XLA_FLAGS says). Targets are reported as PASS/MISS
with the measured number; a MISS never makes the runner fail (these are measurements).
"""

from __future__ import annotations

import os
import sys

THREAD_VARS = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "BLIS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
UNSET_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
XLA_ONE_THREAD = "--xla_cpu_multi_thread_eigen=false"
CHILD_MARK = "MATGRADC_BENCH_CHILD"
PIN_MARK = "MATGRADC_BENCH_PINNED"


def _reexec_with_bench_env() -> None:
    """Re-run this script once with one BLAS thread and without the OpenBLAS overrides.

    Must run before NumPy is imported: OpenBLAS reads its environment when it loads.
    Unless --no-pin is given, the process is also pinned to one CPU (the affinity is kept
    across exec): XLA's CPU runtime ignores XLA_FLAGS' thread options and ran JAX on every
    core (process CPU time ≈ 1.9 × wall time on this 2-core machine), so only the affinity
    gives all implementations the same single core.
    """
    if os.environ.get(CHILD_MARK) is not None:
        return
    env = dict(os.environ)
    removed = [v for v in UNSET_VARS if v in env]
    for v in UNSET_VARS:
        env.pop(v, None)
    for v in THREAD_VARS:
        env[v] = "1"
    xla = env.get("XLA_FLAGS", "")
    if "xla_cpu_multi_thread_eigen" not in xla:
        env["XLA_FLAGS"] = (xla + " " + XLA_ONE_THREAD).strip()
    env[CHILD_MARK] = ",".join(removed)
    env[PIN_MARK] = "not pinned (--no-pin)"
    if "--no-pin" not in sys.argv[1:] and hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) > 1:
            os.sched_setaffinity(0, {cpus[-1]})
            env[PIN_MARK] = f"pinned to CPU {cpus[-1]} (of {len(cpus)} allowed)"
        else:
            env[PIN_MARK] = f"one CPU allowed ({cpus[0]})"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env)


if __name__ == "__main__":
    _reexec_with_bench_env()


import argparse
import gc
import importlib.util
import io
import math
import platform
import shlex
import shutil
import subprocess
import tarfile
import time
import tracemalloc
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
MODELS = BENCH / "models"
GENERATED = BENCH / "_generated"
sys.path.insert(0, str(BENCH))

from problems import PROBLEMS, SCIPY_MISSING, Problem

# the NumPy-side implementations timed for each (problem, n), interleaved with the frameworks
IMPLS = (
    "forward",  # the model function, run by NumPy
    "generated",  # value_and_grad_<fn> of the module matgradc writes (default backend)
    "generated-numpy",  # the same, compiled with --backend numpy
    "generated-scipy",  # the same, compiled with --backend scipy
    "generated-nofuse",  # the default module compiled with MATGRADC_FUSE=0 (compiler/fuse.py)
    "expert",  # the hand-written NumPy value-and-gradient
    "expert-scipy",  # the hand-written SciPy one (factorization problems only)
    "hvp-grad",  # value_and_grad_<fn> of the module compiled with --hvp
    "hvp",  # hvp_<fn> of that module, random vectors
)
FRAMEWORKS = ("jax", "torch", "autograd")
MEMORY_IMPLS = (
    "forward",
    "generated",
    "generated-numpy",
    "generated-scipy",
    "generated-nofuse",
    "expert",
    "expert-scipy",
)
BEST_EXPERT = "best-expert"  # pseudo-implementation: the faster of expert and expert-scipy

# the modules compiled per problem: name -> (extra matgradc flags, file-name suffix)
VARIANTS = {
    "default": ((), ""),
    "numpy": (("--backend", "numpy"), "_numpy"),
    "scipy": (("--backend", "scipy"), "_scipy"),
    "hvp": (("--hvp",), "_hvp"),
    "nofuse": ((), "_nofuse"),
}
VARIANT_ENV = {"nofuse": {"MATGRADC_FUSE": "0"}}  # elementwise chains not fused
# the ratios whose per-repetition spread is reported (paired: one repetition, both calls)
PAIRED = (
    ("generated", BEST_EXPERT),
    ("generated-numpy", "expert"),
    ("generated", "generated-nofuse"),
    ("generated", "jax"),
    ("generated", "torch"),
)
HVP_FD_STEP = 1e-5  # central differences of the gradient along vectors scaled like the inputs

# targets of the issues (4, then 15)
TARGET_GEN_EXPERT = 1.10  # generated-numpy / NumPy expert at n = 256 and 1024, every problem
TARGET_GEN_FORWARD = 2.0  # geometric mean of generated / forward at n >= 256
TARGET_MEM_EXTRA_N2 = 2.0  # generated peak <= expert peak + 2 n² float64
TARGET_SIZES = (256, 1024)
TARGET_SCIPY_BEST = 1.10  # generated (default) / best expert at n = 256 and 1024, every problem
TARGET_FW_MIN_N = 256  # generated (default) faster than torch and jax at every n >= this...
TARGET_FW_SHARE = (7, 7)  # ...on every problem (issue 15)


# --------------------------------------------------------------------------------------------
# small helpers


def geomean(xs) -> float:
    xs = [x for x in xs if x is not None and x > 0 and math.isfinite(x)]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def median(xs) -> float:
    return float(np.median(xs)) if xs else float("nan")


def rebind(fn, np_like, **names):
    """The model function with its global `np` bound to another NumPy-like namespace (and
    each of `names`, e.g. scipy.linalg's cholesky, to the framework's); the helpers of the
    model file that it calls see the same globals."""
    g = dict(fn.__globals__)

    def again(f):
        return types.FunctionType(f.__code__, g, f.__name__, f.__defaults__, f.__closure__)

    for name, v in fn.__globals__.items():
        if isinstance(v, types.FunctionType) and v.__globals__ is fn.__globals__:
            g[name] = again(v)
    g.update(np=np_like, **names)
    return again(fn)


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def relerr(a, b) -> float:
    """Normwise relative error of a against the reference b."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return float("inf")
    nb = float(np.linalg.norm(b))
    d = float(np.linalg.norm(a - b))
    return d / nb if nb > 0 else d


def as_numpy_result(out) -> tuple[float, tuple]:
    value, grads = out
    return float(value), tuple(np.asarray(g, dtype=float) for g in grads)


def fmt(x, spec=".2f") -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    return format(x, spec)


def fmt_ms(seconds) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "–"
    ms = seconds * 1e3
    return f"{ms:.3g}" if ms < 100 else f"{ms:.0f}"


# --------------------------------------------------------------------------------------------
# frameworks (optional)


@dataclass
class Prepared:
    call: Callable[[], object]
    to_numpy: Callable[[object], tuple]
    compile_s: float | None = None


class Framework:
    name = ""
    version = ""

    def prepare(self, p: Problem, fn, args) -> Prepared:
        raise NotImplementedError


class JaxFramework(Framework):
    name = "jax"

    def __init__(self):
        import jax

        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp

        self.jax, self.jnp = jax, jnp
        self.version = f"jax {jax.__version__}, XLA_FLAGS={os.environ.get('XLA_FLAGS', '')!r}"

    def prepare(self, p, fn, args):
        jax, jnp = self.jax, self.jnp
        f = rebind(fn, jnp)
        jargs = [jnp.asarray(a, dtype=jnp.float64) for a in args]
        t0 = time.perf_counter()
        compiled = jax.jit(jax.value_and_grad(f, argnums=p.wrt_index)).lower(*jargs).compile()
        compile_s = time.perf_counter() - t0

        def call():
            return jax.block_until_ready(compiled(*jargs))

        return Prepared(call, as_numpy_result, compile_s)


class TorchFramework(Framework):
    name = "torch"

    def __init__(self):
        import torch

        torch.set_num_threads(1)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:
            pass
        import torch_np

        self.torch, self.torch_np = torch, torch_np
        self.version = f"torch {torch.__version__}, {torch.get_num_threads()} thread"

    def prepare(self, p, fn, args):
        torch = self.torch
        f = rebind(fn, self.torch_np)
        targs = []
        for i, a in enumerate(args):
            t = (
                torch.from_numpy(a)
                if isinstance(a, np.ndarray)
                else torch.tensor(float(a), dtype=torch.float64)
            )
            if i in p.wrt_index:
                t = t.detach().requires_grad_(True)
            targs.append(t)
        wrt = [targs[i] for i in p.wrt_index]

        def call():
            out = f(*targs)
            grads = torch.autograd.grad(out, wrt)
            return out.detach(), grads

        def to_numpy(out):
            value, grads = out
            return float(value), tuple(g.detach().numpy() for g in grads)

        return Prepared(call, to_numpy)


class AutogradFramework(Framework):
    name = "autograd"

    def __init__(self):
        import autograd
        import autograd.numpy as anp

        self.autograd, self.anp = autograd, anp
        from importlib.metadata import version

        self.version = f"autograd {version('autograd')}"

    def prepare(self, p, fn, args):
        f = rebind(fn, self.anp)
        vg = self.autograd.value_and_grad(f, p.wrt_index)
        return Prepared(lambda: vg(*args), as_numpy_result)


def load_frameworks(wanted: list[str]) -> tuple[dict[str, Framework], dict[str, str]]:
    classes = {
        "jax": JaxFramework,
        "torch": TorchFramework,
        "autograd": AutogradFramework,
    }
    loaded, missing = {}, {}
    for name in wanted:
        if name not in classes:
            missing[name] = f"unknown framework (known: {', '.join(classes)})"
            continue
        try:
            loaded[name] = classes[name]()
        # ImportError, or a broken install: a framework is never required
        except Exception as e:  # noqa: BLE001
            missing[name] = f"{type(e).__name__}: {e}".splitlines()[0][:120]
    return loaded, missing


# --------------------------------------------------------------------------------------------
# machine and configuration


def machine_info(removed_env: str, limiter_info) -> dict:
    info = {}
    info["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    info["nproc"] = os.cpu_count()
    try:
        info["affinity"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    cpu = platform.processor() or platform.machine()
    fields = {}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if ":" in line:
                key, _, val = line.partition(":")
                fields.setdefault(key.strip().lower(), val.strip())
    except OSError:
        pass
    if fields:
        cpu = fields.get("model name", cpu)
        if "cpu family" in fields:
            cpu += f" (family {fields['cpu family']} model {fields.get('model', '?')})"
        flags = fields.get("flags", "").split()
        simd = [f for f in ("avx2", "fma", "avx512f") if f in flags]
        if simd:
            cpu += ", " + "/".join(simd)
    info["cpu"] = cpu
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    try:
        info["loadavg"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        pass
    info["python"] = f"{platform.python_version()} ({platform.python_implementation()})"
    info["numpy"] = np.__version__
    blas = []
    try:
        cfg = np.show_config(mode="dicts")
        for key in ("blas", "lapack"):
            d = cfg.get("Build Dependencies", {}).get(key, {})
            if d:
                extra = d.get("openblas configuration", "")
                blas.append(f"{key}: {d.get('name')} {d.get('version')} {extra}".strip())
    except Exception as e:  # noqa: BLE001 - older NumPy: no mode="dicts"
        blas.append(f"np.show_config unavailable as dicts ({type(e).__name__})")
    info["numpy_build"] = blas
    info["threadpools"] = limiter_info
    info["env_removed"] = removed_env or "(none set)"
    info["pinned"] = os.environ.get(PIN_MARK, "not pinned")
    info["env_threads"] = ", ".join(f"{v}={os.environ.get(v)}" for v in THREAD_VARS[:3])
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "compiler", "templates"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        info["git"] = head + (" + uncommitted changes in compiler/ or templates/" if dirty else "")
    except OSError:
        info["git"] = "?"
    return info


def limit_threads():
    """threadpoolctl's limit (kept alive for the whole run) and its description of the pools."""
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        return None, ["threadpoolctl not installed: one thread through the environment only"]
    limiter = threadpool_limits(limits=1)
    lines = []
    for d in threadpool_info():
        arch = d.get("architecture")
        lines.append(
            f"{d.get('internal_api')} {d.get('version')} threads={d.get('num_threads')}"
            + (f" kernel={arch}" if arch else "")
            + f" ({Path(d.get('filepath', '')).name})"
        )
    return limiter, lines


# --------------------------------------------------------------------------------------------
# compiling the models


@dataclass
class Build:
    """One module compiled from a model: the plain one, --backend scipy or --hvp."""

    module: object | None = None
    seconds: float | None = None
    error: str | None = None
    command: str = ""


@dataclass
class Compiled:
    problem: Problem
    model_fn: Callable | None = None
    builds: dict[str, Build] = field(default_factory=dict)  # VARIANTS key -> Build

    # the plain (default backend) module, without which the problem is not run
    @property
    def module(self):
        return self.builds["default"].module if "default" in self.builds else None

    @property
    def seconds(self) -> float | None:
        return self.builds["default"].seconds if "default" in self.builds else None

    @property
    def error(self) -> str | None:
        b = self.builds.get("default")
        return b.error if b is not None else "not compiled"

    def variant(self, name: str):
        """The module of a variant, or None when it failed to compile or load."""
        b = self.builds.get(name)
        return b.module if b is not None and b.error is None else None


def matgradc_command(
    option: str | None, ref: str | None, log
) -> tuple[list[str], dict | None, str]:
    """The compiler command, its environment (None: inherit) and a description."""
    if ref:
        # a snapshot of compiler/ and templates/ at a git revision, importable as `matgradc`:
        # benchmarks the committed compiler while the working tree is being edited
        root = GENERATED / "matgradc-snapshot"
        sha = subprocess.run(
            ["git", "rev-parse", "--short", ref],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if root.exists():
            shutil.rmtree(root)
        pkg = root / "matgradc"
        pkg.mkdir(parents=True)
        for folder, dest in (("compiler", pkg), ("templates", pkg / "templates")):
            dest.mkdir(exist_ok=True)
            archive = subprocess.run(
                ["git", "archive", ref, folder],
                cwd=REPO,
                capture_output=True,
                check=True,
            ).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                for m in tar.getmembers():
                    if m.isfile():
                        target = dest / Path(m.name).relative_to(folder)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(tar.extractfile(m).read())
        env = dict(os.environ)
        env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
        return [sys.executable, "-m", "matgradc"], env, f"git {ref} ({sha}), snapshot"
    if option:
        return shlex.split(option), None, option
    exe = Path(sys.executable).parent / "matgradc"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "matgradc"]
    return cmd, None, "the working tree (installed matgradc)"


def compile_build(
    p: Problem, variant: str, matgradc: list[str], env: dict | None, model_path: Path
) -> Build:
    flags, suffix = VARIANTS[variant]
    b = Build()
    out = GENERATED / f"grad_{p.fn}{suffix}.py"
    rel = lambda q: os.path.relpath(q, REPO)
    cmd = [*matgradc, rel(model_path), "--fn", p.fn, "--wrt", ",".join(p.wrt), *flags]
    cmd += ["-o", rel(out)]
    b.command = " ".join(shlex.quote(x) for x in cmd)
    if out.exists():
        out.unlink()
    if variant in VARIANT_ENV:
        env = {**(env if env is not None else os.environ), **VARIANT_ENV[variant]}
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env, check=False)
    b.seconds = time.perf_counter() - t0
    if r.returncode != 0 or not out.exists():
        msg = (r.stderr or r.stdout).strip().splitlines()
        # a traceback (a compiler being edited, an internal error): its last line says why
        line = msg[-1] if msg and msg[0].startswith("Traceback") else msg[0] if msg else ""
        b.error = f"exit {r.returncode}: " + (line or "no output")
        return b
    try:
        b.module = load_module(out, f"bench_generated_{p.name}{suffix}")
        getattr(b.module, f"value_and_grad_{p.fn}")
        if variant == "hvp":
            getattr(b.module, f"hvp_{p.fn}")
    except Exception as e:  # noqa: BLE001 - reported, the other problems go on
        b.error = f"generated module does not load: {type(e).__name__}: {e}"
        b.module = None
    return b


def compile_problem(p: Problem, matgradc: list[str], env: dict | None) -> Compiled:
    c = Compiled(p)
    model_path = MODELS / p.model
    c.model_fn = getattr(load_module(model_path, f"bench_model_{p.name}"), p.fn)
    for variant in VARIANTS:
        c.builds[variant] = compile_build(p, variant, matgradc, env, model_path)
    return c


# --------------------------------------------------------------------------------------------
# one (problem, n)


@dataclass
class Result:
    problem: Problem
    n: int
    times: dict[str, float] = field(default_factory=dict)  # median seconds
    spread: dict[str, float] = field(default_factory=dict)  # interquartile range / median
    samples: dict[str, list[float]] = field(default_factory=dict)  # seconds, per repetition
    reps: int = 0
    errors: dict[str, float] = field(default_factory=dict)  # max relerr vs expert
    failed: dict[str, str] = field(default_factory=dict)  # impl -> why excluded
    memory: dict[str, int] = field(default_factory=dict)  # peak extra bytes
    jax_compile_s: float | None = None
    hvp_error: float | None = None  # HVP against central differences of the gradient

    def time(self, name: str) -> float | None:
        """The median time of an implementation; BEST_EXPERT is the faster expert."""
        if name == BEST_EXPERT:
            ts = [self.times[k] for k in ("expert", "expert-scipy") if self.times.get(k)]
            return min(ts) if ts else None
        return self.times.get(name)

    def best_expert(self) -> str | None:
        """Which expert is the best one of this row ("expert" or "expert-scipy")."""
        t = self.time(BEST_EXPERT)
        return next((k for k in ("expert", "expert-scipy") if t and self.times.get(k) == t), None)

    def ratio(self, a: str, b: str) -> float | None:
        ta, tb = self.time(a), self.time(b)
        return ta / tb if ta and tb else None

    def paired(self, a: str, b: str) -> tuple[float, float, float] | None:
        """(q1, median, q3) of the per-repetition ratios a/b: both timed in one repetition,
        so a slow spell of the machine slows both (the noise that medians of each do not
        cancel). b = BEST_EXPERT takes the expert whose median is the best."""
        if b == BEST_EXPERT:
            b = self.best_expert()
        xs, ys = self.samples.get(a), self.samples.get(b) if b else None
        if not xs or not ys or len(xs) != len(ys):
            return None
        q1, q2, q3 = np.percentile(np.divide(xs, ys), [25, 50, 75])
        return float(q1), float(q2), float(q3)


def peak_memory(call) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        out = call()
        peak = tracemalloc.get_traced_memory()[1] - base
        del out
    finally:
        tracemalloc.stop()
    return peak


def hvp_vectors(p: Problem, model_fn, args, rng) -> list:
    """One random vector per --wrt parameter, scaled to the parameter's norm (so the
    finite-difference step is relative) and with its declared structure: symmetric for
    `sym`/`spd`, diagonal for `diag`, lower triangular for `lower` (the directions along
    which the generated HVP of a structured parameter is defined)."""
    annotations = getattr(model_fn, "__annotations__", {})
    vectors = []
    for name, i in zip(p.wrt, p.wrt_index):
        x = args[i]
        structure = str(annotations.get(name, "")).split("(")[0].strip()
        if np.ndim(x) == 0:
            vectors.append(float(rng.standard_normal()) * (abs(float(x)) or 1.0))
            continue
        v = rng.standard_normal(np.shape(x))
        if structure in ("sym", "symmetric", "spd"):
            v = 0.5 * (v + v.T)
        elif structure == "diag":
            v = np.diag(np.diag(v))
        elif structure == "lower":
            v = np.tril(v)
        nv = float(np.linalg.norm(v))
        vectors.append(v * ((float(np.linalg.norm(x)) or 1.0) / nv) if nv > 0 else v)
    return vectors


def hvp_fd_error(p: Problem, vg, hvp_out, args, vectors, h: float = HVP_FD_STEP) -> float:
    """Largest normwise relative error, over the --wrt parameters, of the HVP against the
    central difference (g(x + h v) − g(x − h v)) / 2h of the generated gradient g."""
    hv = (hvp_out,) if len(p.wrt) == 1 else tuple(hvp_out)
    if len(hv) != len(p.wrt):
        raise ValueError(f"{len(hv)} HVP components, expected {len(p.wrt)}")

    def grads_at(t: float):
        shifted = list(args)
        for i, v in zip(p.wrt_index, vectors):
            shifted[i] = args[i] + t * v
        return as_numpy_result(vg(*shifted))[1]

    plus, minus = grads_at(h), grads_at(-h)
    return max(
        relerr(np.asarray(a, dtype=float), (gp - gm) / (2.0 * h))
        for a, gp, gm in zip(hv, plus, minus)
    )


def run_one(c: Compiled, n: int, frameworks: dict[str, Framework], opts, log) -> Result:
    p = c.problem
    res = Result(p, n)
    rng = np.random.default_rng(opts.seed + n)
    args = p.build(n, rng)
    gen_vg = getattr(c.module, f"value_and_grad_{p.fn}")
    calls: dict[str, Callable] = {
        "forward": lambda: c.model_fn(*args),
        "generated": lambda: gen_vg(*args),
    }
    converters: dict[str, Callable] = {
        "generated": as_numpy_result,
        "generated-numpy": as_numpy_result,
        "generated-scipy": as_numpy_result,
        "generated-nofuse": as_numpy_result,
        "expert": as_numpy_result,
        "expert-scipy": as_numpy_result,
        "hvp-grad": as_numpy_result,
    }
    for variant in ("numpy", "scipy", "nofuse"):
        module = c.variant(variant)
        if module is None:
            res.failed[f"generated-{variant}"] = f"not compiled ({c.builds[variant].error})"
            continue
        vg = getattr(module, f"value_and_grad_{p.fn}")
        calls[f"generated-{variant}"] = lambda vg=vg: vg(*args)
    calls["expert"] = lambda: p.expert(*args)
    if p.expert_scipy is not None:
        if SCIPY_MISSING:
            res.failed["expert-scipy"] = f"scipy not importable ({SCIPY_MISSING})"
        else:
            calls["expert-scipy"] = lambda: p.expert_scipy(*args)
    vectors = []
    hvp_mod = c.variant("hvp")
    if hvp_mod is not None:
        hvp_vg = getattr(hvp_mod, f"value_and_grad_{p.fn}")
        hvp_fn = getattr(hvp_mod, f"hvp_{p.fn}")
        vectors = hvp_vectors(p, c.model_fn, args, np.random.default_rng(opts.seed + n + 1))
        calls["hvp-grad"] = lambda: hvp_vg(*args)
        calls["hvp"] = lambda: hvp_fn(*args, *vectors)
    else:
        res.failed["hvp"] = f"not compiled ({c.builds['hvp'].error})"
    for name, fw in frameworks.items():
        try:
            prep = fw.prepare(p, c.model_fn, args)
        # a framework that cannot run a model is reported, not fatal
        except Exception as e:  # noqa: BLE001
            res.failed[name] = f"prepare failed: {type(e).__name__}: {str(e).splitlines()[0][:100]}"
            continue
        calls[name] = prep.call
        converters[name] = prep.to_numpy
        if name == "jax":
            res.jax_compile_s = prep.compile_s

    # 1. agreement with the expert (this first call is also the warm-up); the HVP against
    #    central differences of its module's gradient (checked against the expert first)
    saved = [np.array(a, copy=True) for a in [*args, *vectors]]
    ref_value, ref_grads = as_numpy_result(p.expert(*args))
    for name in list(calls):
        if name == "expert":
            continue
        try:
            out = calls[name]()
            if name == "hvp":
                if "hvp-grad" not in calls:
                    raise ValueError("its module's gradient was excluded")
                res.hvp_error = hvp_fd_error(p, hvp_vg, out, args, vectors)
                if not res.hvp_error <= opts.hvp_rtol:
                    res.failed[name] = (
                        "disagrees with central differences of the gradient: relative "
                        f"error {res.hvp_error:.2e}"
                    )
                    del calls[name]
                continue
            if name == "forward":
                err = relerr(float(out), ref_value)
            else:
                value, grads = converters[name](out)
                if len(grads) != len(ref_grads):
                    raise ValueError(f"{len(grads)} gradients, expected {len(ref_grads)}")
                err = max(
                    [relerr(value, ref_value)] + [relerr(g, r) for g, r in zip(grads, ref_grads)]
                )
        except Exception as e:  # noqa: BLE001 - any failure excludes the implementation
            res.failed[name] = f"raised {type(e).__name__}: {str(e).splitlines()[0][:100]}"
            del calls[name]
            continue
        res.errors[name] = err
        if not err <= opts.rtol:
            res.failed[name] = f"disagrees with the expert: relative error {err:.2e}"
            del calls[name]
    for a, b in zip([*args, *vectors], saved):
        if not np.array_equal(a, b):
            raise RuntimeError("an implementation modified its inputs")
    for name, why in res.failed.items():
        log(f"    {p.name} n={n}: {name} excluded ({why})")

    # 2. repetitions from a per-call estimate, within the time budget of this (problem, n)
    est = {}
    for name, call in calls.items():
        t0 = time.perf_counter()
        call()
        est[name] = time.perf_counter() - t0
    per_rep = sum(est.values())
    reps = int(opts.budget / per_rep) if per_rep > 0 else opts.max_reps
    reps = max(opts.min_reps, min(opts.max_reps, reps))
    res.reps = reps

    # 3. interleaved repetitions, each in a new random order (seeded), medians. A fixed
    #    rotation kept each implementation after the same neighbour: `generated` always ran
    #    right after the frameworks' calls (torch, then jax, wrap around to forward), whose
    #    threads linger on the one pinned CPU, and at n = 256 it came out 1.2-1.4x slower
    #    than the byte-identical gen-scipy module (results.md of 2026-11-30 02:50).
    names = list(calls)
    samples: dict[str, list[float]] = {k: [] for k in names}
    order_rng = np.random.default_rng(opts.seed + 7 * n)
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(reps):
            for i in order_rng.permutation(len(names)):
                name = names[i]
                call = calls[name]
                t0 = time.perf_counter()
                call()
                samples[name].append(time.perf_counter() - t0)
    finally:
        if gc_was:
            gc.enable()
    res.times = {k: median(v) for k, v in samples.items()}
    res.samples = samples
    for k, v in samples.items():
        q1, q3 = np.percentile(v, [25, 75])
        res.spread[k] = float((q3 - q1) / res.times[k]) if res.times[k] > 0 else float("nan")

    # 4. peak extra memory (tracemalloc; NumPy reports its array allocations to it)
    for name in MEMORY_IMPLS:
        if name in calls:
            res.memory[name] = peak_memory(calls[name])
    return res


# --------------------------------------------------------------------------------------------
# report


def results_table(results: list[Result], fw_names: list[str]) -> list[str]:
    head = (
        [
            "problem",
            "n",
            "reps",
            "IQR %",
            "forward ms",
            "generated ms",
            "gen-numpy ms",
            "gen-scipy ms",
            "gen-nofuse ms",
            "expert ms",
            "scipy-expert ms",
            "hvp ms",
            "gen/best-expert",
            "gen-numpy/expert",
            "gen-scipy/best-expert",
            "hvp/grad",
            "gen/fwd",
            "expert/fwd",
        ]
        + [f"{f}/expert" for f in fw_names]
        + ["mem gen n²", "mem gen-numpy n²", "mem gen-scipy n²", "mem gen-nofuse n²"]
        + ["mem expert n²"]
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def mem(r: Result, k: str) -> str:
        return fmt(r.memory[k] / (8 * r.n * r.n)) if k in r.memory else "–"

    for r in results:
        row = (
            [
                r.problem.name,
                str(r.n),
                str(r.reps),
                fmt(100 * max(r.spread.get(k, 0.0) for k in IMPLS), ".0f"),
                fmt_ms(r.times.get("forward")),
                fmt_ms(r.times.get("generated")),
                fmt_ms(r.times.get("generated-numpy")),
                fmt_ms(r.times.get("generated-scipy")),
                fmt_ms(r.times.get("generated-nofuse")),
                fmt_ms(r.times.get("expert")),
                fmt_ms(r.times.get("expert-scipy")),
                fmt_ms(r.times.get("hvp")),
                fmt(r.ratio("generated", BEST_EXPERT)),
                fmt(r.ratio("generated-numpy", "expert")),
                fmt(r.ratio("generated-scipy", BEST_EXPERT)),
                fmt(r.ratio("hvp", "hvp-grad")),
                fmt(r.ratio("generated", "forward")),
                fmt(r.ratio("expert", "forward")),
            ]
            + [fmt(r.ratio(f, "expert")) for f in fw_names]
            + [
                mem(r, k)
                for k in (
                    "generated",
                    "generated-numpy",
                    "generated-scipy",
                    "generated-nofuse",
                    "expert",
                )
            ]
        )
        lines.append("| " + " | ".join(row) + " |")
    return lines


def paired_table(results: list[Result]) -> list[str]:
    """Per row, the median and interquartile range of the per-repetition ratios; a ratio whose
    range holds 1.0 cannot be told from a tie on this machine (marked ≈)."""
    note = (
        "Median [first–third quartile] of the ratio of the two times taken in the same "
        "repetition, repetition by repetition. **≈**: the quartile range holds 1.0, the two "
        "cannot be told apart at this noise; otherwise the faster side is clear. "
        "*gen/gen-nofuse* is the default module over the same module compiled with "
        "`MATGRADC_FUSE=0` (compiler/fuse.py off)."
    )
    lines = [note, ""]
    cols = [c for c in PAIRED if any(r.paired(*c) for r in results)]
    short = {BEST_EXPERT: "best-expert", "generated": "gen", "generated-numpy": "gen-numpy"}
    short["generated-nofuse"] = "gen-nofuse"
    head = ["problem", "n"] + [f"{short.get(a, a)}/{short.get(b, b)}" for a, b in cols]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        cells = []
        for a, b in cols:
            q = r.paired(a, b)
            if q is None:
                cells.append("–")
                continue
            tie = " ≈" if q[0] <= 1.0 <= q[2] else ""
            cells.append(f"{q[1]:.2f} [{q[0]:.2f}–{q[2]:.2f}]{tie}")
        lines.append("| " + " | ".join([r.problem.name, str(r.n)] + cells) + " |")
    return lines


def geomean_table(results: list[Result], fw_names: list[str], sizes: list[int]) -> list[str]:
    cols = [
        ("generated", BEST_EXPERT),
        ("generated-numpy", "expert"),
        ("generated-scipy", BEST_EXPERT),
        ("generated", "generated-numpy"),
        ("generated", "generated-nofuse"),
        ("expert-scipy", "expert"),
        ("hvp", "hvp-grad"),
        ("generated", "forward"),
        ("expert", "forward"),
    ] + [(f, "expert") for f in fw_names]
    short = {
        "generated": "gen",
        "generated-numpy": "gen-numpy",
        "generated-scipy": "gen-scipy",
        "generated-nofuse": "gen-nofuse",
        "expert-scipy": "scipy-expert",
        "forward": "fwd",
        "hvp-grad": "grad",
    }
    head = ["sizes"] + [f"{short.get(a, a)}/{short.get(b, b)}" for a, b in cols]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    groups = [(f"n = {n}", [r for r in results if r.n == n]) for n in sizes]
    big = [r for r in results if r.n >= 256]
    if big and len({r.n for r in big}) > 1:
        groups.append(("n ≥ 256", big))
    if len(sizes) > 1:
        groups.append(("all", results))
    for label, rs in groups:
        if not rs:
            continue
        lines.append(
            "| "
            + " | ".join([label] + [fmt(geomean(r.ratio(a, b) for r in rs)) for a, b in cols])
            + " |"
        )
    return lines


def targets(results: list[Result], fw_names=()) -> tuple[list[str], dict]:
    lines, summary = [], {"pass": 0, "miss": 0}

    def mark(ok: bool) -> str:
        summary["pass" if ok else "miss"] += 1
        return "PASS" if ok else "MISS"

    if not results:
        lines.append("No measurement: no problem compiled and ran (see above).")
        summary["miss"] += 1
        return lines, summary
    sizes = sorted({r.n for r in results})
    t_sizes = [n for n in TARGET_SIZES if n in sizes]
    indicative = ""
    if not t_sizes:
        t_sizes = sizes[-1:]
        indicative = (
            f" (indicative only: the targets are at n = 256 and 1024; measured n = {t_sizes[0]})"
        )
    lines.append(
        f"Target 1: --backend numpy module ÷ NumPy expert ≤ {TARGET_GEN_EXPERT:.2f} on every "
        "problem at n = "
        + ", ".join(map(str, t_sizes))
        + indicative
    )
    for r in results:
        if r.n not in t_sizes:
            continue
        x = r.ratio("generated-numpy", "expert")
        if x is None:
            why = r.failed.get("generated-numpy", "no time")
            lines.append(f"  MISS  {r.problem.name:13s} n={r.n:<5d} not measured ({why})")
            summary["miss"] += 1
            continue
        lines.append(f"  {mark(x <= TARGET_GEN_EXPERT)}  {r.problem.name:13s} n={r.n:<5d} {x:.2f}")

    big = [r for r in results if r.n >= 256]
    note = ""
    if not big:
        big, note = results, " (indicative only: no n ≥ 256 measured)"
    g = geomean(r.ratio("generated", "forward") for r in big)
    lines.append(
        f"Target 2: geometric mean of generated ÷ NumPy forward ≤ {TARGET_GEN_FORWARD:.1f} "
        f"at n ≥ 256{note}"
    )
    if math.isfinite(g):
        lines.append(f"  {mark(g <= TARGET_GEN_FORWARD)}  geomean over {len(big)} runs: {g:.2f}")
        lines.append(
            f"        (the expert's own geomean expert ÷ forward: "
            f"{geomean(r.ratio('expert', 'forward') for r in big):.2f})"
        )
    else:
        lines.append("  MISS  not measured")
        summary["miss"] += 1

    lines.append(
        f"Target 3: peak extra memory of generated ≤ expert's + {TARGET_MEM_EXTRA_N2:g}·n² float64 "
        "(tracemalloc), every problem and size"
    )
    for r in results:
        if "generated" not in r.memory or "expert" not in r.memory:
            continue
        n2 = 8 * r.n * r.n
        over = (r.memory["generated"] - r.memory["expert"]) / n2
        lines.append(
            f"  {mark(over <= TARGET_MEM_EXTRA_N2)}  {r.problem.name:13s} n={r.n:<5d} "
            f"generated − expert = {over:+.2f} n²  "
            f"({r.memory['generated'] / 2**20:.1f} MiB vs {r.memory['expert'] / 2**20:.1f} MiB)"
        )

    lines.append(
        f"Target 4: default module ÷ the best expert ≤ {TARGET_SCIPY_BEST:.2f} on every "
        "problem at n = " + ", ".join(map(str, t_sizes)) + indicative
    )
    lines.append(
        "        (best expert: the faster of the NumPy and the SciPy expert; the NumPy one "
        "where there is no SciPy expert)"
    )
    for r in results:
        if r.n not in t_sizes:
            continue
        x = r.ratio("generated", BEST_EXPERT)
        if x is None:
            why = r.failed.get("generated", "no time")
            lines.append(f"  MISS  {r.problem.name:13s} n={r.n:<5d} not measured ({why})")
            summary["miss"] += 1
            continue
        best = "SciPy expert" if r.best_expert() == "expert-scipy" else "NumPy expert"
        lines.append(
            f"  {mark(x <= TARGET_SCIPY_BEST)}  {r.problem.name:13s} n={r.n:<5d} {x:.2f}  "
            f"({fmt_ms(r.time('generated'))} ms vs {best} {fmt_ms(r.time(BEST_EXPERT))} ms)"
        )

    lines += frameworks_target(results, [f for f in ("jax", "torch") if f in fw_names], mark)
    return lines, summary


def frameworks_target(results: list[Result], fws: list[str], mark) -> list[str]:
    """Target 5: the default module faster than PyTorch eager and JAX-jit value-and-grad at
    every n >= 256 on every problem (issue 15)."""
    head = (
        "Target 5: default module faster than PyTorch eager and JAX-jit value-and-grad "
        f"at n ≥ {TARGET_FW_MIN_N} on at least {TARGET_FW_SHARE[0]} of the {TARGET_FW_SHARE[1]} "
        "problems"
    )
    lines = [head]
    if not fws:
        lines.append(
            "  not measured: neither jax nor torch ran (not importable, or not asked for); "
            "no PASS/MISS"
        )
        return lines
    if len(fws) < 2:
        lines.append(f"        (only {fws[0]} ran: compared with it alone)")
    big = [r for r in results if r.n >= TARGET_FW_MIN_N]
    note = ""
    if not big:
        n_max = max(r.n for r in results)
        big = [r for r in results if r.n == n_max]
        note = f" (indicative only: no n ≥ {TARGET_FW_MIN_N} measured; n = {n_max})"
    names = list(dict.fromkeys(r.problem.name for r in big))
    wins = 0
    for name in names:
        rows = [r for r in big if r.problem.name == name]
        faster, parts = True, []
        for r in rows:
            cells = []
            for f in fws:
                x = r.ratio("generated", f)
                faster = faster and x is not None and x < 1.0
                cells.append(f"÷{f} {fmt(x)}")
            parts.append(f"n={r.n}: {fmt_ms(r.time('generated'))} ms, " + " ".join(cells))
        wins += faster
        lines.append(f"  {'faster' if faster else 'SLOWER':6s}  {name:13s} " + "; ".join(parts))
    share, total = TARGET_FW_SHARE
    needed = -(-len(names) * share // total)  # ceil: 6 of 7, all of a smaller subset
    if len(names) != total and not note:
        note = f" (indicative only: {len(names)} of the {total} problems measured)"
    lines.append(
        f"  {mark(wins >= needed)}  faster than {' and '.join(fws)} on {wins} of "
        f"{len(names)} problems (needed: {needed}){note}"
    )
    return lines


def compile_table(
    compiled: list[Compiled], results: list[Result], sizes: list[int], jax: bool
) -> list[str]:
    head = ["problem", "--wrt", "matgradc s", "--backend numpy s", "--backend scipy s", "--hvp s"] + (
        [f"jax jit n={n} s" for n in sizes] if jax else []
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in compiled:
        row = [c.problem.name, ",".join(c.problem.wrt)]
        for variant in VARIANTS:
            b = c.builds.get(variant)
            row.append("–" if b is None else "error" if b.error else fmt(b.seconds, ".2f"))
        if jax:
            for n in sizes:
                r = next((r for r in results if r.problem is c.problem and r.n == n), None)
                row.append(
                    fmt(r.jax_compile_s, ".2f") if r and r.jax_compile_s is not None else "–"
                )
        lines.append("| " + " | ".join(row) + " |")
    return lines


def render_report(info, opts, sizes, compiled, results, fw_loaded, fw_missing, elapsed) -> str:
    fw_names = [f for f in FRAMEWORKS if f in fw_loaded]
    try:
        loadavg_end = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        loadavg_end = ""
    out = ["# matgradc benchmark results", ""]
    out.append(
        "Generated by `bench/run.py` (do not edit by hand); regenerate with "
        f"`.venv/bin/python bench/run.py {' '.join(sys.argv[1:])}`.".replace("run.py `", "run.py`")
    )
    out.append("")
    out.append(
        "Times are medians of interleaved repetitions (each in a new random order) in one "
        "process, one thread; ratios are "
        "of those medians. *generated* is `value_and_grad_<fn>` of the module matgradc wrote "
        "with its default backend (NumPy, and SciPy's LAPACK through the module's prelude when "
        "scipy.linalg imports, as it does here), *gen-numpy* the same compiled with "
        "`--backend numpy` (NumPy alone), *gen-scipy* the same compiled with `--backend scipy`, "
        "*gen-nofuse* the default module compiled with `MATGRADC_FUSE=0` (no fused elementwise "
        "chains, compiler/fuse.py), "
        "*expert* the hand-written NumPy value-and-gradient (bench/problems.py), *scipy-expert* "
        "the hand-written one with scipy.linalg (one cho_factor shared by log det, solves and "
        "inverse; the factorization problems only), *best-expert* the faster of the two experts "
        "in that row, *forward* the "
        "model function itself run by NumPy. *hvp* is `hvp_<fn>` (random vectors) of the module "
        "compiled with `--hvp`, and *hvp/grad* its time over that module's own "
        "`value_and_grad_<fn>` (timed in the same repetitions). Memory is the peak of allocations "
        "traced by tracemalloc during one call (NumPy arrays; LAPACK workspaces are not traced), "
        "in units of n² float64. *IQR %* is the largest interquartile range of the NumPy-side "
        "times (forward, generated, experts, hvp), in percent of their median: the noise of "
        "that row."
    )
    out += ["", "## Machine", ""]
    out.append(f"- date: {info['date']}, run took {elapsed / 60:.1f} min")
    out.append(
        f"- CPU: {info['cpu']}; nproc {info['nproc']}"
        + (f" (affinity {info['affinity']})" if "affinity" in info else "")
        + (f"; memory {info['memory']}" if "memory" in info else "")
        + (f"; load average at start {info['loadavg']}" if "loadavg" in info else "")
        + (f", at end {loadavg_end}" if loadavg_end else "")
    )
    out.append(f"- Python {info['python']}, NumPy {info['numpy']}")
    for b in info["numpy_build"]:
        out.append(f"- NumPy build {b}")
    for t in info["threadpools"]:
        out.append(f"- threadpool: {t}")
    out.append(f"- environment: {info['env_threads']}; removed for this run: {info['env_removed']}")
    out.append(f"- CPU affinity: {info['pinned']}")
    out.append(f"- matgradc: repo at {info['git']}; compiled with {info.get('compiler', '?')}")
    for name in FRAMEWORKS:
        if name in fw_loaded:
            out.append(f"- {name}: {fw_loaded[name].version}")
        elif name in fw_missing:
            out.append(f"- {name}: not measured ({fw_missing[name]})")
    out += ["", "## Problems", ""]
    for c in compiled:
        p = c.problem
        failed = [
            f"`{' '.join(VARIANTS[v][0]) or 'plain'}` **not compiled**: {b.error}"
            for v, b in c.builds.items()
            if b.error
        ]
        out.append(
            f"- **{p.name}** (`bench/models/{p.model}`, `{p.fn}`, --wrt {','.join(p.wrt)}): {p.sizes}"
            + ("; SciPy expert" if p.expert_scipy is not None else "")
            + (" — " + "; ".join(failed) if failed else "")
        )
    out += ["", "## Times and ratios", ""]
    out += results_table(results, fw_names)
    out += ["", "Geometric means over the problems:", ""]
    out += geomean_table(results, fw_names, sizes)
    out += ["", "## Paired ratios and noise", ""]
    out += paired_table(results)
    out += ["", "## Targets (issues 4 and 15)", "", "```"]
    tlines, _ = targets(results, fw_names)
    out += tlines
    out += ["```", "", "## Compile times", ""]
    out.append(
        "matgradc: wall time of one CLI run (includes Python start-up and imports), for the "
        "plain module, `--backend numpy`, `--backend scipy` and `--hvp`. "
        "JAX: trace + lower + XLA compile of `jit(value_and_grad)` at each n."
    )
    out.append("")
    out += compile_table(compiled, results, sizes, "jax" in fw_loaded)
    excluded = [(r, k, v) for r in results for k, v in r.failed.items()]
    errs = []
    for r in results:
        if r.errors:
            worst = max(r.errors.items(), key=lambda kv: kv[1])
            errs.append(f"{r.problem.name} n={r.n}: {worst[0]} {worst[1]:.1e}")
    out += ["", "## Agreement", ""]
    out.append(
        f"Every implementation is checked against the expert before timing "
        f"(normwise relative error of the value and of each gradient ≤ {opts.rtol:g}). "
        "Largest error per run: " + "; ".join(errs) + "."
    )
    hvp_errs = [
        f"{r.problem.name} n={r.n}: {r.hvp_error:.1e}" for r in results if r.hvp_error is not None
    ]
    out.append("")
    out.append(
        "Each HVP is checked against central differences of its module's gradient, "
        f"(g(x + hv) − g(x − hv)) / 2h with h = {HVP_FD_STEP:g} and vectors scaled to the norm "
        "of their parameter (symmetric for spd parameters), normwise relative error of each "
        f"component ≤ {opts.hvp_rtol:g}: " + ("; ".join(hvp_errs) or "none checked") + "."
    )
    if excluded:
        out += ["", "Excluded from timing:", ""]
        out += [f"- {r.problem.name} n={r.n}: {k}: {v}" for r, k, v in excluded]
    notes = BENCH / "results-notes.md"  # the closing note, written by hand for the last run
    if notes.exists():
        out += ["", "## Closing note", "", notes.read_text().strip()]
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="64,256,1024", help="comma-separated sizes n")
    ap.add_argument("--quick", action="store_true", help="n = 64 only, few repetitions")
    ap.add_argument("--problems", default="", help="comma-separated problem names (default: all)")
    ap.add_argument(
        "--frameworks",
        default=",".join(FRAMEWORKS),
        help="frameworks to try when importable (default: jax,torch,autograd)",
    )
    ap.add_argument("--no-frameworks", action="store_true", help="NumPy only")
    ap.add_argument(
        "--no-pin",
        action="store_true",
        help="do not pin the process to one CPU (JAX then uses every core)",
    )
    ap.add_argument(
        "--budget",
        type=float,
        default=None,
        help="seconds of timed repetitions per problem and size (default 30, quick 0.3)",
    )
    ap.add_argument("--min-reps", type=int, default=None)
    ap.add_argument("--max-reps", type=int, default=None)
    ap.add_argument("--rtol", type=float, default=1e-6, help="agreement tolerance (normwise)")
    ap.add_argument(
        "--hvp-rtol",
        type=float,
        default=1e-5,
        help="HVP tolerance against central differences of the gradient (normwise)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--matgradc",
        default=None,
        help="the compiler command (default: the matgradc next to this Python)",
    )
    ap.add_argument(
        "--compiler-ref",
        default=None,
        metavar="REV",
        help="compile with compiler/ and templates/ as committed at git REV (e.g. HEAD) "
        "instead of the working tree",
    )
    ap.add_argument(
        "--out",
        default=None,
        help="report file (default bench/results.md; --quick: bench/_generated/results-quick.md)",
    )
    opts = ap.parse_args(argv)
    if opts.quick:
        opts.sizes = "64"
    opts.size_list = [int(s) for s in opts.sizes.split(",") if s.strip()]
    opts.budget = opts.budget if opts.budget is not None else (0.3 if opts.quick else 30.0)
    opts.min_reps = opts.min_reps if opts.min_reps is not None else (3 if opts.quick else 5)
    opts.max_reps = opts.max_reps if opts.max_reps is not None else (15 if opts.quick else 300)
    if opts.out is None:
        opts.out = str(GENERATED / "results-quick.md") if opts.quick else str(BENCH / "results.md")
    return opts


def main(argv=None) -> int:
    opts = parse_args(argv)
    t_start = time.perf_counter()

    def log(msg=""):
        print(msg, flush=True)

    problems = PROBLEMS
    if opts.problems:
        wanted = [s.strip() for s in opts.problems.split(",") if s.strip()]
        unknown = [w for w in wanted if w not in {p.name for p in PROBLEMS}]
        if unknown:
            log(
                f"unknown problems: {', '.join(unknown)}; known: {', '.join(p.name for p in PROBLEMS)}"
            )
            return 2
        problems = [p for p in PROBLEMS if p.name in wanted]

    fw_wanted = (
        [] if opts.no_frameworks else [f.strip() for f in opts.frameworks.split(",") if f.strip()]
    )
    fw_loaded, fw_missing = load_frameworks(fw_wanted)
    # after the frameworks are loaded, so that their BLAS/OpenMP pools are limited too
    limiter, pool_info = limit_threads()
    info = machine_info(os.environ.get(CHILD_MARK, ""), pool_info)

    log(
        f"matgradc benchmarks: sizes {opts.size_list}, {len(problems)} problems, "
        f"budget {opts.budget:g} s per problem and size"
    )
    log(
        f"  {info['cpu']}, nproc {info['nproc']}, NumPy {info['numpy']}, "
        f"load average {info.get('loadavg', '?')}"
    )
    for t in pool_info:
        log(f"  threadpool: {t}")
    log(f"  removed from the environment: {info['env_removed']}")
    log(f"  CPU affinity: {info['pinned']}")
    for name in fw_wanted:
        log(
            f"  {name}: "
            + (fw_loaded[name].version if name in fw_loaded else f"skipped ({fw_missing[name]})")
        )

    GENERATED.mkdir(exist_ok=True)
    matgradc, mg_env, info["compiler"] = matgradc_command(opts.matgradc, opts.compiler_ref, log)
    log(f"  compiler: {info['compiler']}")
    compiled = []
    for p in problems:
        c = compile_problem(p, matgradc, mg_env)
        compiled.append(c)
        log(
            f"  compiled {p.name}: "
            + (f"{c.seconds:.2f} s" if not c.error else f"FAILED {c.error}")
        )

    results: list[Result] = []
    for n in opts.size_list:
        for c in compiled:
            if c.error:
                continue
            t0 = time.perf_counter()
            try:
                r = run_one(c, n, fw_loaded, opts, log)
            # a bad input builder or expert: report it and go on
            except Exception as e:  # noqa: BLE001
                log(f"  {c.problem.name} n={n}: FAILED {type(e).__name__}: {e}")
                continue
            results.append(r)
            ratio = r.ratio("generated", BEST_EXPERT)
            log(
                f"  {c.problem.name:13s} n={n:<5d} reps={r.reps:<4d} gen/best-expert="
                f"{fmt(ratio)} gen-numpy/expert={fmt(r.ratio('generated-numpy', 'expert'))} "
                f"gen/fwd={fmt(r.ratio('generated', 'forward'))} "
                f"gen-scipy/best-expert={fmt(r.ratio('generated-scipy', BEST_EXPERT))} "
                f"hvp/grad={fmt(r.ratio('hvp', 'hvp-grad'))} "
                f"({time.perf_counter() - t0:.1f} s)"
            )

    elapsed = time.perf_counter() - t_start
    fw_names = [f for f in FRAMEWORKS if f in fw_loaded]
    log("")
    for line in results_table(results, fw_names):
        log(line)
    log("")
    for line in geomean_table(results, fw_names, opts.size_list):
        log(line)
    log("")
    tlines, summary = targets(results, fw_names)
    for line in tlines:
        log(line)
    report = render_report(
        info, opts, opts.size_list, compiled, results, fw_loaded, fw_missing, elapsed
    )
    Path(opts.out).parent.mkdir(parents=True, exist_ok=True)
    Path(opts.out).write_text(report)
    log("")
    log(
        f"targets: {summary['pass']} PASS, {summary['miss']} MISS; "
        f"report written to {os.path.relpath(opts.out)} ({elapsed:.0f} s)"
    )
    del limiter
    return 0


if __name__ == "__main__":
    sys.exit(main())
