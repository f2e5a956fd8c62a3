"""Import benchmark: a CSV file of customers through `import_customers`, as a ratio to a
plain `sqlite3` insert of the same rows.

    python bench/bench_import.py [--rows 100000] [--dir DIR] [--keep] [--profile]

It writes a CSV file the way a Chinese office's export looks (姓名, 手机, 邮箱, 公司, 城市,
地址, 生日, 标签, 备注; a few percent of the rows broken or repeated), then times:

1. **import** — `importer.import_customers` into a fresh database: reading and decoding
   the file, the date-order check, mapping and validating every row (phone numbers
   parsed by `phonenumbers`), looking for duplicates, and writing customers, phones,
   emails, addresses, tags, history and the search index in one transaction;
2. **baseline** — Python's `csv` reading the same file and one `sqlite3` `executemany`
   of its rows, as text cells, into a table with one column per CSV column (no
   validation, no index), in one transaction, with the app's pragmas.

The ratio import / baseline is the price of everything an import does beyond storing
the cells. Rows per second are printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_crm.db.connection import SQLITE_PRAGMAS, close_database, open_database  # noqa: E402
from desktop_crm.db.models import Customer  # noqa: E402
from desktop_crm.exchange.importer import import_customers  # noqa: E402

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
                mobile = "1380013800"  # one digit short: rejected
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


def baseline(path: Path, db_path: Path) -> float:
    """csv reading + one executemany of the raw cells, one transaction."""
    con = sqlite3.connect(db_path, isolation_level=None)
    for name, value in SQLITE_PRAGMAS.items():
        con.execute(f"PRAGMA {name}={value}")
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
    con.execute(f"CREATE TABLE plain (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" * len(HEADERS))
    started = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        con.execute("BEGIN IMMEDIATE")
        con.executemany(f"INSERT INTO plain VALUES (NULL, {marks})", reader)
        con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def run_import(path: Path, db_path: Path, profile: bool) -> tuple[float, object]:
    open_database(str(db_path))
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    summary = import_customers(path)
    if profiler is not None:
        profiler.disable()
    elapsed = time.perf_counter() - started
    assert Customer.select().count() == summary.created
    close_database()
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the files afterwards")
    parser.add_argument("--profile", action="store_true", help="print where the import's time goes")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="crm-bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = folder / "customers.csv"
        write_file(csv_path, args.rows)
        size = csv_path.stat().st_size / 1_048_576
        print(f"{args.rows:,} rows, {size:.1f} MB of CSV in {folder}")
        base = baseline(csv_path, folder / "baseline.sqlite3")
        took, summary = run_import(csv_path, folder / "import.sqlite3", args.profile)
        print(
            f"baseline (csv + sqlite3 executemany): {base:7.2f} s  {args.rows / base:10,.0f} rows/s"
        )
        print(
            f"import_customers:                     {took:7.2f} s  "
            f"{args.rows / took:10,.0f} rows/s  ({summary.counts()})"
        )
        print(f"ratio import / baseline: {took / base:.1f}x")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
