"""Change one field of many customers in one step, and take that step back.

A bulk edit is one transaction: every customer's history records the change, and the
returned `BulkChange` holds each customer's old value so the step can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_crm.db.connection import write_transaction
from desktop_crm.domain import customers

BULK_FIELDS = ("owner", "grade", "relationship_level", "stage", "status", "add_tag", "remove_tag")


@dataclass
class BulkChange:
    """What a bulk edit did: the field and, per customer, the value it replaced."""

    field: str
    value: Any
    old_values: dict[int, Any] = field(default_factory=dict)


def _target(field_name: str) -> str:
    return "tags" if field_name in ("add_tag", "remove_tag") else field_name


def bulk_update(
    customer_ids: Iterable[int],
    field_name: str,
    value: Any,
    *,
    changed_by: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BulkChange:
    """Set `field_name` to `value` (or add/remove a tag) on every customer, in one transaction.

    Customers in the trash are left alone. Raises `ValidationError` (nothing changed)
    when the value breaks the field's rule.
    """
    if field_name not in BULK_FIELDS:
        raise ValueError(f"not a bulk-editable field: {field_name}")
    ids = list(customer_ids)
    change = BulkChange(field_name, value)
    target = _target(field_name)
    with write_transaction():
        for done, cid in enumerate(ids, 1):
            record = customers.get_customer(cid)
            if record.deleted_at is None:
                old = getattr(record, target)
                if field_name == "add_tag":
                    new = old if value in old else [*old, value]
                elif field_name == "remove_tag":
                    new = [t for t in old if t != value]
                else:
                    new = value
                if new != old:
                    customers.update_customer(cid, {target: new}, changed_by=changed_by)
                    change.old_values[cid] = old
            if progress and (done % 200 == 0 or done == len(ids)):
                progress(done, len(ids))
    return change


def undo_bulk_update(change: BulkChange, *, changed_by: str | None = None) -> None:
    """Put back the values a bulk edit replaced."""
    target = _target(change.field)
    with write_transaction():
        for cid, old in change.old_values.items():
            if customers.get_customer(cid).deleted_at is None:
                customers.update_customer(cid, {target: old}, changed_by=changed_by)
