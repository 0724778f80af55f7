"""Who may talk to the server and what every response says: token, login cookie, CSRF,
headers, no CORS, loopback-only without a token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from riskmodel.cli import main
from riskmodel.errors import UserInputError
from riskmodel.serve.app import ServeSettings, create_app
from riskmodel.serve.run import serve_settings
from riskmodel.serve.security import COOKIE, CSP, check_bind, is_loopback, session_value
from tests.serve_support import JSON, example_profile, to_json
from tests.store_fixtures import new_postgres_db, postgres_server  # noqa: F401

TOKEN = "s3cret-token-for-tests-0123456789"
CSP_EXPECTED = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


@pytest.fixture(scope="module")
def open_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("open") / "c.db"
    with TestClient(create_app(ServeSettings(db=str(db)))) as c:
        yield c


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("locked") / "c.db"
    with TestClient(create_app(ServeSettings(db=str(db), token=TOKEN)),
                    follow_redirects=False) as c:
        yield c


def _headers_ok(r: object) -> None:
    h = r.headers  # type: ignore[attr-defined]
    assert h["content-security-policy"] == CSP_EXPECTED == CSP
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "same-origin"
    assert "access-control-allow-origin" not in h


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/v1/health"), ("GET", "/v1/nope"), ("GET", "/docs"), ("GET", "/openapi.json"),
    ("POST", "/v1/assess"), ("GET", "/login")])
def test_every_response_has_the_security_headers(open_client: TestClient, method: str,
                                                 path: str) -> None:
    r = open_client.request(method, path, content=b"{", headers={**JSON,
                                                                 "Origin": "http://testserver"})
    _headers_ok(r)


def test_no_cors_even_when_asked(open_client: TestClient) -> None:
    r = open_client.options("/v1/assess", headers={
        "Origin": "https://elders.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers
    assert r.status_code in (404, 405)


def test_cross_origin_posts_are_refused(open_client: TestClient) -> None:
    body = to_json(example_profile())
    r = open_client.post("/v1/assess", content=body,
                         headers={**JSON, "Origin": "https://elders.example"})
    assert r.status_code == 403 and r.json()["type"] == "urn:riskmodel:problem:invalid"
    r = open_client.post("/v1/assess", content=body, headers={**JSON, "Sec-Fetch-Site":
                                                              "cross-site"})
    assert r.status_code == 403
    ok = open_client.post("/v1/assess", content=body,
                          headers={**JSON, "Origin": "http://testserver"})
    assert ok.status_code == 200


def test_token_is_required_for_every_request(locked: TestClient) -> None:
    for path in ("/v1/health", "/v1/model", "/docs", "/openapi.json", "/v1/cases", "/"):
        r = locked.get(path)
        assert r.status_code == 401, path
        assert r.headers["content-type"] == "application/problem+json"
        assert r.headers["www-authenticate"] == "Bearer"
        _headers_ok(r)
    assert locked.post("/v1/assess", content=to_json(example_profile()),
                       headers=JSON).status_code == 401
    wrong = {"Authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert locked.get("/v1/health", headers=wrong).status_code == 401
    assert locked.get("/v1/health", headers={"Authorization": TOKEN}).status_code == 401
    right = {"Authorization": f"Bearer {TOKEN}"}
    assert locked.get("/v1/health", headers=right).status_code == 200
    assert locked.post("/v1/assess", content=to_json(example_profile()),
                       headers={**JSON, **right}).status_code == 200


def test_browser_logs_in_with_a_cookie(locked: TestClient) -> None:
    page = locked.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/login"
    form = locked.get("/login")
    assert form.status_code == 200 and 'name="token"' in form.text and "<label" in form.text
    wrong = locked.post("/login", data={"token": "nope"})
    assert wrong.status_code == 401 and COOKIE not in wrong.cookies
    ok = locked.post("/login", data={"token": TOKEN})
    assert ok.status_code == 303
    set_cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=strict" in set_cookie
    assert TOKEN not in set_cookie  # the cookie is derived from the token, not the token
    cookie = {"Cookie": f"{COOKIE}={session_value(TOKEN)}"}
    assert locked.get("/v1/health", headers=cookie).status_code == 200
    assert locked.get("/v1/health", headers={"Cookie": f"{COOKIE}=forged"}).status_code == 401


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_other_hosts_need_a_token(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(UserInputError) as err:
        check_bind(host, None)
    assert err.value.diagnostics[0].path == "host"
    check_bind(host, TOKEN)


def test_short_tokens_are_refused() -> None:
    with pytest.raises(UserInputError, match="16"):
        check_bind("127.0.0.1", "kort")


def test_token_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "token"
    f.write_text(TOKEN + "\n", encoding="utf-8")
    s = serve_settings(rules=None, db="x.db", host="0.0.0.0", port=1, token=None,
                       token_file=f, lang="nl")
    assert s.token == TOKEN
    with pytest.raises(UserInputError):
        serve_settings(rules=None, db="x.db", host="0.0.0.0", port=1, token=None,
                       token_file=tmp_path / "missing", lang="nl")


def test_cli_refuses_a_network_bind_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "--token" in err and "Traceback" not in err
    assert main(["--lang", "en", "serve", "--host", "10.0.0.1", "--port", "1"]) == 2
    assert "not a loopback address" in capsys.readouterr().err


def test_cli_refuses_an_unopenable_store(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         ) -> None:
    assert main(["serve", "--db", str(tmp_path / "geen" / "map" / "c.db"), "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "dossieropslag" in err and "Traceback" not in err


def test_an_internal_failure_is_a_bare_500_problem(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(ServeSettings(db=str(tmp_path / "c.db")))

    def broken() -> int:
        raise RuntimeError("geheim detail")

    monkeypatch.setattr(app.state.ctx.store, "schema_version", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/v1/health")
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "urn:riskmodel:problem:internal"
    assert "geheim" not in r.text
    _headers_ok(r)


def test_the_app_runs_on_a_postgresql_store(request: pytest.FixtureRequest) -> None:
    db = new_postgres_db(request.getfixturevalue("postgres_server"))
    with TestClient(create_app(ServeSettings(db=db))) as client:
        assert client.get("/v1/health").json()["store"]["dialect"] == "postgresql"
        saved = client.post("/v1/cases", content=to_json(example_profile()), headers=JSON)
        assert saved.status_code == 201
        case = client.get(f"/v1/cases/{saved.json()['case_id']}").json()
        assert case["assessments"][0]["receipt"]["engine"] == "compiled"
