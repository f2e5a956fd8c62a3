"""File → Sync Conflicts…: what a sync found changed both here and at the office.

Each open conflict in a row: the customer, what is at stake, the value here, the office's
value, and who changed it there and when; below the list, the selected one in full with
what each choice does. Keep Mine, Take Theirs, or — for one field — Use Another Value…
settle it (`sync.resolve`); the next sync sends the outcome. The list reads afresh after
each choice and says so when nothing is left.
"""

from __future__ import annotations

import html
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import conflict_values, sync
from desktop_crm.domain.sync import Conflict
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import conflict_texts, labels
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.text_table import TextTable

VALUE_HERE, VALUE_THERE = 2, 3  # the columns of the two values
_LONG = 60  # characters of a value shown in the list; the details below show it whole


def _short(text: str) -> str:
    line = text.splitlines()[0] if text else ""
    if len(line) > _LONG or line != text:
        return line[:_LONG].rstrip() + "…"
    return text


class SyncConflictsDialog(QDialog):
    """The open conflicts of this replica and the three ways to settle one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync Conflicts"))
        self.conflicts: list[Conflict] = []
        self.settled = 0  # how many the user settled here: the window reads afresh after

        self.intro = QLabel(
            self.tr(
                "These were changed both here and at the office since the last sync. Choose "
                "which to keep; the next sync sends your choice to the office."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.table = TextTable("syncConflictList", self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.empty_label = QLabel(self.tr("There are no sync conflicts."), self)
        self.empty_label.setObjectName("noSyncConflicts")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.details = QLabel(self)
        self.details.setObjectName("syncConflictDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)

        self.keep_mine_button = QPushButton(self.tr("Keep &Mine"), self)
        self.keep_mine_button.setObjectName("keepMineButton")
        self.keep_mine_button.clicked.connect(lambda: self.settle(sync.MINE))
        self.take_theirs_button = QPushButton(self.tr("Take &Theirs"), self)
        self.take_theirs_button.setObjectName("takeTheirsButton")
        self.take_theirs_button.clicked.connect(lambda: self.settle(sync.THEIRS))
        self.another_button = QPushButton(self.tr("Use &Another Value…"), self)
        self.another_button.setObjectName("anotherValueButton")
        self.another_button.clicked.connect(self.use_another_value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.keep_mine_button, self.take_theirs_button, self.another_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(920, 480)
        self.reload()

    # ------------------------------------------------------------------ the list

    def reload(self, row: int = 0) -> None:
        """Read the open conflicts again and select the one at `row` (or the last)."""
        self.conflicts = sync.conflicts()
        headers = [
            self.tr("Customer"),
            self.tr("What"),
            self.tr("Value here"),
            self.tr("Office's value"),
            self.tr("Changed at the office"),
        ]
        rows = [
            [
                c.customer_name or "—",
                conflict_texts.what_text(c),
                _short(conflict_texts.side_text(c, mine=True)),
                _short(conflict_texts.side_text(c, mine=False)),
                conflict_texts.office_change_text(c) or "—",
            ]
            for c in self.conflicts
        ]
        self.table.set_rows(headers, rows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):  # the values get the room; the rest fit
            stretch = column in (VALUE_HERE, VALUE_THERE)
            mode = (
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.intro.setVisible(bool(rows))
        if rows:
            self.table.selectRow(min(row, len(rows) - 1))
        self._selection()

    def select_customer(self, customer_uuid: str) -> None:
        """Select the first conflict of this customer, if there is one."""
        wanted = UUID(customer_uuid).hex
        for row, conflict in enumerate(self.conflicts):
            if conflict.customer_uuid == wanted:
                self.table.selectRow(row)
                return

    def current(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.conflicts[rows[0].row()] if rows else None

    def _selection(self) -> None:
        conflict = self.current()
        for button in (self.keep_mine_button, self.take_theirs_button):
            button.setEnabled(conflict is not None)
        typable = conflict is not None and conflict.kind == "field"
        typable = typable and conflict_values.can_type(conflict.table, conflict.field)
        self.another_button.setEnabled(typable)
        self.details.setText("" if conflict is None else self._details_text(conflict))
        self.details.setVisible(conflict is not None)

    def _details_text(self, conflict: Conflict) -> str:
        """The selected conflict in full (the list cuts long values short), as HTML."""

        def bold(text: str) -> str:
            return "<b>" + html.escape(text).replace("\n", "<br>") + "</b>"

        title = f"{conflict.customer_name or '—'} · {conflict_texts.what_text(conflict)}"
        here = conflict_texts.side_text(conflict, mine=True)
        there = conflict_texts.side_text(conflict, mine=False)
        changed = conflict_texts.office_change_text(conflict)
        office = (
            html.escape(self.tr("At the office: %1 (%2)")).replace("%2", html.escape(changed))
            if changed
            else html.escape(self.tr("At the office: %1"))
        )
        lines = [
            bold(title),
            html.escape(self.tr("Here: %1")).replace("%1", bold(here)),
            office.replace("%1", bold(there)),
        ]
        return "<br>".join(lines) + f"<p>{html.escape(conflict_texts.explanation(conflict))}</p>"

    # ---------------------------------------------------------------- settling

    def settle(self, choice: str, value: object = None, *, typed: bool = False) -> bool:
        """Settle the selected conflict; the list reads afresh. False if nothing was done."""
        conflict = self.current()
        if conflict is None:
            return False
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            if typed:
                sync.resolve(conflict.id, choice, value)
            else:
                sync.resolve(conflict.id, choice)
        except CrmError as exc:
            show_error(self, exc)
            self.reload(row)
            return False
        self.settled += 1
        self.reload(row)
        return True

    def use_another_value(self) -> bool:
        """Ask for a value instead of either side, checked by the field's rules; asked
        again with the reason while it does not fit."""
        conflict = self.current()
        if conflict is None or not conflict_values.can_type(conflict.table, conflict.field):
            return False
        title = self.tr("Use Another Value")
        prompt = (
            self.tr("%1 of %2:")
            .replace("%1", conflict_texts.field_title(conflict.table, conflict.field))
            .replace("%2", conflict.customer_name or "—")
        )
        kind = conflict_texts.CHOICE_KINDS.get((conflict.table, conflict.field))
        text = "" if conflict.local is None else str(conflict.local)
        problem = ""
        while True:
            asked = f"{problem}\n\n{prompt}" if problem else prompt
            if kind is not None:
                text, ok = self._ask_choice(kind, title, asked, text)
            elif conflict_values.takes_lines(conflict.table, conflict.field):
                text, ok = QInputDialog.getMultiLineText(self, title, asked, text)
            else:
                text, ok = QInputDialog.getText(self, title, asked, QLineEdit.EchoMode.Normal, text)
            if not ok:
                return False
            try:
                value = conflict_values.typed_value(conflict.table, conflict.field, text)
            except ValidationError as exc:
                problem = self.tr("Not used: %1").replace("%1", "; ".join(exc.errors.values()))
                continue
            return self.settle(sync.MINE, value, typed=True)

    def _ask_choice(self, kind: str, title: str, prompt: str, current: str) -> tuple[str, bool]:
        """One of the field's labelled codes, as text (the code of the label picked)."""
        options = labels.choices(kind)
        codes = [str(code) for code, _label in options]
        start = codes.index(current) if current in codes else 0
        shown = [label for _code, label in options]
        picked, ok = QInputDialog.getItem(self, title, prompt, shown, start, False)
        return (codes[shown.index(picked)] if ok else current), ok
