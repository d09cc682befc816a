"""Nothing a user typed or saved is lost: killed writes, locked targets, refused overwrites and
invalid runs all leave the old file byte for byte, with no temporary file beside it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT

EXAMPLES = ROOT / "examples" / "2024"
OLD = b"PK\x03\x04 the office's ranking from last week, with its own notes"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _killed_mid_write(tmp_path: Path, patch: str, argv: list[str], target: Path) -> None:
    """Run ``jyscore ARGV`` in a child whose writer is slowed by ``patch``; SIGTERM it while the
    temporary file is being written; the old target must survive untouched."""
    script = textwrap.dedent(
        """
        import sys, time
        {patch}
        from jyscore.cli import main
        sys.argv = ["jyscore", *{argv!r}]
        main()
        """
    ).format(patch=textwrap.dedent(patch), argv=argv)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        temporaries = [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
        assert len(temporaries) == 1 and temporaries[0].startswith(f".{target.name}.")
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) != 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    _, stderr = child.communicate()
    assert "Traceback" not in stderr
    assert target.read_bytes() == OLD
    assert [p.name for p in target.parent.iterdir()] == [target.name]


SLOW_FSYNC = """
    import os
    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = slow_fsync
"""

SLOW_WORKBOOK = """
    import openpyxl
    def slow_save(self, stream):
        stream.write(b"PK\\x03\\x04 half a workbook")
        stream.flush()
        print("writing", flush=True)
        time.sleep(60)
    openpyxl.Workbook.save = slow_save
"""


def test_sigterm_while_rank_writes_a_workbook_keeps_the_old_one(tmp_path: Path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "排名.xlsx"
    target.write_bytes(OLD)
    _killed_mid_write(tmp_path, SLOW_FSYNC,
                      ["rank", str(EXAMPLES), "-o", str(target), "--force"], target)


def test_sigterm_while_template_writes_keeps_the_old_form(tmp_path: Path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "文学院.xlsx"
    target.write_bytes(OLD)
    _killed_mid_write(tmp_path, SLOW_WORKBOOK,
                      ["template", "--college", "文学院", "--year", "2024", "-o", str(target),
                       "--force"], target)


@pytest.fixture
def locked(monkeypatch):
    """os.replace refused, as on Windows when Excel holds the target open."""

    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("jyscore.writers.atomic.os.replace", refuse)


@pytest.mark.parametrize("args, name", [
    (["rank", str(EXAMPLES)], "排名.xlsx"),
    (["rank", str(EXAMPLES)], "排名.csv"),
    (["template", "--college", "文学院", "--year", "2024"], "文学院.xlsx"),
    (["template", "--college", "文学院", "--year", "2024"], "文学院.yaml"),
    (["convert", str(EXAMPLES / "文学院.yaml")], "文学院.xlsx"),
], ids=["rank-xlsx", "rank-csv", "template-xlsx", "template-yaml", "convert"])
def test_a_locked_target_is_a_clear_message_and_keeps_the_old_file(args, name, locked,
                                                                   tmp_path: Path):
    target = tmp_path / name
    target.write_bytes(OLD)
    result = run(*args, "-o", str(target), "--force")
    assert result.exit_code == 1
    assert f"cannot replace {target}: permission denied; close it in Excel/WPS" in result.output
    assert "the old file is unchanged" in result.output
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("args, name", [
    (["template", "--college", "文学院", "--year", "2024"], "文学院.xlsx"),
    (["template", "--college", "文学院", "--year", "2024"], "文学院.yaml"),
    (["convert", str(EXAMPLES / "文学院.yaml")], "文学院.xlsx"),
    (["convert", str(DATA / "xlsx" / "good" / "文学院.xlsx")], "文学院.yaml"),
], ids=["template-xlsx", "template-yaml", "convert-to-xlsx", "convert-to-yaml"])
def test_a_filled_sheet_is_never_overwritten_without_force(args, name, tmp_path: Path):
    target = tmp_path / name
    filled = (EXAMPLES / "文学院.yaml").read_bytes() if name.endswith(".yaml") else OLD
    target.write_bytes(filled)
    result = run(*args, "-o", str(target))
    assert result.exit_code == 2
    assert "already exists; pass --force to replace it (nothing was written)" in result.output
    assert target.read_bytes() == filled
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("name", ["排名.xlsx", "排名.csv", "排名.json", "排名.md", "排名.txt"])
def test_an_invalid_rank_run_with_force_keeps_the_old_output(name, tmp_path: Path):
    sheets = tmp_path / "sheets"
    shutil.copytree(EXAMPLES, sheets)
    shutil.copy(DATA / "bad" / "over-cap.yaml", sheets / "over-cap.yaml")
    target = tmp_path / name
    target.write_bytes(OLD)
    result = run("rank", str(sheets), "-o", str(target), "--force")
    assert result.exit_code == 1 and "JY101" in result.output
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "sheets"])


def test_an_invalid_convert_writes_nothing(tmp_path: Path):
    for source, name in ((DATA / "bad" / "self-alias.yaml", "out.xlsx"),
                         (DATA / "xlsx" / "bad" / "truncated.xlsx", "out.yaml")):
        result = run("convert", str(source), "-o", str(tmp_path / name))
        assert result.exit_code == 1
    assert os.listdir(tmp_path) == []
