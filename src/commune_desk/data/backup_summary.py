"""What a backup file holds, read without changing it: commune, records, months, submissions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from commune_desk.data.backup import BackupError
from commune_desk.data.models import AuditEntry, Commune, MonthlyValue, Province, Submission
from commune_desk.data.repositories.records import MODELS


@dataclass(frozen=True)
class FileSummary:
    commune_code: str
    commune_name: str
    province: str
    records: dict[str, int]  # record kind -> rows
    months: tuple[str, ...]  # months with figures, "2026-09", oldest first
    last_change: dt.datetime | None
    submissions: tuple[tuple[str, int], ...]  # (period, version), oldest first


def _datetime(text: object) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def summarise(path: Path) -> FileSummary:
    """Read the summary of a database file opened read-only."""
    communes, provinces = Commune.__tablename__, Province.__tablename__
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            commune = conn.execute(
                f"SELECT c.code, c.name, p.name FROM {communes} c "
                f"JOIN {provinces} p ON p.id = c.province_id ORDER BY c.id LIMIT 1"
            ).fetchone()
            records = {
                kind: conn.execute(f"SELECT count(*) FROM {model.__tablename__}").fetchone()[0]
                for kind, model in MODELS.items()
            }
            months = conn.execute(
                f"SELECT DISTINCT month FROM {MonthlyValue.__tablename__} ORDER BY month"
            ).fetchall()
            last = conn.execute(f"SELECT max(at) FROM {AuditEntry.__tablename__}").fetchone()
            submitted = conn.execute(
                f"SELECT period, version FROM {Submission.__tablename__} ORDER BY submitted_at, id"
            ).fetchall()
    except sqlite3.Error as exc:
        raise BackupError(f"Không đọc được nội dung tệp {path.name}: {exc}.") from exc
    code, name, province = commune or ("", "", "")
    return FileSummary(
        commune_code=code,
        commune_name=name,
        province=province,
        records=records,
        months=tuple(m[0] for m in months),
        last_change=_datetime(last[0]),
        submissions=tuple((p, v) for p, v in submitted),
    )
