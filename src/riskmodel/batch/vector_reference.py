"""The per-row reference path: one table row becomes a profile document, checked and assessed
exactly like a profile file. The vectorised evaluator must equal this on every row it accepts.

A cell is read by the type of its fact, never guessed from the text alone:

* empty, blank or ``onbekend`` (any case) is unknown (``columns.is_unknown``);
* text is stripped; a bool fact reads ``true``/``false`` (any case) as booleans, anything else
  stays text and is refused by the loader with its usual message (``ja`` suggests ``true``);
* an int or decimal fact reads ``12`` as an integer and ``1.5`` as a number; other text stays
  text and is refused;
* an ``enum_list`` cell lists its ids separated by ``;``;
* dates stay as written (ISO text or a date); the loader parses and checks them.

Columns that are no fact of the model (nor ``<feit>__bron``/``<feit>__datum``) go into the
profile as facts, so the loader names them with a "did you mean"; a wrong column is never
silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from riskmodel.api import assess
from riskmodel.batch.columns import (
    DATE_SUFFIX,
    ID_COLUMNS,
    LIST_SEPARATOR,
    SOURCE_SUFFIX,
    is_unknown,
    summary_row,
)
from riskmodel.check.profile import profile_from_data
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

_INTEGER = re.compile(r"[+-]?\d+")


def _plain(cell: Any) -> Any:
    """numpy scalars and the like as Python values (what a YAML file would have given)."""
    item = getattr(cell, "item", None)
    if callable(item) and not isinstance(cell, str | bytes | list | dict):
        try:
            return item()
        except (TypeError, ValueError):
            return cell
    return cell


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.lower() not in ("nan", "inf", "-inf", "+inf", "infinity", "-infinity",
                                "+infinity")


def cell_value(fact_type: str | None, cell: Any) -> Any:
    """The profile value of one known fact cell, read by the fact's type."""
    cell = _plain(cell)
    if isinstance(cell, tuple):
        cell = list(cell)
    if not isinstance(cell, str):
        return cell
    text = cell.strip()
    if fact_type == "bool" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if fact_type in ("int", "decimal"):
        if _INTEGER.fullmatch(text):
            return int(text)
        if _looks_numeric(text):
            return float(text)
    if fact_type == "enum_list":
        return [part.strip() for part in text.split(LIST_SEPARATOR)]
    return text


def split_column(name: str) -> tuple[str, str]:
    """(fact id, part): part is '' for the value, or the source/date suffix."""
    for suffix in (SOURCE_SUFFIX, DATE_SUFFIX):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def row_document(row: Mapping[str, Any], rules: RuleSet) -> dict[str, Any]:
    """The profile document of one table row (before any validation)."""
    doc: dict[str, Any] = {}
    for col in ID_COLUMNS:
        cell = _plain(row.get(col))
        if not is_unknown(cell):
            doc[col] = cell.strip() if isinstance(cell, str) else cell
    facts: dict[str, dict[str, Any]] = {}
    for name, raw in row.items():
        if name in ID_COLUMNS:
            continue
        fact_id, part = split_column(name)
        cell = _plain(raw)
        if fact_id not in rules.facts:
            # no fact of this model: the loader refuses it by name, empty or not
            fact_id, part = name, ""
        elif is_unknown(cell):
            continue
        entry = facts.setdefault(fact_id, {})
        if part == SOURCE_SUFFIX:
            entry["bron"] = cell.strip() if isinstance(cell, str) else cell
        elif part == DATE_SUFFIX:
            entry["datum"] = cell.strip() if isinstance(cell, str) else cell
        else:
            fact = rules.facts.get(fact_id)
            entry["waarde"] = None if is_unknown(cell) else cell_value(
                fact.type if fact is not None else None, cell)
    if facts:
        doc["feiten"] = dict(sorted(facts.items()))
    return doc


def row_profile(row: Mapping[str, Any], rules: RuleSet, *, name: str = "<rij>",
                peildatum: dt.date | None = None) -> Profile:
    """The validated profile of one row; raises ProfileError with the loader's diagnostics."""
    return profile_from_data(row_document(row, rules), rules, name, peildatum)


def row_assessment(row: Mapping[str, Any], rules: RuleSet, *, name: str = "<rij>",
                   peildatum: dt.date | None = None) -> Assessment:
    return assess(row_profile(row, rules, name=name, peildatum=peildatum), rules)


def row_summary(row: Mapping[str, Any], rules: RuleSet, *,
                peildatum: dt.date | None = None) -> dict[str, Any]:
    """The reference summary row of one table row (raises ProfileError for a bad row)."""
    district = _plain(row.get("wijk"))
    district = None if is_unknown(district) else (
        district.strip() if isinstance(district, str) else district)
    return summary_row(row_assessment(row, rules, peildatum=peildatum), rules, district)
