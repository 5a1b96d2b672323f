"""What the compiler imports is what a plain `pip install matgradc` installs: every
third-party module that compiler/ imports, at any depth (sympy for `--emit ir` and
`--latex`, issue 13), is a required dependency in pyproject.toml. The installed wheel itself
is exercised by tests/test_wheel.py."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# imported only where the model itself uses them, guarded (DESIGN.md: scipy is optional at run
# time); none today
OPTIONAL: set[str] = set()


def required() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    deps = re.search(r"^dependencies = \[(.*?)\]", text, re.MULTILINE | re.DOTALL)
    assert deps, "no [project] dependencies in pyproject.toml"
    return {
        re.split(r"[<>=!~ \[]", d.strip().strip('"'))[0] for d in deps[1].split(",") if d.strip()
    }


def imported() -> dict[str, str]:
    """Top-level third-party module -> a file that imports it."""
    out: dict[str, str] = {}
    for path in sorted((ROOT / "compiler").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "matgradc":
                    out.setdefault(top, str(path.relative_to(ROOT)))
    return out


def test_every_module_the_compiler_imports_is_a_required_dependency():
    missing = {m: f for m, f in imported().items() if m not in required() | OPTIONAL}
    assert not missing, f"imported but not in pyproject's dependencies: {missing}"


def test_sympy_is_required_for_the_ir_and_latex():
    assert "sympy" in required()
    assert "sympy" in imported()
