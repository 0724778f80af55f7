"""Scenario files: a profile plus the outcome an analyst expects, with located errors.

A scenario is a YAML file with Dutch keys::

    scenario: enschede_satudarah_2012
    titel: {nl: ..., en: ...}            # or a plain string
    bron: [{titel: ..., ecli: "ECLI:..."}]
    profiel: {id: ..., soort: gemeente, gemeente: ..., peildatum: ..., feiten: {...}}
    verwacht:
      niveaus: {omg: T3}
      mogelijke_niveaus: {omg: T4}
      indicatoren: {omg_geweld: geraakt}
      interventies: {sluiting_13b: aanbevolen}
      niet_voorgesteld: [kleurenverbod_apv]
      poorten: {omg: voldaan}
      ontbrekende_feiten: {sluiting_13b: [drugs_gram]}

Loading happens in three layers, each with file:line diagnostics: YAML syntax, the shape of
the file (unknown keys, wrong statuses, with 'did you mean'), and references into the model
(unknown phenomena, levels, indicators, interventions, facts) plus the embedded profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, model_validator

from riskmodel.check.profile import profile_from_doc
from riskmodel.errors import (
    Diagnostic,
    DiagnosticList,
    ProfileError,
    ScenarioError,
    did_you_mean,
    msg,
)
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.model.assessment import GateStatus, IndicatorStatus, InterventionStatus
from riskmodel.model.common import Ident, Label, LevelIdent, Source, Strict
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc, SourceDoc

ScenarioId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=120)]

#: YAML key -> attribute of Expectations
EXPECTATION_FIELDS: dict[str, str] = {
    "niveaus": "levels",
    "mogelijke_niveaus": "possible_levels",
    "indicatoren": "indicators",
    "interventies": "interventions",
    "niet_voorgesteld": "not_suggested",
    "poorten": "definitions",
    "ontbrekende_feiten": "missing_facts",
}
EXPECTATION_KEYS = tuple(EXPECTATION_FIELDS)


class Expectations(Strict):
    """What the assessment must say; every entry is checked, nothing else is."""

    levels: dict[Ident, LevelIdent] = Field(alias="niveaus", default_factory=dict)
    possible_levels: dict[Ident, LevelIdent] = Field(alias="mogelijke_niveaus", default_factory=dict)
    indicators: dict[Ident, IndicatorStatus] = Field(alias="indicatoren", default_factory=dict)
    interventions: dict[Ident, InterventionStatus] = Field(alias="interventies", default_factory=dict)
    not_suggested: list[Ident] = Field(alias="niet_voorgesteld", default_factory=list)
    definitions: dict[Ident, GateStatus] = Field(alias="poorten", default_factory=dict)
    missing_facts: dict[Ident, list[Ident]] = Field(alias="ontbrekende_feiten", default_factory=dict)

    @model_validator(mode="after")
    def _not_empty(self) -> Expectations:
        # A scenario without expectations can never fail, so it is refused.
        if not any(getattr(self, a) for a in EXPECTATION_FIELDS.values()):
            raise ValueError(
                "'verwacht' bevat geen enkele verwachting; geef minstens een van: "
                + ", ".join(EXPECTATION_KEYS)
            )
        return self

    def count(self) -> int:
        total = 0
        for attr in EXPECTATION_FIELDS.values():
            value = getattr(self, attr)
            if attr == "missing_facts":
                total += sum(len(v) for v in value.values())
            else:
                total += len(value)
        return total


class Scenario(Strict):
    """The file as written; the profile is kept raw and validated against the model later."""

    scenario: ScenarioId
    title: Label | str | None = Field(default=None, alias="titel")
    description: str | None = Field(alias="omschrijving", default=None, max_length=4000)
    sources: list[Source] = Field(alias="bron", default_factory=list)
    profile_data: dict[str, Any] = Field(alias="profiel")
    expected: Expectations = Field(alias="verwacht")

    def display_title(self, lang: str = "nl") -> str:
        if self.title is None:
            return self.scenario
        if isinstance(self.title, Label):
            return self.title.get(lang)
        return self.title


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario checked against a model: its validated profile is ready to assess."""

    scenario: Scenario
    profile: Profile
    doc: SourceDoc

    @property
    def id(self) -> str:
        return self.scenario.scenario

    @property
    def file(self) -> str:
        return self.doc.file

    @property
    def expected(self) -> Expectations:
        return self.scenario.expected


def read_scenario(path: Path | str) -> tuple[Scenario, SourceDoc]:
    """Read and shape-check one scenario file (no model needed); raises ScenarioError."""
    try:
        doc = read_source(Path(path))
    except YamlSyntaxError as exc:
        raise ScenarioError(exc.diagnostics) from None
    return scenario_from_doc(doc), doc


