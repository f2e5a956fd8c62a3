"""Import customers from a file, as one transaction, with a report of every row.

Files: CSV (also Google Contacts and Outlook exports), Excel .xlsx (`xlsx_io`) and vCard
(`vcard_io`). Each CSV/xlsx row is read through the file's `ColumnMapping`, each card
into the same plain data; then checked with `customers.validate_customer` (the customer
form's rules) and:

- **updated** when it names a customer we have: by its uuid (a vCard we exported), by
  our `code` column, else by `external_id`, else by phone or email among the customers
  an earlier import of a file with the same name created (so re-importing a file
  updates instead of duplicating);
- otherwise, when its phone digits or email belong to an existing customer, it is a
  **duplicate**: skipped (default), **merged** (stored and merged into that customer by
  `merge.merge_customers`: its empty fields are filled and new phones, emails,
  messengers, addresses and tags added; undoable) or created anyway;
- otherwise **created**.

Dates such as 03/04/2020 are never guessed: a column whose dates do not show their
day/month order stops the import (`AmbiguousDatesError`) unless `date_order` is given.
What an import changed on existing customers is noted (`imports.note_update`) so
`imports.undo_import` can put it back.

An owner who is not a user here, or a referrer who is not a customer (also not further
down the file), is left out of the row with a warning rather than losing the whole row.

An import never removes anything: a blank cell leaves the field as it was and phones,
emails and tags in the file are added to those the customer has. Rows that break a
rule are **rejected** and reported by line number, field and reason; the other rows
are imported. The whole import is one transaction: if anything unexpected fails (or it
is cancelled), nothing of it remains. A dry run does everything and then rolls back.

Updates and merges go through `customers.update_customer` (history, search index, one
savepoint each); new customers are validated row by row and written through
`bulk.bulk_insert_customers` in groups of `FLUSH_EVERY` (the rows `create_customer`
would write, without its per-row cost). A later row that could match a customer still
waiting in the group (same code, external id, phone or email) writes the group first.
What the rows may match is looked up `LOOKUP_EVERY` rows at a time (`import_lookups`:
a few set-based queries instead of one or two per row), kept in step with what the
import itself writes, so every row sees what a query of its own would have found.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Customer, ImportBatch, User, utcnow
from desktop_crm.domain import customers, imports
from desktop_crm.domain.bulk import NewCustomer, bulk_insert_customers, garbage_collector_spared
from desktop_crm.domain.customers import (
    CustomerRecord,
    get_customer,
    update_customer,
    validate_customer,
)
from desktop_crm.domain.merge import merge_customers
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import (
    FieldError,
    UnverifiedPhoneError,
    normalize_email,
    normalize_phone,
)
from desktop_crm.errors import CrmError, FileFormatError, NotFoundError, ValidationError
from desktop_crm.exchange.csv_io import DELIMITER_NAMES, CsvTable, read_csv
from desktop_crm.exchange.dates import DATE_ORDERS, DateColumn
from desktop_crm.exchange.import_lookups import DuplicateInfo, ImportLookups
from desktop_crm.exchange.mapping import PRESETS, ColumnMapping, RowData, guess_preset
from desktop_crm.exchange.vcard_io import FIELD_PROPERTIES, read_vcards
from desktop_crm.exchange.xlsx_io import XlsxTable, read_xlsx

DUPLICATE_POLICIES = ("skip", "merge", "create")
FORMATS = (*PRESETS, "xlsx", "vcard")  # csv, google and outlook are all CSV files
_CODE_MAX = 20
# New customers are written through the bulk path this many at a time (all inside the
# import's one transaction); create_customer one by one costs ~15 ms a row.
FLUSH_EVERY = 2000
# Rows read ahead whose phones, emails, codes … are looked up together (import_lookups).
LOOKUP_EVERY = 2000
# Fields that count as empty for a merge even though they always hold a value.
_EMPTY_DEFAULTS = {"stars": 0}
_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".vcf": "vcard", ".vcard": "vcard"}


class ImportCancelled(CrmError):
    """The user cancelled the import; nothing of it was kept."""


class AmbiguousDatesError(CrmError):
    """Some date columns could be read day/month or month/day; `columns` says which."""

    def __init__(self, columns: list[DateColumn]) -> None:
        self.columns = columns
        super().__init__(
            text("import_ambiguous_dates", columns="; ".join(c.explain() for c in columns))
        )


class _DryRunDone(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


@dataclass(frozen=True)
class RowProblem:
    """Why one row was rejected (or, as a warning, imported without a value or with a
    doubtful one): the column(s) or field, and the reason."""

    line: int
    where: str
    reason: str
    kept: bool = False  # a warning about a value kept as typed (an unverified phone)

    def __str__(self) -> str:
        return (
            f"line {self.line}: {self.where}: {self.reason}"
            if self.where
            else (f"line {self.line}: {self.reason}")
        )


@dataclass(frozen=True)
class RowPlan:
    """What was (or, in a dry run, would be) done with one row."""

    line: int
    action: str  # create | update | unchanged | merge | skip | reject
    name: str
    code: str | None = None  # the customer created, updated, merged into or duplicated
    detail: str = ""

    def __str__(self) -> str:
        target = f" {self.code}" if self.code else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"line {self.line}: {self.action}{target} {self.name}{detail}".rstrip()


@dataclass
class ImportSummary:
    """What an import did, row by row in `plans` (dry runs, or when asked)."""

    file: str
    file_format: str
    encoding: str
    delimiter: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    skipped: int = 0
    rejected: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)  # imported, minus something
    plans: list[RowPlan] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch_id: int | None = None
    rolled_back: bool = False  # strict, and some rows were bad: nothing was kept
    reading: str = ""  # how the file was read: "utf-8, comma-separated", "sheet “客户”" …

    def counts(self) -> str:
        """The counts in one line: "created 3, updated 1 (2 unchanged), merged 0, …"."""
        unchanged = f" ({self.unchanged} unchanged)" if self.unchanged else ""
        warnings = f"; {len(self.warnings)} warning(s)" if self.warnings else ""
        return (
            f"created {self.created}, updated {self.updated}{unchanged}, merged {self.merged}, "
            f"skipped {self.skipped}, rejected {self.rejected}{warnings}"
        )


def detect_format(path: str | Path) -> str:
    """ "xlsx", "vcard" or "csv" for a file, from its name, else from its first bytes."""
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "csv"  # the reader says what is wrong with it
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if b"BEGIN:VCARD" in head.upper():
        return "vcard"
    return "csv"


@dataclass
class _Source:
    """A file opened for import: its rows as customer data, and how to name its columns."""

    name: str
    file_format: str  # the preset for CSV and xlsx files (csv, google, outlook); vcard
    reading: str
    encoding: str
    delimiter: str
    ignored: list[str]
    where: Callable[[str], list[str]]
    rows: Callable[[], Iterator[tuple[int, RowData]]]
    batch_format: str  # what the import batch records: csv, google, outlook, xlsx, vcard


def open_table(
    path: str | Path, file_format: str | None, sheet: str | None
) -> tuple[CsvTable | XlsxTable, str]:
    """The table of a CSV or xlsx file, and its preset."""
    if file_format == "xlsx" or (file_format is None and detect_format(path) == "xlsx"):
        table: CsvTable | XlsxTable = read_xlsx(
            path,
            sheet=sheet,
            is_header=lambda cells: bool(
                ColumnMapping.from_headers(cells, guess_preset(cells)).recognised
            ),
        )
        return table, guess_preset(table.headers)
    if sheet is not None:
        raise CrmError("--sheet is for .xlsx files; this file is read as CSV")
    table = read_csv(path)
    preset = file_format if file_format in ("google", "outlook") else guess_preset(table.headers)
    return table, preset


def _check_mapping(table: CsvTable | XlsxTable, mapping: ColumnMapping) -> None:
    found = ", ".join(h for h in table.headers if h)[:200]
    where = (
        table.name
        if isinstance(table, CsvTable)
        else (f"{table.name} (sheet “{table.sheet}”)" if len(table.sheets) > 1 else table.name)
    )
    if not mapping.recognised:
        raise FileFormatError(text("import_unknown_columns", file=where, found=found))
    if not mapping.has_name_source():
        raise FileFormatError(text("import_no_name_column", file=where, found=found))


def _date_columns(table: CsvTable | XlsxTable, mapping: ColumnMapping) -> list[DateColumn]:
    """What each date column's values say about their day/month order (reads the file)."""
    wanted = mapping.date_columns()
    if not wanted:
        return []
    columns = [DateColumn(header) for _index, header in wanted]
    for _line, cells in table.rows():
        for (index, _header), column in zip(wanted, columns, strict=True):
            if index < len(cells) and cells[index].strip():
                column.add(cells[index])
        if all(c.settled for c in columns):
            break
    return columns


