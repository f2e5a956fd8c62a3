"""`desktop-crm office …`: an administrator sets up a shared PostgreSQL database and its
users; the users then sign in as themselves. Runs against the real test server."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urlsplit

import psycopg
import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.migrations import CURRENT_VERSION
from tests import postgres
from tests.cli.conftest import Result

PASSWORD = "correct horse 8"


def dbname(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


@pytest.fixture
def office(run: Callable[..., Result], pg_empty_url: str) -> str:
    """An office database after `office init`; its owner's URL."""
    result = run("office", "init", pg_empty_url)
    assert result.code == 0, result
    return pg_empty_url


@pytest.fixture
def add_user(
    run: Callable[..., Result], office: str, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    def adding(name: str, *options: str, password: str = PASSWORD) -> Result:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return run(
            "office", "user", "add", name, *options, "--password-stdin", "--database", office
        )

    return adding


def sign_in(url: str, user: str, password: str = PASSWORD) -> psycopg.Connection:
    return psycopg.connect(
        postgres.database_url(dbname(url), user=user, password=password), autocommit=True
    )


def test_init_creates_the_schema_and_is_idempotent(run, pg_empty_url: str) -> None:
    first = run("office", "init", pg_empty_url)
    assert first.code == 0, first
    assert f"schema {CURRENT_VERSION}" in first.out and "0 users" in first.out
    again = run("office", "init", "--database", pg_empty_url)  # the URL may come from --database
    assert again.code == 0, again
    with postgres.admin_connection(dbname(pg_empty_url)) as conn:
        policies = conn.execute("SELECT count(*) FROM pg_policies").fetchone()[0]
        (version,) = conn.execute("SELECT version FROM schema_version").fetchone()
    assert policies > 10 and version == CURRENT_VERSION


def test_an_added_user_signs_in_with_their_own_password(add_user, run, office: str) -> None:
    result = add_user("wang", "--role", "rep", "--team", "east", "--name", "王伟")
    assert result.code == 0, result
    assert "added wang (rep in team east)" in result.out
    assert PASSWORD not in result.out + result.err
    with sign_in(office, "wang") as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == "wang"
    listed = run("office", "user", "list", "--database", office)
    assert listed.out.splitlines() == ["wang\t王伟\trep\teast\tactive"]


def test_a_new_password_replaces_the_old_one(add_user, run, office, monkeypatch) -> None:
    add_user("wang", "--role", "rep")
    monkeypatch.setattr("sys.stdin", io.StringIO("a new secret 9\n"))
    result = run("office", "user", "passwd", "wang", "--password-stdin", "--database", office)
    assert result.code == 0, result
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        sign_in(office, "wang")
    sign_in(office, "wang", "a new secret 9").close()


def test_a_disabled_user_is_told_so_when_signing_in(add_user, run, office: str) -> None:
    add_user("wang", "--role", "rep")
    result = run("office", "user", "disable", "wang", "--database", office)
    assert result.code == 0, result
    assert run("office", "user", "list", "--database", office).out.endswith("\tdisabled\n")
    as_wang = postgres.database_url(dbname(office), user="wang", password=PASSWORD)
    run("check", "--database", as_wang).assert_one_clear_error("wang", "disabled")


def test_a_wrong_password_is_one_line_that_never_shows_the_password(add_user, run, office):
    add_user("wang", "--role", "rep")
    as_wang = postgres.database_url(dbname(office), user="wang", password="not it at all")
    result = run("check", "--database", as_wang)
    result.assert_one_clear_error("wrong user name or password for wang")
    assert "not it at all" not in result.err + result.out


def test_a_user_signed_in_as_themselves_works_under_the_servers_rules(add_user, office) -> None:
    from desktop_crm.domain import customers

    add_user("wang", "--role", "rep")
    add_user("chen", "--role", "rep")
    open_database(office)
    customers.create_customer({"name": "陈的客户", "owner": "chen"})
    close_database()
    open_database(postgres.database_url(dbname(office), user="wang", password=PASSWORD))
    mine = customers.create_customer({"name": "王的客户"})
    assert customers.get_customer(mine.id).owner == "wang"  # the server stamps the owner
    close_database()
    with sign_in(office, "wang") as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM customer")] == ["王的客户"]


@pytest.mark.parametrize(
    "argv",
    [("user", "add", "--role", "rep"), ("user", "add", "wang", "--role", "boss"), ("user",)],
)
def test_a_wrong_office_command_line_is_a_usage_error(run, office: str, argv) -> None:
    result = run("office", *argv, "--database", office)
    assert result.code == 2, result
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("name", "password", "fragment"),
    [
        ("pg_admin", PASSWORD, "cannot be a user name"),
        ("two words", PASSWORD, "cannot be a user name"),
        ("wang", "short", "at least 8 characters"),
        ("wang", "", "no password on standard input"),
    ],
)
def test_a_bad_user_name_or_password_is_refused(add_user, run, office, name, password, fragment):
    add_user(name, "--role", "rep", password=password).assert_one_clear_error(fragment)
    assert run("office", "user", "list", "--database", office).out == "no users yet\n"


def test_adding_the_same_user_twice_is_refused(add_user) -> None:
    add_user("wang", "--role", "rep")
    add_user("wang", "--role", "admin").assert_one_clear_error("already", "wang")


def test_a_password_is_never_read_from_a_pipe_without_asking(run, office, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    result = run("office", "user", "add", "wang", "--role", "rep", "--database", office)
    result.assert_one_clear_error("--password-stdin")


def test_user_commands_need_an_initialised_office_database(run, pg_empty_url: str) -> None:
    run("office", "user", "list", "--database", pg_empty_url).assert_one_clear_error("office init")


def test_office_mode_needs_a_postgresql_url(run, tmp_path) -> None:
    sqlite_file = str(tmp_path / "crm.sqlite3")
    run("office", "init", sqlite_file).assert_one_clear_error("postgresql://", sqlite_file)
    assert not (tmp_path / "crm.sqlite3").exists()


def test_init_refuses_a_database_of_a_newer_schema(run, office: str) -> None:
    with postgres.admin_connection(dbname(office)) as conn:
        conn.execute("UPDATE schema_version SET version = 999")
    run("office", "init", office).assert_one_clear_error("newer version", "schema 999")


def test_init_refuses_a_database_that_is_not_ours(run, pg_empty_url: str) -> None:
    with postgres.admin_connection(dbname(pg_empty_url)) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    run("office", "init", pg_empty_url).assert_one_clear_error("not a Desktop CRM database")


def test_only_an_administrator_may_upgrade_the_office_schema(add_user, run, office, tmp_path):
    add_user("wang", "--role", "rep")
    with postgres.admin_connection(dbname(office)) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (CURRENT_VERSION - 1,))
    as_wang = postgres.database_url(dbname(office), user="wang", password=PASSWORD)
    out = tmp_path / "out.csv"
    run("export", str(out), "--database", as_wang).assert_one_clear_error(
        f"at schema {CURRENT_VERSION - 1}", "an administrator must run `desktop-crm office init`"
    )


def test_an_unreachable_server_is_one_clear_line(run) -> None:
    result = run("check", "--database", "postgresql://wang:secret@127.0.0.1:1/office")
    result.assert_one_clear_error("cannot reach the database server 127.0.0.1:1")
    assert "secret" not in result.err


def test_an_unknown_database_on_the_server_is_named(run) -> None:
    missing = postgres.database_url("no_such_office")
    run("check", "--database", missing).assert_one_clear_error(
        "there is no database no_such_office"
    )
