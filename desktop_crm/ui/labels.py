"""Translated names of fields and of the values stored as short English codes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

FIELD_TITLES: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("Labels", "Code"),
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Type"),
    "company_name": QT_TRANSLATE_NOOP("Labels", "Company"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "phones": QT_TRANSLATE_NOOP("Labels", "Phones"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "emails": QT_TRANSLATE_NOOP("Labels", "Emails"),
    "messengers": QT_TRANSLATE_NOOP("Labels", "WeChat / IM"),
    "addresses": QT_TRANSLATE_NOOP("Labels", "Addresses"),
    "contacts": QT_TRANSLATE_NOOP("Labels", "Contact persons"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "relations": QT_TRANSLATE_NOOP("Labels", "Relations"),
    "province": QT_TRANSLATE_NOOP("Labels", "Province"),
    "city": QT_TRANSLATE_NOOP("Labels", "City"),
    "district": QT_TRANSLATE_NOOP("Labels", "District"),
    "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "stage": QT_TRANSLATE_NOOP("Labels", "Lifecycle stage"),
    "grade": QT_TRANSLATE_NOOP("Labels", "Grade"),
    "stars": QT_TRANSLATE_NOOP("Labels", "Stars"),
    "relationship_level": QT_TRANSLATE_NOOP("Labels", "Relationship level"),
    "last_contact_at": QT_TRANSLATE_NOOP("Labels", "Last contact"),
    "next_followup_at": QT_TRANSLATE_NOOP("Labels", "Next follow-up"),
    "created_at": QT_TRANSLATE_NOOP("Labels", "Created"),
    "gender": QT_TRANSLATE_NOOP("Labels", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
    "lunar_birthday_month": QT_TRANSLATE_NOOP("Labels", "Lunar birthday"),
    "lunar_birthday_day": QT_TRANSLATE_NOOP("Labels", "Lunar birthday"),
    "title": QT_TRANSLATE_NOOP("Labels", "Title"),
    "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
    "company_size": QT_TRANSLATE_NOOP("Labels", "Company size"),
    "website": QT_TRANSLATE_NOOP("Labels", "Website"),
    "source": QT_TRANSLATE_NOOP("Labels", "Source"),
    "referred_by": QT_TRANSLATE_NOOP("Labels", "Referred by"),
    "credit_rating": QT_TRANSLATE_NOOP("Labels", "Credit rating"),
    "credit_limit": QT_TRANSLATE_NOOP("Labels", "Credit limit"),
    "preferences": QT_TRANSLATE_NOOP("Labels", "Preferences"),
    "family_notes": QT_TRANSLATE_NOOP("Labels", "Family"),
    "social_notes": QT_TRANSLATE_NOOP("Labels", "Social"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "exit_reason": QT_TRANSLATE_NOOP("Labels", "Exit reason"),
    "exit_notes": QT_TRANSLATE_NOOP("Labels", "Exit notes"),
    "external_id": QT_TRANSLATE_NOOP("Labels", "External ID"),
    "stage_override": QT_TRANSLATE_NOOP("Labels", "Stage set by hand"),
    "credit_override": QT_TRANSLATE_NOOP("Labels", "Credit rating set by hand"),
    "birthday_has_year": QT_TRANSLATE_NOOP("Labels", "Birth year known"),
    "lunar_birthday_leap": QT_TRANSLATE_NOOP("Labels", "Leap lunar month"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
    "street": QT_TRANSLATE_NOOP("Labels", "Street"),
    "postcode": QT_TRANSLATE_NOOP("Labels", "Postcode"),
}

CHOICE_LABELS: dict[str, dict[object, str]] = {
    "kind": {
        "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
        "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    },
    "gender": {
        "male": QT_TRANSLATE_NOOP("Labels", "Male"),
        "female": QT_TRANSLATE_NOOP("Labels", "Female"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "status": {
        "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
        "existing": QT_TRANSLATE_NOOP("Labels", "Existing"),
    },
    "stage": {
        "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
        "first_purchase": QT_TRANSLATE_NOOP("Labels", "First purchase"),
        "repeat": QT_TRANSLATE_NOOP("Labels", "Repeat"),
        "loyal": QT_TRANSLATE_NOOP("Labels", "Loyal"),
        "at_risk": QT_TRANSLATE_NOOP("Labels", "At risk"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
        "exited": QT_TRANSLATE_NOOP("Labels", "Exited"),
    },
    "source": {
        "referral": QT_TRANSLATE_NOOP("Labels", "Referral"),
        "exhibition": QT_TRANSLATE_NOOP("Labels", "Exhibition"),
        "website": QT_TRANSLATE_NOOP("Labels", "Website"),
        "advertising": QT_TRANSLATE_NOOP("Labels", "Advertising"),
        "cold_call": QT_TRANSLATE_NOOP("Labels", "Cold call"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "relationship_level": {
        1: QT_TRANSLATE_NOOP("Labels", "Basic"),
        2: QT_TRANSLATE_NOOP("Labels", "Passive"),
        3: QT_TRANSLATE_NOOP("Labels", "Responsible"),
        4: QT_TRANSLATE_NOOP("Labels", "Proactive"),
        5: QT_TRANSLATE_NOOP("Labels", "Partnership"),
    },
    "channel": {
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "phone_label": {
        "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile"),
        "work": QT_TRANSLATE_NOOP("Labels", "Work"),
        "home": QT_TRANSLATE_NOOP("Labels", "Home"),
        "fax": QT_TRANSLATE_NOOP("Labels", "Fax"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "address_label": {
        "work": QT_TRANSLATE_NOOP("Labels", "Work"),
        "home": QT_TRANSLATE_NOOP("Labels", "Home"),
        "billing": QT_TRANSLATE_NOOP("Labels", "Billing"),
        "shipping": QT_TRANSLATE_NOOP("Labels", "Shipping"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "email_label": {
        "work": QT_TRANSLATE_NOOP("Labels", "Work"),
        "home": QT_TRANSLATE_NOOP("Labels", "Home"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "messenger_service": {
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "qq": QT_TRANSLATE_NOOP("Labels", "QQ"),
        "whatsapp": QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
        "line": QT_TRANSLATE_NOOP("Labels", "LINE"),
        "telegram": QT_TRANSLATE_NOOP("Labels", "Telegram"),
        "skype": QT_TRANSLATE_NOOP("Labels", "Skype"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "relation": {
        "spouse": QT_TRANSLATE_NOOP("Labels", "Spouse"),
        "family": QT_TRANSLATE_NOOP("Labels", "Family"),
        "colleague": QT_TRANSLATE_NOOP("Labels", "Colleague"),
        "friend": QT_TRANSLATE_NOOP("Labels", "Friend"),
        "referred_by": QT_TRANSLATE_NOOP("Labels", "Referred by"),
        "partner": QT_TRANSLATE_NOOP("Labels", "Business partner"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "followup_status": {
        "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
        "done": QT_TRANSLATE_NOOP("Labels", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "initiated_by": {
        "us": QT_TRANSLATE_NOOP("Labels", "We contacted them"),
        "customer": QT_TRANSLATE_NOOP("Labels", "They contacted us"),
    },
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def column_title(field: str) -> str:
    """The translated title of a field (list column, form label, history row)."""
    return translate(FIELD_TITLES.get(field, field))


def choice_label(kind: str, value: object) -> str:
    """The translated label of a stored code, e.g. ("stage", "at_risk") → "At risk"."""
    label = CHOICE_LABELS.get(kind, {}).get(value)
    return translate(label) if label else str(value)


def choices(kind: str) -> list[tuple[object, str]]:
    """(code, translated label) pairs for a combo box."""
    return [(code, translate(label)) for code, label in CHOICE_LABELS[kind].items()]


def choice_items(kind: str, codes: tuple[object, ...]) -> list[tuple[object, str]]:
    """(code, translated label) for the given codes, in their order."""
    return [(code, choice_label(kind, code)) for code in codes]
