"""Every user-facing problem text, keyed by its stable problem code.

Nothing else in jyscore spells out a message: the code that finds a problem names its code and
the values it found, and this table turns them into words. A translation replaces ``MESSAGES``
(same keys, same ``{placeholders}``) without touching any logic.

The codes are stable: a test, a CI log or a conversation can refer to ``JY101`` for years.
"""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    slug: str
    template: str


MESSAGES: dict[str, Message] = {
    # -- the file itself -------------------------------------------------------------------------
    "JY001": Message("unreadable", "cannot read the file: {reason}"),
    "JY002": Message(
        "not-text",
        "the file is not text in UTF-8 or GB18030 (first bad byte at offset {offset}); "
        "save it as UTF-8",
    ),
    "JY003": Message(
        "legacy-encoding",
        "the file is encoded as {encoding}, not UTF-8; it was read, but save it as UTF-8 "
        "so that every tool reads it the same way",
    ),
    "JY004": Message("yaml-syntax", "YAML syntax error: {reason}"),
    "JY005": Message("empty", "the file is empty; expected a sheet with college, year and scores"),
    "JY006": Message(
        "multiple-documents", "the file holds more than one YAML document (a second '---'); "
        "expected exactly one"
    ),
    "JY007": Message(
        "anchor-alias",
        "YAML anchors and aliases ({what}) are not allowed in a {kind}; write every value out",
    ),
    "JY008": Message(
        "tag", "the YAML tag {tag} is not allowed; write plain values without '!' tags"
    ),
    "JY009": Message(
        "duplicate-key", "{key!r} is given twice (first on line {first_line}); keep one"
    ),
    "JY010": Message(
        "too-large", "the file is {size} bytes; a {kind} may be at most {limit} bytes"
    ),
    "JY011": Message(
        "too-complex", "the file has more than {limit} YAML values; a {kind} has far fewer"
    ),
    "JY013": Message(
        "too-deep", "values are nested more than {limit} levels deep; a {kind} is nearly flat"
    ),
    "JY014": Message(
        "bad-character",
        "the control character {character} is not allowed in YAML; delete it (it often comes "
        "with text pasted from Word or Excel)",
    ),
    "JY012": Message("complex-key", "a mapping key must be plain text such as 1.1 or self"),
    # -- the sheet's structure -------------------------------------------------------------------
    "JY020": Message("not-a-mapping", "{what} must be a mapping ({example}), not {found}"),
    "JY021": Message("missing-field", "the required field {field!r} is missing; {hint}"),
    "JY022": Message(
        "unknown-field", "unknown field {field!r} in {where}{suggestion}; allowed: {allowed}"
    ),
    "JY023": Message("bad-field", "{field} is {value!r}; expected {expected}"),
    "JY024": Message(
        "rubric-mismatch",
        "the sheet is for rubric {sheet_rubric!r} but it is checked against {rubric!r}; "
        "pass --rubric with the right rubric file or fix the sheet's 'rubric' field",
    ),
    # -- score values ----------------------------------------------------------------------------
    "JY100": Message(
        "not-a-number",
        "{column} is {value!r}{hint}; expected a number such as 4 or 4.5",
    ),
    "JY101": Message(
        "over-cap", "{column} {value} is over the cap; allowed: 0 to {cap} in steps of {step}"
    ),
    "JY102": Message(
        "negative", "{column} {value} is negative; allowed: 0 to {cap} in steps of {step}"
    ),
    "JY103": Message(
        "off-step",
        "{column} {value} is not a multiple of {step}; allowed: 0 to {cap} in steps of {step}",
    ),
    # -- which items are scored ------------------------------------------------------------------
    "JY110": Message(
        "unknown-id", "{given!r} is not an item of rubric {rubric!r}{suggestion}"
    ),
    "JY111": Message("missing-item", "not scored; {hint}"),
    "JY112": Message(
        "scored-twice",
        "scored as a whole (line {whole_line}) and through its parts ({parts}); "
        "score either the item or all of its parts",
    ),
    "JY113": Message(
        "not-scorable",
        "is a group whose score is the sum of its items; score {children} instead",
    ),
    "JY114": Message(
        "missing-column",
        "has no {column} score while other items have one; give {column} for every item "
        "or for none",
    ),
    "JY115": Message(
        "no-scores", "no item has a self or assessed score; fill in at least one column"
    ),
    # -- bonus inputs ----------------------------------------------------------------------------
    "JY120": Message(
        "employed-over-graduates",
        "employed ({employed}) is more than graduates ({graduates}); "
        "allowed: 0 to the number of graduates",
    ),
    "JY121": Message(
        "rate-out-of-range", "{field} {value} is outside 0–100; give a percentage such as 92.6"
    ),
    "JY122": Message("bonus-inputs", "{reason}; expected {expected}"),
    "JY123": Message(
        "not-a-count", "{field} is {value!r}; expected a whole number{minimum}"
    ),
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
    # -- checks across a run (validate) ----------------------------------------------------------
    "JY301": Message(
        "duplicate-college",
        "{college} {year} is also in {other}; keep one sheet per college and year",
    ),
    "JY302": Message("mixed-years", "this run mixes sheets of several years: {years}"),
    "JY303": Message("mixed-rubrics", "this run mixes sheets of several rubrics: {rubrics}"),
    "JY304": Message(
        "not-assessed", "the sheet has no assessed scores yet (no 'assessed' on any item)"
    ),
    "JY305": Message(
        "self-gap",
        "self score {self} is {gap} points above the assessed {assessed}; "
        "allowed gap: {max_gap}",
    ),
    "JY306": Message(
        "no-evidence", "the rubric asks for records here; add a note naming the evidence"
    ),
    # -- writing outputs -------------------------------------------------------------------------
    "JY701": Message(
        "output-exists", "{path} already exists; pass --force to replace it (nothing was written)"
    ),
    "JY702": Message(
        "output-locked",
        "cannot replace {path}: {reason}; close it in Excel/WPS and try again "
        "(the old file is unchanged)",
    ),
    "JY703": Message("output-failed", "cannot write {path}: {reason} (nothing was written)"),
}


