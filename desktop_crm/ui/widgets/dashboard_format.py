"""How the dashboard writes its values: category names, money, shares, months, by locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop_crm.ui import labels
from desktop_crm.ui.money import money_text

# The dimension a value belongs to → the kind of choice label that names it (labels.py).
CHOICE_KINDS = {
    "stage": "stage",
    "kind": "kind",
    "level": "relationship_level",
    "source": "source",
    "gender": "gender",
    "channel": "order_channel",
}


def key_label(dimension: str, key: object) -> str:
    """The words for one category, e.g. ("stage", "at_risk") → "At risk" / "风险"."""
    if key is None or key == "":
        if dimension == "grade":
            return QCoreApplication.translate("Dashboard", "Not graded")
        return QCoreApplication.translate("Dashboard", "Not set")
    kind = CHOICE_KINDS.get(dimension)
    return labels.choice_label(kind, key) if kind else str(key)


def integer(value: int) -> str:
    return QLocale().toString(int(value))


def money(value: Decimal | float | int | None) -> str:
    """An amount with two decimals and the locale's separators (no currency sign: the shop's
    own currency is not stored)."""
    if isinstance(value, float):  # an average: round it like an amount
        value = Decimal(repr(value))
    return money_text(value)


def percent(share: float | None) -> str:
    """A share 0..1 as a percentage with one decimal."""
    if share is None:
        return ""
    return QLocale().toString(share * 100, "f", 1) + "%"


def number(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", decimals)


def day(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def month_label(key: str) -> str:
    """A month key "2025-03" as a short axis label: "Mar 25" / "25年3月"."""
    year, month = (int(part) for part in key.split("-"))
    if _chinese():
        return f"{year % 100:02d}年{month}月"
    return f"{QLocale().monthName(month, QLocale.FormatType.ShortFormat)} {year % 100:02d}"


def week_label(monday: date) -> str:
    """The Monday that starts a week, short: "03-04" / "3月4日"."""
    if _chinese():
        return f"{monday.month}月{monday.day}日"
    return f"{QLocale().monthName(monday.month, QLocale.FormatType.ShortFormat)} {monday.day}"
