"""Sync by file: a laptop with no network sends its changes on a USB stick and takes the
office's reply back, nothing lost; a file that is not this replica's, altered, cut short
or older than the last applied is refused. Against the real test server."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, FollowUp
from desktop_crm.domain import customers, followups, messages, replica, sync, sync_file
from desktop_crm.errors import CrmError
from tests import postgres
from tests.domain.test_sync import Laptop, as_user, office_row
from tests.office import WANGS, Office


@pytest.fixture
def laptop(office_db: Office, tmp_path: Path):
    with Laptop(office_db, "wang", tmp_path / "wang.db") as machine:
        yield machine


def at_the_office(office_db: Office, user: str, changes: Path, reply: Path, laptop: Laptop):
    """Apply a changes file at the office, signed in as `user`; back on the laptop after."""
    close_database()
    open_database(as_user(office_db, user))
    try:
        return sync_file.apply_changes(changes, reply)
    finally:
        close_database()
        open_database(str(laptop.path))


def round_trip(office_db, laptop, tmp_path) -> sync.SyncResult:
    changes, reply = tmp_path / "out.crmsync", tmp_path / "back.crmsync"
    sync_file.write_changes(changes)
    at_the_office(office_db, "wang", changes, reply, laptop)
    return sync_file.apply_reply(reply)


def test_changes_carried_by_file_reach_the_office_and_the_reply_brings_the_office_back(
    office_db, laptop, tmp_path
):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "visited on Tuesday"})
    record = customers.create_customer({"name": "乡下的新客户"})
    followups.log_contact(record.id, channel="visit", subject="met at the fair")
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET title = '老板' WHERE name = %s", (WANGS,))
    changes, reply = tmp_path / "out.crmsync", tmp_path / "back.crmsync"
    written = sync_file.write_changes(changes)
    assert written.rows >= 4 and written.sequence == 1
    assert sync.waiting_changes() == written.rows  # not sent until the reply is applied

    sent = at_the_office(office_db, "wang", changes, reply, laptop)
    assert sent.refused == []
    assert office_row(office_db, "SELECT notes, title FROM customer WHERE name = %s", WANGS) == (
        "visited on Tuesday",
        "老板",
    )
    assert office_row(
        office_db, "SELECT count(*) FROM follow_up WHERE subject = %s", "met at the fair"
    ) == (1,)

    result = sync_file.apply_reply(reply)
    assert Customer.get_by_id(wangs).title == "老板"
    assert sync.waiting_changes() == 0 and result.conflicts == 0
    # and the network sync that follows has nothing left to do
    again = laptop.sync()
    assert (again.sent, again.received) == (0, 0)
    assert FollowUp.select().where(FollowUp.subject == "met at the fair").count() == 1


def test_a_conflict_carried_by_file_is_kept_on_the_laptop(office_db, laptop, tmp_path):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "mine"})
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET notes = 'theirs' WHERE name = %s", (WANGS,))
    result = round_trip(office_db, laptop, tmp_path)
    assert result.conflicts == 1
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == ("theirs",)
    (conflict,) = sync.conflicts()
    sync.resolve(conflict.id, sync.MINE)
    round_trip(office_db, laptop, tmp_path)
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == ("mine",)


def test_edits_after_a_reply_that_never_came_back_reach_the_office_without_a_conflict(
    office_db, laptop, tmp_path
):
    """The office applied a file but its reply was lost: the server holds the laptop's
    earlier edit, which the laptop does not know it sent. Edited again on the laptop, the
    field is not a conflict with the laptop's own earlier value: the newer edit wins."""
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "laptop 1", "title": "经理"})
    changes = tmp_path / "out.crmsync"
    sync_file.write_changes(changes)
    at_the_office(office_db, "wang", changes, tmp_path / "lost.crmsync", laptop)
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET industry = 'office' WHERE name = %s", (WANGS,))
    customers.update_customer(wangs, {"notes": "laptop 2"})

    result = laptop.sync()
    assert result.conflicts == 0 and sync.conflicts() == []
    assert office_row(
        office_db, "SELECT notes, title, industry FROM customer WHERE name = %s", WANGS
    ) == ("laptop 2", "经理", "office")
    assert Customer.get_by_id(wangs).notes == "laptop 2"
    assert sync.waiting_changes() == 0


