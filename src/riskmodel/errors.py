"""Error types that carry enough context for an analyst to fix their own input.

Every user mistake becomes a :class:`Diagnostic` (file, line, column, field path, message,
expectation, suggestion). Loaders collect all diagnostics of a file before raising, so one
run shows every problem instead of one per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic_core import PydanticCustomError

from riskmodel.messages import LANGS, t

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")

#: The stable codes of diagnostics: programs and tests match on these, never on the wording.
#: A code is never renamed or reused; docs/errors.md lists them with an example each.
DiagnosticCode = Literal[
    # reading a file
    "not-found", "not-a-file", "unreadable", "encoding", "yaml-syntax", "duplicate-key",
    "unsafe-yaml", "no-input",
    # the shape of a document
    "unknown-key", "missing-key", "type", "range", "pattern", "unknown-value", "inconsistent",
    "invalid",
    # the model's vocabulary and ids
    "unknown-fact", "unknown-reference", "duplicate-id", "outside-model", "overlay",
    # the situation described
    "personal-data", "date-order", "future-observation", "unsafe-text",
    # `riskmodel check` findings
    "engine-limit", "lint", "analysis", "unverified", "protected-ground", "kind-mismatch",
    # arguments of an API call or command, output and internal trouble
    "unknown-engine", "unknown-id", "unknown-language", "model-mismatch", "output", "internal",
    # limits on the size and shape of any input
    "too-large",
]

#: One line per code: what it means. Kept in step with `DiagnosticCode` by a test.
CODES: dict[str, str] = {
    "not-found": "a file or directory that was named does not exist",
    "not-a-file": "a directory (or other non-file) where a file was expected",
    "unreadable": "the file exists but cannot be read (permissions, invalid path)",
    "encoding": "not UTF-8 text, or binary content (NUL or control characters)",
    "yaml-syntax": "not well-formed YAML or JSON",
    "duplicate-key": "the same key twice in one mapping",
    "unsafe-yaml": "YAML tags (!!python/...) or anchors/aliases, which are refused",
    "no-input": "a directory without any input files of the expected kind",
    "unknown-key": "a key the schema does not know (often a typo; see suggestion)",
    "missing-key": "a required key is absent",
    "type": "a value of the wrong type (text for a number, a list for a mapping, ...)",
    "range": "a number, length or precision outside its allowed bounds",
    "pattern": "text that does not have the required form (ids, BAG ids, ECLI, ...)",
    "unknown-value": "a value that is not one of the allowed values (see expected)",
    "inconsistent": "values that are each valid but do not fit together",
    "invalid": "any other schema violation (catch-all; should be rare)",
    "unknown-fact": "a fact id the model does not define",
    "unknown-reference": "an id of an indicator, phenomenon, level, register, status, "
                         "intervention or register item that does not exist",
    "duplicate-id": "an id (or file, name, value) defined twice",
    "outside-model": "a rule file listed in the manifest lies outside the model directory",
    "overlay": "a regional overlay does not fit its base model",
    "personal-data": "something that identifies a person (name, BSN, birth date, contact)",
    "date-order": "an end date before its start date",
    "unsafe-text": "a control character, terminal escape sequence or bidi override in a text "
                   "value of a profile",
    "future-observation": "an observation dated after the assessment date (peildatum)",
    "engine-limit": "the compiled model exceeds a limit of the durable-rules engine",
    "lint": "a warning of `riskmodel check` about the model (unused fact, unreachable level)",
    "analysis": "a static-analysis warning (a rule that can never or always fire)",
    "unverified": "a legal basis nobody has verified against its source",
    "protected-ground": "a fact, value or indicator about a protected ground (nationality, "
                        "origin, religion, ...) without a victim-protection justification",
    "kind-mismatch": "a fact used for a kind of situation (soort) it does not apply to: an "
                     "error in a model's gate, trigger, flag or definition, a warning in a "
                     "profile",
    "unknown-engine": "an engine name that does not exist",
    "unknown-id": "an id asked for (e.g. to explain) that does not occur in the result",
    "unknown-language": "a language code that is not supported",
    "model-mismatch": "an assessment rendered with another model than the one that made it",
    "output": "the output location cannot be written",
    "internal": "riskmodel itself failed on this input; please report it",
    "too-large": "an input beyond a size limit (file size, nesting depth, text length, list "
                 "length, number of keys); see RISKMODEL_LIMITS",
}

#: no message shows more than this many characters of a value from the input
MAX_SHOWN = 80


def clip(value: Any, limit: int = MAX_SHOWN) -> str:
    """`repr(value)`, cut to `limit` characters: a message never echoes a long value in full."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[: limit - 5]) + "..."
    if isinstance(value, dict | list | tuple | set) and len(value) > limit:
        return f"<{type(value).__name__} ({len(value)})>"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True)
