"""A second instance on the same database file is told so and opens nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm.app import open_at_start
from desktop_crm.db.connection import close_database
from desktop_crm.ui.instance_lock import lock_path
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


def test_a_second_instance_is_told_and_opens_nothing(
    qtbot, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    close = QMessageBox.StandardButton.Close
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: told.append(text) or close
    )
    first = open_at_start(str(copy), UiSettings(tmp_path / "ui.ini"))
    assert isinstance(first, MainWindow)
    assert lock_path(copy).exists()
    second = open_at_start(str(copy), UiSettings(tmp_path / "ui2.ini"))
    assert second == 0
    assert len(told) == 1 and "already open" in told[0] and str(copy) in told[0]
    first.tasks.wait(5000)
    first.close()
    first.deleteLater()
    qtbot.waitUntil(lambda: not lock_path(copy).exists(), timeout=5000)  # released
    close_database()
    third = open_at_start(str(copy), UiSettings(tmp_path / "ui3.ini"))
    assert isinstance(third, MainWindow)
    qtbot.addWidget(third)
    third.tasks.wait(5000)
    assert len(told) == 1


def test_a_lock_left_by_a_crashed_instance_is_taken_over(qtbot, copy: Path, tmp_path: Path) -> None:
    import socket

    # a lock file whose process (pid 999999 on this host) is gone
    lock_path(copy).write_text(f"999999\nDesktop CRM\n{socket.gethostname()}\n")
    window = open_at_start(str(copy), UiSettings(tmp_path / "ui.ini"))
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.tasks.wait(5000)


def test_a_second_instance_may_open_the_file_read_only(
    qtbot, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = QMessageBox.StandardButton.Open
    monkeypatch.setattr(QMessageBox, "question", lambda *a: opening)
    first = open_at_start(str(copy), UiSettings(tmp_path / "ui.ini"))
    assert isinstance(first, MainWindow)
    qtbot.addWidget(first)
    second = open_at_start(str(copy), UiSettings(tmp_path / "ui2.ini"))
    assert isinstance(second, MainWindow) and second.read_only
    qtbot.addWidget(second)
    assert "read-only" in second.windowTitle()
    first.tasks.wait(5000)
    second.tasks.wait(5000)
