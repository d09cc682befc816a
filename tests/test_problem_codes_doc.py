"""docs/problem-codes.md lists every code of jyscore.i18n.messages.MESSAGES with a one-line example.

The table between the ``codes`` markers is generated from MESSAGES; the test fails when it is
stale (a code added, renamed or reworded). To regenerate it after changing a table of codes
(``jyscore.i18n.codes_*``):

    python -m tests.test_problem_codes_doc
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from jyscore.i18n.messages import MESSAGES

DOC = Path(__file__).parent.parent / "docs" / "problem-codes.md"
BEGIN, END = "<!-- codes:begin (generated from messages.py) -->", "<!-- codes:end -->"

# Realistic values for the examples; a placeholder a code does not get here is shown as ‹name›.
EXAMPLES: dict[str, dict[str, object]] = {
    "JY001": {"reason": "Permission denied"},
    "JY002": {"offset": 118},
    "JY003": {"encoding": "GB18030 (GBK)"},
    "JY004": {"reason": "did not find expected ',' or '}' (while parsing a flow mapping)"},
    "JY007": {"what": "*base", "kind": "score sheet"},
    "JY008": {"tag": "!!float"},
    "JY009": {"key": "1.2", "first_line": 6},
    "JY010": {"size": 2097152, "limit": 1048576, "kind": "score sheet"},
    "JY011": {"limit": 20000, "kind": "score sheet"},
    "JY013": {"limit": 64, "kind": "score sheet"},
    "JY014": {"character": "U+000B"},
    "JY030": {"what": "a named pipe (FIFO)",
              "advice": "jyscore reads sheets, rubrics and targets only from files saved on disk"},
    "JY017": {"character": "U+001B", "index": 1},
    "JY018": {"length": 40000, "limit": 32767},
    "JY019": {"stray": "B2 E2", "offset": 118},
    "JY020": {"what": "the entry for 1.1", "example": "e.g. {self: 4, assessed: 3.5}",
              "found": "'6'", "item": "1.1 领导重视"},
    "JY021": {"field": "year", "hint": "add e.g. 'year: 2024'"},
    "JY022": {"field": "asessed", "where": "the entry for 1.1", "item": "1.1 领导重视",
              "suggestion": " (did you mean 'assessed'?)", "allowed": "self, assessed, note"},
    "JY023": {"field": "year", "value": "二〇二四", "expected": "a year such as 2024"},
    "JY024": {"sheet_rubric": "tiny", "rubric": "imnu-employment"},
    "JY100": {"column": "self", "value": "yes", "hint": " (a yes/no word, not a number)",
              "item": "1.2 队伍建设"},
    "JY101": {"column": "self", "value": 7, "cap": 6, "step": 0.5, "item": "1.1 领导重视"},
    "JY102": {"column": "assessed", "value": -1, "cap": 6, "step": 0.5, "item": "1.1 领导重视"},
    "JY103": {"column": "self", "value": 4.25, "cap": 6, "step": 0.5, "item": "1.1 领导重视"},
    "JY104": {"column": "assessed", "value": 5, "allowed": "0, 4, 6, 9",
              "item": "3.1 就业率目标完成情况"},
    "JY105": {"column": "self", "value": "'1234567890123456789…'", "integer": 12, "fraction": 10,
              "item": "6.2 其他加分"},
    "JY110": {"given": "2.1.3", "rubric": "imnu-employment",
              "suggestion": " (did you mean '2.1.2'?)"},
    "JY111": {"hint": "give 3.6 self/assessed scores", "item": "3.6 思想政治教育"},
    "JY112": {"whole": "line 5", "parts": "1.1.1 line 6, 1.1.2 line 7", "item": "1.1 领导重视"},
    "JY113": {"children": "1.4.1, 1.4.2", "item": "1.4 工作落实"},
    "JY114": {"column": "assessed", "item": "2.2.3 建立学院的毕业生实习、就业基地"},
    "JY120": {"employed": 130, "graduates": 125, "item": "6.1.1 本专科毕业生初次就业率"},
    "JY121": {"field": "rate", "value": 946, "item": "6.1.1 本专科毕业生初次就业率"},
    "JY122": {"reason": "the target rate is missing",
              "expected": "{target: 89.4, rate: 94.4} or {target: 89.4, graduates: 125, "
              "employed: 118}", "item": "6.1.1 本专科毕业生初次就业率"},
    "JY123": {"field": "count", "value": "two", "minimum": "", "item": "6.2 学术研究"},
    "JY124": {"inputs": "target, rate, graduates, employed",
              "item": "6.1.1 本专科毕业生初次就业率"},
    "JY127": {"field": "meetings", "label": "专场招聘会场次", "item": "2.1 专场招聘会",
              "example": "3", "other": "2"},
    "JY128": {"field": "hours", "value": -2, "item": "2.3 就业指导课程"},
    "JY125": {"field": "meetings", "found": "self", "item": "2.1 专场招聘会"},
    "JY126": {"field": "on_time", "value": "'按时'", "item": "1.3 材料报送"},
    "JY200": {"where": "6.2 rule.per_unit",
              "reason": "must be greater than 0", "item": "6.2 学术研究"},
    "JY201": {"kind": "parts", "actual": 5, "declared": 6, "item": "1.1 领导重视"},
    "JY202": {"actual": 99, "declared": 100},
    "JY140": {"column": "assessed", "value": 60, "sign": "", "min": 30, "max": 50, "step": 0.5,
              "item": "造假 统计数据弄虚作假"},
    "JY141": {"column": "assessed", "value": 30.25, "min": 30, "max": 50, "step": 0.5,
              "item": "造假 统计数据弄虚作假"},
    "JY142": {"given": "造价", "what": "adjustments", "rubric": "imnu-totals",
              "suggestion": " (did you mean '造假'?)",
              "declared": "造假 统计数据弄虚作假, 迟报 材料迟报"},
    "JY143": {"column": "assessed", "value": "'是'", "item": "否决1 发生违反就业统计纪律的严重事件",
              "yes": "true", "no": "false"},
    "JY240": {"min": 50, "max": 30, "item": "造假 统计数据弄虚作假"},
    "JY241": {"key": "max", "value": 2.25, "step": 0.5, "item": "迟报 材料迟报"},
    "JY242": {"node_id": "造假", "first_line": 12, "item": "造假 统计数据弄虚作假"},
    "JY243": {"item": "否决1 发生违反就业统计纪律的严重事件"},
    "JY244": {"grade": "不及格", "suggestion": " (did you mean '不合格'?)",
              "bands": "优秀, 良好, 合格, 不合格", "item": "否决1 发生违反就业统计纪律的严重事件"},
    "JY245": {"name": "良好", "reason": "its bound must be below the band above it (bands go "
              "from the highest down)"},
    "JY246": {"name": "优秀"},
    "JY247": {"name": "不合格"},
    "JY248": {"name": "优秀", "quota": 130, "reason": "a quota is a percentage from 0 to 100"},
    "JY249": {"name": "良好"},
    "JY203": {"node_id": "2.2.1", "first_line": 112},
    "JY204": {"node_id": "2.3", "parent_id": "1"},
    "JY205": {"points": 2.25, "step": 0.5},
    "JY207": {"item": "2 市场开发与建设"},
    "JY208": {"reason": "tiers are listed from the most points down: 9 must be less than the "
              "tier above (6)", "item": "3.1 就业率目标完成情况"},
    "JY209": {"reason": "12 is more than the item's 9 points", "item": "3.1 就业率目标完成情况"},
    "JY301": {"college": "文学院", "year": 2024, "other": "sheets/文学院.yaml"},
    "JY302": {"years": "2024 (6 sheets); 2023 (sheets/old/文学院.yaml)"},
    "JY303": {"rubrics": "imnu-employment (6 sheets); tiny (sheets/数学科学学院.yaml)"},
    "JY307": {"college": "文学院\\u200b", "other_college": "文学院", "other": "sheets/文学院.yaml"},
    "JY305": {"self": 6, "gap": 3, "assessed": 3, "max_gap": 2, "item": "1.1 领导重视"},
    "JY306": {"item": "2.2.2 建立用人单位信息库"},
    "JY311": {"assessor": "王老师", "college": "文学院", "year": 2024,
              "other": "panel/文学院-王老师.yaml"},
    "JY312": {"college": "文学院", "year": 2024,
              "files": "panel/文学院-王老师.yaml, panel/文学院-李老师.yaml"},
    "JY313": {"assessor": "王 老师", "spelling": "王老师", "other": "panel/文学院-王老师.yaml"},
    "JY314": {"value": 4, "other_value": 4.5, "other": "panel/文学院-王老师.yaml",
              "item": "1.3 经费投入"},
    "JY315": {"college": "文学院", "year": 2024, "count": 2, "method": "trimmed-mean",
              "minimum": 3, "files": "文学院-王老师.yaml, 文学院-李老师.yaml"},
    "JY316": {"year": 2023, "first": 2024, "other": "文学院-王老师.yaml"},
    "JY318": {"college": "心理学院", "first": "文学院", "other": "文学院-王老师.yaml"},
    "JY319": {"spread": 2, "scores": "王老师 4, 李老师 2, 张老师 3.5", "max_spread": 1,
              "item": "1.3 经费投入"},
    "JY501": {"years": "2023, 2024", "latest": 2024},
    "JY502": {"field": "target", "value": 85, "default": 89.4, "college": "文学院",
              "source": "targets.yaml:3", "item": "6.1.1 本专科毕业生初次就业率"},
    "JY503": {"college": "文学院", "field": "target", "source": "targets.yaml",
              "item": "6.1.1 本专科毕业生初次就业率"},
    "JY504": {"suffixes": "*.yaml, *.yml, *.xlsx"},
    "JY505": {"year": 2025, "years": "2023, 2024"},
    "JY506": {"column": "assessed", "other": "self"},
    "JY507": {"targets_year": 2023, "year": 2024},
    "JY510": {"college": "文学院", "value": 189.4},
    "JY602": {"kind": "perhaps a CSV file renamed to .xlsx"},
    "JY603": {"start": "7B 22 63 6F"},
    "JY604": {"reason": "its zip directory is missing: the file was probably cut short"},
    "JY605": {"size": 31457280, "limit": 20971520},
    "JY606": {"reason": "the part xl/media/zeros.bin would unpack to 1028 times its packed size "
                       "(at most 200 times allowed)"},
    "JY609": {"suffix": ".xlsm"},
    "JY607": {"part": "xl/workbook.xml"},
    "JY608": {"part": "xl/workbook.xml"},
    "JY610": {"formula": "=SUM(H6:H7)", "item": "1.4.1 按时参加学校组织的工作会议"},
    "JY611": {"sheet": "Sheet1", "columns": "编号 and 自评分数 or 考核分数", "rows": 30},
    "JY616": {"sheets": "'Sheet2'", "sheet": "评分表"},
    "JY614": {"rows": 5000, "column": "AN"},
    "JY615": {"sheets": "'评分表'"},
    "JY612": {"key": "1.4.1", "first": "A15", "item": "1.4.1 按时参加学校组织的工作会议"},
    "JY613": {"value": "4.5", "item": "1.4.1 按时参加学校组织的工作会议"},
    "JY701": {"path": "ranking.xlsx"},
    "JY702": {"path": "ranking.xlsx", "reason": "Permission denied"},
    "JY703": {"path": "out/ranking.csv", "reason": "No such file or directory"},
}


class _Placeholders(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return f"‹{key}›"


def example(code: str) -> str:
    params = EXAMPLES.get(code, {})
    text = string.Formatter().vformat(MESSAGES[code].template, (), _Placeholders(params))
    item = params.get("item")
    return f"[{item}] {text}" if item else text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    rows = ["| code | name | example |", "|---|---|---|"]
    for code in sorted(MESSAGES):
        rows.append(f"| `{code}` | {MESSAGES[code].slug} | {_cell(example(code))} |")
    return "\n".join(rows)


def generated(doc: str) -> str:
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{table()}\n{END}{tail}"


def test_doc_lists_every_code():
    doc = DOC.read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc
    listed = set(re.findall(r"^\| `(JY\d{3})` \|", doc, re.MULTILINE))
    missing = sorted(set(MESSAGES) - listed)
    assert not missing, f"{DOC.name} lacks {missing}: run python -m tests.test_problem_codes_doc"
    assert not listed - set(MESSAGES), "the doc lists codes that no longer exist"


def test_doc_table_is_current():
    doc = DOC.read_text(encoding="utf-8")
    assert doc == generated(doc), (
        "docs/problem-codes.md is stale: run python -m tests.test_problem_codes_doc"
    )


def test_every_example_is_one_line():
    for code in MESSAGES:
        assert "\n" not in example(code)


if __name__ == "__main__":
    DOC.write_text(generated(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOC}")
