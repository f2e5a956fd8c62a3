"""File → Print labels / envelopes / letters: for the selected customers, or for the whole
current list when none is selected (the holiday-card mailing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from desktop_crm.domain.search import CustomerQuery
from desktop_crm.reports import data
from desktop_crm.reports.data import Cancelled, Progress
from desktop_crm.reports.document import ReportDocument
from desktop_crm.reports.envelopes import ENVELOPES, build_envelopes
from desktop_crm.reports.labels import build_labels
from desktop_crm.ui import printing
from desktop_crm.ui.dialogs.label_sheet_dialog import LabelSheetDialog
from desktop_crm.ui.dialogs.page_setup_dialog import PageChoice
from desktop_crm.ui.labels import choice_label
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskRunner


@dataclass(frozen=True)
class MailingList:
    """Who a mailing goes to: the selected customers, else everyone the list shows."""

    ids: tuple[int, ...]  # the selection; empty: the whole current list
    query: CustomerQuery
    sort: str = "name"
    descending: bool = False
    count: int = 0  # how many customers that is
    first_id: int | None = None  # the first of them (for a preview)

    @property
    def selected(self) -> bool:
        return bool(self.ids)

    def customer_ids(self, cancelled: Cancelled = None) -> list[int]:
        """The customers, in list order (the whole list is looked up: call off the UI thread)."""
        if self.ids:
            return list(self.ids)
        return data.matching_ids(
            self.query, sort=self.sort, descending=self.descending, cancelled=cancelled
        )

    def describe(self) -> str:
        count = self.count  # (lupdate skips a translate() whose count is not a plain name)
        if self.selected:
            return QCoreApplication.translate(
                "Mailings", "For the %n selected customer(s).", "", count
            )
        return QCoreApplication.translate(
            "Mailings",
            "No customers are selected: for all %n customer(s) of the current list.",
            "",
            count,
        )


def mailing_list(list_pane: Any) -> MailingList:  # noqa: ANN401 - ui.customer_list.CustomerListPane
    """The selection of the customer list, or the list itself when nothing is selected."""
    model = list_pane.model
    ids = tuple(list_pane.selected_ids())
    if ids:
        return MailingList(ids, model.query, model.sort_column, model.descending, len(ids), ids[0])
    count = model.rowCount()
    first = model.customer_id(0) if count else None
    return MailingList((), model.query, model.sort_column, model.descending, count, first)


def for_mailing_list(
    target: MailingList, builder: Callable[..., ReportDocument], **options: Any
) -> Callable[..., ReportDocument]:
    """A report build (for `printing`) that first finds the customers, then calls `builder`."""

    def build(progress: Progress = None, cancelled: Cancelled = None) -> ReportDocument:
        ids = target.customer_ids(cancelled)
        return builder(ids, progress=progress, cancelled=cancelled, **options)

    return build


def print_labels(
    parent: QWidget, target: MailingList, tasks: TaskRunner, settings: UiSettings
) -> None:
    """Ask for the label sheet (margins, pitch, labels to skip), then preview the labels."""
    if not target.count:
        return
    suggested = PageChoice.from_settings(settings).label_sheet()
    dialog = LabelSheetDialog(settings, target.describe(), suggested, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    build = for_mailing_list(target, build_labels, label_sheet=dialog.sheet(), start=dialog.start())
    printing.print_preview(parent, build, runner=tasks)


def print_envelopes(parent: QWidget, target: MailingList, tasks: TaskRunner) -> None:
    """Ask for the envelope size, then preview an envelope for each customer."""
    if not target.count:
        return
    names = [choice_label("envelope", code) for code in ENVELOPES]
    chosen, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("Mailings", "Envelopes"),
        f"{target.describe()}\n{QCoreApplication.translate('Mailings', 'Envelope size:')}",
        names,
        0,
        False,
    )
    if ok and chosen in names:
        size = list(ENVELOPES)[names.index(chosen)]
        build = for_mailing_list(target, build_envelopes, size=size)
        printing.print_preview(parent, build, runner=tasks)
