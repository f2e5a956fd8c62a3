"""Translated labels for combo boxes of the customer form.

`ui/labels.py` holds most choice labels; the few it lacks (email kinds, messenger
services) live here until they move there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.ui import labels

_CONTEXT = "CustomerForm"
_MORE_CHOICES: dict[str, dict[object, str]] = {
    "email_label": {
        "work": QT_TRANSLATE_NOOP("CustomerForm", "Work"),
        "home": QT_TRANSLATE_NOOP("CustomerForm", "Home"),
        "other": QT_TRANSLATE_NOOP("CustomerForm", "Other"),
    },
    "messenger_service": {
        "wechat": QT_TRANSLATE_NOOP("CustomerForm", "WeChat"),
        "qq": QT_TRANSLATE_NOOP("CustomerForm", "QQ"),
        "whatsapp": QT_TRANSLATE_NOOP("CustomerForm", "WhatsApp"),
        "line": QT_TRANSLATE_NOOP("CustomerForm", "LINE"),
        "telegram": QT_TRANSLATE_NOOP("CustomerForm", "Telegram"),
        "skype": QT_TRANSLATE_NOOP("CustomerForm", "Skype"),
        "other": QT_TRANSLATE_NOOP("CustomerForm", "Other"),
    },
}


def choice_items(kind: str, codes: tuple[Any, ...]) -> list[tuple[object, str]]:
    """(code, translated label) for a combo box; codes without a label show as themselves."""
    if kind in labels.CHOICE_LABELS:
        return [(code, labels.choice_label(kind, code)) for code in codes]
    more = _MORE_CHOICES.get(kind, {})
    return [
        (code, QCoreApplication.translate(_CONTEXT, more[code]) if code in more else str(code))
        for code in codes
    ]
