"""Scale check for generator.related.neighbours (a script, not a test): times related_papers on synthetic catalogs.

    .venv/bin/python tests/bench_related.py [N ...] [--vocabulary bundled|extended]

Each N runs in its own process so that its peak RSS (resource.getrusage) is its own. Papers get ~180-word
abstracts and ~10-word titles drawn with Zipf-like frequencies from the words of the bundled abstracts, 200 tags
and 2-4 tags each; a quarter of the words come from the paper's tags' own topic words, so that papers sharing tags
also share words. `--vocabulary extended` (the default) adds compound words to the bundled ones to reach a
realistic long tail (50,000 word types); `bundled` keeps only the ~3,800 bundled words, a harsher case where every
term that survives the document-frequency cap sits just under it.
"""

from __future__ import annotations

import argparse
import datetime
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.catalog.model import Paper  # noqa: E402
from generator.catalog.store import load_catalog  # noqa: E402
from generator.related.neighbours import related_papers  # noqa: E402
from generator.related.terms import terms  # noqa: E402

TAGS = 200
TOPIC_WORDS = 300
TOPIC_SHARE = 0.25
ABSTRACT_WORDS = 180
TITLE_WORDS = 10
EXTENDED_VOCABULARY = 50_000


def vocabulary(kind: str, rng: np.random.Generator) -> list[str]:
    """The bundled abstracts' words, most frequent first, extended with compounds to a long tail if asked."""
    catalog = load_catalog(ROOT / "data", ROOT)[0].catalog
    counts = Counter(word for paper in catalog.papers for word in terms(paper.title + " " + paper.abstract))
    words = [word for word, _ in counts.most_common()]
    if kind == "extended":
        seen = set(words)
        while len(words) < EXTENDED_VOCABULARY:
            first, second = rng.choice(len(counts), size=2)
            compound = words[first] + words[second]
            if compound not in seen:
                seen.add(compound)
                words.append(compound)
    return words


def zipf(size: int) -> NDArray[np.float64]:
    weights: NDArray[np.float64] = 1.0 / np.arange(1, size + 1, dtype=np.float64)
    normalised: NDArray[np.float64] = weights / weights.sum()
    return normalised


def synthesise(n: int, kind: str, seed: int = 0) -> list[Paper]:
    rng = np.random.default_rng(seed)
    words = np.array(vocabulary(kind, rng), dtype=object)
    global_p = zipf(len(words))
    topic_table = np.array([rng.choice(len(words), size=TOPIC_WORDS, replace=False) for _ in range(TAGS)])
    topic_p = zipf(TOPIC_WORDS)
    tag_p = zipf(TAGS) ** 0.5  # some tags far more common than others
    tag_p /= tag_p.sum()
    topical = int(ABSTRACT_WORDS * TOPIC_SHARE)
    background = rng.choice(len(words), size=(n, ABSTRACT_WORDS - topical), p=global_p).astype(np.int32)
    ranks = rng.choice(TOPIC_WORDS, size=(n, topical + TITLE_WORDS), p=topic_p)
    picks = rng.integers(0, 1 << 30, size=(n, topical + TITLE_WORDS))
    added = datetime.date(2024, 1, 1)
    papers = []
    for index in range(n):
        count = int(rng.integers(2, 5))
        tags = sorted(int(tag) for tag in rng.choice(TAGS, size=count, replace=False, p=tag_p))
        topic_words = topic_table[np.array(tags)[picks[index] % len(tags)], ranks[index]]
        abstract_ids = np.concatenate((background[index], topic_words[:topical]))
        rng.shuffle(abstract_ids)
        papers.append(
            Paper(
                slug=f"paper-{index:06d}",
                title=" ".join(words[topic_words[topical:]]),
                abstract=" ".join(words[abstract_ids]),
                tags=tuple(f"tag-{tag:03d}" for tag in tags),
                links=(),
                listings=(),
                added=added,
            )
        )
    return papers


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_one(n: int, kind: str) -> None:
    start = time.perf_counter()
    papers = synthesise(n, kind)
    made = time.perf_counter() - start
    before = peak_rss_mb()
    start = time.perf_counter()
    related = related_papers(papers)
    took = time.perf_counter() - start
    after = peak_rss_mb()
    empty = sum(1 for slugs in related.values() if not slugs)
    shared = np.mean(
        [
            len(set(papers[int(slug[6:])].tags) & set(papers[int(other[6:])].tags)) > 0
            for slug, others in list(related.items())[:2000]
            for other in others
        ]
    )
    print(
        f"N={n:>7,} vocabulary={kind:<8} related_papers {took:6.1f} s   peak RSS {after:7.0f} MB "
        f"(before the call {before:5.0f} MB, +{after - before:4.0f} MB)   synthesis {made:5.1f} s   "
        f"empty {empty}   neighbours sharing a tag {shared:.0%}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--vocabulary", choices=["bundled", "extended"], default="extended")
    parser.add_argument("--one", action="store_true", help="run a single size in this process")
    args = parser.parse_args()
    if args.one:
        run_one(args.sizes[0], args.vocabulary)
        return
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, str(n), "--one", "--vocabulary", args.vocabulary], check=True)


if __name__ == "__main__":
    main()
