"""Static analysis: conditions that can never hold, gates that can never fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from model_copies import MINI, mutated_model

from riskmodel import load_rules
from riskmodel.check import check_model
from riskmodel.check.analysis import analyse

DAY = dt.date(2024, 3, 1)


def test_the_mini_model_has_no_findings() -> None:
    result = analyse(load_rules(MINI), DAY)
    assert result.diagnostics == []
    assert result.questions > 0 and result.skipped == 0


def test_indicator_that_can_never_be_hit(tmp_path: Path) -> None:
    model = mutated_model(tmp_path, "omg.yaml", "als: {feit: clubhuis_status, in: [gepland, in_gebruik]}",
                     "als: {alle: [{feit: clubhuis_status, is: gepland}, "
                     "{feit: clubhuis_status, is: geen}]}")
    diags = analyse(load_rules(model), DAY).diagnostics
    assert [(d.code, d.severity, d.loc[0]) for d in diags] == [
        ("analysis", "warning", "indicatoren")]
    assert "[omg_clubhuis]" in diags[0].message


def test_gate_the_trigger_already_demands(tmp_path: Path) -> None:
    # trigger demands more than 0.5 g, so the gate "more than 0.5 g or (2019+) drugs found"
    # can never fail: its legal reason would never be shown
    model = mutated_model(tmp_path, "interventies.yaml", "voorstellen_als: {indicator: omg_drugs}",
                     "voorstellen_als: {feit: drugs_gram, groter_dan: 0.5}")
    report = check_model(load_rules(model), today=DAY)
    found = [d for d in report.diagnostics if d.code == "analysis"]
    assert len(found) == 1
    assert "[sluiting_13b]" in found[0].message and "drugs_voor_handel" in found[0].message
    assert report.ok  # a warning, not an error
    assert report.stats["analysevragen"] > 0
