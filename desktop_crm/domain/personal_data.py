"""One person's data: everything held about them, exported; and erased on request.

`personal_data(customer_id)` gathers every record about one customer as plain JSON-able
data: the profile, contact persons, phones, emails, messenger accounts, addresses, tags,
relations, follow-ups (done and planned), orders with their shipments and payments,
complaints, surveys, ticked strategy steps, the change history (who, when, field,
old → new), the merges they took part in, what imports changed on them, and the
duplicates merged into them (the same person, kept for an unmerge).

`erase_personal_data(customer_id, by)` removes it everywhere, in one write transaction:

- the customer row (and each duplicate merged into it) stays as an **anonymous shell**,
  named "已删除的客户 / Erased customer #N" after the erasure record, with every personal
  field emptied, `deleted_at` and `erased_at` set: it is in neither the list nor the
  trash and cannot be restored, but its orders still count in the revenue;
- contact persons, phones, emails, messenger accounts, addresses, tags, relations,
  strategy steps, import undo data and planned follow-ups are deleted;
- done follow-ups, orders, shipments, payments, complaints and surveys stay for the
  statistics with their free text emptied (no contact, no subject, no notes …);
- the history keeps who did what when, without the values; merge records keep their
  dates without the rows and fields they stored;
- then every other text column of every table (other customers' notes and history
  that mention the person, saved searches, a replica's sync bases and conflicts …) has
  the person's names, phone numbers (as typed, as digits, as E.164), email addresses,
  messenger handles and streets replaced by "[已删除]"; the search index loses the
  person's documents, and those of any customer that mentioned them are rebuilt;
- an `Erasure` row records when, by whom, the customer's uuid and code and how many
  rows went — never a name.

It cannot be undone. Backups taken before still hold the person's data.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import peewee

from desktop_crm import __version__
from desktop_crm.db import search_index, sync_tracking
from desktop_crm.db.connection import display_target, write_transaction
from desktop_crm.db.models import (
    ALL_MODELS,
    Address,
    ChangeLog,
    Complaint,
    ContactPerson,
    Customer,
    CustomerMerge,
    CustomerRelation,
    CustomerTag,
    Email,
    Erasure,
    FollowUp,
    ImportBatch,
    ImportUpdate,
    MessengerAccount,
    Order,
    Payment,
    Phone,
    Shipment,
    StrategyStep,
    Survey,
    Tag,
    User,
    database_of,
    utcnow,
)
from desktop_crm.domain import history
from desktop_crm.domain.customers import customer_id_for_code, reindex_customers, sort_key
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, NotFoundError

FORMAT = "desktop-crm-personal-data"
FORMAT_VERSION = 1
MARK = "[已删除]"  # what a mention of the person becomes in other records
SHELL_NAME = "已删除的客户 / Erased customer #{number}"

# Customer columns that are the person's (emptied on erasure); the rest describe the
# business with them (kind, status, stage, grade, owner, purchase dates …) and stay.
PERSONAL_COLUMNS = (
    "gender",
    "birthday",
    "lunar_birthday_month",
    "lunar_birthday_day",
    "title",
    "company_name",
    "industry",
    "company_size",
    "website",
    "province",
    "city",
    "district",
    "referred_by",
    "preferences",
    "family_notes",
    "social_notes",
    "notes",
    "exit_reason",
    "exit_notes",
    "external_id",
    "import_batch",
    "last_contact_at",
    "next_followup_at",
)
# Free text of the records that stay (emptied); `Complaint.description` may not be NULL.
_FREE_TEXT: dict[type[peewee.Model], dict[str, Any]] = {
    FollowUp: {"subject": None, "content": None, "outcome": None, "contact": None},
    Order: {"notes": None},
    Shipment: {"tracking_no": None, "notes": None},
    Payment: {"reference": None, "notes": None},
    Complaint: {"description": "", "resolution": None},
    Survey: {"comments": None},
}
# Columns that hold another record's own identity (another person's name or number,
# a user's name, a shared tag): a person who happens to share them keeps them.
_NOT_SWEPT = {
    (Customer, "code"),
    (Customer, "name"),
    (Customer, "sort_key"),
    (ContactPerson, "name"),
    (Phone, "number"),
    (Phone, "e164"),
    (Phone, "digits"),
    (Email, "address"),
    (MessengerAccount, "handle"),
    (Address, "street"),
    (Tag, "name"),
    (ChangeLog, "changed_by"),
    (CustomerMerge, "changed_by"),
    (StrategyStep, "done_by"),
    (Erasure, "erased_by"),
    (Erasure, "customer_uuid"),
    (Erasure, "customer_code"),
}
# A replica's own tables that hold rows as JSON (see db.sync_tracking).
_REPLICA_TEXT = {
    "sync_pending": ("base", "offered"),
    "sync_conflict": ("local", "remote", "reason"),
}
_MIN_NAME = 2  # a one-character "name" would wipe that character everywhere
_MIN_DIGITS = 6


class ErasureError(CrmError):
    """A person's data cannot be erased (already erased, merged into another …)."""


