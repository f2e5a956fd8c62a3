"""The customer search index: one FTS5 document per customer, kept in step on writes.

SQLite facts that shape it (see shared NOTES.md):
- FTS5's unicode61 tokenizer reads a run of Hanzi as one token, and Debian's SQLite
  3.40 gets 1–2 Hanzi trigram searches wrong. So every Hanzi is written as its own
  token and a Hanzi query becomes a phrase: "建 国" finds 王建国.
- Pinyin is computed on write: full pinyin and initials of every suffix of each Hanzi
  run in names (so `zs`, `zhangsan`, `san`, `huawei` all work as prefix queries), with
  the surname reading for the first character of a person's name (曾 → zeng).
- Phone numbers are indexed as every suffix of their digits (≥ 3 digits), so any
  fragment typed with or without spaces or dashes is a prefix query.
Latin text is folded to lower case and its diacritics removed by the tokenizer.

On PostgreSQL the same documents are kept, and a `tsvector` of their words (split and
folded in Python exactly as FTS5 splits and folds them, so no server locale or
extension changes what is found) is indexed with GIN; queries are the same phrases
with a prefix last word, as `tsquery`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import peewee
from pypinyin import lazy_pinyin

TABLE = "customer_search"

HANZI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANZI_RUN = re.compile(f"[{HANZI}]+")
_ONE_HANZI = re.compile(f"[{HANZI}]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_PHONE_LIKE = re.compile(r"\+?\d[\d\-\s().]*\d")
_DIGITS = re.compile(r"\d")

# First characters of surnames whose reading differs from the everyday one.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "乐": "yue",
    "盖": "ge",
    "尉": "yu",
    "秘": "bi",
    "召": "shao",
    "种": "chong",
    "员": "yun",
    "繁": "po",
    "句": "gou",
    "能": "nai",
    "阚": "kan",
    "折": "she",
    "隗": "wei",
    "过": "guo",
    "洗": "xian",
    "冼": "xian",
    "黑": "he",
    "燕": "yan",
    "纪": "ji",
    "任": "ren",
    "华": "hua",
    "宁": "ning",
    "那": "na",
    "薄": "bo",
    "长": "chang",
    "沈": "shen",
}
MIN_PHONE_FRAGMENT = 3


def create_tables(db: peewee.Database) -> None:
    """Create the index tables (SQLite: FTS5; PostgreSQL: documents with a GIN-indexed tsvector)."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "doc, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
        )
    else:
        db.execute_sql(
            f"CREATE TABLE IF NOT EXISTS {TABLE} "
            "(customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE, "
            "doc TEXT NOT NULL, words TSVECTOR NOT NULL)"
        )
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {TABLE}_words ON {TABLE} USING GIN (words)")
        create_search_function(db)


# PostgreSQL: the ids matching a tsquery, at most `cap` (NULL: all). Searches go through
# it so that office mode can replace it (db/office.py) with one that applies the access
# rules itself: under row-level security the planner may not use the GIN index for `@@`,
# which is not leakproof, and would read every document.
SEARCH_FUNCTION = "crm_search"


def create_search_function(db: peewee.Database) -> None:
    """Create the plain search function on PostgreSQL unless there is one already."""
    if isinstance(db, peewee.SqliteDatabase):
        return
    db.execute_sql(
        f"DO $$ BEGIN IF to_regprocedure('{SEARCH_FUNCTION}(tsquery, integer)') IS NULL THEN "
        f"CREATE FUNCTION {SEARCH_FUNCTION}(q tsquery, cap integer) RETURNS SETOF integer "
        f"LANGUAGE sql STABLE AS 'SELECT customer_id FROM {TABLE} WHERE words @@ q LIMIT cap'; "
        "END IF; END $$"
    )


def drop_uncapped_search_function(db: peewee.Database) -> None:
    """PostgreSQL: remove the first search function, which had no cap (schema 5)."""
    if not isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"DROP FUNCTION IF EXISTS {SEARCH_FUNCTION}(tsquery)")


