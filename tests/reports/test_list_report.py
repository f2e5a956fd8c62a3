"""The list report: the current list as a table, counted, paginated with its header."""

from __future__ import annotations

import re

import pytest

from desktop_crm.domain import customers, segments
from desktop_crm.domain.bulk import NewCustomer, bulk_insert_customers
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.errors import NotFoundError
from desktop_crm.reports.customer_list import build_list_report, describe_query
from desktop_crm.reports.document import write_pdf
from desktop_crm.reports.errors import ReportCancelled, ReportError
from tests.reports.conftest import COMPANY, needs_poppler, page_size, pdf_pages, pdf_text

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]


@pytest.fixture
def people(db, company, owner):
    made = [
        customers.create_customer(
            {
                "name": "王建国",
                "city": "北京",
                "grade": "A",
                "phones": ["13800138000"],
                "owner": "zhang.wei",
            }
        ),
        customers.create_customer(
            {"name": "Alice Brown", "city": "Boston", "grade": "B", "phones": ["+1 617 555 0100"]}
        ),
        customers.create_customer({"name": "李四", "grade": "A", "stage": "loyal"}),
    ]
    return [c.id for c in made]


def test_every_customer_with_the_count(people, tmp_path):
    path = write_pdf(build_list_report(), tmp_path / "list.pdf")
    text = pdf_text(path)
    for expected in (
        "Customer list",
        "All customers",
        "3 customers",
        "王建国",
        "Alice Brown",
        "李四",
        "13800138000",
        "张伟",
        "Code",
        "Name",
        COMPANY,
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_a_saved_segment_in_chinese(people, tmp_path, chinese):
    segments.save_segment("A类客户", CustomerQuery(grade="A"))
    path = write_pdf(build_list_report(segment="A类客户"), tmp_path / "list.pdf")
    text = pdf_text(path)
    assert "客户分组：A类客户" in text and "共 2 位客户" in text
    assert "王建国" in text and "李四" in text and "Alice Brown" not in text
    assert "第 1 页，共 1 页" in text


def test_an_unknown_segment_is_named(people):
    with pytest.raises(NotFoundError, match="nope"):
        build_list_report(segment="nope")


def test_columns_are_chosen_and_checked(people, tmp_path):
    path = write_pdf(build_list_report(columns=["name", "grade", "stage"]), tmp_path / "l.pdf")
    text = pdf_text(path)
    assert "Loyal" in text and "13800138000" not in text
    with pytest.raises(ReportError, match="unknown column “colour”"):
        build_list_report(columns=["name", "colour"])


def test_few_columns_print_portrait_and_many_landscape(people, tmp_path):
    narrow = write_pdf(build_list_report(columns=["code", "name", "phone"]), tmp_path / "n.pdf")
    wide = write_pdf(
        build_list_report(
            columns=[
                "code",
                "name",
                "kind",
                "company_name",
                "phone",
                "email",
                "city",
                "owner",
                "stage",
                "grade",
                "relationship_level",
                "last_contact_at",
                "next_followup_at",
            ]
        ),
        tmp_path / "w.pdf",
    )
    assert page_size(narrow) == (595, 842)
    assert page_size(wide) == (842, 595)
    letter = write_pdf(build_list_report(paper="letter", landscape=False), tmp_path / "l.pdf")
    assert page_size(letter) == (612, 792)


def test_a_search_is_described_and_applied(people, tmp_path):
    query = CustomerQuery(text="Alice")
    assert describe_query(query) == "Search: Alice"
    assert describe_query(CustomerQuery(grade="A", city="北京")) == "Grade: A · City: 北京"
    text = pdf_text(write_pdf(build_list_report(query), tmp_path / "s.pdf"))
    assert "Alice Brown" in text and "王建国" not in text and "1 customer" in text


def test_an_empty_list_says_so(db, company, tmp_path):
    text = pdf_text(write_pdf(build_list_report(), tmp_path / "e.pdf"))
    assert "No customers match." in text and "0 customers" in text


def test_cancel_stops_the_build(people):
    with pytest.raises(ReportCancelled):
        build_list_report(cancelled=lambda: True)


def add_many(count: int) -> None:
    """`count` plain customers, written by the bulk path (see NOTES.md)."""
    bulk_insert_customers([NewCustomer(name=f"Customer {n:05d}") for n in range(1, count + 1)])


def test_ten_thousand_customers_paginate_with_the_header_on_every_page(db, company, tmp_path):
    add_many(10_000)
    seen: list[tuple[int, int]] = []
    report = build_list_report(progress=lambda done, total: seen.append((done, total)))
    pages = pdf_pages(write_pdf(report, tmp_path / "big.pdf"))
    assert len(pages) == report.page_count() > 100
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Code" in page and "Next follow-up" in page, number  # the header row
    codes = re.findall(r"C\d{6}", "".join(pages))
    assert len(codes) == len(set(codes)) == 10_000  # every row once, none cut in two
    assert "10,000 customers" in pages[0] and "10,000 customers" in pages[-1]
    assert seen[-1][0] == seen[-1][1] and len(seen) > 10
