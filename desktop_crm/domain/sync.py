"""Two-way sync of a replica with its office database: nothing lost, nothing doubled.

A replica (see `replica.clone`) notes each row the user changes together with the row as
it was at the last sync (its *base*; see `db.sync_tracking`). A sync, in one server
transaction as the signed-in user:

1. locks the server's copy of every row changed here and merges it **field by field**
   with the base: a field changed on one side only takes that side's value; changed on
   both to different values it is a *conflict* — the local value stays here, the
   server's is kept beside it in `sync_conflict`, and neither is sent until the user
   picks one (`resolve`). A row deleted on one side and edited on the other is a
   conflict too; so is a customer put in the trash on one side and edited on the other.
2. sends the merged rows (only the fields changed here), inserts and deletions. What
   the server refuses (row-level security, the owner rule) is listed as a refusal and
   stays here, unsent.
3. fetches every row written on the server since the last sync (`sync_xid`, see
   `db.sync_tracking`) and the tombstones of rows deleted there.

The server commits first; then the replica applies everything in one transaction. A
sync stopped in between leaves the replica's changes noted as before: sent again, they
equal what the server already holds and change nothing. Rows are matched by `uuid`;
ids differ between databases, so every reference travels as the uuid of its row.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from desktop_crm.db import migrations, search_index, sync_tracking
from desktop_crm.db.connection import display_target, make_database, write_transaction
from desktop_crm.db.models import (
    ChangeLog,
    Customer,
    Order,
    Setting,
    database,
    utcnow,
)
from desktop_crm.domain import customers as customer_service
from desktop_crm.domain import followups, history, orders, sync_rows
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError

ORIGIN = "sync.origin"
USER = "sync.user"
REPLICA = "sync.replica"
REPLICA_NAME = "sync.replica_name"
SECRET = "sync.secret"  # signs this replica's sync files; the office keeps it too
WATERMARK = "sync.watermark"  # pg_snapshot_xmin of the last sync (or the clone)
LAST_SYNCED = "sync.last_synced_at"
OWN_XID = "sync.own_xid"  # the transaction of the last sync, whose rows are here already

Wire = sync_rows.Wire
Progress = Callable[[str, int, int], bool]  # (step, done, total) -> go on?

# Kept by the database, not by people: never a conflict.
_BOOKKEEPING = frozenset({"id", "uuid", "updated_at", "version"})
# Recomputed from the follow-ups after every sync, on both sides.
_SUMMARY = frozenset({"last_contact_at", "next_followup_at"})
# Follows the field it is made from (the name's pinyin).
_DERIVED = {"sort_key": "name"}
DELETED = "(deleted)"


class _Erased(dict):
    """The base of a row whose person was erased here (`sync_pending.base_kind` 'erased'):
    the base itself is gone with the personal data, and this side wins — the server takes
    the row as it is here, or deletes it."""


ERASED = _Erased()
TABLES = sync_rows.TABLES
_ALL = [*sync_tracking.SYNCED, Setting]  # what the search index and code counter read
# Numbers given out by each database: taken anew on the server for a row made offline.
_NUMBERED = (
    (Customer, "code", lambda: customer_service.reserve_codes(1)[0]),
    (Order, "order_no", lambda: orders.next_order_no()),
)


class Cancelled(CrmError):
    """The sync was stopped before the server committed; nothing changed on either side."""


@dataclass
class SyncResult:
    sent: int = 0  # rows written to the server
    received: int = 0  # rows written here from the server
    deleted: int = 0  # rows deleted here because they were deleted there
    conflicts: int = 0  # open conflicts after this sync
    refused: list[str] = field(default_factory=list)  # what the server would not take


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_uuid: str
    field: str  # '' when the row itself is at stake (deleted on one side)
    customer_uuid: str | None  # the customer it belongs to (32 hex digits)
    customer_name: str | None
    local: Any
    remote: Any
    remote_by: str | None
    remote_at: str | None
    reason: str | None

    @property
    def kind(self) -> str:
        """field: two values of one field; deleted_here / deleted_there: deleted on one
        side, changed on the other; refused: the server would not take the change."""
        if self.field:
            return "field"
        if self.local == DELETED:
            return "deleted_here"
        if self.remote == DELETED:
            return "deleted_there"
        return "refused"


# ------------------------------------------------------------------------ the merge


def _same(a: Wire, b: Wire) -> bool:
    """Equal in everything people edit (bookkeeping aside)."""
    names = (set(a) | set(b)) - _BOOKKEEPING
    return all(a.get(n) == b.get(n) for n in names)


@dataclass
class Merge:
    """What a sync does with one row changed here (see `merge_row`)."""

    send: dict[str, Any] = field(default_factory=dict)  # fields the server takes
    take: dict[str, Any] = field(default_factory=dict)  # fields this replica takes
    insert: bool = False  # the row is new on the server
    delete_remote: bool = False
    delete_local: bool = False
    restore_local: bool = False  # the row comes back here (deleted here, edited there)
    conflicts: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (here, there)
    reason: str | None = None  # a conflict of the row itself


def merge_row(
    base: Wire | None, local: Wire | None, remote: Wire | None, offered: Sequence[Wire] = ()
) -> Merge:
    """Three-way merge of one row: its base (None: made here), here (None: deleted here)
    and on the server (None: gone there). `offered` holds the row as this replica sent it
    in syncs whose end it never saw (see `offer`): a server value equal to one of those may
    be this replica's own, so it is no change made there."""
    m = Merge()

    def unchanged_there(name: str) -> bool:
        there = remote.get(name)
        return there == base.get(name) or any(there == row.get(name) for row in offered)

    if base is ERASED:
        if remote is None:
            return m
        if local is None:
            m.delete_remote = True
            return m
        base = remote  # every field this side has differs from it or is the same
    if local is None:
        if remote is None or base is None:
            return m
        if all(unchanged_there(n) for n in set(remote) - _BOOKKEEPING):
            m.delete_remote = True
        else:
            m.restore_local, m.take = True, dict(remote)
            m.reason = "deleted here, changed on the server"
            m.conflicts[""] = (DELETED, None)
        return m
    if remote is None:
        if base is None:
            m.insert, m.send = True, dict(local)
        elif _same(local, base):
            m.delete_local = True
        else:
            m.reason = "changed here, deleted on the server or no longer yours"
            m.conflicts[""] = (None, DELETED)
        return m
    base = base if base is not None else remote  # sent before, and stopped in between
    for name in sorted(set(local) - _BOOKKEEPING):
        here, there, was = local.get(name), remote.get(name), base.get(name)
        if here == there:
            continue
        if name in _SUMMARY:
            m.take[name] = there
        elif unchanged_there(name):
            m.send[name] = here
        elif here == was:
            m.take[name] = there
        elif name not in _DERIVED:
            m.conflicts[name] = (here, there)
    # Into the trash on one side, edited on the other: the user decides.
    for one, other in ((m.send, m.take), (m.take, m.send)):
        if "deleted_at" in one and set(other) - _SUMMARY:
            m.conflicts["deleted_at"] = (local.get("deleted_at"), remote.get("deleted_at"))
            del one["deleted_at"]
    if m.send:
        m.send["updated_at"] = m.take["updated_at"] = max(local["updated_at"], remote["updated_at"])
        if "version" in local:
            m.send["version"] = m.take["version"] = max(local["version"], remote["version"]) + 1
    elif m.take:
        for name in _BOOKKEEPING & set(remote) - {"id", "uuid"}:
            m.take[name] = remote[name]
    return m


