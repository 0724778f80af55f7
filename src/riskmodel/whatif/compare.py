"""What-if: the assessment of a profile against the same profile with some facts changed.

The changed profile is validated exactly like a profile file (the same normaliser, the same
personal-data check), so a what-if can never assess a situation no profile could describe.
Only what differs is reported: levels, definitions, indicator statuses, legal gates and
intervention statuses (including an instrument that appears or disappears).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from riskmodel.api import DateLike, as_date, assess, load_profile, load_rules
from riskmodel.check.profile import profile_from_data
from riskmodel.errors import (
    DiagnosticList,
    UserInputError,
    clip,
    did_you_mean,
    make_diagnostic,
    msg,
)
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import UNKNOWN, Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import normalise_value


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactChange(_Out):
    fact: str = Field(description="Fact id.")
    before: Any = Field(description="Its value in the profile; null when unknown.")
    after: Any = Field(description="Its value in the what-if; null when unknown.")


class Change(_Out):
    """One outcome that differs; null means absent (an instrument not suggested)."""

    id: str = Field(description="Indicator, phenomenon or intervention id; for a gate "
                                "`<interventie>/<poort>`.")
    before: str | None
    after: str | None


class LevelChange(_Out):
    phenomenon: str
    before: str = Field(description="The level certain before.")
    before_possible: str = Field(description="The highest level possible before.")
    after: str
    after_possible: str


class WhatIf(_Out):
    """What changes between the profile and the profile with `changes`."""

    profile_id: str
    changes: list[FactChange]
    levels: list[LevelChange] = Field(default_factory=list)
    definitions: list[Change] = Field(default_factory=list)
    indicators: list[Change] = Field(default_factory=list)
    gates: list[Change] = Field(default_factory=list)
    interventions: list[Change] = Field(default_factory=list)
    before: Assessment = Field(exclude=True, repr=False)
    after: Assessment = Field(exclude=True, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.levels or self.definitions or self.indicators or self.gates
                    or self.interventions)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _value_of(profile: Profile, fact: str) -> Any:
    entry = profile.facts.get(fact)
    return entry.value if entry is not None and entry.known else None


def check_changes(changes: dict[str, Any], rules: RuleSet, origin: str = "<argument>",
                  ) -> dict[str, Any]:
    """Each change normalised by its fact's type (None = unknown), or every problem at once."""
    diags = DiagnosticList()
    out: dict[str, Any] = {}
    for fact_id, value in changes.items():
        loc = ("zet", fact_id)
        fact = rules.facts.get(fact_id)
        if fact is None:
            diags.add(make_diagnostic(origin, None, None, f"zet.{fact_id}",
                                      msg("fact.unknown", fact=fact_id), code="unknown-fact",
                                      suggestion=did_you_mean(fact_id, rules.facts), loc=loc))
            continue
        if value is None or value == UNKNOWN:
            out[fact_id] = None
            continue
        canonical, problem = normalise_value(fact, value, rules.enum_values(fact),
                                             rules.canonical_values(fact))
        if problem is None:
            out[fact_id] = canonical
            continue
        diags.add(make_diagnostic(
            origin, None, None, f"zet.{fact_id}",
            msg("fact.bad_item", fact=fact_id, value=clip(problem.item)) if problem.item
            else msg("fact.bad_value", fact=fact_id, value=clip(value)),
            code=problem.code, expected=problem.expected, suggestion=problem.suggestion,
            loc=loc))
    diags.raise_if_any(UserInputError)
    return out


def parse_setting(text: str, rules: RuleSet, origin: str = "--zet",
                  ) -> tuple[str, Any]:
    """`feit=waarde` from the command line, the value read as the fact's type: true/false,
    a number, a date (JJJJ-MM-DD), an id, ids separated by commas, or `onbekend`."""
    fact_id, sep, raw = text.partition("=")
    fact_id, raw = fact_id.strip(), raw.strip()
    if not sep or not fact_id:
        raise UserInputError([make_diagnostic(
            origin, None, None, "zet", msg("whatif.bad_setting", text=clip(text)),
            code="type", expected=msg("exp.fact_is_value"), loc=("zet",))])
    fact = rules.facts.get(fact_id)
    if fact is None or raw == UNKNOWN:
        return fact_id, raw
    value: Any = raw
    if fact.type == "bool" and raw.lower() in ("true", "false"):
        value = raw.lower() == "true"
    elif fact.type in ("int", "decimal"):
        # text that is no number is passed on as text: the normaliser says what is expected
        with contextlib.suppress(ValueError):
            value = int(raw) if fact.type == "int" else float(raw)
    elif fact.type == "enum_list":
        value = [] if raw in ("", "[]") else [v.strip() for v in raw.split(",") if v.strip()]
    return fact_id, value


def whatif(profile: Profile | Path | str | dict[str, Any], changes: dict[str, Any],
           rules: RuleSet | Path | str | None = None, *,
           peildatum: DateLike | None = None, origin: str = "<argument>") -> WhatIf:
    """Assess `profile` and the same profile with `changes` (fact id -> value; None or
    'onbekend' makes a fact unknown), and say what differs."""
    rules = rules if isinstance(rules, RuleSet) else load_rules(rules)
    day = as_date(peildatum)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, rules, peildatum=day)
    elif day is not None:
        profile = profile.model_copy(update={"peildatum": day})
    values = check_changes(changes, rules, origin)
    data = profile.model_dump(by_alias=True)
    facts = dict(data.get("feiten") or {})
    for fact_id, value in values.items():
        if value is None:
            facts.pop(fact_id, None)
        else:
            facts[fact_id] = {"waarde": value}
    data["feiten"] = facts
    changed = profile_from_data(data, rules, f"<{profile.id} + wat-als>")
    before = assess(profile, rules)
    after = assess(changed, rules)
    return compare(profile, changed, before, after, list(values))


