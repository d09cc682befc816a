"""The contract between the Excel form jyscore writes and the workbooks it reads back.

Shared by :mod:`jyscore.readers` and :mod:`jyscore.writers`, which never import each other: the
layout of the form (headers, the keys of input rows, the cells it computes) and the marks on the
workbooks jyscore writes as outputs. No openpyxl here.
"""
