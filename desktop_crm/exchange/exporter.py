"""Export customers to a CSV file that Excel opens right and our import reads back.

Columns are `mapping.EXPORT_COLUMNS` (English names, `code` then `name` first); values
are our codes (male, enterprise, referral …) so an export imported again gives the same
customers. Customers are read in pages by id, so a million of them never sit in
memory, and the file is written under a temporary name and renamed at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from desktop_crm.db.models import (
    Address,
    Customer,
    CustomerTag,
    Email,
    MessengerAccount,
    Phone,
    Tag,
    User,
)
from desktop_crm.errors import CrmError
from desktop_crm.exchange.csv_io import check_writable, write_csv
from desktop_crm.exchange.mapping import EXPORT_COLUMNS, format_birthday, format_lunar

EXPORT_FORMATS = ("csv",)
PAGE_SIZE = 500
LIST_SEPARATOR = "; "


def export_customers(
    path: str | Path,
    *,
    file_format: str = "csv",
    customer_ids: Iterable[int] | None = None,
    include_trashed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write customers (all, or those in `customer_ids`) to `path`; returns how many.

    `progress(done, total)` is called after each page; `cancelled()` returning True
    stops the export and leaves no file. Raises `CrmError` when the file cannot be written.
    """
    if file_format not in EXPORT_FORMATS:
        raise CrmError(f"cannot export the format “{file_format}” yet; use csv")
    check_writable(Path(path))
    ids = None if customer_ids is None else sorted(set(customer_ids))
    query = Customer.select()
    if not include_trashed:
        query = query.where(Customer.deleted_at.is_null())
    total = len(ids) if ids is not None else query.count()
    rows = _rows(query, ids, total, progress, cancelled)
    return write_csv(path, EXPORT_COLUMNS, rows)


def _rows(query, ids: list[int] | None, total: int,  # noqa: ANN001 - a peewee query
          progress: Callable[[int, int], None] | None,
          cancelled: Callable[[], bool] | None) -> Iterator[list[object]]:
    users = {u.id: u.username for u in User.select(User.id, User.username)}
    done, last_id, offset = 0, 0, 0
    while True:
        if cancelled is not None and cancelled():
            raise CrmError("the export was cancelled; no file was written")
        if ids is None:
            page = list(query.where(Customer.id > last_id).order_by(Customer.id).limit(PAGE_SIZE))
            if not page:
                break
            last_id = page[-1].id
        else:
            chunk = ids[offset:offset + PAGE_SIZE]
            if not chunk:
                break
            offset += len(chunk)
            page = list(query.where(Customer.id.in_(chunk)).order_by(Customer.id))
        yield from _page_rows(page, users)
        done += len(page)
        if progress is not None:
            progress(min(done, total), total)


def _page_rows(page: list[Customer], users: dict[int, str]) -> Iterator[list[object]]:
    ids = [c.id for c in page]
    phones, emails, tags = defaultdict(list), defaultdict(list), defaultdict(list)
    messengers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    addresses: dict[int, Address] = {}
    for cid, number in Phone.select(Phone.customer, Phone.number).where(
        Phone.customer.in_(ids) & Phone.contact.is_null()
    ).order_by(Phone.id).tuples():
        phones[cid].append(number)
    for cid, address in Email.select(Email.customer, Email.address).where(
        Email.customer.in_(ids) & Email.contact.is_null()
    ).order_by(Email.id).tuples():
        emails[cid].append(address)
    for cid, service, handle in MessengerAccount.select(
        MessengerAccount.customer, MessengerAccount.service, MessengerAccount.handle
    ).where(
        MessengerAccount.customer.in_(ids) & MessengerAccount.contact.is_null()
    ).order_by(MessengerAccount.id).tuples():
        messengers[cid].append((service, handle))
    for address in Address.select().where(Address.customer.in_(ids)).order_by(Address.id):
        addresses.setdefault(address.customer_id, address)
    for cid, name in CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag).where(
        CustomerTag.customer.in_(ids)
    ).order_by(CustomerTag.id).tuples():
        tags[cid].append(name)
    referrers = {c.referred_by_id for c in page if c.referred_by_id}
    codes = dict(
        Customer.select(Customer.id, Customer.code).where(Customer.id.in_(list(referrers))).tuples()
    ) if referrers else {}
    for c in page:
        first = addresses.get(c.id)
        handles = messengers[c.id]
        values = {
            "code": c.code, "name": c.name, "kind": c.kind, "gender": c.gender,
            "birthday": format_birthday(c.birthday, c.birthday_has_year),
            "lunar_birthday": format_lunar(
                c.lunar_birthday_month, c.lunar_birthday_day, c.lunar_birthday_leap
            ),
            "title": c.title, "company_name": c.company_name, "industry": c.industry,
            "company_size": c.company_size, "website": c.website,
            "phones": LIST_SEPARATOR.join(phones[c.id]),
            "emails": LIST_SEPARATOR.join(emails[c.id]),
            "wechat": LIST_SEPARATOR.join(h for s, h in handles if s == "wechat"),
            "qq": LIST_SEPARATOR.join(h for s, h in handles if s == "qq"),
            "messengers": LIST_SEPARATOR.join(
                f"{s}:{h}" for s, h in handles if s not in ("wechat", "qq")
            ),
            "province": c.province, "city": c.city, "district": c.district,
            "address": first.street if first else None,
            "postcode": first.postcode if first else None,
            "source": c.source, "referred_by": codes.get(c.referred_by_id),
            "owner": users.get(c.owner_id), "status": c.status, "stage": c.stage,
            "grade": c.grade, "stars": c.stars or None, "credit_rating": c.credit_rating,
            "credit_limit": _money(c.credit_limit), "relationship_level": c.relationship_level,
            "tags": LIST_SEPARATOR.join(tags[c.id]), "preferences": c.preferences,
            "family_notes": c.family_notes, "social_notes": c.social_notes, "notes": c.notes,
            "external_id": c.external_id,
            "created_at": c.created_at.strftime("%Y-%m-%d %H:%M:%S") if c.created_at else None,
            "updated_at": c.updated_at.strftime("%Y-%m-%d %H:%M:%S") if c.updated_at else None,
        }
        yield [values[column] for column in EXPORT_COLUMNS]


def _money(value: object) -> str | None:
    """Money with its two decimals, as Excel and our import read it (50000.00)."""
    if value is None:
        return None
    return f"{Decimal(str(value)):.2f}"
