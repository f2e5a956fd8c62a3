"""`desktop-crm encrypt | decrypt | passwd`, and every other command on an encrypted
database: the password from $DESKTOP_CRM_PASSWORD or --password-stdin, a wrong or
missing one as one clear line with nothing changed."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db import cipher
from tests.cli.conftest import customer_names, digest, run_module

PASSWORD = "s3cret 密码"


@pytest.fixture(autouse=True)
def no_password_kept(monkeypatch: pytest.MonkeyPatch):
    """Each command starts as a new process would: no password in memory, none in the env."""
    monkeypatch.delenv("DESKTOP_CRM_PASSWORD", raising=False)
    cipher.set_key(None)
    yield
    cipher.set_key(None)


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):
    def lines(*given: str) -> None:
        cipher.set_key(None)  # a new command: only what it is given
        monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{g}\n" for g in given)))

    return lines


@pytest.fixture
def encrypted(run: Any, stdin: Any, database: Path) -> Path:
    stdin(PASSWORD)
    result = run("--database", str(database), "encrypt", "--password-stdin")
    assert result.code == 0, result.err
    cipher.set_key(None)
    return database


def test_encrypt_protects_the_file_and_says_so(run, stdin, database):
    stdin(PASSWORD)
    result = run("--database", str(database), "encrypt", "--password-stdin")
    assert result.code == 0, result.err
    assert "is now encrypted" in result.out
    assert cipher.is_encrypted(database)
    data = database.read_bytes()
    assert "张三".encode() not in data and b"13800138000" not in data


def test_progress_lines_in_pages_for_the_app(run, stdin, database):
    stdin(PASSWORD)
    result = run("--database", str(database), "encrypt", "--password-stdin", "--progress")
    assert result.code == 0, result.err
    steps = [line.split() for line in result.err.splitlines()]
    assert steps and all(s[:2] == ["progress", "encrypt"] for s in steps)
    assert steps[-1][2] == steps[-1][3]  # all the pages


def test_other_commands_take_the_password_from_the_environment(run, encrypted, monkeypatch):
    monkeypatch.setenv("DESKTOP_CRM_PASSWORD", PASSWORD)
    result = run("--database", str(encrypted), "check")
    assert result.code == 0, result.err
    assert "ok:" in result.out and "2 customers" in result.out


def test_or_from_the_first_line_of_stdin(run, stdin, encrypted, tmp_path):
    stdin(PASSWORD)
    out = tmp_path / "all.csv"
    result = run("--password-stdin", "--database", str(encrypted), "export", str(out))
    assert result.code == 0, result.err
    assert "张三" in out.read_text(encoding="utf-8-sig")


def test_without_a_password_one_clear_line(run, stdin, encrypted):
    stdin()
    run("--database", str(encrypted), "check").assert_one_clear_error(
        "is protected with a password", "DESKTOP_CRM_PASSWORD", "--password-stdin"
    )


def test_a_wrong_password_is_one_line_and_changes_nothing(run, stdin, encrypted):
    before = digest(encrypted)
    stdin("wrong")
    run("--password-stdin", "--database", str(encrypted), "check").assert_one_clear_error(
        "wrong password"
    )
    stdin("wrong")
    result = run("--database", str(encrypted), "decrypt", "--password-stdin")
    result.assert_one_clear_error("wrong password")
    assert result.code == 1
    stdin("wrong", "new one")
    run("--database", str(encrypted), "passwd", "--password-stdin").assert_one_clear_error(
        "wrong password"
    )
    assert digest(encrypted) == before


def test_passwd_rekeys_and_decrypt_makes_it_plain_again(run, stdin, encrypted):
    stdin(PASSWORD, "新的密码")
    result = run("--database", str(encrypted), "passwd", "--password-stdin")
    assert result.code == 0, result.err
    assert "new password" in result.out
    stdin(PASSWORD)
    run("--password-stdin", "--database", str(encrypted), "check").assert_one_clear_error(
        "wrong password"
    )
    stdin("新的密码")
    result = run("--database", str(encrypted), "decrypt", "--password-stdin")
    assert result.code == 0, result.err
    assert not cipher.is_encrypted(encrypted)
    assert customer_names(encrypted) == ["张三", "李四"]  # plain sqlite3 reads it


def test_backup_of_an_encrypted_database_is_encrypted_and_restores(
    run, encrypted, tmp_path, monkeypatch
):
    monkeypatch.setenv("DESKTOP_CRM_PASSWORD", PASSWORD)
    copy = tmp_path / "copy.sqlite3"
    result = run("--database", str(encrypted), "backup", "-o", str(copy))
    assert result.code == 0, result.err
    assert cipher.is_encrypted(copy) and "张三".encode() not in copy.read_bytes()
    cipher.set_key(None)
    result = run("--database", str(encrypted), "restore", str(copy))
    assert result.code == 0, result.err
    assert "2 customers" in result.out
    assert cipher.is_encrypted(encrypted)


def test_import_on_an_encrypted_database(run, encrypted, tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_CRM_PASSWORD", PASSWORD)
    sheet = tmp_path / "more.csv"
    sheet.write_text("姓名,手机\n王五,13700137000\n", encoding="utf-8")
    result = run("--database", str(encrypted), "import", str(sheet))
    assert result.code == 0, result.err
    assert "王五".encode() not in encrypted.read_bytes()


def test_what_cannot_be_done_is_one_clear_line(run, stdin, database, tmp_path):
    stdin()
    run("--database", str(database), "decrypt", "--password-stdin").assert_one_clear_error(
        "is not protected with a password"
    )
    run("--database", str(database), "encrypt").assert_one_clear_error("--password-stdin")
    stdin("")
    run("--database", str(database), "encrypt", "--password-stdin").assert_one_clear_error(
        "no password"
    )
    stdin(PASSWORD)
    run(
        "--database", str(tmp_path / "none.sqlite3"), "encrypt", "--password-stdin"
    ).assert_one_clear_error("there is no database")
    stdin(PASSWORD)
    assert run("--database", str(database), "encrypt", "--password-stdin").code == 0
    stdin("other")
    run("--database", str(database), "encrypt", "--password-stdin").assert_one_clear_error(
        "already protected"
    )


def test_a_report_from_a_separate_process(encrypted, tmp_path):
    """The whole command line as a user runs it, password on stdin, a PDF out."""
    import subprocess

    from tests.cli.conftest import subprocess_env

    pdf = tmp_path / "list.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_crm", "--password-stdin", "--database", str(encrypted)]
        + ["report", "list", "-o", str(pdf)],
        input=f"{PASSWORD}\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert pdf.stat().st_size > 1000
    wrong = run_module("--database", str(encrypted), "check")
    wrong.assert_one_clear_error("is protected with a password")
