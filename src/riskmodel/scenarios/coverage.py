"""Which parts of a model the scenarios exercise (in the spirit of `opa test --coverage`).

A rule that no scenario ever fires, an instrument no scenario suggests, or a legal gate no
scenario shows failing, is a rule nobody has seen work. This report lists them, so analysts
know which scenario to write next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    en = lang == "en"
    lines = [("Coverage over " if en else "Dekking over ") + f"{cov.scenarios} scenario's"]
    hit = cov.indicators_hit & cov.all_indicators
    both = hit & cov.indicators_not_hit
    lines.append(("- indicators hit at least once: " if en else
                  "- indicatoren minstens eens geraakt: ") + _pct(len(hit), len(cov.all_indicators)))
    lines.append(("- indicators seen both hit and not hit: " if en else
                  "- indicatoren zowel geraakt als niet geraakt: ")
                 + _pct(len(both), len(cov.all_indicators)))
    suggested = {i for i, st in cov.statuses.items()
                 if st - {"niet_beschikbaar"} or i in cov.never_available}
    lines.append(("- interventions suggested: " if en else "- interventies voorgesteld: ")
                 + _pct(len(suggested & cov.all_interventions), len(cov.all_interventions)))
    recommended = {i for i, st in cov.statuses.items() if st & {"aanbevolen", "te_overwegen"}}
    lines.append(("- interventions recommended or to consider: " if en else
                  "- interventies aanbevolen of te overwegen: ")
                 + _pct(len(recommended & cov.all_interventions), len(cov.all_interventions)))
    failing = {k for k, st in cov.gates.items() if "niet_voldaan" in st}
    lines.append(("- legal gates shown failing: " if en else
                  "- juridische poorten minstens eens niet voldaan: ")
                 + _pct(len(failing & cov.all_gates), len(cov.all_gates)))
    levels_total = sum(len(v) for v in cov.all_levels.values())
    levels_seen = sum(len(cov.levels_reached.get(p, set()) & set(v))
                      for p, v in cov.all_levels.items())
    lines.append(("- levels reached: " if en else "- niveaus bereikt: ")
                 + _pct(levels_seen, levels_total))

    def listing(title_nl: str, title_en: str, items: list[str]) -> None:
        if items:
            lines.append(f"{title_en if en else title_nl} ({len(items)}): " + ", ".join(items))

    listing("Nooit geraakte indicatoren", "Indicators never hit",
            sorted(cov.all_indicators - hit))
    listing("Nooit voorgestelde interventies", "Interventions never suggested",
            sorted(cov.all_interventions - suggested))
    listing("Poorten die nooit blokkeerden", "Gates never shown failing",
            [f"{i}.{g}" for i, g in sorted(cov.all_gates - failing)])
    listing("Nooit bereikte niveaus", "Levels never reached",
            [f"{p}:{lv}" for p, levels in sorted(cov.all_levels.items()) for lv in levels
             if lv not in cov.levels_reached.get(p, set())])
    return "\n".join(lines) + "\n"
