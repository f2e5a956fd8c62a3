"""The dashboard (M11): charts of the customer base and sales, the 7P tables, the at-risk list.

A window of its own (View → Dashboard), created once and raised on later calls. Every
number comes from one `analysis.dashboard_data` call on a worker thread under the task
key "dashboard", so a slow, older computation never overwrites a newer one; while it
runs the filter bar says "Computing…". The owner and period filters recompute; so do
customer and follow-up changes while the window is visible (gathered over a short delay).
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTime, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import analysis, customers
from desktop_crm.domain.analysis import Count, DashboardData
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskContext, TaskRunner, show_error
from desktop_crm.ui.widgets import dashboard_format as fmt
from desktop_crm.ui.widgets.dashboard_charts import ChartPanel
from desktop_crm.ui.widgets.dashboard_tables import AnalysisTables
from desktop_crm.ui.widgets.live_view import LiveView
from desktop_crm.ui.widgets.owner_combo import OwnerCombo

TOP_REGIONS = 8  # more bars leave too little height for a CJK label each
WEEKS_AS_BARS = 16  # up to this many weeks as grouped bars, more as lines
GEOMETRY_KEY = "dashboardGeometry"
CUSTOM = "custom"


def show_dashboard(window: QMainWindow) -> Dashboard:
    """Open the main window's dashboard (made on first use), raised to the front."""
    dashboard = window.findChild(Dashboard, "dashboard")
    if dashboard is None:
        dashboard = Dashboard(window.events, window.tasks, window.settings, window)
    dashboard.show()
    dashboard.raise_()
    dashboard.activateWindow()
    return dashboard


