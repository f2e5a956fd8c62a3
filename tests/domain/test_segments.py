"""Saved filters come back as the same query; users own customers."""

from __future__ import annotations

import pytest

from desktop_crm.domain import segments, users
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.errors import NotFoundError, ValidationError


def test_a_saved_segment_returns_the_same_query(db):
    query = CustomerQuery(text="张", grade="A", level=4, city="北京", followup_due=True)
    segments.save_segment("北京 A 客户", query)
    assert segments.segment_query("北京 A 客户") == query
    assert segments.segment_names() == ["北京 A 客户"]


def test_saving_under_an_existing_name_replaces_it(db):
    segments.save_segment("重点", CustomerQuery(grade="A"))
    segments.save_segment("重点", CustomerQuery(grade="B"))
    assert segments.segment_query("重点").grade == "B"
    assert segments.segment_names() == ["重点"]


def test_a_segment_needs_a_name(db):
    with pytest.raises(ValidationError):
        segments.save_segment("  ", CustomerQuery())


def test_deleted_segments_are_gone(db):
    segments.save_segment("临时", CustomerQuery())
    segments.delete_segment("临时")
    with pytest.raises(NotFoundError):
        segments.segment_query("临时")


def test_users_are_unique_by_username(db):
    users.create_user("li", "李销售")
    with pytest.raises(ValidationError) as err:
        users.create_user("li")
    assert "username" in err.value.errors
    assert [u.display_name for u in users.list_users()] == ["李销售"]
