"""Vectorised validation and encoding of a table of profiles: one int64 code column per fact.

Conservative by design: a cell is *clean* only in forms whose meaning is beyond doubt (for
text: no surrounding spaces, exact ids, the row rule's yes/no words (``rows.BOOL_CELLS``) in
lower, upper or title case, plain digits, ``JJJJ-MM-DD``, ``a;b`` lists of exact ids).
Any other known cell marks its row as one for the per-row reference path
(:mod:`.vector_reference`), which then accepts it or says exactly what is wrong. So a row
this module calls valid is one the loader accepts; the reverse need not hold.

Codes: a known value is encoded as the compiled rules compare it (compile.encode: booleans
0/1, decimals scaled by 10**4, dates as ordinals, enum values as the index of their
canonical id, enum_list values as bits); ``UNKNOWN`` and ``BAD`` are sentinels outside
every value's range.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, get_args

import numpy as np
import numpy.typing as npt
import polars as pl

from riskmodel.batch.columns import (
    DATE_SUFFIX,
    FILE_COLUMN,
    ID_COLUMNS,
    LIST_SEPARATOR,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    ROW_COLUMN,
    SOURCE_SUFFIX,
    is_unknown,
)
from riskmodel.batch.rows import BOOL_CELLS, RowReader
from riskmodel.check.privacy import find_personal_data, is_personal_key
from riskmodel.check.profile import profile_from_data, profile_from_doc
from riskmodel.errors import UserInputError
from riskmodel.load.limits import current_limits
from riskmodel.model.common import DECIMAL_SCALE, too_precise
from riskmodel.model.profile import UNKNOWN as UNKNOWN_WORD
from riskmodel.model.rules import Fact, SituationKind, SourceKind
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import MAX_SAFE_INT

Codes = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

UNKNOWN: int = -(2**62)
BAD: int = -(2**62) + 1
#: bits per enum_list word (int64, sign bit and sentinels kept clear)
WORD_BITS = 60
#: date ordinal of polars' day 0 (1970-01-01)
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: integers from this size on may look like a BSN: checked one by one with the privacy check
PRIVACY_DIGITS = 10_000_000
#: text longer than this is never clean (far below every default limit)
MAX_CLEAN_TEXT = 1000

_ID_RE = r"^[a-z0-9][a-z0-9_.-]*$"
_INT_RE = r"^[+-]?\d{1,16}$"
_DECIMAL_RE = r"^[+-]?\d{1,11}(\.\d{1,4})?$"
_DATE_RE = r"^[1-9]\d{3}-\d{2}-\d{2}$"
#: what the privacy check may find in an id-shaped text ([a-z0-9_.-]), as a superset: a
#: digit run (digits joined by single separators, as check.privacy reads them) of nine
#: digits, or of eight digits written together (BSN); a 0 before nine more digits or 00
#: before seven (phone numbers); an IBAN-like run; a licence-plate shape standing on its own; birth words
#: followed by a date. The rows found are then checked exactly.
_DIGIT_RUN_RE = r"\d([._-]?\d)*"
_ID_PRIVACY_RE = (r"(^|[-.])0(-{0,2}\d){9}|(^|[-.])00[1-9](-?\d){6}|[a-z]{2}\d{2}[a-z0-9]{11}"
                  r"|(^|[_.])[a-z0-9]{1,3}-[a-z0-9]{1,3}-[a-z0-9]{1,3}($|[_.])"
                  r"|(^|[-.])(geboren|geb\.?|geboortedatum|geboortejaar|born|d\.o\.b\.?)"
                  r"(op|in|on)?\d")
KINDS: tuple[str, ...] = get_args(SituationKind)
SOURCES: tuple[str, ...] = get_args(SourceKind)

_INTEGER_TYPES = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32,
                  pl.UInt64)
_FLOAT_TYPES = (pl.Float32, pl.Float64)


@dataclass
class FactCodes:
    """The encoded column(s) of one fact: one code array, or bit words for an enum_list."""

    fact: Fact
    codes: list[Codes]
    #: enum: canonical value ids by code; enum_list: value ids by bit position
    values: list[str] = field(default_factory=list)


@dataclass
class EncodedFrame:
    """A table as columns: per fact its codes, per row its day and whether it is clean."""

    n: int
    facts: dict[str, FactCodes]
    #: the date each row is assessed on (the override or its own peildatum), as ordinal
    day: Codes
    #: rows the reference path must see (anything not certainly valid)
    invalid: Mask


def _is_string(dtype: Any) -> bool:
    return dtype == pl.String or dtype == pl.Categorical or isinstance(dtype, pl.Enum)


def _unknown(c: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    if _is_string(dtype):
        s = c.cast(pl.String)
        unknown: pl.Expr = s.is_null() | s.str.strip_chars().str.to_lowercase().is_in(
            ["", UNKNOWN_WORD])
        return unknown
    if dtype in _FLOAT_TYPES:
        return c.is_null() | c.is_nan()
    return c.is_null()


def _codes(unknown: pl.Expr, ok: pl.Expr, value: pl.Expr) -> pl.Expr:
    return (pl.when(unknown).then(pl.lit(UNKNOWN, pl.Int64))
            .when(ok).then(value.cast(pl.Int64, strict=False))
            .otherwise(pl.lit(BAD, pl.Int64)).fill_null(BAD))


def _bounds(fact: Fact, v: pl.Expr) -> pl.Expr:
    ok = v.is_not_null() & v.is_finite()
    if fact.minimum is not None:
        ok = ok & (v >= fact.minimum)
    if fact.maximum is not None:
        ok = ok & (v <= fact.maximum)
    scale = DECIMAL_SCALE if fact.type == "decimal" else 1
    return ok & (v.abs() * scale <= MAX_SAFE_INT)


def _number_expr(fact: Fact, c: pl.Expr, dtype: pl.DataType, unk: pl.Expr) -> pl.Expr:
    if dtype in _INTEGER_TYPES:
        v = c.cast(pl.Float64)
    elif dtype in _FLOAT_TYPES:
        v = c.cast(pl.Float64)
        if fact.type == "int":
            v = pl.when(v == v.floor()).then(v)
    elif _is_string(dtype):
        s = c.cast(pl.String)
        pattern = _INT_RE if fact.type == "int" else _DECIMAL_RE
        v = pl.when(s.str.contains(pattern)).then(s.str.strip_chars_start("+")
                                                   .cast(pl.Float64, strict=False))
    else:
        return _codes(unk, pl.lit(False), pl.lit(0))
    if fact.type == "decimal":
        return _codes(unk, _bounds(fact, v), (v * DECIMAL_SCALE).round(0))
    if dtype in _INTEGER_TYPES:
        return _codes(unk, _bounds(fact, v), c)
    if _is_string(dtype):
        return _codes(unk, _bounds(fact, v), c.cast(pl.String).str.strip_chars_start("+")
                      .cast(pl.Int64, strict=False))
    return _codes(unk, _bounds(fact, v), v)


def _date_expr(c: pl.Expr, dtype: pl.DataType, unk: pl.Expr) -> pl.Expr:
    if dtype == pl.Date:
        return _codes(unk, pl.lit(True), c.cast(pl.Int32).cast(pl.Int64) + EPOCH_ORDINAL)
    if _is_string(dtype):
        s = c.cast(pl.String)
        d = pl.when(s.str.contains(_DATE_RE)).then(s.str.to_date("%Y-%m-%d", strict=False))
        return _codes(unk, d.is_not_null(), d.cast(pl.Int32).cast(pl.Int64) + EPOCH_ORDINAL)
    return _codes(unk, pl.lit(False), pl.lit(0))


def _enum_expr(names: dict[str, int], c: pl.Expr, dtype: pl.DataType, unk: pl.Expr) -> pl.Expr:
    if not _is_string(dtype) or not names:
        return _codes(unk, pl.lit(False), pl.lit(0))
    mapped = c.cast(pl.String).replace_strict(list(names), list(names.values()), default=-1,
                                              return_dtype=pl.Int64)
    return _codes(unk, mapped >= 0, mapped)


def _list_words(names: dict[str, int], c: pl.Expr, dtype: pl.DataType, unk: pl.Expr,
                n_values: int) -> list[pl.Expr]:
    n_words = max(1, math.ceil(n_values / WORD_BITS))
    if _is_string(dtype):
        s = c.cast(pl.String)
        # the row rule drops empty parts: `;` is the empty list, `a;;b` is a and b
        items = s.str.split(LIST_SEPARATOR).list.eval(pl.element().filter(pl.element() != ""))
        clean = s.str.len_chars() <= MAX_CLEAN_TEXT
    elif isinstance(dtype, pl.List) and _is_string(dtype.inner):
        items = c.list.eval(pl.element().cast(pl.String))
        clean = ~c.list.eval(pl.element().is_null()).list.any().fill_null(False) & (
            c.list.len() <= MAX_CLEAN_TEXT)
    else:
        return [_codes(unk, pl.lit(False), pl.lit(0))] * n_words
    codes = items.list.eval(pl.element().replace_strict(
        list(names), list(names.values()), default=-1, return_dtype=pl.Int64))
    ok = clean & (codes.list.min().fill_null(0) >= 0)
    words = []
    for w in range(n_words):
        bits = [(1 << (code % WORD_BITS)) if code // WORD_BITS == w else 0
                for code in names.values()]
        word = items.list.eval(pl.element().replace_strict(
            list(names), bits, default=0, return_dtype=pl.Int64).unique()).list.sum()
        words.append(_codes(unk, ok, word))
    return words


@functools.cache
def _bool_table() -> tuple[list[str], list[int]]:
    table: dict[str, int] = {}
    for word, code in [*((w, int(b)) for w, b in BOOL_CELLS.items()), (UNKNOWN_WORD, UNKNOWN),
                       ("", UNKNOWN)]:
        for spelling in (word, word.upper(), word.capitalize()):
            table[spelling] = code
    return list(table), list(table.values())


def _text_ok(s: pl.Expr) -> pl.Expr:
    return s.is_not_null() & (s == s.str.strip_chars()) & (s.str.len_chars() <= MAX_CLEAN_TEXT)


@functools.lru_cache(maxsize=65536)
def _place_ok(value: str, district: bool) -> bool:
    """Exactly the loader's verdict on a municipality or district name (pattern, length,
    personal data, unsafe characters), asked once per distinct name."""
    doc: dict[str, Any] = {"id": "x", "soort": "gemeente", "gemeente": "Apeldoorn",
                           "peildatum": dt.date(2000, 1, 1)}
    doc["wijk" if district else "gemeente"] = value
    try:
        profile_from_data(doc, _EMPTY_RULES)
    except UserInputError:
        return False
    return True


@functools.lru_cache(maxsize=65536)
def _optional_ok(name: str, value: str) -> bool:
    """Exactly the loader's verdict on a description or premises reference (length, pattern,
    personal data, unsafe characters) as the row rule gives it, asked once per distinct
    value; neither is in the summary, and the loader checks each field on its own."""
    doc = RowReader(_EMPTY_RULES, "<rij>").document(
        {"id": "x", "soort": "pand", "gemeente": "Apeldoorn", "peildatum": "2000-01-01",
         name: value}, ["id", "soort", "gemeente", "peildatum", name], 1)
    try:
        profile_from_doc(doc, _EMPTY_RULES)
    except UserInputError:
        return False
    return True


#: a stand-in rule set for _place_ok: a document without facts never reaches one
_EMPTY_RULES: Any = types.SimpleNamespace(facts={})


@functools.lru_cache(maxsize=65536)
def _private(value: int | str) -> bool:
    return bool(list(find_personal_data(value)))


@functools.lru_cache(maxsize=262144)
def _too_precise(value: float) -> bool:
    return too_precise(value)


def enum_names(rules: RuleSet, fact: Fact) -> tuple[dict[str, int], list[str]]:
    """Accepted names (ids and aliases) -> code, and the canonical ids by code. A name the
    privacy check would refuse is left out (its rows go to the reference path)."""
    allowed = rules.enum_values(fact)
    canonical = rules.canonical_values(fact) or {v: v for v in allowed}
    ids: list[str] = []
    for name in allowed:
        cid = canonical.get(name, name)
        if cid not in ids:
            ids.append(cid)
    names = {name: ids.index(canonical.get(name, name)) for name in allowed
             if not _private(name)}
    return names, ids


def _column_problem(rules: RuleSet, columns: list[str]) -> bool:
    """True when the table's shape makes every row a matter for the reference path."""
    if any(col not in columns for col in REQUIRED_COLUMNS):
        return True
    limits = current_limits()
    return (limits.string_chars < MAX_CLEAN_TEXT or limits.depth < 8
            or limits.list_items < MAX_CLEAN_TEXT or limits.mapping_keys < len(columns) + 16)


