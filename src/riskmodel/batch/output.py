"""Writing the summary table and the errors file, each atomically (report.atomic): a reader
of the output sees the old file or the complete new one, never half a table."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import orjson
import polars as pl

from riskmodel.batch.rows import ERROR_FIELDS, ErrorRecord
from riskmodel.errors import UserInputError, make_diagnostic, msg
from riskmodel.report.atomic import write_atomic, write_atomic_with
from riskmodel.source import display_path

TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".xlsx", ".parquet")
ERROR_SUFFIXES: tuple[str, ...] = (".csv", ".jsonl")


def check_suffix(path: Path, allowed: Sequence[str]) -> None:
    """An output whose extension says no format we write is a user error before any work."""
    if path.suffix.lower() not in allowed:
        raise UserInputError([make_diagnostic(
            display_path(path), None, None, "output",
            msg("batch.bad_output_suffix", suffix=path.suffix), expected=", ".join(allowed),
            code="unknown-value", loc=("output",))])


def write_table(frame: pl.DataFrame, path: Path, *, lang: str = "nl") -> None:
    """CSV (UTF-8, comma), XLSX (one sheet) or Parquet, by the extension of `path`."""
    suffix = path.suffix.lower()
    check_suffix(path, TABLE_SUFFIXES)
    if suffix == ".csv":
        write_atomic_with(path, lambda tmp: frame.write_csv(tmp), lang=lang)
    elif suffix == ".parquet":
        write_atomic_with(path, lambda tmp: frame.write_parquet(tmp), lang=lang)
    else:
        write_atomic_with(path, lambda tmp: _write_xlsx(frame, tmp), lang=lang)


def _write_xlsx(frame: pl.DataFrame, path: Path, sheet: str = "samenvatting") -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.append(frame.columns)
    for row in frame.iter_rows():
        ws.append(list(row))
    book.save(path)


def write_errors(records: Sequence[ErrorRecord], path: Path, *, lang: str = "nl") -> None:
    """CSV with a header (row, id, column, code, message, expected, suggestion, file) or
    JSON Lines with the same keys, by extension."""
    check_suffix(path, ERROR_SUFFIXES)
    if path.suffix.lower() == ".jsonl":
        text = "".join(orjson.dumps(r.to_dict()).decode() + "\n" for r in records)
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(ERROR_FIELDS), lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow(r.to_dict())
        text = buf.getvalue()
    write_atomic(path, text, lang=lang)
