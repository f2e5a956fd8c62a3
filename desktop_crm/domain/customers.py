"""Customers: create, update (validated), read, trash and restore, relations.

A customer is written as plain data: a mapping of field names to values, where the
collections (`phones`, `emails`, `messengers`, `addresses`, `contacts`, `tags`) are lists
that replace what was there. Every change lands in the history and the search index in
the same transaction as the change itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import peewee

from desktop_crm.db import search_index
from desktop_crm.db.connection import is_sqlite, write_transaction
from desktop_crm.db.models import (
    Address,
    ContactPerson,
    Customer,
    CustomerRelation,
    CustomerTag,
    Email,
    MessengerAccount,
    Phone,
    Setting,
    Tag,
    User,
    database_of,
    utcnow,
)
from desktop_crm.domain import history
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import (
    FieldError,
    clean_choice,
    clean_int,
    clean_money,
    clean_text,
    normalize_email,
    normalize_phone,
    parse_date,
)
from desktop_crm.errors import ConflictError, NotFoundError, ValidationError

KINDS = ("individual", "enterprise")
GENDERS = ("male", "female", "other")
SOURCES = ("referral", "exhibition", "website", "advertising", "cold_call", "walk_in", "other")
STATUSES = ("potential", "existing")
STAGES = ("potential", "first_purchase", "repeat", "loyal", "at_risk", "lost", "exited")
GRADES = ("A", "B", "C")
CREDIT_RATINGS = ("AAA", "AA", "A", "B", "C")
COMPANY_SIZES = ("1-9", "10-49", "50-249", "250-999", "1000+")
PHONE_LABELS = ("mobile", "work", "home", "fax", "other")
EMAIL_LABELS = ("work", "home", "other")
ADDRESS_LABELS = ("work", "home", "billing", "shipping", "other")
MESSENGER_SERVICES = ("wechat", "qq", "whatsapp", "line", "telegram", "skype", "other")
RELATION_KINDS = ("spouse", "family", "colleague", "friend", "referred_by", "partner", "other")
LEVELS = (1, 2, 3, 4, 5)

CODE_PREFIX = "C"
CODE_DIGITS = 6
_CODE_COUNTER = "customer_code_counter"

# Scalar fields a user edits, and how each is cleaned.
_TEXT_LIMITS = {
    "name": 200,
    "title": 100,
    "company_name": 200,
    "industry": 100,
    "website": 300,
    "province": 50,
    "city": 50,
    "district": 50,
    "exit_reason": 50,
    "external_id": 200,
}
_LONG_TEXT = ("preferences", "family_notes", "social_notes", "notes", "exit_notes")
_CHOICES = {
    "kind": KINDS,
    "gender": GENDERS,
    "source": SOURCES,
    "status": STATUSES,
    "stage": STAGES,
    "grade": GRADES,
    "credit_rating": CREDIT_RATINGS,
    "company_size": COMPANY_SIZES,
}
_FLAGS = (
    "birthday_has_year",
    "lunar_birthday_leap",
    "stage_override",
    "credit_override",
    "shared",
)
SCALAR_FIELDS = (
    tuple(_TEXT_LIMITS)
    + _LONG_TEXT
    + tuple(_CHOICES)
    + _FLAGS
    + (
        "birthday",
        "lunar_birthday_month",
        "lunar_birthday_day",
        "stars",
        "relationship_level",
        "credit_limit",
        "owner",
        "referred_by",
    )
)
COLLECTIONS = ("phones", "emails", "messengers", "addresses", "contacts", "tags")


@dataclass
class PhoneEntry:
    number: str
    label: str | None = None  # none given: "mobile" or "work" by the kind of number
    e164: str | None = None
    digits: str | None = None
    # False: kept although not valid for its region (the user or an import accepted it);
    # a number that turns out valid is stored verified whatever this says.
    verified: bool = True


@dataclass
class EmailEntry:
    address: str
    label: str = "work"


@dataclass
class MessengerEntry:
    handle: str
    service: str = "wechat"


@dataclass
class AddressEntry:
    label: str = "work"
    country: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    street: str | None = None
    postcode: str | None = None

    def one_line(self) -> str:
        parts = (self.province, self.city, self.district, self.street)
        return " ".join(p for p in parts if p)


@dataclass
class ContactEntry:
    name: str
    id: int | None = None
    title: str | None = None
    department: str | None = None
    gender: str | None = None
    is_primary: bool = False
    notes: str | None = None
    phones: list[PhoneEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)


@dataclass
class RelationEntry:
    other_id: int
    other_code: str
    other_name: str
    kind: str
    notes: str | None = None


@dataclass
class CustomerRecord:
    """Everything about one customer, as plain values."""

    id: int
    uuid: str
    code: str
    kind: str
    name: str
    gender: str | None
    birthday: date | None
    birthday_has_year: bool
    lunar_birthday_month: int | None
    lunar_birthday_day: int | None
    lunar_birthday_leap: bool
    title: str | None
    company_name: str | None
    industry: str | None
    company_size: str | None
    website: str | None
    province: str | None
    city: str | None
    district: str | None
    source: str | None
    referred_by: str | None  # code of the referring customer
    owner: str | None  # username
    status: str
    stage: str
    stage_override: bool
    grade: str | None
    stars: int
    credit_rating: str | None
    credit_override: bool
    shared: bool  # office mode: every rep may see it, not only its owner and team
    credit_limit: Decimal | None
    relationship_level: int | None
    preferences: str | None
    family_notes: str | None
    social_notes: str | None
    notes: str | None
    exit_reason: str | None
    exit_notes: str | None
    external_id: str | None
    first_purchase_on: date | None
    last_purchase_on: date | None
    last_contact_at: datetime | None
    next_followup_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    phones: list[PhoneEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)
    messengers: list[MessengerEntry] = field(default_factory=list)
    addresses: list[AddressEntry] = field(default_factory=list)
    contacts: list[ContactEntry] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    relations: list[RelationEntry] = field(default_factory=list)


# --------------------------------------------------------------------------- validation


def _entries(values: Iterable[Any] | None, make: type, key: str) -> list[Any]:
    """Accept dataclass entries, dicts or plain strings for a collection."""
    result = []
    for value in values or ():
        if isinstance(value, make):
            result.append(value)
        elif isinstance(value, Mapping):
            result.append(make(**value))
        else:
            result.append(make(**{key: value}))
    return result


def _clean_phones(
    values: Iterable[Any] | None, errors: dict[str, str], where: str
) -> list[PhoneEntry]:
    result = []
    for entry in _entries(values, PhoneEntry, "number"):
        if not (entry.number or "").strip():
            continue
        try:
            normal = normalize_phone(entry.number, allow_unverified=not entry.verified)
            label = clean_choice(
                entry.label or ("mobile" if normal.is_mobile else "work"), PHONE_LABELS
            )
        except FieldError as exc:
            errors.setdefault(where, exc.reason)
            continue
        if all(p.e164 != normal.e164 for p in result):
            result.append(
                PhoneEntry(normal.number, label, normal.e164, normal.digits, normal.verified)
            )
    return result


def _clean_emails(
    values: Iterable[Any] | None, errors: dict[str, str], where: str
) -> list[EmailEntry]:
    result = []
    for entry in _entries(values, EmailEntry, "address"):
        if not (entry.address or "").strip():
            continue
        try:
            address = normalize_email(entry.address)
            label = clean_choice(entry.label or "work", EMAIL_LABELS)
        except FieldError as exc:
            errors.setdefault(where, exc.reason)
            continue
        if all(e.address != address for e in result):
            result.append(EmailEntry(address, label))
    return result


def _clean_collections(data: Mapping[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "phones" in data:
        clean["phones"] = _clean_phones(data["phones"], errors, "phones")
    if "emails" in data:
        clean["emails"] = _clean_emails(data["emails"], errors, "emails")
    if "messengers" in data:
        entries = []
        for entry in _entries(data["messengers"], MessengerEntry, "handle"):
            try:
                handle = clean_text(entry.handle, max_length=100)
                service = clean_choice(entry.service or "wechat", MESSENGER_SERVICES)
            except FieldError as exc:
                errors.setdefault("messengers", exc.reason)
                continue
            if handle:
                entries.append(MessengerEntry(handle, service))
        clean["messengers"] = entries
    if "addresses" in data:
        entries = []
        for entry in _entries(data["addresses"], AddressEntry, "street"):
            try:
                values = {
                    name: clean_text(
                        getattr(entry, name), max_length=300 if name == "street" else 50
                    )
                    for name in ("country", "province", "city", "district", "street", "postcode")
                }
                values["label"] = clean_choice(entry.label or "work", ADDRESS_LABELS)
            except FieldError as exc:
                errors.setdefault("addresses", exc.reason)
                continue
            if any(v for k, v in values.items() if k != "label"):
                entries.append(AddressEntry(**values))
        clean["addresses"] = entries
    if "contacts" in data:
        entries = []
        for index, entry in enumerate(_entries(data["contacts"], ContactEntry, "name")):
            where = f"contacts[{index + 1}]"
            try:
                name = clean_text(entry.name, max_length=100, required=True)
                contact = ContactEntry(
                    name=name,
                    id=entry.id,
                    title=clean_text(entry.title, max_length=100),
                    department=clean_text(entry.department, max_length=100),
                    gender=clean_choice(entry.gender, GENDERS),
                    is_primary=bool(entry.is_primary),
                    notes=clean_text(entry.notes, max_length=10_000, multiline=True),
                )
            except FieldError as exc:
                errors.setdefault(where, exc.reason)
                continue
            contact.phones = _clean_phones(entry.phones, errors, where)
            contact.emails = _clean_emails(entry.emails, errors, where)
            entries.append(contact)
        clean["contacts"] = entries
    if "tags" in data:
        tags: list[str] = []
        for value in data["tags"] or ():
            try:
                tag = clean_text(value, max_length=50)
            except FieldError as exc:
                errors.setdefault("tags", exc.reason)
                continue
            if tag and tag not in tags:
                tags.append(tag)
        clean["tags"] = tags
    return clean


def _clean_scalar(name: str, value: Any) -> Any:
    if name in _TEXT_LIMITS:
        return clean_text(value, max_length=_TEXT_LIMITS[name], required=name == "name")
    if name in _LONG_TEXT:
        return clean_text(value, max_length=100_000, multiline=True)
    if name in _CHOICES:
        return clean_choice(value, _CHOICES[name], required=name in ("kind", "status", "stage"))
    if name in _FLAGS:
        return bool(value)
    if name == "birthday":
        return parse_date(value, not_future=True)
    if name == "lunar_birthday_month":
        return clean_int(value, 1, 12)
    if name == "lunar_birthday_day":
        return clean_int(value, 1, 30)
    if name == "stars":
        return clean_int(value, 0, 5, default=0)
    if name == "relationship_level":
        return clean_int(value, 1, 5)
    if name == "credit_limit":
        return clean_money(value)
    if name == "owner":
        return _owner_id(value)
    if name == "referred_by":
        return _customer_ref(value)
    raise KeyError(name)


def _owner_id(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int):
        user = User.get_or_none(User.id == value)
    else:
        name = str(value).strip()
        user = User.get_or_none((User.username == name) | (User.display_name == name))
    if user is None:
        raise FieldError(text("unknown_owner", value=value))
    return user.id


def _customer_ref(value: Any) -> int | None:
    if value in (None, ""):
        return None
    cond = Customer.id == value if isinstance(value, int) else Customer.code == str(value).strip()
    found = Customer.get_or_none(cond & Customer.deleted_at.is_null())
    if found is None:
        raise FieldError(text("unknown_customer", value=value))
    return found.id


def validate_customer(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean every field in `data`; raises `ValidationError` naming each bad field.

    With `partial`, only the fields present are checked (an update); otherwise the
    customer must be complete (a new one).
    """
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    names = [n for n in SCALAR_FIELDS if n in data]
    if not partial:
        names += [n for n in ("name", "kind", "status", "stage") if n not in data]
    for name in names:
        default = {"kind": "individual", "status": "potential", "stage": "potential"}.get(name)
        try:
            clean[name] = _clean_scalar(name, data.get(name, default))
        except FieldError as exc:
            errors[name] = exc.reason
    clean.update(_clean_collections(data, errors))
    month, day = clean.get("lunar_birthday_month"), clean.get("lunar_birthday_day")
    if (month is None) != (day is None) and "lunar_birthday_month" not in errors:
        errors["lunar_birthday_month"] = text("bad_lunar")
    if errors:
        raise ValidationError(errors)
    return clean


