"""YAML text -> plain data (dicts, lists, strings, None) and a map of where each value stood.

With :mod:`.yaml_syntax` (what is refused before composing, and a syntax error in our words), the
only module that imports ``yaml``. Three choices keep it exact, safe and fast:

* no implicit resolvers: every plain scalar is a string, so ``1.10`` stays ``1.10``, ``yes`` stays
  ``yes`` and ``4.5`` becomes ``Decimal("4.5")`` later, never a float; any remaining non-string tag
  was written explicitly (``!!float``, ``!!python/object``) and is refused;
* the node tree is composed (libyaml's C composer when available) and walked here, with no
  constructor pass, so positions come for free and no object is ever built from a tag;
* anchors, aliases, huge files and absurd nesting are refused before anything is built.

The file's text comes from :mod:`.decoding`; the :class:`Document` it becomes is defined in
:mod:`.document`, which the workbook reader fills too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import yaml

from jyscore.core.problems import JyscoreError, Position, Problem, make_problem
from jyscore.core.text import (
    MAX_TEXT_CHARS,
    blank_unwritable,
    cell_length,
    display_path,
    first_unwritable,
)
from jyscore.i18n.messages import phrase
from jyscore.readers.decoding import decode, not_regular_problem, read_text
from jyscore.readers.document import Document, Limits, Path_, position_of, text_problem
from jyscore.readers.yaml_syntax import (
    MAX_DEPTH,
    PlainLoader,
    character_problems,
    refuse_anchors_and_depth,
    syntax_problem,
    yaml_reason,
)

# the names readers and tests import from here, wherever they are defined
__all__ = [
    "MAX_DEPTH", "PLAIN_TAGS", "Document", "Limits", "Path_", "decode", "load",
    "not_regular_problem", "parse", "read_text", "text_problem", "yaml_reason",
]

PLAIN_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# compared by identity in the walk's loop (the composer makes no subclass of it)
_Scalar = yaml.ScalarNode


def parse(text: str, file: str, limits: Limits, *, keep_going: bool = False) -> Document:
    """Compose ``text`` and walk it into a :class:`Document`; raise every problem found.

    ``keep_going``: a duplicate key (JY009) keeps its first value and goes to ``problems``
    instead of stopping, so that the caller's checks report the file's other problems too."""
    characters = character_problems(text, file)
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
    refuse_anchors_and_depth(text, file, limits)
    loader = PlainLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise JyscoreError([syntax_problem(exc, file, limits, text)]) from None
    finally:
        loader.dispose()
    if root is None:
        raise JyscoreError([make_problem("JY005", file, Position(1, 1))])
    # text no written file may hold can only come from escapes ("\x01", "\e") once the text
    # itself has passed _character_problems; only then is every value looked at
    # (a text's cell length is at most twice its length: most never need measuring)
    long_text = 2 * len(text) > MAX_TEXT_CHARS and cell_length(text) > MAX_TEXT_CHARS
    walker = _Walker(file, limits, check_texts="\\" in text or long_text)
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
        the value as escapes such as ``"\\x01"`` or ``"\\e"`` made it."""
        if first_unwritable(node.value) is not None or cell_length(node.value) > MAX_TEXT_CHARS:
            problem = text_problem(node.value, self.file, _at(node))
            assert problem is not None
            self.problems.append(problem)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        positions, key_positions = self.positions, self.key_positions
        plain_texts, max_values = not self.check_texts, self.limits.max_values
        for key_node, value_node in node.value:
            if type(key_node) is not _Scalar or key_node.tag not in PLAIN_TAGS:
                self.problems.append(make_problem("JY012", self.file, _at(key_node)))
                continue
            key = key_node.value
            if self.check_texts:
                self.check_text(key_node)
            key_path = (*path, key)
            if key in result:
                first = position_of(self.key_positions[key_path])
                self.duplicates.append(
                    make_problem(
                        "JY009", self.file, _at(key_node), item_id=key if path else None,
                        key=key, first_line=first.line,
                    )
                )
                continue
            key_positions[key_path] = key_node.start_mark
            if (type(value_node) is _Scalar and value_node.tag in PLAIN_TAGS and plain_texts
                    and self.count < max_values and len(key_path) <= MAX_DEPTH):
                # what value() makes of a string within every limit, without a call: most
                # values of a sheet are such strings
                self.count += 1
                positions[key_path] = value_node.start_mark
                text = value_node.value
                result[key] = None if not value_node.style and text in _NULLS else text
            else:
                result[key] = self.value(value_node, key_path)
        return result


def _at(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    core = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(core) if tag.startswith(core) else tag
