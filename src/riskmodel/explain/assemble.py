"""Build the Assessment: statuses from the evaluator, reasons from re-reading the IR.

durable-rules cannot say which condition held, so evidence and missing facts come from
re-evaluating the IR on the same encoded facts (the reference logic), while every status
comes from the evaluator that ran.

Everything that does not depend on the profile (per indicator, gate and flag: the facts it
reads, its citation keys; legal bases in force, levels, citations) is worked out once per
compiled model (`plan_for`), and the open facts of every condition come from one generated
function (`evaluate.generated.undecided_for`), so an assessment is a few hundred cheap steps.
`Assembler.tri` / `undecided_facts` keep the recursive reference walk the generated function
is tested against (tests/test_assemble_fast.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from collections.abc import Callable
from typing import Any, NamedTuple, cast

import orjson
from pydantic import BaseModel

from riskmodel._version import __version__
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
    facts_in,
)
from riskmodel.evaluate.base import Evaluation, Evaluator
from riskmodel.evaluate.generated import undecided_for
from riskmodel.evaluate.kleene import Tri, evaluate
from riskmodel.explain.construct import json_node, json_of, out
from riskmodel.explain.status import intervention_status
from riskmodel.explain.texts import citation_key, model_texts
from riskmodel.load.rules import gc_paused
from riskmodel.model.assessment import (
    SCHEMA_VERSION,
    AppliedOverride,
    Assessment,
    Citation,
    Evidence,
    FindOut,
    FlagResult,
    GateResult,
    GateStatus,
    IndicatorResult,
    IndicatorStatus,
    InterventionResult,
    InterventionStatus,
    LegalBasisOut,
    LevelOut,
    PhenomenonResult,
    Receipt,
    ScoreRange,
    mark_sorted_fields,
)
from riskmodel.model.common import Label, Source
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Intervention
from riskmodel.model.ruleset import RuleSet

_IND_NAMES: tuple[IndicatorStatus, IndicatorStatus, IndicatorStatus] = (
    "geraakt", "niet_geraakt", "onbepaald")
_GATE_NAMES: tuple[GateStatus, GateStatus, GateStatus] = ("voldaan", "niet_voldaan", "onbepaald")


def _status(value: Tri, names: tuple[str, str, str]) -> Any:
    """The JSON word for a truth value; by identity, since Tri is hashed in Python."""
    return names[0] if value is Tri.TRUE else (names[1] if value is Tri.FALSE else names[2])


def profile_sha256(profile: Profile) -> str:
    """Hash of the canonical profile, so the same situation hashes the same in any format."""
    data = profile.model_dump(mode="json", by_alias=True)
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()


_T, _F = Tri.TRUE, Tri.FALSE


# ---- what does not depend on the profile: once per compiled model ----------------------

class _Check(NamedTuple):
    """A gate or flag of an intervention."""

    id: str
    key: ConditionKey
    slot: int  # its index in the generated undecided function's result
    facts: tuple[str, ...]
    citations: tuple[str, ...]


class _IndicatorPlan(NamedTuple):
    id: str
    phenomenon: str
    points: int
    key: ConditionKey
    slot: int
    facts: tuple[str, ...]
    sources: tuple[str, ...]


class _PhenomenonPlan(NamedTuple):
    id: str
    slot: int  # of its open facts (definition and every indicator)
    has_definition: bool
    gate_facts: tuple[str, ...]
    gate_key: ConditionKey
    points: tuple[tuple[ConditionKey, int], ...]  # per indicator: its key, its points
    overrides: tuple[tuple[ConditionKey, str, str], ...]  # indicator key, id, level id
    levels: dict[int, LevelOut]  # by rank; frozen and scalar, so shared by assessments
    levels_json: dict[int, dict[str, Any]]  # the same as JSON objects (build_json)
    reconstruction: bool


class _InterventionPlan(NamedTuple):
    id: str
    ladder: int
    available: bool
    trigger_key: ConditionKey
    trigger_slot: int
    gates: tuple[_Check, ...]
    gate_citations: frozenset[str]  # of every gate: all are listed with the intervention
    flags: tuple[_Check, ...]
    authority: tuple[str, ...]
    bases: tuple[LegalBasisOut, ...]  # shared: frozen, scalar fields
    bases_with_notes: tuple[LegalBasisOut, ...]
    bases_json: tuple[dict[str, Any], ...]  # `bases` as JSON objects (build_json)
    unavailable: str


class Plan(NamedTuple):
    indicators: tuple[_IndicatorPlan, ...]
    phenomena: tuple[_PhenomenonPlan, ...]
    interventions: tuple[_InterventionPlan, ...]  # by ladder, then id
    indicator_citations: frozenset[str]
    citations: dict[str, Citation]  # key -> the source in full
    verified: dict[str, Citation]  # key -> only whether it was checked
    verified_json: dict[str, dict[str, Any]]  # the same as JSON objects (build_json)
    receipt: dict[str, Any]  # the fields that do not depend on the profile or engine


def plan_for(rules: RuleSet, compiled: CompiledModel, day: dt.date) -> Plan:
    """The profile-independent part of every assessment with this compiled model."""
    key = ("explain_plan", day)
    cached = compiled.cache.get(key)  # type: ignore[call-overload]
    if cached is None:
        with gc_paused():  # long-lived objects only (see load.rules.gc_paused)
            cached = compiled.cache[key] = _plan(rules, compiled, day)  # type: ignore[index]
    assert isinstance(cached, Plan)
    return cached


def _plan(rules: RuleSet, compiled: CompiledModel, day: dt.date) -> Plan:
    keys, phenomenon_ids, _fn = undecided_for(compiled)
    slot = {k: i for i, k in enumerate(keys)}
    citations: dict[str, Citation] = {}

    def cite(sources: list[Source]) -> tuple[str, ...]:
        found = []
        for src in sources:
            k = citation_key(src)
            citations.setdefault(k, out(Citation, {  # fields in sorted order: construct.py
                "ecli": src.ecli, "remark": src.remark, "title": src.title, "url": src.url,
                "verified": src.verified}))
            found.append(k)
        return tuple(found)

    indicators = tuple(
        _IndicatorPlan(id=i, phenomenon=ci.phenomenon, points=ci.points, key=("ind", i),
                       slot=slot[("ind", i)], facts=tuple(sorted(facts_in(ci.condition))),
                       sources=cite(rules.indicators[i].sources))
        for i, ci in sorted(compiled.indicators.items()))
    phenomena = []
    for n, ph_id in enumerate(phenomenon_ids):
        ph, meta = compiled.phenomena[ph_id], rules.phenomena[ph_id]
        level_ids = {lv.rank: lv.id for lv in ph.levels}
        levels = {r: out(LevelOut, {"id": lv.id, "rank": r}) for r, lv in enumerate(meta.levels)}
        phenomena.append(_PhenomenonPlan(
            id=ph_id, slot=len(keys) + n, has_definition=meta.definition is not None,
            gate_facts=tuple(sorted(facts_in(ph.gate))),
            gate_key=("gate", ph_id),
            points=tuple((("ind", i), compiled.indicators[i].points) for i in ph.indicators),
            overrides=tuple((("ind", ov.indicator), ov.indicator, level_ids[ov.rank])
                            for ov in ph.overrides),
            levels=levels,
            levels_json={r: json_of(lv) for r, lv in levels.items()},
            reconstruction=meta.reconstruction is not None))
    interventions = []
    for ci in sorted(compiled.interventions.values(), key=lambda i: (i.ladder, i.id)):
        iv = rules.interventions[ci.id]
        gate_meta = {g.id: g for g in iv.legal_gates}
        flag_meta = {f.id: f for f in iv.flags}
        gates: tuple[_Check, ...] = ()
        flags: tuple[_Check, ...] = ()
        if ci.available:
            gates = tuple(_Check(g.id, ("igate", ci.id, g.id), slot[("igate", ci.id, g.id)],
                                 tuple(sorted(facts_in(g.condition))),
                                 cite(gate_meta[g.id].sources)) for g in ci.gates)
            flags = tuple(_Check(f.id, ("flag", ci.id, f.id), slot[("flag", ci.id, f.id)],
                                 tuple(sorted(facts_in(f.condition))),
                                 cite(flag_meta[f.id].sources)) for f in ci.flags)
        bases = _legal_bases(iv, day, False)
        interventions.append(_InterventionPlan(
            id=ci.id, ladder=ci.ladder, available=ci.available, trigger_key=("trig", ci.id),
            trigger_slot=slot[("trig", ci.id)], gates=gates,
            gate_citations=frozenset(k for g in gates for k in g.citations), flags=flags,
            authority=tuple(iv.authority), bases=bases,
            bases_with_notes=_legal_bases(iv, day, True),
            bases_json=tuple(json_of(b) for b in bases),
            unavailable="reden" if iv.unavailable_reason else "geen_grondslag"))
    verified = {k: out(Citation, {"ecli": None, "remark": None, "title": None, "url": None,
                                  "verified": c.verified})
                for k, c in citations.items()}
    return Plan(
        indicators=indicators, phenomena=tuple(phenomena), interventions=tuple(interventions),
        indicator_citations=frozenset(k for i in indicators for k in i.sources),
        citations=citations,
        verified=verified, verified_json={k: json_of(c) for k, c in verified.items()},
        receipt={"model": rules.manifest.model, "model_version": rules.manifest.version,
                 "rules_sha256": rules.sha256,
                 "rule_files": dict(sorted(rules.file_hashes.items())),
                 "riskmodel_version": __version__})


def _legal_bases(meta: Intervention, day: dt.date, notes: bool) -> tuple[LegalBasisOut, ...]:
    bases = [b for b in meta.legal_basis if b.valid_on(day)] or list(meta.legal_basis)
    return tuple(out(LegalBasisOut, {
        "bwb_id": b.bwb_id, "citation": b.cite(), "ecli": b.ecli, "in_force_from": b.valid_from,
        "in_force_to": b.valid_to, "juriconnect": b.juriconnect, "kind": b.kind,
        "note": b.remark if notes else None, "url": b.url, "verified": b.verified})
        for b in bases)


# ---- one assessment ---------------------------------------------------------------------

class Assembler:
    def __init__(self, rules: RuleSet, compiled: CompiledModel, profile: Profile,
                 ev: Evaluation, evaluator: Evaluator, peildatum: dt.date, *,
                 profile_sha: str | None = None) -> None:
        self.rules = rules
        self.compiled = compiled
        self.profile = profile
        self.ev = ev
        self.evaluator = evaluator
        self.day = peildatum
        self.profile_sha = profile_sha
        self.plan = plan_for(rules, compiled, peildatum)
        _keys, _phenomena, undecided = undecided_for(compiled)
        # open facts per condition and phenomenon, read by slot (see Plan)
        # (Tri is an Enum, hashed in Python: compare by identity instead of looking it up)
        self.open: tuple[frozenset[str], ...] = undecided(
            ev.env, {k: 2 if v is _T else (0 if v is _F else 1)
                     for k, v in ev.derived.indicators.items()}, ev.derived.levels)
        #: how output nodes are made: objects (`build`) or JSON objects (`build_json`)
        self.make: Callable[[type[BaseModel], dict[str, Any]], Any] = out
        self.as_json = False
        self.known: dict[str, Evidence] = {}
        self.cited: set[str] = set(self.plan.indicator_citations)
        #: ladders and ids of the interventions listed so far that are recommended or to
        #: consider, in ladder order
        self.advised_ladders: list[int] = []
        self.advised_ids: list[str] = []
        self.with_texts = False
        # reference walk (tri / undecided_facts): by id(), nodes belong to the compiled model
        self._tri: dict[int, Tri] = {}
        self._undecided: dict[int, frozenset[str]] = {}
        self._phenomenon_missing: dict[str, set[str]] = {}

    # ---- the reference walk: what the generated function must agree with ----------
    def tri(self, node: Node) -> Tri:
        """Kleene value of a node, each distinct node computed once per assessment."""
        known = self._tri.get(id(node))  # id: hashing a frozen node tree is deep and slow
        if known is not None:
            return known
        if isinstance(node, Not):
            inner = self.tri(node.child)
            value = {Tri.TRUE: Tri.FALSE, Tri.FALSE: Tri.TRUE}.get(inner, Tri.UNKNOWN)
        elif isinstance(node, And | Or):
            values = [self.tri(c) for c in node.children]
            stop, keep = (Tri.FALSE, Tri.TRUE) if isinstance(node, And) else (Tri.TRUE, Tri.FALSE)
            value = stop if stop in values else (Tri.UNKNOWN if Tri.UNKNOWN in values else keep)
        else:  # a leaf: constant, fact test, indicator or level reference
            value = evaluate(node, self.ev.env, self.ev.derived)
        self._tri[id(node)] = value
        return value

    def undecided_facts(self, node: Node) -> set[str]:
        """Unknown facts in the undecided part of a condition: what to find out next."""
        known = self._undecided.get(id(node))
        if known is not None:
            return set(known)
        found: set[str] = set()
        if self.tri(node) is Tri.UNKNOWN:
            if isinstance(node, Atom):
                found = {node.fact}
            elif isinstance(node, Not):
                found = self.undecided_facts(node.child)
            elif isinstance(node, And | Or):
                for c in node.children:
                    found |= self.undecided_facts(c)
            elif isinstance(node, IndRef):
                ind = self.compiled.indicators[node.indicator]
                gate = self.compiled.phenomena[ind.phenomenon].gate
                found = self.undecided_facts(ind.condition) | self.undecided_facts(gate)
            elif isinstance(node, LevelRef):
                found = self.phenomenon_missing(node.phenomenon)
        self._undecided[id(node)] = frozenset(found)
        return found

    def phenomenon_missing(self, ph_id: str) -> set[str]:
        cached = self._phenomenon_missing.get(ph_id)
        if cached is None:
            ph = self.compiled.phenomena[ph_id]
            cached = self.undecided_facts(ph.gate)
            for ind_id in ph.indicators:
                cached |= self.undecided_facts(self.compiled.indicators[ind_id].condition)
            self._phenomenon_missing[ph_id] = cached
        return set(cached)

    # ---- pieces --------------------------------------------------------------------
    def evidence(self, facts: tuple[str, ...]) -> list[Evidence]:
        """Known facts a condition reads, in fact order (facts precomputed, sorted)."""
        known = self.known
        return [known[f] for f in facts if f in known] if facts else []

    def missing(self, slot: int) -> list[str]:
        found = self.open[slot]
        return sorted(found) if found else []

    # ---- sections ------------------------------------------------------------------
    def indicators(self) -> list[IndicatorResult]:
        phase1, known, opened, make = self.ev.phase1, self.known, self.open, self.make
        results = []
        for ip in self.plan.indicators:  # evidence() and missing() inlined: 100+ a time
            st = phase1[ip.key]
            found = opened[ip.slot]
            results.append(make(IndicatorResult, {
                "evidence": [known[f] for f in ip.facts if f in known] if ip.facts else [],
                "id": ip.id, "missing_facts": sorted(found) if found else [],
                "phenomenon": ip.phenomenon, "points": ip.points, "sources": list(ip.sources),
                "status": "geraakt" if st is _T else ("niet_geraakt" if st is _F else "onbepaald"),
            }))
        return results

    def phenomena(self) -> list[PhenomenonResult]:
        results = []
        phase1, levels, make, as_json = (self.ev.phase1, self.ev.derived.levels, self.make,
                                         self.as_json)
        for pp in self.plan.phenomena:
            gate = phase1[pp.gate_key]
            certain, possible = levels[pp.id]
            # score_range and override_hits of evaluate.scoring, with the keys precomputed
            cs = ps = 0
            overrides = []
            if gate is not _F:
                for key, points in pp.points:
                    st = phase1[key]
                    if st is _T:
                        cs += points
                        ps += points
                    elif st is not _F:
                        ps += points
                if gate is not _T:
                    cs = 0
                for key, indicator, level in pp.overrides:
                    st = phase1[key]
                    if st is not _F:
                        overrides.append(make(AppliedOverride, {
                            "certain": st is _T and gate is _T, "indicator": indicator,
                            "level": level}))
            open_facts = possible > certain or (gate is not _T and gate is not _F)
            lv = pp.levels_json if as_json else pp.levels
            results.append(make(PhenomenonResult, {
                "definition": _status(gate, _GATE_NAMES) if pp.has_definition else None,
                "definition_evidence": self.evidence(pp.gate_facts),
                "id": pp.id, "level": lv[certain],
                "missing_facts": self.missing(pp.slot) if open_facts else [],
                "overrides": overrides, "possible_level": lv[possible],
                "reconstruction": pp.reconstruction,
                "score": make(ScoreRange, {"certain": cs, "possible": ps})}))
        return results

    def interventions(self) -> list[InterventionResult]:
        listed: list[InterventionResult] = []
        self.advised_ladders, self.advised_ids = [], []
        phase2 = self.ev.phase2
        for ip in self.plan.interventions:
            trigger = phase2[ip.trigger_key]
            if trigger is _F:  # not listed (intervention_status gives None)
                continue
            gate_truth = [phase2[g.key] for g in ip.gates]
            flag_truth = [phase2[f.key] for f in ip.flags]
            status = intervention_status(available=ip.available, trigger=trigger,
                                         gates=gate_truth, flags=flag_truth)
            if status is None:
                continue
            listed.append(self.intervention(ip, trigger, status, gate_truth, flag_truth))
        return listed

    def intervention(self, ip: _InterventionPlan, trigger: Tri, status: InterventionStatus,
                     gate_truth: list[Tri], flag_truth: list[Tri]) -> InterventionResult:
        known, opened, make = self.known, self.open, self.make
        self.cited.update(ip.gate_citations)
        # gates and flags built inline (a helper call per check measurably slowed the
        # 202-scenario p50, about 60 checks an assessment)
        gates = []
        for g, st in zip(ip.gates, gate_truth, strict=True):
            found = opened[g.slot]
            gates.append(make(GateResult, {
                "citations": list(g.citations),
                "evidence": [known[f] for f in g.facts if f in known] if g.facts else [],
                "id": g.id, "missing_facts": sorted(found) if found else [],
                "status": "voldaan" if st is _T else ("niet_voldaan" if st is _F else "onbepaald"),
            }))
        flags = []
        for f, st in zip(ip.flags, flag_truth, strict=True):
            if st is not _F:
                self.cited.update(f.citations)
                found = opened[f.slot]
                flags.append(make(FlagResult, {
                    "citations": list(f.citations),
                    "evidence": [known[x] for x in f.facts if x in known] if f.facts else [],
                    "id": f.id, "missing_facts": sorted(found) if found else [],
                    "status": "aanwezig" if st is _T else "onbepaald"}))
        missing: list[str] = []
        if status == "onvoldoende_gegevens":
            found = opened[ip.trigger_slot].union(*(opened[g.slot] for g in ip.gates))
            missing = sorted(found)
        # the instruments advised so far come in ladder order: the lower rungs are a prefix
        ladders = self.advised_ladders
        lower = self.advised_ids[:bisect_left(ladders, ip.ladder)] if ladders else []
        if status == "aanbevolen" or status == "te_overwegen":
            ladders.append(ip.ladder)
            self.advised_ids.append(ip.id)
        # (with build_json a JSON object of the same shape: the types name the object path)
        return cast(InterventionResult, make(InterventionResult, {
            "authority": list(ip.authority), "flags": flags, "id": ip.id,
            "ladder": ip.ladder,
            "legal_basis": list(ip.bases_json if self.as_json else
                                ip.bases_with_notes if self.with_texts else ip.bases),
            "legal_gates": gates, "lower_rungs": lower, "missing_facts": missing,
            "status": status, "trigger": "ja" if trigger is _T else "mogelijk",
            "unavailable": ip.unavailable if status == "niet_beschikbaar" else None}))

    def build(self, with_texts: bool = False, rank_unknowns: bool = False) -> Assessment:
        """`rank_unknowns` adds `find_out`: on request only, since ranking re-evaluates
        every unknown fact's values (several times the cost of the rest of the assessment,
        and in a fresh process it compiles a plan per fact)."""
        self.with_texts = with_texts
        self.start(out)
        indicators = self.indicators()
        phenomena = self.phenomena()
        interventions = self.interventions()
        receipt = self.receipt()
        texts = self.texts(indicators, phenomena, interventions) if with_texts else None
        # Every field given, in sorted order, and so in every object below (construct.py):
        # `to_json` may then serialise straight to canonical JSON. Labels in `texts` come
        # from the model in declaration order (nl, en), so not with texts.
        a = out(Assessment, {
            "citations": self.citation_table(with_texts),
            "find_out": self.find_out() if rank_unknowns else None,
            "indicators": indicators, "interventions": interventions, "phenomena": phenomena,
            "receipt": receipt, "schema_version": SCHEMA_VERSION, "texts": texts})
        return mark_sorted_fields(a) if texts is None else a

    def build_json(self, rank_unknowns: bool = False) -> str:
        """What `build(rank_unknowns=...).to_json()` gives, byte for byte, without building
        the objects: the same sections made as plain JSON objects (`json_node`) and written
        by orjson, in about two thirds of the time. Not with texts (`build` then)."""
        self.with_texts = False
        self.start(json_node)
        doc: dict[str, Any] = {
            "indicators": self.indicators(), "phenomena": self.phenomena(),
            "interventions": self.interventions(), "receipt": self.receipt(),
            "schema_version": SCHEMA_VERSION}
        verified = self.plan.verified_json
        doc["citations"] = {k: verified[k] for k in sorted(self.cited)}
        if rank_unknowns:
            doc["find_out"] = [dict(f.__dict__) for f in self.find_out()]
        return orjson.dumps(doc, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE).decode()

    def find_out(self) -> list[FindOut]:
        from riskmodel.explain.unknowns import find_out  # on request only: start-up time

        return find_out(self.rules, self.compiled, self.profile, self.ev)

    def start(self, make: Callable[[type[BaseModel], dict[str, Any]], Any]) -> None:
        """Output nodes made by `make` from here on, starting with the known facts."""
        self.make, self.as_json = make, make is json_node
        self.known = {
            fid: make(Evidence, {"fact": fid, "observed": e.observed, "source": e.source,
                                 "source_detail": e.source_detail, "value": e.value})
            for fid, e in self.profile.facts.items() if e.known}

    def receipt(self) -> Receipt:
        profile, fixed = self.profile, self.plan.receipt
        return cast(Receipt, self.make(Receipt, {
            "engine": self.evaluator.name, "engine_version": self.evaluator.version(),
            "model": fixed["model"], "model_version": fixed["model_version"],
            "municipality": profile.municipality, "peildatum": self.day,
            "profile_id": profile.id, "profile_kind": profile.kind,
            "profile_sha256": self.profile_sha or profile_sha256(profile),
            "riskmodel_version": fixed["riskmodel_version"],
            "rule_files": dict(fixed["rule_files"]), "rules_sha256": fixed["rules_sha256"]}))

    def citation_table(self, with_texts: bool) -> dict[str, Citation]:
        """Every cited source once; without texts only whether it was checked (the source
        itself is in the model, under the same key: explain.texts.model_sources)."""
        table = self.plan.citations if with_texts else self.plan.verified
        return {k: table[k] for k in sorted(self.cited)}

    @staticmethod
    def used_facts(indicators: list[IndicatorResult], phenomena: list[PhenomenonResult],
                   interventions: list[InterventionResult]) -> set[str]:
        """Every fact the assessment names, as evidence or as missing."""
        used: set[str] = set()
        for r in indicators:
            used.update(e.fact for e in r.evidence)
            used.update(r.missing_facts)
        for p in phenomena:
            used.update(e.fact for e in p.definition_evidence)
            used.update(p.missing_facts)
        for iv in interventions:
            used.update(iv.missing_facts)
            for g in iv.legal_gates:
                used.update(e.fact for e in g.evidence)
                used.update(g.missing_facts)
            for f in iv.flags:
                used.update(e.fact for e in f.evidence)
                used.update(f.missing_facts)
        return used

    def texts(self, indicators: list[IndicatorResult], phenomena: list[PhenomenonResult],
              interventions: list[InterventionResult]) -> dict[str, Label]:
        """The texts this assessment refers to, each once."""
        table = model_texts(self.rules)
        used_facts = self.used_facts(indicators, phenomena, interventions)
        keys = {f"feit:{f}" for f in used_facts} | {f"vraag:{f}" for f in used_facts}
        for fid in used_facts:
            entry = self.profile.facts.get(fid)
            if entry is not None and entry.known:
                values = entry.value if isinstance(entry.value, list) else [entry.value]
                keys |= {f"waarde:{fid}:{v}" for v in values if isinstance(v, str)}
        keys |= {f"indicator:{i.id}" for i in indicators}
        for ph in phenomena:
            keys |= {f"fenomeen:{ph.id}", f"definitie:{ph.id}", f"reconstructie:{ph.id}",
                     f"niveau:{ph.id}:{ph.level.id}", f"niveau:{ph.id}:{ph.possible_level.id}"}
            keys |= {f"ophoging:{ph.id}:{o.indicator}" for o in ph.overrides}
        for iv in interventions:
            keys |= {f"interventie:{iv.id}", f"subsidiariteit:{iv.id}",
                     f"niet_beschikbaar:{iv.id}"}
            keys |= {f"poort:{iv.id}:{g.id}" for g in iv.legal_gates}
            keys |= {f"poort_reden:{iv.id}:{g.id}" for g in iv.legal_gates}
            keys |= {f"afweging:{iv.id}:{f.id}" for f in iv.flags}
        return {k: table[k] for k in sorted(keys) if k in table}
