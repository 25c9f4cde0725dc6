"""The site's build, for any generator that reads mkdocs.yml (MkDocs, ProperDocs, Zensical); nothing here
imports MkDocs. Two layers, each module one job:

Per page, the Markdown extension (``extension``, listed in mkdocs.yml's ``markdown_extensions``):

- ``widgets``: widget markers to the widget's static HTML; ``glossary``: the glossary's list and
  abbreviations; ``markdown_lines``: which lines of a page are prose, not code.

Per site, ``python -m sitebuild finish SITE`` (``__main__``, ``finish``), after the generator:

- ``content``: the checked content every step reads: ``clauses`` (the clause registry),
  ``versions`` (the documents' versions) and every data file (through quiz.content);
- ``element_ids``: one use of each element id per page;
- ``search_index``: the clause search index from the built pages; ``search_engine``: the site's
  search worker behind Material's box;
- ``runtime``: Pyodide, the precompiled standard library (``bytecode``, ``pyodide_compile``) and the
  quiz wheel; ``precompress``: .br and .gz copies;
- ``packages``: the SCORM 1.2 and cmi5 zips; ``lms_manifests``: their descriptions and checks.

``settings``: the one typed settings object (mkdocs.yml, ``extra: sitebuild:``), with defaults.

A new whole-site step: a module with one function over the site folder, called from
``finish.finish`` in its place in the order; raise ``content.BuildError`` naming file, item and fix.
A new per-page step: a pre- or postprocessor registered in ``extension.SiteExtension``.
The MkDocs adapter is hooks/site_hooks.py.
"""
