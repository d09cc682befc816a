"""LibreOffice recalculates filled forms headless; the form's own 总分 must equal the engine's.

This proves the formulas (subtotals, the rate-steps bonus with its float guards, the totals) agree
with the exact engine, in a real spreadsheet program. Skipped where LibreOffice is not installed;
`.ci/run` installs Debian's libreoffice-calc when it can.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jyscore import load_sheet, score
from jyscore.core.models import Entry, Sheet
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import read_sheet
from jyscore.writers.xlsx.form import build_form

from .conftest import ROOT
from .xlsx_helpers import fill, id_rows, set_cells, total_cells

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

EXAMPLES = sorted((ROOT / "examples" / "2024").glob("*.yaml"))
D = Decimal
# 6.1.1 inputs on and around the step boundaries (target step 5, +1 a step, at most 4)
RATE_CASES = {
    "exact-step-counts": {"target": D("89.4"), "graduates": D(125), "employed": D(118)},  # 94.4: +1
    "just-below-counts": {"target": D("89.4"), "graduates": D(125), "employed": D(117)},  # 93.6: 0
    "exact-step-rate": {"target": D("60.1"), "rate": D("65.1")},  # exactly 5 over: +1
    "just-below-rate": {"target": D("60.11"), "rate": D("65.1")},  # 4.99 over: 0
    "capped": {"target": D(70), "rate": D(98)},  # 28 over: 5 steps, capped at 4
    "at-target": {"target": D("94.4"), "graduates": D(125), "employed": D(118)},  # 0
    "thirds": {"target": D("56.6"), "graduates": D(3), "employed": D(2)},  # 66.67 - 56.6: +2
    "two-steps-counts": {"target": D("84.4"), "graduates": D(125), "employed": D(118)},  # 10: +2
}


def recalculate(files: list[Path], work: Path) -> Path:
    out = work / "recalculated"
    profile = work / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=600,
    )
    return out


def cached(path: Path) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    """The values LibreOffice computed for 基础分, 加分, 总分 and 等级 (self, assessed)."""
    ws = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    found = {}
    for label, row in total_cells(ws).items():
        values = [ws[f"{c}{row}"].value for c in "HI"]
        found[label] = tuple(  # a grade is text
            None if v is None else v if isinstance(v, str) else Decimal(repr(v)) for v in values
        )
    return found


def with_rate(sheet: Sheet, inputs: dict[str, Decimal]) -> Sheet:
    entries = dict(sheet.entries)
    entries["6.1.1"] = Entry("6.1.1", inputs=inputs)
    return dataclasses.replace(sheet, entries=entries)


def self_only(sheet: Sheet) -> Sheet:
    entries = {
        k: dataclasses.replace(e, assessed=None) for k, e in sheet.entries.items()
    }
    return dataclasses.replace(sheet, entries=entries, columns=("self",))


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, rubric):
    work = tmp_path_factory.mktemp("libreoffice")
    blank = work / "blank.xlsx"
    build_form(rubric, "学院", 2024).save(blank)
    sheets: dict[str, Sheet] = {p.stem: load_sheet(p, rubric) for p in EXAMPLES}
    base = sheets["文学院"]
    sheets.update({name: with_rate(base, inputs) for name, inputs in RATE_CASES.items()})
    sheets["self-only"] = self_only(base)
    files = [fill(blank, rubric, sheet, work / f"{name}.xlsx") for name, sheet in sheets.items()]
    # issue 14: a score typed as text (1.4.1 self, 3 -> '3'), and a ranking workbook to re-save
    files.append(set_cells(work / "文学院.xlsx", {"H15": "3"}, work / "number-as-text.xlsx"))
    files.append(work / "ranking.xlsx")
    from click.testing import CliRunner

    from jyscore.cli import cli

    ranked = CliRunner().invoke(cli, ["rank", str(EXAMPLES[0].parent), "-o", str(files[-1])])
    assert ranked.exit_code == 0, ranked.output
    out = recalculate(files, work)
    return sheets, out


def test_libreoffice_totals_equal_the_engine(recalculated, rubric):
    sheets, out = recalculated
    labels = rubric.labels
    for name, sheet in sheets.items():
        result = score(rubric, sheet)
        values = cached(out / f"{name}.xlsx")
        for index, column in enumerate(("self", "assessed")):
            totals = result.totals[column]
            if totals is None:
                continue
            assert values[labels.total][index] == totals.total, (name, column)
            assert values[labels.base][index] == totals.base, (name, column)
            assert values[labels.bonus][index] == totals.bonus, (name, column)


def test_rate_steps_on_the_boundaries(recalculated, rubric):
    sheets, out = recalculated
    expected = {"exact-step-counts": 1, "just-below-counts": 0, "exact-step-rate": 1,
                "just-below-rate": 0, "capped": 4, "at-target": 0, "thirds": 2,
                "two-steps-counts": 2}
    for name, points in expected.items():
        ws = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True).worksheets[0]
        cell = ws[f"H{id_rows(ws)['6.1.1']}"].value
        assert Decimal(repr(cell)) == points, name
        rows = [r for r in score(rubric, sheets[name]).bonus_rows if r.node.id == "6.1.1"]
        assert rows[0].scores["assessed"] == points, name


def test_a_form_saved_by_libreoffice_reads_back_the_same(recalculated, rubric):
    sheets, out = recalculated
    for name in ("文学院", "capped", "self-only"):
        again = read_sheet(out / f"{name}.xlsx", rubric)
        assert again.entries == sheets[name].entries, name


def test_the_forms_total_skips_a_number_stored_as_text_so_jyscore_refuses_it(recalculated, rubric):
    """Issue 14: the workbook's own 总分 leaves a text cell out; jyscore says so at the cell
    instead of printing a total that disagrees with the workbook."""
    sheets, out = recalculated
    total = rubric.labels.total
    typed = cached(out / "文学院.xlsx")[total][0]
    as_text = cached(out / "number-as-text.xlsx")[total][0]
    assert typed is not None and as_text == typed - 3  # LibreOffice's SUM skipped the text '3'
    with pytest.raises(JyscoreError) as caught:
        read_sheet(out / "number-as-text.xlsx", rubric)
    assert [(p.code, p.cell) for p in caught.value.problems] == [("JY613", "H15")]


def test_a_ranking_workbook_saved_by_libreoffice_is_still_known_as_an_output(recalculated):
    from jyscore.form.marks import is_own_output

    _, out = recalculated
    assert is_own_output(out / "ranking.xlsx")


# -- the composite rubric: every rule kind with its own formula --------------------------------

COMPOSITE = ROOT / "rubric" / "composite-employment.yaml"
COMPOSITE_EXAMPLES = sorted((ROOT / "examples" / "composite-employment").glob("*.yaml"))
# inputs on and around each kind's boundaries: (item, inputs once, inputs per column)
KIND_CASES = {
    "per-unit-cap": ("1.2", {"meetings": D(4)}, {}),
    "per-unit-per-column": ("1.2", {},
                            {"self": {"meetings": D(9)}, "assessed": {"meetings": D(1)}}),
    "deduction-used-up": ("1.3", {"late": D(10)}, {}),
    "deduction-floor": ("1.3", {"late": D(13)}, {}),
    "below-on-line": ("2.1", {"rate": D(95)}, {}),
    "below-one-step": ("2.1", {"rate": D(94)}, {}),
    "below-just-under": ("2.1", {"rate": D("94.01")}, {}),
    "below-thirds": ("2.1", {"rate": D("88.3")}, {}),
    "tiers-exact-4": ("2.2", {"rate": D("64.02"), "strive": D(95), "pass_line": D(90),
                              "last_year": D("60.02")}, {}),
    "tiers-none": ("2.2", {"rate": D("64.02"), "strive": D(95), "pass_line": D(90),
                           "last_year": D("60.03")}, {}),
    "tiers-per-column": ("2.2", {"strive": D(95), "pass_line": D(90), "last_year": D(80)},
                         {"self": {"rate": D(95)}, "assessed": {"rate": D("89.99")}}),
    "exclusive-exact": ("2.3", {"rate": D("91.1"), "target": D("93.1")}, {}),
    "exclusive-past": ("2.3", {"rate": D("91.09"), "target": D("93.1")}, {}),
    "counters-cap": ("3.1", {"individual": D(5), "group": D(2)}, {}),
    "counters-under": ("3.1", {"individual": D(4), "group": D(2)}, {}),
    "above-exact": ("6.1", {"rate": D("65.1"), "target": D("60.1")}, {}),
    "above-capped": ("6.1", {"rate": D(100), "target": D(60)}, {}),
    "formula-award": ("6.4", {"people": D(3), "award": D(1)}, {}),
    "formula-capped": ("6.4", {"people": D(5), "award": D(1)}, {}),
    "formula-per-column": ("6.4", {"people": D(1)},
                           {"self": {"award": D(1)}, "assessed": {"award": D(0)}}),
}


# adjustments and vetoes of the composite rubric, on 文学院 (self 93.8, assessed 85.1 by hand):
# (adjustments {id: (self, assessed)}, vetoes {id: (self, assessed)})
TOTALS_CASES = {
    "adjust-deduct": ({"造假": (None, D(30))}, {}),  # assessed 55.1
    "adjust-both": ({"迟报": (D("2.5"), D("0.5")), "表彰": (D(3), D(1))}, {}),  # 94.3 / 85.6
    "adjust-on-90": ({"表彰": (None, D("1.5")), "迟报": (D("3.5"), D("0.5"))}, {}),  # 90.3 / 86.1
    "veto-total": ({"表彰": (D(3), D(3))}, {"否决1": (False, True)}),  # assessed 0, 不合格
    "veto-grade": ({}, {"否决2": (True, False)}),  # self 93.8, 不合格
    "veto-both": ({"造假": (D(30), None)}, {"否决1": (True, True), "否决2": (True, False)}),
}


def with_totals(sheet: Sheet, adjustments: dict, vetoes: dict) -> Sheet:
    from jyscore.core.models import AdjustmentEntry, VetoEntry

    return dataclasses.replace(
        sheet,
        adjustments=tuple(AdjustmentEntry(k, *v) for k, v in adjustments.items()),
        vetoes=tuple(VetoEntry(k, *v) for k, v in vetoes.items()),
    )


def with_inputs(sheet: Sheet, item_id: str, inputs: dict, per_column: dict) -> Sheet:
    entries = dict(sheet.entries)
    entries[item_id] = Entry(item_id, inputs=inputs, column_inputs=per_column)
    return dataclasses.replace(sheet, entries=entries)


@pytest.fixture(scope="module")
def composite_recalculated(tmp_path_factory):
    from jyscore import load_rubric

    rubric = load_rubric(COMPOSITE)
    work = tmp_path_factory.mktemp("libreoffice-composite")
    blank = work / "blank.xlsx"
    build_form(rubric, "学院", 2024).save(blank)
    sheets = {p.stem: load_sheet(p, rubric) for p in COMPOSITE_EXAMPLES}
    base = sheets["文学院"]
    for name, (item_id, inputs, per_column) in KIND_CASES.items():
        sheets[name] = with_inputs(base, item_id, inputs, per_column)
    for name, (adjustments, vetoes) in TOTALS_CASES.items():
        sheets[name] = with_totals(base, adjustments, vetoes)
    files = [fill(blank, rubric, sheet, work / f"{name}.xlsx") for name, sheet in sheets.items()]
    return rubric, sheets, recalculate(files, work)


def test_libreoffice_computes_every_kind_as_the_engine(composite_recalculated):
    rubric, sheets, out = composite_recalculated
    for name, sheet in sheets.items():
        result = score(rubric, sheet)
        ws = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True).worksheets[0]
        rows = id_rows(ws)
        for row in (*result.rows, *result.bonus_rows):
            if row.node.id not in rows:
                continue  # groups: their names fill merged cells
            for letter, value in (("H", row.self), ("I", row.assessed)):
                cell = ws[f"{letter}{rows[row.node.id]}"].value
                if value is None or (cell is None and not rules_computed(row.node)):
                    continue
                assert Decimal(repr(cell)) == value, (name, row.node.id, letter, cell, value)
        values = cached(out / f"{name}.xlsx")
        for index, column in enumerate(("self", "assessed")):
            totals = result.totals[column]
            if totals is not None:
                assert values[rubric.labels.total][index] == totals.total, (name, column)
                assert values[rubric.labels.grade][index] == totals.grade, (name, column)


def test_libreoffice_totals_with_adjustments_and_vetoes_as_worked_by_hand(composite_recalculated):
    """The same figures, worked by hand from 文学院's 93.8 / 85.1 (bands 90, 80, 60)."""
    rubric, _, out = composite_recalculated
    hand = {
        "adjust-deduct": ((D("93.8"), "优秀"), (D("55.1"), "不合格")),
        "adjust-both": ((D("94.3"), "优秀"), (D("85.6"), "良好")),  # −2.5+3 / −0.5+1
        "adjust-on-90": ((D("90.3"), "优秀"), (D("86.1"), "良好")),  # −3.5 / +1.5−0.5
        "veto-total": ((D("96.8"), "优秀"), (D(0), "不合格")),
        "veto-grade": ((D("93.8"), "不合格"), (D("85.1"), "良好")),
        "veto-both": ((D(0), "不合格"), (D(0), "不合格")),
    }
    for name, columns in hand.items():
        values = cached(out / f"{name}.xlsx")
        for index, (total, grade) in enumerate(columns):
            assert values[rubric.labels.total][index] == total, (name, index)
            assert values[rubric.labels.grade][index] == grade, (name, index)


