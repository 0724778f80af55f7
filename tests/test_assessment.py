"""Assessment semantics: statuses, gates, evidence, levels, missing facts and the text."""

from __future__ import annotations

from typing import Any

import pytest

from riskmodel import assess
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.text import render_text

ENGINES = ["durable", "python"]


def profile(peildatum: str = "2024-03-01", **facts: Any) -> dict[str, Any]:
    return {"id": "t", "soort": "pand", "gemeente": "Teststad", "peildatum": peildatum,
            "feiten": facts}


OMG = {"motorclub_aanwezig": True, "afgeschermd": True}


@pytest.mark.parametrize("engine", ENGINES)
def test_indicator_trigger_respects_the_gate(rules: RuleSet, engine: str) -> None:
    # drugs found, but the OMG definition fails: no OMG instrument for a regular club
    a = assess(profile(motorclub_aanwezig=True, afgeschermd=False, aangetroffen=["drugs"],
                       drugs_gram=2.0), rules, engine=engine)
    assert a.phenomenon("omg").definition == "niet_voldaan"
    assert a.indicator("omg_drugs").status == "geraakt"  # the signal itself is recorded
    assert a.intervention("sluiting_13b") is None
    # with the definition undecided, the instrument is possible and the gate facts are asked
    b = assess(profile(motorclub_aanwezig=True, aangetroffen=["drugs"], drugs_gram=2.0),
               rules, engine=engine)
    iv = b.intervention("sluiting_13b")
    assert iv is not None and iv.status == "onvoldoende_gegevens"
    assert "afgeschermd" in iv.missing_facts


@pytest.mark.parametrize("engine", ENGINES)
def test_status_ladder(rules: RuleSet, engine: str) -> None:
    base = {**OMG, "aangetroffen": ["drugs"]}
    a = assess(profile(**base, drugs_gram=2.0, kinderen_in_woning=False), rules, engine=engine)
    assert a.intervention("sluiting_13b").status == "aanbevolen"  # type: ignore[union-attr]
    b = assess(profile(**base, drugs_gram=2.0, kinderen_in_woning=True), rules, engine=engine)
    iv = b.intervention("sluiting_13b")
    assert iv is not None and iv.status == "te_overwegen"
    assert [f.id for f in iv.flags] == ["kinderen"] and iv.flags[0].status == "aanwezig"
    # before 2019 the preparatory-acts branch does not exist: a trade quantity is needed
    c = assess(profile("2018-06-01", **OMG, aangetroffen=["drugs"], drugs_gram=0.2,
                       kinderen_in_woning=False), rules, engine=engine, texts=True)
    iv = c.intervention("sluiting_13b")
    assert iv is not None and iv.status == "juridisch_niet_mogelijk"
    [gate] = iv.legal_gates
    assert gate.status == "niet_voldaan" and gate.citations
    assert c.texts is not None
    assert c.texts[f"poort_reden:sluiting_13b:{gate.id}"].nl == "Geen handelshoeveelheid"
    d = assess(profile("2019-06-01", **OMG, aangetroffen=["drugs"], drugs_gram=0.2,
                       kinderen_in_woning=False), rules, engine=engine)
    assert d.intervention("sluiting_13b").status == "aanbevolen"  # type: ignore[union-attr]


@pytest.mark.parametrize("engine", ENGINES)
def test_unavailable_instrument_explains_why(rules: RuleSet, engine: str) -> None:
    before = assess(profile("2021-12-23", **OMG, clubhuis_status="in_gebruik"), rules,
                    engine=engine)
    after = assess(profile("2021-12-24", **OMG, clubhuis_status="in_gebruik"), rules,
                   engine=engine, texts=True)
    assert before.intervention("kleurenverbod_apv").status == "aanbevolen"  # type: ignore[union-attr]
    iv = after.intervention("kleurenverbod_apv")
    assert iv is not None and iv.status == "niet_beschikbaar"
    assert iv.unavailable == "reden" and after.texts is not None
    assert "2021" in after.texts["niet_beschikbaar:kleurenverbod_apv"].nl
    assert "2021" in render_text(after, "nl", rules)


@pytest.mark.parametrize("engine", ENGINES)
def test_levels_scores_and_overrides(rules: RuleSet, engine: str) -> None:
    a = assess(profile(**OMG, clubhuis_status="in_gebruik"), rules, engine=engine)
    ph = a.phenomenon("omg")
    # clubhuis 10 + omg_nieuw 5 certain; geweld 15, drugs 20 still possible
    assert (ph.score.certain, ph.score.possible) == (15, 50)
    assert (ph.level.id, ph.possible_level.id) == ("T1", "T3")
    assert set(ph.missing_facts) >= {"aantal_incidenten", "aangetroffen"}
    # a banned club lifts the level to T3 with 0 points, and says why
    b = assess(profile(**OMG, clubhuis_status="geen", gelieerde_club="club_a_voortzetting"),
               rules, engine=engine)
    ph = b.phenomenon("omg")
    assert ph.level.id == "T3"
    assert [(o.indicator, o.certain) for o in ph.overrides] == [("omg_verboden_club", True)]
    # the ban only exists from 2019-05-29
    c = assess(profile("2019-05-28", **OMG, clubhuis_status="geen",
                       gelieerde_club="club_a_voortzetting"), rules, engine=engine)
    assert c.phenomenon("omg").level.id == "T0"


@pytest.mark.parametrize("engine", ENGINES)
def test_gate_evidence_names_fact_value_and_source(rules: RuleSet, engine: str) -> None:
    a = assess(profile(**OMG, aangetroffen=["drugs"], kinderen_in_woning=False,
                       drugs_gram={"waarde": 2.5, "bron": "politie", "datum": "2024-02-01"}),
               rules, engine=engine)
    iv = a.intervention("sluiting_13b")
    assert iv is not None
    [gate] = iv.legal_gates
    ev = {e.fact: e for e in gate.evidence}
    assert ev["drugs_gram"].value == 2.5 and ev["drugs_gram"].source == "politie"
    text = render_text(a, "nl", rules)
    assert "poort voldaan" in text and "[politie, 2024-02-01]" in text
    node = next(n for n in a.trace if (n.kind, n.id) == ("interventie", "sluiting_13b"))
    gate_node = next(c for c in node.children if (c.kind, c.id) == ("poort", "drugs_voor_handel"))
    assert any((c.kind, c.id, c.result) == ("feit", "drugs_gram", "bekend")
               for c in gate_node.children)


def test_text_keeps_quiet_phenomena_and_possible_instruments_short(rules: RuleSet) -> None:
    a = assess(profile(motorclub_aanwezig=True), rules)
    text = render_text(a, "nl", rules)
    assert "Geen signalen vastgesteld: Outlaw motorcycle gang" in text
    assert "Mogelijk aan de orde als meer bekend is: Stopgesprek" in text
    en = render_text(a, "en", rules)
    assert "No signals established" in en and "Possibly relevant" in en


def test_interventions_are_ordered_least_intrusive_first(rules: RuleSet) -> None:
    a = assess(profile("2021-06-01", **OMG, clubhuis_status="in_gebruik", aangetroffen=["drugs"],
                       drugs_gram=3.0, kinderen_in_woning=False), rules, texts=True)
    ladder = [iv.ladder for iv in a.interventions]
    assert ladder == sorted(ladder)
    closure = a.intervention("sluiting_13b")
    assert closure is not None and closure.lower_rungs == ["stopgesprek", "kleurenverbod_apv"]
    assert "subsidiariteit:sluiting_13b" in (a.texts or {})
