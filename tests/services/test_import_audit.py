"""An import of a list is one change: one audit entry per import, holding every row it wrote."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from commune_desk.services.audit import AuditKind, AuditQuery, AuditRow, AuditService
from commune_desk.services.context import Actor
from commune_desk.services.errors import ImportRefused
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RecordService

VILLAGES = "code,name,kind\nT01,Thôn Đông,thôn\nT02,Thôn Tây,thôn\nT03,Tổ dân phố 3,tổ dân phố\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def imports(ctx) -> list[AuditRow]:
    boss = replace(ctx, actor=Actor("lanhdao", "supervisor"))
    rows = AuditService(boss).list()
    return [r for r in rows if r.action == "import"]


def test_an_import_writes_one_entry_with_every_row_and_the_file(ctx, tmp_path):
    path = write(tmp_path / "thon.csv", VILLAGES)
    ImportService(ctx).import_file("villages", path)
    (entry,) = imports(ctx)
    assert (entry.actor, entry.entity, entry.key, entry.old) == (
        "tester",
        "villages",
        "thon.csv",
        None,
    )
    stored = json.loads(entry.new)
    assert stored["file"] == "thon.csv"
    assert stored["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert stored["changed"] == []
    assert [(r["code"], r["name"], r["kind"]) for r in stored["added"]] == [
        ("T01", "Thôn Đông", "thon"),
        ("T02", "Thôn Tây", "thon"),
        ("T03", "Tổ dân phố 3", "to_dan_pho"),
    ]
    text = entry.text
    assert text.action == "Nhập từ tệp"
    assert text.subject == "Nhập 3 thôn, tổ dân phố từ tệp thon.csv"
    assert text.new.startswith("Thêm 3 bản ghi; mã kiểm tra SHA-256 của tệp: ")
    assert stored["sha256"][:12] in text.new and "villages" not in text.new + text.subject


def test_a_reimport_keeps_the_old_and_new_values_of_what_it_changed(ctx, tmp_path):
    service = ImportService(ctx)
    service.import_file("villages", write(tmp_path / "v1.csv", VILLAGES))
    again = VILLAGES.replace("Thôn Tây", "Thôn Tây Mới") + "T04,Thôn Bắc,thôn\n"
    service.import_file("villages", write(tmp_path / "v2.csv", again))
    service.import_file("villages", write(tmp_path / "v3.csv", again))  # nothing new: no entry
    first, second = imports(ctx)
    assert first.key == "v1.csv"
    assert second.key == "v2.csv"
    new, old = json.loads(second.new), json.loads(second.old)
    assert [r["code"] for r in new["added"]] == ["T04"]
    assert [(r["code"], r["name"]) for r in new["changed"]] == [("T02", "Thôn Tây Mới")]
    assert [(r["code"], r["name"]) for r in old["changed"]] == [("T02", "Thôn Tây")]
    assert second.text.subject == "Nhập 2 thôn, tổ dân phố từ tệp v2.csv"
    assert second.text.new.startswith("Thêm 1 bản ghi; sửa 1 bản ghi; ")
    assert second.text.old == "1 bản ghi trước khi sửa"


def test_a_refused_or_previewed_import_leaves_no_entry_and_no_row(ctx, tmp_path):
    service = ImportService(ctx)
    bad = VILLAGES + "T05,,thôn\n"  # a name missing on the last row
    with pytest.raises(ImportRefused):
        service.import_file("villages", write(tmp_path / "bad.csv", bad))
    service.import_file("villages", write(tmp_path / "v.csv", VILLAGES), dry_run=True)
    assert imports(ctx) == []
    assert RecordService(ctx).count("villages") == 0


def test_a_large_import_entry_holds_exactly_the_records_written(ctx, tmp_path):
    lines = "".join(f"X{n:04d},Thôn số {n},thôn\n" for n in range(1500))
    ImportService(ctx).import_file(
        "villages", write(tmp_path / "lon.csv", "code,name,kind\n" + lines)
    )
    (entry,) = imports(ctx)
    added = json.loads(entry.new)["added"]
    stored = {(r["code"], r["name"]) for r in RecordService(ctx).list("villages")}
    assert len(added) == 1500 and {(r["code"], r["name"]) for r in added} == stored
    assert entry.text.subject == "Nhập 1.500 thôn, tổ dân phố từ tệp lon.csv"


def test_the_export_gives_the_import_and_a_line_for_each_record(ctx, tmp_path):
    service = ImportService(ctx)
    service.import_file("villages", write(tmp_path / "v1.csv", VILLAGES))
    again = VILLAGES.replace("Thôn Tây", "Thôn Tây Mới")
    service.import_file("villages", write(tmp_path / "v2.csv", again))
    boss = replace(ctx, actor=Actor("lanhdao", "supervisor"))
    path = tmp_path / "nhat-ky.xlsx"
    AuditService(boss).export(AuditQuery(kinds=(AuditKind.RECORD,)), path)
    _, *rows = load_workbook(path).active.iter_rows(values_only=True)
    said = [(r[3], r[4], r[6], r[7]) for r in rows]  # action, subject, old, new in words
    assert said[0] == (
        "Nhập từ tệp",
        "Nhập 1 thôn, tổ dân phố từ tệp v2.csv",
        "1 bản ghi trước khi sửa",
        said[0][3],
    )
    assert said[1] == (
        "Nhập từ tệp: sửa",
        "Thôn, tổ dân phố: T02",
        "Tên thôn, tổ dân phố: Thôn Tây",
        "Tên thôn, tổ dân phố: Thôn Tây Mới",
    )
    assert said[2][:2] == ("Nhập từ tệp", "Nhập 3 thôn, tổ dân phố từ tệp v1.csv")
    assert [s[:2] for s in said[3:]] == [
        ("Nhập từ tệp: thêm", f"Thôn, tổ dân phố: {code}") for code in ("T01", "T02", "T03")
    ]
    assert "Tên thôn, tổ dân phố: Thôn Đông" in said[3][3]
    # as stored: the import's file and counts, then each record's values
    assert json.loads(rows[2][14])["added"] == 3 and json.loads(rows[2][14])["file"] == "v1.csv"
    assert json.loads(rows[3][14])["code"] == "T01"
    assert json.loads(rows[1][13])["name"] == "Thôn Tây"


def test_an_import_that_loses_a_deadlock_is_tried_again_whole(
    ctx, tmp_path, engine_name, monkeypatch
):
    """The server ends the import's transaction once (a real SQLSTATE 40P01 raised inside it);
    nothing of that try stays, the import runs again and is written once, with one entry."""
    if engine_name != "postgresql":
        pytest.skip("SQLite's writers never deadlock: BEGIN IMMEDIATE serialises them")
    from sqlalchemy import text

    from commune_desk.services import imports as imports_module

    real_write = imports_module.write_records
    tries: list[int] = []

    def deadlocked_once(session, *args, **kwargs):
        tries.append(1)
        real_write(session, *args, **kwargs)
        if len(tries) == 1:
            session.execute(text("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01'; END $$"))

    monkeypatch.setattr(imports_module, "write_records", deadlocked_once)
    report = ImportService(ctx).import_file("villages", write(tmp_path / "thon.csv", VILLAGES))
    assert len(tries) == 2 and report.added == 3
    assert sorted(r["code"] for r in RecordService(ctx).list("villages")) == ["T01", "T02", "T03"]
    assert len(imports(ctx)) == 1
