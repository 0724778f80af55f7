"""The workbench page through the real ASGI app (no browser): forms, CSRF, errors, downloads.

The app here is the page alone (its router, which also serves its static files) over the
bundled model, with no store or with a small in-memory store shaped like
`riskmodel.store.CaseStore`; `riskmodel.serve.create_app` includes the same router.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the workbench needs the serve extra: pip install -e '.[serve]'")

from fastapi import FastAPI
from fastapi.testclient import TestClient

import riskmodel
from riskmodel.model.ruleset import RuleSet
from riskmodel.serve.web import find_out, router
from riskmodel.serve.web.facts import fact_groups
from riskmodel.serve.web.state import decode_concept, encode_concept

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"
EXE = Path(sys.executable).parent / "riskmodel"
#: the four cumulative elements of the OMG definition (rules/omg.yaml, poort)
OMG_DEFINITION = ["omg_motorcultuur_zichtbaar", "omg_groepssymbolen",
                  "omg_niet_vrij_toegankelijk", "omg_leden_normoverschrijdend"]
EVENT = {"soort": "evenement", "gemeente": "Cuijk", "peildatum": "2013-08-01"}


@dataclasses.dataclass
class Saved:
    case_id: str
    version: int
    profile_sha256: str


@dataclasses.dataclass
class Version:
    version: int
    profile: dict[str, Any]


@dataclasses.dataclass
class FakeCase:
    """Like riskmodel.store's Case: the profile is in the last of `versions`."""

    case_id: str
    versions: list[Version]


@dataclasses.dataclass
class Summary:
    case_id: str
    latest_version: int
    soort: str | None
    gemeente: str | None


class FakeStore:
    """The case store's interface (riskmodel.store.CaseStore), in memory, for these tests."""

    def __init__(self, atomic: bool = True) -> None:
        self.cases: dict[str, FakeCase] = {}
        self.assessments: list[tuple[str, int, riskmodel.Assessment]] = []
        if not atomic:  # a store with only save_profile + record_assessment
            self.save_assessed = None  # type: ignore[assignment]

    def save_profile(self, profile: dict[str, Any], case_id: str | None = None) -> Saved:
        if case_id is None:
            case_id = f"zaak{len(self.cases) + 1}"
            self.cases[case_id] = FakeCase(case_id, [])
        versions = self.cases[case_id].versions
        versions.append(Version(len(versions) + 1, profile))
        return Saved(case_id, len(versions), "x" * 64)

    def save_assessed(self, profile: dict[str, Any], assessment: Any,
                      case_id: str | None = None) -> tuple[Saved, int]:
        saved = self.save_profile(profile, case_id)
        return saved, self.record_assessment(saved.case_id, saved.version, assessment)

    def record_assessment(self, case_id: str, version: int, assessment: Any) -> int:
        self.assessments.append((case_id, version, assessment))
        return len(self.assessments)

    def get_case(self, case_id: str) -> FakeCase | None:
        return self.cases.get(case_id)

    def list_cases(self, limit: int, offset: int) -> list[Summary]:
        return [Summary(c.case_id, len(c.versions), c.versions[-1].profile.get("soort"),
                        c.versions[-1].profile.get("gemeente"))
                for c in list(self.cases.values())[offset:offset + limit]]

    def latest(self, case_id: str) -> dict[str, Any]:
        return self.cases[case_id].versions[-1].profile


def make_app(store: Any = None, rules: RuleSet | None = None, lang: str = "nl") -> FastAPI:
    app = FastAPI()
    app.state.ctx = SimpleNamespace(rules=rules or riskmodel.load_rules(),
                                    settings=SimpleNamespace(lang=lang), store=store)
    app.include_router(router)
    return app


def client_for(app: FastAPI) -> tuple[TestClient, str]:
    client = TestClient(app)
    r = client.get("/")
    assert r.status_code == 200
    token = client.cookies.get("rm_csrf")
    assert token
    return client, token


