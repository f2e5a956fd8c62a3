"""Import batches: the list of past imports, and undoing one.

Every import is an `ImportBatch`. The customers it created carry its id; what it changed
on customers that were there before is noted field by field (`note_update`, an
`ImportUpdate` row: the value before and the value it wrote); a duplicate it merged is a
`CustomerMerge` carrying its id.

`undo_import` leaves nothing of an import: its merges are undone, the fields it changed
on existing customers get their old values back, and the customers it created are
deleted with everything they hold (not moved to the trash). It refuses, changing
nothing, when a customer the import created has been worked on since (edited, a
follow-up logged, merged …): it lists them. A field of an existing customer changed
again since the import keeps its new value; that customer is listed in the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import peewee

from desktop_crm.db import search_index
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import (
    ALL_MODELS,
    Address,
    ChangeLog,
    ContactPerson,
    Customer,
    CustomerMerge,
    CustomerTag,
    Email,
    ImportBatch,
    ImportUpdate,
    MessengerAccount,
    Phone,
    Tag,
    database,
    utcnow,
)
from desktop_crm.domain import history
from desktop_crm.domain.customers import (
    COLLECTIONS,
    SCALAR_FIELDS,
    CustomerRecord,
    _comparable,  # the history's terms: two values differ exactly when these do
    get_customer,
    update_customer,
)
from desktop_crm.domain.merge import MergeError, _to_json, unmerge
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, NotFoundError, ValidationError

# Rows an import writes for the customers it creates (anything else is later work).
_IMPORT_WRITES = {
    Phone,
    Email,
    MessengerAccount,
    Address,
    ContactPerson,
    CustomerTag,
    ChangeLog,
    ImportUpdate,
    CustomerMerge,
    Customer,
}


@dataclass(frozen=True)
class ImportInfo:
    """One import, as plain values."""

    id: int
    file_name: str
    file_format: str
    started_at: datetime
    finished_at: datetime | None
    created: int
    updated: int
    merged: int
    skipped: int
    rejected: int
    undone_at: datetime | None
    customers_now: int  # customers it created that are still live


@dataclass(frozen=True)
class EditedCustomer:
    """A customer touched since an import, and how."""

    id: int
    code: str
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code} {self.name} ({self.reason})"


class ImportUndoBlocked(CrmError):
    """An import cannot be undone: `customers` were worked on since. Nothing was changed."""

    def __init__(self, batch_id: int, customers: list[EditedCustomer]) -> None:
        self.batch_id = batch_id
        self.customers = customers
        shown = "; ".join(str(c) for c in customers[:10])
        more = text("and_more", count=len(customers) - 10) if len(customers) > 10 else ""
        super().__init__(
            text(
                "import_undo_blocked",
                value=batch_id,
                count=len(customers),
                shown=shown,
                more=more,
            )
        )


@dataclass
class UndoResult:
    batch_id: int
    deleted: int = 0  # customers the import created, now gone
    unmerged: int = 0  # duplicates it had merged, now apart again (and deleted)
    restored: list[str] = field(default_factory=list)  # codes of existing customers put back
    not_restored: list[EditedCustomer] = field(default_factory=list)  # changed again since


def list_imports() -> list[ImportInfo]:
    """Every import, newest first."""
    live = dict(
        Customer.select(Customer.import_batch, peewee.fn.COUNT(Customer.id))
        .where(Customer.import_batch.is_null(False) & Customer.deleted_at.is_null())
        .group_by(Customer.import_batch)
        .tuples()
    )
    return [
        ImportInfo(
            b.id,
            b.file_name,
            b.file_format,
            b.started_at,
            b.finished_at,
            b.created_count,
            b.updated_count,
            b.merged_count,
            b.skipped_count,
            b.rejected_count,
            b.undone_at,
            live.get(b.id, 0),
        )
        for b in ImportBatch.select().order_by(ImportBatch.id.desc())
    ]


# -------------------------------------------------------------- noting what changed


def _restorable(record: CustomerRecord, name: str) -> Any:
    """A field's value as `update_customer` takes it back (JSON-safe)."""
    value = getattr(record, name)
    if name in COLLECTIONS:
        return [asdict(entry) if not isinstance(entry, str) else entry for entry in value]
    return _to_json(value)


