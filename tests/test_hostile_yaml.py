"""YAML is read with YAML 1.2 core-schema semantics (issue 9, item 9), with the C parser."""

from __future__ import annotations

import json

import pytest
import yaml

from riskmodel import ProfileError
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.load.yamlsource import CoreLoader, YamlSyntaxError, parse_text
from riskmodel.model.ruleset import RuleSet

HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\nfeiten:\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("010", 10), ("1:30", "1:30"), ("0x10", "0x10"), ("0o10", "0o10"), ("yes", "yes"),
        ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("ja", "ja"),
        ("true", True), ("True", True), ("FALSE", False), ("~", None), ("null", None),
        ("", None), ("1_000", "1_000"), ("-3", -3), ("+7", 7), ("1.5", 1.5), ("1e-7", 1e-7),
        ("'010'", "010"),
    ],
)
def test_yaml_12_core_schema(text: str, value: object) -> None:
    data = parse_text(f"a: {text}\n", "x.yaml").data
    assert data == {"a": value} and type(data["a"]) is type(value)


@pytest.mark.parametrize("text", ["!!binary aGVsbG8=", "!!float 3", "!!str 010", "!!timestamp x",
                                  "!foo bar"])
def test_explicit_scalar_tags_are_refused(text: str) -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_text(f"a: {text}\n", "x.yaml")
    d = info.value.diagnostics[0]
    assert d.code == "unsafe-yaml" and (d.line, d.column) == (1, 4)


def test_c_parser_is_used_and_gives_positions() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(CoreLoader, yaml.CSafeLoader)
    doc = parse_text("a:\n  - b: c\n    d: 4\n", "x.yaml")
    assert doc.positions[("a", 0, "d")] == (3, 5)


@pytest.mark.parametrize("word", ["yes", "ja", "nee", "on", "off", "no"])
def test_bool_words_are_refused_the_same_in_yaml_and_json(rules: RuleSet, word: str) -> None:
    with pytest.raises(ProfileError) as yaml_info:
        profile_from_text(HEAD + f"  motorclub_aanwezig: {word}\n", rules, "p.yaml")
    data = {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01",
            "feiten": {"motorclub_aanwezig": word}}
    with pytest.raises(ProfileError) as json_info:
        profile_from_text(json.dumps(data), rules, "p.json")
    with pytest.raises(ProfileError) as data_info:
        profile_from_data(data, rules)
    for info in (yaml_info, json_info, data_info):
        (d,) = info.value.diagnostics
        assert d.code == "type" and d.expected == "true, false of onbekend", d.format()
        assert d.suggestion == ("true" if word in ("yes", "ja", "on") else "false")