def new_case(client: TestClient, token: str, **fields: str) -> str:
    r = client.post("/nieuw", data={"csrf": token, **EVENT, **fields}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return str(r.headers["location"])


def facts_form(token: str, values: dict[str, str], **extra: str) -> dict[str, str]:
    return {"csrf": token, **EVENT, **{f"f__{k}": v for k, v in values.items()}, **extra}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every label and legend."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("input", "meta", "link", "br", "img"):
            self.stack.append(tag)
        if tag == "input":
            self.tags[-1][1]["_inside_label"] = "1" if "label" in self.stack else None

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


# ---- the form ------------------------------------------------------------------------------

def test_new_case_shows_facts_by_phenomenon_with_the_omg_definition_first() -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    assert url.startswith("/concept/")
    html = client.get(url).text
    groups = fact_groups(riskmodel.load_rules(), "evenement")
    omg = next(g for g in groups if g.id == "omg")
    assert list(omg.definition) == OMG_DEFINITION
    # in the page, the OMG fieldset opens with the four definition questions, marked as such
    section = html[html.index('id="groep-omg"'):]
    section = section[:section.index("</fieldset>\n  <fieldset") if "</fieldset>\n  <fieldset" in
                      section else len(section)]
    ids = re.findall(r'id="fact-([a-z0-9_]+)"', section)
    assert ids[:4] == OMG_DEFINITION
    assert html.count("fact fact-definition") >= 4
    # unknown by default: every yes/no question has its 'onbekend' radio checked
    assert re.search(r'id="f__omg_groepssymbolen-onbekend" value="" checked', html)


def test_facts_that_do_not_apply_to_the_kind_are_not_asked() -> None:
    rules = riskmodel.load_rules()
    only_premises = {"pand_soort", "kinderen_in_woning"}
    facts = {fid: (f.model_copy(update={"kinds": ["pand"]}) if fid in only_premises else f)
             for fid, f in rules.facts.items()}
    changed = dataclasses.replace(rules, facts=facts, cache={}, compiled={})
    client, token = client_for(make_app(rules=changed))
    html = client.get(new_case(client, token)).text
    asked = set(re.findall(r'id="fact-([a-z0-9_]+)"', html))
    assert asked and not asked & only_premises
    html_pand = client.get(new_case(client, token, soort="pand")).text
    assert only_premises <= set(re.findall(r'id="fact-([a-z0-9_]+)"', html_pand))


def test_every_control_has_a_label_and_every_group_a_legend() -> None:
    client, token = client_for(make_app())
    for html in (client.get("/").text, client.get(new_case(client, token)).text):
        tags = parse(html).tags
        label_for = {a.get("for") for t, a in tags if t == "label"}
        for tag, attrs in tags:
            if tag in ("select", "input") and attrs.get("type") != "hidden":
                assert attrs.get("_inside_label") or attrs.get("id") in label_for, attrs
        assert html.count("<fieldset") == html.count("<legend")


def test_no_inline_script_style_or_event_handler() -> None:
    """The CSP is script-src 'self' and no inline styles: the page must not need them."""
    client, token = client_for(make_app())
    url = new_case(client, token)
    pages = [client.get("/").text, client.get(url).text, client.get(url + "/waarom/omg").text]
    for html in pages:
        for tag, attrs in parse(html).tags:
            assert "style" not in attrs, tag
            assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
            if tag == "script":
                assert attrs.get("src", "").startswith("/static/")
        assert "<style" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert "http://" not in html.split("<main")[0] and "https://" not in html.split("<main")[0]


def test_static_files_come_from_the_package() -> None:
    client = TestClient(make_app())
    assert "fetch(" in client.get("/static/werkbank.js").text
    assert ":focus-visible" in client.get("/static/werkbank.css").text


# ---- POST/redirect/GET and the result ------------------------------------------------------

def test_filling_the_definition_raises_omg_and_brings_the_event_permit_instruments() -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    before = client.get(url).text
    assert 'id="ph-omg"' not in before  # T0 with nothing known: in the quiet list
    values = dict.fromkeys([*OMG_DEFINITION, "omg_waarnemingen",
                            "evenement_vergunning_aangevraagd",
                            "omg_deelname_evenement_verwacht"], "ja")
    r = client.post(url, data=facts_form(token, values), follow_redirects=False)
    assert r.status_code == 303
    after = client.get(r.headers["location"]).text
    assert re.search(r'id="ph-omg" data-level="T1"', after)
    assert 'id="iv-evenement_voorschriften"' in after
    assert 'id="iv-evenement_weigering"' in after
    # the refusal is not possible without a concrete threat: its failed/open gate is cited
    assert "Concrete dreiging voor juist dit evenement" in after
    # the values are kept in the form
    assert re.search(r'id="f__omg_groepssymbolen-ja" value="ja" checked', after)


def test_preview_fragment_is_the_same_result_without_saving() -> None:
    store = FakeStore()
    client, token = client_for(make_app(store))
    url = new_case(client, token)
    values = dict.fromkeys([*OMG_DEFINITION, "omg_waarnemingen"], "ja")
    r = client.post(url + "/voorbeeld", data=facts_form(token, values))
    assert r.status_code == 200
    assert re.search(r'id="ph-omg" data-level="T1"', r.text)
    assert "<html" not in r.text  # a fragment
    assert len(store.cases["zaak1"].versions) == 1  # nothing saved
    # its links point at the unsaved state
    link = re.search(r'href="(/concept/[^"/]+)/waarom/omg"', r.text)
    assert link
    assert decode_concept(link.group(1).split("/")[2])["feiten"]["omg_waarnemingen"] == {
        "waarde": True}


@pytest.mark.parametrize("atomic", [True, False], ids=["save_assessed", "save_then_record"])
def test_store_keeps_every_version_and_records_each_assessment(atomic: bool) -> None:
    store = FakeStore(atomic)
    client, token = client_for(make_app(store))
    url = new_case(client, token)
    assert url == "/zaak/zaak1"
    r = client.post(url, data=facts_form(token, {"omg_waarnemingen": "ja"}),
                    follow_redirects=False)
    assert r.headers["location"] == "/zaak/zaak1?opgeslagen=2"
    page = client.get(r.headers["location"]).text
    assert "Opgeslagen als versie 2." in page
    assert [v for _, v, _ in store.assessments] == [1, 2]
    assert store.assessments[-1][2].indicator("omg_aanwezigheid") is not None
    assert store.latest("zaak1")["feiten"] == {"omg_waarnemingen": {"waarde": True}}
    home = client.get("/").text
    assert 'href="/zaak/zaak1"' in home and "evenement, Cuijk, versie 2" in home
    assert client.get("/zaak/bestaat-niet").status_code == 404


def test_no_store_keeps_the_profile_in_the_address() -> None:
    profile = {"id": "x", "soort": "evenement", "gemeente": "Cuijk", "peildatum": "2013-08-01",
               "feiten": {"omg_waarnemingen": {"waarde": True}}}
    assert decode_concept(encode_concept(profile)) == profile
    client = TestClient(make_app())
    assert client.get("/concept/bm90LXpsaWI").status_code == 400
    assert client.get("/zaak/zaak1").status_code == 404  # no store: no saved cases


def test_source_and_date_of_a_fact_are_kept() -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    data = facts_form(token, {"omg_waarnemingen": "ja"}, b__omg_waarnemingen="politie",
                      d__omg_waarnemingen="2013-07-01", bd__omg_waarnemingen="rapportage 12")
    r = client.post(url, data=data, follow_redirects=False)
    profile = decode_concept(r.headers["location"].split("/")[2])
    assert profile["feiten"]["omg_waarnemingen"] == {
        "waarde": True, "bron": "politie", "datum": "2013-07-01", "bron_detail": "rapportage 12"}


# ---- refusals ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/nieuw", "/laden", "CASE", "CASE/voorbeeld"])
@pytest.mark.parametrize("token", [None, "wrong-token-of-sufficient-length-000"])
def test_post_without_the_csrf_token_is_refused(path: str, token: str | None) -> None:
    client, good = client_for(make_app())
    url = new_case(client, good)
    data = {**EVENT, **({"csrf": token} if token else {})}
    r = client.post(path.replace("CASE", url), data=data, follow_redirects=False)
    assert r.status_code == 403
    assert "verlopen" in r.text


def test_personal_data_is_refused_as_a_form_error() -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    data = facts_form(token, {"omg_waarnemingen": "ja"},
                      bd__omg_waarnemingen="tip van jan.jansen@example.org")
    r = client.post(url, data=data, follow_redirects=False)
    assert r.status_code == 422
    assert "e-mailadres" in r.text
    assert "jan.jansen@example.org" not in r.text.split('id="bd__omg_waarnemingen"')[0]
    assert 'class="field-error"' in r.text
    assert "personal-data" not in r.text or "feiten.omg_waarnemingen.bron_detail" in r.text
    r = client.post("/nieuw", data={"csrf": token, **EVENT, "omschrijving": "BSN 111222333"})
    assert r.status_code == 422 and "BSN" in r.text


def test_values_the_library_refuses_are_shown_next_to_their_field() -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    r = client.post(url, data=facts_form(token, {"geweldsincidenten_12m": "veel"}))
    assert r.status_code == 422
    assert "&#39;veel&#39; is geen getal." in r.text
    assert "feiten.geweldsincidenten_12m" in r.text  # also in the summary at the top
    assert 'id="levels-title"' in r.text  # the last accepted result stays in view
    r = client.post(url, data=facts_form(token, {"geweldsincidenten_12m": "-4"}))
    assert r.status_code == 422
    assert 'id="f__geweldsincidenten_12m-err"' in r.text
    r = client.post("/nieuw", data={"csrf": token, "soort": "evenement", "gemeente": "",
                                    "peildatum": "2013-08-01"})
    assert r.status_code == 422 and 'id="gemeente-err"' in r.text


# ---- upload and downloads ------------------------------------------------------------------

def test_upload_continues_a_profile() -> None:
    client, token = client_for(make_app())
    r = client.post("/laden", data={"csrf": token},
                    files={"profiel": ("voorbeeld.yaml", EXAMPLE.read_bytes(), "application/yaml")},
                    follow_redirects=False)
    assert r.status_code == 303
    html = client.get(r.headers["location"]).text
    assert "voorbeeld-clubhuis-bedrijventerrein" in html
    assert re.search(r'id="ph-omg" data-level="T3"', html)


def test_upload_errors_are_the_library_diagnostics_with_their_location() -> None:
    client, token = client_for(make_app())
    text = EXAMPLE.read_text(encoding="utf-8").replace("clubhuis_status:", "clubhuis_statu:")
    r = client.post("/laden", data={"csrf": token},
                    files={"profiel": ("mijn.yaml", text.encode(), "application/yaml")})
    assert r.status_code == 422
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "clubhuis_statu:" in s)
    assert re.search(rf"mijn\.yaml:{line}:\d+: fout: .*clubhuis_statu", r.text)
    assert "clubhuis_status" in r.text  # did you mean
    personal = "id: x\nsoort: pand\ngemeente: Apeldoorn\npeildatum: 2024-01-01\n" \
               "omschrijving: bel 06-12345678\n"
    r = client.post("/laden", data={"csrf": token},
                    files={"profiel": ("p.yaml", personal.encode(), "application/yaml")})
    assert r.status_code == 422 and "telefoonnummer" in r.text
    r = client.post("/laden", data={"csrf": token})
    assert r.status_code == 422


