"""A strip in the customer detail pane while the shown customer has a sync conflict.

Only on a replica: a sync found something of this customer changed both here and at the
office, and it waits for the user's choice; the button opens the Conflicts view.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from desktop_crm.domain import sync


class SyncConflictBadge(QFrame):
    """Hidden unless `show_for` is given a customer with an open sync conflict."""

    showRequested = Signal()  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictBadge")
        self.setStyleSheet(
            "#syncConflictBadge { background: #fff4e5; border: 1px solid #e0a030;"
            " border-radius: 4px; }"
            "#syncConflictBadge QLabel { color: #663c00; }"
        )
        self.message = QLabel(
            self.tr(
                "This customer has a sync conflict: something was changed both here and at "
                "the office."
            ),
            self,
        )
        self.message.setObjectName("syncConflictMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton(self.tr("Show &Conflicts…"), self)
        self.show_button.setObjectName("syncConflictShow")
        self.show_button.setAccessibleName(self.tr("Show this customer's sync conflicts"))
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.showRequested)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.show_button)
        self.hide()

    def show_for(self, customer_uuid: str | None) -> None:
        """Show the strip if this customer (None: no customer) has an open conflict."""
        conflicted = (
            customer_uuid is not None
            and sync.is_replica()
            and UUID(customer_uuid).hex in sync.conflicted_customers()
        )
        self.setVisible(conflicted)
