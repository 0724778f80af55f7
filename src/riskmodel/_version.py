"""The one place the package version is written; hatch reads it for the wheel metadata."""

__version__ = "0.1.0"
