"""File → Sync Now: send this replica's changes to the office and fetch the office's.

The office password is asked for (or taken from the system keyring) and checked first;
the sync then runs as `desktop-crm sync` in a process of its own, as Work Offline runs
its copy, with a progress dialog whose Cancel stops the process — safe at any moment:
what was not synced waits here for the next sync. At the end the user reads what was
sent and received, how many conflicts wait (with a button to the Conflicts view) and
what the office refused; on failure, the one line that says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop_crm.db import sign_in
from desktop_crm.db.connection import make_database
from desktop_crm.db.sign_in import OfficeAddress
from desktop_crm.domain import conflict_values
from desktop_crm.domain.sync import SyncResult
from desktop_crm.errors import CrmError
from desktop_crm.ui.app_process import AppProcess
from desktop_crm.ui.conflict_texts import table_title
from desktop_crm.ui.dialogs.sign_in_dialog import SignInDialog
from desktop_crm.ui.settings import UiSettings

_REFUSED = "refused by the office: "
EXIT_REFUSED = 4  # the command line's: synced, but the office refused some changes


def check_office_password(url: str) -> None:
    """Sign in to the office database at `url` and leave again; `SignInError` (or another
    `ServerConnectionError`) says why that failed."""
    office = make_database(url)
    try:
        office.connect()
    finally:
        office.close()


def ask_office_password(parent: QWidget, settings: UiSettings, origin: str) -> str | None:
    """The office password for this replica's user, checked with the server: the one in
    the system keyring, else the one typed in the sign-in dialog ("" when the server
    asks for none); None when the user cancelled."""
    address = OfficeAddress.from_url(origin)
    problem = None
    saved = sign_in.saved_password(address) if address.user else None
    if saved:
        try:
            check_office_password(address.url(saved))
            return saved
        except CrmError as exc:
            problem = exc.message
    dialog = SignInDialog(address, settings, parent, opener=check_office_password, problem=problem)
    dialog.setWindowTitle(QCoreApplication.translate("SyncRun", "Sync with the Office"))
    # the replica belongs to this user on this office: only the password is asked
    for edit in (dialog.server_edit, dialog.database_edit, dialog.user_edit):
        edit.setEnabled(False)
    dialog.password_edit.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password_edit.text()


@dataclass
class SyncOutcome:
    """What one run of `desktop-crm sync` said."""

    code: int = 0
    sent: int = 0
    received: int = 0
    deleted: int = 0
    conflicts: int = 0
    refused: list[str] = field(default_factory=list)  # "table uuid: the office's reason"
    error: str = ""  # the one line of a failure, without "desktop-crm: error: "


def refusal_text(line: str) -> str:
    """A refusal as the user reads it: what was refused (named), and the office's words."""
    what, _, reason = line.partition(": ")
    table, _, row_uuid = what.partition(" ")
    name = conflict_values.row_title(table, row_uuid) if row_uuid else None
    shown = table_title(table) + (f" “{name}”" if name else "")
    return f"{shown}: {reason}" if reason else shown


class SyncRun(AppProcess):
    """One `desktop-crm sync` process, its progress dialog, and what the user is told."""

    finished = Signal(bool)  # whether the sync ran to its end (refusals included)
    conflictsRequested = Signal()  # noqa: N815 - Qt naming: "Show Conflicts…" was pressed

    def __init__(self, parent: QWidget, database_path: str, password: str) -> None:
        super().__init__(parent, self.tr("Syncing with the office…"), "syncProgress")
        self._database = database_path
        self._password = password  # "": the server asks for none (or ~/.pgpass has it)
        self.outcome = SyncOutcome()
        self.dialog.setWindowTitle(self.tr("Sync Now"))
        self._steps = {
            "send": self.tr("Sending your changes to the office…"),
            "receive": self.tr("Receiving the office's changes…"),
            "commit": self.tr("Finishing the sync…"),
        }

    def start(self) -> None:
        self.run(["--database", self._database, "sync", "--progress"], self._password)

    def stepped(self, step: str) -> None:
        self.dialog.setLabelText(self._steps.get(step, self.dialog.labelText()))

    def said(self, line: str) -> None:
        words = line.split()
        if len(words) == 5 and words[0] == "result":
            outcome = self.outcome
            counts = [int(n) for n in words[1:]]
            outcome.sent, outcome.received, outcome.deleted, outcome.conflicts = counts
        elif line.startswith(_REFUSED):
            self.outcome.refused.append(line.removeprefix(_REFUSED))
        else:
            self.outcome.error = line.partition("error: ")[2] or line

    def ended(self, code: int) -> None:
        self.outcome.code = code
        completed = not self.cancelled and code in (0, EXIT_REFUSED)
        self.finished.emit(completed)  # the window reads afresh behind what is said next
        if self.cancelled:
            QMessageBox.information(
                self._parent,
                self.tr("Sync Now"),
                self.tr(
                    "The sync was cancelled. Nothing was lost: your changes wait here and "
                    "go to the office with the next sync."
                ),
            )
        elif completed:
            self._tell_synced()
        else:
            reason = self.outcome.error or self.tr("the sync stopped unexpectedly")
            QMessageBox.warning(
                self._parent,
                self.tr("Sync Now"),
                self.tr(
                    "The sync did not finish: %1\n\nNothing was lost: your changes wait here "
                    "for the next sync."
                ).replace("%1", reason),
            )

    def _tell_synced(self) -> None:
        said = self.tr("Synced with the office.")
        if SyncSummary().tell(self._parent, self.tr("Sync Now"), said, self.outcome):
            self.conflictsRequested.emit()


class SyncSummary(QObject):
    """What a sync, by network or by file, says at its end: counts, conflicts, refusals."""

    def paragraphs(self, outcome: SyncOutcome | SyncResult) -> list[str]:
        """The paragraphs under the first line."""
        paragraphs = [
            self.tr("Sent: %1 · Received: %2 · Deleted here: %3")
            .replace("%1", str(outcome.sent))
            .replace("%2", str(outcome.received))
            .replace("%3", str(outcome.deleted))
        ]
        if outcome.conflicts:
            paragraphs.append(
                self.tr(
                    "%n conflict(s) wait for your choice: the same thing was changed here and "
                    "at the office.",
                    "",
                    outcome.conflicts,
                )
            )
        if outcome.refused:
            refused = self.tr(
                "The office refused %n change(s); they stay here, unsent:",
                "",
                len(outcome.refused),
            )
            lines = [f"• {refusal_text(line)}" for line in outcome.refused]
            paragraphs.append("\n".join([refused, *lines]))
        return paragraphs

    def tell(
        self, parent: QWidget, title: str, text: str, outcome: SyncOutcome | SyncResult
    ) -> bool:
        """The message box: `text`, then the paragraphs, with a button to the Conflicts
        view when some wait; True when it was pressed."""
        box = QMessageBox(parent)
        box.setObjectName("syncDone")
        box.setWindowTitle(title)
        box.setIcon(
            QMessageBox.Icon.Warning
            if outcome.refused or outcome.conflicts
            else QMessageBox.Icon.Information
        )
        box.setStyleSheet("#qt_msgbox_label, #qt_msgbox_informativelabel { min-width: 28em; }")
        box.setText(text)
        box.setInformativeText("\n\n".join(self.paragraphs(outcome)))
        show = None
        if outcome.conflicts:
            show = box.addButton(self.tr("Show &Conflicts…"), QMessageBox.ButtonRole.ActionRole)
            show.setObjectName("syncShowConflicts")
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        return show is not None and box.clickedButton() is show
