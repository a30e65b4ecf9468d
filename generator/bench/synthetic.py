"""Synthetic catalogs for the benchmark: papers whose titles, abstracts and links look like the bundled ones."""

from __future__ import annotations

import dataclasses
import datetime
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.catalog.duplicates import same_title_key
from generator.catalog.model import LAST_YEAR, Catalog, Link, Listing, Paper, Tag, TagRule
from generator.catalog.slugs import make_slug

WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
TAGS = 200
CODE_SHARE = 0.3
IDENTITY_SHARE = 0.9  # papers with an arXiv id, authors and a date, as those imported from the Hub's daily lists
# Authors a paper has, and how often: most arXiv papers in machine learning have 3 to 8, a few have dozens or
# hundreds (the pages then list the first ten; the full list is in the citation).
AUTHOR_COUNTS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, 40, 120)
AUTHOR_WEIGHTS = (5, 10, 15, 15, 13, 10, 8, 6, 6, 4, 4, 2, 1, 0.5)
GIVEN_NAMES = (
    "Ana", "Wei", "Yuki", "Olumide", "Sofía", "Jörg", "Priya", "Mateus", "Ji-woo", "Lena", "Ahmed", "Chloé",
    "Dmitri", "Mei", "Kwame", "Ines", "Rahul", "Zoë", "Tomás", "Hana",
)  # fmt: skip
FAMILY_NAMES = (
    "Zhang", "Müller", "García", "Okafor", "Tanaka", "Kim", "Nguyen", "Rossi", "Ivanova", "Singh", "Dubois",
    "Haddad", "O'Brien", "Kowalski", "Andersson", "Silva", "Chen", "Takahashi", "Mensah", "Van der Berg",
)  # fmt: skip


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
    """`count` papers drawn from the bundled catalog's words, 2-4 tags each, 30% with code, 90% with authors and
    an arXiv id; deterministic."""
    rng = random.Random(seed)  # noqa: S311 - test data, reproducible by seed
    vocabulary = Vocabulary.of(bundled)
    tags = [tag.slug for tag in synthetic_tags(bundled.tags)]
    # Tags are used unevenly, as real topics are: a few large, many small.
    tag_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(tags))]
    slugs: set[str] = set()
    title_keys: set[str] = set()
    start = datetime.date(2025, 1, 1)
    identity = random.Random(seed + 1)  # noqa: S311 - test data, reproducible by seed
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
        paper = Paper(slug, title, abstract, tuple(chosen), tuple(links), (listing,), day)
        # A second generator, so that the papers above stay those of earlier benchmark runs.
        yield with_identity(paper, number, identity) if identity.random() < IDENTITY_SHARE else paper


def with_identity(paper: Paper, number: int, rng: random.Random) -> Paper:
    """`paper` with authors, a first-version date and an arXiv id (unique: the paper's number)."""
    # 40 papers a day run past the years a paper may have from about 44,000 papers on: those stay in the last.
    last_day = datetime.date(LAST_YEAR, 12, 31)
    published = min(paper.added - datetime.timedelta(days=rng.randint(0, 6)), last_day)
    count = rng.choices(AUTHOR_COUNTS, AUTHOR_WEIGHTS)[0]
    authors = tuple(f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}" for _ in range(count))
    arxiv = f"{published:%y%m}.{number % 100_000:05d}"
    return dataclasses.replace(paper, authors=authors, published=published, year=published.year, arxiv=arxiv)


def synthetic_catalog(count: int, bundled: Catalog, seed: int = 17) -> Catalog:
    return Catalog(
        papers=tuple(sorted(synthetic_papers(count, bundled, seed), key=lambda paper: paper.slug)),
        tags=synthetic_tags(bundled.tags),
    )
