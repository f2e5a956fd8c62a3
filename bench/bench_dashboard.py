"""Dashboard benchmark: `analysis.dashboard_data` before and after a change, in one run,
each also as a ratio to replaying the SQL it executed.

    python bench/bench_dashboard.py [--size 100000] [--runs 3] [--dir DIR] [--rebuild]
                                    [--baseline REF | --baseline-dir DIR | --no-baseline]
                                    [--postgres URL]

1. Sample data: `desktop-crm demo --customers SIZE --seed 1` (orders, payments, follow-ups,
   complaints, surveys …), written once — by the version of the code with the older
   schema — and kept in `--dir` (default: a folder in the system temp directory):
   100,000 customers take 3–5 minutes and 750 MB, 1,000,000 about ten times that.
   Stages, grades and credit ratings are then recomputed once, as the app does at
   start-up. `--rebuild` makes it anew.
2. Two versions of the code: *before*, the baseline commit (`--baseline`, default `main`)
   exported with `git archive` into `--dir`, and *after*, this working tree. Each runs in
   a process of its own (its tree first on `sys.path`) on its own copy of the database
   (a newer schema could not be opened by the older code).
3. Each of `--runs` rounds runs before, then after: a warm-up, then the dashboard as
   `ui/dashboard.py` computes it on its worker thread — a new connection,
   `analysis.dashboard_data()`, closed — with every SQL statement recorded; then those
   statements replayed through a plain driver connection (sqlite3 with the app's pragmas,
   or psycopg), fetching every row: the SQL alone, with no Python around it. Medians.
   On SQLite the process's CPU time is printed too: the engine runs in the process, and
   CPU time is steadier than wall time on a shared machine.
4. The figures: every number of both versions' dashboards is hashed; they must agree
   (but for the overdue complaints, which change by the second).

With `--postgres URL` (a superuser URL to a server's `postgres` database) the same runs
on PostgreSQL: the sample database `crm_dash_SIZE_seed1` is made there once (slower than
SQLite: 7 minutes for 100,000) and copied for each version (`CREATE DATABASE … TEMPLATE`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
TREE = HERE.parent.parent
SEED = 1

# ------------------------------------------------------------------ in the worker process


def _figures(data: object) -> str:
    """A hash of every number the dashboard shows, but the timings and the overdue
    complaints (due by the second: the sample has some due while the bench runs)."""
    from dataclasses import replace

    shown = replace(data, timings={}, totals=replace(data.totals, overdue_complaints=0))
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def _replay(target: str, statements: list[tuple[str, list]]) -> tuple[float, float, list]:
    """Wall and CPU seconds to run the statements through the plain driver, and each's."""
    if target.startswith("postgresql://"):
        import psycopg

        connection = psycopg.connect(target, autocommit=True)
        execute = lambda sql, params: connection.execute(sql, params or None)  # noqa: E731
    else:
        from desktop_crm.db.connection import SQLITE_PRAGMAS

        connection = sqlite3.connect(target, isolation_level=None)
        for name, setting in SQLITE_PRAGMAS.items():
            connection.execute(f"PRAGMA {name} = {setting}")
        execute = connection.execute
    each = []
    wall, cpu = time.perf_counter(), time.process_time()
    for sql, params in statements:
        start = time.perf_counter()
        cursor = execute(sql, params)
        if cursor.description is not None:  # not for statements without rows
            cursor.fetchall()
        each.append(time.perf_counter() - start)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    connection.close()
    return wall, cpu, each