# ------------------------------------------------------------------------------ writing


def reserve_codes(count: int) -> list[str]:
    """Take `count` new customer codes (C000001 …); call inside a write transaction."""
    setting = _code_counter()
    start = int(setting.value or 0)
    if start == 0:  # a database whose codes came from elsewhere: continue after the highest
        highest = (
            Customer.select(peewee.fn.MAX(Customer.code))
            .where(Customer.code.startswith(CODE_PREFIX))
            .scalar()
        )
        digits = (highest or "")[len(CODE_PREFIX) :]
        start = int(digits) if digits.isdigit() else 0
    Setting.update(value=start + count, updated_at=utcnow()).where(
        Setting.key == _CODE_COUNTER
    ).execute()
    return [f"{CODE_PREFIX}{n:0{CODE_DIGITS}d}" for n in range(start + 1, start + count + 1)]


def _code_counter() -> Setting:
    """The code counter's row, locked until the transaction ends.

    On SQLite the write transaction already holds the whole database. On PostgreSQL two
    users may take codes at once: FOR UPDATE makes the second wait for the first's commit
    and then read the counter it left, so no code is handed out twice.
    """
    Setting.get_or_create(key=_CODE_COUNTER, defaults={"value": 0})
    query = Setting.select().where(Setting.key == _CODE_COUNTER)
    return (query if is_sqlite(database_of(Setting)) else query.for_update()).get()


