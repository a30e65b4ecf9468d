"""The search index's files, read back as the search box reads them."""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

import pytest

from generator.catalog.model import Catalog, Link, Paper, Tag, TagRule
from generator.search import index as search_index
from generator.search.index import ENTRY, search_files
from generator.text.tokens import words

TAGS = (Tag("speech", "Speech", "Spoken language.", TagRule()), Tag("vision", "Vision", "Images.", TagRule()))
CODE = (Link("code", "https://github.com/lab/repo"),)


def paper(title: str, abstract: str, tags: tuple[str, ...] = ("speech",), links: tuple[Link, ...] = ()) -> Paper:
    slug = "-".join(words(title))
    return Paper(slug, title, abstract, tags, links, (), datetime.date(2026, 1, 1))


def index_of(*papers: Paper) -> tuple[dict[str, Any], dict[str, Any]]:
    """The entry file, and every other file by its path under the entry's folder."""
    files = search_files(Catalog(papers=papers, tags=TAGS))
    entry = json.loads(files.pop(ENTRY))
    folder = f"search/{entry['root']}"
    assert all(path.startswith(folder) for path in files)
    return entry, {path.removeprefix(folder): json.loads(text) for path, text in files.items()}


def postings(files: dict[str, Any], word: str) -> dict[int, int]:
    """Paper id → score of `word`, from its chunk and, for a common word, its file of the rest."""
    for name, chunk in files.items():
        if not name.startswith("w/"):
            continue
        for position, (indexed, count, gaps, scores, *_) in enumerate(chunk):
            if indexed != word:
                continue
            found = dict(zip(ungap(gaps), scores, strict=True))
            if count > len(gaps):
                titled, others = files[f"m/{name[2:-5]}-{position}.json"]
                found |= dict.fromkeys(ungap(titled), search_index.TITLE_SCORE) | dict.fromkeys(ungap(others), 0)
            assert len(found) == count
            return found
    return {}


def ungap(gaps: list[int]) -> list[int]:
    ids, total = [], 0
    for gap in gaps:
        total += gap
        ids.append(total)
    return ids


def test_words_are_nfkc_lowercase_letters_and_digits() -> None:
    assert words("Fréchet ﬁne-tuning of GPT-4o, e.g. 3D_scenes; 中文 模型") == [
        "frechet",
        "fine",
        "tuning",
        "of",
        "gpt",
        "4o",
        "e",
        "g",
        "3d",
        "scenes",
        "中文",
        "模型",
    ]


def test_papers_are_numbered_by_title_and_recorded_with_tags_code_and_excerpt() -> None:
    entry, files = index_of(
        paper("Zebra Speech", "Zebras talk. A second sentence."),
        paper("Apple Vision", "Apples look.", ("vision", "speech"), CODE),
    )
    assert files["d/0.json"] == [
        ["apple-vision", "Apple Vision", [1, 0], 1, "Apples look."],
        ["zebra-speech", "Zebra Speech", [0], 0, "Zebras talk."],
    ]
    assert entry["tags"] == [["Speech", 2, "speech"], ["Vision", 1, "vision"]]
    assert files["t/0.json"] == [0, 1]  # ids 0 and 1, as gaps
    assert files["t/1.json"] == [0]
    assert files["code.json"] == [0]
    assert entry["papers"] == 2
    assert entry["perFile"] == search_index.PAPERS_PER_FILE


def test_a_title_word_outranks_any_abstract_and_stop_words_are_not_indexed() -> None:
    _, files = index_of(
        paper("Robust Parsing", "We study the parsing of the web."),
        paper("Other Work", "Parsing parsing parsing parsing, robust parsing of the parsing kind."),
    )
    scores = postings(files, "parsing")
    assert set(scores) == {0, 1}  # "Other Work" sorts first: id 0
    assert scores[1] > search_index.TITLE_SCORE > scores[0] > 0
    assert postings(files, "the") == {} and postings(files, "of") == {}


def test_a_common_word_keeps_its_best_papers_in_its_chunk_and_the_rest_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "TOP_POSTINGS", 3)
    papers = [paper(f"Paper {number:02d}", f"Common words {'common ' * number}end.") for number in range(8)]
    papers.append(paper("Common Ground", "Nothing else."))
    papers += [paper(f"Unrelated {number:02d}", "Other words entirely.") for number in range(20)]
    _, files = index_of(*papers)
    (chunk,) = [chunk for name, chunk in files.items() if name.startswith("w/")]
    entry = next(item for item in chunk if item[0] == "common")
    assert entry[1] == 9 and len(entry[2]) == 3
    best = ungap(entry[2])
    assert best == [0, 7, 8]  # "Common Ground" (title) and the papers that say it most
    everything = postings(files, "common")
    assert sorted(everything) == list(range(9))  # "Common Ground", then "Paper 00" to "Paper 07"
    assert min(everything[paper] for paper in best) >= max(s for p, s in everything.items() if p not in best)


