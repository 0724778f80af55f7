"""The vectorised evaluator equals the reference on every row it accepts, and accepts only
rows the reference accepts.

Tables are drawn from each model's own vocabulary (the strategies of test_crosscheck: values
near the constants the rules compare with, peildata on the boundaries where the law changed),
written as a CSV reader gives them (all text) or as Parquet gives them (typed columns), with
unknowns as empty cells, None and `onbekend`. Every scenario profile is a row too.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_copies import MINI, REPO
from test_crosscheck import fact_values, rules_for, vocabulary

from riskmodel import ProfileError, assess
from riskmodel.batch.columns import LIST_SEPARATOR, NOT_SUGGESTED, summary_columns
from riskmodel.batch.vector import evaluate_frame, explain_rows
from riskmodel.batch.vector_logic import change_days
from riskmodel.batch.vector_reference import row_profile, row_summary
from riskmodel.compile.compiler import compile_model
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios import load_scenario

BUNDLED = REPO / "rules"
MODELS = [BUNDLED, MINI]
SOURCES = ("politie", "riec", "gemeente", "om", "open_bron", "eigen_waarneming", "overig")
PLACES = ("Apeldoorn", "Ede", "Den Haag", "'s-Hertogenbosch", "Zutphen")
DISTRICTS = (None, "Centrum", "Wijk 04 Centrum", "")
KINDS = ("gemeente", "wijk", "pand", "evenement", "groep")
UNKNOWN_CELLS = (None, "", "onbekend", " Onbekend ")


# ---- building tables ----------------------------------------------------------------------
def as_text(value: Any) -> Any:
    """A value as a CSV reader gives it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def frame(rows: list[dict[str, Any]], rules: RuleSet, typed: bool) -> pl.DataFrame:
    """A table as read from CSV (every column text) or Parquet (a type per fact)."""
    cols: list[str] = []
    for row in rows:
        cols += [c for c in row if c not in cols]
    data: dict[str, pl.Series] = {}
    for c in cols:
        values = [row.get(c) for row in rows]
        fact = rules.facts.get(c)
        dtype: Any = pl.String
        if typed and fact is not None and not any(isinstance(v, str) for v in values):
            dtype = {"bool": pl.Boolean, "int": pl.Int64, "decimal": pl.Float64,
                     "date": pl.Date, "enum": pl.String,
                     "enum_list": pl.List(pl.String)}[fact.type]
        elif typed and c == "peildatum" and not any(isinstance(v, str) for v in values):
            dtype = pl.Date
        else:
            values = [as_text(v) for v in values]
        data[c] = pl.Series(c, values, dtype=dtype)
    return pl.DataFrame(list(data.values()))


def check_table(df: pl.DataFrame, rules: RuleSet, peildatum: dt.date | None = None,
                expect_all_valid: bool = False) -> np.ndarray:
    """Every row the vector path accepts equals the reference; returns the invalid mask."""
    result = evaluate_frame(df, rules, peildatum=peildatum)
    assert result.summary.columns == summary_columns(rules)
    assert len(result.invalid) == df.height
    assert result.summary.height == df.height - int(result.invalid.sum())
    if expect_all_valid:
        assert result.invalid_rows == [], [
            _refusal(df.row(i, named=True), rules, peildatum) for i in result.invalid_rows[:3]]
    for i, got in zip(result.valid_rows, result.summary.iter_rows(named=True), strict=True):
        row = df.row(i, named=True)
        assert row_summary(row, rules, peildatum=peildatum) == got, f"row {i}: {row}"
    return result.invalid


def _refusal(row: dict[str, Any], rules: RuleSet, peildatum: dt.date | None) -> str:
    try:
        row_profile(row, rules, peildatum=peildatum)
    except ProfileError as exc:
        return f"{row}: {exc}"
    return f"{row}: the reference accepts it"


