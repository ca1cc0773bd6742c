"""The reply round trip on the command line: the commune signs and submits, the province
reviews and replies (`review`), the commune receives (`receive`): accepted, or returned and
unlocked with the province's reason; forged, foreign and replayed replies refused."""

from __future__ import annotations

import random

import pytest
from openpyxl import load_workbook

from commune_desk.demo.province import varied_values
from commune_desk.domain.periods import Period
from commune_desk.domain.signing import fingerprint, new_key_pair
from commune_desk.services.context import Actor
from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.setup import open_database
from tests.support.common import CATALOGUE, run_cli
from tests.support.consolidation import catalogue, write_commune

Q3 = Period.parse("2025-Q3")


def reseal_reply(path, changes, key=None):
    """Edit the hidden `_reply` rows and seal them again (checksum; signature by `key`)."""
    from commune_desk.domain.signing import sign
    from commune_desk.excel.data_sheet import checksum, signed_text

    workbook = load_workbook(path)
    sheet = workbook["_reply"]
    rows = [(r[0].value, r[1].value or "") for r in sheet.iter_rows(min_row=2)]
    body = [(k, v) for k, v in rows if k not in ("sha256", "signature")]
    signature = dict(rows)["signature"]
    if key is not None:
        changes = {**changes, "public_key": key.public_key}
    body = [(k, changes.get(k, v)) for k, v in body]
    if key is not None:
        signature = sign(key.private_key, signed_text(body))
    for number, (k, v) in enumerate(
        [*body, ("sha256", checksum(body)), ("signature", signature)], 2
    ):
        sheet.cell(number, 1).value, sheet.cell(number, 2).value = k, v
    workbook.save(path)
    return path


@pytest.fixture
def commune(cli_db, capsys, tmp_path):
    values = tmp_path / "values.csv"
    values.write_text(
        "period,code,value\n2025-09,tthc.received_online,1168\n2025-09,tthc.received_direct,140\n",
        "utf-8",
    )
    assert run_cli(capsys, "import", "values", str(values), "--db", cli_db)[0] == 0
    report = tmp_path / "15880_2025-Q3.xlsx"
    code, _, err = run_cli(
        capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", cli_db
    )
    assert code == 0, err
    return {"db": cli_db, "report": report, "key": tmp_path / "tinh" / "khoa.json"}


def status(db):
    handle = open_database(db, CATALOGUE, Actor("tester", "officer"))
    try:
        return ReportService(handle.context).status(Q3)
    finally:
        handle.close()


def review(capsys, commune, decision, out, reason=""):
    args = [
        "review",
        str(commune["report"]),
        decision,
        "--out",
        str(out),
        "--key",
        str(commune["key"]),
    ]
    return run_cli(capsys, *args, *(["--reason", reason] if reason else []))


def test_returned_then_resubmitted_then_accepted(commune, capsys, tmp_path):
    db = commune["db"]
    reply = tmp_path / "phan_hoi_1.xlsx"
    code, out, err = review(capsys, commune, "--return", reply, "Thiếu số liệu hồ sơ bưu chính")
    assert code == 0, err
    assert "Đã trả lại báo cáo Quý III/2025 phiên bản 1 của Xã Thiệu Trung (15880)" in out
    province_print = out.rsplit("khóa của tỉnh ", 1)[1].rstrip(").\n")

    # The first reply: the province's key is shown and must be confirmed.
    code, _, err = run_cli(capsys, "receive", str(reply), "--db", db)
    assert code == 1 and province_print in err and "--trust-province-key" in err
    assert status(db).state is ReportState.SUBMITTED  # nothing changed

    code, out, err = run_cli(capsys, "receive", str(reply), "--db", db, "--trust-province-key")
    assert code == 0, err
    assert "tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính" in out and "mở khóa" in out
    now = status(db)
    assert now.state is ReportState.UNLOCKED
    assert now.label() == "tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính"
    assert now.unlock_reason == "Tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính"
    code, out, _ = run_cli(capsys, "audit", "--db", db, "--format", "json")
    assert "Tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính" in out and fingerprint("x") not in out

    # The same reply again is refused.
    code, _, err = run_cli(capsys, "receive", str(reply), "--db", db)
    assert code == 1 and "đã được nhận" in err

    # Version 2, accepted: the key is known now, no question.
    code, _, err = run_cli(
        capsys, "export", "--period", "2025-Q3", "--out", str(commune["report"]), "--db", db
    )
    assert code == 0, err
    second = tmp_path / "phan_hoi_2.xlsx"
    assert review(capsys, commune, "--accept", second)[0] == 0
    code, out, err = run_cli(capsys, "receive", str(second), "--db", db)
    assert code == 0 and "tỉnh đã tiếp nhận" in out, err
    assert status(db).label() == "đã nộp v2, tỉnh đã tiếp nhận"