# ------------------------------------------------------------------------- the sync


def setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def put_setting(key: str, value: Any) -> None:
    Setting.replace(key=key, value=value, updated_at=utcnow()).execute()


def is_replica() -> bool:
    return sync_tracking.is_replica(database.obj) and setting(ORIGIN) is not None


def origin() -> str | None:
    """The office database this replica syncs with (no password)."""
    return setting(ORIGIN)


def replica_name() -> str:
    return setting(REPLICA_NAME) or f"{setting(USER) or '?'}@{socket.gethostname()}"


def waiting_changes() -> int:
    """How many rows changed here wait to be sent."""
    return database.execute_sql("SELECT COUNT(*) FROM sync_pending").fetchone()[0]


def last_synced() -> datetime | None:
    value = setting(LAST_SYNCED)
    return datetime.fromisoformat(value) if value else None


def _pending(
    table: str | None = None, row_uuid: str | None = None
) -> dict[type[peewee.Model], dict[str, Wire | None]]:
    """Per table, uuid -> base of every row changed here since the last sync (or of one)."""
    found: dict[type[peewee.Model], dict[str, Wire | None]] = defaultdict(dict)
    sql = "SELECT tbl, row_uuid, base, base_kind FROM sync_pending"
    if table is not None:
        sql += " WHERE tbl = ? AND (row_uuid = ? OR row_uuid = ?)"
    params = () if table is None else (table, row_uuid, str(UUID(row_uuid)))
    cursor = database.execute_sql(sql, params)
    for table, row_uuid, base, kind in cursor.fetchall():
        model = TABLES[table]
        value = None if base is None else json.loads(base)
        if kind == "erased":
            value = ERASED
        elif value is not None and kind == "raw":
            by_column = {f.column_name: f for f in sync_rows.fields_of(model)}
            value = {
                by_column[c].name: sync_rows.from_raw(by_column[c], v) for c, v in value.items()
            }
        found[model][sync_rows.hex_uuid(row_uuid)] = value
    return found


def changes_here() -> tuple[dict, dict]:
    """What changed here since the last sync: per table, uuid -> base, and uuid -> row
    (a row deleted here is missing)."""
    pending = _pending()
    local = sync_rows.Side(database.obj)
    return pending, {model: local.by_uuid(model, rows) for model, rows in pending.items()}


