"""Customer care (M10): birthdays (solar and Chinese lunar), holidays, first-purchase
anniversaries, greetings filled per customer, and the care action logged as a follow-up.

**Lunar dates** come from the `lunardate` library (the Chinese calendar, 1900–2099). A
lunar birthday falls on a different solar date each year: 八月十五 is 2025-10-06 and
2026-09-25. A birthday in a leap month is kept in that leap month when the year has it,
otherwise in the ordinary month of the same number; a birthday on the 30th falls on the
29th in a month that has only 29 days. A solar birthday on 29 February falls on
28 February in other years; so do anniversaries.

**Holidays**: the Chinese festivals by the lunar calendar (Spring Festival 正月初一, its
eve 除夕, Lantern 正月十五, Dragon Boat 五月初五, Qixi 七月初七, Mid-Autumn 八月十五,
Double Ninth 九月初九), fixed solar days (New Year's Day, Women's Day, Labour Day,
Children's Day, Teachers' Day, National Day, Christmas), plus dates the business adds
(Setting ``care_dates``: ``[{"name": …, "month": 6, "day": 18, "lunar": false}]``).
Qingming follows the solar terms, which the library does not compute: add it as a
custom date if wanted.

**Greetings**: a template per occasion (birthday, holiday, anniversary) and language,
with the placeholders {name}, {company}, {title}, {holiday} and {years}; the business
can replace them (Setting ``greeting_templates``). A value the customer lacks leaves
clean text: no doubled spaces, no space before punctuation, no empty brackets.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from lunardate import LunarDate

from desktop_crm.db import dialect
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import ContactPerson, Customer, Email, User
from desktop_crm.domain import followups, messages, settings
from desktop_crm.errors import NotFoundError, ValidationError

LUNAR_YEARS = (1900, 2099)  # what the lunar calendar library covers
SOLAR_HOLIDAYS = (
    ("new_year", 1, 1),
    ("womens_day", 3, 8),
    ("labour_day", 5, 1),
    ("childrens_day", 6, 1),
    ("teachers_day", 9, 10),
    ("national_day", 10, 1),
    ("christmas", 12, 25),
)
LUNAR_HOLIDAYS = (
    ("spring_festival", 1, 1),
    ("lantern_festival", 1, 15),
    ("dragon_boat", 5, 5),
    ("qixi", 7, 7),
    ("mid_autumn", 8, 15),
    ("double_ninth", 9, 9),
)
CARE_DATES_SETTING = "care_dates"
TEMPLATES_SETTING = "greeting_templates"  # {"birthday": {"en": …, "zh_CN": …}, …}
OCCASIONS = ("birthday", "holiday", "anniversary")
PLACEHOLDERS = ("name", "company", "title", "holiday", "years")
EVENT_KINDS = ("birthday", "lunar_birthday", "contact_birthday", "anniversary")
DEFAULT_DAYS_AHEAD = 30
TEMPLATE_MAX = 10_000
CARE_DATE_NAME_MAX = 50


@dataclass(frozen=True)
class Holiday:
    key: str  # "mid_autumn", or "custom" for a date the business added
    name: str
    on: date
    lunar: bool
    custom: bool = False


@dataclass(frozen=True)
class CareEvent:
    """A reason to get in touch with a customer on a given day."""

    kind: str  # birthday | lunar_birthday | contact_birthday | anniversary
    customer_id: int
    customer_code: str
    customer_name: str
    on: date
    days_until: int
    years: int | None  # age at a birthday (when the year is known), or anniversary years
    contact_name: str | None = None  # for a contact person's birthday
    owner: str | None = None  # username of the customer's owner


# ------------------------------------------------------------------------- lunar dates


def lunar_to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The solar date of a lunar date in `lunar_year`, with the birthday fallbacks.

    A leap month the year lacks falls back to the ordinary month; day 30 in a 29-day
    month falls back to day 29. None outside the years the calendar covers.
    """
    if not LUNAR_YEARS[0] <= lunar_year <= LUNAR_YEARS[1]:
        return None
    for is_leap in (True, False) if leap else (False,):
        for d in (day, 29) if day == 30 else (day,):
            try:
                return LunarDate(lunar_year, month, d, is_leap).to_solar_date()
            except ValueError:
                continue
    return None


