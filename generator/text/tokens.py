"""The one tokeniser: the words of a text as the search index, the search box and related papers see them.

A word is a run of letters and digits after NFKC (so "ﬁne-tuning" is "fine" and "tuning", as
docs/javascripts/search.js splits a query with /[\\p{L}\\p{N}]+/u after `normalize("NFKC")`). The stop words
are English function words only: words common in abstracts but meaningful ("model", "method", "results") are
left to each use, where document frequency weighs them (BM25 in search, TF-IDF in related papers).
"""

from __future__ import annotations

import re
import unicodedata

RUN = re.compile(r"[^\W_]+")
ASCII_RUN = re.compile(r"[A-Za-z0-9]+")  # the same runs in ASCII text, found in half the time

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
    """The words of `text`: its runs of letters and digits after NFKC, lowercased."""
    if text.isascii():
        return ASCII_RUN.findall(text.lower())
    return RUN.findall(unicodedata.normalize("NFKC", text).lower())


def is_stop_word(word: str) -> bool:
    """`word` (lowercased) is a function word: no index holds it and no query looks for it."""
    return word in STOP_WORDS
