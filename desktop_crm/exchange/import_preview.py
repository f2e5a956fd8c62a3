"""What the import wizard shows before anything is imported.

`inspect_file` opens a file once (in the background): its format, how it was read, its
header row and first rows, how many rows it has and what each column's dates say about
their day/month order. `preview_rows` turns those first rows into the values an import
with a given mapping would store, row by row, with the first problem of each — cheap
enough to run again whenever the user changes a column's field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_crm.domain.customers import validate_customer
from desktop_crm.domain.messages import text
from desktop_crm.errors import FileFormatError, ValidationError
from desktop_crm.exchange.csv_io import CsvTable
from desktop_crm.exchange.dates import DateColumn, parse_date_text
from desktop_crm.exchange.importer import detect_format, mark_unverified_phones, open_table
from desktop_crm.exchange.mapping import (
    ColumnMapping,
    RowData,
    format_birthday,
    format_lunar,
    remembered_mapping,
)
from desktop_crm.exchange.vcard_io import read_vcards

PREVIEW_ROWS = 20
# The fields a preview shows, in this order (those the mapping fills).
PREVIEW_FIELDS = (
    "code",
    "name",
    "kind",
    "gender",
    "birthday",
    "lunar_birthday",
    "company_name",
    "title",
    "industry",
    "company_size",
    "phones",
    "emails",
    "messengers",
    "province",
    "city",
    "district",
    "addresses",
    "website",
    "source",
    "referred_by",
    "owner",
    "status",
    "stage",
    "grade",
    "stars",
    "credit_rating",
    "credit_limit",
    "relationship_level",
    "tags",
    "preferences",
    "family_notes",
    "social_notes",
    "notes",
    "external_id",
)


@dataclass
class FileSample:
    """A file opened for import: enough to map its columns and preview its rows."""

    path: str
    name: str
    file_format: str  # csv | xlsx | vcard
    preset: str  # csv | google | outlook (CSV and xlsx files)
    encoding: str = ""
    delimiter: str = ""  # "," ";" "\t" for CSV files
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # the first rows
    row_count: int = 0  # data rows (cards of a vCard file)
    ragged_lines: list[int] = field(default_factory=list)  # rows wider than the header
    # What the dates in each column (by index) say about their day/month order.
    dates: dict[int, DateColumn] = field(default_factory=dict)

    def mapping(self) -> ColumnMapping:
        """The mapping remembered for this header row, else the one guessed from it."""
        return remembered_mapping(self.headers) or ColumnMapping.from_headers(
            self.headers, self.preset
        )

    def ambiguous_dates(self, mapping: ColumnMapping) -> list[tuple[int, DateColumn]]:
        """(column index, what its dates say) for the date columns of `mapping` whose
        day/month order must be chosen (none for Google and Outlook files)."""
        if mapping.preset in ("google", "outlook"):
            return []
        return [
            (index, self.dates[index])
            for index, _header in mapping.date_columns()
            if index in self.dates and self.dates[index].ambiguous
        ]


def inspect_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FileSample:
    """Open a file for the import wizard: reads it to the end (to count its rows and
    learn its date columns). Raises `FileFormatError` for a file that cannot be
    imported: not a CSV, xlsx or vCard file, empty, a header without rows, damaged."""
    file_format = detect_format(path)
    name = Path(path).name
    if file_format == "vcard":
        cards = read_vcards(path, name=name)
        return FileSample(
            str(path), name, "vcard", "csv", cards.encoding, row_count=len(cards.cards)
        )
    table, preset = open_table(path, file_format, sheet)
    table.name = name
    sample = FileSample(
        str(path),
        name,
        "xlsx" if file_format == "xlsx" else "csv",
        preset,
        table.encoding,
        table.delimiter,
        getattr(table, "sheet", ""),
        list(getattr(table, "sheets", [])),
        list(table.headers),
    )
    width = len(table.headers)
    columns: dict[int, DateColumn] = {}
    for line, cells in table.rows():
        if cancelled is not None and sample.row_count % 1000 == 0 and cancelled():
            break
        sample.row_count += 1
        if (
            isinstance(table, CsvTable)
            and len(cells) > width
            and any(c.strip() for c in cells[width:])
        ):
            sample.ragged_lines.append(line)
        if len(sample.rows) < PREVIEW_ROWS:
            sample.rows.append((line, cells))
        for index, cell in enumerate(cells[:width]):
            if cell and cell[0].isdigit():  # dates worth a look start with a digit
                column = columns.get(index)
                if column is None:
                    column = columns[index] = DateColumn(table.headers[index])
                if not column.settled:
                    column.add(cell)
    if sample.row_count == 0:
        raise FileFormatError(text("import_no_rows", file=name))
    if len(sample.ragged_lines) == sample.row_count:
        raise FileFormatError(text("import_all_rows_ragged", file=name, columns=width))
    sample.dates = {i: c for i, c in columns.items() if c.dmy or c.mdy or c.either}
    return sample


@dataclass(frozen=True)
class PreviewRow:
    """One row as an import would store it: field → value (text), and its first problem
    (the field it is about, "" for the whole row)."""

    line: int
    values: dict[str, Any]
    problem: str = ""
    problem_field: str = ""


def preview_rows(sample: FileSample, mapping: ColumnMapping) -> list[PreviewRow]:
    """The first rows of `sample` read through `mapping` (values not yet translated:
    codes such as "male" stay codes)."""
    result = []
    width = len(sample.headers)
    for line, cells in sample.rows:
        if line in sample.ragged_lines:
            reason = text("import_ragged_row", cells=len(cells), columns=width)
            result.append(PreviewRow(line, {}, reason))
            continue
        row = mapping.row_data(cells)
        field_name, problem = _first_problem(row)
        result.append(PreviewRow(line, preview_values(row), problem, field_name))
    return result


def preview_fields(mapping: ColumnMapping) -> list[str]:
    """The fields a mapping fills, in `PREVIEW_FIELDS` order."""
    filled = set()
    for target in mapping.targets:
        if target is None or target.kind == "ignore":
            continue
        filled.add(
            {
                "scalar": target.field,
                "code": "code",
                "name_part": "name",
                "phone": "phones",
                "email": "emails",
                "messenger": "messengers",
                "messengers": "messengers",
                "address": "addresses",
                "tags": "tags",
                "lunar_birthday": "lunar_birthday",
            }.get(target.kind, "")
        )
    if "company_name" in filled:
        filled.add("name")  # a row with only a company is named after it
    return [f for f in PREVIEW_FIELDS if f in filled]


def preview_values(row: RowData) -> dict[str, Any]:
    """A row's data as preview values: lists joined, birthdays and addresses spelt out."""
    data = row.data
    values: dict[str, Any] = {k: v for k, v in data.items() if not isinstance(v, list | dict)}
    if row.code:
        values["code"] = row.code
    if "birthday" in data:
        parsed = parse_date_text(str(data["birthday"]))  # ISO when read, else left as typed
        has_year = data.get("birthday_has_year", True)
        values["birthday"] = format_birthday(parsed.value, has_year) if parsed else data["birthday"]
    if "lunar_birthday_month" in data:
        month, day = data.get("lunar_birthday_month"), data.get("lunar_birthday_day")
        values["lunar_birthday"] = (
            format_lunar(month, day, bool(data.get("lunar_birthday_leap")))
            if isinstance(month, int) and isinstance(day, int)
            else str(month)
        )
    values["phones"] = "; ".join(str(p["number"]) for p in data.get("phones") or [])
    values["emails"] = "; ".join(str(e) for e in data.get("emails") or [])
    values["messengers"] = "; ".join(
        f"{m['service']}: {m['handle']}" for m in data.get("messengers") or []
    )
    values["tags"] = "; ".join(data.get("tags") or [])
    values["addresses"] = " / ".join(
        " ".join(str(a[k]) for k in ("country", "street", "postcode") if a.get(k))
        for a in data.get("addresses") or []
        if any(a.get(k) for k in ("country", "street", "postcode"))
    )
    return {k: v for k, v in values.items() if k in PREVIEW_FIELDS and v not in ("", None)}


