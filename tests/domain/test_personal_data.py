"""One person's data: the export holds everything about them, the erasure leaves nothing.

The erasure tests read back every text column of every table of the database itself
(sqlite_master with FTS5's shadow tables; information_schema with the tsvector on
PostgreSQL), not what the app's queries choose to show.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest

from desktop_crm.db.models import (
    ALL_MODELS,
    ChangeLog,
    Customer,
    Erasure,
    FollowUp,
    Order,
    Payment,
    database,
)
from desktop_crm.domain import (
    analysis,
    customers,
    followups,
    orders,
    personal_data,
    relationship,
    service,
)
from desktop_crm.domain.merge import merge_customers, unmerge
from desktop_crm.domain.personal_data import ErasureError
from desktop_crm.domain.search import CustomerQuery, customer_ids
from desktop_crm.errors import NotFoundError
from desktop_crm.exchange.importer import import_customers

NAME = "欧阳晓燕"
PHONE = "138 0013 8000"
LANDLINE = "010-6234 5678"
EMAIL = "xiaoyan.ouyang@example.com"
CONTACT = "欧阳德华"
CONTACT_PHONE = "139 1234 5678"
CONTACT_EMAIL = "dehua@ouyang-family.cn"
WECHAT = "ouyang_xy_88"
DUPLICATE = "欧阳晓艳"  # how an import spelt her
IMPORTED_EMAIL = "xy.ouyang@import.example.com"


@dataclass
class Person:
    id: int
    other_id: int  # a different person, related to her, whose notes mention her
    bystander_id: int  # a different person, nothing to do with her
    secrets: tuple[str, ...]  # every name, number and address that must go


def _ago(days: int) -> datetime:
    return datetime(2024, 6, 1, 10) - timedelta(days=days)


@pytest.fixture
def person(db: Any, tmp_path: Path) -> Person:
    """A customer with every kind of record, edited, imported over and merged."""
    her = customers.create_customer(
        {
            "name": NAME,
            "gender": "female",
            "birthday": "1985-03-12",
            "title": "经理",
            "company_name": "晓燕花艺工作室",
            "preferences": "喜欢百合",
            "family_notes": "女儿在上小学",
            "phones": [PHONE, LANDLINE],
            "emails": [EMAIL],
            "messengers": [{"handle": WECHAT, "service": "wechat"}],
            "addresses": [{"label": "home", "city": "北京", "street": "海淀区学院路 37 号 5 单元"}],
            "contacts": [
                {
                    "name": CONTACT,
                    "title": "丈夫",
                    "phones": [CONTACT_PHONE],
                    "emails": [CONTACT_EMAIL],
                }
            ],
            "tags": ["花卉"],
            "relationship_level": 3,
        },
        changed_by="zhang.wei",
    )
    # Edited: the history holds old → new values of her.
    customers.update_customer(her.id, {"notes": f"{NAME}说周三方便"}, changed_by="zhang.wei")
    other = customers.create_customer(
        {"name": "李雷", "phones": ["137 0000 1111"], "notes": f"{NAME}的同事，介绍人"}
    )
    bystander = customers.create_customer(
        {"name": "Hannah Brown", "phones": ["+44 20 7946 0018"], "emails": ["hb@example.org"]}
    )
    customers.add_relation(her.id, other.id, "colleague", notes=f"{NAME}和李雷在同一公司")
    contact_id = customers.get_customer(her.id).contacts[0].id
    followups.log_contact(
        her.id,
        channel="phone",
        subject="花篮报价",
        content=f"{NAME}要两个花篮，电话 {PHONE}",
        outcome="下周送货",
        occurred_at=_ago(30),
        contact_id=contact_id,
    )
    followups.plan_followup(her.id, date(2031, 1, 5), subject=f"回访{NAME}")
    saved = orders.create_order(
        her.id,
        {"order_date": "2024-05-01", "product": "花篮", "amount": "880.00", "notes": "送到家"},
    )
    orders.add_shipment(
        saved.order.id,
        {"shipped_on": "2024-05-02", "carrier": "顺丰", "tracking_no": "SF1234567890"},
    )
    orders.add_payment(
        saved.order.id,
        {"paid_on": "2024-05-03", "amount": "880.00", "method": "wechat", "reference": NAME},
    )
    orders.create_order(
        bystander.id, {"order_date": "2024-05-10", "product": "Roses", "amount": "120"}
    )
    service.open_complaint(her.id, f"送货员没有打 {PHONE}", severity="low")
    service.record_survey(her.id, satisfaction=5, nps=9, comments=f"很满意 —— {NAME}")
    relationship.mark_strategy_step(her.id, 3, 0, True, changed_by="zhang.wei")
    # Imported: the same person again (merged into her), with a new email.
    path = tmp_path / "people.csv"
    path.write_text(f"姓名,手机,邮箱\n{DUPLICATE},13800138000,{IMPORTED_EMAIL}\n", encoding="utf-8")
    summary = import_customers(path, on_duplicate="merge")
    assert summary.merged == 1
    # And a duplicate typed by hand, merged into her.
    twin = customers.create_customer({"name": "欧阳 晓燕", "emails": ["ouyang.twin@example.net"]})
    merge_customers(her.id, twin.id, changed_by="zhang.wei")
    return Person(
        her.id,
        other.id,
        bystander.id,
        (
            NAME,
            DUPLICATE,
            "欧阳 晓燕",
            CONTACT,
            PHONE,
            "13800138000",
            LANDLINE,
            "01062345678",
            "6234 5678",
            EMAIL,
            IMPORTED_EMAIL,
            "ouyang.twin@example.net",
            CONTACT_PHONE,
            "13912345678",
            CONTACT_EMAIL,
            WECHAT,
            "学院路 37 号",
        ),
    )


# --------------------------------------------------------------------------- export


def test_the_export_holds_every_kind_of_record(person: Person) -> None:
    data = personal_data.personal_data(person.id)
    assert data["profile"]["name"] == NAME
    assert data["profile"]["birthday"] == "1985-03-12"
    assert {p["number"] for p in data["phones"]} >= {PHONE, LANDLINE}
    assert {e["address"] for e in data["emails"]} >= {EMAIL, IMPORTED_EMAIL}
    assert [m["handle"] for m in data["messengers"]] == [WECHAT]
    assert data["addresses"][0]["street"].startswith("海淀区学院路")
    [contact] = data["contacts"]
    assert (contact["name"], contact["phones"][0]["number"]) == (CONTACT, CONTACT_PHONE)
    assert contact["emails"][0]["address"] == CONTACT_EMAIL
    assert data["tags"] == ["花卉"]
    assert [(r["kind"], r["other_name"]) for r in data["relations"]] == [("colleague", "李雷")]
    assert {f["status"] for f in data["followups"]} == {"done", "planned"}
    [order] = data["orders"]
    assert (order["product"], order["amount"]) == ("花篮", "880.00")
    assert order["shipments"][0]["tracking_no"] == "SF1234567890"
    assert order["payments"][0]["reference"] == NAME
    assert PHONE in data["complaints"][0]["description"]
    assert data["surveys"][0]["nps"] == 9
    assert data["strategy_steps"][0]["level"] == 3
    changes = [(h["action"], h["field"], h["old_value"], h["new_value"]) for h in data["history"]]
    assert ("update", "notes", None, f"{NAME}说周三方便") in changes
    assert all(h["changed_at"] and "changed_by" in h for h in data["history"])
    assert len(data["merges"]) == 2  # the import's and the one by hand
    assert {r["profile"]["name"] for r in data["merged_records"]} == {DUPLICATE, "欧阳 晓燕"}


def test_the_json_file_reads_back_the_same_with_a_header(person: Person, tmp_path: Path) -> None:
    path = personal_data.write_personal_data_json(person.id, tmp_path / "her.json")
    raw = path.read_text(encoding="utf-8")
    assert NAME in raw  # Hanzi as they are, not \\u escapes
    document = json.loads(raw)
    assert document["format"] == "desktop-crm-personal-data"
    assert document["app_version"]
    assert document["database"]
    assert datetime.fromisoformat(document["exported_at"].rstrip("Z"))
    assert document["person"] == json.loads(json.dumps(personal_data.personal_data(person.id)))


def test_a_customer_is_named_by_id_or_code(person: Person) -> None:
    code = Customer.get_by_id(person.id).code
    assert personal_data.resolve_customer(code) == person.id
    assert personal_data.resolve_customer(code.lower()) == person.id
    assert personal_data.resolve_customer(str(person.id)) == person.id
    with pytest.raises(NotFoundError):
        personal_data.resolve_customer("C999999")


# -------------------------------------------------------------------------- erasure


def _text_cells(db: peewee.Database) -> Iterator[tuple[str, str, str]]:
    """(table, column, text) of every text (or blob) value in the whole database."""
    if isinstance(db, peewee.SqliteDatabase):
        tables = [
            name
            for (name,) in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        ]
        for table in tables:
            try:
                cursor = db.execute_sql(f'SELECT * FROM "{table}"')
            except peewee.OperationalError:  # the FTS5 table itself: its shadows are read
                continue
            names = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(names, row, strict=True):
                    if isinstance(value, bytes):
                        yield table, column, value.decode("utf-8", "replace")
                    elif isinstance(value, str):
                        yield table, column, value
        return
    columns = db.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type IN "
        "('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'bytea')"
    ).fetchall()
    for table, column in columns:
        for (value,) in db.execute_sql(
            f'SELECT "{column}"::text FROM "{table}" WHERE "{column}" IS NOT NULL'
        ).fetchall():
            yield table, column, value


def _traces(db: peewee.Database, secrets: tuple[str, ...]) -> list[tuple[str, str, str]]:
    forms = set()
    for secret in secrets:
        forms.add(secret)
        digits = re.sub(r"\D", "", secret)
        if len(digits) >= 6:
            forms.add(digits)
        if re.search(r"[\u4e00-\u9fff]", secret):
            forms.add(" ".join(secret.replace(" ", "")))  # the index's spaced Hanzi: 欧 阳 晓 燕
    found = []
    for table, column, value in _text_cells(db):
        for form in forms:
            if form in value or form in value.replace(" ", "").replace("'", ""):
                found.append((table, column, form))
    return found


def test_the_scan_finds_her_before_the_erasure(person: Person) -> None:
    tables = {table for table, _column, _form in _traces(database.obj, person.secrets)}
    assert {"customer", "phone", "email", "contact_person", "change_log", "customer_search"} & {
        t.removesuffix("_content") for t in tables
    } >= {"customer", "phone", "email", "contact_person", "change_log"}


def test_erasure_leaves_no_trace_of_her_in_any_text_column(person: Person) -> None:
    result = personal_data.erase_personal_data(person.id, by="admin")
    assert _traces(database.obj, person.secrets) == []
    assert result.counts["customer"] == 3  # she and the two duplicates merged into her
    assert result.counts["phone"] >= 3 and result.counts["contact_person"] == 1


def test_orders_stay_for_the_totals_and_the_dashboard(person: Person) -> None:
    period = {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "today": date(2024, 12, 31)}
    revenue = analysis.totals(**period).revenue
    months = [(m.month, m.revenue) for m in analysis.revenue_per_month(**period)]
    total = sum(o.amount for o in Order.select())
    paid = sum(p.amount for p in Payment.select())
    personal_data.erase_personal_data(person.id, by="admin")
    assert analysis.totals(**period).revenue == revenue == Decimal("1000.00")
    assert [(m.month, m.revenue) for m in analysis.revenue_per_month(**period)] == months
    assert sum(o.amount for o in Order.select()) == total
    assert sum(p.amount for p in Payment.select()) == paid
    order = Order.get(Order.customer == person.id)
    assert (order.product, order.notes) == ("花篮", None)
    assert analysis.dashboard_data(**period).totals.revenue == revenue


def test_the_shell_is_in_neither_the_list_nor_the_trash_and_cannot_come_back(
    person: Person,
) -> None:
    result = personal_data.erase_personal_data(person.id, by="admin")
    shell = Customer.get_by_id(person.id)
    assert shell.name == f"已删除的客户 / Erased customer #{result.erasure_id}"
    assert shell.erased_at is not None and shell.deleted_at is not None
    assert (shell.phones.count(), shell.contacts.count(), shell.birthday) == (0, 0, None)
    assert person.id not in customer_ids(CustomerQuery(), limit=100)
    assert person.id not in customer_ids(CustomerQuery(trashed=True), limit=100)
    assert customer_ids(CustomerQuery(text="欧阳")) == []
    assert customer_ids(CustomerQuery(text="13800138000")) == []
    assert customers.restore_customers([person.id]) == 0
    with pytest.raises(ErasureError, match="erased"):
        personal_data.erase_personal_data(person.id)
    with pytest.raises(ErasureError):
        personal_data.personal_data(person.id)


def test_planned_contacts_go_and_contacts_made_stay_without_their_words(person: Person) -> None:
    personal_data.erase_personal_data(person.id, by="admin")
    rows = list(FollowUp.select().where(FollowUp.customer == person.id))
    assert [r.status for r in rows] == ["done"]
    assert (rows[0].subject, rows[0].content, rows[0].outcome, rows[0].contact_id) == (
        None,
        None,
        None,
        None,
    )


def test_an_erasure_is_recorded_without_her_name(person: Person) -> None:
    code = Customer.get_by_id(person.id).code
    uuid = str(Customer.get_by_id(person.id).uuid)
    personal_data.erase_personal_data(person.id, by="admin")
    [record] = personal_data.erasures()
    assert (record["erased_by"], record["customer_code"], record["customer_uuid"]) == (
        "admin",
        code,
        uuid,
    )
    assert record["counts"]["phone"] >= 3
    assert NAME not in json.dumps(record, ensure_ascii=False)
    last = ChangeLog.select().where(ChangeLog.customer == person.id).order_by(ChangeLog.id.desc())
    assert (last.first().action, last.first().changed_by) == ("erase", "admin")
    assert Erasure.select().count() == 1


def test_other_customers_keep_everything_but_the_mentions_of_her(person: Person) -> None:
    bystander = customers.get_customer(person.bystander_id)
    personal_data.erase_personal_data(person.id, by="admin")
    assert customers.get_customer(person.bystander_id) == bystander
    other = customers.get_customer(person.other_id)
    assert (other.name, [p.number for p in other.phones]) == ("李雷", ["137 0000 1111"])
    assert other.notes == "[已删除]的同事，介绍人"
    assert other.relations == []
    assert customer_ids(CustomerQuery(text="李雷")) == [person.other_id]
    assert customer_ids(CustomerQuery(text="同事")) == [person.other_id]  # reindexed, still found


def test_merges_of_hers_cannot_be_undone_after_the_erasure(person: Person) -> None:
    personal_data.erase_personal_data(person.id, by="admin")
    with pytest.raises(Exception):  # noqa: B017 - the merge's kept customer is gone
        unmerge(kept_id=person.id)
    assert Customer.select().where(Customer.merged_into == person.id).count() == 2
    assert all(
        c.erased_at is not None for c in Customer.select().where(Customer.merged_into == person.id)
    )


def test_a_merged_duplicate_is_erased_through_the_one_it_joined(person: Person) -> None:
    twin = Customer.get(Customer.merged_into == person.id)
    with pytest.raises(ErasureError, match="merged into"):
        personal_data.erase_personal_data(twin.id)


def test_every_table_still_reads_after_the_erasure(person: Person) -> None:
    personal_data.erase_personal_data(person.id, by="admin")
    for model in ALL_MODELS:
        list(model.select())  # every JSON column still parses
    assert customers.rebuild_search_index() == Customer.select().count()
    assert _traces(database.obj, person.secrets) == []


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_sqlite_file_itself_no_longer_holds_her_phone(person: Person, db_path: Path) -> None:
    personal_data.erase_personal_data(person.id, by="admin")
    database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    for secret in (EMAIL, CONTACT_EMAIL, "13800138000", NAME, CONTACT):
        assert secret.encode() not in raw, secret


@pytest.mark.usefixtures("qapp")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_holds_her_name_in_chinese(person: Person, tmp_path: Path) -> None:
    from desktop_crm.domain import messages
    from desktop_crm.reports.document import write_pdf
    from desktop_crm.reports.personal_data import build_personal_data_report

    messages.set_language("zh_CN")
    try:
        path = write_pdf(build_personal_data_report(person.id), tmp_path / "her.pdf")
    finally:
        messages.set_language("en")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = re.sub(r"\s+", "", text)
    for expected in (
        NAME,
        CONTACT,
        "13800138000",
        EMAIL,
        "花篮",
        "个人数据",
        "修改记录",
        DUPLICATE,
    ):
        assert expected in flat, expected


@pytest.mark.parametrize("backend", ["postgres"])
def test_in_office_mode_only_an_administrator_erases(office_db, backend: str) -> None:
    from desktop_crm.db.connection import open_database
    from tests import postgres
    from tests.office import PASSWORD, WANGS

    customer_id = office_db.ids[WANGS]
    open_database(postgres.database_url(office_db.name, user="wang", password=PASSWORD))
    with pytest.raises(ErasureError, match="administrator"):
        personal_data.erase_personal_data(customer_id)
    assert Customer.get_by_id(customer_id).erased_at is None
    open_database(postgres.database_url(office_db.name, user="boss", password=PASSWORD))
    result = personal_data.erase_personal_data(customer_id)
    assert Customer.get_by_id(customer_id).name == result.shell_name
    assert office_db.names("boss") >= {result.shell_name}
