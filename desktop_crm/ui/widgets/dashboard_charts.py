"""One dashboard chart (a QChartView) that fills itself from plain numbers and saves as PNG.

Pies suit a few categories, horizontal bars a long ranked list, columns and lines a
series over months or weeks. The chart follows the application palette (light or dark
theme by the window colour's lightness) and is redrawn from its last numbers when the
palette changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QStandardPaths, Qt
from PySide6.QtGui import QAction, QColor, QCursor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QToolTip,
    QWidget,
)

from desktop_crm.ui.widgets import dashboard_format as fmt

# A qualitative palette (Tableau 10) that reads on light and dark backgrounds alike.
COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
Items = list[tuple[str, float]]  # (category label, value)
Lines = list[tuple[str, list[float]]]  # (series name, one value per category)


def nice_step(maximum: float, ticks: int = 5, *, whole: bool = True) -> float:
    """A round tick interval (1, 2, 2.5 or 5 × 10ⁿ) giving about `ticks` intervals."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return max(step, 1.0) if whole else step


class ChartPanel(QChartView):
    """A chart with "Save as PNG…" in its context menu and as a small button in its corner."""

    def __init__(self, name: str, title: str, file_stem: str, parent: QWidget | None = None):
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.title = title
        self.file_stem = file_stem
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(380, 250)
        self._redraw: Callable[[], None] | None = None

        self.save_action = QAction(self.tr("Save as &PNG…"), self)
        self.save_action.setObjectName(f"{name}SaveAction")
        self.save_action.triggered.connect(self.ask_and_save)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.context_menu().exec(self.mapToGlobal(pos))
        )
        self.save_button = QToolButton(self)
        self.save_button.setObjectName(f"{name}SaveButton")
        self.save_button.setAutoRaise(True)
        self.save_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.save_button.setToolTip(self.tr("Save as PNG…"))
        self.save_button.setAccessibleName(self.tr("Save as PNG…"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.clicked.connect(self.ask_and_save)
        self._style_chart()

    # ------------------------------------------------------------------ saving

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.save_action)
        return menu

    def image(self) -> QPixmap:
        """The chart as it shows, without the save button."""
        self.save_button.hide()
        try:
            return self.grab()
        finally:
            self.save_button.show()

    def save_png(self, path: Path) -> bool:
        return self.image().save(str(path), "PNG")

    def ask_and_save(self) -> Path | None:
        """Ask for a file name and write the chart there as a PNG image."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Chart as PNG"),
            str(Path(folder or ".") / f"{self.file_stem}.png"),
            self.tr("PNG images (*.png)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.save_png(path):
            QMessageBox.warning(
                self,
                self.tr("Save Chart as PNG"),
                self.tr("The chart could not be written to %1. Is the folder writable?").replace(
                    "%1", str(path)
                ),
            )
            return None
        return path

    # ------------------------------------------------------------------ look

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        hint = self.save_button.sizeHint()
        self.save_button.setGeometry(
            self.width() - hint.width() - 4, 4, hint.width(), hint.height()
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_chart()
            if self._redraw is not None:
                self._redraw()

    def _style_chart(self) -> None:
        """Light or dark chart theme after the palette; the app's font for every text."""
        chart, palette = self.chart(), self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
        chart.setTitleBrush(palette.brush(QPalette.ColorRole.Text))
        title_font = QApplication.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitle(self.title)
        chart.legend().setFont(QApplication.font())
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
        chart.setMargins(QMargins(4, 4, 4, 4))

    def _reset(self, redraw: Callable[[], None]) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        self._redraw = redraw
        return chart

    def _axis_style(self, axis) -> None:  # noqa: ANN001 - any QAbstractAxis
        font = QApplication.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
        axis.setLabelsBrush(self.palette().brush(QPalette.ColorRole.Text))
        axis.setTitleBrush(self.palette().brush(QPalette.ColorRole.Text))

    def _sparse_axis(self, categories: list[str]) -> QCategoryAxis:
        """Categories at 0, 1, 2 … with a label under every few, so none is cut short
        (a bar-category axis elides every label once they are wider than a bar's slot)."""
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        every = max(1, math.ceil(len(categories) / 7))
        for index in range(0, len(categories), every):
            axis.append(categories[index], index)
        axis.setRange(-0.5, max(len(categories) - 0.5, 0.5))
        axis.setGridLineVisible(False)
        self._axis_style(axis)
        return axis

    def _value_axis(self, maximum: float, title: str = "", *, whole: bool = True) -> QValueAxis:
        step = nice_step(maximum, whole=whole)
        axis = QValueAxis()
        axis.setRange(0, max(math.ceil(maximum / step), 1) * step)
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(0)
        axis.setTickInterval(step)
        axis.setLabelFormat("%.0f" if step >= 1 else "%.2f")
        axis.setTitleText(title)
        self._axis_style(axis)
        return axis

    # ------------------------------------------------------------------ kinds of chart

    def show_pie(self, items: Items) -> None:
        """Slices per category, named with their count and share in the legend."""
        chart = self._reset(lambda: self.show_pie(items))
        series = QPieSeries()
        total = sum(value for _, value in items) or 1
        border = self.palette().color(QPalette.ColorRole.Base)
        for index, (label, value) in enumerate(items):
            share = fmt.number(100 * value / total, 0)
            piece = series.append(f"{label} {fmt.integer(int(value))} ({share}%)", value)
            piece.setLabelVisible(False)
            piece.setColor(QColor(COLORS[index % len(COLORS)]))
            piece.setBorderColor(border)
        series.setPieSize(0.8)
        series.hovered.connect(lambda piece, state: piece.setExploded(state))
        chart.addSeries(series)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def show_ranked_bars(self, items: Items, value_title: str, *, rest_last: bool = False) -> None:
        """Horizontal bars, the largest at the top, each labelled with its value; with
        `rest_last` the last item sums up the others and is drawn in grey at the bottom."""
        chart = self._reset(lambda: self.show_ranked_bars(items, value_title, rest_last=rest_last))
        bars = QBarSet(value_title)
        bars.setColor(QColor(COLORS[0]))
        bars.setBorderColor(QColor(COLORS[0]))
        categories = []
        for label, value in reversed(items):
            bars.append(value)
            categories.append(label)
        if rest_last and items:
            bars.setSelectedColor(QColor(COLORS[-1]))
            bars.selectBar(0)  # reversed: the rest is the bottom bar
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        bars.setLabelColor(self.palette().color(QPalette.ColorRole.Text))
        self._tooltips(series, categories)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        self._axis_style(names)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        # Room to the right of the longest bar for its label.
        values = self._value_axis(max((v for _, v in items), default=0) * 1.12)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setVisible(False)

    def show_columns(
        self, categories: list[str], sets: Lines, value_title: str = "", *, scale: float = 1
    ) -> None:
        """Vertical bars per category, one bar per set side by side (values ÷ `scale`)."""
        chart = self._reset(lambda: self.show_columns(categories, sets, value_title, scale=scale))
        series = QBarSeries()
        highest = 0.0
        for index, (name, values) in enumerate(sets):
            bars = QBarSet(name)
            bars.setColor(QColor(COLORS[index % len(COLORS)]))
            bars.setBorderColor(QColor(COLORS[index % len(COLORS)]))
            for value in values:
                bars.append(value / scale)
                highest = max(highest, value / scale)
            series.append(bars)
        self._tooltips(series, categories)
        chart.addSeries(series)
        axis = self._sparse_axis(categories)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        values = self._value_axis(highest, value_title, whole=scale == 1)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        chart.legend().setVisible(len(sets) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def show_lines(
        self, categories: list[str], lines: Lines, value_title: str = "", *, scale: float = 1
    ) -> None:
        """Lines over the categories (months, weeks), at most about ten labels on the axis."""
        chart = self._reset(lambda: self.show_lines(categories, lines, value_title, scale=scale))
        highest = 0.0
        series_list = []
        for number, (name, values) in enumerate(lines):
            series = QLineSeries()
            series.setName(name)
            pen = QPen(QColor(COLORS[number % len(COLORS)]))
            pen.setWidthF(2)
            series.setPen(pen)
            series.setColor(pen.color())
            series.setPointsVisible(len(values) <= 26)
            for index, value in enumerate(values):
                series.append(index, value / scale)
                highest = max(highest, value / scale)
            chart.addSeries(series)
            series_list.append(series)
        axis = self._sparse_axis(categories)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        values = self._value_axis(highest, value_title, whole=scale == 1)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in series_list:
            series.attachAxis(axis)
            series.attachAxis(values)
        chart.legend().setVisible(len(lines) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def _tooltips(self, series: QAbstractBarSeries, categories: list[str]) -> None:
        def hovered(state: bool, index: int, bars: QBarSet) -> None:
            if state and 0 <= index < len(categories):
                value = bars.at(index)
                shown = fmt.integer(int(value)) if value == int(value) else fmt.number(value, 2)
                QToolTip.showText(QCursor.pos(), f"{categories[index]} · {bars.label()}: {shown}")
            else:
                QToolTip.hideText()

        series.hovered.connect(hovered)
