"""What the checks of one sheet share while they run: the document and rubric they read, the
problems they report and what they have found so far (the entries, which ids were given, left
blank or mistyped).

:class:`~jyscore.readers.sheet.SheetChecker` is one; the checks of the entries
(:mod:`.sheet_entries`, :mod:`.sheet_inputs`), of the values (:mod:`.sheet_values`), of the
sheet as a whole (:mod:`.sheet_coverage`) and of its totals (:mod:`.sheet_totals`) take it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jyscore.core.models import Entry, Node, Rubric
from jyscore.core.problems import Position, Problem, Severity, make_problem
from jyscore.readers.document import Document

if TYPE_CHECKING:  # an annotation only: a sheet read without --targets never needs it
    from jyscore.readers.defaults import SheetDefaults


class SheetState:
    def __init__(
        self, doc: Document, rubric: Rubric, defaults: SheetDefaults | None = None
    ) -> None:
        self.doc = doc
        self.rubric = rubric
        self.defaults = defaults
        self.college: str | None = None
        self.year: int | None = None
        self.problems: list[Problem] = []
        self.entries: dict[str, Entry] = {}
        self.given: set[str] = set()  # ids the sheet scores, even where the value is wrong
        self.unknown: list[tuple[str, Position]] = []
        self.mistyped: set[str] = set()  # entries with an unknown key, already reported
        self.blank: set[str] = set()  # items given with every score empty, as a template has them
        self.blank_bonuses: list[tuple[Node, Position, str]] = []

    def add(
        self, code: str, at: Position | None, node: Node | None = None,
        severity: Severity = Severity.ERROR, **params: object,
    ) -> None:
        self.problems.append(
            make_problem(
                code, self.doc.file, at or Position(), item_id=node.id if node else None,
                item_name=node.name if node else None, severity=severity, **params,
            )
        )

    @property
    def base_ids(self) -> frozenset[str]:
        """The ids of the rubric's items and their parts: what every sheet scores (no bonus)."""
        return self.rubric.base_ids
