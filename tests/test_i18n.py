"""Two languages: the catalogue is complete, the language is chosen as documented, and a
Chinese run prints no English words (except codes, ids, file names and format names)."""

from __future__ import annotations

import json
import os
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli
from jyscore.cli.catalogue import source_entries
from jyscore.i18n.catalogue import (
    PoSyntaxError,
    catalogue,
    catalogue_path,
    language_from_environment,
    read_po,
    set_language,
)
from jyscore.i18n.messages import HINTS, MESSAGES, render_message

from .conftest import DATA, ROOT

EXAMPLES = ROOT / "examples" / "2024"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


# -- the catalogue -------------------------------------------------------------------------------

def placeholders(text: str) -> list[tuple[str, str | None]]:
    return sorted((name, conversion) for _, name, _, conversion in string.Formatter().parse(text)
                  if name is not None)


def test_every_text_has_a_current_translation_with_the_same_placeholders():
    translations = catalogue("zh")
    missing, different = [], []
    for entry in source_entries():
        translated = translations.get((entry.context, entry.english))
        if not translated:
            missing.append(entry.context)
        elif placeholders(translated) != placeholders(entry.english):
            different.append(entry.context)
    assert not missing, f"run python -m jyscore.cli.catalogue zh and translate: {missing}"
    assert not different, f"placeholders differ from the English: {different}"


def test_the_catalogue_covers_every_code_and_hint_and_has_nothing_stale():
    entries = read_po(catalogue_path("zh").read_text(encoding="utf-8"))
    contexts = {e.context for e in entries}
    assert set(MESSAGES) <= contexts and set(HINTS) <= contexts
    sources = {(e.context, e.english) for e in source_entries()}
    stale = [(e.context, e.msgid[:40])
             for e in entries if e.msgid and (e.context, e.msgid) not in sources]
    assert not stale, "entries whose English is gone: run python -m jyscore.cli.catalogue zh"
    assert not [e.context for e in entries if e.fuzzy]


def test_our_po_reader_reads_what_babel_reads():
    pofile = pytest.importorskip("babel.messages.pofile")
    path = catalogue_path("zh")
    ours = {(e.context, e.msgid): e.msgstr
            for e in read_po(path.read_text(encoding="utf-8")) if e.msgid}
    with path.open("rb") as stream:
        theirs = {(m.context or "", m.id): m.string for m in pofile.read_po(stream) if m.id}
    assert ours == theirs


@pytest.mark.parametrize("text", [
    'msgid "a"\nmsgstr "b"\nfoo "c"\n',
    'msgid "a"\n',
    'msgid "\\q"\nmsgstr ""\n',
    'msgid "a"\nmsgid "b"\nmsgstr ""\n',
])
def test_the_reader_refuses_what_it_does_not_know(text: str):
    with pytest.raises(PoSyntaxError):
        read_po(text)


def test_fuzzy_entries_are_not_used(tmp_path: Path):
    entries = read_po('#, fuzzy\nmsgctxt "k"\nmsgid "a"\nmsgstr "b"\n\n'
                      'msgid "c"\n"d\\n"\nmsgstr "e"\n')
    assert [(e.context, e.msgid, e.msgstr, e.fuzzy) for e in entries] == [
        ("k", "a", "b", True), ("", "cd\n", "e", False)]


def test_a_problem_keeps_its_words_as_data_and_renders_in_either_language():
    from jyscore.i18n.messages import phrase

    params = {"what": phrase("what-sheet"), "example": "college: …", "found": phrase("value-list")}
    set_language("zh")
    assert render_message("JY020", params) == "评分表必须是映射（college: …），而不是列表"
    set_language("en")
    assert render_message("JY020", params) == "the sheet must be a mapping (college: …), not a list"


# -- choosing the language -----------------------------------------------------------------------

