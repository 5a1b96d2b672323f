"""Build integration of the command line: --check, -M/--depfile, several functions per call
(--fn a,b and the model's __matgradc__ list), reporting several errors at once, usage errors,
and the `matgradc expr` dispatch.

Most tests call `cli.main` in this process (fast); a few run the real command as a build does,
including GNU make on examples/Makefile.example.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import matgradc
import numpy as np
import pytest
from helpers import captured, central_gradient
from helpers import cli_main as main
from matgradc import cli

REPO = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("matgradc" + (".exe" if os.name == "nt" else ""))

MODEL = textwrap.dedent("""\
    import numpy as np

    __matgradc__ = ["quad", "logdet"]

    SCALE = 2.0


    def quad(A: "n,n", x: "n"):
        return SCALE * (x @ A @ x) + np.sum(np.tanh(A))


    def logdet(S: "spd(n,n)", B: "n,n"):
        sign, ld = np.linalg.slogdet(S)
        return ld + np.trace(B @ np.linalg.inv(S))


    def bad_call(A):
        return np.fft.fft(A)


    def bad_if(A):
        if A:
            A = A
        return np.trace(A)
    """)


@pytest.fixture
def work(work):
    """conftest's working folder, holding MODEL as model.py."""
    (work / "model.py").write_text(MODEL, encoding="utf-8")
    return work


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def load(path: Path) -> types.ModuleType:
    """Execute a generated module (generated code only, never the model)."""
    module = types.ModuleType(path.stem)
    text = path.read_text(encoding="utf-8")
    exec(compile(text, str(path), "exec"), module.__dict__)  # noqa: S102 -- generated code
    return module


def check_quad(module: types.ModuleType) -> None:
    rng = np.random.default_rng(1)
    args = [rng.standard_normal((3, 3)), rng.standard_normal(3)]
    f = lambda A, x: 2.0 * (x @ A @ x) + np.sum(np.tanh(A))  # the model, by hand
    value, grads = module.value_and_grad_quad(*args)
    assert np.isclose(value, f(*args))
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


def check_logdet(module: types.ModuleType) -> None:
    rng = np.random.default_rng(2)
    a = rng.standard_normal((3, 3))
    S, B = a @ a.T + 3 * np.eye(3), rng.standard_normal((3, 3))
    f = lambda S, B: np.linalg.slogdet(S)[1] + np.trace(B @ np.linalg.inv(S))
    value, (gS, gB) = module.value_and_grad_logdet(S, B)
    assert np.isclose(value, f(S, B))
    np.testing.assert_allclose(gB, central_gradient(f, [S, B], 1), rtol=1e-6, atol=1e-8)
    # S is declared spd: the symmetric gradient, i.e. the derivative along E_ij + E_ji
    for i in range(3):
        for j in range(3):
            E = np.zeros((3, 3))
            E[i, j] += 1e-6
            E[j, i] += 1e-6
            fd = (f(S + E, B) - f(S - E, B)) / 2e-6
            assert np.isclose(np.sum(gS * E) / 1e-6, fd, rtol=1e-6, atol=1e-8)


# -- --check ----------------------------------------------------------------------------------
BUILD = ["model.py", "--fn", "quad", "-o", "grad_quad.py", "--emit-test", "test_grad_quad.py"]


def test_check_passes_on_fresh_outputs_and_writes_nothing(work, capsys):
    assert main(capsys, *BUILD)[0] == 0
    before = snapshot(work)
    for extra in ([], ["--debug"]):
        assert main(capsys, *BUILD, "--check", *extra) == (0, "", "")
        assert main(capsys, "--check", *BUILD, *extra) == (0, "", "")  # anywhere on the line
    assert snapshot(work) == before


