"""The built-in rubric against the seed, and the rubric checks on broken rubrics."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources

import pytest

from jyscore import load_rubric
from jyscore.core.problems import JyscoreError

from .conftest import DATA, ROOT, SEED

CAPS = {
    "1.1": 6, "1.2": 5, "1.3": 4, "1.4.1": 3, "1.4.2": 3, "2.1.1": 2, "2.1.2": 4, "2.2.1": 5,
    "2.2.2": 4, "2.2.3": 4, "2.2.4": 2, "3.1": 4, "3.2.1": 6, "3.2.2": 3, "3.3.1": 4,
    "3.3.2": 5, "3.4": 3, "3.5": 4, "3.6": 4, "4.1": 3, "4.2": 7, "4.3": 6, "4.4": 3,
    "5.1": 3, "5.2": 3,
}
WITH_PARTS = {
    "1.1", "1.2", "1.3", "2.2.1", "2.2.4", "3.2.1", "3.4", "4.1", "4.2", "4.3", "4.4", "5.2",
}


def test_primary_points_match_the_seed(rubric):
    assert [(n.id, n.name, n.points) for n in rubric.indicators] == [
        ("1", "组织领导", 21), ("2", "市场开发与建设", 21), ("3", "就业指导与服务", 33),
        ("4", "就业管理", 19), ("5", "工作成效", 6),
    ]
    assert rubric.total == 100 and rubric.step == Decimal("0.5")


def test_the_25_items_and_their_caps(rubric):
    assert {i.id: i.points for i in rubric.items} == CAPS
    assert {i.id for i in rubric.items if i.parts} == WITH_PARTS
    for item in rubric.items:
        assert sum(p.points for p in item.parts) in (0, item.points)


def test_parts_follow_the_seed_text(rubric):
    assert [(p.id, p.points) for p in rubric.nodes["2.2.1"].parts] == [
        ("2.2.1.1", 3), ("2.2.1.2", 2)]
    assert [p.points for p in rubric.nodes["1.1"].parts] == [4, 2]
    for item in rubric.items:
        for part in item.parts:
            assert part.name in item.criteria
            assert f"（{part.points}分）" in item.criteria


@pytest.mark.skipif(not SEED.exists(), reason="the seed lives beside the repository")
def test_every_text_is_verbatim_from_the_seed(rubric):
    seed = SEED.read_text(encoding="utf-8")
    for node, _ in rubric.walk():
        for text in (node.name, node.focus, node.criteria):
            if text:
                assert text in seed, (node.id, text)


def test_bonus_items(rubric):
    assert [(b.id, b.name, b.rule.kind) for b in rubric.bonus_items] == [
        ("6.1.1", "本专科毕业生初次就业率", "rate_steps"),
        ("6.1.2", "研究生初次就业率", "manual"),
        ("6.2", "学术研究", "per_unit"),
    ]
    rule = rubric.nodes["6.1.1"].rule
    assert (rule.step, rule.per_step, rule.max) == (5, 1, 4)


def test_the_built_in_rubric_is_the_repository_file():
    assert load_rubric() == load_rubric(ROOT / "rubric" / "imnu-employment.yaml")


def test_an_installed_jyscore_carries_the_rubric_folder():
    """A wheel (which CI installs) holds ``rubric/`` as ``jyscore/rubrics/``, copied by the build
    (setup.py): the one committed copy is the repository's."""
    packaged = resources.files("jyscore") / "rubrics"
    if not packaged.is_dir():
        pytest.skip("an editable install: jyscore reads rubric/ in the checkout")
    files = sorted((ROOT / "rubric").glob("*.yaml"))
    assert sorted(p.name for p in packaged.iterdir()) == [f.name for f in files]
    for file in files:
        assert (packaged / file.name).read_bytes() == file.read_bytes(), file.name


def test_a_rubric_of_another_shape_loads():
    tiny = load_rubric(DATA / "rubrics" / "tiny.yaml")
    assert [i.id for i in tiny.items] == ["1.1", "1.10"]
    assert tiny.nodes["1.10"].name == "甲十"


EXPECTED = json.loads((DATA / "rubrics" / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_rubrics_report_every_problem(name):
    with pytest.raises(JyscoreError) as info:
        load_rubric(DATA / "rubrics" / name)
    found = sorted(((p.code, p.line) for p in info.value.problems), key=str)
    assert found == sorted((tuple(e) for e in EXPECTED[name]), key=str)


def test_pydantic_errors_point_at_the_line(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nname: R\ntotal: 5\nstep: 1\nindicators:\n  - id: '1'\n    name: A\n"
        "    points: five\n", encoding="utf-8",
    )
    with pytest.raises(JyscoreError) as info:
        load_rubric(path)
    assert [(p.code, p.line) for p in info.value.problems] == [("JY200", 8)]
    # the item's id and the key, never an index path such as indicators.0.points
    problem = info.value.problems[0]
    assert problem.message.startswith("1 points:") and problem.item_id == "1"
    assert "indicators.0" not in problem.message


def test_unknown_bonus_rule_is_refused(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nname: R\ntotal: 1\nstep: 1\nindicators:\n  - {id: '1', name: A, points: 1}\n"
        "bonus:\n  - id: '2'\n    name: B\n    rule: {kind: lottery}\n", encoding="utf-8",
    )
    with pytest.raises(JyscoreError) as info:
        load_rubric(path)
    assert [(p.code, p.line) for p in info.value.problems] == [("JY200", 10)]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("colour: red\n", [("JY200", 5, "not a key of a rubric file")]),
        ("labels:\n  self_: 自评\n", [("JY200", 6, "not a key of a rubric file")]),
        ("labels:\n  total: [1]\n", [("JY200", 6, "labels.total")]),
        ("", []),
    ],
)
def test_rubric_file_keys_are_checked(tmp_path, extra, expected):
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\ntotal: 1\nstep: 1\n" + extra
                    + "indicators:\n  - {id: '1', name: A, points: 1}\n", encoding="utf-8")
    try:
        load_rubric(path)
        found = []
    except JyscoreError as exc:
        found = [(p.code, p.line, p.message) for p in exc.problems]
    assert [(code, line) for code, line, _ in found] == [(c, n) for c, n, _ in expected]
    for (_, _, message), (_, _, words) in zip(found, expected, strict=True):
        assert words in message


def test_a_rubric_file_names_the_self_column_self(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\ntotal: 1\nstep: 1\nlabels:\n  self: 自评分数\n"
                    "indicators:\n  - {id: '1', name: A, points: 1}\n", encoding="utf-8")
    assert load_rubric(path).labels.self_ == "自评分数"


def test_a_cached_rubric_is_used_only_for_the_bytes_it_was_built_from(tmp_path, monkeypatch):
    from jyscore import load_rubric
    from jyscore.readers.rubric_cache import cache_file, cache_stamp, read_cache, write_cache

    monkeypatch.setenv("JYSCORE_CACHE_DIR", str(tmp_path))
    rubric = load_rubric()
    stamp = cache_stamp(b"title: one rubric\n")
    assert stamp is not None
    path = cache_file(stamp)
    assert path is not None and path.parent == tmp_path
    write_cache(path, stamp, rubric)
    assert read_cache(path, stamp) == rubric
    other = cache_stamp(b"title: one rubric!\n")
    assert other is not None and read_cache(path, other) is None  # even under the same name
    path.write_bytes(b"not a pickle")
    assert read_cache(path, stamp) is None
