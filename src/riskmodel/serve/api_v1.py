"""The HTTP API, version 1: the library's assess, explain, model and schema, and the cases.

Bodies are read and parsed here (not by FastAPI's model binding) so that every refusal is a
problem+json with riskmodel's diagnostics, and so that a body is only ever treated as data:
a string where a profile belongs is refused, never read as a file path.
The work itself runs in the thread pool; the event loop stays free for other requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

import orjson
from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import PlainTextResponse, Response

from riskmodel._version import __version__
from riskmodel.api import (
    DEFAULT_ENGINE,
    EngineName,
    as_date,
    assess,
    assess_json,
    get_evaluator,
)
from riskmodel.check.privacy import check_free_text
from riskmodel.errors import Diagnostic, UserInputError, msg, require_lang
from riskmodel.explain.trace import find, walk
from riskmodel.model.assessment import SCHEMA_VERSION, Assessment, TraceNode
from riskmodel.report.book import Book
from riskmodel.report.render import render_explain, render_tree
from riskmodel.schema import assessment_schema, profile_schema
from riskmodel.serve.context import ServeContext
from riskmodel.serve.model_doc import model_document
from riskmodel.serve.problems import Problem, problem
from riskmodel.store import Case, ProfileVersion

router = APIRouter(prefix="/v1")

#: durable-rules keeps global engine state: one assessment at a time through it
_DURABLE_LOCK = threading.Lock()
T = TypeVar("T")
_PROFILE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object",
        "description": "A situation profile (id, soort, gemeente, peildatum, feiten); its "
                       "JSON Schema for the served model is GET /v1/schema/profile."}}}}}
_BATCH_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "items": {"type": "object"},
                                    "description": "Profiles, at most max_batch (100)."}}}}}
_CASE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object",
        "description": "A profile, or {\"profiel\": <profile>, \"notitie\": <text>}: a case "
                       "note, refused when it holds personal data."}}}}}
_PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"description": f"problem+json ({status})",
             "content": {"application/problem+json": {"schema": {"type": "object"}}}}
    for status in (400, 401, 404, 413, 415, 422)}

FindOutQ = Query(False, description="rank the unknown facts by the outcomes knowing them "
                                   "could change (section find_out; costs several times "
                                   "the assessment)")
LangQ = Query(None, description="nl (default) or en: the language of texts and problems")
EngineQ = Query(None, description="compiled (default), durable or python")
DateQ = Query(None, description="assess as of this date (JJJJ-MM-DD) instead of the profile's")


def ctx_of(request: Request) -> ServeContext:
    ctx: ServeContext = request.app.state.ctx
    return ctx


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None,
                  ) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json",
                    headers=headers)


async def read_json(request: Request) -> Any:
    """The body as JSON, or a 415/400 problem; never an exception from deep inside."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not (media.startswith("application/")
                                            and media.endswith("+json")):
        raise problem(415, "content-type", msg("serve.content_type", got=media[:60] or "-"),
                      code="type", expected="application/json")
    try:
        return orjson.loads(await request.body())
    except orjson.JSONDecodeError as exc:
        raise problem(400, "body", msg("serve.bad_json", error=str(exc)[:160]),
                      code="yaml-syntax") from None


def _kind(value: Any) -> str:
    return {dict: "object", list: "list", str: "text", bool: "true/false", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)


def as_profile(data: Any, path: str = "body") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise problem(422, path, msg("serve.expected_object", got=_kind(data)), code="type")
    return data


class Params:
    """The query parameters every assessing endpoint shares, checked before any work."""

    def __init__(self, ctx: ServeContext, lang: str | None, engine: str | None,
                 peildatum: str | None, texts: bool = False, find_out: bool = False) -> None:
        try:
            self.lang = require_lang(lang if lang is not None else ctx.settings.lang)
            name = engine if engine is not None else DEFAULT_ENGINE
            get_evaluator(cast(EngineName, name))  # an unknown name raises, with a suggestion
            self.engine = cast(EngineName, name)
            self.peildatum = as_date(peildatum)
        except UserInputError as exc:
            raise Problem(400, exc.diagnostics) from None
        self.texts = texts
        self.find_out = find_out


