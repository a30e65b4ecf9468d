"""The terms of titles and abstracts that related papers are found by: the shared tokeniser's words of three
letters or more, lowercased, plurals folded, stop words and numbers left out. Words common in abstracts
("model", "propose") are not listed here: their document frequency drops or discounts them (neighbours.py)."""

from __future__ import annotations

from generator.text.tokens import is_stop_word, runs

MIN_LENGTH = 3  # shorter runs ("of", "3d", "AI") are too ambiguous to relate papers by


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
    """`word` (a run of letters and digits) as a term: lowercased, plurals folded crudely; None for a short word,
    a stop word or a number."""
    if len(word) < MIN_LENGTH:
        return None
    if len(word) > 3 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]  # "LLMs" is the plural of "LLM"
    word = word.lower()
    term = _fold(word)
    if is_stop_word(word) or is_stop_word(term) or term.isdigit():
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
    """The terms of `text`: its words of 3+ letters or digits, normalised, without stop words and numbers."""
    return [term for word in runs(text) if (term := normalise(word)) is not None]
