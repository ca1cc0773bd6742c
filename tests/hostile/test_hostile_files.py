"""Hostile and broken import files, proven: each ends in a Vietnamese refusal that names the
problem (file, and row and column or cell where there is one), in bounded time and memory, with
nothing imported and no traceback. The heavy ones are read in a child process, whose peak
memory is measured and which an abort (not an exception) would show."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from commune_desk.excel.tables import MAX_ROWS, read_table
from commune_desk.services.errors import ImportRefused
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RecordService
from tests.hostile.files import header_row, lying_zip_bomb, ods, raw_xlsx, text_cell, xls
from tests.support.common import run_cli
from tests.support.consolidation import zip_bomb

MAX_PEAK_MB = 500
HANG_GUARD_S = 120
LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
# Words, not random letters: text that reads as no Vietnamese at all may be an old 8-bit
# font's codes, which the import converts or refuses (tests/services/test_import_legacy.py).
SYLLABLES = [
    "nguyễn",
    "thị",
    "hà",
    "đặng",
    "văn",
    "khánh",
    "bùi",
    "quang",
    "huy",
    "trường",
    "thôn",
    "đông",
    "tây",
    "tổ",
    "dân",
    "phố",
    "hưng",
    "đạo",
    "quyết",
    "giữa",
    "nghiêng",
    "người",
    "những",
    "việt",
    "ánh",
    "yến",
    "ỷ",
    "ơn",
    "ưng",
    "uyên",
    "khuỷu",
    "xoong",
]
WORD = st.sampled_from(SYLLABLES).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
VIETNAMESE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
HYPOTHESIS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def refused(ctx, kind: str, path: Path) -> str:
    """Import `path` and expect a refusal that names it; nothing may be imported."""
    before = {k: RecordService(ctx).count(k) for k in ("villages", "staff")}
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file(kind, path)
    message = str(err.value)
    assert path.name in message
    assert "Traceback" not in message
    assert {k: RecordService(ctx).count(k) for k in ("villages", "staff")} == before
    return message


def csv_bytes(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def villages(names: list[str]) -> list[list[str]]:
    return [["code", "name"], *([f"T{i}", n] for i, n in enumerate(names, 1))]


# -- encodings and byte-order marks -------------------------------------------------------
@HYPOTHESIS
@given(
    names=st.lists(VIETNAMESE, min_size=1, max_size=5),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "utf-16"]),
)
def test_a_csv_in_another_encoding_is_refused_naming_it(ctx, tmp_path, names, encoding):
    # Code page 1258 (Excel's Vietnamese CSV) is read, and so is a Latin-1 file whose bytes
    # read as Vietnamese in it; one that does not is refused: tests/services/test_import_legacy.py.
    text = csv_bytes(villages(names))
    raw = text.encode(encoding, errors="replace")
    try:
        raw.decode("utf-8")
        assume(False)  # plain ASCII is the same in every encoding
    except UnicodeDecodeError:
        pass
    path = tmp_path / "thon.csv"
    path.write_bytes(raw)
    message = refused(ctx, "villages", path)
    assert ("UTF-16" if encoding.startswith("utf-16") else "không phải UTF-8") in message
    assert "CSV UTF-8" in message


@HYPOTHESIS
@given(names=st.lists(VIETNAMESE, min_size=1, max_size=5), data=st.data())
def test_stray_byte_order_marks_change_nothing(tmp_path, names, data):
    text = csv_bytes(villages(names))
    places = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=6))
    stray = text
    for place in sorted(places, reverse=True):
        if stray[place - 1 : place + 1] != "\r\n":
            stray = stray[:place] + "\ufeff" + stray[place:]
    (tmp_path / "a").mkdir(exist_ok=True)
    (tmp_path / "b").mkdir(exist_ok=True)
    clean = tmp_path / "a" / "thon.csv"
    clean.write_text(text, "utf-8")
    marked = tmp_path / "b" / "thon.csv"
    marked.write_bytes(b"\xef\xbb\xbf" + stray.encode("utf-8"))
    assert read_table(marked) == read_table(clean)


# -- dates and formulas -------------------------------------------------------------------
DATE_TEXTS = st.one_of(
    st.sampled_from(
        [
            "21-11-2026",
            "21.11.2026",
            "ngày 21 tháng 11 năm 2026",
            "2026/31/12",
            "31/02/2026",
            "46347",
            "21/11/26",
            "Nov 21, 2026",
            "=TODAY()",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)


@HYPOTHESIS
@given(date=DATE_TEXTS)
def test_a_date_as_any_text_is_read_or_refused_at_its_row_and_column(ctx, tmp_path, date):
    assume(date.strip())
    path = tmp_path / "can_bo.csv"
    rows = [["code", "full_name", "group", "start_date"], ["CB1", "Lê Văn An", "can_bo", date]]
    path.write_text(csv_bytes(rows), "utf-8")
    try:
        report = ImportService(ctx).import_file("staff", path, dry_run=True)
    except ImportRefused as exc:
        assert [(e.file, e.row, e.column) for e in exc.errors] == [("can_bo.csv", 2, "start_date")]
    else:
        assert report.added == 1
    assert RecordService(ctx).count("staff") == 0


def test_a_formula_without_its_result_is_refused_naming_the_cell(ctx, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["period", "code", "value"])
    workbook.active.append(["2025-09", "tthc.procedures", "=B7*2"])
    workbook.save(tmp_path / "so_lieu.xlsx")
    message = refused(ctx, "values", tmp_path / "so_lieu.xlsx")
    assert "ô C2: công thức chưa có kết quả (=B7*2)" in message


def test_a_formula_typed_into_a_csv_is_refused_at_its_row_and_column(ctx, tmp_path):
    path = tmp_path / "so_lieu.csv"
    path.write_text("period,code,value\n2025-09,tthc.procedures,=SUM(C3:C9)\n", "utf-8")
    message = refused(ctx, "values", path)
    assert "so_lieu.csv, dòng 2, cột value" in message


def test_merged_header_cells_are_refused_naming_the_merge(ctx, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH THÔN"])
    sheet.merge_cells("A1:B1")
    sheet.append(["code", "name"])
    sheet.append(["T1", "Thôn Đông"])
    workbook.save(tmp_path / "thon.xlsx")
    assert "dòng 1: dòng tiêu đề có ô gộp (A1:B1)" in refused(
        ctx, "villages", tmp_path / "thon.xlsx"
    )


# -- renamed files --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (xls, "thon.xlsx", "Excel 97-2003 (.xls) được đổi đuôi"),
        (ods, "thon.xlsx", "OpenDocument (.ods) được đổi đuôi"),
        (xls, "thon.csv", "Excel 97-2003 (.xls) chứ không phải văn bản .csv"),
        (ods, "thon.csv", "nén (.xlsx, .ods hoặc .zip) chứ không phải văn bản .csv"),
        (ods, "thon.ods", "định dạng .ods không được hỗ trợ"),
    ],
)
def test_a_renamed_spreadsheet_is_refused_naming_what_it_is(ctx, tmp_path, make, name, expected):
    assert expected in refused(ctx, "villages", make(tmp_path / name))


# -- large and hostile: read in a child process, memory measured ---------------------------
_READ = """
import json, resource, sys
from pathlib import Path
from commune_desk.excel.tables import TableError, read_table
try:
    read_table(Path(sys.argv[1]))
    message = None
