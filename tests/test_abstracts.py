"""Near-identical abstracts: sketched, scored, and short ones never compared."""

from __future__ import annotations

from generator.catalog.abstracts import AbstractIndex, abstract_score, fuzzy_abstract, is_different

ABSTRACT = (
    "We present a method for adapting large language models to low-resource languages with a few thousand "
    "sentences of parallel text. Our approach freezes the model, trains small adapters per language, and "
    "distils them from a teacher. On twelve languages it improves translation by four points over prompting."
)
RELISTED = ABSTRACT.replace("twelve languages", "fourteen languages") + " Code is released."
OTHER = (
    "Retrieval augmented generation grounds answers in documents, but retrieval errors propagate into the "
    "answer. We propose a verifier that scores each retrieved passage before generation and drops the ones "
    "that do not support the question, and show gains on five open-domain question answering benchmarks."
)


def test_abstracts_are_scored_on_their_words() -> None:
    assert fuzzy_abstract("Élan, the (LLM) — works!") == "elan the llm works"
    assert abstract_score(ABSTRACT, ABSTRACT.upper()) == 100
    assert abstract_score(ABSTRACT, RELISTED) == 95
    assert abstract_score(ABSTRACT, OTHER) == 45


def test_short_abstracts_are_never_compared() -> None:
    assert abstract_score("We study speech.", "We study speech.") is None
    assert is_different("We study speech.", OTHER) is None
    assert AbstractIndex([("a", "We study speech."), ("b", "We study speech.")]).pairs() == []


def test_is_different_only_below_the_threshold() -> None:
    assert is_different(ABSTRACT, OTHER) == 45
    assert is_different(ABSTRACT, RELISTED) is None


def test_the_index_finds_a_relisting_and_not_a_different_paper() -> None:
    index = AbstractIndex([("relisted", RELISTED), ("other", OTHER), ("short", "We study speech.")])
    assert index.slugs == ["relisted", "other"]
    assert index.best(ABSTRACT) == ("relisted", 95)
    assert index.best(ABSTRACT, exclude=["relisted"]) is None
    assert index.best("We study speech.") is None
    assert index.pairs() == []
    index.add("original", ABSTRACT)
    assert index.pairs() == [(0, 2, 95)]


def test_the_index_grows_as_papers_are_added() -> None:
    papers = [(f"paper-{number}", f"{OTHER} Variant number {number} of many.") for number in range(3)]
    index = AbstractIndex([("first", ABSTRACT), *papers])
    index.add("again", RELISTED)
    assert index.count == 5
    assert (0, 4, 95) in index.pairs()
