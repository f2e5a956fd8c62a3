"""Mark a customer as lost / exited: a reason from the configurable list, free notes, and
whether to cancel the customer's open planned follow-ups (on by default: nobody should
be reminded to call a customer who has left)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import customers, followups, lifecycle
from desktop_crm.domain.lifecycle import ExitReason
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import show_error


class ExitCustomerDialog(QDialog):
    """Asks why the customer left; `accepted` once the exit is recorded in the database."""

    def __init__(
        self,
        customer_id: int,
        title: str,
        reasons: list[ExitReason],
        open_followups: int,
        events: AppEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exitCustomerDialog")
        self.setWindowTitle(self.tr("Mark as Lost / Exited"))
        self.customer_id = customer_id
        self.title = title
        self.open_followups = open_followups
        self.cancelled_followups = 0
        self._events = events

        intro = QLabel(
            self.tr("End the relationship with %1. The stage becomes “Exited”.").replace(
                "%1", title
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("exitReasonCombo")
        for reason in reasons:
            self.reason_combo.addItem(reason.label, reason.code)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("exitNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("What happened, in your own words"))
        self.cancel_check = QCheckBox(
            self.tr("Cancel %n open follow-up(s)", "", open_followups), self
        )
        self.cancel_check.setObjectName("cancelFollowupsCheck")
        self.cancel_check.setChecked(True)
        self.cancel_check.setVisible(open_followups > 0)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("exitError")
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason"), self)
        reason_label.setBuddy(self.reason_combo)
        notes_label = QLabel(self.tr("&Notes"), self)
        notes_label.setBuddy(self.notes_edit)
        form.addRow(reason_label, self.reason_combo)
        form.addRow(notes_label, self.notes_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("exitButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark as &Exited"))
        ok.setObjectName("exitOkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.cancel_check)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(440, 300)
        self.reason_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason(self) -> str | None:
        return self.reason_combo.currentData()

    def notes(self) -> str:
        return self.notes_edit.toPlainText()

    def accept(self) -> None:
        """Record the exit; stay open with the message when the domain refuses it."""
        cancel = self.open_followups > 0 and self.cancel_check.isChecked()
        try:
            self.cancelled_followups = lifecycle.exit_customer(
                self.customer_id,
                self.reason() or "",
                notes=self.notes(),
                cancel_open_followups=cancel,
            )
        except ValidationError as exc:
            self.error_label.setText(
                "\n".join(
                    f"{labels.column_title(field)}: {reason}"
                    for field, reason in exc.errors.items()
                )
            )
            self.error_label.show()
            return
        except CrmError as exc:
            show_error(self, exc)
            return
        if self._events is not None:
            self._events.customerChanged.emit(self.customer_id)
            if self.cancelled_followups:
                self._events.followupsChanged.emit(self.customer_id)
            self._events.statusMessage.emit(
                self.tr("%1 marked as exited.").replace("%1", self.title)
            )
        super().accept()


def ask_exit_customer(
    parent: QWidget, customer_id: int, events: AppEvents | None = None
) -> ExitCustomerDialog | None:
    """Open the exit dialog for a customer (window-modal, not blocking); None if the
    customer cannot be read. The exit is written when the user confirms."""
    try:
        record = customers.get_customer(customer_id)
        reasons = lifecycle.exit_reasons()
        open_count = followups.open_followup_count(customer_id)
    except CrmError as exc:
        show_error(parent, exc)
        return None
    dialog = ExitCustomerDialog(
        customer_id, f"{record.name} ({record.code})", reasons, open_count, events, parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
