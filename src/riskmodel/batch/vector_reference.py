"""The per-row reference path of the vectorised evaluator: one table row becomes a profile
exactly as the batch reference path makes it (`batch.rows.RowReader`, THE row rule: cells read
by the type of their fact, yes/no words, numbers, ISO dates, `a;b` lists, empty or
`onbekend` unknown), checked and assessed like a profile file. The vectorised evaluator must
equal this on every row it accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from riskmodel.api import assess
from riskmodel.batch.columns import is_unknown, summary_row
from riskmodel.batch.rows import RowReader
from riskmodel.check.profile import profile_from_doc
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet


def row_document(row: Mapping[str, Any], rules: RuleSet, *, name: str = "<rij>",
                 rownum: int = 1) -> Any:
    """The profile document (a SourceDoc placing fields at row and column) of one row."""
    return RowReader(rules, name).document(row, list(row), rownum)


def row_profile(row: Mapping[str, Any], rules: RuleSet, *, name: str = "<rij>",
                peildatum: dt.date | None = None) -> Profile:
    """The validated profile of one row; raises ProfileError with the loader's diagnostics."""
    return profile_from_doc(row_document(row, rules, name=name), rules, peildatum=peildatum)


def row_assessment(row: Mapping[str, Any], rules: RuleSet, *, name: str = "<rij>",
                   peildatum: dt.date | None = None) -> Assessment:
    return assess(row_profile(row, rules, name=name, peildatum=peildatum), rules)


def row_summary(row: Mapping[str, Any], rules: RuleSet, *,
                peildatum: dt.date | None = None) -> dict[str, Any]:
    """The reference summary row of one table row (raises ProfileError for a bad row)."""
    profile = row_profile(row, rules, peildatum=peildatum)
    district = row.get("wijk")
    district = None if is_unknown(district) else profile.district
    return summary_row(assess(profile, rules), rules, district)
