"""Cross-reference checks over a merged model: every id used must exist and fit its use."""

from __future__ import annotations

from typing import Any

from riskmodel.errors import Diagnostic, did_you_mean
from riskmodel.model.conditions import (
    ConditionNode,
    FactTest,
    IndicatorTest,
    LevelTest,
    walk_with_loc,
)
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import normalise_value
from riskmodel.source import Loc

ALLOWED_OPERATORS: dict[str, set[str]] = {
    "bool": {"is", "is_niet", "bekend"},
    "int": {"is", "is_niet", "in", "niet_in", "minimaal", "maximaal", "groter_dan",
            "kleiner_dan", "bekend"},
    "decimal": {"minimaal", "maximaal", "groter_dan", "kleiner_dan", "bekend"},
    "date": {"is", "minimaal", "maximaal", "groter_dan", "kleiner_dan", "binnen_dagen", "bekend"},
    "enum": {"is", "is_niet", "in", "niet_in", "in_register", "bekend"},
    "enum_list": {"bevat", "bevat_een_van", "bekend"},
}


class _Checker:
    def __init__(self, ruleset: RuleSet) -> None:
        self.rs = ruleset
        self.out: list[Diagnostic] = []

    def at(self, section: str, item_id: str, sub: Loc, message: str, **kw: Any) -> None:
        doc, loc = self.rs.origins[(section, item_id)]
        self.out.append(doc.diagnostic((*loc, *sub), message, **kw))

    def run(self) -> list[Diagnostic]:
        rs = self.rs
        for f in rs.facts.values():
            if f.register_id and f.register_id not in rs.registers:
                self.at("feiten", f.id, ("register",), f"onbekend register '{f.register_id}'",
                        suggestion=did_you_mean(f.register_id, rs.registers))
        for reg in rs.registers.values():
            ids = {item.id for item in reg.items}
            seen: dict[str, str] = {}
            for i, item in enumerate(reg.items):
                for name in (item.id, *item.aliassen):
                    if name in seen and seen[name] != item.id:
                        self.at("registers", reg.id, ("items", i),
                                f"naam '{name}' hoort al bij '{seen[name]}'")
                    seen[name] = item.id
                if item.voortzetting_van and item.voortzetting_van not in ids:
                    self.at("registers", reg.id, ("items", i, "voortzetting_van"),
                            f"onbekend item '{item.voortzetting_van}'",
                            suggestion=did_you_mean(item.voortzetting_van, ids))
                for j, st in enumerate(item.statussen):
                    if st.status not in reg.statussen:
                        self.at("registers", reg.id, ("items", i, "statussen", j, "status"),
                                f"status '{st.status}' staat niet in statussen van het register",
                                expected=", ".join(reg.statussen),
                                suggestion=did_you_mean(st.status, reg.statussen))
        for ph in rs.phenomena.values():
            if ph.poort:
                self.condition("fenomenen", ph.id, ("poort", "als"), ph.poort.als, facts_only=True)
            for k, ov in enumerate(ph.ophogingen):
                ind = rs.indicators.get(ov.indicator)
                if ind is None:
                    self.at("fenomenen", ph.id, ("ophogingen", k, "indicator"),
                            f"onbekende indicator '{ov.indicator}'",
                            suggestion=did_you_mean(ov.indicator, rs.indicators))
                elif ind.fenomeen != ph.id:
                    self.at("fenomenen", ph.id, ("ophogingen", k, "indicator"),
                            f"indicator '{ov.indicator}' hoort bij fenomeen '{ind.fenomeen}'")
        for ind in rs.indicators.values():
            if ind.fenomeen not in rs.phenomena:
                self.at("indicatoren", ind.id, ("fenomeen",),
                        f"onbekend fenomeen '{ind.fenomeen}'",
                        suggestion=did_you_mean(ind.fenomeen, rs.phenomena))
            self.condition("indicatoren", ind.id, ("als",), ind.als, facts_only=True)
        for iv in rs.interventions.values():
            for k, ph_id in enumerate(iv.fenomenen):
                if ph_id not in rs.phenomena:
                    self.at("interventies", iv.id, ("fenomenen", k),
                            f"onbekend fenomeen '{ph_id}'",
                            suggestion=did_you_mean(ph_id, rs.phenomena))
            self.condition("interventies", iv.id, ("voorstellen_als",), iv.voorstellen_als)
            for k, gate in enumerate(iv.poorten):
                self.condition("interventies", iv.id, ("poorten", k, "als"), gate.als)
            for k, flag in enumerate(iv.afwegingen):
                self.condition("interventies", iv.id, ("afwegingen", k, "als"), flag.als)
            gate_ids = [g.id for g in iv.poorten] + [f.id for f in iv.afwegingen]
            if len(set(gate_ids)) != len(gate_ids):
                self.at("interventies", iv.id, (), "dubbel id bij poorten/afwegingen")
        return self.out

    def condition(
        self, section: str, item_id: str, base: Loc, cond: ConditionNode, facts_only: bool = False
    ) -> None:
        rs = self.rs
        for node, loc in walk_with_loc(cond, base):
            if isinstance(node, IndicatorTest):
                if facts_only:
                    self.at(section, item_id, loc,
                            "hier mogen alleen feiten getoetst worden, geen indicatoren")
                elif node.indicator not in rs.indicators:
                    self.at(section, item_id, (*loc, "indicator"),
                            f"onbekende indicator '{node.indicator}'",
                            suggestion=did_you_mean(node.indicator, rs.indicators))
            elif isinstance(node, LevelTest):
                if facts_only:
                    self.at(section, item_id, loc,
                            "hier mogen alleen feiten getoetst worden, geen niveaus")
                    continue
                ph = rs.phenomena.get(node.niveau)
                if ph is None:
                    self.at(section, item_id, (*loc, "niveau"),
                            f"onbekend fenomeen '{node.niveau}'",
                            suggestion=did_you_mean(node.niveau, rs.phenomena))
                elif node.minimaal not in {lv.id for lv in ph.niveaus}:
                    levels = [lv.id for lv in ph.niveaus]
                    self.at(section, item_id, (*loc, "minimaal"),
                            f"fenomeen '{ph.id}' heeft geen niveau '{node.minimaal}'",
                            expected=", ".join(levels),
                            suggestion=did_you_mean(node.minimaal, levels))
            elif isinstance(node, FactTest):
                self.fact_test(section, item_id, loc, node)

    def fact_test(self, section: str, item_id: str, loc: Loc, node: FactTest) -> None:
        rs = self.rs
        fact = rs.facts.get(node.feit)
        if fact is None:
            self.at(section, item_id, (*loc, "feit"), f"onbekend feit '{node.feit}'",
                    suggestion=did_you_mean(node.feit, rs.facts))
            return
        op = node.operator
        if op not in ALLOWED_OPERATORS[fact.type]:
            self.at(section, item_id, (*loc, op),
                    f"operator '{op}' past niet bij feit '{fact.id}' van type {fact.type}",
                    expected=", ".join(sorted(ALLOWED_OPERATORS[fact.type])))
            return
        value = node.operand
        values = value if isinstance(value, list) else [value]
        if op in ("bekend", "binnen_dagen"):
            return
        if op == "in_register":
            q = node.in_register
            assert q is not None
            reg = rs.registers.get(q.register_id)
            if reg is None:
                self.at(section, item_id, (*loc, op, "register"),
                        f"onbekend register '{q.register_id}'",
                        suggestion=did_you_mean(q.register_id, rs.registers))
            elif q.status not in reg.statussen:
                self.at(section, item_id, (*loc, op, "status"),
                        f"register '{reg.id}' kent geen status '{q.status}'",
                        expected=", ".join(reg.statussen),
                        suggestion=did_you_mean(q.status, reg.statussen))
            elif fact.register_id != reg.id:
                self.at(section, item_id, (*loc, op),
                        f"feit '{fact.id}' verwijst niet naar register '{reg.id}'")
            return
        allowed = rs.enum_values(fact)
        for v in values:
            _, problem = normalise_value(fact, v, allowed, rule_constant=True)
            if problem:
                self.at(section, item_id, (*loc, op),
                        f"waarde {v!r} past niet bij feit '{fact.id}'",
                        expected=problem.expected, suggestion=problem.suggestion)


def check_references(ruleset: RuleSet) -> list[Diagnostic]:
    return _Checker(ruleset).run()


__all__ = ["check_references"]
