"""The council social media site's Python: data model, validation, rules and scoring.

Standard library only, so the same code runs on CPython at build time and in
the reader's browser on Pyodide.
"""