@dataclass
class ErasureResult:
    """What an erasure did: the record it left, and how many rows of each kind went."""

    erasure_id: int
    customer_id: int
    code: str
    shell_name: str
    counts: dict[str, int] = field(default_factory=dict)


# ------------------------------------------------------------------------- finding


def resolve_customer(reference: str | int) -> int:
    """The id of the customer named by its id (digits) or code (C000123), also in the
    trash; `NotFoundError` when there is none."""
    if isinstance(reference, int):
        found = Customer.get_or_none(Customer.id == reference)
    elif reference.strip().isdigit():
        found = Customer.get_or_none(Customer.id == int(reference.strip()))
    else:
        found = Customer.get_or_none(Customer.id == customer_id_for_code(reference))
    if found is None:
        raise NotFoundError(text("unknown_customer", value=reference))
    return found.id


def _person(customer_id: int) -> tuple[Customer, list[int]]:
    """The customer, and the ids of every record of the person: it and the duplicates
    merged into it (and into those)."""
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.erased_at is not None:
        raise ErasureError(text("erased_customer", value=row.code))
    if row.merged_into_id is not None:
        into = Customer.get_by_id(row.merged_into_id)
        raise ErasureError(text("erase_merged", value=row.code, into=into.code))
    ids, frontier = [row.id], [row.id]
    while frontier:
        frontier = [
            cid
            for (cid,) in Customer.select(Customer.id)
            .where(Customer.merged_into.in_(frontier) & Customer.id.not_in(ids))
            .tuples()
        ]
        ids += frontier
    return row, ids


# ------------------------------------------------------------------------ exporting