def _foreign_columns(rules: RuleSet, columns: list[str]) -> list[str]:
    """Columns the vector path does not read: no fact (the row rule refuses a value there by
    name), and the optional description and premises columns (free text the loader checks).
    A row with a value in one of them goes to the reference path; an empty cell is nothing."""
    out = []
    for name in columns:
        if (name in ID_COLUMNS or name in rules.facts or name in (ROW_COLUMN, FILE_COLUMN)
                or name in OPTIONAL_COLUMNS):
            continue
        if any(name.endswith(sfx) and name[: -len(sfx)] in rules.facts
               for sfx in (SOURCE_SUFFIX, DATE_SUFFIX)):
            continue
        out.append(name)
    return out


#: per output column of a text column's elementwise encoding: (its source column, the
#: expression); evaluated once per distinct cell (see `_distinct_exprs`)
Distinct = dict[str, tuple[str, pl.Expr]]
#: (source column, its distinct cells, sorted) -> the lookups of its outputs: the chunks of
#: one input mostly repeat the same cells, so each set is worked out once per run
Lookups = dict[tuple[str, tuple[str, ...]], list[pl.Expr]]
Plan = tuple[list[str], list[pl.Expr], dict[str, tuple[dict[str, int], list[str]]], Distinct,
             Lookups]


