"""Synced rows read and written by uuid, in a form equal on both backends.

A row travels as a dict of field name to *wire value*: text and numbers as they are,
dates and times as ISO text, decimals normalised, uuids as 32 hex digits — and every
reference as the uuid of the row it names, since ids differ between databases. `Side`
reads such rows from one database (the office server or a replica) and writes them
back, looking references up by uuid; ids inside values (the history's entity, a merge's
record of the rows it moved) are translated too.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import peewee

from desktop_crm.db import sync_tracking
from desktop_crm.db.models import (
    ChangeLog,
    Complaint,
    Customer,
    CustomerMerge,
    FollowUp,
    JSONTextField,
    Order,
    Payment,
    Shipment,
    Survey,
)
from desktop_crm.errors import CrmError

BATCH = 500
Wire = dict[str, Any]  # field name -> value as it travels (see `_wire`)
TABLES = {m._meta.table_name: m for m in sync_tracking.SYNCED}
# What `ChangeLog.entity` names, for its `entity_id`.
ENTITIES: dict[str, type[peewee.Model]] = {
    "customer": Customer,
    "followup": FollowUp,
    "order": Order,
    "payment": Payment,
    "shipment": Shipment,
    "complaint": Complaint,
    "survey": Survey,
}


# --------------------------------------------------------------------- the wire form


def fields_of(model: type[peewee.Model]) -> list[peewee.Field]:
    return [f for f in model._meta.sorted_fields if f.name != "id"]


def hex_uuid(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, UUID):
        return value.hex
    if isinstance(value, str) and len(value) == 32:
        return value.lower()
    return UUID(str(value)).hex


def _stamp(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="microseconds")


def wire_value(f: peewee.Field, value: Any) -> Any:
    """A column's Python value in a form equal on both backends and fit for JSON."""
    if value is None:
        return None
    if isinstance(f, peewee.ForeignKeyField | peewee.UUIDField):
        return hex_uuid(value)
    if isinstance(f, JSONTextField):
        return value
    if isinstance(f, peewee.BooleanField):
        return bool(value)
    if isinstance(f, peewee.DateTimeField):
        return _stamp(value)
    if isinstance(f, peewee.DateField):
        return value.isoformat()
    if isinstance(f, peewee.DecimalField):
        return format(Decimal(value).normalize(), "f")
    if isinstance(f, peewee.IntegerField):
        return int(value)
    return value


@functools.cache
def _reader(f: peewee.Field) -> Callable[[Any], Any]:
    """raw column value -> wire value, for one field (a sync reads millions of them)."""
    if isinstance(f, peewee.ForeignKeyField | peewee.UUIDField):
        return hex_uuid
    if isinstance(f, peewee.CharField | peewee.TextField) and not isinstance(f, JSONTextField):
        return lambda raw: raw
    if isinstance(f, peewee.DateTimeField):

        def stamp(raw: Any) -> str | None:
            if raw is None or (isinstance(raw, str) and len(raw) == 26):
                return raw  # SQLite's text is the wire form already
            return _stamp(f.python_value(raw))

        return stamp
    return lambda raw: None if raw is None else wire_value(f, f.python_value(raw))


def from_raw(f: peewee.Field, raw: Any) -> Any:
    """The wire form of a value read from a column (a reference: its row's uuid)."""
    return _reader(f)(raw)


def _python(f: peewee.Field, wire: Any) -> Any:
    """A wire value as the model's field takes it (references are resolved elsewhere)."""
    if wire is None or isinstance(f, JSONTextField):
        return wire
    if isinstance(f, peewee.DateTimeField):
        return datetime.fromisoformat(wire)
    if isinstance(f, peewee.DateField):
        return date.fromisoformat(wire)
    if isinstance(f, peewee.DecimalField):
        return Decimal(wire)
    if isinstance(f, peewee.UUIDField):
        return UUID(wire)
    return wire


# --------------------------------------------------------------- one side of a sync


