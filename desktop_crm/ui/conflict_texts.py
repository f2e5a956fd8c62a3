"""How a sync conflict reads: what is at stake, each side's value, who changed it at the
office and when, and what Keep Mine and Take Theirs will do.

Fields are named as the form names them (`labels.column_title`), stored codes by their
labels; times are shown in local time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop_crm.domain import conflict_values
from desktop_crm.domain.sync import Conflict
from desktop_crm.ui import labels
from desktop_crm.ui.widgets.history_view import local_time_text

CONTEXT = "ConflictTexts"

_TABLES = {
    "customer": QT_TRANSLATE_NOOP("ConflictTexts", "Customer"),
    "contact_person": QT_TRANSLATE_NOOP("ConflictTexts", "Contact person"),
    "phone": QT_TRANSLATE_NOOP("ConflictTexts", "Phone"),
    "email": QT_TRANSLATE_NOOP("ConflictTexts", "Email"),
    "messenger_account": QT_TRANSLATE_NOOP("ConflictTexts", "WeChat / IM account"),
    "address": QT_TRANSLATE_NOOP("ConflictTexts", "Address"),
    "tag": QT_TRANSLATE_NOOP("ConflictTexts", "Tag"),
    "customer_tag": QT_TRANSLATE_NOOP("ConflictTexts", "Tag of the customer"),
    "customer_relation": QT_TRANSLATE_NOOP("ConflictTexts", "Relation"),
    "follow_up": QT_TRANSLATE_NOOP("ConflictTexts", "Follow-up"),
    "order": QT_TRANSLATE_NOOP("ConflictTexts", "Order"),
    "shipment": QT_TRANSLATE_NOOP("ConflictTexts", "Shipment"),
    "payment": QT_TRANSLATE_NOOP("ConflictTexts", "Payment"),
    "complaint": QT_TRANSLATE_NOOP("ConflictTexts", "Complaint"),
    "survey": QT_TRANSLATE_NOOP("ConflictTexts", "Survey"),
    "change_log": QT_TRANSLATE_NOOP("ConflictTexts", "History entry"),
    "customer_merge": QT_TRANSLATE_NOOP("ConflictTexts", "Merge"),
    "import_batch": QT_TRANSLATE_NOOP("ConflictTexts", "Import"),
    "import_update": QT_TRANSLATE_NOOP("ConflictTexts", "Change by an import"),
    "strategy_step": QT_TRANSLATE_NOOP("ConflictTexts", "Relationship step"),
    "user": QT_TRANSLATE_NOOP("ConflictTexts", "User"),
}
# Fields of the rows that belong to a customer, where the form has no title for them.
_FIELDS = {
    "deleted_at": QT_TRANSLATE_NOOP("ConflictTexts", "In the trash"),
    "subject": QT_TRANSLATE_NOOP("ConflictTexts", "Subject"),
    "content": QT_TRANSLATE_NOOP("ConflictTexts", "Content"),
    "outcome": QT_TRANSLATE_NOOP("ConflictTexts", "Outcome"),
    "channel": QT_TRANSLATE_NOOP("ConflictTexts", "Channel"),
    "due_at": QT_TRANSLATE_NOOP("ConflictTexts", "Planned for"),
    "occurred_at": QT_TRANSLATE_NOOP("ConflictTexts", "Made at"),
    "initiated_by": QT_TRANSLATE_NOOP("ConflictTexts", "Who started it"),
    "contact": QT_TRANSLATE_NOOP("ConflictTexts", "Contact person"),
    "number": QT_TRANSLATE_NOOP("ConflictTexts", "Number"),
    "address": QT_TRANSLATE_NOOP("ConflictTexts", "Address"),
    "label": QT_TRANSLATE_NOOP("ConflictTexts", "Label"),
    "is_primary": QT_TRANSLATE_NOOP("ConflictTexts", "Primary"),
    "service": QT_TRANSLATE_NOOP("ConflictTexts", "Service"),
    "handle": QT_TRANSLATE_NOOP("ConflictTexts", "Account"),
    "country": QT_TRANSLATE_NOOP("ConflictTexts", "Country"),
    "color": QT_TRANSLATE_NOOP("ConflictTexts", "Colour"),
    "order_no": QT_TRANSLATE_NOOP("ConflictTexts", "Order number"),
    "order_date": QT_TRANSLATE_NOOP("ConflictTexts", "Order date"),
    "product": QT_TRANSLATE_NOOP("ConflictTexts", "Product"),
    "category": QT_TRANSLATE_NOOP("ConflictTexts", "Category"),
    "quantity": QT_TRANSLATE_NOOP("ConflictTexts", "Quantity"),
    "amount": QT_TRANSLATE_NOOP("ConflictTexts", "Amount"),
    "cost": QT_TRANSLATE_NOOP("ConflictTexts", "Cost"),
    "payment_due": QT_TRANSLATE_NOOP("ConflictTexts", "Payment due"),
    "shipped_on": QT_TRANSLATE_NOOP("ConflictTexts", "Shipped on"),
    "carrier": QT_TRANSLATE_NOOP("ConflictTexts", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("ConflictTexts", "Tracking number"),
    "paid_on": QT_TRANSLATE_NOOP("ConflictTexts", "Paid on"),
    "method": QT_TRANSLATE_NOOP("ConflictTexts", "Payment method"),
    "reference": QT_TRANSLATE_NOOP("ConflictTexts", "Reference"),
    "opened_at": QT_TRANSLATE_NOOP("ConflictTexts", "Opened at"),
    "severity": QT_TRANSLATE_NOOP("ConflictTexts", "Severity"),
    "description": QT_TRANSLATE_NOOP("ConflictTexts", "Description"),
    "respond_by": QT_TRANSLATE_NOOP("ConflictTexts", "Respond by"),
    "resolved_at": QT_TRANSLATE_NOOP("ConflictTexts", "Resolved at"),
    "resolution": QT_TRANSLATE_NOOP("ConflictTexts", "Resolution"),
    "surveyed_on": QT_TRANSLATE_NOOP("ConflictTexts", "Surveyed on"),
    "satisfaction": QT_TRANSLATE_NOOP("ConflictTexts", "Satisfaction"),
    "nps": QT_TRANSLATE_NOOP("ConflictTexts", "Would recommend (0–10)"),
    "comments": QT_TRANSLATE_NOOP("ConflictTexts", "Comments"),
}
# (table, field) → the kind of its stored codes in `labels.CHOICE_LABELS`.
CHOICE_KINDS = {
    **{
        ("customer", name): name
        for name in ("kind", "gender", "status", "stage", "source", "relationship_level")
    },
    ("contact_person", "gender"): "gender",
    ("follow_up", "status"): "followup_status",
    ("follow_up", "channel"): "channel",
    ("follow_up", "initiated_by"): "initiated_by",
    ("phone", "label"): "phone_label",
    ("email", "label"): "email_label",
    ("address", "label"): "address_label",
    ("messenger_account", "service"): "messenger_service",
    ("customer_relation", "kind"): "relation",
    ("order", "channel"): "order_channel",
    ("order", "status"): "order_status",
    ("payment", "method"): "payment_method",
    ("complaint", "status"): "complaint_status",
    ("complaint", "severity"): "severity",
    ("complaint", "category"): "complaint_category",
}


def _tr(text: str) -> str:
    """A text marked above with QT_TRANSLATE_NOOP in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def table_title(table: str) -> str:
    return _tr(_TABLES[table]) if table in _TABLES else table


