"""Backup names and the rotation rule: 14 daily and 12 monthly copies, safety copies kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from commune_desk.data.backup import BackupCopy, Kind, parse_name, set_aside, slug, to_prune


def copy(day: dt.datetime, kind: Kind = Kind.DAILY, group: str = "db_15880-xa") -> BackupCopy:
    stamp = day.strftime("%Y-%m-%d_%H-%M-%S")
    return BackupCopy(Path(f"{group}_{stamp}_{kind.value}.sqlite3"), group, day, kind)


def test_names_parse_back():
    name = Path("commune-desk_15880-xa-thieu-trung_2026-11-21_09-30-00_tu-dong-2.sqlite3")
    parsed = parse_name(name)
    assert parsed is not None
    assert parsed.group == "commune-desk_15880-xa-thieu-trung"
    assert parsed.taken_at == dt.datetime(2026, 11, 21, 9, 30)
    assert parsed.kind is Kind.DAILY
    assert parse_name(Path("notes_2026-11-21.sqlite3")) is None
    assert parse_name(Path("x_2026-13-40_09-30-00_tu-dong.sqlite3")) is None
    assert slug("Xã Đông Tiến, Thanh Hóa") == "xa-dong-tien-thanh-hoa"


def test_rotation_keeps_the_newest_of_14_days_and_of_12_months():
    start = dt.datetime(2025, 1, 1, 8, 0)
    copies = []
    for n in range(700):  # two years of daily copies, plus a manual copy every tenth day
        day = start + dt.timedelta(days=n)
        copies.append(copy(day))
        if n % 10 == 0:
            copies.append(copy(day.replace(hour=15), Kind.MANUAL))
    doomed = {c.path for c in to_prune(copies)}
    kept = sorted((c for c in copies if c.path not in doomed), key=lambda c: c.taken_at)
    last = start + dt.timedelta(days=699)
    days = {c.taken_at.date() for c in kept if c.taken_at.date() > (last - dt.timedelta(14)).date()}
    assert len(days) == 14
    months = {(c.taken_at.year, c.taken_at.month) for c in kept}
    assert len(months) == 12
    # The last copy is of 1/12/2026: the 14 days reach back into November, so the months
    # add the newest copies of January to October 2026 (twelve months with December).
    assert len(kept) == 14 + 10
    assert kept[0].taken_at == dt.datetime(2026, 1, 31, 8, 0)
    # The newest copy of each kept day: the manual one of 15:00 wins over the 08:00 one.
    for kept_copy in kept:
        same_day = [c for c in copies if c.taken_at.date() == kept_copy.taken_at.date()]
        assert kept_copy.taken_at == max(c.taken_at for c in same_day)


def test_rotation_counts_days_with_copies_not_calendar_days():
    start = dt.datetime(2026, 1, 5, 8, 0)
    copies = [copy(start + dt.timedelta(days=3 * n)) for n in range(20)]  # a PC used twice a week
    doomed = to_prune(copies)
    assert doomed == copies[:6][::-1]  # the 14 newest copies span 6 weeks: all three months


def test_safety_copies_and_other_groups_are_left_alone():
    start = dt.datetime(2026, 1, 1, 8, 0)
    ours = [copy(start + dt.timedelta(days=n)) for n in range(40)]
    safety = [
        copy(start + dt.timedelta(days=n, hours=1), kind)
        for n in range(40)
        for kind in (Kind.BEFORE_UPGRADE, Kind.BEFORE_RESTORE)
    ]
    demo = [copy(start + dt.timedelta(days=n), group="demo_99999-demo") for n in range(10)]
    doomed = to_prune([*ours, *safety, *demo])
    assert doomed and all(c in ours for c in doomed)
    assert len(ours) - len(doomed) == 14  # the newest of January (31/1) is one of the 14 days


def test_set_aside_keeps_the_file_and_its_journal(tmp_path):
    db = tmp_path / "commune.sqlite3"
    for name, content in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        Path(f"{db}{name}").write_bytes(content)
    aside = set_aside(db, dt.datetime(2026, 11, 21, 9, 30))
    assert aside.name == "commune.hong-2026-11-21_09-30-00.sqlite3"
    assert aside.read_bytes() == b"main" and Path(f"{aside}-wal").read_bytes() == b"wal"
    assert not db.exists() and not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()


def test_set_aside_moves_nothing_when_one_rename_fails(tmp_path, monkeypatch):
    import os

    import pytest

    from commune_desk.data.backup import BackupError

    db = tmp_path / "commune.sqlite3"
    for name, content in (("", b"main"), ("-wal", b"wal")):
        Path(f"{db}{name}").write_bytes(content)
    real_replace = os.replace

    def replace(source, destination):
        if str(source).endswith("-wal"):
            raise PermissionError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(BackupError, match="Không đổi tên được tệp hỏng"):
        set_aside(db, dt.datetime(2026, 11, 21, 9, 30))
    assert db.read_bytes() == b"main" and Path(f"{db}-wal").read_bytes() == b"wal"
    assert [p.name for p in tmp_path.iterdir() if "hong" in p.name] == []
