"""The Nhật ký thay đổi page shows an import of a list as one line, in words."""

from __future__ import annotations

from commune_desk.services.imports import ImportService
from commune_desk.views.audit.page import AuditPage, Column
from tests.support.accounts import as_role
from tests.support.kernel import wait_idle


def test_an_import_is_one_line_saying_how_many_records_from_which_file(
    qtbot, ctx, dialogs, tmp_path
):
    path = tmp_path / "thon.csv"
    lines = "".join(f"T{n:02d},Thôn {n},thôn\n" for n in range(1, 41))
    path.write_text("code,name,kind\n" + lines, encoding="utf-8")
    ImportService(ctx).import_file("villages", path)
    page = AuditPage(as_role(ctx, "supervisor"), dialogs)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    assert [r.action for r in page.model.rows].count("import") == 1  # not one per record
    shown = [page.model.text(page.model.row_at(0), c) for c in Column]
    assert shown[Column.ACTION] == "Nhập từ tệp"
    assert shown[Column.WHAT] == "Nhập 40 thôn, tổ dân phố từ tệp thon.csv"
    assert shown[Column.NEW].startswith("Thêm 40 bản ghi; mã kiểm tra SHA-256 của tệp: ")
    assert shown[Column.OLD] == ""
    assert not any(code in " ".join(shown) for code in ("villages", "import", "{"))
