"""Merging two customers into one, and undoing a merge.

`merge_customers(keep_id, other_id, choices)` keeps everything both customers have: every
row that points at the other customer (follow-ups, orders, payments, complaints,
surveys, contact persons, phones, emails, messengers, addresses, tags, relations, the
customers it referred, its history) is re-pointed to the kept one — except a phone,
email, messenger, address or tag the kept customer already has, which stays with the
other. For each field both fill differently the caller picks whose value stays
(`merge_conflicts` lists them); an empty field of the kept customer is filled from the
other. The other customer is marked merged (`deleted_at` + `merged_into`), the merge is
written to both histories and recorded with what moved (`CustomerMerge`), so
`unmerge` can put every moved row back and restore the kept customer's fields — those
not changed again since.

Every table with a foreign key to `Customer` is found from the models, so a table added
later moves with the merge without a change here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import peewee

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import (
    ALL_MODELS,
    Address,
    Complaint,
    ContactPerson,
    Customer,
    CustomerMerge,
    CustomerRelation,
    CustomerTag,
    Email,
    FollowUp,
    ImportUpdate,
    MessengerAccount,
    Order,
    Phone,
    utcnow,
)
from desktop_crm.domain import history, orders
from desktop_crm.domain.customers import get_customer, reindex_customers, sort_key
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, NotFoundError, ValidationError

CHOICES = ("keep", "other")

# Fields chosen together: the first is the one shown and compared.
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "kind": ("kind",),
    "gender": ("gender",),
    "birthday": ("birthday", "birthday_has_year"),
    "lunar_birthday": ("lunar_birthday_month", "lunar_birthday_day", "lunar_birthday_leap"),
    **{
        name: (name,)
        for name in (
            "title",
            "company_name",
            "industry",
            "company_size",
            "website",
            "province",
            "city",
            "district",
            "source",
            "referred_by",
            "owner",
            "status",
        )
    },
    "stage": ("stage", "stage_override"),
    **{name: (name,) for name in ("grade", "stars")},
    "credit_rating": ("credit_rating", "credit_override"),
    **{
        name: (name,)
        for name in (
            "credit_limit",
            "relationship_level",
            "preferences",
            "family_notes",
            "social_notes",
            "notes",
            "exit_reason",
            "exit_notes",
            "external_id",
        )
    },
}
# Customer columns kept as foreign-key ids in the database and as codes/usernames in records.
_REFERENCES = {"owner": "owner_id", "referred_by": "referred_by_id"}
# Derived columns combined from both customers (restored on unmerge).
_SUMMARY_MIN = ("first_purchase_on", "next_followup_at")
_SUMMARY_MAX = ("last_purchase_on", "last_contact_at")
# Columns derived from orders and follow-ups (refreshed after a merge): their values
# before it are kept, and put back by unmerge.
_DERIVED = (*_SUMMARY_MIN, *_SUMMARY_MAX, "status", "stage", "credit_rating")

# Rows that are the same thing twice when both customers have them: (model, key columns).
_SAME_ITEM: dict[type[peewee.Model], tuple[str, ...]] = {
    Phone: ("digits",),
    Email: ("address",),
    MessengerAccount: ("service", "handle"),
    Address: ("province", "city", "district", "street"),
    CustomerTag: ("tag_id",),
}
# Foreign keys to Customer that a merge leaves alone: its own bookkeeping, and the
# customer table's own references (handled apart).
_NOT_MOVED = {
    (CustomerMerge, "kept"),
    (CustomerMerge, "other"),
    (ImportUpdate, "customer"),
    (Customer, "merged_into"),
    (Customer, "referred_by"),
}
_HAS_PRIMARY = (Phone, Email, Address, ContactPerson)


class MergeError(CrmError):
    """Two customers cannot be merged, or a merge cannot be undone; the message says why."""


@dataclass(frozen=True)
class FieldConflict:
    """A field both customers fill, differently: what each has (as the record shows it)."""

    field: str
    keep_value: Any
    other_value: Any


@dataclass
class MergeResult:
    merge_id: int
    kept_id: int
    other_id: int
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved
    fields: list[str] = field(default_factory=list)  # fields of the kept customer changed


@dataclass
class UnmergeResult:
    merge_id: int
    kept_id: int
    other_id: int
    restored: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved back
    missing: dict[str, int] = field(default_factory=dict)  # moved rows no longer there
    fields_changed_since: list[str] = field(default_factory=list)  # left as they are now


# ------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class RecordCounts:
    """How many records of each kind a customer has, all of which a merge keeps."""

    followups: int
    orders: int
    complaints: int
    contacts: int
    tags: int


def record_counts(customer_id: int) -> RecordCounts:
    """The customer's follow-ups, orders, complaints, contact persons and tags (not deleted)."""

    def count(model: type[peewee.Model]) -> int:
        query = model.select().where(model.customer == customer_id)
        if "deleted_at" in model._meta.fields:
            query = query.where(model.deleted_at.is_null())
        return query.count()

    return RecordCounts(
        count(FollowUp), count(Order), count(Complaint), count(ContactPerson), count(CustomerTag)
    )


