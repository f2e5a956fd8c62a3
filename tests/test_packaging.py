"""The frozen build bundles every resource folder; the entry points exist; what
desktop_crm.bundle derives for it (icons, version resource, Info.plist) is right."""

from __future__ import annotations

import ast
import os
import plistlib
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop_crm import bundle

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


# ------------------------------------------------------------- desktop_crm.bundle


def test_the_bundle_is_a_windowed_app():
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    exe = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
    )
    keywords = {k.arg: k.value for k in exe.keywords}
    assert ast.literal_eval(keywords["console"]) is False


def test_the_executable_is_where_each_platform_puts_it(tmp_path: Path):
    assert bundle.executable_path(tmp_path, "linux") == tmp_path / "DesktopCRM" / "DesktopCRM"
    assert bundle.executable_path(tmp_path, "win32") == tmp_path / "DesktopCRM" / "DesktopCRM.exe"
    assert bundle.executable_path(tmp_path, "darwin") == (
        tmp_path / "Desktop CRM.app" / "Contents" / "MacOS" / "DesktopCRM"
    )


def test_the_windows_version_resource_says_the_version():
    assert bundle.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle.version_tuple("2.10.3rc1") == (2, 10, 3, 0)
    text = bundle.windows_version_info("2.10.3")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s it with its own classes
    known = {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"}
    known |= {"StringStruct", "VarFileInfo", "VarStruct"}
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert {node.func.id for node in calls} <= known
    fixed = next(node for node in calls if node.func.id == "FixedFileInfo")
    fixed_values = {k.arg: ast.literal_eval(k.value) for k in fixed.keywords}
    assert fixed_values["filevers"] == fixed_values["prodvers"] == (2, 10, 3, 0)
    strings = [
        tuple(ast.literal_eval(arg) for arg in node.args)
        for node in calls
        if node.func.id == "StringStruct"
    ]
    assert ("FileVersion", "2.10.3") in strings
    assert ("ProductName", "Desktop CRM") in strings
    assert ("OriginalFilename", "DesktopCRM.exe") in strings
    tables = [ast.literal_eval(n.args[0]) for n in calls if n.func.id == "StringTable"]
    assert tables == ["040904B0", "080404B0"]  # English and Simplified Chinese


def test_the_mac_info_plist_has_the_bundle_id_version_and_both_languages():
    entries = plistlib.loads(plistlib.dumps(bundle.mac_info_plist("2.10.3")))
    assert entries["CFBundleIdentifier"] == "com.desktopcrm.app"
    assert entries["CFBundleShortVersionString"] == entries["CFBundleVersion"] == "2.10.3"
    assert entries["CFBundleLocalizations"] == ["zh_CN", "en"]
    assert entries["CFBundleDevelopmentRegion"] == "en"
    assert entries["NSHighResolutionCapable"] is True


def read_images(data: bytes, qapp) -> list[tuple[int, int]]:
    """The (width, height) of each image Qt's own reader finds in an .ico or .icns."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


def test_the_windows_icon_holds_the_app_icon_at_each_size(qapp):
    data = bundle.ico_bytes(bundle.icon_pngs(bundle.ICON_SVG, bundle.ICO_SIZES))
    assert sorted(read_images(data, qapp)) == [(s, s) for s in bundle.ICO_SIZES]


def test_the_mac_icon_holds_the_app_icon_at_each_size(qapp):
    sizes = [size for _, size in bundle.ICNS_TYPES]
    data = bundle.icns_bytes(bundle.icon_pngs(bundle.ICON_SVG, sizes))
    assert data[:4] == b"icns" and int.from_bytes(data[4:8], "big") == len(data)
    assert sorted(read_images(data, qapp)) == [(s, s) for s in sizes]


def test_the_icon_is_drawn_from_the_svg(qapp):
    from PySide6.QtGui import QColor, QImage

    png = bundle.icon_pngs(bundle.ICON_SVG, [64])[64]
    image = QImage.fromData(png, "PNG")
    assert image.size().width() == 64
    assert image.pixelColor(32, 58).name() == QColor("#2f6fb3").name()  # the blue tile
    assert image.pixelColor(0, 0).alpha() == 0  # outside its rounded corner


@pytest.mark.skipif(sys.platform == "win32", reason="closes the child's descriptors 0-2")
def test_the_entry_point_works_without_standard_streams(tmp_path: Path):
    """As the windowed Windows bundle starts: Python sets sys.stdout (…) to None."""

    def no_streams() -> None:
        for fd in (0, 1, 2):
            os.close(fd)

    env = {**os.environ, "DESKTOP_CRM_DATA_DIR": str(tmp_path)}
    env.pop("DESKTOP_CRM_DATABASE", None)
    command = [sys.executable, "-m", "desktop_crm", "demo", "--customers", "3"]
    result = subprocess.run(command, env=env, preexec_fn=no_streams, timeout=120)
    assert result.returncode == 0
    assert (tmp_path / "crm.sqlite3").exists()
    assert not (tmp_path / "desktop-crm.log").exists()  # no bug was logged
