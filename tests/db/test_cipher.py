"""Encryption at rest: an encrypted file shows nothing in the clear, opens only with its
password, keeps every row through encrypt → decrypt and re-keying, is backed up
encrypted, works for search, import and reports, and survives a kill at any moment."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_crm.db import cipher
from desktop_crm.db.backup import backup_sqlite, describe_sqlite, restore_sqlite, verify_sqlite
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer
from desktop_crm.domain import messages
from desktop_crm.domain.customers import create_customer, update_customer
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.errors import CrmError, DatabaseError, PasswordRequiredError, WrongPasswordError

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 电池"
PEOPLE = {"张伟": "13800138000", "欧阳建国": "13912345678", "John Smith": "+1 212 555 0100"}
SECRETS = ["张伟", "欧阳建国", "John Smith", "13800138000", "13912345678", "12125550100"]


@pytest.fixture(autouse=True)
def no_password_kept():
    """Each test starts as a new process would: no password in memory."""
    cipher.set_key(None)
    yield
    close_database()
    cipher.set_key(None)


@pytest.fixture
def people(db_path: Path) -> Path:
    """A plain database with Chinese and Latin names and their phones."""
    open_database(str(db_path))
    for name, phone in PEOPLE.items():
        create_customer({"name": name, "phones": [phone]})
    close_database()
    return db_path


@pytest.fixture
def encrypted(people: Path) -> Path:
    cipher.encrypt_database(people, PASSWORD)
    cipher.set_key(None)
    return people


def in_the_clear(path: Path, secrets: list[str] = SECRETS) -> list[str]:
    """The secrets whose bytes appear in the file or its write-ahead log."""
    data = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    return [s for s in secrets if s.encode() in data]


def names() -> list[str]:
    return sorted(name for (name,) in Customer.select(Customer.name).tuples())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_row(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a plain file (FTS shadow tables included)."""
    con = sqlite3.connect(path)
    try:
        tables = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        con.close()


# ------------------------------------------------------------------ what the file shows


def test_an_encrypted_file_holds_no_name_or_phone_in_the_clear(people):
    assert in_the_clear(people) == SECRETS  # the plain file does: the check can fail
    cipher.encrypt_database(people, PASSWORD)
    assert cipher.is_encrypted(people)
    assert in_the_clear(people) == []
    open_database(str(people))  # the password is remembered for the process
    create_customer({"name": "李雷", "phones": ["13711112222"]})  # lands in the WAL
    assert Path(f"{people}-wal").stat().st_size > 0
    assert in_the_clear(people, ["李雷", "13711112222", *SECRETS]) == []


def test_it_opens_with_the_right_password_and_refuses_others_clearly(encrypted):
    with pytest.raises(PasswordRequiredError, match="is protected with a password"):
        open_database(str(encrypted))
    with pytest.raises(WrongPasswordError, match="^wrong password for .*crm.sqlite3$"):
        open_database(str(encrypted), password="wrong")
    open_database(str(encrypted), password=PASSWORD)
    assert names() == sorted(PEOPLE)


def test_a_wrong_password_is_said_in_chinese_too(encrypted):
    messages.set_language("zh_CN")
    with pytest.raises(WrongPasswordError, match="密码不正确"):
        open_database(str(encrypted), password="wrong")


def test_any_sqlcipher_4_tool_opens_it_with_the_password(encrypted):
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(encrypted))
    con.execute("PRAGMA key = 'correct horse 电池'")
    assert con.execute("SELECT count(*) FROM customer").fetchone() == (3,)
    con.close()


# ---------------------------------------------------------- encrypt, decrypt, re-key


def test_encrypt_then_decrypt_keeps_every_row(people):
    before = every_row(people)
    cipher.encrypt_database(people, PASSWORD)
    cipher.decrypt_database(people, PASSWORD)
    assert people.read_bytes()[:16] == b"SQLite format 3\x00"
    assert every_row(people) == before
    assert cipher.current_key() is None
    open_database(str(people))
    assert names() == sorted(PEOPLE)


