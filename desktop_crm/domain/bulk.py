"""Writing many new customers (and their related rows) at once: sample data and imports.

peewee's `insert_many` runs at about a tenth of raw `executemany` speed and `Model.create`
in a loop at a fiftieth (shared NOTES.md), so this path writes with the DB-API cursor
inside one write transaction and produces exactly the rows `create_customer` would:
the customer, its phones, emails, messengers, addresses, contact persons and tags, the
'create' history row and the search document. It assigns ids itself (within the
transaction: on SQLite it holds the write lock, on PostgreSQL they come from the
sequences), so related rows can refer to them without a round trip per row. The same
statements run on both backends; on PostgreSQL the server's triggers and row-level
security check every row as they do for `create_customer`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

import peewee

from desktop_crm.db import search_index
from desktop_crm.db.connection import is_sqlite, write_transaction
from desktop_crm.db.models import (
    Address,
    BaseModel,
    ChangeLog,
    ContactPerson,
    Customer,
    CustomerTag,
    Email,
    MessengerAccount,
    Phone,
    Tag,
    database,
    utcnow,
)
from desktop_crm.domain import history
from desktop_crm.domain.customers import (
    CODE_PREFIX,
    COLLECTIONS,
    AddressEntry,
    ContactEntry,
    EmailEntry,
    MessengerEntry,
    PhoneEntry,
    note_used_code,
    reserve_codes,
    sort_key,
)
from desktop_crm.domain.validation import normalize_phone

_UUID_VERSION_MASK = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_VERSION_BITS = (0x4000 << 64) | (0x8000 << 48)  # version 4, RFC 4122 variant


@dataclass
class NewCustomer:
    """One new customer as already-validated plain data (what `validate_customer` returns).

    `owner_id` and `referred_by_id` are row ids. When `province`, `city` and `district`
    are all None they are taken from the first address, as the customer service does.
    `code` None means the next free code. The bookkeeping fields after `external_id`
    (purchase dates, follow-up summary, exit time, creation time) are not user-editable
    but may be set by the importer and the sample data.
    """

    name: str
    kind: str = "individual"
    code: str | None = None
    gender: str | None = None
    birthday: date | None = None
    birthday_has_year: bool = True
    lunar_birthday_month: int | None = None
    lunar_birthday_day: int | None = None
    lunar_birthday_leap: bool = False
    title: str | None = None
    company_name: str | None = None
    industry: str | None = None
    company_size: str | None = None
    website: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    source: str | None = None
    referred_by_id: int | None = None
    owner_id: int | None = None
    shared: bool = False
    status: str = "potential"
    stage: str = "potential"
    stage_override: bool = False
    grade: str | None = None
    stars: int = 0
    credit_rating: str | None = None
    credit_override: bool = False
    credit_limit: Decimal | None = None
    relationship_level: int | None = None
    preferences: str | None = None
    family_notes: str | None = None
    social_notes: str | None = None
    notes: str | None = None
    exit_reason: str | None = None
    exit_notes: str | None = None
    external_id: str | None = None
    first_purchase_on: date | None = None
    last_purchase_on: date | None = None
    exited_at: datetime | None = None
    last_contact_at: datetime | None = None
    next_followup_at: datetime | None = None
    created_at: datetime | None = None  # when the customer was first recorded; None: now
    phones: list[PhoneEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)
    messengers: list[MessengerEntry] = field(default_factory=list)
    addresses: list[AddressEntry] = field(default_factory=list)
    contacts: list[ContactEntry] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_validated(cls, clean: Mapping[str, Any], *, code: str | None = None) -> NewCustomer:
        """A NewCustomer from the output of `customers.validate_customer`."""
        # Filled in directly rather than through the generated __init__ (52 keyword
        # arguments): an import makes one per row.
        customer = object.__new__(cls)
        values = customer.__dict__
        values.update(_DEFAULTS)
        for name in COLLECTIONS:
            values[name] = []
        values["code"] = code
        for name, value in clean.items():
            if name in ("owner", "referred_by"):
                values[f"{name}_id"] = value
            elif name in _NEW_CUSTOMER_FIELDS:
                values[name] = list(value) if name in COLLECTIONS else value
        if "name" not in values:
            raise TypeError("from_validated() needs the customer's name")
        return customer


_NEW_CUSTOMER_FIELDS = frozenset(f.name for f in fields(NewCustomer))
_DEFAULTS = {f.name: f.default for f in fields(NewCustomer) if f.default is not MISSING}
assert set(_DEFAULTS) | set(COLLECTIONS) | {"name"} == _NEW_CUSTOMER_FIELDS

# Customer columns the bulk path fills itself; every other column comes from NewCustomer.
_COMPUTED = (
    "id",
    "uuid",
    "created_at",
    "updated_at",
    "code",
    "sort_key",
    "province",
    "city",
    "district",
    "import_batch",
    "version",
    "deleted_at",
    "merged_into",
    "erased_at",
)
_CUSTOMER_FIELDS = [f for f in Customer._meta.sorted_fields if f.name not in _COMPUTED]
_customer_values = attrgetter(
    *(f"{f.name}_id" if isinstance(f, peewee.ForeignKeyField) else f.name for f in _CUSTOMER_FIELDS)
)


# ------------------------------------------------------------------- generic row writing

_frozen = 0
_frozen_lock = threading.Lock()


@contextlib.contextmanager
def garbage_collector_spared() -> Iterator[None]:
    """Around a bulk write: the objects that exist already are left out of the garbage
    collector's passes until it ends (`gc.freeze`); objects made meanwhile are collected
    as usual.

    A full pass visits every tracked object — the app's modules, phonenumbers' and
    pypinyin's tables — and a 100,000-row import sets off a few dozen of them (about a
    tenth of its time). Nested and concurrent uses thaw only when the last one ends.
    """
    global _frozen
    with _frozen_lock:
        _frozen += 1
        if _frozen == 1:  # a nested or concurrent use must not freeze what others made since
            gc.freeze()
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen -= 1
            if _frozen == 0:
                gc.unfreeze()


def new_uuids(count: int) -> list[str]:
    """`count` random version-4 UUIDs as 32 hex digits, the form peewee's UUIDField stores.

    Same as `uuid.uuid4().hex` (from os.urandom) at a fraction of the cost per id.
    """
    data = os.urandom(16 * count)
    result = []
    for start in range(0, 16 * count, 16):
        n = (
            int.from_bytes(data[start : start + 16], "big") & _UUID_VERSION_MASK
            | _UUID_VERSION_BITS
        )
        result.append(f"{n:032x}")
    return result


def stored_now() -> str:
    """The current UTC time as the text the driver would store for a `utcnow()` datetime.

    Formatting it once per batch instead of once per row and column saves a noticeable
    share of a bulk write.
    """
    return utcnow().isoformat(" ")


def next_ids(model: type[peewee.Model], count: int) -> Sequence[int]:
    """Reserve `count` new primary keys of `model`; call inside the write transaction.

    On SQLite the transaction holds the write lock, so MAX(id) + 1 … are free and
    consecutive. On PostgreSQL they come from the table's sequence (not necessarily
    consecutive when other sessions insert at the same time).
    """
    db = database.obj
    table = model._meta.table_name
    if is_sqlite(db):
        highest = db.execute_sql(f'SELECT MAX(id) FROM "{table}"').fetchone()[0] or 0
        return range(highest + 1, highest + 1 + count)
    return [
        row[0]
        for row in db.execute_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table, count),
        ).fetchall()
    ]


def insert_rows(
    model: type[peewee.Model], field_names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert plain value tuples into `model`'s table with one `executemany`.

    `field_names` are model field names (foreign keys by field name, values are ids).
    Values must already be in their stored form except what the driver adapts (dates,
    datetimes, Decimals). For models with the common base columns, `uuid`, `created_at`
    and `updated_at` are filled in unless named. Call inside a write transaction.
    Returns the number of rows written.
    """
    db = database.obj
    meta = model._meta
    names = list(field_names)
    stamp = issubclass(model, BaseModel) and "uuid" not in names
    if stamp:
        names = ["uuid", "created_at", "updated_at", *names]
    columns = ", ".join(f'"{meta.fields[name].column_name}"' for name in names)
    marks = ", ".join([db.param] * len(names))
    sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
    if stamp:
        now = stored_now()
        rows = list(rows)
        rows = [(u, now, now, *row) for u, row in zip(new_uuids(len(rows)), rows, strict=True)]
    elif not isinstance(rows, list):
        rows = list(rows)
    if rows:
        db.cursor().executemany(sql, rows)
    return len(rows)


