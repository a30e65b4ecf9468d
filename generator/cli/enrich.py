"""`python -m generator enrich`: papers without an arXiv id found by their title (the Hub's paper search, then
arXiv's API) and given their arXiv id, authors, publication day and year."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.catalog.store import dump_paper, load_catalog, paper_path
from generator.cli.arguments import parse_count
from generator.cli.reporting import report_problems
from generator.errors import printable
from generator.output.outputs import CACHE
from generator.output.writer import write_files
from generator.pipeline import Project
from generator.runtime.progress import progress
from generator.sources.arxiv import ArxivClient
from generator.sources.enriching import CACHE_FILE, AnswerCache, Enriched, Finder, enrich_papers, needing_identity
from generator.sources.papersearch import HubPaperSearch


def add_enrich_command(commands: Any) -> None:
    parser = commands.add_parser("enrich", help="find papers without an arXiv id by title; add id, authors, date")
    parser.add_argument("--limit", type=parse_count, default=None, help="look up at most N papers, newest first")
    parser.add_argument("--dry-run", action="store_true", help="report what would be filled, but write nothing")
    parser.set_defaults(run=run_enrich)


def run_enrich(project: Project, arguments: argparse.Namespace) -> int:
    loaded, problems = load_catalog(project.data_dir, project.root)
    if problems:
        return report_problems(sorted(problems), "nothing was asked")
    catalog = loaded.catalog
    papers = needing_identity(catalog, arguments.limit)
    cache = AnswerCache(project.root / CACHE / CACHE_FILE)
    finders: list[Finder] = [HubPaperSearch(), ArxivClient()]
    enriched = enrich_papers(progress(papers, "Papers looked up", step=1), catalog, finders, cache)
    if enriched.stopped is not None:
        print(printable(f"{enriched.stopped}; nothing was written"), file=sys.stderr)
        return 1
    files = {} if arguments.dry_run else _changed_files(project, enriched)
    if cache.changed:
        files[f"{CACHE}/{CACHE_FILE}"] = cache.dump()
    if files:
        write_files(project.root, files)
    _print_report(project, enriched, len(papers), arguments.dry_run)
    return 0


def _changed_files(project: Project, enriched: Enriched) -> dict[str, str | bytes]:
    root = project.root
    return {
        paper_path(project.data_dir, outcome.paper.slug).relative_to(root).as_posix(): dump_paper(outcome.paper)
        for outcome in enriched.filled
    }


def _print_report(project: Project, enriched: Enriched, asked: int, dry_run: bool) -> None:
    for outcome in enriched.unmatched:
        shown = paper_path(project.data_dir, outcome.paper.slug).relative_to(project.root).as_posix()
        match = outcome.match
        if outcome.note and match.candidate is not None:
            why = outcome.note
        elif match.verdict == "ambiguous":
            why = f"ambiguous on {outcome.service}: {', '.join(match.others)} could each be it; add 'arxiv' by hand"
        else:
            why = "no unambiguous match on the Hub or arXiv" + (f" ({outcome.note})" if outcome.note else "")
        print(printable(f"{shown}: {why}"), file=sys.stderr)
    verb = "would be filled" if dry_run else "filled"
    services = [outcome.service for outcome in enriched.filled]
    hub, arxiv = services.count("Hugging Face"), services.count("arXiv")
    papers = f"{asked} paper{'s' if asked != 1 else ''}"
    print(
        f"{papers} without an arXiv id looked up: {len(enriched.filled)} {verb} ({hub} from the Hub, "
        f"{arxiv} from arXiv), {len(enriched.unmatched)} left as they are."
    )
