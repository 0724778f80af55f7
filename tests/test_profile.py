"""Profiles are validated against the model's fact vocabulary and normalised."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from riskmodel import ProfileError, assess, load_profile
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.errors import Diagnostic
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import MAX_SAFE_INT

HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\nfeiten:\n"


def facts_of(rules: RuleSet, facts: str) -> dict[str, Any]:
    profile = profile_from_text(HEAD + facts, rules, "profiel.yaml")
    return {k: e.value for k, e in profile.facts.items()}


def errors(rules: RuleSet, text: str) -> list[Diagnostic]:
    with pytest.raises(ProfileError) as info:
        profile_from_text(text, rules, "profiel.yaml")
    return info.value.diagnostics


def only(diags: list[Diagnostic]) -> Diagnostic:
    assert len(diags) == 1, [d.format() for d in diags]
    return diags[0]


class TestTypes:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("motorclub_aanwezig: true", True),
            ("motorclub_aanwezig: false", False),
            ("aantal_incidenten: 4", 4),
            ("aantal_incidenten: 3.0", 3),
            ("drugs_gram: 2", 2.0),
            ("drugs_gram: 0.75", 0.75),
            ("laatste_incident: 2023-05-01", dt.date(2023, 5, 1)),
            ('laatste_incident: "2023-05-01"', dt.date(2023, 5, 1)),
            ("clubhuis_status: gepland", "gepland"),
            ("aangetroffen: [wapens, drugs, wapens]", ["drugs", "wapens"]),
            ("aangetroffen: []", []),
        ],
    )
    def test_valid_values_are_normalised(self, rules: RuleSet, line: str, expected: Any) -> None:
        value = next(iter(facts_of(rules, f"  {line}\n").values()))
        assert value == expected
        assert type(value) is type(expected)

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("motorclub_aanwezig: ja", "true, false of onbekend"),
            ('motorclub_aanwezig: "true"', "true, false of onbekend"),
            ("motorclub_aanwezig: 1", "true, false of onbekend"),
            ("aantal_incidenten: 2.5", "een geheel getal"),
            ("aantal_incidenten: veel", "een getal of onbekend"),
            ("aantal_incidenten: true", "een getal of onbekend"),
            ('drugs_gram: "1e3"', "een getal; YAML leest deze schrijfwijze als tekst: schrijf het "
                                "getal zonder exponent, bv. 0.0001"),
            ("laatste_incident: gisteren", "een datum JJJJ-MM-DD"),
            ("clubhuis_status: [gepland]", "geen, gepland, in_gebruik"),
            ("aangetroffen: drugs", "een lijst met waarden uit: drugs, wapens, contant_geld"),
        ],
    )
    def test_wrong_types_are_rejected(self, rules: RuleSet, line: str, expected: str) -> None:
        # `expected` is the Dutch expectation; the English one must differ where it is prose
        d = only(errors(rules, HEAD + f"  {line}\n"))
        assert d.code == "type"
        assert d.expected == expected
        assert (d.file, d.line, d.column, d.loc) == ("profiel.yaml", 6, 3,
                                                     ("feiten", line.split(":")[0]))


    def test_date_with_time_is_rejected(self, rules: RuleSet) -> None:
        diags = errors(rules, HEAD + "  laatste_incident: 2023-05-01T10:00:00\n")
        assert [d.code for d in diags] == ["type"]
        assert {(d.path, d.line) for d in diags} == {("feiten.laatste_incident", 6)}


class TestRanges:
    def test_below_minimum(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  aantal_incidenten: -1\n"))
        assert (d.code, d.expected) == ("range", "minimaal 0")
        assert d.to_dict("en")["expected"] == "at least 0"

    def test_above_maximum(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  aantal_incidenten: 10001\n"))
        assert (d.code, d.expected) == ("range", "maximaal 10000")

    def test_bounds_are_inclusive(self, rules: RuleSet) -> None:
        assert facts_of(rules, "  aantal_incidenten: 0\n") == {"aantal_incidenten": 0}
        assert facts_of(rules, "  aantal_incidenten: 10000\n") == {"aantal_incidenten": 10000}
        assert facts_of(rules, "  drugs_gram: 0\n") == {"drugs_gram": 0.0}

    def test_numbers_past_the_safe_integer_range(self, rules: RuleSet) -> None:
        data = {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
                "feiten": {"drugs_gram": float(MAX_SAFE_INT) * 4}}
        with pytest.raises(ProfileError) as info:
            profile_from_data(data, rules)
        assert only(info.value.diagnostics).code == "range"


class TestEnums:
    def test_did_you_mean(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  clubhuis_status: in_gebruk\n"))
        assert d.code == "unknown-value"
        assert d.suggestion == "in_gebruik"
        assert d.expected == "geen, gepland, in_gebruik"
        assert "bedoelde u 'in_gebruik'?" in d.format()

    def test_did_you_mean_in_list(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  aangetroffen: [drugs, wapen]\n"))
        assert (d.code, d.path) == ("unknown-value", "feiten.aangetroffen")
        assert d.suggestion == "wapens"

    def test_register_alias_is_normalised_to_the_canonical_id(self, rules: RuleSet) -> None:
        assert facts_of(rules, "  gelieerde_club: club_a_alias\n") == {"gelieerde_club": "club_a"}
        assert facts_of(rules, "  gelieerde_club: club_a_voortzetting\n") == {
            "gelieerde_club": "club_a_voortzetting"
        }

    def test_unknown_register_item_suggests(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  gelieerde_club: club_c\n"))
        assert d.suggestion in {"club_a", "club_b"}
        assert "club_a_alias" in (d.expected or "")


class TestUnknown:
    def test_onbekend_and_empty_mean_unknown(self, rules: RuleSet) -> None:
        text = ("  motorclub_aanwezig: onbekend\n  clubhuis_status: onbekend\n"
                "  aangetroffen: onbekend\n  drugs_gram:\n"
                "  laatste_incident: {waarde: onbekend, bron: politie}\n")
        profile = profile_from_text(HEAD + text, rules)
        assert set(profile.facts) == {"motorclub_aanwezig", "clubhuis_status", "aangetroffen",
                                       "drugs_gram", "laatste_incident"}
        assert all(not e.known for e in profile.facts.values())
        assert profile.known_values() == {}
        assert profile.facts["laatste_incident"].source == "politie"

    def test_unknown_fact_suggests(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  motorclub_aanwezg: true\n"))
        assert (d.code, d.loc) == ("unknown-fact", ("feiten", "motorclub_aanwezg"))
        assert d.suggestion == "motorclub_aanwezig"


class TestEntries:
    def test_long_form_keeps_source_and_date(self, rules: RuleSet) -> None:
        profile = profile_from_text(
            HEAD + "  afgeschermd: {waarde: true, bron: riec, bron_detail: casus 12, "
                   "datum: 2023-05-30}\n", rules)
        entry = profile.facts["afgeschermd"]
        assert (entry.value, entry.source, entry.source_detail, entry.observed) == (
            True, "riec", "casus 12", dt.date(2023, 5, 30))

    def test_observation_after_peildatum_is_rejected(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  afgeschermd: {waarde: true, datum: 2023-06-02}\n"))
        assert d.path == "feiten.afgeschermd.datum"
        assert d.code == "future-observation"
        assert d.line == 6

    def test_observation_on_peildatum_is_fine(self, rules: RuleSet) -> None:
        assert facts_of(rules, "  afgeschermd: {waarde: true, datum: 2023-06-01}\n") == {
            "afgeschermd": True
        }

    def test_unknown_source_kind(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  afgeschermd: {waarde: true, bron: buurman}\n"))
        assert d.path == "feiten.afgeschermd.bron"
        assert d.code == "unknown-value"

    def test_unknown_key_in_entry(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD + "  afgeschermd: {waarde: true, bronn: riec}\n"))
        assert d.code == "unknown-key"
        assert d.suggestion == "bron"

    def test_every_fact_problem_is_reported_at_once(self, rules: RuleSet) -> None:
        diags = errors(rules, HEAD + "  drugs_gram: -1\n  clubhuis_status: x\n  motorclub: true\n")
        assert [(d.line, d.code) for d in diags] == [
            (6, "range"), (7, "unknown-value"), (8, "unknown-fact")]


class TestProfileHeader:
    def test_missing_peildatum_and_bad_kind(self, rules: RuleSet) -> None:
        diags = errors(rules, "id: p1\nsoort: huis\ngemeente: Almere\n")
        assert sorted((d.code, d.path) for d in diags) == [("missing-key", ""),
                                                           ("unknown-value", "soort")]

    def test_object_needs_exactly_one_reference(self, rules: RuleSet) -> None:
        d = only(errors(rules, HEAD.replace("feiten:\n", "object: {}\n")))
        assert (d.code, d.path) == ("inconsistent", "object")
        profile = profile_from_text(
            HEAD.replace("feiten:\n", "object: {bag_id: '0363010000000001'}\n"), rules)
        assert profile.premises is not None

    def test_not_a_mapping(self, rules: RuleSet) -> None:
        d = only(errors(rules, "- een\n- lijst\n"))
        assert d.code == "type"

    def test_profile_from_json_file(self, rules: RuleSet, tmp_path: Path) -> None:
        path = tmp_path / "profiel.json"
        path.write_text(json.dumps({"id": "p1", "soort": "wijk", "gemeente": "Almere",
                                    "peildatum": "2023-06-01",
                                    "feiten": {"gelieerde_club": "club_a_alias"}}))
        profile = load_profile(path, rules)
        assert profile.peildatum == dt.date(2023, 6, 1)
        assert profile.facts["gelieerde_club"].value == "club_a"

    def test_profile_from_yaml_file_error_names_the_file(
        self, rules: RuleSet, tmp_path: Path
    ) -> None:
        path = tmp_path / "profiel.yaml"
        path.write_text(HEAD + "  afgeschermd: misschien\n", encoding="utf-8")
        with pytest.raises(ProfileError) as info:
            load_profile(path, rules)
        assert only(info.value.diagnostics).file.endswith("profiel.yaml")

    def test_profile_object_is_revalidated_by_assess(self, rules: RuleSet) -> None:
        profile = profile_from_text(HEAD + "  gelieerde_club: club_a_alias\n", rules)
        bad = profile.model_copy(update={"municipality": "Almere", "facts": {
            **profile.facts,
            "aantal_incidenten": profile.facts["gelieerde_club"].model_copy(
                update={"value": -5}),
        }})
        with pytest.raises(ProfileError):
            assess(bad, rules, engine="python")
