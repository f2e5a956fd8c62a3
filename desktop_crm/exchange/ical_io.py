"""iCalendar (.ics) files of planned follow-ups, for Outlook, Apple and Google calendars.

One VEVENT per planned follow-up: UID (the follow-up's uuid, stable, so importing the
file again updates the calendar's events instead of doubling them), DTSTART in UTC,
a short DURATION, SUMMARY (subject and customer name) and DESCRIPTION (what to talk
about, who, how to reach them). Built with `icalendar`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PRODID = "-//Desktop CRM//Follow-ups//EN"
UID_DOMAIN = "desktop-crm"
DEFAULT_DURATION = timedelta(minutes=30)


@dataclass(frozen=True)
class PlannedEvent:
    """One planned follow-up as plain values; `start` is naive UTC (as stored)."""

    uid: str
    start: datetime
    summary: str
    description: str = ""
    updated: datetime | None = None
    categories: tuple[str, ...] = ()


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def calendar_bytes(events: Iterable[PlannedEvent], *, name: str = "Desktop CRM") -> bytes:
    """The .ics file for these events (CRLF lines, folded, UTF-8)."""
    from icalendar import Calendar, Event  # late: only calendar export needs it

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", _utc(item.start).replace(microsecond=0))
        event.add("duration", DEFAULT_DURATION)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.updated is not None:
            event.add("last-modified", _utc(item.updated).replace(microsecond=0))
        if item.categories:
            event.add("categories", list(item.categories))
        calendar.add_component(event)
    return calendar.to_ical()
