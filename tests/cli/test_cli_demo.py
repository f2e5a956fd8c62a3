"""`desktop-crm demo`: sample data from the command line, and what a kill -9 leaves."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import customer_names, run_module, subprocess_env

demo = pytest.importorskip("desktop_crm.domain.demo")


def test_demo_adds_sample_data_and_prints_a_summary(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "demo.sqlite3"
    result = run("--database", str(target), "demo", "--customers", "40", "--seed", "7")
    assert result.code == 0, result.err
    assert result.out.startswith("added 40 customers, ")
    assert "followups" in result.out and "orders" in result.out
    assert result.err.strip() == "40/40 customers"  # stderr is not a terminal: the last line
    assert len(customer_names(target)) == 40
    assert run("--database", str(target), "check").code == 0


def test_demo_adds_to_an_existing_database(run: Any, database: Path) -> None:
    assert run("--database", str(database), "demo", "--customers", "5").code == 0
    assert customer_names(database)[:2] == ["张三", "李四"] and len(customer_names(database)) == 7


def test_demo_into_a_bad_database_is_one_line(run: Any, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    run("--database", str(bad), "demo", "--customers", "5").assert_one_clear_error(
        "not a SQLite file"
    )
    run(
        "--database", str(tmp_path / "missing" / "x.sqlite3"), "demo", "--customers", "5"
    ).assert_one_clear_error("does not exist")


def count_customers(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
    try:
        return con.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    finally:
        con.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_during_demo_leaves_a_sound_database_of_whole_batches(tmp_path: Path) -> None:
    target = tmp_path / "killed.sqlite3"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_crm",
            "--database",
            str(target),
            "demo",
            "--customers",
            "200000",
        ],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                seen = count_customers(target)
            except sqlite3.Error:
                seen = 0  # not created yet, or the schema is being written
            if seen > 0:
                break
            time.sleep(0.1)
        assert seen > 0, "the demo wrote no customers within 20 s"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    result = run_module("--database", str(target), "check")
    assert result.code == 0, result.err
    count = count_customers(target)
    assert count >= seen and count % demo.DEFAULT_BATCH == 0
