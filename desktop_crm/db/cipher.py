"""Encryption at rest: SQLCipher databases, the key this process holds, and rewriting a
file between plain and encrypted so that it is never lost halfway.

An encrypted database is an SQLCipher 4 file with its default settings: AES-256 in CBC
mode with an HMAC-SHA512 per 4096-byte page, the key derived from the password by
PBKDF2-HMAC-SHA512 over 256,000 iterations with the 16-byte salt that opens the file.
Any SQLCipher 4 tool opens it with `PRAGMA key = 'the password'`.

Deriving the key costs about a quarter of a second, and every worker thread opens its
own connection, so the derivation is done once per file in this process (hashlib's
PBKDF2 is the same computation SQLCipher makes) and each connection is given the raw key
(`PRAGMA key = "x'…'"`). The password itself is kept in memory only, for this process.

Every raw connection the app makes to a SQLite file goes through `connect_sqlite`, which
opens a plain file with `sqlite3` and an encrypted one with `sqlcipher3` and the key; a
copy of an encrypted file (`encrypted_like`) is encrypted with the same key.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playhouse.pool import _PooledSqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, DatabaseError, PasswordRequiredError, WrongPasswordError

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4's default page size: an encrypted file is whole pages of it
KDF_ITERATIONS = 256_000  # SQLCipher 4's default
KEY_BYTES = 32
SALT_BYTES = 16
WORK_SUFFIX = ".encrypting"  # the new file, beside the old one, until it replaces it
PROGRESS_EVERY = 10_000  # SQLite instructions between two looks at the new file's size

# What a raw connection may raise, whichever library opened it.
SQLITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)

Progress = Callable[[int, int], bool]  # (pages written, pages in all) -> go on?
Connection = Any  # a sqlite3 or a sqlcipher3 DB-API connection

_lock = threading.Lock()
_password: str | None = None
_derived: dict[tuple[str, bytes], bytes] = {}  # (password, salt) -> key
_quiet = False


class Cancelled(CrmError):
    """Encrypting, decrypting or re-keying was stopped; the database was not changed."""


@dataclass(frozen=True)
class Rewritten:
    """A database rewritten under a new key (or none)."""

    path: Path
    pages: int
    seconds: float


# ------------------------------------------------------------------ the key in memory


def set_key(password: str | None) -> None:
    """Remember the password of the encrypted database this process works on (or forget it)."""
    global _password
    with _lock:
        if password != _password:
            _derived.clear()
        _password = password or None


def current_key() -> str | None:
    """The password remembered by `set_key`, if any."""
    return _password


def _derive(password: str, salt: bytes) -> bytes:
    with _lock:
        key = _derived.get((password, salt))
    if key is None:
        key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, KDF_ITERATIONS, KEY_BYTES)
        with _lock:
            _derived[(password, salt)] = key
    return key


def _keyspec(key: bytes, salt: bytes | None = None) -> str:
    """SQLCipher's raw-key form; with the salt, for a new file (it is written in its header)."""
    return f"x'{key.hex()}{salt.hex() if salt else ''}'"


def _salt(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES)


def raw_key(path: str | Path, password: str | None = None) -> str:
    """The raw key of the encrypted file at `path` (for `PRAGMA key`), from `password` or
    the one remembered; `PasswordRequiredError` when there is none."""
    password = password or _password
    if not password:
        raise PasswordRequiredError(text("db_password_required", path=path))
    return _keyspec(_derive(password, _salt(Path(path))))


# --------------------------------------------------------------------- recognising


def is_encrypted(path: str | Path) -> bool:
    """Whether `path` looks like an SQLCipher database: an existing, non-empty file of
    whole 4096-byte pages whose first bytes are not SQLite's header (they are the salt)
    nor zeros.

    Without the key nothing more can be told: a damaged file of the same shape is taken
    for an encrypted one, and the password that cannot open it is then called wrong.
    """
    try:
        p = Path(path)
        size = p.stat().st_size
        if not p.is_file() or size == 0 or size % PAGE_SIZE:
            return False
        with p.open("rb") as fh:
            salt = fh.read(len(SQLITE_HEADER))
        # A random salt is never all zeros; a file that starts with zeros lost its contents.
        return salt != SQLITE_HEADER and bool(salt.strip(b"\x00"))
    except OSError:
        return False


