"""pytest setup for the compiler's tests: the IR lint runs after every optimizer pass, and the
`work` fixture (a temporary working folder)."""

import os

import pytest

os.environ["MATGRADC_LINT"] = "1"  # compiler/lint.py: a malformed program fails the test


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A fresh temporary folder as the working directory (a module that needs a model file
    there overrides this fixture and writes it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
