"""Facts per kind of situation (`soorten`): which facts a profile of a kind can answer.

A fact, phenomenon or instrument without `soorten` applies to every kind. A condition that
decides whether an instrument may be used (trigger, legal gate, proportionality flag) or
whether a phenomenon's definition holds must only read facts that can be answered for every
kind the instrument or phenomenon applies to: otherwise, for that kind, the gate stays
undecided forever and the analyst is asked about something that does not exist there (the
building of an event). `riskmodel check` reports that as an error at the fact test.

A profile that states a fact outside its kind is not refused (the fact is still used), but it
gets a warning: usually the kind is wrong, or the fact belongs to another profile.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from riskmodel.errors import Diagnostic, make_diagnostic, msg
from riskmodel.model.conditions import ConditionNode, FactTest, walk, walk_with_loc
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Fact, SituationKind
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc, SourceDoc

#: every kind of situation, in the order people name them
ALL_KINDS: tuple[SituationKind, ...] = get_args(SituationKind)


def kinds_of(kinds: list[SituationKind] | None) -> tuple[SituationKind, ...]:
    """The kinds something applies to; absent means all."""
    return ALL_KINDS if kinds is None else tuple(k for k in ALL_KINDS if k in kinds)


def fact_applies(fact: Fact, kind: str) -> bool:
    return fact.kinds is None or kind in fact.kinds


def _names(kinds: Iterable[str]) -> str:
    return ", ".join(kinds)


def kind_diagnostics(rules: RuleSet) -> list[Diagnostic]:
    """Errors for every definition, trigger, legal gate and flag that reads a fact which
    does not apply to a kind its phenomenon or instrument applies to."""
    out: list[Diagnostic] = []

    def scan(section: str, item_id: str, sub: Loc, cond: ConditionNode,
             owner_kinds: tuple[SituationKind, ...], key: str, **params: str) -> None:
        doc, loc = rules.origins[(section, item_id)]
        for node, where in walk_with_loc(cond, (*loc, *sub)):
            if not isinstance(node, FactTest) or node.fact not in rules.facts:
                continue
            fact = rules.facts[node.fact]
            missing = [k for k in owner_kinds if not fact_applies(fact, k)]
            if missing:
                out.append(doc.diagnostic(
                    (*where, "feit"),
                    msg(key, fact=fact.id, kinds=_names(missing), id=item_id, **params),
                    code="kind-mismatch",
                    expected=msg("kinds.expected", fact=fact.id, kinds=_names(owner_kinds))))

    for ph in rules.phenomena.values():
        if ph.definition is not None:
            scan("fenomenen", ph.id, ("poort", "als"), ph.definition.condition,
                 kinds_of(ph.kinds), "kinds.definition")
    for iv in rules.interventions.values():
        own = kinds_of(iv.kinds)
        scan("interventies", iv.id, ("voorstellen_als",), iv.trigger, own, "kinds.trigger")
        for i, gate in enumerate(iv.legal_gates):
            scan("interventies", iv.id, ("poorten", i, "als"), gate.condition, own,
                 "kinds.gate", gate=gate.id)
        for i, flag in enumerate(iv.flags):
            scan("interventies", iv.id, ("afwegingen", i, "als"), flag.condition, own,
                 "kinds.flag", flag=flag.id)
    return out


def profile_kind_warnings(profile: Profile, rules: RuleSet, source: str | SourceDoc,
                          base: Loc = ()) -> list[Diagnostic]:
    """A warning per known fact of the profile that does not apply to its kind."""
    out: list[Diagnostic] = []
    for key, entry in profile.facts.items():
        fact = rules.facts.get(key)
        if fact is None or not entry.known or fact_applies(fact, profile.kind):
            continue
        loc: Loc = (*base, "feiten", key)
        message = msg("kinds.profile_fact", fact=key, kind=profile.kind,
                      kinds=_names(kinds_of(fact.kinds)))
        expected = msg("kinds.profile_expected", kind=profile.kind)
        if isinstance(source, SourceDoc):
            out.append(source.diagnostic(loc, message, code="kind-mismatch", expected=expected,
                                         severity="warning"))
        else:
            out.append(make_diagnostic(source, None, None, ".".join(map(str, loc)), message,
                                       code="kind-mismatch", expected=expected,
                                       severity="warning", loc=loc))
    return out


def facts_for(rules: RuleSet, kind: str, phenomenon: str | None = None) -> list[str]:
    """The facts a profile of `kind` can answer, in vocabulary order; with `phenomenon`, only
    those its definition, its indicators or its instruments read."""
    ids = [f.id for f in rules.facts.values() if fact_applies(f, kind)]
    if phenomenon is None:
        return ids
    conds: list[ConditionNode] = [i.condition for i in rules.indicators_of(phenomenon)]
    ph = rules.phenomena[phenomenon]
    if ph.definition is not None:
        conds.append(ph.definition.condition)
    for iv in rules.interventions.values():
        if phenomenon in iv.phenomena:
            conds += [iv.trigger, *(g.condition for g in iv.legal_gates),
                      *(f.condition for f in iv.flags)]
    used = {n.fact for c in conds for n in walk(c) if isinstance(n, FactTest)}
    return [f for f in ids if f in used]
