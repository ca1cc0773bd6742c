"""Many generated communes in one database, for `consolidate --db` timed in engines.py.

One template commune is made through the program's own services, as a clerk and an officer
would: `init`, a quarter's figures saved, the quarter submitted (its version, snapshot, lock
and signature). The other communes are then copied from it set-based (a few INSERT … SELECT
statements, the same on SQLite and PostgreSQL): each gets the template's signing key, its
monthly values scaled by a factor of its own (so drafts differ), and, for a realistic share of
them, the template's submission of the quarter (the same snapshot: the same submitted figures)
and its lock. The shares: about 80 % submitted, 12 % still entering figures (a draft), 8 %
with nothing for the quarter (missing).
"""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from commune_desk import paths
from commune_desk.cli import main as command_line
from commune_desk.demo.province import FIRST_CODE, PROVINCE, varied_values
from commune_desk.domain.catalogue import Source
from commune_desk.domain.periods import Period
from commune_desk.services.commune import CommuneService
from commune_desk.services.commune_reports import write_period_reports
from commune_desk.services.consolidation import ConsolidationService
from commune_desk.services.context import Actor, ServiceContext
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValueChange, ValuesService

QUARTER = Period.parse("2025-Q3")
SUBMITTED, DRAFT = "submitted", "draft"
# Bounded by the number of villages, which comes from the village list (empty here).
VILLAGES = {"infra.villages_mobile", "infra.villages_fiber"}


def share(index: int) -> str | None:
    """What commune number `index` (from 0) did with the quarter: submitted, draft or nothing.
    The template (0) submitted; of the others, 2 in 25 are missing and 3 in 25 drafts (the
    first three communes are one of each)."""
    slot = index % 25
    if index and slot in (2, 14):
        return None
    if index and slot in (1, 9, 17):
        return DRAFT
    return SUBMITTED


def _template(ctx: ServiceContext, period: Period, folder: Path) -> str:
    """The first commune, through the services; its code."""
    code = f"{FIRST_CODE}"
    CommuneService(ctx).init(code, "Xã Thử 0000", PROVINCE)
    one = ctx.for_commune(code)
    month = period.months()[-1].key
    values = varied_values(one.catalogue, random.Random(0))
    entered = {e.code for e in one.catalogue.elements if e.source is Source.ENTRY}
    changes = [
        ValueChange(c, month, v) for c, v in values.items() if c in entered and c not in VILLAGES
    ]
    ValuesService(one).save(changes)
    officer = replace(one, actor=Actor("bench", "officer"))
    ReportService(officer).export(period, folder / f"{code}-{period.key}.xlsx")
    return code


