"""Signed reports: a checksum re-sealed by the documented rule no longer passes for genuine."""

from __future__ import annotations

import random

import pytest

from commune_desk.demo.province import demo_key, varied_values
from commune_desk.domain.consolidation import IssueKind
from commune_desk.domain.signing import fingerprint, new_key_pair
from commune_desk.services.consolidation import ConsolidationError, ConsolidationService
from tests.support.consolidation import catalogue, reseal, write_commune

PERIOD = "2025-Q3"
NAMES = {"16000": "Xã A", "16001": "Xã B"}


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    for index, (code, name) in enumerate(NAMES.items()):
        write_commune(path, code, name, PERIOD, varied_values(catalogue(), random.Random(index)))
    return path


def units(tmp_path, keys: bool = True, names: dict[str, str] = NAMES):
    path = tmp_path / "units.csv"
    lines = ["code,name,public_key" if keys else "code,name"]
    for code, name in names.items():
        lines.append(f"{code},{name},{demo_key(code).public_key}" if keys else f"{code},{name}")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def consolidate(folder, tmp_path, unit_list=None, period=PERIOD):
    out = tmp_path / "o.xlsx"
    return ConsolidationService(catalogue()).consolidate([folder], out, period, unit_list)


def test_genuine_signed_reports_pass_with_the_keys_known(folder, tmp_path):
    result = consolidate(folder, tmp_path, units(tmp_path))
    assert (result.communes, result.problems) == (2, ())


def test_changed_figures_resealed_by_the_documented_rule_are_refused(folder, tmp_path):
    reseal(folder / f"16000_{PERIOD}_v1.xlsx", {"tthc.received_online": "999"})
    for unit_list in (None, units(tmp_path)):  # known key or not: the signature is checked
        result = consolidate(folder, tmp_path, unit_list)
        (issue,) = result.problems
        assert issue.kind is IssueKind.SIGNATURE and "chữ ký không hợp lệ" in issue.detail
        assert result.communes == 1


def test_a_forged_version_99_does_not_replace_the_genuine_report(folder, tmp_path):
    forged = write_commune(
        folder, "16000", "Xã A", PERIOD, varied_values(catalogue(), random.Random(9)), version=99
    )
    forger = new_key_pair()
    reseal(forged, {}, key=forger)  # signed, but by the forger's own key
    result = consolidate(folder, tmp_path, units(tmp_path))
    (issue,) = result.problems
    assert issue.kind is IssueKind.KEY_MISMATCH and issue.file == forged.name
    assert "khóa ký không khớp với xã Xã A (16000)" in issue.detail
    assert fingerprint(forger.public_key) in issue.detail
    assert result.communes == 2


def test_a_report_stripped_of_its_signature_is_refused_when_the_key_is_known(folder, tmp_path):
    reseal(folder / f"16000_{PERIOD}_v1.xlsx", {"version": "99"}, unsigned=True)
    result = consolidate(folder, tmp_path, units(tmp_path))
    (issue,) = result.problems
    assert issue.kind is IssueKind.SIGNATURE and "không có chữ ký" in issue.detail


def test_another_communes_code_is_refused_by_key_and_by_name(folder, tmp_path):
    # Xã B sends a report under Xã A's code, signed with its own (genuine) key.
    path = write_commune(
        folder, "16000", "Xã B", PERIOD, varied_values(catalogue(), random.Random(5)), version=2
    )
    reseal(path, {}, key=demo_key("16001"))
    result = consolidate(folder, tmp_path, units(tmp_path))
    assert [i.kind for i in result.problems] == [IssueKind.KEY_MISMATCH]
    # Without keys in the list, the name that is not the list's still stops it (and the
    # commune's two keys are flagged).
    result = consolidate(folder, tmp_path, units(tmp_path, keys=False))
    issue, changed = result.problems
    assert (issue.kind, changed.kind) == (IssueKind.NAME_MISMATCH, IssueKind.KEY_CHANGED)
    assert result.communes == 2
    assert "«Xã B» cho mã 16000" in issue.detail and "«Xã A»" in issue.detail


def test_a_genuine_report_whose_name_differs_is_summed_and_flagged(folder, tmp_path):
    names = {"16000": "Xã Thiệu Trung", "16001": "Xã B"}
    result = consolidate(folder, tmp_path, units(tmp_path, names=names))
    (issue,) = result.problems
    assert issue.kind is IssueKind.NAME_DIFFERS and issue.used and result.communes == 2
    assert "«Xã A» cho mã 16000" in issue.detail and "«Xã Thiệu Trung»" in issue.detail


def test_a_name_spelled_otherwise_is_the_same_commune(folder, tmp_path):
    names = {"16000": "xã  a", "16001": "B"}
    result = consolidate(folder, tmp_path, units(tmp_path, keys=False, names=names))
    assert result.problems == ()


def test_unknown_keys_are_shown_and_a_key_that_changes_is_flagged(folder, tmp_path):
    from openpyxl import load_workbook

    earlier = write_commune(
        folder, "16000", "Xã A", "2025-Q2", varied_values(catalogue(), random.Random(3))
    )
    other = new_key_pair()
    reseal(earlier, {}, key=other)
    result = consolidate(folder, tmp_path, units(tmp_path, keys=False))
    (issue,) = [i for i in result.problems if i.kind is not IssueKind.OTHER_PERIOD]
    assert issue.kind is IssueKind.KEY_CHANGED and result.communes == 2  # flagged, still used
    assert fingerprint(other.public_key) in issue.detail
    grid = load_workbook(tmp_path / "o.xlsx")["Tình trạng nộp"]
    cells = [c.value for row in grid.iter_rows() for c in row if c.value]
    assert "Khóa ký (dấu vân tay)" in cells
    shown = f"{fingerprint(demo_key('16001').public_key)} (chưa có trong danh sách)"
    assert shown in cells


def test_a_bad_public_key_in_the_units_list_names_its_row(folder, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("code,name,public_key\n16000,Xã A,khong-phai-khoa\n", "utf-8")
    with pytest.raises(ConsolidationError, match="dòng 2, cột public_key"):
        consolidate(folder, tmp_path, path)