def test_forged_foreign_and_unsigned_replies_are_refused(commune, capsys, tmp_path):
    db = commune["db"]
    reply = tmp_path / "phan_hoi.xlsx"
    assert review(capsys, commune, "--accept", reply)[0] == 0
    assert run_cli(capsys, "receive", str(reply), "--db", db, "--trust-province-key")[0] == 0

    # The decision changed by hand, the checksum recomputed: the signature no longer fits.
    forged = tmp_path / "gia.xlsx"
    forged.write_bytes(reply.read_bytes())
    reseal_reply(forged, {"decision": "return", "reason": "x", "issued_at": "2030-01-01T00:00:00"})
    code, _, err = run_cli(capsys, "receive", str(forged), "--db", db)
    assert code == 1 and "chữ ký không hợp lệ" in err

    # Signed properly, but by another key than the province's recorded one.
    other = tmp_path / "khoa_khac.xlsx"
    other.write_bytes(reply.read_bytes())
    reseal_reply(other, {"issued_at": "2030-01-01T00:00:00"}, key=new_key_pair())
    code, _, err = run_cli(capsys, "receive", str(other), "--db", db)
    assert code == 1 and "không phải khóa của tỉnh đã ghi nhận" in err

    # A genuine reply of the province, for another commune.
    folder = tmp_path / "xa_khac"
    folder.mkdir()
    foreign_report = write_commune(
        folder, "16000", "Xã Khác", "2025-Q3", varied_values(catalogue(), random.Random(1))
    )
    foreign = tmp_path / "xa_khac.xlsx"
    args = [
        "review",
        str(foreign_report),
        "--accept",
        "--out",
        str(foreign),
        "--key",
        str(commune["key"]),
    ]
    assert run_cli(capsys, *args)[0] == 0
    code, _, err = run_cli(capsys, "receive", str(foreign), "--db", db)
    assert code == 1 and "không phải Xã Thiệu Trung" in err
    assert status(db).label() == "đã nộp v1, tỉnh đã tiếp nhận"


def test_review_refuses_what_it_cannot_stand_behind(commune, capsys, tmp_path):
    report = commune["report"]
    before = report.read_bytes()
    code, _, err = run_cli(
        capsys,
        "review",
        str(report),
        "--accept",
        "--out",
        str(report),
        "--key",
        str(commune["key"]),
    )
    assert code == 1 and "trùng với tệp báo cáo" in err and report.read_bytes() == before
    code, _, err = review(capsys, commune, "--return", tmp_path / "r.xlsx")
    assert code == 1 and "cần ghi lý do" in err
    with pytest.raises(SystemExit) as usage:  # --accept or --return is required
        run_cli(capsys, "review", str(report), "--out", str(tmp_path / "r.xlsx"))
    assert usage.value.code == 2
    from tests.support.consolidation import reseal

    reseal(report, {"tthc.received_direct": "1"})
    code, _, err = review(capsys, commune, "--accept", tmp_path / "r.xlsx")
    assert code == 1 and "chữ ký không hợp lệ" in err
