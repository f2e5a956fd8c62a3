"""The frozen build bundles every resource folder; the entry points exist."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_build_spec_lists_every_resource_folder():
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    listed = next(
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RESOURCE_DIRS"
    )
    present = sorted(p.name for p in (ROOT / "resources").iterdir() if p.is_dir())
    assert sorted(listed) == present


def test_the_desktop_crm_entry_point_runs_the_cli():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["desktop-crm"] == "desktop_crm.cli:main"


def test_pyside6_is_pinned_below_the_release_that_crashes_python_3_11():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if d.startswith("PySide6")]
    assert any("<6.12" in d and "python_version < '3.12'" in d for d in pins)
