"""Merging two customers keeps every record of both; unmerging puts every record back."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop_crm.db import migrations
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import (
    ALL_MODELS,
    ChangeLog,
    Complaint,
    Customer,
    CustomerMerge,
    Order,
    Payment,
    Shipment,
    Survey,
    database,
)
from desktop_crm.domain import customers, followups, history, orders
from desktop_crm.domain.customers import add_relation, create_customer, get_customer
from desktop_crm.domain.merge import (
    MergeError,
    merge_conflicts,
    merge_customers,
    merges_of,
    unmerge,
)
from desktop_crm.domain.search import CustomerQuery, customer_ids
from desktop_crm.domain.users import create_user
from desktop_crm.errors import NotFoundError, ValidationError


def table_counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in ALL_MODELS}


def rows_of(customer_id: int) -> dict[str, int]:
    """How many rows of each table point at this customer."""
    counts = {}
    for model in ALL_MODELS:
        for fk in model._meta.refs:
            if fk.rel_model is Customer and model not in (Customer, CustomerMerge):
                counts[f"{model._meta.table_name}.{fk.name}"] = (
                    model.select().where(fk == customer_id).count()
                )
    return counts


def full_pair() -> tuple[Any, Any, Any]:
    """Two customers with something in every table, and a third they relate to."""
    create_user("alice", "Alice")
    create_user("bob", "Bob")
    third = create_customer({"name": "王五"})
    keep = create_customer(
        {
            "name": "张三",
            "phones": ["13800138000"],
            "emails": ["zs@example.com"],
            "tags": ["VIP"],
            "city": "北京",
            "owner": "alice",
            "notes": "老客户",
            "addresses": [{"province": "北京", "city": "北京", "street": "中关村大街1号"}],
            "contacts": [{"name": "助理小李", "phones": ["13500135000"], "is_primary": True}],
        }
    )
    other = create_customer(
        {
            "name": "张三",
            "phones": ["13800138000", "13900139000"],
            "emails": ["zhang.san@example.com"],
            "tags": ["VIP", "展会"],
            "company_name": "武当派",
            "birthday": "1985-03-12",
            "owner": "bob",
            "notes": "展会认识",
            "stars": 4,
            "messengers": [{"service": "wechat", "handle": "zs_wx"}],
            "addresses": [
                {"province": "北京", "city": "北京", "street": "中关村大街1号"},
                {"province": "上海", "city": "上海", "street": "南京路2号"},
            ],
            "contacts": [
                {
                    "name": "秘书小王",
                    "phones": ["13600136000"],
                    "emails": ["w@example.com"],
                    "is_primary": True,
                }
            ],
        }
    )
    referred = create_customer({"name": "赵六", "referred_by": other.code})
    followups.log_contact(other.id, channel="visit", subject="拜访", occurred_at="2024-01-05 10:00")
    followups.plan_followup(other.id, datetime(2030, 1, 1, 9), subject="回访")
    followups.plan_followup(keep.id, datetime(2030, 6, 1, 9), subject="送样品")
    saved = orders.create_order(
        other.id,
        {
            "order_date": date(2024, 2, 1),
            "product": "茶叶",
            "amount": "1200.00",
            "order_no": "SO-1",
        },
    )
    order = Order.get_by_id(saved.order.id)
    Shipment.create(order=order, shipped_on=date(2024, 2, 3))
    orders.add_payment(order.id, {"paid_on": date(2024, 2, 10), "amount": "1200.00"})
    Complaint.create(customer=other.id, description="包装破损")
    Survey.create(customer=other.id, surveyed_on=date(2024, 3, 1), satisfaction=4)
    add_relation(other.id, third.id, "colleague")
    add_relation(other.id, keep.id, "family")
    return get_customer(keep.id), get_customer(other.id), get_customer(referred.id)


def test_merge_keeps_every_record_and_unmerge_puts_every_record_back(db: Any) -> None:
    keep, other, referred = full_pair()
    before_tables = table_counts()
    before_keep, before_other = rows_of(keep.id), rows_of(other.id)

    result = merge_customers(keep.id, other.id, {"notes": "other"}, changed_by="alice")

    after_tables = table_counts()
    # Nothing is lost: the same rows in every table, plus the merge record and its history.
    assert {t: n for t, n in after_tables.items() if t not in ("change_log", "customer_merge")} == {
        t: n for t, n in before_tables.items() if t not in ("change_log", "customer_merge")
    }
    assert after_tables["customer_merge"] == before_tables["customer_merge"] + 1
    merged = get_customer(keep.id)
    assert [p.number for p in merged.phones] == ["13800138000", "13900139000"]  # no double
    assert [e.address for e in merged.emails] == ["zs@example.com", "zhang.san@example.com"]
    assert merged.tags == ["VIP", "展会"]
    assert [a.street for a in merged.addresses] == ["中关村大街1号", "南京路2号"]
    assert [m.handle for m in merged.messengers] == ["zs_wx"]
    assert sorted(c.name for c in merged.contacts) == ["助理小李", "秘书小王"]
    assert (merged.company_name, merged.birthday, merged.stars) == ("武当派", date(1985, 3, 12), 4)
    assert (merged.notes, merged.owner) == ("展会认识", "alice")  # chosen / kept
    assert merged.status == "existing" and merged.first_purchase_on == date(2024, 2, 1)
    assert get_customer(referred.id).referred_by == keep.code
    assert sorted(t.subject for t in followups.customer_timeline(keep.id)) == sorted(
        ["送样品", "回访", "拜访"]
    )
    for model in (Order, Payment, Complaint, Survey):
        assert model.select().where(model.customer == other.id).count() == 0
        assert model.select().where(model.customer == keep.id).count() == 1
    assert {r.other_code for r in merged.relations} == {"C000001", other.code}
    gone = Customer.get_by_id(other.id)
    assert gone.deleted_at is not None and gone.merged_into_id == keep.id
    assert "merged_from" in {h.field for h in history.customer_history(keep.id)}
    assert [h.field for h in history.customer_history(other.id)][0] == "merged_into"
    assert result.moved["follow_up.customer_id"] == 2 and "notes" in result.fields
    (info,) = merges_of(keep.id)
    assert (info.kept_id, info.kept_code, info.other_id, info.other_code, info.changed_by) == (
        keep.id,
        keep.code,
        other.id,
        other.code,
        "alice",
    )
    assert other.id not in customer_ids(CustomerQuery(text="13900139000"))

    undone = unmerge(result.merge_id, changed_by="alice")

    assert table_counts() == {**after_tables, "change_log": table_counts()["change_log"]}
    assert rows_of(keep.id) == {
        **before_keep,
        "change_log.customer": rows_of(keep.id)["change_log.customer"],
    }
    assert rows_of(other.id) == {
        **before_other,
        "change_log.customer": rows_of(other.id)["change_log.customer"],
    }
    assert not undone.missing and not undone.fields_changed_since
    back_keep, back_other = get_customer(keep.id), get_customer(other.id)
    for name in customers.SCALAR_FIELDS + ("phones", "emails", "tags", "addresses", "messengers"):
        assert getattr(back_keep, name) == getattr(keep, name), name
        assert getattr(back_other, name) == getattr(other, name), name
    assert sorted(c.name for c in back_other.contacts) == ["秘书小王"]
    assert [c.is_primary for c in back_other.contacts] == [True]
    assert back_other.deleted_at is None and Customer.get_by_id(other.id).merged_into_id is None
    assert get_customer(referred.id).referred_by == other.code
    assert other.id in customer_ids(CustomerQuery(text="13900139000"))
    # Both histories keep the whole story, the other customer's own rows back with it.
    assert {"create", "merge", "unmerge"} <= {h.action for h in history.customer_history(other.id)}
    assert (
        ChangeLog.select()
        .where(
            (ChangeLog.customer == other.id)
            & (ChangeLog.action == "create")
            & (ChangeLog.entity == "customer")
        )
        .count()
        == 1
    )


def test_conflicts_are_listed_and_each_is_chosen(db: Any) -> None:
    a = create_customer({"name": "张三", "city": "北京", "gender": "male", "notes": "A"})
    b = create_customer({"name": "张叁", "city": "上海", "notes": "B", "title": "经理"})
    conflicts = {c.field: (c.keep_value, c.other_value) for c in merge_conflicts(a.id, b.id)}
    assert conflicts == {"name": ("张三", "张叁"), "city": ("北京", "上海"), "notes": ("A", "B")}
    merge_customers(a.id, b.id, {"name": "other", "city": "keep"})
    merged = get_customer(a.id)
    assert (merged.name, merged.city, merged.notes, merged.title, merged.gender) == (
        "张叁",
        "北京",
        "A",
        "经理",
        "male",
    )
    assert Customer.get_by_id(a.id).sort_key.startswith("zhang san")


def test_bad_choices_and_bad_pairs_are_refused(db: Any) -> None:
    a = create_customer({"name": "张三"})
    b = create_customer({"name": "李四"})
    with pytest.raises(ValidationError, match="colour"):
        merge_customers(a.id, b.id, {"colour": "keep"})
    with pytest.raises(ValidationError, match="keep, other"):
        merge_customers(a.id, b.id, {"name": "both"})
    with pytest.raises(MergeError, match="itself"):
        merge_customers(a.id, a.id)
    with pytest.raises(NotFoundError):
        merge_customers(a.id, 999)
    merge_customers(a.id, b.id)
    with pytest.raises(MergeError, match="merged into another customer"):
        merge_customers(a.id, b.id)
    customers.trash_customers([a.id])
    c = create_customer({"name": "王五"})
    with pytest.raises(MergeError, match="in the trash"):
        merge_customers(a.id, c.id)


def test_fields_edited_after_the_merge_keep_their_new_value(db: Any) -> None:
    a = create_customer({"name": "张三"})
    b = create_customer({"name": "张三", "company_name": "武当派", "city": "北京"})
    merge_customers(a.id, b.id)
    customers.update_customer(a.id, {"company_name": "峨眉派"})
    result = unmerge(kept_id=a.id)
    assert result.fields_changed_since == ["company_name"]
    assert get_customer(a.id).company_name == "峨眉派"  # the user's later edit stays
    assert get_customer(a.id).city is None  # the merge's own change is undone
    assert get_customer(b.id).company_name == "武当派"


def test_rows_deleted_since_are_counted_missing(db: Any) -> None:
    a = create_customer({"name": "张三", "phones": ["13800138000"]})
    b = create_customer({"name": "张三", "phones": ["13900139000"]})
    merge_customers(a.id, b.id)
    customers.update_customer(a.id, {"phones": ["13800138000"]})  # the moved phone removed
    result = unmerge(other_id=b.id)
    assert result.missing == {"phone.customer_id": 1}
    assert get_customer(b.id).phones == []


def test_unmerge_twice_or_out_of_order_is_refused(db: Any) -> None:
    a, b, c = (create_customer({"name": n}) for n in ("甲", "乙", "丙"))
    first = merge_customers(a.id, b.id)
    merge_customers(c.id, a.id)
    with pytest.raises(MergeError, match="undo that first"):
        unmerge(first.merge_id)
    unmerge(other_id=a.id)
    unmerge(first.merge_id)
    with pytest.raises(MergeError, match="undone already"):
        unmerge(first.merge_id)
    with pytest.raises(NotFoundError):
        unmerge(kept_id=a.id)
    assert all(get_customer(x.id).deleted_at is None for x in (a, b, c))


def test_planned_followups_set_the_next_date_of_the_merged_customer(db: Any) -> None:
    a = create_customer({"name": "张三"})
    b = create_customer({"name": "张三"})
    soon = datetime(2031, 1, 1, 9)
    followups.plan_followup(b.id, soon, subject="回访")
    followups.plan_followup(a.id, soon + timedelta(days=30), subject="送样品")
    merge_customers(a.id, b.id)
    assert Customer.get_by_id(a.id).next_followup_at.date() == soon.date()
    unmerge(kept_id=a.id)
    assert Customer.get_by_id(a.id).next_followup_at.date() == (soon + timedelta(days=30)).date()
    assert Customer.get_by_id(b.id).next_followup_at.date() == soon.date()


def test_a_schema_1_database_gets_the_merge_tables(db_path: Any) -> None:
    open_database(str(db_path))
    create_customer({"name": "张三"})
    close_database()
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE customer_merge")
    con.execute("DROP TABLE import_update")
    con.execute("UPDATE schema_version SET version = 1")
    con.commit()
    con.close()
    open_database(str(db_path))
    try:
        assert migrations.schema_version(database.obj) == migrations.CURRENT_VERSION
        assert {"customer_merge", "import_update"} <= set(database.get_tables())
        b = create_customer({"name": "张三"})
        merge_customers(1, b.id)
        assert CustomerMerge.select().count() == 1
    finally:
        close_database()


def test_a_merged_customer_is_neither_in_the_trash_nor_restorable_from_it(db):
    from desktop_crm.domain import customers as service
    from desktop_crm.domain.merge import merge_customers
    from desktop_crm.domain.search import CustomerQuery, search_customers

    kept = service.create_customer({"name": "张三", "phones": ["13800138000"]})
    other = service.create_customer({"name": "张三", "emails": ["zs@example.com"]})
    merge_customers(kept.id, other.id, {})
    assert search_customers(CustomerQuery(trashed=True)) == []
    assert service.restore_customers([other.id]) == 0
    assert service.get_customer(other.id).deleted_at is not None


def test_merge_errors_are_phrased_in_the_users_language(db: Any) -> None:
    from desktop_crm.domain import messages

    a, b = create_customer({"name": "张三"}), create_customer({"name": "李四"})
    merge_customers(a.id, b.id)
    messages.set_language("zh_CN")
    try:
        with pytest.raises(MergeError, match="已被合并到其他客户"):
            merge_customers(a.id, b.id)
        with pytest.raises(MergeError, match="不能把客户与自己合并"):
            merge_customers(a.id, a.id)
        unmerge(kept_id=a.id)
        with pytest.raises(NotFoundError, match="没有可撤销的合并"):
            unmerge(kept_id=a.id)
    finally:
        messages.set_language("en")


def test_unmerge_of_a_survivor_moved_to_the_trash_says_to_restore_it_first(db: Any) -> None:
    a, b = create_customer({"name": "张三"}), create_customer({"name": "张三"})
    merge_customers(a.id, b.id)
    customers.trash_customers([a.id])
    with pytest.raises(MergeError, match="restore it first"):
        unmerge(kept_id=a.id)


def test_record_counts_add_up_after_a_merge(db: Any) -> None:
    from desktop_crm.domain.merge import record_counts

    a = create_customer({"name": "张三", "tags": ["VIP"]})
    b = create_customer({"name": "张三", "tags": ["VIP", "北京"], "kind": "enterprise"})
    followups.log_contact(a.id, channel="phone", subject="电话")
    followups.log_contact(b.id, channel="visit", subject="拜访")
    before = record_counts(a.id), record_counts(b.id)
    assert (before[0].followups, before[1].followups, before[1].tags) == (1, 1, 2)
    merge_customers(a.id, b.id)
    after = record_counts(a.id)
    assert (after.followups, after.orders, after.tags) == (2, 0, 2)  # VIP once
    assert record_counts(b.id).followups == 0
