"""Backing up and restoring the commune's database file, and the start-up integrity check.

Copies go to the backups folder (rotated: see `data.backup.to_prune`) or to any folder the
user names (a USB stick: never rotated). The first opening of a database each day makes the
day's automatic copy; a restore first saves the state it replaces.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from commune_desk.data.backup import (
    BackupCopy,
    BackupError,
    Kind,
    backup_file,
    check_is_backup,
    group_of,
    integrity_problems,
    list_copies,
    parse_name,
    prune,
    restore_file,
    set_aside,
    slug,
)
from commune_desk.data.backup_summary import FileSummary, summarise
from commune_desk.data.db import is_sqlite_file, sqlite_path
from commune_desk.data.history import Appended, append_history, commune_of
from commune_desk.services.context import Actor, ServiceContext, system_actor
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action, require

# What the window shows of backups (it never imports `data`): the copies, their kinds, errors.
BackupKind = Kind
parse_backup_name = parse_name

log = logging.getLogger(__name__)


class DatabaseDamaged(ServiceError):
    """The database file failed its integrity check; the program does not open it."""

    def __init__(self, path: Path, problems: list[str], good_backup: Path | None) -> None:
        self.path, self.problems, self.good_backup = path, problems, good_backup
        text = (
            f"Cơ sở dữ liệu {path} bị hỏng ({problems[0]}); chương trình không mở tệp hỏng "
            "để tránh mất thêm dữ liệu."
        )
        if good_backup is None:
            text += " Không tìm thấy bản sao lưu nào còn tốt trong thư mục sao lưu."
        else:
            text += (
                f" Bản sao lưu tốt gần nhất: {good_backup}. Để khôi phục từ bản này: "
                f'commune-desk restore "{good_backup}" --db "{path}"'
            )
        super().__init__(text)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the replaced state, copied to the backups folder
    set_aside: Path | None  # the replaced file itself, renamed, when it was damaged
    appended: Appended = field(default_factory=Appended)  # the replaced history kept


class OtherCommune(ServiceError):
    """The backup belongs to another commune than the database it would replace."""

    def __init__(self, current: tuple[str, str], backup: tuple[str, str]) -> None:
        self.current, self.backup = current, backup
        super().__init__(
            f"Bản sao lưu là dữ liệu của {backup[1]} (mã {backup[0]}), còn dữ liệu đang dùng "
            f"là của {current[1]} (mã {current[0]}). Khôi phục sẽ thay dữ liệu của "
            f"{current[1]} bằng dữ liệu của {backup[1]}; chưa có gì thay đổi. Nếu đúng ý muốn, "
            "hãy xác nhận (dòng lệnh: thêm --force)."
        )


def other_commune(db: str | Path, backup: Path) -> OtherCommune | None:
    """The refusal to give when `backup` is another commune's than the database's, or None."""
    target = _file_of(db)
    current = commune_of(target) if target.is_file() else None
    theirs = commune_of(backup)
    if current is None or theirs is None or current[0] == theirs[0]:
        return None
    return OtherCommune(current, theirs)


@dataclass(frozen=True)
class BackupSummary:
    """What the user sees before restoring: when the copy was made and what it holds."""

    path: Path
    taken_at: dt.datetime
    kind: Kind | None  # None for a file the program did not name
    size: int
    contents: FileSummary
    # The commune whose data a restore would replace, (code, name), when known: the window
    # asks for a plain confirmation naming both when the backup is another commune's.
    replaces: tuple[str, str] | None = None

    @property
    def other_commune(self) -> bool:
        code = self.contents.commune_code
        return bool(self.replaces and code and code != self.replaces[0])


def _file_of(db: str | Path) -> Path:
    path = sqlite_path(db)
    if path is None:
        raise BackupError("Sao lưu và khôi phục chỉ áp dụng cho cơ sở dữ liệu SQLite dạng tệp.")
    return path


def _group_prefix(path: Path) -> str:
    return slug(path.stem) or "commune-desk"


def list_backups(db: str | Path, backups_dir: Path) -> list[BackupCopy]:
    """The copies of this database in the backups folder, newest first."""
    return list_copies(backups_dir, _group_prefix(_file_of(db)))


def backup_now(
    db: str | Path, backups_dir: Path, to_dir: Path | None = None, now: dt.datetime | None = None
) -> Path:
    """A consistent copy, made while the program may run: in the backups folder (rotated)
    or in `to_dir`, such as a USB stick (left as it is)."""
    source = _file_of(db)
    if to_dir is not None and to_dir.resolve() != backups_dir.resolve():
        return backup_file(source, to_dir, Kind.MANUAL, now)
    return _rotated_backup(source, backups_dir, Kind.MANUAL, now)


def _rotated_backup(source: Path, backups_dir: Path, kind: Kind, now: dt.datetime | None) -> Path:
    target = backup_file(source, backups_dir, kind, now)
    for deleted in prune(list_copies(backups_dir, _group_prefix(source))):
        log.info("Rotation removed %s", deleted)
    return target


def daily_backup(db: str | Path, backups_dir: Path, now: dt.datetime) -> Path | None:
    """The day's automatic copy, when this database has none yet today (and has a commune).

    A copy that cannot be made is logged, never a reason not to start.
    """
    source = sqlite_path(db)
    if source is None or not source.is_file():
        return None
    group = group_of(source)
    if group == _group_prefix(source):
        return None  # no commune yet: nothing worth keeping
    done_today = any(
        c.kind is Kind.DAILY and c.taken_at.date() == now.date() and c.group == group
        for c in list_copies(backups_dir, _group_prefix(source))
    )
    if done_today:
        return None
    try:
        return _rotated_backup(source, backups_dir, Kind.DAILY, now)
    except BackupError:
        log.warning("The daily backup of %s failed", source, exc_info=True)
        return None


def describe_backup(backup: Path) -> BackupSummary:
    """When a copy was made and what it holds; refuses a file that is not a sound backup."""
    check_is_backup(backup)
    named = parse_name(backup)
    taken = named.taken_at if named else dt.datetime.fromtimestamp(backup.stat().st_mtime)
    return BackupSummary(
        path=backup,
        taken_at=taken.replace(microsecond=0),
        kind=named.kind if named else None,
        size=backup.stat().st_size,
        contents=summarise(backup),
    )


def check_may_restore(actor: Actor | None) -> None:
    """The one place where restoring is allowed or refused for the acting account.

    No actor: the start-up check, before anyone can log in to the damaged file.
    """
    if actor is not None:
        require(actor, Action.RESTORE)


def restore_database(
    db: str | Path,
    backup: Path,
    backups_dir: Path,
    actor: Actor | None = None,
    now: dt.datetime | None = None,
    force: bool = False,
) -> RestoreResult:
    """Replace the database by `backup`, after saving the current state in `backups_dir`.

    A current file that is damaged cannot be copied: it is renamed beside itself instead.
    The replaced audit trail and register of submissions and unlocks are appended into the
    restored file, with the restore's own audit entry, so no history is lost and no version
    number is issued twice. A backup of another commune is refused unless `force`.
    """
    check_may_restore(actor)
    target = _file_of(db)
    check_is_backup(backup)
    refusal = other_commune(target, backup)
    if refusal is not None and not force:
        raise refusal
    when = (now or dt.datetime.now()).replace(microsecond=0)
    safety = aside = None
    if target.is_file():
        if integrity_problems(target):
            aside = set_aside(target, now)
            log.warning("Set the damaged %s aside as %s", target, aside)
        else:
            safety = backup_file(target, backups_dir, Kind.BEFORE_RESTORE, now)
    restore_file(backup, target)
    log.info("Restored %s from %s", target, backup)
    who = actor or system_actor()
    entry = {
        "at": when.strftime("%Y-%m-%d %H:%M:%S.%f"),
        "actor": who.username,
        "action": "restore",
        "entity": "database",
        "entity_key": backup.name,
        "new_value": json.dumps(
            {"backup": backup.name, "replaced_copy": (safety or aside or Path("")).name},
            ensure_ascii=False,
            sort_keys=True,
        ),
        "reason": "",
    }
    release = (
        f"Khôi phục bản sao lưu {backup.name}: số liệu đã khôi phục không còn là số liệu "
        "của lần nộp này."
    )
    appended = append_history(target, safety, entry, release, refusal is None)
    log.info("Kept the replaced history: %s", appended)
    return RestoreResult(backup, safety, aside, appended)


def check_database_file(db: str | Path) -> list[str]:
    path = sqlite_path(db)
    if path is None or not path.is_file():
        return []
    return integrity_problems(path)


def newest_good_backup(db: str | Path, backups_dir: Path) -> Path | None:
    """The newest copy of this database that passes SQLite's full integrity check."""
    for copy in list_backups(db, backups_dir):
        if not integrity_problems(copy.path, full=True):
            return copy.path
    return None


