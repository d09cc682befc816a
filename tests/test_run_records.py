"""The one run under validate, rank, report and compare: one record per file, in file order."""

from __future__ import annotations

from pathlib import Path

from jyscore.pipeline.parallel import PoolSettings
from jyscore.pipeline.run import FileRecord, ReadSettings, SheetRecord, loaded, read_files
from jyscore.readers.files import discover

VALIDATE = Path(__file__).parent / "data" / "validate"


def test_a_record_per_file_with_what_could_be_read_of_it(rubric):
    files = discover([VALIDATE / "broken", VALIDATE / "mixed-rubrics"])
    records = read_files(files, ReadSettings(rubric, score_column="assessed"))
    assert [r.path for r in records] == files
    by_name = {r.path.name: r for r in records}
    broken = by_name["b-over-cap.yaml"]
    assert type(broken) is FileRecord and broken.standing is None
    assert any(p.is_error for p in broken.problems)
    assert (broken.head.college, broken.head.year) == ("心理学院", 2024)
    other = by_name["数学科学学院.yaml"]  # names another rubric: not loaded, its id kept
    assert type(other) is FileRecord and other.named_rubric[0] == "tiny"
    good = by_name["d-good.yaml"]
    assert isinstance(good, SheetRecord) and good.standing is not None
    assert (good.college, good.year, good.assessor) == (good.standing.college, 2024, None)
    assert good.source == good.standing.source and "college" in good.positions
    # the sheets a run goes on with, in file order: a warning (a GB18030 file) keeps a sheet in;
    # a syntax error, a score over its cap and another rubric's sheet leave theirs out
    assert [r.path.name for r in loaded(records)] == [
        "c-gb18030.yaml", "d-good.yaml", "心理学院.yaml", "文学院.yaml",
    ]
    assert [p.code for p in loaded(records)[0].problems] == ["JY003"]


def test_what_a_run_works_out_is_what_it_asks_for(rubric):
    files = discover([VALIDATE / "not-assessed"])
    plain = read_files(files, ReadSettings(rubric))
    asked = read_files(files, ReadSettings(rubric, sheet_warnings=True))
    assert all(r.standing is None for r in plain)
    assert [p.code for r in loaded(plain) for p in r.warnings] == []
    assert "JY304" in [p.code for r in loaded(asked) for p in r.warnings]


def test_pooled_records_keep_the_callers_paths(rubric):
    files = discover([VALIDATE / "broken", VALIDATE / "duplicate"])
    records = read_files(files, ReadSettings(rubric, score_column="assessed"),
                         PoolSettings(threshold=1, workers=2))
    assert all(record.path is path for record, path in zip(records, files, strict=True))
