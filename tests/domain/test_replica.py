"""Taking a replica out: a rep's laptop copy holds what the server lets them see, no more.

Against the real PostgreSQL server of the test suite, signed in as the restricted users.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, CustomerRelation, FollowUp, Setting
from desktop_crm.domain import customers, followups, replica
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.errors import CrmError
from tests import postgres
from tests.office import CHENS, PASSWORD, WANGS, Office


def as_user(office_db: Office, user: str) -> str:
    return postgres.database_url(office_db.name, user=user, password=PASSWORD)


def names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM customer")}


def test_a_reps_replica_holds_their_own_and_shared_customers_only(office_db, tmp_path):
    laptop = tmp_path / "laptop.db"
    result = replica.clone(as_user(office_db, "wang"), laptop)
    assert result.path == laptop and result.customers == 2
    assert names(laptop) == {WANGS, "shared customer"}
    assert not (tmp_path / "laptop.db.part").exists()
    open_database(str(laptop))
    try:
        # what hangs off the customers came along; the other reps' follow-ups did not
        assert {f.subject for f in FollowUp.select()} == {"call wang"}
        # searchable offline, and worked on offline through the same services
        assert [r.name for r in search_customers(CustomerQuery(text="wang"))] == [WANGS]
        record = customers.create_customer({"name": "路上的新客户"})
        followups.log_contact(record.id, channel="visit", subject="first visit")
        origin = {s.key: s.value for s in Setting.select().where(Setting.key.startswith("sync."))}
        assert origin["sync.user"] == "wang"
        assert origin["sync.origin"].endswith(f"/{office_db.name}")
        assert PASSWORD not in origin["sync.origin"]
        assert len(origin["sync.replica"]) == 36
    finally:
        close_database()


def test_a_manager_takes_their_team_and_an_admin_everything(office_db, tmp_path):
    replica.clone(as_user(office_db, "zhao"), tmp_path / "zhao.db")
    replica.clone(as_user(office_db, "boss"), tmp_path / "boss.db")
    assert names(tmp_path / "zhao.db") == {WANGS, "li's customer", "shared customer"}
    assert names(tmp_path / "boss.db") == set(office_db.ids)


def test_what_points_to_a_customer_the_rep_may_not_see_is_left_out(office_db, pg_url, tmp_path):
    wangs, chens = office_db.ids[WANGS], office_db.ids[CHENS]
    open_database(pg_url)
    customers.add_relation(wangs, chens, "friend")
    customers.add_relation(wangs, office_db.ids["shared customer"], "colleague")
    Customer.update(referred_by=chens).where(Customer.id == wangs).execute()
    close_database()
    laptop = tmp_path / "laptop.db"
    replica.clone(as_user(office_db, "wang"), laptop)
    open_database(str(laptop))
    try:
        assert [r.kind for r in CustomerRelation.select()] == ["colleague"]
        assert Customer.get_by_id(wangs).referred_by_id is None
        assert Customer.select().where(Customer.name == CHENS).count() == 0
    finally:
        close_database()


def test_an_existing_file_is_never_written_over(office_db, tmp_path):
    laptop = tmp_path / "laptop.db"
    laptop.write_bytes(b"work not yet synced")
    with pytest.raises(CrmError, match="exists already"):
        replica.clone(as_user(office_db, "wang"), laptop)
    assert laptop.read_bytes() == b"work not yet synced"


def test_a_cancelled_clone_leaves_no_file(office_db, tmp_path):
    laptop = tmp_path / "laptop.db"
    seen: list[str] = []

    def stop_at_follow_ups(table: str, done: int, total: int) -> bool:
        seen.append(table)
        return table != "follow_up"

    with pytest.raises(replica.Cancelled):
        replica.clone(as_user(office_db, "wang"), laptop, progress=stop_at_follow_ups)
    assert "customer" in seen
    assert list(tmp_path.iterdir()) == []


def test_a_wrong_password_or_a_local_file_is_refused_in_one_line(office_db, tmp_path):
    wrong = postgres.database_url(office_db.name, user="wang", password="not it")
    with pytest.raises(CrmError, match="wrong user name or password for wang"):
        replica.clone(wrong, tmp_path / "laptop.db")
    with pytest.raises(CrmError, match="taken from an office database"):
        replica.clone(str(tmp_path / "other.db"), tmp_path / "laptop.db")
    assert list(tmp_path.iterdir()) == []
