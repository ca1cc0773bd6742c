"""Where everything lives: resources in a checkout or a frozen bundle, and the user's data.

Environment overrides (tests, portable installs):
``COMMUNE_DESK_HOME`` (user data folder), ``COMMUNE_DESK_DB`` (database path or URL),
``COMMUNE_DESK_RESOURCES`` (resources folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "CommuneDesk"
DB_FILE_NAME = "commune-desk.sqlite3"


def resources_dir() -> Path:
    """The resources folder (catalogue, samples, translations, icons)."""
    override = os.environ.get("COMMUNE_DESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def catalogue_file() -> Path:
    """The default indicator catalogue."""
    return resources_dir() / "catalogue" / "default.toml"


def icon_file() -> Path:
    """The program's icon (the window's title bar and task bar)."""
    return resources_dir() / "icons" / "commune-desk.png"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def user_data_dir() -> Path:
    """The per-user data folder (database, backups, logs), created on demand by callers."""
    override = os.environ.get("COMMUNE_DESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_database() -> str:
    """The database used when none is named: ``COMMUNE_DESK_DB`` or the user data folder."""
    return os.environ.get("COMMUNE_DESK_DB") or str(user_data_dir() / DB_FILE_NAME)


def demo_database() -> Path:
    """The demo database `make run` and `--demo` open."""
    return user_data_dir() / "demo.sqlite3"


def backups_dir() -> Path:
    return user_data_dir() / "backups"


def log_dir() -> Path:
    return user_data_dir() / "logs"


def province_key_file() -> Path:
    """The province office's own signing key pair (for its replies to the communes)."""
    return user_data_dir() / "province-signing-key.json"


def province_document_file() -> Path:
    """The consolidated workbook's official parts the province office set last (agency, signer)."""
    return user_data_dir() / "province-document.json"
