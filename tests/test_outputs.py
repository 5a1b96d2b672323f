"""What the command line does to files: outputs that would destroy an input or another output
are refused, outputs are written under a lock and all or nothing (a failed rename rolls back),
SIGINT and SIGTERM leave no temporaries, the depfile is a rule GNU make reads, and
`python -m matgradc` imports nothing from the working folder.

Most tests call `cli.main` in this process; the lock and signal tests run real processes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from helpers import central_gradient
from helpers import cli_main as main
from matgradc import compile_file, outputs
from matgradc.diagnostics import CompileError

MODEL = textwrap.dedent("""\
    import numpy as np


    def quad(A: "n,n", x: "n"):
        return 2.0 * (x @ A @ x) + np.sum(np.tanh(A))


    def other(A: "n,n", x: "n"):
        return np.sum(np.exp(A)) + x @ x
    """)


@pytest.fixture
def work(work):
    """conftest's working folder, holding MODEL as model.py."""
    (work / "model.py").write_text(MODEL, encoding="utf-8")
    return work


def snapshot(folder: Path) -> dict[str, tuple[str, bytes | None, int]]:
    """Every entry under `folder`: its kind, its bytes (regular files), its inode."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        kind = (
            "link"
            if p.is_symlink()
            else "dir"
            if p.is_dir()
            else "file"
            if p.is_file()
            else "special"
        )
        data = p.read_bytes() if kind == "file" else None
        out[str(p.relative_to(folder))] = (kind, data, st.st_ino)
    return out


def assert_refused(code: int, err: str, *fragments: str) -> None:
    assert code == 1, err
    lines = err.splitlines()
    assert "error: " in lines[0], err
    assert any(line.startswith("hint: ") for line in lines), err
    assert "Traceback" not in err
    for f in fragments:
        assert f in err, (f, err)


def check_quad(path: Path) -> None:
    """The module at `path` is the gradient of quad, checked by finite differences."""
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
    rng = np.random.default_rng(4)
    args = [rng.standard_normal((3, 3)), rng.standard_normal(3)]
    f = lambda A, x: 2.0 * (x @ A @ x) + np.sum(np.tanh(A))  # the model, by hand
    value, grads = namespace["value_and_grad_quad"](*args)
    assert np.isclose(value, f(*args))
    for k, g in enumerate(grads):
        np.testing.assert_allclose(g, central_gradient(f, args, k), rtol=1e-6, atol=1e-8)


# -- refused outputs ------------------------------------------------------------------------------
def _symlink_to_model(work: Path) -> str:
    (work / "link.py").symlink_to(work / "model.py")
    return "link.py"


def _hardlink_to_model(work: Path) -> str:
    os.link(work / "model.py", work / "hard.py")
    return "hard.py"


def _link_in_folder(work: Path) -> str:
    (work / "sub").mkdir()
    (work / "sub" / "up").symlink_to(work)
    return "sub/up/model.py"


@pytest.mark.parametrize(
    "make_path",
    [
        lambda work: "model.py",
        lambda work: "./model.py",
        lambda work: str(work / "model.py"),
        _symlink_to_model,
        _hardlink_to_model,
        _link_in_folder,
    ],
    ids=["same", "dot", "absolute", "symlink", "hardlink", "through-a-linked-folder"],
)
@pytest.mark.parametrize("option", ["-o", "--emit-test", "-M"])
def test_an_output_that_is_the_model_is_refused(work, capsys, make_path, option):
    path = make_path(work)
    argv = ["model.py", "--fn", "quad"]
    argv += ["-o", path] if option == "-o" else ["-o", "g.py", option, path]
    before = snapshot(work)
    code, out, err = main(capsys, *argv)
    assert_refused(code, err, f"{option} {path}", "the model")
    assert out == ""
    assert snapshot(work) == before  # the model intact, nothing written
    code, _, err = main(capsys, *argv, "--check")  # --check refuses it too
    assert_refused(code, err, "the model")


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["-o", "g.py", "--emit-test", "g.py"], "--emit-test g.py and -o g.py are the same file"),
        (["-o", "g.py", "-M", "g.py"], "-M g.py and -o g.py are the same file"),
        (["-o", "g.py", "--emit-test", "./g.py"], "are the same file"),
        (["-o", "g.py", "--emit-test", "t.py", "-M", "t.py"], "-M t.py and --emit-test t.py"),
    ],
)
def test_an_output_named_twice_is_refused(work, capsys, argv, fragment):
    (work / "g.py").write_bytes(b"# an earlier output\n")
    before = snapshot(work)
    code, _, err = main(capsys, "model.py", "--fn", "quad", *argv)
    assert_refused(code, err, fragment)
    assert snapshot(work) == before


def test_hard_links_between_outputs_are_the_same_file(work, capsys):
    (work / "g.py").write_bytes(b"# an earlier output\n")
    os.link(work / "g.py", work / "t.py")
    before = snapshot(work)
    code, _, err = main(capsys, "model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py")
    assert_refused(code, err, "are the same file")
    assert snapshot(work) == before


def test_several_functions_never_overwrite_the_model(work, capsys):
    """`-o DIR` writes DIR/grad_<fn>.py: a model of that name in DIR is refused."""
    (work / "gen").mkdir()
    shutil.move(work / "model.py", work / "gen" / "grad_quad.py")
    before = snapshot(work)
    code, _, err = main(capsys, "gen/grad_quad.py", "--fn", "quad,other", "-o", "gen")
    assert_refused(code, err, "-o gen/grad_quad.py is the model")
    assert snapshot(work) == before
    # and the test folder the same
    code, _, err = main(
        capsys, "gen/grad_quad.py", "--fn", "quad,other", "-o", ".", "--emit-test", "gen"
    )
    assert code == 0, err  # test_grad_quad.py is another name: fine
    assert (work / "gen" / "grad_quad.py").read_text(encoding="utf-8") == MODEL


def _fifo(work: Path) -> tuple[Path, str]:
    os.mkfifo(work / "pipe.py")
    return work / "pipe.py", "a FIFO"


def _socket(work: Path) -> tuple[Path, str]:
    s = socket.socket(socket.AF_UNIX)
    s.bind("sock.py")  # relative: tmp paths may be longer than a socket address allows
    s.close()
    return work / "sock.py", "a socket"


def _device(work: Path) -> tuple[Path, str]:
    """A character device like /dev/null (needs the right to create one: else skipped)."""
    try:
        os.mknod(work / "null.py", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot create a device node here")
    return work / "null.py", "a character device"


def _folder(work: Path) -> tuple[Path, str]:
    (work / "dir.py").mkdir()
    return work / "dir.py", "a folder"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize(
    "make", [_fifo, _socket, _device, _folder], ids=["fifo", "socket", "device", "folder"]
)
@pytest.mark.parametrize("option", ["-o", "--emit-test", "-M"])
def test_an_output_that_is_not_a_regular_file_is_refused(work, capsys, make, option):
    path, kind = make(work)
    name = path.name
    argv = ["model.py", "--fn", "quad"]
    argv += ["-o", name] if option == "-o" else ["-o", "g.py", option, name]
    before = snapshot(work)
    code, _, err = main(capsys, *argv)
    assert_refused(code, err, f"cannot write {name}: it is {kind}")
    assert snapshot(work) == before  # still a FIFO / socket / folder, and nothing else written
    code, _, err = main(capsys, *argv, "--check")  # --check does not read (or block on) it
    assert_refused(code, err, kind)


def test_a_symlink_output_to_another_file_is_replaced_not_followed(work, capsys):
    """An output that is a symlink (not to the model) is replaced by the new file; the file
    it pointed to is left alone."""
    (work / "elsewhere.py").write_bytes(b"# not ours\n")
    (work / "g.py").symlink_to(work / "elsewhere.py")
    assert main(capsys, "model.py", "--fn", "quad", "-o", "g.py")[0] == 0
    assert not (work / "g.py").is_symlink()
    assert (work / "elsewhere.py").read_bytes() == b"# not ours\n"
    check_quad(work / "g.py")


def test_compile_file_refuses_the_model_too(work):
    with pytest.raises(CompileError, match="the model"):
        compile_file("model.py", "quad", out="model.py")
    with pytest.raises(CompileError, match="same file"):
        compile_file("model.py", "quad", out="g.py", test="g.py")
    assert (work / "model.py").read_text(encoding="utf-8") == MODEL
    assert not (work / "g.py").exists()


# -- all or nothing -----------------------------------------------------------------------------
def fail_on_rename(monkeypatch, number: int) -> list[tuple[str, str]]:
    """os.replace fails (ENOSPC) on its `number`-th call from matgradc's writer."""
    calls: list[tuple[str, str]] = []
    real = os.replace

    def replace(src, dst, *a, **k):
        calls.append((os.fspath(src), os.fspath(dst)))
        if len(calls) == number:
            raise OSError(28, "No space left on device")
        return real(src, dst, *a, **k)

    monkeypatch.setattr(outputs.os, "replace", replace)
    return calls