def _plan(rules: RuleSet, schema: pl.Schema) -> Plan:
    """The expressions that validate and encode a table of this shape, built once per shape
    (building them costs more than running them on a batch)."""
    plans = rules.cache.setdefault("vector_plans", {})
    assert isinstance(plans, dict)
    key = tuple(schema.items())
    cached = plans.get(key)
    if cached is not None:
        plan: Plan = cached
        return plan
    exprs: list[pl.Expr] = []
    distinct: Distinct = {}

    def add(expr: pl.Expr, name: str, source: str, dtype: pl.DataType) -> None:
        """Every expression here reads one cell of one column and nothing else; over text
        it is run on the column's distinct cells (a sheet repeats few values) instead."""
        if _is_string(dtype):
            distinct[name] = (source, expr.alias(name))
        else:
            exprs.append(expr.alias(name))

    # a fact is present with its value column or only with its source/date columns
    present = [f for f in rules.facts
               if f in schema or f + SOURCE_SUFFIX in schema or f + DATE_SUFFIX in schema]
    enum_tables: dict[str, tuple[dict[str, int], list[str]]] = {}
    for fid in present:
        fact = rules.facts[fid]
        if fact.type in ("enum", "enum_list"):
            enum_tables[fid] = enum_names(rules, fact)
        dtype = schema.get(fid, pl.Null())
        c = pl.col(fid)
        unk = _unknown(c, dtype)
        if dtype == pl.Null:  # no value column, or an empty one: unknown everywhere
            n_words = max(1, math.ceil(len(enum_tables[fid][1]) / WORD_BITS)) \
                if fact.type == "enum_list" else 1
            exprs += [pl.lit(UNKNOWN, pl.Int64).alias(fid if fact.type != "enum_list"
                                                      else f"{fid}#{w}")
                      for w in range(n_words)]
        elif fact.type == "bool":
            if dtype == pl.Boolean:  # every known cell is clean: the cheap form
                e = c.cast(pl.Int64).fill_null(UNKNOWN)
            elif _is_string(dtype):
                s = c.cast(pl.String)
                # one hash lookup per cell (the costliest columns: most facts are yes/no):
                # the row rule's yes/no words (rows.BOOL_CELLS) and `onbekend` in lower,
                # upper and title case; any other spelling (spaces around it, mixed case)
                # is left to the reference path, which reads it the same or refuses it
                keys, values = _bool_table()
                e = pl.when(s.is_null()).then(pl.lit(UNKNOWN, pl.Int64)).otherwise(
                    s.replace_strict(keys, values, default=BAD, return_dtype=pl.Int64))
            else:
                e = _codes(unk, pl.lit(False), pl.lit(0))
            add(e, fid, fid, dtype)
        elif fact.type in ("int", "decimal"):
            add(_number_expr(fact, c, dtype, unk), fid, fid, dtype)
        elif fact.type == "date":
            add(_date_expr(c, dtype, unk), fid, fid, dtype)
        else:
            names, ids = enum_tables[fid]
            if fact.type == "enum":
                add(_enum_expr(names, c, dtype, unk), fid, fid, dtype)
            elif not _is_string(dtype):  # text lists: per distinct cell in encode_frame
                for w, e in enumerate(_list_words(names, c, dtype, unk, len(ids))):
                    exprs.append(e.alias(f"{fid}#{w}"))
        for suffix in (SOURCE_SUFFIX, DATE_SUFFIX):
            col = fid + suffix
            if col not in schema:
                continue
            sdt = schema[col]
            sc = pl.col(col)
            if sdt == pl.Null:
                continue
            sunk = _unknown(sc, sdt)
            if suffix == SOURCE_SUFFIX:
                if _is_string(sdt):  # one lookup; other unknown spellings fixed up after
                    keys = [*SOURCES, UNKNOWN_WORD, UNKNOWN_WORD.capitalize(), ""]
                    codes = [0] * len(SOURCES) + [UNKNOWN] * 3
                    st = sc.cast(pl.String)
                    add(pl.when(st.is_null()).then(pl.lit(UNKNOWN, pl.Int64)).otherwise(
                        st.replace_strict(keys, codes, default=BAD, return_dtype=pl.Int64)),
                        col, col, sdt)
                else:
                    add(_codes(sunk, pl.lit(False), pl.lit(0)), col, col, sdt)
            else:
                add(_date_expr(sc, sdt, sunk), col, col, sdt)
    for expr in _identity_exprs(schema):
        name = expr.meta.output_name()
        if name == "__peildatum" and "peildatum" in schema:
            add(expr, name, "peildatum", schema["peildatum"])
        else:
            exprs.append(expr)
    plan = (present, exprs, enum_tables, distinct, {})
    if len(plans) > 64:
        plans.clear()
    plans[key] = plan
    return plan