def profile_row(profile: Profile) -> dict[str, Any]:
    row: dict[str, Any] = {"id": profile.id, "soort": profile.kind,
                           "gemeente": profile.municipality, "wijk": profile.district,
                           "peildatum": profile.peildatum}
    for fid, entry in profile.facts.items():
        row[fid] = entry.value
        if entry.source is not None:
            row[fid + "__bron"] = entry.source
        if entry.observed is not None:
            row[fid + "__datum"] = entry.observed
    return row


# ---- every scenario as a row -----------------------------------------------------------------
def scenario_rows(rules: RuleSet, *dirs: Path) -> list[dict[str, Any]]:
    rows = []
    for d in dirs:
        for path in sorted(d.glob("*.yaml")):
            rows.append(profile_row(load_scenario(path, rules).profile))
    return rows


@pytest.mark.parametrize("typed", [False, True], ids=["csv", "parquet"])
def test_every_scenario_as_a_row(bundled_rules: RuleSet, typed: bool) -> None:
    rows = scenario_rows(bundled_rules, REPO / "scenarios")
    assert len(rows) > 50
    check_table(frame(rows, bundled_rules, typed), bundled_rules, expect_all_valid=True)


def test_mini_scenarios_as_rows(rules: RuleSet, mini_scenarios: Path) -> None:
    rows = scenario_rows(rules, mini_scenarios)
    assert rows
    for typed in (False, True):
        check_table(frame(rows, rules, typed), rules, expect_all_valid=True)


def test_scenarios_on_another_peildatum(bundled_rules: RuleSet) -> None:
    rows = [r for r in scenario_rows(bundled_rules, REPO / "scenarios")
            if all(not k.endswith("__datum") or r[k] <= dt.date(2019, 5, 28) for k in r)]
    invalid = check_table(frame(rows, bundled_rules, False), bundled_rules,
                          peildatum=dt.date(2019, 5, 28))
    assert not invalid.any()


# ---- random tables from the vocabulary ---------------------------------------------------------
@st.composite
def clean_rows(draw: st.DrawFn, model_dir: Path, n: int) -> list[dict[str, Any]]:
    """Rows with valid values and unknowns in every spelling the contract allows."""
    rules = rules_for(model_dir)
    consts, windows, days = vocabulary(model_dir)
    facts = sorted(rules.facts)
    chosen = draw(st.lists(st.sampled_from(facts), min_size=1, max_size=min(40, len(facts)),
                           unique=True))
    rows = []
    for i in range(n):
        peil = draw(st.sampled_from(days))
        row: dict[str, Any] = {"id": f"r{i}-x", "soort": draw(st.sampled_from(KINDS)),
                               "gemeente": draw(st.sampled_from(PLACES)),
                               "wijk": draw(st.sampled_from(DISTRICTS)), "peildatum": peil}
        for fid in chosen:
            fact = rules.facts[fid]
            if draw(st.integers(0, 3)) == 0:
                row[fid] = draw(st.sampled_from(UNKNOWN_CELLS))
            else:
                row[fid] = draw(fact_values(rules, fact, consts.get(fid, []),
                                            windows.get(fid, []), peil))
            if draw(st.integers(0, 5)) == 0:
                row[fid + "__bron"] = draw(st.sampled_from(SOURCES))
            if draw(st.integers(0, 5)) == 0:
                row[fid + "__datum"] = peil - dt.timedelta(days=draw(st.integers(0, 4000)))
        rows.append(row)
    return rows


@pytest.mark.parametrize("model_dir", MODELS, ids=lambda p: p.name)
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_tables_equal_the_reference(model_dir: Path, data: st.DataObject) -> None:
    rules = rules_for(model_dir)
    rows = data.draw(clean_rows(model_dir, 12))
    typed = data.draw(st.booleans())
    df = frame(rows, rules, typed)
    # typed columns hold no text: an `onbekend` there becomes an empty cell
    if typed:
        df = df.with_columns([pl.col(c).replace("onbekend", None) if df.schema[c] == pl.String
                              and c in rules.facts else pl.col(c) for c in df.columns])
    check_table(df, rules, expect_all_valid=True)
    _, _, days = vocabulary(model_dir)
    check_table(df, rules, peildatum=data.draw(st.sampled_from(days)))


