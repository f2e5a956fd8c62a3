"""Background tasks: results come back on the UI thread; superseded work is skipped."""

from __future__ import annotations

import threading

import shiboken6

from desktop_crm.ui.tasks import TaskRunner


def test_superseded_loads_waiting_for_a_thread_are_skipped(qtbot, db):
    tasks = TaskRunner(max_threads=1)
    gate = threading.Event()
    ran: list[str] = []
    tasks.run(lambda _c: gate.wait(5), lambda _r: None)  # keeps the only thread busy
    for name in ("old", "older", "newest"):
        tasks.run(lambda _c, n=name: ran.append(n), lambda _r: None, key="load")
    gate.set()
    tasks.wait(5000)
    assert ran == ["newest"]


def test_a_stale_result_never_overwrites_a_newer_one(qtbot):
    tasks = TaskRunner(max_threads=2)
    slow_started = threading.Event()
    release = threading.Event()
    shown: list[str] = []

    def slow(_c):
        slow_started.set()
        release.wait(5)
        return "old"

    tasks.run(slow, shown.append, key="search")
    slow_started.wait(5)
    tasks.run(lambda _c: "new", shown.append, key="search")
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    release.set()
    tasks.wait(5000)
    qtbot.wait(50)
    assert shown == ["new"]


def test_shutdown_cancels_running_and_waiting_work_and_delivers_nothing(qtbot):
    tasks = TaskRunner(max_threads=1)
    started = threading.Event()
    delivered: list[object] = []

    def busy(context):
        started.set()
        while not context.cancelled:
            context.report(1, 2)
        return "stopped"

    tasks.run(busy, delivered.append, on_progress=lambda *_: None)
    tasks.run(lambda _c: delivered.append("ran"), delivered.append)  # waits for the thread
    started.wait(5)
    assert tasks.shutdown(2000)
    qtbot.wait(50)
    assert delivered == []
    assert tasks.closed


def test_a_worker_outliving_its_deleted_runner_raises_nothing(qtbot, capfd, monkeypatch):
    seen: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_value))
    tasks = TaskRunner(max_threads=1)
    release, started = threading.Event(), threading.Event()

    def stubborn(context):
        started.set()
        release.wait(5)  # ignores the cancel
        context.report(1, 1)
        return "late"

    tasks.run(stubborn, lambda _r: None)
    started.wait(5)
    assert not tasks.shutdown(50)
    for signals in list(tasks._live):
        shiboken6.delete(signals)  # as at exit: the UI side is gone
    release.set()
    assert tasks.wait(5000)
    assert seen == []
    assert "RuntimeError" not in capfd.readouterr().err
