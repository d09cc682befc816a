"""`jyscore schema`: the committed schema is current, and it says what the loader says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jyscore.cli import cli
from jyscore.core.models import Rubric
from jyscore.readers.files import discover
from jyscore.writers.schema import sheet_schema

from .conftest import DATA, ROOT

COMMITTED = ROOT / "schema" / "sheet.schema.json"
EXAMPLES = sorted((ROOT / "examples" / "2024").rglob("*.yaml"))  # the built-in rubric
MODELINE = "# yaml-language-server: $schema="
# keywords that mean the same in draft-07 (what yaml-language-server implements) and 2020-12
PORTABLE = {
    "$schema", "title", "description", "type", "properties", "required", "additionalProperties",
    "allOf", "anyOf", "oneOf", "not", "const", "minimum", "maximum", "multipleOf", "minLength",
    "pattern",
}


def run_schema(*args: str) -> str:
    result = CliRunner().invoke(cli, ["schema", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def keywords(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key == "properties":
                for sub in value.values():
                    found |= keywords(sub)
            elif isinstance(value, (dict, list)):
                found |= keywords(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= keywords(value)
    return found


def test_committed_schema_is_what_the_command_prints():
    assert COMMITTED.read_text(encoding="utf-8") == run_schema(), (
        "schema/sheet.schema.json is stale: run `jyscore schema > schema/sheet.schema.json`"
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_point_at_the_committed_schema(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    target = (path.parent / first.removeprefix(MODELINE)).resolve()
    assert target == COMMITTED.resolve()


def test_every_scorable_id_is_a_property_with_cap_and_step(rubric: Rubric):
    schema = json.loads(run_schema(), parse_float=str, parse_int=str)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["college", "year", "scores"]
    assert schema["additionalProperties"] is False
    scores = schema["properties"]["scores"]
    assert list(scores["properties"]) == list(rubric.scorable_ids)
    assert scores["additionalProperties"] is False
    for item_id, entry in scores["properties"].items():
        node = rubric.nodes[item_id]
        assert entry["description"] == f"{node.id} {node.name}"
        assert entry["additionalProperties"] is False
    self_ = scores["properties"]["1.1"]["properties"]["self"]
    assert self_ == {
        "description": "自评分数", "type": "number", "minimum": "0", "maximum": "6",
        "multipleOf": "0.5",
    }
    assert scores["properties"]["1.1.2"]["properties"]["assessed"]["maximum"] == "2"
    count = scores["properties"]["6.2"]["properties"]["count"]["anyOf"]
    assert count[0]["type"] == "integer"  # once for both columns, or per column:
    assert count[1]["required"] == ["self", "assessed"]
    assert "maximum" not in scores["properties"]["6.1.2"]["properties"]["self"]  # manual, no cap


def test_numbers_are_written_exactly():
    text = run_schema()
    assert '"multipleOf": 0.5' in text
    assert '"maximum": 6,' in text
    assert "0.50" not in text and "6.0" not in text and "e+" not in text.lower()
    tiny = run_schema("--rubric", str(DATA / "rubrics" / "tiny.yaml"))
    data = json.loads(tiny)
    entry = data["properties"]["scores"]["properties"]["1.10"]
    assert '"multipleOf": 1\n' in tiny
    assert entry["description"] == "1.10 甲十"
    assert data["properties"]["rubric"]["const"] == "tiny"


def test_only_portable_keywords(rubric: Rubric):
    assert keywords(sheet_schema(rubric)) <= PORTABLE


def test_a_broken_rubric_exits_1():
    bad = str(DATA / "rubrics" / "bad-points.yaml")
    result = CliRunner().invoke(cli, ["schema", "--rubric", bad])
    assert result.exit_code == 1
    assert "JY20" in result.output


# -- the schema at work, with the jsonschema package when it is installed ----------------------


def _as_an_editor_sees_it(path: Path) -> Any:
    """YAML as yaml-language-server reads it: numbers are numbers, keys are strings."""
    yaml = pytest.importorskip("yaml")

    def keys_as_text(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): keys_as_text(v) for k, v in value.items()}
        return value

    return keys_as_text(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "path", EXAMPLES + discover([DATA / "validate" / "good"]), ids=lambda p: p.name
)
def test_good_sheets_pass(validator, path: Path):
    assert list(validator.iter_errors(_as_an_editor_sees_it(path))) == []


@pytest.mark.parametrize(
    ("change", "keyword"),
    [
        (lambda d: d["scores"]["1.2"].update(self=6), "maximum"),
        (lambda d: d["scores"]["1.2"].update(assessed=-0.5), "minimum"),
        (lambda d: d["scores"]["1.2"].update(self=4.25), "multipleOf"),
        (lambda d: d["scores"]["1.2"].update(slef=4), "additionalProperties"),
        (lambda d: d["scores"].update({"2.1.3": {"self": 1}}), "additionalProperties"),
        (lambda d: d["scores"].pop("3.6"), "required"),
        (lambda d: d["scores"].update({"1.1": {"self": 6, "assessed": 6}}), "oneOf"),
        (lambda d: d["scores"].pop("1.1.2"), "oneOf"),
        (lambda d: d.pop("college"), "required"),
        (lambda d: d.update(colege="x"), "additionalProperties"),
        (lambda d: d.update(rubric="tiny"), "const"),
        (lambda d: d["scores"].update({"6.2": {"count": 1.5}}), "anyOf"),  # once, or per column
        (lambda d: d["scores"].update({"6.1.1": {"target": 89.4, "rate": 95, "graduates": 10}}),
         "oneOf"),
        (lambda d: d["scores"].update({"6.1.1": {"target": "89.4 percent", "rate": 95}}),
         "anyOf"),
    ],
)
def test_bad_sheets_fail(validator, change, keyword):
    data = _as_an_editor_sees_it(ROOT / "examples" / "2024" / "文学院.yaml")
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert keyword in {e.validator for e in errors}


def test_percent_text_and_counts_pass(validator):
    data = _as_an_editor_sees_it(ROOT / "examples" / "2024" / "文学院.yaml")
    data["scores"]["6.1.1"] = {"target": "89.4%", "graduates": 125, "employed": 118}
    data["scores"]["6.2"] = {"count": 2, "note": "两篇"}
    assert list(validator.iter_errors(data)) == []