def ambiguous_date_columns(
    path: str | Path,
    *,
    file_format: str | None = None,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
) -> list[DateColumn]:
    """The date columns of a CSV or xlsx file whose day/month order the file does not tell.

    Empty when every date can be read one way only (or the file's format fixes the order,
    as Outlook's does). Ask the user, then pass `date_order` to `import_customers` (or
    set the column's order in the `mapping`'s `column_date_orders`).
    """
    if file_format == "vcard" or (file_format is None and detect_format(path) == "vcard"):
        return []
    table, preset = open_table(path, file_format, sheet)
    if mapping is None:
        if preset in ("google", "outlook"):
            return []
        mapping = ColumnMapping.from_headers(table.headers, preset)
    elif mapping.preset in ("google", "outlook") or mapping.date_order is not None:
        return []
    _check_headers(table, mapping)
    chosen = mapping.column_date_orders
    return [
        column
        for (index, _header), column in zip(
            mapping.date_columns(), _date_columns(table, mapping), strict=True
        )
        if column.ambiguous and index not in chosen
    ]


def _check_headers(table: CsvTable | XlsxTable, mapping: ColumnMapping) -> None:
    """A mapping made for another header row would put values in the wrong fields."""
    if list(mapping.headers) != list(table.headers):
        raise FileFormatError(text("import_headers_changed", file=table.name))


