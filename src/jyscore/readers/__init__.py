"""Files in, checked data out: rubric files, score sheets (YAML and the Excel form), targets.

Readers import the core and :mod:`jyscore.form` (the form's layout), never a writer. Each reader
bounds what it reads where it reads it and reports every problem of a file at once, positioned.
"""
