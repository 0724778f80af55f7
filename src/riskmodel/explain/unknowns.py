"""What to find out first: each unknown fact ranked by the outcomes knowing it could change.

Exact, not guessed. For every unknown fact that an undecided condition reads (or that a
`bekend` test reads: whether a fact is known is two-valued, so such a test can flip even when
it is decided), and for every value of the fact that can make a difference (both booleans;
each enum value the model names plus one it does not; for a list fact the empty list, each
named value alone and all named values; for numbers and dates the values on, just below and
just above every constant the model compares them with; values on which every test of the
fact agrees are tried once), the conditions that read it are evaluated again with only that
fact set, the other unknowns left unknown. An outcome counts when some value changes it: an
indicator's status, a definition, a legal gate or a flag of a listed instrument, a
phenomenon's certain level, an instrument's status (including appearing or disappearing).
Without `bekend` tests Kleene logic is monotone in knowledge, so a change is always an
undecided outcome becoming decided.

Only the conditions that read the fact, directly or through an indicator or a level, are
re-evaluated, with the generated-code machinery of evaluate.generated (one small function per
fact, built once per compiled model); scores are updated from the profile's own scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from riskmodel.compile.encode import age_attr, fact_attr, list_attr
from riskmodel.compile.ir import (
    And,
    Atom,
    CompiledModel,
    ConditionKey,
    IndRef,
    LevelRef,
    Node,
    Not,
    Or,
)
from riskmodel.evaluate.base import Evaluation
from riskmodel.evaluate.generated import PhaseFunction, build
from riskmodel.evaluate.kleene import Tri, atom_holds
from riskmodel.evaluate.scoring import rank_for
from riskmodel.explain.construct import out
from riskmodel.explain.status import intervention_status
from riskmodel.model.assessment import FindOut
from riskmodel.model.common import DECIMAL_SCALE
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

#: how many facts the assessment carries (the text report shows fewer)
TOP = 10

Patch = dict[str, int | str]


@dataclass
class _Index:
    """Who reads what, per compiled model."""

    phase1: dict[ConditionKey, Node]
    phase2: dict[ConditionKey, Node]
    p1_by_fact: dict[str, list[ConditionKey]] = field(default_factory=dict)
    p2_by_fact: dict[str, list[ConditionKey]] = field(default_factory=dict)
    p2_by_indicator: dict[str, list[ConditionKey]] = field(default_factory=dict)
    p2_by_phenomenon: dict[str, list[ConditionKey]] = field(default_factory=dict)
    atoms: dict[str, set[Atom]] = field(default_factory=dict)
    #: fact -> every condition reading it directly, both phases (facts sorted by id)
    keys_by_fact: dict[str, frozenset[ConditionKey]] = field(default_factory=dict)
    #: facts read by a `bekend` test somewhere (such tests are two-valued)
    known_tests: set[str] = field(default_factory=set)
    #: fact -> the value patches worth trying (per compiled model: constants are fixed)
    patches: dict[str, list[Patch]] = field(default_factory=dict)


def _leaves(node: Node, out: list[Node]) -> list[Node]:
    if isinstance(node, And | Or):
        for c in node.children:
            _leaves(c, out)
    elif isinstance(node, Not):
        _leaves(node.child, out)
    else:
        out.append(node)
    return out


def _index(compiled: CompiledModel) -> _Index:
    cached = compiled.cache.get("find_out_index")
    if isinstance(cached, _Index):
        return cached
    idx = _Index(compiled.phase1_conditions(), compiled.phase2_conditions())
    for key, node in idx.phase1.items():
        for leaf in _leaves(node, []):
            if isinstance(leaf, Atom):
                idx.p1_by_fact.setdefault(leaf.fact, []).append(key)
                idx.atoms.setdefault(leaf.fact, set()).add(leaf)
    for key, node in idx.phase2.items():
        for leaf in _leaves(node, []):
            if isinstance(leaf, Atom):
                idx.p2_by_fact.setdefault(leaf.fact, []).append(key)
                idx.atoms.setdefault(leaf.fact, set()).add(leaf)
            elif isinstance(leaf, IndRef):
                idx.p2_by_indicator.setdefault(leaf.indicator, []).append(key)
            elif isinstance(leaf, LevelRef):
                idx.p2_by_phenomenon.setdefault(leaf.phenomenon, []).append(key)
    for table in (idx.p1_by_fact, idx.p2_by_fact, idx.p2_by_indicator, idx.p2_by_phenomenon):
        for k, keys in table.items():
            table[k] = sorted(set(keys))
    idx.known_tests = {f for f, atoms in idx.atoms.items() if any(a.op == "known" for a in atoms)}
    for fact_id in sorted({*idx.p1_by_fact, *idx.p2_by_fact}):
        idx.keys_by_fact[fact_id] = frozenset((*idx.p1_by_fact.get(fact_id, ()),
                                               *idx.p2_by_fact.get(fact_id, ())))
    compiled.cache["find_out_index"] = idx
    return idx


def _numbers(consts: set[int], low: float | None, high: float | None) -> list[int]:
    values = sorted({c + d for c in consts for d in (-1, 0, 1)}) or [0]
    return [v for v in values if (low is None or v >= low) and (high is None or v <= high)]


def _patches(rules: RuleSet, idx: _Index, fact_id: str, peil: int) -> list[Patch]:
    """The values of a fact that can make a difference, as encoded attributes."""
    cached = idx.patches.get(fact_id)
    if cached is not None:
        return cached
    fact = rules.facts[fact_id]
    atoms = idx.atoms.get(fact_id, set())
    attr = fact_attr(fact_id)
    consts: set[int | str] = set()
    for a in atoms:
        if a.op == "known":
            continue
        values = a.value if isinstance(a.value, tuple) else (a.value,)
        consts.update(v for v in values if v is not None)
    out: list[Patch] = []
    if fact.type == "bool":
        out = [{attr: 0}, {attr: 1}]
    elif fact.type == "enum":
        canon = rules.canonical_values(fact) or {}
        allowed = [canon.get(v, v) for v in rules.enum_values(fact)]
        named = sorted(str(c) for c in consts)
        other = next((v for v in allowed if v not in consts), None)
        out = [{attr: v} for v in [*named, *([other] if other is not None else [])]]
    elif fact.type == "enum_list":
        ids = fact.value_ids()
        named = [v for v in ids if any(a.attr == list_attr(fact_id, v) for a in atoms)]
        sets = [set(), *({v} for v in named)] + ([set(named)] if len(named) > 1 else [])
        out = [{list_attr(fact_id, v): int(v in s) for v in ids} for s in sets]
    elif fact.type in ("int", "decimal"):
        scale = DECIMAL_SCALE if fact.type == "decimal" else 1
        low = fact.minimum * scale if fact.minimum is not None else None
        high = fact.maximum * scale if fact.maximum is not None else None
        out = [{attr: v} for v in _numbers({c for c in consts if isinstance(c, int)}, low,
                                           high)]
    else:  # date: the date itself and its age on the peildatum
        age = age_attr(fact_id)
        ages = {peil - c for c in consts if isinstance(c, int)}
        for a in atoms:
            if a.attr == age and isinstance(a.value, int):
                ages.add(a.value)
        out = [{attr: peil - d, age: d} for d in _numbers(ages, None, None)]
    # values on which every test of the fact agrees decide the same things: keep one
    tests = sorted(atoms, key=repr)
    seen: set[tuple[bool, ...]] = set()
    distinct: list[Patch] = []
    for patch in out:
        truth = tuple(_holds(a, patch) for a in tests)
        if truth not in seen:
            seen.add(truth)
            distinct.append(patch)
    idx.patches[fact_id] = distinct
    return distinct


def _holds(atom: Atom, patch: Patch) -> bool:
    if atom.op == "known":
        return atom.attr in patch
    return atom.attr in patch and atom_holds(atom, patch[atom.attr])


@dataclass(frozen=True)
class _Plan:
    """Per fact: generated functions over exactly the conditions it can reach."""

    keys1: tuple[ConditionKey, ...]
    fn1: PhaseFunction | None
    keys2: tuple[ConditionKey, ...]
    fn2: PhaseFunction | None
    #: only the phase-2 conditions that read the fact itself: enough when no phase-1
    #: condition moved
    keys_direct: tuple[ConditionKey, ...]
    fn_direct: PhaseFunction | None


def _plan(compiled: CompiledModel, idx: _Index, fact_id: str) -> _Plan:
    plans = compiled.cache.setdefault("find_out_plans", {})
    assert isinstance(plans, dict)
    plan = plans.get(fact_id)
    if plan is not None:
        assert isinstance(plan, _Plan)
        return plan
    keys1 = idx.p1_by_fact.get(fact_id, [])
    reach2 = set(idx.p2_by_fact.get(fact_id, ()))
    for key in keys1:
        ph = compiled.indicators[key[1]].phenomenon if key[0] == "ind" else key[1]
        reach2.update(idx.p2_by_phenomenon.get(ph, ()))
        for ind_id in compiled.phenomena[ph].indicators:
            reach2.update(idx.p2_by_indicator.get(ind_id, ()))
    k1, f1 = build({k: idx.phase1[k] for k in keys1}) if keys1 else ([], None)
    k2, f2 = build({k: idx.phase2[k] for k in reach2}) if reach2 else ([], None)
    direct = idx.p2_by_fact.get(fact_id, [])
    kd, fd = build({k: idx.phase2[k] for k in direct}) if direct else ([], None)
    plan = _Plan(tuple(k1), f1, tuple(k2), f2, tuple(kd), fd)
    plans[fact_id] = plan
    return plan


def _key_function(compiled: CompiledModel, idx: _Index, key: ConditionKey) -> PhaseFunction:
    """One phase-2 condition as a generated function (Kleene codes, no Derived to build)."""
    fns = compiled.cache.setdefault("find_out_key_functions", {})
    assert isinstance(fns, dict)
    fn = fns.get(key)
    if fn is None:
        fn = fns[key] = build({key: idx.phase2[key]})[1]
    assert callable(fn)
    return fn


_CODE = {Tri.FALSE: 0, Tri.UNKNOWN: 1, Tri.TRUE: 2}
_TRI = (Tri.FALSE, Tri.UNKNOWN, Tri.TRUE)


class FindOutRanker:
    """Ranks the unknown facts of one assessment."""

    def __init__(self, rules: RuleSet, compiled: CompiledModel, profile: Profile,
                 ev: Evaluation) -> None:
        self.rules, self.compiled, self.profile, self.ev = rules, compiled, profile, ev
        self.idx = _index(compiled)
        self.status = {iv.id: self._status(iv.id, ev.phase2) for iv in
                       compiled.interventions.values()}
        self.ind_codes = {k: _CODE[v] for k, v in ev.derived.indicators.items()}
        self.codes1 = {k: _CODE[v] for k, v in ev.phase1.items()}
        self.codes2 = {k: _CODE[v] for k, v in ev.phase2.items()}
        #: phase-1 changes -> (new indicator codes, new levels, outcomes), shared by facts
        self._derived: dict[frozenset[tuple[ConditionKey, int]],
                            tuple[dict[str, int], dict[str, tuple[int, int]], set[str],
                                  tuple[list[str], list[str]]]] = {}
        self._scores: dict[str, tuple[int, int]] = {}
        self._p2memo: dict[frozenset[tuple[ConditionKey, Tri]], set[str]] = {}
        self._after: dict[frozenset[tuple[ConditionKey, int]], set[str]] = {}
        self._full2: tuple[list[ConditionKey], PhaseFunction] | None = None

    def _status(self, iv_id: str, phase2: Mapping[ConditionKey, Tri]) -> str | None:
        ci = self.compiled.interventions[iv_id]
        return intervention_status(
            available=ci.available, trigger=phase2[("trig", iv_id)],
            gates=[phase2[("igate", iv_id, g.id)] for g in ci.gates] if ci.available else [],
            flags=[phase2[("flag", iv_id, f.id)] for f in ci.flags] if ci.available else [])

    def candidates(self) -> list[str]:
        """Unknown facts read by an undecided condition, that apply to the profile's kind."""
        undecided = {k for k, v in self.ev.phase1.items() if v is Tri.UNKNOWN}
        undecided |= {k for k, v in self.ev.phase2.items() if v is Tri.UNKNOWN}
        known = self.profile.facts
        kind = self.profile.kind
        out = []
        for fact_id, keys in self.idx.keys_by_fact.items():
            entry = known.get(fact_id)
            if entry is not None and entry.known:
                continue
            fact = self.rules.facts.get(fact_id)
            if fact is None or (fact.kinds is not None and kind not in fact.kinds):
                continue
            if fact_id in self.idx.known_tests or not undecided.isdisjoint(keys):
                out.append(fact_id)
        return out

    def decides(self, fact_id: str) -> set[str]:
        """The outcomes some value of this fact decides or changes."""
        ev = self.ev
        plan = _plan(self.compiled, self.idx, fact_id)
        base1 = tuple(self.codes1[k] for k in plan.keys1)
        base2: tuple[int, ...] | None = None
        base_direct = tuple(self.codes2[k] for k in plan.keys_direct)
        out: set[str] = set()
        for patch in _patches(self.rules, self.idx, fact_id, self.compiled.peildatum_ordinal):
            env = {**ev.env, **patch}
            if plan.fn1 is not None:
                codes1 = plan.fn1(env, {}, {})
                if codes1 != base1:
                    changed = frozenset((k, c) for k, c, b in
                                        zip(plan.keys1, codes1, base1, strict=True) if c != b)
                    ind, levels, found, moved = self._rescore(changed)
                    out |= found
                    if plan.fn_direct is None:
                        # phase 2 then depends only on the rescoring: shared by every fact
                        # and value that decides the same phase-1 conditions the same way
                        if moved[0] or moved[1]:
                            out |= self._phase2_after(changed, ind, levels, moved)
                        continue
                    if moved[0] or moved[1]:  # a phase-2 condition may read both the fact and a result
                        assert plan.fn2 is not None
                        if base2 is None:
                            base2 = tuple(self.codes2[k] for k in plan.keys2)
                        codes2 = plan.fn2(env, ind, levels)
                        if codes2 != base2:
                            out |= self._phase2([(k, _TRI[c]) for k, c, b in
                                                 zip(plan.keys2, codes2, base2, strict=True)
                                                 if c != b])
                        continue
            if plan.fn_direct is None:
                continue
            codes = plan.fn_direct(env, self.ind_codes, ev.derived.levels)
            if codes != base_direct:
                out |= self._phase2([(k, _TRI[c]) for k, c, b in
                                     zip(plan.keys_direct, codes, base_direct, strict=True)
                                     if c != b])
        return out

    def _baseline(self, ph_id: str) -> tuple[int, int]:
        """Points of the indicators certainly and possibly hit, before the definition."""
        known = self._scores.get(ph_id)
        if known is None:
            certain = possible = 0
            for ind_id in self.compiled.phenomena[ph_id].indicators:
                code = self.codes1[("ind", ind_id)]
                points = self.compiled.indicators[ind_id].points
                certain += points if code == 2 else 0
                possible += points if code >= 1 else 0
            known = self._scores[ph_id] = (certain, possible)
        return known

    def _rescore(self, changed: frozenset[tuple[ConditionKey, int]],
                 ) -> tuple[dict[str, int], dict[str, tuple[int, int]], set[str],
                            tuple[list[str], list[str]]]:
        """Indicator codes, levels and outcomes after these phase-1 conditions are decided,
        and which indicator results and levels moved.

        The arithmetic of evaluate.scoring (score range, hit policy, overrides) on Kleene
        codes, from the profile's own scores plus what changed; tests/test_unknowns.py holds
        it to a full re-evaluation.
        """
        memo = self._derived.get(changed)
        if memo is not None:
            return memo
        compiled, base = self.compiled, self.codes1
        new = dict(changed)
        out = {("indicator:" if k[0] == "ind" else "definition:") + k[1] for k in new}
        by_ph: dict[str, list[tuple[str, int]]] = {}
        for key, code in new.items():
            if key[0] == "ind":
                by_ph.setdefault(compiled.indicators[key[1]].phenomenon, []).append(
                    (key[1], code))
            else:
                by_ph.setdefault(key[1], [])
        ind, levels = self.ind_codes, self.ev.derived.levels
        moved_ind: list[str] = []
        moved_ph: list[str] = []
        for ph_id in sorted(by_ph):
            ph = compiled.phenomena[ph_id]
            gk = ("gate", ph_id)
            gate = new.get(gk, base[gk])
            certain_score, possible_score = self._baseline(ph_id)
            for ind_id, code in by_ph[ph_id]:
                points = compiled.indicators[ind_id].points
                old = base[("ind", ind_id)]
                certain_score += points * ((code == 2) - (old == 2))
                possible_score += points * ((code >= 1) - (old >= 1))
            if gk in new:  # the definition moved: every indicator result of it may move
                moved_ind += [i for i in ph.indicators
                              if min(gate, new.get(("ind", i), base[("ind", i)])) != ind[i]]
            else:
                moved_ind += [i for i, code in by_ph[ph_id] if min(gate, code) != ind[i]]
            if gate == 0:
                certain_score = possible_score = 0
            elif gate == 1:
                certain_score = 0
            certain, possible = rank_for(ph, certain_score), rank_for(ph, possible_score)
            if gate != 0:
                for ov in ph.overrides:
                    status = new.get(("ind", ov.indicator), base[("ind", ov.indicator)])
                    if status == 0:
                        continue
                    if status == 2 and gate == 2:
                        certain = max(certain, ov.rank)
                    possible = max(possible, ov.rank)
            if certain != levels[ph_id][0]:
                out.add(f"level:{ph_id}")
            if (certain, max(certain, possible)) != levels[ph_id]:
                moved_ph.append(ph_id)
                if len(moved_ph) == 1:
                    levels = dict(levels)
                levels[ph_id] = (certain, max(certain, possible))
        if moved_ind:
            gate_of = {ph_id: new.get(("gate", ph_id), base[("gate", ph_id)]) for ph_id in by_ph}
            ind = dict(ind)
            for ind_id in moved_ind:
                key = ("ind", ind_id)
                ind[ind_id] = min(gate_of[compiled.indicators[ind_id].phenomenon],
                                  new.get(key, base[key]))
        memo = (ind, levels, out, (moved_ind, moved_ph))
        self._derived[changed] = memo
        return memo

    def _phase2_after(self, changed: frozenset[tuple[ConditionKey, int]],
                      ind: dict[str, int], levels: dict[str, tuple[int, int]],
                      moved: tuple[list[str], list[str]]) -> set[str]:
        """Phase-2 outcomes when only indicator results and levels moved."""
        memo = self._after.get(changed)
        if memo is not None:
            return memo
        keys: set[ConditionKey] = set()
        for ind_id in moved[0]:
            keys.update(self.idx.p2_by_indicator.get(ind_id, ()))
        for ph_id in moved[1]:
            keys.update(self.idx.p2_by_phenomenon.get(ph_id, ()))
        moved2 = []
        env = self.ev.env
        for key in sorted(keys):
            code = _key_function(self.compiled, self.idx, key)(env, ind, levels)[0]
            if code != self.codes2[key]:
                moved2.append((key, _TRI[code]))
        memo = self._phase2(moved2) if moved2 else set()
        self._after[changed] = memo
        return memo

    def _phase2(self, changed: list[tuple[ConditionKey, Tri]]) -> set[str]:
        memo_key = frozenset(changed)
        memo = self._p2memo.get(memo_key)
        if memo is None:
            memo = self._p2memo[memo_key] = self._phase2_outcomes(changed)
        return memo

    def _phase2_outcomes(self, changed: list[tuple[ConditionKey, Tri]]) -> set[str]:
        out: set[str] = set()
        phase2 = {**self.ev.phase2, **dict(changed)}
        for iv_id in sorted({k[1] for k, _ in changed}):
            before = self.status[iv_id]
            if before is not None:  # gates and flags of a listed instrument
                for key, _ in changed:
                    if key[1] == iv_id and key[0] == "igate":
                        out.add(f"gate:{iv_id}/{key[2]}")
                    elif key[1] == iv_id and key[0] == "flag":
                        out.add(f"flag:{iv_id}/{key[2]}")
            if self._status(iv_id, phase2) != before:
                out.add(f"status:{iv_id}")
        return out

    def rank(self, top: int = TOP) -> list[FindOut]:
        found = [(f, self.decides(f)) for f in self.candidates()]
        ranked = sorted(((f, d) for f, d in found if d), key=lambda x: (-len(x[1]), x[0]))
        return [out(FindOut, {"decides": sorted(d), "fact": f, "outcomes": len(d)})
                for f, d in ranked[:top]]


def find_out(rules: RuleSet, compiled: CompiledModel, profile: Profile, ev: Evaluation,
             top: int = TOP) -> list[FindOut]:
    """The unknown facts that could change most outcomes, most first (then by id)."""
    return FindOutRanker(rules, compiled, profile, ev).rank(top)
