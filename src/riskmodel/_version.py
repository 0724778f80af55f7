"""The version, in one place: pyproject reads it (hatch), the package and receipts import it."""

__version__ = "0.1.0"
