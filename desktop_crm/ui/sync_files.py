"""Sync by file, from the File menu: on a replica Write Sync File… and Apply Office
Reply…, at the office (the app on a postgresql:// database) Apply a Replica's Sync File….
What each file holds and what is refused is `domain/sync_file.py`'s business; here the
user picks the files, waits, and reads what happened and what to do next.

Each runs on the window's task runner, as other background work does: the worker
reaches the database through the models' proxy, and peewee gives every thread a
connection of its own to the same database — at the office one signed in with the same
user and password, so `apply_changes` runs there as the signed-in user, in one
transaction on that connection, exactly as it would on the UI thread. `write_changes`
and `apply_reply` take no progress callback and cannot stop midway: their dialog only
says the app is busy, without Cancel. `apply_changes` reports its steps and, cancelled,
stops before the server commits: nothing changes then and no reply is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop_crm.db.connection import is_sqlite
from desktop_crm.domain import sync, sync_file
from desktop_crm.domain.sync_file import FileResult
from desktop_crm.errors import CrmError
from desktop_crm.ui.sync_now import SyncSummary, refusal_text
from desktop_crm.ui.tasks import show_error

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow

SUFFIX = ".crmsync"
BOX_STYLE = "#qt_msgbox_label, #qt_msgbox_informativelabel { min-width: 28em; }"


def free_name(folder: Path, stem: str) -> Path:
    """`folder/stem.crmsync`, or `stem-2.crmsync`, `stem-3.crmsync`… if that is taken."""
    candidate = folder / f"{stem}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return candidate


def suggested_changes_file(folder: Path, user: str, today: date) -> Path:
    """changes-USER-DATE.crmsync in `folder`, not yet taken."""
    return free_name(folder, f"changes-{user}-{today.isoformat()}")


def suggested_reply_file(changes: Path) -> Path:
    """reply-….crmsync beside the changes file it answers (changes-wang-… → reply-wang-…)."""
    stem = changes.name.removesuffix(SUFFIX).removeprefix("changes-")
    return free_name(changes.parent, f"reply-{stem}")


class _ProgressDialog(QProgressDialog):
    """A busy dialog; without Cancel (work that cannot stop midway, see the module's
    docstring) neither Esc nor closing it hides it while the work goes on."""

    def __init__(self, label: str, cancel: str, parent: QWidget, *, cancellable: bool) -> None:
        super().__init__(label, cancel, 0, 0, parent)
        self.cancellable = cancellable
        self._ended = False
        if not cancellable:
            self.setCancelButton(None)

    def end(self) -> None:
        self._ended = True
        self.close()
        self.deleteLater()

    def reject(self) -> None:
        if self.cancellable or self._ended:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.cancellable or self._ended:
            super().closeEvent(event)
        else:
            event.ignore()


class SyncFiles(QObject):
    """The three sync-file actions of `window`, each shown only where it makes sense: on
    a `replica` or at the office. `reread` makes every pane read afresh;
    `show_conflicts` opens the Conflicts view."""

    stepped = Signal(str, int, int)  # from the worker: apply_changes' (step, done, total)

    def __init__(
        self,
        window: MainWindow,
        replica: bool,
        reread: Callable[[], None],
        show_conflicts: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.main_window = window
        self._reread = reread
        self._show_conflicts = show_conflicts
        self.dialog: QProgressDialog | None = None  # the one under way
        actions = window.named_actions
        office = not is_sqlite()
        shown = {
            actions.write_sync_file: replica,
            actions.apply_sync_reply: replica,
            actions.apply_replica_sync_file: office,
        }
        self._usable = [action for action, usable in shown.items() if usable]
        for action, usable in shown.items():
            action.setVisible(usable)
            action.setEnabled(usable)  # the command palette offers enabled actions only
        actions.write_sync_file.triggered.connect(self.write_sync_file)
        actions.apply_sync_reply.triggered.connect(self.apply_sync_reply)
        actions.apply_replica_sync_file.triggered.connect(self.apply_replica_sync_file)
        self.stepped.connect(self._show_step, Qt.ConnectionType.QueuedConnection)
        self._steps = {
            "send": self.tr("Taking the laptop's changes…"),
            "receive": self.tr("Gathering the office's changes for the laptop…"),
            "commit": self.tr("Writing the reply…"),
        }

    # ---------------------------------------------------------------- on a replica

    def write_sync_file(self) -> bool:
        """Ask where, then write this replica's changes there (False: not started)."""
        window = self.main_window
        if self.dialog is not None or not window.detail.maybe_save():
            return False
        title = self.tr("Write Sync File")
        user = sync.setting(sync.USER) or "me"
        chosen, _filter = QFileDialog.getSaveFileName(
            window,
            self.tr("Write Sync File: Save Your Changes As"),
            str(suggested_changes_file(self._folder(), user, date.today())),
            self.tr("Desktop CRM sync files (*.crmsync)"),
        )
        if not chosen:
            return False
        path = self._remember(chosen)

        self._start(
            title,
            self.tr("Writing your changes to %1…").replace("%1", path.name),
            lambda: sync_file.write_changes(path),
            lambda written: self._tell_written(written, user),
            self.tr("No sync file was written."),
        )
        return True

    def apply_sync_reply(self) -> bool:
        """Ask which reply, then apply it here (False: not started)."""
        window = self.main_window
        if self.dialog is not None or not window.detail.maybe_save():
            return False
        title = self.tr("Apply Office Reply")
        chosen, _filter = QFileDialog.getOpenFileName(
            window,
            self.tr("Apply Office Reply: Open the Office's Reply"),
            str(self._folder()),
            self.tr("Desktop CRM sync files (*.crmsync);;All files (*)"),
        )
        if not chosen:
            return False
        path = self._remember(chosen)

        def done(result: sync.SyncResult) -> None:
            self._reread()  # behind what is said next
            text = self.tr("The office's reply was applied.")
            if SyncSummary().tell(window, title, text, result):
                self._show_conflicts()

        self._start(
            title,
            self.tr("Applying the office's reply…"),
            lambda: sync_file.apply_reply(path),
            done,
            self.tr("The office's reply was not applied; nothing here changed."),
        )
        return True

    def _tell_written(self, written: FileResult, user: str) -> None:
        rows = written.rows  # (lupdate skips a count that is not a plain name)
        box = self._box("syncFileWritten", self.tr("Write Sync File"))
        box.setText(
            self.tr("%n change(s) written to %1.", "", rows).replace("%1", str(written.path))
        )
        box.setInformativeText(
            self.tr(
                "Next:\n"
                "1. Take this file to the office (on a USB stick, for example).\n"
                "2. There, in Desktop CRM signed in as %1, choose File → Apply a Replica's "
                "Sync File…; it writes a reply file.\n"
                "3. Bring the reply back and choose File → Apply Office Reply… here.\n\n"
                "Until the reply is applied your changes wait here, and the next sync file "
                "or Sync Now carries them too."
            ).replace("%1", user)
        )
        box.exec()

    # ---------------------------------------------------------------- at the office

    def apply_replica_sync_file(self) -> bool:
        """Ask for a replica's changes file and where its reply goes, then apply it to
        the office database (False: not started)."""
        window = self.main_window
        if self.dialog is not None or not window.detail.maybe_save():
            return False
        title = self.tr("Apply a Replica's Sync File")
        chosen, _filter = QFileDialog.getOpenFileName(
            window,
            self.tr("Apply a Replica's Sync File: Open the Laptop's Changes"),
            str(self._folder()),
            self.tr("Desktop CRM sync files (*.crmsync);;All files (*)"),
        )
        if not chosen:
            return False
        changes = self._remember(chosen)
        try:
            sync_file.read_header(changes)  # a file that is no sync file at all: say so now
        except CrmError as exc:
            self._refused(title, self.tr("The sync file was not applied."), exc)
            return False
        target, _filter = QFileDialog.getSaveFileName(
            window,
            self.tr("Apply a Replica's Sync File: Save the Reply for the Laptop As"),
            str(suggested_reply_file(changes)),
            self.tr("Desktop CRM sync files (*.crmsync)"),
        )
        if not target:
            return False
        reply = Path(target)

        # Cancel is told through an event of our own, not the task's context: a task
        # cancelled before a thread took it would never run nor say that it did not.
        cancelled = threading.Event()

        def work() -> sync.SyncResult:
            def progress(step: str, done: int, total: int) -> bool:  # on the worker thread
                self.stepped.emit(step, done, total)
                return not cancelled.is_set()

            return sync_file.apply_changes(changes, reply, progress=progress)

        def done(result: sync.SyncResult) -> None:
            self._reread()  # the office's rows changed: the panes read afresh
            self._tell_applied(result, reply)

        self._start(
            title,
            self.tr("Applying %1 to the office…").replace("%1", changes.name),
            work,
            done,
            self.tr(
                "The sync file was not applied: nothing changed at the office and no reply "
                "was written."
            ),
            cancel=cancelled,
        )
        return True

    def _tell_applied(self, result: sync.SyncResult, reply: Path) -> None:
        refusals = len(result.refused)
        box = self._box("replicaSyncFileApplied", self.tr("Apply a Replica's Sync File"))
        if refusals:
            box.setIcon(QMessageBox.Icon.Warning)
        box.setText(self.tr("The laptop's sync file was applied to the office."))
        paragraphs = [
            self.tr("Taken: %1 · Refused: %2")
            .replace("%1", str(result.sent))
            .replace("%2", str(refusals))
        ]
        if refusals:
            refused = self.tr(
                "The office refused %n change(s); they stay on the laptop, unsent:", "", refusals
            )
            lines = [f"• {refusal_text(line)}" for line in result.refused]
            paragraphs.append("\n".join([refused, *lines]))
        paragraphs.append(
            self.tr(
                "The reply is in %1. Take it back to the laptop and choose File → Apply "
                "Office Reply… there: it brings the office's changes, and whatever was "
                "changed on both sides waits there as a conflict to settle."
            ).replace("%1", str(reply))
        )
        box.setInformativeText("\n\n".join(paragraphs))
        box.exec()

    # ---------------------------------------------------------------- the work

    def _start(
        self,
        title: str,
        label: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        not_done: str,
        *,
        cancel: threading.Event | None = None,
    ) -> None:
        """`work` in the background behind a window-modal progress dialog; then `done`
        with its result, or one message box: `not_done` and the reason. With `cancel`,
        the dialog's Cancel sets it (`work` then stops with `sync.Cancelled`)."""
        window = self.main_window
        dialog = _ProgressDialog(label, self.tr("Cancel"), window, cancellable=bool(cancel))
        dialog.setObjectName("syncFileProgress")
        dialog.setWindowTitle(title)
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 50)  # room for a name
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        for action in self._usable:  # one file at a time
            action.setEnabled(False)

        def ended() -> None:
            if cancel is not None:
                dialog.canceled.disconnect(cancel.set)  # closing says "canceled" too
            dialog.end()
            self.dialog = None
            for action in self._usable:
                action.setEnabled(True)

        def finished(result: Any) -> None:
            ended()
            done(result)

        def failed(exc: BaseException) -> None:
            ended()
            if isinstance(exc, sync.Cancelled):
                box = self._box("syncFileCancelled", title)
                box.setText(
                    self.tr("Cancelled: nothing changed at the office and no reply was written.")
                )
                box.exec()
            elif isinstance(exc, (CrmError, OSError)):  # the user's to mend: said plainly
                self._refused(title, not_done, exc)
            else:  # a bug: logged with its traceback by the task runner
                show_error(window, exc)

        if cancel is not None:
            dialog.canceled.connect(cancel.set)
        window.tasks.run(lambda _context: work(), finished, on_error=failed)

    def _show_step(self, step: str, done: int, total: int) -> None:
        if self.dialog is None:
            return
        self.dialog.setLabelText(self._steps.get(step, self.dialog.labelText()))
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _refused(self, title: str, not_done: str, exc: BaseException) -> None:
        box = self._box("syncFileRefused", title)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(not_done)
        box.setInformativeText(exc.message if isinstance(exc, CrmError) else str(exc))
        box.exec()

    def _box(self, name: str, title: str) -> QMessageBox:
        box = QMessageBox(self.main_window)
        box.setObjectName(name)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Information)
        box.setStyleSheet(BOX_STYLE)
        return box

    def _folder(self) -> Path:
        """Where the file dialogs open: the folder of the last sync file, else home."""
        folder = Path(self.main_window.settings.sync_file_folder or Path.home())
        return folder if folder.is_dir() else Path.home()

    def _remember(self, chosen: str) -> Path:
        path = Path(chosen)
        self.main_window.settings.sync_file_folder = str(path.parent)
        return path
