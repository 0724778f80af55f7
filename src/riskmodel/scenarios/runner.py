"""Run scenario files against the model with each engine and compare every expectation.

The CLI calls :func:`run_scenarios` and prints :func:`format_table`; ``report.exit_code``
is 0 when everything passed, 1 when an expectation failed and 2 when a scenario file (or
a path) was invalid. A bad file becomes an error row; the other scenarios still run.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from riskmodel.api import assess, get_evaluator, load_rules
from riskmodel.check.profile import profile_from_doc
from riskmodel.errors import (
    Diagnostic,
    EngineError,
    UserInputError,
    did_you_mean,
    make_diagnostic,
    msg,
    require_lang,
)
from riskmodel.load.files import expand_inputs
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.messages import DEFAULT_LANG, status_text, t, t_or
from riskmodel.model.assessment import Assessment
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.model import (
    Expectations,
    LoadedScenario,
    check_scenario,
    scenario_from_doc,
)
from riskmodel.source import display_path

ENGINES: tuple[str, ...] = ("compiled", "durable", "python")
SCENARIO_SUFFIXES = (".yaml", ".yml")
Outcome = Literal["geslaagd", "gefaald", "fout"]

# Placeholders for "got"/"expected" values that are not ids; translated in render() through
# the message catalogue (messages/scenarios.py).
NOT_SUGGESTED = "niet voorgesteld"
NOT_APPLICABLE = "niet van toepassing op de peildatum"
MISSING = "ontbreekt"
NOT_MISSING = "ontbreekt niet"
SUGGESTED = "voorgesteld"
REMOVED = "verwijderd door de overlay"

_PHRASES = {
    REMOVED: "sc.phrase.removed",
    NOT_SUGGESTED: "sc.phrase.not_suggested",
    NOT_APPLICABLE: "sc.phrase.not_applicable",
    MISSING: "sc.phrase.missing",
    NOT_MISSING: "sc.phrase.not_missing",
    SUGGESTED: "sc.phrase.suggested",
}


def _value_text(value: str, lang: str) -> str:
    """An expected or actual value: a placeholder phrase in `lang`; a status id as the Dutch
    scenario file spells it (so authors find it in their YAML), in another language as that
    language reads it; level ids as they are."""
    if value in _PHRASES:
        return t(_PHRASES[value], lang)
    return value if lang == DEFAULT_LANG else status_text(value, lang)


@dataclass(frozen=True)
class Mismatch:
    """One expectation that did not hold: what was checked, what was expected, what came out."""

    kind: str
    subject: str
    expected: str
    got: str
    intervention: str | None = None
    present: tuple[str, ...] = ()

    def render(self, lang: str = "nl") -> str:
        if self.kind == "ontbrekend_feit":
            return t("sc.mismatch_missing_fact", lang, id=self.subject,
                     intervention=self.intervention,
                     listed=", ".join(self.present) or t("none", lang))
        return t("sc.mismatch", lang, subject=t_or(f"sc.subject.{self.kind}", lang, self.kind),
                 id=self.subject, expected=_value_text(self.expected, lang),
                 got=_value_text(self.got, lang))


@dataclass
class ScenarioResult:
    """One row of the report: a scenario with one engine, or a file that could not be used."""

    scenario: str
    file: str
    engine: str | None
    outcome: Outcome
    mismatches: list[Mismatch] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    message: str | None = None
    #: catalogue key and parameters of `message`, so that it can be shown in any language
    message_key: tuple[str, dict[str, str]] | None = None
    checked: int = 0
    #: kept for coverage analysis; not part of the table
    assessment: Assessment | None = field(default=None, repr=False, compare=False)

    def details(self, lang: str = "nl") -> list[str]:
        lines = [m.render(lang) for m in self.mismatches]
        lines += [d.format(lang) for d in self.diagnostics]
        if self.message_key:
            key, params = self.message_key
            lines.append(t(key, lang, **params))
        elif self.message:
            lines.append(self.message)
        if not lines and self.outcome == "geslaagd":
            lines.append(t("sc.checked", lang, n=self.checked))
        return lines


@dataclass
class ScenarioReport:
    results: list[ScenarioResult] = field(default_factory=list)

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def passed(self) -> int:
        return self._count("geslaagd")

    @property
    def failed(self) -> int:
        return self._count("gefaald")

    @property
    def errors(self) -> int:
        return self._count("fout")

    @property
    def ok(self) -> bool:
        return bool(self.results) and self.failed == 0 and self.errors == 0

    @property
    def exit_code(self) -> int:
        """0 all passed; 1 an expectation failed; 2 invalid input (takes precedence)."""
        if self.errors or not self.results:
            return 2
        return 1 if self.failed else 0


def engines_for(option: str) -> tuple[str, ...]:
    """An engine choice (one engine, or `all`; `both` is the old name of `all`) as names."""
    if option in ("all", "both"):
        return ENGINES
    if option in ENGINES:
        return (option,)
    raise UserInputError([make_diagnostic(
        "<argument>", None, None, "engine", msg("arg.unknown_engine", engine=option),
        code="unknown-engine", expected=", ".join((*ENGINES, "all")),
        suggestion=did_you_mean(option, (*ENGINES, "all")), loc=("engine",))])


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[ScenarioResult]]:
    """Scenario files from files and directories, by the same rule as profiles
    (load.files.expand_inputs); a path that names none is an error row."""
    files, problems = expand_inputs(paths, SCENARIO_SUFFIXES, "scenarios")
    return files, [_error_row(d.file, [d]) for d in problems]


def load_all(
    paths: Iterable[Path | str], rules: RuleSet
) -> tuple[list[LoadedScenario], list[ScenarioResult]]:
    """Load every scenario; bad files and duplicate ids become error rows."""
    files, problems = collect_files(paths)
    loaded: list[LoadedScenario] = []
    first_seen: dict[str, str] = {}
    for path in files:
        name = display_path(path)
        try:
            doc = read_source(path)
        except YamlSyntaxError as exc:
            problems.append(_error_row(name, exc.diagnostics))
            continue
        except Exception as exc:  # a loader crash on one file must not stop the others
            problems.append(_error_row(name, [make_diagnostic(
                name, None, None, "", msg("scenario.crash", error=f"{type(exc).__name__}: {exc}"),
                code="internal")]))
            continue
        try:
            scenario = scenario_from_doc(doc)
        except UserInputError as exc:
            # Also report the embedded profile's problems: one run shows everything.
            diags = list(exc.diagnostics)
            if isinstance(doc.data, dict) and isinstance(doc.data.get("profiel"), dict):
                try:
                    profile_from_doc(doc, rules, base=("profiel",))
                except UserInputError as pexc:
                    diags += pexc.diagnostics
            sid = doc.data.get("scenario") if isinstance(doc.data, dict) else None
            problems.append(_error_row(name, sorted(diags),
                                       scenario=sid if isinstance(sid, str) else ""))
            continue
        earlier = first_seen.get(scenario.scenario)
        if earlier is not None:
            problems.append(_error_row(name, [doc.diagnostic(
                ("scenario",), msg("scenario.duplicate", id=scenario.scenario, where=earlier),
                code="duplicate-id", expected=msg("exp.unique_scenario"))],
                scenario=scenario.scenario))
            continue
        first_seen[scenario.scenario] = f"{doc.file}:{doc.position(('scenario',))[0]}"
        try:
            loaded.append(check_scenario(scenario, doc, rules))
        except UserInputError as exc:
            problems.append(_error_row(name, exc.diagnostics, scenario=scenario.scenario))
    return loaded, problems


def run_scenarios(
    paths: Iterable[Path | str] | Path | str,
    rules: RuleSet | Path | str | None = None,
    engines: Sequence[str] = ENGINES,
) -> ScenarioReport:
    """Run every scenario under `paths` with every engine.

    `rules` is a loaded RuleSet, a model directory or None for the bundled model; an invalid
    model or engine name raises UserInputError (the CLI turns that into exit code 2).
    """
    if isinstance(paths, Path | str):
        paths = [paths]
    if isinstance(engines, str):
        engines = engines_for(engines)
    for engine in engines:
        engines_for(engine)
    if not isinstance(rules, RuleSet):
        rules = load_rules(rules)
    loaded, problems = load_all(paths, rules)
    report = ScenarioReport(results=list(problems))
    for sc in sorted(loaded, key=lambda s: s.id):
        for engine in engines:
            report.results.append(run_one(sc, rules, engine))
    report.results.sort(key=lambda r: (r.outcome != "fout", r.scenario, r.file,
                                       ENGINES.index(r.engine) if r.engine in ENGINES else -1))
    return report


def run_one(sc: LoadedScenario, rules: RuleSet, engine: str) -> ScenarioResult:
    row = ScenarioResult(scenario=sc.id, file=sc.file, engine=engine, outcome="geslaagd",
                         checked=sc.expected.count())
    try:
        evaluator = get_evaluator(engine)  # type: ignore[arg-type]
        assessment = assess(sc.profile, rules, engine=evaluator)
    except UserInputError as exc:
        row.outcome = "fout"
        row.diagnostics = list(exc.diagnostics)
        return row
    except EngineError as exc:
        row.outcome = "fout"
        row.message_key = ("sc.engine_error", {"error": str(exc)})
        row.message = t(row.message_key[0], "nl", **row.message_key[1])
        return row
    except Exception as exc:  # one broken scenario must not stop the others
        row.outcome = "fout"
        row.message_key = ("sc.internal_error", {"error": f"{type(exc).__name__}: {exc}"})
        row.message = t(row.message_key[0], "nl", **row.message_key[1])
        return row
    row.assessment = assessment
    row.mismatches = check_expectations(sc.expected, assessment, rules.removed)
    if row.mismatches:
        row.outcome = "gefaald"
    return row


def check_expectations(exp: Expectations, assessment: Assessment,
                       removed: Collection[tuple[str, str]] = ()) -> list[Mismatch]:
    """Compare each expectation with the assessment; an empty list means all held.

    `removed` are the (section, id) an overlay dropped: an expectation about one of them
    fails with 'removed by the overlay' as what came out, and a removed instrument counts
    as not suggested."""
    out: list[Mismatch] = []
    phenomena = {p.id: p for p in assessment.phenomena}

    def absent(section: str, item_id: str, otherwise: str) -> str:
        return REMOVED if (section, item_id) in removed else otherwise

    for ph_id, level in exp.levels.items():
        ph = phenomena.get(ph_id)
        got = ph.level.id if ph else absent("fenomenen", ph_id, NOT_APPLICABLE)
        if got != level:
            out.append(Mismatch("niveau", ph_id, level, got))
    for ph_id, level in exp.possible_levels.items():
        ph = phenomena.get(ph_id)
        got = ph.possible_level.id if ph else absent("fenomenen", ph_id, NOT_APPLICABLE)
        if got != level:
            out.append(Mismatch("mogelijk_niveau", ph_id, level, got))
    for ph_id, gate in exp.definitions.items():
        ph = phenomena.get(ph_id)
        # a phenomenon without a definition counts as always met
        got = (ph.definition or "voldaan") if ph else absent("fenomenen", ph_id, NOT_APPLICABLE)
        if got != gate:
            out.append(Mismatch("poort", ph_id, gate, got))
    for ind_id, status in exp.indicators.items():
        ind = assessment.indicator(ind_id)
        got = ind.status if ind else absent("indicatoren", ind_id, NOT_APPLICABLE)
        if got != status:
            out.append(Mismatch("indicator", ind_id, status, got))
    for iv_id, iv_status in exp.interventions.items():
        iv = assessment.intervention(iv_id)
        got = iv.status if iv else absent("interventies", iv_id, NOT_SUGGESTED)
        if got != iv_status:
            out.append(Mismatch("interventie", iv_id, iv_status, got))
    for iv_id in exp.not_suggested:
        iv = assessment.intervention(iv_id)
        if iv is not None:
            out.append(Mismatch("interventie", iv_id, NOT_SUGGESTED, iv.status))
    for iv_id, facts in exp.missing_facts.items():
        iv = assessment.intervention(iv_id)
        if iv is None:
            out.append(Mismatch("interventie", iv_id, SUGGESTED,
                                absent("interventies", iv_id, NOT_SUGGESTED)))
            continue
        missing = tuple(sorted(iv.missing_facts))
        out.extend(
            Mismatch("ontbrekend_feit", fact, MISSING, NOT_MISSING, intervention=iv_id,
                     present=missing)
            for fact in facts if fact not in missing
        )
    return out


def _error_row(file: str, diagnostics: Sequence[Diagnostic], scenario: str = "") -> ScenarioResult:
    return ScenarioResult(scenario=scenario or Path(file).stem, file=file, engine=None,
                          outcome="fout", diagnostics=list(diagnostics))


def format_table(report: ScenarioReport, lang: str = "nl") -> str:
    """A plain-text pass/fail table with one row per scenario and engine, plus a summary."""
    require_lang(lang)
    h1, h2, h3, h4 = (t(f"sc.col_{k}", lang) for k in ("scenario", "engine", "result", "details"))
    headers = (h1, h2, h3, h4)
    rows: list[tuple[str, str, str, str]] = []
    for r in report.results:
        details = r.details(lang) or [""]
        rows.append((r.scenario, r.engine or "-", t(f"sc.outcome.{r.outcome}", lang), details[0]))
        rows.extend(("", "", "", extra) for extra in details[1:])
    widths = [max([len(headers[i])] + [len(row[i]) for row in rows]) for i in range(3)]

    def line(cells: tuple[str, str, str, str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells[:3], widths, strict=True)) \
            + "  " + cells[3]

    out = [line(headers).rstrip(), "  ".join("-" * w for w in widths) + "  " + "-" * 7]
    out += [line(row).rstrip() for row in rows]
    summary = t("sc.summary", lang, passed=report.passed, failed=report.failed,
                errors=report.errors)
    if not report.results:
        summary = t("sc.no_scenarios", lang)
    out += ["", summary]
    return "\n".join(out) + "\n"


__all__ = [
    "ENGINES",
    "Mismatch",
    "ScenarioReport",
    "ScenarioResult",
    "check_expectations",
    "collect_files",
    "engines_for",
    "format_table",
    "load_all",
    "run_one",
    "run_scenarios",
]
