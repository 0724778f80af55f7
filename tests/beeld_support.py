"""Hand-built (profile, assessment) pairs for the regional-picture tests.

The assessments are written out by hand (not computed by an engine), so every count a test
expects follows from the lines of the test itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from riskmodel.model.assessment import (
    Assessment,
    GateResult,
    InterventionResult,
    LevelOut,
    PhenomenonResult,
    Receipt,
    ScoreRange,
)
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

D1 = dt.date(2026, 1, 1)


def _level(rules: RuleSet, pid: str, lid: str) -> LevelOut:
    ids = [lv.id for lv in rules.phenomena[pid].levels]
    return LevelOut(id=lid, rank=ids.index(lid))


def iv(iid: str, status: str, gates: dict[str, str] | None = None, trigger: str = "ja",
       missing: list[str] | None = None) -> InterventionResult:
    return InterventionResult(
        id=iid, status=status, trigger=trigger, ladder=1, authority=["burgemeester"],  # type: ignore[arg-type]
        legal_basis=[], flags=[], lower_rungs=[], missing_facts=missing or [],
        legal_gates=[GateResult(id=g, status=s, citations=[], evidence=[],  # type: ignore[arg-type]
                                missing_facts=[]) for g, s in (gates or {}).items()])


def pair(rules: RuleSet, pid: str, municipality: str, *, day: dt.date = D1,
         levels: dict[str, str | tuple[str, str]] | None = None,
         district: str | None = None, interventions: list[InterventionResult] | None = None,
         missing: dict[str, list[str]] | None = None,
         facts: dict[str, Any] | None = None) -> tuple[Profile, Assessment]:
    """`levels`: phenomenon -> certain level, or (certain, possible); `missing`: phenomenon ->
    missing fact ids."""
    phenomena = []
    for ph, value in (levels or {"omg": "T0"}).items():
        certain, possible = value if isinstance(value, tuple) else (value, value)
        phenomena.append(PhenomenonResult(
            id=ph, definition_evidence=[], score=ScoreRange(certain=0, possible=0),
            level=_level(rules, ph, certain), possible_level=_level(rules, ph, possible),
            overrides=[], missing_facts=(missing or {}).get(ph, []), reconstruction=False))
    profile = Profile.model_validate({
        "id": pid, "soort": "pand", "peildatum": day,
        "gemeente": municipality if municipality.replace(" ", "").isalpha() else "Voorbeeld",
        "wijk": district, "feiten": facts or {}})
    receipt = Receipt(model="m", model_version="1", rules_sha256="0", rule_files={},
                      engine="hand", engine_version="0", riskmodel_version="0", peildatum=day,
                      profile_id=pid, profile_kind="pand", municipality=municipality,
                      profile_sha256="0")
    return profile, Assessment(receipt=receipt, indicators=[], phenomena=phenomena,
                               interventions=interventions or [], citations={})
