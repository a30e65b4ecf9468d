"""`python -m generator stars`: a snapshot of the stars of the catalog's GitHub repositories, in data/stars.json,
which the build shows as text ("1,234 stars as of 2026-12-01") so that readers' browsers ask no other host."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import Any

from generator.catalog.stars import STARS_FILE, dump_stars
from generator.catalog.store import load_catalog
from generator.cli.reporting import report_problems
from generator.errors import printable
from generator.output.writer import write_files
from generator.pipeline import Project
from generator.sources.github import fetch_stars, github_session


def add_stars_command(commands: Any) -> None:
    """The `stars` command on the parser's subcommands."""
    parser = commands.add_parser("stars", help="snapshot the GitHub stars of the catalog's repositories")
    parser.add_argument("--dry-run", action="store_true", help="ask GitHub and report, but write nothing")
    parser.set_defaults(run=run_stars)


def run_stars(project: Project, arguments: argparse.Namespace) -> int:
    loaded, problems = load_catalog(project.data_dir, project.root)
    if problems:
        return report_problems(sorted(problems), "nothing was asked")
    catalog = loaded.catalog
    repositories = {name for paper in catalog.papers for link in paper.code_links if (name := link.github_repository)}
    session = github_session(os.environ.get("GITHUB_TOKEN") or None)
    fetched = fetch_stars(repositories, catalog.stars_of, datetime.date.today(), session)
    for line in fetched.failures + [f"{name}: GitHub has no such repository" for name in fetched.missing]:
        print(printable(line), file=sys.stderr)
    if fetched.stopped is not None:
        print(printable(f"{fetched.stopped}; data/{STARS_FILE} was not changed"), file=sys.stderr)
        return 1
    print(
        f"Stars of {len(repositories)} repositories: {fetched.changed} changed, {fetched.unchanged} unchanged, "
        f"{len(fetched.missing)} not found, {len(fetched.failures)} not answered."
    )
    if not arguments.dry_run:
        write_files(project.root, {f"data/{STARS_FILE}": dump_stars(fetched.counts.values())})
    return 0
