"""The bulk write path stores exactly what the customer service stores, much faster."""

from __future__ import annotations

import dataclasses
import gc
import uuid
from datetime import date
from decimal import Decimal

import pytest

from desktop_crm.db import dialect, search_index
from desktop_crm.db.connection import is_sqlite
from desktop_crm.db.models import ChangeLog, Customer, Tag, User, database
from desktop_crm.domain import bulk, customers
from desktop_crm.domain.bulk import NewCustomer, bulk_insert_customers
from desktop_crm.domain.history import customer_history

RICH = {
    "name": "曾建国",
    "kind": "individual",
    "gender": "male",
    "birthday": "1980-05-04",
    "lunar_birthday_month": 3,
    "lunar_birthday_day": 19,
    "title": "经理",
    "company_name": "杭州华远软件有限公司",
    "source": "referral",
    "status": "existing",
    "stage": "loyal",
    "grade": "A",
    "stars": 4,
    "credit_rating": "AA",
    "credit_limit": "50000",
    "relationship_level": 4,
    "preferences": "喜欢喝茶",
    "family_notes": "女儿在上大学",
    "notes": "老客户，转介绍过两位朋友",
    "external_id": "ext-7",
    "phones": ["138 0013 8000", {"number": "010-6234 5678", "label": "work"}],
    "emails": ["Zeng.JG@Example.com"],
    "messengers": [{"handle": "zengjg", "service": "wechat"}],
    "addresses": [
        {
            "label": "work",
            "country": "中国",
            "province": "浙江省",
            "city": "杭州市",
            "district": "西湖区",
            "street": "文三路 90 号",
            "postcode": "310012",
        },
        {"label": "home", "province": "浙江省", "city": "杭州市", "district": "拱墅区"},
    ],
    "contacts": [
        {
            "name": "单小红",
            "title": "助理",
            "is_primary": True,
            "phones": ["13912345678"],
            "emails": ["xiaohong@example.com"],
        },
        {"name": "Mary Smith", "department": "Sales", "phones": ["+1 212 694 1079"]},
    ],
    "tags": ["VIP", "老客户"],
}

ENTERPRISE = {
    "name": "深圳鑫博腾飞科技有限公司",
    "kind": "enterprise",
    "industry": "电子",
    "company_size": "50-249",
    "website": "www.xinbo.example.com",
    "city": "深圳市",
    "phones": ["0755-2368 1234"],
    "addresses": [{"province": "广东省", "city": "深圳市", "district": "南山区"}],
    "tags": ["老客户", "展会客户"],
}

# Fields that differ by nature between two stored copies of the same customer.
IDENTITY = ("id", "uuid", "code", "created_at", "updated_at")


def comparable(record: customers.CustomerRecord) -> dict:
    values = dataclasses.asdict(record)
    for name in IDENTITY:
        values.pop(name)
    for contact in values["contacts"]:
        contact.pop("id")
    return values


def via_bulk(data: dict, **kwargs) -> customers.CustomerRecord:
    clean = customers.validate_customer(data)
    [cid] = bulk_insert_customers([NewCustomer.from_validated(clean)], **kwargs)
    return customers.get_customer(cid)


def search_ids(text: str) -> set[int]:
    sql, params = search_index.matching_ids_sql(database.obj, text)
    return {row[0] for row in database.obj.execute_sql(sql, params).fetchall()}


def document(customer_id: int) -> str:
    key = "rowid" if is_sqlite() else "customer_id"
    return dialect.run(f"SELECT doc FROM {search_index.TABLE} WHERE {key} = ?", [customer_id])[0][0]


@pytest.mark.parametrize("data", [RICH, ENTERPRISE], ids=["individual", "enterprise"])
def test_bulk_insert_stores_the_same_customer_as_the_service(db, data):
    by_service = customers.create_customer(data)
    by_bulk = via_bulk(data)
    assert by_bulk.id != by_service.id and by_bulk.code != by_service.code
    assert comparable(by_bulk) == comparable(by_service)


