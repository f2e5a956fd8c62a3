"""Garbage cycles are collected by a timer on the UI thread, never by a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from desktop_crm.ui.collector import UiThreadCollector


class Node:
    """A cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_timer_on_the_ui_thread(qtbot, monkeypatch):
    threshold, collect = gc.get_threshold(), gc.collect
    collected_on: list[threading.Thread] = []

    def watched_collect(*args: int) -> int:
        collected_on.append(threading.current_thread())
        return collect(*args)

    monkeypatch.setattr(gc, "collect", watched_collect)
    gc.set_threshold(10, *threshold[1:])
    try:
        collector = UiThreadCollector(interval_ms=20)
        assert not gc.isenabled()
        gone = weakref.ref(Node())
        worker = threading.Thread(target=lambda: [Node() for _ in range(1000)])
        worker.start()
        worker.join()
        assert gone() is not None  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        assert set(collected_on) == {threading.main_thread()}
        collector.timer.stop()
    finally:
        gc.set_threshold(*threshold)
