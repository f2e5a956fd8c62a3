"""Sample data: realistic, consistent, deterministic by seed, written in whole batches."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import UTC, date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.db import search_index
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import (
    ChangeLog,
    Complaint,
    ContactPerson,
    Customer,
    Email,
    FollowUp,
    Order,
    Payment,
    Phone,
    Shipment,
    Survey,
    Tag,
    User,
    database,
)
from desktop_crm.domain import customers
from desktop_crm.domain.customers import KINDS, LEVELS, SOURCES, STAGES
from desktop_crm.domain.demo import DemoSummary, add_sample_data
from desktop_crm.domain.followups import CHANNELS, INITIATORS
from desktop_crm.domain.validation import normalize_email, normalize_phone

TODAY = date(2025, 6, 16)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """300 sample customers, made once for the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "crm.sqlite3"
    open_database(str(path))
    try:
        summary = add_sample_data(300, seed=7, today=TODAY, batch_size=120)
    finally:
        close_database()
    return path, summary


@pytest.fixture
def sample(sample_file: tuple[Path, DemoSummary]):  # noqa: ANN201 - a generator fixture
    path, summary = sample_file
    open_database(str(path))
    yield summary
    close_database()


def local_day(utc_naive) -> date:  # noqa: ANN001
    return utc_naive.replace(tzinfo=UTC).astimezone().date()


def search_ids(text: str) -> set[int]:
    sql, params = search_index.matching_ids_sql(database.obj, text)
    return {row[0] for row in database.obj.execute_sql(sql, params).fetchall()}


# ------------------------------------------------------------------------------ counts


def test_summary_counts_what_is_in_the_database(sample):
    assert sample.customers == Customer.select().count() == 300
    assert sample.contacts == ContactPerson.select().count() > 0
    assert sample.followups == FollowUp.select().count() > 300
    assert sample.orders == Order.select().count() > 0
    assert sample.shipments == Shipment.select().count() > 0
    assert sample.payments == Payment.select().count() > 0
    assert sample.complaints == Complaint.select().count() > 0
    assert sample.surveys == Survey.select().count() > 0
    assert sample.users == User.select().count() >= 5


def test_every_customer_has_a_create_history_row_and_a_search_document(sample):
    assert ChangeLog.select().where(ChangeLog.action == "create").count() == 300
    docs = database.obj.execute_sql(f"SELECT COUNT(*) FROM {search_index.TABLE}").fetchone()[0]
    assert docs == 300


def test_mix_of_languages_and_kinds_is_roughly_as_described(sample):
    rows = list(Customer.select(Customer.name, Customer.kind).tuples())
    chinese = sum(1 for name, _ in rows if search_index._HANZI_RUN.search(name))
    enterprises = sum(1 for _, kind in rows if kind == "enterprise")
    assert 0.65 < chinese / 300 < 0.85
    assert 0.2 < enterprises / 300 < 0.4


# ------------------------------------------------------------------- everything shows


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (Customer.kind, set(KINDS)),
        (Customer.stage, set(STAGES)),
        (Customer.relationship_level, set(LEVELS)),
        (Customer.grade, {"A", "B", "C"}),
        (Customer.stars, {0, 1, 2, 3, 4, 5}),
        (Customer.source, set(SOURCES)),
        (Customer.status, {"potential", "existing"}),
        (Customer.credit_rating, {"AAA", "AA", "A", "B", "C"}),
        (FollowUp.channel, set(CHANNELS)),
        (FollowUp.initiated_by, set(INITIATORS)),
        (FollowUp.status, {"done", "planned", "cancelled"}),
        (Order.status, {"confirmed", "shipped", "completed", "cancelled"}),
        (Order.channel, {"direct", "online", "distributor", "phone", "other"}),
        (Complaint.severity, {"low", "medium", "high", "critical"}),
        (Complaint.status, {"open", "in_progress", "resolved", "closed"}),
        (Survey.satisfaction, {1, 2, 3, 4, 5}),
    ],
    ids=lambda v: f"{v.model.__name__}.{v.name}" if hasattr(v, "model") else "",
)
def test_every_choice_is_represented_in_300_customers(sample, column, expected):
    found = {v for (v,) in column.model.select(column).distinct().tuples() if v is not None}
    assert expected <= found


def test_sales_reps_have_chinese_and_english_names_and_own_customers(sample):
    names = [u.display_name for u in User.select()]
    assert any(search_index._HANZI_RUN.search(n) for n in names)
    assert any(n.isascii() and " " in n for n in names)
    owned = Customer.select(Customer.owner).distinct().count()
    assert owned >= 5
    assert Customer.select().where(Customer.owner.is_null()).count() == 0


