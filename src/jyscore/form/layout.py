"""The contract between the form jyscore writes and the workbooks it reads. No openpyxl here.

The reader relies on as little of the form's look as possible, so that a form from an older
jyscore, or one a user re-arranged, still reads:

* the visible worksheet titled 评分表 (else the first visible one with the form's header row)
  holds the form; hidden sheets are never read; above its header row, a label cell (``学院``,
  ``年度``, ``指标体系``, ``考核人``, or ``college``/``year``/``rubric``/``assessor``) has its value
  in the cell to its right;
* the header row is the first row with an ``编号`` cell and a ``自评分数`` or ``考核分数`` cell (the
  rubric's labels, or ``id``/``self``/``assessed``/``note``); columns are found by these texts;
* below it, a row whose ``编号`` is an id scores that id: its 自评分数, 考核分数 and 备注 cells;
* a row whose ``编号`` is ``<id>/<label>`` (``6.1.1/目标就业率``) gives that input of an item with
  a rule: its value in the 自评分数 column holds for both columns, unless the 考核分数 column
  gives another value for the assessment (an input given per column);
* a row whose ``编号`` is ``<调整>/<id>`` (the rubric's ``adjustments`` label, or
  ``adjustments``) enters that adjustment: the amount in each score column, and a note; a row
  ``<一票否决>/<id>`` (the ``veto`` label, or ``vetoes``) reports that veto in each column with 1
  (0 or blank: it does not apply);
* a row whose ``编号`` is the note label (``备注`` or ``note``) holds the sheet's own note in the
  first cell to the right;
* formulas in cells that the form itself computes (groups, items summed from their parts, bonus
  points) are ignored; any other formula must carry its computed value.
"""

from __future__ import annotations

from jyscore.core import rules
from jyscore.core.models import DefaultLabel, Labels, Node, Rubric

INPUT_SEPARATOR = "/"
# the columns of the form, in order
COLUMNS: tuple[str, ...] = (
    "id", "primary", "secondary", "focus", "criteria", "points", "methods", "self", "assessed",
    "note",
)
SCORE_FIELDS = ("self", "assessed")
# the label of the form's rubric cell: jyscore's own word, written in the language of the run
# and read in any language
RUBRIC_LABEL = DefaultLabel("rubric")
# the Labels field (and level) each column's and top field's header comes from
HEADER_LABELS: dict[str, tuple[str, int | None]] = {
    "id": ("id", None), "primary": ("levels", 0), "secondary": ("levels", 1),
    "focus": ("focus", None), "criteria": ("criteria", None), "points": ("points", None),
    "methods": ("methods", None), "self": ("self_", None), "assessed": ("assessed", None),
    "note": ("note", None),
}
TOP_LABELS: dict[str, tuple[str, int | None]] = {
    "college": ("college", None), "year": ("year", None), "assessor": ("assessor", None),
}
INPUT_LABELS = ("target", "rate", "graduates", "employed", "count")
MAX_HEADER_ROW = 30  # the header row is searched for in this many rows
MAX_ROWS = 5000  # rows below that are never read: the form has a few hundred at most
MAX_COLUMNS = 40


def headers(rubric: Rubric) -> dict[str, str]:
    """The header text of each column, in the rubric's own words."""
    labels = rubric.labels
    return {
        "id": labels.id,
        "primary": labels.level(0),
        "secondary": labels.level(1),
        "focus": labels.focus,
        "criteria": labels.criteria,
        "points": labels.points,
        "methods": labels.methods,
        "self": labels.self_,
        "assessed": labels.assessed,
        "note": labels.note,
    }


def top_labels(rubric: Rubric) -> dict[str, str]:
    """The label shown beside each top field (``学院`` for ``college``)."""
    labels = rubric.labels
    return {"college": labels.college, "year": labels.year, "rubric": RUBRIC_LABEL.shown(),
            "assessor": labels.assessor}


def input_labels(rubric: Rubric) -> dict[str, str]:
    """The words for a bonus rule's inputs (``target`` -> ``目标就业率``)."""
    labels = rubric.labels
    return {
        "target": labels.target,
        "rate": labels.rate,
        "graduates": labels.graduates,
        "employed": labels.employed,
        "count": labels.count,
    }


def normal(text: str) -> str:
    """A label as compared: no surrounding blanks or trailing colon, ASCII case ignored."""
    return text.strip().rstrip(":：").strip().casefold()


def _aliases(words: dict[str, str]) -> dict[str, str]:
    found = {normal(field): field for field in words}
    found.update({normal(label): field for field, label in words.items()})
    return found