def encode_frame(df: pl.DataFrame, rules: RuleSet, peildatum: dt.date | None = None
                 ) -> EncodedFrame:
    n = df.height
    schema = df.schema
    invalid = np.zeros(n, dtype=np.bool_)
    if _column_problem(rules, list(df.columns)):
        invalid[:] = True
    foreign = _foreign_columns(rules, list(df.columns))
    if foreign:
        known = df.select(pl.any_horizontal(
            [~_unknown(pl.col(c), schema[c]) for c in foreign]).fill_null(False))
        invalid |= known.to_series().to_numpy().astype(np.bool_)
    present, exprs, enum_tables, distinct, lookups = _plan(rules, schema)
    exprs = exprs + _distinct_exprs(df, schema, distinct, lookups)
    out = df.select(exprs) if exprs else pl.DataFrame()

    out_columns = set(out.columns)
    word_counts: dict[str, int] = {}
    for name in out.columns:
        if "#" in name:
            base = name.split("#")[0]
            word_counts[base] = word_counts.get(base, 0) + 1

    def arr(name: str, writable: bool = False) -> Codes:
        """The column as codes; polars lends its memory (read-only), which is copied only
        where a code will be changed below: a bad cell, or a number the privacy check reads."""
        a: Codes = out.get_column(name).to_numpy()
        if len(a) != n:  # only literals selected: one row, meant for every row
            return np.full(n, a[0] if len(a) else BAD, dtype=np.int64)
        if a.dtype != np.int64 or (not a.flags.writeable and (writable or (a == BAD).any())):
            a = np.array(a, dtype=np.int64)
        return a

    # ---- identity columns
    own_day = arr("__peildatum")
    invalid |= own_day == BAD
    invalid |= ~arr("__id_ok").astype(np.bool_)
    invalid |= ~arr("__soort_ok").astype(np.bool_)
    invalid |= _places(df, "gemeente", required=True)
    if "wijk" in schema:
        invalid |= _places(df, "wijk", required=False)
    for name in OPTIONAL_COLUMNS:
        if name in schema:
            invalid |= _places(df, name, required=False, check=_optional_ok)
    candidates = arr("__id_check").astype(np.bool_)
    if candidates.any():
        id_column = df.get_column("id")
        for i in np.flatnonzero(candidates):
            value = id_column[int(i)]
            if isinstance(value, str) and _private(value):
                invalid[i] = True
    day = np.full(n, peildatum.toordinal(), dtype=np.int64) if peildatum is not None else own_day

    # ---- facts
    facts: dict[str, FactCodes] = {}
    for fid in present:
        fact = rules.facts[fid]
        if fact.type == "enum_list" and fid in schema and _is_string(schema[fid]):
            codes = _text_list_codes(df.get_column(fid), *enum_tables[fid])
            values = enum_tables[fid][1]
        elif fact.type == "enum_list":
            codes = [arr(f"{fid}#{w}") for w in range(word_counts[fid])]
            values = enum_tables[fid][1]
        else:
            codes = [arr(fid, writable=fact.type in ("int", "decimal"))]
            values = enum_tables[fid][1] if fid in enum_tables else []
            if fact.type == "bool" and fid in schema and _is_string(schema[fid]):
                _unknown_spellings(df.get_column(fid), codes[0])
            if fact.type in ("int", "decimal"):
                _privacy_numbers(codes[0], fact.type == "decimal")
            if fact.type == "decimal" and fid in schema:
                _precision(df.get_column(fid), codes[0])
        personal = is_personal_key(fid)
        entry_present = np.zeros(n, dtype=np.bool_)
        bad_cells: list[Mask | None] = []
        for code in codes:
            bad = code == BAD
            bad_cells.append(bad if bad.any() else None)
            if bad_cells[-1] is not None:
                invalid |= bad
            if personal:
                entry_present |= code != UNKNOWN
        for suffix in (SOURCE_SUFFIX, DATE_SUFFIX):
            col = fid + suffix
            if col in out_columns:
                side = arr(col)
                if suffix == SOURCE_SUFFIX and _is_string(schema[col]):
                    _unknown_spellings(df.get_column(col), side)
                invalid |= side == BAD
                if personal:
                    entry_present |= side != UNKNOWN
                if suffix == DATE_SUFFIX:
                    invalid |= (side > day) & (side != UNKNOWN)
        if personal:
            invalid |= entry_present
        for code, bad_cell in zip(codes, bad_cells, strict=True):
            if bad_cell is not None:
                code[bad_cell] = UNKNOWN
        facts[fid] = FactCodes(fact, codes, values)
    return EncodedFrame(n=n, facts=facts, day=np.where(day == BAD, 0, day), invalid=invalid)