def _assess(ctx: ServeContext, profile: dict[str, Any], p: Params) -> Assessment:
    return _one_engine_at_a_time(p, lambda: assess(
        profile, ctx.rules, peildatum=p.peildatum, engine=p.engine, texts=p.texts,
        find_out=p.find_out))


def _assess_json(ctx: ServeContext, profile: dict[str, Any], p: Params) -> str:
    """The document only (no objects): `assess_json`, the same bytes, faster."""
    return _one_engine_at_a_time(p, lambda: assess_json(
        profile, ctx.rules, peildatum=p.peildatum, engine=p.engine, texts=p.texts,
        find_out=p.find_out))


def _one_engine_at_a_time(p: Params, work: Callable[[], T]) -> T:
    """durable-rules' host keeps global state: one of its assessments at a time."""
    if p.engine == "durable":
        with _DURABLE_LOCK:
            return work()
    return work()


def _refused(exc: UserInputError) -> Problem:
    return Problem(422, exc.diagnostics)


# ---- assessing ----------------------------------------------------------------------------

@router.post("/assess", openapi_extra=_PROFILE_BODY, responses=_PROBLEMS,
             summary="Assess one profile",
             description="The assessment JSON, byte-identical to `riskmodel assess --format "
                         "json` for the same profile and options.")
async def post_assess(request: Request, lang: str | None = LangQ, engine: str | None = EngineQ,
                      peildatum: str | None = DateQ,
                      texts: bool = Query(False, description="include names and questions"),
                      find_out: bool = FindOutQ) -> Response:
    ctx = ctx_of(request)
    p = Params(ctx, lang, engine, peildatum, texts, find_out)
    profile = as_profile(await read_json(request))
    try:
        doc = await run_in_threadpool(_assess_json, ctx, profile, p)
    except UserInputError as exc:
        raise _refused(exc) from None
    return Response(doc, media_type="application/json")


@router.post("/assess/batch", openapi_extra=_BATCH_BODY, responses=_PROBLEMS,
             summary="Assess many profiles; one bad profile does not stop the rest")
async def post_assess_batch(request: Request, lang: str | None = LangQ,
                            engine: str | None = EngineQ, peildatum: str | None = DateQ,
                            texts: bool = Query(False), find_out: bool = FindOutQ,
                            ) -> Response:
    ctx = ctx_of(request)
    p = Params(ctx, lang, engine, peildatum, texts, find_out)
    data = await read_json(request)
    if not isinstance(data, list):
        raise problem(422, "body", msg("serve.expected_list", got=_kind(data)), code="type")
    limit = ctx.settings.max_batch
    if len(data) > limit:
        raise problem(413, "body", msg("serve.batch_too_many", n=len(data), max=limit),
                      code="too-large")

    def work() -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index, item in enumerate(data):
            diags: list[Diagnostic]
            try:
                doc = _assess_json(ctx, as_profile(item, str(index)), p)
                out.append({"index": index, "ok": True, "assessment": orjson.Fragment(doc)})
                continue
            except Problem as exc:
                diags = exc.diagnostics
            except UserInputError as exc:
                diags = exc.diagnostics
            out.append({"index": index, "ok": False,
                        "diagnostics": [d.to_dict(p.lang) for d in diags]})
        return out

    results = await run_in_threadpool(work)
    ok = sum(1 for r in results if r["ok"])
    return json_response({"count": len(results), "ok": ok, "failed": len(results) - ok,
                          "results": results})


@router.post("/explain/{target}", openapi_extra=_PROFILE_BODY, responses=_PROBLEMS,
             summary="Why one indicator, phenomenon, gate or intervention came out as it did",
             description="`target`: an intervention, phenomenon or indicator id; a gate as "
                         "`<intervention>:<gate>` or `<gate>`; a phenomenon's definition "
                         "by the phenomenon id with kind definitie as `<phenomenon>:<phenomenon>`.")
