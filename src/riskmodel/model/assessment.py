"""The assessment: what an application stores and what a driehoek gets to read.

This is the output contract. It is versioned by `SCHEMA_VERSION` (see docs/contract.md for
the rule): a change that can break a reader raises the major number. Deterministic by
construction (sorted lists, no clock), so the same input gives byte-identical JSON and a
receipt can be checked later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from riskmodel.model.common import Label
from riskmodel.model.identity import IdentityMap

#: major.minor of the assessment JSON; readers check the major number
SCHEMA_VERSION = "2.2"

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


TextKey = str
"""Key of a text in the model (see docs/contract.md): `feit:<id>`, `vraag:<id>`,
`waarde:<feit>:<waarde>`, `indicator:<id>`, `fenomeen:<id>`, `definitie:<id>`,
`reconstructie:<id>`, `niveau:<fenomeen>:<niveau>`, `ophoging:<fenomeen>:<indicator>`,
`interventie:<id>`, `subsidiariteit:<id>`, `niet_beschikbaar:<id>`, `poort:<interventie>:<id>`,
`poort_reden:<interventie>:<id>`, `afweging:<interventie>:<id>`."""


class Citation(Out):
    """A source a rule, gate or flag rests on, and whether anyone checked it."""

    title: str | None = Field(default=None, description="Title of the source.")
    ecli: str | None = Field(default=None, description="ECLI of the ruling, when it is one.")
    url: str | None = Field(default=None, description="Where the source can be read.")
    verified: bool = Field(description="False when the text or ruling was not checked; every "
                                       "human-readable output then says 'niet geverifieerd'.")
    remark: str | None = Field(default=None, description="What is not verified, and why.")

    @property
    def text(self) -> str:
        """As people cite it: title, ECLI, URL."""
        return ", ".join(p for p in (self.title, self.ecli, self.url) if p)


class Evidence(Out):
    """A known fact a result rests on, with where the analyst got it."""

    fact: str = Field(description="Fact id; its name is text `feit:<id>`.")
    value: Any = Field(description="The value in the profile (bool, number, date, id or ids); "
                                   "an enum value's name is text `waarde:<feit>:<waarde>`.")
    source: str | None = Field(default=None, description="Kind of source (politie, riec, ...).")
    source_detail: str | None = Field(default=None, description="Free-text source reference.")
    observed: dt.date | None = Field(default=None, description="Date of the observation.")


class IndicatorResult(Out):
    id: str = Field(description="Indicator id.")
    phenomenon: str = Field(description="Id of the phenomenon it scores for.")
    status: IndicatorStatus = Field(description="geraakt, niet_geraakt or onbepaald (unknown).")
    points: int = Field(description="Points it adds to its phenomenon's score when hit.")
    evidence: list[Evidence] = Field(description="Known facts its condition reads.")
    missing_facts: list[str] = Field(
        description="Ids of unknown facts that keep it undecided (question: text `vraag:<id>`).")
    sources: list[str] = Field(description="Keys in `citations`: sources of the indicator and "
                                           "its weight.")


class LevelOut(Out):
    id: str = Field(description="Level id, e.g. T3 or verhoogd.")
    rank: int = Field(description="0 for the lowest level, rising.")


class ScoreRange(Out):
    certain: int = Field(description="Points of indicators certainly hit (definition met).")
    possible: int = Field(description="Points if every undecided indicator were hit.")


class AppliedOverride(Out):
    indicator: str = Field(description="Indicator that lifts the level.")
    level: str = Field(description="The level it lifts to at least.")
    certain: bool = Field(description="True when indicator and definition are certain.")


class PhenomenonResult(Out):
    id: str = Field(description="Phenomenon id.")
    definition: GateStatus | None = Field(
        default=None,
        description="Whether the phenomenon's definition (its gate) is met; null when the "
                    "phenomenon has no definition.")
    definition_evidence: list[Evidence] = Field(description="Known facts the definition reads.")
    score: ScoreRange = Field(description="Score range from the indicators.")
    level: LevelOut = Field(description="The level that is certain now.")
    possible_level: LevelOut = Field(description="The highest level still possible.")
    overrides: list[AppliedOverride] = Field(description="Indicators that lift the level.")
    missing_facts: list[str] = Field(
        description="Unknown facts that could raise the level or decide the definition.")
    reconstruction: bool = Field(
        description="True when weights and thresholds are a reconstruction, not an official "
                    "model (text `reconstructie:<id>`).")


class GateResult(Out):
    """A legal precondition of an instrument: if it is not met, the instrument cannot be used."""

    id: str = Field(description="Gate id, unique within its intervention; what the law "
                                "requires is text `poort:<interventie>:<id>`, why it blocks "
                                "`poort_reden:<interventie>:<id>`.")
    status: GateStatus = Field(description="voldaan, niet_voldaan or onbepaald.")
    citations: list[str] = Field(description="Keys in `citations`: the law or ruling the gate "
                                             "rests on.")
    evidence: list[Evidence] = Field(description="Known facts the gate reads.")
    missing_facts: list[str] = Field(
        description="Ids of unknown facts that keep it undecided (question: text `vraag:<id>`).")


class FlagResult(Out):
    """A proportionality point (art. 3:4 lid 2 Awb) to weigh before deciding."""

    id: str = Field(description="Flag id, unique within its intervention; what must be "
                                "weighed is text `afweging:<interventie>:<id>`.")
    status: Literal["aanwezig", "onbepaald"] = Field(
        description="aanwezig (present) or onbepaald (may be present); absent flags are "
                    "not listed.")
    citations: list[str] = Field(description="Keys in `citations`: sources of the point.")
    evidence: list[Evidence] = Field(description="Known facts the flag reads.")
    missing_facts: list[str] = Field(
        description="Ids of unknown facts that keep it undecided (question: text `vraag:<id>`).")


class LegalBasisOut(Out):
    citation: str = Field(description="E.g. 'art. 13b lid 1 Opiumwet'.")
    kind: str = Field(description="wet, apv, beleid, convenant, jurisprudentie, informeel, "
                                  "civiel.")
    in_force_from: dt.date | None = Field(default=None, description="First day the basis applies.")
    in_force_to: dt.date | None = Field(default=None, description="Last day the basis applies.")
    url: str | None = Field(default=None, description="Where the text can be read.")
    bwb_id: str | None = Field(default=None, description="BWB id of the statute.")
    juriconnect: str | None = Field(default=None, description="Juriconnect reference.")
    ecli: str | None = Field(default=None, description="ECLI, for a basis in case law.")
    verified: bool = Field(description="False when the article was not checked against the "
                                       "law text.")
    note: str | None = Field(default=None, description="What is not verified, or other remarks.")


class InterventionResult(Out):
    id: str = Field(description="Intervention id; its name is text `interventie:<id>`.")
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
    missing_facts: list[str] = Field(
        description="Facts to find out, when the status is onvoldoende_gegevens.")
    unavailable: Literal["reden", "geen_grondslag"] | None = Field(
        default=None,
        description="When not available on the peildatum: `reden` (the model gives the reason, "
                    "text `niet_beschikbaar:<id>`) or `geen_grondslag` (no legal basis in force "
                    "on that date).")
    lower_rungs: list[str] = Field(
        description="Less intrusive instruments that are recommended or to consider.")


class TraceNode(Out):
    """One step of the reasoning: a result and what it rests on."""

    kind: TraceKind = Field(description="What this node is: fenomeen, definitie, indicator, "
                                        "feit, interventie, aanleiding, poort, afweging, bron.")
    id: str = Field(description="Id of the phenomenon, indicator, fact, gate or flag; for a "
                                "bron its key in `citations`.")
    result: str = Field(description="The outcome in the JSON vocabulary: a status, a level id, "
                                    "ja/mogelijk for a trigger, bekend/onbekend for a fact, "
                                    "geverifieerd/niet_geverifieerd for a source. A fact's "
                                    "value is in the evidence of the node above, a source's "
                                    "text in `citations`.")
    children: list[TraceNode] = Field(default=[], description="What this result rests on.")


class FindOut(Out):
    """An unknown fact worth finding out: the outcomes knowing it could change."""

    fact: str = Field(description="Fact id; its question is text `vraag:<id>`.")
    outcomes: int = Field(description="How many outcomes some value of the fact changes "
                                      "(the length of `decides`).")
    decides: list[str] = Field(
        description="Those outcomes: `indicator:<id>`, `definition:<fenomeen>`, "
                    "`level:<fenomeen>` (the certain level), `gate:<interventie>/<poort>`, "
                    "`flag:<interventie>/<afweging>`, `status:<interventie>`.")


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
    citations: dict[str, Citation] = Field(
        description="Every source cited above, once, by key.")
    find_out: list[FindOut] | None = Field(
        default=None,
        description="Unknown facts that apply to the profile's kind, ranked by how many "
                    "outcomes knowing them could change (most first, then by id), computed "
                    "exactly from the three-valued evaluation; the top 10. Since 2.1; "
                    "since 2.2 only when asked for (`find_out=True`, `--find-out`).")
    texts: dict[TextKey, Label] | None = Field(
        default=None, description="Names, questions and reasons by text key (nl and en), only "
                                  "when asked for (`texts=True`, `--texts`); otherwise they come "
                                  "from the model named in the receipt.")

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, compact separators, UTF-8, trailing newline; fields
        that are null are left out (they are optional in the schema)."""
        if has_sorted_fields(self):
            return self.__pydantic_serializer__.to_json(self, exclude_none=True).decode() + "\n"
        return orjson.dumps(self.model_dump(mode="json", exclude_none=True),
                            option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE).decode()

    @property
    def trace(self) -> list[TraceNode]:
        """The reasoning, per phenomenon and intervention, down to facts and sources.

        Derived from the sections above (so it can never disagree with them, and is not
        repeated in the JSON); `render_explain(..., fmt="json")` gives one subtree as JSON.
        """
        return build_trace(self.indicators, self.phenomena, self.interventions, self.citations)

    def phenomenon(self, pid: str) -> PhenomenonResult | None:
        """The phenomenon with this id, or None (like `intervention` and `indicator`)."""
        return next((p for p in self.phenomena if p.id == pid), None)

    def intervention(self, iid: str) -> InterventionResult | None:
        """The intervention with this id, or None when it is not suggested or unknown."""
        return next((i for i in self.interventions if i.id == iid), None)

    def indicator(self, iid: str) -> IndicatorResult | None:
        """The indicator with this id, or None when it is not in force or unknown."""
        return next((i for i in self.indicators if i.id == iid), None)


