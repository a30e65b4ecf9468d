"""Tag suggestions learned from the catalog's curated tags, with the vocabulary for tags with few examples."""

from generator.tagger.model import Example, Settings, Tagger, examples_of, train

__all__ = ["Example", "Settings", "Tagger", "examples_of", "train"]
