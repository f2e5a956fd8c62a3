"""The two sides of a sync conflict as people read them, and the value they may type
instead: references named, times read, typed values checked by the field's rules."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

import pytest

from desktop_crm.db.models import Customer, FollowUp, User
from desktop_crm.domain import conflict_values, customers, followups
from desktop_crm.domain.users import create_user
from desktop_crm.errors import CrmError, ValidationError


def test_each_kind_of_field_reads_as_a_plain_value(db):
    assert conflict_values.readable("customer", "birthday", "1985-03-12") == date(1985, 3, 12)
    assert conflict_values.readable("follow_up", "due_at", "2026-12-07 14:02:00.000000") == (
        datetime(2026, 12, 7, 14, 2)
    )
    assert conflict_values.readable("customer", "credit_limit", "5000") == Decimal("5000")
    assert conflict_values.readable("customer", "shared", 1) is True
    assert conflict_values.readable("customer", "stars", 3) == 3
    assert conflict_values.readable("customer", "notes", None) is None


def test_a_reference_reads_as_the_name_of_its_row(db):
    create_user("chen", "陈静")
    chen = User.get(User.username == "chen")
    assert conflict_values.readable("customer", "owner", UUID(str(chen.uuid)).hex) == "陈静"
    record = customers.create_customer({"name": "张三"})
    assert conflict_values.readable("follow_up", "customer", UUID(record.uuid).hex) == "张三"


def test_a_row_is_named_by_what_a_person_knows_it_by(db):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    followups.log_contact(record.id, channel="phone", subject="回访报价")
    follow_up = FollowUp.get(FollowUp.customer == record.id)
    customer = Customer.get_by_id(record.id)
    assert conflict_values.row_title("follow_up", UUID(str(follow_up.uuid)).hex) == "回访报价"
    assert conflict_values.row_title("customer", UUID(str(customer.uuid)).hex) == "张三"
    assert conflict_values.row_title("follow_up", "0" * 32) is None  # not here
    assert conflict_values.row_title("no_such_table", "0" * 32) is None


def test_text_numbers_and_dates_may_be_typed_references_flags_and_times_not(db):
    for table, field in (
        ("customer", "title"),
        ("customer", "notes"),
        ("customer", "stage"),
        ("customer", "birthday"),
        ("follow_up", "subject"),
        ("order", "amount"),
        ("payment", "paid_on"),
    ):
        assert conflict_values.can_type(table, field), (table, field)
    for table, field in (
        ("customer", "owner"),
        ("customer", "shared"),
        ("customer", "deleted_at"),
        ("customer", "updated_at"),
        ("customer", "sort_key"),
        ("follow_up", "due_at"),
        ("follow_up", "customer"),
        ("customer", "no_such_field"),
    ):
        assert not conflict_values.can_type(table, field), (table, field)
    assert conflict_values.takes_lines("customer", "notes")
    assert not conflict_values.takes_lines("customer", "title")


def test_a_typed_value_is_checked_by_the_rules_of_its_field(db):
    assert conflict_values.typed_value("customer", "title", "  Sales   director ") == (
        "Sales director"
    )
    assert conflict_values.typed_value("customer", "birthday", "1985/3/12") == "1985-03-12"
    assert conflict_values.typed_value("customer", "credit_limit", "5,000") == "5000"
    assert conflict_values.typed_value("customer", "stage", "loyal") == "loyal"
    assert conflict_values.typed_value("follow_up", "subject", " 回访 ") == "回访"
    with pytest.raises(ValidationError) as too_long:
        conflict_values.typed_value("customer", "title", "x" * 101)
    assert too_long.value.errors == {"title": "is longer than 100 characters"}
    with pytest.raises(ValidationError) as not_a_stage:
        conflict_values.typed_value("customer", "stage", "best")
    assert "stage" in not_a_stage.value.errors
    with pytest.raises(ValidationError):
        conflict_values.typed_value("customer", "name", "   ")  # a customer needs a name
    with pytest.raises(ValidationError):
        conflict_values.typed_value("order", "amount", "a lot")
    with pytest.raises(CrmError):
        conflict_values.typed_value("customer", "owner", "chen")
