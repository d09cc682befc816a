"""Excel workbooks jyscore writes: the fill-in form (blank or filled) and the ranking workbook.

With :mod:`jyscore.readers.xlsx_grid` and :mod:`jyscore.readers.xlsx_cells` the only modules that
import openpyxl; they are imported only when a workbook is written (the CLI imports them inside
functions), so that ``jyscore score x.yaml`` never pays for openpyxl. The form's layout, which
the reader shares, is :mod:`jyscore.form.layout`. The modules, by responsibility:

* :mod:`.plan` — the form's rows for a rubric, in order (no openpyxl);
* :mod:`.formulas` — the Excel formulas of the form, matching the engine (no openpyxl);
* :mod:`.form` — writes the form, blank or filled from a sheet: its page (top, header, merges,
  printing, protection);
* :mod:`.form_sheet` — the form's worksheet and the cell operations its rows share;
* :mod:`.form_items` — the form's rows of the rubric's items, parts and rule inputs;
* :mod:`.form_totals` — the form's rows of the bonus subtotal, adjustments, vetoes, total, grade;
* :mod:`.guards` — the data validation and input messages of the form's input cells;
* :mod:`.ranking` — writes the ranking workbook: the ranking sheet, its chart, the notes;
* :mod:`.ranking_details` — the ranking workbook's item table per college and its panels' sheet;
* :mod:`.ranking_cells` — the ranking workbook's styled write-only cells and sheet titles;
* :mod:`.printing` — page setup, fonts and row heights for printing;
* :mod:`.cells` — shared openpyxl helpers: styles, and text that never becomes a formula.
"""
