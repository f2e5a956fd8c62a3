"""Office mode on PostgreSQL: the app's users as login roles, access enforced by the server.

Every app user is a PostgreSQL login role of the same name, member of the group role
`crm_user`; the server authenticates them (SCRAM) and every statement runs as them. What
each may reach is decided by row-level security policies, not by the client:

- an **admin** reaches every customer;
- a **manager** the customers owned by anyone of their team (and their own);
- a **rep** only the customers they own;
- everyone also reaches customers marked `shared`.

Every table that hangs off a customer (contacts, phones, follow-ups, orders, payments,
history, the search index, …) carries a policy that lets a row through only when its
customer is reachable — the child policies look the customer up *through* the customer
policy, so there is one rule. Triggers keep the rest on the server: only managers and
admins may change a customer's owner (a rep's new customers are their own), and the
history names the signed-in user whatever the client says.

The role of a user (and their team) is read from the `user` table, which app users may
read but not write; accounts are managed by the database owner with
`desktop-crm office …`, which calls the functions below. `install` is idempotent: it is
how `office init` sets up a new database and re-applies the rules after an upgrade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import peewee
import psycopg
from psycopg import sql

from desktop_crm.db import search_index, sync_tracking
from desktop_crm.db.models import ALL_MODELS, Customer, Order, User, utcnow
from desktop_crm.errors import CrmError

GROUP = "crm_user"
ROLES = ("admin", "manager", "rep")
POLICY = "crm_access"
# Login role names: what people type, without quotes or spaces; not a reserved prefix.
_NAME = re.compile(r"^[^\W\d][\w.\-]{0,62}$")
_RESERVED = ("pg_", "crm_", "postgres")

_FUNCTIONS = f"""
-- The role of user `who` (the signed-in user by default), NULL for anyone else.
CREATE OR REPLACE FUNCTION crm_role(who name DEFAULT current_user) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT role FROM "user" WHERE username = who AND active AND deleted_at IS NULL
$$;
CREATE OR REPLACE FUNCTION crm_sees_all(who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(crm_role(who) = 'admin', false)
$$;
-- The owners whose customers `who` reaches: themselves, and for a manager everyone of
-- their team.
CREATE OR REPLACE FUNCTION crm_visible_owners(who name DEFAULT current_user)
RETURNS SETOF integer LANGUAGE sql STABLE AS $$
    SELECT u.id FROM "user" me JOIN "user" u
        ON u.id = me.id OR (me.role = 'manager' AND me.team IS NOT NULL AND u.team = me.team)
    WHERE me.username = who AND me.active AND me.deleted_at IS NULL
$$;
-- Search (see search_index.SEARCH_FUNCTION): run as the database's owner, so the GIN
-- index serves `@@`, with the customer rule applied here to the signed-in user
-- (session_user; current_user is the owner inside). Anyone who is not an app user is
-- the owner or an administrator's script, who reach every row anyway. The body is
-- planned once for any q, so it is written to need no estimate: the two rules that pass
-- every row are decided once, before any row is read (and then no customer is read at
-- all); otherwise each hit's customer is looked up by id. (A join was planned as a scan
-- of every customer: 25 ms a search at 100,000 customers, against 2 ms now.)
CREATE OR REPLACE FUNCTION {search_index.SEARCH_FUNCTION}(q tsquery, cap integer)
RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.customer_id FROM {search_index.TABLE} s
    WHERE s.words @@ q AND (
        (SELECT NOT EXISTS (SELECT 1 FROM "user" WHERE username = session_user))
        OR (SELECT crm_sees_all(session_user))
        OR (SELECT c.shared OR c.owner_id IN (SELECT crm_visible_owners(session_user))
            FROM customer c WHERE c.id = s.customer_id))
    LIMIT cap
