"""Problems print on one line, whatever their values hold."""

from __future__ import annotations

import pytest

from generator.errors import Problem, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain é ü 中文", "plain é ü 中文"),
        ("a\nb", "a\\nb"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("\x1b[31mred", "\\u001b[31mred"),
        ("next\u0085line", "next\\u0085line"),
        ("line\u2028separator", "line\\u2028separator"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_a_value_cannot_forge_a_workflow_command_or_a_problem_line() -> None:
    problem = Problem("data/papers/a.yml", 3, "unknown tag 'x\n::error file=a.py::forged\ndata/b.yml:1: fake'")
    text = str(problem)
    assert "\n" not in text
    assert text == "data/papers/a.yml:3: unknown tag 'x\\n::error file=a.py::forged\\ndata/b.yml:1: fake'"
    assert str(Problem("data/papers/\n::warning::x.yml", 1, "m")) == "data/papers/\\n::warning::x.yml:1: m"