def startup_check(db: str | Path, backups_dir: Path | None) -> None:
    """SQLite's quick check of an existing database file before anything opens it.

    Raises DatabaseDamaged (naming the newest good backup) when the check fails. A file that
    is not SQLite at all is left to the opening, which refuses it as another program's.
    """
    path = sqlite_path(db)
    if path is None or not path.is_file() or not is_sqlite_file(path):
        return
    problems = integrity_problems(path)
    if problems:
        log.error("Integrity check of %s failed: %s", path, problems[:5])
        good = newest_good_backup(path, backups_dir) if backups_dir is not None else None
        raise DatabaseDamaged(path, problems, good)


def database_of(ctx: ServiceContext) -> str:
    """The database a context works on (its engine's URL)."""
    return ctx.sessions.kw["bind"].url.render_as_string(hide_password=False)


class BackupService:
    """Backups of the database a window works on: what Cài đặt offers."""

    def __init__(self, ctx: ServiceContext, backups_dir: Path) -> None:
        self._ctx, self.backups_dir = ctx, backups_dir

    @property
    def database(self) -> str:
        return database_of(self._ctx)

    def list(self) -> list[BackupCopy]:
        return list_backups(self.database, self.backups_dir)

    def backup(self, to_dir: Path | None = None) -> Path:
        return backup_now(self.database, self.backups_dir, to_dir, self._ctx.now())

    def describe(self, backup: Path) -> BackupSummary:
        summary = describe_backup(backup)
        target = _file_of(self.database)
        current = commune_of(target) if target.is_file() else None
        return replace(summary, replaces=current)

    def other_commune(self, backup: Path) -> OtherCommune | None:
        """Whether `backup` is another commune's (the window asks before going on)."""
        return other_commune(self.database, backup)

    def restore(self, backup: Path, force: bool = False) -> RestoreResult:
        return restore_database(
            self.database, backup, self.backups_dir, self._ctx.actor, self._ctx.now(), force
        )
