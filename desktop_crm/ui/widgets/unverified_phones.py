"""Phones kept although not valid for their region: a warning mark on each such number
in the phone editor, and the question whether to keep a newly typed one unverified.

An impossible number (letters, too short or too long) is never asked about: the domain
refuses it with the field message as for any other bad value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMessageBox, QStyle, QWidget

from desktop_crm.domain.validation import FieldError, UnverifiedPhoneError, normalize_phone
from desktop_crm.ui.widgets.entry_list import EntryListEditor


def unverified_reason(number: str) -> str | None:
    """Why `number` would be kept unverified; None when it is valid or impossible."""
    try:
        normalize_phone(number)
    except UnverifiedPhoneError as exc:
        return exc.reason
    except FieldError:
        return None
    return None


class UnverifiedPhones:
    """Which numbers of the shown customer are accepted unverified, marked in `editor`."""

    def __init__(self, editor: EntryListEditor) -> None:
        self._editor = editor
        self._accepted: set[str] = set()
        self._marks: dict[QLineEdit, QAction] = {}
        editor.changed.connect(self.refresh_marks)

    def set_entries(self, entries: Sequence[Any]) -> None:
        """The stored phones were just shown: those stored unverified are accepted."""
        self._accepted = {
            str(_get(e, "number")).strip() for e in entries if _get(e, "verified") is False
        }
        self.refresh_marks()

    def is_accepted(self, number: str) -> bool:
        return number.strip() in self._accepted

    def pending(self, phones: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
        """(number, reason) of the typed numbers that need the user's yes to be kept."""
        result = []
        for phone in phones:
            number = str(phone.get("number") or "").strip()
            if number and not self.is_accepted(number):
                reason = unverified_reason(number)
                if reason is not None:
                    result.append((number, reason))
        return result

    def ask(self, parent: QWidget, pending: Sequence[tuple[str, str]]) -> bool:
        """Ask whether to keep these numbers unverified; True (and accepted) on yes."""
        numbers = "\n".join(f"• {reason}" for _number, reason in pending)
        answer = QMessageBox.warning(
            parent,
            QCoreApplication.translate("UnverifiedPhones", "Unverified phone number"),
            numbers
            + "\n\n"
            + QCoreApplication.translate("UnverifiedPhones", "Keep as typed, marked unverified?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._accepted.update(number for number, _reason in pending)
        self.refresh_marks()
        return True

    def refresh_marks(self) -> None:
        """A warning mark and tooltip on each accepted unverified number shown."""
        icon = self._editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        alive = set()
        for index in range(self._editor.row_count()):
            edit = self._editor.row_inputs(index)["number"]
            assert isinstance(edit, QLineEdit)
            alive.add(edit)
            mark = self._marks.get(edit)
            unverified = self.is_accepted(edit.text())
            if mark is None:
                if not unverified:
                    continue
                mark = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
                mark.setObjectName("unverifiedPhoneMark")
                mark.setToolTip(
                    QCoreApplication.translate(
                        "UnverifiedPhones",
                        "Unverified: this number is not valid for its region; kept as typed.",
                    )
                )
                self._marks[edit] = mark
            mark.setVisible(unverified)
            edit.setToolTip(mark.toolTip() if unverified else "")
        for edit in [e for e in self._marks if e not in alive]:
            del self._marks[edit]  # its row was removed


def _get(entry: Any, name: str) -> Any:
    return entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
