"""generator/sources/matching.py: a paper found by title is taken only when nothing else could be it."""

from __future__ import annotations

from generator.sources.matching import Candidate, Match, abstracts_agree, match_paper

ABSTRACT = (
    "Large language models hallucinate facts. We propose a retrieval step that checks each generated claim "
    "against retrieved passages and rewrites unsupported claims, reducing hallucination on three benchmarks."
)
TITLE = "Checking Claims: Retrieval-Augmented Verification for Large Language Models"


def candidate(arxiv: str, title: str = TITLE, abstract: str = ABSTRACT) -> Candidate:
    return Candidate(arxiv=arxiv, title=title, abstract=abstract)


def test_an_equal_normalised_title_is_a_match() -> None:
    found = candidate("2401.00001", "checking claims - retrieval augmented verification for large language model")
    assert match_paper(TITLE, "", [found, candidate("2402.1", "Something else entirely")]) == Match("title", found)


def test_two_papers_of_the_same_title_are_ambiguous() -> None:
    assert match_paper(TITLE, ABSTRACT, [candidate("2401.1"), candidate("2402.2"), candidate("2401.1")]) == Match(
        "ambiguous", others=("2401.1", "2402.2")
    )


def test_a_near_title_needs_the_abstract_to_agree() -> None:
    typo = TITLE.replace("Verification", "Verifcation")
    near = candidate("2401.3", typo, ABSTRACT.replace("\n", " ") + " Code is released.")
    assert match_paper(TITLE, ABSTRACT, [near]) == Match("near title and abstract", near)
    other = candidate("2401.4", typo, "We study protein folding with diffusion models on cryo-EM maps and lattices.")
    assert match_paper(TITLE, ABSTRACT, [other]) == Match("none")


def test_a_close_rival_makes_a_near_match_ambiguous() -> None:
    first = candidate("2401.5", TITLE.replace("Verification", "Verifcation"))
    second = candidate("2401.6", TITLE.replace("Checking", "Chekcing"))
    assert match_paper(TITLE, ABSTRACT, [first, second]) == Match("ambiguous", others=("2401.5", "2401.6"))


def test_a_far_title_is_no_match_whatever_its_abstract() -> None:
    assert match_paper(TITLE, ABSTRACT, [candidate("2401.7", "Verification of LLM Claims")]) == Match("none")
    assert match_paper(TITLE, ABSTRACT, []) == Match("none")


def test_abstracts_agree_on_their_words_not_their_markup() -> None:
    assert abstracts_agree(ABSTRACT, ABSTRACT.upper().replace(" ", "\n "))
    assert not abstracts_agree(ABSTRACT, "")
    assert not abstracts_agree(ABSTRACT, "Graph neural networks for molecules and proteins at scale.")
