"""Importing customers from CSV files: every field, bad rows, duplicates, one transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.models import ChangeLog, Customer, ImportBatch
from desktop_crm.domain.customers import create_customer, get_customer, trash_customers
from desktop_crm.errors import FileFormatError
from desktop_crm.exchange import importer
from desktop_crm.exchange.importer import ImportCancelled, import_customers

FIXTURES = Path(__file__).parent / "fixtures"


def records() -> list[Any]:
    return [get_customer(c.id) for c in Customer.select(Customer.id).order_by(Customer.id)]


def phones(record: Any) -> list[tuple[str, str]]:
    return [(p.number, p.label) for p in record.phones]


def addresses(record: Any) -> list[tuple]:
    return [
        (a.label, a.country, a.province, a.city, a.district, a.street, a.postcode)
        for a in record.addresses
    ]


def write(tmp_path: Path, text: str, name: str = "people.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------ real file shapes


def test_utf8_english_headers_every_field(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers_utf8.csv")
    assert (summary.created, summary.rejected, summary.encoding) == (2, 0, "utf-8")
    zhang, li = records()
    assert (zhang.name, zhang.kind, zhang.gender, zhang.birthday) == (
        "Zhang Wei",
        "individual",
        "male",
        date(1985, 3, 12),
    )
    assert (zhang.title, zhang.company_name, zhang.industry, zhang.website) == (
        "Manager",
        "Acme Ltd",
        "Software",
        "https://acme.example.com",
    )
    assert phones(zhang) == [("13800138000", "mobile"), ("010-62345678", "work")]
    assert [e.address for e in zhang.emails] == ["zhang.wei@example.com"]
    assert [(m.service, m.handle) for m in zhang.messengers] == [
        ("wechat", "zhangwei_wx"),
        ("qq", "123456789"),
    ]
    assert (zhang.province, zhang.city, zhang.district) == ("Beijing", "Beijing", "Haidian")
    assert addresses(zhang) == [
        ("work", None, "Beijing", "Beijing", "Haidian", "1 Zhongguancun St, Building 2", None)
    ]
    assert (zhang.source, zhang.status, zhang.grade, zhang.stars) == (
        "exhibition",
        "existing",
        "A",
        4,
    )
    assert zhang.tags == ["VIP", "Key"]
    assert zhang.notes == "Met at the fair, likes tea"
    assert (li.name, li.gender, li.birthday, li.source, li.grade) == (
        "Li Na",
        "female",
        date(1990, 7, 1),
        "website",
        "B",
    )
    assert phones(li) == [("+86 139 0013 9000", "mobile")]
    assert (li.status, li.stars, li.tags, li.company_name) == ("potential", 0, [], None)


def test_utf8_bom_chinese_headers_and_values(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers_utf8_bom.csv")
    assert (summary.created, summary.rejected, summary.encoding) == (2, 0, "utf-8-sig")
    person, company = records()
    assert (person.name, person.kind, person.gender, person.birthday) == (
        "张伟",
        "individual",
        "male",
        date(1985, 3, 12),
    )
    assert (person.company_name, person.title, person.industry) == (
        "北京科技有限公司",
        "经理",
        "软件",
    )
    assert phones(person) == [("13800138000", "mobile"), ("010-62345678", "work")]
    assert [e.address for e in person.emails] == ["zw@example.cn"]
    assert [(m.service, m.handle) for m in person.messengers] == [
        ("wechat", "zhangwei_wx"),
        ("qq", "123456789"),
    ]
    assert addresses(person) == [("work", None, "北京", "北京", "海淀区", "中关村大街1号", None)]
    assert (person.source, person.status, person.grade, person.stars) == (
        "exhibition",
        "existing",
        "A",
        4,
    )
    assert (person.tags, person.notes) == (["重要", "VIP"], "喜欢喝茶")
    assert (company.name, company.kind, company.gender, company.industry) == (
        "华为技术有限公司",
        "enterprise",
        None,
        "通信",
    )
    assert phones(company) == [("0755-28780808", "work")]
    assert [e.address for e in company.emails] == ["contact@huawei.example"]
    assert addresses(company) == [("work", None, "广东", "深圳", "龙岗区", "坂田华为基地", None)]
    assert (company.source, company.status, company.grade, company.stars) == (
        "referral",
        "potential",
        "B",
        3,
    )
    assert company.tags == ["大客户"]


def test_gbk_file_from_chinese_excel(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers_gbk.csv")
    assert (summary.created, summary.rejected, summary.encoding) == (2, 0, "gb18030")
    wang, zhao = records()
    assert (wang.name, wang.gender, wang.birthday, wang.title, wang.company_name) == (
        "王芳",
        "female",
        date(1988, 8, 8),
        "采购经理",
        "上海贸易有限公司",
    )
    assert phones(wang) == [("13912345678", "mobile")]
    assert [e.address for e in wang.emails] == ["wangfang@example.cn"]
    assert addresses(wang) == [("work", None, "上海", "上海", "浦东新区", "世纪大道100号", None)]
    assert (wang.source, wang.notes, wang.tags) == ("website", "老客户，每季度采购", ["重点客户"])
    assert (zhao.name, zhao.gender, zhao.birthday, zhao.source, zhao.tags) == (
        "赵强",
        "male",
        date(1975, 12, 1),
        "advertising",
        [],
    )
    assert (zhao.province, zhao.city, zhao.district) == ("浙江", "杭州", "西湖区")


def test_utf16_tab_separated_unicode_text(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers_utf16_tab.txt")
    assert (summary.created, summary.encoding, summary.delimiter) == (2, "utf-16", "tab")
    chen, liu = records()
    assert (chen.name, chen.company_name, chen.notes) == (
        "陈静",
        "深圳电子, 有限公司",
        '说"明天"再联系',
    )
    assert phones(chen) == [("13600001234", "mobile")]
    assert [e.address for e in chen.emails] == ["chenjing@example.com"]
    assert addresses(chen) == [("work", None, None, None, None, "南山区科技园", None)]
    assert (liu.name, phones(liu), liu.emails, liu.addresses) == (
        "刘洋",
        [("13700005678", "mobile")],
        [],
        [],
    )


def test_semicolon_separated(db: Any) -> None:
    summary = import_customers(FIXTURES / "customers_semicolon.csv")
    assert (summary.created, summary.delimiter) == (2, "semicolon")
    hans, emilie = records()
    assert (hans.name, hans.company_name, hans.notes) == (
        "Hans Müller",
        "Müller GmbH",
        "Prefers email, not calls",
    )
    assert (emilie.name, emilie.notes, [e.address for e in emilie.emails]) == (
        "Émilie Dupont",
        "Met in Paris; likes tea",
        ["emilie@example.fr"],
    )


def test_google_contacts_export(db: Any) -> None:
    summary = import_customers(FIXTURES / "google_contacts.csv")
    assert (summary.file_format, summary.created) == ("google", 1)
    (wu,) = records()
    assert (wu.name, wu.company_name, wu.title, wu.notes) == (
        "Wu Lei",
        "Star Corp",
        "CTO",
        "From the conference",
    )
    assert (wu.birthday, wu.birthday_has_year) == (date(1904, 6, 15), False)
    assert phones(wu) == [("+86 138 0013 5555", "mobile"), ("010-62340000", "work")]
    assert [e.address for e in wu.emails] == ["wulei@example.com", "wl@example.net"]
    assert addresses(wu) == [
        ("home", "China", "Beijing", "Beijing", None, "88 Jianguo Rd", "100022")
    ]
    assert wu.tags == ["Clients"]  # "* myContacts" is Google's own group


def test_outlook_export(db: Any) -> None:
    summary = import_customers(FIXTURES / "outlook_contacts.csv", file_format="outlook")
    assert (summary.created, summary.encoding) == (2, "cp1252")
    assert summary.ignored_columns == ["E-mail Display Name"]
    mei, rene = records()
    assert (mei.name, mei.title, mei.company_name, mei.birthday) == (
        "Mei Lin",
        "Sales Director",
        "Blue Sky Trading",
        date(1982, 7, 4),
    )  # "Ms." is not a job
    assert phones(mei) == [("021-63210000", "work"), ("13500135000", "mobile")]
    assert addresses(mei) == [
        ("work", "China", "Shanghai", "Shanghai", None, "200 Nanjing Rd", "200001")
    ]
    assert (mei.notes, mei.tags) == ("Important partner, café lover", ["Partners", "VIP"])
    assert (rene.name, rene.birthday, [e.address for e in rene.emails]) == (
        "René Dubois",
        None,
        ["rene@example.fr"],
    )


# ------------------------------------------------------------------------ bad rows


BAD_ROWS = (
    "姓名,手机,邮箱,性别,生日,客户来源\n"
    "张三,13800138000,zs@example.com,男,1980-01-01,展会\n"
    "李四,12345,ls@example.com,女,,\n"
    ",13900139000,,,,\n"
    "王五,13700137000,not-an-email,男,2099-01-01,报纸\n"
    "赵六,13600136000,,男,1990-02-30,\n"
)


def test_bad_rows_are_listed_by_line_field_and_reason_and_good_rows_kept(
    db: Any, tmp_path: Path
) -> None:
    summary = import_customers(write(tmp_path, BAD_ROWS))
    assert (summary.rows, summary.created, summary.rejected) == (5, 1, 4)
    problems = [str(p) for p in summary.problems]
    assert "line 3: 手机: “12345” is not a valid phone number" in problems
    assert "line 4: 姓名: is required" in problems
    assert "line 5: 邮箱: “not-an-email” is not a valid email address" in problems
    assert "line 5: 生日: cannot be in the future" in problems
    assert any(p.startswith("line 5: 客户来源: must be one of") for p in problems)
    assert "line 6: 生日: “1990-02-30” is not a real date" in problems
    assert [r.name for r in records()] == ["张三"]
    batch = ImportBatch.get()
    assert (batch.created_count, batch.rejected_count) == (1, 4)
    assert batch.finished_at is not None
    assert Customer.get().import_batch_id == batch.id


def test_dry_run_writes_nothing_and_lists_every_row(db: Any, tmp_path: Path) -> None:
    create_customer({"name": "老客户", "phones": ["13600136000"]})
    before = ChangeLog.select().count()
    summary = import_customers(write(tmp_path, BAD_ROWS), dry_run=True)
    assert (summary.created, summary.skipped, summary.rejected) == (1, 0, 4)
    assert [(p.line, p.action) for p in summary.plans] == [
        (2, "create"),
        (3, "reject"),
        (4, "reject"),
        (5, "reject"),
        (6, "reject"),
    ]
    assert summary.batch_id is None
    assert [r.name for r in records()] == ["老客户"]
    assert ImportBatch.select().count() == 0 and ChangeLog.select().count() == before
    # the same file with a duplicate row: the plan says skip, naming the match
    summary = import_customers(
        write(tmp_path, "姓名,手机\n新客户,136 0013 6000\n", "dup.csv"), dry_run=True
    )
    assert [str(p) for p in summary.plans] == [
        "line 2: skip C000001 新客户 (same phone as C000001 老客户)"
    ]


# -------------------------------------------------------------------- duplicates


DUPLICATE = "姓名,手机,邮箱,公司,标签,备注\n张三丰,13800138000,new@example.com,武当派,武术,新备注\n"


def existing() -> Any:
    return create_customer(
        {"name": "张三", "phones": ["13800138000"], "notes": "老备注", "tags": ["VIP"]}
    )


def test_duplicate_by_phone_is_skipped_by_default(db: Any, tmp_path: Path) -> None:
    existing()
    summary = import_customers(write(tmp_path, DUPLICATE))
    assert (summary.created, summary.skipped) == (0, 1)
    assert [r.name for r in records()] == ["张三"]


def test_duplicate_by_email_is_found_too(db: Any, tmp_path: Path) -> None:
    create_customer({"name": "张三", "emails": ["NEW@example.com"]})
    summary = import_customers(write(tmp_path, DUPLICATE))
    assert (summary.created, summary.skipped) == (0, 1)


def test_duplicate_create_makes_a_second_customer(db: Any, tmp_path: Path) -> None:
    existing()
    summary = import_customers(write(tmp_path, DUPLICATE), on_duplicate="create")
    assert summary.created == 1
    assert [r.name for r in records()] == ["张三", "张三丰"]


def test_duplicate_merge_fills_empty_fields_and_adds_items_with_history(
    db: Any, tmp_path: Path
) -> None:
    original = existing()
    summary = import_customers(write(tmp_path, DUPLICATE), on_duplicate="merge")
    assert (summary.created, summary.merged) == (0, 1)
    merged, row = records()  # the row is kept, merged into the duplicate, to undo it later
    assert (row.deleted_at is not None, Customer.get_by_id(row.id).merged_into_id) == (
        True,
        merged.id,
    )
    assert merged.name == "张三" and merged.notes == "老备注"  # filled fields are kept
    assert merged.company_name == "武当派"  # the empty one is filled
    assert [e.address for e in merged.emails] == ["new@example.com"]
    assert merged.tags == ["VIP", "武术"]
    assert merged.version == original.version + 1
    changed = {
        c.field
        for c in ChangeLog.select().where(
            (ChangeLog.customer == merged.id) & (ChangeLog.action == "merge")
        )
    }
    assert {"company_name", "emails", "tags", "merged_from"} <= changed


def test_reimporting_the_same_file_updates_instead_of_duplicating(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,手机,备注\n张三,13800138000,第一次\n李四,13900139000,\n")
    assert import_customers(path).created == 2
    again = import_customers(path)
    assert (again.created, again.updated, again.unchanged, again.skipped) == (0, 0, 2, 0)
    path.write_text(
        "姓名,手机,备注\n张三,13800138000,第二次\n李四,13900139000,\n", encoding="utf-8"
    )
    third = import_customers(path)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    assert [(r.name, r.notes) for r in records()] == [("张三", "第二次"), ("李四", None)]


def test_our_code_column_updates_that_customer(db: Any, tmp_path: Path) -> None:
    customer = existing()
    path = write(
        tmp_path,
        f"code,name,phones,notes\n{customer.code},张三,13800138000,改过\n",
        "elsewhere.csv",
    )
    summary = import_customers(path)
    assert (summary.updated, summary.created) == (1, 0)
    assert records()[0].notes == "改过"


def test_a_code_naming_someone_else_is_refused(db: Any, tmp_path: Path) -> None:
    customer = existing()
    path = write(tmp_path, f"code,name,phones\n{customer.code},完全不同的人,13500135000\n")
    summary = import_customers(path)
    assert summary.rejected == 1
    assert "leave the code empty" in str(summary.problems[0])
    assert records()[0].name == "张三"


def test_a_code_in_the_trash_is_refused(db: Any, tmp_path: Path) -> None:
    customer = existing()
    trash_customers([customer.id])
    summary = import_customers(write(tmp_path, f"code,name\n{customer.code},张三\n"))
    assert summary.rejected == 1 and "in the trash" in str(summary.problems[0])


def test_imported_codes_move_the_code_counter_on(db: Any, tmp_path: Path) -> None:
    existing()  # C000001, the counter is at 1
    import_customers(write(tmp_path, "code,name\nC000050,外来客户\n"))
    assert create_customer({"name": "新客户"}).code == "C000051"


def test_external_id_matches_on_reimport(db: Any, tmp_path: Path) -> None:
    import_customers(write(tmp_path, "ID,姓名,备注\nX-17,张三,一\n", "a.csv"))
    summary = import_customers(write(tmp_path, "ID,姓名,备注\nX-17,张三,二\n", "b.csv"))
    assert (summary.created, summary.updated) == (0, 1)
    assert [(r.external_id, r.notes) for r in records()] == [("X-17", "二")]


# ----------------------------------------------------------- files that are not lists


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("姓名,手机\n", "header row but no customers"),
        ("姓名,手机\n\n,\n", "header row but no customers"),
        ("foo,bar,baz\n1,2,3\n", "none of its columns is one we know"),
        ("张三,13800138000\n李四,13900139000\n", "none of its columns is one we know"),
        ("手机,邮箱\n13800138000,a@example.com\n", "has no name column"),
    ],
)
def test_files_that_are_not_customer_lists(
    db: Any, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(FileFormatError, match=message):
        import_customers(write(tmp_path, text))
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_an_unexpected_failure_leaves_nothing_of_the_import(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = importer.bulk_insert_customers

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "FLUSH_EVERY", 2)
    monkeypatch.setattr(importer, "bulk_insert_customers", failing)
    rows = "".join(f"客户{i},1380013800{i}\n" for i in range(5))
    with pytest.raises(RuntimeError):
        import_customers(write(tmp_path, "姓名,手机\n" + rows))
    assert len(calls) == 2  # the first two customers were written before the failure …
    assert Customer.select().count() == 0  # … and are gone with the rest
    assert ImportBatch.select().count() == 0 and ChangeLog.select().count() == 0


def test_rows_in_the_same_file_see_each_other_across_flushes(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "FLUSH_EVERY", 3)
    text = (
        "name,phones,referred_by\n"
        "A,13800138001,\n"
        "B,13800138002,C000004\n"  # a referrer further down the file
        "C,13800138001,\n"  # the same phone as A, not written yet
        "D,13800138003,\n"
        "E,13800138004,\n"
        "F,13800138003,\n"
    )  # the same phone as D, written in the last flush
    summary = import_customers(write(tmp_path, text), keep_plans=True)
    assert [(p.action, p.code) for p in summary.plans] == [
        ("create", "C000001"),
        ("create", "C000002"),
        ("skip", "C000001"),
        ("create", "C000003"),
        ("create", "C000004"),
        ("skip", "C000003"),
    ]
    assert [(r.name, r.referred_by) for r in records()] == [
        ("A", None),
        ("B", "C000004"),
        ("D", None),
        ("E", None),
    ]
    assert summary.warnings == []


def test_a_broken_byte_half_way_keeps_nothing(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop_crm.exchange.csv_io.SAMPLE_BYTES", 12)  # sniff the header only
    path = tmp_path / "broken.csv"
    path.write_bytes("姓名\n张三\n".encode() + b"\xff\xfe\n" + "李四\n".encode())
    with pytest.raises(FileFormatError, match="line 3"):
        import_customers(path)
    assert Customer.select().count() == 0


def test_cancelling_keeps_nothing(db: Any, tmp_path: Path) -> None:
    rows = "".join(f"客户{i}\n" for i in range(5))
    seen = []

    def cancelled() -> bool:
        seen.append(1)
        return len(seen) > 2

    with pytest.raises(ImportCancelled):
        import_customers(write(tmp_path, "姓名\n" + rows), cancelled=cancelled)
    assert Customer.select().count() == 0


def test_progress_is_reported(db: Any, tmp_path: Path) -> None:
    rows = "".join(f"客户{i}\n" for i in range(250))
    done: list[int] = []
    import_customers(write(tmp_path, "姓名\n" + rows), progress=done.append)
    assert done == [100, 200, 250]


def test_a_ragged_row_is_rejected_naming_its_line(db: Any, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "姓名,手机,地址\n张三,13800138000,北京,海淀区\n李四,13900139000\n王五,13700137000,上海,,\n",
    )
    summary = import_customers(path)
    assert (summary.created, summary.rejected) == (2, 1)  # short rows and empty extras are fine
    assert str(summary.problems[0]) == (
        "line 2: has 4 cells but the header names 3 columns (a value with an unquoted comma or "
        "semicolon?); the row was not imported"
    )
    assert [r.name for r in records()] == ["李四", "王五"]


def test_a_file_of_ragged_rows_writes_nothing(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "姓名,手机\n张三,138,0013,8000\n李四,139,0013,9000\n")
    summary = import_customers(path)
    assert (summary.created, summary.rejected) == (0, 2)
    assert Customer.select().count() == 0
