"""Check a score sheet's plain data against a rubric; build a :class:`~jyscore.core.models.Sheet`.

Every problem of the file is collected, each with the line and column of the value it is about,
the item's id and name, what is wrong and what is allowed; only then is a sheet built or an error
raised. The data comes from :mod:`.yamlsource` (or the workbook reader) as strings, so every
number is parsed here, exactly.

The checks, in the order they run: the sheet's head (college, year, rubric …) here; each entry
of ``scores`` (:mod:`.sheet_entries` for an item scored by hand, :mod:`.sheet_inputs` for one
whose rule computes its score, each value read by :mod:`.sheet_values`); the ``scores`` as a whole
(:mod:`.sheet_coverage`); the adjustments and vetoes (:mod:`.sheet_totals`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jyscore.core.fields import YEARS
from jyscore.core.models import Rubric, Sheet
from jyscore.core.numbers import exact, parse_whole
from jyscore.core.problems import JyscoreError, Position, Problem, has_errors
from jyscore.core.text import is_person_name, short
from jyscore.i18n.messages import hint, phrase
from jyscore.readers.document import Document, Limits, Path_
from jyscore.readers.sheet_coverage import check_columns, check_coverage, check_unknown_ids
from jyscore.readers.sheet_entries import hand_entry
from jyscore.readers.sheet_inputs import ruled_entry
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_totals import TOTALS_FIELDS, read_totals
from jyscore.readers.sheet_words import describe, suggest
from jyscore.readers.yamlsource import load

if TYPE_CHECKING:  # an annotation only: a sheet read without --targets never needs it
    from jyscore.readers.defaults import SheetDefaults

SHEET_LIMITS = Limits(max_bytes=1024 * 1024, max_values=20_000, kind="kind-sheet")
SHEET_FIELDS = ("college", "year", "rubric", "scores", "note", "assessor", *TOTALS_FIELDS)
_VALUE_FIELDS = ("college", "year", "rubric", "assessor")


@dataclass(frozen=True)
class SheetHead:
    """Which college and year a sheet with errors is about, as far as they could be read (None
    where not): ``rank --skip-invalid`` leaves out a whole panel when one of its sheets is
    invalid, and needs to know which panel that is."""

    college: str | None
    year: int | None


@dataclass
class SheetError(JyscoreError):
    """A sheet's problems, with what could be read of its head."""

    head: SheetHead | None = None


def load_sheet(path: str | Path, rubric: Rubric, *, defaults: SheetDefaults | None = None) -> Sheet:
    """Read and check one YAML score sheet; raise :class:`JyscoreError` with every problem.

    ``defaults`` supplies inputs the sheet may leave out (the targets of ``rank --targets``).
    """
    doc = load(Path(path), SHEET_LIMITS, keep_going=True)
    return sheet_from_document(doc, rubric, defaults=defaults)


@exact
def sheet_from_document(
    doc: Document, rubric: Rubric, *, defaults: SheetDefaults | None = None
) -> Sheet:
    checker = SheetChecker(doc, rubric, defaults)
    sheet = checker.check()
    problems = sorted([*doc.warnings, *doc.problems, *checker.problems], key=Problem.sort_key)
    if sheet is None or has_errors(problems):
        raise SheetError(problems, SheetHead(checker.college, checker.year))
    return sheet


