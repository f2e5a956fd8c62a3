"""What an import asks the database about each row, answered a chunk of rows at a time.

For every row the importer wants to know: which live customer already has one of its
phone numbers (national digits) or email addresses, which customer has its code, which
live one its external id, which one its uuid. Asking per row costs a query each (tens
of µs on SQLite, a round trip on PostgreSQL, and more than everything else once peewee
builds it); `ImportLookups.prefetch` asks for the keys of a whole chunk of rows in a
few `IN (…)` queries against the indexed columns, and the rows are then matched in
Python.

The answers stay exactly what a query at that moment would return: the import tells
the look-ups what it wrote — new customers (`note_created`: a key gains an owner, the
smallest id is kept), and customers updated or merged (`forget`: their keys are asked
again when next needed). A key not known (never prefetched, or forgotten) is asked on
the spot.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_crm.db.models import Customer, database

CHUNK = 500  # keys per IN (…) list: well within SQLite's and PostgreSQL's limits


@dataclass(frozen=True)
class DuplicateInfo:
    """What the importer needs of a customer a row duplicates."""

    import_batch: int | None
    code: str
    name: str
    phone_digits: frozenset[str]  # its own phones' and its live contacts' phones'


class ImportLookups:
    """Row keys → customers, from set-based queries, kept in step with the import's writes."""

    def __init__(self) -> None:
        # key → the smallest live owner's id, or None: nobody has it (asked, and known)
        self._phones: dict[str, int | None] = {}
        self._emails: dict[str, int | None] = {}
        self._externals: dict[str, int | None] = {}
        self._codes: dict[str, int | None] = {}  # any customer, live or not (codes stay)
        self._uuids: dict[uuid.UUID, int | None] = {}
        self._infos: dict[int, DuplicateInfo] = {}

    # ----------------------------------------------------------------- asking ahead

    def prefetch(
        self,
        *,
        phones: Iterable[str] = (),
        emails: Iterable[str] = (),
        codes: Iterable[str] = (),
        externals: Iterable[str] = (),
        uuids: Iterable[uuid.UUID] = (),
    ) -> None:
        """Look up, in a few queries, the keys of the rows about to be imported."""
        self._fetch_owners("phone", "digits", self._phones, phones)
        self._fetch_owners("email", "address", self._emails, emails)
        self._fetch_externals(externals)
        self._fetch_codes(codes)
        self._fetch_uuids(uuids)

    def _fetch_owners(
        self, table: str, column: str, known: dict[str, int | None], keys: Iterable[str]
    ) -> None:
        missing = _new(keys, known)
        db = database.obj
        for chunk in _chunks(missing):
            marks = ", ".join([db.param] * len(chunk))
            # Two plain queries, not one join: with a long IN list and no statistics,
            # SQLite's planner walks every live customer (the deleted_at index) instead of
            # looking the keys up (~50 ms a query at 100,000 customers, not ~1 ms).
            pairs = db.execute_sql(
                f'SELECT "{column}", customer_id FROM "{table}" WHERE "{column}" IN ({marks})',
                chunk,
            ).fetchall()
            live = self._live({cid for _key, cid in pairs})
            known.update(dict.fromkeys(chunk))
            for key, cid in sorted(pairs, key=lambda pair: pair[1], reverse=True):
                if cid in live:
                    known[key] = cid  # the smallest id is written last

    @staticmethod
    def _live(customer_ids: set[int]) -> set[int]:
        """Those of the customers that are not in the trash (nor merged away)."""
        db = database.obj
        live: set[int] = set()
        for chunk in _chunks(sorted(customer_ids)):
            marks = ", ".join([db.param] * len(chunk))
            live.update(
                cid
                for (cid,) in db.execute_sql(
                    f"SELECT id FROM customer WHERE id IN ({marks}) AND deleted_at IS NULL", chunk
                ).fetchall()
            )
        return live

    def _fetch_externals(self, keys: Iterable[str]) -> None:
        missing = _new(keys, self._externals)
        db = database.obj
        for chunk in _chunks(missing):
            marks = ", ".join([db.param] * len(chunk))
            # (deleted_at tested here, not in SQL: the planner would walk its index instead)
            rows = db.execute_sql(
                f"SELECT external_id, id, deleted_at FROM customer WHERE external_id IN ({marks})"
                " ORDER BY id DESC",
                chunk,
            ).fetchall()
            self._externals.update(dict.fromkeys(chunk))
            # the smallest id is written last
            self._externals.update((key, cid) for key, cid, gone in rows if gone is None)

    def _fetch_codes(self, keys: Iterable[str]) -> None:
        missing = _new(keys, self._codes)
        db = database.obj
        for chunk in _chunks(missing):
            marks = ", ".join([db.param] * len(chunk))
            sql = f"SELECT code, id FROM customer WHERE code IN ({marks})"
            self._codes.update(dict.fromkeys(chunk))
            self._codes.update(db.execute_sql(sql, chunk).fetchall())

    def _fetch_uuids(self, keys: Iterable[uuid.UUID]) -> None:
        missing = [k for k in dict.fromkeys(keys) if k not in self._uuids]
        for chunk in _chunks(missing):
            self._uuids.update(dict.fromkeys(chunk))
            self._uuids.update(
                Customer.select(Customer.uuid, Customer.id).where(Customer.uuid.in_(chunk)).tuples()
            )

    # ------------------------------------------------------------------- answering

    def owner_of(self, digits: Sequence[str], emails: Sequence[str]) -> int | None:
        """The first (smallest id) live customer with one of these phone numbers, else the
        first with one of these email addresses, else None."""
        if digits:
            self._fetch_owners("phone", "digits", self._phones, digits)
            found = [cid for d in digits if (cid := self._phones[d]) is not None]
            if found:
                return min(found)
        if emails:
            self._fetch_owners("email", "address", self._emails, emails)
            found = [cid for e in emails if (cid := self._emails[e]) is not None]
            if found:
                return min(found)
        return None

    def by_code(self, code: str) -> int | None:
        """The customer (live, trashed or merged) with this code."""
        self._fetch_codes((code,))
        return self._codes[code]

    def by_external_id(self, external: str) -> int | None:
        """The first live customer with this external id."""
        self._fetch_externals((external,))
        return self._externals[external]

    def by_uuid(self, key: uuid.UUID) -> int | None:
        """The customer (live or not) with this uuid."""
        self._fetch_uuids((key,))
        return self._uuids[key]

    def duplicate_info(self, customer_id: int) -> DuplicateInfo:
        """Batch, code, name and phone numbers of a customer (asked once, then known)."""
        info = self._infos.get(customer_id)
        if info is None:
            db = database.obj
            batch, code, name = db.execute_sql(
                f"SELECT import_batch_id, code, name FROM customer WHERE id = {db.param}",
                (customer_id,),
            ).fetchone()
            digits = db.execute_sql(
                "SELECT p.digits FROM phone p LEFT JOIN contact_person cp ON cp.id = p.contact_id "
                f"WHERE p.customer_id = {db.param} AND (p.contact_id IS NULL OR "
                "(cp.customer_id = p.customer_id AND cp.deleted_at IS NULL))",
                (customer_id,),
            ).fetchall()
            info = DuplicateInfo(batch, code, name, frozenset(d for (d,) in digits))
            self._infos[customer_id] = info
        return info

    # ------------------------------------------------------- keeping in step with writes

    def note_created(
        self,
        customer_id: int,
        *,
        code: str,
        phones: Iterable[str] = (),
        emails: Iterable[str] = (),
        external: str | None = None,
    ) -> None:
        """A new live customer was written with these keys."""
        for known, keys in ((self._phones, phones), (self._emails, emails)):
            for key in keys:
                if key in known:
                    current = known[key]
                    known[key] = customer_id if current is None else min(current, customer_id)
        if external and external in self._externals:
            current = self._externals[external]
            self._externals[external] = (
                customer_id if current is None else min(current, customer_id)
            )
        if code in self._codes:
            self._codes[code] = customer_id

    def forget(
        self,
        customer_ids: Iterable[int] = (),
        *,
        phones: Iterable[str] = (),
        emails: Iterable[str] = (),
        externals: Iterable[str | None] = (),
    ) -> None:
        """Customers were updated or merged: what is known of them and of these keys may
        have changed, so it is asked again when needed."""
        for cid in customer_ids:
            self._infos.pop(cid, None)
        for known, keys in (
            (self._phones, phones),
            (self._emails, emails),
            (self._externals, externals),
        ):
            for key in keys:
                if key is not None:
                    known.pop(key, None)


def _new(keys: Iterable[str], known: dict[str, int | None]) -> list[str]:
    return [k for k in dict.fromkeys(keys) if k not in known]


def _chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
