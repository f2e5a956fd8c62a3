"""Automatic rotating backups: the rotation, pruning, taking and checking one, the policy."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm import paths
from desktop_crm.db.backup import backup_sqlite, verify_sqlite
from desktop_crm.domain import messages
from desktop_crm.domain.backups import (
    BackupEntry,
    BackupPolicy,
    BackupPolicyError,
    automatic_backup,
    backup_due,
    backups_to_keep,
    list_backups,
    load_policy,
    newest_good_backup,
    prune,
    save_policy,
    take_backup,
)
from desktop_crm.errors import DatabaseError, ValidationError
from tests.db.test_backup import big_database, make_database


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return make_database(tmp_path / "crm.sqlite3", ["张三", "李四", "王五"])  # one trashed


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "备份"
    path.mkdir()
    return path


def name_at(when: datetime, stem: str = "crm", sequence: int = 1) -> str:
    extra = f"-{sequence}" if sequence > 1 else ""
    return f"{stem}-{when:%Y%m%d-%H%M%S}{extra}.sqlite3"


def entry_at(when: datetime, customers: int | None = 1, sequence: int = 1) -> BackupEntry:
    return BackupEntry(Path("/b") / name_at(when, sequence=sequence), when, 1, customers, sequence)


def at(day: str, hour: int) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(hour=hour)


def days(first: str, last: str) -> list[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [start + timedelta(n) for n in range((end - start).days + 1)]


def damage_one_page(path: Path, page_size: int = 4096) -> None:
    """Garble one page near the end (a customer's notes), the first that SQLite's check
    notices; the schema stays readable, so the database can still be copied."""
    data = path.read_bytes()
    for page in range(len(data) // page_size - 1, 1, -1):
        start = page * page_size + 100
        path.write_bytes(data[:start] + b"\xde\xad\xbe\xef" * 150 + data[start + 600 :])
        if verify_sqlite(path):
            return
    raise AssertionError("no page could be damaged noticeably")


# ------------------------------------------------------------------------ rotation


def test_a_simulated_month_of_backups_several_a_day_keeps_exactly_the_policy(
    database: Path, folder: Path
) -> None:
    """Nov 1 (a Sunday) to Mon Dec 7 2026, three backups a day, pruned after each one."""
    policy = BackupPolicy(daily=3, weekly=3, monthly=2, folder=folder)
    for day in days("2026-11-01", "2026-12-07"):
        for hour in (9, 13, 18):
            when = at(day.isoformat(), hour)
            backup_sqlite(database, folder / name_at(when))
            prune(database, policy, now=when + timedelta(minutes=1))
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(
        name_at(at(day, 18))
        for day in (
            "2026-12-07",  # daily, and the newest of week 50 and of December
            "2026-12-06",  # daily, and the newest of week 49 (Sunday)
            "2026-12-05",  # daily
            "2026-11-30",  # the newest of November
            "2026-11-29",  # the newest of week 48 (Sunday)
        )
    )
    assert [e.customers for e in list_backups(database, policy)] == [2] * 5


def test_a_simulated_year_of_backups_keeps_seven_days_four_weeks_twelve_months() -> None:
    policy = BackupPolicy()  # 7 daily, 4 weekly, 12 monthly
    entries: list[BackupEntry] = []
    for day in days("2026-01-01", "2026-12-31"):
        for hour in (8, 20):
            now = at(day.isoformat(), hour)
            entries.append(entry_at(now))
            entries = backups_to_keep(entries, policy, now)
    kept = {e.taken_at for e in entries}
    last_days = {at(d.isoformat(), 20) for d in days("2026-12-25", "2026-12-31")}
    # 2026-12-31 is a Thursday in ISO week 53; the weeks before end on these Sundays
    last_weeks = {at(d, 20) for d in ("2026-12-31", "2026-12-27", "2026-12-20", "2026-12-13")}
    month_ends = {
        at(date(2026, m + 1, 1).isoformat(), 20) - timedelta(days=1) for m in range(1, 12)
    }
    month_ends.add(at("2026-12-31", 20))
    assert kept == last_days | last_weeks | month_ends
    assert len(kept) == 7 + 2 + 11


def test_the_newest_backup_is_kept_even_by_a_policy_of_nothing() -> None:
    entries = [entry_at(at("2026-12-07", h)) for h in (8, 9, 10)]
    entries.append(entry_at(at("2026-12-07", 10), sequence=2))  # same second, taken after
    kept = backups_to_keep(entries, BackupPolicy(0, 0, 0), at("2026-12-07", 11))
    assert kept == [entries[-1]]


def test_a_damaged_newest_backup_of_a_day_does_not_push_out_the_good_one() -> None:
    good, damaged = entry_at(at("2026-12-06", 9)), entry_at(at("2026-12-06", 18), customers=None)
    today = entry_at(at("2026-12-07", 9))
    kept = backups_to_keep([good, damaged, today], BackupPolicy(2, 0, 0), at("2026-12-07", 10))
    assert kept == [today, good]


def test_backups_dated_after_now_are_kept_and_do_not_take_a_slot() -> None:
    future = entry_at(at("2030-01-01", 9))
    recent = [entry_at(at(d.isoformat(), 9)) for d in days("2026-12-01", "2026-12-07")]
    kept = backups_to_keep([future, *recent], BackupPolicy(2, 0, 0), at("2026-12-07", 10))
    assert kept == [future, recent[-1], recent[-2]]


# ------------------------------------------------------------------------ pruning


def test_prune_never_touches_files_that_are_not_our_backups(database: Path, folder: Path) -> None:
    ours = [folder / name_at(at("2026-12-0" + str(d), 9)) for d in (1, 2, 3)]
    others = [
        "crm-before-restore-20261201-090000.sqlite3",  # safety copy of a restore
        "crm.schema3-20261201-090000.sqlite3",  # copy before a schema upgrade
        "other-20261201-090000.sqlite3",  # another database's backup
        "crm-20261201-090000.sqlite3.part",  # a backup being written
        "crm-20261399-090000.sqlite3",  # digits that are no time
        "crm-20261201-090000.sqlite3-wal-notes.txt",
        "notes.txt",
    ]
    for path in ours:
        backup_sqlite(database, path)
    for name in others:
        (folder / name).write_text("keep me", encoding="utf-8")
    (folder / "crm-20261130-090000.sqlite3").mkdir()  # a folder with a backup's name
    removed = prune(database, BackupPolicy(0, 0, 0, folder=folder), now=at("2026-12-04", 9))
    assert sorted(removed) == ours[:2]
    remaining = {p.name for p in folder.iterdir()}
    assert remaining == {ours[2].name, "crm-20261130-090000.sqlite3", *others}


def test_list_backups_shows_newest_first_with_size_and_customers(
    database: Path, folder: Path
) -> None:
    older, newer = folder / name_at(at("2026-12-01", 9)), folder / name_at(at("2026-12-02", 9))
    backup_sqlite(database, older)
    backup_sqlite(database, newer)
    damaged = folder / name_at(at("2026-12-02", 9), sequence=2)
    damaged.write_bytes(b"not a database")
    entries = list_backups(database, BackupPolicy(folder=folder))
    assert [e.path for e in entries] == [damaged, newer, older]
    assert [e.customers for e in entries] == [None, 2, 2]
    assert entries[1].size == newer.stat().st_size
    assert entries[1].taken_at == at("2026-12-02", 9)
    assert newest_good_backup(database, BackupPolicy(folder=folder)) == newer


def test_listing_a_missing_folder_says_so(database: Path, tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    with pytest.raises(DatabaseError, match="does not exist"):
        list_backups(database, BackupPolicy(folder=stick))


# ------------------------------------------------------------------------ taking one


def test_take_backup_writes_a_checked_copy_and_prunes(database: Path, folder: Path) -> None:
    policy = BackupPolicy(0, 0, 0, folder=folder)
    old = folder / name_at(at("2026-01-01", 9))
    backup_sqlite(database, old)
    entry = take_backup(database, policy)
    assert entry.path.parent == folder and entry.path.name.startswith("crm-")
    assert entry.customers == 2 and entry.size == entry.path.stat().st_size
    assert abs(entry.taken_at - datetime.now()) < timedelta(minutes=1)
    assert not old.exists()
    assert list_backups(database, policy) == [entry]


def test_a_copy_that_fails_its_check_is_deleted_and_nothing_pruned(
    tmp_path: Path, folder: Path
) -> None:
    damaged = big_database(tmp_path / "crm.sqlite3")
    good = folder / name_at(at("2026-01-01", 9))
    backup_sqlite(damaged, good)
    damage_one_page(damaged)
    with pytest.raises(DatabaseError, match="failed its check and was deleted"):
        take_backup(damaged, BackupPolicy(0, 0, 0, folder=folder))
    assert [p.name for p in folder.iterdir()] == [good.name]


def test_take_backup_into_a_missing_folder_is_a_clear_error(database: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is the drive plugged in"):
        take_backup(database, BackupPolicy(folder=tmp_path / "gone"))


def test_a_backup_is_due_when_none_was_taken_in_the_last_24_hours(
    database: Path, folder: Path
) -> None:
    policy = BackupPolicy(folder=folder)
    now = at("2026-12-07", 12)
    assert backup_due(database, policy, now)
    (folder / name_at(now - timedelta(hours=25))).write_bytes(b"")
    assert backup_due(database, policy, now)
    (folder / name_at(now + timedelta(days=300))).write_bytes(b"")  # a wrong clock once
    assert backup_due(database, policy, now)
    (folder / name_at(now - timedelta(hours=23))).write_bytes(b"")
    assert not backup_due(database, policy, now)


def test_automatic_backup_with_a_damaged_policy_file_backs_up_but_prunes_nothing(
    database: Path,
) -> None:
    paths.backup_policy_file().write_text("{not json", encoding="utf-8")
    old = paths.backup_dir() / name_at(at("2026-01-01", 9))
    backup_sqlite(database, old)
    entry = automatic_backup(database, only_if_due=False)
    assert entry is not None and entry.path.parent == paths.backup_dir()
    assert old.exists()
    assert automatic_backup(database, only_if_due=True) is None  # one was just taken


# ------------------------------------------------------------------------ the policy


def test_the_policy_is_the_default_until_saved_then_read_back(folder: Path) -> None:
    assert load_policy() == BackupPolicy(7, 4, 12, None)
    assert load_policy().backup_folder() == paths.backup_dir()
    save_policy(BackupPolicy(daily=30, weekly=0, monthly=24, folder=folder))
    assert load_policy() == BackupPolicy(30, 0, 24, folder)
    stored = json.loads(paths.backup_policy_file().read_text(encoding="utf-8"))
    assert stored["folder"] == str(folder)


@pytest.mark.parametrize(
    ("policy", "field"),
    [
        (BackupPolicy(daily=-1), "daily"),
        (BackupPolicy(weekly=1000), "weekly"),
        (BackupPolicy(monthly=True), "monthly"),
        (BackupPolicy(folder=Path("/nowhere/备份")), "folder"),
    ],
)
def test_a_bad_policy_is_refused_with_a_reason_per_field(policy: BackupPolicy, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        save_policy(policy)
    assert list(err.value.errors) == [field]
    assert not paths.backup_policy_file().exists()


def test_a_file_is_not_a_backup_folder(tmp_path: Path) -> None:
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        save_policy(BackupPolicy(folder=file))
    assert "does not exist" in err.value.errors["folder"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(folder: Path) -> None:
    folder.chmod(0o500)
    try:
        with pytest.raises(ValidationError) as err:
            save_policy(BackupPolicy(folder=folder))
        assert "cannot write" in err.value.errors["folder"]
    finally:
        folder.chmod(0o700)


def test_the_messages_are_in_chinese_too(tmp_path: Path) -> None:
    messages.set_language("zh_CN")
    with pytest.raises(ValidationError) as err:
        save_policy(BackupPolicy(daily=1000, folder=tmp_path / "没有"))
    assert err.value.errors == {
        "daily": "须在 0 到 999 之间",
        "folder": f"备份文件夹 {tmp_path / '没有'} 不存在（移动硬盘或 U 盘是否已插好？）",
    }


@pytest.mark.parametrize("content", ["{not json", "[]", '{"daily": "seven"}', '{"weekly": -3}'])
def test_a_damaged_policy_file_is_reported_with_its_name(content: str) -> None:
    paths.backup_policy_file().write_text(content, encoding="utf-8")
    with pytest.raises(BackupPolicyError, match="backup-policy.json"):
        load_policy()


def test_a_backup_opened_to_look_at_is_not_backed_up_again(database: Path) -> None:
    opened = backup_sqlite(database, paths.backup_dir() / name_at(at("2026-12-01", 9)))
    assert automatic_backup(opened, only_if_due=False) is None
    assert [p.name for p in paths.backup_dir().iterdir()] == [opened.name]
