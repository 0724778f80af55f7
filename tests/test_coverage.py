"""Scenario coverage: what the scenarios exercise, and what they never do."""

from __future__ import annotations

from model_copies import MINI, MINI_SCENARIOS

from riskmodel import load_rules
from riskmodel.scenarios.coverage import compute_coverage, format_coverage
from riskmodel.scenarios.runner import run_scenarios


def test_coverage_of_the_mini_scenarios() -> None:
    rules = load_rules(MINI)
    report = run_scenarios(MINI_SCENARIOS, rules, engines=("python",))
    cov = compute_coverage(report, rules)
    assert cov.scenarios == len({r.scenario for r in report.results if r.assessment})
    assert cov.indicators_hit <= set(rules.indicators)
    text = format_coverage(cov)
    assert text.startswith(f"Dekking over {cov.scenarios} scenario's")
    never = sorted(set(rules.indicators) - cov.indicators_hit)
    if never:
        assert "Nooit geraakte indicatoren" in text and never[0] in text
    else:
        assert "Nooit geraakte indicatoren" not in text


def test_an_empty_run_covers_nothing() -> None:
    rules = load_rules(MINI)
    cov = compute_coverage(run_scenarios([], rules, engines=("python",)), rules)
    text = format_coverage(cov, "en")
    assert "indicators hit at least once: 0/5 (0%)" in text
    assert "Interventions never suggested (3)" in text
