"""The PostgreSQL server of the test suite: throwaway databases and plain connections.

`.ci/start-postgres` starts a cluster and prints its superuser URL, which the tests read
from `DESKTOP_CRM_TEST_POSTGRES`. Without it the PostgreSQL tests skip with the reason;
in CI (`CI=true`) they fail instead, since a green run that never touched the server
proves nothing. Parallel workers (pytest-xdist) each have a server of their own, since
roles are server-wide: worker gwN reads the variables ending in `_GWN` (gw0 the plain ones).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shlex
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

URL_VARIABLE = "DESKTOP_CRM_TEST_POSTGRES"
_numbers = itertools.count(1)


def _variable(what: str = "") -> str:
    """The name of this worker's variable `what` ("", "_STOP", "_START")."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = worker.removeprefix("gw")
    suffix = f"_GW{number}" if number.isdigit() and number != "0" else ""
    return f"{URL_VARIABLE}{suffix}{what}"


def server_url() -> str:
    """The superuser URL of the test server; skips (or fails, in CI) when there is none."""
    url = os.environ.get(_variable())
    if url:
        return url
    workers = os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")
    reason = (
        f'no PostgreSQL test server: run `eval "$(bash .ci/start-postgres {workers})"` '
        f"to set {_variable()}"
    )
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def database_url(name: str, *, user: str | None = None, password: str | None = None) -> str:
    """The URL of database `name` on the test server, as the superuser or as `user`."""
    parts = urlsplit(server_url())
    netloc = parts.hostname or "127.0.0.1"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    who = quote(user or parts.username or "postgres", safe="")
    if password is not None:
        who = f"{who}:{quote(password, safe='')}"
    return urlunsplit((parts.scheme, f"{who}@{netloc}", f"/{name}", "", ""))


def admin_connection(dbname: str | None = None) -> psycopg.Connection:
    """An autocommit superuser connection (to the server's own database by default)."""
    url = database_url(dbname) if dbname else server_url()
    return psycopg.connect(url, autocommit=True)


def new_database_name(prefix: str = "crm_test") -> str:
    return f"{prefix}_{os.getpid()}_{next(_numbers)}"


def create_database(name: str, template: str | None = None) -> None:
    with admin_connection() as conn:
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        conn.execute(statement)


def drop_database(name: str) -> None:
    with admin_connection() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def drop_login_roles() -> None:
    """Drop every role a test made (app users and groups): roles are server-wide."""
    with admin_connection() as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' "
                "AND rolname <> current_user"
            )
        ]
        for name in names:
            # a role still granted rights in another test's database is dropped after that one
            with contextlib.suppress(psycopg.errors.DependentObjectsStillExist):
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def restart_commands() -> tuple[list[str], list[str]]:
    """The commands that stop and start the test server again (from `.ci/start-postgres`)."""
    server_url()
    stop, start = (os.environ.get(_variable(what)) for what in ("_STOP", "_START"))
    if not (stop and start):
        pytest.fail(f"{_variable('_STOP')} and _START are not set (see .ci/start-postgres)")
    return shlex.split(stop), shlex.split(start)