@dataclass
class SearchFields:
    """What a customer is found by."""

    code: str = ""
    name: str = ""
    is_person: bool = True
    company_name: str = ""
    contact_names: Sequence[str] = ()
    phones: Sequence[tuple[str, str]] = ()  # (digits as typed, E.164 without "+") pairs
    emails: Sequence[str] = ()
    tags: Sequence[str] = ()
    notes: Sequence[str] = field(default_factory=tuple)


def spaced(text: str) -> str:
    """Text with a space around every Hanzi, so each one is a token of its own."""
    # str.translate over a table filled as characters turn up: several times faster than
    # a regular-expression substitution, which expands its template in Python per match.
    return text.translate(_SPACER)


class _Spacer(dict[int, str]):
    """A translate table: each Hanzi (as `HANZI` defines them) → itself between spaces."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = f" {char} " if _ONE_HANZI.match(char) else char
        if len(self) < 65_536:  # what text holds: a few thousand characters at most
            self[code] = value
        return value


_SPACER = _Spacer()


@lru_cache(maxsize=200_000)
def _run_pinyin(run: str) -> tuple[str, ...]:
    # A rare Hanzi without a known reading comes back as itself: it has no pinyin to index.
    return tuple(s for s in lazy_pinyin(run) if s.isascii())


def pinyin_tokens(text: str, *, person: bool = False) -> list[str]:
    """Full-pinyin and initials tokens for every suffix of every Hanzi run in `text`."""
    tokens: list[str] = []
    for index, match in enumerate(_HANZI_RUN.finditer(text)):
        tokens += _run_tokens(match.group(), person and index == 0 and match.start() == 0)
    return tokens


@lru_cache(maxsize=16_384)
def _run_tokens(run: str, surname_first: bool) -> tuple[str, ...]:
    """The tokens of one Hanzi run (its first character read as a surname if asked)."""
    syllables = list(_run_pinyin(run))
    if not syllables:
        return ()
    if surname_first and run[0] in SURNAME_READINGS:
        syllables[0] = SURNAME_READINGS[run[0]]
    initials = [s[0] if s else "" for s in syllables]
    tokens = []
    for start in range(len(syllables)):
        tokens.append("".join(syllables[start:]))
        tokens.append("".join(initials[start:]))
    return tuple(tokens)


def pinyin_spelling(text: str, *, person: bool = False) -> str:
    """`text` with each Hanzi run spelt out in pinyin syllables (for sorting)."""

    def spell(match: re.Match[str]) -> str:
        syllables = list(_run_pinyin(match.group()))
        if syllables and person and match.start() == 0 and match.group()[0] in SURNAME_READINGS:
            syllables[0] = SURNAME_READINGS[match.group()[0]]
        return " " + " ".join(syllables) + " "

    return " ".join(_HANZI_RUN.sub(spell, text).split())


def phone_tokens(digit_strings: Iterable[str]) -> list[str]:
    """Every suffix (≥ 3 digits) of each digit string: any fragment is a prefix of one."""
    seen: set[str] = set()
    for digits in digit_strings:
        seen.update(
            [digits[start:] for start in range(max(0, len(digits) - MIN_PHONE_FRAGMENT) + 1)]
        )
    return sorted(seen, key=len, reverse=True)


def build_document(f: SearchFields) -> str:
    """The index text of one customer."""
    parts: list[str] = [f.code, spaced(f.name), spaced(f.company_name)]
    parts += pinyin_tokens(f.name, person=f.is_person)
    parts += pinyin_tokens(f.company_name)
    for contact in f.contact_names:
        parts.append(spaced(contact))
        parts += pinyin_tokens(contact, person=True)
    parts += phone_tokens(d for pair in f.phones for d in pair if d)
    for email in f.emails:
        local = email.split("@", 1)[0]
        parts.append(email)
        parts.append(_NON_WORD.sub("", local))  # "li.ming" also found as "liming"
    parts += [spaced(t) for t in f.tags]
    parts += [spaced(n) for n in f.notes if n]
    # NFKC: full-width letters and digits (a Chinese IME in full-width mode) and
    # decomposed accents are indexed the way `fts_query` reads them.
    return " ".join(unicodedata.normalize("NFKC", " ".join(parts)).split())


def _quote(tokens: list[str]) -> str:
    return '"' + " ".join(tokens) + '"'


def fts_query(text: str) -> str | None:
    """Turn what a person typed into an FTS5 MATCH expression (None: nothing to search).

    Each whitespace-separated word must match (AND). A word is a phrase of its tokens
    whose last token is a prefix; digit runs typed with spaces or dashes are joined.
    """
    text = unicodedata.normalize("NFKC", text).strip()  # １３８ → 138, ｗａｎｇ → wang, e+◌́ → é
    text = _PHONE_LIKE.sub(lambda m: "".join(_DIGITS.findall(m.group())), text)
    terms: list[str] = []
    for word in text.split():
        tokens = _NON_WORD.sub(" ", spaced(word).replace("_", " ")).split()
        if tokens:
            terms.append(_quote(tokens) + "*")
    return " AND ".join(terms) if terms else None


def _words(text: str) -> list[str]:
    """`text` split and folded as FTS5's unicode61 tokenizer does: lower case, no diacritics."""
    folded = unicodedata.normalize("NFKD", _NON_WORD.sub(" ", text.replace("_", " ")).lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).split()


