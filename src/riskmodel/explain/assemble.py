"""Build the Assessment: statuses from the evaluator, reasons from re-reading the IR.

durable-rules cannot say which condition held, so evidence and missing facts come from
re-evaluating the IR on the same encoded facts (the reference logic), while every status
comes from the evaluator that ran.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import orjson

from riskmodel._version import __version__
from riskmodel.compile.ir import (
    And,
    Atom,
    CompiledModel,
    IndRef,
    LevelRef,
    Node,
    Not,
    Or,
    facts_in,
)
from riskmodel.evaluate.base import Evaluation, Evaluator
from riskmodel.evaluate.kleene import Tri, evaluate
from riskmodel.evaluate.scoring import override_hits, score_range
from riskmodel.explain.status import intervention_status
from riskmodel.explain.texts import citation_key, model_texts
from riskmodel.explain.unknowns import find_out
from riskmodel.model.assessment import (
    AppliedOverride,
    Assessment,
    Citation,
    Evidence,
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
)
from riskmodel.model.common import Label, Source
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Intervention, InterventionGate, Phenomenon, ProportionalityFlag
from riskmodel.model.ruleset import RuleSet

_IND_STATUS: dict[Tri, IndicatorStatus] = {
    Tri.TRUE: "geraakt", Tri.FALSE: "niet_geraakt", Tri.UNKNOWN: "onbepaald"
}
_GATE_STATUS: dict[Tri, GateStatus] = {
    Tri.TRUE: "voldaan", Tri.FALSE: "niet_voldaan", Tri.UNKNOWN: "onbepaald"
}


def profile_sha256(profile: Profile) -> str:
    """Hash of the canonical profile, so the same situation hashes the same in any format."""
    data = profile.model_dump(mode="json", by_alias=True)
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()


# Results are built with model_construct: every value comes from validated rules, a validated
# profile and the evaluator, so validating them again would only cost time (about a third of
# the assembly). The JSON round trip and schema tests keep the shapes honest.


class Assembler:
    def __init__(self, rules: RuleSet, compiled: CompiledModel, profile: Profile,
                 ev: Evaluation, evaluator: Evaluator, peildatum: dt.date) -> None:
        self.rules = rules
        self.compiled = compiled
        self.profile = profile
        self.ev = ev
        self.evaluator = evaluator
        self.day = peildatum
        # The same phenomenon is asked for by many intervention triggers: compute its open
        # facts once per assessment.
        self._phenomenon_missing: dict[str, set[str]] = {}
        # by id(): nodes belong to the compiled model, which outlives this assembly
        self._tri: dict[int, Tri] = {}
        self._undecided: dict[int, frozenset[str]] = {}
        self.citations: dict[str, Citation] = {}
        self.used_facts: set[str] = set()
        self.with_texts = False
        # citation keys per source object, computed once per rule set
        keys = rules.cache.setdefault("citation_keys", {})
        assert isinstance(keys, dict)
        self._keys: dict[int, str] = keys

    # ---- missing facts -------------------------------------------------------------
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
        out: set[str] = set()
        if self.tri(node) is Tri.UNKNOWN:
            if isinstance(node, Atom):
                out = {node.fact}
            elif isinstance(node, Not):
                out = self.undecided_facts(node.child)
            elif isinstance(node, And | Or):
                for c in node.children:
                    out |= self.undecided_facts(c)
            elif isinstance(node, IndRef):
                ind = self.compiled.indicators[node.indicator]
                gate = self.compiled.phenomena[ind.phenomenon].gate
                out = self.undecided_facts(ind.condition) | self.undecided_facts(gate)
            elif isinstance(node, LevelRef):
                out = self.phenomenon_missing(node.phenomenon)
        self._undecided[id(node)] = frozenset(out)
        return out

    def phenomenon_missing(self, ph_id: str) -> set[str]:
        cached = self._phenomenon_missing.get(ph_id)
        if cached is None:
            ph = self.compiled.phenomena[ph_id]
            cached = self.undecided_facts(ph.gate)
            for ind_id in ph.indicators:
                cached |= self.undecided_facts(self.compiled.indicators[ind_id].condition)
            self._phenomenon_missing[ph_id] = cached
        return set(cached)

    def missing(self, facts: set[str]) -> list[str]:
        self.used_facts |= facts
        return sorted(facts)

    def evidence(self, node: Node) -> list[Evidence]:
        out = []
        for fid in sorted(facts_in(node)):
            entry = self.profile.facts.get(fid)
            if entry is None or not entry.known:
                continue
            self.used_facts.add(fid)
            out.append(Evidence.model_construct(fact=fid, value=entry.value, source=entry.source,
                                source_detail=entry.source_detail, observed=entry.observed))
        return out

    def cite(self, sources: list[Source]) -> list[str]:
        """Keys of these sources in the assessment's citation table (each source once)."""
        keys = []
        for src in sources:
            key = self._keys.get(id(src))
            if key is None:
                key = self._keys[id(src)] = citation_key(src)
            if key not in self.citations:
                self.citations[key] = Citation.model_construct(title=src.title, ecli=src.ecli, url=src.url,
                                               verified=src.verified, remark=src.remark)
            keys.append(key)
        return keys

    # ---- sections ------------------------------------------------------------------
    def indicators(self) -> list[IndicatorResult]:
        out = []
        for ind_id in sorted(self.compiled.indicators):
            ci = self.compiled.indicators[ind_id]
            status = self.ev.phase1[("ind", ind_id)]
            meta = self.rules.indicators[ind_id]
            out.append(IndicatorResult.model_construct(
                id=ind_id, phenomenon=ci.phenomenon,
                status=_IND_STATUS[status], points=ci.points,
                evidence=self.evidence(ci.condition),
                missing_facts=self.missing(self.undecided_facts(ci.condition)),
                sources=self.cite(meta.sources),
            ))
        return out

    def level(self, meta: Phenomenon, rank: int) -> LevelOut:
        return LevelOut.model_construct(id=meta.levels[rank].id, rank=rank)

    def phenomena(self) -> list[PhenomenonResult]:
        out = []
        for ph_id in sorted(self.compiled.phenomena):
            ph = self.compiled.phenomena[ph_id]
            meta = self.rules.phenomena[ph_id]
            gate = self.ev.phase1[("gate", ph_id)]
            certain, possible = self.ev.derived.levels[ph_id]
            cs, ps = score_range(ph, self.compiled, self.ev.phase1)
            levels = {lv.rank: lv.id for lv in ph.levels}
            overrides = [AppliedOverride.model_construct(indicator=h.indicator, level=levels[h.rank],
                                         certain=h.certain)
                         for h in override_hits(ph, self.ev.phase1)]
            missing = self.phenomenon_missing(ph_id) if possible > certain or \
                gate is Tri.UNKNOWN else set()
            out.append(PhenomenonResult.model_construct(
                id=ph_id,
                definition=_GATE_STATUS[gate] if meta.definition else None,
                definition_evidence=self.evidence(ph.gate),
                score=ScoreRange.model_construct(certain=cs, possible=ps),
                level=self.level(meta, certain), possible_level=self.level(meta, possible),
                overrides=overrides, missing_facts=self.missing(missing),
                reconstruction=meta.reconstruction is not None,
            ))
        return out

    def interventions(self) -> list[InterventionResult]:
        listed: list[InterventionResult] = []
        order = sorted(self.compiled.interventions.values(), key=lambda i: (i.ladder, i.id))
        for ci in order:
            trigger = self.ev.phase2[("trig", ci.id)]
            gate_truth = [self.ev.phase2[("igate", ci.id, g.id)] for g in ci.gates] \
                if ci.available else []
            flag_truth = [self.ev.phase2[("flag", ci.id, f.id)] for f in ci.flags] \
                if ci.available else []
            status = intervention_status(available=ci.available, trigger=trigger,
                                         gates=gate_truth, flags=flag_truth)
            if status is None:
                continue
            listed.append(self.intervention(ci.id, trigger, status, gate_truth, flag_truth,
                                            listed))
        return listed

    def intervention(self, iv_id: str, trigger: Tri, status: InterventionStatus,
                     gate_truth: list[Tri], flag_truth: list[Tri],
                     listed: list[InterventionResult]) -> InterventionResult:
        ci = self.compiled.interventions[iv_id]
        meta = self.rules.interventions[iv_id]
        missing: set[str] = self.undecided_facts(ci.trigger)
        gates: list[GateResult] = []
        flags: list[FlagResult] = []
        if ci.available:
            gate_meta = {g.id: g for g in meta.legal_gates}
            for cg, st in zip(ci.gates, gate_truth, strict=True):
                gm = self.undecided_facts(cg.condition)
                missing |= gm
                gates.append(self.gate(gate_meta[cg.id], st, cg.condition, gm))
            flag_meta = {f.id: f for f in meta.flags}
            for cf, st in zip(ci.flags, flag_truth, strict=True):
                if st is not Tri.FALSE:
                    flags.append(self.flag(flag_meta[cf.id], st, cf.condition,
                                           self.undecided_facts(cf.condition)))
        lower = [r.id for r in listed
                 if r.ladder < ci.ladder and r.status in ("aanbevolen", "te_overwegen")]
        return InterventionResult.model_construct(
            id=ci.id, status=status,
            trigger="ja" if trigger is Tri.TRUE else "mogelijk", ladder=ci.ladder,
            authority=list(meta.authority), legal_basis=self.legal_basis(meta),
            legal_gates=gates, flags=flags,
            missing_facts=self.missing(missing) if status == "onvoldoende_gegevens" else [],
            unavailable=("reden" if meta.unavailable_reason else "geen_grondslag")
            if status == "niet_beschikbaar" else None,
            lower_rungs=lower,
        )

    def gate(self, g: InterventionGate, st: Tri, condition: Node,
             missing: set[str]) -> GateResult:
        return GateResult.model_construct(id=g.id, status=_GATE_STATUS[st], citations=self.cite(g.sources),
                          evidence=self.evidence(condition),
                          missing_facts=self.missing(missing))

    def flag(self, f: ProportionalityFlag, st: Tri, condition: Node,
             missing: set[str]) -> FlagResult:
        return FlagResult.model_construct(id=f.id, status="aanwezig" if st is Tri.TRUE else "onbepaald",
                          citations=self.cite(f.sources), evidence=self.evidence(condition),
                          missing_facts=self.missing(missing))

    def legal_basis(self, meta: Intervention) -> list[LegalBasisOut]:
        bases = [b for b in meta.legal_basis if b.valid_on(self.day)] or list(meta.legal_basis)
        return [LegalBasisOut.model_construct(
            citation=b.cite(), kind=b.kind, in_force_from=b.valid_from, in_force_to=b.valid_to,
            url=b.url, bwb_id=b.bwb_id, juriconnect=b.juriconnect, ecli=b.ecli,
            verified=b.verified, note=b.remark if self.with_texts else None) for b in bases]

    def build(self, with_texts: bool = False) -> Assessment:
        self.with_texts = with_texts
        indicators = self.indicators()
        phenomena = self.phenomena()
        interventions = self.interventions()
        receipt = Receipt(
            model=self.rules.manifest.model, model_version=self.rules.manifest.version,
            rules_sha256=self.rules.sha256, rule_files=dict(sorted(self.rules.file_hashes.items())),
            engine=self.evaluator.name, engine_version=self.evaluator.version(),
            riskmodel_version=__version__, peildatum=self.day, profile_id=self.profile.id,
            profile_kind=self.profile.kind, municipality=self.profile.municipality,
            profile_sha256=profile_sha256(self.profile),
        )
        return Assessment(receipt=receipt, indicators=indicators, phenomena=phenomena,
                          interventions=interventions,
                          citations=self.citation_table(with_texts),
                          find_out=find_out(self.rules, self.compiled, self.profile, self.ev),
                          texts=self.texts(indicators, phenomena, interventions)
                          if with_texts else None)

    def citation_table(self, with_texts: bool) -> dict[str, Citation]:
        """Every cited source once; without texts only whether it was checked (the source
        itself is in the model, under the same key: explain.texts.model_sources)."""
        if with_texts:
            return dict(sorted(self.citations.items()))
        return {k: Citation.model_construct(verified=c.verified) for k, c in sorted(self.citations.items())}

    def texts(self, indicators: list[IndicatorResult], phenomena: list[PhenomenonResult],
              interventions: list[InterventionResult]) -> dict[str, Label]:
        """The texts this assessment refers to, each once."""
        table = model_texts(self.rules)
        keys = {f"feit:{f}" for f in self.used_facts} | {f"vraag:{f}" for f in self.used_facts}
        for fid in self.used_facts:
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
