"""`riskmodel batch`: the parser and the command, kept here so cli.py only wires them in.

Exit codes: 0 every row assessed; 1 at least one row refused or failed (listed in the errors
file; the other rows are in the summary); 2 a usage error (bad option, unreadable input,
unwritable output, a missing extra).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

from riskmodel.errors import UserInputError, make_diagnostic
from riskmodel.messages import t

EXIT_OK, EXIT_ROWS_FAILED, EXIT_USER = 0, 1, 2
#: at most this many row errors are printed; all of them are in the errors file
SHOWN_ERRORS = 20
#: extra -> modules it brings
EXTRAS: dict[str, tuple[str, ...]] = {"batch": ("polars", "pyarrow", "openpyxl", "rich"),
                                      "dask": ("distributed",)}


def add_parser(sub: Any, parents: list[argparse.ArgumentParser],
               date_type: Any) -> argparse.ArgumentParser:
    b: argparse.ArgumentParser = sub.add_parser(
        "batch", parents=parents,
        help="beoordeel een tabel met situaties (CSV, Excel, Parquet, JSONL of een map)",
        description="Een rij per situatie in, een samenvattingstabel uit. Exitcode 0: alle "
                    "rijen beoordeeld; 1: een of meer rijen afgekeurd (zie het foutenbestand); "
                    "2: gebruiksfout.")
    b.add_argument("input", nargs="?", type=Path, metavar="INPUT",
                   help="map met profielen, .jsonl, .csv, .xlsx of .parquet")
    b.add_argument("--output", type=Path, help="samenvattingstabel: .csv, .xlsx of .parquet "
                   "(met --template: het sjabloonbestand)")
    b.add_argument("--details", type=Path, metavar="MAP",
                   help="schrijf per profiel de volledige beoordeling (JSON) in deze map")
    b.add_argument("--errors", type=Path, metavar="BESTAND",
                   help="foutenbestand, .csv of .jsonl (standaard: <output>.fouten.csv)")
    b.add_argument("--resume", action="store_true",
                   help="ga verder na het laatst voltooide blok van een onderbroken run")
    b.add_argument("--chunk-size", type=int, default=None, metavar="N",
                   help="rijen per blok (standaard 50000)")
    b.add_argument("--peildatum", type=date_type, help="beoordeel alle rijen per deze datum")
    b.add_argument("--rules", type=Path, help="modelmap (standaard: het meegeleverde model)")
    b.add_argument("--engine", choices=("vector", "reference"), default="vector",
                   help="vector (standaard: gevectoriseerd, rijen die het niet kan instaan "
                        "per rij) of reference (elke rij zoals assess)")
    b.add_argument("--dask", metavar="ADRES",
                   help="verdeel de blokken over een Dask-cluster: tcp://host:poort of local")
    b.add_argument("--workers", type=int, metavar="N",
                   help="aantal workers bij --dask local (standaard: aantal cores)")
    b.add_argument("--template", choices=("csv", "xlsx"),
                   help="schrijf een leeg invulsjabloon met de kolommen van het model")
    return b


def need_extra(extra: str, lang: str) -> None:
    """A missing optional dependency is a usage error that says what to install."""
    missing = [m for m in EXTRAS[extra] if importlib.util.find_spec(m) is None]
    if missing:
        raise UserInputError([make_diagnostic(
            "riskmodel", None, None, extra, t("batch.need_extra", lang, extra=extra,
                                              missing=", ".join(missing)),
            code="not-found", loc=(extra,))])


def cmd_batch(args: argparse.Namespace) -> int:
    lang: str = args.lang
    need_extra("batch", lang)
    from riskmodel.api import load_rules

    if args.template:
        if args.output is None:
            raise _usage(lang)
        from riskmodel.batch.template import write_template

        columns = write_template(load_rules(args.rules), args.template, args.output, lang)
        print(t("batch.template_written", lang, columns=columns, path=args.output))
        return EXIT_OK
    if args.input is None or args.output is None:
        raise _usage(lang)
    if args.dask:
        need_extra("dask", lang)
    from riskmodel.batch.progress import wanted
    from riskmodel.batch.read import DEFAULT_CHUNK_SIZE
    from riskmodel.batch.run import default_errors_path, run_batch

    result = run_batch(
        args.input, args.output, load_rules(args.rules), peildatum=args.peildatum,
        chunk_size=DEFAULT_CHUNK_SIZE if args.chunk_size is None else args.chunk_size,
        engine=args.engine,
        details_dir=args.details, errors_path=args.errors, resume=args.resume, lang=lang,
        dask=args.dask, workers=args.workers, progress=wanted())
    if result.resumed_chunks:
        print(t("batch.resumed", lang, chunks=result.resumed_chunks,
                rows=result.resumed_rows), file=sys.stderr)
    if result.resume_refused:
        print(t("batch.resume_mismatch", lang), file=sys.stderr)
    for record in result.errors[:SHOWN_ERRORS]:
        print(record.format(lang), file=sys.stderr)
    errors_path = args.errors or default_errors_path(args.output)
    if result.errors:
        print(t("batch.errors_written", lang, path=errors_path), file=sys.stderr)
    print(t("batch.done", lang, rows=result.rows, assessed=result.summary.height,
            failed=result.failed, seconds=result.seconds,
            rate=result.rows / max(result.seconds, 1e-9), output=args.output))
    return EXIT_ROWS_FAILED if result.failed else EXIT_OK


def _usage(lang: str) -> UserInputError:
    return UserInputError([make_diagnostic("riskmodel batch", None, None, "", t(
        "batch.need_input", lang), code="missing-key")])


__all__ = ["add_parser", "cmd_batch"]
