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
from typing import Any, cast

import yaml

from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import (
    MAX_TEXT_CHARS,
    blank_unwritable,
    cell_length,
    char_name,
    display_path,
    first_unwritable,
)
from jyscore.i18n.messages import Phrase, os_error_phrase, phrase
from jyscore.readers.inputfile import NotRegularFile, TooLarge, read_limited

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _PlainLoader(_BaseLoader):  # type: ignore[misc]
    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        # Called only for untagged nodes: with no implicit types, the kind alone decides.
        return _DEFAULT_TAGS[kind]


Path_ = tuple[str | int, ...]
PLAIN_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Nesting beyond this is never a score sheet or a rubric; past a few ten thousand levels libyaml's
# recursive composer overflows the C stack, so suspicious texts are measured before composing.
MAX_DEPTH = 64
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what an editor counts as a new line
# a line's indentation, with the dashes of sequence entries in it ("  - \t"1.1"")
_INDENT_AND_DASHES = re.compile(r"[ \t]*(?:-[ \t]+)*")
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_DEEP_INDENT = re.compile(rf"^[ \t\-?:]{{{MAX_DEPTH},}}", re.MULTILINE)


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
    """The file's text, decoded from UTF-8 (with or without BOM), UTF-16 with BOM or GB18030.

    Read through :func:`jyscore.readers.inputfile.read_limited`: only a regular file, at most
    ``limits.max_bytes`` bytes whatever its size claims.
    """
    file = display_path(path)
    try:
        raw = read_limited(path, limits.max_bytes)
    except TooLarge as exc:
        raise JyscoreError(
            [make_problem("JY010", file, size=exc.size, limit=limits.max_bytes,
                          kind=phrase(limits.kind))]
        ) from None
    except NotRegularFile as exc:
        raise JyscoreError([not_regular_problem(file, exc.what)]) from None
    except OSError as exc:
        raise JyscoreError([make_problem("JY001", file, reason=os_error_phrase(exc))]) from None
    return decode(raw, file)


def not_regular_problem(file: str, what: str) -> Problem:
    return make_problem("JY030", file, what=phrase(what), advice=phrase(f"{what}-advice"))


def decode(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            raise JyscoreError([_stray_bytes(raw, exc.start + 3, file)]) from None
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
        if _mostly_utf8(raw):
            raise JyscoreError([_stray_bytes(raw, utf8_error.start, file)]) from None
        try:
            return raw.decode("gb18030"), [_legacy(file, "GB18030 (GBK)")]
        except UnicodeDecodeError:
            raise JyscoreError([make_problem("JY002", file, offset=utf8_error.start)]) from None


def _mostly_utf8(raw: bytes) -> bool:
    """Whether a file that is not valid UTF-8 is UTF-8 all the same, with a few stray bytes (a
    GBK word pasted into a UTF-8 sheet): more of its non-ASCII bytes form valid UTF-8 characters
    than not. A GBK file's byte pairs almost never do."""
    text = raw.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(len(c.encode("utf-8")) for c in text
                if c >= "\x80" and not "\udc80" <= c <= "\udcff")
    return valid > stray


def _stray_bytes(raw: bytes, offset: int, file: str) -> Problem:
    """JY019 at the line and column (in characters) of the first byte that is not UTF-8."""
    end = offset + 1
    while end < min(len(raw), offset + 8) and raw[end] >= 0x80 and not _starts_utf8(raw, end):
        end += 1
    stray = " ".join(f"{b:02X}" for b in raw[offset:end])
    return make_problem("JY019", file, _byte_position(raw, offset), offset=offset, stray=stray)


def _byte_position(raw: bytes, offset: int) -> Position:
    """The line and column (in characters, as an editor counts them) of the byte at ``offset``."""
    before = raw[:offset].decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    return Position(line, len(before) - (before.rfind("\n") + 1) + 1)


def _starts_utf8(raw: bytes, index: int) -> bool:
    for length in (2, 3, 4):
        try:
            raw[index:index + length].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


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
    characters = _character_problems(text, file)
    if not characters:
        return _parse(text, file, limits, keep_going)
    # reported, then read past (as spaces): the file's other problems are reported too
    try:
        doc = _parse(blank_unwritable(text), file, limits, keep_going)
    except JyscoreError as exc:
        raise JyscoreError(sorted([*characters, *exc.problems], key=Problem.sort_key)) from None
    if not keep_going:
        raise JyscoreError(sorted([*characters, *doc.problems], key=Problem.sort_key))
    doc.problems.extend(characters)
    return doc


def _parse(text: str, file: str, limits: Limits, keep_going: bool) -> Document:
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
    # text no written file may hold can only come from escapes ("\x01", "\e") once the text
    # itself has passed _character_problems; only then is every value looked at
    walker = _Walker(file, limits, check_texts="\\" in text or cell_length(text) > MAX_TEXT_CHARS)
    doc = Document(file, walker.value(root, ()), walker.positions, walker.key_positions)
    if walker.problems or (walker.duplicates and not keep_going):
        raise JyscoreError(sorted([*walker.problems, *walker.duplicates], key=Problem.sort_key))
    doc.problems.extend(walker.duplicates)
    return doc


def load(path: Path, limits: Limits, *, keep_going: bool = False) -> Document:
    text, warnings = read_text(path, limits)
    try:
        doc = parse(text, display_path(path), limits, keep_going=keep_going)
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
        return make_problem("JY013", file, _too_deep_at(text) or position, limit=MAX_DEPTH,
                            kind=phrase(limits.kind))
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


def _too_deep_at(text: str) -> Position | None:
    """Where the first value more than MAX_DEPTH levels deep opens. libyaml reports its own
    limit where it stopped looking ahead (the end of the brackets); PyYAML's pure-Python parser
    gives the events one by one, and is stopped at that value."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.BaseLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    assert mark is not None  # the parser marks every event
                    return Position(mark.line + 1, mark.column + 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _bracket_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest, counting those in quotes and comments too (an overcount
    only costs a closer look)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    for char in _NOT_BRACKETS.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def _character_problems(text: str, file: str) -> list[Problem]:
    """JY014 for every line holding a character no written file may hold, at the line and column
    an editor shows: YAML itself would count U+0085, U+2028 and U+2029 as line breaks."""
    problems: list[Problem] = []
    if first_unwritable(text) is None:
        return problems
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        index = first_unwritable(line)
        if index is not None:
            problems.append(make_problem("JY014", file, Position(number, index + 1),
                                         character=char_name(line[index])))
            if len(problems) >= 20:
                break
    return problems


def _indenting_tab(text: str, line: int, column: int) -> Position | None:
    """The tab a syntax error is about, when the error stands in a line's indentation (sequence
    dashes included) and that indentation holds a tab: YAML indents with spaces only."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return None
    content = lines[line]
    indent = _INDENT_AND_DASHES.match(content).group()  # type: ignore[union-attr]
    if "\t" not in indent or column > len(indent) or not content.strip():
        return None
    return Position(line + 1, indent.index("\t") + 1)


