"""A trained tagger kept between runs: an import or a retag into a large catalog whose curated tags did not
change loads the tagger it trained last time instead of training again (minutes at 100,000 papers).

The file holds arrays only (NumPy's format without pickles), so a planted cache file can hold wrong numbers
but never run code; it is named by a fingerprint of everything training reads, so a change to a curated tag,
the vocabulary, the settings or scikit-learn's version trains afresh. A file that cannot be read is trained
over, never reported: it is a cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.catalog.model import Tag
from generator.tagger.model import Example, Settings, Tagger, make_vectorizer, train
from generator.tagger.vocabulary import VocabularyScorer

FORMAT = 1  # raised whenever what is saved changes
PREFIX = "tagger-"


def fingerprint(examples: Sequence[Example], tags: tuple[Tag, ...], settings: Settings) -> str:
    """A digest of everything `train` reads: the same one means the same tagger."""
    digest = hashlib.sha256()
    header = {"format": FORMAT, "scikit-learn": sklearn.__version__, "settings": dataclasses.asdict(settings)}
    digest.update(json.dumps(header, sort_keys=True).encode())
    for tag in tags:
        rule = tag.rule
        patterns = [[pattern.source for pattern in group] for group in (rule.title, rule.abstract, rule.ignore)]
        digest.update(json.dumps([tag.slug, tag.name, tag.description, patterns, rule.min_hits]).encode())
    for example in examples:
        if example.tags:  # training reads only the curated papers
            digest.update(json.dumps([example.title, example.abstract, example.tags]).encode())
    return digest.hexdigest()


def save(tagger: Tagger, path: Path) -> None:
    """Write `tagger` to `path` atomically: a reader never sees half a file."""
    vectorizer = tagger.vectorizer
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as file:
        np.savez_compressed(
            file,
            terms=vectorizer.get_feature_names_out().astype(str),
            idf=vectorizer.idf_,
            words=tagger.words,
            weights=tagger.weights,
            intercepts=tagger.intercepts,
            learned=tagger.learned,
            profiles=tagger.vocabulary.profiles,
            columns=tagger.vocabulary.columns,
        )
    partial.replace(path)


def load(path: Path, tags: tuple[Tag, ...], settings: Settings) -> Tagger | None:
    """The tagger saved at `path` for `tags`, or None if there is none or it cannot be read."""
    try:
        with path.open("rb") as file:  # opened here, so that it is closed when np.load fails on it
            saved = np.load(file, allow_pickle=False)
            if not isinstance(saved, np.lib.npyio.NpzFile):
                return None
            with saved:
                arrays = {name: saved[name] for name in saved.files}
        vectorizer: TfidfVectorizer = make_vectorizer({str(term): index for index, term in enumerate(arrays["terms"])})
        vectorizer.idf_ = arrays["idf"]
        vocabulary = VocabularyScorer(tags, arrays["profiles"], arrays["columns"])
        tagger = Tagger(
            tags,
            vectorizer,
            arrays["words"],
            arrays["weights"],
            arrays["intercepts"],
            arrays["learned"],
            vocabulary,
            settings,
        )
    except (OSError, EOFError, KeyError, TypeError, ValueError, zipfile.BadZipFile):
        return None
    shapes_agree = tagger.weights.shape == (len(tagger.words), len(tags)) and len(tagger.learned) == len(tags)
    return tagger if shapes_agree else None


def train_or_load(
    examples: Sequence[Example], tags: tuple[Tag, ...], folder: Path | None, settings: Settings | None = None
) -> Tagger:
    """The tagger for `examples` and `tags`: loaded from `folder` if it was trained on them before, else
    trained and saved there (replacing the tagger saved before). No folder: trained, and saved nowhere."""
    settings = settings or Settings()
    if folder is None:
        return train(examples, tags, settings)
    path = folder / f"{PREFIX}{fingerprint(examples, tags, settings)[:32]}.npz"
    tagger = load(path, tags, settings) if path.exists() else None
    if tagger is not None:
        return tagger
    tagger = train(examples, tags, settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        save(tagger, path)
        for older in folder.glob(f"{PREFIX}*.npz"):
            if older != path:
                older.unlink()
    except OSError:  # a read-only or full disk: the tagger is still good, only not kept
        pass
    return tagger
