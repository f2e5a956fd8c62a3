"""Export customers to CSV, Excel .xlsx or vCard, and planned follow-ups to iCalendar.

CSV: columns `mapping.EXPORT_COLUMNS` (English names, `code` then `name` first); values
are our codes (male, enterprise, referral …) so an export imported again gives the same
customers. The .xlsx file has the same columns, typed: dates as dates, numbers as
numbers, phone numbers as text. The vCard file (3.0) holds one card per customer for
phones and address books, and imports back here (its UID is our uuid). The .ics file
holds one event per planned follow-up.

Customers are read in pages by id, so a million of them never sit in memory, and every
file is written under a temporary name and renamed at the end.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee

from desktop_crm.db.models import (
    Address,
    Customer,
    CustomerTag,
    Email,
    FollowUp,
    MessengerAccount,
    Phone,
    Tag,
    User,
)
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError
from desktop_crm.exchange.csv_io import check_writable, write_csv
from desktop_crm.exchange.ical_io import PlannedEvent, calendar_bytes
from desktop_crm.exchange.mapping import EXPORT_COLUMNS, format_birthday, format_lunar
from desktop_crm.exchange.vcard_io import CardData, card_text
from desktop_crm.exchange.xlsx_io import write_xlsx

EXPORT_FORMATS = ("csv", "xlsx", "vcard", "ics")
SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcard", ".vcard": "vcard", ".ics": "ics"}
PAGE_SIZE = 500
LIST_SEPARATOR = "; "
# Typed columns of the .xlsx export; every other column is text.
XLSX_TYPES = {
    "birthday": "date",
    "created_at": "datetime",
    "updated_at": "datetime",
    "credit_limit": "money",
    "stars": "int",
    "relationship_level": "int",
}
_XLSX_WIDTHS = {
    "code": 10,
    "name": 18,
    "birthday": 12,
    "company_name": 24,
    "phones": 18,
    "emails": 26,
    "address": 30,
    "notes": 30,
    "created_at": 19,
    "updated_at": 19,
}


def format_for(path: str | Path, given: str | None = None) -> str:
    """The export format: the one given, else the file's extension's, else CSV."""
    if given is not None:
        if given not in EXPORT_FORMATS:
            raise CrmError(
                f"cannot export the format “{given}”; use one of: {', '.join(EXPORT_FORMATS)}"
            )
        return given
    suffix = Path(path).suffix.lower()
    if suffix == ".xls":
        raise CrmError("cannot export old Excel .xls files; name the file .xlsx")
    return SUFFIX_FORMATS.get(suffix, "csv")


def _owner_id(owner: str | None) -> int | None:
    if owner is None:
        return None
    name = owner.strip()
    found = User.get_or_none((User.username == name) | (User.display_name == name))
    if found is None:
        raise CrmError(text("unknown_owner", value=name))
    return found.id


def export_customers(
    path: str | Path,
    *,
    file_format: str = "csv",
    customer_ids: Iterable[int] | None = None,
    include_trashed: bool = False,
    owner: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write customers (all, those in `customer_ids`, or those of `owner`) to `path`.

    `file_format` is "csv", "xlsx" or "vcard" ("ics" writes the planned follow-ups, see
    `export_planned_followups`). Returns how many were written. `progress(done, total)`
    is called after each page; `cancelled()` returning True stops the export and leaves
    no file. Raises `CrmError` when the file cannot be written.
    """
    file_format = format_for(path, file_format)
    if file_format == "ics":
        return export_planned_followups(path, owner=owner, customer_ids=customer_ids)
    check_writable(Path(path))
    ids = None if customer_ids is None else sorted(set(customer_ids))
    query = Customer.select()
    if not include_trashed:
        query = query.where(Customer.deleted_at.is_null())
    owner_id = _owner_id(owner)
    if owner_id is not None:
        query = query.where(Customer.owner == owner_id)
    total = len(ids) if ids is not None else query.count()
    records = _records(query, ids, total, progress, cancelled)
    if file_format == "xlsx":
        return write_xlsx(
            path,
            EXPORT_COLUMNS,
            (_xlsx_row(r) for r in records),
            types=[XLSX_TYPES.get(c, "text") for c in EXPORT_COLUMNS],
            widths=[_XLSX_WIDTHS.get(c, 12) for c in EXPORT_COLUMNS],
        )
    if file_format == "vcard":
        return write_text_file(path, (card_text(_card(r)) for r in records))
    return write_csv(path, EXPORT_COLUMNS, (_csv_row(r) for r in records))


