"""Report tests: sample customers with everything a report prints, and reading PDFs back.

PDFs are read with poppler's `pdftotext` (as a person copying text would get it) and
`pdftotext -bbox` (where each word sits on the page, in points).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.db.models import Complaint, Order, Payment, Setting, Survey, User
from desktop_crm.domain import customers, followups, messages
from tests.conftest import BACKENDS

POPPLER = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(POPPLER is None, reason="poppler-utils not installed")
COMPANY = "华信办公设备有限公司"


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def flat(text: str) -> str:
    """Text with all white space removed: what a reader searches, whatever the layout."""
    return re.sub(r"\s+", "", text)


def page_size(path: Path) -> tuple[int, int]:
    """The first page's width and height in whole points."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return round(float(width)), round(float(height))


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def pdf_words(path: Path) -> list[Word]:
    """Every word with its box in points from the page's top-left corner."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    words: list[Word] = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for found in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
        ):
            x0, y0, x1, y1 = (float(found.group(i)) for i in range(1, 5))
            words.append(Word(number, found.group(5), x0, y0, x1, y1))
    return words


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every report is built from the data of both backends: SQLite and PostgreSQL."""
    return request.param


@pytest.fixture
def chinese() -> None:
    messages.set_language("zh_CN")
    yield
    messages.set_language("en")


@pytest.fixture
def company(db) -> str:
    Setting.create(key="company_name", value=COMPANY)
    return COMPANY


@pytest.fixture
def owner(db) -> User:
    return User.create(username="zhang.wei", display_name="张伟")


def ago(days: int, hour: int = 10) -> datetime:
    """A time `days` days back, as the database keeps it (naive UTC)."""
    moment = datetime.now(UTC).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    return moment.replace(hour=hour) - timedelta(days=days)


@pytest.fixture
def full_customer(db, owner, company) -> int:
    """An enterprise with contacts, addresses, care data, follow-ups, orders and more."""
    record = customers.create_customer(
        {
            "name": "深圳新宇龙信息贸易有限公司",
            "kind": "enterprise",
            "owner": "zhang.wei",
            "industry": "建筑",
            "status": "existing",
            "stage": "loyal",
            "grade": "A",
            "stars": 4,
            "credit_rating": "AA",
            "credit_limit": "50000",
            "relationship_level": 4,
            "preferences": "偏好微信沟通",
            "family_notes": "老板喜欢喝茶",
            "phones": ["0755-61042749"],
            "emails": ["office@xylxx12.com.cn"],
            "addresses": [
                {
                    "label": "work",
                    "province": "广东省",
                    "city": "深圳市",
                    "district": "南山区",
                    "street": "科技园路1号",
                    "postcode": "518000",
                }
            ],
            "contacts": [
                {
                    "name": "罗丽",
                    "title": "采购经理",
                    "department": "采购部",
                    "is_primary": True,
                    "phones": ["18482776815"],
                },
                {"name": "Peter Smith", "title": "CFO"},
            ],
            "tags": ["VIP"],
        }
    )
    followups.log_contact(
        record.id,
        channel="phone",
        subject="报价跟进",
        content="客户需要新的报价单",
        outcome="约定下周再联系",
        occurred_at=ago(20),
    )
    followups.log_contact(
        record.id, channel="visit", subject="Quarterly review", occurred_at=ago(40)
    )
    followups.plan_followup(
        record.id, date.today() + timedelta(days=3), subject="确认送货时间", channel="phone"
    )
    first = Order.create(
        customer=record.id,
        order_no="SO2024001",
        order_date=date(2024, 3, 1),
        product="激光打印机",
        quantity=Decimal("3"),
        amount=Decimal("7197.00"),
        status="completed",
    )
    Order.create(
        customer=record.id,
        order_no="SO2024002",
        order_date=date(2024, 6, 1),
        product="升降办公桌",
        quantity=Decimal("2"),
        amount=Decimal("5360.50"),
        status="shipped",
    )
    Order.create(
        customer=record.id,
        order_no="SO2024003",
        order_date=date(2024, 7, 1),
        product="碎纸机",
        quantity=Decimal("1"),
        amount=Decimal("699.00"),
        status="cancelled",
    )
    Payment.create(
        customer=record.id,
        order=first.id,
        paid_on=date(2024, 3, 10),
        amount=Decimal("7197.00"),
        method="bank",
        reference="BK-778",
    )
    Payment.create(
        customer=record.id, paid_on=date(2024, 6, 20), amount=Decimal("2000.00"), method="alipay"
    )
    Complaint.create(
        customer=record.id,
        severity="high",
        category="delivery",
        description="送货延误三天",
        status="open",
    )
    Complaint.create(
        customer=record.id,
        severity="low",
        category="service",
        description="Closed long ago",
        status="closed",
    )
    Survey.create(
        customer=record.id, surveyed_on=date(2024, 5, 1), satisfaction=4, nps=9, comments="服务很好"
    )
    return record.id


@pytest.fixture
def bare_customer(db, company) -> int:
    """A customer with a name and nothing else."""
    return customers.create_customer({"name": "Zoe Miller"}).id
