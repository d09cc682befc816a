"""What is refused before a YAML text is composed, and a syntax error in our own words.

* anchors, aliases and absurd nesting (measured only when the text could hold them);
* characters no written file may hold, at the line and column an editor shows;
* a syntax error as our own phrase (in the user's language), never the parser's English, at the
  tab that caused it when a line is indented with one.

The loader is PyYAML's safe loader (libyaml's when available) with no implicit resolvers: every
plain scalar is a string.
"""

from __future__ import annotations

import re

import yaml

from jyscore.core.problems import JyscoreError, Position, Problem, make_problem
from jyscore.core.text import char_name, first_unwritable
from jyscore.i18n.messages import Phrase, phrase
from jyscore.readers.document import Limits

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


# libyaml's composer calls ``descend_resolver(parent, index)`` and ``ascend_resolver()`` for
# every node, for path resolvers, which a plain loader never has: a method of this always empty
# dict answers each call in C, without a Python frame (about a tenth of composing a sheet)
_NO_PATH_RESOLVERS: dict[object, object] = {}


class PlainLoader(_BaseLoader):  # type: ignore[misc]
    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    descend_resolver = staticmethod(_NO_PATH_RESOLVERS.get)
    ascend_resolver = staticmethod(_NO_PATH_RESOLVERS.clear)

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        # Called only for untagged nodes: with no implicit types, the kind alone decides.
        return _DEFAULT_TAGS[kind]


# Nesting beyond this is never a score sheet or a rubric; past a few ten thousand levels libyaml's
# recursive composer overflows the C stack, so suspicious texts are measured before composing.
MAX_DEPTH = 64


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what an editor counts as a new line
# a line's indentation, with the dashes of sequence entries in it ("  - \t"1.1"")
_INDENT_AND_DASHES = re.compile(r"[ \t]*(?:-[ \t]+)*")


_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


# a line indented by MAX_DEPTH or more spaces, tabs, dashes, ? and : . A line starts the text or
# follows "\n" (what ^ means with re.MULTILINE), and a pattern starting with "\n" lets the regex
# engine skip to each line break instead of trying ^ at every character: 4x faster on a sheet
_DEEP_FIRST_LINE = re.compile(rf"[ \t\-?:]{{{MAX_DEPTH},}}")
_DEEP_LATER_LINE = re.compile(rf"\n[ \t\-?:]{{{MAX_DEPTH},}}")


def syntax_problem(exc: yaml.YAMLError, file: str, limits: Limits, text: str) -> Problem:
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


def character_problems(text: str, file: str) -> list[Problem]:
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


def refuse_anchors_and_depth(text: str, file: str, limits: Limits) -> None:
    """Look at the event stream only when the text could hold an anchor, alias or deep nesting."""
    suspicious_depth = (_bracket_depth(text) > MAX_DEPTH or _DEEP_FIRST_LINE.match(text)
                        or _DEEP_LATER_LINE.search(text))
    if "&" not in text and "*" not in text and not suspicious_depth:
        return
    problems: list[Problem] = []
    lines_reported: set[int] = set()  # one anchor/alias problem a line is enough
    depth = 0
    try:
        for event in yaml.parse(text, Loader=PlainLoader):
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
        problems.append(syntax_problem(exc, file, limits, text))
    if problems:
        raise JyscoreError(problems)
