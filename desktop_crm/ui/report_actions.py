"""The File menu's printing, wired to the main window's actions (the window only makes
this): the client report (Ctrl+P, PDF), the list, the follow-up plan, labels, envelopes,
letters and the page setup they follow. Reports are built off the UI thread."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_crm.domain import customers
from desktop_crm.reports.client import build_client_report
from desktop_crm.reports.customer_list import build_list_report
from desktop_crm.reports.followup_plan import build_followup_plan
from desktop_crm.ui import printing
from desktop_crm.ui.dialogs.page_setup_dialog import PageChoice, PageSetupDialog
from desktop_crm.ui.mailings import mailing_list, print_envelopes, print_labels

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


class ReportActions(QObject):
    """Connects print, export_pdf, print_list, print_plan, print_labels, print_envelopes,
    print_letters and page_setup."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        a = window.named_actions
        a.print.triggered.connect(self.print_customer)
        a.export_pdf.triggered.connect(self.export_customer_pdf)
        a.print_list.triggered.connect(self.print_list)
        a.print_plan.triggered.connect(self.print_plan)
        a.print_labels.triggered.connect(self.print_labels)
        a.print_envelopes.triggered.connect(self.print_envelopes)
        a.print_letters.triggered.connect(self.print_letters)
        a.page_setup.triggered.connect(self.page_setup)

    def _pages(self) -> PageChoice:
        return PageChoice.from_settings(self._window.settings)

    def print_customer(self) -> None:
        """Ctrl+P: the client report of the customer shown, in a print preview."""
        customer_id = self._window.detail.customer_id()
        if customer_id is not None:
            build = partial(build_client_report, customer_id, setup=self._pages().client_setup())
            printing.print_preview(self._window, build, runner=self._window.tasks)

    def export_customer_pdf(self) -> None:
        customer_id = self._window.detail.customer_id()
        if customer_id is not None:
            code = customers.get_customer(customer_id).code
            build = partial(build_client_report, customer_id, setup=self._pages().client_setup())
            printing.export_pdf(self._window, build, code, runner=self._window.tasks)

    def print_list(self) -> None:
        """The customers the list shows now (search and filters), as a printed list."""
        model = self._window.list_pane.model
        build = partial(
            build_list_report,
            model.query,
            sort=model.sort_column,
            descending=model.descending,
            **self._pages().list_options(),
        )
        printing.print_preview(self._window, build, runner=self._window.tasks)

    def print_plan(self) -> None:
        owner = self._window.followup_pane.due_lists.owner()
        build = partial(build_followup_plan, owner, **self._pages().plan_options())
        printing.print_preview(self._window, build, runner=self._window.tasks)

    def print_labels(self) -> None:
        w = self._window
        print_labels(w, mailing_list(w.list_pane), w.tasks, w.settings)

    def print_envelopes(self) -> None:
        w = self._window
        print_envelopes(w, mailing_list(w.list_pane), w.tasks)

    def print_letters(self) -> None:
        from desktop_crm.ui.dialogs.letter_dialog import print_letters  # loads when asked for

        w = self._window
        print_letters(w, mailing_list(w.list_pane), w.tasks, w.settings)

    def page_setup(self) -> None:
        PageSetupDialog(self._window.settings, self._window).exec()
