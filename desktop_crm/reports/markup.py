"""The HTML that text reports are written in, and the one style sheet they share.

Qt's rich text understands a subset of HTML 4 and CSS 2.1; what is used here is what it
prints well: tables with per-cell borders (`border-collapse`), header rows that repeat on
every page (`<thead>`), padding, colours and page breaks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtGui import QFontMetricsF

from desktop_crm.reports import fonts

INK = "#1d232b"
ACCENT = "#1f4e79"
MUTED = "#6b7480"
RULE = "#d5dbe3"
HEAD_BG = "#e9eef4"
BOX_BG = "#fdf7e7"
BOX_RULE = "#e4c77a"
WARN = "#b3261e"
STRIPE = "#f2f5f8"


def style_sheet() -> str:
    """The style sheet of every text report (fonts for the current language).

    Every selector names its element (`span.warn`, not `.warn`) and none looks at
    ancestors: Qt tests each rule without an element name against every node, and a
    10,000-row table has 100,000 of them (the difference was 10 s to 2 s for setHtml).
    """
    family = fonts.css_families()
    return f"""
body {{ font-family: {family}; color: {INK}; }}
p {{ margin-top: 0; margin-bottom: 4px; }}
p.title {{ font-size: 18pt; font-weight: 600; color: {ACCENT}; }}
p.subtitle {{ font-size: 12pt; font-weight: 600; color: {INK}; }}
p.meta {{ color: {MUTED}; font-size: 8.5pt; }}
p.muted {{ color: {MUTED}; }}
p.small {{ color: {MUTED}; font-size: 8pt; }}
p.boxtitle {{ font-size: 11pt; font-weight: 600; color: #7a5a00; }}
span.muted {{ color: {MUTED}; }}
span.small {{ color: {MUTED}; font-size: 8pt; }}
span.warn {{ color: {WARN}; font-weight: 600; }}
span.strong {{ font-weight: 600; }}
table {{ margin-top: 14px; }}
th {{ background-color: {HEAD_BG}; color: {INK}; font-weight: 600; font-size: 8.5pt;
    text-align: left; padding: 3px 5px; border-bottom: 1px solid #9aa8b8; }}
th.num {{ text-align: right; }}
td {{ padding: 3px 5px; border-bottom: 0.6px solid {RULE}; vertical-align: top; }}
td.num {{ text-align: right; }}
td.flat {{ border-bottom: 0; }}
td.flatnum {{ border-bottom: 0; text-align: right; }}
td.total {{ font-weight: 600; border-top: 1px solid #9aa8b8; border-bottom: 0; }}
td.heading {{ font-size: 11.5pt; font-weight: 600; color: {ACCENT}; padding: 0 0 2px 0;
    border-bottom: 1.2px solid {ACCENT}; }}
td.subheading {{ font-size: 9.5pt; font-weight: 600; color: {INK}; padding: 6px 0 3px 0;
    border-bottom: 0; }}
td.label {{ color: {MUTED}; font-size: 8.5pt; padding: 3px 6px 2px 0; border-bottom: 0; }}
td.value {{ padding: 2px 6px 2px 0; border-bottom: 0; }}
td.plain {{ padding: 0; border-bottom: 0; }}
td.box {{ background-color: {BOX_BG}; border: 1px solid {BOX_RULE}; padding: 6px 9px; }}
ul {{ margin-top: 2px; margin-bottom: 2px; }}
li {{ margin-bottom: 1px; }}
"""


class Raw(str):
    """Text that is already HTML: put into a cell as it is."""

    __slots__ = ()


def esc(value: object) -> str:
    """`value` as HTML text: escaped, line breaks kept."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    return html.escape(str(value)).replace("\n", "<br/>")


def span(css_class: str, value: object) -> Raw:
    return Raw(f'<span class="{css_class}">{esc(value)}</span>')


def title_block(title: str, subtitle: str | None = None, meta: str | None = None) -> str:
    """The report's own title at the top of its first page."""
    parts = [f'<p class="title">{esc(title)}</p>']
    if subtitle:
        parts.append(f'<p class="subtitle">{esc(subtitle)}</p>')
    if meta:
        parts.append(f'<p class="meta">{esc(meta)}</p>')
    return "".join(parts)


def _heading(title: str | None, span: int, level: str) -> str:
    if not title:
        return ""
    return f'<tr><td colspan="{span}" class="{level}">{esc(title)}</td></tr>'


def section(title: str, body: str, *, level: str = "heading") -> str:
    """A section: its heading, then `body` (any HTML) below it.

    The heading is the header row of a one-column table, so Qt never leaves it alone at
    the foot of a page and repeats it on the next page when the section runs on.
    """
    if not body:
        return ""
    return (
        f'<table class="block" width="100%" cellspacing="0"><thead>'
        f'{_heading(title, 1, level)}</thead><tr><td class="plain">{body}</td></tr></table>'
    )


def facts(
    pairs: Iterable[tuple[str, object]],
    *,
    columns: int = 2,
    title: str | None = None,
    level: str = "heading",
    follows: bool = False,
) -> str:
    """Label/value pairs, `columns` pairs to a row, under `title`; empty values left out.

    `follows`: the table continues the one above it (no space between them).
    """
    shown = [(label, value) for label, value in pairs if value not in (None, "", [], ())]
    if not shown:
        return ""
    label_width = 16 if columns <= 2 else 13
    value_width = (100 - label_width * columns) // columns
    rows = []
    for start in range(0, len(shown), columns):
        cells = []
        row = shown[start : start + columns]
        for label, value in row:
            cells.append(
                f'<td class="label" width="{label_width}%">{esc(label)}</td>'
                f'<td class="value" width="{value_width}%">{esc(value)}</td>'
            )
        cells.extend(
            '<td class="value"></td><td class="value"></td>' for _ in range(columns - len(row))
        )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = f"<thead>{_heading(title, columns * 2, level)}</thead>" if title else ""
    spacing = ' style="margin-top: 0;"' if follows else ""  # continues the table above
    return (
        f'<table class="facts" width="100%" cellspacing="0"{spacing}>{head}{"".join(rows)}</table>'
    )


@dataclass(frozen=True)
class Column:
    """A table column: its title, share of the width (percent) and alignment.

    `wrap` False: the column's values (codes, phone numbers, dates) should never break,
    so `fit_widths` gives it room for its longest value.
    """

    title: str
    width: float | None = None
    numeric: bool = False
    wrap: bool = True


CELL_PADDING_PT = 7.5 + 1.5  # 5px each side (CSS px are 0.75 pt) and a little slack
MIN_WRAPPING_PT = 40.0
SQUEEZED_PT = 24.0  # the narrowest a wrapping column gets on an overfull page


@dataclass(frozen=True)
class Need:
    """How wide a column would like to be (`width`) and must be (`least`), in points."""

    width: float
    least: float


def column_needs(
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    font_pt: float = 9.5,
    header_pt: float = 8.5,
) -> list[Need]:
    """How wide each column would like to be, and must be, for what the rows hold.

    A column that does not wrap needs its longest value and its title on one line. A
    wrapping one would like its longest value and must fit its longest word (Latin
    words do not break; Chinese breaks between any two characters). Each distinct value
    is measured once, so a long list costs little.
    """
    measure = _Measure(font_pt)
    titles = _Measure(header_pt, bold=True)
    needs: list[Need] = []
    for i, column in enumerate(columns):
        values = _widest_candidates({_plain(row[i]) for row in rows} - {""})
        longest = max((measure(v) for v in values), default=0.0)
        if not column.wrap:
            # 6 % more: a value may be set in bold (totals), which runs wider.
            width = max(longest * 1.06, titles(column.title)) + CELL_PADDING_PT
            needs.append(Need(width, width))
            continue
        words = {w for v in values for w in _BREAKS.split(v) if w}
        least = max(
            [measure(_unbreakable(w)) for w in words]
            + [titles(w) for w in column.title.split()]
            + [MIN_WRAPPING_PT]
        )
        needs.append(Need(max(longest, least) + CELL_PADDING_PT, least + CELL_PADDING_PT))
    return needs


_BREAKS = re.compile(r"\s+|(?<=[-/@])")  # where a line may break (UAX #14, roughly)


MEASURED_PER_COLUMN = 64


def _rough_width(text: str) -> int:
    """Characters, a Hanzi (or any wide character) counting two: a cheap width guess."""
    return len(text) + sum(1 for ch in text if ch >= "\u1100")


def _widest_candidates(values: set[str]) -> list[str]:
    """The values that may be the widest: all of them, or the longest by a rough guess.

    Measuring costs ~20 µs a value; 10,000 names are cut to the few that matter.
    """
    if len(values) <= MEASURED_PER_COLUMN:
        return list(values)
    return sorted(values, key=_rough_width, reverse=True)[:MEASURED_PER_COLUMN]


def _unbreakable(word: str) -> str:
    """The part of `word` that cannot be broken: all of it, or two Hanzi."""
    return word[:2] if any("\u3000" <= ch <= "\u9fff" for ch in word) else word


COMFORTABLE_PT = 100.0  # a wrapping column this wide reads without a break every word


def comfortable_width(needs: Sequence[Need]) -> float:
    """The room (points) the columns read well in: wrapping ones up to `COMFORTABLE_PT`."""
    return sum(min(n.width, max(n.least, COMFORTABLE_PT)) for n in needs)


def fit_widths(columns: Sequence[Column], needs: Sequence[Need], width_pt: float) -> list[Column]:
    """`columns` with widths (percent of `width_pt`) from their `column_needs`.

    Columns that do not wrap get what they need; the others share the rest by what
    they would like, none below what it must have, or spread out evenly when all of
    them fit on one line.
    """
    widths = [n.width for n in needs]
    flexible = [i for i, c in enumerate(columns) if c.wrap]
    fixed = sum(widths[i] for i in range(len(columns)) if i not in flexible)
    room = width_pt - fixed
    wanted = sum(widths[i] for i in flexible)
    least = sum(needs[i].least for i in flexible)
    if flexible and room < least:
        # Too many columns for the page: codes and dates stay whole, the wrapping columns
        # share what is left by their least (words may break); if even that is too
        # little, the percentages below scale the whole table back to the page.
        room = max(room, SQUEEZED_PT * len(flexible))
        for i in flexible:
            widths[i] = room * needs[i].least / least
    elif flexible:
        if wanted <= room:
            spare = (room - wanted) / len(flexible)
            for i in flexible:
                widths[i] += spare
        else:
            _share(needs, flexible, room, widths)
    total = sum(widths)
    return [
        replace(c, width=round(100 * w / total, 2)) for c, w in zip(columns, widths, strict=True)
    ]


def _share(needs: Sequence[Need], flexible: list[int], room: float, widths: list[float]) -> None:
    """Share `room` among the wrapping columns by what they would like, none below least."""
    left = list(flexible)
    while left:
        total = sum(needs[i].width for i in left)
        share = {i: room * needs[i].width / total for i in left}
        short = [i for i in left if share[i] < needs[i].least]
        if not short:
            for i in left:
                widths[i] = share[i]
            return
        for i in short:
            widths[i] = needs[i].least
            room -= needs[i].least
            left.remove(i)


def _plain(value: object) -> str:
    if isinstance(value, Raw):
        lines = re.sub(r"<br\s*/?>", "\n", value)
        return html.unescape(re.sub(r"<[^>]+>", "", lines)).strip()
    return "" if value is None else str(value)


class _Measure:
    """Text widths in points, for a font size, whatever the screen's resolution."""

    UNIT = 1000  # measured with a 1000-pixel font, scaled to points

    def __init__(self, point_size: float, *, bold: bool = False) -> None:
        font = fonts.report_font(point_size, bold=bold)
        font.setPixelSize(self.UNIT)
        self._metrics = QFontMetricsF(font)
        self._scale = point_size / self.UNIT
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self._cache.get(text)
        if width is None:
            lines = text.split("\n")
            width = max(self._metrics.horizontalAdvance(line) for line in lines) * self._scale
            self._cache[text] = width
        return width


def grid(
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    totals: Sequence[object] | str | None = None,
    *,
    title: str | None = None,
    level: str = "heading",
    font_pt: float | None = None,
    striped: bool = False,
) -> str:
    """A data table under `title`; its heading and header row repeat on every page.

    `totals` is a last row in bold: one value per column, or one text across them all.
    `striped` shades every other row instead of ruling each one: for long lists, as
    Qt paints a cell's rule as its own stroke (10,000 rows: 3 s of 7 s).
    """
    # Column titles are 8.5 pt, or the table's size when that is smaller.
    small = f' style="font-size: {font_pt}pt;"' if font_pt and font_pt < 8.5 else ""
    head = "".join(f"<th{_width(c)}{_num(c)}{small}>{esc(c.title)}</th>" for c in columns)
    numeric = [c.numeric for c in columns]
    cell, num = (
        ('<td class="flat">', '<td class="flatnum">') if striped else ("<td>", '<td class="num">')
    )
    body = "".join(
        (f'<tr bgcolor="{STRIPE}">' if striped and n % 2 else "<tr>")
        + "".join(
            f"{num}{esc(v)}</td>" if numeric[i] else f"{cell}{esc(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for n, row in enumerate(rows)
    )
    foot = ""
    if isinstance(totals, str):
        foot = f'<tr><td class="total" colspan="{len(columns)}">{esc(totals)}</td></tr>'
    elif totals is not None:
        foot = (
            "<tr>"
            + "".join(
                f'<td class="total{" num" if numeric[i] else ""}">{esc(v)}</td>'
                for i, v in enumerate(totals)
            )
            + "</tr>"
        )
    size = f' style="font-size: {font_pt}pt;"' if font_pt else ""
    return (
        f'<table class="grid" width="100%" cellspacing="0"{size}><thead>'
        f"{_heading(title, len(columns), level)}<tr>{head}</tr></thead>"
        f"<tbody>{body}{foot}</tbody></table>"
    )


def _width(column: Column) -> str:
    return f' width="{column.width:g}%"' if column.width else ""


def _num(column: Column) -> str:
    return ' class="num"' if column.numeric else ""


def box(title: str, body: str) -> str:
    """A shaded box that stands out from the page (next actions)."""
    return (
        f'<table class="box" width="100%" cellspacing="0"><tr><td class="box">'
        f'<p class="boxtitle">{esc(title)}</p>{body}</td></tr></table>'
    )


def bullet_list(items: Iterable[object]) -> str:
    shown = [f"<li>{esc(item)}</li>" for item in items if item]
    return f"<ul>{''.join(shown)}</ul>" if shown else ""
