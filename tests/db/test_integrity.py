"""The check before opening: each kind of damage is named, nothing is written to the file,
and a damaged file is never opened for writing."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from desktop_crm.db.connection import open_database
from desktop_crm.db.integrity import Damage, check_before_opening
from desktop_crm.domain import messages
from desktop_crm.errors import DamagedDatabaseError
from tests.damage import DAMAGES, demo_database

EXPECTED = {
    "overwritten": Damage.PAGES,
    "truncated": Damage.TRUNCATED,
    "zeros": Damage.ZEROS,
    "not-a-database": Damage.NOT_A_DATABASE,
    "torn-wal": Damage.WAL,
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo") / "crm.sqlite3")


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy2(pristine, tmp_path / "crm.sqlite3"))


def files_beside(path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.iterdir())
    }


def test_a_sound_demo_database_passes_and_nothing_appears_beside_it(copy: Path) -> None:
    before = files_beside(copy)
    assert check_before_opening(copy) is None
    assert files_beside(copy) == before  # no -wal, no -shm, not a byte changed


def test_a_missing_or_empty_file_is_a_new_database(tmp_path: Path) -> None:
    assert check_before_opening(tmp_path / "new.sqlite3") is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert check_before_opening(tmp_path / "empty.sqlite3") is None


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_damage_is_named_and_the_file_is_left_as_it_was(copy: Path, damage: str) -> None:
    DAMAGES[damage](copy)
    before = files_beside(copy)
    problem = check_before_opening(copy)
    assert problem is not None and problem.kind is EXPECTED[damage]
    assert str(copy) in problem.message
    assert files_beside(copy) == before  # the WAL was not replayed, nothing was created


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_open_database_refuses_a_damaged_file_without_touching_it(copy: Path, damage: str) -> None:
    DAMAGES[damage](copy)
    before = files_beside(copy)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(str(copy))
    assert raised.value.problem.kind is EXPECTED[damage]
    assert files_beside(copy) == before


def test_the_problem_is_said_in_chinese(copy: Path) -> None:
    DAMAGES["truncated"](copy)
    messages.set_language("zh_CN")
    problem = check_before_opening(copy)
    assert problem is not None and "截断" in problem.message


def test_a_crash_wal_that_is_whole_is_not_damage(copy: Path) -> None:
    DAMAGES["torn-wal"](copy)
    wal = Path(f"{copy}-wal")
    frame = 24 + 4096
    size = wal.stat().st_size
    with wal.open("r+b") as fh:
        fh.truncate(32 + (size - 32) // frame * frame)  # whole frames: a normal crash
    assert check_before_opening(copy) is None


def test_the_check_is_quick_on_a_sound_file(copy: Path) -> None:
    started = time.perf_counter()
    assert check_before_opening(copy) is None
    assert time.perf_counter() - started < 1.0
