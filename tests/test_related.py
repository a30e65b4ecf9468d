from __future__ import annotations

import datetime
import random
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from generator.catalog.model import Paper
from generator.catalog.store import load_catalog
from generator.related import neighbours as related
from generator.related.neighbours import related_papers
from generator.related.terms import TermIds, terms
from generator.runtime.executor import SERIAL, Forking

ROOT = Path(__file__).resolve().parent.parent


def paper(slug: str, title: str, abstract: str, tags: tuple[str, ...] = ()) -> Paper:
    return Paper(
        slug=slug,
        title=title,
        abstract=abstract,
        tags=tags,
        links=(),
        listings=(),
        added=datetime.date(2024, 1, 1),
    )


@cache
def bundled() -> tuple[Paper, ...]:
    loaded, problems = load_catalog(ROOT / "data", ROOT)
    assert not problems
    return loaded.catalog.papers


@cache
def bundled_related() -> dict[str, tuple[str, ...]]:
    return related_papers(bundled())


SMALL = (
    paper("diffusion-a", "Diffusion models for images", "Denoising diffusion models generate images from noise."),
    paper("diffusion-b", "Faster diffusion sampling", "Diffusion sampling with fewer denoising steps for images."),
    paper("speech-a", "Speech recognition with transformers", "Speech recognition of spoken audio with transformers."),
    paper("speech-b", "Robust speech recognition", "A benchmark of speech recognition on noisy audio."),
    paper("lonely", "Quantum chess", "Grandmasters ponder."),
)


def test_obvious_neighbours() -> None:
    assert related_papers(SMALL) == {
        "diffusion-a": ("diffusion-b",),
        "diffusion-b": ("diffusion-a",),
        "speech-a": ("speech-b",),
        "speech-b": ("speech-a",),
        "lonely": (),
    }


def test_terms_fold_plurals_and_acronyms() -> None:
    assert terms("The LLMs hallucinate; an LLM's 3 Hallucinations") == ["llm", "hallucinate", "llm", "hallucination"]
    vocabulary = TermIds()
    assert vocabulary["hallucinations"] == vocabulary["Hallucination"] != 0
    assert vocabulary["properties"] == vocabulary["property"] != vocabulary["LLMs"] == vocabulary["llm"]
    assert vocabulary["the"] == vocabulary["2023"] == vocabulary["does"] == 0


# Words found in every paper weigh nothing: these give the others something to stand out from.
FILLERS = (
    paper("filler-1", "Poetry", "Sonnets about autumn leaves."),
    paper("filler-2", "Poetry", "Sonnets about autumn rain."),
)


def test_a_shared_tag_breaks_a_text_tie() -> None:
    papers = [
        *FILLERS,
        paper("x", "Graph networks", "Graph neural networks pass messages.", ("graphs",)),
        paper("y", "Graph networks", "Graph neural networks."),
        paper("z", "Graph networks", "Graph neural networks.", ("graphs",)),
    ]
    result = related_papers(papers)
    assert result["x"] == ("z", "y")  # y and z read the same to x; z also shares x's tag
    assert result["y"] == ("x", "z")  # a tie: the smaller slug first
    assert result["z"] == ("x", "y")
    assert result["filler-1"] == ("filler-2",)


def test_ties_go_to_the_smaller_slug() -> None:
    papers = [paper(slug, "Sparse attention", "Sparse attention kernels.") for slug in ("c", "a", "d", "b")]
    result = related_papers([*FILLERS, *papers])
    assert {slug: result[slug] for slug in "abcd"} == {
        "a": ("b", "c", "d"),
        "b": ("a", "c", "d"),
        "c": ("a", "b", "d"),
        "d": ("a", "b", "c"),
    }


def test_papers_sharing_only_tags_fill_up_a_short_list() -> None:
    papers = [
        paper("p", "Protein folding", "Folding proteins with attention.", ("biology", "structure")),
        paper("q", "Crop yields", "Forecasting harvests from satellites.", ("biology",)),
        paper("r", "Gene regulation", "Regulatory networks of genes.", ("biology", "structure")),
        paper("t", "Protein design", "Designing proteins."),
        paper("u", "Poetry", "Sonnets about autumn."),
    ]
    assert related_papers(papers, limit=1)["p"] == ("t",)  # enough text candidates: no fill
    assert related_papers(papers, limit=3)["p"] == ("t", "r", "q")  # more shared tags first
    assert related_papers(papers, limit=3)["q"] == ("p", "r")
    assert related_papers(papers)["u"] == ()


def test_limit_is_respected() -> None:
    for limit in (0, 1, 2, 7):
        result = related_papers(bundled(), limit=limit)
        assert len(result) == len(bundled())
        assert all(len(slugs) == limit for slugs in result.values())
    with pytest.raises(ValueError, match="limit"):
        related_papers(SMALL, limit=-1)


def test_never_itself_and_no_repeats() -> None:
    for slug, slugs in bundled_related().items():
        assert slug not in slugs
        assert len(set(slugs)) == len(slugs)


def test_deterministic_whatever_the_input_order() -> None:
    shuffled = list(bundled())
    random.Random(4).shuffle(shuffled)
    assert related_papers(shuffled) == bundled_related()
    assert related_papers(tuple(reversed(bundled()))) == bundled_related()


def test_chunking_does_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(related, "CHUNK_PAIRS", 100)
    monkeypatch.setattr(related, "CHUNK_ROWS", 7)
    assert related_papers(bundled()) == bundled_related()


def test_any_part_of_the_catalog_gets_what_the_whole_gets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(related, "CHUNK_ROWS", 7)
    index = related.RelatedIndex(bundled())
    scattered = [paper.slug for paper in bundled()][::3]
    random.Random(5).shuffle(scattered)
    expected = bundled_related()
    assert index.related(scattered) == {slug: expected[slug] for slug in sorted(scattered)}
    assert index.related([]) == {}


