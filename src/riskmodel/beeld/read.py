"""Reading the input of a regional picture: profiles in, (profile, assessment) pairs out.

One function, `read_pairs`, so the batch table readers (CSV, XLSX, Parquet) can be wired in
at one place later. A bad profile never stops the picture: it is returned as a problem with
its diagnostics, and the picture says how many and which.

Unlike `assess_many`, the same profile id may occur at several peildata (that is how the
change between two dates is given); the same id at the same peildatum twice is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from riskmodel.api import DateLike, as_date, assess, load_profile
from riskmodel.errors import Diagnostic, UserInputError, make_diagnostic, msg
from riskmodel.load.files import PROFILE_SUFFIXES, expand_inputs
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import display_path

JSONL_SUFFIXES = (".jsonl", ".ndjson")
INPUT_SUFFIXES = PROFILE_SUFFIXES + JSONL_SUFFIXES


@dataclass
class Read:
    """What an input gave: assessed pairs, and per failed input its name and diagnostics."""

    pairs: list[tuple[Profile, Assessment]] = field(default_factory=list)
    problems: list[tuple[str, list[Diagnostic]]] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for _, ds in self.problems for d in ds]


def read_pairs(input: Path | str, rules: RuleSet, peildatum: DateLike | None = None) -> Read:
    """Assess every profile in `input`: a profile file, a directory of them, or a JSONL file
    (one profile object per line). With `peildatum`, every profile is assessed as of it."""
    day = as_date(peildatum)
    out = Read()
    files, problems = expand_inputs([input], INPUT_SUFFIXES)
    out.problems.extend((d.file, [d]) for d in problems)
    seen: dict[tuple[str, dt.date], str] = {}
    for file in files:
        name = display_path(file)
        items: list[tuple[str, int | None, dict[str, Any] | Path]]
        if file.suffix in JSONL_SUFFIXES:
            lines, bad = _jsonl(file, name)
            items = list(lines)
            out.problems.extend(bad)
        else:
            items = [(name, None, file)]
        for source, line, item in items:
            try:
                profile = load_profile(item, rules, peildatum=day)
                key = (profile.id, profile.peildatum)
                if key in seen:
                    out.problems.append((source, [make_diagnostic(
                        name, line, None, "id",
                        msg("profile.duplicate_id", id=profile.id, other=seen[key]),
                        code="duplicate-id", loc=("id",))]))
                    continue
                seen[key] = source
                out.pairs.append((profile, assess(profile, rules)))
            except UserInputError as exc:
                diags = [dataclasses.replace(d, file=name, line=d.line or line)
                         if line is not None else d for d in exc.diagnostics]
                out.problems.append((source, diags))
    return out


def _jsonl(file: Path, name: str
           ) -> tuple[list[tuple[str, int | None, dict[str, Any]]],
                      list[tuple[str, list[Diagnostic]]]]:
    items: list[tuple[str, int | None, dict[str, Any]]] = []
    bad: list[tuple[str, list[Diagnostic]]] = []
    try:
        data = file.read_bytes()
    except OSError as exc:
        return [], [(name, [make_diagnostic(name, None, None, "",
                                            msg("file.unreadable", reason=exc.strerror),
                                            code="unreadable")])]
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            bad.append((where, [make_diagnostic(name, number, None, "",
                                                msg("json.invalid", detail=str(exc)),
                                                code="yaml-syntax")]))
            continue
        if not isinstance(obj, dict):
            bad.append((where, [make_diagnostic(name, number, None, "",
                                                msg("beeld.jsonl_not_object"),
                                                code="type")]))
            continue
        items.append((where, number, obj))
    return items, bad
