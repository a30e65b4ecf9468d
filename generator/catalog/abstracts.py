"""Near-identical abstracts: a paper listed again under another title is found by its abstract, and reported.

Each abstract of MIN_WORDS words or more is sketched by MinHash: the smallest of SKETCH_SIZE hashes over its
word 4-gram shingles. Two abstracts sharing MIN_SHARED of those minima share many runs of four words, and
only those pairs are scored, with rapidfuzz's `fuzz.ratio` on the normalised abstracts (casefolded, without
accents or punctuation). So the pass stays linear in the catalog: a pair of abstracts is never scored
unless their sketches agree, and the sketches of 100,000 papers are one array (docs/benchmarks.md,
"Duplicates by abstract"). What the sketch misses: abstracts whose edits fall on every few words, leaving
no run of four in common; re-listings change a sentence or a title, not every fourth word.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

# Measured on the 3,023 real LLM papers (docs/benchmarks.md, "Duplicates by abstract").
NEAR_THRESHOLD = 80
# Below this, two abstracts of one normalised title are two papers (see `is_different`).
DIFFERENT_BELOW = 70
# Shorter abstracts ("We study speech.") say too little to tell papers apart: never compared.
MIN_WORDS = 20
SHINGLE = 4
SKETCH_SIZE = 16
MIN_SHARED = 2
# Processed this many abstracts at a time: the shingles of 100,000 abstracts at once would take gigabytes.
CHUNK = 2_000
WORD = re.compile(r"[^\W_]+")
ASCII_SPACES = {code: " " for code in range(128) if not chr(code).isalnum()}  # what WORD splits on, in ASCII
MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
# Fixed multipliers and offsets (odd, from a seeded generator) so that sketches repeat from run to run.
_RANDOM = np.random.default_rng(20260301)
MULTIPLIERS = _RANDOM.integers(1, 2**63, size=SKETCH_SIZE, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
OFFSETS = _RANDOM.integers(0, 2**63, size=SKETCH_SIZE, dtype=np.uint64)
POSITION_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def abstract_words(abstract: str) -> list[str]:
    """The words of `abstract`, casefolded, without accents or punctuation."""
    folded = abstract.casefold()
    if folded.isascii():  # almost every abstract: no accent to take off, and splitting beats the regex by half
        return folded.translate(ASCII_SPACES).split()
    decomposed = unicodedata.normalize("NFKD", folded)
    return WORD.findall("".join(char for char in decomposed if not unicodedata.combining(char)))


def fuzzy_abstract(abstract: str) -> str:
    """What abstracts are scored on: the normalised words, spaced."""
    return " ".join(abstract_words(abstract))


def abstract_score(first: str, second: str) -> int | None:
    """How alike two abstracts are, 0 to 100, or None when either has fewer than MIN_WORDS words."""
    one, other = abstract_words(first), abstract_words(second)
    if len(one) < MIN_WORDS or len(other) < MIN_WORDS:
        return None
    return int(fuzz.ratio(" ".join(one), " ".join(other)))


def is_different(first: str, second: str) -> int | None:
    """The score of two abstracts when it says they are of two different papers (below DIFFERENT_BELOW), else
    None: two papers with one title and short abstracts are taken to be one."""
    score = abstract_score(first, second)
    return score if score is not None and score < DIFFERENT_BELOW else None


def _mix(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """splitmix64's finaliser: every bit of a shingle's hash depends on every bit of its words' hashes."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


