"""Merge two customers: both side by side, a choice for every field they fill differently.

The choices are about values, not sides: picking the other customer as the one that
stays does not undo the values the user picked by hand. Rows the user has not touched
follow the customer that stays. The merge itself is a `MergeCommand` on the undo stack.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.customers import CustomerRecord, get_customer
from desktop_crm.domain.merge import FIELD_GROUPS, RecordCounts, merge_conflicts, record_counts
from desktop_crm.errors import CrmError
from desktop_crm.ui import labels
from desktop_crm.ui.commands import MergeCommand
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import show_error

FIRST, SECOND = 0, 1
MAX_SHOWN = 60  # characters of a long value shown on a radio button (the tooltip has all)
# Stored codes shown with their translated labels.
_CHOICE_KINDS = {
    "kind": "kind",
    "gender": "gender",
    "status": "status",
    "stage": "stage",
    "source": "source",
    "relationship_level": "relationship_level",
}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


class MergeDialog(QDialog):
    """Shows two customers; Merge keeps the chosen one with the chosen values."""

    def __init__(
        self,
        first_id: int,
        second_id: int,
        undo_stack: QUndoStack,
        events: AppEvents,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge customers"))
        self._undo_stack = undo_stack
        self._events = events
        self.records = (get_customer(first_id), get_customer(second_id))
        counts = (record_counts(first_id), record_counts(second_id))
        conflicts = merge_conflicts(first_id, second_id)
        self.conflicting = [c.field for c in conflicts]
        self.merged_ids: tuple[int, int] | None = None  # (kept, other) once merged
        self._value_groups: dict[str, QButtonGroup] = {}
        self._touched: set[str] = set()

        intro = QLabel(
            self.tr(
                "Choose the customer that stays and, for each field the two fill "
                "differently, the value to keep."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.survivor_group = QButtonGroup(self)
        self.grid_host = QWidget(self)
        grid = QGridLayout(self.grid_host)
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self._build_header(grid)
        row = self._add_plain_row(
            grid, 2, self.tr("Records"), tuple(self._counts_text(c) for c in counts)
        )
        for group in FIELD_GROUPS:
            values = tuple(self._display(r, group) for r in self.records)
            if not any(values):
                continue
            row = self._add_row(grid, row, group, values)
        for name in ("phones", "emails", "tags"):
            values = tuple(self._collection(r, name) for r in self.records)
            if any(values):
                row = self._add_plain_row(grid, row, labels.column_title(name), values)
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("mergeFields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)

        self.note = QLabel(
            self.tr(
                "Nothing is lost: all follow-ups, orders, contact persons, phones, emails, "
                "tags, relations and history of both customers are kept with the customer "
                "that stays. Undo (Ctrl+Z) or Customer → Unmerge separates them again."
            ),
            self,
        )
        self.note.setObjectName("mergeNote")
        self.note.setWordWrap(True)
        if not conflicts:
            intro.setText(
                self.tr(
                    "The two customers fill no field differently. Choose the customer "
                    "that stays; empty fields are filled from the other."
                )
            )

        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(
            self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        older = FIRST if self.records[FIRST].id < self.records[SECOND].id else SECOND
        self.survivor_group.button(older).setChecked(True)
        self.survivor_group.idToggled.connect(self._survivor_toggled)
        self._apply_defaults()
        # As tall as the fields need, within the screen.
        extra = self.grid_host.sizeHint().height() - scroll.sizeHint().height()
        wanted = self.sizeHint().height() + max(0, extra) + 8
        screen = self.screen().availableGeometry() if self.screen() else None
        limit = int(screen.height() * 0.85) if screen else 800
        self.resize(820, max(420, min(wanted, limit)))

    # ------------------------------------------------------------------- building

    def _build_header(self, grid: QGridLayout) -> None:
        stays = QLabel(self.tr("Stays:"), self)
        grid.addWidget(stays, 0, 0)
        bold = QFont(self.font())
        bold.setBold(True)
        for side, record in enumerate(self.records):
            button = QRadioButton(f"{record.code}  {record.name}", self)
            button.setObjectName("survivorFirst" if side == FIRST else "survivorSecond")
            button.setFont(bold)
            button.setAccessibleName(
                self.tr("Keep %1 %2").replace("%1", record.code).replace("%2", record.name)
            )
            self.survivor_group.addButton(button, side)
            grid.addWidget(button, 0, 1 + side, Qt.AlignmentFlag.AlignLeft)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(line, 1, 0, 1, 3)

    def _add_row(self, grid: QGridLayout, row: int, field: str, values: tuple[str, str]) -> int:
        title = QLabel(labels.column_title(field), self)
        title.setObjectName(f"mergeTitle_{field}")
        if field not in self.conflicting:
            return self._add_plain_row(grid, row, title.text(), values, title)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        grid.addWidget(title, row, 0)
        group = QButtonGroup(self)
        for side, value in enumerate(values):
            button = QRadioButton(_short(value), self)
            button.setObjectName(f"choice_{field}_{'first' if side == FIRST else 'second'}")
            button.setToolTip(value)
            button.setAccessibleName(f"{title.text()}: {value}")
            group.addButton(button, side)
            grid.addWidget(button, row, 1 + side, Qt.AlignmentFlag.AlignLeft)
        group.idClicked.connect(lambda _side, f=field: self._touched.add(f))
        self._value_groups[field] = group
        return row + 1

    def _add_plain_row(
        self,
        grid: QGridLayout,
        row: int,
        title: str,
        values: tuple[str, str],
        label: QLabel | None = None,
    ) -> int:
        grid.addWidget(label or QLabel(title, self), row, 0, Qt.AlignmentFlag.AlignTop)
        for side, value in enumerate(values):
            cell = QLabel(value, self)
            cell.setWordWrap(True)
            cell.setTextFormat(Qt.TextFormat.PlainText)
            cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cell, row, 1 + side, Qt.AlignmentFlag.AlignTop)
        return row + 1

    # ------------------------------------------------------------------- values

    def _display(self, record: CustomerRecord, group: str) -> str:
        """The field as the user knows it (translated codes, local dates)."""
        if group == "birthday":
            day = record.birthday
            if day is None:
                return ""
            if not record.birthday_has_year:
                return (
                    self.tr("%1-%2 (year unknown)")
                    .replace("%1", f"{day.month:02}")
                    .replace("%2", f"{day.day:02}")
                )
            return self._date_text(day)
        if group == "lunar_birthday":
            if not record.lunar_birthday_month or not record.lunar_birthday_day:
                return ""
            text = (
                self.tr("Lunar month %1, day %2")
                .replace("%1", str(record.lunar_birthday_month))
                .replace("%2", str(record.lunar_birthday_day))
            )
            return text + (self.tr(" (leap month)") if record.lunar_birthday_leap else "")
        value = getattr(record, group)
        if value in (None, "") or (group == "stars" and value == 0):
            return ""
        if group in _CHOICE_KINDS:
            return labels.choice_label(_CHOICE_KINDS[group], value)
        if group == "stars":
            return "★" * value + "☆" * (5 - value)
        if group == "company_size":
            return self.tr("%1 employees").replace("%1", str(value))
        if isinstance(value, Decimal):
            return QLocale().toString(float(value), "f", 2)
        if isinstance(value, date):
            return self._date_text(value)
        return str(value)

    @staticmethod
    def _date_text(day: date) -> str:
        """The locale's short date, with the whole year (a birthday in "50" is unclear)."""
        locale = QLocale()
        pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in pattern:
            pattern = pattern.replace("yy", "yyyy")
        return locale.toString(QDate(day.year, day.month, day.day), pattern)

    @staticmethod
    def _collection(record: CustomerRecord, name: str) -> str:
        if name == "phones":
            return ", ".join(p.number for p in record.phones)
        if name == "emails":
            return ", ".join(e.address for e in record.emails)
        return ", ".join(record.tags)

    def _counts_text(self, counts: RecordCounts) -> str:
        parts = (
            self.tr("%n follow-up(s)", "", counts.followups),
            self.tr("%n order(s)", "", counts.orders),
            self.tr("%n complaint(s)", "", counts.complaints),
            self.tr("%n contact person(s)", "", counts.contacts),
        )
        return ", ".join(parts)

    # ------------------------------------------------------------------- choices

    def survivor_side(self) -> int:
        return self.survivor_group.checkedId()

    def survivor_id(self) -> int:
        return self.records[self.survivor_side()].id

    def set_survivor(self, customer_id: int) -> None:
        side = FIRST if self.records[FIRST].id == customer_id else SECOND
        self.survivor_group.button(side).setChecked(True)

    def choose(self, field: str, customer_id: int) -> None:
        """Keep `field`'s value from `customer_id` (as clicking its button does)."""
        side = FIRST if self.records[FIRST].id == customer_id else SECOND
        self._value_groups[field].button(side).click()

    def choices(self) -> dict[str, str]:
        """{field: "keep" | "other"} for every conflicting field, for `merge_customers`."""
        survivor = self.survivor_side()
        return {
            field: "keep" if group.checkedId() == survivor else "other"
            for field, group in self._value_groups.items()
        }

    def _survivor_toggled(self, _side: int, checked: bool) -> None:
        if checked:
            self._apply_defaults()

    def _apply_defaults(self) -> None:
        """Untouched rows take the value of the customer that stays; a customer who has
        bought stays an existing customer."""
        survivor = self.survivor_side()
        for field, group in self._value_groups.items():
            if field in self._touched:
                continue
            side = survivor
            statuses = [r.status for r in self.records]
            if field == "status" and "existing" in statuses:
                side = statuses.index("existing")
            group.button(side).setChecked(True)

    # ------------------------------------------------------------------- merging

    def merge(self) -> bool:
        """Merge as chosen, as one undoable step; on an error nothing changes."""
        survivor = self.survivor_side()
        keep, other = self.records[survivor], self.records[1 - survivor]
        text = self.tr("Merge %1 into %2").replace("%1", other.code).replace("%2", keep.code)
        try:
            command = MergeCommand(
                keep.id, other.id, self.choices(), self._events, text, self.parentWidget()
            )
        except CrmError as exc:
            show_error(self, exc)
            return False
        self._undo_stack.push(command)
        self.merged_ids = (keep.id, other.id)
        self._events.statusMessage.emit(
            self.tr("%1 merged into %2 — Undo separates them again")
            .replace("%1", f"{other.code} {other.name}")
            .replace("%2", f"{keep.code} {keep.name}")
        )
        self.accept()
        return True
