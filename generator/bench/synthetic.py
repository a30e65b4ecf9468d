"""Synthetic catalogs for the benchmark: papers whose titles, abstracts and links look like the bundled ones."""

from __future__ import annotations

import datetime
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.catalog.duplicates import same_title_key
from generator.catalog.model import Catalog, Link, Listing, Paper, Tag, TagRule
from generator.catalog.slugs import make_slug

WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
TAGS = 200
CODE_SHARE = 0.3


@dataclass(frozen=True)
class Vocabulary:
    """Words and their frequencies in the bundled titles and abstracts."""

    title_words: tuple[str, ...]
    title_weights: tuple[int, ...]
    abstract_words: tuple[str, ...]
    abstract_weights: tuple[int, ...]
    title_lengths: tuple[int, ...]
    abstract_lengths: tuple[int, ...]
    longest_title: int
    longest_abstract: int

    @classmethod
    def of(cls, catalog: Catalog) -> Vocabulary:
        titles = Counter(word for paper in catalog.papers for word in WORD.findall(paper.title))
        abstracts = Counter(word.lower() for paper in catalog.papers for word in WORD.findall(paper.abstract))
        return cls(
            tuple(titles),
            tuple(titles.values()),
            tuple(abstracts),
            tuple(abstracts.values()),
            tuple(len(WORD.findall(paper.title)) for paper in catalog.papers),
            tuple(len(WORD.findall(paper.abstract)) for paper in catalog.papers),
            max(len(paper.title) for paper in catalog.papers),
            max(len(paper.abstract) for paper in catalog.papers),
        )


def synthetic_title(rng: random.Random, vocabulary: Vocabulary, taken: set[str]) -> str:
    """A title no other paper has (the catalog check refuses duplicates), no longer than any bundled title:
    word counts and words are drawn apart, so long counts of long words would otherwise give titles longer
    than the bundled listings ever hold."""
    while True:
        length = rng.choice(vocabulary.title_lengths)
        title = " ".join(rng.choices(vocabulary.title_words, vocabulary.title_weights, k=length))
        key = same_title_key(title)
        if len(title) <= vocabulary.longest_title and key not in taken:
            taken.add(key)
            return title


def synthetic_abstract(rng: random.Random, vocabulary: Vocabulary) -> str:
    # As titles: no longer than the longest bundled abstract.
    while True:
        abstract = sentences(rng, vocabulary, rng.choice(vocabulary.abstract_lengths))
        if len(abstract) <= vocabulary.longest_abstract:
            return abstract


def sentences(rng: random.Random, vocabulary: Vocabulary, words: int) -> str:
    drawn = rng.choices(vocabulary.abstract_words, vocabulary.abstract_weights, k=words)
    text: list[str] = []
    for start in range(0, words, 18):
        sentence = drawn[start : start + 18]
        text.append(" ".join([sentence[0].capitalize(), *sentence[1:]]) + ".")
    return " ".join(text)


def synthetic_tags(bundled: tuple[Tag, ...]) -> tuple[Tag, ...]:
    tags = list(bundled)
    for number in range(len(tags), TAGS):
        tags.append(
            Tag(f"topic-{number:03d}", f"Topic {number:03d}", f"Papers on synthetic topic {number}.", TagRule())
        )
    return tuple(tags[:TAGS])


def synthetic_papers(count: int, bundled: Catalog, seed: int = 17) -> Iterator[Paper]:
    """`count` papers drawn from the bundled catalog's words, 2-4 tags each, 30% with code; deterministic."""
    rng = random.Random(seed)  # noqa: S311 - test data, reproducible by seed
    vocabulary = Vocabulary.of(bundled)
    tags = [tag.slug for tag in synthetic_tags(bundled.tags)]
    # Tags are used unevenly, as real topics are: a few large, many small.
    tag_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(tags))]
    slugs: set[str] = set()
    title_keys: set[str] = set()
    start = datetime.date(2025, 1, 1)
    for number in range(count):
        title = synthetic_title(rng, vocabulary, title_keys)
        slug = make_slug(title, slugs)
        slugs.add(slug)
        chosen: list[str] = []
        while len(chosen) < rng.randint(2, 4):
            tag = rng.choices(tags, tag_weights)[0]
            if tag not in chosen:
                chosen.append(tag)
        links: list[Link] = []
        if rng.random() < CODE_SHARE:
            links.append(Link("code", f"https://github.com/lab{number % 997}/{slug[:40]}"))
        if rng.random() < 0.08:
            links.append(Link("dataset", f"https://huggingface.co/datasets/lab{number % 997}/{slug[:30]}"))
        if rng.random() < 0.05:
            links.append(Link("model", f"https://huggingface.co/lab{number % 997}/{slug[:30]}"))
        if rng.random() < 0.1:
            links.append(Link("project", f"https://lab{number % 997}.github.io/{slug[:30]}/"))
        abstract = synthetic_abstract(rng, vocabulary)
        day = start + datetime.timedelta(days=number // 40)
        listing = Listing(day.strftime("%b %-d"), f"daily-{day.isoformat()}.txt")
        yield Paper(slug, title, abstract, tuple(chosen), tuple(links), (listing,), day)


def synthetic_catalog(count: int, bundled: Catalog, seed: int = 17) -> Catalog:
    return Catalog(
        papers=tuple(sorted(synthetic_papers(count, bundled, seed), key=lambda paper: paper.slug)),
        tags=synthetic_tags(bundled.tags),
    )
