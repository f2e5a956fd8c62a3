"""Import benchmark: a CSV file of customers through `import_customers`, as a ratio to a
plain `sqlite3` `executemany` of the same rows; and `add_sample_data` (the demo) timed.

    python bench/bench_import.py [--rows 100000] [--before /work/main] [--demo 100000]
                                 [--repeat 2] [--dir DIR] [--keep] [--profile] [--no-import]

It writes a CSV file the way a Chinese office's export looks (姓名, 手机, 邮箱, 公司, 城市,
地址, 生日, 标签, 备注; a few percent of the rows broken or repeated), then times:

1. **import** — `importer.import_customers` (duplicate detection on, the default "skip")
   into a fresh database: reading and decoding the file, the date-order check, mapping
   and validating every row (phone numbers parsed by `phonenumbers`), looking for
   duplicates, and writing customers, phones, emails, addresses, tags, history and the
   search index in one transaction;
2. **baseline, same schema** — Python's `csv` reading the same file and plain `sqlite3`
   `executemany` of its cells, as they are, into the app's own tables (a fresh database
   with every index and the FTS5 search table): a customer row per line (name, company,
   city, birthday text, notes; code and uuid from a counter), a phone, email and address
   row, tag links, the 'create' history row and a search document of the cells joined
   by spaces — no validation, no normalising, no duplicate look-up, no pinyin;
3. **baseline, plain table** — the same cells into a table with one text column per CSV
   column (no index), the earlier baseline of this script.

Both baselines run in one transaction with the app's pragmas. Everything runs `--repeat`
rounds (the baselines, then each tree's import, in turn) and the fastest run of each
counts. The ratios import / baseline are the price of everything an import does beyond
storing the cells, for wall time and for CPU time (`time.process_time` of the process
doing the work). On a machine busy with other work both get slower, wall time most.

Each import runs in a fresh subprocess, for this tree and, with `--before DIR`, for
another checkout (e.g. main), back to back in the same run, so "before" and
"after" see the same machine. `--demo N` also times `add_sample_data(N)` (what
`desktop-crm demo --customers N` does) into a fresh database, for each tree.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
HEADERS = ["姓名", "手机", "邮箱", "公司", "城市", "地址", "生日", "标签", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强文斌海燕"
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州"]
COMPANIES = ["星辰贸易", "武当科技", "华夏物流", "东方食品", "长城建材", "蓝天电子", "青山茶业"]
STREETS = ["中关村大街", "南京路", "天河路", "深南大道", "文三路", "春熙路", "解放大道"]
TAGS = ["VIP", "展会", "老客户", "转介绍", "重点"]
SEED = 7


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for n in range(rows):
            given = "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            name = rng.choice(SURNAMES) + given
            mobile = f"13{rng.randint(0, 9)}{n:08d}"
            if rng.random() < 0.01:
                mobile = "1380013800"  # one digit short: kept unverified, then duplicates
            email = f"user{n}@example.com" if rng.random() < 0.6 else ""
            birthday = (
                (f"{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
                if rng.random() < 0.5
                else ""
            )
            writer.writerow(
                [
                    name,
                    mobile,
                    email,
                    rng.choice(COMPANIES) if rng.random() < 0.5 else "",
                    rng.choice(CITIES),
                    f"{rng.choice(STREETS)}{rng.randint(1, 999)}号",
                    birthday,
                    "; ".join(rng.sample(TAGS, rng.randint(0, 2))),
                    "备注" * rng.randint(0, 3),
                ]
            )


# ------------------------------------------------------------------------- baselines


def _connect(db_path: Path) -> sqlite3.Connection:
    sys.path.insert(0, str(HERE))
    from desktop_crm.db.connection import SQLITE_PRAGMAS

    con = sqlite3.connect(db_path, isolation_level=None)
    for name, value in SQLITE_PRAGMAS.items():
        con.execute(f"PRAGMA {name}={value}")
    return con


def baseline_plain(path: Path, db_path: Path) -> tuple[float, float]:
    """csv reading + one executemany of the raw cells into a plain table, one transaction."""
    con = _connect(db_path)
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
    con.execute(f"CREATE TABLE plain (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" * len(HEADERS))
    started, cpu = time.perf_counter(), time.process_time()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        con.execute("BEGIN IMMEDIATE")
        con.executemany(f"INSERT INTO plain VALUES (NULL, {marks})", reader)
        con.execute("COMMIT")
    result = time.perf_counter() - started, time.process_time() - cpu
    con.close()
    return result


def _fresh_schema(db_path: Path) -> None:
    """A new, empty app database (schema, indexes, search table) at `db_path`."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from desktop_crm.db.connection import open_database, close_database;"
            "open_database(sys.argv[2]); close_database()",
            str(HERE),
            str(db_path),
        ],
        check=True,
    )


