"""Numbered schema migrations, recorded in `schema_version`.

Each step takes the database from version N-1 to N. Before upgrading an existing
database, a copy is taken (offline users have no other). A database written by a newer
version of the app is refused rather than damaged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import peewee
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as migrate_schema

from desktop_crm.db import search_index, sync_tracking
from desktop_crm.db.backup import backup_before_migration
from desktop_crm.db.models import (
    ALL_MODELS,
    ChangeLog,
    Customer,
    CustomerMerge,
    Erasure,
    ImportUpdate,
    Phone,
    SchemaVersion,
    StrategyStep,
    User,
)
from desktop_crm.errors import DatabaseError, SchemaTooNewError

log = logging.getLogger(__name__)


# Models added by a later step; the first step creates the schema as it was released.
_ADDED_LATER = (CustomerMerge, ImportUpdate, StrategyStep)


def _v1_initial_schema(db: peewee.Database) -> None:
    db.create_tables([m for m in ALL_MODELS if m not in _ADDED_LATER])
    search_index.create_tables(db)


def _v2_merge_and_import_undo(db: peewee.Database) -> None:
    """Records of merges and of the customers an import updated, so both can be undone."""
    db.create_tables([CustomerMerge, ImportUpdate])


def _v3_strategy_steps(db: peewee.Database) -> None:
    """Ticked steps of each customer's relationship strategy, kept between runs."""
    db.create_tables([StrategyStep])


def _add_columns(db: peewee.Database, *columns: tuple[type[peewee.Model], str]) -> None:
    """Add model fields a later step brought, unless there (step 1 builds today's models)."""
    for model, name in columns:
        table = model._meta.table_name
        if name not in {c.name for c in db.get_columns(table)}:
            migrate_schema(
                SchemaMigrator.from_database(db).add_column(table, name, model._meta.fields[name])
            )


def _v4_office_columns(db: peewee.Database) -> None:
    """Office mode: customers shared with every rep, and the team a user belongs to."""
    _add_columns(db, (Customer, "shared"), (User, "team"))


def _v5_search_function(db: peewee.Database) -> None:
    """PostgreSQL: searches go through a function office mode can make fast under RLS."""
    search_index.create_search_function(db)


def _v6_capped_search(db: peewee.Database) -> None:
    """PostgreSQL: the search function stops after the hits asked for."""
    search_index.drop_uncapped_search_function(db)
    search_index.create_search_function(db)


def _v7_sync(db: peewee.Database) -> None:
    """Field sync: history names the replica a change came from; the office server notes
    which transaction wrote each row and what was deleted (see sync_tracking)."""
    _add_columns(db, (ChangeLog, "replica"))
    if isinstance(db, peewee.PostgresqlDatabase):
        sync_tracking.install_server(db)


def _v8_erasure(db: peewee.Database) -> None:
    """Erasure of one person: customers can be anonymous shells (`erased_at`), and each
    erasure is recorded (`erasure`). The new table is synced like the others: the office
    stamps and tombstones it, a replica notes its changes."""
    _add_columns(db, (Customer, "erased_at"))
    db.create_tables([Erasure])
    if isinstance(db, peewee.PostgresqlDatabase):
        sync_tracking.install_server(db)
    elif sync_tracking.is_replica(db):
        sync_tracking.note_changes_of(db, [Erasure])


def _v9_unverified_phones(db: peewee.Database) -> None:
    """Phones kept as typed although not valid for their region (`verified` false); the
    numbers already there were all validated, so they start verified."""
    _add_columns(db, (Phone, "verified"))


def _v10_sync_offers(db: peewee.Database) -> None:
    """A replica keeps the rows it sent in a sync that may have reached the server
    without its reply reaching the replica, so that it knows them when they come back."""
    if sync_tracking.is_replica(db):
        db.execute_sql("ALTER TABLE sync_pending ADD COLUMN offered TEXT")


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[peewee.Database], None]] = [
    _v1_initial_schema,
    _v2_merge_and_import_undo,
    _v3_strategy_steps,
    _v4_office_columns,
    _v5_search_function,
    _v6_capped_search,
    _v7_sync,
    _v8_erasure,
    _v9_unverified_phones,
    _v10_sync_offers,
]
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(db: peewee.Database) -> int:
    """The version of the schema in `db`; 0 for an empty database."""
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).bind(db).first()
    return row.version if row else 0


def require_current(db: peewee.Database, target: str) -> None:
    """Refuse an office database at another schema than this app's (a replica is copied
    from it and synced with it row for row, so both must be the same version)."""
    found = schema_version(db)
    if found != CURRENT_VERSION:
        raise DatabaseError(
            f"{target} is at schema {found}, this app at {CURRENT_VERSION}: "
            "use the same version of Desktop CRM as the office"
        )


def _require_schema_rights(db: peewee.Database, target: str, found: int) -> None:
    """On an office server only its administrator may create or upgrade the schema."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    (allowed,) = db.execute_sql(
        "SELECT has_schema_privilege(current_schema(), 'CREATE')"
    ).fetchone()
    if not allowed:
        state = f"at schema {found}, older than this app's {CURRENT_VERSION}" if found else "empty"
        raise DatabaseError(
            f"the office database {target} is {state}: an administrator must run "
            "`desktop-crm office init` on it first"
        )


def migrate(db: peewee.Database, target: str) -> int:
    """Bring `db` to `CURRENT_VERSION`; returns the version it was at."""
    if not db.table_exists(SchemaVersion._meta.table_name):
        if db.get_tables():
            raise DatabaseError(
                f"{target} is not a Desktop CRM database: it holds other tables; "
                "give a new, empty database"
            )
        _require_schema_rights(db, target, 0)
        db.create_tables([SchemaVersion])
    found = schema_version(db)
    if found > CURRENT_VERSION:
        raise SchemaTooNewError(
            f"{target} was written by a newer version of Desktop CRM "
            f"(schema {found}, this version knows up to {CURRENT_VERSION}); "
            "please update the app — the database was left untouched"
        )
    if found == CURRENT_VERSION:
        return found
    _require_schema_rights(db, target, found)
    if found > 0:
        backup_before_migration(db, target, found)
    for number in range(found + 1, CURRENT_VERSION + 1):
        log.info("migrating %s to schema %d", target, number)
        with db.atomic():
            MIGRATIONS[number - 1](db)
            SchemaVersion.delete().execute()
            SchemaVersion.create(version=number)
    return found
