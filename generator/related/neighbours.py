"""Related papers: TF-IDF cosine over titles and abstracts, plus a bonus for shared tags.

Built to scale to ~100,000 papers without an n-by-n matrix: a sparse TF-IDF matrix keeps only each paper's
`TOP_TERMS` best terms (terms found in a single paper or in too many are dropped), and similarities are computed
a chunk of rows at a time, each chunk sized by how many paper pairs its terms can produce. A term leads from a
paper to the `MAX_POSTINGS` papers it weighs most in at most (its champions), so that the pairs a paper's terms
produce, and the time it takes to find its related papers, stay bounded however large the catalog grows.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from generator.catalog.model import Paper
from generator.listings.links import URL_PATTERN
from generator.related.terms import TermIds
from generator.runtime.executor import AUTOMATIC, Executor
from generator.text.tokens import runs

TITLE_WEIGHT = 3  # a title word counts as this many abstract words
TOP_TERMS = 24  # terms kept per paper, by TF-IDF weight
MIN_DF_CAP = 50  # a term in more papers than max(MIN_DF_CAP, DF_CAP_SHARE * n) is dropped
DF_CAP_SHARE = 0.01
# A term leads to this many papers at most: its champions. As large as the `DF_CAP_SHARE` cap of 40,000 papers,
# so that it changes nothing below; above, the work per paper stays what it is there. A term in more papers
# than this is still in their vectors; it just adds to a pair's score only where the other paper is a champion.
MAX_POSTINGS = 400
TAG_BONUS = 0.05  # added to the cosine similarity for each shared tag
TAG_FILL_SCAN = 5000  # members read per tag when filling up with papers that share tags only
CHUNK_PAIRS = 4_000_000  # candidate pairs a chunk of rows may produce
CHUNK_ROWS = 2000
ROUNDING_MARGIN = 1e-6  # below the bar a float32 text score may still reach it by; see _best
BAR_SAMPLE = 8  # times `limit`: the best text candidates whose tag bonus is looked up to set the bar


def related_papers(papers: Sequence[Paper], limit: int = 5) -> dict[str, tuple[str, ...]]:
    """For every paper slug, up to `limit` slugs of other papers, most related first.

    The score of a pair is the cosine similarity of their TF-IDF vectors plus `TAG_BONUS` per shared tag,
    where a term in more than `MAX_POSTINGS` papers counts only if the other paper is one of its champions.
    Candidates are the papers with some text in common; when there are fewer than `limit`, papers that only
    share tags fill up the list. Ties go to the smaller slug; the input order does not matter.
    """
    index = RelatedIndex(papers, limit)
    return index.related(index.slugs)


def find_related(papers: Sequence[Paper], executor: Executor, limit: int = 5) -> dict[str, tuple[str, ...]]:
    """`related_papers`, its runs of papers shared out by `executor` once the index of the whole catalog is made."""
    index = RelatedIndex(papers, limit, executor)
    found: dict[str, tuple[str, ...]] = {}
    for run in executor.map_runs(lambda start, end: index.related(index.slugs[start:end]), len(index.slugs)):
        found |= run
    return found


class RelatedIndex:
    """What finding related papers needs of the whole catalog, made once; the related papers of each paper
    depend on nothing else, so any part of the catalog can then be done on its own (in another process, say)."""

    def __init__(self, papers: Sequence[Paper], limit: int = 5, executor: Executor = AUTOMATIC) -> None:
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        ordered = sorted(papers, key=lambda paper: paper.slug)
        self.slugs = [paper.slug for paper in ordered]
        self.rows = {slug: row for row, slug in enumerate(self.slugs)}
        if len(self.rows) != len(self.slugs):
            raise ValueError("paper slugs must be unique")
        self.limit = limit
        self.vectors: sparse.csr_matrix | None = None
        if limit > 0 and len(ordered) >= 2:
            self.vectors = _tfidf(ordered, executor)
            self.transposed = _heaviest(self.vectors.T.tocsr(), MAX_POSTINGS)  # each term's champions
            self.row_costs = _row_costs(self.vectors, self.transposed)
            self.tags = _tags(ordered)

    def related(self, slugs: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The related papers of the papers named by `slugs` (see `related_papers`)."""
        if self.vectors is None:
            return dict.fromkeys(slugs, ())
        rows = np.array(sorted(self.rows[slug] for slug in slugs), dtype=np.int64)
        chosen = _neighbours(self.vectors, self.transposed, _chunks(rows, self.row_costs), self.tags, self.limit)
        return {self.slugs[i]: tuple(self.slugs[j] for j in row) for i, row in zip(rows, chosen, strict=True)}


