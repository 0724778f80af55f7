"""JSON Schemas: rule files, the manifest and profiles (with the fact vocabulary) for editors;
the assessment for programs that read riskmodel's output."""

from __future__ import annotations

import json
from typing import Any

from riskmodel.model.assessment import SCHEMA_VERSION, Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Manifest, RuleFile
from riskmodel.model.ruleset import RuleSet

_TYPES: dict[str, dict[str, Any]] = {
    "bool": {"type": "boolean"},
    "int": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
}


def rules_schema() -> dict[str, Any]:
    schema = RuleFile.model_json_schema(by_alias=True)
    schema["title"] = "riskmodel rule file"
    return schema


def assessment_schema() -> dict[str, Any]:
    """The output contract, versioned by `schema_version` (see docs/contract.md)."""
    schema = Assessment.model_json_schema(mode="serialization")
    schema["title"] = f"riskmodel assessment, schema version {SCHEMA_VERSION}"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def manifest_schema() -> dict[str, Any]:
    schema = Manifest.model_json_schema(by_alias=True)
    schema["title"] = "riskmodel model manifest (model.yaml)"
    return schema


def profile_schema(rules: RuleSet | None = None) -> dict[str, Any]:
    """With a model, every fact becomes a typed property, so editors catch wrong values."""
    schema = Profile.model_json_schema(by_alias=True)
    schema["title"] = "riskmodel situation profile"
    if rules is None:
        return schema
    props: dict[str, Any] = {}
    for fact in sorted(rules.facts.values(), key=lambda f: f.id):
        if fact.type in ("enum", "enum_list"):
            values = rules.enum_values(fact)
            value_schema: dict[str, Any] = (
                {"enum": values} if fact.type == "enum"
                else {"type": "array", "items": {"enum": values}, "uniqueItems": True}
            )
        else:
            value_schema = dict(_TYPES[fact.type])
            if fact.minimum is not None:
                value_schema["minimum"] = fact.minimum
            if fact.maximum is not None:
                value_schema["maximum"] = fact.maximum
        value = {"anyOf": [value_schema, {"const": "onbekend"}]}
        props[fact.id] = {
            "description": fact.label.nl + (f" ({fact.question.nl})" if fact.question else ""),
            "anyOf": [
                value,
                {"type": "object", "additionalProperties": False,
                 "properties": {"waarde": value, "bron": {"type": "string"},
                                "bron_detail": {"type": "string"},
                                "datum": {"type": "string", "format": "date"}}},
            ],
        }
    schema["properties"]["feiten"] = {"type": "object", "additionalProperties": False,
                                      "properties": props}
    return schema


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