@pytest.mark.parametrize("data", [RICH, ENTERPRISE], ids=["individual", "enterprise"])
def test_bulk_insert_writes_the_same_search_document_as_the_service(db, data):
    by_service = customers.create_customer(data)
    by_bulk = via_bulk(data)
    assert document(by_bulk.id).replace(by_bulk.code, "CODE") == document(by_service.id).replace(
        by_service.code, "CODE"
    )


@pytest.mark.parametrize(
    "query",
    ["建国", "曾", "zjg", "zengjianguo", "8000", "6234", "xiaohong", "Mary", "VIP", "茶", "西湖"],
)
def test_bulk_inserted_customers_are_found_like_service_created_ones(db, query):
    by_service = customers.create_customer(RICH)
    by_bulk = via_bulk(RICH)
    hits = search_ids(query)
    if query == "西湖":  # addresses are not searched, by either path
        assert hits == set()
    else:
        assert hits == {by_service.id, by_bulk.id}


def test_region_is_taken_from_the_first_address_unless_given(db):
    with_address = NewCustomer(
        name="王五",
        addresses=[
            customers.AddressEntry(province="广东省", city="广州市", district="天河区"),
            customers.AddressEntry(province="北京市", city="北京市"),
        ],
    )
    given = NewCustomer(
        name="赵六",
        city="上海市",
        addresses=[customers.AddressEntry(province="广东省", city="广州市")],
    )
    ids = bulk_insert_customers([with_address, given])
    first, second = (customers.get_customer(i) for i in ids)
    assert (first.province, first.city, first.district) == ("广东省", "广州市", "天河区")
    assert (second.province, second.city, second.district) == (None, "上海市", None)


def test_each_bulk_customer_has_one_create_history_row(db):
    ids = bulk_insert_customers(
        [NewCustomer(name="张三"), NewCustomer(name="李四")], changed_by="importer"
    )
    for cid in ids:
        [entry] = customer_history(cid)
        code = customers.get_customer(cid).code
        assert (entry.action, entry.field, entry.new_value, entry.changed_by) == (
            "create",
            "code",
            code,
            "importer",
        )
    assert ChangeLog.select().count() == 2


def test_bulk_codes_continue_after_existing_customers(db):
    customers.create_customer({"name": "旧客户"}, code="C000041")
    customers.create_customer({"name": "次客户"})
    ids = bulk_insert_customers([NewCustomer(name=f"客户{i}") for i in range(3)])
    assert [customers.get_customer(i).code for i in ids] == ["C000043", "C000044", "C000045"]
    assert customers.create_customer({"name": "后来的"}).code == "C000046"


def test_given_codes_are_kept_and_others_numbered(db):
    ids = bulk_insert_customers([NewCustomer(name="甲", code="X-1"), NewCustomer(name="乙")])
    assert [customers.get_customer(i).code for i in ids] == ["X-1", "C000001"]


def test_given_codes_move_the_counter_like_the_service_does(db):
    ids = bulk_insert_customers(
        [
            NewCustomer(name="甲", code="C000050"),
            NewCustomer(name="乙"),
            NewCustomer(name="丙", code="C000007"),
        ]
    )
    assert [customers.get_customer(i).code for i in ids] == ["C000050", "C000051", "C000007"]
    assert customers.create_customer({"name": "丁"}).code == "C000052"


def test_ids_come_back_in_input_order_and_continue_the_table(db):
    first = customers.create_customer({"name": "先来"})
    ids = bulk_insert_customers([NewCustomer(name=n) for n in ("甲", "乙", "丙")])
    assert ids == [first.id + 1, first.id + 2, first.id + 3]
    assert [customers.get_customer(i).name for i in ids] == ["甲", "乙", "丙"]
    assert customers.create_customer({"name": "后来"}).id == ids[-1] + 1


def test_uuids_are_stored_as_peewee_stores_them(db):
    by_service = customers.create_customer({"name": "张三"})
    [cid] = bulk_insert_customers([NewCustomer(name="李四")])
    raw = {
        row[0]: row[1]
        for row in database.obj.execute_sql("SELECT id, uuid FROM customer").fetchall()
    }
    assert type(raw[cid]) is type(raw[by_service.id])
    if is_sqlite():  # text: 32 hex digits; PostgreSQL has a uuid type
        assert len(raw[cid]) == len(raw[by_service.id]) == 32
        assert uuid.UUID(raw[cid]).hex == raw[cid]
    assert uuid.UUID(str(raw[cid])).version == 4
    assert Customer.get_by_id(cid).uuid == uuid.UUID(str(raw[cid]))


