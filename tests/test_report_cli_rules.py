"""`jyscore compare` and `report` use `rank`'s rules: output formats, empty folders, invalid
sheets (named when skipped, "nothing written" and the --skip-invalid hint when not), and the
years given the wrong way round.

On the tiny rubric (tests/data/report): 2023 and 2024 are valid; a copy of 2024 with bad.yaml
(1.1 scored 9 of 5, JY101) is invalid.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT

REPORT = DATA / "report"
TINY = str(DATA / "rubrics" / "tiny.yaml")
NO_SHEETS = "no score sheets found in this folder"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(REPORT / "2024", folder)
    (folder / "bad.yaml").write_text("college: 坏学院\nyear: 2024\nrubric: tiny\nscores:\n"
                                     "  1.1: {self: 9, assessed: 9}\n", encoding="utf-8")
    return folder


def test_compare_names_the_skipped_sheets_in_json_csv_and_table(invalid):
    common = ["compare", "--rubric", TINY, str(REPORT / "2023"), str(invalid), "--skip-invalid"]
    data = json.loads(invoke(*common, "-f", "json").stdout)
    assert [(s["file"], s["year"]) for s in data["skipped"]] == [(str(invalid / "bad.yaml"), 2024)]
    assert "JY101" in [p["code"] for p in data["skipped"][0]["problems"]]
    sections = re.split(r"\r?\n\r?\n", invoke(*common, "-f", "csv").stdout.strip())
    assert list(csv.reader(io.StringIO(sections[-1]))) == [
        ["Sheet skipped as invalid", "Year"], [str(invalid / "bad.yaml"), "2024"]]
    table = invoke(*common).stdout
    assert "Skipped as invalid in 2024, not compared:" in table and "bad.yaml" in table


def test_compare_without_skipped_sheets_has_an_empty_list_and_three_csv_sections():
    common = ["compare", "--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024")]
    assert json.loads(invoke(*common, "-f", "json").stdout)["skipped"] == []
    assert len(re.split(r"\r?\n\r?\n", invoke(*common, "-f", "csv").stdout.strip())) == 3


def test_a_format_contradicting_the_extension_is_wrong_usage(tmp_path):
    examples = ROOT / "examples"
    report = invoke("report", str(examples / "2024"), "-o", str(tmp_path / "x.json"))
    assert report.exit_code == 2 and "HTML page" in report.stderr
    assert not (tmp_path / "x.json").exists()
    compared = invoke("compare", str(examples / "2023"), str(examples / "2024"),
                      "-o", str(tmp_path / "o.csv"), "--format", "json")
    assert compared.exit_code == 2 and "contradicts" in compared.stderr
    assert not (tmp_path / "o.csv").exists()
    ranked = invoke("rank", str(examples / "2024"), "-o", str(tmp_path / "o.csv"), "-f", "json")
    assert ranked.exit_code == 2 and "contradicts" in ranked.stderr
    assert invoke("report", str(examples / "2024"), "-o", str(tmp_path / "x.HTM")).exit_code == 0


def test_an_empty_folder_is_wrong_usage_as_for_rank(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    runs = [
        ["rank", str(empty)],
        ["report", str(empty), "-o", str(tmp_path / "a.html")],
        ["report", "--rubric", TINY, str(REPORT / "2024"), "--previous", str(empty),
         "-o", str(tmp_path / "b.html")],
        ["compare", str(empty), str(ROOT / "examples" / "2024")],
        ["compare", str(ROOT / "examples" / "2024"), str(empty)],
    ]
    for args in runs:
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert f"{empty}: {NO_SHEETS}" in result.stderr, args
    assert not list(tmp_path.glob("*.html"))


@pytest.mark.parametrize("command", ["rank", "report", "compare"])
def test_an_invalid_sheet_stops_with_nothing_written_and_the_hint(tmp_path, invalid, command):
    target = tmp_path / ("out.html" if command == "report" else "out.json")
    args = {"rank": ["rank", str(invalid)],
            "report": ["report", str(invalid)],
            "compare": ["compare", str(REPORT / "2023"), str(invalid)]}[command]
    result = invoke(*args, "--rubric", TINY, "-o", str(target))
    assert result.exit_code == 1
    assert "JY101" in result.stderr
    assert f"nothing was written to {target}" in result.stderr
    assert "add --skip-invalid" in result.stderr
    assert not target.exists()


def test_a_report_on_the_same_year_as_its_previous_is_refused(tmp_path):
    target = tmp_path / "r.html"
    result = invoke("report", "--rubric", TINY, str(REPORT / "2024"), "--previous",
                    str(REPORT / "2024"), "-o", str(target))
    assert result.exit_code == 2
    assert "--previous holds the sheets of 2024, the year of the report itself" in result.stderr
    assert not target.exists()


def test_years_given_the_wrong_way_round_are_warned_of():
    reversed_ = invoke("compare", "--rubric", TINY, str(REPORT / "2024"), str(REPORT / "2023"),
                       "-f", "json")
    assert reversed_.exit_code == 0
    assert "warning: OLD holds the sheets of 2024 and NEW those of 2023" in reversed_.stderr
    assert json.loads(reversed_.stdout)["from"]["year"] == 2024
    ordered = invoke("compare", "--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"))
    assert "warning" not in ordered.stderr


def test_one_college_is_one_college(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(REPORT / "2024" / "a.yaml", folder)
    target = tmp_path / "r.html"
    result = invoke("report", "--rubric", TINY, str(folder), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "(1 college)" in result.stderr
    html = target.read_text(encoding="utf-8")
    assert ", 1 college ranked on" in html and "1 colleges" not in html


def test_nothing_lost_is_white_in_the_heat_map():
    from decimal import Decimal

    from jyscore.core.losses import ItemLosses, LossTable
    from jyscore.readers.rubric import load_rubric
    from jyscore.writers.report_charts import NOTHING_LOST, heatmap_spec

    item = load_rubric(Path(TINY)).items[0]
    spec = heatmap_spec(LossTable(("甲", "乙"), (ItemLosses(item, (Decimal(0), Decimal(1))),)),
                        {"college": "c", "item": "i", "share": "s"})
    color = spec["encoding"]["color"]
    assert color["condition"] == {"test": "datum.share == 0", "value": NOTHING_LOST}
    assert NOTHING_LOST == "#ffffff"
    assert [v["share"] for v in spec["data"]["values"]] == [0.0, 0.2]
