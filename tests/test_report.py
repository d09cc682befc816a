"""`jyscore report`: the page's contents worked by hand, escaping, offline-ness by construction.

tests/data/report/2024 on the tiny rubric (1.1 worth 5; 1.10 worth 15 with parts 1.10.1 worth 10
and 1.10.2 worth 5; bonus 2.1: 0.5 a paper, at most 2):

* 甲学院: 1.1 4 (lost 1, a <script> note), 1.10.1 9 (lost 1, a note closing the table), 1.10.2 5;
  base 18, 3 papers 1.5, total 19.5, 1st; primary 1: 18 / 20 = 90%;
* the hostile-named 丙学院: 1.1 2 (lost 3), 1.10 15; base 17, 5 papers 2 (capped), 19, 2nd; 85%;
* 乙学院: 1.1 5, 1.10 10 as a whole (lost 5); base 15, no papers, 15, 3rd; 75%. Median: 85%.

Lost on 1.1: 1 + 3 + 0 = 4, mean 1.33, 4 / 15 = 26.7% of the cap, 2 of 3 colleges; on 1.10:
1 + 0 + 5 = 6, mean 2, 6 / 45 = 13.3%, 2 of 3: 1.1 comes first.
Previous year (2023): 甲学院 16 (3rd) → +3.5 and 2 places up; 乙学院 20.5 (1st) → −5.5, 2 down.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT

REPORT = DATA / "report"
TINY = str(DATA / "rubrics" / "tiny.yaml")
HOSTILE = '"><img src=x onerror=alert(1)>丙学院'
NOTE = "<script>alert('note')</script> javascript:alert(1)"


class Page(HTMLParser):
    """Every element with its attributes, the text, and each section's tables as cell texts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.tables: dict[str, list[list[list[str]]]] = {}
        self.section = ""
        self.cell: list[str] | None = None
        self.row: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "section":
            self.section = attributes.get("id") or ""
        elif tag == "table":
            self.tables.setdefault(self.section, []).append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr":
            self.tables[self.section][-1].append(self.row)

    def handle_data(self, data):
        self.texts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def make(tmp_path: Path, *extra: str, folder: Path = REPORT / "2024"):
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--rubric", TINY, str(folder), "-o", str(target),
                                      *extra], catch_exceptions=False)
    return result, target


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Page:
    tmp = tmp_path_factory.mktemp("report")
    result, target = make(tmp, "--previous", str(REPORT / "2023"))
    assert result.exit_code == 0, result.output
    return Page(target.read_text(encoding="utf-8"))


def rows(page: Page, section: str, index: int = 0) -> list[list[str]]:
    return page.tables[section][index]


def test_ranking_with_exact_totals_and_changes(page):
    table = rows(page, "ranking")
    assert table[0][:2] == ["rank", "college"]
    assert table[0][-2:] == ["Change in total", "Places moved"]
    assert [r[:2] + r[3:6] for r in table[1:]] == [
        ["1", "甲学院", "18", "1.5", "19.5"],
        ["2", HOSTILE, "17", "2", "19"],
        ["3", "乙学院", "15", "0", "15"],
    ]
    assert [r[-2:] for r in table[1:]] == [["+3.5", "+2"], ["new", "—"], ["-5.5", "-2"]]


def test_items_where_colleges_lose_most_come_first(page):
    table = rows(page, "losses")
    assert [r[0] for r in table[1:]] == ["1.1", "1.10"]
    assert table[1][2:] == ["5", "1.33", "26.7%", "2 of 3", "4"]
    assert table[2][2:] == ["15", "2", "13.3%", "2 of 3", "6"]


def test_a_college_section_worked_by_hand(page):
    first = page.tables["college-1"]
    primary, lost, bonus = first
    assert primary[1][2:] == ["20", "18", "90%", "85%"]
    assert [r[:5] for r in lost[1:]] == [["1.1", "甲一", "5", "4", "1"],
                                          ["1.10.1", "甲十之一", "10", "9", "1"]]
    assert lost[1][5] == NOTE  # the note, as text
    assert lost[2][5].startswith("少一次会议</td></tr></table><b>x</b>")
    assert bonus[1][0] == "2.1" and bonus[1][4] == "1.5"
    assert "count 3" in bonus[1][2] and "0.5 per count, at most 2" in bonus[1][3]
    # 乙学院 scored 1.10 as a whole: the item, not its parts, is where it lost
    third = page.tables["college-3"]
    assert [r[:5] for r in third[1][1:]] == [["1.10", "甲十", "15", "10", "5"]]
    assert third[1][1][5] == "材料不全"


def test_previous_year_section(page):
    table = rows(page, "previous")
    assert ["丁学院", "18", "2", "—", "—", "—", "—"] in table
    assert ["甲学院", "16", "3", "19.5", "1", "+3.5", "+2"] in table


