"""Import batches: the list, and undoing one so that nothing of it remains."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.models import (
    ALL_MODELS,
    Customer,
    CustomerMerge,
    ImportBatch,
    ImportUpdate,
    Tag,
)
from desktop_crm.domain import followups
from desktop_crm.domain.customers import create_customer, get_customer, update_customer
from desktop_crm.domain.imports import ImportUndoBlocked, list_imports, undo_import
from desktop_crm.domain.merge import merge_customers
from desktop_crm.domain.search import CustomerQuery, customer_ids
from desktop_crm.errors import CrmError, NotFoundError
from desktop_crm.exchange.importer import import_customers


def table_counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in ALL_MODELS}


def write(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(customer_id: int) -> Any:
    record = get_customer(customer_id)
    return (
        record.name,
        record.notes,
        record.company_name,
        [p.number for p in record.phones],
        [e.address for e in record.emails],
        record.tags,
        [a.street for a in record.addresses],
        record.city,
    )


def test_undo_removes_everything_an_import_created(db: Any, tmp_path: Path) -> None:
    before = table_counts()
    path = write(
        tmp_path,
        "姓名,手机,邮箱,标签,地址,城市,介绍人\n"
        "张三,13800138000,zs@example.com,新标签;VIP,中关村1号,北京,C000002\n"
        "李四,13900139000,,,,,\n",
    )
    summary = import_customers(path)
    assert summary.created == 2 and Tag.select().count() == 2
    result = undo_import(summary.batch_id)
    assert (result.deleted, result.unmerged, result.restored) == (2, 0, [])
    after = table_counts()
    # Only the record of the import (and the code counter, never wound back) remain.
    assert after == {**before, "import_batch": before["import_batch"] + 1, "setting": 1}
    assert ImportBatch.get_by_id(summary.batch_id).undone_at is not None
    assert customer_ids(CustomerQuery(text="13800138000")) == []
    with pytest.raises(CrmError, match="undone already"):
        undo_import(summary.batch_id)


def test_undo_puts_back_what_it_changed_on_existing_customers(db: Any, tmp_path: Path) -> None:
    old = create_customer(
        {"name": "张三", "phones": ["13800138000"], "notes": "原来的备注", "tags": ["VIP"]}
    )
    path = write(
        tmp_path,
        f"code,name,notes,emails,tags,city\n{old.code},张三,导入的备注,new@example.com,展会,上海\n",
        "update.csv",
    )
    before = snapshot(old.id)
    summary = import_customers(path)
    assert summary.updated == 1
    assert ImportUpdate.select().count() == 1
    changed = snapshot(old.id)
    assert changed != before
    result = undo_import(summary.batch_id)
    assert result.restored == [old.code] and result.not_restored == []
    assert snapshot(old.id) == before


def test_a_field_changed_again_since_keeps_its_value_and_is_listed(db: Any, tmp_path: Path) -> None:
    old = create_customer({"name": "张三", "notes": "原来的备注", "city": "北京"})
    path = write(tmp_path, f"code,name,notes,city\n{old.code},张三,导入的备注,上海\n")
    summary = import_customers(path)
    update_customer(old.id, {"notes": "用户后来改的"})
    result = undo_import(summary.batch_id)
    (listed,) = result.not_restored
    assert listed.code == old.code and "notes" in listed.reason
    record = get_customer(old.id)
    assert (record.notes, record.city) == ("用户后来改的", "北京")


def test_undo_separates_the_duplicates_it_merged(db: Any, tmp_path: Path) -> None:
    old = create_customer({"name": "张三", "phones": ["13800138000"], "tags": ["VIP"]})
    before = table_counts()
    path = write(
        tmp_path,
        "姓名,手机,公司,邮箱,标签\n"
        "张三丰,13800138000,武当派,new@example.com,武术\n"
        "王五,13700137000,,,\n",
    )
    summary = import_customers(path, on_duplicate="merge")
    assert (summary.merged, summary.created) == (1, 1)
    assert get_customer(old.id).company_name == "武当派"
    result = undo_import(summary.batch_id)
    assert (result.unmerged, result.deleted) == (1, 1)
    record = get_customer(old.id)
    assert (record.company_name, record.tags, record.emails) == (None, ["VIP"], [])
    counts = table_counts()
    assert {t: n for t, n in counts.items() if t not in ("change_log", "import_batch")} == {
        t: n for t, n in before.items() if t not in ("change_log", "import_batch")
    }
    assert CustomerMerge.select().count() == 0


def test_undo_is_refused_when_its_customers_were_worked_on(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,手机\n张三,13800138000\n李四,13900139000\n王五,13700137000\n")
    summary = import_customers(path)
    ids = {c.name: c.id for c in Customer.select()}
    update_customer(ids["张三"], {"notes": "打过电话"})
    followups.plan_followup(ids["李四"], datetime(2030, 1, 1, 9), subject="回访")
    before = table_counts()
    with pytest.raises(ImportUndoBlocked) as caught:
        undo_import(summary.batch_id)
    listed = {c.name: c.reason for c in caught.value.customers}
    assert listed == {"张三": "edited (notes) since the import", "李四": "has follow-ups now"}
    assert "nothing was undone" in str(caught.value)
    assert "张三" in str(caught.value) and "李四" in str(caught.value)
    assert table_counts() == before
    assert ImportBatch.get_by_id(summary.batch_id).undone_at is None


def test_a_customer_merged_since_blocks_the_undo(db: Any, tmp_path: Path) -> None:
    summary = import_customers(write(tmp_path, "姓名,手机\n张三,13800138000\n"))
    kept = create_customer({"name": "张三"})
    merge_customers(kept.id, Customer.get(Customer.name == "张三").id)
    with pytest.raises(ImportUndoBlocked, match="merge"):
        undo_import(summary.batch_id)


def test_list_imports_newest_first(db: Any, tmp_path: Path) -> None:
    assert list_imports() == []
    first = import_customers(write(tmp_path, "姓名\n张三\n李四\n", "a.csv"))
    second = import_customers(write(tmp_path, "姓名,星级\n王五,9\n赵六,3\n", "b.csv"))
    undo_import(first.batch_id)
    newest, oldest = list_imports()
    assert (newest.id, newest.created, newest.rejected, newest.customers_now) == (
        second.batch_id,
        1,
        1,
        1,
    )
    assert newest.file_name.endswith("b.csv") and newest.file_format == "csv"
    assert oldest.undone_at is not None and oldest.customers_now == 0


def test_unknown_batch(db: Any) -> None:
    with pytest.raises(NotFoundError, match="no import 42"):
        undo_import(42)


def test_reimporting_after_an_undo_creates_again(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,手机\n张三,13800138000\n")
    first = import_customers(path)
    undo_import(first.batch_id)
    again = import_customers(path)
    assert again.created == 1


def test_every_kind_of_record_that_blocks_an_undo_is_named_in_both_languages():
    from desktop_crm.db.models import ALL_MODELS, Customer
    from desktop_crm.domain import messages
    from desktop_crm.domain.imports import _IMPORT_WRITES

    blocking = [
        m._meta.table_name
        for m in ALL_MODELS
        if m not in _IMPORT_WRITES and any(fk.rel_model is Customer for fk in m._meta.refs)
    ]
    assert "follow_up" in blocking
    for table in blocking:
        assert set(messages.MESSAGES[f"records_{table}"]) == {"en", "zh_CN"}