def note_used_code(code: str) -> None:
    """Keep the code counter past `code` (C000123) when a customer arrives with its own code.

    Call inside the write transaction that stores it, so later new codes never collide.
    """
    digits = code[len(CODE_PREFIX) :] if code.startswith(CODE_PREFIX) else ""
    if not digits.isdigit():
        return
    number = int(digits)
    setting = _code_counter()
    if int(setting.value or 0) < number:
        Setting.update(value=number, updated_at=utcnow()).where(Setting.id == setting.id).execute()


def sort_key(name: str) -> str:
    """The name spelt in pinyin, then the name: orders 张三 among the Z's."""
    return f"{search_index.pinyin_spelling(name, person=True)} {name}".lower()


def _region_from(addresses: list[AddressEntry]) -> dict[str, str | None]:
    first = addresses[0] if addresses else AddressEntry()
    return {"province": first.province, "city": first.city, "district": first.district}


def _replace_rows(model: type[peewee.Model], where: Any, wanted: list[dict[str, Any]]) -> None:
    """Make the rows of `model` matching `where` be those `wanted`: a row already there
    with the same values stays as it is (with its uuid, so a sync sees only what really
    changed, and two replicas adding a phone each keep the one they shared once); the
    others are deleted, and the missing ones inserted."""
    fields = sorted(wanted[0]) if wanted else []

    def key(values: Mapping[str, Any]) -> tuple:
        return tuple(values.get(name) for name in fields)

    missing = Counter(key(values) for values in wanted)
    gone = []
    for row in model.select().where(where):
        if missing[key(row.__data__)] > 0:
            missing[key(row.__data__)] -= 1
        else:
            gone.append(row.id)
    if gone:
        model.delete().where(model.id.in_(gone)).execute()
    for values in wanted:
        if missing[key(values)] > 0:
            missing[key(values)] -= 1
            model.create(**values)


