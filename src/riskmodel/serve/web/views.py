"""The analyst's web page: server-rendered forms, POST/redirect/GET, no script needed.

Handlers read `request.app.state.ctx` (`.rules`, `.settings.lang`, `.store` or None). A case
is addressed as `/zaak/<id>` (saved in the store) or `/concept/<token>` (the profile in the
address, when there is no store); every page under it (why, downloads) works the same for
both. The optional script only posts the form to `<case>/voorbeeld` and swaps in the result
fragment, the same template the page renders without it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import jinja2
import yaml
from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response

import riskmodel.serve.web.csrf as csrf
from riskmodel.api import assess
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.errors import Diagnostic, UserInputError
from riskmodel.explain.trace import find, walk
from riskmodel.messages import LANGS, status_text, t
from riskmodel.model.assessment import Assessment, TraceNode
from riskmodel.model.profile import Profile
from riskmodel.model.rules import SituationKind, SourceKind
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.book import Book
from riskmodel.report.html import (
    REASON_KEYS,
    cited_html,
    intervention_view,
    levels_svg,
    node_label,
    phenomenon_view,
    tree_html,
)
from riskmodel.report.render import render
from riskmodel.report.text import kind_text, source_kind_text
from riskmodel.serve.web.facts import applies, fact_groups
from riskmodel.serve.web.findout import find_out
from riskmodel.serve.web.form import (
    NONE_OF_THESE,
    field_of,
    form_values,
    new_profile_id,
    profile_from_form,
)
from riskmodel.serve.web.state import (
    BadConcept,
    CaseRef,
    case_profile,
    concept_ref,
    decode_concept,
    save_with_assessment,
    summary,
    versions_count,
)

router = APIRouter(include_in_schema=False)

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("riskmodel.serve.web", "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)

KINDS: tuple[SituationKind, ...] = ("gemeente", "wijk", "pand", "evenement", "groep")
SOURCE_KINDS: tuple[SourceKind, ...] = ("politie", "riec", "gemeente", "om", "open_bron",
                                        "eigen_waarneming", "overig")
LANG_COOKIE = "rm_lang"
#: largest profile file accepted by the upload form
MAX_UPLOAD = 1_000_000
_CASE_ID = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")
_TARGET = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")
STATIC_DIR = Path(__file__).parent / "static"
_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".svg": "image/svg+xml"}
#: the page's own files, read once: name -> (bytes, media type)
STATIC: dict[str, tuple[bytes, str]] = {
    p.name: (p.read_bytes(), _STATIC_TYPES[p.suffix])
    for p in sorted(STATIC_DIR.iterdir()) if p.suffix in _STATIC_TYPES}
FIND_OUT_SHOWN = 12


# ---- request context -----------------------------------------------------------------------

@dataclass
class Page:
    request: Request
    lang: str
    lang_from_query: bool
    csrf: str
    csrf_new: bool
    here: str

    @property
    def ctx(self) -> Any:
        return self.request.app.state.ctx

    @property
    def rules(self) -> RuleSet:
        rules = self.ctx.rules
        assert isinstance(rules, RuleSet)
        return rules

    @property
    def store(self) -> Any:
        return getattr(self.ctx, "store", None)


def page_of(request: Request, here: str | None = None) -> Page:
    """Language from `?lang=`, then the cookie the switch set, then the server's setting."""
    asked = request.query_params.get("lang")
    cookie = request.cookies.get(LANG_COOKIE)
    default = getattr(getattr(request.app.state.ctx, "settings", None), "lang", "nl")
    lang = next((x for x in (asked, cookie, default) if x in LANGS), "nl")
    token, new = csrf.token_for(request)
    return Page(request, lang, asked in LANGS, token, new,
                here or (request.url.path if request.method == "GET" else "/"))