def baseline_schema(path: Path, db_path: Path) -> tuple[float, float]:
    """csv reading + plain executemany of the cells, as they are, into the app's tables."""
    _fresh_schema(db_path)
    con = _connect(db_path)
    now = "2024-01-01 00:00:00"
    started, cpu = time.perf_counter(), time.process_time()
    customers, phones, emails, addresses, links, changes, docs = ([] for _ in range(7))
    tags: dict[str, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for n, (name, mobile, email, company, city, street, birthday, tag_cell, notes) in enumerate(
            reader, 1
        ):
            uid = f"{n:032x}"
            customers.append(
                (n, uid, now, now, f"C{n:06d}", name, name, company or None, city, birthday)
                + (notes or None,)
            )
            phones.append((uid, now, now, n, mobile, mobile))
            if email:
                emails.append((uid, now, now, n, email))
            addresses.append((uid, now, now, n, city, street))
            for tag in tag_cell.split("; ") if tag_cell else ():
                tag_id = tags.setdefault(tag, len(tags) + 1)
                links.append((f"{len(links):032x}", now, now, n, tag_id))
            changes.append((uid, now, now, n, n, f"C{n:06d}", now))
            docs.append((n, f"C{n:06d} {name} {mobile} {email} {company} {tag_cell} {notes}"))
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO tag (id, uuid, created_at, updated_at, name) VALUES (?, ?, ?, ?, ?)",
        [(i, f"{i:032x}", now, now, name) for name, i in tags.items()],
    )
    con.executemany(
        "INSERT INTO customer (id, uuid, created_at, updated_at, code, kind, name, sort_key,"
        " company_name, city, birthday, notes, birthday_has_year, lunar_birthday_leap, shared,"
        " status, stage, stage_override, stars, credit_override, version)"
        " VALUES (?, ?, ?, ?, ?, 'individual', ?, ?, ?, ?, ?, ?, 1, 0, 0, 'potential',"
        " 'potential', 0, 0, 0, 1)",
        customers,
    )
    con.executemany(
        "INSERT INTO phone (uuid, created_at, updated_at, customer_id, label, number, digits,"
        " is_primary, verified) VALUES (?, ?, ?, ?, 'mobile', ?, ?, 1, 1)",
        phones,
    )
    con.executemany(
        "INSERT INTO email (uuid, created_at, updated_at, customer_id, label, address,"
        " is_primary) VALUES (?, ?, ?, ?, 'work', ?, 1)",
        emails,
    )
    con.executemany(
        "INSERT INTO address (uuid, created_at, updated_at, customer_id, label, city, street,"
        " is_primary) VALUES (?, ?, ?, ?, 'work', ?, ?, 1)",
        addresses,
    )
    con.executemany(
        "INSERT INTO customer_tag (uuid, created_at, updated_at, customer_id, tag_id)"
        " VALUES (?, ?, ?, ?, ?)",
        links,
    )
    con.executemany(
        "INSERT INTO change_log (uuid, created_at, updated_at, customer_id, entity, entity_id,"
        " action, field, new_value, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, 'customer', ?, 'create', 'code', ?, 'bench', ?)",
        changes,
    )
    con.executemany("INSERT INTO customer_search (rowid, doc) VALUES (?, ?)", docs)
    con.execute("COMMIT")
    result = time.perf_counter() - started, time.process_time() - cpu
    con.close()
    return result


# ----------------------------------------------------------- timed work, in a subprocess