# ------------------------------------------------------------------------ customers


def bulk_insert_customers(
    customers: Sequence[NewCustomer],
    *,
    import_batch_id: int | None = None,
    changed_by: str | None = None,
) -> list[int]:
    """Store many new, already-validated customers in one transaction; returns their ids in order.

    Writes what `create_customer` writes for each (codes from `reserve_codes`, sort key,
    region from the first address, contacts, phones, emails, messengers, addresses, tags,
    a 'create' history row and the search document), with one `executemany` per table.
    Joins the caller's transaction if there is one (no savepoint of its own: releasing
    one makes SQLite's FTS5 write its pending index data each time, ~20 ms a batch).
    """
    if not customers:
        return []
    actor = changed_by or history.default_actor()
    joined = database.obj.in_transaction()
    with contextlib.nullcontext() if joined else write_transaction():
        now = stored_now()
        given = [c.code for c in customers if c.code is not None]
        if given:  # keep the counter past given codes (C000123), as create_customer does
            note_used_code(max(given, key=_code_number))
        fresh = iter(reserve_codes(len(customers) - len(given)))
        codes = [c.code if c.code is not None else next(fresh) for c in customers]
        ids = list(next_ids(Customer, len(customers)))
        _insert_customer_rows(customers, ids, codes, import_batch_id, now)
        _insert_children(customers, ids)
        insert_rows(
            ChangeLog,
            (
                "customer",
                "entity",
                "entity_id",
                "action",
                "field",
                "new_value",
                "changed_by",
                "changed_at",
            ),
            [
                (cid, "customer", cid, "create", "code", code, actor, now)
                for cid, code in zip(ids, codes, strict=True)
            ],
        )
        search_index.write_documents(
            database.obj,
            [
                (cid, search_index.build_document(_search_fields(c, code)))
                for cid, c, code in zip(ids, customers, codes, strict=True)
            ],
        )
    return ids


