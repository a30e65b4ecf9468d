"""Command line: `python -m generator import|add|retag|check|build|diff|bench|tags evaluate|serve`."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.catalog.changes import compare, read_revision, render_changes
from generator.catalog.possible import possible_duplicates
from generator.catalog.store import display_path, load_catalog
from generator.cli.arguments import parse_date, parse_days, parse_year
from generator.cli.enrich import add_enrich_command
from generator.cli.measuring import add_bench_command, add_tags_command
from generator.cli.reporting import report_problems
from generator.cli.stars import add_stars_command
from generator.errors import printable
from generator.listings.adding import Submission, add_papers, submissions_from_listings
from generator.listings.importer import import_listings
from generator.mkdocs.command import SYSTEM_FAILURE
from generator.output.locking import ProjectBusyError, project_lock
from generator.output.preflight import unwritable_folders
from generator.pipeline import (
    Project,
    build,
    generate,
    load_and_check,
    mkdocs_command,
    remove_leftovers,
)


def run_import(project: Project, arguments: argparse.Namespace) -> int:
    if bool(arguments.files) == bool(arguments.hf_daily):
        print("import needs listing files, or --hf-daily DATE instead", file=sys.stderr)
        return 2
    if arguments.hf_daily and arguments.year is not None:
        print("--year is for listing files: a day of the Hub's daily papers has its year", file=sys.stderr)
        return 2
    if arguments.hf_daily:
        from generator.sources.daily import import_daily

        days = sorted({day for days in arguments.hf_daily for day in days})
        report, problems = import_daily(days, project.root, arguments.added)
    else:
        paths = [Path(p) for p in arguments.files]
        report, problems = import_listings(paths, project.root, arguments.added, arguments.year)
    if problems:
        return report_problems(problems)
    for line in report.years:
        print(printable(line))
    for note in report.notes:
        print(printable(f"Note: {note}."))
    for notice in report.notices:
        print(notice)
    added = f"{len(report.added)} paper{'s' if len(report.added) != 1 else ''}"
    print(f"{added} added, {len(report.merged)} merged, {len(report.unchanged)} unchanged.")
    if report.added:
        print(
            f"New papers have suggested tags only, for curators to confirm: {report.suggested} with suggestions, "
            f"{len(report.added) - report.suggested} with none."
        )
    print(needing_tags_line(report.needing_tags))
    return 0


def needing_tags_line(count: int) -> str:
    if count == 0:
        return "Every paper has curated tags."
    papers = "1 paper has" if count == 1 else f"{count:,} papers have"
    return f"{papers} no curated tag yet: the site lists them on its Needs tags page (tags/needs-tags/)."


def run_add(project: Project, arguments: argparse.Namespace) -> int:
    if arguments.listing:
        submissions, problems = submissions_from_listings([Path(p) for p in arguments.listing], project.root)
        if problems:
            return report_problems(problems)
    elif arguments.title and arguments.abstract:
        tags = tuple(arguments.tag) if arguments.tag else None
        submissions = [Submission(arguments.title, arguments.abstract, tuple(arguments.link), tags)]
    else:
        print("add needs --title and --abstract, or --listing FILE", file=sys.stderr)
        return 2
    added, problems = add_papers(submissions, project.root, arguments.added)
    if problems:
        return report_problems(problems)
    for note in added.notes:
        print(printable(f"Note: {note}."))
    for notice in added.notices:
        print(notice)
    for paper in added.papers:
        given = f"tags: {', '.join(paper.tags)}" if paper.tags else f"suggested tags: {', '.join(paper.suggested_tags)}"
        print(printable(f"Added data/papers/{paper.slug}.yml with {given}"))
    return 0


def run_check(project: Project, arguments: argparse.Namespace) -> int:
    checked = load_and_check(project, arguments.since)
    if checked.problems:
        return report_problems(checked.problems)
    print("The catalog is valid.")
    catalog = checked.loaded.catalog
    print(needing_tags_line(sum(paper.needs_tags for paper in catalog.papers)))
    notices = possible_duplicates(catalog.papers, checked.loaded.paper_locations)
    for notice in notices:
        print(notice)
    if notices:
        pairs = "1 pair of papers" if len(notices) == 1 else f"{len(notices):,} pairs of papers"
        print(f"{pairs} may be one paper (above): not a problem, but merge them by hand if so, or add distinct_from.")
    return 0


def run_build(project: Project, arguments: argparse.Namespace) -> int:
    built = build(project, site_dir=arguments.site_dir, markdown_only=arguments.markdown_only)
    if built.markdown is None:
        return report_problems(built.problems)
    written, unchanged, removed = (
        len(files) for files in (built.markdown.written, built.markdown.unchanged, built.markdown.removed)
    )
    print(f"Markdown: {written} written, {unchanged} unchanged, {removed} removed.")
    if built.mkdocs_status is None:
        return 0
    if built.mkdocs_status != 0:
        if built.mkdocs_status != SYSTEM_FAILURE:  # that one was told in a line of its own
            print("The MkDocs build failed; see the messages above.", file=sys.stderr)
        return 1
    if built.manifest is not None and built.manifest.written:
        print(f"Recorded the new URLs as published in {built.manifest.written[0]}.")
    print(f"Site built in {arguments.site_dir or project.root / 'site'}.")
    return 0


def run_serve(project: Project, arguments: argparse.Namespace) -> int:
    """Write the Markdown; `serve_site` then serves it, once the project's lock is released."""
    report, checked = generate(project)
    if report is None:
        return report_problems(checked.problems)
    arguments.then = serve_site
    return 0


