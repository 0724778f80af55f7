"""The public contract: what `import riskmodel` offers, the versioned assessment JSON and its
JSON Schema, accessors that behave alike, and the rule-language version."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import riskmodel
from riskmodel import Assessment, RuleSet, assess, assess_many, load_rules
from riskmodel.scenarios.model import load_scenario
from riskmodel.schema import assessment_schema

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = assessment_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_public_surface_is_what_a_caller_touches() -> None:
    for name in ("assess", "assess_many", "load_rules", "load_profile", "render", "RuleSet",
                 "Profile", "Assessment", "Diagnostic", "Evaluator", "RiskmodelError",
                 "UserInputError", "RuleError", "ProfileError", "EngineError", "OutputError"):
        assert name in riskmodel.__all__, name
        assert hasattr(riskmodel, name)
    for exc in ("UserInputError", "RuleError", "ProfileError", "EngineError", "OutputError",
                "ScenarioError"):
        assert issubclass(getattr(riskmodel, exc), riskmodel.RiskmodelError)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_scenario_assessment_matches_the_json_schema(
    path: Path, rules: RuleSet, validator: jsonschema.Draft202012Validator
) -> None:
    loaded = load_scenario(path, rules)
    a = assess(loaded.profile, rules, engine="python")
    errors = sorted(validator.iter_errors(json.loads(a.to_json())), key=str)
    assert not errors, errors[0].message


@pytest.mark.parametrize("engine", ["python", "durable"])
def test_json_round_trip_gives_the_same_assessment(rules: RuleSet, engine: str) -> None:
    a = assess(EXAMPLE, rules, engine=engine)  # type: ignore[arg-type]
    again = Assessment.model_validate_json(a.to_json())
    assert again == a
    assert again.to_json() == a.to_json()
    assert json.loads(a.to_json())["schema_version"] == riskmodel.SCHEMA_VERSION


def test_accessors_behave_alike_on_a_missing_id(rules: RuleSet) -> None:
    a = assess(EXAMPLE, rules, engine="python")
    assert a.phenomenon("bestaat_niet") is None
    assert a.intervention("bestaat_niet") is None
    assert a.indicator("bestaat_niet") is None
    assert a.phenomenon("omg") is not None


def test_peildatum_as_iso_text_and_bad_text_is_a_user_error(rules: RuleSet) -> None:
    a = assess(EXAMPLE, rules, peildatum="2026-11-01", engine="python")
    assert a.receipt.peildatum.isoformat() == "2026-11-01"
    with pytest.raises(riskmodel.UserInputError) as info:
        assess(EXAMPLE, rules, peildatum="1 november", engine="python")
    [d] = info.value.diagnostics
    assert (d.code, d.loc) == ("type", ("peildatum",))


def test_bundled_model_is_loaded_once() -> None:
    assert load_rules() is load_rules()


def test_assess_without_rules_uses_the_bundled_model() -> None:
    a = assess(EXAMPLE, engine="python")
    assert a.receipt.model == load_rules().manifest.model


def test_assess_many_gives_one_outcome_per_input_and_refuses_duplicate_ids(
    rules: RuleSet, tmp_path: Path
) -> None:
    good = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(good, encoding="utf-8")  # same id as a.yaml
    (tmp_path / "c.yaml").write_text("id: [kapot\n", encoding="utf-8")
    (tmp_path / ".verborgen.yaml").write_text(good, encoding="utf-8")
    outcomes = assess_many([tmp_path, tmp_path / "ontbreekt.yaml"], rules, engine="python")
    assert [Path(o.source).name for o in outcomes] == ["a.yaml", "b.yaml", "c.yaml",
                                                        "ontbreekt.yaml"]
    assert [o.ok for o in outcomes] == [True, False, False, False]
    assert outcomes[1].diagnostics[0].code == "duplicate-id"
    assert outcomes[3].diagnostics[0].code == "not-found"


def test_unknown_engine_is_a_user_error_without_cli_flags(rules: RuleSet) -> None:
    with pytest.raises(riskmodel.UserInputError) as info:
        assess(EXAMPLE, rules, engine="drools")  # type: ignore[arg-type]
    [d] = info.value.diagnostics
    assert d.code == "unknown-engine" and d.path == "engine" and "--" not in d.format()


def test_a_newer_rule_language_is_a_clear_error(tmp_path: Path) -> None:
    import shutil

    model = tmp_path / "model"
    shutil.copytree(ROOT / "tests" / "models" / "mini", model)
    manifest = model / "model.yaml"
    manifest.write_text('regeltaal: "2.0"\n' + manifest.read_text(encoding="utf-8"),
                        encoding="utf-8")
    with pytest.raises(riskmodel.RuleError) as info:
        load_rules(model)
    [d] = info.value.diagnostics
    assert d.line == 1 and "regeltaal 2.0" in d.message and "1.0" in d.message


def test_json_names_things_by_id_and_texts_come_on_request(rules: RuleSet) -> None:
    lean = assess(EXAMPLE, rules, engine="python")
    full = assess(EXAMPLE, rules, engine="python", texts=True)
    assert lean.texts is None and full.texts
    # a fact's label and question are in the texts once, not at every mention
    doc = lean.to_json()
    label = rules.facts["clubhuis_status"].label.nl
    assert label not in doc and label in full.to_json()
    # reports read the same with texts from the assessment or from the model
    assert riskmodel.render(lean, "text", rules=rules) == riskmodel.render(full, "text")
    assert Assessment.model_validate_json(full.to_json()) == full


def test_example_json_is_at_most_a_tenth_of_the_schema_1_document(rules: RuleSet) -> None:
    # schema 1.0 wrote 703,831 bytes for this profile (every label and question at every
    # mention, the trace repeating the sections, two-space indent)
    size = len(assess(EXAMPLE, rules).to_json().encode())
    assert size <= 70_383, size


def test_rendering_with_another_model_is_refused(rules: RuleSet) -> None:
    mini = load_rules(ROOT / "tests" / "models" / "mini")
    a = assess(EXAMPLE, rules, engine="python")
    with pytest.raises(riskmodel.UserInputError) as info:
        riskmodel.render(a, "text", rules=mini)
    assert info.value.diagnostics[0].code == "model-mismatch"


def test_check_lists_statutes_without_ids_and_every_unverified_source(tmp_path: Path) -> None:
    from riskmodel.check import check_model

    report = check_model(load_rules())
    assert report.stats["wettelijke_grondslagen"] == report.stats["met_bwb_en_juriconnect"]
    unverified = [d for d in report.diagnostics if d.code == "unverified"]
    assert len(unverified) == (report.stats["grondslagen_niet_geverifieerd"]
                               + report.stats["bronnen_niet_geverifieerd"])
    # a statute without its identifiers, and a juriconnect naming another statute
    import shutil

    model = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "models" / "mini", model)
    mini = check_model(load_rules(model))
    assert any(d.code == "lint" and "bwb_id" in d.message for d in mini.diagnostics)
