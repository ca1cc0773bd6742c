"""Consistent copies of a SQLite database with SQLite's online backup, and restoring them."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message is for the user."""


def _copy(source: Path, target: Path) -> None:
    """Copy `source` into `target` page by page while other connections may write."""
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file


def integrity_problems(path: Path) -> list[str]:
    """SQLite's quick check of a database file; an empty list means the file is sound."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [row[0] for row in rows if row[0] != "ok"]
    problems += [f"foreign key: {row[0]} row {row[1]} -> {row[2]}" for row in fk]
    return problems


def backup_file(source: Path, to_dir: Path, label: str = "") -> Path:
    """Write a consistent copy of `source` into `to_dir` and return its path."""
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp dữ liệu {source}.")
    try:
        to_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu {to_dir}: {exc.strerror}.") from exc
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = f"{source.stem}-{stamp}" + (f"-{label}" if label else "")
    target = to_dir / f"{stem}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = to_dir / f"{stem}-{n}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".part")
    try:
        _copy(source, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Không sao lưu được vào {to_dir}: {exc}.") from exc
    return target


def restore_file(backup: Path, target: Path) -> None:
    """Replace the database `target` by the content of `backup`, atomically for readers.

    The backup is checked first; the caller backs up the current state before calling.
    """
    if not backup.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {backup}.")
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"Tệp sao lưu {backup.name} bị hỏng: {problems[0]}.")
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
        try:
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(
                f"Tệp {backup.name} không phải là bản sao lưu của Commune Desk."
            ) from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target, timeout=10)) as dst,
    ):
        src.backup(dst)
