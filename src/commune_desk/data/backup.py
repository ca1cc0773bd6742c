"""Consistent copies of a SQLite database with SQLite's online backup, their names and rotation.

A copy is named so a person can read it, and so the program can sort and rotate it:
``<database>_<commune code>-<commune name>_<YYYY-MM-DD>_<HH-MM-SS>_<kind>.sqlite3``, e.g.
``commune-desk_15880-xa-thieu-trung_2026-11-21_09-30-00_tu-dong.sqlite3``. The part before the
date is the copy's *group*: rotation and the search for a good copy stay within one group, so
the demo database and a commune's own never prune each other's copies.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"
KEEP_DAILY = 14
KEEP_MONTHLY = 12


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message is for the user."""


class Kind(StrEnum):
    """Why a copy was made; the value is the last part of its name."""

    DAILY = "tu-dong"  # the first start of a day
    MANUAL = "thu-cong"  # "Sao lưu ngay" or `commune-desk backup`
    BEFORE_UPGRADE = "truoc-nang-cap"  # before a migration
    BEFORE_RESTORE = "truoc-khoi-phuc"  # the state a restore replaced

    @property
    def rotated(self) -> bool:
        """Daily and manual copies rotate; copies made before an upgrade or a restore stay."""
        return self in (Kind.DAILY, Kind.MANUAL)


_NAME = re.compile(
    r"^(?P<group>.+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<time>\d{2}-\d{2}-\d{2})"
    r"_(?P<kind>" + "|".join(k.value for k in Kind) + r")(?:-\d+)?" + re.escape(BACKUP_SUFFIX) + "$"
)


@dataclass(frozen=True)
class BackupCopy:
    """A copy found in a folder, as its name describes it."""

    path: Path
    group: str
    taken_at: dt.datetime
    kind: Kind

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def parse_name(path: Path) -> BackupCopy | None:
    """The copy a file name describes, or None for a file the program did not name."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H-%M-%S")
    except ValueError:
        return None
    return BackupCopy(path, match["group"], taken, Kind(match["kind"]))


def list_copies(folder: Path, group_prefix: str | None = None) -> list[BackupCopy]:
    """The program's copies in `folder` (of one database, given `group_prefix`), newest first."""
    if not folder.is_dir():
        return []
    copies = [c for p in folder.iterdir() if p.is_file() and (c := parse_name(p)) is not None]
    if group_prefix is not None:
        copies = [c for c in copies if in_group(c.group, group_prefix)]
    return sorted(copies, key=lambda c: (c.taken_at, c.path.name), reverse=True)


def in_group(group: str, database_stem: str) -> bool:
    """Whether a copy's group belongs to the database file named `database_stem`."""
    return group == database_stem or group.startswith(database_stem + "_")


def to_prune(
    copies: Iterable[BackupCopy], daily: int = KEEP_DAILY, monthly: int = KEEP_MONTHLY
) -> list[BackupCopy]:
    """The rotated copies to delete, group by group.

    Kept: the newest copy of each of the `daily` most recent days that have a copy, and the
    newest of each of the `monthly` most recent months that have one. Copies made before an
    upgrade or a restore are not rotated.
    """
    by_group: dict[str, list[BackupCopy]] = {}
    for copy in copies:
        if copy.kind.rotated:
            by_group.setdefault(copy.group, []).append(copy)
    doomed: list[BackupCopy] = []
    for group_copies in by_group.values():
        newest_first = sorted(group_copies, key=lambda c: (c.taken_at, c.path.name), reverse=True)
        keep = set()
        for key, limit in ((_day, daily), (_month, monthly)):
            seen: list[object] = []
            for copy in newest_first:
                period = key(copy)
                if period not in seen:
                    seen.append(period)
                    if len(seen) <= limit:
                        keep.add(copy.path)
        doomed += [c for c in newest_first if c.path not in keep]
    return doomed


def _day(copy: BackupCopy) -> dt.date:
    return copy.taken_at.date()


def _month(copy: BackupCopy) -> tuple[int, int]:
    return copy.taken_at.year, copy.taken_at.month


def slug(text: str) -> str:
    """ASCII words joined by hyphens: «Xã Thiệu Trung» -> xa-thieu-trung."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40]


def group_of(source: Path) -> str:
    """The group of a database's copies: its file name and, when it has one, its commune."""
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT code, name FROM communes ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        row = None
    stem = slug(source.stem) or "commune-desk"
    if row is None:
        return stem
    return f"{stem}_{slug(str(row[0]))}-{slug(str(row[1]))}".rstrip("-")


def _copy(source: Path, target: Path) -> None:
    """Copy `source` into `target` page by page while other connections may write."""
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file


def integrity_problems(path: Path, full: bool = False) -> list[str]:
    """SQLite's quick (or full) check of a database file; an empty list means it is sound."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [row[0] for row in rows if row[0] != "ok"]
    problems += [f"foreign key: {row[0]} row {row[1]} -> {row[2]}" for row in fk]
    return problems


def backup_file(
    source: Path, to_dir: Path, kind: Kind = Kind.MANUAL, now: dt.datetime | None = None
) -> Path:
    """Write a consistent copy of `source` into `to_dir` and return its path."""
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp dữ liệu {source}.")
    try:
        to_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu {to_dir}: {exc.strerror}.") from exc
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    stem = f"{group_of(source)}_{stamp}_{kind.value}"
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


def prune(copies: Sequence[BackupCopy]) -> list[Path]:
    """Delete the copies rotation no longer keeps; returns what was deleted."""
    deleted = []
    for copy in to_prune(copies):
        try:
            copy.path.unlink()
        except OSError:
            continue  # open elsewhere (Windows) or read-only: the next rotation tries again
        deleted.append(copy.path)
    return deleted


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm files) beside itself; never delete it."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    target = path.with_name(f"{path.stem}.hong-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.hong-{stamp}-{n}{path.suffix}")
    moves = [(path, target)] + [
        (Path(f"{path}{extra}"), Path(f"{target}{extra}"))
        for extra in ("-wal", "-shm")
        if Path(f"{path}{extra}").exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        for source, destination in moves:
            os.replace(source, destination)
            done.append((source, destination))
    except OSError as exc:  # all or nothing: a WAL apart from its file may hold commits
        for source, destination in reversed(done):
            os.replace(destination, source)
        raise BackupError(f"Không đổi tên được tệp hỏng {path}: {exc.strerror}.") from exc
    return target


def check_is_backup(backup: Path) -> None:
    """Refuse a file that is missing, damaged or not a Commune Desk database."""
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


def restore_file(backup: Path, target: Path) -> None:
    """Replace the database `target` by the content of `backup`, in one transaction.

    The caller has checked the backup (`check_is_backup`) and saved the current state.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(target, timeout=10)) as dst,
        ):
            src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupError(f"Không khôi phục được vào {target}: {exc}.") from exc