def test_an_office_edit_after_a_lost_reply_is_still_a_conflict(office_db, laptop, tmp_path):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "laptop 1"})
    changes = tmp_path / "out.crmsync"
    sync_file.write_changes(changes)
    at_the_office(office_db, "wang", changes, tmp_path / "lost.crmsync", laptop)
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET notes = 'office' WHERE name = %s", (WANGS,))
    customers.update_customer(wangs, {"notes": "laptop 2"})

    result = laptop.sync()
    assert result.conflicts == 1
    (conflict,) = sync.conflicts()
    assert (conflict.field, conflict.local, conflict.remote) == ("notes", "laptop 2", "office")


def test_an_altered_or_cut_short_file_is_refused_and_nothing_applied(office_db, laptop, tmp_path):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "true note"})
    changes = tmp_path / "out.crmsync"
    sync_file.write_changes(changes)
    whole = changes.read_bytes()
    changes.write_bytes(whole.replace(b"true note", b"fake note"))
    with pytest.raises(CrmError, match="changed or cut short"):
        at_the_office(office_db, "wang", changes, tmp_path / "back", laptop)
    changes.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CrmError, match="changed or cut short"):
        at_the_office(office_db, "wang", changes, tmp_path / "back", laptop)
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (None,)
    assert not (tmp_path / "back").exists()
    (tmp_path / "junk").write_text("hello")
    with pytest.raises(CrmError, match="not a Desktop CRM sync file"):
        sync_file.apply_reply(tmp_path / "junk")
    messages.set_language("zh_CN")  # said in the user's language
    with pytest.raises(CrmError, match="不是 Desktop CRM 同步文件"):
        sync_file.apply_reply(tmp_path / "junk")
    with pytest.raises(CrmError, match="签名不符"):
        at_the_office(office_db, "wang", changes, tmp_path / "back", laptop)


def test_an_older_file_and_an_older_reply_are_refused(office_db, laptop, tmp_path):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "first"})
    first, second = tmp_path / "1.crmsync", tmp_path / "2.crmsync"
    sync_file.write_changes(first)
    customers.update_customer(wangs, {"notes": "second"})
    sync_file.write_changes(second)
    at_the_office(office_db, "wang", second, tmp_path / "reply2", laptop)
    with pytest.raises(CrmError, match="applied already"):
        at_the_office(office_db, "wang", first, tmp_path / "reply1", laptop)
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == ("second",)
    sync_file.apply_reply(tmp_path / "reply2")
    with pytest.raises(CrmError, match="older than what this replica already has"):
        sync_file.apply_reply(tmp_path / "reply2")


def test_a_file_from_another_replica_or_user_is_refused(office_db, laptop, tmp_path):
    changes = tmp_path / "out.crmsync"
    sync_file.write_changes(changes)
    with pytest.raises(CrmError, match="sign in as wang"):
        at_the_office(office_db, "li", changes, tmp_path / "back", laptop)
    close_database()
    other = tmp_path / "li.db"
    replica.clone(as_user(office_db, "li"), other)
    open_database(str(other))
    try:
        with pytest.raises(CrmError, match="not the office's reply to this replica"):
            sync_file.apply_reply(changes)
    finally:
        close_database()
        open_database(str(laptop.path))


def test_a_file_from_a_replica_this_office_did_not_give_out_is_refused(office_db, laptop, tmp_path):
    changes = tmp_path / "out.crmsync"
    sync_file.write_changes(changes)
    with psycopg.connect(postgres.database_url(office_db.name), autocommit=True) as conn:
        conn.execute("DELETE FROM sync_replica")  # as if it came from another office
    with pytest.raises(CrmError, match="did not give out"):
        at_the_office(office_db, "wang", changes, tmp_path / "back", laptop)
