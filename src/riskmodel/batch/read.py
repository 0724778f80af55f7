"""Reading the files analysts keep, in chunks of rows: a directory of profiles, JSONL, CSV,
Excel (.xlsx) or Parquet. Nothing reads a whole file at once, so 100,000 rows (or ten
million) cost one chunk of memory.

Every chunk is a polars DataFrame of text columns (null = empty cell), whatever the format:
a cell means the same in CSV, Excel and Parquet, and the row mapper (rows.py) and the
vectorised evaluator parse text by the fact's type. Each chunk also carries `ROW_COLUMN`, the
row number as the file shows it, so an error points where the analyst can look. Rows that
cannot be read at all (a line that is not JSON, a profile file that is not YAML) become error
records of the chunk instead of rows: they are reported, never lost.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import polars as pl

from riskmodel.batch.columns import DATE_SUFFIX, FILE_COLUMN, LIST_SEPARATOR, ROW_COLUMN, SOURCE_SUFFIX
from riskmodel.batch.rows import ErrorRecord, record_from, to_text
from riskmodel.errors import UserInputError, make_diagnostic, msg
from riskmodel.load.files import PROFILE_SUFFIXES, expand_inputs
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.source import display_path

#: file suffix -> input format
SUFFIX_FORMAT: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                                 ".xlsx": "xlsx", ".parquet": "parquet", ".pq": "parquet"}
FORMATS: tuple[str, ...] = ("dir", "jsonl", "csv", "xlsx", "parquet")
#: rows per chunk: the vectorised evaluator is fastest from ~50,000 rows a batch (its fixed
#: cost per chunk is then small); --resume restarts at most one chunk
DEFAULT_CHUNK_SIZE = 50_000
COMMENT = "#"


@dataclass
class Chunk:
    """A run of consecutive rows: `index` counts chunks from 0 in input order."""

    index: int
    frame: pl.DataFrame
    #: rows that could not be read as rows at all (they count as failed rows)
    problems: list[ErrorRecord] = field(default_factory=list)
    #: known to be the input's last chunk (a run writes no resume part for it: the outputs
    #: follow at once); False where the reader cannot tell without reading on
    last: bool = False

    @property
    def rows(self) -> int:
        return self.frame.height + len({p.row for p in self.problems})


def input_format(path: Path) -> str:
    """The format of INPUT by what it is: a directory, or by suffix; else a user error."""
    if path.is_dir():
        return "dir"
    if not path.exists():
        raise UserInputError([make_diagnostic(display_path(path), None, None, "",
                                              msg("file.or_dir_not_found"), code="not-found")])
    fmt = SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise UserInputError([make_diagnostic(
            display_path(path), None, None, "", msg("batch.unknown_format", suffix=path.suffix),
            expected=", ".join(sorted(SUFFIX_FORMAT)) + ", map/directory", code="unknown-value")])
    return fmt


def input_sha256(path: Path) -> str:
    """A hash of the input's bytes (a directory: of its profile files' names and bytes), so
    that --resume never continues a run over changed input."""
    h = hashlib.sha256()
    files = (expand_inputs([path], PROFILE_SUFFIXES)[0] if path.is_dir() else [path])
    for f in files:
        h.update(f.name.encode() + b"\0")
        with f.open("rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    return h.hexdigest()


def count_rows(path: Path, fmt: str) -> int | None:
    """The number of rows when it is cheap to know (for the progress bar), else None."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    if fmt == "dir":
        return len(expand_inputs([path], PROFILE_SUFFIXES)[0])
    return None


def make_frame(columns: Sequence[str], rows: list[dict[str, str | None]],
               rownums: list[int], files: list[str] | None = None) -> pl.DataFrame:
    """A chunk frame: one text column per input column, in input order, plus ROW_COLUMN."""
    data: dict[str, list[Any]] = {c: [r.get(c) for r in rows] for c in columns}
    schema: dict[str, Any] = {c: pl.String for c in columns}
    data[ROW_COLUMN] = rownums
    schema[ROW_COLUMN] = pl.Int64
    if files is not None:
        data[FILE_COLUMN] = files
        schema[FILE_COLUMN] = pl.String
    return pl.DataFrame(data, schema=schema)


def iter_chunks(path: Path, chunk_size: int = DEFAULT_CHUNK_SIZE, *, lang: str = "nl"
                ) -> Iterator[Chunk]:
    """The chunks of INPUT, in input order."""
    fmt = input_format(path)
    readers = {"dir": _dir_chunks, "jsonl": _jsonl_chunks, "csv": _csv_chunks,
               "xlsx": _xlsx_chunks, "parquet": _parquet_chunks}
    yield from readers[fmt](path, chunk_size, lang)


