"""Automatic rotating backups of the SQLite database: the policy, the listing, the rotation.

Backups are files named `{stem}-YYYYmmdd-HHMMSS[-n].sqlite3` (the database's own name,
then the local time it was taken) in the policy's folder. The rotation is
grandfather-father-son: the newest backup of each of the last N days that have backups,
of the last W ISO weeks that have backups and of the last M months that have backups;
the newest backup of all is always kept. Periods count only those with backups, so a
laptop left in a drawer for a year still has its old backups when it wakes up.

The policy lives in a JSON file in the user data folder, not in the database, so it can
be read when the database is damaged and by the command line.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop_crm import paths
from desktop_crm.db.backup import (
    backup_sqlite,
    describe_sqlite,
    new_backup_path,
    restore_sqlite,
    verify_sqlite,
)
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, DatabaseError, ValidationError

log = logging.getLogger(__name__)

MAX_COUNT = 999
DUE_AFTER = timedelta(hours=24)
STAMP_FORMAT = "%Y%m%d-%H%M%S"


class BackupPolicyError(CrmError):
    """The backup settings file exists but cannot be read."""


@dataclass(frozen=True)
class BackupPolicy:
    """How many daily, weekly and monthly backups to keep, and where."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    folder: Path | None = None  # None: the backups folder in the user data folder

    def backup_folder(self) -> Path:
        """The folder backups are written to and read from."""
        return self.folder if self.folder is not None else paths.backup_dir()


@dataclass(frozen=True)
class BackupEntry:
    """One backup file of a database, as the listing shows it."""

    path: Path
    taken_at: datetime  # local time, from the file name
    size: int  # bytes
    customers: int | None  # not in the trash; None when the file cannot be read
    sequence: int = 1  # 2, 3 … for a second backup within the same second


# ------------------------------------------------------------------------ the policy


def validate_policy(policy: BackupPolicy) -> None:
    """Raise `ValidationError` (field → reason) unless the counts are 0..999 and the
    folder, when one is given, exists and can be written to."""
    errors: dict[str, str] = {}
    for field in ("daily", "weekly", "monthly"):
        value = getattr(policy, field)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            errors[field] = text("bad_range", low=0, high=MAX_COUNT)
    if policy.folder is not None:
        try:
            _require_writable_folder(policy.folder)
        except CrmError as exc:
            errors["folder"] = exc.message
    if errors:
        raise ValidationError(errors)


def load_policy() -> BackupPolicy:
    """The stored policy, or the default one when none was saved.

    Raises `BackupPolicyError` when the file exists but cannot be read or holds values
    that make no sense: pruning by a policy we could only guess would delete backups.
    """
    file = paths.backup_policy_file()
    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return BackupPolicy()
    except OSError as exc:
        raise BackupPolicyError(
            text("backup_policy_unreadable", file=file, reason=exc.strerror or exc)
        ) from exc
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        folder = data.get("folder")
        policy = BackupPolicy(
            daily=data.get("daily", BackupPolicy.daily),
            weekly=data.get("weekly", BackupPolicy.weekly),
            monthly=data.get("monthly", BackupPolicy.monthly),
            folder=Path(folder) if folder else None,
        )
        for field in ("daily", "weekly", "monthly"):
            value = getattr(policy, field)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
                raise ValueError(f"{field} is {value!r}")
    except (ValueError, TypeError) as exc:
        raise BackupPolicyError(text("backup_policy_unreadable", file=file, reason=exc)) from exc
    return policy  # a folder that went away (a USB stick) is reported when it is used


