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
from jyscore.excel.template import build_form
from jyscore.loading import read_sheet
from jyscore.models import Entry, Sheet
from jyscore.problems import JyscoreError

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
    """The values LibreOffice computed for 基础分, 加分 and 总分 (self, assessed)."""
    ws = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    found = {}
    for label, row in total_cells(ws).items():
        values = [ws[f"{c}{row}"].value for c in "HI"]
        found[label] = tuple(None if v is None else Decimal(repr(v)) for v in values)
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
    from jyscore.excel.marks import is_own_output

    _, out = recalculated
    assert is_own_output(out / "ranking.xlsx")
