"""Sync without a network: the same changes, carried in signed files on a USB stick.

1. On the laptop, `write_changes` puts every change made here since the last sync into
   a file (nothing is marked sent: the reply does that).
2. At the office, signed in as the replica's user, `apply_changes` merges the file into
   the office database exactly as a network sync would (the server's rules apply to
   that user) and writes the *reply*: the office's side of the merge and everything
   the user may see that changed there since the replica last synced.
3. Back on the laptop, `apply_reply` applies the reply as a network sync's last step.

Each file is signed (HMAC-SHA256) with the key the replica and the office agreed on when
it was taken, and numbered. A file from another office or replica, one altered or cut
short, and one older than the last applied are refused, with a line saying which. A
file is written to `NAME.part` and renamed when complete, so an interrupted write never
leaves a file that looks whole. Stopped between any two steps, the next file or sync
completes the work: applying changes the server already holds changes nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import peewee

from desktop_crm.db import sync_tracking
from desktop_crm.db.models import database, utcnow
from desktop_crm.domain import sync
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, FileFormatError

FORMAT = "desktop-crm-sync/1"
CHANGES, REPLY = "changes", "reply"
SEQUENCE = "sync.file_sequence"  # the number of the last file written here
REPLY_SEQUENCE = "sync.reply_sequence"  # the number of the last reply applied here


@dataclass(frozen=True)
class FileResult:
    path: Path
    rows: int  # changes carried
    sequence: int


# ------------------------------------------------------------------ signed files


def _write(path: Path, header: dict[str, Any], body: dict[str, Any], secret: str) -> Path:
    """Header line (with the signature of the payload), then the payload, into `NAME.part`
    (returned; `os.replace` it onto `path` when what it says is true)."""
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    signed = json.dumps(header, sort_keys=True).encode() + b"\n" + payload
    header = {**header, "mac": hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()}
    part = path.with_name(path.name + ".part")
    with part.open("wb") as out:
        out.write(json.dumps(header, ensure_ascii=False).encode() + b"\n" + payload)
        out.flush()
        os.fsync(out.fileno())
    return part


def read_header(path: Path) -> dict[str, Any]:
    """The file's header (unchecked): which replica, which office, which kind, which number."""
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
    except (OSError, ValueError) as exc:
        raise FileFormatError(f"{text('not_a_sync_file', file=path)} ({exc})") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise FileFormatError(text("not_a_sync_file", file=path))
    try:
        UUID(str(header.get("replica")))
    except ValueError as exc:
        raise FileFormatError(text("not_a_sync_file", file=path)) from exc
    return header


