"""Versioned schema migrations of the case store, one ordered list per SQL dialect.

A migration is a list of SQL statements; migration n brings the schema from version n-1 to
n, and the `schema_version` table records each one applied (in the same transaction as its
statements, so a crash leaves either the old or the new version, never half of one).
Migrations are only ever appended: a released migration is never edited, since databases in
the field already ran it.

The log tables refuse UPDATE and DELETE through triggers: the store's code has no such path,
and the triggers make sure nobody else (a tool, a hand-typed statement) rewrites history.
"""

from __future__ import annotations

#: tables whose rows are never changed or removed once written
APPEND_ONLY = ("cases", "profile_versions", "assessments")

_SQLITE_V1 = [
    """CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE profile_versions (
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        version INTEGER NOT NULL,
        profile_json TEXT NOT NULL,
        profile_sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (case_id, version)
    )""",
    """CREATE TABLE assessments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        model TEXT NOT NULL,
        model_version TEXT NOT NULL,
        rules_sha256 TEXT NOT NULL,
        rule_files_json TEXT NOT NULL,
        engine TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        riskmodel_version TEXT NOT NULL,
        peildatum TEXT NOT NULL,
        profile_sha256 TEXT NOT NULL,
        assessment_json TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        FOREIGN KEY (case_id, version) REFERENCES profile_versions(case_id, version)
    )""",
    *(stmt for table in APPEND_ONLY for stmt in (
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""",
    )),
]

_POSTGRES_V1 = [
    """CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE profile_versions (
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        version INTEGER NOT NULL,
        profile_json TEXT NOT NULL,
        profile_sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (case_id, version)
    )""",
    """CREATE TABLE assessments (
        id BIGSERIAL PRIMARY KEY,
        case_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        model TEXT NOT NULL,
        model_version TEXT NOT NULL,
        rules_sha256 TEXT NOT NULL,
        rule_files_json TEXT NOT NULL,
        engine TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        riskmodel_version TEXT NOT NULL,
        peildatum TEXT NOT NULL,
        profile_sha256 TEXT NOT NULL,
        assessment_json TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        FOREIGN KEY (case_id, version) REFERENCES profile_versions(case_id, version)
    )""",
    """CREATE FUNCTION riskmodel_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only'; END $$""",
    *(f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table}
          FOR EACH STATEMENT EXECUTE FUNCTION riskmodel_append_only()"""
      for table in APPEND_ONLY),
]

# v2: a case note per saved version (free text, checked for personal data before saving)
_V2 = ["ALTER TABLE profile_versions ADD COLUMN note TEXT"]

#: dialect name -> migrations in order; index i holds the statements of version i + 1
MIGRATIONS: dict[str, list[list[str]]] = {
    "sqlite": [_SQLITE_V1, _V2],
    "postgresql": [_POSTGRES_V1, _V2],
}


def latest_version(dialect: str) -> int:
    return len(MIGRATIONS[dialect])
