"""Which parts of a model the scenarios exercise (in the spirit of `opa test --coverage`).

A rule that no scenario ever fires, an instrument no scenario suggests, or a legal gate no
scenario shows failing, is a rule nobody has seen work. This report lists them, so analysts
know which scenario to write next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from riskmodel.errors import require_lang
from riskmodel.messages import t
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.runner import ScenarioReport


@dataclass
class Coverage:
    scenarios: int = 0
    indicators_hit: set[str] = field(default_factory=set)
    indicators_not_hit: set[str] = field(default_factory=set)
    levels_reached: dict[str, set[str]] = field(default_factory=dict)
    statuses: dict[str, set[str]] = field(default_factory=dict)
    gates: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    all_indicators: set[str] = field(default_factory=set)
    all_levels: dict[str, list[str]] = field(default_factory=dict)
    all_interventions: set[str] = field(default_factory=set)
    all_gates: set[tuple[str, str]] = field(default_factory=set)
    #: instruments with no legal basis on any date (e.g. held non-binding): showing them as
    #: niet_beschikbaar is all a scenario can do, and their gates can never be evaluated
    never_available: set[str] = field(default_factory=set)


def compute_coverage(report: ScenarioReport, rules: RuleSet) -> Coverage:
    never = {iv.id for iv in rules.interventions.values()
             if all(b.never_valid for b in iv.legal_basis)}
    cov = Coverage(
        all_indicators=set(rules.indicators),
        all_levels={p.id: [lv.id for lv in p.levels] for p in rules.phenomena.values()},
        all_interventions=set(rules.interventions),
        all_gates={(iv.id, g.id) for iv in rules.interventions.values() for g in iv.legal_gates
                   if iv.id not in never},
        never_available=never,
    )
    seen: set[str] = set()
    for row in report.results:
        a = row.assessment
        if a is None:
            continue
        seen.add(row.scenario)
        for ind in a.indicators:
            if ind.status == "geraakt":
                cov.indicators_hit.add(ind.id)
            elif ind.status == "niet_geraakt":
                cov.indicators_not_hit.add(ind.id)
        for ph in a.phenomena:
            cov.levels_reached.setdefault(ph.id, set()).add(ph.level.id)
        for iv in a.interventions:
            cov.statuses.setdefault(iv.id, set()).add(iv.status)
            for g in iv.legal_gates:
                cov.gates.setdefault((iv.id, g.id), set()).add(g.status)
    cov.scenarios = len(seen)
    return cov


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part // whole if whole else 100}%)"


def format_coverage(cov: Coverage, lang: str = "nl") -> str:
    require_lang(lang)
    lines = [t("cov.title", lang, n=cov.scenarios)]

    def stat(key: str, part: int, whole: int) -> None:
        lines.append(f"- {t(key, lang)}: {_pct(part, whole)}")

    hit = cov.indicators_hit & cov.all_indicators
    both = hit & cov.indicators_not_hit
    stat("cov.indicators_hit", len(hit), len(cov.all_indicators))
    stat("cov.indicators_both", len(both), len(cov.all_indicators))
    suggested = {i for i, st in cov.statuses.items()
                 if st - {"niet_beschikbaar"} or i in cov.never_available}
    stat("cov.suggested", len(suggested & cov.all_interventions), len(cov.all_interventions))
    recommended = {i for i, st in cov.statuses.items() if st & {"aanbevolen", "te_overwegen"}}
    stat("cov.recommended", len(recommended & cov.all_interventions), len(cov.all_interventions))
    failing = {k for k, st in cov.gates.items() if "niet_voldaan" in st}
    stat("cov.gates_failing", len(failing & cov.all_gates), len(cov.all_gates))
    levels_total = sum(len(v) for v in cov.all_levels.values())
    levels_seen = sum(len(cov.levels_reached.get(p, set()) & set(v))
                      for p, v in cov.all_levels.items())
    stat("cov.levels", levels_seen, levels_total)

    def listing(key: str, items: list[str]) -> None:
        if items:
            lines.append(f"{t(key, lang)} ({len(items)}): " + ", ".join(items))

    listing("cov.never_hit", sorted(cov.all_indicators - hit))
    listing("cov.never_suggested", sorted(cov.all_interventions - suggested))
    listing("cov.never_failing", [f"{i}.{g}" for i, g in sorted(cov.all_gates - failing)])
    listing("cov.never_reached",
            [f"{p}:{lv}" for p, levels in sorted(cov.all_levels.items()) for lv in levels
             if lv not in cov.levels_reached.get(p, set())])
    return "\n".join(lines) + "\n"