def test_hostile_names_and_notes_stay_text(page):
    tags = {tag for tag, _ in page.elements}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert "iframe" not in tags and "foreignobject" not in tags
    for tag, attributes in page.elements:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        href = attributes.get("href") or attributes.get("xlink:href")
        if href is not None:
            assert re.fullmatch(r"#college-\d+", href), href
    text = "".join(page.texts)
    assert HOSTILE in text and NOTE in text


def test_the_page_cannot_fetch_or_run_anything(page):
    csp = [a["content"] for tag, a in page.elements
           if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"]
    for tag, attributes in page.elements:
        for name, value in attributes.items():
            if name == "content" or name.startswith(("xmlns", "aria-")) or not value:
                continue  # the CSP itself; namespace names and screen-reader labels fetch nothing
            assert not re.search(r"https?:|//|javascript:|url\((?!#)", value), (tag, name)


def test_self_contained_and_printable(tmp_path):
    result, target = make(tmp_path)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") == 2 + 3  # totals, heat map, one per college
    assert "<link" not in html and "@import" not in html
    assert not any("src" in attributes for _, attributes in Page(html).elements)
    assert "@page { size: A4" in html and "break-before: page" in html
    assert "Noto Sans CJK SC" in html and "Microsoft YaHei" in html
    assert 'id="previous"' not in html and "id=previous" not in html


def test_invalid_sheets_refused_with_nothing_written_or_skipped_and_named(tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_bytes((REPORT / "2024" / name).read_bytes())
    (folder / "bad.yaml").write_text("college: 坏学院\nyear: 2024\nrubric: tiny\nscores:\n"
                                     "  1.1: {self: 9, assessed: 9}\n", encoding="utf-8")
    refused, target = make(tmp_path, folder=folder)
    assert refused.exit_code == 1
    assert "JY101" in refused.stderr and not target.exists()
    skipped, target = make(tmp_path, "--skip-invalid", folder=folder)
    assert skipped.exit_code == 0, skipped.output
    page = Page(target.read_text(encoding="utf-8"))
    text = "".join(page.texts)
    assert "Sheets left out" in text and str(folder / "bad.yaml") in text
    assert "5:15 JY101 [1.1 甲一] self 9 is over the cap" in text
    assert "坏学院" not in [r[1] for r in rows(page, "ranking")[1:]]


def test_an_existing_file_is_kept_without_force(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("mine", encoding="utf-8")
    result, _ = make(tmp_path)
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "mine"
    result, _ = make(tmp_path, "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_example_report_with_a_changed_rubric_a_year_before(tmp_path):
    target = tmp_path / "r.html"
    result = CliRunner().invoke(cli, [
        "report", str(ROOT / "examples" / "2024"), "-o", str(target),
        "--previous", str(DATA / "compare" / "2023"),
        "--previous-rubric", str(DATA / "compare" / "rubric-2023.yaml"),
    ], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = Page(target.read_text(encoding="utf-8"))
    previous = page.tables["previous"]
    changed, unmatched = previous[1], previous[2]
    assert [r[0] for r in changed[1:]] == ["3.5", "3.6"]
    assert changed[2][2:] == ["5", "4", "40%", "12.5%"]
    assert [r[:2] + r[3:] for r in unmatched[1:]] == [["5.3", "就业统计", "2023"],
                                                      ["5.2", "就业调研", "2024"]]


def test_the_charts_are_inert_and_refused_otherwise():
    from jyscore.writers.report_charts import ChartError, check_inert

    check_inert('<svg xmlns="http://www.w3.org/2000/svg"><g clip-path="url(#c1)">'
                '<text aria-label="url(http://x)">a</text></g></svg>')
    for bad in ('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(http://x/p)"/></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                '<a x:href="javascript:x()">t</a></svg>'):
        with pytest.raises(ChartError):
            check_inert(bad)


@pytest.mark.parametrize("command", ["rank", "compare", "validate"])
def test_other_commands_never_import_the_chart_renderer(tmp_path, command):
    from .test_startup_imports import imported

    folders = [str(ROOT / "examples" / "2024")]
    if command == "compare":
        folders.insert(0, str(ROOT / "examples" / "2023"))
    found = imported(tmp_path, command, *folders, *(["-f", "json"] if command == "compare" else []))
    assert found["exit"] == 0
    assert "vl_convert" not in found["modules"]


def test_one_folder_holding_both_years(tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    for year in ("2023", "2024"):
        for sheet in (REPORT / year).glob("*.yaml"):
            (folder / f"{year}-{sheet.name}").write_bytes(sheet.read_bytes())
    result, target = make(tmp_path, "--year", "2024", "--previous", str(folder),
                          "--previous-year", "2023", folder=folder)
    assert result.exit_code == 0, result.output
    table = Page(target.read_text(encoding="utf-8")).tables["ranking"][0]
    assert [r[-2:] for r in table[1:]] == [["+3.5", "+2"], ["new", "—"], ["-5.5", "-2"]]
