"""The audit trail: every change writes who, when, what, old -> new; reading it back.

Entries are only ever added: the program has no use case that changes or deletes one (and the
schema refuses it). Reading, filtering and exporting the trail is a supervisor's act.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.models import AuditEntry
from commune_desk.data.repositories import audit as repo
from commune_desk.data.repositories import commune as commune_repo
from commune_desk.data.repositories import records as records_repo
from commune_desk.data.repositories import users as users_repo
from commune_desk.domain.records import KINDS as RECORD_KINDS
from commune_desk.excel.lists import ListColumn, ListWriteError, write_list
from commune_desk.services.audit_imports import describe, head, imported, is_import
from commune_desk.services.audit_text import EntryText, Wording
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action, require

Progress = Callable[[int, int], None]  # (rows done, rows in all)
LOGIN_ACTIONS = ("login", "login_failed", "lockout", "logout")
ACCOUNT_ACTIONS = ("create", "password", "reset_password", "disable", "enable")
PAGE_SIZE = 1000


class AuditKind(StrEnum):
    FIGURE = "figure"  # monthly figures
    RECORD = "record"  # the lists (staff, trainings, teams...)
    REPORT = "report"  # submissions, unlocks and restores
    LOGIN = "login"  # logins, failed logins, lock-outs, logouts
    ACCOUNT = "account"  # accounts created, passwords changed, disabled...
    SETTINGS = "settings"  # the commune, its settings and targets


_KIND_FILTERS: dict[AuditKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    AuditKind.FIGURE: (("value",), ()),
    AuditKind.RECORD: (tuple(RECORD_KINDS), ()),
    AuditKind.REPORT: (("report", "database"), ()),
    AuditKind.LOGIN: (("account",), LOGIN_ACTIONS),
    AuditKind.ACCOUNT: (("account",), ACCOUNT_ACTIONS),
    AuditKind.SETTINGS: (("commune", "setting", "target"), ()),
}


def to_text(value: Any) -> str | None:
    """A value as stored in the trail: JSON text, dates as ISO text; None stays None."""
    if value is None:
        return None
    return _ENCODER.encode(value)


# One encoder for every entry (json.dumps with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def entry(
    ctx: ServiceContext,
    action: str,
    entity: str,
    key: str,
    old: Any = None,
    new: Any = None,
    period: str | None = None,
    reason: str = "",
    actor: str | None = None,
) -> dict[str, Any]:
    """One audit row, ready for a bulk insert inside the change's transaction.

    `actor` names who acted when it is not the context's account (a login attempt).
    """
    return audit_row(ctx, action, entity, key, to_text(old), to_text(new), period, reason, actor)


def audit_row(
    ctx: ServiceContext,
    action: str,
    entity: str,
    key: str,
    old_text: str | None,
    new_text: str | None,
    period: str | None = None,
    reason: str = "",
    actor: str | None = None,
) -> dict[str, Any]:
    """The audit table's row, its values already JSON text: every entry is made here."""
    return {
        "at": ctx.now(),
        "actor": (actor or ctx.actor.username)[:80],
        "action": action,
        "entity": entity,
        "entity_key": key[:200],
        "period": period,
        "old_value": old_text,
        "new_value": new_text,
        "reason": reason,
    }


def import_entry(
    ctx: ServiceContext,
    entity: str,
    file: str,
    sha256: str,
    added: Sequence[str],
    changed: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """The one entry of an import of a list: which file (name and SHA-256) and every row it
    added or changed, each row already JSON text (`to_text` of its values).

    New value: {"file", "sha256", "added": [row, ...], "changed": [row, ...]}; old value,
    when rows were changed: {"changed": [the same records before, in the same order]}.
    """
    source = to_text({"file": file, "sha256": sha256})  # '{"file": …, "sha256": …}'
    assert source is not None
    new_text = (
        f'{{"added": [{", ".join(added)}], "changed": [{", ".join(n for _, n in changed)}], '
        + source[1:]
    )
    old_text = f'{{"changed": [{", ".join(o for o, _ in changed)}]}}' if changed else None
    return audit_row(ctx, "import", entity, file, old_text, new_text)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    key: str
    period: str | None
    old: str | None
    new: str | None
    reason: str
    text: EntryText  # the entry in words: action, what, period, old and new values
    actor_name: str = ""  # the account's full name, when the actor is an account


@dataclass(frozen=True)
class AuditQuery:
    """The audit page's filters; dates are whole days, both included."""

    actor: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[AuditKind, ...] = ()

    def where(self) -> repo.AuditFilter:
        return repo.AuditFilter(
            since=dt.datetime.combine(self.date_from, dt.time()) if self.date_from else None,
            before=(
                dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time())
                if self.date_to
                else None
            ),
            actor=self.actor or None,
            kinds=[_KIND_FILTERS[k] for k in self.kinds],
        )


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int


