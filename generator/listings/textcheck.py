"""What the clean-up leaves of LaTeX and pasted markup in a catalog of real abstracts, and how long it takes.

    python -m generator.listings.textcheck ../shared/catalogs/llm-papers.jsonl [--cleaner OLD_TEXT_PY]

The file holds one JSON object a line with `title` and `abstract`. `--cleaner` measures the `clean_latex`
of another text.py (`git show main:generator/listings/text.py > /tmp/text_main.py`), to compare before and after.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from generator.listings.links import URL_PATTERN

# What must not be seen in a cleaned title or abstract; URLs are taken out first, as they are kept as typed.
LEFTOVERS = {
    "LaTeX command": re.compile(r"\\[A-Za-z]+"),
    "math delimiter \\( \\) \\[ \\]": re.compile(r"\\[()\[\]]"),
    "other backslash": re.compile(r"\\(?![A-Za-z()\[\]])"),
    "$...$ math": re.compile(r"\$(?=[^\s$])[^$]{1,200}?(?<=[^\s\\])\$(?!\d)"),
    "brace": re.compile(r"[{}]"),
    "Markdown link ](": re.compile(r"\]\("),
    "HTML tag": re.compile(r"</?(?:a|b|i|em|strong|br|p|sup|sub|span|div)\b[^<>]*>", re.IGNORECASE),
    "HTML entity": re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"),
}
Cleaner = Callable[[str], str]


def load_texts(path: Path) -> list[str]:
    """Every title and abstract of the file, in order."""
    texts: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            paper = json.loads(line)
            texts += [str(paper.get("title", "")), str(paper.get("abstract", ""))]
    return texts


def leftovers(cleaned: list[str]) -> tuple[Counter[str], dict[str, list[str]]]:
    """How often each kind of leftover is seen in the cleaned texts, and a few of them in their context."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for text in cleaned:
        visible = URL_PATTERN.sub(" ", text)
        for name, pattern in LEFTOVERS.items():
            for match in pattern.finditer(visible):
                counts[name] += 1
                if len(examples.setdefault(name, [])) < 5:
                    examples[name].append(visible[max(0, match.start() - 40) : match.end() + 40])
    return counts, examples


def median_seconds(clean: Cleaner, texts: list[str], runs: int = 3) -> float:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            clean(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_cleaner(path: Path | None) -> Cleaner:
    if path is None:
        from generator.listings.text import clean_latex

        return clean_latex
    spec = importlib.util.spec_from_file_location("text_under_test", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cleaner: Cleaner = module.clean_latex
    return cleaner


def report(path: Path, clean: Cleaner, runs: int = 3) -> str:
    texts = load_texts(path)
    counts, examples = leftovers([clean(text) for text in texts])
    seconds = median_seconds(clean, texts, runs)
    lines = [f"{len(texts) // 2:,} papers, {len(texts):,} titles and abstracts"]
    lines += [f"{name}: {counts[name]:,}" for name in LEFTOVERS]
    lines.append(f"time, median of {runs}: {seconds:.2f} s, {1000 * seconds / len(texts):.3f} ms per text")
    for name, found in examples.items():
        lines += [f"  {name}:", *(f"    {example!r}" for example in found)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.listings.textcheck", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("catalog", type=Path, help="JSON lines with `title` and `abstract`")
    parser.add_argument("--cleaner", type=Path, help="a text.py whose clean_latex to measure instead")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; their median is reported")
    arguments = parser.parse_args(argv)
    print(report(arguments.catalog, load_cleaner(arguments.cleaner), arguments.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
