"""Address labels on label sheets, and how an address is written on a letter.

A sheet is a grid of labels at a fixed pitch from the paper's corner; presets cover the
common A4 and US Letter sheets and every measure can be changed to match the sheet in
the drawer (the numbers are printed on its packet). Each label is painted at its exact
place, so what comes out lines up with the die-cut labels.

Addresses are written the way the post of their country reads them: a Chinese address
from the postcode down to the person (…收), others from the person down to the town.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageSize, QPainter

from desktop_crm.reports import data, fonts, texts
from desktop_crm.reports.data import Cancelled, Progress, Recipient
from desktop_crm.reports.document import (
    MM,
    Page,
    PageSetup,
    ReportDocument,
    begin,
)
from desktop_crm.reports.errors import ReportError
from desktop_crm.reports.texts import phrase

INCH = 25.4  # millimetres


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of labels; every measure in millimetres from the paper's top-left corner."""

    name: str
    paper: str  # a key of document.PAPERS
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # to the first label's left edge
    top: float  # to the first label's top edge
    h_pitch: float  # from one label's left edge to the next one's
    v_pitch: float  # from one label's top edge to the one below
    padding: float = 4.0  # between a label's edge and its text

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def position(self, index: int) -> tuple[int, float, float]:
        """The page (0-based) and top-left corner (mm) of label number `index`."""
        page, slot = divmod(index, self.per_page)
        row, column = divmod(slot, self.columns)
        return page, self.left + column * self.h_pitch, self.top + row * self.v_pitch

    def check(self) -> LabelSheet:
        """The sheet, if its labels are on the paper; `ReportError` says what is off."""
        size = PageSetup(paper=self.paper).page_size().size(QPageSize.Unit.Millimeter)
        right = self.left + (self.columns - 1) * self.h_pitch + self.label_width
        bottom = self.top + (self.rows - 1) * self.v_pitch + self.label_height
        problems = []
        if min(self.columns, self.rows) < 1 or min(self.label_width, self.label_height) <= 0:
            problems.append("no labels")
        if self.h_pitch < self.label_width or self.v_pitch < self.label_height:
            problems.append("the pitch is smaller than a label")
        if self.left < 0 or self.top < 0:
            problems.append("a margin is negative")
        if right > size.width() + 0.5 or bottom > size.height() + 0.5:
            problems.append(
                f"{right:.1f} × {bottom:.1f} mm on {size.width():.0f} × "
                f"{size.height():.0f} mm paper"
            )
        if 2 * self.padding >= min(self.label_width, self.label_height):
            problems.append("the padding leaves no room for text")
        if problems:
            raise ReportError(phrase("bad_sheet", reason="; ".join(problems)))
        return self


SHEETS: dict[str, LabelSheet] = {
    s.name: s
    for s in (
        # 3 × 8 on A4, 70 × 36 mm, no gaps (Avery 3475 / Herma 4453 and many store brands)
        LabelSheet("a4-3x8", "a4", 3, 8, 70.0, 36.0, 0.0, 4.5, 70.0, 36.0, padding=5.0),
        # 2 × 7 on Letter, 4 × 1⅓ in (Avery 5162 / 8162)
        LabelSheet(
            "letter-2x7",
            "letter",
            2,
            7,
            4 * INCH,
            4 / 3 * INCH,
            0.156 * INCH,
            0.833 * INCH,
            4.188 * INCH,
            4 / 3 * INCH,
            padding=4.0,
        ),
        # 3 × 10 on Letter, 2⅝ × 1 in (Avery 5160 / 8160)
        LabelSheet(
            "letter-3x10",
            "letter",
            3,
            10,
            2.625 * INCH,
            1.0 * INCH,
            0.188 * INCH,
            0.5 * INCH,
            2.75 * INCH,
            1.0 * INCH,
            padding=2.5,
        ),
    )
}


def sheet(name: str, **changes: float) -> LabelSheet:
    """A preset by name with any measures changed (`top=10, h_pitch=72` …), checked."""
    if name not in SHEETS:
        raise ReportError(phrase("unknown_sheet", value=name, choices=", ".join(SHEETS)))
    return replace(SHEETS[name], **changes).check()


# ----------------------------------------------------------------------- addresses

_HAN = re.compile(r"[\u3400-\u9fff]")
HONORIFICS = {"male": "先生", "female": "女士"}


def writes_chinese(recipient: Recipient) -> bool:
    """Whether the address is written the Chinese way (in Hanzi, or in China)."""
    if recipient.address is None:
        return bool(_HAN.search(recipient.name))
    return texts.is_chinese_address(recipient.address)


def addressee(recipient: Recipient) -> str:
    """Who the mail is for, with the polite form: "王建国 先生", "罗丽 采购经理"."""
    if recipient.contact:
        if not writes_chinese(recipient):
            return recipient.contact
        return f"{recipient.contact} {recipient.title or ''}".strip()
    if recipient.kind == "individual" and writes_chinese(recipient):
        honorific = HONORIFICS.get(recipient.gender or "", "")
        return f"{recipient.name} {honorific}".strip()
    return recipient.name


