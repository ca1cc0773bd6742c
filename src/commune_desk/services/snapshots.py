"""What a submission reported: every catalogue code's figures and the targets used.

A snapshot is written with its submission, in the same transaction; the lock guard, `check`
and the screens of a submitted period read it back. Submissions made before snapshots existed
get one from the figures at the first opening after the upgrade (which keeps figures as they
were), flagged as rebuilt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session, sessionmaker

from commune_desk.data.models import Commune, Submission
from commune_desk.data.repositories import commune as commune_repo
from commune_desk.data.repositories import values as values_repo
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.indicators import Figure
from commune_desk.domain.numbers import Number, format_number
from commune_desk.domain.periods import Mode, Period
from commune_desk.services.indicators import PeriodFigures, compute_with

FIELDS = ("value", "ytd", "last_year", "target", "pct_of_target")


@dataclass(frozen=True)
class Snapshot:
    figures: dict[str, Figure]
    catalogue_version: str
    rebuilt: bool = False  # made after the fact from the figures at an upgrade
    # The previous period's values the report showed beside them (None: not recorded, a
    # snapshot made before the report had that column).
    previous: dict[str, Number | None] | None = None


def to_json(
    figures: PeriodFigures,
    catalogue: Catalogue,
    rebuilt: bool = False,
    previous: PeriodFigures | None = None,
) -> str:
    rows = {
        code: {name: getattr(f, name) for name in FIELDS} for code, f in figures.figures.items()
    }
    document: dict[str, object] = {"catalogue_version": catalogue.version, "figures": rows}
    if previous is not None:
        document["previous"] = {code: f.value for code, f in previous.figures.items()}
    if rebuilt:
        document["rebuilt"] = True
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None) -> Snapshot | None:
    if not text:
        return None
    document = json.loads(text)
    figures = {
        code: Figure(code, *(row.get(name) for name in FIELDS))
        for code, row in document.get("figures", {}).items()
    }
    return Snapshot(
        figures,
        document.get("catalogue_version", ""),
        bool(document.get("rebuilt")),
        document.get("previous"),
    )


def same(a: Number | None, b: Number | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


@dataclass(frozen=True)
class Difference:
    """One figure of a locked period that is not what its submission reported."""

    period: Period
    version: int
    code: str
    label: str
    what: str  # "value" or "target"; for check's warnings also "ytd" or "last_year"
    submitted: Number | None
    now: Number | None

    def text(self) -> str:
        label = f"{_COLUMN[self.what]}{self.label}"
        before, after = _apart(self.submitted, self.now)
        return f"{label}: đã nộp {before}, nay {after}"


_COLUMN = {
    "value": "",
    "target": "chỉ tiêu kế hoạch của ",
    "ytd": "lũy kế từ đầu năm của ",
    "last_year": "cùng kỳ năm trước của ",
}


def _apart(a: Number | None, b: Number | None) -> tuple[str, str]:
    """Both numbers as shown, with as many decimals (up to 4) as it takes to tell them apart:
    1,48 and 1,49 rather than 1,5 and 1,5."""
    shown = (format_number(a, empty="(trống)"), format_number(b, empty="(trống)"))
    if a is None or b is None:
        return shown
    for decimals in range(2, 5):
        if shown[0] != shown[1]:
            break
        shown = (format_number(a, decimals), format_number(b, decimals))
    return shown


def differences(
    catalogue: Catalogue,
    period: Period,
    version: int,
    snapshot: Snapshot,
    values: Mapping[str, Number | None],
    targets: Mapping[str, float],
) -> list[Difference]:
    """The values and targets now that differ from the snapshot, in catalogue order."""
    found = []
    for code in catalogue.codes():
        before = snapshot.figures.get(code)
        if before is None:
            continue  # a code added to the catalogue after the submission
        for what, new in (("value", values.get(code)), ("target", targets.get(code))):
            old = getattr(before, what)
            if not same(old, new):
                label = catalogue.get(code).label
                found.append(Difference(period, version, code, label, what, old, new))
    return found


def column_differences(
    catalogue: Catalogue,
    period: Period,
    version: int,
    snapshot: Snapshot,
    figures: Mapping[str, Figure],
) -> list[Difference]:
    """The year-to-date and last-year columns of a submitted report that no longer hold.

    They are made from months outside the locked period (which the lock does not hold), so
    they may move; `check` names them as warnings, the guard does not refuse them.
    """
    found = []
    for code in catalogue.codes():
        before, now = snapshot.figures.get(code), figures.get(code)
        if before is None or now is None:
            continue
        for what in ("ytd", "last_year"):
            old, new = getattr(before, what), getattr(now, what)
            if not same(old, new):
                label = catalogue.get(code).label
                found.append(Difference(period, version, code, label, what, old, new))
    return found


@dataclass(frozen=True)
class LockedSubmission:
    period: Period
    submission: Submission


def locked_submissions(session: Session, commune_id: int) -> list[LockedSubmission]:
    """The submissions that hold a lock now (the ones whose figures must not move)."""
    return [
        LockedSubmission(Period.parse(lock.period), submission)
        for lock, submission in values_repo.active_locks(session, commune_id)
        if submission is not None
    ]


def missing(rows: Iterable[LockedSubmission]) -> list[LockedSubmission]:
    return [r for r in rows if not r.submission.snapshot]


def fill_missing(
    sessions: sessionmaker[Session], catalogue: Catalogue, reads: sessionmaker[Session]
) -> int:
    """Give the locked submissions made before snapshots existed their snapshot; how many.

    Run at opening, right after the upgrade (which keeps every figure as it was), so the
    figures recorded are the ones the submission reported.
    """
    with reads.begin() as session:  # a reader: opening never waits for a writer in vain
        if commune_repo.commune_id_of(session, strict=False) is None:
            return 0  # no commune, or several: made since every submission has its snapshot
        commune = commune_repo.the_commune(session)
        if commune is None or not missing(locked_submissions(session, commune.id)):
            return 0
    with sessions.begin() as session:
        commune = commune_repo.the_commune(session)
        if commune is None:
            return 0
        rows = missing(locked_submissions(session, commune.id))
        if not rows:
            return 0
        current = compute_with(session, catalogue, commune, [r.period for r in rows])
        for row, figures in zip(rows, current, strict=True):
            row.submission.snapshot = to_json(figures, catalogue, rebuilt=True)
        return len(rows)


def locked_snapshot(
    session: Session, commune: Commune, period: Period
) -> tuple[int, Snapshot] | None:
    """The version and the snapshot of a locked period's submission, or None when the period
    is not locked (or its submission has no snapshot)."""
    for row in locked_submissions(session, commune.id):
        if row.period == period:
            snapshot = from_json(row.submission.snapshot)
            return None if snapshot is None else (row.submission.version, snapshot)
    return None


def submitted_figures(
    session: Session, catalogue: Catalogue, commune: Commune, period: Period
) -> tuple[int, PeriodFigures] | None:
    """The version and the figures a locked period's submission reported, or None when the
    period is not locked (or its submission has no snapshot)."""
    found = locked_snapshot(session, commune, period)
    if found is not None:
        version, snapshot = found
        empty = Figure("", None, None, None, None, None)
        figures = {
            code: snapshot.figures.get(code) or replace(empty, code=code)
            for code in catalogue.codes()
        }
        window = period.window(Mode(commune.cutoff_mode))
        result = PeriodFigures(commune.code, commune.name, period, window, figures)
        return version, result
    return None