$$;
REVOKE ALL ON FUNCTION {search_index.SEARCH_FUNCTION}(tsquery, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {search_index.SEARCH_FUNCTION}(tsquery, integer) TO {GROUP};
CREATE OR REPLACE FUNCTION crm_guard_owner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me "user";
BEGIN
    SELECT * INTO me FROM "user" WHERE username = current_user;
    IF NOT FOUND THEN
        RETURN NEW;  -- the database owner, an administrator's script
    END IF;
    IF TG_OP = 'INSERT' AND NEW.owner_id IS NULL THEN
        NEW.owner_id := me.id;  -- a new customer belongs to whoever creates it
    ELSIF me.role NOT IN ('admin', 'manager') AND (TG_OP = 'INSERT' AND NEW.owner_id <> me.id
            OR TG_OP = 'UPDATE' AND NEW.owner_id IS DISTINCT FROM OLD.owner_id) THEN
        RAISE EXCEPTION 'only a manager or an administrator may assign a customer to someone'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION crm_stamp_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "user" WHERE username = current_user) THEN
        NEW.changed_by := current_user;
    END IF;
    RETURN NEW;
END
$$;
"""


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    team: str | None
    active: bool  # may sign in
    has_login: bool  # a login role of that name exists on the server


def _reachable(model: type[peewee.Model]) -> str | None:
    """The policy condition of a table that hangs off a customer (or an order), else None."""
    if model is Customer:
        return "(SELECT crm_sees_all()) OR shared OR owner_id IN (SELECT crm_visible_owners())"
    links = []
    for field in model._meta.sorted_fields:
        if isinstance(field, peewee.ForeignKeyField) and field.rel_model in (Customer, Order):
            parent = field.rel_model._meta.table_name
            check = f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = {field.column_name})'
            links.append(f"({field.column_name} IS NULL OR {check})" if field.null else check)
    return _ADMIN_OR.format(" AND ".join(links)) if links else None


# An admin's rows pass at once (evaluated once per statement), not parent by parent.
_ADMIN_OR = "(SELECT crm_sees_all()) OR ({})"


def protected_tables() -> dict[str, str]:
    """Each table under row-level security, with its policy condition."""
    tables = {m._meta.table_name: cond for m in ALL_MODELS if (cond := _reachable(m)) is not None}
    tables[search_index.TABLE] = _ADMIN_OR.format(
        "EXISTS (SELECT 1 FROM customer p WHERE p.id = customer_id)"
    )
    tables[sync_tracking.REPLICAS] = "username = session_user"  # their keys are theirs
    return tables


def install(db: peewee.PostgresqlDatabase) -> None:
    """Create the group role, grants, policies and triggers (again, harmlessly, if present)."""
    with db.atomic():
        db.execute_sql(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{GROUP}') THEN CREATE ROLE {GROUP} NOLOGIN; END IF; END $$"
        )
        db.execute_sql(_FUNCTIONS)
        for statement in (
            "REVOKE ALL ON SCHEMA public FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA public TO {GROUP}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {GROUP}",
            f'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "user", schema_version, '
            f"{sync_tracking.TOMBSTONES} FROM {GROUP}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP}",
        ):
            db.execute_sql(statement)
        for table, condition in protected_tables().items():
            db.execute_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
            db.execute_sql(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"')
            db.execute_sql(
                f'CREATE POLICY {POLICY} ON "{table}" TO {GROUP} '
                f"USING ({condition}) WITH CHECK ({condition})"
            )
        for table, name, function in (
            ("customer", "crm_guard_owner", "crm_guard_owner"),
            ("change_log", "crm_stamp_actor", "crm_stamp_actor"),
        ):
            db.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            db.execute_sql(
                f'CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON "{table}" '
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )


def is_installed(db: peewee.PostgresqlDatabase) -> bool:
    """Whether `office init` has set this database up (its policies exist)."""
    cursor = db.execute_sql(
        "SELECT 1 FROM pg_policies WHERE tablename = 'customer' AND policyname = %s", (POLICY,)
    )
    return cursor.fetchone() is not None


# --------------------------------------------------------------------- accounts


def _check_name(username: str) -> str:
    name = username.strip()
    if not _NAME.match(name) or name.lower().startswith(_RESERVED):
        raise CrmError(
            f"{username!r} cannot be a user name: use letters, digits, '.', '_' or '-' "
            "(up to 63, starting with a letter), not beginning with pg_, crm_ or postgres"
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise CrmError(f"unknown role {role!r}: choose admin, manager or rep")
    return role


def _check_password(password: str) -> str:
    if len(password) < 8:
        raise CrmError("the password must have at least 8 characters")
    return password


def _raw(db: peewee.PostgresqlDatabase) -> psycopg.Connection:
    return db.connection()


def _set_password(db: peewee.PostgresqlDatabase, username: str, password: str) -> None:
    """ALTER ROLE … PASSWORD with a SCRAM verifier made here: the password never travels."""
    conn = _raw(db)
    verifier = conn.pgconn.encrypt_password(
        password.encode(), username.encode(), b"scram-sha-256"
    ).decode()
    conn.execute(
        sql.SQL("ALTER ROLE {} WITH LOGIN PASSWORD {}").format(
            sql.Identifier(username), sql.Literal(verifier)
        )
    )


def _role_exists(db: peewee.PostgresqlDatabase, username: str) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (username,)).fetchone())


def _user(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None or user.deleted_at is not None:
        raise CrmError(f"there is no user {username!r} (see `desktop-crm office user list`)")
    return user


def add_user(
    db: peewee.PostgresqlDatabase,
    username: str,
    password: str,
    *,
    role: str = "rep",
    team: str | None = None,
    display_name: str | None = None,
) -> Account:
    """A new app user: a row in `user` and a login role of the same name in `crm_user`."""
    username, role = _check_name(username), _check_role(role)
    _check_password(password)
    team = (team or "").strip() or None
    with db.atomic():
        if _role_exists(db, username):
            raise CrmError(f"there is already a user or a server role named {username!r}")
        # A user the app knew without an account (an owner from an import) gets one.
        existing = User.get_or_none(User.username == username)
        _raw(db).execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(username)))
        _raw(db).execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP), sql.Identifier(username))
        )
        _set_password(db, username, password)
        fields = {
            "display_name": display_name or username,
            "role": role,
            "team": team,
            "active": True,
            "deleted_at": None,
            "updated_at": utcnow(),
        }
        if existing is None:
            User.create(username=username, **fields)
        else:
            User.update(**fields).where(User.id == existing.id).execute()
    return _account(_user(username), True)


def change_password(db: peewee.PostgresqlDatabase, username: str, password: str) -> None:
    """A new password for a user; also lets a disabled user sign in again."""
    _check_password(password)
    with db.atomic():
        user = _user(username)
        _set_password(db, user.username, password)
        User.update(active=True, updated_at=utcnow()).where(User.id == user.id).execute()


def disable_user(db: peewee.PostgresqlDatabase, username: str) -> None:
    """The user can no longer sign in (their open sessions end); their records stay."""
    with db.atomic():
        user = _user(username)
        if _role_exists(db, user.username):
            _raw(db).execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(username)))
        User.update(active=False, updated_at=utcnow()).where(User.id == user.id).execute()
    db.execute_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
        (user.username,),
    )


def list_accounts(db: peewee.PostgresqlDatabase) -> list[Account]:
    """Every user, with whether they have a login role and whether it may sign in."""
    roles = dict(db.execute_sql("SELECT rolname, rolcanlogin FROM pg_roles").fetchall())
    users = User.select().where(User.deleted_at.is_null()).order_by(User.username)
    return [_account(u, roles.get(u.username)) for u in users]


def _account(user: User, can_login: bool | None) -> Account:
    """`can_login` None: the server has no role of that name."""
    return Account(
        user.username,
        user.display_name,
        user.role,
        user.team,
        active=bool(user.active and can_login),
        has_login=can_login is not None,
    )