def note_update(batch_id: int, before: CustomerRecord, after: CustomerRecord) -> None:
    """Note the fields an import changed on a customer it did not create (inside the
    import's transaction): the value before, and the value written."""
    old, new = _comparable(before), _comparable(after)
    changed = {
        name: [_restorable(before, name), _to_json(new[name])]
        for name in (*SCALAR_FIELDS, *COLLECTIONS)
        if old[name] != new[name]
    }
    if not changed:
        return
    row = ImportUpdate.get_or_none(
        (ImportUpdate.batch == batch_id) & (ImportUpdate.customer == before.id)
    )
    if row is None:
        ImportUpdate.create(batch=batch_id, customer=before.id, fields=changed)
        return
    fields = dict(row.fields)
    for name, (was, now) in changed.items():
        fields[name] = [fields[name][0] if name in fields else was, now]
    ImportUpdate.update(fields=fields, updated_at=utcnow()).where(
        ImportUpdate.id == row.id
    ).execute()


# ------------------------------------------------------------------------- undoing


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _label(customer_id: int) -> tuple[str, str]:
    row = Customer.select(Customer.code, Customer.name).where(Customer.id == customer_id).tuples()
    return next(iter(row), ("?", "?"))


def _edited_since(batch: ImportBatch, created: list[int]) -> list[EditedCustomer]:
    """The customers this import created that were worked on after it finished."""
    finished = batch.finished_at or batch.started_at
    reasons: dict[int, str] = {}
    created_set = set(created)
    for chunk in _chunks(created):
        for kept, other in (
            CustomerMerge.select(CustomerMerge.kept, CustomerMerge.other)
            .where(
                (CustomerMerge.kept.in_(chunk) | CustomerMerge.other.in_(chunk))
                & ((CustomerMerge.import_batch != batch.id) | CustomerMerge.import_batch.is_null())
            )
            .tuples()
        ):
            for cid in (kept, other):
                if cid in created_set:
                    reasons.setdefault(cid, text("undo_merged_since"))
        for model in ALL_MODELS:
            if model in _IMPORT_WRITES:
                continue
            for fk in model._meta.refs:
                if fk.rel_model is Customer:
                    for (cid,) in model.select(fk).where(fk.in_(chunk)).distinct().tuples():
                        kind = text(f"records_{model._meta.table_name}")
                        reasons.setdefault(cid, text("undo_has_records", table=kind))
        for cid, referrer in (
            Customer.select(Customer.id, Customer.referred_by)
            .where(Customer.referred_by.in_(chunk))
            .tuples()
        ):
            if cid not in created_set:
                reasons.setdefault(referrer, text("undo_referred", code=_label(cid)[0]))
        for cid, action, name in (
            ChangeLog.select(ChangeLog.customer, ChangeLog.action, ChangeLog.field)
            .where(ChangeLog.customer.in_(chunk) & (ChangeLog.changed_at > finished))
            .tuples()
        ):
            reasons.setdefault(
                cid,
                text("undo_edited_field", field=name)
                if action == "update" and name
                else text("undo_action_since", action=action),
            )
        for cid, when in (
            Customer.select(Customer.id, Customer.updated_at)
            .where(Customer.id.in_(chunk) & (Customer.updated_at > finished))
            .tuples()
        ):
            reasons.setdefault(cid, text("undo_changed_at", when=f"{when:%Y-%m-%d %H:%M}"))
    for merge in CustomerMerge.select().where(
        (CustomerMerge.import_batch == batch.id) & CustomerMerge.undone_at.is_null()
    ):
        kept = Customer.get_by_id(merge.kept_id)
        if kept.deleted_at is not None:
            reasons.setdefault(kept.id, text("undo_merged_away"))
    return [EditedCustomer(cid, *_label(cid), reason) for cid, reason in sorted(reasons.items())]


