"""Turn pydantic validation errors into located, Dutch, actionable diagnostics."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from riskmodel.errors import Diagnostic, did_you_mean
from riskmodel.source import Loc, SourceDoc

_MESSAGES: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn (JJJJ-MM-DD)",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping (sleutel: waarde) zijn",
    "model_type": "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": "moet een mapping (sleutel: waarde) zijn",
    "string_pattern_mismatch": "heeft niet de juiste vorm",
}


_BOUNDS: dict[str, tuple[str, str, str]] = {
    "greater_than_equal": ("waarde te klein", "minimaal {}", "ge"),
    "greater_than": ("waarde te klein", "groter dan {}", "gt"),
    "less_than_equal": ("waarde te groot", "maximaal {}", "le"),
    "less_than": ("waarde te groot", "kleiner dan {}", "lt"),
    "too_short": ("lijst te kort", "minstens {} element(en)", "min_length"),
    "too_long": ("lijst te lang", "hoogstens {} element(en)", "max_length"),
    "string_too_short": ("tekst te kort", "minstens {} teken(s)", "min_length"),
    "string_too_long": ("tekst te lang", "hoogstens {} tekens", "max_length"),
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
    for part in loc:
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
    vocabulary = _all_keys(model)
    out: list[Diagnostic] = []
    data_root = doc.data
    for node in base:
        data_root = data_root[node]
    for err in exc.errors(include_url=False):
        raw_loc = tuple(err["loc"])
        etype = err["type"]
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
            out.append(
                doc.diagnostic(full, f"onbekende sleutel '{key}'", suggestion=hint)
            )
            continue
        if etype == "missing":
            name = str(raw_loc[-1]) if raw_loc else "?"
            out.append(
                doc.diagnostic(
                    full, f"verplicht veld '{name}' ontbreekt", expected=f"sleutel '{name}'"
                )
            )
            continue
        if etype == "literal_error":
            expected = str(err.get("ctx", {}).get("expected", ""))
            options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
            got = err.get("input")
            hint = did_you_mean(str(got), [o for o in options if o]) if got is not None else None
            out.append(
                doc.diagnostic(
                    full, f"ongeldige waarde {got!r}", expected=expected, suggestion=hint
                )
            )
            continue
        msg = err["msg"]
        ctx = err.get("ctx", {})
        if etype in _BOUNDS:
            message, template, key = _BOUNDS[etype]
            got = err.get("input")
            if got is not None and not isinstance(got, dict | list):
                message += f": {got!r}"
            out.append(doc.diagnostic(full, message, expected=template.format(ctx.get(key))))
            continue
        if etype == "value_error":
            msg = msg.removeprefix("Value error, ")
        elif etype in _MESSAGES:
            msg = _MESSAGES[etype]
            if etype == "string_pattern_mismatch":
                msg += f" (patroon {err.get('ctx', {}).get('pattern')})"
            got = err.get("input")
            if got is not None and not isinstance(got, dict | list):
                msg += f", niet {got!r}"
        out.append(doc.diagnostic(full, msg))
    return out
