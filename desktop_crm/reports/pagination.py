"""Keeping table rows whole across page breaks.

Qt lays a table row out cell by cell and moves each cell's lines to the next page one
line at a time; it drops the whole row to the next page only when *no* cell's first
line fits on the current one. A row whose cells hold two lines, or lines of different
heights (a large tick box beside small text), is therefore cut in two: a name's first
line at the foot of one page, its second line under the repeated header of the next.

The remedy works with Qt's own rule. Each cell of such a row starts with an empty
"keeper" line as tall as the row's tallest cell, and the cell's text is pulled back up
over it by a negative margin, so nothing moves while the row fits. When the row does not
fit, every cell's keeper line goes to the next page at once, which is exactly the
condition on which Qt drops the whole row there.

Rows are measured after a first layout; only when a row at risk is really cut is the
document changed (in one edit block) and laid out again, so a long list of one-line
rows costs one cheap scan of its blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
    QTextTableCell,
)

SAME_HEIGHT = 0.5  # device units: lines this close in height break at the same place
TALLEST_KEPT = 0.6  # rows taller than this share of a page are left to break
SLACK_PT = 1.0  # the keeper line is this much taller than the row's text, to be safe


@dataclass
class _Row:
    """One table row that can be cut by a page break, and how tall its text is."""

    table: QTextTable
    row: int
    height: float  # device units: the tallest cell's text, margins included


def keep_rows_together(document: QTextDocument) -> int:
    """Lay `document` out again if needed so that no table row is cut by a page break.

    The document must have its page size and paint device set and be laid out. Returns
    how many rows were given a keeper line (0: nothing was cut, nothing changed).
    """
    page_height = document.pageSize().height()
    if page_height <= 0:
        return 0
    device = document.documentLayout().paintDevice()
    scale = device.logicalDpiY() / 96.0 if device is not None else 1.0
    at_risk = [
        row
        for table in _tables(document.rootFrame())
        for row in _rows_at_risk(document, table, scale)
        if row.height < page_height * TALLEST_KEPT
    ]
    if not any(_is_cut(document, r, page_height) for r in at_risk):
        return 0
    slack = SLACK_PT * device.logicalDpiY() / 72.0 if device is not None else SLACK_PT
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        # From the end backwards: inserting moves the positions of what follows.
        for row in reversed(at_risk):
            for cell in reversed(_cells(row.table, row.row)):
                _insert_keeper(cursor, cell, row.height + slack, scale)
    finally:
        cursor.endEditBlock()
    document.pageCount()  # lay it out again now, on the calling thread
    return len(at_risk)


def rows_cut_by_page_breaks(document: QTextDocument) -> list[tuple[QTextTable, int]]:
    """The table rows (table, row) whose lines lie on more than one page."""
    page_height = document.pageSize().height()
    if page_height <= 0:
        return []
    device = document.documentLayout().paintDevice()
    scale = device.logicalDpiY() / 96.0 if device is not None else 1.0
    return [
        (row.table, row.row)
        for table in _tables(document.rootFrame())
        for row in _rows_at_risk(document, table, scale)
        if _is_cut(document, row, page_height)
    ]


# --------------------------------------------------------------------------- finding


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _cells(table: QTextTable, row: int) -> list[QTextTableCell]:
    """The cells that start in `row`, left to right (a spanning cell once)."""
    cells = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() == row and cell.column() == column:
            cells.append(cell)
    return cells


def _rows_at_risk(document: QTextDocument, table: QTextTable, scale: float) -> list[_Row]:
    """Body rows a page break could cut: more than one line, or lines of unequal height.

    A row whose cells each hold one line of the same height moves as a whole (every
    cell's line fails to fit at once), which is most rows of a long list; those are
    recognised from the blocks alone, without visiting each cell.
    """
    rows, columns = table.rows(), table.columns()
    first = min(table.format().headerRowCount(), rows)
    if first >= rows:
        return []
    starts: list[int] = []
    simple = True
    for r in range(first, rows):
        cell = table.cellAt(r, 0)
        if cell.row() != r or cell.rowSpan() > 1:
            simple = False
            break
        starts.append(cell.firstPosition())
    if not simple or table.childFrames():
        return [
            risky
            for r in range(first, rows)
            if (risky := _row_from_cells(table, r, scale)) is not None
        ]
    # Walk the table's blocks once, row by row: one line each, of one height, is safe.
    at_risk = []
    starts.append(table.lastPosition() + 1)
    block = document.findBlock(starts[0])
    for offset in range(len(starts) - 1):
        next_row = starts[offset + 1]
        count = 0
        even = True
        low = high = 0.0
        while block.isValid() and block.position() < next_row:
            if even:
                text = block.layout()  # (QTextBlock.lineCount is for plain-text layouts)
                if text.lineCount() != 1:
                    even = False
                else:
                    height = text.lineAt(0).height()
                    if count == 0:
                        low = high = height
                    else:
                        low, high = min(low, height), max(high, height)
            count += 1
            block = block.next()
        if even and count == columns and high - low <= SAME_HEIGHT:
            continue
        risky = _row_from_cells(table, first + offset, scale)
        if risky is not None:
            at_risk.append(risky)
    return at_risk


def _row_from_cells(table: QTextTable, row: int, scale: float) -> _Row | None:
    """The row, measured cell by cell, if a break could cut it (rows holding tables or
    cells spanning rows are left alone: they are meant to run on)."""
    lines = []
    heights = []
    for cell in _cells(table, row):
        if cell.rowSpan() > 1:
            return None
        measured = _cell_text(cell, scale)
        if measured is None:
            return None
        count, height, first_line = measured
        lines.append((count, first_line))
        heights.append(height)
    if not lines:
        return None
    if all(count == 1 for count, _ in lines):
        firsts = [first_line for _, first_line in lines]
        if max(firsts) - min(firsts) <= SAME_HEIGHT:
            return None
    return _Row(table, row, max(heights))


def _cell_text(cell: QTextTableCell, scale: float) -> tuple[int, float, float] | None:
    """Lines, height (device units, as if on one page) and first line's height of a
    cell's text; None when the cell holds a frame (a nested table)."""
    count = 0
    height = 0.0
    first_line = 0.0
    previous: QTextBlockFormat | None = None
    it = cell.begin()
    while not it.atEnd():
        if it.currentFrame() is not None:
            return None
        block = it.currentBlock()
        form = block.blockFormat()
        if previous is not None:
            margin = max(form.topMargin(), previous.bottomMargin())
            height += margin * scale if margin > 0 else margin
        layout = block.layout()
        for i in range(layout.lineCount()):
            line_height = form.lineHeight(layout.lineAt(i).height(), scale)
            if count == 0:
                first_line = line_height
            height += line_height
            count += 1
        previous = form
        it += 1
    return count, height, first_line


def _is_cut(document: QTextDocument, row: _Row, page_height: float) -> bool:
    """Whether the row's lines are on more than one page in the current layout."""
    layout = document.documentLayout()
    pages = set()
    for cell in _cells(row.table, row.row):
        it = cell.begin()
        while not it.atEnd():
            block = it.currentBlock()
            if block.isValid():
                text = block.layout()
                top = layout.blockBoundingRect(block).top() - text.boundingRect().top()
                for i in range(text.lineCount()):
                    line = text.lineAt(i)
                    pages.add(int((top + line.y() + line.height() / 2) // page_height))
            it += 1
    return len(pages) > 1


# --------------------------------------------------------------------------- keeping


def _insert_keeper(cursor: QTextCursor, cell: QTextTableCell, height: float, scale: float) -> None:
    """Start `cell` with an empty line `height` tall that its text then overlaps."""
    cursor.setPosition(cell.firstPosition())
    text_format = cursor.blockFormat()
    cursor.insertBlock(text_format, cursor.charFormat())
    # insertBlock split the first block: the empty part before the cursor is the keeper.
    keeper = QTextBlockFormat(text_format)
    keeper.setLineHeight(height / scale, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    keeper.setTopMargin(0)
    keeper.setBottomMargin(-height)  # a negative margin is not scaled by Qt
    text = QTextBlockFormat(text_format)
    text.setTopMargin(-height)
    cursor.setBlockFormat(text)
    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
    cursor.setBlockFormat(keeper)