def _refuse_anchors_and_depth(text: str, file: str, limits: Limits) -> None:
    """Look at the event stream only when the text could hold an anchor, alias or deep nesting."""
    suspicious_depth = _bracket_depth(text) > MAX_DEPTH or _DEEP_INDENT.search(text)
    if "&" not in text and "*" not in text and not suspicious_depth:
        return
    problems: list[Problem] = []
    lines_reported: set[int] = set()  # one anchor/alias problem a line is enough
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_PlainLoader):
            mark = event.start_mark
            assert mark is not None  # the parser marks every event
            where = Position(mark.line + 1, mark.column + 1)
            if mark.line in lines_reported:
                pass
            elif isinstance(event, yaml.AliasEvent):
                lines_reported.add(mark.line)
                problems.append(
                    make_problem("JY007", file, where, what=f"*{event.anchor}",
                                 kind=phrase(limits.kind))
                )
            elif anchor := getattr(event, "anchor", None):
                lines_reported.add(mark.line)
                problems.append(
                    make_problem("JY007", file, where, what=f"&{anchor}",
                                 kind=phrase(limits.kind))
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(make_problem("JY013", file, where, limit=MAX_DEPTH,
                                                 kind=phrase(limits.kind)))
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
    def __init__(self, file: str, limits: Limits, check_texts: bool = True) -> None:
        self.file = file
        self.limits = limits
        self.check_texts = check_texts
        self.positions: dict[Path_, Position | yaml.Mark] = {}
        self.key_positions: dict[Path_, Position | yaml.Mark] = {}
        self.problems: list[Problem] = []
        self.duplicates: list[Problem] = []
        self.count = 0
        self.too_deep = False

    def value(self, node: yaml.Node, path: Path_) -> Any:
        if len(path) > MAX_DEPTH:  # never recursion past the limit, however the text got here
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(make_problem("JY013", self.file, _at(node), limit=MAX_DEPTH,
                                                  kind=phrase(self.limits.kind)))
            return None
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
            self.problems.append(
                make_problem("JY008", self.file, _at(node), tag=_short_tag(node.tag)))
            return None
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:
                return None
            if self.check_texts:
                self.check_text(node)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        # the composer makes only these three kinds of node
        return self.mapping(cast(yaml.MappingNode, node), path)

    def check_text(self, node: yaml.ScalarNode) -> None:
        """The rule for text that may reach a written file (:mod:`jyscore.core.text`), applied to
        the
        value as escapes such as ``"\\x01"`` or ``"\\e"`` made it."""
        if first_unwritable(node.value) is not None or cell_length(node.value) > MAX_TEXT_CHARS:
            problem = text_problem(node.value, self.file, _at(node))
            assert problem is not None
            self.problems.append(problem)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
                self.problems.append(make_problem("JY012", self.file, _at(key_node)))
                continue
            key = key_node.value
            if self.check_texts:
                self.check_text(key_node)
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


def text_problem(text: str, file: str, at: Position) -> Problem | None:
    """JY017 for a character no written file may hold, JY018 for a text longer than a cell."""
    index = first_unwritable(text)
    if index is not None:
        return make_problem("JY017", file, at, character=char_name(text[index]),
                            index=index + 1)
    if cell_length(text) > MAX_TEXT_CHARS:
        return make_problem("JY018", file, at, length=cell_length(text), limit=MAX_TEXT_CHARS)
    return None


def _at(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _position(where: Position | yaml.Mark) -> Position:
    if isinstance(where, Position):
        return where
    return Position(where.line + 1, where.column + 1)


def _short_tag(tag: str) -> str:
    core = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(core) if tag.startswith(core) else tag
