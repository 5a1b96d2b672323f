"""The README's table of calls is generated from the rules table: they cannot drift."""

from __future__ import annotations

from pathlib import Path

from matgradc.rules import language

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_lists_exactly_the_calls_of_the_rules_table():
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- language: generated from compiler/rules")
    start = text.index("\n", start) + 1
    end = text.index("<!-- end of language -->")
    assert text[start:end] == language(), "regenerate the table with matgradc.rules.language()"
