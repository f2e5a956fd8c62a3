"""`desktop-crm --read-only`: the window says read-only, every write is refused with a
clear message, and not a byte of the file changes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm import app, cli
from desktop_crm.app import open_at_start
from desktop_crm.db.connection import close_database
from desktop_crm.db.models import Customer
from desktop_crm.domain.customers import create_customer
from desktop_crm.errors import ReadOnlyDatabaseError
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.settings import UiSettings
from tests.damage import demo_database


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo") / "crm.sqlite3", customers=10)


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy2(pristine, tmp_path / "crm.sqlite3"))


@pytest.fixture(autouse=True)
def _closed() -> None:
    yield
    close_database()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_window_refuses_writes_and_leaves_the_file_as_it_was(
    qtbot, copy: Path, tmp_path: Path
) -> None:
    before = digest(copy)
    window = open_at_start(str(copy), UiSettings(tmp_path / "ui.ini"), read_only=True)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    window.start()  # no reminders, recompute or backup written
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 10, timeout=5000)
    assert "read-only" in window.windowTitle() and "crm.sqlite3" in window.windowTitle()
    with pytest.raises(ReadOnlyDatabaseError) as raised:
        create_customer({"name": "张三"})
    assert "open read-only" in raised.value.message and str(copy) in raised.value.message
    assert Customer.select().count() == 10
    window.tasks.wait(5000)
    window.close()
    close_database()
    assert digest(copy) == before


def test_read_only_opens_beside_a_window_that_has_the_file(
    qtbot, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("told: " + a[2]))
    first = open_at_start(str(copy), UiSettings(tmp_path / "ui.ini"))
    assert isinstance(first, MainWindow)
    qtbot.addWidget(first)
    second = open_at_start(str(copy), UiSettings(tmp_path / "ui2.ini"), read_only=True)
    assert isinstance(second, MainWindow) and second.read_only
    qtbot.addWidget(second)
    first.tasks.wait(5000)
    second.tasks.wait(5000)


def test_the_command_line_passes_read_only_to_the_app(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        app, "run_gui", lambda db, lang, read_only, smoke_test: seen.append((db, read_only))
    )
    cli.main(["--database", str(copy), "--read-only"])
    assert seen == [(str(copy), True)]


def test_read_only_refuses_a_missing_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: told.append(text))
    missing = tmp_path / "none.sqlite3"
    assert open_at_start(str(missing), UiSettings(tmp_path / "ui.ini"), read_only=True) == 1
    assert "does not exist" in told[0] and not missing.exists()
