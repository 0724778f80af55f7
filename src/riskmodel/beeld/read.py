"""Reading the input of a regional picture: profiles in, (profile, assessment) pairs out.

One function, `read_pairs`: profile files, directories of them, JSONL, and the tables
analysts keep (CSV, XLSX, Parquet) read by the batch readers and turned into profiles by the
batch row rule (`batch.rows.RowReader`), so a table means the same in `riskmodel batch` and in
the picture. A bad profile or row never stops the picture: it is returned as a problem with its
diagnostics (a row's name its file, row number and column), and the picture says how many and
which.

Unlike `assess_many`, the same profile id may occur at several peildata (that is how the
change between two dates is given); the same id at the same peildatum twice is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import orjson

from riskmodel.api import DateLike, as_date, assess, load_profile
from riskmodel.check.profile import profile_from_doc
from riskmodel.errors import Diagnostic, DiagnosticCode, UserInputError, make_diagnostic, msg
from riskmodel.load.files import PROFILE_SUFFIXES, expand_inputs
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import display_path

JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: what a directory is searched for (a table in it may be something else, e.g. the
#: neighbours' CSV)
INPUT_SUFFIXES = PROFILE_SUFFIXES + JSONL_SUFFIXES
#: tables (given as the input file) read by the batch readers; they need the `batch` extra
TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet", ".pq")
#: rows per chunk when reading a table (memory only; the picture keeps every pair anyway)
TABLE_CHUNK = 10_000


@dataclass
class Read:
    """What an input gave: assessed pairs, and per failed input its name and diagnostics."""

    pairs: list[tuple[Profile, Assessment]] = field(default_factory=list)
    problems: list[tuple[str, list[Diagnostic]]] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for _, ds in self.problems for d in ds]


def read_pairs(input: Path | str, rules: RuleSet, peildatum: DateLike | None = None) -> Read:
    """Assess every profile in `input`: a profile file, a directory of them, a JSONL file
    (one profile object per line) or a table (CSV, XLSX, Parquet: one row per profile, the
    columns of `riskmodel batch`). With `peildatum`, every profile is assessed as of it."""
    day = as_date(peildatum)
    out = Read()
    files, problems = expand_inputs([input], INPUT_SUFFIXES)
    out.problems.extend((d.file, [d]) for d in problems)
    seen: dict[tuple[str, dt.date], str] = {}
    for file in files:
        name = display_path(file)
        items: list[tuple[str, int | None, dict[str, Any] | Path]]
        if file.suffix.lower() in TABLE_SUFFIXES and not Path(input).is_dir():
            for source, got in _table(file, name, rules, day):
                if isinstance(got, list):
                    out.problems.append((source, got))
                    continue
                key = (got.id, got.peildatum)
                rownum = int(source.rsplit(":", 1)[1])
                if key in seen:
                    out.problems.append((source, [make_diagnostic(
                        name, rownum, None, "id",
                        msg("profile.duplicate_id", id=got.id, other=seen[key]),
                        code="duplicate-id", loc=("id",))]))
                    continue
                seen[key] = source
                out.pairs.append((got, assess(got, rules)))
            continue
        if file.suffix in JSONL_SUFFIXES:
            lines, bad = _jsonl(file, name)
            items = list(lines)
            out.problems.extend(bad)
        else:
            items = [(name, None, file)]
        for source, line, item in items:
            try:
                profile = load_profile(item, rules, peildatum=day)
                key = (profile.id, profile.peildatum)
                if key in seen:
                    out.problems.append((source, [make_diagnostic(
                        name, line, None, "id",
                        msg("profile.duplicate_id", id=profile.id, other=seen[key]),
                        code="duplicate-id", loc=("id",))]))
                    continue
                seen[key] = source
                out.pairs.append((profile, assess(profile, rules)))
            except UserInputError as exc:
                diags = [dataclasses.replace(d, file=name, line=d.line or line)
                         if line is not None else d for d in exc.diagnostics]
                out.problems.append((source, diags))
    return out


def _jsonl(file: Path, name: str
           ) -> tuple[list[tuple[str, int | None, dict[str, Any]]],
                      list[tuple[str, list[Diagnostic]]]]:
    items: list[tuple[str, int | None, dict[str, Any]]] = []
    bad: list[tuple[str, list[Diagnostic]]] = []
    try:
        data = file.read_bytes()
    except OSError as exc:
        return [], [(name, [make_diagnostic(name, None, None, "",
                                            msg("file.unreadable", reason=exc.strerror),
                                            code="unreadable")])]
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            bad.append((where, [make_diagnostic(name, number, None, "",
                                                msg("json.invalid", detail=str(exc)),
                                                code="yaml-syntax")]))
            continue
        if not isinstance(obj, dict):
            bad.append((where, [make_diagnostic(name, number, None, "",
                                                msg("beeld.jsonl_not_object"),
                                                code="type")]))
            continue
        items.append((where, number, obj))
    return items, bad


def _table(file: Path, name: str, rules: RuleSet, day: dt.date | None
           ) -> Iterator[tuple[str, Profile | list[Diagnostic]]]:
    """(where, profile or its diagnostics) per row of a table, in file order; `where` is
    `file:row` with the row number the file shows (CSV line, sheet row, Parquet position)."""
    missing = [m for m in TABLE_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        yield name, [make_diagnostic(name, None, None, "", msg(
            "beeld.table_needs_batch", missing=", ".join(missing)), code="not-found")]
        return
    from riskmodel.batch.columns import ROW_COLUMN
    from riskmodel.batch.read import iter_chunks
    from riskmodel.batch.rows import RowReader

    reader = RowReader(rules, name, peildatum=day)
    try:
        for chunk in iter_chunks(file, TABLE_CHUNK):
            for record in chunk.problems:  # a row that could not be read as a row at all
                yield f"{name}:{record.row}", [make_diagnostic(
                    name, record.row, None, record.column or "", record.message,
                    code=cast(DiagnosticCode, record.code), expected=record.expected)]
            columns = chunk.frame.columns
            for row in chunk.frame.iter_rows(named=True):
                rownum = int(row[ROW_COLUMN])
                doc = reader.document(row, columns, rownum)
                try:
                    yield f"{name}:{rownum}", profile_from_doc(doc, rules, peildatum=day)
                except UserInputError as exc:
                    yield f"{name}:{rownum}", list(exc.diagnostics)
    except UserInputError as exc:  # the table as a whole (no header, not a workbook)
        yield name, list(exc.diagnostics)


#: what the table readers import (the `batch` extra)
TABLE_MODULES = ("polars", "pyarrow", "openpyxl")
