"""Gzip-compressed exports: the same text gives the same bytes, with no date or file name in the header."""

from __future__ import annotations

import gzip

from generator.site.compression import gzip_text, gzipped

TEXT = '{"papers":[],"schema_version":1,"tags":[]}\n' + "@misc{café,\n}\n" * 100


def test_gzip_text_unpacks_to_the_utf8_text() -> None:
    assert gzip.decompress(gzip_text(TEXT)) == TEXT.encode("utf-8")
    assert gzip_text("") != b"" and gzip.decompress(gzip_text("")) == b""


def test_gzip_text_repeats_byte_for_byte_without_a_timestamp_or_file_name() -> None:
    compressed = gzip_text(TEXT)
    assert compressed == gzip_text(TEXT)
    assert compressed[:4] == b"\x1f\x8b\x08\x00"  # gzip, deflate, no flags: no file name, no comment
    assert compressed[4:8] == b"\x00\x00\x00\x00"  # modification time: none
    assert len(compressed) < len(TEXT) // 10


def test_gzipped_adds_the_suffix_to_each_path() -> None:
    files = gzipped({"papers.json": TEXT, "tags/speech/papers.bib": ""})
    assert files == {"papers.json.gz": gzip_text(TEXT), "tags/speech/papers.bib.gz": gzip_text("")}
