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


def internal_imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at any depth (a function-level import is
    still an edge: deferring an import hides a cycle, it does not remove it)."""
    files = {
        ".".join(p.relative_to(ROOT / "compiler").with_suffix("").parts): p
        for p in (ROOT / "compiler").rglob("*.py")
    }
    modules = {m.removesuffix("__init__").rstrip(".") or "matgradc": p for m, p in files.items()}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        package = [p for p in package if p and p != "matgradc"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level == 0:
                continue
            base = package[: len(package) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                name = f"{target}.{alias.name}".lstrip(".")
                found = name if name in modules else target or "matgradc"
                if found in modules and found != mod:
                    edges[mod].add(found)
    return edges


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [a, b, ..., a], or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(edges[m]):
            if state.get(n) == 1:
                return stack[stack.index(n) :] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = 2
        stack.pop()
        return None

    for m in sorted(edges):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_in_the_compiler_package():
    edges = internal_imports()
    assert {"ir", "rules", "rules.base", "forms", "frontend"} <= set(edges)
    assert "ir" in edges["rules.base"] and "forms" in edges["rules.base"]  # edges are seen
    found = cycle(edges)
    assert found is None, "import cycle: " + " -> ".join(found)
