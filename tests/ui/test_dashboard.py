"""The dashboard window: opened from View → Dashboard, charts and 7P tables filled with the
domain's numbers, owner and period filters, Save as PNG, stale results dropped."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCharts import QBarSeries, QChart, QLineSeries, QPieSeries
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QFileDialog

from desktop_crm.app import create_main_window
from desktop_crm.domain import analysis, customers
from desktop_crm.domain.demo import add_sample_data
from desktop_crm.ui import labels
from desktop_crm.ui.dashboard import Dashboard
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskRunner

OWNER = "li.na"  # one of the sample sales team


@pytest.fixture
def sample(db):
    return add_sample_data(160, seed=11)


@pytest.fixture
def events(qapp) -> AppEvents:
    return AppEvents()


@pytest.fixture
def tasks(db, qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()
    QCoreApplication.processEvents()  # deliver late results while the widgets still live


@pytest.fixture
def dashboard(qtbot, sample, events, tasks, tmp_path) -> Dashboard:
    widget = Dashboard(events, tasks, UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    settle(qtbot, widget)
    return widget


def settle(qtbot, dashboard: Dashboard) -> None:
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.loading, timeout=15000)


def choose(qtbot, combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def the_series(dashboard: Dashboard, chart: str):
    series = dashboard.charts[chart].chart().series()
    assert series, chart
    return series


def pie_values(dashboard: Dashboard, chart: str) -> list[float]:
    (pie,) = the_series(dashboard, chart)
    assert isinstance(pie, QPieSeries)
    return [piece.value() for piece in pie.slices()]


def bar_values(dashboard: Dashboard, chart: str) -> list[list[float]]:
    (bars,) = the_series(dashboard, chart)
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in bars.barSets()]


def line_values(dashboard: Dashboard, chart: str) -> list[list[float]]:
    lines = the_series(dashboard, chart)
    assert all(isinstance(line, QLineSeries) for line in lines)
    return [[point.y() for point in line.points()] for line in lines]


def table_column(dashboard: Dashboard, table: str, column: int) -> list:
    model = dashboard.tables[table].model()
    return [
        model.index(row, column).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())
    ]


def test_the_dashboard_opens_from_the_view_menu_once_and_remembers_its_geometry(
    qtbot, db_path, sample, tmp_path
):
    settings = UiSettings(tmp_path / "ui.ini")
    window = create_main_window(str(db_path), settings)
    qtbot.addWidget(window)
    window.show()
    action = window.named_actions.dashboard
    assert action.shortcut() == QKeySequence("Ctrl+Shift+D")
    view_menu = next(m for m in window.menuBar().actions() if m.text() == "&View").menu()
    assert action in view_menu.actions()
    action.trigger()
    dashboard = window.findChild(Dashboard, "dashboard")
    assert dashboard is not None and dashboard.isVisible() and dashboard.isWindow()
    assert dashboard.parent() is window
    settle(qtbot, dashboard)
    assert dashboard.data.totals.customers == 160
    dashboard.resize(640, 480)  # within the offscreen screen
    dashboard.hide()
    action.trigger()  # raised again, not made anew
    assert window.findChildren(Dashboard) == [dashboard] and dashboard.isVisible()
    dashboard.close()
    window.tasks.wait(5000)
    assert settings.state("dashboardGeometry") is not None
    again = Dashboard(window.events, window.tasks, settings)
    qtbot.addWidget(again)
    assert again.height() == 480  # the default would fill the screen
    again.deleteLater()
    window.tasks.wait(5000)


def test_the_distribution_charts_show_the_domain_counts_with_choice_labels(dashboard):
    for chart, dimension in (("stage", "stage"), ("kind", "kind"), ("grade", "grade")):
        counts = analysis.customers_by(dimension)
        assert sorted(pie_values(dashboard, chart)) == sorted(c.count for c in counts), chart
        assert sum(pie_values(dashboard, chart)) == 160
    levels = analysis.customers_by("level")
    assert sorted(pie_values(dashboard, "level")) == sorted(c.count for c in levels)
    (pie,) = the_series(dashboard, "stage")
    potential = next(c.count for c in analysis.customers_by("stage") if c.key == "potential")
    assert pie.slices()[0].label().startswith(labels.choice_label("stage", "potential"))
    assert pie.slices()[0].value() == potential
    # Regions: the top ones and the rest summed, so every customer counts once.
    (regions,) = bar_values(dashboard, "region")
    provinces = analysis.customers_by("province")
    assert sum(regions) == 160
    assert max(regions[:-1]) == provinces[0].count or regions[-1] == provinces[0].count
    (sources,) = bar_values(dashboard, "source")
    assert sorted(sources) == sorted(c.count for c in analysis.customers_by("source"))
    (bars,) = the_series(dashboard, "source")
    categories = bars.attachedAxes()[0].categories()
    assert labels.choice_label("source", "referral") in categories


def test_the_series_charts_show_months_and_weeks_of_the_period(dashboard):
    start, end = analysis.default_period()
    assert dashboard.data.period == (start, end)
    new = analysis.new_customers_per_month(start=start, end=end)
    assert bar_values(dashboard, "new") == [[m.count for m in new]]
    revenue = analysis.revenue_per_month(start=start, end=end)
    (shown,) = line_values(dashboard, "revenue")
    assert len(shown) == 12
    biggest = max(float(m.revenue) for m in revenue)
    scale = 1_000_000 if biggest >= 100_000_000 else 1_000 if biggest >= 100_000 else 1
    assert shown == pytest.approx([float(m.revenue) / scale for m in revenue])
    weeks = analysis.followups_per_week(start=start, end=end)
    done, planned = line_values(dashboard, "followups")
    assert done == [w.done for w in weeks] and planned == [w.planned for w in weeks]
    assert sum(done) > 0


def test_every_7p_table_has_rows_and_the_at_risk_list_matches(dashboard, qtmodeltester):
    for name in (
        "profileTable",
        "persistencyTable",
        "profitabilityTable",
        "topMarginTable",
        "performanceTable",
        "prospectingTable",
        "productMixTable",
        "promotionTable",
    ):
        assert dashboard.tables[name].model().rowCount() > 0, name
    qtmodeltester.check(dashboard.tables["performanceTable"].model())
    start, end = dashboard.data.period
    promotion = analysis.promotion(start=start, end=end)
    assert sum(table_column(dashboard, "promotionTable", 1)) == sum(r.customers for r in promotion)
    profile = dashboard.tables["profileTable"].model()
    assert profile.index(0, 1).data() in {labels.choice_label("kind", k) for k in customers.KINDS}
    retention = dashboard.data.retention
    assert table_column(dashboard, "retentionTable", 0) == [r.code for r in retention]
    assert dashboard.total_labels["at_risk"].text() == str(dashboard.data.totals.at_risk)


def test_double_clicking_an_at_risk_customer_opens_it(qtbot, dashboard, events):
    view = dashboard.tables["retentionTable"]
    if view.model().rowCount() == 0:
        pytest.skip("no customer at risk in this sample")
    with qtbot.waitSignal(events.customerOpened) as opened:
        view.doubleClicked.emit(view.model().index(0, 1))
    assert opened.args == [dashboard.data.retention[0].customer_id]


def test_choosing_an_owner_recomputes_for_that_owner(qtbot, dashboard):
    everyone = dashboard.data.totals
    choose(qtbot, dashboard.owner_combo, OWNER)
    assert dashboard.loading
    assert dashboard.status_label.text() == "Computing…"
    settle(qtbot, dashboard)
    start, end = dashboard.data.period
    mine = analysis.totals(owner=OWNER, start=start, end=end)
    assert dashboard.data.totals.customers == mine.customers < everyone.customers
    assert dashboard.data.totals.revenue == mine.revenue != everyone.revenue
    assert sum(pie_values(dashboard, "stage")) == mine.customers
    assert dashboard.total_labels["customers"].text() == str(mine.customers)


def test_a_short_period_shows_weeks_as_grouped_bars_and_a_custom_period_is_kept(qtbot, dashboard):
    choose(qtbot, dashboard.period_combo, "this_month")
    settle(qtbot, dashboard)
    today = date.today()
    assert dashboard.data.period == (today.replace(day=1), today)
    (bars,) = the_series(dashboard, "followups")
    assert isinstance(bars, QBarSeries)
    assert [s.label() for s in bars.barSets()] == ["Done", "Planned"]
    assert len(bar_values(dashboard, "new")[0]) == 1

    choose(qtbot, dashboard.period_combo, "custom")
    assert dashboard.from_edit.isVisible()
    dashboard.from_edit.setDate(QDate(2020, 1, 1))
    dashboard.to_edit.setDate(QDate(2020, 3, 31))
    dashboard.reload()  # rather than waiting for the typing delay
    settle(qtbot, dashboard)
    assert dashboard.data.period == (date(2020, 1, 1), date(2020, 3, 31))
    assert len(bar_values(dashboard, "new")[0]) == 3


def test_save_as_png_writes_a_readable_image(qtbot, dashboard, tmp_path, monkeypatch):
    panel = dashboard.charts["stage"]
    assert panel.save_action in panel.context_menu().actions()
    target = tmp_path / "stages"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert panel.ask_and_save() == tmp_path / "stages.png"
    image = QImage(str(tmp_path / "stages.png"))
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    # Not a blank picture: the pie's colours are in it.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 5
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert panel.ask_and_save() is None  # cancelled: nothing written


def test_an_older_slow_result_never_overwrites_a_newer_one(qtbot, dashboard, monkeypatch):
    real = analysis.dashboard_data
    gate = threading.Event()

    def slow_for_one_owner(**kwargs):
        if kwargs.get("owner") == OWNER:
            gate.wait(10)
        return real(**kwargs)

    monkeypatch.setattr(analysis, "dashboard_data", slow_for_one_owner)
    choose(qtbot, dashboard.owner_combo, OWNER)  # starts the slow computation
    dashboard.owner_combo.setCurrentIndex(0)  # everyone: fast, and newer
    settle(qtbot, dashboard)
    assert dashboard.data.totals.customers == 160
    shown = dashboard.data
    gate.set()
    dashboard._tasks.wait(10000)
    qtbot.wait(50)  # the old result arrives now, and is dropped
    assert dashboard.data is shown
    assert sum(pie_values(dashboard, "stage")) == 160


def test_a_superseded_computation_stops_at_its_next_part(qtbot, dashboard, monkeypatch):
    real = analysis.dashboard_data
    started, gate = threading.Event(), threading.Event()
    outcomes = []

    def slow_for_one_owner(**kwargs):
        if kwargs.get("owner") == OWNER:
            started.set()
            gate.wait(10)
        try:
            result = real(**kwargs)
        except analysis.DashboardCancelled:
            outcomes.append(("cancelled", kwargs.get("owner")))
            raise
        outcomes.append(("computed", kwargs.get("owner")))
        return result

    monkeypatch.setattr(analysis, "dashboard_data", slow_for_one_owner)
    choose(qtbot, dashboard.owner_combo, OWNER)  # starts the slow computation
    qtbot.waitUntil(started.is_set)
    dashboard.owner_combo.setCurrentIndex(0)  # everyone: newer, so the first is not wanted
    settle(qtbot, dashboard)
    gate.set()
    dashboard._tasks.wait(10000)
    qtbot.wait(50)
    assert ("cancelled", OWNER) in outcomes and ("computed", OWNER) not in outcomes
    assert sum(pie_values(dashboard, "stage")) == 160


def test_changes_while_visible_recompute_after_a_short_delay(qtbot, dashboard, events):
    customers.create_customer({"name": "新客户"})
    events.customersChanged.emit()
    qtbot.waitUntil(lambda: dashboard.data.totals.customers == 161, timeout=10000)
    assert sum(pie_values(dashboard, "kind")) == 161


def test_the_charts_follow_a_dark_palette(qtbot, dashboard):
    assert dashboard.charts["stage"].chart().theme() == QChart.ChartTheme.ChartThemeLight
    dark = QPalette(dashboard.palette())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dashboard.setPalette(dark)
    chart = dashboard.charts["stage"].chart()
    assert chart.theme() == QChart.ChartTheme.ChartThemeDark
    assert chart.backgroundBrush().color() == QColor("#202124")
    assert sum(pie_values(dashboard, "stage")) == 160  # redrawn, not emptied
