"""The text check counts what the clean-up leaves, on a small catalog made here (never the shared one)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.listings import textcheck
from generator.listings.text import clean_latex

PAPERS = [
    {"title": r"Fast \textit{k}NN", "abstract": r"5\(\times\) faster; code at https://x.org/\a{b}."},
    {"title": "Plain", "abstract": r"Left: \(x\), $y$, {z}, [t](https://x.org/), <b>, &amp;."},
]


def test_leftovers_are_counted_outside_urls() -> None:
    counts, examples = textcheck.leftovers([r"see https://x.org/ and \cite{x} \( {y} $z$ ](u <br> &amp;"])
    assert dict(counts) == {
        "LaTeX command": 1,
        "math delimiter \\( \\) \\[ \\]": 1,
        "brace": 4,
        "$...$ math": 1,
        "Markdown link ](": 1,
        "HTML tag": 1,
        "HTML entity": 1,
    }
    assert examples["LaTeX command"] == [r"see   and \cite{x} \( {y} $z$ ](u <br> &amp;"]


def test_report_counts_before_and_after_the_clean_up(tmp_path: Path) -> None:
    catalog = tmp_path / "papers.jsonl"
    catalog.write_text("".join(json.dumps(paper) + "\n" for paper in PAPERS), encoding="utf-8")
    assert textcheck.load_texts(catalog)[:2] == [PAPERS[0]["title"], PAPERS[0]["abstract"]]
    counts = ["LaTeX command", "math delimiter \\( \\) \\[ \\]", "other backslash", "$...$ math", "brace"]
    counts += ["Markdown link ](", "HTML tag", "HTML entity"]
    raw = textcheck.report(catalog, lambda text: text, runs=1).splitlines()
    assert raw[:9] == ["2 papers, 4 titles and abstracts"] + [
        f"{name}: {count}" for name, count in zip(counts, [3, 4, 0, 1, 6, 1, 1, 1], strict=True)
    ]
    cleaned = textcheck.report(catalog, clean_latex, runs=1).splitlines()
    assert cleaned[1:9] == [f"{name}: 0" for name in counts]
    assert cleaned[9].startswith("time, median of 1: ")
