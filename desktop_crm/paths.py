"""Where Desktop CRM keeps its files on this machine (per-user, per-platform)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "DesktopCRM"
DATABASE_ENV = "DESKTOP_CRM_DATABASE"
DATA_DIR_ENV = "DESKTOP_CRM_DATA_DIR"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user data directory; `DESKTOP_CRM_DATA_DIR` overrides it (tests, portable use)."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    """The database to open when none is named: the environment, else the data directory."""
    return os.environ.get(DATABASE_ENV) or str(data_dir() / "crm.sqlite3")


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_policy_file() -> Path:
    """How many backups to keep and where (JSON): outside the database, so that it can be
    read when the database is damaged, and by the command line."""
    return data_dir() / "backup-policy.json"


def log_file() -> Path:
    return data_dir() / "desktop-crm.log"


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, in the source tree or in a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)
