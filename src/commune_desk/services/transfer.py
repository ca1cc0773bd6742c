"""Moving a commune between databases: a PC's file onto the province's server and back, and
the portable backup of a server commune (a SQLite file, the same as a PC's backup).

A move is all or nothing: the rows are copied inside one transaction on the target, then every
table's row count and every period's indicators are compared with the source before it
commits; any difference rolls the whole copy back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from commune_desk.data import transfer
from commune_desk.data.backup import BACKUP_SUFFIX, BackupError, Kind, slug
from commune_desk.data.db import create_db_engine, migrate, sqlite_path
from commune_desk.data.models import Commune
from commune_desk.data.repositories import values as values_repo
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.periods import Period, year_periods
from commune_desk.services.errors import ServiceError
from commune_desk.services.indicators import compute_with


@dataclass(frozen=True)
class Moved:
    code: str
    name: str
    rows: dict[str, int]  # table -> rows copied (and found again on the target)
    periods: int  # periods whose indicators were compared


def _periods(session: Session, commune_id: int, today: dt.date) -> list[Period]:
    """Every month, quarter, half and year of every year with values (or this year)."""
    years = {int(m[:4]) for m in values_repo.months_with_values(session, commune_id)}
    years = years or {today.year}
    found: list[Period] = []
    for year in sorted(years):
        found += [Period.parse(f"{year}-{m:02d}") for m in range(1, 13)]
        found += list(year_periods(year))
    return found


def _figures(connection: Connection, catalogue: Catalogue, code: str, periods: list[Period]):
    with Session(bind=connection) as session:
        commune = session.query(Commune).filter(Commune.code == code).one()
        if not periods:
            periods = _periods(session, commune.id, dt.date.today())
        computed = compute_with(session, catalogue, commune, periods)
        return periods, [
            {c: (f.value, f.ytd, f.last_year, f.target) for c, f in p.figures.items()}
            for p in computed
        ]


def compare(src: Connection, dst: Connection, code: str, catalogue: Catalogue) -> int:
    """ServiceError naming the first period whose indicators differ; the periods compared."""
    periods, was = _figures(src, catalogue, code, [])
    _, now = _figures(dst, catalogue, code, periods)
    for period, a, b in zip(periods, was, now, strict=True):
        if a != b:
            differing = ", ".join(sorted(c for c in a if a[c] != b.get(c))[:5])
            raise ServiceError(
                f"Chỉ tiêu {period.label()} khác sau khi chép ({differing}); đã hủy, đích như cũ."
            )
    return len(periods)


def move_commune(source_db: str, target_db: str, code: str, catalogue: Catalogue) -> Moved:
    """Copy commune `code` from `source_db` into `target_db` (created or upgraded as needed),
    checked before it commits; refused when the target already holds the commune."""
    source, target = create_db_engine(source_db), create_db_engine(target_db)
    try:
        migrate(target)
        with source.connect() as src, target.begin() as dst:
            try:
                new_id = transfer.copy_commune(src, dst, code)
            except transfer.TransferError as exc:
                raise ServiceError(str(exc)) from exc
            old_id = transfer.commune_id_of(src, code)
            assert old_id is not None
            only = _only(src)
            before, after = transfer.counts(src, old_id, only), transfer.counts(dst, new_id)
            if before != after:
                wrong = [
                    f"{t}: {before[t]} → {after.get(t)}"
                    for t in before
                    if before[t] != after.get(t)
                ]
                raise ServiceError(
                    "Chép không khớp số dòng (" + "; ".join(wrong) + "); đã hủy, đích như cũ."
                )
            periods = compare(src, dst, code, catalogue)
            with Session(bind=dst) as session:
                name = session.get(Commune, new_id).name  # type: ignore[union-attr]
        return Moved(code, name, after, periods)
    finally:
        source.dispose()
        target.dispose()


def _only(connection: Connection) -> bool:
    return connection.scalar(select(func.count()).select_from(Commune)) == 1


def portable_backup(
    db: str,
    code: str,
    name: str,
    folder: Path,
    catalogue: Catalogue,
    now: dt.datetime | None = None,
    kind: Kind = Kind.MANUAL,
) -> Path:
    """A server commune's backup: a SQLite file like a PC's backup (checked, all or nothing),
    named `<database>_<code>-<name>_<date>_<time>_<kind>.sqlite3` in `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu {folder}: {exc.strerror}.") from exc
    from sqlalchemy.engine import make_url

    stem = slug(make_url(str(db)).database or "") or "commune-desk"
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    base = f"{stem}_{slug(code)}-{slug(name)}_{stamp}_{kind.value}"
    target = folder / f"{base}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        move_commune(db, str(partial), code, catalogue)
        _single_file(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        for extra in ("-wal", "-shm"):
            partial.with_name(partial.name + extra).unlink(missing_ok=True)
        raise
    return target


def _single_file(path: Path) -> None:
    """Fold the write-ahead log in: a backup is one self-contained file."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    assert sqlite_path(str(path)) is not None