#: a text column with more distinct cells than this share of its rows is encoded cell by cell
DISTINCT_SHARE = 0.5


#: at most this many sets of distinct cells are remembered per table shape
MAX_LOOKUPS = 4096


def _distinct_exprs(df: pl.DataFrame, schema: pl.Schema, distinct: Distinct,
                    lookups: Lookups) -> list[pl.Expr]:
    """The encodings of text columns, each worked out once per distinct cell and looked up
    per row. The expressions read one cell at a time, so running one over the distinct
    cells of its column and mapping every cell to its result gives exactly what running it
    over the column gives, at one hash lookup per cell instead of string matching, parsing
    and casting per cell. A column with mostly distinct cells is encoded cell by cell."""
    if not distinct or df.height == 0:
        return [expr for _, expr in distinct.values()]
    sources = list(dict.fromkeys(src for src, _ in distinct.values()))
    # the distinct cells of every column at once (python lists: a handful per column)
    found = df.select([pl.col(c).cast(pl.String).drop_nulls().unique().implode()
                       for c in sources]).row(0)
    limit = max(16, int(df.height * DISTINCT_SHARE))
    out: list[pl.Expr] = []
    uniques: dict[str, list[str]] = {}
    for c, cells in zip(sources, found, strict=True):
        known = lookups.get((c, tuple(sorted(cells)))) if len(cells) <= limit else None
        if known is not None:
            out += known
        elif len(cells) <= limit:
            uniques[c] = sorted(cells)
    many = {c for c, cells in zip(sources, found, strict=True) if len(cells) > limit}
    out += [expr for src, expr in distinct.values() if src in many]
    if not uniques:
        return out
    longest = max(len(cells) for cells in uniques.values())
    # one table of every column's distinct cells, padded with empty cells; its last row is
    # an empty cell everywhere, so it gives each expression's code for an empty cell
    table = pl.DataFrame({c: [*cells, *([None] * (longest + 1 - len(cells)))]
                          for c, cells in uniques.items()},
                         schema={c: pl.String for c in uniques})
    typed = [pl.col(c).cast(schema[c]) for c in uniques if schema[c] != pl.String]
    if typed:
        table = table.with_columns(typed)
    names = [name for name, (src, _) in distinct.items() if src in uniques]
    codes = table.select([distinct[name][1] for name in names]).to_dict(as_series=False)
    if len(lookups) > MAX_LOOKUPS:
        lookups.clear()
    for name in names:
        src = distinct[name][0]
        keys = uniques[src]
        values = [BAD if v is None else v for v in codes[name]]
        expr = _lookup(pl.col(src).cast(pl.String), keys, values[: len(keys)],
                       values[longest]).alias(name)
        lookups.setdefault((src, tuple(keys)), []).append(expr)
        out.append(expr)
    return out


