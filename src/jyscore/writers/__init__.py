"""Output formats. Each module renders data to text and imports at most one outside library.

Renderers are plain functions ``(data, options) -> str``; the CLI picks one by name from the
dicts in :mod:`.formats`, so adding a format is adding a function and a dict entry.
"""
