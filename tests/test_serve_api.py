"""The HTTP API through the real ASGI app: parity with the CLI, problems, cases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from riskmodel.cli import main
from riskmodel.serve.app import ServeSettings, create_app
from tests.serve_support import JSON, ROOT, example_profile, to_json

SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
PROFILE_FILES = sorted((ROOT / "scenarios" / "profielen").glob("*.yaml"))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("serve") / "cases.db"
    with TestClient(create_app(ServeSettings(db=str(db)))) as c:
        yield c


def _problem(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = r.json()
    assert {"type", "title", "status", "detail", "diagnostics"} <= set(body)
    assert body["status"] == status and body["diagnostics"]
    for d in body["diagnostics"]:
        assert {"code", "loc", "expected", "suggestion", "message"} <= set(d)
    if code is not None:
        assert body["type"] == f"urn:riskmodel:problem:{code}"
        assert body["diagnostics"][0]["code"] == code
    return body


# ---- the same assessment as `riskmodel assess --format json` -----------------------------

def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in PROFILE_FILES]
    for f in SCENARIO_FILES:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("profiel"), dict):
            out.append((f.name, data["profiel"]))
    return out


CASES = _cases()


def test_every_scenario_profile_is_found() -> None:
    assert len(CASES) >= len(SCENARIO_FILES) > 50


@pytest.mark.parametrize(("name", "profile"), CASES, ids=[c[0] for c in CASES])
def test_api_gives_the_cli_assessment_byte_for_byte(
        client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        profile: dict[str, Any]) -> None:
    path = tmp_path / "profiel.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    code = main(["assess", str(path), "--format", "json"])
    out = capsys.readouterr().out
    r = client.post("/v1/assess", content=to_json(profile), headers=JSON)
    if code == 0:
        assert r.status_code == 200, r.text[:500]
        assert r.headers["content-type"] == "application/json"
        assert r.content == out.encode()
    else:  # a profile the CLI refuses is refused by the API with the same codes
        assert code == 2
        _problem(r, 422)


@pytest.mark.parametrize("engine", ["compiled", "durable", "python"])
def test_engine_and_peildatum_match_the_cli(client: TestClient, engine: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    main(["assess", str(ROOT / "scenarios/profielen/voorbeeld.yaml"), "--format", "json",
          "--engine", engine, "--peildatum", "2026-12-01", "--texts"])
    out = capsys.readouterr().out
    r = client.post(f"/v1/assess?engine={engine}&peildatum=2026-12-01&texts=true",
                    content=to_json(example_profile()), headers=JSON)
    assert r.status_code == 200 and r.content == out.encode()


# ---- problems -----------------------------------------------------------------------------

def test_profile_errors_carry_diagnostics_with_suggestions(client: TestClient) -> None:
    profile = example_profile()
    fact = next(iter(profile["feiten"]))
    profile["feiten"][fact + "x"] = profile["feiten"].pop(fact)
    body = _problem(client.post("/v1/assess", content=to_json(profile), headers=JSON), 422,
                    "unknown-fact")
    assert body["diagnostics"][0]["suggestion"] == fact
    assert body["diagnostics"][0]["loc"] == ["feiten", fact + "x"]


def test_problem_language_follows_lang(client: TestClient) -> None:
    nl = client.post("/v1/assess", content=b"{", headers=JSON).json()
    en = client.post("/v1/assess?lang=en", content=b"{", headers=JSON).json()
    assert nl["title"] == "Ongeldig verzoek" and en["title"] == "Bad request"
    assert "not valid JSON" in en["detail"]


@pytest.mark.parametrize(("query", "code"), [
    ("engine=durabel", "unknown-engine"), ("lang=fr", "unknown-language"),
    ("peildatum=morgen", "type")])
def test_bad_parameters_are_400(client: TestClient, query: str, code: str) -> None:
    body = _problem(client.post(f"/v1/assess?{query}", content=to_json(example_profile()),
                                headers=JSON), 400, code)
    if code == "unknown-engine":
        assert body["diagnostics"][0]["suggestion"] == "durable"


DEEP = b'{"a":' * 3000 + b"1" + b"}" * 3000
HOSTILE: list[tuple[str, bytes, str | None, int]] = [
    ("empty", b"", "application/json", 400),
    ("truncated", b'{"id": "x"', "application/json", 400),
    ("not utf-8", b'{"id": "\xff\xfe"}', "application/json", 400),
    ("NaN", b'{"id": NaN}', "application/json", 400),
    ("huge float", b'{"peildatum": 1e999}', "application/json", 400),
    ("huge int", b'{"id": "x", "soort": "pand", "gemeente": "A", "peildatum": "2024-01-01", '
                 b'"feiten": {"harddrugs_gram": ' + b"9" * 5000 + b"}}", "application/json", 400),
    ("big int", b'{"id": "x", "soort": "pand", "gemeente": "A", "peildatum": "2024-01-01", '
                b'"feiten": {"harddrugs_gram": ' + b"9" * 30 + b"}}", "application/json", 422),
    ("nesting beyond the parser", DEEP, "application/json", 400),
    ("nesting in feiten", b'{"id":"x","soort":"pand","gemeente":"A","peildatum":"2024-01-01",'
                          b'"feiten":{"a":' + b"[" * 500 + b"]" * 500 + b"}}",
     "application/json", 422),
    ("a list", b"[1, 2]", "application/json", 422),
    ("null", b"null", "application/json", 422),
    ("a path as text", b'"/etc/passwd"', "application/json", 422),
    ("text/plain", b"{}", "text/plain", 415),
    ("no content type", b"{}", None, 415),
    ("form", b"id=x", "application/x-www-form-urlencoded", 415),
    ("yaml", b"id: x\n", "application/yaml", 415),
    ("too large", b'{"id": "' + b"x" * 1_100_000 + b'"}', "application/json", 413),
    ("long text", b'{"id": "x", "omschrijving": "' + b"a" * 500_000 + b'"}',
     "application/json", 422),
]


@pytest.mark.parametrize(("what", "body", "ctype", "status"), HOSTILE,
                         ids=[h[0] for h in HOSTILE])
@pytest.mark.parametrize("path", ["/v1/assess", "/v1/cases", "/v1/explain/omg"])
def test_hostile_bodies_are_4xx_problems(client: TestClient, path: str, what: str, body: bytes,
                                         ctype: str | None, status: int) -> None:
    headers = {"content-type": ctype} if ctype else {}
    r = client.post(path, content=body, headers=headers)
    assert 400 <= r.status_code < 500
    _problem(r, status)
    assert b"/etc/passwd" not in r.content or what == "a path as text"


def test_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted while reading
        yield b'{"id": "'
        for _ in range(40):
            yield b"x" * 50_000
        yield b'"}'
    _problem(client.post("/v1/assess", content=chunks(), headers=JSON), 413, "too-large")


def test_unknown_path_and_method_are_problems(client: TestClient) -> None:
    _problem(client.get("/v1/nope"), 404, "not-found")
    _problem(client.delete("/v1/cases"), 405)


# ---- batch, explain, model, schema, health, docs ------------------------------------------

def test_batch_gives_an_assessment_or_diagnostics_per_item(client: TestClient) -> None:
    good = example_profile()
    bad = {**good, "id": "bad", "feiten": {"onbekend_feit": True}}
    r = client.post("/v1/assess/batch", content=to_json([good, bad, "/etc/passwd", 3]),
                    headers=JSON)
    assert r.status_code == 200
    body = r.json()
    assert (body["count"], body["ok"], body["failed"]) == (4, 1, 3)
    first, second, third, _ = body["results"]
    assert first["ok"] and first["assessment"]["receipt"]["profile_id"] == good["id"]
    assert second["diagnostics"][0]["code"] == "unknown-fact"
    assert third["diagnostics"][0]["code"] == "type"


def test_batch_is_bounded(client: TestClient) -> None:
    _problem(client.post("/v1/assess/batch", content=to_json([{}] * 101), headers=JSON), 413,
             "too-large")
    _problem(client.post("/v1/assess/batch", content=b"{}", headers=JSON), 422, "type")


def test_explain_gives_the_tree(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    profile = example_profile()
    a = client.post("/v1/assess", content=to_json(profile), headers=JSON).json()
    target = a["interventions"][0]["id"]
    r = client.post(f"/v1/explain/{target}", content=to_json(profile), headers=JSON)
    assert r.status_code == 200
    main(["assess", str(ROOT / "scenarios/profielen/voorbeeld.yaml"), "--format", "json",
          "--explain", target])
    assert r.content == capsys.readouterr().out.encode()
    text = client.post(f"/v1/explain/{target}?format=text&lang=en", content=to_json(profile),
                       headers=JSON)
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    _problem(client.post("/v1/explain/bestaat_niet", content=to_json(profile), headers=JSON),
             404, "unknown-id")


def test_explain_a_gate_and_a_definition(client: TestClient) -> None:
    import riskmodel
    from riskmodel.explain.trace import walk

    profile = example_profile()
    a = riskmodel.assess(profile)
    iv, gate = next((n.id, g.id) for n in a.trace if n.kind == "interventie"
                    for g in walk(n.children) if g.kind == "poort")
    for target in (f"{iv}:{gate}", gate):
        r = client.post(f"/v1/explain/{target}", content=to_json(profile), headers=JSON)
        assert r.status_code == 200 and (r.json()["kind"], r.json()["id"]) == ("poort", gate)
    definition = next(n for n in walk(a.trace) if n.kind == "definitie")
    r = client.post(f"/v1/explain/{definition.id}:{definition.id}", content=to_json(profile),
                    headers=JSON)
    assert r.status_code == 200 and r.json()["kind"] == "definitie"
    _problem(client.post(f"/v1/explain/{iv}:geen_poort", content=to_json(profile),
                         headers=JSON), 404, "unknown-id")


def test_model_has_labels_and_questions_in_both_languages(client: TestClient) -> None:
    import riskmodel

    rules = riskmodel.load_rules()
    body = client.get("/v1/model").json()
    assert body["model"]["rules_sha256"] == rules.sha256
    assert {f["id"] for f in body["facts"]} == set(rules.facts)
    assert {p["id"] for p in body["phenomena"]} == set(rules.phenomena)
    assert {i["id"] for i in body["interventions"]} == set(rules.interventions)
    asked = [f for f in body["facts"] if f["question"]]
    assert asked and all(set(f["question"]) == {"nl", "en"} for f in asked)
    omg = next(p for p in body["phenomena"] if p["id"] == "omg")
    assert omg["levels"][0]["label"]["en"] and omg["definition"]["facts"]
    assert body["soorten"] == ["gemeente", "wijk", "pand", "evenement", "groep"]


def test_schemas(client: TestClient) -> None:
    import riskmodel.schema

    profile = client.get("/v1/schema/profile")
    assert profile.status_code == 200
    assert "harddrugs_gram" in profile.json()["properties"]["feiten"]["properties"]
    assert client.get("/v1/schema/assessment").json() == riskmodel.schema.assessment_schema()
    _problem(client.get("/v1/schema/rules"), 404, "unknown-value")


def test_health(client: TestClient) -> None:
    import riskmodel

    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["rules_sha256"] == riskmodel.load_rules().sha256
    assert body["store"]["dialect"] == "sqlite" and body["store"]["schema_version"] >= 2


def test_docs_work_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/v1/assess", "/v1/assess/batch", "/v1/explain/{target}", "/v1/model",
            "/v1/schema/{kind}", "/v1/health", "/v1/cases", "/v1/cases/{case_id}",
            "/v1/cases/{case_id}/versions/{version}"} <= set(spec["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "/v1/assess" in page.text
    assert not re.search(r"<script|<link|https?://", page.text)
    assert client.get("/redoc").status_code == 404


# ---- cases --------------------------------------------------------------------------------

def test_case_lifecycle(client: TestClient) -> None:
    profile = example_profile()
    r = client.post("/v1/cases", content=to_json({"profiel": profile, "notitie": "eerste"}),
                    headers=JSON)
    assert r.status_code == 201, r.text
    saved = r.json()
    cid = saved["case_id"]
    assert re.fullmatch(r"[0-9a-f]{32}", cid) and saved["version"] == 1
    assert r.headers["location"] == f"/v1/cases/{cid}/versions/1"
    changed = {**profile, "feiten": {**profile["feiten"], "omg_waarnemingen": False}}
    r2 = client.post(f"/v1/cases/{cid}/versions?engine=python", content=to_json(changed),
                     headers=JSON)
    assert r2.status_code == 201 and r2.json()["version"] == 2
    case = client.get(f"/v1/cases/{cid}").json()
    assert [v["version"] for v in case["versions"]] == [1, 2]
    assert case["latest"]["profiel"]["feiten"]["omg_waarnemingen"] is False
    assert [a["receipt"]["engine"] for a in case["assessments"]] == ["compiled", "python"]
    v1 = client.get(f"/v1/cases/{cid}/versions/1").json()
    assert v1["note"] == "eerste"
    assert v1["assessments"][0]["assessment"] == saved["assessment"]
    assert v1["assessments"][0]["receipt"]["profile_sha256"] == \
        saved["assessment"]["receipt"]["profile_sha256"]
    listed = client.get("/v1/cases?limit=200").json()
    assert cid in [c["case_id"] for c in listed["cases"]]
    _problem(client.get(f"/v1/cases/{cid}/versions/3"), 404, "unknown-id")
    _problem(client.get(f"/v1/cases/{'0' * 32}"), 404, "unknown-id")
    _problem(client.get(f"/v1/cases/{'0' * 32}/versions/1"), 404, "unknown-id")
    _problem(client.post(f"/v1/cases/{'0' * 32}/versions", content=to_json(profile),
                         headers=JSON), 404, "unknown-id")
    _problem(client.get("/v1/cases?limit=0"), 400, "range")
    _problem(client.get("/v1/cases?offset=-1"), 400, "range")


PERSONAL = [("e-mail", "mail naar j.jansen@example.nl"), ("phone", "bel 06-12345678"),
            ("phone +31", "tel +31 20 123 4567"), ("iban", "rekening NL91 ABNA 0417 1643 00"),
            ("bsn", "bsn-achtig 111222333")]


@pytest.mark.parametrize(("what", "value"), PERSONAL, ids=[p[0] for p in PERSONAL])
@pytest.mark.parametrize("field", ["notitie", "omschrijving", "bron_detail"])
def test_personal_data_in_free_text_is_refused(client: TestClient, what: str, value: str,
                                               field: str) -> None:
    before = client.get("/v1/cases?limit=1").json()["total"]
    profile = example_profile()
    body: dict[str, Any] = {"profiel": profile}
    if field == "notitie":
        body["notitie"] = value
    elif field == "omschrijving":
        profile["omschrijving"] = value
    else:
        fact = next(iter(profile["feiten"]))
        profile["feiten"][fact] = {"waarde": profile["feiten"][fact], "bron": "gemeente",
                                   "bron_detail": value}
    r = client.post("/v1/cases", content=to_json(body), headers=JSON)
    problem = _problem(r, 422, "personal-data")
    assert field in problem["diagnostics"][0]["path"]
    secret = value.split()[-1]
    assert secret not in r.text and secret.replace(" ", "") not in r.text
    assert client.get("/v1/cases?limit=1").json()["total"] == before


def test_case_envelope_is_strict(client: TestClient) -> None:
    _problem(client.post("/v1/cases", content=to_json({"profiel": example_profile(),
                                                       "notitie": 3}), headers=JSON),
             422, "type")
    _problem(client.post("/v1/cases", content=to_json({"profiel": example_profile(),
                                                       "extra": 1}), headers=JSON),
             422, "unknown-key")
    _problem(client.post("/v1/cases", content=to_json({"profiel": "/etc/passwd"}),
                         headers=JSON), 422, "type")