def _open_source(
    path: str | Path,
    file_format: str | None,
    sheet: str | None,
    date_order: str | None,
    chosen: ColumnMapping | None = None,
) -> _Source:
    if file_format == "vcard" or (file_format is None and detect_format(path) == "vcard"):
        if sheet is not None:
            raise CrmError("--sheet is for .xlsx files, not vCard files")
        cards = read_vcards(path)

        def where(field_name: str) -> list[str]:
            return [FIELD_PROPERTIES.get(field_name, field_name.upper())]

        return _Source(
            cards.name,
            "vcard",
            f"vCard, {cards.encoding}",
            cards.encoding,
            "",
            [],
            where,
            cards.rows,
            "vcard",
        )
    table, preset = open_table(path, file_format, sheet)
    if chosen is None:
        mapping = ColumnMapping.from_headers(table.headers, preset)
    else:
        _check_headers(table, chosen)
        mapping, preset = (
            replace(chosen, column_date_orders=dict(chosen.column_date_orders)),
            (chosen.preset),
        )
    _check_mapping(table, mapping)
    if date_order is not None:
        mapping.date_order = date_order
    elif preset not in ("google", "outlook"):
        columns = _date_columns(table, mapping)
        picked = mapping.column_date_orders
        indexes = [index for index, _header in mapping.date_columns()]
        unclear = [
            c for i, c in zip(indexes, columns, strict=True) if c.ambiguous and i not in picked
        ]
        if unclear:
            raise AmbiguousDatesError(unclear)
        for index, column in zip(indexes, columns, strict=True):
            if column.order and index not in picked:
                picked[index] = column.order
        mapping.date_order = next((c.order for c in columns if c.order), None)

    width = len(table.headers)
    ragged = isinstance(table, CsvTable)  # a spreadsheet may hold cells past its header

    def rows() -> Iterator[tuple[int, RowData]]:
        for line, cells in table.rows():
            if ragged and len(cells) > width and any(c.strip() for c in cells[width:]):
                yield (
                    line,
                    RowData(
                        {},
                        error=text("import_ragged_row", cells=len(cells), columns=width),
                    ),
                )
                continue
            yield line, mapping.row_data(cells)

    if isinstance(table, XlsxTable):
        reading = f"sheet “{table.sheet}”"
        return _Source(
            table.name,
            preset,
            reading,
            "",
            "",
            list(mapping.ignored),
            mapping.columns_for,
            rows,
            "xlsx",
        )
    delimiter = DELIMITER_NAMES.get(table.delimiter, table.delimiter)
    return _Source(
        table.name,
        preset,
        f"{table.encoding}, {delimiter}-separated",
        table.encoding,
        delimiter,
        list(mapping.ignored),
        mapping.columns_for,
        rows,
        preset,
    )


