"""Business settings kept with the data (thresholds, cadences, templates, company details)."""

from __future__ import annotations

from typing import Any

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Setting, utcnow


def stored(key: str, default: Any = None) -> Any:
    """The value saved under `key`, or `default` when none was saved."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None or row.value is None else row.value


def store(key: str, value: Any) -> None:
    """Save `value` (anything JSON can hold) under `key`, replacing what was there."""
    with write_transaction():
        updated = Setting.update(value=value, updated_at=utcnow()).where(Setting.key == key)
        if not updated.execute():
            Setting.create(key=key, value=value)
