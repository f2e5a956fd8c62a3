"""Exporting customers to CSV: Excel-friendly bytes, paging, and a faithful round trip."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer
from desktop_crm.domain.customers import create_customer, get_customer, trash_customers
from desktop_crm.domain.users import create_user
from desktop_crm.errors import CrmError
from desktop_crm.exchange import exporter
from desktop_crm.exchange.exporter import export_customers
from desktop_crm.exchange.importer import import_customers
from desktop_crm.exchange.mapping import EXPORT_COLUMNS


def read_back(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def rich_customers() -> list[Any]:
    create_user("lily", "Lily Wang")
    first = create_customer(
        {
            "name": "张三",
            "kind": "individual",
            "gender": "male",
            "birthday": "1980-05-06",
            "lunar_birthday_month": 4,
            "lunar_birthday_day": 10,
            "lunar_birthday_leap": True,
            "title": "总经理",
            "company_name": "三丰贸易",
            "industry": "贸易",
            "website": "https://sf.example.cn",
            "phones": [
                {"number": "13800138000", "label": "mobile"},
                {"number": "010-62345678", "label": "work"},
            ],
            "emails": ["zhangsan@example.com", "zs@example.org"],
            "messengers": [
                {"service": "wechat", "handle": "zs_wx"},
                {"service": "qq", "handle": "10001"},
                {"service": "telegram", "handle": "@zs"},
            ],
            "addresses": [
                {
                    "label": "work",
                    "province": "北京",
                    "city": "北京",
                    "district": "朝阳区",
                    "street": "建国路88号",
                    "postcode": "100022",
                }
            ],
            "source": "exhibition",
            "owner": "lily",
            "status": "existing",
            "stage": "repeat",
            "grade": "A",
            "stars": 5,
            "credit_rating": "AA",
            "credit_limit": "50000",
            "relationship_level": 4,
            "tags": ["VIP", "老客户"],
            "preferences": "喜欢绿茶",
            "family_notes": "女儿上大学",
            "social_notes": "校友会",
            "notes": "第一行\n第二行, 有逗号",
            "external_id": "ERP-1",
        }
    )
    second = create_customer(
        {
            "name": "华为技术有限公司",
            "kind": "enterprise",
            "company_size": "1000+",
            "phones": [{"number": "0755-28780808", "label": "work"}],
            "source": "referral",
            "referred_by": first.code,
            "birthday": None,
            "tags": ["大客户"],
        }
    )
    third = create_customer(
        {
            "name": "Mary Smith",
            "gender": "female",
            "birthday": "1904-02-29",
            "birthday_has_year": False,
            "emails": ["mary@example.com"],
        }
    )
    return [first, second, third]


def test_export_is_utf8_with_bom_code_and_name_first(db: Any, tmp_path: Path) -> None:
    rich_customers()
    path = tmp_path / "out.csv"
    assert export_customers(path) == 3
    rows = read_back(path)
    assert list(rows[0])[:2] == ["code", "name"] and tuple(rows[0]) == EXPORT_COLUMNS
    first = rows[0]
    assert (first["code"], first["name"], first["gender"], first["birthday"]) == (
        "C000001",
        "张三",
        "male",
        "1980-05-06",
    )
    assert first["phones"] == "13800138000; 010-62345678"
    assert first["emails"] == "zhangsan@example.com; zs@example.org"
    assert (first["wechat"], first["qq"], first["messengers"]) == ("zs_wx", "10001", "telegram:@zs")
    assert (first["address"], first["postcode"], first["district"]) == (
        "建国路88号",
        "100022",
        "朝阳区",
    )
    assert (first["owner"], first["tags"], first["lunar_birthday"]) == (
        "lily",
        "VIP; 老客户",
        "闰4-10",
    )
    assert (first["credit_limit"], first["stars"], first["relationship_level"]) == (
        "50000.00",
        "5",
        "4",
    )
    assert first["notes"] == "第一行\n第二行, 有逗号"
    assert rows[1]["referred_by"] == "C000001" and rows[1]["kind"] == "enterprise"
    assert rows[2]["birthday"] == "--02-29"


def test_trashed_customers_are_left_out_and_pages_are_streamed(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporter, "PAGE_SIZE", 2)
    made = [create_customer({"name": f"客户{i}", "phones": [f"1380013800{i}"]}) for i in range(7)]
    trash_customers([made[3].id])
    seen: list[tuple[int, int]] = []
    path = tmp_path / "out.csv"
    assert export_customers(path, progress=lambda done, total: seen.append((done, total))) == 6
    rows = read_back(path)
    assert [r["name"] for r in rows] == [f"客户{i}" for i in (0, 1, 2, 4, 5, 6)]
    assert rows[3]["phones"] == "13800138004"
    assert seen == [(2, 6), (4, 6), (6, 6)]
    assert export_customers(tmp_path / "some.csv", customer_ids=[made[5].id, made[0].id]) == 2
    assert [r["name"] for r in read_back(tmp_path / "some.csv")] == ["客户0", "客户5"]


@pytest.mark.parametrize("where", ["no/such/folder/out.csv", "."])
def test_unwritable_path_is_refused_and_leaves_nothing(db: Any, tmp_path: Path, where: str) -> None:
    create_customer({"name": "张三"})
    with pytest.raises(CrmError, match="does not exist|is a folder"):
        export_customers(tmp_path / where)
    assert [p.name for p in tmp_path.iterdir()] == ["crm.sqlite3"] or all(
        not p.name.endswith(".part") for p in tmp_path.iterdir()
    )


def test_a_failed_export_keeps_the_previous_file(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_customer({"name": "张三"})
    path = tmp_path / "out.csv"
    path.write_text("previous export", encoding="utf-8")

    def broken(*_args: Any) -> Any:
        raise RuntimeError("bug in the middle")
        yield  # pragma: no cover

    monkeypatch.setattr(exporter, "_page_records", broken)
    with pytest.raises(RuntimeError):
        export_customers(path)
    assert path.read_text(encoding="utf-8") == "previous export"
    assert not list(tmp_path.glob("*.part"))


COMPARED = (
    "code",
    "kind",
    "name",
    "gender",
    "birthday",
    "birthday_has_year",
    "lunar_birthday_month",
    "lunar_birthday_day",
    "lunar_birthday_leap",
    "title",
    "company_name",
    "industry",
    "company_size",
    "website",
    "province",
    "city",
    "district",
    "source",
    "referred_by",
    "owner",
    "status",
    "stage",
    "grade",
    "stars",
    "credit_rating",
    "credit_limit",
    "relationship_level",
    "preferences",
    "family_notes",
    "social_notes",
    "notes",
    "external_id",
    "tags",
)


def snapshot(record: Any) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in COMPARED}
    values["phones"] = [(p.number, p.label, p.e164) for p in record.phones]
    values["emails"] = [e.address for e in record.emails]
    values["messengers"] = [(m.service, m.handle) for m in record.messengers]
    values["addresses"] = [
        (a.province, a.city, a.district, a.street, a.postcode) for a in record.addresses
    ]
    return values


def test_export_then_import_gives_the_same_customers(tmp_path: Path) -> None:
    open_database(str(tmp_path / "first.sqlite3"))
    rich_customers()
    originals = [snapshot(get_customer(c.id)) for c in Customer.select().order_by(Customer.id)]
    export_customers(tmp_path / "all.csv")
    close_database()

    open_database(str(tmp_path / "second.sqlite3"))
    create_user("lily", "Lily Wang")
    summary = import_customers(tmp_path / "all.csv")
    assert (summary.created, summary.rejected) == (3, 0), summary.problems
    copies = [snapshot(get_customer(c.id)) for c in Customer.select().order_by(Customer.id)]
    close_database()
    assert copies == originals
    assert originals[0]["credit_limit"] == Decimal("50000.00")
    assert originals[2]["birthday"] == date(1904, 2, 29) and not originals[2]["birthday_has_year"]


def test_importing_our_export_into_the_same_database_changes_nothing(
    db: Any, tmp_path: Path
) -> None:
    rich_customers()
    before = [get_customer(c.id) for c in Customer.select().order_by(Customer.id)]
    export_customers(tmp_path / "all.csv")
    summary = import_customers(tmp_path / "all.csv")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3), summary.problems
    after = [get_customer(c.id) for c in Customer.select().order_by(Customer.id)]
    assert [r.version for r in after] == [r.version for r in before]
