"""Printable documents: pages painted on a PDF writer or a printer, with header and footer.

A `ReportDocument` is built once (off the UI thread: `build_*` functions lay it out) and
can then be painted any number of times: into a PDF (`write_pdf`), a print preview or a
printer (`render_to_printer`). Text reports are HTML in a `QTextDocument`, laid out at
`LAYOUT_DPI` against a PDF device so that what is measured is what is printed; painted on
a device of another resolution (a printer) they are scaled, as Qt's own printing does.
Every page gets the letterhead (company name and logo, the report's title, the print
date) above and "page X of Y" below; only QtGui is used, so the command line prints
without a screen.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QThread,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from desktop_crm.reports import data, fonts, markup, pagination, pdf_text, texts
from desktop_crm.reports.errors import ReportError

LAYOUT_DPI = 300
MM = 72 / 25.4  # points per millimetre

PAPERS: dict[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
    "dl": QPageSize.PageSizeId.EnvelopeDL,
    "c5": QPageSize.PageSizeId.EnvelopeC5,
    "10": QPageSize.PageSizeId.Envelope10,
}


@dataclass(frozen=True)
class PageSetup:
    """Paper and orientation a document asks for; margins in millimetres."""

    paper: str = "a4"
    landscape: bool = False
    margins: tuple[float, float, float, float] = (24.0, 16.0, 18.0, 16.0)  # top right bottom left

    def page_size(self) -> QPageSize:
        if self.paper not in PAPERS:
            raise ReportError(f"unknown paper {self.paper!r}; choose from {', '.join(PAPERS)}")
        return QPageSize(PAPERS[self.paper])

    def body_width(self) -> float:
        """The width of the text area in points."""
        size = self.page_size().size(QPageSize.Unit.Point)
        width = size.height() if self.landscape else size.width()
        return width - (self.margins[1] + self.margins[3]) * MM

    def page_layout(self) -> QPageLayout:
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(
            self.page_size(), orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
        )


@dataclass(frozen=True)
class Letterhead:
    """What the running header and footer show."""

    company: str = ""
    logo: QImage | None = None
    title: str = ""
    printed: date = field(default_factory=date.today)
    footer_note: str = ""
    show_title: bool = True  # report title and print date on the right of the header
    page_numbers: bool = True


class ReportDocument:
    """Something with pages that can be painted on a PDF writer or a printer."""

    title: str = ""
    setup: PageSetup = PageSetup()

    def page_layout(self) -> QPageLayout:
        """The paper and orientation this document asks for (no margins: full page)."""
        return self.setup.page_layout()

    def page_count(self) -> int:
        raise NotImplementedError

    def render(self, device: QPagedPaintDevice) -> None:
        """Paint every page on `device`, using the device's own paper and orientation."""
        raise NotImplementedError

    def font_families(self) -> list[str]:
        return fonts.families()

    def printed_text(self) -> str:
        """Text printed (to pick characters in the PDF's text maps); may be a sample."""
        return ""

    def hand_to_main_thread(self) -> None:
        """Built on a worker thread but to be painted on the UI thread (a print preview):
        give the Qt objects to the UI thread. A PDF written on the worker keeps them."""


# --------------------------------------------------------------------- page geometry


