"""The change log as the history view reads it: who, when, which field, old → new, and
the replica a change was made on."""

from __future__ import annotations

from desktop_crm.db.models import ChangeLog
from desktop_crm.domain import customers
from desktop_crm.domain.history import customer_history


def test_a_change_made_here_names_no_replica(db):
    record = customers.create_customer({"name": "张三"})
    customers.update_customer(record.id, {"title": "经理"}, changed_by="li")
    newest = customer_history(record.id)[0]
    assert (newest.changed_by, newest.field, newest.new_value) == ("li", "title", "经理")
    assert newest.replica is None


def test_a_change_synced_from_a_replica_names_it(db):
    record = customers.create_customer({"name": "张三"})
    customers.update_customer(record.id, {"title": "经理"}, changed_by="wang")
    ChangeLog.update(replica="wang@laptop").where(ChangeLog.field == "title").execute()
    (entry,) = [e for e in customer_history(record.id) if e.field == "title"]
    assert (entry.changed_by, entry.replica) == ("wang", "wang@laptop")
