"""The public API: load, check, assess; one situation or many.

This is where the stages meet: loading reads files, the check stage validates references and
refuses personal data, compiling and evaluating decide, explaining builds the Assessment.
Nothing below this module calls a later stage.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from riskmodel.check.kinds import profile_kind_warnings
from riskmodel.check.profile import profile_from_data, profile_from_doc
from riskmodel.check.references import check_references
from riskmodel.compile.compiler import compile_model
from riskmodel.compile.ir import CompiledModel
from riskmodel.errors import (
    Diagnostic,
    DiagnosticList,
    EngineError,
    ProfileError,
    RuleError,
    UserInputError,
    did_you_mean,
    make_diagnostic,
    msg,
)
from riskmodel.evaluate.base import Evaluation, Evaluator
from riskmodel.evaluate.generated import CompiledEvaluator
from riskmodel.evaluate.python_engine import PythonEvaluator
from riskmodel.explain.assemble import Assembler, profile_sha256
from riskmodel.load.files import PROFILE_SUFFIXES, expand_inputs
from riskmodel.load.rules import gc_paused, read_bundled_model, read_model
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.model.assessment import Assessment
from riskmodel.model.identity import IdentityMap
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import display_path

EngineName = Literal["compiled", "durable", "python"]
#: compiled: generated code (default, fastest); durable: the durable-rules Rete engine (the
#: independent check); python: the Kleene interpreter (the executable specification)
ENGINE_NAMES: tuple[EngineName, ...] = ("compiled", "durable", "python")
DEFAULT_ENGINE: EngineName = "compiled"
DateLike = dt.date | str

_ENGINES: dict[str, Evaluator] = {}
_BUNDLED_CHECKED: list[bool] = []
_BUNDLED_LOCK = threading.Lock()


def load_rules(path: Path | str | None = None) -> RuleSet:
    """Load and check a model; without a path, the bundled model (loaded once per process).

    Raises RuleError listing every problem found (schema, duplicates, references).
    """
    with gc_paused():
        if path is None:
            bundled = read_bundled_model()
            with _BUNDLED_LOCK:
                if not _BUNDLED_CHECKED:
                    _check(bundled)
                    _BUNDLED_CHECKED.append(True)
            return bundled
        return _check(read_model(Path(path)))


def _check(ruleset: RuleSet) -> RuleSet:
    diags = DiagnosticList()
    diags.extend(check_references(ruleset))
    diags.raise_if_any(RuleError)
    return ruleset


def as_date(value: DateLike | None, name: str = "peildatum") -> dt.date | None:
    """A date from a date or an ISO string (JJJJ-MM-DD); anything else is a user error."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise UserInputError([make_diagnostic("<argument>", None, None, name,
                                          msg("arg.bad_date", value=repr(value)),
                                          expected=msg("exp.date"), code="type", loc=(name,))])


def get_evaluator(engine: EngineName | Evaluator = DEFAULT_ENGINE) -> Evaluator:
    """One evaluator per engine per process: durable-rules rulesets are registered once."""
    if isinstance(engine, Evaluator):
        return engine
    if engine not in ENGINE_NAMES:
        raise UserInputError([make_diagnostic("<argument>", None, None, "engine",
                                              msg("arg.unknown_engine", engine=engine),
                                              expected=", ".join(ENGINE_NAMES),
                                         suggestion=did_you_mean(str(engine), ENGINE_NAMES),
                                         code="unknown-engine", loc=("engine",))])
    if engine not in _ENGINES:
        if engine == "durable":
            from riskmodel.evaluate.durable.evaluator import DurableEvaluator

            _ENGINES[engine] = DurableEvaluator()
        elif engine == "compiled":
            _ENGINES[engine] = CompiledEvaluator()
        else:
            _ENGINES[engine] = PythonEvaluator()
    return _ENGINES[engine]


def load_profile(source: Path | str | dict[str, Any], rules: RuleSet | None = None, *,
                 peildatum: DateLike | None = None) -> Profile:
    """A profile from a file path or a mapping, validated against the model's vocabulary
    (as of `peildatum` when given, instead of the profile's own date)."""
    rules = rules if rules is not None else load_rules()
    day = as_date(peildatum)
    if isinstance(source, dict):
        profile = profile_from_data(source, rules, peildatum=day)
    else:
        try:
            doc = read_source(Path(source))
        except YamlSyntaxError as exc:
            raise ProfileError(exc.diagnostics) from None
        profile = profile_from_doc(doc, rules, peildatum=day)
    _remember_valid(rules, profile, profile_sha256(profile))
    return profile


