"""RuleSet + peildatum -> CompiledModel. Dates, registers and validity are resolved here,
so evaluators never reason about time: what was not law on the peildatum is not compiled."""

from __future__ import annotations

import datetime as dt

from riskmodel.compile.encode import age_attr, encode_scalar, fact_attr, list_attr
from riskmodel.compile.ir import (
    FALSE,
    TRUE,
    UNDECIDED,
    Atom,
    CompiledCheck,
    CompiledIndicator,
    CompiledIntervention,
    CompiledLevel,
    CompiledModel,
    CompiledOverride,
    CompiledPhenomenon,
    IndRef,
    LevelRef,
    Node,
    mk_and,
    mk_not,
    mk_or,
)
from riskmodel.model.conditions import (
    AllOf,
    AnyOf,
    ConditionNode,
    Dated,
    FactTest,
    IndicatorTest,
    LevelTest,
    NotOf,
)
from riskmodel.model.rules import Intervention, Register
from riskmodel.model.ruleset import RuleSet

_NUMERIC_OPS = {"minimaal": "ge", "maximaal": "le", "groter_dan": "gt", "kleiner_dan": "lt"}


def register_members(
    register: Register, status: str, day: dt.date
) -> tuple[set[str], set[str]]:
    """(certain, possible) item ids holding `status` on `day`.

    Possible includes certain; an item is only possible between a status's `vanaf` and its
    `zeker_vanaf`. A continuation inherits its origin's statuses.
    """
    direct: dict[str, int] = {}  # 2 certain, 1 possible, 0 not
    for item in register.items:
        best = 0
        for s in item.statuses:
            if s.status != status or not s.period.contains(day):
                continue
            sure = s.certain_from is None or (
                isinstance(s.certain_from, dt.date) and day >= s.certain_from
            )
            best = max(best, 2 if sure else 1)
        direct[item.id] = best
    by_id = {item.id: item for item in register.items}
    certain: set[str] = set()
    possible: set[str] = set()
    for item in register.items:
        seen: set[str] = set()
        cur: str | None = item.id
        best = 0
        while cur is not None and cur not in seen:
            seen.add(cur)
            best = max(best, direct.get(cur, 0))
            cur = by_id[cur].continues if cur in by_id else None
        if best == 2:
            certain.add(item.id)
        if best >= 1:
            possible.add(item.id)
    return certain, possible


def intervention_available(iv: Intervention, day: dt.date) -> bool:
    """In force on the peildatum: the instrument itself and at least one legal basis."""
    return iv.valid_on(day) and any(b.valid_on(day) for b in iv.legal_basis)


class Compiler:
    def __init__(self, rules: RuleSet, day: dt.date) -> None:
        self.rules = rules
        self.day = day
        self.valid_indicators = {i.id for i in rules.indicators.values() if i.valid_on(day)}

    def compile(self) -> CompiledModel:
        rs, day = self.rules, self.day
        model = CompiledModel(peildatum_ordinal=day.toordinal())
        for ind in rs.indicators.values():
            if not ind.valid_on(day):
                continue
            model.indicators[ind.id] = CompiledIndicator(
                id=ind.id, phenomenon=ind.phenomenon, points=ind.points,
                condition=self.node(ind.condition),
            )
        for ph in rs.phenomena.values():
            levels = tuple(
                CompiledLevel(id=lv.id, rank=i, threshold=lv.threshold)
                for i, lv in enumerate(ph.levels)
            )
            overrides = tuple(
                CompiledOverride(indicator=o.indicator, rank=ph.rank(o.min_level))
                for o in ph.overrides
                if o.indicator in model.indicators
            )
            model.phenomena[ph.id] = CompiledPhenomenon(
                id=ph.id,
                gate=self.node(ph.definition.condition) if ph.definition else TRUE,
                levels=levels,
                overrides=overrides,
                indicators=tuple(sorted(i for i, c in model.indicators.items()
                                        if c.phenomenon == ph.id)),
            )
        for iv in rs.interventions.values():
            model.interventions[iv.id] = CompiledIntervention(
                id=iv.id,
                ladder=iv.ladder,
                available=intervention_available(iv, day),
                trigger=self.node(iv.trigger),
                gates=tuple(CompiledCheck(g.id, self.node(g.condition))
                            for g in iv.legal_gates if g.valid_on(day)),
                flags=tuple(CompiledCheck(f.id, self.node(f.condition))
                            for f in iv.flags if f.valid_on(day)),
            )
        return model

    def node(self, cond: ConditionNode) -> Node:
        if isinstance(cond, AllOf):
            return mk_and([self.node(c) for c in cond.all_of])
        if isinstance(cond, AnyOf):
            return mk_or([self.node(c) for c in cond.any_of])
        if isinstance(cond, NotOf):
            return mk_not(self.node(cond.negated))
        if isinstance(cond, Dated):
            if not cond.period.contains(self.day):
                return FALSE
            return self.node(cond.condition)
        if isinstance(cond, IndicatorTest):
            return IndRef(cond.indicator) if cond.indicator in self.valid_indicators else FALSE
        if isinstance(cond, LevelTest):
            ph = self.rules.phenomena[cond.phenomenon]
            return LevelRef(cond.phenomenon, ph.rank(cond.at_least), cond.at_least)
        return self.fact_test(cond)

    def fact_test(self, t: FactTest) -> Node:
        fact = self.rules.facts[t.fact]
        op, val = t.operator, t.operand
        attr = fact_attr(fact.id)
        if op == "bekend":
            if fact.type == "enum_list":
                first = list_attr(fact.id, fact.value_ids()[0])
                known: Node = Atom(first, fact.id, "known")
            else:
                known = Atom(attr, fact.id, "known")
            return known if val else mk_not(known)
        if op in ("bevat", "bevat_een_van"):
            values = [val] if op == "bevat" else list(val)
            return mk_or([Atom(list_attr(fact.id, v), fact.id, "eq", 1) for v in values])
        if op == "binnen_dagen":
            age = age_attr(fact.id)
            return mk_and([Atom(age, fact.id, "ge", 0), Atom(age, fact.id, "le", int(val))])
        if op == "in_register":
            q = t.in_register
            assert q is not None
            certain, possible = register_members(
                self.rules.registers[q.register_id], q.status, self.day
            )
            only_possible = possible - certain
            parts: list[Node] = []
            if certain:
                parts.append(Atom(attr, fact.id, "in", tuple(sorted(certain))))
            if only_possible:
                parts.append(mk_and([Atom(attr, fact.id, "in", tuple(sorted(only_possible))),
                                     UNDECIDED]))
            return mk_or(parts)
        canon = (self.rules.registers[fact.register_id].canonical()
                 if fact.register_id else {})
        if op in ("in", "niet_in"):
            enc = tuple(sorted({encode_scalar(fact, canon.get(v, v)) for v in val},
                               key=lambda x: (str(type(x)), x)))
            return Atom(attr, fact.id, "in" if op == "in" else "nin", enc)
        scalar = encode_scalar(fact, canon.get(val, val) if isinstance(val, str) else val)
        if op == "is":
            return Atom(attr, fact.id, "eq", scalar)
        if op == "is_niet":
            return Atom(attr, fact.id, "ne", scalar)
        return Atom(attr, fact.id, _NUMERIC_OPS[op], scalar)  # type: ignore[arg-type]



def compile_model(rules: RuleSet, day: dt.date) -> CompiledModel:
    return Compiler(rules, day).compile()