class AbstractIndex:
    """The sketches of abstracts, to find near-identical ones among them (see the module's docstring)."""

    def __init__(self, abstracts: Iterable[tuple[str, str]]) -> None:
        """`abstracts`: (slug, abstract) pairs; those under MIN_WORDS words are kept out."""
        self.word_hashes: dict[str, int] = {}
        self.slugs: list[str] = []
        self.abstracts: list[str] = []
        self.sketches = np.empty((0, SKETCH_SIZE), dtype=np.uint64)
        self.count = 0
        chunk: list[tuple[str, str]] = []
        for entry in abstracts:
            chunk.append(entry)
            if len(chunk) == CHUNK:
                self._add_all(chunk)
                chunk = []
        self._add_all(chunk)

    def _hashes(self, words: list[str]) -> list[int]:
        """The stable 64-bit hash of each word (Python's own `hash` of a string changes from run to run)."""
        table = self.word_hashes
        for word in set(words).difference(table):
            table[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return [table[word] for word in words]

    def sketch_all(self, abstracts: Sequence[str]) -> tuple[list[int], NDArray[np.uint64]]:
        """The positions in `abstracts` of those long enough to compare, and their sketches, a row each."""
        kept: list[int] = []
        hashes: list[int] = []
        starts: list[int] = []
        for number, abstract in enumerate(abstracts):
            words = abstract_words(abstract)
            if len(words) < MIN_WORDS:
                continue
            kept.append(number)
            starts.append(len(hashes))
            hashes += self._hashes(words)
        if not kept:
            return kept, np.empty((0, SKETCH_SIZE), dtype=np.uint64)
        words_hashed = np.array(hashes, dtype=np.uint64)
        count = len(words_hashed) - (SHINGLE - 1)
        shingles = words_hashed[:count].copy()
        for offset, multiplier in enumerate(POSITION_MULTIPLIERS, start=1):
            shingles = shingles * multiplier + words_hashed[offset : offset + count]
        shingles = _mix(shingles)
        # A shingle starting in an abstract's last SHINGLE - 1 words runs into the next abstract: left out.
        ends = np.array([*starts[1:], len(words_hashed)]) - (SHINGLE - 1)
        valid = np.zeros(count, dtype=bool)
        for start, end in zip(starts, ends, strict=True):
            valid[start:end] = True
        segment_starts = np.cumsum([0, *(ends - np.array(starts))[:-1]])
        kept_shingles = shingles[valid]
        sketches = np.empty((len(kept), SKETCH_SIZE), dtype=np.uint64)
        for column in range(SKETCH_SIZE):
            hashed = kept_shingles * MULTIPLIERS[column] + OFFSETS[column]
            sketches[:, column] = np.minimum.reduceat(hashed, segment_starts)
        return kept, sketches

    def _add_all(self, entries: Sequence[tuple[str, str]]) -> list[int]:
        kept, sketches = self.sketch_all([abstract for _, abstract in entries])
        numbers = []
        for position in kept:
            slug, abstract = entries[position]
            self.slugs.append(slug)
            self.abstracts.append(abstract)
            numbers.append(len(self.slugs) - 1)
        needed = self.count + len(kept)
        if needed > len(self.sketches):
            grown = np.empty((max(needed, 2 * len(self.sketches)), SKETCH_SIZE), dtype=np.uint64)
            grown[: self.count] = self.sketches[: self.count]
            self.sketches = grown
        self.sketches[self.count : needed] = sketches
        self.count = needed
        return numbers

    def add(self, slug: str, abstract: str) -> None:
        """Index one more abstract (a paper just created)."""
        self._add_all([(slug, abstract)])

    def best(self, abstract: str, exclude: Iterable[str] = ()) -> tuple[str, int] | None:
        """The slug and score of the indexed abstract nearest `abstract` scoring NEAR_THRESHOLD or more (none of
        `exclude`), or None; None too for an abstract under MIN_WORDS words."""
        kept, sketch = self.sketch_all([abstract])
        if not kept:
            return None
        shared = (self.sketches[: self.count] == sketch[0]).sum(axis=1)
        excluded = set(exclude)
        text = fuzzy_abstract(abstract)
        found: tuple[str, int] | None = None
        for number in np.flatnonzero(shared >= MIN_SHARED).tolist():
            if self.slugs[number] in excluded:
                continue
            score = int(fuzz.ratio(text, fuzzy_abstract(self.abstracts[number]), score_cutoff=NEAR_THRESHOLD))
            if score and (found is None or score > found[1]):
                found = (self.slugs[number], score)
        return found

    def candidates(self) -> list[tuple[int, int]]:
        """(first, second), first < second, for every two indexed abstracts sharing MIN_SHARED sketch values."""
        sketches = self.sketches[: self.count]
        codes: list[NDArray[np.int64]] = []
        for column in range(SKETCH_SIZE):
            order = np.argsort(sketches[:, column], kind="stable")
            values = sketches[order, column]
            same = np.flatnonzero(values[1:] == values[:-1])
            if not len(same):
                continue
            # Runs of equal values: every two members of a run are a pair.
            run_starts = np.flatnonzero(np.diff(np.concatenate(([-2], same))) != 1)
            bounds = np.split(same, run_starts[1:])
            for run in bounds:
                members = np.sort(order[run[0] : run[-1] + 2]).astype(np.int64)
                first, second = np.triu_indices(len(members), k=1)
                codes.append(members[first] * self.count + members[second])
        if not codes:
            return []
        pairs, shared = np.unique(np.concatenate(codes), return_counts=True)
        chosen = pairs[shared >= MIN_SHARED]
        return [(int(code // self.count), int(code % self.count)) for code in chosen]

    def pairs(self) -> list[tuple[int, int, int]]:
        """(first, second, score) for every two indexed abstracts scoring NEAR_THRESHOLD or more, first < second
        (numbers in the order the abstracts were indexed)."""
        found: list[tuple[int, int, int]] = []
        texts: dict[int, str] = {}
        for first, second in self.candidates():
            for number in (first, second):
                if number not in texts:
                    texts[number] = fuzzy_abstract(self.abstracts[number])
            score = int(fuzz.ratio(texts[first], texts[second], score_cutoff=NEAR_THRESHOLD))
            if score:
                found.append((first, second, score))
        return found