#: up to this many different codes in a column, cells are matched by comparison (a few
#: compares of short text cost less than a hash lookup); beyond, by one hash lookup
CHAIN_CODES = 6


def _lookup(cell: pl.Expr, keys: list[str], values: list[int], empty: int) -> pl.Expr:
    """Each cell's code: `empty` for an empty cell, else the value of its key. `keys` are
    all the column's cells, so the last code needs no test."""
    if not keys:
        return pl.when(cell.is_null()).then(pl.lit(empty, pl.Int64)).otherwise(
            pl.lit(BAD, pl.Int64))
    by_code: dict[int, list[str]] = {}
    for key, value in zip(keys, values, strict=True):
        by_code.setdefault(value, []).append(key)
    if len(by_code) > CHAIN_CODES:
        return pl.when(cell.is_null()).then(pl.lit(empty, pl.Int64)).otherwise(
            cell.replace_strict(keys, values, default=BAD, return_dtype=pl.Int64))
    groups = list(by_code.items())
    chain: Any = pl.when(cell.is_null()).then(pl.lit(empty, pl.Int64))  # Then, ChainedThen
    for value, group in groups[:-1]:
        test = cell == group[0] if len(group) == 1 else cell.is_in(group)
        chain = chain.when(test).then(pl.lit(value, pl.Int64))
    out: pl.Expr = chain.otherwise(pl.lit(groups[-1][0], pl.Int64))
    return out


