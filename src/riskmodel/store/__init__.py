"""The case store: profile versions and an append-only assessment log (SQLite/PostgreSQL).

Needs the `serve` extra (SQLAlchemy, psycopg): `pip install 'riskmodel[serve]'`.
"""

from __future__ import annotations

from riskmodel.store.casestore import (
    AssessmentRecord,
    Case,
    CaseStore,
    CaseSummary,
    ProfileVersion,
    SavedProfile,
    StoreError,
    database_url,
    is_case_id,
    new_case_id,
)

__all__ = [
    "AssessmentRecord",
    "Case",
    "CaseStore",
    "CaseSummary",
    "ProfileVersion",
    "SavedProfile",
    "StoreError",
    "database_url",
    "is_case_id",
    "new_case_id",
]
