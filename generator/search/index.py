"""PaperShelf's own search index: small static JSON files that a first search fetches a few of.

A stock full-text index grows with the catalog in what a first search must fetch (every posting of a
common word) and in what indexing holds in memory (docs/benchmarks.md). This one is built from the
catalog's data, not from the built pages, and splits what a search needs by how often it is needed:

- `search/index.json`: the entry point (a few KB): the first word of each word chunk, the tags (name,
  paper count, and the slug the search box's address names a tag by), the stop words, and the folder
  that holds this build's files (named by their content, so a reader never mixes files of two deploys).
- `w/N.json`: word chunks, a run of words in sorted order, each with its paper count and its best
  `TOP_POSTINGS` papers by score, and, for a word whose English Snowball stem other words share,
  the first of them in sorted order, which lists the others. A query word fetches one chunk; the words it begins are its
  matches, as typing "transf" finds "transformer".
- `m/N-I.json`: the rest of a common word's papers, those with the word in their title apart,
  fetched only when a filter, a second word or more results need the exact set.
- `d/N.json`: papers (slug, title, tags, code, excerpt) in groups of `PAPERS_PER_FILE`, fetched for
  the results shown; `t/I.json` and `code.json`: the papers of a tag and those with code.

Paper ids are positions in title order; lists of ids are sorted and stored as gaps. Scores are
BM25 over the abstract (web addresses left out; authors and tag names counted as its words), plus
`TITLE_SCORE` when the title holds the word, so that title matches rank first.
docs/javascripts/search.js reads these files and tokenises queries as generator/text/tokens.py does.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import snowballstemmer  # type: ignore[import-untyped]
from numpy.typing import NDArray

from generator.catalog.model import Catalog, Paper
from generator.listings.text import first_sentence
from generator.runtime.progress import progress
from generator.text.tokens import STOP_WORDS, is_stop_word, without_urls, words

FOLDER = "search"
ENTRY = f"{FOLDER}/index.json"
FORMAT_VERSION = 1
TOP_POSTINGS = 200  # papers listed with a word in its chunk; the rest are fetched on demand
CHUNK_BYTES = 24_000  # a word chunk is cut once it holds this much
PAPERS_PER_FILE = 8
EXCERPT_CHARACTERS = 160  # as the meta description: a result shows about two lines of it
TITLE_SCORE = 10_000  # above any abstract score (BM25 x 100 stays below ~3,000)
BM25_K1 = 1.2
BM25_B = 0.75


def indexed(word: str) -> bool:
    """`word` is in the index: two letters or more, and not a stop word."""
    return len(word) > 1 and not is_stop_word(word)


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def gaps(ids: Sequence[int] | NDArray[np.int64]) -> list[int]:
    """Sorted ids as the first id and the gaps between neighbours: short numbers in JSON."""
    array = np.asarray(ids, dtype=np.int64)
    return np.diff(array, prepend=0).tolist() if len(array) else []


class _Terms(dict[str, int]):
    """Word → term id, assigned on first sight; words that are not indexed get -1."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def __missing__(self, word: str) -> int:
        term = -1
        if indexed(word):
            term = len(self.words)
            self.words.append(word)
        self[word] = term
        return term


