"""The quick check a SQLite database gets before it is opened for writing.

A damaged file must never be opened read-write: SQLite would replay its WAL into it,
checkpoint, migrate, and the damage could spread into what is left. So before
`open_database` the file's header and WAL header are read as bytes, then
`PRAGMA quick_check` runs on a read-only connection (`mode=ro`: no checkpoint, nothing
written to the main file or the WAL).

Encrypted files cannot be read before their password is known; they are not checked
here (their key check is the first read).
"""

from __future__ import annotations

import logging
import sqlite3
import struct
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop_crm.db import cipher
from desktop_crm.domain.messages import text

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
WAL_MAGICS = (0x377F0682, 0x377F0683)
QUICK_CHECK_ROWS = 10  # the first problems are enough to name the damage
# seconds of `PRAGMA quick_check` at start: a 300 MB file needs ~1.1 s warm, ~2.3 s cold
# here (700 MB, 100k demo customers: 2.6 s warm, 5.5 s cold); `desktop-crm check` runs
# it whole.
START_BUDGET = 1.5


class Damage(Enum):
    """The kinds of damage the check tells apart; the value is the message key."""

    NOT_A_DATABASE = "damage_not_a_database"
    ZEROS = "damage_zeros"
    HEADER = "damage_header"
    TRUNCATED = "damage_truncated"
    PAGES = "damage_pages"
    WAL = "damage_wal"


@dataclass(frozen=True)
class Problem:
    """What is wrong with a database file, in words the user can act on."""

    kind: Damage
    path: Path
    detail: str = ""

    @property
    def message(self) -> str:
        """One sentence in the current language, naming the file and the problem."""
        said = text(self.kind.value, file=self.path)
        return f"{said} ({self.detail})" if self.detail else said


def check_before_opening(path: str | Path, budget: float | None = START_BUDGET) -> Problem | None:
    """None when the SQLite file at `path` may be opened for writing, else the `Problem`.

    A missing or empty file is fine (a new database is made there); so is an encrypted
    file (checked when its password is given). Nothing is written to the file. The
    header, its page count and the WAL are always checked whole; `PRAGMA quick_check`
    stops after `budget` seconds (None: runs to the end, as `desktop-crm check` does),
    so a large file does not hold up every start: what it read by then was sound.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if path.is_dir() or size == 0 or cipher.is_encrypted(path):
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_SIZE)
    except OSError as exc:
        log.warning("cannot read %s to check it: %s", path, exc)
        return None  # opening will report it with its reason
    problem = _wal_problem(path)
    if problem is None:
        problem = _header_problem(path, header, size, _has_wal(path))
    if problem is None:
        problem = _quick_check(path, budget)
    return problem


def _has_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _header_problem(path: Path, header: bytes, size: int, has_wal: bool) -> Problem | None:
    if header[:16] != SQLITE_HEADER:
        if not header.strip(b"\x00") and _all_zeros(path):
            return Problem(Damage.ZEROS, path)
        if not header[:16].strip(b"\x00"):
            return Problem(Damage.HEADER, path, "the first bytes are zeros")
        return Problem(Damage.NOT_A_DATABASE, path)
    if len(header) < HEADER_SIZE:
        return Problem(Damage.TRUNCATED, path, f"{size} bytes")
    page_size = _page_size(header)
    if page_size is None:
        return Problem(Damage.HEADER, path, "bad page size")
    if size % page_size:
        return Problem(Damage.TRUNCATED, path, f"{size} bytes is not a whole number of pages")
    pages = struct.unpack(">I", header[28:32])[0]
    counter, valid_for = header[24:28], header[92:96]
    if counter == valid_for and pages and size < pages * page_size and not has_wal:
        # With a whole WAL beside it the file may be mid-checkpoint (killed while
        # copying pages back): the WAL still holds them, and quick_check reads through it.
        # The header's page count is trusted when its "valid-for" number matches the
        # change counter (SQLite's own rule); a shorter file lost its end.
        return Problem(Damage.TRUNCATED, path, f"{size // page_size} of {pages} pages")
    return None


def _page_size(header: bytes) -> int | None:
    raw = struct.unpack(">H", header[16:18])[0]
    size = 65536 if raw == 1 else raw
    return size if _valid_page_size(size) else None


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and not size & (size - 1)


def _all_zeros(path: Path) -> bool:
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            if chunk.strip(b"\x00"):
                return False
    return True


def _wal_problem(path: Path) -> Problem | None:
    """A WAL left beside the file (a crash, or another instance) must be whole to be used.

    Its header must be a WAL header for this page size and its length a whole number of
    frames: a torn WAL (a frame cut short, a header overwritten) would lose or garble
    what it holds when replayed.
    """
    wal = Path(f"{path}-wal")
    try:
        size = wal.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    with wal.open("rb") as fh:
        header = fh.read(WAL_HEADER_SIZE)
    if len(header) < WAL_HEADER_SIZE:
        return Problem(Damage.WAL, path, "the WAL header is cut short")
    magic, _version, page_size = struct.unpack(">III", header[:12])
    if magic not in WAL_MAGICS or not _valid_page_size(page_size):
        return Problem(Damage.WAL, path, "the WAL header is not valid")
    if (size - WAL_HEADER_SIZE) % (WAL_FRAME_HEADER_SIZE + page_size):
        return Problem(Damage.WAL, path, "the last WAL frame is cut short")
    return None


def _quick_check(path: Path, budget: float | None) -> Problem | None:
    """`PRAGMA quick_check` on a read-only connection: the pages and the schema.

    Without a WAL beside it the file is opened `immutable`, so not even an empty -wal
    and -shm are created next to it; with one, `mode=ro` reads through the WAL without
    ever writing it back into the file.
    """
    mode = "mode=ro" if _has_wal(path) else "immutable=1"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=10)
        if budget is not None:
            deadline = time.monotonic() + budget
            con.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            rows = [row[0] for row in con.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})")]
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        said = str(exc)
        if said == "interrupted":
            log.info("the check of %s stopped after %.1f s with no damage found", path, budget)
            return None
        if "locked" in said or "busy" in said:
            log.info("%s is busy; the check is left to the instance that holds it", path)
            return None
        if "unable to open" in said:
            return None  # permissions and the like: opening says so with its reason
        return Problem(Damage.PAGES, path, said)
    except sqlite3.DatabaseError as exc:
        said = str(exc)
        if "not a database" in said:
            return Problem(Damage.HEADER, path, said)
        return Problem(Damage.PAGES, path, said)
    if rows == ["ok"]:
        return None
    lines = [line.strip() for row in rows for line in row.splitlines()]
    said = [line for line in lines if line and not line.startswith("***")]
    more = f" and {len(said) - 1} more" if len(said) > 1 else ""
    return Problem(Damage.PAGES, path, f"{said[0] if said else lines[0]}{more}")
