"""The problem codes of a sheet's content (JY02x-JY14x): its structure, its score values, which
items it scores, the bonus items' inputs, the adjustments and vetoes it reports.

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

from jyscore.i18n.codes import Message

MESSAGES: dict[str, Message] = {
    # -- the sheet's structure -------------------------------------------------------------------
    "JY020": Message("not-a-mapping", "{what} must be a mapping ({example}), not {found}"),
    "JY021": Message("missing-field", "the required field {field!r} is missing; {hint}"),
    "JY022": Message(
        "unknown-field", "unknown field {field!r} in {where}{suggestion}; allowed: {allowed}"
    ),
    "JY023": Message("bad-field", "{field} is {value}; expected {expected}"),
    "JY024": Message(
        "rubric-mismatch",
        "the sheet is for rubric {sheet_rubric!r} but it is checked against {rubric!r}; "
        "pass --rubric with the right rubric file or fix the sheet's 'rubric' field",
    ),
    # -- score values ----------------------------------------------------------------------------
    "JY100": Message(
        "not-a-number",
        "{column} is {value}{hint}; expected a number such as 4 or 4.5",
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
    "JY104": Message(
        "not-allowed-value", "{column} {value} is not one of the values this item allows: {allowed}"
    ),
    "JY105": Message(
        "too-many-digits",
        "{column} {value} has more digits than a score may have: at most {integer} before the "
        "point and {fraction} after it",
    ),
    # -- which items are scored ------------------------------------------------------------------
    "JY110": Message(
        "unknown-id", "{given!r} is not an item of rubric {rubric!r}{suggestion}"
    ),
    "JY111": Message("missing-item", "not scored; {hint}"),
    "JY112": Message(
        "scored-twice",
        "scored as a whole ({whole}) and through its parts ({parts}); "
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
        "not-a-count", "{field} is {value}; expected a whole number{minimum}"
    ),
    "JY124": Message(
        "bonus-blank",
        "the bonus entry is there but all of its inputs ({inputs}) are empty, so it counts 0; "
        "fill them in, or delete the entry (or type 0) if the bonus does not apply",
    ),
    # -- adjustments to the total and vetoes on a sheet -----------------------------------------
    "JY140": Message(
        "adjustment-range",
        "{column} {value} is outside the adjustment's range{sign}; allowed: {min} to {max} in "
        "steps of {step}, or leave the adjustment out when it does not apply",
    ),
    "JY141": Message(
        "adjustment-step",
        "{column} {value} is not a multiple of {step}; allowed: {min} to {max} in steps of {step}",
    ),
    "JY142": Message(
        "unknown-adjustment",
        "{given!r} is not one of the {what} of rubric {rubric!r}{suggestion}; declared: {declared}",
    ),
    "JY143": Message(
        "veto-flag",
        "{column} is {value}; a veto is reported with {yes} (or {no} when it does not apply)",
    ),
    "JY127": Message(
        "missing-input",
        "the input {field} ({label}) is missing; give it as {field}: {example}, or per column "
        "as {field}: {{self: {example}, assessed: {other}}}",
    ),
    "JY128": Message("negative-input", "{field} {value} is negative; give a number, 0 or more"),
    "JY126": Message(
        "not-a-flag", "{field} is {value}; expected yes or no: 是/否, true/false or 1/0"
    ),
    "JY125": Message(
        "per-column-input",
        "{field} given per column must give a number for one column or both, as {field}: "
        "{{self: 3, assessed: 2}} (a column left out has no {field}); found {found}",
    ),
    "JY136": Message(
        "column-mostly-empty",
        "the {column} column is filled in only for {ids} ({given} in all) and empty for the "
        "other {missing} items; give {column} for every item or for none",
    ),
    "JY135": Message(
        "assessed-only-input",
        "{field} ({label}) is given only for the assessed column, so the self-assessment has "
        "none and cannot be computed; fill in the self-assessment first: the assessed value only "
        "overrides it",
    ),
}