def _facts(evidence: list[Evidence], missing: list[str]) -> list[TraceNode]:
    known = [TraceNode(kind="feit", id=e.fact, result="bekend") for e in evidence]
    return known + [TraceNode(kind="feit", id=m, result="onbekend") for m in missing]


def build_trace(indicators: list[IndicatorResult], phenomena: list[PhenomenonResult],
                interventions: list[InterventionResult],
                citations: dict[str, Citation]) -> list[TraceNode]:
    def _citations(keys: list[str]) -> list[TraceNode]:
        return [TraceNode(kind="bron", id=k, result="geverifieerd" if citations[k].verified
                          else "niet_geverifieerd") for k in keys]

    by_ph: dict[str, list[IndicatorResult]] = {}
    for ind in indicators:
        by_ph.setdefault(ind.phenomenon, []).append(ind)
    nodes: list[TraceNode] = []
    for ph in phenomena:
        children: list[TraceNode] = []
        if ph.definition is not None:
            children.append(TraceNode(kind="definitie", id=ph.id, result=ph.definition,
                                      children=_facts(ph.definition_evidence, [])))
        for ind in by_ph.get(ph.id, []):
            children.append(TraceNode(
                kind="indicator", id=ind.id, result=ind.status,
                children=_facts(ind.evidence, ind.missing_facts) + _citations(ind.sources)))
        nodes.append(TraceNode(kind="fenomeen", id=ph.id, result=ph.level.id,
                               children=children))
    for iv in interventions:
        children = [TraceNode(kind="aanleiding", id=iv.id, result=iv.trigger)]
        for g in iv.legal_gates:
            children.append(TraceNode(
                kind="poort", id=g.id, result=g.status,
                children=_facts(g.evidence, g.missing_facts) + _citations(g.citations)))
        for f in iv.flags:
            children.append(TraceNode(
                kind="afweging", id=f.id, result=f.status,
                children=_facts(f.evidence, f.missing_facts) + _citations(f.citations)))
        nodes.append(TraceNode(kind="interventie", id=iv.id, result=iv.status,
                               children=children))
    return nodes


# Assessments whose every object has its fields (and every dict its keys) in sorted order,
# as the assembler builds them (explain/construct.py): pydantic-core then writes canonical
# JSON directly, in about 60% of the time of dumping to Python and sorting with orjson. By
# identity, not a field or private attribute: equality and copies must not see it (a copy
# is another object, so it takes the sorting path).
_SORTED: IdentityMap[bool] = IdentityMap()


def mark_sorted_fields(a: Assessment) -> Assessment:
    _SORTED.put(a, True)
    return a


def has_sorted_fields(a: Assessment) -> bool:
    return _SORTED.value_of(a) is not None