def _write_collections(customer_id: int, clean: Mapping[str, Any]) -> None:
    if "phones" in clean:
        _replace_rows(
            Phone,
            (Phone.customer == customer_id) & Phone.contact.is_null(),
            [
                _phone_values(customer_id, None, p, is_primary=i == 0)
                for i, p in enumerate(clean["phones"])
            ],
        )
    if "emails" in clean:
        _replace_rows(
            Email,
            (Email.customer == customer_id) & Email.contact.is_null(),
            [
                {
                    "customer": customer_id,
                    "contact": None,
                    "label": e.label,
                    "address": e.address,
                    "is_primary": i == 0,
                }
                for i, e in enumerate(clean["emails"])
            ],
        )
    if "messengers" in clean:
        _replace_rows(
            MessengerAccount,
            MessengerAccount.customer == customer_id,
            [
                {"customer": customer_id, "service": m.service, "handle": m.handle}
                for m in clean["messengers"]
            ],
        )
    if "addresses" in clean:
        _replace_rows(
            Address,
            Address.customer == customer_id,
            [
                {"customer": customer_id, "is_primary": i == 0, **vars(a)}
                for i, a in enumerate(clean["addresses"])
            ],
        )
    if "contacts" in clean:
        _write_contacts(customer_id, clean["contacts"])
    if "tags" in clean:
        tags = [Tag.get_or_create(name=name)[0].id for name in clean["tags"]]
        _replace_rows(
            CustomerTag,
            CustomerTag.customer == customer_id,
            [{"customer": customer_id, "tag": tag} for tag in tags],
        )


