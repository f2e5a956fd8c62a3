"""An office on the test suite's PostgreSQL server: five users and a customer each."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg

from desktop_crm.db import office
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain import customers, followups
from tests import postgres

PASSWORD = "correct horse 8"
WANGS, CHENS = "wang's customer", "chen's customer"
# name: (role, team)
PEOPLE = {
    "wang": ("rep", "east"),
    "li": ("rep", "east"),
    "chen": ("rep", "west"),
    "zhao": ("manager", "east"),
    "boss": ("admin", None),
}


@dataclass
class Office:
    name: str  # the database
    ids: dict[str, int]  # customer name → id

    def connect(self, user: str, password: str = PASSWORD) -> psycopg.Connection:
        url = postgres.database_url(self.name, user=user, password=password)
        return psycopg.connect(url, autocommit=True)

    def names(self, user: str, query: str = "SELECT name FROM customer") -> set[str]:
        with self.connect(user) as conn:
            return {row[0] for row in conn.execute(query)}


def make_office(pg_url: str) -> Office:
    """An office: five users, a customer owned by each rep, one shared, a follow-up each."""
    db = open_database(pg_url)
    office.install(db)
    for username, (role, team) in PEOPLE.items():
        office.add_user(db, username, PASSWORD, role=role, team=team)
    ids = {}
    for owner in ("wang", "li", "chen"):
        record = customers.create_customer({"name": f"{owner}'s customer", "owner": owner})
        followups.log_contact(record.id, channel="phone", subject=f"call {owner}")
        ids[record.name] = record.id
    shared = customers.create_customer({"name": "shared customer", "owner": "chen"})
    customers.update_customer(shared.id, {"shared": True})
    ids["shared customer"] = shared.id
    close_database()
    return Office(urlsplit(pg_url).path.lstrip("/"), ids)
