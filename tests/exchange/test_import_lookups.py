"""An import looks its rows up a chunk at a time and finds what a query per row would."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.models import Customer, Email, Phone
from desktop_crm.domain.customers import create_customer, trash_customers
from desktop_crm.exchange import importer
from desktop_crm.exchange.import_lookups import ImportLookups
from desktop_crm.exchange.importer import import_customers


def _owner_asked_plainly(digits: list[str], emails: list[str]) -> int | None:
    """The first live customer with one of the phones, else with one of the emails: what
    the importer asked per row before it looked rows up in chunks."""
    for model, column, values in ((Phone, Phone.digits, digits), (Email, Email.address, emails)):
        if not values:
            continue
        found = (
            model.select(model.customer)
            .join(Customer)
            .where(column.in_(values) & Customer.deleted_at.is_null())
            .order_by(model.customer)
            .limit(1)
            .scalar()
        )
        if found is not None:
            return found
    return None


def test_owners_are_those_a_query_per_row_finds(db: Any) -> None:
    a = create_customer({"name": "A", "phones": ["13800138001"], "emails": ["a@example.com"]})
    b = create_customer({"name": "B", "phones": ["13800138001", "13800138002"]})
    gone = create_customer({"name": "Gone", "phones": ["13800138003"], "emails": ["g@x.cn"]})
    trash_customers([gone.id])
    firm = create_customer(
        {
            "name": "Firm",
            "kind": "enterprise",
            "contacts": [{"name": "王经理", "phones": ["13800138004"], "emails": ["w@x.cn"]}],
        }
    )
    assert a.id < b.id
    cases = [
        (["13800138001"], []),  # shared by A and B: the first
        (["13800138002", "13800138001"], []),
        (["13800138003"], ["g@x.cn"]),  # only a trashed customer has them
        (["13800138004"], []),  # a contact person's phone counts for the company
        ([], ["w@x.cn"]),
        (["13900000000"], ["a@example.com"]),  # no phone owner: the email's
        (["13800138002"], ["a@example.com"]),  # a phone owner comes first
        ([], []),
        (["13900000000"], ["nobody@example.com"]),
    ]
    lookups = ImportLookups()
    lookups.prefetch(
        phones=[d for digits, _ in cases for d in digits],
        emails=[e for _, emails in cases for e in emails],
    )
    unasked = ImportLookups()  # nothing prefetched: each key asked on the spot
    for digits, emails in cases:
        expected = _owner_asked_plainly(digits, emails)
        assert lookups.owner_of(digits, emails) == expected, (digits, emails)
        assert unasked.owner_of(digits, emails) == expected, (digits, emails)
    assert lookups.owner_of(["13800138004"], []) == firm.id


def test_codes_external_ids_and_uuids_are_looked_up_in_one_go(db: Any) -> None:
    a = create_customer({"name": "A", "external_id": "x-1"})
    b = create_customer({"name": "B", "external_id": "x-1"})
    trash_customers([a.id])  # a trashed customer keeps its code, not its external id
    lookups = ImportLookups()
    lookups.prefetch(codes=[a.code, "C999999"], externals=["x-1", "x-2"])
    assert (lookups.by_code(a.code), lookups.by_code("C999999")) == (a.id, None)
    assert (lookups.by_external_id("x-1"), lookups.by_external_id("x-2")) == (b.id, None)
    assert lookups.by_uuid(uuid.UUID(b.uuid)) == b.id
    assert lookups.by_uuid(uuid.uuid4()) is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


# Duplicates against the database and within the file, and customers that gain a phone
# or an email during the import (an update, a merge) found by later rows.
FILE = (
    "code,name,phones,emails,notes\n"
    ",甲,13800138001,,\n"  # line 2: a duplicate of 老王 (phone)
    ",乙,13900139001,b@example.com,\n"  # 3: new
    ",丙,13900139002,b@example.com,\n"  # 4: the same email as line 3
    "{code},老李,13700137001,,改过\n"  # 5: updates 老李 and gives him a new phone …
    ",丁,13700137001,,\n"  # 6: … which this row then duplicates
    ",戊,13600136001,li@example.com,\n"  # 7: a duplicate of 老李 by email
    ",己,13900139001,,\n"  # 8: line 3's phone again
    ",庚,+86 139 0013 9003,,\n"  # 9: new, written with spaces
    ",辛,13900139003,,\n"  # 10: the same number as line 9
)


def _existing() -> tuple[Any, Any]:
    wang = create_customer({"name": "老王", "phones": ["13800138001"]})
    li = create_customer({"name": "老李", "emails": ["li@example.com"]})
    return wang, li


def _plans(tmp_path: Path, on_duplicate: str, li_code: str) -> list[tuple[int, str, str | None]]:
    summary = import_customers(
        write(tmp_path, FILE.format(code=li_code)), on_duplicate=on_duplicate, keep_plans=True
    )
    return [(p.line, p.action, p.code) for p in summary.plans]


@pytest.mark.parametrize(("lookup_every", "flush_every"), [(2000, 500), (1, 1), (3, 2), (4, 100)])
def test_duplicates_are_found_whatever_the_chunks(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookup_every: int, flush_every: int
) -> None:
    monkeypatch.setattr(importer, "LOOKUP_EVERY", lookup_every)
    monkeypatch.setattr(importer, "FLUSH_EVERY", flush_every)
    wang, li = _existing()
    assert _plans(tmp_path, "skip", li.code) == [
        (2, "skip", wang.code),
        (3, "create", "C000003"),
        (4, "skip", "C000003"),
        (5, "update", li.code),
        (6, "skip", li.code),
        (7, "skip", li.code),
        (8, "skip", "C000003"),
        (9, "create", "C000004"),
        (10, "skip", "C000004"),
    ]


@pytest.mark.parametrize(("lookup_every", "flush_every"), [(2000, 500), (1, 1), (3, 2)])
def test_merged_rows_are_found_by_later_rows_whatever_the_chunks(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookup_every: int, flush_every: int
) -> None:
    monkeypatch.setattr(importer, "LOOKUP_EVERY", lookup_every)
    monkeypatch.setattr(importer, "FLUSH_EVERY", flush_every)
    wang, li = _existing()
    text = (
        "name,phones,emails\n"
        "甲,13800138001,jia@example.com\n"  # merged into 老王, who gains the email …
        "乙,13500135001,jia@example.com\n"  # … which this row then duplicates
        "丙,13600136001,li@example.com\n"  # merged into 老李, who gains the phone …
        "丁,13600136001,\n"  # … and this row adds nothing new to him
    )
    summary = import_customers(write(tmp_path, text), on_duplicate="merge", keep_plans=True)
    assert [(p.line, p.action, p.code) for p in summary.plans] == [
        (2, "merge", wang.code),
        (3, "merge", wang.code),
        (4, "merge", li.code),
        (5, "unchanged", li.code),
    ]


def test_create_anyway_makes_every_duplicate(db: Any, tmp_path: Path) -> None:
    _wang, li = _existing()
    actions = [action for _line, action, _code in _plans(tmp_path, "create", li.code)]
    assert actions == ["create"] * 3 + ["update"] + ["create"] * 5
