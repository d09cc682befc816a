"""The words of checking and explaining a score. First those passed into the problem texts (as a
:class:`~jyscore.i18n.messages.Phrase`): what a file or value is, what was expected, why a
file, a value, a rule or a condition was refused; then the rule kinds and explain's arithmetic in
words.

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

HINTS: dict[str, str] = {
    # files that are not regular, outputs refused, a value's or a field's hint, what is expected
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
    # what a file or value is, what went wrong (passed into the problem texts as a Phrase)
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
    # bonus inputs that do not hold together (JY122), and the shape a value is expected in
    "need-rate": "neither a rate nor graduates and employed are given",
    "rate-and-counts": "both a rate and graduates/employed are given",
    "rate-inputs": "{target: 89.4, rate: 94.4} or {target: 89.4, graduates: 125, employed: 118}",
    "entry-example": "e.g. {self: 4, assessed: 3.5}",
    "sheet-example": "college: …, year: …, scores: …",
    "scores-example": "item id: {self: …, assessed: …}",
    "targets-example": "year: 2024, targets: {文学院: 89.4, …}",
    "field-targets": "add e.g. 'targets: {文学院: 89.4}', one target per college",
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
}