def solar_to_lunar(day: date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, leap month?) of a solar date."""
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    return lunar.year, lunar.month, lunar.day, bool(lunar.is_leap_month)


def next_lunar_date(month: int, day: int, leap: bool, today: date) -> date | None:
    """The first solar date on or after `today` of a lunar month and day (yearly)."""
    candidates = [
        found
        for year in (today.year - 1, today.year, today.year + 1)
        if (found := lunar_to_solar(year, month, day, leap)) is not None and found >= today
    ]
    return min(candidates) if candidates else None


def _on_or_after(month: int, day: int, today: date) -> date:
    """The next `month`/`day` on or after `today`; 29 February → 28 February off leap years."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = date(year, month, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable: a date comes round within a year")


def next_solar_date(birthday: date, today: date) -> date:
    """The next yearly recurrence (on or after `today`) of a birthday or anniversary."""
    return _on_or_after(birthday.month, birthday.day, today)


# ----------------------------------------------------------------------------- holidays


def _holiday_name(key: str) -> str:
    return messages.text(f"holiday_{key}")


def custom_care_dates() -> list[dict[str, Any]]:
    """The dates the business added: [{"name", "month", "day", "lunar"}]."""
    stored = settings.stored(CARE_DATES_SETTING)
    stored = stored if isinstance(stored, list) else []
    return [d for d in stored if isinstance(d, dict) and _valid_care_date(d) is None]


def _valid_care_date(entry: Mapping[str, Any]) -> str | None:
    """None when the entry is good, else the reason."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return messages.text("required")
    if len(name.strip()) > CARE_DATE_NAME_MAX:
        return messages.text("too_long", max=CARE_DATE_NAME_MAX)
    month, day = entry.get("month"), entry.get("day")
    if not isinstance(month, int) or not 1 <= month <= 12:
        return messages.text("bad_range", low=1, high=12)
    if not isinstance(day, int) or not 1 <= day <= (30 if entry.get("lunar") else 31):
        return messages.text("bad_range", low=1, high=30 if entry.get("lunar") else 31)
    if not entry.get("lunar"):
        try:
            date(2024, month, day)  # a leap year: 29 February is allowed
        except ValueError:
            return messages.text("bad_date", value=f"{month}-{day}")
    return None


def set_custom_care_dates(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Replace the business's own care dates (company anniversary, a local festival …)."""
    clean = []
    errors = {}
    for index, entry in enumerate(entries):
        reason = _valid_care_date(entry)
        if reason is not None:
            errors[f"care_dates[{index + 1}]"] = reason
            continue
        clean.append(
            {
                "name": entry["name"].strip(),
                "month": entry["month"],
                "day": entry["day"],
                "lunar": bool(entry.get("lunar")),
            }
        )
    if errors:
        raise ValidationError(errors)
    settings.store(CARE_DATES_SETTING, clean)
    return clean


def holidays(year: int) -> list[Holiday]:
    """Every holiday whose solar date falls in `year`, in date order."""
    result = [
        Holiday(key, _holiday_name(key), date(year, m, d), False) for key, m, d in SOLAR_HOLIDAYS
    ]
    for key, m, d in LUNAR_HOLIDAYS:
        found = lunar_to_solar(year, m, d)
        if found is not None:
            result.append(Holiday(key, _holiday_name(key), found, True))
    spring = lunar_to_solar(year, 1, 1)
    if spring is not None:  # 除夕, the last day of the lunar year before
        result.append(
            Holiday(
                "new_years_eve", _holiday_name("new_years_eve"), spring - timedelta(days=1), True
            )
        )
    for entry in custom_care_dates():
        if entry["lunar"]:
            for lunar_year in (year - 1, year):
                found = lunar_to_solar(lunar_year, entry["month"], entry["day"])
                if found is not None and found.year == year:
                    result.append(Holiday("custom", entry["name"], found, True, True))
        else:
            on = _on_or_after(entry["month"], entry["day"], date(year, 1, 1))
            result.append(Holiday("custom", entry["name"], on, False, True))
    return sorted(result, key=lambda h: (h.on, h.key))


