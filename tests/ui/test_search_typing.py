"""Search as you type: each kind of query typed in the box shows its customers, typing fast
shows only the last query's rows, and a broad query's rows come before its count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers
from desktop_crm.domain.bulk import NewCustomer, bulk_insert_customers
from desktop_crm.domain.search import CustomerQuery, count_customers, customer_ids
from desktop_crm.ui.customer_table_model import PAGE_SIZE
from desktop_crm.ui.settings import UiSettings

PEOPLE = [
    ("张三", "individual", "13800138000"),
    ("王建国", "individual", "13700137000"),
    ("华为技术有限公司", "enterprise", "075528780808"),
    ("李娜", "individual", "13900139000"),
    ("Lily Chen", "individual", "+1 212 555 0100"),
    ("John Smith", "individual", "+1 212 555 0199"),
]


@pytest.fixture
def window(qtbot, db_path, db, tmp_path):
    for name, kind, phone in PEOPLE:
        customers.create_customer({"name": name, "kind": kind, "phones": [phone]})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


class PaintLog(QObject):
    """The names on every paint of the list's viewport, in order (what the user saw)."""

    def __init__(self, win) -> None:
        super().__init__(win)
        self.win = win
        self.paints: list[list[str]] = []
        win.list_pane.customerList.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.paints.append(shown_names(self.win))
        return False


def shown_names(win) -> list[str]:
    model = win.list_pane.model
    column = model.COLUMNS.index("name")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def type_text(qtbot, box, text: str) -> None:
    """Type as a user does: ASCII by keys, Hanzi committed by an input method."""
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(box, event)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张", ["张三"]),  # one Hanzi
        ("公司", ["华为技术有限公司"]),  # two Hanzi
        ("zs", ["张三"]),  # pinyin initials
        ("wang", ["王建国"]),  # full pinyin
        ("1380", ["张三"]),  # a phone fragment
        ("li", ["李娜", "Lily Chen"]),  # Latin, and the pinyin of 李
    ],
    ids=["1-hanzi", "2-hanzi", "initials", "full-pinyin", "phone", "latin"],
)
def test_each_kind_of_query_typed_shows_its_customers(qtbot, window, text, expected):
    box = window.list_pane.searchBox
    box.setFocus()
    type_text(qtbot, box, text)
    assert box.text() == text
    qtbot.waitUntil(lambda: shown_names(window) == expected, timeout=3000)
    qtbot.waitUntil(lambda: not window.list_pane.model.loading, timeout=3000)
    assert "1" in window.count_label.text() or "2" in window.count_label.text()
    # The first row becomes current after the rows are painted: the detail pane shows it.
    qtbot.waitUntil(lambda: window.detail.customer_id() is not None, timeout=3000)
    assert window.list_pane.current_customer_id() == window.detail.customer_id()


def test_typing_fast_searches_only_what_was_typed_last(qtbot, window):
    painted = PaintLog(window)
    everyone = shown_names(window)
    qtbot.keyClicks(window.list_pane.searchBox, "wang")  # quicker than the typing pause
    qtbot.waitUntil(lambda: shown_names(window) == ["王建国"], timeout=3000)
    qtbot.waitUntil(lambda: not window.list_pane.model.loading, timeout=3000)
    window.tasks.wait(5000)
    qtbot.wait(50)
    # "w" alone would also show 华为 (hua-wei): no search of a shorter text ever showed.
    assert all(names in (everyone, ["王建国"]) for names in painted.paints)
    assert painted.paints[-1] == ["王建国"]


def test_a_newer_query_is_never_painted_over_by_an_older_one(qtbot, window):
    pane = window.list_pane
    painted = PaintLog(window)
    pane.searchBox.setText("张")
    pane.apply_filters()  # its search is on its way …
    pane.searchBox.setText("li")
    pane.apply_filters()  # … when the next one starts
    qtbot.waitUntil(lambda: not pane.model.loading, timeout=3000)
    window.tasks.wait(5000)
    qtbot.wait(50)  # any late result of the first search would arrive and paint now
    assert shown_names(window) == ["李娜", "Lily Chen"]
    newer = painted.paints.index(["李娜", "Lily Chen"])
    assert ["张三"] not in painted.paints[newer:]


def test_a_broad_query_paints_its_first_rows_before_its_count(qtbot, window):
    bulk_insert_customers([NewCustomer(name=f"Anna {n:03d}") for n in range(PAGE_SIZE * 3)])
    many = count_customers(CustomerQuery(text="a"))
    assert many > PAGE_SIZE  # more than one page: the count and the rest come second
    pane = window.list_pane
    events: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and shown_names(window)[:1] == ["Anna 000"]:
                events.append(f"rows painted, count label {window.count_label.text()!r}")
            return False

    watch = Watch(window)
    pane.customerList.viewport().installEventFilter(watch)
    pane.model.loaded.connect(lambda count: events.append(f"count {count}"))
    type_text(qtbot, pane.searchBox, "a")
    qtbot.waitUntil(lambda: f"count {many}" in events, timeout=5000)
    first_paint = next(i for i, e in enumerate(events) if e.startswith("rows painted"))
    assert first_paint < events.index(f"count {many}")
    assert str(many) not in events[first_paint]  # the count was not known yet
    assert pane.model.rowCount() == many
    qtbot.waitUntil(lambda: str(many) in window.count_label.text(), timeout=3000)


def test_the_detail_pane_reads_the_new_first_customer_after_the_rows_are_painted(qtbot, window):
    pane = window.list_pane
    (wang,) = customer_ids(CustomerQuery(text="王建国"))
    events: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                events.append(f"painted {shown_names(window)}")
            return False

    watch = Watch(window)
    pane.customerList.viewport().installEventFilter(watch)
    pane.currentCustomerChanged.connect(lambda cid: events.append(f"current {cid}"))
    qtbot.keyClicks(pane.searchBox, "wang")
    qtbot.waitUntil(lambda: window.detail.customer_id() == wang, timeout=3000)
    assert events.index("painted ['王建国']") < events.index(f"current {wang}")
