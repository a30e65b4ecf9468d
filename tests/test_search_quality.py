"""The search benchmark's harness, on a made-up catalog of six papers: both engines in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.bench.search_quality import PAGEFIND, compare, table

PAPERS = [
    ("Retrieval Augmented Generation For Open Questions", "We retrieve passages before generating answers."),
    ("Low-rank Adapters For Cheap Finetuning", "Adapters of low rank make finetuning cheap."),
    ("Hallucination In Summaries", "Summaries state facts the source never gave."),
    ("A Study Of Widget Sorting", "Widgets are sorted by colour."),
    ("Counting Sheep At Night", "Sheep are counted by a tired shepherd."),
    ("Zebra Stripes And Vision", "Stripes confuse flies that bite."),
]
QUERIES = """\
queries:
- {query: retrieval, right: the retrieval paper, answers: [Retrieval Augmented Generation For Open Questions]}
- {query: sheep, right: the sheep paper, answers: [Counting Sheep At Night]}
- {query: zzzznothing, right: nothing has it, answers: [Zebra Stripes And Vision]}
"""


@pytest.mark.skipif(not PAGEFIND.exists(), reason="Pagefind is installed by `npm ci` (package.json pins it)")
def test_both_engines_find_the_right_paper_and_miss_a_word_in_no_paper(tmp_path: Path, browser: Browser) -> None:
    catalog = tmp_path / "papers.jsonl"
    catalog.write_text("".join(json.dumps({"title": t, "abstract": a, "year": 2024}) + "\n" for t, a in PAPERS))
    queries = tmp_path / "queries.yml"
    queries.write_text(QUERIES)
    (tmp_path / "project").mkdir()
    engines, judged = compare(catalog, queries, tmp_path / "project", browser)
    assert [engine.ranks for engine in engines] == [[1, 1, None], [1, 1, None]]
    assert [engine.found[1][0] for engine in engines] == ["counting-sheep-at-night"] * 2
    for engine in engines:
        assert engine.summary()["hit_rate_top10"] == 0.667
        assert all(kilobytes > 0 for kilobytes in engine.kilobytes)
    assert table(engines, judged).splitlines()[0].startswith("| Engine | Hit rate, top 10 | MRR |")


def test_an_answer_not_in_the_catalog_stops_the_run(tmp_path: Path) -> None:
    catalog = tmp_path / "papers.jsonl"
    catalog.write_text(json.dumps({"title": "Only One", "abstract": "Alone.", "year": 2024}) + "\n")
    queries = tmp_path / "queries.yml"
    queries.write_text("queries:\n- {query: one, right: it, answers: [Not There]}\n")
    with pytest.raises(SystemExit) as stopped:
        compare(catalog, queries, tmp_path)
    assert str(stopped.value) == f"{queries}: answers not in {catalog}: ['Not There']"
