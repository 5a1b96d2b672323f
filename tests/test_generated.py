"""Golden files: generated/ is exactly what the compiler produces from examples/, the output
is deterministic, imports only numpy, and passes black and ruff."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import black
import pytest
from matgradc import cli

ROOT = Path(__file__).resolve().parent.parent


def manifest() -> list[list[str]]:
    lines = (ROOT / "examples" / "manifest.txt").read_text().splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def argv(entry: list[str]) -> list[str]:
    model, fn, *extra = entry
    return [
        f"examples/{model}",
        "--fn",
        fn,
        *extra,
        "-o",
        f"generated/grad_{fn}.py",
        "--emit-test",
        f"generated/test_grad_{fn}.py",
    ]


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("entry", manifest(), ids=lambda e: e[1])
def test_generated_files_are_up_to_date(entry, at_root):
    files, _, _ = cli.render(argv(entry))
    assert len(files) == 2
    for path, text in files:
        committed = (ROOT / path).read_text()
        assert committed == text, f"{path} is stale: run `make generate`"


@pytest.mark.parametrize("entry", manifest(), ids=lambda e: e[1])
def test_output_is_deterministic(entry, at_root):
    first, _, _ = cli.render(argv(entry))
    second, _, _ = cli.render(argv(entry))
    assert first == second


def test_every_example_is_generated():
    fns = {e[1] for e in manifest()}
    on_disk = {p.name[len("grad_") : -3] for p in (ROOT / "generated").glob("grad_*.py")}
    assert fns == on_disk
    assert len(fns) >= 7


@pytest.mark.parametrize(
    "path", sorted((ROOT / "generated").glob("grad_*.py")), ids=lambda p: p.name
)
def test_generated_module_imports_only_numpy(path):
    """numpy, plus exactly the scipy modules the model itself imports."""
    text = path.read_text()
    imports = re.findall(r"^[ \t]*(?:import|from)[ \t]+.*$", text, re.MULTILINE)
    source = (ROOT / re.search(r"from (examples/\w+\.py)", text).group(1)).read_text()
    model_scipy = {
        a or b
        for a, b in re.findall(
            r"^(?:import (scipy[\w.]*)|from (scipy[\w.]*) import .*)$", source, re.MULTILINE
        )
    }
    expected = ["import numpy as np"] + [f"import {m}" for m in sorted(model_scipy)]
    assert imports == expected

    assert not re.search(r"\b(eval|exec|open|__import__)\(", text)


@pytest.mark.parametrize("path", sorted((ROOT / "generated").glob("*.py")), ids=lambda p: p.name)
def test_generated_code_is_black_formatted(path):
    text = path.read_text()
    assert black.format_str(text, mode=black.Mode()) == text


def test_code_passes_ruff():
    """The generated code, and the compiler, its tests and examples with it."""
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run(
        [str(ruff), "check", "--no-cache", "generated", "compiler", "tests", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "path", sorted((ROOT / "generated").glob("grad_*.py")), ids=lambda p: p.name
)
def test_every_statement_names_its_source_line(path):
    body = path.read_text().split('"""', 2)[2]
    contract = r"\ndef _check_args\(.*?\n    return out\n"  # the argument contract's helper
    body = re.sub(contract, "\n", body, flags=re.DOTALL)
    source = re.compile(r"^(\s+)# (grad of |Hessian of )?examples/\w+\.py:\d+$")
    current = None  # (indent, comment) of the run the next statement belongs to
    for line in body.splitlines():
        end = re.match(r"^(\s+)(return|raise)\b", line)  # the end of a path, not a block's
        if line.startswith("def ") or (end and current and end.group(1) <= current[0]):
            current = None  # a new function, or a path ended: the next run is headed anew
        elif source.match(line):
            # one comment per run: a run never repeats the comment that heads it
            assert (source.match(line).group(1), line.strip()) != current, line
            current = (source.match(line).group(1), line.strip())
        elif re.match(r"^\s+\w+(, \w+)* = ", line) and "_check_args(" not in line:
            assert current is not None, line


@pytest.mark.parametrize(
    "path", sorted((ROOT / "generated").glob("grad_*.py")), ids=lambda p: p.name
)
def test_temporaries_are_numbered_top_down(path):
    """t1, t2, ... first appear in that order in the module as written (after scheduling)."""
    names = [
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
        if tok.type == tokenize.NAME and re.fullmatch(r"t\d+", tok.string)
    ]
    first = list(dict.fromkeys(names))
    assert [int(n[1:]) for n in first] == sorted(int(n[1:]) for n in first), first