def _read(path: Path, secret: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and payload of a file signed with `secret`; refuses any other."""
    header = read_header(path)
    data = path.read_bytes()
    payload = data[data.index(b"\n") + 1 :]
    unsigned = {k: v for k, v in header.items() if k != "mac"}
    signed = json.dumps(unsigned, sort_keys=True).encode() + b"\n" + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, str(header.get("mac", ""))):
        raise FileFormatError(text("sync_file_altered", file=path))
    return unsigned, json.loads(payload)


def _header(kind: str, sequence: int, **more: Any) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "kind": kind,
        "sequence": sequence,
        "written_at": utcnow().isoformat(),
        **more,
    }


# -------------------------------------------------------------- on the laptop


def write_changes(path: str | Path) -> FileResult:
    """The changes made on this replica since the last sync, for the office."""
    path = Path(path)
    if not sync.is_replica():
        raise CrmError(text("sync_file_needs_replica"))
    pending, here = sync.changes_here()
    sequence = int(sync.setting(SEQUENCE) or 0) + 1
    header = _header(
        CHANGES,
        sequence,
        replica=sync.setting(sync.REPLICA),
        user=sync.setting(sync.USER),
        office=sync.origin(),
    )
    body = {
        "name": sync.replica_name(),
        "mark": sync.setting(sync.WATERMARK),
        "own": sync.setting(sync.OWN_XID) or "0",
        "pending": {m._meta.table_name: rows for m, rows in pending.items()},
        "read_here": {m._meta.table_name: rows for m, rows in here.items()},
        "held": sync.customers_here(),
        "offered": {m._meta.table_name: rows for m, rows in sync.offer(here).items()},
    }
    part = _write(path, header, body, sync.setting(sync.SECRET))
    with database.atomic():
        sync.put_setting(SEQUENCE, sequence)
    os.replace(part, path)
    return FileResult(path, sum(len(rows) for rows in pending.values()), sequence)


def apply_reply(path: str | Path) -> sync.SyncResult:
    """The office's reply to this replica's changes: the last step of a sync."""
    path = Path(path)
    if not sync.is_replica():
        raise CrmError(text("sync_file_needs_replica"))
    header = read_header(path)
    mine = sync.setting(sync.REPLICA)
    if header.get("kind") != REPLY or header.get("replica") != mine:
        raise CrmError(text("not_our_reply", file=path))
    header, body = _read(path, sync.setting(sync.SECRET))
    if header["sequence"] <= int(sync.setting(REPLY_SEQUENCE) or 0) or _older(
        body["mark"], sync.setting(sync.WATERMARK)
    ):
        raise CrmError(text("reply_too_old", file=path, number=header["sequence"]))
    run = sync.Run.from_reply(body, sync.replica_name())
    run.apply_here()
    with database.atomic():
        sync.put_setting(REPLY_SEQUENCE, header["sequence"])
    return run.result


def _older(mark: str, current: str | None) -> bool:
    return current is not None and int(mark) < int(current)


# ------------------------------------------------------------------ at the office


def apply_changes(
    path: str | Path, reply: str | Path, *, progress: sync.Progress | None = None
) -> sync.SyncResult:
    """Merge a replica's changes file into the office database (the one open, signed in as
    the replica's user) and write the reply for it to `reply`."""
    path, reply = Path(path), Path(reply)
    office = database.obj
    if not isinstance(office, peewee.PostgresqlDatabase):
        raise CrmError(text("changes_go_to_office"))
    header = read_header(path)
    if header.get("kind") != CHANGES:
        raise CrmError(text("reply_not_changes", file=path))
    (user,) = office.execute_sql("SELECT session_user").fetchone()
    if header.get("user") != user:
        raise CrmError(
            text("changes_of_another_user", file=path, owner=header.get("user"), user=user)
        )
    part: Path | None = None
    try:
        with office.atomic():
            known = office.execute_sql(
                f"SELECT secret, last_sequence FROM {sync_tracking.REPLICAS} WHERE uuid = %s "
                "FOR UPDATE",
                (header.get("replica"),),
            ).fetchone()
            if known is None:
                raise CrmError(
                    text(
                        "unknown_replica",
                        file=path,
                        office=f"{header.get('office')}, replica {header.get('replica')}",
                        here=office.database,
                    )
                )
            secret, last = known
            header, body = _read(path, secret)
            if header["sequence"] <= last:
                raise CrmError(
                    text(
                        "sync_file_applied_already",
                        file=path,
                        number=header["sequence"],
                        last=last,
                    )
                )

            def by_model(name: str) -> dict:
                return {sync.TABLES[t]: rows for t, rows in body[name].items()}

            run = sync.Run(
                office,
                progress,
                by_model("pending"),
                by_model("read_here"),
                body["name"],
                body.get("held"),  # not in a file of an older version
                by_model("offered") if "offered" in body else None,  # nor this
            )
            run.office_half(body["mark"], body["own"])
            office.execute_sql(
                f"UPDATE {sync_tracking.REPLICAS} SET last_sequence = %s WHERE uuid = %s",
                (header["sequence"], header["replica"]),
            )
            run.step("commit", 0, 1)
            part = _write(
                reply,
                _header(REPLY, header["sequence"], replica=header["replica"], user=user),
                run.reply(),
                secret,
            )
    except BaseException:
        if part is not None:
            part.unlink(missing_ok=True)
        raise
    # Only what the office committed may reach the laptop: the laptop takes a reply's
    # rows as sent.
    os.replace(part, reply)
    return run.result
