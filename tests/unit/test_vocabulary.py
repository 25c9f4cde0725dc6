"""The search vocabulary file: loaded whole, or refused with the file and the entry named."""
from pathlib import Path

import pytest

from hooks import vocabulary
from hooks.search_index import Entry, reader_words

CLAUSES = {"policy-2-7", "policy-2-2-e"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vocabulary.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_published_vocabulary_loads(clause_ids):
    assert len(vocabulary.load(clause_ids)) >= 6


def test_an_entry_reads_as_written(tmp_path: Path):
    path = write(tmp_path, '[[entry]]\nreader = ["councillor"]\ndocument = ["elected members"]\nclauses = ["policy-2-7"]\n')
    assert vocabulary.load(CLAUSES, path) == [vocabulary.Synonym(("councillor",), ("elected members",), ("policy-2-7",))]


@pytest.mark.parametrize("entry, problem", [
    ('reader = []\ndocument = ["re-tweet"]', "'reader' lists no words"),
    ('reader = ["  "]\ndocument = ["re-tweet"]', "'reader' lists no words"),
    ('reader = ["retweet"]', "give the document's words"),
    ('reader = ["retweet"]\ndocument = [""]', "give the document's words"),
    ('reader = ["retweet"]\nclauses = ["policy-9-9"]', "unknown clause id 'policy-9-9'"),
])
def test_a_bad_entry_is_named(tmp_path: Path, entry: str, problem: str):
    path = write(tmp_path, f'[[entry]]\nreader = ["councillor"]\ndocument = ["member"]\n\n[[entry]]\n{entry}\n')
    with pytest.raises(ValueError) as error:
        vocabulary.load(CLAUSES, path)
    assert str(error.value).startswith("vocabulary.toml: entry 2")
    assert problem in str(error.value)


def test_glossary_abbreviations_stand_for_their_names_both_ways():
    pairs = vocabulary.from_glossary([{"abbr": "HR", "expansion": "Human Resources"}])
    assert vocabulary.Synonym(("HR",), ("Human Resources",)) in pairs
    assert vocabulary.Synonym(("Human Resources",), ("HR",)) in pairs


def test_reader_words_join_the_clauses_that_use_the_document_words():
    synonyms = [vocabulary.Synonym(("retweet",), ("re-tweet",)), vocabulary.Synonym(("IT",), ("Information technology",)),
                vocabulary.Synonym(("information technology",), ("IT",))]
    entry = Entry("policy/#policy-2-2-e", "Policy 2.2 e)", ["Do not re-post/re-tweet other agencies' messages."])
    assert reader_words(entry, synonyms) == ["retweet"]
    # An abbreviation matches only in capitals: "It is" is not IT.
    assert reader_words(Entry("x/#y", "", ["It is important."]), synonyms) == []
    assert reader_words(Entry("x/#y", "", ["IT security"]), synonyms) == ["information technology"]
