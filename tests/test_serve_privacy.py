"""Free-text fields refuse personal data everywhere: case notes (check_free_text) and the
free-text fields of a profile (omschrijving, bron_detail) in the library and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import riskmodel
from riskmodel.check.privacy import check_free_text, personal_data_in_text
from riskmodel.cli import main
from tests.serve_support import example_profile

PERSONAL = {
    "bsn": "gesprek met 111222333 gehad",
    "bsn grouped": "nummer 111.222.333",
    "e-mail": "contact via info.beheer@voorbeeld-club.nl",
    "mobile": "bereikbaar op 06-12345678",
    "landline": "tel. 020-1234567",
    "international": "+31 6 1234 5678",
    "iban": "betaald van NL91ABNA0417164300",
    "iban spaced": "NL91 ABNA 0417 1643 00",
}
CLEAN = ["drie incidenten in 2023, 14 leden, 2 panden", "bron: RIEC-rapportage 2024-03",
         "omzet 123456 euro", "artikel 13b Opiumwet"]


@pytest.mark.parametrize("text", PERSONAL.values(), ids=PERSONAL.keys())
def test_personal_data_in_free_text_is_found(text: str) -> None:
    assert personal_data_in_text(text) is not None
    diags = check_free_text({"notitie": text})
    assert [d.code for d in diags] == ["personal-data"]
    assert diags[0].path == "notitie" and diags[0].loc == ("notitie",)
    secret = text.split()[-1]
    assert secret not in diags[0].message and secret not in diags[0].format("en")


@pytest.mark.parametrize("text", CLEAN)
def test_situation_text_passes(text: str) -> None:
    assert personal_data_in_text(text) is None
    assert check_free_text({"notitie": text, "leeg": None}) == []


def test_control_characters_in_notes_are_refused() -> None:
    assert [d.code for d in check_free_text({"notitie": "a\x1b[31mb"})] == ["unsafe-text"]
    assert check_free_text({"notitie": "regel 1\nregel 2\tkolom"}) == []


@pytest.mark.parametrize("text", PERSONAL.values(), ids=PERSONAL.keys())
@pytest.mark.parametrize("field", ["omschrijving", "bron_detail"])
def test_library_refuses_them_in_profiles(text: str, field: str) -> None:
    profile = example_profile()
    if field == "omschrijving":
        profile["omschrijving"] = text
    else:
        fact = next(iter(profile["feiten"]))
        profile["feiten"][fact] = {"waarde": profile["feiten"][fact], "bron": "gemeente",
                                   "bron_detail": text}
    with pytest.raises(riskmodel.ProfileError) as err:
        riskmodel.load_profile(profile)
    assert any(d.code == "personal-data" and field in d.path for d in err.value.diagnostics)


def test_cli_refuses_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = example_profile()
    profile["omschrijving"] = PERSONAL["e-mail"]
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert "omschrijving" in err and "voorbeeld-club.nl" not in err
