"""Whatever JSON reaches an endpoint, the answer is a 2xx or a 4xx problem, never a 500.

Stands in for schemathesis (not installed here): hypothesis generates arbitrary JSON values
and profile-shaped objects with random facts, and posts them to every endpoint that takes a
body, bounded to a fixed number of examples.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import riskmodel
from riskmodel.serve.app import ServeSettings, create_app
from tests.serve_support import JSON

FACTS = sorted(riskmodel.load_rules().facts)
scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
           | st.sampled_from(["onbekend", "2024-01-01", "ja", "T3", "pand"]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=20)
fact_values = scalars | st.fixed_dictionaries({"waarde": scalars},
                                              optional={"bron": st.text(max_size=12),
                                                        "datum": st.text(max_size=12)})
profiles = st.fixed_dictionaries(
    {"id": st.sampled_from(["p1", "x", "", "a b"]),
     "soort": st.sampled_from(["pand", "evenement", "groep", "wijk", "gemeente", "fiets"]),
     "gemeente": st.sampled_from(["Arnhem", "", "X1"]),
     "peildatum": st.sampled_from(["2024-01-01", "2013-08-01", "morgen", "2999-01-01"]),
     "feiten": st.dictionaries(st.sampled_from(FACTS), fact_values, max_size=6)},
    optional={"omschrijving": st.text(max_size=40)})
PATHS = ["/v1/assess", "/v1/cases", "/v1/explain/omg", "/v1/assess/batch"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("fuzz") / "c.db"
    with TestClient(create_app(ServeSettings(db=str(db)))) as c:
        yield c


def _post(client: TestClient, path: str, body: Any) -> None:
    r = client.post(path, content=json.dumps(body).encode(), headers=JSON)
    assert r.status_code < 500, r.text[:500]
    if r.status_code >= 400:
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == r.status_code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(body=json_values, path=st.sampled_from(PATHS))
def test_arbitrary_json_never_gives_500(client: TestClient, body: Any, path: str) -> None:
    _post(client, path, body)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(profile=profiles, path=st.sampled_from(PATHS))
def test_profile_shaped_bodies_never_give_500(client: TestClient, profile: dict[str, Any],
                                              path: str) -> None:
    _post(client, path, [profile] if path.endswith("batch") else profile)
