"""What others changed lately: the customers, follow-ups and orders written since we last
looked, so every window of the office shows each other's work without restarting.

Each row carries `updated_at`, written by the client that changed it — and office
computers' clocks disagree. So a look is not "everything after the last time" but "every
row changed in the last few minutes", compared with what the previous look saw: a row
is reported when its (id, updated_at) is new. A clock up to `WINDOW` behind the others
still gets its changes seen. On PostgreSQL the server's row-level security limits the
look to what the user may see, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import peewee

from desktop_crm.db.models import Complaint, Customer, FollowUp, Order, Payment, Survey, utcnow

WINDOW = timedelta(minutes=10)
# (what changed, model): rows of these tables name the customer they belong to
_CHILDREN: tuple[tuple[str, type[peewee.Model]], ...] = (
    ("followups", FollowUp),
    ("orders", Order),
    ("orders", Payment),
    ("complaints", Complaint),
    ("complaints", Survey),
)


@dataclass
class Changes:
    """The customer ids whose record, follow-ups, orders or complaints changed.

    `list_changed`: a customer came or went (new, trashed, restored, merged away), so a
    list of customers needs reading again, not only its rows.
    """

    customers: set[int] = field(default_factory=set)
    list_changed: bool = False
    followups: set[int] = field(default_factory=set)
    orders: set[int] = field(default_factory=set)
    complaints: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.customers or self.followups or self.orders or self.complaints)


class ChangeWatcher:
    """Remembers what the last look saw; `look()` returns what is new since."""

    def __init__(self, window: timedelta = WINDOW) -> None:
        self.window = window
        self._seen: dict[str, set[tuple[int, int, datetime]]] | None = None

    def look(self, now: datetime | None = None) -> Changes:
        """The changes since the previous look (nothing on the first, which sets the start)."""
        since = (now or utcnow()) - self.window
        recent = {"customers": _recent(Customer, Customer.id, since)}
        for name, model in _CHILDREN:
            recent[name] = recent.get(name, set()) | _recent(model, model.customer, since)
        previous, self._seen = self._seen, recent
        changes = Changes()
        if previous is None:
            return changes
        for name, rows in recent.items():
            new = rows - previous.get(name, set())
            getattr(changes, name).update(cid for _row, cid, _at in new)
        if changes.customers:
            changes.list_changed = _came_or_went(changes.customers, since)
        return changes


def _came_or_went(customer_ids: set[int], since: datetime) -> bool:
    """Whether one of these customers is new since `since` or is now in the trash."""
    query = Customer.select(Customer.id).where(
        Customer.id.in_(list(customer_ids)),
        (Customer.created_at > since) | Customer.deleted_at.is_null(False),
    )
    return query.exists()


def _recent(
    model: type[peewee.Model], customer: peewee.Field, since: datetime
) -> set[tuple[int, int, datetime]]:
    """(row id, customer id, updated_at) of the rows of `model` changed after `since`."""
    query = model.select(model.id, customer, model.updated_at).where(model.updated_at > since)
    return set(query.tuples())
