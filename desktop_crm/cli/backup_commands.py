"""`backup`, `restore` and `check`: copies of the database and its health."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_crm.cli.opening import require_file, shown_as, sqlite_only
from desktop_crm.cli.output import EXIT_ERROR, EXIT_OK, PROG, one_line, say_error
from desktop_crm.errors import CrmError, DamagedDatabaseError, DatabaseError

if TYPE_CHECKING:
    from desktop_crm.domain.backups import BackupPolicy


def cmd_backup(args: argparse.Namespace, database: str) -> int:
    """Copy the database with SQLite's online backup; print where the copy is.

    Without -o the copy joins the rotation; --list and --prune work on the rotation only,
    so they also work when the database itself is damaged or gone.
    """
    from desktop_crm.db.backup import backup_sqlite, describe_sqlite
    from desktop_crm.domain import backups

    sqlite_only(database, "backup", "pg_dump")
    if args.list:
        return _list_backups(database)
    if args.prune:
        policy = backups.load_policy()
        removed = backups.prune(database, policy)
        _print_removed(removed)
        kept = len(backups.list_backups(database, policy))
        print(f"{len(removed)} removed, {kept} kept ({_rotation(policy)})")
        return EXIT_OK
    require_file(database)
    describe_sqlite(database)  # refuses a file that is not one of our databases
    if not args.output:
        policy = backups.load_policy()
        entry = backups.take_backup(database, policy, prune_old=False)
        print(
            f"backed up {database} to {entry.path} ({entry.size / 1_048_576:.1f} MB, "
            f"{entry.customers} customers, checked)"
        )
        removed = backups.prune(database, policy)
        print(f"kept by the rotation ({_rotation(policy)}): {len(removed)} older backup(s) removed")
        _print_removed(removed)
        return EXIT_OK
    target = Path(args.output)
    if target.is_dir():
        raise CrmError(f"{target} is a folder; give a file name for the backup")
    if not target.parent.is_dir():
        raise CrmError(f"cannot write {target}: the folder {target.parent} does not exist")
    written = backup_sqlite(database, target)
    size = written.stat().st_size
    print(f"backed up {database} to {written} ({size / 1_048_576:.1f} MB)")
    return EXIT_OK


def _list_backups(database: str) -> int:
    from desktop_crm.domain import backups

    policy = backups.load_policy()
    entries = backups.list_backups(database, policy)
    for entry in entries:
        customers = "unreadable" if entry.customers is None else f"{entry.customers} customers"
        print(
            f"{entry.taken_at:%Y-%m-%d %H:%M:%S}  {entry.size / 1_048_576:8.1f} MB  "
            f"{customers:>15}  {entry.path}"
        )
    if not entries:
        print(f"no backups of {database} in {policy.backup_folder()}", file=sys.stderr)
    return EXIT_OK


def _print_removed(removed: list[Path]) -> None:
    for path in removed:
        print(f"removed {path}")


def _rotation(policy: BackupPolicy) -> str:
    return (
        f"{policy.daily} daily, {policy.weekly} weekly, {policy.monthly} monthly "
        f"in {policy.backup_folder()}"
    )


def cmd_restore(args: argparse.Namespace, database: str) -> int:
    """Replace the database with a checked backup, keeping a copy of the current one."""
    from desktop_crm.db.backup import restore_sqlite

    sqlite_only(database, "restore", "pg_restore")
    result = restore_sqlite(args.file, database)
    info = result.info
    print(
        f"restored {result.source} into {result.target}: {info.customers} customers "
        f"({info.trashed} in the trash), schema {info.schema_version}"
    )
    if result.upgraded_from is not None:
        print(f"upgraded it from schema {result.upgraded_from} to the current schema")
    if result.safety_backup is not None:
        print(f"the database as it was before is kept in {result.safety_backup}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, database: str) -> int:
    """Integrity and foreign-key checks and the schema version, read-only."""
    from desktop_crm.db.connection import is_postgres_url

    if is_postgres_url(database):
        return _check_postgres(database)
    from desktop_crm.db.backup import describe_sqlite, is_database_file, verify_sqlite
    from desktop_crm.db.integrity import check_before_opening
    from desktop_crm.db.migrations import CURRENT_VERSION
    from desktop_crm.domain.messages import text

    path = require_file(database)
    problem = check_before_opening(path, budget=None)  # the app's check, run to the end
    if problem is not None:
        raise DamagedDatabaseError(f"{problem.message}; {text('damaged_hint')}", problem)
    if not is_database_file(path):
        raise DatabaseError(f"{database} is not a Desktop CRM database (not a SQLite file)")
    problems = verify_sqlite(path)
    if problems:
        shown = problems[:20]
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        say_error(
            f"{database} is damaged: {len(problems)} problem(s) found; restore a backup with "
            f"`{PROG} restore FILE`"
        )
        for problem in shown:
            print(f"  {one_line(problem)}", file=sys.stderr)
        if more:
            print(f"  …{more}", file=sys.stderr)
        return EXIT_ERROR
    info = describe_sqlite(path)
    note = ""
    if info.schema_version < CURRENT_VERSION:
        note = f"; it will be upgraded to schema {CURRENT_VERSION} when next opened"
    print(
        f"ok: {database}: {info.customers} customers ({info.trashed} in the trash), "
        f"schema {info.schema_version}{note}"
    )
    return EXIT_OK


def _check_postgres(database: str) -> int:
    from desktop_crm.db.connection import open_database
    from desktop_crm.db.migrations import schema_version
    from desktop_crm.db.models import Customer

    db = open_database(database, migrate=False)
    version = schema_version(db)
    live = Customer.select().where(Customer.deleted_at.is_null()).count()
    print(
        f"ok: {shown_as(database)}: {live} customers, schema {version} "
        "(on PostgreSQL the server checks its own integrity)"
    )
    return EXIT_OK
