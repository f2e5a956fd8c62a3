"""Tools → Add Sample Customers…: realistic sample customers with their history, for a
first look around (the same generator as `desktop-crm demo`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop_crm.domain import demo
from desktop_crm.domain.demo import DemoSummary
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner, run_with_progress

DEFAULT_COUNT = 200


def add_sample_customers(parent: QWidget, tasks: TaskRunner, events: AppEvents) -> None:
    """Ask how many, then add them in the background with progress and Cancel."""
    count, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("SampleData", "Add Sample Customers"),
        QCoreApplication.translate(
            "SampleData",
            "Sample customers, with follow-ups, orders, complaints and surveys, are added "
            "to this database next to your own. How many?",
        ),
        DEFAULT_COUNT,
        1,
        100000,
    )
    if not ok:
        return

    def work(context: TaskContext) -> DemoSummary:
        return demo.add_sample_data(
            count, seed=None, progress=context.report, cancelled=lambda: context.cancelled
        )

    def done(summary: DemoSummary) -> None:
        events.customersChanged.emit()
        events.followupsChanged.emit(0)  # the due counts
        added = summary.customers  # (lupdate skips a count that is not a plain name)
        text = QCoreApplication.translate("SampleData", "%n sample customer(s) added.", "", added)
        events.statusMessage.emit(text)

    run_with_progress(
        tasks,
        parent,
        QCoreApplication.translate("SampleData", "Adding sample customers…"),
        work,
        done,
    )
