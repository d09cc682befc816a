"""One run over many sheets: discover the files, read and check them (in a process pool past a
threshold), one record per file, then the checks across the run. ``validate``, ``rank``,
``report`` and ``compare`` are compositions of it.
"""
