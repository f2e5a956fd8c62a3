"""`desktop-crm import` and `desktop-crm export`: happy paths and every bad input."""

from __future__ import annotations

import codecs
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import cli
from tests.cli.conftest import corrupt, customer_names, digest, make_newer, run_module

FIXTURES = Path(__file__).parents[1] / "exchange" / "fixtures"


def csv_file(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ import


def test_import_reports_the_summary_on_stdout(run: Any, database: Path) -> None:
    result = run("--database", str(database), "import", str(FIXTURES / "customers_gbk.csv"))
    assert (result.code, result.err) == (0, "")
    assert "gb18030" in result.out
    assert "created 2, updated 0, merged 0, skipped 0, rejected 0" in result.out
    assert customer_names(database) == ["张三", "李四", "王芳", "赵强"]


def test_import_creates_a_new_database(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    result = run("--database", str(target), "import", str(FIXTURES / "customers_utf8_bom.csv"))
    assert result.code == 0
    assert customer_names(target) == ["张伟", "华为技术有限公司"]


def test_rejected_rows_go_to_stderr_with_line_and_reason_and_exit_3(
    run: Any, database: Path, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, "姓名,手机,邮箱\n王五,13700137000,\n赵六,123,\n,13600136000,\n")
    result = run("--database", str(database), "import", str(path))
    assert result.code == cli.EXIT_REJECTED_ROWS == 3
    assert "desktop-crm: line 3: 手机: “123” is not a valid phone number" in result.err
    assert "desktop-crm: line 4: 姓名: is required" in result.err
    assert "Traceback" not in result.err
    assert "created 1" in result.out and "rejected 2" in result.out
    assert customer_names(database) == ["张三", "李四", "王五"]


def test_dry_run_lists_every_row_and_writes_nothing(
    run: Any, database: Path, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, "姓名,手机\n王五,13700137000\n张三丰,13800138000\n赵六,123\n")
    before = digest(database)
    result = run("--database", str(database), "import", str(path), "--dry-run")
    assert result.code == 3
    assert result.out.splitlines()[:3] == [
        "line 2: create C000003 王五",
        "line 3: skip C000001 张三丰 (same phone as C000001 张三)",
        "line 4: reject 赵六 (“123” is not a valid phone number)",
    ]
    assert "nothing written" in result.out
    assert digest(database) == before and customer_names(database) == ["张三", "李四"]


def test_dry_run_without_a_database_creates_none(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "none.sqlite3"
    result = run(
        "--database", str(target), "import", str(FIXTURES / "customers_gbk.csv"), "--dry-run"
    )
    assert result.code == 0 and "would have created 2" in result.out
    assert not target.exists()


def test_on_duplicate_merge_and_create(run: Any, database: Path, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "姓名,手机,公司\n张三丰,13800138000,武当\n")
    assert (
        "merged 1"
        in run("--database", str(database), "import", str(path), "--on-duplicate", "merge").out
    )
    # The row is kept merged into 张三 (hidden, so the merge can be undone).
    assert live_names(database) == ["张三", "李四"]
    assert (
        "created 1"
        in run("--database", str(database), "import", str(path), "--on-duplicate", "create").out
    )
    assert live_names(database) == ["张三", "李四", "张三丰"]


def live_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in con.execute("SELECT name FROM customer WHERE deleted_at IS NULL ORDER BY id")
        ]
    finally:
        con.close()


def test_google_and_outlook_formats(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "contacts.sqlite3"
    assert (
        run(
            "--database",
            str(target),
            "import",
            str(FIXTURES / "google_contacts.csv"),
            "--format",
            "google",
        ).code
        == 0
    )
    result = run(
        "--database",
        str(target),
        "import",
        str(FIXTURES / "outlook_contacts.csv"),
        "--format",
        "outlook",
    )
    assert result.code == 0
    assert "columns not imported: E-mail Display Name" in result.err
    assert customer_names(target) == ["Wu Lei", "Mei Lin", "René Dubois"]


def bad_import_file(tmp_path: Path, kind: str) -> tuple[Path, str]:
    path = tmp_path / "input.csv"
    if kind == "missing":
        return tmp_path / "nowhere.csv", "does not exist"
    if kind == "folder":
        return tmp_path, "is a folder"
    if kind == "empty":
        path.write_bytes(b"")
        return path, "is empty"
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
        return path, "not a text"
    if kind == "header_only":
        path.write_text("姓名,手机,邮箱\n", encoding="utf-8")
        return path, "no customers"
    if kind == "unknown_columns":
        path.write_text("foo,bar\n1,2\n", encoding="utf-8")
        return path, "none of its columns"
    if kind == "no_name":
        path.write_text("手机\n13800138000\n", encoding="utf-8")
        return path, "no name column"
    if kind == "xlsx":
        xlsx = tmp_path / "people.xlsx"
        xlsx.write_bytes(b"PK\x03\x04" + bytes(100))
        return xlsx, "truncated or damaged"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    ["missing", "folder", "empty", "binary", "header_only", "unknown_columns", "no_name", "xlsx"],
)
def test_import_of_a_bad_file_is_one_line_and_changes_nothing(
    run: Any, database: Path, tmp_path: Path, kind: str
) -> None:
    path, message = bad_import_file(tmp_path, kind)
    before = digest(database)
    result = run("--database", str(database), "import", str(path))
    result.assert_one_clear_error(message)
    assert result.code == 1
    assert digest(database) == before


@pytest.mark.parametrize("kind", ["corrupt", "newer", "not_sqlite", "folder", "missing_folder"])
def test_import_into_a_bad_database_is_one_line(
    run: Any, database: Path, tmp_path: Path, kind: str
) -> None:
    target = database
    message = ""
    if kind == "corrupt":
        corrupt(database)
    elif kind == "newer":
        make_newer(database)
        message = "newer version"
    elif kind == "not_sqlite":
        target = tmp_path / "notes.txt"
        target.write_text("hello", encoding="utf-8")
        message = "not a SQLite file"
    elif kind == "folder":
        target = tmp_path
        message = "is a folder"
    else:
        target = tmp_path / "missing" / "crm.sqlite3"
        message = "does not exist"
    before = digest(target) if target.is_file() else None
    result = run("--database", str(target), "import", str(FIXTURES / "customers_gbk.csv"))
    result.assert_one_clear_error(message)
    if before is not None:
        assert digest(target) == before


def test_import_in_a_subprocess(database: Path) -> None:
    result = run_module(
        "--database", str(database), "import", str(FIXTURES / "customers_utf16_tab.txt")
    )
    assert result.code == 0, result.err
    assert "utf-16, tab-separated, 2 rows" in result.out


# ------------------------------------------------------------------------ export


def test_export_writes_utf8_bom_csv_and_it_imports_back(
    run: Any, database: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export.csv"
    result = run("--database", str(database), "export", str(out))
    assert (result.code, result.out.strip()) == (0, f"exported 2 customers to {out}")
    raw = out.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + b"code,name,kind,")
    assert "C000001,张三,individual" in raw.decode("utf-8-sig")
    copy = tmp_path / "copy.sqlite3"
    assert run("--database", str(copy), "import", str(out)).code == 0
    assert customer_names(copy) == ["张三", "李四"]
    again = run("--database", str(database), "import", str(out))
    assert "created 0, updated 0 (2 unchanged)" in again.out


@pytest.mark.parametrize("where", ["missing/folder/out.csv", "."])
def test_export_to_an_unwritable_path(run: Any, database: Path, tmp_path: Path, where: str) -> None:
    result = run("--database", str(database), "export", str(tmp_path / where))
    result.assert_one_clear_error()
    assert not list(tmp_path.rglob("*.part"))


def test_export_over_an_existing_file_replaces_it(run: Any, database: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    out.write_text("old", encoding="utf-8")
    assert run("--database", str(database), "export", str(out)).code == 0
    assert out.read_bytes().startswith(codecs.BOM_UTF8 + b"code,name")


@pytest.mark.parametrize("kind", ["missing", "corrupt", "newer", "xls"])
def test_export_from_a_bad_database_is_one_line(
    run: Any, database: Path, tmp_path: Path, kind: str
) -> None:
    target, out = database, tmp_path / "out.csv"
    message = ""
    if kind == "missing":
        target = tmp_path / "none.sqlite3"
        message = "no database"
    elif kind == "corrupt":
        corrupt(database)
    elif kind == "newer":
        make_newer(database)
        message = "newer version"
    else:
        out = tmp_path / "out.xls"
        message = "cannot export old Excel .xls"
    result = run("--database", str(target), "export", str(out))
    result.assert_one_clear_error(message)
    assert not out.exists()
    if kind == "missing":
        assert not target.exists()


def test_export_in_a_subprocess(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run_module("--database", str(database), "export", str(out))
    assert result.code == 0, result.err
    assert shutil.disk_usage(tmp_path) and out.read_bytes().startswith(codecs.BOM_UTF8)