def offer(
    here: dict[type[peewee.Model], dict[str, Wire]],
) -> dict[type[peewee.Model], dict[str, list[Wire]]]:
    """Note the rows a sync is about to send (`changes_here`), before anything reaches the
    server; per table, uuid -> the row as sent in every sync since the last one that ended
    here (this one included). A sync killed after the server committed, or a reply file
    that never came back, leaves the server holding rows this replica does not know it
    sent: `merge_row` recognises them by these, instead of taking them for changes made
    at the office that conflict with what was changed here since."""
    offered: dict[type[peewee.Model], dict[str, list[Wire]]] = defaultdict(dict)
    found = database.execute_sql(
        "SELECT tbl, row_uuid, offered FROM sync_pending WHERE offered IS NOT NULL"
    ).fetchall()
    for table, row_uuid, rows in found:
        offered[TABLES[table]][sync_rows.hex_uuid(row_uuid)] = json.loads(rows)
    writes = []
    for model, rows in here.items():
        for row_uuid, row in rows.items():
            earlier = offered[model].setdefault(row_uuid, [])
            if row not in earlier:
                earlier.append(row)
                writes.append((json.dumps(earlier, ensure_ascii=False), model, row_uuid))
    with write_transaction():
        for rows, model, row_uuid in writes:
            database.execute_sql(
                "UPDATE sync_pending SET offered = ? "
                "WHERE tbl = ? AND (row_uuid = ? OR row_uuid = ?)",
                (rows, model._meta.table_name, row_uuid, str(UUID(row_uuid))),
            )
    return offered


def customers_here() -> list[str]:
    """The uuids of every customer this replica holds (the office sends what hangs off
    one it now may see and this replica does not have)."""
    return [sync_rows.hex_uuid(u) for (u,) in database.execute_sql("SELECT uuid FROM customer")]


