"""The change log: who changed which field of which customer, when, from what to what."""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from desktop_crm.db.models import ChangeLog, utcnow


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime  # UTC
    changed_by: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    entity: str = "customer"  # "followup" for a follow-up of this customer
    replica: str | None = None  # the replica it was made on ("wang@laptop"); None: the office


def default_actor() -> str:
    """Who is making changes when no user is named: the operating-system account."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "unknown"


def as_text(value: object) -> str | None:
    """How a value is written in the history."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):  # stored UTC: ISO 8601 with Z, shown in local time
        return value.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def record(
    customer_id: int,
    action: str,
    changes: Iterable[tuple[str | None, object, object]] = ((None, None, None),),
    *,
    changed_by: str | None = None,
    entity: str = "customer",
    entity_id: int | None = None,
) -> None:
    """Write one history row per (field, old, new); call inside the action's transaction."""
    actor = changed_by or default_actor()
    now = utcnow()
    rows = [
        {
            "customer": customer_id,
            "entity": entity,
            "entity_id": entity_id if entity_id is not None else customer_id,
            "action": action,
            "field": field,
            "old_value": as_text(old),
            "new_value": as_text(new),
            "changed_by": actor,
            "changed_at": now,
        }
        for field, old, new in changes
    ]
    if rows:
        ChangeLog.insert_many(rows).execute()


@dataclass(frozen=True)
class Save:
    """One action on a customer as the history holds it: who, when, which fields."""

    changed_at: datetime
    changed_by: str | None
    action: str
    fields: tuple[str, ...]


def recent_saves(customer_id: int, count: int) -> list[Save]:
    """The last `count` actions on the customer record itself, newest first."""
    rows = (
        ChangeLog.select(
            ChangeLog.changed_at, ChangeLog.changed_by, ChangeLog.action, ChangeLog.field
        )
        .where(ChangeLog.customer == customer_id, ChangeLog.entity == "customer")
        .order_by(ChangeLog.changed_at.desc(), ChangeLog.id.desc())
        .limit(200)
        .tuples()
    )
    saves: list[Save] = []
    for changed_at, changed_by, action, field in rows:
        last = saves[-1] if saves else None
        if last and (last.changed_at, last.changed_by, last.action) == (
            changed_at,
            changed_by,
            action,
        ):
            if field and field not in last.fields:
                saves[-1] = Save(changed_at, changed_by, action, (*last.fields, field))
            continue
        if len(saves) == count:
            break
        saves.append(Save(changed_at, changed_by, action, (field,) if field else ()))
    return saves


def customer_history(customer_id: int) -> list[HistoryEntry]:
    """The customer's change log, newest first."""
    query = (
        ChangeLog.select()
        .where(ChangeLog.customer == customer_id)
        .order_by(ChangeLog.changed_at.desc(), ChangeLog.id.desc())
    )
    return [
        HistoryEntry(
            r.changed_at,
            r.changed_by,
            r.action,
            r.field,
            r.old_value,
            r.new_value,
            r.entity,
            r.replica,
        )
        for r in query
    ]
