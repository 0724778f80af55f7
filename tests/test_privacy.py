"""Profiles describe situations, not people: personal data is refused wherever it appears."""

from __future__ import annotations

from typing import Any

import pytest

from riskmodel import ProfileError
from riskmodel.check.privacy import find_personal_data, is_personal_key, passes_eleven_test
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.model.ruleset import RuleSet

HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\n"

#: 9-digit numbers passing the eleven test (test numbers, not real people)
BSN_LIKE = ("111222333", "123456782", "999999990")
#: 9-digit numbers failing the eleven test, and other harmless numbers
NOT_BSN = ("123456789", "111222334", "000000000")


def base(**extra: Any) -> dict[str, Any]:
    return {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
            **extra}


def refused(rules: RuleSet, data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ProfileError) as info:
        profile_from_data(data, rules)
    assert all(d.code == "personal-data" for d in info.value.diagnostics)
    # the value is never echoed, in either language
    return [(d.path, d.format() + d.format("en")) for d in info.value.diagnostics]


class TestKeys:
    @pytest.mark.parametrize(
        "key",
        ["naam", "bsn", "geboortedatum", "voornaam", "achternaam", "burgerservicenummer",
         "naam_eigenaar", "eigenaar_naam", "Geboortedatum", "BSN", "email", "telefoonnummer",
         "date_of_birth", "kenteken"],
    )
    def test_personal_keys(self, key: str) -> None:
        assert is_personal_key(key)

    @pytest.mark.parametrize(
        "key", ["id", "soort", "gemeente", "peildatum", "feiten", "waarde", "bron_detail",
                "aantal_incidenten", "motorclub_aanwezig", "omschrijving", "wijk"],
    )
    def test_ordinary_keys(self, key: str) -> None:
        assert not is_personal_key(key)

    @pytest.mark.parametrize("key", ["naam", "bsn", "geboortedatum"])
    def test_top_level(self, rules: RuleSet, key: str) -> None:
        [(path, message)] = refused(rules, base(**{key: "x"}))
        assert path == key
        assert "persoonsgegevens" in message and "personal data" in message

    @pytest.mark.parametrize("key", ["naam", "bsn", "geboortedatum"])
    def test_inside_a_fact_entry(self, rules: RuleSet, key: str) -> None:
        data = base(feiten={"afgeschermd": {"waarde": True, key: "x"}})
        [(path, _)] = refused(rules, data)
        assert path == f"feiten.afgeschermd.{key}"

    @pytest.mark.parametrize("key", ["naam", "bsn", "geboortedatum"])
    def test_deep_inside_lists_and_mappings(self, rules: RuleSet, key: str) -> None:
        data = base(bijlagen=[{"a": [1, {"b": {key: "x"}}]}])
        paths = [p for p, _ in refused(rules, data)]
        assert paths == [f"bijlagen[0].a[1].b.{key}"]

    def test_every_occurrence_is_reported_with_lines(self, rules: RuleSet) -> None:
        text = HEAD + "naam: Jan\nfeiten:\n  afgeschermd: {waarde: true, bsn: 1}\n"
        with pytest.raises(ProfileError) as info:
            profile_from_text(text, rules, "profiel.yaml")
        assert [(d.path, d.line) for d in info.value.diagnostics] == [
            ("naam", 5), ("feiten.afgeschermd.bsn", 7)]

    def test_privacy_is_checked_before_the_schema(self, rules: RuleSet) -> None:
        # The value of a personal key must never be echoed in an error message.
        data = base(naam="Jan Jansen", feiten={"onbekend_feit": 1})
        problems = refused(rules, data)
        assert [p for p, _ in problems] == ["naam"]
        assert all("Jan Jansen" not in m for _, m in problems)


class TestBsnNumbers:
    @pytest.mark.parametrize("number", BSN_LIKE)
    def test_eleven_test_passes(self, number: str) -> None:
        assert passes_eleven_test(number)

    @pytest.mark.parametrize("number", [*NOT_BSN, "12345678", "1234567890"])
    def test_eleven_test_fails(self, number: str) -> None:
        assert not passes_eleven_test(number)

    @pytest.mark.parametrize("number", BSN_LIKE)
    def test_bsn_like_text_is_rejected(self, rules: RuleSet, number: str) -> None:
        [(path, message)] = refused(rules, base(omschrijving=f"bewoner {number} gezien"))
        assert path == "omschrijving"
        assert "BSN" in message
        assert number not in message

    def test_bsn_like_integer_is_rejected(self, rules: RuleSet) -> None:
        [(path, _)] = refused(rules, base(wijk=111222333))
        assert path == "wijk"

    def test_bsn_like_number_in_a_fact_value_is_rejected(self, rules: RuleSet) -> None:
        [(path, _)] = refused(rules, base(feiten={"afgeschermd": {
            "waarde": True, "bron_detail": "pv 123456782"}}))
        assert path == "feiten.afgeschermd.bron_detail"

    @pytest.mark.parametrize("number", NOT_BSN)
    def test_non_bsn_number_is_accepted(self, rules: RuleSet, number: str) -> None:
        profile = profile_from_data(base(omschrijving=f"zaaknummer {number}"), rules)
        assert profile.description == f"zaaknummer {number}"

    def test_longer_digit_runs_are_not_bsn(self) -> None:
        # a 16-digit BAG id contains BSN-like substrings but is not a 9-digit number
        assert list(find_personal_data({"bag_id": "0363111222333000"})) == []
        assert list(find_personal_data("1112223330")) == []

    def test_booleans_and_small_numbers_are_ignored(self) -> None:
        assert list(find_personal_data([True, 3, 4.5, None, "tekst"])) == []
