"""The main window: layout, menus and wiring only; each pane is its own module."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import __version__
from desktop_crm.db.connection import is_sqlite
from desktop_crm.db.models import database
from desktop_crm.domain import followups
from desktop_crm.paths import resource_path
from desktop_crm.ui.actions import Actions
from desktop_crm.ui.backup_actions import back_up_now, restore_from_backup
from desktop_crm.ui.backups import BackupActions
from desktop_crm.ui.commands import BulkEditCommand, TrashCommand
from desktop_crm.ui.complaint_count import OverdueComplaintsLabel
from desktop_crm.ui.customer_detail import CustomerDetailPane
from desktop_crm.ui.customer_list import CustomerListPane
from desktop_crm.ui.dialogs.bulk_edit_dialog import BulkEditDialog
from desktop_crm.ui.dialogs.command_palette import CommandPalette
from desktop_crm.ui.dialogs.settings_dialog import SettingsDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.followup_pane import FollowUpPane
from desktop_crm.ui.lifecycle_docks import LifecycleDocks
from desktop_crm.ui.live_updates import ConnectionBanner, LiveUpdates
from desktop_crm.ui.merging import MergeActions
from desktop_crm.ui.personal_data_actions import PersonalDataActions
from desktop_crm.ui.relationship_pane import RelationshipPane
from desktop_crm.ui.reminders import ReminderService
from desktop_crm.ui.report_actions import ReportActions
from desktop_crm.ui.security_page import SecurityPage
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.sync_actions import SyncActions
from desktop_crm.ui.tasks import TaskRunner, show_error
from desktop_crm.ui.work_offline import ReplicaCopy, work_offline

SHUTDOWN_WAIT_MS = 3000  # how long closing waits for cancelled background work to stop


class MainWindow(QMainWindow):
    """Customer list | detail, with the follow-up and relationship panes docked right."""

    read_only = False  # opened with --read-only: every write is refused, saying so

    def __init__(self, settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Desktop CRM"))
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
        self.settings = settings or UiSettings()
        self.events = AppEvents(self)
        self.tasks = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.named_actions = Actions(self)

        # Office mode: others' changes appear, and a lost server shows above the panes.
        self.live_updates = LiveUpdates(self.events, self.tasks, self)
        if not is_sqlite():  # on one computer's own file there is no one else to follow
            self.live_updates.begin()
        self.list_pane = CustomerListPane(self.tasks, self.settings, self)
        self.detail = CustomerDetailPane(self.events, self)
        self.followup_pane = FollowUpPane(self.events, self.tasks, self)
        self.relationship_pane = RelationshipPane(self.events, self.tasks, self)
        self.tray = QSystemTrayIcon(self.windowIcon(), self)
        self.tray.setToolTip(self.tr("Desktop CRM"))
        self.tray_menu = QMenu(self.tr("Desktop CRM"), self)
        self.tray_menu.setObjectName("trayMenu")
        self.tray_menu.addAction(self.named_actions.quit)  # quits as closing the window does
        self.tray.setContextMenu(self.tray_menu)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.reminders = ReminderService(self.events, self, tray_icon=self.tray)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.connection_banner = ConnectionBanner(self.live_updates, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.followup_dock = self._dock("followUpDock", self.tr("Follow-ups"), self.followup_pane)
        self.relationship_dock = self._dock(
            "relationshipDock", self.tr("Relationship level"), self.relationship_pane
        )
        self.splitDockWidget(self.followup_dock, self.relationship_dock, Qt.Orientation.Vertical)
        self.lifecycle = LifecycleDocks(self)  # Retention and Care docks, exit, recompute

        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueCount")
        self.statusBar().addPermanentWidget(self.due_label)
        self.complaint_label = OverdueComplaintsLabel(self.events, self.tasks, self)
        self.statusBar().addPermanentWidget(self.complaint_label)
        self.statusBar().addPermanentWidget(self.count_label)
        if not is_sqlite():
            office = database.obj
            self.signed_in_label = QLabel(
                self.tr("Signed in as %1 on %2")
                .replace("%1", office.connect_params.get("user") or "?")
                .replace("%2", office.server),
                self,
            )
            self.signed_in_label.setObjectName("signedInAs")
            self.statusBar().addPermanentWidget(self.signed_in_label)

        self._current_id: int | None = None
        self.replica_copy: ReplicaCopy | None = None  # File → Work Offline…, while it runs
        self._build_menus()
        self._connect()
        self._restore_layout()
        self.list_pane.apply_filters()
        self.refresh_due_counts()

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _build_menus(self) -> None:
        a = self.named_actions
        bar = self.menuBar()
        menus = {
            self.tr("&File"): [
                a.new_customer,
                a.new_enterprise,
                None,
                a.save,
                a.revert,
                None,
                a.print,
                a.export_pdf,
                a.print_list,
                a.print_plan,
                a.print_labels,
                a.print_envelopes,
                a.print_letters,
                a.page_setup,
                None,
                a.import_customers,
                a.export_customers,
                None,
                a.work_offline,
                a.sync_now,
                a.sync_conflicts,
                a.write_sync_file,
                a.apply_sync_reply,
                a.apply_replica_sync_file,
                None,
                a.settings,
                None,
                a.quit,
            ],
            self.tr("&Edit"): [
                a.undo,
                a.redo,
                None,
                a.find,
                a.command_palette,
                None,
                a.bulk_edit,
                a.trash,
                a.restore,
            ],
            self.tr("&View"): [
                self.followup_dock.toggleViewAction(),
                self.relationship_dock.toggleViewAction(),
                a.retention,
                a.care,
                None,
                a.show_trash,
                a.clear_filters,
                a.save_segment,
                None,
                a.dashboard,
            ],
            self.tr("&Customer"): [
                a.new_customer,
                a.new_enterprise,
                a.save,
                None,
                a.next_customer,
                a.previous_customer,
                None,
                a.merge_customers,
                a.unmerge,
                None,
                a.exit_customer,
                a.trash,
                None,
                a.export_personal_data,
                a.erase_personal_data,
            ],
            self.tr("F&ollow-up"): [a.log_followup, a.plan_followup, None, a.today],
            self.tr("&Tools"): [
                a.find_duplicates,
                a.recompute,
                None,
                a.backups,
                a.backup,
                a.restore_backup,
                None,
                a.import_history,
                a.sample_data,
                None,
                a.settings,
            ],
            self.tr("&Help"): [a.about],
        }
        for title, items in menus.items():
            menu = bar.addMenu(title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        for action in (
            a.new_customer,
            a.new_enterprise,
            a.save,
            a.trash,
            a.undo,
            a.log_followup,
            a.today,
        ):
            toolbar.addAction(action)

    def _connect(self) -> None:
        a = self.named_actions
        a.new_customer.triggered.connect(lambda: self.new_customer("individual"))
        a.new_enterprise.triggered.connect(lambda: self.new_customer("enterprise"))
        a.save.triggered.connect(self.detail.save)
        a.revert.triggered.connect(self.detail.revert)
        a.trash.triggered.connect(self.trash_selected)
        a.restore.triggered.connect(self.restore_selected)
        a.show_trash.toggled.connect(self.list_pane.show_trash)
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.find.triggered.connect(self.focus_search)
        a.command_palette.triggered.connect(self.open_command_palette)
        a.next_customer.triggered.connect(lambda: self.list_pane.select_offset(1))
        a.previous_customer.triggered.connect(lambda: self.list_pane.select_offset(-1))
        a.bulk_edit.triggered.connect(self.bulk_edit_selected)
        a.save_segment.triggered.connect(self.list_pane.save_segment)
        a.clear_filters.triggered.connect(self.list_pane.clear_filters)
        a.dashboard.triggered.connect(self.open_dashboard)
        a.log_followup.triggered.connect(self._log_followup)
        a.plan_followup.triggered.connect(self._plan_followup)
        a.today.triggered.connect(self.show_today)
        self.reports = ReportActions(self)
        a.settings.triggered.connect(self.open_settings)
        a.backup.triggered.connect(lambda: back_up_now(self, self.tasks, self.events))
        a.restore_backup.triggered.connect(lambda: self.restore_from_backup())
        a.import_customers.triggered.connect(self.import_customers)
        a.export_customers.triggered.connect(self.export_customers)
        a.work_offline.setVisible(not is_sqlite())  # a replica is taken from an office server
        a.work_offline.triggered.connect(self.work_offline)
        a.import_history.triggered.connect(self.show_import_history)
        a.sample_data.triggered.connect(self.add_sample_customers)
        hint = self.list_pane.empty_hint
        hint.newCustomerRequested.connect(a.new_customer.trigger)
        hint.importRequested.connect(a.import_customers.trigger)
        hint.sampleDataRequested.connect(a.sample_data.trigger)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self.show_about)

        self.list_pane.currentCustomerChanged.connect(self._customer_selected)
        self.list_pane.may_select_first = lambda: not self.detail.is_busy()
        self.list_pane.countChanged.connect(self._show_count)
        self.list_pane.countPending.connect(lambda: self.count_label.setText(self.tr("Counting…")))
        self.detail.saved.connect(self._customer_saved)
        self.detail.dirtyChanged.connect(a.save.setEnabled)
        self.detail.dirtyChanged.connect(a.revert.setEnabled)
        a.save.setEnabled(False)
        a.revert.setEnabled(False)
        self.relationship_pane.levelFilterRequested.connect(self.list_pane.filter_by_level)
        self.events.customerOpened.connect(self.open_customer)
        self.events.customerChanged.connect(lambda _id: self.list_pane.model.refresh_rows())
        self.events.customersChanged.connect(self.list_pane.model.reload)
        self.events.followupsChanged.connect(lambda _id: self.refresh_due_counts())
        self.events.followupsChanged.connect(lambda _id: self.list_pane.model.refresh_rows())
        self.events.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.reminders.reminded.connect(self._reminded)
        self.reminders.showDueRequested.connect(self._show_due)
        self.merging = MergeActions(self)
        self.personal_data = PersonalDataActions(self)  # export and erasure of one person
        self.sync_actions = SyncActions(self)  # on a replica: Sync Now, conflicts, status
        self.backups = BackupActions(self)  # automatic backups, Tools → Backups…

    # ------------------------------------------------------------------- customers

    def _customer_selected(self, customer_id: int) -> None:
        new_id = customer_id or None
        if new_id == self._current_id and not self.detail.is_dirty():
            return
        if new_id != self.detail.customer_id() and not self.detail.maybe_save():
            if self._current_id is not None:  # the user cancelled: stay where we were
                self.list_pane.customerList.selectionModel().blockSignals(True)
                self.list_pane.select_customer(self._current_id)
                self.list_pane.customerList.selectionModel().blockSignals(False)
            return
        self._current_id = new_id
        self.detail.load_customer(new_id)
        record = self.detail.record()  # read once for the three panes
        self.followup_pane.set_customer(new_id, record)
        self.relationship_pane.set_customer(new_id, record)
        for action in (
            self.named_actions.trash,
            self.named_actions.print,
            self.named_actions.export_pdf,
        ):
            action.setEnabled(new_id is not None)

    def new_customer(self, kind: str) -> None:
        if self.detail.maybe_save():
            self._current_id = None
            self.detail.new_customer(kind)
            self.followup_pane.set_customer(None)
            self.relationship_pane.set_customer(None)

    def _customer_saved(self, customer_id: int) -> None:
        self._current_id = customer_id
        self.list_pane.model.reload_now()
        self.list_pane.select_customer(customer_id)
        self.followup_pane.set_customer(customer_id)
        self.relationship_pane.set_customer(customer_id)
        self.relationship_pane.refresh_distribution()

    def open_customer(self, customer_id: int) -> None:
        """Show `customer_id`, clearing filters if they hide it."""
        if not self.list_pane.select_customer(customer_id) and not self.list_pane.model.loading:
            self.list_pane.clear_filters()
            self.list_pane.select_customer(customer_id)
        self.raise_()

    def trash_selected(self) -> None:
        ids = self.list_pane.selected_ids()
        if ids and self.detail.maybe_save():
            self.undo_stack.push(TrashCommand(ids, self.events, self.tr("Move to trash")))
            self.statusBar().showMessage(
                self.tr("%n customer(s) moved to the trash — Undo brings them back", "", len(ids)),
                8000,
            )

    def restore_selected(self) -> None:
        ids = self.list_pane.selected_ids()
        if ids:
            self.undo_stack.push(TrashCommand(ids, self.events, self.tr("Restore"), restore=True))

    def bulk_edit_selected(self) -> None:
        ids = self.list_pane.selected_ids()
        if not ids:
            return
        dialog = BulkEditDialog(len(ids), self)
        if dialog.exec():
            field, value = dialog.choice()
            try:
                self.undo_stack.push(
                    BulkEditCommand(ids, field, value, self.events, dialog.summary())
                )
            except Exception as exc:  # noqa: BLE001 - shown to the user, nothing changed
                show_error(self, exc)

    # ------------------------------------------------------------------- the rest

    def focus_search(self) -> None:
        self.list_pane.searchBox.setFocus()
        self.list_pane.searchBox.selectAll()

    def open_command_palette(self) -> None:
        CommandPalette(self.named_actions.all(), self.open_customer, self).exec()

    def _log_followup(self) -> None:
        self.followup_dock.show()
        self.followup_pane.focus_log_form()

    def _plan_followup(self) -> None:
        self.followup_dock.show()
        self.followup_pane.focus_plan_form()

    def show_today(self) -> None:
        self._show_due("today")

    def _show_due(self, view: str) -> None:
        self.followup_dock.show()
        self.followup_pane.show_due(view)
        self.raise_()

    def refresh_due_counts(self, then: Callable[[dict[str, int]], None] | None = None) -> None:
        """Count due follow-ups in the background (a scan of all plans) for the status bar."""

        def show(counts: dict[str, int]) -> None:
            self.due_label.setText(
                self.tr("Overdue: %1 · Today: %2")
                .replace("%1", str(counts["overdue"]))
                .replace("%2", str(counts["today"]))
            )
            if then is not None:
                then(counts)

        # A refresh supersedes an older one, except one whose `then` must still run.
        key = "due-counts" if then is None else None
        self.tasks.run(lambda _c: followups.due_counts(), show, key=key, receiver=self)

    def _show_count(self, count: int) -> None:
        if self.list_pane.model.query.trashed:
            self.count_label.setText(self.tr("%n customer(s) in the trash", "", count))
        else:
            self.count_label.setText(self.tr("%n customer(s)", "", count))

    def _reminded(self, items: list) -> None:
        if items:
            self.statusBar().showMessage(self.reminders.summary(items)[1], 10000)
            self.refresh_due_counts()

    def restore_from_backup(self, source: str | None = None) -> bool:
        """Tools → Restore from Backup… (`source` given: from the Backups list)."""
        if self.detail.maybe_save() and restore_from_backup(self, self.tasks, self.events, source):
            self._current_id = None
            return True
        return False

    # Views opened from the menus are imported when first asked for: start-up stays short.

    def open_dashboard(self) -> None:
        from desktop_crm.ui.dashboard import show_dashboard  # QtCharts loads here

        show_dashboard(self)

    def import_customers(self) -> None:
        from desktop_crm.ui.dialogs.import_wizard import open_import_wizard

        open_import_wizard(self)

    def export_customers(self) -> None:
        from desktop_crm.ui.dialogs.export_dialog import open_export_dialog

        open_export_dialog(self)

    def show_import_history(self) -> None:
        from desktop_crm.ui.dialogs.import_history_dialog import open_import_history

        open_import_history(self)

    def add_sample_customers(self) -> None:
        from desktop_crm.ui.sample_data import add_sample_customers  # Faker loads here

        add_sample_customers(self, self.tasks, self.events)

    def open_settings(self) -> None:
        security = SecurityPage(self.tasks, self.events, self.detail.maybe_save)
        SettingsDialog(self.settings, self, security=security).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Desktop CRM"),
            self.tr("Desktop CRM %1 — an offline customer manager.").replace("%1", __version__),
        )

    def start(self) -> None:
        """After the window is shown: the Today view if something is due, catch-up reminders."""
        if self._first_run_layout:
            self._default_sizes()
        self.refresh_due_counts(then=self._show_today_if_due)
        if self.read_only:  # nothing may be written: no reminders marked, no recompute
            return
        QTimer.singleShot(0, self.reminders.check_now)
        self.lifecycle.start()  # the daily stage/grade/credit recompute, in the background
        self.backups.start()  # a backup if none in a day, in the background; hourly checks
        if not is_sqlite():
            self.live_updates.start()

    def work_offline(self) -> None:
        """File → Work Offline…: a replica of the office database, copied in the background."""
        self.replica_copy = work_offline(self)  # kept: its process reports to it

    def _show_today_if_due(self, counts: dict[str, int]) -> None:
        if counts["overdue"] or counts["today"]:
            self.show_today()

    # ------------------------------------------------------------------- layout

    def _restore_layout(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1680, screen.width()), min(960, screen.height()))
        state = self.settings.state("windowState")
        splitter = self.settings.state("mainSplitter")
        restored = state is not None and self.restoreState(state)
        restored = splitter is not None and self.splitter.restoreState(splitter) and restored
        self._first_run_layout = not restored

    def _default_sizes(self) -> None:
        """Proportions for a first start; afterwards the user's own layout is restored."""
        width = self.width()
        self.resizeDocks([self.followup_dock], [width * 28 // 100], Qt.Orientation.Horizontal)
        self.splitter.setSizes([width * 40 // 100, width * 32 // 100])

    def save_layout(self) -> None:
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("windowState", self.saveState())
        self.settings.set_state("mainSplitter", self.splitter.saveState())
        self.list_pane.save_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.detail.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self.live_updates.stop()
        self.reminders.stop()
        self.tray.hide()
        # Searches, counts, reports and imports still running are cancelled (an import
        # rolls back) and given a moment to stop; none of their results arrive any more.
        self.tasks.shutdown(SHUTDOWN_WAIT_MS)
        self.backups.at_exit()  # after all else is saved; the window is hidden meanwhile
        event.accept()
