"""Envelopes: one per customer, addressed the way the post of their country reads it.

Sizes DL (220 × 110 mm, also China's No. 5 envelope), C5 (229 × 162 mm) and US #10
(9½ × 4⅛ in), fed landscape. A Chinese address puts the postcode in the top-left
corner (where the envelope's boxes are), the address below it, the addressee large in
the middle and our return address at the bottom right; other addresses put our return
address at the top left and the addressee's block right of centre, as a window or a
post office machine expects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter

from desktop_crm.reports import data, fonts, texts
from desktop_crm.reports.data import Cancelled, Progress, Recipient
from desktop_crm.reports.document import MM, Page, PageSetup, ReportDocument, begin
from desktop_crm.reports.errors import ReportError
from desktop_crm.reports.labels import address_lines, addressee, writes_chinese
from desktop_crm.reports.texts import phrase

ENVELOPES = ("dl", "c5", "10")
POSTCODE_BOXES_MM = (20.0, 10.0, 8.0, 2.0)  # left, top, box width, gap (China Post)


@dataclass(frozen=True)
class Envelope:
    chinese: bool
    postcode: str | None
    lines: list[str]  # the address block (without the postcode when Chinese)
    name: str  # the addressee, printed large on a Chinese envelope


class EnvelopeDocument(ReportDocument):
    """One envelope per page, landscape."""

    def __init__(self, envelopes: Sequence[Envelope], size: str, sender: list[str]) -> None:
        if size not in ENVELOPES:
            raise ReportError(f"unknown envelope size {size!r}; choose from {', '.join(ENVELOPES)}")
        self.envelopes = list(envelopes)
        self.sender = [line for line in sender if line]
        self.title = phrase("envelopes")
        self.setup = PageSetup(paper=size, landscape=True, margins=(0, 0, 0, 0))
        self.language = texts.language()

    def page_count(self) -> int:
        return len(self.envelopes)

    def printed_text(self) -> str:
        return "\n".join(
            ["\n".join(self.sender)]
            + ["\n".join([e.postcode or "", *e.lines, e.name]) for e in self.envelopes]
        )

    def _font(self, size: float, bold: bool = False) -> object:
        return fonts.report_font(size, bold=bold, language=self.language)

    def render(self, device: QPagedPaintDevice) -> None:
        page = Page(device)
        painter = QPainter()
        begin(painter, device)
        try:
            for number, envelope in enumerate(self.envelopes):
                if number:
                    device.newPage()
                painter.setPen(QColor("#000000"))
                if envelope.chinese:
                    self._chinese(painter, page, envelope)
                else:
                    self._western(painter, page, envelope)
        finally:
            painter.end()

    def _lines(
        self,
        painter: QPainter,
        page: Page,
        lines: list[str],
        x: float,
        y: float,
        size: float,
        width: float,
        *,
        align_right: bool = False,
    ) -> float:
        """Draw `lines` from top `y` (points); returns the y below them."""
        font = self._font(size)
        metrics = page.metrics(font)
        painter.setFont(font)
        baseline = y + metrics.ascent()
        for line in lines:
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            left = x + width - metrics.horizontalAdvance(shown) if align_right else x
            painter.drawText(page.point(left, baseline), shown)
            baseline += metrics.lineSpacing()
        return baseline - metrics.ascent()

    def _chinese(self, painter: QPainter, page: Page, e: Envelope) -> None:
        width, height = page.paper.width(), page.paper.height()
        if e.postcode:
            left, top, box, gap = (v * MM for v in POSTCODE_BOXES_MM)
            font = self._font(15)
            metrics = page.metrics(font)
            painter.setFont(font)
            for i, digit in enumerate(e.postcode[:6]):
                x = left + i * (box + gap) + (box - metrics.horizontalAdvance(digit)) / 2
                painter.drawText(page.point(x, top + 7.5 * MM), digit)
        y = 28 * MM
        y = self._lines(painter, page, e.lines, 25 * MM, y, 12, width - 50 * MM)
        name_font = self._font(20, bold=True)
        metrics = page.metrics(name_font)
        painter.setFont(name_font)
        name = f"{e.name}{phrase('to_suffix') if texts.is_chinese() else ''}"
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 60 * MM)
        baseline = max(y + metrics.ascent() + 4 * MM, height * 0.58)
        painter.drawText(
            page.point((width - metrics.horizontalAdvance(shown)) / 2, baseline), shown
        )
        if self.sender:
            block = len(self.sender) * page.metrics(self._font(9)).lineSpacing()
            self._lines(
                painter,
                page,
                self.sender,
                width * 0.45,
                height - 10 * MM - block,
                9,
                width * 0.55 - 15 * MM,
                align_right=True,
            )

    def _western(self, painter: QPainter, page: Page, e: Envelope) -> None:
        width, height = page.paper.width(), page.paper.height()
        if self.sender:
            self._lines(painter, page, self.sender, 12 * MM, 12 * MM, 9, width * 0.45)
        self._lines(painter, page, e.lines, width * 0.42, height * 0.45, 11, width * 0.58 - 12 * MM)


def envelope_for(recipient: Recipient) -> Envelope:
    """What goes on one customer's envelope."""
    lines = address_lines(recipient)
    if not writes_chinese(recipient):
        return Envelope(False, None, lines, addressee(recipient))
    postcode = recipient.address.postcode if recipient.address else None
    if postcode and lines and lines[0] == postcode:
        lines = lines[1:]
    return Envelope(True, postcode, lines[:-1], addressee(recipient))


def build_envelopes(
    ids: Sequence[int], *, size: str = "dl", progress: Progress = None, cancelled: Cancelled = None
) -> EnvelopeDocument:
    """An envelope for each of these customers; our return address from the settings."""
    if not ids:
        raise ReportError(phrase("no_recipients"))
    people = data.recipients(ids, progress=progress, cancelled=cancelled)
    ours = data.company()
    sender = [ours.name, *((ours.address or "").splitlines())]
    return EnvelopeDocument([envelope_for(p) for p in people], size, sender)