def save_policy(policy: BackupPolicy) -> BackupPolicy:
    """Validate and store `policy` (written whole to a temporary file, then renamed)."""
    validate_policy(policy)
    file = paths.backup_policy_file()
    data = {
        "daily": policy.daily,
        "weekly": policy.weekly,
        "monthly": policy.monthly,
        "folder": str(policy.folder) if policy.folder is not None else None,
    }
    tmp = file.with_name(file.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(file)
    return policy


# ------------------------------------------------------------------------ the listing


def list_backups(database: str | Path, policy: BackupPolicy | None = None) -> list[BackupEntry]:
    """The backups of `database` in the policy's folder (default: the stored policy),
    newest first, each with its size and customer count (None when unreadable)."""
    policy = policy if policy is not None else load_policy()
    folder = _require_folder(policy.backup_folder())
    entries = []
    for path, taken_at, sequence in _backup_files(database, folder):
        try:
            size = path.stat().st_size
        except OSError:  # deleted meanwhile (another instance pruning)
            continue
        try:
            customers: int | None = describe_sqlite(path).customers
        except CrmError:
            customers = None
        entries.append(BackupEntry(path, taken_at, size, customers, sequence))
    return entries


def newest_good_backup(database: str | Path, policy: BackupPolicy | None = None) -> Path | None:
    """The newest backup of `database` that passes SQLite's integrity checks, if any."""
    entry = newest_good_entry(database, policy)
    return entry.path if entry is not None else None


def newest_good_entry(
    database: str | Path, policy: BackupPolicy | None = None
) -> BackupEntry | None:
    """The newest backup of `database` (with its date and customers) that passes SQLite's
    integrity checks, trying them newest first; None when there is none (or no folder)."""
    try:
        entries = list_backups(database, policy)
    except CrmError as exc:  # the folder is gone (a USB stick), the settings unreadable
        log.warning("no backups to recover %s from: %s", database, exc.message)
        return None
    for entry in entries:
        if entry.customers is not None and not verify_sqlite(entry.path):
            return entry
    return None


@dataclass(frozen=True)
class Recovery:
    """A damaged database replaced by a backup: where the damaged file was put aside."""

    database: Path
    backup: Path
    damaged: Path  # NAME.damaged-YYYYmmdd-HHMMSS, with its -wal and -shm beside it


def recover_from_backup(
    database: str | Path, backup: str | Path, now: datetime | None = None
) -> Recovery:
    """Put the damaged `database` aside (renamed, never opened) and restore `backup` in
    its place. The damaged file keeps its bytes, with its -wal and -shm, as
    `NAME.damaged-YYYYmmdd-HHMMSS`; restoring migrates an older backup."""
    database, backup = Path(database), Path(backup)
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    damaged = database.with_name(f"{database.name}.damaged-{stamp}")
    n = 1
    while damaged.exists():
        n += 1
        damaged = database.with_name(f"{database.name}.damaged-{stamp}-{n}")
    problems = verify_sqlite(backup)  # checked before anything moves
    if problems:
        raise DatabaseError(text("backup_not_sound", file=backup, reason=problems[0]))
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = Path(f"{database}{suffix}")
            if source.exists():
                target = Path(f"{damaged}{suffix}")
                source.rename(target)
                moved.append((target, source))
        restore_sqlite(backup, database)
    except (OSError, CrmError) as exc:
        Path(database).unlink(missing_ok=True)  # a half restore; the damaged file goes back
        for target, source in reversed(moved):
            target.rename(source)
        if isinstance(exc, CrmError):
            raise
        raise DatabaseError(
            text("recovery_failed", file=database, reason=exc.strerror or exc)
        ) from exc
    return Recovery(database, backup, damaged)


def backup_due(
    database: str | Path, policy: BackupPolicy | None = None, now: datetime | None = None
) -> bool:
    """Whether no backup of `database` was taken in the 24 hours before `now`.

    A backup dated after `now` (the clock was set back) does not count: it would hold
    off backups until the clock caught up.
    """
    policy = policy if policy is not None else load_policy()
    now = now or datetime.now()
    folder = policy.backup_folder()
    if not folder.is_dir():
        return True  # taking it will say what is wrong with the folder
    return not any(
        now - DUE_AFTER < taken_at <= now for _, taken_at, _ in _backup_files(database, folder)
    )


# ------------------------------------------------------------------------ the rotation


def backups_to_keep(
    entries: Iterable[BackupEntry], policy: BackupPolicy, now: datetime
) -> list[BackupEntry]:
    """The entries the policy keeps, newest first; the others are to be pruned.

    For each of the last `policy.daily` days (ISO weeks, months) that have backups, the
    newest backup of that period that can be read is kept (the newest of all when none
    can). The newest backup is always kept, and so is any dated after `now` (a wrong
    clock; not ours to judge).
    """
    ordered = sorted(entries, key=lambda e: (e.taken_at, e.sequence), reverse=True)
    if not ordered:
        return []
    keep = {ordered[0].path}
    keep.update(e.path for e in ordered if e.taken_at > now)
    past = [e for e in ordered if e.taken_at <= now]
    periods: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for count, period_of in periods:
        keep.update(e.path for e in _newest_of_each_period(past, period_of, count))
    return [e for e in ordered if e.path in keep]


def _newest_of_each_period(
    ordered: list[BackupEntry], period_of: Callable[[datetime], Hashable], count: int
) -> list[BackupEntry]:
    chosen: dict[Hashable, BackupEntry] = {}
    for entry in ordered:  # newest first
        period = period_of(entry.taken_at)
        if period not in chosen:
            if len(chosen) == count:
                break
            chosen[period] = entry
        elif chosen[period].customers is None and entry.customers is not None:
            chosen[period] = entry  # a readable backup of the period beats a damaged one
    return list(chosen.values())


def prune(
    database: str | Path, policy: BackupPolicy | None = None, now: datetime | None = None
) -> list[Path]:
    """Delete the backups of `database` the policy does not keep; the paths deleted.

    Only files named like our backups of this database are candidates: safety copies
    taken before a restore, copies taken before a schema upgrade and any other file are
    never touched.
    """
    policy = policy if policy is not None else load_policy()
    entries = list_backups(database, policy)
    kept = {e.path for e in backups_to_keep(entries, policy, now or datetime.now())}
    removed = []
    for entry in entries:
        if entry.path in kept:
            continue
        try:
            entry.path.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{entry.path}{suffix}").unlink(missing_ok=True)
        except OSError as exc:  # a read-only stick, a file open elsewhere: try next time
            log.warning("cannot remove the old backup %s: %s", entry.path, exc)
            continue
        removed.append(entry.path)
    return removed


# ------------------------------------------------------------------------ taking one


def take_backup(
    database: str | Path, policy: BackupPolicy | None = None, *, prune_old: bool = True
) -> BackupEntry:
    """Copy `database` into the policy's folder, check the copy, then prune old ones.

    A copy that fails SQLite's integrity checks is deleted and `DatabaseError` raised;
    nothing is pruned then.
    """
    policy = policy if policy is not None else load_policy()
    source = Path(database)
    if not source.is_file():
        raise DatabaseError(f"there is no database at {source}")
    folder = _require_writable_folder(policy.backup_folder())
    target = backup_sqlite(source, new_backup_path(source, folder))
    try:
        problems = verify_sqlite(target)
        if problems:
            raise DatabaseError(text("backup_not_sound", file=target, reason=problems[0]))
        info = describe_sqlite(target)
    except CrmError:
        _delete_copy(target)
        raise
    taken_at, sequence = _parse_name(target.name, source.stem) or (datetime.now(), 1)
    entry = BackupEntry(target, taken_at, target.stat().st_size, info.customers, sequence)
    if prune_old:
        prune(source, policy)
    return entry


def automatic_backup(
    database: str | Path, *, only_if_due: bool, now: datetime | None = None
) -> BackupEntry | None:
    """The app's own backup (daily while it runs, and at exit), by the stored policy.

    When the policy file cannot be read the backup still goes to the default folder,
    but nothing is pruned: deleting by a guessed policy could lose backups. A database
    that is itself in the backup folder (a backup opened to look at) is left alone.
    """
    try:
        policy, prune_old = load_policy(), True
    except BackupPolicyError as exc:
        log.warning("%s", exc.message)
        policy, prune_old = BackupPolicy(), False
    if _inside(Path(database), policy.backup_folder()):
        return None  # a backup opened to look at (Open Read-Only) is not backed up again
    if only_if_due and not backup_due(database, policy, now):
        return None
    return take_backup(database, policy, prune_old=prune_old)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder.resolve()
    except OSError:
        return False


# ------------------------------------------------------------------------ files


def _backup_files(database: str | Path, folder: Path) -> list[tuple[Path, datetime, int]]:
    """(path, time taken, sequence) of the backups of `database` in `folder`, newest first."""
    stem = Path(database).stem
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        parsed = _parse_name(name, stem)
        if parsed is not None and (folder / name).is_file():
            found.append((folder / name, *parsed))
    found.sort(key=lambda f: (f[1], f[2]), reverse=True)
    return found


def _parse_name(name: str, stem: str) -> tuple[datetime, int] | None:
    match = re.fullmatch(rf"{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.sqlite3", name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:  # digits that are not a time: not one of ours
        return None
    return taken_at, int(match.group(2) or 1)


def _require_folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise DatabaseError(text("backup_folder_missing", folder=folder))
    return folder


def _require_writable_folder(folder: Path) -> Path:
    """`folder` if a file can be created in it (os.access is not reliable on Windows)."""
    _require_folder(folder)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise DatabaseError(
            text("backup_folder_not_writable", folder=folder, reason=exc.strerror or exc)
        ) from exc
    return folder


def _delete_copy(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        try:
            candidate.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove the failed backup %s: %s", candidate, exc)
