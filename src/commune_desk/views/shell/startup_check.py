"""A database that failed its start-up check: say so plainly and offer the newest good backup."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from commune_desk.services.backups import BackupError, DatabaseDamaged, restore_database
from commune_desk.services.backups import parse_backup_name as parse_name
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
        result = restore_database(damaged.path, backup, backups_dir)
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
