"""The client report: what a customer's printed report says, in both languages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.db.models import FollowUp, Setting
from desktop_crm.domain import customers
from desktop_crm.errors import NotFoundError
from desktop_crm.reports import data
from desktop_crm.reports.client import build_client_report
from desktop_crm.reports.document import PageSetup, write_pdf
from desktop_crm.reports.errors import ReportCancelled
from tests.reports.conftest import (
    COMPANY,
    ago,
    flat,
    needs_poppler,
    page_size,
    pdf_pages,
    pdf_text,
)

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]


def written(report, tmp_path: Path, name: str = "report.pdf") -> Path:
    return write_pdf(report, tmp_path / name)


def test_account_totals_are_decimal_and_leave_cancelled_orders_out(full_customer):
    account = data.account(full_customer)
    assert account.total_ordered == Decimal("12557.50")  # 7197 + 5360.50, not the 699
    assert account.total_paid == Decimal("9197.00")
    assert account.receivable == Decimal("3360.50")
    assert [o.paid for o in account.orders if o.order_no == "SO2024001"] == [Decimal("7197.00")]
    assert account.cancelled_orders == 1


def test_english_report_has_every_section_and_the_figures(full_customer, tmp_path):
    text = pdf_text(written(build_client_report(full_customer), tmp_path))
    for expected in (
        COMPANY,
        "Client report",
        "深圳新宇龙信息贸易有限公司",
        "Profile",
        "Contact persons",
        "罗丽",
        "Peter Smith",
        "Addresses",
        "科技园路1号",
        "Classification",
        "Proactive",
        "Personal care",
        "偏好微信沟通",
        "Next actions",
        "确认送货时间",
        "Orders and payments",
        "SO2024002",
        "12,557.50",
        "9,197.00",
        "3,360.50",
        "Open complaints",
        "送货延误三天",
        "Latest satisfaction surveys",
        "服务很好",
        "Follow-up history",
        "报价跟进",
        "约定下周再联系",
        "Quarterly review",
        "office@xylxx12.com.cn",
    ):
        assert expected in text, expected
    assert "Closed long ago" not in text  # only open complaints


def test_chinese_report_reads_as_chinese(full_customer, tmp_path, chinese):
    pages = pdf_pages(written(build_client_report(full_customer), tmp_path))
    text = flat("".join(pages))
    for expected in (
        "客户报告",
        "基本资料",
        "联系人",
        "客户分类",
        "能动型",
        "维护策略",
        "客户关怀",
        "下一步行动",
        "订单与付款",
        "应收账款",
        "3,360.50",
        "未结投诉",
        "跟进记录",
        "打印日期",
    ):
        assert expected in text, expected
    for number, page in enumerate(pages, start=1):
        assert flat(f"第 {number} 页，共 {len(pages)} 页") in flat(page)


def test_copied_text_has_real_ideographs_not_radicals(full_customer, tmp_path, chinese):
    # Noto Sans CJK draws 户 and the Kangxi radical ⼾ with one glyph; the PDF must say 户.
    text = pdf_text(written(build_client_report(full_customer), tmp_path))
    assert "客户报告" in text and "打印日期" in text
    assert not any(0x2E80 <= ord(ch) < 0x2FE0 for ch in text)
    assert "C000001" in text  # digits after letters are not swapped for other glyphs


def test_a_bare_customer_gets_a_short_report_without_empty_sections(bare_customer, tmp_path):
    pages = pdf_pages(written(build_client_report(bare_customer), tmp_path))
    text = "".join(pages)
    assert len(pages) == 1
    assert "Zoe Miller" in text and "Profile" in text and "Page 1 of 1" in text
    for absent in (
        "Contact persons",
        "Addresses",
        "Personal care",
        "Next actions",
        "Orders and payments",
        "Open complaints",
        "satisfaction",
        "Follow-up history",
        "Related customers",
    ):
        assert absent not in text, absent


def test_the_logo_and_company_come_from_the_settings(bare_customer, tmp_path):
    from PySide6.QtGui import QColor, QImage

    logo = QImage(120, 40, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f4e79"))
    logo.save(str(tmp_path / "logo.png"))
    Setting.create(key="company_logo", value=str(tmp_path / "logo.png"))
    report = build_client_report(bare_customer)
    assert report.letterhead.logo is not None and report.letterhead.company == COMPANY
    assert b"/Subtype /Image" in written(report, tmp_path).read_bytes()


def test_a_missing_logo_file_is_left_out(bare_customer, tmp_path):
    Setting.create(key="company_logo", value=str(tmp_path / "gone.png"))
    report = build_client_report(bare_customer)
    assert report.letterhead.logo is None
    assert "Zoe Miller" in pdf_text(written(report, tmp_path))


def test_by_code_and_unknown_code(full_customer):
    code = customers.get_customer(full_customer).code
    assert build_client_report(code).title.endswith("深圳新宇龙信息贸易有限公司")
    with pytest.raises(NotFoundError, match="C999999"):
        build_client_report("C999999")


def test_two_thousand_follow_ups_paginate_with_numbered_pages(full_customer, tmp_path):
    rows = [
        {
            "customer": full_customer,
            "status": "done",
            "channel": "phone",
            "subject": f"Call number {n:04d}",
            "content": "Discussed the next order in detail.",
            "occurred_at": ago(50 + n),
        }
        for n in range(2000)
    ]
    FollowUp.insert_many(rows).execute()
    report = build_client_report(full_customer, history_limit=None)
    pages = pdf_pages(written(report, tmp_path))
    assert len(pages) == report.page_count() > 40
    text = "".join(pages)
    for n in (0, 999, 1999):
        assert f"Call number {n:04d}" in text
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert COMPANY in page  # the letterhead on every page
    # The history's heading and column titles repeat on every page it runs onto.
    assert all("Follow-up history" in page and "Channel" in page for page in pages[2:])


def test_the_history_can_be_cut_to_the_latest(full_customer, tmp_path):
    report = build_client_report(full_customer, history_limit=1)
    text = pdf_text(written(report, tmp_path))
    assert "报价跟进" in text and "Quarterly review" not in text
    assert "latest 1 of 2" in text


def test_progress_is_reported_and_cancel_stops_the_build(full_customer):
    seen: list[tuple[int, int]] = []
    build_client_report(full_customer, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(ReportCancelled):
        build_client_report(full_customer, cancelled=lambda: True)


@pytest.mark.parametrize(
    ("paper", "landscape", "size"),
    [
        ("a4", False, (595, 842)),
        ("letter", True, (792, 612)),
    ],
)
def test_paper_and_orientation(bare_customer, tmp_path, paper, landscape, size):
    report = build_client_report(bare_customer, setup=PageSetup(paper=paper, landscape=landscape))
    assert page_size(written(report, tmp_path)) == size


def test_an_overdue_plan_is_marked(full_customer, tmp_path):
    FollowUp.update(due_at=ago(2)).where(FollowUp.status == "planned").execute()
    text = pdf_text(written(build_client_report(full_customer), tmp_path))
    assert "overdue" in text
