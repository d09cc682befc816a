"""The problem codes of the checks across a run (JY30x), of assessor panels (JY31x-JY32x) and of
ranking with its targets file (JY5xx).

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

from jyscore.i18n.codes import Message

MESSAGES: dict[str, Message] = {
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
    "JY307": Message(
        "college-lookalike",
        "the college '{college}' is counted as '{other_college}' of {other}: the names differ "
        "only by invisible characters, compatibility forms or spacing (shown escaped); write the "
        "name the same way in both",
    ),
    # -- assessor panels: several assessors' sheets of one college and year --------------------
    "JY311": Message(
        "duplicate-assessor",
        "{assessor!r} already assessed {college} {year} in {other}; an assessor scores a college "
        "once a year: keep one of the two sheets",
    ),
    "JY312": Message(
        "panel-unnamed",
        "{college} {year} is scored by a panel ({files}) but this sheet names no assessor; add "
        "'assessor: …' at its top, or remove it",
    ),
    "JY313": Message(
        "assessor-spelling",
        "the assessor {assessor!r} is written {spelling!r} in {other}; both are taken as the "
        "same person: spell the name the same way on every sheet",
    ),
    "JY314": Message(
        "self-disagrees",
        "self score {value} differs from {other_value} in {other}; the self-assessment is the "
        "college's own: give the same on every sheet of the panel, or leave it out",
    ),
    "JY315": Message(
        "too-few-assessors",
        "{college} {year} has {count} assessor sheet(s) ({files}), but the trimmed mean "
        "(--panel trimmed-mean) drops the highest and the lowest score and needs at least "
        "{minimum}; add assessors, or use --panel mean or --panel median",
    ),
    "JY316": Message(
        "panel-years",
        "the sheet is for {year}, but {first} is the year of {other}; the sheets of one panel "
        "are of one year",
    ),
    "JY318": Message(
        "panel-colleges",
        "the sheet is for {college} but {other} is for {first}; score one college's sheets at "
        "a time (jyscore rank takes several colleges)",
    ),
    "JY319": Message(
        "assessor-spread",
        "the assessors differ by {spread} points here ({scores}); allowed spread: {max_spread}",
    ),
    "JY320": Message(
        "panel-incomplete",
        "{college} {year} is assessed by a panel with a sheet that has errors ({files}): the "
        "whole panel is left out of the ranking, since a published figure comes from every "
        "assessor's sheet; fix that sheet and rank again",
    ),
    # -- ranking (rank) and its targets file ----------------------------------------------------
    "JY501": Message(
        "several-years",
        "the sheets are of several years: {years}; rank one year at a time with --year, "
        "e.g. --year {latest}",
    ),
    "JY502": Message(
        "target-conflict",
        "{field} {value} differs from the {default} given for {college} in {source}; "
        "give the same {field} in both, or leave it out of the sheet",
    ),
    "JY503": Message(
        "target-missing",
        "{college} has no {field} in {source} and the sheet gives none; "
        "add '{college}: …' to {source}, or a {field} to this entry",
    ),
    "JY504": Message("no-sheets", "no score sheets found here (looked for {suffixes})"),
    "JY505": Message(
        "no-sheets-of-year", "no sheet is for {year}; the sheets found are for {years}"
    ),
    "JY506": Message(
        "not-rankable",
        "the sheet has no {column} scores to rank on; fill them in, or rank on the "
        "{other} scores with --by {other}",
    ),
    "JY507": Message(
        "targets-year",
        "the targets are for {targets_year} but the sheets ranked are for {year}; "
        "use the targets of {year}",
    ),
    "JY508": Message("nothing-to-rank", "every sheet was skipped as invalid; nothing left to rank"),
    "JY510": Message(
        "bad-target",
        "the target for {college} is {value}; expected a percentage from 0 to 100 such as 89.4",
    ),
}