def tsquery(text: str) -> str | None:
    """What a person typed as a PostgreSQL `tsquery` meaning the same as `fts_query`."""
    text = unicodedata.normalize("NFKC", text).strip()  # １３８ → 138, ｗａｎｇ → wang, e+◌́ → é
    text = _PHONE_LIKE.sub(lambda m: "".join(_DIGITS.findall(m.group())), text)
    terms = [_phrase(words) for w in text.split() if (words := _words(spaced(w)))]
    return " & ".join(terms) if terms else None


def _phrase(words: list[str]) -> str:
    """Words in a row, the last a prefix — unless it is a Hanzi, always a word of its own
    (a prefix there would find the same and cost the GIN index a scan of its word list)."""
    last = "" if _ONE_HANZI.fullmatch(words[-1]) else ":*"
    return " <-> ".join(words) + last


def write_documents(db: peewee.Database, documents: Iterable[tuple[int, str]]) -> None:
    """Replace the index documents of the given customers; call inside the write's transaction."""
    rows = list(documents)
    if not rows:
        return
    ids = [(cid,) for cid, _ in rows]
    if isinstance(db, peewee.SqliteDatabase):
        cursor = db.cursor()
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = ?", ids)
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, doc) VALUES (?, ?)", rows)
    else:
        cursor = db.cursor()
        cursor.executemany(f"DELETE FROM {TABLE} WHERE customer_id = %s", ids)
        cursor.executemany(
            f"INSERT INTO {TABLE} (customer_id, doc, words) "
            "VALUES (%s, %s, to_tsvector('simple', %s))",
            [(cid, doc, " ".join(_words(doc))) for cid, doc in rows],
        )


def delete_documents(db: peewee.Database, customer_ids: Iterable[int]) -> None:
    key = "rowid" if isinstance(db, peewee.SqliteDatabase) else "customer_id"
    mark = "?" if isinstance(db, peewee.SqliteDatabase) else "%s"
    rows = [(i,) for i in customer_ids]
    db.cursor().executemany(f"DELETE FROM {TABLE} WHERE {key} = {mark}", rows)


def matching_ids_sql(
    db: peewee.Database, text: str, cap: int | None = None
) -> tuple[str, list[str | int | None]] | None:
    """SQL selecting the ids of customers matching `text` (at most `cap`), with its parameters.

    On PostgreSQL the cap goes into the search function: rows a function returns are all
    made before a LIMIT outside it takes the first (a one-letter word matches most
    customers).
    """
    if isinstance(db, peewee.SqliteDatabase):
        query = fts_query(text)
        if query is None:
            return None
        limit = "" if cap is None else f" LIMIT {int(cap)}"
        return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?{limit}", [query]
    query = tsquery(text)
    if query is None:
        return None
    return (
        f"SELECT hit FROM {SEARCH_FUNCTION}(to_tsquery('simple', %s), %s) AS found(hit)",
        [query, cap],
    )
