"""The dates of listings: "Mar 17" checked as a day of the calendar, the day it names in a year, and the year
itself, which listings do not print, so the importer decides, and says how."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

DATE_LINE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}")
# A listing prints no year, so February 29 is a day of the calendar.
MONTHS = (
    ("January", 31), ("February", 29), ("March", 31), ("April", 30), ("May", 31), ("June", 30),
    ("July", 31), ("August", 31), ("September", 30), ("October", 31), ("November", 30), ("December", 31),
)  # fmt: skip
# A year in a listing's file name, such as hf-daily-papers-2025-03-17.txt; digits around it make it no year.
YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


def date_problem(date: str) -> str | None:
    """Why `date` is not a day of the calendar written as listings print it ('Mar 17'), or None."""
    if not DATE_LINE.fullmatch(date):
        return f"the listing date {date!r} is not written as listings print it, such as 'Mar 17'"
    month_text, _, day_text = date.partition(" ")
    name, days = next(month for month in MONTHS if month[0].startswith(month_text[:3]))
    if month_text not in (name[:3], name, "Sept" if name == "September" else name):
        forms = f"{name[:3]!r}" if name == name[:3] else f"{name[:3]!r} or {name!r}"
        return f"the listing date {date!r} does not name a month; write it as {forms}"
    if not 1 <= int(day_text) <= days:
        return f"the listing date {date!r} is not a day of the calendar; {name} has days 1 to {days}"
    return None


def listing_day(date: str, year: int) -> datetime.date | None:
    """The day a listing date (as `date_problem` accepts it, 'Mar 17') names in `year`; None if that year has no
    such day (Feb 29 of a year that is not a leap year)."""
    month_text, _, day_text = date.partition(" ")
    month = next(number for number, (name, _) in enumerate(MONTHS, start=1) if name.startswith(month_text[:3]))
    try:
        return datetime.date(year, month, int(day_text))
    except ValueError:
        return None


@dataclass(frozen=True)
class ListingYear:
    year: int
    reason: str  # how it was chosen, for the import's output


def year_of_listing(file_name: str, date: str, given: int | None, today: datetime.date) -> ListingYear:
    """The year of a listing dated `date` ('Mar 17'): `given` (--year), else a year in its file name, else the
    last year up to `today` (the import date) that has the day."""
    if given is not None:
        return ListingYear(given, "given with --year")
    named = YEAR_IN_NAME.search(file_name)
    if named is not None:
        return ListingYear(int(named.group(1)), "from the file name")
    # The last day so named up to the import date: "Dec 30" imported in January is last year's, and "Feb 29"
    # the last leap year's.
    year = next(y for y in range(today.year, today.year - 8, -1) if (day := listing_day(date, y)) and day <= today)
    if year == today.year:
        return ListingYear(year, "the import date's year")
    return ListingYear(year, "the last year up to the import date with that day")


def describe_year(file_name: str, date: str, chosen: ListingYear) -> str:
    """The line `import` prints for a listing: the date it read, with the year it took and why."""
    return f"{file_name}: '{date}' read as {date} {chosen.year} ({chosen.reason}; --year sets another)"