def _is_empty(name: str, value: Any) -> bool:
    return value in (None, "") or (name == "stars" and value == 0)


def merge_conflicts(keep_id: int, other_id: int) -> list[FieldConflict]:
    """The fields both customers fill with different values: the caller picks one of each."""
    keep, other = get_customer(keep_id), get_customer(other_id)
    result = []
    for group, names in FIELD_GROUPS.items():
        mine = tuple(getattr(keep, n) for n in names)
        theirs = tuple(getattr(other, n) for n in names)
        if (
            mine != theirs
            and not _is_empty(names[0], mine[0])
            and not _is_empty(names[0], theirs[0])
        ):
            result.append(FieldConflict(group, mine[0], theirs[0]))
    return result


def _foreign_keys() -> list[tuple[type[peewee.Model], peewee.ForeignKeyField]]:
    """Every (model, foreign key) that points at Customer, but those a merge leaves alone."""
    found = []
    for model in ALL_MODELS:
        for fk in model._meta.refs:
            if fk.rel_model is Customer and (model, fk.name) not in _NOT_MOVED:
                found.append((model, fk))
    return found


def _key(model: type[peewee.Model], fk: peewee.ForeignKeyField) -> str:
    return f"{model._meta.table_name}.{fk.column_name}"


# ------------------------------------------------------------------------- merging


