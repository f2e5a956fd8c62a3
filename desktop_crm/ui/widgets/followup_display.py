"""Showing follow-ups: stored UTC ↔ local time, and the icon of each channel."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import cache

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from desktop_crm.errors import CrmError
from desktop_crm.paths import resource_path
from desktop_crm.ui.tasks import show_error

log = logging.getLogger(__name__)

TIME_FORMAT = "%Y-%m-%d %H:%M"


def to_local(stored: datetime) -> datetime:
    """A stored time (naive UTC) as the user's local time (aware)."""
    return stored.replace(tzinfo=UTC).astimezone()


def local_text(stored: datetime | None) -> str:
    """A stored time (naive UTC) as local "yyyy-mm-dd hh:mm"; "" for None."""
    return to_local(stored).strftime(TIME_FORMAT) if stored is not None else ""


def to_qdatetime(stored: datetime) -> QDateTime:
    """A stored time (naive UTC) for a QDateTimeEdit, which shows local time."""
    return QDateTime(to_local(stored).replace(tzinfo=None))


def from_qdatetime(value: QDateTime) -> datetime:
    """What a QDateTimeEdit shows (local time) as an aware datetime for the domain."""
    return value.toPython().astimezone()


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons (empty when the file is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def channel_icon(channel: str) -> QIcon:
    return icon(channel if resource_path("icons", f"{channel}.svg").exists() else "other")


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a failed action to the user; a bug (not a CrmError) also goes to the log."""
    if not isinstance(exc, CrmError):
        log.error("follow-up action failed", exc_info=exc)
    show_error(parent, exc)
