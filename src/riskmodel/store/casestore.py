"""The case store: every saved profile version and every assessment, kept for good.

One data-access layer over SQLite (a file, the default) and PostgreSQL (a URL, for a team),
through SQLAlchemy Core with hand-written SQL that both dialects accept. Rows are only ever
inserted: a case is a list of profile versions, and each assessment is a log row with its
receipt (model, rule hashes, engine, peildatum, profile hash), so a decision can be traced back
to exactly what was known and which model said what.

Crash safety: each save is one transaction; SQLite runs in WAL mode with synchronous=FULL, so
a save that returned is on disk before the caller hears of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import NullPool

from riskmodel.model.assessment import Assessment
from riskmodel.store.migrations import MIGRATIONS, latest_version

_CASE_ID = re.compile(r"^[0-9a-f]{32}$")
#: attempts at a save that collided with a concurrent save of the same case
_RETRIES = 5


class StoreError(Exception):
    """The database cannot be opened or is newer than this version of riskmodel."""


@dataclass(frozen=True)
class SavedProfile:
    case_id: str
    version: int
    profile_sha256: str


@dataclass(frozen=True)
class ProfileVersion:
    case_id: str
    version: int
    profile: dict[str, Any]
    profile_sha256: str
    saved_at: str
    note: str | None = None


@dataclass(frozen=True)
class AssessmentRecord:
    """One row of the assessment log: the receipt in columns, the assessment as JSON."""

    id: int
    case_id: str
    version: int
    model: str
    model_version: str
    rules_sha256: str
    rule_files: dict[str, str]
    engine: str
    engine_version: str
    riskmodel_version: str
    peildatum: str
    profile_sha256: str
    assessment_json: str
    recorded_at: str

    def receipt(self) -> dict[str, Any]:
        return {"model": self.model, "model_version": self.model_version,
                "rules_sha256": self.rules_sha256, "rule_files": self.rule_files,
                "engine": self.engine, "engine_version": self.engine_version,
                "riskmodel_version": self.riskmodel_version, "peildatum": self.peildatum,
                "profile_sha256": self.profile_sha256}


@dataclass(frozen=True)
class Case:
    case_id: str
    created_at: str
    versions: list[ProfileVersion] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)

    @property
    def latest(self) -> ProfileVersion:
        return self.versions[-1]


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    created_at: str
    latest_version: int
    updated_at: str
    profile_id: str | None
    soort: str | None
    gemeente: str | None


def new_case_id() -> str:
    """Random, never derived from content: an id must not reveal what the case is about."""
    return uuid.uuid4().hex


def is_case_id(value: str) -> bool:
    return bool(_CASE_ID.match(value))


def canonical_json(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from a file path or a postgresql:// URL (psycopg 3 as the driver)."""
    text_db = str(db)
    if text_db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text_db.split("://", 1)[1]
    if text_db.startswith(("postgresql+psycopg://", "sqlite://")):
        return text_db
    return f"sqlite:///{Path(text_db)}"