async def post_explain(request: Request, target: str, lang: str | None = LangQ,
                       engine: str | None = EngineQ, peildatum: str | None = DateQ,
                       format: str = Query("json", description="json (tree) or text"),
                       ) -> Response:
    ctx = ctx_of(request)
    p = Params(ctx, lang, engine, peildatum)
    if format not in ("json", "text"):
        raise problem(400, "format", msg("serve.bad_param", name="format",
                                         value=repr(format[:20])), code="unknown-value",
                      expected="json, text")
    profile = as_profile(await read_json(request))
    try:
        a = await run_in_threadpool(_assess, ctx, profile, p)
    except UserInputError as exc:
        raise _refused(exc) from None
    try:
        out = render_explain(a, target, format, p.lang, ctx.rules)
    except UserInputError as exc:
        node = _gate_node(a, target)
        if node is None:
            raise Problem(404, exc.diagnostics) from None
        out = (render_tree(node, Book(a, ctx.rules), p.lang) if format == "text" else
               orjson.dumps(node.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS
                            | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode())
    if format == "text":
        return PlainTextResponse(out)
    return Response(out, media_type="application/json")


def _gate_node(a: Assessment, target: str) -> TraceNode | None:
    """A legal gate, a phenomenon's definition or a proportionality flag: `<gate>` (the first
    one with that id) or `<intervention>:<gate>` (gate ids repeat across interventions)."""
    parent, _, child = target.rpartition(":")
    scope = walk(a.trace)
    if parent:
        try:
            root = find(a, parent)
        except UserInputError:
            return None
        scope = walk(root.children)
    return next((n for n in scope if n.kind in ("poort", "definitie", "afweging")
                 and n.id == child), None)


# ---- the model ----------------------------------------------------------------------------

@router.get("/model", summary="Facts, phenomena, levels and interventions, nl and en")
async def get_model(request: Request) -> Response:
    ctx = ctx_of(request)
    if "model" not in ctx.cache:
        ctx.cache["model"] = orjson.dumps(model_document(ctx.rules))
    return Response(ctx.cache["model"], media_type="application/json")


@router.get("/schema/{kind}", responses=_PROBLEMS,
            summary="JSON Schema of a profile (for the served model) or of an assessment")
async def get_schema(request: Request, kind: str) -> Response:
    ctx = ctx_of(request)
    if kind not in ("profile", "assessment"):
        raise problem(404, "kind", msg("serve.unknown_kind", kind=kind[:40]), code="unknown-value",
                      expected="profile, assessment")
    key = f"schema:{kind}"
    if key not in ctx.cache:
        schema = profile_schema(ctx.rules) if kind == "profile" else assessment_schema()
        ctx.cache[key] = orjson.dumps(schema)
    return Response(ctx.cache[key], media_type="application/schema+json")


@router.get("/health", summary="Status, versions and the model's hash")
async def get_health(request: Request) -> Response:
    ctx = ctx_of(request)
    m = ctx.rules.manifest
    store_version = await run_in_threadpool(ctx.store.schema_version)
    return json_response({
        "status": "ok", "riskmodel_version": __version__, "schema_version": SCHEMA_VERSION,
        "model": m.model, "model_version": m.version, "rules_sha256": ctx.rules.sha256,
        "store": {"dialect": ctx.store.dialect, "schema_version": store_version},
    })


# ---- cases --------------------------------------------------------------------------------

def _case_input(data: Any) -> tuple[dict[str, Any], str | None]:
    if isinstance(data, dict) and "profiel" in data:
        unknown = sorted(str(k) for k in data if k not in ("profiel", "notitie"))
        if unknown:
            raise problem(422, unknown[0][:40], msg("serve.bad_param", name=unknown[0][:40],
                                                    value="?"), code="unknown-key",
                          expected="profiel, notitie")
        note = data.get("notitie")
        if note is not None and not isinstance(note, str):
            raise problem(422, "notitie", msg("serve.bad_param", name="notitie",
                                              value=_kind(note)), code="type")
        return as_profile(data["profiel"], "profiel"), note
    return as_profile(data), None


async def _save(request: Request, case_id: str | None, p: Params) -> Response:
    ctx = ctx_of(request)
    profile, note = _case_input(await read_json(request))
    refused = check_free_text({"notitie": note})
    if refused:
        raise Problem(422, refused)

    def work() -> tuple[Any, int, Assessment]:
        a = _assess(ctx, profile, p)
        saved, row = ctx.store.save_assessed(profile, a, case_id, note=note)
        return saved, row, a

    try:
        saved, row, a = await run_in_threadpool(work)
    except UserInputError as exc:
        raise _refused(exc) from None
    except KeyError:
        raise _unknown_case(case_id or "") from None
    location = f"/v1/cases/{saved.case_id}/versions/{saved.version}"
    return json_response({"case_id": saved.case_id, "version": saved.version,
                          "profile_sha256": saved.profile_sha256, "assessment_id": row,
                          "assessment": orjson.Fragment(a.to_json())},
                         status=201, headers={"Location": location})


def _unknown_case(case_id: str) -> Problem:
    return problem(404, "case_id", msg("serve.unknown_case", id=case_id[:40]), code="unknown-id")


@router.post("/cases", openapi_extra=_CASE_BODY, responses=_PROBLEMS, status_code=201,
             summary="Save a profile as a new case and record its assessment")
async def post_case(request: Request, lang: str | None = LangQ, engine: str | None = EngineQ,
                    peildatum: str | None = DateQ) -> Response:
    return await _save(request, None, Params(ctx_of(request), lang, engine, peildatum))


@router.post("/cases/{case_id}/versions", openapi_extra=_CASE_BODY, responses=_PROBLEMS,
             status_code=201, summary="Save a new version of a case and record its assessment")
async def post_case_version(request: Request, case_id: str, lang: str | None = LangQ,
                            engine: str | None = EngineQ, peildatum: str | None = DateQ,
                            ) -> Response:
    p = Params(ctx_of(request), lang, engine, peildatum)
    if await run_in_threadpool(ctx_of(request).store.get_version, case_id, 1) is None:
        raise _unknown_case(case_id)
    return await _save(request, case_id, p)


def _bounded(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise problem(400, name, msg("serve.bad_param", name=name, value=repr(value[:20])),
                      code="range", expected=f"{low}..{high}")
    return int(value)


@router.get("/cases", responses=_PROBLEMS, summary="Cases, newest first")
async def get_cases(request: Request, limit: str | None = Query(None, description="1..200"),
                    offset: str | None = Query(None, description="0.."),
                    ) -> Response:
    store = ctx_of(request).store
    n = _bounded(limit, "limit", 50, 1, 200)
    skip = _bounded(offset, "offset", 0, 0, 10**9)
    cases, total = await run_in_threadpool(lambda: (store.list_cases(n, skip),
                                                    store.count_cases()))
    return json_response({"total": total, "limit": n, "offset": skip, "cases": [
        {"case_id": c.case_id, "created_at": c.created_at, "latest_version": c.latest_version,
         "updated_at": c.updated_at, "profile_id": c.profile_id, "soort": c.soort,
         "gemeente": c.gemeente} for c in cases]})


def _version_doc(v: ProfileVersion) -> dict[str, Any]:
    return {"version": v.version, "profile_sha256": v.profile_sha256, "saved_at": v.saved_at,
            "note": v.note}


@router.get("/cases/{case_id}", responses=_PROBLEMS,
            summary="A case: its latest profile, all versions and the assessment log")
async def get_case(request: Request, case_id: str) -> Response:
    case: Case | None = await run_in_threadpool(ctx_of(request).store.get_case, case_id)
    if case is None:
        raise _unknown_case(case_id)
    return json_response({
        "case_id": case.case_id, "created_at": case.created_at,
        "latest": {**_version_doc(case.latest), "profiel": case.latest.profile},
        "versions": [_version_doc(v) for v in case.versions],
        "assessments": [{"id": r.id, "version": r.version, "recorded_at": r.recorded_at,
                         "receipt": r.receipt()} for r in case.assessments],
    })


@router.get("/cases/{case_id}/versions/{version}", responses=_PROBLEMS,
            summary="One saved version: the profile and its assessments in full")
async def get_case_version(request: Request, case_id: str, version: str) -> Response:
    store = ctx_of(request).store
    number = _bounded(version, "version", 1, 1, 10**9)
    found = await run_in_threadpool(store.get_version, case_id, number)
    if found is None:
        if await run_in_threadpool(store.get_version, case_id, 1) is None:
            raise _unknown_case(case_id)
        raise problem(404, "version", msg("serve.unknown_version", id=case_id[:40],
                                          version=number), code="unknown-id")
    logs = await run_in_threadpool(store.assessments_of, case_id, number)
    return json_response({
        "case_id": case_id, **_version_doc(found), "profiel": found.profile,
        "assessments": [{"id": r.id, "recorded_at": r.recorded_at, "receipt": r.receipt(),
                         "assessment": orjson.Fragment(r.assessment_json)} for r in logs],
    })
