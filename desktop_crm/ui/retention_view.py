"""The Retention view (M8): customers at risk of leaving, with the reasons in words, a
one-click win-back follow-up, and why customers who left did so.

The at-risk list and the exit-reason analysis aggregate over every customer, so they
are read on a worker thread, and only while the view is shown (a change elsewhere marks
them stale; they are re-read when the view is next visible). Planning writes one
follow-up per selected customer in the background, due when the customer's relationship
cadence proposes (`followups.propose_next_due`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import followups, lifecycle
from desktop_crm.domain.lifecycle import ExitAnalysis, RetentionRow
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.exit_dialog import ask_exit_customer
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner
from desktop_crm.ui.widgets.followup_display import local_text, report_error
from desktop_crm.ui.widgets.live_view import LiveView
from desktop_crm.ui.widgets.owner_combo import OwnerCombo
from desktop_crm.ui.widgets.retention_tables import ExitReasonModel, RetentionTableModel

__all__ = ["RetentionTableModel", "RetentionView"]

TASK_KEY = "retention-view"
CHURN_REASONS = ("overdue_purchase", "unresolved_complaints", "falling_satisfaction")


class RetentionView(LiveView):
    """At-risk customers with their reasons; plan a follow-up, open, or mark as exited."""

    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionView")
        self._events = events
        self._tasks = tasks
        self._all_rows: list[RetentionRow] = []

        self.plan_button = self._button("planFollowupButton", self.tr("&Plan Follow-up"))
        self.plan_button.setToolTip(
            self.tr("Plan a win-back follow-up for the selected customers, due by their cadence")
        )
        self.open_button = self._button("openCustomerButton", self.tr("&Open"))
        self.exit_button = self._button("exitCustomerButton", self.tr("Mark as &Exited…"))
        self.refresh_button = self._button("refreshRetentionButton", self.tr("&Refresh"))
        self.owner_combo = OwnerCombo(self)
        self.owner_combo.setObjectName("retentionOwnerFilter")
        self.owner_combo.setAccessibleName(self.tr("Owner"))
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("retentionReasonFilter")
        self.reason_combo.setAccessibleName(self.tr("Reason"))
        self.reason_combo.addItem(self.tr("All reasons"), None)
        for code, label in labels.choice_items("churn_reason", CHURN_REASONS):
            self.reason_combo.addItem(label, code)
        self.refresh_owners()

        self.model = RetentionTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("retentionTable")
        self.table.setAccessibleName(self.tr("Customers at risk"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the domain's urgency order
        self.table.setSortingEnabled(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("retentionStatus")

        self.exit_model = ExitReasonModel(self)
        self.exit_table = QTableView(self)
        self.exit_table.setObjectName("exitReasonTable")
        self.exit_table.setAccessibleName(self.tr("Exits per reason"))
        self.exit_table.setModel(self.exit_model)
        self.exit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exit_table.verticalHeader().hide()
        self.exit_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.exit_total = QLabel(self)
        self.exit_total.setObjectName("exitTotal")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("retentionTabs")
        self.tabs.addTab(self._at_risk_page(), self.tr("At risk"))
        exits = QWidget(self)
        exit_column = QVBoxLayout(exits)
        exit_column.addWidget(self.exit_table, 1)
        exit_column.addWidget(self.exit_total)
        self.tabs.addTab(exits, self.tr("Exit reasons"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.plan_button.clicked.connect(self.plan_followups)
        self.open_button.clicked.connect(self.open_selected)
        self.exit_button.clicked.connect(self.exit_selected)
        self.refresh_button.clicked.connect(self.reload)
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.reason_combo.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        events.customerChanged.connect(self._data_changed)
        events.customersChanged.connect(self._data_changed)
        events.followupsChanged.connect(self._data_changed)
        self._update_buttons()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(True)
        return button

    def _at_risk_page(self) -> QWidget:
        page = QWidget(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Owner"), page))
        filters.addWidget(self.owner_combo, 1)
        filters.addWidget(QLabel(self.tr("Reason"), page))
        filters.addWidget(self.reason_combo, 1)
        buttons = QHBoxLayout()
        for button in (self.plan_button, self.open_button, self.exit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        column = QVBoxLayout(page)
        column.addLayout(filters)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.status_label)
        return page

    # ------------------------------------------------------------------ loading

    def refresh_owners(self) -> None:
        """Re-read the users for the owner filter, keeping the chosen one."""
        self._owner_names = self.owner_combo.refresh()

    def reload(self) -> None:
        """Read the at-risk customers and the exit analysis in the background."""
        self._reloading()
        self.refresh_owners()  # users may have been added meanwhile
        owner = self.owner_combo.currentData()
        self.status_label.setText(self.tr("Looking for customers at risk…"))

        def work(_context: TaskContext) -> tuple[list[RetentionRow], ExitAnalysis]:
            return lifecycle.retention_list(owner=owner), lifecycle.exit_reason_analysis()

        self._tasks.run(work, self._loaded, on_error=self._failed, key=TASK_KEY, receiver=self)

    def _loaded(self, result: tuple[list[RetentionRow], ExitAnalysis]) -> None:
        rows, analysis = result
        self.loading = False
        self._all_rows = rows
        self._show_rows()
        self.exit_model.set_analysis(analysis)
        self.exit_table.resizeColumnsToContents()
        self.exit_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.exit_total.setText(self.tr("%n customer(s) have left.", "", analysis.total))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status_label.clear()
        report_error(self, exc)

    def _show_rows(self) -> None:
        chosen = self.reason_combo.currentData()
        rows = [
            r for r in self._all_rows if chosen is None or any(c.code == chosen for c in r.reasons)
        ]
        selected = set(self.selected_ids())
        self.model.set_rows(rows, self._owner_names)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.resizeColumnsToContents()
        for column, widest in (
            (RetentionTableModel.COL_NAME, 200),
            (RetentionTableModel.COL_REASONS, 360),
        ):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(width, widest))
        selection = self.table.selectionModel()
        for row, item in enumerate(self.model.rows):
            if item.customer_id in selected:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self.status_label.setText(self.tr("%n customer(s) at risk.", "", len(rows)))
        self._update_buttons()

    # ------------------------------------------------------------------ actions

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [cid for row in rows if (cid := self.model.customer_id(row)) is not None]

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        self.plan_button.setEnabled(count > 0)
        self.open_button.setEnabled(count == 1)
        self.exit_button.setEnabled(count == 1)

    def current_id(self) -> int | None:
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            return self.model.customer_id(current.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def plan_followups(self) -> None:
        """One win-back follow-up per selected customer, due when their cadence says."""
        ids = self.selected_ids()
        if not ids:
            return
        self.plan_button.setEnabled(False)

        def work(_context: TaskContext) -> list[followups.FollowUpItem]:
            return [
                lifecycle.plan_retention_followup(cid, due=followups.propose_next_due(cid))
                for cid in ids
            ]

        self._tasks.run(work, self._planned, on_error=self._plan_failed, receiver=self)

    def _planned(self, items: list[followups.FollowUpItem]) -> None:
        self._update_buttons()
        for item in items:
            self._events.followupsChanged.emit(item.customer_id)
        if len(items) == 1:
            message = (
                self.tr("Follow-up planned for %1 on %2.")
                .replace("%1", items[0].customer_name)
                .replace("%2", local_text(items[0].due_at)[:10])
            )
        else:
            message = self.tr("%n follow-up(s) planned.", "", len(items))
        self.status_label.setText(message)
        self._events.statusMessage.emit(message)

    def _plan_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self._data_changed()  # some may have been planned before the failure
        report_error(self, exc)

    def open_selected(self) -> None:
        customer_id = self.current_id()
        if customer_id is not None:
            self._events.customerOpened.emit(customer_id)

    def exit_selected(self) -> None:
        customer_id = self.current_id()
        if customer_id is not None:
            ask_exit_customer(self, customer_id, self._events)

    def _context_menu(self, position: Any) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.addAction(self.plan_button.text(), self.plan_followups)
        if len(self.selected_ids()) == 1:
            menu.addAction(self.open_button.text(), self.open_selected)
            menu.addAction(self.exit_button.text(), self.exit_selected)
        menu.popup(self.table.viewport().mapToGlobal(position))
