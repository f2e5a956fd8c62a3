"""Build the desktop app: `python -m desktop_crm.bundle [--dist DIR] [--work DIR]`.

Runs PyInstaller on `build.spec` (a one-folder windowed app; on macOS also the `.app`)
and prints the path of the built executable. Needs the `bundle` extra
(`pip install -e '.[bundle]'`). The spec calls back into this module for what it
derives from the project: the Windows version resource, the macOS Info.plist, and the
.ico / .icns icons drawn from `resources/icons/app.svg`.

No Qt is imported here except, inside `icon_pngs`, QtGui and QtSvg to draw the icon.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import struct
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop_crm import __version__

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
APP_NAME = "DesktopCRM"  # the executable and the one-folder bundle
DISPLAY_NAME = "Desktop CRM"
MAC_APP = f"{DISPLAY_NAME}.app"
BUNDLE_ID = "com.desktopcrm.app"
ICON_SVG = ROOT / "resources" / "icons" / "app.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns PNG types and the pixel size each holds (Apple's "icns" container).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def executable_path(dist: Path, platform: str = sys.platform) -> Path:
    """Where the built program lands under `dist` on `platform`."""
    if platform == "darwin":
        return dist / MAC_APP / "Contents" / "MacOS" / APP_NAME
    suffix = ".exe" if platform == "win32" else ""
    return dist / APP_NAME / f"{APP_NAME}{suffix}"


def version_tuple(version: str = __version__) -> tuple[int, int, int, int]:
    """`0.1.0` → (0, 1, 0, 0): the four numbers of a Windows file version."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d*", part).group()  # "3rc1" → 3
        numbers.append(int(digits or 0))
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_info(version: str = __version__) -> str:
    """The text of a PyInstaller version file: the version resource of the .exe
    (File Explorer → Properties → Details), in English and Simplified Chinese."""
    numbers = version_tuple(version)

    def table(code: str, description: str) -> str:
        strings = {
            "CompanyName": "Desktop CRM",
            "FileDescription": description,
            "FileVersion": version,
            "InternalName": APP_NAME,
            "OriginalFilename": f"{APP_NAME}.exe",
            "ProductName": DISPLAY_NAME,
            "ProductVersion": version,
        }
        entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
        return f"StringTable({code!r}, [\n          {entries}])"

    return f"""# The Windows version resource of {APP_NAME}.exe, made by desktop_crm.bundle.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)),
  kids=[
    StringFileInfo([
      {table("040904B0", "Desktop CRM, an offline customer manager")},
      {table("080404B0", "Desktop CRM 客户管理")}]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200, 0x0804, 1200])])
  ]
)
"""


def mac_info_plist(version: str = __version__) -> dict[str, object]:
    """Info.plist entries of the .app (PyInstaller adds the executable and icon keys)."""
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        # macOS shows its own menus, dialogs and buttons in these languages only when
        # the bundle says it has them; the app's own text comes from its .qm files.
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["zh_CN", "en"],
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "NSRequiresAquaSystemAppearance": False,  # follows the dark appearance
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "11.0",
        "NSHumanReadableCopyright": "Desktop CRM",
    }


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (size in pixels → PNG data), smallest first.

    Since Windows Vista an .ico entry may be a whole PNG; 256 is written as 0.
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(pngs[size]), offset)
        offset += len(pngs[size])
    return header + entries + b"".join(pngs[size] for size in sizes)


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS .icns holding the PNG of each size it has a type for."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def icon_pngs(svg: Path, sizes: Sequence[int]) -> dict[int, bytes]:
    """The SVG drawn at each size (pixels) as PNG data, with Qt (QtGui and QtSvg)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read the icon {svg}")
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data.data())
    return pngs


def write_icon(folder: Path, platform: str = sys.platform) -> Path | None:
    """The app icon in the form `platform` wants (.ico, .icns), written into `folder`;
    None where the executable carries no icon (Linux)."""
    if platform == "win32":
        path, data = folder / "app.ico", ico_bytes(icon_pngs(ICON_SVG, ICO_SIZES))
    elif platform == "darwin":
        path = folder / "app.icns"
        data = icns_bytes(icon_pngs(ICON_SVG, [size for _, size in ICNS_TYPES]))
    else:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_version_file(folder: Path) -> Path:
    """The Windows version file for PyInstaller, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "version_info.txt"
    path.write_text(windows_version_info(), encoding="utf-8")
    return path


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on build.spec into `dist`, its intermediate files in `work`;
    the path of the built executable."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",  # replace an earlier build in dist without asking
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    executable = executable_path(dist)
    if not executable.exists():
        raise FileNotFoundError(f"PyInstaller finished but {executable} is not there")
    return executable


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_crm.bundle",
        description="Build the windowed desktop app with PyInstaller (build.spec) and "
        "print the path of its executable.",
    )
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist",
        metavar="DIR",
        help="where the app is put (default: dist/)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build",
        metavar="DIR",
        help="PyInstaller's intermediate files (default: build/)",
    )
    args = parser.parse_args(argv)
    if not SPEC.exists():
        return _error(f"{SPEC} is not there: build from a checkout of the project")
    if importlib.util.find_spec("PyInstaller") is None:
        return _error("PyInstaller is not installed (pip install -e '.[bundle]')")
    try:
        executable = build(args.dist.resolve(), args.work.resolve())
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        return _error(str(exc))
    print(executable)
    return 0


def _error(message: str) -> int:
    print(f"bundle: error: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