def _child(args: argparse.Namespace) -> None:
    """Run one import or demo with the code of `args.code`; print its figures as JSON."""
    sys.path.insert(0, str(args.code))
    from desktop_crm.db.connection import close_database, open_database

    open_database(str(args.db))
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    started, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    if args.child == "import":
        from desktop_crm.exchange.importer import import_customers

        summary = import_customers(args.file)
        what = summary.counts()
    else:
        from desktop_crm.domain.demo import add_sample_data

        summary = add_sample_data(args.count, seed=1)
        what = f"{summary.customers} customers, {summary.orders} orders, "
        what += f"{summary.followups} follow-ups"
    if profiler is not None:
        profiler.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    close_database()
    if profiler is not None:
        import pstats

        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    print(json.dumps({"wall": wall, "cpu": cpu, "what": what}))


def _run_child(code: Path, kind: str, db: Path, extra: list[str], profile: bool) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--code", str(code), "--db", str(db)]
    command += extra + (["--profile"] if profile else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    if profile:
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--before", type=Path, default=None, help="another checkout to time too")
    parser.add_argument("--demo", type=int, default=0, metavar="N", help="also time demo of N")
    parser.add_argument("--no-import", action="store_true", help="only the demo")
    parser.add_argument("--repeat", type=int, default=2, help="rounds (the fastest counts)")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the files afterwards")
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    parser.add_argument("--child", choices=("import", "demo"), help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, default=HERE, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="crm-bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    trees = [("before", args.before.resolve())] if args.before else []
    trees.append(("after", HERE))
    try:
        if not args.no_import:
            _bench_import(args, folder, trees)
        if args.demo:
            for label, code in trees:
                db = folder / f"demo-{label}.sqlite3"
                got = _run_child(code, "demo", db, ["--count", str(args.demo)], args.profile)
                print(
                    f"demo {label:6} ({code}): {got['wall']:7.2f} s wall, {got['cpu']:7.2f} s CPU"
                    f"  ({got['what']})"
                )
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


def _bench_import(args: argparse.Namespace, folder: Path, trees: list[tuple[str, Path]]) -> None:
    csv_path = folder / "customers.csv"
    write_file(csv_path, args.rows)
    size = csv_path.stat().st_size / 1_048_576
    print(f"{args.rows:,} rows, {size:.1f} MB of CSV in {folder}")
    # Rounds of: both baselines, then each tree's import; the fastest of each is the
    # figure (a busy machine only ever makes a run slower).
    plain, schema = [], []
    runs: dict[str, list[dict]] = {label: [] for label, _code in trees}
    for round_ in range(1, args.repeat + 1):
        plain.append(baseline_plain(csv_path, folder / f"plain{round_}.sqlite3"))
        schema.append(baseline_schema(csv_path, folder / f"schema{round_}.sqlite3"))
        for label, code in trees:
            db = folder / f"import-{label}{round_}.sqlite3"
            runs[label].append(
                _run_child(code, "import", db, ["--file", str(csv_path)], args.profile)
            )
            for leftover in folder.glob(f"{db.name}*"):
                leftover.unlink()  # a 100,000-row database is ~250 MB
    results = [
        (
            label,
            code,
            {
                "wall": min(r["wall"] for r in runs[label]),
                "cpu": min(r["cpu"] for r in runs[label]),
                "what": runs[label][0]["what"],
            },
        )
        for label, code in trees
    ]
    plain_wall, plain_cpu = min(w for w, _ in plain), min(c for _, c in plain)
    schema_wall, schema_cpu = min(w for w, _ in schema), min(c for _, c in schema)
    print(f"baseline, plain table:  {plain_wall:7.2f} s wall {plain_cpu:7.2f} s CPU")
    print(f"baseline, same schema:  {schema_wall:7.2f} s wall {schema_cpu:7.2f} s CPU")
    for label, code, got in results:
        wall, cpu = got["wall"], got["cpu"]
        print(
            f"import {label:6} ({code}): {wall:7.2f} s wall {cpu:7.2f} s CPU "
            f"{args.rows / wall:8,.0f} rows/s  ({got['what']})"
        )
        print(
            f"  ratio to same schema: {wall / schema_wall:6.1f}x wall {cpu / schema_cpu:6.1f}x CPU;"
            f"  to plain table: {wall / plain_wall:6.1f}x wall {cpu / plain_cpu:6.1f}x CPU"
        )


if __name__ == "__main__":
    main()