def _code_number(code: str) -> int:
    digits = code[len(CODE_PREFIX) :] if code.startswith(CODE_PREFIX) else ""
    return int(digits) if digits.isdigit() else -1


def _insert_customer_rows(
    customers: Sequence[NewCustomer],
    ids: list[int],
    codes: list[str],
    import_batch_id: int | None,
    now: str,
) -> None:
    names = [
        "id",
        "uuid",
        "created_at",
        "updated_at",
        "code",
        "sort_key",
        "province",
        "city",
        "district",
        "import_batch",
        "version",
        *(f.name for f in _CUSTOMER_FIELDS),
    ]
    rows = []
    for cid, uid, code, c in zip(ids, new_uuids(len(ids)), codes, customers, strict=True):
        region = (c.province, c.city, c.district)
        if c.addresses and region == (None, None, None):
            first = c.addresses[0]
            region = (first.province, first.city, first.district)
        rows.append(
            (
                cid,
                uid,
                c.created_at or now,
                now,
                code,
                sort_key(c.name),
                *region,
                import_batch_id,
                1,
                *_customer_values(c),
            )
        )
    insert_rows(Customer, names, rows)


def _digits(number: str) -> str:
    """The digits of a number as typed, exactly as `customers.search_fields` takes them."""
    return "".join(ch for ch in number if ch.isdigit())


def _phone(entry: PhoneEntry) -> tuple[str, str, str | None, str, bool]:
    """(label, number, e164, digits, verified), normalising entries that came without them.

    As in the customer service, a number without a label is "mobile" or "work" by its type.
    """
    if entry.digits is None or entry.label is None:
        normal = normalize_phone(entry.number, allow_unverified=not entry.verified)
        label = entry.label or ("mobile" if normal.is_mobile else "work")
        e164, digits = entry.e164 or normal.e164, entry.digits or normal.digits
        return label, entry.number, e164, digits, normal.verified
    return entry.label, entry.number, entry.e164, entry.digits, entry.verified


