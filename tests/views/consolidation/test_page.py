"""The Tổng hợp page: choose files, run in the background, see the result, open it."""

from __future__ import annotations

import random

from PySide6.QtCore import QUrl

from commune_desk.demo.province import varied_values
from commune_desk.views.consolidation.page import ConsolidationPage, ProblemsModel
from tests.support.consolidation import catalogue, write_commune
from tests.support.fakes import FakeDialogs


def make_page(qtbot, dialogs, opened):
    page = ConsolidationPage(catalogue(), dialogs, open_url=lambda url: opened.append(url))
    qtbot.addWidget(page)
    return page


def test_choose_run_and_open_the_result(qtbot, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(4)
    for code in ("16000", "16001"):
        write_commune(folder, code, f"Xã {code}", "2025-Q3", varied_values(catalogue(), rng))
    (folder / "hong.xlsx").write_text("x")
    out = tmp_path / "kq"
    dialogs = FakeDialogs(folder=folder, save_path=out)
    opened: list[QUrl] = []
    page = make_page(qtbot, dialogs, opened)
    assert not page.ui.run_button.isEnabled()
    page.ui.add_folder_button.click()
    page.ui.output_button.click()
    assert page.ui.output_edit.text().endswith("kq.xlsx")
    assert page.ui.run_button.isEnabled()
    with qtbot.waitSignal(page.consolidated, timeout=20000) as blocker:
        page.ui.run_button.click()
    result = blocker.args[0]
    assert (result.files, result.communes, len(result.problems)) == (3, 2, 1)
    assert page.ui.summary_label.text() == result.summary
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "hong.xlsx"
    assert page.ui.progress_bar.value() == page.ui.progress_bar.maximum()
    assert (tmp_path / "kq.xlsx").is_file()
    page.ui.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "kq.xlsx"))]


def test_several_files_are_added_in_one_choice(qtbot, tmp_path):
    rng = random.Random(5)
    chosen = [
        write_commune(tmp_path, code, f"Xã {code}", "2025-Q3", varied_values(catalogue(), rng))
        for code in ("16000", "16001", "16002")
    ]
    dialogs = FakeDialogs(open_paths=chosen[:2], save_path=tmp_path / "out" / "kq.xlsx")
    (tmp_path / "out").mkdir()
    page = make_page(qtbot, dialogs, [])
    page.ui.add_file_button.click()
    dialogs.open_paths = chosen[1:]  # one already in the list, one new
    page.ui.add_file_button.click()
    dialogs.open_paths = []  # the user cancels
    page.ui.add_file_button.click()
    listed = [page.ui.sources_list.item(i).text() for i in range(page.ui.sources_list.count())]
    assert listed == [str(path) for path in chosen]
    assert [kind for kind, *_ in dialogs.asked] == ["open_many"] * 3
    page.ui.output_button.click()
    with qtbot.waitSignal(page.consolidated, timeout=20000) as blocker:
        page.ui.run_button.click()
    assert (blocker.args[0].files, blocker.args[0].communes) == (3, 3)


def test_nothing_usable_warns(qtbot, tmp_path):
    (tmp_path / "a.xlsx").write_text("x")
    dialogs = FakeDialogs(open_paths=[tmp_path / "a.xlsx"], save_path=tmp_path / "o.xlsx")
    page = make_page(qtbot, dialogs, [])
    page.ui.add_file_button.click()
    page.ui.output_button.click()
    page.ui.run_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.texts("warn")), timeout=20000)
    assert "Không tìm thấy báo cáo xã nào" in dialogs.texts("warn")[0]
    assert not page.ui.open_button.isEnabled()
    assert page.ui.run_button.isEnabled()


def test_the_problems_model(qtmodeltester):
    from commune_desk.domain.consolidation import Issue, IssueKind

    model = ProblemsModel()
    model.set_rows((Issue("a.xlsx", IssueKind.NO_DATA, "a.xlsx: không có _data"),))
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Không có phần dữ liệu ẩn của báo cáo"