@pytest.mark.parametrize("env, expected", [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, "zh"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN", "LANG": "zh_CN"}, "en"),
    ({"LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),  # empty: not set
    ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US"}, "zh"),
    ({"JYSCORE_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
    ({"JYSCORE_LANG": "zh", "LANG": "en_US"}, "zh"),
    ({"JYSCORE_LANG": "fr", "LANG": "zh_CN"}, "zh"),  # not a language of ours: the locale decides
])
def test_language_from_the_environment(env: dict[str, str], expected: str):
    assert language_from_environment(env) == expected


BAD = str(DATA / "bad" / "over-cap.yaml")
ZH_TEXT = "超过上限"
EN_TEXT = "is over the cap"


@pytest.mark.lang(None)
@pytest.mark.parametrize("args, env, expected", [
    (["--lang", "zh", "score", BAD], {}, ZH_TEXT),
    (["score", "--lang", "zh", BAD], {}, ZH_TEXT),
    (["score", BAD, "--lang=zh"], {"JYSCORE_LANG": "en"}, ZH_TEXT),
    (["--lang", "en", "score", BAD], {"JYSCORE_LANG": "zh"}, EN_TEXT),
    (["score", BAD], {"JYSCORE_LANG": "zh", "LC_ALL": "en_US.UTF-8"}, ZH_TEXT),
    (["score", BAD], {"JYSCORE_LANG": "", "LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"}, ZH_TEXT),
    (["score", BAD], {"JYSCORE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"},
     ZH_TEXT),
    (["score", BAD], {"JYSCORE_LANG": "", "LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, EN_TEXT),
    (["score", BAD], {"JYSCORE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}, EN_TEXT),
])
def test_the_language_comes_from_the_flag_then_the_variable_then_the_locale(args, env, expected):
    result = run(*args, env=env)
    assert result.exit_code == 1
    assert expected in result.stderr


def test_an_unknown_language_is_a_usage_error():
    result = run("--lang", "fr", "score", BAD)
    assert result.exit_code == 2 and "--lang" in result.stderr


def test_help_follows_the_language_even_when_lang_comes_last():
    assert "为一个学院评分" in run("score", "--help", "--lang", "zh").output
    assert "Score one college" in run("--lang", "en", "score", "--help").output
    listing = run("--lang", "zh", "--help").output
    assert "用法" in listing and "命令" in listing and "核对评分表" in listing


def test_machine_output_keeps_codes_and_field_names_and_translates_the_message():
    zh = json.loads(run("--lang", "zh", "validate", BAD, "--format", "json").output)
    en = json.loads(run("--lang", "en", "validate", BAD, "--format", "json").output)
    assert zh.keys() == en.keys()
    (zh_problem,), (en_problem,) = zh["problems"], en["problems"]
    assert zh_problem.keys() == en_problem.keys()
    assert {k: v for k, v in zh_problem.items() if k != "message"} == {
        k: v for k, v in en_problem.items() if k != "message"}
    assert ZH_TEXT in zh_problem["message"] and EN_TEXT in en_problem["message"]
    github = run("--lang", "zh", "validate", BAD, "--format", "github").output
    assert github.startswith("::error file=") and "JY101 over-cap" in github and ZH_TEXT in github


# -- no English in a Chinese run ------------------------------------------------------------------

# words a Chinese message may contain: format and product names, and the keys a user types in a
# sheet or on the command line (they are ids: the sheet must say ``self``, not 自评)
ALLOWED_WORDS = {
    "YAML", "UTF", "Excel", "WPS", "LibreOffice", "GB18030", "GBK", "JSON", "CSV", "XML", "HTML",
    "BOM", "Word", "Office", "Tab", "zip", "xlsx", "xls", "docx", "pptx", "yaml", "yml", "json",
    "csv", "md", "markdown", "table", "github", "text", "auto", "jyscore", "JYSCORE_LANG",
    "JYSCORE_DEBUG", "GITHUB_ACTIONS", "true", "false", "zh", "en", "Schema",
    "yaml-language-server",
    "college", "year", "rubric", "scores", "note", "self", "assessed", "target", "targets", "rate",
    "graduates", "employed", "count", "id", "name", "total", "step", "indicators", "points", "rule",
    "score", "validate", "rank", "template", "convert", "schema", "base", "bonus", "imnu",
    "employment", "nan", "cli", "maximum", "multipleOf",
    "gt", "ge", "lt", "le", "e", "g", "x",
    "tiny",  # a rubric's id in tests/data/validate
    "assessor", "adjustments", "vetoes", "grades", "grade", "bands", "min", "max", "above",
    "quota", "panel", "method", "mean", "median", "trimmed",  # keys and --panel's values
    "imnu-totals", "totals",  # a rubric's id in tests/data/totals
    "quota_rounding", "X", "Y", "Z",  # a rubric key; colleges of tests/data/panels/tie
    "assessedtotal", "item",  # the labels assessed + total of tests/data/panels/rubric.yaml, joined
    "compare", "report", "explain", "check",  # commands
    "and", "or", "not", "if", "else", "floor", "ceil",  # a condition's words (rules.expr)
    "kind", "nope",  # a rubric key and a value of tests/data
    # keys of a rubric's rules
    "children", "parts", "full", "per_unit", "boundary", "direction", "start", "line",
    "line_input", "per_step_below", "both", "allowed", "inputs", "input",
    "previous",  # an input's name in tests/data/rubrics/tiers-unknown-name.yaml
    "totl",  # the mistyped key of tests/data/totals/rubrics/keys.yaml
    # rubric/composite-employment.yaml: its id, and the inputs its conditions and formula name
    "composite", "strive", "pass_line", "last_year", "people", "award",
    "img", "src", "onerror", "alert", "javascript",  # the hostile names of tests/data/report
}
_NOT_WORDS = re.compile(
    r"""(?x)
    (?:\S*[/\\]\S*)            # paths
    | (?:\S*\.(?:yaml|yml|xlsx|xls|json|csv|md|txt|html)\b)  # file names
    | '[^'\n]*'                # quoted values the user typed
    | "[^"\n]*"
    | (?:--?[a-z][\w-]*)        # options
    | (?:[&*!]+[\w/.:]+)       # YAML anchors, aliases and tags (data from the file)
    | (?:\$?[A-Z][A-Z0-9_]+\b)  # codes and metavars: JY101, SHEET, PATH, INTEGER
    | (?:\bU\+[0-9A-F]+)         # a character: U+0007
    | (?:\{[^}\n]*\})          # examples of YAML: {self: 4, assessed: 3.5}
    | (?:\b[\w.]*\d[\w.]*\b)    # numbers, ids, U+0007, 0x10, 2020-12
    """
)
_WORD = re.compile(r"[A-Za-z][A-Za-z_-]*")


def english_words(text: str) -> list[str]:
    stripped = _NOT_WORDS.sub(" ", text)
    return sorted({w for w in _WORD.findall(stripped) if w not in ALLOWED_WORDS})


def test_the_checker_finds_english():
    assert english_words("self 7 超过上限；permitted: 0 到 6") == ["permitted"]
    assert english_words("tests/data/bad/x.yaml:5:15: 错误 JY101 [1.1 领导重视] 'yes' 不是") == []


BAD_SHEETS = sorted([*(DATA / "bad").glob("*.yaml"), *(DATA / "xlsx").rglob("*.xlsx"),
                     *(DATA / "hostile").glob("*.xlsx")])


def _outputs(*args: str) -> str:
    result = run("--lang", "zh", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), result.output
    return result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_every_command_in_chinese_on_the_bad_sheets_prints_no_english(tmp_path: Path):
    found: dict[str, list[str]] = {}
    for sheet in BAD_SHEETS:
        for args in (["score", str(sheet)],
                     ["convert", str(sheet), "-o", str(tmp_path / "o.yaml")]):
            words = english_words(_outputs(*args))
            if words:
                found[f"{args[0]} {sheet.name}"] = words
    for args in (
        ["validate", str(DATA / "bad")],
        ["validate", str(DATA / "bad"), "--format", "github"],
        ["validate", str(DATA / "validate")],
        ["rank", str(DATA / "bad")],
        ["rank", str(DATA / "rank")],
        ["rank", str(DATA / "bad"), str(EXAMPLES), "--skip-invalid"],
    ):
        output = _outputs(*args)
        # ::error file=…,title=JY101 over-cap::message: fields are machine words
        if "github" in args:
            output = "\n".join(line.rpartition("::")[2] for line in output.splitlines())
        words = english_words(output)
        if words:
            found[" ".join(args)] = words
    totals = ["--rubric", str(DATA / "totals" / "rubric.yaml")]
    panels = ["--rubric", str(DATA / "panels" / "rubric.yaml")]
    for args in (
        ["validate", str(DATA / "totals" / "sheets"), *totals],
        ["rank", str(DATA / "totals" / "rank" / "seven"), *totals],
        ["rank", str(DATA / "totals" / "rank" / "tie"), *totals],
        ["score", str(DATA / "totals" / "rank" / "seven" / sorted(
            p.name for p in (DATA / "totals" / "rank" / "seven").iterdir())[0]), *totals],
        *(["score", str(folder), *panels] for folder in sorted((DATA / "panels").iterdir())
          if folder.is_dir()),
        ["validate", str(DATA / "panels"), *panels],
        ["validate", str(DATA / "panels" / "two"), *panels, "--panel", "trimmed-mean"],
        ["validate", str(ROOT / "examples" / "panel-2024"), "--max-spread", "0.4"],
        ["rank", str(DATA / "panels" / "tie"), *panels],
        ["score", str(ROOT / "examples" / "panel-2024" / "历史文化学院")],
    ):
        words = english_words(_outputs(*args))
        if words:
            found[" ".join(args)] = words
    sheet = str(EXAMPLES / "文学院.yaml")
    for rubric in sorted([*(DATA / "rubrics").glob("*.yaml"),
                          *(DATA / "totals" / "rubrics").glob("*.yaml")]):
        words = english_words(_outputs("validate", "--rubric", str(rubric), sheet))
        if words:
            found[f"rubric {rubric.name}"] = words
    found.update(_new_commands_in_chinese(tmp_path))
    messages = json.loads(
        run("--lang", "zh", "validate", str(DATA / "bad"), "--format", "json").output)
    for problem in messages["problems"]:
        words = english_words(problem["message"])
        if words:
            found[problem["code"]] = words
    assert not found


def _new_commands_in_chinese(tmp_path: Path) -> dict[str, list[str]]:
    """explain, rubric check, compare and report (on the tiny rubric's few sheets) in Chinese."""
    found: dict[str, list[str]] = {}
    tiny = ["--rubric", str(DATA / "rubrics" / "tiny.yaml")]
    panels = ["--rubric", str(DATA / "panels" / "rubric.yaml")]
    totals = ["--rubric", str(DATA / "totals" / "rubric.yaml")]
    report = DATA / "report"
    level_item = tmp_path / "level-item.yaml"
    level_item.write_text((DATA / "panels" / "rubric.yaml").read_text(encoding="utf-8").replace(
        "level: total", "level: item"), encoding="utf-8")
    composite = ROOT / "examples" / "composite-employment"
    runs: list[list[str]] = [
        ["explain", str(EXAMPLES / "文学院.yaml")],
        ["explain", str(EXAMPLES / "文学院.yaml"), "9.9"],
        *(["explain", str(sheet), "--rubric", str(ROOT / "rubric" / "composite-employment.yaml")]
          for sheet in sorted(composite.glob("*.yaml"))),
        ["rubric", "check", str(ROOT / "rubric" / "composite-employment.yaml")],
        *(["rubric", "check", str(rubric)] for rubric in sorted((DATA / "rubrics").glob("*.yaml"))),
        ["compare", str(ROOT / "examples" / "2023"), str(EXAMPLES)],
        ["compare", str(ROOT / "examples" / "2023"), str(EXAMPLES), "--format", "csv"],
        ["compare", *tiny, str(report / "2023"), str(report / "2024")],
        ["compare", str(DATA / "bad"), str(EXAMPLES)],
        # a panel's figures (each method and level) and one assessor's own sheet
        ["explain", str(ROOT / "examples" / "panel-2024" / "历史文化学院")],
        ["explain", str(ROOT / "examples" / "panel-2024" / "历史文化学院"), "--assessor", "王老师"],
        ["explain", str(ROOT / "examples" / "panel-2024" / "历史文化学院"), "9.9"],
        ["explain", str(ROOT / "examples" / "panel-2024" / "历史文化学院"), "--assessor", "无此人"],
        *(["explain", str(DATA / "panels" / "explain"), *panels, "--panel", method]
          for method in ("mean", "median", "trimmed-mean")),
        ["explain", str(DATA / "panels" / "explain"), *panels, "--format", "json"],
        ["explain", str(DATA / "panels" / "explain"), "--rubric", str(level_item)],
        # a totals sheet: adjustments, vetoes and the grade with its band
        *(["explain", str(sheet), *totals]
          for sheet in sorted((DATA / "totals" / "explain").glob("*.yaml"))),
        *(["explain", str(sheet), *totals]
          for sheet in sorted((DATA / "totals" / "sheets").glob("*.yaml"))[:6]),
        ["explain", str(tmp_path / "无此表.yaml"), "1.1"],
    ]
    for args in runs:
        words = english_words(_outputs(*args))
        if words:
            found[" ".join(args[:2])] = words
    page = tmp_path / "report.html"
    _outputs("report", *tiny, str(report / "2024"), "--previous", str(report / "2023"), "-o",
             str(page))
    words = english_words(_visible_text(page.read_text(encoding="utf-8")))
    if words:
        found["report"] = words
    return found


def _visible_text(page: str) -> str:
    """The words a reader sees in an HTML page (text, titles and alt texts; not styles)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.texts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hidden += tag in ("style", "script")
            self.texts.extend(v for k, v in attrs if k in ("title", "alt", "aria-label") and v)

        def handle_endtag(self, tag: str) -> None:
            self.hidden -= tag in ("style", "script")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.texts.append(data)

    reader = Reader()
    reader.feed(page)
    return "\n".join(reader.texts)


@pytest.mark.parametrize("command", ["", "score", "rank", "validate", "template", "convert",
                                     "schema", "compare", "report", "explain", "rubric",
                                     "rubric check"])
def test_help_in_chinese_has_no_english(command: str):
    args = [*command.split(), "--help"]
    assert english_words(_outputs(*args).replace("INTEGER RANGE", "")) == []


def test_english_runs_print_english():
    output = run("--lang", "en", "validate", str(DATA / "bad")).output
    assert "expected a number such as 4 or 4.5" in output
    assert not re.search(r"[\u4e00-\u9fff]", "\n".join(
        line.split("] ", 1)[-1] for line in output.splitlines() if " JY1" in line
        and "[" not in line))


def test_usage_errors_follow_the_language():
    result = run("--lang", "zh", "rank", str(EXAMPLES), "--by", "x")
    assert result.exit_code == 2
    assert "错误：'--by' 的值无效：'x' 不是 'assessed', 'self' 之一。" in result.stderr
    assert "用法：" in result.stderr and english_words(result.stderr) == []


@pytest.mark.parametrize("language, about, chart, help_words", [
    ("zh", "说明", "总分图", "在黄色单元格中填写"),
    ("en", "About", "Chart", "Fill in the yellow cells"),
])
def test_workbooks_and_templates_follow_the_language(tmp_path: Path, language, about, chart,
                                                      help_words):
    import openpyxl

    ranking = tmp_path / "排名.xlsx"
    assert run("--lang", language, "rank", str(EXAMPLES), "-o", str(ranking)).exit_code == 0
    names = openpyxl.load_workbook(ranking, read_only=True).sheetnames
    assert names[0] == "排名" and about in names and chart in names  # 排名: the rubric's label
    form = tmp_path / "文学院.xlsx"
    args = ["template", "--college", "文学院", "--year", "2024", "-o", str(form)]
    assert run("--lang", language, *args).exit_code == 0
    texts = [c.value for row in openpyxl.load_workbook(form).worksheets[0].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any(help_words in t for t in texts)
    # the rubric's labels stay as written; the form's own word follows the language
    assert "自评分数" in texts and {"zh": "指标体系", "en": "rubric"}[language] in texts
    # a form written in one language is read in the other
    other = "en" if language == "zh" else "zh"
    read = run("--lang", other, "score", str(form))
    assert read.exit_code == 1 and "JY115" in read.stderr and "JY611" not in read.stderr


@pytest.mark.parametrize("language, veto, adjustment", [
    ("zh", "条件成立的一栏填 1（不成立时填 0 或留空）。报告一票否决时，总分定为 0。"
     "报告一票否决时，等级定为 不合格。",
     "扣 30 到 50 分，按 1 分一档：填写分数，不带正负号；不适用时单元格留空。"),
    ("en", "Enter 1 in a column where the condition holds (0 or blank where it does not). "
     "A reported veto sets the total to 0. A reported veto sets the grade to 不合格.",
     "A deduction of 30 to 50 points, in steps of 1: enter the amount without a sign, and leave "
     "the cell blank where it does not apply."),
])
def test_the_forms_adjustment_and_veto_rows_are_whole_sentences(tmp_path: Path, language, veto,
                                                               adjustment):
    """Sentences joined as the language joins them (no space between Chinese sentences), and a
    deduction's range one sentence, not a kind word glued to a fragment."""
    import openpyxl

    form = tmp_path / "文学院.xlsx"
    assert run("--lang", language, "template", "--rubric",
               str(ROOT / "rubric" / "composite-employment.yaml"), "--college", "文学院",
               "--year", "2024", "-o", str(form)).exit_code == 0
    texts = [c.value for row in openpyxl.load_workbook(form).worksheets[0].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any(t.endswith("\n" + veto) for t in texts)
    assert any(t.endswith("\n" + adjustment) for t in texts)


@pytest.mark.parametrize("line", ['msgid "a"b"', 'msgid "a\\"', 'msgid a', 'msgid "a\\\\\\"'])
def test_the_reader_refuses_a_broken_string(line: str):
    with pytest.raises(PoSyntaxError):
        read_po(f'{line}\nmsgstr ""\n')


def test_the_reader_reads_escapes():
    (entry,) = read_po('msgid "a\\"b\\\\c\\td\\n"\nmsgstr "x"\n')
    assert entry.msgid == 'a"b\\c\td\n'


@pytest.mark.parametrize("command",
                         ["", "score", "rank", "validate", "template", "convert", "schema"])
def test_chinese_help_fits_80_columns(command: str):
    from jyscore.cli.localized import display_width

    args = ["--lang", "zh", *([command] if command else []), "--help"]
    result = CliRunner().invoke(cli, args, terminal_width=80)
    wide = [line for line in result.output.splitlines()
            if display_width(line) > 80 and display_width(line) != len(line)]
    assert not wide
    assert "按所给路径下的评分表为所有学院排名" in run("--lang", "zh", "--help").output


@pytest.mark.parametrize("text, width, lines", [
    ("一二三四五六", 6, ["一二三", "四五六"]),
    ("一二，三四", 4, ["一", "二，", "三四"]),  # a comma never starts a line
    ("按 --max-gap 警告", 12, ["按 --max-gap", "警告"]),  # an option is never split
    ("甲（乙）丙", 6, ["甲", "（乙）", "丙"]),  # nor ends one
    ("short words only", 11, ["short words", "only"]),
])
def test_wrap_wide_counts_columns_and_keeps_words_and_punctuation(text, width, lines):
    from jyscore.cli.localized import display_width, wrap_wide

    assert wrap_wide(text, width) == lines
    assert all(display_width(line) <= width for line in lines)


def test_a_worker_process_speaks_the_language_of_the_run(tmp_path: Path):
    """Workers get the run's language when they start (a spawned one would not inherit it)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from jyscore.pipeline.parallel import _start_worker

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_start_worker,
                             initargs=(len, None, os.getpid(), "zh")) as pool:
        message = pool.submit(render_message, "JY101",
                              {"column": "self", "value": 7, "cap": 6, "step": 0.5}).result()
    assert message == "self 7 超过上限；允许 0 到 6，按 0.5 分一档"


@pytest.mark.lang("zh")
def test_a_ranking_read_in_a_pool_reports_in_chinese():
    result = run("rank", str(DATA / "bad"), "--parallel-threshold", "2")
    assert result.exit_code == 1
    assert "超过上限" in result.stderr and "is over the cap" not in result.stderr


def test_rubric_errors_are_our_words_not_pydantics(tmp_path: Path):
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("id: x\nname: 甲\ntotal: 4\nstep: 0.5\nindicators:\n"
                      "  - {id: '1', name: 甲, points: -1}\n"
                      "  - {id: '2', name: 乙, points: 3, kind: nope}\n", encoding="utf-8")
    args = ("validate", "--rubric", str(rubric), str(EXAMPLES / "文学院.yaml"))
    zh = run("--lang", "zh", *args).output
    assert "1 points：必须不小于 0" in zh and "2 kind：不是指标体系文件的键" in zh
    assert english_words(zh) == []
    en = run("--lang", "en", *args).output
    assert "1 points: must be at least 0" in en and "2 kind: not a key of a rubric file" in en


def test_a_rubric_number_that_is_not_a_plain_number_is_named_in_both_languages(tmp_path: Path):
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("id: x\nname: 甲\ntotal: abc\nstep: 0.5\nindicators:\n"
                      "  - {id: '1', name: 甲, points: 4}\n", encoding="utf-8")
    args = ("validate", "--rubric", str(rubric), str(EXAMPLES / "文学院.yaml"))
    zh = run("--lang", "zh", *args).output
    assert "total：应为普通数字，如 5 或 0.5，小数点前最多 12 位" in zh
    assert english_words(zh) == []
    en = run("--lang", "en", *args).output
    assert "total: expected a plain number such as 5 or 0.5, with at most 12 digits" in en
