"""`riskmodel beeld` end to end: read, assess, collect, render, write atomically.

Kept here rather than in cli.py so the CLI holds only argument parsing and printing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from riskmodel.beeld.aggregate import collect
from riskmodel.beeld.read import Read, read_pairs
from riskmodel.beeld.render import SUFFIXES, render_beeld
from riskmodel.beeld.suppress import Hidden
from riskmodel.beeld.waterbed import read_neighbours
from riskmodel.errors import Diagnostic, UserInputError, make_diagnostic, msg
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.atomic import write_atomic
from riskmodel.source import display_path

#: codes that mean the input as a whole is missing, not that a profile in it is bad
_NO_INPUT = {"not-found", "no-input", "unreadable", "not-a-file"}


def _input(read: Read) -> Read:
    """A picture of nothing is not written: an input that names no readable profile at all
    is a user error; bad profiles next to good ones are only reported."""
    if not read.pairs and read.problems and all(
            d.code in _NO_INPUT for d in read.diagnostics):
        raise UserInputError(read.diagnostics)
    return read


@dataclass
class Result:
    profiles: str
    rejected: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


def run_beeld(input: Path, output: Path, rules: RuleSet, *, k: int = 5,
              buren: str | None = None, venster: int = 180, vergelijk: Path | None = None,
              peildatum: dt.date | None = None, lang: str = "nl", ids: bool = True) -> Result:
    """Write the picture of `input` to `output` (.html, .md or .json); user mistakes in the
    options raise UserInputError before anything is read; bad profiles are counted."""
    fmt = SUFFIXES.get(output.suffix.lower())
    problems: list[Diagnostic] = []
    if fmt is None:
        problems.append(make_diagnostic(display_path(output), None, None, "output",
                                        msg("beeld.output_suffix"), code="unknown-value",
                                        expected=".html, .md, .json", loc=("output",)))
    if k < 1:
        problems.append(make_diagnostic("<argument>", None, None, "k", msg("beeld.k", k=k),
                                        code="range", loc=("k",)))
    if venster < 0:
        problems.append(make_diagnostic("<argument>", None, None, "venster",
                                        msg("beeld.venster", days=venster), code="range",
                                        loc=("venster",)))
    if problems:
        raise UserInputError(problems)
    assert fmt is not None
    neighbours = read_neighbours(buren) if buren else None
    read = _input(read_pairs(input, rules, peildatum))
    earlier = _input(read_pairs(vergelijk, rules, peildatum)) if vergelijk is not None else None
    rejected = [(s, [str(d.code) for d in ds]) for s, ds in read.problems]
    if earlier is not None:
        rejected += [(s, [str(d.code) for d in ds]) for s, ds in earlier.problems]
    beeld = collect(read.pairs, rules, k=k, earlier=earlier.pairs if earlier else None,
                    neighbours=neighbours, window=venster, ids=ids, rejected=rejected)
    write_atomic(output, render_beeld(beeld, fmt, lang, rules), lang=lang)
    diags = read.diagnostics + (earlier.diagnostics if earlier else [])
    shown = beeld.profiles
    return Result(profiles=f"< {shown.below}" if isinstance(shown, Hidden) else str(shown),
                  rejected=len(rejected), diagnostics=diags)
