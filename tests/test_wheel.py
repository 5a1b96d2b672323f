"""The wheel works outside the repo: build it, install it into a fresh virtual environment
in a temporary folder, compile examples/covariance.py there with that environment's
`matgradc`, and run the generated module with that environment's python.

This proves the templates ship inside the package (matgradc.templates), not only in an
editable install. pip fetches numpy/jinja2/black from the configured indexes (network).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# What a build needs is the project's files; build, dist, caches and venvs are left out so a
# stale build/ folder (or another process building in the repo) cannot mask a packaging bug.
IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "generated",
    "tests",
)


WHERE = (
    "import importlib.resources as r, matgradc\n"
    "print(matgradc.__file__)\n"
    "print(r.files('matgradc.templates'))\n"
)


def _env() -> dict[str, str]:
    """The environment without anything that would point python at the repo or its venv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")
    }
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _run(cmd: list, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    r = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert r.returncode == 0, f"{cmd} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
    return r


def _bin(venv: Path, name: str) -> Path:
    return (
        venv
        / ("Scripts" if os.name == "nt" else "bin")
        / (name + (".exe" if os.name == "nt" else ""))
    )


def test_installed_wheel_compiles_and_runs_outside_the_repo(tmp_path):
    assert REPO not in tmp_path.resolve().parents, "tmp_path must be outside the repo"

    # 1. Build the wheel from a clean copy of the repo's sources.
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=IGNORE)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, src], cwd=tmp_path)
    wheels = list(dist.glob("matgradc-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as z:
        names = set(z.namelist())
    assert {"matgradc/cli.py", "matgradc/shapes.py", "matgradc/calculator/cli.py"} <= names
    assert {"matgradc/templates/module.py.j2", "matgradc/templates/test_module.py.j2"} <= names
    assert not any(n.startswith(("compiler/", "templates/")) for n in names), names

    # 2. Install it into a fresh virtual environment; remove the sources so nothing can
    #    fall back on them.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    py = _bin(venv, "python")
    _run([py, "-m", "pip", "install", "--quiet", wheels[0]], cwd=tmp_path, timeout=600)
    shutil.rmtree(src)
    where = _run(
        [py, "-c", WHERE],
        cwd=tmp_path,
    ).stdout.splitlines()
    for location in where:
        path = Path(location).resolve()
        assert venv.resolve() in path.parents, where
        assert REPO not in path.parents, where

    # 3. Compile the example with the installed console script, in a folder outside the repo.
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(REPO / "examples" / "covariance.py", work / "covariance.py")
    r = _run(
        [
            _bin(venv, "matgradc"),
            "covariance.py",
            "--fn",
            "covariance",
            "-o",
            "grad_covariance.py",
            "--emit-test",
            "test_grad_covariance.py",
        ],
        cwd=work,
    )
    assert "Traceback" not in r.stderr
    assert (work / "grad_covariance.py").is_file()
    assert (work / "test_grad_covariance.py").is_file()
    text = (work / "grad_covariance.py").read_text(encoding="utf-8")
    imports = [line for line in text.splitlines() if line.startswith(("import ", "from "))]
    assert imports == ["import numpy as np"], imports

    # 3b. What needs sympy (symbolic sizes, LaTeX) works on the plain install (issue 13).
    ir = _run([_bin(venv, "matgradc"), "covariance.py", "--fn", "covariance", "--emit", "ir"], work)
    assert "Traceback" not in ir.stderr and ir.stdout.strip(), ir.stderr
    tex = _run([_bin(venv, "matgradc"), "expr", "inv(X)", "--latex"], work).stdout
    assert r"\otimes" in tex and "Jacobian: -np.kron(inv(X), inv(X).T)" in tex, tex

    # 4. The generated module runs under the fresh environment's python, and its gradient
    #    matches central finite differences of its own value on random SPD data.
    check = textwrap.dedent("""
        import numpy as np
        import grad_covariance as m

        rng = np.random.default_rng(2024)
        n = 4
        S = rng.standard_normal((n, n))
        a = rng.standard_normal((n, n))
        Sigma = a @ a.T + n * np.eye(n)
        args = [S, Sigma]
        g = m.grad_covariance(S, Sigma)
        assert len(g) == 2, g
        value, grads = m.value_and_grad_covariance(S, Sigma)
        assert np.isclose(value, m.covariance(S, Sigma))
        h = 1e-6
        for k in range(2):
            assert g[k].shape == (n, n)
            np.testing.assert_array_equal(g[k], grads[k])
            fd = np.zeros((n, n))
            for i in range(n):
                for j in range(n):
                    d = np.zeros((n, n))
                    d[i, j] = h
                    plus, minus = list(args), list(args)
                    plus[k], minus[k] = args[k] + d, args[k] - d
                    fd[i, j] = (m.covariance(*plus) - m.covariance(*minus)) / (2 * h)
            np.testing.assert_allclose(g[k], fd, rtol=1e-5, atol=1e-8)
        print("gradient ok", float(np.abs(g[1]).max()))
        """)
    (work / "check.py").write_text(check, encoding="utf-8")
    out = _run([py, "check.py"], cwd=work).stdout
    assert out.startswith("gradient ok"), out
