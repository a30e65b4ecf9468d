"""Duplicates by abstract, measured (a script, not a test): the figures of docs/benchmarks.md, "Duplicates by
abstract".

    .venv/bin/python tests/bench_duplicates.py real ../shared/catalogs/llm-papers.jsonl [--brute]
    .venv/bin/python tests/bench_duplicates.py relist ../shared/catalogs/llm-papers.jsonl
    .venv/bin/python tests/bench_duplicates.py synthetic 100000

`real`: the pairs the sketch finds among a catalog's abstracts (with --brute, every pair scored, to see what
it misses); `relist`: made-up re-listings of each abstract, their scores and whether the index finds them;
`synthetic`: the index and check's possible-duplicate pass on N synthetic papers.
"""

# ruff: noqa: E402, E501
from __future__ import annotations

import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np
from rapidfuzz import fuzz, process

from generator.bench.synthetic import synthetic_papers
from generator.catalog.abstracts import MIN_WORDS, AbstractIndex, abstract_score, abstract_words, fuzzy_abstract
from generator.catalog.duplicates import same_title_key
from generator.catalog.model import Location
from generator.catalog.possible import possible_duplicates
from generator.catalog.store import load_catalog
from generator.listings.text import clean_latex


def real(path: Path, brute: bool) -> None:

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    papers = [(str(n), clean_latex(r["title"]), clean_latex(r["abstract"])) for n, r in enumerate(rows)]
    start = time.perf_counter()
    index = AbstractIndex((slug, abstract) for slug, _, abstract in papers)
    built = time.perf_counter() - start
    found = index.pairs()
    passed = time.perf_counter() - start - built
    print(
        f"papers {len(papers)}, indexed {index.count}, build {built:.2f}s, pairs pass {passed:.2f}s, candidates {len(index.candidates())}"
    )
    for first, second, score in sorted(found, key=lambda t: -t[2]):
        a, b = int(index.slugs[first]), int(index.slugs[second])
        print(score, "|", papers[a][1][:70], "||", papers[b][1][:70])
    if brute:
        texts = [fuzzy_abstract(index.abstracts[n]) for n in range(index.count)]
        t = time.perf_counter()
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=50, workers=2, dtype=np.uint8)
        print(f"brute force {time.perf_counter() - t:.1f}s")
        iu = np.triu_indices(len(texts), k=1)
        values = scores[iu]
        hist = np.histogram(values[values > 0], bins=[50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 101])
        print("pairs by score (brute force, >=50):", list(zip(hist[1][:-1].tolist(), hist[0].tolist(), strict=False)))
        sketch = {(f, s) for f, s, _ in found}
        for k in np.flatnonzero(values >= 60):
            f, s = int(iu[0][k]), int(iu[1][k])
            a, b = int(index.slugs[f]), int(index.slugs[s])
            print(
                "brute",
                int(values[k]),
                "in sketch" if (f, s) in sketch else "MISSED",
                "|",
                papers[a][1][:60],
                "||",
                papers[b][1][:60],
            )
    # same title key, scores of their abstracts
    keys: dict[str, list[tuple[str, str]]] = {}
    for _slug, title, abstract in papers:
        keys.setdefault(same_title_key(title), []).append((title, abstract))
    for _key, group in keys.items():
        if len(group) > 1:
            (t1, a1), (t2, a2) = group[:2]
            print(
                "same title key:",
                t1[:60],
                "|",
                t2[:60],
                "score",
                int(fuzz.ratio(fuzzy_abstract(a1), fuzzy_abstract(a2))),
                len(abstract_words(a1)),
                len(abstract_words(a2)),
            )
    short = sum(len(abstract_words(a)) < MIN_WORDS for _, _, a in papers)
    print("abstracts under", MIN_WORDS, "words:", short)


def relist(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    abstracts = [clean_latex(r["abstract"]) for r in rows]
    index = AbstractIndex((str(n), a) for n, a in enumerate(abstracts))
    rng = random.Random(7)
    words = [w for a in abstracts[:200] for w in a.split()]

    def drop_last_sentence(a: str) -> str:
        parts = re.split(r"(?<=\.) ", a)
        return " ".join(parts[:-1]) if len(parts) > 1 else a

    def add_sentence(a: str) -> str:
        return a + " Our code and models are publicly available at https://github.com/example/project."

    def change_words(share: float) -> Callable[[str], str]:
        def change(a: str) -> str:
            tokens = a.split()
            for i in rng.sample(range(len(tokens)), max(1, int(len(tokens) * share))):
                tokens[i] = rng.choice(words)
            return " ".join(tokens)

        return change

    variants = {
        "last sentence dropped": drop_last_sentence,
        "a sentence added": add_sentence,
        "5% of words changed": change_words(0.05),
        "10% of words changed": change_words(0.10),
        "20% of words changed": change_words(0.20),
    }
    for name, vary in variants.items():
        scores: list[int] = []
        found = 0
        for n, a in enumerate(abstracts):
            v = vary(a)
            score = abstract_score(a, v)
            if score is not None:
                scores.append(score)
            best = index.best(v)
            found += best is not None and best[0] == str(n)
        values = np.array(scores)
        print(
            f"{name}: score min {values.min()} median {int(np.median(values))}; >= 80: {(values >= 80).sum()}/{len(values)}; found by the index: {found}"
        )


def synthetic(count: int) -> None:
    loaded, _ = load_catalog(ROOT / "data", ROOT)
    papers = list(synthetic_papers(count, loaded.catalog))
    start = time.perf_counter()
    index = AbstractIndex((paper.slug, paper.abstract) for paper in papers)
    built = time.perf_counter()
    candidates = index.candidates()
    found = index.pairs()
    paired = time.perf_counter()
    index.best(papers[0].abstract)
    queried = time.perf_counter()
    print(
        f"{count:,} papers, {index.count:,} indexed: build {built - start:.1f}s, pairs {paired - built:.1f}s "
        f"({len(candidates):,} candidates scored, {len(found):,} at 80 or more), one query {1000 * (queried - paired):.0f} ms"
    )
    locations = [Location(f"data/papers/{paper.slug}.yml") for paper in papers]
    start = time.perf_counter()
    notices = possible_duplicates(papers, locations)
    print(
        f"check's possible-duplicate pass (titles and abstracts): {time.perf_counter() - start:.1f}s, {len(notices):,} notices"
    )


def main() -> None:
    command, argument = sys.argv[1], sys.argv[2]
    if command == "real":
        real(Path(argument), "--brute" in sys.argv)
    elif command == "relist":
        relist(Path(argument))
    else:
        synthetic(int(argument))


if __name__ == "__main__":
    main()
