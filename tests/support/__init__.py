"""What the tests and the benchmark share, in one place (import it as `tests.support`).

- `ROOT` (here): the repository's root folder.
- `build`: building the site with MkDocs, and listing a built site's pages.
- `server`: the static server the browser tests and the benchmark use, and the headers it sends.
- `chromium`: Debian's Chromium, the flags that keep it off the network, and how Playwright launches it.
- `widget`: waiting for a widget's Python to be ready.
- `keyboard`: driving a page with the keyboard alone.
- `filling`: filling a widget's form with the mouse.
- `axe`: axe-core's accessibility audit.
- `search`: typing into the site search and reading the results of that exact query.
- `sweep`: one walk of every page per width and colour scheme, keeping what each visit showed
  (accessibility, reflow, the Content-Security-Policy, requests to other hosts).

pytest.ini puts the root on `sys.path` (`pythonpath = .`); a script in bench/ adds it itself.
No test or benchmark imports a test module or conftest.py: what two of them need lives here.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
