"""`desktop-crm --smoke-test`: the real main window reports its four panes and the
dashboard, and fails when a pane is not shown; from the sources here, from the built
bundle in test_bundle.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm import __version__
from desktop_crm.app import create_main_window
from desktop_crm.cli import build_parser
from desktop_crm.domain import customers
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.smoke_test import PANES, pane_report


@pytest.fixture
def window(qtbot, db, db_path: Path, tmp_path: Path):
    customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def test_the_report_names_each_pane_visible_with_what_it_shows(window) -> None:
    ok, lines = pane_report(window)
    assert ok
    assert lines == [
        "customerList: visible (rows: 1)",
        "customerDetail: visible",
        "followUpPane: visible (Follow-ups)",
        "relationshipPane: visible (Relationship level)",
    ]


def test_a_hidden_pane_fails_the_report(window) -> None:
    window.relationship_dock.hide()
    ok, lines = pane_report(window)
    assert not ok
    assert "relationshipPane: hidden (Relationship level)" in lines


def test_a_missing_pane_fails_the_report(window) -> None:
    window.followup_pane.setObjectName("somethingElse")
    ok, lines = pane_report(window)
    assert not ok
    assert "followUpPane: missing" in lines


def test_the_flag_is_kept_out_of_help() -> None:
    parser = build_parser()
    assert "smoke" not in parser.format_help()
    assert parser.parse_args(["--smoke-test"]).smoke_test


def test_the_app_started_with_the_flag_reports_its_panes_and_logs_its_version(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "DESKTOP_CRM_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DESKTOP_CRM_DATABASE", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_crm", "--smoke-test", "--lang", "zh_CN"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Desktop CRM {__version__} smoke test (zh_CN)")
    assert [line.split(":")[0] for line in lines[1:]] == [*PANES, "dashboard"]
    assert lines[-1].startswith("dashboard: visible (charts: ")  # opened from its action
    assert "followUpPane: visible (跟进)" in lines  # the Chinese translation was loaded
    assert "no customers" in lines[1]  # a new database: the hint in the list's place
    log = (tmp_path / "desktop-crm.log").read_text(encoding="utf-8")
    assert f"Desktop CRM {__version__} starting" in log
