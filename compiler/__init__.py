"""matgradc: a source-to-source compiler for matrix calculus in Python."""

from .api import CompileError, compile_source

__version__ = "0.1.0"
__all__ = ["CompileError", "__version__", "compile_source"]