# Profiles this process validated, per rule set: id(profile) -> (weak reference, SHA-256 of
# its canonical form when validated). assess() validates a Profile passed in again (it may
# have been built in code, or validated against other rules) unless it is the very object
# validated here against these rules, its content unchanged (same hash; the hash is needed
# for the receipt anyway) and its peildatum the one asked for. Re-validating costs about as
# much as the whole assessment.
_VALID_KEY = "validated_profiles"


def _valid_profiles(rules: RuleSet) -> IdentityMap[str]:
    found = rules.cache.get(_VALID_KEY)
    if found is None:
        found = rules.cache.setdefault(_VALID_KEY, IdentityMap[str]())
    assert isinstance(found, IdentityMap)
    return found


def _remember_valid(rules: RuleSet, profile: Profile, sha: str) -> None:
    _valid_profiles(rules).put(profile, sha)


def _checked_profile(profile: Profile, rules: RuleSet, day: dt.date | None) -> tuple[Profile, str]:
    """The profile validated against these rules as of `day`, and its hash."""
    sha = profile_sha256(profile)
    if (_valid_profiles(rules).value_of(profile) == sha
            and (day is None or day == profile.peildatum)):
        return profile, sha
    # A profile built in code is checked like a file would be, as of the assessment date.
    checked = profile_from_data(profile.model_dump(by_alias=True), rules, peildatum=day)
    checked_sha = profile_sha256(checked)
    _remember_valid(rules, checked, checked_sha)
    if checked_sha == sha:  # validation changed nothing: the object passed in is valid too
        _remember_valid(rules, profile, sha)
    return checked, checked_sha


def compiled_for(rules: RuleSet, day: dt.date) -> CompiledModel:
    """The compiled model for one peildatum, cached on the rule set."""
    cached = rules.compiled.get(day)
    if cached is None:
        with gc_paused():
            cached = compile_model(rules, day)
        rules.compiled[day] = cached
    assert isinstance(cached, CompiledModel)
    return cached


def _rules(rules: RuleSet | Path | str | None) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else load_rules(rules)


def assess(
    profile: Profile | Path | str | dict[str, Any],
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: DateLike | None = None,
    engine: EngineName | Evaluator = DEFAULT_ENGINE,
    verify: bool = False,
    texts: bool = False,
    find_out: bool = False,
) -> Assessment:
    """Assess one situation as of its peildatum (or the one given) with the chosen engine.

    With `verify`, durable-rules (or, when it is the chosen engine, the compiled engine)
    decides the same conditions independently, and any difference raises EngineError.
    With `texts`, the names, questions and reasons the assessment refers to are included
    (section `texts`); otherwise reports take them from the model. With `find_out`, the
    unknown facts are ranked by the outcomes knowing them could change (section `find_out`):
    on request because it re-evaluates every unknown fact's values, several times the cost
    of the assessment itself (the CLI's text and HTML reports and the workbench ask for it).
    """
    return _assembler(profile, rules, peildatum, engine, verify).build(
        with_texts=texts, rank_unknowns=find_out)


def assess_json(
    profile: Profile | Path | str | dict[str, Any],
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: DateLike | None = None,
    engine: EngineName | Evaluator = DEFAULT_ENGINE,
    verify: bool = False,
    texts: bool = False,
    find_out: bool = False,
) -> str:
    """`assess(...).to_json()`, byte for byte, for callers that want the document and not
    the objects (the HTTP API, a queue, a file): the sections are made as plain JSON objects
    and written by orjson, which takes about two thirds of the time (docs/performance.md)."""
    assembler = _assembler(profile, rules, peildatum, engine, verify)
    if texts:  # the texts are read from the objects: the object path
        return assembler.build(with_texts=True, rank_unknowns=find_out).to_json()
    return assembler.build_json(rank_unknowns=find_out)


def _assembler(profile: Profile | Path | str | dict[str, Any],
               rules: RuleSet | Path | str | None, peildatum: DateLike | None,
               engine: EngineName | Evaluator, verify: bool) -> Assembler:
    """Validate (unless done already), evaluate and, with `verify`, cross-check: what every
    assessment does before its output is made."""
    rules = _rules(rules)
    day = as_date(peildatum)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, rules, peildatum=day)
    profile, sha = _checked_profile(profile, rules, day)
    evaluator = get_evaluator(engine)
    compiled = compiled_for(rules, profile.peildatum)
    evaluation = evaluator.evaluate(rules, compiled, profile)
    if verify:
        other = get_evaluator("compiled" if evaluator.name == "durable" else "durable")
        _same_or_raise(evaluator, evaluation, other, other.evaluate(rules, compiled, profile))
    return Assembler(rules, compiled, profile, evaluation, evaluator, profile.peildatum,
                     profile_sha=sha)