def test_enterprises_have_one_to_four_contacts_with_one_primary(sample):
    per_customer = Counter(c.customer_id for c in ContactPerson.select(ContactPerson.customer))
    enterprises = [c.id for c in Customer.select(Customer.id).where(Customer.kind == "enterprise")]
    assert all(1 <= per_customer[cid] <= 4 for cid in enterprises)
    individuals = Customer.select().where(Customer.kind == "individual")
    assert all(per_customer[c.id] == 0 for c in individuals)
    primaries = Counter(
        c.customer_id for c in ContactPerson.select().where(ContactPerson.is_primary)
    )
    assert all(primaries[cid] == 1 for cid in enterprises)


def test_birthdays_are_solar_or_lunar_and_never_in_the_future(sample):
    people = list(Customer.select().where(Customer.kind == "individual"))
    solar = [c for c in people if c.birthday is not None]
    lunar = [c for c in people if c.lunar_birthday_month is not None]
    assert solar and lunar
    assert all(c.birthday <= TODAY for c in solar)
    assert all(1 <= c.lunar_birthday_month <= 12 and 1 <= c.lunar_birthday_day <= 30 for c in lunar)


def test_chinese_customers_live_at_chinese_addresses_with_a_district(sample):
    for c in Customer.select():
        if search_index._HANZI_RUN.search(c.name):
            assert c.province and c.city and c.district, c.name


def test_sample_customers_read_back_through_the_customer_service(sample):
    for c in Customer.select().limit(40):
        record = customers.get_customer(c.id)
        assert record.code == c.code and record.name == c.name
        assert record.phones or any(contact.phones for contact in record.contacts)


# ---------------------------------------------------------------- valid phone, email


def test_every_phone_number_passes_validation_with_matching_normal_forms(sample):
    phones = list(Phone.select())
    assert len(phones) > 300
    for p in phones:
        normal = normalize_phone(p.number)
        assert (normal.e164, normal.digits) == (p.e164, p.digits), p.number
    assert any(p.e164.startswith("+1") for p in phones)
    assert any(p.label == "work" and p.number.startswith("0") for p in phones)  # landlines


def test_every_email_address_passes_validation(sample):
    for e in Email.select():
        assert normalize_email(e.address) == e.address


# ------------------------------------------------------------------------------ search


def test_the_index_finds_sample_customers_by_name_pinyin_and_phone(sample):
    chinese = [
        c
        for c in Customer.select().where(Customer.kind == "individual")
        if search_index._HANZI_RUN.fullmatch(c.name)
    ][:10]
    assert chinese
    for c in chinese:
        initials = "".join(s[0] for s in search_index.pinyin_spelling(c.name, person=True).split())
        phone = Phone.select().where(Phone.customer == c.id).first()
        assert c.id in search_ids(c.name)
        assert c.id in search_ids(c.name[-1])
        assert c.id in search_ids(initials)
        assert c.id in search_ids(phone.digits[-4:])
        assert c.id in search_ids(c.code)


def test_english_sample_customers_are_found_by_surname(sample):
    english = [
        c for c in Customer.select().where(Customer.kind == "individual") if c.name.isascii()
    ][:10]
    assert english
    for c in english:
        assert c.id in search_ids(c.name.split()[-1])


# ------------------------------------------------------------ consistent story per row


def test_last_contact_and_next_followup_match_the_followups(sample):
    done, planned = defaultdict(list), defaultdict(list)
    for f in FollowUp.select():
        if f.status == "done":
            done[f.customer_id].append(f.occurred_at)
        elif f.status == "planned":
            planned[f.customer_id].append(f.due_at)
    for c in Customer.select():
        assert c.last_contact_at == (max(done[c.id]) if done[c.id] else None), c.code
        assert c.next_followup_at == (min(planned[c.id]) if planned[c.id] else None), c.code


def test_planned_followups_are_partly_overdue_partly_today_partly_upcoming(sample):
    days = [local_day(f.due_at) for f in FollowUp.select().where(FollowUp.status == "planned")]
    assert any(d < TODAY for d in days)
    assert any(d == TODAY for d in days)
    assert any(d > TODAY for d in days)


def test_done_followups_happened_in_the_past_and_plans_point_back(sample):
    for f in FollowUp.select().where(FollowUp.status == "done"):
        assert f.occurred_at is not None and local_day(f.occurred_at) < TODAY
        assert f.due_at is None
    linked = FollowUp.select().where(FollowUp.planned_from.is_null(False))
    assert linked.count() > 0
    for f in linked:
        assert f.planned_from.customer_id == f.customer_id and f.planned_from.status == "done"


