"""The vectorised evaluator: a whole table of profiles at once, equal to `assess` per row.

``evaluate_frame`` validates and encodes the table as columns (vector_cells), evaluates the
compiled rules as pairs of masks (vector_logic; one compiled model per stretch of days on
which the law is the same, equal nodes computed once), and returns the summary table
(batch.columns) of every row it could vouch for, plus the rows it could not: those go
through the per-row reference path (vector_reference), which assesses them or names
exactly what is wrong. Explanations are never vectorised: ``explain_rows`` assesses the
rows asked for with the reference path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import polars as pl

from riskmodel.batch.columns import (
    LEVEL_SUFFIX,
    POSSIBLE_SUFFIX,
    STATUS_SUFFIX,
    summary_columns,
)
from riskmodel.batch.vector_cells import EPOCH_ORDINAL, EncodedFrame, encode_frame
from riskmodel.batch.vector_logic import STATUS_NAMES, Ranks, programs_for
from riskmodel.batch.vector_reference import row_assessment
from riskmodel.model.assessment import Assessment
from riskmodel.model.ruleset import RuleSet

__all__ = ["VectorResult", "evaluate_encoded", "evaluate_frame", "explain_rows"]


@dataclass
class VectorResult:
    """The summary of the rows the vectorised path vouches for, and the rest."""

    #: exactly the columns of `summary_columns(rules)`, one row per valid input row, in order
    summary: pl.DataFrame
    #: per input row: True when the row must go through the per-row reference path: a cell
    #: the vector path cannot vouch for (the reference may still accept it), a bad row, or
    #: an id already seen earlier in this frame (assess_many refuses repeated ids)
    invalid: npt.NDArray[np.bool_]

    @property
    def invalid_rows(self) -> list[int]:
        """Input row indices (0-based) for the reference path, in order."""
        return [int(i) for i in np.flatnonzero(self.invalid)]

    @property
    def valid_rows(self) -> list[int]:
        return [int(i) for i in np.flatnonzero(~self.invalid)]


def evaluate_frame(df: pl.DataFrame, rules: RuleSet, *, peildatum: dt.date | None = None
                   ) -> VectorResult:
    """Assess every row of `df` (input columns of batch.columns) as of its own peildatum, or
    of `peildatum` for all rows (as `assess(..., peildatum=...)` would)."""
    enc = encode_frame(df, rules, peildatum)
    idx, days, levels, statuses = evaluate_encoded(enc, rules)
    summary = _summary(df, rules, idx, days, levels, statuses)
    return VectorResult(summary=summary, invalid=enc.invalid)


Evaluated = tuple[npt.NDArray[np.intp], npt.NDArray[np.int64], dict[str, tuple[Ranks, Ranks]],
                  dict[str, npt.NDArray[np.int8]]]


def evaluate_encoded(enc: EncodedFrame, rules: RuleSet) -> Evaluated:
    """The evaluation step alone: the valid rows, their days, level ranks (certain,
    possible) per phenomenon and status codes (vector_logic.STATUS_NAMES) per intervention."""
    idx = np.flatnonzero(~enc.invalid)
    days = enc.day[idx]
    if not len(idx):
        levels: dict[str, tuple[Ranks, Ranks]] = {
            ph: (np.zeros(0, np.int16), np.zeros(0, np.int16)) for ph in rules.phenomena}
        return idx, days, levels, {iv: np.zeros(0, np.int8) for iv in rules.interventions}
    programs = programs_for(rules)
    # Every row is evaluated (a bad cell counts as unknown) and the valid ones are kept:
    # cheaper than gathering every column for the valid rows. A row without a valid day
    # borrows one.
    all_days = np.where(enc.invalid, days[0], enc.day)
    unique_days, day_of_row = np.unique(all_days, return_inverse=True)
    # one program per stretch of days on which the compiled law is the same
    program_of_day = np.fromiter((programs.index(int(d)) for d in unique_days), dtype=np.int64,
                                 count=len(unique_days))
    program_of_row = program_of_day[day_of_row]
    run_frame = replace(enc, day=all_days)
    levels, statuses = programs.evaluator.run(run_frame, None, programs.programs, program_of_row)
    if len(idx) != enc.n:
        levels = {ph: (c[idx], p[idx]) for ph, (c, p) in levels.items()}
        statuses = {iv: s[idx] for iv, s in statuses.items()}
    return idx, days, levels, statuses


def _summary(df: pl.DataFrame, rules: RuleSet, idx: npt.NDArray[np.intp],
             days: npt.NDArray[np.int64], levels: dict[str, tuple[Ranks, Ranks]],
             statuses: dict[str, npt.NDArray[np.int8]]) -> pl.DataFrame:
    take = pl.Series(idx, dtype=pl.UInt32) if len(idx) != df.height else None

    def ident(name: str) -> pl.Series:
        if name not in df.columns or df.schema[name] == pl.Null:
            return pl.Series(name, [None] * len(idx), dtype=pl.String)
        s = df.get_column(name)
        s = s.gather(take) if take is not None else s
        s = s.cast(pl.String)
        if name == "wijk":  # empty or onbekend: no district
            s = s.set(s.is_null() | s.str.strip_chars().str.to_lowercase().is_in(
                ["", "onbekend"]), None) if len(s) else s
        return s.alias(name)

    cols: list[pl.Series] = [ident("id"), ident("soort"), ident("gemeente"), ident("wijk"),
                             pl.Series("peildatum", days - EPOCH_ORDINAL, dtype=pl.Int32)
                             .cast(pl.Date)]
    status_names = pl.Series(list(STATUS_NAMES), dtype=pl.String)
    for ph_id, ph in rules.phenomena.items():
        names = pl.Series([lv.id for lv in ph.levels], dtype=pl.String)
        certain, possible = levels[ph_id]
        cols.append(names.gather(pl.Series(certain, dtype=pl.UInt32)).alias(ph_id + LEVEL_SUFFIX))
        cols.append(names.gather(pl.Series(possible, dtype=pl.UInt32))
                    .alias(ph_id + POSSIBLE_SUFFIX))
    for iv_id in rules.interventions:
        cols.append(status_names.gather(pl.Series(statuses[iv_id], dtype=pl.UInt32))
                    .alias(iv_id + STATUS_SUFFIX))
    out = pl.DataFrame(cols)
    assert out.columns == summary_columns(rules)
    return out


def explain_rows(df: pl.DataFrame, rules: RuleSet, row_ids: Iterable[int], *,
                 peildatum: dt.date | None = None) -> list[Assessment]:
    """Full assessments (with reasons, gates and missing facts) of the rows asked for, by the
    reference path; a row the loader refuses raises its ProfileError."""
    out = []
    for i in row_ids:
        row = df.row(int(i), named=True)
        out.append(row_assessment(row, rules, name=f"<rij {int(i) + 1}>", peildatum=peildatum))
    return out

