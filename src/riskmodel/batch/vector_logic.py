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
from typing import TypeVar

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
#: what decides a phenomenon's levels: definition, (indicator, points), thresholds, overrides
LevelSignature = tuple[int, tuple[tuple[int, int], ...], tuple[int, ...], tuple[tuple[int, int], ...]]
#: what decides an intervention's status: in force, trigger, gates, flags (node numbers)
StatusSignature = tuple[bool, int, tuple[int, ...], tuple[int, ...]]
S = TypeVar("S", tuple[int, int], LevelSignature, StatusSignature)

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
    """One evaluation over a set of rows; results of equal nodes are shared between the
    programs of different days (a node means the same on every day: dates enter only
    through the per-row age of a date fact)."""

    frame: EncodedFrame
    rows: npt.NDArray[np.intp] | None
    day: Codes
    size: int
    memo: dict[int, Tri] = field(default_factory=dict)
    attrs: dict[str, tuple[Codes, Mask] | None] = field(default_factory=dict)
    #: per row, from the program of that row's day: what phase 2 reads
    indicators: dict[str, Tri] = field(default_factory=dict)
    levels: dict[str, tuple[Ranks, Ranks]] = field(default_factory=dict)

    def take(self, a: Codes) -> Codes:
        return a if self.rows is None else a[self.rows]

    def const(self, value: bool) -> Mask:
        return np.full(self.size, value, dtype=np.bool_)


def _attr_index(rules: RuleSet) -> dict[str, tuple[str, str, str]]:
    index: dict[str, tuple[str, str, str]] = {}
    for fid, fact in rules.facts.items():
        index[fact_attr(fid)] = (fid, "value", "")
        if fact.type == "date":
            index[age_attr(fid)] = (fid, "age", "")
        if fact.type == "enum_list":
            for v in fact.value_ids():
                index[list_attr(fid, v)] = (fid, "item", v)
    return index


class Program:
    """The compiled model of one stretch of days; every node numbered by its content."""

    def __init__(self, compiled: CompiledModel, intern: dict[Node, int]) -> None:
        self.compiled = compiled
        self.key_of: dict[int, int] = {}
        for node in (*compiled.phase1_conditions().values(),
                     *compiled.phase2_conditions().values(),
                     *(iv.trigger for iv in compiled.interventions.values())):
            self._number(node, intern)

    def _number(self, node: Node, intern: dict[Node, int]) -> int:
        key = self.key_of.get(id(node))
        if key is None:
            if isinstance(node, And | Or):
                for c in node.children:
                    self._number(c, intern)
            elif isinstance(node, Not):
                self._number(node.child, intern)
            key = intern.setdefault(node, len(intern))
            self.key_of[id(node)] = key
        return key

    def key(self, node: Node) -> int:
        return self.key_of[id(node)]


