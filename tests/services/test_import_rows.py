"""A list read a column at a time reads exactly as row by row: values, ids, errors, notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from commune_desk.domain.records import KINDS
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.import_rows import audit_texts, parse_rows
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RowParser, audit_values

VILLAGES = "code,name,kind\nT01,Thôn Đông,thôn\nT02,Thôn Tây,thon\n007,Thôn Bảy,thôn\n"
TEAMS = (
    "code,name,level,village_code,established_on\n"
    "TO1,Tổ Đông,village,T01,01/01/2023\nTO2,Tổ xã,commune,,01/01/2023\n"
)

SINCE = {"established_on": "01/01/2023"}
# Rows as a file gives them (field name -> cell), good and bad, repeated cells included.
ROWS = {
    "activities": [
        {"team_code": "TO1", "date": "03/02/2025", "type": "vneid", "people_supported": "4"},
        {"team_code": "to1", "date": "03/02/2025", "type": "VNeID", "people_supported": 4.0},
        {"team_code": "TO9", "date": "03/02/2025", "type": "vneid", "people_supported": "4"},
        {"team_code": "TO1", "date": "31/02/2025", "type": "bay", "people_supported": "-1"},
        {"team_code": "TO2", "date": dt.datetime(2025, 3, 1), "type": "other", "village_code": 7},
        {"team_code": "", "date": "", "type": "", "people_supported": "", "note": "  Ghi  chú "},
        {"team_code": "TO1", "date": "04/02/2025", "type": "cashless", "people_supported": True},
        {"team_code": "TO1", "date": "04/02/2025", "type": "cashless", "people_supported": 1},
        {"team_code": "TO1", "date": "05/02/2025", "type": "other", "people_supported": "1.500"},
    ],
    "teams": [
        {"code": "TO3", "name": "Tổ 3", "level": "village", "village_code": ""} | SINCE,
        {"code": "TO8", "name": "Tổ 8", "level": "village", "village_code": "T01"} | SINCE,
        {"code": "TO4", "name": "Tổ 4", "level": "commune", "village_code": "T02"} | SINCE,
        {"code": "TO5", "name": "Tổ 5", "level": "commune", "village_code": "T99"} | SINCE,
        {"code": "TO6", "name": "Tổ 6", "level": "cap huyen", "village_code": "T02"} | SINCE,
        {"code": "TO7", "name": "Tổ 7", "level": "village", "village_code": "7"} | SINCE,
        {"code": " to7 ", "name": "TỔ   7", "level": "village", "village_code": "T02"} | SINCE,
    ],
    "villages": [
        {"code": "T05", "name": "Thôn 5", "merged_into": "T05", "dissolved_on": ""},
        {"code": "T06", "name": "Thôn 6", "merged_into": "T01", "dissolved_on": ""},
        {
            "code": "T07",
            "name": "Thôn 7",
            "established_on": "02/02/2020",
            "dissolved_on": "1/1/2020",
        },
        {"code": "T08", "name": "", "kind": "xóm"},
        {"code": "T09", "name": "Thôn  9", "kind": "Tổ dân phố", "dissolved_on": "2/1/2024"},
    ],
}


@pytest.fixture
def parser_for(ctx, tmp_path: Path):
    (tmp_path / "v.csv").write_text(VILLAGES, "utf-8")
    (tmp_path / "t.csv").write_text(TEAMS, "utf-8")
    ImportService(ctx).import_file("villages", tmp_path / "v.csv")
    ImportService(ctx).import_file("teams", tmp_path / "t.csv")

    def make(kind: str) -> RowParser:
        with ctx.sessions.begin() as session:
            return RowParser(session, ctx, require_commune(session).id, KINDS[kind])

    return make


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_columns_read_as_rows_do(parser_for, kind: str) -> None:
    rows = ROWS[kind]
    parser = parser_for(kind)
    names = sorted({name for row in rows for name in row})
    # A cell absent from a row (a short line) is blank, as for a new record row by row.
    columns = {name: [row.get(name) for row in rows] for name in names}
    parsed = parse_rows(parser, columns, len(rows))
    for index, row in enumerate(rows):
        values, refs, errors = parser.parse({n: row.get(n) for n in names})
        assert parsed.errors.get(index, {}) == errors
        assert list(parsed.errors.get(index, {})) == list(errors)  # in the same order
        assert parsed.notes.get(index, []) == parser.notes
        assert parsed.values(index) == values
        if not errors:
            assert parsed.refs(index) == refs
            assert parsed.keys[index] == parser.match(values)
    assert len(parsed.errors) < len(rows)  # some rows are good


def test_padded_code_is_noted_in_its_row(parser_for) -> None:
    parser = parser_for("teams")
    columns = {"code": ["TO9"], "name": ["Tổ 9"], "level": ["village"], "village_code": [7]}
    parsed = parse_rows(parser, {**columns, "established_on": ["01/01/2024"]}, 1)
    assert not parsed.errors
    assert parsed.values(0)["village_code"] == "007"
    assert parsed.notes[0] and "«7»" in parsed.notes[0][0] and "«007»" in parsed.notes[0][0]


def test_a_field_without_a_column_is_blank_in_every_row(parser_for) -> None:
    parser = parser_for("activities")
    columns = {"team_code": ["TO1", "TO1"], "date": ["01/03/2025", "02/03/2025"]}
    parsed = parse_rows(parser, columns, 2)
    assert parsed.errors == {
        0: {"type": "bắt buộc phải có giá trị", "people_supported": "bắt buộc phải có giá trị"},
        1: {"type": "bắt buộc phải có giá trị", "people_supported": "bắt buộc phải có giá trị"},
    }


def test_audit_texts_are_the_encoders_own() -> None:
    rows = [
        {"b": 1, "a": 'Nguyễn "An"', "c": dt.date(2025, 1, 2), "d": None, "e": ("x", "y")},
        {"b": 1.0, "a": 'Nguyễn "An"', "c": dt.date(2025, 1, 2), "d": True, "e": ()},
        {"b": True, "a": "", "c": None, "d": 2.5, "e": ("x", "y")},
    ]
    columns = {name: [row[name] for row in rows] for name in ("e", "d", "c", "b", "a")}
    texts = audit_texts(columns, lambda v: audit.to_text(v) or "null")
    assert texts == [audit.to_text(audit_values(row)) for row in rows]
    assert audit_texts({"a": []}, str) == []


def test_a_short_line_keeps_what_it_lacks_and_an_empty_cell_empties_it(ctx, tmp_path):
    from commune_desk.services.records import RecordService

    service = ImportService(ctx)
    first = tmp_path / "v1.csv"
    first.write_text("code,name,kind\nT01,Thôn Đông,tổ dân phố\nT02,Thôn Tây,tổ dân phố\n", "utf-8")
    service.import_file("villages", first)
    again = tmp_path / "v2.csv"
    again.write_text("code,name,kind\nT01,Thôn Đông Mới\nT02,Thôn Tây Mới,\n", "utf-8")
    report = service.import_file("villages", again)
    assert (report.added, report.changed) == (0, 2)
    kinds = {r["code"]: (r["name"], r["kind"]) for r in RecordService(ctx).list("villages")}
    assert kinds == {"T01": ("Thôn Đông Mới", "to_dan_pho"), "T02": ("Thôn Tây Mới", "thon")}


def test_the_garbage_collector_runs_again_after_an_import_even_a_refused_one(ctx, tmp_path):
    import gc

    from commune_desk.services.errors import ImportRefused

    bad = tmp_path / "v.csv"
    bad.write_text("code,name\nT01,\n", "utf-8")
    with pytest.raises(ImportRefused):
        ImportService(ctx).import_file("villages", bad)
    assert gc.isenabled()
    gc.disable()
    try:  # and one that finds it paused leaves it paused
        (tmp_path / "ok.csv").write_text("code,name\nT01,Thôn 1\n", "utf-8")
        ImportService(ctx).import_file("villages", tmp_path / "ok.csv")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_participant_of_a_training_in_a_submitted_month_is_refused_by_row(ctx, tmp_path):
    from commune_desk.domain.periods import Period
    from commune_desk.services.errors import ImportRefused
    from commune_desk.services.reports import ReportService

    service = ImportService(ctx)
    files = {
        "staff": "code,full_name,group,start_date\nS1,Lê An,cong_chuc,01/01/2020\n"
        "S2,Lê Bình,cong_chuc,01/01/2020\n",
        "trainings": "code,title,topics,start_date,end_date\n"
        "K9,Kỹ năng số,dx,08/09/2025,10/09/2025\nK10,AI,ai,01/10/2025,02/10/2025\n",
    }
    for kind, text in files.items():
        (tmp_path / f"{kind}.csv").write_text(text, "utf-8")
        service.import_file(kind, tmp_path / f"{kind}.csv")
    ReportService(ctx).export(Period.parse("2025-09"), tmp_path / "t9.xlsx")
    path = tmp_path / "participants.csv"
    path.write_text("training_code,staff_code\nK10,S1\nK9,S2\n", "utf-8")
    with pytest.raises(ImportRefused) as refused:
        service.import_file("participants", path)
    (error,) = refused.value.errors
    assert (error.row, error.column) == (3, "training_code")
    assert "Tháng 9/2025" in error.message
