"""matgradc: a source-to-source compiler for matrix calculus in Python."""

from .version import __version__

__all__ = [
    "CompileError",
    "__version__",
    "compile_file",
    "compile_source",
    "grad",
    "value_and_grad",
]

# The API is imported on first use (PEP 562), so that importing the package imports nothing
# else: `python -m matgradc` can then drop the working folder from sys.path before any other
# module is imported (see __main__.py).
_API = ("CompileError", "compile_file", "compile_source", "grad", "value_and_grad")


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
