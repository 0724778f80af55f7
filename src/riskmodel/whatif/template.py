"""`riskmodel init`: a profile template with only the facts that fit a kind of situation.

Definition facts come first (a phenomenon's indicators count only once its definition holds,
so an analyst who skips them gets level 0 whatever else is known), then per phenomenon the
facts its indicators read, then the facts the instruments read. Every fact is `onbekend`
with its question and allowed values as comments, and the placeholders for id, gemeente and
peildatum are valid values, so the template loads and assesses as it is.
"""

from __future__ import annotations

import datetime as dt

from riskmodel.check.kinds import ALL_KINDS, fact_applies, facts_for, kinds_of
from riskmodel.errors import UserInputError, did_you_mean, make_diagnostic, msg
from riskmodel.messages import t
from riskmodel.model.conditions import ConditionNode, FactTest, walk
from riskmodel.model.profile import UNKNOWN
from riskmodel.model.rules import Fact
from riskmodel.model.ruleset import RuleSet

#: placeholders that pass the profile validators, for the analyst to replace
PLACEHOLDER_ID = "nieuw-profiel"
PLACEHOLDER_MUNICIPALITY = "Voorbeeldstad"


def _facts(conds: list[ConditionNode]) -> list[str]:
    seen: dict[str, None] = {}
    for cond in conds:
        for node in walk(cond):
            if isinstance(node, FactTest):
                seen.setdefault(node.fact, None)
    return list(seen)


def _check(rules: RuleSet, kind: str, phenomenon: str | None) -> None:
    if kind not in ALL_KINDS:
        raise UserInputError([make_diagnostic(
            "--soort", None, None, "soort", msg("init.unknown_kind", kind=kind),
            code="unknown-value", expected=", ".join(ALL_KINDS),
            suggestion=did_you_mean(kind, ALL_KINDS), loc=("soort",))])
    if phenomenon is None:
        return
    ph = rules.phenomena.get(phenomenon)
    if ph is None:
        raise UserInputError([make_diagnostic(
            "--fenomeen", None, None, "fenomeen", msg("init.unknown_phenomenon", id=phenomenon),
            code="unknown-reference", expected=", ".join(sorted(rules.phenomena)),
            suggestion=did_you_mean(phenomenon, rules.phenomena), loc=("fenomeen",))])
    if kind not in kinds_of(ph.kinds):
        raise UserInputError([make_diagnostic(
            "--fenomeen", None, None, "fenomeen",
            msg("init.phenomenon_not_for_kind", id=phenomenon, kind=kind,
                kinds=", ".join(kinds_of(ph.kinds))),
            code="kind-mismatch", loc=("fenomeen",))])


def template_sections(rules: RuleSet, kind: str, phenomenon: str | None = None,
                      lang: str = "nl") -> list[tuple[str, list[str]]]:
    """(header, fact ids) in the order the template lists them; each fact once."""
    _check(rules, kind, phenomenon)
    allowed = set(facts_for(rules, kind, phenomenon))
    phenomena = [ph for ph in rules.phenomena.values()
                 if (phenomenon is None and kind in kinds_of(ph.kinds)) or ph.id == phenomenon]
    placed: set[str] = set()
    sections: list[tuple[str, list[str]]] = []

    def add(header: str, conds: list[ConditionNode]) -> None:
        ids = [f for f in _facts(conds) if f in allowed and f not in placed]
        if ids:
            placed.update(ids)
            sections.append((header, ids))

    for ph in phenomena:
        if ph.definition is not None:
            add(t("init.definition", lang, label=ph.label.get(lang)), [ph.definition.condition])
    for ph in phenomena:
        add(t("init.phenomenon", lang, label=ph.label.get(lang)),
            [i.condition for i in rules.indicators_of(ph.id)])
    instruments = [iv for iv in rules.interventions.values()
                   if kind in kinds_of(iv.kinds)
                   and (phenomenon is None or phenomenon in iv.phenomena)]
    add(t("init.instruments", lang), [c for iv in instruments for c in
                                      (iv.trigger, *(g.condition for g in iv.legal_gates),
                                       *(f.condition for f in iv.flags))])
    if phenomenon is None:
        rest = [f for f in rules.facts if f in allowed and f not in placed]
        if rest:
            placed.update(rest)
            sections.append((t("init.other", lang), rest))
    return sections


def _describe(fact: Fact, rules: RuleSet, lang: str) -> str:
    if fact.type == "enum" and fact.register_id:
        text = t("init.register", lang, register=fact.register_id)
    elif fact.type in ("enum", "enum_list"):
        values = ", ".join(fact.value_ids())
        text = t("init.values" if fact.type == "enum" else "init.values_list", lang,
                 values=values)
    else:
        text = t(f"init.type.{fact.type}", lang)
    if fact.minimum is not None or fact.maximum is not None:
        low = "" if fact.minimum is None else f"{fact.minimum:g}"
        high = "" if fact.maximum is None else f"{fact.maximum:g}"
        text += "; " + t("init.bounds", lang, low=low, high=high)
    if fact.unit:
        text += "; " + t("init.unit", lang, unit=fact.unit)
    return text


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines() or [""]]


def profile_template(rules: RuleSet, kind: str, phenomenon: str | None = None,
                     lang: str = "nl", today: dt.date | None = None) -> str:
    """The template as YAML text; it loads as a profile as it is (every fact unknown)."""
    sections = template_sections(rules, kind, phenomenon, lang)
    m = rules.manifest
    for_ph = t("init.for_phenomenon", lang, id=phenomenon) if phenomenon else ""
    lines = _comment(t("init.header", lang, kind=kind, phenomenon=for_ph, model=m.model,
                       version=m.version))
    day = (today or dt.date.today()).isoformat()
    lines += ["", f"id: {PLACEHOLDER_ID}  # {t('init.id', lang)}", f"soort: {kind}",
              f"gemeente: {PLACEHOLDER_MUNICIPALITY}  # {t('init.municipality', lang)}",
              f"peildatum: {day}  # {t('init.peildatum', lang)}", "feiten:"]
    for header, ids in sections:
        lines += ["", f"  # ---- {header}"]
        for fid in ids:
            fact = rules.facts[fid]
            assert fact_applies(fact, kind)
            question = fact.question or fact.label
            lines += _comment(question.get(lang), "  ")
            lines += _comment(_describe(fact, rules, lang), "  ")
            lines.append(f"  {fid}: {UNKNOWN}")
    return "\n".join(lines) + "\n"