class _Collector:
    """Gathers rows into chunks of `size`, keeping the union of columns in first-seen order."""

    def __init__(self, size: int, with_files: bool = False) -> None:
        self.size = size
        self.index = 0
        self.with_files = with_files
        self._reset()

    def _reset(self) -> None:
        self.columns: dict[str, None] = {}
        self.rows: list[dict[str, str | None]] = []
        self.rownums: list[int] = []
        self.files: list[str] = []
        self.problems: list[ErrorRecord] = []

    def add(self, row: dict[str, str | None], rownum: int, file: str = "") -> None:
        for c in row:
            self.columns.setdefault(c, None)
        self.rows.append(row)
        self.rownums.append(rownum)
        self.files.append(file)

    def full(self) -> bool:
        return len(self.rows) + len(self.problems) >= self.size

    def take(self, last: bool = False) -> Chunk:
        chunk = Chunk(self.index, make_frame(list(self.columns), self.rows, self.rownums,
                                             self.files if self.with_files else None),
                      self.problems, last)
        self.index += 1
        self._reset()
        return chunk

    def pending(self) -> bool:
        return bool(self.rows or self.problems)


def _problem(file: str, rownum: int, key: str, lang: str, code: str = "type",
             **params: Any) -> ErrorRecord:
    d = make_diagnostic(file, rownum, None, "", msg(key, **params), code=code)  # type: ignore[arg-type]
    return record_from(d, row=rownum, row_id=None, file=file, lang=lang)


# ---- CSV ---------------------------------------------------------------------------------

def _csv_chunks(path: Path, size: int, lang: str) -> Iterator[Chunk]:
    """Python's csv module: every cell text, exact line numbers, `#` lines skipped (the
    template's explanations); `;` is the separator when the header has no `,` (Dutch Excel)."""
    name = display_path(path)
    out = _Collector(size)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header_line = 0
        header: list[str] | None = None
        for header_line, line in enumerate(fh, start=1):  # noqa: B007
            if line.strip() and not line.lstrip().startswith(COMMENT):
                delimiter = ";" if ";" in line and "," not in line else ","
                header = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
                break
        if header is None:
            raise UserInputError([make_diagnostic(name, None, None, "", msg("batch.no_header"),
                                                  code="missing-key")])
        _refuse_duplicate_columns(header, name)
        reader = csv.reader(fh, delimiter=delimiter)
        for cells in reader:
            rownum = header_line + reader.line_num
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith(COMMENT):
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                out.problems.append(_problem(name, rownum, "batch.extra_cells", lang,
                                             code="inconsistent", cells=len(cells),
                                             columns=len(header)))
            else:
                out.add({h: (c if c.strip() else None) for h, c in zip(header, cells,
                                                                     strict=False) if h},
                        rownum)
            if out.full():
                yield out.take()
    if out.pending():
        yield out.take(last=True)


def _refuse_duplicate_columns(header: Sequence[str], name: str) -> None:
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            raise UserInputError([make_diagnostic(name, 1, None, column,
                                                  msg("batch.duplicate_column", column=column),
                                                  code="duplicate-key")])
        seen.add(column)


# ---- Excel -------------------------------------------------------------------------------

def _xlsx_chunks(path: Path, size: int, lang: str) -> Iterator[Chunk]:
    """openpyxl in read-only mode streams the first sheet; row numbers are the sheet's."""
    from openpyxl import load_workbook

    name = display_path(path)
    out = _Collector(size)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not a workbook: zip or XML trouble, named in the message
        raise UserInputError([make_diagnostic(name, None, None, "", msg(
            "file.unreadable", reason=f"{type(exc).__name__}: {exc}"), code="unreadable")]
        ) from None
    try:
        sheet = book.worksheets[0]
        header: list[str] | None = None
        for rownum, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [to_text(v) for v in values]
            if not any(c is not None and c.strip() for c in cells):
                continue
            first = (cells[0] or "").lstrip()
            if first.startswith(COMMENT):
                continue
            if header is None:
                header = [(c or "").strip() for c in cells]
                _refuse_duplicate_columns(header, name)
                continue
            if len(cells) > len(header) and any(c for c in cells[len(header):]):
                out.problems.append(_problem(name, rownum, "batch.extra_cells", lang,
                                             code="inconsistent", cells=len(cells),
                                             columns=len(header)))
            else:
                out.add({h: c for h, c in zip(header, cells, strict=False) if h}, rownum)
            if out.full():
                yield out.take()
        if header is None:
            raise UserInputError([make_diagnostic(name, None, None, "", msg("batch.no_header"),
                                                  code="missing-key")])
    finally:
        book.close()
    if out.pending():
        yield out.take(last=True)


# ---- Parquet -----------------------------------------------------------------------------