def test_followup_contacts_belong_to_the_same_customer(sample):
    with_contact = FollowUp.select().where(FollowUp.contact.is_null(False))
    assert with_contact.count() > 0
    for f in with_contact:
        assert f.contact.customer_id == f.customer_id


def test_potential_customers_have_no_orders_and_buyers_are_existing(sample):
    buyers = {cid for (cid,) in Order.select(Order.customer).distinct().tuples()}
    for c in Customer.select():
        if c.stage == "potential":
            assert c.id not in buyers
        if c.status == "potential":
            assert (
                Order.select()
                .where((Order.customer == c.id) & (Order.status != "cancelled"))
                .count()
                == 0
            )
        else:
            assert c.first_purchase_on is not None


def test_purchase_dates_span_the_orders(sample):
    dates = defaultdict(list)
    for o in Order.select().where(Order.status != "cancelled"):
        dates[o.customer_id].append(o.order_date)
    for c in Customer.select().where(Customer.status == "existing"):
        assert (c.first_purchase_on, c.last_purchase_on) == (min(dates[c.id]), max(dates[c.id]))


def test_loyal_customers_sit_at_higher_levels_than_potential_ones(sample):
    def mean_level(stage: str) -> float:
        levels = [c.relationship_level for c in Customer.select().where(Customer.stage == stage)]
        return sum(levels) / len(levels)

    assert mean_level("loyal") > mean_level("repeat") > mean_level("potential")
    loyal_orders = Order.select().join(Customer).where(Customer.stage == "loyal").count()
    first_orders = Order.select().join(Customer).where(Customer.stage == "first_purchase").count()
    loyal = Customer.select().where(Customer.stage == "loyal").count()
    first = Customer.select().where(Customer.stage == "first_purchase").count()
    assert loyal_orders / loyal > 2 * first_orders / first


def test_exited_customers_have_a_reason_and_no_plans(sample):
    exited = list(Customer.select().where(Customer.stage == "exited"))
    assert exited
    for c in exited:
        assert c.exit_reason and c.exited_at is not None
        assert c.next_followup_at is None


def test_amounts_are_decimal_and_payments_never_exceed_the_order(sample):
    paid = defaultdict(Decimal)
    for p in Payment.select():
        assert isinstance(p.amount, Decimal) and p.amount > 0
        paid[p.order_id] += p.amount
    for o in Order.select():
        assert isinstance(o.amount, Decimal) and o.amount > 0
        assert o.cost < o.amount
        assert paid[o.id] <= o.amount
        if o.status == "cancelled":
            assert paid[o.id] == 0


def test_some_payments_are_late_partial_or_missing(sample):
    paid = defaultdict(list)
    for p in Payment.select():
        paid[p.order_id].append(p)
    orders = list(Order.select().where((Order.status != "cancelled") & (Order.payment_due < TODAY)))
    late = [o for o in orders if any(p.paid_on > o.payment_due for p in paid[o.id])]
    partial = [o for o in orders if paid[o.id] and sum(p.amount for p in paid[o.id]) < o.amount]
    missing = [o for o in orders if not paid[o.id]]
    assert late and partial and missing
    assert len(late) + len(partial) + len(missing) < len(orders) / 2  # most pay on time


def test_shipments_follow_their_orders(sample):
    for s in Shipment.select():
        assert s.order.order_date <= s.shipped_on <= TODAY
        assert s.order.status in ("shipped", "completed")


def test_complaints_have_deadlines_and_resolved_ones_a_resolution(sample):
    for c in Complaint.select():
        assert c.respond_by > c.opened_at
        if c.status in ("resolved", "closed"):
            assert c.resolved_at is not None and c.resolution
        else:
            assert c.resolved_at is None


def test_surveys_score_one_to_five_and_nps_zero_to_ten(sample):
    for s in Survey.select():
        assert 1 <= s.satisfaction <= 5 and 0 <= s.nps <= 10


# ------------------------------------------------------------------------- determinism


def snapshot() -> dict[str, list]:
    """Seed-determined fields of everything written."""
    return {
        "customers": list(
            Customer.select(
                Customer.code,
                Customer.name,
                Customer.kind,
                Customer.stage,
                Customer.grade,
                Customer.relationship_level,
                Customer.city,
                Customer.birthday,
            )
            .order_by(Customer.id)
            .tuples()
        ),
        "phones": list(Phone.select(Phone.number, Phone.e164).order_by(Phone.id).tuples()),
        "emails": list(Email.select(Email.address).order_by(Email.id).tuples()),
        "followups": list(
            FollowUp.select(
                FollowUp.channel,
                FollowUp.subject,
                FollowUp.status,
                FollowUp.occurred_at,
                FollowUp.due_at,
            )
            .order_by(FollowUp.id)
            .tuples()
        ),
        "orders": list(
            Order.select(Order.order_no, Order.product, Order.amount, Order.order_date)
            .order_by(Order.id)
            .tuples()
        ),
        "payments": list(
            Payment.select(Payment.amount, Payment.paid_on).order_by(Payment.id).tuples()
        ),
    }


