"""`commune-desk consolidate`: no database needed, the summary line, exit codes."""

from __future__ import annotations

import random

from commune_desk.cli import main
from commune_desk.demo.province import varied_values
from tests.support.consolidation import catalogue, write_commune


def test_consolidate_prints_one_summary_line_and_exits_0(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(2)
    for code in ("16000", "16001", "16002"):
        write_commune(folder, code, f"Xã {code}", "2025-Q3", varied_values(catalogue(), rng))
    (folder / "hong.xlsx").write_text("không phải bảng tính")
    units = tmp_path / "units.csv"
    units.write_text(
        "code,name\n16000,Xã 16000\n16001,Xã 16001\n16002,Xã 16002\n16003,Xã D\n", "utf-8"
    )
    out = tmp_path / "tong_hop.xlsx"
    code = main(
        [
            "consolidate",
            str(folder),
            "--out",
            str(out),
            "--period",
            "2025-Q3",
            "--units",
            str(units),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.strip() == f"Đã đọc 4 tệp, tổng hợp 3 xã, 1 vấn đề: {out}"
    assert out.is_file()
    assert not list(tmp_path.glob("**/*.sqlite3"))  # no commune database was created


def test_nothing_usable_exits_1(tmp_path, capsys):
    (tmp_path / "a.xlsx").write_text("x")
    code = main(["consolidate", str(tmp_path), "--out", str(tmp_path / "o.xlsx")])
    assert code == 1
    err = capsys.readouterr().err
    assert "Không tìm thấy báo cáo xã nào" in err and "a.xlsx" in err


def test_an_unwritable_output_exits_1(tmp_path, capsys):
    write_commune(
        tmp_path, "16000", "Xã A", "2025-Q3", varied_values(catalogue(), random.Random(1))
    )
    code = main(["consolidate", str(tmp_path), "--out", str(tmp_path / "no" / "o.xlsx")])
    assert code == 1
    assert "o.xlsx" in capsys.readouterr().err


def test_a_bad_period_exits_1_and_missing_out_is_a_usage_error(tmp_path, capsys):
    assert (
        main(
            ["consolidate", str(tmp_path), "--out", str(tmp_path / "o.xlsx"), "--period", "2025-Q9"]
        )
        == 1
    )
    try:
        main(["consolidate", str(tmp_path)])
    except SystemExit as exc:
        assert exc.code == 2


def test_an_output_that_is_an_input_exits_1_and_leaves_it_untouched(tmp_path, capsys):
    rng = random.Random(3)
    a = write_commune(tmp_path, "16000", "Xã A", "2025-Q3", varied_values(catalogue(), rng))
    b = write_commune(tmp_path, "16001", "Xã B", "2025-Q3", varied_values(catalogue(), rng))
    before = a.read_bytes()
    assert main(["consolidate", str(a), str(b), "--out", str(a)]) == 1
    assert "trùng với tệp đầu vào" in capsys.readouterr().err
    assert a.read_bytes() == before


def test_include_drafts_counts_a_draft(tmp_path, capsys):
    rng = random.Random(4)
    write_commune(tmp_path, "16000", "Xã A", "2025-Q3", varied_values(catalogue(), rng))
    values = varied_values(catalogue(), rng)
    write_commune(tmp_path, "16001", "Xã B", "2025-Q3", values, draft=True)
    out = tmp_path.parent / f"{tmp_path.name}.xlsx"
    assert main(["consolidate", str(tmp_path), "--out", str(out)]) == 0
    assert "tổng hợp 1 xã" in capsys.readouterr().out
    assert main(["consolidate", str(tmp_path), "--out", str(out), "--include-drafts"]) == 0
    assert "tổng hợp 2 xã, 0 vấn đề" in capsys.readouterr().out