def worker(target: str, task: str) -> None:
    """Run in a process whose `sys.path` starts with one version of the code."""
    import datetime
    import decimal

    from desktop_crm.db.connection import close_database, open_database
    from desktop_crm.db.models import database
    from desktop_crm.domain import analysis, lifecycle, orders, value

    if task == "recompute":
        open_database(target)
        for job in (
            lifecycle.recompute_stages,
            value.recompute_grades,
            orders.recompute_credit_ratings,
        ):
            began = time.perf_counter()
            changed = job()
            print(
                f"  {job.__name__:<26} {time.perf_counter() - began:6.2f} s ({changed:,} changed)"
            )
        if target.startswith("postgresql://"):
            database.execute_sql("ANALYZE")
        close_database()
        return

    open_database(target)  # warm-up: imports, the OS file cache, the server's buffers
    analysis.dashboard_data()
    close_database()

    db = open_database(target)
    statements: list[tuple[str, list]] = []
    original = db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        statements.append((sql, list(params or ())))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = execute_sql
    wall, cpu = time.perf_counter(), time.process_time()
    data = analysis.dashboard_data(clock=time.perf_counter)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    del db.execute_sql
    close_database()
    parts = dict(data.timings)
    replay_wall, replay_cpu, each = _replay(target, statements)

    def plain(value: object) -> object:
        return str(value) if isinstance(value, datetime.date | decimal.Decimal) else value

    print(
        json.dumps(
            {
                "code": str(Path(analysis.__file__).resolve().parent.parent.parent),
                "wall": wall,
                "cpu": cpu,
                "replay_wall": replay_wall,
                "replay_cpu": replay_cpu,
                "parts": parts,
                "statements": [
                    (" ".join(s.split()), t) for (s, _), t in zip(statements, each, strict=True)
                ],
                "at_risk": data.totals.at_risk,
                "customers": data.totals.customers,
                "figures": _figures(data),
            },
            default=plain,
        )
    )


# ------------------------------------------------------------------- in the main process