def serve_site(project: Project, arguments: argparse.Namespace) -> int:
    command = mkdocs_command(project, "serve", "--dev-addr", arguments.dev_addr)
    # This process becomes the server, so that stopping it (Ctrl-C, a signal) stops the server too.
    os.chdir(project.root)
    os.execve(command[0], command, os.environ | {"NO_MKDOCS_2_WARNING": "1"})  # noqa: S606 - our own mkdocs


def run_diff(project: Project, arguments: argparse.Namespace) -> int:
    before, problems = read_revision(project.root, arguments.base)
    if before is None:
        return report_problems(problems)
    after, problems = load_catalog(project.data_dir, project.root)
    if problems:
        return report_problems(problems)
    print(render_changes(compare(before.catalog, after.catalog), arguments.base), end="")
    return 0


def run_retag(project: Project, arguments: argparse.Namespace) -> int:
    from generator.tagger.retagging import describe, retag

    changed, problems = retag(project.root, arguments.tag, arguments.dry_run, arguments.all)
    if problems:
        return report_problems(problems)
    for change in changed:
        print(printable(describe(change, project.root)))
    added, removed = sum(len(c.added) for c in changed), sum(len(c.removed) for c in changed)
    verb = "would change" if arguments.dry_run else "changed"
    papers = f"{len(changed)} paper{'s' if len(changed) != 1 else ''}"
    print(f"Suggestions {verb} on {papers}: {added} added, {removed} removed.")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build the PaperShelf catalog site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="add the papers of daily-paper listings to data/papers")
    importing.add_argument("files", nargs="*", help="listing text files")
    importing.add_argument(
        "--hf-daily",
        type=parse_days,
        action="append",
        default=[],
        metavar="DATE",
        help="import the Hugging Face daily papers of a day (2026-11-03) or days (2026-11-01..2026-11-07), "
        "from HF_ENDPOINT or https://huggingface.co; repeatable",
    )
    importing.add_argument(
        "--added", type=parse_date, default=datetime.date.today(), help="date new papers were added (default: today)"
    )
    importing.add_argument(
        "--year",
        type=parse_year,
        default=None,
        help="the year of the listings' dates (default: from the file name or --added)",
    )
    importing.set_defaults(run=run_import)
    adding = commands.add_parser("add", help="add a new paper; refuses one already in the catalog")
    adding.add_argument("--title", help="the paper's title")
    adding.add_argument("--abstract", help="the paper's abstract; URLs in it become links")
    adding.add_argument("--link", action="append", default=[], help="a code, data, model or project URL (repeatable)")
    adding.add_argument("--tag", action="append", default=[], help="a tag slug (repeatable; default: suggested)")
    adding.add_argument("--listing", action="append", default=[], help="add every paper of this listing instead")
    adding.add_argument("--added", type=parse_date, default=datetime.date.today(), help="date added (default: today)")
    adding.set_defaults(run=run_add)
    checking = commands.add_parser("check", help="validate data/ and report every problem")
    checking.add_argument("--since", metavar="REVISION", help="also keep alive every page published at this revision")
    checking.set_defaults(run=run_check)
    building = commands.add_parser("build", help="check data/, write the Markdown into docs/ and build site/")
    building.add_argument("--site-dir", type=Path, default=None, help="where to build the site (default: site/)")
    building.add_argument("--markdown-only", action="store_true", help="write the Markdown, skip MkDocs")
    building.set_defaults(run=run_build)
    diffing = commands.add_parser("diff", help="print, as Markdown, what the working tree changes in the catalog")
    diffing.add_argument("base", help="the git revision to compare with, such as origin/main")
    diffing.set_defaults(run=run_diff)
    add_bench_command(commands)
    retagging = commands.add_parser(
        "retag", help="suggest tags again for untagged papers (only suggested_tags changes)"
    )
    retagging.add_argument("--tag", default=None, help="only add or remove suggestions of this tag")
    retagging.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
    retagging.add_argument("--all", action="store_true", help="papers with curated tags too (default: untagged ones)")
    retagging.set_defaults(run=run_retag)
    add_tags_command(commands)
    add_stars_command(commands)
    add_enrich_command(commands)
    serving = commands.add_parser("serve", help="write the Markdown and preview the site with live reload")
    serving.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    serving.set_defaults(run=run_serve)
    return parser


