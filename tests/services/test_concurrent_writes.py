"""Several PCs at once: submissions are serialised with saves and with each other, and a
deadlock or serialisation failure is tried again, then refused plainly (issue 19)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from commune_desk.data.models import Submission
from commune_desk.domain.periods import Period
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import DatabaseBusy, PeriodLocked
from commune_desk.services.guard import check_locked
from commune_desk.services.reports import ReportService
from commune_desk.services.retry import WriteConflict, run_retried
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.communes import open_as

Q3 = Period.parse("2025-Q3")
BASE = [
    ValueChange("tthc.received_online", "2025-09", 1168),
    ValueChange("tthc.received_direct", "2025-09", 140),
]


@pytest.fixture
def two_pcs(db_url):
    first = open_as(db_url, None, Actor("hoa", "officer", "Nguyễn Thị Hoa"))
    CommuneService(first.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
    ValuesService(first.context).save(BASE)
    second = open_as(db_url, None, Actor("nam", "officer", "Trần Văn Nam"))
    yield first.context, second.context
    second.close()
    first.close()


def _together(*calls: Callable[[], object]) -> list[object]:
    """Run the calls at the same moment on their own threads; each one's result or error."""
    start = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        start.wait()
        try:
            results[i] = call()
        except Exception as exc:  # the test looks at what each one met
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_submissions_of_one_period_at_once_give_one_version_and_one_refusal(two_pcs, tmp_path):
    hoa, nam = two_pcs
    results = _together(
        lambda: ReportService(hoa).export(Q3, tmp_path / "hoa.xlsx"),
        lambda: ReportService(nam).export(Q3, tmp_path / "nam.xlsx"),
    )
    versions = [r.version for r in results if not isinstance(r, Exception)]
    refusals = [r for r in results if isinstance(r, Exception)]
    assert versions == [1]
    assert len(refusals) == 1 and isinstance(refusals[0], PeriodLocked)
    with hoa.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 1


def test_submissions_after_unlocks_never_share_a_number(two_pcs, tmp_path):
    hoa, nam = two_pcs
    boss = replace(hoa, actor=Actor("sep", "supervisor"))
    for round_ in range(3):
        _together(
            lambda r=round_: ReportService(hoa).export(Q3, tmp_path / f"hoa{r}.xlsx"),
            lambda r=round_: ReportService(nam).export(Q3, tmp_path / f"nam{r}.xlsx"),
        )
        ReportService(boss).unlock(Q3, "sửa số liệu")
    with hoa.read_session() as session:
        versions = list(session.scalars(select(Submission.version).order_by(Submission.version)))
    assert versions == [1, 2, 3]


def test_saves_racing_a_submission_never_leave_it_different_from_the_database(two_pcs, tmp_path):
    hoa, nam = two_pcs
    outcomes = []

    def keep_saving() -> None:
        for n in range(12):
            try:
                ValuesService(nam).save([ValueChange("tthc.received_direct", "2025-08", 100 + n)])
                outcomes.append("saved")
            except PeriodLocked:
                outcomes.append("locked")

    results = _together(keep_saving, lambda: ReportService(hoa).export(Q3, tmp_path / "q3.xlsx"))
    assert results[1].version == 1
    assert "locked" in outcomes or outcomes == ["saved"] * 12
    assert outcomes == sorted(outcomes, key=lambda o: o == "locked")  # never saved after
    with hoa.sessions.begin() as session:
        assert check_locked(session, hoa.catalogue) == []  # what was submitted is what is held


def test_a_deadlock_is_tried_again_then_refused_plainly(two_pcs, engine_name):
    hoa, _ = two_pcs
    if engine_name != "postgresql":
        pytest.skip("SQLite's writers never deadlock: BEGIN IMMEDIATE serialises them")
    tries = []

    def always_deadlocked() -> None:
        tries.append(1)
        with hoa.sessions.begin() as session:  # a real error of the server, SQLSTATE 40P01
            session.execute(text("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01'; END $$"))

    with pytest.raises(WriteConflict) as err:
        run_retried(always_deadlocked)
    assert len(tries) == 4 and "Chưa có gì thay đổi; hãy thử lại" in str(err.value)
    assert isinstance(err.value, DatabaseBusy)  # the window keeps what was typed, to retry

    def deadlocked_once() -> str:
        tries.append(2)
        if tries.count(2) == 1:
            always_deadlocked()
        return "saved"

    assert run_retried(deadlocked_once) == "saved"


def test_two_writers_locking_in_opposite_order_both_end_saved(two_pcs, engine_name):
    """A real deadlock between two connections: the server ends one, which is tried again."""
    hoa, nam = two_pcs
    if engine_name != "postgresql":
        pytest.skip("SQLite's writers never deadlock: BEGIN IMMEDIATE serialises them")
    ValuesService(hoa).save([ValueChange("infra.bts", "2025-07", 1)])
    ids = {}
    with hoa.read_session() as session:
        for code in ("tthc.received_online", "infra.bts"):
            ids[code] = session.scalar(text(f"SELECT id FROM monthly_values WHERE code = '{code}'"))
    both_hold = threading.Barrier(2)

    def writer(ctx, first: str, second: str) -> Callable[[], str]:
        attempts = []

        def once() -> str:
            attempts.append(1)
            with ctx.sessions.begin() as session:
                update = "UPDATE monthly_values SET comment = :c WHERE id = :i"
                session.execute(text(update), {"c": first, "i": ids[first]})
                if len(attempts) == 1:
                    both_hold.wait(timeout=10)
                session.execute(text(update), {"c": first, "i": ids[second]})
            return "saved"

        return lambda: run_retried(once)

    results = _together(
        writer(hoa, "tthc.received_online", "infra.bts"),
        writer(nam, "infra.bts", "tthc.received_online"),
    )
    assert results == ["saved", "saved"]
