"""Stage 3: compiling a RuleSet for one peildatum. Time is resolved here, never later."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from model_copies import MINI

from riskmodel import ProfileError, assess, load_rules
from riskmodel.check.profile import profile_from_data
from riskmodel.compile.compiler import compile_model, intervention_available, register_members
from riskmodel.compile.encode import encode_profile
from riskmodel.compile.ir import (
    FALSE,
    TRUE,
    UNDECIDED,
    And,
    Atom,
    IndRef,
    LevelRef,
    Not,
    Or,
    facts_in,
    mk_and,
    mk_not,
    mk_or,
)
from riskmodel.evaluate.kleene import Tri, evaluate
from riskmodel.model.rules import Register
from riskmodel.model.ruleset import RuleSet

D = dt.date.fromisoformat


def profile(day: str, **facts: Any) -> dict[str, Any]:
    return {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": day, "feiten": facts}


A = Atom("f_a", "a", "eq", 1)
B = Atom("f_b", "b", "eq", 1)


class TestConstantFolding:
    def test_and(self) -> None:
        assert mk_and([]) == TRUE
        assert mk_and([TRUE, TRUE]) == TRUE
        assert mk_and([A, FALSE, B]) == FALSE
        assert mk_and([TRUE, A]) == A
        assert mk_and([A, TRUE, B]) == And((A, B))

    def test_or(self) -> None:
        assert mk_or([]) == FALSE
        assert mk_or([FALSE, FALSE]) == FALSE
        assert mk_or([A, TRUE, B]) == TRUE
        assert mk_or([FALSE, A]) == A
        assert mk_or([A, FALSE, B]) == Or((A, B))

    def test_not(self) -> None:
        assert mk_not(TRUE) == FALSE
        assert mk_not(FALSE) == TRUE
        assert mk_not(mk_not(A)) == A
        assert mk_not(A) == Not(A)

    def test_nested_same_kind_is_flattened(self) -> None:
        c = Atom("f_c", "c", "eq", 1)
        assert mk_and([A, mk_and([B, c])]) == And((A, B, c))
        assert mk_or([mk_or([A, B]), c]) == Or((A, B, c))

    def test_facts_in(self) -> None:
        assert facts_in(mk_and([A, mk_not(mk_or([B, IndRef("x")]))])) == {"a", "b"}
        assert facts_in(TRUE) == set()


class TestDatedBranches:
    def gate(self, rules: RuleSet, day: str) -> Any:
        [check] = compile_model(rules, D(day)).interventions["sluiting_13b"].gates
        return check.condition

    def test_branch_absent_before_its_start(self, rules: RuleSet) -> None:
        assert self.gate(rules, "2018-12-31") == Atom("f_drugs_gram", "drugs_gram", "gt", 5000)

    def test_branch_present_from_its_start(self, rules: RuleSet) -> None:
        assert self.gate(rules, "2019-01-01") == Or((
            Atom("f_drugs_gram", "drugs_gram", "gt", 5000),
            Atom("f_aangetroffen__drugs", "aangetroffen", "eq", 1),
        ))

    def test_branch_changes_the_outcome(self, rules: RuleSet) -> None:
        facts = {"motorclub_aanwezig": True, "afgeschermd": True, "aangetroffen": ["drugs"],
                 "drugs_gram": 0.1, "kinderen_in_woning": False}
        before = assess(profile("2018-12-31", **facts), rules, engine="python")
        after = assess(profile("2019-01-01", **facts), rules, engine="python")
        iv_before = before.intervention("sluiting_13b")
        iv_after = after.intervention("sluiting_13b")
        assert iv_before is not None and iv_after is not None
        assert iv_before.status == "juridisch_niet_mogelijk"
        assert iv_after.status == "aanbevolen"

    def test_dated_branch_with_end_date(self, rules: RuleSet, tmp_path: Path) -> None:
        # a branch that only exists up to and including `tot`
        import shutil

        target = tmp_path / "model"
        shutil.copytree(MINI, target)
        path = target / "interventies.yaml"
        text = path.read_text(encoding="utf-8").replace(
            "geldig: {vanaf: 2019-01-01}", "geldig: {vanaf: 2019-01-01, tot: 2020-12-31}")
        path.write_text(text, encoding="utf-8")
        changed = load_rules(target)
        assert self.gate(changed, "2020-12-31") == self.gate(rules, "2020-12-31")
        assert self.gate(changed, "2021-01-01") == Atom("f_drugs_gram", "drugs_gram", "gt", 5000)


class TestValidity:
    def test_indicator_only_compiled_when_valid(self, rules: RuleSet) -> None:
        assert "omg_nieuw" not in compile_model(rules, D("2023-12-31")).indicators
        assert "omg_nieuw" in compile_model(rules, D("2024-01-01")).indicators
        assert "omg_nieuw" in compile_model(rules, D("2024-01-01")).phenomena["omg"].indicators

    def test_phenomenon_lists_only_valid_indicators(self, rules: RuleSet) -> None:
        ph = compile_model(rules, D("2023-12-31")).phenomena["omg"]
        assert ph.indicators == ("omg_clubhuis", "omg_drugs", "omg_geweld", "omg_verboden_club")

    def test_instrument_unavailable_after_it_ends(self, rules: RuleSet) -> None:
        iv = rules.interventions["kleurenverbod_apv"]
        assert intervention_available(iv, D("2021-12-23"))
        assert not intervention_available(iv, D("2021-12-24"))
        compiled = compile_model(rules, D("2021-12-24")).interventions["kleurenverbod_apv"]
        assert not compiled.available

    def test_instrument_unavailable_before_its_legal_basis(self, rules: RuleSet) -> None:
        iv = rules.interventions["sluiting_13b"]
        assert not intervention_available(iv, D("1999-03-31"))
        assert intervention_available(iv, D("1999-04-01"))

    def test_unavailable_instrument_has_no_gate_conditions(self, rules: RuleSet) -> None:
        compiled = compile_model(rules, D("2022-01-01"))
        keys = compiled.phase2_conditions()
        assert ("trig", "kleurenverbod_apv") in keys
        assert not [k for k in keys if k[0] != "trig" and k[1] == "kleurenverbod_apv"]


class TestRegisters:
    def condition(self, rules: RuleSet, day: str) -> Any:
        return compile_model(rules, D(day)).indicators["omg_verboden_club"].condition

    def test_no_members_before_the_first_ban_folds_to_false(self, rules: RuleSet) -> None:
        assert self.condition(rules, "2019-05-28") == FALSE

    def test_continuation_inherits_the_ban(self, rules: RuleSet) -> None:
        assert self.condition(rules, "2019-05-29") == Atom(
            "f_gelieerde_club", "gelieerde_club", "in", ("club_a", "club_a_voortzetting"))

    @pytest.mark.parametrize(
        ("day", "club", "status"),
        [
            ("2019-05-28", "club_a_alias", "niet_geraakt"),
            ("2019-05-29", "club_a_alias", "geraakt"),
            ("2019-05-29", "club_a_voortzetting", "geraakt"),
            ("2023-01-01", "club_b", "niet_geraakt"),
        ],
    )
    def test_alias_and_continuation_resolved_by_date(
        self, rules: RuleSet, day: str, club: str, status: str
    ) -> None:
        for engine in ("python", "durable"):
            result = assess(profile(day, gelieerde_club=club), rules, engine=engine)  # type: ignore[arg-type]
            indicator = result.indicator("omg_verboden_club")
            assert indicator is not None
            assert indicator.status == status, engine

    def test_register_members_with_end_dates_and_chains(self) -> None:
        src = {"titel": "test"}
        register = Register.model_validate({
            "id": "r", "label": {"nl": "r", "en": "r"}, "statussen": ["verboden"], "bron": [src],
            "items": [
                {"id": "a", "label": {"nl": "a", "en": "a"}, "statussen": [
                    {"status": "verboden", "vanaf": "2020-01-01", "tot": "2020-12-31",
                     "bron": src}]},
                {"id": "b", "label": {"nl": "b", "en": "b"}, "voortzetting_van": "a"},
                {"id": "c", "label": {"nl": "c", "en": "c"}, "voortzetting_van": "b"},
                {"id": "d", "label": {"nl": "d", "en": "d"}, "voortzetting_van": "e"},
                {"id": "e", "label": {"nl": "e", "en": "e"}, "voortzetting_van": "d"},
            ],
        })
        abc = {"a", "b", "c"}
        assert register_members(register, "verboden", D("2019-12-31")) == (set(), set())
        assert register_members(register, "verboden", D("2020-01-01")) == (abc, abc)
        assert register_members(register, "verboden", D("2020-12-31")) == (abc, abc)
        assert register_members(register, "verboden", D("2021-01-01")) == (set(), set())
        assert register_members(register, "anders", D("2020-06-01")) == (set(), set())

    @pytest.mark.parametrize(
        ("zeker", "day", "expected"),
        [("2021-06-01", "2020-12-31", (set(), set())),
         ("2021-06-01", "2021-01-01", (set(), {"a"})),
         ("2021-06-01", "2021-05-31", (set(), {"a"})),
         ("2021-06-01", "2021-06-01", ({"a"}, {"a"})),
         ("onbekend", "2030-01-01", (set(), {"a"}))],
    )
    def test_register_status_uncertain_until_zeker_vanaf(
        self, zeker: str, day: str, expected: tuple[set[str], set[str]]
    ) -> None:
        src = {"titel": "test"}
        register = Register.model_validate({
            "id": "r", "label": {"nl": "r", "en": "r"}, "statussen": ["verboden"], "bron": [src],
            "items": [{"id": "a", "label": {"nl": "a", "en": "a"}, "statussen": [
                {"status": "verboden", "vanaf": "2021-01-01", "zeker_vanaf": zeker,
                 "bron": src}]}],
        })
        assert register_members(register, "verboden", D(day)) == expected

    def test_uncertain_register_status_makes_the_test_undecided(self) -> None:
        node = mk_and([Atom("x", "x", "in", ("a",)), UNDECIDED])
        assert evaluate(node, {"x": "a"}) is Tri.UNKNOWN
        assert evaluate(node, {"x": "b"}) is Tri.FALSE
        assert evaluate(mk_not(node), {"x": "a"}) is Tri.UNKNOWN


class TestBinnenDagen:
    @pytest.mark.parametrize(
        ("days_before", "expected"),
        [(-1, Tri.FALSE), (0, Tri.TRUE), (45, Tri.TRUE), (90, Tri.TRUE), (91, Tri.FALSE)],
    )
    def test_window_is_inclusive_on_both_ends(
        self, rules: RuleSet, days_before: int, expected: Tri
    ) -> None:
        day = D("2023-06-01")
        condition = compile_model(rules, day).indicators["omg_geweld"].condition
        assert isinstance(condition, Or)
        window = condition.children[1]
        assert facts_in(window) == {"laatste_incident"}
        incident = (day - dt.timedelta(days=days_before)).isoformat()
        p = profile_from_data(profile(day.isoformat(), laatste_incident=incident), rules)
        assert evaluate(window, encode_profile(p, rules)) is expected
        assert evaluate(window, {}) is Tri.UNKNOWN

    @pytest.mark.parametrize(
        ("incident", "status"),
        [("2023-03-02", "niet_geraakt"), ("2023-03-03", "geraakt"), ("2023-06-01", "geraakt"),
         ("2023-06-02", "niet_geraakt")],
    )
    def test_boundaries(self, rules: RuleSet, incident: str, status: str) -> None:
        for engine in ("python", "durable"):
            result = assess(profile("2023-06-01", laatste_incident=incident,
                                    aantal_incidenten=0), rules, engine=engine)  # type: ignore[arg-type]
            indicator = result.indicator("omg_geweld")
            assert indicator is not None
            assert indicator.status == status, engine


class TestEncoding:
    def test_values_are_encoded_once_for_both_engines(self, rules: RuleSet) -> None:
        p = profile_from_data(profile("2023-06-01", motorclub_aanwezig=True, afgeschermd=False,
                                      drugs_gram=1.25, laatste_incident="2023-05-01",
                                      aangetroffen=["wapens"], gelieerde_club="club_a_alias",
                                      clubhuis_status="onbekend"), rules)
        env = encode_profile(p, rules)
        assert {k: v for k, v in env.items() if k.startswith("f_")} == {
            "f_motorclub_aanwezig": 1, "f_afgeschermd": 0, "f_drugs_gram": 12500,
            "f_laatste_incident": D("2023-05-01").toordinal(),
            "f_aangetroffen__drugs": 0, "f_aangetroffen__wapens": 1,
            "f_aangetroffen__contant_geld": 0, "f_gelieerde_club": "club_a",
        }

    def test_compiled_constants_use_the_same_encoding(self, rules: RuleSet) -> None:
        compiled = compile_model(rules, D("2023-06-01"))
        assert compiled.indicators["omg_clubhuis"].condition == Atom(
            "f_clubhuis_status", "clubhuis_status", "in", ("gepland", "in_gebruik"))
        assert compiled.phenomena["omg"].gate == And((
            Atom("f_motorclub_aanwezig", "motorclub_aanwezig", "eq", 1),
            Atom("f_afgeschermd", "afgeschermd", "eq", 1),
        ))
        assert compiled.interventions["stopgesprek"].trigger == LevelRef("omg", 1, "T1")
        assert compiled.interventions["sluiting_13b"].trigger == IndRef("omg_drugs")

    def test_decimal_precision_is_never_silently_lost(self, rules: RuleSet) -> None:
        # drugs_gram > 0.5 with 0.50001 gram: the value must either be refused as too
        # precise or compared exactly; scaling to 1/10000 and rounding makes it 0.5 and
        # turns a hit into a miss without telling anyone.
        data = profile("2023-06-01", motorclub_aanwezig=True, afgeschermd=True,
                       aangetroffen=[], drugs_gram=0.50001)
        try:
            result = assess(data, rules, engine="python")
        except ProfileError:
            return
        indicator = result.indicator("omg_drugs")
        assert indicator is not None
        assert indicator.status == "geraakt"

    def test_compilation_is_cached_per_peildatum(self, rules: RuleSet) -> None:
        assess(profile("2023-06-01"), rules, engine="python")
        first = rules.compiled[D("2023-06-01")]
        assess(profile("2023-06-01"), rules, engine="python")
        assert rules.compiled[D("2023-06-01")] is first
