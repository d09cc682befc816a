"""One problem type for every kind of error, from a YAML syntax error to a cross-file check.

A :class:`Problem` is data: where (file, line, column or an Excel cell), what (a stable code and
its message), about which item (id and name) and how bad (error or warning). The library returns
or raises problems; only the CLI decides how to print them and which exit code they mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from jyscore.core.text import printable
from jyscore.i18n.messages import render_message, slug


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


class Position(NamedTuple):
    """1-based line and column in a text file, or a cell such as ``H12`` in a workbook.

    A NamedTuple rather than a dataclass: the loader makes one for every YAML value it reads.
    """

    line: int | None = None
    column: int | None = None
    cell: str | None = None


NOWHERE = Position()


@dataclass(frozen=True)
class Problem:
    """One problem of a file: its code, message, severity and where (line and column, or cell)."""
    file: str
    code: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    column: int | None = None
    cell: str | None = None
    item_id: str | None = None
    item_name: str | None = None
    # what the message was made from: a translation renders its own text from code and params
    params: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def slug(self) -> str:
        return slug(self.code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.cell and self.line is None:  # a workbook's problems in row, then column order
            row, column = cell_order(self.cell)
            return (self.file, row, column, self.code)
        return (self.file, self.line or 0, self.column or 0, self.code)


def cell_order(cell: str) -> tuple[int, int]:
    """``H12`` -> (12, 8): a cell's row and column number, for sorting."""
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    column = 0
    for letter in letters.upper():
        column = column * 26 + (ord(letter) - 64)
    return (int(digits) if digits.isdigit() else 0, column)


def make_problem(
    code: str,
    file: str,
    position: Position = NOWHERE,
    *,
    item_id: str | None = None,
    item_name: str | None = None,
    severity: Severity = Severity.ERROR,
    **params: object,
) -> Problem:
    """Build a problem whose message comes from the code's template in :mod:`jyscore.i18n.messages`.

    The file name is kept printable (a name may hold anything a file system allows)."""
    return Problem(
        file=printable(file),
        code=code,
        message=render_message(code, params),
        severity=severity,
        line=position.line,
        column=position.column,
        cell=position.cell,
        item_id=item_id,
        item_name=item_name,
        params=params,
    )


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


@dataclass
class JyscoreError(Exception):
    """Raised by the library when input cannot be used; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(f"{p.file}: {p.code} {p.message}" for p in self.problems)
