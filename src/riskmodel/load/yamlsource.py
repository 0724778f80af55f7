"""Safe YAML reading that remembers where every value came from.

pydantic reports errors by field path; analysts need a line number. We compose the YAML node
tree ourselves, build plain Python data from it and keep a map from field path to (line,
column). Only the safe YAML tags are accepted, and duplicate keys are errors rather than the
silent last-one-wins of plain PyYAML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from riskmodel.errors import Diagnostic
from riskmodel.source import Loc, SourceDoc, display_path, format_loc


class YamlSyntaxError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.format() for d in diagnostics))


def read_source(path: Path) -> SourceDoc:
    """Read a YAML or JSON file; JSON goes through the same YAML path (JSON is YAML 1.2)."""
    name = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlSyntaxError(
            [Diagnostic(name, None, None, "", "bestand niet gevonden")]
        ) from None
    except IsADirectoryError:
        raise YamlSyntaxError(
            [Diagnostic(name, None, None, "", "is een map, geen bestand")]
        ) from None
    except OSError as exc:
        raise YamlSyntaxError(
            [Diagnostic(name, None, None, "", f"kan bestand niet lezen: {exc.strerror}")]
        ) from None
    except ValueError as exc:  # e.g. an embedded NUL byte in the path
        raise YamlSyntaxError(
            [Diagnostic(name, None, None, "", f"ongeldig pad: {exc}")]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(
            [Diagnostic(name, None, None, "", f"geen geldige UTF-8 (byte {exc.start})")]
        ) from None
    doc = parse_text(text, name)
    doc.raw = raw
    return doc


def parse_text(text: str, name: str) -> SourceDoc:
    json_data: Any = None
    is_json = name.endswith(".json")
    if is_json:
        # JSON is parsed as JSON (so 1e-7 is a number, not YAML 1.1 text) and strictly
        # (NaN/Infinity refused); the YAML pass below only supplies line numbers.
        try:
            json_data = json.loads(text, parse_constant=_reject_constant)
        except (json.JSONDecodeError, ValueError) as exc:
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "colno", None)
            msg = getattr(exc, "msg", str(exc))
            raise YamlSyntaxError(
                [Diagnostic(name, line, col, "", f"ongeldige JSON: {msg}")]
            ) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return SourceDoc(name, None)
        positions: dict[Loc, tuple[int, int]] = {}
        dups: list[Diagnostic] = []
        data = _build(loader, node, (), positions, dups, name, set())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = exc.problem or "ongeldige YAML"
        if "could not determine a constructor" in problem:
            problem = (
                "onbekende of onveilige YAML-tag; riskmodel accepteert alleen gewone YAML "
                "(geen !!python of andere tags)"
            )
        raise YamlSyntaxError([Diagnostic(name, line, col, "", f"YAML-fout: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError([Diagnostic(name, None, None, "", f"YAML-fout: {exc}")]) from None
    finally:
        loader.dispose()
    if dups:
        raise YamlSyntaxError(dups)
    return SourceDoc(name, json_data if is_json else data, positions)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is geen geldig getal")


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    loc: Loc,
    positions: dict[Loc, tuple[int, int]],
    dups: list[Diagnostic],
    name: str,
    seen: set[int],
) -> Any:
    # An alias makes the composer hand us the same node twice. Aliases are refused: they
    # allow 'billion laughs' expansion and cycles, and rule files gain nothing from them.
    if id(node) in seen:
        raise yaml.constructor.ConstructorError(
            None, None, "YAML-ankers en -aliassen (&naam / *naam) worden niet ondersteund; "
            "schrijf de waarde uit", node.start_mark,
        )
    seen.add(id(node))
    positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise yaml.constructor.ConstructorError(
            None, None, f"could not determine a constructor for the tag {node.tag!r}",
            node.start_mark,
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "een sleutel moet tekst zijn", key_node.start_mark
                )
            if isinstance(key, bool) or not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            child = (*loc, key)
            if key in result:
                dups.append(
                    Diagnostic(
                        name,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_loc(child),
                        f"dubbele sleutel '{key}' (eerder op regel {positions[child][0]})",
                    )
                )
                continue
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(loader, value_node, child, positions, dups, name, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*loc, i), positions, dups, name, seen)
            for i, item in enumerate(node.value)
        ]
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. 2023-13-01 looks like a date but is none
        raise yaml.constructor.ConstructorError(
            None, None, f"ongeldige waarde '{node.value}': {exc}", node.start_mark
        ) from None
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise yaml.constructor.ConstructorError(
            None, None, "NaN en oneindig zijn geen geldige waarden", node.start_mark
        )
    return value