class Evaluator:
    """Evaluates the programs of a rule set over columns."""

    def __init__(self, rules: RuleSet) -> None:
        self.attr_index = _attr_index(rules)

    # ---- columns -----------------------------------------------------------------------
    def attr(self, run: _Run, name: str) -> tuple[Codes, Mask] | None:
        if name in run.attrs:
            return run.attrs[name]
        where = self.attr_index.get(name)
        got: tuple[Codes, Mask] | None = None
        if where is not None and where[0] in run.frame.facts:
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
        run.attrs[name] = got  # None: a fact no column carries, unknown in every row
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
            codes = sorted({c for c in (self._const_code(fc, v) for v in node.value)
                            if c is not None})
            if len(codes) > 6:
                hit = np.isin(vals, np.array(codes, dtype=np.int64))
            else:
                hit = run.const(False)
                for c in codes:
                    hit = hit | (vals == c)
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

    def node(self, run: _Run, program: Program, node: Node) -> Tri:
        key = program.key(node)
        got = run.memo.get(key)
        if got is not None:
            return got
        if isinstance(node, Atom):
            got = self.atom(run, node)
        elif isinstance(node, And | Or):
            parts = [self.node(run, program, c) for c in node.children]
            combine = np.logical_and if isinstance(node, And) else np.logical_or
            certain, possible = parts[0]
            for c, p in parts[1:]:
                certain = combine(certain, c)
                possible = combine(possible, p)
            got = (certain, possible)
        elif isinstance(node, Not):
            c, p = self.node(run, program, node.child)
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
    def run(self, frame: EncodedFrame, rows: npt.NDArray[np.intp] | None,
            programs: list[Program], program_of_row: npt.NDArray[np.int64]
            ) -> tuple[dict[str, tuple[Ranks, Ranks]], dict[str, npt.NDArray[np.int8]]]:
        """Levels and statuses of `rows` (None: all), each row by the program of its day
        (`programs[program_of_row[i]]`)."""
        size = frame.n if rows is None else len(rows)
        day = frame.day if rows is None else frame.day[rows]
        run = _Run(frame, rows, day, size)
        used = [int(p) for p in np.unique(program_of_row)]

        def per_program(signatures: dict[int, S]) -> list[tuple[S, Mask | None]]:
            """Distinct signatures with the rows they apply to (None: all rows)."""
            groups: dict[S, list[int]] = {}
            for p, sig in signatures.items():
                groups.setdefault(sig, []).append(p)
            if len(groups) == 1 and len(signatures) == len(used):
                return [(next(iter(groups)), None)]
            return [(sig, np.isin(program_of_row, ps)) for sig, ps in groups.items()]

        # phase 1 (facts only); then indicators as phase 2 reads them (hit and definition)
        for p in used:
            for node in programs[p].compiled.phase1_conditions().values():
                self.node(run, programs[p], node)
        all_indicators = sorted({i for p in used for i in programs[p].compiled.indicators})
        for ind_id in all_indicators:
            ind_sigs: dict[int, tuple[int, int]] = {}
            for p in used:
                prog = programs[p]
                ind = prog.compiled.indicators.get(ind_id)
                if ind is not None:
                    gate = prog.compiled.phenomena[ind.phenomenon].gate
                    ind_sigs[p] = (prog.key(gate), prog.key(ind.condition))
            certain, possible = run.const(False), run.const(False)
            for (gate_key, cond_key), mask in per_program(ind_sigs):
                gc, gp = run.memo[gate_key]
                ic, ip = run.memo[cond_key]
                if mask is None:
                    certain, possible = gc & ic, gp & ip
                else:
                    certain = np.where(mask, gc & ic, certain)
                    possible = np.where(mask, gp & ip, possible)
            run.indicators[ind_id] = (certain, possible)
        # scores and levels (evaluate.scoring)
        for ph_id in programs[used[0]].compiled.phenomena:
            ph_sigs: dict[int, LevelSignature] = {}
            for p in used:
                prog = programs[p]
                ph = prog.compiled.phenomena[ph_id]
                inds = prog.compiled.indicators
                ph_sigs[p] = (prog.key(ph.gate),
                              tuple((prog.key(inds[i].condition), inds[i].points)
                                    for i in ph.indicators),
                              tuple(lv.threshold for lv in ph.levels),
                              tuple((prog.key(inds[o.indicator].condition), o.rank)
                                    for o in ph.overrides))
            certain_all = np.zeros(size, dtype=np.int16)
            possible_all = np.zeros(size, dtype=np.int16)
            for ph_sig, mask in per_program(ph_sigs):
                c, p_ = self._levels(run, ph_sig)
                if mask is None:
                    certain_all, possible_all = c, p_
                else:
                    certain_all = np.where(mask, c, certain_all)
                    possible_all = np.where(mask, p_, possible_all)
            run.levels[ph_id] = (certain_all, possible_all)
        # phase 2: interventions, by the ladder of explain.status
        statuses: dict[str, npt.NDArray[np.int8]] = {}
        for iv_id in programs[used[0]].compiled.interventions:
            iv_sigs: dict[int, StatusSignature] = {}
            for p in used:
                prog = programs[p]
                iv = prog.compiled.interventions[iv_id]
                nodes = [iv.trigger, *(g.condition for g in iv.gates),
                         *(f.condition for f in iv.flags)] if iv.available else [iv.trigger]
                for node in nodes:
                    self.node(run, prog, node)
                iv_sigs[p] = (iv.available, prog.key(iv.trigger),
                              tuple(prog.key(g.condition) for g in iv.gates) if iv.available
                              else (),
                              tuple(prog.key(f.condition) for f in iv.flags) if iv.available
                              else ())
            status_all = np.zeros(size, dtype=np.int8)
            for iv_sig, mask in per_program(iv_sigs):
                st = self._status(run, iv_sig)
                status_all = st if mask is None else np.where(mask, st, status_all)
            statuses[iv_id] = status_all
        return run.levels, statuses

    @staticmethod
    def _levels(run: _Run, sig: LevelSignature) -> tuple[Ranks, Ranks]:
        gate_key, indicators, thresholds, overrides = sig
        gc, gp = run.memo[gate_key]
        cs = np.zeros(run.size, dtype=np.int64)
        ps = np.zeros(run.size, dtype=np.int64)
        for key, points in indicators:
            ic, ip = run.memo[key]
            cs += ic * points
            ps += ip * points
        cs[~gc] = 0  # definition false or undecided: nothing is certain
        ps[~gp] = 0
        bounds = np.array(thresholds, dtype=np.int64)
        certain = (np.searchsorted(bounds, cs, side="right") - 1).astype(np.int16)
        possible = (np.searchsorted(bounds, ps, side="right") - 1).astype(np.int16)
        for key, rank in overrides:
            ic, ip = run.memo[key]
            certain = np.where(ic & gc, np.maximum(certain, rank), certain)
            possible = np.where(ip & gp, np.maximum(possible, rank), possible)
        return certain, np.maximum(certain, possible).astype(np.int16)

    @staticmethod
    def _status(run: _Run, sig: StatusSignature) -> npt.NDArray[np.int8]:
        available, trigger, gates, flags = sig
        tc, tp = run.memo[trigger]
        if not available:
            return np.where(tp, UNAVAILABLE, NOT_SUGGESTED).astype(np.int8)
        gate_masks = [run.memo[g] for g in gates]
        gate_false = _any((~p for _, p in gate_masks), run.size)
        undecided = (tp & ~tc) | _any((p & ~c for c, p in gate_masks), run.size)
        weigh = _any((run.memo[f][1] for f in flags), run.size)
        status = np.full(run.size, RECOMMENDED, dtype=np.int8)
        status[weigh] = WEIGH  # later rungs of the ladder overwrite earlier ones
        status[undecided] = MISSING
        status[gate_false] = IMPOSSIBLE
        status[~tp] = NOT_SUGGESTED
        return status


