"""The assessment: what an application stores and what a driehoek gets to read.

Deterministic by construction (sorted lists, no clock), so the same input gives
byte-identical JSON and a receipt can be checked later.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from riskmodel.model.common import Label

IndicatorStatus = Literal["geraakt", "niet_geraakt", "onbepaald"]
GateStatus = Literal["voldaan", "niet_voldaan", "onbepaald"]
InterventionStatus = Literal[
    "aanbevolen", "te_overwegen", "onvoldoende_gegevens", "juridisch_niet_mogelijk",
    "niet_beschikbaar",
]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Out):
    fact: str
    label: Label
    value: Any
    value_label: Label | None = None
    source: str | None = None
    source_detail: str | None = None
    observed: dt.date | None = None


class MissingFact(Out):
    fact: str
    label: Label
    question: Label | None = None


class IndicatorResult(Out):
    id: str
    phenomenon: str
    label: Label
    status: IndicatorStatus
    points: int
    evidence: list[Evidence]
    missing_facts: list[MissingFact]
    sources: list[str]


class LevelOut(Out):
    id: str
    rank: int
    label: Label


class ScoreRange(Out):
    certain: int
    possible: int


class AppliedOverride(Out):
    indicator: str
    level: str
    certain: bool
    reason: Label


class PhenomenonResult(Out):
    id: str
    label: Label
    gate: GateStatus
    gate_label: Label | None
    gate_evidence: list[Evidence]
    score: ScoreRange
    level: LevelOut
    possible_level: LevelOut
    overrides: list[AppliedOverride]
    missing_facts: list[MissingFact]
    reconstruction: Label | None


class GateResult(Out):
    id: str
    label: Label
    status: GateStatus
    reason: Label | None
    citations: list[str]
    evidence: list[Evidence]
    missing_facts: list[MissingFact]


class FlagResult(Out):
    id: str
    label: Label
    status: Literal["aanwezig", "onbepaald"]
    citations: list[str]
    evidence: list[Evidence]
    missing_facts: list[MissingFact]


class LegalBasisOut(Out):
    citation: str
    kind: str
    in_force_from: dt.date | None
    in_force_to: dt.date | None
    url: str | None
    verified: bool
    note: str | None


class InterventionResult(Out):
    id: str
    label: Label
    status: InterventionStatus
    trigger: Literal["ja", "mogelijk"]
    ladder: int
    authority: list[str]
    legal_basis: list[LegalBasisOut]
    gates: list[GateResult]
    flags: list[FlagResult]
    missing_facts: list[MissingFact]
    subsidiarity: Label | None
    unavailable_reason: Label | None
    lower_rungs: list[str]


class TraceNode(Out):
    node: str
    result: str
    children: list[TraceNode] = []


class Receipt(Out):
    model: str
    model_version: str
    rules_sha256: str
    rule_files: dict[str, str]
    engine: str
    engine_version: str
    riskmodel_version: str
    peildatum: dt.date
    profile_id: str
    profile_kind: str
    municipality: str
    profile_sha256: str


class Assessment(Out):
    receipt: Receipt
    indicators: list[IndicatorResult]
    phenomena: list[PhenomenonResult]
    interventions: list[InterventionResult]
    trace: list[TraceNode]

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, fixed separators, UTF-8, trailing newline."""
        data = self.model_dump(mode="json")
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"

    def phenomenon(self, pid: str) -> PhenomenonResult:
        for p in self.phenomena:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def intervention(self, iid: str) -> InterventionResult | None:
        for i in self.interventions:
            if i.id == iid:
                return i
        return None

    def indicator(self, iid: str) -> IndicatorResult | None:
        for i in self.indicators:
            if i.id == iid:
                return i
        return None