def undo_import(batch_id: int, *, changed_by: str | None = None) -> UndoResult:
    """Undo an import: nothing of it remains (see the module's description).

    Raises `NotFoundError` for an unknown batch, `CrmError` for one undone already, and
    `ImportUndoBlocked` (listing them) when customers it created were worked on since —
    then nothing is changed.
    """
    with write_transaction():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None:
            raise NotFoundError(text("unknown_import", value=batch_id))
        if batch.undone_at is not None:
            raise CrmError(
                text(
                    "import_undone_already",
                    value=batch_id,
                    when=f"{batch.undone_at:%Y-%m-%d %H:%M}",
                )
            )
        created = [
            cid
            for (cid,) in Customer.select(Customer.id)
            .where(Customer.import_batch == batch_id)
            .tuples()
        ]
        blocked = _edited_since(batch, created)
        if blocked:
            raise ImportUndoBlocked(batch_id, blocked)
        result = UndoResult(batch_id)
        for merge in (
            CustomerMerge.select()
            .where((CustomerMerge.import_batch == batch_id) & CustomerMerge.undone_at.is_null())
            .order_by(CustomerMerge.id.desc())
        ):
            try:
                done = unmerge(merge.id, changed_by=changed_by)
            except MergeError as exc:  # checked above; kept as a clear message if it happens
                raise CrmError(f"cannot undo import {batch_id}: {exc}") from exc
            result.unmerged += 1
            if done.fields_changed_since:
                code, name = _label(done.kept_id)
                result.not_restored.append(
                    EditedCustomer(
                        done.kept_id,
                        code,
                        name,
                        text("undo_changed_fields", fields=", ".join(done.fields_changed_since)),
                    )
                )
        for change in ImportUpdate.select().where(ImportUpdate.batch == batch_id):
            _restore(change, result, changed_by)
        result.deleted = _delete_customers(created)
        _delete_unused_tags(batch)
        ImportBatch.update(undone_at=utcnow()).where(ImportBatch.id == batch_id).execute()
        result.deleted -= result.unmerged  # those are counted as unmerged
    return result


def _restore(change: ImportUpdate, result: UndoResult, changed_by: str | None) -> None:
    record = get_customer(change.customer_id)
    if record.deleted_at is not None:
        result.not_restored.append(
            EditedCustomer(record.id, record.code, record.name, text("undo_in_trash"))
        )
        return
    now = _comparable(record)
    back = {
        name: was
        for name, (was, wrote) in change.fields.items()
        if _to_json(now.get(name)) == wrote
    }
    later = sorted(set(change.fields) - set(back))
    if back:
        try:
            update_customer(record.id, back, changed_by=changed_by)
        except ValidationError as exc:
            result.not_restored.append(
                EditedCustomer(
                    record.id, record.code, record.name, text("undo_cannot_restore", reason=exc)
                )
            )
            return
        history.record(
            record.id, "update", [("import_undone", change.batch_id, None)], changed_by=changed_by
        )
        result.restored.append(record.code)
    if later:
        result.not_restored.append(
            EditedCustomer(
                record.id,
                record.code,
                record.name,
                text("undo_changed_fields", fields=", ".join(later)),
            )
        )


def _delete_customers(ids: list[int]) -> int:
    """Delete customers with everything they hold (the foreign keys cascade)."""
    deleted = 0
    for chunk in _chunks(ids):
        search_index.delete_documents(database.obj, chunk)
        # Referrals among the deleted customers themselves first (SET NULL is per row).
        Customer.update(referred_by=None).where(Customer.referred_by.in_(chunk)).execute()
        deleted += Customer.delete().where(Customer.id.in_(chunk)).execute()
    return deleted


def _delete_unused_tags(batch: ImportBatch) -> None:
    """Tags the import created that no customer has any more."""
    end = batch.finished_at or utcnow()
    unused = Tag.select(Tag.id).where(
        (Tag.created_at >= batch.started_at)
        & (Tag.created_at <= end)
        & ~peewee.fn.EXISTS(CustomerTag.select(CustomerTag.id).where(CustomerTag.tag == Tag.id))
    )
    ids = [tid for (tid,) in unused.tuples()]
    for chunk in _chunks(ids):
        Tag.delete().where(Tag.id.in_(chunk)).execute()


def customers_of(batch_id: int) -> Iterable[int]:
    """The ids of the customers an import created (also merged or trashed ones)."""
    return [
        cid
        for (cid,) in Customer.select(Customer.id).where(Customer.import_batch == batch_id).tuples()
    ]
