"""The small public API: load, assess. Everything else is an implementation detail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from riskmodel.compile.compiler import compile_model
from riskmodel.compile.ir import CompiledModel
from riskmodel.errors import UserInputError
from riskmodel.evaluate.base import Evaluator
from riskmodel.evaluate.python_engine import PythonEvaluator
from riskmodel.explain.assemble import Assembler
from riskmodel.load import profile as _profile
from riskmodel.load.rules import load_rules
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

EngineName = Literal["durable", "python"]
_ENGINES: dict[str, Evaluator] = {}


def get_evaluator(engine: EngineName | Evaluator = "durable") -> Evaluator:
    """One evaluator per engine per process: durable-rules rulesets are registered once."""
    if isinstance(engine, Evaluator):
        return engine
    if engine not in ("durable", "python"):
        from riskmodel.errors import Diagnostic

        raise UserInputError([Diagnostic("<optie>", None, None, "engine",
                                         f"onbekende engine '{engine}'",
                                         expected="durable of python")])
    if engine not in _ENGINES:
        if engine == "durable":
            from riskmodel.evaluate.durable.evaluator import DurableEvaluator

            _ENGINES[engine] = DurableEvaluator()
        else:
            _ENGINES[engine] = PythonEvaluator()
    return _ENGINES[engine]


def load_profile(source: Path | str | dict[str, Any], rules: RuleSet | None = None, *,
                 peildatum: dt.date | None = None) -> Profile:
    """A profile from a file path or a mapping, validated against the model's vocabulary
    (as of `peildatum` when given, instead of the profile's own date)."""
    rules = rules if rules is not None else load_rules()
    if isinstance(source, dict):
        return _profile.profile_from_data(source, rules, peildatum=peildatum)
    return _profile.load_profile(source, rules, peildatum=peildatum)


def compiled_for(rules: RuleSet, day: dt.date) -> CompiledModel:
    cached = rules.compiled.get(day)
    if cached is None:
        cached = compile_model(rules, day)
        rules.compiled[day] = cached
    assert isinstance(cached, CompiledModel)
    return cached


def assess(
    profile: Profile | Path | str | dict[str, Any],
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: dt.date | None = None,
    engine: EngineName | Evaluator = "durable",
) -> Assessment:
    """Assess one situation as of its peildatum (or the one given) with the chosen engine."""
    if not isinstance(rules, RuleSet):
        rules = load_rules(rules)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, rules, peildatum=peildatum)
    else:
        # A profile built in code is checked like a file would be, as of the assessment date.
        profile = _profile.profile_from_data(profile.model_dump(by_alias=True), rules,
                                             peildatum=peildatum)
    day = profile.peildatum
    evaluator = get_evaluator(engine)
    compiled = compiled_for(rules, day)
    evaluation = evaluator.evaluate(rules, compiled, profile)
    return Assembler(rules, compiled, profile, evaluation, evaluator, day).build()


__all__ = ["assess", "get_evaluator", "load_profile", "load_rules"]
