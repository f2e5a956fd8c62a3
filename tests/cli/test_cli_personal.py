"""`desktop-crm personal export|erase`: one person's data out, or gone."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import customer_names

pytestmark = pytest.mark.usefixtures("qapp")  # the PDF shares the session's QApplication


def test_export_writes_the_json_and_the_pdf(run, database: Path, tmp_path: Path) -> None:
    out, pdf = tmp_path / "zs.json", tmp_path / "zs.pdf"
    result = run(
        "--database",
        str(database),
        "personal",
        "export",
        "C000001",
        "-o",
        str(out),
        "--pdf",
        str(pdf),
    )
    assert result.code == 0, result.err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["person"]["profile"]["name"] == "张三"
    assert document["person"]["emails"][0]["address"] == "zs@example.com"
    assert f"wrote {out}" in result.out and f"wrote {pdf}" in result.out
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert "张三" in text and "13800138000" in text


def test_a_customer_is_named_by_id_too(run, database: Path, tmp_path: Path) -> None:
    out = tmp_path / "ls.json"
    assert run("--database", str(database), "personal", "export", "2", "-o", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["profile"]["name"] == "李四"


def test_erase_without_yes_refuses_in_one_line(run, database: Path) -> None:
    result = run("--database", str(database), "personal", "erase", "C000001")
    result.assert_one_clear_error("cannot be undone", "--yes")
    assert customer_names(database) == ["张三", "李四"]


def test_erase_with_yes_leaves_the_shell_and_the_record(run, database: Path) -> None:
    result = run("--database", str(database), "personal", "erase", "C000001", "--yes")
    assert result.code == 0, result.err
    assert "erased C000001" in result.out
    assert customer_names(database) == ["已删除的客户 / Erased customer #1", "李四"]
    con = sqlite3.connect(database)
    try:
        assert con.execute("SELECT customer_code FROM erasure").fetchall() == [("C000001",)]
        assert con.execute(
            "SELECT COUNT(*) FROM phone WHERE digits = '13800138000'"
        ).fetchone() == (0,)
    finally:
        con.close()
    again = run("--database", str(database), "personal", "erase", "C000001", "--yes")
    again.assert_one_clear_error("C000001", "erased")


def test_an_unknown_customer_is_one_clear_line(run, database: Path, tmp_path: Path) -> None:
    result = run(
        "--database", str(database), "personal", "export", "C000099", "-o", str(tmp_path / "x.json")
    )
    result.assert_one_clear_error("C000099")
