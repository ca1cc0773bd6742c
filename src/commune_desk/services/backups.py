"""Backing up and restoring the commune's database file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commune_desk.data.backup import BackupError, backup_file, integrity_problems, restore_file
from commune_desk.data.db import sqlite_path


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None


def _file_of(db: str | Path) -> Path:
    path = sqlite_path(db)
    if path is None:
        raise BackupError("Sao lưu và khôi phục chỉ áp dụng cho cơ sở dữ liệu SQLite dạng tệp.")
    return path


def backup_database(db: str | Path, to_dir: Path) -> Path:
    """A consistent copy of the database in `to_dir` (works while the program runs)."""
    return backup_file(_file_of(db), to_dir)


def restore_database(db: str | Path, backup: Path, backups_dir: Path) -> RestoreResult:
    """Replace the database by `backup`, after saving the current state in `backups_dir`."""
    target = _file_of(db)
    problems = integrity_problems(backup) if backup.is_file() else ["missing"]
    if problems:
        if not backup.is_file():
            raise BackupError(f"Không tìm thấy tệp sao lưu {backup}.")
        raise BackupError(f"Tệp sao lưu {backup.name} bị hỏng: {problems[0]}.")
    safety = backup_file(target, backups_dir, label="truoc-khoi-phuc") if target.is_file() else None
    restore_file(backup, target)
    return RestoreResult(backup, safety)


def check_database_file(db: str | Path) -> list[str]:
    path = sqlite_path(db)
    if path is None or not path.is_file():
        return []
    return integrity_problems(path)
