"""Three-valued logic over columns: every condition is two masks, certainly true and possibly
true (certain implies possible; unknown is possible and not certain).

The masks follow evaluate.kleene node by node (``and``: both masks and-ed; ``or``: or-ed;
``not``: certain = not possible, possible = not certain; a test on an unknown fact is
possible and not certain), scores and levels follow evaluate.scoring, and the intervention
status follows explain.status.intervention_status. A program is derived once per compiled
model, i.e. once per stretch of days on which the law is the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from riskmodel.api import compiled_for
from riskmodel.batch.vector_cells import UNKNOWN, WORD_BITS, Codes, EncodedFrame, FactCodes, Mask
from riskmodel.compile.encode import age_attr, fact_attr, list_attr
from riskmodel.compile.ir import (
    And,
    Atom,
    CompiledModel,
    Const,
    IndRef,
    LevelRef,
    Node,
    Not,
    Or,
)
from riskmodel.model.conditions import Dated, walk
from riskmodel.model.ruleset import RuleSet

Tri = tuple[Mask, Mask]
Ranks = npt.NDArray[np.int16]

#: status codes, in the order of the summary's vocabulary (STATUS_NAMES)
NOT_SUGGESTED, UNAVAILABLE, IMPOSSIBLE, MISSING, WEIGH, RECOMMENDED = range(6)
STATUS_NAMES: tuple[str, ...] = ("niet_voorgesteld", "niet_beschikbaar",
                                 "juridisch_niet_mogelijk", "onvoldoende_gegevens",
                                 "te_overwegen", "aanbevolen")


def change_days(rules: RuleSet) -> list[int]:
    """Ordinals of the days on which anything the compiler reads about time changes: from
    one such day to the next, every peildatum compiles to the same model."""
    days: set[dt.date] = set()

    def period(start: dt.date | None, end: dt.date | None) -> None:
        if start is not None:
            days.add(start)
        if end is not None and end < dt.date.max:
            days.add(end + dt.timedelta(days=1))

    conditions = []
    for ind in rules.indicators.values():
        period(ind.valid_from, ind.valid_to)
        conditions.append(ind.condition)
    for ph in rules.phenomena.values():
        if ph.definition is not None:
            conditions.append(ph.definition.condition)
    for iv in rules.interventions.values():
        period(iv.valid_from, iv.valid_to)
        conditions.append(iv.trigger)
        for part in (*iv.legal_basis, *iv.legal_gates, *iv.flags):
            period(part.valid_from, part.valid_to)
        conditions += [g.condition for g in iv.legal_gates]
        conditions += [f.condition for f in iv.flags]
    for cond in conditions:
        for node in walk(cond):
            if isinstance(node, Dated):
                period(node.period.start, node.period.end)
    for reg in rules.registers.values():
        for item in reg.items:
            for st in item.statuses:
                period(st.valid_from, st.valid_to)
                if isinstance(st.certain_from, dt.date):
                    days.add(st.certain_from)
    return sorted(d.toordinal() for d in days)


@dataclass
class _Run:
    """One evaluation of one compiled model over a subset of rows."""

    frame: EncodedFrame
    rows: npt.NDArray[np.intp] | None
    day: Codes
    size: int
    memo: dict[int, Tri] = field(default_factory=dict)
    attrs: dict[str, tuple[Codes, Mask]] = field(default_factory=dict)
    indicators: dict[str, Tri] = field(default_factory=dict)
    levels: dict[str, tuple[Ranks, Ranks]] = field(default_factory=dict)

    def take(self, a: Codes) -> Codes:
        return a if self.rows is None else a[self.rows]

    def const(self, value: bool) -> Mask:
        return np.full(self.size, value, dtype=np.bool_)


class Program:
    """The compiled model of one stretch of days, evaluated over columns."""

    def __init__(self, rules: RuleSet, compiled: CompiledModel) -> None:
        self.rules = rules
        self.compiled = compiled
        self.attr_index: dict[str, tuple[str, str, str]] = {}
        for fid, fact in rules.facts.items():
            self.attr_index[fact_attr(fid)] = (fid, "value", "")
            if fact.type == "date":
                self.attr_index[age_attr(fid)] = (fid, "age", "")
            if fact.type == "enum_list":
                for v in fact.value_ids():
                    self.attr_index[list_attr(fid, v)] = (fid, "item", v)

    # ---- columns -----------------------------------------------------------------------
    def attr(self, run: _Run, name: str) -> tuple[Codes, Mask] | None:
        got = run.attrs.get(name)
        if got is not None:
            return got
        where = self.attr_index.get(name)
        if where is None or where[0] not in run.frame.facts:
            return None  # a fact no column carries: unknown in every row
        fid, kind, value = where
        fc = run.frame.facts[fid]
        unknown = run.take(fc.codes[0]) == UNKNOWN
        if kind == "value":
            vals = run.take(fc.codes[0])
        elif kind == "age":
            vals = run.day - run.take(fc.codes[0])
        else:
            pos = fc.values.index(value)
            word = run.take(fc.codes[pos // WORD_BITS])
            vals = (word >> (pos % WORD_BITS)) & 1
        got = (vals, unknown)
        run.attrs[name] = got
        return got

    @staticmethod
    def _const_code(fc: FactCodes | None, value: object) -> int | None:
        """An atom's constant in the code space of its column (None: matches no value)."""
        if isinstance(value, str):
            if fc is not None and fc.fact.type == "enum" and value in fc.values:
                return fc.values.index(value)
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return None

    def atom(self, run: _Run, node: Atom) -> Tri:
        got = self.attr(run, node.attr)
        if got is None:
            if node.op == "known":
                return run.const(False), run.const(False)
            return run.const(False), run.const(True)
        vals, unknown = got
        known = ~unknown
        if node.op == "known":
            return known, known
        where = self.attr_index[node.attr]
        fc = run.frame.facts[where[0]] if where[1] == "value" else None
        op = node.op
        if op in ("in", "nin"):
            assert isinstance(node.value, tuple)
            codes = [c for c in (self._const_code(fc, v) for v in node.value) if c is not None]
            hit = np.isin(vals, np.array(codes, dtype=np.int64)) if codes else run.const(False)
            test = hit if op == "in" else ~hit
        else:
            k = self._const_code(fc, node.value)
            if op in ("eq", "ne"):
                eq = vals == k if k is not None else run.const(False)
                test = eq if op == "eq" else ~eq
            else:
                if k is None:
                    raise ValueError(f"ordering test on a non-number: {node}")
                test = {"ge": vals >= k, "le": vals <= k, "gt": vals > k, "lt": vals < k}[op]
        return test & known, test | unknown

    def node(self, run: _Run, node: Node) -> Tri:
        key = id(node)
        got = run.memo.get(key)
        if got is not None:
            return got
        if isinstance(node, Atom):
            got = self.atom(run, node)
        elif isinstance(node, And | Or):
            parts = [self.node(run, c) for c in node.children]
            combine = np.logical_and if isinstance(node, And) else np.logical_or
            certain, possible = parts[0]
            for c, p in parts[1:]:
                certain = combine(certain, c)
                possible = combine(possible, p)
            got = (certain, possible)
        elif isinstance(node, Not):
            c, p = self.node(run, node.child)
            got = (~p, ~c)
        elif isinstance(node, Const):
            got = (run.const(node.value is True), run.const(node.value is not False))
        elif isinstance(node, IndRef):
            got = run.indicators.get(node.indicator) or (run.const(False), run.const(False))
        elif isinstance(node, LevelRef):
            certain_rank, possible_rank = run.levels[node.phenomenon]
            got = (certain_rank >= node.rank, possible_rank >= node.rank)
        else:
            raise AssertionError(node)
        run.memo[key] = got
        return got

    # ---- the two phases with the scoring between ------------------------------------------
    def run(self, frame: EncodedFrame, rows: npt.NDArray[np.intp] | None
            ) -> tuple[dict[str, tuple[Ranks, Ranks]], dict[str, npt.NDArray[np.int8]]]:
        size = frame.n if rows is None else len(rows)
        day = frame.day if rows is None else frame.day[rows]
        run = _Run(frame, rows, day, size)
        cm = self.compiled
        phase1 = {k: self.node(run, n) for k, n in cm.phase1_conditions().items()}
        for ind_id, ind in cm.indicators.items():
            gc, gp = phase1[("gate", ind.phenomenon)]
            ic, ip = phase1[("ind", ind_id)]
            run.indicators[ind_id] = (gc & ic, gp & ip)
        for ph in cm.phenomena.values():
            gc, gp = phase1[("gate", ph.id)]
            cs = np.zeros(size, dtype=np.int64)
            ps = np.zeros(size, dtype=np.int64)
            for ind_id in ph.indicators:
                points = cm.indicators[ind_id].points
                ic, ip = phase1[("ind", ind_id)]
                cs += ic * points
                ps += ip * points
            cs[~gc] = 0  # gate false or undecided: nothing is certain
            ps[~gp] = 0
            thresholds = np.array([lv.threshold for lv in ph.levels], dtype=np.int64)
            certain = (np.searchsorted(thresholds, cs, side="right") - 1).astype(np.int16)
            possible = (np.searchsorted(thresholds, ps, side="right") - 1).astype(np.int16)
            for ov in ph.overrides:
                ic, ip = phase1[("ind", ov.indicator)]
                certain = np.where(ic & gc, np.maximum(certain, ov.rank), certain)
                possible = np.where(ip & gp, np.maximum(possible, ov.rank), possible)
            run.levels[ph.id] = (certain, np.maximum(certain, possible).astype(np.int16))
        statuses: dict[str, npt.NDArray[np.int8]] = {}
        for iv in cm.interventions.values():
            tc, tp = self.node(run, iv.trigger)
            if not iv.available:
                statuses[iv.id] = np.where(tp, UNAVAILABLE, NOT_SUGGESTED).astype(np.int8)
                continue
            gates = [self.node(run, g.condition) for g in iv.gates]
            flags = [self.node(run, f.condition) for f in iv.flags]
            gate_false = _any((~p for _, p in gates), size)
            undecided = (tp & ~tc) | _any((p & ~c for c, p in gates), size)
            weigh = _any((p for _, p in flags), size)
            statuses[iv.id] = np.select(
                [~tp, gate_false, undecided, weigh],
                [NOT_SUGGESTED, IMPOSSIBLE, MISSING, WEIGH], RECOMMENDED).astype(np.int8)
        return run.levels, statuses


def _any(masks: Iterable[Mask], size: int) -> Mask:
    out = np.zeros(size, dtype=np.bool_)
    for m in masks:
        out |= m
    return out


class Programs:
    """Programs per stretch of days of one rule set, built when a day first needs one."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.changes = change_days(rules)
        self.by_stretch: dict[int, Program] = {}

    def stretch(self, ordinal: int) -> int:
        return bisect.bisect_right(self.changes, ordinal)

    def for_day(self, ordinal: int) -> Program:
        key = self.stretch(ordinal)
        program = self.by_stretch.get(key)
        if program is None:
            compiled = compiled_for(self.rules, dt.date.fromordinal(ordinal))
            program = Program(self.rules, compiled)
            self.by_stretch[key] = program
        return program


def programs_for(rules: RuleSet) -> Programs:
    cached = rules.cache.get("vector_programs")
    if not isinstance(cached, Programs):
        cached = Programs(rules)
        rules.cache["vector_programs"] = cached
    return cached