def _parquet_chunks(path: Path, size: int, lang: str) -> Iterator[Chunk]:
    """pyarrow checks the file and counts its rows; polars reads slices of `size` rows
    (its parallel reader is several times faster than pyarrow's record batches) and casts
    them to text."""
    import pyarrow.parquet as pq

    name = display_path(path)
    try:
        total = pq.ParquetFile(path).metadata.num_rows
        scan = pl.scan_parquet(path)
    except Exception as exc:  # not Parquet: named in the message
        raise UserInputError([make_diagnostic(name, None, None, "", msg(
            "file.unreadable", reason=f"{type(exc).__name__}: {exc}"), code="unreadable")]
        ) from None
    for index, offset in enumerate(range(0, total, size)):
        try:
            frame = scan.slice(offset, size).collect()
        except pl.exceptions.PolarsError as exc:  # a damaged part of the file
            raise UserInputError([make_diagnostic(name, offset + 1, None, "", msg(
                "file.unreadable", reason=f"{type(exc).__name__}: {exc}"), code="unreadable")]
            ) from None
        schema = frame.schema  # built once: polars makes a new Schema on every access
        if any(dtype != pl.String for dtype in schema.values()):
            frame = frame.select([_as_text(schema, c) for c in frame.columns])
        frame = frame.with_columns(pl.int_range(offset + 1, offset + 1 + frame.height,
                                                dtype=pl.Int64).alias(ROW_COLUMN))
        yield Chunk(index, frame, last=offset + size >= total)


def _as_text(schema: pl.Schema, column: str) -> pl.Expr:
    dtype = schema[column]
    col = pl.col(column)
    if dtype == pl.String:
        return col
    if isinstance(dtype, pl.List | pl.Array):
        joined = col.cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        return pl.when(joined == "").then(pl.lit(LIST_SEPARATOR)).otherwise(joined) \
            .alias(column)
    if dtype == pl.Boolean:
        return pl.when(col).then(pl.lit("true")).when(~col).then(pl.lit("false")) \
            .otherwise(None).alias(column)
    if isinstance(dtype, pl.Datetime):
        at_midnight = col.dt.time() == pl.time(0)
        return pl.when(at_midnight).then(col.dt.date().cast(pl.String)) \
            .otherwise(col.dt.to_string("%Y-%m-%dT%H:%M:%S")).alias(column)
    if dtype.is_float():
        whole = col.is_finite() & (col == col.round(0)) & (col.abs() < 2**53)
        return pl.when(col.is_nan()).then(None) \
            .when(whole).then(col.cast(pl.Int64, strict=False).cast(pl.String)) \
            .otherwise(col.cast(pl.String)).alias(column)
    return col.cast(pl.String).alias(column)


# ---- JSONL and directories of profiles ------------------------------------------------------

def flatten_profile(data: dict[str, Any]) -> dict[str, str | None]:
    """A profile mapping (``feiten: {...}``) as a row; a flat mapping stays as it is.
    `bron_detail` has no column and is left out."""
    row: dict[str, str | None] = {}
    for key, value in data.items():
        if key == "feiten" and isinstance(value, dict):
            for fact, entry in value.items():
                if isinstance(entry, dict):
                    row[str(fact)] = to_text(entry.get("waarde"))
                    if entry.get("bron") is not None:
                        row[f"{fact}{SOURCE_SUFFIX}"] = to_text(entry["bron"])
                    if entry.get("datum") is not None:
                        row[f"{fact}{DATE_SUFFIX}"] = to_text(entry["datum"])
                else:
                    row[str(fact)] = to_text(entry)
        elif key == "object" and isinstance(value, dict):
            ref = value.get("bag_id") or value.get("referentie")
            row["object"] = to_text(ref)
        else:
            row[str(key)] = to_text(value)
    return row


def _jsonl_chunks(path: Path, size: int, lang: str) -> Iterator[Chunk]:
    name = display_path(path)
    out = _Collector(size)
    with path.open("rb") as fh:
        for rownum, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                out.problems.append(_problem(name, rownum, "json.invalid", lang,
                                             code="yaml-syntax", detail=str(exc)))
            else:
                if isinstance(data, dict):
                    out.add(flatten_profile(data), rownum)
                else:
                    out.problems.append(_problem(name, rownum, "batch.not_object", lang))
            if out.full():
                yield out.take()
    if out.pending():
        yield out.take(last=True)


def _dir_chunks(path: Path, size: int, lang: str) -> Iterator[Chunk]:
    """Profile files in the order `riskmodel assess DIR` takes them; a file that is not
    YAML/JSON is reported with its own line numbers."""
    files, problems = expand_inputs([path], PROFILE_SUFFIXES)
    if problems:
        raise UserInputError(problems)
    out = _Collector(size, with_files=True)
    for rownum, f in enumerate(files, start=1):
        name = display_path(f)
        try:
            doc = read_source(f)
        except YamlSyntaxError as exc:
            out.problems.extend(record_from(d, row=rownum, row_id=None, file=name, lang=lang,
                                            column=d.path or None) for d in exc.diagnostics)
        else:
            if isinstance(doc.data, dict):
                out.add(flatten_profile(doc.data), rownum, name)
            else:
                out.problems.append(_problem(name, rownum, "profile.not_mapping", lang))
        if out.full():
            yield out.take(last=rownum == len(files))
    if out.pending():
        yield out.take(last=True)
