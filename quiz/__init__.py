"""The council social media site's Python: the widgets' data, rules, scoring and views.

Standard library only, so the same code runs on CPython at build time and in
the reader's browser on Pyodide.

Where things are
----------------
Shared core (every widget uses it):

- ``view``: views as plain data, ``[tag, attrs, *children]``, serialised to HTML;
- ``forms``: GOV.UK-style form parts (questions, error summary, buttons);
- ``context``: what a view needs to know about the site (clause links);
- ``protocol``: the typed request and response, ``response()``, focus ids, saved-state versions,
  and ``Widget``, what every widget module provides (``load``, ``render``, ``respond``);
- ``widgets``: the registry, the one list of widget names and their data files;
- ``checker``: the one way every data file is read and checked (``Checker``, ``check``, ``read_toml``);
- ``content``: loading every data file from ``data/``; ``glossary``: the glossary file's model;
  ``vocabulary``: the search vocabulary's model (readers' words beside the documents' words);
- ``browser``: the entry point the browser's Web Worker calls.

Widget families:

- ``training/``: the training quiz (widget ``quiz``): kinds, bank, draw, scoring, state, flow, views;
- ``selfcheck/``: what the self-checks share (model, loading, rules, views, flow) and one module per
  self-check (``privacy_settings``, ``sensitive_roles``).

Where new things go
-------------------
- **A new widget**: a module or package with ``load``, ``render`` and ``respond`` (see
  ``protocol.Widget``), its name and data file as one ``Entry`` in ``widgets``, and its data
  file in ``data/`` checked with a ``checker.Checker``. A new self-check is a module in
  ``selfcheck/`` that builds a ``selfcheck.flow.Flow``.
- **A new question kind** for the quiz: one entry in ``training/kinds.py``, its description in
  the header of ``data/quiz.toml``, and its tests.
- **A new platform** in the privacy-settings check: data only, a ``[[platforms]]`` entry and its
  ``where`` text in ``data/privacy_settings.toml``.
- **A new data file** that is not a widget's: a module with a ``parse`` written with
  ``checker.Checker``, and one entry in ``content.OTHER_FILES`` naming it.
"""
