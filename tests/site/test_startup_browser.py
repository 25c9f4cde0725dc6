"""The Python worker's start in Debian's Chromium: download progress, and the precompiled runtime in use."""
READY = 120_000  # ms: a cold start on a busy 2-core machine, here on a slowed network
PROGRESS_EVERY_MS = 250

# Records every message the page's Python worker posts, with the page's clock.
RECORD_WORKER_MESSAGES = """
window.__workerMessages = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => window.__workerMessages.push({ data, at: performance.now() }));
  }
};
"""


def test_worker_reports_download_progress_while_the_runtime_downloads(page, site_url):
    # A slow network (4 MB/s), so the runtime takes seconds to download.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 20, "downloadThroughput": 4_000_000, "uploadThroughput": 1_000_000})
    stdlib_requests: list[str] = []
    page.on("request", lambda r: stdlib_requests.append(r.url) if "stdlib" in r.url else None)
    page.add_init_script(RECORD_WORKER_MESSAGES)
    page.goto(site_url + "self-check/sensitive-roles/")
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    messages = page.evaluate("window.__workerMessages")

    progress = [m for m in messages if "progress" in m["data"]]
    assert all("id" not in m["data"] for m in progress)
    loaded = [m["data"]["progress"]["loaded"] for m in progress]
    assert len(loaded) >= 4, loaded
    assert loaded == sorted(loaded) and loaded[0] < loaded[-1]
    # Everything fetched is counted: at least the WebAssembly and the standard library.
    assert loaded[-1] > 9_000_000
    # At most one report per 250 ms, on the worker's own clock: the page receives them bunched
    # whenever its thread is busy. 1 ms of slack for the clock's coarsened resolution.
    sent = [m["data"]["progress"]["at"] for m in progress]
    gaps = [later - earlier for earlier, later in zip(sent, sent[1:])]
    assert min(gaps) >= PROGRESS_EVERY_MS - 1, gaps
    # The precompiled standard library, not Pyodide's source-only one.
    assert [u for u in stdlib_requests if u.endswith("/assets/python/stdlib.zip")], stdlib_requests
    steps = [m["data"]["step"]["name"] for m in messages if "step" in m["data"]]
    assert steps[0] == "worker started" and "runtime instantiated" in steps and steps[-1] == "data loaded", steps
