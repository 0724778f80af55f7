"""Where a case lives between two requests: in the case store, or in the page address.

With a store (`ctx.store`), a case is `/zaak/<case_id>` and each save is a new version with
its assessment recorded. Without one (the store is optional), the profile itself travels in
the address as a compressed, base64url token (`/concept/<token>`), so POST/redirect/GET and
every link (why, downloads) work without JavaScript and without server memory. The token is
not secret and not signed: it is only ever read as a profile, which the library validates
(and refuses personal data in) like any upload.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import orjson

#: longest token accepted (well under the 16 KiB request-line limit of common servers)
MAX_TOKEN = 12_000
#: largest profile a token may unpack to
MAX_PROFILE_BYTES = 512_000

Space = Literal["zaak", "concept"]


class SavedProfile(Protocol):
    case_id: str
    version: int
    profile_sha256: str


class Case(Protocol):
    profile: dict[str, Any]
    versions: Any


class CaseStore(Protocol):
    """The part of the case store the page uses (implemented in riskmodel.serve)."""

    def save_profile(self, profile: dict[str, Any], case_id: str | None = None) -> Any: ...

    def record_assessment(self, case_id: str, version: int, assessment: Any) -> int: ...

    def get_case(self, case_id: str) -> Any: ...

    def list_cases(self, limit: int, offset: int) -> Any: ...


class BadConcept(ValueError):
    """The address holds no readable profile."""


def encode_concept(profile: dict[str, Any]) -> str:
    blob = orjson.dumps(profile, option=orjson.OPT_SORT_KEYS)
    return base64.urlsafe_b64encode(zlib.compress(blob, 9)).decode().rstrip("=")


def decode_concept(token: str) -> dict[str, Any]:
    if len(token) > MAX_TOKEN:
        raise BadConcept("too long")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        blob = inflater.decompress(raw, MAX_PROFILE_BYTES)
        if inflater.unconsumed_tail:
            raise BadConcept("too large")
        data = orjson.loads(blob)
    except (binascii.Error, zlib.error, orjson.JSONDecodeError, ValueError) as exc:
        raise BadConcept(str(exc)) from None
    if not isinstance(data, dict):
        raise BadConcept("not a mapping")
    return data


@dataclass(frozen=True)
class CaseRef:
    space: Space
    key: str

    @property
    def url(self) -> str:
        return f"/{self.space}/{self.key}"


def concept_ref(profile: dict[str, Any]) -> CaseRef:
    return CaseRef("concept", encode_concept(profile))


def case_profile(case: Any) -> dict[str, Any] | None:
    """The latest profile of a stored case: `case.profile`, or the last of `case.versions`
    (each a dict or an object with `.profile`), whichever the store offers."""
    def get(key: str) -> Any:
        return case.get(key) if isinstance(case, dict) else getattr(case, key, None)

    profile = get("profile")
    if isinstance(profile, dict):
        return profile
    versions = get("versions")
    if isinstance(versions, list) and versions:
        last = versions[-1]
        profile = last.get("profile") if isinstance(last, dict) else getattr(last, "profile", None)
        if isinstance(profile, dict):
            return profile
    return None


def save_with_assessment(store: Any, profile: dict[str, Any], assessment: Any,
                         case_id: str | None) -> tuple[str, int]:
    """A new version and its assessment: in one transaction when the store can
    (`save_assessed`, so a crash never keeps a version without its assessment), else
    `save_profile` then `record_assessment`."""
    both = getattr(store, "save_assessed", None)
    if callable(both):
        saved, _ = both(profile, assessment, case_id)
    else:
        saved = store.save_profile(profile, case_id)
        store.record_assessment(saved.case_id, saved.version, assessment)
    return str(saved.case_id), int(saved.version)


def summary(item: Any) -> dict[str, Any]:
    """One entry of `list_cases` (a summary with soort/gemeente, or a case with a profile)."""
    def get(key: str) -> Any:
        return item.get(key) if isinstance(item, dict) else getattr(item, key, None)

    profile = case_profile(item) or {}
    return {"case_id": get("case_id"),
            "soort": get("soort") or profile.get("soort"),
            "gemeente": get("gemeente") or profile.get("gemeente"),
            "peildatum": profile.get("peildatum"),
            "version": get("latest_version")}


def versions_count(case: Any) -> int | None:
    versions = getattr(case, "versions", None)
    if isinstance(versions, int):
        return versions
    try:
        return len(versions) if versions is not None else None
    except TypeError:
        return None