def test_check_reports_a_changed_model(work, capsys):
    assert main(capsys, *BUILD)[0] == 0
    before = snapshot(work)
    (work / "model.py").write_text(MODEL.replace("SCALE = 2.0", "SCALE = 3.0"), encoding="utf-8")
    code, out, err = main(capsys, *BUILD, "--check")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1, err
    assert "stale" in err and "grad_quad.py" in err and "differs" in err
    assert snapshot(work) == {**before, "model.py": snapshot(work)["model.py"]}
    # after a rebuild it is up to date again
    assert main(capsys, *BUILD)[0] == 0
    assert main(capsys, *BUILD, "--check")[0] == 0


def test_check_reports_a_missing_or_edited_output(work, capsys):
    assert main(capsys, *BUILD)[0] == 0
    (work / "test_grad_quad.py").unlink()
    code, _, err = main(capsys, *BUILD, "--check")
    assert code == 1 and "test_grad_quad.py does not exist" in err
    assert not (work / "test_grad_quad.py").exists()  # --check wrote nothing

    assert main(capsys, *BUILD)[0] == 0
    text = (work / "grad_quad.py").read_text(encoding="utf-8")
    (work / "grad_quad.py").write_text(text.replace("\n", "\r\n"), encoding="utf-8", newline="")
    code, _, err = main(capsys, *BUILD, "--check")
    assert code == 1 and "grad_quad.py differs" in err and "(line 1)" in err


def test_check_reports_another_compiler_version(work, capsys, monkeypatch):
    assert main(capsys, *BUILD)[0] == 0
    monkeypatch.setattr(matgradc.version, "__version__", "99.0.0")
    code, _, err = main(capsys, *BUILD, "--check")
    assert code == 1
    assert re.search(r"was generated by matgradc \S+, this is 99\.0\.0", err), err
    assert "(and 1 more)" in err  # the test file is stale too
    # regenerated by the new version, the outputs are up to date for it
    assert main(capsys, *BUILD)[0] == 0
    assert "generated by matgradc 99.0.0" in (work / "grad_quad.py").read_text(encoding="utf-8")
    assert main(capsys, *BUILD, "--check")[0] == 0


def test_check_of_a_broken_model_is_an_error(work, capsys):
    assert main(capsys, *BUILD)[0] == 0
    before = snapshot(work)
    code, out, err = main(capsys, "model.py", "--fn", "bad_call", "-o", "grad_quad.py", "--check")
    assert code == 1 and out == ""
    assert re.match(r"model\.py:\d+:\d+: error: np\.fft", err), err
    assert snapshot(work) == before


def test_check_needs_output(work, capsys):
    code, _, err = main(capsys, "model.py", "--fn", "quad", "--check")
    assert code == 1 and "--check needs -o" in err


def test_header_command_regenerates_identical_bytes(work, capsys):
    """The header's command leaves out -M, --check and --debug, and running it reproduces the
    outputs byte for byte."""
    assert main(capsys, *BUILD, "-M", "grad_quad.d", "--debug")[0] == 0
    text = (work / "grad_quad.py").read_text(encoding="utf-8")
    command = re.search(r"regenerate with\n\s+(matgradc .*)\n", text).group(1)
    assert command == "matgradc " + " ".join(BUILD)
    before = snapshot(work)
    (work / "grad_quad.py").unlink()
    (work / "test_grad_quad.py").unlink()
    assert main(capsys, *shlex.split(command)[1:])[0] == 0
    after = snapshot(work)
    for name in ("grad_quad.py", "test_grad_quad.py"):
        assert after[name][0] == before[name][0]
    # -M in any spelling is left out
    for spelling in (["-Mx.d"], ["--depfile", "x.d"], ["--depfile=x.d"]):
        assert main(capsys, *BUILD, *spelling)[0] == 0
        assert main(capsys, *BUILD, "--check")[0] == 0, spelling


