"""Reminders (M4): which planned follow-ups the user has not been told about yet.

A plan is *due for a reminder* once its time has come (``due_at <= now``) and nobody
has reminded the user of it (``reminded_at`` is null). The app asks at start-up and then
every minute, so plans that fell due while it was closed are caught up on the first
check. Rescheduling a plan clears ``reminded_at`` (see `followups.reschedule_followup`),
so the new time is reminded again. A reminder is shown to the user only: it never goes
to the customer, and needs no server, cron or mail.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Customer, FollowUp, utcnow
from desktop_crm.domain import followups
from desktop_crm.domain.followups import FollowUpItem

# SQLite builds before 3.32 allow 999 variables per statement.
_CHUNK = 500


def _stored(now: datetime | None) -> datetime:
    """`now` as stored (naive UTC): aware as given, naive as local time, None → the clock.

    The same convention as the `now` of `followups.due_followups`.
    """
    if now is None:
        return utcnow()
    return now.astimezone(UTC).replace(tzinfo=None)


def due_reminders(now: datetime | None = None) -> list[FollowUpItem]:
    """Planned follow-ups whose time has come and that were not reminded yet, soonest first.

    Only plans of customers outside the trash. `now` is aware, or naive local time
    (default: the clock). Includes every plan that fell due while the app was closed.
    """
    # The follow-up module's item query gives the plain-data rows with customer and owner.
    query = (
        followups.item_query()
        .where(
            (FollowUp.status == "planned")
            & FollowUp.reminded_at.is_null()
            & (FollowUp.due_at <= _stored(now))
            & Customer.deleted_at.is_null()
        )
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    return followups.items_of(query)


def mark_reminded(ids: Iterable[int], now: datetime | None = None) -> int:
    """Note that the user was reminded of the follow-ups `ids` (at `now`); returns how many.

    Only planned follow-ups not reminded yet are touched, so marking twice keeps the
    first time. Derived bookkeeping: no history line, no version bump.
    """
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return 0
    at = _stored(now)
    changed = 0
    with write_transaction():
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            changed += (
                FollowUp.update(reminded_at=at)
                .where(
                    FollowUp.id.in_(chunk)
                    & (FollowUp.status == "planned")
                    & FollowUp.reminded_at.is_null()
                )
                .execute()
            )
    return changed
