"""Error types that carry enough context for an analyst to fix their own input.

Every user mistake becomes a :class:`Diagnostic` (file, line, column, field path, message,
expectation, suggestion). Loaders collect all diagnostics of a file before raising, so one
run shows every problem instead of one per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")
_SEVERITY_NL = {"error": "fout", "warning": "waarschuwing"}
_SEVERITY_EN = {"error": "error", "warning": "warning"}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input, located as precisely as the input allows.

    `code` is stable (programs and tests match on it, never on the wording); `loc` is the
    path inside the document as a tuple; `message` is for people and may be reworded.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    expected: str | None = None
    suggestion: str | None = None
    severity: Severity = "error"
    code: str = "invalid"
    loc: tuple[str | int, ...] = ()

    def format(self, lang: str = "nl") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        names = _SEVERITY_EN if lang == "en" else _SEVERITY_NL
        text = f"{where}: {names[self.severity]}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.expected:
            text += f" ({'expected' if lang == 'en' else 'verwacht'}: {self.expected})"
        if self.suggestion:
            text += (f"; did you mean '{self.suggestion}'?" if lang == "en"
                     else f"; bedoelde u '{self.suggestion}'?")
        return text

    def to_dict(self) -> dict[str, Any]:
        """The stable, machine-readable form used by every `--format json` output."""
        return {
            "code": self.code, "severity": self.severity, "file": self.file,
            "line": self.line, "column": self.column, "loc": list(self.loc),
            "path": self.path, "message": self.message, "expected": self.expected,
            "suggestion": self.suggestion,
        }


class RiskmodelError(Exception):
    """Base class: everything riskmodel raises on purpose derives from this."""


class UserInputError(RiskmodelError):
    """The input (rules, profile, scenario, option) is wrong; the user can fix it."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=_diag_key)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class RuleError(UserInputError):
    """A rule file or the model manifest is invalid."""


class ProfileError(UserInputError):
    """A situation profile is invalid."""


class ScenarioError(UserInputError):
    """A scenario file is invalid."""


class OutputError(UserInputError):
    """The output location cannot be written (missing folder, a directory, no permission)."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__([Diagnostic(str(path), None, None, "output", message,
                                     code="output", loc=("output",))])


class EngineError(RiskmodelError):
    """The inference engine failed; never turned into an empty result."""


@dataclass
class DiagnosticList:
    """Accumulates diagnostics so that all problems of a file are reported together."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self, kind: type[UserInputError]) -> None:
        errors = [d for d in self.items if d.severity == "error"]
        if errors:
            raise kind(errors)


def _diag_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.file, d.line or 0, d.column or 0, d.path, d.message)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """Closest candidate, or None: typos in ids are the most common rule-writing mistake."""
    matches = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None
