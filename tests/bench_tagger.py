"""Timing of the learned tagger (a script, not a test): train on N curated papers, then suggest for 60.

    .venv/bin/python tests/bench_tagger.py ../shared/catalogs/llm-papers.jsonl [N ...]

Catalogs larger than the file repeat its records, each copy with one extra made-up word so that no two papers
are the same text. Prints the median of 3 runs of training and of suggesting, in seconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.tagger import Example, train  # noqa: E402
from generator.tagger.records import read_records  # noqa: E402


def main() -> None:
    examples, tags, problems = read_records(Path(sys.argv[1]), sys.argv[1])
    if problems:
        sys.exit("\n".join(str(problem) for problem in problems))
    curated = [example for example in examples if example.tags]
    new = [Example(example.title, example.abstract) for example in examples[-60:]]
    for size in [int(argument) for argument in sys.argv[2:]] or [1000]:
        catalog = [
            Example(f"{base.title} w{index // len(curated)}", base.abstract, base.tags)
            for index, base in ((index, curated[index % len(curated)]) for index in range(size))
        ]
        trained, suggested = [], []
        for _ in range(3):
            start = time.perf_counter()
            tagger = train(catalog, tags)
            middle = time.perf_counter()
            tagger.suggest_many(new)
            trained.append(middle - start)
            suggested.append(time.perf_counter() - middle)
        median_train, median_suggest = statistics.median(trained), statistics.median(suggested)
        print(f"{size:>7,} curated: train {median_train:.3f} s, 60 suggested {median_suggest:.3f} s")


if __name__ == "__main__":
    main()