class Dashboard(LiveView):
    """Charts and 7P tables for one owner (or everyone) and one period."""

    RELOAD_DELAY_MS = 600  # gather a burst of changes (an import, a bulk edit) into one recompute

    def __init__(
        self,
        events: AppEvents,
        tasks: TaskRunner,
        settings: UiSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Dashboard — Desktop CRM"))
        self._events = events
        self._tasks = tasks
        self._settings = settings
        self.data: DashboardData | None = None
        self._owner_names: dict[str, str] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        layout.addWidget(self._build_totals())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(self._build_charts(), self.tr("Charts"))
        self.analysis_tables = AnalysisTables(self.tabs, events.customerOpened.emit)
        self.tables = self.analysis_tables.tables
        layout.addWidget(self.tabs, 1)

        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(1000)
        self._geometry_timer.timeout.connect(self.save_geometry)
        events.customersChanged.connect(self._data_changed)
        events.customerChanged.connect(self._data_changed)
        events.followupsChanged.connect(self._data_changed)
        self._restore_geometry()
        self.refresh_owners()

    # ------------------------------------------------------------------ building

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.owner_combo = OwnerCombo(self)
        self.owner_combo.setObjectName("dashboardOwner")
        self.owner_combo.setAccessibleName(self.tr("Owner"))
        owner_label = QLabel(self.tr("&Owner:"), self)
        owner_label.setBuddy(self.owner_combo)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("dashboardPeriod")
        self.period_combo.setAccessibleName(self.tr("Period"))
        for code, text in (
            ("this_month", self.tr("This month")),
            ("last_3_months", self.tr("Last 3 months")),
            ("last_12_months", self.tr("Last 12 months")),
            ("this_year", self.tr("This year")),
            ("last_year", self.tr("Last year")),
            (CUSTOM, self.tr("Custom…")),
        ):
            self.period_combo.addItem(text, code)
        self.period_combo.setCurrentIndex(self.period_combo.findData("last_12_months"))
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period_combo)
        start, end = analysis.default_period()
        self.from_edit = self._date_edit("dashboardFrom", self.tr("From"), start)
        self.to_edit = self._date_edit("dashboardTo", self.tr("To"), end)
        self.range_label = QLabel("–", self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("dashboardRefresh")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("dashboardBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dashboardStatus")
        for widget in (owner_label, self.owner_combo, period_label, self.period_combo):
            bar.addWidget(widget)
        for widget in (self.from_edit, self.range_label, self.to_edit, self.refresh_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.busy)
        bar.addWidget(self.status_label, 1)
        self._show_custom_dates(False)
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.refresh_button.clicked.connect(self.reload)
        return bar

    def _date_edit(self, name: str, accessible: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(lambda _d: self._reload_timer.start())
        return edit

    def _build_totals(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("dashboardTotals")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(frame)
        self.total_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("customers", self.tr("Customers")),
            ("new_customers", self.tr("New in period")),
            ("revenue", self.tr("Revenue in period")),
            ("orders", self.tr("Orders in period")),
            ("receivables", self.tr("Receivables")),
            ("overdue_receivables", self.tr("Overdue receivables")),
            ("overdue_complaints", self.tr("Overdue complaints")),
            ("at_risk", self.tr("At risk")),
        ):
            value = QLabel("–", frame)
            value.setObjectName(f"total_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(caption, frame)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setAccessibleName(caption)
            cell = QVBoxLayout()
            cell.addWidget(value)
            cell.addWidget(label)
            row.addLayout(cell, 1)
            self.total_labels[key] = value
        return frame

    def _build_charts(self) -> QScrollArea:
        content = QWidget(self)
        grid = QGridLayout(content)
        self.charts: dict[str, ChartPanel] = {}
        specs = (
            ("stage", self.tr("Customers by lifecycle stage"), "customers-by-stage"),
            ("kind", self.tr("Customers by type"), "customers-by-type"),
            ("grade", self.tr("Customers by grade"), "customers-by-grade"),
            ("level", self.tr("Customers by relationship level"), "customers-by-level"),
            ("region", self.tr("Customers by region"), "customers-by-region"),
            ("source", self.tr("Customers by source"), "customers-by-source"),
            ("new", self.tr("New customers per month"), "new-customers-per-month"),
            ("revenue", self.tr("Revenue per month"), "revenue-per-month"),
            ("followups", self.tr("Follow-ups per week: done and planned"), "followups-per-week"),
        )
        for index, (key, title, stem) in enumerate(specs):
            panel = ChartPanel(f"{key}Chart", title, stem, content)
            self.charts[key] = panel
            grid.addWidget(panel, index // 3, index % 3)
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardCharts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # ------------------------------------------------------------------ filters

    def refresh_owners(self) -> None:
        """Re-read the users for the owner filter, keeping the chosen one."""
        self._owner_names = self.owner_combo.refresh()

    def owner(self) -> str | None:
        return self.owner_combo.currentData()

    def period(self, today: date | None = None) -> tuple[date, date]:
        """The chosen period's first and last day."""
        code = self.period_combo.currentData()
        if code != CUSTOM:
            return analysis.named_period(code, today)
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return (start, end) if start <= end else (end, start)

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        if custom:  # start from the period shown so far
            start, end = self.data.period if self.data else analysis.default_period()
            for edit, day in ((self.from_edit, start), (self.to_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self._show_custom_dates(custom)
        self.reload()

    def _show_custom_dates(self, visible: bool) -> None:
        for widget in (self.from_edit, self.range_label, self.to_edit):
            widget.setVisible(visible)

    # ------------------------------------------------------------------ computing

    def reload(self) -> None:
        """Recompute everything for the current filters, off the UI thread."""
        self._reloading()
        self.refresh_owners()  # users may have been added meanwhile
        owner, (start, end) = self.owner(), self.period()
        self.busy.show()
        self.status_label.setText(self.tr("Computing…"))

        def work(context: TaskContext) -> DashboardData:
            # A newer choice of owner or period cancels this run: it stops between parts.
            return analysis.dashboard_data(
                owner=owner,
                start=start,
                end=end,
                clock=time.perf_counter,
                cancelled=lambda: context.cancelled,
            )

        self._tasks.run(
            work, self._show, on_error=self._failed, key="dashboard", receiver=self, priority=1
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.busy.hide()
        self.status_label.setText(self.tr("The dashboard could not be computed."))
        show_error(self, exc)

    def _show(self, data: DashboardData) -> None:
        self.data = data
        self.loading = False
        self.busy.hide()
        start, end = data.period
        seconds = sum(data.timings.values())
        self.status_label.setText(
            self.tr("%1 – %2 · updated %3 (%4 s)")
            .replace("%1", fmt.day(start))
            .replace("%2", fmt.day(end))
            .replace("%3", QTime.currentTime().toString("HH:mm:ss"))
            .replace("%4", fmt.number(seconds, 2))
        )
        self._show_totals(data)
        self._show_charts(data)
        self.analysis_tables.show(data, self._owner_names)

    def _show_totals(self, data: DashboardData) -> None:
        t = data.totals
        for key, text in (
            ("customers", fmt.integer(t.customers)),
            ("new_customers", fmt.integer(t.new_customers)),
            ("revenue", fmt.money(t.revenue)),
            ("orders", fmt.integer(t.orders)),
            ("receivables", fmt.money(t.receivables)),
            ("overdue_receivables", fmt.money(t.overdue_receivables)),
            ("overdue_complaints", fmt.integer(t.overdue_complaints)),
            ("at_risk", fmt.integer(t.at_risk)),
        ):
            self.total_labels[key].setText(text)

    def _show_charts(self, data: DashboardData) -> None:
        c = self.charts
        c["stage"].show_pie(_in_order("stage", data.by_stage, customers.STAGES))
        c["kind"].show_pie(_in_order("kind", data.by_kind, customers.KINDS))
        c["grade"].show_pie(_in_order("grade", data.by_grade, customers.GRADES))
        c["level"].show_pie(_in_order("level", data.by_level, customers.LEVELS))
        regions = [(fmt.key_label("province", x.key), x.count) for x in data.by_province]
        if len(regions) > TOP_REGIONS:
            rest = sum(n for _, n in regions[TOP_REGIONS:])
            regions = [*regions[:TOP_REGIONS], (self.tr("Other regions"), rest)]
        c["region"].show_ranked_bars(
            regions, self.tr("Customers"), rest_last=len(data.by_province) > TOP_REGIONS
        )
        sources = [(fmt.key_label("source", x.key), x.count) for x in data.by_source]
        c["source"].show_ranked_bars(sources, self.tr("Customers"))

        months = [fmt.month_label(m.month) for m in data.new_per_month]
        c["new"].show_columns(
            months, [(self.tr("New customers"), [m.count for m in data.new_per_month])]
        )
        revenue = [float(m.revenue) for m in data.revenue_per_month]
        scale, title = 1, self.tr("Revenue")
        if max(revenue, default=0) >= 100_000_000:
            scale, title = 1_000_000, self.tr("Revenue (millions)")
        elif max(revenue, default=0) >= 100_000:
            scale, title = 1_000, self.tr("Revenue (thousands)")
        revenue_months = [fmt.month_label(m.month) for m in data.revenue_per_month]
        c["revenue"].show_lines(revenue_months, [(self.tr("Revenue"), revenue)], title, scale=scale)

        weeks = data.followups_per_week
        labels = [fmt.week_label(w.week_start) for w in weeks]
        lines = [
            (self.tr("Done"), [w.done for w in weeks]),
            (self.tr("Planned"), [w.planned for w in weeks]),
        ]
        if len(weeks) <= WEEKS_AS_BARS:
            c["followups"].show_columns(labels, lines)
        else:
            c["followups"].show_lines(labels, lines)

    # ------------------------------------------------------------------ keeping up

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._stale = True  # reopening later shows fresh numbers
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and self.isVisible():
            self._geometry_timer.start()
        return super().event(event)

    def _restore_geometry(self) -> None:
        geometry = self._settings.state(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1500, screen.width()), min(940, screen.height()))

    def save_geometry(self) -> None:
        self._settings.set_state(GEOMETRY_KEY, self.saveGeometry())


def _in_order(dimension: str, counts: list[Count], order: tuple) -> list[tuple[str, float]]:
    """(label, count) in the stored codes' own order (stable colours), "not set" last."""
    rank = {code: index for index, code in enumerate(order)}
    ordered = sorted(counts, key=lambda c: rank.get(c.key, len(order)))
    return [(fmt.key_label(dimension, c.key), c.count) for c in ordered]
