"""`tags evaluate`: the summary of each system, then the per-tag table."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.catalog.store import display_path, load_catalog
from generator.errors import Problem, printable
from generator.tagger.evaluate import Evaluation, evaluate
from generator.tagger.model import Example, Settings
from generator.tagger.records import read_records
from generator.tagger.splits import Protocol
from generator.tagger.tuning import Choice, Grid

SYSTEMS = {
    "baseline": "TF-IDF + one-vs-rest logistic regression, p >= 0.5",
    "tuned baseline": "the same, its one threshold chosen by the inner folds",
    "rules": "vocabulary rules alone (suggest_tags)",
}


def legend(evaluation: Evaluation, name: str) -> str:
    if name != "tagger":
        return SYSTEMS[name]
    if evaluation.grid is not None:
        return "learned tagger, C and threshold chosen by the inner folds"
    defaults = Settings()
    return f"learned tagger, the defaults (C = {defaults.regularization:g}, threshold {defaults.threshold:g})"


def render_choices(choices: tuple[Choice, ...]) -> list[str]:
    """One row per outer split: what its inner folds chose, and the inner micro-F1 that choice had."""
    lines = ["split  tagger C  threshold  inner F1  baseline threshold  inner F1"]
    for number, choice in enumerate(choices, start=1):
        settings = choice.settings
        lines.append(
            f"{number:<5} {settings.regularization:>9g} {settings.threshold:>10.2f} {choice.tagger_f1:>9.3f} "
            f"{choice.baseline_threshold:>19.2f} {choice.baseline_f1:>9.3f}"
        )
    return lines


def render(evaluation: Evaluation, source: str) -> str:
    tuning = f"; settings chosen by {evaluation.grid.describe()}" if evaluation.grid else ""
    names = [name for name, _ in evaluation.systems]
    column = max(10, *(len(name) + 1 for name in names))
    lines = [
        f"{source}: {evaluation.papers:,} papers, {evaluation.curated:,} with curated tags, "
        f"{len(evaluation.tags)} tags; {evaluation.protocol.describe()}{tuning}.",
        "",
        f"{'system':<{column}} {'micro P':>7} {'micro R':>7} {'micro F1':>8} "
        f"{'macro P':>7} {'macro R':>7} {'macro F1':>8} {'coverage':>8}",
    ]
    for name, scores in evaluation.systems:
        micro, (precision, recall, f1) = scores.micro, scores.macro
        lines.append(
            f"{name:<{column}} {micro.precision:>7.3f} {micro.recall:>7.3f} {micro.f1:>8.3f} "
            f"{precision:>7.3f} {recall:>7.3f} {f1:>8.3f} {scores.coverage:>8.1%}"
        )
    lines += ["", *(f"{name}: {legend(evaluation, name)}" for name in names), ""]
    if evaluation.choices:
        lines += [*render_choices(evaluation.choices), ""]
    width = max([3, *(len(printable(tag.slug)) for tag in evaluation.tags)])
    widths = [max(10, len(name) + 2) for name in names]
    header = f"{'tag':<{width}} {'support':>7}"
    for name, size in zip(names, widths, strict=True):
        header += f"  {name + ' P':>{size}} {'R':>5} {'F1':>5}"
    lines.append(header)
    for index, tag in enumerate(evaluation.tags):
        support = evaluation.systems[0][1].per_tag[index][1].support
        row = f"{printable(tag.slug):<{width}} {support:>7}"
        for (_, scores), size in zip(evaluation.systems, widths, strict=True):
            counts = scores.per_tag[index][1]
            row += f"  {counts.precision:>{size}.3f} {counts.recall:>5.3f} {counts.f1:>5.3f}"
        lines.append(row)
    return "\n".join(lines) + "\n"


def evaluate_command(root: Path, jsonl: Path | None, folds: int, holdout: float | None, tuned: bool = True) -> int:
    """`tags evaluate`: the project's catalog, or a JSONL file of records; problems as path:line. `tuned`: the
    settings are chosen by inner folds of each training part (tuning.py), else the defaults are measured."""
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
    print(render(evaluate(examples, tags, protocol, Grid() if tuned else None), shown), end="")
    return 0
