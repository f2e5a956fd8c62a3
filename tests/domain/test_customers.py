"""Customer service rules: validation, codes, history, trash, relations, contacts."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_crm.db.models import Customer, User
from desktop_crm.domain import customers, messages
from desktop_crm.domain.history import customer_history
from desktop_crm.errors import ConflictError, NotFoundError, ValidationError


def test_new_customers_get_consecutive_unique_codes(db):
    first = customers.create_customer({"name": "张三"})
    second = customers.create_customer({"name": "李四"})
    assert (first.code, second.code) == ("C000001", "C000002")


def test_users_creating_customers_at_the_same_time_never_share_a_code(db):
    """Office staff on one server each take codes: every thread has its own connection."""
    customers.create_customer({"name": "第一位"})
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def staff(number: int) -> None:
        try:
            start.wait()
            for i in range(10):
                customers.create_customer({"name": f"客户{number}-{i}"})
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)
        finally:
            db.close()  # this thread's connection

    workers = [threading.Thread(target=staff, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    codes = [c.code for c in Customer.select(Customer.code)]
    assert len(codes) == len(set(codes)) == 41
    assert max(codes) == "C000041"


def test_codes_continue_after_the_highest_imported_code(db):
    customers.create_customer({"name": "旧客户"}, code="C000041")
    assert customers.create_customer({"name": "新客户"}).code == "C000042"


def test_a_code_already_used_is_refused(db):
    customers.create_customer({"name": "张三"}, code="C000007")
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": "李四"}, code="C000007")
    assert "code" in err.value.errors


def test_name_is_required(db):
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": "   "})
    assert err.value.errors == {"name": "is required"}


def test_every_bad_field_is_named_with_its_reason(db):
    with pytest.raises(ValidationError) as err:
        customers.create_customer(
            {
                "name": "王五",
                "phones": ["12345"],
                "emails": ["wang@"],
                "birthday": "1990-02-30",
                "stars": 9,
                "kind": "robot",
            }
        )
    errors = err.value.errors
    assert set(errors) == {"phones", "emails", "birthday", "stars", "kind"}
    assert "12345" in errors["phones"] and "wang@" in errors["emails"]
    assert "1990-02-30" in errors["birthday"]


def test_validation_messages_follow_the_language(db):
    messages.set_language("zh_CN")
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": ""})
    assert err.value.errors["name"] == "不能为空"


def test_phones_are_kept_as_typed_with_e164_and_digits(db):
    record = customers.create_customer(
        {"name": "张三", "phones": ["138 0013-8000", "010 6234 5678"]}
    )
    assert [(p.number, p.e164, p.digits) for p in record.phones] == [
        ("138 0013-8000", "+8613800138000", "13800138000"),
        ("010 6234 5678", "+861062345678", "1062345678"),
    ]


def test_foreign_phone_numbers_with_country_code_are_accepted(db):
    record = customers.create_customer({"name": "John Smith", "phones": ["+1 212-555-0100"]})
    assert record.phones[0].e164 == "+12125550100"


def test_the_same_phone_twice_is_kept_once(db):
    record = customers.create_customer(
        {"name": "张三", "phones": ["13800138000", "+86 138 0013 8000"]}
    )
    assert len(record.phones) == 1


def test_emails_are_lower_cased(db):
    record = customers.create_customer({"name": "Li", "emails": ["Li.Ming@Example.COM"]})
    assert record.emails[0].address == "li.ming@example.com"


def test_birthdays_in_the_future_are_refused(db):
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": "张三", "birthday": date.today() + timedelta(days=1)})
    assert "future" in err.value.errors["birthday"]


def test_chinese_date_forms_are_read(db):
    record = customers.create_customer({"name": "张三", "birthday": "1985年3月12日"})
    assert record.birthday == date(1985, 3, 12)


def test_a_lunar_birthday_needs_month_and_day(db):
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": "张三", "lunar_birthday_month": 8})
    assert "lunar_birthday_month" in err.value.errors
    record = customers.create_customer(
        {"name": "张三", "lunar_birthday_month": 8, "lunar_birthday_day": 15}
    )
    assert (record.lunar_birthday_month, record.lunar_birthday_day) == (8, 15)


def test_region_comes_from_the_first_address(db):
    record = customers.create_customer(
        {
            "name": "张三",
            "addresses": [
                {"province": "广东", "city": "深圳", "district": "南山区", "street": "科技园1号"}
            ],
        }
    )
    assert (record.province, record.city, record.district) == ("广东", "深圳", "南山区")


def test_enterprise_contacts_with_their_phones(db):
    record = customers.create_customer(
        {
            "name": "北京华为科技有限公司",
            "kind": "enterprise",
            "industry": "通信",
            "contacts": [
                {"name": "李经理", "title": "采购经理", "phones": ["13900139000"]},
                {"name": "Anna Lee", "emails": ["anna@hw.example.com"]},
            ],
        }
    )
    assert [c.name for c in record.contacts] == ["李经理", "Anna Lee"]
    assert record.contacts[0].phones[0].digits == "13900139000"
    assert record.contacts[1].emails[0].address == "anna@hw.example.com"
    assert record.phones == []  # contact phones are not the company's own


def test_a_contact_removed_in_an_update_is_kept_as_deleted(db):
    record = customers.create_customer(
        {"name": "华为", "kind": "enterprise", "contacts": [{"name": "甲"}, {"name": "乙"}]}
    )
    kept = record.contacts[0]
    updated = customers.update_customer(record.id, {"contacts": [kept]})
    assert [c.name for c in updated.contacts] == ["甲"]
    assert updated.contacts[0].id == kept.id


def test_a_contact_without_a_name_is_refused_with_its_position(db):
    with pytest.raises(ValidationError) as err:
        customers.create_customer(
            {"name": "华为", "kind": "enterprise", "contacts": [{"name": ""}]}
        )
    assert "contacts[1]" in err.value.errors


def test_owner_and_referrer_are_named_by_username_and_code(db):
    User.create(username="li", display_name="李销售")
    referrer = customers.create_customer({"name": "老客户"})
    record = customers.create_customer(
        {"name": "新客户", "owner": "li", "source": "referral", "referred_by": referrer.code}
    )
    assert (record.owner, record.referred_by) == ("li", referrer.code)
    with pytest.raises(ValidationError) as err:
        customers.create_customer({"name": "x", "owner": "nobody"})
    assert "owner" in err.value.errors


def test_money_is_decimal(db):
    record = customers.create_customer({"name": "张三", "credit_limit": "12,000.5"})
    assert record.credit_limit == Decimal("12000.50")


def test_every_changed_field_is_in_the_history(db):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    customers.update_customer(
        record.id,
        {"name": "张三丰", "stars": 3, "phones": ["13900139000"], "notes": None},
        changed_by="li",
    )
    changes = {
        (h.field, h.old_value, h.new_value)
        for h in customer_history(record.id)
        if h.action == "update"
    }
    assert changes == {
        ("name", "张三", "张三丰"),
        ("stars", "0", "3"),
        ("phones", "13800138000 (mobile)", "13900139000 (mobile)"),
    }
    assert {h.changed_by for h in customer_history(record.id) if h.action == "update"} == {"li"}


def test_an_update_that_changes_nothing_writes_no_history(db):
    record = customers.create_customer({"name": "张三", "stars": 2})
    customers.update_customer(record.id, {"name": "张三", "stars": 2})
    assert [h.action for h in customer_history(record.id)] == ["create"]
    assert customers.get_customer(record.id).version == record.version


def test_an_invalid_update_changes_nothing(db):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    with pytest.raises(ValidationError):
        customers.update_customer(record.id, {"name": "李四", "phones": ["bad"]})
    assert customers.get_customer(record.id).name == "张三"


def test_a_stale_save_names_who_changed_which_fields(db):
    record = customers.create_customer({"name": "张三"})
    customers.update_customer(
        record.id, {"stars": 1, "city": "杭州"}, expected_version=record.version, changed_by="wang"
    )
    customers.update_customer(record.id, {"title": "经理"}, changed_by="li")
    with pytest.raises(ConflictError) as stale:
        customers.update_customer(record.id, {"stars": 2}, expected_version=record.version)
    message = stale.value.message
    assert message.startswith("张三 was changed since you opened it: li changed title at ")
    assert "; wang changed " in message and "city" in message and "stars" in message
    assert customers.get_customer(record.id).stars == 1


def test_two_sessions_saving_the_same_version_the_second_is_refused(db):
    """The version is checked in the UPDATE itself, not only before it."""
    record = customers.create_customer({"name": "张三"})
    real_get = customers.get_customer
    reads = iter([real_get(record.id)])  # the second session read before the first saved

    customers.update_customer(record.id, {"stars": 1}, changed_by="wang")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(customers, "get_customer", lambda cid: next(reads, None) or real_get(cid))
        with pytest.raises(ConflictError, match="wang changed stars"):
            customers.update_customer(record.id, {"stars": 2}, changed_by="li")
    assert customers.get_customer(record.id).stars == 1


def test_trash_and_restore(db):
    record = customers.create_customer({"name": "张三"})
    assert customers.trash_customers([record.id]) == 1
    assert customers.get_customer(record.id).deleted_at is not None
    with pytest.raises(NotFoundError):
        customers.update_customer(record.id, {"stars": 1})
    assert customers.restore_customers([record.id]) == 1
    assert customers.get_customer(record.id).deleted_at is None
    assert [h.action for h in customer_history(record.id)][:2] == ["restore", "trash"]


def test_relations_show_on_both_sides_and_in_both_histories(db):
    a = customers.create_customer({"name": "张三"})
    b = customers.create_customer({"name": "李四"})
    customers.add_relation(a.id, b.id, "spouse")
    assert [(r.other_code, r.kind) for r in customers.get_customer(a.id).relations] == [
        (b.code, "spouse")
    ]
    assert [(r.other_code, r.kind) for r in customers.get_customer(b.id).relations] == [
        (a.code, "spouse")
    ]
    assert any(h.field == "relations" for h in customer_history(b.id))
    with pytest.raises(ValidationError):
        customers.add_relation(a.id, a.id, "friend")


def test_tags_are_shared_between_customers(db):
    a = customers.create_customer({"name": "张三", "tags": ["VIP", "北京"]})
    b = customers.create_customer({"name": "李四", "tags": ["VIP"]})
    assert a.tags == ["VIP", "北京"] and b.tags == ["VIP"]


def test_names_sort_by_pinyin(db):
    names = ["张三", "Anna", "李四", "曾国藩", "Zoe"]
    for name in names:
        customers.create_customer({"name": name})
    ordered = [n for (n,) in Customer.select(Customer.name).order_by(Customer.sort_key).tuples()]
    assert ordered == ["Anna", "李四", "曾国藩", "张三", "Zoe"]


def test_unknown_code_is_a_clear_error(db):
    with pytest.raises(NotFoundError, match="C999999"):
        customers.customer_id_for_code("C999999")


def test_changing_only_details_of_an_entry_is_saved_and_recorded(db):
    record = customers.create_customer(
        {
            "name": "华为",
            "kind": "enterprise",
            "phones": [{"number": "13800138000", "label": "mobile"}],
            "addresses": [{"city": "深圳", "postcode": "518000"}],
            "contacts": [{"name": "李经理", "title": "采购"}],
        }
    )
    contact = record.contacts[0]
    contact.title = "总经理"
    updated = customers.update_customer(
        record.id,
        {
            "phones": [{"number": "13800138000", "label": "work"}],
            "addresses": [{"city": "深圳", "postcode": "518057"}],
            "contacts": [contact],
        },
    )
    assert updated.phones[0].label == "work"
    assert updated.addresses[0].postcode == "518057"
    assert updated.contacts[0].title == "总经理"
    assert {h.field for h in customer_history(record.id) if h.action == "update"} == {
        "phones",
        "addresses",
        "contacts",
    }


def test_a_phone_without_a_kind_is_mobile_or_work_by_its_number(db):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000", "010-62345678"]})
    assert [p.label for p in record.phones] == ["mobile", "work"]


def test_a_removed_contacts_phone_no_longer_finds_the_company(db):
    from desktop_crm.domain.search import CustomerQuery, search_customers

    record = customers.create_customer(
        {
            "name": "腾讯",
            "kind": "enterprise",
            "contacts": [{"name": "马化腾", "phones": ["13500001111"]}, {"name": "张志东"}],
        }
    )
    assert [r.name for r in search_customers(CustomerQuery(text="135 0000"))] == ["腾讯"]
    customers.update_customer(record.id, {"contacts": [record.contacts[1]]})
    assert search_customers(CustomerQuery(text="135 0000")) == []
    assert search_customers(CustomerQuery(text="马化腾")) == []


def test_saving_a_customer_keeps_the_rows_of_entries_that_did_not_change(db):
    from desktop_crm.db.models import Phone, Tag

    record = customers.create_customer(
        {"name": "王芳", "phones": ["13800000001", "13800000002"], "tags": ["VIP", "北京"]}
    )

    def rows() -> dict[str, object]:
        return {p.digits: p.uuid for p in Phone.select().where(Phone.customer == record.id)}

    before = rows()
    customers.update_customer(record.id, {"phones": ["13800000001", "13900000003"]})
    after = rows()
    # the kept phone is the same row (a sync follows it by uuid); the other is replaced
    assert after["13800000001"] == before["13800000001"]
    assert set(after) == {"13800000001", "13900000003"}
    customers.update_customer(record.id, {"tags": ["北京", "VIP", "新"]})
    assert sorted(customers.get_customer(record.id).tags) == ["VIP", "北京", "新"]
    assert Tag.select().count() == 3