def rules_computed(node) -> bool:
    from jyscore.core import rules

    return not rules.hand_scored(node)


@pytest.mark.parametrize(
    ("file", "rates"),
    [("steps-both.yaml", ["90", "93.99", "99", "89.5", "89", "0"]),
     ("formula.yaml", ["95", "94.99", "90", "89.99", "88.5", "64.02", "60", "0"])],
)
def test_libreoffice_small_rubrics(tmp_path, file, rates):
    from jyscore import load_rubric
    from jyscore.core.models import Sheet

    rubric = load_rubric(ROOT / "tests" / "data" / "rules" / file)
    blank = tmp_path / "blank.xlsx"
    build_form(rubric, "学院", 2024).save(blank)
    sheets = {}
    for index, rate in enumerate(rates):
        entry = Entry("1.1", inputs={"rate": D(rate)})
        sheets[f"r{index}"] = Sheet("x", "学院", 2024, rubric.id, {"1.1": entry})
    sheets["per-column"] = Sheet("x", "学院", 2024, rubric.id, {"1.1": Entry(
        "1.1", column_inputs={"self": {"rate": D("92")}, "assessed": {"rate": D("88")}})})
    files = [fill(blank, rubric, sheet, tmp_path / f"{name}.xlsx")
             for name, sheet in sheets.items()]
    out = recalculate(files, tmp_path)
    for name, sheet in sheets.items():
        ws = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True).worksheets[0]
        row = id_rows(ws)["1.1"]
        result = score(rubric, sheet)
        item = next(r for r in result.rows if r.node.id == "1.1")
        assert Decimal(repr(ws[f"H{row}"].value)) == item.self, (name, item.self)
        assert Decimal(repr(ws[f"I{row}"].value)) == item.assessed, (name, item.assessed)
