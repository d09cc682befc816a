"""Every user-facing problem text, keyed by its stable problem code, in English.

Nothing else in jyscore spells out a message: the code that finds a problem names its code and
the values it found, and this table turns them into words. English here is the source text; the
other languages are gettext catalogues (``locale/zh/LC_MESSAGES/jyscore.po``) whose entries are
found by the code (or hint name) as ``msgctxt`` and this English text as ``msgid``
(:mod:`jyscore.i18n.catalogue`). Every entry is a complete sentence or phrase with named
placeholders; a
value that is itself words (``what``, ``expected``, ``reason`` …) is a :class:`Phrase`, another
entry of :data:`HINTS`, rendered in the same language — never English text from the code.

The codes are stable: a test, a CI log or a conversation can refer to ``JY101`` for years.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from jyscore.i18n.catalogue import translate


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
        "with text pasted from Word or Excel; line and paragraph separators U+2028, U+2029 and "
        "U+0085 are refused too, as YAML would count them as line breaks)",
    ),
    "JY015": Message(
        "utf16-no-bom",
        "the file looks like UTF-16 text saved without a byte order mark (every other byte is "
        "0), so its byte order is unknown; save it as UTF-8",
    ),
    "JY016": Message(
        "tab-indent",
        "the line is indented with a tab; YAML indents with spaces: indent with spaces, not a tab",
    ),
    "JY030": Message("not-regular-file", "this is {what}, not a regular file; {advice}"),
    "JY017": Message(
        "unwritable-character",
        "the value holds the character {character} (character {index} of the value), a control "
        "character, line separator or non-character that no workbook or report can hold; "
        "remove it",
    ),
    "JY018": Message(
        "text-too-long",
        "the text is {length} characters long as Excel counts them (an emoji or other character "
        "beyond U+FFFF counts twice); a cell holds at most {limit}, so it could not be kept "
        "whole; shorten it (or keep the long text in a separate document and name it here)",
    ),
    "JY019": Message(
        "stray-bytes",
        "the file is UTF-8 except for the bytes {stray} here (offset {offset}), which are not "
        "UTF-8, perhaps text pasted from a GBK file; retype the text here and save the file as "
        "UTF-8",
    ),
    "JY012": Message("complex-key", "a mapping key must be plain text such as 1.1 or self"),
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
    # -- Excel workbooks (the form read back; checked before any XML is parsed) ----------------
    "JY600": Message(
        "xlsx-empty",
        "the file is empty (0 bytes); expected an Excel workbook (.xlsx) such as the form made "
        "by 'jyscore template'",
    ),
    "JY601": Message(
        "xlsx-legacy",
        "this is an old Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx "
        "file; open it in Excel or WPS, remove any password and save it as 'Excel 工作簿 (*.xlsx)'",
    ),
    "JY602": Message(
        "xlsx-text",
        "the file is text ({kind}), not an Excel workbook, although it is named .xlsx; "
        "open it in Excel or WPS and save it as .xlsx",
    ),
    "JY603": Message(
        "xlsx-unknown",
        "the file is not an Excel workbook: an .xlsx file starts with the bytes 50 4B (a zip "
        "archive), this one with {start}",
    ),
    "JY604": Message(
        "xlsx-damaged",
        "the workbook is damaged or incomplete ({reason}); save it again from Excel or WPS, "
        "or copy it again if a transfer was cut short",
    ),
    "JY605": Message(
        "xlsx-too-large", "the file is {size} bytes; a score workbook may be at most {limit} bytes"
    ),
    "JY606": Message(
        "xlsx-bomb",
        "{reason}; a score form is far smaller, so the file was refused before unpacking",
    ),
    "JY607": Message(
        "xlsx-not-workbook",
        "the file is a zip archive but not an Excel workbook (it has no {part}); it may be a "
        ".docx, a .pptx or a zip of files renamed to .xlsx",
    ),
    "JY608": Message(
        "xlsx-dtd",
        "the part {part} declares an XML document type or entities (<!DOCTYPE or <!ENTITY), "
        "which Excel never writes and XML attacks use; the file was refused unread",
    ),
    "JY609": Message(
        "xlsx-unsupported",
        "jyscore reads Excel workbooks saved as .xlsx, not {suffix} files; open it in Excel or "
        "WPS and save it as 'Excel 工作簿 (*.xlsx)' (without macros), then read the .xlsx",
    ),
    "JY610": Message(
        "formula-no-value",
        "the cell holds a formula ({formula}) but no computed value was saved with it (the "
        "program that wrote the file does not calculate); open and save the file in Excel, WPS "
        "or LibreOffice, or type the number",
    ),
    "JY611": Message(
        "no-header",
        "the form sheet ({sheet!r}) has no header row with {columns} in its first {rows} rows; "
        "fill in the form made by 'jyscore template'",
    ),
    "JY612": Message(
        "duplicate-row", "{key} is in two rows (first in {first}); keep one row per item"
    ),
    "JY613": Message(
        "number-as-text",
        "the cell holds {value!r} stored as text, not as a number, and the form's total skips "
        "it; jyscore refuses it rather than disagree with the workbook: retype it as a number "
        "(format the cell as 常规/General first)",
    ),
    "JY619": Message(
        "outside-the-form",
        "{count} cell(s) to the right of the form's last column ({column}) hold values, the "
        "first at {cell}; they are not part of the form and were not read: move them into the "
        "note column, or delete them",
    ),
    "JY616": Message(
        "hidden-sheets",
        "the workbook has hidden sheets ({sheets}); they were not read: only the visible sheet "
        "{sheet!r} is scored",
    ),
    "JY614": Message(
        "beyond-form",
        "this cell holds a value outside the area jyscore reads (rows 1 to {rows}, columns A to "
        "{column}), so it would be left out; move it into the form or delete it",
    ),
    "JY615": Message(
        "no-visible-sheet",
        "every sheet of the workbook is hidden ({sheets}); unhide the form sheet in Excel or "
        "WPS (Format > Sheet > Unhide) and save it",
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
    "rubric-unknown-key": "not a key of a rubric file (a typo?)",
    "not-regular-fifo": "a named pipe (FIFO)",
    "not-regular-fifo-advice": "jyscore reads sheets, rubrics and targets only from files "
    "saved on disk",
    "not-regular-device": "a device",
    "not-regular-device-advice": "jyscore reads sheets, rubrics and targets only from files "
    "saved on disk",
    "not-regular-folder": "a folder",
    "not-regular-folder-advice": "name the folder itself, not a file in it, to read its sheets",
    "not-regular-other": "a socket or another special file",
    "not-regular-other-advice": "jyscore reads sheets, rubrics and targets only from files "
    "saved on disk",
    "folder-link": "a symbolic link found inside a folder",
    "folder-link-advice": "links met while searching a folder are not followed; name the file "
    "it points to on the command line, or copy the file into the folder",
    "output-dangling-link": "it is a symbolic link to a file that does not exist",
    "output-no-folder": "the folder {folder} does not exist",
    "output-folder-not-writable":
        "the folder {folder} is not writable (you may not create files in it)",
    "output-folder": "it is a folder",
    "output-special": "it is a block device or a socket, which jyscore never replaces",
    "output-no-reader": "it is a named pipe (FIFO) that no program is reading",
    "rubric-number": "expected a plain number such as 5 or 0.5, with at most {integer} digits "
    "before the point and {fraction} after it (no exponent)",
    "internal-error": "jyscore: internal error ({error}); this is a bug, please report it "
    "with the file that caused it (set JYSCORE_DEBUG=1 to see the details)",
    "boolean": " (a yes/no word, not a number)",
    "full-width": " (full-width characters; type ASCII digits and a '.')",
    "comma": " (use '.' for the decimal point)",
    "suggest": " (did you mean {suggestion!r}?)",
    "missing-item": "give {item_id} self/assessed scores, or score each of its parts {parts}",
    "missing-leaf": "give {item_id} self/assessed scores",
    "missing-inputs": "give {item_id} its inputs, as \"{item_id}\": {{{inputs}}}",
    "missing-part": "{owner} is scored through its parts ({given} given); score all of them",
    "field-college": "add e.g. 'college: 文学院'",
    "field-year": "add e.g. 'year: 2024'",
    "field-scores": "add a 'scores:' mapping from item id to {self: ..., assessed: ...}",
    "expect-year": "a year such as 2024",
    "expect-college": "the college's name as text",
    "expect-rubric": "the rubric's id as text",
    "expect-note": "text",
    "expect-assessor": "the assessor's name as text on one line, such as 王老师 (with at "
    "least one letter: not only spaces or invisible characters, not a number, a date or a "
    "yes/no)",
    "count-positive": " greater than 0",
    # Excel: reading workbooks
    "xlsx-csv": "perhaps a CSV file renamed to .xlsx",
    "xlsx-markup": "HTML or XML, perhaps a web page or an Excel 2003 XML file renamed to .xlsx",
    "xlsx-no-sheet": "it has no worksheet that can be read",
    "xlsx-truncated": "its zip directory is missing: the file was probably cut short",
    "xlsx-bomb-size": "the workbook would unpack to {size} bytes (at most {limit} allowed)",
    "xlsx-bomb-size-over": "the workbook would unpack to more than {size} bytes (at most {limit} "
    "allowed)",
    "xlsx-bomb-ratio": "the part {part} would unpack to {ratio} times its packed size (at most "
    "{limit} times allowed)",
    "xlsx-bomb-count": "the workbook has {count} parts (at most {limit} allowed)",
    # why a workbook is damaged (JY604), by what failed while it was read
    "xlsx-damaged-zip": "a part of its zip archive is damaged and cannot be unpacked",
    "xlsx-zip-method": "it is packed or encrypted in a way Excel does not use",
    "xlsx-missing-part": "a part the workbook refers to is missing",
    "xlsx-bad-reference": "a cell refers to a shared string or a style that does not exist",
    "xlsx-bad-value": "a cell or a setting holds a value no workbook may have",
    "xlsx-xml-damaged": "the file's XML is damaged",
    "xlsx-header-columns": "{id} and {self} or {assessed}",
    # Excel: the fill-in form (its words are Chinese like the rubric's labels)
    "form-sheet": "Score sheet",
    "form-help": "Fill in the yellow cells: college, year, self scores, assessed scores and notes; "
    "for an item with parts, score each part and the item totals itself. Grey and green cells "
    "are calculated. Leave the whole assessed column empty until the assessment. When done, "
    "check it with jyscore score FILE.xlsx.",
    "form-subtotal": "{indicator} subtotal",
    "form-points": " ({points} points)",
    "form-points-one": " ({points} point)",
    "form-prompt-title": "Score",
    "form-prompt-score": "Worth {cap} points: give a score from 0 to {cap} in steps of {step}.",
    "form-prompt-open": "Give a score of 0 or more in steps of {step}.",
    "form-prompt-allowed": "This item can only be given {values} points.",
    "form-prompt-percent-title": "Percentage",
    "form-prompt-count-title": "Whole number",
    "form-prompt-year-title": "Year",
    "form-prompt-year": "Give the year, e.g. 2024.",
    "form-input-percent": "Give the percentage as a number, e.g. 89.4 (without %).",
    "form-input-rate": "Leave empty when graduates and employed are given; otherwise give the "
    "employment rate here, e.g. 94.4 (without %).",
    "form-input-positive-count": "Give a whole number greater than 0.",
    "form-input-count": "Give a whole number, 0 or more.",
    "form-input-number": "Give a number, 0 or more.",
    "form-input-flag": "Give 1 for yes, 0 for no.",
    "form-prompt-flag-title": "Yes or no",
    "form-input-assessed": "When the assessed column is left empty, the assessment takes the "
    "value in the self column; where the value found differs, enter it in the assessed column.",
    "form-prompt-number-title": "Number",
    "form-wrote": "jyscore: wrote {path}",
    "form-adjustment-range-deduction": "A deduction of {min} to {max} points, in steps of {step}: "
    "enter the amount without a sign, and leave the cell blank where it does not apply.",
    "form-adjustment-range-addition": "An addition of {min} to {max} points, in steps of {step}: "
    "enter the amount without a sign, and leave the cell blank where it does not apply.",
    "form-prompt-adjustment-deduction": "A deduction of {min} to {max} points, in steps of "
    "{step}; enter the amount without a sign.",
    "form-prompt-adjustment-addition": "An addition of {min} to {max} points, in steps of {step}; "
    "enter the amount without a sign.",
    "form-prompt-adjustment-title": "Adjustment",
    "form-veto-input": "Enter 1 in a column where the condition holds (0 or blank where it does "
    "not).",
    "form-veto-total": "A reported veto sets the total to {total}.",
    "form-veto-grade": "A reported veto sets the grade to {grade}.",
    # Excel: the ranking workbook
    "rank-xlsx-chart": "Chart",
    "rank-xlsx-about": "About",
    "rank-xlsx-about-title": "About this ranking",
    "rank-xlsx-rubric": "Rubric",
    "rank-xlsx-column": "Ranked on",
    "rank-xlsx-ties": "Ties",
    "rank-xlsx-numbers": "Numbers",
    "rank-xlsx-count": "Colleges ranked",
    "rank-xlsx-skipped": "Not ranked (the sheet has errors)",
    "rank-xlsx-total": "Full marks ({base})",
    "rank-xlsx-details": "Each college's items",
    "rank-xlsx-no-details": "{count} colleges, more than {limit}: the items of each college are "
    "not listed; see one college's with jyscore score",
    "rank-xlsx-details-missing": "these colleges' sheets changed after the ranking or could not "
    "be read again, so their items are not listed: {colleges}",
    "rank-xlsx-chart-top": "{title}, top {count}",
    "rank-xlsx-chart-note": "only the top {count} are drawn",
    "print-page": "Page {page} of {pages}",
    "rank-xlsx-title": "{rubric}: ranking for {year} ({column})",
    "rank-xlsx-exact": "scores are written exactly and shown as they are (such as 21 or 21.5); "
    "nothing is rounded",
    "form-suffix": "cannot tell the format from {suffix!r}; use one of {known}",
    "form-college": "the college's name is empty; give e.g. --college 文学院",
    "form-option-character": "the name holds the character {character}, which no workbook or "
    "sheet can hold; remove it",
    "form-assessor": "the assessor's name is empty; give e.g. --assessor 王老师",
    "form-assessor-invalid": "the assessor's name must be text on one line with at least one "
    "letter (not a number, a date or a yes/no); give e.g. --assessor 王老师",
    # the YAML sheet to fill in (jyscore template -o X.yaml)
    "yaml-intro": "{rubric} — score sheet of {college} for {year} (jyscore template).\n"
    "Give each item self (self score) and assessed (assessed score), from 0 to its points in "
    "steps of {step}; delete every assessed until the assessment.\nA note may be added, e.g. "
    "{{self: 4, assessed: 3.5, note: see the minutes}}.",
    "yaml-points": "({points} points)",
    "yaml-points-one": "({points} point)",
    "yaml-max": "(at most {points} points)",
    "yaml-max-one": "(at most {points} point)",
    "yaml-allowed": "(only {values} points)",
    "yaml-step": "(in steps of {step} points)",
    "yaml-step-one": "(in steps of {step} point)",
    "yaml-parts": "{item} ({points} points): score each part, or delete the parts and write one "
    "line \"{item_id}\": {{self: , assessed: }}",
    "yaml-parts-one": "{item} ({points} point): score each part, or delete the parts and write "
    "one line \"{item_id}\": {{self: , assessed: }}",
    "yaml-bonus": "Bonus items: optional; delete the lines that do not apply",
    "yaml-rate": "or {target: , rate: } (give the employment rate itself)",  # no placeholders
    "yaml-adjustments": "Adjustments to the total: fill in only those that apply (the amount, "
    "without a sign); leave the others empty",
    "yaml-adjustment-deduction": "(deduct {min} to {max} points in steps of {step})",
    "yaml-adjustment-addition": "(add {min} to {max} points in steps of {step})",
    "yaml-vetoes": "Vetoes: write true in the column where it happened, otherwise leave it empty",
    # validate and schema
    "validate-summary": "checked {files}: {errors}, {warnings}",
    "count-files-one": "{count} file",
    "count-files": "{count} files",
    "count-errors-one": "{count} error",
    "count-errors": "{count} errors",
    "count-warnings-one": "{count} warning",
    "count-warnings": "{count} warnings",
    "count-sheets-one": "{count} sheet",
    "count-sheets": "{count} sheets",
    "at-line": "line {line}",
    "bonus-against": "vs {label} {value}%",
    "severity-error": "error",
    "severity-warning": "warning",
    "validate-no-sheets": "{path}: no score sheets found in this folder (looked for {suffixes} "
    "below it; dotfiles, ~$ lock files and *~ backups are skipped)",
    "own-output-skipped": "skipped {file}: it is a ranking workbook written by jyscore (an "
    "output, not a score sheet)",
    "validate-max-gap": "{value!r} is not a number of points such as 2 or 1.5",
    # assessor panels
    "panel-method-mean": "the mean",
    "panel-method-median": "the median",
    "panel-method-trimmed-mean": "the mean without the highest and the lowest score",
    "panel-level-total": "each assessor's totals (base, bonus and each indicator's subtotal) "
    "aggregated separately",
    "panel-level-item": "each item aggregated, then summed",
    "panel-caption": "A panel of {count}: {assessors}. {aggregate}: {method}, {level}, "
    "{places} decimal places (rounded half up, once, at the end); scores in parentheses are "
    "not part of the aggregate.",
    "panel-aggregate": "Aggregate",
    "panel-assessors-header": "Assessors",
    "panel-spread-header": "Spread",
    "rank-xlsx-panels": "Panels",
    "rank-xlsx-panel-method": "a college with a panel is ranked on its assessors' scores "
    "aggregated: {method}, {level}; the aggregate keeps {places} decimal places (rounded half "
    "up, once, at the end), and the ranking uses it",
    "panel-unknown-method": "unknown panel method {method!r}; allowed: {allowed}",
    "schema-title": "{rubric_name} — score sheet ({rubric_id})",
    "schema-scores": "item id: {self: …, assessed: …, note: …}; every item once, whole or "
    "through all of its parts",
    "schema-percent": "a percentage such as 92.6 or 92.6%",
    # words passed into the messages above (Phrase): what a file or value is, what went wrong
    "kind-sheet": "score sheet",
    "kind-rubric": "rubric",
    "kind-targets": "targets file",
    "what-sheet": "the sheet",
    "what-scores": "scores",
    "what-entry": "the entry for {item_id}",
    "what-targets-file": "the targets file",
    "what-targets": "targets",
    "what-rubric": "the rubric",
    "value-empty": "empty",
    "value-list": "a list",
    "value-mapping": "a mapping",
    "found-nothing": "nothing",
    "found-empty-columns": "{columns}, all of them empty",
    "points-of-children": "items",
    "points-of-parts": "parts",
    "rubric-not-mapping": "expected a mapping with id, name, total, step and indicators",
    "rubric-missing": "this field is required",
    "rubric-expect-text": "expected text",
    "rubric-expect-whole": "expected a whole number",
    "rubric-expect-number": "expected a number such as 4 or 4.5",
    "rubric-expect-list": "expected a list with at least one entry",
    "rubric-expect-mapping": "expected a mapping (key: value lines)",
    "rubric-expect-bool": "expected true or false",
    "rubric-expect-kind": "expected one of the known rule kinds",
    "rubric-expect-choice": "expected one of {expected}",
    "rubric-greater-than": "must be greater than {limit}",
    "rubric-at-least": "must be at least {limit}",
    "rubric-less-than": "must be less than {limit}",
    "rubric-at-most": "must be at most {limit}",
    "rubric-invalid-value": "the value is not allowed here ({type})",
    "rubric-unknown-kind": "unknown rule kind {kind!r}{suggestion}; allowed: {allowed}",
    "rubric-kind-missing": "the rule needs a kind: one of {allowed}",
    "rubric-input-name": "an input name starts with a letter or a Chinese character and has at "
    "most 40 letters, Chinese characters, digits or underscores (no spaces or punctuation)",
    "where-then": "{first}, {then}",
    "where-tier": "tier {n}",
    "where-counter": "counter {n}",
    "where-input": "input {n}",
    "where-value": "value {n}",
    "where-member": "entry {n}",
    "where-root-indicators": "indicator {n}",
    "where-root-bonus": "bonus item {n}",
    "where-child": "item {n} under {parent}",
    "where-adjustment": "adjustment {name}",
    "where-veto": "veto {name}",
    "where-band": "grade band {name}",
    "yaml-tab": "a tab character where YAML expects spaces; indent with spaces, not tabs",
    "yaml-colon-in-value": "a ':' where no key can start (a value containing ': ' needs quotes, "
    "or the line is indented wrongly)",
    "yaml-no-colon": "a key without its ':' (each line needs the form 'key: value')",
    "yaml-indentation": "the indentation does not match the lines above, or a line is not "
    "'key: value'",
    "yaml-list-indentation": "a list item ('- ') whose indentation does not match the lines above",
    "yaml-unclosed-quote": "a quotation mark that is never closed",
    "yaml-flow-mapping": "a mapping in braces that is never closed, or a missing ',' between "
    "its values",
    "yaml-flow-sequence": "a '[' that is not closed by ']', or a missing ',' between its values",
    "yaml-escape": "an unknown escape with '\\' inside double quotes; use single quotes",
    "yaml-bad-start": "a character that cannot start a value here (such as '@', '`' or '%'); "
    "put the value in quotes",
    "yaml-bad-tag": "a '!' tag that is not allowed; write plain values",
    "yaml-other": "the text here is not valid YAML",
    "os-not-found": "the file does not exist",
    "os-permission": "permission denied",
    "os-is-folder": "it is a folder",
    "os-not-folder": "a part of the path is not a folder",
    "os-too-long": "the name is too long",
    "os-loop": "too many symbolic links",
    "os-no-space": "the disk is full",
    "os-read-only": "the file system is read-only",
    "os-busy": "the file is in use by another program",
    "os-other": "the system refused it (error {name})",
    "need-target": "the target rate is missing",
    # rubric checks (rule kinds and per-item values)
    "lint-bonus-rule": "a bonus item needs a rule",
    "lint-rule-leaf": "a rule computes one item's score; put it on an item without children "
    "or parts",
    "lint-deduction-full": "a deduction is taken from the item's points: give the item points, "
    "or the rule full",
    "lint-over-points": "{value} is more than the item's {points} points",
    "lint-input-twice": "the input name {input!r} is used twice in this item",
    "lint-steps-line": "give exactly one of line (a fixed number) and line_input (an input "
    "such as the college's target)",
    "lint-steps-start": "steps below a line are taken from the item's points: give the item "
    "points, or the rule start or max",
    "lint-formula-cap": "a formula needs a cap: give the item points, or the rule max",
    "lint-percent-line": "the line {line} is over 100, which a percentage never reaches",
    "lint-steps-both": "steps both ways start from the points at the line: give start",
    "lint-steps-below-only": "per_step_below is for direction both",
    "lint-unknown-name": "the condition uses {names}, which is not an input of this item; "
    "declared inputs: {allowed}",
    "lint-tiers-order": "tiers are listed from the most points down: {points} must be less "
    "than the tier above ({previous})",
    "lint-hand-only": "step and allowed apply to an item scored by hand (no rule, or manual), "
    "without parts",
    "lint-allowed-twice": "a value is listed twice",
    "lint-reserved-name": "an input may not be named {input!r}: a sheet uses that key for "
    "itself",
    # conditions and formulas (jyscore.core.rules.expr)
    "expr-too-long": "the condition is longer than {limit} characters",
    "expr-syntax-at": "not a condition (at character {at})",
    "expr-syntax": "not a condition",
    "expr-not-allowed": "{what} at character {at} is not allowed; use input names, numbers, "
    "+ - * /, comparisons, and, or, not, min(…), max(…), floor(…), ceil(…), … if … else …",
    "expr-not-condition": "a condition must compare (>=, >, <=, <, ==, !=), optionally joined "
    "by and/or/not; this one computes a number",
    "expr-not-condition-at": "a condition must compare (>=, >, <=, <, ==, !=), optionally "
    "joined by and/or/not; at character {at} it computes a number",
    "expr-too-deep": "the condition is nested more than {limit} levels deep",
    "expr-what-value": "the value {value}",
    "expr-what-operator": "this operator",
    "expr-what-comparison": "this comparison",
    "expr-what-call": "this call",
    # rule kinds in words (explain, rubric check)
    "rule-manual": "scored by hand",
    "rule-per-unit": "{per_unit} per {input}",
    "rule-per-unit-max": "{per_unit} per {input}, at most {max}",
    "rule-counters-max": "{counters}; together at most {max}",
    "rule-counter": "{per_unit} per {input}",
    "rule-deduction": "{full} less {per_unit} per {input}, not below 0",
    "rule-steps-above": "{start} plus {per_step} per full {step} that {input} is above {line} "
    "({boundary})",
    "rule-steps-below": "{start} less {per_step} per full {step} that {input} is below {line} "
    "({boundary}), not below 0",
    "rule-steps-both": "{start} at {line}, plus {per_step} per full {step} that {input} is "
    "above it, less {per_step_below} per full {step} below it ({boundary}), not below 0",
    "rule-rate-steps": "{per_step} per full {step} percentage points the employment rate is "
    "above the target ({boundary})",
    "rule-rate-steps-max": "{per_step} per full {step} percentage points the employment rate is "
    "above the target ({boundary}), at most {max}",
    "rule-tier": "if {when}: {points}",
    "rule-capped": "{rule}; at most {max}",
    "rule-formula": "{formula}, rounded half-up to {places} decimal places",
    "rule-otherwise": "otherwise {points}",
    "boundary-inclusive": "a step reached exactly counts",
    "boundary-exclusive": "a step must be passed, reaching it exactly does not count",
    "yes": "yes",
    "no": "no",
    # explain: the arithmetic in words
    "explain-manual": "scored by hand: {points}",
    "explain-per-unit": "{count} × {per_unit} = {points}",
    "explain-counter": "{label}: {count} × {per_unit} = {points}",
    "explain-sum": "sum = {points}",
    "explain-cap": "{points} is over the cap {cap}: {cap}",
    "explain-floor": "{points} is below 0: 0",
    "explain-deduction": "{full} − {count} × {per_unit} = {full} − {off} = {points}",
    "explain-steps-above": "{value} − {line} = {distance} above the line; full steps of "
    "{step}: {steps} ({boundary})",
    "explain-steps-below": "{line} − {value} = {distance} below the line; full steps of "
    "{step}: {steps} ({boundary})",
    "explain-steps-add": "{start} + {steps} × {per_step} = {points}",
    "explain-steps-off": "{start} − {steps} × {per_step} = {points}",
    "explain-rate": "rate = {employed} × 100 / {graduates} = {rate}",
    "explain-tier": "{when}? {holds} ({points})",
    "explain-otherwise": "no tier holds: {points}",
    "explain-formula": "{formula} = {value}; rounded to {places} places: {points}",
    "explain-formula-zero": "{formula} divides by 0: 0",
    "explain-members": "{ids} = {terms} = {points}",
    "explain-base-sum": "{base_label} = {ids} = {terms} = {base}",
    "explain-not-claimed": "not claimed: 0",
    "explain-unknown-ids": "no item {ids} in rubric {rubric}",
    "explain-both": "Both columns:",
    "explain-column": "{column}:",
    "explain-item": "{item_id} {name} — rule: {rule}",
    "explain-inputs": "inputs: {inputs}",
    "explain-input": "{input} {value}",
    "explain-totals": "{column}: {base_label} {base} + {bonus_label} {bonus} = {total_label} "
    "{total}",
    "explain-totals-subtotal": "{column}: {base_label} {base} + {bonus_label} {bonus} = "
    "{subtotal}",
    # explain: adjustments, vetoes and the grade of a column
    "explain-deduction-applied":
    "Adjustment {id} {adjustment_name}: a deduction of {amount}, entered "
    "within the allowed range {min} to {max}.",
    "explain-addition-applied":
    "Adjustment {id} {adjustment_name}: an addition of {amount}, entered "
    "within the allowed range {min} to {max}.",
    "explain-total-before-vetoes": "The total before any veto: {arithmetic} = {scored}.",
    "explain-total-is": "{total_label} {total}.",
    "explain-veto-total-grade": "Veto {id} {veto_name} is reported: it sets the total to {total} "
    "and the grade to {grade}.",
    "explain-veto-total": "Veto {id} {veto_name} is reported: it sets the total to {total}.",
    "explain-veto-grade": "Veto {id} {veto_name} is reported: it sets the grade to {grade}.",
    "explain-veto-reported": "Veto {id} {veto_name} is reported.",
    "explain-total-vetoed": "{total_label} {total}: the lowest total the reported vetoes set, "
    "in place of {scored}.",
    "explain-total-kept": "{total_label} {total}: no reported veto sets the total.",
    "explain-grade-veto": "{grade_label} {grade}: set by veto {vetoes}, whatever the total.",
    "explain-grade-min": "{grade_label} {grade}: the total {total} reaches {threshold}, where "
    "band {grade} begins (the bands from the highest: {bands}).",
    "explain-grade-above": "{grade_label} {grade}: the total {total} is above {threshold}, "
    "where band {grade} begins (the bands from the highest: {bands}).",
    "explain-grade-last": "{grade_label} {grade}: the total {total} reaches no higher band, so "
    "it takes the last one (the bands from the highest: {bands}).",
    "explain-grade-quota": "Band {band} admits at most {quota}% of the colleges ranked: "
    "jyscore rank may move this college to the next band, in rank order.",
    # explain: a panel's figures
    "explain-panel-head": "Panel of {count} assessors for {college} {year}: {assessors}.",
    "explain-panel-method-mean": "Method mean: every assessor's figure counts.",
    "explain-panel-method-median": "Method median: the middle figure counts, or the mean of the "
    "two middle ones when the number of assessors is even.",
    "explain-panel-method-trimmed-mean": "Method trimmed-mean: the highest and the lowest "
    "figure are dropped and the others averaged.",
    "explain-panel-level-total": "Level total: every figure (each item and subtotal, the base, "
    "the bonus and the total) is aggregated on its own from the assessors' own figures, so the "
    "published total need not be the published base plus the published bonus.",
    "explain-panel-level-item": "Level item: each item is aggregated from the assessors' "
    "scores; the subtotals, the base, the bonus and the total are the exact sums of the items' "
    "exact aggregates, each rounded once, so they need not equal the sum of the published items.",
    "explain-panel-places": "Every published figure is rounded half-up once, at the end, to the "
    "panel's places: {places} after the decimal point.",
    "explain-panel-values": "The assessors' figures: {values}.",
    "explain-panel-dropped-trimmed-mean": "Dropped by the trimmed mean (the highest and the "
    "lowest): {dropped}.",
    "explain-panel-dropped-median": "Set aside by the median (all but the middle): {dropped}.",
    "explain-panel-dropped-mean": "Dropped: {dropped}.",
    "explain-panel-exact": "Exact aggregate: ({terms}) / {count} = {exact}.",
    "explain-panel-exact-one": "Exact aggregate: {exact}.",
    "explain-panel-sum": "Exact aggregate, the sum of {ids}: {terms} = {exact}.",
    "explain-panel-sum-one": "Exact aggregate, that of {ids}: {exact}.",
    "explain-panel-member-adjusted": "The total of {assessor}, {total}, counts the adjustments "
    "and vetoes of that assessor's own sheet ({changes}); --assessor {assessor} explains them.",
    "explain-panel-rounded": "Rounded half-up (places: {places}), the published figure is "
    "{published}.",
    "explain-panel-not-rounded": "It needs no rounding (places: {places}): the published figure "
    "is {published}.",
    "explain-panel-no-figure": "No published figure: not every assessor gives an assessed score.",
    "explain-no-sheet": "no sheet or folder {path}: give the sheets first, then the item ids",
    "explain-no-assessor": "no assessor {assessor} in this panel; its assessors are {assessors}",
    "explain-no-assessors": "--assessor {assessor} asks for one assessor's sheet, but no sheet "
    "given names an assessor (assessor: at its top); leave out --assessor to explain the sheet",
    "rule-group": "the sum of its children",
    "rule-allowed": "scored by hand, one of {values}",
    "rule-hand": "scored by hand, 0 to {cap} in steps of {step}",
    "rule-hand-parts": "scored by hand, 0 to {cap} in steps of {step}, as a whole or through "
    "all of its parts",
    "rule-hand-open": "scored by hand, 0 or more in steps of {step}",
    "rule-hand-open-parts": "scored by hand, 0 or more in steps of {step}, as a whole or "
    "through all of its parts",
    "rule-step": "scored by hand in steps of {step}",
    "rubric-check-ok": "{file}: ok ({items} items, {rules} with a rule)",
    "rubric-check-tree-bonus": "({bonus})",

    "need-rate": "neither a rate nor graduates and employed are given",
    "rate-and-counts": "both a rate and graduates/employed are given",
    "rate-inputs": "{target: 89.4, rate: 94.4} or {target: 89.4, graduates: 125, employed: 118}",
    "entry-example": "e.g. {self: 4, assessed: 3.5}",
    "sheet-example": "college: …, year: …, scores: …",
    "scores-example": "item id: {self: …, assessed: …}",
    "targets-example": "year: 2024, targets: {文学院: 89.4, …}",
    "field-targets": "add e.g. 'targets: {文学院: 89.4}', one target per college",
    "tie-policy": "ranked on the exact {column} {total}; ties share a rank and the next rank "
    "skips (1, 2, 2, 4); tied colleges are listed in name order",
    "tie-policy-break": "ranked on the exact {column} {total}; ties share a rank and the next "
    "rank skips (1, 2, 2, 4); tied colleges are listed in name order; equal totals are first "
    "compared by {keys} (higher first)",
    "tie-then": ", then ",
    "tie-policy-panel": "ranked on the exact {column} {total}; ties share a rank and the next "
    "rank skips (1, 2, 2, 4); tied colleges are listed in name order; a panel's total is its "
    "published aggregate, rounded as printed, so totals equal as printed are tied",
    "tie-policy-break-panel": "ranked on the exact {column} {total}; ties share a rank and the "
    "next rank skips (1, 2, 2, 4); tied colleges are listed in name order; equal totals are "
    "first compared by {keys} (higher first); a panel's total is its published aggregate, "
    "rounded as printed, so totals equal as printed are tied",
    "rank-skipped-note": "skipped as invalid: {files}",
    "rank-columns-dropped": "To fit {width} columns, the table leaves out these indicators: "
    "{columns}. Widen the terminal, set COLUMNS, or use --format markdown to see them.",
    "rank-skipped": "jyscore: skipped {file}: it has errors (above) and is not in the ranking",
    "rank-wrote": "jyscore: wrote {path} ({colleges})",
    "count-colleges-one": "{count} college",
    "count-colleges": "{count} colleges",
    "rank-format-unknown": "cannot tell the output format from {suffix!r}; use {known}, "
    "or pass --format",
    "rank-format-conflict": "--format {format} contradicts the output file {path}, whose "
    "extension {suffix} means {implied}; drop --format or name the file for the format",
    "rank-nothing-written": "nothing was written to {path} (the problems above stop the ranking)",
    "rank-try-skip-invalid": "to rank the valid sheets and leave out those with errors, add "
    "--skip-invalid",
    "convert-nothing-written": "nothing was written to {path}: fix the problems above first",
    "rank-binary-stdout": "the {format} format writes a file; pass -o FILE",
    "rank-tie-key": "unknown tie-break key {key!r}; allowed: {allowed}",
    # adjustments, vetoes and grades (jyscore.core.totals)
    "what-adjustments": "adjustments",
    "what-vetoes": "vetoes",
    "declared-none": "none",
    "adjustment-sign": " (write the amount without a sign: the rubric says whether it is "
    "deducted or added)",
    "adjustments-example": "adjustment id: {self: …, assessed: …, note: …}",
    "vetoes-example": "veto id: {assessed: true, note: …}",
    "adjustment-entry-example": "e.g. {assessed: 30, note: …}",
    "veto-entry-example": "e.g. {assessed: true, note: …}",
    "vetoed": "VETO",
    "vetoed-by": "veto: {vetoes}",
    "quota-drop": "{band} by its total, but the {band} quota is {percent}% of {count} = "
    "{places} ({rounding}); moved to {to} in rank order",
    "quota-drop-tie": "{band} by its total, but the {band} quota is {percent}% of {count} = "
    "{places} ({rounding}) and it is tied at the boundary (ties drop together); moved to {to}",
    "quota-kept-tie": "{band} by its total; the {band} quota is {percent}% of {count} = "
    "{places} ({rounding}), exceeded because it is tied at the boundary (ties keep the band "
    "together)",
    "schema-adjustments": "adjustment id: the amount deducted or added in each column, within "
    "the rubric's range; leave an adjustment out when it does not apply",
    "schema-vetoes": "veto id: true in the column where the veto condition holds",
    "rank-xlsx-grades": "Grades",
    "band-min": "{band} ≥ {value}",
    "band-above": "{band} > {value}",
    "band-rest": "{band} below",
    "bands-none": "none: the rubric has no grades block",
    "band-last-quota": "the last band takes every total below the others, so it has no quota",
    "band-needs-bound": "a band above the last needs a min (≥) or an above (>)",
    "band-quota-range": "a quota is a percentage from 0 to 100",
    "band-bound-order": "its bound must be below the band above it (bands go from the highest "
    "down)",
    "band-quota": " (at most {quota}% of the colleges ranked, the number of places "
    "{rounding}; {ties})",
    "quota-rounding-floor": "rounded down",
    "quota-rounding-ceil": "rounded up",
    "quota-rounding-half_up": "rounded half up",
    "quota-ties-drop": "colleges tied at the boundary move down together",
    "quota-ties-keep": "colleges tied at the boundary all keep the band",
    "list-separator": "; ",
    "sentences": "{first} {second}",
    "name-separator": ", ",
    "college-note": "{college}: {note}",
    # jyscore compare (table and CSV headers, notes)
    "compare-title": "Year over year: {old} → {new}",
    "compare-college": "College",
    "compare-total": "Total {year}",
    "compare-rank": "Rank {year}",
    "compare-delta": "Change in total",
    "compare-rank-change": "Places moved",
    "compare-item": "Item",
    "compare-name": "Name",
    "compare-cap": "Points {year}",
    "compare-cap-only": "Points",
    "compare-mean-lost": "Mean lost {year}",
    "compare-share-lost": "Share lost {year}",
    "compare-change": "Change",
    "compare-items-title": "Points lost per item, mean over the colleges",
    "compare-items-caption": "Change: in points where the item's points stayed the same, in "
    "percentage points of the item's points where they changed.",
    "compare-only-in": "Only in",
    "compare-unmatched-title": "Items in one year's rubric only (not compared)",
    "compare-rubrics": "The rubric changed between the years ({old} → {new}): items in one year "
    "only are listed apart, and items whose points changed are compared as shares of their points.",
    "compare-wrote": "jyscore: wrote {path}",
    "compare-skipped-file": "Sheet skipped as invalid",
    "compare-year": "Year",
    "compare-skipped-note": "Skipped as invalid in {year}, not compared: {files}",
    "compare-years-reversed": "jyscore: warning: OLD holds the sheets of {old} and NEW those of "
    "{new}: the comparison goes from {old} to {new}; give the earlier year first.",
    "report-previous-same-year": "--previous holds the sheets of {year}, the year of the report "
    "itself; give the previous year's sheets (or choose them with --previous-year).",
    "report-previous-later": "jyscore: warning: --previous holds the sheets of {previous}, later "
    "than the report's year {year}.",
    "report-format-html": "the report is an HTML page: name the -o file with .html or .htm, "
    "not {suffix}.",
    # jyscore report (the HTML page)
    "report-title": "{rubric}: assessment results {year}",
    "report-meta": "Rubric {rubric} ({rubric_id}), year {year}, {colleges} ranked on "
    "the {column} scores. Made by jyscore {version}.",
    "report-contents": "Colleges",
    "report-skipped-title": "Sheets left out",
    "report-skipped": "{sheets} had errors and are not in this report:",
    "report-ranking": "Ranking",
    "report-totals": "Totals",
    "report-losses": "Where colleges lose points",
    "report-losses-note": "Items where the colleges lose the largest share of the item's points "
    "come first; items on which no college lost points are left out.",
    "report-losses-caption": "Share lost: the mean over the colleges of the points lost as a "
    "share of the item's points, rounded to one decimal place.",
    "report-mean-lost": "Mean lost",
    "report-share-lost": "Share lost",
    "report-colleges-losing": "Colleges losing points",
    "report-total-lost": "Points lost in all",
    "report-of": "{part} of {whole}",
    "report-nothing-lost": "No college lost points on any item.",
    "report-heatmap": "Points lost per item and college",
    "report-heatmap-note": "Rows are the items in the order of the form, columns the colleges in "
    "ranking order; the darker a cell, the larger the share of the item's points lost.",
    "report-previous": "Changes since {old} ({old} → {new})",
    "report-delta-total": "Change in total",
    "report-delta-rank": "Places moved",
    "report-new-college": "new",
    "report-caps-changed": "Items whose points changed (compared as shares of their points)",
    "report-college": "{rank}. {college}",
    "report-primary": "Primary indicators against the median college",
    "report-chart-own": "This college",
    "report-chart-median": "Median college",
    "report-chart-share": "Share of the indicator's points",
    "report-share": "Share",
    "report-lost": "Points lost, item by item",
    "report-lost-none": "No points lost on any item.",
    "report-lost-points": "Lost",
    "report-lost-total": "Points lost in all: {lost}.",
    "report-panel": "The assessors and their totals",
    "report-panel-assessor": "Assessor",
    "report-assessor-note": "{assessor}: {note}",
    "report-assessor-part-note": "{assessor} on {part}: {note}",
    "report-panel-spread": "Spread (the highest minus the lowest total): {spread}.",
    "report-lost-rounded": "Full marks {full} minus the base {base} is {difference}: each "
    "item's aggregate is rounded on its own, so the two may differ slightly.",
    "report-bonus": "Bonus",
    "report-bonus-inputs": "Figures given",
    "report-bonus-rule": "Rule",
    "report-bonus-none": "not claimed",
    "report-bonus-total": "{bonus}: {points} in all.",
    "report-wrote": "jyscore: wrote {path} ({colleges})",
    "report-sheet-changed": "{file} changed while it was being read; nothing was written, run "
    "the command again",
    "report-needs-charts": "jyscore: the report needs the charting package vl-convert-python, "
    "and {module} cannot be imported; install it with: pip install vl-convert-python",
    "version-line": "{program}, version {version}",
    "program-says": "jyscore: {text}",
    "year-sheets": "{year} ({sheets})",
    # an expression of a rule for people (rules.expr.to_words)
    "expr-words-group": "({inner})",
    "expr-words-not": "not ({condition})",
    "expr-words-and": "{left} and {right}",
    "expr-words-or": "{left} or {right}",
    "expr-words-if": "{then} if {condition}, else {otherwise}",
    "expr-words-min": "the smaller of {values}",
    "expr-words-max": "the larger of {values}",
    "expr-words-floor": "{value} rounded down",
    "expr-words-ceil": "{value} rounded up",
    # jyscore's own labels, shown where a rubric gives none (models.DefaultLabel)
    "label-id": "id",
    "label-item": "item",
    "label-primary": "primary",
    "label-secondary": "secondary",
    "label-focus": "focus",
    "label-part": "part",
    "label-criteria": "criteria",
    "label-points": "points",
    "label-methods": "methods",
    "label-self": "self",
    "label-assessed": "assessed",
    "label-difference": "difference",
    "label-note": "note",
    "label-college": "college",
    "label-year": "year",
    "label-base": "base",
    "label-bonus": "bonus",
    "label-total": "total",
    "label-rank": "rank",
    "label-rate": "rate",
    "label-target": "target",
    "label-graduates": "graduates",
    "label-employed": "employed",
    "label-count": "count",
    "label-adjustments": "adjustments",
    "label-veto": "veto",
    "label-grade": "grade",
    "label-assessor": "assessor",
    "label-rubric": "rubric",
}


class Phrase(NamedTuple):
    """Words passed as a message's parameter: a hint rendered in the language of the message.

    Kept as data in a problem's ``params`` (picklable, language-free), so that the message can
    be rendered again in another language.
    """

    name: str
    params: Mapping[str, object] = {}

    def __str__(self) -> str:
        return hint(self.name, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def phrase(name: str, /, **params: object) -> Phrase:
    if name not in HINTS:
        raise KeyError(name)
    return Phrase(name, params)


def _resolved(params: Mapping[str, object]) -> dict[str, object]:
    return {k: str(v) if isinstance(v, Phrase) else v for k, v in params.items()}


_OS_ERRORS = {
    "ENOENT": "os-not-found",
    "EACCES": "os-permission",
    "EPERM": "os-permission",
    "EISDIR": "os-is-folder",
    "ENOTDIR": "os-not-folder",
    "ENAMETOOLONG": "os-too-long",
    "ELOOP": "os-loop",
    "ENOSPC": "os-no-space",
    "EROFS": "os-read-only",
    "EBUSY": "os-busy",
    "ETXTBSY": "os-busy",
}


def os_error_phrase(error: OSError) -> Phrase:
    """Why the system refused, in our words (``strerror`` is English, or the C locale's)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in _OS_ERRORS:
        return Phrase(_OS_ERRORS[name])
    return Phrase("os-other", {"name": name or type(error).__name__})


def counted(name: str, count: object) -> str:
    """The hint ``name``, or its ``-one`` variant when ``count`` is exactly 1 (``1 point``,
    ``0.5 points``, ``2 points``): languages that inflect say it in the catalogue."""
    return f"{name}-one" if count == 1 and f"{name}-one" in HINTS else name


def damage_phrase(error: BaseException) -> Phrase:
    """Why a workbook could not be read (JY604), in words: by the kind of the failure, never its
    class name."""
    import zipfile
    import zlib

    if isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        return Phrase("xlsx-damaged-zip")
    if isinstance(error, NotImplementedError):
        return Phrase("xlsx-zip-method")
    if isinstance(error, KeyError):
        return Phrase("xlsx-missing-part")
    if isinstance(error, IndexError):
        return Phrase("xlsx-bad-reference")
    if isinstance(error, (ValueError, TypeError)):
        return Phrase("xlsx-bad-value")
    return Phrase("xlsx-xml-damaged")


def hint(name: str, /, **params: object) -> str:
    template = translate(name, HINTS[name])
    return template.format(**_resolved(params)) if params else template


def render_message(code: str, params: Mapping[str, object]) -> str:
    return translate(code, MESSAGES[code].template).format(**_resolved(params))


def slug(code: str) -> str:
    return MESSAGES[code].slug
