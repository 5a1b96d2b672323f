"""The command line, run as users and CI run it: `python -m matgradc` and the `matgradc`
console script as subprocesses, in a temporary folder.

Errors in the model must give exit status 1, a gcc-style `FILE:LINE:COL: error: ...` line
and a `hint:` line, no traceback, and must leave the output files alone. The model is only
ever parsed: code in it that would create a file must never run.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import matgradc
import numpy as np
import pytest
from helpers import captured, central_gradient

REPO = Path(__file__).resolve().parents[1]
COVARIANCE = REPO / "examples" / "covariance.py"
# The console script installed next to this interpreter (.venv/bin/matgradc).
SCRIPT = Path(sys.executable).with_name("matgradc" + (".exe" if os.name == "nt" else ""))
VIAS = ("module", "script")


def matgradc_cmd(via: str = "module") -> list[str]:
    if via == "module":
        return [sys.executable, "-m", "matgradc"]
    assert SCRIPT.exists(), f"console script not found next to {sys.executable}"
    return [str(SCRIPT)]


def run(
    *args: str, cwd: Path, via: str = "module", env: dict | None = None
) -> subprocess.CompletedProcess:
    return captured([*matgradc_cmd(via), *args], cwd, env)


def run_covariance(folder: Path, *flags: str, **options) -> subprocess.CompletedProcess:
    """`matgradc model.py --fn covariance FLAGS` in `folder`, model.py a copy of the example."""
    shutil.copy(COVARIANCE, folder / "model.py")
    return run("model.py", "--fn", "covariance", *flags, cwd=folder, **options)


def model(source: str) -> str:
    return textwrap.dedent(source).lstrip("\n")


def numpy_file(body: str) -> str:
    """A model file: `import numpy as np`, two blank lines, `body` and a final newline."""
    return "import numpy as np\n\n\n" + body + "\n"


def where(source: str, needle: str, after: str = "") -> tuple[int, int]:
    """1-based line and column (in characters) of the first occurrence of `needle`
    (after the first occurrence of `after`)."""
    i = source.index(needle, source.index(after))
    line = source.count("\n", 0, i) + 1
    col = i - (source.rfind("\n", 0, i) + 1) + 1
    return line, col


def stray_temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".matgradc-"))


def assert_clean_error(
    r: subprocess.CompletedProcess,
    filename: str,
    loc: tuple[int, int] | None = None,
    source: str | None = None,
) -> str:
    """Exit status 1, no traceback, nothing on stdout, first stderr line `FILE[:L:C]: error: `
    (with `loc`, exactly that line and column). With a location and the source, the echoed source line and the caret must match it.
    Returns the error line."""
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    assert "internal error" not in r.stderr, r.stderr
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines, "no message on stderr"
    prefix = re.escape(filename) + (f":{loc[0]}:{loc[1]}" if loc else r"(:\d+:\d+)?") + ": error: "
    assert re.match(prefix, lines[0]), (prefix, r.stderr)
    if loc and source is not None:
        text = source.splitlines()[loc[0] - 1]
        assert lines[1] == "    " + text, r.stderr
        assert lines[2] == "    " + " " * (loc[1] - 1) + "^", r.stderr
    return lines[0]


def hint_of(r: subprocess.CompletedProcess) -> str | None:
    hints = [line for line in r.stderr.splitlines() if line.startswith("hint: ")]
    return hints[-1] if hints else None


def load_module(path: Path):
    """Import a generated module from its file (the generated code, never the model)."""
    name = f"_cli_generated_{path.stem}_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def covariance_inputs(n: int = 4, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    S = rng.standard_normal((n, n))
    a = rng.standard_normal((n, n))
    Sigma = a @ a.T + n * np.eye(n)  # symmetric positive definite
    return [S, Sigma]


# -- success --------------------------------------------------------------------------------
@pytest.mark.parametrize("via", VIAS)
def test_compile_writes_a_numpy_only_module(tmp_path, via):
    # --backend numpy: NumPy alone (the default also tries scipy.linalg: tests/test_prelude.py)
    r = run_covariance(tmp_path, "--backend", "numpy", "-o", "out.py", via=via)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""
    text = (tmp_path / "out.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    imports = [
        ast.get_source_segment(text, n)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Import, ast.ImportFrom))
    ]
    assert imports == ["import numpy as np"]
    assert [line for line in text.splitlines() if re.match(r"\s*(import|from)\s", line)] == [
        "import numpy as np"
    ]
    called = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert not called & {"eval", "exec", "open", "compile", "__import__"}
    assert stray_temporaries(tmp_path) == []

    # The module computes the gradient: compare with finite differences of its own value.
    mod = load_module(tmp_path / "out.py")
    args = covariance_inputs()
    value, grads = mod.value_and_grad_covariance(*args)
    assert np.isclose(value, mod.covariance(*args))
    assert len(grads) == 2
    for k, g in enumerate(grads):
        assert np.shape(g) == args[k].shape
        np.testing.assert_allclose(g, central_gradient(mod.covariance, args, k), rtol=1e-5, atol=1e-7)
    alone = mod.grad_covariance(*args)
    assert len(alone) == 2
    for a, b in zip(alone, grads):
        np.testing.assert_array_equal(a, b)


def test_emitted_test_passes_and_can_fail(tmp_path):
    r = run_covariance(tmp_path, "-o", "grad_cov.py", "--emit-test", "test_cov.py")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "grad_cov.py").is_file() and (tmp_path / "test_cov.py").is_file()
    pytest_cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_cov.py"]

    ok = subprocess.run(
        pytest_cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert re.search(r"\b\d+ passed\b", ok.stdout), ok.stdout
    assert not re.search(r"\b(failed|skipped|error|xfail)", ok.stdout), ok.stdout

    # The emitted test is a real check: a gradient off by 1% must make it fail.
    with open(tmp_path / "grad_cov.py", "a", encoding="utf-8") as f:
        f.write(
            "\n_exact = value_and_grad_covariance\n\n\n"
            "def value_and_grad_covariance(*args):\n"
            "    value, grads = _exact(*args)\n"
            "    return value, tuple(1.01 * g for g in grads)\n"
        )
    for cache in tmp_path.rglob("__pycache__"):
        shutil.rmtree(cache)
    bad = subprocess.run(
        pytest_cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "failed" in bad.stdout


@pytest.mark.parametrize("via", VIAS)
def test_without_output_prints_the_module(tmp_path, via):
    r = run_covariance(tmp_path, via=via)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.py"]
    tree = ast.parse(r.stdout)
    defs = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert {"covariance", "value_and_grad_covariance", "grad_covariance"} <= defs
    assert "import numpy as np" in r.stdout.splitlines()


def test_emit_ir_prints_the_ir(tmp_path):
    r = run_covariance(tmp_path, "--emit", "ir", "--backend", "numpy")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.py"]
    lines = r.stdout.splitlines()
    assert re.fullmatch(r"value = %\d+", lines[-4]), r.stdout
    assert re.fullmatch(r"grad S = %\d+", lines[-3]), r.stdout
    assert re.fullmatch(r"grad Sigma = %\d+", lines[-2]), r.stdout
    assert re.fullmatch(r"# value_and_grad: \d+ statements; estimated peak .* floats, at .*", lines[-1])

    assert any("param(" in line and "name='Sigma'" in line for line in lines)
    assert any(re.search(r"\binv\(%\d+\)", line) for line in lines)
    assert "def " not in r.stdout  # the IR, not the module


def test_version(tmp_path):
    r = run("--version", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"matgradc {importlib.metadata.version('matgradc')}"
    assert r.stdout.strip() == f"matgradc {matgradc.__version__}"


@pytest.mark.parametrize("via", VIAS)
def test_help_mentions_examples(tmp_path, via):
    r = run("--help", cwd=tmp_path, via=via)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: matgradc")
    assert "examples:" in r.stdout
    assert re.search(r"^\s+matgradc \S+\.py --fn \S+", r.stdout, re.MULTILINE)
    for option in ("--fn", "--wrt", "--emit-test", "--emit", "-o"):
        assert option in r.stdout


WRT_MODEL = model("""
    import numpy as np


    def f(A: "n,n", B: "n,n", x: "n"):
        return np.trace(A @ B @ B) + x @ A @ x
    """)


@pytest.mark.parametrize(
    "wrt, expected",
    [(None, [0, 1, 2]), ("B,A", [1, 0]), ("x", [2]), ("A, x", [0, 2])],
)
def test_wrt_selects_parameters(tmp_path, wrt, expected):
    (tmp_path / "m.py").write_text(WRT_MODEL, encoding="utf-8")
    r = run("m.py", "--fn", "f", "-o", "g.py", *(["--wrt", wrt] if wrt else []), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    mod = load_module(tmp_path / "g.py")
    rng = np.random.default_rng(3)
    args = [rng.standard_normal((3, 3)), rng.standard_normal((3, 3)), rng.standard_normal(3)]
    value, grads = mod.value_and_grad_f(*args)
    assert np.isclose(value, mod.f(*args))
    assert len(grads) == len(expected)
    for k, g in zip(expected, grads):  # in --wrt order
        np.testing.assert_allclose(g, central_gradient(mod.f, args, k), rtol=1e-5, atol=1e-7)
    alone = mod.grad_f(*args)
    if len(expected) == 1:
        assert np.shape(alone) == np.shape(args[expected[0]])
    else:
        assert isinstance(alone, tuple) and len(alone) == len(expected)


def test_compiling_twice_gives_identical_bytes(tmp_path):
    outputs = []
    for seed in ("1", "2"):  # also across hash seeds: no set/dict-order dependence
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = run_covariance(tmp_path, "-o", "out.py", "--emit-test", "test_out.py", env=env)
        assert r.returncode == 0, r.stderr
        outputs.append(
            ((tmp_path / "out.py").read_bytes(), (tmp_path / "test_out.py").read_bytes())
        )
    assert outputs[0] == outputs[1]
    ir = [run_covariance(tmp_path, "--emit", "ir").stdout for _ in "ab"]
    assert ir[0] == ir[1] and ir[0]


# -- errors ----------------------------------------------------------------------------------
@dataclass
class Case:
    id: str
    source: str | bytes | None  # None: the model file does not exist
    fn: str = "f"
    at: str | None = None  # the text the error must point at (first occurrence)
    message: list[str] = field(default_factory=list)  # fragments of the error line
    hint: list[str] = field(default_factory=list)  # fragments of the hint line
    extra: list[str] = field(default_factory=list)


TRY = "`try` is not in the matrix language"

# Errors located in the model: id -> (the model after `import numpy as np`, the text the error
# points at, fragments of the error line, fragments of the hint line).
LOCATED = {
    "syntax-error": ("def f(A):\n    return np.trace(A @ A", "(A @ A", ["invalid Python syntax"], []),
    "try": (
        "def f(A):\n    B = A @ A\n    try:\n        B = A\n    except ValueError:\n        pass\n    return np.trace(B)",
        "try:", [TRY], ["supported statements", "assignments"],
    ),
    # a run-time loop inside another one (tests/test_loops.py)
    "for": (
        "def f(A):\n    for row in A:\n        for col in A:\n            A = A @ A\n    return np.trace(A)",
        "for col", ["inside another one is not supported"], ["give the inner loop a trip count known while compiling"],
    ),
    "while": (
        "def f(A):\n    while True:\n        A = A @ A\n    return np.trace(A)",
        "while", ["runs more than 1000 iterations while compiling"], ["unrolled"],
    ),
    "try-fallback": (
        "def f(A):\n    try:\n        B = np.linalg.inv(A)\n    except Exception:\n        B = A\n    return np.trace(B)",
        "try:", [TRY], ["supported statements"],
    ),
    "lambda": ("def f(A):\n    sq = lambda X: X @ X\n    return np.trace(A)", "lambda", ["`lambda` is not in the matrix language"], ["expressions:"]),
    "comprehension": (
        "def f(A):\n    B = [a * 2 for a in A]\n    return np.trace(A)",
        "[a * 2", ["comprehension is not in the matrix language"], ["expressions:"],
    ),
    "unsupported-call": (
        "def f(x):\n    return np.sum(np.fft.fft(x))",
        "np.fft.fft(", ["np.fft.fft", "not in the matrix language"], ["np.linalg.inv", "np.trace", "np.linalg.solve", "np.linalg.slogdet"],
    ),
    "misspelled-call": (
        "def f(A):\n    return np.trace(np.linalg.inverse(A))",
        "np.linalg.inverse", ["np.linalg.inverse", "not in the matrix language"], ["did you mean np.linalg.inv?"],
    ),
    "undefined-name": ("def f(A):\n    return np.trace(A @ B)", "B)", ["undefined name `B`"], ["names must be parameters"]),
    "misspelled-name": ("def f(Sigma):\n    return np.trace(Sgma)", "Sgma", ["undefined name `Sgma`"], ["did you mean `Sigma`?"]),
    # both declaration sites: `A` at 4:7 and `B` at 4:17
    "shape-conflict": (
        'def f(A: "n,m", B: "n,m"):\n    return np.trace(A @ B)',
        "A @ B", ["shape conflict", "`A`", "`B`", "4:7", "4:17"], ["declare consistent shapes"],
    ),
    "shape-conflict-sizes": (
        'def f(A: "n,3", x: "4"):\n    return np.sum(A @ x)',
        "A @ x", ["shape conflict", "3", "4", "`A`", "`x`", "4:7", "4:17"], ["declare consistent shapes"],
    ),
    "non-scalar-return": (
        'def f(A: "n,n"):\n    B = A @ A\n    return B.T',
        "B.T", ["must return a scalar", "returns a matrix"], ["np.sum", "np.trace"],
    ),
}
TRACE = numpy_file("def f(A):\n    return np.trace(A)")
CASES = [
    *(Case(id, numpy_file(body), at=at, message=m, hint=h) for id, (body, at, m, h) in LOCATED.items()),
    Case(
        "no-such-function",
        numpy_file("def loss(A):\n    return np.trace(A)\n\n\ndef penalty(A):\n    return np.sum(A)"),
        fn="lost",
        message=["no function `lost`"],
        hint=["loss", "penalty"],
    ),
    Case(
        "wrt-not-a-parameter",
        numpy_file("def f(A, B):\n    return np.trace(A @ B)"),
        extra=["--wrt", "A,C"],
        message=["`C`", "not a parameter of `f`"],
        hint=["parameters: A, B"],
    ),
    Case("missing-model", None, message=["cannot read the model"]),
    Case(
        "not-utf8",
        b"import numpy as np\n\n\ndef f(A):\n    return np.trace(A)  # \xff\xfe caf\xe9\n",
        message=["not UTF-8"],
    ),
    Case("too-large", TRACE + "#" * 1_000_001 + "\n", message=["larger than 1000000 bytes"], hint=["split"]),
    Case("emit-test-without-output", TRACE, extra=["--emit-test", "test_out.py"], message=["--emit-test needs -o"]),
]


def run_case(case: Case, folder: Path, via: str = "module") -> subprocess.CompletedProcess:
    if isinstance(case.source, str):
        (folder / "m.py").write_text(case.source, encoding="utf-8")
    elif isinstance(case.source, bytes):
        (folder / "m.py").write_bytes(case.source)
    output = [] if "--emit-test" in case.extra else ["-o", "out.py"]
    return run("m.py", "--fn", case.fn, *output, *case.extra, cwd=folder, via=via)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_error_is_reported_cleanly(tmp_path, case):
    r = run_case(case, tmp_path)
    loc = where(case.source, case.at) if case.at else None
    line = assert_clean_error(r, "m.py", loc, case.source if loc else None)
    if loc is None:  # errors about the whole file or the command line have no location
        assert line.startswith("m.py: error: "), line
    for fragment in case.message:
        assert fragment in line, (fragment, r.stderr)
    for fragment in case.hint:
        assert fragment in (hint_of(r) or ""), (fragment, r.stderr)
    # no output file, no temporary left behind
    assert not (tmp_path / "out.py").exists()
    assert not (tmp_path / "test_out.py").exists()
    assert stray_temporaries(tmp_path) == []


@pytest.mark.parametrize(
    "case",
    [c for c in CASES],
    ids=lambda c: c.id,
)
def test_error_has_a_hint(tmp_path, case):
    r = run_case(case, tmp_path)
    assert r.returncode == 1, r.stderr
    hint = hint_of(r)
    assert hint is not None and len(hint) > len("hint: ") + 3, r.stderr


def test_error_locations(tmp_path):
    """Spelled out for two cases, independently of `where`."""
    src = "import numpy as np\n\n\ndef f(A):\n    x = A @ A\n    return np.trace(x @ y)\n"
    (tmp_path / "m.py").write_text(src, encoding="utf-8")
    r = run("m.py", "--fn", "f", "-o", "out.py", cwd=tmp_path, via="script")
    assert assert_clean_error(r, "m.py").startswith("m.py:6:25: error: undefined name `y`")

    src = (
        "import numpy as np\n\n\ndef f(A):\n    while np.sum(A) > 0:\n        while np.sum(A) > 1:\n"
        "            A = A / 2\n        A = A - 1\n    return np.trace(A)\n"
    )
    (tmp_path / "m.py").write_text(src, encoding="utf-8")
    r = run("m.py", "--fn", "f", "-o", "out.py", cwd=tmp_path, via="script")
    assert assert_clean_error(r, "m.py").startswith(
        "m.py:6:9: error: a loop with a run-time trip count inside another one"
    )
    assert not (tmp_path / "out.py").exists()


def test_error_names_the_file_as_given(tmp_path):
    (tmp_path / "models").mkdir()
    src = "import numpy as np\n\n\ndef f(A):\n    return np.fft.fft(A)\n"
    (tmp_path / "models" / "bad.py").write_text(src, encoding="utf-8")
    r = run("models/bad.py", "--fn", "f", "-o", "out.py", cwd=tmp_path)
    assert_clean_error(r, "models/bad.py", (5, 12), src)


def test_error_column_counts_characters(tmp_path):
    src = 'import numpy as np\n\n\ndef f(Σ: "n,n"):\n    return np.trace(Σ @ B)\n'
    (tmp_path / "m.py").write_text(src, encoding="utf-8")
    r = run("m.py", "--fn", "f", "-o", "out.py", cwd=tmp_path)
    assert_clean_error(r, "m.py", where(src, "B)"), src)


def test_unwritable_output_is_a_clean_error(tmp_path):
    r = run_covariance(tmp_path, "-o", "no/such/folder/out.py")
    assert_clean_error(r, "model.py")


def test_failed_write_of_the_test_leaves_the_module_alone(tmp_path):
    (tmp_path / "out.py").write_bytes(b"# previous output\n")
    r = run_covariance(tmp_path, "-o", "out.py", "--emit-test", "no/such/test.py")
    assert r.returncode != 0
    assert (tmp_path / "out.py").read_bytes() == b"# previous output\n"


# -- output files ------------------------------------------------------------------------------
@pytest.mark.parametrize("case_id", ["try", "shape-conflict", "no-such-function"])
def test_failed_compile_leaves_existing_outputs_untouched(tmp_path, case_id):
    case = next(c for c in CASES if c.id == case_id)
    (tmp_path / "m.py").write_text(case.source, encoding="utf-8")
    old_module = b"# an earlier, good output\r\nimport numpy as np\n\x00\xff"
    old_test = b"def test_old():\n    pass\n"
    (tmp_path / "out.py").write_bytes(old_module)
    (tmp_path / "test_out.py").write_bytes(old_test)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    r = run("m.py", "--fn", case.fn, "-o", "out.py", "--emit-test", "test_out.py", cwd=tmp_path)
    assert_clean_error(r, "m.py")
    assert (tmp_path / "out.py").read_bytes() == old_module
    assert (tmp_path / "test_out.py").read_bytes() == old_test
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
    assert stray_temporaries(tmp_path) == []


def test_success_replaces_output_and_leaves_no_temporaries(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "grad.py").write_text("stale\n", encoding="utf-8")
    r = run_covariance(tmp_path, "-o", "out/grad.py", "--emit-test", "out/test_grad.py")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["grad.py", "test_grad.py"]
    assert "def grad_covariance(" in (tmp_path / "out" / "grad.py").read_text(encoding="utf-8")
    assert stray_temporaries(tmp_path) == []


# -- the model is never executed -----------------------------------------------------------------
def test_module_level_code_never_runs(tmp_path):
    marker = tmp_path / "EXECUTED"
    src = model(f"""
        import os
        import numpy as np

        open({str(marker)!r}, "w").write("module level ran")
        os.makedirs({str(marker) + "-dir"!r})


        def deco(fn):
            open({str(marker)!r}, "w").write("decorator ran")
            return fn


        @deco
        def g(A: "n,n"):
            return np.trace(A @ A)


        def f(A: "n,n"):
            return np.trace(A @ A)


        raise SystemExit(3)
        """)
    (tmp_path / "m.py").write_text(src, encoding="utf-8")
    r = run("m.py", "--fn", "f", "-o", "g.py", "--emit-test", "test_g.py", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("m.py", "--fn", "f", "--emit", "ir", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("m.py", "--fn", "missing", cwd=tmp_path)
    assert_clean_error(r, "m.py")
    r = run("m.py", "--fn", "g", cwd=tmp_path)  # a decorated function is refused, not run
    assert "decorator" in assert_clean_error(r, "m.py")
    assert not marker.exists()
    assert not Path(str(marker) + "-dir").exists()

    # Using the generated module does not run the model either.
    mod = load_module(tmp_path / "g.py")
    A = np.arange(9.0).reshape(3, 3)
    assert np.isclose(mod.f(A), np.trace(A @ A))
    assert not marker.exists()


def test_function_body_is_never_run(tmp_path):
    marker = tmp_path / "EXECUTED"
    src = model(f"""
        import numpy as np


        def f(A):
            handle = open({str(marker)!r}, "w")
            return np.trace(A)


        def g(A):
            open({str(marker)!r}, "w").write("body ran")
            return np.trace(A)


        f(None)
        g(None)
        """)
    (tmp_path / "m.py").write_text(src, encoding="utf-8")
    for fn in ("f", "g"):
        r = run("m.py", "--fn", fn, "-o", "out.py", cwd=tmp_path)
        line = assert_clean_error(r, "m.py", where(src, "open(", after=f"def {fn}("), src)
        assert "not in the matrix language" in line
    assert not marker.exists()
    assert not (tmp_path / "out.py").exists()