def test_new_uuids_are_distinct_version_4_ids():
    values = bulk.new_uuids(10_000)
    assert len(set(values)) == 10_000
    assert all(uuid.UUID(v).version == 4 and uuid.UUID(v).variant == uuid.RFC_4122 for v in values)


def test_tags_are_shared_with_existing_ones(db):
    customers.create_customer({"name": "张三", "tags": ["VIP"]})
    bulk_insert_customers(
        [
            NewCustomer(name="李四", tags=["VIP", "新客户"]),
            NewCustomer(name="王五", tags=["新客户"]),
        ]
    )
    assert sorted(t.name for t in Tag.select()) == ["VIP", "新客户"]


def test_phones_without_normalised_forms_are_normalised_and_labelled_by_type(db):
    [cid] = bulk_insert_customers(
        [
            NewCustomer(
                name="张三",
                phones=[
                    customers.PhoneEntry("138-0013-8000"),
                    customers.PhoneEntry("010-6234 5678"),
                ],
            )
        ]
    )
    mobile, landline = customers.get_customer(cid).phones
    assert (mobile.label, mobile.e164, mobile.digits) == ("mobile", "+8613800138000", "13800138000")
    assert (landline.label, landline.e164) == ("work", "+861062345678")


def test_bookkeeping_fields_and_import_batch_are_stored(db):
    from desktop_crm.db.models import ImportBatch

    batch = ImportBatch.create(file_name="a.csv", file_format="csv")
    owner = User.create(username="li.na", display_name="李娜")
    [cid] = bulk_insert_customers(
        [
            NewCustomer(
                name="张三",
                owner_id=owner.id,
                first_purchase_on=date(2024, 1, 2),
                credit_limit=Decimal("1234.50"),
            )
        ],
        import_batch_id=batch.id,
    )
    row = Customer.get_by_id(cid)
    assert (row.import_batch_id, row.owner_id, row.first_purchase_on, row.credit_limit) == (
        batch.id,
        owner.id,
        date(2024, 1, 2),
        Decimal("1234.50"),
    )


def test_a_failing_bulk_insert_leaves_nothing_behind(db):
    customers.create_customer({"name": "张三"}, code="C000009")
    with pytest.raises(Exception, match="UNIQUE|unique constraint"):
        bulk_insert_customers([NewCustomer(name="李四"), NewCustomer(name="王五", code="C000009")])
    assert Customer.select().count() == 1
    assert search_ids("李四") == set()


def test_new_customer_covers_every_customer_column():
    names = {f.name for f in dataclasses.fields(NewCustomer)}
    expected = {
        f"{f.name}_id" if f.name in ("owner", "referred_by") else f.name
        for f in Customer._meta.sorted_fields
    } - set(bulk._COMPUTED) | {"code"}
    assert expected <= names


def test_from_validated_is_what_the_dataclass_would_make():
    clean = customers.validate_customer(RICH)
    made = NewCustomer.from_validated(clean, code="C000042")
    expected = NewCustomer(
        code="C000042",
        **{
            name: list(value) if name in customers.COLLECTIONS else value
            for name, value in clean.items()
        },
    )
    assert made == expected
    other = NewCustomer.from_validated({"name": "李四"})
    assert other == NewCustomer(name="李四")
    other.tags.append("VIP")  # fresh lists each time, as the default factories give
    assert NewCustomer.from_validated({"name": "王五"}).tags == []
    with pytest.raises(TypeError):
        NewCustomer.from_validated({"kind": "individual"})


def test_the_garbage_collector_spares_old_objects_until_the_last_bulk_write_ends():
    assert gc.get_freeze_count() == 0
    with bulk.garbage_collector_spared():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with bulk.garbage_collector_spared():
            pass
        assert gc.get_freeze_count() >= frozen  # still frozen: the outer write goes on
    assert gc.get_freeze_count() == 0
