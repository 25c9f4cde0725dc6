"""The search index: one entry per clause, footnotes under the clause citing them, excluded text left out."""
from sitebuild.search_index import page_entries

LABELS = {"policy-2-2": "Policy 2.2", "policy-2-2-b": "Policy 2.2 b)", "policy-2-3": "Policy 2.3"}
PAGE = """
<h1>Social Media Policy</h1><p>Updated May 2016</p>
<h2 id="contents" data-search-exclude="true">Contents</h2><ul><li><a href="#policy-2-2">2.2 Business use</a></li></ul>
<h3 id="policy-2-2">2.2 Business use<a class="headerlink" href="#policy-2-2">¶</a></h3>
<p>Employees should:</p>
<ul><li><p id="policy-2-2-b">b) Follow the code.</p><blockquote><p>Care before elections.</p></blockquote></li></ul>
<p>Personal use is allowed<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>
<widget-static data-search-exclude><p>The right answer is C.</p></widget-static>
<h3 id="policy-2-3">2.3 Sensitive positions</h3><p>Think before posting.</p>
<div class="footnote"><ol><li id="fn:1"><p>Browsing during lunchtimes.<a class="footnote-backref" href="#fnref:1">↩</a></p></li></ol></div>
"""


def entries():
    return {e.location: e for e in page_entries(PAGE, "policy/", "Policy", LABELS)}


def test_every_clause_is_an_entry_in_page_order():
    assert list(entries()) == ["policy/", "policy/#policy-2-2", "policy/#policy-2-2-b", "policy/#policy-2-3"]


def test_a_lettered_item_keeps_all_its_paragraphs_and_names_its_section():
    item = entries()["policy/#policy-2-2-b"]
    assert item.text == "b) Follow the code. Care before elections."
    assert item.title == "Policy 2.2 b) – Business use"


def test_a_footnote_is_indexed_under_the_clause_citing_it_not_the_last_section():
    assert "lunchtimes" in entries()["policy/#policy-2-2"].text
    assert "lunchtimes" not in entries()["policy/#policy-2-3"].text


def test_excluded_text_and_the_theme_links_stay_out():
    everything = " ".join(e.title + " " + e.text for e in entries().values())
    assert "right answer" not in everything and "Contents" not in everything
    assert "¶" not in everything and "↩" not in everything