def _plain(value: Any) -> Any:
    """A column value as JSON: dates ISO, money as text, uuids as text."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, UUID):
        return str(value)
    return value


def _row(row: peewee.Model, *, leave: Iterable[str] = ()) -> dict[str, Any]:
    """Every column of a row, references as the id they hold (users as their username)."""
    skip = {"id", *leave}
    result: dict[str, Any] = {}
    for f in type(row)._meta.sorted_fields:
        if f.name in skip:
            continue
        value = row.__data__.get(f.name)
        if isinstance(f, peewee.ForeignKeyField) and f.rel_model is User:
            user = User.get_or_none(User.id == value) if value is not None else None
            result[f.name] = user.username if user else None
        elif isinstance(f, peewee.ForeignKeyField):
            result[f.column_name] = value
        elif isinstance(f, peewee.DecimalField) and value is not None:
            # The same on both backends: SQLite hands back 880 for 880.00.
            result[f.name] = str(Decimal(value).quantize(Decimal(1).scaleb(-f.decimal_places)))
        else:
            result[f.name] = _plain(value)
    return result


def _rows(model: type[peewee.Model], condition: Any, **kwargs: Any) -> list[dict[str, Any]]:
    return [_row(r, **kwargs) for r in model.select().where(condition).order_by(model.id)]


def _customer_data(customer_id: int) -> dict[str, Any]:
    """Everything held about one customer record (without its merged duplicates)."""
    row = Customer.get_by_id(customer_id)
    profile = _row(row, leave=("sort_key",))
    profile["id"] = row.id
    if row.referred_by_id:
        profile["referred_by_code"] = Customer.get_by_id(row.referred_by_id).code
    contacts = []
    for contact in ContactPerson.select().where(ContactPerson.customer == customer_id):
        entry = _row(contact, leave=("customer",))
        entry["id"] = contact.id
        entry["phones"] = _rows(Phone, Phone.contact == contact.id, leave=("customer", "contact"))
        entry["emails"] = _rows(Email, Email.contact == contact.id, leave=("customer", "contact"))
        entry["messengers"] = _rows(
            MessengerAccount,
            MessengerAccount.contact == contact.id,
            leave=("customer", "contact"),
        )
        contacts.append(entry)
    orders = []
    for order in Order.select().where(Order.customer == customer_id).order_by(Order.id):
        entry = _row(order, leave=("customer",))
        entry["shipments"] = _rows(Shipment, Shipment.order == order.id, leave=("order",))
        entry["payments"] = _rows(Payment, Payment.order == order.id, leave=("customer",))
        orders.append(entry)
    relations = []
    for rel in CustomerRelation.select().where(
        (CustomerRelation.from_customer == customer_id)
        | (CustomerRelation.to_customer == customer_id)
    ):
        other_id = (
            rel.to_customer_id if rel.from_customer_id == customer_id else rel.from_customer_id
        )
        other = Customer.get_by_id(other_id)
        relations.append(
            {
                "kind": rel.kind,
                "direction": "to" if rel.from_customer_id == customer_id else "from",
                "other_code": other.code,
                "other_name": other.name,
                "notes": rel.notes,
                "created_at": _plain(rel.created_at),
            }
        )
    return {
        "profile": profile,
        "phones": _rows(
            Phone, (Phone.customer == customer_id) & Phone.contact.is_null(), leave=("customer",)
        ),
        "emails": _rows(
            Email, (Email.customer == customer_id) & Email.contact.is_null(), leave=("customer",)
        ),
        "messengers": _rows(
            MessengerAccount,
            (MessengerAccount.customer == customer_id) & MessengerAccount.contact.is_null(),
            leave=("customer",),
        ),
        "addresses": _rows(Address, Address.customer == customer_id, leave=("customer",)),
        "contacts": contacts,
        "tags": [
            name
            for (name,) in Tag.select(Tag.name)
            .join(CustomerTag)
            .where(CustomerTag.customer == customer_id)
            .order_by(CustomerTag.id)
            .tuples()
        ],
        "relations": relations,
        "followups": _rows(FollowUp, FollowUp.customer == customer_id, leave=("customer",)),
        "orders": orders,
        "payments_without_order": _rows(
            Payment,
            (Payment.customer == customer_id) & Payment.order.is_null(),
            leave=("customer",),
        ),
        "complaints": _rows(Complaint, Complaint.customer == customer_id, leave=("customer",)),
        "surveys": _rows(Survey, Survey.customer == customer_id, leave=("customer",)),
        "strategy_steps": _rows(
            StrategyStep, StrategyStep.customer == customer_id, leave=("customer",)
        ),
        "history": [
            {
                "changed_at": _plain(h.changed_at),
                "changed_by": h.changed_by,
                "action": h.action,
                "entity": h.entity,
                "field": h.field,
                "old_value": h.old_value,
                "new_value": h.new_value,
                "replica": h.replica,
            }
            for h in reversed(history.customer_history(customer_id))
        ],
        "merges": [
            {
                "merged_at": _plain(m.merged_at),
                "changed_by": m.changed_by,
                "kept": Customer.get_by_id(m.kept_id).code,
                "other": Customer.get_by_id(m.other_id).code,
                "undone_at": _plain(m.undone_at),
                "details": m.details,
            }
            for m in CustomerMerge.select()
            .where((CustomerMerge.kept == customer_id) | (CustomerMerge.other == customer_id))
            .order_by(CustomerMerge.id)
        ],
        "import_changes": [
            {
                "import": ImportBatch.get_by_id(u.batch_id).file_name,
                "imported_at": _plain(ImportBatch.get_by_id(u.batch_id).started_at),
                "fields": u.fields,
            }
            for u in ImportUpdate.select()
            .where(ImportUpdate.customer == customer_id)
            .order_by(ImportUpdate.id)
        ],
    }


def personal_data(customer_id: int) -> dict[str, Any]:
    """Everything held about one person as plain JSON-able data.

    The customer's own records, and under ``merged_records`` each duplicate that was
    merged into it (the same person; kept so the merge can be undone).
    """
    row, ids = _person(customer_id)
    data = _customer_data(row.id)
    data["merged_records"] = [_customer_data(cid) for cid in ids[1:]]
    return data


def _database_shown() -> str:
    db = database_of(Customer)
    return display_target(getattr(db, "target", None) or str(db.database))


def export_document(customer_id: int, *, now: datetime | None = None) -> dict[str, Any]:
    """The export as written to JSON: a header (app, version, when, database) and the data."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app": "Desktop CRM",
        "app_version": __version__,
        "exported_at": _plain(now or utcnow()),
        "database": _database_shown(),
        "person": personal_data(customer_id),
    }