def field_title(table: str, field: str) -> str:
    if field in _FIELDS and (table != "customer" or field == "deleted_at"):
        return _tr(_FIELDS[field])
    return labels.column_title(field)


def what_text(conflict: Conflict) -> str:
    """What is at stake: a customer's field ("Notes"), another row's field ("Follow-up:
    Subject"), or a whole row ("Follow-up “call back”")."""
    if conflict.field:
        title = field_title(conflict.table, conflict.field)
        if conflict.table == "customer":
            return title
        return (
            QCoreApplication.translate("ConflictTexts", "%1: %2")
            .replace("%1", table_title(conflict.table))
            .replace("%2", title)
        )
    name = conflict_values.row_title(conflict.table, conflict.row_uuid)
    if name is None or conflict.table == "customer":
        return table_title(conflict.table)
    return (
        QCoreApplication.translate("ConflictTexts", "%1 “%2”")
        .replace("%1", table_title(conflict.table))
        .replace("%2", name)
    )


def value_text(table: str, field: str, wire: Any) -> str:
    """One side's value of a field as a person reads it."""
    if field == "deleted_at":
        if wire is None:
            return QCoreApplication.translate("ConflictTexts", "Not in the trash")
        return QCoreApplication.translate("ConflictTexts", "In the trash since %1").replace(
            "%1", local_time_text(conflict_values.readable(table, field, wire))
        )
    value = conflict_values.readable(table, field, wire)
    if value is None or value == "":
        return QCoreApplication.translate("ConflictTexts", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictTexts", "Yes")
            if value
            else QCoreApplication.translate("ConflictTexts", "No")
        )
    if isinstance(value, datetime):
        return local_time_text(value)
    if isinstance(value, date):
        return QLocale().toString(value, QLocale.FormatType.ShortFormat)
    kind = CHOICE_KINDS.get((table, field))
    if kind is not None:
        return labels.choice_label(kind, value)
    return str(value)