def _tfidf(papers: Sequence[Paper], executor: Executor) -> sparse.csr_matrix:
    """The papers' L2-normalised TF-IDF vectors (float32 CSR), pruned to their `TOP_TERMS` best useful terms."""
    n = len(papers)
    indices, indptr, vocabulary = _term_ids(papers, executor)
    counts = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(n, vocabulary))
    del indices
    counts.sum_duplicates()

    df = np.bincount(counts.indices, minlength=vocabulary)
    cap = max(MIN_DF_CAP, int(DF_CAP_SHARE * n))
    useful = (df >= 2) & (df <= cap)
    useful[0] = False
    idf = np.zeros(vocabulary, dtype=np.float32)
    idf[useful] = np.log(n / df[useful])
    weights = counts
    weights.data = (1 + np.log(weights.data)) * idf[weights.indices]
    weights.eliminate_zeros()

    kept = _heaviest(weights, TOP_TERMS)
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(kept.indptr))
    norms = np.sqrt(np.bincount(rows, weights=kept.data.astype(np.float64) ** 2, minlength=n))
    kept.data = (kept.data / norms[rows]).astype(np.float32)
    return kept


def _heaviest(matrix: sparse.csr_matrix, most: int) -> sparse.csr_matrix:
    """`matrix` with the `most` heaviest entries of each row only, ties going to the smaller column."""
    lengths = np.diff(matrix.indptr)
    if not len(lengths) or lengths.max() <= most:
        return matrix
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    order = np.lexsort((matrix.indices, -matrix.data, rows))  # within a row: heaviest first, then by column
    rank = np.arange(len(order)) - matrix.indptr[rows]
    kept = np.sort(order[rank < most])
    indptr = np.concatenate(([0], np.cumsum(np.minimum(lengths, most))))
    return sparse.csr_matrix((matrix.data[kept], matrix.indices[kept], indptr), shape=matrix.shape)


def _term_ids(papers: Sequence[Paper], executor: Executor) -> tuple[NDArray[np.int32], NDArray[np.int64], int]:
    """Every paper's terms as term ids, one after another, where each paper's start; and how many ids there
    are. A term's id is its rank in order of first appearance, as if the papers were read in one go, although
    large catalogs are read in runs on every core."""
    runs = executor.map_runs(lambda start, end: _run_term_ids(papers[start:end]), len(papers))
    vocabulary: dict[str, int] = {}
    ids: list[NDArray[np.int32]] = []
    lengths: list[NDArray[np.int64]] = []
    for terms, run_ids, run_lengths in runs:
        # The run's own ids, 0 (dropped words) included, to the catalog's.
        known = [vocabulary.setdefault(term, len(vocabulary) + 1) for term in terms]
        ids.append(np.array([0, *known], dtype=np.int32)[np.frombuffer(run_ids, dtype=np.int32)])
        lengths.append(np.frombuffer(run_lengths, dtype=np.int64))
    indptr = np.concatenate(([0], np.cumsum(np.concatenate(lengths)))).astype(np.int64)
    return np.concatenate(ids), indptr, len(vocabulary) + 1


def _run_term_ids(papers: Sequence[Paper]) -> tuple[list[str], array[int], array[int]]:
    """The terms of a run of papers, by id from 1; each paper's term ids, one after another; their numbers."""
    vocabulary = TermIds()
    term_of = vocabulary.__getitem__
    ids = array("i")
    lengths = array("q")
    for paper in papers:
        before = len(ids)
        # URLs are addresses, not content: "github" or "https" must not make two papers related.
        ids.extend(map(term_of, runs(URL_PATTERN.sub(" ", paper.abstract))))
        ids.extend(list(map(term_of, runs(paper.title))) * TITLE_WEIGHT)
        lengths.append(len(ids) - before)
    return vocabulary.terms(), ids, lengths


@dataclass(frozen=True)
class _Tags:
    """The papers' tags: as bitsets (word `w` of every paper's bitset in `words[w]`, so that the words of many
    papers are read from one contiguous array), as each paper's tag ids, and as each tag's members."""

    words: list[NDArray[np.uint64]]
    of_paper: list[list[int]]
    members: list[NDArray[np.int64]]


