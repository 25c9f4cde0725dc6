"""The council social media site's Python: the widgets' data, rules, scoring and views.

Standard library only, so the same code runs on CPython at build time and in
the reader's browser on Pyodide.

Where things are
----------------
Shared core (every widget uses it):

- ``view``: views as plain data, ``[tag, attrs, *children]``, serialised to HTML;
- ``forms``: GOV.UK-style form parts (questions, error summary, buttons);
- ``context``: what a view needs to know about the site (clause links);
- ``engine``: the one widget engine: a widget declares its ``Steps`` (a table of stage and action to a
  handler, its views, its saved state's own checks); the engine restores, remembers and forgets,
  restarts, moves focus and announces, once for all;
- ``protocol``: the typed request and response and the worker's messages (the one definition:
  types/protocol.d.ts is generated from it), ``response()``, focus ids, saved-state versions, and
  ``Widget``, what every widget module provides (``load``, ``render``, ``respond``);
- ``documents``: the two documents' names, once, and the versions a page is reading;
- ``checker``: the one way every data file is read and checked (``Checker``, ``check``, ``read_toml``);
- ``content``: loading every data file from ``data/``; ``glossary``: the glossary file's model;
  ``vocabulary``: the search vocabulary's model (readers' words beside the documents' words);
- ``browser``: the entry point the browser's Web Worker calls.

Widgets, one folder each under ``widgets/`` (its ``__init__.py`` is the registry, the one list of
widget names and their data files):

- ``widgets/quiz/``: the training quiz: kinds, bank, draw, scoring, state, dates, steps, views;
- ``widgets/privacy_settings/``, ``widgets/sensitive_roles/``: the two self-checks, each its model,
  loading, form and result;
- ``selfcheck/``: what the self-checks share (model, loading, rules, views, and ``steps``: form ->
  interim -> check -> result, declared to the engine).

Where new things go
-------------------
- **A new widget**: a folder ``widgets/<name>/`` whose ``__init__.py`` provides ``load`` (through
  ``checker.Checker``), ``render`` and ``respond`` (``engine.respond`` with its ``engine.Steps``),
  one ``Entry`` line in ``widgets/__init__.py``, and its data file in ``data/``. Nothing else
  changes: tests/unit/example_widgets/read_check/ is a complete example. A new self-check builds a
  ``selfcheck.steps.Flow``.
- **Browser code**: see the README's "Browser code": a typed module in ``docs/javascripts/`` with
  its ``*.test.mjs`` beside it.
- **A new question kind** for the quiz: one entry in ``training/kinds.py``, its description in
  the header of ``data/quiz.toml``, and its tests.
- **A new platform** in the privacy-settings check: data only, a ``[[platforms]]`` entry and its
  ``where`` text in ``data/privacy_settings.toml``.
- **A new data file** that is not a widget's: a module with a ``parse`` written with
  ``checker.Checker``, and one entry in ``content.OTHER_FILES`` naming it.
"""
