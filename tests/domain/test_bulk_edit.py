"""Bulk edits change many customers in one step and can be undone."""

from __future__ import annotations

import pytest

from desktop_crm.db.models import User
from desktop_crm.domain import customers
from desktop_crm.domain.bulk_edit import bulk_update, undo_bulk_update
from desktop_crm.domain.history import customer_history
from desktop_crm.errors import ValidationError


@pytest.fixture
def three(db):
    return [
        customers.create_customer({"name": n, "grade": "C", "tags": ["老客户"]}).id
        for n in ("张三", "李四", "王五")
    ]


def test_a_bulk_edit_changes_every_customer_and_records_history(three):
    change = bulk_update(three, "grade", "A", changed_by="li")
    assert {customers.get_customer(c).grade for c in three} == {"A"}
    assert set(change.old_values.values()) == {"C"}
    assert all(
        any(h.field == "grade" and h.new_value == "A" for h in customer_history(c)) for c in three
    )


def test_undo_puts_back_each_old_value(three):
    customers.update_customer(three[0], {"grade": "B"})
    change = bulk_update(three, "grade", "A")
    undo_bulk_update(change)
    assert [customers.get_customer(c).grade for c in three] == ["B", "C", "C"]


def test_tags_are_added_and_removed_without_touching_the_others(three):
    change = bulk_update(three, "add_tag", "展会")
    assert customers.get_customer(three[0]).tags == ["老客户", "展会"]
    bulk_update(three, "remove_tag", "老客户")
    assert customers.get_customer(three[1]).tags == ["展会"]
    undo_bulk_update(change)
    assert customers.get_customer(three[2]).tags == ["老客户"]  # as before the first step


def test_an_invalid_value_changes_nobody(three):
    with pytest.raises(ValidationError):
        bulk_update(three, "owner", "nobody")
    User.create(username="li", display_name="李")
    bulk_update(three, "owner", "li")
    assert {customers.get_customer(c).owner for c in three} == {"li"}


def test_trashed_customers_are_left_alone(three):
    customers.trash_customers([three[0]])
    change = bulk_update(three, "grade", "A")
    assert three[0] not in change.old_values
    assert customers.get_customer(three[0]).grade == "C"