def _tags(papers: Sequence[Paper]) -> _Tags:
    tag_ids: dict[str, int] = {}
    of_paper: list[list[int]] = []
    members: list[list[int]] = []
    for index, paper in enumerate(papers):
        own = []
        for tag in dict.fromkeys(paper.all_tags):
            if tag not in tag_ids:
                tag_ids[tag] = len(tag_ids)
                members.append([])
            members[tag_ids[tag]].append(index)
            own.append(tag_ids[tag])
        of_paper.append(own)
    words = [np.zeros(len(papers), dtype=np.uint64) for _ in range(max(1, (len(tag_ids) + 63) // 64))]
    for tag_id, papers_tagged in enumerate(members):
        words[tag_id // 64][np.array(papers_tagged, dtype=np.int64)] |= np.uint64(1 << (tag_id % 64))
    return _Tags(words, of_paper, [np.array(tagged, dtype=np.int64) for tagged in members])


def _row_costs(vectors: sparse.csr_matrix, postings: sparse.csr_matrix) -> NDArray[np.float64]:
    """For each row, how many paper pairs its terms can produce: the size of its row of similarities at most."""
    n = vectors.shape[0]
    reach = np.diff(postings.indptr)
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    return np.asarray(np.bincount(rows, weights=reach[vectors.indices], minlength=n), dtype=np.float64)


def _chunks(rows: NDArray[np.int64], row_costs: NDArray[np.float64]) -> list[NDArray[np.int64]]:
    """`rows` in runs whose similarity rows hold about `CHUNK_PAIRS` entries at most (a single row may hold more)."""
    cost = np.cumsum(row_costs[rows])
    chunks: list[NDArray[np.int64]] = []
    start = 0
    while start < len(rows):
        before = cost[start - 1] if start else 0.0
        end = int(np.searchsorted(cost, before + CHUNK_PAIRS, side="right"))
        end = min(max(end, start + 1), start + CHUNK_ROWS, len(rows))
        chunks.append(rows[start:end])
        start = end
    return chunks


def _neighbours(
    vectors: sparse.csr_matrix,
    transposed: sparse.csr_matrix,
    chunks: list[NDArray[np.int64]],
    tags: _Tags,
    limit: int,
) -> list[list[int]]:
    """For each row of the chunks, the indices of its best `limit` other rows.

    A row's similarities depend on that row alone, whichever rows share its chunk."""
    chosen: list[list[int]] = []
    for chunk in chunks:
        contiguous = chunk[-1] - chunk[0] == len(chunk) - 1
        similar = (vectors[int(chunk[0]) : int(chunk[-1]) + 1] if contiguous else vectors[chunk]) @ transposed
        # Kept as computed (int32 columns, float32 scores): each row's share is widened once it is cut short.
        indptr, indices, data = similar.indptr.tolist(), similar.indices, similar.data
        for row, i in enumerate(chunk.tolist()):
            cols = indices[indptr[row] : indptr[row + 1]]
            scores = data[indptr[row] : indptr[row + 1]]
            other = cols != i
            chosen.append(_best(i, cols[other], scores[other], tags, limit))
    return chosen


def _best(
    i: int,
    cols: NDArray[np.int32],
    text: NDArray[np.float32],
    tags: _Tags,
    limit: int,
) -> list[int]:
    """The best `limit` of row `i`'s text candidates once the tag bonus is added, filled up with tag-only ones."""
    max_bonus = TAG_BONUS * len(tags.of_paper[i])
    if len(cols) > limit * BAR_SAMPLE and max_bonus:
        # The best few by text, with their bonus, set a bar the final choices reach (they are candidates too);
        # a candidate can only reach it if its text score plus the largest possible bonus does, which keeps
        # the tag look-ups short.
        sample = np.argpartition(text, len(text) - limit * BAR_SAMPLE)[len(text) - limit * BAR_SAMPLE :]
        totals = text[sample] + TAG_BONUS * _shared(i, cols[sample], tags)
        bar = float(np.partition(totals, len(totals) - limit)[len(totals) - limit])
        # Less a margin for the float32 scores' rounding: a candidate too many costs nothing, one too few would.
        short = text >= bar - max_bonus - ROUNDING_MARGIN
        cols, text = cols[short], text[short]
    scores = text.astype(np.float64)
    if max_bonus:
        scores += TAG_BONUS * _shared(i, cols, tags)
    if len(cols) < limit and max_bonus:
        extra = _tag_only(i, cols, tags, limit - len(cols))
        cols = np.concatenate((cols, extra))
        scores = np.concatenate((scores, TAG_BONUS * _shared(i, extra, tags)))
    if len(cols) > limit:
        kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        top = scores >= kth
        cols, scores = cols[top], scores[top]
    order = np.lexsort((cols, -scores))[:limit]
    return [int(j) for j in cols[order]]


def _shared(i: int, cols: NDArray[np.integer[Any]], tags: _Tags) -> NDArray[np.float64]:
    """How many tags each of `cols` shares with paper `i`, counted in the words where `i` has tags only."""
    common = np.zeros(len(cols), dtype=np.float64)
    for word in tags.words:
        own = word[i]
        if own:
            common += np.bitwise_count(word[cols] & own)
    return common


def _tag_only(i: int, cols: NDArray[np.integer[Any]], tags: _Tags, wanted: int) -> NDArray[np.int64]:
    """Up to `wanted` papers outside `cols` (and not `i`) sharing the most tags with `i`, smaller index first."""
    found = np.concatenate([tags.members[tag][:TAG_FILL_SCAN] for tag in tags.of_paper[i]])
    papers, shared = np.unique(found, return_counts=True)
    fresh = (papers != i) & ~np.isin(papers, cols)
    papers, shared = papers[fresh], shared[fresh]
    order = np.lexsort((papers, -shared))[:wanted]
    return np.asarray(papers[order], dtype=np.int64)