def _phone_values(
    customer_id: int, contact_id: int | None, p: PhoneEntry, *, is_primary: bool = False
) -> dict[str, Any]:
    return {
        "customer": customer_id,
        "contact": contact_id,
        "label": p.label,
        "number": p.number,
        "e164": p.e164,
        "digits": p.digits,
        "is_primary": is_primary,
        "verified": p.verified,
    }


def _write_contacts(customer_id: int, contacts: list[ContactEntry]) -> None:
    existing = {
        c.id: c
        for c in ContactPerson.select().where(
            (ContactPerson.customer == customer_id) & ContactPerson.deleted_at.is_null()
        )
    }
    kept: set[int] = set()
    for entry in contacts:
        values = {
            "name": entry.name,
            "title": entry.title,
            "department": entry.department,
            "gender": entry.gender,
            "is_primary": entry.is_primary,
            "notes": entry.notes,
        }
        row = existing.get(entry.id) if entry.id else None
        if row is None:
            row = ContactPerson.create(customer=customer_id, **values)
        else:
            ContactPerson.update(updated_at=utcnow(), **values).where(
                ContactPerson.id == row.id
            ).execute()
        kept.add(row.id)
        _replace_rows(
            Phone,
            Phone.contact == row.id,
            [_phone_values(customer_id, row.id, p) for p in entry.phones],
        )
        _replace_rows(
            Email,
            Email.contact == row.id,
            [
                {
                    "customer": customer_id,
                    "contact": row.id,
                    "label": e.label,
                    "address": e.address,
                    "is_primary": False,
                }
                for e in entry.emails
            ],
        )
    gone = [cid for cid in existing if cid not in kept]
    if gone:
        # Contacts are referenced by follow-ups: keep the row, mark it deleted; their
        # phones and emails go, so the customer is no longer found by them.
        ContactPerson.update(deleted_at=utcnow()).where(ContactPerson.id.in_(gone)).execute()
        Phone.delete().where(Phone.contact.in_(gone)).execute()
        Email.delete().where(Email.contact.in_(gone)).execute()


def create_customer(
    data: Mapping[str, Any], *, changed_by: str | None = None, code: str | None = None
) -> CustomerRecord:
    """Validate and store a new customer; returns it as saved (with its new code)."""
    with write_transaction():
        clean = validate_customer(data)
        if code is not None:
            if Customer.select().where(Customer.code == code).exists():
                raise ValidationError({"code": text("duplicate_code", value=code)})
            note_used_code(code)
        else:
            code = reserve_codes(1)[0]
        scalars = {k: v for k, v in clean.items() if k in SCALAR_FIELDS}
        if "addresses" in clean and not any(k in data for k in ("province", "city", "district")):
            scalars.update(_region_from(clean["addresses"]))
        customer = Customer.create(code=code, sort_key=sort_key(clean["name"]), **scalars)
        _write_collections(customer.id, clean)
        history.record(customer.id, "create", [("code", None, code)], changed_by=changed_by)
        reindex_customers([customer.id])
    return get_customer(customer.id)


