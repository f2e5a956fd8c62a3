"""Background tasks: results come back on the UI thread; superseded work is skipped."""

from __future__ import annotations

import threading

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
