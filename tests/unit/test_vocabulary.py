"""The search vocabulary file: loaded whole, or refused with the file and the entry named."""
import pytest

from sitebuild.search_index import Entry, reader_words
from quiz import vocabulary
from quiz.checker import check
from quiz.content import load_other
from quiz.glossary import Term

CLAUSES = {"policy-2-7", "policy-2-2-e"}
GOOD = {"reader": ["councillor"], "document": ["member"]}


def test_the_published_vocabulary_loads(clause_ids):
    synonyms, problems = load_other("vocabulary.toml", clause_ids)
    assert problems == [] and len(synonyms) >= 6


def test_an_entry_reads_as_written():
    raw = {"entry": [{"reader": ["councillor"], "document": ["elected members"], "clauses": ["policy-2-7"]}]}
    assert check(raw, vocabulary.parse, "vocabulary.toml", CLAUSES) == (
        [vocabulary.Synonym(("councillor",), ("elected members",), ("policy-2-7",))], [])


@pytest.mark.parametrize("entry, problem", [
    ({"reader": [], "document": ["re-tweet"]}, "'reader' lists no words"),
    ({"reader": ["  "], "document": ["re-tweet"]}, "'reader' lists no words"),
    ({"reader": ["retweet"]}, "give the document's words"),
    ({"reader": ["retweet"], "document": [""]}, "give the document's words"),
    ({"reader": ["retweet"], "clauses": ["policy-9-9"]}, "unknown clause id 'policy-9-9'"),
    ({"reader": ["retweet"], "documents": ["re-tweet"]}, "unknown field 'documents'"),
    ({"reader": ["<img src=x onerror=alert(1)>"], "document": ["re-tweet"]}, "write plain words"),
    ({"reader": ["retweet"], "document": ["re-tweet & share"]}, "write plain words"),
])
def test_a_bad_entry_is_named(entry: dict, problem: str):
    model, problems = check({"entry": [GOOD, entry]}, vocabulary.parse, "vocabulary.toml", CLAUSES)
    assert model is None
    assert any(str(p).startswith("vocabulary.toml: entry 2") and problem in str(p) for p in problems), problems


def test_glossary_abbreviations_stand_for_their_names_both_ways():
    pairs = vocabulary.from_glossary([Term("HR", "Human Resources")])
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
