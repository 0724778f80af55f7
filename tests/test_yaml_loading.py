"""Stage 1: located YAML/JSON reading, diagnostics from pydantic errors, whole-model loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from model_copies import MINI, mutated_model, rule_errors

from riskmodel import load_rules
from riskmodel.errors import Diagnostic, UserInputError, did_you_mean
from riskmodel.load.yamlsource import YamlSyntaxError, parse_text, read_source
from riskmodel.source import format_loc

# ---- yamlsource: positions ---------------------------------------------------------------


class TestPositions:
    TEXT = "a:\n  b: 1\n  c:\n    - x\n    - {d: 2}\ne: tekst\n"

    def test_data_is_plain_python(self) -> None:
        doc = parse_text(self.TEXT, "t.yaml")
        assert doc.data == {"a": {"b": 1, "c": ["x", {"d": 2}]}, "e": "tekst"}

    def test_every_key_and_item_has_line_and_column(self) -> None:
        doc = parse_text(self.TEXT, "t.yaml")
        assert doc.positions[("a",)] == (1, 1)
        assert doc.positions[("a", "b")] == (2, 3)
        assert doc.positions[("a", "c")] == (3, 3)
        assert doc.positions[("a", "c", 0)] == (4, 7)
        assert doc.positions[("a", "c", 1)] == (5, 7)
        assert doc.positions[("a", "c", 1, "d")] == (5, 8)
        assert doc.positions[("e",)] == (6, 1)

    def test_unknown_path_falls_back_to_nearest_parent(self) -> None:
        doc = parse_text(self.TEXT, "t.yaml")
        assert doc.position(("a", "c", 1, "bestaat_niet", 3)) == (5, 8 - 1)
        assert doc.position(("zzz",)) == (1, 1)

    def test_diagnostic_carries_file_line_column_and_path(self) -> None:
        doc = parse_text(self.TEXT, "map/t.yaml")
        d = doc.diagnostic(("a", "c", 1, "d"), "klopt niet", code="invalid", expected="iets",
                           suggestion="dit")
        assert (d.file, d.line, d.column, d.path) == ("map/t.yaml", 5, 8, "a.c[1].d")
        assert (d.code, d.loc) == ("invalid", ("a", "c", 1, "d"))
        assert d.format() == (
            "map/t.yaml:5:8: fout: a.c[1].d: klopt niet (verwacht: iets); bedoelde u 'dit'?"
        )

    def test_format_loc(self) -> None:
        assert format_loc(("indicatoren", 3, "als", "een_van", 0)) == "indicatoren[3].als.een_van[0]"
        assert format_loc(()) == ""

    def test_empty_document_is_none(self) -> None:
        assert parse_text("", "leeg.yaml").data is None
        assert parse_text("# alleen commentaar\n", "leeg.yaml").data is None

    def test_non_string_keys_become_text(self) -> None:
        assert parse_text("1: a\ntrue: b\n", "t.yaml").data == {"1": "a", "true": "b"}


# ---- yamlsource: what is refused ---------------------------------------------------------


class TestRefused:
    def test_duplicate_key_is_an_error_with_both_lines(self) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text("a: 1\nb: 2\na: 3\n", "t.yaml")
        [d] = info.value.diagnostics
        assert (d.code, d.line, d.loc) == ("duplicate-key", 3, ("a",))
        assert "1" in d.message  # names the line of the first occurrence

    def test_every_duplicate_key_is_reported(self) -> None:
        text = "x:\n  a: 1\n  a: 2\ny:\n  - b: 1\n    b: 2\n"
        with pytest.raises(YamlSyntaxError) as info:
            parse_text(text, "t.yaml")
        assert [d.line for d in info.value.diagnostics] == [3, 6]

    def test_duplicate_key_in_json(self) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text('{"a": 1, "a": 2}', "t.json")
        assert info.value.diagnostics[0].code == "duplicate-key"

    @pytest.mark.parametrize(
        "text",
        [
            "x: !!python/name:os.system\n",
            "x: !!python/object:os.system {}\n",
            "x: !!python/object/apply:os.system [\"echo hallo\"]\n",
            "x: !!python/object/new:collections.OrderedDict\n  a: 1\n",
            "!!python/object:argparse.Namespace\na: 1\n",
        ],
        ids=["name-scalar", "object-mapping", "apply-sequence", "new-mapping", "root-object"],
    )
    def test_python_tags_are_refused(self, text: str) -> None:
        # A tag on a mapping or sequence must be refused as well as one on a scalar: the
        # loader promises "only safe YAML tags", and a silently dropped tag hides intent.
        with pytest.raises(YamlSyntaxError) as info:
            parse_text(text, "t.yaml")
        [d] = info.value.diagnostics
        assert d.code == "unsafe-yaml"
        assert d.line is not None

    @pytest.mark.parametrize("text", ["x: .nan\n", "x: .inf\n", "x: -.Inf\n"])
    def test_yaml_nan_and_infinity_are_refused(self, text: str) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text(text, "t.yaml")
        assert info.value.diagnostics[0].code == "type"

    @pytest.mark.parametrize("text", ['{"a": NaN}', '{"a": Infinity}', '{"a": -Infinity}'])
    def test_json_nan_and_infinity_are_refused(self, text: str) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text(text, "profiel.json")
        assert info.value.diagnostics[0].code == "yaml-syntax"

    def test_json_trailing_comma_is_refused_with_position(self) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text('{\n  "a": 1,\n}\n', "profiel.json")
        d = info.value.diagnostics[0]
        assert (d.code, d.line) == ("yaml-syntax", 3)

    def test_valid_json_has_positions(self) -> None:
        doc = parse_text('{\n  "a": {\n    "b": [1, 2]\n  }\n}\n', "t.json")
        assert doc.data == {"a": {"b": [1, 2]}}
        assert doc.positions[("a", "b")] == (3, 5)

    def test_syntax_error_has_line(self) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            parse_text("a: [1, 2\nb: 3\n", "t.yaml")
        d = info.value.diagnostics[0]
        assert (d.code, d.line) == ("yaml-syntax", 2)

    @pytest.mark.parametrize("text", ["d: 2023-13-01\n", "d: 2023-02-30\n"])
    def test_impossible_date_is_a_located_error_not_a_crash(self, text: str) -> None:
        # PyYAML's timestamp constructor raises a bare ValueError for an impossible date;
        # it must become a diagnostic like every other input mistake.
        with pytest.raises(YamlSyntaxError) as info:
            parse_text(text, "t.yaml")
        assert info.value.diagnostics[0].line == 1
        assert info.value.diagnostics[0].code == "type"

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(YamlSyntaxError) as info:
            read_source(tmp_path / "weg.yaml")
        assert info.value.diagnostics[0].code == "not-found"

    def test_invalid_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.yaml"
        path.write_bytes("a: caf\xe9\n".encode("latin-1"))
        with pytest.raises(YamlSyntaxError) as info:
            read_source(path)
        d = info.value.diagnostics[0]
        assert (d.code, d.line, d.column) == ("encoding", 1, 7)

    def test_read_source_keeps_raw_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "a.yaml"
        path.write_bytes(b"a: 1\n")
        assert read_source(path).raw == b"a: 1\n"


# ---- diagnostics ---------------------------------------------------------------------------


class TestDiagnostics:
    def test_unknown_key_says_onbekende_sleutel_with_suggestion_and_line(
        self, tmp_path: Path
    ) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "    punten: 15\n",
                              "    punten: 15\n    toelichtng: {nl: x, en: y}\n")
        [d] = rule_errors(model)
        assert d.code == "unknown-key"
        assert d.suggestion == "toelichting"
        assert d.file.endswith("omg.yaml")
        assert d.line == 36
        assert d.column == 5
        assert d.path == "indicatoren[1].toelichtng"
        assert "bedoelde u 'toelichting'?" in d.format()

    def test_unknown_top_level_section(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "indicatoren:", "indicatorn:")
        diags = rule_errors(model)
        unknown = [d for d in diags if d.code == "unknown-key"]
        assert [(d.path, d.suggestion) for d in unknown] == [("indicatorn", "indicatoren")]

    def test_missing_required_field(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "    punten: 20\n", "")
        [d] = rule_errors(model)
        assert d.code == "missing-key"
        assert d.path == "indicatoren[2]"
        assert d.line == 37

    def test_wrong_type_names_the_value(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "punten: 15", "punten: veel")
        [d] = rule_errors(model)
        assert d.code == "type"
        assert d.path == "indicatoren[1].punten"

    def test_literal_error_suggests_closest_option(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "bevoegd_gezag: [gemeenteraad]",
                              "bevoegd_gezag: [gemeenteraaad]")
        [d] = rule_errors(model)
        assert d.code == "unknown-value"
        assert d.suggestion == "gemeenteraad"

    def test_unknown_operator_suggests_the_closest(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "{feit: aantal_incidenten, minimaal: 3}",
                              "{feit: aantal_incidenten, minimal: 3}")
        [d] = rule_errors(model)
        assert d.code == "unknown-key"
        assert d.suggestion == "minimaal"
        assert d.line == 33

    def test_did_you_mean(self) -> None:
        assert did_you_mean("clubhuis_statu", ["clubhuis_status", "afgeschermd"]) == (
            "clubhuis_status"
        )
        assert did_you_mean("xyz", ["clubhuis_status"]) is None

    def test_user_input_error_sorts_diagnostics_by_place(self) -> None:
        late = Diagnostic("b.yaml", 1, 1, "", "x")
        early = Diagnostic("a.yaml", 9, 1, "", "y")
        no_line = Diagnostic("a.yaml", None, None, "", "z")
        err = UserInputError([late, early, no_line])
        assert err.diagnostics == [no_line, early, late]
        assert str(err).splitlines()[1].startswith("a.yaml:9:1")


# ---- whole-model loading -------------------------------------------------------------------


class TestLoadRules:
    def test_mini_model_loads(self) -> None:
        rules = load_rules(MINI)
        assert rules.manifest.model == "mini"
        assert set(rules.facts) >= {"motorclub_aanwezig", "gelieerde_club", "aangetroffen"}
        assert set(rules.file_hashes) == {"model.yaml", "feiten.yaml", "registers.yaml",
                                          "omg.yaml", "interventies.yaml"}
        assert len(rules.sha256) == 64

    def test_load_rules_accepts_the_manifest_path(self) -> None:
        assert load_rules(MINI / "model.yaml").sha256 == load_rules(MINI).sha256

    def test_every_problem_of_a_file_is_reported_at_once(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "    punten: 10\n", "    puntn: 10\n")
        path = model / "omg.yaml"
        text = path.read_text(encoding="utf-8").replace("punten: 20", "punten: -4")
        path.write_text(text, encoding="utf-8")
        diags = rule_errors(model)
        assert len(diags) == 3, [d.format() for d in diags]
        assert {d.file for d in diags} == {diags[0].file}
        assert sorted(d.code for d in diags) == ["missing-key", "range", "unknown-key"]
        assert any(d.loc[-1] == "puntn" for d in diags)
        assert sum("punten" in d.path for d in diags) == 1

    @pytest.mark.parametrize(
        ("old", "new"),
        [
            ("punten: 15", "punten: -4"),
            ("punten: 15", "punten: 1001"),
            ("bron: [{titel: test}]", "bron: []"),
            ("label: {nl: Geweld, en: Violence}", 'label: {nl: "", en: Violence}'),
        ],
        ids=["below-minimum", "above-maximum", "empty-list", "empty-text"],
    )
    def test_range_and_length_errors_are_dutch(self, tmp_path: Path, old: str, new: str) -> None:
        # Diagnostics are Dutch (load/diagnostics.py); pydantic's English fallback such as
        # "Input should be greater than or equal to 0" must not reach an analyst.
        [d] = rule_errors(mutated_model(tmp_path, "omg.yaml", old, new))
        assert d.code == "range"
        assert not d.format("en").split(": ")[-1].startswith(("Input should", "List should"))
        assert not d.message.startswith(("Input should", "List should", "String should")), d.message

    def test_problems_in_several_files_are_reported_together(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "punten: 15", "punten: veel")
        path = model / "feiten.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("type: date", "type: datum"),
                        encoding="utf-8")
        files = {Path(d.file).name for d in rule_errors(model)}
        assert files == {"omg.yaml", "feiten.yaml"}

    def test_duplicate_id_across_files_points_at_the_first(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "  - id: stopgesprek\n",
                              "  - id: omg\n")
        path = model / "interventies.yaml"
        extra = ("fenomenen:\n  - id: omg\n    label: {nl: x, en: y}\n"
                 "    bron: [{titel: t}]\n"
                 "    niveaus: [{id: A, label: {nl: a, en: a}, drempel: 0},"
                 " {id: B, label: {nl: b, en: b}, drempel: 1}]\n")
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
        diags = [d for d in rule_errors(model) if d.code == "duplicate-id"]
        assert len(diags) == 1
        assert "omg.yaml:2" in diags[0].message

    def test_missing_rule_file_is_named(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "model.yaml", "interventies.yaml]",
                              "interventies.yaml, extra.yaml]")
        diags = rule_errors(model)
        assert any("extra.yaml" in d.format() and d.code == "not-found" for d in diags)

    def test_file_outside_the_model_dir_is_refused(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "model.yaml", "[feiten.yaml,", "[../feiten.yaml,")
        diags = rule_errors(model)
        assert any(d.code == "outside-model" for d in diags)

    def test_syntax_error_in_a_rule_file(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "bron: [{titel: test}]", "bron: [{titel: test}")
        [d] = rule_errors(model)
        assert d.code == "yaml-syntax"
        assert d.file.endswith("omg.yaml")
        assert d.line is not None

    def test_bad_manifest_version(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "model.yaml", "versie: 1.0.0", "versie: een")
        [d] = rule_errors(model)
        assert (d.code, d.path, d.line) == ("pattern", "versie", 2)
