"""Finding customers who are probably the same person or company, over the whole database.

Evidence, each with a weight, combined as independent signs (1 − Π(1 − w)):

- the same phone number (national digits) — 0.9; a number shared by more than
  `SHARED_NUMBER` customers is a switchboard, not evidence;
- the same email address — 0.9;
- the same name, the same name in pinyin (张三 / 章三) or a close name (张三 / 张山,
  "Jon Smith" / "John Smith", compared by `difflib` on the pinyin spelling) — but only
  between customers of the same company (or, weaker, the same city), where two people
  with one name are most likely one person.

Names are compared within each company and each city, sorted by their pinyin spelling,
each with the next few (`WINDOW`): close spellings sort next to each other, and the work
grows with the number of customers, not with its square.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import peewee

from desktop_crm.db.models import Customer, Email, Phone
from desktop_crm.domain.messages import text

SHARED_NUMBER = 20  # more customers than this on one phone or email: a shared line
WINDOW = 4  # names compared with this many neighbours in pinyin order
CLOSE_NAME = 0.85  # difflib ratio from which two spellings count as close
MIN_SCORE = 0.3
_WEIGHTS = {"phone": 0.9, "email": 0.9, "name": 0.7, "pinyin": 0.6, "close": 0.5}
_CITY_ONLY = 0.7  # name evidence counts this much less with only the city in common
_NOT_LETTERS = re.compile(r"[\W_]+", re.UNICODE)


@dataclass
class DuplicatePair:
    """Two customers that are probably one: `score` 0..1, `reasons` in words; `a_id` is
    the smaller id. Codes and names are those of the customers when the scan ran."""

    a_id: int
    b_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    a_code: str = ""
    a_name: str = ""
    b_code: str = ""
    b_name: str = ""


@dataclass
class _Evidence:
    weights: dict[str, float] = field(default_factory=dict)  # kind → best weight
    reasons: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, weight: float, reason: str) -> None:
        if weight > self.weights.get(kind, 0.0):
            self.weights[kind] = weight
            self.reasons[kind] = reason

    @property
    def score(self) -> float:
        rest = 1.0
        for weight in self.weights.values():
            rest *= 1.0 - weight
        return round(1.0 - rest, 4)


def _fold(text: str | None) -> str:
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def _spelling(name: str, key: str) -> str:
    """The pinyin spelling in the customer's sort key (spelling, a space, the name)."""
    lowered = name.lower()
    spelling = key[: -len(lowered)] if lowered and key.endswith(lowered) else key
    return _fold(spelling)


def name_likeness(a_name: str, a_key: str, b_name: str, b_key: str) -> tuple[str, float] | None:
    """How alike two names are: ("name" | "pinyin" | "close", ratio), or None."""
    a, b = _fold(a_name), _fold(b_name)
    if not a or not b:
        return None
    if a == b:
        return "name", 1.0
    pa, pb = _spelling(a_name, a_key), _spelling(b_name, b_key)
    if pa and pa == pb:
        return "pinyin", 1.0
    matcher = SequenceMatcher(None, pa or a, pb or b, autojunk=False)
    if matcher.real_quick_ratio() < CLOSE_NAME or matcher.quick_ratio() < CLOSE_NAME:
        return None
    ratio = matcher.ratio()
    return ("close", ratio) if ratio >= CLOSE_NAME else None