def scenario_from_doc(doc: SourceDoc) -> Scenario:
    if not isinstance(doc.data, dict):
        raise ScenarioError([doc.diagnostic(
            (), msg("scenario.not_mapping"), code="type", expected=msg("exp.scenario_keys"))])
    try:
        return Scenario.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(from_validation_error(exc, doc, Scenario)) from None


def load_scenario(path: Path | str, rules: RuleSet) -> LoadedScenario:
    """Read a scenario and check it against the model: references and the embedded profile."""
    scenario, doc = read_scenario(path)
    return check_scenario(scenario, doc, rules)


def check_scenario(scenario: Scenario, doc: SourceDoc, rules: RuleSet) -> LoadedScenario:
    diags = DiagnosticList()
    diags.extend(reference_problems(scenario.expected, rules, doc, ("verwacht",)))
    profile: Profile | None = None
    try:
        profile = profile_from_doc(doc, rules, base=("profiel",))
    except ProfileError as exc:
        diags.extend(exc.diagnostics)
    diags.raise_if_any(ScenarioError)
    assert profile is not None
    return LoadedScenario(scenario, profile, doc)


def reference_problems(
    exp: Expectations, rules: RuleSet, doc: SourceDoc, base: Loc = ()
) -> list[Diagnostic]:
    """Every id in the expectations must exist in the model; a typo must not pass silently.

    Against an overlay, an id the overlay removed (`verwijderen`) is known: the scenario
    runs, and an expectation about it fails or holds like any other (a removed instrument
    is never suggested)."""
    out: list[Diagnostic] = []
    removed = {item_id for _, item_id in rules.removed}

    def unknown(loc: Loc, what: str, value: str, candidates: list[str]) -> None:
        if value in removed and what != "fact.unknown":
            return
        # what: a catalogue key (ref.unknown_phenomenon, ...); a fact is 'unknown-fact'
        text = msg(what, fact=value) if what == "fact.unknown" else msg(what, id=value)
        out.append(doc.diagnostic(
            (*base, *loc), text,
            code="unknown-fact" if what == "fact.unknown" else "unknown-reference",
            expected=", ".join(sorted(candidates)) if len(candidates) <= 12 else None,
            suggestion=did_you_mean(value, candidates)))

    for key in ("niveaus", "mogelijke_niveaus"):
        levels: dict[str, str] = getattr(exp, EXPECTATION_FIELDS[key])
        for ph_id, level in levels.items():
            ph = rules.phenomena.get(ph_id)
            if ph is None:
                unknown((key, ph_id), "ref.unknown_phenomenon", ph_id, list(rules.phenomena))
                continue
            ids = [lv.id for lv in ph.levels]
            if level not in ids:
                out.append(doc.diagnostic(
                    (*base, key, ph_id),
                    msg("scenario.unknown_level", level=level, phenomenon=ph_id),
                    code="unknown-reference", expected=", ".join(ids),
                    suggestion=did_you_mean(level, ids)))
    for ph_id in exp.definitions:
        if ph_id not in rules.phenomena:
            unknown(("poorten", ph_id), "ref.unknown_phenomenon", ph_id, list(rules.phenomena))
        elif rules.phenomena[ph_id].definition is None:
            out.append(doc.diagnostic(
                (*base, "poorten", ph_id), msg("scenario.no_gate", phenomenon=ph_id),
                code="inconsistent", expected=msg("exp.phenomenon_with_gate")))
    for ind_id in exp.indicators:
        if ind_id not in rules.indicators:
            unknown(("indicatoren", ind_id), "ref.unknown_indicator", ind_id,
                    list(rules.indicators))
    for iv_id in exp.interventions:
        if iv_id not in rules.interventions:
            unknown(("interventies", iv_id), "ref.unknown_intervention", iv_id,
                    list(rules.interventions))
    for i, iv_id in enumerate(exp.not_suggested):
        if iv_id not in rules.interventions:
            unknown(("niet_voorgesteld", i), "ref.unknown_intervention", iv_id,
                    list(rules.interventions))
        if iv_id in exp.interventions:
            out.append(doc.diagnostic(
                (*base, "niet_voorgesteld", i), msg("scenario.also_expected", id=iv_id),
                code="inconsistent"))
    for iv_id, facts in exp.missing_facts.items():
        if iv_id not in rules.interventions:
            unknown(("ontbrekende_feiten", iv_id), "ref.unknown_intervention", iv_id,
                    list(rules.interventions))
        for i, fact in enumerate(facts):
            if fact not in rules.facts:
                unknown(("ontbrekende_feiten", iv_id, i), "fact.unknown", fact, list(rules.facts))
    return out


__all__ = [
    "EXPECTATION_KEYS",
    "Expectations",
    "LoadedScenario",
    "Scenario",
    "check_scenario",
    "load_scenario",
    "read_scenario",
    "reference_problems",
    "scenario_from_doc",
]
