"""Background work: run a function on the thread pool, get its result back by signal.

Database, file and analysis work never runs on the UI thread. Each task uses the
thread's own database connection (peewee connections are per thread) and closes it at
the end, so no cursor stays open to starve WAL checkpoints. Tasks started under the
same `key` supersede each other: a stale result never overwrites a newer one.

At exit, `TaskRunner.shutdown` cancels everything still running or waiting and waits a
moment for the workers to stop. Work functions check `context.cancelled` at each step
(an import stops between rows and rolls back), and a worker never raises from emitting
to signals that were deleted under it: a late progress or result is simply dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop_crm.db.models import database
from desktop_crm.errors import CrmError

log = logging.getLogger(__name__)


class TaskContext:
    """Handed to the work function: report progress, check for cancellation."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> None:
        if not self.cancelled:  # after a cancel (or at exit) nobody shows progress any more
            _emit(self._signals, "progress", done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


_SKIPPED = object()  # the result of a task that never ran


def _emit(signals: _TaskSignals, name: str, *args: Any) -> None:
    """Emit from a worker thread; nothing when the signals object is already gone.

    At exit the UI thread may delete what a late worker reports to; that must not turn
    into "Signal source has been deleted" printed from the worker thread."""
    if not shiboken6.isValid(signals):
        return
    try:
        getattr(signals, name).emit(*args)
    except RuntimeError:  # deleted between the check and the emit
        log.debug("a background task finished after its receiver was deleted")


class _TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[TaskContext], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.context = TaskContext(signals)

    def run(self) -> None:
        if self.context.cancelled:  # superseded or cancelled while it waited for a thread
            _emit(self.signals, "finished", _SKIPPED)
            return
        try:
            result = self.work(self.context)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread
            if not isinstance(exc, CrmError):
                log.exception("background task failed")
            _emit(self.signals, "failed", exc)
        else:
            _emit(self.signals, "finished", result)
        finally:
            if database.obj is not None and not database.obj.is_closed():
                database.obj.close()  # this thread's connection only


class TaskRunner(QObject):
    """Starts tasks on a thread pool and delivers results on the UI thread."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._generation: dict[str, int] = {}
        self._latest: dict[str, TaskContext] = {}
        self._live: dict[_TaskSignals, _Task] = {}
        self._closed = False

    def run(
        self,
        work: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        key: str | None = None,
        receiver: QObject | None = None,
        priority: int = 0,
    ) -> TaskContext:
        """Run `work(context)` in the background; `on_done(result)` runs on the UI thread.

        With `receiver`, the result is dropped if that object was deleted meanwhile (a
        pane closed while its data was being read). Higher `priority` runs first when
        the pool is busy (what the user is looking at before background counts).
        """
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
        signals = _TaskSignals()

        def current() -> bool:
            if self._closed:  # shut down: results of cancelled work reach nobody
                return False
            if receiver is not None and not shiboken6.isValid(receiver):
                return False
            return not key or self._generation.get(key) == generation

        def delivered() -> None:
            # The task and its signals let go here, on the UI thread they belong to. Left
            # to the pool (auto-delete), the task was destroyed on the worker thread
            # outside the interpreter lock, and that deadlocked against the UI thread:
            # Qt's connection lock on one side, the lock on the other.
            self._live.pop(signals, None)
            signals.deleteLater()

        def finished(result: Any) -> None:
            delivered()
            if result is not _SKIPPED and current():
                on_done(result)

        def failed(exc: BaseException) -> None:
            delivered()
            if current():
                (on_error or self._default_error)(exc)

        signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if on_progress:
            signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        task = _Task(work, signals)
        task.setAutoDelete(False)
        if self._closed:
            task.context.cancel()  # after shutdown nothing new starts; the run is skipped
        self._live[signals] = task
        if key:
            superseded = self._latest.get(key)
            if superseded is not None:
                superseded.cancel()  # a newer run makes its result useless: skip it if queued
            self._latest[key] = task.context
        self.pool.start(task, priority)
        return task.context

    def wait(self, msecs: int = -1) -> bool:
        """Block until all tasks have finished (used in tests)."""
        return self.pool.waitForDone(msecs)

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self, msecs: int = 3000) -> bool:
        """Cancel all work and wait up to `msecs` for it to stop; True when it stopped.

        Tasks still waiting for a thread never start; running ones see their context
        cancelled at their next step. No result or error is delivered afterwards, and
        tasks started later are refused (cancelled at once)."""
        self._closed = True
        self.pool.clear()  # queued tasks (not auto-deleted) stay in _live, never run
        for task in list(self._live.values()):
            task.context.cancel()
        stopped = self.pool.waitForDone(msecs)
        if not stopped:
            log.warning("background work still running %d ms after closing", msecs)
        return stopped

    def _default_error(self, exc: BaseException) -> None:
        show_error(None, exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong: their kind of problem plainly, a bug with a pointer."""
    if isinstance(exc, CrmError):
        QMessageBox.warning(parent, QCoreApplication.translate("Tasks", "Desktop CRM"), exc.message)
    else:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Tasks", "Desktop CRM"),
            QCoreApplication.translate(
                "Tasks", "Something went wrong and was not saved: %1. Details are in the log file."
            ).replace("%1", str(exc)),
        )


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget,
    label: str,
    work: Callable[[TaskContext], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> TaskContext:
    """Run `work` with a progress dialog that appears after half a second and can cancel.

    A failure is shown to the user, then handed to `on_error` if given."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def done(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        show_error(parent, exc)
        if on_error is not None:
            on_error(exc)

    context = runner.run(work, done, on_error=failed, on_progress=progress)
    dialog.canceled.connect(context.cancel)
    return context
