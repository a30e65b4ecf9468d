"""`tags evaluate`: the summary of each system, then the per-tag table."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.catalog.store import display_path, load_catalog
from generator.errors import Problem, printable
from generator.tagger.evaluate import Evaluation, Protocol, evaluate
from generator.tagger.model import Example
from generator.tagger.records import read_records

SYSTEMS = {
    "tagger": "learned tagger",
    "baseline": "TF-IDF + one-vs-rest logistic regression, p >= 0.5",
    "rules": "vocabulary rules alone (suggest_tags)",
}


def render(evaluation: Evaluation, source: str) -> str:
    lines = [
        f"{source}: {evaluation.papers:,} papers, {evaluation.curated:,} with curated tags, "
        f"{len(evaluation.tags)} tags; {evaluation.protocol.describe()}.",
        "",
        f"{'system':<10} {'micro P':>7} {'micro R':>7} {'micro F1':>8} "
        f"{'macro P':>7} {'macro R':>7} {'macro F1':>8} {'coverage':>8}",
    ]
    for name, scores in evaluation.systems:
        micro, (precision, recall, f1) = scores.micro, scores.macro
        lines.append(
            f"{name:<10} {micro.precision:>7.3f} {micro.recall:>7.3f} {micro.f1:>8.3f} "
            f"{precision:>7.3f} {recall:>7.3f} {f1:>8.3f} {scores.coverage:>8.1%}"
        )
    lines += ["", *(f"{name}: {SYSTEMS[name]}" for name, _ in evaluation.systems), ""]
    width = max([3, *(len(printable(tag.slug)) for tag in evaluation.tags)])
    header = f"{'tag':<{width}} {'support':>7}"
    for name, _ in evaluation.systems:
        header += f"  {name + ' P':>10} {'R':>5} {'F1':>5}"
    lines.append(header)
    for index, tag in enumerate(evaluation.tags):
        support = evaluation.systems[0][1].per_tag[index][1].support
        row = f"{printable(tag.slug):<{width}} {support:>7}"
        for _, scores in evaluation.systems:
            counts = scores.per_tag[index][1]
            row += f"  {counts.precision:>10.3f} {counts.recall:>5.3f} {counts.f1:>5.3f}"
        lines.append(row)
    return "\n".join(lines) + "\n"


def evaluate_command(root: Path, jsonl: Path | None, folds: int, holdout: float | None) -> int:
    """`tags evaluate`: the project's catalog, or a JSONL file of records; problems as path:line."""
    if jsonl is not None:
        shown = display_path(jsonl.resolve(), root)
        examples, tags, problems = read_records(jsonl, shown)
    else:
        loaded, problems = load_catalog(root / "data", root)
        shown = "data/papers"
        examples = tuple(Example(paper.title, paper.abstract, paper.tags) for paper in loaded.catalog.papers)
        tags = loaded.catalog.tags
    protocol = Protocol(folds=folds, holdout=holdout)
    needed = 2 if holdout is not None else folds
    if not problems and len(examples) < needed:
        problems = [Problem(shown, 0, f"{len(examples)} papers: {protocol.describe()} needs {needed} at least")]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print(render(evaluate(examples, tags, protocol), shown), end="")
    return 0