def run_with(code: Path, *args: str, capture: bool = False) -> str:
    """Run this script (or a module) in a new process with `code` first on sys.path."""
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run(
        [sys.executable, *args],
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return done.stdout or ""


def baseline_tree(directory: Path, ref: str) -> tuple[Path, str]:
    """The baseline commit's files, exported once into `directory`."""
    sha = subprocess.run(
        ["git", "-C", str(TREE), "rev-parse", "--short=12", ref],
        check=True,
        text=True,
        capture_output=True,
    ).stdout.strip()
    tree = directory / f"code-{sha}"
    if not tree.exists():
        partial = directory / f"code-{sha}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(TREE), "archive", "--format=tar", sha, "desktop_crm", "resources"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(partial)], input=archive, check=True)
        partial.rename(tree)
    return tree, f"{ref} {sha}"


def schema_of(code: Path) -> int:
    """The schema version a version of the code writes."""
    out = run_with(
        code,
        "-c",
        "from desktop_crm.db.migrations import CURRENT_VERSION; print(CURRENT_VERSION)",
        capture=True,
    )
    return int(out.strip())


def pg_admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(statement)


def pg_exists(url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        return bool(
            admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        )


def sample_database(args: argparse.Namespace, code: Path) -> str:
    """The sample data (made once, by `code`) as a path or URL."""
    name = f"dashboard_{args.size}_seed{SEED}"
    if args.postgres:
        server = args.postgres.rpartition("/")[0]
        target = f"{server}/crm_dash_{args.size}_seed{SEED}"
        if pg_exists(args.postgres, f"crm_dash_{args.size}_seed{SEED}") and not args.rebuild:
            print(f"using the sample database {target}")
            return target
        for label in ("", "_before", "_after"):
            pg_admin(
                args.postgres, f"DROP DATABASE IF EXISTS crm_dash_{args.size}_seed{SEED}{label}"
            )
        pg_admin(args.postgres, f"CREATE DATABASE crm_dash_{args.size}_seed{SEED}")
    else:
        path = args.dir / f"{name}.sqlite3"
        if path.exists() and not args.rebuild:
            print(f"using the sample database {path}")
            return str(path)
        target = str(args.dir / f"{name}.partial")
        for leftover in args.dir.glob(f"{name}*"):
            leftover.unlink()
    print(f"generating {args.size:,} sample customers (3–5 minutes per 100,000) …")
    run_with(code, "-m", "desktop_crm", "--database", target, "demo", "--customers",
             str(args.size), "--seed", str(SEED))  # fmt: skip
    print("start-up recomputes:")
    run_with(code, str(HERE), "--worker", target, "recompute")
    if args.postgres:
        return target
    os.replace(target, path)
    return str(path)


def version_copy(sample: str, label: str) -> str:
    """A copy of the sample database for one version of the code, made when missing."""
    if sample.startswith("postgresql://"):
        server, _, name = sample.rpartition("/")
        admin = f"{server}/postgres"
        if not pg_exists(admin, f"{name}_{label}"):
            pg_admin(admin, f"CREATE DATABASE {name}_{label} TEMPLATE {name}")
        return f"{server}/{name}_{label}"
    copy = Path(sample).with_suffix(f".{label}.sqlite3")
    if not copy.exists() or copy.stat().st_mtime < Path(sample).stat().st_mtime:
        shutil.copyfile(sample, copy)
    return str(copy)


def report(label: str, results: list[dict], sqlite: bool) -> None:
    wall = statistics.median(r["wall"] for r in results)
    replay = statistics.median(r["replay_wall"] for r in results)
    line = (
        f"  {label:<28} {wall:7.2f} s   SQL replayed {replay:6.2f} s   ratio {wall / replay:5.2f}×"
    )
    if sqlite:
        cpu = statistics.median(r["cpu"] for r in results)
        replay_cpu = statistics.median(r["replay_cpu"] for r in results)
        line += f"   (CPU {cpu:6.2f} s, replayed {replay_cpu:6.2f} s)"
    print(line)


def details(label: str, results: list[dict]) -> None:
    parts: dict[str, list[float]] = {}
    for r in results:
        for name, seconds in r["parts"].items():
            parts.setdefault(name, []).append(seconds)
    total = statistics.median(r["wall"] for r in results)
    print(f"\n  {label}: where the dashboard time goes")
    for name, seconds in sorted(parts.items(), key=lambda item: -statistics.median(item[1]))[:12]:
        median = statistics.median(seconds)
        print(f"    {name:<22} {median:6.3f} s  {100 * median / total:5.1f} %")
    slowest = sorted(
        (
            (statistics.median(times), results[0]["statements"][i][0])
            for i, times in enumerate(
                zip(*([t for _, t in r["statements"]] for r in results), strict=True)
            )
        ),
        reverse=True,
    )[:5]
    print(f"  {label}: slowest statements replayed ({len(results[0]['statements'])} in all)")
    for seconds, sql in slowest:
        print(f"    {seconds:6.3f} s  {sql[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "desktop_crm_bench"
    )
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--baseline", default="main", help="git ref of the code before")
    parser.add_argument("--baseline-dir", type=Path, help="a source tree of the code before")
    parser.add_argument("--no-baseline", action="store_true", help="time this tree alone")
    parser.add_argument("--postgres", metavar="URL", help="a superuser URL to `postgres`")
    parser.add_argument("--worker", nargs=2, metavar=("TARGET", "TASK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    # Migrations back the file up; keep the user's own data folder out of it.
    os.environ.setdefault("DESKTOP_CRM_DATA_DIR", str(args.dir / "userdata"))

    versions: list[tuple[str, Path]] = []
    if args.baseline_dir:
        versions.append((f"before ({args.baseline_dir})", args.baseline_dir.resolve()))
    elif not args.no_baseline:
        tree, name = baseline_tree(args.dir, args.baseline)
        versions.append((f"before ({name})", tree))
    versions.append(("after (this tree)", TREE))
    # Written by the version with the older schema: the other one migrates its copy.
    oldest = min((code for _, code in versions), key=schema_of)
    sample = sample_database(args, oldest)
    targets = [version_copy(sample, "before" if i < len(versions) - 1 else "after")
               for i in range(len(versions))]  # fmt: skip

    results: list[list[dict]] = [[] for _ in versions]
    for round_number in range(1, args.runs + 1):
        for i, ((label, code), target) in enumerate(zip(versions, targets, strict=True)):
            out = run_with(code, str(HERE), "--worker", target, "dashboard", capture=True)
            result = json.loads(out.strip().splitlines()[-1])
            if Path(result["code"]) != code:
                sys.exit(f"{label}: imported the code from {result['code']}, not {code}")
            results[i].append(result)
            print(f"  round {round_number}: {label:<28} {result['wall']:6.2f} s", flush=True)

    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"\n## Dashboard data, {args.size:,} customers, {backend} "
        f"({args.runs} rounds, medians; a new connection per dashboard, as the app's worker)"
    )
    for (label, _), found in zip(versions, results, strict=True):
        report(label, found, not args.postgres)
    if len(versions) == 2:
        before = statistics.median(r["wall"] for r in results[0])
        after = statistics.median(r["wall"] for r in results[1])
        print(f"  after / before: {after / before:.2f} ({before / after:.1f}× as fast)")
        figures = {r["figures"] for found in results for r in found}
        print(f"  figures of both versions: {'identical' if len(figures) == 1 else 'DIFFERENT'}")
    last = results[-1][0]
    print(f"  (retention list: {last['at_risk']:,}; {last['customers']:,} customers in all)")
    for (label, _), found in zip(versions, results, strict=True):
        details(label, found)


if __name__ == "__main__":
    main()
