"""Where a value came from: the bottom layer every stage uses to point back into a file.

A `SourceDoc` is plain data plus a map from field path (`Loc`) to line and column, so that a
problem found in any later stage can still name file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, Severity, make_diagnostic

Loc = tuple[str | int, ...]


@dataclass
class SourceDoc:
    """Plain data of one file plus where each path sits in it."""

    file: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    raw: bytes = b""

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """Nearest known position: an error deep in a value points at its closest parent."""
        probe = tuple(loc)
        while True:
            if probe in self.positions:
                return self.positions[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]

    def diagnostic(
        self,
        loc: Loc,
        message: Msg | str,
        *,
        code: DiagnosticCode,
        expected: Msg | str | None = None,
        suggestion: str | None = None,
        severity: Severity = "error",
    ) -> Diagnostic:
        """A diagnostic at `loc` in this document; `code` is required (see errors.CODES)."""
        line, col = self.position(loc)
        return make_diagnostic(
            self.file, line, col, format_loc(loc), message, code=code, expected=expected,
            suggestion=suggestion, severity=severity, loc=tuple(loc),
        )


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def display_path(path: Path | str) -> str:
    """Relative to the working directory when possible, so messages stay short and clickable."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside cwd, NUL in the path, symlink loop
        return str(p)
