"""Field sync: a replica's changes reach the office and the office's reach the replica,
merged field by field, conflicts kept, nothing lost or doubled.

Against the real PostgreSQL server of the test suite, signed in as the restricted users.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from desktop_crm.db import search_index
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, FollowUp, Phone, database_of
from desktop_crm.domain import customers, followups, replica, sync
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.errors import CrmError, DatabaseBusyError
from tests import postgres
from tests.office import PASSWORD, WANGS, Office


def as_user(office_db: Office, user: str) -> str:
    return postgres.database_url(office_db.name, user=user, password=PASSWORD)


class Laptop:
    """A rep's replica, opened as the app opens it, synced as `desktop-crm sync` does."""

    def __init__(self, office_db: Office, user: str, path: Path) -> None:
        self.url = as_user(office_db, user)
        self.path = path
        replica.clone(self.url, path)

    def __enter__(self) -> Laptop:
        open_database(str(self.path))
        return self

    def __exit__(self, *exc: object) -> None:
        close_database()

    def sync(self) -> sync.SyncResult:
        return sync.sync(self.url)


@pytest.fixture
def laptop(office_db: Office, tmp_path: Path):
    with Laptop(office_db, "wang", tmp_path / "wang.db") as machine:
        yield machine


def office_row(office_db: Office, query: str, *params: object) -> tuple:
    with office_db.connect("boss") as conn:
        return conn.execute(query, params).fetchone()


def test_an_edit_made_offline_reaches_the_office_and_the_office_edit_comes_back(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "prefers mornings"})
    with office_db.connect("boss") as conn:  # meanwhile, at the office: another field
        conn.execute("UPDATE customer SET title = '经理' WHERE name = %s", (WANGS,))
    assert sync.waiting_changes() > 0

    result = laptop.sync()

    assert result.refused == [] and result.conflicts == 0
    assert office_row(office_db, "SELECT notes, title FROM customer WHERE name = %s", WANGS) == (
        "prefers mornings",
        "经理",
    )
    here = Customer.get_by_id(wangs)
    assert (here.notes, here.title) == ("prefers mornings", "经理")
    assert sync.waiting_changes() == 0
    # the history travelled, naming the replica it came from
    (replica_name,) = office_row(office_db, "SELECT replica FROM change_log WHERE field = 'notes'")
    assert replica_name.startswith("wang@")


def test_syncing_twice_changes_nothing_the_second_time(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "once"})
    followups.log_contact(wangs, channel="visit", subject="a visit on the road")
    laptop.sync()
    before = office_row(office_db, "SELECT count(*), max(sync_xid::text) FROM follow_up")
    second = laptop.sync()
    assert (second.sent, second.received, second.deleted) == (0, 0, 0)
    assert office_row(office_db, "SELECT count(*), max(sync_xid::text) FROM follow_up") == before
    assert FollowUp.select().count() == before[0] - 2  # chen's and li's stay at the office


def test_new_customers_and_follow_ups_travel_both_ways(office_db, laptop):
    record = customers.create_customer({"name": "路上的新客户", "phones": ["13812345678"]})
    followups.log_contact(record.id, channel="visit", subject="first visit")
    with office_db.connect("boss") as conn:
        conn.execute(
            "INSERT INTO follow_up (uuid, customer_id, owner_id, status, channel, initiated_by,"
            " subject, occurred_at, created_at, updated_at) SELECT gen_random_uuid(), id, "
            "owner_id, 'done', 'phone', 'us', 'called from the office', now(), now(), now() "
            "FROM customer WHERE name = %s",
            (WANGS,),
        )
    result = laptop.sync()
    assert result.refused == []
    assert office_row(office_db, "SELECT count(*) FROM customer WHERE name = '路上的新客户'") == (
        1,
    )
    assert office_row(
        office_db,
        "SELECT c.name FROM follow_up f JOIN customer c ON c.id = f.customer_id "
        "WHERE f.subject = 'first visit'",
    ) == ("路上的新客户",)
    # the office's search finds it by pinyin and by phone digits
    with office_db.connect("wang") as conn:
        for text in ("lsdxkh", "5678"):
            (hits,) = conn.execute(
                "SELECT count(*) FROM crm_search(to_tsquery('simple', %s), 10)",
                (search_index.tsquery(text),),
            ).fetchone()
            assert hits == 1, text
    assert FollowUp.get(FollowUp.subject == "called from the office").customer.name == WANGS
    assert Phone.get(Phone.customer == record.id).digits == "13812345678"


