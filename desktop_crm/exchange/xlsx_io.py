"""Excel .xlsx files in and out (openpyxl).

Reading streams the rows of one sheet (the first, or the one named) as text cells, the
way the CSV reader gives them, so the same column mapping reads both: numbers without
a spurious ".0" (phone numbers typed as numbers), date cells as ISO dates (never
ambiguous), text as it is. The header is the first row that names a column we know,
so a title row above the table ("客户名单 2024") is passed over. A file that is not an
.xlsx (an old .xls, a password-protected file, a truncated download) is refused with
one clear message.

Writing uses openpyxl's streaming writer: typed cells (dates as dates, numbers as
numbers, phone numbers as text so no digit is lost), a bold frozen header row, to a
temporary file renamed into place at the end.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_crm.domain import messages
from desktop_crm.errors import CrmError, FileFormatError
from desktop_crm.exchange.csv_io import check_writable

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx
HEADER_SEARCH_ROWS = 10  # how far down a title row may push the header


@dataclass
class XlsxTable:
    """One sheet of a workbook opened for reading: its header and rows as text."""

    name: str
    sheet: str
    sheets: list[str]
    headers: list[str]
    header_row: int
    _path: Path

    encoding = ""  # the CSV reader's fields, for code that reads either
    delimiter = ""

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) for each data row below the header; blank rows left out.

        Raises `FileFormatError` when the rest of the file cannot be read (damaged).
        """
        with _workbook(self._path, self.name) as book:
            sheet = book[self.sheet]
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some writers record a wrong size; read every row
            row_number = 0
            try:
                for row_number, values in enumerate(sheet.iter_rows(values_only=True), 1):
                    if row_number <= self.header_row:
                        continue
                    cells = [cell_text(v) for v in values]
                    if any(c.strip() for c in cells):
                        yield row_number, cells
            except Exception as exc:  # noqa: BLE001 - a damaged file can fail in many ways
                raise FileFormatError(
                    messages.text(
                        "xlsx_row_damaged",
                        file=self.name,
                        row=row_number + 1,
                        sheet=self.sheet,
                        reason=_why(exc),
                    )
                ) from exc


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or exc.__class__.__name__


@contextlib.contextmanager
def _workbook(path: Path, label: str) -> Iterator[Any]:
    import openpyxl  # late: only xlsx work needs it

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise FileFormatError(
            messages.text("file_unreadable", file=label, reason=exc.strerror or exc)
        ) from exc
    try:
        try:
            # A file object, not the name: openpyxl would refuse a name without ".xlsx".
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - zipfile, XML and openpyxl errors alike
            raise FileFormatError(
                messages.text("xlsx_damaged", file=label, reason=_why(exc))
            ) from exc
        try:
            yield book
        finally:
            book.close()
    finally:
        handle.close()


def read_xlsx(
    source: str | Path,
    *,
    sheet: str | None = None,
    name: str | None = None,
    is_header: Callable[[list[str]], bool] | None = None,
) -> XlsxTable:
    """Open a sheet of an .xlsx file (the first, or `sheet`) and find its header row.

    `is_header(cells)` says whether a row names the columns; the first such row among the
    first `HEADER_SEARCH_ROWS` non-blank rows is the header, else the first non-blank
    row. Raises `FileFormatError` with a clear reason.
    """
    path = Path(source)
    label = name or str(path)
    if not path.exists():
        raise FileFormatError(messages.text("file_missing", file=label))
    if path.is_dir():
        raise FileFormatError(messages.text("file_is_folder", file=label))
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise FileFormatError(
            messages.text("file_unreadable", file=label, reason=exc.strerror or exc)
        ) from exc
    if not magic:
        raise FileFormatError(messages.text("file_empty", file=label))
    if magic.startswith(_OLE):
        raise FileFormatError(messages.text("xlsx_old_format", file=label))
    if not magic.startswith(_ZIP):
        raise FileFormatError(messages.text("xlsx_not_xlsx", file=label))
    if not zipfile.is_zipfile(path):
        raise FileFormatError(messages.text("xlsx_truncated", file=label))
    with _workbook(path, label) as book:
        sheets = list(book.sheetnames)
        if not sheets:
            raise FileFormatError(messages.text("xlsx_no_sheets", file=label))
        chosen = sheets[0] if sheet is None else _find_sheet(sheets, sheet, label)
        worksheet = book[chosen]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # some writers record a wrong size; read every row
        candidates: list[tuple[int, list[str]]] = []
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):
                cells = [cell_text(v).replace("\ufeff", "").strip() for v in values]
                if any(cells):
                    candidates.append((number, cells))
                if len(candidates) >= HEADER_SEARCH_ROWS:
                    break
        except Exception as exc:  # noqa: BLE001
            raise FileFormatError(
                messages.text("xlsx_damaged", file=label, reason=_why(exc))
            ) from exc
    if not candidates:
        where = (
            messages.text("xlsx_sheet_of", sheet=chosen, file=label) if len(sheets) > 1 else label
        )
        raise FileFormatError(messages.text("xlsx_sheet_empty", where=where))
    header_row, headers = next(
        ((n, cells) for n, cells in candidates if is_header is None or is_header(cells)),
        candidates[0],
    )
    while headers and not headers[-1]:
        headers.pop()
    return XlsxTable(label, chosen, sheets, headers, header_row, path)


def _find_sheet(sheets: list[str], wanted: str, label: str) -> str:
    if wanted in sheets:
        return wanted
    folded = {s.strip().casefold(): s for s in sheets}
    found = folded.get(wanted.strip().casefold())
    if found is None:
        names = ", ".join(f"“{s}”" for s in sheets)
        raise FileFormatError(
            messages.text("xlsx_no_such_sheet", file=label, sheet=wanted, sheets=names)
        )
    return found


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))  # 13800138000.0 typed as a number
        return f"{value:.15g}"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


# ------------------------------------------------------------------------ writing

COLUMN_TYPES = ("text", "date", "datetime", "int", "money")
_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "money": "#,##0.00",
    "int": "0",
}


def write_xlsx(
    path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    types: Sequence[str] | None = None,
    sheet_title: str = "customers",
    widths: Sequence[int] | None = None,
) -> int:
    """Write one sheet atomically; returns the row count.

    `types` gives each column's kind (`COLUMN_TYPES`): values of a "date" column are
    `date`s (text such as "--07-14" stays text), "money" Decimals, "int" ints; "text" is
    always written as text, even "=1+1" (never a formula) or "0010".
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    check_writable(target)
    kinds = list(types or ["text"] * len(headers))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    for index, width in enumerate(widths or [], 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"  # header row and the code and name columns stay in view
    bold = Font(bold=True)

    def header_cell(text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        return cell

    sheet.append([header_cell(h) for h in headers])

    def cell(value: object, kind: str) -> Any:
        if value is None or value == "":
            return None
        if kind == "text" or isinstance(value, str):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            written = WriteOnlyCell(sheet, value=text)
            written.data_type = "s"  # "=…" stays text, never a formula
            return written
        written = WriteOnlyCell(sheet, value=value)
        if kind in _FORMATS:
            written.number_format = _FORMATS[kind]
        return written

    count = 0
    tmp_name = None
    try:
        for row in rows:
            sheet.append([cell(v, k) for v, k in zip(row, kinds, strict=True)])
            count += 1
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        with os.fdopen(fd, "wb") as fh:
            book.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise CrmError(
            messages.text("cannot_write", file=target, reason=exc.strerror or exc)
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return count
