"""Safe YAML reading that remembers where every value came from.

pydantic reports errors by field path; analysts need a line number. We compose the YAML node
tree ourselves, build plain Python data from it and keep a map from field path to (line,
column). Only the safe YAML tags are accepted, and duplicate keys are errors rather than the
silent last-one-wins of plain PyYAML.

Plain scalars are read with YAML 1.2 core-schema semantics, not PyYAML's YAML 1.1 defaults:
booleans are only `true`/`false` (also `True`/`TRUE`/`False`/`FALSE`), null is `null`/`~`/empty,
integers are decimal (`010` is 10, not 8), and `yes`/`no`/`on`/`off`, `1:30` and `0x10` stay
text. Dates (`2024-03-01`) are still read as dates. Explicit tags on scalars (`!!binary`,
`!!int`, ...) are refused. PyYAML's C parser (libyaml) is used when available; it composes the
same nodes with the same line/column marks.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any, ClassVar

import yaml

from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, clip, make_diagnostic, msg
from riskmodel.load.limits import Limits, current_limits
from riskmodel.source import Loc, SourceDoc, display_path, format_loc


class YamlSyntaxError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.format() for d in diagnostics))


class _Refused(Exception):
    """A value or node riskmodel refuses while building the data (tag, alias, NaN, ...)."""

    def __init__(self, code: DiagnosticCode, text: Msg, mark: yaml.Mark | None,
                 expected: Msg | None = None) -> None:
        self.code, self.text, self.mark, self.expected = code, text, mark, expected
        super().__init__(text.key)


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CoreLoader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader (C parser when available) with YAML 1.2 core-schema implicit typing."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}


_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

CoreLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    _NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CoreLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+"
               r"|\.[0-9]+[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"))
CoreLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), list("-+."))
# dates stay dates (every model and profile uses them); the regex is PyYAML's own
CoreLoader.add_implicit_resolver(
    _TIMESTAMP,
    re.compile(r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                (?:[Tt]|[ \t]+)[0-9][0-9]?
                :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X),
    list("0123456789"))


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    return int(node.value)  # decimal only: the resolver let nothing else through


def _construct_float(loader: Any, node: yaml.ScalarNode) -> float:
    text = node.value.lower()
    if text.endswith(("inf", "nan")):
        return float(text.replace(".", ""))
    return float(text)


CoreLoader.add_constructor(_INT, _construct_int)
CoreLoader.add_constructor(_FLOAT, _construct_float)


def _explicit_tag(loader: Any, node: yaml.Node) -> bool:
    """Whether a scalar carries a tag written in the text (`!!binary`, `!!int`, `!foo`)."""
    if getattr(node, "style", None) in ("'", '"', "|", ">"):
        return bool(node.tag != _STR)
    return bool(node.tag != loader.resolve(yaml.ScalarNode, node.value, (True, False)))


def _file_problem(name: str, code: DiagnosticCode, text: Msg,
                  line: int | None = None, col: int | None = None,
                  expected: Msg | None = None) -> YamlSyntaxError:
    return YamlSyntaxError([make_diagnostic(name, line, col, "", text, code=code,
                                            expected=expected)])


def _kind(mode: int) -> Msg:
    if stat.S_ISFIFO(mode):
        return msg("file.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("file.kind.device")
    if stat.S_ISSOCK(mode):
        return msg("file.kind.socket")
    return msg("file.kind.other")


def _read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    """The bytes of a regular file, at most `limits.file_bytes` of them.

    Opened without blocking (a FIFO would wait for a writer forever) and checked with fstat
    on the open descriptor: directories, FIFOs, devices (/dev/zero) and sockets are refused
    before anything is read; files whose size the system does not know (/proc) are read in
    chunks up to the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _file_problem(name, "not-found", msg("file.not_found")) from None
    except IsADirectoryError:
        raise _file_problem(name, "not-a-file", msg("file.is_dir")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _file_problem(name, "unreadable", msg("file.symlink_loop")) from None
        raise _file_problem(name, "unreadable",
                            msg("file.unreadable", reason=exc.strerror)) from None
    except ValueError as exc:  # e.g. an embedded NUL byte in the path
        raise _file_problem(name, "unreadable", msg("file.bad_path", reason=str(exc))) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _file_problem(name, "not-a-file", msg("file.is_dir"))
        if not stat.S_ISREG(info.st_mode):
            raise _file_problem(name, "not-a-file", msg("file.not_regular",
                                                       kind=_kind(info.st_mode)))
        if info.st_size > limits.file_bytes:
            raise _too_large(name, "file_bytes", limits.file_bytes)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limits.file_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limits.file_bytes:
                raise _too_large(name, "file_bytes", limits.file_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise _file_problem(name, "unreadable",
                            msg("file.unreadable", reason=exc.strerror)) from None
    finally:
        os.close(fd)


def _too_large(name: str, what: str, limit: int, line: int | None = None,
               col: int | None = None, **params: Any) -> YamlSyntaxError:
    return YamlSyntaxError([make_diagnostic(
        name, line, col, "", msg(f"limits.{what}", max=limit, **params), code="too-large",
        expected=msg("exp.limit", max=limit, name=what))])


def read_source(path: Path) -> SourceDoc:
    """Read a YAML or JSON file; JSON goes through the same YAML path (JSON is YAML 1.2)."""
    name = display_path(path)
    raw = _read_bytes(Path(path), name, current_limits())
    if b"\x00" in raw:
        # UTF-8 allows NUL, but no text file holds one: this is a binary file (an image,
        # a spreadsheet, a compressed file) named by mistake.
        raise _file_problem(name, "encoding", msg("file.binary", offset=raw.index(b"\x00")))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _file_problem(name, "encoding", msg("file.not_utf8", offset=exc.start),
                            line, col) from None
    doc = parse_text(text, name)
    doc.raw = raw
    return doc


def _check_text(text: str, name: str) -> None:
    """Refuse NUL and control characters YAML cannot read, with their line and column."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return
    pos = found.start()
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    char = found.group()
    text_msg = (msg("file.binary", offset=pos) if char == "\x00"
                else msg("file.control_char", char=f"U+{ord(char):04X}"))
    raise _file_problem(name, "encoding", text_msg, line, col)


def parse_text(text: str, name: str) -> SourceDoc:
    limits = current_limits()
    if len(text) > limits.file_bytes:
        raise _too_large(name, "file_bytes", limits.file_bytes)
    _check_text(text, name)
    json_data: Any = None
    is_json = name.endswith(".json")
    if is_json:
        # JSON is parsed as JSON (so 1e-7 is a number, not YAML 1.1 text) and strictly
        # (NaN/Infinity refused); the YAML pass below only supplies line numbers.
        try:
            json_data = json.loads(text, parse_constant=_reject_constant)
        except _NotANumber as exc:
            raise _file_problem(name, "yaml-syntax",
                                msg("json.not_a_number", value=exc.value)) from None
        except RecursionError:
            raise _too_large(name, "depth", limits.depth) from None
        except (json.JSONDecodeError, ValueError) as exc:
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "colno", None)
            detail = getattr(exc, "msg", str(exc))
            raise _file_problem(name, "yaml-syntax", msg("json.invalid", detail=detail),
                                line, col) from None
    loader: Any = None
    try:
        loader = CoreLoader(text)
        node = loader.get_single_node()
        if node is None:
            return SourceDoc(name, None)
        positions: dict[Loc, tuple[int, int]] = {}
        dups: list[Diagnostic] = []
        data = _build(loader, node, (), positions, dups, name, set(), limits)
    except _Refused as exc:
        line = exc.mark.line + 1 if exc.mark else None
        col = exc.mark.column + 1 if exc.mark else None
        raise _file_problem(name, exc.code, exc.text, line, col, exc.expected) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = exc.problem or "ongeldige YAML"
        if "could not determine a constructor" in problem:
            raise _file_problem(name, "unsafe-yaml", msg("yaml.tag"), line, col) from None
        raise _file_problem(name, "yaml-syntax", msg("yaml.syntax", detail=problem),
                            line, col) from None
    except yaml.reader.ReaderError as exc:  # _check_text should have caught it first
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _file_problem(name, "encoding",
                            msg("file.control_char", char=f"U+{ord(char):04X}")) from None
    except yaml.YAMLError as exc:
        raise _file_problem(name, "yaml-syntax", msg("yaml.syntax", detail=str(exc))) from None
    finally:
        if loader is not None:
            loader.dispose()
    if dups:
        raise YamlSyntaxError(dups)
    return SourceDoc(name, json_data if is_json else data, positions)


#: dates from this year on are refused: 9999-12-31 is date.max, and the day after it (where a
#: validity ends) does not exist. Leave `geldig_tot` out for 'no end'.
MAX_YEAR = 9999

_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _NotANumber(ValueError):
    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(value)


def _reject_constant(value: str) -> Any:
    raise _NotANumber(value)


def _build(
    loader: Any,
    node: yaml.Node,
    loc: Loc,
    positions: dict[Loc, tuple[int, int]],
    dups: list[Diagnostic],
    name: str,
    seen: set[int],
    limits: Limits,
) -> Any:
    # An alias makes the composer hand us the same node twice. Aliases are refused: they
    # allow 'billion laughs' expansion and cycles, and rule files gain nothing from them.
    if id(node) in seen:
        raise _Refused("unsafe-yaml", msg("yaml.alias"), node.start_mark)
    seen.add(id(node))
    if len(loc) > limits.depth:
        raise _Refused("too-large", msg("limits.depth", max=limits.depth), node.start_mark,
                       msg("exp.limit", max=limits.depth, name="depth"))
    if isinstance(node, yaml.MappingNode) and len(node.value) > limits.mapping_keys:
        raise _Refused("too-large", msg("limits.mapping_keys", max=limits.mapping_keys),
                       node.start_mark,
                       msg("exp.limit", max=limits.mapping_keys, name="mapping_keys"))
    if isinstance(node, yaml.SequenceNode) and len(node.value) > limits.list_items:
        raise _Refused("too-large", msg("limits.list_items", max=limits.list_items),
                       node.start_mark, msg("exp.limit", max=limits.list_items, name="list_items"))
    if isinstance(node, yaml.ScalarNode) and len(node.value) > limits.string_chars:
        raise _Refused("too-large", msg("limits.string_chars", max=limits.string_chars,
                                        value=clip(node.value)),
                       node.start_mark,
                       msg("exp.limit", max=limits.string_chars, name="string_chars"))
    positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise _Refused("unsafe-yaml", msg("yaml.tag"), node.start_mark)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and len(key_node.value) > limits.string_chars:
                raise _Refused("too-large", msg("limits.string_chars", max=limits.string_chars,
                                                value=clip(key_node.value)), key_node.start_mark,
                               msg("exp.limit", max=limits.string_chars, name="string_chars"))
            if not isinstance(key_node, yaml.ScalarNode):
                # a complex key (`? {...}`) is never a field name; constructing it would also
                # run the scalar constructors on its content (a bad date raised ValueError)
                raise _Refused("type", msg("yaml.key_not_text"), key_node.start_mark)
            try:
                key = loader.construct_object(key_node, deep=True)
            except (ValueError, OverflowError):
                key = key_node.value  # e.g. `2023-00-02:` looks like a date but is none: text
            if not isinstance(key, str | int | bool) or key is None:
                raise _Refused("type", msg("yaml.key_not_text"), key_node.start_mark)
            if isinstance(key, bool) or not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            child = (*loc, key)
            if key in result:
                dups.append(make_diagnostic(
                    name, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    format_loc(child), msg("yaml.duplicate_key", key=key, line=positions[child][0]),
                    code="duplicate-key", loc=child,
                ))
                continue
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(loader, value_node, child, positions, dups, name, seen, limits)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*loc, i), positions, dups, name, seen, limits)
            for i, item in enumerate(node.value)
        ]
    if _explicit_tag(loader, node):
        raise _Refused("unsafe-yaml", msg("yaml.tag"), node.start_mark)
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. 2023-13-01 looks like a date but is none
        raise _Refused("type", msg("yaml.bad_scalar", value=clip(node.value)[1:-1],
                                         detail=clip(str(exc))[1:-1]),
                       node.start_mark) from None
    if isinstance(value, dt.date) and value.year >= MAX_YEAR:
        # date.max and its neighbours overflow the day after (validity ends, boundary dates)
        raise _Refused("range", msg("yaml.date_too_far", value=value.isoformat(),
                                    max=f"{MAX_YEAR - 1}-12-31"), node.start_mark)
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise _Refused("type", msg("yaml.nan"), node.start_mark)
    return value
