"""Duplicate papers: the same paper by arXiv id or normalised title; near matches reported, never merged.

Two titles name the same paper when their normalised keys are equal: case, accents, punctuation, hyphens
and spaces between word parts ("Pre-training", "pre training", "Pretraining"), plurals ("models", "studies")
and British spellings ("modelling", "optimise", "behaviour", "centre") are folded. A key is only compared
with keys, so a fold may over-reach ("supervised" becomes "supervized") as long as it makes no two different
words one. A near match (a typo, a word changed) scores NEAR_THRESHOLD or more with rapidfuzz's `fuzz.ratio`
on the normalised titles: the commands report it, and a curator decides, unless both abstracts are long enough
to compare and clearly different (`abstracts.is_different`, as for two papers of one title): then they are two
papers, and nothing is reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.catalog.distinct import distinct_hint

# Measured on 3,023 real LLM paper titles (README, "Import a new listing"): 17 pairs of different papers
# score 90 or more (their abstracts score 35 to 58 against each other, so none is reported), while
# re-listings with a typo or a changed word score 91 to 99.
NEAR_THRESHOLD = 90
# Titles are indexed under their RAREST_WORDS rarest words: two titles that differ in one word still
# share one of them, and a word common to thousands of titles indexes only the titles with no rarer word.
RAREST_WORDS = 2
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?/\d{7}))", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


APOSTROPHES = re.compile("['\u2019\u02bc]")
STOPWORDS = word_set("a an and as at by for from in into is of on or the to via vs with")

# Plurals the rules below get wrong, and words ending in "s" that are not plurals.
SINGULARS = {
    "analyses": "analysis",
    "biases": "bias",
    "aliases": "alias",
    "gases": "gas",
    "lenses": "lens",
    "hypotheses": "hypothesis",
    "theses": "thesis",
    "syntheses": "synthesis",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "corpora": "corpus",
    "children": "child",
    "people": "person",
    "mice": "mouse",
    "geese": "goose",
}
NOT_PLURALS = word_set(
    "bias gas alias atlas canvas lens news series species chaos physics mathematics ethics economics "
    "linguistics robotics statistics genomics dynamics kinetics optics semantics graphics"
)
# British spellings that no rule below folds, singular (plurals are folded first).
AMERICAN = {
    "centre": "center",
    "centred": "centered",
    "centring": "centering",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "theatre": "theater",
    "spectre": "specter",
    "calibre": "caliber",
    "grey": "gray",
    "programme": "program",
    "catalogue": "catalog",
    "analogue": "analog",
    "dialogue": "dialog",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "learnt": "learned",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "oesophageal": "esophageal",
    "anaemia": "anemia",
    "haemorrhage": "hemorrhage",
    "paediatric": "pediatric",
    "foetal": "fetal",
    "oestrogen": "estrogen",
    "leukaemia": "leukemia",
    "tumour": "tumor",
}
SPELLING_RULES = (
    # behaviour, colour, favour, neighbour, labour, humour, flavour, vapour, harbour, armour, endeavour, rumour
    (re.compile(r"(behavi|col|fav|neighb|hon|lab|hum|flav|vap|harb|arm|endeav|rum|savi|vig|rig|odo)our"), r"\1or"),
    # optimise, optimised, optimising, optimiser, optimisation, realisable: -is- becomes -iz-
    (re.compile(r"(?<=[a-z]{2})is(e|ed|es|ing|er|ation|ational|able|ability)$"), r"iz\1"),
    # analyse, analysed, analysing, catalyse, paralyse
    (re.compile(r"(?<=[a-z])ys(e|ed|es|ing|er)$"), r"yz\1"),
    # modelling, labelled, travelling, signalling, channeller: an unstressed last syllable keeps one l
    (re.compile(r"(?<=[a-z]{2}[ae])ll(ing|ed|er)$"), r"l\1"),
)


def singular(word: str) -> str:
    """`word` with an English plural folded: models -> model, studies -> study, approaches -> approach."""
    if word in SINGULARS:
        return SINGULARS[word]
    if len(word) <= 3 or word in NOT_PLURALS or not word.isascii():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    # "caches" lost its "es" above and "cache" keeps its "e": both become "cach".
    return word[:-1] if word.endswith(("che", "she")) else word


def american(word: str) -> str:
    """`word` in American spelling: modelling -> modeling, optimisation -> optimization, centre -> center."""
    if word in AMERICAN:
        return AMERICAN[word]
    for pattern, replacement in SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def title_words(title: str) -> list[str]:
    """The words of `title`, casefolded, without accents, apostrophes or punctuation, each singular and American."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [american(singular(word)) for word in WORD.findall(APOSTROPHES.sub("", plain))]


