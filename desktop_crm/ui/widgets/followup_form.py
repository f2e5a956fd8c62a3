"""The quick form to log a contact with a customer and, optionally, plan the next one."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop_crm.domain import followups, relationship
from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.widgets.followup_display import (
    channel_icon,
    from_qdatetime,
    report_error,
    to_qdatetime,
)
from desktop_crm.ui.widgets.form_fields import ERROR_STYLE, mark_invalid

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def _datetime_edit(accessible_name: str, parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setAccessibleName(accessible_name)
    return edit


def _text_box(accessible_name: str, lines: int, parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)  # Tab moves on to the next field, as in a line edit
    height = box.fontMetrics().lineSpacing() * lines + 12
    box.setFixedHeight(height)
    return box


def fill_contacts(
    combo: QComboBox, form: QFormLayout, record: CustomerRecord | None, none_text: str
) -> None:
    """The customer's contact persons in `combo` (kept selected if still there); the row
    shows for enterprises only."""
    current = combo.currentData()
    combo.clear()
    combo.addItem(none_text, None)
    for contact in record.contacts if record is not None else []:
        combo.addItem(
            f"{contact.name} · {contact.title}" if contact.title else contact.name, contact.id
        )
    found = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(found, 0))
    form.setRowVisible(combo, record is not None and record.kind == "enterprise")


def show_field_errors(
    label: QLabel, fields: dict[str, QWidget], titles: dict[str, str], errors: dict[str, str]
) -> None:
    """Outline the refused fields, list the reasons in `label`, focus the first refused field."""
    for name, widget in fields.items():
        mark_invalid(widget, name in errors)
    lines = [f"{titles.get(name, name)}: {reason}" for name, reason in errors.items()]
    label.setText("\n".join(lines))
    label.setVisible(bool(lines))
    first = next((fields[n] for n in fields if n in errors), None)
    if first is not None:
        first.setFocus()


class ContactLogForm(QWidget):
    """Log a contact for the customer given to `set_customer`; emits followupsChanged."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactLogForm")
        self._events = events
        self._customer: CustomerRecord | None = None
        self.setStyleSheet(ERROR_STYLE + "QLabel#formError { color: #d32f2f; }")

        self.when_edit = _datetime_edit(self.tr("Date and time of the contact"), self)
        self.when_edit.setObjectName("logWhen")
        self.now_button = QToolButton(self)
        self.now_button.setText(self.tr("Now"))
        self.now_button.setAccessibleName(self.tr("Set the time to now"))
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("logChannel")
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for code, label in labels.choices("channel"):
            self.channel_combo.addItem(channel_icon(str(code)), label, code)
        self.initiated_combo = QComboBox(self)
        self.initiated_combo.setObjectName("logInitiatedBy")
        self.initiated_combo.setAccessibleName(self.tr("Who started the contact"))
        for code, label in labels.choices("initiated_by"):
            self.initiated_combo.addItem(label, code)
        self.contact_combo = QComboBox(self)
        self.contact_combo.setObjectName("logContactPerson")
        self.contact_combo.setAccessibleName(self.tr("Contact person"))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("logSubject")
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        self.subject_edit.setPlaceholderText(self.tr("What was it about?"))
        self.content_edit = _text_box(self.tr("Content"), 3, self)
        self.content_edit.setObjectName("logContent")
        self.content_edit.setPlaceholderText(self.tr("What was said or done"))
        self.outcome_edit = _text_box(self.tr("Outcome"), 2, self)
        self.outcome_edit.setObjectName("logOutcome")
        self.outcome_edit.setPlaceholderText(self.tr("What came of it"))

        self.plan_check = QCheckBox(self.tr("Plan the next follow-up"), self)
        self.plan_check.setObjectName("logPlanNext")
        self.next_due_edit = _datetime_edit(self.tr("Date of the next follow-up"), self)
        self.next_due_edit.setObjectName("logNextDue")
        self.next_subject_edit = QLineEdit(self)
        self.next_subject_edit.setObjectName("logNextSubject")
        self.next_subject_edit.setAccessibleName(self.tr("Subject of the next follow-up"))
        self.next_subject_edit.setPlaceholderText(self.tr("Same subject"))
        self.cadence_label = QLabel(self)
        self.cadence_label.setObjectName("logCadenceHint")
        self.cadence_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.log_button = QPushButton(self.tr("Log contact"), self)
        self.log_button.setObjectName("logButton")
        self.log_button.setAutoDefault(True)  # Enter on the focused button logs
        self.log_button.setToolTip(self.tr("Log the contact (Ctrl+Enter)"))

        when_row = QHBoxLayout()
        when_row.addWidget(self.when_edit, 1)
        when_row.addWidget(self.now_button)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow docks
        form.addRow(self.tr("When"), when_row)
        form.addRow(self.tr("Channel"), self.channel_combo)
        form.addRow(self.tr("Started by"), self.initiated_combo)
        form.addRow(self.tr("Contact person"), self.contact_combo)
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow(self.tr("Content"), self.content_edit)
        form.addRow(self.tr("Outcome"), self.outcome_edit)
        form.addRow("", self.plan_check)
        form.addRow(self.tr("Next date"), self.next_due_edit)
        form.addRow(self.tr("Next subject"), self.next_subject_edit)
        form.addRow("", self.cadence_label)
        form.addRow("", self.error_label)
        form.addRow("", self.log_button)
        self._form = form
        self._fields = {
            "occurred_at": self.when_edit,
            "channel": self.channel_combo,
            "initiated_by": self.initiated_combo,
            "contact_id": self.contact_combo,
            "subject": self.subject_edit,
            "content": self.content_edit,
            "outcome": self.outcome_edit,
            "next_due": self.next_due_edit,
            "next_subject": self.next_subject_edit,
        }

        self.now_button.clicked.connect(self._set_now)
        self.plan_check.toggled.connect(self._plan_toggled)
        self.log_button.clicked.connect(self.submit)
        submit = QShortcut(QKeySequence("Ctrl+Return"), self)
        submit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        submit.activated.connect(self.submit)
        self.set_customer(None)

    # ------------------------------------------------------------------ customer

    def set_customer(self, record: CustomerRecord | None) -> None:
        """Show the form for `record` (None: disabled); keeps typed text for the same one."""
        same = record is not None and self._customer is not None and record.id == self._customer.id
        self._customer = record
        self.setEnabled(record is not None and record.deleted_at is None)
        fill_contacts(self.contact_combo, self._form, record, self.tr("(no contact person)"))
        if not same:
            self.reset()
        else:
            self.propose_next_due()

    def reset(self) -> None:
        """Empty the texts, time now, no next plan; the proposed next date refreshed."""
        for box in (self.subject_edit, self.next_subject_edit):
            box.clear()
        self.content_edit.clear()
        self.outcome_edit.clear()
        self.plan_check.setChecked(False)
        self._plan_toggled(False)
        self._show_errors({})
        self._set_now()
        self.propose_next_due()

    def is_pristine(self) -> bool:
        """Nothing typed yet."""
        return not (
            self.subject_edit.text()
            or self.content_edit.toPlainText()
            or self.outcome_edit.toPlainText()
        )

    def _set_now(self) -> None:
        self.when_edit.setDateTime(QDateTime.currentDateTime())

    def propose_next_due(self) -> None:
        """Put the date proposed by the customer's level cadence into the next-plan field."""
        if self._customer is None or self._customer.deleted_at is not None:
            self.cadence_label.clear()
            return
        try:
            proposed = followups.propose_next_due(self._customer.id)
        except CrmError:
            return
        self.next_due_edit.setDateTime(to_qdatetime(proposed))
        level = self._customer.relationship_level
        days = relationship.cadence_days(level)
        if level is None:
            hint = self.tr("No relationship level: follow up every %1 days.")
        else:
            hint = self.tr("%2: follow up every %1 days.").replace(
                "%2", labels.choice_label("relationship_level", level)
            )
        self.cadence_label.setText(hint.replace("%1", str(days)))

    def _plan_toggled(self, checked: bool) -> None:
        self.next_due_edit.setEnabled(checked)
        self.next_subject_edit.setEnabled(checked)

    # -------------------------------------------------------------------- submit

    def submit(self) -> None:
        """Log the contact (and the next plan); on success reset and emit followupsChanged."""
        if self._customer is None or not self.isEnabled():
            return
        plan = self.plan_check.isChecked()
        try:
            followups.log_contact(
                self._customer.id,
                channel=self.channel_combo.currentData(),
                initiated_by=self.initiated_combo.currentData(),
                contact_id=self.contact_combo.currentData(),
                occurred_at=from_qdatetime(self.when_edit.dateTime()),
                subject=self.subject_edit.text(),
                content=self.content_edit.toPlainText(),
                outcome=self.outcome_edit.toPlainText(),
                next_due=from_qdatetime(self.next_due_edit.dateTime()) if plan else None,
                next_subject=self.next_subject_edit.text() if plan else None,
            )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            return
        customer_id = self._customer.id
        self.reset()
        self._events.followupsChanged.emit(customer_id)

    def _show_errors(self, errors: dict[str, str]) -> None:
        titles = {
            "occurred_at": self.tr("When"),
            "channel": self.tr("Channel"),
            "initiated_by": self.tr("Started by"),
            "contact_id": self.tr("Contact person"),
            "subject": self.tr("Subject"),
            "content": self.tr("Content"),
            "outcome": self.tr("Outcome"),
            "next_due": self.tr("Next date"),
            "next_subject": self.tr("Next subject"),
        }
        show_field_errors(self.error_label, self._fields, titles, errors)