class SheetChecker(SheetState):
    """The checks of one sheet, run by :meth:`check`; every problem goes to ``problems``."""

    def check(self) -> Sheet | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.add("JY020", self.doc.position(()), what=phrase("what-sheet"),
                     example=hint("sheet-example"), found=describe(data))
            return None
        for key in data:
            if key not in SHEET_FIELDS:
                self.add("JY022", self.doc.key_position((key,)), field=short(key),
                         where=phrase("what-sheet"),
                         suggestion=suggest(key, SHEET_FIELDS), allowed=", ".join(SHEET_FIELDS))
        college = self.college = self._text_field(data, "college", required=True)
        year = self.year = self._year(data)
        rubric_id = self._rubric_id(data)
        note = data["note"] if self._text_field(data, "note", required=False) else None
        assessor = self._assessor(data)
        columns = self._scores(data)
        adjustments, vetoes = read_totals(self, data)
        if has_errors(self.problems) or college is None or year is None:
            return None
        warnings = sorted([*self.doc.warnings, *self.problems], key=Problem.sort_key)
        return Sheet(self.doc.file, college, year, rubric_id, self.entries, columns,
                     tuple(warnings), self._positions(data), adjustments, vetoes, assessor, note)

    def _positions(self, data: dict[str, Any]) -> dict[str, Position]:
        """Where each of the sheet's fields stands, for the checks made once it is built."""
        positions = {n: self.doc.key_position((n,)) for n in SHEET_FIELDS if n in data}
        for name in _VALUE_FIELDS:  # in a form, a problem with a name or year is at its value's
            value_at = self.doc.position((name,))  # cell beside the label, as its JY023 is
            if name in data and value_at.cell is not None:
                positions[name] = value_at
        return positions

    def _text_field(self, data: dict[str, Any], name: str, required: bool) -> str | None:
        value = data.get(name)
        if name not in data:
            if required:
                self.add("JY021", self.doc.position(()), field=name, hint=hint(f"field-{name}"))
            return None
        if not isinstance(value, str) or not value.strip():
            self.add("JY023", self.doc.position((name,)), field=name, value=describe(value),
                     expected=hint(f"expect-{name}"))
            return None
        return value.strip()

    def _year(self, data: dict[str, Any]) -> int | None:
        if "year" not in data:
            self.add("JY021", self.doc.position(()), field="year", hint=hint("field-year"))
            return None
        value = data["year"]
        year = parse_whole(value) if isinstance(value, str) else None
        if year is None or year not in YEARS:
            self.add("JY023", self.doc.position(("year",)), field="year", value=describe(value),
                     expected=hint("expect-year"))
            return None
        return year

    def _rubric_id(self, data: dict[str, Any]) -> str | None:
        rubric_id = self._text_field(data, "rubric", required=False)
        if rubric_id is not None and rubric_id != self.rubric.id:
            self.add("JY024", self.doc.position(("rubric",)), sheet_rubric=short(rubric_id, 40),
                     rubric=self.rubric.id)
        return rubric_id

    def _assessor(self, data: dict[str, Any]) -> str | None:
        assessor = self._text_field(data, "assessor", required=False)
        if assessor is not None and not is_person_name(assessor):  # "\u200b", true, a date
            self.add("JY023", self.doc.position(("assessor",)), field="assessor",
                     value=describe(data["assessor"]), expected=hint("expect-assessor"))
            return None
        return assessor

    def _scores(self, data: dict[str, Any]) -> tuple[str, ...]:
        """Every entry of ``scores``, then the scores as a whole; the columns they give."""
        scores = data.get("scores")
        if "scores" not in data:
            self.add("JY021", self.doc.position(()), field="scores", hint=hint("field-scores"))
            return ()
        if not isinstance(scores, dict):
            self.add("JY020", self.doc.position(("scores",)), what=phrase("what-scores"),
                     example=hint("scores-example"), found=describe(scores))
            return ()
        for key, value in scores.items():
            self._entry(key, value)
        check_coverage(self)
        check_unknown_ids(self)
        return check_columns(self)

    def _entry(self, item_id: str, value: Any) -> None:
        path: Path_ = ("scores", item_id)
        key_at = self.doc.key_position(path)
        node = self.rubric.nodes.get(item_id)
        if node is None or item_id not in self.rubric.scorable_id_set:
            if node is not None:
                leaves = [n.id for n in node.leaves()]
                self.add("JY113", key_at, node, children=hint("name-separator").join(leaves))
            else:
                self.unknown.append((item_id, key_at))
            return
        self.given.add(item_id)
        if value is None:  # ``1.1:`` with nothing after it: an entry with every score empty
            value = {}
        if not isinstance(value, dict):
            self.add("JY020", self.doc.position(path), node,
                     what=phrase("what-entry", item_id=item_id), example=hint("entry-example"),
                     found=describe(value))
        elif item_id in self.rubric.hand_scored_ids:  # rules.hand_scored(node), asked once
            hand_entry(self, node, path, key_at, value)
        else:
            ruled_entry(self, node, path, key_at, value)
