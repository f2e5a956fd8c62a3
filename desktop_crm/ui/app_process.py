"""Long work run as `desktop-crm …` in a process of its own, behind a progress dialog.

Sync Now and Work Offline run the command line this way: the process binds its own
database connection, this window goes on working, and Cancel kills the process — which
the commands are built to survive at any moment. The process's `progress STEP DONE
TOTAL` lines move the dialog; every other line is handed to `said`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_crm.domain import messages


def app_command() -> list[str]:
    """How this app starts itself again: the bundle's executable, or the Python module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop_crm"]


class AppProcess(QObject):
    """One `desktop-crm` process and its progress dialog; subclasses say what the lines
    mean (`said`, `stepped`) and tell the user the outcome (`ended`)."""

    def __init__(self, parent: QWidget, label: str, object_name: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self.cancelled = False
        self.process = QProcess(self)
        self.process.setReadChannel(QProcess.ProcessChannel.StandardError)  # progress, errors
        self.process.readyReadStandardError.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._not_started)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName(object_name)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def run(self, arguments: list[str], password: str | None) -> None:
        """Start `desktop-crm ARGUMENTS` in the user's language; a password goes on its
        standard input (`--password-stdin`), never on its command line."""
        program, *command = app_command()
        command += ["--lang", messages.language(), *arguments]
        if password:
            command.append("--password-stdin")
        self.process.start(program, command)
        if password:
            self.process.write((password + "\n").encode())
        self.process.closeWriteChannel()

    def is_running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        self.cancelled = True
        self.process.kill()

    # what subclasses make of it

    def stepped(self, step: str) -> None:
        """A progress line named `step` (the dialog's bar has moved already)."""

    def said(self, line: str) -> None:
        """A line of the process that is not progress: a result, or its error."""

    def ended(self, code: int) -> None:
        """The process is gone (`code` -1: it crashed, was killed or never started)."""

    def _read(self) -> None:
        while self.process.canReadLine():
            line = bytes(self.process.readLine().data()).decode(errors="replace").strip()
            words = line.split()
            if len(words) == 4 and words[0] == "progress":
                _, step, done, total = words
                self.dialog.setMaximum(int(total))
                self.dialog.setValue(int(done))
                self.stepped(step)
            elif line:
                self.said(line)

    def _not_started(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no `finished` follows
            self.said(self.process.errorString())
            self._finished(-1, QProcess.ExitStatus.CrashExit)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        self.dialog.canceled.disconnect(self.cancel)  # closing the dialog says "canceled"
        self.dialog.close()
        self.dialog.deleteLater()  # a child of the window, which outlives this run
        self.ended(code if status == QProcess.ExitStatus.NormalExit else -1)