class Run:
    """One sync: the state shared by its steps. The office's half (`send`, `receive`,
    `refresh_remote`) runs where the server is; the replica's (`apply_here`) where the
    replica is — in one process for a network sync, on either side of a sync file."""

    def __init__(
        self,
        office: peewee.PostgresqlDatabase | None,
        progress: Progress | None,
        pending: dict[type[peewee.Model], dict[str, Wire | None]],
        read_here: dict[type[peewee.Model], dict[str, Wire]],
        name: str,
        held: Iterable[str] | None = None,
        offered: dict[type[peewee.Model], dict[str, list[Wire]]] | None = None,
    ) -> None:
        self.office = sync_rows.Side(office) if office is not None else None
        self.progress = progress
        self.result = SyncResult()
        self.name = name
        self.pending = pending
        self.read_here = read_here
        self.offered = offered or {}
        self.merges: dict[type[peewee.Model], dict[str, Merge]] = defaultdict(dict)
        self.failed: dict[tuple[str, str], str] = {}  # (table, uuid) -> the server's refusal
        self.rekeyed: dict[str, str] = {}  # uuid here -> the server's row of the same name
        self.after: dict[type[peewee.Model], dict[str, Wire]] = {}  # the server's rows, sent
        self.remote_by: dict[tuple, tuple] = {}  # (model, uuid) -> (who, when) of a conflict
        self.pulled: dict[type[peewee.Model], dict[str, Wire]] = {}
        self.gone: list[tuple[str, str]] = []
        self.held = None if held is None else set(held)  # the replica's customers
        self.visible: set[str] | None = None  # every customer the user may see at the office
        self.touched_remote: set[str] = set()  # customer uuids whose documents change there
        self.touched_local: set[str] = set()
        self.mark = self.own = ""  # where the next sync starts (see `sync`)

    # What the office's half hands to the replica's, as JSON (a sync file's reply)

    _STATE = ("after", "pulled", "pending", "read_here")

    def reply(self) -> dict[str, Any]:
        tables = {
            name: {m._meta.table_name: rows for m, rows in getattr(self, name).items()}
            for name in self._STATE
        }
        return {
            **tables,
            "merges": {
                m._meta.table_name: {u: dataclasses.asdict(x) for u, x in rows.items()}
                for m, rows in self.merges.items()
            },
            "failed": [[t, u, why] for (t, u), why in self.failed.items()],
            "rekeyed": self.rekeyed,
            "remote_by": [[m._meta.table_name, u, *who] for (m, u), who in self.remote_by.items()],
            "gone": self.gone,
            "visible": sorted(self.visible or ()),
            "touched": sorted(self.touched_remote),
            "sent": self.result.sent,
            "refused": self.result.refused,
            "mark": self.mark,
            "own": self.own,
        }

    @classmethod
    def from_reply(cls, data: dict[str, Any], name: str) -> Run:
        def by_model(part: str) -> dict:
            return {TABLES[t]: rows for t, rows in data[part].items()}

        run = cls(None, None, by_model("pending"), by_model("read_here"), name)
        run.after, run.pulled = by_model("after"), by_model("pulled")
        run.merges = defaultdict(dict)
        for table, rows in data["merges"].items():
            for row_uuid, merge in rows.items():
                merge["conflicts"] = {k: tuple(v) for k, v in merge["conflicts"].items()}
                run.merges[TABLES[table]][row_uuid] = Merge(**merge)
        run.failed = {(t, u): why for t, u, why in data["failed"]}
        run.rekeyed = data["rekeyed"]
        run.remote_by = {(TABLES[t], u): (by, at) for t, u, by, at in data["remote_by"]}
        run.gone = [tuple(g) for g in data["gone"]]
        run.visible = set(data["visible"]) if "visible" in data else None  # an older reply
        run.touched_remote = set(data["touched"])
        run.result.sent, run.result.refused = data["sent"], data["refused"]
        run.mark, run.own = data["mark"], data["own"]
        return run

    def step(self, name: str, done: int, total: int) -> None:
        if self.progress is not None and not self.progress(name, done, total):
            raise Cancelled(text("sync_cancelled"))

    def office_half(self, mark: str, own: str) -> None:
        """Everything done on the server, inside the caller's transaction there."""
        (self.mark,) = self.office.db.execute_sql(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text"
        ).fetchone()
        self.send()
        self.receive(mark, own)
        self.refresh_remote()
        (self.own,) = self.office.db.execute_sql("SELECT pg_current_xact_id()::text").fetchone()

    # 1-2: merge and send what changed here

    def send(self) -> None:
        total = sum(len(rows) for rows in self.pending.values())
        done = 0
        late_writes = []
        for model in sync_tracking.SYNCED:
            rows = self.pending.get(model)
            if not rows:
                continue
            here = self.read_here.get(model, {})
            offered = self.offered.get(model, {})
            there = self.office.by_uuid(model, rows, lock=True)
            writes, deletes = [], []
            for row_uuid, base in rows.items():
                merge = merge_row(
                    base, here.get(row_uuid), there.get(row_uuid), offered.get(row_uuid, ())
                )
                if model is ChangeLog and merge.insert and not merge.send.get("replica"):
                    merge.send["replica"] = merge.take["replica"] = self.name
                self.merges[model][row_uuid] = merge
                self._note_customer(model, here.get(row_uuid) or there.get(row_uuid), remote=True)
                if merge.conflicts:
                    self.remote_by[(model, row_uuid)] = self._who(model, there.get(row_uuid), merge)
                row_id = there[row_uuid]["id"] if row_uuid in there else None
                if merge.delete_remote:
                    deletes.append((row_uuid, row_id))
                elif merge.send:
                    now, later = sync_rows.now_and_later(model, merge.send)
                    writes.append((row_uuid, merge, now, row_id))
                    if later:
                        late_writes.append((model, row_uuid, merge, later))
            self._send_all(model, writes, deletes)
            done += len(rows)
            self.step("send", done, total)
        for model, row_uuid, merge, late in late_writes:  # references within a table, last
            if (model._meta.table_name, row_uuid) not in self.failed:
                with self._server_write(model, row_uuid):
                    row_id = self.office.ids(model, [row_uuid]).get(row_uuid)
                    self._write_remote(model, row_uuid, merge, late, row_id)
                    self.result.sent -= 1  # the same row, written in two steps

    def _send_all(
        self,
        model: type[peewee.Model],
        writes: list[tuple[str, Merge, set[str], int | None]],
        deletes: list[tuple[str, int]],
    ) -> None:
        """One table's rows to the server: all at once, or, when the server refuses any,
        one by one, to learn which (and to give new rows a name the server has free)."""
        try:
            with self.office.db.atomic():
                for start in range(0, len(deletes), sync_rows.BATCH):
                    chunk = [row_id for _, row_id in deletes[start : start + sync_rows.BATCH]]
                    model.delete().where(model.id.in_(chunk)).bind(self.office.db).execute()
                self.office.write_many(
                    model,
                    [(self._rekeyed(model, u, m, f), f, row_id) for u, m, f, row_id in writes],
                )
            self.result.sent += len(writes) + len(deletes)
            return
        except (peewee.DatabaseError, sync_rows.MissingParent):
            self.office.known.clear()  # what the rolled-back writes made is gone
        for row_uuid, row_id in deletes:
            with self._server_write(model, row_uuid):
                self.office.delete(model, row_id)
                self.result.sent += 1
        for row_uuid, merge, fields, row_id in writes:
            with self._server_write(model, row_uuid):
                self._write_remote(model, row_uuid, merge, fields, row_id)

    def _rekeyed(
        self, model: type[peewee.Model], row_uuid: str, merge: Merge, fields: set[str]
    ) -> Wire:
        """The row to send, naming the server's row where a parent took its name."""
        row = {**merge.send, "uuid": row_uuid}
        for name in fields & sync_rows.references(model):
            if row.get(name) in self.rekeyed:
                row[name] = self.rekeyed[row[name]]
        return row

    def _who(self, model: type[peewee.Model], there: Wire | None, merge: Merge) -> tuple:
        """Who last changed the server's side of a conflict, and when."""
        if there is None:
            return None, None
        entity = next((name for name, m in sync_rows.ENTITIES.items() if m is model), None)
        fields = [f for f in merge.conflicts if f] or [""]
        if entity is not None:
            found = self.office.db.execute_sql(
                "SELECT changed_by, changed_at FROM change_log WHERE entity = %s "
                "AND entity_id = %s AND (field = ANY(%s) OR %s) "
                "ORDER BY changed_at DESC LIMIT 1",
                (entity, there["id"], fields, fields == [""]),
            ).fetchone()
            if found:
                return found[0], sync_rows.wire_value(ChangeLog.changed_at, found[1])
        return None, there.get("updated_at")

    def _write_remote(
        self,
        model: type[peewee.Model],
        row_uuid: str,
        merge: Merge,
        fields: set[str],
        there: int | None,
    ) -> None:
        row = self._rekeyed(model, row_uuid, merge, fields)
        try:
            with self.office.db.atomic():
                self.office.write(model, row, fields, there)
        except peewee.IntegrityError as exc:
            if there is not None or not self._rename(model, row_uuid, merge, str(exc)):
                raise
            self.office.write(model, {**merge.send, "uuid": row_uuid}, fields, None)
        self.result.sent += 1

    def _rename(self, model: type[peewee.Model], row_uuid: str, merge: Merge, error: str) -> bool:
        """A new row whose unique name the server already has: a customer takes a new code
        there, an order a new number; a tag with the same name there is the same tag."""
        for numbered, column, take_one in _NUMBERED:
            if model is numbered and column in error:
                with self.office.db.bind_ctx(_ALL):
                    merge.send[column] = merge.take[column] = take_one()
                return True
        if model._meta.table_name == "tag":
            found = self.office.db.execute_sql(
                "SELECT uuid FROM tag WHERE name = %s", (merge.send["name"],)
            ).fetchone()
            if found:
                self.rekeyed[row_uuid] = sync_rows.hex_uuid(found[0])
                merge.send = {}
                return False
        return False

    @contextlib.contextmanager
    def _server_write(self, model: type[peewee.Model], row_uuid: str) -> Iterator[None]:
        """One row's writes on the server: what it refuses is noted, and the sync goes on."""
        try:
            with self.office.db.atomic():
                yield
        except (peewee.DatabaseError, sync_rows.MissingParent) as exc:
            if row_uuid in self.rekeyed:  # not refused: it is the server's row of that name
                return
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self.failed[(model._meta.table_name, row_uuid)] = message
            self.result.refused.append(f"{model._meta.table_name} {row_uuid}: {message}")

    def _note_customer(self, model: type[peewee.Model], row: Wire | None, *, remote: bool) -> None:
        if row is None:
            return
        customer = sync_rows.customer_of(model, row)
        if customer:
            (self.touched_remote if remote else self.touched_local).add(customer)

    # 3: what changed on the server

    def receive(self, mark: str, own: str) -> None:
        where = "sync_xid >= %s::xid8 AND sync_xid NOT IN (pg_current_xact_id(), %s::xid8)"
        for number, model in enumerate(sync_tracking.SYNCED, start=1):
            rows = self.office.rows(
                model, "t." + where.replace(" sync_xid", " t.sync_xid"), [mark, own]
            )
            for row_uuid in self.pending.get(model, {}):
                rows.pop(row_uuid, None)
            self.pulled[model] = rows
            self.step("receive", number, len(sync_tracking.SYNCED))
        cursor = self.office.db.execute_sql(
            f"SELECT table_name, row_uuid FROM {sync_tracking.TOMBSTONES} WHERE {where}",
            (mark, own),
        )
        self.gone = [(t, sync_rows.hex_uuid(u)) for t, u in cursor.fetchall() if t in TABLES]
        # Row-level security decides: a customer given to another rep is no longer here.
        cursor = self.office.db.execute_sql("SELECT uuid FROM customer")
        self.visible = {sync_rows.hex_uuid(u) for (u,) in cursor.fetchall()}
        if self.held is not None:
            self._receive_whole(self.visible - self.held)

    def _receive_whole(self, customers: set[str]) -> None:
        """Everything that hangs off customers this user may now see (given to them, or
        shared) that the replica does not hold: unchanged rows too, they are new there."""
        if not customers:
            return
        found: dict[type[peewee.Model], dict[str, int]] = {}
        for model in sync_tracking.SYNCED:
            if model is Customer:
                rows = self.office.by_uuid(Customer, customers)
            else:
                links = [
                    f
                    for f in sync_rows.fields_of(model)
                    if isinstance(f, peewee.ForeignKeyField) and f.rel_model in found
                ]
                if not links:
                    continue
                rows = {}
                for f in links:
                    parents = list(found[f.rel_model].values())
                    for start in range(0, len(parents), sync_rows.BATCH):
                        chunk = parents[start : start + sync_rows.BATCH]
                        marks = ", ".join(["%s"] * len(chunk))
                        rows.update(
                            self.office.rows(model, f't."{f.column_name}" IN ({marks})', chunk)
                        )
            for row_uuid in self.pending.get(model, {}):
                rows.pop(row_uuid, None)
            if rows:
                found[model] = {u: row["id"] for u, row in rows.items()}
                self.pulled.setdefault(model, {}).update(rows)

    def refresh_remote(self) -> None:
        """The server's search documents and follow-up summaries of what was sent; then
        the server's rows as they now are (its triggers may have set some fields)."""
        ids = list(self.office.ids(Customer, self.touched_remote).values())
        with self.office.db.bind_ctx(_ALL):
            followups.refresh_summaries(ids)
            customer_service.reindex_customers(ids)
        for model, rows in self.pending.items():
            wanted = set(rows) | (self.touched_remote if model is Customer else set())
            self.after[model] = self.office.by_uuid(model, wanted)
        if Customer not in self.after and self.touched_remote:
            self.after[Customer] = self.office.by_uuid(Customer, self.touched_remote)

    # 4: this replica takes it all, in one transaction

    def apply_here(self) -> None:
        self.local = sync_rows.Side(database.obj)
        db = self.local.db
        with db.atomic():
            db.execute_sql("INSERT INTO sync_applying (one) VALUES (1)")
            for old, new in self.rekeyed.items():
                db.execute_sql("UPDATE tag SET uuid = ? WHERE uuid = ?", (new, old))
            for model in sync_tracking.SYNCED:
                if model in self.merges:
                    self._apply_merges(model)
            self._apply_pulled()
            for table, row_uuid in self.gone:
                model = TABLES[table]
                if row_uuid in self.pending.get(model, {}):
                    continue  # merged above: a conflict if it was changed here
                row_id = self.local.ids(model, [row_uuid]).get(row_uuid)
                if row_id is not None:
                    if model is Customer:
                        search_index.delete_documents(db, [row_id])
                    self.result.deleted += self.local.delete(model, row_id)
            self._drop_unseen()
            local_ids = self.local.ids(Customer, self.touched_local | self.touched_remote)
            customer_service.reindex_customers(local_ids.values())
            put_setting(WATERMARK, self.mark)
            put_setting(OWN_XID, self.own)
            put_setting(LAST_SYNCED, utcnow().isoformat())
            db.execute_sql("DELETE FROM sync_applying")
        self.result.conflicts = open_conflict_count()

    def _drop_unseen(self) -> None:
        """Customers this user may no longer see at the office (given to another rep, no
        longer shared) leave the replica with all that hangs off them — unless a change
        made here waits for them (that is a conflict, see `merge_row`)."""
        if self.visible is None:
            return
        waiting = {
            sync_rows.customer_of(model, row)
            for part in (self.pending, self.read_here)
            for model, rows in part.items()
            for row in rows.values()
            if row
        }
        here = self.local.db.execute_sql("SELECT uuid, id FROM customer").fetchall()
        unseen = [i for u, i in here if u not in self.visible and u not in waiting]
        for start in range(0, len(unseen), sync_rows.BATCH):
            chunk = unseen[start : start + sync_rows.BATCH]
            search_index.delete_documents(self.local.db, chunk)
            Customer.delete().where(Customer.id.in_(chunk)).bind(self.local.db).execute()
        self.local.known.clear()
        self.result.deleted += len(unseen)

    def _apply_merges(self, model: type[peewee.Model]) -> None:
        table = model._meta.table_name
        read = self.read_here.get(model, {})
        now = self.local.by_uuid(model, self.merges[model])
        ids = {u: r["id"] for u, r in now.items()}
        after = self.after.get(model, {})
        writes, later, done, settled = [], [], [], []  # pending no more; and with no conflict left
        for row_uuid, merge in self.merges[model].items():
            base = self.pending[model][row_uuid]
            if (table, row_uuid) in self.failed:
                reason = f"the server refused it: {self.failed[table, row_uuid]}"
                self._note_conflict(model, row_uuid, "", now.get(row_uuid), None, None, reason)
                continue
            if now.get(row_uuid) != read.get(row_uuid):
                # Changed again while this sync ran: noted again, against the server's row.
                if row_uuid in after:
                    _write_pending(table, row_uuid, after[row_uuid])
                continue
            server = after.get(row_uuid)
            mine = now.get(row_uuid, {})
            if merge.delete_local and row_uuid in ids:
                self.local.delete(model, ids[row_uuid])
            elif server is not None:
                row = {**server, **{f: mine[f] for f in merge.conflicts if f in mine}}
                now_fields, later_fields = sync_rows.now_and_later(model, row)
                writes.append((row, now_fields, ids.get(row_uuid)))
                if later_fields:
                    later.append((row_uuid, row, later_fields))
                self.result.received += merge.restore_local
            if not merge.conflicts:
                done.append((table, row_uuid))
                settled.append((table, row_uuid))
                continue
            self._clear_conflicts(table, row_uuid, merge.conflicts)
            for name, (here, there) in merge.conflicts.items():
                self._note_conflict(
                    model, row_uuid, name, mine or server, here, there, merge.reason
                )
            if merge.restore_local:
                done.append((table, row_uuid))
            elif not merge.reason:  # the conflicting fields keep their base, so they stay so
                kept = {f: (base or {}).get(f) for f in merge.conflicts}
                _write_pending(table, row_uuid, {**server, **kept})
            # (changed here, gone there: kept as it is until the user decides)
        self.local.write_many(model, writes)
        cursor = self.local.db.cursor()
        cursor.executemany("DELETE FROM sync_pending WHERE tbl = ? AND row_uuid = ?", done)
        cursor.executemany("DELETE FROM sync_conflict WHERE tbl = ? AND row_uuid = ?", settled)
        if later:  # references to rows of the same table, once all are here
            ids = self.local.ids(model, (u for u, _, _ in later))
            self.local.write_many(model, [(row, f, ids[u]) for u, row, f in later if u in ids])

    def _apply_pulled(self) -> None:
        for model in sync_tracking.SYNCED:
            rows = self.pulled.get(model, {})
            if not rows:
                continue
            ids = self.local.ids(model, rows)
            split = {u: sync_rows.now_and_later(model, row) for u, row in rows.items()}
            items = [(row, split[u][0], ids.get(u)) for u, row in rows.items()]
            # Rows naming a row this replica does not hold belong to what it may not see.
            try:
                with self.local.db.atomic():
                    self.result.received += self.local.write_many(model, items, skip_orphans=True)
            except peewee.IntegrityError:  # a unique name taken here: the others go in
                for item in items:
                    try:
                        with self.local.db.atomic():
                            self.local.write(*item)
                        self.result.received += 1
                    except (sync_rows.MissingParent, peewee.IntegrityError):
                        continue
            for row in rows.values():
                self._note_customer(model, row, remote=False)
            later = [(row, split[u][1], u) for u, row in rows.items() if split[u][1]]
            if later:  # references to rows of the same table, once all are here
                ids = self.local.ids(model, (u for _, _, u in later))
                self.local.write_many(model, [(r, f, ids[u]) for r, f, u in later if u in ids])

    def _clear_conflicts(self, table: str, row_uuid: str, keep: Iterable[str]) -> None:
        keep = list(keep)
        marks = ", ".join("?" * len(keep))
        database.execute_sql(
            "DELETE FROM sync_conflict WHERE tbl = ? AND row_uuid = ?"
            + (f" AND field NOT IN ({marks})" if keep else ""),
            (table, row_uuid, *keep),
        )

    def _note_conflict(
        self,
        model: type[peewee.Model],
        row_uuid: str,
        name: str,
        row: Wire | None,
        here: Any,
        there: Any,
        reason: str | None,
    ) -> None:
        who, when = self.remote_by.get((model, row_uuid), (None, None))
        database.execute_sql(
            "INSERT INTO sync_conflict (tbl, row_uuid, field, customer_uuid, local, remote, "
            "remote_by, remote_at, reason, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (tbl, row_uuid, field) DO UPDATE SET local = excluded.local, "
            "remote = excluded.remote, remote_by = excluded.remote_by, "
            "remote_at = excluded.remote_at, reason = excluded.reason",
            (
                model._meta.table_name,
                row_uuid,
                name,
                sync_rows.customer_of(model, row) if row else None,
                json.dumps(here, ensure_ascii=False),
                json.dumps(there, ensure_ascii=False),
                who,
                when,
                reason,
                utcnow().isoformat(),
            ),
        )


