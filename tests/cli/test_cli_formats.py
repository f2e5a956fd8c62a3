"""`desktop-crm import`/`export` with Excel, vCard and iCalendar files; listing and undoing
imports; dates whose order the file does not tell."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain import followups
from desktop_crm.domain.users import create_user
from tests.cli.conftest import customer_names, digest, run_module

FIXTURES = Path(__file__).resolve().parents[1] / "exchange" / "fixtures"


def live_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in con.execute("SELECT name FROM customer WHERE deleted_at IS NULL ORDER BY id")
        ]
    finally:
        con.close()


# ------------------------------------------------------------------------ import


def test_import_an_excel_file_by_its_extension(run: Any, tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    result = run("--database", str(db), "import", str(FIXTURES / "customers.xlsx"))
    assert result.code == 0, result.err
    assert "(sheet “客户”, 3 rows)" in result.out and "created 3" in result.out
    assert customer_names(db) == ["张三", "李四", "Wang Wu"]
    other = run(
        "--database", str(db), "import", str(FIXTURES / "customers.xlsx"), "--sheet", "供应商"
    )
    assert other.code == 0 and "created 1" in other.out


def test_import_vcards_by_extension_or_format(run: Any, tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    result = run("--database", str(db), "import", str(FIXTURES / "android_2_1.vcf"))
    assert result.code == 0, result.err
    assert "created 3" in result.out and "vCard" in result.out
    renamed = tmp_path / "contacts.txt"
    renamed.write_bytes((FIXTURES / "contacts_4_0.vcf").read_bytes())
    assert customer_names(db) == ["张三", "李四", "John Smith"]
    fresh = tmp_path / "fresh.sqlite3"
    other = run("--database", str(fresh), "import", str(renamed), "--format", "vcard")
    assert other.code == 0 and "created 2" in other.out
    assert customer_names(fresh) == ["赵敏", "Example Org Ltd"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.xlsx", None, "truncated or damaged"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel .xls"),
        ("empty.vcf", b"", "is empty"),
        ("photo.vcf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a vCard"),
    ],
)
def test_a_bad_file_is_one_clear_line_and_changes_nothing(
    run: Any, database: Path, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if content is not None else (FIXTURES / "truncated.xlsx").read_bytes())
    before = digest(database)
    result = run("--database", str(database), "import", str(path))
    result.assert_one_clear_error(message)
    assert result.code == 1 and digest(database) == before


def test_an_unknown_sheet_names_the_sheets_there(run: Any, database: Path) -> None:
    result = run(
        "--database", str(database), "import", str(FIXTURES / "customers.xlsx"), "--sheet", "Sheet1"
    )
    result.assert_one_clear_error("no sheet named “Sheet1”", "“客户”, “供应商”")


def test_ambiguous_dates_are_refused_until_the_order_is_given(
    run: Any, database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("姓名,生日\n王五,03/04/1985\n赵六,05/06/1990\n", encoding="utf-8")
    before = digest(database)
    result = run("--database", str(database), "import", str(path))
    result.assert_one_clear_error("“生日”", "03/04/1985", "--date-order dmy", "--date-order mdy")
    assert digest(database) == before
    done = run("--database", str(database), "import", str(path), "--date-order", "dmy")
    assert done.code == 0 and "created 2" in done.out
    con = sqlite3.connect(database)
    assert con.execute("SELECT birthday FROM customer WHERE name = '王五'").fetchone() == (
        "1985-04-03",
    )
    con.close()


def test_import_without_a_file_is_a_usage_error(run: Any, database: Path) -> None:
    result = run("--database", str(database), "import")
    assert result.code == 2 and result.err.startswith("desktop-crm: error:")
    assert len(result.err.strip().splitlines()) == 1


# ------------------------------------------------------------------ list and undo


def test_list_and_undo_imports(run: Any, database: Path, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        "姓名,手机,公司\n王五,13700137000,\n张三丰,13800138000,武当派\n", encoding="utf-8"
    )
    imported = run("--database", str(database), "import", str(path), "--on-duplicate", "merge")
    assert imported.code == 0 and "import 1; undo with `desktop-crm import --undo 1`" in (
        imported.out
    )
    assert live_names(database) == ["张三", "李四", "王五"]
    listed = run("--database", str(database), "import", "--list")
    assert listed.code == 0
    (line,) = listed.out.splitlines()
    assert (
        line.startswith("1\t")
        and "new.csv" in line
        and "created 1, updated 0, merged 1" in (line)
        and line.endswith("1 of its customers remain")
    )
    undone = run("--database", str(database), "import", "--undo", "1")
    assert undone.code == 0, undone.err
    assert undone.out.strip() == (
        "undid import 1: deleted 1 customers it created, separated 1 "
        "merged duplicates, put back 0 updated customers"
    )
    assert customer_names(database) == ["张三", "李四"]
    assert "undone" in run("--database", str(database), "import", "--list").out
    again = run("--database", str(database), "import", "--undo", "1")
    again.assert_one_clear_error("undone already")
    run("--database", str(database), "import", "--undo", "7").assert_one_clear_error("no import 7")


def test_undo_refused_when_its_customers_were_worked_on(
    run: Any, database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "new.csv"
    path.write_text("姓名\n王五\n", encoding="utf-8")
    assert run("--database", str(database), "import", str(path)).code == 0
    open_database(str(database))
    followups.plan_followup(3, datetime(2030, 1, 1, 9), subject="回访")
    close_database()
    before = digest(database)
    result = run("--database", str(database), "import", "--undo", "1")
    result.assert_one_clear_error(
        "cannot undo import 1", "王五", "follow-ups", "nothing was undone"
    )
    assert digest(database) == before


def test_list_with_a_file_is_refused(run: Any, database: Path) -> None:
    run("--database", str(database), "import", "x.csv", "--list").assert_one_clear_error(
        "--list and --undo take no FILE"
    )


# ------------------------------------------------------------------------ export


@pytest.mark.parametrize(
    ("name", "given", "start"),
    [
        ("out.xlsx", None, b"PK\x03\x04"),
        ("out.vcf", None, b"BEGIN:VCARD\r\nVERSION:3.0"),
        ("out.dat", "xlsx", b"PK\x03\x04"),
        ("out.txt", "vcard", b"BEGIN:VCARD"),
    ],
)
def test_export_formats(
    run: Any, database: Path, tmp_path: Path, name: str, given: str | None, start: bytes
) -> None:
    out = tmp_path / name
    args = ["--database", str(database), "export", str(out)]
    if given:
        args += ["--format", given]
    result = run(*args)
    assert (result.code, result.out.strip()) == (0, f"exported 2 customers to {out}")
    assert out.read_bytes().startswith(start)
    copy = tmp_path / "copy.sqlite3"
    back = run(
        "--database",
        str(copy),
        "import",
        str(out),
        "--format",
        "vcard" if b"VCARD" in start else "xlsx",
    )
    assert back.code == 0, back.err
    assert customer_names(copy) == ["张三", "李四"]


def test_export_planned_followups_to_ics_with_an_owner(
    run: Any, database: Path, tmp_path: Path
) -> None:
    open_database(str(database))
    create_user("alice", "Alice")
    followups.plan_followup(1, datetime(2030, 1, 1, 9), subject="回访", owner="alice")
    followups.plan_followup(2, datetime(2030, 1, 2, 9), subject="送样品")
    close_database()
    out = tmp_path / "plans.ics"
    result = run("--database", str(database), "export", str(out))
    assert (result.code, result.out.strip()) == (0, f"exported 2 planned follow-ups to {out}")
    mine = run(
        "--database", str(database), "export", str(tmp_path / "alice.ics"), "--owner", "alice"
    )
    assert mine.out.startswith("exported 1 planned follow-ups")
    assert b"SUMMARY:\xe5\x9b\x9e\xe8\xae\xbf" in (tmp_path / "alice.ics").read_bytes()
    run(
        "--database", str(database), "export", str(tmp_path / "x.ics"), "--owner", "nobody"
    ).assert_one_clear_error("no user named “nobody”")


def test_export_customers_of_one_owner(run: Any, database: Path, tmp_path: Path) -> None:
    open_database(str(database))
    create_user("alice", "Alice")
    from desktop_crm.domain.customers import update_customer

    update_customer(2, {"owner": "alice"})
    close_database()
    out = tmp_path / "alice.xlsx"
    result = run("--database", str(database), "export", str(out), "--owner", "alice")
    assert result.out.strip() == f"exported 1 customers to {out}"
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["李四"]


def test_xlsx_round_trip_in_a_subprocess(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert run_module("--database", str(database), "export", str(out)).code == 0
    copy = tmp_path / "copy.sqlite3"
    result = run_module("--database", str(copy), "import", str(out))
    assert result.code == 0, result.err
    assert customer_names(copy) == ["张三", "李四"]
