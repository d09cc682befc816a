"""YAML text -> plain data (dicts, lists, strings, None) and a map of where each value stood.

The only module that imports ``yaml``. Three choices keep it exact, safe and fast:

* no implicit resolvers: every plain scalar is a string, so ``1.10`` stays ``1.10``, ``yes`` stays
  ``yes`` and ``4.5`` becomes ``Decimal("4.5")`` later, never a float; any remaining non-string tag
  was written explicitly (``!!float``, ``!!python/object``) and is refused;
* the node tree is composed (libyaml's C composer when available) and walked here, with no
  constructor pass, so positions come for free and no object is ever built from a tag;
* anchors, aliases, huge files and absurd nesting are refused before anything is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from ..messages import Phrase, os_error_phrase, phrase
from ..problems import JyscoreError, Position, Problem, Severity, make_problem

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _PlainLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    yaml_implicit_resolvers: dict = {}

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        # Called only for untagged nodes: with no implicit types, the kind alone decides.
        return _DEFAULT_TAGS[kind]


Path_ = tuple[Union[str, int], ...]
PLAIN_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Nesting beyond this is never a score sheet or a rubric; past a few ten thousand levels libyaml's
# recursive composer overflows the C stack, so suspicious texts are measured before composing.
MAX_DEPTH = 64
_DEEP_INDENT = re.compile(r"^[ \t\-?:]{200,}", re.MULTILINE)


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_values: int
    kind: str  # the hint naming what the file is ("kind-sheet"): messages say "a score sheet"


@dataclass
class Document:
    """Plain data from one file, with the position of every value and every mapping key.

    Positions are :class:`Position` values, or (from YAML) the parser's marks, which are turned
    into positions only when a problem asks: most values never need one.
    """

    file: str
    data: Any
    positions: dict[Path_, Position | yaml.Mark] = field(default_factory=dict)
    key_positions: dict[Path_, Position | yaml.Mark] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    # errors that do not stop the checks of the data (a duplicate key: the first value is kept)
    problems: list[Problem] = field(default_factory=list)

    def position(self, path: Path_) -> Position:
        """Where ``path`` stood, or the nearest enclosing value that did."""
        while path:
            if path in self.positions:
                return _position(self.positions[path])
            path = path[:-1]
        return _position(self.positions.get((), Position(1, 1)))

    def key_position(self, path: Path_) -> Position:
        where = self.key_positions.get(path)
        return _position(where) if where is not None else self.position(path)


def read_text(path: Path, limits: Limits) -> tuple[str, list[Problem]]:
    """The file's text, decoded from UTF-8 (with or without BOM), UTF-16 with BOM or GB18030."""
    file = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise JyscoreError(
                [make_problem("JY010", file, size=size, limit=limits.max_bytes, kind=phrase(limits.kind))]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise JyscoreError([make_problem("JY001", file, reason=os_error_phrase(exc))]) from None
    return decode(raw, file)


def decode(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            raise JyscoreError([make_problem("JY002", file, offset=exc.start + 3)]) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), [_legacy(file, "UTF-16")]
        except UnicodeDecodeError as exc:
            raise JyscoreError([make_problem("JY002", file, offset=exc.start)]) from None
    if b"\x00" in raw and _utf16_without_bom(raw):
        raise JyscoreError([make_problem("JY015", file)])
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030"), [_legacy(file, "GB18030 (GBK)")]
        except UnicodeDecodeError:
            raise JyscoreError([make_problem("JY002", file, offset=utf8_error.start)]) from None


def _utf16_without_bom(raw: bytes) -> bool:
    """Zero bytes (never in YAML text) on one side of every byte pair: UTF-16 with no BOM to
    say so. Refused rather than guessed: the byte order would be a guess."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    return max(even, odd) * 8 >= len(raw) and min(even, odd) * 10 <= max(even, odd)


def _legacy(file: str, encoding: str) -> Problem:
    return make_problem("JY003", file, Position(1, 1), severity=Severity.WARNING, encoding=encoding)


def parse(text: str, file: str, limits: Limits, *, keep_going: bool = False) -> Document:
    """Compose ``text`` and walk it into a :class:`Document`; raise every problem found.

    ``keep_going``: a duplicate key (JY009) keeps its first value and goes to ``problems``
    instead of stopping, so that the caller's checks report the file's other problems too."""
    _refuse_anchors_and_depth(text, file, limits)
    loader = _PlainLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise JyscoreError([_syntax_problem(exc, file, limits, text)]) from None
    finally:
        loader.dispose()
    if root is None:
        raise JyscoreError([make_problem("JY005", file, Position(1, 1))])
    walker = _Walker(file, limits)
    doc = Document(file, walker.value(root, ()), walker.positions, walker.key_positions)
    if walker.problems or (walker.duplicates and not keep_going):
        raise JyscoreError(sorted([*walker.problems, *walker.duplicates], key=Problem.sort_key))
    doc.problems.extend(walker.duplicates)
    return doc


def load(path: Path, limits: Limits, *, keep_going: bool = False) -> Document:
    text, warnings = read_text(path, limits)
    try:
        doc = parse(text, str(path), limits, keep_going=keep_going)
    except JyscoreError as exc:
        exc.problems[:0] = warnings
        raise
    doc.warnings.extend(warnings)
    return doc


def _syntax_problem(exc: yaml.YAMLError, file: str, limits: Limits, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        offset = exc.position
        if _BaseLoader is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, not characters
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        before = text[:offset]
        position = Position(before.count("\n") + 1, offset - before.rfind("\n"))
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "?")
        return make_problem("JY014", file, position, character=f"U+{char:04X}")
    if not isinstance(exc, yaml.MarkedYAMLError):
        return make_problem("JY004", file, Position(1, 1), reason=phrase("yaml-other"))
    mark = exc.problem_mark or exc.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    tab = _indenting_tab(text, mark.line, mark.column) if mark else None
    if tab is not None:
        return make_problem("JY016", file, tab)
    if "nesting depth" in (exc.problem or ""):  # newer libyaml enforces a limit of its own
        return make_problem("JY013", file, position, limit=MAX_DEPTH, kind=phrase(limits.kind))
    if exc.problem and "expected a single document" in (exc.context or ""):
        return make_problem("JY006", file, position)
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return make_problem("JY004", file, position, reason=phrase("yaml-tab"))
    return make_problem("JY004", file, position, reason=yaml_reason(exc.problem, exc.context))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line >= len(lines) or column >= len(lines[line]):
        return ""
    return lines[line][column]


# what the parser (libyaml or PyYAML, in English) said -> our phrase; the first match wins
_YAML_REASONS = (
    ("'\\t'", "yaml-tab"),
    ("mapping values are not allowed", "yaml-colon-in-value"),
    ("could not find expected ':'", "yaml-no-colon"),
    ("did not find expected key", "yaml-indentation"),
    ("expected <block end>", "yaml-indentation"),
    ("did not find expected '-'", "yaml-list-indentation"),
    ("block sequence entries are not allowed", "yaml-list-indentation"),
    ("unexpected end of stream", "yaml-unclosed-quote"),
    ("while scanning a quoted scalar", "yaml-unclosed-quote"),
    ("'}'", "yaml-flow-mapping"),
    ("flow mapping", "yaml-flow-mapping"),
    ("']'", "yaml-flow-sequence"),
    ("flow sequence", "yaml-flow-sequence"),
    ("escape", "yaml-escape"),
    ("cannot start any token", "yaml-bad-start"),
    ("tag", "yaml-bad-tag"),
)


def yaml_reason(problem: str | None, context: str | None) -> Phrase:
    """A syntax error as our own words (in the user's language), never the parser's English."""
    said = f"{problem or ''} {context or ''}"
    for fragment, name in _YAML_REASONS:
        if fragment in said:
            return phrase(name)
    return phrase("yaml-other")


def _indenting_tab(text: str, line: int, column: int) -> Position | None:
    """The tab a syntax error is about, when the error stands in a line's indentation and that
    indentation holds a tab: YAML indents with spaces only."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return None
    content = lines[line]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    if "\t" not in indent or column > len(indent) or not content.strip():
        return None
    return Position(line + 1, indent.index("\t") + 1)


def _refuse_anchors_and_depth(text: str, file: str, limits: Limits) -> None:
    """Look at the event stream only when the text could hold an anchor, alias or deep nesting."""
    suspicious_depth = text.count("[") + text.count("{") > 1000 or _DEEP_INDENT.search(text)
    if "&" not in text and "*" not in text and not suspicious_depth:
        return
    problems: list[Problem] = []
    lines_reported: set[int] = set()  # one anchor/alias problem a line is enough
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_PlainLoader):
            mark = event.start_mark
            where = Position(mark.line + 1, mark.column + 1)
            if mark.line in lines_reported:
                pass
            elif isinstance(event, yaml.AliasEvent):
                lines_reported.add(mark.line)
                problems.append(
                    make_problem("JY007", file, where, what=f"*{event.anchor}", kind=phrase(limits.kind))
                )
            elif getattr(event, "anchor", None):
                lines_reported.add(mark.line)
                problems.append(
                    make_problem("JY007", file, where, what=f"&{event.anchor}", kind=phrase(limits.kind))
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(make_problem("JY013", file, where, limit=MAX_DEPTH, kind=phrase(limits.kind)))
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if len(problems) >= 20:
                break
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc, file, limits, text))
    if problems:
        raise JyscoreError(problems)