def sync(url: str, *, progress: Progress | None = None) -> SyncResult:
    """Send this replica's changes to its office database at `url` and fetch the office's."""
    if not is_replica():
        raise CrmError(text("not_a_replica"))
    mark = setting(WATERMARK)
    if mark is None:
        raise CrmError(text("replica_without_mark"))
    office = make_database(url)
    office.connect()
    try:
        migrations.require_current(office, display_target(url))
        (user,) = office.execute_sql("SELECT session_user").fetchone()
        if user != setting(USER):
            raise CrmError(text("replica_of_another_user", owner=setting(USER), user=user))
        pending, here = changes_here()
        run = Run(office, progress, pending, here, replica_name(), customers_here(), offer(here))
        with office.atomic():
            run.office_half(mark, setting(OWN_XID) or "0")
            run.step("commit", 0, 1)
        run.apply_here()
    finally:
        office.close()
    return run.result


# ------------------------------------------------------------------------ conflicts


def open_conflict_count() -> int:
    return database.execute_sql("SELECT COUNT(*) FROM sync_conflict").fetchone()[0]


def conflicts() -> list[Conflict]:
    """Every open conflict, newest first, with the name of the customer it belongs to."""
    cursor = database.execute_sql(
        "SELECT k.id, k.tbl, k.row_uuid, k.field, k.customer_uuid, c.name, k.local, k.remote, "
        "k.remote_by, k.remote_at, k.reason FROM sync_conflict k "
        "LEFT JOIN customer c ON c.uuid = k.customer_uuid ORDER BY k.found_at DESC, k.id"
    )
    return [
        Conflict(
            i, t, u, f, sync_rows.hex_uuid(cu), name, json.loads(lo), json.loads(re), by, at, why
        )
        for i, t, u, f, cu, name, lo, re, by, at, why in cursor.fetchall()
    ]