# ---- messy tables: valid-detection is conservative ------------------------------------------
MESSY: dict[str, tuple[Any, ...]] = {
    "bool": ("ja", "nee", "TRUE", " true", "1", "yes", "waar"),
    "int": ("12.0", "1e3", " 12", "-5", "123456782", "abc", str(10**20), "1_000", "+7"),
    "decimal": ("0.12345", "1,5", "nan", "inf", "-1", "1e-3", "123456782", "+0.5", "2.50"),
    "date": ("2024-02-30", "2024/01/01", "20240101", "2024-1-1", "0000-01-01", "2024-01-01 "),
    "enum": ("xyz", "Onbekend2", " x", "true"),
    "enum_list": (";", "x;;y", "x; y", "zzz"),
}


def _messy_value(draw: st.DrawFn, rules: RuleSet, fid: str, clean: Any) -> Any:
    fact = rules.facts[fid]
    options = list(MESSY[fact.type])
    if fact.type in ("enum", "enum_list"):
        vals = rules.enum_values(fact)
        options += [vals[0].upper(), " " + vals[0], vals[0] + LIST_SEPARATOR + "nope",
                    LIST_SEPARATOR.join(vals[:2]) + LIST_SEPARATOR]
    if isinstance(clean, str | list) and clean:
        first = clean if isinstance(clean, str) else clean[0]
        options.append(first + " ")
    return draw(st.sampled_from(options))


@pytest.mark.parametrize("model_dir", MODELS, ids=lambda p: p.name)
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_rows_called_valid_are_accepted_by_the_reference(model_dir: Path,
                                                         data: st.DataObject) -> None:
    rules = rules_for(model_dir)
    rows = data.draw(clean_rows(model_dir, 12))
    for i, row in enumerate(rows):
        what = data.draw(st.integers(0, 9))
        if what == 0:
            row["id"] = data.draw(st.sampled_from(
                ("Bad Id", "x" * 70, "casus-123456782", "r0-x", "", "nl91abna0417164300",
                 "ab-12-cd", "geboren-1990")))
        elif what == 1:
            row["gemeente"] = data.draw(st.sampled_from(
                ("Apeldoorn1", "", " Ede", "Kerkstraat 12", "Ede\x1b", "A" * 61)))
        elif what == 2:
            row["wijk"] = data.draw(st.sampled_from(("Kerkstraat 12", " x", "1234 AB", "_x")))
        elif what == 3:
            row["peildatum"] = data.draw(st.sampled_from(("2024-13-01", None, "gisteren", 20)))
        elif what == 4:
            row["soort"] = data.draw(st.sampled_from(("Pand", "persoon", None)))
        facts = [k for k in row if k in rules.facts]
        for fid in facts:
            if data.draw(st.integers(0, 6)) == 0:
                row[fid] = _messy_value(data.draw, rules, fid, row[fid])
            if data.draw(st.integers(0, 12)) == 0:
                row[fid + "__bron"] = data.draw(st.sampled_from(("krant", "POLITIE", "om ")))
            if data.draw(st.integers(0, 12)) == 0 and isinstance(row["peildatum"], dt.date):
                row[fid + "__datum"] = row["peildatum"] + dt.timedelta(
                    days=data.draw(st.integers(-1, 3)))
        if i == 0 and data.draw(st.integers(0, 9)) == 0:
            row[data.draw(st.sampled_from(("opmerking", "naam", "clubhuis_statsu")))] = "x"
    df = frame(rows, rules, typed=False)
    check_table(df, rules)  # every row called valid: accepted, and equal to the reference


