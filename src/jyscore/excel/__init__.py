"""Excel workbooks: the fill-in form, reading it back exactly, and the ranking workbook.

The only package that imports openpyxl; its modules are imported only when a workbook is read or
written (the CLI and the ``.xlsx`` reader import them inside functions), so that
``jyscore score x.yaml`` never pays for openpyxl. The modules, by responsibility:

* :mod:`.layout` — the contract between the form jyscore writes and the workbooks it reads: header
  texts, the ``编号`` keys of input rows, which cells the form computes (no openpyxl);
* :mod:`.plan` — the form's rows for a rubric, in order (no openpyxl);
* :mod:`.formulas` — the Excel formulas of the form, matching the engine (no openpyxl);
* :mod:`.safety` — checks an untrusted file is a sane xlsx before any XML is parsed (no openpyxl);
* :mod:`.reader` — a filled-in workbook -> the same plain data + positions as a YAML sheet;
* :mod:`.template` — writes the form, blank or filled from a sheet;
* :mod:`.guards` — the data validation and input messages of the form's input cells;
* :mod:`.ranking` — writes the ranking workbook;
* :mod:`.cells` — shared openpyxl helpers: styles, and text that never becomes a formula.
"""