def test_the_same_field_changed_on_both_sides_is_a_conflict_not_a_silent_winner(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "mine", "title": "总监"})
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET notes = 'theirs' WHERE name = %s", (WANGS,))
    result = laptop.sync()
    assert result.conflicts == 1
    # both kept: the other field went through, the conflicting one waits
    assert office_row(office_db, "SELECT notes, title FROM customer WHERE name = %s", WANGS) == (
        "theirs",
        "总监",
    )
    assert Customer.get_by_id(wangs).notes == "mine"
    (conflict,) = sync.conflicts()
    assert (conflict.field, conflict.local, conflict.remote) == ("notes", "mine", "theirs")
    assert conflict.customer_name == WANGS
    # syncing again keeps the conflict; nothing is decided for the user
    assert laptop.sync().conflicts == 1
    assert Customer.get_by_id(wangs).notes == "mine"


def test_a_rep_cannot_push_a_change_the_server_refuses(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    Customer.update(owner=None).where(Customer.id == wangs).execute()  # give it away
    result = laptop.sync()
    assert len(result.refused) == 1 and "assign" in result.refused[0]
    assert office_row(office_db, "SELECT owner_id IS NOT NULL FROM customer WHERE name = %s", WANGS)
    assert sync.waiting_changes() == 1  # kept here, not lost


def test_deleted_at_the_office_is_deleted_here(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    assert FollowUp.select().where(FollowUp.customer == wangs).count() == 1
    with office_db.connect("boss") as conn:
        conn.execute("DELETE FROM follow_up WHERE subject = 'call wang'")
    result = laptop.sync()
    assert result.deleted == 1
    assert FollowUp.select().where(FollowUp.customer == wangs).count() == 0


def search_rows_of(customer_id: int) -> int:
    sql = "SELECT COUNT(*) FROM customer_search WHERE rowid = ?"
    return database_of(Customer).execute_sql(sql, (customer_id,)).fetchone()[0]


def test_a_customer_deleted_at_the_office_leaves_nothing_searchable_here(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    assert search_rows_of(wangs) == 1
    with office_db.connect("boss") as conn:
        conn.execute("DELETE FROM customer WHERE name = %s", (WANGS,))
    laptop.sync()
    assert not Customer.select().where(Customer.id == wangs).exists()
    assert search_rows_of(wangs) == 0


def give_wangs_to_li(office_db: Office) -> None:
    with office_db.connect("boss") as conn:
        (li,) = conn.execute('SELECT id FROM "user" WHERE username = %s', ("li",)).fetchone()
        conn.execute("UPDATE customer SET owner_id = %s WHERE name = %s", (li, WANGS))


def test_a_customer_given_to_another_rep_leaves_the_replica_with_its_records(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    assert search_customers(CustomerQuery(text="wang's"))
    give_wangs_to_li(office_db)

    result = laptop.sync()

    assert result.refused == [] and result.deleted >= 1
    assert not Customer.select().where(Customer.id == wangs).exists()
    assert FollowUp.select().where(FollowUp.customer == wangs).count() == 0
    assert search_customers(CustomerQuery(text="wang's")) == []
    assert search_rows_of(wangs) == 0  # nothing of it stays searchable on the laptop
    assert {c.name for c in Customer.select()} == {"shared customer"}
    assert laptop.sync().deleted == 0  # and the next sync has nothing more to do


def test_a_customer_given_away_with_an_edit_waiting_here_stays_as_a_conflict(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "met at the fair"})
    give_wangs_to_li(office_db)

    result = laptop.sync()

    # Out of sight at the office, as if deleted there: kept here, for the user to decide.
    assert result.conflicts == 1
    assert Customer.get_by_id(wangs).notes == "met at the fair"  # not lost
    assert [c.customer_uuid for c in sync.conflicts()] == [Customer.get_by_id(wangs).uuid.hex]


def test_a_customer_given_to_this_rep_arrives_with_all_its_records(office_db, laptop):
    with office_db.connect("boss") as conn:
        (wang,) = conn.execute('SELECT id FROM "user" WHERE username = %s', ("wang",)).fetchone()
        conn.execute("UPDATE customer SET owner_id = %s WHERE name = %s", (wang, "li's customer"))

    laptop.sync()

    lis = Customer.get(Customer.name == "li's customer")
    assert [f.subject for f in FollowUp.select().where(FollowUp.customer == lis)] == ["call li"]
    assert [r.name for r in search_customers(CustomerQuery(text="li's"))] == ["li's customer"]
    assert laptop.sync().received == 0


def test_a_replica_syncs_only_as_its_own_user(office_db, laptop):
    with pytest.raises(CrmError, match="wang's"):
        sync.sync(as_user(office_db, "li"))


def test_search_finds_what_came_from_the_office(office_db, laptop):
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET name = '王大明' WHERE name = %s", (WANGS,))
    laptop.sync()
    assert [r.name for r in search_customers(CustomerQuery(text="wdm"))] == ["王大明"]


def conflict_on_notes(office_db: Office) -> sync.Conflict:
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "mine"})
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET notes = 'theirs' WHERE name = %s", (WANGS,))
    sync.sync(as_user(office_db, "wang"))
    (conflict,) = sync.conflicts()
    return conflict


@pytest.mark.parametrize(("choice", "outcome"), [(sync.MINE, "mine"), (sync.THEIRS, "theirs")])
def test_the_choice_made_in_a_conflict_syncs_to_the_office(office_db, laptop, choice, outcome):
    conflict = conflict_on_notes(office_db)
    assert conflict.remote_by == "boss" or conflict.remote_at  # who and when, as known
    sync.resolve(conflict.id, choice)
    assert sync.conflicts() == []
    laptop.sync()
    assert sync.conflicts() == []
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (outcome,)
    assert Customer.get(Customer.name == WANGS).notes == outcome
    assert laptop.sync().sent == 0


def test_a_value_typed_instead_of_either_side_syncs(office_db, laptop):
    conflict = conflict_on_notes(office_db)
    sync.resolve(conflict.id, sync.MINE, "both: mornings, not Fridays")
    laptop.sync()
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (
        "both: mornings, not Fridays",
    )


def test_trashed_at_the_office_and_edited_here_is_a_conflict(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "still a customer"})
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET deleted_at = now() WHERE name = %s", (WANGS,))
    laptop.sync()
    (conflict,) = sync.conflicts()
    assert conflict.field == "deleted_at" and conflict.local is None and conflict.remote
    # the edit itself went through; the trash waits for the user
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (
        "still a customer",
    )
    sync.resolve(conflict.id, sync.MINE)  # keep it out of the trash
    laptop.sync()
    assert office_row(office_db, "SELECT deleted_at FROM customer WHERE name = %s", WANGS) == (
        None,
    )