def test_changing_the_password_rekeys_the_file(encrypted):
    salt = encrypted.read_bytes()[:16]
    cipher.change_password(encrypted, PASSWORD, "新密码 2")
    assert encrypted.read_bytes()[:16] != salt  # a new salt, so a new key
    cipher.set_key(None)
    with pytest.raises(WrongPasswordError):
        open_database(str(encrypted), password=PASSWORD)
    open_database(str(encrypted), password="新密码 2")
    assert names() == sorted(PEOPLE)


def test_a_wrong_password_changes_nothing(encrypted):
    before = digest(encrypted)
    with pytest.raises(WrongPasswordError):
        cipher.change_password(encrypted, "wrong", "new")
    with pytest.raises(WrongPasswordError):
        cipher.decrypt_database(encrypted, "wrong")
    assert digest(encrypted) == before
    assert not cipher.work_file(encrypted).exists()


def test_an_empty_password_or_a_second_encryption_is_refused(people, encrypted):
    with pytest.raises(CrmError, match="already protected"):
        cipher.encrypt_database(encrypted, "other")
    with pytest.raises(CrmError, match="cannot be empty"):
        cipher.change_password(encrypted, PASSWORD, "")


def test_a_stopped_rewrite_leaves_the_database_as_it_was(people):
    before = digest(people)
    with pytest.raises(cipher.Cancelled, match="was not changed"):
        cipher.encrypt_database(people, PASSWORD, lambda done, total: False)
    assert digest(people) == before
    assert not cipher.work_file(people).exists()


def test_a_change_made_meanwhile_by_another_program_is_not_lost(people):
    def someone_writes(done: int, total: int) -> bool:
        if done == 0:
            con = sqlite3.connect(people)
            con.execute("UPDATE customer SET name = '张伟伟' WHERE name = '张伟'")
            con.commit()
            con.close()
        return True

    with pytest.raises(DatabaseError, match="changed by another program"):
        cipher.encrypt_database(people, PASSWORD, someone_writes)
    assert not cipher.is_encrypted(people)
    open_database(str(people))
    assert "张伟伟" in names()


def test_a_leftover_of_a_killed_attempt_is_cleaned_up(people):
    leftover = cipher.work_file(people)
    leftover.write_bytes(b"half a file" * 1000)
    cipher.encrypt_database(people, PASSWORD)
    assert not leftover.exists()
    open_database(str(people))
    assert names() == sorted(PEOPLE)


# ------------------------------------------------------------------------- backups


def test_backups_of_an_encrypted_database_are_encrypted_and_restorable(encrypted, tmp_path):
    open_database(str(encrypted), password=PASSWORD)
    copy = backup_sqlite(encrypted, tmp_path / "backup.sqlite3")
    assert cipher.is_encrypted(copy)
    assert in_the_clear(copy) == []
    assert verify_sqlite(copy) == []
    assert describe_sqlite(copy).customers == 3
    (zhang,) = Customer.select().where(Customer.name == "张伟")
    update_customer(zhang.id, {"name": "改过的名字"})
    close_database()

    result = restore_sqlite(copy, encrypted, safety_dir=tmp_path / "safety")
    assert cipher.is_encrypted(encrypted) and cipher.is_encrypted(result.safety_backup)
    assert in_the_clear(result.safety_backup, ["改过的名字"]) == []
    open_database(str(encrypted))
    assert names() == sorted(PEOPLE)
    close_database()

    cipher.set_key(None)  # the copy opens with the same password, and only with it
    cipher.connect_sqlite(copy, readonly=True, password=PASSWORD).close()
    with pytest.raises(WrongPasswordError):
        cipher.connect_sqlite(copy, readonly=True, password="wrong")
    with pytest.raises(PasswordRequiredError):
        describe_sqlite(copy)


# ------------------------------------------------- the app works the same on it


