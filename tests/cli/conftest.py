"""Helpers for command-line tests: run `main` in-process or `python -m desktop_crm`."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_crm import cli
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain.customers import create_customer

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("desktop-crm: error:")]

    def assert_one_clear_error(self, *fragments: str) -> None:
        """Exit non-zero, exactly one error line naming the problem, no traceback."""
        assert self.code != 0, self
        assert len(self.error_lines) == 1, self.err
        assert "Traceback" not in self.err + self.out
        for fragment in fragments:
            assert fragment in self.error_lines[0], self.err


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English unless a test asks otherwise, whatever the machine's locale."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the command line in this process."""

    def runner(*argv: str) -> Result:
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_module(*argv: str, timeout: float = 60) -> Result:
    """Run `python -m desktop_crm ...` as a separate process."""
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_crm", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database file with two customers, closed."""
    path = tmp_path / "crm.sqlite3"
    open_database(str(path))
    create_customer({"name": "张三", "phones": ["13800138000"], "emails": ["zs@example.com"]})
    create_customer({"name": "李四", "phones": ["13900139000"]})
    close_database()
    return path


def customer_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt(path: Path) -> None:
    """Garbage over pages in the middle of a real database file."""
    data = bytearray(path.read_bytes())
    for start in range(4096 * 2, len(data) - 4096, 4096 * 2):
        data[start : start + 800] = b"\xde\xad\xbe\xef" * 200
    path.write_bytes(bytes(data))


def make_newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_version SET version = 999")
    con.commit()
    con.close()