def write_personal_data_json(customer_id: int, path: str | os.PathLike[str]) -> Path:
    """Write everything held about the person to `path` as UTF-8 JSON (indented, Hanzi
    readable); the file appears whole or not at all."""
    document = export_document(customer_id)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=".personal-", suffix=".json", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


# ------------------------------------------------------------------------- erasing


def _needles(ids: list[int]) -> list[str]:
    """What identifies the person in text: names, numbers, addresses, handles, streets."""
    found: set[str] = set()
    mine = Customer.id.in_(ids)
    for (name,) in Customer.select(Customer.name).where(mine).tuples():
        found.add(name)
    for (name,) in (
        ContactPerson.select(ContactPerson.name).where(ContactPerson.customer.in_(ids)).tuples()
    ):
        found.add(name)
    for number, e164, digits in (
        Phone.select(Phone.number, Phone.e164, Phone.digits).where(Phone.customer.in_(ids)).tuples()
    ):
        typed_digits = re.sub(r"\D", "", number or "")
        for value in (number, e164, (e164 or "").lstrip("+"), digits, typed_digits):
            if value and len(re.sub(r"\D", "", value)) >= _MIN_DIGITS:
                found.add(value)
    for (address,) in Email.select(Email.address).where(Email.customer.in_(ids)).tuples():
        found.add(address)
    for (handle,) in (
        MessengerAccount.select(MessengerAccount.handle)
        .where(MessengerAccount.customer.in_(ids))
        .tuples()
    ):
        found.add(handle)
    for (street,) in Address.select(Address.street).where(Address.customer.in_(ids)).tuples():
        if street and len(street) >= 4:
            found.add(street)
    kept = {n.strip() for n in found if n and len(n.strip()) >= _MIN_NAME}
    # Longest first: "13800138000" goes before its "+8613800138000" form is half-replaced.
    return sorted(kept, key=len, reverse=True)


def _text_columns(db: peewee.Database) -> list[tuple[str, str]]:
    """(table, column) of every text column of the app's tables a mention of the person
    could be in."""
    columns = []
    for model in ALL_MODELS:
        if model is User:  # the app's users, not customers (and read-only in office mode)
            continue
        for f in model._meta.sorted_fields:
            if (model, f.name) in _NOT_SWEPT or isinstance(f, peewee.ForeignKeyField):
                continue
            if isinstance(f, peewee.TextField) or (
                isinstance(f, peewee.CharField) and (f.max_length or 255) >= 40
            ):
                columns.append((model._meta.table_name, f.column_name))
    return columns


def _replica_columns(db: peewee.Database) -> list[tuple[str, str]]:
    """A replica's own text columns (sync bases and conflicts), none elsewhere."""
    if not sync_tracking.is_replica(db):
        return []
    return [(table, name) for table, names in _REPLICA_TEXT.items() for name in names]


def _contains(db: peewee.Database, column: str) -> str:
    mark = db.param
    if isinstance(db, peewee.SqliteDatabase):
        return f'instr("{column}", {mark}) > 0'
    return f'strpos("{column}", {mark}) > 0'


def _sweep(db: peewee.Database, needles: list[str], columns: list[tuple[str, str]]) -> int:
    """Replace each needle in these text columns; returns how many values changed."""
    if not needles:
        return 0
    changed = 0
    mark = db.param
    for table, column in columns:
        replaced = f'"{column}"'
        for _ in needles:
            replaced = f"REPLACE({replaced}, {mark}, {mark})"
        where = " OR ".join(_contains(db, column) for _ in needles)
        params: list[Any] = []
        for needle in needles:
            params += [needle, MARK]
        params += needles
        cursor = db.execute_sql(
            f'UPDATE "{table}" SET "{column}" = {replaced} WHERE {where}', params
        )
        changed += max(cursor.rowcount or 0, 0)
    return changed