# Fragments that the checks pass into the templates above, kept here for the same reason.
HINTS: dict[str, str] = {
    "internal-error": "jyscore: internal error ({error}); this is a bug, please report it "
    "with the file that caused it (set JYSCORE_DEBUG=1 to see the details)",
    "tab": "; indent with spaces, not tabs",
    "boolean": " (a yes/no word, not a number)",
    "full-width": " (full-width characters; type ASCII digits and a '.')",
    "comma": " (use '.' for the decimal point)",
    "suggest": " (did you mean {suggestion!r}?)",
    "missing-item": "give {item_id} self/assessed scores, or score each of its parts {parts}",
    "missing-leaf": "give {item_id} self/assessed scores",
    "missing-part": "{owner} is scored through its parts ({given} given); score all of them",
    "field-college": "add e.g. 'college: 文学院'",
    "field-year": "add e.g. 'year: 2024'",
    "field-scores": "add a 'scores:' mapping from item id to {self: ..., assessed: ...}",
    "expect-year": "a year such as 2024",
    "expect-college": "the college's name as text",
    "expect-rubric": "the rubric's id as text",
    "expect-note": "text",
    "count-positive": " greater than 0",
    "need-target": "the target rate is missing",
    "need-rate": "neither a rate nor graduates and employed are given",
    "rate-and-counts": "both a rate and graduates/employed are given",
    "rate-inputs": "{target: 89.4, rate: 94.4} or {target: 89.4, graduates: 125, employed: 118}",
    "entry-example": "e.g. {self: 4, assessed: 3.5}",
    "sheet-example": "college: …, year: …, scores: …",
    "scores-example": "item id: {self: …, assessed: …}",
}


def hint(name: str, **params: object) -> str:
    return HINTS[name].format(**params) if params else HINTS[name]


def render_message(code: str, params: dict[str, object]) -> str:
    return MESSAGES[code].template.format(**params)


def slug(code: str) -> str:
    return MESSAGES[code].slug
