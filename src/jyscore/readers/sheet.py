"""Check a score sheet's plain data against a rubric; build a :class:`~jyscore.core.models.Sheet`.

Every problem of the file is collected, each with the line and column of the value it is about,
the item's id and name, what is wrong and what is allowed; only then is a sheet built or an error
raised. The data comes from :mod:`.yamlsource` (or the workbook reader) as strings, so every
number is parsed here, exactly.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jyscore.core import rules
from jyscore.core.fields import YEARS
from jyscore.core.models import COLUMNS, Entry, Node, Rubric, Sheet
from jyscore.core.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    exact,
    format_decimal,
    looks_boolean,
    parse_decimal,
    parse_whole,
    too_many_digits,
)
from jyscore.core.problems import (
    JyscoreError,
    Position,
    Problem,
    Severity,
    has_errors,
    make_problem,
)
from jyscore.core.text import excerpt, is_person_name, short
from jyscore.i18n.messages import Phrase, hint, phrase
from jyscore.readers.defaults import SheetDefaults
from jyscore.readers.sheet_totals import TOTALS_FIELDS, read_totals
from jyscore.readers.yamlsource import Document, Limits, Path_, load

SHEET_LIMITS = Limits(max_bytes=1024 * 1024, max_values=20_000, kind="kind-sheet")
SHEET_FIELDS = ("college", "year", "rubric", "scores", "note", "assessor", *TOTALS_FIELDS)
_VALUE_FIELDS = ("college", "year", "rubric", "assessor")
_SCORE_INPUTS = {"self": "score", "assessed": "score"}  # an item's inputs (bonus rules have theirs)
_SCORE_ALLOWED = (*_SCORE_INPUTS, "note")
_HUNDRED = Decimal(100)
# a yes/no input: the words a sheet (or a workbook's TRUE/FALSE cell) may give, as 1 or 0
FLAG_WORDS = {
    **dict.fromkeys(("1", "true", "yes", "y", "是", "有", "√"), Decimal(1)),
    **dict.fromkeys(("0", "false", "no", "n", "否", "无", "×"), Decimal(0)),
}


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


def describe(value: Any) -> str | Phrase:
    """A value as a message shows it: the text typed (quoted), or what kind of value it is."""
    if value is None:
        return phrase("value-empty")
    if isinstance(value, list):
        return phrase("value-list")
    if isinstance(value, dict):
        return phrase("value-mapping")
    # a short, escaped excerpt: a message never quotes more of a file than its offending token
    return excerpt(value) if isinstance(value, str) else repr(value)


# example values of an input in a message, as its type reads them (a rate is not "3")
_EXAMPLES = {"percent": ("89.4", "87.5"), "flag": ("1", "0"), "number": ("3.5", "2")}


def suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """'; did you mean …?' for the nearest choice, or '' when nothing is near."""
    normal = unicodedata.normalize("NFKC", word).strip()
    for char in "，,。、":
        normal = normal.replace(char, ".")
    if normal != word and normal in choices:
        return hint("suggest", suggestion=normal)
    import difflib  # only when a word is wrong: start-up stays light

    close = difflib.get_close_matches(normal, choices, n=1, cutoff=0.6)
    return hint("suggest", suggestion=close[0]) if close else ""


def _number_hint(text: str) -> str:
    if looks_boolean(text):
        return hint("boolean")
    if unicodedata.normalize("NFKC", text) != text:
        return hint("full-width")
    if "," in text or "，" in text:
        return hint("comma")
    return ""


class SheetChecker:
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

    # -- reporting ---------------------------------------------------------------------------

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

    # -- the whole sheet ---------------------------------------------------------------------

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
        rubric_id = self._text_field(data, "rubric", required=False)
        if rubric_id is not None and rubric_id != self.rubric.id:
            self.add("JY024", self.doc.position(("rubric",)), sheet_rubric=short(rubric_id, 40),
                     rubric=self.rubric.id)
        note = data["note"] if self._text_field(data, "note", required=False) else None
        assessor = self._text_field(data, "assessor", required=False)
        if assessor is not None and not is_person_name(assessor):  # "\u200b", true, a date
            self.add("JY023", self.doc.position(("assessor",)), field="assessor",
                     value=describe(data["assessor"]), expected=hint("expect-assessor"))
            assessor = None
        scores = data.get("scores")
        columns: tuple[str, ...] = ()
        if "scores" not in data:
            self.add("JY021", self.doc.position(()), field="scores", hint=hint("field-scores"))
        elif not isinstance(scores, dict):
            self.add("JY020", self.doc.position(("scores",)), what=phrase("what-scores"),
                     example=hint("scores-example"), found=describe(scores))
        else:
            for key, value in scores.items():
                self._entry(key, value)
            self._coverage()
            self._unknown_ids()
            columns = self._columns()
        adjustments, vetoes = read_totals(self, data)
        if has_errors(self.problems) or college is None or year is None:
            return None
        positions = {n: self.doc.key_position((n,)) for n in SHEET_FIELDS if n in data}
        for name in _VALUE_FIELDS:  # in a form, a problem with a name or year is at its value's
            value_at = self.doc.position((name,))  # cell beside the label, as its JY023 is
            if name in data and value_at.cell is not None:
                positions[name] = value_at
        warnings = sorted([*self.doc.warnings, *self.problems], key=Problem.sort_key)
        return Sheet(self.doc.file, college, year, rubric_id, self.entries, columns,
                     tuple(warnings), positions, adjustments, vetoes, assessor, note)

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

    # -- one entry ---------------------------------------------------------------------------

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
            return
        if not rules.hand_scored(node):
            self._ruled_entry(node, path, key_at, value)
            return
        for key in value:
            if key not in _SCORE_ALLOWED:
                self.mistyped.add(item_id)
                self.add("JY022", self.doc.key_position((*path, key)), node, field=short(key),
                         where=phrase("what-entry", item_id=item_id),
                         suggestion=suggest(key, _SCORE_ALLOWED),
                         allowed=", ".join(_SCORE_ALLOWED))
        if all(value.get(n) is None for n in _SCORE_INPUTS) and item_id not in self.mistyped:
            if item_id not in self._base_ids:  # as the template leaves it: 0, perhaps forgotten
                self.blank_bonuses.append((node, key_at, ", ".join(_SCORE_INPUTS)))
                return
            self.blank.add(item_id)
        parsed: dict[str, Decimal] = {}
        for name in _SCORE_INPUTS:
            if value.get(name) is not None:
                number = self._number(node, path, name, "score", value[name])
                if number is not None:
                    parsed[name] = number
        self.entries[item_id] = Entry(
            item_id, parsed.pop("self", None), parsed.pop("assessed", None),
            self._note(node, path, value), {}, position=key_at,
        )

    def _note(self, node: Node, path: Path_, value: dict[str, Any]) -> str | None:
        note = value.get("note")
        if note is not None and not isinstance(note, str):
            self.add("JY023", self.doc.position((*path, "note")), node, field="note",
                     value=describe(note), expected=hint("expect-note"))
            return None
        return note

    def _missing_input(self, at: Position, node: Node, input_spec: rules.InputSpec) -> None:
        """JY127: a required input not given, with an example of its type."""
        example, other = _EXAMPLES.get(input_spec.reader, ("3", "2"))
        self.add("JY127", at, node, field=input_spec.name,
                 label=input_spec.shown(self.rubric.labels), example=example, other=other)

    def _ruled_entry(
        self, node: Node, path: Path_, key_at: Position, value: dict[str, Any]
    ) -> None:
        """An item whose rule computes its score: its inputs, once or per column."""
        specs = rules.input_specs(node)
        allowed = (*(s.name for s in specs), "note")
        for key in value:
            if key not in allowed:
                self.mistyped.add(node.id)
                self.add("JY022", self.doc.key_position((*path, key)), node, field=short(key),
                         where=phrase("what-entry", item_id=node.id),
                         suggestion=suggest(key, allowed),
                         allowed=", ".join(allowed))
        if all(value.get(s.name) is None for s in specs) and node.id not in self.mistyped:
            if node.id not in self._base_ids:  # as the template leaves it: 0, perhaps forgotten
                self.blank_bonuses.append((node, key_at, ", ".join(s.name for s in specs)))
            else:  # an item not filled in: one problem (JY111), not one per input
                self.blank.add(node.id)
            return
        both: dict[str, Decimal] = {}
        per_column: dict[str, dict[str, Decimal]] = {}
        all_parsed = True
        for input_spec in specs:
            raw = value.get(input_spec.name)
            if raw is None:
                continue
            where = (*path, input_spec.name)
            if isinstance(raw, dict):
                given = [c for c in COLUMNS if raw.get(c) is not None]
                if set(raw) - set(COLUMNS) or not given:
                    names = ", ".join(str(k) for k in raw)
                    found = phrase("found-empty-columns", columns=names) \
                        if names and not set(raw) - set(COLUMNS) \
                        else (names or phrase("found-nothing"))
                    self.add("JY125", self.doc.position(where), node, field=input_spec.name,
                             found=found)
                    all_parsed = False
                    continue
                for column in given:  # a column it leaves out lacks the input
                    number = self._number(node, where, column, input_spec.reader, raw[column],
                                          field=input_spec.name)
                    if number is None:
                        all_parsed = False
                    else:
                        per_column.setdefault(column, {})[input_spec.name] = number
                continue
            number = self._number(node, path, input_spec.name, input_spec.reader, raw)
            if number is None:
                all_parsed = False
            else:
                both[input_spec.name] = number
        reported: dict[str, Decimal] = {}
        if self.defaults is not None:
            reported = self._apply_defaults(node, path, value, both)
        for input_spec in specs:
            name = input_spec.name
            if input_spec.required and value.get(name) is None and name not in both \
                    and name not in reported:
                self._missing_input(key_at, node, input_spec)
                all_parsed = False
        self._replace_inherited(node, both, per_column)
        if all_parsed:
            seen: set[tuple[str, str | None]] = set()
            for column in COLUMNS if per_column else COLUMNS[:1]:
                values = {**reported, **both, **per_column.get(column, {})}
                if column == "self" and self._assessed_only(node, path, values, both, per_column):
                    continue
                lacking = [s for s in specs if s.required and s.name not in values]
                for input_spec in lacking:  # given per column, but not for this one
                    self._missing_input(self.doc.position((*path, input_spec.name)), node,
                                        input_spec)
                if lacking:
                    continue
                for finding in rules.check(node, values):
                    if (finding.code, finding.field) in seen:
                        continue
                    seen.add((finding.code, finding.field))
                    where_at = (self.doc.position((*path, finding.field))
                                if finding.field else key_at)
                    self.add(finding.code, where_at, node, Severity.ERROR, **finding.params)
        self.entries[node.id] = Entry(
            node.id, None, None, self._note(node, path, value), both, per_column, key_at
        )

    @staticmethod
    def _replace_inherited(
        node: Node, both: dict[str, Decimal], per_column: dict[str, dict[str, Decimal]]
    ) -> None:
        """An input the 考核 column gives of its own may replace one it would inherit from the
        inputs given for both columns (the form computes a rate from the counts when they are
        there): the replaced input then holds for the 自评 column only."""
        own = frozenset(per_column.get("assessed", {})) - frozenset(per_column.get("self", {}))
        for name in rules.replaced(node, own) & frozenset(both):
            per_column.setdefault("self", {})[name] = both.pop(name)

    def _assessed_only(
        self, node: Node, path: Path_, values: dict[str, Decimal], both: dict[str, Decimal],
        per_column: dict[str, dict[str, Decimal]],
    ) -> bool:
        """Inputs given for the 考核 column only leave the 自评 column without them (the form's
        自评 formula reads its own cells): when the 自评 column is then incomplete, one problem
        per such input, at its 自评 place. True when reported."""
        only = [name for name in per_column.get("assessed", {})
                if name not in both and name not in per_column.get("self", {})]
        complete = all(s.name in values for s in rules.input_specs(node) if s.required)
        if not only or (complete and not rules.check(node, values)):
            return False
        labels = {s.name: s.shown(self.rubric.labels) for s in rules.input_specs(node)}
        for name in only:
            self.add("JY135", self.doc.position((*path, name, "self")), node, field=name,
                     label=labels.get(name, name))
        return True

    @property
    def _base_ids(self) -> frozenset[str]:
        found = self.__dict__.get("_base")
        if found is None:
            found = self.__dict__["_base"] = frozenset(
                n.id for item in self.rubric.items for n in (item, *item.parts))
        return found

    def _apply_defaults(
        self, node: Node, path: Path_, value: dict[str, Any], parsed: dict[str, Decimal]
    ) -> dict[str, Decimal]:
        """Fill inputs the sheet leaves out from the run's defaults; report conflicts and gaps.

        Returns placeholders for inputs already reported missing (JY503), so that the rule's own
        check does not report them a second time.
        """
        assert self.defaults is not None
        supplied = self.defaults.for_entry(self.college, node.id)
        for name, default in supplied.items():
            if name in parsed:
                if parsed[name] != default.value:
                    self.add("JY502", self.doc.position((*path, name)), node, field=name,
                             value=format_decimal(parsed[name]),
                             default=format_decimal(default.value), college=self.college,
                             source=default.source)
            elif value.get(name) is None:
                parsed[name] = default.value
        reported: dict[str, Decimal] = {}
        for name in self.defaults.covered(node.id):
            if name not in supplied and value.get(name) is None and self.college is not None:
                self.add("JY503", self.doc.key_position(path), node, field=name,
                         college=self.college, source=self.defaults.source)
                reported[name] = Decimal(0)
        return reported

    def _number(
        self, node: Node, path: Path_, name: str, kind: str, raw: Any, field: str | None = None
    ) -> Decimal | None:
        """``raw`` read as ``kind``; ``path + (name,)`` is where it stands, ``field`` the input
        it gives when ``name`` is a column of an input given per column."""
        # the value's position is looked up only for a problem: most values never need one
        label = f"{field}.{name}" if field else name
        if kind == "flag":
            flag = FLAG_WORDS.get(raw.strip().casefold()) if isinstance(raw, str) else None
            if flag is None:
                self.add("JY126", self.doc.position((*path, name)), node, field=label,
                         value=describe(raw))
            return flag
        if kind in ("count", "positive-count"):
            count = parse_whole(raw) if isinstance(raw, str) else None
            if count is None or (kind == "positive-count" and count == 0):
                self.add("JY123", self.doc.position((*path, name)), node, field=label,
                         value=describe(raw),
                         minimum=hint("count-positive") if kind == "positive-count" else "")
                return None
            return Decimal(count)
        text = raw.removesuffix("%") if isinstance(raw, str) and kind == "percent" else raw
        number = parse_decimal(text) if isinstance(text, str) else None
        if number is None and isinstance(text, str) and too_many_digits(text):
            self.add("JY105", self.doc.position((*path, name)), node, column=name,
                     value=excerpt(text), integer=MAX_INTEGER_DIGITS,
                     fraction=MAX_FRACTION_DIGITS)
            return None
        if number is None:
            self.add("JY100", self.doc.position((*path, name)), node, column=label,
                     value=describe(raw), hint=_number_hint(raw) if isinstance(raw, str) else "")
            return None
        if kind == "percent":
            if not 0 <= number <= _HUNDRED:
                self.add("JY121", self.doc.position((*path, name)), node, field=label,
                         value=format_decimal(number))
                return None
            return number
        if kind == "number":
            if number < 0:
                self.add("JY128", self.doc.position((*path, name)), node, field=label,
                         value=format_decimal(number))
                return None
            return number
        return self._score(node, path, name, number)

    def _score(self, node: Node, path: Path_, column: str, value: Decimal) -> Decimal | None:
        cap = rules.item_cap(node)
        step = node.step or self.rubric.step
        if node.allowed is not None and value not in node.allowed and value >= 0:
            self.add("JY104", self.doc.position((*path, column)), node, column=column,
                     value=format_decimal(value),
                     allowed=", ".join(format_decimal(v) for v in node.allowed))
            return None
        if node.allowed is not None and value >= 0:
            return value
        if value < 0:
            code = "JY102"
        elif cap is not None and value > cap:
            code = "JY101"
        elif value % step:
            code = "JY103"
        else:
            return value
        self.add(code, self.doc.position((*path, column)), node, column=column,
                 value=format_decimal(value), cap=format_decimal(cap) if cap is not None else "∞",
                 step=format_decimal(step))
        return None

    # -- the sheet as a whole ----------------------------------------------------------------

    def _coverage(self) -> None:
        """Each item scored once, whole or through all of its parts. What has one cause is one
        problem: an item (or part) with every score empty is one JY111, and a sheet where no
        item has any score is one JY115 instead of one problem per item."""
        scored = self.given - self.blank
        if not scored & self._base_ids:
            self.add("JY115", self.doc.key_position(("scores",)))
            return  # an unfilled sheet: its empty bonus entries are part of that one problem
        for node, at, inputs in self.blank_bonuses:
            self.add("JY124", at, node, severity=Severity.WARNING, inputs=inputs)
        for item in self.rubric.items:
            if item.id in self.given and any(p.id in self.given for p in item.parts):
                given_parts = [p for p in item.parts if p.id in self.given]
                first = self.doc.key_position(("scores", given_parts[0].id))
                parts = hint("name-separator").join(f"{p.id} {self._where(('scores', p.id))}"
                                                    for p in given_parts)
                self.add("JY112", first, item, whole=self._where(("scores", item.id)), parts=parts)
                continue
            given_parts = [p for p in item.parts if p.id in scored]
            if item.id in scored:
                continue
            if not given_parts:
                if not rules.hand_scored(item):
                    names = ", ".join(f"{s.name}: …" for s in rules.input_specs(item))
                    missing = hint("missing-inputs", item_id=item.id, inputs=names)
                elif item.parts:
                    missing = hint("missing-item", item_id=item.id,
                                   parts=hint("name-separator").join(p.id for p in item.parts))
                else:
                    missing = hint("missing-leaf", item_id=item.id)
                self.add("JY111", self._missing_position(item), item, hint=missing)
            elif len(given_parts) < len(item.parts):
                given = hint("name-separator").join(p.id for p in given_parts)
                for part in item.parts:
                    if part.id not in scored:
                        self.add("JY111", self._missing_position(part, given_parts[0]), part,
                                 hint=hint("missing-part", owner=item.id, given=given))

    def _missing_position(self, node: Node, sibling: Node | None = None) -> Position:
        """Where a score that was not given belongs: in a workbook its empty cell (an item
        scored through parts: its first part's); in YAML its id if it stands there without a
        value, else a given sibling part, else ``scores``."""
        for scored in (*node.parts[:1], node):
            for column in COLUMNS:
                if ("scores", scored.id, column) in self.doc.positions:
                    return self.doc.position(("scores", scored.id, column))
        for present in (node, sibling):  # the id itself may stand there with an empty value
            if present is not None and ("scores", present.id) in self.doc.key_positions:
                return self.doc.key_position(("scores", present.id))
        return self.doc.key_position(("scores",))

    def _where(self, path: Path_) -> str:
        """Where a key stood, for a message: ``line 12`` in YAML, the cell (``A12``) in a
        workbook."""
        at = self.doc.key_position(path)
        return hint("at-line", line=at.line) if at.line is not None else at.cell or "?"

    def _unknown_ids(self) -> None:
        """Report unknown ids, each with the id it most likely meant (:mod:`.nearest`)."""
        if not self.unknown:
            return
        from jyscore.readers.nearest import (
            nearest_id,  # only when an id is wrong: start-up stays light
        )

        known = self.rubric.scorable_id_set
        missing: set[str] = set()  # ids whose score the sheet still lacks
        for item in self.rubric.items:
            parts = {p.id for p in item.parts}
            if item.id not in self.given and not parts & self.given:
                missing |= {item.id, *parts}
            elif parts & self.given:
                missing |= parts - self.given
        for item_id, at in self.unknown:
            nearest = nearest_id(item_id, known, missing)
            suggestion = hint("suggest", suggestion=nearest) if nearest else ""
            self.add("JY110", at, given=short(item_id), rubric=self.rubric.id,
                     suggestion=suggestion)

    def _columns(self) -> tuple[str, ...]:
        """The score columns the sheet gives: a column is given for every hand-scored base item
        or for none. A column that a manual bonus alone gives is never dropped silently, and a
        column left empty in most items is one problem (its cause), not one per empty item."""
        hand = {i: e for i, e in self.entries.items() if rules.hand_scored(self.rubric.nodes[i])}
        base = [e for i, e in hand.items() if i in self._base_ids]
        present = tuple(c for c in COLUMNS if any(e.column(c) is not None for e in base))
        if not present:
            # every base item computed from inputs: both columns hold; else the empty items
            # have been reported already (JY111, or JY115 for a sheet without any score)
            return COLUMNS if not base and self.entries else present
        given = tuple(c for c in COLUMNS if any(e.column(c) is not None for e in hand.values()))
        for column in given:
            # a wrong value or a mistyped key has been reported already, an empty entry as
            # an item not scored (JY111)
            lacking = [
                e for e in base
                if e.item_id not in self.blank and e.column(column) is None
                and self._raw(e.item_id, column) is None and e.item_id not in self.mistyped
            ]
            givers = [i for i, e in hand.items() if e.column(column) is not None]
            if len(lacking) > len(givers):
                shown = ", ".join(givers[:5]) + (", …" if len(givers) > 5 else "")
                self.add("JY136", self.doc.position(("scores", givers[0], column)),
                         column=column, given=len(givers), ids=shown, missing=len(lacking))
                continue
            for entry in lacking:
                node = self.rubric.nodes[entry.item_id]
                self.add("JY114", self._blank_position(entry.item_id, column), node,
                         column=column)
        return given

    def _blank_position(self, item_id: str, column: str) -> Position:
        """Where a missing score belongs: its empty cell in a workbook, else the item's id."""
        path = ("scores", item_id, column)
        if path in self.doc.positions:
            return self.doc.position(path)
        return self.doc.key_position(("scores", item_id))

    def _raw(self, item_id: str, column: str) -> Any:
        entry = self.doc.data["scores"][item_id]
        return entry.get(column) if isinstance(entry, dict) else None
