"""Real demo databases damaged the ways disks and crashes damage them, for the checks."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain.demo import add_sample_data

PAGE = 4096


def demo_database(path: Path, customers: int = 120) -> Path:
    """A real demo database (customers with their history), closed, without a WAL."""
    open_database(str(path))
    add_sample_data(customers, seed=1)
    close_database()
    return path


def overwrite_middle(path: Path) -> None:
    """Garbage over pages in the middle of the file (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // PAGE * PAGE
    for start in range(middle - 4 * PAGE, middle + 4 * PAGE, PAGE):
        data[start : start + PAGE] = b"\xde\xad\xbe\xef" * (PAGE // 4)
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    """The file cut at half its pages (a copy interrupted, a full disk)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.truncate(size // PAGE // 2 * PAGE)


def zeros(path: Path) -> None:
    """Every byte zero, the length kept (what some file systems leave after a crash)."""
    path.write_bytes(bytes(path.stat().st_size))


def not_a_database(path: Path) -> None:
    path.write_text("姓名,电话\n张三,13800138000\n", encoding="utf-8")


def torn_wal(path: Path) -> None:
    """A WAL left by a crash whose last frame was cut short."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE customer SET notes = 'changed after the crash'")
    con.commit()
    wal = Path(f"{path}-wal")
    kept = path.with_name(path.name + ".crashed")
    shutil.copy2(path, kept)  # copied while open: the WAL is not checkpointed
    shutil.copy2(wal, Path(f"{kept}-wal"))
    con.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    kept.rename(path)
    Path(f"{kept}-wal").rename(wal)
    with wal.open("r+b") as fh:
        fh.truncate(wal.stat().st_size - 1000)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "overwritten": overwrite_middle,
    "truncated": truncate,
    "zeros": zeros,
    "not-a-database": not_a_database,
    "torn-wal": torn_wal,
}
