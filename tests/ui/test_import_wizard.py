"""File → Import… driven as a user would: choose, map, check, import, undo-able."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QRadioButton, QWizard

from desktop_crm.db.models import Customer, ImportBatch
from desktop_crm.domain import customers
from desktop_crm.exchange import importer
from desktop_crm.ui.dialogs.import_wizard import ImportWizard
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner

FIXTURES = Path(__file__).parent.parent / "exchange" / "fixtures"


@pytest.fixture
def wizard(qtbot, db):
    tasks = TaskRunner()
    events = AppEvents()
    wiz = ImportWizard(tasks, events)
    wiz.keep = (tasks, events)  # keep the Python objects alive with the wizard
    qtbot.addWidget(wiz)
    wiz.show()
    yield wiz
    wiz.run_page.cancel()
    tasks.wait(5000)


def choose(qtbot, wiz: ImportWizard, path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wiz.findChild(QPushButton, "importBrowseButton").click()
    qtbot.waitUntil(lambda: not wiz.file_page._loading, timeout=10000)


def next_page(qtbot, wiz: ImportWizard) -> None:
    page = wiz.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=10000)
    wiz.next()


def preview(wiz: ImportWizard) -> tuple[list[str], list[list[str]]]:
    model = wiz.mapping_page.preview.text_model
    headers = [model.headerData(c, _h()) for c in range(model.columnCount())]
    rows = [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]
    return headers, rows


def _h():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def table_rows(table) -> list[list[str]]:
    model = table.text_model
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def write(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_importing_a_csv_file_maps_checks_and_imports_its_customers(
    qtbot, wizard, monkeypatch, tmp_path
):
    events_seen: list[str] = []
    wizard.events.customersChanged.connect(lambda: events_seen.append("changed"))
    choose(qtbot, wizard, FIXTURES / "customers_utf8.csv", monkeypatch)
    info = wizard.findChild(QLabel, "importFileInfo").text()
    assert "CSV file (utf-8, comma-separated), 2 row" in info
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.MAPPING_PAGE
    headers, rows = preview(wizard)
    assert headers[:4] == ["Line", "Problem", "Name", "Type"]
    assert rows[0][1:4] == ["", "Zhang Wei", "Individual"]
    assert "Title" in headers

    # "Title" (Manager) becomes the notes column instead: the preview follows at once.
    title = wizard.mapping_page.combo(5)
    title.setCurrentIndex(title.findData("ignore"))
    headers, rows = preview(wizard)
    assert "Title" not in headers

    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.CHECK_PAGE
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    assert Customer.select().count() == 0  # the check wrote nothing
    assert "2 row(s) read: 2 new" in wizard.check_page.status.text()
    wizard.next()  # Import
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    assert wizard.findChild(QLabel, "importSummary_created").text() == "2"
    names = {c.name: c for c in map(customers.get_customer, _ids())}
    assert set(names) == {"Zhang Wei", "Li Na"}
    assert names["Zhang Wei"].title is None  # the column the user left out
    assert events_seen == ["changed"]


def _ids() -> list[int]:
    return [c.id for c in Customer.select(Customer.id)]


def test_the_mapping_is_remembered_for_the_same_header_row(qtbot, wizard, monkeypatch, tmp_path):
    path = write(tmp_path, "客户,备忘,手机\n张三,老朋友,13800138000\n")
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    memo = wizard.mapping_page.combo(1)
    assert memo.currentData() == "ignore"  # 备忘 is not a header we know
    memo.setCurrentIndex(memo.findData("notes"))
    next_page(qtbot, wizard)  # leaving the page keeps the choice

    again = ImportWizard(wizard.tasks, wizard.events)
    qtbot.addWidget(again)
    again.show()
    other = write(tmp_path, "客户,备忘,手机\n李四,同学,13900139000\n", "other.csv")
    choose(qtbot, again, other, monkeypatch)
    next_page(qtbot, again)
    assert again.mapping_page.combo(1).currentData() == "notes"
    assert "last time" in again.findChild(QLabel, "importRememberedNote").text()
    headers, rows = preview(again)
    assert rows[0][headers.index("Notes")] == "同学"


def test_an_ambiguous_date_column_needs_a_chosen_order_shown_with_examples(
    qtbot, wizard, monkeypatch, tmp_path
):
    path = write(tmp_path, "姓名,生日\n张三,03/04/1985\n李四,05/06/1990\n")
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    assert not page.isComplete()
    assert "dates" in wizard.findChild(QLabel, "importMappingMessage").text()
    headers, rows = preview(wizard)
    assert rows[0][headers.index("Birthday")] == "03/04/1985"  # not read yet: no guessing
    day_first = wizard.findChild(QRadioButton, "importDateOrder1_dmy")
    month_first = wizard.findChild(QRadioButton, "importDateOrder1_mdy")
    assert "03/04/1985 →" in day_first.text() and "April" in day_first.text()
    assert "March" in month_first.text()
    month_first.setChecked(True)
    assert page.isComplete()
    headers, rows = preview(wizard)
    assert rows[0][headers.index("Birthday")] == "1985-03-04"
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    birthdays = {c.name: str(c.birthday) for c in map(customers.get_customer, _ids())}
    assert birthdays == {"张三": "1985-03-04", "李四": "1990-05-06"}


def test_bad_rows_are_listed_by_line_and_the_user_chooses_good_rows_or_nothing(
    qtbot, wizard, monkeypatch, tmp_path
):
    path = write(
        tmp_path,
        "姓名,手机,邮箱\n张三,13800138000,zs@example.com\n,13900139000,\n李四,12,ls@example\n",
    )
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.check_page
    qtbot.waitUntil(page.isComplete, timeout=10000)
    problems = table_rows(page.problems)
    assert [row[0] for row in problems] == ["3", "4", "4"]
    assert problems[0][1:] == ["Not imported", "姓名", "is required"]
    assert problems[1][2] == "手机" and "not a valid phone number" in problems[1][3]
    assert problems[2][2] == "邮箱" and "not a valid email address" in problems[2][3]

    wizard.findChild(QRadioButton, "importNothingIfBad").setChecked(True)
    assert not page.isComplete()  # nothing would be imported: the Import button is off
    assert "Nothing will be imported" in wizard.findChild(QLabel, "importCheckNote").text()
    wizard.findChild(QRadioButton, "importGoodRows").setChecked(True)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    assert wizard.findChild(QLabel, "importSummary_created").text() == "1"
    assert wizard.findChild(QLabel, "importSummary_rejected").text() == "2"
    assert [c.name for c in Customer.select()] == ["张三"]


def test_duplicates_are_listed_and_can_be_merged(qtbot, wizard, monkeypatch, tmp_path):
    existing = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    path = write(tmp_path, "姓名,手机,公司\n张三丰,13800138000,武当派\n李四,13900139000,\n")
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.check_page
    qtbot.waitUntil(page.isComplete, timeout=10000)
    (duplicate,) = table_rows(page.duplicates)
    assert duplicate[:3] == ["2", "张三丰", existing.code]
    assert "same phone" in duplicate[3]
    wizard.findChild(QRadioButton, "onDuplicate_merge").setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    assert wizard.findChild(QLabel, "importSummary_merged").text() == "1"
    assert customers.get_customer(existing.id).company_name == "武当派"


def test_cancelling_the_import_keeps_nothing(qtbot, wizard, monkeypatch, tmp_path):
    rows = "".join(f"客户{i},1380000{i:04d}\n" for i in range(600))
    path = write(tmp_path, "姓名,手机\n" + rows)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=20000)

    real = importer._ImportRun.import_row
    started = []

    def slow_row(self, line, row):  # the user presses Cancel while rows are written
        started.append(line)
        if len(started) == 300:
            wizard.run_page._context.cancel()
        return real(self, line, row)

    monkeypatch.setattr(importer._ImportRun, "import_row", slow_row)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=20000)
    assert "cancelled" in wizard.findChild(QLabel, "importSummaryMessage").text()
    assert 300 <= len(started) < 600
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_the_cancel_button_stops_a_running_import(qtbot, wizard, monkeypatch, tmp_path):
    path = write(tmp_path, "姓名\n张三\n李四\n")
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    monkeypatch.setattr(wizard.tasks, "run", lambda *a, **k: _NeverRuns())
    wizard.next()
    assert wizard.currentId() == ImportWizard.RUN_PAGE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    button = wizard.findChild(QPushButton, "importCancelButton")
    button.click()
    assert wizard.run_page._context.cancelled and not button.isEnabled()


class _NeverRuns:
    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.csv", bytes(range(256)) * 8, "not a text (CSV) file"),
        ("empty.csv", b"", "is empty"),
        ("header.csv", "姓名,手机\n".encode(), "has a header row but no customers"),
        ("ragged.csv", "姓名,手机\n张三,138,0013\n李四,139,0013\n".encode(), "every row has more"),
        ("truncated.xlsx", (FIXTURES / "truncated.xlsx").read_bytes(), "truncated or damaged"),
    ],
)
def test_a_bad_file_shows_a_clear_message_and_cannot_go_on(
    qtbot, wizard, monkeypatch, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    choose(qtbot, wizard, path, monkeypatch)
    shown = wizard.findChild(QLabel, "importFileMessage").text()
    assert shown.startswith("This file cannot be imported:") and message in shown
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_a_vcard_file_skips_the_mapping_page(qtbot, wizard, monkeypatch):
    choose(qtbot, wizard, FIXTURES / "apple_3_0.vcf", monkeypatch)
    assert "vCard file" in wizard.findChild(QLabel, "importFileInfo").text()
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.CHECK_PAGE
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    assert wizard.findChild(QLabel, "importSummary_created").text() == "2"
    assert Customer.select().count() == 2


def test_a_chosen_sheet_of_a_workbook_is_imported(qtbot, wizard, monkeypatch):
    choose(qtbot, wizard, FIXTURES / "customers.xlsx", monkeypatch)
    sheet = wizard.file_page.sheet
    assert sheet.isVisibleTo(wizard) and sheet.currentText() == "客户"
    sheet.setCurrentIndex(1)
    sheet.activated.emit(1)
    qtbot.waitUntil(lambda: not wizard.file_page._loading, timeout=10000)
    assert wizard.sample.sheet == "供应商"
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    assert wizard.findChild(QLabel, "importSummary_created").text() == "1"


def test_the_check_lists_a_phone_not_valid_for_its_region_as_kept_unverified(
    qtbot, wizard, monkeypatch, tmp_path
):
    path = write(tmp_path, "姓名,手机\nKlara,+49 151 2345678\n李四,+49 151 ABCDEFG\n")
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.check_page
    qtbot.waitUntil(page.isComplete, timeout=10000)
    problems = table_rows(page.problems)
    assert [row[:3] for row in problems] == [
        ["2", "Imported, kept as typed", "手机"],
        ["3", "Not imported", "手机"],
    ]
    assert "not valid for its region" in problems[0][3] and "unverified" in problems[0][3]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10000)
    (klara,) = [customers.get_customer(i) for i in _ids()]
    assert [(p.number, p.verified) for p in klara.phones] == [("+49 151 2345678", False)]
