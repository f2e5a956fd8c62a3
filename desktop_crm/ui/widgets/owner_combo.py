"""The owner filter of the lists and views: everyone, or one user."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop_crm.domain.users import list_users


class OwnerCombo(QComboBox):
    """ "Everyone" (data None) and each active user (data: the username)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh()

    def owner(self) -> str | None:
        return self.currentData()

    def refresh(self) -> dict[str, str]:
        """Re-read the users, keeping the one chosen; returns {username: display name}."""
        chosen = self.currentData()
        names: dict[str, str] = {}
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Everyone"), None)
        for user in list_users():
            self.addItem(user.display_name, user.username)
            names[user.username] = user.display_name
        found = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        return names
