"""The fill-in form: a workbook that looks like the paper form, guards its input cells and totals
itself in Excel, WPS and LibreOffice. Blank from ``jyscore template``, or filled from a checked
sheet by ``jyscore convert``.

Layout (see :mod:`.plan` for the rows and :mod:`.layout` for what the reader relies on): a title,
the labelled 学院 / 年度 / 指标体系 cells, a line of help, the header row (frozen and repeated on
every printed page), then the rubric's rows. Input cells are yellow, unlocked and validated (a
decimal from 0 to the cap, with an input message naming the cap and the step); everything else is
locked by sheet protection without a password, so a slip of the mouse cannot break a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jyscore.core import rules
from jyscore.core.models import Adjustment, Node, Rubric, Sheet, Veto
from jyscore.core.numbers import format_decimal
from jyscore.core.text import xml_safe
from jyscore.form.layout import (
    COLUMNS,
    SCORE_FIELDS,
    adjustment_key,
    headers,
    input_key,
    item_input_labels,
    top_labels,
    veto_key,
)
from jyscore.i18n.messages import counted, hint
from jyscore.writers.atomic import check_writable, write_atomic
from jyscore.writers.xlsx import cells, formulas, guards
from jyscore.writers.xlsx.plan import (
    ADJUSTMENT,
    BASE,
    BONUS,
    BONUS_TOTAL,
    GRADE,
    INPUT,
    ITEM,
    PART,
    SUBTOTAL,
    TOTAL,
    VETO,
    FormRow,
    ancestors,
    depth_name,
    plan,
)
from jyscore.writers.xlsx.printing import apply_print_setup, fit_row_heights, use_cjk_font

WIDTHS = {"id": 9, "primary": 11, "secondary": 13, "focus": 20, "criteria": 50, "points": 6,
          "methods": 9, "self": 9, "assessed": 9, "note": 22}
TITLE_ROW, TOP_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1
LINE_HEIGHT = 14.5  # points per wrapped line at 11 pt
# where the labelled top cells are: field -> (label column, value column, last value column)
TOP_CELLS = {"college": ("A", "B", "C"), "year": ("D", "E", "E"), "rubric": ("G", "H", "J")}
# a panel member's form names the assessor beside 学院/年度 (and the rubric moves right)
ASSESSOR_TOP_CELLS = {**TOP_CELLS, "assessor": ("G", "H", "H"), "rubric": ("I", "J", "J")}


def col(field: str) -> str:
    return get_column_letter(COLUMNS.index(field) + 1)


def write_form(
    path: Path, rubric: Rubric, college: str, year: int, sheet: Sheet | None = None,
    *, overwrite: bool = False, assessor: str | None = None,
) -> None:
    """Write the form to ``path`` atomically; refuse an existing file unless ``overwrite``."""
    check_writable(path, overwrite)
    workbook = build_form(rubric, college, year, sheet, assessor=assessor)
    write_atomic(path, workbook.save, overwrite=overwrite)


def build_form(
    rubric: Rubric, college: str, year: int, sheet: Sheet | None = None,
    *, assessor: str | None = None,
) -> Workbook:
    """The form; ``assessor`` (or the sheet's) adds its labelled cell beside 学院/年度."""
    return _Form(rubric, sheet).build(college, year,
                                      assessor or (sheet.assessor if sheet else None))


class _Form:
    def __init__(self, rubric: Rubric, sheet: Sheet | None) -> None:
        self.rubric = rubric
        self.sheet = sheet
        self.workbook = Workbook()
        use_cjk_font(self.workbook)
        active = self.workbook.active
        assert isinstance(active, Worksheet)  # a new workbook holds one worksheet
        self.ws: Worksheet = active
        self.ws.title = hint("form-sheet")
        self.rows = plan(rubric)
        self.row_of = {r.key: FIRST_ROW + i for i, r in enumerate(self.rows) if r.key}
        self.chains = ancestors(rubric)
        self.validations: dict[tuple[str, ...], DataValidation] = {}
        self.base_row = self.bonus_row = self.total_row = 0  # set when those rows are written

    # -- the whole form ------------------------------------------------------------------------

    def build(self, college: str, year: int, assessor: str | None = None) -> Workbook:
        ws = self.ws
        for field, width in WIDTHS.items():
            ws.column_dimensions[col(field)].width = width
        self._top(college, year, assessor)
        for index, row in enumerate(self.rows):
            self._row(FIRST_ROW + index, row)
        self._sheet_note(FIRST_ROW + len(self.rows))
        self._merge_groups()
        fit_row_heights(self.ws)
        for validation in self.validations.values():
            ws.add_data_validation(validation)
        self._sheet_setup(college)
        # the writers' last line of defence: text the input rule let through stays valid XML
        self.workbook.properties.title = xml_safe(f"{self.rubric.name} — {college} {year}")
        self.workbook.properties.creator = "jyscore"
        return self.workbook

    def _top(self, college: str, year: int, assessor: str | None = None) -> None:
        ws, last = self.ws, col("note")
        ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
        title = ws[f"A{TITLE_ROW}"]
        cells.put_text(title, self.rubric.name)
        title.font, title.alignment = cells.TITLE_FONT, cells.CENTER
        ws.row_dimensions[TITLE_ROW].height = 24
        labels = top_labels(self.rubric)
        values: dict[str, Any] = {"college": college, "year": year, "rubric": self.rubric.id,
                                  "assessor": assessor}
        top_cells = TOP_CELLS if assessor is None else ASSESSOR_TOP_CELLS
        for field, (label_col, value_col, end_col) in top_cells.items():
            label = ws[f"{label_col}{TOP_ROW}"]
            cells.put_text(label, labels[field])
            label.font, label.alignment = cells.BOLD, cells.CENTER
            if end_col != value_col:
                ws.merge_cells(f"{value_col}{TOP_ROW}:{end_col}{TOP_ROW}")
            cell = ws[f"{value_col}{TOP_ROW}"]
            if field == "year":
                cell.value = year
                self._validate(cell.coordinate, "year")
            else:
                cells.put_text(cell, values[field])
            cell.alignment = cells.CENTER
            cell.border = cells.BORDER
            if field != "rubric":
                cell.protection, cell.fill = cells.UNLOCKED, cells.INPUT_FILL
        ws.merge_cells(f"A{HELP_ROW}:{last}{HELP_ROW}")
        help_cell = ws[f"A{HELP_ROW}"]
        computed = any(not rules.hand_scored(n)
                       for n in (*self.rubric.items, *self.rubric.bonus_items))
        help_text = hint("form-help")
        if computed:  # an input's 考核 cell left empty takes the 自评 cell's value
            help_text = hint("sentences", first=help_text, second=hint("form-input-assessed"))
        cells.put_text(help_cell, help_text)
        help_cell.alignment = cells.WRAP
        ws.row_dimensions[HELP_ROW].height = 2 * LINE_HEIGHT + 4
        for field, text in headers(self.rubric).items():
            cell = ws[f"{col(field)}{HEADER_ROW}"]
            cells.put_text(cell, text)
            cell.font, cell.fill = cells.HEADER_FONT, cells.HEADER_FILL
            cell.alignment, cell.border = cells.CENTER, cells.BORDER
        ws.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT

    # -- one row -------------------------------------------------------------------------------

    def _row(self, r: int, row: FormRow) -> None:
        ws = self.ws
        for field in COLUMNS:
            cell = ws[f"{col(field)}{r}"]
            cell.border = cells.BORDER
            centered = field in ("id", "points", "self", "assessed")
            cell.alignment = cells.CENTER if centered else cells.WRAP
            if not centered:
                cell.font = cells.TEXT_FONT
        id_cell = ws[f"{col('id')}{r}"]
        cells.put_text(id_cell, row.key or None)
        id_cell.number_format = cells.TEXT_FORMAT
        writer: dict[str, Callable[[int, FormRow], None]] = {
            ITEM: self._item, PART: self._part, SUBTOTAL: self._subtotal, BASE: self._base,
            BONUS: self._bonus, INPUT: self._input, BONUS_TOTAL: self._bonus_total,
            TOTAL: self._total, ADJUSTMENT: self._adjustment, VETO: self._veto,
            GRADE: self._grade,
        }
        writer[row.kind](r, row)

    def _names(self, r: int, row: FormRow) -> None:
        """The 一级/二级 columns (merged later) and the item's own 考察点 text."""
        assert row.node is not None and row.item is not None
        self._text(r, "primary", _group_name(row.primary))
        if row.secondary is not None:
            self._text(r, "secondary", f"{row.secondary.id} {row.secondary.name}")
        self._text(r, "methods", "\n".join(_methods(row.item, self.chains)))
        item, chain = row.item, self.chains[row.item.id]
        if row.kind in (ITEM, BONUS):
            if row.secondary is item or row.secondary is None:
                self._text(r, "focus", item.focus)
            else:
                self._text(r, "focus", depth_name(item, chain))

    def _item(self, r: int, row: FormRow) -> None:
        node = row.node
        assert node is not None
        self._names(r, row)
        self._text(r, "criteria", node.criteria)
        self._number(r, "points", rules.item_cap(node))
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        if not rules.hand_scored(node):
            self._rule_formulas(r, node)
            self._note(r, node)
            return
        if node.parts and entry is None:
            first, last = self.row_of[node.parts[0].id], self.row_of[node.parts[-1].id]
            for field in SCORE_FIELDS:
                letter = col(field)
                self._formula(r, field, formulas.parts_sum(f"{letter}{first}", f"{letter}{last}"))
            return
        self._score_inputs(r, node, rules.item_cap(node))
        self._note(r, node)

    def _part(self, r: int, row: FormRow) -> None:
        node = row.node
        assert node is not None
        self._names(r, row)
        self._text(r, "criteria", node.name)
        self._number(r, "points", node.points)
        self._score_inputs(r, node, node.points)
        self._note(r, node)

    def _subtotal(self, r: int, row: FormRow) -> None:
        primary = row.node
        assert primary is not None
        items = [self.row_of[leaf.id] for leaf in primary.leaves()]
        self._label(r, hint("form-subtotal", indicator=f"{primary.id} {primary.name}"),
                    primary.points)
        self._sums(r, items)

    def _base(self, r: int, row: FormRow) -> None:
        subtotals = [self.row_of[p.id] for p in self.rubric.indicators]
        self._label(r, self.rubric.labels.base, self.rubric.total)
        self._sums(r, subtotals)
        self.base_row = r

    def _bonus(self, r: int, row: FormRow) -> None:
        node = row.node
        assert node is not None and node.rule is not None
        self._names(r, row)
        self._text(r, "criteria", node.criteria)
        self._number(r, "points", rules.item_cap(node))
        self._note(r, node)
        if rules.hand_scored(node):
            self._score_inputs(r, node, rules.item_cap(node))
            return
        self._rule_formulas(r, node)

    def _rule_formulas(self, r: int, node: Node) -> None:
        """The item's score in each column, computed by its rule's own formula from the cells of
        its inputs: the 自评 cell of an input row, and for the 考核 column its 考核 cell when that
        is filled (an input given per column), else the 自评 cell."""
        rows = {name: self.row_of[self._key(node, name)] for name in rules.entry_fields(node)}
        own = {name: f"${col('self')}${row}" for name, row in rows.items()}
        checked = {
            name: f'IF(ISNUMBER(${col("assessed")}${row}),${col("assessed")}${row},'
                  f'IF(ISNUMBER({own[name]}),{own[name]},""))'
            for name, row in rows.items()
        }
        for field, cells_of in (("self", own), ("assessed", checked)):
            self._formula(r, field, "=" + rules.excel(node, cells_of))

    def _input(self, r: int, row: FormRow) -> None:
        node, name = row.node, row.field
        assert node is not None and node.rule is not None and name is not None
        self._names(r, row)
        self._text(r, "focus", item_input_labels(self.rubric, node)[name])
        spec = next(s for s in rules.input_specs(node) if s.name == name)
        names = rules.entry_fields(node)
        guide = "form-input-rate" if name == "rate" and "graduates" in names \
            else f"form-input-{spec.reader}"
        self._text(r, "criteria", hint(guide))  # the 考核 cell of an input: in the help line
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        for field in SCORE_FIELDS:
            cell = self.ws[f"{col(field)}{r}"]
            self._unlock(cell)
            self._validate(cell.coordinate, spec.reader)
            if entry is None:
                continue
            if field in entry.column_inputs and name in entry.column_inputs[field]:
                cell.value = entry.column_inputs[field][name]
            elif field == "self" and name in entry.inputs:
                cell.value = entry.inputs[name]

    def _bonus_total(self, r: int, row: FormRow) -> None:
        leaves = [self.row_of[b.id] for b in self.rubric.bonus_items]
        self._label(r, self.rubric.labels.bonus, None)
        self._sums(r, leaves)
        self.bonus_row = r

    def _adjustment(self, r: int, row: FormRow) -> None:
        """An adjustment to the total: its amount (a magnitude within its range) in each column."""
        adjustment = row.declared
        assert isinstance(adjustment, Adjustment)
        step = adjustment.step or self.rubric.step
        self._text(r, "primary", self.rubric.labels.adjustments)
        self._text(r, "secondary", adjustment.name)
        kind = "deduction" if adjustment.sign < 0 else "addition"
        words = hint(f"form-adjustment-range-{kind}", min=format_decimal(adjustment.min),
                     max=format_decimal(adjustment.max), step=format_decimal(step))
        self._text(r, "criteria", "\n".join(filter(None, (adjustment.criteria, words))))
        entry = next((e for e in self.sheet.adjustments if e.adjustment_id == adjustment.id),
                     None) if self.sheet else None
        key = ("adjustment", adjustment.id)
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.adjustment(
                adjustment.min, adjustment.max, step, adjustment.sign < 0)
        for field in SCORE_FIELDS:
            cell = self.ws[f"{col(field)}{r}"]
            self._unlock(cell)
            validation.add(cell.coordinate)
            if entry is not None:
                cell.value = entry.column(field)
        self._declared_note(r, entry.note if entry else None)

    def _veto(self, r: int, row: FormRow) -> None:
        """A veto (一票否决): 1 in a column where the condition holds."""
        veto = row.declared
        assert isinstance(veto, Veto)
        self._text(r, "primary", self.rubric.labels.veto)
        self._text(r, "secondary", veto.name)
        sets = []
        if veto.total is not None:
            sets.append(hint("form-veto-total", total=format_decimal(veto.total)))
        if veto.grade is not None:
            sets.append(hint("form-veto-grade", grade=veto.grade))
        words = hint("form-veto-input")
        for sentence in sets:
            words = hint("sentences", first=words, second=sentence)
        self._text(r, "criteria", "\n".join(filter(None, (veto.criteria, words))))
        entry = next((e for e in self.sheet.vetoes if e.veto_id == veto.id),
                     None) if self.sheet else None
        for field in SCORE_FIELDS:
            cell = self.ws[f"{col(field)}{r}"]
            self._unlock(cell)
            self._validate(cell.coordinate, "flag")
            if entry is not None and entry.column(field):
                cell.value = 1
        self._declared_note(r, entry.note if entry else None)
        self._red_when(f"{col('self')}{r}:{col('assessed')}{r}", f"{col('self')}{r}=1")

    def _declared_note(self, r: int, note: str | None) -> None:
        cell = self.ws[f"{col('note')}{r}"]
        self._unlock(cell)
        if note:
            cells.put_text(cell, note)

    def _total(self, r: int, row: FormRow) -> None:
        self._label(r, self.rubric.labels.total, None)
        adjustments = self.rubric.adjustments
        vetoes = [v for v in self.rubric.vetoes if v.total is not None]
        for field in SCORE_FIELDS:
            letter = col(field)
            base = f"{letter}{self.base_row}"
            bonus = f"{letter}{self.bonus_row}" if self.rubric.bonus_items else None
            if bonus is None and not adjustments and not vetoes:
                formula = f"={base}"
            elif not adjustments and not vetoes:
                formula = formulas.plus(base, f"{letter}{self.bonus_row}")
            else:
                formula = formulas.total(
                    base, bonus,
                    [(a.sign, f"{letter}{self.row_of[self._declared_key(a)]}")
                     for a in adjustments],
                    [(v.total, f"{letter}{self.row_of[self._declared_key(v)]}")
                     for v in vetoes if v.total is not None],
                )
            self._formula(r, field, formula, total=True)
            if self.rubric.vetoes:  # a reported veto shows in red on the total it sets
                reported = ",".join(f"{letter}{self.row_of[self._declared_key(v)]}=1"
                                    for v in self.rubric.vetoes)
                self._red_when(f"{letter}{r}", f"OR({reported})")
        self.total_row = r

    def _red_when(self, ref: str, condition: str) -> None:
        """Bold red text on ``ref`` while ``condition`` (relative to its first cell) holds."""
        from openpyxl.formatting.rule import FormulaRule

        self.ws.conditional_formatting.add(
            # openpyxl's stubs leave FormulaRule untyped
            ref, FormulaRule(  # type: ignore[no-untyped-call]
                formula=[condition], font=cells.ALERT_FONT, fill=cells.ALERT_FILL))

    def _grade(self, r: int, row: FormRow) -> None:
        grades = self.rubric.grades
        assert grades is not None
        self._label(r, self.rubric.labels.grade, None)
        names = grades.names
        for field in SCORE_FIELDS:
            letter = col(field)
            vetoes = [(names.index(v.grade), v.grade,
                       f"{letter}{self.row_of[self._declared_key(v)]}")
                      for v in self.rubric.vetoes if v.grade is not None and v.grade in names]
            self._formula(r, field, formulas.grade(f"{letter}{self.total_row}", grades, vetoes),
                          total=True)

    def _declared_key(self, declared: Adjustment | Veto) -> str:
        if isinstance(declared, Adjustment):
            return adjustment_key(self.rubric, declared.id)
        return veto_key(self.rubric, declared.id)

    def _sheet_note(self, r: int) -> None:
        """The sheet's own note, below the form: ``备注`` in the id column, the text beside it;
        only for a sheet that has one (the blank form stays within its printed pages)."""
        note = self.sheet.note if self.sheet is not None else None
        if not note:
            return
        ws = self.ws
        label = ws[f"{col('id')}{r}"]
        cells.put_text(label, self.rubric.labels.note)
        label.font, label.alignment, label.border = cells.BOLD, cells.CENTER, cells.BORDER
        label.number_format = cells.TEXT_FORMAT
        ws.merge_cells(f"{col('primary')}{r}:{col('note')}{r}")
        cell = ws[f"{col('primary')}{r}"]
        cells.put_text(cell, note)
        cell.alignment, cell.border = cells.WRAP, cells.BORDER
        self._unlock(cell)
        ws.row_dimensions[r].height = 2 * LINE_HEIGHT + 4  # room to type; a text grows it

    # -- cells ---------------------------------------------------------------------------------

    def _key(self, node: Node, name: str) -> str:
        return input_key(self.rubric, node.id, name)

    def _text(self, r: int, field: str, text: str | None) -> None:
        if text:
            cells.put_text(self.ws[f"{col(field)}{r}"], text)

    def _number(self, r: int, field: str, value: Decimal | None) -> None:
        if value is not None:
            self.ws[f"{col(field)}{r}"].value = value

    def _label(self, r: int, text: str, points: Decimal | None) -> None:
        """A computed row: its label across the name columns, bold, shaded."""
        ws = self.ws
        ws.merge_cells(f"{col('primary')}{r}:{col('criteria')}{r}")
        cells.put_text(ws[f"{col('primary')}{r}"], text)
        self._number(r, "points", points)
        for field in COLUMNS:
            cell = ws[f"{col(field)}{r}"]
            cell.font, cell.fill = cells.BOLD, cells.TOTAL_FILL

    def _formula(self, r: int, field: str, formula: str, total: bool = False) -> None:
        cell = self.ws[f"{col(field)}{r}"]
        cells.put_formula(cell, formula)
        if not total:
            cell.fill = cells.COMPUTED_FILL

    def _sums(self, r: int, rows: list[int]) -> None:
        """Both score columns of row ``r`` sum the same columns of ``rows``."""
        for field in SCORE_FIELDS:
            formula = formulas.cell_sum([f"{col(field)}{i}" for i in rows])
            self._formula(r, field, formula, total=True)

    def _unlock(self, cell: Any) -> None:
        cell.protection, cell.fill = cells.UNLOCKED, cells.INPUT_FILL

    def _score_inputs(self, r: int, node: Node, cap: Decimal | None) -> None:
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        for field in SCORE_FIELDS:
            cell = self.ws[f"{col(field)}{r}"]
            self._unlock(cell)
            if node.allowed is not None:
                self._validate_allowed(cell.coordinate, node.allowed)
            else:
                self._validate(cell.coordinate, "score", cap, node.step)
            if entry is not None:
                cell.value = entry.column(field)

    def _note(self, r: int, node: Node) -> None:
        cell = self.ws[f"{col('note')}{r}"]
        self._unlock(cell)
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        if entry is not None and entry.note:
            cells.put_text(cell, entry.note)

    def _validate(
        self, ref: str, kind: str, cap: Decimal | None = None, step: Decimal | None = None
    ) -> None:
        step = step or self.rubric.step
        key = (kind, format_decimal(cap) if cap is not None else "", format_decimal(step))
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.validation(kind, cap, step)
        validation.add(ref)

    def _validate_allowed(self, ref: str, allowed: tuple[Decimal, ...]) -> None:
        values = ",".join(format_decimal(v) for v in allowed)
        key = ("allowed", values, "")
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.allowed_values(values)
        validation.add(ref)

    # -- merges, heights, page -----------------------------------------------------------------

    def _merge_groups(self) -> None:
        """Merge the 一级/二级/评估方法 cells down the rows of their indicator, and the 考察点
        cell of an item down its parts, as on the paper form."""
        keys: dict[str, Callable[[FormRow], object]] = {
            "primary": lambda row: row.primary.id if row.primary else (
                row.kind if row.kind in (ADJUSTMENT, VETO) else None),
            "methods": lambda row: row.primary.id if row.primary else None,
            "secondary": lambda row: row.secondary.id if row.secondary else None,
            "focus": lambda row: row.item.id if row.kind in (ITEM, PART) and row.item else None,
        }
        for field, key in keys.items():
            start = 0
            for index in range(1, len(self.rows) + 1):
                here = key(self.rows[start])
                if index < len(self.rows) and key(self.rows[index]) == here and here is not None:
                    continue
                if here is not None and index - start > 1:
                    letter = col(field)
                    self.ws.merge_cells(
                        f"{letter}{FIRST_ROW + start}:{letter}{FIRST_ROW + index - 1}"
                    )
                start = index

    def _sheet_setup(self, college: str) -> None:
        ws = self.ws
        ws.freeze_panes = f"A{FIRST_ROW}"
        apply_print_setup(ws, document=self.rubric.name, section=college,
                          title_rows=f"{HEADER_ROW}:{HEADER_ROW}", widths=WIDTHS.values())
        ws.protection.sheet = True  # no password: it guards against slips, not people
        ws.protection.formatColumns = False
        ws.protection.formatRows = False


def _group_name(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.points is None:
        return f"{node.id} {node.name}"
    return f"{node.id} {node.name}" + hint(counted("form-points", node.points),
                                           points=format_decimal(node.points))


def _methods(item: Node, chains: dict[str, tuple[Node, ...]]) -> tuple[str, ...]:
    for node in (item, *reversed(chains[item.id])):
        if node.methods:
            return node.methods
    return ()