def test_deleted_here_and_changed_at_the_office_comes_back_as_a_conflict(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    FollowUp.delete().where(FollowUp.customer == wangs).execute()
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE follow_up SET outcome = 'they will order' WHERE subject = 'call wang'")
    laptop.sync()
    (conflict,) = sync.conflicts()
    assert conflict.kind == "deleted_here" and conflict.customer_name == WANGS
    assert FollowUp.get(FollowUp.subject == "call wang").outcome == "they will order"
    assert office_row(office_db, "SELECT count(*) FROM follow_up WHERE subject = 'call wang'") == (
        1,
    )
    sync.resolve(conflict.id, sync.MINE)  # delete it after all
    laptop.sync()
    assert office_row(office_db, "SELECT count(*) FROM follow_up WHERE subject = 'call wang'") == (
        0,
    )


def test_changed_here_and_deleted_at_the_office_is_kept_until_the_user_decides(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    followup = FollowUp.get(FollowUp.customer == wangs)
    FollowUp.update(outcome="good talk").where(FollowUp.id == followup.id).execute()
    with office_db.connect("boss") as conn:
        conn.execute("DELETE FROM follow_up WHERE subject = 'call wang'")
    laptop.sync()
    (conflict,) = sync.conflicts()
    assert conflict.kind == "deleted_there"
    assert FollowUp.get_by_id(followup.id).outcome == "good talk"
    sync.resolve(conflict.id, sync.MINE)  # it goes back to the office
    laptop.sync()
    assert office_row(office_db, "SELECT outcome FROM follow_up WHERE subject = 'call wang'") == (
        "good talk",
    )


def test_a_refused_change_can_be_given_up(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    Customer.update(owner=None).where(Customer.id == wangs).execute()
    laptop.sync()
    (conflict,) = sync.conflicts()
    assert conflict.kind == "refused" and "assign" in conflict.reason
    sync.resolve(conflict.id, sync.THEIRS)
    assert Customer.get_by_id(wangs).owner is not None
    assert sync.waiting_changes() == 0
    assert laptop.sync().refused == []


def test_a_merge_made_offline_travels_and_can_be_undone_at_the_office(office_db, laptop):
    from desktop_crm.domain import merge

    wangs = Customer.get(Customer.name == WANGS).id
    twin = customers.create_customer({"name": "王的客户（重复）", "phones": ["13900001111"]})
    followups.log_contact(twin.id, channel="visit", subject="visit of the twin")
    laptop.sync()
    merge.merge_customers(wangs, twin.id)
    laptop.sync()
    # at the office: the twin's follow-up now hangs off wang's customer, the twin is merged
    assert office_row(
        office_db,
        "SELECT c.name FROM follow_up f JOIN customer c ON c.id = f.customer_id "
        "WHERE f.subject = 'visit of the twin'",
    ) == (WANGS,)
    assert office_row(
        office_db, "SELECT merged_into_id IS NOT NULL FROM customer WHERE name = '王的客户（重复）'"
    ) == (True,)
    close_database()
    open_database(as_user(office_db, "boss"))  # the office undoes it, by the record that came
    try:
        twin_there = Customer.get(Customer.name == "王的客户（重复）").id
        merge.unmerge(other_id=twin_there)
        assert FollowUp.get(FollowUp.subject == "visit of the twin").customer_id == twin_there
    finally:
        close_database()
        open_database(str(laptop.path))
    laptop.sync()
    assert FollowUp.get(FollowUp.subject == "visit of the twin").customer.name == "王的客户（重复）"
    assert Customer.get(Customer.name == "王的客户（重复）").merged_into is None


def test_a_new_customer_whose_code_the_office_gave_meanwhile_takes_a_new_code(office_db, laptop):
    mine = customers.create_customer({"name": "路上的客户"})
    close_database()
    open_database(as_user(office_db, "li"))  # meanwhile li takes the same next code
    try:
        theirs = customers.create_customer({"name": "办公室的客户"})
    finally:
        close_database()
        open_database(str(laptop.path))
    assert theirs.code == mine.code
    assert laptop.sync().refused == []
    (code,) = office_row(office_db, "SELECT code FROM customer WHERE name = '路上的客户'")
    assert code != theirs.code and Customer.get_by_id(mine.id).code == code


def test_a_tag_made_offline_that_the_office_has_too_becomes_the_same_tag(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    with office_db.connect("boss") as conn:
        conn.execute(
            "INSERT INTO tag (uuid, name, created_at, updated_at) "
            "VALUES (gen_random_uuid(), 'VIP', now(), now())"
        )
    customers.update_customer(wangs, {"tags": ["VIP"]})
    assert laptop.sync().refused == []
    assert office_row(office_db, "SELECT count(*) FROM tag WHERE name = 'VIP'") == (1,)
    assert office_row(
        office_db,
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        "JOIN customer c ON c.id = ct.customer_id WHERE c.name = %s",
        WANGS,
    ) == ("VIP",)
    assert laptop.sync().sent == 0


def test_trash_and_restore_travel(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.trash_customers([wangs])
    laptop.sync()
    assert office_row(
        office_db, "SELECT deleted_at IS NOT NULL FROM customer WHERE name = %s", WANGS
    ) == (True,)
    customers.restore_customers([wangs])
    laptop.sync()
    assert office_row(office_db, "SELECT deleted_at FROM customer WHERE name = %s", WANGS) == (
        None,
    )


def test_orders_and_payments_made_offline_travel(office_db, laptop):
    from desktop_crm.domain import orders

    wangs = Customer.get(Customer.name == WANGS).id
    saved = orders.create_order(wangs, {"product": "茶叶", "amount": "1280.50"})
    orders.add_payment(saved.order.id, {"amount": "1000", "method": "wechat"})
    assert laptop.sync().refused == []
    assert office_row(
        office_db,
        'SELECT o.product, o.amount, p.amount, p.method FROM "order" o '
        "JOIN payment p ON p.order_id = o.id JOIN customer c ON c.id = o.customer_id "
        "WHERE c.name = %s",
        WANGS,
    ) == ("茶叶", Decimal("1280.50"), Decimal("1000.00"), "wechat")


def test_a_sync_cut_off_by_the_server_leaves_the_replica_as_it_was_and_the_next_completes(
    office_db, laptop
):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "not lost"})
    waiting = sync.waiting_changes()

    def cut_off(step: str, done: int, total: int) -> bool:
        if step == "receive" and done == 5:  # the server goes, mid-sync
            with psycopg.connect(postgres.database_url(office_db.name), autocommit=True) as c:
                c.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE usename = 'wang' AND pid <> pg_backend_pid()"
                )
        return True

    with pytest.raises(CrmError):
        sync.sync(laptop.url, progress=cut_off)
    assert sync.waiting_changes() == waiting
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (None,)
    assert laptop.sync().refused == []
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (
        "not lost",
    )
    assert sync.waiting_changes() == 0


def test_an_office_that_cannot_be_reached_is_one_clear_error(office_db, laptop):
    unreachable = laptop.url.replace(f"/{office_db.name}", "/no_such_database")
    with pytest.raises(CrmError, match="no_such_database"):
        sync.sync(unreachable)
    assert sync.waiting_changes() == 0


def test_an_order_number_the_office_gave_meanwhile_is_taken_anew(office_db, laptop):
    from desktop_crm.domain import orders

    wangs = Customer.get(Customer.name == WANGS).id
    mine = orders.create_order(wangs, {"product": "路上卖的", "amount": "10"}).order
    close_database()
    open_database(as_user(office_db, "wang"))
    try:
        theirs = orders.create_order(wangs, {"product": "办公室卖的", "amount": "20"}).order
    finally:
        close_database()
        open_database(str(laptop.path))
    assert theirs.order_no == mine.order_no
    assert laptop.sync().refused == []
    (number,) = office_row(office_db, "SELECT order_no FROM \"order\" WHERE product = '路上卖的'")
    assert number != theirs.order_no
    assert orders.get_order(mine.id).order_no == number  # and the laptop has it too


def test_phones_added_on_both_sides_are_all_kept_once(office_db, laptop):
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"phones": ["13800000001"]})
    laptop.sync()
    customers.update_customer(wangs, {"phones": ["13800000001", "13800000002"]})
    close_database()
    open_database(as_user(office_db, "boss"))
    try:
        customers.update_customer(wangs, {"phones": ["13800000001", "13800000003"]})
    finally:
        close_database()
        open_database(str(laptop.path))
    laptop.sync()
    here = sorted(p.digits for p in Phone.select().where(Phone.customer == wangs))
    with office_db.connect("boss") as conn:
        there = sorted(
            row[0]
            for row in conn.execute(
                "SELECT p.digits FROM phone p JOIN customer c ON c.id = p.customer_id "
                "WHERE c.name = %s",
                (WANGS,),
            )
        )
    assert here == there == ["13800000001", "13800000002", "13800000003"]


def test_a_sync_stopped_after_the_server_committed_does_not_turn_the_next_edit_into_a_conflict(
    office_db, laptop
):
    """Another program holds the laptop's database when the server's half has committed,
    so the laptop never learns that its edit arrived. The next edit of the same field is
    sent as it is, not held as a conflict with the laptop's own earlier value."""
    wangs = Customer.get(Customer.name == WANGS).id
    customers.update_customer(wangs, {"notes": "laptop 1"})
    database_of(Customer).execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(laptop.path, isolation_level=None)

    def lock_the_laptop(step: str, done: int, total: int) -> bool:
        if step == "commit":
            other.execute("BEGIN IMMEDIATE")
        return True

    with pytest.raises(DatabaseBusyError):
        sync.sync(laptop.url, progress=lock_the_laptop)
    other.execute("ROLLBACK")
    other.close()
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (
        "laptop 1",
    )
    customers.update_customer(wangs, {"notes": "laptop 2"})

    assert laptop.sync().conflicts == 0
    assert office_row(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == (
        "laptop 2",
    )
    assert sync.waiting_changes() == 0