def update_customer(
    customer_id: int,
    changes: Mapping[str, Any],
    *,
    changed_by: str | None = None,
    expected_version: int | None = None,
) -> CustomerRecord:
    """Apply `changes` (only the fields given) after validating them.

    Each changed field is written to the history (old → new). With `expected_version`,
    a customer changed by someone else since it was read raises `ConflictError`.
    """
    with write_transaction():
        before = get_customer(customer_id)
        if before.deleted_at is not None:
            raise NotFoundError(text("in_trash", value=before.code))
        if expected_version is not None and before.version != expected_version:
            raise _conflict(before, expected_version)
        clean = validate_customer(changes, partial=True)
        if "addresses" in clean and not any(k in changes for k in ("province", "city", "district")):
            clean.update(_region_from(clean["addresses"]))
        old_values = _comparable(before)
        diffs = []
        for name, value in clean.items():
            old = old_values.get(name)
            new = _comparable_value(name, value)
            if old != new:
                diffs.append((name, old, new))
        if not diffs:
            return before
        scalars = {k: v for k, v in clean.items() if k in SCALAR_FIELDS}
        if "name" in scalars:
            scalars["sort_key"] = sort_key(scalars["name"])
        # The version in the WHERE: on PostgreSQL another session may have saved since the
        # read above (SQLite's write transaction already excludes it).
        written = (
            Customer.update(version=Customer.version + 1, updated_at=utcnow(), **scalars)
            .where(Customer.id == customer_id, Customer.version == before.version)
            .execute()
        )
        if not written:
            raise _conflict(before, before.version)
        _write_collections(customer_id, {k: v for k, v in clean.items() if k in COLLECTIONS})
        history.record(customer_id, "update", diffs, changed_by=changed_by)
        reindex_customers([customer_id])
    return get_customer(customer_id)


def _conflict(before: CustomerRecord, read_version: int) -> ConflictError:
    """ "Changed since you opened it", naming who changed which fields when (newest first)."""
    current = Customer.get_by_id(before.id).version
    saves = history.recent_saves(before.id, max(current - read_version, 1))
    if not saves:
        return ConflictError(text("stale", name=before.name))
    changes = "; ".join(
        text(
            "changed_fields",
            who=save.changed_by or "?",
            fields=", ".join(save.fields) or save.action,
            when=f"{save.changed_at.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}",
        )
        for save in saves
    )
    return ConflictError(text("stale_by", name=before.name, changes=changes), tuple(saves))


def _joined(*parts: object) -> str:
    return ", ".join(str(p) for p in parts if p not in (None, "", False))


def _contact_text(c: ContactEntry) -> str:
    details = _joined(
        c.title,
        c.department,
        c.gender,
        "primary" if c.is_primary else None,
        c.notes,
        *(f"{p.number} ({p.label})" for p in c.phones),
        *(f"{e.address} ({e.label})" for e in c.emails),
    )
    return f"{c.name} ({details})" if details else c.name


def _comparable_value(name: str, value: Any) -> Any:
    """A value as the history shows it: codes and usernames, every detail of an entry.

    Two values are the same change-wise exactly when these forms are equal, so an entry's
    text includes everything the user can edit in it (a phone's kind, a contact's title).
    """
    if name == "owner" and value is not None:
        return User.get_by_id(value).username
    if name == "referred_by" and value is not None:
        return Customer.get_by_id(value).code
    if name == "phones":
        return [f"{p.number} ({p.label})" for p in value]
    if name == "emails":
        return [f"{e.address} ({e.label})" for e in value]
    if name == "messengers":
        return [f"{m.service}:{m.handle}" for m in value]
    if name == "addresses":
        return [f"{a.label}: " + _joined(a.one_line(), a.postcode, a.country) for a in value]
    if name == "contacts":
        return [_contact_text(c) for c in value]
    return value


def _comparable(record: CustomerRecord) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in SCALAR_FIELDS}
    values.update({name: _comparable_value(name, getattr(record, name)) for name in COLLECTIONS})
    return values


def trash_customers(customer_ids: Iterable[int], *, changed_by: str | None = None) -> int:
    """Move customers to the trash (restorable); returns how many were moved."""
    ids = list(customer_ids)
    with write_transaction():
        live = [
            c.id
            for c in Customer.select(Customer.id).where(
                Customer.id.in_(ids) & Customer.deleted_at.is_null()
            )
        ]
        if not live:
            return 0
        Customer.update(
            deleted_at=utcnow(), updated_at=utcnow(), version=Customer.version + 1
        ).where(Customer.id.in_(live)).execute()
        for cid in live:
            history.record(cid, "trash", changed_by=changed_by)
    return len(live)


