"""Hostile inputs of issue #17, each where the mechanism that refuses it lives: one bounded reader
(special files, links, sizes, zip inflation), one text rule (what a written file or a terminal may
hold), exact numbers, one writer (devices, races, names), one identity rule (colleges).

The files that are refused with a code and a place are in the corpus (tests/data/bad,
tests/data/xlsx/bad, tests/data/rubrics, run through every command by test_corpus_cli.py); this
module checks their columns, and what needs a live file system, a process or a signal.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jyscore import load_rubric, load_sheet, score
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import FolderLink, check_sheet, discover
from jyscore.writers.atomic import OutputError, write_atomic

from .conftest import DATA, ROOT

EXAMPLE = ROOT / "examples" / "2024" / "文学院.yaml"
HOSTILE = DATA / "hostile"
BAD = DATA / "bad"


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    return runner.invoke(cli, list(args), env={"NO_COLOR": "1", **(env or {})},
                         catch_exceptions=False)


def problems(path: Path, rubric) -> list[tuple[str, int | None, int | None]]:
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    return [(p.code, p.line, p.column) for p in caught.value.problems]


def with_college(name: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    return text.replace("college: 文学院", f"college: {name}")


# -- 1, 12, 14, 18: the text rule, where the text is read ------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("escape-control.yaml", [("JY017", 1, 10)]),
    ("escape-nonchar.yaml", [("JY017", 1, 10)]),
    ("escape-terminal.yaml", [("JY017", 1, 10)]),
    ("escape-c1.yaml", [("JY017", 31, 43)]),
    ("escape-bell-note.yaml", [("JY017", 3, 7)]),
    ("note-too-long.yaml", [("JY018", 3, 7)]),
    ("separator-in-comment.yaml", [("JY014", 7, 37)]),
    ("nel-in-comment.yaml", [("JY014", 2, 5)]),
    ("separators-everywhere.yaml", [("JY014", 1, 4), ("JY014", 9, 36), ("JY014", 25, 34)]),
    ("stray-gbk.yaml", [("JY019", 5, 40)]),
    ("nesting-65.yaml", [("JY013", 3, 70)]),
    ("nesting-495.yaml", [("JY013", 3, 70)]),
    ("nesting-1000.yaml", [("JY013", 3, 70)]),  # past libyaml's own limit: still where it opens
    ("separator-and-cap.yaml", [("JY101", 6, 15), ("JY014", 7, 37)]),  # read on past it
    ("dash-tab.yaml", [("JY016", 5, 5)]),  # a tab after a sequence dash
    ("nesting-block.yaml", [("JY013", 67, 127)]),
    ("manual-30-digits.yaml", [("JY105", 31, 19)]),
    ("fraction-digits.yaml", [("JY105", 6, 28)]),
])
def test_hostile_sheets_are_refused_at_their_place(name: str, expected, rubric):
    assert problems(BAD / name, rubric) == expected


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f",
                                  "\x7f", "\x80", "\x85", "\x9b", "\x9f", "\u2028", "\u2029",
                                  "\ufffe", "\uffff"])
@pytest.mark.parametrize("field", ["college", "note", "key"])
def test_every_character_no_file_may_hold_is_refused_however_escaped(
    char: str, field: str, tmp_path: Path, rubric
):
    escaped = f"\\u{ord(char):04X}"
    text = with_college('"文学院"')
    if field == "college":
        text = text.replace('college: "文学院"', f'college: "文{escaped}学院"')
    elif field == "note":
        text = text.replace("year: 2024", f'year: 2024\nnote: "说明{escaped}"')
    else:
        text = text.replace("year: 2024", f'year: 2024\n"no{escaped}te": x')
    path = tmp_path / "sheet.yaml"
    path.write_text(text, encoding="utf-8")
    found = problems(path, rubric)
    assert ("JY017" in {code for code, _, _ in found}), found
    line = next(i for i, t in enumerate(text.splitlines(), 1) if escaped in t)
    assert any(code == "JY017" and at == line for code, at, _ in found)


def test_tab_and_line_breaks_in_a_note_are_kept(tmp_path: Path, rubric):
    path = tmp_path / "sheet.yaml"
    path.write_text(with_college('"文学院"').replace(
        "year: 2024", 'year: 2024\nnote: "一\\t二\\n三\\r\\n四"'), encoding="utf-8")
    assert load_sheet(path, rubric).note == "一\t二\n三\r\n四"


@pytest.mark.parametrize("args", [("--college", "文学院\x01"), ("--college", "文\u2028学院"),
                                  ("--college", "文学院", "--assessor", "王\x1b[31m老师")])
def test_a_name_option_no_file_may_hold_is_a_usage_error(args, tmp_path: Path):
    result = invoke("template", *args, "--year", "2024", "-o", str(tmp_path / "t.xlsx"))
    assert result.exit_code == 2
    assert "U+" in result.stderr
    assert not (tmp_path / "t.xlsx").exists()


def test_the_writers_keep_titles_and_properties_valid_whatever_reaches_them(tmp_path: Path):
    import openpyxl

    from jyscore.writers.xlsx.form import build_form
    from jyscore.writers.xlsx.ranking import sheet_title

    path = tmp_path / "form.xlsx"
    build_form(load_rubric(), "文学院\x01\ufffe", 2024).save(path)
    workbook = openpyxl.load_workbook(path)  # valid XML, or this raises
    assert "\x01" not in workbook.properties.title and "\\x01" in workbook.properties.title
    assert sheet_title("学院\x02[1]", set()) == "学院_x02_1_"  # \ is no title character


# -- 2: nesting never crashes a run ---------------------------------------------------------------

def test_deep_nesting_in_a_folder_is_one_files_problem_not_the_runs(tmp_path: Path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "deep.yaml").write_bytes((BAD / "nesting-495.yaml").read_bytes())
    (folder / "文学院.yaml").write_bytes(EXAMPLE.read_bytes())
    for threshold in ("1", "1000"):  # in a pool and in this process
        result = invoke("validate", str(folder), "--format", "json")
        assert result.exit_code == 1
        found = json.loads(result.stdout)["problems"]
        assert [(p["code"], p["line"]) for p in found] == [("JY013", 3)]
        ranked = invoke("rank", str(folder), "--skip-invalid", "--format", "json",
                        "--parallel-threshold", threshold)
        assert ranked.exit_code == 0, ranked.stderr
        assert [r["college"] for r in json.loads(ranked.stdout)["ranking"]] == ["文学院"]


def test_a_recursion_error_never_escapes_a_files_report(tmp_path: Path, rubric, monkeypatch):
    import jyscore.readers.files as files

    def recurse(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(files.READERS, ".yaml", recurse)
    report = check_sheet(EXAMPLE, rubric)
    assert [p.code for p in report.problems] == ["JY013"]
    result = invoke("score", str(EXAMPLE))
    assert result.exit_code == 1 and "JY013" in result.stderr


# -- 3: zip bombs whose directory lies ------------------------------------------------------------

def test_a_part_that_lies_about_its_size_costs_no_memory_and_is_read_as_checked(tmp_path: Path):
    """The sheet part declares its real size but inflates to 400 MB more: jyscore reads what it
    checked, the declared bytes, in small pieces (its peak memory stays far below 400 MB)."""
    # the peak of this process's own memory: VmHWM (ru_maxrss would count the test runner's
    # memory too, which a forked child inherits into its maximum)
    script = (
        "import re, resource, sys\n"
        "from jyscore.cli import main\n"
        "sys.argv = ['jyscore', 'score', sys.argv[1], '--format', 'json']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    try:\n"
        "        status = open('/proc/self/status').read()\n"
        "        peak = int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
        "    except (OSError, AttributeError):\n"
        "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(peak, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(HOSTILE / "bomb-lying-size-crc.xlsx")],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    assert peak_kb < 200 * 1024
    assert json.loads(done.stdout)["college"] == "文学院"


# -- 4, 7, 18: what a folder holds, and special files named explicitly ---------------------------

@pytest.fixture
def folder_with_links(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2-TOP-SECRET\n", encoding="utf-8")
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "文学院.yaml").write_bytes(EXAMPLE.read_bytes())
    (folder / "x.yaml").symlink_to(secret)
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "nowhere.yaml").symlink_to(tmp_path / "missing")
    (folder / "linked").symlink_to(tmp_path)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "macros.xlsm").write_bytes((DATA / "xlsx" / "good" / "文学院.xlsx").read_bytes())
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    return folder


def test_links_in_a_folder_are_reported_not_followed(folder_with_links: Path):
    found = discover([folder_with_links])
    links = {p.name for p in found if isinstance(p, FolderLink)}
    assert links == {"x.yaml", "zero.yaml", "nowhere.yaml", "linked"}
    for fmt in ("text", "json", "github"):
        result = invoke("validate", str(folder_with_links), "--format", fmt)
        assert result.exit_code == 1
        assert "hunter2" not in result.output + result.stderr and "password" not in result.stdout
    data = json.loads(invoke("validate", str(folder_with_links), "--format", "json").stdout)
    codes = {(Path(p["file"]).name, p["code"]) for p in data["problems"]}
    assert codes == {
        ("x.yaml", "JY030"), ("zero.yaml", "JY030"), ("nowhere.yaml", "JY030"),
        ("linked", "JY030"), ("fifo.yaml", "JY030"), ("macros.xlsm", "JY609"),
        ("old.xls", "JY609"),
    }


def test_rank_skips_what_a_folder_holds_that_is_not_a_sheet_and_says_so(folder_with_links: Path):
    result = invoke("rank", str(folder_with_links), "--skip-invalid", "--format", "json")
    assert result.exit_code == 0
    assert "hunter2" not in result.stdout + result.stderr
    skipped = {Path(s["file"]).name for s in json.loads(result.stdout)["skipped"]}
    assert {"x.yaml", "fifo.yaml", "macros.xlsm", "old.xls"} <= skipped


def test_special_files_named_explicitly_are_refused_at_once(folder_with_links: Path):
    for name in ("fifo.yaml", "zero.yaml"):
        started = time.monotonic()
        result = invoke("score", str(folder_with_links / name))
        assert result.exit_code == 1 and "JY030" in result.stderr
        assert time.monotonic() - started < 10
    result = invoke("score", str(folder_with_links / "macros.xlsm"))
    assert result.exit_code == 1 and "JY609" in result.stderr and ".xlsx" in result.stderr


def test_a_link_named_explicitly_is_followed_to_a_regular_file(tmp_path: Path):
    link = tmp_path / "link.yaml"
    link.symlink_to(EXAMPLE)
    assert invoke("score", str(link)).exit_code == 0


def test_a_message_quotes_at_most_a_short_escaped_excerpt(tmp_path: Path):
    path = tmp_path / "leak.yaml"
    path.write_text("这是一段很长的秘密内容，不应出现在任何消息里，无论多长都一样" * 5 + "\n",
                    encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1 and "JY020" in result.stdout
    assert "无论多长都一样" not in result.stdout


# -- 5, 6, 15: the writer -------------------------------------------------------------------------

def test_a_device_is_written_in_place_never_replaced():
    for args in (("--force",), ()):
        result = invoke("rank", str(EXAMPLE), "-o", "/dev/null", "--format", "csv", *args)
        assert result.exit_code == 0, result.stderr
        assert Path("/dev/null").is_char_device()


def test_a_fifo_is_written_in_place_and_one_no_program_reads_is_an_error(tmp_path: Path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    assert invoke("rank", str(EXAMPLE), "-o", str(fifo)).exit_code == 1
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    for _ in range(100):
        result = invoke("rank", str(EXAMPLE), "-o", str(fifo))
        if result.exit_code == 0:
            break
        time.sleep(0.02)  # until the reader has opened its end
    reader.join(10)
    assert result.exit_code == 0 and "文学院".encode() in received[0]
    assert fifo.is_fifo()


def test_a_socket_is_never_replaced(tmp_path: Path):
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = invoke("rank", str(EXAMPLE), "-o", str(path), "--force")
        assert result.exit_code == 1 and "JY703" not in result.stderr  # codes are not printed here
        assert path.is_socket()
    finally:
        server.close()


def test_an_output_that_cannot_be_created_is_an_error_not_a_crash(tmp_path: Path, monkeypatch):
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = invoke("rank", str(EXAMPLE), "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 1 and "the file system is read-only" in result.stderr


def test_a_name_of_255_bytes_is_written(tmp_path: Path):
    name = "排" * 80 + ".csv"  # 244 bytes: a temporary name beside it would pass 255
    result = invoke("rank", str(EXAMPLE), "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    assert os.listdir(tmp_path) == [name]


def test_two_writers_of_a_new_file_without_force_one_wins(tmp_path: Path):
    def write(target: Path, barrier: threading.Barrier, outcomes: list[str],
              payload: bytes) -> None:
        barrier.wait()
        try:
            write_atomic(target, payload, overwrite=False)
            outcomes.append(payload.decode())
        except OutputError as error:
            outcomes.append(error.code)

    for round_ in range(20):
        target = tmp_path / f"race{round_}.csv"
        barrier = threading.Barrier(4)
        outcomes: list[str] = []
        threads = [threading.Thread(target=write,
                                    args=(target, barrier, outcomes, f"w{i}".encode()))
                   for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        winners = [o for o in outcomes if o.startswith("w")]
        assert len(winners) == 1 and sorted(outcomes).count("JY701") == 3
        assert target.read_text() == winners[0]
    assert sorted(os.listdir(tmp_path)) == sorted(f"race{i}.csv" for i in range(20))


def test_file_names_that_are_not_utf8_or_hold_escapes_are_printed_escaped(tmp_path: Path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "文学院.yaml").write_bytes(EXAMPLE.read_bytes())
    os.close(os.open(os.fsencode(folder) + b"/bad-\xff.yaml", os.O_CREAT | os.O_WRONLY))
    (folder / "esc-\x1b]52;c;eA==\x07-\x9b.yaml").write_text("college: x\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = invoke("rank", str(folder), "--skip-invalid", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    files = {Path(s["file"]).name for s in json.loads(out.read_text("utf-8"))["skipped"]}
    assert files == {"bad-\\xff.yaml", "esc-\\x1b]52;c;eA==\\x07-\\x9b.yaml"}
    for args in (("validate", str(folder)), ("rank", str(folder), "--skip-invalid"),
                 ("rank", str(folder), "--skip-invalid", "--format", "csv")):
        result = invoke(*args)
        for char in ("\x1b", "\x07", "\x9b"):
            assert char not in result.stdout + result.stderr


# -- 8, 9: numbers -------------------------------------------------------------------------------

def test_many_unknown_ids_are_each_reported(tmp_path: Path, rubric):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "scores:", "scores:\n" + "".join(f'  "1.{i}x": {{self: 1}}\n' for i in range(400)), 1
    )
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    unknown = [p for p in caught.value.problems if p.code == "JY110"]
    assert len(unknown) == 400  # each reported; a suggestion costs set lookups (readers.nearest)
    assert all(p.message.count("did you mean") <= 1 for p in unknown)


def test_the_longest_numbers_allowed_are_scored_exactly(tmp_path: Path, rubric):
    bonus = "999999999999.5"  # the most digits a score may have before the point, on the step
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('"6.1.2": {self: 1, assessed: 0.5}',
                        f'"6.1.2": {{self: {bonus}, assessed: 0.5}}')
    assert bonus in text
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    result = score(rubric, load_sheet(path, rubric))
    plain = score(rubric, load_sheet(EXAMPLE, rubric))
    assert result.totals["self"].total - plain.totals["self"].total == Decimal(bonus) - 1


# -- 11, 12: what a workbook holds ----------------------------------------------------------------

def test_only_the_visible_form_sheet_is_scored(rubric):
    result = invoke("score", str(HOSTILE / "hidden-first-sheet.xlsx"), "--format", "json")
    assert result.exit_code == 0
    assert "JY616" in result.stderr and "旧表" in result.stderr
    good = invoke("score", str(DATA / "xlsx" / "good" / "文学院.xlsx"), "--format", "json")
    scored, expected = json.loads(result.stdout), json.loads(good.stdout)
    assert (scored["self"], scored["items"]) == (expected["self"], expected["items"])


def test_the_form_is_found_by_its_layout_after_a_sheet_of_instructions():
    result = invoke("score", str(HOSTILE / "instructions-first.xlsx"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    good = invoke("score", str(DATA / "xlsx" / "good" / "文学院.xlsx"), "--format", "json")
    scored, expected = json.loads(result.stdout), json.loads(good.stdout)
    assert (scored["college"], scored["items"]) == (expected["college"], expected["items"])


def test_yaml_to_xlsx_to_yaml_keeps_the_sheets_note(tmp_path: Path, rubric):
    note = "整体说明：\n第二行\t制表" + "长" * 32_000
    source = tmp_path / "a.yaml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "year: 2024", f'year: 2024\nnote: "{note.encode("unicode_escape").decode()}"'),
        encoding="utf-8")
    xlsx, back = tmp_path / "a.xlsx", tmp_path / "b.yaml"
    assert invoke("convert", str(source), "-o", str(xlsx)).exit_code == 0
    assert invoke("convert", str(xlsx), "-o", str(back)).exit_code == 0
    assert load_sheet(back, rubric).note == note == load_sheet(source, rubric).note


# -- 13: signals ---------------------------------------------------------------------------------

def test_sigterm_ends_a_pooled_run_and_its_workers_at_once(tmp_path: Path):
    folder = tmp_path / "big"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(3000):
        (folder / f"s{i}.yaml").write_text(text.replace("college: 文学院", f"college: 学院{i}"),
                                          encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "jyscore", "rank", str(folder), "-o", str(tmp_path / "r.csv"),
         "--parallel-threshold", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    children_file = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    children: list[int] = []
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if children_file.exists():
            children = [int(c) for c in children_file.read_text().split()]
    if not children:
        process.kill()
        pytest.skip("the run ended before its workers could be seen")
    time.sleep(0.3)
    if process.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    process.send_signal(signal.SIGTERM)
    # every holder of the pipes (the run and its workers) is gone: communicate returns
    process.communicate(timeout=5)  # the whole run would take far longer
    time.sleep(0.2)
    for child in children:
        stat = Path(f"/proc/{child}/stat")
        assert not stat.exists() or stat.read_text().split()[2] == "Z", f"worker {child} alive"
    assert not (tmp_path / "r.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["big"]


# -- 16: the same college, however its name is spelt ---------------------------------------------

@pytest.mark.parametrize("lookalike", ['"文学院\\u200B"', '"\\uFEFF文学院"', "⽂学院",
                                        '"文 学院"', '"文学院 "', "文学院", '"文\\u034F学院"',
                                        '"文学院\\uFE0F"', '"文\\u3164学院"',
                                        '"文学院\\U000E0100"'])
def test_colleges_differing_invisibly_are_the_same_college(lookalike: str, tmp_path: Path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(EXAMPLE.read_bytes())
    (folder / "b.yaml").write_text(with_college(lookalike), encoding="utf-8")
    # a space inside a Chinese name is never meant: 文 学院 is 文学院 (as assessors' names fold)
    result = invoke("validate", str(folder), "--format", "json")
    assert result.exit_code == 1
    codes = [(Path(p["file"]).name, p["code"]) for p in json.loads(result.stdout)["problems"]]
    exact_same = lookalike in ("文学院", '"文学院 "')  # the name is stripped when read
    assert codes == [("b.yaml", "JY301")] + ([] if exact_same else [("b.yaml", "JY307")])
    assert invoke("rank", str(folder)).exit_code == 1


@pytest.mark.parametrize(("assessors", "codes"), [
    (("王老师", "李老师"), []),  # one college's panel of two
    ((None, None), ["JY301", "JY307"]),  # one college's sheet twice
])
def test_score_and_validate_agree_on_the_same_college(assessors, codes, tmp_path: Path):
    files = []
    names = ("文学院", '"文\\u200b学院"')  # a zero-width space: the same college
    for file, name, assessor in zip(("a.yaml", "b.yaml"), names, assessors, strict=True):
        line = name if assessor is None else f"{name}\nassessor: {assessor}"
        (tmp_path / file).write_text(with_college(line), encoding="utf-8")
        files.append(str(tmp_path / file))
    validated = invoke("validate", *files, "--format", "json")
    assert [p["code"] for p in json.loads(validated.stdout)["problems"]] == codes
    scored = invoke("score", *files)
    assert re.findall(r"^\S*b\.yaml:\d+:\d+: \w+ (JY\d+)", scored.stderr, re.MULTILINE) == codes
    assert scored.exit_code == validated.exit_code == (1 if codes else 0)


def test_targets_match_colleges_as_the_duplicate_check_does(tmp_path: Path):
    targets = tmp_path / "targets.yaml"
    targets.write_text('targets:\n  "文学院\\u200B": 89.4\n', encoding="utf-8")
    result = invoke("rank", str(EXAMPLE), "--targets", str(targets), "--format", "json")
    assert result.exit_code == 0, result.stderr
    targets.write_text('targets:\n  文学院: 89.4\n  "⽂学院": 80\n', encoding="utf-8")
    result = invoke("rank", str(EXAMPLE), "--targets", str(targets))
    assert result.exit_code == 1
    assert f"{targets}:3:3: error JY009" in result.stderr


# -- the rules themselves, table-driven -----------------------------------------------------------

@pytest.mark.parametrize(("text", "index"), [
    ("文学院", None), ("制表\t换行\n回车\r", None), ("全角　空格", None), ("\u200b零宽", None),
    ("a\x00", 1), ("\x1b[31m", 0), ("ok\x7f", 2), ("\x85", 0), ("x\x9f", 1), ("\u2028", 0),
    ("\u2029", 0), ("\ufffe", 0), ("\uffff", 0), ("a\ud800", 1), ("\U0001F600\udc80", 1),
])
def test_first_unwritable(text: str, index):
    from jyscore.core.text import first_unwritable

    assert first_unwritable(text) == index


@pytest.mark.parametrize(("text", "shown"), [
    ("文学院", "文学院"), ("\x1b]52;c;eA==\x07", "\\x1b]52;c;eA==\\x07"), ("\x9b31m", "\\x9b31m"),
    ("a\nb\tc", "a\\x0ab\\x09c"), ("\u202e反转", "\\u202e反转"), ("\udcff", "\\xff"),
])
def test_printable(text: str, shown: str):
    from jyscore.core.text import printable

    assert printable(text) == shown


@pytest.mark.parametrize(("a", "b", "same"), [
    ("文学院", "文学院\u200b", True), ("文学院", "\ufeff文学院", True), ("文学院", "⽂学院", True),
    ("文学院", "文学院\u00a0", True), ("文 学院", "文\u3000学院", True),
    ("文学院", "理学院", False),
    ("文学院", "文 学院", True), ("Ａ学院", "A学院", True), ("文学院", "文\u034f学院", True),
    ("文学院", "文学院\ufe0f", True), ("文学院", "文学院\U000e0100", True),
    ("文学院", "\u115f\u1160文学院\u3164\uffa0", True), ("文学院", "文学院\u180b", True),
])
def test_identity(a: str, b: str, same: bool):
    from jyscore.core.text import identity

    assert (identity(a) == identity(b)) is same


def test_a_file_is_read_up_to_its_limit_whatever_its_size_says(tmp_path: Path):
    from jyscore.readers.inputfile import NotRegularFile, TooLarge, read_limited

    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100
    with pytest.raises(TooLarge):
        read_limited(path, 99)
    status = Path("/proc/self/status")  # a regular file whose size says 0
    if status.exists():
        assert read_limited(status, 1 << 20)
        with pytest.raises(TooLarge):
            read_limited(status, 10)
    with pytest.raises(NotRegularFile):
        read_limited(Path("/dev/zero"), 10)
    with pytest.raises(NotRegularFile):
        read_limited(tmp_path, 10)


def test_a_text_is_measured_as_excel_counts_it_in_utf16_units(tmp_path: Path):
    from jyscore.core.text import MAX_TEXT_CHARS, cell_length

    emoji = "\U0001F600" * 20_000  # 20,000 characters, 40,000 UTF-16 units
    assert cell_length(emoji) == 40_000 > MAX_TEXT_CHARS >= cell_length("文" * 32_767)
    path = tmp_path / "s.yaml"
    path.write_text(EXAMPLE.read_text("utf-8") + f"note: {emoji}\n", encoding="utf-8")
    result = invoke("validate", str(path), "--format", "json")
    codes = [p["code"] for p in json.loads(result.stdout)["problems"]]
    assert result.exit_code == 1 and codes == ["JY018"]
