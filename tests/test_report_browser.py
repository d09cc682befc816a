"""The report in a real browser: headless Chromium opens it, takes a screenshot, prints it to PDF.

Why Chromium's own command line and no WebDriver: the page carries a Content-Security-Policy of
``default-src 'none'`` (only its inline styles allowed), so a request to any address is
impossible by construction — the browser blocks it before it is made and says so on the console.
Chromium's ``--enable-logging=stderr`` writes every console message (errors, CSP violations) to
stderr, so "no console message at all" covers both "no console errors" and "no request tried",
without selenium or a DevTools client. ``test_a_request_would_be_seen`` proves the check can
fail. Skipped, with the reason, where Chromium is not installed (.ci/run installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
COLLEGES = sorted(p.stem for p in (EXAMPLES / "2024").glob("*.yaml"))


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
CONSOLE = re.compile(r":CONSOLE[:(]")


def chromium(tmp_path: Path, page: Path, *action: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` with a fresh profile; stderr carries the console."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--enable-logging=stderr",
         "--v=0", *action, page.as_uri()],
        capture_output=True, text=True, timeout=180, env={**os.environ, "LANG": "C.UTF-8"},
    )


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("browser") / "2024-report.html"
    result = CliRunner().invoke(cli, ["report", str(EXAMPLES / "2024"), "--previous",
                                      str(EXAMPLES / "2023"), "-o", str(target)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return target


def test_it_renders_without_console_messages_or_requests(tmp_path, report):
    done = chromium(tmp_path, report, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    dom = done.stdout
    assert "Content-Security-Policy" in dom and "default-src 'none'" in dom
    assert dom.count("<svg") == 2 + 1 + len(COLLEGES)  # totals, heat map, changes, colleges
    for college in COLLEGES:
        assert college in dom


def test_a_request_would_be_seen(tmp_path, report):
    """The check above can fail: the same page with an image from the network is caught."""
    tampered = tmp_path / "tampered.html"
    tampered.write_text(report.read_text(encoding="utf-8").replace(
        "<body>", '<body><img src="http://127.0.0.1:9/pixel.png" alt="">', 1), encoding="utf-8")
    done = chromium(tmp_path, tampered, "--dump-dom")
    messages = console_messages(done.stderr)
    assert any("Content Security Policy" in m and "127.0.0.1" in m for m in messages), messages


def test_screenshot(tmp_path, report):
    shot = tmp_path / "report.png"
    done = chromium(tmp_path, report, f"--screenshot={shot}", "--window-size=1200,1600",
                    "--hide-scrollbars")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a page with text and charts, not a blank one


def test_print_to_pdf_puts_each_college_on_a_new_page(tmp_path, report):
    pdf = tmp_path / "report.pdf"
    done = chromium(tmp_path, report, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert done.returncode == 0, done.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: page starts not checked")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    firsts = [next((line.strip() for line in page.splitlines() if line.strip()), "")
              for page in pages]
    starts = [line for line in firsts if re.match(r"\d+\. ", line)]
    assert sorted(line.split(" ", 1)[1] for line in starts) == COLLEGES
    # about a page per college: nothing small (a bonus table, a caption) pushed to a page of its
    # own; the front (title, ranking, charts, losses, changes) takes a few
    printed = [p for p in pages if p.strip()]
    assert len(printed) <= 2 * len(COLLEGES) + 3
    assert all(len([line for line in p.splitlines() if line.strip()]) >= 3 for p in printed)
    # the ranking's college names are readable, each on one line (not a character a line)
    ranking = next(page for page in pages if "Ranking" in page)
    for college in COLLEGES:
        assert college in ranking, college
