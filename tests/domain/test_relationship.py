"""Relationship levels: texts in both languages, cadence, history, distribution and the
suggestion rules, each checked with a constructed history of contacts and orders."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count

import pytest

from desktop_crm.db.models import Order, User
from desktop_crm.domain import customers, followups, messages, relationship
from desktop_crm.domain.history import customer_history
from desktop_crm.errors import NotFoundError, ValidationError

TODAY = date(2024, 6, 30)
HANZI = re.compile(r"[\u4e00-\u9fff]")
_order_numbers = count(1)


def new_customer(name: str = "张三", **fields) -> int:
    return customers.create_customer({"name": name, **fields}).id


def buy(customer_id: int, amount: str | int, on: date, status: str = "confirmed") -> Order:
    return Order.create(
        customer=customer_id,
        order_no=f"SO{next(_order_numbers):06d}",
        order_date=on,
        product="茶叶",
        amount=Decimal(str(amount)),
        status=status,
    )


def contact(customer_id: int, on: date, by: str = "us") -> None:
    followups.log_contact(
        customer_id,
        channel="phone",
        initiated_by=by,
        occurred_at=datetime.combine(on, datetime.min.time()).replace(hour=3),
    )


def other_buyers(amounts: list[int]) -> None:
    """Customers who only buy, to rank revenue against."""
    for i, amount in enumerate(amounts):
        buy(new_customer(f"客户{i}"), amount, TODAY - timedelta(days=40))


def spread(customer_id: int, contacts: int, *, by_customer: int = 0, last: date = TODAY) -> None:
    """`contacts` contacts over the year up to `last`, the first `by_customer` started by them."""
    for i in range(contacts):
        contact(customer_id, last - timedelta(days=25 * i), "customer" if i < by_customer else "us")


# ----------------------------------------------------------------------------- texts


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_level_has_a_name_characteristics_and_three_to_six_strategies(language):
    found = relationship.levels(language)
    assert [lv.number for lv in found] == [1, 2, 3, 4, 5]
    for lv in found:
        assert lv.name and lv.characteristics
        assert 3 <= len(lv.strategies) <= 6 and all(lv.strategies)
        assert bool(HANZI.search(lv.characteristics)) == (language == "zh_CN")
        assert all(bool(HANZI.search(s)) == (language == "zh_CN") for s in lv.strategies)


def test_level_names_in_both_languages():
    assert [lv.name for lv in relationship.levels("en")] == [
        "Basic",
        "Passive",
        "Responsible",
        "Proactive",
        "Partnership",
    ]
    assert [lv.name for lv in relationship.levels("zh_CN")] == [
        "基本型",
        "被动型",
        "负责型",
        "能动型",
        "伙伴型",
    ]


def test_both_languages_have_the_same_number_of_strategies_per_level():
    for en, zh in zip(relationship.levels("en"), relationship.levels("zh_CN"), strict=True):
        assert len(en.strategies) == len(zh.strategies)


def test_levels_follow_the_domain_language_by_default():
    messages.set_language("zh_CN")
    assert relationship.level(5).name == "伙伴型"
    messages.set_language("en")
    assert relationship.level(5).name == "Partnership"


def test_a_level_outside_one_to_five_is_refused():
    with pytest.raises(ValidationError) as err:
        relationship.level(6)
    assert set(err.value.errors) == {"level"}


# --------------------------------------------------------------------------- cadence


def test_default_cadences_shorten_as_the_relationship_deepens(db):
    assert [relationship.cadence_days(n) for n in (1, 2, 3, 4, 5)] == [180, 90, 30, 14, 7]
    assert [lv.default_cadence_days for lv in relationship.levels()] == [180, 90, 30, 14, 7]


def test_customers_without_a_level_get_the_default_cadence(db):
    assert relationship.cadence_days(None) == relationship.NO_LEVEL_CADENCE_DAYS == 30


def test_a_cadence_setting_overrides_only_its_level(db):
    relationship.set_cadence(3, 21)
    relationship.set_cadence(None, 45)
    assert relationship.cadence_days(3) == 21
    assert relationship.cadence_days(None) == 45
    assert relationship.cadence_days(4) == 14
    relationship.set_cadence(3, 25)
    assert relationship.cadence_days(3) == 25


def test_a_cadence_must_be_a_sensible_number_of_days(db):
    with pytest.raises(ValidationError) as err:
        relationship.set_cadence(2, 0)
    assert set(err.value.errors) == {"days"}
    with pytest.raises(ValidationError) as err:
        relationship.set_cadence(9, 10)
    assert set(err.value.errors) == {"level"}


# ------------------------------------------------------------------ customers' levels


def test_setting_a_level_is_kept_in_the_history(db):
    cid = new_customer()
    relationship.set_level(cid, 3, changed_by="alice")
    relationship.set_level(cid, 4, changed_by="bob")
    assert customers.get_customer(cid).relationship_level == 4
    changes = [
        (h.field, h.old_value, h.new_value, h.changed_by)
        for h in customer_history(cid)
        if h.field == "relationship_level"
    ]
    assert changes == [
        ("relationship_level", "3", "4", "bob"),
        ("relationship_level", None, "3", "alice"),
    ]


def test_a_level_can_be_cleared(db):
    cid = new_customer(relationship_level=2)
    relationship.set_level(cid, None)
    assert customers.get_customer(cid).relationship_level is None


def test_setting_a_level_outside_one_to_five_names_the_field(db):
    cid = new_customer()
    with pytest.raises(ValidationError) as err:
        relationship.set_level(cid, 7)
    assert set(err.value.errors) == {"relationship_level"}


def test_a_customer_in_the_trash_cannot_get_a_level(db):
    cid = new_customer()
    customers.trash_customers([cid])
    with pytest.raises(NotFoundError):
        relationship.set_level(cid, 2)


def test_distribution_counts_live_customers_per_level(db):
    for level in (1, 1, 3, 5, None):
        new_customer(relationship_level=level)
    customers.trash_customers([new_customer(relationship_level=5)])
    assert relationship.level_distribution() == {1: 2, 2: 0, 3: 1, 4: 0, 5: 1, None: 1}


def test_distribution_can_be_limited_to_one_owner(db):
    User.create(username="alice", display_name="Alice")
    new_customer(relationship_level=2, owner="alice")
    new_customer(relationship_level=2)
    assert relationship.level_distribution(owner="alice") == {1: 0, 2: 1, 3: 0, 4: 0, 5: 0, None: 0}
    with pytest.raises(ValidationError) as err:
        relationship.level_distribution(owner="nobody")
    assert set(err.value.errors) == {"owner"}


# ------------------------------------------------------------------------ suggestion


def test_a_one_off_buyer_with_no_contact_is_basic(db):
    cid = new_customer()
    buy(cid, 500, TODAY - timedelta(days=100))
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.level == 1
    assert suggestion.facts["contacts_12m"] == 0 and suggestion.facts["orders_12m"] == 1


def test_a_customer_we_only_call_without_buying_is_basic(db):
    cid = new_customer()
    spread(cid, 4)
    assert relationship.suggest_level(cid, today=TODAY).level == 1


def test_a_customer_who_gets_in_touch_only_when_needed_is_passive(db):
    cid = new_customer()
    spread(cid, 3, by_customer=2)
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.level == 2
    assert suggestion.facts["customer_initiated_12m"] == 2
    assert suggestion.facts["customer_share"] == pytest.approx(2 / 3)


def test_a_buyer_we_call_back_after_the_sale_is_responsible(db):
    cid = new_customer()
    buy(cid, 800, date(2024, 3, 1))
    contact(cid, date(2024, 3, 10))
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.level == 3
    assert suggestion.facts["after_sale_calls"] == 1


def test_a_call_long_after_the_sale_is_no_after_sale_call(db):
    cid = new_customer()
    buy(cid, 800, date(2024, 3, 1))
    contact(cid, date(2024, 5, 1))
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.facts["after_sale_calls"] == 0
    assert suggestion.level == 1


def test_a_top_fifth_customer_in_frequent_contact_is_proactive(db):
    other_buyers([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000])
    cid = new_customer()
    buy(cid, 9000, date(2024, 4, 1))
    spread(cid, 6)
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.level == 4
    assert suggestion.facts["revenue_rank"] == 2 and suggestion.facts["buying_customers"] == 10
    assert suggestion.facts["revenue_percentile"] == pytest.approx(8 / 9)


def test_a_top_fifth_customer_with_little_contact_is_not_proactive(db):
    other_buyers([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000])
    cid = new_customer()
    buy(cid, 9000, date(2024, 4, 1))
    spread(cid, 5, last=date(2024, 3, 1))
    assert relationship.suggest_level(cid, today=TODAY).level == 1


def test_the_top_customer_with_steady_two_way_contact_for_years_is_a_partner(db):
    other_buyers([1000 * n for n in range(1, 20)])
    cid = new_customer()
    buy(cid, 50000, date(2024, 2, 1))
    contact(cid, date(2022, 5, 1))  # known for over two years
    spread(cid, 12, by_customer=6)
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.level == 5
    assert suggestion.facts["revenue_percentile"] == 1.0
    assert suggestion.facts["tenure_days"] >= 365


def test_a_top_customer_contacted_only_by_us_is_proactive_not_a_partner(db):
    other_buyers([1000 * n for n in range(1, 20)])
    cid = new_customer()
    buy(cid, 50000, date(2024, 2, 1))
    contact(cid, date(2022, 5, 1))
    spread(cid, 12)
    assert relationship.suggest_level(cid, today=TODAY).level == 4


def test_a_new_top_customer_is_not_yet_a_partner(db):
    other_buyers([1000 * n for n in range(1, 20)])
    cid = new_customer()
    buy(cid, 50000, TODAY - timedelta(days=200))
    spread(cid, 12, by_customer=6, last=TODAY - timedelta(days=1))
    suggestion = relationship.suggest_level(cid, today=TODAY)
    assert suggestion.facts["tenure_days"] < 365
    assert suggestion.level == 4


def test_cancelled_deleted_and_old_orders_are_not_revenue(db):
    cid = new_customer()
    buy(cid, 100, date(2024, 5, 1))
    buy(cid, 900, date(2024, 5, 2), status="cancelled")
    buy(cid, 900, date(2023, 6, 1))  # more than 12 months before TODAY
    deleted = buy(cid, 900, date(2024, 5, 3))
    Order.update(deleted_at=datetime(2024, 5, 4)).where(Order.id == deleted.id).execute()
    facts = relationship.suggest_level(cid, today=TODAY).facts
    assert facts["revenue_12m"] == Decimal("100.00") and facts["orders_12m"] == 1


def test_contacts_outside_the_last_twelve_months_do_not_count(db):
    cid = new_customer()
    contact(cid, date(2023, 6, 1), "customer")
    contact(cid, date(2024, 7, 5), "customer")  # after `today`
    facts = relationship.suggest_level(cid, today=TODAY).facts
    assert facts["contacts_12m"] == 0


def test_the_reason_names_the_facts_in_the_current_language(db):
    other_buyers([1000 * n for n in range(1, 20)])
    cid = new_customer()
    buy(cid, 50000, date(2024, 2, 1))
    contact(cid, date(2022, 5, 1))
    spread(cid, 12, by_customer=6)
    reason = relationship.suggest_level(cid, today=TODAY).reason
    assert "Partnership" in reason and "contacts 12" in reason and "50 %" in reason
    assert "50,000.00" in reason and "rank 1 of 20" in reason
    messages.set_language("zh_CN")
    reason = relationship.suggest_level(cid, today=TODAY).reason
    assert "伙伴型" in reason and "联系 12 次" in reason and "50 %" in reason
    assert "50,000.00" in reason


def test_a_customer_without_revenue_is_said_to_have_none(db):
    cid = new_customer()
    assert "revenue none" in relationship.suggest_level(cid, today=TODAY).reason


def test_suggestions_for_unknown_or_trashed_customers_are_not_found(db):
    with pytest.raises(NotFoundError):
        relationship.suggest_level(999, today=TODAY)
    cid = new_customer()
    customers.trash_customers([cid])
    with pytest.raises(NotFoundError):
        relationship.suggest_level(cid, today=TODAY)


def test_ticked_strategy_steps_are_kept_per_customer_and_level(db):
    first, second = new_customer(), new_customer("李四")
    relationship.mark_strategy_step(first, 3, 1, True)
    relationship.mark_strategy_step(first, 3, 1, True)  # ticking twice is one tick
    relationship.mark_strategy_step(first, 4, 0, True)
    assert relationship.strategy_steps_done(first, 3) == {1}
    assert relationship.strategy_steps_done(first, 4) == {0}
    assert relationship.strategy_steps_done(second, 3) == set()
    relationship.mark_strategy_step(first, 3, 1, False)
    assert relationship.strategy_steps_done(first, 3) == set()


def test_a_strategy_step_outside_the_level_or_customer_is_refused(db):
    customer_id = new_customer()
    steps = len(relationship.level(2).strategies)
    with pytest.raises(ValidationError):
        relationship.mark_strategy_step(customer_id, 2, steps, True)
    with pytest.raises(ValidationError):
        relationship.mark_strategy_step(customer_id, 6, 0, True)
    with pytest.raises(NotFoundError):
        relationship.mark_strategy_step(customer_id + 99, 2, 0, True)
