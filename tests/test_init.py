"""`riskmodel init`: templates per kind that load and assess as they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import riskmodel
from riskmodel.check.kinds import ALL_KINDS, fact_applies, kinds_of
from riskmodel.cli import main
from riskmodel.model.ruleset import RuleSet
from riskmodel.whatif.template import profile_template, template_sections

DAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return riskmodel.load_rules()


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_kind_gives_a_template_that_loads_and_assesses(rules: RuleSet, kind: str) -> None:
    text = profile_template(rules, kind, today=DAY)
    profile = riskmodel.load_profile(yaml.safe_load(text), rules)
    assert profile.kind == kind and profile.peildatum == DAY
    assert profile.facts and all(not e.known for e in profile.facts.values())
    # only facts that fit the kind, and every such fact
    assert all(fact_applies(rules.facts[f], kind) for f in profile.facts)
    assert set(profile.facts) == {f.id for f in rules.facts.values() if fact_applies(f, kind)}
    a = riskmodel.assess(profile, rules, find_out=True)
    assert a.receipt.profile_kind == kind
    # what is left to find out fits the kind too
    assert all(fact_applies(rules.facts[f.fact], kind) for f in a.find_out or [])


@pytest.mark.parametrize(("kind", "phenomenon"), [
    ("evenement", "omg"), ("pand", "omg"), ("groep", "jeugdgroepen"),
    ("pand", "hennep_drugs"), ("gemeente", "intimidatie_ambtsdragers")])
def test_a_phenomenon_template_starts_with_its_definition(
        rules: RuleSet, kind: str, phenomenon: str) -> None:
    text = profile_template(rules, kind, phenomenon, today=DAY)
    profile = riskmodel.load_profile(yaml.safe_load(text), rules)
    riskmodel.assess(profile, rules)
    ph = rules.phenomena[phenomenon]
    sections = template_sections(rules, kind, phenomenon)
    listed = [f for _, ids in sections for f in ids]
    assert listed == list(profile.facts) or sorted(listed) == sorted(profile.facts)
    if ph.definition is not None:
        header, first = sections[0]
        assert header.startswith("Definitie van")
        from riskmodel.model.conditions import FactTest, walk

        definition = {n.fact for n in walk(ph.definition.condition) if isinstance(n, FactTest)}
        assert set(first) == definition
    # facts of other phenomena stay out
    assert "jg_geweld" not in profile.facts or phenomenon == "jeugdgroepen"


def test_the_user_test_complaints(rules: RuleSet) -> None:
    """An event linked to a club must be asked the OMG definition first; an event is never
    asked about its building."""
    text = profile_template(rules, "evenement", today=DAY)
    body = text.split("feiten:\n", 1)[1]
    definition_facts = ["omg_motorcultuur_zichtbaar", "omg_groepssymbolen",
                        "omg_niet_vrij_toegankelijk", "omg_leden_normoverschrijdend"]
    first_fact_lines = [ln.strip().split(":")[0] for ln in body.splitlines()
                        if ln.startswith("  ") and not ln.strip().startswith("#")
                        and ln.strip()][:4]
    assert first_fact_lines == definition_facts
    for building in ("pand_soort", "kinderen_in_woning", "sluitingsduur_bepaald",
                     "clubhuis_strijdig_bestemming", "eigenaar_verwijtbaar"):
        assert f"  {building}:" not in body
    # an event with its club's definition known is assessed on the OMG scale
    profile = riskmodel.load_profile({
        "id": "run", "soort": "evenement", "gemeente": "Voorbeeldstad",
        "peildatum": "2024-06-01",
        "feiten": {f: True for f in definition_facts} | {"gelieerde_club": "onbekend"}}, rules)
    a = riskmodel.assess(profile, rules, find_out=True)
    omg = a.phenomenon("omg")
    assert omg is not None and omg.definition == "voldaan"
    asked = [f.fact for f in a.find_out or []]
    assert "pand_soort" not in asked and asked


def test_comments_carry_question_and_values(rules: RuleSet) -> None:
    text = profile_template(rules, "pand", "omg", lang="en", today=DAY)
    lines = text.splitlines()
    at = lines.index("  clubhuis_status: onbekend")
    assert lines[at - 2].startswith("  # ") and "?" in lines[at - 2]
    assert lines[at - 1] == "  # values: " + ", ".join(rules.facts["clubhuis_status"]
                                                       .value_ids())
    assert "Profile template for kind 'pand' and phenomenon 'omg'" in text


def test_wrong_kind_or_phenomenon_is_a_located_error(rules: RuleSet) -> None:
    with pytest.raises(riskmodel.UserInputError) as info:
        profile_template(rules, "evenemnt")
    assert info.value.diagnostics[0].suggestion == "evenement"
    with pytest.raises(riskmodel.UserInputError) as info:
        profile_template(rules, "pand", "omgg")
    assert info.value.diagnostics[0].suggestion == "omg"
    with pytest.raises(riskmodel.UserInputError) as info:
        profile_template(rules, "evenement", "jeugdgroepen")
    assert info.value.diagnostics[0].code == "kind-mismatch"
    assert "evenement" not in kinds_of(rules.phenomena["jeugdgroepen"].kinds)


def test_cli_writes_and_never_overwrites(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nieuw.yaml"
    assert main(["init", "--soort", "wijk", "--output", str(out)]) == 0
    assert "geschreven" in capsys.readouterr().out
    assert main(["assess", str(out)]) == 0
    capsys.readouterr()
    out.write_text("mijn eigen profiel\n", encoding="utf-8")
    assert main(["init", "--soort", "wijk", "--output", str(out)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mijn eigen profiel\n"
    assert main(["init", "--soort", "groep", "--fenomeen", "jeugdgroepen"]) == 0
    assert "jg_groep_komt_samen: onbekend" in capsys.readouterr().out
    assert main(["init", "--soort", "schip"]) == 2
    assert "bedoelde u" not in capsys.readouterr().out
