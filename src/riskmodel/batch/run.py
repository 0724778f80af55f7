"""The batch run: chunks in, one summary table, an errors file and (optionally) one
assessment JSON per profile out.

Shape of a run:

* `read.iter_chunks` yields chunks (polars frames of text cells) in input order;
* `process_chunk` turns one chunk into a `ChunkResult` (summary rows, error records, details)
  with the engine chosen in `chunk_evaluator` -- the one place where the reference path (each
  row through the compiled engine, as `riskmodel.assess` does) or the vectorised evaluator is
  picked; it runs in this process or on a Dask worker;
* the driver takes results in chunk order (also from Dask), refuses a profile id seen
  before, and hands each result to a sink: memory (`assess_table`) or a work directory next
  to the output (`run_batch`), where each finished chunk is recorded with the input's hash so
  `--resume` can go on after the last one (the input's last chunk excepted: the outputs are
  written right after it, from the summaries kept in memory);
* at the end the outputs are written, each atomically: an interrupted run leaves the old
  outputs (or none) and its work directory; never half a table.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import importlib
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import polars as pl

from riskmodel._version import __version__
from riskmodel.api import as_date, compiled_for, get_evaluator, load_rules
from riskmodel.batch.columns import (
    FILE_COLUMN,
    LEVEL_SUFFIX,
    NOT_SUGGESTED,
    POSSIBLE_SUFFIX,
    ROW_COLUMN,
    STATUS_SUFFIX,
    summary_columns,
    summary_row,
)
from riskmodel.batch.output import (
    ERROR_SUFFIXES,
    TABLE_SUFFIXES,
    check_suffix,
    write_errors,
    write_table,
)
from riskmodel.batch.progress import Progress
from riskmodel.batch.read import (
    DEFAULT_CHUNK_SIZE,
    Chunk,
    count_rows,
    input_format,
    input_sha256,
    iter_chunks,
)
from riskmodel.batch.rows import ErrorRecord, RowError, RowReader
from riskmodel.errors import OutputError, UserInputError, make_diagnostic, msg
from riskmodel.evaluate.base import Evaluator
from riskmodel.explain.assemble import Assembler
from riskmodel.explain.status import intervention_status
from riskmodel.messages import t
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.atomic import write_atomic, write_atomic_with
from riskmodel.report.render import render
from riskmodel.source import display_path

#: batch engines: `reference` assesses row by row with the compiled engine (what
#: `riskmodel.assess` does); `vector` is the vectorised evaluator (riskmodel.batch.vector)
#: for the rows it vouches for and the reference path for the rest: the same output (tests
#: compare the bytes), so it is the default
BATCH_ENGINES: tuple[str, ...] = ("vector", "reference")
DEFAULT_BATCH_ENGINE = "vector"
STATE_FILE = "state.json"
STATE_FORMAT = 1
#: how long to wait for a Dask scheduler before saying it cannot be reached
CONNECT_TIMEOUT = "10s"

#: what a chunk evaluator returns: the summary frame (summary columns plus ROW_COLUMN), the
#: error records of the rows it refused, and (row, id, assessment JSON) per profile when asked
Detail = tuple[int, str, str]
Evaluated = tuple[pl.DataFrame, list[ErrorRecord], list[Detail]]


@dataclass(frozen=True)
class BatchOptions:
    """Everything a worker needs besides the chunk and the rules (picklable for Dask)."""

    source: str
    peildatum: dt.date | None = None
    lang: str = "nl"
    details: bool = False
    engine: str = DEFAULT_BATCH_ENGINE


ChunkEvaluator = Callable[[pl.DataFrame, RuleSet, BatchOptions], Evaluated]


@dataclass
class ChunkResult:
    index: int
    summary: pl.DataFrame
    errors: list[ErrorRecord]
    details: list[Detail]
    rows: int
    #: the input's last chunk (read.Chunk.last)
    last: bool = False

    @property
    def failed(self) -> int:
        return len({(e.file, e.row) for e in self.errors})


@dataclass
class BatchResult:
    """The outcome of a batch: one summary row per assessed profile (input order), one or
    more error records per refused row; `rows` counts every input row."""

    summary: pl.DataFrame
    errors: list[ErrorRecord] = field(default_factory=list)
    rows: int = 0
    failed: int = 0
    seconds: float = 0.0
    #: chunks (and their rows) taken from an interrupted run by --resume
    resumed_chunks: int = 0
    resumed_rows: int = 0
    #: --resume found an interrupted run of other input or options and started anew
    resume_refused: bool = False

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def errors_frame(self) -> pl.DataFrame:
        return pl.DataFrame([e.to_dict() for e in self.errors],
                            schema={"row": pl.Int64, "id": pl.String, "column": pl.String,
                                    "code": pl.String, "message": pl.String,
                                    "expected": pl.String, "suggestion": pl.String,
                                    "file": pl.String})


# ---- evaluating a chunk -------------------------------------------------------------------

def summary_frame(rows: list[dict[str, Any]], rules: RuleSet) -> pl.DataFrame:
    """Summary rows as a frame: every summary column text, plus ROW_COLUMN."""
    schema: dict[str, Any] = {c: pl.String for c in summary_columns(rules)}
    schema[ROW_COLUMN] = pl.Int64
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(
        schema=schema)


def assess_profile(profile: Profile, rules: RuleSet, evaluator: Evaluator) -> Assessment:
    """What `riskmodel.assess` does for a profile that is already validated (the row was
    checked by `profile_from_doc`, so it is not checked twice)."""
    compiled = compiled_for(rules, profile.peildatum)
    evaluation = evaluator.evaluate(rules, compiled, profile)
    return Assembler(rules, compiled, profile, evaluation, evaluator,
                     profile.peildatum).build(with_texts=False)


def summary_of_evaluation(profile: Profile, rules: RuleSet, evaluator: Evaluator
                          ) -> dict[str, Any]:
    """The summary row straight from the engine's decisions: levels from the evaluation,
    statuses from the same ladder (`explain.status.intervention_status`) the assessment
    uses, without building the explanation (evidence, missing facts, citations), which is
    95% of an assessment's time and not in the summary. Tests check it equals
    `summary_row(riskmodel.assess(...))` on every scenario and on random rows."""
    compiled = compiled_for(rules, profile.peildatum)
    ev = evaluator.evaluate(rules, compiled, profile)
    row: dict[str, Any] = {"id": profile.id, "soort": profile.kind,
                           "gemeente": profile.municipality, "wijk": profile.district,
                           "peildatum": profile.peildatum.isoformat()}
    for ph_id in compiled.phenomena:
        levels = rules.phenomena[ph_id].levels
        certain, possible = ev.derived.levels[ph_id]
        row[ph_id + LEVEL_SUFFIX] = levels[certain].id
        row[ph_id + POSSIBLE_SUFFIX] = levels[possible].id
    for iv_id in rules.interventions:
        ci = compiled.interventions.get(iv_id)
        status = None if ci is None else intervention_status(
            available=ci.available, trigger=ev.phase2[("trig", ci.id)],
            gates=[ev.phase2[("igate", ci.id, g.id)] for g in ci.gates] if ci.available else [],
            flags=[ev.phase2[("flag", ci.id, f.id)] for f in ci.flags] if ci.available else [])
        row[iv_id + STATUS_SUFFIX] = status or NOT_SUGGESTED
    return row


def evaluate_frame_reference(frame: pl.DataFrame, rules: RuleSet, options: BatchOptions
                             ) -> Evaluated:
    """The reference path: each row to a profile (diagnostics per row and column), assessed
    by the compiled engine. A refused or failing row is recorded; the others go on."""
    reader = RowReader(rules, options.source, peildatum=options.peildatum, lang=options.lang)
    evaluator = get_evaluator("compiled")
    columns = frame.columns
    out: list[dict[str, Any]] = []
    errors: list[ErrorRecord] = []
    details: list[Detail] = []
    for row in frame.iter_rows(named=True):
        rownum = int(row[ROW_COLUMN])
        reader.file = row.get(FILE_COLUMN) or options.source
        try:
            profile = reader.profile(row, columns, rownum)
        except RowError as exc:
            errors.extend(exc.records)
            continue
        try:
            if options.details:
                assessment = assess_profile(profile, rules, evaluator)
                summary = summary_row(assessment, rules, profile.district)
                summary["peildatum"] = profile.peildatum.isoformat()
                details.append((rownum, profile.id, render(assessment, "json", options.lang,
                                                           rules)))
            else:
                summary = summary_of_evaluation(profile, rules, evaluator)
        except Exception as exc:  # an engine failure on one row is that row's error
            d = make_diagnostic(reader.file, rownum, None, "",
                                msg("batch.engine_failed", error=f"{type(exc).__name__}: {exc}"),
                                code="internal")
            errors.append(ErrorRecord(rownum, profile.id, None, d.code,
                                      d.message_in(options.lang), None, None, reader.file))
            continue
        summary[ROW_COLUMN] = rownum
        out.append(summary)
    return summary_frame(out, rules), errors, details


def chunk_evaluator(engine: str) -> ChunkEvaluator:
    """THE place where the batch engine is chosen (`--engine reference|vector`).

    `vector` uses `riskmodel.batch.vector.evaluate_frame(frame, rules, *, peildatum)`, which
    returns the summary of the rows it vouches for and a mask of the rows it does not. Not
    vouched for is not refused: those rows go through the reference path here, which
    assesses them or names exactly what is wrong, and the two summaries are merged in input
    order. With details (full assessments per profile) every row takes the reference path:
    the explanation is never vectorised."""
    if engine == "reference":
        return evaluate_frame_reference
    if engine == "vector":
        try:
            module = importlib.import_module("riskmodel.batch.vector")
        except ModuleNotFoundError:
            raise UserInputError([make_diagnostic("<argument>", None, None, "engine",
                                                  msg("batch.vector_missing"),
                                                  code="unknown-engine", loc=("engine",))]
                                 ) from None
        evaluate_frame = module.evaluate_frame

        def vector(frame: pl.DataFrame, rules: RuleSet, options: BatchOptions) -> Evaluated:
            if options.details or frame.height == 0:
                return evaluate_frame_reference(frame, rules, options)
            inputs = frame.drop([c for c in (ROW_COLUMN, FILE_COLUMN) if c in frame.columns])
            result = evaluate_frame(inputs, rules, peildatum=options.peildatum)
            columns = summary_columns(rules)
            invalid = list(result.invalid_rows)
            # every row vouched for (the usual case): no list of row positions to build
            rownums = frame[ROW_COLUMN] if not invalid \
                else frame[ROW_COLUMN].gather(list(result.valid_rows))
            summary = result.summary.select([pl.col(c).cast(pl.String) for c in columns]) \
                .with_columns(rownums.alias(ROW_COLUMN))
            errors: list[ErrorRecord] = []
            if invalid:
                checked, errors, _ = evaluate_frame_reference(frame[invalid], rules, options)
                summary = pl.concat([summary, checked]).sort(ROW_COLUMN)
            return summary, errors, []
        return vector
    raise UserInputError([make_diagnostic("<argument>", None, None, "engine",
                                          msg("batch.unknown_engine", engine=engine),
                                          expected=", ".join(BATCH_ENGINES),
                                          code="unknown-engine", loc=("engine",))])


def process_chunk(chunk: Chunk, rules: RuleSet, options: BatchOptions) -> ChunkResult:
    """One chunk, start to end; a top-level function so Dask can ship it to a worker."""
    summary, errors, details = chunk_evaluator(options.engine)(chunk.frame, rules, options)
    return ChunkResult(chunk.index, summary,
                       sorted([*chunk.problems, *errors], key=lambda e: e.row),  # stable
                       details, chunk.rows, chunk.last)


# ---- where chunks are evaluated: here or on Dask --------------------------------------------

def local_results(chunks: Iterable[Chunk], rules: RuleSet, options: BatchOptions
                  ) -> Iterator[ChunkResult]:
    for chunk in chunks:
        yield process_chunk(chunk, rules, options)


#: per worker process: its own copy of each rule set it was sent, by hash (see below)
_WORKER_RULES: dict[str, RuleSet] = {}


def process_chunk_on_worker(chunk: Chunk, rules: RuleSet, options: BatchOptions
                            ) -> ChunkResult:
    """`process_chunk` on a Dask worker. The rules object Dask holds is never used itself:
    compiling caches generated code on it, and Dask may pickle it again to hand it to
    another worker (which then fails on the compiled code). Each worker compiles into a
    private copy, once."""
    own = _WORKER_RULES.get(rules.sha256)
    if own is None:
        own = _WORKER_RULES[rules.sha256] = portable_rules(rules)
    return process_chunk(chunk, own, options)


def portable_rules(rules: RuleSet) -> RuleSet:
    """The rules without their per-process caches (compiled code does not pickle); each
    worker compiles once and keeps it for every chunk it gets."""
    return dataclasses.replace(rules, compiled={}, cache={})


def dask_results(chunks: Iterable[Chunk], rules: RuleSet, options: BatchOptions,
                 address: str, workers: int | None = None) -> Iterator[ChunkResult]:
    """Chunks spread over a Dask cluster (`local`: a LocalCluster of `workers` processes),
    results taken back in chunk order, at most two chunks per worker in flight. The rules
    are sent to every worker once; the workers need riskmodel of the same version."""
    distributed: Any = importlib.import_module("distributed")  # the `dask` extra, untyped
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    cluster: Any = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                   threads_per_worker=1, processes=True,
                                   # no dashboard; its HTTP server on any free port
                                   dashboard_address=":0",
                                   scheduler_kwargs={"dashboard": False})
            client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise UserInputError([make_diagnostic("--dask", None, None, "dask", msg(
            "batch.dask_failed", address=address, reason=str(exc)), code="not-found",
            loc=("dask",))]) from None
    try:
        if cluster is not None:
            client.wait_for_workers(len(cluster.workers))
        n = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        shipped = client.scatter(portable_rules(rules), broadcast=True, hash=False)
        pending: deque[Any] = deque()
        for chunk in chunks:
            # sent as data, not inside the task (a 50,000-row chunk is tens of megabytes)
            data = client.scatter(chunk, hash=False)
            pending.append(client.submit(process_chunk_on_worker, data, shipped, options,
                                         pure=False))
            if len(pending) >= 2 * n:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---- the driver ---------------------------------------------------------------------------

class _Dedupe:
    """Two rows with one id would be one situation twice (and overwrite each other's
    details): the later row is refused, as `assess_many` does for files.

    The ids seen are one set, checked per chunk in one go; only a chunk that repeats an id
    is walked row by row, and only then is the earlier row looked up for the message."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.ids: set[str] = set()
        #: per chunk taken: its ids and row numbers in order, and its file
        self.chunks: list[tuple[list[str], list[int], str]] = []
        #: id -> (file, row) of its first row, built at the first repeated id
        self.where: dict[str, tuple[str, int]] | None = None

    def remember(self, frame: pl.DataFrame, file: str) -> None:
        self._add(frame["id"].to_list(), frame[ROW_COLUMN].to_list(), file)

    def _add(self, ids: list[str], rows: list[int], file: str) -> None:
        self.ids.update(ids)
        self.chunks.append((ids, rows, file))
        if self.where is not None:
            for pid, rownum in zip(ids, rows, strict=True):
                self.where.setdefault(pid, (file, rownum))

    def _first(self, pid: str) -> tuple[str, int]:
        if self.where is None:
            self.where = {}
            for ids, rows, file in self.chunks:
                for other, rownum in zip(ids, rows, strict=True):
                    self.where.setdefault(other, (file, rownum))
        return self.where[pid]

    def apply(self, result: ChunkResult, file: str) -> ChunkResult:
        ids = result.summary["id"].to_list()
        rows = result.summary[ROW_COLUMN].to_list()
        if self.ids.isdisjoint(ids) and len(set(ids)) == len(ids):
            self._add(ids, rows, file)
            return result
        drop: list[int] = []
        here: dict[str, tuple[str, int]] = {}
        kept_ids: list[str] = []
        kept_rows: list[int] = []
        for pid, rownum in zip(ids, rows, strict=True):
            if pid in self.ids or pid in here:
                other_file, other_row = here.get(pid) or self._first(pid)
                other = t("batch.where_row", self.lang, file=other_file, row=other_row)
                d = make_diagnostic(file, rownum, None, "id", msg(
                    "profile.duplicate_id", id=pid, other=other),
                    code="duplicate-id", loc=("id",))
                result.errors.append(ErrorRecord(rownum, pid, "id", d.code,
                                                 d.message_in(self.lang), None, None, file))
                drop.append(rownum)
            else:
                here[pid] = (file, rownum)
                kept_ids.append(pid)
                kept_rows.append(rownum)
        self._add(kept_ids, kept_rows, file)
        if drop:
            result.summary = result.summary.filter(~pl.col(ROW_COLUMN).is_in(drop))
            result.details = [d for d in result.details if d[0] not in drop]
            result.errors.sort(key=lambda e: e.row)
        return result