def address_lines(recipient: Recipient) -> list[str]:
    """The lines of the address block, in the order the post reads them."""
    a = recipient.address
    company = recipient.company if recipient.company and recipient.contact else None
    if recipient.kind == "individual" and recipient.company:
        company = None  # an individual's employer does not go on their home mail
    if writes_chinese(recipient):
        lines = []
        if a is not None:
            if a.postcode:
                lines.append(a.postcode)
            place = "".join(p for p in (a.province, a.city, a.district) if p)
            if place or a.street:
                lines.append(f"{place}{a.street or ''}")
            if a.country and a.country.strip().lower() not in ("中国", "china", "cn"):
                lines.append(a.country)
        if company:
            lines.append(company)
        lines.append(f"{addressee(recipient)}{phrase('to_suffix') if texts.is_chinese() else ''}")
        return [line for line in lines if line]
    lines = [addressee(recipient)]
    if company:
        lines.append(company)
    if a is not None:
        if a.street:
            lines.extend(part.strip() for part in a.street.split("\n") if part.strip())
        town = ", ".join(p for p in (a.city, a.province) if p)
        if a.postcode:
            town = f"{town} {a.postcode}".strip()
        if a.district and not a.city:
            town = f"{a.district}, {town}".strip(", ")
        if town:
            lines.append(town)
        if a.country:
            lines.append(a.country.upper() if not _HAN.search(a.country) else a.country)
    return [line for line in lines if line]


def one_line_address(recipient: Recipient) -> str:
    """The address on one line, for a sentence: "北京市朝阳区建国路88号", "1 Main St, Boston"."""
    return texts.address_line(recipient.address) if recipient.address else ""


# --------------------------------------------------------------------------- sheets


def _joined(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def wrap(line: str, metrics: object, width: float) -> list[str]:
    """`line` broken into pieces no wider than `width`: between words, or between Hanzi."""
    if metrics.horizontalAdvance(line) <= width:
        return [line]
    pieces: list[str] = []
    rest = line
    while rest and metrics.horizontalAdvance(rest) > width:
        cut = len(rest)
        while cut > 1 and metrics.horizontalAdvance(rest[:cut]) > width:
            cut -= 1
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0 and not _HAN.search(rest[space - 1 : cut + 1]):
            cut = space  # break Latin text between words
        else:
            keep = cut
            while cut > 1 and _joined(rest[cut - 1], rest[cut]):
                cut -= 1  # not inside a number or a Latin word ("30|1室")
            if cut <= 1:
                cut = keep
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


class LabelDocument(ReportDocument):
    """Address labels, painted at their place on the sheet."""

    MAX_POINTS = 10.0
    MIN_POINTS = 6.5

    def __init__(
        self,
        labels: Sequence[list[str]],
        label_sheet: LabelSheet,
        *,
        start: int = 0,
        title: str | None = None,
    ) -> None:
        self.labels = list(labels)
        self.sheet = label_sheet
        self.start = max(0, start)  # labels already used on the first sheet
        self.title = title or phrase("labels")
        self.setup = PageSetup(paper=label_sheet.paper, margins=(0, 0, 0, 0))
        self.language = texts.language()

    def page_count(self) -> int:
        if not self.labels:
            return 0
        return (self.start + len(self.labels) - 1) // self.sheet.per_page + 1

    def printed_text(self) -> str:
        return "\n".join("\n".join(lines) for lines in self.labels)

    def fit(self, page: Page, lines: list[str]) -> tuple[float, list[str]]:
        """The largest size from `MAX_POINTS` down at which the lines fit the label,
        long lines wrapped, and the lines as printed at that size."""
        s = self.sheet
        height = (s.label_height - 2 * s.padding) * MM
        width = (s.label_width - 2 * s.padding) * MM
        size = self.MAX_POINTS
        while True:
            metrics = page.metrics(fonts.report_font(size, language=self.language))
            wrapped = [part for line in lines for part in wrap(line, metrics, width)]
            if metrics.lineSpacing() * len(wrapped) <= height or size <= self.MIN_POINTS:
                return size, wrapped
            size -= 0.5

    def render(self, device: QPagedPaintDevice) -> None:
        page = Page(device)
        painter = QPainter()
        begin(painter, device)
        s = self.sheet
        try:
            current = 0
            for number, lines in enumerate(self.labels):
                index = self.start + number
                sheet_no, left, top = s.position(index)
                if sheet_no != current:
                    device.newPage()
                    current = sheet_no
                size, lines = self.fit(page, lines)
                font = fonts.report_font(size, language=self.language)
                metrics = page.metrics(font)
                painter.setFont(font)
                painter.setPen(QColor("#000000"))
                width = (s.label_width - 2 * s.padding) * MM
                x = (left + s.padding) * MM
                baseline = (top + s.padding) * MM + metrics.ascent()
                bottom = (top + s.label_height - s.padding) * MM
                for line in lines:
                    if baseline + metrics.descent() > bottom + 0.5:
                        break  # never print onto the next label
                    shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                    painter.drawText(page.point(x, baseline), shown)
                    baseline += metrics.lineSpacing()
        finally:
            painter.end()


def build_labels(
    ids: Sequence[int],
    *,
    label_sheet: LabelSheet | None = None,
    start: int = 0,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> LabelDocument:
    """Address labels for these customers (in this order) on `label_sheet` (default A4 3×8).

    `start` skips that many labels of the first sheet (a sheet already partly used).
    Customers without an address still get a label with their name.
    """
    chosen = (label_sheet or SHEETS["a4-3x8"]).check()
    if not ids:
        raise ReportError(phrase("no_recipients"))
    if not 0 <= start < chosen.per_page:
        raise ReportError(phrase("bad_sheet", reason=f"--start must be 0 to {chosen.per_page - 1}"))
    people = data.recipients(ids, progress=progress, cancelled=cancelled)
    return LabelDocument([address_lines(p) for p in people], chosen, start=start)