def _any(masks: Iterable[Mask], size: int) -> Mask:
    out = np.zeros(size, dtype=np.bool_)
    for m in masks:
        out |= m
    return out


class Programs:
    """Programs per stretch of days of one rule set, built when a day first needs one.
    Stretches whose compiled models are equal share one program (a change day of one legal
    basis often changes nothing the rules decide on)."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.changes = change_days(rules)
        self.by_stretch: dict[int, int] = {}
        self.programs: list[Program] = []
        self._by_content: dict[int, list[int]] = {}
        self.intern: dict[Node, int] = {}
        self.evaluator = Evaluator(rules)

    def stretch(self, ordinal: int) -> int:
        return bisect.bisect_right(self.changes, ordinal)

    def index(self, ordinal: int) -> int:
        """The number of the program that evaluates rows assessed on this day."""
        key = self.stretch(ordinal)
        found = self.by_stretch.get(key)
        if found is not None:
            return found
        compiled = compiled_for(self.rules, dt.date.fromordinal(ordinal))
        content = (compiled.indicators, compiled.phenomena, compiled.interventions)
        digest = hash(tuple(tuple(part.items()) for part in content))
        for i in self._by_content.get(digest, []):
            other = self.programs[i].compiled
            if (other.indicators, other.phenomena, other.interventions) == content:
                found = i
                break
        if found is None:
            found = len(self.programs)
            self.programs.append(Program(compiled, self.intern))
            self._by_content.setdefault(digest, []).append(found)
        self.by_stretch[key] = found
        return found


def programs_for(rules: RuleSet) -> Programs:
    cached = rules.cache.get("vector_programs")
    if not isinstance(cached, Programs):
        cached = Programs(rules)
        rules.cache["vector_programs"] = cached
    return cached