class Side:
    """Reading and writing synced rows of one database, by uuid, in the wire form."""

    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self.office = isinstance(db, peewee.PostgresqlDatabase)
        self.known: dict[type[peewee.Model], dict[str, int]] = defaultdict(dict)

    def _marks(self, count: int) -> str:
        return ", ".join([self.db.param] * count)

    def select(self, model: type[peewee.Model], where: str, params: Iterable[Any] = ()) -> str:
        columns = []
        for f in fields_of(model):
            if isinstance(f, peewee.ForeignKeyField):
                parent = f.rel_model._meta.table_name
                columns.append(
                    f'(SELECT p.uuid FROM "{parent}" p WHERE p.id = t."{f.column_name}")'
                )
            else:
                columns.append(f't."{f.column_name}"')
        table = model._meta.table_name
        return f'SELECT t.id, {", ".join(columns)} FROM "{table}" t WHERE {where}'

    def rows(
        self, model: type[peewee.Model], where: str, params: list[Any], *, lock: bool = False
    ) -> dict[str, Wire]:
        """uuid -> wire row (with its id here under "id") of the rows matching `where`."""
        sql = self.select(model, where)
        if lock and self.office:
            sql += " FOR UPDATE OF t"
        found = {}
        readers = [(f.name, _reader(f)) for f in fields_of(model)]
        for raw in self.db.execute_sql(sql, params).fetchall():
            row = {name: read(v) for (name, read), v in zip(readers, raw[1:], strict=True)}
            row["id"] = raw[0]
            found[row["uuid"]] = row
        self._ids_to_uuids(model, found.values())
        return found

    def by_uuid(
        self, model: type[peewee.Model], uuids: Iterable[str], *, lock: bool = False
    ) -> dict[str, Wire]:
        found: dict[str, Wire] = {}
        keys = list(uuids)
        for start in range(0, len(keys), BATCH):
            chunk = [self._key(u) for u in keys[start : start + BATCH]]
            where = f"t.uuid IN ({self._marks(len(chunk))})"
            found.update(self.rows(model, where, chunk, lock=lock))
        return found

    def _key(self, uuid_hex: str) -> str:
        return str(UUID(uuid_hex)) if self.office else uuid_hex

    def ids(self, model: type[peewee.Model], uuids: Iterable[str | None]) -> dict[str, int]:
        """uuid -> id here of those rows of `model` that exist (and may be seen).

        Ids found are kept for the rest of the sync (a row's id never changes; `delete`
        forgets them all)."""
        known = self.known[model]
        keys = {u for u in uuids if u}
        missing = sorted(keys - known.keys())
        table = model._meta.table_name
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            cursor = self.db.execute_sql(
                f'SELECT uuid, id FROM "{table}" WHERE uuid IN ({self._marks(len(chunk))})',
                [self._key(u) for u in chunk],
            )
            known.update({hex_uuid(u): i for u, i in cursor.fetchall()})
        return {u: known[u] for u in keys if u in known}

    def uuids(self, model: type[peewee.Model], ids: Iterable[int | None]) -> dict[int, str]:
        keys = sorted({i for i in ids if i is not None})
        found: dict[int, str] = {}
        table = model._meta.table_name
        for start in range(0, len(keys), BATCH):
            chunk = keys[start : start + BATCH]
            cursor = self.db.execute_sql(
                f'SELECT id, uuid FROM "{table}" WHERE id IN ({self._marks(len(chunk))})', chunk
            )
            found.update({i: hex_uuid(u) for i, u in cursor.fetchall()})
        return found

    # Ids inside values (the history's entity, a merge's moved rows) travel as uuids too.

    def _ids_to_uuids(self, model: type[peewee.Model], rows: Iterable[Wire]) -> None:
        rows = list(rows)
        if model is ChangeLog:
            by_entity = defaultdict(list)
            for row in rows:
                if row["entity"] in ENTITIES:
                    by_entity[row["entity"]].append(row)
            for entity, group in by_entity.items():
                names = self.uuids(ENTITIES[entity], (r["entity_id"] for r in group))
                for row in group:
                    row["entity_id"] = names.get(row["entity_id"])
        elif model is CustomerMerge:
            for row in rows:
                row["details"] = self._merge_ids(row["details"], self.uuids)

    def _uuids_to_ids(self, model: type[peewee.Model], row: Wire) -> Wire:
        row = dict(row)
        if model is ChangeLog and row.get("entity") in ENTITIES and row.get("entity_id"):
            found = self.ids(ENTITIES[row["entity"]], [row["entity_id"]])
            row["entity_id"] = found.get(row["entity_id"])
        elif model is CustomerMerge and row.get("details") is not None:
            row["details"] = self._merge_ids(row["details"], self.ids)
        return row

    @staticmethod
    def _merge_ids(details: dict, translate: Callable) -> dict:
        """A merge's record with the rows it moved ("table.column": [rows]) translated."""
        details = dict(details)
        for part in ("moved", "primary"):
            translated = {}
            for key, values in (details.get(part) or {}).items():
                model = TABLES.get(key.split(".")[0])
                if model is not None:
                    names = translate(model, values)
                    translated[key] = [names[v] for v in values if v in names]
            details[part] = translated
        return details

    # Writing

    def write(
        self, model: type[peewee.Model], row: Wire, fields: Iterable[str], row_id: int | None
    ) -> int:
        """Set `fields` of the row (insert it when `row_id` is None); returns its id here."""
        values = self._values(model, row, fields)
        if row_id is None:
            return model.insert(uuid=UUID(row["uuid"]), **values).bind(self.db).execute()
        if values:
            model.update(**values).where(model.id == row_id).bind(self.db).execute()
        return row_id

    def write_many(
        self,
        model: type[peewee.Model],
        items: list[tuple[Wire, Iterable[str], int | None]],
        *,
        skip_orphans: bool = False,
    ) -> int:
        """`write` for many rows at once: one prepared INSERT or UPDATE per set of fields,
        run for all their rows. With `skip_orphans`, rows naming a row that is
        not here are left out (else MissingParent). Returns the rows written."""
        self._prefetch(model, (row for row, _, _ in items))
        inserts: dict[tuple[str, ...], list[list[Any]]] = defaultdict(list)
        updates: dict[tuple[str, ...], list[list[Any]]] = defaultdict(list)
        for row, fields, row_id in items:
            try:
                values = self._values(model, row, fields)
            except MissingParent:
                if skip_orphans:
                    continue
                raise
            if row_id is None:
                values["uuid"] = UUID(row["uuid"])
            names = tuple(sorted(values))
            params = [model._meta.fields[n].db_value(values[n]) for n in names]
            if row_id is None:
                inserts[names].append(params)
            elif values:
                updates[names].append([*params, row_id])
        table, mark = model._meta.table_name, self.db.param
        statements = []
        for names, params in inserts.items():
            columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
            marks = ", ".join([mark] * len(names))
            statements.append((f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', params))
        for names, params in updates.items():
            columns = ", ".join(f'"{model._meta.fields[n].column_name}" = {mark}' for n in names)
            statements.append((f'UPDATE "{table}" SET {columns} WHERE id = {mark}', params))
        for statement, params in statements:
            with peewee.__exception_wrapper__:  # the driver's errors as peewee's
                self.db.cursor().executemany(statement, params)
        return sum(len(params) for _, params in statements)

    def _values(self, model: type[peewee.Model], row: Wire, fields: Iterable[str]) -> dict:
        """The model's values of `fields` of a wire row, references as ids here."""
        row = self._uuids_to_ids(model, row)
        values: dict[str, Any] = {}
        for name in fields:
            f = model._meta.fields[name]
            if isinstance(f, peewee.ForeignKeyField):
                target = row.get(name)
                found = None
                if target:
                    found = self.known[f.rel_model].get(target)
                    found = found or self.ids(f.rel_model, [target]).get(target)
                if target and found is None and not f.null:
                    raise MissingParent(f"{model._meta.table_name}.{name} names {target}")
                values[name] = found
            elif name not in ("id", "uuid"):
                values[name] = _python(f, row.get(name))
        return values

    def _prefetch(self, model: type[peewee.Model], rows: Iterable[Wire]) -> None:
        """Look up every row these rows name in one query per table (kept for `ids`)."""
        wanted: dict[type[peewee.Model], set[str]] = defaultdict(set)
        references = [f for f in model._meta.sorted_fields if isinstance(f, peewee.ForeignKeyField)]
        for row in rows:
            for f in references:
                if row.get(f.name):
                    wanted[f.rel_model].add(row[f.name])
        for parent, uuids in wanted.items():
            self.ids(parent, uuids)

    def delete(self, model: type[peewee.Model], row_id: int) -> int:
        self.known.clear()  # rows hanging off it may go too
        return model.delete().where(model.id == row_id).bind(self.db).execute()


class MissingParent(CrmError):
    """A row names a row the other side does not have (or may not see)."""


def references(model: type[peewee.Model]) -> set[str]:
    return {f.name for f in model._meta.sorted_fields if isinstance(f, peewee.ForeignKeyField)}


def now_and_later(model: type[peewee.Model], row: Wire) -> tuple[set[str], set[str]]:
    """The fields of a row to write at once, and those to write once all rows of its
    table are there: references to another row of the same table."""
    later = {name for name in self_references(model) if row.get(name)}
    return set(row) - {"id", "uuid"} - later, later


def self_references(model: type[peewee.Model]) -> set[str]:
    return {
        f.name
        for f in model._meta.sorted_fields
        if isinstance(f, peewee.ForeignKeyField) and f.rel_model is model
    }


def customer_of(model: type[peewee.Model], row: Wire) -> str | None:
    if model is Customer:
        return row["uuid"]
    return row.get("customer")