# -- -M / --depfile ---------------------------------------------------------------------------------
def test_depfile_lists_outputs_and_model(work, capsys):
    (work / "gen").mkdir()
    argv = ["model.py", "--fn", "quad", "-o", "gen/g.py", "--emit-test", "gen/t.py"]
    assert main(capsys, *argv, "-M", "gen/g.d") == (0, "", "")
    assert (work / "gen" / "g.d").read_text(encoding="utf-8") == "gen/g.py gen/t.py: model.py\n"
    check_quad(load(work / "gen" / "g.py"))
    assert main(capsys, *argv, "--depfile", "gen/g.d", "--check")[0] == 0
    (work / "gen" / "g.d").write_text("stale\n", encoding="utf-8")
    code, _, err = main(capsys, *argv, "--depfile", "gen/g.d", "--check")
    assert code == 1 and "gen/g.d" in err
    # without a test file
    assert main(capsys, "model.py", "--fn", "quad", "-o", "g.py", "-M", "g.d")[0] == 0
    assert (work / "g.d").read_text(encoding="utf-8") == "g.py: model.py\n"


def test_depfile_escapes_spaces_and_make_reads_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my model.py").write_text(MODEL, encoding="utf-8")
    (tmp_path / "out dir").mkdir()
    argv = ["my model.py", "--fn", "quad", "-o", "out dir/grad #1.py", "-M", "deps.d"]
    assert main(capsys, *argv)[0] == 0
    rule = (tmp_path / "deps.d").read_text(encoding="utf-8")
    assert rule == "out\\ dir/grad\\ \\#1.py: my\\ model.py\n"
    assert cli._make_escape("a$b.py") == "a$$b.py"
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    (tmp_path / "Makefile").write_text(
        "include deps.d\nout\\ dir/grad\\ \\#1.py:\n\t@echo remake\n"
    )
    goal = ["make", "-q", "out dir/grad #1.py"]
    r = subprocess.run(goal, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr  # up to date
    os.utime(tmp_path / "out dir" / "grad #1.py", ns=(10**18, 10**18))  # the model is newer
    r = subprocess.run(goal, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert r.returncode == 1, r.stdout + r.stderr  # stale: make knows the model, spaces and all
    r = subprocess.run(
        ["make", "-q", "out"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert r.returncode == 2  # and there is no target `out` (the space was not a separator)


def test_depfile_is_written_with_the_outputs_or_not_at_all(work, capsys):
    (work / "g.d").write_text("old rule\n", encoding="utf-8")
    code, _, _ = main(capsys, "model.py", "--fn", "bad_if", "-o", "g.py", "-M", "g.d")
    assert code == 1
    assert (work / "g.d").read_text(encoding="utf-8") == "old rule\n"
    assert not (work / "g.py").exists()
    # an unwritable depfile: the module is not written either
    code, _, err = main(capsys, "model.py", "--fn", "quad", "-o", "g.py", "-M", "no/such/g.d")
    assert code == 1 and "cannot write no/such/g.d" in err
    assert not (work / "g.py").exists()
    assert not [p for p in work.iterdir() if p.name.startswith(".matgradc-")]


def test_depfile_needs_output(work, capsys):
    code, _, err = main(capsys, "model.py", "--fn", "quad", "-M", "g.d")
    assert code == 1 and "needs -o" in err
    assert not (work / "g.d").exists()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_makefile_example_builds_once_and_rebuilds_on_change(tmp_path):
    shutil.copy(REPO / "examples" / "Makefile.example", tmp_path / "Makefile")
    (tmp_path / "model.py").write_text(MODEL, encoding="utf-8")
    make = ["make", f"MATGRADC={SCRIPT}", "FNS=quad logdet"]

    def run(*args):
        return subprocess.run(
            [*make, *args], cwd=tmp_path, capture_output=True, text=True, check=False
        )

    r = run()
    assert r.returncode == 0, r.stdout + r.stderr
    for name in ("grad_quad", "grad_logdet", "test_grad_quad", "test_grad_logdet"):
        assert (tmp_path / f"{name}.py").is_file()
    assert (tmp_path / "grad_quad.d").read_text() == "grad_quad.py test_grad_quad.py: model.py\n"
    check_quad(load(tmp_path / "grad_quad.py"))
    check_logdet(load(tmp_path / "grad_logdet.py"))
    assert run("-q").returncode == 0  # up to date: nothing to do
    assert run("check").returncode == 0
    # a changed model: stale for make and for --check
    (tmp_path / "model.py").write_text(MODEL.replace("SCALE = 2.0", "SCALE = 2.5"))
    for p in tmp_path.glob("grad_*.py"):  # older than the model
        os.utime(p, ns=(10**18, 10**18))
    assert run("-q").returncode == 1
    r = run("check")
    assert r.returncode != 0 and "stale" in r.stderr
    r = run()
    assert r.returncode == 0, r.stderr
    assert run("check").returncode == 0


# -- several functions per call ---------------------------------------------------------------
def test_several_functions_write_one_module_each(work, capsys):
    (work / "gen").mkdir()
    (work / "tests").mkdir()
    argv = ["model.py", "--fn", "quad,logdet", "-o", "gen", "--emit-test", "tests"]
    assert main(capsys, *argv, "-M", "gen/deps.d") == (0, "", "")
    assert sorted(p.name for p in (work / "gen").iterdir()) == [
        "deps.d",
        "grad_logdet.py",
        "grad_quad.py",
    ]
    assert sorted(p.name for p in (work / "tests").iterdir()) == [
        "test_grad_logdet.py",
        "test_grad_quad.py",
    ]
    assert (work / "gen" / "deps.d").read_text() == (
        "gen/grad_quad.py tests/test_grad_quad.py gen/grad_logdet.py tests/test_grad_logdet.py:"
        " model.py\n"
    )
    check_quad(load(work / "gen" / "grad_quad.py"))
    check_logdet(load(work / "gen" / "grad_logdet.py"))
    header = (work / "gen" / "grad_quad.py").read_text(encoding="utf-8")
    assert "matgradc model.py --fn quad,logdet -o gen --emit-test tests\n" in header
    assert main(capsys, *argv, "-M", "gen/deps.d", "--check")[0] == 0
    # the generated tests import their module from the other folder, and pass
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"\b\d+ passed\b", r.stdout) and "failed" not in r.stdout


def test_the_models_list_is_used_without_fn(work, capsys):
    marker = work / "EXECUTED"
    (work / "model.py").write_text(
        MODEL + f"\nopen({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8"
    )
    (work / "gen").mkdir()
    assert main(capsys, "model.py", "-o", "gen/") == (0, "", "")
    assert sorted(p.name for p in (work / "gen").iterdir()) == ["grad_logdet.py", "grad_quad.py"]
    check_quad(load(work / "gen" / "grad_quad.py"))
    assert not marker.exists()
    # the module's bytes are those of an explicit --fn list (only the header's command differs)
    assert main(capsys, "model.py", "--fn", "quad,logdet", "-o", "gen")[0] == 0
    assert "regenerate with\n    matgradc model.py --fn quad,logdet -o gen\n" in (
        work / "gen" / "grad_quad.py"
    ).read_text(encoding="utf-8")
    # a single --fn is a single output file, list or not
    assert main(capsys, "model.py", "--fn", "logdet", "-o", "one.py")[0] == 0
    check_logdet(load(work / "one.py"))


def test_several_functions_emit_ir_to_stdout(work, capsys):
    code, out, _ = main(capsys, "model.py", "--emit", "ir")
    assert code == 0
    assert re.findall(r"^# (\w+)$", out, re.MULTILINE) == ["quad", "logdet"]
    assert "grad A = %" in out and "grad S = %" in out


@pytest.mark.parametrize(
    "line, message",
    [
        ("__matgradc__ = names()", "must be a literal list"),
        ('__matgradc__ = ["quad", 3]', "only hold function names"),
        ('__matgradc__ = ["quad", "quad"]', "names `quad` twice"),
        ("__matgradc__ = []", "is empty"),
        ('__matgradc__ += ["quad"]', "must be assigned a literal list"),
        ('__matgradc__ = ["not a name"]', "is not a function name"),
    ],
)
def test_a_malformed_list_is_an_error_at_its_line(work, capsys, line, message):
    source = MODEL.replace('__matgradc__ = ["quad", "logdet"]', line)
    (work / "model.py").write_text(source, encoding="utf-8")
    (work / "gen").mkdir()
    code, _, err = main(capsys, "model.py", "-o", "gen")
    assert code == 1
    assert re.match(r"model\.py:3:\d+: error: ", err), err
    assert message in err.splitlines()[0]
    assert "hint: " in err
    assert list((work / "gen").iterdir()) == []


def test_no_fn_and_no_list(work, capsys):
    (work / "model.py").write_text(MODEL.replace("__matgradc__", "other"), encoding="utf-8")
    code, _, err = main(capsys, "model.py", "-o", "gen")
    assert code == 1
    assert err.startswith("model.py: error: no --fn given")
    assert "__matgradc__" in err


@pytest.mark.parametrize("output", [None, "file.py"])
def test_several_functions_need_an_existing_folder(work, capsys, output):
    (work / "file.py").write_text("x\n")
    code, _, err = main(
        capsys, "model.py", "--fn", "quad,logdet", *(["-o", output] if output else [])
    )
    assert code == 1
    assert "folder" in err.splitlines()[0] or "need -o DIR" in err
    assert (work / "file.py").read_text() == "x\n"


def test_errors_of_several_functions_are_reported_together(work, capsys):
    (work / "gen").mkdir()
    code, out, err = main(capsys, "model.py", "--fn", "quad,bad_call,nope,bad_if", "-o", "gen")
    assert code == 1 and out == ""
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 3, err
    assert re.match(r"model\.py:\d+:\d+: error: np\.fft\.fft is not", errors[0]), errors
    assert errors[1].startswith("model.py: error: no function `nope`")
    line = MODEL.splitlines().index("    if A:") + 1
    assert errors[2].startswith(f"model.py:{line}:8: error: a condition must be a scalar")
    assert err.count("hint: ") == 3
    assert err.splitlines()[-1] == "matgradc: 3 errors; nothing was written"
    assert list((work / "gen").iterdir()) == []  # not even the good function's module


def test_at_most_ten_errors_are_shown(work, capsys):
    bad = "".join(f"\n\ndef bad{k}(A):\n    return np.foo{k}(A)\n" for k in range(12))
    (work / "model.py").write_text(MODEL + bad, encoding="utf-8")
    names = ",".join(f"bad{k}" for k in range(12))
    (work / "gen").mkdir()
    code, _, err = main(capsys, "model.py", "--fn", names, "-o", "gen")
    assert code == 1
    shown = re.findall(r"error: np\.foo(\d+) is not", err)
    assert shown == [str(k) for k in range(10)]
    assert err.splitlines()[-1] == "matgradc: 12 errors (10 shown); nothing was written"


def test_a_syntax_error_is_reported_once(work, capsys):
    (work / "model.py").write_text(MODEL + "\ndef broken(:\n", encoding="utf-8")
    (work / "gen").mkdir()
    code, _, err = main(capsys, "model.py", "-o", "gen")
    assert code == 1
    assert err.count("error: invalid Python syntax") == 1, err


def test_warnings_name_their_function(work, capsys):
    source = MODEL + "\n\ndef amb(A, b):\n    return np.sum(A * b)\n"
    source = source.replace('["quad", "logdet"]', '["quad", "amb"]')
    (work / "model.py").write_text(source, encoding="utf-8")
    (work / "gen").mkdir()
    code, _, err = main(capsys, "model.py", "-o", "gen")
    assert code == 0
    assert re.search(r"^model\.py: warning: in `amb`: the shape of `b`", err, re.MULTILINE), err
    # --check is quiet when up to date
    assert main(capsys, "model.py", "-o", "gen", "--check") == (0, "", "")


# -- the command line itself ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv, fragment",
    [
        ([], "required: model"),
        (["model.py", "--bogus"], "unrecognized arguments: --bogus"),
        (["model.py", "--fn", "quad", "--emit", "html"], "invalid choice"),
        (["model.py", "--fn", "quad", "--dep", "x.d", "-o", "g.py"], "unrecognized"),
        (["model.py", "--fn", " , "], "--fn needs a function name"),
        (["model.py", "--fn", "a-b"], "is not a function name"),
        (["model.py", "--fn", "quad", "--emit", "ir", "-o", "g.py", "--emit-test", "t.py"], "ir"),
    ],
)
def test_usage_errors_exit_1_not_2(work, capsys, argv, fragment):
    code, out, err = main(capsys, *argv)
    assert code == 1, err
    assert out == ""
    assert err.startswith("usage: matgradc")
    assert "matgradc: error: " in err and fragment in err
    assert sorted(p.name for p in work.iterdir()) == ["model.py"]


def test_help_documents_the_build_flags(capsys):
    code, out, _ = main(capsys, "--help")
    assert code == 0
    for flag in ("--check", "-M DEPFILE", "--depfile", "--fn NAME[,NAME...]", "__matgradc__"):
        assert flag in out, flag
    assert re.search(r"^\s+matgradc model\.py --fn \w+,\w+ -o \S+/", out, re.MULTILINE)
    assert re.search(r"^\s+matgradc expr\b", out, re.MULTILINE)
    assert main(capsys, "--version") == (0, f"matgradc {matgradc.__version__}\n", "")


def test_console_script_check_and_depfile(work):
    """The installed command, as a build system runs it."""
    argv = [str(SCRIPT), *BUILD, "-M", "grad_quad.d"]
    r = captured(argv, work)
    assert r.returncode == 0, r.stderr
    r = captured([*argv, "--check"], work)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    (work / "model.py").write_text(MODEL + "\n# a comment changes the line numbers\n")
    r = captured([*argv, "--check"], work)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")  # same generated bytes
    (work / "model.py").write_text("# moved\n" + MODEL)  # every model line number moves
    r = captured([*argv, "--check"], work)
    assert r.returncode == 1 and r.stderr.startswith("matgradc: stale: grad_quad.py"), r.stderr


# -- matgradc expr ----------------------------------------------------------------------------------
def test_expr_without_the_calculator_is_a_clean_error(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matgradc.calculator", None)
    code, out, err = main(capsys, "expr", "tr(X)")
    assert (code, out) == (2, "")
    assert err == "matgradc: the expr calculator is not available in this version\n"


def test_expr_dispatches_to_the_calculator(capsys, monkeypatch):
    calls = []
    fake = types.ModuleType("matgradc.calculator")
    fake.main = lambda argv: calls.append(argv) or 7
    monkeypatch.setitem(sys.modules, "matgradc.calculator", fake)
    assert main(capsys, "expr", "d/dX", "tr(X)", "--fn")[0] == 7
    assert calls == [["d/dX", "tr(X)", "--fn"]]
    fake.main = lambda argv: None
    assert main(capsys, "expr")[0] == 0

    def broken(argv):
        raise RuntimeError("boom")

    fake.main = broken
    code, _, err = main(capsys, "expr", "x")
    assert code == 2 and "internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_a_model_file_called_expr_is_spelled_with_a_path(work, capsys):
    shutil.copy(work / "model.py", work / "expr")
    assert main(capsys, "./expr", "--fn", "quad", "-o", "g.py")[0] == 0
    check_quad(load(work / "g.py"))


def test_expr_via_subprocess(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "matgradc", "expr", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in r.stderr
    try:
        import matgradc.calculator  # noqa: F401
    except ModuleNotFoundError:
        assert r.returncode == 2
        assert r.stderr == "matgradc: the expr calculator is not available in this version\n"
    else:  # the calculator exists: its own --help
        assert r.returncode == 0, r.stderr
