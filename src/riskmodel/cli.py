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
    a.add_argument("--format", choices=("text", "json", "markdown"), default="text")
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

    df = sub.add_parser("diff", help="toon wat een regionale overlay wijzigt t.o.v. de basis",
                        parents=[lang_opt])
    df.add_argument("overlay", type=Path, help="modelmap van de overlay (met 'basis:')")

    from riskmodel.batch.command import add_parser as add_batch_parser

    add_batch_parser(sub, [lang_opt], _date)

    d = sub.add_parser("docs", help="genereer de modelreferentie (Markdown) uit de YAML",
                       parents=[lang_opt])
    d.add_argument("--rules", type=Path)
    d.add_argument("--output", type=Path, default=Path("docs/model"))
    d.add_argument("--check", action="store_true",
                   help="schrijf niets; faal als de gegenereerde documentatie verouderd is")
    return p


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
    outcomes = assess_many(args.profiles, rules, peildatum=args.peildatum, engine=args.engine,
                           verify=args.verify, texts=args.texts)
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


def cmd_scenarios(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.scenarios.runner import engines_for, format_table, run_scenarios

    rules = load_rules(args.rules)
    report = run_scenarios(args.paths, rules, engines=engines_for(args.engine))
    sys.stdout.write(format_table(report, args.lang))
    if args.coverage:
        from riskmodel.scenarios.coverage import compute_coverage, format_coverage

        sys.stdout.write("\n" + format_coverage(compute_coverage(report, rules), args.lang))
    return int(report.exit_code)


def cmd_diff(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.load.overlay import diff_models

    overlay = load_rules(args.overlay)
    if overlay.manifest.base is None:
        _print_diagnostics([Diagnostic(display_path(overlay.root), None, None, "basis",
                                       t("cli.not_an_overlay", args.lang),
                                       expected=t("cli.overlay_expected", args.lang))],
                           args.lang)
        return EXIT_USER
    from riskmodel.load.rules import base_path

    base = load_rules(base_path(overlay.root, overlay.manifest.base))
    lines = [_diff_line(line, args.lang) for line in diff_models(base, overlay)]
    print("\n".join(lines) if lines else t("cli.no_differences", args.lang))
    return EXIT_OK


#: the words diff_models ends an added or removed line with (Dutch), and their catalogue keys
_DIFF_WORDS = {": verwijderd": "cli.diff_removed", ": toegevoegd": "cli.diff_added"}


def _diff_line(line: str, lang: str) -> str:
    for word, key in _DIFF_WORDS.items():
        if line[:1] in "+-" and line.endswith(word):
            return line[: -len(word)] + ": " + t(key, lang)
    return line


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
                "batch": cmd_batch}
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