except TableError as exc:
    message = str(exc)
try:  # this process's own high-water mark (ru_maxrss would include the forked parent's)
    with open("/proc/self/status") as status:
        peak = next(int(x.split()[1]) for x in status if x.startswith("VmHWM")) // 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"message": message, "peak_mb": peak}))
"""


def read_in_child(path: Path) -> str:
    """The refusal of reading `path` in a fresh process, after checking its peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]  # an abort would show here
    result = json.loads(done.stdout)
    assert result["peak_mb"] < MAX_PEAK_MB, result
    assert result["message"] is not None, f"{path.name} was read"
    assert result["message"].startswith(path.name)
    return result["message"]


def million_rows_csv(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("code,name\n")
        handle.writelines(f"T{n},Thôn {n}\n" for n in range(1_000_000))
    return path


def million_rows_xlsx(path: Path) -> Path:
    def rows(start: int) -> bytes:
        return "".join(
            f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(start, start + 50_000)
        ).encode()

    return raw_xlsx(path, [header_row("code"), *(rows(s) for s in range(2, 1_000_002, 50_000))])


def far_cell(path: Path) -> Path:
    """Two cells, A1 and XFD1048576: python-calamine would allocate 17 billion cells."""
    return raw_xlsx(
        path, [header_row("code"), b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>']
    )


def long_cell_xlsx(path: Path) -> Path:
    row = b'<row r="2">' + text_cell("A2", "T1") + text_cell("B2", "x" * 100_000) + b"</row>"
    return raw_xlsx(path, [header_row("code", "name"), row])


def entity_bomb_after_a_comment(path: Path) -> Path:
    """Entity declarations hidden behind 10 KB of comment, past any quick look at the start."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><!--' + b"x" * 10_000 + b"--><!DOCTYPE w ["
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    return raw_xlsx(path, [header_row("code")], head)


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (million_rows_csv, "trieu.csv", f"tối đa {MAX_ROWS:,}".replace(",", ".")),
        (million_rows_xlsx, "trieu.xlsx", f"tối đa {MAX_ROWS:,}".replace(",", ".")),
        (far_cell, "xa.xlsx", "vùng dữ liệu quá lớn (A1:XFD1048576)"),
        (long_cell_xlsx, "dai.xlsx", "dòng 2, cột name: ô quá dài (100.000 ký tự"),
        (zip_bomb, "bom.xlsx", "zip bomb"),
        (lambda p: lying_zip_bomb(p, 20), "bom_gia.xlsx", "bị hỏng"),
        (entity_bomb_after_a_comment, "thuc_the.xlsx", "khai báo XML không được phép"),
    ],
)
def test_huge_and_hostile_files_are_refused_in_bounded_memory(tmp_path, make, name, expected):
    assert expected in read_in_child(make(tmp_path / name))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("x" * 100_000, "thon.csv, dòng 2, cột name: ô quá dài (100.000 ký tự"),
        ("x" * 200_000, "thon.csv, dòng 2: có ô dài quá 131.072 ký tự"),
    ],
)
def test_a_csv_cell_of_100000_characters_is_refused(ctx, tmp_path, cell, expected):
    path = tmp_path / "thon.csv"
    path.write_text(f"code,name\nT1,{cell}\n", "utf-8")
    assert expected in refused(ctx, "villages", path)


def test_a_header_of_100000_characters_is_refused(ctx, tmp_path):
    path = tmp_path / "thon.csv"
    path.write_text(f"code,{'n' * 100_000}\nT1,x\n", "utf-8")
    assert "dòng 1: tên cột dài 100.000 ký tự" in refused(ctx, "villages", path)


# -- the command line ------------------------------------------------------------------------
@pytest.mark.parametrize("make", [far_cell, xls, entity_bomb_after_a_comment])
def test_the_command_line_refuses_with_exit_1_and_no_traceback(cli_db, capsys, tmp_path, make):
    path = make(tmp_path / "danh_sach.xlsx")
    code, _, err = run_cli(capsys, "import", "villages", str(path), "--db", cli_db)
    assert code == 1
    assert "danh_sach.xlsx" in err and "Traceback" not in err
    assert "Không nhập dữ liệu" in err.splitlines()[0]