def import_customers(
    path: str | Path,
    *,
    file_format: str | None = None,
    on_duplicate: str = "skip",
    dry_run: bool = False,
    changed_by: str | None = None,
    keep_plans: bool | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    sheet: str | None = None,
    date_order: str | None = None,
    mapping: ColumnMapping | None = None,
    strict: bool = False,
) -> ImportSummary:
    """Import the customers in the file at `path` into the open database.

    `file_format` is "csv", "google", "outlook", "xlsx" or "vcard" (None: recognised from
    the file's name and header). `sheet` names the sheet of an .xlsx file (default: the
    first). `date_order` ("dmy" or "mdy") says how to read dates like 03/04/2020; without
    it a column whose dates could be read either way raises `AmbiguousDatesError` (see
    `ambiguous_date_columns`). `on_duplicate` is "skip", "merge" (a real merge into the
    existing customer, undoable) or "create". `progress(rows_done)` is called now and
    then; `cancelled()` returning True stops the import and keeps nothing of it.
    `mapping` is the user's own column mapping for a CSV or xlsx file (its headers must be
    the file's; its `column_date_orders` say how to read ambiguous date columns). With
    `strict`, a file with any rejected row imports nothing (`summary.rolled_back`).
    Raises `FileFormatError` when the file cannot be read or is not a customer list.
    """
    if on_duplicate not in DUPLICATE_POLICIES:
        raise CrmError(f"--on-duplicate must be one of: {', '.join(DUPLICATE_POLICIES)}")
    if file_format not in (None, *FORMATS):
        raise CrmError(
            f"cannot import the format “{file_format}”; use one of: {', '.join(FORMATS)}"
        )
    if date_order not in (None, *DATE_ORDERS):
        raise CrmError(f"the date order must be one of: {', '.join(DATE_ORDERS)}")
    source = _open_source(path, file_format, sheet, date_order, mapping)
    summary = ImportSummary(
        file=str(path),
        file_format=source.file_format,
        encoding=source.encoding,
        delimiter=source.delimiter,
        dry_run=dry_run,
        ignored_columns=source.ignored,
        reading=source.reading,
    )
    run = _ImportRun(
        source.where,
        summary,
        on_duplicate,
        changed_by,
        dry_run if keep_plans is None else keep_plans,
    )
    try:
        with garbage_collector_spared(), write_transaction():
            file_name = str(Path(path).resolve())[:500]
            batch = ImportBatch.create(file_name=file_name, file_format=source.batch_format)
            run.earlier_batches = _earlier_batches(Path(path).name, batch.id)
            run.batch_id = batch.id
            for chunk in _chunked(source.rows(), LOOKUP_EVERY):
                run.prefetch(chunk)
                for line, row in chunk:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled(text("import_cancelled"))
                    run.import_row(line, row)
                    if progress is not None and summary.rows % 100 == 0:
                        progress(summary.rows)
            if summary.rows == 0:
                empty = "import_no_cards" if source.batch_format == "vcard" else "import_no_rows"
                raise FileFormatError(text(empty, file=source.name))
            run.flush()
            run.link_referrers()
            ImportBatch.update(
                finished_at=utcnow(),
                created_count=summary.created,
                updated_count=summary.updated,
                merged_count=summary.merged,
                skipped_count=summary.skipped + summary.unchanged,
                rejected_count=summary.rejected,
            ).where(ImportBatch.id == batch.id).execute()
            if strict and summary.rejected:
                summary.rolled_back = True
                raise _DryRunDone
            if dry_run:
                raise _DryRunDone
            summary.batch_id = batch.id
    except _DryRunDone:
        pass
    if progress is not None:
        progress(summary.rows)
    return summary


