"""`desktop-crm --smoke-test`: the real main window started, its panes checked, closed.

A built bundle proves with it that it starts as a person would see it: translations,
icons, Qt plugins and the database all found. Hidden from --help; prints one line per
pane, then opens the dashboard from its menu action (Qt Charts load only then) and
prints a line for it; exits 0 when all four panes and the dashboard's charts are shown,
else 1.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QWidget

from desktop_crm import __version__
from desktop_crm.ui.customer_table_model import CustomerTableModel

# The object names of the four panes (the PRODUCT object-name contract).
PANES = ("customerList", "customerDetail", "followUpPane", "relationshipPane")
LOAD_WAIT_MS = 20_000  # a slow disk on a cold start; reached only when something hangs


def pane_report(window: QWidget) -> tuple[bool, list[str]]:
    """Whether every pane of `window` is there and visible, and a line for each: its
    name, `visible`/`hidden`/`missing`, and what it shows (the list's rows, a dock's
    translated title). An empty database shows a hint in place of the list: that counts."""
    ok = True
    lines = []
    for name in PANES:
        pane = window.findChild(QWidget, name)
        if pane is None:
            ok = False
            lines.append(f"{name}: missing")
            continue
        visible = pane.isVisible()
        shows = _what_it_shows(pane)
        if name == "customerList" and not visible:
            hint = window.findChild(QWidget, "emptyListHint")
            visible = hint is not None and hint.isVisible()
            shows = "no customers: emptyListHint in its place" if visible else shows
        ok = ok and visible
        state = "visible" if visible else "hidden"
        lines.append(f"{name}: {state}" + (f" ({shows})" if shows else ""))
    return ok, lines


def dashboard_report(window: QWidget) -> tuple[bool, str]:
    """Open the dashboard as the menu does; whether it is shown with its charts, and a
    line saying so."""
    action = window.findChild(QAction, "dashboard")
    if action is None:
        return False, "dashboard: no menu action"
    action.trigger()
    dashboard = window.findChild(QWidget, "dashboard")
    if dashboard is None or not dashboard.isVisible():
        return False, "dashboard: not shown"
    from PySide6.QtCharts import QChartView  # late, as the app loads it

    charts = len(dashboard.findChildren(QChartView))
    return charts > 0, f"dashboard: visible (charts: {charts})"


def _what_it_shows(pane: QWidget) -> str:
    if isinstance(pane, QAbstractItemView) and pane.model() is not None:
        return f"rows: {pane.model().rowCount()}"
    dock = pane.parent()
    return dock.windowTitle() if isinstance(dock, QDockWidget) else ""


def run_smoke_test(app: QApplication, window: QWidget, language: str) -> int:
    """With `window` shown: wait until its customer list has loaded (at most
    `LOAD_WAIT_MS`), report its panes on standard output, close it as the user would
    and return the exit code (0: all panes visible)."""
    result = {"code": 1, "checked": False}

    def check() -> None:
        if result["checked"]:
            return
        result["checked"] = True
        ok, lines = pane_report(window)
        shown, line = dashboard_report(window)
        ok, lines = ok and shown, [*lines, line]
        print(f"Desktop CRM {__version__} smoke test ({language}): {window.windowTitle()}")
        print("\n".join(lines), flush=True)
        result["code"] = 0 if ok else 1
        window.close()
        app.quit()

    view = window.findChild(QAbstractItemView, "customerList")
    model = view.model() if view is not None else None
    if isinstance(model, CustomerTableModel):  # its first page comes from a worker thread
        model.loaded.connect(lambda _count: QTimer.singleShot(0, check))
        QTimer.singleShot(LOAD_WAIT_MS, check)
    else:
        QTimer.singleShot(0, check)  # nothing to wait for: report it missing
    app.exec()
    return int(result["code"])
