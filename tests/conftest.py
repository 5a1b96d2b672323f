"""pytest setup for the compiler's tests: the IR lint runs after every optimizer pass."""

import os

os.environ["MATGRADC_LINT"] = "1"  # compiler/lint.py: a malformed program fails the test