def _fingerprint(rules: RuleSet, options: BatchOptions, chunk_size: int) -> str:
    data = {"version": __version__, "rules": rules.sha256, "chunk_size": chunk_size,
            "peildatum": options.peildatum.isoformat() if options.peildatum else None,
            "lang": options.lang, "details": options.details, "engine": options.engine}
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()


class _WorkDir:
    """`.<output name>.batch/` next to the output: one part per finished chunk and a state
    file naming the input's hash, the options and how many chunks are done."""

    def __init__(self, output: Path, input_hash: str, fingerprint: str, lang: str) -> None:
        self.path = output.parent / f".{output.name}.batch"
        self.input_hash = input_hash
        self.fingerprint = fingerprint
        self.lang = lang
        self.chunks = self.rows = self.failed = 0
        #: an earlier run was there but of other input or options (so not resumed)
        self.refused = False
        #: chunks of an earlier run (their parts are read back at the end)
        self.resumed = 0
        #: summaries and errors of this run's chunks, in chunk order: the outputs are
        #: written from memory, so no part is read back
        self.frames: list[pl.DataFrame] = []
        self.error_records: list[ErrorRecord] = []

    def start(self, resume: bool) -> bool:
        """Pick up a matching earlier run when resuming (True), else begin afresh. A state
        of other input or options is never resumed."""
        state = self._state() if resume else None
        if state is not None and (state.get("input_sha256") == self.input_hash
                                  and state.get("fingerprint") == self.fingerprint
                                  and state.get("format") == STATE_FORMAT):
            self.chunks, self.rows = int(state["chunks"]), int(state["rows"])
            self.failed = int(state["failed"])
            self.resumed = self.chunks
            return True
        self.refused = state is not None
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        self._save()
        return False

    def _state(self) -> dict[str, Any] | None:
        try:
            data = orjson.loads((self.path / STATE_FILE).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def _save(self) -> None:
        write_atomic(self.path / STATE_FILE, orjson.dumps({
            "format": STATE_FORMAT, "input_sha256": self.input_hash,
            "fingerprint": self.fingerprint, "chunks": self.chunks, "rows": self.rows,
            "failed": self.failed}).decode() + "\n", lang=self.lang)

    def summary_parts(self) -> list[Path]:
        """The parts of the chunks an earlier run finished (this run's are in memory)."""
        return [self.path / f"summary-{i:06d}.parquet" for i in range(self.resumed)]

    def error_parts(self) -> list[Path]:
        return [self.path / f"errors-{i:06d}.jsonl" for i in range(self.resumed)]

    def record(self, result: ChunkResult) -> None:
        """The chunk's parts first, then the state: a crash in between redoes the chunk.
        The input's last chunk gets no parts (without details): the outputs are written
        right after it, and a crash before they are done redoes only that chunk."""
        self.frames.append(result.summary)
        self.error_records.extend(result.errors)
        if result.last and not result.details:
            self.rows += result.rows
            self.failed += result.failed
            return
        write_atomic_with(self.path / f"summary-{result.index:06d}.parquet",
                          lambda tmp: result.summary.write_parquet(tmp), lang=self.lang)
        write_atomic(self.path / f"errors-{result.index:06d}.jsonl",
                     "".join(orjson.dumps(e.to_dict()).decode() + "\n"
                             for e in result.errors), lang=self.lang)
        if result.details:
            staged = self.path / "details"
            staged.mkdir(exist_ok=True)
            for _, pid, text in result.details:
                write_atomic(staged / f"{pid}.json", text, lang=self.lang)
        self.chunks = result.index + 1
        self.rows += result.rows
        self.failed += result.failed
        self._save()

    def errors(self) -> list[ErrorRecord]:
        out: list[ErrorRecord] = []
        for part in self.error_parts():
            for line in part.read_bytes().splitlines():
                if line.strip():
                    out.append(ErrorRecord(**orjson.loads(line)))
        return out + self.error_records

    def summary(self, rules: RuleSet) -> pl.DataFrame:
        parts = [pl.read_parquet(p) for p in self.summary_parts()] + self.frames
        return pl.concat(parts) if parts else summary_frame([], rules)

    def commit_details(self, target: Path) -> None:
        staged = self.path / "details"
        target.mkdir(parents=True, exist_ok=True)
        if staged.is_dir():
            for f in sorted(staged.iterdir()):
                if f.suffix == ".json":
                    os.replace(f, target / f.name)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


OnChunk = Callable[[int, int, int], None]


def _chunk_source(input_path: Path, chunk_size: int, lang: str, skip: int) -> Iterator[Chunk]:
    for chunk in iter_chunks(input_path, chunk_size, lang=lang):
        if chunk.index >= skip:
            yield chunk


def _check_chunk_size(chunk_size: int) -> None:
    if chunk_size < 1:
        raise UserInputError([make_diagnostic("<argument>", None, None, "chunk_size",
                                              msg("batch.bad_chunk_size", value=chunk_size),
                                              expected=">= 1", code="range",
                                              loc=("chunk_size",))])


def _results(input_path: Path, rules: RuleSet, options: BatchOptions, chunk_size: int,
             skip: int, dask: str | None, workers: int | None) -> Iterator[ChunkResult]:
    chunks = _chunk_source(input_path, chunk_size, options.lang, skip)
    if dask:
        return dask_results(chunks, rules, options, dask, workers)
    return local_results(chunks, rules, options)


def assess_table(
    input: Path | str,
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: dt.date | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    engine: str = DEFAULT_BATCH_ENGINE,
    lang: str = "nl",
    dask: str | None = None,
    workers: int | None = None,
    progress: bool = False,
    on_chunk: OnChunk | None = None,
) -> BatchResult:
    """Assess every row of a table (directory of profiles, JSONL, CSV, XLSX or Parquet) in
    memory; nothing is written. A bad row never stops the rest: it is in `errors` with its
    row number and column. The summary is in input order."""
    rules = rules if isinstance(rules, RuleSet) else load_rules(rules)
    input_path = Path(input)
    input_format(input_path)
    _check_chunk_size(chunk_size)
    chunk_evaluator(engine)  # an unknown or missing engine fails before any work
    options = BatchOptions(display_path(input_path), as_date(peildatum), lang, False, engine)
    started = time.perf_counter()
    dedupe = _Dedupe(lang)
    frames: list[pl.DataFrame] = []
    errors: list[ErrorRecord] = []
    rows = failed = 0
    with Progress(progress, count_rows(input_path, input_format(input_path)), lang) as bar:
        for result in _results(input_path, rules, options, chunk_size, 0, dask, workers):
            result = dedupe.apply(result, options.source)
            frames.append(result.summary)
            errors.extend(result.errors)
            rows += result.rows
            failed += result.failed
            bar.update(rows, failed)
            if on_chunk is not None:
                on_chunk(result.index, rows, failed)
    summary = pl.concat(frames) if frames else summary_frame([], rules)
    return BatchResult(summary.drop(ROW_COLUMN), errors, rows, failed,
                       time.perf_counter() - started)


def default_errors_path(output: Path) -> Path:
    return output.with_name(output.stem + ".fouten.csv")


def run_batch(
    input: Path | str,
    output: Path | str,
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: dt.date | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    engine: str = DEFAULT_BATCH_ENGINE,
    details_dir: Path | str | None = None,
    errors_path: Path | str | None = None,
    resume: bool = False,
    lang: str = "nl",
    dask: str | None = None,
    workers: int | None = None,
    progress: bool = False,
    on_chunk: OnChunk | None = None,
) -> BatchResult:
    """`assess_table` with files: the summary table at `output` (CSV, XLSX or Parquet by
    extension), the errors at `errors_path` (CSV or JSONL; default `<output>.fouten.csv`),
    optionally one assessment JSON per profile in `details_dir`. Finished chunks are kept in
    a work directory next to `output`; with `resume`, a run over the same input and options
    continues after the last of them. The outputs are written at the end, each atomically."""
    rules = rules if isinstance(rules, RuleSet) else load_rules(rules)
    input_path, output = Path(input), Path(output)
    errors_out = Path(errors_path) if errors_path is not None else default_errors_path(output)
    check_suffix(output, TABLE_SUFFIXES)
    check_suffix(errors_out, ERROR_SUFFIXES)
    fmt = input_format(input_path)
    _check_chunk_size(chunk_size)
    chunk_evaluator(engine)
    _refuse_overwriting_input(input_path, [output, errors_out])
    for target in (output, errors_out):  # before any work: a run must be able to finish
        if target.is_dir():
            raise OutputError(target, msg("output.is_dir"))
        if not target.parent.is_dir():
            raise OutputError(target, msg("output.no_dir", directory=target.parent))
    if details_dir is not None and Path(details_dir).exists() and not Path(details_dir).is_dir():
        raise OutputError(details_dir, msg("output.must_be_dir"))
    options = BatchOptions(display_path(input_path), as_date(peildatum), lang,
                           details_dir is not None, engine)
    started = time.perf_counter()
    work = _WorkDir(output, input_sha256(input_path),
                    _fingerprint(rules, options, chunk_size), lang)
    resumed = work.start(resume)
    dedupe = _Dedupe(lang)
    if resumed:
        for part in work.summary_parts():
            dedupe.remember(pl.read_parquet(part, columns=["id", ROW_COLUMN]), options.source)
    skip, skipped_rows = work.chunks, work.rows
    with Progress(progress, count_rows(input_path, fmt), lang) as bar:
        bar.update(work.rows, work.failed)
        for result in _results(input_path, rules, options, chunk_size, skip, dask, workers):
            work.record(dedupe.apply(result, options.source))
            bar.update(work.rows, work.failed)
            if on_chunk is not None:
                on_chunk(result.index, work.rows, work.failed)
    summary = work.summary(rules).drop(ROW_COLUMN)
    errors = work.errors()
    if details_dir is not None:
        work.commit_details(Path(details_dir))
    write_errors(errors, errors_out, lang=lang)
    write_table(summary, output, lang=lang)
    outcome = BatchResult(summary, errors, work.rows, work.failed,
                          time.perf_counter() - started, skip, skipped_rows, work.refused)
    work.remove()
    return outcome


def _refuse_overwriting_input(input_path: Path, outputs: list[Path]) -> None:
    with contextlib.suppress(OSError):
        source = input_path.resolve()
        for out in outputs:
            if out.resolve() == source:
                raise OutputError(out, msg("output.is_input", input=display_path(input_path)))