def _live(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        key = "merge_already_merged" if row.merged_into_id else "merge_in_trash"
        raise MergeError(text(key, customer=f"{row.code} {row.name}"))
    return row


def _clean_choices(choices: Mapping[str, str] | None) -> dict[str, str]:
    errors = {}
    clean = {}
    by_member = {n: g for g, names in FIELD_GROUPS.items() for n in names}
    for name, choice in (choices or {}).items():
        group = by_member.get(name)
        if group is None:
            errors[name] = text("merge_bad_field")
        elif choice not in CHOICES:
            errors[name] = text("bad_choice", choices=", ".join(CHOICES))
        else:
            clean[group] = choice
    if errors:
        raise ValidationError(errors)
    return clean


def _column(name: str) -> str:
    return _REFERENCES.get(name, name)


def _field(column: str) -> peewee.Field:
    return Customer._meta.columns.get(column) or Customer._meta.fields[column]


def merge_customers(
    keep_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
    *,
    changed_by: str | None = None,
    import_batch: int | None = None,
) -> MergeResult:
    """Merge customer `other_id` into `keep_id`; returns what moved and which fields changed.

    `choices` maps a field (see `FIELD_GROUPS`, e.g. "birthday") to "keep" or "other":
    whose value the merged customer has. Fields not named keep the kept customer's value,
    or take the other's when the kept one's is empty. Raises `MergeError` when either
    customer is in the trash or already merged, and `ValidationError` for a bad choice.
    """
    if keep_id == other_id:
        raise MergeError(text("merge_itself"))
    picked = _clean_choices(choices)
    with write_transaction():
        keep, other = _live(keep_id), _live(other_id)
        before = get_customer(keep_id)
        changes = _field_changes(keep, other, picked)
        moved, primary = _move_rows(keep_id, other_id)
        summary = {name: _to_json(getattr(keep, name)) for name in _DERIVED}
        updates = {_field(_column(n)): v for n, (_old, v) in changes.items()}
        for name in _SUMMARY_MIN + _SUMMARY_MAX:
            values = [v for v in (getattr(keep, name), getattr(other, name)) if v is not None]
            if values:
                updates[_field(name)] = min(values) if name in _SUMMARY_MIN else max(values)
        if "name" in changes:
            updates[Customer.sort_key] = sort_key(changes["name"][1])
        now = utcnow()
        Customer.update(
            {Customer.version: Customer.version + 1, Customer.updated_at: now, **updates}
        ).where(Customer.id == keep_id).execute()
        Customer.update(
            deleted_at=now, merged_into=keep_id, updated_at=now, version=Customer.version + 1
        ).where(Customer.id == other_id).execute()
        record = CustomerMerge.create(
            kept=keep_id,
            other=other_id,
            import_batch=import_batch,
            changed_by=changed_by,
            details={
                "moved": moved,
                "primary": primary,
                "summary": summary,
                "fields": {_column(n): [_to_json(o), _to_json(v)] for n, (o, v) in changes.items()},
            },
        )
        _refresh_order_summary(keep_id, changed_by)
        after = get_customer(keep_id)
        diffs = _diffs(before, after)
        history.record(
            keep_id,
            "merge",
            [("merged_from", None, f"{other.code} {other.name}"), *diffs],
            changed_by=changed_by,
        )
        history.record(
            other_id,
            "merge",
            [("merged_into", None, f"{keep.code} {keep.name}")],
            changed_by=changed_by,
        )
        reindex_customers([keep_id, other_id])
    return MergeResult(
        record.id,
        keep_id,
        other_id,
        {k: len(v) for k, v in moved.items() if v},
        [name for name, _old, _new in diffs],
    )


def _field_changes(
    keep: Customer, other: Customer, picked: Mapping[str, str]
) -> dict[str, tuple[Any, Any]]:
    """{field: (kept customer's value, merged value)} for the fields that change."""
    changes: dict[str, tuple[Any, Any]] = {}
    for group, names in FIELD_GROUPS.items():
        lead = names[0]
        mine = [getattr(keep, _column(n)) for n in names]
        theirs = [getattr(other, _column(n)) for n in names]
        choice = picked.get(group)
        if choice is None:
            if group == "status":  # a customer who bought is an existing customer
                choice = "other" if theirs[0] == "existing" else "keep"
            else:
                choice = (
                    "other"
                    if _is_empty(lead, mine[0]) and not _is_empty(lead, theirs[0])
                    else "keep"
                )
        if choice == "keep" or mine == theirs:
            continue
        if group == "referred_by" and theirs[0] == keep.id:
            continue  # the kept customer cannot have referred itself
        for name, old, new in zip(names, mine, theirs, strict=True):
            if old != new:
                changes[name] = (old, new)
    return changes


def _move_rows(keep_id: int, other_id: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Re-point the other customer's rows to the kept one; returns the ids moved per
    "table.column", and those whose primary flag was cleared."""
    moved: dict[str, list[int]] = {}
    primary: dict[str, list[int]] = {}
    for model, fk in _foreign_keys():
        query = model.select(model.id).where(fk == other_id)
        if model is CustomerRelation:  # a relation between the two stays as it was
            other_end = (
                CustomerRelation.to_customer
                if fk.name == "from_customer"
                else CustomerRelation.from_customer
            )
            query = query.where(other_end != keep_id)
        ids = (
            _new_items(model, keep_id, other_id)
            if model in _SAME_ITEM
            else [row_id for (row_id,) in query.tuples()]
        )
        if ids:
            if model in _HAS_PRIMARY and _keeps_primary(model, keep_id):
                cleared = []
                for chunk in _chunks(ids):
                    cleared += [
                        i
                        for (i,) in model.select(model.id)
                        .where(
                            model.id.in_(chunk) & (model.is_primary == True)  # noqa: E712 - SQL
                        )
                        .tuples()
                    ]
                if cleared:
                    model.update(is_primary=False).where(model.id.in_(cleared)).execute()
                    primary[_key(model, fk)] = cleared
            for chunk in _chunks(ids):
                model.update({fk: keep_id}).where(model.id.in_(chunk)).execute()
        moved[_key(model, fk)] = ids
    referred = [
        i
        for (i,) in Customer.select(Customer.id)
        .where((Customer.referred_by == other_id) & (Customer.id != keep_id))
        .tuples()
    ]
    if referred:
        Customer.update(referred_by=keep_id).where(Customer.id.in_(referred)).execute()
    moved["customer.referred_by_id"] = referred
    return moved, primary


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _new_items(model: type[peewee.Model], keep_id: int, other_id: int) -> list[int]:
    """The other customer's rows the kept one does not have already. A contact person's
    phones and emails always move with the contact person."""
    columns = _SAME_ITEM[model]
    has_contact = "contact" in model._meta.fields
    fields = [getattr(model, c) for c in columns]
    extra = [model.contact] if has_contact else []
    have: set[tuple[str, ...]] = set()
    for row in model.select(*fields, *extra).where(model.customer == keep_id).tuples():
        if not has_contact or row[-1] is None:
            have.add(_same(row[: len(columns)]))
    ids = []
    for row in (
        model.select(model.id, *fields, *extra)
        .where(model.customer == other_id)
        .order_by(model.id)
        .tuples()
    ):
        key = _same(row[1 : 1 + len(columns)])
        if has_contact and row[-1] is not None:
            ids.append(row[0])
        elif key not in have:
            have.add(key)
            ids.append(row[0])
    return ids


def _same(values: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(" ".join(str(v or "").split()).casefold() for v in values)


def _keeps_primary(model: type[peewee.Model], keep_id: int) -> bool:
    condition = (model.customer == keep_id) & (model.is_primary == True)  # noqa: E712 - SQL
    return model.select().where(condition).exists()


def _refresh_followup_summary(customer_id: int) -> None:
    """Last contact and next planned follow-up, from the follow-ups the customer has now."""
    live = (FollowUp.customer == customer_id) & FollowUp.deleted_at.is_null()
    last = (
        FollowUp.select(peewee.fn.MAX(FollowUp.occurred_at))
        .where(live & (FollowUp.status == "done"))
        .scalar()
    )
    upcoming = (
        FollowUp.select(peewee.fn.MIN(FollowUp.due_at))
        .where(live & (FollowUp.status == "planned"))
        .scalar()
    )
    Customer.update(last_contact_at=last, next_followup_at=upcoming).where(
        Customer.id == customer_id
    ).execute()


def _refresh_order_summary(customer_id: int, changed_by: str | None) -> None:
    """Purchase dates, status, credit rating and stage from the orders the customer has
    now (only for a customer with orders: others keep what was set by hand or imported)."""
    if Order.select().where(Order.customer == customer_id).exists():
        orders.refresh_customer(customer_id, changed_by=changed_by)


def _diffs(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for what the customer's record shows differently."""
    from desktop_crm.domain.customers import _comparable  # the history's own terms

    old, new = _comparable(before), _comparable(after)
    return [(name, old[name], new[name]) for name in old if old[name] != new[name]]


# ----------------------------------------------------------------------- values as JSON


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _from_json(column: str, value: Any) -> Any:
    if value is None:
        return None
    model_field = Customer._meta.columns.get(column) or Customer._meta.fields.get(column)
    if isinstance(model_field, peewee.DateTimeField):
        return datetime.fromisoformat(value)
    if isinstance(model_field, peewee.DateField):
        return date.fromisoformat(value)
    if isinstance(model_field, peewee.DecimalField):
        return Decimal(value)
    return value


# ----------------------------------------------------------------------- unmerging


def find_merge(
    *, merge_id: int | None = None, kept_id: int | None = None, other_id: int | None = None
) -> CustomerMerge:
    """The merge named by its id, or the latest (not undone) one of these customers."""
    if merge_id is not None:
        found = CustomerMerge.get_or_none(CustomerMerge.id == merge_id)
        if found is None:
            raise NotFoundError(text("unknown_merge", value=merge_id))
        return found
    if kept_id is None and other_id is None:
        raise MergeError(text("merge_not_named"))
    query = CustomerMerge.select().where(CustomerMerge.undone_at.is_null())
    if kept_id is not None:
        query = query.where(CustomerMerge.kept == kept_id)
    if other_id is not None:
        query = query.where(CustomerMerge.other == other_id)
    found = query.order_by(CustomerMerge.id.desc()).first()
    if found is None:
        raise NotFoundError(text("no_merge_to_undo"))
    return found


def unmerge(
    merge_id: int | None = None,
    *,
    kept_id: int | None = None,
    other_id: int | None = None,
    changed_by: str | None = None,
) -> UnmergeResult:
    """Undo a merge: the other customer is back, with every row that moved.

    Name the merge by `merge_id`, or by the customers (`kept_id` and/or `other_id`: their
    latest merge). Fields of the kept customer changed again since the merge keep their
    new value (listed in `fields_changed_since`); moved rows deleted since stay deleted
    (counted in `missing`). Raises `MergeError` when the merge was undone already or the
    kept customer has since been merged into another (undo that first).
    """
    with write_transaction():
        merge = find_merge(merge_id=merge_id, kept_id=kept_id, other_id=other_id)
        keep = Customer.get_by_id(merge.kept_id)
        other = Customer.get_by_id(merge.other_id)
        if merge.undone_at is not None:
            raise MergeError(text("unmerge_done_already", other=other.code, kept=keep.code))
        if keep.deleted_at is not None:
            kept = f"{keep.code} {keep.name}"
            if keep.merged_into_id:
                into = keep.merged_into
                raise MergeError(
                    text("unmerge_merged_again", kept=kept, into=f"{into.code} {into.name}")
                )
            raise MergeError(text("unmerge_kept_in_trash", kept=kept))
        result = UnmergeResult(merge.id, keep.id, other.id)
        before = get_customer(keep.id)
        details = merge.details
        by_key = {_key(model, fk): (model, fk) for model, fk in _foreign_keys()}
        for key, ids in details["moved"].items():
            if not ids:
                continue
            if key == "customer.referred_by_id":
                model, column = Customer, Customer.referred_by
            elif key in by_key:
                model, column = by_key[key]
            else:  # a table this version no longer has
                result.missing[key] = len(ids)
                continue
            back = 0
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                back += (
                    model.update({column: other.id})
                    .where(model.id.in_(chunk) & (column == keep.id))
                    .execute()
                )
            result.restored[key] = back
            if back < len(ids):
                result.missing[key] = len(ids) - back
        for key, ids in details.get("primary", {}).items():
            model = by_key[key][0] if key in by_key else None
            if model is not None:
                model.update(is_primary=True).where(
                    model.id.in_(ids) & (model.customer == other.id)
                ).execute()
        updates = {}
        for column, (old, new) in details["fields"].items():
            if _to_json(getattr(keep, column)) == new:
                updates[_field(column)] = _from_json(column, old)
            else:
                result.fields_changed_since.append(column.removesuffix("_id"))
        for column, old in details.get("summary", {}).items():
            if column not in result.fields_changed_since:
                updates[_field(column)] = _from_json(column, old)
        if Customer.name in updates:
            updates[Customer.sort_key] = sort_key(updates[Customer.name])
        now = utcnow()
        Customer.update(
            {Customer.version: Customer.version + 1, Customer.updated_at: now, **updates}
        ).where(Customer.id == keep.id).execute()
        Customer.update(
            deleted_at=None, merged_into=None, updated_at=now, version=Customer.version + 1
        ).where(Customer.id == other.id).execute()
        for customer_id in (keep.id, other.id):
            if FollowUp.select().where(FollowUp.customer == customer_id).exists():
                _refresh_followup_summary(customer_id)
            _refresh_order_summary(customer_id, changed_by)
        CustomerMerge.update(undone_at=now).where(CustomerMerge.id == merge.id).execute()
        diffs = _diffs(before, get_customer(keep.id))
        history.record(
            keep.id,
            "unmerge",
            [("merged_from", f"{other.code} {other.name}", None), *diffs],
            changed_by=changed_by,
        )
        history.record(
            other.id,
            "unmerge",
            [("merged_into", f"{keep.code} {keep.name}", None)],
            changed_by=changed_by,
        )
        reindex_customers([keep.id, other.id])
    return result


@dataclass(frozen=True)
class MergeInfo:
    """One merge, as plain values."""

    id: int
    kept_id: int
    kept_code: str
    other_id: int
    other_code: str
    merged_at: datetime
    changed_by: str | None
    import_batch: int | None


def merges_of(customer_id: int) -> list[MergeInfo]:
    """The merges (not undone) this customer took part in, newest first."""
    kept, other = Customer.alias(), Customer.alias()
    query = (
        CustomerMerge.select(
            CustomerMerge.id,
            CustomerMerge.kept.alias("kept_id"),
            kept.code.alias("kept_code"),
            CustomerMerge.other.alias("other_id"),
            other.code.alias("other_code"),
            CustomerMerge.merged_at,
            CustomerMerge.changed_by,
            CustomerMerge.import_batch.alias("batch"),
        )
        .join(kept, on=CustomerMerge.kept == kept.id)
        .switch(CustomerMerge)
        .join(other, on=CustomerMerge.other == other.id)
        .where(
            ((CustomerMerge.kept == customer_id) | (CustomerMerge.other == customer_id))
            & CustomerMerge.undone_at.is_null()
        )
        .order_by(CustomerMerge.id.desc())
    )
    return [
        MergeInfo(
            m["id"],
            m["kept_id"],
            m["kept_code"],
            m["other_id"],
            m["other_code"],
            m["merged_at"],
            m["changed_by"],
            m["batch"],
        )
        for m in query.dicts()
    ]