def _mentioning(db: peewee.Database, needles: list[str], ids: list[int]) -> list[int]:
    """Other customers whose search document holds one of the needles."""
    if not needles:
        return []
    forms = sorted({form for n in needles for form in (n, search_index.spaced(n).strip())})
    forms = [" ".join(f.split()) for f in forms]
    key = "rowid" if isinstance(db, peewee.SqliteDatabase) else "customer_id"
    where = " OR ".join(_contains(db, "doc") for _ in forms)
    found = {
        cid
        for (cid,) in db.execute_sql(
            f"SELECT {key} FROM {search_index.TABLE} WHERE {where}", forms
        ).fetchall()
    }
    return sorted(found - set(ids))


def _require_full_access(db: peewee.Database) -> None:
    """In office mode only an administrator sees every row that may mention the person."""
    if isinstance(db, peewee.SqliteDatabase):
        return
    (installed,) = db.execute_sql(
        "SELECT to_regprocedure('crm_sees_all(name)') IS NOT NULL"
    ).fetchone()
    if not installed:
        return
    (limited,) = db.execute_sql(
        'SELECT EXISTS (SELECT 1 FROM "user" WHERE username = current_user) AND NOT crm_sees_all()'
    ).fetchone()
    if limited:
        raise ErasureError(text("erase_needs_admin"))


def _delete(counts: dict[str, int], model: type[peewee.Model], condition: Any) -> None:
    gone = model.delete().where(condition).execute()
    if gone:
        counts[model._meta.table_name] = counts.get(model._meta.table_name, 0) + gone


def _forget_replica_bases(db: peewee.Database, needles: list[str], uuids: list[str]) -> None:
    """A replica: the bases of rows that held the person (noted by the triggers as the rows
    were last synced) are dropped; the next sync makes the office's copy like this one
    (see `sync.ERASED`). Conflicts about the person's rows go."""
    if not sync_tracking.is_replica(db):
        return
    where = " OR ".join("instr(base, ?) > 0" for _ in needles) or "0"
    db.execute_sql(
        f"UPDATE sync_pending SET base = NULL, base_kind = 'erased' "
        f"WHERE base IS NOT NULL AND ({where})",
        needles,
    )
    hexes = [UUID(u).hex for u in uuids]
    marks = ", ".join("?" for _ in hexes)
    db.execute_sql(
        f"DELETE FROM sync_conflict WHERE replace(customer_uuid, '-', '') IN ({marks})", hexes
    )