def upcoming_holidays(
    *, days: int = DEFAULT_DAYS_AHEAD, today: date | None = None
) -> list[Holiday]:
    """Holidays from `today` to `days` days ahead, in date order."""
    today = today or date.today()
    end = today + timedelta(days=days)
    years = range(today.year, end.year + 1)
    return [h for y in years for h in holidays(y) if today <= h.on <= end]


# ------------------------------------------------------------------------ care events


def _window(today: date, days: int) -> list[date]:
    return [today + timedelta(days=n) for n in range(days + 1)]


def _month_days(window: list[date]) -> list[str]:
    """'MM-DD' keys of the window, with 02-29 wherever 28 February of a common year is."""
    keys = {d.strftime("%m-%d") for d in window}
    if any(d.month == 2 and d.day == 28 and not _is_leap(d.year) for d in window):
        keys.add("02-29")
    return sorted(keys)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _owner_condition(owner: str | None) -> tuple[str, list[Any]]:
    if owner is None:
        return "", []
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": messages.text("unknown_owner", value=owner)})
    return " AND c.owner_id = ?", [user.id]


def _by_month_day(column: str, table_sql: str, keys: list[str], owner: tuple[str, list]) -> list:
    marks = ", ".join("?" for _ in keys)
    sql = (
        f"SELECT {table_sql} WHERE c.deleted_at IS NULL AND c.exited_at IS NULL "
        f"AND {column} IS NOT NULL AND {dialect.month_day(column)} IN ({marks}){owner[0]}"
    )
    return dialect.run(sql, [*keys, *owner[1]])


_CUSTOMER_COLUMNS = "c.id, c.code, c.name, u.username"
_FROM = 'FROM customer c LEFT JOIN "user" u ON u.id = c.owner_id'


def upcoming_birthdays(
    *, days: int = DEFAULT_DAYS_AHEAD, today: date | None = None, owner: str | None = None
) -> list[CareEvent]:
    """Birthdays from `today` to `days` days ahead: solar, lunar, and contact persons'.

    Customers who exited or are in the trash are left out. Ages are given when the
    birth year is known.
    """
    today = today or date.today()
    window = _window(today, days)
    end = window[-1]
    keys = _month_days(window)
    who = _owner_condition(owner)
    events = []
    for cid, code, name, username, birthday, has_year in _by_month_day(
        "c.birthday", f"{_CUSTOMER_COLUMNS}, c.birthday, c.birthday_has_year {_FROM}", keys, who
    ):
        born = dialect.as_date(birthday)
        on = next_solar_date(born, today)
        years = on.year - born.year if has_year else None
        events.append(
            CareEvent("birthday", cid, code, name, on, (on - today).days, years, owner=username)
        )
    for cid, code, name, username, birthday, contact in _by_month_day(
        "p.birthday",
        f"{_CUSTOMER_COLUMNS}, p.birthday, p.name {_FROM} "
        "JOIN contact_person p ON p.customer_id = c.id AND p.deleted_at IS NULL",
        keys,
        who,
    ):
        born = dialect.as_date(birthday)
        on = next_solar_date(born, today)
        events.append(
            CareEvent(
                "contact_birthday",
                cid,
                code,
                name,
                on,
                (on - today).days,
                None,
                contact_name=contact,
                owner=username,
            )
        )
    events += _lunar_birthdays(today, end, who)
    return sorted(events, key=lambda e: (e.on, e.customer_name, e.kind))


def _lunar_birthdays(today: date, end: date, who: tuple[str, list]) -> list[CareEvent]:
    months = sorted({solar_to_lunar(d)[1] for d in _window(today, (end - today).days)})
    marks = ", ".join("?" for _ in months)
    sql = (
        f"SELECT {_CUSTOMER_COLUMNS}, c.lunar_birthday_month, c.lunar_birthday_day, "
        f"c.lunar_birthday_leap, c.birthday, c.birthday_has_year {_FROM} "
        "WHERE c.deleted_at IS NULL AND c.exited_at IS NULL "
        f"AND c.lunar_birthday_day IS NOT NULL AND c.lunar_birthday_month IN ({marks}){who[0]}"
    )
    events = []
    for cid, code, name, username, month, day, leap, birthday, has_year in dialect.run(
        sql, [*months, *who[1]]
    ):
        on = next_lunar_date(month, day, bool(leap), today)
        if on is None or on > end:
            continue
        born = dialect.as_date(birthday)
        years = on.year - born.year if born is not None and has_year else None
        events.append(
            CareEvent(
                "lunar_birthday", cid, code, name, on, (on - today).days, years, owner=username
            )
        )
    return events