class PlanForm(QWidget):
    """Plan a follow-up without logging a contact; the date proposed by the level cadence."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planForm")
        self._events = events
        self._customer: CustomerRecord | None = None
        self.setStyleSheet(ERROR_STYLE + "QLabel#formError { color: #d32f2f; }")
        self.due_edit = _datetime_edit(self.tr("Date of the follow-up"), self)
        self.due_edit.setObjectName("planDue")
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("planChannel")
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for code, label in labels.choices("channel"):
            self.channel_combo.addItem(channel_icon(str(code)), label, code)
        self.contact_combo = QComboBox(self)
        self.contact_combo.setObjectName("planContactPerson")
        self.contact_combo.setAccessibleName(self.tr("Contact person"))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("planSubject")
        self.subject_edit.setAccessibleName(self.tr("What to do"))
        self.subject_edit.setPlaceholderText(self.tr("What to do, e.g. call about the offer"))
        self.notes_edit = _text_box(self.tr("Notes"), 2, self)
        self.notes_edit.setObjectName("planNotes")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.plan_button = QPushButton(self.tr("Plan follow-up"), self)
        self.plan_button.setObjectName("planButton")
        self.plan_button.setAutoDefault(True)
        self.plan_button.setToolTip(self.tr("Plan the follow-up (Ctrl+Enter)"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Due"), self.due_edit)
        form.addRow(self.tr("Channel"), self.channel_combo)
        form.addRow(self.tr("Contact person"), self.contact_combo)
        form.addRow(self.tr("What to do"), self.subject_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow("", self.error_label)
        form.addRow("", self.plan_button)
        self._form = form
        self._fields = {
            "due_at": self.due_edit,
            "channel": self.channel_combo,
            "contact_id": self.contact_combo,
            "subject": self.subject_edit,
            "content": self.notes_edit,
        }
        self.plan_button.clicked.connect(self.submit)
        submit = QShortcut(QKeySequence("Ctrl+Return"), self)
        submit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        submit.activated.connect(self.submit)
        self.set_customer(None)

    def set_customer(self, record: CustomerRecord | None) -> None:
        same = record is not None and self._customer is not None and record.id == self._customer.id
        self._customer = record
        self.setEnabled(record is not None and record.deleted_at is None)
        fill_contacts(self.contact_combo, self._form, record, self.tr("(no contact person)"))
        if not same:
            self.subject_edit.clear()
            self.notes_edit.clear()
            self._show_errors({})
        self.propose_due()

    def propose_due(self) -> None:
        if self._customer is not None and self._customer.deleted_at is None:
            self.due_edit.setDateTime(to_qdatetime(followups.propose_next_due(self._customer.id)))

    def submit(self) -> None:
        if self._customer is None or not self.isEnabled():
            return
        try:
            followups.plan_followup(
                self._customer.id,
                from_qdatetime(self.due_edit.dateTime()),
                subject=self.subject_edit.text(),
                channel=self.channel_combo.currentData(),
                contact_id=self.contact_combo.currentData(),
                content=self.notes_edit.toPlainText(),
            )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            return
        self.subject_edit.clear()
        self.notes_edit.clear()
        self._show_errors({})
        self._events.followupsChanged.emit(self._customer.id)

    def _show_errors(self, errors: dict[str, str]) -> None:
        titles = {
            "due_at": self.tr("Due"),
            "channel": self.tr("Channel"),
            "contact_id": self.tr("Contact person"),
            "subject": self.tr("What to do"),
            "content": self.tr("Notes"),
        }
        show_field_errors(self.error_label, self._fields, titles, errors)