def compare(profile: Profile, changed: Profile, before: Assessment, after: Assessment,
            facts: list[str]) -> WhatIf:
    """The differences between two assessments of the same situation."""
    out: dict[str, list[Any]] = {"levels": [], "definitions": [], "indicators": [],
                                 "gates": [], "interventions": []}
    for old_ph in before.phenomena:
        new_ph = after.phenomenon(old_ph.id)
        assert new_ph is not None
        if (old_ph.level.id, old_ph.possible_level.id) != (new_ph.level.id,
                                                             new_ph.possible_level.id):
            out["levels"].append(LevelChange(
                phenomenon=old_ph.id, before=old_ph.level.id,
                before_possible=old_ph.possible_level.id, after=new_ph.level.id,
                after_possible=new_ph.possible_level.id))
        if old_ph.definition != new_ph.definition:
            out["definitions"].append(Change(id=old_ph.id, before=old_ph.definition,
                                             after=new_ph.definition))
    for old_ind in before.indicators:
        new_ind = after.indicator(old_ind.id)
        assert new_ind is not None
        if old_ind.status != new_ind.status:
            out["indicators"].append(Change(id=old_ind.id, before=old_ind.status,
                                            after=new_ind.status))
    old_ivs = {iv.id: iv for iv in before.interventions}
    new_ivs = {iv.id: iv for iv in after.interventions}
    order = [iv.id for iv in before.interventions] + [
        iv.id for iv in after.interventions if iv.id not in old_ivs]
    for iv_id in order:
        old_iv, new_iv = old_ivs.get(iv_id), new_ivs.get(iv_id)
        old_status = old_iv.status if old_iv else None
        new_status = new_iv.status if new_iv else None
        if old_status != new_status:
            out["interventions"].append(Change(id=iv_id, before=old_status, after=new_status))
        old_gates = {g.id: g.status for g in old_iv.legal_gates} if old_iv else {}
        new_gates = {g.id: g.status for g in new_iv.legal_gates} if new_iv else {}
        for gate_id in [*old_gates, *(g for g in new_gates if g not in old_gates)]:
            if old_gates.get(gate_id) != new_gates.get(gate_id):
                out["gates"].append(Change(id=f"{iv_id}/{gate_id}",
                                           before=old_gates.get(gate_id),
                                           after=new_gates.get(gate_id)))
    return WhatIf(profile_id=profile.id,
                  changes=[FactChange(fact=f, before=_json(_value_of(profile, f)),
                                      after=_json(_value_of(changed, f))) for f in facts],
                  before=before, after=after, **out)


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def render_whatif(result: WhatIf, lang: str = "nl") -> str:
    """What changes, one line per outcome, in Dutch or English."""
    def show(value: Any) -> str:
        if value is None:
            return UNKNOWN
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return ",".join(str(v) for v in value) or "[]"
        return str(value)

    def status(value: str | None) -> str:
        return t("whatif.not_listed", lang) if value is None else status_text(value, lang)

    settings = ", ".join(f"{c.fact}={show(c.after)}" for c in result.changes)
    lines = [t("whatif.header", lang, profile=result.profile_id, changes=settings)]
    if not result.changed:
        lines.append(t("whatif.nothing", lang))
        return "\n".join(lines) + "\n"
    for lv in result.levels:
        lines.append(t("whatif.level", lang, id=lv.phenomenon,
                       before=t("whatif.level_range", lang, certain=lv.before,
                                possible=lv.before_possible),
                       after=t("whatif.level_range", lang, certain=lv.after,
                               possible=lv.after_possible)))
    for d in result.definitions:
        lines.append(t("whatif.definition", lang, id=d.id, before=status(d.before),
                       after=status(d.after)))
    for ind in result.indicators:
        lines.append(t("whatif.indicator", lang, id=ind.id, before=status(ind.before),
                       after=status(ind.after)))
    gates_by_iv: dict[str, list[Change]] = {}
    for g in result.gates:
        gates_by_iv.setdefault(g.id.split("/", 1)[0], []).append(g)
    shown: set[str] = set()
    for iv in result.interventions:
        lines.append(t("whatif.intervention", lang, id=iv.id, before=status(iv.before),
                       after=status(iv.after)))
        shown.add(iv.id)
        for g in gates_by_iv.get(iv.id, []):
            lines.append(_gate_line(g, lang, status))
    for iv_id, gates in gates_by_iv.items():
        if iv_id in shown:
            continue
        now = result.after.intervention(iv_id)
        lines.append(t("whatif.intervention_same", lang, id=iv_id,
                       status=status(now.status if now else None)))
        lines.extend(_gate_line(g, lang, status) for g in gates)
    return "\n".join(lines) + "\n"


def _gate_line(g: Change, lang: str, status: Any) -> str:
    return t("whatif.gate", lang, id=g.id.split("/", 1)[1], before=status(g.before),
             after=status(g.after))


__all__ = ["Change", "FactChange", "LevelChange", "WhatIf", "check_changes",
           "compare", "parse_setting", "render_whatif", "whatif"]