def same_title_key(title: str) -> str:
    """Equal for two titles of the same paper: its words run together, so that "pre-training",
    "pre training" and "pretraining" are one. A title without a letter or digit (emoji) is its own key."""
    return "".join(title_words(title)) or " ".join(title.casefold().split())


def fuzzy_text(title: str) -> str:
    """What near matches are scored on: the normalised words, spaced."""
    return " ".join(title_words(title))


def arxiv_in(text: str) -> str | None:
    """The arXiv identifier of the first arxiv.org/abs or /pdf link in `text`, or None."""
    found = ARXIV_URL.search(text)
    return found.group(1) if found else None


@dataclass(frozen=True)
class NearMatch:
    slug: str
    score: int

    def message(self, path: str) -> str:
        """What to say at the paper whose file is `path`: the match, and how to merge it or keep them apart."""
        found = f"possible duplicate of '{self.slug}' (title score {self.score}); merge by hand if it is the same paper"
        return found + distinct_hint(self.slug, path)


def index_words(words: Sequence[str], frequency: Counter[str]) -> list[str]:
    """The words a title is indexed under: its RAREST_WORDS rarest significant words (any, if it has none)."""
    significant = sorted(set(words) - STOPWORDS, key=lambda word: (frequency[word], word))
    return (significant or sorted(set(words)))[:RAREST_WORDS]


class NearIndex:
    """Titles to find near matches among, indexed by their rarest words (see RAREST_WORDS)."""

    def __init__(self, titles: Iterable[tuple[str, str]]) -> None:
        """`titles`: (slug, title) pairs."""
        self.slugs: list[str] = []
        self.texts: list[str] = []
        self.words: list[list[str]] = []
        for slug, title in titles:
            self.add_entry(slug, title)
        self.frequency = Counter(word for words in self.words for word in set(words))
        self.buckets: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(self.words):
            for word in index_words(words, self.frequency):
                self.buckets[word].append(number)

    def add_entry(self, slug: str, title: str) -> int:
        words = title_words(title)
        self.slugs.append(slug)
        self.texts.append(" ".join(words))
        self.words.append(words)
        return len(self.slugs) - 1

    def add(self, slug: str, title: str) -> None:
        """Index one more title (a paper just created), under its rarest words as counted so far."""
        number = self.add_entry(slug, title)
        self.frequency.update(set(self.words[number]))
        for word in index_words(self.words[number], self.frequency):
            self.buckets[word].append(number)

    def candidates(self, words: Sequence[str]) -> list[int]:
        """The titles sharing a bucket with `words`: those indexed under any of its words' rarest ones."""
        found: dict[int, None] = {}
        for word in index_words(words, self.frequency):
            found.update(dict.fromkeys(self.buckets.get(word, ())))
        return list(found)

    def best(self, title: str, exclude: str | None = None) -> NearMatch | None:
        """The indexed title nearest `title` with a score of NEAR_THRESHOLD or more, or None."""
        words = title_words(title)
        numbers = [number for number in self.candidates(words) if self.slugs[number] != exclude]
        if not numbers:
            return None
        scores = process.cdist(
            [" ".join(words)], [self.texts[n] for n in numbers], scorer=fuzz.ratio, score_cutoff=NEAR_THRESHOLD
        )[0]
        best = max(range(len(numbers)), key=lambda index: (scores[index], -index))
        return NearMatch(self.slugs[numbers[best]], int(scores[best])) if scores[best] else None

    def same_keys(self) -> list[list[int]]:
        """The titles whose words run together are equal (`same_title_key`), in groups of two or more."""
        groups: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(self.words):
            if words:
                groups["".join(words)].append(number)
        return [members for members in groups.values() if len(members) > 1]

    def pairs(self) -> list[tuple[int, int, int]]:
        """(first, second, score) for every two indexed titles scoring NEAR_THRESHOLD or more, first < second."""
        found: dict[tuple[int, int], int] = {}
        for members in self.buckets.values():
            if len(members) < 2:
                continue
            texts = [self.texts[number] for number in members]
            scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_THRESHOLD, workers=1)
            for row, column in zip(*scores.nonzero(), strict=True):
                first, second = members[row], members[column]
                if first < second and self.texts[first] != self.texts[second]:
                    found[(first, second)] = int(scores[row, column])
        return sorted((first, second, score) for (first, second), score in found.items())
