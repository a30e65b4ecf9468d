"""Judged queries run on our search box and on Pagefind, over the same built site, in Chromium.

`python -m generator.bench.search_quality --catalog ../shared/catalogs/llm-papers.jsonl` builds a site
of the catalog (one JSON object a line: title, abstract, year), indexes its paper pages with the pinned
Pagefind, types each query of benchmarks/queries.yml into both engines and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.bench.browsing import first_visit, launched_chromium
from generator.bench.command import Report as BuildReport
from generator.bench.command import build, bundled_catalog, make_project
from generator.catalog.model import Catalog, Paper
from generator.catalog.slugs import make_slug

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPOSITORY = Path(__file__).resolve().parents[2]
PAGEFIND = REPOSITORY / "node_modules" / ".bin" / "pagefind"
ADDED = datetime.date(2026, 1, 1)
TOP = 10
# Pagefind is run on a page of the site itself, through its documented JS API, as a theme would.
PAGEFIND_SCRIPT = """async ([base, query, top]) => {
  const started = performance.now();
  const pagefind = await import(base + "pagefind/pagefind.js");
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, top).map((result) => result.data()));
  return {urls: data.map((item) => item.url), seconds: (performance.now() - started) / 1000};
}"""


@dataclass
class Engine:
    name: str
    ranks: list[int | None] = field(default_factory=list)  # rank of the first right answer, if in the top 10
    seconds: list[float] = field(default_factory=list)
    kilobytes: list[float] = field(default_factory=list)
    found: list[list[str]] = field(default_factory=list)  # the slugs of the top 10, to judge again by hand

    def summary(self) -> dict[str, float]:
        found = [rank for rank in self.ranks if rank is not None]
        return {
            "hit_rate_top10": round(len(found) / len(self.ranks), 3),
            "mrr": round(sum(1 / rank for rank in found) / len(self.ranks), 3),
            "median_kilobytes": round(statistics.median(self.kilobytes), 1),
            "median_seconds": round(statistics.median(self.seconds), 3),
        }


def read_catalog(path: Path, tags: Catalog) -> tuple[Catalog, dict[str, str]]:
    """The papers of a JSON-lines catalog, untagged, and each title's slug."""
    taken: set[str] = set()
    papers = []
    slugs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        slug = make_slug(item["title"], taken)
        taken.add(slug)
        slugs.setdefault(item["title"], slug)
        papers.append(Paper(slug, item["title"], item["abstract"], (), (), (), ADDED, year=item.get("year")))
    return Catalog(papers=tuple(papers), tags=tags.tags), slugs


def read_queries(path: Path) -> list[dict[str, Any]]:
    queries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return queries


def first_right(slugs_found: list[str], right: set[str]) -> int | None:
    for rank, slug in enumerate(slugs_found[:TOP], start=1):
        if slug in right:
            return rank
    return None


def slug_of(url: str) -> str:
    parts = [part for part in url.split("/") if part]
    return parts[parts.index("papers") + 1] if "papers" in parts[:-1] else url


def run_pagefind(site: Path) -> None:
    command = [str(PAGEFIND), "--site", str(site), "--glob", "papers/*/index.html", "--silent"]
    subprocess.run(command, check=True)


def measure(
    site: Path, queries: list[dict[str, Any]], slugs: dict[str, str], browser: Browser | None = None
) -> list[Engine]:
    """Both engines' answers to `queries` in Chromium: `browser` if given (Playwright allows one per thread)."""
    from generator.site.serving import serve

    ours, pagefind = Engine("PaperShelf"), Engine("Pagefind 1.5")
    with serve(site) as base, contextlib.ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(launched_chromium())
        for query in queries:
            right = {slugs[title] for title in query["answers"]}
            for engine in (ours, pagefind):
                # A fresh context per search: nothing cached, as for a reader's first search.
                with first_visit(browser, base) as visit:
                    page = visit.page
                    if engine is ours:
                        started = time.perf_counter()
                        page.fill("#ps-search-input", query["query"])
                        page.wait_for_function(
                            "() => document.querySelector('.ps-search__status')?.textContent.includes('paper')"
                        )
                        seconds = time.perf_counter() - started
                        page.wait_for_timeout(400)  # the search runs 120 ms after the last key; let it land
                        urls = page.eval_on_selector_all("a.ps-search__title", "links => links.map(l => l.href)")
                    else:
                        answer = page.evaluate(PAGEFIND_SCRIPT, [base, query["query"], TOP])
                        urls, seconds = answer["urls"], answer["seconds"]
                        page.wait_for_timeout(100)
                    found = [slug_of(url) for url in urls][:TOP]
                    engine.found.append(found)
                    engine.ranks.append(first_right(found, right))
                    engine.seconds.append(seconds)
                    engine.kilobytes.append(visit.kilobytes)
    return [ours, pagefind]


def table(engines: list[Engine], queries: list[dict[str, Any]]) -> str:
    lines = [
        "| Engine | Hit rate, top 10 | MRR | Median kB fetched | Median s to first results |",
        "|---|---:|---:|---:|---:|",
    ]
    for engine in engines:
        s = engine.summary()
        lines.append(
            f"| {engine.name} | {s['hit_rate_top10']:.2f} | {s['mrr']:.2f} "
            f"| {s['median_kilobytes']:.1f} | {s['median_seconds']:.2f} |"
        )
    lines += ["", "| Query | " + " | ".join(e.name for e in engines) + " |", "|---|" + "---:|" * len(engines)]
    for number, query in enumerate(queries):
        ranks = [str(e.ranks[number]) if e.ranks[number] else "-" for e in engines]
        lines.append(f"| `{query['query']}` | " + " | ".join(ranks) + " |")
    return "\n".join(lines)


def compare(
    catalog_path: Path, queries_path: Path, folder: Path, browser: Browser | None = None
) -> tuple[list[Engine], list[dict[str, Any]]]:
    queries = read_queries(queries_path)
    catalog, slugs = read_catalog(catalog_path, bundled_catalog(REPOSITORY))
    missing = [title for query in queries for title in query["answers"] if title not in slugs]
    if missing:
        raise SystemExit(f"{queries_path}: answers not in {catalog_path}: {missing[:5]}")
    project = make_project(folder, catalog, REPOSITORY)
    build(BuildReport(len(catalog.papers)), project)
    run_pagefind(project.root / "site")
    return measure(project.root / "site", queries, slugs, browser), queries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, required=True, help="JSON lines: title, abstract, year")
    parser.add_argument("--queries", type=Path, default=REPOSITORY / "benchmarks" / "queries.yml")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="papershelf-search-") as folder:
        engines, queries = compare(arguments.catalog, arguments.queries, Path(folder))
    print(table(engines, queries))
    if arguments.json:
        figures = {
            e.name: e.summary()
            | {"queries": [q["query"] for q in queries]}
            | {k: asdict(e)[k] for k in ("ranks", "found")}
            for e in engines
        }
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
