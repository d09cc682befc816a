"""The workbooks print like an official table: LibreOffice turns the examples' ranking workbook and
one filled form into PDF, and the pages are counted per sheet (each page's header names its sheet:
排名, a college, 说明) and read for the title.

Skipped where LibreOffice or poppler's pdftotext is not installed; `.ci/run` installs both (and
CJK fonts) when it can.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import ROOT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed"),
]

EXAMPLES = ROOT / "examples" / "2024"
RUBRIC_NAME = "内蒙古师范大学学生就业工作考核指标体系"


def to_pdf(files: list[Path], work: Path) -> Path:
    out = work / "pdf"
    profile = work / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=600,
    )
    return out


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=120).stdout
    return text.split("\f")[:-1]


def section(page: str) -> str:
    """The sheet a page belongs to: the right part of its page header (the rubric's name on the
    left; a merged cell's text may be laid out beside it, so the first lines are searched)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()][:5]
    header = next((line for line in lines if line.startswith(RUBRIC_NAME)), None)
    assert header is not None, lines
    return re.split(r"\s{2,}", header)[-1]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[str]]:
    work = tmp_path_factory.mktemp("print")
    ranking, form = work / "ranking.xlsx", work / "form.xlsx"
    runner = CliRunner()
    for args in (["rank", str(EXAMPLES), "-o", str(ranking)],
                 ["convert", str(EXAMPLES / "文学院.yaml"), "-o", str(form)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    out = to_pdf([ranking, form], work)
    return {"ranking": pages(out / "ranking.pdf"), "form": pages(out / "form.pdf")}


def test_ranking_prints_one_page_for_the_ranking_and_the_notes_two_per_college(printed):
    counts = Counter(section(page) for page in printed["ranking"])
    colleges = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
    assert counts["排名"] == 1
    assert counts["说明"] == 1
    for college in colleges:
        assert 1 <= counts[college] <= 2, (college, counts)


def test_ranking_title_is_on_page_one(printed):
    first = printed["ranking"][0]
    assert f"{RUBRIC_NAME} 2024 年度排名（考核分数）" in first
    assert "化学与环境科学学院" in first and "105.5" in first
    assert "第 1 页" in first


def test_notes_sheet_is_not_cut(printed):
    notes = [page for page in printed["ranking"] if section(page) == "说明"]
    text = " ".join(" ".join(page.split()) for page in notes)
    # the longest rubric text, whole (wrapped lines joined)
    assert "每提高5个百分点加1分，最多加4分。" in text.replace(" ", "")
    assert "jyscore" in text


def test_a_filled_form_prints_on_at_most_three_pages(printed):
    form = printed["form"]
    assert 1 <= len(form) <= 3
    assert RUBRIC_NAME in form[0] and "文学院" in form[0]
    assert {section(page) for page in form} == {"文学院"}
    # the header row is repeated on every page
    assert all("评分标准" in page and "考核分数" in page for page in form)
