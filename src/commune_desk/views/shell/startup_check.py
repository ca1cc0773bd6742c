"""A database that failed its start-up check: say so plainly and offer the newest good backup.

The restore runs through the operations kernel, off the UI thread; the UI thread waits for it
in an event loop (it keeps painting, and the busy cue shows), as no window is open yet.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from commune_desk.services.backups import (
    BackupError,
    DatabaseDamaged,
    RestoreResult,
    restore_database,
)
from commune_desk.services.backups import parse_backup_name as parse_name
from commune_desk.views.kernel import Changes, Outcome, WriteOp
from commune_desk.views.settings.restore_dialog import when_text
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill

log = logging.getLogger(__name__)


def recover_damaged(dialogs: Dialogs, damaged: DatabaseDamaged, backups_dir: Path) -> bool:
    """Ask to restore the newest good backup; True when the database may now be opened.

    The damaged file is never opened and never deleted: the restore renames it beside itself.
    """
    title = QCoreApplication.translate("StartupCheck", "Cơ sở dữ liệu bị hỏng")
    head = fill(
        QCoreApplication.translate(
            "StartupCheck",
            "Tệp dữ liệu %1 bị hỏng (kiểm tra toàn vẹn không đạt: %2). Chương trình không mở "
            "tệp hỏng để tránh mất thêm dữ liệu.",
        ),
        damaged.path,
        damaged.problems[0],
    )
    backup = damaged.good_backup
    if backup is None:
        dialogs.warn(
            None,
            title,
            head
            + "\n\n"
            + QCoreApplication.translate(
                "StartupCheck",
                "Không tìm thấy bản sao lưu nào còn tốt trong thư mục sao lưu. Hãy chép tệp "
                "dữ liệu sang nơi khác và nhờ cán bộ kỹ thuật hỗ trợ.",
            ),
        )
        return False
    named = parse_name(backup)
    when = when_text(named.taken_at) if named else backup.name
    question = fill(
        QCoreApplication.translate(
            "StartupCheck",
            "Bản sao lưu tốt gần nhất là bản lúc %1 (tệp %2). Khôi phục từ bản này? Tệp hỏng "
            "được giữ lại, đổi tên bên cạnh, không bị xóa. Những thay đổi sau lúc sao lưu sẽ "
            "không có trong dữ liệu khôi phục.",
        ),
        when,
        backup,
    )
    if not dialogs.confirm(None, title, head + "\n\n" + question):
        return False
    try:
        result = _restored(damaged.path, backup, backups_dir)
    except BackupError as exc:
        log.exception("Restoring %s from %s failed", damaged.path, backup)
        dialogs.warn(None, title, str(exc))
        return False
    dialogs.inform(
        None,
        title,
        fill(
            QCoreApplication.translate(
                "StartupCheck", "Đã khôi phục từ %1. Tệp hỏng được giữ lại với tên %2."
            ),
            backup.name,
            result.set_aside,
        ),
    )
    return True


def _restored(path: Path, backup: Path, backups_dir: Path) -> RestoreResult:
    """Restore `path` from `backup` on the kernel's database thread; the UI thread waits.

    Raises what the restore raised."""
    loop = QEventLoop()
    ended: list[object] = []

    def end(value: object) -> None:
        ended.append(value)
        loop.quit()

    def restore(_task) -> Outcome[RestoreResult]:
        return Outcome(restore_database(path, backup, backups_dir), Changes.everything())

    WriteOp(parent=None, op=restore, success=end).failure(end).run_in_background()
    loop.exec()  # the result arrives through this loop: it cannot come before it runs
    (value,) = ended
    if isinstance(value, Exception):
        raise value
    return value  # type: ignore[return-value]
