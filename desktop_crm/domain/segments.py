"""Saved filters with a name ("segments"), e.g. "Beijing A customers"."""

from __future__ import annotations

from dataclasses import asdict, fields

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Segment, utcnow
from desktop_crm.domain.messages import text
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.domain.validation import FieldError, clean_text
from desktop_crm.errors import NotFoundError, ValidationError


def save_segment(name: str, query: CustomerQuery) -> None:
    """Save `query` under `name`, replacing a segment of the same name."""
    try:
        clean = clean_text(name, max_length=100, required=True)
    except FieldError as exc:
        raise ValidationError({"name": exc.reason}) from exc
    values = {k: v for k, v in asdict(query).items() if v not in (None, "", False)}
    with write_transaction():
        updated = (
            Segment.update(query=values, updated_at=utcnow()).where(Segment.name == clean).execute()
        )
        if not updated:
            Segment.create(name=clean, query=values)


def segment_names() -> list[str]:
    return [name for (name,) in Segment.select(Segment.name).order_by(Segment.name).tuples()]


def segment_query(name: str) -> CustomerQuery:
    """The saved query; keys this version does not know are ignored."""
    row = Segment.get_or_none(Segment.name == name)
    if row is None:
        raise NotFoundError(text("unknown_segment", value=name))
    known = {f.name for f in fields(CustomerQuery)}
    return CustomerQuery(**{k: v for k, v in (row.query or {}).items() if k in known})


def delete_segment(name: str) -> None:
    with write_transaction():
        Segment.delete().where(Segment.name == name).execute()