def test_downloads_json_is_what_the_cli_prints_for_the_downloaded_profile(tmp_path: Path) -> None:
    client, token = client_for(make_app())
    url = new_case(client, token)
    values = dict.fromkeys([*OMG_DEFINITION, "omg_waarnemingen"], "ja")
    values["geweldsincidenten_12m"] = "3"
    url = client.post(url, data=facts_form(token, values, b__omg_waarnemingen="riec"),
                      follow_redirects=False).headers["location"]
    yaml_r = client.get(url + "/profiel.yaml")
    assert yaml_r.headers["content-disposition"].startswith("attachment")
    profile = tmp_path / "profiel.yaml"
    profile.write_bytes(yaml_r.content)
    json_r = client.get(url + "/beoordeling.json")
    assert json_r.headers["content-type"].startswith("application/json")
    env = {k: v for k, v in os.environ.items() if k != "RISKMODEL_LANG"}
    cli = subprocess.run([str(EXE), "assess", str(profile), "--format", "json", "--find-out"],
                         capture_output=True, timeout=300, env=env)
    assert cli.returncode == 0, cli.stderr
    assert json_r.content == cli.stdout
    report = client.get(url + "/rapport.html")
    assert report.headers["content-type"].startswith("text/html")
    assert "<svg" in report.text and "Outlaw motorcycle gangs" in report.text


