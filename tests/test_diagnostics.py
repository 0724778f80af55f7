"""Errors a program can read: stable codes, the machine form, messages in Dutch and English."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import pytest
from pydantic import Field, ValidationError, model_validator

from riskmodel import ProfileError, load_profile, load_rules
from riskmodel.errors import (
    CODES,
    Diagnostic,
    DiagnosticCode,
    UserInputError,
    custom_error,
    make_diagnostic,
    msg,
)
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.yamlsource import YamlSyntaxError, parse_text, read_source
from riskmodel.messages import CATALOGUE, LANGS
from riskmodel.messages.diagnostics import DIAGNOSTICS
from riskmodel.model.common import Strict

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "riskmodel"
MINI = ROOT / "tests" / "models" / "mini"
PROFILE_HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\n"


# ---- the code set -----------------------------------------------------------------------------


def test_codes_are_defined_in_one_place_with_a_meaning_each() -> None:
    assert set(get_args(DiagnosticCode)) == set(CODES)
    assert all(meaning.strip() for meaning in CODES.values())
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", code) for code in CODES)


def test_every_code_is_documented_in_docs_errors() -> None:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    table = text[text.index("## Codes"):]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", table, re.M))
    assert documented == set(CODES)


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)]


def _name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


#: Sites that still rely on the default code ("invalid"): none left.
KNOWN_WITHOUT_CODE: set[str] = set()


def test_every_diagnostic_site_in_src_passes_an_explicit_code() -> None:
    missing: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner: dict[ast.AST, str] = {}
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(fn):
                    owner.setdefault(node, fn.name)  # outer function first
        for call in _calls(tree):
            if _name(call) not in ("Diagnostic", "make_diagnostic", "diagnostic"):
                continue
            if any(k.arg == "code" for k in call.keywords) or len(call.args) >= 9:
                continue
            missing.add(f"{path.name}:{owner.get(call, '<module>')}")
    assert missing == KNOWN_WITHOUT_CODE, sorted(missing)


def test_every_message_key_used_in_src_exists_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = _name(call)
            index = {"msg": 0, "custom_error": 1}.get(name)
            if index is None or len(call.args) <= index:
                continue
            arg = call.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                used.add(f"diag.{arg.value}")
    assert len(used) > 60
    assert used - set(CATALOGUE) == set()


def test_the_library_never_names_a_cli_flag_in_a_diagnostic_path() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "cli.py":
            continue
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if _name(call) in ("Diagnostic", "make_diagnostic") and len(call.args) >= 4:
                arg = call.args[3]
                if isinstance(arg, ast.Constant):
                    assert not str(arg.value).startswith("-"), f"{path.name}: {arg.value}"


# ---- the catalogue section ----------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(DIAGNOSTICS))
def test_every_diagnostic_message_has_dutch_and_english(key: str) -> None:
    texts = DIAGNOSTICS[key]
    assert key.startswith("diag.")
    assert set(texts) == set(LANGS)
    assert all(texts[lang].strip() for lang in LANGS)
    # both languages use the same placeholders, so any parameters render in either
    assert _fields(texts["nl"]) == _fields(texts["en"])
    assert CATALOGUE[key] is texts


def test_dutch_and_english_wording_of_a_representative_message() -> None:
    d = make_diagnostic("profiel.yaml", 7, 3, "feiten.x", msg("fact.unknown", fact="clubhuis_statu"),
                        code="unknown-fact", suggestion="clubhuis_status", loc=("feiten", "x"))
    assert d.format() == ("profiel.yaml:7:3: fout: feiten.x: onbekend feit 'clubhuis_statu'; "
                          "bedoelde u 'clubhuis_status'?")
    assert d.format("nl") == d.format()
    assert d.format("en") == ("profiel.yaml:7:3: error: feiten.x: unknown fact 'clubhuis_statu'; "
                              "did you mean 'clubhuis_status'?")
    assert d.message == "onbekend feit 'clubhuis_statu'"  # the Dutch text stays available


def test_expected_prose_is_translated_too(tmp_path: Path) -> None:
    rules = load_rules(MINI)
    path = tmp_path / "p.yaml"
    path.write_text(PROFILE_HEAD + "feiten:\n  laatste_incident: gisteren\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path, rules)
    [d] = info.value.diagnostics
    assert d.code == "type"
    assert "(verwacht: een datum JJJJ-MM-DD)" in d.format()
    assert "(expected: a date YYYY-MM-DD)" in d.format("en")
    assert d.to_dict("en")["expected"] == "a date YYYY-MM-DD"


# ---- the machine form ---------------------------------------------------------------------------


def test_to_dict_is_the_documented_stable_shape() -> None:
    d = make_diagnostic("a.yaml", 2, 5, "x[0]", msg("schema.unknown_key", key="y"),
                        code="unknown-key", suggestion="z", loc=("x", 0))
    assert d.to_dict() == {
        "code": "unknown-key", "severity": "error", "file": "a.yaml", "line": 2, "column": 5,
        "loc": ["x", 0], "path": "x[0]", "message": "onbekende sleutel 'y'", "expected": None,
        "suggestion": "z",
    }
    assert d.to_dict("en")["message"] == "unknown key 'y'"


def test_a_plain_text_diagnostic_still_works_in_both_languages() -> None:
    d = Diagnostic("a.yaml", None, None, "", "vrije tekst", code="invalid")
    assert d.format("en") == "a.yaml: error: vrije tekst"
    assert d.to_dict("en")["message"] == "vrije tekst"


# ---- pydantic errors map onto codes by their type -----------------------------------------------


class _Inner(Strict):
    n: int = Field(ge=0, le=10)


class _Doc(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z]+$")]
    kind: Literal["a", "b"]
    day: dt.date
    inner: _Inner
    items: list[int] = Field(default_factory=list, min_length=1)
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> _Doc:
        if self.start and self.end and self.end < self.start:
            raise custom_error("date-order", "model.period_order",
                               end=self.end.isoformat(), start=self.start.isoformat())
        return self


GOOD: dict[str, Any] = {"id": "abc", "kind": "a", "day": dt.date(2024, 1, 1), "inner": {"n": 1},
                        "items": [1]}


@pytest.mark.parametrize(
    ("change", "code", "loc"),
    [
        ({"id": None}, "missing-key", ()),  # located at the mapping that lacks the key
        ({"extra": 1}, "unknown-key", ("extra",)),
        ({"inner": {"n": "veel"}}, "type", ("inner", "n")),
        ({"day": "gisteren"}, "type", ("day",)),
        ({"inner": {"n": 11}}, "range", ("inner", "n")),
        ({"items": []}, "range", ("items",)),
        ({"id": "ABC"}, "pattern", ("id",)),
        ({"kind": "c"}, "unknown-value", ("kind",)),
        ({"start": dt.date(2024, 2, 1), "end": dt.date(2024, 1, 1)}, "date-order", ()),
    ],
    ids=["missing", "extra", "int", "date", "bound", "length", "pattern", "literal", "validator"],
)
def test_pydantic_error_types_become_codes(change: dict[str, Any], code: str,
                                           loc: tuple[str, ...]) -> None:
    data = {**GOOD, **change}
    data = {k: v for k, v in data.items() if v is not None}
    doc = parse_text("x: 1\n", "t.yaml")
    doc.data = data
    with pytest.raises(ValidationError) as info:
        _Doc.model_validate(data)
    [d] = from_validation_error(info.value, doc, _Doc)
    assert (d.code, d.loc) == (code, loc)
    assert d.format("en") != d.format("nl") or code in ("unknown-key",)


def test_validator_codes_reach_the_diagnostic_with_english_text(tmp_path: Path) -> None:
    data = {**GOOD, "start": dt.date(2024, 2, 1), "end": dt.date(2024, 1, 1)}
    doc = parse_text("x: 1\n", "t.yaml")
    doc.data = data
    with pytest.raises(ValidationError) as info:
        _Doc.model_validate(data)
    [d] = from_validation_error(info.value, doc, _Doc)
    assert d.message == "tot (2024-01-01) ligt voor vanaf (2024-02-01)"
    assert d.format("en").endswith("tot (2024-01-01) lies before vanaf (2024-02-01)")


# ---- files that are not YAML text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x00\x01\x02\x03binary", "encoding"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "encoding"),
        ("a: caf\xe9\n".encode("latin-1"), "encoding"),
        (b"id: p1\n\x07bel: 1\n", "encoding"),
        (b"a: [1,\n", "yaml-syntax"),
        (b"a: 1\na: 2\n", "duplicate-key"),
        (b"a: &x 1\nb: *x\n", "unsafe-yaml"),
        (b"a: !!python/name:os.system\n", "unsafe-yaml"),
    ],
    ids=["nul", "png", "latin1", "control", "syntax", "duplicate", "alias", "tag"],
)
def test_unreadable_content_is_a_located_user_error(tmp_path: Path, content: bytes,
                                                    code: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(content)
    with pytest.raises(YamlSyntaxError) as info:
        read_source(path)
    assert info.value.diagnostics[0].code == code
    with pytest.raises(ProfileError) as perr:
        load_profile(path, load_rules(MINI))
    assert perr.value.diagnostics[0].code == code


def test_control_character_is_located() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_text("id: p1\nx: a\x01b\n", "p.yaml")
    [d] = info.value.diagnostics
    assert (d.code, d.line, d.column) == ("encoding", 2, 5)


@pytest.mark.parametrize(("make", "code"), [
    (lambda p: p.mkdir(), "not-a-file"),
    (lambda p: None, "not-found"),
], ids=["directory", "missing"])
def test_path_problems_of_a_profile(tmp_path: Path, make: Any, code: str) -> None:
    path = tmp_path / "p.yaml"
    make(path)
    with pytest.raises(UserInputError) as info:
        load_profile(path, load_rules(MINI))
    assert [d.code for d in info.value.diagnostics] == [code]


def test_an_operand_error_points_at_the_operator_not_at_the_union_tag() -> None:
    # {feit: x, binnen_dagen: ...} is tagged 'feit' by pydantic; the error is about the operand
    from riskmodel.model.rules import RuleFile

    text = ("indicatoren:\n- id: a\n  fenomeen: b\n  label: {nl: x, en: y}\n"
            "  als: {feit: x, binnen_dagen: 99999}\n  punten: 1\n  bron: [{titel: t}]\n")
    doc = parse_text(text, "t.yaml")
    with pytest.raises(ValidationError) as info:
        RuleFile.model_validate(doc.data)
    [d] = from_validation_error(info.value, doc, RuleFile)
    assert (d.code, d.path, d.line, d.column) == (
        "range", "indicatoren[0].als.binnen_dagen", 5, 18)


def test_an_unknown_operator_key_is_located_at_the_key(tmp_path: Path) -> None:
    from model_copies import mutated_model, rule_errors

    model = mutated_model(tmp_path, "omg.yaml", "{feit: aantal_incidenten, minimaal: 3}",
                          "{feit: aantal_incidenten, minimal: 3}")
    [d] = rule_errors(model)
    assert (d.code, d.loc[-1], d.suggestion) == ("unknown-key", "minimal", "minimaal")
    assert d.format("en").endswith("unknown key 'minimal' in a fact test; did you mean 'minimaal'?")
