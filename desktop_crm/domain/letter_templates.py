"""Mail-merge letter templates saved by name with the data, so every user of the
database finds the office's letters (Setting ``letter_templates``: {name: text}).

Which placeholders a template may use is the letters report's business
(`reports.letters.check_template`); here a template is a named text.
"""

from __future__ import annotations

from desktop_crm.db.connection import write_transaction
from desktop_crm.domain import messages, settings
from desktop_crm.errors import ValidationError

TEMPLATES_SETTING = "letter_templates"
NAME_MAX = 60
TEXT_MAX = 20_000


def letter_templates() -> dict[str, str]:
    """The saved templates by name, names in alphabetical order."""
    stored = settings.stored(TEMPLATES_SETTING, {})
    if not isinstance(stored, dict):
        return {}
    return {
        str(name): str(text)
        for name, text in sorted(stored.items(), key=lambda item: str(item[0]).casefold())
    }


def save_letter_template(name: str, text: str) -> str:
    """Save `text` under `name` (trimmed), replacing a template of that name; the name."""
    clean = name.strip()
    errors = {}
    if not clean:
        errors["name"] = messages.text("required")
    elif len(clean) > NAME_MAX:
        errors["name"] = messages.text("too_long", max=NAME_MAX)
    if not text.strip():
        errors["template"] = messages.text("required")
    elif len(text) > TEXT_MAX:
        errors["template"] = messages.text("too_long", max=TEXT_MAX)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        stored = dict(letter_templates())
        stored[clean] = text
        settings.store(TEMPLATES_SETTING, stored)
    return clean


def delete_letter_template(name: str) -> bool:
    """Forget the template called `name`; False when there was none."""
    with write_transaction():
        stored = dict(letter_templates())
        if stored.pop(name.strip(), None) is None:
            return False
        settings.store(TEMPLATES_SETTING, stored)
    return True
