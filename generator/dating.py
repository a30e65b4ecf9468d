"""The year of a listing's date: listings print "Mar 17" and nothing more, so the importer decides, and says how."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.listing import listing_day

# A year in a listing's file name, such as hf-daily-papers-2025-03-17.txt; digits around it make it no year.
YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


@dataclass(frozen=True)
class ListingYear:
    year: int
    reason: str  # how it was chosen, for the import's output


def year_of_listing(file_name: str, date: str, given: int | None, today: datetime.date) -> ListingYear:
    """The year of a listing dated `date` ('Mar 17'): `given` (--year), else a year in its file name, else the
    year of `today` (the import date), or the year before when the date has not come yet this year."""
    if given is not None:
        return ListingYear(given, "given with --year")
    named = YEAR_IN_NAME.search(file_name)
    if named is not None:
        return ListingYear(int(named.group(1)), "from the file name")
    day = listing_day(date, today.year)
    if day is None or day > today:
        return ListingYear(today.year - 1, "the year before the import date, which the date has not reached yet")
    return ListingYear(today.year, "the import date's year")


def describe_year(file_name: str, date: str, chosen: ListingYear) -> str:
    """The line `import` prints for a listing: the date it read, with the year it took and why."""
    return f"{file_name}: '{date}' read as {date} {chosen.year} ({chosen.reason}; --year sets another)"
