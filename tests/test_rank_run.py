"""The library under `jyscore rank`: run-wide defaults (targets), the pool, the progress bar."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from jyscore import load_sheet
from jyscore.core.problems import JyscoreError
from jyscore.core.run import tie_break_keys, tie_policy
from jyscore.pipeline.parallel import PoolSettings
from jyscore.pipeline.rank import RankRequest, rank_paths
from jyscore.pipeline.run import ReadSettings, read_files
from jyscore.readers.defaults import Default, SheetDefaults
from jyscore.readers.files import check_sheet, discover
from jyscore.readers.targets import load_targets, target_items
from jyscore.writers.formats import rank_format_for
from jyscore.writers.progress import DelayedProgress

from .conftest import DATA, ROOT
from .sheets import sheet_text

EXAMPLES = ROOT / "examples" / "2024"

RANK = DATA / "rank"
TARGETS = SheetDefaults(
    "targets.yaml", {"6.1.1": ("target",)},
    {"测试学院": {"6.1.1": {"target": Default(Decimal("89.4"), "targets.yaml:3")}}},
)


def codes(path: Path, rubric, defaults=TARGETS) -> list[tuple[str, int | None]]:
    try:
        sheet = load_sheet(path, rubric, defaults=defaults)
    except JyscoreError as exc:
        return [(p.code, p.line) for p in exc.problems]
    return [(p.code, p.line) for p in sheet.warnings]


@pytest.fixture
def sheet(tmp_path):
    def write(entry: str, college: str = "测试学院") -> Path:
        path = tmp_path / "sheet.yaml"
        path.write_text(sheet_text(college=college, extra=f'  "6.1.1": {entry}'), encoding="utf-8")
        return path

    return write


# -- defaults reach the checker before it checks -------------------------------------------------


def test_a_default_fills_a_missing_target(sheet, rubric):
    loaded = load_sheet(sheet("{graduates: 125, employed: 120}"), rubric, defaults=TARGETS)
    assert loaded.entries["6.1.1"].inputs["target"] == Decimal("89.4")


def test_the_same_target_is_fine_a_different_one_is_not(sheet, rubric):
    assert codes(sheet("{target: 89.40, rate: 95}"), rubric) == []
    assert codes(sheet("{target: 85, rate: 95}"), rubric) == [("JY502", 30)]


def test_no_target_anywhere_is_one_problem(sheet, rubric):
    # JY503 names the targets file; the rule's own 'target missing' (JY122) is not repeated
    assert codes(sheet("{rate: 95}", college="别的学院"), rubric) == [("JY503", 30)]
    assert codes(sheet("{rate: 95}", college="别的学院"), rubric, defaults=None) == [("JY122", 30)]


def test_a_malformed_target_is_reported_once(sheet, rubric):
    assert codes(sheet("{target: abc, rate: 95}"), rubric) == [("JY100", 30)]


def test_other_checks_still_run_with_a_default(sheet, rubric):
    assert codes(sheet("{graduates: 100, employed: 120}"), rubric) == [("JY120", 30)]
    assert codes(sheet("{employed: 120}", college="别的学院"), rubric) == [
        ("JY122", 30), ("JY503", 30)
    ]


# -- the targets file --------------------------------------------------------------------------


def test_load_targets(rubric):
    targets = load_targets(RANK / "targets" / "targets.yaml", rubric)
    assert targets.year == 2024 and targets.colleges == ("文学院", "化学学院", "数学学院")
    assert target_items(rubric) == ("6.1.1",)
    default = targets.defaults.for_entry("文学院", "6.1.1")["target"]
    assert default == Default(Decimal("89.4"), f"{RANK / 'targets' / 'targets.yaml'}:4")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- 文学院\n", [("JY020", 1)]),
        ("year: 2024\n", [("JY021", None)]),
        ("targets: {文学院: 89.4}\nyaer: 2024\n", [("JY022", 2)]),
        ("year: twenty\ntargets: {文学院: 89.4}\n", [("JY023", 1)]),
        ("targets:\n  文学院: 89.4\n  文学院: 90\n", [("JY009", 3)]),
        ("targets:\n  文学院: yes\n", [("JY510", 2)]),
        ("targets:\n  文学院: 89.4%\n", []),
        ("targets:\n", []),
    ],
)
def test_targets_file_problems(tmp_path, rubric, text, expected):
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_targets(path, rubric)
        found = []
    except JyscoreError as exc:
        found = [(p.code, p.line) for p in exc.problems]
    assert found == expected


# -- the process pool --------------------------------------------------------------------------


def test_the_pool_keeps_the_order_and_every_problem(rubric):
    files = discover([RANK / "with-bad", RANK / "tie"])
    calls: list[tuple[int, int]] = []
    settings = ReadSettings(rubric, score_column="assessed", keep_items=True)
    pool = PoolSettings(threshold=2, workers=2,
                        progress=lambda done, total: calls.append((done, total)))
    pooled = read_files(files, settings, pool)
    serial = [check_sheet(path, rubric) for path in files]
    assert [r.path for r in pooled] == files
    assert [(r.standing is not None, r.problems) for r in pooled] == [
        (r.ok, tuple(r.problems)) for r in serial
    ]
    assert [r.standing.college if r.standing else None for r in pooled] == [
        r.sheet.college if r.ok and r.sheet else None for r in serial
    ]
    assert calls == [(n, len(files)) for n in range(1, len(files) + 1)]


def test_the_pool_carries_the_defaults(rubric):
    targets = load_targets(RANK / "targets" / "targets.yaml", rubric)
    outcome = rank_paths([RANK / "targets" / "ok"], RankRequest(rubric, targets=targets),
                         pool=PoolSettings(threshold=2))
    assert {r.college: r.bonus for r in outcome.ranking.rows} == {"文学院": 1, "化学学院": 1}


def test_skipped_sheets_keep_the_file_order(rubric):
    outcome = rank_paths([RANK / "with-bad"], RankRequest(rubric, skip_invalid=True))
    assert [s.path.name for s in outcome.skipped] == ["not-assessed.yaml", "over-cap.yaml"]
    assert outcome.files_checked == 4 and outcome.year == 2024


# -- policy, formats and progress ----------------------------------------------------------------


def test_tie_policy_names_keys_by_their_labels(rubric):
    assert tie_break_keys(rubric) == ("base", "bonus", "1", "2", "3", "4", "5")
    text = tie_policy(rubric, "self", ("bonus", "2"))
    assert text.startswith("ranked on the exact 自评分数 总分;")
    assert text.endswith("compared by 加分, then 2 市场开发与建设 (higher first)")


@pytest.mark.parametrize(
    "name, expected",
    [("r.csv", "csv"), ("r.JSON", "json"), ("r.md", "markdown"), ("r.markdown", "markdown"),
     ("r.txt", "table"), ("r.table", None), ("r", None), ("r.pdf", None)],
)
def test_format_from_the_extension(name, expected):
    assert rank_format_for(Path(name)) == expected


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_appears_only_after_a_moment():
    stream = _Terminal()
    with DelayedProgress("rank", delay=3600, stream=stream) as bar:
        bar(1, 10)
    assert stream.getvalue() == ""
    stream = _Terminal()
    with DelayedProgress("rank", delay=0, stream=stream) as bar:
        bar(1, 10)
        bar(5, 10)
    assert "rank" in stream.getvalue() and "5/10" in stream.getvalue()


def test_standings_share_numbers_only_when_they_read_the_same():
    from jyscore.core.engine import Totals
    from jyscore.core.ranking import Standing

    def standing(base: str, bonus: str) -> Standing:
        return Standing("c", 2024, "s.yaml", {"assessed": Totals(Decimal(base), Decimal(bonus))},
                        {"assessed": {"1": Decimal(base)}})

    values: dict = {}
    first = standing("5", "0").sharing(values)
    second = standing("5", "-0").sharing(values)
    third = standing("5.0", "0").sharing(values)
    assert second.totals["assessed"].base is first.totals["assessed"].base
    assert str(second.totals["assessed"].bonus) == "-0"
    assert str(third.totals["assessed"].base) == "5.0"
    assert second.primary["assessed"]["1"] is first.totals["assessed"].base


@pytest.mark.parametrize("threshold", [2, 1000])
def test_rank_leaves_the_garbage_collector_on_even_when_it_fails(rubric, threshold):
    import gc

    with pytest.raises(JyscoreError) as caught:
        rank_paths([RANK / "with-bad"], RankRequest(rubric), pool=PoolSettings(threshold=threshold))
    assert caught.value.problems and gc.isenabled()


@pytest.mark.parametrize(("limit", "kept"), [(None, True), (99, True), (3, False)])
def test_item_tables_are_kept_up_to_the_detail_limit_of_colleges_ranked(rubric, limit, kept):
    """``details`` keeps each college's item table when at most ``detail_limit`` colleges are
    ranked (the examples rank 13): the pipeline decides it, whatever the writer does with it."""
    outcome = rank_paths([EXAMPLES], RankRequest(rubric, details=True, detail_limit=limit))
    assert len(outcome.ranking.rows) > 3
    assert {row.result is not None for row in outcome.ranking.rows} == {kept}


def test_no_item_tables_without_details(rubric):
    outcome = rank_paths([EXAMPLES], RankRequest(rubric, detail_limit=None))
    assert all(row.result is None for row in outcome.ranking.rows)
