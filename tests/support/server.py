"""The static server that the browser tests and the benchmark load the built site from."""
from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

# Headers sent with every response, on top of the standard ones. This is the one place to add a
# header the real web server will send (a Content-Security-Policy, say), so that the tests and the
# benchmark see the site as readers will.
RESPONSE_HEADERS: Mapping[str, str] = {}

# What a page may load without leaving the site: its own server, and data made in the page itself.
IN_PAGE_SCHEMES = ("data:", "blob:")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves one folder, adds the given headers to every response, and logs nothing."""

    def __init__(self, *args: Any, directory: str, headers: Mapping[str, str]) -> None:
        self._extra_headers = headers
        super().__init__(*args, directory=directory)

    def end_headers(self) -> None:
        for name, value in self._extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, headers: Mapping[str, str] = RESPONSE_HEADERS) -> Iterator[str]:
    """Serve directory on 127.0.0.1 (a port the OS picks) while the block runs; yields its address."""

    def handler(*args: Any) -> _Handler:
        return _Handler(*args, directory=str(directory), headers=headers)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def leaves_the_site(url: str, site_url: str) -> bool:
    """Whether a request for url goes anywhere but the site's own server."""
    return not url.startswith((site_url, *IN_PAGE_SCHEMES))
