"""Output objects built without validation, their fields in sorted order.

Every value an assessment holds comes from validated rules, a validated profile and the
evaluator, so validating again would only cost time (it was most of the assembly's time).
The fields are given in sorted order on purpose: pydantic-core serialises an object's fields
in the order of its `__dict__`, so an object graph built this way serialises straight to the
canonical JSON (sorted keys) without a detour through Python dicts and orjson
(`Assessment.to_json`, which uses that path only for assessments the assembler built and
marked; tests/test_canonical_json.py holds the two paths byte-equal on every scenario).
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
_set_dict = object.__setattr__
# pydantic's own slots on BaseModel (stable through pydantic 2.x; tests/test_assemble_fast.py
# checks the objects against model_validate)
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_FIELDS_SET: dict[type[BaseModel], set[str]] = {}


def out(cls: type[M], values: dict[str, Any]) -> M:
    """An output object from values that are already valid, with every field given, in
    sorted order of field name (see the module docstring).

    What `model_construct` does, without its per-field loop over aliases and defaults.
    """
    obj = _new(cls)
    _set_dict(obj, "__dict__", values)
    # every field is given, so the set is the same for every object of a class: shared, one
    # allocation less per object (the models are frozen; pydantic copies the set on copy)
    fields = _FIELDS_SET.get(cls)
    if fields is None:
        fields = _FIELDS_SET[cls] = set(cls.model_fields)
    _set_fields(obj, fields)
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


_NULLABLE: dict[type[BaseModel], bool] = {}


def _may_be_none(annotation: Any) -> bool:
    if annotation is Any or annotation is None or annotation is type(None):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return any(_may_be_none(a) for a in typing.get_args(annotation))
    return False


def json_node(cls: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """The JSON object of an output object: its values without the ones that are None, as
    `model_dump(exclude_none=True)` leaves them out (`Assembler.build_json`)."""
    nullable = _NULLABLE.get(cls)
    if nullable is None:
        nullable = _NULLABLE[cls] = any(_may_be_none(f.annotation)
                                        for f in cls.model_fields.values())
    return {k: v for k, v in values.items() if v is not None} if nullable else values


def json_of(obj: BaseModel) -> dict[str, Any]:
    """`json_node` of an object whose fields are all scalars (a level, a legal basis, a
    citation): the JSON form of the objects the plan shares between assessments."""
    return json_node(type(obj), dict(obj.__dict__))


def sorted_fields(obj: object) -> bool:
    """Whether every pydantic object reachable from `obj` has its fields in sorted order
    (and every dict its keys): what the fast serialisation relies on. For tests."""
    if isinstance(obj, BaseModel):
        keys = list(obj.__dict__)
        return keys == sorted(keys) and all(sorted_fields(v) for v in obj.__dict__.values())
    if isinstance(obj, dict):
        keys = list(obj)
        return keys == sorted(keys) and all(sorted_fields(v) for v in obj.values())
    if isinstance(obj, list | tuple):
        return all(sorted_fields(v) for v in obj)
    return True
