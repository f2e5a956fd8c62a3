"""Office mode: the server itself keeps each user to their customers (row-level security).

Everything here runs against the real PostgreSQL server of the test suite. The access
rules are proven with plain psycopg connections as the restricted users — what a rep
could type into psql — not through the app's services.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from desktop_crm.db import office
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain import customers, history, search
from desktop_crm.errors import CrmError
from tests import postgres
from tests.office import CHENS, PASSWORD, WANGS, Office


def test_a_rep_selects_only_their_own_and_shared_customers(office_db: Office) -> None:
    assert office_db.names("wang") == {"wang's customer", "shared customer"}
    assert office_db.names("chen") == {"chen's customer", "shared customer"}


def test_a_manager_reaches_their_team_and_an_admin_everyone(office_db: Office) -> None:
    assert office_db.names("zhao") == {"wang's customer", "li's customer", "shared customer"}
    assert office_db.names("boss") == set(office_db.ids)


def test_a_join_through_follow_ups_reaches_no_other_reps_customer(office_db: Office) -> None:
    joined = office_db.names(
        "wang", "SELECT c.name FROM follow_up f JOIN customer c ON c.id = f.customer_id"
    )
    assert joined == {"wang's customer"}
    with office_db.connect("wang") as conn:
        subjects = {row[0] for row in conn.execute("SELECT subject FROM follow_up")}
        other = conn.execute(
            "SELECT count(*) FROM follow_up WHERE customer_id = %s",
            (office_db.ids["li's customer"],),
        ).fetchone()[0]
    assert subjects == {"call wang"}
    assert other == 0


def test_the_search_table_holds_no_other_reps_documents(office_db: Office) -> None:
    with office_db.connect("wang") as conn:
        found = {row[0] for row in conn.execute("SELECT customer_id FROM customer_search")}
        by_word = conn.execute(
            "SELECT count(*) FROM customer_search WHERE doc LIKE '%li%'"
        ).fetchone()[0]
    assert found == {office_db.ids["wang's customer"], office_db.ids["shared customer"]}
    assert by_word == 0


def test_the_search_function_finds_for_each_user_only_what_they_reach(office_db: Office) -> None:
    """It runs as the owner (so its index is used); the customer rule is applied inside."""
    found = "SELECT hit FROM crm_search(to_tsquery('simple', 'customer'), NULL) AS found(hit)"
    ids = office_db.ids
    for user, reached in (
        ("wang", {"wang's customer", "shared customer"}),
        ("zhao", {"wang's customer", "li's customer", "shared customer"}),
        ("boss", set(ids)),
    ):
        with office_db.connect(user) as conn:
            assert {row[0] for row in conn.execute(found)} == {ids[n] for n in reached}, user


def test_a_crafted_update_or_delete_cannot_reach_another_reps_rows(office_db: Office) -> None:
    theirs = office_db.ids["li's customer"]
    with office_db.connect("wang") as conn:
        assert (
            conn.execute("UPDATE customer SET name = 'mine' WHERE id = %s", (theirs,)).rowcount == 0
        )
        assert (
            conn.execute(
                "UPDATE follow_up SET subject = 'x' WHERE customer_id = %s", (theirs,)
            ).rowcount
            == 0
        )
        assert conn.execute("DELETE FROM customer WHERE id = %s", (theirs,)).rowcount == 0
        assert (
            conn.execute("DELETE FROM change_log WHERE customer_id = %s", (theirs,)).rowcount == 0
        )
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            _copy_row(
                conn,
                "follow_up",
                f"customer_id = {office_db.ids[WANGS]}",
                f"customer_id = {theirs}",
            )
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            # Moving one's own follow-up under someone else's customer.
            conn.execute(
                "UPDATE follow_up SET customer_id = %s WHERE subject = 'call wang'", (theirs,)
            )
    assert office_db.names("li") == {"li's customer", "shared customer"}
    assert office_db.names("boss", "SELECT subject FROM follow_up") == {
        "call wang",
        "call li",
        "call chen",
    }


def test_only_managers_and_admins_reassign_a_customer(office_db: Office) -> None:
    own, li_id = office_db.ids["wang's customer"], _user_id(office_db, "li")
    with (
        office_db.connect("wang") as conn,
        pytest.raises(errors.InsufficientPrivilege, match="manager or an administrator"),
    ):
        conn.execute("UPDATE customer SET owner_id = %s WHERE id = %s", (li_id, own))
    with office_db.connect("zhao") as conn:
        moved = conn.execute("UPDATE customer SET owner_id = %s WHERE id = %s", (li_id, own))
        assert moved.rowcount == 1
    assert office_db.names("li") == {"wang's customer", "li's customer", "shared customer"}
    assert office_db.names("wang") == {"shared customer"}


def test_a_reps_new_customer_is_their_own(office_db: Office) -> None:
    own = f"id = {office_db.ids[CHENS]}"
    with office_db.connect("chen") as conn:
        _copy_row(conn, "customer", own, "code = 'X1', name = 'new one', owner_id = NULL")
        with pytest.raises(errors.InsufficientPrivilege, match="manager or an administrator"):
            wang = _user_id(office_db, "wang")
            _copy_row(conn, "customer", own, f"code = 'X2', name = 'for wang', owner_id = {wang}")
    assert "new one" in office_db.names("chen")
    assert "new one" not in office_db.names("wang")


def test_users_cannot_promote_themselves(office_db: Office) -> None:
    with office_db.connect("wang") as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE \"user\" SET role = 'admin' WHERE username = 'wang'")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE customer DISABLE ROW LEVEL SECURITY")


def test_history_names_the_signed_in_user_whatever_the_client_says(office_db: Office) -> None:
    own = office_db.ids["wang's customer"]
    with office_db.connect("wang") as conn:
        author = conn.execute(
            "INSERT INTO change_log (uuid, customer_id, entity, entity_id, action, changed_by, "
            "changed_at, created_at, updated_at) VALUES (gen_random_uuid(), %s, 'customer', %s, "
            "'update', 'boss', now(), now(), now()) RETURNING changed_by",
            (own, own),
        ).fetchone()[0]
    assert author == "wang"


def test_the_services_signed_in_as_a_rep_see_what_the_server_allows(office_db: Office) -> None:
    url = postgres.database_url(office_db.name, user="wang", password=PASSWORD)
    open_database(url)
    try:
        record = customers.create_customer({"name": "王的新客户"})
        customers.update_customer(record.id, {"notes": "拜访过"})
        found = {row.name for row in search.search_customers(search.CustomerQuery())}
        by_text = {row.name for row in search.search_customers(search.CustomerQuery("customer"))}
        authors = {entry.changed_by for entry in history.customer_history(record.id)}
    finally:
        close_database()
    assert record.owner == "wang"
    assert authors == {"wang"}
    assert found == {"wang's customer", "shared customer", "王的新客户"}
    assert by_text == {"wang's customer", "shared customer"}


def test_wrong_password_unknown_and_disabled_users_cannot_sign_in(
    office_db: Office, pg_url: str
) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        office_db.connect("wang", "wrong password")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        office_db.connect("nobody")
    db = open_database(pg_url)
    office.disable_user(db, "wang")
    assert [a.active for a in office.list_accounts(db) if a.username == "wang"] == [False]
    close_database()
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        office_db.connect("wang")
    db = open_database(pg_url)
    office.change_password(db, "wang", "another password")
    close_database()
    office_db.connect("wang", "another password").close()


def test_installing_twice_changes_nothing_and_protects_every_customer_table(
    office_db: Office, pg_url: str
) -> None:
    db = open_database(pg_url)
    office.install(db)
    protected = {
        row[0]
        for row in db.execute_sql(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r'"
        ).fetchall()
    }
    with_customer = {
        row[0]
        for row in db.execute_sql(
            "SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.constraint_column_usage cu "
            "ON cu.constraint_name = tc.constraint_name "
            "WHERE tc.constraint_type = 'FOREIGN KEY' AND cu.table_name IN ('customer', 'order')"
        ).fetchall()
    }
    close_database()
    assert with_customer - {"customer"} <= protected
    assert {"customer", "customer_search", "follow_up", "shipment", "payment"} <= protected
    assert office_db.names("wang") == {"wang's customer", "shared customer"}


def test_bad_account_input_is_refused_with_a_reason(pg_url: str) -> None:
    db = open_database(pg_url)
    office.install(db)
    with pytest.raises(CrmError, match="cannot be a user name"):
        office.add_user(db, "pg_monitor2", PASSWORD)
    with pytest.raises(CrmError, match="cannot be a user name"):
        office.add_user(db, "two words", PASSWORD)
    with pytest.raises(CrmError, match="unknown role"):
        office.add_user(db, "wang", PASSWORD, role="king")
    with pytest.raises(CrmError, match="at least 8"):
        office.add_user(db, "wang", "short")
    office.add_user(db, "wang", PASSWORD)
    with pytest.raises(CrmError, match="already"):
        office.add_user(db, "wang", PASSWORD)
    with pytest.raises(CrmError, match="no user"):
        office.change_password(db, "nobody", PASSWORD)
    assert [a.username for a in office.list_accounts(db)] == ["wang"]
    close_database()


def _copy_row(conn: psycopg.Connection, table: str, where: str, changes: str) -> None:
    """Insert a copy of one row of `table` with `changes`, in plain SQL as a user could."""
    conn.execute(f"CREATE TEMP TABLE copied AS SELECT * FROM {table} WHERE {where}")
    try:
        conn.execute(
            f"UPDATE copied SET id = nextval('{table}_id_seq'), uuid = gen_random_uuid(), {changes}"
        )
        conn.execute(f"INSERT INTO {table} SELECT * FROM copied")
    finally:
        conn.execute("DROP TABLE copied")


def _user_id(office_db: Office, username: str) -> int:
    with office_db.connect("boss") as conn:
        return conn.execute('SELECT id FROM "user" WHERE username = %s', (username,)).fetchone()[0]
