"""The README stays true: every ``jyscore …`` command line of its code blocks runs, with the
files the examples folder provides, and exits as documented; its Python example prints what its
comment says.

A command line is a line of a code block that starts with ``jyscore`` or ``python -m jyscore``,
also after a ``$`` prompt, ``&&`` or a workflow's ``- run:``. Each runs through click's CliRunner
in a fresh folder holding a copy of ``examples/``, ``sheets/`` (the same sheets, as an office
keeps them) and the few files the README names (below, in ``workspace``). An output (``-o FILE``,
``> FILE``) goes to a fresh place, so that no command depends on another's output or refuses to
overwrite.
New sections of the README are picked up as they are written: their commands run too.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"^( *)```(\w*)[^\n]*\n(.*?)^\1```", re.DOTALL | re.MULTILINE)
_COMMAND = re.compile(r"^(?:\$\s+|.*&&\s*|-\s*run:\s*)?((?:python -m )?jyscore(?:\s.*)?)$")

# Lines that are placeholders, not commands to run (none yet): each must be named here exactly.
PLACEHOLDERS: frozenset[str] = frozenset()
# The documented exit code of a command that does not exit 0, by its command line.
EXIT_CODES: dict[str, int] = {}


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block, indented ones (in a list) included."""
    blocks = []
    for match in _BLOCK.finditer(text):
        indent = len(match.group(1))
        body = "\n".join(line[indent:] for line in match.group(3).splitlines())
        blocks.append((match.group(2), body))
    return blocks


def command_lines(text: str) -> list[str]:
    found = []
    for language, body in code_blocks(text):
        if language not in ("", "sh", "shell", "bash", "console", "yaml", "yml"):
            continue
        for line in body.splitlines():
            match = _COMMAND.match(line.strip())
            if match:
                command = re.sub(r"\s+#.*$", "", match.group(1)).strip()
                found.append(command)
    return list(dict.fromkeys(found))


COMMANDS = command_lines(README.read_text(encoding="utf-8"))


def targets_sample(text: str) -> str:
    """The README's sample targets file (the YAML block with ``targets:``)."""
    (sample,) = [body for language, body in code_blocks(text)
                 if language == "yaml" and re.search(r"^targets:", body, re.MULTILINE)]
    return sample + "\n"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every command starts from (copied afresh for each)."""
    base = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", base / "examples")
    shutil.copytree(ROOT / "rubric", base / "rubric")  # a fresh clone's rubric files
    # an office's folder of one year's sheets of one rubric (examples/ also holds the year before,
    # for compare, and the sheets of the composite rubric)
    shutil.copytree(ROOT / "examples", base / "sheets",
                    ignore=shutil.ignore_patterns("2023", "composite-employment"))
    shutil.copytree(ROOT / "tests" / "data" / "compare" / "2023", base / "old")
    shutil.copytree(ROOT / "examples" / "2024", base / "new")
    shutil.copy(ROOT / "tests" / "data" / "compare" / "rubric-2023.yaml", base / "rubric-2023.yaml")
    sheets = sorted((ROOT / "examples" / "2024").glob("*.yaml"))
    shutil.copy(ROOT / "examples" / "2024" / "文学院.yaml", base / "sheet.yaml")
    shutil.copy(sheets[0], base / "a.yaml")
    shutil.copy(sheets[1], base / "b.yaml")
    shutil.copy(ROOT / "rubric" / "imnu-employment.yaml", base / "my-rubric.yaml")
    (base / "targets.yaml").write_text(targets_sample(README.read_text(encoding="utf-8")),
                                      encoding="utf-8")
    made = CliRunner().invoke(cli, ["convert", str(base / "examples" / "2024" / "文学院.yaml"),
                                    "-o", str(base / "文学院.xlsx")])
    assert made.exit_code == 0, made.output  # the form filled in, as `score 文学院.xlsx` reads
    return base


def test_command_lines_are_found_wherever_a_block_shows_one():
    text = ("```console\n$ jyscore score a.yaml\n```\n\n"
            "- x:\n  ```\n  jyscore rank s/  # why\n  ```\n")
    assert command_lines(text) == ["jyscore score a.yaml", "jyscore rank s/"]


def test_the_readme_has_commands_to_run():
    assert len(COMMANDS) >= 15
    assert any(c.startswith("jyscore rank") and "--targets" in c for c in COMMANDS)
    assert set(PLACEHOLDERS) <= set(COMMANDS), "a placeholder no longer in the README"
    assert set(EXIT_CODES) <= set(COMMANDS), "an exit code for a command no longer in the README"


def _arguments(command: str, out: Path) -> tuple[list[str], Path | None]:
    """The CLI arguments of a command line, outputs moved to ``out``; and where stdout goes."""
    words = shlex.split(command)
    if words[:3] == ["python", "-m", "jyscore"]:
        words = words[3:]
    else:
        assert words[0] == "jyscore"
        words = words[1:]
    redirect = None
    if ">" in words:
        at = words.index(">")
        redirect = out / Path(words[at + 1]).name
        words = words[:at] + words[at + 2:]
    for i, word in enumerate(words[:-1]):
        if word in ("-o", "--output"):
            words[i + 1] = str(out / Path(words[i + 1]).name)
    return words, redirect


@pytest.mark.parametrize("command", COMMANDS)
def test_every_readme_command_runs_as_documented(
    command: str, prepared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    if command in PLACEHOLDERS:
        pytest.skip("a placeholder, named in PLACEHOLDERS")
    work, out = tmp_path / "work", tmp_path / "out"
    shutil.copytree(prepared, work)
    out.mkdir()
    monkeypatch.chdir(work)
    arguments, redirect = _arguments(command, out)
    result = CliRunner().invoke(cli, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    expected = EXIT_CODES.get(command, 0)
    assert result.exit_code == expected, result.output
    if expected == 0:  # a documented run is clean: no sheet skipped, no problem reported
        assert not re.search(r"\b(error|warning) JY\d{3}\b", result.stderr), result.stderr
        assert "jyscore: skipped" not in result.stderr, result.stderr
    if redirect is not None:
        redirect.write_text(result.stdout, encoding="utf-8")
    for i, word in enumerate(arguments[:-1]):
        if word in ("-o", "--output"):
            assert Path(arguments[i + 1]).stat().st_size > 0


def test_the_library_example_prints_what_its_comments_say(
    prepared: Path, monkeypatch: pytest.MonkeyPatch
):
    blocks = [body for language, body in code_blocks(README.read_text(encoding="utf-8"))
              if language == "python"]
    assert blocks
    monkeypatch.chdir(prepared)
    for body in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(body, "README.md", "exec"), {})  # noqa: S102 - our own README
        promised = re.findall(r"#\s*prints\s+(\S+)", body)
        assert promised, "a Python example should say what it prints (# prints …)"
        assert printed.getvalue().split() == promised


def test_pip_installs_jyscore_from_its_repository():
    """No package index serves jyscore: every ``pip install`` names a checkout or a git URL."""
    text = README.read_text(encoding="utf-8")
    installs = re.findall(r"pip install ([^\n&#]+)", "\n".join(b for _, b in code_blocks(text)))
    assert installs
    for target in installs:
        spec = shlex.split(target)[-1]
        assert spec.startswith((".", "git+")), f"pip install {target.strip()}"