def upcoming_anniversaries(
    *, days: int = DEFAULT_DAYS_AHEAD, today: date | None = None, owner: str | None = None
) -> list[CareEvent]:
    """Anniversaries of customers' first purchase (one year or more) in the coming days."""
    today = today or date.today()
    window = _window(today, days)
    events = []
    for cid, code, name, username, first in _by_month_day(
        "c.first_purchase_on",
        f"{_CUSTOMER_COLUMNS}, c.first_purchase_on {_FROM}",
        _month_days(window),
        _owner_condition(owner),
    ):
        first_day = dialect.as_date(first)
        on = next_solar_date(first_day, today)
        years = on.year - first_day.year
        if years >= 1:
            events.append(
                CareEvent(
                    "anniversary", cid, code, name, on, (on - today).days, years, owner=username
                )
            )
    return sorted(events, key=lambda e: (e.on, e.customer_name))


def care_events(
    *, days: int = DEFAULT_DAYS_AHEAD, today: date | None = None, owner: str | None = None
) -> list[CareEvent]:
    """Birthdays and first-purchase anniversaries in the coming days, in date order."""
    events = upcoming_birthdays(days=days, today=today, owner=owner)
    events += upcoming_anniversaries(days=days, today=today, owner=owner)
    return sorted(events, key=lambda e: (e.on, e.customer_name, e.kind))


# ---------------------------------------------------------------------------- greetings


def _stored_templates() -> dict[str, dict[str, str]]:
    stored = settings.stored(TEMPLATES_SETTING)
    return dict(stored) if isinstance(stored, dict) else {}


def _language(language: str | None) -> str:
    chosen = language or messages.language()
    return "zh_CN" if chosen.lower().startswith("zh") else "en"


def _check_occasion(occasion: str) -> None:
    if occasion not in OCCASIONS:
        raise ValidationError(
            {"occasion": messages.text("bad_choice", choices=", ".join(OCCASIONS))}
        )


def greeting_template(occasion: str, language: str | None = None) -> str:
    """The template for an occasion in a language (default: the current one)."""
    _check_occasion(occasion)
    lang = _language(language)
    stored = _stored_templates().get(occasion, {})
    if isinstance(stored, dict) and isinstance(stored.get(lang), str):
        return stored[lang]
    entry = messages.MESSAGES[f"greeting_{occasion}"]
    return entry.get(lang, entry["en"])


def check_template(template: str) -> None:
    """Refuse a template with unknown placeholders or unbalanced braces."""
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise ValidationError({"template": messages.text("bad_template")}) from exc
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        raise ValidationError(
            {
                "template": messages.text(
                    "unknown_placeholder", value=unknown[0], choices=", ".join(PLACEHOLDERS)
                )
            }
        )
    if len(template) > TEMPLATE_MAX:
        raise ValidationError({"template": messages.text("too_long", max=TEMPLATE_MAX)})


def set_greeting_template(occasion: str, template: str | None, language: str | None = None) -> None:
    """Replace the template of an occasion in a language; None restores the default."""
    _check_occasion(occasion)
    if template is not None:
        check_template(template)
    lang = _language(language)
    with write_transaction():
        stored = _stored_templates()
        entry = dict(stored.get(occasion) or {})
        if template is None:
            entry.pop(lang, None)
        else:
            entry[lang] = template
        stored[occasion] = entry
        settings.store(TEMPLATES_SETTING, stored)


_SPACES = re.compile(r"[ \t\u3000]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t\u3000]+([,.!?;:，。！？；：、)）])")
_SPACE_AFTER_OPEN = re.compile(r"([(（])[ \t\u3000]+")
_EMPTY_BRACKETS = re.compile(r"[ \t\u3000]*(\(\s*\)|（\s*）)")