class Msg:
    """A catalogue text not yet rendered: key in `riskmodel.messages` plus its parameters.

    A diagnostic keeps its message and expectation as `Msg`, so it can be shown in any
    language after the fact.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "nl") -> str:
        params = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return t(self.key, lang, **params)


def msg(key: str, /, **params: Any) -> Msg:
    """`Msg` for the diagnostics section of the catalogue (`diag.` + key)."""
    return Msg(f"diag.{key}", params)


def custom_error(code: DiagnosticCode, key: str, /, **params: Any) -> PydanticCustomError:
    """For model validators: the pydantic error type becomes the diagnostic code and the
    message stays translatable (see `load.diagnostics.from_validation_error`).

    Parameters named `suggestion` are shown as 'did you mean'.
    """
    return PydanticCustomError(code, msg(key, **params).render("nl"),
                               {"msg": f"diag.{key}", **params})


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input, located as precisely as the input allows.

    `code` is stable (programs and tests match on it, never on the wording; see `CODES`);
    `loc` is the path inside the document as a tuple; `message` is the Dutch text for people
    and may be reworded. When `text` / `expected_text` are set (catalogue messages), `format`
    and `to_dict` render them in the language asked for.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    expected: str | None = None
    suggestion: str | None = None
    severity: Severity = "error"
    code: DiagnosticCode = "invalid"
    loc: tuple[str | int, ...] = ()
    text: Msg | None = field(default=None, compare=False, repr=False)
    expected_text: Msg | None = field(default=None, compare=False, repr=False)

    def message_in(self, lang: str = "nl") -> str:
        return self.text.render(lang) if self.text is not None else self.message

    def expected_in(self, lang: str = "nl") -> str | None:
        return self.expected_text.render(lang) if self.expected_text is not None else self.expected

    def format(self, lang: str = "nl") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {t('diag.severity.' + self.severity, lang)}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message_in(lang)
        expected = self.expected_in(lang)
        if expected:
            text += f" ({t('diag.expected_label', lang)}: {expected})"
        if self.suggestion:
            text += t("diag.did_you_mean", lang, suggestion=self.suggestion)
        return text

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The stable, machine-readable form used by every `--format json` output."""
        return {
            "code": self.code, "severity": self.severity, "file": self.file,
            "line": self.line, "column": self.column, "loc": list(self.loc),
            "path": self.path, "message": self.message_in(lang),
            "expected": self.expected_in(lang), "suggestion": self.suggestion,
        }


def make_diagnostic(
    file: str,
    line: int | None,
    column: int | None,
    path: str,
    message: Msg | str,
    *,
    code: DiagnosticCode,
    expected: Msg | str | None = None,
    suggestion: str | None = None,
    severity: Severity = "error",
    loc: tuple[str | int, ...] = (),
) -> Diagnostic:
    """A diagnostic whose message (and expectation) may be catalogue texts (`Msg`)."""
    return Diagnostic(
        file=file, line=line, column=column, path=path,
        message=message.render("nl") if isinstance(message, Msg) else message,
        expected=expected.render("nl") if isinstance(expected, Msg) else expected,
        suggestion=suggestion, severity=severity, code=code, loc=tuple(loc),
        text=message if isinstance(message, Msg) else None,
        expected_text=expected if isinstance(expected, Msg) else None,
    )


def is_code(value: str) -> bool:
    return value in get_args(DiagnosticCode)


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

    #: the operating system's error number when a write failed (ENOSPC for a full disk)
    errno: int | None = None

    def __init__(self, path: Path | str, message: Msg | str) -> None:
        super().__init__([make_diagnostic(str(path), None, None, "output", message,
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
    """Closest candidate, or None: typos in ids are the most common rule-writing mistake.

    Long words get no suggestion: nobody mistypes an id as a paragraph, and comparing one
    with every candidate takes time."""
    if len(str(word)) > 2 * MAX_SHOWN:
        return None
    matches = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def require_lang(lang: str) -> str:
    """`lang` if it is one of the catalogue's languages; otherwise a UserInputError with code
    `unknown-language` (said in every language we have, since we do not know the user's)."""
    if lang in LANGS:
        return lang
    langs = ", ".join(LANGS)
    message = " / ".join(t("cli.unknown_language", la, lang=lang) for la in LANGS)
    expected = " / ".join(t("cli.languages_expected", la, langs=langs) for la in LANGS)
    raise UserInputError([Diagnostic("<lang>", None, None, "lang", message, expected=expected,
                                     code="unknown-language", loc=("lang",))])
