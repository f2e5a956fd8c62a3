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
    "merged_from": QT_TRANSLATE_NOOP("Labels", "Merged customer"),
    "merged_into": QT_TRANSLATE_NOOP("Labels", "Merged into"),
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
    "import_field": {  # exchange/mapping.py MAPPING_CHOICES: what a file's column holds
        "ignore": QT_TRANSLATE_NOOP("Labels", "(do not import)"),
        "name": QT_TRANSLATE_NOOP("Labels", "Name"),
        "family_name": QT_TRANSLATE_NOOP("Labels", "Family name"),
        "given_name": QT_TRANSLATE_NOOP("Labels", "Given name"),
        "middle_name": QT_TRANSLATE_NOOP("Labels", "Middle name"),
        "code": QT_TRANSLATE_NOOP("Labels", "Code"),
        "external_id": QT_TRANSLATE_NOOP("Labels", "External ID"),
        "kind": QT_TRANSLATE_NOOP("Labels", "Type"),
        "gender": QT_TRANSLATE_NOOP("Labels", "Gender"),
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
        "lunar_birthday": QT_TRANSLATE_NOOP("Labels", "Lunar birthday"),
        "title": QT_TRANSLATE_NOOP("Labels", "Title"),
        "company_name": QT_TRANSLATE_NOOP("Labels", "Company"),
        "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
        "company_size": QT_TRANSLATE_NOOP("Labels", "Company size"),
        "website": QT_TRANSLATE_NOOP("Labels", "Website"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile phone"),
        "work_phone": QT_TRANSLATE_NOOP("Labels", "Work phone"),
        "home_phone": QT_TRANSLATE_NOOP("Labels", "Home phone"),
        "fax": QT_TRANSLATE_NOOP("Labels", "Fax"),
        "phone_label": QT_TRANSLATE_NOOP("Labels", "Phone type"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "qq": QT_TRANSLATE_NOOP("Labels", "QQ"),
        "messengers": QT_TRANSLATE_NOOP("Labels", "WeChat / IM"),
        "province": QT_TRANSLATE_NOOP("Labels", "Province"),
        "city": QT_TRANSLATE_NOOP("Labels", "City"),
        "district": QT_TRANSLATE_NOOP("Labels", "District"),
        "street": QT_TRANSLATE_NOOP("Labels", "Street"),
        "postcode": QT_TRANSLATE_NOOP("Labels", "Postcode"),
        "country": QT_TRANSLATE_NOOP("Labels", "Country"),
        "address_label": QT_TRANSLATE_NOOP("Labels", "Address type"),
        "source": QT_TRANSLATE_NOOP("Labels", "Source"),
        "referred_by": QT_TRANSLATE_NOOP("Labels", "Referred by"),
        "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
        "status": QT_TRANSLATE_NOOP("Labels", "Status"),
        "stage": QT_TRANSLATE_NOOP("Labels", "Lifecycle stage"),
        "grade": QT_TRANSLATE_NOOP("Labels", "Grade"),
        "stars": QT_TRANSLATE_NOOP("Labels", "Stars"),
        "credit_rating": QT_TRANSLATE_NOOP("Labels", "Credit rating"),
        "credit_limit": QT_TRANSLATE_NOOP("Labels", "Credit limit"),
        "relationship_level": QT_TRANSLATE_NOOP("Labels", "Relationship level"),
        "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
        "preferences": QT_TRANSLATE_NOOP("Labels", "Preferences"),
        "family_notes": QT_TRANSLATE_NOOP("Labels", "Family"),
        "social_notes": QT_TRANSLATE_NOOP("Labels", "Social"),
        "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    },
    "care_occasion": {  # domain/care.py event kinds, plus holidays
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
        "lunar_birthday": QT_TRANSLATE_NOOP("Labels", "Lunar birthday"),
        "contact_birthday": QT_TRANSLATE_NOOP("Labels", "Contact's birthday"),
        "anniversary": QT_TRANSLATE_NOOP("Labels", "First-purchase anniversary"),
        "holiday": QT_TRANSLATE_NOOP("Labels", "Festival"),
    },
    "greeting_template": {  # domain/care.py OCCASIONS
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday greeting"),
        "holiday": QT_TRANSLATE_NOOP("Labels", "Festival greeting"),
        "anniversary": QT_TRANSLATE_NOOP("Labels", "Anniversary greeting"),
    },
    "churn_reason": {  # domain/lifecycle.py ChurnReason codes
        "overdue_purchase": QT_TRANSLATE_NOOP("Labels", "Purchase overdue"),
        "unresolved_complaints": QT_TRANSLATE_NOOP("Labels", "Unresolved complaints"),
        "falling_satisfaction": QT_TRANSLATE_NOOP("Labels", "Falling satisfaction"),
    },
    "order_channel": {
        "direct": QT_TRANSLATE_NOOP("Labels", "Direct sales"),
        "online": QT_TRANSLATE_NOOP("Labels", "Online"),
        "distributor": QT_TRANSLATE_NOOP("Labels", "Distributor"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone order"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "order_status": {  # domain/orders.py ORDER_STATUSES
        "confirmed": QT_TRANSLATE_NOOP("Labels", "Confirmed"),
        "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
        "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "payment_method": {  # domain/orders.py PAYMENT_METHODS
        "bank": QT_TRANSLATE_NOOP("Labels", "Bank transfer"),
        "cash": QT_TRANSLATE_NOOP("Labels", "Cash"),
        "card": QT_TRANSLATE_NOOP("Labels", "Card"),
        "alipay": QT_TRANSLATE_NOOP("Labels", "Alipay"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat Pay"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "ageing_bucket": {  # domain/orders.py AGEING_BUCKETS: days past the due date
        "current": QT_TRANSLATE_NOOP("Labels", "Not yet due"),
        "0-30": QT_TRANSLATE_NOOP("Labels", "0–30 days"),
        "31-60": QT_TRANSLATE_NOOP("Labels", "31–60 days"),
        "61-90": QT_TRANSLATE_NOOP("Labels", "61–90 days"),
        "90+": QT_TRANSLATE_NOOP("Labels", "Over 90 days"),
    },
    "complaint_status": {  # domain/service.py COMPLAINT_STATUSES
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    },
    "severity": {  # domain/service.py SEVERITIES
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "critical": QT_TRANSLATE_NOOP("Labels", "Critical"),
    },
    "complaint_category": {  # domain/service.py COMPLAINT_CATEGORIES
        "quality": QT_TRANSLATE_NOOP("Labels", "Product quality"),
        "delivery": QT_TRANSLATE_NOOP("Labels", "Delivery"),
        "service": QT_TRANSLATE_NOOP("Labels", "Service"),
        "billing": QT_TRANSLATE_NOOP("Labels", "Billing"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "credit_rule": {  # domain/orders.py CREDIT_RULES: why a customer has their rating
        "missing_over_90": QT_TRANSLATE_NOOP(
            "Labels", "An order is unpaid more than 90 days after it fell due."
        ),
        "mostly_open_over_30": QT_TRANSLATE_NOOP(
            "Labels", "Half or more of the due orders are still owed over 30 days past due."
        ),
        "open_over_30": QT_TRANSLATE_NOOP(
            "Labels", "An order is still owed more than 30 days past due."
        ),
        "often_late": QT_TRANSLATE_NOOP("Labels", "Over 30% of the due orders were paid late."),
        "open": QT_TRANSLATE_NOOP("Labels", "An order is past due and still owed."),
        "sometimes_late": QT_TRANSLATE_NOOP("Labels", "Over 10% of the due orders were paid late."),
        "short_record": QT_TRANSLATE_NOOP("Labels", "Fewer than three orders due so far."),
        "rarely_late": QT_TRANSLATE_NOOP("Labels", "A few orders were paid late."),
        "all_on_time": QT_TRANSLATE_NOOP("Labels", "Every due order was paid on time."),
    },
    "paper": {  # reports/document.py PAPERS for documents (ui/dialogs/page_setup_dialog.py)
        "a4": QT_TRANSLATE_NOOP("Labels", "A4 (210 × 297 mm)"),
        "letter": QT_TRANSLATE_NOOP("Labels", "Letter (8½ × 11 in)"),
    },
    "orientation": {
        "auto": QT_TRANSLATE_NOOP("Labels", "Automatic (what suits each report)"),
        "portrait": QT_TRANSLATE_NOOP("Labels", "Portrait"),
        "landscape": QT_TRANSLATE_NOOP("Labels", "Landscape"),
    },
    "label_sheet": {  # reports/labels.py SHEETS
        "a4-3x8": QT_TRANSLATE_NOOP("Labels", "A4, 3 × 8 labels (70 × 36 mm)"),
        "letter-2x7": QT_TRANSLATE_NOOP("Labels", "Letter, 2 × 7 labels (4 × 1⅓ in)"),
        "letter-3x10": QT_TRANSLATE_NOOP("Labels", "Letter, 3 × 10 labels (2⅝ × 1 in)"),
    },
    "envelope": {  # reports/envelopes.py ENVELOPES
        "dl": QT_TRANSLATE_NOOP("Labels", "DL (110 × 220 mm)"),
        "c5": QT_TRANSLATE_NOOP("Labels", "C5 (162 × 229 mm)"),
        "10": QT_TRANSLATE_NOOP("Labels", "US #10 (4⅛ × 9½ in)"),
    },
    "letter_placeholder": {  # reports/letters.py PLACEHOLDERS
        "name": QT_TRANSLATE_NOOP("Labels", "the addressee: contact person or customer"),
        "title": QT_TRANSLATE_NOOP("Labels", "their title or form of address"),
        "company": QT_TRANSLATE_NOOP("Labels", "the customer's company"),
        "address": QT_TRANSLATE_NOOP("Labels", "their address on one line"),
        "code": QT_TRANSLATE_NOOP("Labels", "the customer code"),
        "date": QT_TRANSLATE_NOOP("Labels", "today's date, written out"),
        "sender": QT_TRANSLATE_NOOP("Labels", "our company's name"),
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
