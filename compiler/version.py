"""The version of matgradc, one place for the package, the CLI and the generated headers."""

__version__ = "0.1.0"
