"""One table row becomes one profile, checked exactly like a profile file.

A row is turned into the same mapping a YAML profile gives (``feiten: {feit: {waarde, bron,
datum}}``) with typed values, then goes through `check.profile.profile_from_doc`: personal
data, unsafe text, the schema and the vocabulary, with the same codes as single profiles. Its
`SourceDoc` places every field at (row, column), and each diagnostic becomes an `ErrorRecord`
that names the row number and the column an analyst has to fix.

This is THE row rule: the batch reference path, the vectorised evaluator's reference
(`vector_reference`) and the regional picture all turn rows into profiles here. Cells are text
(the readers make them so; a typed cell, e.g. from a Parquet frame, is first written as text by
`to_text`, as the Parquet reader does). Yes/no: ``true/false/1/0`` and the yes/no words the
value normaliser knows (`model.values.BOOL_WORDS`: ``ja/nee/j/waar/onwaar/yes/no/y/n/on/off``),
any case; ``;`` between the values of a list (a lone ``;`` is the empty list); numbers as
digits (a single Dutch decimal comma is read as a point); ISO dates; an empty cell or
``onbekend`` is unknown. A cell that does not parse is passed on as text, so the vocabulary
check words the problem (expected values, "did you mean") as it would for a file. A column
that is no fact (nor an id, optional or ``__bron``/``__datum`` column) is refused by name on
every row where it has a value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from riskmodel.batch.columns import (
    DATE_SUFFIX,
    FILE_COLUMN,
    ID_COLUMNS,
    LIST_SEPARATOR,
    OPTIONAL_COLUMNS,
    ROW_COLUMN,
    SOURCE_SUFFIX,
    is_unknown,
)
from riskmodel.check.profile import profile_from_doc
from riskmodel.errors import Diagnostic, ProfileError
from riskmodel.messages import t
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Fact
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import BOOL_WORDS
from riskmodel.source import Loc, SourceDoc

#: a yes/no cell (lower case, stripped) -> its boolean: true/false/1/0 and the normaliser's words
BOOL_CELLS: dict[str, bool] = {"true": True, "false": False, "1": True, "0": False,
                               **{w: b == "true" for w, b in BOOL_WORDS.items()}}
TRUE_WORDS = frozenset(w for w, b in BOOL_CELLS.items() if b)
FALSE_WORDS = frozenset(w for w, b in BOOL_CELLS.items() if not b)
_BAG_ID = re.compile(r"\d{16}")
#: the fields of one entry under `feiten` and the column suffix each comes from
_PARTS = {"waarde": "", "bron": SOURCE_SUFFIX, "datum": DATE_SUFFIX}
ERROR_FIELDS: tuple[str, ...] = ("row", "id", "column", "code", "message", "expected",
                                 "suggestion", "file")


@dataclass(frozen=True)
class ErrorRecord:
    """One problem with one row: where (row number as the file shows it, column), which
    situation (id, when the row has one), the stable code and the words for people."""

    row: int
    id: str | None
    column: str | None
    code: str
    message: str
    expected: str | None
    suggestion: str | None
    file: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def where(self, lang: str) -> str:
        if self.column:
            return t("batch.where_column", lang, file=self.file, row=self.row,
                     column=self.column)
        return t("batch.where_row", lang, file=self.file, row=self.row)

    def format(self, lang: str) -> str:
        """One line for people, in the style of every other diagnostic."""
        text = f"{self.where(lang)}: {t('diag.severity.error', lang)}: {self.message}"
        if self.expected:
            text += f" ({t('diag.expected_label', lang)}: {self.expected})"
        if self.suggestion:
            text += t("diag.did_you_mean", lang, suggestion=self.suggestion)
        return text


def record_from(d: Diagnostic, *, row: int, row_id: str | None, file: str, lang: str,
                column: str | None = None) -> ErrorRecord:
    """An ErrorRecord from a diagnostic about a row (its column taken from the field path;
    a missing key is placed at its parent, so its name comes from the message)."""
    if column is None:
        column = column_of(d.loc)
        if d.code == "missing-key" and d.text is not None and "name" in d.text.params:
            missing = str(d.text.params["name"])
            column = missing if column is None else column_of((*d.loc, missing))
    return ErrorRecord(row=row, id=row_id, column=column, code=d.code, message=d.message_in(lang),
                       expected=d.expected_in(lang), suggestion=d.suggestion, file=file)


def column_of(loc: Loc) -> str | None:
    """The input column a field path of the profile mapping came from."""
    if not loc:
        return None
    if loc[0] == "feiten" and len(loc) >= 2:
        part = str(loc[2]) if len(loc) > 2 else "waarde"
        return str(loc[1]) + _PARTS.get(part, "")
    return str(loc[0])


def to_text(value: Any) -> str | None:
    """A cell as text: booleans true/false, whole floats without '.0' (Excel stores every
    number as a float), dates ISO (a midnight timestamp is a date), lists joined by ';'."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 2**63 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        # an empty list is known (nothing found): a lone separator, never an empty cell
        return LIST_SEPARATOR.join(str(to_text(v)) for v in value if v is not None) \
            or LIST_SEPARATOR
    return str(value)


