"""Stand-ins for the learning systems around the quiz: real runtimes, and the little an LMS adds.

- ``ScormLms``: a page whose window.API is scorm-again's SCORM 1.2 runtime (npm, pinned),
  with the unzipped SCORM package in a frame, every API call recorded, and a commit URL
  whose answer a test can turn into a refusal.

- ``Ralph``: the xAPI learning record store, started on 127.0.0.1 from .venv-lrs
  (``make test`` installs it) with its filesystem backend, on a socket the OS chose
  (run_ralph.py says why it appends).
- ``Cmi5Lms``: what a learning system does around a cmi5 launch and that an LRS
  alone does not: host the package, hand out a one-time auth token at the
  ``fetch`` URL, keep the State API documents (LMS.LaunchData, and the AU's own
  record under its state id) and the learner-preferences agent profile (Ralph has
  no State or Agent Profile API). Statements go on to Ralph unchanged, as an LMS's
  LRS gateway would pass them; a test can hold them back for a while to close the
  window mid-send.
"""
from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import secrets
import select
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import shutil
import urllib.request
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.support import ROOT

LRS_PYTHON = Path(os.environ.get("LRS_PYTHON", ROOT / ".venv-lrs" / "bin" / "python"))
XAPI_HEADERS = {"X-Experience-API-Version": "1.0.3"}


