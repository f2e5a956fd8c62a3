"""Seeing what others changed: each look reports the customers, follow-ups and orders
written since the previous look, even by a computer whose clock is behind."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from desktop_crm.db.models import Customer, Order, utcnow
from desktop_crm.domain import customers, followups
from desktop_crm.domain.changes import ChangeWatcher


def test_the_first_look_sets_the_start_and_reports_nothing(db):
    customers.create_customer({"name": "张三"})
    assert not ChangeWatcher().look()


def test_a_new_or_edited_customer_is_reported_once(db):
    old = customers.create_customer({"name": "张三"})
    watcher = ChangeWatcher()
    watcher.look()
    new = customers.create_customer({"name": "李四"})
    customers.update_customer(old.id, {"city": "杭州"})
    changes = watcher.look()
    assert changes.customers == {old.id, new.id} and changes.list_changed
    assert not watcher.look()  # nothing since


def test_an_edit_changes_rows_and_a_trashing_changes_the_list(db):
    record = customers.create_customer({"name": "张三"})
    Customer.update(created_at=utcnow() - timedelta(days=30)).execute()  # an old customer
    watcher = ChangeWatcher()
    watcher.look()
    customers.update_customer(record.id, {"city": "杭州"})
    edited = watcher.look()
    assert edited.customers == {record.id} and not edited.list_changed
    customers.trash_customers([record.id])
    assert watcher.look().list_changed


def test_follow_ups_and_orders_name_their_customer(db):
    record = customers.create_customer({"name": "张三"})
    watcher = ChangeWatcher()
    watcher.look()
    followups.log_contact(record.id, channel="phone", subject="回访")
    Order.create(
        customer=record.id,
        order_no="SO1",
        order_date=date(2024, 5, 1),
        product="茶叶",
        amount=Decimal("10"),
    )
    changes = watcher.look()
    assert changes.followups == {record.id} and changes.orders == {record.id}


def test_a_change_from_a_computer_whose_clock_is_behind_is_still_seen(db):
    record = customers.create_customer({"name": "张三"})
    watcher = ChangeWatcher()
    watcher.look()
    late = utcnow() - timedelta(minutes=5)  # written "five minutes ago" by a slow clock
    Customer.update(city="苏州", updated_at=late).where(Customer.id == record.id).execute()
    assert watcher.look().customers == {record.id}


def test_a_row_changed_outside_the_window_is_not_read(db):
    record = customers.create_customer({"name": "张三"})
    watcher = ChangeWatcher(window=timedelta(minutes=10))
    watcher.look()
    long_ago = utcnow() - timedelta(hours=1)
    Customer.update(updated_at=long_ago).where(Customer.id == record.id).execute()
    watcher.look()
    assert not watcher.look(now=utcnow() + timedelta(minutes=20))
