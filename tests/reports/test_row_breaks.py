"""No table row is cut in two by a page break, in the list, the plan and the client report.

Every row of the sample tables carries its own number in each of its words (`row042`,
`alpha042` …), some rows wrapping over two to four lines; `pdftotext -bbox` then tells on
which pages each row's words were printed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm.domain import customers, followups
from desktop_crm.reports import pagination
from desktop_crm.reports.client import build_client_report
from desktop_crm.reports.customer_list import build_list_report
from desktop_crm.reports.document import write_pdf
from desktop_crm.reports.followup_plan import build_followup_plan
from tests.reports.conftest import needs_poppler, pdf_words

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]

WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
]
ROW_WORD = re.compile(r"[a-z]+(\d{3})", re.IGNORECASE)  # "alpha042", not "C000042" or 2024
NOW = datetime(2024, 11, 18, 10, 0)


def words_of_row(n: int, many: int) -> str:
    return " ".join(f"{w}{n:03d}" for w in WORDS[:many])


def pages_of_rows(path: Path) -> dict[str, set[int]]:
    """For each row number: the pages its words were printed on."""
    pages: dict[str, set[int]] = {}
    for word in pdf_words(path):
        found = ROW_WORD.fullmatch(word.text)
        if found:
            pages.setdefault(found.group(1), set()).add(word.page)
    return pages


def cut_rows(path: Path) -> dict[str, set[int]]:
    return {row: on for row, on in pages_of_rows(path).items() if len(on) > 1}


@pytest.fixture
def wrapping_customers(db, company) -> list[int]:
    """80 customers whose names and companies wrap over one to three lines."""
    return [
        customers.create_customer(
            {
                "name": f"row{n:03d} " + words_of_row(n, 1 + (n * 7) % 9),
                "company_name": words_of_row(n, 1 + (n * 5) % 7),
            }
        ).id
        for n in range(80)
    ]


def test_no_list_row_is_cut_by_a_page_break(wrapping_customers, tmp_path):
    path = write_pdf(
        build_list_report(columns=["code", "name", "company_name"]), tmp_path / "l.pdf"
    )
    rows = pages_of_rows(path)
    assert len(rows) == 80 and len({p for on in rows.values() for p in on}) >= 3
    assert cut_rows(path) == {}, cut_rows(path)


def test_without_keeping_rows_together_qt_cuts_them(wrapping_customers, tmp_path, monkeypatch):
    """The sample really has rows at page ends: Qt alone prints them on two pages."""
    monkeypatch.setattr(pagination, "keep_rows_together", lambda document: 0)
    path = write_pdf(
        build_list_report(columns=["code", "name", "company_name"]), tmp_path / "l.pdf"
    )
    assert cut_rows(path) != {}


def test_no_plan_row_is_cut_by_a_page_break(db, company, owner, tmp_path):
    """Plan rows hold a large tick box beside small text, and subjects over several lines."""
    customer = customers.create_customer(
        {"name": "王建国", "owner": "zhang.wei", "phones": ["13800138000"]}
    )
    start = datetime(2024, 11, 19, 8, 0).astimezone()
    for n in range(70):
        followups.plan_followup(
            customer.id,
            start + timedelta(minutes=n),
            subject=words_of_row(n, 1 + (n * 5) % 13),
        )
    path = write_pdf(build_followup_plan("zhang.wei", 7, now=NOW), tmp_path / "plan.pdf")
    rows = pages_of_rows(path)
    assert len(rows) == 70 and len({p for on in rows.values() for p in on}) >= 2
    assert cut_rows(path) == {}, cut_rows(path)


def test_no_history_row_of_the_client_report_is_cut(db, company, owner, tmp_path):
    customer = customers.create_customer({"name": "Acme Trading", "owner": "zhang.wei"})
    for n in range(60):
        followups.log_contact(
            customer.id,
            channel="phone",
            subject=f"call{n:03d}",
            content=words_of_row(n, 1 + (n * 7) % 13),
            occurred_at=datetime(2024, 1, 1, 9, 0) + timedelta(hours=n),
        )
    report = build_client_report(customer.id, history_limit=None)
    path = write_pdf(report, tmp_path / "client.pdf")
    rows = pages_of_rows(path)
    assert len(rows) == 60 and len({p for on in rows.values() for p in on}) >= 2
    assert cut_rows(path) == {}, cut_rows(path)
    assert pagination.rows_cut_by_page_breaks(report.prepare()) == []