def test_search_works_on_an_encrypted_database(encrypted):
    open_database(str(encrypted), password=PASSWORD)

    def found(text: str) -> list[str]:
        return [row.name for row in search_customers(CustomerQuery(text=text), limit=10)]

    assert found("张") == ["张伟"]  # one Hanzi
    assert found("建国") == ["欧阳建国"]  # two Hanzi
    assert found("zw") == ["张伟"]  # pinyin initials
    assert found("zhang") == ["张伟"]  # full pinyin
    assert found("3912") == ["欧阳建国"]  # a phone fragment
    assert found("smith") == ["John Smith"]


def test_an_import_and_a_report_work_on_an_encrypted_database(encrypted, tmp_path, qapp):
    from desktop_crm.exchange.importer import import_customers
    from desktop_crm.reports.customer_list import build_list_report
    from desktop_crm.reports.document import write_pdf
    from tests.reports.conftest import pdf_text

    open_database(str(encrypted), password=PASSWORD)
    sheet = tmp_path / "new.csv"
    sheet.write_text("姓名,手机\n韩梅梅,13655556666\nLucy Gray,13544443333\n", encoding="utf-8")
    summary = import_customers(sheet)
    assert summary.created == 2, summary
    assert [r.name for r in search_customers(CustomerQuery(text="梅梅"))] == ["韩梅梅"]
    pdf = write_pdf(build_list_report(), tmp_path / "list.pdf")
    if shutil.which("pdftotext"):
        assert "韩梅梅" in pdf_text(pdf) and "欧阳建国" in pdf_text(pdf)
    assert pdf.stat().st_size > 1000
    close_database()
    assert in_the_clear(encrypted, ["韩梅梅", "13655556666", "Lucy Gray"]) == []


# ------------------------------------------------------------- killed at any moment


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A database big enough (~10 MB) for a rewrite to take a while, and its customers."""
    from desktop_crm.domain.demo import add_sample_data

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    open_database(str(path))
    add_sample_data(1500, seed=3)
    count = Customer.select().count()
    close_database()
    return path, count


def killed_midway(path: Path, command: str, rng: random.Random) -> str:
    """Run `desktop-crm encrypt|decrypt` and kill -9 it at a random moment; says when."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_crm", "--database", str(path), command]
        + ["--password-stdin", "--progress"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=REPO,
    )
    proc.stdin.write(f"{PASSWORD}\n".encode())
    proc.stdin.close()
    if rng.random() < 0.5:
        lines = rng.randint(1, 40)
        for _ in range(lines):
            if not proc.stderr.readline():
                break
        when = f"after {lines} progress lines"
    else:
        delay = rng.uniform(0.2, 2.5)
        time.sleep(delay)
        when = f"after {delay:.2f} s"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return f"{command} killed {when} (exit {proc.returncode})"


def whole(path: Path) -> tuple[bool, int]:
    """Whether the file is encrypted, and its live customers; it must open and check."""
    con = cipher.connect_sqlite(path, readonly=True, password=PASSWORD)
    try:
        assert con.execute("PRAGMA quick_check").fetchone() == ("ok",)
        return cipher.is_encrypted(path), con.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        con.close()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is a POSIX signal")
@pytest.mark.parametrize("command", ["encrypt", "decrypt"])
def test_a_rewrite_killed_at_any_moment_leaves_a_whole_file(demo_file, tmp_path, command):
    template, customers = demo_file
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(template, path)
    if command == "decrypt":
        cipher.encrypt_database(path, PASSWORD)
    outcomes = set()
    for _ in range(5):
        when = killed_midway(path, command, rng)
        encrypted, count = whole(path)
        assert count == customers, f"seed {seed}: {when}"
        outcomes.add(encrypted)
        if encrypted == (command == "encrypt"):  # it got through: start again from before
            (cipher.decrypt_database if encrypted else cipher.encrypt_database)(path, PASSWORD)
    # The next attempt cleans up what a killed one left, and gets through.
    (cipher.encrypt_database if command == "encrypt" else cipher.decrypt_database)(path, PASSWORD)
    assert not cipher.work_file(path).exists()
    assert whole(path) == (command == "encrypt", customers)
