"""The durable-rules evaluator: T/P rule translation, engine limits, failures, sessions."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, ClassVar

import pytest
from model_copies import MINI

from riskmodel import EngineError, assess, load_rules
from riskmodel.compile.ir import FALSE, TRUE, And, Atom, IndRef, LevelRef, Node, Not, Or
from riskmodel.evaluate.durable.evaluator import DurableEvaluator, _Engine
from riskmodel.evaluate.durable.limits import MAX_RULES_PER_FACT, TYPE_ATTR, check_plan
from riskmodel.evaluate.durable.plan import DurablePlan, DurableRuleset
from riskmodel.evaluate.durable.translate import (
    indicator_attr,
    level_attrs,
    plan_phase,
    translate,
)
from riskmodel.evaluate.kleene import Derived, Tri, evaluate
from riskmodel.evaluate.python_engine import PythonEvaluator
from riskmodel.model.ruleset import RuleSet

T, F, U = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN


@pytest.fixture(scope="module")
def durable() -> DurableEvaluator:
    return DurableEvaluator()


def profile(day: str = "2023-06-01", **facts: Any) -> dict[str, Any]:
    return {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": day, "feiten": facts}


def same_result(rules: RuleSet, data: dict[str, Any], evaluator: DurableEvaluator) -> None:
    got = json.loads(assess(data, rules, engine=evaluator).to_json())
    want = json.loads(assess(data, rules, engine="python").to_json())
    for side in (got, want):
        side["receipt"].pop("engine")
        side["receipt"].pop("engine_version")
    assert got == want


# ---- translation into T and P rules ---------------------------------------------------------


class TestTranslate:
    ATOM = Atom("f_a", "a", "ge", 3)

    def test_atom_four_forms(self) -> None:
        ex, nex = {"$ex": {"f_a": 1}}, {"$nex": {"f_a": 1}}
        assert translate(self.ATOM, "T") == {"$and": [ex, {"$gte": {"f_a": 3}}]}
        assert translate(self.ATOM, "F") == {"$and": [ex, {"$lt": {"f_a": 3}}]}
        assert translate(self.ATOM, "P") == {"$or": [nex, {"$gte": {"f_a": 3}}]}
        assert translate(self.ATOM, "Q") == {"$or": [nex, {"$lt": {"f_a": 3}}]}

    def test_negation_is_pushed_to_the_atoms(self) -> None:
        assert translate(Not(self.ATOM), "T") == translate(self.ATOM, "F")
        assert translate(Not(self.ATOM), "P") == translate(self.ATOM, "Q")

    def test_known_is_two_valued(self) -> None:
        known = Atom("f_a", "a", "known")
        assert translate(known, "T") == translate(known, "P") == {"$ex": {"f_a": 1}}
        assert translate(known, "F") == translate(known, "Q") == {"$nex": {"f_a": 1}}

    def test_in_and_not_in(self) -> None:
        atom = Atom("f_e", "e", "in", ("x", "y"))
        assert translate(atom, "T") == {"$and": [{"$ex": {"f_e": 1}},
                                                 {"$or": [{"f_e": "x"}, {"f_e": "y"}]}]}
        assert translate(atom, "F") == {"$and": [{"$ex": {"f_e": 1}}, {"$neq": {"f_e": "x"}},
                                                 {"$neq": {"f_e": "y"}}]} or translate(
            atom, "F") == {"$and": [{"$ex": {"f_e": 1}},
                                    {"$and": [{"$neq": {"f_e": "x"}}, {"$neq": {"f_e": "y"}}]}]}

    def test_constants(self) -> None:
        assert translate(TRUE, "T") is True
        assert translate(TRUE, "F") is False
        assert translate(FALSE, "P") is False
        assert translate(FALSE, "Q") is True

    def test_derived_references(self) -> None:
        a = indicator_attr("i1")
        assert translate(IndRef("i1"), "T") == {a: 2}
        assert translate(IndRef("i1"), "P") == {"$gte": {a: 1}}
        nz, nm = level_attrs("omg")
        assert translate(LevelRef("omg", 2, "T2"), "T") == {"$gte": {nz: 2}}
        assert translate(LevelRef("omg", 2, "T2"), "P") == {"$gte": {nm: 2}}

    def test_and_or_duality(self) -> None:
        b = Atom("f_b", "b", "eq", 1)
        both = And((self.ATOM, b))
        either = Or((self.ATOM, b))
        # nested junctions of the same kind are flattened (each costs expression slots, 113)
        assert translate(both, "T") == {"$and": [*translate(self.ATOM, "T")["$and"],
                                                 *translate(b, "T")["$and"]]}
        assert translate(both, "F") == {"$or": [translate(self.ATOM, "F"), translate(b, "F")]}
        assert translate(either, "P") == {"$or": [*translate(self.ATOM, "P")["$or"],
                                                  *translate(b, "P")["$or"]]}


class TestPlan:
    CONDITIONS: ClassVar[dict[tuple[str, ...], Node]] = {
        ("ind", "a"): Atom("f_a", "a", "eq", 1),
        ("ind", "nooit"): FALSE,
        ("ind", "altijd"): TRUE,
    }

    def test_two_rules_per_condition_false_ones_dropped(self) -> None:
        plan = plan_phase("feiten", "profiel", self.CONDITIONS)
        modes = sorted(m for rs in plan.rulesets for (_, m) in rs.rules.values())
        keys = {k for rs in plan.rulesets for (k, _) in rs.rules.values()}
        assert modes == ["P", "P", "T", "T"]
        assert keys == {("ind", "a"), ("ind", "altijd")}

    def test_every_pattern_has_a_type_discriminator(self, rules: RuleSet) -> None:
        from riskmodel.api import compiled_for

        compiled = compiled_for(rules, dt.date(2023, 6, 1))
        for phase, conds in (("feiten", compiled.phase1_conditions()),
                             ("interventies", compiled.phase2_conditions())):
            plan = plan_phase(phase, "x", conds)
            assert check_plan(plan) == []
            for rs in plan.rulesets:
                for rule in rs.definition.values():
                    pattern = rule["all"][0]["m"]
                    assert pattern == {TYPE_ATTR: "x"} or pattern["$and"][0] == {TYPE_ATTR: "x"}

    def test_names_are_content_hashes(self) -> None:
        a = plan_phase("feiten", "profiel", self.CONDITIONS)
        b = plan_phase("feiten", "profiel", dict(reversed(list(self.CONDITIONS.items()))))
        assert [r.name for r in a.rulesets] == [r.name for r in b.rulesets]
        changed = dict(self.CONDITIONS)
        changed[("ind", "a")] = Atom("f_a", "a", "eq", 0)
        c = plan_phase("feiten", "profiel", changed)
        assert [r.name for r in a.rulesets] != [r.name for r in c.rulesets]

    def test_rules_are_chunked(self) -> None:
        many: dict[tuple[str, ...], Node] = {
            ("ind", f"i{n}"): Atom(f"f_{n}", f"x{n}", "eq", 1) for n in range(100)
        }
        plan = plan_phase("feiten", "profiel", many)
        assert len(plan.rulesets) > 1
        assert all(len(rs.definition) <= MAX_RULES_PER_FACT for rs in plan.rulesets)
        assert sum(len(rs.rules) for rs in plan.rulesets) == 200
        assert check_plan(plan) == []

    def test_every_ruleset_handles_every_fact(self) -> None:
        # A sentinel rule matching only the type discriminator: an assert that matches no
        # real rule would otherwise raise MessageNotHandledException, after which
        # delete_state crashes the C core.
        plan = plan_phase("feiten", "profiel", {("ind", "a"): Atom("f_a", "a", "eq", 1)})
        for rs in plan.rulesets:
            patterns = [rule["all"][0]["m"] for rule in rs.definition.values()]
            assert {TYPE_ATTR: "profiel"} in patterns

    def test_check_plan_flags_missing_discriminator(self) -> None:
        bad = DurableRuleset("rm_x", {"r": {"all": [{"m": {"$nex": {"f_a": 1}}}], "run": "r"}},
                             {"r": (("ind", "a"), "P")})
        assert any("typediscriminator" in p for p in check_plan(DurablePlan("feiten", "p", [bad])))

    def test_check_plan_flags_too_many_rules(self) -> None:
        definition = {
            f"c{n}": {"all": [{"m": {"$and": [{TYPE_ATTR: "p"}, {"f_a": n % 3}]}}],
                      "run": f"c{n}"}
            for n in range(MAX_RULES_PER_FACT + 1)
        }
        big = DurableRuleset("rm_big", definition,
                             {name: (("ind", name), "T") for name in definition})
        assert any("fout 303" in p for p in check_plan(DurablePlan("feiten", "p", [big])))


# ---- the durable engine agrees with Kleene logic ------------------------------------------------


def leaf(value: Tri, name: str) -> Node:
    if value is T:
        return Atom(f"f_{name}", name, "eq", 1)
    if value is F:
        return Atom(f"f_{name}", name, "eq", 0)
    return Atom(f"f_{name}_ontbreekt", name, "eq", 1)


def test_truth_tables_match_kleene(durable: DurableEvaluator) -> None:
    env: dict[str, int | str] = {"f_x": 1, "f_y": 1}
    conditions: dict[tuple[str, ...], Node] = {}
    for a, b in itertools.product((T, F, U), repeat=2):
        x, y = leaf(a, "x"), leaf(b, "y")
        tag = f"{a.name}_{b.name}"
        conditions[("and", tag)] = And((x, y))
        conditions[("or", tag)] = Or((x, y))
        conditions[("nand", tag)] = Not(And((x, y)))
        conditions[("nor", tag)] = Not(Or((x, y)))
    for a in (T, F, U):
        conditions[("not", a.name)] = Not(leaf(a, "x"))
        conditions[("leaf", a.name)] = leaf(a, "x")
    got = durable.decide("feiten", conditions, env, None)
    want = {k: evaluate(node, env) for k, node in conditions.items()}
    assert got == want


def test_derived_references_match_kleene(durable: DurableEvaluator) -> None:
    derived = Derived(indicators={"a": T, "b": F, "c": U}, levels={"omg": (1, 3)})
    conditions: dict[tuple[str, ...], Node] = {("trig", i): IndRef(i) for i in "abc"}
    conditions.update({("trig", f"lvl{r}"): LevelRef("omg", r, f"T{r}") for r in range(4)})
    conditions[("trig", "niet_c")] = Not(IndRef("c"))
    got = durable.decide("interventies", conditions, {}, derived)
    assert got == {k: evaluate(n, {}, derived) for k, n in conditions.items()}
    assert got[("trig", "lvl1")] is T and got[("trig", "lvl2")] is U


# ---- whole assessments -------------------------------------------------------------------------


class TestAssessments:
    def test_nothing_matches_is_a_normal_outcome(self, rules: RuleSet) -> None:
        # Every fact known and nothing wrong: durable-rules matches no rule at all in the
        # intervention phase. That must give the same (empty) result as the reference, not
        # an EngineError - and not a crash of the C core, which is why this runs in a
        # child process: a segfault there must fail this test, not kill the test run.
        days = ["1999-03-31", "2018-06-01", "2023-06-01", "2024-01-01"]
        facts = dict(motorclub_aanwezig=False, afgeschermd=False, clubhuis_status="geen",
                     aantal_incidenten=0, drugs_gram=0, laatste_incident="2010-01-01",
                     aangetroffen=[], gelieerde_club="club_b", kinderen_in_woning=False)
        script = textwrap.dedent(f"""
            import json
            from riskmodel import assess, load_rules
            rules = load_rules({str(MINI)!r})
            out = {{}}
            for run in range(3):
                for day in {days!r}:
                    data = {{"id": "p1", "soort": "pand", "gemeente": "Almere",
                            "peildatum": day, "feiten": {facts!r}}}
                    out[day] = json.loads(assess(data, rules, engine="durable").to_json())
            print(json.dumps(out))
        """)
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=120, check=False)
        assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
        got = json.loads(proc.stdout)
        for day in days:
            want = json.loads(assess(profile(day, **facts), rules, engine="python").to_json())
            assert want["interventions"] == []
            for side in (got[day], want):
                side["receipt"].pop("engine")
                side["receipt"].pop("engine_version")
            assert got[day] == want

    def test_empty_profile(self, rules: RuleSet, durable: DurableEvaluator) -> None:
        same_result(rules, profile(), durable)

    def test_full_profile(self, rules: RuleSet, durable: DurableEvaluator) -> None:
        data = profile(motorclub_aanwezig=True, afgeschermd=True, clubhuis_status="in_gebruik",
                       aantal_incidenten=5, drugs_gram=12.5, laatste_incident="2023-05-01",
                       aangetroffen=["drugs", "wapens"], gelieerde_club="club_a_alias",
                       kinderen_in_woning=True)
        result = assess(data, rules, engine=durable)
        assert result.receipt.engine == "durable"
        assert result.phenomenon("omg").level.id == "T3"
        same_result(rules, data, durable)

    def test_sessions_are_deleted(self, rules: RuleSet) -> None:
        evaluator = DurableEvaluator()
        assess(profile(motorclub_aanwezig=True), rules, engine=evaluator)
        assert evaluator._fired == {}
        used = next(evaluator._sessions) - 1
        assert used >= 2
        for name in evaluator._registered:
            for sid in range(1, used + 1):
                with pytest.raises(Exception, match="309"):
                    evaluator._host.get_state(name, str(sid))

    def test_rulesets_are_registered_once(self, rules: RuleSet) -> None:
        evaluator = DurableEvaluator()
        assess(profile("2023-06-01"), rules, engine=evaluator)
        registered = set(evaluator._registered)
        assess(profile("2023-06-02", afgeschermd=True), rules, engine=evaluator)
        assert evaluator._registered == registered


# ---- failures ----------------------------------------------------------------------------------


class TestFailures:
    def test_error_inside_an_action_becomes_engine_error(self, rules: RuleSet,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
        def exploding(self: _Engine, action_name: str) -> Any:
            def action(c: Any) -> None:
                raise ZeroDivisionError("deling door nul in actie")

            return action

        monkeypatch.setattr(_Engine, "_record", exploding)
        evaluator = DurableEvaluator(engine=_Engine())
        with pytest.raises(EngineError, match="deling door nul"):
            assess(profile(motorclub_aanwezig=True, afgeschermd=True), rules, engine=evaluator)

    def test_failure_is_never_an_empty_result(self, rules: RuleSet,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        evaluator = DurableEvaluator(engine=_Engine())

        def broken_assert(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("C-kern weg")

        evaluator._ensure_host()
        monkeypatch.setattr(evaluator._host, "assert_fact", broken_assert)
        with pytest.raises(EngineError, match="C-kern weg"):
            assess(profile(), rules, engine=evaluator)

    def test_too_many_rules_in_one_ruleset(self, tmp_path: Path) -> None:
        model = generated_model(tmp_path, indicators=40)
        rules = load_rules(model)
        data = {"id": "p1", "soort": "pand", "gemeente": "X", "peildatum": "2023-06-01",
                "feiten": {"f0": 1}}
        # even a generous rules-per-ruleset cap cannot push a ruleset past the alpha budget
        assess(data, rules, engine=DurableEvaluator(rules_per_ruleset=200))
        # the default chunking keeps the same model within the limits, and correct
        result = assess(data, rules, engine=DurableEvaluator())
        reference = assess(data, rules, engine=PythonEvaluator())
        assert [i.status for i in result.indicators] == [i.status for i in reference.indicators]
        assert result.phenomenon("gen").score.certain == 40


class TestLargeVocabulary:
    def test_fact_with_more_than_254_attributes(self, tmp_path: Path) -> None:
        # The C core refuses a fact with more than 254 properties (error 302,
        # ERR_EVENT_MAX_PROPERTIES). A model with a large vocabulary (list facts expand to one
        # attribute per value; phase 2 adds one per indicator and two per phenomenon) must
        # still be assessed: assert only the attributes a ruleset's rules refer to.
        root = tmp_path / "groot"
        root.mkdir()
        (root / "model.yaml").write_text(
            "model: groot\nversie: 0.0.1\nlabel: {nl: g, en: g}\n"
            "bestanden: [model_inhoud.yaml]\n", encoding="utf-8")
        values = ", ".join(f"w{n}" for n in range(300))
        (root / "model_inhoud.yaml").write_text(
            "feiten:\n"
            f"  - {{id: lijst, type: enum_list, label: {{nl: l, en: l}}, waarden: [{values}]}}\n"
            "fenomenen:\n  - id: gen\n    label: {nl: g, en: g}\n    bron: [{titel: t}]\n"
            "    niveaus:\n      - {id: laag, label: {nl: l, en: l}, drempel: 0}\n"
            "      - {id: hoog, label: {nl: h, en: h}, drempel: 1}\n"
            "indicatoren:\n"
            "  - {id: i0, fenomeen: gen, label: {nl: i, en: i}, als: {feit: lijst, bevat: w7},"
            " punten: 1, bron: [{titel: t}]}\n", encoding="utf-8")
        rules = load_rules(root)
        data = {"id": "p1", "soort": "pand", "gemeente": "X", "peildatum": "2023-06-01",
                "feiten": {"lijst": ["w7", "w250"]}}
        same_result(rules, data, DurableEvaluator())
        result = assess(data, rules, engine=DurableEvaluator())
        assert result.phenomenon("gen").level.id == "hoog"


def generated_model(root: Path, indicators: int) -> Path:
    """Many indicators on one condition: few distinct conditions, many rules per ruleset."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "model.yaml").write_text(
        "model: gegenereerd\nversie: 0.0.1\nlabel: {nl: g, en: g}\n"
        "bestanden: [feiten.yaml, fenomeen.yaml]\n", encoding="utf-8")
    facts = "".join(f"  - {{id: f{n}, type: int, label: {{nl: f{n}, en: f{n}}}}}\n"
                    for n in range(indicators))
    (root / "feiten.yaml").write_text("feiten:\n" + facts, encoding="utf-8")
    inds = "".join(
        f"  - {{id: i{n}, fenomeen: gen, label: {{nl: i{n}, en: i{n}}}, "
        f"als: {{feit: f0, minimaal: 1}}, punten: 1, bron: [{{titel: t}}]}}\n"
        for n in range(indicators))
    (root / "fenomeen.yaml").write_text(
        "fenomenen:\n  - id: gen\n    label: {nl: g, en: g}\n    bron: [{titel: t}]\n"
        "    niveaus:\n      - {id: laag, label: {nl: l, en: l}, drempel: 0}\n"
        "      - {id: hoog, label: {nl: h, en: h}, drempel: 5}\n"
        "indicatoren:\n" + inds, encoding="utf-8")
    return root
