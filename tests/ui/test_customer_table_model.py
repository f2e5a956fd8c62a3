"""The windowed customer model: a well-behaved Qt model; the newest load wins."""

from __future__ import annotations

from dataclasses import replace

from desktop_crm.domain import customers
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.ui.customer_table_model import CustomerTableModel
from desktop_crm.ui.tasks import TaskRunner


def names(model: CustomerTableModel) -> list[str]:
    column = model.COLUMNS.index("name")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_model_passes_qt_model_checks(qtbot, qtmodeltester, db):
    for name in ("张三", "李四", "John Smith"):
        customers.create_customer({"name": name, "phones": ["13800138000"], "stars": 3})
    model = CustomerTableModel(TaskRunner())
    model.reload_now()
    qtmodeltester.check(model)
    assert names(model) == ["John Smith", "李四", "张三"]


def test_a_synchronous_reload_is_not_overwritten_by_an_older_background_one(qtbot, db):
    customers.create_customer({"name": "张三"})
    customers.create_customer({"name": "李四"})
    tasks = TaskRunner()
    model = CustomerTableModel(tasks)
    model.set_query(CustomerQuery())  # background, both customers
    model.query = replace(model.query, text="张三")
    model.reload_now()
    tasks.wait(5000)
    qtbot.wait(50)  # let queued results arrive
    assert names(model) == ["张三"]
    assert not model.loading


def test_sorting_by_a_column_reorders_the_rows(qtbot, db):
    from PySide6.QtCore import Qt

    for name, stars in (("张三", 1), ("李四", 5), ("王五", 3)):
        customers.create_customer({"name": name, "stars": stars})
    tasks = TaskRunner()
    model = CustomerTableModel(tasks)
    model.set_query(CustomerQuery())
    model.sort(model.COLUMNS.index("stars"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading)
    assert names(model) == ["李四", "王五", "张三"]
