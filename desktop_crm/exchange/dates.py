"""Dates the way people type them in spreadsheets, and which way round a column's are.

Understood: 1985-03-12, 1985/3/12, 1985.3.12, 1985年3月12日, 19850312 (year first: never
ambiguous), a time after any of them (1985-03-12 08:00:00, 1985-03-12T00:00:00Z),
birthdays without a year (--0714, --07-14, 7月14日) and day/month forms with the year
last: 12/31/1992, 31-12-1992, 3.12.1985, 3/12/85.

With the year last, 03/04/2020 is 3 April in most of the world and 4 March in the USA.
A column decides it when one of its dates has a first number over 12 (day first) or a
second over 12 (month first). When none does, the column is ambiguous and the import
asks (`--date-order dmy|mdy`) instead of guessing. Dotted dates (3.12.1985) are day
first: no one writes month-first dates with dots.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from desktop_crm.domain import messages

DATE_ORDERS = ("dmy", "mdy")
# The year vCard and Google use for a birthday given without one ("--03-12"): a leap
# year, so 29 February is kept.
NO_YEAR = 1904

_TIME = (
    r"(?:(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|T\d{4}(?:\d{2})?)"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_YEAR_FIRST = re.compile(
    rf"^(\d{{4}})\s*([-/.年])\s*(\d{{1,2}})\s*(?:\2|月)\s*(\d{{1,2}})\s*日?{_TIME}$"
)
_COMPACT = re.compile(rf"^(\d{{4}})(\d{{2}})(\d{{2}}){_TIME}$")
_NO_YEAR = re.compile(r"^--(\d{1,2})-?(\d{2})$|^(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_YEAR_LAST = re.compile(rf"^(\d{{1,2}})\s*([-/.])\s*(\d{{1,2}})\s*\2\s*(\d{{2}}|\d{{4}}){_TIME}$")
_NO_DATE = {"0/0/00", "0/0/0000", "00/00/0000", "0000-00-00"}  # Outlook's and MySQL's "none"


@dataclass(frozen=True)
class ParsedDate:
    """A date read from text: `value` ISO text (a `NO_YEAR` date when `has_year` is False)."""

    value: str
    has_year: bool = True


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_year(year_text: str, today: date | None = None) -> int:
    """A two-digit year as the most recent year ending in those digits, not in the future."""
    year = int(year_text)
    if len(year_text) == 4:
        return year
    now = (today or date.today()).year
    century = now - now % 100
    return century + year if century + year <= now else century - 100 + year


def parse_date_text(text: str, order: str | None = None) -> ParsedDate | None:
    """The date in `text`, or None when it is not a date we can read without guessing.

    `order` ("dmy" or "mdy") says how to read a year-last date whose day and month could
    be either way round; without it such a date gives None. Empty text gives None too.
    """
    raw = _clean(text)
    if not raw or raw in _NO_DATE:
        return None
    match = _YEAR_FIRST.match(raw)
    parts = (match.group(1), match.group(3), match.group(4)) if match else None
    match = None if parts else _COMPACT.match(raw)
    if match:
        parts = match.groups()
    if parts:
        iso = _iso(*(int(p) for p in parts))
        return ParsedDate(iso) if iso else None
    match = _NO_YEAR.match(raw)
    if match:
        month, day = (int(g) for g in match.groups() if g is not None)
        iso = _iso(NO_YEAR, month, day)
        return ParsedDate(iso, has_year=False) if iso else None
    match = _YEAR_LAST.match(raw)
    if match:
        first, separator, second, year_text = match.groups()
        a, b, year = int(first), int(second), _full_year(year_text)
        which = order or _order_of(a, b, separator)
        if which is None:
            return None
        day, month = (a, b) if which == "dmy" else (b, a)
        iso = _iso(year, month, day)
        return ParsedDate(iso) if iso else None
    return None


def _order_of(a: int, b: int, separator: str) -> str | None:
    """The order one year-last date shows by itself (None: it could be either)."""
    if a == b or (a > 12 and b <= 12):
        return "dmy"
    if b > 12 and a <= 12:
        return "mdy"
    if separator == "." and a <= 12 and b <= 12:
        return "dmy"
    return None


def date_evidence(text: str) -> str | None:
    """What one value says about its column's order.

    "dmy" or "mdy" when it can only be read one way, "either" when it needs the order
    (03/04/2020), None when the order does not matter (year first, no year, 01/01/2020,
    dotted dates, not a date at all).
    """
    match = _YEAR_LAST.match(_clean(text))
    if not match:
        return None
    first, separator, second, _year = match.groups()
    a, b = int(first), int(second)
    if a == b or a > 31 or b > 31:
        return None
    if a > 12 and b <= 12:
        return "dmy"
    if b > 12 and a <= 12:
        return "mdy"
    if a > 12 and b > 12:
        return None
    return None if separator == "." else "either"


@dataclass
class DateColumn:
    """What a column's dates say about their day/month order."""

    column: str
    dmy: list[str] = field(default_factory=list)  # values only readable day first
    mdy: list[str] = field(default_factory=list)  # values only readable month first
    either: list[str] = field(default_factory=list)  # values readable both ways

    def add(self, value: str) -> None:
        kind = date_evidence(value)
        if kind is not None:
            examples = getattr(self, kind)
            if len(examples) < 3:  # a few examples are enough to name the problem
                examples.append(_clean(value))

    @property
    def order(self) -> str | None:
        """The order the column shows by itself, or None when it does not tell."""
        if self.dmy and not self.mdy:
            return "dmy"
        if self.mdy and not self.dmy:
            return "mdy"
        return None

    @property
    def ambiguous(self) -> bool:
        """Whether reading this column needs to be told the order."""
        return bool(self.dmy and self.mdy) or (self.order is None and bool(self.either))

    @property
    def settled(self) -> bool:
        """Whether more values cannot change the answer (it holds both orders already)."""
        return bool(self.dmy and self.mdy)

    def explain(self) -> str:
        if self.dmy and self.mdy:
            return messages.text(
                "date_column_mixed", column=self.column, dmy=self.dmy[0], mdy=self.mdy[0]
            )
        return messages.text(
            "date_column_either", column=self.column, examples=", ".join(self.either)
        )


def check_columns(columns: dict[str, Iterable[str]]) -> list[DateColumn]:
    """The ambiguous columns among `columns` (header → its values)."""
    result = []
    for header, values in columns.items():
        column = DateColumn(header)
        for value in values:
            column.add(value)
        if column.ambiguous:
            result.append(column)
    return result
