"""What the import wizard relies on: file inspection, previews, chosen mappings, strictness."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_crm.db.models import Customer, ImportBatch
from desktop_crm.domain import messages
from desktop_crm.errors import FileFormatError
from desktop_crm.exchange.import_preview import inspect_file, preview_fields, preview_rows
from desktop_crm.exchange.importer import (
    AmbiguousDatesError,
    ambiguous_date_columns,
    import_customers,
)
from desktop_crm.exchange.mapping import (
    MAPPING_CHOICES,
    ColumnMapping,
    choice_key,
    remember_mapping,
    remembered_mapping,
    target_for,
)


def write(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inspecting_a_file_counts_rows_and_reads_its_date_columns(db, tmp_path):
    path = write(tmp_path, "姓名,生日,手机\n张三,03/04/1985,13800138000\n李四,1990-01-02,\n")
    sample = inspect_file(path)
    assert (sample.file_format, sample.row_count, sample.headers) == (
        "csv",
        2,
        ["姓名", "生日", "手机"],
    )
    assert [(i, c.ambiguous) for i, c in sample.dates.items()] == [(1, True)]
    mapping = sample.mapping()
    assert [i for i, _c in sample.ambiguous_dates(mapping)] == [1]


def test_a_chosen_mapping_and_date_order_decide_what_is_imported(db, tmp_path):
    path = write(tmp_path, "客户,备忘,生日\n张三,老朋友,03/04/1985\n")
    headers = ["客户", "备忘", "生日"]
    mapping = ColumnMapping.from_headers(headers)
    with pytest.raises(AmbiguousDatesError):
        import_customers(path, mapping=mapping)
    targets = list(mapping.targets)
    targets[1] = MAPPING_CHOICES["notes"]
    chosen = ColumnMapping.from_targets(headers, "csv", targets)
    assert [c.column for c in ambiguous_date_columns(path, mapping=chosen)] == ["生日"]
    chosen.column_date_orders = {2: "mdy"}
    assert ambiguous_date_columns(path, mapping=chosen) == []
    preview = preview_rows(inspect_file(path), chosen)
    assert preview[0].values["notes"] == "老朋友" and preview[0].values["birthday"] == "1985-03-04"
    assert "notes" in preview_fields(chosen)
    summary = import_customers(path, mapping=chosen)
    (customer,) = Customer.select()
    assert (summary.created, customer.notes, str(customer.birthday)) == (1, "老朋友", "1985-03-04")


def test_a_mapping_for_other_headers_is_refused(db, tmp_path):
    path = write(tmp_path, "姓名,手机\n张三,13800138000\n")
    other = ColumnMapping.from_headers(["姓名", "邮箱"])
    with pytest.raises(FileFormatError, match="no longer has the columns"):
        import_customers(path, mapping=other)


def test_strict_imports_nothing_when_a_row_is_bad(db, tmp_path):
    path = write(tmp_path, "姓名,手机\n张三,13800138000\n李四,12\n")
    summary = import_customers(path, strict=True)
    assert summary.rolled_back and summary.rejected == 1 and summary.batch_id is None
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_a_mapping_is_remembered_per_header_row(db):
    headers = ["Name ", "备忘"]
    mapping = ColumnMapping.from_targets(
        headers, "csv", [target_for("name"), MAPPING_CHOICES["notes"]]
    )
    assert remembered_mapping(headers) is None
    remember_mapping(mapping)
    again = remembered_mapping(["name", "备忘"])  # the same header row, folded
    assert again is not None and again.targets == mapping.targets
    assert remembered_mapping(["name", "备注"]) is None


def test_every_preset_target_has_a_choice_to_show():
    google = target_for("Phone 2 - Value", "google")
    outlook = target_for("Business Street", "outlook")
    assert choice_key(google) == "phone" and choice_key(outlook) == "street"
    assert choice_key(None) == "ignore" and choice_key(MAPPING_CHOICES["wechat"]) == "wechat"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("姓名,手机\n", "header row but no customers"),
        ("姓名,手机\n张三,138,0013\n", "every row has more cells"),
    ],
)
def test_files_the_wizard_refuses(db, tmp_path, content, message):
    with pytest.raises(FileFormatError, match=message):
        inspect_file(write(tmp_path, content))


def test_file_messages_follow_the_language(db, tmp_path):
    messages.set_language("zh_CN")
    with pytest.raises(FileFormatError, match="只有标题行"):
        inspect_file(write(tmp_path, "姓名,手机\n"))
