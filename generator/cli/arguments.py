"""The command line's argument types: each turns text into a value or says, in argparse's way, what is wrong."""

from __future__ import annotations

import argparse
import datetime

from generator.catalog.model import FIRST_YEAR


def parse_year(text: str) -> int:
    year = int(text) if text.isdigit() else 0
    if not FIRST_YEAR <= year <= datetime.date.today().year + 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from {FIRST_YEAR} to next year")
    return year


def parse_share(text: str) -> float:
    try:
        share = float(text)
    except ValueError:
        share = -1.0
    if not 0 < share < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a share between 0 and 1, such as 0.2")
    return share


def parse_folds(text: str) -> int:
    if not text.isdigit() or int(text) < 2:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of folds, 2 or more")
    return int(text)


def parse_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of papers, 1 or more")
    return int(text)


def parse_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-17") from error


MAX_DAYS = 366  # a range of days is a year at most: each day is one request to the Hub


def parse_days(text: str) -> list[datetime.date]:
    """A day (2026-11-03) or a range of days, both ends included (2026-11-01..2026-11-07)."""
    first_text, dots, last_text = text.partition("..")
    first = parse_date(first_text)
    last = parse_date(last_text) if dots else first
    if last < first:
        raise argparse.ArgumentTypeError(f"{text!r} ends before it starts; write it as 2026-11-01..2026-11-07")
    count = (last - first).days + 1
    if count > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{text!r} is {count:,} days; {MAX_DAYS} at most")
    return [first + datetime.timedelta(days=offset) for offset in range(count)]
