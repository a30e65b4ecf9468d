"""The one tokeniser: the words of a text as the search index, the search box and related papers see them.

A word is a run of letters and digits after NFKC and lowercasing (so "ﬁne-tuning" is "fine" and "tuning"), with
accents folded ("fréchet" is "frechet") and runs of CJK characters cut into overlapping pairs ("言語モデル" is
"言語", "語モ", "モデ", "デル"), since those scripts put no spaces between words; docs/javascripts/search.js's
`words` does the same to a query (tests/test_tokens.py runs both on the same samples). The stop words
are English function words only: words common in abstracts but meaningful ("model", "method", "results") are
left to each use, where document frequency weighs them (BM25 in search, TF-IDF in related papers).
"""

from __future__ import annotations

import re
import unicodedata

RUN = re.compile(r"[^\W_]+")
ASCII_RUN = re.compile(r"[A-Za-z0-9]+")  # the same runs in ASCII text, found in half the time
# Only the marks of the Latin, Greek and Cyrillic accents: kana's voicing marks and the vowel signs of Indic
# scripts change a word, not its accent.
ACCENT = re.compile("[\u0300-\u036f]+")
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
# An address in an abstract (a project page, a repository) is no word of the paper: "rag" in a URL's path
# made a manga paper a result for "RAG".
URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.-]+\.(?:com|org|io|net|ai|edu)/\S*", re.IGNORECASE)

# Function words (articles, pronouns, prepositions, conjunctions, auxiliaries), in the manner of the lists
# Lucene and lunr leave out of an index; not those that begin compounds a reader searches for ("few-shot",
# "over-smoothing", "top-down").
STOP_TEXT = """
    a about after again against all also although among an and another any are around as at be because been
    before being between both but by can could did do does doing during each either else even ever every for
    from further had has have having he her here hers him his how however i if in into is it its itself just
    may might more most much must my nor not of often on once only onto or other others our ours own per same
    she should since so some such than that the their theirs them themselves then there therefore these they
    this those though through thus to too until upon us very via was we were what when where whether which
    while who whom whose why will with within without would yet you your
"""
STOP_WORDS = frozenset(STOP_TEXT.split())


def runs(text: str) -> list[str]:
    """The runs of letters and digits of `text`, after NFKC, as written (case kept)."""
    if text.isascii():  # NFKC leaves ASCII as it is
        return ASCII_RUN.findall(text)
    return RUN.findall(unicodedata.normalize("NFKC", text))


def words(text: str) -> list[str]:
    """The words of `text`: its runs of letters and digits after NFKC, lowercased, accents folded, CJK in pairs."""
    if text.isascii():
        return ASCII_RUN.findall(text.lower())
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).lower())
    # NFC again: a Hangul syllable or a voiced kana must stay one character after NFKD split it.
    found: list[str] = []
    for run in RUN.findall(unicodedata.normalize("NFC", ACCENT.sub("", folded))):
        found.extend(_pairs(run) if CJK.search(run) else (run,))
    return found


def _pairs(run: str) -> list[str]:
    """A run holding CJK characters: its other letters as words, each CJK stretch as its overlapping pairs."""
    found: list[str] = []
    position = 0
    for stretch in CJK.finditer(run):
        if stretch.start() > position:
            found.append(run[position : stretch.start()])
        cjk = stretch.group()
        found.extend([cjk] if len(cjk) == 1 else [cjk[i : i + 2] for i in range(len(cjk) - 1)])
        position = stretch.end()
    if position < len(run):
        found.append(run[position:])
    return found


def without_urls(text: str) -> str:
    """`text` with its web addresses left out."""
    return URL.sub(" ", text) if "/" in text or "www." in text.lower() else text


def is_stop_word(word: str) -> bool:
    """`word` (lowercased) is a function word: no index holds it and no query looks for it."""
    return word in STOP_WORDS
