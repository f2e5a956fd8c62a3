"""Horizontal bars of how many customers are at each relationship level, each clickable.

Plain painted buttons (no charts module): a name, a bar in proportion to the largest
count, and the count. Click, Space or Enter on a bar emits `levelClicked(level)`, with
0 for the customers whose level is not set.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QStyle, QStyleOptionFocusRect, QVBoxLayout, QWidget

NOT_SET = 0  # the "level" of customers without one
# One hue per level, from cool (basic) to warm (partnership); grey for not set.
BAR_COLORS = {
    NOT_SET: "#616161",
    1: "#90a4ae",
    2: "#4fc3f7",
    3: "#4db6ac",
    4: "#ffb74d",
    5: "#e57373",
}


class LevelBar(QAbstractButton):
    """One bar: the level's name, a bar sized count / maximum, and the count."""

    def __init__(self, level: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.count = 0
        self.maximum = 0
        self.label_width = 80
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repaint the hover shade
        self.setObjectName(f"levelBar{level}")

    def set_values(self, name: str, count: int, maximum: int) -> None:
        self.setText(name)
        self.count = count
        self.maximum = maximum
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        height = self.fontMetrics().height() + 10
        return QSize(self.label_width + 160, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.label_width + 60, self.fontMetrics().height() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = self.rect()
        if self.underMouse() or self.isDown():
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        metrics = self.fontMetrics()
        count_text = f"{self.count:,}"
        count_width = max(metrics.horizontalAdvance(count_text), metrics.horizontalAdvance("000"))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = rect.adjusted(4, 0, 0, 0)
        text_rect.setWidth(self.label_width - 8)
        name = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, text_rect.width())
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, left, name)
        track_width = max(rect.width() - self.label_width - count_width - 12, 10)
        track = QRectF(self.label_width, 4, track_width, rect.height() - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(track, 3, 3)
        if self.maximum > 0 and self.count > 0:
            filled = QRectF(track)
            filled.setWidth(max(track.width() * self.count / self.maximum, 3))
            painter.setBrush(QColor(BAR_COLORS.get(self.level, "#90a4ae")))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        count_rect = rect.adjusted(0, 0, -4, 0)
        painter.drawText(
            count_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count_text
        )
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = rect.adjusted(1, 1, -1, -1)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
        painter.end()


class LevelDistribution(QWidget):
    """Bars for levels 1–5 and "not set"; `levelClicked(level)` (0 = not set)."""

    levelClicked = Signal(int)  # noqa: N815 - Qt naming

    def __init__(self, levels: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelDistribution")
        self.bars: dict[int, LevelBar] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for level in [*levels, NOT_SET]:
            bar = LevelBar(level, self)
            bar.clicked.connect(lambda _checked=False, n=level: self.levelClicked.emit(n))
            self.bars[level] = bar
            layout.addWidget(bar)

    def set_distribution(
        self, counts: dict[int, int], names: dict[int, str], accessible: str
    ) -> None:
        """Show `counts` per level (key 0 = not set); `accessible` is "%1: %2 customers"."""
        maximum = max(counts.values(), default=0)
        metrics = self.fontMetrics()
        width = max((metrics.horizontalAdvance(n) for n in names.values()), default=60) + 16
        for level, bar in self.bars.items():
            count = counts.get(level, 0)
            bar.label_width = width
            bar.set_values(names.get(level, str(level)), count, maximum)
            bar.setAccessibleName(accessible.replace("%1", bar.text()).replace("%2", str(count)))
            bar.updateGeometry()
