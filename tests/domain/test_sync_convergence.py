"""Property: whatever the office and two replicas do between syncs, after syncing they
hold the same data, and every edit was applied or shown as a conflict — none vanishes.

Hypothesis draws rounds of edits (two text fields of two customers), customers put in
the trash and restored, follow-ups logged and follow-ups deleted, by the office and by
two laptops (wang's, and his manager zhao's), then syncs the laptops in a random order,
settles every conflict at random and syncs until all agree. Against the real test
server.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.db import office
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, FollowUp, User
from desktop_crm.domain import customers, followups, replica, sync
from tests import postgres
from tests.office import PASSWORD, PEOPLE, WANGS

PARTIES = ("office", "wang", "zhao")
CUSTOMERS = (WANGS, "shared customer")
FIELDS = ("notes", "title")
_subjects = itertools.count()

op = st.one_of(
    st.tuples(
        st.just("edit"),
        st.sampled_from(PARTIES),
        st.sampled_from(CUSTOMERS),
        st.sampled_from(FIELDS),
        st.sampled_from(("甲", "乙", "丙", "mornings")),
    ),
    st.tuples(st.just("log"), st.sampled_from(PARTIES), st.sampled_from(CUSTOMERS)),
    st.tuples(st.just("drop"), st.sampled_from(PARTIES), st.sampled_from(CUSTOMERS)),
    st.tuples(
        st.sampled_from(("trash", "restore")), st.sampled_from(PARTIES), st.sampled_from(CUSTOMERS)
    ),
)
rounds = st.lists(st.lists(op, min_size=1, max_size=6), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def roles(pg_template: str) -> Iterator[None]:
    """The users' login roles, made once (roles are server-wide); dropped at the end."""
    yield
    postgres.drop_login_roles()


class World:
    """One office database and the two laptops taken from it."""

    def __init__(self, template: str, folder: Path) -> None:
        self.name = postgres.new_database_name()
        postgres.create_database(self.name, template=template)
        db = open_database(postgres.database_url(self.name))
        office.install(db)
        for username, (role, team) in PEOPLE.items():
            try:
                office.add_user(db, username, PASSWORD, role=role, team=team)
            except Exception:  # noqa: BLE001 - the role is there from an earlier example
                User.create(username=username, display_name=username, role=role, team=team)
        for name, owner in ((WANGS, "wang"), ("li's customer", "li")):
            customers.create_customer({"name": name, "owner": owner})
        shared = customers.create_customer({"name": "shared customer", "owner": "chen"})
        customers.update_customer(shared.id, {"shared": True})
        close_database()
        self.urls = {
            p: postgres.database_url(
                self.name, user="boss" if p == "office" else p, password=PASSWORD
            )
            for p in PARTIES
        }
        self.files = {}
        for party in ("wang", "zhao"):
            self.files[party] = folder / f"{self.name}-{party}.db"
            replica.clone(self.urls[party], self.files[party])

    def at(self, party: str) -> None:
        close_database()
        open_database(self.urls[party] if party == "office" else str(self.files[party]))

    def sync(self, party: str) -> None:
        self.at(party)
        sync.sync(self.urls[party])

    def state(self, party: str) -> tuple:
        self.at(party)
        fields = {
            (c.name, f): getattr(c, f) if f != "trashed" else c.deleted_at is not None
            for c in Customer.select().where(Customer.name.in_(CUSTOMERS))
            for f in (*FIELDS, "trashed")
        }
        subjects = {
            (f.customer.name, f.subject)
            for f in FollowUp.select().join(Customer).where(Customer.name.in_(CUSTOMERS))
        }
        return fields, subjects

    def drop(self) -> None:
        close_database()
        postgres.drop_database(self.name)


def apply(world: World, step: tuple, written: dict, logged: set, dropped: set) -> None:
    kind, party, name = step[:3]
    world.at(party)
    customer = Customer.get(Customer.name == name)
    trashed = customer.deleted_at is not None
    if kind == "edit" and not trashed:  # (the trash takes no edits)
        field, value = step[3], step[4]
        customers.update_customer(customer.id, {field: value})
        written[(name, field)][party] = value  # the party's last value
    elif kind == "trash" and not trashed:
        customers.trash_customers([customer.id])
        written[(name, "trashed")][party] = True
    elif kind == "restore" and trashed:
        customers.restore_customers([customer.id])
        written[(name, "trashed")][party] = False
    elif kind == "log" and not trashed:
        subject = f"visit {next(_subjects)}"
        followups.log_contact(customer.id, channel="visit", subject=subject)
        logged.add((name, subject))
    elif kind == "drop":
        first = FollowUp.select().where(FollowUp.customer == customer.id).first()
        if first is not None:
            dropped.add((name, first.subject))
            FollowUp.delete().where(FollowUp.id == first.id).execute()


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=rounds, data=st.data())
def test_the_office_and_two_replicas_converge_and_no_edit_vanishes(
    roles, pg_template, tmp_path, plan, data
):
    world = World(pg_template, tmp_path)
    try:
        for steps in plan:
            written: dict = defaultdict(dict)
            logged: set = set()
            dropped: set = set()
            for step in steps:
                apply(world, step, written, logged, dropped)
            seen_conflicts: set = set()
            for party in data.draw(st.permutations(["wang", "zhao"])):
                world.sync(party)
                seen_conflicts |= {(c.customer_name, c.field) for c in sync.conflicts()}
            for attempt in range(6):  # settle every conflict, at random, until none is left
                open_ = False
                for party in ("wang", "zhao"):
                    world.at(party)
                    for conflict in sync.conflicts():
                        open_ = True
                        pick = data.draw(st.sampled_from((sync.MINE, sync.THEIRS)))
                        sync.resolve(conflict.id, pick if attempt < 3 else sync.THEIRS)
                    world.sync(party)
                if not open_:
                    break
            for party in ("wang", "zhao", "wang"):
                world.sync(party)
            states = {party: world.state(party) for party in PARTIES}
            assert states["wang"] == states["office"] == states["zhao"]
            fields, subjects = states["office"]
            for (name, field), last in written.items():
                if field == "trashed" and (name, "deleted_at") in seen_conflicts:
                    continue  # trashed on one side, edited on the other: the user chose
                assert fields[(name, field)] in set(last.values())  # someone's last value
                if len(set(last.values())) == 1:
                    assert fields[(name, field)] == next(iter(last.values()))
                else:  # different values from different places: shown as a conflict
                    assert (name, "deleted_at" if field == "trashed" else field) in seen_conflicts
            assert logged - dropped <= subjects  # no follow-up vanished
            assert not (dropped & subjects)  # and none deleted came back
    finally:
        world.drop()
