"""`jyscore compare` and the pure comparison, with values worked by hand.

tests/data/report/ (tiny rubric: 1.1 worth 5, 1.10 worth 15, bonus 2.1 at 0.5 a paper, at most 2):

* 2023: 乙学院 20 + 0.5 = 20.5 (1st), 丁学院 18 (2nd), 甲学院 16 (3rd; lost 2 on 1.1, 2 on 1.10);
* 2024: 甲学院 18 + 1.5 = 19.5 (1st; lost 1 on 1.1, 1 on 1.10), the hostile-named 丙学院 17 + 2
  (5 papers, capped) = 19 (2nd; lost 3 on 1.1), 乙学院 15 (3rd; lost 5 on 1.10).

Mean lost on 1.1: 2023 (2 + 0 + 1) / 3 = 1, 2024 (1 + 3 + 0) / 3 = 1.33; on 1.10: 2023
(2 + 0 + 1) / 3 = 1, 2024 (1 + 0 + 5) / 3 = 2.

The changed rubric (tests/data/compare/rubric-2023.yaml) against the built-in one: 3.5 worth 3
then 4, 3.6 worth 5 then 4, 5.3 in 2023 only, 5.2 in 2024 only. In tests/data/compare/2023 the
five colleges lost on 3.6 (cap 5) 2, 1.5, 2, 1.5 and 3 → mean 2, share 0.4; in examples/2024
the seven lost 0, 0.5, 0.5, 0, 1.5, 0 and 1 (cap 4) → 3.5 / 7 = 0.5, share 0.125.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT

REPORT = DATA / "report"
TINY = str(DATA / "rubrics" / "tiny.yaml")
HOSTILE = '"><img src=x onerror=alert(1)>丙学院'


def invoke(*args: str):
    return CliRunner().invoke(cli, ["compare", *args], catch_exceptions=False)


def tiny_json() -> dict:
    result = invoke("--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"), "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_issue_shape_and_values_worked_by_hand():
    data = tiny_json()
    assert data["from"] == {"year": 2023, "rubric": "tiny"}
    assert data["to"] == {"year": 2024, "rubric": "tiny"}
    assert data["colleges"] == [
        {"college": "甲学院", "from": {"total": 16, "rank": 3}, "to": {"total": 19.5, "rank": 1},
         "delta": 3.5},
        {"college": HOSTILE, "from": None, "to": {"total": 19, "rank": 2}, "delta": None},
        {"college": "乙学院", "from": {"total": 20.5, "rank": 1}, "to": {"total": 15, "rank": 3},
         "delta": -5.5},
        {"college": "丁学院", "from": {"total": 18, "rank": 2}, "to": None, "delta": None},
    ]
    items = {item["id"]: item for item in data["items"]}
    assert list(items) == ["1.1", "1.10"]  # by id: 1.10 is not 1.1
    assert items["1.1"] | {} == {
        "id": "1.1", "name": "甲一", "from_cap": 5, "to_cap": 5, "mean_lost_from": 1,
        "mean_lost_to": 1.33, "mean_share_lost_from": 0.2, "mean_share_lost_to": 0.2667,
        "compared_as": "points",
    }
    assert (items["1.10"]["mean_lost_from"], items["1.10"]["mean_lost_to"]) == (1, 2)
    assert data["unmatched"] == []


def test_json_numbers_are_written_exactly():
    result = invoke("--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"), "-f", "json")
    assert '"total": 19.5' in result.stdout and '"delta": -5.5' in result.stdout


def test_a_changed_rubric_is_reported_not_hidden():
    result = invoke("--old-rubric", str(DATA / "compare" / "rubric-2023.yaml"),
                    str(DATA / "compare" / "2023"), str(ROOT / "examples" / "2024"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["from"] == {"year": 2023, "rubric": "imnu-employment-2023"}
    assert data["to"] == {"year": 2024, "rubric": "imnu-employment"}
    assert data["unmatched"] == [
        {"id": "5.3", "name": "就业统计", "cap": 3, "in": "from", "year": 2023},
        {"id": "5.2", "name": "就业调研", "cap": 3, "in": "to", "year": 2024},
    ]
    items = {item["id"]: item for item in data["items"]}
    assert "5.2" not in items and "5.3" not in items
    changed = items["3.6"]
    assert (changed["from_cap"], changed["to_cap"], changed["compared_as"]) == (5, 4, "share")
    assert (changed["mean_lost_from"], changed["mean_lost_to"]) == (2, 0.5)
    assert (changed["mean_share_lost_from"], changed["mean_share_lost_to"]) == (0.4, 0.125)
    assert items["3.5"]["compared_as"] == "share"
    assert items["1.1"]["compared_as"] == "points"


def test_table_names_the_rubric_change_and_the_unmatched_items():
    result = invoke("--old-rubric", str(DATA / "compare" / "rubric-2023.yaml"),
                    str(DATA / "compare" / "2023"), str(ROOT / "examples" / "2024"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "imnu-employment-2023 → imnu-employment" in out
    assert "Items in one year's rubric only" in out
    assert "就业统计" in out and "就业调研" in out
    # 3.6: shares 40% then 12.5%, a change of −27.5 percentage points
    assert "-27.5%" in out


def test_the_examples_compare():
    result = invoke(str(ROOT / "examples" / "2023"), str(ROOT / "examples" / "2024"), "-f", "json")
    assert result.exit_code == 0, result.output
    colleges = {c["college"]: c for c in json.loads(result.stdout)["colleges"]}
    assert colleges["文学院"]["to"] == {"total": 98, "rank": 2}
    assert colleges["地理科学学院"]["to"] is None  # in 2023 only


def test_csv_sections_plain_numbers_and_formula_safety():
    result = invoke("--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"), "-f", "csv")
    assert result.exit_code == 0, result.output
    sections = re.split(r"\r?\n\r?\n", result.stdout)
    assert len(sections) == 3
    colleges = list(csv.reader(io.StringIO(sections[0])))
    assert colleges[0][0] == "College"
    assert colleges[1] == ["甲学院", "16", "3", "19.5", "1", "3.5", "2"]
    assert colleges[3] == ["乙学院", "20.5", "1", "15", "3", "-5.5", "-2"]
    items = list(csv.reader(io.StringIO(sections[1])))
    assert items[1][:4] == ["1.1", "甲一", "5", "5"]


def test_csv_text_cells_cannot_become_formulas(tmp_path):
    for year in (2023, 2024):
        folder = tmp_path / str(year)
        folder.mkdir()
        (folder / "x.yaml").write_text(
            (REPORT / "2024" / "b.yaml").read_text(encoding="utf-8")
            .replace("乙学院", "'=HYPERLINK(\"http://x\")'").replace("2024", str(year)),
            encoding="utf-8",
        )
    result = invoke("--rubric", TINY, str(tmp_path / "2023"), str(tmp_path / "2024"), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(re.split(r"\r?\n\r?\n", result.stdout)[0])))
    assert rows[1][0] == "'=HYPERLINK(\"http://x\")"


def test_output_file_by_extension_and_no_overwrite(tmp_path):
    target = tmp_path / "c.json"
    args = ("--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"), "-o", str(target))
    assert invoke(*args).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["to"]["year"] == 2024
    again = invoke(*args)
    assert again.exit_code == 2
    assert invoke(*args, "--force").exit_code == 0


def test_invalid_sheet_refused_or_skipped(tmp_path):
    folder = tmp_path / "2024"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_bytes((REPORT / "2024" / name).read_bytes())
    (folder / "bad.yaml").write_text("college: 坏学院\nyear: 2024\nrubric: tiny\nscores:\n"
                                     "  1.1: {self: 9, assessed: 9}\n", encoding="utf-8")
    target = tmp_path / "c.json"
    args = ["--rubric", TINY, str(REPORT / "2023"), str(folder), "-o", str(target)]
    refused = invoke(*args)
    assert refused.exit_code == 1
    assert "bad.yaml" in refused.stderr and "JY101" in refused.stderr
    assert not target.exists()
    skipped = invoke(*args, "--skip-invalid")
    assert skipped.exit_code == 0, skipped.output
    assert "bad.yaml" in skipped.stderr
    names = [c["college"] for c in json.loads(target.read_text(encoding="utf-8"))["colleges"]]
    assert "坏学院" not in names and "甲学院" in names


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_unknown_output_extension_is_a_usage_error(tmp_path, suffix):
    result = invoke(str(REPORT / "2023"), str(REPORT / "2024"), "-o", str(tmp_path / f"c{suffix}"))
    assert result.exit_code == 2


def test_pure_comparison_keeps_exact_fractions():
    from fractions import Fraction

    from jyscore import load_rubric
    from jyscore.core.comparison import compare
    from jyscore.pipeline.rank import RankRequest, rank_paths

    tiny = load_rubric(Path(TINY))
    request = RankRequest(tiny, details=True, detail_limit=None)
    before = rank_paths([REPORT / "2023"], request)
    after = rank_paths([REPORT / "2024"], request)
    comparison = compare(before, after)
    item = comparison.items[0]
    assert item.mean_lost_after == Fraction(4, 3)
    assert item.change == Fraction(1, 3)
    assert comparison.change_of("乙学院").rank_change == -2


def test_one_folder_holding_both_years(tmp_path):
    for year in ("2023", "2024"):
        for sheet in (REPORT / year).glob("*.yaml"):
            (tmp_path / f"{year}-{sheet.name}").write_bytes(sheet.read_bytes())
    mixed = invoke("--rubric", TINY, str(tmp_path), str(tmp_path), "-f", "json")
    assert mixed.exit_code == 1 and "JY501" in mixed.stderr
    result = invoke("--rubric", TINY, str(tmp_path), str(tmp_path), "--old-year", "2023",
                    "--year", "2024", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["colleges"] == tiny_json()["colleges"]


def test_a_sheet_changed_between_its_two_reads_is_a_clear_error(tmp_path, monkeypatch):
    """rank_paths reads each sheet again for its items and keeps none for one that changed
    in between: the command says so (exit 1, nothing written), never a traceback."""
    from dataclasses import replace

    import jyscore.cli.ranking as command
    from jyscore.pipeline.rank import rank_paths

    def without_items(paths, request, **options):
        return rank_paths(paths, replace(request, details=False), **options)

    monkeypatch.setattr(command, "rank_paths", without_items)
    target = tmp_path / "c.json"
    result = invoke("--rubric", TINY, str(REPORT / "2023"), str(REPORT / "2024"), "-o", str(target))
    assert result.exit_code == 1
    assert "changed while it was being read" in result.stderr and not target.exists()
