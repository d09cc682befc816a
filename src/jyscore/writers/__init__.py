"""Output formats. Each module renders data to text and imports at most one outside library.

Renderers are plain functions ``(data, options) -> str`` (``bytes`` for a workbook); the CLI
picks one by name from the tables in :mod:`.formats`, so a new format is one module and one line
there.
"""