def respond(page: Page, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    lang = page.lang

    def tr(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    html = ENV.get_template(template).render(
        lang=lang, other_lang="en" if lang == "nl" else "nl", _=tr, csrf=page.csrf,
        here=page.here, status_text=lambda s: status_text(s, lang), **values)
    response = HTMLResponse(html, status_code=status)
    finish(page, response)
    return response


def finish(page: Page, response: Response) -> None:
    if page.csrf_new:
        csrf.set_cookie(response, page.csrf)
    if page.lang_from_query:
        response.set_cookie(LANG_COOKIE, page.lang, samesite="strict", path="/")


def message_page(page: Page, key: str, status: int) -> HTMLResponse:
    return respond(page, "message.html", status, message=t(key, page.lang))


# ---- assessing -----------------------------------------------------------------------------

def canonical(profile: Profile) -> dict[str, Any]:
    """The profile as stored, downloaded and put in a concept address (facts sorted)."""
    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["feiten"] = dict(sorted(data.get("feiten", {}).items()))
    return data


@dataclass
class Checked:
    profile: Profile | None = None
    assessment: Assessment | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_and_assess(rules: RuleSet, data: dict[str, Any]) -> Checked:
    """Validate like the library (personal data refused first), then assess with the default
    engine, no texts and the ranking of unknown facts (the page shows it): the JSON download
    is then what `riskmodel assess --format json --find-out` prints for the downloaded
    profile."""
    try:
        profile = profile_from_data(data, rules)
        return Checked(profile, assess(profile, rules, find_out=True))
    except UserInputError as exc:
        return Checked(diagnostics=list(exc.diagnostics))


@dataclass
class Loaded:
    ref: CaseRef
    profile: dict[str, Any]
    versions: int | None = None


def load_case(page: Page, space: str, key: str) -> Loaded | HTMLResponse:
    if space == "zaak":
        store = page.store
        case = store.get_case(key) if store is not None and _CASE_ID.match(key) else None
        profile = case_profile(case) if case is not None else None
        if profile is None:
            return message_page(page, "web.not_found", 404)
        return Loaded(CaseRef("zaak", key), dict(profile), versions_count(case))
    try:
        return Loaded(CaseRef("concept", key), decode_concept(key))
    except BadConcept:
        return message_page(page, "web.bad_concept", 400)


def save(page: Page, profile: dict[str, Any], assessment: Assessment,
         case_id: str | None) -> tuple[CaseRef, int | None]:
    """Into the store when there is one (a new version, its assessment recorded); otherwise
    into a concept address."""
    store = page.store
    if store is None:
        return concept_ref(profile), None
    saved_id, version = save_with_assessment(store, profile, assessment, case_id)
    return CaseRef("zaak", saved_id), version


def _space(request: Request) -> str:
    return request.url.path.split("/")[1]


# ---- views ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class FactField:
    id: str
    type: str
    question: str
    label: str
    unit: str | None
    minimum: float | None
    maximum: float | None
    options: list[tuple[str, str]]
    definition: bool


def fact_fields(rules: RuleSet, kind: str, lang: str) -> list[dict[str, Any]]:
    groups = []
    for g in fact_groups(rules, kind):
        fields = []
        for fid in g.all:
            f = rules.facts[fid]
            values = rules.enum_values(f)
            names = {v.id: v.label.get(lang) for v in f.allowed_values or [] if v.label}
            if f.register_id and f.register_id in rules.registers:
                names = {item.id: item.label.get(lang)
                         for item in rules.registers[f.register_id].items}
                values = list(names)
            fields.append(FactField(
                fid, f.type, (f.question or f.label).get(lang), f.label.get(lang), f.unit,
                f.minimum, f.maximum, [(v, names.get(v, v)) for v in values],
                fid in g.definition))
        name = (rules.phenomena[g.phenomenon].label.get(lang) if g.phenomenon
                else t("web.other_facts", lang))
        definition = (rules.phenomena[g.phenomenon].definition if g.phenomenon else None)
        groups.append({"id": g.id, "name": name, "fields": fields,
                       "definition_label": definition.label.get(lang) if definition else None})
    return groups


def result_view(rules: RuleSet, a: Assessment, lang: str, ref: CaseRef) -> dict[str, Any]:
    book = Book(a, rules)
    kind = a.receipt.profile_kind
    phenomena = [phenomenon_view(ph, book, lang) for ph in a.phenomena
                 if rules.phenomena.get(ph.id) is None
                 or applies(rules.phenomena[ph.id].kinds, kind) or ph.level.rank > 0]
    shown = [iv for iv in a.interventions if rules.interventions.get(iv.id) is None
             or applies(rules.interventions[iv.id].kinds, kind)]
    certain = [intervention_view(iv, book, lang) for iv in shown if iv.trigger == "ja"]
    maybe = [intervention_view(iv, book, lang) for iv in shown if iv.trigger != "ja"]
    ranked = find_out(a, rules)
    questions = [{"fact": f.fact, "outcomes": f.outcomes,
                  "question": book.get(f"vraag:{f.fact}", lang, book.get(f"feit:{f.fact}", lang))}
                 for f in ranked[:FIND_OUT_SHOWN]]
    active = [v for v in phenomena if v.level_rank > 0 or v.hit or v.definition == "voldaan"]
    quiet = [v for v in phenomena if v not in active]
    return {"ref": ref, "chart": Markup(levels_svg(phenomena, lang)), "phenomena": active,
            "quiet": quiet,
            "certain": certain, "maybe": maybe, "find_out": questions,
            "find_out_more": max(0, len(ranked) - FIND_OUT_SHOWN),
            "reason_keys": REASON_KEYS,
            "cited": lambda items: Markup(cited_html(items, lang))}


def case_view(page: Page, loaded: Loaded, data: dict[str, Any], checked: Checked,
              values: dict[str, Any] | None = None, raw_errors: dict[str, str] | None = None,
              saved: int | None = None, status: int = 200) -> HTMLResponse:
    rules, lang = page.rules, page.lang
    kind = str(data.get("soort") or loaded.profile.get("soort") or "gemeente")
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    for fid, text in (raw_errors or {}).items():
        problem = t("web.not_a_number", lang, value=text)
        errors.setdefault(f"f__{fid}", []).append(problem)
        general.append(f"feiten.{fid}: {problem}")
    for d in checked.diagnostics:
        name = field_of(d)
        general.append(d.format(lang))
        if name:
            errors.setdefault(name, []).append(d.message_in(lang))
    groups = fact_fields(rules, kind if kind in KINDS else "gemeente", lang)
    shown = {f.id for g in groups for f in g["fields"]}
    hidden = [fid for fid in (data.get("feiten") or {}) if fid not in shown]
    # a refused form keeps showing the result of the case as it was last accepted
    assessment = (checked.assessment if checked.assessment is not None
                  else check_and_assess(rules, loaded.profile).assessment)
    result = (result_view(rules, assessment, lang, loaded.ref)
              if assessment is not None else None)
    return respond(
        page, "case.html", status, ref=loaded.ref, profile=data,
        values=values if values is not None else form_values(data), groups=groups,
        kinds=[(k, kind_text(k, lang)) for k in KINDS],
        sources=[(s, source_kind_text(s, lang)) for s in SOURCE_KINDS],
        errors=errors, general=general, hidden_count=len(hidden), result=result,
        live=False, store=page.store is not None, versions=loaded.versions, saved=saved,
        none_of_these=NONE_OF_THESE, kind_name=kind_text(kind, lang))


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The stylesheet, the optional script and the icon, from the installed package (a route,
    not a mount, so including the router is all an app has to do)."""
    found = STATIC.get(name)
    if found is None:
        return Response(status_code=404)
    body, media = found
    return Response(body, media_type=media, headers={"Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    page = page_of(request)
    return home_view(page)


def home_view(page: Page, values: dict[str, str] | None = None,
              errors: dict[str, list[str]] | None = None, general: list[str] | None = None,
              status: int = 200) -> HTMLResponse:
    lang = page.lang
    cases: list[dict[str, str]] = []
    store = page.store
    if store is not None:
        for item in store.list_cases(50, 0) or []:
            c = summary(item)
            if c["case_id"] is None:
                continue
            parts = [kind_text(str(c["soort"]), lang) if c["soort"] else None, c["gemeente"],
                     c["peildatum"], t("web.version", lang, version=c["version"])
                     if c["version"] else None]
            cases.append({"url": f"/zaak/{quote(str(c['case_id']))}",
                          "label": ", ".join(str(p) for p in parts if p) or str(c["case_id"]),
                          "id": str(c["case_id"])})
    return respond(page, "home.html", status, values=values or {
        "peildatum": dt.date.today().isoformat()}, errors=errors or {}, general=general or [],
        kinds=[(k, kind_text(k, lang)) for k in KINDS], store=store is not None, cases=cases)


async def _form(request: Request) -> Any:
    return await request.form(max_files=1, max_fields=2000, max_part_size=MAX_UPLOAD)


@router.post("/nieuw", response_class=HTMLResponse)
async def new_case(request: Request) -> Response:
    page = page_of(request)
    form = await _form(request)
    if not csrf.valid(request, form.get(csrf.FIELD)):
        return message_page(page, "web.csrf_refused", 403)
    fields = {k: str(form.get(k) or "").strip()
              for k in ("soort", "gemeente", "wijk", "peildatum", "omschrijving")}
    data: dict[str, Any] = {
        "id": new_profile_id(fields["soort"] or "profiel", fields["gemeente"],
                             fields["peildatum"]),
        "soort": fields["soort"], "gemeente": fields["gemeente"],
        "peildatum": fields["peildatum"], "feiten": {}}
    for key in ("wijk", "omschrijving"):
        if fields[key]:
            data[key] = fields[key]
    checked = check_and_assess(page.rules, data)
    if checked.profile is None or checked.assessment is None:
        errors: dict[str, list[str]] = {}
        for d in checked.diagnostics:
            name = field_of(d)
            if name:
                errors.setdefault(name, []).append(d.message_in(page.lang))
        return home_view(page, fields, errors, [d.format(page.lang) for d in checked.diagnostics],
                         422)
    ref, _ = save(page, canonical(checked.profile), checked.assessment, None)
    return redirect(page, ref.url)


def redirect(page: Page, url: str) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    finish(page, response)
    return response


@router.post("/laden", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    page = page_of(request)
    form = await _form(request)
    if not csrf.valid(request, form.get(csrf.FIELD)):
        return message_page(page, "web.csrf_refused", 403)
    upload_file = form.get("profiel")
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        return home_view(page, general=[t("web.upload_empty", page.lang)], status=422)
    blob = await upload_file.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        return home_view(page, general=[t("web.upload_too_large", page.lang, max=MAX_UPLOAD)],
                         status=413)
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        return home_view(page, general=[t("web.upload_encoding", page.lang)], status=422)
    name = PurePosixPath(upload_file.filename.replace("\\", "/")).name[:80] or "profiel.yaml"
    try:
        profile = profile_from_text(text, page.rules, name)
        assessment = assess(profile, page.rules, find_out=True)
    except UserInputError as exc:
        return home_view(page, general=[d.format(page.lang) for d in exc.diagnostics],
                         status=422)
    ref, _ = save(page, canonical(profile), assessment, None)
    return redirect(page, ref.url)


@router.get("/zaak/{key}", response_class=HTMLResponse)
@router.get("/concept/{key}", response_class=HTMLResponse)
def case_page(request: Request, key: str) -> Response:
    page = page_of(request)
    loaded = load_case(page, _space(request), key)
    if isinstance(loaded, HTMLResponse):
        return loaded
    saved = request.query_params.get("opgeslagen")
    return case_view(page, loaded, loaded.profile, check_and_assess(page.rules, loaded.profile),
                     saved=int(saved) if saved and saved.isdigit() else None)


@router.post("/zaak/{key}", response_class=HTMLResponse)
@router.post("/concept/{key}", response_class=HTMLResponse)
async def save_case(request: Request, key: str) -> Response:
    page = page_of(request, here=request.url.path)
    form = await _form(request)
    if not csrf.valid(request, form.get(csrf.FIELD)):
        return message_page(page, "web.csrf_refused", 403)
    loaded = load_case(page, _space(request), key)
    if isinstance(loaded, HTMLResponse):
        return loaded
    data, values, raw_errors, checked = parse_case(page, loaded, form)
    if checked.assessment is None or checked.profile is None:
        return case_view(page, loaded, data, checked, values, raw_errors, status=422)
    case_id = loaded.ref.key if loaded.ref.space == "zaak" else None
    ref, version = save(page, canonical(checked.profile), checked.assessment, case_id)
    return redirect(page, ref.url + (f"?opgeslagen={version}" if version is not None else ""))


def parse_case(page: Page, loaded: Loaded, form: Any
               ) -> tuple[dict[str, Any], dict[str, Any], dict[str, str], Checked]:
    """The profile the form describes, the values to show again, unreadable numbers, and
    the library's verdict on the profile (with its assessment when accepted)."""
    kind = str(loaded.profile.get("soort") or "gemeente")
    shown = [fid for g in fact_groups(page.rules, kind if kind in KINDS else "gemeente")
             for fid in g.all]
    parsed = profile_from_form(form, loaded.profile, page.rules, shown)
    values = form_values(parsed.profile)
    for fid, raw in parsed.errors.items():
        values[f"f__{fid}"] = raw
    if parsed.errors:
        return parsed.profile, values, parsed.errors, Checked()
    return parsed.profile, values, {}, check_and_assess(page.rules, parsed.profile)


@router.post("/zaak/{key}/voorbeeld", response_class=HTMLResponse)
@router.post("/concept/{key}/voorbeeld", response_class=HTMLResponse)
async def preview(request: Request, key: str) -> Response:
    """The result fragment for the form as it is now (the optional script's endpoint); its
    links point at a concept address of this unsaved state."""
    page = page_of(request)
    form = await _form(request)
    if not csrf.valid(request, form.get(csrf.FIELD)):
        return respond(page, "result.html", 403, result=None, live=True,
                       problems=[t("web.csrf_refused", page.lang)])
    loaded = load_case(page, _space(request), key)
    if isinstance(loaded, HTMLResponse):
        return respond(page, "result.html", loaded.status_code, result=None, live=True,
                       problems=[t("web.not_found", page.lang)])
    _, _, raw_errors, checked = parse_case(page, loaded, form)
    if checked.assessment is None or checked.profile is None:
        problems = [d.format(page.lang) for d in checked.diagnostics]
        problems += [f"{fid}: {raw}" for fid, raw in raw_errors.items()]
        return respond(page, "result.html", 422, result=None, problems=problems, live=True)
    ref = concept_ref(canonical(checked.profile))
    return respond(page, "result.html", 200, live=True, problems=[],
                   result=result_view(page.rules, checked.assessment, page.lang, ref))


def _subtree(a: Assessment, target: str) -> tuple[TraceNode, str | None]:
    """The node of an intervention, phenomenon or indicator, or of a gate, flag or trigger
    written `<intervention>.<id>`; with the id of its owner (for the texts)."""
    if "." not in target:
        node = find(a, target)
        return node, node.id
    owner, sub = target.split(".", 1)
    parent = find(a, owner)
    for n in walk(parent.children):
        if n.id == sub and n.kind in ("poort", "afweging", "aanleiding"):
            return n, owner
    raise LookupError(target)


@router.get("/zaak/{key}/waarom/{target}", response_class=HTMLResponse)
@router.get("/concept/{key}/waarom/{target}", response_class=HTMLResponse)
def why(request: Request, key: str, target: str) -> Response:
    page = page_of(request)
    loaded = load_case(page, _space(request), key)
    if isinstance(loaded, HTMLResponse):
        return loaded
    checked = check_and_assess(page.rules, loaded.profile)
    if checked.assessment is None or not _TARGET.match(target):
        return message_page(page, "web.not_found", 404)
    try:
        node, owner = _subtree(checked.assessment, target)
    except (UserInputError, LookupError):
        return message_page(page, "web.not_found", 404)
    book = Book(checked.assessment, page.rules)
    name = node_label(node, book, page.lang, owner)
    return respond(page, "why.html", ref=loaded.ref, title=t("web.why_of", page.lang, name=name),
                   tree=Markup(tree_html(node, book, page.lang, owner)))


def _download(page: Page, body: str, media: str, filename: str) -> Response:
    response = Response(body.encode("utf-8"), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})
    finish(page, response)
    return response


def _assessed(request: Request, key: str) -> tuple[Page, Loaded, Checked] | Response:
    page = page_of(request)
    loaded = load_case(page, _space(request), key)
    if isinstance(loaded, HTMLResponse):
        return loaded
    checked = check_and_assess(page.rules, loaded.profile)
    if checked.assessment is None:
        return message_page(page, "web.not_found", 404)
    return page, loaded, checked


def profile_yaml(profile: dict[str, Any]) -> str:
    """The profile as a person would write it: `feit: waarde` where only the value is known."""
    out = dict(profile)
    out["peildatum"] = _as_date(out.get("peildatum"))
    facts = {}
    for fid, entry in (profile.get("feiten") or {}).items():
        if isinstance(entry, dict) and "datum" in entry:
            entry = {**entry, "datum": _as_date(entry["datum"])}
        facts[fid] = (entry["waarde"] if isinstance(entry, dict) and set(entry) == {"waarde"}
                      else entry)
    out["feiten"] = facts
    return yaml.safe_dump(out, allow_unicode=True, sort_keys=False, default_flow_style=False)


def _as_date(value: Any) -> Any:
    """An ISO date as a date, so YAML writes it unquoted as a person would."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


@router.get("/zaak/{key}/profiel.yaml")
@router.get("/concept/{key}/profiel.yaml")
def download_profile(request: Request, key: str) -> Response:
    got = _assessed(request, key)
    if isinstance(got, Response):
        return got
    page, _, checked = got
    assert checked.profile is not None
    data = canonical(checked.profile)
    return _download(page, profile_yaml(data), "application/yaml", f"{data['id']}.yaml")


@router.get("/zaak/{key}/beoordeling.json")
@router.get("/concept/{key}/beoordeling.json")
def download_assessment(request: Request, key: str) -> Response:
    got = _assessed(request, key)
    if isinstance(got, Response):
        return got
    page, _, checked = got
    assert checked.assessment is not None
    return _download(page, render(checked.assessment, "json"), "application/json",
                     f"{checked.assessment.receipt.profile_id}.json")


@router.get("/zaak/{key}/rapport.html")
@router.get("/concept/{key}/rapport.html")
def download_report(request: Request, key: str) -> Response:
    got = _assessed(request, key)
    if isinstance(got, Response):
        return got
    page, _, checked = got
    assert checked.assessment is not None
    return _download(page, render(checked.assessment, "html", page.lang, page.rules),
                     "text/html", f"{checked.assessment.receipt.profile_id}.html")
