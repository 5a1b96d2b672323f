"""matgradc: a source-to-source compiler for matrix calculus in Python."""

__version__ = "0.1.0"

# The API reads __version__ when it runs, so it is defined first.
from .api import (
    CompileError,
    compile_file,
    compile_source,
    grad,
    value_and_grad,
)

__all__ = [
    "CompileError",
    "__version__",
    "compile_file",
    "compile_source",
    "grad",
    "value_and_grad",
]