# ---- why, find out, languages --------------------------------------------------------------

@pytest.mark.parametrize("target", ["omg", "omg_aanwezigheid", "evenement_weigering",
                                    "evenement_weigering.concrete_evenementspecifieke_dreiging"])
def test_why_opens_the_reasoning_down_to_facts_and_sources(target: str) -> None:
    client, token = client_for(make_app())
    values = dict.fromkeys([*OMG_DEFINITION, "omg_waarnemingen",
                            "evenement_vergunning_aangevraagd",
                            "omg_deelname_evenement_verwacht"], "ja")
    values["dreiging_evenement_specifiek"] = "nee"
    url = client.post(new_case(client, token), data=facts_form(token, values),
                      follow_redirects=False).headers["location"]
    r = client.get(f"{url}/waarom/{target}")
    assert r.status_code == 200
    assert 'class="node node-feit' in r.text
    if target.startswith("evenement_weigering"):
        assert "node-bron" in r.text and "niet geverifieerd" in r.text  # Cuijk 2013
        assert "Generiek (landelijk) OMG-beleid" not in r.text or target != "omg"
    assert client.get(f"{url}/waarom/bestaat_niet").status_code == 404
    assert client.get(f"{url}/waarom/omg.x").status_code == 404


def test_find_out_shows_the_exact_ranking_for_the_kind() -> None:
    rules = riskmodel.load_rules()
    profile = {"id": "e", **EVENT, "feiten": {"omg_waarnemingen": True}}
    a = riskmodel.assess(profile, rules, find_out=True)
    ranked = find_out(a, rules)
    assert ranked
    counts = [f.outcomes for f in ranked]
    assert counts == sorted(counts, reverse=True)
    assert "omg_waarnemingen" not in {f.fact for f in ranked}  # known facts are not asked
    # the page shows the assessment's exact ranking, narrowed to the facts it asks
    exact = [(f.fact, f.outcomes) for f in a.find_out or []]
    assert [(f.fact, f.outcomes) for f in ranked] == [x for x in exact
                                                       if x[0] in {r.fact for r in ranked}]
    assert all(f.outcomes >= 1 for f in ranked)
    # a fact that does not apply to events is never proposed for one
    top = ranked[0].fact
    facts = dict(rules.facts)
    facts[top] = facts[top].model_copy(update={"kinds": ["pand"]})
    changed = dataclasses.replace(rules, facts=facts, cache={}, compiled={})
    assert top not in {f.fact for f in find_out(a, changed)}


