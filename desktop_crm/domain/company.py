"""Our own business as the settings describe it: the name, logo and address reports print."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_crm.db.connection import write_transaction
from desktop_crm.domain import settings
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import FieldError, clean_text
from desktop_crm.errors import ValidationError

COMPANY_NAME = "company_name"
COMPANY_LOGO = "company_logo"  # a picture file
COMPANY_ADDRESS = "company_address"  # the return address on envelopes


@dataclass(frozen=True)
class Company:
    name: str = ""
    logo_path: str | None = None
    address: str | None = None


def company() -> Company:
    """Company name, logo file and return address from the settings (all optional)."""
    name, logo, address = (
        settings.stored(k) for k in (COMPANY_NAME, COMPANY_LOGO, COMPANY_ADDRESS)
    )
    return Company(
        name=str(name).strip() if name else "",
        logo_path=str(logo).strip() if logo else None,
        address=str(address).strip() if address else None,
    )


def set_company(name: str, logo_path: str | None = None, address: str | None = None) -> Company:
    """Save the company details; a logo must be an existing picture file."""
    errors: dict[str, str] = {}
    values: dict[str, str | None] = {}
    for key, value, limit in ((COMPANY_NAME, name, 200), (COMPANY_ADDRESS, address, 500)):
        try:
            values[key] = clean_text(value, max_length=limit, multiline=key == COMPANY_ADDRESS)
        except FieldError as exc:
            errors[key] = exc.reason
    logo = (logo_path or "").strip() or None
    if logo is not None and not Path(logo).is_file():
        errors[COMPANY_LOGO] = text("no_such_file", value=logo)
    values[COMPANY_LOGO] = logo
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        for key, value in values.items():
            settings.store(key, value)
    return company()