class Ralph:
    """A running Ralph LRS with one user whose scope is everything; stop() ends it."""

    def __init__(self, workdir: Path) -> None:
        if not LRS_PYTHON.exists():
            raise RuntimeError(f"Ralph is not installed ({LRS_PYTHON} missing): run 'make test', which installs it")
        self.username, self.password = "quiz-lms", secrets.token_urlsafe(12)
        env = {**os.environ, "RALPH_APP_DIR": str(workdir / "app"), "RALPH_AUTH_FILE": str(workdir / "auth.json"),
               "RALPH_RUNSERVER_BACKEND": "fs",
               "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(workdir / "statements")}
        (workdir / "statements").mkdir(parents=True, exist_ok=True)
        # Ralph's own CLI writes the credentials file, as an administrator would.
        subprocess.run([str(LRS_PYTHON.parent / "ralph"), "auth", "-u", self.username, "-p", self.password,
                        "-s", "all", "-A", self.username, "http://lms.test", "-w"],
                       env=env, check=True, capture_output=True)
        # The OS picks the port: the socket is bound here and handed to the server.
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen()
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/xAPI/"
        self._process = subprocess.Popen(
            [str(LRS_PYTHON), str(Path(__file__).with_name("run_ralph.py")), str(self._socket.fileno())],
            env=env, cwd=workdir, pass_fds=[self._socket.fileno()], start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=(workdir / "ralph.log").open("wb"))
        self._log = workdir / "ralph.log"
        self._wait_until_up()

    @property
    def token(self) -> str:
        """What an LMS's fetch URL hands the AU: the Basic credentials for this LRS."""
        return base64.b64encode(f"{self.username}:{self.password}".encode()).decode()

    def _wait_until_up(self, limit: float = 120) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Ralph stopped: {self._log.read_text(errors='replace')[-2000:]}")
            try:
                self.statements()
                return
            except OSError:  # refused, reset or timed out (urllib.error.URLError is one too)
                time.sleep(0.3)
        raise RuntimeError("Ralph did not answer in time")

    def statements(self, **query: str) -> list[dict[str, Any]]:
        """Every statement stored that matches `query` (xAPI GET parameters), in the order the LRS stored them."""
        request = urllib.request.Request(f"{self.url}statements?{urlencode(query)}",
                                         headers={**XAPI_HEADERS, "Authorization": f"Basic {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            # Ralph's filesystem backend answered newest first here, even when asked for ascending.
            return sorted(json.loads(answer.read())["statements"], key=lambda s: s["stored"])

    def stop(self) -> None:
        os.killpg(self._process.pid, signal.SIGTERM)
        self._process.wait(timeout=30)
        self._socket.close()


# The stand-in learning system's page: scorm-again's runtime as window.API, the stored data
# model (given in the address) loaded before the package starts, every call recorded.
SCORM_LAUNCH_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title>
<script src="scorm12.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const settings = { autocommit: false, logLevel: 5 };
  if (params.get("commit")) Object.assign(settings, { lmsCommitUrl: params.get("commit") });
  window.API = new Scorm12API(settings);
  window.API.loadFromFlattenedJSON(JSON.parse(params.get("cmi") || "{}"));
  window.calls = [];
  for (const name of ["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
    window.API.on(name, (element, value) => window.calls.push([name, element ?? null, value ?? null]));
  }
  window.closeSco = () => document.querySelector("iframe").remove();
</script></head>
<body><iframe src="package/training/quiz/index.html" title="Training quiz" style="width:100%;height:95vh;border:0"></iframe></body></html>
"""


class _ScormHandler(http.server.SimpleHTTPRequestHandler):
    lms: ScormLms

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802 - scorm-again's commits, when a commit URL is set
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        ok = self.lms.commit_status == 200
        body = json.dumps({"result": ok, "errorCode": 0 if ok else 101}).encode()
        self.send_response(self.lms.commit_status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class ScormLms:
    """A SCORM 1.2 learning system around one package, on 127.0.0.1; ``launch_url`` opens it."""

    def __init__(self, package: Path, workdir: Path) -> None:
        with zipfile.ZipFile(package) as zf:
            zf.extractall(workdir / "package")
        shutil.copy(ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js", workdir / "scorm12.js")
        (workdir / "lms.html").write_text(SCORM_LAUNCH_PAGE, encoding="utf-8")
        self.commit_status = 200  # what the learning system answers the runtime's commits
        handler = type("Handler", (_ScormHandler,), {"lms": self})
        self._server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(workdir)))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def launch_url(self, cmi: dict[str, str], commit: bool = False) -> str:
        """The launch page with the stored data model `cmi`; `commit` sends commits to this server."""
        query = {"cmi": json.dumps(cmi), **({"commit": f"{self.url}commit"} if commit else {})}
        return f"{self.url}lms.html?{urlencode(query)}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _LmsHandler(http.server.SimpleHTTPRequestHandler):
    lms: Cmi5Lms

    def log_message(self, *args: object) -> None:
        pass

    def _json(self, status: int, body: Any) -> None:
        data = b"" if status == 204 else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:
            pass  # the window closed before the answer came (a keepalive request): the work is done

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        path = urlsplit(self.path).path
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if path.startswith("/fetch/"):
            self._json(200, self.lms.fetch(path.removeprefix("/fetch/")))
        elif path == "/xapi/statements":
            if self.lms.statement_delay:
                time.sleep(self.lms.statement_delay)
                # Like a proxy in front of an LRS (nginx's default), drop a request whose client went away:
                # only a request the browser kept alive past the page's end reaches the LRS.
                if self._client_gone():
                    return
            self._json(*self.lms.forward(body, self.headers.get("Authorization", "")))
        else:
            self._json(404, {})

    def _client_gone(self) -> bool:
        readable, _, _ = select.select([self.connection], [], [], 0)
        try:
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def do_PUT(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if parts.path == "/xapi/activities/state":
            self._json(*self.lms.put_state(parse_qs(parts.query), body))
        else:
            self._json(404, {})

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path == "/xapi/activities/state":
            found = self.lms.state(parse_qs(parts.query))
            self._json(200, found) if found is not None else self._json(404, {})
        elif parts.path == "/xapi/agents/profile":
            found = self.lms.profile(parse_qs(parts.query))
            self._json(200, found) if found is not None else self._json(404, {})
        elif parts.path.startswith("/content/"):
            super().do_GET()
        elif parts.path == "/return":  # returnURL: the learning system's page after the AU (cmi5 10.2.6)
            self._json(200, {"page": "back in the learning system"})
        else:
            self._json(404, {})

    def translate_path(self, path: str) -> str:
        return str(self.lms.content / urlsplit(path).path.removeprefix("/content/"))


class Cmi5Lms:
    """A learning system around one cmi5 package, on 127.0.0.1; ``launch_url`` builds a launch."""

    def __init__(self, package: Path, workdir: Path, lrs: Ralph) -> None:
        self.content = workdir / "content"
        with zipfile.ZipFile(package) as zf:
            zf.extractall(self.content)
        self.lrs = lrs
        self.lrs_reachable = True  # False: the LRS is down, as the gateway sees it
        self.tokens: dict[str, str] = {}  # fetch key -> token, each handed out once
        self.launches: dict[str, dict[str, Any]] = {}  # registration -> LMS.LaunchData
        self.documents: dict[tuple[str, str], Any] = {}  # (registration, stateId) -> the AU's own state
        self.preferences: dict[str, Any] | None = None  # cmi5LearnerPreferences, for every learner
        self.statement_delay = 0.0  # seconds each statement request waits before going on to the LRS
        self.requests: list[tuple[str, str]] = []  # (method, path) of every xAPI request, in order
        handler = type("Handler", (_LmsHandler,), {"lms": self})
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def launch_url(self, actor: dict[str, Any], activity_id: str, registration: str, *,
                   mastery_score: float | None = 0.8, token: str | None = None, launch_mode: str = "Normal",
                   publisher_id: str = "urn:social-media-policy:training-quiz:au", return_url: bool = True) -> str:
        """The AU's URL with the cmi5 launch parameters, after writing LMS.LaunchData (cmi5 8.1, 10.0):
        a new session (new session id) on `registration`, whose earlier state the AU finds again."""
        key = secrets.token_hex(8)
        self.tokens[key] = token if token is not None else self.lrs.token
        data: dict[str, Any] = {
            "contextTemplate": {
                # cmi5 9.6.2.3: the publisher's id for the AU (the course structure's) in the grouping.
                "contextActivities": {"grouping": [{"id": publisher_id}]},
                "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": secrets.token_hex(8)},
            },
            "launchMode": launch_mode, "moveOn": "Passed",
        }
        if mastery_score is not None:
            data["masteryScore"] = mastery_score
        if return_url:
            data["returnURL"] = f"{self.url}return"
        self.launches[registration] = {"actor": actor, "activityId": activity_id, "data": data}
        query = urlencode({"endpoint": f"{self.url}xapi/", "fetch": f"{self.url}fetch/{key}",
                           "actor": json.dumps(actor), "registration": registration, "activityId": activity_id})
        return f"{self.url}content/training/quiz/index.html?{query}"

    def session_id(self, registration: str) -> str:
        return self.launches[registration]["data"]["contextTemplate"]["extensions"][
            "https://w3id.org/xapi/cmi5/context/extensions/sessionid"]

    def fetch(self, key: str) -> dict[str, Any]:
        token = self.tokens.pop(key, None)
        if token is None:  # cmi5 8.2.3: a second call gets an error, not a token
            return {"error-code": "1", "error-text": "Already in use"}
        return {"auth-token": token}

    def _launch(self, query: dict[str, list[str]]) -> dict[str, Any] | None:
        """The launch a State API request is about, if its activity, agent and registration match it."""
        launch = self.launches.get((query.get("registration") or [""])[0])
        if not launch or query.get("activityId") != [launch["activityId"]] or \
                json.loads((query.get("agent") or ["null"])[0]) != launch["actor"]:
            return None
        return launch

    def state(self, query: dict[str, list[str]]) -> Any:
        self.requests.append(("GET", "state:" + (query.get("stateId") or [""])[0]))
        launch = self._launch(query)
        if launch is None:
            return None
        state_id = (query.get("stateId") or [""])[0]
        if state_id == "LMS.LaunchData":
            return launch["data"]
        return self.documents.get((query["registration"][0], state_id))

    def put_state(self, query: dict[str, list[str]], body: bytes) -> tuple[int, Any]:
        state_id = (query.get("stateId") or [""])[0]
        self.requests.append(("PUT", "state:" + state_id))
        if self._launch(query) is None or state_id == "LMS.LaunchData":  # cmi5 10.2.1: the AU must not change it
            return 403, {"error": "not this AU's document"}
        self.documents[(query["registration"][0], state_id)] = json.loads(body)
        return 204, None

    def profile(self, query: dict[str, list[str]]) -> Any:
        self.requests.append(("GET", "profile:" + (query.get("profileId") or [""])[0]))
        return self.preferences if query.get("profileId") == ["cmi5LearnerPreferences"] else None

    def forward(self, body: bytes, authorization: str) -> tuple[int, Any]:
        self.requests.append(("POST", "statements"))
        if not self.lrs_reachable:
            return 502, {"error": "the LRS is not answering"}
        request = urllib.request.Request(f"{self.lrs.url}statements", data=body, method="POST", headers={
            **XAPI_HEADERS, "Content-Type": "application/json", "Authorization": authorization})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, {"error": error.read().decode(errors="replace")}

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
