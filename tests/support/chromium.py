"""Debian's Chromium, driven by Playwright without Playwright's own browser download."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The intranet has no way out, and the tests fail on any request to another host: these flags stop
# Chromium's own background traffic (updates, sync, first-run pings, QUIC probes), and the sandbox and
# GPU, which a headless run in a container cannot use.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def launch_options() -> dict[str, Any]:
    """Keyword arguments for Playwright's `chromium.launch` and `launch_persistent_context`."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"Chromium not found at {CHROMIUM}: run 'make test', which installs it")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}