@pytest.mark.parametrize("with_depfile", [False, True])
def test_a_failed_second_rename_restores_the_first_output(work, capsys, monkeypatch, with_depfile):
    old_module = b"# the previous module\r\n\x00\xff keep me byte for byte\n"
    (work / "g.py").write_bytes(old_module)
    os.chmod(work / "g.py", 0o640)
    inode = (work / "g.py").stat().st_ino
    calls = fail_on_rename(monkeypatch, 3 if with_depfile else 2)
    argv = ["model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py"]
    argv += ["-M", "g.d"] if with_depfile else []
    code, _, err = main(capsys, *argv)
    assert_refused(code, err, "No space left on device", "no output was changed")
    assert [Path(dst).name for _, dst in calls[:2]] == ["g.py", "t.py"]  # g.py was replaced
    assert (work / "g.py").read_bytes() == old_module  # ... and restored
    assert (work / "g.py").stat().st_ino == inode
    assert (work / "g.py").stat().st_mode & 0o777 == 0o640
    assert not (work / "t.py").exists() and not (work / "g.d").exists()  # new: removed again
    assert sorted(p.name for p in work.iterdir()) == ["g.py", "model.py"]  # no temporaries


def test_a_failed_rename_through_the_api_rolls_back(work, monkeypatch):
    (work / "g.py").write_bytes(b"old module\n")
    (work / "t.py").write_bytes(b"old test\n")
    fail_on_rename(monkeypatch, 2)
    with pytest.raises(CompileError, match="no output was changed"):
        compile_file("model.py", "quad", out="g.py", test="t.py")
    assert (work / "g.py").read_bytes() == b"old module\n"
    assert (work / "t.py").read_bytes() == b"old test\n"
    assert sorted(p.name for p in work.iterdir()) == ["g.py", "model.py", "t.py"]


