"""Suggestions a fresh catalog gets from the vocabulary alone (a script, not a test): no curated paper at all.

    .venv/bin/python tests/bench_fresh_tags.py ../shared/catalogs/llm-papers.jsonl [--sample 30] [--seed 0]
    .venv/bin/python tests/bench_fresh_tags.py data/sources/*.txt

Reads papers from JSONL records ({title, abstract}) or daily-paper listings, cleans their LaTeX as an import
does, and suggests tags for each as `import` would for a catalog whose papers have no curated tags, using the
vocabulary in data/tags.yml. Prints the coverage (papers with at least one suggestion), how many came from
rules and from the descriptions, the most suggested tags, and a seeded random sample of (paper, tag)
suggestions to judge by hand. The papers' own tags, if any, are not used.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.catalog.store import load_catalog  # noqa: E402
from generator.listings.parsing import parse_listing  # noqa: E402
from generator.listings.text import clean_latex  # noqa: E402
from generator.tagger import Example, train  # noqa: E402
from generator.tagger.records import read_records  # noqa: E402


def papers(paths: list[Path]) -> list[Example]:
    found: list[Example] = []
    for path in paths:
        if path.suffix == ".jsonl":
            examples, _, problems = read_records(path, str(path))
        else:
            listing, problems = parse_listing(str(path), path.read_text(encoding="utf-8"))
            examples = tuple(Example(entry.title, entry.abstract) for entry in listing.entries) if listing else ()
        if problems:
            sys.exit("\n".join(str(problem) for problem in problems))
        found += [Example(clean_latex(example.title), clean_latex(example.abstract)) for example in examples]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    loaded, problems = load_catalog(ROOT / "data", ROOT)
    if problems:
        sys.exit("\n".join(str(problem) for problem in problems))
    tags = loaded.catalog.tags
    examples = papers(arguments.files)
    tagger = train([], tags)
    suggested = tagger.suggest_many(examples)
    by_rule = [{tag.slug for tag in tags if tag.rule.matches(e.title, e.abstract)} for e in examples]
    covered = sum(1 for slugs in suggested if slugs)
    confident = int((tagger.scores(examples).max(axis=1, initial=0.0) >= tagger.settings.threshold).sum())
    pairs = [(row, slug) for row, slugs in enumerate(suggested) for slug in slugs]
    from_rules = sum(1 for row, slug in pairs if slug in by_rule[row])
    print(f"{len(examples)} papers, {len(tags)} tags in data/tags.yml, no curated paper")
    print(f"coverage: {covered}/{len(examples)} = {covered / max(1, len(examples)):.1%} with at least one suggestion")
    print(f"  of which {confident} have a tag at the threshold; the rest only their best tag above the floor")
    print(f"suggestions: {len(pairs)} ({len(pairs) / max(1, len(examples)):.2f} a paper), {from_rules} by a rule")
    counts = collections.Counter(slug for _, slug in pairs)
    print("most suggested:", ", ".join(f"{slug} {count}" for slug, count in counts.most_common(15)))
    print(f"tags never suggested: {sum(1 for tag in tags if tag.slug not in counts)}")
    for row, slug in random.Random(arguments.seed).sample(pairs, min(arguments.sample, len(pairs))):
        how = "rule" if slug in by_rule[row] else "description"
        print(f"\n[{slug}] ({how}) {examples[row].title}\n    {examples[row].abstract[:300]}")


if __name__ == "__main__":
    main()
