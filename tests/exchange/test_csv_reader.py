"""Reading CSV files as spreadsheets really save them: encodings, delimiters, bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.errors import CrmError, FileFormatError
from desktop_crm.exchange.csv_io import detect_delimiter, read_csv, write_csv

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "first_header"),
    [
        ("customers_utf8.csv", "utf-8", ",", "Name"),
        ("customers_utf8_bom.csv", "utf-8-sig", ",", "客户名称"),
        ("customers_gbk.csv", "gb18030", ",", "姓名"),
        ("customers_utf16_tab.txt", "utf-16", "\t", "姓名"),
        ("customers_semicolon.csv", "utf-8", ";", "name"),
        ("outlook_contacts.csv", "cp1252", ",", "First Name"),
    ],
)
def test_encoding_and_delimiter_are_detected(
    name: str, encoding: str, delimiter: str, first_header: str
) -> None:
    table = read_csv(FIXTURES / name)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.headers[0] == first_header
    rows = list(table.rows())
    assert [line for line, _ in rows] == [2, 3]
    assert all(len(cells) == len(table.headers) for _, cells in rows)


def test_gbk_cells_are_decoded() -> None:
    (_, first), _ = read_csv(FIXTURES / "customers_gbk.csv").rows()
    assert first[:3] == ["王芳", "13912345678", "上海贸易有限公司"]
    assert "老客户，每季度采购" in first  # a quoted cell with a full-width comma


def test_utf16_tab_keeps_commas_and_quotes_inside_cells() -> None:
    (_, first), _ = read_csv(FIXTURES / "customers_utf16_tab.txt").rows()
    assert first[3] == "深圳电子, 有限公司"
    assert first[5] == '说"明天"再联系'


def test_line_numbers_count_physical_lines_of_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('name,notes\nA,"one\ntwo\nthree"\n\nB,x\n', encoding="utf-8")
    assert [(line, cells[0]) for line, cells in read_csv(path).rows()] == [(2, "A"), (6, "B")]


def test_gb18030_text_longer_than_the_sample_is_read(tmp_path: Path) -> None:
    note = "这是一段比较长的中文备注，用来超过取样长度。"
    body = "姓名,备注\n" + "".join(f"客户{i},{note}\n" for i in range(8000))
    path = tmp_path / "big_gbk.csv"
    path.write_bytes(body.encode("gb18030"))
    table = read_csv(path)
    assert table.encoding == "gb18030"
    rows = list(table.rows())
    assert len(rows) == 8000 and rows[-1][1][0] == "客户7999"


def test_header_decides_the_delimiter_over_lists_in_cells() -> None:
    text = 'name,phones,tags\n张三,"138; 139","a; b; c"\n李四,"137; 136","x; y"\n'
    assert detect_delimiter(text) == ","
    assert detect_delimiter("name;phone\nA;1\n") == ";"
    assert detect_delimiter("name\tphone\nA\t1\n") == "\t"
    assert detect_delimiter("name\nA\n") == ","


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \r\n\r\n", "is empty"),
        (codecs.BOM_UTF8, "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(200), "not a text"),
    ],
)
def test_bad_files_give_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message):
        list(read_csv(path).rows())


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="does not exist"):
        read_csv(tmp_path / "nope.csv")
    with pytest.raises(FileFormatError, match="is a folder"):
        read_csv(tmp_path)


def test_a_bad_byte_late_in_the_file_names_its_line(tmp_path: Path) -> None:
    good = "name,notes\n" + "".join(f"customer {i},fine\n" for i in range(30000))
    path = tmp_path / "late.csv"
    path.write_bytes(good.encode("utf-8") + b"broken,\xff\xfe\xfa\n")
    table = read_csv(path)
    assert table.encoding == "utf-8"
    with pytest.raises(FileFormatError, match="line 30002"):
        list(table.rows())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_reader_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        table = read_csv(data, name="fuzz.csv")
        for _line, cells in table.rows():
            assert isinstance(cells, list)
    except FileFormatError as exc:
        assert str(exc)


CELL = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n\r\t,;"'), max_size=20
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=20))
def test_what_we_write_reads_back_the_same(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("roundtrip") / "rows.csv"
    write_csv(path, ["name", "notes", "tags"], rows)
    table = read_csv(path)
    assert table.encoding == "utf-8-sig" and table.headers == ["name", "notes", "tags"]
    expected = [r for r in rows if any(c.strip() for c in r)]
    assert [cells for _, cells in table.rows()] == expected


def test_write_csv_is_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_csv(path, ["code", "name"], [["C000001", "张三"], ["C000002", None]]) == 2
    expected = "code,name\r\nC000001,张三\r\nC000002,\r\n".encode()
    assert path.read_bytes() == codecs.BOM_UTF8 + expected


def test_write_csv_leaves_no_half_file_when_rows_fail(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("the old file", encoding="utf-8")

    def rows():  # noqa: ANN202 - a generator that breaks half way
        yield ["C1", "a"]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_csv(path, ["code", "name"], rows())
    assert path.read_text(encoding="utf-8") == "the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.parametrize("where", ["missing/out.csv", "."])
def test_write_csv_to_an_unwritable_path(tmp_path: Path, where: str) -> None:
    with pytest.raises(CrmError, match="does not exist|is a folder"):
        write_csv(tmp_path / where, ["code"], [])
