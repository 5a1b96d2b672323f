"""The peer port's driver: compile every case of tests/peer/models/ with matgradc and check it.

For each case of the models' CASES tables:
  1. compile the case's function with `matgradc.compile_source` (the module's imports and that
     one function; with --strip-annotations every annotation is first removed with `ast`);
  2. import the generated module from a temporary folder and call value_and_grad_<fn> on the
     case's example inputs (drawn from its spec and seed);
  3. compare the value with the model function executed by NumPy, and each gradient with
     central finite differences of the model as NumPy runs it.
Each case is then
  PASS         value and every gradient right;
  CLEAR_ERROR  a matgradc.CompileError at compile time, or the generated module's ValueError
               at run time (the argument contract);
  WRONG        a wrong value or gradient, a gradient of the wrong shape, any other exception,
               or an internal error of the compiler.
Complex-input cases are counted apart. Their oracle is the finite difference of Re f along
the real and the imaginary part of each entry (gx, gy); a gradient equal to gx - i*gy (JAX's
convention) or gx + i*gy is right. A real-input model whose NumPy value is complex (sqrtm) is
checked against its complex value and complex finite differences.

    python tests/peer/run.py                        annotated, prints the summary
    python tests/peer/run.py --strip-annotations    every annotation removed (issue 10)
    python tests/peer/run.py --both --out tests/peer/results.md    what `make peer` runs
    python tests/peer/run.py --case linalg.inv__0 -v                one case, with details

matgradc never runs the model functions; only this harness does, as the oracle.
"""

from __future__ import annotations

import argparse
import ast
import collections
import importlib.util
import os
import re
import signal
import sys
import tempfile
import threading
import time
import warnings
import zlib
from dataclasses import dataclass, field

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "models")
# (short name, file): one module per upstream test file
MODULES = [
    ("numpy", "numpy_tests.py"),
    ("linalg", "linalg_tests.py"),
    ("systematic", "systematic_tests.py"),
    ("scalar_ops", "scalar_ops_tests.py"),
    ("scipy_linalg", "scipy_linalg_tests.py"),
]
PASS, CLEAR, WRONG = "PASS", "CLEAR_ERROR", "WRONG"
MODES = ("annotated", "stripped")

# finite differences: central, step STEP * max(1, |x_i|); a gradient entry g is right when
# |g - fd| <= RTOL * |fd| + ATOL * max(1, max |fd|)
STEP = 1e-6
RTOL = 1e-5
ATOL = 1e-6
VALUE_RTOL = 1e-8
TIMEOUT = 60  # seconds for one check (compile and run); past it the case is WRONG


# -- inputs ------------------------------------------------------------------------------
def seed_of(name: str) -> int:
    """The seed of a case: crc32 of "module.case" (also written in each CASES row)."""
    return zlib.crc32(name.encode())


def draw(spec: tuple, rng: np.random.Generator):
    """An example input from its spec, the models' CASES notation:
    ("normal", shape)  ("uniform", shape, lo, hi)  ("value", v)
    ("square", shape, a, b) = randn**2 * a + b   ("shift", shape, c) = randn + c*I
    ("matmat", shape, c) = M @ M + c*I   ("psd", shape, c) = M @ M.T + c*I
    ("gram", shape, c) = (M + c*I) @ (M + c*I).T
    ("cnormal", shape)  ("cuniform", shape, lo, hi)  ("cvalue", re, im): complex inputs
    """
    kind = spec[0]
    if kind == "value":
        return np.float64(spec[1]) if np.ndim(spec[1]) == 0 else np.array(spec[1], float)
    if kind == "cvalue":
        return np.complex128(complex(spec[1], spec[2]))
    shape = tuple(spec[1])
    if kind == "normal":
        out = rng.standard_normal(shape)
    elif kind == "uniform":
        out = spec[2] + (spec[3] - spec[2]) * rng.random(shape)
    elif kind == "cnormal":
        out = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    elif kind == "cuniform":
        out = spec[2] + (spec[3] - spec[2]) * rng.random(shape) + 0.1j * rng.random(shape)
    elif kind == "square":  # randn**2 * a + b: positive
        out = rng.standard_normal(shape) ** 2 * spec[2] + spec[3]
    elif kind == "shift":  # randn + c I on the last two axes
        out = rng.standard_normal(shape) + spec[2] * np.eye(shape[-1])
    elif kind == "matmat":  # M M + c I (upstream's test_inv)
        m = rng.standard_normal(shape)
        out = m @ m + spec[2] * np.eye(shape[-1])
    elif kind == "psd":  # M Mᵀ + c I, batched over leading axes
        m = rng.standard_normal(shape)
        out = m @ np.swapaxes(m, -1, -2) + spec[2] * np.eye(shape[-1])
    elif kind == "gram":  # (M + c I)(M + c I)ᵀ (upstream's eigh broadcasting tests)
        m = rng.standard_normal(shape) + spec[2] * np.eye(shape[-1])
        out = m @ np.swapaxes(m, -1, -2)
    else:
        raise ValueError(f"unknown input spec {spec!r}")
    if shape == ():
        return np.complex128(out) if np.iscomplexobj(out) else np.float64(out)
    return out