def test_english_switch_is_kept_across_pages() -> None:
    client, token = client_for(make_app())
    r = client.get("/?lang=en")
    assert '<html lang="en">' in r.text and "New case" in r.text
    url = new_case(client, token)
    page = client.get(url).text
    assert '<html lang="en">' in page and "Facts" in page and "Why?" in page
    assert '<html lang="nl">' in client.get(url + "?lang=nl").text
    assert "Nieuwe zaak" in client.get("/").text


def test_english_report_has_no_dutch_ui_strings() -> None:
    from test_languages import _model_texts, dutch_in

    a = riskmodel.assess(str(EXAMPLE))
    html = riskmodel.render(a, "html", lang="en")
    text = re.sub(r"<[^>]+>", " ", html)
    assert dutch_in(text, _model_texts()) == []


# ---- form <-> profile ----------------------------------------------------------------------

class MultiDict(dict[str, Any]):
    """What a parsed form offers the parser: get and getlist."""

    def getlist(self, key: str) -> list[Any]:
        value = self.get(key)
        return value if isinstance(value, list) else ([] if value is None else [value])


def test_every_widget_type_reads_back_what_it_shows() -> None:
    from riskmodel.serve.web.form import form_values, profile_from_form

    rules = riskmodel.load_rules()
    facts = {"omg_waarnemingen": {"waarde": False}, "geweldsincidenten_12m": {"waarde": 3},
             "harddrugs_gram": {"waarde": 2.5}, "ernstig_geweld_datum": {"waarde": "2013-06-01"},
             "evenement_risicoklasse": {"waarde": "b", "bron": "politie"},
             "signalen_woning": {"waarde": ["condens_ramen", "hennepgeur"]},
             "jg_riskante_gewoonten": {"waarde": []}}
    profile = {"id": "w", **EVENT, "feiten": facts}
    form = MultiDict(form_values(profile))
    back = profile_from_form(form, {"id": "w"}, rules, list(facts))
    assert back.errors == {}
    assert back.profile == profile
    checked = riskmodel.load_profile(back.profile, rules)  # the library accepts it as is
    assert checked.facts["jg_riskante_gewoonten"].value == []
    # a shown fact left unknown is removed; one not shown is kept
    form["f__omg_waarnemingen"] = ""
    again = profile_from_form(form, profile, rules, ["omg_waarnemingen"])
    assert "omg_waarnemingen" not in again.profile["feiten"]
    assert again.profile["feiten"]["harddrugs_gram"] == {"waarde": 2.5}


