"""Dates as people type them, and columns whose day/month order is not guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.db.models import Customer
from desktop_crm.domain.customers import get_customer
from desktop_crm.exchange.dates import (
    DateColumn,
    check_columns,
    date_evidence,
    parse_date_text,
)
from desktop_crm.exchange.importer import (
    AmbiguousDatesError,
    ambiguous_date_columns,
    import_customers,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985/3/12", "1985-03-12"),
        ("1985-03-12", "1985-03-12"),
        ("1985.3.12", "1985-03-12"),
        ("1990年5月20日", "1990-05-20"),
        ("1990 年 5 月 20 日", "1990-05-20"),
        ("１９９０年５月２０日", "1990-05-20"),  # full-width digits
        ("19850312", "1985-03-12"),
        ("12/31/1992", "1992-12-31"),  # only month first makes sense
        ("31/12/1992", "1992-12-31"),
        ("3.12.1985", "1985-12-03"),  # dotted: day first
        ("31-12-92", "1992-12-31"),
        ("05/05/2020", "2020-05-05"),  # the same either way
        ("1985-03-12 08:30:00", "1985-03-12"),
        ("1985-03-12T00:00:00Z", "1985-03-12"),
        ("19990101T000000Z", "1999-01-01"),
    ],
)
def test_forms_people_type(text: str, expected: str) -> None:
    parsed = parse_date_text(text)
    assert parsed is not None and (parsed.value, parsed.has_year) == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--0714", "1904-07-14"),
        ("--07-14", "1904-07-14"),
        ("7月14日", "1904-07-14"),
        ("--0229", "1904-02-29"),
    ],
)
def test_birthdays_without_a_year(text: str, expected: str) -> None:
    parsed = parse_date_text(text)
    assert parsed is not None and (parsed.value, parsed.has_year) == (expected, False)


@pytest.mark.parametrize("text", ["03/04/2020", "1/2/1990", "11-10-2001"])
def test_a_date_that_could_be_either_way_is_not_guessed(text: str) -> None:
    assert parse_date_text(text) is None
    assert date_evidence(text) == "either"
    assert parse_date_text(text, "dmy") != parse_date_text(text, "mdy")


@pytest.mark.parametrize(
    "text", ["", "sometime", "1985-02-30", "13/13/2020", "0/0/0000", "2/30/2000", "1985-13-01"]
)
def test_not_dates(text: str) -> None:
    assert parse_date_text(text) is None
    assert parse_date_text(text, "mdy") is None


def test_a_column_is_decided_by_one_of_its_dates() -> None:
    column = DateColumn("生日")
    for value in ("03/04/2020", "01/02/1990", "25/12/1980"):
        column.add(value)
    assert (column.order, column.ambiguous) == ("dmy", False)
    mixed = DateColumn("生日")
    for value in ("31/12/1980", "12/31/1980"):
        mixed.add(value)
    assert mixed.ambiguous and "both day-first (31/12/1980) and month-first" in mixed.explain()
    (unclear,) = check_columns({"Birthday": ["03/04/2020", "1990-01-01"], "ok": ["1/1/2000"]})
    assert unclear.column == "Birthday" and "03/04/2020" in unclear.explain()


@given(st.text(max_size=30), st.sampled_from([None, "dmy", "mdy"]))
def test_never_crashes(text: str, order: str | None) -> None:
    parsed = parse_date_text(text, order)
    if parsed is not None:
        date.fromisoformat(parsed.value)
    date_evidence(text)


# -------------------------------------------------------------------- in an import


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_ambiguous_column_stops_the_import_naming_it(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,出生日期\n张三,03/04/1985\n李四,05/06/1990\n")
    assert [c.column for c in ambiguous_date_columns(path)] == ["出生日期"]
    with pytest.raises(AmbiguousDatesError, match="“出生日期” .*03/04/1985") as caught:
        import_customers(path)
    assert [c.column for c in caught.value.columns] == ["出生日期"]
    assert Customer.select().count() == 0
    import_customers(path, date_order="mdy")
    assert get_customer(1).birthday == date(1985, 3, 4)


def test_the_order_given_reads_every_date_that_way(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,生日\n张三,03/04/1985\n李四,1990年5月20日\n")
    summary = import_customers(path, date_order="dmy")
    assert summary.created == 2
    assert [get_customer(i).birthday for i in (1, 2)] == [date(1985, 4, 3), date(1990, 5, 20)]


def test_a_decided_column_needs_no_order_and_bad_dates_are_rejected(
    db: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, "姓名,生日\n张三,03/04/1985\n李四,25/12/1990\n王五,30/02/1990\n")
    assert ambiguous_date_columns(path) == []
    summary = import_customers(path)
    assert (summary.created, summary.rejected) == (2, 1)
    assert get_customer(1).birthday == date(1985, 4, 3)  # day first, as 25/12 shows
    assert str(summary.problems[0]) == "line 4: 生日: “30/02/1990” is not a real date"


def test_mixed_orders_in_one_column_need_the_order_given(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,生日\n张三,31/12/1985\n李四,12/31/1990\n")
    with pytest.raises(AmbiguousDatesError, match="both day-first"):
        import_customers(path)
    summary = import_customers(path, date_order="mdy")
    assert (summary.created, summary.rejected) == (1, 1)


def test_outlook_files_are_month_first_by_their_format(db: Any, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "First Name,Last Name,Birthday,E-mail Address,Business Phone\n"
        "John,Smith,3/4/1985,js@example.com,\n",
    )
    assert ambiguous_date_columns(path) == []
    import_customers(path)
    assert get_customer(1).birthday == date(1985, 3, 4)


def test_text_dates_in_a_workbook_are_checked_and_date_cells_never_are(
    db: Any, tmp_path: Path
) -> None:
    path = tmp_path / "people.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "生日"])
    book.active.append(["张三", date(1985, 3, 4)])
    book.active.append(["李四", "05/06/1990"])
    book.save(path)
    assert [c.column for c in ambiguous_date_columns(path)] == ["生日"]
    with pytest.raises(AmbiguousDatesError):
        import_customers(path)
    import_customers(path, date_order="dmy")
    assert [get_customer(i).birthday for i in (1, 2)] == [date(1985, 3, 4), date(1990, 6, 5)]
