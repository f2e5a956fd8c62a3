"""Every QAction of the main window, made in one place, by name, with standard keys.

Menus, toolbars, context menus and the command palette share these actions and so
their enabled state.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_crm.paths import resource_path

Std = QKeySequence.StandardKey


class Actions:
    """The named actions; `all()` lists them for the command palette."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._actions: dict[str, QAction] = {}
        self.new_customer = self._make("new_customer", QCoreApplication.translate("MainWindow", "&New Customer"), Std.New, "new")
        self.new_enterprise = self._make("new_enterprise", QCoreApplication.translate("MainWindow", "New &Enterprise"), "Ctrl+Shift+N", "enterprise")
        self.save = self._make("save", QCoreApplication.translate("MainWindow", "&Save"), Std.Save, "save")
        self.revert = self._make("revert", QCoreApplication.translate("MainWindow", "&Revert Changes"), "Ctrl+Shift+R")
        self.trash = self._make("trash", QCoreApplication.translate("MainWindow", "Move to &Trash"), Std.Delete, "trash")
        self.show_trash = self._make("show_trash", QCoreApplication.translate("MainWindow", "Show T&rash"), None)
        self.show_trash.setCheckable(True)
        self.restore = self._make("restore", QCoreApplication.translate("MainWindow", "Restore from Trash"), None)
        self.undo = self._make("undo", QCoreApplication.translate("MainWindow", "&Undo"), Std.Undo, "undo")
        self.redo = self._make("redo", QCoreApplication.translate("MainWindow", "&Redo"), Std.Redo, "redo")
        self.find = self._make("find", QCoreApplication.translate("MainWindow", "&Find Customer"), Std.Find, "search")
        self.command_palette = self._make("command_palette", QCoreApplication.translate("MainWindow", "&Command Palette…"), "Ctrl+K")
        self.next_customer = self._make("next_customer", QCoreApplication.translate("MainWindow", "Ne&xt Customer"), "Alt+Down")
        self.previous_customer = self._make("previous_customer", QCoreApplication.translate("MainWindow", "Pre&vious Customer"), "Alt+Up")
        self.bulk_edit = self._make("bulk_edit", QCoreApplication.translate("MainWindow", "&Bulk Edit Selected…"), "Ctrl+E")
        self.save_segment = self._make("save_segment", QCoreApplication.translate("MainWindow", "Save Filter as &Segment…"), None)
        self.clear_filters = self._make("clear_filters", QCoreApplication.translate("MainWindow", "C&lear Search and Filters"), "Ctrl+Shift+L")
        self.log_followup = self._make("log_followup", QCoreApplication.translate("MainWindow", "&Log a Contact"), "Ctrl+L", "followup")
        self.plan_followup = self._make("plan_followup", QCoreApplication.translate("MainWindow", "&Plan Next Follow-up"), "Ctrl+Shift+P")
        self.today = self._make("today", QCoreApplication.translate("MainWindow", "&Today's Follow-ups"), "Ctrl+T", "today")
        self.settings = self._make("settings", QCoreApplication.translate("MainWindow", "&Settings…"), Std.Preferences)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._make("quit", QCoreApplication.translate("MainWindow", "&Quit"), Std.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about = self._make("about", QCoreApplication.translate("MainWindow", "&About Desktop CRM"), None)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _make(
        self, name: str, text: str, key: QKeySequence.StandardKey | str | None, icon: str | None = None
    ) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(name)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(key))
        elif key:
            action.setShortcut(QKeySequence(key))
        if icon:
            path = resource_path("icons", f"{icon}.svg")
            if path.exists():
                action.setIcon(QIcon(str(path)))
        self._parent.addAction(action)  # shortcuts work even when no menu shows the action
        self._actions[name] = action
        return action

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]
