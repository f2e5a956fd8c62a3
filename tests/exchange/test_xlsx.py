"""Excel .xlsx files in and out."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_crm.db.models import Customer
from desktop_crm.domain.customers import create_customer, get_customer
from desktop_crm.domain.users import create_user
from desktop_crm.errors import CrmError, FileFormatError
from desktop_crm.exchange.exporter import export_customers
from desktop_crm.exchange.importer import import_customers
from desktop_crm.exchange.mapping import EXPORT_COLUMNS
from desktop_crm.exchange.xlsx_io import cell_text, read_xlsx, write_xlsx

FIXTURES = Path(__file__).parent / "fixtures"


def records() -> list[Any]:
    return [get_customer(c.id) for c in Customer.select(Customer.id).order_by(Customer.id)]


def test_a_workbook_made_in_excel_every_field(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers.xlsx")
    assert (summary.file_format, summary.reading, summary.rows) == ("csv", "sheet “客户”", 3)
    assert (summary.created, summary.rejected) == (3, 0)
    zhang, li, wang = records()
    assert (zhang.name, zhang.birthday, zhang.company_name, zhang.city) == (
        "张三",
        date(1985, 3, 12),
        "武当派",
        "北京",
    )
    assert [p.number for p in zhang.phones] == ["13800138000"]  # a number cell, no ".0"
    assert (zhang.stars, zhang.credit_limit, zhang.notes) == (4, Decimal("50000.50"), "老客户")
    assert [e.address for e in zhang.emails] == ["zs@example.com"]
    assert (li.birthday, li.stars, [p.number for p in li.phones]) == (
        date(1990, 5, 20),
        3,
        ["139-0013-9000"],
    )  # a date cell; 3.0 stars
    assert (wang.name, wang.birthday, wang.credit_limit, wang.notes) == (
        "Wang Wu",
        date(1992, 12, 31),
        Decimal("1200.00"),
        "新客户",
    )


def test_a_chosen_sheet(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers.xlsx", sheet="供应商")
    assert (summary.created, summary.reading) == (1, "sheet “供应商”")
    (company,) = records()
    assert company.name == "星辰贸易有限公司"
    with pytest.raises(FileFormatError, match="no sheet named “Sheet9” .*“客户”, “供应商”"):
        import_customers(FIXTURES / "customers.xlsx", sheet="Sheet9")


def test_the_header_row_below_a_title_row_is_found() -> None:
    table = read_xlsx(FIXTURES / "customers.xlsx", is_header=lambda cells: "姓名" in cells)
    assert (table.header_row, table.headers[:3]) == (2, ["姓名", "手机", "邮箱"])
    assert [line for line, _ in table.rows()] == [3, 4, 6]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("truncated", "truncated or damaged"),
        ("empty", "is empty"),
        ("binary", "not an Excel .xlsx file"),
        ("xls", "old-style Excel"),
        ("zip", "not a readable Excel .xlsx file"),
        ("header_only", "a header row but no customers"),
        ("no_rows", "is empty"),
    ],
)
def test_bad_workbooks_are_one_clear_error_and_write_nothing(
    db: Any, tmp_path: Path, kind: str, message: str
) -> None:
    path = tmp_path / "in.xlsx"
    if kind == "truncated":
        path.write_bytes((FIXTURES / "truncated.xlsx").read_bytes())
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    elif kind == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
    else:
        book = openpyxl.Workbook()
        if kind == "header_only":
            book.active.append(["姓名", "手机"])
        book.save(path)
    with pytest.raises(FileFormatError, match=message):
        import_customers(path)
    assert Customer.select().count() == 0


def test_a_workbook_damaged_after_its_first_rows_keeps_nothing(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机"])
    for n in range(3000):
        book.active.append([f"客户{n}", f"1380013{n:04d}"])
    book.save(path)
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as out, zipfile.ZipFile(path) as archive:
        for item in archive.infolist():
            content = archive.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = sheet[: len(sheet) * 2 // 3]  # cut in the middle of the rows
            out.writestr(item, content)
    assert data != broken.read_bytes()
    with pytest.raises(FileFormatError, match="damaged"):
        import_customers(broken)
    assert Customer.select().count() == 0


def test_export_writes_typed_columns(db: Any, tmp_path: Path) -> None:
    create_user("alice", "Alice")
    create_customer(
        {
            "name": "张三",
            "birthday": "1985-03-12",
            "phones": ["013800138000"],
            "stars": 4,
            "credit_limit": "50000.5",
            "relationship_level": 3,
            "owner": "alice",
            "notes": "=1+1 不是公式",
        }
    )
    create_customer({"name": "李四", "birthday": "1904-07-14", "birthday_has_year": False})
    out = tmp_path / "out.xlsx"
    assert export_customers(out, file_format="xlsx") == 2
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_COLUMNS and rows[0][:2] == ("code", "name")
    zhang = dict(zip(EXPORT_COLUMNS, rows[1], strict=True))
    assert zhang["birthday"] == datetime(1985, 3, 12)
    assert sheet.cell(row=2, column=EXPORT_COLUMNS.index("birthday") + 1).is_date
    assert (zhang["stars"], zhang["relationship_level"], zhang["credit_limit"]) == (4, 3, 50000.5)
    assert zhang["phones"] == "013800138000"  # text: the leading 0 stays
    assert zhang["notes"] == "=1+1 不是公式"  # text, never a formula
    assert isinstance(zhang["created_at"], datetime)
    assert zhang["owner"] == "alice"
    li = dict(zip(EXPORT_COLUMNS, rows[2], strict=True))
    assert li["birthday"] == "--07-14"
    assert sheet.freeze_panes == "C2"


def test_export_then_import_gives_the_same_customers(db: Any, tmp_path: Path) -> None:
    create_user("alice", "Alice")
    create_customer(
        {
            "name": "张三",
            "gender": "male",
            "birthday": "1985-03-12",
            "title": "经理",
            "company_name": "武当派",
            "phones": ["13800138000", "010-62345678"],
            "emails": ["zs@example.com"],
            "messengers": [{"service": "wechat", "handle": "zs"}],
            "addresses": [
                {
                    "province": "北京",
                    "city": "北京",
                    "district": "海淀区",
                    "street": "中关村1号",
                    "postcode": "100080",
                }
            ],
            "source": "exhibition",
            "owner": "alice",
            "status": "existing",
            "grade": "A",
            "stars": 4,
            "credit_rating": "AA",
            "credit_limit": "50000",
            "relationship_level": 3,
            "tags": ["VIP", "展会"],
            "notes": "多行\n备注",
            "lunar_birthday_month": 8,
            "lunar_birthday_day": 15,
        }
    )
    create_customer(
        {
            "name": "Acme Ltd",
            "kind": "enterprise",
            "industry": "Software",
            "company_size": "10-49",
            "website": "https://acme.example.com",
            "birthday": "1904-02-29",
            "birthday_has_year": False,
        }
    )
    out = tmp_path / "all.xlsx"
    export_customers(out, file_format="xlsx")
    before = records()
    again = import_customers(out)
    assert (again.created, again.unchanged) == (0, 2)
    Customer.delete().execute()
    summary = import_customers(out)
    assert (summary.created, summary.rejected, summary.warnings) == (2, 0, [])
    skip = {"id", "uuid", "version", "created_at", "updated_at", "relations", "stage"}
    for old, new in zip(before, records(), strict=True):
        for name in old.__dataclass_fields__:
            if name not in skip:
                assert getattr(new, name) == getattr(old, name), name


def test_cell_text() -> None:
    assert [
        cell_text(v)
        for v in (
            None,
            "x",
            True,
            7,
            13800138000.0,
            2.5,
            Decimal("1.10"),
            datetime(2024, 1, 2),
            datetime(2024, 1, 2, 8, 30),
            date(2024, 1, 2),
        )
    ] == [
        "",
        "x",
        "yes",
        "7",
        "13800138000",
        "2.5",
        "1.10",
        "2024-01-02",
        "2024-01-02 08:30:00",
        "2024-01-02",
    ]


def test_write_xlsx_refuses_a_folder_and_leaves_no_part_file(tmp_path: Path) -> None:
    with pytest.raises(CrmError, match="folder"):
        write_xlsx(tmp_path, ["a"], [["1"]])
    with pytest.raises(CrmError, match="does not exist"):
        write_xlsx(tmp_path / "missing" / "x.xlsx", ["a"], [["1"]])
    assert not list(tmp_path.rglob("*.part"))
