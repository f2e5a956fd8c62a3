"""Every QAction of the main window, made in one place, by name, with standard keys.

Menus, toolbars, context menus and the command palette share these actions and so
their enabled state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_crm.paths import resource_path

Std = QKeySequence.StandardKey


class Actions(QObject):
    """The named actions; `all()` lists them for the command palette."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._actions: dict[str, QAction] = {}
        self.new_customer = self._make("new_customer", self.tr("&New Customer"), Std.New, "new")
        self.new_enterprise = self._make(
            "new_enterprise", self.tr("New &Enterprise"), "Ctrl+Shift+N", "enterprise"
        )
        self.save = self._make("save", self.tr("&Save"), Std.Save, "save")
        self.revert = self._make("revert", self.tr("&Revert Changes"), "Ctrl+Shift+R")
        self.trash = self._make("trash", self.tr("Move to &Trash"), Std.Delete, "trash")
        self.show_trash = self._make("show_trash", self.tr("Show T&rash"), None)
        self.show_trash.setCheckable(True)
        self.restore = self._make("restore", self.tr("Restore from Trash"), None)
        self.undo = self._make("undo", self.tr("&Undo"), Std.Undo, "undo")
        self.redo = self._make("redo", self.tr("&Redo"), Std.Redo, "redo")
        self.find = self._make("find", self.tr("&Find Customer"), Std.Find, "search")
        self.command_palette = self._make("command_palette", self.tr("&Command Palette…"), "Ctrl+K")
        self.next_customer = self._make("next_customer", self.tr("Ne&xt Customer"), "Alt+Down")
        self.previous_customer = self._make(
            "previous_customer", self.tr("Pre&vious Customer"), "Alt+Up"
        )
        self.bulk_edit = self._make("bulk_edit", self.tr("&Bulk Edit Selected…"), "Ctrl+E")
        self.merge_customers = self._make(
            "merge_customers", self.tr("&Merge Selected…"), "Ctrl+Shift+M", None
        )
        self.unmerge = self._make("unmerge", self.tr("&Unmerge…"), None)
        self.export_personal_data = self._make(
            "export_personal_data", self.tr("E&xport Personal Data…"), None
        )
        self.erase_personal_data = self._make(
            "erase_personal_data", self.tr("Erase Personal &Data…"), None
        )
        self.find_duplicates = self._make("find_duplicates", self.tr("Find &Duplicates…"), None)
        self.save_segment = self._make("save_segment", self.tr("Save Filter as &Segment…"), None)
        self.clear_filters = self._make(
            "clear_filters", self.tr("C&lear Search and Filters"), "Ctrl+Shift+L"
        )
        self.dashboard = self._make("dashboard", self.tr("&Dashboard"), "Ctrl+Shift+D")
        # Ctrl+Shift+R is Revert: "A" as in customers At risk.
        self.retention = self._make("retention", self.tr("Re&tention"), "Ctrl+Shift+A")
        self.care = self._make("care", self.tr("C&are"), "Ctrl+Shift+C")
        self.exit_customer = self._make("exit_customer", self.tr("Mark as &Lost/Exited…"), None)
        self.recompute = self._make("recompute", self.tr("Re&compute Stages and Grades"), None)
        self.log_followup = self._make(
            "log_followup", self.tr("&Log a Contact"), "Ctrl+L", "followup"
        )
        self.plan_followup = self._make(
            "plan_followup", self.tr("&Plan Next Follow-up"), "Ctrl+Shift+P"
        )
        self.today = self._make("today", self.tr("&Today's Follow-ups"), "Ctrl+T", "today")
        self.backups = self._make("backups", self.tr("Back&ups…"), None)
        self.backup = self._make("backup", self.tr("&Back Up Now…"), None)
        self.restore_backup = self._make("restore_backup", self.tr("Restore from Bac&kup…"), None)
        self.import_customers = self._make("import_customers", self.tr("&Import…"), "Ctrl+I")
        self.export_customers = self._make("export_customers", self.tr("Expor&t…"), "Ctrl+Shift+X")
        self.import_history = self._make("import_history", self.tr("Import &History…"), None)
        self.sample_data = self._make("sample_data", self.tr("Add Sa&mple Customers…"), None)
        self.print = self._make("print", self.tr("&Print…"), Std.Print, None)
        self.export_pdf = self._make("export_pdf", self.tr("E&xport as PDF…"), "Ctrl+Shift+E")
        self.print_list = self._make("print_list", self.tr("Print &List…"), None)
        self.print_labels = self._make("print_labels", self.tr("Print Address La&bels…"), None)
        self.print_envelopes = self._make("print_envelopes", self.tr("Print En&velopes…"), None)
        self.print_letters = self._make("print_letters", self.tr("Print Le&tters…"), None)
        self.page_setup = self._make("page_setup", self.tr("Page Set&up…"), None)
        self.print_plan = self._make("print_plan", self.tr("Print Follow-up &Plan…"), None)
        self.work_offline = self._make("work_offline", self.tr("&Work Offline…"), None)
        # F9 as in mail programs' Send/Receive; on a replica only (see ui/sync_actions.py)
        self.sync_now = self._make("sync_now", self.tr("S&ync Now"), "F9")
        self.sync_conflicts = self._make("sync_conflicts", self.tr("Sync C&onflicts…"), None)
        # Sync by file, with no network (see ui/sync_files.py): the first two on a replica,
        # the third at the office; so only one "&Apply" shows at a time.
        self.write_sync_file = self._make("write_sync_file", self.tr("Write Sync &File…"), None)
        self.apply_sync_reply = self._make(
            "apply_sync_reply", self.tr("&Apply Office Reply…"), None
        )
        self.apply_replica_sync_file = self._make(
            "apply_replica_sync_file", self.tr("&Apply a Replica's Sync File…"), None
        )
        self.settings = self._make("settings", self.tr("&Settings…"), Std.Preferences)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._make("quit", self.tr("&Quit"), Std.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about = self._make("about", self.tr("&About Desktop CRM"), None)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _make(
        self,
        name: str,
        text: str,
        key: QKeySequence.StandardKey | str | None,
        icon: str | None = None,
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
