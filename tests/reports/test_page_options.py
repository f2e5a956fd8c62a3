"""Paper and orientation reach every report builder the GUI's page setup drives."""

from __future__ import annotations

import pytest

from desktop_crm.domain import customers
from desktop_crm.reports.document import write_pdf
from desktop_crm.reports.letters import build_letters
from tests.reports.conftest import needs_poppler, page_size, pdf_pages

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]


@pytest.fixture
def two(db, company) -> list[int]:
    return [customers.create_customer({"name": name}).id for name in ("王建国", "Alice Brown")]


def test_letters_on_letter_landscape(two, tmp_path):
    report = build_letters(two, "Dear {name},", paper="letter", landscape=True)
    path = write_pdf(report, tmp_path / "letters.pdf")
    assert page_size(path) == (792, 612)
    assert len(pdf_pages(path)) == 2


def test_letters_are_a4_portrait_by_default(two, tmp_path):
    path = write_pdf(build_letters(two, "Dear {name},"), tmp_path / "letters.pdf")
    assert page_size(path) == (595, 842)
