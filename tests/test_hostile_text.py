"""Control characters and bidi overrides never reach text or Markdown output (item 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from riskmodel import ProfileError
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.cli import main
from riskmodel.model.ruleset import RuleSet

UNSAFE = ["\x1b[31mrood\x1b[0m", "Almere\u202e", "a\u2066b", "a\x07b", "a\x85b", "a\x9bb",
          "a\u200fb", "a\x00b", "a\x7fb"]


def base(**extra: Any) -> dict[str, Any]:
    return {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
            **extra}


@pytest.mark.parametrize("value", UNSAFE)
@pytest.mark.parametrize("field", ["gemeente", "wijk", "omschrijving", "bron_detail", "key"])
def test_control_characters_are_refused_everywhere(rules: RuleSet, field: str,
                                                   value: str) -> None:
    if field == "bron_detail":
        data = base(feiten={"afgeschermd": {"waarde": True, "bron_detail": value}})
    elif field == "key":
        data = base(feiten={value: True})
    else:
        data = base(**{field: value})
    with pytest.raises(ProfileError) as info:
        profile_from_data(data, rules)
    assert [d.code for d in info.value.diagnostics] == ["unsafe-text"]
    assert all(value not in d.format() for d in info.value.diagnostics)


def test_newlines_only_in_free_text(rules: RuleSet) -> None:
    assert profile_from_data(base(omschrijving="regel 1\n\tregel 2"), rules)
    with pytest.raises(ProfileError) as info:
        profile_from_data(base(wijk="Noord\nZuid"), rules)
    assert [d.code for d in info.value.diagnostics] == ["unsafe-text"]


def test_escape_in_yaml_double_quotes_is_refused(rules: RuleSet) -> None:
    text = 'id: p1\nsoort: pand\ngemeente: "Almere\\e[2J"\npeildatum: 2023-06-01\n'
    with pytest.raises(ProfileError) as info:
        profile_from_text(text, rules, "p.yaml")
    (d,) = info.value.diagnostics
    assert (d.code, d.line) == ("unsafe-text", 3)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_never_writes_the_escape(tmp_path: Path, fmt: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(base(gemeente="\x1b]0;pwned\x07Almere\u202e")), encoding="utf-8")
    assert main(["assess", str(path), "--format", fmt]) == 2
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\u202e" not in out.out + out.err
