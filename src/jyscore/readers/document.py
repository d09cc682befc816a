"""What a reader makes of one input file: its plain data (dicts, lists, strings, None), with where
each value and each mapping key stood, and the problems found while reading it.

A YAML sheet (:mod:`.yamlsource`) and a workbook (:mod:`.xlsx_form`) both become a
:class:`Document`, so that every check of a sheet applies to both and each problem names its line
or its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jyscore.core.problems import Position, Problem, make_problem
from jyscore.core.text import MAX_TEXT_CHARS, cell_length, char_name, first_unwritable

if TYPE_CHECKING:
    import yaml

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Limits:
    """How much of a file a reader accepts: bytes, values, and what kind of file it names."""
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
                return position_of(self.positions[path])
            path = path[:-1]
        return position_of(self.positions.get((), Position(1, 1)))

    def key_position(self, path: Path_) -> Position:
        where = self.key_positions.get(path)
        return position_of(where) if where is not None else self.position(path)


def text_problem(text: str, file: str, at: Position) -> Problem | None:
    """JY017 for a character no written file may hold, JY018 for a text longer than a cell."""
    index = first_unwritable(text)
    if index is not None:
        return make_problem("JY017", file, at, character=char_name(text[index]),
                            index=index + 1)
    if cell_length(text) > MAX_TEXT_CHARS:
        return make_problem("JY018", file, at, length=cell_length(text), limit=MAX_TEXT_CHARS)
    return None


def position_of(where: Position | yaml.Mark) -> Position:
    """A position, from a parser's mark (0-based) where the value came from YAML."""
    if isinstance(where, Position):
        return where
    return Position(where.line + 1, where.column + 1)
