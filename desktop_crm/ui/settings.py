"""UI state kept between runs (window geometry, splitters, columns, language, theme).

Business settings live in the database; this is only how the window looked. Tests give
a `UiSettings` backed by a temporary ini file.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop_crm.paths import data_dir


class UiSettings:
    """A small typed wrapper over QSettings."""

    def __init__(self, path: Path | None = None) -> None:
        self._settings = QSettings(str(path or data_dir() / "ui.ini"), QSettings.Format.IniFormat)

    def state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"state/{key}", value)

    @property
    def language(self) -> str | None:
        value = self._settings.value("ui/language", "")
        return str(value) or None

    @language.setter
    def language(self, value: str | None) -> None:
        self._settings.setValue("ui/language", value or "")

    @property
    def theme(self) -> str:
        return str(self._settings.value("ui/theme", "system"))

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("ui/theme", value)

    @property
    def page_paper(self) -> str:
        """The paper reports are laid out for: "a4" or "letter" (File → Page Setup)."""
        return str(self._settings.value("printing/paper", "a4"))

    @page_paper.setter
    def page_paper(self, value: str) -> None:
        self._settings.setValue("printing/paper", value)

    @property
    def page_orientation(self) -> str:
        """One of "auto" (each report's own choice), "portrait" or "landscape"."""
        return str(self._settings.value("printing/orientation", "auto"))

    @page_orientation.setter
    def page_orientation(self, value: str) -> None:
        self._settings.setValue("printing/orientation", value)

    @property
    def label_sheet(self) -> dict[str, object]:
        """The label sheet last printed on: preset name and measures changed (mm)."""
        try:
            value = json.loads(str(self._settings.value("printing/labelSheet", "{}")))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @label_sheet.setter
    def label_sheet(self, value: dict[str, object]) -> None:
        self._settings.setValue("printing/labelSheet", json.dumps(value))

    @property
    def office(self) -> dict[str, str]:
        """The office server, database and user name last signed in with (no password)."""
        try:
            value = json.loads(str(self._settings.value("office/signIn", "{}")))
        except ValueError:
            return {}
        return {k: str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    @office.setter
    def office(self, value: dict[str, str]) -> None:
        self._settings.setValue("office/signIn", json.dumps(value, ensure_ascii=False))

    @property
    def sync_file_folder(self) -> str:
        """The folder a sync file was last written to or read from (a USB stick, often);
        "" before the first."""
        return str(self._settings.value("sync/fileFolder", ""))

    @sync_file_folder.setter
    def sync_file_folder(self, value: str) -> None:
        self._settings.setValue("sync/fileFolder", value)

    def sync(self) -> None:
        self._settings.sync()