def _chunked(rows: Iterator[tuple[int, RowData]], size: int) -> Iterator[list[tuple[int, RowData]]]:
    chunk: list[tuple[int, RowData]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _earlier_batches(file_name: str, current: int) -> list[int]:
    """Import batches (not undone) of files with this name, before this one."""
    return [
        b.id
        for b in ImportBatch.select(ImportBatch.id, ImportBatch.file_name).where(
            ImportBatch.undone_at.is_null() & (ImportBatch.id != current)
        )
        if Path(b.file_name).name == file_name
    ]


class _ImportRun:
    def __init__(
        self,
        where: Callable[[str], list[str]],
        summary: ImportSummary,
        on_duplicate: str,
        changed_by: str | None,
        keep_plans: bool,
    ) -> None:
        self.columns_for = where
        self.summary = summary
        self.on_duplicate = on_duplicate
        self.changed_by = changed_by
        self.keep_plans = keep_plans
        self.earlier_batches: list[int] = []
        self.batch_id = 0
        self.known_owners: dict[str, bool] = {}
        self.referrals: list[tuple[int, str, str]] = []  # (line, customer code, referrer code)
        # New customers not written yet, and what later rows could match them by.
        self.pending: list[tuple[NewCustomer, int | None, str | None, int]] = []
        self.pending_keys: set[str] = set()
        self.lookups = ImportLookups()

    def prefetch(self, chunk: list[tuple[int, RowData]]) -> None:
        """Look up the customers the rows of `chunk` may name or duplicate, in one pass."""
        phones: list[str] = []
        emails: list[str] = []
        codes: list[str] = []
        externals: list[str] = []
        uuids: list[uuid.UUID] = []
        for _line, row in chunk:
            if row.error is not None:
                continue
            data = row.data
            if row.uid:
                with contextlib.suppress(ValueError):
                    uuids.append(uuid.UUID(row.uid))
            code = (row.code or "").strip()
            if code:
                codes.append(code)
            external = str(data.get("external_id") or (row.external_id or "")[:200]).strip()
            if external:
                externals.append(external)
            phones += _phone_digits(data.get("phones"), parsed_only=True)
            emails += _email_keys(data.get("emails"), parsed_only=True)
        self.lookups.prefetch(
            phones=phones, emails=emails, codes=codes, externals=externals, uuids=uuids
        )

    # ---------------------------------------------------------------------- one row

    def import_row(self, line: int, row: RowData) -> None:
        self.summary.rows += 1
        name = str(row.data.get("name") or "").strip()
        if row.error is not None:
            self._reject(line, name, {"": row.error})
            return
        for field_name, reason in row.warnings:
            self.summary.warnings.append(RowProblem(line, self._where(field_name), reason))
        for reason in mark_unverified_phones(row.data):
            self.summary.warnings.append(RowProblem(line, self._where("phones"), reason, kept=True))
        referrer = self._unknown_references(line, row.data)
        try:
            plan = self._decide(line, row, name, referrer)
        except ValidationError as exc:
            self._reject(line, name, exc.errors)
            return
        except NotFoundError as exc:  # e.g. the customer with that code is in the trash
            self._reject(line, name, {"": exc.message})
            return
        counter = {
            "create": "created",
            "update": "updated",
            "unchanged": "unchanged",
            "merge": "merged",
            "skip": "skipped",
        }[plan.action]
        setattr(self.summary, counter, getattr(self.summary, counter) + 1)
        if self.keep_plans:
            self.summary.plans.append(plan)
        if referrer and plan.action not in ("skip", "create") and plan.code:
            self.referrals.append((line, plan.code, referrer))
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def _unknown_references(self, line: int, data: dict[str, Any]) -> str | None:
        """Leave out an owner who is not a user here (with a warning); return a referrer
        that is not a customer yet (it may come further down the file)."""
        owner = str(data.get("owner") or "").strip()
        if owner:
            if owner not in self.known_owners:
                self.known_owners[owner] = (
                    User.select()
                    .where((User.username == owner) | (User.display_name == owner))
                    .exists()
                )
            if not self.known_owners[owner]:
                del data["owner"]
                self.summary.warnings.append(
                    RowProblem(
                        line,
                        self._where("owner"),
                        text("import_without_owner", reason=text("unknown_owner", value=owner)),
                    )
                )
        referrer = str(data.get("referred_by") or "").strip()
        if (
            referrer
            and not Customer.select()
            .where((Customer.code == referrer) & Customer.deleted_at.is_null())
            .exists()
        ):
            del data["referred_by"]
            return referrer
        return None

    def link_referrers(self) -> None:
        """Set the referrers that were further down the file; warn about the others."""
        for line, code, referrer in self.referrals:
            customer_id = Customer.select(Customer.id).where(Customer.code == code).scalar()
            try:
                self._apply(get_customer(customer_id), {"referred_by": referrer})
            except ValidationError:
                self.summary.warnings.append(
                    RowProblem(
                        line,
                        self._where("referred_by"),
                        text(
                            "import_without_referrer",
                            reason=text("unknown_customer", value=referrer),
                        ),
                    )
                )

    def _where(self, field_name: str) -> str:
        return ", ".join(self.columns_for(field_name)) or field_name

    def _decide(self, line: int, row: RowData, name: str, referrer: str | None) -> RowPlan:
        data = row.data
        ours = self._by_uuid(row.uid) if row.uid else None
        if ours is not None:  # one of our own customers, exported (a vCard's UID)
            validate_customer(data, partial=True)
            if Customer.select(Customer.deleted_at).where(Customer.id == ours).scalar():
                raise NotFoundError(text("in_trash", value=get_customer(ours).code))
            return self._update(line, ours, data, name)
        if row.external_id and not data.get("external_id"):
            data["external_id"] = row.external_id[:200]
        code = (row.code or "").strip() or None
        if code is not None and len(code) > _CODE_MAX:
            raise ValidationError({"code": text("too_long", max=_CODE_MAX)})
        external = str(data.get("external_id") or "").strip()
        own_keys = {f"code:{code}"} if code else set()
        if external:
            own_keys.add(f"external:{external}")
        if own_keys & self.pending_keys:
            self.flush()
        existing = self._by_key(code, data)
        if existing is not None:
            validate_customer(data, partial=True)
            self._check_same_customer(code, existing, data, name)
            return self._update(line, existing, data, name)
        clean = validate_customer(data)
        keys = {f"phone:{p.digits}" for p in clean.get("phones", ())} | {
            f"email:{e.address}" for e in clean.get("emails", ())
        }
        if keys & self.pending_keys:
            self.flush()
        duplicate = self._duplicate_of(clean)
        if duplicate is not None:
            other = self.lookups.duplicate_info(duplicate)
            batch = other.import_batch
            if code is None and batch is not None and batch in self.earlier_batches:
                return self._update(line, duplicate, data, name)
            if self.on_duplicate == "merge":
                return self._merge(line, duplicate, data, clean, name)
            if self.on_duplicate == "skip":
                return RowPlan(
                    line,
                    "skip",
                    name,
                    other.code,
                    text(self._same_what(clean, other), code=other.code, name=other.name),
                )
        plan_index = len(self.summary.plans) if self.keep_plans else None
        self.pending.append(
            (NewCustomer.from_validated(clean, code=code), plan_index, referrer, line)
        )
        self.pending_keys |= keys | own_keys
        return RowPlan(line, "create", clean["name"], code)

    def flush(self) -> None:
        """Write the pending new customers (inside the import's transaction)."""
        if not self.pending:
            return
        pending, self.pending, self.pending_keys = self.pending, [], set()
        explicit = [c.code for c, *_ in pending if c.code is not None]
        for code in explicit:
            customers.note_used_code(code)
        ids = bulk_insert_customers(
            [c for c, *_ in pending], import_batch_id=self.batch_id, changed_by=self.changed_by
        )
        codes = dict(
            Customer.select(Customer.id, Customer.code).where(Customer.id.in_(ids)).tuples()
        )
        for (customer, plan_index, referrer, line), cid in zip(pending, ids, strict=True):
            digits, emails = _new_customer_keys(customer)
            self.lookups.note_created(
                cid, code=codes[cid], phones=digits, emails=emails, external=customer.external_id
            )
            if plan_index is not None:
                plan = self.summary.plans[plan_index]
                self.summary.plans[plan_index] = replace(plan, code=codes[cid])
            if referrer:
                self.referrals.append((line, codes[cid], referrer))

    def _reject(self, line: int, name: str, errors: Mapping[str, str]) -> None:
        self.summary.rejected += 1
        for field_name, reason in errors.items():
            where = self._where(field_name) if field_name else ""
            self.summary.problems.append(RowProblem(line, where, reason))
        if self.keep_plans:
            first = next(iter(errors.values()), "")
            self.summary.plans.append(RowPlan(line, "reject", name, None, first))

    # ------------------------------------------------------------------ matching

    def _by_key(self, code: str | None, data: Mapping[str, Any]) -> int | None:
        """The customer this row names by code or external id, if any (the customer it
        was merged into, for one merged since)."""
        if code is not None:
            return _merged_target(self.lookups.by_code(code))
        external = str(data.get("external_id") or "").strip()
        if external:
            return self.lookups.by_external_id(external)
        return None

    def _by_uuid(self, uid: str) -> int | None:
        """Our customer with this uuid (32 hex digits), or the one it was merged into."""
        try:
            key = uuid.UUID(uid)
        except ValueError:
            return None
        return _merged_target(self.lookups.by_uuid(key))

    def _check_same_customer(
        self, code: str | None, customer_id: int, data: Mapping[str, Any], name: str
    ) -> None:
        """A code from another database may name someone else here: refuse to overwrite."""
        record = get_customer(customer_id)
        if record.deleted_at is not None:
            raise NotFoundError(text("in_trash", value=record.code))
        if code is None or not name or name == record.name:
            return
        mine = {p.digits for p in record.phones} | {e.address for e in record.emails}
        theirs = set(_phone_digits(data.get("phones"))) | set(_email_keys(data.get("emails")))
        if not mine & theirs:
            raise ValidationError(
                {
                    "code": text(
                        "import_not_same_customer", code=record.code, name=record.name, other=name
                    )
                }
            )

    def _duplicate_of(self, clean: Mapping[str, Any]) -> int | None:
        """An existing customer with one of these phone numbers or email addresses."""
        digits = [p.digits for p in clean.get("phones", ())]
        emails = [e.address for e in clean.get("emails", ())]
        return self.lookups.owner_of(digits, emails)

    @staticmethod
    def _same_what(clean: Mapping[str, Any], other: DuplicateInfo) -> str:
        if any(p.digits in other.phone_digits for p in clean.get("phones", ())):
            return "import_same_phone"
        return "import_same_email"

    # ------------------------------------------------------------------- writing

    def _update(self, line: int, customer_id: int, data: Mapping[str, Any], name: str) -> RowPlan:
        """Overwrite the fields the row fills; add its new phones, emails, tags …"""
        record = get_customer(customer_id)
        changes = {k: v for k, v in data.items() if k not in customers.COLLECTIONS}
        changes.update(_added_items(record, data))
        if _same_scalars(record, changes):
            return RowPlan(line, "unchanged", record.name, record.code)
        after = self._apply(record, changes)
        action = "update" if after.version != record.version else "unchanged"
        return RowPlan(line, action, after.name or name, after.code)

    def _apply(self, record: CustomerRecord, changes: Mapping[str, Any]) -> CustomerRecord:
        """Update a customer, noting what changed on one this import did not create (so
        undoing the import can put it back)."""
        after = update_customer(record.id, changes, changed_by=self.changed_by)
        self._forget(record, after)
        if (
            after.version != record.version
            and Customer.select(Customer.import_batch).where(Customer.id == record.id).scalar()
            != self.batch_id
        ):
            imports.note_update(self.batch_id, record, after)
        return after

    def _forget(
        self,
        before: CustomerRecord,
        after: CustomerRecord | NewCustomer,
        other_id: int | None = None,
    ) -> None:
        """A customer was updated (or `after`, stored as `other_id`, merged into it): what
        the look-ups know of it and of its keys, before and after, is asked again."""
        digits, emails = _new_customer_keys(before)
        more_digits, more_emails = _new_customer_keys(after)
        self.lookups.forget(
            [before.id] if other_id is None else [before.id, other_id],
            phones=digits + more_digits,
            emails=emails + more_emails,
            externals=(before.external_id, after.external_id),
        )

    def _merge(
        self,
        line: int,
        customer_id: int,
        data: Mapping[str, Any],
        clean: Mapping[str, Any],
        name: str,
    ) -> RowPlan:
        """Store the row as a customer and merge it into its duplicate (undoable): the
        duplicate keeps its values, its empty fields are filled, new phones, emails,
        tags … are added. A row that would add nothing is left out ("unchanged")."""
        record = get_customer(customer_id)
        fills = {
            k
            for k, v in data.items()
            if k in customers.SCALAR_FIELDS
            and k not in ("birthday_has_year",)
            and getattr(record, k, None) in (None, "", _EMPTY_DEFAULTS.get(k))
            and v not in (None, "")
        }
        if not fills and not _added_items(record, data):
            return RowPlan(line, "unchanged", record.name, record.code, "nothing new")
        (new_id,) = bulk_insert_customers(
            [NewCustomer.from_validated(clean)],
            import_batch_id=self.batch_id,
            changed_by=self.changed_by,
        )
        merge_customers(customer_id, new_id, changed_by=self.changed_by, import_batch=self.batch_id)
        self._forget(record, NewCustomer.from_validated(clean), other_id=new_id)
        return RowPlan(
            line, "merge", name, record.code, text("import_merged_into", name=record.name)
        )


def _merged_target(customer_id: int | None) -> int | None:
    """The customer a merged customer lives on in (following merges of merges)."""
    for _ in range(100):
        if customer_id is None:
            return None
        target = Customer.select(Customer.merged_into).where(Customer.id == customer_id).scalar()
        if target is None:
            return customer_id
        customer_id = target
    return customer_id


def _new_customer_keys(customer: CustomerRecord | NewCustomer) -> tuple[list[str], list[str]]:
    """The phone digits and email addresses a customer's rows hold (its contacts' too)."""
    phones = list(customer.phones)
    emails = [e.address for e in customer.emails]
    for person in customer.contacts:
        phones += person.phones
        emails += [e.address for e in person.emails]
    return [p.digits for p in phones if p.digits is not None], emails


def _added_items(record: CustomerRecord, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The customer's collections with the row's new items appended (only those that grow)."""
    changes: dict[str, list[Any]] = {}
    phones = data.get("phones") or []
    have = {p.digits for p in record.phones}
    new_phones = [p for p, d in zip(phones, _phone_digits(phones), strict=True) if d not in have]
    if new_phones:
        changes["phones"] = list(record.phones) + new_phones
    emails = data.get("emails") or []
    have_emails = {e.address for e in record.emails}
    new_emails = [
        e for e, key in zip(emails, _email_keys(emails), strict=True) if key not in have_emails
    ]
    if new_emails:
        changes["emails"] = list(record.emails) + new_emails
    messengers = data.get("messengers") or []
    have_handles = {(m.service, m.handle) for m in record.messengers}
    new_messengers = [m for m in messengers if (m["service"], m["handle"]) not in have_handles]
    if new_messengers:
        changes["messengers"] = list(record.messengers) + new_messengers
    tags = [t for t in data.get("tags") or [] if t not in record.tags]
    if tags:
        changes["tags"] = list(record.tags) + tags
    have_places = {_place(vars(a)) for a in record.addresses}
    addresses = [a for a in data.get("addresses") or [] if _place(a) not in have_places]
    if addresses and not (record.addresses and not any(a.get("street") for a in addresses)):
        changes["addresses"] = list(record.addresses) + addresses
    return changes


def _same_scalars(record: CustomerRecord, changes: Mapping[str, Any]) -> bool:
    """Whether applying `changes` would change nothing (a cheap check before the service)."""
    if any(name in changes for name in customers.COLLECTIONS):
        return False
    clean = validate_customer(
        {k: v for k, v in changes.items() if k not in ("owner", "referred_by")}, partial=True
    )
    for name, value in clean.items():
        if getattr(record, name, None) != value:
            return False
    owner, referrer = changes.get("owner"), changes.get("referred_by")
    if owner is not None and str(owner).strip() != record.owner:
        return False
    return referrer is None or str(referrer).strip() == record.referred_by


def _place(address: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        " ".join(str(address.get(k) or "").split())
        for k in ("province", "city", "district", "street")
    )


def mark_unverified_phones(data: dict[str, Any]) -> list[str]:
    """Mark the row's phones that are possible but not valid for their region to be kept
    unverified (instead of rejecting the row); returns a warning for each of them.

    Impossible numbers are left as they are: validation rejects the row for them."""
    reasons = []
    for entry in data.get("phones") or []:
        if not isinstance(entry, dict):
            continue
        try:
            normalize_phone(str(entry.get("number") or ""))
        except UnverifiedPhoneError as exc:
            entry["verified"] = False
            reasons.append(text("import_unverified_phone", reason=exc.reason))
        except FieldError:
            pass
    return reasons


def _phone_digits(phones: Any, *, parsed_only: bool = False) -> list[str]:
    """Comparable keys for phones (the raw text when a number does not parse, unless
    `parsed_only`: then it is left out)."""
    result = []
    for entry in phones or []:
        number = entry["number"] if isinstance(entry, Mapping) else str(entry)
        try:
            result.append(normalize_phone(number, allow_unverified=True).digits)
        except FieldError:
            if not parsed_only:
                result.append(number)
    return result


def _email_keys(emails: Any, *, parsed_only: bool = False) -> list[str]:
    result = []
    for entry in emails or []:
        try:
            result.append(normalize_email(str(entry)))
        except FieldError:
            if not parsed_only:
                result.append(str(entry))
    return result