def make_sample(path: Path, seed: int, **kwargs) -> dict[str, list]:
    open_database(str(path))
    try:
        add_sample_data(60, seed=seed, today=TODAY, **kwargs)
        return snapshot()
    finally:
        close_database()


def test_the_same_seed_gives_the_same_data_in_two_fresh_databases(tmp_path):
    first = make_sample(tmp_path / "a.sqlite3", seed=3)
    second = make_sample(tmp_path / "b.sqlite3", seed=3, batch_size=25)
    assert first == second
    assert len(first["customers"]) == 60


def _referrals(path: Path, batch_size: int) -> list[tuple[str, str]]:
    open_database(str(path))
    try:
        add_sample_data(120, seed=4, today=TODAY, batch_size=batch_size)
        referrer = Customer.alias()
        return list(
            Customer.select(Customer.code, referrer.code)
            .join(referrer, on=Customer.referred_by == referrer.id)
            .order_by(Customer.id)
            .tuples()
        )
    finally:
        close_database()


def test_referrers_are_the_same_whether_in_an_earlier_batch_or_the_same_one(tmp_path):
    # One batch: every referrer is set after its batch is written; batches of 7: most
    # referrers were written before, with the customer.
    whole = _referrals(tmp_path / "a.sqlite3", batch_size=200)
    small = _referrals(tmp_path / "b.sqlite3", batch_size=7)
    assert whole == small
    assert len(whole) > 5


def test_a_different_seed_gives_different_customers(tmp_path):
    first = make_sample(tmp_path / "a.sqlite3", seed=3)
    other = make_sample(tmp_path / "b.sqlite3", seed=4)
    assert [c[1] for c in first["customers"]] != [c[1] for c in other["customers"]]


def test_running_again_adds_more_customers_after_the_existing_codes(db):
    customers.create_customer({"name": "真客户"})
    first = add_sample_data(20, seed=1)
    second = add_sample_data(20, seed=1)
    assert (first.users, second.users) == (len(User.select()), 0)
    codes = [c for (c,) in Customer.select(Customer.code).order_by(Customer.id).tuples()]
    assert codes == [f"C{n:06d}" for n in range(1, 42)]
    assert Tag.select().count() == len({t.name for t in Tag.select()})


# ------------------------------------------------------------- batches, progress, cancel


def test_progress_is_reported_after_each_batch(db):
    calls = []
    add_sample_data(
        250, seed=2, batch_size=100, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(100, 250), (200, 250), (250, 250)]


def test_cancelling_stops_between_batches_and_keeps_only_whole_ones(db):
    calls = []
    summary = add_sample_data(
        500,
        seed=2,
        batch_size=40,
        progress=lambda done, total: calls.append(done),
        cancelled=lambda: len(calls) >= 2,
    )
    assert calls == [40, 80]
    assert summary.customers == Customer.select().count() == 80
    assert summary.followups == FollowUp.select().count()
    docs = database.obj.execute_sql(f"SELECT COUNT(*) FROM {search_index.TABLE}").fetchone()[0]
    assert docs == 80


def test_cancelled_before_starting_adds_no_customers(db):
    summary = add_sample_data(100, seed=2, cancelled=lambda: True)
    assert summary.customers == Customer.select().count() == 0


KILL_SCRIPT = """
import sys
from desktop_crm.db.connection import open_database
from desktop_crm.domain.demo import add_sample_data
open_database(sys.argv[1])
add_sample_data(100_000, seed=5, batch_size=150, progress=lambda d, t: print(d, flush=True))
"""


def test_a_killed_run_leaves_a_sound_database_with_whole_batches(tmp_path):
    path = tmp_path / "killed.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(path)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "150"
        assert proc.stdout.readline().strip() == "300"
    finally:
        proc.kill()  # SIGKILL: no clean-up, possibly in the middle of the third batch
        proc.wait()
    proc.stdout.close()
    open_database(str(path))
    try:
        assert database.obj.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = Customer.select().count()
        assert count >= 300 and count % 150 == 0
        docs = database.obj.execute_sql(f"SELECT COUNT(*) FROM {search_index.TABLE}").fetchone()[0]
        assert docs == count
        assert database.obj.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        close_database()