class CaseStore:
    """Cases in SQLite or PostgreSQL; every write appends, nothing is overwritten."""

    def __init__(self, db: str | Path = "riskmodel.db", *, migrate_to: int | None = None) -> None:
        url = database_url(db)
        self.dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
        self.engine: Engine = (create_engine(url, poolclass=NullPool,
                                             connect_args={"timeout": 30})
                               if self.dialect == "sqlite" else
                               create_engine(url, pool_pre_ping=True))
        if self.dialect == "sqlite":
            _sqlite_durability(self.engine)
        try:
            self._migrate(latest_version(self.dialect) if migrate_to is None else migrate_to)
        except OperationalError as exc:
            self.engine.dispose()
            raise StoreError(f"database {db!s} cannot be opened: {exc.orig}") from None

    # -- schema -----------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return _current_version(conn)

    def _migrate(self, target: int) -> None:
        with self._write() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            current = _current_version(conn)
            if current > latest_version(self.dialect):
                raise StoreError(f"the database has schema version {current}; this riskmodel "
                                 f"knows up to {latest_version(self.dialect)}: upgrade riskmodel")
            for number in range(current + 1, target + 1):
                for statement in MIGRATIONS[self.dialect][number - 1]:
                    conn.exec_driver_sql(statement)
                conn.execute(text("INSERT INTO schema_version (version, applied_at) "
                                  "VALUES (:v, :at)"), {"v": number, "at": _now()})

    # -- writing ----------------------------------------------------------------------------

    def save_profile(self, profile: dict[str, Any], case_id: str | None = None, *,
                     note: str | None = None) -> SavedProfile:
        """A new version of a case (a new case without `case_id`); never overwrites."""
        return self._save(profile, case_id, note, None)[0]

    def save_assessed(self, profile: dict[str, Any], assessment: Assessment,
                      case_id: str | None = None, *, note: str | None = None,
                      ) -> tuple[SavedProfile, int]:
        """A new version and its assessment log row in one transaction: both or neither."""
        saved, row = self._save(profile, case_id, note, assessment)
        assert row is not None
        return saved, row

    def record_assessment(self, case_id: str, version: int, assessment: Assessment) -> int:
        """Append one assessment of a saved version to the log; returns the log row id."""
        with self._write() as conn:
            return _insert_assessment(conn, case_id, version, assessment)

    def _save(self, profile: dict[str, Any], case_id: str | None, note: str | None,
              assessment: Assessment | None) -> tuple[SavedProfile, int | None]:
        body = canonical_json(profile)
        sha = hashlib.sha256(body.encode()).hexdigest()
        if case_id is not None and not is_case_id(case_id):
            raise KeyError(case_id)
        for attempt in range(_RETRIES):
            try:
                with self._write() as conn:
                    now = _now()
                    if case_id is None:
                        cid, version = new_case_id(), 1
                        conn.execute(text("INSERT INTO cases (case_id, created_at) "
                                          "VALUES (:c, :at)"), {"c": cid, "at": now})
                    else:
                        cid = case_id
                        if self.dialect == "postgresql":
                            # Savers of one case queue on its row (SQLite queues them with
                            # BEGIN IMMEDIATE); without it eight concurrent saves could read
                            # the same max(version) more often than any retry budget allows.
                            conn.execute(text("SELECT case_id FROM cases WHERE case_id = :c "
                                              "FOR UPDATE"), {"c": cid})
                        last = conn.execute(text(
                            "SELECT max(version) FROM profile_versions WHERE case_id = :c"),
                            {"c": cid}).scalar()
                        if last is None:
                            raise KeyError(case_id)
                        version = int(last) + 1
                    conn.execute(text(
                        "INSERT INTO profile_versions (case_id, version, profile_json, "
                        "profile_sha256, saved_at, note) VALUES (:c, :v, :p, :s, :at, :n)"),
                        {"c": cid, "v": version, "p": body, "s": sha, "at": now, "n": note})
                    row = (_insert_assessment(conn, cid, version, assessment)
                           if assessment is not None else None)
                return SavedProfile(cid, version, sha), row
            except IntegrityError:  # a concurrent save took this version number: next one
                if case_id is None or attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(riskmodel_write=True)
            with conn.begin():
                yield conn

    # -- reading ----------------------------------------------------------------------------

    def get_case(self, case_id: str) -> Case | None:
        if not is_case_id(case_id):
            return None
        with self.engine.connect() as conn:
            created = conn.execute(text("SELECT created_at FROM cases WHERE case_id = :c"),
                                   {"c": case_id}).scalar()
            if created is None:
                return None
            versions = [_version(r) for r in conn.execute(text(
                "SELECT case_id, version, profile_json, profile_sha256, saved_at, note "
                "FROM profile_versions WHERE case_id = :c ORDER BY version"), {"c": case_id})]
            logs = [_record(r) for r in conn.execute(text(
                f"SELECT {_LOG_COLUMNS} FROM assessments WHERE case_id = :c ORDER BY id"),
                {"c": case_id})]
        return Case(case_id, str(created), versions, logs)

    def get_version(self, case_id: str, version: int) -> ProfileVersion | None:
        if not is_case_id(case_id):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(text(
                "SELECT case_id, version, profile_json, profile_sha256, saved_at, note "
                "FROM profile_versions WHERE case_id = :c AND version = :v"),
                {"c": case_id, "v": version}).first()
        return _version(row) if row is not None else None

    def assessments_of(self, case_id: str, version: int) -> list[AssessmentRecord]:
        with self.engine.connect() as conn:
            return [_record(r) for r in conn.execute(text(
                f"SELECT {_LOG_COLUMNS} FROM assessments WHERE case_id = :c AND version = :v "
                "ORDER BY id"), {"c": case_id, "v": version})]

    def list_cases(self, limit: int = 50, offset: int = 0) -> list[CaseSummary]:
        """Newest case first."""
        with self.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT c.case_id, c.created_at, p.version, p.saved_at, p.profile_json "
                "FROM cases c JOIN profile_versions p ON p.case_id = c.case_id "
                "AND p.version = (SELECT max(version) FROM profile_versions "
                "WHERE case_id = c.case_id) "
                "ORDER BY c.created_at DESC, c.case_id LIMIT :l OFFSET :o"),
                {"l": max(0, limit), "o": max(0, offset)}).all()
        out = []
        for cid, created, version, saved, body in rows:
            profile = orjson.loads(body)
            def get(key: str, p: Any = profile) -> str | None:
                value = p.get(key) if isinstance(p, dict) else None
                return value if isinstance(value, str) else None
            out.append(CaseSummary(cid, created, int(version), saved, get("id"), get("soort"),
                                   get("gemeente")))
        return out

    def count_cases(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM cases")).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()


_LOG_COLUMNS = ("id, case_id, version, model, model_version, rules_sha256, rule_files_json, "
                "engine, engine_version, riskmodel_version, peildatum, profile_sha256, "
                "assessment_json, recorded_at")


def _insert_assessment(conn: Connection, case_id: str, version: int,
                       assessment: Assessment) -> int:
    r = assessment.receipt
    params = {"c": case_id, "v": version, "m": r.model, "mv": r.model_version,
              "rs": r.rules_sha256, "rf": canonical_json(r.rule_files), "e": r.engine,
              "ev": r.engine_version, "rv": r.riskmodel_version,
              "pd": r.peildatum.isoformat(), "ps": r.profile_sha256,
              "a": assessment.to_json(), "at": _now()}
    row = conn.execute(text(
        "INSERT INTO assessments (case_id, version, model, model_version, rules_sha256, "
        "rule_files_json, engine, engine_version, riskmodel_version, peildatum, profile_sha256, "
        "assessment_json, recorded_at) VALUES (:c, :v, :m, :mv, :rs, :rf, :e, :ev, :rv, :pd, "
        ":ps, :a, :at) RETURNING id"), params).scalar_one()
    return int(row)


def _current_version(conn: Connection) -> int:
    value = conn.execute(text("SELECT max(version) FROM schema_version")).scalar()
    return int(value) if value is not None else 0


def _version(row: Any) -> ProfileVersion:
    cid, version, body, sha, saved, note = row
    return ProfileVersion(cid, int(version), orjson.loads(body), sha, saved, note)


def _record(row: Any) -> AssessmentRecord:
    (rid, cid, version, model, mv, rs, rf, engine, ev, rv, pd, ps, body, at) = row
    return AssessmentRecord(int(rid), cid, int(version), model, mv, rs, orjson.loads(rf), engine,
                            ev, rv, pd, ps, body, at)


def _sqlite_durability(engine: Engine) -> None:
    """WAL with synchronous=FULL: a committed save survives a crash or power loss; BEGIN
    IMMEDIATE: a save holds the write lock from its first read, so two savers queue instead
    of failing halfway."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # the driver issues no BEGIN of its own
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("riskmodel_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