EXPORT_COLUMNS = (
    ListColumn("Thời điểm", 18),
    ListColumn("Tài khoản", 16),
    ListColumn("Họ và tên", 24),
    ListColumn("Thao tác", 18),
    ListColumn("Đối tượng", 36),
    ListColumn("Kỳ", 14),
    ListColumn("Giá trị cũ", 48),
    ListColumn("Giá trị mới", 48),
    ListColumn("Lý do", 30),
    # the entry as stored, for checking or for another program
    ListColumn("Mã thao tác", 14),
    ListColumn("Loại đối tượng", 14),
    ListColumn("Khóa", 24),
    ListColumn("Mã kỳ", 10),
    ListColumn("Giá trị cũ (dữ liệu gốc)", 40),
    ListColumn("Giá trị mới (dữ liệu gốc)", 40),
)


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list(
        self,
        since: dt.date | None = None,
        actor: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[AuditRow]:
        """Entries oldest first (the command line's view)."""
        require(self._ctx, Action.READ_AUDIT)
        where = repo.AuditFilter(
            since=dt.datetime.combine(since, dt.time()) if since else None,
            actor=actor,
            kinds=[((entity,), ())] if entity else [],
        )
        with self._ctx.read_session() as session:
            rows, wording = repo.entries(session, where, limit=limit), self._wording(session)
            return [_row(r, wording) for r in rows]

    def page(self, query: AuditQuery, offset: int = 0, limit: int = PAGE_SIZE) -> AuditPage:
        """A page of the entries matching the filters, newest first."""
        require(self._ctx, Action.READ_AUDIT)
        where = query.where()
        with self._ctx.read_session() as session:
            rows = repo.entries(session, where, offset, limit, newest_first=True)
            total, wording = repo.count(session, where), self._wording(session)
            return AuditPage([_row(r, wording) for r in rows], total)

    def actors(self) -> list[tuple[str, str]]:
        """(username, full name) of everyone in the trail or with an account."""
        require(self._ctx, Action.READ_AUDIT)
        with self._ctx.read_session() as session:
            names = users_repo.full_names(session)
            everyone = sorted(set(repo.actors(session)) | set(names))
            return [(u, names.get(u, "")) for u in everyone]

    def export(self, query: AuditQuery, path: Path, progress: Progress | None = None) -> int:
        """Write the matching entries (newest first) to an .xlsx file; rows written."""
        require(self._ctx, Action.READ_AUDIT)
        first = self.page(query, 0, PAGE_SIZE)

        def rows() -> Iterator[Sequence[object]]:
            page, done = first, 0
            wording: Wording | None = None
            while page.rows:
                for r in page.rows:
                    if is_import(r.action, r.entity, r.new):
                        # A whole import: its line, then a line for each record it wrote (a
                        # cell holds at most 32,767 characters, the rows would not fit one).
                        if wording is None:
                            with self._ctx.read_session() as session:
                                wording = self._wording(session)
                        yield _line(r, r.text, head(r.old), head(r.new))
                        for item in imported(wording, r.entity, r.old, r.new):
                            yield _line(r, item.text, to_text(item.old), to_text(item.new))
                        continue
                    yield _line(r, r.text, r.old, r.new)
                done += len(page.rows)
                if progress is not None:
                    progress(done, max(first.total, done))
                if len(page.rows) < PAGE_SIZE:
                    break
                page = self.page(query, done, PAGE_SIZE)

        try:
            return write_list(Path(path), "Nhật ký thay đổi", EXPORT_COLUMNS, rows())
        except ListWriteError as exc:
            raise ServiceError(str(exc)) from exc

    def _wording(self, session: Session) -> Wording:
        """Words for this commune's entries: figure labels, full names, village codes."""
        commune_id = commune_repo.commune_id_of(session, strict=False)
        codes = records_repo.code_map(session, commune_id, "villages") if commune_id else {}
        villages = {id_: code for code, id_ in codes.items()}
        return Wording(self._ctx.catalogue, users_repo.full_names(session), villages)


def _line(r: AuditRow, text: EntryText, old: str | None, new: str | None) -> Sequence[object]:
    """A line of the export: the entry in words, then as stored."""
    return (
        r.at.strftime("%d/%m/%Y %H:%M:%S"),  # a date cell would drop the time
        r.actor,
        r.actor_name,
        text.action,
        text.subject,
        text.period,
        text.old,
        text.new,
        r.reason,
        r.action,
        r.entity,
        r.key,
        r.period or "",
        old or "",
        new or "",
    )


def _row(r: AuditEntry, wording: Wording) -> AuditRow:
    return AuditRow(
        r.id,
        r.at,
        r.actor,
        r.action,
        r.entity,
        r.entity_key,
        r.period,
        r.old_value,
        r.new_value,
        r.reason,
        describe(wording, r.action, r.entity, r.entity_key, r.period, r.old_value, r.new_value),
        wording.full_name(r.actor),
    )
