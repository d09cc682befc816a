"""The problem codes of a rubric file (JY2xx): its points, ids, rules, adjustments, vetoes and
grade bands.

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

from jyscore.i18n.codes import Message

MESSAGES: dict[str, Message] = {
    # -- rubric files ----------------------------------------------------------------------------
    "JY200": Message("rubric-invalid", "{where}: {reason}"),
    "JY201": Message(
        "points-sum",
        "the points of its {kind} add up to {actual}, but it is worth {declared}",
    ),
    "JY202": Message(
        "total-sum",
        "the primary indicators add up to {actual} points, but the rubric declares {declared}",
    ),
    "JY203": Message("duplicate-id", "id {node_id!r} is used twice (first on line {first_line})"),
    "JY204": Message(
        "id-parent", "id {node_id!r} does not start with its parent's id {parent_id!r} and a dot"
    ),
    "JY205": Message("points-step", "{points} points is not a multiple of the step {step}"),
    "JY206": Message("missing-points", "a scorable item needs points"),
    "JY240": Message(
        "adjustment-range-order", "its range runs from {min} to {max}; min must not be above max"
    ),
    "JY241": Message(
        "adjustment-range-step", "the range's {key} {value} is not a multiple of the step {step}"
    ),
    "JY242": Message(
        "duplicate-total-id",
        "id {node_id!r} is used twice in this list (first on line {first_line})",
    ),
    "JY243": Message(
        "veto-without-result",
        "a veto needs what it sets: total (such as 0), grade (such as 不合格) or both",
    ),
    "JY244": Message(
        "veto-unknown-grade",
        "the veto sets grade {grade!r}, which is not a grade band{suggestion}; bands: {bands}",
    ),
    "JY245": Message("band-order", "grade band {name!r}: {reason}"),
    "JY246": Message(
        "band-bounds",
        "grade band {name!r} has both min and above; give one (min counts the total itself, "
        "above only totals above it)",
    ),
    "JY247": Message(
        "last-band-bound",
        "grade band {name!r} is the last band: it takes every total below the others, so it "
        "has no min or above",
    ),
    "JY248": Message("band-quota", "grade band {name!r} has the quota {quota}%; {reason}"),
    "JY249": Message("duplicate-band", "the grade band {name!r} is named twice"),
    "JY207": Message(
        "children-and-parts",
        "has both children and parts; a group sums its children, an item its parts: keep one",
    ),
    "JY208": Message("rule-inconsistent", "its rule does not hold together: {reason}"),
    "JY209": Message("hand-values", "{reason}"),
}
