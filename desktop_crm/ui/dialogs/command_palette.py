"""The command palette (Ctrl+K): type to reach any customer or any action by keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_crm.domain.search import CustomerQuery, search_customers

ACTION_ROLE = Qt.ItemDataRole.UserRole
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain_text(action: QAction) -> str:
    """An action's text without its mnemonic: "新建客户(&N)" → "新建客户", "&Save" → "Save"."""
    return _MNEMONIC.sub("", action.text()).replace("&&", "&")


CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CUSTOMERS = 20


class CommandPalette(QDialog):
    """Lists matching actions first, then matching customers; Enter runs or opens one."""

    def __init__(
        self,
        actions: list[QAction],
        open_customer: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Go to customer or action"))
        self.resize(560, 420)
        self._actions = [a for a in actions if a.text()]
        self._open_customer = open_customer
        self.input = QLineEdit(self)
        self.input.setObjectName("paletteInput")
        self.input.setPlaceholderText(self.tr("Type a customer name, pinyin, phone or an action…"))
        self.input.setAccessibleName(self.tr("Command palette search"))
        self.results = QListWidget(self)
        self.results.setObjectName("paletteResults")
        self.results.setAccessibleName(self.tr("Matching customers and actions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.refresh)
        self.input.textChanged.connect(self._debounce.start)
        self.input.returnPressed.connect(self.accept_current)
        self.results.itemActivated.connect(self._activate)
        self.input.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        text = self.input.text().strip()
        self.results.clear()
        needle = text.lower()
        for action in self._actions:
            label = plain_text(action)
            if action.isEnabled() and (not needle or needle in label.lower()):
                shortcut = action.shortcut().toString()
                item = QListWidgetItem(f"{label}    {shortcut}".rstrip(), self.results)
                item.setData(ACTION_ROLE, action.objectName())
        if text:
            for row in search_customers(CustomerQuery(text=text), limit=MAX_CUSTOMERS):
                detail = " · ".join(v for v in (row.company_name, row.phone, row.city) if v)
                item = QListWidgetItem(f"{row.name}  {row.code}  {detail}".rstrip(), self.results)
                item.setData(CUSTOMER_ROLE, row.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 - Qt override
        if (
            watched is self.input
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key()
            in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        ):
            self.results.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def accept_current(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.refresh()
        item = self.results.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CUSTOMER_ROLE)
        action_name = item.data(ACTION_ROLE)
        self.accept()
        if customer_id is not None:
            self._open_customer(int(customer_id))
        elif action_name:
            next(a for a in self._actions if a.objectName() == action_name).trigger()