def _with_variants(found: dict[str, str], labels: Labels,
                   sources: dict[str, tuple[str, int | None]]) -> dict[str, str]:
    """``found`` and, for a label the rubric does not give, jyscore's word in every language."""
    for field, (name, depth) in sources.items():
        for word in labels.variants(name, depth):
            found.setdefault(normal(word), field)
    return found


def header_fields(rubric: Rubric) -> dict[str, str]:
    """Header text (normalised) -> column field, in the rubric's words or the YAML names."""
    return _with_variants(_aliases(headers(rubric)), rubric.labels, HEADER_LABELS)


def top_fields(rubric: Rubric) -> dict[str, str]:
    found = _with_variants(_aliases(top_labels(rubric)), rubric.labels, TOP_LABELS)
    for word in RUBRIC_LABEL.every_language():
        found.setdefault(normal(word), "rubric")
    return found


def item_input_labels(rubric: Rubric, node: Node | None) -> dict[str, str]:
    """The words for an item's inputs: the rubric's label for each, else its labels by name."""
    words = input_labels(rubric)
    if node is not None:
        words.update({s.name: s.shown(rubric.labels) for s in rules.input_specs(node)})
    return words


def input_fields(rubric: Rubric, node: Node | None = None) -> dict[str, str]:
    return _with_variants(_aliases(item_input_labels(rubric, node)), rubric.labels,
                          {name: (name, None) for name in INPUT_LABELS})


def input_key(rubric: Rubric, item_id: str, field: str) -> str:
    """The ``编号`` text of an input row: ``6.1.1/目标就业率``."""
    words = item_input_labels(rubric, rubric.nodes.get(item_id))
    return f"{item_id}{INPUT_SEPARATOR}{words.get(field, field)}"


def adjustment_key(rubric: Rubric, adjustment_id: str) -> str:
    """The ``编号`` text of an adjustment's row: ``调整/造假``."""
    return f"{rubric.labels.adjustments}{INPUT_SEPARATOR}{adjustment_id}"


def veto_key(rubric: Rubric, veto_id: str) -> str:
    """The ``编号`` text of a veto's row: ``一票否决/否决1``."""
    return f"{rubric.labels.veto}{INPUT_SEPARATOR}{veto_id}"


def totals_key(rubric: Rubric, key: str) -> tuple[str, str] | None:
    """``调整/造假`` -> (``adjustments``, ``造假``); ``一票否决/否决1`` -> (``vetoes``, ``否决1``);
    None for any other key (an item id that happens to be such a label stays an item)."""
    prefix, separator, rest = key.partition(INPUT_SEPARATOR)
    if not separator or prefix.strip() in rubric.nodes:
        return None
    sections = _with_variants({
        normal(rubric.labels.adjustments): "adjustments", normal("adjustments"): "adjustments",
        normal(rubric.labels.veto): "vetoes", normal("vetoes"): "vetoes",
        normal("veto"): "vetoes",
    }, rubric.labels, {"adjustments": ("adjustments", None), "vetoes": ("veto", None)})
    section = sections.get(normal(prefix))
    return (section, rest.strip()) if section is not None else None


def split_key(rubric: Rubric, key: str) -> tuple[str, str | None]:
    """``6.1.1/目标就业率`` -> (``6.1.1``, ``target``); ``1.1`` -> (``1.1``, None).

    An unknown label is returned as it is, so that the sheet checker reports it as an unknown
    field with the allowed ones.
    """
    item_id, separator, label = key.partition(INPUT_SEPARATOR)
    if not separator:
        return key.strip(), None
    label, item_id = label.strip(), item_id.strip()
    return item_id, input_fields(rubric, rubric.nodes.get(item_id)).get(normal(label), label)


def rule_inputs(node: Node) -> tuple[str, ...]:
    """The inputs an item's rule takes outside the score columns, in the rule's order."""
    return tuple(s.name for s in rules.input_specs(node))


def takes_scores(node: Node) -> bool:
    """Whether an item is scored in the 自评/考核 columns (rather than computed from inputs)."""
    return rules.hand_scored(node)


def computed(rubric: Rubric, item_id: str, field: str) -> bool:
    """Whether the form itself fills this cell with a formula (and a formula there is ignored)."""
    node = rubric.nodes.get(item_id)
    if node is None or node.children:
        return True
    if field not in SCORE_FIELDS:
        return False
    return bool(node.parts) or not takes_scores(node)
