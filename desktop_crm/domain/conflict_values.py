"""The two sides of a sync conflict as people read them, and a third value they type.

`sync.conflicts()` keeps both sides in the wire form: a reference is the uuid of the row
it points to, dates and times are text. `readable` turns a side into a plain value to
show (a reference becomes the name of its row; `wire_time` reads a time), `row_title`
names a row for a person, `can_type` says whether a field may take a value typed instead
of either side, and `typed_value` checks such a value by the field's rules and gives it
in the wire form that `sync.resolve` takes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import peewee

from desktop_crm.db.models import JSONTextField
from desktop_crm.domain import customers, sync_rows
from desktop_crm.domain.validation import (
    FieldError,
    clean_int,
    clean_money,
    clean_text,
    parse_date,
)
from desktop_crm.errors import CrmError, ValidationError

# The columns that name a row, best first (a user, a customer, an order, a follow-up…).
_NAMING_COLUMNS = (
    "display_name",
    "username",
    "name",
    "order_no",
    "subject",
    "number",
    "address",
    "handle",
    "street",
    "product",
    "tracking_no",
    "description",
    "file_name",
    "code",
)
_BOOKKEEPING = frozenset({"id", "uuid", "created_at", "updated_at", "version", "sort_key"})
_TYPABLE = (
    peewee.CharField,
    peewee.TextField,
    peewee.IntegerField,
    peewee.DecimalField,
    peewee.DateField,
)
_CHOSEN_ONLY = (
    JSONTextField,
    peewee.ForeignKeyField,
    peewee.BooleanField,
    peewee.DateTimeField,
    peewee.UUIDField,
)
_INT_LIMIT = 2**31 - 1
_TABLES = sync_rows.TABLES  # as `sync.Conflict.table` names them


def _field(table: str, name: str) -> peewee.Field | None:
    model = _TABLES.get(table)
    return None if model is None else model._meta.fields.get(name)


def wire_time(wire: str) -> datetime:
    """A time in the wire form (UTC) as a naive UTC datetime."""
    return datetime.fromisoformat(wire)


def readable(table: str, field: str, wire: Any) -> Any:
    """One side of a field conflict as a plain value: None, bool, int, Decimal, date,
    datetime (naive UTC) or text; a reference: the name of the row it points to here."""
    f = _field(table, field)
    if wire is None or f is None:
        return wire
    if isinstance(f, peewee.ForeignKeyField):
        return row_title(f.rel_model._meta.table_name, str(wire)) or str(wire)[:8]
    if isinstance(f, peewee.DateTimeField):
        return wire_time(str(wire))
    if isinstance(f, peewee.DateField):
        return date.fromisoformat(str(wire))
    if isinstance(f, peewee.DecimalField):
        return Decimal(str(wire))
    if isinstance(f, peewee.BooleanField):
        return bool(wire)
    return wire


def row_title(table: str, row_uuid: str) -> str | None:
    """What names the row here (a customer's name, a follow-up's subject, a phone number);
    None when the row is not here or has nothing to be named by."""
    model = _TABLES.get(table)
    if model is None:
        return None
    try:
        key = UUID(row_uuid)
    except ValueError:
        return None
    row = model.get_or_none(model.uuid == key)
    if row is None:
        return None
    for column in _NAMING_COLUMNS:
        value = row.__data__.get(column) if column in model._meta.fields else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def can_type(table: str, field: str) -> bool:
    """Whether a person may type a value for this field instead of either side: text,
    numbers and dates, not references, yes/no flags, times or bookkeeping."""
    f = _field(table, field)
    if f is None or field in _BOOKKEEPING or isinstance(f, _CHOSEN_ONLY):
        return False
    if table == "customer":
        return field in customers.SCALAR_FIELDS
    return isinstance(f, _TYPABLE)


def takes_lines(table: str, field: str) -> bool:
    """Whether the field holds text of several lines (notes), not one line."""
    f = _field(table, field)
    return isinstance(f, peewee.TextField) and not isinstance(f, JSONTextField)


def typed_value(table: str, field: str, text: str) -> Any:
    """`text` checked by the field's rules, in the wire form; `ValidationError` naming the
    field and the reason when it does not fit."""
    if not can_type(table, field):
        raise CrmError(f"{table}.{field} takes one of the two values, not another")
    f = _field(table, field)
    assert f is not None
    try:
        if table == "customer":  # the customer rules, as the form checks them
            value = customers.validate_customer({field: text}, partial=True)[field]
        else:
            value = _clean(f, text)
    except FieldError as exc:
        raise ValidationError({field: exc.reason}) from None
    return sync_rows.wire_value(f, value)


def _clean(f: peewee.Field, text: str) -> Any:
    if isinstance(f, peewee.DateField):
        return parse_date(text)
    if isinstance(f, peewee.DecimalField):
        return clean_money(text)
    if isinstance(f, peewee.IntegerField):
        return clean_int(text, -_INT_LIMIT, _INT_LIMIT)
    limit = getattr(f, "max_length", None) or 100_000
    multiline = isinstance(f, peewee.TextField)
    return clean_text(text, max_length=limit, required=not f.null, multiline=multiline)