def test_bad_cells_go_to_the_reference(rules: RuleSet) -> None:
    """Each kind of bad cell makes its row invalid, and the reference refuses those rows."""
    base = {"id": "a", "soort": "pand", "gemeente": "Ede", "peildatum": "2024-01-01"}
    bad_rows = [
        {**base, "motorclub_aanwezig": "misschien"},
        {**base, "aantal_incidenten": "-1"},
        {**base, "aantal_incidenten": "123456782"},
        {**base, "drugs_gram": "0.12345"},
        {**base, "laatste_incident": "2024-02-30"},
        {**base, "clubhuis_status": "gesloten"},
        {**base, "aangetroffen": "drugs;geld"},
        {**base, "aantal_incidenten__datum": "2024-01-02"},
        {**base, "motorclub_aanwezig__bron": "krant"},
        {**base, "id": "casus-123456782"},
        {**base, "gemeente": "Kerkstraat 12"},
        {**base, "peildatum": "2024-13-01"},
        {**base, "soort": "persoon"},
    ]
    good = {**base, "id": "b", "motorclub_aanwezig": "true", "aangetroffen": "drugs;wapens"}
    rows = [{**r, "id": r["id"] if r["id"] != "a" else f"a{i}"} for i, r in enumerate(bad_rows)]
    df = pl.DataFrame([{k: r.get(k) for k in sorted({c for x in [*rows, good] for c in x})}
                       for r in [*rows, good]])
    result = evaluate_frame(df, rules)
    assert result.invalid_rows == list(range(len(rows)))
    for i in result.invalid_rows:
        with pytest.raises(ProfileError):
            row_profile(df.row(i, named=True), rules)
    assert result.summary["id"].to_list() == ["b"]


def test_unknown_column_and_duplicate_ids(rules: RuleSet) -> None:
    base = {"id": "a", "soort": "pand", "gemeente": "Ede", "peildatum": dt.date(2024, 1, 1)}
    df = pl.DataFrame([base, {**base, "id": "b"}, base])
    assert evaluate_frame(df, rules).invalid_rows == [2]
    # a column that is no fact: an empty cell is nothing, a value goes to the reference path
    # (which refuses it by name)
    with_extra = df.with_columns(pl.Series("opmerking", [None, "x", None], pl.String))
    assert evaluate_frame(with_extra, rules).invalid_rows == [1, 2]
    with pytest.raises(ProfileError, match="opmerking"):
        row_profile(with_extra.row(1, named=True), rules)
    described = df.with_columns(
        pl.Series("omschrijving", ["Loods aan de rand", "Bel 0612345678", None], pl.String),
        pl.Series("object", ["0200010000123456", "ab", "ref-12"], pl.String))
    assert evaluate_frame(described, rules).invalid_rows == [1, 2]  # phone number; repeated id
    row_profile(described.row(0, named=True), rules)  # the loader accepts what it vouches for
    with pytest.raises(ProfileError):
        row_profile(described.row(1, named=True), rules)
    short = described.with_columns(pl.Series("object", ["ab", None, None], pl.String))
    assert evaluate_frame(short, rules).invalid_rows == [0, 1, 2]
    with pytest.raises(ProfileError):
        row_profile(short.row(0, named=True), rules)


def test_yes_no_words_are_the_row_rule_s(rules: RuleSet) -> None:
    """The vector path reads every yes/no word of the row rule (rows.BOOL_CELLS) as the
    reference does, in any case."""
    from riskmodel.batch.rows import BOOL_CELLS

    words = [*BOOL_CELLS, "JA", "Nee", "TRUE"]
    df = pl.DataFrame({"id": [f"r{i}" for i in range(len(words))],
                       "soort": ["pand"] * len(words), "gemeente": ["Ede"] * len(words),
                       "peildatum": ["2024-01-01"] * len(words), "motorclub_aanwezig": words})
    invalid = check_table(df, rules, expect_all_valid=True)
    assert not invalid.any()
    got = row_profile(df.row(words.index("ja"), named=True), rules)
    assert got.facts["motorclub_aanwezig"].value is True


def test_not_suggested_and_levels_read_from_the_model(rules: RuleSet) -> None:
    df = pl.DataFrame([{"id": "a", "soort": "pand", "gemeente": "Ede",
                        "peildatum": dt.date(2024, 1, 1), "motorclub_aanwezig": False}])
    summary = evaluate_frame(df, rules).summary.row(0, named=True)
    statuses = {k: v for k, v in summary.items() if k.endswith("__status")}
    assert NOT_SUGGESTED in statuses.values()
    assert summary == row_summary(df.row(0, named=True), rules)