def test_phenomena_and_interventions_that_do_not_apply_to_the_kind_are_left_out() -> None:
    rules = riskmodel.load_rules()
    phenomena = dict(rules.phenomena)
    phenomena["hennep_drugs"] = phenomena["hennep_drugs"].model_copy(update={"kinds": ["pand"]})
    interventions = dict(rules.interventions)
    interventions["stopgesprek"] = interventions["stopgesprek"].model_copy(
        update={"kinds": ["pand"]})
    changed = dataclasses.replace(rules, phenomena=phenomena, interventions=interventions,
                                  cache={}, compiled={})
    assert "hennep_drugs" not in {g.id for g in fact_groups(changed, "evenement")}
    assert "hennep_drugs" in {g.id for g in fact_groups(changed, "pand")}
    client, token = client_for(make_app(rules=changed))
    url = client.post(new_case(client, token), data=facts_form(token, dict.fromkeys(
        [*OMG_DEFINITION, "omg_waarnemingen"], "ja")), follow_redirects=False).headers["location"]
    html = client.get(url).text
    assert 'id="groep-hennep_drugs"' not in html
    assert 'id="iv-stopgesprek"' not in html
    assert 'id="iv-bestuurlijke_rapportage"' in html


def test_case_profile_reads_either_shape_of_a_stored_case() -> None:
    from riskmodel.serve.web.state import case_profile, summary

    profile = {"id": "p", **EVENT}
    assert case_profile(SimpleNamespace(profile=profile, versions=[])) == profile
    assert case_profile(FakeCase("c", [Version(1, {"id": "old"}), Version(2, profile)])) == profile
    assert case_profile(SimpleNamespace(versions=[{"profile": profile}])) == profile
    assert case_profile(SimpleNamespace(versions=[])) is None
    assert summary(Summary("c", 3, "pand", "Ede"))["version"] == 3
    assert summary({"case_id": "c", "profile": profile})["gemeente"] == "Cuijk"