def test_terms_read_in_runs_on_two_processes_make_the_same_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    papers = sorted(bundled(), key=lambda paper: paper.slug)
    alone = related._tfidf(papers, SERIAL)
    monkeypatch.setattr("generator.runtime.workers.PART_MAX", 9)  # 13 runs, each with ids of its own
    in_runs = related._tfidf(papers, Forking(2))
    assert alone.shape == in_runs.shape
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(alone, part), getattr(in_runs, part)), part


def test_one_word_abstract_and_no_tags() -> None:
    papers = [*SMALL, paper("hello", "Hi", "Hello."), paper("untagged", "Diffusion images", "Denoising images.")]
    result = related_papers(papers)
    assert result["hello"] == ()
    assert "hello" not in {slug for slugs in result.values() for slug in slugs}
    assert result["untagged"][0] in {"diffusion-a", "diffusion-b"}


def test_small_inputs() -> None:
    assert related_papers([]) == {}
    assert related_papers(SMALL[:1]) == {"diffusion-a": ()}
    assert related_papers([paper("a", "Same", "Nothing here"), paper("b", "Same", "Nothing here")]) == {
        "a": (),  # a term in one paper only, or in every paper, says nothing
        "b": (),
    }


def test_duplicate_slugs_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        related_papers([SMALL[0], SMALL[0]])


def dense_reference_scores(papers: list[Paper], champions: int) -> np.ndarray:
    """Every pair's score as `related_papers` defines it, computed densely: the TF-IDF dot product, over the
    terms where the other paper is one of the term's `champions` heaviest (ties to the smaller index), plus the
    tag bonus; -1 for pairs with no text in common, and for a paper with itself."""
    vectors = related._tfidf(papers, SERIAL).toarray().astype(np.float64)
    leads = np.zeros_like(vectors, dtype=bool)
    for term in range(vectors.shape[1]):
        holders = np.flatnonzero(vectors[:, term])
        heaviest = holders[np.lexsort((holders, -vectors[holders, term]))][:champions]
        leads[heaviest, term] = True
    text = vectors @ (vectors * leads).T
    tags = [set(paper.tags) for paper in papers]
    shared = np.array([[len(mine & theirs) for theirs in tags] for mine in tags], dtype=np.float64)
    scores = np.where(text > 0, text + related.TAG_BONUS * shared, -1.0)
    np.fill_diagonal(scores, -1.0)
    return scores


def assert_best_choices(found: dict[str, tuple[str, ...]], papers: list[Paper], scores: np.ndarray) -> None:
    index = {paper.slug: i for i, paper in enumerate(papers)}
    for i, paper_ in enumerate(papers):
        chosen = [scores[i, index[slug]] for slug in found[paper_.slug]]
        best = np.sort(scores[i])[::-1][: len(chosen)]
        assert len(chosen) == 5
        assert np.allclose(chosen, best, atol=1e-5), paper_.slug


def test_exact_against_a_dense_reference() -> None:
    """The short-listing and chunking lose nothing: each choice scores as well as the dense computation's."""
    papers = sorted(bundled(), key=lambda paper: paper.slug)
    assert_best_choices(bundled_related(), papers, dense_reference_scores(papers, len(papers)))


def test_a_term_leads_to_its_champions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """With terms in more papers than `MAX_POSTINGS`, as in catalogs of more than 40,000 papers, a term adds
    to a pair's score only where the other paper is one of the term's champions."""
    monkeypatch.setattr(related, "MAX_POSTINGS", 3)
    papers = sorted(bundled(), key=lambda paper: paper.slug)
    found = related_papers(papers)
    assert found != bundled_related()
    assert_best_choices(found, papers, dense_reference_scores(papers, 3))


def tagged(slug: str, tag: str) -> list[bool]:
    by_slug = {paper.slug: paper for paper in bundled()}
    return [tag in by_slug[other].tags for other in bundled_related()[slug]]


def test_bundled_catalog_is_sensible() -> None:
    result = bundled_related()
    assert all(len(slugs) == 5 for slugs in result.values())
    survey = "a-comprehensive-survey-of-hallucination-mitigation-techniques-in-large-language"
    assert tagged(survey, "hallucination")[:4] == [True] * 4
    assert sum(tagged("calibrated-language-models-must-hallucinate", "hallucination")) == 5
    assert (
        sum(
            tagged(
                "detectllm-leveraging-log-rank-information-for-zero-shot-detection-of-machine",
                "machine-generated-text-detection",
            )
        )
        >= 4
    )
    assert result["llava-mod-making-llava-tiny-via-moe-knowledge-distillation"][0] == (
        "g-mod-exploring-mixture-of-depth-adaptation-for-multimodal-large-language-models"
    )
    assert (
        result["salamandra-technical-report"][0]
        == "map-neo-highly-capable-and-transparent-bilingual-large-language-model-series"
    )
    assert result["scaling-up-masked-diffusion-models-on-text"][0] == (
        "masked-diffusion-models-are-secretly-time-agnostic-masked-models-and-exploit"
    )
    assert tagged("mmlu-cf-a-contamination-free-multi-task-language-understanding-benchmark", "data-contamination")[
        :2
    ] == [True, True]
    assert sum(tagged("ask2mask-guided-data-selection-for-masked-speech-modeling", "speech")) >= 4
    assert sum(tagged("privately-fine-tuning-large-language-models-with-differential-privacy", "privacy")) == 5
    assert sum(tagged("a-comprehensive-overview-of-large-language-models", "survey")) >= 4