def side_text(conflict: Conflict, *, mine: bool) -> str:
    """This replica's side (`mine`) or the office's, for any kind of conflict."""
    kind = conflict.kind
    if kind == "field":
        wire = conflict.local if mine else conflict.remote
        return value_text(conflict.table, conflict.field, wire)
    if kind == "deleted_here":
        return (
            QCoreApplication.translate("ConflictTexts", "Deleted")
            if mine
            else QCoreApplication.translate("ConflictTexts", "Changed")
        )
    if kind == "deleted_there":
        return (
            QCoreApplication.translate("ConflictTexts", "Changed")
            if mine
            else QCoreApplication.translate("ConflictTexts", "Deleted or no longer yours")
        )
    return (
        QCoreApplication.translate("ConflictTexts", "Your change, not sent")
        if mine
        else QCoreApplication.translate("ConflictTexts", "Refused")
    )


def office_change_text(conflict: Conflict) -> str:
    """Who changed the office's side, and when (local time): what of it is known ("" if
    nothing is, as for a row deleted there)."""
    when = ""
    if conflict.remote_at:
        try:
            when = local_time_text(conflict_values.wire_time(conflict.remote_at))
        except ValueError:
            when = conflict.remote_at
    if conflict.remote_by and when:
        return (
            QCoreApplication.translate("ConflictTexts", "%1, %2")
            .replace("%1", conflict.remote_by)
            .replace("%2", when)
        )
    return conflict.remote_by or when


def refusal_reason(conflict: Conflict) -> str:
    """The office's own words for a refused change (from PostgreSQL, untranslated)."""
    reason = conflict.reason or ""
    return reason.partition(": ")[2] or reason


def explanation(conflict: Conflict) -> str:
    """Why this is a conflict, and what each choice does."""
    kind = conflict.kind
    if kind == "field":
        return QCoreApplication.translate(
            "ConflictTexts",
            "Changed here and at the office. Keep Mine sends your value with the next sync; "
            "Take Theirs takes the office's value here.",
        )
    if kind == "deleted_here":
        return QCoreApplication.translate(
            "ConflictTexts",
            "You deleted this here while it was changed at the office. Keep Mine deletes it "
            "at the office too with the next sync; Take Theirs keeps the office's version.",
        )
    if kind == "deleted_there":
        return QCoreApplication.translate(
            "ConflictTexts",
            "You changed this here while it was deleted at the office, or it is no longer "
            "yours to see. Keep Mine sends it back to the office with the next sync; Take "
            "Theirs deletes it here too.",
        )
    return QCoreApplication.translate(
        "ConflictTexts",
        "The office refused this change: %1. Keep Mine keeps it here and tries again with "
        "the next sync; Take Theirs puts back the office's version.",
    ).replace("%1", refusal_reason(conflict))
