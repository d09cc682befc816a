"""The words of what jyscore writes and shows: the Excel form and the ranking workbook, the YAML
sheet to fill in, validate, schema, panels, jyscore rank's notes and refusals, adjustments,
vetoes, grades and quotas, jyscore compare, the HTML report, and jyscore's own labels where a
rubric gives none.

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

HINTS: dict[str, str] = {
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
    # jyscore rank: how ties are ranked, what was left out or written, and its refusals
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
