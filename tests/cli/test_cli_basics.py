"""The command line as a whole: help, usage errors, the GUI hand-off, bugs, language."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import cli, paths
from tests.cli.conftest import REPO, Result, run_module, subprocess_env


def test_help_lists_the_commands_and_exit_codes(run: Any) -> None:
    result = run("--help")
    assert result.code == 0
    for word in ("demo", "import", "export", "backup", "restore", "check", "exit codes"):
        assert word in result.out
    assert "rejected" in run("import", "--help").out


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["import"],
        ["import", "x.csv", "--on-duplicate", "ignore"],
        ["import", "x.csv", "--format", "pdf"],
        ["export", "x.csv", "--format", "pdf"],
        ["demo"],
        ["demo", "--customers", "0"],
        ["demo", "--customers", "many"],
        ["--lang", "fr", "check"],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(run: Any, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.startswith("desktop-crm: error:")


def test_no_command_opens_the_gui_with_the_database_and_language(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = []
    fake = types.ModuleType("desktop_crm.app")
    fake.run_gui = lambda database, lang=None, read_only=False, smoke_test=False: (
        calls.append((database, lang)) or 0
    )
    monkeypatch.setitem(sys.modules, "desktop_crm.app", fake)
    assert run("--database", str(tmp_path / "a.sqlite3"), "--lang", "zh_CN").code == 0
    monkeypatch.setenv("DESKTOP_CRM_DATABASE", str(tmp_path / "env.sqlite3"))
    assert run().code == 0
    assert calls == [(str(tmp_path / "a.sqlite3"), "zh_CN"), (str(tmp_path / "env.sqlite3"), None)]


def test_database_option_is_also_accepted_after_the_command(run: Any, database: Path) -> None:
    result = run("check", "--database", str(database))
    assert result.code == 0 and "2 customers" in result.out


def test_a_bug_is_logged_with_its_traceback_and_reported_in_one_line(
    run: Any, monkeypatch: pytest.MonkeyPatch, database: Path
) -> None:
    def broken(args: Any, db: str) -> int:
        raise ZeroDivisionError("oops")

    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    result = run("--database", str(database), "check")
    result.assert_one_clear_error("ZeroDivisionError", str(paths.log_file()))
    assert result.code == 1
    assert "Traceback" in paths.log_file().read_text(encoding="utf-8")


def test_lang_sets_the_language_of_domain_messages(
    run: Any, database: Path, tmp_path: Path
) -> None:
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("姓名,手机\n王五,12345\n", encoding="utf-8")
    result = run("--database", str(database), "--lang", "zh_CN", "import", str(csv_file))
    assert result.code == cli.EXIT_REJECTED_ROWS
    assert "“12345”不是有效的电话号码" in result.err


def test_python_m_desktop_crm_is_the_entry_point(database: Path) -> None:
    result = run_module("--database", str(database), "check")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("ok: ")
    assert run_module("--version").out.strip() == f"desktop-crm {cli.__version__}"
    bad = run_module("--database", str(database), "restore", str(database.with_name("none")))
    bad.assert_one_clear_error("does not exist")


def test_headless_commands_never_import_qt_widgets(database: Path) -> None:
    code = (
        "import sys\n"
        "from desktop_crm.cli import main\n"
        f"assert main(['--database', {str(database)!r}, 'check']) == 0\n"
        f"out = {str(database) + '.csv'!r}\n"
        f"assert main(['--database', {str(database)!r}, 'export', out]) == 0\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets imported'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_result_helper_rejects_tracebacks() -> None:
    with pytest.raises(AssertionError):
        Result(
            1, "", "desktop-crm: error: x\nTraceback (most recent call last):\n"
        ).assert_one_clear_error()
