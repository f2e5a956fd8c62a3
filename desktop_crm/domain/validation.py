"""Field rules: phone and email normalisation, dates, choices, lengths.

Each checker returns the clean value or raises `FieldError` with a reason from the
domain message table; services gather the reasons per field into a `ValidationError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import phonenumbers

from desktop_crm.domain.messages import text

DEFAULT_REGION = "CN"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_EXTENSION = re.compile(r"(ext\.?|x|#)\s*\d+\s*$")  # "… ext. 12": an extension, not letters
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


_MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


_POSSIBLE = phonenumbers.ValidationResult.IS_POSSIBLE
_UNKNOWN = phonenumbers.PhoneNumberType.UNKNOWN
# Eleven ASCII digits starting with 1 (how Chinese mobiles are typed), and what would make
# `parse` read such digits otherwise: an international prefix, a national prefix or
# carrier code, the country code — taken from phonenumbers' own data for China.
_CN_METADATA = phonenumbers.PhoneMetadata.metadata_for_region(DEFAULT_REGION)
_CN_PLAIN = re.compile(r"1[0-9]{10}")
_CN_PREFIXES = re.compile(
    f"(?:{_CN_METADATA.international_prefix})|(?:{_CN_METADATA.national_prefix_for_parsing})"
    f"|{_CN_METADATA.country_code}"
)


class FieldError(ValueError):
    """One field's value breaks a rule; `reason` is ready to show next to the field."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnverifiedPhoneError(FieldError):
    """The number could exist (right length for its region) but is not valid there.

    Callers that may keep such a number (an import, a user who accepts the warning) catch
    this and keep `phone`, marked unverified; for everyone else it is a field error."""

    def __init__(self, reason: str, phone: NormalizedPhone) -> None:
        super().__init__(reason)
        self.phone = phone


@dataclass(frozen=True)
class NormalizedPhone:
    number: str  # as typed, trimmed
    e164: str  # "+8613800138000"
    digits: str  # national significant number: "13800138000"
    is_mobile: bool = False
    verified: bool = True  # False: possible, but not a valid number for its region


def normalize_phone(
    raw: str, region: str = DEFAULT_REGION, *, allow_unverified: bool = False
) -> NormalizedPhone:
    """Parse a phone number (default region CN) into E.164 and its national digits.

    An impossible number (letters, too short or too long for any region) raises
    `FieldError`. A possible number that is not valid for its region (a German mobile
    one digit short) raises `UnverifiedPhoneError`, or with `allow_unverified` is
    returned with `verified=False`, its digits kept as typed."""
    value = (raw or "").strip()
    phone = _phone_facts(value, region)
    if phone is None:
        raise FieldError(text("bad_phone", value=value))
    if phone.verified or allow_unverified:
        return phone
    raise UnverifiedPhoneError(text("unverified_phone", value=value), phone)


# An import meets each number two or three times (the unverified check, validation, a
# duplicate key) and phonenumbers costs ~20-30 µs a number: remember the last numbers
# seen. The answers are pure (the metadata is fixed) and immutable; messages are made per
# call, in the language of the moment.
@lru_cache(maxsize=16_384)
def _phone_facts(value: str, region: str) -> NormalizedPhone | None:
    """What phonenumbers says of a number (verified: valid for its region); None: impossible."""
    if region == DEFAULT_REGION and _CN_PLAIN.fullmatch(value) and not _CN_PREFIXES.match(value):
        # A Chinese mobile typed as plain digits: what `parse` makes of it (nothing to
        # strip: no international or national prefix, no country code) without its ~15 µs.
        parsed = phonenumbers.PhoneNumber(country_code=_CN_METADATA.country_code)
        parsed.national_number = int(value)
    else:
        if any(ch.isalpha() for ch in _EXTENSION.sub("", value.lower().removeprefix("tel:"))):
            return None  # 1-800-FLOWERS is not kept
        try:
            parsed = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            return None
    # number_type is UNKNOWN exactly when is_valid_number is false (both ask the same
    # metadata of the number's region); asking once saves the second pattern match.
    kind = phonenumbers.number_type(parsed)
    # Local-only lengths (12345 in CN: no area code) cannot be dialled: not kept either.
    if kind == _UNKNOWN and phonenumbers.is_possible_number_with_reason(parsed) != _POSSIBLE:
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    digits = phonenumbers.national_significant_number(parsed)
    return NormalizedPhone(value, e164, digits, kind in _MOBILE_TYPES, kind != _UNKNOWN)


def normalize_email(raw: str) -> str:
    value = (raw or "").strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise FieldError(text("bad_email", value=(raw or "").strip()))
    return value


def parse_date(value: object, *, not_future: bool = False) -> date | None:
    """A date from a date, a datetime or text like 1985-03-12, 1985/3/12, 1985年3月12日."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    else:
        raw = str(value).strip()
        for form in _DATE_FORMS:
            match = form.match(raw)
            if match:
                try:
                    result = date(*(int(part) for part in match.groups()))
                except ValueError as exc:
                    raise FieldError(text("bad_date", value=raw)) from exc
                break
        else:
            raise FieldError(text("bad_date", value=raw))
    if not_future and result > date.today():
        raise FieldError(text("future_date"))
    return result


def clean_text(
    value: object, *, max_length: int, required: bool = False, multiline: bool = False
) -> str | None:
    """Trimmed text (inner whitespace collapsed unless `multiline`); None when empty."""
    raw = "" if value is None else str(value)
    result = raw.strip() if multiline else " ".join(raw.split())
    if not result:
        if required:
            raise FieldError(text("required"))
        return None
    if len(result) > max_length:
        raise FieldError(text("too_long", max=max_length))
    return result


def clean_choice(value: object, choices: Iterable[str], *, required: bool = False) -> str | None:
    options = tuple(choices)
    if value is None or value == "":
        if required:
            raise FieldError(text("required"))
        return None
    result = str(value).strip()
    if result not in options:
        raise FieldError(text("bad_choice", choices=", ".join(options)))
    return result


def clean_int(value: object, low: int, high: int, *, default: int | None = None) -> int | None:
    if value is None or value == "":
        return default
    try:
        result = int(str(value).strip())
    except ValueError as exc:
        raise FieldError(text("bad_number", value=value)) from exc
    if not low <= result <= high:
        raise FieldError(text("bad_range", low=low, high=high))
    return result


def clean_money(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        result = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise FieldError(text("bad_number", value=value)) from exc
    if not result.is_finite():
        raise FieldError(text("bad_number", value=value))
    return result.quantize(Decimal("0.01"))