def _purge_deleted_index_text(db: peewee.Database) -> None:
    """SQLite: deleted documents' words linger in FTS5's segments until they are merged;
    'optimize' merges them all, so no token of the person is left in the index's pages."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(
            f"INSERT INTO {search_index.TABLE}({search_index.TABLE}) VALUES ('optimize')"
        )


def erase_personal_data(customer_id: int, by: str | None = None) -> ErasureResult:
    """Erase one person's data everywhere, in one write transaction; returns what went.

    Their orders (with shipments and payments) stay, anonymous, on the customer row kept
    as an anonymous shell; see the module's docstring for exactly what is removed and
    what stays. Raises `ErasureError` for a customer erased already or merged into
    another (erase that one), and in office mode for anyone but an administrator.
    Cannot be undone.
    """
    actor = by or history.default_actor()
    db = database_of(Customer)
    secure = isinstance(db, peewee.SqliteDatabase)
    if secure:  # freed pages are zeroed, not left holding the person's rows
        db.execute_sql("PRAGMA secure_delete = ON")
    try:
        with write_transaction(db):
            result = _erase(db, customer_id, actor)
        _purge_deleted_index_text(db)
    finally:
        if secure:
            db.execute_sql("PRAGMA secure_delete = OFF")
    if secure:  # best effort: the old pages also leave the write-ahead log
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return result


def _erase(db: peewee.Database, customer_id: int, actor: str) -> ErasureResult:
    _require_full_access(db)
    row, ids = _person(customer_id)
    needles = _needles(ids)
    uuids = [str(u) for (u,) in Customer.select(Customer.uuid).where(Customer.id.in_(ids)).tuples()]
    mentioned = _mentioning(db, needles, ids)
    erasure = Erasure.create(
        erased_by=actor, customer_uuid=str(row.uuid), customer_code=row.code, counts={}
    )
    shell = SHELL_NAME.format(number=erasure.id)
    counts: dict[str, int] = {}
    mine = Customer.id.in_(ids)
    of = {m: m.customer.in_(ids) for m in (Phone, Email, MessengerAccount, Address)}
    for model, condition in of.items():
        _delete(counts, model, condition)
    _delete(counts, CustomerTag, CustomerTag.customer.in_(ids))
    _delete(
        counts,
        CustomerRelation,
        CustomerRelation.from_customer.in_(ids) | CustomerRelation.to_customer.in_(ids),
    )
    _delete(counts, StrategyStep, StrategyStep.customer.in_(ids))
    _delete(counts, ImportUpdate, ImportUpdate.customer.in_(ids))
    # No one will contact an erased person: plans go; contacts made stay, as counts.
    FollowUp.update(planned_from=None).where(
        FollowUp.planned_from.in_(
            FollowUp.select(FollowUp.id).where(
                FollowUp.customer.in_(ids) & (FollowUp.status != "done")
            )
        )
    ).execute()
    _delete(counts, FollowUp, FollowUp.customer.in_(ids) & (FollowUp.status != "done"))
    for model, empty in _FREE_TEXT.items():
        condition = (
            model.order.in_(Order.select(Order.id).where(Order.customer.in_(ids)))
            if model is Shipment
            else model.customer.in_(ids)
        )
        kept = model.update(**empty, updated_at=utcnow()).where(condition).execute()
        if kept:
            counts[f"{model._meta.table_name}_anonymised"] = kept
    _delete(counts, ContactPerson, ContactPerson.customer.in_(ids))
    emptied = (
        ChangeLog.update(old_value=None, new_value=None)
        .where(ChangeLog.customer.in_(ids))
        .execute()
    )
    counts["change_log_emptied"] = emptied
    for merge in CustomerMerge.select().where(
        CustomerMerge.kept.in_(ids) | CustomerMerge.other.in_(ids)
    ):
        CustomerMerge.update(
            details={"moved": {}, "primary": {}, "summary": {}, "fields": {}, "erased": True},
            updated_at=utcnow(),
        ).where(CustomerMerge.id == merge.id).execute()
        counts["customer_merge_emptied"] = counts.get("customer_merge_emptied", 0) + 1
    # Others referred by the person no longer say by whom.
    Customer.update(referred_by=None, updated_at=utcnow()).where(
        Customer.referred_by.in_(ids) & Customer.id.not_in(ids)
    ).execute()
    now = utcnow()
    Customer.update(
        {
            **{Customer._meta.fields[name]: None for name in PERSONAL_COLUMNS},
            Customer.name: shell,
            Customer.sort_key: sort_key(shell),
            Customer.birthday_has_year: True,
            Customer.lunar_birthday_leap: False,
            Customer.stars: 0,
            Customer.relationship_level: None,
            Customer.deleted_at: peewee.fn.COALESCE(Customer.deleted_at, now),
            Customer.erased_at: now,
            Customer.updated_at: now,
            Customer.version: Customer.version + 1,
        }
    ).where(mine).execute()
    counts["customer"] = len(ids)
    search_index.delete_documents(db, ids)
    counts["mentions_replaced"] = _sweep(db, needles, _text_columns(db))
    if mentioned:
        reindex_customers(mentioned)
    history.record(row.id, "erase", changed_by=actor)
    Erasure.update(counts=counts, updated_at=utcnow()).where(Erasure.id == erasure.id).execute()
    # Last: every write above noted its row's base (with the person in it) on a replica.
    _forget_replica_bases(db, needles, uuids)
    _sweep(db, needles, _replica_columns(db))
    return ErasureResult(erasure.id, row.id, row.code, shell, counts)


def erasures() -> list[dict[str, Any]]:
    """Every erasure recorded, newest first (when, by whom, which record, counts)."""
    return [
        {
            "erased_at": _plain(e.erased_at),
            "erased_by": e.erased_by,
            "customer_uuid": e.customer_uuid,
            "customer_code": e.customer_code,
            "counts": e.counts,
        }
        for e in Erasure.select().order_by(Erasure.id.desc())
    ]


def erased_at(customer_id: int) -> datetime | None:
    """When the customer's data was erased (None: never)."""
    row = Customer.get_or_none(Customer.id == customer_id)
    return None if row is None else row.erased_at
