"""What a curator runs on a large catalog, timed: importing a day's listing, then `check`."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from generator.bench.synthetic import synthetic_papers
from generator.catalog.model import Catalog

LISTING_PAPERS = 60  # about a day of Hugging Face daily papers
LISTING_SEED = 29  # not the catalog's seed: the listing's papers are new to it
# Pasted abstracts hold LaTeX and Markdown links: some of the listing's do, so the text clean-up runs as on
# real listings.
PASTED = " We report pass@$k$ with a $3\\times$ speed-up over [the baseline](https://example.org/baseline)."


def daily_listing(catalog: Catalog, papers: int = LISTING_PAPERS, seed: int = LISTING_SEED, day: str = "Dec 1") -> str:
    """A listing as Hugging Face's daily papers page prints it, of `papers` papers the catalog does not hold."""
    lines = ["new", "", day, ""]
    for number, paper in enumerate(itertools.islice(synthetic_papers(papers, catalog, seed), papers)):
        abstract = paper.abstract + (PASTED if number % 3 == 0 else "")
        lines += [paper.title, "", abstract, ""]
    return "\n".join(lines)


def run_command(root: Path, *arguments: str) -> float:
    """Seconds `python -m generator ARGUMENTS` takes in `root`, as a curator would run it."""
    started = time.perf_counter()
    environment = os.environ | {"CI": "true"}  # no progress bars in the figures
    command = [sys.executable, "-m", "generator", *arguments]
    finished = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed on the synthetic catalog:\n{finished.stderr}")
    return round(time.perf_counter() - started, 2)


def measure_curation(root: Path, catalog: Catalog) -> dict[str, float]:
    """Seconds to import a day's listing into the project at `root` (training the tagger, suggesting tags,
    finding duplicates, cleaning the text), to import the next day's with the tagger kept from the first (no
    curated tag changed in between), then to check the catalog (near duplicates included)."""
    first, second = root / "hf-daily-papers-2026-12-01.txt", root / "hf-daily-papers-2026-12-02.txt"
    first.write_text(daily_listing(catalog), encoding="utf-8")
    second.write_text(daily_listing(catalog, seed=LISTING_SEED + 1, day="Dec 2"), encoding="utf-8")
    return {
        f"import {LISTING_PAPERS} papers": run_command(root, "import", str(first)),
        f"import {LISTING_PAPERS} more, tagger kept": run_command(root, "import", str(second)),
        "check": run_command(root, "check"),
    }