def find_duplicates(
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[DuplicatePair]:
    """Pairs of live customers that are probably the same, best first (at most `limit`).

    `progress(done, total)` is called as the work goes on (total: the steps to do).
    `cancelled()` is asked between steps; once it says yes the scan stops and returns
    an empty list (a half-done scan would miss pairs without saying so). Reasons are
    phrased in the language of `messages`.
    """
    pairs: dict[tuple[int, int], _Evidence] = defaultdict(_Evidence)
    total = 2 + 2 * Customer.select().where(Customer.deleted_at.is_null()).count()
    done = 0

    def report(step: int) -> bool:
        """Count `step` done; False when the scan was cancelled."""
        nonlocal done
        done += step
        if progress is not None:
            progress(min(done, total), total)
        return cancelled is None or not cancelled()

    for value, ids in _shared(Phone, Phone.digits):
        for pair in _pairs(ids):
            pairs[pair].add("phone", _WEIGHTS["phone"], text("dup_same_phone", value=value))
    if not report(1):
        return []
    for value, ids in _shared(Email, Email.address):
        for pair in _pairs(ids):
            pairs[pair].add("email", _WEIGHTS["email"], text("dup_same_email", value=value))
    if not report(1):
        return []
    for column, factor, where in (
        (Customer.company_name, 1.0, "dup_in_company"),
        (Customer.city, _CITY_ONLY, "dup_in_city"),
    ):
        for value, members in _groups(column):
            _compare_names(members, pairs, factor, where, value)
            if not report(len(members)):
                return []
    _add_names_of_contact_pairs(pairs)
    if cancelled is not None and cancelled():
        return []
    result = [
        DuplicatePair(a, b, ev.score, list(ev.reasons.values()))
        for (a, b), ev in pairs.items()
        if ev.score >= MIN_SCORE
    ]
    result.sort(key=lambda p: (-p.score, p.a_id, p.b_id))
    if limit is not None:
        result = result[:limit]
    _add_codes_and_names(result)
    if progress is not None:
        progress(total, total)
    return result


def _add_codes_and_names(pairs: list[DuplicatePair]) -> None:
    ids = sorted({i for p in pairs for i in (p.a_id, p.b_id)})
    known: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for cid, code, name in (
            Customer.select(Customer.id, Customer.code, Customer.name)
            .where(Customer.id.in_(chunk))
            .tuples()
        ):
            known[cid] = (code, name)
    for pair in pairs:
        pair.a_code, pair.a_name = known.get(pair.a_id, ("", ""))
        pair.b_code, pair.b_name = known.get(pair.b_id, ("", ""))


def _pairs(ids: list[int]) -> Iterator[tuple[int, int]]:
    ordered = sorted(set(ids))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


def _shared(model: type[peewee.Model], column: peewee.Field) -> Iterator[tuple[str, list[int]]]:
    """(value, customer ids) for each phone number or email several live customers share."""
    live = Customer.deleted_at.is_null() & (column != "")
    values = [
        v
        for (v,) in model.select(column)
        .join(Customer)
        .where(live)
        .group_by(column)
        .having(peewee.fn.COUNT(model.customer.distinct()).between(2, SHARED_NUMBER))
        .tuples()
    ]
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        owners: dict[str, set[int]] = defaultdict(set)
        for value, customer_id in (
            model.select(column, model.customer)
            .join(Customer)
            .where(live & column.in_(chunk))
            .tuples()
        ):
            owners[value].add(customer_id)
        for value in chunk:
            yield value, sorted(owners[value])


def _groups(column: peewee.Field) -> Iterator[tuple[str, list[tuple[int, str, str]]]]:
    """(value, [(id, name, sort key)]) for each company or city with two customers or more."""
    query = (
        Customer.select(column, Customer.id, Customer.name, Customer.sort_key)
        .where(Customer.deleted_at.is_null() & column.is_null(False) & (column != ""))
        .order_by(column, Customer.sort_key)
        .tuples()
    )
    current, members = None, []
    for value, cid, name, key in query.iterator():
        if value != current:
            if len(members) > 1:
                yield current, members
            current, members = value, []
        members.append((cid, name, key))
    if len(members) > 1:
        yield current, members


def _compare_names(
    members: list[tuple[int, str, str]],
    pairs: dict[tuple[int, int], _Evidence],
    factor: float,
    where: str,
    value: str,
) -> None:
    """Compare each name with its neighbours; `where` is the message key naming the
    company or city (`value`) they share."""
    ordered = sorted(members, key=lambda m: (_spelling(m[1], m[2]) or _fold(m[1]), m[0]))
    for i, (a_id, a_name, a_key) in enumerate(ordered):
        for b_id, b_name, b_key in ordered[i + 1 : i + 1 + WINDOW]:
            found = name_likeness(a_name, a_key, b_name, b_key)
            if found is None:
                continue
            kind, ratio = found
            weight = _WEIGHTS[kind] * factor * (ratio if kind == "close" else 1.0)
            first, second = (a_name, b_name) if a_id < b_id else (b_name, a_name)
            if kind == "name":
                reason = text("dup_same_name", value=a_name)
            else:
                key = "dup_sound_same" if kind == "pinyin" else "dup_similar_names"
                reason = text(key, first=first, second=second)
            pair = (min(a_id, b_id), max(a_id, b_id))
            pairs[pair].add("name", weight, text(where, reason=reason, value=value))


def _add_names_of_contact_pairs(pairs: dict[tuple[int, int], _Evidence]) -> None:
    """Pairs found by phone or email whose names are alike too are surer still."""
    todo = [pair for pair, ev in pairs.items() if "name" not in ev.weights]
    for start in range(0, len(todo), 500):
        chunk = todo[start : start + 500]
        ids = {i for pair in chunk for i in pair}
        names = {
            cid: (name, key)
            for cid, name, key in Customer.select(Customer.id, Customer.name, Customer.sort_key)
            .where(Customer.id.in_(list(ids)))
            .tuples()
        }
        for a, b in chunk:
            if a not in names or b not in names:
                continue
            found = name_likeness(*names[a], *names[b])
            if found is not None:
                kind, ratio = found
                weight = 0.5 * _WEIGHTS[kind] * (ratio if kind == "close" else 1.0)
                first, second = names[a][0], names[b][0]
                if first == second:
                    reason = text("dup_same_name", value=first)
                else:
                    reason = text("dup_alike_names", first=first, second=second)
                pairs[(a, b)].add("name", weight, reason)


def duplicates_of(customer_id: int, pairs: Iterable[DuplicatePair]) -> list[DuplicatePair]:
    """The pairs that include this customer."""
    return [p for p in pairs if customer_id in (p.a_id, p.b_id)]


def live_pairs(pairs: Iterable[DuplicatePair]) -> list[DuplicatePair]:
    """The pairs whose two customers are both still live: neither merged nor trashed since
    the scan (a merge undone brings its pair back)."""
    pairs = list(pairs)
    ids = sorted({i for p in pairs for i in (p.a_id, p.b_id)})
    live: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        live.update(
            i
            for (i,) in Customer.select(Customer.id)
            .where(Customer.id.in_(chunk) & Customer.deleted_at.is_null())
            .tuples()
        )
    return [p for p in pairs if p.a_id in live and p.b_id in live]
