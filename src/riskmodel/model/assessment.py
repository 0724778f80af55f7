"""The assessment: what an application stores and what a driehoek gets to read.

This is the output contract. It is versioned by `SCHEMA_VERSION` (see docs/contract.md for
the rule): a change that can break a reader raises the major number. Deterministic by
construction (sorted lists, no clock), so the same input gives byte-identical JSON and a
receipt can be checked later.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from riskmodel.model.common import Label

#: major.minor of the assessment JSON; readers check the major number
SCHEMA_VERSION = "1.0"

IndicatorStatus = Literal["geraakt", "niet_geraakt", "onbepaald"]
GateStatus = Literal["voldaan", "niet_voldaan", "onbepaald"]
InterventionStatus = Literal[
    "aanbevolen", "te_overwegen", "onvoldoende_gegevens", "juridisch_niet_mogelijk",
    "niet_beschikbaar",
]
TraceKind = Literal[
    "fenomeen", "definitie", "indicator", "feit", "interventie", "aanleiding", "poort",
    "afweging", "bron",
]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Out):
    """A source a rule, gate or flag rests on, and whether anyone checked it."""

    text: str = Field(description="Human-readable citation (title, ECLI, URL).")
    ecli: str | None = Field(default=None, description="ECLI of the ruling, when it is one.")
    url: str | None = Field(default=None, description="Where the source can be read.")
    verified: bool = Field(description="False when the text or ruling was not checked; every "
                                       "human-readable output then says 'niet geverifieerd'.")
    remark: str | None = Field(default=None, description="What is not verified, and why.")


class Evidence(Out):
    """A known fact a result rests on, with where the analyst got it."""

    fact: str = Field(description="Fact id from the model's vocabulary.")
    label: Label = Field(description="The fact's name.")
    value: Any = Field(description="The value in the profile (bool, number, date, id or ids).")
    value_label: Label | None = Field(default=None,
                                      description="Readable text of an enum value, if any.")
    source: str | None = Field(default=None, description="Kind of source (politie, riec, ...).")
    source_detail: str | None = Field(default=None, description="Free-text source reference.")
    observed: dt.date | None = Field(default=None, description="Date of the observation.")


class MissingFact(Out):
    """An unknown fact that could change this result: what to find out."""

    fact: str = Field(description="Fact id from the model's vocabulary.")
    label: Label = Field(description="The fact's name.")
    question: Label | None = Field(default=None,
                                   description="The question an analyst can put to a partner.")


class IndicatorResult(Out):
    id: str = Field(description="Indicator id.")
    phenomenon: str = Field(description="Id of the phenomenon it scores for.")
    label: Label = Field(description="The indicator's name.")
    status: IndicatorStatus = Field(description="geraakt, niet_geraakt or onbepaald (unknown).")
    points: int = Field(description="Points it adds to its phenomenon's score when hit.")
    evidence: list[Evidence] = Field(description="Known facts its condition reads.")
    missing_facts: list[MissingFact] = Field(description="Unknown facts that keep it undecided.")
    sources: list[Citation] = Field(description="Sources of the indicator and its weight.")


class LevelOut(Out):
    id: str = Field(description="Level id, e.g. T3 or verhoogd.")
    rank: int = Field(description="0 for the lowest level, rising.")
    label: Label = Field(description="The level's name.")


class ScoreRange(Out):
    certain: int = Field(description="Points of indicators certainly hit (definition met).")
    possible: int = Field(description="Points if every undecided indicator were hit.")


class AppliedOverride(Out):
    indicator: str = Field(description="Indicator that lifts the level.")
    level: str = Field(description="The level it lifts to at least.")
    certain: bool = Field(description="True when indicator and definition are certain.")
    reason: Label = Field(description="Why this indicator lifts the level.")


class PhenomenonResult(Out):
    id: str = Field(description="Phenomenon id.")
    label: Label = Field(description="The phenomenon's name.")
    definition: GateStatus | None = Field(
        description="Whether the phenomenon's definition (its gate) is met; null when the "
                    "phenomenon has no definition.")
    definition_label: Label | None = Field(description="The definition in words, if any.")
    definition_evidence: list[Evidence] = Field(description="Known facts the definition reads.")
    score: ScoreRange = Field(description="Score range from the indicators.")
    level: LevelOut = Field(description="The level that is certain now.")
    possible_level: LevelOut = Field(description="The highest level still possible.")
    overrides: list[AppliedOverride] = Field(description="Indicators that lift the level.")
    missing_facts: list[MissingFact] = Field(
        description="Unknown facts that could raise the level or decide the definition.")
    reconstruction: Label | None = Field(
        description="Set when weights and thresholds are a reconstruction, not an official "
                    "model.")


class GateResult(Out):
    """A legal precondition of an instrument: if it is not met, the instrument cannot be used."""

    id: str = Field(description="Gate id, unique within its intervention.")
    label: Label = Field(description="What the law requires.")
    status: GateStatus = Field(description="voldaan, niet_voldaan or onbepaald.")
    reason: Label | None = Field(description="Why it blocks, when not met or undecided.")
    citations: list[Citation] = Field(description="The law or ruling the gate rests on.")
    evidence: list[Evidence] = Field(description="Known facts the gate reads.")
    missing_facts: list[MissingFact] = Field(description="Unknown facts that keep it undecided.")


class FlagResult(Out):
    """A proportionality point (art. 3:4 lid 2 Awb) to weigh before deciding."""

    id: str = Field(description="Flag id, unique within its intervention.")
    label: Label = Field(description="What must be weighed.")
    status: Literal["aanwezig", "onbepaald"] = Field(
        description="aanwezig (present) or onbepaald (may be present); absent flags are "
                    "not listed.")
    citations: list[Citation] = Field(description="Sources of the point to weigh.")
    evidence: list[Evidence] = Field(description="Known facts the flag reads.")
    missing_facts: list[MissingFact] = Field(description="Unknown facts that keep it undecided.")


class LegalBasisOut(Out):
    citation: str = Field(description="E.g. 'art. 13b lid 1 Opiumwet'.")
    kind: str = Field(description="wet, apv, beleid, convenant, jurisprudentie, informeel, "
                                  "civiel.")
    in_force_from: dt.date | None = Field(description="First day the basis applies.")
    in_force_to: dt.date | None = Field(description="Last day the basis applies.")
    url: str | None = Field(description="Where the text can be read.")
    bwb_id: str | None = Field(default=None, description="BWB id of the statute.")
    juriconnect: str | None = Field(default=None, description="Juriconnect reference.")
    ecli: str | None = Field(default=None, description="ECLI, for a basis in case law.")
    verified: bool = Field(description="False when the article was not checked against the "
                                       "law text.")
    note: str | None = Field(description="What is not verified, or other remarks.")


class InterventionResult(Out):
    id: str = Field(description="Intervention id.")
    label: Label = Field(description="The instrument's name.")
    status: InterventionStatus = Field(
        description="aanbevolen, te_overwegen, onvoldoende_gegevens, juridisch_niet_mogelijk "
                    "or niet_beschikbaar (see docs/contract.md).")
    trigger: Literal["ja", "mogelijk"] = Field(
        description="Whether the instrument's ground is present (ja) or possibly present.")
    ladder: int = Field(description="Rank on the intervention ladder; lower is less intrusive.")
    authority: list[str] = Field(description="Competent authority.")
    legal_basis: list[LegalBasisOut] = Field(description="Legal bases in force on the "
                                                         "peildatum.")
    legal_gates: list[GateResult] = Field(description="Legal preconditions and their status.")
    flags: list[FlagResult] = Field(description="Proportionality points to weigh.")
    missing_facts: list[MissingFact] = Field(
        description="Facts to find out, when the status is onvoldoende_gegevens.")
    subsidiarity: Label | None = Field(description="Why a lighter instrument may not suffice.")
    unavailable_reason: Label | None = Field(
        description="Why the instrument is not available on the peildatum.")
    lower_rungs: list[str] = Field(
        description="Less intrusive instruments that are recommended or to consider.")


class TraceNode(Out):
    """One step of the reasoning: a result and what it rests on."""

    kind: TraceKind = Field(description="What this node is: fenomeen, definitie, indicator, "
                                        "feit, interventie, aanleiding, poort, afweging, bron.")
    id: str = Field(description="Id of the phenomenon, indicator, fact, gate or flag; for a "
                                "bron its position among the citations.")
    result: str = Field(description="The outcome in the JSON vocabulary: a status, a level id, "
                                    "ja/mogelijk for a trigger, bekend/onbekend for a fact.")
    value: Any = Field(default=None, description="A fact's value (kind feit).")
    source: str | None = Field(default=None, description="A fact's source kind, or the "
                                                         "citation text (kind bron).")
    observed: dt.date | None = Field(default=None, description="A fact's observation date.")
    verified: bool | None = Field(default=None, description="For kind bron: whether checked.")
    children: list[TraceNode] = Field(default=[], description="What this result rests on.")


class Receipt(Out):
    """Everything needed to reproduce the assessment and prove what said what."""

    model: str = Field(description="Model name from model.yaml.")
    model_version: str = Field(description="Model version from model.yaml.")
    rules_sha256: str = Field(description="SHA-256 over all rule files.")
    rule_files: dict[str, str] = Field(description="SHA-256 per rule file.")
    engine: str = Field(description="Engine that decided the statuses.")
    engine_version: str = Field(description="Version of that engine.")
    riskmodel_version: str = Field(description="Version of this library.")
    peildatum: dt.date = Field(description="The date the situation is assessed as of.")
    profile_id: str = Field(description="Id of the profile.")
    profile_kind: str = Field(description="gemeente, wijk, pand, evenement or groep.")
    municipality: str = Field(description="Municipality of the situation.")
    profile_sha256: str = Field(description="SHA-256 of the canonical profile.")


class Assessment(Out):
    """One situation assessed as of a date: indicators, phenomena, interventions, why."""

    schema_version: str = Field(default=SCHEMA_VERSION,
                                description="Version of this JSON contract (major.minor).")
    receipt: Receipt = Field(description="What was assessed with which model and engine.")
    indicators: list[IndicatorResult] = Field(description="Every indicator in force, by id.")
    phenomena: list[PhenomenonResult] = Field(description="Every phenomenon, by id.")
    interventions: list[InterventionResult] = Field(
        description="Instruments whose ground is (possibly) present, least intrusive first.")
    trace: list[TraceNode] = Field(description="The reasoning, per phenomenon and "
                                               "intervention, down to facts and sources.")

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, fixed separators, UTF-8, trailing newline."""
        data = self.model_dump(mode="json")
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"

    def phenomenon(self, pid: str) -> PhenomenonResult | None:
        """The phenomenon with this id, or None (like `intervention` and `indicator`)."""
        return next((p for p in self.phenomena if p.id == pid), None)

    def intervention(self, iid: str) -> InterventionResult | None:
        """The intervention with this id, or None when it is not suggested or unknown."""
        return next((i for i in self.interventions if i.id == iid), None)

    def indicator(self, iid: str) -> IndicatorResult | None:
        """The indicator with this id, or None when it is not in force or unknown."""
        return next((i for i in self.indicators if i.id == iid), None)
