"""The shape shared by the small entry dialogs (order, payment, shipment, complaint, survey):
labelled fields, each with its validation reason under it, and OK / Cancel.

OK hands the dialog's values to a save function given by the caller (which calls the
domain). A `ValidationError` puts each reason next to its field and keeps the dialog
open with everything typed; the save function may also return False to stay open (the
user backed out of a warning). Success closes the dialog with `saved` set.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, SignalInstance
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.form_fields import ERROR_STYLE, FieldSlot

log = logging.getLogger(__name__)

DATE_FORMAT = "yyyy-MM-dd"

SaveFunction = Callable[[dict[str, Any]], Any]


def date_edit(parent: QWidget, value: date | None = None, *, not_future: bool = True) -> QDateEdit:
    """A date field with a calendar popup, ISO display, today by default."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(value or date.today()))
    if not_future:
        edit.setMaximumDate(QDate.currentDate())
    return edit


class RecordDialog(QDialog):
    def __init__(self, save: SaveFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self._save = save
        self.saved: Any = None
        self.slots: dict[str, FieldSlot] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(self)
        self.summary.setObjectName("fieldErrorLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def add_field(
        self,
        name: str,
        title: str,
        editor: QWidget,
        changed: SignalInstance | list[SignalInstance] | None = None,
    ) -> FieldSlot:
        """A row `title: editor`; `name` is the domain's field name (for its reasons)."""
        slot = FieldSlot(editor, changed, parent=self)
        slot.setObjectName(f"field_{name}")
        editor.setObjectName(f"{name}Edit")
        label = QLabel(title, self)
        label.setBuddy(editor.focusProxy() or editor)
        editor.setAccessibleName(title.replace("&", ""))
        self.form.addRow(label, slot)
        self.slots[name] = slot
        return slot

    def values(self) -> dict[str, Any]:
        """The fields as the domain takes them."""
        raise NotImplementedError

    def accept(self) -> None:
        self.summary.hide()
        try:
            result = self._save(self.values())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except CrmError as exc:
            show_error(self, exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug: logged, told, the dialog stays open
            log.exception("saving from %s failed", type(self).__name__)
            show_error(self, exc)
            return
        if result is False:
            return
        self.saved = result
        super().accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each reason under its field; reasons about other things above the buttons."""
        others = []
        first: QWidget | None = None
        for name, reason in errors.items():
            slot = self.slots.get(name)
            if slot is None:
                others.append(f"{labels.column_title(name)}: {reason}")
                continue
            slot.set_error(reason)
            first = first or slot.editor
        if others:
            self.summary.setText("; ".join(others))
            self.summary.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