def test_a_failed_restore_names_the_backup(work, capsys, monkeypatch):
    """If restoring fails too, the error says which file holds what, and keeps the backup."""
    (work / "g.py").write_bytes(b"old module\n")
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) >= 2:  # the second rename and the restore both fail
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace)
    code, _, err = main(capsys, "model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py")
    assert code == 1 and "restoring g.py" in err and "previous content is in" in err, err
    backup = err.split("previous content is in ")[1].split(")")[0]
    assert Path(backup).read_bytes() == b"old module\n"


def test_success_leaves_exactly_the_outputs(work, capsys):
    (work / "g.py").write_bytes(b"stale\n")
    argv = ["model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py", "-M", "g.d"]
    assert main(capsys, *argv)[0] == 0
    assert sorted(p.name for p in work.iterdir()) == ["g.d", "g.py", "model.py", "t.py"]
    check_quad(work / "g.py")


# -- processes: the lock and signals ------------------------------------------------------------
# A driver that runs the command line with one of matgradc's functions slowed down, so that a
# test can act while the command is in the middle of writing. It prints `ready` when there.
DRIVER = textwrap.dedent("""\
    import os, sys, time
    from matgradc import cli, outputs

    stage = sys.argv[1]
    argv = sys.argv[2:]

    def ready():
        print("ready", flush=True)
        deadline = time.monotonic() + 60
        while not os.path.exists("go") and time.monotonic() < deadline:
            time.sleep(0.02)

    if stage == "write":  # after the first temporary is written
        real_write = outputs._write
        def write(fd, data):
            real_write(fd, data)
            ready()
        outputs._write = write
    elif stage == "rename":  # after the first output was renamed into place
        real_replace = os.replace
        count = []
        def replace(src, dst):
            real_replace(src, dst)
            count.append(dst)
            if len(count) == 1:
                ready()
        outputs.os.replace = replace
    sys.exit(cli.main(argv))
    """)


