"""Two communes in one database file, and contexts working for each (issue 19)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor, ServiceContext
from commune_desk.services.setup import OpenDatabase, open_database
from tests.support.common import CATALOGUE, FIXED_NOW

A_CODE, A_NAME = "15880", "Xã Thiệu Trung"
B_CODE, B_NAME = "15881", "Xã Thiệu Vận"


@dataclass
class TwoCommunes:
    db: OpenDatabase
    a: ServiceContext  # works for A_CODE
    b: ServiceContext  # works for B_CODE

    def close(self) -> None:
        self.db.close()


def open_as(db: str | Path, code: str | None, actor: Actor | None = None) -> OpenDatabase:
    """Another opening of the same database (its own engine and connections), for `code`."""
    opened = open_database(db, CATALOGUE, actor or Actor("tester", "officer"))
    opened.context.clock = lambda: FIXED_NOW
    if code is not None:
        opened.context = opened.context.for_commune(code)
    return opened


def two_communes(db: str | Path) -> TwoCommunes:
    """A database holding A and B (made through the services, as `init` twice does)."""
    opened = open_as(db, None)
    CommuneService(opened.context).init(A_CODE, A_NAME, "Thanh Hóa")
    CommuneService(opened.context).init(B_CODE, B_NAME, "Thanh Hóa")
    return TwoCommunes(
        opened, opened.context.for_commune(A_CODE), opened.context.for_commune(B_CODE)
    )