def parse_cell(fact: Fact, text: str) -> Any:
    """The typed value of a cell for `fact`; text that does not parse is returned as it is,
    so the vocabulary check refuses it with the fact's own expectation."""
    s = text.strip()
    kind = fact.type
    if kind == "bool":
        return BOOL_CELLS.get(s.lower(), s)
    if kind in ("int", "decimal"):
        return _number(s, kind)
    if kind == "enum_list":
        return [part.strip() for part in s.split(LIST_SEPARATOR) if part.strip()]
    return s  # enum and date: checked (and dates parsed) by the vocabulary check


def _number(s: str, kind: str) -> Any:
    if "," in s and "." not in s and s.count(",") == 1:
        s = s.replace(",", ".")  # a Dutch decimal comma from Excel
    try:
        return int(s)
    except ValueError:
        pass
    try:
        value = float(s)
    except ValueError:
        return s
    if value != value or value in (float("inf"), float("-inf")):
        return s
    return int(value) if kind == "int" and value.is_integer() else value


class RowReader:
    """Turns rows of one input into profiles; the roles of its columns are worked out once."""

    def __init__(self, rules: RuleSet, file: str, *, peildatum: dt.date | None = None,
                 lang: str = "nl") -> None:
        self.rules = rules
        self.file = file
        self.peildatum = peildatum
        self.lang = lang
        self._roles: dict[str, tuple[str, str, str]] = {}

    def _role(self, column: str) -> tuple[str, str, str]:
        """(kind, key, part): ("top", key, "") for profile keys, ("fact", fact, part) for a
        fact column (part waarde/bron/datum); unknown columns are facts too, so the
        vocabulary check names them (or the privacy check refuses them)."""
        role = self._roles.get(column)
        if role is None:
            if column in ID_COLUMNS or column in OPTIONAL_COLUMNS:
                role = ("top", column, "")
            elif column.endswith(SOURCE_SUFFIX):
                role = ("fact", column[: -len(SOURCE_SUFFIX)], "bron")
            elif column.endswith(DATE_SUFFIX):
                role = ("fact", column[: -len(DATE_SUFFIX)], "datum")
            else:
                role = ("fact", column, "waarde")
            self._roles[column] = role
        return role

    def document(self, row: Mapping[str, Any], columns: Sequence[str], rownum: int
                 ) -> SourceDoc:
        """The profile mapping of a row, with every field placed at (row, column number)."""
        data: dict[str, Any] = {}
        facts: dict[str, dict[str, Any]] = {}
        positions: dict[Loc, tuple[int, int]] = {(): (rownum, 0)}
        for number, column in enumerate(columns, start=1):
            if column in (ROW_COLUMN, FILE_COLUMN):
                continue
            cell = row.get(column)
            if is_unknown(cell):
                continue
            kind, key, part = self._role(column)
            text = (cell if isinstance(cell, str) else str(to_text(cell))).strip()
            if kind == "top":
                if key == "object":
                    data[key] = ({"bag_id": text} if _BAG_ID.fullmatch(text)
                                 else {"referentie": text})
                else:
                    data[key] = text
                positions[(key,)] = (rownum, number)
                continue
            entry = facts.setdefault(key, {})
            fact = self.rules.facts.get(key)
            if part == "waarde":
                entry["waarde"] = parse_cell(fact, text) if fact is not None else text
            else:
                entry[part] = text
            positions.setdefault(("feiten", key), (rownum, number))
            positions[("feiten", key, part)] = (rownum, number)
        if facts:
            data["feiten"] = facts
        return SourceDoc(self.file, data, positions)

    def profile(self, row: Mapping[str, Any], columns: Sequence[str], rownum: int) -> Profile:
        """The profile of a row, or RowError with one record per problem."""
        doc = self.document(row, columns, rownum)
        try:
            return profile_from_doc(doc, self.rules, peildatum=self.peildatum)
        except ProfileError as exc:
            row_id = row.get("id")
            rid = None if is_unknown(row_id) else str(row_id).strip()
            raise RowError([record_from(d, row=rownum, row_id=rid, file=self.file,
                                        lang=self.lang) for d in exc.diagnostics]) from None


class RowError(Exception):
    """A row that is not a valid profile; carries one ErrorRecord per problem."""

    def __init__(self, records: list[ErrorRecord]) -> None:
        self.records = records
        super().__init__("; ".join(r.format("nl") for r in records))