def restore_customers(customer_ids: Iterable[int], *, changed_by: str | None = None) -> int:
    """Bring customers back from the trash; returns how many were restored."""
    ids = list(customer_ids)
    with write_transaction():
        # A merged customer lives on in the one it was merged into: unmerge brings it back.
        trashed = [
            c.id
            for c in Customer.select(Customer.id).where(
                Customer.id.in_(ids)
                & Customer.deleted_at.is_null(False)
                & Customer.merged_into.is_null()
                & Customer.erased_at.is_null()
            )
        ]
        if not trashed:
            return 0
        Customer.update(deleted_at=None, updated_at=utcnow(), version=Customer.version + 1).where(
            Customer.id.in_(trashed)
        ).execute()
        for cid in trashed:
            history.record(cid, "restore", changed_by=changed_by)
    return len(trashed)


def add_relation(
    from_id: int, to_id: int, kind: str, *, notes: str | None = None, changed_by: str | None = None
) -> None:
    """Relate two customers (spouse, colleague, referred-by …), recorded in both histories."""
    if from_id == to_id:
        raise ValidationError({"relations": text("self_relation")})
    try:
        kind = clean_choice(kind, RELATION_KINDS, required=True)
    except FieldError as exc:
        raise ValidationError({"relations": exc.reason}) from exc
    with write_transaction():
        a, b = get_customer(from_id), get_customer(to_id)
        CustomerRelation.create(from_customer=from_id, to_customer=to_id, kind=kind, notes=notes)
        history.record(
            from_id,
            "update",
            [("relations", None, f"{kind}: {b.code} {b.name}")],
            changed_by=changed_by,
        )
        history.record(
            to_id,
            "update",
            [("relations", None, f"{kind}: {a.code} {a.name}")],
            changed_by=changed_by,
        )


def remove_relation(from_id: int, to_id: int, kind: str, *, changed_by: str | None = None) -> int:
    with write_transaction():
        removed = (
            CustomerRelation.delete()
            .where(
                (CustomerRelation.from_customer == from_id)
                & (CustomerRelation.to_customer == to_id)
                & (CustomerRelation.kind == kind)
            )
            .execute()
        )
        if removed:
            other = get_customer(to_id)
            history.record(
                from_id,
                "update",
                [("relations", f"{kind}: {other.code} {other.name}", None)],
                changed_by=changed_by,
            )
    return removed


# ------------------------------------------------------------------------------ reading


def customer_id_for_code(code: str) -> int:
    """The id of the customer with this code (also in the trash); `NotFoundError` if none."""
    row = Customer.get_or_none(Customer.code == code.strip().upper())
    if row is None:
        raise NotFoundError(text("unknown_customer", value=code))
    return row.id


def get_customer(customer_id: int) -> CustomerRecord:
    """The whole customer as plain data; raises `NotFoundError` if there is none."""
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    contacts = {
        c.id: ContactEntry(c.name, c.id, c.title, c.department, c.gender, c.is_primary, c.notes)
        for c in ContactPerson.select()
        .where((ContactPerson.customer == customer_id) & ContactPerson.deleted_at.is_null())
        .order_by(ContactPerson.is_primary.desc(), ContactPerson.id)
    }
    record = CustomerRecord(
        **{
            name: getattr(row, name)
            for name in CustomerRecord.__dataclass_fields__
            if name not in COLLECTIONS + ("relations", "owner", "referred_by", "uuid")
        },
        uuid=str(row.uuid),
        owner=row.owner.username if row.owner_id else None,
        referred_by=row.referred_by.code if row.referred_by_id else None,
    )
    for p in Phone.select().where(Phone.customer == customer_id).order_by(Phone.id):
        entry = PhoneEntry(p.number, p.label, p.e164, p.digits, p.verified)
        if p.contact_id is None:
            record.phones.append(entry)
        elif p.contact_id in contacts:
            contacts[p.contact_id].phones.append(entry)
    for e in Email.select().where(Email.customer == customer_id).order_by(Email.id):
        if e.contact_id is None:
            record.emails.append(EmailEntry(e.address, e.label))
        elif e.contact_id in contacts:
            contacts[e.contact_id].emails.append(EmailEntry(e.address, e.label))
    record.messengers = [
        MessengerEntry(m.handle, m.service)
        for m in MessengerAccount.select()
        .where(MessengerAccount.customer == customer_id)
        .order_by(MessengerAccount.id)
    ]
    record.addresses = [
        AddressEntry(a.label, a.country, a.province, a.city, a.district, a.street, a.postcode)
        for a in Address.select().where(Address.customer == customer_id).order_by(Address.id)
    ]
    record.contacts = list(contacts.values())
    record.tags = [
        t.name
        for t in Tag.select(Tag.name)
        .join(CustomerTag)
        .where(CustomerTag.customer == customer_id)
        .order_by(CustomerTag.id)
    ]
    record.relations = _relations(customer_id)
    return record


