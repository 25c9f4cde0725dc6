"""The search index: one entry per clause, written by the build for the search worker.

Material's own index has one entry per heading, so a lettered item such as policy 2.2 d) cannot be
a result and a footnote's text lands under the page's last section. Here every clause anchor in
docs/ (headings, lettered and numbered items, paragraphs) is an entry; a footnote is indexed under
the entry whose text cites it; text inside `data-search-exclude` (quiz keys, self-check forms, the
policy's contents list) is left out. Each entry carries the reader's words for the document's
words it contains (from the vocabulary and the glossary) in a field the results never show.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from quiz.vocabulary import Synonym

SEARCH_EXCLUDED_TAG = "widget-static"  # sitebuild.widgets.SEARCH_EXCLUDED: what holds a widget's form
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Inline elements do not separate words; every other tag does.
INLINE = {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup"}
# Links the theme and the footnotes add: their text is not the page's.
SKIPPED_CLASSES = {"headerlink", "footnote-ref", "footnote-backref"}
FOOTNOTE = re.compile(r"fn:(\w+)")
# The configuration Material's search plugin writes for this site (lang: en).
MATERIAL_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
FOOTNOTE_REF = re.compile(r"fnref:(\w+)")


@dataclass
class Entry:
    location: str
    title: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


@dataclass
class _Open:
    tag: str
    entry: Entry | None = None  # an entry this element opened (a clause item)
    skip: bool = False  # its text is left out of the index
    footnote: str | None = None  # the footnote this element holds


class _PageReader(HTMLParser):
    """Reads one page's content HTML into entries, in page order."""

    def __init__(self, url: str, title: str, labels: dict[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.url, self.labels = url, labels
        self.entries = [Entry(url, title)]
        self.section = self.entries[0]  # the entry that text outside any clause item goes to
        self.section_excluded = False
        self.heading: Entry | None = None  # the heading being read, whose text is its title
        self.stack: list[_Open] = []
        self.footnotes: dict[str, list[str]] = {}
        self.citing: dict[str, Entry] = {}

    def _entry(self) -> Entry:
        for item in reversed(self.stack):
            if item.entry is not None:
                return item.entry
        return self.section

    def _skipping(self) -> bool:
        return self.section_excluded or any(item.skip for item in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        element_id = values.get("id") or ""
        if tag in HEADINGS:
            self._start_section(tag, element_id, "data-search-exclude" in values)
        ref = FOOTNOTE_REF.fullmatch(element_id)
        if ref:
            self.citing[ref.group(1)] = self._entry()
        if tag in VOID:
            return
        # The widgets' own tag counts too: Zensical drops data-search-exclude from the pages it writes.
        excluded = "data-search-exclude" in values or tag == SEARCH_EXCLUDED_TAG
        item = _Open(tag, skip=excluded or bool(classes & SKIPPED_CLASSES))
        note = FOOTNOTE.fullmatch(element_id)
        if note:
            item.footnote = note.group(1)
            self.footnotes[item.footnote] = []
        elif tag not in HEADINGS and element_id in self.labels:
            entry = Entry(f"{self.url}#{element_id}", self._item_title(element_id))
            self.entries.append(entry)
            # A list item of several paragraphs carries its id on the first: the clause is the item.
            parent = self.stack[-1] if self.stack else None
            owner = parent if tag == "p" and parent and parent.tag == "li" and parent.entry is None else item
            owner.entry = entry
        self.stack.append(item)
        self._separate(tag)

    def _start_section(self, tag: str, element_id: str, excluded: bool) -> None:
        if tag == "h1" or not element_id:
            return  # the page's title, or a heading that cannot be linked to
        self.section = Entry(f"{self.url}#{element_id}", "")
        self.section_excluded = excluded
        if not excluded:
            self.entries.append(self.section)
        self.heading = self.section

    def _item_title(self, element_id: str) -> str:
        heading = self.section.title if self.section is not self.entries[0] else ""
        section_name = re.sub(r"^[\d.]+\s+", "", heading).rstrip(":")
        return f"{self.labels[element_id]} – {section_name}" if section_name else self.labels[element_id]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            item = self.stack.pop()
            if item.tag == tag:
                break
        if tag in HEADINGS:
            self.heading = None
        self._separate(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        if self.heading is not None:
            self.heading.title = " ".join((self.heading.title + data).split())
            return
        for item in reversed(self.stack):
            if item.footnote is not None:
                self.footnotes[item.footnote].append(data)
                return
        self._entry().parts.append(data)

    def _separate(self, tag: str) -> None:
        if tag not in INLINE and not self._skipping() and self.heading is None:
            self._entry().parts.append(" ")

    def finish(self) -> list[Entry]:
        """The entries, each footnote's text added to the entry that cites it."""
        for number, text in self.footnotes.items():
            owner = self.citing.get(number, self.entries[-1])
            owner.parts.extend([" ", *text])
        return self.entries


def page_entries(html: str, url: str, title: str, labels: dict[str, str]) -> list[Entry]:
    """The entries of one page: the page itself, then every section and clause item, in order."""
    reader = _PageReader(url, title, labels)
    reader.feed(html)
    reader.close()
    return [e for e in reader.finish() if e.text or e.location == url]


def _mentions(text: str, phrase: str) -> bool:
    """Whether text has the phrase as whole words (a plural 's' allowed): ignoring case, except for
    an abbreviation (all capitals), which must be written so ('IT' is not 'it')."""
    flags = 0 if phrase.isupper() else re.IGNORECASE
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?:s|es)?(?![\w-])", text, flags) is not None


def reader_words(entry: Entry, synonyms: list[Synonym]) -> list[str]:
    """The reader's words for what this entry says, from every synonym whose document words it uses."""
    words: list[str] = []
    clause_id = entry.location.partition("#")[2]
    haystack = f"{entry.title} {entry.text}"
    for synonym in synonyms:
        if clause_id in synonym.clauses or any(_mentions(haystack, w) for w in synonym.document):
            words.extend(w for w in synonym.reader if w not in words)
    return words


def index_documents(entries: list[Entry], synonyms: list[Synonym]) -> list[dict[str, str]]:
    """The documents of search_index.json, in Material's format plus the hidden 'keywords' field."""
    documents = []
    for entry in entries:
        document = {"location": entry.location, "title": entry.title, "text": entry.text}
        keywords = reader_words(entry, synonyms)
        if keywords:
            document["keywords"] = " ".join(keywords)
        documents.append(document)
    return documents


def write_index(site_dir: Path, documents: list[dict[str, str]]) -> Path:
    """Replace the docs of Material's search_index.json (its config stays) with the clause entries."""
    path = site_dir / "search" / "search_index.json"
    # Material's search plugin writes the file with its configuration; another generator writes none.
    index = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"config": MATERIAL_CONFIG}
    path.parent.mkdir(parents=True, exist_ok=True)
    index["docs"] = documents
    index["config"]["fields"]["keywords"] = {"boost": 1.0}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
