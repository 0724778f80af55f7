"""Turn pydantic validation errors into located, coded, translatable diagnostics."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from riskmodel.errors import (
    Diagnostic,
    DiagnosticCode,
    Msg,
    clip,
    did_you_mean,
    is_code,
    msg,
)
from riskmodel.source import Loc, SourceDoc

#: pydantic error type -> (code, catalogue key of the message)
_MESSAGES: dict[str, tuple[DiagnosticCode, str]] = {
    "int_type": ("type", "schema.int"),
    "int_parsing": ("type", "schema.int"),
    "int_from_float": ("type", "schema.int"),
    "float_type": ("type", "schema.number"),
    "float_parsing": ("type", "schema.number"),
    "bool_type": ("type", "schema.bool"),
    "bool_parsing": ("type", "schema.bool"),
    "string_type": ("type", "schema.text"),
    "date_type": ("type", "schema.date"),
    "date_parsing": ("type", "schema.date"),
    "date_from_datetime_inexact": ("type", "schema.date_no_time"),
    "date_from_datetime_parsing": ("type", "schema.date"),
    "list_type": ("type", "schema.list"),
    "dict_type": ("type", "schema.mapping"),
    "model_type": ("type", "schema.mapping"),
    "model_attributes_type": ("type", "schema.mapping"),
    "string_pattern_mismatch": ("pattern", "schema.pattern"),
}


#: pydantic bound errors -> (message key, expectation key, context key); all code "range"
_BOUNDS: dict[str, tuple[str, str, str]] = {
    "greater_than_equal": ("schema.too_small", "exp.at_least", "ge"),
    "greater_than": ("schema.too_small", "exp.greater_than", "gt"),
    "less_than_equal": ("schema.too_large", "exp.at_most", "le"),
    "less_than": ("schema.too_large", "exp.less_than", "lt"),
    "too_short": ("schema.list_too_short", "exp.min_items", "min_length"),
    "too_long": ("schema.list_too_long", "exp.max_items", "max_length"),
    "string_too_short": ("schema.text_too_short", "exp.min_chars", "min_length"),
    "string_too_long": ("schema.text_too_long", "exp.max_chars", "max_length"),
}


def _all_keys(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every key any nested model accepts: the vocabulary for 'did you mean'."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, info in model.model_fields.items():
        keys.add(info.alias or name)
        for sub in _nested_models(info.annotation):
            keys |= _all_keys(sub, seen)
    return keys


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if isinstance(a, type) and issubclass(a, BaseModel):
            out.append(a)
        else:
            stack.extend(get_args(a))
    return out


def keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str] | None:
    """Keys the model accepts at `loc` (the parent of an unknown key), or None if the path
    cannot be followed; then the global vocabulary is used instead."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    current = _only_model(current)
    if current is None:
        return None
    return {info.alias or name for name, info in current.model_fields.items()}


