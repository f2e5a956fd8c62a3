"""Layers only point down: the domain and storage never import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_crm"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_under(*rooms: str) -> list[Path]:
    return [p for room in rooms for p in (PACKAGE / room).rglob("*.py")]


def test_domain_and_db_never_import_qt():
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(p) if m.startswith("PySide6")
        )
        for p in modules_under("domain", "db")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_ui_and_app_import_qt_widgets():
    allowed = {PACKAGE / "app.py", *modules_under("ui")}
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p not in allowed and any(m.startswith("PySide6.QtWidgets") for m in imported_modules(p))
    ]
    assert offenders == []


def test_the_domain_does_not_reach_up_into_the_ui_or_reports():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in modules_under("domain", "db", "exchange")
        if any(
            m.startswith(("desktop_crm.ui", "desktop_crm.app", "desktop_crm.reports"))
            for m in imported_modules(p)
        )
    ]
    assert offenders == []
