"""`desktop-crm report …`: each kind of report, and bad input as one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Setting, User
from desktop_crm.domain import followups, segments
from desktop_crm.domain.search import CustomerQuery
from tests.cli.conftest import Result, subprocess_env

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
    # In-process runs share the test session's QApplication (a QGuiApplication made by the
    # command would stop later widget tests from making theirs).
    pytest.mark.usefixtures("qapp"),
]


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


@pytest.fixture
def crm(database: Path) -> Path:
    """The two-customer database with a company name, a rep, a plan and a segment."""
    open_database(str(database))
    Setting.create(key="company_name", value="华信办公设备有限公司")
    User.create(username="zhang.wei", display_name="张伟")
    followups.plan_followup(1, "2000-01-03T09:00", subject="催收货款", owner="zhang.wei")
    segments.save_segment("Zhang", CustomerQuery(text="张三"))
    close_database()
    return database


def report(run: Any, crm: Path, *args: str) -> Result:
    return run("--database", str(crm), "report", *args)


def test_customer_report(run, crm, tmp_path):
    out = tmp_path / "c.pdf"
    result = report(run, crm, "customer", "c000001", "-o", str(out))
    assert (result.code, result.err) == (0, "")
    assert f"wrote {out} (1 page)" in result.out
    text = text_of(out)
    assert "张三" in text and "Client report" in text and "Page 1 of 1" in text


def test_customer_report_in_chinese_on_letter_paper(run, crm, tmp_path):
    out = tmp_path / "c.pdf"
    result = report(
        run, crm, "customer", "C000001", "-o", str(out), "--lang", "zh_CN", "--paper", "letter"
    )
    assert result.code == 0, result.err
    assert "客户报告" in text_of(out) and "第 1 页，共 1 页" in text_of(out)


def test_list_report_all_and_by_segment(run, crm, tmp_path):
    everyone, segment = tmp_path / "all.pdf", tmp_path / "seg.pdf"
    assert report(run, crm, "list", "-o", str(everyone)).code == 0
    assert "张三" in text_of(everyone) and "李四" in text_of(everyone)
    result = report(
        run, crm, "list", "-o", str(segment), "--segment", "Zhang", "--columns", "code,name,phone"
    )
    assert result.code == 0, result.err
    assert "张三" in text_of(segment) and "李四" not in text_of(segment)


def test_followup_plan(run, crm, tmp_path):
    out = tmp_path / "plan.pdf"
    result = report(run, crm, "followups", "-o", str(out), "--owner", "zhang.wei", "--days", "3")
    assert result.code == 0, result.err
    text = text_of(out)
    assert "Follow-up plan" in text and "催收货款" in text and "Overdue" in text


def test_mailings(run, crm, tmp_path):
    for kind, extra in (
        ("labels", ["--sheet", "letter-3x10"]),
        ("envelopes", ["--size", "c5"]),
        ("letters", []),
    ):
        out = tmp_path / f"{kind}.pdf"
        result = report(run, crm, kind, "-o", str(out), "--codes", "C000002,C000001", *extra)
        assert result.code == 0, (kind, result.err)
        assert "李四" in text_of(out) and "张三" in text_of(out)


def test_letters_from_a_gbk_template(run, crm, tmp_path):
    template = tmp_path / "letter.txt"
    template.write_bytes("{name}您好：\n\n感谢您的支持。".encode("gbk"))
    out = tmp_path / "letters.pdf"
    result = report(run, crm, "letters", "-o", str(out), "--template", str(template))
    assert result.code == 0, result.err
    assert "张三您好" in text_of(out).replace(" ", "")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["customer", "C999999"], "no customer C999999"),
        (["list", "--segment", "nope"], "no saved segment named “nope”"),
        (["list", "--columns", "name,colour"], "unknown column “colour”"),
        (["followups", "--owner", "nobody"], "no user named “nobody”"),
        (["labels", "--codes", "C000001,C404"], "no customer C404"),
        (["labels", "--pitch", "90,40"], "do not fit"),
        (["letters", "--template", "/no/such/template.txt"], "cannot read /no/such/template.txt"),
    ],
)
def test_bad_input_is_one_clear_line(run, crm, tmp_path, args, fragment):
    out = tmp_path / "x.pdf"
    result = report(run, crm, args[0], "-o", str(out), *args[1:])
    result.assert_one_clear_error(fragment)
    assert not out.exists()


def test_a_bad_template_placeholder_is_named(run, crm, tmp_path):
    template = tmp_path / "t.txt"
    template.write_text("Dear {nmae}", encoding="utf-8")
    result = report(run, crm, "letters", "-o", str(tmp_path / "x.pdf"), "--template", str(template))
    result.assert_one_clear_error("{nmae}")


@pytest.mark.parametrize("where", ["missing-folder/x.pdf", "folder.pdf", "report.txt"])
def test_unwritable_outputs_are_refused_before_any_work(run, crm, tmp_path, where):
    (tmp_path / "folder.pdf").mkdir()
    result = report(run, crm, "customer", "C000001", "-o", str(tmp_path / where))
    result.assert_one_clear_error(str(tmp_path / where))


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root (and Windows) ignore the folder's permissions",
)
def test_a_read_only_folder_is_refused(run, crm, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        report(run, crm, "customer", "C000001", "-o", str(locked / "x.pdf")).assert_one_clear_error(
            "cannot write"
        )
    finally:
        locked.chmod(0o700)


def test_usage_errors(run, crm, tmp_path):
    result = report(run, crm, "customer", "C000001")  # no -o
    assert result.code == 2 and "-o/--output" in result.err
    result = report(run, crm, "followups", "-o", str(tmp_path / "x.pdf"), "--days", "0")
    assert result.code == 2 and "Traceback" not in result.err


def test_headless_without_a_display(crm, tmp_path):
    """A real process with no display and no Qt platform chosen still writes the PDF."""
    env = subprocess_env()
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    out = tmp_path / "headless.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_crm",
            "--database",
            str(crm),
            "report",
            "list",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "张三" in text_of(out)