# -- the cases ---------------------------------------------------------------------------
@dataclass
class Case:
    module: str  # short module name
    name: str  # function name
    test: str  # upstream test function
    specs: list
    wrt: list | None
    complex: bool
    seed: int
    fn: object = None  # the model function, as NumPy runs it
    source: str = ""  # the module's imports and this function
    params: list = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.module}.{self.name}"

    def inputs(self) -> list:
        rng = np.random.default_rng(self.seed)
        return [draw(s, rng) for s in self.specs]

    def wrt_indices(self) -> list[int]:
        return (
            [self.params.index(w) for w in self.wrt] if self.wrt else list(range(len(self.params)))
        )


def _load(path: str, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cases(modules=None) -> list[Case]:
    out = []
    for short, filename in MODULES:
        if modules and short not in modules:
            continue
        path = os.path.join(MODELS, filename)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        tree = ast.parse(text)
        header = "\n".join(
            ast.get_source_segment(text, n)
            for n in tree.body
            if isinstance(n, (ast.Import, ast.ImportFrom))
        )
        lines = text.splitlines()
        defs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        module = _load(path, f"peer_models_{short}")
        for name, test, specs, wrt, cplx, seed in module.CASES:
            node = defs[name]
            out.append(
                Case(
                    short,
                    name,
                    test,
                    specs,
                    wrt,
                    cplx,
                    seed,
                    getattr(module, name),
                    header + "\n\n\n" + "\n".join(lines[node.lineno - 1 : node.end_lineno]) + "\n",
                    [a.arg for a in node.args.args],
                )
            )
    return out


def strip_annotations(source: str) -> str:
    """The same source with every annotation removed (parameters and return)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node.returns = None
            a = node.args
            for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                if arg is not None:
                    arg.annotation = None
        elif isinstance(node, ast.AnnAssign):
            pass  # models have none; a bare annotation would need a rewrite, not a removal
    return ast.unparse(tree) + "\n"


# -- checking one case -------------------------------------------------------------------
@dataclass
class Result:
    case: str
    mode: str
    complex: bool
    status: str
    reason: str = ""
    seconds: float = 0.0


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0]


def _call(fn, args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return fn(*args)


def finite_differences(fn, args: list, i: int, complex_input: bool):
    """Central differences of fn along every entry of args[i] (real part; for complex input,
    also the imaginary part of each entry). Returns (gx, gy) (gy None for real input)."""
    x0 = np.asarray(args[i])
    directions = [1.0] + ([1j] if complex_input else [])
    out = []
    for d in directions:
        g = np.zeros(x0.shape, dtype=complex)
        flat = x0.astype(complex if complex_input else x0.dtype).reshape(-1)
        for k in range(flat.size):
            h = STEP * max(1.0, abs(flat[k]))
            xp, xm = flat.copy(), flat.copy()
            xp[k] += d * h
            xm[k] -= d * h
            ap, am = list(args), list(args)
            ap[i] = xp.reshape(x0.shape) if x0.ndim else xp[0]
            am[i] = xm.reshape(x0.shape) if x0.ndim else xm[0]
            fp, fm = _call(fn, ap), _call(fn, am)
            if complex_input:
                fp, fm = np.real(fp), np.real(fm)
            g.reshape(-1)[k] = (fp - fm) / (2 * h)
        out.append(g if np.iscomplexobj(g) and np.any(np.imag(g)) else np.real(g))
    return out[0], (out[1] if complex_input else None)


def close(g, fd) -> tuple[bool, float]:
    """Whether g matches the finite differences fd, and the worst error relative to them."""
    g, fd = np.asarray(g), np.asarray(fd)
    scale = max(1.0, float(np.max(np.abs(fd)))) if fd.size else 1.0
    err = np.abs(g - fd)
    ok = bool(np.all(err <= RTOL * np.abs(fd) + ATOL * scale)) and bool(np.all(np.isfinite(g)))
    worst = float(np.max(err) / scale) if err.size else 0.0
    return ok, worst


def _import_generated(text: str, name: str, folder: str):
    path = os.path.join(folder, f"grad_{name}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return _load(path, f"peer_generated_{name}_{abs(hash(text))}")


class _Timeout(BaseException):  # not caught by the checks' `except Exception`
    pass


def check(case: Case, mode: str, folder: str, verbose: bool = False) -> Result:
    """The verdict on one case, compiled annotated or with its annotations stripped."""
    start = time.perf_counter()
    use_alarm = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if use_alarm:

        def expire(signum, frame):
            raise _Timeout

        previous = signal.signal(signal.SIGALRM, expire)
        signal.alarm(TIMEOUT)
    try:
        return _check(case, mode, folder, verbose)
    except _Timeout:
        return Result(
            case.id,
            mode,
            case.complex,
            WRONG,
            f"timed out after {TIMEOUT} s",
            time.perf_counter() - start,
        )
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def _check(case: Case, mode: str, folder: str, verbose: bool = False) -> Result:
    import matgradc

    start = time.perf_counter()

    def result(status, reason=""):
        return Result(case.id, mode, case.complex, status, reason, time.perf_counter() - start)

    source = strip_annotations(case.source) if mode == "stripped" else case.source
    wrt = case.wrt
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = matgradc.compile_source(source, case.name, wrt=wrt)
    except matgradc.CompileError as e:
        message = str(e)
        if verbose:
            print(message)
        return result(CLEAR, "compile: " + _error_message(message))
    except Exception as e:  # noqa: BLE001 (an internal error of the compiler)
        return result(WRONG, f"internal error at compile time: {type(e).__name__}: {e}")
    if verbose:
        print(text)
    try:
        generated = _import_generated(text, f"{case.module}_{case.name}_{mode}", folder)
        vg = getattr(generated, f"value_and_grad_{case.name}")
    except Exception as e:  # noqa: BLE001
        return result(WRONG, f"generated module does not import: {type(e).__name__}: {e}")
    args = case.inputs()
    try:
        value, grads = _call(vg, [np.copy(a) if isinstance(a, np.ndarray) else a for a in args])
    except ValueError as e:
        if _raised_by(e, generated):
            return result(CLEAR, "run time: ValueError: " + _first_line(str(e)))
        return result(WRONG, "run time: crash, ValueError from NumPy: " + _first_line(str(e)))
    except Exception as e:  # noqa: BLE001
        return result(WRONG, f"run time: {type(e).__name__}: {_first_line(str(e))}")
    expected = _call(case.fn, args)
    if np.shape(value) != ():
        return result(WRONG, f"value has shape {np.shape(value)}, not a scalar")
    if not np.allclose(value, expected, rtol=VALUE_RTOL, atol=VALUE_RTOL):
        return result(
            WRONG,
            (
                f"wrong value: {complex(value):.6g} instead of {complex(expected):.6g}"
                if np.iscomplexobj(value) or np.iscomplexobj(expected)
                else f"wrong value: {float(value):.6g} instead of {float(expected):.6g}"
            ),
        )
    idx = case.wrt_indices()
    if not isinstance(grads, tuple) or len(grads) != len(idx):
        return result(
            WRONG, f"value_and_grad returned {type(grads).__name__}, not {len(idx)} gradients"
        )
    for g, i in zip(grads, idx):
        name = case.params[i]
        if np.shape(g) != np.shape(args[i]):
            return result(
                WRONG, f"gradient of {name} has shape {np.shape(g)}, not {np.shape(args[i])}"
            )
        gx, gy = finite_differences(case.fn, args, i, case.complex)
        if gy is None:
            ok, worst = close(g, gx)
        else:
            ok1, w1 = close(g, gx - 1j * gy)
            ok2, w2 = close(g, gx + 1j * gy)
            ok, worst = ok1 or ok2, min(w1, w2)
        if not ok:
            return result(WRONG, f"wrong gradient of {name} (error {worst:.2g} of its scale)")
    return result(PASS)


def _raised_by(error: BaseException, module) -> bool:
    """Whether `error` was raised by a `raise` statement of the generated module itself (its
    argument contract), not by NumPy inside one of its lines."""
    tb = error.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None or last.tb_frame.f_code.co_filename != module.__file__:
        return False
    with open(module.__file__, encoding="utf-8") as f:
        lines = f.read().splitlines()
    line = lines[last.tb_lineno - 1] if 0 < last.tb_lineno <= len(lines) else ""
    return line.lstrip().startswith("raise ")


def _error_message(report: str) -> str:
    """The message of a compile error report (without the file:line:col prefix)."""
    line = _first_line(report)
    m = re.match(r"^.*?:\d+:\d+: error: (.*)$", line) or re.match(r"^.*?: error: (.*)$", line)
    return m.group(1) if m else line


def reason_key(reason: str) -> str:
    """A reason with the case's names, shapes and numbers blanked, to rank reasons."""
    key = re.sub(r"`[^`]*`", "`…`", reason)
    key = re.sub(r"\(error [^)]*\)", "", key)
    key = re.sub(r"\([0-9, ]*\)", "(…)", key)
    key = re.sub(r"(?<![\w.])-?\d+(\.\d+)?(e-?\d+)?([+-]\d+(\.\d+)?(e-?\d+)?j)?", "N", key)
    key = re.sub(r"'[^']*'", "'…'", key)
    key = re.sub(r"\b(gradient of|wrong gradient of) \w+", r"\1 …", key)
    return key.strip()


def named_key(reason: str) -> str:
    """Like reason_key, but an op's name in backticks (`np.tan`, `Mod`) is kept."""
    key = reason_key(reason)
    for name in re.findall(r"`([^`]*)`", reason):
        if "." in name or name[:1].isupper() and len(name) > 1:
            key = key.replace("`…`", f"`{name}`", 1)
        else:
            key = key.replace("`…`", "`\x00`", 1)
    return key.replace("`\x00`", "`…`")


FAMILIES = [  # (family, words of the reason that put it there), first match wins
    ("the argument contract (the module's ValueError)", ["run time: ValueError:"]),
    ("gradient of the wrong shape", ["has shape"]),
    ("crash inside NumPy (a ValueError that is not the contract)", ["from NumPy"]),
    ("wrong value", ["wrong value"]),
    ("wrong gradient", ["wrong gradient"]),
    ("other exception at run time", ["run time:"]),
    ("internal error of the compiler", ["internal error"]),
    (
        "arrays of rank 3 and more",
        ["dimensions; only scalars", "out of range for an array", "too many indices"],
    ),
    (
        "keyword arguments (axis=, offset=, k=, ord=, UPLO=)",
        ["unsupported arguments", "supports UPLO", "norm with ord"],
    ),
    (
        "einsum/tensordot/inner/cross/kron",
        ["np.einsum", "np.tensordot", "np.inner", "np.cross", "np.kron"],
    ),
    (
        "ufunc spellings (np.add, np.mod, `%`, np.power, np.square, ...)",
        [
            "np.add ",
            "np.subtract",
            "np.multiply",
            "np.divide",
            "np.true_divide",
            "np.negative",
            "np.power",
            "np.square",
            "np.reciprocal",
            "np.remainder",
            "np.mod ",
            "`Mod`",
            "np.fabs",
        ],
    ),
    (
        "elementwise functions (tan, cosh, arc*, log2, sign, floor, ...)",
        [
            "np.tan ",
            "np.sinh",
            "np.cosh",
            "np.arc",
            "np.log2",
            "np.log10",
            "np.exp2",
            "np.logaddexp2",
            "np.sign",
            "np.clip",
            "np.floor",
            "np.ceil",
            "np.deg2rad",
            "np.rad2deg",
            "np.degrees",
            "np.radians",
            "np.sinc",
            "np.real_if_close",
            "np.angle",
            "np.fmax",
            "np.fmin",
        ],
    ),
    (
        "reductions and scans (prod, var, std, cumsum, diff, gradient, sort)",
        [
            "np.prod",
            "np.var",
            "np.std",
            "np.cumsum",
            "np.diff",
            "np.gradient",
            "np.sort",
            "np.partition",
        ],
    ),
    (
        "concatenate/stack/split",
        ["stack", "split", "np.concatenate", "np.append", "np.r_", "np.c_"],
    ),
    (
        "repeat/tile/pad/flip/roll, reshape and axes",
        [
            "np.repeat",
            "np.tile",
            "np.pad",
            "np.flip",
            "np.rot90",
            "np.roll",
            "reshape",
            "ravel",
            "flatten",
            "squeeze",
            "expand_dims",
            "np.swapaxes",
            "np.moveaxis",
            "np.rollaxis",
            "np.transpose",
            "np.atleast",
            "np.diagonal",
            "np.select",
            "`...`",
        ],
    ),
    (
        "np.array([...]) of values, lists, linspace",
        ["np.array ", "a list", "`sum(...)`", "np.linspace"],
    ),
    ("pinv, SVD singular vectors, scipy.linalg", ["pinv", "singular vectors", "scipy.linalg"]),
]


def family(reason: str) -> str:
    """The family of a CLEAR_ERROR or WRONG reason, as issue 9 ranks them."""
    text = reason + " "
    for name, words in FAMILIES:
        if any(w in text for w in words):
            return name
    return "other"


# -- the committed lists -----------------------------------------------------------------
EXPECTED_PASS = os.path.join(HERE, "expected_pass.txt")
KNOWN_WRONG = os.path.join(HERE, "known_wrong.txt")


def read_list(path: str) -> dict[tuple[str, str], str]:
    """`CASE MODE [REASON]` lines (# comments) as {(case, mode): reason}."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                parts = line.split(None, 2)
                out[(parts[0], parts[1])] = parts[2] if len(parts) > 2 else ""
    return out


def fast_subset(cases: list[Case]) -> list[Case]:
    """What tests/peer/test_peer_fast.py runs besides expected_pass.txt: the first real and the
    first complex case of every upstream test (its first shape combination)."""
    seen, out = set(), []
    for c in cases:
        key = (c.module, c.test, c.complex)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def compare_lists(results: list[Result], expected_pass, known_wrong) -> dict[str, list[str]]:
    """Regressions (listed as passing, not PASS), new WRONG cases (not in known_wrong.txt) and
    known-wrong cases that are no longer WRONG (to be removed from the list)."""
    got = {(r.case, r.mode): r for r in results}
    regressions = [
        f"{c} {m}: {got[(c, m)].status} {got[(c, m)].reason}"
        for (c, m) in expected_pass
        if (c, m) in got and got[(c, m)].status != PASS
    ]
    new_wrong = [
        f"{r.case} {r.mode}  {r.reason}"
        for r in results
        if r.status == WRONG and (r.case, r.mode) not in known_wrong
    ]
    fixed = [
        f"{c} {m}: now {got[(c, m)].status}"
        for (c, m) in known_wrong
        if (c, m) in got and got[(c, m)].status != WRONG
    ]
    return {"regressions": regressions, "new_wrong": new_wrong, "fixed": fixed}


def write_lists(results: list[Result], cases: list[Case]) -> None:
    """expected_pass.txt: the first passing real case of every upstream test, in each mode;
    known_wrong.txt: the WRONG cases, never adding one to an existing list (it only shrinks)."""
    status = {(r.case, r.mode): r for r in results}
    chosen, lines = set(), []
    for c in cases:
        for m in MODES:
            r = status.get((c.id, m))
            if r and r.status == PASS and not c.complex and (c.module, c.test, m) not in chosen:
                chosen.add((c.module, c.test, m))
                lines.append(f"{c.id} {m}")
    with open(EXPECTED_PASS, "w", encoding="utf-8") as f:
        f.write(
            "# Cases that pass and must keep passing (tests/peer/test_peer_fast.py): the first\n"
            "# passing real-input case of each upstream test, annotated and with annotations\n"
            "# stripped. Written by `python tests/peer/run.py --both --write-lists`.\n"
        )
        f.write("\n".join(lines) + "\n")
    old = read_list(KNOWN_WRONG)
    wrong = [r for r in results if r.status == WRONG]
    if old:
        wrong = [r for r in wrong if (r.case, r.mode) in old]
    with open(KNOWN_WRONG, "w", encoding="utf-8") as f:
        f.write(
            "# Cases matgradc gets silently WRONG today (a wrong value or gradient, a crash, an\n"
            "# internal error): CASE MODE REASON. tests/peer/test_peer_fast.py fails on a WRONG\n"
            "# case not listed here, so this list can only shrink. Remove a line once its case\n"
            "# is fixed (`make peer` lists them); never add one.\n"
        )
        f.write(
            "".join(
                f"{r.case} {r.mode}  {r.reason}\n"
                for r in sorted(wrong, key=lambda r: (r.case, r.mode))
            )
        )


# -- reporting ---------------------------------------------------------------------------
def run(cases: list[Case], modes, verbose=False, progress=True) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="matgradc-peer-") as folder:
        for n, case in enumerate(cases):
            for mode in modes:
                r = check(case, mode, folder, verbose)
                results.append(r)
                if verbose:
                    print(f"{r.case} [{mode}]: {r.status} {r.reason}")
            if progress and not verbose and (n + 1) % 100 == 0:
                print(f"  {n + 1}/{len(cases)} cases", file=sys.stderr)
    return results


def counts(results, mode, cplx):
    c = collections.Counter(r.status for r in results if r.mode == mode and r.complex == cplx)
    return c[PASS], c[CLEAR], c[WRONG]


def summary(results: list[Result], cases: list[Case], modes) -> str:
    by_module = collections.defaultdict(list)
    for r in results:
        by_module[r.case.split(".")[0]].append(r)
    nreal = sum(not c.complex for c in cases)
    ncplx = len(cases) - nreal
    out = [f"{nreal} real-input cases, {ncplx} complex-input cases (counted apart).", ""]
    head = "| module | cases | " + " | ".join(
        f"{m} PASS | {m} CLEAR_ERROR | {m} WRONG" for m in modes
    )
    out += [head + " |", "|" + "---|" * (2 + 3 * len(modes))]
    for kind, cplx in (("real", False), ("complex", True)):
        for short, _ in MODULES:
            rs = by_module.get(short, [])
            n = len({r.case for r in rs if r.complex == cplx})
            if not n:
                continue
            cells = []
            for m in modes:
                cells += [str(x) for x in counts(rs, m, cplx)]
            out.append(f"| {short} ({kind}) | {n} | " + " | ".join(cells) + " |")
        n = len({r.case for r in results if r.complex == cplx})
        cells = []
        for m in modes:
            p, c, w = counts(results, m, cplx)
            cells += [f"**{p}** ({100 * p / max(n, 1):.0f}%)", str(c), f"**{w}**"]
        out.append(f"| **all ({kind})** | {n} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def ranked(results, status, mode, cplx=False, key=named_key, top=25):
    c = collections.Counter(
        key(r.reason)
        for r in results
        if r.status == status and r.mode == mode and r.complex == cplx
    )
    return c.most_common(top)


def upstream_view(results, cases, mode) -> str:
    """Per upstream test: how many of its real cases pass."""
    tests = collections.defaultdict(list)
    status = {r.case: r.status for r in results if r.mode == mode}
    for c in cases:
        if not c.complex and c.id in status:
            tests[(c.module, c.test)].append(status[c.id])
    full = sum(all(s == PASS for s in v) for v in tests.values())
    some = sum(any(s == PASS for s in v) for v in tests.values())
    return (
        f"{len(tests)} upstream tests with real-input cases: all cases pass in {full}, "
        f"at least one in {some} ({mode})."
    )


def report(results, cases, modes, command) -> str:
    out = [
        "# The peer port: results",
        "",
        "Written by `" + command + "` (`make peer`); do not edit. See README.md for what the",
        "statuses mean and how the cases were ported.",
        "",
        summary(results, cases, modes),
        "",
    ]
    for m in modes:
        out.append("- " + upstream_view(results, cases, m))
    for m in modes:
        out += ["", f"## Real-input cases that are not PASS ({m}), by family", ""]
        out += ["| family | CLEAR_ERROR | WRONG |", "|---|---|---|"]
        clear = dict(ranked(results, CLEAR, m, key=family, top=None))
        wrong = dict(ranked(results, WRONG, m, key=family, top=None))
        names = sorted(
            set(clear) | set(wrong), key=lambda k: (-clear.get(k, 0) - wrong.get(k, 0), k)
        )
        out += [f"| {k} | {clear.get(k, 0)} | {wrong.get(k, 0)} |" for k in names]
    for m in modes:
        out += ["", f"## Why real-input cases are CLEAR_ERROR ({m}), most frequent first", ""]
        out += [
            "| cases | reason (the op's name kept, other names and numbers blanked) |",
            "|---|---|",
        ]
        out += [f"| {n} | {k.replace('|', '/')} |" for k, n in ranked(results, CLEAR, m)]
    out += ["", "## Per upstream test (real-input cases)", ""]
    out += [
        "| upstream test | cases | "
        + " | ".join(f"PASS {m}" for m in modes)
        + " | first reason (annotated, else stripped) |",
        "|---|---|" + "---|" * len(modes) + "---|",
    ]
    by = {(r.case, r.mode): r for r in results}
    tests = collections.defaultdict(list)
    for c in cases:
        if not c.complex:
            tests[(c.module, c.test)].append(c)
    for (module, test), cs in tests.items():
        cells = [str(sum(by[(c.id, m)].status == PASS for c in cs)) for m in modes]
        reason = next(
            (by[(c.id, m)].reason for m in modes for c in cs if by[(c.id, m)].status != PASS), ""
        )
        reason = reason.replace("|", "/")[:110]
        out.append(f"| {module}.{test} | {len(cs)} | " + " | ".join(cells) + f" | {reason} |")
    for m in modes:
        wrong = [r for r in results if r.status == WRONG and r.mode == m]
        out += ["", f"## WRONG ({m}): {len(wrong)} cases", ""]
        for r in sorted(wrong, key=lambda r: (r.complex, r.case)):
            out.append(f"- `{r.case}`{' (complex)' if r.complex else ''}: {r.reason}")
    for m in modes:
        out += ["", f"## Complex-input cases ({m}), reasons", ""]
        out += ["| status | cases | reason |", "|---|---|---|"]
        for st in (CLEAR, WRONG):
            out += [
                f"| {st} | {n} | {k.replace('|', '/')} |"
                for k, n in ranked(results, st, m, cplx=True, key=reason_key, top=10)
            ]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--strip-annotations", action="store_true", help="remove every annotation")
    p.add_argument("--both", action="store_true", help="annotated and stripped")
    p.add_argument("--module", action="append", help="only these modules (numpy, linalg, ...)")
    p.add_argument("--case", action="append", help="only cases whose id matches this regex")
    p.add_argument("--out", help="write the report (markdown) here")
    p.add_argument("--fast", action="store_true", help="only the subset make test runs")
    p.add_argument(
        "--write-lists", action="store_true", help="rewrite expected_pass.txt and known_wrong.txt"
    )
    p.add_argument("-v", "--verbose", action="store_true")
    a = p.parse_args(argv)
    modes = MODES if a.both else (("stripped",) if a.strip_annotations else ("annotated",))
    cases = load_cases(a.module)
    if a.case:
        cases = [c for c in cases if any(re.search(pat, c.id) for pat in a.case)]
    expected, known = read_list(EXPECTED_PASS), read_list(KNOWN_WRONG)
    if a.fast:
        listed = {c for c, _ in expected}
        sample = {c.id for c in fast_subset(cases)}
        cases = [c for c in cases if c.id in listed or c.id in sample]
    start = time.perf_counter()
    results = run(cases, modes, a.verbose)
    print(summary(results, cases, modes))
    for m in modes:
        print(f"\nReal-input cases not PASS by family ({m}): CLEAR_ERROR, WRONG")
        wrong = dict(ranked(results, WRONG, m, key=family, top=None))
        for k, n in ranked(results, CLEAR, m, key=family, top=None):
            print(f"  {n:4d} {wrong.pop(k, 0):4d}  {k}")
        for k, n in wrong.items():
            print(f"  {0:4d} {n:4d}  {k}")
        print(f"Top reasons for CLEAR_ERROR (real input, {m}):")
        for k, n in ranked(results, CLEAR, m, top=15):
            print(f"  {n:4d}  {k}")
        print(f"WRONG (real input, {m}):")
        for k, n in ranked(results, WRONG, m, key=reason_key, top=15):
            print(f"  {n:4d}  {k}")
    print(f"\n{len(results)} checks in {time.perf_counter() - start:.0f} s")
    if a.write_lists:
        write_lists(results, cases)
    diff = compare_lists(results, expected, known)
    for what, title in [
        ("regressions", "REGRESSED (listed in expected_pass.txt, not PASS)"),
        ("new_wrong", "NEW WRONG (not in known_wrong.txt)"),
        ("fixed", "no longer WRONG: remove from known_wrong.txt"),
    ]:
        if diff[what]:
            print(f"\n{title}:")
            for line in diff[what]:
                print("  " + line)
    if a.out:
        command = "python tests/peer/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(report(results, cases, modes, command.strip()))
    return 1 if diff["regressions"] or diff["new_wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
