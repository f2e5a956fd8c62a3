"""Mailings: address labels where the sheet's labels are, envelopes and merged letters."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.db.models import Setting
from desktop_crm.domain import customers
from desktop_crm.reports import data
from desktop_crm.reports.document import MM, write_pdf
from desktop_crm.reports.envelopes import build_envelopes
from desktop_crm.reports.errors import ReportError
from desktop_crm.reports.labels import SHEETS, address_lines, build_labels, sheet
from desktop_crm.reports.letters import build_letters, check_template, fill
from tests.reports.conftest import (
    flat,
    needs_poppler,
    page_size,
    pdf_pages,
    pdf_text,
    pdf_words,
)

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]
TOLERANCE_PT = 1.5 * MM


@pytest.fixture
def thirty(db, company) -> list[int]:
    """30 customers in Beijing with postcodes 100001 … 100030 (a label's first line)."""
    return [
        customers.create_customer(
            {
                "name": f"客户{n:02d}",
                "gender": "female" if n % 2 else "male",
                "addresses": [
                    {
                        "province": "北京市",
                        "city": "北京市",
                        "district": "朝阳区",
                        "street": f"建国路{n}号",
                        "postcode": f"1000{n:02d}",
                    }
                ],
            }
        ).id
        for n in range(1, 31)
    ]


@pytest.fixture
def americans(db, company) -> list[int]:
    return [
        customers.create_customer(
            {
                "name": f"Person {n:02d}",
                "addresses": [
                    {
                        "street": f"{n} Main Street",
                        "city": "Boston",
                        "province": "MA",
                        "postcode": "02101",
                        "country": "USA",
                    }
                ],
            }
        ).id
        for n in range(1, 16)
    ]


def test_thirty_labels_on_a_3x8_sheet_land_on_the_grid(thirty, tmp_path):
    a4 = SHEETS["a4-3x8"]
    document = build_labels(thirty, label_sheet=a4)
    path = write_pdf(document, tmp_path / "labels.pdf")
    assert document.page_count() == len(pdf_pages(path)) == 2
    words = pdf_words(path)
    for n in range(1, 31):
        index = n - 1
        page, left, top = a4.position(index)
        found = [w for w in words if w.text == f"1000{n:02d}"]
        assert len(found) == 1, n
        word = found[0]
        assert word.page == page + 1
        assert abs(word.x_min - (left + a4.padding) * MM) < TOLERANCE_PT, (n, word)
        assert abs(word.y_min - (top + a4.padding) * MM) < TOLERANCE_PT, (n, word)
    text = pdf_text(path)
    assert "建国路30号" in text and "客户01 女士" in text


def test_letter_sheets_and_changed_measures(americans, tmp_path):
    custom = sheet("letter-2x7", top=20.0, left=3.0)
    path = write_pdf(build_labels(americans, label_sheet=custom, start=3), tmp_path / "l.pdf")
    pages = pdf_pages(path)
    assert len(pages) == 2  # 3 used + 15 = 18 labels > 14 a sheet
    first = next(w for w in pdf_words(path) if w.text == "01" and w.page == 1)
    _page, left, top = custom.position(3)
    assert abs(first.y_min - (top + custom.padding) * MM) < TOLERANCE_PT
    assert "Person 01" in pages[0] and "BOSTON" not in pages[0] and "USA" in pages[0]
    assert "Boston, MA 02101" in pages[0]
    assert build_labels(americans, label_sheet=SHEETS["letter-3x10"]).page_count() == 1


def test_label_sheets_that_cannot_be_printed_are_refused(db):
    with pytest.raises(ReportError, match="unknown label sheet"):
        sheet("a5-1x1")
    with pytest.raises(ReportError, match="do not fit"):
        sheet("a4-3x8", h_pitch=80.0)
    with pytest.raises(ReportError, match="no customers"):
        build_labels([])


def test_addresses_are_written_the_local_way(thirty, americans):
    people = data.recipients([thirty[0], americans[0]])
    assert address_lines(people[0]) == ["100001", "北京市北京市朝阳区建国路1号", "客户01 女士"]
    assert address_lines(people[1]) == ["Person 01", "1 Main Street", "Boston, MA 02101", "USA"]


def test_envelopes_one_a_page(thirty, americans, tmp_path):
    Setting.create(key="company_address", value="上海市浦东新区世纪大道100号")
    for size, points in (("dl", (624, 312)), ("c5", (649, 459)), ("10", (684, 297))):
        document = build_envelopes([thirty[0], americans[0]], size=size)
        path = write_pdf(document, tmp_path / f"{size}.pdf")
        pages = pdf_pages(path)
        assert len(pages) == 2
        assert "100001" in flat(pages[0]) and "客户01女士" in flat(pages[0])
        assert "世纪大道100号" in pages[0] and "Person 01" in pages[1]
        assert page_size(path) == points  # landscape, as envelopes are fed


def test_letters_merge_one_per_customer(thirty, americans, tmp_path):
    template = (
        "Dear {name},\n\nYour code is {code} and we write to {address}.\n\n"
        "{{Not a placeholder}} — {sender}, {date}"
    )
    document = build_letters(
        [americans[0], americans[1], thirty[0]], template, today=date(2024, 11, 18)
    )
    pages = pdf_pages(write_pdf(document, tmp_path / "letters.pdf"))
    assert len(pages) == 3
    assert "Dear Person 01," in pages[0] and "Dear Person 02," in pages[1]
    assert "{Not a placeholder}" in pages[0]
    assert "华信办公设备有限公司, 18 November 2024" in pages[0]
    assert "we write to 1 Main Street, Boston, MA 02101, USA." in pages[0]
    assert "Dear 客户01," in pages[2] and "Page" not in pages[0]


def test_the_default_letter_in_chinese(thirty, tmp_path, chinese):
    document = build_letters(thirty[:2], today=date(2024, 11, 18))
    pages = pdf_pages(write_pdf(document, tmp_path / "letters.pdf"))
    assert len(pages) == 2
    assert "尊敬的客户01：" in flat(pages[0]) and "2024年11月18日" in pages[0]
    assert "华信办公设备有限公司" in pages[1]


def test_templates_are_checked_before_anything_is_printed():
    assert fill("Hi {name} {{x}}", {"name": "Ann"}) == "Hi Ann {x}"
    with pytest.raises(ReportError, match="{nmae}"):
        check_template("Dear {nmae},")
    with pytest.raises(ReportError, match="lone"):
        check_template("Dear {name,")
    with pytest.raises(ReportError, match="empty"):
        check_template("  \n")
