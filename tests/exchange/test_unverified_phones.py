"""Forgiving phones in import: a possible but invalid number keeps the row, unverified."""

from __future__ import annotations

from pathlib import Path

from desktop_crm.db.models import Customer, Phone
from desktop_crm.domain.customers import get_customer
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.exchange.import_preview import inspect_file, preview_rows
from desktop_crm.exchange.importer import import_customers

ROWS = (
    "name,phone\n"
    "Klara Short,+49 151 2345678\n"  # German mobile, one digit short
    "Karl Right,+49 151 98765432\n"  # a German mobile at its valid length
    "Una Short,+44 20 7946 095\n"  # a London number with a digit missing
    "Lettered,+49 151 ABCDEFG\n"  # letters: impossible
    "Tiny,12\n"  # too short for any region
)


def write(tmp_path: Path) -> Path:
    path = tmp_path / "phones.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def phone_of(name: str) -> Phone:
    return Phone.select().join(Customer).where(Customer.name == name).get()


def test_possible_but_invalid_numbers_keep_the_customer_marked_unverified(db, tmp_path):
    summary = import_customers(write(tmp_path))
    assert summary.created == 3
    assert [(p.line, p.where) for p in summary.warnings] == [(2, "phone"), (4, "phone")]
    assert "+49 151 2345678" in summary.warnings[0].reason
    assert "unverified" in summary.warnings[0].reason
    short = phone_of("Klara Short")
    assert (short.number, short.verified, short.digits) == ("+49 151 2345678", False, "1512345678")
    assert phone_of("Una Short").verified is False
    assert phone_of("Karl Right").verified is True
    record = get_customer(Customer.get(Customer.name == "Klara Short").id)
    assert [p.verified for p in record.phones] == [False]
    assert "2 warning(s)" in summary.counts()


def test_impossible_numbers_stay_row_errors(db, tmp_path):
    summary = import_customers(write(tmp_path))
    assert summary.rejected == 2
    assert sorted(p.line for p in summary.problems) == [5, 6]
    assert not Customer.select().where(Customer.name.in_(["Lettered", "Tiny"])).exists()


def test_the_dry_run_lists_the_unverified_numbers_as_warnings(db, tmp_path):
    summary = import_customers(write(tmp_path), dry_run=True)
    assert [(p.line, p.where) for p in summary.warnings] == [(2, "phone"), (4, "phone")]
    assert "not valid for its region" in summary.warnings[1].reason
    assert Customer.select().count() == 0


def test_an_unverified_number_is_found_by_its_digits(db, tmp_path):
    import_customers(write(tmp_path))
    hits = search_customers(CustomerQuery(text="2345678"))
    assert [h.name for h in hits] == ["Klara Short"]
    hits = search_customers(CustomerQuery(text="7946095"))
    assert [h.name for h in hits] == ["Una Short"]


def test_the_mapping_preview_does_not_flag_an_unverified_number_but_flags_letters(db, tmp_path):
    sample = inspect_file(write(tmp_path))
    preview = preview_rows(sample, sample.mapping())
    problems = {row.values.get("name"): row.problem for row in preview}
    assert problems["Klara Short"] == "" and problems["Una Short"] == ""
    assert "not a valid phone number" in problems["Lettered"]
