"""The commands that measure rather than curate: `bench` (a synthetic catalog built and timed) and `tags
evaluate` (tag suggestions cross-validated on the curated tags)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.cli.arguments import parse_folds, parse_share
from generator.pipeline import Project


def add_bench_command(commands: Any) -> None:
    """The `bench` command on the parser's subcommands."""
    benching = commands.add_parser("bench", help="build a synthetic catalog of N papers and measure each stage")
    benching.add_argument("--papers", type=int, default=1000, help="how many papers (default: 1000)")
    benching.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    benching.add_argument("--baseline", action="store_true", help="also time a bare MkDocs build of the Markdown")
    benching.add_argument(
        "--parts", action="store_true", help="also time each part of the Markdown stages alone, in processor seconds"
    )
    benching.add_argument("--no-browser", action="store_true", help="skip the search measurements in Chromium")
    benching.set_defaults(run=run_bench)


def add_tags_command(commands: Any) -> None:
    """The `tags evaluate` command on the parser's subcommands."""
    tagging = commands.add_parser("tags", help="tag suggestions").add_subparsers(dest="tags_command", required=True)
    evaluating = tagging.add_parser("evaluate", help="cross-validate tag suggestions on the curated tags")
    protocol = evaluating.add_mutually_exclusive_group()
    protocol.add_argument("--folds", type=parse_folds, default=5, help="K-fold cross-validation (default: 5)")
    protocol.add_argument("--holdout", type=parse_share, default=None, help="hold out this share instead, e.g. 0.2")
    evaluating.add_argument("--jsonl", type=Path, default=None, help="a JSONL file of {title, abstract, tags} instead")
    evaluating.add_argument(
        "--no-tune",
        action="store_true",
        help="measure the tagger's default settings and the baseline at 0.5 only, without choosing settings by "
        "inner folds of each training part (faster, but the defaults were chosen on a catalog, so optimistic there)",
    )
    evaluating.set_defaults(run=run_tags_evaluate)


def run_bench(project: Project, arguments: argparse.Namespace) -> int:
    from generator.bench.command import bench

    browser = not arguments.no_browser
    return bench(project.root, arguments.papers, arguments.json, arguments.baseline, browser, arguments.parts)


def run_tags_evaluate(project: Project, arguments: argparse.Namespace) -> int:
    from generator.tagger.report import evaluate_command

    return evaluate_command(project.root, arguments.jsonl, arguments.folds, arguments.holdout, not arguments.no_tune)
