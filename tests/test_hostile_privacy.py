"""Personal data in free text and in short fields is refused and never echoed (item 4)."""

from __future__ import annotations

from typing import Any

import pytest

from riskmodel import ProfileError
from riskmodel.check.privacy import find_personal_data, iban_checksum_ok, mask
from riskmodel.check.profile import profile_from_data
from riskmodel.model.ruleset import RuleSet


def base(**extra: Any) -> dict[str, Any]:
    return {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
            **extra}


def refused(rules: RuleSet, data: dict[str, Any]) -> list[tuple[str, str, str]]:
    with pytest.raises(ProfileError) as info:
        profile_from_data(data, rules)
    return [(d.path, d.code, d.format()) for d in info.value.diagnostics]


PERSONAL = [
    "casus-123456782", "123/456/782", "123_456_782", "123.456.782", "bsn 10000008",
    "mail j.jansen@example.nl", "bel 06-12345678", "tel. 020 123 4567", "+31 6 1234 5678",
    "0031 20 1234567", "+44 20 7946 0958", "rekening NL91ABNA0417164300",
    "rekening NL91 ABNA 0417 1643 00", "auto AB-12-CD", "busje 12-ABC-3", "wagen 1-ABC-23",
    "XX-999-X".replace("XX", "GB").replace("999", "123").replace("-X", "-Z"),
    "geboren 12-03-1985", "geb. 1985", "geboortedatum: 1985-03-12", "born 3 march 1990",
    "woont Kerkstraat 12", "pand aan de Dorpsweg 3a", "postcode 1234 AB",
]


@pytest.mark.parametrize("text", PERSONAL)
@pytest.mark.parametrize("field", ["omschrijving", "bron_detail"])
def test_free_text_with_personal_data_is_refused(rules: RuleSet, text: str, field: str) -> None:
    data = (base(omschrijving=text) if field == "omschrijving" else
            base(feiten={"afgeschermd": {"waarde": True, "bron_detail": text}}))
    problems = refused(rules, data)
    assert problems and all(code == "personal-data" for _, code, _ in problems)
    value = text.split(" ", 1)[-1]
    assert all(value not in line for _, _, line in problems)


@pytest.mark.parametrize("text", ["casus-123456782", "p-123-456-782"])
def test_bsn_in_an_id_is_refused(rules: RuleSet, text: str) -> None:
    [(path, code, _)] = refused(rules, base(id=text))
    assert (path, code) == ("id", "personal-data")


@pytest.mark.parametrize(("field", "value"), [("gemeente", "AB-12-CD"),
                                              ("wijk", "j.jansen@example.nl"),
                                              ("object", {"referentie": "tel-0612345678"})])
def test_short_fields_are_checked(rules: RuleSet, field: str, value: Any) -> None:
    assert refused(rules, base(**{field: value}))


@pytest.mark.parametrize("value", ["Amsterdam 1", "a@b", "x" * 61, "Almere\tNoord", "Zuid/Oost"])
def test_gemeente_has_a_safe_character_set(rules: RuleSet, value: str) -> None:
    [(path, code, _)] = refused(rules, base(gemeente=value))
    assert path == "gemeente" and code in ("pattern", "range", "unsafe-text")


@pytest.mark.parametrize("value", ["Almere", "'s-Hertogenbosch", "Súdwest-Fryslân",
                                   "Bergen (NH)", "Alphen aan den Rijn"])
def test_real_municipalities_pass(rules: RuleSet, value: str) -> None:
    assert profile_from_data(base(gemeente=value, wijk="Wijk 04 Centrum"), rules)


@pytest.mark.parametrize("text", [
    "peildatum 2024-03-01", "zaak 2023/4512", "bag 0363010000000001", "drugs 500 gram",
    "versie 1.0.3", "score 12345674", "3 incidenten in 2023", "sinds 2019 actief",
    "clubhuis op bedrijventerrein", "100 bezoekers, 12-14 uur", "op het plein 3 incidenten",
    "in het park 2 keer gezien", "gebied 2023 onrustig", "onderweg 3 keer",
    "snelweg 12 km verderop", "Snelweg 12 km verderop",
])
def test_ordinary_text_passes(text: str) -> None:
    assert list(find_personal_data({"omschrijving": text})) == []


def test_eight_digit_integers_are_amounts_not_bsns() -> None:
    assert list(find_personal_data({"omzet": 10000008})) == []


def test_iban_checksum_and_masking() -> None:
    assert iban_checksum_ok("NL91ABNA0417164300") and not iban_checksum_ok("NL91ABNA0417164301")
    assert mask("123456782") == "1*******2" and mask("abc") == "***"
