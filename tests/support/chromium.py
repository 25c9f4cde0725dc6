"""Debian's Chromium, driven by Playwright without Playwright's own browser download."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The intranet has no way out, and the tests fail on any request to another host: these flags stop
# Chromium's own background traffic (updates, sync, first-run pings, QUIC probes), and the sandbox and
# GPU, which a headless run in a container cannot use.
# The two features are the address bar's pop-up, which Chromium 156 builds as a web page at every
# launch: about a second of CPU while a test's first page loads, where a reader's browser was
# started long before (and the bench's cold visits lost a core to it).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
]


def launch_options() -> dict[str, Any]:
    """Keyword arguments for Playwright's `chromium.launch` and `launch_persistent_context`."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"Chromium not found at {CHROMIUM}: run 'make test', which installs it")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}