def start(work: Path, stage: str, *argv: str) -> subprocess.Popen:
    (work / "driver.py").write_text(DRIVER, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(work / "driver.py"), stage, *argv],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(p: subprocess.Popen) -> None:
    line = p.stdout.readline()
    assert line == "ready\n", (line, p.stderr.read() if p.poll() is not None else "")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_write_leaves_no_temporaries(work, sig, status):
    (work / "g.py").write_bytes(b"old module\n")
    p = start(work, "write", "model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py")
    try:
        wait_ready(p)
        assert any(n.startswith(".matgradc-") for n in os.listdir(work))  # mid-write indeed
        p.send_signal(sig)
        _, err = p.communicate(timeout=60)
    finally:
        p.kill()
    assert p.returncode == status, err
    assert err.count("\n") == 1 and "Traceback" not in err, err  # one line
    assert err.startswith("matgradc: ") and "no output was changed" in err
    assert (work / "g.py").read_bytes() == b"old module\n"
    assert sorted(os.listdir(work)) == ["driver.py", "g.py", "model.py"]  # nor a lock file


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_signal_during_the_renames_waits_for_them(work):
    """SIGTERM between the two renames is held back until both are done: the outputs are all
    new (not a mix), and the message says so."""
    (work / "g.py").write_bytes(b"old module\n")
    (work / "t.py").write_bytes(b"old test\n")
    p = start(work, "rename", "model.py", "--fn", "quad", "-o", "g.py", "--emit-test", "t.py")
    try:
        wait_ready(p)  # g.py is new, t.py not yet
        p.send_signal(signal.SIGTERM)
        (work / "go").touch()
        _, err = p.communicate(timeout=60)
    finally:
        p.kill()
    assert p.returncode == 143 and err == "matgradc: terminated after the outputs were written\n"
    check_quad(work / "g.py")
    assert "value_and_grad_quad" in (work / "t.py").read_text(encoding="utf-8")
    assert sorted(os.listdir(work)) == ["driver.py", "g.py", "go", "model.py", "t.py"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_sigint_while_compiling_is_one_line(work):
    """Interrupted before writing: one line, exit 130, no traceback (here while starting up
    the compile: the driver waits inside the frontend)."""
    driver = DRIVER.replace(
        'if stage == "write":',
        'if stage == "compile":\n'
        "        from matgradc import frontend\n"
        "        real_build = frontend.build\n"
        "        def build(*a, **k):\n"
        "            ready()\n"
        "            return real_build(*a, **k)\n"
        "        frontend.build = build\n"
        'elif stage == "write":',
    )
    (work / "driver2.py").write_text(driver, encoding="utf-8")
    p = subprocess.Popen(
        [sys.executable, "driver2.py", "compile", "model.py", "--fn", "quad", "-o", "g.py"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_ready(p)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
    finally:
        p.kill()
    assert p.returncode == 130 and err == "matgradc: interrupted; no output was changed\n", err
    assert not (work / "g.py").exists()


@pytest.mark.skipif(os.name == "nt", reason="flock is POSIX")
def test_two_compiles_to_the_same_outputs_never_interleave(work):
    """A pauses between its two renames; B, compiling another model to the same outputs,
    must wait for A's lock. Without the lock B writes both files meanwhile and A's second
    rename leaves B's module beside A's test."""
    (work / "model2.py").write_text(
        MODEL.split("def quad")[0] + "def other" + MODEL.split("def other")[1]
    )
    outs = ["-o", "g.py", "--emit-test", "t.py"]
    a = start(work, "rename", "model.py", "--fn", "quad", *outs)
    b = None
    try:
        wait_ready(a)
        b = subprocess.Popen(
            [sys.executable, "-m", "matgradc", "model2.py", "--fn", "other", *outs],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:  # give B the time to finish if nothing stops it
            b.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        (work / "go").touch()
        assert a.wait(timeout=60) == 0, a.stderr.read()
        assert b.wait(timeout=60) == 0, b.stderr.read()
    finally:
        for p in (a, b):
            if p is not None:
                p.kill()
                p.communicate()
    module = (work / "g.py").read_text(encoding="utf-8")
    test = (work / "t.py").read_text(encoding="utf-8")
    # B ran last, and wrote both
    assert "def grad_other(" in module and "grad_other" in test, (module[:300], test[:300])
    assert "quad" not in module and "quad" not in test
    assert "model2.py" in module and "model2.py" in test
    assert not (work / outputs.LOCK_NAME).exists()


def test_the_lock_is_taken_and_removed(work):
    """locked() holds an exclusive flock on a lock file in each output folder, removes it."""
    fcntl = pytest.importorskip("fcntl")
    (work / "sub").mkdir()
    with outputs.locked(["g.py", "sub/t.py", "h.py"]):
        for lock in (work / outputs.LOCK_NAME, work / "sub" / outputs.LOCK_NAME):
            fd = os.open(lock, os.O_RDWR)
            try:
                with pytest.raises(BlockingIOError):
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            finally:
                os.close(fd)
    assert not (work / outputs.LOCK_NAME).exists()
    assert not (work / "sub" / outputs.LOCK_NAME).exists()


# -- the depfile ----------------------------------------------------------------------------------
MAKEFILE = "include dep.d\n%.py:\n\t@echo remake $@\n"


def make_n(work: Path, target: str) -> subprocess.CompletedProcess:
    """`make -n -f Makefile -- TARGET` in `work`."""
    return subprocess.run(
        ["make", "-n", "-f", "Makefile", "--", target],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )


def make_sees(work: Path, target: str) -> tuple[str, str, str]:
    """What `make -n` says about `target` when it is newer than the model, older, and when
    the model is missing: it must know the rule the depfile states."""

    def run():
        r = make_n(work, target)
        return r.stdout + r.stderr

    t = work / target
    os.utime(t, (2e9, 2e9))
    fresh = run()
    os.utime(t, (1e9, 1e9))
    stale = run()
    return fresh, stale, run()


NAMES = [
    "g:x.py",
    "g x.py",
    "g#x.py",
    "g%x.py",
    "g*x.py",
    "g?x.py",
    "g[x].py",
    "g|x.py",
    "g$x.py",
    "~g.py",
    "g\\x.py",
    "g\\ x.py",
    "g&(x)'\"!.py",
]


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("as_model", [False, True], ids=["output", "model"])
def test_the_depfile_is_a_rule_make_reads(work, capsys, name, as_model):
    model = name if as_model else "model.py"
    out = "g.py" if as_model else name
    if as_model:
        shutil.move(work / "model.py", work / name)
    (work / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    code, _, err = main(capsys, model, "--fn", "quad", "-o", out, "-M", "dep.d")
    assert code == 0, err
    fresh, stale, _ = make_sees(work, out)
    assert "up to date" in fresh and "remake" not in fresh, fresh
    assert "remake" in stale, stale  # the model is newer: make knows it
    os.unlink(work / model)
    gone = make_n(work, out)
    assert "remake" in gone.stdout, gone.stdout + gone.stderr  # no other target was read


def test_g_colon_x(work, capsys):
    """The case of the issue: `-o g:x.py -M dep.d`."""
    assert main(capsys, "model.py", "--fn", "quad", "-o", "g:x.py", "-M", "dep.d")[0] == 0
    assert (work / "dep.d").read_text(encoding="utf-8") == "g\\:x.py: model.py\n"


@pytest.mark.parametrize("name", ["g;x.py", "g=x.py", "g\tx.py", "g\nx.py", "gx\\"])
def test_a_path_make_cannot_read_is_refused(work, capsys, name):
    before = snapshot(work)
    code, _, err = main(capsys, "model.py", "--fn", "quad", "-o", name, "-M", "dep.d")
    assert_refused(code, err, "cannot write a Make rule")
    assert snapshot(work) == before


# -- python -m matgradc ---------------------------------------------------------------------------
SHADOWS = [
    "jinja2",
    "tempfile",
    "numpy",
    "argparse",
    "shlex",
    "signal",
    "fcntl",
    "ast",
    "inspect",
    "tokenize",
    "typing",
    "dataclasses",
    "black",
    "secrets",
    "textwrap",
]


def test_python_m_imports_nothing_from_the_working_folder(work):
    for name in SHADOWS:
        (work / f"{name}.py").write_text(
            f"raise SystemExit('imported {name}.py from the working folder')\n", encoding="utf-8"
        )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    r = subprocess.run(
        [sys.executable, "-m", "matgradc", "model.py", "--fn", "quad", "-o", "g.py"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "imported" not in r.stderr
    check_quad(work / "g.py")