def _identity_exprs(schema: pl.Schema) -> list[pl.Expr]:

    def col(name: str) -> tuple[pl.Expr, pl.DataType]:
        if name in schema and schema[name] != pl.Null:
            return pl.col(name), schema[name]
        return pl.lit(None, pl.String), pl.String()

    out: list[pl.Expr] = []
    c, dtype = col("id")
    if _is_string(dtype):
        s = c.cast(pl.String)
        ok = (s.is_not_null() & s.str.contains(_ID_RE) & (s.str.len_chars() <= 64)
              & s.is_first_distinct())
        out += [ok.fill_null(False).alias("__id_ok"),
                (s.str.contains(_ID_PRIVACY_RE) | s.str.extract_all(_DIGIT_RUN_RE).list.eval(
                    (pl.element().str.count_matches(r"\d") == 9)
                    | pl.element().str.contains(r"^\d{8}$")).list.any())
                .fill_null(False).alias("__id_check")]
    else:
        out += [pl.lit(False).alias("__id_ok"), pl.lit(False).alias("__id_check")]
    c, dtype = col("soort")
    ok = c.cast(pl.String).is_in(list(KINDS)).fill_null(False) if _is_string(dtype) \
        else pl.lit(False)
    out.append(ok.alias("__soort_ok"))
    c, dtype = col("peildatum")
    day = _date_expr(c, dtype, pl.lit(False) if _is_string(dtype) else c.is_null())
    if _is_string(dtype):  # required: unknown is bad
        day = pl.when(_unknown(c, dtype)).then(pl.lit(BAD, pl.Int64)).otherwise(day)
    out.append(pl.when(day == UNKNOWN).then(pl.lit(BAD, pl.Int64)).otherwise(day)
               .alias("__peildatum"))
    return out


