"""Opening a database for use: migrate it, load the catalogue, build the context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from commune_desk.data.db import (
    create_db_engine,
    make_read_session_factory,
    make_session_factory,
    migrate,
)
from commune_desk.data.repositories.figures import counts
from commune_desk.domain.catalogue import Catalogue, CatalogueError
from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.services import guard, snapshots
from commune_desk.services.backups import daily_backup, startup_check
from commune_desk.services.context import Actor, ServiceContext, local_now


@dataclass
class OpenDatabase:
    engine: Engine
    context: ServiceContext

    def close(self) -> None:
        self.engine.dispose()


def _check_countable(catalogue: Catalogue, source: Path) -> None:
    """A `records` figure must be one the program knows how to count."""
    activity_types = frozenset(catalogue.vocab.get("activity_type", {}))
    unknown = [e.code for e in catalogue.records_elements() if not counts(e.code, activity_types)]
    if unknown:
        raise CatalogueError(
            Path(source).name,
            None,
            "chương trình không biết cách đếm từ danh sách các chỉ tiêu " + ", ".join(unknown),
        )


def open_database(
    db: str | Path,
    catalogue_path: Path,
    actor: Actor,
    backups_dir: Path | None = None,
    clock: Callable[[], dt.datetime] = local_now,
) -> OpenDatabase:
    """Check `db`, migrate it and return a context.

    With a backups folder (the window and the command line pass one): a damaged file is
    refused (DatabaseDamaged names the newest good copy), a file that needs an upgrade is
    copied first, and the first opening of the day makes the day's automatic copy.
    """
    catalogue: Catalogue = load_catalogue(catalogue_path)
    _check_countable(catalogue, catalogue_path)
    startup_check(db, backups_dir)
    engine = create_db_engine(db)
    try:
        migrate(engine, backups_dir)
    except Exception:
        engine.dispose()
        raise
    if backups_dir is not None:
        daily_backup(db, backups_dir, clock())
    context = ServiceContext(
        make_session_factory(engine), catalogue, actor, reads=make_read_session_factory(engine)
    )
    assert context.reads is not None
    # Every write of every use case on these sessions meets the guard of submitted figures.
    guard.install(context.sessions, catalogue, context.reads)
    snapshots.fill_missing(context.sessions, catalogue, context.reads)
    return OpenDatabase(engine, context)
