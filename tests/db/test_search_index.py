"""The search index's text handling holds for any input: no FTS5 syntax errors, no crashes."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import peewee
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from desktop_crm.db import search_index
from desktop_crm.db.search_index import (
    SURNAME_READINGS,
    SearchFields,
    build_document,
    fts_query,
    matching_ids_sql,
    phone_tokens,
    pinyin_spelling,
    pinyin_tokens,
    spaced,
)

# Pieces of FTS5 query syntax and the scripts customers' names come in, so generated text
# hits the awkward cases far more often than uniform unicode would.
SYNTAX = [
    '"',
    "'",
    "*",
    "-",
    "+",
    "^",
    ":",
    "(",
    ")",
    "{",
    "}",
    ",",
    ".",
    "@",
    "_",
    "\\",
    "NEAR",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "near",
    "and",
    "doc:",
    "doc :",
    "rowid",
    "\x00",
]
WORDS = [
    "建",
    "国",
    "王建国",
    "曾",
    "zhang",
    "San",
    "zs",
    "138",
    "0013",
    "+86",
    "é",
    "Müller",
    "ß",
    "İ",
    "ﬁ",
    "ｗａｎｇ",
    "１３８",
    "\u3000",
    "\t",
    " ",
    "\u200b",
    "\U00020000",
    "い",
]
typed = st.one_of(
    st.text(),
    st.lists(st.sampled_from(SYNTAX + WORDS) | st.text(max_size=3), max_size=12).map("".join),
)
HANZI_NAME = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6
)
LATIN_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=10
)


@pytest.fixture(scope="module")
def fts() -> Iterator[peewee.SqliteDatabase]:
    """A real FTS5 index table in memory, with a few documents in it."""
    db = peewee.SqliteDatabase(":memory:")
    db.connect()
    search_index.create_tables(db)
    wang = SearchFields(code="C000001", name="王建国", phones=[("13800138000", "")])
    smith = SearchFields(code="C000002", name="John Smith", tags=["VIP"])
    search_index.write_documents(db, [(1, build_document(wang)), (2, build_document(smith))])
    yield db
    db.close()


def run(db: peewee.SqliteDatabase, text: str) -> list[int]:
    found = matching_ids_sql(db, text)
    if found is None:
        return []
    sql, params = found
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=typed)
@example(text='" OR "')
@example(text="NEAR(王 建, 2)")
@example(text="-建国")
@example(text="*")
@example(text='"""')
@example(text="a AND")
@example(text="doc:1")
@example(text="^王")
@example(text="ﬁ")
def test_any_typed_text_makes_a_valid_fts5_query(fts, text):
    query = fts_query(text)
    assert query is None or query.strip()
    try:
        run(fts, text)
    except sqlite3.OperationalError as exc:  # "fts5: syntax error near …" and the like
        pytest.fail(f"{text!r} -> {query!r}: {exc}")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.lists(HANZI_NAME | LATIN_WORD, min_size=1, max_size=3).map(" ".join))
def test_a_name_is_found_by_itself_and_by_its_pinyin(fts, name):
    person = not any(c == " " for c in name)
    document = build_document(SearchFields(code="X1", name=name, is_person=person))
    with fts.atomic():
        search_index.write_documents(fts, [(99, document)])
        try:
            assert 99 in run(fts, name)
            assert 99 in run(fts, name.lower())
            spelt = pinyin_spelling(name, person=person)
            assert 99 in run(fts, spelt), spelt
            # Pinyin typed without spaces runs on within one word, not across words.
            first_word = pinyin_spelling(name.split()[0], person=person).replace(" ", "")
            assert 99 in run(fts, first_word[:5]), first_word
        finally:
            search_index.delete_documents(fts, [99])


@given(text=st.text(), person=st.booleans())
def test_pinyin_tokens_never_fail_and_are_never_empty(text, person):
    tokens = pinyin_tokens(text, person=person)
    assert all(tokens)
    assert isinstance(pinyin_spelling(text, person=person), str)


@given(name=HANZI_NAME)
def test_every_ending_of_a_hanzi_name_has_its_full_pinyin_and_initials(name):
    tokens = set(pinyin_tokens(name))
    syllables = pinyin_spelling(name).split()
    for start in range(len(syllables)):
        assert "".join(syllables[start:]) in tokens
        assert "".join(s[0] for s in syllables[start:]) in tokens