def _tidy(filled: str) -> str:
    lines = []
    for line in filled.splitlines():
        line = _EMPTY_BRACKETS.sub("", line)
        line = _SPACE_AFTER_OPEN.sub(r"\1", line)
        line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
        lines.append(_SPACES.sub(" ", line).strip())
    return "\n".join(lines).strip()


def fill_template(template: str, values: Mapping[str, Any]) -> str:
    """The template with its placeholders filled; a missing value leaves clean text."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return _tidy(template)
    parts = []
    for literal, name, _, _ in parsed:
        parts.append(literal)
        if name is not None:
            found = values.get(name)
            parts.append("" if found is None or found == "" else str(found))
    return _tidy("".join(parts))


def greeting_values(customer_id: int) -> dict[str, Any]:
    """{name}, {company} and {title} of a customer: for an enterprise, the name and
    title are those of its primary contact person (the company is the customer)."""
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(messages.text("unknown_customer", value=customer_id))
    if row.kind == "enterprise":
        contact = (
            ContactPerson.select()
            .where((ContactPerson.customer == row.id) & ContactPerson.deleted_at.is_null())
            .order_by(ContactPerson.is_primary.desc(), ContactPerson.id)
            .first()
        )
        return {
            "name": contact.name if contact else None,
            "company": row.name,
            "title": contact.title if contact else None,
        }
    return {"name": row.name, "company": row.company_name, "title": row.title}


def greeting_for(
    customer_id: int,
    occasion: str,
    *,
    holiday: Holiday | str | None = None,
    years: int | None = None,
    language: str | None = None,
) -> str:
    """The greeting for one customer and occasion, filled and tidied."""
    values = greeting_values(customer_id)
    values["holiday"] = holiday.name if isinstance(holiday, Holiday) else holiday
    values["years"] = years
    return fill_template(greeting_template(occasion, language), values)


def greeting_for_event(event: CareEvent, *, language: str | None = None) -> str:
    """The greeting for a birthday or anniversary from `care_events`."""
    occasion = "anniversary" if event.kind == "anniversary" else "birthday"
    text = greeting_for(event.customer_id, occasion, years=event.years, language=language)
    if event.kind == "contact_birthday" and event.contact_name:
        values = greeting_values(event.customer_id)
        values.update(name=event.contact_name, title=None, years=None)
        text = fill_template(greeting_template("birthday", language), values)
    return text


def mailto_link(address: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` link (RFC 6068) that opens the user's mail program with a draft."""
    link = f"mailto:{quote(address.strip(), safe='@')}"
    query = []
    if subject:
        query.append(f"subject={quote(subject, safe='')}")
    if body:
        crlf = "\r\n".join(body.replace("\r\n", "\n").split("\n"))  # RFC 6068 line breaks
        query.append(f"body={quote(crlf, safe='')}")
    return link + ("?" + "&".join(query) if query else "")


def customer_email(customer_id: int) -> str | None:
    """The customer's primary email address, or their primary contact's, if any."""
    own = (
        Email.select(Email.address)
        .where((Email.customer == customer_id) & Email.contact.is_null())
        .order_by(Email.is_primary.desc(), Email.id)
        .first()
    )
    if own is not None:
        return own.address
    contact = (
        Email.select(Email.address)
        .join(ContactPerson, on=(Email.contact == ContactPerson.id))
        .where((Email.customer == customer_id) & ContactPerson.deleted_at.is_null())
        .order_by(ContactPerson.is_primary.desc(), Email.id)
        .first()
    )
    return contact.address if contact is not None else None


def customer_mailto(customer_id: int, subject: str, body: str) -> str | None:
    """A ``mailto:`` link to the customer with the greeting; None without an email."""
    address = customer_email(customer_id)
    return mailto_link(address, subject, body) if address else None


def log_care_sent(
    customer_id: int,
    channel: str,
    text: str,
    *,
    subject: str | None = None,
    changed_by: str | None = None,
) -> followups.FollowUpItem:
    """Record that a greeting was sent, as a done follow-up with the text as its content."""
    return followups.log_contact(
        customer_id,
        channel=channel,
        subject=subject or messages.text("care_subject"),
        content=text,
        changed_by=changed_by,
    )
