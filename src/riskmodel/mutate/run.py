"""Run the scenarios against every mutant and report the mutation score.

A mutant is *killed* when at least one scenario fails (or errors) on it, and *survives* when
every scenario still passes: then no scenario pins down that part of the rules. Scenarios run
with the reference (Kleene) engine on the compiled IR; the IR of every item the mutant did not
touch is reused from a cache, so a mutant costs one item's compilation, not the whole model's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from riskmodel.api import get_evaluator
from riskmodel.compile.compiler import Compiler
from riskmodel.compile.ir import CompiledModel, Node
from riskmodel.evaluate.base import Evaluation
from riskmodel.evaluate.kleene import Tri
from riskmodel.explain.assemble import Assembler
from riskmodel.explain.status import intervention_status
from riskmodel.messages import t
from riskmodel.model.conditions import ConditionNode
from riskmodel.model.ruleset import RuleSet
from riskmodel.mutate.operators import Mutant, mutants
from riskmodel.scenarios.model import LoadedScenario
from riskmodel.scenarios.runner import check_expectations

Verdict = Literal["gedood", "overleefd", "ongeldig"]

_GATE = {Tri.TRUE: "voldaan", Tri.FALSE: "niet_voldaan", Tri.UNKNOWN: "onbepaald"}
_IND = {Tri.TRUE: "geraakt", Tri.FALSE: "niet_geraakt", Tri.UNKNOWN: "onbepaald"}


@dataclass
class _Level:
    id: str


@dataclass
class _Phenomenon:
    id: str
    level: _Level
    possible_level: _Level
    definition: str | None


@dataclass
class _Status:
    status: str


class _Outcomes:
    """What scenario expectations read (levels, definitions, indicator and intervention
    statuses), straight from the engine's decisions with the assessment's own status ladder,
    without the explanation. Missing facts are not here: a scenario that expects them is
    judged on the full assessment. Tests hold this to the assessment on every scenario."""

    def __init__(self, rules: RuleSet, compiled: CompiledModel, ev: Evaluation) -> None:
        self.phenomena = []
        for ph_id in compiled.phenomena:
            levels = rules.phenomena[ph_id].levels
            certain, possible = ev.derived.levels[ph_id]
            has_definition = rules.phenomena[ph_id].definition is not None
            self.phenomena.append(_Phenomenon(
                ph_id, _Level(levels[certain].id), _Level(levels[possible].id),
                _GATE[ev.phase1[("gate", ph_id)]] if has_definition else None))
        self._indicators = {i: _Status(_IND[ev.phase1[("ind", i)]])
                            for i in compiled.indicators}
        self._interventions: dict[str, _Status] = {}
        for ci in compiled.interventions.values():
            status = intervention_status(
                available=ci.available, trigger=ev.phase2[("trig", ci.id)],
                gates=[ev.phase2[("igate", ci.id, g.id)] for g in ci.gates]
                if ci.available else [],
                flags=[ev.phase2[("flag", ci.id, f.id)] for f in ci.flags]
                if ci.available else [])
            if status is not None:
                self._interventions[ci.id] = _Status(status)

    def indicator(self, ind_id: str) -> _Status | None:
        return self._indicators.get(ind_id)

    def intervention(self, iv_id: str) -> _Status | None:
        return self._interventions.get(iv_id)


class _CachingCompiler(Compiler):
    """Compiles conditions once per (condition object, day, indicator validity): a mutant
    shares every untouched pydantic object with the original model, so only its own item is
    compiled again. The cache pins the objects it keys on, so ids are never reused."""

    def __init__(self, rules: RuleSet, day: dt.date, cache: dict[Any, Any]) -> None:
        super().__init__(rules, day)
        self._cache = cache
        self._sig = frozenset(self.valid_indicators)
        self._top = True

    def node(self, cond: ConditionNode) -> Node:
        if not self._top:
            return super().node(cond)
        key = (id(cond), self.day, self._sig)
        hit = self._cache.get(key)
        if hit is not None and hit[0] is cond:
            node: Node = hit[1]
            return node
        self._top = False
        try:
            node = super().node(cond)
        finally:
            self._top = True
        self._cache[key] = (cond, node)
        return node


@dataclass
class MutantResult:
    mutant: str
    kind: str
    description: str
    where: str
    verdict: Verdict
    killed_by: str | None = None
    hints: list[str] = field(default_factory=list)


@dataclass
class MutationReport:
    results: list[MutantResult] = field(default_factory=list)
    total_mutants: int = 0
    scenarios: int = 0
    seconds: float = 0.0
    sampled: bool = False
    selected: bool = False
    rules_sha256: str = ""
    model_version: str = ""

    @property
    def killed(self) -> int:
        return sum(r.verdict == "gedood" for r in self.results)

    @property
    def survived(self) -> list[MutantResult]:
        return [r for r in self.results if r.verdict == "overleefd"]

    @property
    def invalid(self) -> int:
        return sum(r.verdict == "ongeldig" for r in self.results)

    @property
    def score(self) -> float:
        counted = self.killed + len(self.survived)
        return self.killed / counted if counted else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "rules_sha256": self.rules_sha256,
            "model_version": self.model_version,
            "killed": self.killed,
            "survived": len(self.survived),
            "invalid": self.invalid,
            "run": len(self.results),
            "total_mutants": self.total_mutants,
            "sampled": self.sampled,
            "selected": self.selected,
            "scenarios": self.scenarios,
            "seconds": round(self.seconds, 1),
            "survivors": [dataclasses.asdict(r) for r in self.survived],
        }


class _Judge:
    """Runs the scenarios on mutants; one per process."""

    def __init__(self, rules: RuleSet, scenarios: Sequence[LoadedScenario], *,
                 light: bool = True) -> None:
        self.rules = rules
        self.light = light
        self.scenarios = list(scenarios)
        self.cache: dict[Any, Any] = {}
        self.evaluator = get_evaluator("python")
        # scenarios that killed a mutant are tried first for the next one (most mutants of
        # one item die on the same scenario), so a killed mutant rarely costs a full run
        self.order = list(range(len(self.scenarios)))
        # what the original model decides per scenario: a mutant that decides the same
        # conditions the same way, with the same instruments in force, gives the same
        # statuses and levels, so the assessment need not be built (missing facts excepted)
        self.baseline: dict[int, tuple[Any, ...]] = {}
        for i, sc in enumerate(self.scenarios):
            self.baseline[i] = self.decided(rules, sc)

    def decided(self, rules: RuleSet, sc: LoadedScenario) -> tuple[Any, ...]:
        compiled = self.compiled(rules, sc.profile.peildatum)
        ev = self.evaluator.evaluate(rules, compiled, sc.profile)
        available = {k: iv.available for k, iv in compiled.interventions.items()}
        return ev.phase1, ev.phase2, ev.derived, available

    def compiled(self, rules: RuleSet, day: dt.date) -> CompiledModel:
        model = rules.compiled.get(day)
        if model is None:
            model = _CachingCompiler(rules, day, self.cache).compile()
            rules.compiled[day] = model
        assert isinstance(model, CompiledModel)
        return model

    def fails(self, rules: RuleSet, sc: LoadedScenario, index: int | None = None) -> bool:
        profile = sc.profile
        try:
            compiled = self.compiled(rules, profile.peildatum)
            evaluation = self.evaluator.evaluate(rules, compiled, profile)
            if self.light and not sc.expected.missing_facts:
                if index is not None:
                    available = {k: iv.available for k, iv in compiled.interventions.items()}
                    same = (evaluation.phase1, evaluation.phase2, evaluation.derived,
                            available)
                    if same == self.baseline[index]:
                        return False
                outcomes = _Outcomes(rules, compiled, evaluation)
                return bool(check_expectations(sc.expected, outcomes))  # type: ignore[arg-type]
            assessment = Assembler(rules, compiled, profile, evaluation, self.evaluator,
                                   profile.peildatum).build(rank_unknowns=False)
        except Exception:  # a mutant that crashes the assessment is noticed, i.e. killed
            return True
        return bool(check_expectations(sc.expected, assessment))

    def assessment(self, rules: RuleSet, sc: LoadedScenario) -> Any:
        compiled = self.compiled(rules, sc.profile.peildatum)
        evaluation = self.evaluator.evaluate(rules, compiled, sc.profile)
        return Assembler(rules, compiled, sc.profile, evaluation, self.evaluator,
                         sc.profile.peildatum).build(rank_unknowns=False)

    def hints(self, mutant: Mutant, limit: int = 3) -> list[str]:
        """Where a surviving mutant shows: scenarios whose assessment changes in a field they
        do not assert (`verwacht.<veld>.<id>: was -> wordt`). Empty: no scenario reaches the
        change, a new scenario is needed. A hint is a question for the author, not an answer:
        only add the expectation when the original value is what the rules should say."""
        changed = mutant.apply(self.rules)
        out: list[str] = []
        if changed is None:
            return out
        for i, sc in enumerate(self.scenarios):
            if not sc.expected.missing_facts:
                compiled = self.compiled(changed, sc.profile.peildatum)
                ev = self.evaluator.evaluate(changed, compiled, sc.profile)
                available = {k: iv.available for k, iv in compiled.interventions.items()}
                if (ev.phase1, ev.phase2, ev.derived, available) == self.baseline[i]:
                    continue
            diffs = _observable_diff(self.assessment(self.rules, sc),
                                     self.assessment(changed, sc))
            if diffs:
                out.append(f"{sc.id}: " + "; ".join(diffs[:4]))
                if len(out) >= limit:
                    break
        return out

    def judge(self, mutant: Mutant) -> MutantResult:
        result = MutantResult(mutant.id, mutant.kind, mutant.description, mutant.where,
                              "ongeldig")
        changed = mutant.apply(self.rules)
        if changed is None:
            return result
        for pos, i in enumerate(self.order):
            if self.fails(changed, self.scenarios[i], i):
                self.order.insert(0, self.order.pop(pos))
                result.verdict = "gedood"
                result.killed_by = self.scenarios[i].id
                return result
        result.verdict = "overleefd"
        return result


def _observable_diff(before: Any, after: Any) -> list[str]:
    """Differences a scenario expectation could pin, in scenario-file vocabulary."""
    out: list[str] = []
    b_ph = {p.id: p for p in before.phenomena}
    a_ph = {p.id: p for p in after.phenomena}
    for ph_id, b in b_ph.items():
        a = a_ph.get(ph_id)
        if a is None:
            continue
        if a.level.id != b.level.id:
            out.append(f"niveaus.{ph_id}: {b.level.id} -> {a.level.id}")
        if a.possible_level.id != b.possible_level.id:
            out.append(f"mogelijke_niveaus.{ph_id}: {b.possible_level.id} -> "
                       f"{a.possible_level.id}")
        if (a.definition or "voldaan") != (b.definition or "voldaan"):
            out.append(f"poorten.{ph_id}: {b.definition or 'voldaan'} -> "
                       f"{a.definition or 'voldaan'}")
    a_ind = {i.id: i.status for i in after.indicators}
    for ind in before.indicators:
        if ind.id in a_ind and a_ind[ind.id] != ind.status:
            out.append(f"indicatoren.{ind.id}: {ind.status} -> {a_ind[ind.id]}")
    a_iv = {i.id: i for i in after.interventions}
    b_iv = {i.id: i for i in before.interventions}
    for iv_id in sorted(set(a_iv) | set(b_iv)):
        was = b_iv[iv_id].status if iv_id in b_iv else "niet_voorgesteld"
        now = a_iv[iv_id].status if iv_id in a_iv else "niet_voorgesteld"
        if was != now:
            out.append(f"interventies.{iv_id}: {was} -> {now}")
        elif iv_id in a_iv and a_iv[iv_id].missing_facts != b_iv[iv_id].missing_facts:
            out.append(f"ontbrekende_feiten.{iv_id}: {sorted(b_iv[iv_id].missing_facts)} -> "
                       f"{sorted(a_iv[iv_id].missing_facts)}")
    return out


_JUDGE: _Judge | None = None


def _init(rules: RuleSet, scenarios: Sequence[LoadedScenario]) -> None:
    global _JUDGE
    _JUDGE = _Judge(rules, scenarios)


def _judge_many(ids: list[str], hints: bool = False) -> list[MutantResult]:
    assert _JUDGE is not None
    by_id = {m.id: m for m in mutants(_JUDGE.rules)}
    return [_with_hints(_JUDGE, by_id[i], hints) for i in ids]


def _with_hints(judge: _Judge, mutant: Mutant, hints: bool) -> MutantResult:
    result = judge.judge(mutant)
    if hints and result.verdict == "overleefd":
        result.hints = judge.hints(mutant)
    return result


def run_mutation(
    rules: RuleSet,
    scenarios: Sequence[LoadedScenario],
    *,
    sample: int | None = None,
    seed: int = 0,
    only: Sequence[str] = (),
    jobs: int | None = None,
    hints: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MutationReport:
    """Judge every mutant (or those matching `only`, or a seeded random sample of `sample`)
    against `scenarios`.

    First the original model must pass every scenario: a mutation score means nothing when
    the scenarios already fail, so that raises ValueError naming them.
    """
    start = time.perf_counter()
    baseline = _Judge(rules, scenarios)
    failing = [sc.id for sc in scenarios if baseline.fails(rules, sc)]
    if failing:
        raise ValueError(", ".join(sorted(failing)))
    every = mutants(rules)
    if only:
        # a mutant is chosen when its id or description contains one of the words
        every = [m for m in every if any(w in m.id or w in m.description for w in only)]
    chosen = every
    if sample is not None and sample < len(every):
        chosen = sorted(random.Random(seed).sample(every, sample), key=every.index)
    report = MutationReport(total_mutants=len(every), scenarios=len(scenarios),
                            sampled=chosen is not every, selected=bool(only),
                            rules_sha256=rules.sha256,
                            model_version=rules.manifest.version)
    jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    ids = [m.id for m in chosen]
    if jobs == 1 or len(ids) < 8:
        for n, m in enumerate(chosen, 1):
            report.results.append(_with_hints(baseline, m, hints))
            if progress:
                progress(n, len(ids))
    else:
        # contiguous chunks: mutants of one item stay together and share the kill order
        size = max(1, min(25, len(ids) // (jobs * 4) or 1))
        chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
        ctx = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init,
                                 initargs=(rules, scenarios)) as pool:
            done = 0
            for part in pool.map(_judge_many, chunks, [hints] * len(chunks)):
                report.results.extend(part)
                done += len(part)
                if progress:
                    progress(done, len(ids))
    report.seconds = time.perf_counter() - start
    return report


def load_score(path: Path) -> dict[str, Any] | None:
    """The score file the CLI writes (`--score-file`), for the model card."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def format_report(report: MutationReport, lang: str = "nl", *, seed: int = 0,
                  limit: int = 50) -> str:
    """The score line and the survivors, each with file:line and what was changed."""
    counted = report.killed + len(report.survived)
    lines = [t("mut.score", lang, score=f"{report.score:.1%}", killed=report.killed,
               counted=counted, invalid=report.invalid, scenarios=report.scenarios,
               seconds=f"{report.seconds:.0f}")]
    if report.sampled:
        lines.append(t("mut.sampled", lang, run=len(report.results),
                       total=report.total_mutants, seed=seed))
    elif report.selected:
        lines.append(t("mut.selected", lang, run=len(report.results)))
    survivors = report.survived
    if not survivors:
        lines.append(t("mut.none_survived", lang))
    else:
        lines.append(t("mut.survivors", lang))
        for r in survivors[:limit]:
            lines.append(f"  {r.where}  {r.description}")
            lines += [f"      ~ {h}" for h in r.hints]
        if len(survivors) > limit:
            lines.append("  " + t("mut.more", lang, n=len(survivors) - limit))
    return "\n".join(lines) + "\n"
