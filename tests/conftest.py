"""Shared fixtures: a fresh database per test, Qt offscreen, the user data dir in tmp."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop_crm.db.connection import close_database, open_database  # noqa: E402
from desktop_crm.domain import messages  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real user data directory or the user's database."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("DESKTOP_CRM_DATA_DIR", str(data))
    monkeypatch.delenv("DESKTOP_CRM_DATABASE", raising=False)
    messages.set_language("en")
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator:
    """A new, migrated SQLite database bound to the models."""
    database = open_database(str(db_path))
    yield database
    close_database()
