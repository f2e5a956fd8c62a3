"""Opening the database a command names, and the password of an encrypted one."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from desktop_crm.errors import CrmError, DatabaseError

PASSWORD_ENV = "DESKTOP_CRM_PASSWORD"
CIPHER_COMMANDS = ("encrypt", "decrypt", "passwd")  # they ask for their passwords themselves


def open_named(database: str, *, must_exist: bool = True) -> None:
    from desktop_crm.db.connection import is_postgres_url, open_database

    if must_exist and not is_postgres_url(database):
        require_file(database)
    open_database(database)


def is_existing_database(database: str) -> bool:
    from desktop_crm.db.connection import is_postgres_url

    return is_postgres_url(database) or Path(database).exists()


def require_file(database: str) -> Path:
    path = Path(database)
    if not path.exists():
        raise DatabaseError(f"there is no database at {database}")
    if path.is_dir():
        raise DatabaseError(f"{database} is a folder, not a database file")
    return path


def shown_as(database: str) -> str:
    """The database as printed: a URL without its password."""
    from desktop_crm.db.connection import display_target

    return display_target(database)


def close_quietly() -> None:
    if "desktop_crm.db.connection" in sys.modules:
        from desktop_crm.db.connection import close_database

        with contextlib.suppress(Exception):  # closing after an error must not hide it
            close_database()


def sqlite_only(database: str, what: str, instead: str) -> None:
    from desktop_crm.db.connection import is_postgres_url

    if is_postgres_url(database):
        raise CrmError(f"{what} is not supported for PostgreSQL; use {instead}")


def unlock(args: argparse.Namespace, database: str) -> None:
    """The password of an encrypted database (and of an encrypted backup to restore),
    checked and kept for the command; the encrypt commands ask for theirs themselves."""
    if args.command in CIPHER_COMMANDS or getattr(args, "sync_command", None) == "clone":
        return
    from desktop_crm.db import cipher
    from desktop_crm.db.connection import is_postgres_url
    from desktop_crm.errors import WrongPasswordError

    files = [database, args.file] if args.command == "restore" else [database]
    for path in files:
        if is_postgres_url(path) or not cipher.is_encrypted(path):
            continue
        if cipher.current_key():  # a backup is encrypted like its database
            with contextlib.suppress(WrongPasswordError):
                cipher.unlock(path)
                continue
        cipher.unlock(path, database_password(args, path))


def database_password(args: argparse.Namespace, path: str) -> str:
    """From --password-stdin, $DESKTOP_CRM_PASSWORD or the terminal; else one clear line."""
    from desktop_crm.errors import PasswordRequiredError

    if args.database_password_stdin:
        return password_from_stdin()
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"password for {path}: ")
    raise PasswordRequiredError(
        f"{path} is protected with a password: set {PASSWORD_ENV} or give it on standard "
        "input with --password-stdin"
    )


def new_password(username: str, from_stdin: bool) -> str:
    """The new password: a line of stdin, or typed twice at the terminal without echo."""
    if from_stdin:
        return password_from_stdin()
    if not sys.stdin.isatty():
        raise CrmError("give the password on standard input with --password-stdin")
    import getpass

    password = getpass.getpass(f"new password for {username}: ")
    if getpass.getpass("the same password again: ") != password:
        raise CrmError("the two passwords differ; nothing was changed")
    return password


def password_from_stdin() -> str:
    """The first line of standard input (`--password-stdin`)."""
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CrmError("no password on standard input")
    return password
