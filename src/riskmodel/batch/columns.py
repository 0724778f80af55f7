"""The column contract of a batch: how a table row spells a profile, and how a summary row
spells an assessment. Readers, the reference path, the vectorised evaluator, the regional
picture and the web API all use these names, so one table means the same everywhere.

Input row: ``id, soort, gemeente, peildatum`` (optional ``wijk``), then one column per fact
``<feit>`` with optional ``<feit>__bron`` and ``<feit>__datum``. An empty cell or
``onbekend`` is unknown. An ``enum_list`` cell lists its ids separated by ``;``; a cell of
only ``;`` is the empty list (known: none of them).

Summary row: ``id, soort, gemeente, wijk, peildatum``, then per phenomenon
``<fenomeen>__niveau`` (the certain level id) and ``<fenomeen>__mogelijk`` (the highest level
still possible), then per intervention ``<interventie>__status``: its status in the assessment,
or ``niet_voorgesteld`` when its ground is certainly absent (the assessment leaves it out).
The ``wijk`` column is copied from the input row (the assessment does not carry it).
"""

from __future__ import annotations

from typing import Any

from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import UNKNOWN
from riskmodel.model.ruleset import RuleSet

#: columns every input row has (``wijk`` may be absent or empty)
ID_COLUMNS: tuple[str, ...] = ("id", "soort", "gemeente", "wijk", "peildatum")
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "soort", "gemeente", "peildatum")
SOURCE_SUFFIX = "__bron"
DATE_SUFFIX = "__datum"
LEVEL_SUFFIX = "__niveau"
POSSIBLE_SUFFIX = "__mogelijk"
STATUS_SUFFIX = "__status"
LIST_SEPARATOR = ";"
#: status of an intervention the assessment does not list: its ground is certainly absent
NOT_SUGGESTED = "niet_voorgesteld"
#: optional input columns that are not facts: the free-text description and the premises
#: reference (16 digits: a BAG id, otherwise a reference)
OPTIONAL_COLUMNS: tuple[str, ...] = ("omschrijving", "object")
#: added by the readers to every chunk: the row number as the file shows it (CSV/JSONL: its
#: line; Excel: its sheet row; Parquet: position from 1; directory: file position from 1).
#: Fact ids start with a letter, so this never clashes with a fact column.
ROW_COLUMN = "_rij"
#: added by the directory reader: the profile file a row came from
FILE_COLUMN = "_bestand"


def is_unknown(cell: Any) -> bool:
    """Empty cells (None, NaN, blank text) and the word `onbekend` all mean unknown."""
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN from pandas/Excel
        return True
    if isinstance(cell, str):
        text = cell.strip()
        return text == "" or text.lower() == UNKNOWN
    return False


def input_columns(rules: RuleSet, *, with_source: bool = False,
                  optional: bool = False) -> list[str]:
    """The columns of an input sheet for this model, in vocabulary order (with `optional`,
    the premises reference and description after the id columns)."""
    cols = list(ID_COLUMNS)
    if optional:
        cols += OPTIONAL_COLUMNS
    for fact_id in rules.facts:
        cols.append(fact_id)
        if with_source:
            cols += [fact_id + SOURCE_SUFFIX, fact_id + DATE_SUFFIX]
    return cols


def summary_columns(rules: RuleSet) -> list[str]:
    """The columns of the summary table, in model order."""
    cols = list(ID_COLUMNS)
    for ph in rules.phenomena:
        cols += [ph + LEVEL_SUFFIX, ph + POSSIBLE_SUFFIX]
    cols += [iv + STATUS_SUFFIX for iv in rules.interventions]
    return cols


def summary_row(assessment: Assessment, rules: RuleSet, district: str | None = None
                ) -> dict[str, Any]:
    """One summary row from an assessment (the reference the vectorised path must equal)."""
    a = assessment
    row: dict[str, Any] = {
        "id": a.receipt.profile_id,
        "soort": a.receipt.profile_kind,
        "gemeente": a.receipt.municipality,
        "wijk": district,
        "peildatum": a.receipt.peildatum,
    }
    for ph in a.phenomena:
        row[ph.id + LEVEL_SUFFIX] = ph.level.id
        row[ph.id + POSSIBLE_SUFFIX] = ph.possible_level.id
    statuses = {iv.id: iv.status for iv in a.interventions}
    for iv_id in rules.interventions:
        row[iv_id + STATUS_SUFFIX] = statuses.get(iv_id, NOT_SUGGESTED)
    return row