def _same_or_raise(a: Evaluator, ea: Evaluation, b: Evaluator, eb: Evaluation) -> None:
    diffs = [f"{'/'.join(k)}: {a.name} {ea.phase1[k].value}, {b.name} {eb.phase1.get(k)}"
             for k in ea.phase1 if ea.phase1[k] is not eb.phase1.get(k)]
    diffs += [f"{'/'.join(k)}: {a.name} {ea.phase2[k].value}, {b.name} {eb.phase2.get(k)}"
              for k in ea.phase2 if ea.phase2[k] is not eb.phase2.get(k)]
    if diffs or ea.derived.levels != eb.derived.levels:
        raise EngineError(f"engines {a.name} en {b.name} verschillen: " + "; ".join(diffs[:10])
                          + (f" (en {len(diffs) - 10} meer)" if len(diffs) > 10 else ""))


@dataclass
class Outcome:
    """The result for one input of `assess_many`: an assessment or the reasons there is none."""

    source: str
    assessment: Assessment | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.assessment is not None


def assess_many(
    sources: Iterable[Profile | Path | str | dict[str, Any]],
    rules: RuleSet | Path | str | None = None,
    *,
    peildatum: DateLike | None = None,
    engine: EngineName | Evaluator = DEFAULT_ENGINE,
    verify: bool = False,
    texts: bool = False,
    find_out: bool = False,
) -> list[Outcome]:
    """Assess many situations; one bad input never stops the others.

    Paths may be files or directories (their profile files, sorted, hidden files skipped).
    Every input gets exactly one Outcome, in input order; a profile id seen before is refused
    (two situations must not share an id, or their outputs would overwrite each other).
    """
    rules = _rules(rules)
    day = as_date(peildatum)
    evaluator = get_evaluator(engine)
    outcomes: list[Outcome] = []
    seen: dict[str, str] = {}
    for item in _expand(sources):
        if isinstance(item, Outcome):  # an input that named no file
            outcomes.append(item)
            continue
        name = _source_name(item, len(outcomes))
        outcome = Outcome(source=name)
        outcomes.append(outcome)
        try:
            profile = (profile_from_data(item.model_dump(by_alias=True), rules, name, day)
                       if isinstance(item, Profile) else load_profile(item, rules, peildatum=day))
            if profile.id in seen:
                outcome.diagnostics.append(make_diagnostic(
                    name, None, None, "id",
                    msg("profile.duplicate_id", id=profile.id, other=seen[profile.id]),
                    code="duplicate-id", loc=("id",)))
                continue
            seen[profile.id] = name
            outcome.diagnostics.extend(profile_kind_warnings(profile, rules, name))
            outcome.assessment = assess(profile, rules, engine=evaluator, verify=verify,
                                        texts=texts, find_out=find_out)
        except UserInputError as exc:
            outcome.diagnostics.extend(exc.diagnostics)
    return outcomes


def _expand(sources: Iterable[Profile | Path | str | dict[str, Any]],
            ) -> list[Profile | Path | dict[str, Any] | Outcome]:
    """Inputs in order: profiles, files (directories expanded), or an Outcome for an input
    that names no profile file."""
    items: list[Profile | Path | dict[str, Any] | Outcome] = []
    for src in sources:
        if isinstance(src, Profile | dict):
            items.append(src)
            continue
        files, problems = expand_inputs([src], PROFILE_SUFFIXES)
        items.extend(Outcome(source=d.file, diagnostics=[d]) for d in problems)
        items.extend(files)
    return items


def _source_name(item: Profile | Path | dict[str, Any], index: int) -> str:
    if isinstance(item, Path):
        return display_path(item)
    if isinstance(item, Profile):
        return f"<profiel {item.id}>"
    pid = item.get("id") if isinstance(item, dict) else None
    return f"<profiel {pid}>" if isinstance(pid, str) else f"<profiel #{index + 1}>"


def diagnostics_of(outcomes: Sequence[Outcome]) -> list[Diagnostic]:
    return [d for o in outcomes for d in o.diagnostics]


__all__ = [
    "ENGINE_NAMES",
    "EngineName",
    "Outcome",
    "as_date",
    "assess",
    "assess_many",
    "compiled_for",
    "get_evaluator",
    "load_profile",
    "load_rules",
]