# The commands that write: one at a time per checkout, each checking first that it can write where it will.
WRITING = frozenset({"build", "serve", "import", "add", "retag", "stars", "enrich"})


def run_writing(project: Project, arguments: argparse.Namespace) -> int:
    """A writing command, under the project's lock, once what a killed run left is gone and every folder it
    writes in is known to be writable; then what it leaves to do without the lock (`then`), if anything."""
    # A relative --site-dir is relative to the project, as for MkDocs, which runs there.
    site_dir = project.root / arguments.site_dir if getattr(arguments, "site_dir", None) else None
    markdown_only = bool(getattr(arguments, "markdown_only", False))
    with project_lock(project.root, arguments.command):
        remove_leftovers(project, site_dir)
        problems = unwritable_folders(project.root, arguments.command, site_dir, markdown_only)
        if problems:
            return report_problems(problems)
        status: int = arguments.run(project, arguments)
    then = getattr(arguments, "then", None)
    if status == 0 and then is not None:
        status = then(project, arguments)
    return status


def describe_os_error(error: OSError, root: Path) -> str:
    """One line for a failure of the system (a full disk, a folder that cannot be written), as path:0: why."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return f"{reason}; the command stopped"
    return f"{display_path(Path(os.fsdecode(error.filename)), root)}:0: {reason}; the command stopped"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = make_parser().parse_args(argv)
    project = Project(arguments.root.resolve())
    try:
        if arguments.command in WRITING:
            return run_writing(project, arguments)
        status: int = arguments.run(project, arguments)
        return status
    except ProjectBusyError as busy:
        print(busy, file=sys.stderr)
        return 1
    except OSError as error:
        print(describe_os_error(error, project.root), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
