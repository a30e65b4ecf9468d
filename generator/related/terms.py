"""The terms of titles and abstracts that related papers are found by: runs of letters and digits, lowercased,
plurals folded, stop words and numbers left out."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]{3,}")
ASCII_TOKEN = re.compile(r"[A-Za-z0-9]{3,}")  # the same runs in ASCII text, found in half the time


def words(text: str) -> list[str]:
    """The `TOKEN`s of `text`: its runs of 3+ letters or digits."""
    return (ASCII_TOKEN if text.isascii() else TOKEN).findall(text)


STOP_TEXT = """
    about above across after again against all also although among and another any are around back based
    because been before being below between both but can could does doing done down due during each either
    else even ever every few first for from further had has have having her here hers him his how however
    into its itself just least less like made make makes many may might more most much must near need new
    nor not now off often once one only onto other others our ours out over own paper per rather same
    several she should show shown shows since some such than that the their theirs them themselves then
    there therefore these they this those though three through thus too two under until upon use used uses
    using very via was way well were what when where whether which while who whom whose why will with
    within without would yet you your propose proposed present presents approach method methods result
    results work study find found available code com github http https www org html achieve demonstrate
    introduce provide include enable simple novel existing recent recently various different significant
    significantly effective effectively extensive specifically particular particularly moreover furthermore
    additionally thereby hence respectively overall considerable considerably essentially largely come
"""
STOP_WORDS = frozenset(STOP_TEXT.split())


class TermIds(dict[str, int]):
    """Word as written → term id, assigned on first sight; stop words and numbers map to the dropped id 0."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 1

    def __missing__(self, word: str) -> int:
        term = normalise(word)
        term_id = 0
        if term is not None:
            key = " " + term  # terms live under keys no word can have
            term_id = self.setdefault(key, self.count)
            self.count += term_id == self.count
        self[word] = term_id
        return term_id

    def terms(self) -> list[str]:
        """The terms seen, in the order of their ids from 1."""
        return [key[1:] for key in self if key.startswith(" ")]


def normalise(word: str) -> str | None:
    """`word` (a `TOKEN`) as a term: lowercased, plurals folded crudely; None for a stop word or a number."""
    if len(word) > 3 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]  # "LLMs" is the plural of "LLM"
    word = word.lower()
    term = _fold(word)
    if word in STOP_WORDS or term in STOP_WORDS or term.isdigit():
        return None
    return term


def _fold(word: str) -> str:
    """A plural folded to its singular: "hallucinations" and "hallucination" are one term."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def terms(text: str) -> list[str]:
    """The terms of `text`: its runs of 3+ letters or digits, normalised, without stop words and numbers."""
    return [term for word in words(text) if (term := normalise(word)) is not None]