def unlock(path: str | Path, password: str | None = None) -> bool:
    """Check the password of the database at `path` and remember it for this process.

    Returns False (and does nothing) when the file is not encrypted. Without `password`
    the remembered one is tried. Raises `PasswordRequiredError` when there is none and
    `WrongPasswordError` when it does not open the file.
    """
    if not is_encrypted(path):
        return False
    password = password or _password
    connect_sqlite(path, readonly=True, password=password).close()
    set_key(password)
    return True


# ------------------------------------------------------------------------- connecting


def connect_sqlite(
    path: str | Path,
    *,
    readonly: bool = False,
    encrypted_like: str | Path | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> Connection:
    """A DB-API connection to the SQLite file at `path`, plain or encrypted.

    A plain file opens with `sqlite3`; an encrypted one with `sqlcipher3` and the key of
    `password` (default: the remembered one), checked at once. A new (missing or empty)
    file is encrypted like `encrypted_like` when that is encrypted: same key, same salt,
    so the copy opens with the same password.
    """
    path = Path(path)
    target = path.resolve().as_uri() + "?mode=ro" if readonly else str(path)
    if is_encrypted(path):
        return _keyed(target, raw_key(path, password), path, timeout)
    fresh = not path.exists() or path.stat().st_size == 0
    if fresh and not readonly and encrypted_like is not None and is_encrypted(encrypted_like):
        like = Path(encrypted_like)
        salt = _salt(like)
        password = password or _password
        if not password:
            raise PasswordRequiredError(text("db_password_required", path=like))
        return _keyed(target, _keyspec(_derive(password, salt), salt), None, timeout)
    return sqlite3.connect(target, uri=readonly, timeout=timeout)


def _keyed(target: str, keyspec: str | None, check: Path | None, timeout: float) -> Connection:
    """A sqlcipher3 connection given `keyspec` first; with `check`, the key is tried at once."""
    _silence_sqlcipher()
    con = sqlcipher.connect(target, uri=target.startswith("file:"), timeout=timeout)
    try:
        if keyspec:
            con.execute(f'PRAGMA key = "{keyspec}"')
        if check is not None:
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher.DatabaseError as exc:
                if "not a database" in str(exc):
                    raise WrongPasswordError(text("db_wrong_password", path=check)) from None
                raise
    except BaseException:
        con.close()
        raise
    return con


def _silence_sqlcipher() -> None:
    """SQLCipher logs a wrong key's failed page checks on stderr; we say it in one line."""
    global _quiet
    if not _quiet:
        with contextlib.closing(sqlcipher.connect(":memory:")) as con:
            con.execute("PRAGMA cipher_log_level = NONE")
        _quiet = True


class EncryptedDatabase(_PooledSqliteDatabase, SqlCipherDatabase):
    """An SQLCipher database whose connections are kept for the next thread to use.

    A worker task closes its thread's connection when it ends; on a plain file the next
    one reads the pages again from the system's file cache, but on an encrypted file
    every page would be decrypted again (search took up to 2.5× as long as on the plain
    file, bench/bench_cipher.py). Returned to a pool instead, a connection keeps its
    decrypted page cache. A connection inside a transaction is not kept.
    `connection.close_database` closes the idle ones too.
    """

    def _can_reuse(self, conn: Connection) -> bool:
        return not conn.in_transaction


def encrypted_database(
    path: str | Path, kind: type[EncryptedDatabase] | None = None, **options: Any
) -> EncryptedDatabase:
    """A peewee database for the encrypted file at `path`, keyed with the remembered password
    (`kind`: a subclass of `EncryptedDatabase` to make)."""
    _silence_sqlcipher()
    # peewee quotes the passphrase into `PRAGMA key='…'`; SQLCipher reads x'…' as a raw key.
    return (kind or EncryptedDatabase)(
        str(path),
        passphrase=raw_key(path),
        check_same_thread=False,  # a pooled connection serves one thread at a time
        max_connections=None,
        **options,
    )


# ----------------------------------------------------- encrypting, decrypting, re-keying


def encrypt_database(
    path: str | Path, password: str, progress: Progress | None = None
) -> Rewritten:
    """Protect the plain database at `path` with `password` (it becomes an SQLCipher file).

    The new file is written beside the old one and replaces it only when complete,
    flushed to disk and checked, so a crash or a kill at any moment leaves the old file
    or the new one, whole. The database must not be open for writing meanwhile.
    Raises `Cancelled` when `progress` returns False (nothing changed).
    """
    path = Path(path)
    _require_password(password)
    if is_encrypted(path):
        raise DatabaseError(text("db_already_encrypted", path=path))
    result = _rewrite(path, None, password, progress)
    set_key(password)
    return result


def decrypt_database(
    path: str | Path, password: str, progress: Progress | None = None
) -> Rewritten:
    """Remove the password of the encrypted database at `path` (safe as `encrypt_database`).

    Raises `WrongPasswordError` when `password` does not open it; nothing is changed then.
    """
    path = Path(path)
    if not is_encrypted(path):
        raise DatabaseError(text("db_not_encrypted", path=path))
    _require_password(password)
    result = _rewrite(path, password, None, progress)
    set_key(None)
    return result


def change_password(
    path: str | Path, old: str, new: str, progress: Progress | None = None
) -> Rewritten:
    """Re-key the encrypted database at `path` from `old` to `new` (a new salt, a new key).

    Done by the same copy-and-replace as `encrypt_database` rather than SQLCipher's
    `PRAGMA rekey` (which rewrites every page in place, with no progress to show and
    nothing to stop): the old password opens the file until the new file replaces it.
    """
    path = Path(path)
    if not is_encrypted(path):
        raise DatabaseError(text("db_not_encrypted", path=path))
    _require_password(old)
    _require_password(new)
    result = _rewrite(path, old, new, progress)
    set_key(new)
    return result


def work_file(path: str | Path) -> Path:
    """Where the rewritten database is built until it replaces `path`."""
    path = Path(path)
    return path.with_name(path.name + WORK_SUFFIX)


def _require_password(password: str | None) -> None:
    if not password:
        raise CrmError(text("db_empty_password"))


def _rewrite(path: Path, old: str | None, new: str | None, progress: Progress | None) -> Rewritten:
    """`path` rewritten under the key of `new` (None: plain), read with the key of `old`."""
    started = time.monotonic()
    work = work_file(path)
    _discard(work)  # what a killed attempt left
    source = _keyed(str(path), raw_key(path, old) if old else None, path if old else None, 30.0)
    try:
        pages, version = _settle(source, path)
        salt = os.urandom(SALT_BYTES)
        keyspec = _keyspec(_derive(new, salt), salt) if new else ""
        source.execute("ATTACH DATABASE ? AS rewritten KEY ?", (str(work), keyspec))
        # The new file is thrown away if anything fails, so no journal; a small cache
        # makes its pages reach the disk as they are written, which is the progress.
        source.execute("PRAGMA rewritten.journal_mode = OFF")
        source.execute("PRAGMA rewritten.cache_size = 64")
        _export(source, work, pages, progress, path)
        source.execute("DETACH DATABASE rewritten")
        _flush(work)
        _check(work, new, source, path)
        if _settle(source, path)[1] != version:
            raise DatabaseError(text("db_changed_meanwhile", path=path))
    except BaseException:
        source.close()
        _discard(work)
        raise
    source.close()
    try:
        if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size:
            raise DatabaseError(text("db_changed_meanwhile", path=path))
        for leftover in (f"{work}-wal", f"{work}-shm", f"{work}-journal"):
            Path(leftover).unlink(missing_ok=True)
        os.replace(work, path)  # the one step that switches: atomic on the same disk
    except BaseException:
        _discard(work)
        raise
    _flush_folder(path.parent)
    # The old file's write-ahead log is empty (checkpointed); it must not meet the new file.
    for leftover in (f"{path}-wal", f"{path}-shm"):
        Path(leftover).unlink(missing_ok=True)
    if progress is not None:
        progress(pages, pages)
    return Rewritten(path, pages, time.monotonic() - started)


def _settle(source: Connection, path: Path) -> tuple[int, int]:
    """Move every committed change into the main file; its pages and its data version."""
    try:
        busy, _, _ = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlcipher.OperationalError as exc:
        raise DatabaseError(text("db_in_use", path=path)) from exc
    if busy:
        raise DatabaseError(text("db_in_use", path=path))
    pages = source.execute("PRAGMA page_count").fetchone()[0]
    return pages, source.execute("PRAGMA data_version").fetchone()[0]


def _export(
    source: Connection, work: Path, pages: int, progress: Progress | None, path: Path
) -> None:
    """SQLCipher's `sqlcipher_export`: schema, rows, indexes, triggers and the header's
    versions, into the attached file; progress is its size in pages."""
    shown = -1
    step = max(pages // 200, 1)

    def look() -> int:
        nonlocal shown
        try:
            done = min(work.stat().st_size // PAGE_SIZE, max(pages - 1, 0))
        except OSError:
            done = 0
        if progress is None or done - shown < step:
            return 0
        shown = done
        return 0 if progress(done, pages) else 1  # non-zero interrupts the statement

    if progress is not None and not progress(0, pages):
        raise Cancelled(text("db_conversion_cancelled", path=path))
    source.set_progress_handler(look, PROGRESS_EVERY)
    try:
        source.execute("SELECT sqlcipher_export('rewritten')").fetchall()
    except sqlcipher.OperationalError as exc:
        if "interrupted" in str(exc):
            raise Cancelled(text("db_conversion_cancelled", path=path)) from None
        raise DatabaseError(text("db_conversion_failed", path=path, reason=exc)) from exc
    except sqlcipher.DatabaseError as exc:
        raise DatabaseError(text("db_conversion_failed", path=path, reason=exc)) from exc
    finally:
        source.set_progress_handler(None, 0)


def _check(work: Path, new: str | None, source: Connection, path: Path) -> None:
    """The new file opens with its key, passes `quick_check` and holds the same tables."""
    keyspec = _keyspec(_derive(new, _salt(work))) if new else None
    try:
        with contextlib.closing(_keyed(str(work), keyspec, work if new else None, 30.0)) as con:
            (verdict,) = con.execute("PRAGMA quick_check").fetchone()
            counts = _row_counts(con)
    except (WrongPasswordError, sqlcipher.DatabaseError) as exc:
        raise DatabaseError(text("db_conversion_failed", path=path, reason=exc)) from exc
    if verdict != "ok" or counts != _row_counts(source, "main."):
        reason = verdict if verdict != "ok" else "the copy does not hold the same rows"
        raise DatabaseError(text("db_conversion_failed", path=path, reason=reason))


def _row_counts(con: Connection, schema: str = "") -> dict[str, int]:
    tables = [
        name
        for (name,) in con.execute(
            f"SELECT name FROM {schema}sqlite_master WHERE type = 'table' AND rootpage > 0"
        )
    ]
    return {
        t: con.execute(f'SELECT count(*) FROM {schema}"{t}"').fetchone()[0] for t in sorted(tables)
    }


def _flush(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(work: Path) -> None:
    for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm"), Path(f"{work}-journal")):
        leftover.unlink(missing_ok=True)
