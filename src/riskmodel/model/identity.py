"""A value per live object, by identity: what this process knows of an object it made or
checked, forgotten when the object goes.

By `id()` and not by hash or equality on purpose: two equal objects are not the same one (a
copy, a profile changed after validation, a document read back), and frozen pydantic models
hash their whole content. A weak reference makes sure a recycled id never finds a stale
entry. Used for profiles validated against a rule set (api) and for assessments whose fields
are in sorted order (model.assessment).
"""

from __future__ import annotations

import weakref
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class IdentityMap(dict[int, tuple["weakref.ref[Any]", V]], Generic[V]):
    """id(obj) -> (weak reference to obj, value)."""

    def put(self, obj: object, value: V) -> None:
        key = id(obj)

        def forget(ref: weakref.ref[Any]) -> None:
            entry = self.get(key)
            if entry is not None and entry[0] is ref:
                self.pop(key, None)

        self[key] = (weakref.ref(obj, forget), value)

    def value_of(self, obj: object) -> V | None:
        """The value put for this very object while it lives, else None."""
        entry = self.get(id(obj))
        return entry[1] if entry is not None and entry[0]() is obj else None