class _Walker:
    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.positions: dict[Path_, Position] = {}
        self.key_positions: dict[Path_, Position] = {}
        self.problems: list[Problem] = []
        self.duplicates: list[Problem] = []
        self.count = 0

    def value(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > self.limits.max_values:
            if self.count == self.limits.max_values + 1:
                self.problems.append(
                    make_problem(
                        "JY011", self.file, _at(node), limit=self.limits.max_values,
                        kind=phrase(self.limits.kind),
                    )
                )
            return None
        self.positions[path] = node.start_mark
        if node.tag not in PLAIN_TAGS:
            self.problems.append(make_problem("JY008", self.file, _at(node), tag=_short_tag(node.tag)))
            return None
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.mapping(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
                self.problems.append(make_problem("JY012", self.file, _at(key_node)))
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                first = _position(self.key_positions[key_path])
                self.duplicates.append(
                    make_problem(
                        "JY009", self.file, _at(key_node), item_id=key if path else None,
                        key=key, first_line=first.line,
                    )
                )
                continue
            self.key_positions[key_path] = key_node.start_mark
            result[key] = self.value(value_node, key_path)
        return result


def _at(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _position(where: Position | yaml.Mark) -> Position:
    if isinstance(where, Position):
        return where
    return Position(where.line + 1, where.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
