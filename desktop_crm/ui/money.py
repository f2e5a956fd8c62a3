"""Money on screen: Decimal amounts in the user's locale, and typed amounts back to text the
domain parses. No currency symbol: the business's currency is not the language's."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

CENT = Decimal("0.01")


def money_text(value: Decimal | int | None, locale: QLocale | None = None) -> str:
    """12345.6 → "12,345.60" with the locale's separators; "" for None. Exact (no float)."""
    if value is None:
        return ""
    locale = locale or QLocale()
    plain = f"{Decimal(value).quantize(CENT):,}"  # "-12,345.60"
    group, point = locale.groupSeparator(), locale.decimalPoint()
    return plain.replace(",", "\0").replace(".", point).replace("\0", group)


def money_input(text: str, locale: QLocale | None = None) -> str:
    """What the user typed ("12 345,60" in some locales) as "12345.60" for the domain.

    Anything unexpected is passed on as typed, so the domain names the bad value.
    """
    locale = locale or QLocale()
    cleaned = text.strip().replace(locale.groupSeparator(), "").replace(" ", "")
    if locale.decimalPoint() != ".":
        cleaned = cleaned.replace(locale.decimalPoint(), ".")
    return cleaned or text.strip()