def _first_problem(row: RowData) -> tuple[str, str]:
    """(field, reason) of the first thing that would reject the row, or ("", "")."""
    if row.error:
        return "", row.error
    # Owner and referrer are looked up at import time (a warning, not a rejection); so
    # is a phone not valid for its region (kept unverified).
    data = {k: v for k, v in row.data.items() if k not in ("owner", "referred_by")}
    if "phones" in data:  # marked on copies: the preview changes nothing it is shown
        data["phones"] = [dict(p) if isinstance(p, dict) else p for p in data["phones"] or []]
        mark_unverified_phones(data)
    try:
        validate_customer(data)
    except ValidationError as exc:
        return next(iter(exc.errors.items()))
    return "", ""


def example_readings(column: DateColumn) -> dict[str, list[tuple[str, str | None]]]:
    """For each order ("dmy", "mdy"): the column's example values and the ISO date each
    would be read as (None: not a real date that way round)."""
    values = list(dict.fromkeys([*column.either, *column.dmy, *column.mdy]))[:4]
    result: dict[str, list[tuple[str, str | None]]] = {}
    for order in ("dmy", "mdy"):
        readings = []
        for value in values:
            parsed = parse_date_text(value, order)
            readings.append((value, parsed.value if parsed else None))
        result[order] = readings
    return result


def needs_mapping(sample: FileSample) -> bool:
    """Whether the file has columns to map (CSV and xlsx files; not vCard)."""
    return sample.file_format != "vcard"