def write_text_file(path: str | Path, pieces: Iterable[str]) -> int:
    """Write text pieces (UTF-8, no BOM) atomically; returns how many pieces."""
    target = Path(path)
    check_writable(target)
    count = 0
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for piece in pieces:
                fh.write(piece)
                count += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise CrmError(text("cannot_write", file=target, reason=exc.strerror or exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return count


def export_planned_followups(
    path: str | Path,
    *,
    owner: str | None = None,
    customer_ids: Iterable[int] | None = None,
) -> int:
    """Write the planned follow-ups (of `owner`, or of these customers) to an .ics file.

    Returns the number of events. Follow-ups of customers in the trash are left out.
    """
    target = Path(path)
    check_writable(target)
    query = (
        FollowUp.select(
            FollowUp.uuid,
            FollowUp.due_at,
            FollowUp.subject,
            FollowUp.content,
            FollowUp.channel,
            FollowUp.updated_at,
            FollowUp.customer.alias("customer_id"),
            Customer.code.alias("code"),
            Customer.name.alias("name"),
            User.username.alias("owner_name"),
        )
        .join(Customer, on=FollowUp.customer == Customer.id)
        .switch(FollowUp)
        .join(User, peewee.JOIN.LEFT_OUTER, on=FollowUp.owner == User.id)
        .where(
            (FollowUp.status == "planned")
            & FollowUp.deleted_at.is_null()
            & FollowUp.due_at.is_null(False)
            & Customer.deleted_at.is_null()
        )
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    owner_id = _owner_id(owner)
    if owner_id is not None:
        query = query.where(FollowUp.owner == owner_id)
    if customer_ids is not None:
        query = query.where(FollowUp.customer.in_(sorted(set(customer_ids))))
    rows = list(query.dicts())
    phones: dict[int, str] = {}
    wanted = sorted({f["customer_id"] for f in rows})
    for start in range(0, len(wanted), PAGE_SIZE):
        for cid, number in (
            Phone.select(Phone.customer, Phone.number)
            .where(Phone.customer.in_(wanted[start : start + PAGE_SIZE]) & Phone.contact.is_null())
            .order_by(Phone.id)
            .tuples()
        ):
            phones.setdefault(cid, number)
    events = []
    for f in rows:
        subject = f["subject"] or text("default_followup_subject")
        lines = [f["content"] or "", f"Customer: {f['code']} {f['name']}"]
        if f["customer_id"] in phones:
            lines.append(f"Phone: {phones[f['customer_id']]}")
        lines.append(f"Channel: {f['channel']}")
        if f["owner_name"]:
            lines.append(f"Owner: {f['owner_name']}")
        uid = f["uuid"]
        events.append(
            PlannedEvent(
                uid=uid.hex if hasattr(uid, "hex") else str(uid).replace("-", ""),
                start=f["due_at"],
                summary=f"{subject} — {f['name']}",
                description="\n".join(line for line in lines if line),
                updated=f["updated_at"],
                categories=(f["channel"],),
            )
        )
    data = calendar_bytes(events)
    write_text_file(target, [data.decode("utf-8")])
    return len(events)


@dataclass
class _Record:
    """One customer as the exports need it: typed values by column, and its items."""

    uuid: str
    values: dict[str, Any]
    has_year: bool
    phones: list[tuple[str, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _records(
    query,
    ids: list[int] | None,
    total: int,  # noqa: ANN001 - a peewee query
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[_Record]:
    users = {u.id: u.username for u in User.select(User.id, User.username)}
    done, last_id, offset = 0, 0, 0
    while True:
        if cancelled is not None and cancelled():
            raise CrmError(text("export_cancelled"))
        if ids is None:
            page = list(query.where(Customer.id > last_id).order_by(Customer.id).limit(PAGE_SIZE))
            if not page:
                break
            last_id = page[-1].id
        else:
            chunk = ids[offset : offset + PAGE_SIZE]
            if not chunk:
                break
            offset += len(chunk)
            page = list(query.where(Customer.id.in_(chunk)).order_by(Customer.id))
        yield from _page_records(page, users)
        done += len(page)
        if progress is not None:
            progress(min(done, total), total)


def _page_records(page: list[Customer], users: dict[int, str]) -> Iterator[_Record]:
    ids = [c.id for c in page]
    phones: dict[int, list[tuple[str, str]]] = defaultdict(list)
    emails: dict[int, list[tuple[str, str]]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    messengers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    addresses: dict[int, list[Address]] = defaultdict(list)
    for cid, number, label in (
        Phone.select(Phone.customer, Phone.number, Phone.label)
        .where(Phone.customer.in_(ids) & Phone.contact.is_null())
        .order_by(Phone.id)
        .tuples()
    ):
        phones[cid].append((number, label))
    for cid, address, label in (
        Email.select(Email.customer, Email.address, Email.label)
        .where(Email.customer.in_(ids) & Email.contact.is_null())
        .order_by(Email.id)
        .tuples()
    ):
        emails[cid].append((address, label))
    for cid, service, handle in (
        MessengerAccount.select(
            MessengerAccount.customer, MessengerAccount.service, MessengerAccount.handle
        )
        .where(MessengerAccount.customer.in_(ids) & MessengerAccount.contact.is_null())
        .order_by(MessengerAccount.id)
        .tuples()
    ):
        messengers[cid].append((service, handle))
    for address in Address.select().where(Address.customer.in_(ids)).order_by(Address.id):
        addresses[address.customer_id].append(address)
    for cid, name in (
        CustomerTag.select(CustomerTag.customer, Tag.name)
        .join(Tag)
        .where(CustomerTag.customer.in_(ids))
        .order_by(CustomerTag.id)
        .tuples()
    ):
        tags[cid].append(name)
    referrers = {c.referred_by_id for c in page if c.referred_by_id}
    codes = (
        dict(
            Customer.select(Customer.id, Customer.code)
            .where(Customer.id.in_(list(referrers)))
            .tuples()
        )
        if referrers
        else {}
    )
    for c in page:
        places = addresses.get(c.id, [])
        first = places[0] if places else None
        handles = messengers[c.id]
        values = {
            "code": c.code,
            "name": c.name,
            "kind": c.kind,
            "gender": c.gender,
            "birthday": c.birthday,
            "lunar_birthday": format_lunar(
                c.lunar_birthday_month, c.lunar_birthday_day, c.lunar_birthday_leap
            ),
            "title": c.title,
            "company_name": c.company_name,
            "industry": c.industry,
            "company_size": c.company_size,
            "website": c.website,
            "phones": LIST_SEPARATOR.join(n for n, _label in phones[c.id]),
            "emails": LIST_SEPARATOR.join(a for a, _label in emails[c.id]),
            "wechat": LIST_SEPARATOR.join(h for s, h in handles if s == "wechat"),
            "qq": LIST_SEPARATOR.join(h for s, h in handles if s == "qq"),
            "messengers": LIST_SEPARATOR.join(
                f"{s}:{h}" for s, h in handles if s not in ("wechat", "qq")
            ),
            "province": c.province,
            "city": c.city,
            "district": c.district,
            "address": first.street if first else None,
            "postcode": first.postcode if first else None,
            "source": c.source,
            "referred_by": codes.get(c.referred_by_id),
            "owner": users.get(c.owner_id),
            "status": c.status,
            "stage": c.stage,
            "grade": c.grade,
            "stars": c.stars or None,
            "credit_rating": c.credit_rating,
            "credit_limit": c.credit_limit,
            "relationship_level": c.relationship_level,
            "tags": LIST_SEPARATOR.join(tags[c.id]),
            "preferences": c.preferences,
            "family_notes": c.family_notes,
            "social_notes": c.social_notes,
            "notes": c.notes,
            "external_id": c.external_id,
            "created_at": c.created_at,
            "updated_at": c.updated_at,
        }
        yield _Record(
            uuid=c.uuid.hex if hasattr(c.uuid, "hex") else str(c.uuid),
            values=values,
            has_year=c.birthday_has_year,
            phones=phones[c.id],
            emails=emails[c.id],
            addresses=[
                {
                    k: getattr(a, k)
                    for k in (
                        "label",
                        "country",
                        "province",
                        "city",
                        "district",
                        "street",
                        "postcode",
                    )
                }
                for a in places
            ],
            tags=tags[c.id],
        )


def _timestamp(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else None


def _csv_row(record: _Record) -> list[object]:
    values = dict(record.values)
    values["birthday"] = format_birthday(values["birthday"], record.has_year)
    values["credit_limit"] = _money(values["credit_limit"])
    values["created_at"] = _timestamp(values["created_at"])
    values["updated_at"] = _timestamp(values["updated_at"])
    return [values[column] for column in EXPORT_COLUMNS]


def _xlsx_row(record: _Record) -> list[object]:
    values = dict(record.values)
    if values["birthday"] is not None and not record.has_year:
        values["birthday"] = format_birthday(values["birthday"], False)  # text: "--07-14"
    for name in ("created_at", "updated_at"):
        if values[name] is not None:
            values[name] = values[name].replace(microsecond=0)
    if values["credit_limit"] is not None:
        values["credit_limit"] = Decimal(str(values["credit_limit"])).quantize(Decimal("0.01"))
    return [values[column] for column in EXPORT_COLUMNS]


def _card(record: _Record) -> CardData:
    v = record.values
    birthday = format_birthday(v["birthday"], record.has_year) or None
    return CardData(
        uid=record.uuid,
        code=v["code"],
        name=v["name"],
        kind=v["kind"],
        company_name=v["company_name"],
        title=v["title"],
        phones=record.phones,
        emails=record.emails,
        addresses=record.addresses,
        birthday=birthday,
        notes=v["notes"],
        website=v["website"],
        tags=record.tags,
    )


def _money(value: object) -> str | None:
    """Money with its two decimals, as Excel and our import read it (50000.00)."""
    if value is None:
        return None
    return f"{Decimal(str(value)):.2f}"
