"""The `riskmodel` command. Exit codes: 0 ok, 1 internal failure (or failing scenarios),
2 user error. A user mistake never prints a traceback.

Language: `--lang nl|en` before the subcommand (`riskmodel --lang en check`) or after it
(`riskmodel assess --lang en ...`), else the environment variable `RISKMODEL_LANG`, else
Dutch. Everything a run prints follows it; an unknown language is a user error (exit 2).
The argparse help texts are Dutch only.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import errno
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from riskmodel._version import __version__
from riskmodel.errors import (
    Diagnostic,
    EngineError,
    OutputError,
    UserInputError,
    make_diagnostic,
    msg,
    require_lang,
)
from riskmodel.messages import DEFAULT_LANG, LANGS, t, t_or
from riskmodel.source import display_path

if TYPE_CHECKING:
    from riskmodel.model.ruleset import RuleSet

EXIT_OK, EXIT_FAIL, EXIT_USER = 0, 1, 2
#: environment variable with the default language of everything the command prints
LANG_ENV = "RISKMODEL_LANG"


class _Parser(argparse.ArgumentParser):
    #: language of the parser's own error lines (set by build_parser)
    lang = DEFAULT_LANG

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {t('cli.error_prefix', self.lang)}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER)


def _date_type(lang: str) -> argparse._ActionType:
    def parse(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("cli.bad_date", lang, text=text)) from None
    return parse


def _lang_hint(argv: Sequence[str]) -> str:
    """The language asked for, looked up before parsing (for the parser's own messages);
    Dutch when it is missing or unknown (the real check comes after parsing)."""
    found = os.environ.get(LANG_ENV) or DEFAULT_LANG
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGS else DEFAULT_LANG


def resolve_lang(args: argparse.Namespace) -> str:
    """`--lang` (after or before the subcommand), else $RISKMODEL_LANG, else Dutch; an
    unknown language raises UserInputError (code `unknown-language`)."""
    option = getattr(args, "lang", None)
    lang = option or os.environ.get(LANG_ENV) or DEFAULT_LANG
    try:
        return require_lang(lang)
    except UserInputError as exc:  # say where the bad language came from
        origin = "--lang" if option else LANG_ENV
        raise UserInputError([dataclasses.replace(d, file=origin)
                              for d in exc.diagnostics]) from None


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    _Parser.lang = lang if lang in LANGS else DEFAULT_LANG
    _date = _date_type(_Parser.lang)
    lang_help = (f"taal van alles wat het commando schrijft: {', '.join(LANGS)} (standaard: "
                 f"${LANG_ENV}, anders nl); de helpteksten zijn alleen Nederlands")
    # --lang is accepted before the subcommand and after it; after it wins
    lang_opt = _Parser(add_help=False)
    lang_opt.add_argument("--lang", metavar="TAAL", default=argparse.SUPPRESS, help=lang_help)
    p = _Parser(prog="riskmodel", description="OMG-risicoclassificatie, ondermijningsbeeld en "
                "bestuurlijke interventies uit declaratieve YAML-regels.")
    p.add_argument("--version", action="version", version=f"riskmodel {__version__}")
    p.add_argument("--debug", action="store_true", help="toon tracebacks bij interne fouten")
    p.add_argument("--lang", metavar="TAAL", default=None, help=lang_help)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    a = sub.add_parser("assess", help="beoordeel een of meer situatieprofielen",
                       parents=[lang_opt])
    a.add_argument("profiles", nargs="+", metavar="PROFILE",
                   help="profielbestand(en) (YAML/JSON) of een map met profielen")
    a.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    a.add_argument("--peildatum", type=_date, help="beoordeel per deze datum (JJJJ-MM-DD)")
    a.add_argument("--engine", choices=("compiled", "durable", "python"), default="compiled",
                   help="compiled (standaard), durable (Rete-engine) of python (referentie)")
    a.add_argument("--texts", action="store_true",
                   help="neem in JSON de namen, vragen en redenen op (anders alleen ids)")
    a.add_argument("--verify", action="store_true",
                   help="beoordeel ook met durable-rules en faal bij elk verschil")
    a.add_argument("--find-out", action=argparse.BooleanOptionalAction, default=None,
                   help="rangschik de onbekende feiten naar wat ze kunnen beslissen "
                        "(standaard aan voor text, markdown en html, uit voor json)")
    a.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text",
                   help="html: een printbaar rapport met een grafiek van de niveaus")
    a.add_argument("--output", type=Path,
                   help="schrijf naar dit bestand (bij meerdere profielen: deze map)")
    a.add_argument("--explain", metavar="ID",
                   help="toon de redeneerboom van een interventie, fenomeen of indicator "
                        "(tot op de feiten en hun bronnen)")

    c = sub.add_parser("check", help="controleer een model (schema, verwijzingen, engine-grenzen)",
                       parents=[lang_opt])
    c.add_argument("rules", nargs="?", type=Path, help="modelmap (standaard: meegeleverd model)")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    c.add_argument("--quiet", "-q", action="store_true", help="toon alleen fouten, geen waarschuwingen")
    c.add_argument("--overlay-only", action="store_true",
                   help="toon alleen wat een overlay zelf toevoegt (niet de meldingen van de basis)")

    s = sub.add_parser("schema", help="schrijf JSON Schema voor regelbestanden of profielen",
                       parents=[lang_opt])
    s.add_argument("--kind", choices=("rules", "manifest", "profile", "assessment"),
                   default="rules")
    s.add_argument("--rules", type=Path, help="model waarvan de feiten in het profielschema komen")
    s.add_argument("--output", type=Path)

    sc = sub.add_parser("scenarios", help="scenario's draaien")
    scsub = sc.add_subparsers(dest="scenarios_command", required=True, parser_class=_Parser)
    run = scsub.add_parser("run", help="draai scenariobestanden en toon een tabel",
                           parents=[lang_opt])
    run.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    run.add_argument("--rules", type=Path)
    run.add_argument("--engine", choices=("compiled", "durable", "python", "all", "both"),
                     default="all")
    run.add_argument("--coverage", action="store_true",
                     help="toon welke indicatoren, niveaus, interventies en poorten de "
                          "scenario's raken (en welke nooit)")
    _add_mutate_parser(scsub, lang_opt)

    df = sub.add_parser("diff", help="toon wat een regionale overlay wijzigt t.o.v. de basis",
                        parents=[lang_opt])
    df.add_argument("overlay", type=Path, help="modelmap van de overlay (met 'basis:')")
    df.add_argument("--basis", type=Path, help="vergelijk met dit model in plaats van de basis")
    df.add_argument("--format", choices=("text", "json"), default="text")

    mk = sub.add_parser("modelkaart", help="modelkaart voor het Algoritmeregister en de IAMA",
                        parents=[lang_opt])
    mk.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    mk.add_argument("--format", choices=("markdown", "json"), default="markdown")
    mk.add_argument("--output", type=Path, help="schrijf naar dit bestand")
    mk.add_argument("--scenarios", type=Path,
                    help="scenario's voor de validatie (standaard: scenarios/ naast de modelmap)")

    _analyst_parsers(sub, lang_opt, _date)

    from riskmodel.batch.command import add_parser as add_batch_parser

    add_batch_parser(sub, [lang_opt], _date)

    d = sub.add_parser("docs", help="genereer de modelreferentie (Markdown) uit de YAML",
                       parents=[lang_opt])
    d.add_argument("--rules", type=Path)
    d.add_argument("--output", type=Path, default=Path("docs/model"))
    d.add_argument("--check", action="store_true",
                   help="schrijf niets; faal als de gegenereerde documentatie verouderd is")
    _serve_parser(sub, lang_opt)
    _beeld_parser(sub, lang_opt, _date)
    return p


def _analyst_parsers(sub: argparse._SubParsersAction[_Parser], lang_opt: _Parser,
                     date: argparse._ActionType) -> None:
    """`init` (a profile template) and `whatif` (what changes if facts were known)."""
    i = sub.add_parser("init", help="schrijf een profielsjabloon met de feiten die bij een "
                       "soort situatie horen", parents=[lang_opt])
    i.add_argument("--soort", required=True,
                   help="gemeente, wijk, pand, evenement of groep")
    i.add_argument("--fenomeen", help="alleen de feiten van dit fenomeen (bijv. omg)")
    i.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    i.add_argument("--output", type=Path, help="schrijf naar dit bestand (bestaat het al: "
                   "fout); anders naar het scherm")
    w = sub.add_parser("whatif", help="toon wat er verandert als feiten anders of bekend zijn",
                       parents=[lang_opt])
    w.add_argument("profile", metavar="PROFILE", help="profielbestand (YAML/JSON)")
    w.add_argument("--zet", action="append", required=True, metavar="FEIT=WAARDE",
                   help="zet een feit (herhaalbaar); 'onbekend' maakt het onbekend; een "
                        "lijst als a,b")
    w.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    w.add_argument("--peildatum", type=date, help="beoordeel per deze datum (JJJJ-MM-DD)")
    w.add_argument("--format", choices=("text", "json"), default="text")


def cmd_init(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.report.atomic import write_atomic
    from riskmodel.whatif.template import profile_template

    text = profile_template(load_rules(args.rules), args.soort, args.fenomeen, args.lang)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.exists():
        raise OutputError(args.output, msg("init.exists"))
    write_atomic(args.output, text, lang=args.lang)
    print(t("init.written", args.lang, n=text.count(": onbekend"), path=args.output))
    return EXIT_OK


def cmd_whatif(args: argparse.Namespace) -> int:
    from riskmodel.api import load_profile, load_rules
    from riskmodel.check.kinds import profile_kind_warnings
    from riskmodel.whatif.compare import parse_setting, render_whatif, whatif

    rules = load_rules(args.rules)
    changes: dict[str, object] = {}
    for text in args.zet:
        fact, value = parse_setting(text, rules)
        if fact in changes:
            raise UserInputError([make_diagnostic("--zet", None, None, f"zet.{fact}",
                                                  msg("whatif.twice", fact=fact),
                                                  code="duplicate-key", loc=("zet", fact))])
        changes[fact] = value
    profile = load_profile(args.profile, rules, peildatum=args.peildatum)
    _print_diagnostics(profile_kind_warnings(profile, rules, display_path(args.profile)),
                       args.lang, _json_errors(args))
    result = whatif(profile, changes, rules, origin="--zet")
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        sys.stdout.write(render_whatif(result, args.lang))
    return EXIT_OK


def _serve_parser(sub: argparse._SubParsersAction[_Parser], lang_opt: _Parser) -> None:
    sv = sub.add_parser("serve", help="start de werkbank: webpagina en HTTP-API (docs/serve.md)",
                        parents=[lang_opt])
    sv.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    sv.add_argument("--db", default="riskmodel.db",
                    help="dossieropslag: SQLite-bestand of postgresql://-URL "
                         "(standaard: riskmodel.db)")
    sv.add_argument("--host", default="127.0.0.1",
                    help="adres (standaard 127.0.0.1; een ander adres vereist een token)")
    sv.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    tok = sv.add_mutually_exclusive_group()
    tok.add_argument("--token", help="elk verzoek moet dit token meesturen (min. 16 tekens)")
    tok.add_argument("--token-file", type=Path, help="lees het token uit dit bestand")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from riskmodel.serve.run import serve, serve_settings
    except ImportError as exc:
        print(t("serve.needs_extra", args.lang, module=exc.name or "?"),
              file=sys.stderr)
        return EXIT_USER
    serve(serve_settings(rules=args.rules, db=args.db, host=args.host, port=args.port,
                         token=args.token, token_file=args.token_file, lang=args.lang))
    return EXIT_OK


def _beeld_parser(sub: argparse._SubParsersAction[_Parser], lang_opt: _Parser,
                  date: argparse._ActionType) -> None:
    b = sub.add_parser("beeld", help="regionaal ondermijningsbeeld uit veel profielen "
                       "(HTML, Markdown of JSON)", parents=[lang_opt])
    b.add_argument("input", type=Path, metavar="INPUT",
                   help="map met profielen (YAML/JSON), een profielbestand of JSONL "
                        "(één profiel per regel)")
    b.add_argument("--output", type=Path, required=True,
                   help="beeld.html, beeld.md of beeld.json (vorm volgt de extensie)")
    b.add_argument("--k", type=int, default=5,
                   help="aantallen van 1 tot k profielen verbergen (standaard 5)")
    b.add_argument("--buren", metavar="BESTAND",
                   help="CSV met buurgemeenten (gemeente_a,gemeente_b) voor waterbedsignalen; "
                        "'oost-nederland' is het meegeleverde voorbeeld")
    b.add_argument("--venster", type=int, default=180, metavar="DAGEN",
                   help="waterbed: stijging binnen zoveel dagen na de actie (standaard 180)")
    b.add_argument("--vergelijk", type=Path, metavar="OTHER",
                   help="eerdere invoer om mee te vergelijken (toen en nu)")
    b.add_argument("--peildatum", type=date, help="beoordeel alles per deze datum (JJJJ-MM-DD)")
    b.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    b.add_argument("--zonder-ids", action="store_true", dest="zonder_ids",
                   help="laat profiel-ids weg (om het beeld te delen)")


def _print_diagnostics(diags: Sequence[Diagnostic], lang: str = DEFAULT_LANG,
                       as_json: bool = False) -> None:
    """One line per diagnostic on stderr: text, or with `as_json` one JSON object (JSON Lines)."""
    for d in diags:
        if as_json:
            print(json.dumps(d.to_dict(lang), ensure_ascii=False), file=sys.stderr)
        else:
            print(d.format(lang), file=sys.stderr)


def _json_errors(args: argparse.Namespace) -> bool:
    return getattr(args, "format", None) == "json"


def _into_dir(output: Path | None, inputs: Sequence[str]) -> bool:
    """Several profiles (or a directory), or an existing directory: one file per profile."""
    if output is None:
        return False
    return output.is_dir() or len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)


def _input_keys(inputs: Sequence[str]) -> dict[object, str]:
    """Every file the inputs name, by resolved path and by (device, inode)."""
    from riskmodel.load.files import PROFILE_SUFFIXES, expand_inputs

    files, _ = expand_inputs(inputs, PROFILE_SUFFIXES)
    keys: dict[object, str] = {}
    for f in files:
        keys.update(_keys_of(f, display_path(f)))
    return keys


def _keys_of(path: Path, value: str) -> dict[object, str]:
    keys: dict[object, str] = {}
    try:
        keys[path.resolve()] = value
        info = path.stat()
        keys[(info.st_dev, info.st_ino)] = value
    except (OSError, RuntimeError, ValueError):
        pass
    return keys


def _refuse_input_as_output(target: Path, inputs: dict[object, str], lang: str) -> None:
    """An output path that is, or would replace, an input file is a user error."""
    for key in _keys_of(target, ""):
        if key in inputs:
            raise OutputError(target, msg("output.is_input", input=inputs[key]))


def cmd_assess(args: argparse.Namespace) -> int:
    from riskmodel.api import assess_many, load_rules
    from riskmodel.report import atomic
    from riskmodel.report.render import SUFFIXES, render, render_explain

    rules = load_rules(args.rules)
    # The model lives as long as the process: keep its objects out of every later garbage
    # collection (full collections scanning them were the p99 of a batch).
    gc.freeze()
    into_dir = _into_dir(args.output, args.profiles)
    if into_dir:
        if args.output.exists() and not args.output.is_dir():
            raise OutputError(args.output, t("cli.output_must_be_dir", args.lang))
        args.output.mkdir(parents=True, exist_ok=True)
    inputs = _input_keys(args.profiles) if args.output is not None else {}
    if args.output is not None and not into_dir:
        _refuse_input_as_output(args.output, inputs, args.lang)
    # A person reading a report gets the ranking; a program asks for it (it costs several
    # times the assessment itself).
    rank = args.find_out if args.find_out is not None else args.format != "json"
    outcomes = assess_many(args.profiles, rules, peildatum=args.peildatum, engine=args.engine,
                           verify=args.verify, texts=args.texts, find_out=rank)
    if into_dir:  # refuse before anything is written
        for outcome in outcomes:
            if outcome.assessment is not None:
                _refuse_input_as_output(
                    args.output / f"{outcome.assessment.receipt.profile_id}"
                                  f"{SUFFIXES[args.format]}", inputs, args.lang)
    failed = explain_failed = 0
    write_stopped = False
    written = write_failed = not_attempted = 0
    results: list[str] = []
    for outcome in outcomes:
        if into_dir and write_stopped and outcome.assessment is not None:
            not_attempted += 1
            continue
        _print_diagnostics(outcome.diagnostics, args.lang, _json_errors(args))
        if outcome.assessment is None:
            failed += 1
            continue
        a = outcome.assessment
        try:
            text = (render_explain(a, args.explain, args.format, args.lang, rules)
                    if args.explain else render(a, args.format, args.lang, rules))
        except UserInputError as exc:
            _print_diagnostics(exc.diagnostics, args.lang, _json_errors(args))
            explain_failed += 1
            continue
        if into_dir:
            try:
                atomic.write_atomic(args.output / f"{a.receipt.profile_id}"
                                                  f"{SUFFIXES[args.format]}", text,
                                    lang=args.lang)
                written += 1
            except OutputError as exc:
                _print_diagnostics(exc.diagnostics, args.lang, _json_errors(args))
                write_failed += 1
                # a full disk fails every next write too: stop and say what was left
                write_stopped = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
        else:
            results.append(text)
    if results:
        if args.format == "json" and len(outcomes) > 1:
            # several JSON documents become one valid JSON array
            body = "[\n" + ",\n".join(t.rstrip("\n") for t in results) + "\n]\n"
        else:
            body = "\n".join(results)
        if args.output is not None:
            atomic.write_atomic(args.output, body, lang=args.lang)
        else:
            sys.stdout.write(body)
    if write_failed:
        summary = msg("output.batch_summary", written=written, failed=write_failed,
                      skipped=not_attempted)
        if _json_errors(args):
            _print_diagnostics([make_diagnostic(display_path(args.output), None, None, "output",
                                                summary, code="output", loc=("output",))],
                               args.lang, True)
        else:
            print(summary.render(args.lang), file=sys.stderr)
        return EXIT_USER
    if failed:
        if not _json_errors(args):  # with --format json, stderr stays pure JSON Lines
            print(t("cli.profiles_rejected", args.lang, failed=failed, total=len(outcomes)),
                  file=sys.stderr)
        return EXIT_USER
    return EXIT_USER if explain_failed else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.check import check_model

    rules = load_rules(args.rules)
    report = check_model(rules)
    hidden = 0
    if args.overlay_only:
        if rules.base is None:
            return _not_an_overlay(rules, args)
        from riskmodel.check.overlay_only import introduced

        report, hidden = introduced(report, rules)
    if args.format == "json":
        print(json.dumps({"ok": report.ok, "stats": report.stats,
                          "dates": [d.isoformat() for d in report.dates],
                          "diagnostics": [d.to_dict(getattr(args, "lang", "nl"))
                                          for d in report.diagnostics]},
                         indent=2, ensure_ascii=False))
    else:
        _print_diagnostics([d for d in report.diagnostics
                            if not args.quiet or d.severity == "error"], args.lang)
        m = rules.manifest
        print(f"{t('model', args.lang)} {m.model} {m.version} ({display_path(rules.root)}): "
              + ", ".join(f"{t_or(f'stat.{k}', args.lang, k)} {v}"
                          for k, v in report.stats.items()))
        errors = sum(d.severity == "error" for d in report.diagnostics)
        warnings = len(report.diagnostics) - errors
        verdict = t("cli.check_ok" if report.ok else "cli.check_failed", args.lang)
        print(t("cli.check_summary", args.lang, verdict=verdict, errors=errors,
                warnings=warnings))
        if args.overlay_only:
            print(t("cli.overlay_only_summary", args.lang, hidden=hidden))
    if not report.ok or (args.strict and report.diagnostics):
        return EXIT_USER
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from riskmodel import schema

    if args.kind == "rules":
        data = schema.rules_schema()
    elif args.kind == "manifest":
        data = schema.manifest_schema()
    elif args.kind == "assessment":
        data = schema.assessment_schema()
    else:
        from riskmodel.api import load_rules

        data = schema.profile_schema(load_rules(args.rules))
    text = schema.dumps(data)
    if args.output:
        from riskmodel.report.atomic import write_atomic

        write_atomic(args.output, text, lang=args.lang)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _add_mutate_parser(scsub: Any, lang_opt: argparse.ArgumentParser) -> None:
    mu = scsub.add_parser("mutate", parents=[lang_opt],
                          help="mutatietest: wijzig het model telkens een beetje en kijk of een "
                               "scenario het merkt (docs/scenarios.md)")
    mu.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    mu.add_argument("--rules", type=Path)
    mu.add_argument("--steekproef", type=int, metavar="N",
                    help="alleen N willekeurig gekozen mutanten (vaste --seed)")
    mu.add_argument("--seed", type=int, default=0)
    mu.add_argument("--alleen", action="append", default=[], metavar="TEKST",
                    help="alleen mutanten waarvan id of omschrijving TEKST bevat "
                         "(herhaalbaar), bijv. --alleen interventies/sluiting_13b/")
    mu.add_argument("--jobs", type=int, help="aantal processen (standaard: aantal cores)")
    mu.add_argument("--minimum", type=float, metavar="SCORE",
                    help="exitcode 1 als de score (0..1) hieronder ligt")
    mu.add_argument("--hints", action="store_true",
                    help="toon per overlevende mutant welke scenario's een niet-vastgelegde "
                         "uitkomst zien veranderen")
    mu.add_argument("--format", choices=("text", "json"), default="text")
    mu.add_argument("--score-file", type=Path,
                    help="schrijf de score als JSON (voor de modelkaart)")


def cmd_mutate(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.mutate.run import format_report, run_mutation
    from riskmodel.report.atomic import write_atomic
    from riskmodel.scenarios.runner import load_all

    rules = load_rules(args.rules)
    loaded, problems = load_all(args.paths, rules)
    if problems:
        for row in problems:
            for d in row.diagnostics:
                print(d.format(args.lang), file=sys.stderr)
        return EXIT_USER
    try:
        report = run_mutation(rules, loaded, sample=args.steekproef, seed=args.seed,
                              only=args.alleen,
                              jobs=args.jobs, hints=args.hints)
    except ValueError as exc:
        print(t("mut.baseline_fails", args.lang, ids=str(exc)), file=sys.stderr)
        return EXIT_USER
    data = report.to_dict()
    if args.score_file:
        write_atomic(args.score_file, json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                     lang=args.lang)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(report, args.lang, seed=args.seed))
    if args.minimum is not None and report.score < args.minimum:
        print(t("mut.below_minimum", args.lang, score=f"{report.score:.1%}",
                minimum=f"{args.minimum:.0%}"), file=sys.stderr)
        return 1
    return EXIT_OK


def cmd_scenarios(args: argparse.Namespace) -> int:
    if args.scenarios_command == "mutate":
        return cmd_mutate(args)
    from riskmodel.api import load_rules
    from riskmodel.scenarios.runner import engines_for, format_table, run_scenarios

    rules = load_rules(args.rules)
    report = run_scenarios(args.paths, rules, engines=engines_for(args.engine))
    sys.stdout.write(format_table(report, args.lang))
    if args.coverage:
        from riskmodel.scenarios.coverage import compute_coverage, format_coverage

        sys.stdout.write("\n" + format_coverage(compute_coverage(report, rules), args.lang))
    return int(report.exit_code)


def _not_an_overlay(rules: RuleSet, args: argparse.Namespace) -> int:
    _print_diagnostics([Diagnostic(display_path(rules.root), None, None, "basis",
                                   t("cli.not_an_overlay", args.lang),
                                   expected=t("cli.overlay_expected", args.lang),
                                   code="overlay", loc=("basis",))],
                       args.lang, _json_errors(args))
    return EXIT_USER


def cmd_diff(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.load.overlay import diff_models, format_changes

    overlay = load_rules(args.overlay)
    if args.basis is not None:
        base = load_rules(args.basis)
    elif overlay.base is None:
        return _not_an_overlay(overlay, args)
    else:
        base = overlay.base
    changes = diff_models(base, overlay)
    if args.format == "json":
        print(json.dumps([c.to_dict() for c in changes], indent=2, ensure_ascii=False))
    else:
        lines = format_changes(changes, args.lang)
        print("\n".join(lines) if lines else t("cli.no_differences", args.lang))
    return EXIT_OK


def cmd_modelkaart(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.modelkaart import build_card, render_json, render_markdown

    rules = load_rules(args.rules)
    scenarios = args.scenarios or rules.root.resolve().parent / "scenarios"
    found = scenarios.is_dir() and any(scenarios.glob("*.y*ml"))
    card = build_card(rules, scenarios if found or args.scenarios else None)
    text = render_json(card) if args.format == "json" else render_markdown(card, args.lang)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from riskmodel.report.atomic import write_atomic

    write_atomic(args.output, text, lang=args.lang)
    print(t("mk.written", args.lang, path=args.output))
    return EXIT_OK


def cmd_docs(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.docgen import generate, stale_files, write_docs

    rules = load_rules(args.rules)
    pages = generate(rules)
    if args.check:
        stale = stale_files(pages, args.output)
        for name in stale:
            print(t("cli.docs_stale", args.lang, path=args.output / name), file=sys.stderr)
        return EXIT_FAIL if stale else EXIT_OK
    write_docs(pages, args.output)
    print(t("cli.pages_written", args.lang, n=len(pages), path=args.output))
    return EXIT_OK


def cmd_beeld(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.beeld.run import run_beeld

    rules = load_rules(args.rules)
    result = run_beeld(args.input, args.output, rules, k=args.k, buren=args.buren,
                       venster=args.venster, vergelijk=args.vergelijk,
                       peildatum=args.peildatum, lang=args.lang, ids=not args.zonder_ids)
    _print_diagnostics(result.diagnostics, args.lang)
    print(t("beeld.written", args.lang, path=display_path(args.output), n=result.profiles,
            bad=result.rejected), file=sys.stderr)
    return EXIT_USER if result.rejected else EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from riskmodel.batch.command import cmd_batch as run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_hint(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    handlers = {"assess": cmd_assess, "check": cmd_check, "schema": cmd_schema,
                "scenarios": cmd_scenarios, "docs": cmd_docs, "diff": cmd_diff,
                "modelkaart": cmd_modelkaart, "init": cmd_init, "whatif": cmd_whatif,
                "serve": cmd_serve, "beeld": cmd_beeld, "batch": cmd_batch}
    try:
        args.lang = lang = resolve_lang(args)
        return handlers[args.command](args)
    except UserInputError as exc:
        _print_diagnostics(exc.diagnostics, lang, _json_errors(args))
        return EXIT_USER
    except EngineError as exc:
        print(t("cli.engine_error", lang, error=exc), file=sys.stderr)
        if args.debug:
            raise
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal failure: short message, traceback with --debug
        if args.debug:
            raise
        print(t("cli.internal_error", lang, error=f"{type(exc).__name__}: {exc}"),
              file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
