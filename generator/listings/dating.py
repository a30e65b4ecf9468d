"""The year of a listing's date: listings print "Mar 17" and nothing more, so the importer decides, and says how."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.listings.parsing import listing_day

# A year in a listing's file name, such as hf-daily-papers-2025-03-17.txt; digits around it make it no year.
YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


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
