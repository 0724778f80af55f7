"""Cross-reference checks over a merged model: every id used must exist and fit its use."""

from __future__ import annotations

from typing import Any

from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, did_you_mean, msg
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

    def at(self, section: str, item_id: str, sub: Loc, message: Msg, code: DiagnosticCode,
           **kw: Any) -> None:
        doc, loc = self.rs.origins[(section, item_id)]
        self.out.append(doc.diagnostic((*loc, *sub), message, code=code, **kw))

    def run(self) -> list[Diagnostic]:
        rs = self.rs
        for f in rs.facts.values():
            if f.register_id and f.register_id not in rs.registers:
                self.at("feiten", f.id, ("register",), msg("ref.unknown_register", id=f.register_id),
                        "unknown-reference", suggestion=did_you_mean(f.register_id, rs.registers))
        for reg in rs.registers.values():
            ids = {item.id for item in reg.items}
            seen: dict[str, str] = {}
            for i, item in enumerate(reg.items):
                for name in (item.id, *item.aliases):
                    if name in seen and seen[name] != item.id:
                        self.at("registers", reg.id, ("items", i),
                                msg("ref.name_taken", name=name, other=seen[name]),
                                "duplicate-id")
                    seen[name] = item.id
                if item.continues and item.continues not in ids:
                    self.at("registers", reg.id, ("items", i, "voortzetting_van"),
                            msg("ref.unknown_item", id=item.continues), "unknown-reference",
                            suggestion=did_you_mean(item.continues, ids))
                cycle = _continuation_cycle(reg, item.id)
                if cycle:
                    self.at("registers", reg.id, ("items", i, "voortzetting_van"),
                            msg("ref.continues_cycle", chain=" -> ".join(cycle)), "inconsistent")
                for j, st in enumerate(item.statuses):
                    if st.status not in reg.statuses:
                        self.at("registers", reg.id, ("items", i, "statussen", j, "status"),
                                msg("ref.status_not_in_register", status=st.status),
                                "unknown-reference",
                                expected=", ".join(reg.statuses),
                                suggestion=did_you_mean(st.status, reg.statuses))
        for ph in rs.phenomena.values():
            if ph.definition:
                self.condition("fenomenen", ph.id, ("poort", "als"), ph.definition.condition, facts_only=True)
            for k, ov in enumerate(ph.overrides):
                ind = rs.indicators.get(ov.indicator)
                if ind is None:
                    self.at("fenomenen", ph.id, ("ophogingen", k, "indicator"),
                            msg("ref.unknown_indicator", id=ov.indicator), "unknown-reference",
                            suggestion=did_you_mean(ov.indicator, rs.indicators))
                elif ind.phenomenon != ph.id:
                    self.at("fenomenen", ph.id, ("ophogingen", k, "indicator"),
                            msg("ref.indicator_of_other", id=ov.indicator,
                                phenomenon=ind.phenomenon), "inconsistent")
        for ind in rs.indicators.values():
            if ind.phenomenon not in rs.phenomena:
                self.at("indicatoren", ind.id, ("fenomeen",),
                        msg("ref.unknown_phenomenon", id=ind.phenomenon), "unknown-reference",
                        suggestion=did_you_mean(ind.phenomenon, rs.phenomena))
            self.condition("indicatoren", ind.id, ("als",), ind.condition, facts_only=True)
        for iv in rs.interventions.values():
            for k, ph_id in enumerate(iv.phenomena):
                if ph_id not in rs.phenomena:
                    self.at("interventies", iv.id, ("fenomenen", k),
                            msg("ref.unknown_phenomenon", id=ph_id), "unknown-reference",
                            suggestion=did_you_mean(ph_id, rs.phenomena))
            self.condition("interventies", iv.id, ("voorstellen_als",), iv.trigger)
            for k, gate in enumerate(iv.legal_gates):
                self.condition("interventies", iv.id, ("poorten", k, "als"), gate.condition)
            for k, flag in enumerate(iv.flags):
                self.condition("interventies", iv.id, ("afwegingen", k, "als"), flag.condition)
            gate_ids = [g.id for g in iv.legal_gates] + [f.id for f in iv.flags]
            if len(set(gate_ids)) != len(gate_ids):
                self.at("interventies", iv.id, (), msg("ref.duplicate_gate"), "duplicate-id")
        return self.out

    def condition(
        self, section: str, item_id: str, base: Loc, cond: ConditionNode, facts_only: bool = False
    ) -> None:
        rs = self.rs
        for node, loc in walk_with_loc(cond, base):
            if isinstance(node, IndicatorTest):
                if facts_only:
                    self.at(section, item_id, loc,
                            msg("ref.facts_only_indicators"), "inconsistent")
                elif node.indicator not in rs.indicators:
                    self.at(section, item_id, (*loc, "indicator"),
                            msg("ref.unknown_indicator", id=node.indicator), "unknown-reference",
                            suggestion=did_you_mean(node.indicator, rs.indicators))
            elif isinstance(node, LevelTest):
                if facts_only:
                    self.at(section, item_id, loc,
                            msg("ref.facts_only_levels"), "inconsistent")
                    continue
                ph = rs.phenomena.get(node.phenomenon)
                if ph is None:
                    self.at(section, item_id, (*loc, "niveau"),
                            msg("ref.unknown_phenomenon", id=node.phenomenon),
                            "unknown-reference",
                            suggestion=did_you_mean(node.phenomenon, rs.phenomena))
                elif node.at_least not in {lv.id for lv in ph.levels}:
                    levels = [lv.id for lv in ph.levels]
                    self.at(section, item_id, (*loc, "minimaal"),
                            msg("ref.no_such_level", phenomenon=ph.id, level=node.at_least),
                            "unknown-reference",
                            expected=", ".join(levels),
                            suggestion=did_you_mean(node.at_least, levels))
            elif isinstance(node, FactTest):
                self.fact_test(section, item_id, loc, node)

    def fact_test(self, section: str, item_id: str, loc: Loc, node: FactTest) -> None:
        rs = self.rs
        fact = rs.facts.get(node.fact)
        if fact is None:
            self.at(section, item_id, (*loc, "feit"), msg("fact.unknown", fact=node.fact),
                    "unknown-fact",
                    suggestion=did_you_mean(node.fact, rs.facts))
            return
        op = node.operator
        if op not in ALLOWED_OPERATORS[fact.type]:
            self.at(section, item_id, (*loc, op),
                    msg("ref.operator_type", op=op, fact=fact.id, type=fact.type),
                    "inconsistent",
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
                        msg("ref.unknown_register", id=q.register_id), "unknown-reference",
                        suggestion=did_you_mean(q.register_id, rs.registers))
            elif q.status not in reg.statuses:
                self.at(section, item_id, (*loc, op, "status"),
                        msg("ref.register_no_status", register=reg.id, status=q.status),
                        "unknown-reference",
                        expected=", ".join(reg.statuses),
                        suggestion=did_you_mean(q.status, reg.statuses))
            elif fact.register_id != reg.id:
                self.at(section, item_id, (*loc, op),
                        msg("ref.fact_not_register", fact=fact.id, register=reg.id),
                        "inconsistent")
            return
        allowed = rs.enum_values(fact)
        for v in values:
            _, problem = normalise_value(fact, v, allowed, rule_constant=True)
            if problem:
                self.at(section, item_id, (*loc, op),
                        msg("ref.value_not_fact", value=repr(v), fact=fact.id), problem.code,
                        expected=problem.expected, suggestion=problem.suggestion)


def _continuation_cycle(reg: Any, start: str) -> list[str]:
    """The chain `start -> ... -> start` when following voortzetting_van returns to `start`
    (a continuation of itself would inherit its own statuses forever); else []."""
    by_id = {item.id: item for item in reg.items}
    chain = [start]
    current = by_id[start].continues
    while current is not None and current in by_id and len(chain) <= len(by_id):
        chain.append(current)
        if current == start:
            return chain
        if current in chain[:-1]:
            return []  # a cycle further on, reported at its own members
        current = by_id[current].continues
    return []


def check_references(ruleset: RuleSet) -> list[Diagnostic]:
    return _Checker(ruleset).run()


__all__ = ["check_references"]
