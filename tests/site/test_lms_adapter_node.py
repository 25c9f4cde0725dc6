"""The LMS adapter's pure parts (docs/javascripts/lms.js), run in Node: the SCORM API search,
SCORM and xAPI time formats, the learner's name, and reading a cmi5 launch."""
import json
import subprocess

from tests.support import ROOT

SCRIPT = """
import * as lms from "%s";
const frame = (api, parent) => { const w = { API: api }; w.parent = parent || w; return w; };
const top = frame({ name: "top" });
const chain = (depth) => { let w = top; for (let i = 0; i < depth; i++) w = frame(undefined, w); return w; };
const guarded = { get API() { throw new Error("SecurityError"); } };
guarded.parent = guarded;
const results = {
  parent: lms.discoverScorm(chain(3))?.name ?? null,
  tooDeep: lms.discoverScorm(chain(9))?.name ?? null,
  opener: lms.discoverScorm({ ...frame(undefined), opener: chain(2) })?.name ?? null,
  otherOrigin: lms.discoverScorm(guarded),
  none: lms.discoverScorm(frame(undefined)),
  spans: [0, 3723.5e3, 59.999e3, 100 * 3600e3].map(lms.scormTimespan),
  iso: lms.isoDuration(83456),
  names: ["Tester, Ann", "Ann Tester", "", "a, b, c"].map(lms.readableName),
  launch: lms.launchParameters("?endpoint=http://lrs.test/x&fetch=http://lms.test/f&registration=r1" +
    "&activityId=urn:a&actor=" + encodeURIComponent(JSON.stringify({ name: "Ann", mbox: "mailto:a@b.c" }))),
  missing: lms.launchParameters("?endpoint=http://lrs.test/&fetch=f&actor={}&registration=r1"),
  badActor: lms.launchParameters("?endpoint=e&fetch=f&actor=not-json&registration=r&activityId=a"),
};
console.log(JSON.stringify(results));
"""


def run() -> dict:
    module = (ROOT / "docs" / "javascripts" / "lms.js").as_uri()
    out = subprocess.run(["node", "--input-type=module", "-e", SCRIPT % module],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_scorm_api_is_found_up_the_parents_then_the_openers_within_seven_steps():
    r = run()
    assert r["parent"] == "top" and r["opener"] == "top"
    assert r["tooDeep"] is None and r["otherOrigin"] is None and r["none"] is None


def test_times_names_and_launch_parameters():
    r = run()
    assert r["spans"] == ["00:00:00.00", "01:02:03.50", "00:01:00.00", "100:00:00.00"]
    assert r["iso"] == "PT83.46S"
    assert r["names"] == ["Ann Tester", "Ann Tester", "", "a b c"]
    assert r["launch"] == {"endpoint": "http://lrs.test/x/", "fetch": "http://lms.test/f", "registration": "r1",
                           "activityId": "urn:a", "actor": {"name": "Ann", "mbox": "mailto:a@b.c"}}
    assert r["missing"] is None and r["badActor"] is None
