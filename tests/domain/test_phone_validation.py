"""Phones are valid, possible but not valid for their region (kept unverified), or impossible."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain import customers
from desktop_crm.domain.customers import PhoneEntry
from desktop_crm.domain.validation import FieldError, UnverifiedPhoneError, normalize_phone
from desktop_crm.errors import ValidationError


@pytest.mark.parametrize(
    "number", ["+49 151 23456789", "+44 20 7946 0958", "13800138000", "+1 212 555 0100 ext. 12"]
)
def test_valid_numbers_are_verified(number):
    assert normalize_phone(number).verified


@pytest.mark.parametrize(
    ("number", "digits"),
    [("+49 151 2345678", "1512345678"), ("+44 20 7946 095", "207946095")],
)
def test_a_possible_but_invalid_number_is_a_warning_that_can_be_accepted(number, digits):
    with pytest.raises(UnverifiedPhoneError) as raised:
        normalize_phone(number)
    assert raised.value.phone.digits == digits
    kept = normalize_phone(number, allow_unverified=True)
    assert (kept.number, kept.digits, kept.verified) == (number, digits, False)


@pytest.mark.parametrize(
    "number", ["+49 151 ABCDEFG", "1-800-FLOWERS", "12", "12345", "+49 1234567890123456789"]
)
def test_impossible_numbers_are_refused_even_when_unverified_is_allowed(number):
    with pytest.raises(FieldError) as raised:
        normalize_phone(number, allow_unverified=True)
    assert not isinstance(raised.value, UnverifiedPhoneError)


@given(st.text(max_size=30))
def test_every_text_is_exactly_one_of_the_three(raw):
    try:
        phone = normalize_phone(raw, allow_unverified=True)
    except FieldError:
        return
    assert phone.digits.isdigit() and phone.e164.startswith("+")
    if phone.verified:
        assert normalize_phone(raw) == phone
    else:
        with pytest.raises(UnverifiedPhoneError):
            normalize_phone(raw)


def test_the_customer_service_refuses_an_unverified_number_unless_accepted(db):
    with pytest.raises(ValidationError) as raised:
        customers.create_customer({"name": "Klara", "phones": ["+49 151 2345678"]})
    assert "not valid for its region" in raised.value.errors["phones"]
    accepted = PhoneEntry("+49 151 2345678", verified=False)
    created = customers.create_customer({"name": "Klara", "phones": [accepted]})
    record = customers.get_customer(created.id)
    assert [(p.number, p.verified) for p in record.phones] == [("+49 151 2345678", False)]


def test_a_valid_number_is_stored_verified_whatever_the_caller_said(db):
    entry = PhoneEntry("+49 151 23456789", verified=False)
    created = customers.create_customer({"name": "Karl", "phones": [entry]})
    assert [p.verified for p in customers.get_customer(created.id).phones] == [True]


def _by_the_book(raw: str, region: str) -> tuple[str, str, str, bool] | str:
    """What phonenumbers says of a number, asked the long way (is_valid_number, then the
    type): ("valid" | "unverified", E.164, digits, mobile), or "bad"."""
    value = raw.strip()
    lowered = value.lower().removeprefix("tel:")
    if any(ch.isalpha() for ch in re.sub(r"(ext\.?|x|#)\s*\d+\s*$", "", lowered)):
        return "bad"
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return "bad"
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    digits = phonenumbers.national_significant_number(parsed)
    if phonenumbers.is_valid_number(parsed):
        mobile = phonenumbers.number_type(parsed) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        return "valid", e164, digits, mobile
    if (
        phonenumbers.is_possible_number_with_reason(parsed)
        != phonenumbers.ValidationResult.IS_POSSIBLE
    ):
        return "bad"
    return "unverified", e164, digits, False


def _ours(raw: str, region: str) -> tuple[str, str, str, bool] | str:
    try:
        phone = normalize_phone(raw, region, allow_unverified=True)
    except FieldError:
        return "bad"
    return ("valid" if phone.verified else "unverified"), phone.e164, phone.digits, phone.is_mobile


_PHONE_LIKE = st.builds(
    lambda plus, groups, ext: ("+" if plus else "") + " ".join(groups) + ext,
    st.booleans(),
    st.lists(st.text("0123456789", min_size=1, max_size=5), min_size=1, max_size=5),
    st.sampled_from(["", " ext. 12", "#3"]),
)


@given(
    st.one_of(_PHONE_LIKE, st.text(max_size=20), st.from_regex(r"1[3-9]\d{9}", fullmatch=True)),
    st.sampled_from(["CN", "US", "DE", "GB", "HK"]),
)
def test_the_quick_path_says_what_phonenumbers_says_the_long_way(raw, region):
    # normalize_phone asks the number's type once (and remembers numbers it has seen);
    # twice in a row, so the remembered answer is checked too.
    assert _ours(raw, region) == _by_the_book(raw, region)
    assert _ours(raw, region) == _by_the_book(raw, region)


def test_plain_chinese_mobiles_read_as_phonenumbers_reads_them():
    # Plain 11-digit numbers skip phonenumbers' parser: every 4-digit start, with a few
    # endings each, must come out as the parser's reading does.
    for start in range(1000, 2000):
        for ending in ("0000000", "1234567", "9999999", "0013800"):
            number = f"{start}{ending}"
            assert _ours(number, "CN") == _by_the_book(number, "CN"), number
