"""How a command reports the problems that stopped it: each as `path:line: message`, then their count."""

from __future__ import annotations

import sys

from generator.errors import Problem


def report_problems(problems: list[Problem], consequence: str = "nothing was written") -> int:
    """Print `problems` and what stopping means (`consequence`); the exit status of a command that stopped."""
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; {consequence}.", file=sys.stderr)
    return 1