class Postings:
    """Every (word, paper) pair of the catalog with its score, grouped by word, best first."""

    def __init__(self, papers: Sequence[Paper], tag_names: Mapping[str, str] | None = None) -> None:
        names = tag_names or {}
        terms = _Terms()
        term_of = terms.__getitem__
        abstract_terms = array("i")  # machine ints: a list of 18M Python ints at 100,000 papers is GBs
        abstract_lengths: list[int] = []
        title_terms = array("i")
        title_lengths: list[int] = []
        for paper in progress(papers, "Search index"):
            before = len(abstract_terms)
            # Authors' names and tag names are found like words of the abstract: a tag's words count once.
            tagged = " ".join(names.get(slug, "") for slug in paper.all_tags)
            text = " ".join((without_urls(paper.abstract), *paper.authors, " ".join(dict.fromkeys(words(tagged)))))
            abstract_terms.extend(map(term_of, words(text)))
            abstract_lengths.append(len(abstract_terms) - before)
            before = len(title_terms)
            title_terms.extend(dict.fromkeys(map(term_of, words(paper.title))))
            title_lengths.append(len(title_terms) - before)
        self.words = terms.words
        size = max(1, len(self.words))
        owner = np.arange(len(papers), dtype=np.int64)
        keys = np.concatenate(
            (
                np.repeat(owner, abstract_lengths) * size
                + np.frombuffer(abstract_terms, dtype=np.int32).astype(np.int64),
                np.repeat(owner, title_lengths) * size + np.frombuffer(title_terms, dtype=np.int32).astype(np.int64),
            )
        )
        from_title = np.concatenate((np.zeros(len(abstract_terms), np.int64), np.ones(len(title_terms), np.int64)))
        # Stop words and one-letter words were given term -1: they are left out of the index and of the lengths.
        counted = np.concatenate(
            (np.frombuffer(abstract_terms, np.int32) >= 0, np.frombuffer(title_terms, np.int32) >= 0)
        )
        lengths = np.bincount(np.repeat(owner, abstract_lengths)[counted[: len(abstract_terms)]], minlength=len(papers))
        keys, from_title = keys[counted], from_title[counted]
        order = np.argsort(keys, kind="stable")
        keys, from_title = keys[order], from_title[order]
        starts = np.flatnonzero(np.diff(keys, prepend=-1))
        pairs = keys[starts]
        titled = np.add.reduceat(from_title, starts) if len(starts) else from_title
        frequency = (np.diff(np.append(starts, len(keys))) - titled).astype(np.float64)
        in_title = titled > 0
        paper_ids, term = np.divmod(pairs, size)
        papers_with = np.bincount(term, minlength=size)
        total = max(1, len(papers))
        idf = np.log(1 + (total - papers_with + 0.5) / (papers_with + 0.5))
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(1.0, float(lengths.mean()) if len(lengths) else 1.0))
        bm25 = idf[term] * frequency * (BM25_K1 + 1) / (frequency + norm[paper_ids])
        scores = np.maximum(1, np.rint(100 * bm25)).astype(np.int64) + TITLE_SCORE * in_title
        order = np.lexsort((paper_ids, -scores, term))
        self.paper = paper_ids[order]
        self.score = scores[order]
        self.start = np.concatenate(([0], np.cumsum(papers_with)))

    def of(self, term: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """The papers of a word and their scores, best first."""
        span = slice(self.start[term], self.start[term + 1])
        return self.paper[span], self.score[span]


def by_paper(papers: NDArray[np.int64], scores: NDArray[np.int64]) -> list[list[int]]:
    """Postings as [gaps, scores] in paper order: short numbers, and the order a filter walks them in."""
    order = np.argsort(papers, kind="stable")
    return [gaps(papers[order]), scores[order].tolist()]


def rest_of(papers: NDArray[np.int64], scores: NDArray[np.int64]) -> list[list[int]]:
    """A common word's other papers as [papers with it in their title, the others], without scores.

    They rank below the word's best papers anyway; the largest part of the index is halved by
    keeping of their scores only what puts title matches first.
    """
    titled = scores >= TITLE_SCORE
    return [gaps(np.sort(papers[titled])), gaps(np.sort(papers[~titled]))]


def stem_groups(words: Sequence[str]) -> dict[str, str | list[str]]:
    """Words that share their English Snowball stem: the first in sorted order → the others, each other → it.

    A group is listed once, in its first word's entry, rather than in every member's: a group of n
    words costs n words, not n x n ("generate" has eight others).
    """
    stems = snowballstemmer.stemmer("english").stemWords(words)
    groups: dict[str, list[str]] = defaultdict(list)
    for word, stem in zip(words, stems, strict=True):
        groups[stem].append(word)
    found: dict[str, str | list[str]] = {}
    for group in groups.values():
        if len(group) > 1:
            first, *others = sorted(group)
            found[first] = others
            found.update(dict.fromkeys(others, first))
    return found


def word_files(postings: Postings) -> tuple[list[str], dict[str, str]]:
    """The word chunks and the files of common words' other papers; with each chunk's first word.

    A word that shares its stem with other indexed words names them after its postings (see
    `stem_groups`), so that the search box finds "agent" for "agents" with no stemmer of its own.
    """
    siblings = stem_groups(postings.words)
    firsts: list[str] = []
    files: dict[str, str] = {}
    chunk: list[list[Any]] = []
    size = 0

    def close() -> None:
        nonlocal chunk, size
        if chunk:
            files[f"w/{len(firsts)}.json"] = dump(chunk)
            firsts.append(chunk[0][0])
            chunk, size = [], 0

    for term in sorted(range(len(postings.words)), key=postings.words.__getitem__):
        papers, scores = postings.of(term)
        word = postings.words[term]
        entry = [word, len(papers), *by_paper(papers[:TOP_POSTINGS], scores[:TOP_POSTINGS])]
        if word in siblings:
            entry.append(siblings[word])
        cost = len(dump(entry))
        if size and size + cost > CHUNK_BYTES:
            close()
        if len(papers) > TOP_POSTINGS:
            files[f"m/{len(firsts)}-{len(chunk)}.json"] = dump(rest_of(papers[TOP_POSTINGS:], scores[TOP_POSTINGS:]))
        chunk.append(entry)
        size += cost
    close()
    return firsts, files


def paper_record(paper: Paper, tag_index: dict[str, int]) -> list[Any]:
    excerpt = first_sentence(paper.abstract, limit=EXCERPT_CHARACTERS)
    return [paper.slug, paper.title, [tag_index[slug] for slug in paper.all_tags], int(paper.has_code), excerpt]


def search_files(catalog: Catalog) -> dict[str, str]:
    """Every file of the search index, keyed by its path under docs/."""
    papers = catalog.by_title
    tag_index = {tag.slug: number for number, tag in enumerate(catalog.tags)}
    firsts, files = word_files(Postings(papers, {tag.slug: tag.name for tag in catalog.tags}))
    members: list[list[int]] = [[] for _ in catalog.tags]
    for number, paper in enumerate(papers):
        for slug in paper.all_tags:
            members[tag_index[slug]].append(number)
    for start in range(0, len(papers), PAPERS_PER_FILE):
        group = papers[start : start + PAPERS_PER_FILE]
        files[f"d/{start // PAPERS_PER_FILE}.json"] = dump([paper_record(paper, tag_index) for paper in group])
    for number, tagged in enumerate(members):
        files[f"t/{number}.json"] = dump(gaps(tagged))
    files["code.json"] = dump(gaps([number for number, paper in enumerate(papers) if paper.has_code]))
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(f"{path}\0{files[path]}\0".encode())
    root = digest.hexdigest()[:12]
    entry = {
        "version": FORMAT_VERSION,
        "root": f"{root}/",
        "papers": len(papers),
        "top": TOP_POSTINGS,
        "titleScore": TITLE_SCORE,
        "perFile": PAPERS_PER_FILE,
        "stop": sorted(STOP_WORDS),
        "chunks": firsts,
        "tags": [[tag.name, len(tagged), tag.slug] for tag, tagged in zip(catalog.tags, members, strict=True)],
    }
    return {ENTRY: dump(entry)} | {f"{FOLDER}/{root}/{path}": text for path, text in files.items()}