def _places(df: pl.DataFrame, name: str, *, required: bool,
            check: Callable[[str, str], bool] | None = None) -> Mask:
    """Rows whose municipality (or district, or with `check` an optional column) the loader
    would refuse."""
    n = df.height
    if name not in df.schema or df.schema[name] == pl.Null:
        return np.full(n, required, dtype=np.bool_)
    dtype = df.schema[name]
    if not _is_string(dtype):  # a number or date where a name belongs: the loader refuses it
        known = ~df.get_column(name).is_null().to_numpy()
        out_: Mask = known | required
        return out_
    s = df.get_column(name).cast(pl.String)
    unknown = df.select(_unknown(pl.col(name), dtype)).to_series().to_numpy()
    clean = df.select(_text_ok(pl.col(name).cast(pl.String))).to_series().to_numpy()
    bad = np.where(unknown, required, ~clean)
    uniques = s.filter(pl.Series(~unknown & clean)).unique().to_list()
    refused = [v for v in uniques if not (check(name, v) if check is not None
                                          else _place_ok(v, name == "wijk"))]
    if refused:
        bad |= s.is_in(refused).fill_null(False).to_numpy()
    out: Mask = bad.astype(np.bool_)
    return out


def _text_list_codes(column: pl.Series, names: dict[str, int], ids: list[str]) -> list[Codes]:
    """The bit words of a text `enum_list` column, worked out once per distinct cell (a
    sheet repeats few combinations) and looked up per row: the same reading as the
    expression form (`_list_words`): empty parts dropped, every part an accepted name, at
    most MAX_CLEAN_TEXT characters; unknown as `columns.is_unknown` says."""
    n_words = max(1, math.ceil(len(ids) / WORD_BITS))
    text = column.cast(pl.String)
    keys: list[str] = []
    words: list[list[int]] = [[] for _ in range(n_words)]
    for cell in text.unique().to_list():
        if cell is None:
            continue
        codes = [UNKNOWN] * n_words
        if not is_unknown(cell):
            parts = [p for p in cell.split(LIST_SEPARATOR) if p != ""]
            if len(cell) > MAX_CLEAN_TEXT or any(p not in names for p in parts):
                codes = [BAD] * n_words
            else:
                codes = [0] * n_words
                for p in parts:
                    code = names[p]
                    codes[code // WORD_BITS] |= 1 << (code % WORD_BITS)
        keys.append(cell)
        for w in range(n_words):
            words[w].append(codes[w])
    if not keys:  # every cell empty
        return [np.full(len(text), UNKNOWN, dtype=np.int64) for _ in range(n_words)]
    empty = text.is_null().to_numpy()
    out: list[Codes] = []
    for w in range(n_words):
        # replace_strict gives `default` for null: an empty cell is set to unknown after
        mapped = text.replace_strict(keys, words[w], default=BAD, return_dtype=pl.Int64)
        word: Codes = np.array(mapped.to_numpy(), dtype=np.int64)
        word[empty] = UNKNOWN
        out.append(word)
    return out


def _unknown_spellings(column: pl.Series, codes: Codes) -> None:
    """The yes/no lookup knows `onbekend` and the empty cell in three spellings; the few
    other cells it calls bad are asked one by one whether they spell unknown (as the row
    rule says: `columns.is_unknown`)."""
    for i in np.flatnonzero(codes == BAD):
        if is_unknown(column[int(i)]):
            codes[i] = UNKNOWN


def _privacy_numbers(codes: Codes, scaled: bool) -> None:
    """Integers that may be a BSN are refused by the loader: ask the privacy check exactly."""
    scale = DECIMAL_SCALE if scaled else 1
    known = (codes != UNKNOWN) & (codes != BAD)
    big = known & (np.abs(codes) >= PRIVACY_DIGITS * scale)
    if not big.any():
        return
    for i in np.flatnonzero(big):
        v = int(codes[i])
        if scaled:
            if v % scale:
                continue  # not an integer: read as a number with decimals, never checked
            v //= scale
        if _private(v):
            codes[i] = BAD


def _precision(column: pl.Series, codes: Codes) -> None:
    """Floats with more than four decimals are refused: checked exactly, once per value."""
    if column.dtype not in _FLOAT_TYPES:
        return  # text was matched with at most four decimals; integers have none
    known = (codes != UNKNOWN) & (codes != BAD)
    values = column.cast(pl.Float64).to_numpy()
    idx = np.flatnonzero(known)
    if not len(idx):
        return
    sub = values[idx]
    uniq, inverse = np.unique(sub, return_inverse=True)
    bad_u = np.fromiter((_too_precise(float(v)) for v in uniq), dtype=np.bool_, count=len(uniq))
    codes[idx[bad_u[inverse]]] = BAD
