"""Record what a real LRS (Ralph) behind the stand-in LMS answers a cmi5 AU, for docs/javascripts/lms-cmi5.test.mjs.

Run with ``.venv/bin/python -m tests.support.record_cmi5_exchange`` (after ``make test`` installed
Ralph): it starts both on 127.0.0.1, makes each request the AU makes once, and writes every
answer (status, content type, body) to tests/data/cmi5-exchange.json. The Node tests
replay them, so the adapter's unit tests answer to what the real servers said, not to a guess.
"""
from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.support import ROOT
from tests.support.learning_systems import Cmi5Lms, Ralph

OUT = ROOT / "tests" / "data" / "cmi5-exchange.json"
ACTOR = {"objectType": "Agent", "name": "Ann Tester", "account": {"homePage": "http://lms.test", "name": "ann-4711"}}
ACTIVITY = "https://lms.test/activities/quiz-au-1"
STATE_ID = "urn:social-media-policy:training-quiz:au:record"  # docs/javascripts/lms-cmi5.js


def call(method: str, url: str, body: Any = None, token: str = "") -> dict[str, Any]:
    headers = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Basic {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status, kind, raw = answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        status, kind, raw = error.code, error.headers.get("Content-Type", ""), error.read()
    return {"status": status, "contentType": kind, "body": json.loads(raw) if raw else None}


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        package = work_dir / "empty-cmi5.zip"
        with zipfile.ZipFile(package, "w") as zf:
            zf.writestr("cmi5.xml", "<courseStructure/>")
        lrs = Ralph(work_dir / "ralph")
        lms = Cmi5Lms(package, work_dir / "lms", lrs)
        try:
            registration = str(uuid.uuid4())
            launch = lms.launch_url(ACTOR, ACTIVITY, registration, mastery_score=0.8)
            query = dict(p.split("=", 1) for p in launch.split("?", 1)[1].split("&"))
            fetch_url = urllib.request.unquote(query["fetch"])
            endpoint = urllib.request.unquote(query["endpoint"])
            state = lambda state_id: endpoint + "activities/state?" + urlencode(  # noqa: E731
                {"stateId": state_id, "activityId": ACTIVITY, "agent": json.dumps(ACTOR), "registration": registration})
            token_answer = call("POST", fetch_url)
            token = token_answer["body"]["auth-token"]
            statement = {"id": str(uuid.uuid4()), "timestamp": "2026-12-07T12:00:00.000Z", "actor": ACTOR,
                         "verb": {"id": "http://adlnet.gov/expapi/verbs/initialized", "display": {"en-GB": "initialized"}},
                         "object": {"objectType": "Activity", "id": ACTIVITY},
                         "context": {"registration": registration}}
            exchange = {
                "note": "Answers of Ralph (requirements-lrs.txt) behind tests/support/learning_systems.Cmi5Lms, "
                        "recorded by tests/support/record_cmi5_exchange.py",
                "fetch": token_answer,
                "fetchAgain": call("POST", fetch_url),
                "launchData": call("GET", state("LMS.LaunchData"), token=token),
                "preferencesNone": call("GET", endpoint + "agents/profile?" + urlencode(
                    {"agent": json.dumps(ACTOR), "profileId": "cmi5LearnerPreferences"}), token=token),
                "stateNone": call("GET", state(STATE_ID), token=token),
                "statePut": call("PUT", state(STATE_ID), {"progress": None, "passed": False, "completed": False},
                                 token=token),
                "statement": call("POST", endpoint + "statements", statement, token=token),
                "statementAgain": call("POST", endpoint + "statements", statement, token=token),
                "statements": call("POST", endpoint + "statements", [
                    {**statement, "id": str(uuid.uuid4())}, {**statement, "id": str(uuid.uuid4())}], token=token),
                "statementRefused": call("POST", endpoint + "statements", statement, token="bm9ib2R5Ondyb25n"),
            }
        finally:
            lms.stop()
            lrs.stop()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(exchange, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
