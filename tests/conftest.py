"""Shared fixtures: a fresh database per test, Qt offscreen, the user data dir in tmp."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop_crm.db.connection import close_database, open_database  # noqa: E402
from desktop_crm.domain import messages  # noqa: E402
from desktop_crm.ui.collector import collect_due_generations  # noqa: E402
from tests import postgres  # noqa: E402
from tests.office import Office, make_office  # noqa: E402

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(autouse=True, scope="session")
def _garbage_on_the_main_thread() -> Iterator[None]:
    """As in the app (ui.collector): no collection on worker threads."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    collect_due_generations()


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
def backend() -> str:
    """Which database `db` opens: SQLite, unless a folder's conftest asks for both."""
    return "sqlite"


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A database migrated once on the test server, copied for each test that needs one."""
    name = postgres.new_database_name("crm_template")
    postgres.create_database(name)
    try:
        open_database(postgres.database_url(name))
        close_database()
        yield name
    finally:
        postgres.drop_database(name)


def _throwaway_database(template: str | None) -> Iterator[str]:
    name = postgres.new_database_name()
    postgres.create_database(name, template=template)
    try:
        yield postgres.database_url(name)
    finally:
        close_database()
        postgres.drop_database(name)
        postgres.drop_login_roles()


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """The superuser URL of a new, migrated PostgreSQL database of this test's own."""
    yield from _throwaway_database(pg_template)


@pytest.fixture
def pg_empty_url() -> Iterator[str]:
    """The superuser URL of a new, empty PostgreSQL database (no tables yet)."""
    yield from _throwaway_database(None)


@pytest.fixture
def db_target(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """What `db` opens: the SQLite file's path, or the URL of a PostgreSQL database."""
    return request.getfixturevalue("pg_url") if backend == "postgres" else str(db_path)


@pytest.fixture
def db(db_target: str) -> Iterator:
    """A new, migrated database bound to the models (SQLite, or PostgreSQL when asked)."""
    database = open_database(db_target)
    yield database
    close_database()


@pytest.fixture
def office_db(pg_url: str) -> Office:
    """An office on the test server (see tests/office.py)."""
    return make_office(pg_url)
