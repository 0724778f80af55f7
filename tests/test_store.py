"""The case store, the same suite against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import riskmodel
from riskmodel.store import CaseStore, StoreError, is_case_id
from riskmodel.store.migrations import MIGRATIONS, latest_version
from tests.store_fixtures import new_postgres_db, postgres_server  # noqa: F401

EXAMPLE = Path(__file__).resolve().parents[1] / "scenarios" / "profielen" / "voorbeeld.yaml"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "cases.db")
    return new_postgres_db(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(db: str) -> Any:
    s = CaseStore(db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def example() -> tuple[dict[str, Any], riskmodel.Assessment]:
    profile = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return profile, riskmodel.assess(profile)


def _profile(example: tuple[dict[str, Any], Any], pid: str = "p") -> dict[str, Any]:
    return {**example[0], "id": pid}


def test_save_makes_versions_and_never_overwrites(store: CaseStore, example: Any) -> None:
    first = store.save_profile(_profile(example, "a"))
    second = store.save_profile(_profile(example, "b"), first.case_id)
    assert (first.version, second.version) == (1, 2)
    assert second.case_id == first.case_id
    case = store.get_case(first.case_id)
    assert case is not None
    assert [v.version for v in case.versions] == [1, 2]
    assert case.latest.profile["id"] == "b"
    v1 = store.get_version(first.case_id, 1)
    assert v1 is not None and v1.profile["id"] == "a"
    assert v1.profile_sha256 == first.profile_sha256 != second.profile_sha256


def test_case_ids_are_random_not_derived_from_content(store: CaseStore, example: Any) -> None:
    a = store.save_profile(_profile(example))
    b = store.save_profile(_profile(example))
    assert a.case_id != b.case_id
    assert is_case_id(a.case_id) and is_case_id(b.case_id)
    assert a.profile_sha256 == b.profile_sha256


def test_assessment_log_keeps_the_receipt(store: CaseStore, example: Any) -> None:
    profile, assessment = example
    saved = store.save_profile(profile)
    row = store.record_assessment(saved.case_id, saved.version, assessment)
    case = store.get_case(saved.case_id)
    assert case is not None and [r.id for r in case.assessments] == [row]
    rec = case.assessments[0]
    r = assessment.receipt
    assert rec.receipt() == {
        "model": r.model, "model_version": r.model_version, "rules_sha256": r.rules_sha256,
        "rule_files": r.rule_files, "engine": r.engine, "engine_version": r.engine_version,
        "riskmodel_version": r.riskmodel_version, "peildatum": r.peildatum.isoformat(),
        "profile_sha256": r.profile_sha256}
    assert rec.assessment_json == assessment.to_json()
    assert store.assessments_of(saved.case_id, 1)[0] == rec


def test_save_assessed_is_one_transaction(store: CaseStore, example: Any) -> None:
    profile, assessment = example
    saved, row = store.save_assessed(profile, assessment, note="eerste beoordeling")
    case = store.get_case(saved.case_id)
    assert case is not None and case.latest.note == "eerste beoordeling"
    assert case.assessments[0].id == row and case.assessments[0].version == 1


def test_unknown_case_and_version(store: CaseStore, example: Any) -> None:
    assert store.get_case("0" * 32) is None
    assert store.get_case("../../etc/passwd") is None
    assert store.get_version("0" * 32, 1) is None
    with pytest.raises(KeyError):
        store.save_profile(_profile(example), "0" * 32)
    with pytest.raises(KeyError):
        store.save_profile(_profile(example), "not-an-id")


@pytest.mark.parametrize("table", ["cases", "profile_versions", "assessments"])
def test_log_tables_refuse_update_and_delete(store: CaseStore, example: Any, table: str) -> None:
    profile, assessment = example
    saved, _ = store.save_assessed(profile, assessment)
    for statement in (f"UPDATE {table} SET case_id = case_id", f"DELETE FROM {table}"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    case = store.get_case(saved.case_id)
    assert case is not None and len(case.versions) == 1 and len(case.assessments) == 1


def test_list_cases_newest_first_with_paging(store: CaseStore, example: Any) -> None:
    ids = [store.save_profile(_profile(example, f"p{i}")).case_id for i in range(5)]
    store.save_profile(_profile(example, "p0-v2"), ids[0])
    listed = store.list_cases(limit=10)
    assert [c.case_id for c in listed] == ids[::-1]
    assert listed[-1].latest_version == 2 and listed[-1].profile_id == "p0-v2"
    assert listed[0].soort == example[0]["soort"]
    assert [c.case_id for c in store.list_cases(limit=2, offset=1)] == ids[::-1][1:3]
    assert store.count_cases() == 5


def test_concurrent_saves_get_distinct_versions(store: CaseStore, example: Any) -> None:
    # 24 savers released at once: on PostgreSQL a lost race used to surface as a
    # UniqueViolation once the retry budget ran out (seen in CI with 8 savers).
    n = 24
    case_id = store.save_profile(_profile(example)).case_id
    errors: list[BaseException] = []
    start = threading.Barrier(n)

    def save(i: int) -> None:
        try:
            start.wait()
            store.save_profile(_profile(example, f"t{i}"), case_id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    case = store.get_case(case_id)
    assert case is not None
    assert [v.version for v in case.versions] == list(range(1, n + 2))
    assert sorted(v.profile["id"] for v in case.versions[1:]) == sorted(f"t{i}" for i in range(n))


def test_schema_version_is_recorded(store: CaseStore) -> None:
    assert store.schema_version() == latest_version(store.dialect) == len(MIGRATIONS[store.dialect])
    with store.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_version "
                                                    "ORDER BY version"))]
    assert versions == list(range(1, latest_version(store.dialect) + 1))


def test_upgrade_from_v1_keeps_data(db: str) -> None:
    old = CaseStore(db, migrate_to=1)
    assert old.schema_version() == 1
    with old.engine.begin() as conn:  # a case as version 1 of riskmodel wrote it
        conn.execute(text("INSERT INTO cases (case_id, created_at) VALUES (:c, 't0')"),
                     {"c": "a" * 32})
        conn.execute(text("INSERT INTO profile_versions (case_id, version, profile_json, "
                          "profile_sha256, saved_at) VALUES (:c, 1, '{\"id\":\"oud\"}', "
                          "'h', 't0')"), {"c": "a" * 32})
    old.close()
    new = CaseStore(db)
    try:
        assert new.schema_version() == latest_version(new.dialect)
        case = new.get_case("a" * 32)
        assert case is not None and case.latest.profile == {"id": "oud"}
        assert case.latest.note is None
        assert new.save_profile({"id": "nieuw"}, "a" * 32, note="na upgrade").version == 2
    finally:
        new.close()


def test_newer_schema_is_refused(db: str) -> None:
    s = CaseStore(db)
    with s.engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')"))
    s.close()
    with pytest.raises(StoreError, match="99"):
        CaseStore(db)


def test_sqlite_runs_in_wal_with_full_sync(tmp_path: Path) -> None:
    s = CaseStore(tmp_path / "c.db")
    try:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        s.close()


def test_unreachable_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        CaseStore(tmp_path / "no-such-dir" / "c.db")
