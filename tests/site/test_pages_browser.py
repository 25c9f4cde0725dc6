"""Every built page in Chromium: nothing is fetched from any other host."""
from pathlib import Path


def site_pages(site: Path) -> list[str]:
    """Every page's path relative to the site root, e.g. 'policy/'."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def test_no_page_requests_another_origin(browser, built_site, site_url):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    pages = site_pages(built_site)
    assert len(pages) >= 10
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    context.close()
    foreign = sorted({u for u in requests if not u.startswith((site_url, "data:", "blob:"))})
    print(f"{len(pages)} pages, {len(requests)} requests, {len(foreign)} to other origins")
    assert len(requests) > len(pages)
    assert foreign == []