def _insert_children(customers: Sequence[NewCustomer], ids: list[int]) -> None:
    """Write the collections of each customer in the order create_customer writes them."""
    phones: list[tuple[Any, ...]] = []
    emails: list[tuple[Any, ...]] = []
    messengers: list[tuple[Any, ...]] = []
    addresses: list[tuple[Any, ...]] = []
    contacts: list[tuple[Any, ...]] = []
    tag_links: list[tuple[int, str]] = []
    contact_ids = iter(next_ids(ContactPerson, sum(len(c.contacts) for c in customers)))
    for cid, c in zip(ids, customers, strict=True):
        for i, p in enumerate(c.phones):
            phones.append((cid, None, *_phone(p), i == 0))
        for i, e in enumerate(c.emails):
            emails.append((cid, None, e.label, e.address, i == 0))
        for m in c.messengers:
            messengers.append((cid, m.service, m.handle))
        for i, a in enumerate(c.addresses):
            addresses.append(
                (
                    cid,
                    a.label,
                    a.country,
                    a.province,
                    a.city,
                    a.district,
                    a.street,
                    a.postcode,
                    i == 0,
                )
            )
        for person in c.contacts:
            pid = next(contact_ids)
            contacts.append(
                (
                    pid,
                    cid,
                    person.name,
                    person.title,
                    person.department,
                    person.gender,
                    person.is_primary,
                    person.notes,
                )
            )
            for p in person.phones:
                phones.append((cid, pid, *_phone(p), False))
            for e in person.emails:
                emails.append((cid, pid, e.label, e.address, False))
        tag_links.extend((cid, name) for name in c.tags)
    # Contacts first: phones and emails refer to them.
    insert_rows(
        ContactPerson,
        ("id", "customer", "name", "title", "department", "gender", "is_primary", "notes"),
        contacts,
    )
    insert_rows(
        Phone,
        ("customer", "contact", "label", "number", "e164", "digits", "verified", "is_primary"),
        phones,
    )
    insert_rows(Email, ("customer", "contact", "label", "address", "is_primary"), emails)
    insert_rows(MessengerAccount, ("customer", "service", "handle"), messengers)
    insert_rows(
        Address,
        (
            "customer",
            "label",
            "country",
            "province",
            "city",
            "district",
            "street",
            "postcode",
            "is_primary",
        ),
        addresses,
    )
    if tag_links:
        tag_ids = tag_ids_for({name for _, name in tag_links})
        insert_rows(
            CustomerTag, ("customer", "tag"), [(cid, tag_ids[name]) for cid, name in tag_links]
        )


def tag_ids_for(names: Iterable[str]) -> dict[str, int]:
    """The ids of the tags with these names, creating the missing ones (inside a transaction)."""
    wanted = sorted(set(names))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(chunk)).tuples())
    missing = [name for name in wanted if name not in found]
    if missing:
        new = next_ids(Tag, len(missing))
        insert_rows(Tag, ("id", "name"), list(zip(new, missing, strict=True)))
        found.update(zip(missing, new, strict=True))
    return found


def _search_fields(c: NewCustomer, code: str) -> search_index.SearchFields:
    """What `customers.search_fields` would read back for this customer once written."""
    phones = list(c.phones)
    emails = [e.address for e in c.emails]
    for person in c.contacts:
        phones.extend(person.phones)
        emails.extend(e.address for e in person.emails)
    return search_index.SearchFields(
        code=code,
        name=c.name,
        is_person=c.kind == "individual",
        company_name=c.company_name or "",
        contact_names=[person.name for person in c.contacts],
        phones=[(_digits(p.number), (_phone(p)[2] or "").lstrip("+")) for p in phones],
        emails=emails,
        tags=c.tags,
        notes=(c.notes or "", c.preferences or ""),
    )