def _only_model(annotation: Any) -> type[BaseModel] | None:
    models = _nested_models(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    direct = [m for m in models if m is not None]
    return direct[0] if len(set(direct)) == 1 else None


def _step(annotation: Any, part: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        return None
    # containers and unions: a list index, a dict key, or a discriminated-union tag
    args = get_args(annotation)
    if isinstance(part, int) or not args:
        for arg in args:
            if get_args(arg) or (isinstance(arg, type) and issubclass(arg, BaseModel)):
                return arg
        return None
    for arg in args:
        for meta in getattr(arg, "__metadata__", ()):
            if getattr(meta, "tag", None) == part:
                return get_args(arg)[0]
    for arg in args:
        found = _step(arg, part)
        if found is not None:
            return found
    return None


def resolve_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Map a pydantic loc (with union tags) onto the real path in the data."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if (isinstance(node, dict) and part in node and isinstance(nxt, str) and nxt in node
                and not (isinstance(node[part], dict) and nxt in node[part])):
            # a union tag that is also a key ({feit: x, is: ...} is tagged 'feit'): the error
            # is about the sibling key that follows, not about the tag's own value
            continue
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            # a union tag or a missing field; keep missing fields (for 'missing' errors)
            continue
    return tuple(path)


def from_validation_error(
    exc: ValidationError, doc: SourceDoc, model: type[BaseModel], base: Loc = ()
) -> list[Diagnostic]:
    """One diagnostic per pydantic error; the error type decides the code (see errors.CODES).

    Model validators raise `errors.custom_error(code, key, ...)`: their type is the code and
    their context names the catalogue message, so they are translatable like the rest.
    """
    vocabulary = _all_keys(model)
    out: list[Diagnostic] = []
    data_root = doc.data
    for node in base:
        data_root = data_root[node]
    for err in exc.errors(include_url=False):
        raw_loc = tuple(err["loc"])
        etype = err["type"]
        ctx: dict[str, Any] = dict(err.get("ctx") or {})
        got = err.get("input")
        real = resolve_loc(data_root, raw_loc)
        full = (*base, *real)
        if etype == "extra_forbidden":
            key = str(raw_loc[-1]) if raw_loc else "?"
            parent = data_root
            for p in real[:-1]:
                parent = parent[p]
            present = set(parent) if isinstance(parent, dict) else set()
            allowed = keys_at(model, raw_loc[:-1])
            hint = did_you_mean(key, (allowed if allowed else vocabulary) - present)
            out.append(doc.diagnostic(full, msg("schema.unknown_key", key=clip(key)[1:-1]),
                                      code="unknown-key", suggestion=hint))
            continue
        if etype == "missing":
            name = str(raw_loc[-1]) if raw_loc else "?"
            out.append(doc.diagnostic(full, msg("schema.missing", name=name), code="missing-key",
                                      expected=msg("exp.key", name=name)))
            continue
        if etype == "literal_error":
            expected = str(ctx.get("expected", ""))
            options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
            options = [o for o in options if o]
            hint = did_you_mean(str(got), options) if got is not None else None
            out.append(doc.diagnostic(full, msg("schema.bad_literal", value=clip(got)),
                                      code="unknown-value", expected=", ".join(options),
                                      suggestion=hint))
            continue
        if etype in _BOUNDS:
            key, template, ctx_key = _BOUNDS[etype]
            shown = f": {clip(got)}" if got is not None and not isinstance(got, dict | list) else ""
            out.append(doc.diagnostic(full, msg(key, got=shown), code="range",
                                      expected=msg(template, n=ctx.get(ctx_key))))
            continue
        if is_code(etype) and isinstance(ctx.get("msg"), str):
            # a model validator's custom error (errors.custom_error)
            params = {k: v for k, v in ctx.items() if k != "msg"}
            suggestion = params.get("suggestion")
            if etype == "unknown-key":  # point at the unknown key itself
                for n in range(len(full), len(base) - 1, -1):
                    if (*full[:n], params.get("key")) in doc.positions:
                        full = (*full[:n], params["key"])
                        break
            out.append(doc.diagnostic(
                full, Msg(ctx["msg"], params), code=etype,  # type: ignore[arg-type]
                suggestion=suggestion if isinstance(suggestion, str) else None))
            continue
        if etype in _MESSAGES:
            code, key = _MESSAGES[etype]
            text = msg(key, pattern=ctx.get("pattern")) if etype == "string_pattern_mismatch" \
                else msg(key)
            if got is not None and not isinstance(got, dict | list):
                text = msg("schema.got", what=text, value=clip(got))
            out.append(doc.diagnostic(full, text, code=code))
            continue
        # Anything else: pydantic's own (English) text under the catch-all code. Plain
        # ValueErrors from validators land here too; validators should use custom_error.
        message = err["msg"].removeprefix("Value error, ")
        code_: DiagnosticCode = "type" if etype.endswith(("_type", "_parsing")) else "invalid"
        out.append(doc.diagnostic(full, message, code=code_))
    return out
