"""The Retention and Care docks, the exit action and the stage/grade recompute, wired
into the main window (which only calls this)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from desktop_crm.ui.care_view import CareView
from desktop_crm.ui.dialogs.exit_dialog import ask_exit_customer
from desktop_crm.ui.recompute import DerivedDataRecompute
from desktop_crm.ui.retention_view import RetentionView

DOCK_SHARE = 65  # percent of the window height for a dock opened from the View menu

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


class LifecycleDocks(QObject):
    """Builds the two docks (tabified with the relationship dock, hidden at first) and
    connects the actions ``retention``, ``care``, ``exit_customer`` and ``recompute``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.retention_view = RetentionView(window.events, window.tasks, window)
        self.care_view = CareView(window.events, window.tasks, window)
        self.retention_dock = self._dock("retentionDock", self.tr("Retention"), self.retention_view)
        self.care_dock = self._dock("careDock", self.tr("Care"), self.care_view)
        self.recompute = DerivedDataRecompute(window.tasks, window.events, window)

        actions = window.named_actions
        actions.retention.triggered.connect(lambda: self.show_dock(self.retention_dock))
        actions.care.triggered.connect(lambda: self.show_dock(self.care_dock))
        actions.exit_customer.triggered.connect(self.exit_current_customer)
        actions.exit_customer.setEnabled(False)
        actions.recompute.triggered.connect(self.recompute.run_now)
        window.list_pane.currentCustomerChanged.connect(self._customer_selected)

    def _dock(self, name: str, title: str, widget: RetentionView | CareView) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._window.tabifyDockWidget(self._window.relationship_dock, dock)
        dock.hide()
        return dock

    def show_dock(self, dock: QDockWidget) -> None:
        """Show and raise the dock; its lists need room, so it gets most of the height."""
        dock.show()
        dock.raise_()
        if not dock.isFloating():
            height = self._window.height() * DOCK_SHARE // 100
            self._window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        dock.widget().setFocus()

    def _customer_selected(self, customer_id: int) -> None:
        self._window.named_actions.exit_customer.setEnabled(bool(customer_id))
        self.care_view.set_target_customer(customer_id or None)

    def exit_current_customer(self) -> None:
        """Customer → Mark as Lost/Exited… for the customer shown in the detail pane."""
        detail = self._window.detail
        customer_id = detail.customer_id()
        if customer_id is not None and detail.maybe_save():
            ask_exit_customer(self._window, customer_id, self._window.events)

    def start(self) -> None:
        """At start-up: the daily recompute in the background."""
        self.recompute.run_daily()
