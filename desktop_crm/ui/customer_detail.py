"""The customer detail pane (M3): shows and edits one customer, never losing edits silently.

All rules live in the customer service: the pane hands it the form's values and shows
the reasons it gives next to the fields. Only the fields the user changed are sent, so
"Overwrite with mine" after a conflict overwrites just those.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import customers
from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.domain.history import customer_history
from desktop_crm.errors import ConflictError, CrmError, NotFoundError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.customer_form import CustomerForm
from desktop_crm.ui.widgets.form_fields import ERROR_STYLE
from desktop_crm.ui.widgets.history_view import HistoryView, local_time_text
from desktop_crm.ui.widgets.orders_tab import OrdersTab
from desktop_crm.ui.widgets.relations_editor import RelationsEditor
from desktop_crm.ui.widgets.service_tab import ServiceTab
from desktop_crm.ui.widgets.sync_conflict_badge import SyncConflictBadge

_Button = QMessageBox.StandardButton


class CustomerDetailPane(QWidget):
    """One customer's file: identity, contact, contact persons, classification, care,
    relations and history. Save and Revert work on the whole form."""

    saved = Signal(int)  # the customer id after a successful save (new or existing)
    dirtyChanged = Signal(bool)  # noqa: N815 - Qt naming

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDetail")
        self.setAccessibleName(self.tr("Customer details"))
        self.setStyleSheet(ERROR_STYLE)
        self._events = events
        self._record: CustomerRecord | None = None
        self._new_kind: str | None = None  # set while the form holds a customer not yet saved
        self._baseline: dict[str, Any] = {}
        self._dirty = False
        self._emitting = False

        self.title_label = QLabel(self)
        self.title_label.setObjectName("detailTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("detailSubtitle")
        self.subtitle_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("fieldErrorLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.hide()
        self.conflict_badge = SyncConflictBadge(self)  # on a replica: a sync conflict waits

        self.form = CustomerForm(self)
        self.orders = OrdersTab(events, self.form)
        self.form.addTab(self.orders, self.tr("Or&ders"))
        self.service = ServiceTab(events, self.form)
        self.form.addTab(self.service, self.tr("Ser&vice"))
        self.relations = RelationsEditor(self.form)
        self.form.addTab(self.relations, self.tr("&Relations"))
        self.history = HistoryView(self.form)
        self.form.addTab(self.history, self.tr("&History"))
        self.placeholder = QLabel(self.tr("No customer selected"), self)
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.form)

        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setAccessibleName(self.tr("Revert changes"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save customer"))
        for button in (self.revert_button, self.save_button):
            button.setAutoDefault(False)  # Enter in a field never presses them
            button.setDefault(False)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.conflict_badge)
        layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.form.changed.connect(self._form_changed)
        self.relations.relationsChanged.connect(self._relations_changed)
        events.customerChanged.connect(self._customer_changed_elsewhere)
        events.customersChanged.connect(self._customers_changed_elsewhere)
        self.load_customer(None)

    # --------------------------------------------------------------- public API
    def customer_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    def record(self) -> CustomerRecord | None:
        """The customer as last read or saved (not the unsaved edits)."""
        return self._record

    def is_busy(self) -> bool:
        """Whether the user is working in the pane: a new customer or unsaved edits."""
        return self._new_kind is not None or self._dirty

    def is_dirty(self) -> bool:
        return self._dirty

    def load_customer(self, customer_id: int | None) -> None:
        """Show this customer (dropping any edits); None shows "No customer selected"."""
        record = None
        if customer_id is not None:
            try:
                record = customers.get_customer(customer_id)
            except NotFoundError as exc:
                show_error(self, exc)
        if record is None:
            self._record, self._new_kind = None, None
            self.form.set_record(None)
            self.relations.set_customer(None, [])
            self.history.set_entries([])
            self._load_tabs(None)
            self._baseline = self.form.values()
            self.stack.setCurrentWidget(self.placeholder)
            self.form.setEnabled(False)
            self._set_header(self.tr("No customer selected"), "")
            self._set_summary("")
            self.conflict_badge.show_for(None)
            self._set_dirty(False)
            return
        self._show_record(record)

    def new_customer(self, kind: str = "individual") -> None:
        """An empty form for a new customer of `kind`; Save creates it."""
        self._record, self._new_kind = None, kind
        self.form.set_record(None, kind)
        self.relations.set_customer(None, [])
        self.history.set_entries([])
        self._baseline = self.form.values()
        self.stack.setCurrentWidget(self.form)
        self.form.setEnabled(True)
        for index in range(self.form.count()):
            self.form.widget(index).setEnabled(True)
        self._load_tabs(None)  # orders and service need a saved customer
        self.form.setCurrentIndex(0)
        self._set_header(self.tr("New customer"), labels.choice_label("kind", kind))
        self._set_summary("")
        self.conflict_badge.show_for(None)
        self._set_dirty(False)
        self.form.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Save the form; False when validation failed or the user cancelled a conflict."""
        if self._record is None and self._new_kind is None:
            return False
        values = self.form.values()
        pending = self.form.unverified_phones.pending(values["phones"])
        if pending and self.form.unverified_phones.ask(self, pending):
            values = self.form.values()  # now kept unverified; declined: refused as before
        if self._record is None:
            return self._write(lambda: customers.create_customer(values))
        changes = {name: v for name, v in values.items() if v != self._baseline.get(name)}
        if not changes:
            self._set_dirty(False)
            return True
        customer_id, version = self._record.id, self._record.version
        try:
            record = customers.update_customer(customer_id, changes, expected_version=version)
        except ConflictError as exc:
            answer = self._ask_about_conflict(self._conflict_text(exc))
            if answer == _Button.Save:
                return self._write(lambda: customers.update_customer(customer_id, changes))
            if answer == _Button.Discard:
                self._show_record(customers.get_customer(customer_id))
            return False
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except CrmError as exc:
            show_error(self, exc)
            return False
        self._after_save(record)
        return True

    def revert(self) -> None:
        """Drop the edits: back to the customer as stored (or an empty new form)."""
        if self._new_kind is not None:
            self.new_customer(self._new_kind)
        else:
            self.load_customer(self.customer_id())

    def maybe_save(self) -> bool:
        """Before switching customer or closing: False means the user chose to stay."""
        if not self._dirty:
            return True
        name = self.form.edits["name"].text().strip() or self.tr("this customer")
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1?").replace("%1", name),
            _Button.Save | _Button.Discard | _Button.Cancel,
            _Button.Save,
        )
        if answer == _Button.Save:
            return self.save()
        if answer == _Button.Discard:
            self.revert()
            return True
        return False

    # ---------------------------------------------------------------- internals
    def _write(self, action: Any) -> bool:
        try:
            record = action()
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except CrmError as exc:
            show_error(self, exc)
            return False
        self._after_save(record)
        return True

    def _after_save(self, record: CustomerRecord) -> None:
        self._show_record(record)
        self._emitting = True
        try:
            self.saved.emit(record.id)
            self._events.customerChanged.emit(record.id)
        finally:
            self._emitting = False

    def _show_record(self, record: CustomerRecord) -> None:
        tab = self.form.currentIndex() if self.stack.currentWidget() is self.form else 0
        self._record, self._new_kind = record, None
        self.form.set_record(record)
        self.relations.set_customer(record.id, record.relations)
        self.history.set_entries(customer_history(record.id))
        self._load_tabs(record.id)
        self._baseline = self.form.values()
        self.stack.setCurrentWidget(self.form)
        self.form.setEnabled(True)
        for index in range(self.form.count()):  # a customer in the trash is read-only
            page = self.form.widget(index)
            page.setEnabled(record.deleted_at is None or page is self.history)
        self.form.setCurrentIndex(tab if self.form.isTabVisible(tab) else 0)
        details = [
            record.code,
            labels.choice_label("kind", record.kind),
            labels.choice_label("status", record.status),
        ]
        if record.deleted_at is not None:
            details.append(self.tr("In the trash"))
        self._set_header(record.name, " · ".join(details))
        self._set_summary("")
        self.conflict_badge.show_for(record.uuid)
        self._set_dirty(False)

    def _load_tabs(self, customer_id: int | None) -> None:
        """The Orders and Service tabs show the saved customer; off for a new one."""
        for tab in (self.orders, self.service):
            tab.set_customer(customer_id)
            index = self.form.indexOf(tab)
            self.form.setTabEnabled(index, customer_id is not None)
            tip = "" if customer_id is not None else self.tr("Save the new customer first")
            self.form.setTabToolTip(index, tip)

    def _conflict_text(self, exc: ConflictError) -> str:
        """Who changed which fields since the form was read, with the form's field names."""
        if not exc.saves:
            return exc.message
        lines = [
            self.tr("%1 changed %2 at %3")
            .replace("%1", save.changed_by or "?")
            .replace("%2", ", ".join(labels.column_title(f) for f in save.fields) or save.action)
            .replace("%3", local_time_text(save.changed_at))
            for save in exc.saves
        ]
        name = self._record.name if self._record else ""
        return "\n".join(
            [self.tr("%1 was changed since you opened it:").replace("%1", name), *lines]
        )

    def _ask_about_conflict(self, message: str) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Changed by someone else"),
            message,
            _Button.Save | _Button.Discard | _Button.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "Reload their version and lose your edits, or overwrite the fields you changed "
                "with yours?"
            )
        )
        box.button(_Button.Save).setText(self.tr("Overwrite with mine"))
        box.button(_Button.Discard).setText(self.tr("Reload their version"))
        box.button(_Button.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(_Button.Cancel)
        return _Button(box.exec())

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = self.form.show_errors(errors)
        reasons = "; ".join(f"{title}: {reason}" for title, reason in shown)
        self._set_summary(self.tr("Not saved. Please correct: %1").replace("%1", reasons))

    def _set_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.setAccessibleName(text)
        self.summary_label.setVisible(bool(text))

    def _set_header(self, title: str, subtitle: str) -> None:
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _form_changed(self) -> None:
        self._set_dirty(self.form.values() != self._baseline)
        if self.summary_label.isVisible() and not any(s.error() for s in self.form.slots.values()):
            self._set_summary("")

    def _relations_changed(self, other_id: int) -> None:
        customer_id = self.customer_id()
        if customer_id is None:
            return
        self.history.set_entries(customer_history(customer_id))
        self._emitting = True
        try:
            self._events.customerChanged.emit(customer_id)
            self._events.customerChanged.emit(other_id)
        finally:
            self._emitting = False

    def _customer_changed_elsewhere(self, customer_id: int) -> None:
        if not self._emitting and customer_id == self.customer_id():
            self._refresh_from_database()

    def _customers_changed_elsewhere(self) -> None:
        if self.customer_id() is not None:
            self._refresh_from_database()

    def _refresh_from_database(self) -> None:
        """Show another pane's change; with edits pending keep them (Save will ask)."""
        customer_id = self.customer_id()
        assert customer_id is not None
        try:
            record = customers.get_customer(customer_id)
        except NotFoundError:
            return
        if self._dirty:
            self.relations.set_customer(customer_id, record.relations)
            self.history.set_entries(customer_history(customer_id))
            self.conflict_badge.show_for(record.uuid)
        else:
            self._show_record(record)
