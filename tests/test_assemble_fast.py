"""The fast assembly (issue 8) against the reference walk and pydantic's own validation.

The generated open-facts function must give, for every condition and phenomenon, what the
recursive reference walk (`Assembler.undecided_facts` / `phenomenon_missing`) gives; the
objects built without validation must equal validated ones; a validated profile is not
validated again unless it changed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from model_copies import EXAMPLE_PROFILE, MINI, MINI_SCENARIOS, REPO, scenario_profiles
from pydantic import BaseModel

import riskmodel
from riskmodel import api
from riskmodel.api import compiled_for, get_evaluator
from riskmodel.evaluate.generated import undecided_for
from riskmodel.explain.assemble import Assembler, out
from riskmodel.model.assessment import Citation, Evidence, IndicatorResult, LegalBasisOut
from riskmodel.model.profile import Profile


@pytest.mark.parametrize("engine", ["compiled", "python"])
@pytest.mark.parametrize("which", ["bundled", "mini"])
def test_generated_open_facts_match_reference_walk(engine: str, which: str) -> None:
    rules = riskmodel.load_rules(None if which == "bundled" else MINI)
    profiles = scenario_profiles(rules, REPO / "scenarios" if which == "bundled" else MINI_SCENARIOS)
    assert profiles
    evaluator = get_evaluator(engine)  # type: ignore[arg-type]
    compared = 0
    for profile in profiles:
        compiled = compiled_for(rules, profile.peildatum)
        ev = evaluator.evaluate(rules, compiled, profile)
        asm = Assembler(rules, compiled, profile, ev, evaluator, profile.peildatum)
        keys, phenomena, _fn = undecided_for(compiled)
        conditions = {**compiled.phase1_conditions(), **compiled.phase2_conditions()}
        for slot, key in enumerate(keys):
            assert asm.open[slot] == asm.undecided_facts(conditions[key]), (profile.id, key)
            compared += bool(asm.open[slot])
        for n, ph in enumerate(phenomena):
            assert asm.open[len(keys) + n] == asm.phenomenon_missing(ph), (profile.id, ph)
    assert compared > 0  # some conditions were open, so the sets were really compared


def test_out_builds_what_validation_builds() -> None:
    samples = [
        (Evidence, {"fact": "f", "value": [1, "a"], "source": None, "source_detail": "x",
                    "observed": dt.date(2024, 1, 2)}),
        (Citation, {"title": "t", "ecli": None, "url": None, "verified": False, "remark": "r"}),
        (IndicatorResult, {"id": "i", "phenomenon": "p", "status": "onbepaald", "points": 3,
                           "evidence": [], "missing_facts": ["a"], "sources": ["b1"]}),
        (LegalBasisOut, {"citation": "art. 1", "kind": "wet", "in_force_from": None,
                         "in_force_to": None, "url": None, "bwb_id": None, "juriconnect": None,
                         "ecli": None, "verified": True, "note": None}),
    ]
    for cls, values in samples:
        built, valid = out(cls, dict(values)), cls.model_validate(values)
        assert built == valid
        assert built.model_dump(mode="json") == valid.model_dump(mode="json")
        assert built.model_fields_set == set(values)
        assert built.model_copy() == built
    result = out(IndicatorResult, dict(samples[2][1]))
    fields = set(result.model_fields_set)
    assert result.model_copy(update={"points": 4}).points == 4
    assert result.model_fields_set == fields and result.points == 3  # the original untouched


def test_assess_output_unchanged_with_and_without_revalidation() -> None:
    rules = riskmodel.load_rules()
    loaded = riskmodel.load_profile(EXAMPLE_PROFILE, rules)
    built = Profile.model_validate(loaded.model_dump(by_alias=True))  # built in code
    assert api._valid_profiles(rules).get(id(built)) is None
    a = riskmodel.assess(loaded, rules).to_json()
    b = riskmodel.assess(built, rules).to_json()
    assert a == b
    # validation left it unchanged, so the object passed in is now known to be valid
    assert api._valid_profiles(rules)[id(built)][0]() is built


def test_changed_profile_is_validated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = riskmodel.load_rules()
    profile = riskmodel.load_profile(EXAMPLE_PROFILE, rules)
    calls: list[object] = []
    real = api.profile_from_data

    def counting(*args: object, **kwargs: object) -> Profile:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "profile_from_data", counting)
    riskmodel.assess(profile, rules)
    assert calls == []  # validated by load_profile, unchanged: not validated again
    riskmodel.assess(profile, rules, peildatum=profile.peildatum + dt.timedelta(days=1))
    assert len(calls) == 1  # another peildatum: validated as of that date
    fact = next(iter(profile.facts))
    del profile.facts[fact]  # the dict is mutable even though the model is frozen
    riskmodel.assess(profile, rules)
    assert len(calls) == 2  # its hash changed: validated again


def test_invalid_profile_built_in_code_is_still_refused() -> None:
    rules = riskmodel.load_rules()
    profile = riskmodel.load_profile(EXAMPLE_PROFILE, rules)
    entry = profile.facts[next(iter(profile.facts))]
    bad = profile.model_copy(update={"facts": {**profile.facts, "geen_bestaand_feit": entry}})
    with pytest.raises(riskmodel.ProfileError):
        riskmodel.assess(bad, rules)


def _objects(value: object) -> list[BaseModel]:
    """Every pydantic object in an assessment, depth first."""
    found: list[BaseModel] = []
    if isinstance(value, BaseModel):
        found.append(value)
        for name in type(value).model_fields:
            found += _objects(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            found += _objects(item)
    elif isinstance(value, dict):
        for item in value.values():
            found += _objects(item)
    return found


@pytest.mark.parametrize("texts", [False, True])
def test_every_output_object_has_every_field(texts: bool) -> None:
    """`out()` takes the fields as given: a field added to an output class must be given
    too, or the object would lack it (and serialising would fail)."""
    rules = riskmodel.load_rules()
    assessment = riskmodel.assess(riskmodel.load_profile(EXAMPLE_PROFILE, rules), rules,
                                  texts=texts)
    objects = _objects(assessment)
    kinds = {type(o) for o in objects}
    assert len(kinds) >= 10
    for obj in objects:
        assert set(obj.__dict__) == set(type(obj).model_fields), type(obj).__name__
    again = riskmodel.Assessment.model_validate_json(assessment.to_json())
    assert again.to_json() == assessment.to_json()
