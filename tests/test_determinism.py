"""Same input, same bytes: an assessment can be stored, hashed and checked later."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from riskmodel import __version__, assess, load_rules
from riskmodel.model.ruleset import RuleSet

MINI = Path(__file__).resolve().parent / "models" / "mini"
TOP_LEVEL = {"schema_version", "receipt", "indicators", "phenomena", "interventions",
             "citations"}
RECEIPT = {"model", "model_version", "rules_sha256", "rule_files", "engine", "engine_version",
           "riskmodel_version", "peildatum", "profile_id", "profile_kind", "municipality",
           "profile_sha256"}


def profile_data() -> dict[str, Any]:
    return {
        "id": "almere-pand-7", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
        "feiten": {
            "motorclub_aanwezig": {"waarde": True, "bron": "politie", "datum": "2023-05-01"},
            "afgeschermd": True, "clubhuis_status": "in_gebruik", "aantal_incidenten": 2,
            "drugs_gram": 3.5, "aangetroffen": ["wapens", "drugs"],
            "gelieerde_club": "club_a_alias", "laatste_incident": "onbekend",
        },
    }


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(MINI)


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_same_input_gives_identical_bytes(rules: RuleSet, engine: str) -> None:
    first = assess(profile_data(), rules, engine=engine).to_json()  # type: ignore[arg-type]
    again = assess(profile_data(), load_rules(MINI), engine=engine).to_json()  # type: ignore[arg-type]
    assert first == again
    assert first.endswith("\n")
    assert first.encode("utf-8") == again.encode("utf-8")


def test_key_order_of_the_input_does_not_matter(rules: RuleSet) -> None:
    data = profile_data()
    reordered = dict(reversed(list(data.items())))
    reordered["feiten"] = dict(reversed(list(data["feiten"].items())))
    reordered["feiten"]["aangetroffen"] = ["drugs", "wapens"]
    a = assess(data, rules, engine="python").to_json()
    b = assess(reordered, rules, engine="python").to_json()
    assert a == b


def test_top_level_keys(rules: RuleSet) -> None:
    data = json.loads(assess(profile_data(), rules, engine="python").to_json())
    assert set(data) == TOP_LEVEL
    asked = json.loads(assess(profile_data(), rules, engine="python", find_out=True).to_json())
    assert set(asked) == TOP_LEVEL | {"find_out"}


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_receipt(rules: RuleSet, engine: str) -> None:
    result = assess(profile_data(), rules, engine=engine)  # type: ignore[arg-type]
    receipt = json.loads(result.to_json())["receipt"]
    assert set(receipt) == RECEIPT
    assert receipt["model"] == "mini"
    assert receipt["model_version"] == "1.0.0"
    assert receipt["engine"] == engine
    assert receipt["engine_version"]
    assert receipt["riskmodel_version"] == __version__
    assert receipt["peildatum"] == "2023-06-01"
    assert receipt["profile_id"] == "almere-pand-7"
    assert receipt["municipality"] == "Almere"
    assert receipt["profile_kind"] == "pand"
    for key in ("rules_sha256", "profile_sha256"):
        assert len(receipt[key]) == 64
        int(receipt[key], 16)


def test_rules_hash_covers_every_file(rules: RuleSet) -> None:
    receipt = assess(profile_data(), rules, engine="python").receipt
    assert set(receipt.rule_files) == {"model.yaml", "feiten.yaml", "registers.yaml",
                                       "omg.yaml", "interventies.yaml"}
    for name, digest in receipt.rule_files.items():
        assert digest == hashlib.sha256((MINI / name).read_bytes()).hexdigest()
    assert receipt.rules_sha256 == rules.sha256


def test_rules_hash_changes_with_any_rule_byte(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(MINI, tmp_path / "m")
    path = tmp_path / "m" / "omg.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# opmerking\n", encoding="utf-8")
    changed = load_rules(tmp_path / "m")
    assert changed.sha256 != load_rules(MINI).sha256


def test_profile_hash_is_of_the_normalised_profile(rules: RuleSet) -> None:
    a = assess(profile_data(), rules, engine="python").receipt.profile_sha256
    data = profile_data()
    data["feiten"]["gelieerde_club"] = "club_a"  # the alias normalises to this id
    data["feiten"]["aantal_incidenten"] = 2.0
    assert assess(data, rules, engine="python").receipt.profile_sha256 == a
    data["feiten"]["aantal_incidenten"] = 3
    assert assess(data, rules, engine="python").receipt.profile_sha256 != a


def test_no_clock_in_the_output(rules: RuleSet) -> None:
    text = assess(profile_data(), rules, engine="python").to_json()
    dates = {d for d in json.loads(text)["receipt"].values() if isinstance(d, str)
             and len(d) == 10 and d[4] == "-"}
    assert dates == {"2023-06-01"}


def test_engines_differ_only_in_the_engine_fields(rules: RuleSet) -> None:
    d = json.loads(assess(profile_data(), rules, engine="durable").to_json())
    p = json.loads(assess(profile_data(), rules, engine="python").to_json())
    for side in (d, p):
        side["receipt"].pop("engine")
        side["receipt"].pop("engine_version")
    assert d == p