def conflicted_customers() -> set[str]:
    """The uuids of customers with an open conflict (for the badge)."""
    cursor = database.execute_sql(
        "SELECT DISTINCT customer_uuid FROM sync_conflict WHERE customer_uuid IS NOT NULL"
    )
    return {sync_rows.hex_uuid(u) for (u,) in cursor.fetchall()}


MINE, THEIRS = "mine", "theirs"
_UNSET = object()


def resolve(conflict_id: int, choice: str, value: Any = _UNSET) -> None:
    """Settle a conflict: MINE keeps this replica's side, THEIRS takes the office's; for
    a field, `value` (in the wire form) is used instead of either. The next sync sends
    the outcome, so every replica ends with it."""
    if choice not in (MINE, THEIRS):
        raise CrmError(text("bad_conflict_choice", mine=MINE, theirs=THEIRS, choice=choice))
    found = [c for c in conflicts() if c.id == conflict_id]
    if not found:
        raise CrmError(text("conflict_settled"))
    (conflict,) = found
    model = TABLES[conflict.table]
    local = sync_rows.Side(database.obj)
    with write_transaction():
        row_id = local.ids(model, [conflict.row_uuid]).get(conflict.row_uuid)
        base = _pending_of(conflict.table, conflict.row_uuid)
        if conflict.kind == "field":
            chosen = (
                value
                if value is not _UNSET
                else (conflict.local if choice == MINE else conflict.remote)
            )
            _settle_field(model, row_id, conflict, chosen, base)
        elif conflict.kind == "deleted_here" and choice == MINE and row_id is not None:
            local.delete(model, row_id)  # deleted again, noted: the next sync deletes it there
        elif conflict.kind == "deleted_there":
            if choice == MINE:  # it goes back to the server as a new row
                _write_pending(conflict.table, conflict.row_uuid, None)
            else:
                _quietly(lambda: row_id is not None and local.delete(model, row_id))
                _drop_pending(conflict.table, conflict.row_uuid)
        elif conflict.kind == "refused" and choice == THEIRS:
            _quietly(lambda: _restore(local, model, row_id, conflict.row_uuid, base))
            _drop_pending(conflict.table, conflict.row_uuid)
        database.execute_sql("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))


def _settle_field(
    model: type[peewee.Model],
    row_id: int | None,
    conflict: Conflict,
    chosen: Any,
    base: Wire | None,
) -> None:
    if row_id is None:
        return
    local = sync_rows.Side(database.obj)
    (here,) = local.by_uuid(model, [conflict.row_uuid]).values()
    # The server's value is now the base: the next sync sends the choice if it differs.
    _write_pending(
        conflict.table, conflict.row_uuid, {**(base or here), conflict.field: conflict.remote}
    )
    if here.get(conflict.field) == chosen:
        return
    row = {
        "uuid": conflict.row_uuid,
        conflict.field: chosen,
        "updated_at": sync_rows.wire_value(model.updated_at, utcnow()),
    }
    if model is Customer and conflict.field == "name":
        row["sort_key"] = customer_service.sort_key(chosen)
    local.write(model, row, set(row) - {"uuid"}, row_id)
    customer = sync_rows.customer_of(model, here)
    if customer:
        customer_id = local.ids(Customer, [customer]).get(customer)
        history.record(customer_id, "update", [(conflict.field, here.get(conflict.field), chosen)])


def _restore(
    local: sync_rows.Side,
    model: type[peewee.Model],
    row_id: int | None,
    row_uuid: str,
    base: Wire | None,
) -> None:
    """The row as it was at the last sync (a new row the server refused goes)."""
    if base is None:
        if row_id is not None:
            local.delete(model, row_id)
        return
    local.write(model, {**base, "uuid": row_uuid}, set(base) - {"id", "uuid"}, row_id)


def _quietly(action: Callable[[], Any]) -> None:
    """Write without noting it as a change to send (the server has it so already)."""
    database.execute_sql("INSERT INTO sync_applying (one) VALUES (1)")
    try:
        action()
    finally:
        database.execute_sql("DELETE FROM sync_applying")


def _pending_of(table: str, row_uuid: str) -> Wire | None:
    return _pending(table, row_uuid).get(TABLES[table], {}).get(row_uuid)


def _write_pending(table: str, row_uuid: str, base: Wire | None) -> None:
    database.execute_sql(
        "INSERT OR REPLACE INTO sync_pending (tbl, row_uuid, base, base_kind) "
        "VALUES (?, ?, ?, 'wire')",
        (table, row_uuid, None if base is None else json.dumps(base, ensure_ascii=False)),
    )


def _drop_pending(table: str, row_uuid: str) -> None:
    database.execute_sql(
        "DELETE FROM sync_pending WHERE tbl = ? AND row_uuid = ?", (table, row_uuid)
    )