def _copy(engine: Engine, template: str, count: int, period: Period) -> None:
    """Communes 1 … count-1, copied set-based from the template."""
    kinds = [share(i) for i in range(count)]
    with engine.begin() as conn:
        base = conn.execute(
            text("SELECT id, province_id, cutoff_mode, created_at FROM communes WHERE code = :c"),
            {"c": template},
        ).one()
        conn.execute(
            text(
                "INSERT INTO communes (code, name, province_id, cutoff_mode, created_at)"
                " VALUES (:code, :name, :province, :cutoff, :at)"
            ),
            [
                {
                    "code": f"{FIRST_CODE + i}",
                    "name": f"Xã Thử {i:04d}",
                    "province": base.province_id,
                    "cutoff": base.cutoff_mode,
                    "at": base.created_at,
                }
                for i in range(1, count)
            ],
        )
        conn.execute(text("CREATE TEMPORARY TABLE bench_kind (code VARCHAR(10), kind VARCHAR(10))"))
        conn.execute(
            text("INSERT INTO bench_kind (code, kind) VALUES (:code, :kind)"),
            [{"code": f"{FIRST_CODE + i}", "kind": k or ""} for i, k in enumerate(kinds) if i],
        )
        new = f" FROM communes c JOIN bench_kind k ON k.code = c.code WHERE c.id <> {base.id}"
        conn.execute(
            text(
                "INSERT INTO signing_keys"
                " (commune_id, kind, public_key, private_key, created_at, created_by)"
                " SELECT c.id, t.kind, t.public_key, t.private_key, t.created_at, t.created_by"
                + new.replace(" WHERE", ", signing_keys t WHERE")
                + f" AND t.commune_id = {base.id}"
            )
        )
        conn.execute(
            text(
                "INSERT INTO monthly_values"
                " (commune_id, code, month, village_id, value, comment, updated_by, updated_at,"
                " version)"
                " SELECT c.id, t.code, t.month, NULL, t.value * (50 + c.id % 100) / 100,"
                " t.comment, t.updated_by, t.updated_at, 1"
                + new.replace(" WHERE", ", monthly_values t WHERE")
                + f" AND t.commune_id = {base.id} AND t.village_id IS NULL AND k.kind <> ''"
            )
        )
        conn.execute(
            text(
                "INSERT INTO submissions (commune_id, period, version, file_name, sha256,"
                " submitted_by, submitted_at, warnings, uid, snapshot)"
                " SELECT c.id, t.period, t.version, t.file_name, t.sha256, t.submitted_by,"
                " t.submitted_at, t.warnings, t.uid, t.snapshot"
                + new.replace(" WHERE", ", submissions t WHERE")
                + f" AND t.commune_id = {base.id} AND t.period = :p AND k.kind = :s"
            ),
            {"p": period.key, "s": SUBMITTED},
        )
        conn.execute(
            text(
                "INSERT INTO period_locks (commune_id, period, submission_id, locked_at,"
                " locked_by, unlocked_at, unlocked_by, unlock_reason)"
                " SELECT s.commune_id, t.period, s.id, t.locked_at, t.locked_by, NULL, NULL, ''"
                " FROM submissions s, period_locks t"
                " WHERE s.period = :p AND s.commune_id <> :base"
                " AND t.commune_id = :base AND t.period = :p AND t.unlocked_at IS NULL"
            ),
            {"p": period.key, "base": base.id},
        )
        conn.execute(text("DROP TABLE bench_kind"))


def generate(ctx: ServiceContext, engine: Engine, count: int, period: Period, folder: Path) -> None:
    """`count` communes in the (empty) database of `ctx`; `folder` takes the template's file."""
    template = _template(ctx, period, folder)
    if count > 1:
        _copy(engine, template, count, period)


def make_database(location: str, count: int, folder: Path) -> None:
    """The database at `location` (empty) filled with `count` communes' quarter."""
    db = open_database(location, paths.catalogue_file(), Actor("bench", "officer"))
    try:
        generate(db.context, db.engine, count, QUARTER, folder)
    finally:
        db.close()


def consolidate_db(location: str, count: int, folder: Path) -> float:
    """Seconds of `consolidate --db` over `count` communes generated at `location`."""
    make_database(location, count, folder)
    out = folder / f"tong-hop-{count}.xlsx"
    args = ["consolidate", "--db", location, "--period", QUARTER.key, "--out", str(out)]
    printed = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(printed):
        status = command_line(args)
    seconds = time.perf_counter() - started
    assert status == 0, printed.getvalue()
    return seconds


def consolidate_files(location: str, folder: Path) -> tuple[float, float]:
    """Seconds of writing the reports of the database at `location` into `folder` (by the
    builder `consolidate --db` uses), and of consolidating them as files: the file figure."""
    folder.mkdir()
    db = open_database(location, paths.catalogue_file(), Actor("bench", "officer"))
    try:
        started = time.perf_counter()
        write_period_reports(db.context, QUARTER, folder)
        written = time.perf_counter() - started
        catalogue = db.context.catalogue
    finally:
        db.close()
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        ConsolidationService(catalogue).consolidate(
            [folder], Path(out) / "tong-hop.xlsx", QUARTER.key
        )
        return written, time.perf_counter() - started
