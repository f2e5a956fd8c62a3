"""Report benchmark: the client report of a customer with 2,000 follow-ups and a
10,000-customer list report, each built and written as PDF, against plain text.

    python bench/bench_reports.py [--customers 10000] [--followups 2000] [--runs 3]

The baseline is the same report's text (`QTextDocument.toPlainText()`, so the same
number of characters and lines) laid out with `QTextDocument.setPlainText` on the same
page size and font and painted page by page into a PDF, in the same run: what any
QTextDocument report costs at the least. The ratio says what tables, styles, the
letterhead and the text-map fix add. Times are medians of `--runs`; offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def build_database(path: Path, customers: int, followups: int) -> int:
    """`customers` customers (the bulk path) and one with `followups` contacts; its id."""
    from bench_foundation import cheap_customers

    from desktop_crm.db.connection import write_transaction
    from desktop_crm.db.models import FollowUp, Order, Payment, database, utcnow
    from desktop_crm.domain.bulk import bulk_insert_customers
    from desktop_crm.domain.customers import create_customer

    batch: list = []
    for customer in cheap_customers(customers - 1):
        batch.append(customer)
        if len(batch) == 5000:
            bulk_insert_customers(batch)
            batch.clear()
    if batch:
        bulk_insert_customers(batch)
    busy = create_customer(
        {
            "name": "深圳新宇龙信息贸易有限公司",
            "kind": "enterprise",
            "relationship_level": 4,
            "phones": ["0755-61042749"],
            "contacts": [{"name": "罗丽", "title": "采购经理"}],
            "addresses": [{"province": "广东省", "city": "深圳市", "street": "科技园路1号"}],
        }
    )
    now = utcnow()
    from datetime import date, timedelta
    from decimal import Decimal

    with write_transaction():
        database.cursor().executemany(
            "INSERT INTO follow_up (uuid, customer_id, status, channel, initiated_by, subject, "
            "content, outcome, occurred_at, created_at, updated_at) "
            "VALUES (?, ?, 'done', 'phone', 'us', ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"00000000-0000-4000-8000-{n:012d}",
                    busy.id,
                    f"回访产品使用情况 {n}",
                    "客户对上次的送货很满意，询问新品的价格和交货期。Asked about the new range.",
                    "约定下周再联系",
                    now - timedelta(hours=6 * n),
                    now,
                    now,
                )
                for n in range(followups)
            ],
        )
        for n in range(40):
            order = Order.create(
                customer=busy.id,
                order_no=f"SO{n:06d}",
                order_date=date(2024, 1, 1) + timedelta(days=7 * n),
                product="激光打印机",
                quantity=Decimal(2),
                amount=Decimal("4798.00"),
                status="completed",
            )
            Payment.create(
                customer=busy.id,
                order=order.id,
                paid_on=order.order_date,
                amount=Decimal("4798.00"),
                method="bank",
            )
    assert FollowUp.select().where(FollowUp.customer == busy.id).count() == followups
    database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return busy.id


def plain_text_pdf(text: str, report) -> int:  # noqa: ANN001 - a TextReport
    """The baseline: `text` as plain text, same font and page, painted into a PDF."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF
    from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

    from desktop_crm.reports import fonts
    from desktop_crm.reports.document import LAYOUT_DPI

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(report.page_layout())
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(fonts.report_font(report.font_pt))
    paper = report.page_layout().fullRect(report.page_layout().Unit.Point).size()
    body = report._body_size(paper)  # noqa: SLF001 - the same text area as the report
    document.setPageSize(QSizeF(body.width() * LAYOUT_DPI / 72, body.height() * LAYOUT_DPI / 72))
    document.setPlainText(text)
    pages = document.pageCount()
    height = document.pageSize().height()
    painter = QPainter(writer)
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * height)
        document.drawContents(
            painter, QRectF(0, index * height, document.pageSize().width(), height)
        )
        painter.restore()
    painter.end()
    del writer
    return pages


def timed(work: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure(name: str, build: Callable[[], object], runs: int) -> None:
    from desktop_crm.reports.document import pdf_bytes

    build_time, report = timed(build, runs)
    write_time, data = timed(lambda: pdf_bytes(report), runs)
    pages = report.page_count()
    text = report.plain_text()
    base_time, base_pages = timed(lambda: plain_text_pdf(text, report), runs)
    total = build_time + write_time
    print(f"{name}:")
    print(
        f"  report      {total:6.2f} s  ({build_time:.2f} s build + layout, "
        f"{write_time:.2f} s PDF)  {pages} pages, {len(data) / 1e6:.1f} MB"
    )
    print(f"  plain text  {base_time:6.2f} s  {base_pages} pages, {len(text):,} characters")
    print(f"  ratio       {total / base_time:6.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--followups", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # noqa: F841 - kept alive for the run
    from desktop_crm.db.connection import close_database, open_database
    from desktop_crm.domain import messages
    from desktop_crm.reports.client import build_client_report
    from desktop_crm.reports.customer_list import build_list_report

    messages.set_language("zh_CN")
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
        open_database(str(Path(folder) / "reports.sqlite3"))
        started = time.perf_counter()
        busy = build_database(Path(folder) / "reports.sqlite3", args.customers, args.followups)
        print(
            f"database: {args.customers:,} customers, one with {args.followups:,} "
            f"follow-ups ({time.perf_counter() - started:.1f} s to build)\n"
        )
        measure(
            f"client report, {args.followups:,} follow-ups",
            lambda: build_client_report(busy, history_limit=None),
            args.runs,
        )
        measure(f"list report, {args.customers:,} customers", build_list_report, args.runs)
        close_database()


if __name__ == "__main__":
    main()
