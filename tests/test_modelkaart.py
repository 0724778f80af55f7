"""`riskmodel modelkaart`: the Algorithm Register fields and the IAMA part, from the model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from model_copies import MINI, MINI_SCENARIOS, REPO

from riskmodel import load_rules
from riskmodel.model.ruleset import RuleSet
from riskmodel.modelkaart import FIELDS, build_card, render_markdown


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "riskmodel.cli", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd)


def test_bundled_model_card_in_markdown() -> None:
    r = cli("modelkaart")
    assert r.returncode == 0, r.stderr
    text = r.stdout
    for field in FIELDS:
        assert f"| {field.name} | {field.shown} |" in text, field.name
    assert "| Naam | verplicht | Risicoclassificatie OMG's en ondermijning | model.yaml |" in text
    # what a reconstruction cannot say is listed as missing, with the reason the model gives
    assert "Verplicht voor publicatie en niet ingevuld: organisatie, contactgegevens, " \
           "publicatiecategorie." in text
    assert "*ontbreekt: Er is nog geen organisatie" in text
    assert "Een risiconiveau is nooit een juridische grond" in text
    n_scenarios = len(list((REPO / "scenarios").glob("*.yaml")))
    assert f"Scenario's (scenarios): {n_scenarios} bestanden; {n_scenarios} geslaagd" in text
    assert ("Mutatiescore: niet gemeten" in text) != (REPO / "docs" / "mutation-score.json").exists()
    assert "kwetsbare_werknemers_aanwezig: migratieachtergrond (gerechtvaardigd" in text


def test_bundled_model_card_in_json(bundled_rules: RuleSet) -> None:
    r = cli("modelkaart", "--format", "json", "--scenarios", str(MINI_SCENARIOS), "--rules",
            str(REPO / "rules"))
    assert r.returncode == 0, r.stderr
    card = json.loads(r.stdout)
    assert card["model"]["id"] == "omg_ondermijning"
    assert card["missing_required"] == ["organisatie", "contactgegevens", "publicatiecategorie"]
    fields = {f["key"]: f for f in card["register"]}
    assert fields["gegevens"]["origin"] == "afgeleid"
    assert fields["status"] == {"key": "status", "name": "Status", "shown": "verplicht",
                                "value": "in_ontwikkeling", "origin": "model.yaml",
                                "missing_because": None}
    # every fact a rule reads, with its usual source; unused facts are not 'data used'
    facts = {f["id"]: f for f in card["facts"]}
    assert facts["omg_waarnemingen"]["usual_source"] == "politie"
    assert all(f["used_by"] for f in card["facts"])
    assert {b["verified"] for b in card["legal_bases"]} == {True, False}
    assert len(card["phenomena"]) == len(bundled_rules.phenomena)
    # the mini scenarios are for another model: they error, and the card says so honestly
    assert card["validation"]["scenarios"]["errors"] > 0


def test_a_model_without_the_block_lists_what_is_missing() -> None:
    card = build_card(load_rules(MINI), MINI_SCENARIOS)
    assert card["missing_required"] == ["korte_omschrijving", "organisatie", "status",
                                        "contactgegevens", "publicatiecategorie"]
    fields = {f["key"]: f for f in card["register"]}
    assert fields["naam"]["origin"] == "afgeleid" and fields["naam"]["value"] == \
        "Minimaal testmodel"
    assert fields["doel_en_impact"]["value"] is None
    assert card["validation"]["scenarios"]["failed"] == 0
    assert card["validation"]["mutation_score"] is None
    text = render_markdown(card, "en")
    assert "Required for publication and not filled in: korte_omschrijving, organisatie, " \
           "status, contactgegevens, publicatiecategorie." in text
    assert "**not filled in**" in text and "Mutation score: not measured" in text


def test_mutation_score_and_held_out_hooks(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "rules")
    (root / "docs").mkdir()
    (root / "docs" / "mutation-score.json").write_text('{"score": 0.93, "survivors": []}',
                                                      encoding="utf-8")
    shutil.copytree(MINI_SCENARIOS, root / "scenarios")
    held = root / "scenarios" / "achtergehouden"
    held.mkdir()
    first = sorted(MINI_SCENARIOS.glob("*.yaml"))[0]
    shutil.move(root / "scenarios" / first.name, held / first.name)
    out = root / "kaart.md"
    r = cli("--lang", "en", "modelkaart", "--rules", str(root / "rules"), "--output", str(out),
            cwd=root)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "Mutation score: 0.93" in text
    assert "Held-out scenarios: 1, 1 passed" in text
    assert "model card written to" in r.stdout


def test_output_to_a_missing_directory_is_a_user_error(tmp_path: Path) -> None:
    r = cli("modelkaart", "--rules", str(MINI), "--output", str(tmp_path / "nee" / "k.md"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
