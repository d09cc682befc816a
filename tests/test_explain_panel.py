"""How a panel's figures are explained: which are aggregated and which are exact sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from jyscore.core.explain_panel import panel_work
from jyscore.core.panels import PanelSettings, score_panel
from jyscore.readers.rubric import load_rubric
from jyscore.readers.sheet import load_sheet

TOTALS = Path(__file__).parent / "data" / "totals"
# the deduction sheet's items without its adjustments and vetoes: 1.1 assessed 2.5, base 96.5
ITEMS = (TOTALS / "explain" / "deduction-veto-grade.yaml").read_text(
    encoding="utf-8").split("adjustments:")[0]


def _panel(tmp_path: Path, level: str):
    rubric = load_rubric(TOTALS / "rubric.yaml")
    bodies = {  # 王老师 deducts 30; 李老师 gives 1.1 six points
        "王老师": ITEMS + "adjustments:\n  造假: {assessed: 30}\n",
        "李老师": ITEMS.replace("1.1: {self: 6, assessed: 2.5}", "1.1: {self: 6, assessed: 6}"),
        "张老师": ITEMS,
    }
    sheets = []
    for name, body in bodies.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"assessor: {name}\n{body}", encoding="utf-8")
        sheets.append(load_sheet(path, rubric))
    panel, _ = score_panel(rubric, sheets, PanelSettings("mean", level, 2))
    return panel


# (level, figure) -> how its exact aggregate is explained (the second line of its work)
@pytest.mark.parametrize(("level", "key", "line"), [
    ("total", "1.1", "Exact aggregate: (2.5 + 6 + 2.5) / 3 = 11/3 = 3.666666…."),
    ("item", "1.1", "Exact aggregate: (2.5 + 6 + 2.5) / 3 = 11/3 = 3.666666…."),
    ("total", "adjustments", "Exact aggregate: (-30 + 0 + 0) / 3 = -10."),
    # at level item too the adjustments are aggregated, not summed, and added to the total
    ("item", "adjustments", "Exact aggregate: (-30 + 0 + 0) / 3 = -10."),
    ("item", "1", "Exact aggregate, the sum of 1.1 + 1.2 + 1.3 + 1.4: "
                  "11/3 + 5 + 4 + 6 = 56/3 = 18.666666…."),
    # the parts of the total named by the rubric's labels; a negative part subtracted
    ("item", "total", "Exact aggregate, the sum of 基础分 + 加分 + 调整: "
                      "293/3 + 0 − 10 = 263/3 = 87.666666…."),
    ("total", "total", "Exact aggregate: (66.5 + 100 + 96.5) / 3 = 263/3 = 87.666666…."),
])
def test_each_figure_says_how_it_was_made(tmp_path, level, key, line):
    work = panel_work(_panel(tmp_path, level), ("1", "1.1"))
    found = {figure.key: figure for figure in work.figures}
    assert found[key].lines[1] == line