def test_explain_rows_are_reference_assessments(bundled_rules: RuleSet) -> None:
    rows = scenario_rows(bundled_rules, REPO / "scenarios")[:5]
    df = frame(rows, bundled_rules, typed=False)
    got = explain_rows(df, bundled_rules, [1, 3])
    for i, assessment in zip([1, 3], got, strict=True):
        profile = row_profile(df.row(i, named=True), bundled_rules)
        assert assessment.to_json() == assess(profile, bundled_rules).to_json()


def test_days_in_one_stretch_compile_alike(bundled_rules: RuleSet) -> None:
    """The vector path compiles once per stretch between change days: check that the
    compiler indeed gives the same model on the first and last day of sampled stretches."""
    changes = change_days(bundled_rules)
    assert changes
    for a, b in list(itertools.pairwise(changes))[:: max(1, len(changes) // 8)]:
        first = compile_model(bundled_rules, dt.date.fromordinal(a))
        last = compile_model(bundled_rules, dt.date.fromordinal(b - 1))
        for part in ("indicators", "phenomena", "interventions"):
            assert getattr(first, part) == getattr(last, part)


# ---- the id prefilter of the privacy check is a superset ---------------------------------------
_ID_PARTS = st.sampled_from(["0", "1", "2", "3", "5", "7", "8", "9", "00", "06", "31", "-", "-",
                             ".", "_", "a", "b", "nl", "geb", "geboren", "born", "d.o.b", "op",
                             "123456782", "11111112", "2024-01-01", "ab-12-cd", "nl91abna",
                             "0049", "abna"])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_ID_PARTS, min_size=1, max_size=12))
def test_id_prefilter_finds_every_id_the_privacy_check_refuses(parts: list[str]) -> None:
    from riskmodel.batch.vector_cells import _identity_exprs
    from riskmodel.check.privacy import find_personal_data

    text = "".join(parts)
    df = pl.DataFrame({"id": [text], "soort": ["pand"], "peildatum": ["2024-01-01"]})
    flagged = df.select(_identity_exprs(df.schema))["__id_check"][0]
    if list(find_personal_data(text)):
        assert flagged, text


@pytest.mark.parametrize("text", ["casus-123456782", "x11111112", "nl91abna0417164300",
                                  "ab-12-cd", "p-0612345678", "x-0031612345678",
                                  "a1.2.3.4.5.6.7.8.2", "r-00491234567"])
def test_id_prefilter_known_personal_data(text: str) -> None:
    from riskmodel.batch.vector_cells import _identity_exprs
    from riskmodel.check.privacy import find_personal_data

    df = pl.DataFrame({"id": [text], "soort": ["pand"], "peildatum": ["2024-01-01"]})
    assert df.select(_identity_exprs(df.schema))["__id_check"][0]
    assert list(find_personal_data(text))


def test_source_and_date_columns_without_a_value_column(rules: RuleSet) -> None:
    """A fact may come with only its __bron/__datum columns (or an all-empty value column):
    those cells are still checked."""
    base = {"id": "a", "soort": "pand", "gemeente": "Ede", "peildatum": dt.date(2024, 1, 1)}
    rows = [{**base, "id": "a", "motorclub_aanwezig__bron": "krant"},
            {**base, "id": "b", "motorclub_aanwezig__bron": "politie",
             "aangetroffen__datum": dt.date(2025, 1, 1)},
            {**base, "id": "c", "motorclub_aanwezig__bron": "politie",
             "aangetroffen__datum": dt.date(2023, 1, 1)}]
    df = pl.DataFrame(rows).with_columns(pl.lit(None).alias("aangetroffen"))
    invalid = check_table(df, rules)
    assert list(np.flatnonzero(invalid)) == [0, 1]
    for i in (0, 1):
        with pytest.raises(ProfileError):
            row_profile(df.row(i, named=True), rules)