def _relations(customer_id: int) -> list[RelationEntry]:
    result = []
    query = (
        CustomerRelation.select()
        .where(
            (CustomerRelation.from_customer == customer_id)
            | (CustomerRelation.to_customer == customer_id)
        )
        .order_by(CustomerRelation.id)
    )
    for rel in query:
        other = rel.to_customer if rel.from_customer_id == customer_id else rel.from_customer
        result.append(RelationEntry(other.id, other.code, other.name, rel.kind, rel.notes))
    return result


# --------------------------------------------------------------------------- the index


def search_fields(customer_ids: Iterable[int]) -> dict[int, search_index.SearchFields]:
    """What each customer is found by, read in a few queries for any number of customers."""
    ids = list(customer_ids)
    result: dict[int, search_index.SearchFields] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        rows = (
            Customer.select(
                Customer.id,
                Customer.code,
                Customer.name,
                Customer.kind,
                Customer.company_name,
                Customer.notes,
                Customer.preferences,
            )
            .where(Customer.id.in_(chunk))
            .tuples()
        )
        contacts, phones, emails, tags = (defaultdict(list) for _ in range(4))
        for cid, name in (
            ContactPerson.select(ContactPerson.customer, ContactPerson.name)
            .where(ContactPerson.customer.in_(chunk) & ContactPerson.deleted_at.is_null())
            .tuples()
        ):
            contacts[cid].append(name)
        for cid, number, e164 in (
            Phone.select(Phone.customer, Phone.number, Phone.e164)
            .where(Phone.customer.in_(chunk))
            .tuples()
        ):
            phones[cid].append(
                ("".join(ch for ch in number if ch.isdigit()), (e164 or "").lstrip("+"))
            )
        for cid, address in (
            Email.select(Email.customer, Email.address).where(Email.customer.in_(chunk)).tuples()
        ):
            emails[cid].append(address)
        for cid, name in (
            CustomerTag.select(CustomerTag.customer, Tag.name)
            .join(Tag)
            .where(CustomerTag.customer.in_(chunk))
            .tuples()
        ):
            tags[cid].append(name)
        for cid, code, name, kind, company, notes, preferences in rows:
            result[cid] = search_index.SearchFields(
                code=code,
                name=name,
                is_person=kind == "individual",
                company_name=company or "",
                contact_names=contacts[cid],
                phones=phones[cid],
                emails=emails[cid],
                tags=tags[cid],
                notes=(notes or "", preferences or ""),
            )
    return result


def reindex_customers(customer_ids: Iterable[int]) -> None:
    """Rewrite the search documents of these customers (inside the caller's transaction)."""
    fields = search_fields(customer_ids)
    search_index.write_documents(
        database_of(Customer),
        ((cid, search_index.build_document(f)) for cid, f in fields.items()),
    )


def rebuild_search_index(batch: int = 2000) -> int:
    """Rebuild the whole index (after a restore or an upgrade); returns the customer count."""
    ids = [cid for (cid,) in Customer.select(Customer.id).tuples()]
    for start in range(0, len(ids), batch):
        with write_transaction():
            reindex_customers(ids[start : start + batch])
    return len(ids)