class Page:
    """Page coordinates on one device: the paper in points, drawn in device pixels.

    `x(points)` and `y(points)` give where a point measured from the paper's top-left
    corner lands in the painter's coordinates; fonts keep their point sizes because the
    painter is never scaled for them.
    """

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        layout = device.pageLayout()
        self.paper = layout.fullRect(QPageLayout.Unit.Point).size()  # points
        self.sx = device.logicalDpiX() / 72.0
        self.sy = device.logicalDpiY() / 72.0
        full_page = getattr(device, "fullPage", None)
        if callable(full_page) and full_page():
            self.origin = QPointF(0, 0)
        else:  # the origin is the printable area's corner
            paint = layout.paintRect(QPageLayout.Unit.Point)
            self.origin = QPointF(paint.left(), paint.top())

    def x(self, points: float) -> float:
        return (points - self.origin.x()) * self.sx

    def y(self, points: float) -> float:
        return (points - self.origin.y()) * self.sy

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.x(x), self.y(y))

    def rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        return QRectF(self.x(x), self.y(y), width * self.sx, height * self.sy)

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics in points."""
        return _PointMetrics(QFontMetricsF(font, self.device), self.sx, self.sy)


class _PointMetrics:
    """`QFontMetricsF` on a device, answering in points."""

    def __init__(self, metrics: QFontMetricsF, sx: float, sy: float) -> None:
        self._m, self._sx, self._sy = metrics, sx, sy

    def horizontalAdvance(self, text: str) -> float:  # noqa: N802 - mirrors Qt
        return self._m.horizontalAdvance(text) / self._sx

    def ascent(self) -> float:
        return self._m.ascent() / self._sy

    def descent(self) -> float:
        return self._m.descent() / self._sy

    def height(self) -> float:
        return self._m.height() / self._sy

    def lineSpacing(self) -> float:  # noqa: N802 - mirrors Qt
        return self._m.lineSpacing() / self._sy

    def elidedText(self, text: str, mode: Qt.TextElideMode, width: float) -> str:  # noqa: N802
        return self._m.elidedText(text, mode, width * self._sx)


def begin(painter: QPainter, device: QPagedPaintDevice) -> None:
    if not painter.begin(device):
        raise ReportError(
            texts.phrase(
                "cannot_write", path=type(device).__name__, reason="the device cannot be painted on"
            )
        )


# ------------------------------------------------------------------------ text reports


class TextReport(ReportDocument):
    """A report written in HTML, paginated by Qt, with a letterhead on every page."""

    def __init__(
        self,
        title: str,
        body_html: str,
        letterhead: Letterhead,
        setup: PageSetup | None = None,
        *,
        font_pt: float = 9.5,
    ) -> None:
        self.title = title
        self.font_pt = font_pt
        self.body_html = body_html
        self.letterhead = letterhead
        self.setup = setup or PageSetup()
        self.language = texts.language()
        self._families = fonts.families(self.language)
        self._style = markup.style_sheet()
        self._buffer: QBuffer | None = None
        self._device: QPdfWriter | None = None
        self._document: QTextDocument | None = None
        self._laid_out_for: tuple[int, int] | None = None

    # -- layout

    def _body_size(self, paper: QSizeF) -> QSizeF:
        """The text area in points: the paper less the margins."""
        top, right, bottom, left = (m * MM for m in self.setup.margins)
        return QSizeF(paper.width() - left - right, paper.height() - top - bottom)

    def prepare(self, paper: QSizeF | None = None) -> QTextDocument:
        """Lay the document out for `paper` (points; default: its own page setup)."""
        if paper is None:
            paper = self.page_layout().fullRect(QPageLayout.Unit.Point).size()
        key = (round(paper.width()), round(paper.height()))
        if self._document is not None and self._laid_out_for == key:
            return self._document
        if self._device is None:
            # A PDF device to measure text against; nothing is ever written to it.
            self._buffer = QBuffer()
            self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            self._device = QPdfWriter(self._buffer)
            self._device.setResolution(LAYOUT_DPI)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self._device)
        document.setDefaultFont(fonts.report_font(self.font_pt, language=self.language))
        document.setDefaultStyleSheet(self._style)
        document.setDocumentMargin(0)
        body = self._body_size(paper)
        document.setPageSize(
            QSizeF(body.width() * LAYOUT_DPI / 72, body.height() * LAYOUT_DPI / 72)
        )
        document.setHtml(f"<html><body>{self.body_html}</body></html>")
        document.pageCount()  # lay it out now, on the calling (worker) thread
        pagination.keep_rows_together(document)  # no table row cut by a page break
        self._document, self._laid_out_for = document, key
        return document

    def hand_to_main_thread(self) -> None:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is app.thread():
            return
        for obj in (self._document, self._device, self._buffer):
            if obj is not None:
                obj.moveToThread(app.thread())

    def page_count(self) -> int:
        return self.prepare().pageCount()

    def plain_text(self) -> str:
        return self.prepare().toPlainText()

    def printed_text(self) -> str:
        lh = self.letterhead
        return " ".join(
            (
                self.plain_text(),
                lh.company,
                lh.title,
                lh.footer_note,
                texts.phrase("page_of", page=0, pages=0),
                texts.phrase("printed_on", date=""),
            )
        )

    def font_families(self) -> list[str]:
        return self._families

    # -- painting

    def render(self, device: QPagedPaintDevice) -> None:
        page = Page(device)
        document = self.prepare(page.paper)
        pages = document.pageCount()
        top, _right, _bottom, left = (m * MM for m in self.setup.margins)
        body = self._body_size(page.paper)
        page_height = document.pageSize().height()
        to_device = page.sx * 72 / LAYOUT_DPI, page.sy * 72 / LAYOUT_DPI
        painter = QPainter()
        begin(painter, device)
        try:
            for index in range(pages):
                if index:
                    device.newPage()
                self._paint_letterhead(painter, page, index + 1, pages)
                painter.save()
                painter.translate(page.point(left, top))
                painter.scale(*to_device)
                painter.translate(0, -index * page_height)
                document.drawContents(
                    painter,
                    QRectF(0, index * page_height, body.width() * LAYOUT_DPI / 72, page_height),
                )
                painter.restore()
        finally:
            painter.end()

    def _paint_letterhead(self, painter: QPainter, page: Page, number: int, pages: int) -> None:
        lh = self.letterhead
        top, right, bottom, left = (m * MM for m in self.setup.margins)
        width = page.paper.width() - left - right
        rule_y = top - 4 * MM
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = left
        if lh.logo is not None and not lh.logo.isNull():
            height = 10 * MM
            logo_width = min(height * lh.logo.width() / max(1, lh.logo.height()), 45 * MM)
            painter.drawImage(
                page.rect(left, rule_y - 1.5 * MM - height, logo_width, height), lh.logo
            )
            x += logo_width + 3 * MM
        baseline = rule_y - 2.2 * MM
        if lh.company:
            company_font = fonts.report_font(11, bold=True, language=self.language)
            painter.setFont(company_font)
            painter.setPen(QColor(markup.ACCENT))
            room = left + width - x - (70 * MM if lh.show_title else 0)
            painter.drawText(
                page.point(x, baseline),
                page.metrics(company_font).elidedText(
                    lh.company, Qt.TextElideMode.ElideRight, room
                ),
            )
        small = fonts.report_font(8, language=self.language)
        small_metrics = page.metrics(small)
        painter.setFont(small)
        if lh.show_title:
            painter.setPen(QColor(markup.MUTED))
            lines = [lh.title, texts.phrase("printed_on", date=texts.long_date(lh.printed))]
            y = baseline - small_metrics.lineSpacing() * (len(lines) - 1)
            for line in lines:
                painter.drawText(
                    page.point(left + width - small_metrics.horizontalAdvance(line), y), line
                )
                y += small_metrics.lineSpacing()
        painter.setPen(QPen(QColor(markup.ACCENT), 0.8 * page.sy))
        painter.drawLine(page.point(left, rule_y), page.point(left + width, rule_y))

        footer_y = page.paper.height() - bottom + 7 * MM
        if lh.page_numbers or lh.footer_note:
            line_y = footer_y - small_metrics.ascent() - 1.8 * MM
            painter.setPen(QPen(QColor(markup.RULE), 0.6 * page.sy))
            painter.drawLine(page.point(left, line_y), page.point(left + width, line_y))
        painter.setPen(QColor(markup.MUTED))
        if lh.footer_note:
            painter.drawText(
                page.point(left, footer_y),
                small_metrics.elidedText(lh.footer_note, Qt.TextElideMode.ElideRight, width * 0.65),
            )
        if lh.page_numbers:
            text = texts.phrase("page_of", page=number, pages=pages)
            painter.drawText(
                page.point(left + width - small_metrics.horizontalAdvance(text), footer_y), text
            )
        painter.restore()


# ---------------------------------------------------------------------------- output


def check_pdf_path(path: str | os.PathLike[str]) -> Path:
    """Refuse, with the reason, a path no PDF can be written to — before any work."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise ReportError(texts.phrase("not_pdf", path=target))
    if target.is_dir():
        raise ReportError(texts.phrase("is_folder", path=target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(texts.phrase("no_folder", path=target, folder=folder))
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ReportError(texts.phrase("cannot_write", path=target, reason=_denied()))
    return target


def _denied() -> str:
    return os.strerror(13)  # "Permission denied", in the system's words


def pdf_bytes(document: ReportDocument) -> bytes:
    """The document as a PDF file's bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(document.page_layout())
    writer.setTitle(document.title)
    writer.setCreator("Desktop CRM")
    document.render(writer)
    del writer  # finishes the file
    data = bytes(buffer.data())
    buffer.close()
    table = pdf_text.replacements(document.font_families(), document.printed_text())
    return pdf_text.fix_text_maps(data, table)


def write_pdf(document: ReportDocument, path: str | os.PathLike[str]) -> Path:
    """Write the document to `path` as PDF; the file appears whole or not at all."""
    target = check_pdf_path(path)
    data = pdf_bytes(document)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ReportError(
            texts.phrase("cannot_write", path=target, reason=exc.strerror or exc)
        ) from exc
    return target


def render_to_printer(document: ReportDocument, printer: QPagedPaintDevice) -> None:
    """Print (or preview) the document on a `QPrinter`, on the paper the printer has.

    The printer is put in full-page mode: the report keeps its own margins. A printer
    writing a PDF file gets the same text-map fix as `write_pdf`.
    """
    set_full_page = getattr(printer, "setFullPage", None)
    if callable(set_full_page):
        set_full_page(True)
    document.render(printer)
    output = getattr(printer, "outputFileName", lambda: "")()
    if output and Path(output).suffix.lower() == ".pdf" and Path(output).is_file():
        data = Path(output).read_bytes()
        table = pdf_text.replacements(document.font_families(), document.printed_text())
        Path(output).write_bytes(pdf_text.fix_text_maps(data, table))


def letterhead(
    title: str,
    footer_note: str = "",
    *,
    show_title: bool = True,
    page_numbers: bool = True,
    printed: date | None = None,
) -> Letterhead:
    """The letterhead of a report: our company's name and logo from the settings."""
    ours = data.company()
    logo = None
    if ours.logo_path:
        image = QImage(ours.logo_path)
        logo = None if image.isNull() else image
    return Letterhead(
        company=ours.name,
        logo=logo,
        title=title,
        printed=printed or date.today(),
        footer_note=footer_note,
        show_title=show_title,
        page_numbers=page_numbers,
    )
