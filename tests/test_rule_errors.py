"""Cross-reference checks, and one test per class of error an analyst can make.

Each error test starts from a copy of the mini model with one deliberate mistake, generated
in tmp_path, and checks the error type, the code, the file, the line and the field path
(never the wording: messages may be reworded and come in two languages).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from model_copies import MINI, mutated_model, rule_errors

from riskmodel import EngineError, ProfileError, RuleError, assess, load_rules
from riskmodel.check.profile import profile_from_text
from riskmodel.check.references import ALLOWED_OPERATORS
from riskmodel.errors import Diagnostic, RiskmodelError, UserInputError
from riskmodel.evaluate.durable.evaluator import DurableEvaluator

PROFILE_HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\n"




def only(diags: list[Diagnostic]) -> Diagnostic:
    assert len(diags) == 1, [d.format() for d in diags]
    return diags[0]


# ---- references ------------------------------------------------------------------------------


class TestReferences:
    def test_unknown_fact_in_condition_with_suggestion(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "{feit: clubhuis_status, is: geen}",
                              "{feit: clubhuis_statu, is: geen}")
        d = only(rule_errors(model))
        assert d.code == "unknown-fact"
        assert d.suggestion == "clubhuis_status"
        assert d.path == "indicatoren[4].als.niet.feit"
        assert Path(d.file).name == "omg.yaml"
        assert (d.line, d.column) == (55, 18)

    def test_unknown_fact_in_an_intervention_gate(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "{feit: kinderen_in_woning, is: true}",
                              "{feit: kinderen_in_huis, is: true}")
        d = only(rule_errors(model))
        assert d.code == "unknown-fact"
        assert d.path == "interventies[1].afwegingen[0].als.feit"

    @pytest.mark.parametrize(
        ("old", "new", "op", "ftype"),
        [
            ("{feit: aantal_incidenten, minimaal: 3}", "{feit: aantal_incidenten, bevat: x}",
             "bevat", "int"),
            ("{feit: drugs_gram, groter_dan: 0.5}", "{feit: drugs_gram, is: 0.5}", "is", "decimal"),
            ("{feit: clubhuis_status, in: [gepland, in_gebruik]}",
             "{feit: clubhuis_status, minimaal: 2}", "minimaal", "enum"),
            ("{feit: laatste_incident, binnen_dagen: 90}",
             "{feit: aangetroffen, binnen_dagen: 90}", "binnen_dagen", "enum_list"),
        ],
        ids=["bevat-on-int", "is-on-decimal", "minimaal-on-enum", "binnen_dagen-on-list"],
    )
    def test_operator_not_allowed_for_type(
        self, tmp_path: Path, old: str, new: str, op: str, ftype: str
    ) -> None:
        d = only(rule_errors(mutated_model(tmp_path, "omg.yaml", old, new)))
        assert d.code == "inconsistent"
        assert d.expected == ", ".join(sorted(ALLOWED_OPERATORS[ftype]))
        assert d.path.endswith(f".{op}")

    def test_every_type_allows_bekend(self) -> None:
        assert all("bekend" in ops for ops in ALLOWED_OPERATORS.values())

    def test_unknown_register_status_in_condition(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "status: verboden}}", "status: verbodn}}")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.suggestion == "verboden"
        assert d.expected == "verboden, onherroepelijk_verboden"
        assert d.path == "indicatoren[3].als.in_register.status"

    def test_unknown_register_status_in_register_item(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "registers.yaml", "{status: verboden, vanaf",
                              "{status: verbodn, vanaf")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.path.endswith("statussen[0].status")
        assert d.suggestion == "verboden"
        assert Path(d.file).name == "registers.yaml"
        assert d.line == 11

    def test_unknown_register(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "register: verboden_organisaties,",
                              "register: verboden_organisatie,")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.path.endswith("in_register.register")
        assert d.suggestion == "verboden_organisaties"

    def test_wrong_enum_value_in_condition(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "in: [gepland, in_gebruik]",
                              "in: [gepland, in_gebruk]")
        d = only(rule_errors(model))
        assert d.code == "unknown-value"
        assert d.suggestion == "in_gebruik"

    def test_unknown_continuation(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "registers.yaml", "voortzetting_van: club_a",
                              "voortzetting_van: club_x")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.path.endswith("voortzetting_van")

    def test_unknown_indicator_in_intervention(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "{indicator: omg_drugs}",
                              "{indicator: omg_drug}")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.suggestion == "omg_drugs"

    def test_unknown_level(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "{niveau: omg, minimaal: T1}",
                              "{niveau: omg, minimaal: T9}")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.path.endswith(".minimaal")
        assert d.expected == "T0, T1, T2, T3"

    def test_indicator_may_not_test_indicators(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "{feit: clubhuis_status, is: geen}",
                              "{indicator: omg_drugs}")
        d = only(rule_errors(model))
        assert d.code == "inconsistent"

    def test_unknown_phenomenon_of_indicator(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "    fenomeen: omg\n    label: {nl: Geweld",
                              "    fenomeen: omgg\n    label: {nl: Geweld")
        d = only(rule_errors(model))
        assert d.code == "unknown-reference"
        assert d.path.endswith(".fenomeen")
        assert d.suggestion == "omg"


# ---- one test per error class ------------------------------------------------------------------


class TestErrorClasses:
    def test_bad_yaml_syntax(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "feiten.yaml", "    type: bool\n", "    type: [bool\n")
        d = only(rule_errors(model))
        assert Path(d.file).name == "feiten.yaml"
        assert d.code == "yaml-syntax"
        assert d.line is not None

    def test_unknown_key(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "feiten.yaml", "    gebruikelijke_bron: politie",
                              "    gebruikelijke_brn: politie")
        d = only(rule_errors(model))
        assert d.code == "unknown-key"
        assert d.suggestion == "gebruikelijke_bron"
        assert (Path(d.file).name, d.line) == ("feiten.yaml", 6)

    def test_wrong_type(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "ladder: 70", "ladder: hoog")
        d = only(rule_errors(model))
        assert d.code == "type"
        assert d.path == "interventies[1].ladder"
        assert d.line == 13

    def test_unknown_fact_type(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "feiten.yaml", "type: decimal", "type: decimaal")
        d = only(rule_errors(model))
        assert d.code == "unknown-value"
        assert d.suggestion == "decimal"

    def test_unknown_fact_id_in_condition(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "{feit: motorclub_aanwezig, is: true}",
                              "{feit: motorclub, is: true}")
        d = only(rule_errors(model))
        assert d.code == "unknown-fact"
        assert d.suggestion == "motorclub_aanwezig"
        assert d.path == "fenomenen[0].poort.als.alle[0].feit"

    def test_personal_data_field_in_profile(self) -> None:
        rules = load_rules(MINI)
        text = PROFILE_HEAD + "feiten:\n  afgeschermd: {waarde: true, bron_detail: {naam: x}}\n"
        with pytest.raises(ProfileError) as info:
            profile_from_text(text, rules, "profiel.yaml")
        d = only(info.value.diagnostics)
        assert d.path == "feiten.afgeschermd.bron_detail.naam"
        assert d.code == "personal-data"
        assert (d.file, d.line) == ("profiel.yaml", 6)

    def test_dates_in_wrong_order(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "geldig_vanaf: 2024-01-01",
                              "geldig_vanaf: 2024-01-01\n    geldig_tot: 2023-12-31")
        d = only(rule_errors(model))
        assert d.code == "date-order"
        assert d.path == "indicatoren[4]"
        assert d.line == 52

    def test_dates_in_wrong_order_in_legal_basis(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "interventies.yaml", "geldig_vanaf: 1999-04-01}",
                              "geldig_vanaf: 1999-04-01, geldig_tot: 1990-01-01}")
        d = only(rule_errors(model))
        assert d.code == "date-order"
        assert d.path == "interventies[1].grondslag[0]"

    def test_dates_in_wrong_order_in_dated_branch_and_register(self, tmp_path: Path) -> None:
        mutated_model(tmp_path, "interventies.yaml", "geldig: {vanaf: 2019-01-01}",
                      "geldig: {vanaf: 2019-01-01, tot: 2018-01-01}")
        model = mutated_model(tmp_path, "registers.yaml", "vanaf: 2022-07-15,",
                              "vanaf: 2022-07-15, tot: 2022-07-14,")
        diags = rule_errors(model)
        assert len(diags) == 2
        assert [d.code for d in diags] == ["date-order", "date-order"]

    def test_equal_dates_are_a_valid_one_day_period(self, tmp_path: Path) -> None:
        model = mutated_model(tmp_path, "omg.yaml", "geldig_vanaf: 2024-01-01",
                              "geldig_vanaf: 2024-01-01\n    geldig_tot: 2024-01-01")
        assert "omg_nieuw" in load_rules(model).indicators

    def test_engine_failure(self) -> None:
        rules = load_rules(MINI)
        evaluator = DurableEvaluator()

        def failing(action_name: str):  # type: ignore[no-untyped-def]
            def action(c: object) -> None:
                raise RuntimeError("kapot")

            return action

        evaluator._record = failing  # type: ignore[method-assign]
        profile = {"id": "p1", "soort": "pand", "gemeente": "Almere",
                   "peildatum": dt.date(2023, 6, 1),
                   "feiten": {"motorclub_aanwezig": True, "afgeschermd": True}}
        with pytest.raises(EngineError) as info:
            assess(profile, rules, engine=evaluator)
        assert "kapot" in str(info.value)
        assert not isinstance(info.value, UserInputError)
        assert isinstance(info.value, RiskmodelError)

    def test_error_hierarchy(self) -> None:
        assert issubclass(RuleError, UserInputError)
        assert issubclass(ProfileError, UserInputError)
        assert issubclass(UserInputError, RiskmodelError)
        assert issubclass(EngineError, RiskmodelError)
        assert not issubclass(EngineError, UserInputError)

    def test_unknown_engine_is_a_user_error(self) -> None:
        rules = load_rules(MINI)
        profile = {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01"}
        with pytest.raises(UserInputError) as info:
            assess(profile, rules, engine="drools")  # type: ignore[arg-type]
        [d] = info.value.diagnostics
        assert (d.code, d.loc, d.suggestion) == ("unknown-engine", ("engine",), None)
        assert "drools" in str(info.value)


def test_the_date_order_message_in_dutch_and_english(tmp_path: Path) -> None:
    model = mutated_model(tmp_path, "omg.yaml", "geldig_vanaf: 2024-01-01",
                          "geldig_vanaf: 2024-01-01\n    geldig_tot: 2023-12-31")
    d = only(rule_errors(model))
    assert d.message == "geldig_tot (2023-12-31) ligt voor geldig_vanaf (2024-01-01)"
    assert d.format("en").endswith(
        "indicatoren[4]: geldig_tot (2023-12-31) lies before geldig_vanaf (2024-01-01)")