def test_full_width_and_decomposed_text_is_read_like_its_plain_form(fts):
    """Full-width letters and digits (IME full-width mode) and accents typed as two
    code points (é = e + ◌́) search the same as their ordinary forms."""
    jose = build_document(SearchFields(name="José Müller", phones=[("13912345678", "")]))
    with fts.atomic():
        search_index.write_documents(fts, [(98, jose)])
        try:
            for text in ("Ｊｏｓé", "jose\u0301", "Mu\u0308ller", "１３９ １２３４", "muller"):
                assert 98 in run(fts, text), text
        finally:
            search_index.delete_documents(fts, [98])


def test_surnames_are_read_the_way_surnames_are():
    assert "zengxiaoming" in pinyin_tokens("曾小明", person=True)
    assert "zxm" in pinyin_tokens("曾小明", person=True)
    assert "shantianfang" in pinyin_tokens("单田芳", person=True)
    # Not a person (a company), and not the first character: the everyday reading.
    assert "cengjing" in pinyin_tokens("曾经", person=False)


@given(numbers=st.lists(st.text(alphabet="0123456789", max_size=15), max_size=4))
def test_any_fragment_of_three_or_more_digits_starts_a_phone_token(numbers):
    tokens = phone_tokens(numbers)
    for number in numbers:
        for start in range(len(number)):
            for end in range(start + 3, len(number) + 1):
                fragment = number[start:end]
                assert any(t.startswith(fragment) for t in tokens), fragment


@given(text=st.text(), digits=st.text(max_size=20))
def test_any_phone_text_makes_tokens_without_failing(text, digits):
    phone_tokens([text, digits, ""])


@given(
    fields=st.builds(
        SearchFields,
        code=st.text(max_size=10),
        name=st.text(),
        is_person=st.booleans(),
        company_name=st.text(),
        contact_names=st.lists(st.text(), max_size=3),
        phones=st.lists(st.tuples(st.text(max_size=15), st.text(max_size=15)), max_size=3),
        emails=st.lists(st.text(max_size=30), max_size=3),
        tags=st.lists(st.text(), max_size=3),
        notes=st.lists(st.text(), max_size=2),
    )
)
def test_any_customer_makes_a_document(fields):
    assert isinstance(build_document(fields), str)


def test_a_hanzi_without_a_known_reading_is_found_but_adds_no_pinyin():
    assert pinyin_tokens("一甅", person=True) == ["yi", "y"]
    assert pinyin_spelling("一甅") == "yi"


# The index's text helpers are written for speed; these say the same the plain way.
_HANZI_ONE = re.compile(f"([{search_index.HANZI}])")
_HANZI_RUNS = re.compile(f"[{search_index.HANZI}]+")


def _pinyin_tokens_plainly(text: str, person: bool) -> list[str]:
    tokens = []
    for index, match in enumerate(_HANZI_RUNS.finditer(text)):
        syllables = [s for s in lazy_pinyin(match.group()) if s.isascii()]
        if not syllables:
            continue
        first = match.group()[0]
        if person and index == 0 and match.start() == 0 and first in SURNAME_READINGS:
            syllables[0] = SURNAME_READINGS[first]
        for start in range(len(syllables)):
            tokens.append("".join(syllables[start:]))
            tokens.append("".join(s[0] for s in syllables[start:] if s))
    return tokens


MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
        st.sampled_from("曾单解王李张三建国华为 ,.-_·"),
        st.characters(),
    ),
    max_size=12,
)


@given(text=MIXED_TEXT)
def test_spaced_puts_a_space_around_every_hanzi_and_nothing_else(text):
    assert spaced(text) == _HANZI_ONE.sub(r" \1 ", text)


@given(text=MIXED_TEXT, person=st.booleans())
def test_pinyin_tokens_are_those_of_every_run_spelt_the_plain_way(text, person):
    assert pinyin_tokens(text, person=person) == _pinyin_tokens_plainly(text, person)
    assert pinyin_tokens(text, person=person) == _pinyin_tokens_plainly(text, person)  # cached