def test_chunks_hold_words_in_code_point_order_and_name_their_first_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "CHUNK_BYTES", 60)
    entry, files = index_of(paper("Zeta Alpha Ærø Beta", "Ωmega and 10x and Delta."))
    chunks = [files[f"w/{number}.json"] for number in range(len(entry["chunks"]))]
    indexed = [item[0] for chunk in chunks for item in chunk]
    assert indexed == sorted(indexed) == ["10x", "alpha", "beta", "delta", "speech", "zeta", "ærø", "ωmega"]
    assert entry["chunks"] == [chunk[0][0] for chunk in chunks]
    assert len(chunks) > 1


def test_the_folder_is_named_by_the_content() -> None:
    first, _ = index_of(paper("One Paper", "Some text."))
    again, _ = index_of(paper("One Paper", "Some text."))
    changed, _ = index_of(paper("One Paper", "Other text."))
    assert first["root"] == again["root"] != changed["root"]


def test_an_empty_catalog_has_an_empty_index() -> None:
    entry, files = index_of()
    assert entry["papers"] == 0 and entry["chunks"] == []
    assert files == {"t/0.json": [], "t/1.json": [], "code.json": []}


def test_the_rest_of_a_common_word_keeps_title_matches_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "TOP_POSTINGS", 2)
    titled = [paper(f"Alpha Study {letter}", "Plain words.") for letter in "abcd"]
    mentioned = [paper(f"Beta Study {letter}", "An alpha mention.") for letter in "efg"]
    _, files = index_of(*titled, *mentioned)
    (rest,) = [
        files[f"m/{name[2:-5]}-{position}.json"]
        for name, chunk in files.items()
        if name.startswith("w/")
        for position, item in enumerate(chunk)
        if item[0] == "alpha"
    ]
    assert [ungap(part) for part in rest] == [[2, 3], [4, 5, 6]]  # ids in title order: Alpha a-d, Beta e-g


def test_a_paper_is_found_by_its_authors_names_like_abstract_words() -> None:
    authored = dataclasses.replace(paper("Robust Parsing", "We study parsing."), authors=("Ada Lovelace", "Kim Lee"))
    _, files = index_of(authored, paper("Other Work", "Lovelace wrote about engines."))
    lovelace = postings(files, "lovelace")
    assert set(lovelace) == {0, 1}  # "Other Work" is id 0
    assert 0 < lovelace[1] < search_index.TITLE_SCORE and 0 < lovelace[0] < search_index.TITLE_SCORE
    assert set(postings(files, "ada")) == {1} and set(postings(files, "kim")) == {1}


def test_words_of_web_addresses_are_left_out() -> None:
    _, files = index_of(paper("Manga Colouring", "Code at https://github.com/lab/rag-manga, or github.com/x/rag."))
    assert postings(files, "manga") and postings(files, "code")
    assert postings(files, "rag") == {} and postings(files, "github") == {}


def test_a_stem_group_is_listed_by_its_first_word() -> None:
    _, files = index_of(paper("Agents", "An agentic agent."), paper("Models", "A model."))
    entries = {item[0]: item for name, chunk in files.items() if name.startswith("w/") for item in chunk}
    assert entries["agent"][4] == ["agentic", "agents"]
    assert entries["agents"][4] == entries["agentic"][4] == "agent"
    assert entries["model"][4] == ["models"] and entries["models"][4] == "model"
    assert len(entries["speech"]) == 4  # a word alone in its stem lists nothing


def test_tag_names_are_words_of_their_papers() -> None:
    _, files = index_of(paper("Listening", "Ears.", ("speech",)), paper("Looking", "Eyes.", ("vision",)))
    assert list(postings(files, "speech")) == [0]
    assert list(postings(files, "vision")) == [1]
    assert postings(files, "speech")[0] < search_index.TITLE_SCORE


def test_accents_are_folded_and_cjk_is_read_in_pairs() -> None:
    _, files = index_of(paper("Fréchet Distances", "大規模言語モデル."))
    assert postings(files, "frechet") and postings(files, "fréchet") == {}
    assert all(postings(files, pair) for pair in ("大規", "言語", "モデ", "デル"))
