"""The `riskmodel` command. Exit codes: 0 ok, 1 internal failure (or failing scenarios),
2 user error. A user mistake never prints a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from riskmodel._version import __version__
from riskmodel.errors import Diagnostic, EngineError, OutputError, UserInputError
from riskmodel.source import display_path

EXIT_OK, EXIT_FAIL, EXIT_USER = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: fout: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ongeldige datum '{text}' (verwacht: JJJJ-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="riskmodel", description="OMG-risicoclassificatie, ondermijningsbeeld en "
                "bestuurlijke interventies uit declaratieve YAML-regels.")
    p.add_argument("--version", action="version", version=f"riskmodel {__version__}")
    p.add_argument("--debug", action="store_true", help="toon tracebacks bij interne fouten")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    a = sub.add_parser("assess", help="beoordeel een of meer situatieprofielen")
    a.add_argument("profiles", nargs="+", metavar="PROFILE",
                   help="profielbestand(en) (YAML/JSON) of een map met profielen")
    a.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    a.add_argument("--peildatum", type=_date, help="beoordeel per deze datum (JJJJ-MM-DD)")
    a.add_argument("--engine", choices=("compiled", "durable", "python"), default="compiled",
                   help="compiled (standaard), durable (Rete-engine) of python (referentie)")
    a.add_argument("--verify", action="store_true",
                   help="beoordeel ook met durable-rules en faal bij elk verschil")
    a.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    a.add_argument("--lang", choices=("nl", "en"), default="nl")
    a.add_argument("--output", type=Path,
                   help="schrijf naar dit bestand (bij meerdere profielen: deze map)")
    a.add_argument("--explain", metavar="ID",
                   help="toon de redeneerboom van een interventie, fenomeen of indicator "
                        "(tot op de feiten en hun bronnen)")

    c = sub.add_parser("check", help="controleer een model (schema, verwijzingen, engine-grenzen)")
    c.add_argument("rules", nargs="?", type=Path, help="modelmap (standaard: meegeleverd model)")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    c.add_argument("--quiet", "-q", action="store_true", help="toon alleen fouten, geen waarschuwingen")

    s = sub.add_parser("schema", help="schrijf JSON Schema voor regelbestanden of profielen")
    s.add_argument("--kind", choices=("rules", "manifest", "profile", "assessment"),
                   default="rules")
    s.add_argument("--rules", type=Path, help="model waarvan de feiten in het profielschema komen")
    s.add_argument("--output", type=Path)

    sc = sub.add_parser("scenarios", help="scenario's draaien")
    scsub = sc.add_subparsers(dest="scenarios_command", required=True, parser_class=_Parser)
    run = scsub.add_parser("run", help="draai scenariobestanden en toon een tabel")
    run.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    run.add_argument("--rules", type=Path)
    run.add_argument("--engine", choices=("compiled", "durable", "python", "all", "both"),
                     default="all")
    run.add_argument("--lang", choices=("nl", "en"), default="nl")
    run.add_argument("--coverage", action="store_true",
                     help="toon welke indicatoren, niveaus, interventies en poorten de "
                          "scenario's raken (en welke nooit)")

    df = sub.add_parser("diff", help="toon wat een regionale overlay wijzigt t.o.v. de basis")
    df.add_argument("overlay", type=Path, help="modelmap van de overlay (met 'basis:')")

    d = sub.add_parser("docs", help="genereer de modelreferentie (Markdown) uit de YAML")
    d.add_argument("--rules", type=Path)
    d.add_argument("--output", type=Path, default=Path("docs/model"))
    d.add_argument("--check", action="store_true",
                   help="schrijf niets; faal als de gegenereerde documentatie verouderd is")
    return p


def _print_diagnostics(diags: Sequence[Diagnostic], lang: str = "nl",
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


def cmd_assess(args: argparse.Namespace) -> int:
    from riskmodel.api import assess_many, load_rules
    from riskmodel.report.atomic import write_atomic
    from riskmodel.report.render import SUFFIXES, render, render_explain

    rules = load_rules(args.rules)
    into_dir = _into_dir(args.output, args.profiles)
    if into_dir:
        if args.output.exists() and not args.output.is_dir():
            raise OutputError(args.output, "bij meerdere profielen moet --output een map zijn")
        args.output.mkdir(parents=True, exist_ok=True)
    outcomes = assess_many(args.profiles, rules, peildatum=args.peildatum, engine=args.engine,
                           verify=args.verify)
    failed = explain_failed = 0
    results: list[str] = []
    for outcome in outcomes:
        _print_diagnostics(outcome.diagnostics, args.lang, _json_errors(args))
        if outcome.assessment is None:
            failed += 1
            continue
        a = outcome.assessment
        try:
            text = (render_explain(a, args.explain, args.format, args.lang) if args.explain
                    else render(a, args.format, args.lang))
        except UserInputError as exc:
            _print_diagnostics(exc.diagnostics, args.lang, _json_errors(args))
            explain_failed += 1
            continue
        if into_dir:
            write_atomic(args.output / f"{a.receipt.profile_id}{SUFFIXES[args.format]}", text)
        else:
            results.append(text)
    if results:
        if args.format == "json" and len(outcomes) > 1:
            # several JSON documents become one valid JSON array
            body = "[\n" + ",\n".join(t.rstrip("\n") for t in results) + "\n]\n"
        else:
            body = "\n".join(results)
        if args.output is not None:
            write_atomic(args.output, body)
        else:
            sys.stdout.write(body)
    if failed:
        if not _json_errors(args):  # with --format json, stderr stays pure JSON Lines
            print(f"{failed} van {len(outcomes)} profiel(en) afgekeurd; de overige zijn "
                  "beoordeeld.", file=sys.stderr)
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
                            if not args.quiet or d.severity == "error"])
        m = rules.manifest
        print(f"model {m.model} {m.version} ({display_path(rules.root)}): "
              + ", ".join(f"{k} {v}" for k, v in report.stats.items()))
        errors = sum(d.severity == "error" for d in report.diagnostics)
        warnings = len(report.diagnostics) - errors
        print(f"{'OK' if report.ok else 'FOUT'}: {errors} fout(en), {warnings} waarschuwing(en)")
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

        write_atomic(args.output, text)
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
                                       "dit model is geen overlay", expected="sleutel 'basis'")])
        return EXIT_USER
    base = load_rules(overlay.root / overlay.manifest.base)
    lines = diff_models(base, overlay)
    print("\n".join(lines) if lines else "geen verschillen")
    return EXIT_OK


def cmd_docs(args: argparse.Namespace) -> int:
    from riskmodel.api import load_rules
    from riskmodel.docgen import generate, stale_files, write_docs

    rules = load_rules(args.rules)
    pages = generate(rules)
    if args.check:
        stale = stale_files(pages, args.output)
        for name in stale:
            print(f"{args.output / name}: verouderd of ontbreekt; draai 'riskmodel docs'",
                  file=sys.stderr)
        return EXIT_FAIL if stale else EXIT_OK
    write_docs(pages, args.output)
    print(f"{len(pages)} pagina's geschreven naar {args.output}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"assess": cmd_assess, "check": cmd_check, "schema": cmd_schema,
                "scenarios": cmd_scenarios, "docs": cmd_docs, "diff": cmd_diff}
    try:
        return handlers[args.command](args)
    except UserInputError as exc:
        _print_diagnostics(exc.diagnostics, getattr(args, "lang", "nl"), _json_errors(args))
        return EXIT_USER
    except EngineError as exc:
        print(f"riskmodel: enginefout: {exc}", file=sys.stderr)
        if args.debug:
            raise
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal failure: short message, traceback with --debug
        if args.debug:
            raise
        print(f"riskmodel: interne fout ({type(exc).__name__}: {exc}); draai opnieuw met "
              "--debug voor details en meld dit als fout.", file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
